//! Running the project's commands: with the project's tools first on PATH, echoing each
//! command, and counting what cargo's test harness reports.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Project {
    pub root: PathBuf,
    /// PATH with the project-local tools (wasm-opt) and cargo's bin folder in front.
    path: OsString,
}

impl Project {
    pub fn locate() -> Project {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask/ lives inside the repository")
            .to_path_buf();
        let cargo_bin = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
            .map(|home| home.join("bin"));
        let mut dirs = vec![crate::tools::node_bin(&root)];
        dirs.extend(cargo_bin);
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let path = std::env::join_paths(dirs).expect("PATH entries hold no separator");
        Project { root, path }
    }

    /// A command run in the repository root with the project's PATH.
    pub fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut command = Command::new(program);
        command
            .args(args)
            .current_dir(&self.root)
            .env("PATH", &self.path);
        command
    }

    /// Runs a command to the end, echoing it first.
    pub fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        self.run_command(program, args, self.command(program, args))
    }

    pub fn run_command(
        &self,
        program: &str,
        args: &[&str],
        mut command: Command,
    ) -> Result<(), String> {
        echo(program, args);
        let status = command
            .status()
            .map_err(|e| format!("cannot start `{program}`: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", shown(program, args)))
        }
    }

    /// The first line a command prints on stdout, or None when it cannot run or fails.
    pub fn output_line(&self, program: &str, args: &[&str]) -> Option<String> {
        let output = self
            .command(program, args)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        let text = String::from_utf8_lossy(&output.stdout);
        Some(text.lines().next().unwrap_or_default().trim().to_string())
    }

    /// Runs a test command, passing its output through, and adds up the test harness's
    /// `test result:` lines. A failing command is a failure even when it counted nothing.
    pub fn run_tests(&self, program: &str, args: &[&str], envs: &[(&str, &str)]) -> TestRun {
        echo(program, args);
        let mut command = self.command(program, args);
        command.envs(envs.iter().copied()).stdout(Stdio::piped());
        let mut counts = Counts::default();
        let outcome = command
            .spawn()
            .map_err(|e| format!("cannot start `{program}`: {e}"))
            .and_then(|mut child| {
                if let Some(stdout) = child.stdout.take() {
                    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                        println!("{line}");
                        counts.add(Counts::parse(&line));
                    }
                }
                child
                    .wait()
                    .map_err(|e| format!("`{program}` did not finish: {e}"))
            })
            .and_then(|status| {
                status
                    .success()
                    .then_some(())
                    .ok_or_else(|| format!("`{}` failed ({status})", shown(program, args)))
            });
        TestRun { counts, outcome }
    }
}

fn shown(program: &str, args: &[&str]) -> String {
    std::iter::once(program)
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

fn echo(program: &str, args: &[&str]) {
    eprintln!("==> {}", shown(program, args));
}

/// What one step of `cargo xtask test` counted, and whether it succeeded.
pub struct TestRun {
    pub counts: Counts,
    pub outcome: Result<(), String>,
}

impl From<Result<(), String>> for TestRun {
    /// A step that runs no tests of its own, such as a build.
    fn from(outcome: Result<(), String>) -> TestRun {
        TestRun {
            counts: Counts::default(),
            outcome,
        }
    }
}

#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub struct Counts {
    pub passed: u32,
    pub failed: u32,
}

impl Counts {
    /// Reads libtest's summary, `test result: ok. 12 passed; 0 failed; 0 ignored; …`.
    fn parse(line: &str) -> Counts {
        let mut counts = Counts::default();
        let Some(rest) = line.trim().strip_prefix("test result:") else {
            return counts;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(word), Some(number)) = (words.next(), words.next()) else {
                continue;
            };
            match (word, number.parse()) {
                ("passed", Ok(n)) => counts.passed = n,
                ("failed", Ok(n)) => counts.failed = n,
                _ => {}
            }
        }
        counts
    }

    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// The outcome of each step of `cargo xtask test`, for the closing summary.
#[derive(Default)]
pub struct Tally {
    lines: Vec<String>,
    total: Counts,
    broken: bool,
}

impl Tally {
    pub fn step(&mut self, name: &str, run: TestRun) {
        let TestRun {
            mut counts,
            outcome,
        } = run;
        match outcome {
            // A build step counts no tests.
            Ok(()) if counts == Counts::default() => self.lines.push(format!("ok      {name}")),
            Ok(()) => self
                .lines
                .push(format!("ok      {name} ({} passed)", counts.passed)),
            Err(reason) => {
                self.broken = true;
                self.lines.push(format!("FAILED  {name}: {reason}"));
                // A step that failed before its tests could report (a compile error) counts as one failure.
                counts.failed = counts.failed.max(1);
            }
        }
        self.total.add(counts);
    }

    pub fn skip(&mut self, name: &str, why: &str) {
        self.step(name, TestRun::from(Err(format!("not run: {why}"))));
    }

    pub fn finish(self) -> Result<(), String> {
        eprintln!();
        for line in &self.lines {
            eprintln!("{line}");
        }
        // The plain closing line CI reads, on stdout after everything else.
        println!(
            "xtask: {} passed, {} failed",
            self.total.passed, self.total.failed
        );
        if self.broken {
            Err("some checks failed (see above)".to_string())
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn reads_the_libtest_summary() {
        let line = "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(
            Counts::parse(line),
            Counts {
                passed: 12,
                failed: 0
            }
        );
        let line = "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out";
        assert_eq!(
            Counts::parse(line),
            Counts {
                passed: 3,
                failed: 2
            }
        );
    }

    #[test]
    fn ignores_other_lines() {
        assert_eq!(Counts::parse("test foo ... ok"), Counts::default());
        assert_eq!(Counts::parse("running 3 tests"), Counts::default());
    }
}
