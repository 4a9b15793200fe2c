//! `canbo share`, `canbo report --from-link`, `canbo pack` / `unpack` and packages as input,
//! as a user runs them: output, files, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn canbo(args: &[&str]) -> Output {
    canbo_env(args, None)
}

fn canbo_env(args: &[&str], passphrase: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_canbo"));
    command.args(args).env_remove("CANBO_PASSPHRASE");
    if let Some(p) = passphrase {
        command.env("CANBO_PASSPHRASE", p);
    }
    command.output().expect("the canbo binary runs")
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const DATE: [&str; 4] = ["--as-of", "2024-12-31", "--age-bands", "30,41,51,61"];

fn link(extra: &[&str], file: &str) -> String {
    let mut args = vec!["share"];
    args.extend(DATE);
    args.extend(extra);
    args.push(file);
    ok(&canbo(&args)).trim().to_string()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(ok(out).as_bytes()).unwrap()
}

#[test]
fn a_link_gives_back_the_report_of_its_roster() {
    let csv = sample("mau-son.csv");
    let l = link(&[], &csv);
    assert!(l.starts_with("#r1."), "{l}");
    assert!(l.len() < 2_000, "{}", l.len());
    let mut direct_args = vec!["report"];
    direct_args.extend(DATE);
    direct_args.push(&csv);
    let direct = json(&canbo(&direct_args));
    let shared = json(&canbo(&["report", "--from-link", &l]));
    for key in [
        "people",
        "category",
        "gender",
        "professional",
        "age",
        "units",
    ] {
        assert_eq!(shared[key], direct[key], "{key}");
    }
    assert_eq!(shared["source_count"], 1);
    assert_eq!(shared["sources"], serde_json::json!([]));
    assert!(shared["standards"]["total"]["people"].as_u64().unwrap() > 0);
    assert!(shared["retirement"]["years"].as_array().unwrap().len() == 10);
    // The same as a whole URL, and as text.
    let url = format!("https://canbo.example/{l}");
    let text = ok(&canbo(&["report", "--from-link", &url, "--format", "text"]));
    assert!(text.contains("Tổng số: 420"), "{text}");
}

#[test]
fn hidden_counts_show_as_below_the_threshold() {
    let l = link(&["--hide-small", "3"], &sample("mau-son-xa.xlsx"));
    let csv = ok(&canbo(&["report", "--from-link", &l, "--format", "csv"]));
    assert!(csv.contains(",<3,"), "{csv}");
    let shared = json(&canbo(&["report", "--from-link", &l]));
    assert_eq!(shared["hidden"]["below"], 3);
    assert!(!shared["hidden"]["paths"].as_array().unwrap().is_empty());
    assert_eq!(shared["people"], 420);
    let bad = canbo(&["share", "--hide-small", "1", &sample("mau-son.csv")]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_locked_link_needs_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let pass = write(dir.path(), "pass.txt", "mật khẩu chung\n");
    let wrong = write(dir.path(), "wrong.txt", "sai\n");
    let l = link(&["--passphrase-file", &pass], &sample("mau-son.csv"));
    assert!(l.starts_with("#r1e."), "{l}");
    let none = canbo(&["report", "--from-link", &l]);
    assert_eq!(none.status.code(), Some(2), "{}", stderr(&none));
    let bad = canbo(&["report", "--from-link", &l, "--passphrase-file", &wrong]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("wrong passphrase"),
        "{}",
        stderr(&bad)
    );
    let good = json(&canbo(&[
        "report",
        "--from-link",
        &l,
        "--passphrase-file",
        &pass,
    ]));
    assert_eq!(good["people"], 420);
    let env = canbo_env(&["report", "--from-link", &l], Some("mật khẩu chung"));
    assert!(env.status.success());
}

#[test]
fn damaged_and_newer_links_exit_1_with_one_line() {
    let l = link(&[], &sample("mau-son.csv"));
    for (text, says) in [
        (&l[..l.len() / 2], "damaged or incomplete"),
        ("#r2.AAAA", "newer version"),
        ("#top", "damaged or incomplete"),
    ] {
        let out = canbo(&["report", "--from-link", text]);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
    }
}

#[test]
fn links_combine_and_the_combination_is_shared_again() {
    let a = link(&["--title", "Huyện A"], &sample("mau-son.csv"));
    let b = link(&[], &sample("mau-son-xa.xlsx"));
    let unnamed = canbo(&["report", "--from-link", &a, "--from-link", &b]);
    assert_eq!(unnamed.status.code(), Some(1));
    assert!(stderr(&unnamed).contains("link 2"), "{}", stderr(&unnamed));
    let args = [
        "--from-link",
        &a,
        "--from-link",
        &b,
        "--name",
        "",
        "--name",
        "Huyện B",
    ];
    let mut report = vec!["report"];
    report.extend(args);
    let combined = json(&canbo(&report));
    assert_eq!(combined["people"], 840);
    assert_eq!(combined["units"][0]["unit"], "Huyện A");
    assert_eq!(combined["units"][1]["unit"], "Huyện B");
    let mut share = vec!["share"];
    share.extend(args);
    let again = ok(&canbo(&share)).trim().to_string();
    let back = json(&canbo(&["report", "--from-link", &again]));
    assert_eq!(back["people"], 840);
    assert_eq!(back["units"], combined["units"]);
}

#[test]
fn a_package_round_trips_and_feeds_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let pass = write(dir.path(), "pass.txt", "mật khẩu\n");
    let wrong = write(dir.path(), "wrong.txt", "khác\n");
    let pkg = dir.path().join("xa.canbo").to_string_lossy().into_owned();
    let csv = sample("mau-son.csv");
    ok(&canbo(&[
        "pack",
        "-o",
        &pkg,
        "--passphrase-file",
        &pass,
        &csv,
    ]));
    let bytes = std::fs::read(&pkg).unwrap();
    assert!(bytes.starts_with(b"\x89CANBO\r\n"));

    let roster = json(&canbo(&["unpack", &pkg, "--passphrase-file", &pass]));
    assert_eq!(roster["people"].as_array().unwrap().len(), 420);
    let all = json(&canbo(&[
        "unpack",
        &pkg,
        "--all",
        "--passphrase-file",
        &pass,
    ]));
    assert!(all["roster"].is_object() && all["snapshots"].is_array());

    let mut from_pkg = vec!["report", "--passphrase-file", &pass];
    from_pkg.extend(DATE);
    from_pkg.push(&pkg);
    let mut from_csv = vec!["report"];
    from_csv.extend(DATE);
    from_csv.push(&csv);
    assert_eq!(
        json(&canbo(&from_pkg))["units"],
        json(&canbo(&from_csv))["units"]
    );
    let env = canbo_env(
        &["retirement", "--as-of", "2024-12-31", &pkg],
        Some("mật khẩu"),
    );
    assert!(env.status.success(), "{}", stderr(&env));

    let bad = canbo(&["unpack", &pkg, "--passphrase-file", &wrong]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("wrong passphrase"));
    let none = canbo(&["report", &pkg]);
    assert_eq!(none.status.code(), Some(2));
    let mixed = canbo(&["report", "--passphrase-file", &pass, &pkg, &csv]);
    assert_eq!(mixed.status.code(), Some(2));

    let mut tampered = bytes.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 0x40;
    let t = dir.path().join("t.canbo");
    std::fs::write(&t, &tampered).unwrap();
    let out = canbo(&["unpack", t.to_str().unwrap(), "--passphrase-file", &pass]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
}
