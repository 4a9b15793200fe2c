//! The people table's search and order: which of some people a query finds, and in what
//! order they are listed.
//!
//! Both shells list people by name, unit and position, and a person expects the order of a
//! Vietnamese dictionary there (`text::collate`), not code-point order, which puts every
//! accented capital after "z". Collation keys are costly and a roster of 250,000 people is
//! sorted again at every click, so each text gets a rank once per roster (equal texts, and
//! texts equal but for case, share it): a sort then compares integers. The ranks and the
//! search text are filled on first use, since most visits neither search nor sort. The
//! search text, the costliest (every name folded: about half a second for 250,000 people
//! in the browser), can also be made ahead a slice at a time
//! ([`PeopleIndex::prepare_search`]), which the page does while nobody is looking; so can
//! the names' ranks ([`PeopleIndex::prepare_name_ranks`]: a collation key for each of
//! 250,000 distinct names held the page for about 100 ms at the first sort by name).
//!
//! A person without the value sorted by (no unit, no position, no birth date) comes last in
//! either direction: an empty cell is not a value at either end of the alphabet. Sorting is
//! stable, so people equal on the key keep the order they were given in.

use foldhash::{HashMap, HashMapExt};
use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use super::Person;
use crate::date::PartialDate;
use crate::text::{collate, fold};

/// What the people table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonKey {
    Name,
    Unit,
    Position,
    /// The birth date, earliest first; a year alone stands for the start of that year.
    Birth,
    /// Where the person was read: file, then sheet (both alphabetically), then row.
    Origin,
}

/// An order of the people table: a key, ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PeopleSort {
    pub key: PersonKey,
    pub descending: bool,
}

/// Separates the fields of a search entry, so that a query never spans two of them.
const SEP: char = '\u{1}';

/// A rank no value has: the person lacks the value.
const MISSING: u32 = u32::MAX;

/// The search text and sort ranks of one roster's people, each made on first use. It
/// belongs to the `people` it was made for: pass the same slice to [`PeopleIndex::rows`].
#[derive(Debug, Default)]
pub struct PeopleIndex {
    /// The search text of the first people: all of them once a search has run or
    /// [`PeopleIndex::prepare_search`] has finished.
    search: Mutex<Vec<String>>,
    name: OnceLock<Vec<u32>>,
    /// The names' ranks being made ahead, until `name` is set.
    name_ahead: Mutex<Ranking>,
    unit: OnceLock<Vec<u32>>,
    position: OnceLock<Vec<u32>>,
    origin: OnceLock<Vec<u32>>,
}

impl PeopleIndex {
    /// An index with nothing made yet.
    pub fn new() -> PeopleIndex {
        PeopleIndex::default()
    }

    /// The people at `rows` (indices into `people`) whose name, unit or position contains
    /// `query` (case, diacritics and punctuation ignored, as [`fold`] does), in the order
    /// `sort` asks, or as given without one. Indices outside `people` are dropped.
    pub fn rows(
        &self,
        people: &[Person],
        rows: &[usize],
        query: &str,
        sort: Option<PeopleSort>,
    ) -> Vec<usize> {
        let query = fold(query.trim());
        let mut out: Vec<usize> = if query.is_empty() {
            rows.iter().copied().filter(|&i| i < people.len()).collect()
        } else {
            let search = self.search_made_to(people, people.len());
            rows.iter()
                .copied()
                .filter(|&i| i < people.len())
                .filter(|&i| search.get(i).is_some_and(|entry| entry.contains(&query)))
                .collect()
        };
        let Some(PeopleSort { key, descending }) = sort else {
            return out;
        };
        match key {
            PersonKey::Birth => order(&mut out, descending, |i| {
                people.get(i).and_then(|p| p.birth).map(chronological)
            }),
            PersonKey::Name => {
                let ranks = self.name.get_or_init(|| {
                    let mut ahead = self
                        .name_ahead
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner);
                    names_ranked(&mut ahead, people)
                });
                order(&mut out, descending, |i| rank(ranks, i))
            }
            PersonKey::Unit => {
                let ranks = self.unit.get_or_init(|| text_ranks(people, |p| &p.unit));
                order(&mut out, descending, |i| rank(ranks, i))
            }
            PersonKey::Position => {
                let ranks = self.position.get_or_init(|| {
                    text_ranks(people, |p| p.position.as_deref().unwrap_or_default())
                });
                order(&mut out, descending, |i| rank(ranks, i))
            }
            PersonKey::Origin => {
                let ranks = self.origin.get_or_init(|| origin_ranks(people));
                order(&mut out, descending, |i| rank(ranks, i))
            }
        }
        out
    }

    /// Makes the search text of up to `most` more of `people` (the same slice as for
    /// [`PeopleIndex::rows`]); `true` once everyone's is made. A search then only reads it.
    pub fn prepare_search(&self, people: &[Person], most: usize) -> bool {
        let made = self
            .search
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        let search = self.search_made_to(people, made.saturating_add(most));
        search.len() >= people.len()
    }

    /// One step of making the names' ranks ahead: the collation keys of up to `most` more of
    /// `people` (the same slice as for [`PeopleIndex::rows`]), then, once everyone's is
    /// made, a step of sorting the distinct names (up to `most` of them, or a merge of two
    /// runs); `true` once the ranks are made. A sort by name then only reads them. Asking
    /// for none (`most` 0) makes nothing and says whether they are made.
    pub fn prepare_name_ranks(&self, people: &[Person], most: usize) -> bool {
        if self.name.get().is_some() {
            return true;
        }
        if most == 0 {
            return false;
        }
        let mut ahead = self
            .name_ahead
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let made = ahead.len();
        if made < people.len() {
            let end = made.saturating_add(most).min(people.len());
            ahead.add(people[made..end].iter().map(|p| p.name.as_str()));
            return false;
        }
        if !ahead.sort_step(most) {
            return false;
        }
        // A sort may have made them meanwhile: the same ranks either way.
        let _ = self.name.set(names_ranked(&mut ahead, people));
        true
    }

    /// The search text, made for `people` up to the `end`-th person (no further than
    /// there are people).
    fn search_made_to(&self, people: &[Person], end: usize) -> MutexGuard<'_, Vec<String>> {
        let mut search = self.search.lock().unwrap_or_else(PoisonError::into_inner);
        let made = search.len();
        let end = end.min(people.len());
        extend_search(&mut search, people.get(made..end).unwrap_or_default());
        search
    }
}

/// Appends each person's folded name, unit and position, [`SEP`] between them. A district's
/// units and positions repeat from person to person: each distinct one is folded once.
fn extend_search(search: &mut Vec<String>, people: &[Person]) {
    let mut folded: HashMap<&str, String> = HashMap::new();
    search.reserve(people.len());
    for p in people {
        let mut entry = fold(&p.name);
        for text in [p.unit.as_str(), p.position.as_deref().unwrap_or_default()] {
            entry.push(SEP);
            entry.push_str(folded.entry(text).or_insert_with(|| fold(text)));
        }
        search.push(entry);
    }
}

fn rank(ranks: &[u32], i: usize) -> Option<u32> {
    ranks.get(i).copied().filter(|&r| r != MISSING)
}

/// Sorts `rows` stably by `key`, ascending or descending, those without a key last.
fn order<K: Ord>(rows: &mut [usize], descending: bool, key: impl Fn(usize) -> Option<K>) {
    rows.sort_by(|&a, &b| match (key(a), key(b)) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// A partial date as a point in time: year, month, day, an unknown part counting as 0 (the
/// start of the year or month).
fn chronological(date: PartialDate) -> (i32, u32, u32) {
    match date {
        PartialDate::Full(d) => (d.year(), d.month(), d.day()),
        PartialDate::Month { year, month } => (year, u32::from(month), 0),
        PartialDate::Year(year) => (year, 0, 0),
    }
}

/// Ranks of texts being made a slice of people at a time: each distinct text met so far
/// with its collation key (made once per text), and per person the text's place among them.
#[derive(Debug, Default)]
struct Ranking {
    places: HashMap<Box<str>, u32>,
    keys: Vec<collate::Key>,
    /// Per person so far, the place of their text in `keys`; [`MISSING`] for an empty text.
    of_person: Vec<u32>,
    /// Places in key order, a run at a time ([`Ranking::sort_step`]): sorted runs of the
    /// first `in_runs` places, merged two by two until one is left.
    runs: VecDeque<Vec<u32>>,
    in_runs: usize,
}

impl Ranking {
    /// How many people have been added.
    fn len(&self) -> usize {
        self.of_person.len()
    }

    /// Adds the next people's texts.
    fn add<'a>(&mut self, texts: impl Iterator<Item = &'a str>) {
        for text in texts {
            if text.is_empty() {
                self.of_person.push(MISSING);
                continue;
            }
            let place = match self.places.get(text) {
                Some(&place) => place,
                None => {
                    let place = self.keys.len() as u32;
                    self.keys.push(collate::key(text));
                    self.places.insert(text.into(), place);
                    place
                }
            };
            self.of_person.push(place);
        }
    }

    /// One step of putting the distinct texts in key order: sorts up to `most` more of them
    /// into a run of their own, or else merges the two oldest runs (about as many
    /// comparisons as the two hold: a province's 250,000 names sorted at once held the page
    /// for some 100 ms); `true` once one run holds them all.
    fn sort_step(&mut self, most: usize) -> bool {
        let keys = &self.keys;
        let by_key = |a: &u32, b: &u32| keys[*a as usize].cmp(&keys[*b as usize]);
        if self.in_runs < keys.len() {
            let end = self.in_runs.saturating_add(most.max(1)).min(keys.len());
            let mut run: Vec<u32> = (self.in_runs as u32..end as u32).collect();
            run.sort_unstable_by(by_key);
            self.runs.push_back(run);
            self.in_runs = end;
        } else if self.runs.len() >= 2 {
            let (a, b) = (
                self.runs.pop_front().unwrap_or_default(),
                self.runs.pop_front().unwrap_or_default(),
            );
            let mut merged = Vec::with_capacity(a.len() + b.len());
            let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
            while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
                let next = if by_key(y, x).is_lt() {
                    b.next()
                } else {
                    a.next()
                };
                merged.extend(next);
            }
            merged.extend(a.chain(b));
            self.runs.push_back(merged);
        }
        self.in_runs == keys.len() && self.runs.len() <= 1
    }

    /// Per person added, the rank of their text in Vietnamese alphabetical order among the
    /// distinct texts (texts with one collation key share a rank); [`MISSING`] for an empty
    /// text. Finishes the sort begun by [`Ranking::sort_step`].
    fn ranks(mut self) -> Vec<u32> {
        while !self.sort_step(usize::MAX) {}
        let by_key = self.runs.pop_front().unwrap_or_default();
        let mut rank_of_place = vec![0u32; self.keys.len()];
        let mut rank = 0u32;
        for (n, &place) in by_key.iter().enumerate() {
            if n > 0 && self.keys[by_key[n - 1] as usize] != self.keys[place as usize] {
                rank += 1;
            }
            rank_of_place[place as usize] = rank;
        }
        self.of_person
            .into_iter()
            .map(|place| {
                rank_of_place
                    .get(place as usize)
                    .copied()
                    .unwrap_or(MISSING)
            })
            .collect()
    }
}

/// The names' ranks of `people`, from what `ahead` has made of them: the rest of the names
/// added, the sort finished. `ahead` is left empty.
fn names_ranked(ahead: &mut Ranking, people: &[Person]) -> Vec<u32> {
    let rest = people.get(ahead.len()..).unwrap_or_default();
    ahead.add(rest.iter().map(|p| p.name.as_str()));
    std::mem::take(ahead).ranks()
}

/// Per person, the rank of `text(person)` in Vietnamese alphabetical order among the
/// roster's distinct texts (collated once each); [`MISSING`] for an empty text.
fn text_ranks(people: &[Person], text: impl Fn(&Person) -> &str) -> Vec<u32> {
    let mut ranking = Ranking::default();
    ranking.add(people.iter().map(text));
    ranking.ranks()
}

/// Each distinct non-empty text's rank in alphabetical order; texts with one collation key
/// share a rank.
fn ranks_of_texts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
    let mut distinct: HashMap<&str, u32> = HashMap::new();
    for t in texts.filter(|t| !t.is_empty()) {
        distinct.entry(t).or_insert(0);
    }
    let mut keyed: Vec<(collate::Key, &str)> =
        distinct.keys().map(|&t| (collate::key(t), t)).collect();
    keyed.sort_unstable();
    let mut rank = 0u32;
    for (i, (key, t)) in keyed.iter().enumerate() {
        if i > 0 && keyed[i - 1].0 != *key {
            rank += 1;
        }
        distinct.insert(t, rank);
    }
    distinct
}

/// Per person, the rank of (file, sheet, row), file and sheet alphabetically.
fn origin_ranks(people: &[Person]) -> Vec<u32> {
    let files = ranks_of_texts(people.iter().map(|p| p.origin.file.as_str()));
    let sheets = ranks_of_texts(people.iter().map(|p| p.origin.sheet.as_str()));
    let rank = |ranks: &HashMap<&str, u32>, text: &str| ranks.get(text).copied().unwrap_or(MISSING);
    let keys: Vec<(u32, u32, u32)> = people
        .iter()
        .map(|p| {
            (
                rank(&files, &p.origin.file),
                rank(&sheets, &p.origin.sheet),
                p.origin.row,
            )
        })
        .collect();
    let mut by_origin: Vec<usize> = (0..people.len()).collect();
    by_origin.sort_unstable_by_key(|&i| keys[i]);
    let mut ranks = vec![0u32; people.len()];
    let mut next = 0u32;
    for (n, &i) in by_origin.iter().enumerate() {
        if n > 0 && keys[by_origin[n - 1]] != keys[i] {
            next += 1;
        }
        ranks[i] = next;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn person(name: &str, unit: &str, position: Option<&str>) -> Person {
        Person {
            position: position.map(Into::into),
            ..Person::blank(name, unit)
        }
    }

    fn names(people: &[Person], rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| people[i].name.clone()).collect()
    }

    fn all(people: &[Person]) -> Vec<usize> {
        (0..people.len()).collect()
    }

    fn sorted(people: &[Person], key: PersonKey, descending: bool) -> Vec<String> {
        let index = PeopleIndex::new();
        let rows = index.rows(
            people,
            &all(people),
            "",
            Some(PeopleSort { key, descending }),
        );
        names(people, &rows)
    }

    #[test]
    fn names_follow_the_vietnamese_alphabet_not_code_points() {
        let people: Vec<Person> = [
            "Đỗ Văn Em",
            "Dương Thị Hoa",
            "Ân Văn Bình",
            "an Thị Cúc",
            "Zô Ba",
        ]
        .iter()
        .map(|n| person(n, "Xã A", None))
        .collect();
        assert_eq!(
            sorted(&people, PersonKey::Name, false),
            [
                "an Thị Cúc",
                "Ân Văn Bình",
                "Dương Thị Hoa",
                "Đỗ Văn Em",
                "Zô Ba"
            ]
        );
        assert_eq!(
            sorted(&people, PersonKey::Name, true),
            [
                "Zô Ba",
                "Đỗ Văn Em",
                "Dương Thị Hoa",
                "Ân Văn Bình",
                "an Thị Cúc"
            ]
        );
    }

    #[test]
    fn units_and_positions_are_collated_and_missing_ones_come_last_both_ways() {
        let people = vec![
            person("1", "Xã Yên Thế", Some("Chủ tịch")),
            person("2", "", Some("Công chức")),
            person("3", "Xã Đồng Tâm", None),
            person("4", "xã Bình An", Some("Bí thư")),
            person("5", "Xã Đồng Tâm", Some("")),
        ];
        assert_eq!(
            sorted(&people, PersonKey::Unit, false),
            ["4", "3", "5", "1", "2"]
        );
        assert_eq!(
            sorted(&people, PersonKey::Unit, true),
            ["1", "3", "5", "4", "2"]
        );
        assert_eq!(
            sorted(&people, PersonKey::Position, false),
            ["4", "1", "2", "3", "5"]
        );
        assert_eq!(
            sorted(&people, PersonKey::Position, true),
            ["2", "1", "4", "3", "5"]
        );
    }

    #[test]
    fn birth_dates_are_chronological_whatever_their_precision_missing_last() {
        let born = |name: &str, birth: Option<PartialDate>| Person {
            birth,
            ..Person::blank(name, "Xã A")
        };
        let day = |y, m, d| Some(PartialDate::Full(Date::new(y, m, d).unwrap()));
        let people = vec![
            born("1990-05-02", day(1990, 5, 2)),
            born("none", None),
            born("1985", Some(PartialDate::Year(1985))),
            born(
                "1990-05",
                Some(PartialDate::Month {
                    year: 1990,
                    month: 5,
                }),
            ),
            born("1970-12-31", day(1970, 12, 31)),
        ];
        assert_eq!(
            sorted(&people, PersonKey::Birth, false),
            ["1970-12-31", "1985", "1990-05", "1990-05-02", "none"]
        );
        assert_eq!(
            sorted(&people, PersonKey::Birth, true),
            ["1990-05-02", "1990-05", "1985", "1970-12-31", "none"]
        );
    }

    #[test]
    fn origin_is_file_then_sheet_then_row_number() {
        let at = |name: &str, file: &str, sheet: &str, row| {
            let mut p = Person::blank(name, "Xã A");
            p.origin = super::super::Origin {
                file: file.into(),
                sheet: sheet.into(),
                row,
            };
            p
        };
        let people = vec![
            at("b-10", "b.xlsx", "Sheet1", 10),
            at("a-s2-3", "a.xlsx", "Sheet2", 3),
            at("b-9", "b.xlsx", "Sheet1", 9),
            at("đ-1", "đ.xlsx", "Sheet1", 1),
            at("a-s1-20", "a.xlsx", "Sheet1", 20),
        ];
        assert_eq!(
            sorted(&people, PersonKey::Origin, false),
            ["a-s1-20", "a-s2-3", "b-9", "b-10", "đ-1"]
        );
        assert_eq!(
            sorted(&people, PersonKey::Origin, true),
            ["đ-1", "b-10", "b-9", "a-s2-3", "a-s1-20"]
        );
    }

    #[test]
    fn equal_keys_keep_the_order_given_in_either_direction() {
        let people: Vec<Person> = (0..6)
            .map(|i| {
                person(
                    &i.to_string(),
                    if i % 2 == 0 { "Xã A" } else { "XÃ A" },
                    None,
                )
            })
            .collect();
        // "Xã A" and "XÃ A" collate alike: one rank, so the rows keep their order.
        let rows = [4, 1, 5, 0];
        for descending in [false, true] {
            let out = PeopleIndex::new().rows(
                &people,
                &rows,
                "",
                Some(PeopleSort {
                    key: PersonKey::Unit,
                    descending,
                }),
            );
            assert_eq!(out, rows);
        }
    }

    #[test]
    fn search_ignores_case_diacritics_and_d_bar_and_looks_in_name_unit_and_position() {
        let people = vec![
            person("Đặng Thị Hồng", "Xã Yên Thế", Some("Chủ tịch UBND")),
            person("Nguyễn Văn Dũng", "Xã Đồng Tâm", None),
            person("Trần Văn An", "", Some("Công chức Địa chính")),
        ];
        let index = PeopleIndex::new();
        let found = |q: &str| names(&people, &index.rows(&people, &all(&people), q, None));
        assert_eq!(found("dang thi"), ["Đặng Thị Hồng"]);
        assert_eq!(found("ĐỒNG TÂM"), ["Nguyễn Văn Dũng"]);
        assert_eq!(found("dia chinh"), ["Trần Văn An"]);
        assert_eq!(found("  van "), ["Nguyễn Văn Dũng", "Trần Văn An"]);
        assert_eq!(
            found(""),
            ["Đặng Thị Hồng", "Nguyễn Văn Dũng", "Trần Văn An"]
        );
        assert!(found("xyz").is_empty());
        // A query does not run from one field into the next.
        assert!(found("hong xa").is_empty());
    }

    #[test]
    fn search_text_made_ahead_in_slices_of_any_size_finds_what_a_search_at_once_finds() {
        let people: Vec<Person> = (0..23)
            .map(|i| {
                let name = ["Đặng Thị Hồng", "Nguyễn Văn Dũng", "Trần Văn An"][i % 3];
                let unit = ["Xã Yên Thế", "Xã Đồng Tâm"][i % 2];
                let position = (i % 4 != 0).then_some("Công chức Địa chính");
                person(&format!("{name} {i}"), unit, position)
            })
            .collect();
        let queries = ["dang", "dong tam", "dia chinh", "van 1", "2", "xyz", ""];
        let at_once = PeopleIndex::new();
        let expected: Vec<Vec<usize>> = queries
            .iter()
            .map(|q| at_once.rows(&people, &all(&people), q, None))
            .collect();
        assert!(expected[0].len() > 3 && expected[5].is_empty());
        for most in [0, 1, 2, 7, 23, 100] {
            let index = PeopleIndex::new();
            // Part made (or none, with 0): a search completes it.
            assert!(!index.prepare_search(&people, most.min(5)));
            let found: Vec<Vec<usize>> = queries
                .iter()
                .map(|q| index.rows(&people, &all(&people), q, None))
                .collect();
            assert_eq!(found, expected, "{most} at a time, then a search");
            // Made ahead to the end, a step at a time.
            let index = PeopleIndex::new();
            let mut steps = 0;
            while !index.prepare_search(&people, most.max(1)) {
                steps += 1;
                assert!(steps <= people.len(), "no end");
            }
            assert!(index.prepare_search(&people, 1), "stays made");
            let found: Vec<Vec<usize>> = queries
                .iter()
                .map(|q| index.rows(&people, &all(&people), q, None))
                .collect();
            assert_eq!(found, expected, "{most} at a time");
        }
    }

    #[test]
    fn names_ranked_ahead_in_slices_of_any_size_sort_as_ranked_at_once() {
        let names = [
            "Đỗ Văn Em",
            "",
            "Dương Thị Hoa",
            "an Thị Cúc",
            "AN THỊ CÚC",
            "Ân Văn Bình",
        ];
        let people: Vec<Person> = (0..17)
            .map(|i| person(names[i % names.len()], "Xã A", None))
            .collect();
        let by_name = |index: &PeopleIndex, descending| {
            index.rows(
                &people,
                &all(&people),
                "",
                Some(PeopleSort {
                    key: PersonKey::Name,
                    descending,
                }),
            )
        };
        let at_once = PeopleIndex::new();
        let expected = [by_name(&at_once, false), by_name(&at_once, true)];
        assert_eq!(people[expected[0][0]].name, "an Thị Cúc");
        assert_eq!(
            people[*expected[0].last().unwrap()].name,
            "",
            "no name last"
        );
        // Asking for none makes nothing.
        let index = PeopleIndex::new();
        assert!(!index.prepare_name_ranks(&people, 0));
        assert!(!index.prepare_name_ranks(&people, 0));
        for most in [1, 2, 5, 17, 100] {
            // Made ahead to the end, a step at a time.
            let index = PeopleIndex::new();
            let mut steps = 0;
            while !index.prepare_name_ranks(&people, most) {
                steps += 1;
                assert!(steps <= 4 * people.len() + 4, "no end");
            }
            assert!(index.prepare_name_ranks(&people, 1), "stays made");
            assert_eq!(
                [by_name(&index, false), by_name(&index, true)],
                expected,
                "{most} at a time"
            );
            // Stopped after any step (keys part made, runs part sorted or merged): a sort
            // finishes what was begun.
            for stop in 0..steps {
                let index = PeopleIndex::new();
                for _ in 0..stop {
                    assert!(!index.prepare_name_ranks(&people, most));
                }
                assert_eq!(
                    [by_name(&index, false), by_name(&index, true)],
                    expected,
                    "{most} at a time, stopped after {stop} steps"
                );
                assert!(index.prepare_name_ranks(&people, 1), "made by the sort");
            }
        }
    }

    #[test]
    fn search_then_sort_keeps_only_the_rows_asked_for() {
        let people = vec![
            person("Vũ An", "Xã B", None),
            person("Lê An", "Xã A", None),
            person("Hà An", "Xã C", None),
            person("Lý Bình", "Xã A", None),
        ];
        let out = PeopleIndex::new().rows(
            &people,
            &[0, 1, 3, 99],
            "an",
            Some(PeopleSort {
                key: PersonKey::Name,
                descending: false,
            }),
        );
        assert_eq!(names(&people, &out), ["Lê An", "Vũ An"]);
    }

    /// Generated rosters: every sort is a permutation of the rows, ordered by the key as the
    /// collation (or date) says, with the people lacking the key at the end.
    #[test]
    fn generated_rosters_are_ordered_by_the_collation_key() {
        let syllables = [
            "an", "Ân", "đào", "Đức", "dung", "Hà", "hạ", "Ả", "Ơn", "ư", "Yến", "", "Bình",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20 {
            let people: Vec<Person> = (0..60)
                .map(|i| {
                    let word = |next: &mut dyn FnMut(usize) -> usize| {
                        format!("{} {}", syllables[next(13)], syllables[next(13)])
                            .trim()
                            .to_string()
                    };
                    let mut p = person(&format!("{} {i}", word(&mut next)), &word(&mut next), None);
                    p.position = (next(3) > 0).then(|| word(&mut next));
                    p.birth = (next(4) > 0).then(|| PartialDate::Year(1960 + next(40) as i32));
                    p
                })
                .collect();
            let rows: Vec<usize> = (0..people.len()).filter(|_| next(5) > 0).collect();
            let index = PeopleIndex::new();
            for key in [
                PersonKey::Name,
                PersonKey::Unit,
                PersonKey::Position,
                PersonKey::Birth,
            ] {
                for descending in [false, true] {
                    let out = index.rows(&people, &rows, "", Some(PeopleSort { key, descending }));
                    let mut same = out.clone();
                    same.sort_unstable();
                    assert_eq!(same, rows);
                    let value = |i: usize| -> Option<(collate::Key, i32)> {
                        let p = &people[i];
                        let text = match key {
                            PersonKey::Name => p.name.as_str(),
                            PersonKey::Unit => p.unit.as_str(),
                            PersonKey::Position => p.position.as_deref().unwrap_or_default(),
                            _ => "x",
                        };
                        let year = match key {
                            PersonKey::Birth => p.birth?.year(),
                            _ => 0,
                        };
                        (!text.is_empty()).then(|| (collate::key(text), year))
                    };
                    for pair in out.windows(2) {
                        match (value(pair[0]), value(pair[1])) {
                            (Some(a), Some(b)) if descending => assert!(a >= b, "{key:?}"),
                            (Some(a), Some(b)) => assert!(a <= b, "{key:?}"),
                            (None, Some(_)) => panic!("{key:?}: a missing value before a value"),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}
