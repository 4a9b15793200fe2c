//! `cargo xtask bench [native|storage|report|sizes|browser…] [--people N]`: every benchmark of
//! docs/BENCHMARKS.md in one run, as ratios measured side by side on this machine, never as
//! timed tests. Without a part named, all four run.
//!
//! - `native`: `canbo report` on a generated roster (default 250,000 people) against
//!   python-calamine (PyPI, installed into `target/tools/py` for the benchmark only) merely
//!   reading every cell of the same file; three rounds alternating, the fastest of each, wall
//!   clock.
//! - `report`: the criterion benchmark `report_filter`: coding a roster, a report under a
//!   filter, a cross-tab and a drill-down from the coded roster against the plain report,
//!   and the roster crossing from the worker as columns against JSON.
//! - `storage`: the criterion benchmark of the stored roster (`store_roster`): characters kept
//!   and the time to pack and unpack 10,000 and 250,000 people.
//! - `sizes`: a release build into dist/, then every file the page loads first (what
//!   index.html names) and the worker's files, raw, gzip -9 and brotli -q 11.
//! - `browser`: the ignored end-to-end benchmarks (`tests/e2e/bench.rs`) in headless
//!   Chromium against a copy of dist/ served compressed (brotli, which Chromium asks for
//!   even from localhost, else gzip): a 100,000-person roster picked
//!   on the page against SheetJS (npm `xlsx`, installed into `target/tools` for the
//!   benchmark only) parsing it in the same tab; the longest main-thread task during the
//!   import and a filter change; the same import and filter change at 250,000 people; and the
//!   start on a "Fast 3G" line.
//!
//! Everything ends in `target/bench/results.md`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::run::Project;
use crate::{sizes, tools};

const PARTS: [&str; 5] = ["native", "storage", "report", "sizes", "browser"];
const PYTHON_CALAMINE: &str = "python-calamine==0.9.1";
const SHEETJS_NPM: &str = "xlsx@0.18.5";

pub fn bench(project: &Project, args: &[String]) -> Result<(), String> {
    let mut people = 250_000usize;
    let mut parts = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--people" => {
                people = rest
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--people needs a number")?
            }
            p if PARTS.contains(&p) => parts.push(p),
            other => {
                return Err(format!(
                    "unknown bench argument {other:?} (parts: {PARTS:?})"
                ))
            }
        }
    }
    if parts.is_empty() {
        parts = PARTS.to_vec();
    }
    let dir = project.root.join("target").join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut results = vec![format!("# cargo xtask bench {}\n", args.join(" "))];
    for part in parts {
        let section = match part {
            "native" => native(project, &dir, people)?,
            "storage" => criterion(project, "store_roster", "Storage")?,
            "report" => criterion(project, "report_filter", "Report and transfer")?,
            "sizes" => {
                tools::ensure_build_tools(project)?;
                project.run("trunk", &["build", "--release"])?;
                let mut table = sizes::first_load_table(&project.root.join("dist"))?;
                table.push('\n');
                table.push_str(&crate::wasm_code::table(&project.root.join("target"))?);
                table
            }
            _ => browser(project, &dir)?,
        };
        println!("{section}");
        results.push(section);
    }
    let file = dir.join("results.md");
    std::fs::write(&file, results.join("\n")).map_err(|e| format!("{}: {e}", file.display()))?;
    println!("xtask: results in {}", file.display());
    Ok(())
}

/// A generated roster of `people`, made once and kept in `target/bench`.
fn roster(project: &Project, dir: &Path, people: usize) -> Result<PathBuf, String> {
    let file = dir.join(format!("roster-{people}.xlsx"));
    if !file.is_file() {
        let out = path(&file)?.to_string();
        let n = people.to_string();
        crate::gen_roster(
            project,
            &["--people".to_string(), n, "--out".to_string(), out],
        )?;
    }
    Ok(file)
}

fn path(p: &Path) -> Result<&str, String> {
    p.to_str()
        .ok_or_else(|| format!("{} is not UTF-8", p.display()))
}

/// The same number of people as four files of about a quarter each (different people: the
/// generator's seed follows the count), as a province's districts send them.
fn four_files(project: &Project, dir: &Path, people: usize) -> Result<Vec<PathBuf>, String> {
    let quarter = (people / 4).max(3);
    // Four different counts (the last is a quarter and two, or more), so four different files.
    let counts = [
        quarter - 1,
        quarter + 1,
        quarter - 2,
        (people + 2).saturating_sub(3 * quarter).max(1),
    ];
    counts.iter().map(|&n| roster(project, dir, n)).collect()
}

fn native(project: &Project, dir: &Path, people: usize) -> Result<String, String> {
    let one = vec![roster(project, dir, people)?];
    let four = four_files(project, dir, people)?;
    project.run("cargo", &["build", "--release", "-p", "canbo-cli"])?;
    let canbo = project.root.join("target").join("release").join("canbo");
    let python = ensure_python_calamine(project, dir)?;
    let out = dir.join("report.json");
    let read_all = "import sys\nfrom python_calamine import CalamineWorkbook\n\
                    n = 0\n\
                    for f in sys.argv[1:]:\n\
                    \x20   wb = CalamineWorkbook.from_path(f)\n\
                    \x20   n += sum(len(wb.get_sheet_by_name(s).to_python()) for s in wb.sheet_names)\n\
                    print(n)\n";
    let mut rows = String::new();
    for (what, files) in [("one file", &one), ("four files", &four)] {
        let files: Vec<&str> = files.iter().map(|f| path(f)).collect::<Result<_, _>>()?;
        let mut ours = Duration::MAX;
        let mut theirs = Duration::MAX;
        for _ in 0..3 {
            let mut args = vec!["report"];
            args.extend(&files);
            args.extend(["--format", "json", "-o", path(&out)?]);
            ours = ours.min(timed(path(&canbo)?, &args)?);
            let mut args = vec!["-c", read_all];
            args.extend(&files);
            theirs = theirs.min(timed(path(&python)?, &args)?);
        }
        let megabytes: f64 = (files.iter())
            .map(|f| std::fs::metadata(f).map_or(0.0, |m| m.len() as f64 / 1e6))
            .sum();
        rows.push_str(&format!(
            "| {people} people in {what} ({megabytes:.1} MB) | {:.2} s | {:.2} s | **{:.2}** |\n",
            ours.as_secs_f64(),
            theirs.as_secs_f64(),
            ours.as_secs_f64() / theirs.as_secs_f64()
        ));
    }
    Ok(format!(
        "## Native: import + report against python-calamine's bare read\n\n\
         Fastest of 3, wall clock, `canbo report --format json` against python-calamine \
         reading every cell of every sheet of the same files:\n\n\
         | | canbo | python-calamine | ratio |\n|---|---:|---:|---:|\n{rows}"
    ))
}

fn timed(program: &str, args: &[&str]) -> Result<Duration, String> {
    let started = Instant::now();
    let output = std::process::Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let took = started.elapsed();
    if !output.status.success() {
        return Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(took)
}

/// A virtual environment of its own with python-calamine; its python.
fn ensure_python_calamine(project: &Project, dir: &Path) -> Result<PathBuf, String> {
    let venv = dir.parent().unwrap_or(dir).join("tools").join("py");
    let python = venv.join("bin").join("python");
    if project
        .output_line(
            path(&python)?,
            &["-c", "import python_calamine; print('ok')"],
        )
        .is_some()
    {
        return Ok(python);
    }
    project.run("python3", &["-m", "venv", path(&venv)?])?;
    project.run(
        path(&python)?,
        &["-m", "pip", "install", "-q", PYTHON_CALAMINE],
    )?;
    Ok(python)
}

/// One criterion benchmark of the core (`benches/<bench>.rs`), its timings and what it
/// printed of sizes, under `title`.
fn criterion(project: &Project, bench: &str, title: &str) -> Result<String, String> {
    let output = project
        .command("cargo", &["bench", "-p", "canbo-core", "--bench", bench])
        .output()
        .map_err(|e| format!("cannot run cargo bench: {e}"))?;
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    if !output.status.success() {
        return Err(format!("cargo bench failed: {text}"));
    }
    // The sizes the bench prints (characters kept, bytes carried), then criterion's
    // "group/name" and "time: [low mid high]" lines.
    let group = format!("{bench}/");
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.contains("time:")
                || l.contains("characters")
                || l.contains(" bytes")
                || l.starts_with(&group)
        })
        .map(str::trim)
        .collect();
    Ok(format!(
        "## {title} (`cargo bench -p canbo-core --bench {bench}`)\n\n```\n{}\n```\n",
        lines.join("\n")
    ))
}

/// How long the page is open before the pick in the benchmarks of a person's import: a
/// person opens the page, then finds the file (docs/BENCHMARKS.md, "Twenty-second results").
const PERSON_S_PAUSE_MS: u64 = 3_000;

fn browser(project: &Project, dir: &Path) -> Result<String, String> {
    tools::ensure_build_tools(project)?;
    tools::ensure_browser(project)?;
    project.run("trunk", &["build", "--release"])?;
    let served = dir.join("dist-compressed");
    sizes::copy_compressed(&project.root.join("dist"), &served)?;
    let sheetjs = tools::ensure_npm_package(project, SHEETJS_NPM, "xlsx/dist/xlsx.full.min.js")?;
    let mut section = String::from(
        "## In the browser (`tests/e2e/bench.rs`, dist/ served compressed, brotli as Chromium asks)\n\n| | value |\n|---|---:|\n",
    );
    // The pick as soon as the page opens, and as a person's, who opens the page and then
    // finds the file (the import worker the welcome started has practised meanwhile).
    for (people, with_sheetjs, pause_ms) in [
        (100_000, true, 0),
        (100_000, true, PERSON_S_PAUSE_MS),
        (250_000, false, PERSON_S_PAUSE_MS),
    ] {
        let file = roster(project, dir, people)?;
        let mut envs = vec![
            ("CANBO_DIST", path(&served)?.to_string()),
            ("CANBO_BENCH_ROSTER", path(&file)?.to_string()),
            ("CANBO_BENCH_PAUSE_MS", pause_ms.to_string()),
        ];
        if with_sheetjs {
            envs.push(("CANBO_SHEETJS", path(&sheetjs)?.to_string()));
        }
        let lines = e2e_bench(project, "bench_import_against_sheetjs", &envs)?;
        for (name, value) in lines {
            section.push_str(&format!(
                "| {people} people, picked {pause_ms} ms after the page opened: {name} | {value} |\n"
            ));
        }
    }
    let served_env = [("CANBO_DIST", path(&served)?.to_string())];
    for (name, value) in e2e_bench(project, "bench_start_on_fast_3g", &served_env)? {
        section.push_str(&format!("| start: {name} | {value} |\n"));
    }
    for (name, value) in e2e_bench(project, "bench_first_visit_on_a_slow_line", &served_env)? {
        section.push_str(&format!("| first visit: {name} | {value} |\n"));
    }
    Ok(section)
}

/// Runs one ignored e2e benchmark; its `bench: name = value` lines.
fn e2e_bench(
    project: &Project,
    test: &str,
    envs: &[(&str, String)],
) -> Result<Vec<(String, String)>, String> {
    let args = [
        "test",
        "-p",
        "canbo",
        "--test",
        "e2e",
        "--",
        "--ignored",
        "--exact",
        "--nocapture",
    ];
    let full = format!("bench::{test}");
    let mut command = project.command("cargo", &[&args[..], &[full.as_str()]].concat());
    for (k, v) in envs {
        command.env(k, v);
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run the e2e benchmark: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "{test} failed:\n{text}\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(text
        .lines()
        .filter_map(|l| l.strip_prefix("bench: "))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect())
}
