//! `cargo xtask`: the project's own commands.
//!
//! CI runs `cargo xtask test` on a machine where nothing was installed by hand, so every tool
//! the web build needs is installed from the package registries here (see `tools`), and each
//! check is quick when the tool is already there. Trunk runs offline: it never downloads tools.

mod bench;
mod first_load;
mod fuzz;
mod run;
mod sizes;
mod split_page;
mod tools;
mod wasm_code;

use std::process::ExitCode;

use run::{Project, Tally, TestRun};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   install the tools, build the app and serve it at http://127.0.0.1:8080
  test    install the tools, then run every test: core and CLI, in-browser unit tests,
          a release build into dist/, and the end-to-end tests against it
  dist    install the tools, build the release into dist/ and print the wasm sizes
  gen-roster [--people N] [--units N] [--sheets N] [--out FILE.xlsx]
          write a synthetic roster for benchmarks (default 250000 people)
  bench [native|storage|report|sizes|browser...] [--people N]
          the benchmarks of docs/BENCHMARKS.md, side by side with python-calamine and
          SheetJS (installed into target/tools for the benchmark only); results in
          target/bench/results.md
  fuzz [--secs N] [TARGET...]
          run each cargo-fuzz target (fuzz/) for N seconds (default 60), installing
          cargo-fuzz when missing; see docs/RELIABILITY.md
  split-page
          Trunk's hook (Trunk.toml): the page's wasm split into chunks loaded on demand
  first-load
          Trunk's hook (Trunk.toml), after split-page: index.html asks for the page's
          wasm, scripts and one stylesheet before anything else";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let project = Project::locate();
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => serve(&project),
        Some("test") => test(&project),
        Some("dist") => dist(&project),
        Some("gen-roster") => gen_roster(&project, &args[1..]),
        Some("fuzz") => fuzz::fuzz(&project, &args[1..]),
        Some("bench") => bench::bench(&project, &args[1..]),
        Some("split-page") => split_page::split_page(&project),
        Some("first-load") => {
            first_load::first_load(std::env::var_os("TRUNK_STAGING_DIR").map(Into::into))
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(project: &Project) -> Result<(), String> {
    tools::ensure_build_tools(project)?;
    // Address, port and the offline switch are in Trunk.toml.
    project.run("trunk", &["serve"])
}

fn dist(project: &Project) -> Result<(), String> {
    tools::ensure_build_tools(project)?;
    build_dist(project)?;
    sizes::print_wasm_sizes(&project.root.join("dist"))
}

/// The generator lives beside the benchmark that reads its files (canbo-core's examples).
fn gen_roster(project: &Project, args: &[String]) -> Result<(), String> {
    let mut full = vec![
        "run",
        "--release",
        "-p",
        "canbo-core",
        "--example",
        "gen_roster",
        "--",
    ];
    full.extend(args.iter().map(String::as_str));
    project.run("cargo", &full)
}

fn build_dist(project: &Project) -> Result<(), String> {
    project.run("trunk", &["build", "--release"])
}

/// Runs every step even after one fails, so one run shows everything that is broken.
fn test(project: &Project) -> Result<(), String> {
    tools::ensure_build_tools(project)?;
    tools::ensure_browser(project)?;
    tools::ensure_document_tools(project)?;

    let mut tally = Tally::default();
    tally.step(
        "core, CLI and xtask tests",
        project.run_tests(
            "cargo",
            &["test", "-p", "canbo-core", "-p", "canbo-cli", "-p", "xtask"],
            &[],
        ),
    );
    // The runner reads webdriver.json (Chromium's path and flags) from the repository root.
    tally.step(
        "in-browser unit tests",
        project.run_tests(
            "cargo",
            &[
                "test",
                "-p",
                "canbo",
                "--lib",
                "--target",
                "wasm32-unknown-unknown",
            ],
            &[
                (
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                    "wasm-bindgen-test-runner",
                ),
                ("CHROMEDRIVER", tools::CHROMEDRIVER),
            ],
        ),
    );
    match build_dist(project) {
        Ok(()) => {
            tally.step("release build into dist/", TestRun::from(Ok(())));
            tally.step(
                "end-to-end tests",
                project.run_tests("cargo", &["test", "-p", "canbo", "--test", "e2e"], &[]),
            );
        }
        Err(reason) => {
            tally.step("release build into dist/", TestRun::from(Err(reason)));
            tally.skip("end-to-end tests", "there is no fresh dist/");
        }
    }
    tally.finish()
}
