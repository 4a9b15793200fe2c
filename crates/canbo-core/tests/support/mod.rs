//! What the golden tests share: a roster file against its `<file>.expected.json`.
//!
//! The expected file gives the report's keys (any it omits are not checked; keys starting with
//! `_` are notes), `unit_count` (the number of units) and optionally `units` (people per unit,
//! units matched by `roster::unit_key`). The report date is its `as_of` (or `_as_of`); the
//! age bands are those of its `age.bands` (their lower bounds), else the official form's.

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The files of a folder that have an expected report beside them, sorted.
pub fn files_with_expected(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| expected_path(p).exists())
        .collect();
    files.sort();
    files
}

fn expected_path(file: &Path) -> PathBuf {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    file.with_file_name(format!("{}.expected.json", name.unwrap_or_default()))
}

/// The report options an expected file asks for.
pub fn options(expected: &Value) -> ReportOptions {
    let as_of = expected["as_of"]
        .as_str()
        .or(expected["_as_of"].as_str())
        .expect("an as_of date");
    let bounds: Vec<String> = expected["age"]["bands"]
        .as_array()
        .map(|bands| {
            bands
                .iter()
                .filter_map(|b| b["from"].as_u64())
                .map(|n| n.to_string())
                .collect()
        })
        .unwrap_or_default();
    let bands = if bounds.is_empty() {
        "31,41,51,61".to_string()
    } else {
        bounds.join(",")
    };
    ReportOptions {
        as_of: as_of.parse().unwrap(),
        bands: bands.parse().unwrap(),
        ..Default::default()
    }
}

/// The roster a file gives and the report options its expected file asks for.
#[allow(dead_code)]
pub fn load(path: &Path) -> (canbo_core::Roster, ReportOptions) {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path(path)).unwrap()).unwrap();
    let input = FileInput {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(path).unwrap(),
    };
    (
        import(&[input], &Overrides::default()).roster,
        options(&expected),
    )
}

/// The differences between the file's report and its expected one (empty when equal).
#[allow(dead_code)]
pub fn check(path: &PathBuf) -> Vec<String> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path(path)).unwrap()).unwrap();
    let input = FileInput {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(path).unwrap(),
    };
    let imported = import(&[input], &Overrides::default());
    if !imported.errors.is_empty() {
        return vec![format!("not read: {:?}", imported.errors)];
    }
    let got = serde_json::to_value(report(&imported.roster, &options(&expected))).unwrap();
    let mut diffs = Vec::new();
    for (key, want) in expected.as_object().unwrap() {
        if key.starts_with('_') || key == "schema" {
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
                            canbo_core::roster::unit_key(u["unit"].as_str().unwrap()),
                            u["people"].as_u64().unwrap(),
                        )
                    })
                    .collect();
                for u in want.as_array().unwrap() {
                    let key = canbo_core::roster::unit_key(u["unit"].as_str().unwrap());
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
