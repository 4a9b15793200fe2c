//! The roster as the report reads it: one small integer per person per dimension, decided
//! once per roster, so that a report, a cross-tab or the people behind a figure is a loop
//! over integers, whatever the filter (issue 12: a filter change on 250,000 people within
//! one frame).
//!
//! Reading a person's value in a dimension costs string work: a unit's key is its name
//! folded, an ethnic group is looked up in the list of minorities, a religion is read for
//! "Không". [`Coded::new`] does that work once per distinct value, keeps each dimension's
//! distinct values (in order of first appearance, as [`Dimension::value`] writes them) and
//! one index per person, and the facts the figures count ([`Facts`]). A filter then becomes,
//! per condition, one flag per distinct value, and a person is kept by looking them up.
//!
//! The age band is the one dimension that depends on the options (the date and the bands):
//! it is computed from the birth dates for each report that asks for it.
//!
//! [`report`](super::report), [`crosstab`](super::crosstab) and
//! [`matching_rows`](super::matching_rows) are this module over a roster coded for the one
//! call; the page keeps the coded roster and asks it again on each change.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

use super::{CrossTab, SCHEMA};
use super::{Dimension, Filter, Present, Report, ReportOptions, Tally, UnitFigures};
use crate::codes::*;
use crate::date::PartialDate;
use crate::lang::Lang;
use crate::roster::{is_minority_ethnicity, unit_key, Person, Roster, Source, Warning};
use crate::vocab::positions::Title;

/// What the figures count of one person, read once.
#[derive(Debug, Clone, Copy)]
pub(super) struct Facts {
    pub category: Category,
    pub gender: Option<Gender>,
    pub party_member: Option<bool>,
    pub ethnic_minority: Option<bool>,
    /// A religion is stated and is not "Không"; `None` when none is written.
    pub religious: Option<bool>,
    pub general_education: Option<GeneralEducation>,
    pub professional: Option<Professional>,
    pub political_theory: Option<PoliticalTheory>,
    pub state_management: Option<StateManagement>,
    pub evaluation: Option<Evaluation>,
    pub birth: Option<PartialDate>,
}

impl Facts {
    /// What the figures count of `p`; whether an ethnicity is a minority's and a religion
    /// one stated, worked out once per text in `minority` and `religious`.
    pub(super) fn of(
        p: &Person,
        minority: &mut HashMap<String, bool>,
        religious: &mut HashMap<String, bool>,
    ) -> Facts {
        let ethnic_minority =
            (p.ethnicity.as_deref()).map(|e| cached(minority, e, || is_minority_ethnicity(e)));
        let religious =
            (p.religion.as_deref()).map(|r| cached(religious, r, || super::is_religious(r)));
        Facts::with(p, ethnic_minority, religious)
    }

    /// `p`'s facts, given whether their ethnicity is a minority's and their religion one
    /// stated (the two worked out of a text; everything else is `p`'s as it is).
    pub(super) fn with(
        p: &Person,
        ethnic_minority: Option<bool>,
        religious: Option<bool>,
    ) -> Facts {
        Facts {
            category: p.category,
            gender: p.gender,
            party_member: p.party_member,
            ethnic_minority,
            religious,
            general_education: p.general_education,
            professional: p.professional,
            political_theory: p.political_theory,
            state_management: p.state_management,
            evaluation: p.evaluation,
            birth: p.birth,
        }
    }
}

/// One dimension's distinct values and each person's index into them.
#[derive(Debug, Clone, Default)]
struct Column {
    values: Vec<String>,
    codes: Vec<u32>,
}

/// A [`Column`] being written, people in roster order: only a value not seen before is
/// copied.
#[derive(Debug, Default)]
struct ColumnWriter {
    column: Column,
    at: HashMap<String, u32>,
}

impl ColumnWriter {
    /// Appends one person's value; its index, and whether it is new.
    fn push(&mut self, value: &str) -> (u32, bool) {
        if let Some(&code) = self.at.get(value) {
            self.column.codes.push(code);
            return (code, false);
        }
        let code = self.column.values.len() as u32;
        self.column.values.push(value.to_string());
        self.at.insert(value.to_string(), code);
        self.column.codes.push(code);
        (code, true)
    }

    /// `later`'s people after this one's, as if pushed here one by one: its values not seen
    /// here added in the order it met them, its codes renumbered. What each of its codes
    /// became.
    fn append(&mut self, later: ColumnWriter) -> Vec<u32> {
        let renumbered: Vec<u32> = (later.column.values.into_iter())
            .map(|value| match self.at.get(&value) {
                Some(&code) => code,
                None => {
                    let code = self.column.values.len() as u32;
                    self.at.insert(value.clone(), code);
                    self.column.values.push(value);
                    code
                }
            })
            .collect();
        (self.column.codes).extend(later.column.codes.iter().map(|&c| renumbered[c as usize]));
        renumbered
    }
}

/// A roster coded for reports: see the module's documentation.
#[derive(Debug, Clone)]
pub struct Coded {
    present: Present,
    sources: Vec<Source>,
    /// Shared with every report made from it (a province's roster may carry thousands).
    warnings: std::sync::Arc<[Warning]>,
    facts: Vec<Facts>,
    /// One column per dimension, in [`Dimension::ALL`]'s order; the age band's is empty
    /// (it depends on the options: [`Coded::column`]).
    columns: Vec<Column>,
    /// Each person's unit as written (the report names a unit as its first counted person
    /// wrote it) and the distinct spellings.
    spelling: Column,
}

/// Where `dim` is in [`Dimension::ALL`].
fn slot(dim: Dimension) -> usize {
    Dimension::ALL.iter().position(|d| *d == dim).unwrap_or(0)
}

/// A roster being coded a slice of people at a time: the page codes 250,000 people in
/// slices and lets the browser draw between them. [`Coded::new`] is one slice of everyone.
#[derive(Debug, Default)]
pub struct Coding {
    facts: Vec<Facts>,
    /// One writer per dimension, in [`Dimension::ALL`]'s order (the age band's stays empty).
    columns: Vec<ColumnWriter>,
    spelling: ColumnWriter,
    /// Each spelling's unit key, in the order of `spelling`'s values. Folding is the slow
    /// part: once per spelling.
    keys: Vec<String>,
    minority: HashMap<String, bool>,
    religious: HashMap<String, bool>,
}

impl Coding {
    pub fn new() -> Coding {
        Coding {
            columns: Dimension::ALL
                .iter()
                .map(|_| ColumnWriter::default())
                .collect(),
            ..Coding::default()
        }
    }

    /// How many people have been coded.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Codes the next people of the roster, in its order.
    pub fn add(&mut self, people: &[Person]) {
        let start = self.facts.len();
        self.facts.reserve(people.len());
        self.spelling.column.codes.reserve(people.len());
        for (&dim, column) in Dimension::ALL.iter().zip(&mut self.columns) {
            if dim != Dimension::AgeBand {
                column.column.codes.reserve(people.len());
            }
        }
        for p in people {
            self.facts
                .push(Facts::of(p, &mut self.minority, &mut self.religious));
            if self.spelling.push(&p.unit).1 {
                self.keys.push(unit_key(&p.unit));
            }
        }
        // A dimension at a time: one dictionary stays in the cache while it is filled.
        for (&dim, column) in Dimension::ALL.iter().zip(&mut self.columns) {
            match dim {
                Dimension::AgeBand => {}
                Dimension::Unit => {
                    for &spelling in &self.spelling.column.codes[start..] {
                        column.push(&self.keys[spelling as usize]);
                    }
                }
                Dimension::EthnicMinority => {
                    for f in &self.facts[start..] {
                        column.push(yes_no(f.ethnic_minority));
                    }
                }
                _ => {
                    for p in people {
                        column.push(&dim.value_of(p));
                    }
                }
            }
        }
    }

    /// Appends `later`, a coding of the people right after this one's: the same coding as
    /// had they been added here (natively a province is coded in two halves at once,
    /// [`Coded::new`]).
    pub fn append(&mut self, later: Coding) {
        self.facts.extend(later.facts);
        let known = self.spelling.column.values.len();
        let renumbered = self.spelling.append(later.spelling);
        // A spelling new here is numbered after those known, in `later`'s order: its key too.
        for (key, &code) in later.keys.into_iter().zip(&renumbered) {
            if code as usize >= known {
                self.keys.push(key);
            }
        }
        for (column, later) in self.columns.iter_mut().zip(later.columns) {
            column.append(later);
        }
        self.minority.extend(later.minority);
        self.religious.extend(later.religious);
    }

    /// The coded roster; `roster` is the one whose people were added, all of them.
    pub fn finish(self, roster: &Roster) -> Coded {
        debug_assert_eq!(self.facts.len(), roster.people.len());
        Coded {
            present: Present::of(roster),
            sources: roster.sources.clone(),
            warnings: roster.warnings.as_slice().into(),
            facts: self.facts,
            columns: self.columns.into_iter().map(|c| c.column).collect(),
            spelling: self.spelling.column,
        }
    }
}

/// One field of a roster as columns: its distinct values, and each person's index into
/// them (how `store::columnar` keeps and reads back a roster).
#[derive(Debug)]
pub struct FieldColumn<'a, T> {
    pub values: &'a [T],
    pub codes: &'a [u32],
}

impl<T> Clone for FieldColumn<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for FieldColumn<'_, T> {}

impl<'a, T> FieldColumn<'a, T> {
    /// Person `i`'s value. Every code indexes `values` (the caller checked it).
    fn of(&self, i: usize) -> &'a T {
        &self.values[self.codes[i] as usize]
    }
}

/// The fields the report reads, as columns ([`Coded::from_columns`]).
#[derive(Debug, Clone, Copy)]
pub struct FieldColumns<'a> {
    pub unit: FieldColumn<'a, String>,
    pub category: FieldColumn<'a, Category>,
    pub gender: FieldColumn<'a, Option<Gender>>,
    pub party_member: FieldColumn<'a, Option<bool>>,
    pub ethnicity: FieldColumn<'a, Option<String>>,
    pub religion: FieldColumn<'a, Option<String>>,
    pub general_education: FieldColumn<'a, Option<GeneralEducation>>,
    pub professional: FieldColumn<'a, Option<Professional>>,
    pub political_theory: FieldColumn<'a, Option<PoliticalTheory>>,
    pub state_management: FieldColumn<'a, Option<StateManagement>>,
    pub evaluation: FieldColumn<'a, Option<Evaluation>>,
    pub birth: FieldColumn<'a, Option<PartialDate>>,
    pub title: FieldColumn<'a, Option<Title>>,
}

/// `field`'s column of a dimension, each distinct value of the field read once (`value`):
/// the same values in the same order, and the same codes, as pushing every person's.
fn dimension_column<T>(field: FieldColumn<'_, T>, value: impl Fn(&T) -> &str) -> Column {
    let mut writer = ColumnWriter::default();
    writer.column.codes.reserve(field.codes.len());
    let mut known: Vec<Option<u32>> = vec![None; field.values.len()];
    for &at in field.codes {
        match known[at as usize] {
            Some(code) => writer.column.codes.push(code),
            None => known[at as usize] = Some(writer.push(value(&field.values[at as usize])).0),
        }
    }
    writer.column
}

/// A roster being coded from its columns ([`Coded::from_columns`]) a part at a time: the
/// facts the figures count, then the units' spellings and keys, then the dimensions a few at
/// a time. A page lets the browser draw between two parts (a province's 250,000 people
/// coded at once held it some 80 ms).
#[derive(Debug, Default)]
pub struct ColumnCoding {
    /// Whether each distinct ethnicity is a minority's (`None`: none written).
    minority: Vec<Option<bool>>,
    facts: Vec<Facts>,
    spelling: Column,
    /// Each spelling's unit key, in the order of `spelling`'s values.
    keys: Vec<String>,
    /// The dimensions' columns coded so far, in [`Dimension::ALL`]'s order.
    columns: Vec<Column>,
    /// Whether the facts (and the spellings after them) are done.
    facts_done: bool,
    spellings_done: bool,
}

/// Dimensions coded in one part of a [`ColumnCoding`].
const DIMENSIONS_AT_ONCE: usize = 4;

impl ColumnCoding {
    pub fn new() -> ColumnCoding {
        ColumnCoding::default()
    }

    /// Whether every part is done.
    pub fn is_done(&self) -> bool {
        self.columns.len() == Dimension::ALL.len()
    }

    /// Does the next part, from `columns` (the same each time); whether every part is done.
    pub fn step(&mut self, columns: &FieldColumns<'_>) -> bool {
        let c = *columns;
        if !self.facts_done {
            // What the figures count of each distinct ethnicity and religion, once.
            self.minority = (c.ethnicity.values.iter())
                .map(|e| e.as_deref().map(is_minority_ethnicity))
                .collect();
            let religious: Vec<Option<bool>> = (c.religion.values.iter())
                .map(|r| r.as_deref().map(super::is_religious))
                .collect();
            self.facts = (0..c.unit.codes.len())
                .map(|i| Facts {
                    category: *c.category.of(i),
                    gender: *c.gender.of(i),
                    party_member: *c.party_member.of(i),
                    ethnic_minority: self.minority[c.ethnicity.codes[i] as usize],
                    religious: religious[c.religion.codes[i] as usize],
                    general_education: *c.general_education.of(i),
                    professional: *c.professional.of(i),
                    political_theory: *c.political_theory.of(i),
                    state_management: *c.state_management.of(i),
                    evaluation: *c.evaluation.of(i),
                    birth: *c.birth.of(i),
                })
                .collect();
            self.facts_done = true;
        } else if !self.spellings_done {
            self.spelling = dimension_column(c.unit, String::as_str);
            self.keys = self.spelling.values.iter().map(|u| unit_key(u)).collect();
            self.spellings_done = true;
        } else {
            let next = Dimension::ALL.iter().skip(self.columns.len());
            for &dim in next.take(DIMENSIONS_AT_ONCE) {
                let column = self.dimension(dim, c);
                self.columns.push(column);
            }
        }
        self.is_done()
    }

    /// `dim`'s column, as `Dimension::value_of` reads it, from the field's distinct values.
    fn dimension(&self, dim: Dimension, c: FieldColumns<'_>) -> Column {
        use super::dimension::{code_or_unknown as code, title_code};
        match dim {
            Dimension::Unit => dimension_column(
                FieldColumn {
                    values: &self.keys,
                    codes: &self.spelling.codes,
                },
                String::as_str,
            ),
            Dimension::Category => dimension_column(c.category, |v| v.code()),
            Dimension::Gender => dimension_column(c.gender, |v| code(*v)),
            Dimension::PartyMember => dimension_column(c.party_member, |v| yes_no(*v)),
            Dimension::EthnicMinority => dimension_column(
                FieldColumn {
                    values: &self.minority,
                    codes: c.ethnicity.codes,
                },
                |v| yes_no(*v),
            ),
            Dimension::Ethnicity => {
                dimension_column(c.ethnicity, |v| v.as_deref().unwrap_or_default())
            }
            Dimension::GeneralEducation => dimension_column(c.general_education, |v| code(*v)),
            Dimension::Professional => dimension_column(c.professional, |v| code(*v)),
            Dimension::PoliticalTheory => dimension_column(c.political_theory, |v| code(*v)),
            Dimension::StateManagement => dimension_column(c.state_management, |v| code(*v)),
            Dimension::Evaluation => dimension_column(c.evaluation, |v| code(*v)),
            Dimension::AgeBand => Column::default(),
            Dimension::Title => dimension_column(c.title, |v| title_code(*v)),
        }
    }

    /// The coded roster: the parts not done yet, then `roster`'s own (whose people `columns`
    /// describe).
    pub fn finish(mut self, columns: &FieldColumns<'_>, roster: &Roster) -> Coded {
        while !self.step(columns) {}
        Coded {
            present: Present::of(roster),
            sources: roster.sources.clone(),
            warnings: roster.warnings.as_slice().into(),
            facts: self.facts,
            columns: self.columns,
            spelling: self.spelling,
        }
    }
}

/// `map`'s answer for `key`, worked out once.
fn cached(map: &mut HashMap<String, bool>, key: &str, work: impl FnOnce() -> bool) -> bool {
    if let Some(&known) = map.get(key) {
        return known;
    }
    let answer = work();
    map.insert(key.to_string(), answer);
    answer
}

impl Coded {
    /// `roster` coded: natively, a province's people in two halves at once.
    pub fn new(roster: &Roster) -> Coded {
        match crate::parallel::threads() {
            1 => Coded::in_halves(roster, usize::MAX),
            _ => Coded::in_halves(roster, crate::parallel::HALF_AT_LEAST),
        }
    }

    /// `roster` coded from its fields as columns (a stored roster's, read back: `columns`
    /// describes `roster`'s people, in order): each distinct value of a field is read once
    /// and each person is a lookup, where [`Coded::new`] reads every person's values. The
    /// same coding (`coded_tests`). [`ColumnCoding`] does it a part at a time.
    pub fn from_columns(columns: &FieldColumns<'_>, roster: &Roster) -> Coded {
        ColumnCoding::new().finish(columns, roster)
    }

    /// `roster` coded in two halves at once when each has at least `half_at_least` people,
    /// else at once.
    pub(super) fn in_halves(roster: &Roster, half_at_least: usize) -> Coded {
        let code = |people: &[Person]| {
            let mut coding = Coding::new();
            coding.add(people);
            coding
        };
        let people = &roster.people;
        let coding = if people.len() / 2 >= half_at_least {
            let (front, back) = people.split_at(people.len() / 2);
            let (mut front, back) = crate::parallel::both(|| code(front), || code(back));
            front.append(back);
            front
        } else {
            code(people)
        };
        coding.finish(roster)
    }

    /// What a filter on `dim` offers: the values `dim` takes in the whole roster (whatever
    /// `options`' filter), in the order the report lists them, each with what a person reads
    /// for it in `lang` ([`Dimension::value_label`]). A unit is named as its first person
    /// wrote it, as in the report.
    pub fn choices(
        &self,
        dim: Dimension,
        options: &ReportOptions,
        lang: Lang,
    ) -> Vec<(String, String)> {
        // Everyone counts: each value the column holds, in order first met.
        let column = self.column(dim, options);
        let (mut at, mut seen) = (vec![u32::MAX; column.values.len()], Vec::new());
        for &code in &column.codes {
            place(&mut at, &mut seen, code);
        }
        let (_, values) = in_report_order(dim, &column, &seen);
        let labels = self.labels(dim, &values, options, lang);
        values.into_iter().zip(labels).collect()
    }

    /// What a person reads for each of `values` of `dim` in `lang`, as the report and
    /// [`Coded::choices`] name them ([`Dimension::value_label`]): a unit (its key) by the
    /// first spelling of it in the roster. Costs a pass over the people's unit codes for
    /// units, not a fold per unit: label only the values shown.
    pub fn labels(
        &self,
        dim: Dimension,
        values: &[String],
        options: &ReportOptions,
        lang: Lang,
    ) -> Vec<String> {
        let mut named: HashMap<&str, &str> = HashMap::new();
        if dim == Dimension::Unit && !values.is_empty() {
            let units = &self.columns[slot(Dimension::Unit)];
            // Each unit code's first spelling, then each key's.
            let mut first = vec![u32::MAX; units.values.len()];
            for (&unit, &spelling) in units.codes.iter().zip(&self.spelling.codes) {
                if first[unit as usize] == u32::MAX {
                    first[unit as usize] = spelling;
                }
            }
            for (key, &spelling) in units.values.iter().zip(&first) {
                if let Some(spelling) = self.spelling.values.get(spelling as usize) {
                    named.entry(key.as_str()).or_insert(spelling.as_str());
                }
            }
        }
        let bands = options.bands.bands();
        values
            .iter()
            .map(|v| dim.label_with(v, |key| named.get(key).copied(), &bands, lang))
            .collect()
    }

    /// How many people the roster has.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Each person's value in `dim` as an index into the values, for `options` (the age
    /// band's values are the bands' indices, then "unknown", as [`Dimension::value`]).
    fn column(&self, dim: Dimension, options: &ReportOptions) -> Cow<'_, Column> {
        if dim != Dimension::AgeBand {
            return Cow::Borrowed(&self.columns[slot(dim)]);
        }
        let bands = options.bands.len();
        let mut values: Vec<String> = (0..bands).map(|i| i.to_string()).collect();
        values.push("unknown".into());
        let codes = self
            .facts
            .iter()
            .map(|f| match f.birth {
                Some(b) => options.bands.index(b.age_at(options.as_of)) as u32,
                None => bands as u32,
            })
            .collect();
        Cow::Owned(Column { values, codes })
    }

    /// Which people `filter` keeps (`None`: everyone): each condition allows a person's
    /// value (an empty one, any).
    fn kept(&self, options: &ReportOptions, filter: &Filter) -> Option<Vec<bool>> {
        let mut kept: Option<Vec<bool>> = None;
        for (dim, allowed) in &filter.conditions {
            if allowed.is_empty() {
                continue;
            }
            let column = self.column(*dim, options);
            let ok: Vec<bool> = column.values.iter().map(|v| allowed.contains(v)).collect();
            let kept = kept.get_or_insert_with(|| vec![true; self.len()]);
            for (k, &code) in kept.iter_mut().zip(&column.codes) {
                *k = *k && ok[code as usize];
            }
        }
        kept
    }

    /// The indices of the people `options`' filter and `extra` keep, ascending.
    pub fn rows(&self, options: &ReportOptions, extra: &Filter) -> Vec<usize> {
        let both = Filter {
            conditions: [&options.filter.conditions[..], &extra.conditions[..]].concat(),
        };
        match self.kept(options, &both) {
            None => (0..self.len()).collect(),
            Some(kept) => (0..self.len()).filter(|&i| kept[i]).collect(),
        }
    }

    /// The report: figures of the people `options` keeps, and of each unit, units in the
    /// order their first counted person comes, named as that person wrote it.
    pub fn report(&self, options: &ReportOptions) -> Report {
        let kept = self.kept(options, &options.filter);
        // Each unit's figures start as a copy of these (the bands' labels are shared), and
        // are counted in place: a report of 10,000 units allocates little and moves nothing.
        let tally = Tally::new(self.present, &options.bands, options.as_of);
        let mut total = tally.figures.clone();
        let units = &self.columns[slot(Dimension::Unit)];
        let mut place = vec![u32::MAX; units.values.len()];
        let mut counted: Vec<UnitFigures> = Vec::with_capacity(units.values.len());
        for (i, facts) in self.facts.iter().enumerate() {
            if kept.as_ref().is_some_and(|k| !k[i]) {
                continue;
            }
            let band = tally.band(facts);
            total.add(facts, band);
            let unit = units.codes[i] as usize;
            if place[unit] == u32::MAX {
                place[unit] = counted.len() as u32;
                counted.push(UnitFigures {
                    unit: self.spelling.values[self.spelling.codes[i] as usize].clone(),
                    figures: tally.figures.clone(),
                });
            }
            counted[place[unit] as usize].figures.add(facts, band);
        }
        Report {
            schema: SCHEMA.into(),
            as_of: options.as_of,
            figures: total,
            units: counted,
            sources: self.sources.clone(),
            warnings: self.warnings.clone(),
        }
    }

    /// Counts of the people `options` keeps by two dimensions, values in the report's order
    /// ([`Dimension::rank`]; units in the roster's order).
    pub fn crosstab(&self, options: &ReportOptions, rows: Dimension, cols: Dimension) -> CrossTab {
        let kept = self.kept(options, &options.filter);
        let (rc, cc) = (self.column(rows, options), self.column(cols, options));
        // Values as first met among the counted people, then sorted (a stable sort: ties
        // keep that order).
        let (mut row_at, mut col_at) = (
            vec![u32::MAX; rc.values.len()],
            vec![u32::MAX; cc.values.len()],
        );
        let (mut row_seen, mut col_seen) = (Vec::new(), Vec::new());
        let mut cells: Vec<(u32, u32)> = Vec::new();
        for i in 0..self.len() {
            if kept.as_ref().is_some_and(|k| !k[i]) {
                continue;
            }
            let r = place(&mut row_at, &mut row_seen, rc.codes[i]);
            let c = place(&mut col_at, &mut col_seen, cc.codes[i]);
            cells.push((r, c));
        }
        // One block of counts, row after row (a row each was 10,000 allocations by unit).
        let width = col_seen.len();
        let mut counts = vec![0u32; row_seen.len() * width];
        for (r, c) in cells {
            counts[r as usize * width + c as usize] += 1;
        }
        let (ro, row_values) = in_report_order(rows, &rc, &row_seen);
        let (co, col_values) = in_report_order(cols, &cc, &col_seen);
        CrossTab {
            rows,
            cols,
            row_values,
            col_values,
            counts: ro
                .iter()
                .map(|&i| co.iter().map(|&j| counts[i * width + j]).collect())
                .collect(),
        }
    }
}

/// The places in `choices` (as [`Coded::choices`] gives them) a filter list shows while
/// `query` is typed: those whose label holds `query`, as the staff list's search finds a
/// name (case, diacritics, `đ` and punctuation ignored, [`crate::text::fold`]), so «yen the»
/// finds «Xã Yên Thế»; in the order given, every place for a query with nothing to match.
/// The value `chosen` (a code, as the filter holds it; empty for none) is always shown, and
/// first when the query leaves it out, so the list never loses the filter in force. A
/// province's 10,000 units are narrowed so as they are typed.
pub fn narrow_choices(choices: &[(String, String)], query: &str, chosen: &str) -> Vec<usize> {
    let query = crate::text::fold(query);
    if query.is_empty() {
        return (0..choices.len()).collect();
    }
    let kept = (!chosen.is_empty())
        .then(|| choices.iter().position(|(code, _)| code == chosen))
        .flatten();
    let found = (choices.iter().enumerate())
        .filter(|(_, (_, label))| crate::text::fold(label).contains(&query))
        .map(|(i, _)| i);
    match kept {
        Some(k) => {
            let found: Vec<usize> = found.collect();
            let missing = !found.contains(&k);
            missing.then_some(k).into_iter().chain(found).collect()
        }
        None => found.collect(),
    }
}

/// The values `seen` points at (codes into `column`'s values), in the order the report lists
/// them ([`Dimension::rank`]), and where each of them is in `seen`. The sort is stable:
/// values alike in rank keep the order they were met in. A unit's code is its place of
/// first appearance in the whole roster, which is the report's order of units.
fn in_report_order(dim: Dimension, column: &Column, seen: &[u32]) -> (Vec<usize>, Vec<String>) {
    let mut order: Vec<usize> = (0..seen.len()).collect();
    order.sort_by_cached_key(|&i| {
        let code = seen[i] as usize;
        dim.rank(&column.values[code], Some(code))
    });
    let sorted = (order.iter())
        .map(|&i| column.values[seen[i] as usize].clone())
        .collect();
    (order, sorted)
}

/// Where a value code goes among the values seen so far (`at`: per code, its place or
/// `u32::MAX`), adding it when new.
fn place(at: &mut [u32], seen: &mut Vec<u32>, code: u32) -> u32 {
    if at[code as usize] == u32::MAX {
        at[code as usize] = seen.len() as u32;
        seen.push(code);
    }
    at[code as usize]
}

/// A yes/no/unknown value's code, as [`Dimension::value`] writes it.
pub(super) fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}
