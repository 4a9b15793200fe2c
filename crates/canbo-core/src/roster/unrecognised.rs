//! The values the importer could not read, gathered for the user to teach once, and the
//! taught spellings applied to a roster already read.

use super::{Roster, Warning, WarningKind};
use crate::codes::*;
use crate::field::Field;
use crate::text::fold;
use crate::vocab::spellings::Spellings;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Places listed per value; the rest are counted.
const PLACES: usize = 5;

/// One distinct value no rule read, in one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unrecognised {
    /// `position` for a title that named no post.
    pub field: Field,
    /// The text as written (its first spelling).
    pub text: String,
    /// How many people have it.
    pub people: u32,
    /// The first few cells holding it: "file › sheet › H17".
    pub places: Vec<String>,
}

/// The field and text of a warning about a value no rule read.
fn unread(w: &Warning) -> Option<(Field, &str)> {
    match &w.kind {
        WarningKind::Unrecognised { field, value } => Some((*field, value)),
        WarningKind::UnknownPosition { value } => Some((Field::Position, value)),
        _ => None,
    }
}

/// The one-based row of a cell reference ("H17" → 17).
fn row_of(cell: &str) -> Option<u32> {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

impl Roster {
    /// Every distinct value no rule read, most frequent first (then in field order): what
    /// the import review asks the user to teach.
    pub fn unrecognised(&self) -> Vec<Unrecognised> {
        let mut out: Vec<Unrecognised> = Vec::new();
        let mut index: HashMap<(Field, String), usize> = HashMap::new();
        for w in &self.warnings {
            let Some((field, text)) = unread(w) else {
                continue;
            };
            let i = *index.entry((field, fold(text))).or_insert_with(|| {
                out.push(Unrecognised {
                    field,
                    text: text.to_string(),
                    people: 0,
                    places: Vec::new(),
                });
                out.len() - 1
            });
            let u = &mut out[i];
            u.people += 1;
            if u.places.len() < PLACES {
                u.places
                    .push(format!("{} › {} › {}", w.file, w.sheet, w.cell));
            }
        }
        out.sort_by(|a, b| b.people.cmp(&a.people).then(a.field.cmp(&b.field)));
        out
    }

    /// Applies taught spellings to the people whose values were not read, without reading
    /// the files again, and drops the warnings they answer. Returns how many values changed.
    pub fn apply_spellings(&mut self, spellings: &Spellings) -> usize {
        if spellings.is_empty() {
            return 0;
        }
        let at: HashMap<(&str, &str, u32), usize> = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    (
                        p.origin.file.as_str(),
                        p.origin.sheet.as_str(),
                        p.origin.row,
                    ),
                    i,
                )
            })
            .collect();
        let mut answered = std::collections::HashSet::new();
        let mut changes: Vec<(usize, Field, String)> = Vec::new();
        for (wi, w) in self.warnings.iter().enumerate() {
            let Some((field, text)) = unread(w) else {
                continue;
            };
            let Some(code) = spellings.code(field, text) else {
                continue;
            };
            let person =
                row_of(&w.cell).and_then(|row| at.get(&(w.file.as_str(), w.sheet.as_str(), row)));
            if let Some(&pi) = person {
                changes.push((pi, field, code.to_string()));
                answered.insert(wi);
            }
        }
        let mut changed = 0;
        for (pi, field, code) in changes {
            if set(&mut self.people[pi], field, &code) {
                changed += 1;
            }
        }
        let mut i = 0;
        self.warnings.retain(|_| {
            let keep = !answered.contains(&i);
            i += 1;
            keep
        });
        changed
    }
}

/// Sets one classified field of a person to `code`; false when the code is not the field's.
fn set(p: &mut super::Person, field: Field, code: &str) -> bool {
    fn put<T: Code>(slot: &mut Option<T>, code: &str) -> bool {
        T::from_code(code).map(|v| *slot = Some(v)).is_some()
    }
    match field {
        Field::Position => match crate::vocab::positions::Title::from_code(code) {
            Some(t) => {
                p.title = Some(t);
                p.category = t.category();
                true
            }
            None => false,
        },
        Field::Category => match Category::from_code(code) {
            Some(c) => {
                p.category = c;
                true
            }
            None => false,
        },
        Field::Gender => put(&mut p.gender, code),
        Field::GeneralEducation => put(&mut p.general_education, code),
        Field::Professional => put(&mut p.professional, code),
        Field::PoliticalTheory => put(&mut p.political_theory, code),
        Field::StateManagement => put(&mut p.state_management, code),
        Field::Evaluation => put(&mut p.evaluation, code),
        _ => false,
    }
}
