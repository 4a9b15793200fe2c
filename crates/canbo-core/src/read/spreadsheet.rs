//! The calamine formats: xlsx, xlsm, xlsb, xls (BIFF8 and older) and ods.

use super::{limits, Cell, Format, Merge, Sheet, Workbook};
use crate::date::Date;
use crate::error::{ImportError, Limit};
use calamine::{
    open_workbook_auto_from_rs, open_workbook_from_rs, Data, DataRef, Ods, Range, Reader,
    SheetVisible, Sheets, Xls, Xlsb, Xlsx,
};
use std::io::Cursor;

/// Reads a calamine format: the one the bytes say, or `forced`. `check` is what must still
/// hold for what was read to be believed (a zip's parts inflating to their declared sizes):
/// natively it runs on the other core while the cells are read, and its error wins.
pub(super) fn read(
    file: &str,
    bytes: &[u8],
    forced: Option<Format>,
    check: impl FnOnce() -> Result<(), ImportError> + Send,
) -> Result<Workbook, ImportError> {
    let opened = open(file, bytes, forced);
    let mut book = match opened {
        Ok(book) => book,
        Err(e) => {
            check()?;
            return Err(e);
        }
    };
    let format = match &book {
        Sheets::Xlsx(_) => Format::Xlsx,
        Sheets::Xlsb(_) => Format::Xlsb,
        Sheets::Xls(_) => Format::Xls,
        Sheets::Ods(_) => Format::Ods,
    };
    let metas = book.sheets_metadata().to_vec();
    // The merged regions are found in an inflated copy of each sheet's XML: natively on the
    // other core, after the check, while calamine reads the cells here
    // (`crate::parallel::both`).
    let is_xlsx = matches!(book, Sheets::Xlsx(_));
    let (checked, cells) = crate::parallel::both(
        || {
            check()?;
            Ok(is_xlsx
                .then(|| super::xlsx_merges::by_sheet(bytes))
                .flatten())
        },
        || read_cells(&mut book, &metas),
    );
    let xlsx_merges = checked?;
    let mut sheets = Vec::with_capacity(metas.len());
    for (meta, rows) in cells.map_err(|limit| ImportError::TooLarge {
        file: file.into(),
        limit,
    })? {
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
        code_page: None,
        sheets,
    })
}

/// calamine's reader for the format the bytes say, or `forced`.
fn open<'a>(
    file: &str,
    bytes: &'a [u8],
    forced: Option<Format>,
) -> Result<Sheets<Cursor<&'a [u8]>>, ImportError> {
    let err = |e: calamine::Error| classify(file, e);
    let cursor = Cursor::new(bytes);
    Ok(match forced {
        None | Some(Format::Csv | Format::Html) => {
            open_workbook_auto_from_rs(cursor).map_err(err)?
        }
        Some(Format::Xlsx) => {
            Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| err(e.into()))?)
        }
        Some(Format::Xlsb) => {
            Sheets::Xlsb(open_workbook_from_rs::<Xlsb<_>, _>(cursor).map_err(|e| err(e.into()))?)
        }
        Some(Format::Xls) => {
            Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| err(e.into()))?)
        }
        Some(Format::Ods) => {
            Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| err(e.into()))?)
        }
    })
}

/// A worksheet's metadata and its rows of cells.
type SheetCells = (calamine::Sheet, Vec<Vec<Cell>>);

/// The cells of every worksheet that can be read, with its metadata; a sheet that fails
/// alone is left out, since the others may still hold the roster.
fn read_cells(
    book: &mut Sheets<Cursor<&[u8]>>,
    metas: &[calamine::Sheet],
) -> Result<Vec<SheetCells>, Limit> {
    let mut budget = Budget {
        cells: limits::CELLS,
    };
    let mut out = Vec::with_capacity(metas.len());
    for meta in metas {
        if meta.typ != calamine::SheetType::WorkSheet {
            continue;
        }
        let rows = match &mut *book {
            Sheets::Xlsx(x) => match x.worksheet_cells_reader(&meta.name) {
                Ok(mut cells) => Some(streamed(|| cells.next_cell().ok().flatten(), &mut budget)),
                Err(_) => None,
            },
            // xlsb too: its range would be allocated over the cells' bounding box, which a
            // hostile file can make 17 billion cells wide.
            Sheets::Xlsb(x) => match x.worksheet_cells_reader(&meta.name) {
                Ok(mut cells) => Some(streamed(|| cells.next_cell().ok().flatten(), &mut budget)),
                Err(_) => None,
            },
            other => other
                .worksheet_range(&meta.name)
                .ok()
                .map(|r| grid(r, &mut budget)),
        };
        if let Some(rows) = rows {
            out.push((meta.clone(), rows?));
        }
    }
    Ok(out)
}

/// What is left of [`limits::CELLS`] for the rest of the workbook.
pub(super) struct Budget {
    pub(super) cells: u64,
}

impl Budget {
    /// Takes one cell; past the limit, the error.
    pub(super) fn take(&mut self) -> Result<(), Limit> {
        match self.cells.checked_sub(1) {
            Some(left) => {
                self.cells = left;
                Ok(())
            }
            None => Err(Limit::Cells { max: limits::CELLS }),
        }
    }
}

/// A text cell, cut at Excel's own maximum length.
pub(super) fn text(s: &str) -> Cell {
    // No fewer bytes than characters: most cells need no count.
    if s.len() <= limits::CELL_CHARS {
        return Cell::Text(s.into());
    }
    match s.char_indices().nth(limits::CELL_CHARS) {
        Some((cut, _)) => Cell::Text(s[..cut].into()),
        None => Cell::Text(s.into()),
    }
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

/// Rows and columns taken from one sheet (a corrupt file can claim a huge range).
const MAX_ROWS: usize = limits::ROWS;
const MAX_COLS: usize = limits::COLUMNS;

/// calamine's range, placed at its absolute position in the sheet.
fn grid(range: Range<Data>, budget: &mut Budget) -> Result<Vec<Vec<Cell>>, Limit> {
    let Some((top, left)) = range.start() else {
        return Ok(Vec::new());
    };
    let (top, left) = (top as usize, left as usize);
    if top >= MAX_ROWS || left >= MAX_COLS {
        return Ok(Vec::new());
    }
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
    for row in range.rows().take(MAX_ROWS - top) {
        let mut out = vec![Cell::Empty; left];
        let used = row
            .iter()
            .rposition(|d| !matches!(d, Data::Empty))
            .map_or(0, |i| i + 1);
        for d in &row[..used.min(MAX_COLS - left)] {
            if !matches!(d, Data::Empty) {
                budget.take()?;
            }
            out.push(convert(d));
        }
        rows.push(out);
    }
    Ok(rows)
}

/// xlsx and xlsb cells streamed straight into the grid, without calamine's intermediate
/// range: the largest rosters are xlsx, and this halves the copying of their text. Only the
/// cells present are stored, so a sheet that declares `A1:XFD1048576` costs nothing. A text
/// of the workbook's shared strings is copied once, the first time a cell points at it:
/// every other cell shares that copy (the table lives as long as the reader, so its place
/// names it).
fn streamed<'a>(
    mut next: impl FnMut() -> Option<calamine::Cell<DataRef<'a>>>,
    budget: &mut Budget,
) -> Result<Vec<Vec<Cell>>, Limit> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut shared: foldhash::HashMap<(usize, usize), Cell> = foldhash::HashMap::default();
    while let Some(cell) = next() {
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        if r >= MAX_ROWS || c >= MAX_COLS {
            continue;
        }
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => (shared.entry((s.as_ptr() as usize, s.len())))
                .or_insert_with(|| text(s))
                .clone(),
            DataRef::String(s) => text(s),
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::Bool(b) => Cell::Bool(*b),
            DataRef::DateTime(dt) => convert(&Data::DateTime(*dt)),
            DataRef::DateTimeIso(s) => convert(&Data::DateTimeIso(s.clone())),
            DataRef::DurationIso(s) => text(s),
            DataRef::Error(e) => Cell::Error(format!("{e}")),
        };
        budget.take()?;
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
    }
    Ok(rows)
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => text(s),
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
            None => text(s),
        },
        Data::DurationIso(s) => text(s),
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
