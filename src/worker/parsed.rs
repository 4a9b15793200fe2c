//! The import's result in a form that crosses the worker boundary (serde both ways): the
//! roster, what was seen per file and sheet for the review, and why files were refused. The
//! core's `FileReport` is only `Serialize`, so the review reads this mirror of it, with every
//! message already written in both languages.

use canbo_core::field::Field;
use canbo_core::import::{FileReport, Import};
use canbo_core::layout::Reason;
use canbo_core::roster::Roster;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    pub roster: Roster,
    pub files: Vec<ReviewFile>,
    pub errors: Vec<Refused>,
}

/// A file that gave no roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    pub file: String,
    /// The core's message, naming the file, in both languages.
    pub message: canbo_core::Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewFile {
    pub file: String,
    /// "xlsx", "ods", "csv"…
    pub format: String,
    pub sheets: Vec<ReviewSheet>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSheet {
    pub sheet: String,
    /// Why the sheet is not read (`None`: it is a roster).
    pub skipped: Option<Message>,
    /// One-based.
    pub header_rows: Vec<u32>,
    pub columns: Vec<ReviewColumn>,
    pub units: Vec<String>,
    pub people: u32,
    pub skipped_rows: Vec<SkippedRow>,
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewColumn {
    pub col: usize,
    pub letter: String,
    pub header: String,
    pub field: Option<Field>,
    /// Chosen by the user in the review.
    pub by_user: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkippedRow {
    pub row: u32,
    pub why: Message,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub vi: String,
    pub en: String,
}

impl Message {
    /// The reason a sheet the user marked as no roster gives.
    pub fn by_user() -> Message {
        let reason = canbo_core::layout::NotRoster::ByUser;
        Message {
            vi: reason.message_vi().into(),
            en: reason.message_en().into(),
        }
    }
}

impl From<Import> for Parsed {
    fn from(import: Import) -> Parsed {
        Parsed {
            errors: import
                .errors
                .iter()
                .map(|e| Refused {
                    file: e.file().to_string(),
                    message: canbo_core::Text::new(e.message_vi(), e.to_string()),
                })
                .collect(),
            files: import.files.into_iter().map(ReviewFile::from).collect(),
            roster: import.roster,
        }
    }
}

impl From<FileReport> for ReviewFile {
    fn from(report: FileReport) -> ReviewFile {
        ReviewFile {
            file: report.file,
            format: format!("{:?}", report.format).to_lowercase(),
            sheets: report
                .sheets
                .into_iter()
                .map(|s| ReviewSheet {
                    sheet: s.sheet,
                    skipped: s.skipped.map(|r| Message {
                        vi: r.message_vi().into(),
                        en: r.message_en().into(),
                    }),
                    header_rows: s.header_rows,
                    columns: s
                        .columns
                        .into_iter()
                        .map(|c| ReviewColumn {
                            col: c.col,
                            letter: c.letter,
                            header: c.column.header,
                            field: c.column.field,
                            by_user: c.column.reason == Reason::User,
                        })
                        .collect(),
                    units: s.units,
                    people: s.people,
                    skipped_rows: s
                        .skipped_rows
                        .into_iter()
                        .map(|r| SkippedRow {
                            row: r.row,
                            why: Message {
                                vi: r.role.message_vi(),
                                en: r.role.message_en(),
                            },
                        })
                        .collect(),
                    encoding: s.encoding.map(|e| e.name().to_string()),
                })
                .collect(),
        }
    }
}
