//! `canbo report --format prose` and `--format docx` as a user runs them. The document is
//! opened by what a clerk's office would open it with: LibreOffice (converted to PDF, whose
//! text must hold every unit and every column heading of the form, on every page the form
//! runs to), and python-docx reading the tables back. Each runs where it is installed; the
//! test says so and passes only when neither is.

use canbo_core::export::table;
use canbo_core::export::Lang;
use canbo_core::report::Report;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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

fn stdout(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn prose_prints_the_report_as_text_in_either_language() {
    let vi = stdout(canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "prose",
        &sample("mau-son-xa.xlsx"),
    ]));
    assert!(vi.starts_with("1. Số lượng, cơ cấu\n"), "{vi}");
    assert!(
        vi.contains("Tính đến ngày 31/12/2024, tổng số cán bộ, công chức và người hoạt động không chuyên trách cấp xã là 420 người"),
        "{vi}"
    );
    let en = stdout(canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "prose",
        "--lang",
        "en",
        &sample("mau-son-xa.xlsx"),
    ]));
    assert!(en.starts_with("1. Numbers and composition\n"), "{en}");
    assert!(en.contains("number 420"), "{en}");
}

#[test]
fn prose_compares_with_an_earlier_report_and_adds_standards_and_retirement() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = dir.path().join("2019.json");
    let json = stdout(canbo(&[
        "report",
        "--as-of",
        "2019-06-30",
        &sample("mau-son.csv"),
    ]));
    std::fs::write(&earlier, json).unwrap();
    let vi = stdout(canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "prose",
        "--compare",
        earlier.to_str().unwrap(),
        "--compare-name",
        "6 tháng đầu năm 2019",
        "--standards",
        "--retirement",
        &sample("mau-son.csv"),
    ]));
    assert!(
        vi.contains("là 420 người (không đổi so với «6 tháng đầu năm 2019»)"),
        "{vi}"
    );
    assert!(vi.contains("\n5. Tiêu chuẩn chức danh\n"), "{vi}");
    assert!(vi.contains("\n6. Dự báo nghỉ hưu\n"), "{vi}");
    // Without a name, the comparison is called by its date.
    let en = stdout(canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "prose",
        "--lang",
        "en",
        "--compare",
        earlier.to_str().unwrap(),
        &sample("mau-son.csv"),
    ]));
    assert!(en.contains("(unchanged from «30 June 2019»)"), "{en}");
}

#[test]
fn arguments_that_do_not_go_together_exit_2_and_a_bad_comparison_1() {
    let file = sample("mau-son.csv");
    let code = |args: &[&str]| canbo(args).status.code();
    assert_eq!(code(&["report", "--format", "docx", &file]), Some(2));
    assert_eq!(
        code(&[
            "report",
            "--format",
            "docx",
            "--lang",
            "en",
            "-o",
            "/tmp/x.docx",
            &file
        ]),
        Some(2)
    );
    assert_eq!(
        code(&["report", "--agency", "Phòng Nội vụ", &file]),
        Some(2)
    );
    assert_eq!(
        code(&["report", "--standards", "--format", "csv", &file]),
        Some(2)
    );
    assert_eq!(code(&["report", "--compare-name", "x", &file]), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("not-a-report.json");
    std::fs::write(&bad, "{\"schema\": \"canbo.standards/1\"}").unwrap();
    let out = canbo(&[
        "report",
        "--format",
        "prose",
        "--compare",
        bad.to_str().unwrap(),
        &file,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not-a-report.json"), "{err}");
}

/// Sixty communes of two people each: a form long enough to run over several pages.
fn long_roster(dir: &Path) -> PathBuf {
    let firsts = ["Bắc", "Nam", "Đông", "Tây", "Thượng", "Hạ"];
    let seconds = [
        "Sơn", "Hà", "Lâm", "Phong", "Thủy", "Yên", "Bình", "Hòa", "Lương", "Xuân",
    ];
    let mut csv = String::from(
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ,Trình độ chuyên môn,Lý luận chính trị,Đảng viên,Kết quả đánh giá\n",
    );
    let mut i = 0;
    for a in firsts {
        for b in seconds {
            for (post, level) in [("Chủ tịch UBND", "Đại học"), ("Kế toán", "Trung cấp")]
            {
                i += 1;
                let year = 1960 + i % 40;
                let gender = if i % 3 == 0 { "Nữ" } else { "Nam" };
                csv.push_str(&format!(
                    "Người {i},01/0{}/{year},{gender},Xã {a} {b},{post},{level},Trung cấp,x,Hoàn thành tốt nhiệm vụ\n",
                    1 + i % 9
                ));
            }
        }
    }
    let path = dir.join("sau-muoi-xa.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

/// Runs a tool with a time limit; `None` if it cannot start.
fn run(program: &str, args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        if child.try_wait().ok()?.is_some() {
            return child.wait_with_output().ok();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{program} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whitespace out: a heading wrapped in its cell still reads as one string.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The report of the roster, and the form's column labels and groups.
fn expected(roster: &Path) -> (Report, Vec<String>) {
    let json = stdout(canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        roster.to_str().unwrap(),
    ]));
    let report: Report = serde_json::from_str(&json).unwrap();
    let mut headings: Vec<String> = Vec::new();
    for c in table::columns(&report, Lang::Vi) {
        for h in [c.group, c.label] {
            if !headings.contains(&h) {
                headings.push(h);
            }
        }
    }
    (report, headings)
}

#[test]
fn the_document_opens_and_holds_every_unit_and_every_column_heading() {
    let dir = tempfile::tempdir().unwrap();
    let roster = long_roster(dir.path());
    let docx = dir.path().join("bao-cao.docx");
    let out = canbo(&[
        "report",
        "--as-of",
        "2024-12-31",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
        "--agency",
        "Phòng Nội vụ",
        "--superior",
        "UBND huyện Mẫu Sơn",
        "--place",
        "Mẫu Sơn",
        "--signer",
        "Nguyễn Văn An",
        "--signer-post",
        "Trưởng phòng",
        "--date",
        "2025-01-06",
        roster.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (report, headings) = expected(&roster);
    assert_eq!(report.units.len(), 60);
    let mut checked = Vec::new();
    if available("soffice", &["--version"]) && available("pdftotext", &["-v"]) {
        read_with_libreoffice(dir.path(), &docx, &report, &headings);
        checked.push("LibreOffice");
    }
    if available("python3", &["-c", "import docx"]) {
        read_with_python_docx(&docx, &report, &headings);
        checked.push("python-docx");
    }
    if checked.is_empty() {
        eprintln!(
            "skipped: neither LibreOffice with poppler-utils (soffice, pdftotext) nor python-docx is installed"
        );
    } else {
        eprintln!("read back with {}", checked.join(" and "));
    }
}

/// LibreOffice converts the document (no prompt: headless fails rather than ask), and
/// every page the form runs over starts with its heading rows.
fn read_with_libreoffice(dir: &Path, docx: &Path, report: &Report, headings: &[String]) {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let out = run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
        Duration::from_secs(180),
    )
    .expect("soffice runs");
    let pdf = dir.join("bao-cao.pdf");
    assert!(
        pdf.exists(),
        "soffice made no PDF: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = run(
        "pdftotext",
        // Raw order: the PDF's own, where a cell's wrapped lines follow one another.
        &["-raw", pdf.to_str().unwrap(), "-"],
        Duration::from_secs(60),
    )
    .expect("pdftotext runs");
    let text = String::from_utf8(text.stdout).unwrap();
    let pages: Vec<String> = text.split('\u{c}').map(squash).collect();
    let all = squash(&text);
    for u in &report.units {
        assert!(all.contains(&squash(&u.unit)), "{} not in the PDF", u.unit);
    }
    for h in headings {
        assert!(
            all.contains(&squash(h)),
            "column heading «{h}» not in the PDF"
        );
    }
    assert!(all.contains("CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM"));
    assert!(all.contains("Nơinhận:"));
    // The form's pages: those listing units. Each repeats the header rows.
    let form: Vec<&String> = pages
        .iter()
        .filter(|p| report.units.iter().any(|u| p.contains(&squash(&u.unit))))
        .collect();
    assert!(form.len() >= 4, "60 units over {} pages", form.len());
    for (i, page) in form.iter().enumerate() {
        assert!(
            page.contains("Đơnvị"),
            "form page {} has no header rows",
            i + 1
        );
    }
    eprintln!(
        "LibreOffice: {} pages, of which {} of the form",
        pages.iter().filter(|p| !p.is_empty()).count(),
        form.len()
    );
}

/// python-docx reads the tables back: the units down the first column of each part of the
/// form, every heading in its header rows, and those rows marked to repeat.
fn read_with_python_docx(docx: &Path, report: &Report, headings: &[String]) {
    let script = r#"
import docx, json, sys
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = {"orient": [int(s.orientation) for s in d.sections], "tables": []}
for t in d.tables:
    rows = []
    for r in t.rows:
        trPr = r._tr.trPr
        header = trPr is not None and trPr.find(qn("w:tblHeader")) is not None
        rows.append({"header": header, "cells": [c.text for c in r.cells]})
    out["tables"].append(rows)
print(json.dumps(out))
"#;
    let out = run(
        "python3",
        &["-c", script, docx.to_str().unwrap()],
        Duration::from_secs(60),
    )
    .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        read["orient"],
        serde_json::json!([0, 1]),
        "portrait, then landscape"
    );
    let forms: Vec<&Vec<serde_json::Value>> = read["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_array().unwrap())
        .filter(|t| t.iter().any(|r| r["header"] == true))
        .collect();
    assert!(forms.len() >= 2, "the form in parts: {}", forms.len());
    let mut seen_headings = std::collections::HashSet::new();
    for form in &forms {
        let header: Vec<&serde_json::Value> =
            form.iter().take_while(|r| r["header"] == true).collect();
        assert_eq!(header.len(), 3);
        for r in &header {
            for c in r["cells"].as_array().unwrap() {
                seen_headings.insert(c.as_str().unwrap().to_string());
            }
        }
        let units: Vec<&str> = form
            .iter()
            .skip(3)
            .map(|r| r["cells"][0].as_str().unwrap())
            .collect();
        let mut want: Vec<&str> = report.units.iter().map(|u| u.unit.as_str()).collect();
        want.push("Tổng cộng");
        assert_eq!(units, want);
        let total = form.last().unwrap()["cells"].as_array().unwrap();
        assert_eq!(total[0], "Tổng cộng");
    }
    for h in headings {
        assert!(
            seen_headings.contains(h),
            "column heading «{h}» not read back"
        );
    }
    let first = forms[0].last().unwrap()["cells"][1].as_str().unwrap();
    assert_eq!(
        first,
        report.people.to_string(),
        "the total is the first figure"
    );
}
