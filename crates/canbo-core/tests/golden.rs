//! Every sample roster in ../shared/samples gives exactly its `*.expected.json`.

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use serde_json::Value;
use std::path::PathBuf;

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples")
}

fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples_dir())
        .expect("../shared/samples is beside the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.with_file_name(format!(
                "{}.expected.json",
                p.file_name().unwrap().to_string_lossy()
            ))
            .exists()
        })
        .collect();
    files.sort();
    files
}

/// The unit name as the samples' README says to compare it.
fn unit_key(name: &str) -> String {
    canbo_core::roster::unit_key(name)
}

fn check(path: &PathBuf) -> Vec<String> {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}.expected.json", path.display())).unwrap(),
    )
    .unwrap();
    let input = FileInput {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(path).unwrap(),
    };
    let imported = import(&[input], &Overrides::default());
    assert!(
        imported.errors.is_empty(),
        "{}: {:?}",
        path.display(),
        imported.errors
    );
    let options = ReportOptions {
        as_of: expected["as_of"].as_str().unwrap().parse().unwrap(),
        bands: "30,41,51,61".parse().unwrap(),
        ..Default::default()
    };
    let got = serde_json::to_value(report(&imported.roster, &options)).unwrap();
    let mut diffs = Vec::new();
    for (key, want) in expected.as_object().unwrap() {
        if key.starts_with('_') {
            continue;
        }
        match key.as_str() {
            "unit_count" => {
                let n = got["units"].as_array().map_or(0, Vec::len);
                if Some(n as u64) != want.as_u64() {
                    diffs.push(format!("unit_count: want {want}, got {n}"));
                }
            }
            "units" => {
                let got_units: Vec<(String, u64)> = got["units"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| {
                        (
                            unit_key(u["unit"].as_str().unwrap()),
                            u["people"].as_u64().unwrap(),
                        )
                    })
                    .collect();
                for u in want.as_array().unwrap() {
                    let key = unit_key(u["unit"].as_str().unwrap());
                    let found = got_units.iter().find(|(k, _)| *k == key);
                    if found.map(|(_, n)| *n) != u["people"].as_u64() {
                        diffs.push(format!(
                            "unit {}: want {}, got {:?}",
                            u["unit"], u["people"], found
                        ));
                    }
                }
            }
            _ => {
                if &got[key] != want {
                    diffs.push(format!("{key}: want {want}, got {}", got[key]));
                }
            }
        }
    }
    diffs
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
