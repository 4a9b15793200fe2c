//! `canbo standards` and `canbo retirement`, run as a clerk runs them, on the public sample.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn sample() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples/mau-son-don-gian.xlsx");
    path.to_string_lossy().into_owned()
}

fn canbo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canbo"))
        .args(args)
        .output()
        .expect("the canbo binary runs")
}

/// Run, expect success, parse stdout as JSON.
#[track_caller]
fn json(args: &[&str]) -> Value {
    let out = canbo(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[track_caller]
fn check_exit(args: &[&str], code: i32) {
    let out = canbo(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stderr.is_empty(), "{args:?}: a reason on stderr");
}

fn standards(extra: &[&str]) -> Value {
    let s = sample();
    let mut args = vec!["standards", "--as-of", "2024-12-31"];
    args.extend_from_slice(extra);
    args.push(&s);
    json(&args)
}

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("{v} is not a count"))
}

#[test]
fn standards_json_has_the_schema_and_the_rule_set_in_force() {
    let s = standards(&[]);
    assert_eq!(s["schema"], "canbo.standards/1");
    assert_eq!(s["as_of"], "2024-12-31");
    assert_eq!(s["rule_set"]["name"], "Nghị định 33/2023/NĐ-CP");
    assert_eq!(s["rule_set"]["effective_from"], "2023-08-01");
    let below = s["people_below"].as_array().unwrap();
    assert!(!below.is_empty());
    for p in below {
        for key in ["name", "unit", "position", "category", "lacks", "origin"] {
            assert!(p.get(key).is_some(), "{key} in {p}");
        }
        assert!(!p["lacks"].as_array().unwrap().is_empty());
    }
}

#[test]
fn standards_count_the_same_people_per_category_as_the_report() {
    let s = standards(&[]);
    let sample = sample();
    let report = json(&["report", "--as-of", "2024-12-31", &sample]);
    let by_category = s["by_category"].as_object().unwrap();
    for (code, count) in report["category"].as_object().unwrap() {
        let people = by_category.get(code).map_or(0, |c| n(&c["people"]));
        assert_eq!(people, n(count), "{code}");
    }
    for (code, c) in by_category {
        let covered = n(&c["people"]) - n(&c["not_covered"]);
        for criterion in ["general_education", "professional", "political_theory"] {
            let k = &c["criteria"][criterion];
            let sum: u64 = ["meets", "below", "unknown", "grace", "not_required"]
                .iter()
                .map(|key| n(&k[key]))
                .sum();
            assert_eq!(sum, covered, "{code} {criterion}");
        }
        assert!(n(&c["meets_all"]) <= covered, "{code}");
    }
    // Part-time staff and contract staff are outside every default rule set.
    assert_eq!(
        by_category["khong_chuyen_trach"]["not_covered"],
        by_category["khong_chuyen_trach"]["people"]
    );
    assert_eq!(
        by_category["unknown"]["not_covered"],
        by_category["unknown"]["people"]
    );
}

#[test]
fn the_rule_set_switches_on_25_december_2019() {
    let sample = sample();
    let before = json(&["standards", "--as-of", "2019-12-24", &sample]);
    let after = json(&["standards", "--as-of", "2019-12-25", &sample]);
    assert_eq!(before["rule_set"]["name"], "Thông tư 06/2012/TT-BNV");
    assert_eq!(after["rule_set"]["name"], "Thông tư 13/2019/TT-BNV");
    assert_eq!(after["rule_set"]["effective_from"], "2019-12-25");
    // Đại học instead of trung cấp: fewer civil servants meet the new standard.
    let meets = |v: &Value| n(&v["by_category"]["cong_chuc"]["criteria"]["professional"]["meets"]);
    assert!(
        meets(&after) < meets(&before),
        "{} < {}",
        meets(&after),
        meets(&before)
    );
    // Neither circular regulates cán bộ.
    let can_bo = &after["by_category"]["can_bo"];
    assert_eq!(can_bo["not_covered"], can_bo["people"]);
}

#[test]
fn a_rule_set_can_be_chosen_by_name() {
    let s = standards(&["--rule-set", "tt13-2019"]);
    assert_eq!(s["rule_set"]["name"], "Thông tư 13/2019/TT-BNV");
    let later = standards(&["--rule-set", "cv11-2025"]);
    assert_eq!(later["rule_set"]["in_force"], false);
    let sample = sample();
    check_exit(
        &[
            "standards",
            "--as-of",
            "2024-12-31",
            "--rule-set",
            "tt99-2030",
            &sample,
        ],
        2,
    );
}

#[test]
fn a_difficult_area_relaxes_the_civil_servants_standard() {
    let plain = standards(&[]);
    let flagged = standards(&["--difficult-area"]);
    let meets = |v: &Value| n(&v["by_category"]["cong_chuc"]["criteria"]["professional"]["meets"]);
    assert!(
        meets(&flagged) > meets(&plain),
        "{} > {}",
        meets(&flagged),
        meets(&plain)
    );
    let one = standards(&["--difficult-unit", "xã khuổi lầy"]);
    let units = one["by_unit"].as_array().unwrap();
    let flagged_units: Vec<&str> = units
        .iter()
        .filter(|u| u["difficult_area"] == true)
        .filter_map(|u| u["unit"].as_str())
        .collect();
    assert_eq!(flagged_units, ["Xã Khuổi Lầy"]);
    assert!(meets(&one) > meets(&plain) && meets(&one) < meets(&flagged));
    let sample = sample();
    check_exit(
        &[
            "standards",
            "--as-of",
            "2024-12-31",
            "--difficult-unit",
            "Xã Không Có",
            &sample,
        ],
        2,
    );
}

#[test]
fn rule_sets_can_be_read_from_a_json_file() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    let set = r#"{"id":"rieng-2024","name":"Quy định riêng","effective_from":"2024-01-01","rules":[
        {"who":{"category":"khong_chuyen_trach"},"label":"KCT","general_education":{"min":"thpt"}}]}"#;
    std::fs::write(&rules, set).unwrap();
    let s = standards(&["--rules", rules.to_str().unwrap()]);
    assert_eq!(s["rule_set"]["name"], "Quy định riêng");
    assert_eq!(s["by_category"]["khong_chuyen_trach"]["not_covered"], 0);
    assert_eq!(
        s["by_category"]["can_bo"]["not_covered"],
        s["by_category"]["can_bo"]["people"]
    );
    std::fs::write(&rules, "{\"not\": \"a rule set\"}").unwrap();
    let sample = sample();
    check_exit(
        &[
            "standards",
            "--as-of",
            "2024-12-31",
            "--rules",
            rules.to_str().unwrap(),
            &sample,
        ],
        1,
    );
}

#[test]
fn a_rule_set_the_app_would_refuse_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    std::fs::write(
        &rules,
        r#"{"id":"rong","name":"Không có quy định","effective_from":"2024-01-01","rules":[]}"#,
    )
    .unwrap();
    let sample = sample();
    let out = canbo(&[
        "standards",
        "--as-of",
        "2024-12-31",
        "--rules",
        rules.to_str().unwrap(),
        &sample,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("at least one rule"), "{stderr}");
}

#[test]
fn standards_text_csv_and_the_training_plan() {
    let sample = sample();
    let text = canbo(&[
        "standards",
        "--as-of",
        "2024-12-31",
        "--format",
        "text",
        &sample,
    ]);
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Nghị định 33/2023/NĐ-CP"), "{text}");
    assert!(text.contains("Cần đại học"), "{text}");
    let csv = canbo(&[
        "standards",
        "--as-of",
        "2024-12-31",
        "--format",
        "csv",
        &sample,
    ]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    // A header, 18 units and the total.
    assert_eq!(csv.lines().count(), 20, "{csv}");

    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("ke-hoach.xlsx");
    let out = canbo(&[
        "standards",
        "--as-of",
        "2024-12-31",
        "--format",
        "xlsx",
        "-o",
        plan.to_str().unwrap(),
        &sample,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&plan).unwrap().starts_with(b"PK"));
    check_exit(
        &[
            "standards",
            "--as-of",
            "2024-12-31",
            "--format",
            "xlsx",
            &sample,
        ],
        2,
    );
}

#[test]
fn retirement_json_has_one_entry_per_year_and_adds_up() {
    let sample = sample();
    let r = json(&["retirement", "--as-of", "2024-12-31", &sample]);
    assert_eq!(r["schema"], "canbo.retirement/1");
    assert_eq!(r["as_of"], "2024-12-31");
    let years: Vec<u64> = r["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| n(&y["year"]))
        .collect();
    assert_eq!(years, (2024..=2033).collect::<Vec<u64>>());
    let people = r["people"].as_array().unwrap();
    let counted: u64 = r["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| n(&y["count"]))
        .sum::<u64>()
        + n(&r["overdue"]);
    assert_eq!(counted as usize, people.len());
    assert!(n(&r["overdue"]) > 0);
    for p in people {
        for key in ["name", "unit", "position", "gender", "birth", "retires_on"] {
            assert!(p.get(key).is_some(), "{key} in {p}");
        }
    }
    // The sample's one person without birth date or gender is listed apart.
    assert_eq!(r["unknown_birth"].as_array().unwrap().len(), 1);
    let three = json(&[
        "retirement",
        "--as-of",
        "2024-12-31",
        "--years",
        "3",
        &sample,
    ]);
    assert_eq!(three["years"].as_array().unwrap().len(), 3);
}

#[test]
fn retirement_text_and_csv_are_for_people() {
    let sample = sample();
    let text = canbo(&[
        "retirement",
        "--as-of",
        "2024-12-31",
        "--format",
        "text",
        &sample,
    ]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("DỰ BÁO NGHỈ HƯU"), "{text}");
    assert!(text.contains("Năm 2033:"), "{text}");
    let csv = canbo(&[
        "retirement",
        "--as-of",
        "2024-12-31",
        "--format",
        "csv",
        &sample,
    ]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let r = json(&["retirement", "--as-of", "2024-12-31", &sample]);
    assert_eq!(
        csv.lines().count(),
        r["people"].as_array().unwrap().len() + 1
    );
}

#[test]
fn unreadable_files_exit_1_and_bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("danh-sach.xlsx");
    std::fs::write(&junk, b"this is not a spreadsheet").unwrap();
    let junk = junk.to_str().unwrap();
    let sample = sample();
    for command in ["standards", "retirement"] {
        check_exit(&[command, "--as-of", "2024-12-31", junk], 1);
        check_exit(&[command, "--as-of", "2024-12-31", "khong-co-tep.xlsx"], 1);
        check_exit(&[command, "--as-of", "2024-13-45", &sample], 2);
        check_exit(&[command, "--as-of", "31/12/2024", &sample], 2);
        check_exit(&[command, "--as-of", "2024-12-31"], 2);
    }
    check_exit(
        &[
            "retirement",
            "--as-of",
            "2024-12-31",
            "--years",
            "0",
            &sample,
        ],
        2,
    );
    check_exit(
        &[
            "retirement",
            "--as-of",
            "2024-12-31",
            "--format",
            "xlsx",
            &sample,
        ],
        2,
    );
}
