//! Hiding small counts: in a commune of 20 people, "1 thạc sĩ" or "2 retiring in 2026"
//! points at a person. [`Shared::hide_small`] replaces every such count below a threshold
//! with a marker.
//!
//! What hides and what does not: the figures *of a unit* (its breakdowns, bands, standards
//! tally and forecast row) and the forecast *by title* (a title in one commune is one
//! person). What stays exact: the totals — the report's own figures, the standards by
//! category and in total, the forecast's years, the training needs — and each unit's number
//! of people, without which nothing can be read. Zero is never hidden: it points at no one.
//!
//! A limit to know: a single hidden count in a breakdown whose other counts and total are
//! exact can be worked out by subtraction. The threshold keeps small counts off the screen
//! and out of casual reading; it is not a guarantee against a determined reader.
//!
//! The type: a hidden figure is 0 in the report and its path (the `data-stat` path, prefixed
//! `units.<i>.` for a unit, `standards.by_unit.<i>.`, `retirement.by_unit.<i>.`,
//! `retirement.by_title.<i>.`) is in [`Hidden`]; [`Hidden::shown`] gives what to show.

use super::codec::{walk, Slot, Visit};
use super::{Damage, LinkError, Shared};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The smallest and largest thresholds: below 2 hides nothing, above 100 hides a unit.
pub const HIDE_MIN: u32 = 2;
pub const HIDE_MAX: u32 = 100;

/// The figures hidden in a shared report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hidden {
    /// Counts below this were hidden (0: nothing was).
    pub below: u32,
    /// The paths of the hidden figures.
    pub paths: BTreeSet<String>,
}

/// A figure as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Exact(u32),
    /// Hidden: somewhere from 1 to `below - 1`.
    Below(u32),
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Exact(n) => write!(f, "{n}"),
            Shown::Below(below) => write!(f, "<{below}"),
        }
    }
}

impl Hidden {
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Whether the figure at `path` is hidden.
    pub fn contains(&self, path: &str) -> bool {
        !self.paths.is_empty() && self.paths.contains(path)
    }

    /// Whether figure `stat` (a `data-stat` path, `gender.nu`) of unit `unit` is hidden.
    pub fn unit(&self, unit: usize, stat: &str) -> bool {
        !self.paths.is_empty() && self.contains(&format!("units.{unit}.{stat}"))
    }

    /// What to show for the figure at `path` whose value in the report is `value`.
    pub fn shown(&self, path: &str, value: u32) -> Shown {
        if self.contains(path) {
            Shown::Below(self.below)
        } else {
            Shown::Exact(value)
        }
    }

    /// The range a figure lies in: itself, or 1 to `below - 1` when hidden.
    pub(super) fn span(&self, value: u32, path: impl FnOnce() -> String) -> (u64, u64) {
        if !self.paths.is_empty() && self.paths.contains(&path()) {
            (1, u64::from(self.below.saturating_sub(1)))
        } else {
            (u64::from(value), u64::from(value))
        }
    }
}

struct Hiding<'a> {
    below: u32,
    paths: &'a mut BTreeSet<String>,
}

impl Visit for Hiding<'_> {
    fn count(&mut self, n: &mut u32, slot: Slot<'_>) -> Result<(), Damage> {
        if let Slot::Hideable(path) = slot {
            if *n > 0 && *n < self.below {
                *n = 0;
                self.paths.insert(path());
            }
        }
        Ok(())
    }
}

impl Shared {
    /// Hide every unit's (and title's) count from 1 to `below - 1`; totals stay exact.
    /// Hiding again with a higher threshold hides more; the marker then says the higher one.
    pub fn hide_small(&mut self, below: u32) -> Result<(), LinkError> {
        if !(HIDE_MIN..=HIDE_MAX).contains(&below) {
            return Err(LinkError::BadThreshold { below });
        }
        let mut paths = std::mem::take(&mut self.hidden.paths);
        let result = walk(
            self,
            &mut Hiding {
                below,
                paths: &mut paths,
            },
        );
        self.hidden.paths = paths;
        self.hidden.below = self.hidden.below.max(below);
        result.map_err(LinkError::Damaged)
    }
}
