//! The arguments `report`, `standards` and `retirement` share (`common::Common`, flattened
//! into each): every one of them takes the date, the language, the output file, the
//! passphrase of a package, the taught spellings and the files, with the same meaning.

use std::path::PathBuf;
use std::process::{Command, Output};

const SUBCOMMANDS: [&str; 3] = ["report", "standards", "retirement"];

fn sample() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples/mau-son-don-gian.xlsx");
    path.to_string_lossy().into_owned()
}

fn canbo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canbo"))
        .args(args)
        .env_remove("CANBO_PASSPHRASE")
        .output()
        .expect("the canbo binary runs")
}

#[track_caller]
fn ok(args: &[&str]) -> Output {
    let out = canbo(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("canbo-common-args-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn every_subcommand_lists_the_common_options_in_its_help() {
    for sub in SUBCOMMANDS {
        let help = String::from_utf8(ok(&[sub, "--help"]).stdout).unwrap();
        for option in [
            "--as-of",
            "--lang",
            "--output",
            "--passphrase-file",
            "--vocab",
            "[FILE]...",
        ] {
            assert!(
                help.contains(option),
                "{sub} --help lacks {option}:\n{help}"
            );
        }
    }
}

#[test]
fn every_subcommand_takes_the_common_options_with_the_same_meaning() {
    let dir = temp_dir("options");
    let vocab = path(&dir, "tu-dien.json");
    std::fs::write(
        &vocab,
        r#"{"schema": "canbo.spellings/1", "spellings": []}"#,
    )
    .unwrap();
    let secret = path(&dir, "mat-khau.txt");
    std::fs::write(&secret, "một câu mật khẩu dài\n").unwrap();
    let package = path(&dir, "goi.canbo");
    ok(&[
        "pack",
        "-o",
        &package,
        "--passphrase-file",
        &secret,
        &sample(),
    ]);
    let english_heading = [
        ("report", "WORKFORCE REPORT"),
        ("standards", "STANDARDS OF CADRES"),
        ("retirement", "RETIREMENT FORECAST"),
    ];
    for (sub, heading) in english_heading {
        let from_files = path(&dir, &format!("{sub}-files.txt"));
        let out = ok(&[
            sub,
            "--format",
            "text",
            "--as-of",
            "2024-12-31",
            "--lang",
            "en",
            "--vocab",
            &vocab,
            "-o",
            &from_files,
            &sample(),
        ]);
        assert!(
            out.stdout.is_empty(),
            "{sub}: -o writes the file, not stdout"
        );
        let text = std::fs::read_to_string(&from_files).unwrap();
        assert!(text.contains(heading), "{sub}: {text}");

        // The same roster from a package opened with --passphrase-file gives the same text.
        let from_package = path(&dir, &format!("{sub}-package.txt"));
        ok(&[
            sub,
            "--format",
            "text",
            "--as-of",
            "2024-12-31",
            "--lang",
            "en",
            "--passphrase-file",
            &secret,
            "--output",
            &from_package,
            &package,
        ]);
        let packaged = std::fs::read_to_string(&from_package).unwrap();
        assert_eq!(
            without_file_names(&packaged),
            without_file_names(&text),
            "{sub}"
        );

        // --lang vi is the default.
        let vi = ok(&[sub, "--format", "text", "--as-of", "2024-12-31", &sample()]);
        let vi_explicit = ok(&[
            sub,
            "--format",
            "text",
            "--as-of",
            "2024-12-31",
            "--lang",
            "vi",
            &sample(),
        ]);
        assert_eq!(vi.stdout, vi_explicit.stdout, "{sub}");
        assert_ne!(vi.stdout, text.as_bytes(), "{sub}: vi and en differ");
    }
}

/// The report names the files it was made from; a package's roster names the same ones, but
/// the text may differ in nothing else.
fn without_file_names(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains(".xlsx") && !l.contains(".canbo"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_csv_of_standards_and_retirement_follows_the_language() {
    for (sub, vi, en) in [
        ("standards", "Đơn vị,Số người", "Unit,People"),
        ("retirement", "STT,Họ và tên", "No.,Name"),
    ] {
        for (lang, head) in [("vi", vi), ("en", en)] {
            let out = ok(&[
                sub,
                "--format",
                "csv",
                "--as-of",
                "2024-12-31",
                "--lang",
                lang,
                &sample(),
            ]);
            let csv = String::from_utf8(out.stdout).unwrap();
            assert!(
                csv.starts_with(&format!("\u{feff}{head}")),
                "{sub} {lang}: {csv}"
            );
        }
    }
}

#[test]
fn inspect_takes_the_language_and_the_output_file() {
    let dir = temp_dir("inspect");
    let out_file = path(&dir, "inspect.txt");
    let out = ok(&["inspect", "--lang", "en", "-o", &out_file, &sample()]);
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert!(text.contains("Sheet «"), "{text}");
    let vi = String::from_utf8(ok(&["inspect", &sample()]).stdout).unwrap();
    assert!(vi.contains("Trang «"), "{vi}");
}
