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
