//! `canbo report` and `canbo inspect` as a user runs them: output, files, exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn canbo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canbo"))
        .args(args)
        .output()
        .expect("the canbo binary runs")
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn report_json_matches_the_sample_figures() {
    let out = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--age-bands",
        "30,41,51,61",
        &sample("mau-son.csv"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "canbo.report/1");
    assert_eq!(json["people"], 420);
    assert_eq!(json["age"]["bands"][1]["label"], "30-40");
    assert_eq!(json["units"].as_array().unwrap().len(), 18);
}

#[test]
fn several_files_merge_into_one_roster() {
    let out = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        &sample("mau-son.csv"),
        &sample("mau-son.xls"),
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["people"], 840);
    assert_eq!(json["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn text_csv_and_xlsx_formats() {
    let text = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "text",
        &sample("mau-son-xa.xlsx"),
    ]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Tổng số: 420"), "{text}");
    let csv = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "csv",
        &sample("mau-son-xa.xlsx"),
    ]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.lines().last().unwrap().starts_with("Tổng cộng,420,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 18 + 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao.xlsx");
    let out = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
        &sample("mau-son-xa.xlsx"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK"));
    // The exported form reads back through the same importer's reader.
    let wb = canbo_core::read::read("bao-cao.xlsx", &bytes).unwrap();
    let total_row = wb.sheets[0]
        .rows
        .iter()
        .find(|r| r.first().map(|c| c.display()) == Some("Tổng cộng".into()))
        .unwrap();
    assert_eq!(total_row[1], canbo_core::read::Cell::Number(420.0));
}

#[test]
fn inspect_shows_header_rows_columns_and_skipped_sheets() {
    let out = canbo(&["inspect", &sample("mau-son-xa.xlsx")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("«TH»: bỏ qua"), "{text}");
    assert!(text.contains("Nam/Nữ"), "{text}");
    let json = canbo(&["inspect", "--json", &sample("mau-son-bieu.xlsx")]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        json["files"][0]["sheets"][0]["header_rows"],
        serde_json::json!([5, 6, 7])
    );
}

#[test]
fn an_unreadable_file_exits_1_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("anh.png");
    std::fs::write(&path, [0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0]).unwrap();
    let out = canbo(&["report", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("anh.png"), "{err}");
    let missing = canbo(&["report", "/nonexistent/x.xlsx"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        canbo(&["report", "--as-of", "31/12/2024", &sample("mau-son.csv")])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        canbo(&["report", "--age-bands", "61,30", &sample("mau-son.csv")])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(canbo(&["report"]).status.code(), Some(2));
    assert_eq!(
        canbo(&["report", "--format", "xlsx", &sample("mau-son.csv")])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(canbo(&["frobnicate"]).status.code(), Some(2));
}
