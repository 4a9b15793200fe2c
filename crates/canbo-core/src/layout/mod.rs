//! A sheet of cells → its [`Layout`]: where the header is, what each column holds, and what
//! each row below it is. Nothing here is tuned to one file: the header is the row block that
//! names the most known fields, columns are mapped by normalised synonyms (helped by what a
//! column holds when a header is ambiguous), and rows are classified by what a careful clerk
//! would see in them. Every decision is kept so the import review can show and explain it.

mod columns;
mod header;
mod rows;

pub(crate) use rows::strip_numbering;
pub use rows::RowRole;

use crate::field::Field;
use crate::read::Sheet;
use serde::{Deserialize, Serialize};

/// How a column came to hold its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Its header names the field.
    Header,
    /// Its values decided: the header was ambiguous, unknown, blank or only a number.
    Content,
    /// The user chose it in the import review.
    User,
}

/// One column of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Zero-based column index.
    pub col: usize,
    /// The header as read, group headers joined with " › " ("Trình độ › Chuyên môn").
    pub header: String,
    pub field: Option<Field>,
    pub reason: Reason,
    /// For a column of marks ("x" under "Trình độ chuyên môn › ĐH"): the value a mark
    /// gives, as its header writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
}

/// What was found in one sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// Zero-based rows that make up the header block (one to three).
    pub header_rows: Vec<usize>,
    pub columns: Vec<Column>,
    /// The role of each row below the header, in sheet order (zero-based row, role).
    pub rows: Vec<(usize, RowRole)>,
}

impl Layout {
    /// Columns holding `field` as values, in sheet order (not its columns of marks).
    pub fn columns_of(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .filter(move |c| c.field == Some(field) && c.mark.is_none())
            .map(|c| c.col)
    }

    /// Columns of marks for `field`: (column, the value a mark gives).
    pub fn marks_of(&self, field: Field) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.columns
            .iter()
            .filter(move |c| c.field == Some(field))
            .filter_map(|c| c.mark.as_deref().map(|m| (c.col, m)))
    }

    /// Whether any column holds `field`, as values or as marks.
    pub fn has(&self, field: Field) -> bool {
        self.columns.iter().any(|c| c.field == Some(field))
    }
}

/// Why a sheet is not a roster lives with the import errors that carry it (`error.rs`),
/// so that `error` needs nothing of the layout; it is named here too, where it is decided.
pub use crate::error::NotRoster;

/// A user's correction of one column: `None` means "this column holds nothing to read".
pub type ColumnOverride = (usize, Option<Field>);

/// Find the layout of a sheet. `overrides` replace the detected field of their columns.
pub fn detect(sheet: &Sheet, overrides: &[ColumnOverride]) -> Result<Layout, NotRoster> {
    if sheet.rows.iter().all(|r| r.iter().all(|c| c.is_empty())) {
        return Err(NotRoster::Empty);
    }
    let block = header::find(sheet).ok_or(NotRoster::NoHeader)?;
    let mut columns = columns::map(sheet, &block);
    for &(col, field) in overrides {
        match columns.iter_mut().find(|c| c.col == col) {
            Some(c) => {
                c.field = field;
                c.reason = Reason::User;
                c.mark = None;
            }
            None => columns.push(Column {
                col,
                header: String::new(),
                field,
                reason: Reason::User,
                mark: None,
            }),
        }
    }
    columns.sort_by_key(|c| c.col);
    let mut layout = Layout {
        header_rows: block.rows.clone(),
        columns,
        rows: Vec::new(),
    };
    if !layout.has(Field::Name) {
        return Err(NotRoster::NoNameColumn);
    }
    let first = block.rows.last().map_or(0, |r| r + 1);
    layout.rows = rows::classify(sheet, &layout, first);
    if !layout.rows.iter().any(|(_, role)| *role == RowRole::Person) {
        return Err(NotRoster::NoPeople);
    }
    Ok(layout)
}

#[cfg(test)]
mod tests;
