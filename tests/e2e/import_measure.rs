//! Not run by default: how a large roster behaves in the page. For the import: the time from
//! picking the file to the figures, and the longest the main thread was blocked meanwhile
//! (the longest gap between 50 ms timer ticks); the page's own log lines ("Canbo: …") give
//! the time in the worker and for storing. Then, on the roster page: a search, a sort by name
//! and a scroll, each timed from the action to the table showing it.
//!
//! `CANBO_BIG_ROSTER=/tmp/roster-250k.xlsx cargo test -p canbo --test e2e -- --ignored --nocapture measure`
//! (make the file with `cargo xtask gen-roster --people 250000 --out /tmp/roster-250k.xlsx`).

use std::time::{Duration, Instant};

use crate::browser::{run, TestResult};
use crate::page::Page;

const WATCH_THE_MAIN_THREAD: &str = "
    window.canboMaxGap = 0;
    let last = performance.now();
    setInterval(() => {
        const now = performance.now();
        window.canboMaxGap = Math.max(window.canboMaxGap, now - last);
        last = now;
    }, 50);
";

async fn reset_gap(page: &Page) -> TestResult {
    page.driver
        .execute("window.canboMaxGap = 0;", Vec::new())
        .await?;
    Ok(())
}

async fn gap(page: &Page) -> TestResult<String> {
    Ok(page
        .driver
        .execute("return Math.round(window.canboMaxGap);", Vec::new())
        .await?
        .json()
        .to_string())
}

async fn count(page: &Page) -> TestResult<Option<String>> {
    Ok(page
        .find("[data-testid=people-count]")
        .await?
        .attr("data-value")
        .await?)
}

/// Waits until `check` holds, up to `limit`; the time it took.
async fn until<F, Fut>(limit: Duration, mut check: F) -> TestResult<Duration>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = TestResult<bool>>,
{
    let started = Instant::now();
    while started.elapsed() < limit {
        if check().await? {
            return Ok(started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err(format!("not within {limit:?}").into())
}

#[tokio::test]
#[ignore]
async fn measure_a_large_roster() {
    let file =
        std::env::var("CANBO_BIG_ROSTER").unwrap_or_else(|_| "/tmp/roster-250k.xlsx".to_string());
    run("measure_a_large_roster", |page| async move {
        page.open().await?;
        page.driver
            .execute(WATCH_THE_MAIN_THREAD, Vec::new())
            .await?;
        let started = Instant::now();
        page.import_file(std::path::Path::new(&file)).await?;
        let mut people = None;
        while started.elapsed() < Duration::from_secs(300) && people.is_none() {
            people = page.stat("people").await?;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        eprintln!(
            "import: {people:?} people; picking to figures {:?}; longest main-thread block {} ms",
            started.elapsed(),
            gap(&page).await?
        );
        // Storing comes after the figures: wait for its log line.
        tokio::time::sleep(Duration::from_secs(15)).await;
        for entry in page.driver.browser_log().await? {
            if entry.message.contains("Canbo:") {
                eprintln!("  page log: {}", entry.message);
            }
        }
        if page.has("[data-testid=storage-error]").await? {
            let text = page.find("[data-testid=storage-error]").await?.text().await?;
            eprintln!("  storage: {text}");
        }

        reset_gap(&page).await?;
        let clicked = Instant::now();
        page.find("[data-testid=tab-people]").await?.click().await?;
        let total = people.clone().unwrap_or_default();
        let opened = until(Duration::from_secs(60), || async {
            Ok(count(&page).await?.as_deref() == Some(total.as_str()))
        })
        .await?;
        eprintln!(
            "roster page: shown after {opened:?} (click {:?}); longest block {} ms",
            clicked.elapsed(),
            gap(&page).await?
        );

        reset_gap(&page).await?;
        let search = page.find("[data-testid=people-search]").await?;
        search.send_keys("nguyễn").await?;
        let searched = until(Duration::from_secs(60), || async {
            Ok(count(&page).await?.as_deref() != Some(total.as_str()))
        })
        .await?;
        eprintln!(
            "search «nguyễn»: {:?} people after {searched:?}; longest block {} ms",
            count(&page).await?,
            gap(&page).await?
        );
        search.send_keys(" v").await?;
        let narrowed = count(&page).await?;
        reset_gap(&page).await?;
        page.driver
            .execute(
                "const s = document.querySelector('[data-testid=people-search]'); s.value = ''; s.dispatchEvent(new Event('input', {bubbles: true}));",
                Vec::new(),
            )
            .await?;
        until(Duration::from_secs(60), || async {
            Ok(count(&page).await?.as_deref() == Some(total.as_str()))
        })
        .await?;
        eprintln!("  (narrowed to {narrowed:?}; cleared, longest block {} ms)", gap(&page).await?);

        reset_gap(&page).await?;
        let first = || async {
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(
                page.find("[data-testid=people-table] tbody tr:not(.spacer) td")
                    .await?
                    .text()
                    .await?,
            )
        };
        let before = first().await?;
        page.find("[data-testid=people-table] thead th:first-child button")
            .await?
            .click()
            .await?;
        let sorted = until(Duration::from_secs(60), || async {
            Ok(first().await.map(|name| name != before).unwrap_or(false))
        })
        .await?;
        eprintln!("sort by name: {sorted:?}; longest block {} ms", gap(&page).await?);

        reset_gap(&page).await?;
        page.driver
            .execute(
                "const s = document.querySelector('.people-scroll'); s.scrollTop = s.scrollHeight / 2;",
                Vec::new(),
            )
            .await?;
        let row = (total.parse::<f64>().unwrap_or(0.0) / 2.0) as u64;
        let scrolled = until(Duration::from_secs(60), || async {
            let index = page
                .find("[data-testid=people-table] tbody tr:not(.spacer)")
                .await?
                .attr("aria-rowindex")
                .await?
                .and_then(|i| i.parse::<u64>().ok())
                .unwrap_or(0);
            Ok(index + 100 > row)
        })
        .await?;
        eprintln!("scroll to the middle: {scrolled:?}; longest block {} ms", gap(&page).await?);
        page.save_screenshot("measure_a_large_roster").await?;

        for (tab, shown) in [
            ("tab-standards", "[data-testid=rule-set-in-use]"),
            ("tab-retirement", "[data-testid=retirees-count]"),
            ("tab-report", "[data-stat=people]"),
        ] {
            reset_gap(&page).await?;
            let clicked = Instant::now();
            page.find(&format!("[data-testid={tab}]"))
                .await?
                .click()
                .await?;
            let opened = until(Duration::from_secs(120), || async {
                page.has(shown).await
            })
            .await?;
            eprintln!(
                "{tab}: shown after {:?} (from the click: {:?}); longest block {} ms",
                opened,
                clicked.elapsed(),
                gap(&page).await?
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore]
async fn a_large_import_can_be_cancelled() {
    let file =
        std::env::var("CANBO_BIG_ROSTER").unwrap_or_else(|_| "/tmp/roster-250k.xlsx".to_string());
    run("a_large_import_can_be_cancelled", |page| async move {
        page.open().await?;
        page.load_sample().await?;
        page.wait_for_stat("people", 420).await?;
        page.import_file(std::path::Path::new(&file)).await?;
        page.find("[data-testid=import-cancel]")
            .await?
            .click()
            .await?;
        page.wait_until_gone("[data-testid=import-busy]").await?;
        assert_eq!(page.stat("people").await?.as_deref(), Some("420"));
        Ok(())
    })
    .await;
}
