//! The levels a requirement may ask, and the changes an editor makes to a requirement.
//!
//! A page that edits a rule set lists levels, offers the ones an exception may lower to and
//! keeps a requirement meaningful while the user changes it (an exception that no longer
//! lowers anything is dropped). Those are facts about the levels and the law's exceptions,
//! so they live here, once, beside the check a set passes before use
//! ([`RuleSet::validate`](super::RuleSet::validate)), and a page only asks.

use super::{Exception, Relief, ReliefKind, Requirement, Scope};
use crate::codes::{Code, GeneralEducation, PoliticalTheory, Professional};
use crate::lang::Lang;
use std::ops::RangeInclusive;

/// The years of grace an exception may give.
pub const GRACE_YEARS: RangeInclusive<u8> = 1..=50;

/// The years of grace a new exception gives when no lower level exists to lower to.
pub const DEFAULT_GRACE_YEARS: u8 = 5;

/// "No requirement": what an empty requirement, or one lowered to the bottom level, asks.
pub fn no_requirement(lang: Lang) -> &'static str {
    lang.pick("Không yêu cầu", "No requirement")
}

/// A level a requirement can ask: a code whose values are ranked, higher is more.
pub trait Level: Code {
    /// The rank (0 for none); `None` for a value that is no level (unreadable).
    fn rank(self) -> Option<u8>;

    /// The levels a requirement may ask: every ranked level above none, in report order
    /// (highest first).
    fn askable() -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|l| l.rank().is_some_and(|r| r > 0))
            .collect()
    }

    /// The levels below this one, in report order: what an exception may lower it to.
    fn below(self) -> Vec<Self> {
        let m = self.rank().unwrap_or(0);
        Self::ALL
            .iter()
            .copied()
            .filter(|l| l.rank().is_some_and(|r| r < m))
            .collect()
    }

    /// The highest level below this one, for a new "lower to" exception.
    fn highest_below(self) -> Option<Self> {
        self.below().into_iter().max_by_key(|l| l.rank())
    }

    /// The label of a level an exception lowers to: the bottom level asks nothing.
    fn lowered_label(self, lang: Lang) -> &'static str {
        if self.rank() == Some(0) {
            no_requirement(lang)
        } else {
            self.label(lang)
        }
    }
}

impl Level for GeneralEducation {
    fn rank(self) -> Option<u8> {
        GeneralEducation::rank(self)
    }
}

impl Level for Professional {
    fn rank(self) -> Option<u8> {
        Professional::rank(self)
    }
}

impl Level for PoliticalTheory {
    fn rank(self) -> Option<u8> {
        PoliticalTheory::rank(self)
    }
}

impl<L: Level> Requirement<L> {
    /// "At least `min`", confirmed, without exception.
    pub fn new(min: L) -> Requirement<L> {
        Requirement {
            min,
            unconfirmed: false,
            exception: None,
        }
    }

    /// Ask `min` instead (the user's own figure: confirmed). An exception lowering to a
    /// level that is no longer below it means nothing and goes.
    pub fn set_min(&mut self, min: L) {
        self.min = min;
        self.unconfirmed = false;
        if let Some(Exception {
            relief: Relief::LowerTo(lower),
            ..
        }) = &self.exception
        {
            if lower.rank() >= min.rank() {
                self.exception = None;
            }
        }
    }

    /// The relief a new exception starts with: the level just below, else some years.
    pub fn default_relief(&self) -> Relief<L> {
        self.min
            .highest_below()
            .map_or(Relief::GraceYears(DEFAULT_GRACE_YEARS), Relief::LowerTo)
    }

    /// Give the exception this scope (a new one starts with [`Self::default_relief`]), or
    /// none.
    pub fn set_scope(&mut self, scope: Option<Scope>) {
        let relief = self.default_relief();
        match (scope, &mut self.exception) {
            (None, e) => *e = None,
            (Some(scope), Some(e)) => e.scope = scope,
            (Some(scope), e) => {
                *e = Some(Exception {
                    scope,
                    relief,
                    unconfirmed: false,
                })
            }
        }
    }

    /// Make the exception's relief of this kind: the level just below, or the default
    /// years (also when no level is below). Nothing without an exception.
    pub fn set_relief_kind(&mut self, kind: ReliefKind) {
        let lower = self.min.highest_below();
        if let Some(e) = &mut self.exception {
            e.relief = match (kind, lower) {
                (ReliefKind::LowerTo, Some(l)) => Relief::LowerTo(l),
                _ => Relief::GraceYears(DEFAULT_GRACE_YEARS),
            };
        }
    }

    /// The exception lowers to `level`. Nothing without an exception.
    pub fn lower_to(&mut self, level: L) {
        if let Some(e) = &mut self.exception {
            e.relief = Relief::LowerTo(level);
        }
    }

    /// The exception gives `years` of grace, when they are within [`GRACE_YEARS`] (else
    /// nothing changes). Nothing without an exception.
    pub fn set_grace_years(&mut self, years: u8) {
        if !GRACE_YEARS.contains(&years) {
            return;
        }
        if let Some(e) = &mut self.exception {
            e.relief = Relief::GraceYears(years);
        }
    }
}

/// Ask `min` of an optional requirement: a new one, a changed one ([`Requirement::set_min`]),
/// or none.
pub fn set_min<L: Level>(requirement: &mut Option<Requirement<L>>, min: Option<L>) {
    match (min, requirement.as_mut()) {
        (None, _) => *requirement = None,
        (Some(min), Some(r)) => r.set_min(min),
        (Some(min), None) => *requirement = Some(Requirement::new(min)),
    }
}
