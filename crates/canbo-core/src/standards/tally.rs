//! Counting assessments: per criterion and overall, for a category, a unit or everyone.

use super::evaluate::{Assessment, Outcome, Status};
use super::rules::Criterion;
use serde::{Deserialize, Serialize};

/// How the people a rule covers stand on one criterion. `meets + below + unknown + grace +
/// not_required` is the number of people covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionCounts {
    pub meets: u32,
    pub below: u32,
    pub unknown: u32,
    /// Below, but within the grace period of the 2025 reform.
    pub grace: u32,
    /// Covered by a rule that asks nothing on this criterion.
    pub not_required: u32,
}

impl CriterionCounts {
    fn add(&mut self, outcome: &Outcome) {
        let n = match outcome {
            Outcome::Meets => &mut self.meets,
            Outcome::Below => &mut self.below,
            Outcome::Grace { .. } => &mut self.grace,
            Outcome::Unknown { .. } => &mut self.unknown,
            Outcome::NotRequired => &mut self.not_required,
        };
        *n += 1;
    }
}

/// The three criteria, keyed as the JSON keys them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criteria {
    pub general_education: CriterionCounts,
    pub professional: CriterionCounts,
    pub political_theory: CriterionCounts,
}

impl Criteria {
    pub fn get(&self, c: Criterion) -> &CriterionCounts {
        match c {
            Criterion::GeneralEducation => &self.general_education,
            Criterion::Professional => &self.professional,
            Criterion::PoliticalTheory => &self.political_theory,
        }
    }
    fn get_mut(&mut self, c: Criterion) -> &mut CriterionCounts {
        match c {
            Criterion::GeneralEducation => &mut self.general_education,
            Criterion::Professional => &mut self.professional,
            Criterion::PoliticalTheory => &mut self.political_theory,
        }
    }
}

/// People by overall status, among those covered (`meets` equals `meets_all`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overall {
    pub meets: u32,
    pub below: u32,
    pub unknown: u32,
    pub grace: u32,
}

/// The standing of a group of people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Everyone in the group, covered or not.
    pub people: u32,
    /// People no rule of the set applies to; the counts below leave them out.
    pub not_covered: u32,
    pub criteria: Criteria,
    /// Covered people who meet every criterion.
    pub meets_all: u32,
    pub overall: Overall,
}

impl Tally {
    pub fn add(&mut self, a: &Assessment) {
        self.count(
            a.status,
            a.criteria.iter().map(|j| (j.criterion, &j.outcome)),
        );
    }

    /// Count one person of this `status` with these outcomes per criterion.
    pub(super) fn count<'o>(
        &mut self,
        status: Status,
        outcomes: impl Iterator<Item = (Criterion, &'o Outcome)>,
    ) {
        self.people += 1;
        for (criterion, outcome) in outcomes {
            self.criteria.get_mut(criterion).add(outcome);
        }
        let n = match status {
            Status::NotCovered => &mut self.not_covered,
            Status::Meets => &mut self.overall.meets,
            Status::Below => &mut self.overall.below,
            Status::Unknown => &mut self.overall.unknown,
            Status::Grace => &mut self.overall.grace,
        };
        *n += 1;
        self.meets_all = self.overall.meets;
    }

    /// People a rule covers.
    pub fn covered(&self) -> u32 {
        self.people.saturating_sub(self.not_covered)
    }
}
