//! Rosters written by people who had not seen the importer, from ROSTER.md and public
//! Vietnamese documents, in spellings and layouts of their own choosing, with the figures they
//! counted from their own data (`independent/*/README.md` says how each set was made;
//! `make.py` regenerates it). Each file must give exactly its expected report.

mod support;

use std::path::PathBuf;

fn check_set(name: &str, at_least: usize) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/independent")
        .join(name);
    let files = support::files_with_expected(&dir);
    assert!(files.len() >= at_least, "{name}: {} files", files.len());
    let mut failures = Vec::new();
    for f in &files {
        for d in support::check(f) {
            failures.push(format!("{}: {d}", f.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn muong_khoa_district_in_twelve_layouts() {
    check_set("muong-khoa", 12);
}

#[test]
fn nam_van_district_in_ten_layouts() {
    check_set("nam-van", 10);
}

#[test]
fn nam_khieu_district_in_ten_layouts() {
    check_set("nam-khieu", 10);
}

/// Eight xlsx files from six writers (openpyxl, its streaming mode, XlsxWriter and its
/// constant-memory mode, pyexcelerate, pandas), one reworked into Excel 365's XML, one
/// written by hand with no cell references, one in the 1904 date system: each reads as its
/// writer counted (December 2026, for `read::xlsx_cells`).
#[test]
fn xlsx_writers_in_eight_files() {
    check_set("xlsx-writers", 8);
}
