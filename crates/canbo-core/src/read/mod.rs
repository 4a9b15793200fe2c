//! Bytes → [`Workbook`]: every supported format as one grid of typed cells per sheet.
//!
//! This layer knows nothing about rosters. It decides the format from the bytes themselves
//! (a renamed file still opens), turns calamine's cells and CSV fields into [`Cell`]s, and
//! keeps positions absolute, so that row 1 is the spreadsheet's row 1 whatever the reader
//! skipped, and a warning can name the cell a person would click on.

mod csv;
mod spreadsheet;
mod xlsx_merges;

use crate::date::Date;
use crate::error::ImportError;

/// One value as the reader found it. Text is kept as written; normalisation comes later.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (already resolved for the 1900/1904 date system).
    Date(Date),
    Bool(bool),
    /// An Excel error value such as `#N/A`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The text of a text cell.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The cell as a person reads it in the sheet (numbers without a needless `.0`).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
            Cell::Bool(true) => "TRUE".into(),
            Cell::Bool(false) => "FALSE".into(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A rectangle of merged cells, zero-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

/// One sheet: rows of cells, zero-based, row 0 being the sheet's row 1.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

impl Sheet {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// A whole file.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub file: String,
    pub format: Format,
    pub sheets: Vec<Sheet>,
}

/// The format the bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
}

/// Read a file's bytes. `file` is the name shown in messages; its extension is only a hint.
pub fn read(file: &str, bytes: &[u8]) -> Result<Workbook, ImportError> {
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    const ZIP: &[u8] = b"PK\x03\x04";
    if bytes.starts_with(ZIP) || bytes.starts_with(CFB) {
        return spreadsheet::read(file, bytes);
    }
    match csv::decode_text(bytes) {
        Some(text) => Ok(Workbook {
            file: file.into(),
            format: Format::Csv,
            sheets: vec![csv::parse(file, &text)],
        }),
        None => Err(ImportError::NotASpreadsheet { file: file.into() }),
    }
}

/// "A1"-style name of a zero-based cell position.
pub fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(b'A' + rem as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// The column letters of a zero-based column.
pub fn col_name(col: usize) -> String {
    let full = cell_ref(0, col);
    full.trim_end_matches('1').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs_are_spreadsheet_names() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(16, 7), "H17");
        assert_eq!(cell_ref(9, 25), "Z10");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(col_name(27), "AB");
    }

    #[test]
    fn random_bytes_are_not_a_spreadsheet() {
        let err = read("x.png", &[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe, 0]).unwrap_err();
        assert!(matches!(err, ImportError::NotASpreadsheet { .. }));
    }
}
