//! The calamine formats: xlsx, xlsm, xlsb, xls (BIFF8 and older) and ods.

use super::{limits, Cell, Format, Merge, Sheet, Workbook};
use crate::date::Date;
use crate::error::{ImportError, Limit};
use calamine::{
    open_workbook_auto_from_rs, open_workbook_from_rs, Data, DataRef, Ods, Range, Reader,
    SheetVisible, Sheets, Xls, Xlsb, Xlsx,
};
use std::io::Cursor;
use std::sync::atomic::{AtomicU64, Ordering};

/// Reads a calamine format: the one the bytes say, or `forced`. `check` is what must still
/// hold for what was read to be believed (a zip's parts inflating to their declared sizes),
/// and its error wins. It is told the parts the reading itself read to their end (their
/// indices in the zip): the zip reader inflated those within their declared sizes, so
/// `zipcheck::verify` need not inflate them again. Where `xlsx_cells` reads the sheets,
/// `check` runs after them, on what they did not read whole; where calamine reads them, it
/// runs natively on the other core while the cells are read.
pub(super) fn read(
    file: &str,
    bytes: &[u8],
    forced: Option<Format>,
    check: impl FnOnce(&[usize]) -> Result<(), ImportError> + Send,
    readers: super::Readers,
) -> Result<Workbook, ImportError> {
    // An xlsx whose sheets `xlsx_cells` reads, every one, needs no calamine: its package
    // lists the sheets as calamine would, and calamine's opening would only parse the
    // shared strings and styles a second time.
    let fast = matches!(forced, None | Some(Format::Xlsx))
        .then(|| super::xlsx_cells::Package::open(bytes))
        .flatten();
    let Some(read) = fast.as_ref().and_then(|package| read_own(package, bytes)) else {
        if !readers.full() {
            return Err(ImportError::NeedsFullReader { file: file.into() });
        }
        return read_with_calamine(file, bytes, forced, fast, check);
    };
    let package = fast.as_ref().map_or(&[][..], |p| p.whole());
    let mut whole = package.to_vec();
    if let Ok((_, read_whole)) = &read {
        whole.extend(read_whole);
    }
    check(&whole)?;
    let (sheets, _) = read.map_err(|limit| ImportError::TooLarge {
        file: file.into(),
        limit,
    })?;
    Ok(Workbook {
        file: file.into(),
        format: Format::Xlsx,
        code_page: None,
        sheets,
    })
}

/// A workbook's sheets and the zip's parts read to their end, or the limit of cells it passed.
type OwnRead = Result<(Vec<Sheet>, Vec<usize>), Limit>;

/// Every worksheet of `package` read by `xlsx_cells`, with the parts read to their end;
/// `None` when it declines one (calamine then reads the workbook).
fn read_own(package: &super::xlsx_cells::Package, bytes: &[u8]) -> Option<OwnRead> {
    let worksheets: Vec<&super::xlsx_merges::Listed> =
        package.listed().iter().filter(|l| l.worksheet).collect();
    let names: Vec<&str> = worksheets.iter().map(|l| l.name.as_str()).collect();
    let pool = AtomicU64::new(limits::CELLS);
    let reads = own_reads(package, bytes, &names, &pool);
    let mut sheets = Vec::with_capacity(reads.len());
    let mut whole = Vec::new();
    for (listed, read) in worksheets.into_iter().zip(reads) {
        let read = match read? {
            Ok(read) => read,
            Err(limit) => return Some(Err(limit)),
        };
        whole.extend(read.whole);
        sheets.push(Sheet {
            name: listed.name.clone(),
            hidden: listed.hidden,
            rows: read.rows,
            merges: read.merges,
        });
    }
    // Reading stopped at a sheet past the limit of cells: that sheet's error is above.
    (sheets.len() == names.len()).then_some(Ok((sheets, whole)))
}

/// The sheets `names` read by `xlsx_cells` (`None` for one it declines), drawing on one
/// budget of cells: natively at once on the cores there are, each thread with its own zip.
fn own_reads(
    package: &super::xlsx_cells::Package,
    bytes: &[u8],
    names: &[&str],
    pool: &AtomicU64,
) -> Vec<FastRead> {
    if names.len() > 1 && crate::parallel::threads() > 1 {
        crate::parallel::in_order_with(
            names.to_vec(),
            || super::xlsx_cells::Package::zip(bytes),
            |zip, name, _: &dyn Fn(())| {
                package.sheet(zip.as_mut()?, name, &mut Budget::drawing_on(pool))
            },
            |()| {},
        )
    } else {
        let mut zip = super::xlsx_cells::Package::zip(bytes);
        let mut budget = Budget::drawing_on(pool);
        one_by_one(names, |name| {
            package.sheet(zip.as_mut()?, name, &mut budget)
        })
    }
}

/// [`read`] by calamine, with `xlsx_cells` (`fast`, the package it opened) reading the
/// sheets of an xlsx it can.
fn read_with_calamine(
    file: &str,
    bytes: &[u8],
    forced: Option<Format>,
    fast: Option<super::xlsx_cells::Package>,
    check: impl FnOnce(&[usize]) -> Result<(), ImportError> + Send,
) -> Result<Workbook, ImportError> {
    let opened = open(file, bytes, forced);
    let mut book = match opened {
        Ok(book) => book,
        Err(e) => {
            check(&[])?;
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
    // An xlsx's sheets are read by `xlsx_cells` where it can, with their merged regions;
    // otherwise the merged regions are found in an inflated copy of each sheet's XML:
    // natively on the other core, after the check, while calamine reads the cells here
    // (`crate::parallel::both`).
    let is_xlsx = matches!(book, Sheets::Xlsx(_));
    let fast = fast.filter(|_| is_xlsx);
    let reopen = || open(file, bytes, forced).ok();
    let (checked, cells) = match &fast {
        Some(package) => {
            let cells = read_cells(&mut book, &metas, Some((package, bytes)), reopen);
            let mut whole = package.whole().to_vec();
            if let Ok((_, read_whole)) = &cells {
                whole.extend(read_whole);
            }
            (check(&whole).map(|()| None), cells)
        }
        None => crate::parallel::both(
            || {
                check(&[])?;
                Ok(is_xlsx
                    .then(|| super::xlsx_merges::by_sheet(bytes))
                    .flatten())
            },
            || read_cells(&mut book, &metas, None, reopen),
        ),
    };
    let xlsx_merges = checked?;
    let mut sheets = Vec::with_capacity(metas.len());
    let (cells, _) = cells.map_err(|limit| ImportError::TooLarge {
        file: file.into(),
        limit,
    })?;
    for (meta, rows, found) in cells {
        let merges = match found.or_else(|| {
            xlsx_merges
                .as_ref()
                .and_then(|m| m.get(&meta.name))
                .cloned()
        }) {
            Some(found) => found,
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

/// A worksheet's metadata, its rows of cells and, when `xlsx_cells` read it, its merged
/// regions.
type SheetCells = (calamine::Sheet, Vec<Vec<Cell>>, Option<Vec<Merge>>);

/// A sheet read by `xlsx_cells`, `None` where it declined.
type FastRead = Option<Result<super::xlsx_cells::SheetCells, Limit>>;

/// The cells of every worksheet that can be read, with its metadata, and the parts
/// `xlsx_cells` read to their end (`SheetCells::whole`); a sheet that fails alone is left
/// out, since the others may still hold the roster. An xlsx's sheets are read
/// by `xlsx_cells` (`fast`, with the workbook's bytes) where it can, and by calamine where
/// it declines. Natively, the sheets of an xlsx or xlsb are read at once on the cores there
/// are (a province's workbook keeps a sheet per district), each thread with its own zip
/// (or calamine's workbook opened anew by `reopen`), drawing on one budget of cells.
fn read_cells<'b>(
    book: &mut Sheets<Cursor<&'b [u8]>>,
    metas: &[calamine::Sheet],
    fast: Option<(&super::xlsx_cells::Package, &'b [u8])>,
    reopen: impl Fn() -> Option<Sheets<Cursor<&'b [u8]>>> + Sync,
) -> Result<(Vec<SheetCells>, Vec<usize>), Limit> {
    let worksheets: Vec<&calamine::Sheet> = (metas.iter())
        .filter(|m| m.typ == calamine::SheetType::WorkSheet)
        .collect();
    let pool = AtomicU64::new(limits::CELLS);
    // What `xlsx_cells` read, sheet by sheet.
    let mut fast_reads: Vec<FastRead> = match fast {
        Some((package, bytes)) => {
            let names: Vec<&str> = worksheets.iter().map(|m| m.name.as_str()).collect();
            own_reads(package, bytes, &names, &pool)
        }
        None => Vec::new(),
    };
    let mut out = Vec::with_capacity(worksheets.len());
    let mut whole = Vec::new();
    let mut calamine_reads: Vec<(usize, &calamine::Sheet)> = Vec::new();
    for (i, meta) in worksheets.iter().enumerate() {
        match fast_reads.get_mut(i).and_then(Option::take) {
            Some(Ok(read)) => {
                whole.extend(read.whole);
                out.push(Some(((*meta).clone(), read.rows, Some(read.merges))));
            }
            Some(Err(limit)) => return Err(limit),
            _ => {
                out.push(None);
                calamine_reads.push((i, meta));
            }
        }
    }
    drop(fast_reads);
    let streams = matches!(book, Sheets::Xlsx(_) | Sheets::Xlsb(_));
    let rows: Vec<Option<Result<Vec<Vec<Cell>>, Limit>>> =
        if streams && calamine_reads.len() > 1 && crate::parallel::threads() > 1 {
            crate::parallel::in_order_with(
                calamine_reads.iter().map(|(_, m)| *m).collect(),
                &reopen,
                |book, meta, _: &dyn Fn(())| {
                    let book = book.as_mut()?;
                    read_sheet(book, meta, &mut Budget::drawing_on(&pool))
                },
                |()| {},
            )
        } else {
            let mut budget = Budget::drawing_on(&pool);
            one_by_one(&calamine_reads, |(_, meta)| {
                read_sheet(book, meta, &mut budget)
            })
        };
    for ((i, meta), rows) in calamine_reads.into_iter().zip(rows) {
        if let Some(rows) = rows {
            out[i] = Some(((*meta).clone(), rows?, None));
        }
    }
    Ok((out.into_iter().flatten().collect(), whole))
}

/// Each sheet read by `read` in turn, up to the first past the workbook's limit of cells.
fn one_by_one<S, T>(
    sheets: &[S],
    mut read: impl FnMut(&S) -> Option<Result<T, Limit>>,
) -> Vec<Option<Result<T, Limit>>> {
    let mut reads = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let read = read(sheet);
        let too_large = matches!(read, Some(Err(_)));
        reads.push(read);
        if too_large {
            break;
        }
    }
    reads
}

/// One worksheet's cells, `None` when calamine cannot read it.
fn read_sheet(
    book: &mut Sheets<Cursor<&[u8]>>,
    meta: &calamine::Sheet,
    budget: &mut Budget,
) -> Option<Result<Vec<Vec<Cell>>, Limit>> {
    match book {
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(&meta.name) {
            Ok(mut cells) => Some(streamed(|| cells.next_cell().ok().flatten(), budget)),
            Err(_) => None,
        },
        // xlsb too: its range would be allocated over the cells' bounding box, which a
        // hostile file can make 17 billion cells wide.
        Sheets::Xlsb(x) => match x.worksheet_cells_reader(&meta.name) {
            Ok(mut cells) => Some(streamed(|| cells.next_cell().ok().flatten(), budget)),
            Err(_) => None,
        },
        other => other
            .worksheet_range(&meta.name)
            .ok()
            .map(|r| grid(r, budget)),
    }
}

/// What is left of [`limits::CELLS`] for the rest of the workbook: counted here, or, for
/// sheets read at once, drawn from one pool a thousand cells at a time (what a sheet drew
/// and did not use goes back when it is done).
pub(super) struct Budget<'p> {
    cells: u64,
    pool: Option<&'p AtomicU64>,
}

/// Cells a sheet read beside others draws from their pool at a time.
const DRAWN: u64 = 1_000;

impl Budget<'static> {
    /// The whole limit, for one reader.
    pub(super) fn whole() -> Self {
        Budget {
            cells: limits::CELLS,
            pool: None,
        }
    }
}

impl<'p> Budget<'p> {
    /// A budget of `cells`, for one reader.
    #[cfg(test)]
    pub(super) fn with_cells_for_tests(cells: u64) -> Self {
        Budget { cells, pool: None }
    }

    fn drawing_on(pool: &'p AtomicU64) -> Self {
        Budget {
            cells: 0,
            pool: Some(pool),
        }
    }

    /// Takes one cell; past the limit, the error.
    pub(super) fn take(&mut self) -> Result<(), Limit> {
        if self.cells == 0 {
            if let Some(pool) = self.pool {
                let had = pool
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |p| {
                        Some(p.saturating_sub(DRAWN))
                    })
                    .unwrap_or(0);
                self.cells = had.min(DRAWN);
            }
        }
        match self.cells.checked_sub(1) {
            Some(left) => {
                self.cells = left;
                Ok(())
            }
            None => Err(Limit::Cells { max: limits::CELLS }),
        }
    }

    /// Returns cells taken for a sheet that is then read again another way.
    pub(super) fn give_back(&mut self, cells: u64) {
        self.cells += cells;
    }
}

impl Drop for Budget<'_> {
    fn drop(&mut self) {
        if let Some(pool) = self.pool {
            pool.fetch_add(self.cells, Ordering::Relaxed);
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
    let mut width = 0;
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
        place(&mut rows, r, c, value, budget, &mut width)?;
    }
    Ok(rows)
}

/// Puts a cell at its place in the grid, taking it from `budget`; whether it was put (a
/// cell past a sheet's rows or columns, or an empty one, is not). `width` is the widest
/// row so far: a row's first cell makes room for as many at once, rather than the row
/// growing (and moving) three or four times on its way to a roster's twenty columns.
pub(super) fn place(
    rows: &mut Vec<Vec<Cell>>,
    r: usize,
    c: usize,
    value: Cell,
    budget: &mut Budget,
    width: &mut usize,
) -> Result<bool, Limit> {
    if r >= MAX_ROWS || c >= MAX_COLS || matches!(value, Cell::Empty) {
        return Ok(false);
    }
    budget.take()?;
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let row = &mut rows[r];
    if row.len() <= c {
        *width = (*width).max(c + 1);
        if row.capacity() == 0 {
            row.reserve_exact(*width);
        }
        row.resize(c + 1, Cell::Empty);
    }
    row[c] = value;
    Ok(true)
}

pub(super) fn convert(data: &Data) -> Cell {
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

/// calamine's own reading, for `xlsx_cells`'s tests to compare with.
#[cfg(test)]
pub(super) fn open_for_tests(bytes: &[u8]) -> Option<Sheets<Cursor<&[u8]>>> {
    open("t", bytes, None).ok()
}

#[cfg(test)]
pub(super) fn read_sheet_for_tests(
    book: &mut Sheets<Cursor<&[u8]>>,
    meta: &calamine::Sheet,
) -> Option<Result<Vec<Vec<Cell>>, Limit>> {
    read_sheet(book, meta, &mut Budget::whole())
}

#[cfg(test)]
pub(super) fn merges_for_tests(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Merge> {
    merges(book, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sheets read at once give every sheet's cells as read one after the other, on every
    /// xlsx and xlsb of the samples and corpus with more than one sheet, and on a generated
    /// workbook of four districts.
    #[test]
    fn sheets_read_at_once_give_the_cells_read_one_by_one() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let mut books: Vec<Vec<u8>> = Vec::new();
        for dir in ["samples", "corpus/calamine"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("shared data") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "xlsx" || e == "xlsb") {
                    books.push(std::fs::read(&path).expect("read"));
                }
            }
        }
        books.push(districts(4));
        let mut several = 0;
        for bytes in &books {
            let Ok(mut book) = open("t", bytes, None) else {
                continue;
            };
            let metas = book.sheets_metadata().to_vec();
            let mut budget = Budget::whole();
            let one_by_one: Vec<(String, Vec<Vec<Cell>>)> = (metas.iter())
                .filter(|m| m.typ == calamine::SheetType::WorkSheet)
                .filter_map(|m| {
                    Some((m.name.clone(), read_sheet(&mut book, m, &mut budget)?.ok()?))
                })
                .collect();
            // By calamine alone, and by `xlsx_cells` where it reads the sheets.
            let package = super::super::xlsx_cells::Package::open(bytes);
            for fast in [None, package.as_ref().map(|p| (p, &bytes[..]))] {
                let reopen = || open("t", bytes, None).ok();
                let Ok((at_once, _)) = read_cells(&mut book, &metas, fast, reopen) else {
                    continue;
                };
                let at_once: Vec<(String, Vec<Vec<Cell>>)> = at_once
                    .into_iter()
                    .map(|(m, rows, _)| (m.name, rows))
                    .collect();
                assert_eq!(at_once, one_by_one);
                several += usize::from(at_once.len() > 1);
            }
        }
        assert!(several >= 2, "{several} workbooks of several sheets");
    }

    /// Every xlsx of the samples, the corpus and the independent rosters gives the same
    /// workbook (sheets, their names, visibility, cells and merged regions), or the same
    /// error, read without calamine where `xlsx_cells` reads every sheet as read by calamine
    /// alone; and the samples and independent rosters are all read without it.
    #[test]
    fn an_xlsx_read_without_calamine_is_the_workbook_calamine_reads() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let independent =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/independent");
        let mut dirs = vec![root.join("samples"), root.join("corpus/calamine")];
        for set in std::fs::read_dir(&independent).expect("independent rosters") {
            dirs.push(set.expect("entry").path());
        }
        let (mut files, mut own) = (0, 0);
        let mut books: Vec<(String, Vec<u8>, bool)> = Vec::new();
        for dir in dirs {
            let corpus = dir.ends_with("corpus/calamine");
            for entry in std::fs::read_dir(&dir).expect("shared data") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "xlsx" || e == "xlsm") {
                    let bytes = std::fs::read(&path).expect("read");
                    books.push((path.display().to_string(), bytes, corpus));
                }
            }
        }
        books.push((
            "hidden and chart sheets".into(),
            hidden_and_chart_sheets(),
            false,
        ));
        for (name, bytes, corpus) in &books {
            let unchecked = |_: &[usize]| Ok(());
            let taken = super::super::xlsx_cells::Package::open(bytes)
                .is_some_and(|p| read_own(&p, bytes).is_some());
            let fast = read("t", bytes, None, unchecked, super::super::Readers::All);
            let slow = read_with_calamine("t", bytes, None, None, unchecked);
            // Canbo's own readers alone: the same workbook, or the full reader asked for.
            let by_own = read("t", bytes, None, unchecked, super::super::Readers::Own);
            match (&by_own, taken) {
                (Ok(by_own), true) => assert_eq!(
                    format!("{:?}", by_own.sheets),
                    format!("{:?}", fast.as_ref().expect("read").sheets),
                    "{name}"
                ),
                (Err(ImportError::NeedsFullReader { .. }), false) => {}
                _ => panic!("{name}: read by its own readers: {}", by_own.is_ok()),
            }
            match (&fast, &slow) {
                (Ok(fast), Ok(slow)) => {
                    assert_eq!(fast.format, slow.format, "{name}");
                    assert_eq!(fast.sheets.len(), slow.sheets.len(), "{name}");
                    for (f, s) in fast.sheets.iter().zip(&slow.sheets) {
                        assert_eq!((&f.name, f.hidden), (&s.name, s.hidden), "{name}");
                        assert_eq!((&f.rows, &f.merges), (&s.rows, &s.merges), "{name}");
                    }
                }
                (Err(fast), Err(slow)) => assert_eq!(fast, slow, "{name}"),
                _ => panic!(
                    "{name}: {:?} against calamine's {:?}",
                    fast.is_ok(),
                    slow.is_ok()
                ),
            }
            assert!(taken || *corpus, "{name}: read with calamine");
            files += 1;
            own += usize::from(taken);
        }
        assert!(
            files > 50 && own > 20,
            "{own} of {files} read without calamine"
        );
    }

    /// A workbook with a visible, a hidden and a very hidden worksheet and a chart sheet.
    fn hidden_and_chart_sheets() -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        for (k, name) in ["Danh sách", "Ẩn", "Rất ẩn"].iter().enumerate() {
            let s = book.add_worksheet();
            s.set_name(*name).unwrap();
            s.write(0, 0, "Họ và tên").unwrap();
            s.write(1, 0, format!("Người {k}")).unwrap();
            s.merge_range(2, 0, 2, 3, "Cộng", &rust_xlsxwriter::Format::new())
                .unwrap();
        }
        let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
        chart.add_series().set_values("='Danh sách'!$A$1:$A$2");
        book.add_chartsheet().insert_chart(0, 0, &chart).unwrap();
        book.worksheet_from_index(1).unwrap().set_hidden(true);
        book.worksheet_from_index(2).unwrap().set_very_hidden(true);
        book.save_to_buffer().unwrap()
    }

    /// A workbook of `n` sheets, one per district, each a short roster.
    fn districts(n: usize) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        for k in 1..=n {
            let s = book.add_worksheet();
            s.set_name(format!("Huyện {k}")).unwrap();
            s.write(0, 0, "Họ và tên").unwrap();
            s.write(0, 1, "Ngày sinh").unwrap();
            for r in 1..=200u32 {
                s.write(r, 0, format!("Người {k}-{r}")).unwrap();
                s.write(r, 1, 1960.0 + f64::from(r % 40)).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    /// Readers drawing on one pool take exactly what it holds between them, and what one
    /// drew and did not use goes back.
    #[test]
    fn sheets_read_at_once_share_one_budget_of_cells() {
        let pool = AtomicU64::new(2_500);
        let (mut a, mut b) = (Budget::drawing_on(&pool), Budget::drawing_on(&pool));
        let mut taken = 0;
        loop {
            let took = usize::from(a.take().is_ok()) + usize::from(b.take().is_ok());
            if took == 0 {
                break;
            }
            taken += took;
        }
        assert_eq!(taken, 2_500);
        assert!(a.take().is_err() && b.take().is_err());
        drop((a, b));
        assert_eq!(pool.load(Ordering::Relaxed), 0);
        let mut c = Budget::drawing_on(&pool);
        assert_eq!(c.take(), Err(Limit::Cells { max: limits::CELLS }));
        let pool = AtomicU64::new(2_500);
        let mut d = Budget::drawing_on(&pool);
        (0..10).for_each(|_| d.take().unwrap());
        drop(d);
        assert_eq!(pool.load(Ordering::Relaxed), 2_490);
    }

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
