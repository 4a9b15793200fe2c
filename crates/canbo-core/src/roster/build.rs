//! Layout + cells → people. One row at a time; a bad value is a warning, never an abort.
//! Text cells arrive cleaned (see `import::normalise`), so they are read as they are.

use super::{Origin, Person, Warning, WarningKind};
use crate::codes::*;
use crate::date::PartialDate;
use crate::field::Field;
use crate::layout::{Layout, RowRole};
use crate::read::{cell_ref, joined, Cell, Sheet};
use crate::vocab::spellings::Spellings;
use crate::vocab::{self, ethnicity, positions};
use foldhash::HashMap;
use std::cell::RefCell;

/// The people of one sheet. `sheet_unit` is the unit when neither a column nor a group row
/// names one (the sheet's name, where it names a unit).
///
/// Each person's row is taken out of the sheet first, with the unit and category its group
/// rows give it, then the people are built from them, natively on every core a run of rows
/// each (`parallel::in_order`; a province's sheet of 250,000 people took 0.42 s on one), in
/// the rows' order, with the same warnings in the same order as one after the other. A
/// row's cells are freed once its person is built: peak memory is about one copy of the
/// data, not two.
pub(crate) fn people(
    file: &str,
    sheet: &mut Sheet,
    layout: &Layout,
    sheet_unit: &str,
    spellings: &Spellings,
) -> (Vec<Person>, Vec<Warning>) {
    let rows = layout
        .rows
        .iter()
        .filter(|(_, role)| matches!(role, RowRole::Person))
        .count();
    let runs = crate::parallel::threads().min(rows / ROWS_PER_RUN).max(1);
    people_in_runs(file, sheet, layout, sheet_unit, spellings, runs)
}

/// [`people`] built in `runs` runs of rows, each run on the next core free.
pub(crate) fn people_in_runs(
    file: &str,
    sheet: &mut Sheet,
    layout: &Layout,
    sheet_unit: &str,
    spellings: &Spellings,
    runs: usize,
) -> (Vec<Person>, Vec<Warning>) {
    let mut rows = Vec::new();
    let mut unit = sheet_unit;
    let mut group_category: Option<Category> = None;
    for (r, role) in &layout.rows {
        match role {
            RowRole::UnitGroup { unit: u } => {
                unit = u;
                group_category = None;
            }
            RowRole::CategoryGroup { category } => group_category = Some(*category),
            RowRole::Person => {
                let cells = sheet
                    .rows
                    .get_mut(*r)
                    .map(std::mem::take)
                    .unwrap_or_default();
                rows.push(PersonRow {
                    index: *r,
                    cells,
                    unit,
                    group_category,
                });
            }
            _ => {}
        }
    }
    let sheet = sheet.name.as_str();
    let all = rows.len();
    let per_run = all.div_ceil(runs.max(1)).max(1);
    let mut split = Vec::with_capacity(runs);
    while rows.len() > per_run {
        let rest = rows.split_off(per_run);
        split.push(rows);
        rows = rest;
    }
    split.push(rows);
    let split: Vec<_> = split.into_iter().enumerate().collect();
    let built = crate::parallel::in_order(
        split,
        |(run, rows), _: &dyn Fn(())| {
            let reader = RowReader {
                file,
                sheet,
                layout,
                spellings,
                columns: ColumnsByField::new(layout),
                memo: Default::default(),
            };
            // The first run's people are the sheet's: room for all, the others' appended.
            let mut people = Vec::with_capacity(if run == 0 { all } else { rows.len() });
            let mut warnings = Vec::new();
            for person in rows {
                let row = Row {
                    index: person.index,
                    cells: &person.cells,
                };
                people.push(reader.person(row, person.unit, person.group_category, &mut warnings));
            }
            (people, warnings)
        },
        |()| {},
    );
    // The other runs' people moved once, into the room the first made for all (a person
    // is some 400 bytes, a province 250,000: 100 MB copied, were the first's moved too).
    let mut built = built.into_iter();
    let (mut people, mut warnings) = built.next().unwrap_or_default();
    for (mut ps, mut ws) in built {
        people.append(&mut ps);
        warnings.append(&mut ws);
    }
    (people, warnings)
}

/// Rows of people each run builds at least: below twice this a sheet's people are built
/// on one core (starting a thread costs more than building a commune's few hundred).
const ROWS_PER_RUN: usize = 20_000;

/// A person's row taken out of the sheet, with what its group rows said.
struct PersonRow<'a> {
    index: usize,
    cells: Vec<Cell>,
    unit: &'a str,
    group_category: Option<Category>,
}

/// One row of the sheet, by its index and its cells.
#[derive(Clone, Copy)]
struct Row<'c> {
    index: usize,
    cells: &'c [Cell],
}

impl<'c> Row<'c> {
    fn cell(self, col: usize) -> &'c Cell {
        static EMPTY: Cell = Cell::Empty;
        self.cells.get(col).unwrap_or(&EMPTY)
    }
}

/// A layout's columns by field, found once per sheet (`Layout::columns_of` and `has` look
/// through every column each time they are asked: some 25 times a person).
struct ColumnsByField {
    /// Each field's columns of values (not of marks), in the layout's order.
    values: [Vec<usize>; FIELDS],
    /// Whether any column holds the field, as values or as marks.
    any: [bool; FIELDS],
}

/// Every field there is ([`Field::ALL`]), each at its place (`field as usize`).
const FIELDS: usize = Field::ALL.len();

impl ColumnsByField {
    fn new(layout: &Layout) -> ColumnsByField {
        let mut by_field = ColumnsByField {
            values: std::array::from_fn(|_| Vec::new()),
            any: [false; FIELDS],
        };
        for column in &layout.columns {
            let Some(field) = column.field else { continue };
            if let Some(any) = by_field.any.get_mut(field as usize) {
                *any = true;
            }
            if let (None, Some(values)) = (&column.mark, by_field.values.get_mut(field as usize)) {
                values.push(column.col);
            }
        }
        by_field
    }

    /// As `Layout::columns_of`.
    fn of(&self, field: Field) -> &[usize] {
        self.values.get(field as usize).map_or(&[], Vec::as_slice)
    }

    /// As `Layout::has`.
    fn has(&self, field: Field) -> bool {
        self.any.get(field as usize).copied().unwrap_or(false)
    }
}

struct RowReader<'a> {
    file: &'a str,
    sheet: &'a str,
    layout: &'a Layout,
    /// What the user taught: consulted before the rules.
    spellings: &'a Spellings,
    /// The layout's columns by field, asked of every person's every field.
    columns: ColumnsByField,
    /// Rosters repeat the same few values thousands of times: classify each once.
    memo: RefCell<Memo>,
}

#[derive(Default)]
struct Memo {
    /// field → text → index of the code in `T::ALL`, `None` when unrecognised.
    levels: HashMap<Field, HashMap<String, Option<usize>>>,
    /// position text → the titles it names, main post first.
    titles: HashMap<String, Vec<positions::Title>>,
    ethnicities: HashMap<String, String>,
    /// unit cell text → the unit's name.
    units: HashMap<String, String>,
    /// party cell text → whether it says yes.
    yes: HashMap<String, bool>,
}

/// What `make` gives for `text`, made the first time `text` is asked for.
fn remembered<'m, V>(
    memo: &'m mut HashMap<String, V>,
    text: &str,
    make: impl FnOnce(&str) -> V,
) -> &'m V {
    if !memo.contains_key(text) {
        let made = make(text);
        memo.insert(text.to_string(), made);
    }
    &memo[text]
}

impl RowReader<'_> {
    /// The first non-blank cell among the columns of `field`, with its column.
    fn cell<'c>(&self, row: Row<'c>, field: Field) -> Option<(usize, &'c Cell)> {
        (self.columns.of(field).iter())
            .map(|&c| (c, row.cell(c)))
            .find(|(_, cell)| !cell.is_empty())
    }

    fn text(&self, row: Row<'_>, field: Field) -> Option<String> {
        self.cell(row, field)
            .map(|(_, c)| c.display())
            .filter(|t| !t.is_empty())
    }

    fn warn(&self, out: &mut Vec<Warning>, row: Row<'_>, col: usize, kind: WarningKind) {
        out.push(Warning::new(
            self.file,
            self.sheet,
            cell_ref(row.index, col),
            kind,
        ));
    }

    /// A classified field: `None` without a column, the code's blank value for a blank cell,
    /// its `unknown` (and a warning) for text no phrase matches. Where the field is given by
    /// columns of marks ("x" under "ĐH"), the first marked column's header is the value.
    fn level<T: Code>(
        &self,
        row: Row<'_>,
        field: Field,
        parse: fn(&str) -> Option<T>,
        out: &mut Vec<Warning>,
    ) -> Option<T> {
        if !self.columns.has(field) {
            return None;
        }
        let Some((col, cell)) = self.cell(row, field) else {
            let marked = self.layout.marks_of(field).find(|&(c, _)| {
                let cell = row.cell(c);
                !cell.is_empty() && vocab::mark(&cell.display())
            });
            return match marked {
                Some((_, label)) => Some(self.classify(field, label, parse).unwrap_or(T::UNKNOWN)),
                None => T::BLANK,
            };
        };
        // Text cells are looked up without copying; numbers are rare here and formatted.
        let text = cell.shown();
        match self.classify(field, &text, parse) {
            Some(v) => Some(v),
            None => {
                self.warn(
                    out,
                    row,
                    col,
                    WarningKind::Unrecognised {
                        field,
                        value: text.to_string(),
                    },
                );
                Some(T::UNKNOWN)
            }
        }
    }

    /// `parse(text)`, remembered per field and text.
    fn classify<T: Code>(
        &self,
        field: Field,
        text: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let known = self
            .memo
            .borrow()
            .levels
            .get(&field)
            .and_then(|m| m.get(text))
            .copied();
        let index = known.unwrap_or_else(|| {
            let index = self
                .spellings
                .level(field, text)
                .or_else(|| parse(text))
                .and_then(|v| T::ALL.iter().position(|x| *x == v));
            let mut memo = self.memo.borrow_mut();
            memo.levels
                .entry(field)
                .or_default()
                .insert(text.to_string(), index);
            index
        });
        index.and_then(|i| T::ALL.get(i).copied())
    }

    fn date(&self, row: Row<'_>, field: Field, out: &mut Vec<Warning>) -> Option<PartialDate> {
        let (col, cell) = self.cell(row, field)?;
        let parsed = match cell {
            Cell::Date(d) => Some(PartialDate::Full(*d)),
            Cell::Number(n) => PartialDate::from_number(*n, false),
            Cell::Text(t) => PartialDate::parse(t),
            _ => None,
        };
        if parsed.is_none() {
            self.warn(
                out,
                row,
                col,
                WarningKind::BadDate {
                    field,
                    value: cell.display(),
                },
            );
        }
        parsed
    }

    fn person(
        &self,
        r: Row<'_>,
        unit: &str,
        group_category: Option<Category>,
        out: &mut Vec<Warning>,
    ) -> Person {
        let has = |f| self.columns.has(f);
        let name = joined(
            self.columns.of(Field::Name).iter().map(|&c| r.cell(c)),
            str::is_empty,
        );

        // Birth, and gender from the split Nam/Nữ birth columns where the sheet does that.
        let mut gender = None;
        let mut birth = self.date(r, Field::Birth, out);
        if birth.is_none() {
            for (field, g) in [
                (Field::BirthMale, Gender::Nam),
                (Field::BirthFemale, Gender::Nu),
            ] {
                if let Some(d) = self.date(r, field, out) {
                    birth = Some(d);
                    gender = Some(g);
                    break;
                }
            }
        }
        if has(Field::Gender) {
            gender = self.level(r, Field::Gender, vocab::gender, out).or(gender);
        } else if has(Field::GenderMaleMark) || has(Field::GenderFemaleMark) {
            // With one column of marks only ("Nữ"), a blank there is the other gender.
            let marked = |f| self.text(r, f).is_some_and(|t| vocab::mark(&t));
            let (men, women) = (
                marked(Field::GenderMaleMark),
                marked(Field::GenderFemaleMark),
            );
            gender = Some(
                match (has(Field::GenderMaleMark), has(Field::GenderFemaleMark)) {
                    (true, true) => match (men, women) {
                        (true, false) => Gender::Nam,
                        (false, true) => Gender::Nu,
                        _ => Gender::Unknown,
                    },
                    (false, _) if women => Gender::Nu,
                    (false, _) => Gender::Nam,
                    (true, false) if men => Gender::Nam,
                    (true, false) => Gender::Nu,
                },
            );
        } else if has(Field::BirthMale) || has(Field::BirthFemale) {
            gender = gender.or(Some(Gender::Unknown));
        }

        let position = self.text(r, Field::Position);
        // The main post, then the others (none, mostly: no room is made for them then).
        let (title, concurrent) = match &position {
            None => (None, Vec::new()),
            Some(p) => {
                let mut memo = self.memo.borrow_mut();
                let titles = remembered(&mut memo.titles, p, |p| {
                    let mut found = match self.spellings.title(p) {
                        Some(t) => vec![t],
                        None => positions::titles(p),
                    };
                    if let Some(main) = positions::main(&found) {
                        found.retain(|t| *t != main);
                        found.insert(0, main);
                    }
                    found
                });
                (
                    titles.first().copied(),
                    titles.get(1..).unwrap_or_default().to_vec(),
                )
            }
        };
        let category = if has(Field::Category) {
            self.level(r, Field::Category, vocab::category, out)
                .unwrap_or(Category::Unknown)
        } else if let Some(t) = title {
            t.category()
        } else if let Some(c) = group_category {
            c
        } else {
            if let (Some(p), Some((col, _))) = (&position, self.cell(r, Field::Position)) {
                self.warn(
                    out,
                    r,
                    col,
                    WarningKind::UnknownPosition { value: p.clone() },
                );
            }
            Category::Unknown
        };

        // A unit's name, a party mark and an ethnicity each worked out once per text.
        let shown = |f| self.cell(r, f).map(|(_, cell)| cell.shown());
        let unit = match shown(Field::Unit).filter(|u| !u.is_empty()) {
            Some(u) => remembered(&mut self.memo.borrow_mut().units, &u, |u| {
                crate::text::unit_case(&crate::layout::strip_numbering(u))
            })
            .clone(),
            None => unit.to_string(),
        };
        let party_member = has(Field::Party).then(|| {
            self.columns.of(Field::Party).iter().any(|&c| {
                let cell = r.cell(c);
                !cell.is_empty()
                    && *remembered(&mut self.memo.borrow_mut().yes, &cell.shown(), vocab::yes)
            })
        });
        let optional_text = |f| has(f).then(|| self.text(r, f).unwrap_or_default());

        Person {
            name,
            birth,
            gender,
            ethnicity: has(Field::Ethnicity).then(|| {
                let e = shown(Field::Ethnicity).unwrap_or_default();
                remembered(
                    &mut self.memo.borrow_mut().ethnicities,
                    &e,
                    ethnicity::canonical,
                )
                .clone()
            }),
            religion: optional_text(Field::Religion),
            unit,
            position,
            title,
            concurrent,
            category,
            party_member,
            general_education: self.level(
                r,
                Field::GeneralEducation,
                vocab::general_education,
                out,
            ),
            professional: self.level(r, Field::Professional, vocab::professional, out),
            field_of_study: self.text(r, Field::FieldOfStudy),
            political_theory: self.level(r, Field::PoliticalTheory, vocab::political_theory, out),
            state_management: self.level(r, Field::StateManagement, vocab::state_management, out),
            it: optional_text(Field::It),
            foreign_language: optional_text(Field::ForeignLanguage),
            ethnic_language: optional_text(Field::EthnicLanguage),
            evaluation: self.evaluation(r, out),
            hired: self.date(r, Field::Hired, out),
            origin: Origin {
                file: self.file.into(),
                sheet: self.sheet.to_string(),
                row: r.index as u32 + 1,
            },
        }
    }

    /// Evaluation also accepts a numeric score cell.
    fn evaluation(&self, r: Row<'_>, out: &mut Vec<Warning>) -> Option<Evaluation> {
        if let Some((_, Cell::Number(n))) = self.cell(r, Field::Evaluation) {
            if let Some(e) = vocab::evaluation_score(*n) {
                return Some(e);
            }
        }
        self.level(r, Field::Evaluation, vocab::evaluation, out)
    }
}

#[cfg(test)]
mod tests {
    use super::{ColumnsByField, FIELDS};
    use crate::field::Field;

    #[test]
    fn every_field_has_its_place_among_the_columns_by_field() {
        assert_eq!(FIELDS, Field::ALL.len());
        for (place, field) in Field::ALL.iter().enumerate() {
            assert_eq!(*field as usize, place, "{field:?}");
        }
    }

    /// On the layout of every sheet of the samples and independent rosters, the columns by
    /// field are the layout's own answers.
    #[test]
    fn the_columns_by_field_are_the_layouts() {
        let mut layouts = 0;
        for input in crate::test_samples::with_independent() {
            let Ok(workbook) = crate::read::read(&input.name, &input.bytes) else {
                continue;
            };
            for sheet in &workbook.sheets {
                let Ok(layout) = crate::layout::detect(sheet, &[]) else {
                    continue;
                };
                let by_field = ColumnsByField::new(&layout);
                for &field in Field::ALL {
                    let columns: Vec<usize> = layout.columns_of(field).collect();
                    assert_eq!(by_field.of(field), columns, "{} {field:?}", input.name);
                    assert_eq!(
                        by_field.has(field),
                        layout.has(field),
                        "{} {field:?}",
                        input.name
                    );
                }
                layouts += 1;
            }
        }
        assert!(layouts > 40, "{layouts} layouts");
    }
}
