//! Header path → field, with the values deciding where the header alone cannot.
//!
//! Three ways a column comes to hold a field, tried in this order:
//! 1. **A mark column.** Its leaf header is a value of its group header's field ("Trình độ
//!    chuyên môn › ĐH", "Lý luận chính trị › Trung cấp", "Đánh giá › HTTNV"): an "x" under
//!    it gives the person that value.
//! 2. **Its header.** The header path names one field; where it names several ("Phân loại":
//!    a category or an evaluation; "ĐV": đảng viên or đơn vị; a lone "Nữ": the women's birth
//!    dates or a mark per woman), the column's values decide.
//! 3. **Its values.** A column whose header is unknown, blank or only a number is read by
//!    what it holds, when nearly all of its values are of one kind and no other column already
//!    holds that field: grades such as "12/12" are general education, "ĐH", "TC Kế toán" the
//!    professional level, "Cao cấp", "Trung cấp" beside a professional column political
//!    theory, "HTTNV" evaluations, titles the position, ethnic groups the ethnicity, dates in
//!    the range of birth years the birth date. The import review says so (`Reason::Content`).

use super::header::Block;
use super::{Column, Reason};
use crate::codes::{PoliticalTheory, Professional};
use crate::date::PartialDate;
use crate::field::Field;
use crate::read::{Cell, Sheet};
use crate::text::fold;
use crate::vocab::{self, headers};

/// How many values a column shows when its content must decide.
const SAMPLE: usize = 200;
/// The share of a column's values that must be of one kind for the values alone to name it.
const CONTENT_SHARE: f64 = 0.8;
/// The fewest values a column must hold for its values alone to name it.
const CONTENT_MIN: usize = 3;

pub(super) fn map(sheet: &Sheet, block: &Block) -> Vec<Column> {
    let first_data = block.rows.last().map_or(0, |r| r + 1);
    let width = sheet
        .rows
        .iter()
        .skip(first_data)
        .take(SAMPLE)
        .map(Vec::len)
        .chain([block.paths.len()])
        .max()
        .unwrap_or(0);
    let mut columns: Vec<Column> = (0..width)
        .filter_map(|col| {
            let path: Vec<String> = block
                .paths
                .get(col)
                .into_iter()
                .flatten()
                .filter(|label| !is_number_label(label))
                .cloned()
                .collect();
            let values = Values::of(sheet, col, first_data);
            if path.is_empty() && values.is_empty() {
                return None;
            }
            let header = block
                .paths
                .get(col)
                .map_or(String::new(), |p| p.join(" › "));
            if let Some((field, mark)) = mark_column(&path) {
                return Some(Column {
                    col,
                    header,
                    field: Some(field),
                    reason: Reason::Header,
                    mark: Some(mark),
                });
            }
            let (field, reason) = match candidates(&path).as_slice() {
                [] => (None, Reason::Header),
                [one] => (Some(*one), Reason::Header),
                many => (Some(values.best_of(many)), Reason::Content),
            };
            Some(Column {
                col,
                header,
                field,
                reason,
                mark: None,
            })
        })
        .collect();
    by_content(sheet, first_data, &mut columns);
    columns
}

/// "1", "(5)", "12": a column number, not a name.
fn is_number_label(label: &str) -> bool {
    let t = label.trim().trim_start_matches('(').trim_end_matches(')');
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// A leaf header that is one value of its group's field: (the field, the value as written).
fn mark_column(path: &[String]) -> Option<(Field, String)> {
    let (leaf, groups) = path.split_last()?;
    let group = groups
        .iter()
        .rev()
        .find_map(|g| headers::HEADERS.best(&fold(g)).map(|h| h.value))?;
    let parses = match group {
        Field::GeneralEducation => vocab::general_education(leaf).is_some(),
        Field::Professional => vocab::professional(leaf).is_some(),
        Field::PoliticalTheory => vocab::political_theory(leaf).is_some(),
        Field::StateManagement => vocab::state_management(leaf).is_some(),
        Field::Evaluation => vocab::evaluation(leaf).is_some(),
        Field::Category => vocab::category(leaf).is_some(),
        _ => false,
    };
    // A leaf that is a field of its own ("Chuyên môn › Chuyên ngành") is that field.
    let own_field = headers::HEADERS
        .best(&fold(leaf))
        .is_some_and(|h| h.value != group && h.written_out);
    (parses && !own_field).then(|| (group, leaf.clone()))
}

/// Fields the header path can mean. The leaf is tried alone first, then with its group
/// headers, so "Chuyên môn nghiệp vụ › Chuyên ngành" is the field of study while
/// "Chuyên môn nghiệp vụ › Trình độ" is the professional level. "Nam"/"Nữ" under a birth
/// date or a gender header split that field by gender; alone, the column's values say
/// whether it holds birth dates or marks.
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
        let nam = gender == crate::codes::Gender::Nam;
        return match (parent, nam) {
            (Some(Field::Birth), true) => vec![Field::BirthMale],
            (Some(Field::Birth), false) => vec![Field::BirthFemale],
            (Some(Field::Gender), true) => vec![Field::GenderMaleMark],
            (Some(Field::Gender), false) => vec![Field::GenderFemaleMark],
            (None, true) => vec![Field::GenderMaleMark, Field::BirthMale],
            (None, false) => vec![Field::GenderFemaleMark, Field::BirthFemale],
            _ => Vec::new(),
        };
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

/// The non-blank values of a column below the header, as far as [`SAMPLE`].
struct Values<'a>(Vec<&'a Cell>);

impl<'a> Values<'a> {
    fn of(sheet: &'a Sheet, col: usize, first: usize) -> Values<'a> {
        Values(
            (first..sheet.rows.len())
                .map(|r| sheet.cell(r, col))
                .filter(|c| !c.is_empty())
                .take(SAMPLE)
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many values `field` reads.
    fn count(&self, field: Field) -> usize {
        self.0.iter().filter(|c| recognises(field, c)).count()
    }

    /// The candidate that reads the most values; the header's first choice on a tie.
    fn best_of(&self, fields: &[Field]) -> Field {
        let mut best = (fields[0], self.count(fields[0]));
        for &f in &fields[1..] {
            let n = self.count(f);
            if n > best.1 {
                best = (f, n);
            }
        }
        best.0
    }

    /// The one field nearly all values belong to, if any.
    fn field(&self, present: &[Field]) -> Option<Field> {
        if self.0.len() < CONTENT_MIN {
            return None;
        }
        let enough = |n: usize| n as f64 >= CONTENT_SHARE * self.0.len() as f64;
        let absent = |f: &Field| !present.contains(f);
        // Levels first: they are the most specific. Trung cấp and sơ cấp are levels of both
        // training and political theory: "cao cấp" or a degree decides, else the column
        // beside an existing professional one is political theory.
        let levels = [
            Field::GeneralEducation,
            Field::Professional,
            Field::PoliticalTheory,
            Field::StateManagement,
            Field::Evaluation,
        ];
        let mut found: Vec<Field> = levels
            .into_iter()
            .filter(|f| absent(f) && enough(self.count(*f)))
            .collect();
        if found.contains(&Field::Professional) && found.contains(&Field::PoliticalTheory) {
            let degree = self.0.iter().any(|c| {
                matches!(
                    vocab::professional(&c.display()),
                    Some(Professional::DaiHoc | Professional::CaoDang)
                        | Some(Professional::ThacSi | Professional::TienSi)
                )
            });
            let advanced = self.0.iter().any(|c| {
                vocab::political_theory(&c.display()) == Some(PoliticalTheory::CaoCap)
                    && vocab::professional(&c.display()).is_none()
            });
            let theory = advanced || (!degree && present.contains(&Field::Professional));
            found.retain(|f| {
                *f != if theory {
                    Field::Professional
                } else {
                    Field::PoliticalTheory
                }
            });
        }
        if let [one] = found.as_slice() {
            return Some(*one);
        }
        if !found.is_empty() {
            return None;
        }
        let others = [Field::Position, Field::Ethnicity, Field::Gender];
        if let Some(f) = others
            .into_iter()
            .find(|f| absent(f) && enough(self.count(*f)))
        {
            return Some(f);
        }
        let births = [Field::Birth, Field::BirthMale, Field::BirthFemale];
        (births.iter().all(absent) && enough(self.count(Field::Birth)) && self.birth_years())
            .then_some(Field::Birth)
    }

    /// Dates whose middle year is that of people of working age (born 1940–2010), so a
    /// column of hiring or party dates, later on the whole, is not taken for births.
    fn birth_years(&self) -> bool {
        let mut years: Vec<i32> = self
            .0
            .iter()
            .filter_map(|c| date_of(c).map(|d| d.year()))
            .collect();
        years.sort_unstable();
        years
            .get(years.len() / 2)
            .is_some_and(|y| (1940..=1990).contains(y))
    }
}

fn date_of(cell: &Cell) -> Option<PartialDate> {
    match cell {
        Cell::Date(d) => Some(PartialDate::Full(*d)),
        Cell::Number(n) => PartialDate::from_number(*n, false),
        Cell::Text(t) => PartialDate::parse(t),
        _ => None,
    }
}

/// Whether a value reads as `field`.
fn recognises(field: Field, cell: &Cell) -> bool {
    let text = cell.display();
    let value = text.as_str();
    let is_mark = || value.chars().count() <= 3 && date_of(cell).is_none() && vocab::mark(value);
    match field {
        Field::Category => vocab::category(value).is_some(),
        Field::Evaluation => vocab::evaluation(value).is_some(),
        Field::Professional => vocab::professional(value).is_some(),
        Field::PoliticalTheory => vocab::political_theory(value).is_some(),
        Field::GeneralEducation => vocab::general_education(value).is_some(),
        Field::StateManagement => vocab::state_management(value).is_some(),
        Field::Gender => vocab::gender(value).is_some(),
        Field::Position => vocab::positions::classify(value).is_some(),
        Field::Ethnicity => vocab::ethnicity::known(value).is_some(),
        Field::Birth | Field::BirthMale | Field::BirthFemale | Field::Hired => {
            date_of(cell).is_some()
        }
        Field::GenderMaleMark | Field::GenderFemaleMark => {
            is_mark() || vocab::gender(value).is_some()
        }
        Field::Party => is_mark() || date_of(cell).is_some(),
        Field::Unit => vocab::units::names_unit(value),
        _ => false,
    }
}

/// Columns the header left unnamed, named by their values.
fn by_content(sheet: &Sheet, first: usize, columns: &mut [Column]) {
    for i in 0..columns.len() {
        if columns[i].field.is_some() {
            continue;
        }
        let present: Vec<Field> = columns.iter().filter_map(|c| c.field).collect();
        let values = Values::of(sheet, columns[i].col, first);
        if let Some(field) = values.field(&present) {
            columns[i].field = Some(field);
            columns[i].reason = Reason::Content;
        }
    }
}
