//! Canbo's core: spreadsheets in, the workforce report of Vietnamese commune-level cadres
//! and civil servants out.
//!
//! Data flows one way: bytes → [`read`] → [`layout`] → [`roster`] → [`report`]. The core
//! keeps everything in memory and does no I/O: files arrive as bytes, the report date as an
//! argument. It knows nothing of the page or the terminal, so the browser app and the
//! `canbo` CLI are thin shells over the same functions and can never disagree.
//!
//! The surface: [`import::import`] (files → roster + what was seen + errors) and
//! [`report::report`] (roster × options → `canbo.report/1`); [`share`] carries a report in a
//! link and a roster in an encrypted package.

pub mod codes;
pub mod date;
pub mod error;
pub mod export;
pub mod field;
pub mod import;
pub mod lang;
pub mod layout;
pub mod parallel;
pub mod read;
pub mod report;
pub mod retirement;
pub mod roster;
pub mod share;
pub mod standards;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod vocab;

#[cfg(test)]
mod test_samples;

pub use date::Date;
pub use error::ImportError;
pub use import::{import, FileInput, Import, Overrides};
pub use lang::{Lang, Text};
pub use report::{report, Report, ReportOptions};
pub use roster::{Person, Roster};
