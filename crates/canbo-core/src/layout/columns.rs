//! Header path → field, with the values deciding where the header alone cannot.

use super::header::Block;
use super::{Column, Reason};
use crate::field::Field;
use crate::read::{Cell, Sheet};
use crate::text::fold;
use crate::vocab::{self, headers};

/// How many values a column shows when its content must decide.
const SAMPLE: usize = 200;

pub(super) fn map(sheet: &Sheet, block: &Block) -> Vec<Column> {
    let first_data = block.rows.last().map_or(0, |r| r + 1);
    block
        .paths
        .iter()
        .enumerate()
        .filter(|(_, path)| !path.is_empty())
        .map(|(col, path)| {
            let (field, reason) = match candidates(path).as_slice() {
                [] => (None, Reason::Header),
                [one] => (Some(*one), Reason::Header),
                many => (
                    best_by_content(sheet, col, first_data, many),
                    Reason::Content,
                ),
            };
            Column {
                col,
                header: path.join(" › "),
                field,
                reason,
            }
        })
        .collect()
}

/// Fields the header path can mean. The leaf is tried alone first, then with its group
/// headers, so "Chuyên môn nghiệp vụ › Chuyên ngành" is the field of study while
/// "Chuyên môn nghiệp vụ › Trình độ" is the professional level. "Nam"/"Nữ" under a birth
/// date or a gender header split that field by gender.
fn candidates(path: &[String]) -> Vec<Field> {
    let folded: Vec<String> = path.iter().map(|p| fold(p)).collect();
    let Some(leaf) = folded.last() else {
        return Vec::new();
    };
    if let Some(gender) = headers::gender_split(leaf) {
        let parent = folded[..folded.len() - 1]
            .iter()
            .rev()
            .find_map(|p| headers::HEADERS.best(p).map(|h| h.value));
        let split = match (parent, gender) {
            (Some(Field::Birth), crate::codes::Gender::Nam) => Some(Field::BirthMale),
            (Some(Field::Birth), _) => Some(Field::BirthFemale),
            (Some(Field::Gender), crate::codes::Gender::Nam) => Some(Field::GenderMaleMark),
            (Some(Field::Gender), _) => Some(Field::GenderFemaleMark),
            _ => None,
        };
        return split.into_iter().collect();
    }
    for take in 1..=folded.len() {
        let joined = folded[folded.len() - take..].join(" ");
        let found = headers::HEADERS.best_all(&joined);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The candidate whose parser recognises the most of the column's values.
fn best_by_content(sheet: &Sheet, col: usize, first: usize, fields: &[Field]) -> Option<Field> {
    let values: Vec<String> = (first..sheet.rows.len())
        .filter_map(|r| match sheet.cell(r, col) {
            Cell::Text(t) if !t.trim().is_empty() => Some(t.clone()),
            _ => None,
        })
        .take(SAMPLE)
        .collect();
    fields
        .iter()
        .copied()
        .map(|f| (f, values.iter().filter(|v| recognises(f, v)).count()))
        .fold(None, |best: Option<(Field, usize)>, (f, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((f, n)),
        })
        .map(|(f, _)| f)
}

fn recognises(field: Field, value: &str) -> bool {
    match field {
        Field::Category => vocab::category(value).is_some(),
        Field::Evaluation => vocab::evaluation(value).is_some(),
        Field::Professional => vocab::professional(value).is_some(),
        Field::PoliticalTheory => vocab::political_theory(value).is_some(),
        Field::GeneralEducation => vocab::general_education(value).is_some(),
        Field::StateManagement => vocab::state_management(value).is_some(),
        Field::Gender => vocab::gender(value).is_some(),
        Field::Position => vocab::positions::classify(value).is_some(),
        Field::Birth | Field::Hired => crate::date::PartialDate::parse(value).is_some(),
        _ => false,
    }
}
