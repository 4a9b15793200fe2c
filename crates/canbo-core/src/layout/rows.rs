//! What each row below the header is: a person, a unit's group row, a total, the row of
//! column numbers, the footer, or blank.

use super::Layout;
use crate::codes::{Category, Code};
use crate::field::Field;
use crate::read::{Cell, Sheet};
use crate::text::{fold, unit_case};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowRole {
    Person,
    /// Names the unit of the rows below it ("I. Xã Na Son", "THỊ TRẤN …").
    UnitGroup {
        unit: String,
    },
    /// Names the category of the rows below it ("A. CÁN BỘ").
    CategoryGroup {
        category: Category,
    },
    /// "Cộng", "Tổng cộng".
    Total,
    /// `1 2 3 …` or `(1) (2) (3) …` under the header.
    ColumnNumbers,
    /// "Người lập biểu", signatures, the date line, and everything after them.
    Footer,
    Blank,
    /// A row with content but no name.
    NoName,
}

impl RowRole {
    /// Why a row is not a person, in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.message_en(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            RowRole::Person => "một người".into(),
            RowRole::UnitGroup { unit } => format!("dòng nhóm đơn vị «{unit}»"),
            RowRole::CategoryGroup { category } => format!("dòng nhóm «{}»", category.label_vi()),
            RowRole::Total => "dòng cộng / tổng cộng".into(),
            RowRole::ColumnNumbers => "dòng đánh số cột".into(),
            RowRole::Footer => "phần ký tên cuối bảng".into(),
            RowRole::Blank => "dòng trống".into(),
            RowRole::NoName => "không có họ tên".into(),
        }
    }
    pub fn message_en(&self) -> String {
        match self {
            RowRole::Person => "a person".into(),
            RowRole::UnitGroup { unit } => format!("unit group row '{unit}'"),
            RowRole::CategoryGroup { category } => format!("group row '{}'", category.label_en()),
            RowRole::Total => "total row".into(),
            RowRole::ColumnNumbers => "column numbers".into(),
            RowRole::Footer => "footer (signatures)".into(),
            RowRole::Blank => "blank row".into(),
            RowRole::NoName => "no name".into(),
        }
    }
}

/// Words that open a footer (folded).
const FOOTER: &[&str] = &[
    "nguoi lap bieu",
    "nguoi lap",
    "lap bieu",
    "truong phong",
    "kt truong phong",
    "pho truong phong",
    "thu truong",
    "thu truong don vi",
    "giam doc",
    "xac nhan",
    "noi nhan",
    "tm uy ban nhan dan",
    "tm ubnd",
    "ghi chu",
];

pub(super) fn classify(sheet: &Sheet, layout: &Layout, first: usize) -> Vec<(usize, RowRole)> {
    let name_cols: Vec<usize> = layout.columns_of(Field::Name).collect();
    let seq_col = layout.columns_of(Field::Seq).next();
    // Columns whose content says "this row carries a person's data".
    let data_cols: Vec<usize> = layout
        .columns
        .iter()
        .filter(|c| {
            c.field
                .is_some_and(|f| !matches!(f, Field::Name | Field::Seq | Field::Ignored))
        })
        .map(|c| c.col)
        .collect();
    let birth_cols: Vec<usize> = [Field::Birth, Field::BirthMale, Field::BirthFemale]
        .into_iter()
        .flat_map(|f| layout.columns_of(f))
        .collect();
    // Columns a footer may write in: not ones that hold a person's fields.
    let free_cols = |col: usize| !data_cols.contains(&col);

    let mut out = Vec::with_capacity(sheet.rows.len().saturating_sub(first));
    let mut in_footer = false;
    for r in first..sheet.rows.len() {
        let row = &sheet.rows[r];
        let role = if row.iter().all(Cell::is_empty) {
            RowRole::Blank
        } else if in_footer {
            RowRole::Footer
        } else if !has_birth(sheet, r, &birth_cols) && is_footer(row, &free_cols) {
            in_footer = true;
            RowRole::Footer
        } else if is_column_numbers(row) {
            RowRole::ColumnNumbers
        } else {
            person_or_group(sheet, r, &name_cols, seq_col, &data_cols, &birth_cols)
        };
        out.push((r, role));
    }
    out
}

/// Whether the row holds a plausible birth date: a person's row, not a footer or a total.
fn has_birth(sheet: &Sheet, r: usize, birth_cols: &[usize]) -> bool {
    birth_cols.iter().any(|&c| match sheet.cell(r, c) {
        Cell::Date(_) => true,
        Cell::Number(n) => crate::date::PartialDate::from_number(*n, false).is_some(),
        Cell::Text(t) => crate::date::PartialDate::parse(t).is_some(),
        _ => false,
    })
}

fn is_footer(row: &[Cell], free_col: &dyn Fn(usize) -> bool) -> bool {
    row.iter().enumerate().any(|(c, cell)| {
        let Cell::Text(text) = cell else { return false };
        if !free_col(c) {
            return false;
        }
        let folded = fold(text);
        FOOTER.iter().any(|f| starts_with_words(&folded, f)) || is_date_line(&folded)
    })
}

/// `folded` begins with the whole words of `prefix`.
fn starts_with_words(folded: &str, prefix: &str) -> bool {
    folded
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// "Mẫu Sơn, ngày 31 tháng 12 năm 2024".
fn is_date_line(folded: &str) -> bool {
    let words: Vec<&str> = folded.split(' ').collect();
    words.windows(6).any(|w| {
        w[0] == "ngay"
            && w[2] == "thang"
            && w[4] == "nam"
            && [w[1], w[3], w[5]]
                .iter()
                .all(|x| x.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Three or more cells, every one a small whole number or "(n)", increasing.
fn is_column_numbers(row: &[Cell]) -> bool {
    let mut numbers = Vec::new();
    for cell in row.iter().filter(|c| !c.is_empty()) {
        let n = match cell {
            Cell::Number(n) if n.fract() == 0.0 => *n as i64,
            Cell::Text(t) => match t
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .parse()
            {
                Ok(n) => n,
                Err(_) => return false,
            },
            _ => return false,
        };
        numbers.push(n);
    }
    numbers.len() >= 3 && numbers.windows(2).all(|w| w[1] > w[0]) && numbers[0] <= 2
}

fn person_or_group(
    sheet: &Sheet,
    r: usize,
    name_cols: &[usize],
    seq_col: Option<usize>,
    data_cols: &[usize],
    birth_cols: &[usize],
) -> RowRole {
    let name = crate::read::joined(name_cols.iter().map(|&c| sheet.cell(r, c)), |t| {
        t.trim().is_empty()
    });
    let seq = seq_col
        .map(|c| sheet.cell(r, c).display())
        .unwrap_or_default();
    let label = if name.trim().is_empty() {
        sheet.rows[r]
            .iter()
            .find_map(|c| c.as_text().filter(|t| !t.trim().is_empty()))
            .unwrap_or_default()
    } else {
        name.as_str()
    };

    match total_label(label).or(total_label(&seq)) {
        Some(Total::Certain) => return RowRole::Total,
        Some(Total::Likely) if !has_birth(sheet, r, birth_cols) => return RowRole::Total,
        _ => {}
    }
    let has_data = data_cols.iter().any(|&c| !sheet.cell(r, c).is_empty());
    let seq_is_number = seq.trim().parse::<u32>().is_ok();
    if !has_data && !label.is_empty() {
        // Some rosters number their unit rows like people: then only a unit's name tells.
        let found = group(label, &seq).filter(|g| {
            !seq_is_number
                || matches!(g, RowRole::UnitGroup { unit } if crate::vocab::units::names_unit(unit))
        });
        if let Some(group) = found {
            return group;
        }
    }
    if name.chars().any(char::is_alphabetic) {
        RowRole::Person
    } else {
        RowRole::NoName
    }
}

enum Total {
    Certain,
    /// Starts like a total, but "Tổng" and "Cộng" are also family names: a birth date
    /// in the row makes it a person.
    Likely,
}

fn total_label(text: &str) -> Option<Total> {
    // Every total begins with "cộng" or "tổng", whatever its case: the other labels (most
    // are names, one a row) are told by their first letter, without lowering them whole.
    if !text.starts_with(['c', 'C', 't', 'T']) {
        return None;
    }
    let lower = text.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', ' ']);
    let first = lower.split([' ', ':']).next().unwrap_or("");
    if matches!(
        bare,
        "cộng" | "tổng" | "tổng cộng" | "tổng số" | "cộng chung"
    ) || ["tổng cộng", "tổng số", "cộng:", "tổng:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        Some(Total::Certain)
    } else if matches!(first, "cộng" | "tổng") {
        Some(Total::Likely)
    } else {
        None
    }
}

/// A row with a label and no data: a unit or a category heading, or nothing we know.
fn group(label: &str, seq: &str) -> Option<RowRole> {
    let text = strip_numbering(label);
    let folded = fold(&text);
    if crate::vocab::units::names_unit(&text) {
        return Some(RowRole::UnitGroup {
            unit: unit_case(&text),
        });
    }
    if let Some(category) = crate::vocab::category(&text).filter(|c| *c != Category::Unknown) {
        if folded.split(' ').count() <= 6 {
            return Some(RowRole::CategoryGroup { category });
        }
    }
    let shouting = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    let numbered = label != text || is_roman(seq.trim()) || is_letter(seq.trim());
    (shouting || numbered).then(|| RowRole::UnitGroup {
        unit: unit_case(&text),
    })
}

/// "I. Xã Na Son", "1 - Xã …", "A) …" → the name without its numbering.
pub(crate) fn strip_numbering(text: &str) -> String {
    let text = text.trim();
    let Some((head, rest)) = text.split_once([' ', '.', ')', '-', ':']) else {
        return text.to_string();
    };
    let head_ok = is_roman(head) || head.chars().all(|c| c.is_ascii_digit()) || is_letter(head);
    let rest = rest.trim_start_matches(['.', ')', '-', ':', ' ']);
    if head_ok && !head.is_empty() && !rest.is_empty() {
        rest.to_string()
    } else {
        text.to_string()
    }
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

fn is_letter(s: &str) -> bool {
    s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::{total_label, Total};

    /// A text in each case a roster may write it in.
    fn cased(text: &str) -> [String; 3] {
        let mut title = String::new();
        let mut start = true;
        for c in text.chars() {
            match start {
                true => title.extend(c.to_uppercase()),
                false => title.push(c),
            }
            start = c == ' ';
        }
        [text.to_string(), text.to_uppercase(), title]
    }

    #[test]
    fn a_total_is_told_in_any_case_and_a_name_is_not_one() {
        for total in [
            "tổng cộng",
            "tổng số",
            "cộng",
            "tổng",
            "cộng chung",
            "tổng số cán bộ",
        ] {
            for end in ["", ":", ".", " :"] {
                for text in cased(&format!("{total}{end}")) {
                    assert!(matches!(total_label(&text), Some(Total::Certain)), "{text}");
                }
            }
        }
        // "Tổng" and "Cộng" are family names too.
        for text in cased("tổng văn minh")
            .into_iter()
            .chain(cased("cộng thị hoa"))
        {
            assert!(matches!(total_label(&text), Some(Total::Likely)), "{text}");
        }
        for name in [
            "trần thị mai",
            "công chức",
            "tống văn an",
            "cống quỳnh",
            "nguyễn tổng",
        ] {
            for text in cased(name).into_iter().chain([format!(" {name}")]) {
                assert!(total_label(&text).is_none(), "{text}");
            }
        }
    }
}
