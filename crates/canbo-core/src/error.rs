//! Why a file gave no roster. Everything below the file level (a bad row, an unreadable
//! cell) is a [`crate::roster::Warning`] instead: one bad row never aborts an import.

use std::fmt;

/// A file that cannot be read as a roster, with the reason a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    /// Neither a spreadsheet nor text (an image, a PDF, a Word file…).
    NotASpreadsheet { file: String },
    /// A spreadsheet protected by a password: it must be saved without one first.
    Encrypted { file: String },
    /// A spreadsheet whose structure is broken; `reason` is the reader's own words.
    Corrupt { file: String, reason: String },
    /// The file opened, but no sheet looks like a list of people.
    NoRoster {
        file: String,
        sheets: Vec<SheetRejection>,
    },
}

/// Why one sheet was not read as a roster.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SheetRejection {
    pub sheet: String,
    pub reason: crate::layout::NotRoster,
}

impl ImportError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ImportError::NotASpreadsheet { file }
            | ImportError::Encrypted { file }
            | ImportError::Corrupt { file, .. }
            | ImportError::NoRoster { file, .. } => file,
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
            ImportError::NotASpreadsheet { file } => format!(
                "{file}: không phải bảng tính (cần .xlsx, .xlsm, .xlsb, .xls, .ods hoặc .csv)"
            ),
            ImportError::Encrypted { file } => format!(
                "{file}: tệp có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu, lưu lại rồi nhập lại"
            ),
            ImportError::Corrupt { file, reason } => {
                format!("{file}: tệp bị hỏng, không đọc được ({reason})")
            }
            ImportError::NoRoster { file, sheets } => {
                let mut text =
                    format!("{file}: không tìm thấy danh sách cán bộ (cần cột «Họ và tên»)");
                for s in sheets {
                    text.push_str(&format!("; trang «{}»: {}", s.sheet, s.reason.message_vi()));
                }
                text
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotASpreadsheet { file } => write!(
                f,
                "{file}: not a spreadsheet (expected .xlsx, .xlsm, .xlsb, .xls, .ods or .csv)"
            ),
            ImportError::Encrypted { file } => write!(
                f,
                "{file}: the workbook is password protected; save it without a password and try again"
            ),
            ImportError::Corrupt { file, reason } => {
                write!(f, "{file}: the file is damaged and cannot be read ({reason})")
            }
            ImportError::NoRoster { file, sheets } => {
                write!(f, "{file}: no sheet holds a list of people (no 'Họ và tên' column found)")?;
                for s in sheets {
                    write!(f, "; sheet '{}': {}", s.sheet, s.reason.message_en())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}
