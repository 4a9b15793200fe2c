//! A synthetic roster for benchmarks (`canbo_core::synthetic`: the government layout, 20
//! columns of Vietnamese text and dates, deterministic for a given size) written as Excel
//! writes it, with rust_xlsxwriter.

use canbo_core::synthetic::{self, Value};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// Write a roster of `people` people as xlsx bytes: about 25 per unit, or spread evenly over
/// `units` units.
pub fn roster_xlsx(people: usize, units: Option<usize>) -> Result<Vec<u8>, XlsxError> {
    roster_xlsx_in_sheets(people, units, 1)
}

/// [`roster_xlsx`] over `sheets` sheets ("Huyện 1", "Huyện 2"…, as a province's workbook
/// keeps a sheet per district), the people shared evenly; one sheet is `roster_xlsx`'s.
pub fn roster_xlsx_in_sheets(
    all: usize,
    units: Option<usize>,
    sheets: usize,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in synthetic::sheets(all, units, sheets) {
        let s = book.add_worksheet();
        if let Some(name) = &sheet.name {
            s.set_name(name)?;
        }
        for cell in &sheet.cells {
            let (r, c) = (cell.row, cell.col);
            match &cell.value {
                Value::Text(t) => s.write(r, c, t.as_str())?,
                Value::Number(n) => s.write(r, c, f64::from(*n))?,
                Value::Date(d) => {
                    let day =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    s.write_datetime_with_format(r, c, &day, &date)?
                }
            };
        }
        for m in &sheet.merged {
            let first = (sheet.cells.iter())
                .find(|c| (c.row, c.col) == m.first)
                .and_then(|c| match &c.value {
                    Value::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .unwrap_or_default();
            s.merge_range(
                m.first.0,
                m.first.1,
                m.last.0,
                m.last.1,
                first,
                &Format::new(),
            )?;
        }
    }
    book.save_to_buffer()
}

/// The roster the importer reads from [`roster_xlsx`]`(people, None)`, checked to hold
/// `people` (the benchmarks that start from a roster, not from the file).
#[allow(dead_code)] // Not every program that includes this file reads the roster.
pub fn roster(people: usize) -> canbo_core::roster::Roster {
    let bytes = roster_xlsx(people, None).expect("generate");
    let roster = canbo_core::import(
        &[canbo_core::FileInput {
            name: "r.xlsx".into(),
            bytes,
        }],
        &canbo_core::Overrides::default(),
    )
    .roster;
    assert_eq!(roster.people.len(), people);
    roster
}
