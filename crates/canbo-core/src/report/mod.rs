//! Roster × options → the report (`canbo.report/1`, REPORT.md). One function computes it for
//! the page, the CLI and every export, so the three never disagree.

mod age;
mod coded;
mod counts;
mod dimension;
mod stats;

pub use age::{AgeBands, Band, BandsError};
pub use coded::{narrow_choices, Coded, Coding, ColumnCoding, FieldColumn, FieldColumns};
pub use counts::Counts;
pub use dimension::{crosstab, matching, matching_rows, CrossTab, Dimension, Filter};
pub use stats::{
    compare, stat_filter, stat_label, stats, unit_stat_filter, unknowns, Change, Stat,
};

use crate::codes::*;
use crate::date::Date;
use crate::field::Field;
use crate::roster::Source;
use crate::roster::{Roster, Warning};
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "canbo.report/1";

/// What to report on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportOptions {
    /// The report date: ages are completed years on this day. The core has no clock, so
    /// callers pass today's date themselves.
    pub as_of: Date,
    #[serde(default)]
    pub bands: AgeBands,
    /// Only the people this filter keeps are counted.
    #[serde(default)]
    pub filter: Filter,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            as_of: Date::from_days(0),
            bands: AgeBands::official(),
            filter: Filter::default(),
        }
    }
}

/// The ages of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ages {
    pub bands: Vec<Band>,
    /// People with no readable birth date.
    pub unknown: u32,
}

/// The figures of a group of people: the whole roster or one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub people: u32,
    pub category: Counts<Category>,
    pub gender: Option<Counts<Gender>>,
    pub party_member: Option<u32>,
    pub ethnic_minority: Option<u32>,
    /// People whose religion is stated and is not "Không" (an extension for the official form).
    pub religious: Option<u32>,
    pub general_education: Option<Counts<GeneralEducation>>,
    pub professional: Option<Counts<Professional>>,
    pub political_theory: Option<Counts<PoliticalTheory>>,
    pub state_management: Option<Counts<StateManagement>>,
    pub evaluation: Option<Counts<Evaluation>>,
    pub age: Ages,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitFigures {
    pub unit: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub as_of: Date,
    #[serde(flatten)]
    pub figures: Figures,
    pub units: Vec<UnitFigures>,
    pub sources: Vec<Source>,
    /// The roster's warnings, whatever the filter: shared, not copied, by the reports of
    /// one roster (a filter change makes a new report; a province's roster may carry
    /// thousands of warnings).
    pub warnings: std::sync::Arc<[Warning]>,
}

/// A report kept under a name ("6 tháng đầu năm 2019") to compare with later ones: the
/// page keeps a list of them, and a roster package (`share::package`) carries them along.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub name: String,
    /// When it was saved, `YYYY-MM-DD`.
    pub saved_on: String,
    pub report: Report,
}

impl std::ops::Deref for UnitFigures {
    type Target = Figures;
    fn deref(&self) -> &Figures {
        &self.figures
    }
}

impl Report {
    /// This report's figures of the whole roster alone, without the units' figures, the
    /// sources or the warnings: what the headline figures are drawn from, and what the
    /// import worker sends the page ahead of the roster (a province's report is mostly its
    /// units: at 100,000 people 3.9 MB of JSON, which the page's wasm took some 170 ms to
    /// read; this is some 2 KB).
    pub fn headline(&self) -> Report {
        Report::whole_only(self.schema.clone(), self.as_of, self.figures.clone())
    }

    /// A report of the whole roster's `figures` alone: no unit, source or warning.
    fn whole_only(schema: String, as_of: Date, figures: Figures) -> Report {
        Report {
            schema,
            as_of,
            figures,
            units: Vec::new(),
            sources: Vec::new(),
            warnings: Vec::new().into(),
        }
    }
}

impl std::ops::Deref for Report {
    type Target = Figures;
    fn deref(&self) -> &Figures {
        &self.figures
    }
}

/// Which breakdowns exist: a column no sheet had makes its breakdown `null`.
#[derive(Debug, Clone, Copy)]
struct Present {
    gender: bool,
    party: bool,
    ethnicity: bool,
    religion: bool,
    general_education: bool,
    professional: bool,
    political_theory: bool,
    state_management: bool,
    evaluation: bool,
}

impl Present {
    fn of(roster: &Roster) -> Present {
        Present {
            gender: roster.has(Field::Gender),
            party: roster.has(Field::Party),
            ethnicity: roster.has(Field::Ethnicity),
            religion: roster.has(Field::Religion),
            general_education: roster.has(Field::GeneralEducation),
            professional: roster.has(Field::Professional),
            political_theory: roster.has(Field::PoliticalTheory),
            state_management: roster.has(Field::StateManagement),
            evaluation: roster.has(Field::Evaluation),
        }
    }
}

/// The figures of an empty group under one date and set of bands, and the age band of each
/// person: a report counts into copies of `figures` ([`Figures::add`]).
struct Tally<'a> {
    figures: Figures,
    bands: &'a AgeBands,
    as_of: Date,
}

impl<'a> Tally<'a> {
    fn new(present: Present, bands: &'a AgeBands, as_of: Date) -> Tally<'a> {
        fn some_if<T: Default>(yes: bool) -> Option<T> {
            yes.then(T::default)
        }
        Tally {
            figures: Figures {
                people: 0,
                category: Counts::default(),
                gender: some_if(present.gender),
                party_member: some_if(present.party),
                ethnic_minority: some_if(present.ethnicity),
                religious: some_if(present.religion),
                general_education: some_if(present.general_education),
                professional: some_if(present.professional),
                political_theory: some_if(present.political_theory),
                state_management: some_if(present.state_management),
                evaluation: some_if(present.evaluation),
                age: Ages {
                    bands: bands.bands(),
                    unknown: 0,
                },
            },
            bands,
            as_of,
        }
    }

    /// Counts one more person (the person-by-person reference in the tests).
    #[cfg(test)]
    fn add(&mut self, p: &coded::Facts) {
        let band = self.band(p);
        self.figures.add(p, band);
    }

    /// The person's age band (an index into the bands), `None` without a birth date:
    /// found once per person, though counted in the whole and in a unit.
    fn band(&self, p: &coded::Facts) -> Option<usize> {
        p.birth.map(|b| self.bands.index(b.age_at(self.as_of)))
    }
}

impl Figures {
    /// Counts one more person, `band` their age band ([`Tally::band`]).
    fn add(&mut self, p: &coded::Facts, band: Option<usize>) {
        fn level<T: Code>(counts: &mut Option<Counts<T>>, value: Option<T>) {
            if let Some(c) = counts {
                // A person from a sheet without the column is unknown in a merged roster.
                c.add(value.unwrap_or(T::UNKNOWN));
            }
        }
        fn yes(count: &mut Option<u32>, value: Option<bool>) {
            if let (Some(n), Some(true)) = (count, value) {
                *n += 1;
            }
        }
        self.people += 1;
        self.category.add(p.category);
        level(&mut self.gender, p.gender);
        yes(&mut self.party_member, p.party_member);
        yes(&mut self.ethnic_minority, p.ethnic_minority);
        yes(&mut self.religious, p.religious);
        level(&mut self.general_education, p.general_education);
        level(&mut self.professional, p.professional);
        level(&mut self.political_theory, p.political_theory);
        level(&mut self.state_management, p.state_management);
        level(&mut self.evaluation, p.evaluation);
        match band {
            Some(i) => self.age.bands[i].count += 1,
            None => self.age.unknown += 1,
        }
    }
}

/// A stated religion: not blank and not "Không" (none).
fn is_religious(religion: &str) -> bool {
    let folded = crate::text::fold(religion);
    !folded.is_empty() && !matches!(folded.as_str(), "khong" | "0" | "khong co" | "-")
}

/// Compute the report.
pub fn report(roster: &Roster, options: &ReportOptions) -> Report {
    Coded::new(roster).report(options)
}

/// The headline figures alone ([`Report::headline`]) of `roster` under `options`: what the
/// import worker sends the page ahead of the roster. Without a filter, one pass over what
/// each person counts, no dimension's values coded (the report's coding hashes some ten
/// texts per person, for the filters and the units it does not need here); with one, the
/// report's own.
pub fn headline(roster: &Roster, options: &ReportOptions) -> Report {
    if !options.filter.conditions.is_empty() {
        return report(roster, options).headline();
    }
    let tally = Tally::new(Present::of(roster), &options.bands, options.as_of);
    let mut figures = tally.figures.clone();
    let (mut minority, mut religious) = Default::default();
    for p in &roster.people {
        let facts = coded::Facts::of(p, &mut minority, &mut religious);
        figures.add(&facts, tally.band(&facts));
    }
    Report::whole_only(SCHEMA.into(), options.as_of, figures)
}

#[cfg(test)]
mod coded_tests;
#[cfg(test)]
mod tests;
