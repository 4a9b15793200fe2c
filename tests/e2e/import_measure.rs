//! Not run by default: how long a large import takes, in the worker and on the main thread,
//! and how long the page stays blocked meanwhile (the longest gap between 50 ms timer ticks).
//! `CANBO_BIG_ROSTER=/tmp/roster-250k.xlsx cargo test -p canbo --test e2e -- --ignored measure`
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

/// Makes `new Worker` fail, so the page imports on the main thread.
const NO_WORKER: &str = "window.Worker = function () { throw new Error('no worker here'); };";

async fn measure(page: &Page, file: &str, setup: &str, label: &str) -> TestResult {
    page.open().await?;
    page.driver.execute(setup, Vec::new()).await?;
    page.driver
        .execute(WATCH_THE_MAIN_THREAD, Vec::new())
        .await?;
    let started = Instant::now();
    page.import_file(std::path::Path::new(file)).await?;
    let mut shown = None;
    while started.elapsed() < Duration::from_secs(300) {
        if let Some(people) = page.stat("people").await? {
            shown = Some(people);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let wall = started.elapsed();
    let gap = page
        .driver
        .execute("return window.canboMaxGap;", Vec::new())
        .await?;
    for entry in page.driver.browser_log().await? {
        if entry.message.contains("Canbo: import") {
            eprintln!("{label}: page log: {}", entry.message);
        }
    }
    eprintln!(
        "{label}: people {shown:?}; picking to figures {wall:?}; longest main-thread block {} ms",
        gap.json()
    );
    Ok(())
}

#[tokio::test]
#[ignore]
async fn measure_a_large_import() {
    let file =
        std::env::var("CANBO_BIG_ROSTER").unwrap_or_else(|_| "/tmp/roster-250k.xlsx".to_string());
    let worker_file = file.clone();
    run("measure_a_large_import_worker", |page| async move {
        measure(&page, &worker_file, "", "worker").await
    })
    .await;
    run("measure_a_large_import_main_thread", |page| async move {
        measure(&page, &file, NO_WORKER, "main thread").await
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
