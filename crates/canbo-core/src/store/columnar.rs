//! The roster as it is kept in local storage (`canbo.roster`, version 2): columns of small
//! integers, deflated, 15 bits to a character.
//!
//! A roster repeats itself down each column: a district's 250,000 people share a few hundred
//! units, a few dozen ethnicities, a handful of levels. So each field of [`Person`] is kept
//! as a dictionary of its distinct values (in order of first appearance) and one index per
//! person, written as a LEB128 varint (one byte while a field has fewer than 128 values).
//! The columns are laid one after another, so deflate sees long runs of like bytes; the row
//! of each person is kept as the step from the person before (one byte for consecutive
//! rows). Version 1 kept the roster as JSON, row by row, in base64: it is still read.
//!
//! The bytes: a varint length, the [`Header`] as JSON (dictionaries, columns, sources,
//! warnings), then the columns in the order of [`Dictionaries`]' fields, then the rows.
//! Reading trusts nothing: every index is checked against its dictionary and every count
//! against the bytes left (the share link's [`wire`](crate::share::wire) reader).

use foldhash::{HashMap, HashMapExt};
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use super::{text15, StoreError};
use crate::codes::*;
use crate::date::PartialDate;
use crate::import::Source;
use crate::report::{Coded, ColumnCoding, FieldColumn, FieldColumns};
use crate::roster::{Columns, Origin, Person, Roster, Warning};
use crate::share::wire::{Reader, Writer};
use crate::vocab::positions::Title;

/// The envelope's kind and the version this module writes.
pub const KIND: &str = "canbo.roster";
pub const VERSION: u32 = 2;
/// What version 1 wrote: the same kind, deflated JSON in base64.
const JSON_VERSION: u32 = 1;
/// Inflated bytes a stored roster may take: a 250,000-person roster takes about 20 MB, so
/// only a forged envelope reaches this (deflate can inflate 1,000 : 1).
const MAX_INFLATED: usize = 256 << 20;

/// A field's distinct values and, while encoding, where each one is.
struct Dictionary<T> {
    values: Vec<T>,
    index: HashMap<T, u32>,
}

impl<T: Hash + Eq + Clone> Dictionary<T> {
    fn new() -> Self {
        Dictionary {
            values: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn code(&mut self, value: &T) -> u32 {
        if let Some(&i) = self.index.get(value) {
            return i;
        }
        let i = self.values.len() as u32;
        self.values.push(value.clone());
        self.index.insert(value.clone(), i);
        i
    }
}

/// Declares the dictionary-coded fields once: the stored dictionaries, the encoder that
/// builds them and the columns, and the order the columns are written and read in.
macro_rules! columns {
    ($( $field:ident : $ty:ty ),+ $(,)?) => {
        /// Each field's distinct values, in order of first appearance.
        #[derive(Debug, Default, Serialize, Deserialize)]
        struct Dictionaries { $( $field: Vec<$ty>, )+ }

        /// Dictionaries being built and one index per person per field.
        struct Encoder { $( $field: (Dictionary<$ty>, Vec<u32>), )+ }

        impl Encoder {
            fn new(people: usize) -> Self {
                Encoder { $( $field: (Dictionary::new(), Vec::with_capacity(people)), )+ }
            }

            fn finish(self, w: &mut Writer) -> Dictionaries {
                $( for &i in &self.$field.1 { w.uint(u64::from(i)); } )+
                Dictionaries { $( $field: self.$field.0.values, )+ }
            }
        }

        /// How many columns there are.
        const COLUMNS: usize = [$( stringify!($field) ),+].len();

        /// One index per person per field, read and checked against the dictionaries.
        #[derive(Default)]
        struct Decoded { $( $field: Vec<u32>, )+ }

        impl Decoded {
            /// Reads the `k`th column; `false` when there is none.
            fn read_column(
                &mut self,
                k: usize,
                r: &mut Reader,
                people: usize,
                d: &Dictionaries,
            ) -> Result<bool, StoreError> {
                let mut at = 0;
                $(
                    if at == k {
                        self.$field = column(r, people, d.$field.len(), stringify!($field))?;
                        return Ok(true);
                    }
                    at += 1;
                )+
                let _ = at;
                Ok(false)
            }
        }
    };
}

columns! {
    name: String,
    birth: Option<PartialDate>,
    gender: Option<Gender>,
    ethnicity: Option<String>,
    religion: Option<String>,
    unit: String,
    position: Option<String>,
    title: Option<Title>,
    concurrent: Vec<Title>,
    category: Category,
    party_member: Option<bool>,
    general_education: Option<GeneralEducation>,
    professional: Option<Professional>,
    field_of_study: Option<String>,
    political_theory: Option<PoliticalTheory>,
    state_management: Option<StateManagement>,
    it: Option<String>,
    foreign_language: Option<String>,
    ethnic_language: Option<String>,
    evaluation: Option<Evaluation>,
    hired: Option<PartialDate>,
    file: String,
    sheet: String,
}

/// Everything but the columns, as JSON.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    people: usize,
    dictionaries: Dictionaries,
    columns: Columns,
    sources: Vec<Source>,
    warnings: Vec<Warning>,
}

fn column(
    r: &mut Reader,
    people: usize,
    values: usize,
    what: &'static str,
) -> Result<Vec<u32>, StoreError> {
    (0..people)
        .map(|_| r.index(values, what).map(|i| i as u32))
        .collect::<Result<_, _>>()
        .map_err(|e| StoreError::Damaged(e.to_string()))
}

/// The roster as a `canbo.roster:2:` envelope: [`encode`]'s bytes, deflated, 15 bits to a
/// character.
pub fn pack(roster: &Roster) -> Result<String, StoreError> {
    Ok(seal(&encode(roster)?))
}

/// [`encode`]'s bytes as [`pack`] writes them (the import worker sends the page the bytes,
/// then packs the same bytes for storage without encoding the roster twice).
pub fn seal(encoded: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(encoded, 6);
    format!("{KIND}:{VERSION}:{}", text15::encode(&deflated))
}

/// The roster as columns of small integers, not compressed: what [`pack`] deflates, and
/// what the import worker hands the page (a seventeenth of the same roster as JSON, read
/// back in a little over half the time: `benches/report_filter.rs`). [`decode`] reads it
/// back.
pub fn encode(roster: &Roster) -> Result<Vec<u8>, StoreError> {
    let mut encoding = Encoding::new(roster.people.len());
    encoding.add(&roster.people);
    encoding.finish(roster)
}

/// [`encode`] a slice of people at a time, so that a page can encode a province's roster
/// without holding the browser (about 200 ms at 100,000 people at once): [`Encoding::add`]
/// the roster's people in order, then [`Encoding::finish`] with that roster.
pub struct Encoding {
    enc: Encoder,
    rows: Writer,
    last_row: i64,
    people: usize,
}

impl Encoding {
    /// An encoding of a roster of about `people` people (room is made for them).
    pub fn new(people: usize) -> Encoding {
        Encoding {
            enc: Encoder::new(people),
            rows: Writer::default(),
            last_row: 0,
            people: 0,
        }
    }

    /// How many people were added so far.
    pub fn people(&self) -> usize {
        self.people
    }

    /// The next people of the roster, in its order.
    pub fn add(&mut self, people: &[Person]) {
        let Encoding {
            enc,
            rows,
            last_row,
            ..
        } = self;
        // Each field is named once: the pattern names every field of `Person` (so one added
        // cannot be forgotten here) and each is coded into its column.
        macro_rules! put {
            ($($field:ident),+ ; origin: $($place:ident),+) => {
                for person in people {
                    let Person { $($field,)+ origin: Origin { $($place,)+ row } } = person;
                    $( { let i = enc.$field.0.code($field); enc.$field.1.push(i); } )+
                    $( { let i = enc.$place.0.code($place); enc.$place.1.push(i); } )+
                    rows.int(i64::from(*row) - *last_row);
                    *last_row = i64::from(*row);
                }
            };
        }
        put!(
            name,
            birth,
            gender,
            ethnicity,
            religion,
            unit,
            position,
            title,
            concurrent,
            category,
            party_member,
            general_education,
            professional,
            field_of_study,
            political_theory,
            state_management,
            it,
            foreign_language,
            ethnic_language,
            evaluation,
            hired;
            origin: file, sheet
        );
        self.people += people.len();
    }

    /// The columns of `roster`, whose people were all added; its columns, sources and
    /// warnings are written in the header. A roster of another length is refused.
    pub fn finish(self, roster: &Roster) -> Result<Vec<u8>, StoreError> {
        let Roster {
            people,
            columns,
            sources,
            warnings,
        } = roster;
        if people.len() != self.people {
            return Err(StoreError::Damaged(format!(
                "{} people encoded of a roster of {}",
                self.people,
                people.len()
            )));
        }
        let mut body = Writer::default();
        let dictionaries = self.enc.finish(&mut body);
        let header = Header {
            people: people.len(),
            dictionaries,
            columns: columns.clone(),
            sources: sources.clone(),
            warnings: warnings.clone(),
        };
        let json = serde_json::to_vec(&header).map_err(|e| StoreError::Damaged(e.to_string()))?;
        let mut bytes = Writer::default();
        bytes.uint(json.len() as u64);
        bytes.bytes.extend_from_slice(&json);
        bytes.bytes.extend_from_slice(&body.bytes);
        bytes.bytes.extend_from_slice(&self.rows.bytes);
        Ok(bytes.bytes)
    }
}

/// A roster kept by [`pack`], or by version 1 (JSON); anything else is a [`StoreError`].
pub fn unpack(text: &str) -> Result<Roster, StoreError> {
    open(text)?.into_roster()
}

/// A stored roster opened: what [`open`] gives.
#[derive(Debug)]
pub enum Opened {
    /// Version 2, still deflated: [`Inflating`] gives [`encode`]'s bytes, which [`decode`]
    /// (or [`Decoding`], a slice at a time) reads.
    Deflated(Inflating),
    /// Version 1 kept JSON, which is read at once.
    Roster(Roster),
}

impl Opened {
    /// The roster, read at once.
    pub fn into_roster(self) -> Result<Roster, StoreError> {
        match self {
            Opened::Deflated(inflating) => decode(&inflating.finish()?),
            Opened::Roster(roster) => Ok(roster),
        }
    }
}

/// The first step of [`unpack`]: the envelope checked and the text turned back into bytes.
/// The rest, inflating ([`Inflating`]) and reading the columns ([`Decoding`]), is what takes
/// time for a large roster (about a second for 250,000 people in the browser), and both can
/// be done a step at a time: the page does so at start-up while it draws.
pub fn open(text: &str) -> Result<Opened, StoreError> {
    let (version, payload) = super::envelope(text, KIND, VERSION)?;
    if version == JSON_VERSION {
        return super::unpack(text, KIND, JSON_VERSION, |_, json| Ok(json)).map(Opened::Roster);
    }
    if version != VERSION {
        return Err(StoreError::Damaged(format!("no roster format {version}")));
    }
    let deflated = text15::decode(payload).map_err(|e| StoreError::Damaged(e.to_string()))?;
    Ok(Opened::Deflated(Inflating::new(deflated)))
}

/// Deflated columns being inflated a step at a time ([`Inflating::finish`] does all at once).
/// zlib's checksum is verified at the end, so a value cut short or altered anywhere in
/// storage is refused before any of it is read as a roster.
pub struct Inflating {
    deflated: Vec<u8>,
    /// How much of `deflated` has been read.
    consumed: usize,
    state: Box<miniz_oxide::inflate::stream::InflateState>,
    inflated: Vec<u8>,
    done: bool,
}

impl std::fmt::Debug for Inflating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inflating")
            .field("consumed", &self.consumed)
            .field("deflated", &self.deflated.len())
            .field("inflated", &self.inflated.len())
            .field("done", &self.done)
            .finish()
    }
}

impl Inflating {
    fn new(deflated: Vec<u8>) -> Inflating {
        Inflating {
            deflated,
            consumed: 0,
            state: miniz_oxide::inflate::stream::InflateState::new_boxed(
                miniz_oxide::DataFormat::Zlib,
            ),
            inflated: Vec::new(),
            done: false,
        }
    }

    /// Inflates about `most` more bytes (at least one step); `Ok(true)` once the stream has
    /// ended and its checksum held.
    pub fn step(&mut self, most: usize) -> Result<bool, StoreError> {
        use miniz_oxide::{MZFlush, MZStatus};
        let damaged = |why: &str| StoreError::Damaged(format!("deflate stream: {why}"));
        let mut room = most.max(1);
        while !self.done && room > 0 {
            let len = self.inflated.len();
            let chunk = room.min(1 << 16);
            if len + chunk > MAX_INFLATED {
                return Err(damaged("larger than a roster can be"));
            }
            self.inflated.resize(len + chunk, 0);
            let result = miniz_oxide::inflate::stream::inflate(
                &mut self.state,
                &self.deflated[self.consumed..],
                &mut self.inflated[len..],
                MZFlush::None,
            );
            self.consumed += result.bytes_consumed;
            self.inflated.truncate(len + result.bytes_written);
            match result.status {
                Ok(MZStatus::StreamEnd) => self.done = true,
                Ok(_) if result.bytes_consumed + result.bytes_written > 0 => {}
                Ok(_) => return Err(damaged("cut short")),
                Err(error) => return Err(damaged(&format!("{error:?}"))),
            }
            room = room.saturating_sub(chunk);
        }
        Ok(self.done)
    }

    /// The deflated bytes read so far, of all of them (the tests check that a stream ends
    /// where its bytes do).
    #[cfg(test)]
    fn progress(&self) -> (usize, usize) {
        (self.consumed, self.deflated.len())
    }

    /// The rest inflated at once: [`encode`]'s bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, StoreError> {
        while !self.step(usize::MAX)? {}
        Ok(self.inflated)
    }
}

/// The roster [`encode`] wrote; anything else is a [`StoreError`], never a panic.
pub fn decode(bytes: &[u8]) -> Result<Roster, StoreError> {
    Decoding::new(bytes)?.finish()
}

/// A roster being read back a slice at a time ([`decode`] reads it at once): the page reads
/// 250,000 people in slices and lets the browser draw between them.
///
/// [`Decoding::new`] reads the header; each [`Decoding::read`] then does about `most`
/// people's share of the rest: first the columns (whole ones, as many as `most` people's
/// entries in every column make), then the people. Reading trusts nothing, so any step may
/// find the bytes damaged.
pub struct Decoding<'a> {
    reader: Reader<'a>,
    dictionaries: Dictionaries,
    columns: Decoded,
    /// The next column to read; all are read when it reaches [`COLUMNS`].
    column: usize,
    /// Each person's row in their sheet, read after the columns.
    rows: Vec<u32>,
    people: usize,
    roster: Roster,
    /// The roster coded for the report so far ([`Decoding::code`]).
    coding: ColumnCoding,
}

impl<'a> Decoding<'a> {
    /// Reads the header of [`encode`]'s bytes; anything else is a [`StoreError`].
    pub fn new(bytes: &'a [u8]) -> Result<Decoding<'a>, StoreError> {
        let damaged = |e: &dyn std::fmt::Display| StoreError::Damaged(e.to_string());
        let mut r = Reader::new(bytes);
        let header_len = r.len(bytes.len(), "header").map_err(|e| damaged(&e))?;
        let (json, rest) = bytes[bytes.len() - r.remaining()..].split_at(header_len);
        let Header {
            people,
            dictionaries,
            columns,
            sources,
            warnings,
        } = serde_json::from_slice(json).map_err(|e| damaged(&e))?;
        // Every person takes at least one byte in each column: a count the bytes cannot hold
        // is refused before anything is allocated for it.
        if people > rest.len() {
            return Err(StoreError::Damaged("more people than bytes".into()));
        }
        Ok(Decoding {
            reader: Reader::new(rest),
            dictionaries,
            columns: Decoded::default(),
            column: 0,
            rows: Vec::new(),
            people,
            roster: Roster {
                people: Vec::new(),
                columns,
                sources,
                warnings,
            },
            coding: ColumnCoding::new(),
        })
    }

    /// How many people the roster holds.
    pub fn people(&self) -> usize {
        self.people
    }

    /// The roster so far: its people up to where reading has come.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Does about `most` people's share of what is left; whether every person is read.
    pub fn read(&mut self, most: usize) -> Result<bool, StoreError> {
        if self.column < COLUMNS {
            self.read_columns(most.max(1).saturating_mul(COLUMNS))?;
            return Ok(false);
        }
        let (d, c) = (&self.dictionaries, &self.columns);
        let from = self.roster.people.len();
        let to = self.people.min(from.saturating_add(most));
        if from == 0 {
            self.roster.people.reserve_exact(self.people);
        }
        for i in from..to {
            let at = |column: &[u32]| column[i] as usize;
            self.roster.people.push(Person {
                name: d.name[at(&c.name)].clone(),
                birth: d.birth[at(&c.birth)],
                gender: d.gender[at(&c.gender)],
                ethnicity: d.ethnicity[at(&c.ethnicity)].clone(),
                religion: d.religion[at(&c.religion)].clone(),
                unit: d.unit[at(&c.unit)].clone(),
                position: d.position[at(&c.position)].clone(),
                title: d.title[at(&c.title)],
                concurrent: d.concurrent[at(&c.concurrent)].clone(),
                category: d.category[at(&c.category)],
                party_member: d.party_member[at(&c.party_member)],
                general_education: d.general_education[at(&c.general_education)],
                professional: d.professional[at(&c.professional)],
                field_of_study: d.field_of_study[at(&c.field_of_study)].clone(),
                political_theory: d.political_theory[at(&c.political_theory)],
                state_management: d.state_management[at(&c.state_management)],
                it: d.it[at(&c.it)].clone(),
                foreign_language: d.foreign_language[at(&c.foreign_language)].clone(),
                ethnic_language: d.ethnic_language[at(&c.ethnic_language)].clone(),
                evaluation: d.evaluation[at(&c.evaluation)],
                hired: d.hired[at(&c.hired)],
                origin: Origin {
                    file: d.file[at(&c.file)].clone(),
                    sheet: d.sheet[at(&c.sheet)].clone(),
                    row: self.rows[i],
                },
            });
        }
        Ok(to == self.people)
    }

    /// Reads whole columns, at least one, until `entries` are read; after the last, the
    /// rows, and checks that nothing follows.
    fn read_columns(&mut self, entries: usize) -> Result<(), StoreError> {
        let damaged = |e: &dyn std::fmt::Display| StoreError::Damaged(e.to_string());
        let mut read = 0;
        while self.column < COLUMNS && (read == 0 || read < entries) {
            let r = &mut self.reader;
            (self.columns).read_column(self.column, r, self.people, &self.dictionaries)?;
            self.column += 1;
            read += self.people.max(1);
        }
        if self.column < COLUMNS {
            return Ok(());
        }
        let mut row = 0i64;
        self.rows.reserve_exact(self.people);
        for _ in 0..self.people {
            row += self.reader.int().map_err(|e| damaged(&e))?;
            self.rows.push(
                u32::try_from(row).map_err(|_| StoreError::Damaged("row out of range".into()))?,
            );
        }
        self.reader.end().map_err(|e| damaged(&e))
    }

    /// The roster, read to the end.
    pub fn finish(mut self) -> Result<Roster, StoreError> {
        while !self.read(usize::MAX)? {}
        Ok(self.roster)
    }

    /// Codes the roster for the report from its columns a part at a time
    /// ([`ColumnCoding`]: each distinct value read once, rather than every person's values
    /// again, as [`Coded::new`] of the roster would), once every person is read (reading
    /// what is left first); whether every part is done. [`Decoding::finish_coded`] then
    /// gives both.
    pub fn code(&mut self) -> Result<bool, StoreError> {
        while !self.read(usize::MAX)? {}
        let columns = report_fields(&self.dictionaries, &self.columns);
        Ok(self.coding.step(&columns))
    }

    /// The roster, read to the end, and coded for the report from its columns
    /// ([`Decoding::code`], the parts not done yet).
    pub fn finish_coded(mut self) -> Result<(Roster, Coded), StoreError> {
        while !self.read(usize::MAX)? {}
        let columns = report_fields(&self.dictionaries, &self.columns);
        let coded = self.coding.finish(&columns, &self.roster);
        Ok((self.roster, coded))
    }
}

/// The fields the report reads, as the decoded columns hold them.
fn report_fields<'a>(d: &'a Dictionaries, c: &'a Decoded) -> FieldColumns<'a> {
    // The same names here and in `FieldColumns`.
    macro_rules! report_fields {
        ($($field:ident),+) => {
            FieldColumns { $( $field: FieldColumn { values: &d.$field, codes: &c.$field }, )+ }
        };
    }
    report_fields!(
        unit,
        category,
        gender,
        party_member,
        ethnicity,
        religion,
        general_education,
        professional,
        political_theory,
        state_management,
        evaluation,
        birth,
        title
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_samples::{names as samples, roster as sample};

    /// A stored version 2 roster inflated at once: [`encode`]'s bytes.
    fn inflated(text: &str) -> Result<Vec<u8>, StoreError> {
        match open(text)? {
            Opened::Deflated(inflating) => inflating.finish(),
            Opened::Roster(_) => Err(StoreError::Damaged("version 1".into())),
        }
    }

    #[test]
    fn inflating_in_steps_of_any_size_gives_the_bytes_inflated_at_once() {
        let roster = sample(&samples()[0]);
        let bytes = encode(&roster).unwrap();
        let text = seal(&bytes);
        for most in [1, 7, 1000, 1 << 16, (1 << 16) + 3, usize::MAX] {
            let Ok(Opened::Deflated(mut inflating)) = open(&text) else {
                panic!("not deflated");
            };
            let mut steps = 1;
            while !inflating.step(most).unwrap() {
                steps += 1;
                assert!(steps <= bytes.len() + 1, "no end in sight at {most}");
            }
            let (read, of) = inflating.progress();
            assert_eq!(read, of, "every deflated byte read at {most}");
            assert_eq!(inflating.finish().unwrap(), bytes, "steps of {most}");
            if most == 1000 {
                assert!(steps >= bytes.len() / 1000, "{steps} steps");
            }
        }
    }

    #[test]
    fn every_sample_round_trips_exactly_and_smaller_than_version_1() {
        let names = samples();
        assert!(names.len() >= 5, "{names:?}");
        for name in names {
            let roster = sample(&name);
            let text = pack(&roster).unwrap();
            assert!(text.starts_with("canbo.roster:2:"), "{name}");
            assert_eq!(unpack(&text).as_ref(), Ok(&roster), "{name}");
            let bytes = encode(&roster).unwrap();
            assert_eq!(decode(&bytes).as_ref(), Ok(&roster), "{name}");
            assert_eq!(seal(&bytes), text, "{name}");
            let json = super::super::pack(KIND, JSON_VERSION, &roster).unwrap();
            if roster.people.len() >= 50 {
                assert!(
                    text.chars().count() * 2 < json.len(),
                    "{name}: {} characters against version 1's {}",
                    text.chars().count(),
                    json.len()
                );
            }
        }
    }

    #[test]
    fn reading_in_slices_of_any_size_gives_the_roster_read_at_once() {
        for name in samples() {
            let roster = sample(&name);
            let bytes = encode(&roster).unwrap();
            for slice in [1, 3, 50, usize::MAX] {
                let mut decoding = Decoding::new(&bytes).unwrap();
                assert_eq!(decoding.people(), roster.people.len());
                let mut before = 0;
                while !decoding.read(slice).unwrap() {
                    let now = decoding.roster().people.len();
                    assert!(now - before <= slice, "{name}: {before} then {now}");
                    before = now;
                }
                assert_eq!(
                    decoding.finish().unwrap(),
                    roster,
                    "{name}, slices of {slice}"
                );
            }
        }
    }

    #[test]
    fn encoded_bytes_cut_or_changed_anywhere_are_refused_or_read_without_panic() {
        let roster = sample(&samples()[0]);
        let bytes = encode(&roster).unwrap();
        for cut in (0..bytes.len()).step_by(bytes.len() / 60 + 1) {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
            // A changed byte may still be a roster (another dictionary index): never a panic.
            let mut edited = bytes.clone();
            edited[cut] ^= 0x5a;
            let _ = decode(&edited);
        }
    }

    #[test]
    fn version_1_is_still_read() {
        let roster = sample(&samples()[0]);
        let json = super::super::pack(KIND, JSON_VERSION, &roster).unwrap();
        assert!(matches!(open(&json), Ok(Opened::Roster(r)) if r == roster));
        assert_eq!(unpack(&json), Ok(roster));
    }

    #[test]
    fn an_empty_roster_and_rows_going_back_round_trip() {
        assert_eq!(
            unpack(&pack(&Roster::default()).unwrap()),
            Ok(Roster::default())
        );
        let mut roster = Roster::default();
        for (i, row) in [7u32, 3, u32::MAX, 0].into_iter().enumerate() {
            let mut p = Person::blank(&format!("Người {i}"), "Xã A");
            p.origin.row = row;
            roster.people.push(p);
        }
        assert_eq!(unpack(&pack(&roster).unwrap()), Ok(roster));
    }

    #[test]
    fn damaged_newer_and_forged_rosters_are_refused_without_panic() {
        let roster = sample(&samples()[0]);
        let text = pack(&roster).unwrap();
        assert!(matches!(
            unpack("canbo.roster:3:xx"),
            Err(StoreError::TooNew { found: 3, .. })
        ));
        assert_eq!(unpack("other:2:xx"), Err(StoreError::NotCanbo));
        // Cut anywhere, or one character changed anywhere: an error, never a panic or a
        // different roster, and already from `Inflating` (zlib's checksum), before any of the
        // columns is read as a roster.
        let chars: Vec<char> = text.chars().collect();
        let head = "canbo.roster:2:".len();
        for cut in (head..chars.len()).step_by(chars.len() / 40 + 1) {
            let short: String = chars[..cut].iter().collect();
            assert!(inflated(&short).is_err(), "cut at {cut}");
            let mut edited = chars.clone();
            edited[cut] = char::from_u32(0x20 + ((edited[cut] as u32 + 1) & 0x7fff)).unwrap();
            let edited: String = edited.into_iter().collect();
            assert!(inflated(&edited).is_err(), "edit at {cut}");
        }
        assert_eq!(inflated(&text), Ok(encode(&roster).unwrap()));
        // A forged body: an index past its dictionary, and more people than bytes.
        let forge = |people: usize, body: &[u8]| {
            let header = Header {
                people,
                dictionaries: Dictionaries::default(),
                columns: Columns::default(),
                sources: vec![],
                warnings: vec![],
            };
            let json = serde_json::to_vec(&header).unwrap();
            let mut w = Writer::default();
            w.uint(json.len() as u64);
            w.bytes.extend_from_slice(&json);
            w.bytes.extend_from_slice(body);
            let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&w.bytes, 6);
            format!("{KIND}:{VERSION}:{}", text15::encode(&deflated))
        };
        assert!(matches!(
            unpack(&forge(1, &[0; 40])),
            Err(StoreError::Damaged(_))
        ));
        assert!(matches!(
            unpack(&forge(1_000_000, &[0; 40])),
            Err(StoreError::Damaged(_))
        ));
    }
}
