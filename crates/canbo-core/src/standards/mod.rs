//! Roster × rule set → who meets the standard of their post (`canbo.standards/1`,
//! REPORT.md), and the training each shortfall calls for.
//!
//! The law changes by period, so the standards are data ([`rules`]): the caller picks a set
//! ([`rules::choose`]: the one in force at `as_of` unless another is named) or passes one
//! the user edited. [`assess`] judges each person; [`summarise`] counts and lists; a screen
//! that shows both calls them in turn, and [`standards`] does both for the CLI.

pub mod evaluate;
mod judging;
pub mod rules;
pub mod tally;
pub mod training;

pub use evaluate::{assess_person, Assessment, Judgement, Missing, Note, Outcome, Status};
pub use judging::Judging;
pub use rules::{
    based_on, choose, combine, copy_id, defaults, find, in_force, keep, picked_or_in_force,
    Criterion, Problem, RuleSet, RuleSetError, RuleSetFileError, SetKind,
};
pub use tally::{Criteria, CriterionCounts, Overall, Tally};
pub use training::{plan, NeedCount, Trainee, TrainingGroup};

use crate::codes::Category;
use crate::date::Date;
use crate::lang::Lang;
use crate::roster::{unit_key, Origin, Roster};
use crate::vocab::positions::Title;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const SCHEMA: &str = "canbo.standards/1";

/// What to judge against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardsOptions {
    /// The report date: it picks the rule set in force and ends the grace periods.
    pub as_of: Date,
    /// The whole roster is in a difficult area ("vùng khó khăn / dân tộc thiểu số").
    #[serde(default)]
    pub difficult_area: bool,
    /// Units in a difficult area, by [`unit_key`] (use [`StandardsOptions::flag_unit`]).
    #[serde(default)]
    pub difficult_units: BTreeSet<String>,
}

impl StandardsOptions {
    pub fn new(as_of: Date) -> StandardsOptions {
        StandardsOptions {
            as_of,
            difficult_area: false,
            difficult_units: BTreeSet::new(),
        }
    }

    /// Flag a unit, written however the roster or the user writes it.
    pub fn flag_unit(&mut self, unit: &str) {
        self.difficult_units.insert(unit_key(unit));
    }

    /// Whether a unit is flagged: the whole roster is, or the unit by its [`unit_key`].
    pub fn is_difficult(&self, unit: &str) -> bool {
        self.difficult_area
            || (!self.difficult_units.is_empty() && self.difficult_units.contains(&unit_key(unit)))
    }
}

/// The rule set a result was computed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSetRef {
    pub id: String,
    pub name: String,
    pub effective_from: Date,
    /// `false` when the set took effect after `as_of` (a set chosen by name, or a date
    /// before every set).
    pub in_force: bool,
}

/// What one person lacks (or cannot be judged on) for one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lack {
    pub criterion: Criterion,
    /// The level now, as a code (`None` when the roster gives none).
    pub have: Option<String>,
    /// The level required, as a code.
    pub need: String,
    /// "Cần đại học".
    pub label: String,
    /// For people in grace: the date the requirement binds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// For people who cannot be judged: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Missing>,
}

/// A person in one of the lists (below standard, in grace, missing data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonLine {
    pub index: usize,
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    pub category: Category,
    pub title: Option<Title>,
    pub lacks: Vec<Lack>,
    pub origin: Origin,
}

/// A unit's standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitTally {
    pub unit: String,
    pub difficult_area: bool,
    #[serde(flatten)]
    pub tally: Tally,
}

impl UnitTally {
    /// The unit as a row of the counts names it: its name (or the placeholder for no unit),
    /// and " (vùng khó khăn)" / " (difficult area)" when it is flagged.
    pub fn label(&self, lang: Lang) -> String {
        let mut out = crate::roster::display_unit(&self.unit, lang);
        if self.difficult_area {
            out.push_str(lang.pick(" (vùng khó khăn)", " (difficult area)"));
        }
        out
    }
}

/// The whole result (`canbo.standards/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standards {
    pub schema: String,
    pub as_of: Date,
    pub rule_set: RuleSetRef,
    /// Every category present in the roster, in report order.
    pub by_category: BTreeMap<Category, Tally>,
    pub by_unit: Vec<UnitTally>,
    pub total: Tally,
    /// People below standard on at least one criterion, with what they lack.
    pub people_below: Vec<PersonLine>,
    /// People short of a requirement that binds only later (2025 reform's grace).
    pub people_in_grace: Vec<PersonLine>,
    /// People who cannot be judged on some criterion, with why: the records to complete.
    pub people_unknown: Vec<PersonLine>,
    /// Group sizes of the training plan ([`training::plan`]).
    pub training_needs: Vec<NeedCount>,
    /// Facts of the rule set that are not confirmed (Vietnamese, for display).
    pub unconfirmed: Vec<String>,
    /// Things the reader must know to read the figures (Vietnamese).
    pub notes: Vec<String>,
}

/// Judge every person.
pub fn assess(roster: &Roster, rules: &RuleSet, options: &StandardsOptions) -> Vec<Assessment> {
    roster
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| assess_person(i, p, rules, options))
        .collect()
}

/// Judge and summarise in one go.
pub fn standards(roster: &Roster, rules: &RuleSet, options: &StandardsOptions) -> Standards {
    standards_in(roster, rules, options, Lang::Vi)
}

/// [`standards`] with its notes and unconfirmed facts written in `lang` (the CLI's
/// `--lang`); the figures and lists are the same.
pub fn standards_in(
    roster: &Roster,
    rules: &RuleSet,
    options: &StandardsOptions,
    lang: Lang,
) -> Standards {
    let mut judging = Judging::new(rules.clone(), options.clone());
    judging.add(&roster.people);
    let notes = (lang != Lang::Vi).then(|| judging.notes(lang));
    let mut result = judging.finish();
    if let Some(notes) = notes {
        result.notes = notes;
        result.unconfirmed = rules.unconfirmed_in(lang);
    }
    result
}

#[cfg(test)]
mod tests;
