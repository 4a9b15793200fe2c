//! Warnings: something a person should look at, naming the file, sheet and cell.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    /// A value that could not be classified; it is counted as `unknown`.
    Unrecognised {
        field: crate::field::Field,
        value: String,
    },
    /// A birth or hiring date that could not be read.
    BadDate {
        field: crate::field::Field,
        value: String,
    },
    /// A position title that is not on the list; its category is `unknown`.
    UnknownPosition { value: String },
    /// The same name and birth date twice (possibly across files).
    Duplicate { name: String, first: String },
    /// The sheet was typed in a legacy encoding and was converted.
    LegacyText {
        encoding: crate::text::legacy::Legacy,
    },
    /// A sheet was not read as a roster.
    SheetSkipped {
        #[serde(deserialize_with = "crate::layout::NotRoster::deserialize_compat")]
        reason: crate::layout::NotRoster,
    },
}

/// A warning with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub file: String,
    pub sheet: String,
    /// "H17", or empty when it is about the whole sheet.
    pub cell: String,
    #[serde(flatten)]
    pub kind: WarningKind,
    /// The message in English (REPORT.md's `message`).
    pub message: String,
    /// The message in Vietnamese, for the page.
    pub message_vi: String,
}

impl Warning {
    /// The message in `lang` (the `message` field is English, `message_vi` Vietnamese).
    pub fn message(&self, lang: crate::lang::Lang) -> &str {
        lang.pick(&self.message_vi, &self.message)
    }

    pub fn new(file: &str, sheet: &str, cell: String, kind: WarningKind) -> Warning {
        let (en, vi) = messages(&kind);
        let place = if cell.is_empty() {
            String::new()
        } else {
            format!("{cell}: ")
        };
        Warning {
            file: file.into(),
            sheet: sheet.into(),
            message: format!("{place}{en}"),
            message_vi: format!("{place}{vi}"),
            cell,
            kind,
        }
    }
}

fn messages(kind: &WarningKind) -> (String, String) {
    match kind {
        WarningKind::Unrecognised { field, value } => (
            format!(
                "'{value}' not recognised as {}; counted as unknown",
                field.label_en().to_lowercase()
            ),
            format!(
                "không nhận ra «{value}» là {}; tính là không rõ",
                field.label_vi().to_lowercase()
            ),
        ),
        WarningKind::BadDate { field, value } => (
            format!(
                "'{value}' is not a date ({})",
                field.label_en().to_lowercase()
            ),
            format!(
                "«{value}» không phải ngày tháng ({})",
                field.label_vi().to_lowercase()
            ),
        ),
        WarningKind::UnknownPosition { value } => (
            format!("position '{value}' not recognised; category unknown"),
            format!("không nhận ra chức vụ «{value}»; chưa xác định CB/CC"),
        ),
        WarningKind::Duplicate { name, first } => (
            format!("{name} appears twice (same name and birth date; first at {first})"),
            format!("{name} bị trùng (cùng họ tên, ngày sinh; lần đầu ở {first})"),
        ),
        WarningKind::LegacyText { encoding } => (
            format!("text typed in {encoding} was converted to Unicode"),
            format!("văn bản gõ bằng mã {encoding} đã được chuyển sang Unicode"),
        ),
        WarningKind::SheetSkipped { reason } => (
            format!("sheet skipped: {}", reason.message_en()),
            format!("bỏ qua trang: {}", reason.message_vi()),
        ),
    }
}
