//! `cargo xtask fuzz [--secs N] [TARGET…]`: every cargo-fuzz target for a bounded time.
//!
//! Only the stable toolchain is installed here, and libFuzzer's sanitizer flags are
//! nightly-only: `RUSTC_BOOTSTRAP=1` lets stable accept them. cargo-fuzz is installed from
//! crates.io when missing. Each target starts from its committed seeds (`fuzz/seeds/<t>`,
//! read only) and grows a working corpus in `fuzz/corpus/<t>` (not committed); a finding is
//! left in `fuzz/artifacts/<t>/` and fails the command. Findings become regression tests in
//! the normal suite (docs/RELIABILITY.md).
//!
//! The time limit per input is 30 s of wall clock: the largest sample (a 19-sheet, 54 KB
//! xlsx) takes about 5 s under the fuzzer's instrumentation on an idle core, and twice
//! that on this shared machine, which made it a false "timeout" at 10 s.

use crate::run::Project;
use std::path::Path;

pub const TARGETS: [&str; 4] = ["import_bytes", "csv_roster", "store_unpack", "share_decode"];
const CARGO_FUZZ_VERSION: &str = "0.13.2";

pub fn fuzz(project: &Project, args: &[String]) -> Result<(), String> {
    let mut secs = 60u64;
    let mut targets = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--secs" => {
                secs = rest
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--secs needs a number of seconds")?
            }
            t if TARGETS.contains(&t) => targets.push(t),
            other => {
                return Err(format!(
                    "unknown fuzz argument {other:?} (targets: {TARGETS:?})"
                ))
            }
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    ensure_cargo_fuzz(project)?;
    let fuzz_dir = project.root.join("fuzz");
    let mut summary = Vec::new();
    let mut failed = Vec::new();
    for target in targets {
        let corpus = fuzz_dir.join("corpus").join(target);
        let seeds = fuzz_dir.join("seeds").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let log = project
            .root
            .join("target")
            .join(format!("fuzz-{target}.log"));
        let _ = std::fs::create_dir_all(project.root.join("target"));
        let max_time = format!("-max_total_time={secs}");
        let args = [
            "fuzz",
            "run",
            "--fuzz-dir",
            "fuzz",
            "-O",
            target,
            path(&corpus),
            path(&seeds),
            "--",
            &max_time,
            "-timeout=30",
            "-rss_limit_mb=2048",
            "-max_len=262144",
            "-print_final_stats=1",
        ];
        println!(
            "xtask: fuzzing {target} for {secs} s (log: {})",
            log.display()
        );
        let file = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let status = project
            .command("cargo", &args)
            .env("RUSTC_BOOTSTRAP", "1")
            .stderr(file)
            .status()
            .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let runs = text
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
            .map_or("?".to_string(), |n| n.trim().to_string());
        summary.push(format!("{target}: {runs} executions in {secs} s"));
        if !status.success() {
            let reason = text
                .lines()
                .filter(|l| l.contains("SUMMARY") || l.contains("Test unit written"))
                .collect::<Vec<_>>()
                .join("; ");
            failed.push(format!("{target}: {reason}"));
        }
    }
    for line in &summary {
        println!("xtask: {line}");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzzing found: {}", failed.join(" | ")))
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or(".")
}

fn ensure_cargo_fuzz(project: &Project) -> Result<(), String> {
    let wanted = format!("cargo-fuzz {CARGO_FUZZ_VERSION}");
    if project
        .output_line("cargo", &["fuzz", "--version"])
        .is_some_and(|v| v.starts_with(&wanted))
    {
        return Ok(());
    }
    project.run(
        "cargo",
        &["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION],
    )
}
