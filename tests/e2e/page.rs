//! The Canbo page as the tests see it: its contract is REPORT.md's `data-testid` and
//! `data-stat` attributes.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::browser::{screenshot_dir, TestResult};

/// Long enough for a cold start of the release wasm on a busy two-core machine.
const PATIENCE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);

pub struct Page {
    pub driver: WebDriver,
    url: &'static str,
}

impl Page {
    pub fn new(driver: WebDriver, url: &'static str) -> Page {
        Page { driver, url }
    }

    /// Opens the page and waits until the app has replaced the loading shell.
    pub async fn open(&self) -> TestResult {
        self.driver.goto(self.url).await?;
        self.wait_for_app().await
    }

    pub async fn reload(&self) -> TestResult {
        self.driver.refresh().await?;
        self.wait_for_app().await
    }

    async fn wait_for_app(&self) -> TestResult {
        self.find("[data-testid=import-input]").await?;
        Ok(())
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> TestResult<WebElement> {
        Ok(self
            .driver
            .query(By::Css(css))
            .wait(PATIENCE, POLL)
            .first()
            .await?)
    }

    /// Clicks the element matching `css` once it has stopped moving: the report's sections
    /// are drawn a task at a time (`turns::Later`), so what lies below them moves down while
    /// they come, and a click aimed at it meanwhile lands on something else.
    pub async fn click_when_still(&self, css: &str) -> TestResult {
        let element = self.find(css).await?;
        let started = std::time::Instant::now();
        let mut last = None;
        loop {
            element.scroll_into_view().await?;
            let rect = element.rect().await?;
            let at = Some((rect.x, rect.y, rect.width, rect.height));
            if at == last || started.elapsed() > PATIENCE {
                break;
            }
            last = at;
            tokio::time::sleep(POLL * 2).await;
        }
        Ok(element.click().await?)
    }

    /// Whether an element matches `css` right now.
    pub async fn has(&self, css: &str) -> TestResult<bool> {
        Ok(!self.driver.find_all(By::Css(css)).await?.is_empty())
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_until_gone(&self, css: &str) -> TestResult {
        if self
            .driver
            .query(By::Css(css))
            .wait(PATIENCE, POLL)
            .not_exists()
            .await?
        {
            return Ok(());
        }
        Err(format!("`{css}` is still on the page").into())
    }

    /// Imports a file through the file input, as a user picking it would.
    pub async fn import_file(&self, file: &Path) -> TestResult {
        let absolute = file
            .canonicalize()
            .map_err(|e| format!("{}: {e}", file.display()))?;
        self.find("[data-testid=import-input]")
            .await?
            .send_keys(absolute.to_string_lossy().as_ref())
            .await?;
        Ok(())
    }

    /// Waits until the import under way has ended and its roster is kept in the browser's
    /// storage: its headline figures come before it is (the worker sends them ahead of the
    /// roster), so a reload right after them finds nothing kept.
    pub async fn wait_until_roster_kept(&self) -> TestResult {
        self.wait_until_gone("[data-testid=import-busy]").await?;
        poll_until(
            "the roster kept",
            || self.number("return localStorage.getItem('canbo.roster.ptr') ? 1 : 0;"),
            |kept| *kept == 1.0,
        )
        .await?;
        Ok(())
    }

    /// Imports several files at once through the file input.
    pub async fn import_files(&self, files: &[std::path::PathBuf]) -> TestResult {
        let mut paths = Vec::new();
        for f in files {
            let absolute = f
                .canonicalize()
                .map_err(|e| format!("{}: {e}", f.display()))?;
            paths.push(absolute.to_string_lossy().into_owned());
        }
        self.find("[data-testid=import-input]")
            .await?
            .send_keys(paths.join("\n"))
            .await?;
        Ok(())
    }

    /// Unfolds the import area (files, review, unread values) as a user does with «Kiểm tra
    /// cách đọc tệp»; nothing when it is already open.
    pub async fn open_import_panel(&self) -> TestResult {
        self.find("[data-testid=import-open]").await?;
        if self
            .has("[data-testid=import-open][aria-expanded=false]")
            .await?
        {
            self.find("[data-testid=import-open]")
                .await?
                .click()
                .await?;
        }
        self.find("[data-testid=import-open][aria-expanded=true]")
            .await?;
        Ok(())
    }

    /// The files the import panel lists (it is unfolded first).
    pub async fn files_listed(&self) -> TestResult<String> {
        self.open_import_panel().await?;
        Ok(self
            .find("[data-testid=import-files]")
            .await?
            .text()
            .await?)
    }

    pub async fn load_sample(&self) -> TestResult {
        self.find("[data-testid=load-sample]")
            .await?
            .click()
            .await?;
        Ok(())
    }

    /// The figure under `data-stat="<stat>"`, if the page shows one.
    pub async fn stat(&self, stat: &str) -> TestResult<Option<String>> {
        match self
            .driver
            .find_all(By::Css(format!("[data-stat='{stat}']")))
            .await?
            .first()
        {
            Some(element) => Ok(element.attr("data-value").await?),
            None => Ok(None),
        }
    }

    /// Waits until `data-stat="<stat>"` shows `value` in the roster's own report (an
    /// import's headline figures come first, marked `data-ahead`, the sections with the
    /// roster) and every section of the report has been redrawn for it (the sections after
    /// the headlines are redrawn a task later, marked `aria-busy` meanwhile: `turns::Later`).
    pub async fn wait_for_stat(&self, stat: &str, value: u32) -> TestResult {
        let css = format!("[data-stat='{stat}'][data-value='{value}']");
        if self
            .driver
            .query(By::Css(css))
            .wait(PATIENCE, POLL)
            .exists()
            .await?
        {
            self.wait_until_gone(".headlines[data-ahead]").await?;
            return self.wait_for_sections().await;
        }
        Err(format!(
            "expected {stat} = {value}, the page shows {:?}",
            self.stat(stat).await?
        )
        .into())
    }

    /// Keeps the report on screen as a snapshot named `name`, and waits until it is listed.
    pub async fn keep_snapshot(&self, name: &str) -> TestResult {
        self.find("[data-testid=snapshot-name]")
            .await?
            .send_keys(name)
            .await?;
        self.click_when_still("[data-testid=snapshot-save]").await?;
        self.find(&format!("[data-testid=snapshot][data-name='{name}']"))
            .await?;
        Ok(())
    }

    /// Waits until no section of the report is being redrawn (`aria-busy` on a `turns::Later`).
    pub async fn wait_for_sections(&self) -> TestResult {
        if self
            .driver
            .query(By::Css(".turn[aria-busy]"))
            .wait(PATIENCE, POLL)
            .not_exists()
            .await?
        {
            return Ok(());
        }
        Err("a section of the report is still being redrawn".into())
    }

    /// Saves what the user sees as `target/screenshots/<name>.png`, for people to look at.
    pub async fn save_screenshot(&self, name: &str) -> TestResult {
        self.driver
            .screenshot(&screenshot_dir("screenshots").join(format!("{name}.png")))
            .await?;
        Ok(())
    }

    /// Everything the page's CSP blocked, and every console error, since it was opened.
    pub async fn console_problems(&self) -> TestResult<Vec<String>> {
        let violations = self
            .driver
            .execute("return window.cspViolations || [];", Vec::new())
            .await?;
        let mut problems: Vec<String> =
            serde_json::from_value::<Vec<String>>(violations.json().clone())?
                .into_iter()
                .map(|violation| format!("CSP: {violation}"))
                .collect();
        for entry in self.driver.browser_log().await? {
            if entry.level == "SEVERE" || entry.message.contains("Content Security Policy") {
                problems.push(format!("console {}: {}", entry.level, entry.message));
            }
        }
        Ok(problems)
    }

    /// Presses `key` on whatever has the keyboard focus, as a user would.
    pub async fn press(&self, key: Key) -> TestResult {
        self.driver
            .action_chain()
            .key_down(key.clone())
            .key_up(key)
            .perform()
            .await?;
        Ok(())
    }

    /// Presses Shift+`key`.
    pub async fn press_shifted(&self, key: Key) -> TestResult {
        self.driver
            .action_chain()
            .key_down(Key::Shift)
            .key_down(key.clone())
            .key_up(key)
            .key_up(Key::Shift)
            .perform()
            .await?;
        Ok(())
    }

    /// Whether the focused element is (inside) the first element matching `css`.
    pub async fn focus_is_in(&self, css: &str) -> TestResult<bool> {
        let inside = self
            .driver
            .execute(
                "const root = document.querySelector(arguments[0]);
                 return !!root && root.contains(document.activeElement);",
                vec![serde_json::Value::String(css.to_string())],
            )
            .await?;
        Ok(inside.json().as_bool() == Some(true))
    }

    /// Waits until the focus is (inside) `css`.
    pub async fn wait_for_focus_in(&self, css: &str) -> TestResult {
        let deadline = std::time::Instant::now() + PATIENCE;
        while !self.focus_is_in(css).await? {
            if std::time::Instant::now() > deadline {
                return Err(format!(
                    "the focus never went to `{css}`; it is on {}",
                    self.describe_focus().await?
                )
                .into());
            }
            tokio::time::sleep(POLL).await;
        }
        Ok(())
    }

    /// The focused element, for messages: its tag, test id, `data-stat` and text.
    pub async fn describe_focus(&self) -> TestResult<String> {
        let described = self
            .driver
            .execute(
                "const e = document.activeElement;
                 if (!e) return 'nothing';
                 return e.tagName.toLowerCase()
                     + (e.id ? '#' + e.id : '')
                     + (e.dataset.testid ? ' [data-testid=' + e.dataset.testid + ']' : '')
                     + (e.dataset.stat ? ' [data-stat=' + e.dataset.stat + ']' : '')
                     + ' «' + (e.textContent || '').trim().slice(0, 40) + '»';",
                Vec::new(),
            )
            .await?;
        Ok(described.json().as_str().unwrap_or("?").to_string())
    }

    /// Waits until the report in words holds every one of `parts` (its standards and
    /// retirement sections are computed a slice at a time, after it is first shown).
    pub async fn wait_for_prose_with(&self, parts: &[&str]) -> TestResult<String> {
        poll_until(
            &format!("the report in words with {parts:?}"),
            || async { Ok(self.find("[data-testid=prose]").await?.text().await?) },
            |text: &String| parts.iter().all(|p| text.contains(p)),
        )
        .await
    }

    /// A number the page's script computes (`return …;`).
    pub async fn number(&self, script: &str) -> TestResult<f64> {
        let value = self.driver.execute(script, Vec::new()).await?;
        value
            .json()
            .as_f64()
            .ok_or_else(|| format!("`{script}` gave {:?}", value.json()).into())
    }
}

/// Reads `read` every 100 ms until `done` holds of what it read (for at most 30 s), and
/// returns that; the error says `what` was awaited and what was last read.
pub async fn poll_until<T, Fut>(
    what: &str,
    read: impl Fn() -> Fut,
    done: impl Fn(&T) -> bool,
) -> TestResult<T>
where
    T: std::fmt::Debug,
    Fut: std::future::Future<Output = TestResult<T>>,
{
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let now = read().await?;
        if done(&now) {
            return Ok(now);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("waited for {what}; last read {now:?}").into());
        }
        tokio::time::sleep(POLL).await;
    }
}
