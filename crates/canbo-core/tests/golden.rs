//! Every sample roster in ../shared/samples gives exactly its `*.expected.json`.

mod support;

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use serde_json::Value;
use std::path::PathBuf;
use support::check;

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples")
}

fn sample_files() -> Vec<PathBuf> {
    support::files_with_expected(&samples_dir())
}

#[test]
fn every_sample_gives_its_expected_report() {
    let files = sample_files();
    assert!(
        files.len() >= 6,
        "expected the six sample rosters, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in &files {
        for d in check(f) {
            failures.push(format!("{}: {d}", f.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn golden_check_notices_a_wrong_figure() {
    // The comparison itself must be able to fail: a wrong report date changes the ages.
    let path = sample_files().into_iter().next().unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}.expected.json", path.display())).unwrap(),
    )
    .unwrap();
    let imported = import(
        &[FileInput {
            name: "x.xlsx".into(),
            bytes: std::fs::read(&path).unwrap(),
        }],
        &Overrides::default(),
    );
    let options = ReportOptions {
        as_of: "2034-12-31".parse().unwrap(),
        bands: "30,41,51,61".parse().unwrap(),
        ..Default::default()
    };
    let got = serde_json::to_value(report(&imported.roster, &options)).unwrap();
    assert_ne!(got["age"], expected["age"]);
    assert_eq!(got["people"], expected["people"]);
}

#[test]
fn every_import_crosses_json_unchanged() {
    // The page's worker sends the core's `Import` as JSON; the review reads it back as the
    // same value (a column's flattened fields, skipped rows, refused files and all).
    let mut inputs: Vec<FileInput> = sample_files()
        .iter()
        .map(|f| FileInput {
            name: f.file_name().unwrap().to_string_lossy().into(),
            bytes: std::fs::read(f).unwrap(),
        })
        .collect();
    inputs.push(FileInput {
        name: "not-a-roster.pdf".into(),
        bytes: b"%PDF-1.4\n".to_vec(),
    });
    let imported = import::import(&inputs, &Overrides::default());
    assert!(!imported.errors.is_empty(), "the PDF is refused");
    assert!(imported
        .files
        .iter()
        .flat_map(|f| &f.sheets)
        .any(|s| !s.skipped_rows.is_empty()));
    let json = serde_json::to_vec(&imported).unwrap();
    let back: import::Import = serde_json::from_slice(&json).unwrap();
    assert_eq!(back, imported);
}

#[test]
fn each_warning_is_listed_under_its_own_sheet_once() {
    // The import review lists a sheet's warnings with Roster::warnings_in: over every sheet
    // of every sample, each warning comes up once, under the sheet it names.
    let mut listed = 0;
    let mut total = 0;
    for path in sample_files() {
        let input = FileInput {
            name: path.file_name().unwrap().to_string_lossy().into(),
            bytes: std::fs::read(&path).unwrap(),
        };
        let imported = import::import(&[input], &Overrides::default());
        total += imported.roster.warnings.len();
        for file in &imported.files {
            for sheet in &file.sheets {
                for w in imported.roster.warnings_in(&file.file, &sheet.sheet) {
                    assert_eq!(
                        (w.file.as_str(), w.sheet.as_str()),
                        (file.file.as_str(), sheet.sheet.as_str())
                    );
                    listed += 1;
                }
            }
        }
    }
    assert!(total > 0, "the samples have warnings to list");
    assert_eq!(listed, total);
}
