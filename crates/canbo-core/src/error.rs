//! Why a file gave no roster. Everything below the file level (a bad row, an unreadable
//! cell) is a [`crate::roster::Warning`] instead: one bad row never aborts an import.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A file that cannot be read as a roster, with the reason a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    /// Neither a spreadsheet nor text; `what` says what it is when the bytes tell (a PDF or a
    /// Word document renamed .xlsx).
    NotASpreadsheet {
        file: String,
        what: Option<OtherKind>,
    },
    /// A spreadsheet protected by a password: it must be saved without one first.
    Encrypted { file: String },
    /// A spreadsheet whose structure is broken; `reason` is the reader's own words.
    Corrupt { file: String, reason: String },
    /// A spreadsheet from before Excel 97 (or another old program): Excel opens it and can
    /// save it as .xlsx.
    OldFormat { file: String, format: OldFormat },
    /// The file opened but holds no cell at all (no sheet, or only empty sheets).
    Empty { file: String },
    /// Past one of the limits that bound what an import may cost (docs/RELIABILITY.md).
    TooLarge { file: String, limit: Limit },
    /// The file opened, but no sheet looks like a list of people.
    NoRoster {
        file: String,
        sheets: Vec<SheetRejection>,
    },
    /// Read with Canbo's own readers only (`read::Readers::Own`, the page's import worker):
    /// the file needs the full reader (an xls, xlsb or ods, an xlsx sheet the own reader
    /// declines, text in a single-byte code page). The page then reads it with the worker
    /// that has it; a user sees this only when that worker cannot start.
    NeedsFullReader { file: String },
}

/// What a file that is not a spreadsheet turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtherKind {
    Pdf,
    /// .docx, .doc, .odt, .rtf
    WordDocument,
    /// .pptx, .ppt, .odp
    Presentation,
    /// A zip archive that is no Office document.
    Zip,
    /// PNG, JPEG, GIF
    Image,
}

impl OtherKind {
    fn vi(self) -> &'static str {
        match self {
            OtherKind::Pdf => "tệp PDF",
            OtherKind::WordDocument => "văn bản Word",
            OtherKind::Presentation => "bản trình chiếu",
            OtherKind::Zip => "tệp nén zip",
            OtherKind::Image => "ảnh",
        }
    }

    fn en(self) -> &'static str {
        match self {
            OtherKind::Pdf => "a PDF",
            OtherKind::WordDocument => "a Word document",
            OtherKind::Presentation => "a presentation",
            OtherKind::Zip => "a zip archive",
            OtherKind::Image => "an image",
        }
    }
}

/// A spreadsheet format too old to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OldFormat {
    /// Excel 2.x, 3.0 and 4.0 (BIFF2–4), 1987–1994.
    Excel4,
    /// Excel 5.0 and 95 (BIFF5), when it cannot be read.
    Excel5,
    /// Lotus 1-2-3 (.wk1, .wk3, .wk4, .123).
    Lotus,
    /// Quattro Pro (.wb1, .wb2, .wb3, .qpw).
    QuattroPro,
    /// Excel 2003's XML Spreadsheet (an .xml or .xls holding `<Workbook xmlns=…spreadsheet>`).
    Xml2003,
}

impl OldFormat {
    fn name(self) -> &'static str {
        match self {
            OldFormat::Excel4 => "Excel 2–4",
            OldFormat::Excel5 => "Excel 5/95",
            OldFormat::Lotus => "Lotus 1-2-3",
            OldFormat::QuattroPro => "Quattro Pro",
            OldFormat::Xml2003 => "Excel 2003 XML",
        }
    }
}

/// Which limit a file went past. Each bounds the time and memory an import may take, so that
/// a hostile or broken file is refused at once instead of freezing the page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "limit", rename_all = "snake_case")]
pub enum Limit {
    /// The file itself.
    FileSize { bytes: u64, max: u64 },
    /// One part of the zip inflates past `max` bytes.
    PartSize { part: String, bytes: u64, max: u64 },
    /// All parts of the zip together inflate past `max` bytes.
    Inflated { bytes: u64, max: u64 },
    /// A part inflates more than `max` times its compressed size (a zip bomb).
    Ratio { part: String, ratio: u64, max: u64 },
    /// A zip part holds more than it declares (a zip bomb that lies about its sizes).
    Undeclared { part: String },
    /// More zip entries than any workbook has.
    Entries { count: u64, max: u64 },
    /// The shared strings or styles table is far larger than the sheets it serves.
    Table { part: String, bytes: u64, max: u64 },
    /// More cells with a value than any roster has.
    Cells { max: u64 },
    /// A line of a CSV file longer than any roster's line.
    Line { line: u64, bytes: u64, max: u64 },
    /// The grids an xls file's sheets would be read into (the box around each sheet's
    /// cells) hold far more cells than the file could fill: cells scattered to its corners.
    Grid { cells: u64, max: u64 },
}

impl Limit {
    fn vi(&self) -> String {
        let mb = |b: &u64| crate::lang::megabytes(*b, crate::lang::Lang::Vi);
        match self {
            Limit::FileSize { bytes, max } => {
                format!("tệp quá lớn ({}, tối đa {})", mb(bytes), mb(max))
            }
            Limit::PartSize { part, bytes, max } => format!(
                "phần «{part}» khi giải nén quá lớn ({}, tối đa {}); có thể là tệp độc hại (zip bomb)",
                mb(bytes),
                mb(max)
            ),
            Limit::Inflated { bytes, max } => format!(
                "nội dung giải nén quá lớn ({}, tối đa {}); có thể là tệp độc hại (zip bomb)",
                mb(bytes),
                mb(max)
            ),
            Limit::Ratio { part, ratio, max } => format!(
                "phần «{part}» nén bất thường (bung ra gấp {ratio} lần, tối đa {max} lần); có thể là tệp độc hại (zip bomb)"
            ),
            Limit::Undeclared { part } => format!(
                "phần «{part}» chứa nhiều hơn kích thước ghi trong tệp nén; có thể là tệp độc hại (zip bomb)"
            ),
            Limit::Entries { count, max } => {
                format!("tệp nén có {count} phần, tối đa {max}")
            }
            Limit::Table { part, bytes, max } => format!(
                "bảng «{part}» lớn bất thường so với các trang ({}, tối đa {})",
                mb(bytes),
                mb(max)
            ),
            Limit::Cells { max } => format!("quá nhiều ô có dữ liệu (tối đa {max})"),
            Limit::Grid { cells, max } => format!(
                "các trang trải ra {cells} ô, quá nhiều so với dữ liệu trong tệp (tối đa {max}); có thể là tệp độc hại"
            ),
            Limit::Line { line, bytes, max } => format!(
                "dòng {line} dài bất thường ({}, tối đa {}): không phải danh sách",
                mb(bytes),
                mb(max)
            ),
        }
    }

    fn en(&self) -> String {
        let mb = |b: &u64| crate::lang::megabytes(*b, crate::lang::Lang::En);
        match self {
            Limit::FileSize { bytes, max } => {
                format!("the file is too large ({}, at most {})", mb(bytes), mb(max))
            }
            Limit::PartSize { part, bytes, max } => format!(
                "part '{part}' inflates too far ({}, at most {}); this may be a zip bomb",
                mb(bytes),
                mb(max)
            ),
            Limit::Inflated { bytes, max } => format!(
                "the contents inflate too far ({}, at most {}); this may be a zip bomb",
                mb(bytes),
                mb(max)
            ),
            Limit::Ratio { part, ratio, max } => format!(
                "part '{part}' is compressed {ratio} to 1 (at most {max} to 1); this may be a zip bomb"
            ),
            Limit::Undeclared { part } => format!(
                "part '{part}' holds more than the archive declares; this may be a zip bomb"
            ),
            Limit::Entries { count, max } => {
                format!("the archive has {count} parts, at most {max}")
            }
            Limit::Table { part, bytes, max } => format!(
                "table '{part}' is far larger than the sheets ({}, at most {})",
                mb(bytes),
                mb(max)
            ),
            Limit::Cells { max } => format!("too many cells with a value (at most {max})"),
            Limit::Grid { cells, max } => format!(
                "the sheets span {cells} cells, far more than the file holds (at most {max}); this may be a hostile file"
            ),
            Limit::Line { line, bytes, max } => format!(
                "line {line} is abnormally long ({}, at most {}): not a roster",
                mb(bytes),
                mb(max)
            ),
        }
    }
}

/// Why one sheet was not read as a roster.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SheetRejection {
    pub sheet: String,
    pub reason: NotRoster,
}

impl ImportError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ImportError::NotASpreadsheet { file, .. }
            | ImportError::Encrypted { file }
            | ImportError::Corrupt { file, .. }
            | ImportError::OldFormat { file, .. }
            | ImportError::Empty { file }
            | ImportError::TooLarge { file, .. }
            | ImportError::NoRoster { file, .. }
            | ImportError::NeedsFullReader { file } => file,
        }
    }

    /// The reason in `lang`, naming the file.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    /// The reason in Vietnamese, for the page.
    pub fn message_vi(&self) -> String {
        match self {
            ImportError::NotASpreadsheet { file, what: None } => format!(
                "{file}: không phải bảng tính (cần .xlsx, .xlsm, .xlsb, .xls, .ods hoặc .csv)"
            ),
            ImportError::NotASpreadsheet {
                file,
                what: Some(kind),
            } => format!(
                "{file}: đây là {}, không phải bảng tính; hãy chọn tệp Excel (.xlsx, .xls), .ods hoặc .csv",
                kind.vi()
            ),
            ImportError::Encrypted { file } => format!(
                "{file}: Tệp có mật khẩu: mở bằng Excel, bỏ mật khẩu rồi lưu lại, sau đó nhập lại"
            ),
            ImportError::Corrupt { file, reason } => format!(
                "{file}: tệp bị hỏng, không đọc được; hãy thử mở bằng Excel và lưu lại thành .xlsx ({reason})"
            ),
            ImportError::OldFormat { file, format } => format!(
                "{file}: định dạng {} quá cũ, không đọc được; hãy mở bằng Excel và lưu lại thành .xlsx",
                format.name()
            ),
            ImportError::Empty { file } => {
                format!("{file}: tệp không có dữ liệu (mọi trang đều trống)")
            }
            ImportError::TooLarge { file, limit } => format!("{file}: {}", limit.vi()),
            ImportError::NoRoster { file, sheets } => {
                let mut text =
                    format!("{file}: không tìm thấy danh sách cán bộ (cần cột «Họ và tên»)");
                for s in sheets {
                    text.push_str(&format!("; trang «{}»: {}", s.sheet, s.reason.message_vi()));
                }
                text
            }
            ImportError::NeedsFullReader { file } => format!(
                "{file}: cần bộ đọc đầy đủ của Canbo (tệp .xls, .xlsb, .ods hoặc bảng mã cũ) nhưng bộ đọc này không chạy được; hãy tải lại trang rồi nhập lại"
            ),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotASpreadsheet { file, what: None } => write!(
                f,
                "{file}: not a spreadsheet (expected .xlsx, .xlsm, .xlsb, .xls, .ods or .csv)"
            ),
            ImportError::NotASpreadsheet {
                file,
                what: Some(kind),
            } => write!(
                f,
                "{file}: this is {}, not a spreadsheet; choose an Excel file (.xlsx, .xls), .ods or .csv",
                kind.en()
            ),
            ImportError::Encrypted { file } => write!(
                f,
                "{file}: the workbook is password protected: open it in Excel, remove the password, save it and try again"
            ),
            ImportError::Corrupt { file, reason } => write!(
                f,
                "{file}: the file is damaged and cannot be read; try opening it in Excel and saving it as .xlsx ({reason})"
            ),
            ImportError::OldFormat { file, format } => write!(
                f,
                "{file}: the {} format is too old to read; open it in Excel and save it as .xlsx",
                format.name()
            ),
            ImportError::Empty { file } => {
                write!(f, "{file}: the file holds no data (every sheet is empty)")
            }
            ImportError::TooLarge { file, limit } => write!(f, "{file}: {}", limit.en()),
            ImportError::NoRoster { file, sheets } => {
                write!(f, "{file}: no sheet holds a list of people (no 'Họ và tên' column found)")?;
                for s in sheets {
                    write!(f, "; sheet '{}': {}", s.sheet, s.reason.message_en())?;
                }
                Ok(())
            }
            ImportError::NeedsFullReader { file } => write!(
                f,
                "{file}: needs Canbo's full reader (an .xls, .xlsb or .ods file, or an old code page), which could not run; reload the page and import it again"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Why a sheet is not a roster: a type, so each language says it in its own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotRoster {
    Empty,
    NoHeader,
    NoNameColumn,
    NoPeople,
    Hidden,
    /// The user marked it as not a roster.
    ByUser,
    /// A reason this version does not know (stored by an older or newer one).
    #[serde(other)]
    Other,
}

impl NotRoster {
    /// The reason in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.message_vi(), self.message_en())
    }

    /// Reads a reason stored as a type, or as the text older versions stored.
    pub(crate) fn deserialize_compat<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<NotRoster, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Typed(NotRoster),
            Text(serde::de::IgnoredAny),
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Typed(reason) => reason,
            Stored::Text(_) => NotRoster::Other,
        })
    }
}

impl NotRoster {
    pub fn message_vi(&self) -> &'static str {
        match self {
            NotRoster::Empty => "trang trống",
            NotRoster::NoHeader => "không tìm thấy dòng tiêu đề cột",
            NotRoster::NoNameColumn => "không có cột «Họ và tên» (trang tổng hợp?)",
            NotRoster::NoPeople => "không có dòng nào là một người",
            NotRoster::Hidden => "trang bị ẩn",
            NotRoster::ByUser => "người dùng đánh dấu không phải danh sách",
            NotRoster::Other => "không đọc được",
        }
    }
    pub fn message_en(&self) -> &'static str {
        match self {
            NotRoster::Empty => "empty sheet",
            NotRoster::NoHeader => "no header row found",
            NotRoster::NoNameColumn => "no 'Họ và tên' column (a summary sheet?)",
            NotRoster::NoPeople => "no row is a person",
            NotRoster::Hidden => "hidden sheet",
            NotRoster::ByUser => "marked as not a roster by the user",
            NotRoster::Other => "not read",
        }
    }
}
