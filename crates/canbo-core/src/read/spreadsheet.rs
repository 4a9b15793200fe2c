//! The calamine formats: xlsx, xlsm, xlsb, xls (BIFF8 and older) and ods.

use super::{Cell, Format, Merge, Sheet, Workbook};
use crate::date::Date;
use crate::error::ImportError;
use calamine::{open_workbook_auto_from_rs, Data, DataRef, Range, Reader, SheetVisible, Sheets};
use std::io::Cursor;

pub(super) fn read(file: &str, bytes: &[u8]) -> Result<Workbook, ImportError> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| classify(file, e))?;
    let format = match &book {
        Sheets::Xlsx(_) => Format::Xlsx,
        Sheets::Xlsb(_) => Format::Xlsb,
        Sheets::Xls(_) => Format::Xls,
        Sheets::Ods(_) => Format::Ods,
    };
    let metas = book.sheets_metadata().to_vec();
    let xlsx_merges = match &book {
        Sheets::Xlsx(_) => super::xlsx_merges::by_sheet(bytes),
        _ => None,
    };
    let mut sheets = Vec::with_capacity(metas.len());
    for meta in metas {
        if meta.typ != calamine::SheetType::WorkSheet {
            continue;
        }
        // A sheet that fails alone is left out: the others may still hold the roster.
        let rows = match &mut book {
            Sheets::Xlsx(x) => streamed(x, &meta.name),
            other => other.worksheet_range(&meta.name).ok().map(grid),
        };
        let Some(rows) = rows else { continue };
        let merges = match xlsx_merges.as_ref().and_then(|m| m.get(&meta.name)) {
            Some(found) => found.clone(),
            None => merges(&mut book, &meta.name),
        };
        sheets.push(Sheet {
            hidden: meta.visible != SheetVisible::Visible,
            rows,
            merges,
            name: meta.name,
        });
    }
    Ok(Workbook {
        file: file.into(),
        format,
        sheets,
    })
}

fn classify(file: &str, err: calamine::Error) -> ImportError {
    let reason = err.to_string();
    let encrypted = matches!(
        err,
        calamine::Error::Xlsx(calamine::XlsxError::Password)
            | calamine::Error::Xls(calamine::XlsError::Password)
    ) || reason.to_lowercase().contains("password");
    if encrypted {
        ImportError::Encrypted { file: file.into() }
    } else {
        ImportError::Corrupt {
            file: file.into(),
            reason,
        }
    }
}

fn merges<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Vec<Merge> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter()
        .map(|d| Merge {
            first_row: d.start.0 as usize,
            first_col: d.start.1 as usize,
            last_row: d.end.0 as usize,
            last_col: d.end.1 as usize,
        })
        .filter(|m| m.last_row >= m.first_row && m.last_col >= m.first_col)
        .collect()
}

/// Upper bound on rows and columns taken from one sheet: a corrupt file can claim a huge
/// range, and a real roster is far below this.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLS: usize = 512;

/// calamine's range, placed at its absolute position in the sheet.
fn grid(range: Range<Data>) -> Vec<Vec<Cell>> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let (top, left) = (top as usize, left as usize);
    if top >= MAX_ROWS || left >= MAX_COLS {
        return Vec::new();
    }
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
    for row in range.rows().take(MAX_ROWS - top) {
        let mut out = vec![Cell::Empty; left];
        let used = row
            .iter()
            .rposition(|d| !matches!(d, Data::Empty))
            .map_or(0, |i| i + 1);
        out.extend(row[..used.min(MAX_COLS - left)].iter().map(convert));
        rows.push(out);
    }
    rows
}

/// xlsx cells streamed straight into the grid, without calamine's intermediate range: the
/// largest rosters are xlsx, and this halves the copying of their text.
fn streamed<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Option<Vec<Vec<Cell>>> {
    let mut reader = book.worksheet_cells_reader(name).ok()?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    while let Ok(Some(cell)) = reader.next_cell() {
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        if r >= MAX_ROWS || c >= MAX_COLS {
            continue;
        }
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => Cell::Text((*s).to_string()),
            DataRef::String(s) => Cell::Text(s.clone()),
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::Bool(b) => Cell::Bool(*b),
            DataRef::DateTime(dt) => convert(&Data::DateTime(*dt)),
            DataRef::DateTimeIso(s) => convert(&Data::DateTimeIso(s.clone())),
            DataRef::DurationIso(s) => Cell::Text(s.clone()),
            DataRef::Error(e) => Cell::Error(format!("{e}")),
        };
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
    }
    Some(rows)
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match Date::new(y as i32, m as u32, d as u32) {
                Some(date) if dt.as_f64() >= 1.0 => Cell::Date(date),
                _ => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match Date::parse_iso(s.get(..10).unwrap_or(s)) {
            Some(date) => Cell::Date(date),
            None => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast merge lookup agrees with calamine's on every xlsx in the samples and corpus.
    #[test]
    fn fast_merge_lookup_agrees_with_calamine() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let mut checked = 0;
        for dir in ["samples", "corpus/calamine"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("shared data") {
                let path = entry.expect("entry").path();
                if path.extension().is_none_or(|e| e != "xlsx") {
                    continue;
                }
                let bytes = std::fs::read(&path).expect("read");
                let Ok(Sheets::Xlsx(mut x)) = open_workbook_auto_from_rs(Cursor::new(&bytes[..]))
                else {
                    continue;
                };
                let Some(fast) = super::super::xlsx_merges::by_sheet(&bytes) else {
                    continue;
                };
                for name in x.sheet_names() {
                    let mut slow: Vec<Merge> = merges(&mut Sheets::Xlsx(x), &name);
                    let mut quick = fast.get(&name).cloned().unwrap_or_default();
                    slow.sort_by_key(|m| (m.first_row, m.first_col));
                    quick.sort_by_key(|m| (m.first_row, m.first_col));
                    assert_eq!(quick, slow, "{} › {name}", path.display());
                    let Ok(Sheets::Xlsx(again)) =
                        open_workbook_auto_from_rs(Cursor::new(&bytes[..]))
                    else {
                        unreachable!()
                    };
                    x = again;
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "only {checked} sheets compared");
    }
}
