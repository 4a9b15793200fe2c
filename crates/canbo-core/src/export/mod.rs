//! Report → what a person keeps: text, CSV, the official per-unit form as xlsx, the report
//! written out as prose, and the signed document (.docx) that carries both; the standards
//! and the retirement forecast as text and CSV.
//! Both shells (the page and the CLI) export through here, so their files are the same.

pub mod csv;
#[cfg(feature = "docx")]
pub mod docx;
pub mod inert;
#[cfg(feature = "xlsx")]
pub mod people;
pub mod prose;
pub mod retirement;
pub mod standards;
pub mod table;
pub mod text;
#[cfg(feature = "xlsx")]
pub mod training;
#[cfg(feature = "xlsx")]
pub mod xlsx;

/// The language of labels in exported files (the crate's one [`crate::lang::Lang`]).
pub use crate::lang::Lang;
