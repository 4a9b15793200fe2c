//! Headless Chromium through Debian's chromedriver, one test at a time.
//!
//! Each test gets its own chromedriver and a fresh profile (so local storage starts empty),
//! and holds a process-wide lock while it runs: CI has two cores, and browser tests in
//! parallel only make each other slow and flaky.

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};

use crate::page::Page;
use crate::server::dist_url;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The flags TOOLCHAIN.md found to work on these machines.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

static ONE_BROWSER_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs one browser test. On failure the page is saved as
/// `target/e2e-screenshots/<name>.png` before the test fails.
pub async fn run<F, Fut>(name: &str, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = TestResult> + Send + 'static,
{
    run_at(name, dist_url(), test).await;
}

/// [`run`] against another server (`crate::server::Server`).
pub async fn run_at<F, Fut>(name: &str, url: &'static str, test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = TestResult> + Send + 'static,
{
    run_with_args(name, url, &[], test).await;
}

/// [`run_at`] with more Chromium flags (a proxy, …).
pub async fn run_with_args<F, Fut>(name: &str, url: &'static str, args: &[String], test: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = TestResult> + Send + 'static,
{
    let _serial = ONE_BROWSER_AT_A_TIME.lock().await;
    let (driver, _chromedriver) = start_browser(args)
        .await
        .unwrap_or_else(|e| panic!("{name}: cannot start the browser: {e}"));
    // In a task of its own, so that a failed assertion still lets us take the screenshot.
    let outcome = tokio::spawn(test(Page::new(driver.clone(), url))).await;
    if !matches!(outcome, Ok(Ok(()))) {
        let file = screenshot_dir("e2e-screenshots").join(format!("{name}.png"));
        match driver.screenshot(&file).await {
            Ok(()) => eprintln!("{name}: screenshot of the failure in {}", file.display()),
            Err(e) => eprintln!("{name}: no screenshot ({e})"),
        }
    }
    let _ = driver.quit().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => panic!("{name}: {error}"),
        Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
        Err(join) => panic!("{name}: {join}"),
    }
}

/// A second browser with a fresh profile of its own (another person's computer), inside a
/// test that [`run`] already started; it quits when `test` ends.
pub async fn in_another_browser<F, Fut, T>(url: &'static str, test: F) -> TestResult<T>
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = TestResult<T>>,
{
    let (driver, _chromedriver) = start_browser(&[]).await?;
    let outcome = test(Page::new(driver.clone(), url)).await;
    if outcome.is_err() {
        let file = screenshot_dir("e2e-screenshots").join("second-browser.png");
        let _ = driver.screenshot(&file).await;
    }
    let _ = driver.quit().await;
    outcome
}

/// `target/<kind>/`, created on demand.
pub fn screenshot_dir(kind: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(kind);
    std::fs::create_dir_all(&dir).expect("creating the screenshot folder");
    dir
}

/// A running chromedriver and the browser profile it uses; both go when this is dropped,
/// even when a test panics.
struct Chromedriver {
    process: Child,
    profile: PathBuf,
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// How many times a browser is started before a test gives up. Now and then (once in some
/// hundred starts on a loaded two-core machine) chromedriver exits before it says its port,
/// or Chromium does not answer the new session; a second start has always worked.
const BROWSER_STARTS: usize = 3;

async fn start_browser(args: &[String]) -> TestResult<(WebDriver, Chromedriver)> {
    for program in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(program).exists() {
            return Err(format!("{program} is missing: `cargo xtask test` installs it (Debian: chromium chromium-driver)").into());
        }
    }
    let mut failures = Vec::new();
    for attempt in 1..=BROWSER_STARTS {
        match start_browser_once(args).await {
            Ok(started) => {
                if !failures.is_empty() {
                    eprintln!(
                        "the browser started at attempt {attempt}, after: {}",
                        failures.join("; ")
                    );
                }
                return Ok(started);
            }
            Err(e) => failures.push(format!("attempt {attempt}: {e}")),
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    Err(failures.join("; ").into())
}

async fn start_browser_once(args: &[String]) -> TestResult<(WebDriver, Chromedriver)> {
    let (chromedriver, port) = start_chromedriver()?;
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(CHROMIUM)?;
    for flag in CHROMIUM_FLAGS {
        caps.add_arg(flag)?;
    }
    for flag in args {
        caps.add_arg(flag)?;
    }
    caps.add_arg(&format!(
        "--user-data-dir={}",
        chromedriver.profile.display()
    ))?;
    // Console messages, for the CSP test.
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)?;
    // Every request the browser makes (CDP Network events), for the network log test.
    caps.set_logging_prefs("performance", LoggingPrefsLogLevel::All)?;
    let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await?;
    driver.set_window_rect(0, 0, 1280, 900).await?;
    // Record CSP violations from the first script on; a listener added later could miss some.
    driver
        .cdp()
        .page()
        .add_script_to_evaluate_on_new_document(RECORD_CSP_VIOLATIONS)
        .await?;
    Ok((driver, chromedriver))
}

/// Collects every CSP violation of the page in `window.cspViolations`.
const RECORD_CSP_VIOLATIONS: &str = "
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
        window.cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code'));
    });
";

/// Starts chromedriver on a port of its own choosing (`--port=0`) and reads which.
fn start_chromedriver() -> TestResult<(Chromedriver, u16)> {
    let mut process = Command::new(CHROMEDRIVER)
        .arg("--port=0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let profile = fresh_profile_dir();
    let stdout = process.stdout.take().ok_or("chromedriver has no stdout")?;
    let chromedriver = Chromedriver { process, profile };
    let mut lines = BufReader::new(stdout).lines();
    // "ChromeDriver was started successfully on port 41885."
    let mut said = Vec::new();
    let port = lines.by_ref().map_while(Result::ok).find_map(|line| {
        let port = line
            .split("successfully on port ")
            .nth(1)
            .and_then(|rest| rest.trim_end_matches('.').trim().parse().ok());
        said.push(line);
        port
    });
    let Some(port) = port else {
        let mut chromedriver = chromedriver;
        let status = chromedriver.process.try_wait().ok().flatten();
        return Err(format!(
            "chromedriver did not say which port it listens on (exit: {status:?}; it said: {said:?})"
        )
        .into());
    };
    // Keep reading so chromedriver never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Ok((chromedriver, port))
}

fn fresh_profile_dir() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("canbo-e2e-profile-{}-{n}", std::process::id()))
}
