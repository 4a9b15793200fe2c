//! The roster: typed people, each remembering where they came from, and the warnings
//! raised while reading them.

pub(crate) mod build;
pub mod query;
mod unrecognised;
mod warning;

pub(crate) use build::people;
pub use unrecognised::Unrecognised;
pub use warning::{Warning, WarningKind};

use crate::codes::*;
use crate::date::PartialDate;
use crate::field::Field;
use crate::vocab::positions::Title;
use serde::{Deserialize, Serialize};

/// Where a person was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    pub sheet: String,
    /// One-based, as the spreadsheet numbers it.
    pub row: u32,
}

impl Origin {
    /// Where the person was read, as a list of people shows it: `a.xlsx › DS › dòng 12`
    /// (`row 12`); the row as the spreadsheet numbers it.
    pub fn label(&self, lang: crate::lang::Lang) -> String {
        format!(
            "{} › {} › {} {}",
            self.file,
            self.sheet,
            lang.pick("dòng", "row"),
            self.row
        )
    }
}

/// One person. For the classified fields, `None` means the sheet had no such column;
/// a blank cell in an existing column is the code's `none` value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub birth: Option<PartialDate>,
    pub gender: Option<Gender>,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    pub unit: String,
    pub position: Option<String>,
    /// The main post the position names (see [`crate::vocab::positions::main`]).
    pub title: Option<Title>,
    /// The other posts the same cell names ("… kiêm Chủ tịch HĐND"): held concurrently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concurrent: Vec<Title>,
    pub category: Category,
    pub party_member: Option<bool>,
    pub general_education: Option<GeneralEducation>,
    pub professional: Option<Professional>,
    pub field_of_study: Option<String>,
    pub political_theory: Option<PoliticalTheory>,
    pub state_management: Option<StateManagement>,
    pub it: Option<String>,
    pub foreign_language: Option<String>,
    pub ethnic_language: Option<String>,
    pub evaluation: Option<Evaluation>,
    pub hired: Option<PartialDate>,
    pub origin: Origin,
}

impl Person {
    /// Whether the person belongs to an ethnic minority; `None` when the roster has no
    /// ethnicity column. A blank ethnicity is not counted as a minority.
    pub fn ethnic_minority(&self) -> Option<bool> {
        self.ethnicity.as_deref().map(is_minority_ethnicity)
    }
}

/// Whether an ethnicity as written (`Person::ethnicity`) is a minority's; blank is not.
pub fn is_minority_ethnicity(ethnicity: &str) -> bool {
    !ethnicity.is_empty() && crate::vocab::ethnicity::is_minority(ethnicity)
}

#[cfg(test)]
impl Person {
    /// A person with a name and unit and nothing else known, read from row 2 of "a.xlsx":
    /// tests fill in what they are about with struct-update syntax.
    pub(crate) fn blank(name: &str, unit: &str) -> Person {
        Person {
            name: name.into(),
            birth: None,
            gender: None,
            ethnicity: None,
            religion: None,
            unit: unit.into(),
            position: None,
            title: None,
            concurrent: Vec::new(),
            category: Category::Unknown,
            party_member: None,
            general_education: None,
            professional: None,
            field_of_study: None,
            political_theory: None,
            state_management: None,
            it: None,
            foreign_language: None,
            ethnic_language: None,
            evaluation: None,
            hired: None,
            origin: Origin {
                file: "a.xlsx".into(),
                sheet: "Sheet1".into(),
                row: 2,
            },
        }
    }
}

/// Which columns the roster's sheets had: a breakdown whose column no sheet had is `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns(pub Vec<Field>);

impl Columns {
    pub fn has(&self, field: Field) -> bool {
        self.0.contains(&field)
    }
    pub(crate) fn add(&mut self, field: Field) {
        if !self.0.contains(&field) {
            self.0.push(field);
            self.0.sort();
        }
    }
}

/// One sheet that became part of the roster (REPORT.md `sources`): what the report says it
/// was made from. It belongs to the roster (the importer fills it, the report copies it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub sheet: String,
    pub header_rows: Vec<u32>,
    pub people: u32,
    pub skipped_rows: u32,
}

/// Everything the report needs: the people, the columns they were read from, and what the
/// importer had to say about them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub people: Vec<Person>,
    pub columns: Columns,
    /// The sheets the people came from (REPORT.md `sources`).
    pub sources: Vec<Source>,
    pub warnings: Vec<Warning>,
}

impl Roster {
    /// The warnings of one sheet of one file, in the order they were found (the import
    /// review lists them under their sheet).
    pub fn warnings_in<'a>(
        &'a self,
        file: &'a str,
        sheet: &'a str,
    ) -> impl Iterator<Item = &'a Warning> + 'a {
        self.warnings
            .iter()
            .filter(move |w| w.file == file && w.sheet == sheet)
    }

    /// Units in the order they first appear.
    pub fn units(&self) -> Vec<String> {
        let mut places = UnitPlaces::default();
        let mut units = Vec::new();
        for p in &self.people {
            if places.place(&p.unit).1 {
                units.push(p.unit.clone());
            }
        }
        units
    }

    /// Whether the report has a breakdown for this field.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Gender => {
                self.columns.has(Field::Gender)
                    || self.columns.has(Field::BirthMale)
                    || self.columns.has(Field::BirthFemale)
                    || self.columns.has(Field::GenderMaleMark)
                    || self.columns.has(Field::GenderFemaleMark)
            }
            Field::Birth => {
                self.columns.has(Field::Birth)
                    || self.columns.has(Field::BirthMale)
                    || self.columns.has(Field::BirthFemale)
            }
            f => self.columns.has(f),
        }
    }
}

/// A unit's name, or a placeholder for people whose unit no sheet stated.
pub fn display_unit(unit: &str, lang: crate::lang::Lang) -> String {
    if unit.is_empty() {
        lang.pick("(Chưa rõ đơn vị)", "(Unit not stated)").into()
    } else {
        unit.into()
    }
}

/// The key under which unit names are the same unit: case, diacritics, numbering and a
/// leading "Xã"/"Thị trấn"/"Phường" do not matter.
pub fn unit_key(unit: &str) -> String {
    let folded = crate::text::fold(&crate::layout::strip_numbering(unit));
    for kind in crate::vocab::units::COMMUNE_KINDS {
        if let Some(rest) = folded.strip_prefix(kind).and_then(|r| r.strip_prefix(' ')) {
            return rest.to_string();
        }
    }
    folded
}

/// [`unit_key`] of many people's units, folded once per spelling: a roster repeats each
/// unit's spelling for every person in it, and folding is the slow part.
#[derive(Debug, Default)]
pub struct UnitKeys<'a> {
    keys: foldhash::HashMap<&'a str, String>,
}

impl<'a> UnitKeys<'a> {
    pub fn key(&mut self, unit: &'a str) -> &str {
        self.keys.entry(unit).or_insert_with(|| unit_key(unit))
    }
}

/// The places of units in a list made in roster order (a result's rows per unit), found by
/// the unit as a person's record writes it: the spellings of one unit (by [`unit_key`])
/// share a place, and each spelling is folded once, unlike [`UnitKeys`] owning its strings,
/// so a count can go on over slices of a roster it does not hold.
#[derive(Debug, Clone, Default)]
pub struct UnitPlaces {
    by_spelling: std::collections::HashMap<String, usize>,
    by_key: std::collections::HashMap<String, usize>,
}

impl UnitPlaces {
    /// The place of the unit written `unit`, and whether it is new: the caller then makes
    /// the unit's row at that place (the next one).
    pub fn place(&mut self, unit: &str) -> (usize, bool) {
        if let Some(&i) = self.by_spelling.get(unit) {
            return (i, false);
        }
        let next = self.by_key.len();
        let (i, new) = match self.by_key.entry(unit_key(unit)) {
            std::collections::hash_map::Entry::Occupied(e) => (*e.get(), false),
            std::collections::hash_map::Entry::Vacant(e) => (*e.insert(next), true),
        };
        self.by_spelling.insert(unit.to_string(), i);
        (i, new)
    }
}

#[cfg(test)]
mod origin_tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn units_are_placed_by_key_in_order_each_spelling_once() {
        let mut places = UnitPlaces::default();
        let placed: Vec<(usize, bool)> = [
            "Xã Na Sơn",
            "Na Son",
            "Xã Bản Lầu",
            "XÃ NA SƠN",
            "Bản Lầu",
            "",
        ]
        .iter()
        .map(|u| places.place(u))
        .collect();
        assert_eq!(
            placed,
            [
                (0, true),
                (0, false),
                (1, true),
                (0, false),
                (1, false),
                (2, true)
            ]
        );
    }

    #[test]
    fn an_origin_names_file_sheet_and_row_in_either_language() {
        let o = Origin {
            file: "Đội ngũ.xlsx".into(),
            sheet: "DS 2024".into(),
            row: 1234,
        };
        assert_eq!(o.label(Lang::Vi), "Đội ngũ.xlsx › DS 2024 › dòng 1234");
        assert_eq!(o.label(Lang::En), "Đội ngũ.xlsx › DS 2024 › row 1234");
    }
}
