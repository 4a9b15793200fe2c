//! Report → files a person keeps: text, CSV and the official per-unit form as xlsx.
//! Both shells (the page and the CLI) export through here, so their files are the same.

pub mod csv;
#[cfg(feature = "xlsx")]
pub mod people;
pub mod table;
pub mod text;
#[cfg(feature = "xlsx")]
pub mod training;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use serde::{Deserialize, Serialize};

/// The language of labels in exported files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}
