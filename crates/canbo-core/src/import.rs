//! The importer: files in, one merged [`Roster`] out, with everything it saw.
//!
//! bytes → [`crate::read`] → legacy text decoded, cells cleaned → [`crate::layout`] →
//! [`crate::roster`] people. A file that cannot be read is an [`ImportError`] beside the
//! others' roster; a sheet that is no roster is skipped and said so; a bad value is a warning.

use crate::error::{ImportError, SheetRejection};
use crate::field::Field;
use crate::layout::{self, Column, Layout, NotRoster, RowRole};
use crate::parallel::HALF_AT_LEAST;
use crate::read::{self, Cell, Format, Sheet};
/// Kept here too: `Source` lives with the roster it describes.
pub use crate::roster::Source;
use crate::roster::{self, Roster, Warning, WarningKind};
use crate::text::{self, legacy};
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A file to import: its name (for messages and origins) and its bytes.
#[derive(Debug, Clone)]
pub struct FileInput {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Corrections the user made in the import review.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Overrides {
    #[serde(default)]
    pub columns: Vec<ColumnChoice>,
    #[serde(default)]
    pub sheets: Vec<SheetChoice>,
    /// Spellings the user taught (`vocab::spellings`): they apply to every file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<crate::vocab::spellings::Spelling>,
}

/// "Column `col` of this sheet holds `field`" (`None`: nothing to read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnChoice {
    pub file: String,
    pub sheet: String,
    pub col: usize,
    pub field: Option<Field>,
}

/// "This sheet is (not) a roster."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetChoice {
    pub file: String,
    pub sheet: String,
    pub roster: bool,
}

/// The result of importing a set of files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Import {
    pub roster: Roster,
    /// What was seen in each file that could be read, in input order.
    pub files: Vec<FileReport>,
    /// Files that gave no roster.
    pub errors: Vec<ImportError>,
}

/// Some of one sheet's skipped rows, taken out of an import's review to be sent apart
/// ([`Import::take_skipped_rows`]): a province's review lists some 20,000 of them, which
/// read back at once would hold the page; in parts, the browser draws between two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkippedRowsPart {
    /// The file's place in [`Import::files`], and the sheet's in its `sheets`.
    pub file: u32,
    pub sheet: u32,
    pub rows: Vec<SkippedRow>,
}

impl Import {
    /// Whether a file needs the full reader (read with [`read::Readers::Own`]): the import
    /// must then be done again with every reader.
    pub fn needs_full_reader(&self) -> bool {
        (self.errors.iter()).any(|e| matches!(e, ImportError::NeedsFullReader { .. }))
    }

    /// Takes every sheet's skipped rows out of the review, in parts of at most `at_most`
    /// rows (at least one), in the review's order: put back in that order
    /// ([`Import::put_back`]), they give the review as it was.
    pub fn take_skipped_rows(&mut self, at_most: usize) -> Vec<SkippedRowsPart> {
        let at_most = at_most.max(1);
        let mut parts = Vec::new();
        for (file, report) in (0u32..).zip(&mut self.files) {
            for (sheet, s) in (0u32..).zip(&mut report.sheets) {
                let rows = std::mem::take(&mut s.skipped_rows);
                let mut rows = rows.into_iter().peekable();
                while rows.peek().is_some() {
                    parts.push(SkippedRowsPart {
                        file,
                        sheet,
                        rows: rows.by_ref().take(at_most).collect(),
                    });
                }
            }
        }
        parts
    }

    /// Puts a part of [`Import::take_skipped_rows`] back at the end of its sheet's skipped
    /// rows; `false` when the review has no such sheet (the part is then dropped).
    pub fn put_back(&mut self, part: SkippedRowsPart) -> bool {
        let sheet = (self.files.get_mut(part.file as usize))
            .and_then(|f| f.sheets.get_mut(part.sheet as usize));
        match sheet {
            Some(sheet) => {
                sheet.skipped_rows.extend(part.rows);
                true
            }
            None => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub file: String,
    pub format: Format,
    /// The code page a CSV or HTML file was read in (absent for the binary formats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_page: Option<read::CodePage>,
    pub sheets: Vec<SheetReport>,
}

/// How many files and sheets an import saw, and how many of the sheets it read as rosters
/// (the import review's overview line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadSummary {
    pub files: u32,
    pub sheets: u32,
    /// Sheets read as rosters; the others were skipped, each for a reason.
    pub rosters: u32,
}

impl ReadSummary {
    pub fn of(files: &[FileReport]) -> ReadSummary {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let sheets = files.iter().flat_map(|f| &f.sheets);
        ReadSummary {
            files: count(files.len()),
            sheets: count(sheets.clone().count()),
            rosters: count(sheets.filter(|s| s.skipped.is_none()).count()),
        }
    }
}

/// What the importer saw in one sheet (the import review and `canbo inspect`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetReport {
    pub sheet: String,
    /// `None` when the sheet is a roster.
    pub skipped: Option<NotRoster>,
    /// One-based header rows.
    pub header_rows: Vec<u32>,
    pub columns: Vec<ColumnReport>,
    pub units: Vec<String>,
    pub people: u32,
    pub skipped_rows: Vec<SkippedRow>,
    /// The legacy encoding the sheet's text was converted from (JSON: "TCVN3" or "VNI").
    pub encoding: Option<legacy::Legacy>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnReport {
    /// The column's letters ("H"); its zero-based index is `column.col` (one `col` key in
    /// JSON, so the report reads back).
    pub letter: String,
    #[serde(flatten)]
    pub column: Column,
}

impl ColumnReport {
    /// Whether the user chose this column's field in the review.
    pub fn by_user(&self) -> bool {
        self.column.reason == crate::layout::Reason::User
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkippedRow {
    /// One-based.
    pub row: u32,
    pub role: RowRole,
}

/// How far an import has come, for a progress bar: `done` of `total` files finished, and
/// what happens now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    /// The file being read now (`None` once all are read).
    pub file: Option<&'a str>,
    pub step: Step,
}

/// What the importer is doing with the current file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Unpacking the spreadsheet and reading its cells.
    Reading,
    /// Finding each sheet's header, columns and units.
    Layout,
    /// Reading the people of its roster sheets.
    People,
    /// All files read; checking the roster as a whole (duplicates).
    Finishing,
}

impl Step {
    /// What the step does, as the progress line says it after the file's name.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Step::Reading => lang.pick("đang mở", "opening"),
            Step::Layout => lang.pick(
                "đang tìm dòng tiêu đề và các cột",
                "finding the header rows and columns",
            ),
            Step::People => lang.pick("đang đọc từng người", "reading each person"),
            Step::Finishing => lang.pick("đang kiểm tra trùng lặp", "checking for duplicates"),
        }
    }
}

/// What an import is doing, as its progress line says it: the importer's own steps
/// ([`Progress`]) and those of a shell around it (the page sends the files to a worker,
/// gets the result back and draws the report). A value, not a text, so that it crosses to
/// the page as it is and is said in the language on screen when shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Activity {
    /// The files are on their way to the reader.
    Sending,
    /// A step of one file: `index` (zero-based) of `total` files, its name and size.
    File {
        index: usize,
        total: usize,
        name: String,
        bytes: u64,
        step: Step,
    },
    /// Every file read: the roster is checked as a whole (duplicates).
    Checking,
    /// `people` people read; the result is on its way back.
    Returning { people: u32 },
    /// The report is being drawn.
    Drawing,
}

impl Activity {
    /// The activity of the importer's `progress`; `bytes`: the size of the file it names.
    pub fn of(progress: &Progress, bytes: u64) -> Activity {
        match (progress.file, progress.step) {
            (None, _) | (_, Step::Finishing) => Activity::Checking,
            (Some(name), step) => Activity::File {
                index: progress.done,
                total: progress.total,
                name: name.to_string(),
                bytes,
                step,
            },
        }
    }

    /// The progress line in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::{megabytes, number, Lang};
        match self {
            Activity::Sending => lang
                .pick(
                    "Đang gửi tệp cho bộ đọc…",
                    "Sending the files to the reader…",
                )
                .into(),
            Activity::File {
                index,
                total,
                name,
                bytes,
                step,
            } => {
                let doing = match step {
                    Step::Reading => format!("{} ({})", step.label(lang), megabytes(*bytes, lang)),
                    _ => step.label(lang).to_string(),
                };
                match (lang, *total > 1) {
                    (Lang::Vi, true) => format!("Tệp {}/{total} «{name}»: {doing}…", index + 1),
                    (Lang::En, true) => format!("File {}/{total} «{name}»: {doing}…", index + 1),
                    (_, false) => format!("«{name}»: {doing}…"),
                }
            }
            Activity::Checking => lang
                .pick("Đang kiểm tra trùng lặp…", "Checking for duplicates…")
                .into(),
            Activity::Returning { people } => match lang {
                Lang::Vi => format!("Đã đọc {} người, đang gửi kết quả…", number(*people, lang)),
                Lang::En => format!("{} people read, sending the result…", number(*people, lang)),
            },
            Activity::Drawing => lang
                .pick("Đang dựng báo cáo…", "Drawing the report…")
                .into(),
        }
    }
}

/// Import files into one roster.
pub fn import(files: &[FileInput], overrides: &Overrides) -> Import {
    import_with_progress(files, overrides, &mut |_| {})
}

/// [`import`], telling `progress` before each step of each file.
pub fn import_with_progress(
    files: &[FileInput],
    overrides: &Overrides,
    progress: &mut dyn FnMut(Progress),
) -> Import {
    import_with_readers(files, overrides, read::Readers::All, progress)
}

/// [`import_with_progress`] by the `readers` allowed: with [`read::Readers::Own`], a file
/// only the full reader reads is [`ImportError::NeedsFullReader`] ([`Import::needs_full_reader`]).
pub fn import_with_readers(
    files: &[FileInput],
    overrides: &Overrides,
    readers: read::Readers,
    progress: &mut dyn FnMut(Progress),
) -> Import {
    let mut out = Import::default();
    // A file only the full reader reads sends the whole import to it before any is read.
    if !readers.full() {
        out.errors = (files.iter())
            .filter(|input| read::needs_full_reader(&input.bytes))
            .map(|input| ImportError::NeedsFullReader {
                file: input.name.clone(),
            })
            .collect();
        if !out.errors.is_empty() {
            return out;
        }
    }
    let total = files.len();
    let spellings = crate::vocab::spellings::Spellings::new(&overrides.spellings);
    // Natively, files are read at once on the cores there are; the parts are then put
    // together in the files' order, so the roster is the same as read one by one. `done`
    // counts the files finished, whatever their order.
    let mut finished = 0;
    // With the own readers, a sheet one declines sends the whole import to the full reader:
    // a file not begun by then is not read (in the page's worker, where the files are read
    // one after the other, none after it).
    let declined = std::sync::atomic::AtomicBool::new(false);
    let parts = crate::parallel::in_order(
        files.iter().collect(),
        |input, tell| {
            if declined.load(std::sync::atomic::Ordering::Relaxed) {
                tell(None);
                return Err(ImportError::NeedsFullReader {
                    file: input.name.clone(),
                });
            }
            let parts = import_file(input, overrides, &spellings, readers, &mut |step| {
                tell(Some((input.name.as_str(), step)))
            });
            if let Err(ImportError::NeedsFullReader { .. }) = parts {
                declined.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            tell(None);
            parts
        },
        |heard| match heard {
            Some((file, step)) => progress(Progress {
                done: finished,
                total,
                file: Some(file),
                step,
            }),
            None => finished += 1,
        },
    );
    for parts in parts {
        match parts {
            Ok((report, people, warnings, columns)) => {
                append(&mut out.roster.people, people);
                append(&mut out.roster.warnings, warnings);
                for f in columns {
                    out.roster.columns.add(f);
                }
                for s in report.sheets.iter().filter(|s| s.skipped.is_none()) {
                    out.roster.sources.push(Source {
                        file: report.file.clone(),
                        sheet: s.sheet.clone(),
                        header_rows: s.header_rows.clone(),
                        people: s.people,
                        skipped_rows: s.skipped_rows.len() as u32,
                    });
                }
                out.files.push(report);
            }
            Err(e) => out.errors.push(e),
        }
    }
    progress(Progress {
        done: total,
        total,
        file: None,
        step: Step::Finishing,
    });
    finish(&mut out.roster);
    out
}

/// The roster of files added to a roster already read (a later pick, «Thêm tệp»): one roster,
/// as if the files had been imported together.
pub fn add(roster: &mut Roster, mut more: Roster) {
    roster.people.append(&mut more.people);
    roster.warnings.append(&mut more.warnings);
    roster.sources.append(&mut more.sources);
    for f in more.columns.0.drain(..) {
        roster.columns.add(f);
    }
    finish(roster);
}

/// What needs the whole roster: with several files, a file with no other unit information
/// is its own unit (its name as typed); one unit's spellings meet; duplicates are warned of.
fn finish(roster: &mut Roster) {
    let mut files = foldhash::HashSet::default();
    let several = roster
        .people
        .iter()
        .any(|p| files.insert(p.origin.file.as_str()) && files.len() > 1);
    if several {
        for p in roster.people.iter_mut().filter(|p| p.unit.is_empty()) {
            p.unit = stem(&p.origin.file);
        }
    }
    settle_units(roster);
    warn_duplicates(roster, HALF_AT_LEAST);
}

type FileParts = (FileReport, Vec<roster::Person>, Vec<Warning>, Vec<Field>);

fn import_file(
    input: &FileInput,
    overrides: &Overrides,
    spellings: &crate::vocab::spellings::Spellings,
    readers: read::Readers,
    step: &mut dyn FnMut(Step),
) -> Result<FileParts, ImportError> {
    step(Step::Reading);
    let workbook = read::read_with(&input.name, &input.bytes, readers)?;
    step(Step::Layout);
    let file = &input.name;
    // Natively a workbook's sheets (a province's districts) are cleaned and laid out at
    // once, then their people read at once; each sheet alone, as one after the other.
    let found = crate::parallel::in_order(
        workbook.sheets,
        |mut sheet, _: &dyn Fn(())| {
            let encoding = normalise(&mut sheet, HALF_AT_LEAST);
            let layout = sheet_layout(file, &sheet, overrides);
            (sheet, layout, encoding)
        },
        |()| {},
    );
    let roster_sheets = found.iter().filter(|(_, l, _)| l.is_ok()).count();
    step(Step::People);
    let read = crate::parallel::in_order(
        found,
        |(mut sheet, found, encoding), _: &dyn Fn(())| {
            let found = found.map(|layout| {
                let sheet_unit = sheet_unit(file, &sheet, &layout, roster_sheets);
                let read = roster::people(file, &mut sheet, &layout, &sheet_unit, spellings);
                (layout, read)
            });
            (sheet, found, encoding)
        },
        |()| {},
    );

    let mut report = FileReport {
        file: file.clone(),
        format: workbook.format,
        code_page: workbook.code_page,
        sheets: Vec::new(),
    };
    let mut people = Vec::new();
    let mut warnings = Vec::new();
    let mut columns = Vec::new();
    for (sheet, found, encoding) in read {
        let mut sr = SheetReport {
            sheet: sheet.name.clone(),
            skipped: None,
            header_rows: Vec::new(),
            columns: Vec::new(),
            units: Vec::new(),
            people: 0,
            skipped_rows: Vec::new(),
            encoding,
        };
        match found {
            Err(reason) => sr.skipped = Some(reason),
            Ok((layout, (ps, ws))) => {
                if let Some(e) = encoding {
                    warnings.push(Warning::new(
                        file,
                        &sheet.name,
                        String::new(),
                        WarningKind::LegacyText { encoding: e },
                    ));
                }
                warnings.extend(ws);
                sr.header_rows = layout.header_rows.iter().map(|r| *r as u32 + 1).collect();
                sr.people = ps.len() as u32;
                let mut seen = foldhash::HashSet::default();
                for p in &ps {
                    if seen.insert(p.unit.as_str()) {
                        sr.units.push(p.unit.clone());
                    }
                }
                sr.skipped_rows = layout
                    .rows
                    .iter()
                    .filter(|(_, role)| !matches!(role, RowRole::Person | RowRole::Blank))
                    .map(|(r, role)| SkippedRow {
                        row: *r as u32 + 1,
                        role: role.clone(),
                    })
                    .collect();
                for c in &layout.columns {
                    if let Some(f) = c.field {
                        columns.push(f);
                    }
                }
                sr.columns = layout
                    .columns
                    .into_iter()
                    .map(|c| ColumnReport {
                        letter: read::col_name(c.col),
                        column: c,
                    })
                    .collect();
                append(&mut people, ps);
            }
        }
        report.sheets.push(sr);
    }
    if people.is_empty() {
        let sheets = report
            .sheets
            .iter()
            .map(|s| SheetRejection {
                sheet: s.sheet.clone(),
                reason: s.skipped.clone().unwrap_or(NotRoster::Other),
            })
            .collect();
        return Err(ImportError::NoRoster {
            file: file.clone(),
            sheets,
        });
    }
    for s in report.sheets.iter().filter(|s| {
        s.skipped.is_some() && !s.skipped.as_ref().is_some_and(|r| *r == NotRoster::Empty)
    }) {
        let reason = s.skipped.clone().unwrap_or(NotRoster::Other);
        warnings.push(Warning::new(
            file,
            &s.sheet,
            String::new(),
            WarningKind::SheetSkipped { reason },
        ));
    }
    Ok((report, people, warnings, columns))
}

/// Where a sheet's roster lies, or why it holds none (the user's choices first).
fn sheet_layout(file: &str, sheet: &Sheet, overrides: &Overrides) -> Result<Layout, NotRoster> {
    let choice = (overrides.sheets.iter()).find(|c| c.file == file && c.sheet == sheet.name);
    if choice.is_some_and(|c| !c.roster) {
        return Err(NotRoster::ByUser);
    }
    let cols: Vec<layout::ColumnOverride> = (overrides.columns.iter())
        .filter(|c| c.file == file && c.sheet == sheet.name)
        .map(|c| (c.col, c.field))
        .collect();
    match layout::detect(sheet, &cols) {
        Ok(_) if sheet.hidden && choice.is_none() => Err(NotRoster::Hidden),
        other => other,
    }
}

/// Text cells read to decide whether a sheet is in a legacy encoding.
const LEGACY_SAMPLE: usize = 5_000;

/// Decode legacy text (TCVN3, VNI) and clean every text cell of a sheet.
fn normalise(sheet: &mut Sheet, half_at_least: usize) -> Option<legacy::Legacy> {
    // A sample decides: a legacy font is a choice made for the whole sheet.
    let sample = sheet
        .rows
        .iter()
        .flatten()
        .filter_map(Cell::as_text)
        .take(LEGACY_SAMPLE);
    let encoding = legacy::detect(sample);
    // Natively a province's rows in two halves at once (each half cleans the texts it has).
    if sheet.rows.len() / 2 >= half_at_least {
        let half = sheet.rows.len() / 2;
        let (front, back) = sheet.rows.split_at_mut(half);
        crate::parallel::both(
            || clean_texts(front, encoding),
            || clean_texts(back, encoding),
        );
    } else {
        clean_texts(&mut sheet.rows, encoding);
    }
    if let Some(e) = encoding {
        if !sheet.name.is_ascii() {
            sheet.name = text::clean(&legacy::decode(&sheet.name, e));
        }
    }
    encoding
}

/// Every text cell of `rows` decoded from `encoding` and cleaned ([`text::clean_shared`]).
fn clean_texts(rows: &mut [Vec<Cell>], encoding: Option<legacy::Legacy>) {
    // Each text once, however many cells share it (`read::Cell::Text`): the text, kept here so
    // that no other is made where it was, and what it reads as.
    let mut read: HashMap<*const u8, (Arc<str>, Arc<str>)> = HashMap::new();
    for cell in rows.iter_mut().flatten() {
        if let Cell::Text(t) = cell {
            let (_, clean) = read.entry(t.as_ptr()).or_insert_with(|| {
                let mut clean = match encoding {
                    Some(e) => legacy::decode(t, e).into(),
                    None => t.clone(),
                };
                text::clean_shared(&mut clean);
                (t.clone(), clean)
            });
            // A clean text (most are) stays as it is: its count is not touched, which the
            // other half, counting the same shared texts on the other core, would wait for.
            if !Arc::ptr_eq(t, clean) {
                *t = clean.clone();
            }
        }
    }
}

/// The unit a sheet stands for when no unit column or group row names one, as the roster
/// names it: a title row above the header ("DANH SÁCH … XÃ CHIỀNG SƠ"), else the sheet's
/// name when it is a place («Chiềng Sơ», «Xã Na Son») or one of several roster sheets, else
/// the file's name when it names a commune. Otherwise blank: with several files, the file's
/// name as typed is the last resort (`import_with_progress`).
fn sheet_unit(file: &str, sheet: &Sheet, layout: &Layout, roster_sheets: usize) -> String {
    use crate::vocab::units::{is_place_name, named_in, names_commune};
    let above = layout.header_rows.first().copied().unwrap_or(0);
    let title = sheet
        .rows
        .iter()
        .take(above)
        .flatten()
        .filter_map(Cell::as_text)
        .find_map(named_in);
    if let Some(unit) = title {
        return unit;
    }
    let name = text::clean(&sheet.name);
    if names_commune(&name) || is_place_name(&name) || roster_sheets > 1 {
        text::unit_case(&name)
    } else if names_commune(&stem(file)) {
        text::unit_case(&text::clean(&stem(file)))
    } else {
        String::new()
    }
}

/// One unit written several ways ("Xã Chiềng Sơ", "CHIỀNG SƠ", "chieng so") is one unit: every
/// person of it gets its fullest spelling (see [`fuller`]).
fn settle_units(roster: &mut Roster) {
    // Each spelling once, in the order first met (of two as full, the first is kept).
    let mut met = foldhash::HashSet::default();
    let spellings: Vec<(&str, String)> = (roster.people.iter())
        .map(|p| p.unit.as_str())
        .filter(|u| met.insert(*u))
        .map(|u| (u, roster::unit_key(u)))
        .collect();
    let mut best: HashMap<&str, &str> = HashMap::new();
    for (spelling, key) in &spellings {
        match best.get(key.as_str()) {
            Some(b) if !fuller(spelling, b) => {}
            _ => {
                best.insert(key, spelling);
            }
        }
    }
    // Only the spellings that are not their unit's fullest are written anew.
    let renamed: HashMap<String, String> = (spellings.iter())
        .filter_map(|(s, key)| {
            let fullest = best.get(key.as_str()).copied().unwrap_or(s);
            (fullest != *s).then(|| (s.to_string(), fullest.to_string()))
        })
        .collect();
    if renamed.is_empty() {
        return;
    }
    for p in &mut roster.people {
        if let Some(name) = renamed.get(p.unit.as_str()) {
            p.unit = name.clone();
        }
    }
}

/// Whether spelling `a` of a unit is fuller than `b`: it says its kind ("Xã …"), then it has
/// more letters with diacritics, then it is not all capitals, then it is longer.
fn fuller(a: &str, b: &str) -> bool {
    let rank = |s: &str| {
        (
            crate::vocab::units::names_unit(s),
            s.chars().filter(|c| !c.is_ascii()).count(),
            s.chars().any(char::is_lowercase),
            s.chars().count(),
        )
    };
    rank(a) > rank(b)
}

fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(s, _)| s).to_string()
}

/// The same name (ignoring case) and birth date twice is probably one person listed twice.
fn warn_duplicates(roster: &mut Roster, half_at_least: usize) {
    roster
        .warnings
        .retain(|w| !matches!(w.kind, WarningKind::Duplicate { .. }));
    // Each person's name (lower case, without a copy) and birth hashed, the hashes sorted,
    // and only people alike in hash compared: no map of 250,000 names.
    // Cells are already clean (NFC), so lower case is enough to meet "LÒ VĂN A" and "Lò Văn A".
    fn lower(name: &str) -> impl Iterator<Item = char> + '_ {
        name.chars().flat_map(char::to_lowercase)
    }
    let hash = |people: &[roster::Person], first: usize| -> Vec<(u64, usize)> {
        let mut hashed: Vec<(u64, usize)> = (people.iter().enumerate())
            .filter_map(|(i, p)| {
                let birth = p.birth?;
                let mut h =
                    std::hash::BuildHasher::build_hasher(&foldhash::fast::FixedState::default());
                lower(&p.name).for_each(|c| std::hash::Hasher::write_u32(&mut h, c as u32));
                std::hash::Hash::hash(&birth, &mut h);
                Some((std::hash::Hasher::finish(&h), first + i))
            })
            .collect();
        hashed.sort_unstable();
        hashed
    };
    // Natively a province's two halves hashed and sorted at once, then merged.
    let people = &roster.people;
    let hashed = if people.len() / 2 >= half_at_least {
        let half = people.len() / 2;
        let (mut front, back) =
            crate::parallel::both(|| hash(&people[..half], 0), || hash(&people[half..], half));
        front.extend(back);
        // Two sorted runs: the sort merges them.
        front.sort();
        front
    } else {
        hash(people, 0)
    };
    let alike = |a: usize, b: usize| {
        let (a, b) = (&roster.people[a], &roster.people[b]);
        a.birth == b.birth && lower(&a.name).eq(lower(&b.name))
    };
    // (first listed, listed again), in the order the second is listed.
    let mut found = Vec::new();
    for same_hash in hashed.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        for (k, &(_, i)) in same_hash.iter().enumerate() {
            if let Some(&(_, first)) = same_hash[..k].iter().find(|&&(_, f)| alike(f, i)) {
                found.push((first, i));
            }
        }
    }
    found.sort_unstable_by_key(|&(_, i)| i);
    for (first, i) in found {
        let (a, b) = (&roster.people[first], &roster.people[i]);
        let place = format!("{} › {} › {}", a.origin.file, a.origin.sheet, a.origin.row);
        roster.warnings.push(Warning::new(
            &b.origin.file,
            &b.origin.sheet,
            format!("A{}", b.origin.row),
            WarningKind::Duplicate {
                name: b.name.clone(),
                first: place,
            },
        ));
    }
}

/// `more` after `to`'s items; taken whole when `to` is empty (one sheet, one file: most
/// imports), where appending would copy every person into new memory.
fn append<T>(to: &mut Vec<T>, mut more: Vec<T>) {
    if to.is_empty() {
        *to = more;
    } else {
        to.append(&mut more);
    }
}

#[cfg(test)]
mod progress_tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_progress_line_names_the_file_its_size_and_step_in_either_language() {
        let reading = Progress {
            done: 0,
            total: 2,
            file: Some("xa-a.xlsx"),
            step: Step::Reading,
        };
        let a = Activity::of(&reading, 1_500_000);
        assert_eq!(
            a.message(Lang::Vi),
            "Tệp 1/2 «xa-a.xlsx»: đang mở (1,5 MB)…"
        );
        assert_eq!(
            a.message(Lang::En),
            "File 1/2 «xa-a.xlsx»: opening (1.5 MB)…"
        );
        let alone = Activity::of(
            &Progress {
                total: 1,
                step: Step::People,
                ..reading
            },
            0,
        );
        assert_eq!(alone.message(Lang::Vi), "«xa-a.xlsx»: đang đọc từng người…");
        assert_eq!(alone.message(Lang::En), "«xa-a.xlsx»: reading each person…");
        let done = Progress {
            done: 2,
            total: 2,
            file: None,
            step: Step::Finishing,
        };
        assert_eq!(Activity::of(&done, 0), Activity::Checking);
        assert_eq!(
            Activity::Returning { people: 12_345 }.message(Lang::Vi),
            "Đã đọc 12.345 người, đang gửi kết quả…"
        );
        assert_eq!(
            Activity::Returning { people: 12_345 }.message(Lang::En),
            "12,345 people read, sending the result…"
        );
        // Every activity in both languages: none empty, no Vietnamese letter in English.
        let all = [
            Activity::Sending,
            a.clone(),
            Activity::of(
                &Progress {
                    step: Step::Layout,
                    ..reading
                },
                1,
            ),
            Activity::Checking,
            Activity::Returning { people: 1 },
            Activity::Drawing,
        ];
        for activity in &all {
            assert!(!activity.message(Lang::Vi).is_empty());
            let en = activity.message(Lang::En);
            assert!(
                en.chars().all(|c| c.is_ascii() || "«»…".contains(c)),
                "{en}"
            );
            // It crosses from the worker to the page as JSON.
            let json = serde_json::to_string(activity).unwrap();
            assert_eq!(&serde_json::from_str::<Activity>(&json).unwrap(), activity);
        }
    }

    /// A sheet's review with nothing in it but its name.
    pub(super) fn sheet_named(name: &str) -> SheetReport {
        SheetReport {
            sheet: name.into(),
            skipped: None,
            header_rows: Vec::new(),
            columns: Vec::new(),
            units: Vec::new(),
            people: 0,
            skipped_rows: Vec::new(),
            encoding: None,
        }
    }

    /// An xlsx file's review of `sheets`.
    pub(super) fn xlsx_file(name: &str, sheets: Vec<SheetReport>) -> FileReport {
        FileReport {
            file: name.into(),
            format: Format::Xlsx,
            code_page: None,
            sheets,
        }
    }

    #[test]
    fn the_summary_counts_files_sheets_and_the_sheets_read() {
        let sheet = |name: &str, skipped: Option<NotRoster>| SheetReport {
            skipped,
            ..sheet_named(name)
        };
        let file = xlsx_file;
        let files = [
            file(
                "a.xlsx",
                vec![
                    sheet("DS", None),
                    sheet("Ghi chú", Some(NotRoster::NoHeader)),
                ],
            ),
            file(
                "b.xlsx",
                vec![sheet("Sheet1", None), sheet("Ẩn", Some(NotRoster::Hidden))],
            ),
            file("c.xlsx", vec![sheet("Trống", Some(NotRoster::Empty))]),
        ];
        assert_eq!(
            ReadSummary::of(&files),
            ReadSummary {
                files: 3,
                sheets: 5,
                rosters: 2
            }
        );
        assert_eq!(ReadSummary::of(&[]), ReadSummary::default());
    }

    #[test]
    fn progress_names_each_file_and_step_then_finishes() {
        let files = [
            FileInput {
                name: "xa-a.csv".into(),
                bytes: "Họ và tên,Giới tính\nA,Nữ\n".into(),
            },
            FileInput {
                name: "hong.xlsx".into(),
                bytes: b"PK\x03\x04 a broken workbook".to_vec(),
            },
        ];
        let mut seen = Vec::new();
        let out = import_with_progress(&files, &Overrides::default(), &mut |p| {
            seen.push((p.done, p.total, p.file.map(str::to_string), p.step))
        });
        assert_eq!(out.roster.people.len(), 1);
        assert_eq!(out.errors.len(), 1);
        // Natively the two files are read at once: each file's steps come in order, the
        // count of files done never goes back, and the import ends with both done.
        let steps = |file: &str| -> Vec<Step> {
            (seen.iter())
                .filter(|s| s.2.as_deref() == Some(file))
                .map(|s| s.3)
                .collect()
        };
        assert_eq!(
            steps("xa-a.csv"),
            [Step::Reading, Step::Layout, Step::People]
        );
        assert_eq!(steps("hong.xlsx"), [Step::Reading]);
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
        assert!(seen.iter().all(|s| s.1 == 2 && s.0 < 2 || s.2.is_none()));
        assert_eq!(seen.len(), 5);
        assert_eq!(seen.last(), Some(&(2, 2, None, Step::Finishing)));
    }
}

#[cfg(test)]
mod at_once_tests {
    use super::*;

    /// Natively the sample rosters are read at once, yet the import puts them together in
    /// the order they were given: their reviews in that order, and each file's people, in
    /// its own order, as that file read alone gives them.
    #[test]
    fn files_read_at_once_come_together_in_the_order_given() {
        let names = crate::test_samples::names();
        assert!(names.len() > 2, "{names:?}");
        // Given backwards, so the order is not the one the names happen to sort in.
        let files: Vec<FileInput> = (names.iter().rev())
            .map(|n| crate::test_samples::input(n))
            .collect();
        let together = import(&files, &Overrides::default());
        assert!(together.errors.is_empty(), "{:?}", together.errors);
        let reviewed: Vec<&str> = together.files.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(
            reviewed,
            names.iter().rev().map(String::as_str).collect::<Vec<_>>()
        );
        let mut at = 0;
        for name in names.iter().rev() {
            let alone = crate::test_samples::roster(name);
            let here = &together.roster.people[at..at + alone.people.len()];
            let who = |p: &roster::Person| (p.origin.clone(), p.name.clone(), p.birth);
            assert_eq!(
                here.iter().map(who).collect::<Vec<_>>(),
                alone.people.iter().map(who).collect::<Vec<_>>(),
                "{name}"
            );
            at += alone.people.len();
        }
        assert_eq!(at, together.roster.people.len());
        assert_eq!(import(&files, &Overrides::default()), together);
    }
}

#[cfg(test)]
mod skipped_rows_tests {
    use super::*;

    /// A review with three sheets' skipped rows (one sheet without any, one in two files).
    fn review() -> Import {
        let rows = |n: u32, role: RowRole| -> Vec<SkippedRow> {
            (1..=n)
                .map(|row| SkippedRow {
                    row,
                    role: role.clone(),
                })
                .collect()
        };
        let sheet = |name: &str, skipped_rows| SheetReport {
            header_rows: vec![1],
            units: vec!["Xã Na Sơn".into()],
            people: 3,
            skipped_rows,
            ..progress_tests::sheet_named(name)
        };
        let file = progress_tests::xlsx_file;
        let unit = RowRole::UnitGroup {
            unit: "Xã Số 1".into(),
        };
        Import {
            files: vec![
                file(
                    "a.xlsx",
                    vec![sheet("DS", rows(7, unit)), sheet("Trống", Vec::new())],
                ),
                file("b.xlsx", vec![sheet("DS", rows(4, RowRole::Total))]),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn the_skipped_rows_taken_in_parts_and_put_back_give_the_review_again() {
        for at_most in [0, 1, 2, 3, 4, 7, 100] {
            let whole = review();
            let mut sent = whole.clone();
            let parts = sent.take_skipped_rows(at_most);
            let cap = at_most.max(1);
            assert!(parts
                .iter()
                .all(|p| !p.rows.is_empty() && p.rows.len() <= cap));
            assert_eq!(parts.len(), 7usize.div_ceil(cap) + 4usize.div_ceil(cap));
            assert!((sent.files.iter().flat_map(|f| &f.sheets)).all(|s| s.skipped_rows.is_empty()));
            // They cross as JSON, each on its own.
            for part in parts {
                let json = serde_json::to_vec(&part).unwrap();
                assert!(sent.put_back(serde_json::from_slice(&json).unwrap()));
            }
            assert_eq!(sent, whole, "at most {at_most}");
        }
        let mut other = Import::default();
        let part = review().take_skipped_rows(5).remove(0);
        assert!(!other.put_back(part));
        assert_eq!(other, Import::default());
    }
}

#[cfg(test)]
mod duplicate_tests {
    use super::*;
    use crate::date::{Date, PartialDate};

    /// What [`warn_duplicates`] finds, as (name, first place) per warning, in order; the
    /// same whether the people are hashed in two halves at once (as a province's) or not.
    fn found(people: Vec<roster::Person>) -> Vec<(String, String)> {
        let mut roster = Roster {
            people,
            ..Roster::default()
        };
        let mut halves = roster.clone();
        warn_duplicates(&mut roster, usize::MAX);
        warn_duplicates(&mut halves, 1);
        assert_eq!(halves.warnings, roster.warnings, "in halves");
        (roster.warnings.iter())
            .filter_map(|w| match &w.kind {
                WarningKind::Duplicate { name, first } => {
                    Some((format!("{} {name}", w.cell), first.clone()))
                }
                _ => None,
            })
            .collect()
    }

    /// The same as a map from (name in lower case, birth) to its first place would find.
    fn by_map(people: &[roster::Person]) -> Vec<(usize, usize)> {
        let mut seen = std::collections::HashMap::new();
        let mut out = Vec::new();
        for (i, p) in people.iter().enumerate() {
            let Some(birth) = p.birth else { continue };
            match seen.entry((p.name.to_lowercase(), birth)) {
                std::collections::hash_map::Entry::Occupied(first) => out.push((*first.get(), i)),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
            }
        }
        out
    }

    fn person(name: &str, birth: Option<PartialDate>, row: u32) -> roster::Person {
        let mut p = roster::Person::blank(name, "Xã A");
        p.birth = birth;
        p.origin.row = row;
        p
    }

    #[test]
    fn a_name_and_birth_listed_again_are_warned_about_whatever_the_case() {
        let born = Some(PartialDate::Full(Date::new(1985, 5, 12).expect("date")));
        let people = vec![
            person("Lò Văn A", born, 2),
            person("LÒ VĂN A", born, 3),
            person("Lò Văn A", Some(PartialDate::Year(1985)), 4),
            person("Lò Văn B", born, 5),
            person("lò văn a", born, 6),
            person("Lò Văn A", None, 7),
        ];
        let first = "a.xlsx › Sheet1 › 2";
        assert_eq!(
            found(people),
            [
                ("A3 LÒ VĂN A".to_string(), first.to_string()),
                ("A6 lò văn a".to_string(), first.to_string()),
            ]
        );
    }

    /// Many people alike in name or birth, some twice or more: the warnings are those a map
    /// of every (name, birth) gives, in the same order.
    #[test]
    fn duplicates_are_found_as_a_map_of_every_name_and_birth_finds_them() {
        let names = [
            "Lò Văn A",
            "LÒ VĂN A",
            "Lò Thị Ánh",
            "Đặng Văn Ê",
            "ĐẶNG VĂN Ê",
            "An",
        ];
        let mut people = Vec::new();
        for i in 0..3000u32 {
            let name = names[(i as usize * 7 + i as usize / 11) % names.len()];
            let birth = match i % 5 {
                0 => None,
                1 => Some(PartialDate::Year(1980 + (i % 3) as i32)),
                _ => Date::new(1980 + (i % 4) as i32, 1 + i % 2, 1).map(PartialDate::Full),
            };
            people.push(person(name, birth, i + 2));
        }
        let expected: Vec<(String, String)> = by_map(&people)
            .into_iter()
            .map(|(first, i)| {
                let (a, b) = (&people[first], &people[i]);
                (
                    format!("A{} {}", b.origin.row, b.name),
                    format!("{} › {} › {}", a.origin.file, a.origin.sheet, a.origin.row),
                )
            })
            .collect();
        assert!(expected.len() > 2000, "{}", expected.len());
        assert_eq!(found(people), expected);
    }
}

#[cfg(test)]
mod runs_tests {
    use super::*;

    /// A sheet's people built in runs of rows (natively on both cores) are those built in
    /// one run, in the same order, with the same warnings in the same order, whatever the
    /// runs: on every sample roster and independent roster, where group rows give units and
    /// categories that cross the runs' borders.
    #[test]
    fn people_built_in_runs_are_those_built_in_one() {
        let inputs = crate::test_samples::with_independent();
        let spellings = crate::vocab::spellings::Spellings::new(&[]);
        let mut sheets_read = 0;
        let mut people_read = 0;
        for input in &inputs {
            let Ok(workbook) = read::read(&input.name, &input.bytes) else {
                continue;
            };
            let roster_sheets = workbook.sheets.len();
            for mut sheet in workbook.sheets {
                normalise(&mut sheet, HALF_AT_LEAST);
                let Ok(layout) = sheet_layout(&input.name, &sheet, &Overrides::default()) else {
                    continue;
                };
                let unit = sheet_unit(&input.name, &sheet, &layout, roster_sheets);
                let in_runs = |runs| {
                    let mut sheet = sheet.clone();
                    roster::build::people_in_runs(
                        &input.name,
                        &mut sheet,
                        &layout,
                        &unit,
                        &spellings,
                        runs,
                    )
                };
                let one = in_runs(1);
                for runs in [2, 3, 7, 50, one.0.len() + 1] {
                    let (people, warnings) = in_runs(runs);
                    assert!(
                        people == one.0,
                        "{} / {}: people in {runs} runs",
                        input.name,
                        sheet.name
                    );
                    assert_eq!(warnings, one.1, "{} / {}", input.name, sheet.name);
                }
                sheets_read += 1;
                people_read += one.0.len();
            }
        }
        assert!(
            sheets_read > 20 && people_read > 5_000,
            "{sheets_read} sheets, {people_read} people"
        );
    }
}

#[cfg(test)]
mod halves_tests {
    use super::*;

    /// Every sheet of every sample and independent roster (legacy code pages among them)
    /// cleaned in two halves at once, as a province's is, holds the same cells as cleaned
    /// whole, and is read as the same encoding.
    #[test]
    fn a_sheet_cleaned_in_halves_is_the_sheet_cleaned_whole() {
        let mut sheets = 0;
        let mut legacy = 0;
        for input in &crate::test_samples::with_independent() {
            let Ok(workbook) = read::read(&input.name, &input.bytes) else {
                continue;
            };
            for sheet in workbook.sheets {
                let (mut whole, mut halves) = (sheet.clone(), sheet);
                let encoding = normalise(&mut whole, usize::MAX);
                assert_eq!(normalise(&mut halves, 1), encoding, "{}", input.name);
                assert!(whole.rows == halves.rows, "{} / {}", input.name, whole.name);
                assert_eq!(whole.name, halves.name);
                sheets += 1;
                legacy += usize::from(encoding.is_some());
            }
        }
        assert!(
            sheets > 20 && legacy > 0,
            "{sheets} sheets, {legacy} in a legacy code"
        );
    }
}

#[cfg(test)]
mod readers_tests {
    use super::*;

    /// Every sample and independent roster imported with Canbo's own readers alone (what the
    /// page's import worker reads with) gives the import every reader gives, byte for byte
    /// as JSON, or asks for the full reader; it asks for it exactly for the files that need
    /// it (xls, ods, text in a single-byte code page), and never for an xlsx or UTF-8 text.
    #[test]
    fn the_own_readers_give_the_same_import_or_ask_for_the_full_reader() {
        let inputs = crate::test_samples::with_independent();
        let overrides = Overrides::default();
        let (mut own, mut full) = (0, 0);
        for input in &inputs {
            let files = std::slice::from_ref(input);
            let all = import(files, &overrides);
            let by_own = import_with_readers(files, &overrides, read::Readers::Own, &mut |_| {});
            let name = &input.name;
            let text = std::str::from_utf8(&input.bytes).is_ok()
                || input.bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
            let needs_full = name.ends_with(".xls")
                || name.ends_with(".ods")
                || (name.ends_with(".csv") && !text);
            assert_eq!(by_own.needs_full_reader(), needs_full, "{name}");
            // Told by the file's kind alone, before it is read; and by the reading itself.
            assert_eq!(read::needs_full_reader(&input.bytes), needs_full, "{name}");
            // And by its bytes without a zip reader (what the page asks).
            assert_eq!(
                read::kind_needs_full_reader(&input.bytes),
                needs_full,
                "{name}"
            );
            let read = read::read_with(name, &input.bytes, read::Readers::Own);
            let refused = matches!(read, Err(ImportError::NeedsFullReader { .. }));
            assert_eq!(refused, needs_full, "{name}");
            if needs_full {
                assert!(by_own.roster.people.is_empty(), "{name}");
                assert!(!all.needs_full_reader(), "{name}");
                full += 1;
            } else {
                assert_eq!(
                    serde_json::to_string(&by_own).unwrap(),
                    serde_json::to_string(&all).unwrap(),
                    "{name}"
                );
                own += 1;
            }
        }
        assert!(
            own >= 30 && full >= 8,
            "{own} by the own readers, {full} by the full"
        );

        // Several files at once: the full reader is asked for if any one needs it, before
        // the others are read.
        let xlsx = inputs.iter().find(|i| i.name.ends_with(".xlsx")).unwrap();
        let xls = inputs.iter().find(|i| i.name.ends_with(".xls")).unwrap();
        let both = [xlsx.clone(), xls.clone()];
        let by_own = import_with_readers(&both, &overrides, read::Readers::Own, &mut |_| {});
        assert!(by_own.needs_full_reader());
        assert_eq!(by_own.errors.len(), 1);
        assert!(by_own.files.is_empty(), "the xlsx was read first");
    }

    /// An xlsx with a sheet the own reader declines (found only by reading it) sends the
    /// import to the full reader, and the files not begun by then are not read with the own
    /// readers: one after the other (the page's worker), none after it.
    #[test]
    fn a_declined_sheet_stops_the_import_before_the_files_after_it() {
        let declined = FileInput {
            name: "khong-doc-duoc.xlsx".into(),
            bytes: crate::read::xlsx_cells::tests::workbook_with(
                r#"<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[Họ và tên]]></t></is></c></row>"#,
                "",
            ),
        };
        assert!(
            !read::needs_full_reader(&declined.bytes),
            "told only by reading it"
        );
        let inputs = crate::test_samples::with_independent();
        let xlsx = inputs.iter().find(|i| i.name.ends_with(".xlsx")).unwrap();
        let files: Vec<FileInput> = std::iter::once(declined)
            .chain((1..=8).map(|n| FileInput {
                name: format!("sau-{n}.xlsx"),
                bytes: xlsx.bytes.clone(),
            }))
            .collect();
        let mut read_after = std::collections::BTreeSet::new();
        let by_own = import_with_readers(
            &files,
            &Overrides::default(),
            read::Readers::Own,
            &mut |p| {
                read_after.extend(p.file.filter(|f| f.starts_with("sau-")).map(str::to_string));
            },
        );
        assert!(by_own.needs_full_reader());
        // Natively the files are read at once: only those begun beside the declined one.
        assert!(
            read_after.len() < crate::parallel::threads().min(files.len() - 1),
            "read after the declined sheet: {read_after:?}"
        );
        // The full reader reads them all.
        let all = import(&files, &Overrides::default());
        assert!(!all.needs_full_reader());
        let read = (all.files.iter()).filter(|f| f.file.starts_with("sau-"));
        assert_eq!(read.count(), files.len() - 1);
    }
}
