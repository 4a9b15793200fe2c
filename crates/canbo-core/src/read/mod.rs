//! Bytes → [`Workbook`]: every supported format as one grid of typed cells per sheet.
//!
//! This layer knows nothing about rosters. It decides the format from the bytes themselves
//! (a renamed file still opens), turns calamine's cells and CSV fields into [`Cell`]s, and
//! keeps positions absolute, so that row 1 is the spreadsheet's row 1 whatever the reader
//! skipped, and a warning can name the cell a person would click on.

mod cfbcheck;
mod csv;
pub use csv::CodePage;
mod html;
pub mod limits;
mod odscheck;
mod sniff;
mod spreadsheet;
mod xlsbcheck;
mod xlscheck;
pub(crate) mod xlsx_cells;
mod xlsx_merges;
mod zipcheck;

use crate::date::Date;
use crate::error::{ImportError, Limit, OldFormat};
use sniff::{Cfb, Markup, Sniffed};
use zipcheck::{Holds, Inspected};

/// One value as the reader found it. Text is kept as written; normalisation comes later.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    /// Shared: a roster repeats a few hundred texts over hundreds of thousands of cells
    /// (xlsx keeps them once, in its shared strings), and each cell points at its text
    /// rather than holding a copy.
    Text(std::sync::Arc<str>),
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
            // Only the start need be looked at: white space all through, or text. Most texts
            // start with a letter or digit, told by their first byte (this is asked of every
            // cell a person's fields are read from).
            Cell::Text(t) => match t.as_bytes().first() {
                Some(b) if b.is_ascii_alphanumeric() => false,
                _ => t.trim_start().is_empty(),
            },
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

    /// [`Cell::display`], borrowed where the cell is text (a province's rows ask it of
    /// every cell they read, and most are text).
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(t) => std::borrow::Cow::Borrowed(t),
            _ => std::borrow::Cow::Owned(self.display()),
        }
    }

    /// The cell as a person reads it in the sheet (numbers without a needless `.0`).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
            Cell::Bool(true) => "TRUE".into(),
            Cell::Bool(false) => "FALSE".into(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// The cells' texts as shown ([`Cell::shown`]), those `blank` says are blank left out,
/// joined by a space: a person's name from its name cells (asked of every row of a
/// province: a text cell's text is taken as it is).
pub fn joined<'c>(
    cells: impl IntoIterator<Item = &'c Cell>,
    blank: impl Fn(&str) -> bool,
) -> String {
    let mut out = String::new();
    for cell in cells {
        let text = cell.shown();
        if !blank(&text) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text);
        }
    }
    out
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
    /// The code page a text file (CSV, HTML) was read in; `None` for the binary formats.
    pub code_page: Option<CodePage>,
    pub sheets: Vec<Sheet>,
}

/// The format the bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
    /// An HTML table saved with an .xls name (what many HR systems export).
    Html,
}

impl Format {
    /// The format's short name as JSON writes it ("xlsx", "csv"), for the import review.
    pub fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }
}

/// Which readers a file may go to ([`read_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Readers {
    /// Every reader: calamine for xls, xlsb, ods and the xlsx sheets `xlsx_cells` declines,
    /// and text in every code page (encoding_rs, chardetng). In a build without the
    /// `full-reader` feature, as [`Readers::Own`].
    #[default]
    All,
    /// Canbo's own readers only: an xlsx whose every sheet `xlsx_cells` reads, text in
    /// UTF-8 or UTF-16 (CSV, HTML); any other file is [`ImportError::NeedsFullReader`].
    /// What the page's import worker reads with: it is built without the `full-reader`
    /// feature, so its wasm carries neither calamine's readers nor the legacy code pages, and
    /// a file it cannot read goes to the worker built with them (docs/ARCHITECTURE.md).
    Own,
}

impl Readers {
    /// Whether calamine and the legacy code pages may read. `cfg!` makes it a constant
    /// false in a build without the `full-reader` feature, so that build's code never
    /// reaches them and the linker leaves them out.
    pub const fn full(self) -> bool {
        cfg!(feature = "full-reader") && matches!(self, Readers::All)
    }
}

/// Whether only the full reader can read these bytes, as far as their kind tells without
/// reading them: a compound file that may be a workbook (xls), a zip with no
/// `xl/workbook.xml` that is no other Office document (xlsb, ods), text in none of UTF-8 and
/// UTF-16. The import asks this of every file before reading any with the own readers
/// ([`crate::import::import_with_readers`]): twenty commune files and one xls go to the full
/// reader at once, not after the twenty are read. An xlsx sheet the own reader declines is
/// found only by reading it ([`ImportError::NeedsFullReader`] then).
pub fn needs_full_reader(bytes: &[u8]) -> bool {
    match sniff::sniff(bytes) {
        Sniffed::Zip => {
            let Ok(zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
                return false;
            };
            let other = zipcheck::inspect("", bytes)
                .is_ok_and(|inspected| matches!(inspected.holds, Holds::Other(_)));
            !other && zip.index_for_name("xl/workbook.xml").is_none()
        }
        _ => kind_needs_full_reader(bytes),
    }
}

/// [`needs_full_reader`] as far as the bytes tell without a zip reader: a compound file that
/// may be a workbook (xls), a zip whose central directory names an xlsb's or an ods's
/// workbook (read from its bytes, `sniff::zip_needs_full_reader`), text in none of UTF-8
/// and UTF-16. What the page asks to start the import worker with the full reader at once
/// for such a file (`src/worker/mod.rs`), keeping a zip reader out of its own wasm.
pub fn kind_needs_full_reader(bytes: &[u8]) -> bool {
    match sniff::sniff(bytes) {
        Sniffed::Cfb(Cfb::Workbook | Cfb::Book | Cfb::Unknown) => true,
        Sniffed::Zip => sniff::zip_needs_full_reader(bytes),
        Sniffed::Text => csv::other_code_page(bytes),
        _ => false,
    }
}

/// Read a file's bytes with every reader ([`read_with`] and [`Readers::All`]).
pub fn read(file: &str, bytes: &[u8]) -> Result<Workbook, ImportError> {
    read_with(file, bytes, Readers::All)
}

/// Read a file's bytes. `file` is the name shown in messages; its extension is only a hint.
///
/// The bytes decide: a zip is checked for bombs and for what it holds (a .docx renamed is
/// said to be one), a compound file for a password or an older Excel, text for HTML or
/// Excel 2003 XML, then it is read by the `readers` allowed. Every path is bounded by
/// [`limits`].
pub fn read_with(file: &str, bytes: &[u8], readers: Readers) -> Result<Workbook, ImportError> {
    check_size(file, bytes)?;
    let not_a_spreadsheet = |what| ImportError::NotASpreadsheet {
        file: file.into(),
        what,
    };
    let book = match sniff::sniff(bytes) {
        Sniffed::Zip => match zipcheck::inspect(file, bytes)? {
            Inspected {
                holds: Holds::Other(kind),
                ..
            } => return Err(not_a_spreadsheet(Some(kind))),
            _ if xlsbcheck::check(bytes).is_err() => {
                return Err(ImportError::Corrupt {
                    file: file.into(),
                    reason: xlsbcheck::check(bytes).err().unwrap_or_default(),
                })
            }
            // An ods (it has a `content.xml`): its tables' cells counted before calamine.
            _ if odscheck::check(bytes).is_err() => {
                return Err(ImportError::TooLarge {
                    file: file.into(),
                    limit: odscheck::check(bytes)
                        .err()
                        .unwrap_or(Limit::Cells { max: limits::CELLS }),
                })
            }
            Inspected {
                holds: Holds::Spreadsheet,
                verify,
            } => spreadsheet::read(file, bytes, None, verifier(file, bytes, verify), readers)?,
            Inspected {
                holds: Holds::Unknown,
                verify,
            } => spreadsheet::read(file, bytes, None, verifier(file, bytes, verify), readers)
                .map_err(|e| match e {
                    ImportError::Corrupt { .. } => {
                        not_a_spreadsheet(Some(crate::error::OtherKind::Zip))
                    }
                    other => other,
                })?,
        },
        Sniffed::Cfb(Cfb::Encrypted) => return Err(ImportError::Encrypted { file: file.into() }),
        Sniffed::Cfb(Cfb::Other(kind)) => return Err(not_a_spreadsheet(Some(kind))),
        Sniffed::Cfb(_) if compound_checked(file, bytes).is_err() => {
            return Err(compound_checked(file, bytes)
                .err()
                .unwrap_or_else(|| ImportError::Empty { file: file.into() }))
        }
        Sniffed::Cfb(Cfb::Book) => spreadsheet::read(file, bytes, None, no_check, readers)
            .map_err(|e| match e {
                ImportError::Corrupt { .. } => ImportError::OldFormat {
                    file: file.into(),
                    format: OldFormat::Excel5,
                },
                other => other,
            })?,
        Sniffed::Cfb(Cfb::Workbook | Cfb::Unknown) => {
            spreadsheet::read(file, bytes, None, no_check, readers)?
        }
        Sniffed::Other(kind) => return Err(not_a_spreadsheet(Some(kind))),
        Sniffed::Old(format) => {
            return Err(ImportError::OldFormat {
                file: file.into(),
                format,
            })
        }
        Sniffed::Text => match csv::decode(bytes, readers) {
            Ok(Some((text, page))) => text_book(file, &text, page)?,
            Ok(None) => return Err(not_a_spreadsheet(None)),
            Err(csv::OtherCodePage) => return Err(full_reader_needed(file)),
        },
    };
    non_empty(book)
}

/// The check of a zip's parts' true sizes that [`zipcheck::inspect`] left (`verify`), for
/// `spreadsheet::read` to run with the parts its reading already read whole.
fn verifier<'a>(
    file: &'a str,
    bytes: &'a [u8],
    verify: bool,
) -> impl FnOnce(&[usize]) -> Result<(), ImportError> + Send + 'a {
    move |read_whole| match verify {
        true => zipcheck::verify(file, bytes, read_whole),
        false => Ok(()),
    }
}

/// Nothing left to check (a compound file is checked whole before it is read).
fn no_check(_read_whole: &[usize]) -> Result<(), ImportError> {
    Ok(())
}

/// Reads the bytes as `format`, whatever they look like (the limits still hold). For a
/// caller that knows better than the bytes, and for fuzzing each reader on its own.
pub fn read_as(file: &str, bytes: &[u8], format: Format) -> Result<Workbook, ImportError> {
    read_as_with(file, bytes, format, Readers::All)
}

/// [`read_as`] by the `readers` allowed.
pub fn read_as_with(
    file: &str,
    bytes: &[u8],
    format: Format,
    readers: Readers,
) -> Result<Workbook, ImportError> {
    check_size(file, bytes)?;
    let book = match format {
        Format::Csv | Format::Html => match csv::decode(bytes, readers) {
            Ok(Some((text, page))) => text_book(file, &text, page)?,
            Ok(None) => {
                return Err(ImportError::NotASpreadsheet {
                    file: file.into(),
                    what: None,
                })
            }
            Err(csv::OtherCodePage) => return Err(full_reader_needed(file)),
        },
        Format::Xls | Format::Xlsb | Format::Ods if !readers.full() => {
            return Err(full_reader_needed(file))
        }
        Format::Xls => {
            compound_checked(file, bytes)?;
            spreadsheet::read(file, bytes, Some(format), no_check, readers)?
        }
        Format::Xlsx | Format::Xlsb | Format::Ods => {
            let verify = zipcheck::inspect(file, bytes)?.verify;
            xlsbcheck::check(bytes).map_err(|reason| ImportError::Corrupt {
                file: file.into(),
                reason,
            })?;
            if format == Format::Ods {
                odscheck::check(bytes).map_err(|limit| ImportError::TooLarge {
                    file: file.into(),
                    limit,
                })?;
            }
            spreadsheet::read(
                file,
                bytes,
                Some(format),
                verifier(file, bytes, verify),
                readers,
            )?
        }
    };
    non_empty(book)
}

fn full_reader_needed(file: &str) -> ImportError {
    ImportError::NeedsFullReader { file: file.into() }
}

/// A compound file's sector chains (`cfbcheck`), then its workbook stream (`xlscheck`), before
/// calamine reads either.
fn compound_checked(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let corrupt = |reason| ImportError::Corrupt {
        file: file.into(),
        reason,
    };
    let Some(stream) = cfbcheck::check(bytes).map_err(corrupt)? else {
        return Ok(());
    };
    xlscheck::check(&stream).map_err(|refused| match refused {
        xlscheck::Refused::Corrupt(reason) => corrupt(reason),
        xlscheck::Refused::TooLarge(limit) => ImportError::TooLarge {
            file: file.into(),
            limit,
        },
    })
}

fn check_size(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let size = bytes.len() as u64;
    if size > limits::FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.into(),
            limit: Limit::FileSize {
                bytes: size,
                max: limits::FILE_BYTES,
            },
        });
    }
    Ok(())
}

/// Text: an HTML table saved as .xls, Excel 2003 XML, or CSV.
fn text_book(file: &str, text: &str, page: CodePage) -> Result<Workbook, ImportError> {
    let too_large = |limit| ImportError::TooLarge {
        file: file.into(),
        limit,
    };
    let (format, sheets) = match sniff::markup(text) {
        Some(Markup::Xml2003) => {
            return Err(ImportError::OldFormat {
                file: file.into(),
                format: OldFormat::Xml2003,
            })
        }
        Some(Markup::Html) => (Format::Html, html::parse(file, text).map_err(too_large)?),
        None => (
            Format::Csv,
            vec![csv::parse(file, text).map_err(too_large)?],
        ),
    };
    Ok(Workbook {
        file: file.into(),
        format,
        code_page: Some(page),
        sheets,
    })
}

/// A workbook with no cell at all is [`ImportError::Empty`]: said plainly, not as "no roster".
fn non_empty(book: Workbook) -> Result<Workbook, ImportError> {
    let any = book
        .sheets
        .iter()
        .any(|s| s.rows.iter().flatten().any(|c| !c.is_empty()));
    if any {
        Ok(book)
    } else {
        Err(ImportError::Empty { file: book.file })
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
    fn a_cell_is_empty_when_blank_or_white_space_all_through() {
        let text = |t: &str| Cell::Text(t.into());
        for blank in [
            "",
            " ",
            "\t\n",
            "\u{a0}",
            " \u{3000}\u{2003} ",
            "\r\n \u{a0}",
        ] {
            assert!(text(blank).is_empty(), "{blank:?}");
        }
        for filled in [
            "a",
            "0",
            "Nguyễn",
            "Đảng viên",
            " x",
            "\u{a0}Kinh",
            "\t1",
            "-",
            ".",
            "x ",
            "ĐH",
        ] {
            assert!(!text(filled).is_empty(), "{filled:?}");
        }
        assert!(Cell::Empty.is_empty());
        assert!(!Cell::Number(0.0).is_empty());
        assert!(!Cell::Bool(false).is_empty());
    }

    #[test]
    fn a_format_is_named_as_json_writes_it() {
        for format in [
            Format::Xlsx,
            Format::Xlsb,
            Format::Xls,
            Format::Ods,
            Format::Csv,
            Format::Html,
        ] {
            let json = serde_json::to_string(&format).unwrap();
            assert_eq!(json, format!("\"{}\"", format.name()));
        }
    }

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

    #[test]
    fn a_png_is_said_to_be_an_image() {
        let err = read("x.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert_eq!(
            err,
            ImportError::NotASpreadsheet {
                file: "x.png".into(),
                what: Some(crate::error::OtherKind::Image)
            }
        );
    }
}
