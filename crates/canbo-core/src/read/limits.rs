//! What one import may cost, whatever the file. Each limit is far above any real roster (the
//! largest we test, 250,000 people, is a 20.5 MB xlsx whose sheet inflates to about 10 times
//! that) and far below what would freeze the page or exhaust a tab's memory. A file past one is
//! refused at once with [`crate::error::Limit`] naming it. Reasons: docs/RELIABILITY.md.

/// The file itself: 100 MB, five times the 250,000-person roster.
pub const FILE_BYTES: u64 = 100_000_000;

/// One zip part inflated: 500 MB. The 250,000-person roster's sheet is about 0.2 GB.
pub const PART_BYTES: u64 = 500_000_000;

/// All zip parts inflated together: 1 GB.
pub const INFLATED_BYTES: u64 = 1_000_000_000;

/// Inflated over compressed size of one part, checked for parts past [`RATIO_FROM`]. Real
/// sheets are 5–20 to 1; deflate's own ceiling is about 1,032 to 1, which only machine-made
/// repetition reaches.
pub const RATIO: u64 = 100;

/// Parts smaller than this (inflated) may be as compressible as they like.
pub const RATIO_FROM: u64 = 10_000_000;

/// Entries of one zip: a workbook with 500 sheets has about 1,100.
pub const ENTRIES: u64 = 10_000;

/// The shared strings and styles tables may be at most this much larger than the sheets'
/// XML together, plus [`TABLE_SLACK`]: each string is used by a cell, each style by cells.
pub const TABLE_RATIO: u64 = 8;

/// The allowance of shared strings and styles whatever the sheets (a template's styles).
pub const TABLE_SLACK: u64 = 64_000_000;

/// Cells with a value in one workbook: 250,000 people × 20 columns is 5 million.
pub const CELLS: u64 = 20_000_000;

/// Columns read in a sheet (a roster has 10–60; the rest of a 16,384-wide sheet is dropped).
pub const COLUMNS: usize = 512;

/// Rows read in a sheet: Excel's own maximum.
pub const ROWS: usize = 1_048_576;

/// Characters kept of one cell's text: Excel's own maximum for a cell.
pub const CELL_CHARS: usize = 32_767;

/// One line of a CSV file: a roster's line is under 2 KB.
pub const LINE_BYTES: u64 = 1_000_000;

/// The grids calamine allocates for an xls or ods file (an xls sheet's declared DIMENSIONS
/// and the box around its cells; an ods table's row lists and the box around its cells, with
/// repeats; all sheets together) may hold one cell per byte of the workbook stream (xls) or of
/// `content.xml` (ods) plus this many: 1,000,000 cells, about 64 MB as calamine holds them. A
/// cell takes 6 bytes or more in an xls and tens of bytes of XML in an ods, so a real sheet's
/// box (mostly cells) is far under; cells scattered to the corners of a sheet, or one cell
/// repeated over a whole sheet, are not.
pub const GRID_SLACK: u64 = 1_000_000;
