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

/// A file in the test's own temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("canbo-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn inspect_lists_unread_values_and_columns_read_by_their_values_and_vocab_teaches_them() {
    let roster = temp_file(
        "thu-quy.csv",
        "Họ và tên,Chức vụ,\nLò Văn A,Thủ quỹ,12/12\nLò Văn B,Kế toán,9/12\nLò Văn C,Thủ quỹ,12/12\n"
            .as_bytes(),
    );
    let out = canbo(&["inspect", &roster]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Văn hóa (GDPT) (nhận ra theo nội dung cột)"),
        "{text}"
    );
    assert!(
        text.contains("Chức vụ, chức danh: «Thủ quỹ» — 2 người"),
        "{text}"
    );

    let vocab = temp_file(
        "tu-dien.json",
        r#"{"schema": "canbo.spellings/1", "spellings": [
            {"field": "position", "text": "thủ quỹ", "code": "tai_chinh_ke_toan"}]}"#
            .as_bytes(),
    );
    let out = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--vocab",
        &vocab,
        &roster,
    ]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["category"]["cong_chuc"], 3);
    assert_eq!(report["category"]["unknown"], 0);

    let broken = temp_file("hong.json", b"{\"schema\": \"canbo.spellings/1\", \"spellings\": [{\"field\": \"position\", \"text\": \"x\", \"code\": \"vua\"}]}");
    let out = canbo(&["report", "--vocab", &broken, &roster]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hong.json"));
}
