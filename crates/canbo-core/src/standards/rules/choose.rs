//! Which rule set applies: the one in force at the report date, one named by the user, and
//! the user's own or edited sets over the built-in ones, and what a set is to the user.

use super::{defaults, RuleSet};
use crate::date::Date;
use crate::lang::Lang;

/// The built-in sets with the user's: a user set with the id of a built-in one takes its
/// place, the others follow in their order. (Later sets win a tie in [`in_force`], so an
/// edited copy of a set is the one chosen at its date.)
pub fn combine(built_in: Vec<RuleSet>, user: &[RuleSet]) -> Vec<RuleSet> {
    let mut out: Vec<RuleSet> = built_in
        .into_iter()
        .map(|b| user.iter().find(|u| u.id == b.id).cloned().unwrap_or(b))
        .collect();
    for u in user {
        if !out.iter().any(|s| s.id == u.id) {
            out.push(u.clone());
        }
    }
    out
}

/// Puts `set` among the user's sets: in place of one with its id, else after them. A set
/// identical to a built-in one is not kept (the built-in one is the same), and one with its
/// id goes.
pub fn keep(user: &mut Vec<RuleSet>, set: RuleSet) {
    let built_in = defaults().into_iter().any(|b| b == set);
    match user.iter().position(|u| u.id == set.id) {
        Some(i) if built_in => {
            user.remove(i);
        }
        Some(i) => {
            if let Some(slot) = user.get_mut(i) {
                *slot = set;
            }
        }
        None if built_in => {}
        None => user.push(set),
    }
}

/// What a set is to the user: built in, made from a built-in one, or their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetKind {
    BuiltIn,
    /// A user set made from a built-in one (same id, or its `-sua` copy, [`copy_id`]).
    Edited,
    /// A user set of their own (imported).
    Own,
}

impl SetKind {
    /// The kind of the set `id`, among the user's sets `user` (and the built-in ones).
    pub fn of(id: &str, user: &[RuleSet]) -> SetKind {
        if !user.iter().any(|u| u.id == id) {
            SetKind::BuiltIn
        } else if based_on(&defaults(), id).is_some() {
            SetKind::Edited
        } else {
            SetKind::Own
        }
    }

    /// What follows a set's name: nothing for a built-in set, " (đã sửa)" / " (edited)",
    /// " (tự thêm)" / " (added)".
    pub fn mark(self, lang: Lang) -> &'static str {
        match self {
            SetKind::BuiltIn => "",
            SetKind::Edited => lang.pick(" (đã sửa)", " (edited)"),
            SetKind::Own => lang.pick(" (tự thêm)", " (added)"),
        }
    }
}

/// The built-in set a user set was made from: the one with its id, or the one whose edited
/// copy it is (`<id>-sua`, `<id>-sua-2`…, see [`copy_id`]).
pub fn based_on<'a>(built_in: &'a [RuleSet], id: &str) -> Option<&'a RuleSet> {
    let base = match id.rsplit_once("-sua") {
        Some((base, rest))
            if rest.is_empty()
                || rest
                    .strip_prefix('-')
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) =>
        {
            base
        }
        _ => id,
    };
    built_in.iter().find(|b| b.id == base || b.id == id)
}

/// The id for an edited copy of a built-in set: `<id>-sua`, or `<id>-sua-2`… when taken.
pub fn copy_id(id: &str, taken: &[RuleSet]) -> String {
    let free = |c: &str| !taken.iter().any(|s| s.id == c);
    let first = format!("{id}-sua");
    if free(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{id}-sua-{n}"))
        .find(|c| free(c))
        .unwrap_or(first)
}

/// The set in force at `as_of`: the latest whose `effective_from` is on or before it.
pub fn in_force(sets: &[RuleSet], as_of: Date) -> Option<&RuleSet> {
    sets.iter()
        .filter(|s| s.effective_from <= as_of)
        .max_by_key(|s| s.effective_from)
}

/// A set by its id or its name, ignoring case, diacritics and punctuation ("nd33-2023",
/// "NĐ 33/2023/NĐ-CP").
pub fn find<'a>(sets: &'a [RuleSet], name: &str) -> Option<&'a RuleSet> {
    let key = |s: &str| -> String {
        crate::text::fold(s)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect()
    };
    let wanted = key(name);
    sets.iter()
        .find(|s| key(&s.id) == wanted || key(&s.name) == wanted)
}

/// The set to use: the one named, else the one in force at `as_of`, else (a date before
/// every set) the earliest, which [`crate::standards::standards`] then flags as not yet in force.
pub fn choose<'a>(
    sets: &'a [RuleSet],
    name: Option<&str>,
    as_of: Date,
) -> Result<&'a RuleSet, RuleSetError> {
    match name {
        Some(n) => find(sets, n).ok_or_else(|| RuleSetError::Unknown {
            name: n.to_string(),
            available: sets.iter().map(|s| s.id.clone()).collect(),
        }),
        None => in_force(sets, as_of)
            .or_else(|| sets.iter().min_by_key(|s| s.effective_from))
            .ok_or(RuleSetError::Empty),
    }
}

/// The set a user picked, by its exact id; with no pick, or a pick no set has any longer (a
/// set of the user's since removed), [`choose`]'s set for `as_of`. What the standards page,
/// the report in words and a share link all judge with.
pub fn picked_or_in_force<'a>(
    sets: &'a [RuleSet],
    picked: Option<&str>,
    as_of: Date,
) -> Option<&'a RuleSet> {
    picked
        .filter(|id| !id.is_empty())
        .and_then(|id| sets.iter().find(|set| set.id == id))
        .or_else(|| choose(sets, None, as_of).ok())
}

/// Why no rule set could be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSetError {
    Unknown {
        name: String,
        available: Vec<String>,
    },
    Empty,
}

impl std::fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleSetError::Unknown { name, available } => {
                write!(
                    f,
                    "no rule set named '{name}'; available: {}",
                    available.join(", ")
                )
            }
            RuleSetError::Empty => f.write_str("there are no rule sets to choose from"),
        }
    }
}

impl std::error::Error for RuleSetError {}
