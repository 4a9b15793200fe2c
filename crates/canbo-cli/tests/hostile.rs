//! The CLI given hostile input: the CSV it writes runs no formula, a file it cannot read is
//! one line on stderr naming it and exit 1, never a panic.

use std::path::Path;
use std::process::{Command, Output};

fn canbo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canbo"))
        .args(args)
        .output()
        .expect("the canbo binary runs")
}

/// A roster whose units and names begin like formulas.
fn attack(dir: &Path) -> String {
    let path = dir.join("tan-cong.csv");
    std::fs::write(
        &path,
        "Họ và tên,Đơn vị,Giới tính,Ngày sinh,Chức vụ,Trình độ văn hóa\n\
         \"=1+1\",\"=1+1\",Nữ,01/01/1966,Chủ tịch UBND,9/12\n\
         \"+Trần Thị B\",\"+Xã A\",Nữ,01/01/1966,Chủ tịch UBND,9/12\n\
         \"-Lê Văn C\",\"-Xã B\",Nam,01/01/1964,Chủ tịch UBND,9/12\n\
         \"@SUM(A1)\",\"@SUM(A1)\",Nam,01/01/1964,Chủ tịch UBND,9/12\n",
    )
    .expect("write");
    path.to_string_lossy().into_owned()
}

/// Every field of every line, unquoted (no field of these files holds a comma or quote).
fn fields(csv: &str) -> Vec<String> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .flat_map(|l| l.split(','))
        .map(|f| f.trim_matches('"').to_string())
        .collect()
}

#[test]
fn every_csv_the_cli_writes_keeps_formulas_inert() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = attack(dir.path());
    for command in ["report", "standards", "retirement"] {
        let out = canbo(&[command, "--as-of", "2024-12-31", "--format", "csv", &file]);
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = String::from_utf8(out.stdout).expect("utf-8");
        for field in fields(&csv) {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{command}: live field {field:?} in\n{csv}"
            );
        }
        assert!(csv.to_lowercase().contains("'-xã b"), "{command}: {csv}");
    }
}

#[test]
fn unreadable_hostile_files_exit_1_with_one_line_naming_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &[u8], &str); 4] = [
        ("bao-cao.xlsx", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "a PDF"),
        ("dai.csv", &[b'x'; 1_500_000], "line 1"),
        ("lotus.wk1", &[0, 0, 2, 0, 6, 4, 0, 0], "Lotus 1-2-3"),
        ("trong.csv", b"\n\n", "holds no data"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = canbo(&["report", path.to_str().expect("path")]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
    }
}

/// Every input the CLI reads whole besides spreadsheets (taught spellings, rule sets, an
/// earlier report, a roster package, a passphrase file) is refused past its stated size
/// before it is read: one line naming the file, exit 1. Files past the limit are sparse (the
/// size is known at once); `/dev/zero` says no size, and is read only to the limit + 1 byte.
#[test]
fn inputs_read_whole_are_refused_past_their_size_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = attack(dir.path());
    let sparse = |name: &str, len: u64| {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).expect("create");
        file.set_len(len).expect("set_len");
        path.to_string_lossy().into_owned()
    };
    // 100 MB for JSON and for a package (the core's file size limit), 64 KB for a passphrase.
    let json = sparse("lon.json", 100_000_001);
    let package = sparse("lon.canbo", 100_000_001);
    let passphrase = sparse("mat-khau.txt", 64_001);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["report", "--vocab", &json, &roster], "lon.json"),
        (
            vec!["report", "--format", "prose", "--compare", &json, &roster],
            "lon.json",
        ),
        (vec!["standards", "--rules", &json, &roster], "lon.json"),
        (
            vec!["pack", "--rules", &json, "-o", "x.canbo", &roster],
            "lon.json",
        ),
        (vec!["unpack", &package], "lon.canbo"),
        (
            vec!["share", "--passphrase-file", &passphrase, &roster],
            "mat-khau.txt",
        ),
        (
            vec!["standards", "--rules", "/dev/zero", &roster],
            "/dev/zero",
        ),
        (
            vec!["share", "--passphrase-file", "/dev/zero", &roster],
            "/dev/zero",
        ),
    ];
    for (args, file) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_canbo"))
            .args(&args)
            .env("CANBO_PASSPHRASE", "mật khẩu thử")
            .current_dir(dir.path())
            .output()
            .expect("the canbo binary runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(
            err.contains(file) && err.contains("tệp quá lớn") && err.contains("file too large"),
            "{args:?}: {err}"
        );
    }
}

/// Below the limits nothing changes: a small spellings file is read.
#[test]
fn a_json_input_under_the_limit_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = attack(dir.path());
    let vocab = dir.path().join("tu-dien.json");
    std::fs::write(
        &vocab,
        "{\"schema\":\"canbo.spellings/1\",\"spellings\":[]}",
    )
    .expect("write");
    let out = canbo(&["report", "--vocab", vocab.to_str().expect("path"), &roster]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
