//! An import's figures come before its roster (src/state.rs, `AppState::report_ahead`): the
//! worker sends the report under the settings on screen ahead of the roster, and the page
//! draws it at once, then reads the roster back and codes it. Watched from the page: the new
//! headline figures are on screen at least a frame before the import's overview names the
//! new roster, and each has the value the roster's own report then gives it.

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::shared_sample;

/// From now on: every frame counted (`window.canboFrames`); when `[data-stat=people]` first
/// shows another value than now, the frame it came in and the value of every headline figure
/// then (`window.canboFirst`; the sections below follow in tasks of their own); the frame the import's overview first changed
/// (`window.canboOverviewAt`).
const WATCH: &str = "
    window.canboFrames = 0;
    const frame = () => { window.canboFrames += 1; requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    const figures = () => Object.fromEntries([...document.querySelectorAll('.headlines [data-stat]')]
        .map((e) => [e.getAttribute('data-stat'), e.getAttribute('data-value')]));
    const people = () => figures().people ?? null;
    const overview = () => document.querySelector('[data-testid=import-overview]')?.textContent ?? null;
    const before = people();
    const overviewBefore = overview();
    window.canboFirst = null;
    window.canboOverviewAt = null;
    new MutationObserver(() => {
        if (window.canboFirst === null && people() !== null && people() !== before) {
            window.canboFirst = {
                frame: window.canboFrames,
                figures: figures(),
                ahead: document.querySelector('.headlines')?.getAttribute('data-ahead') ?? null,
                waiting: document.querySelector('[data-testid=sections-waiting][aria-busy=true]') !== null,
            };
        }
        if (window.canboOverviewAt === null && overview() !== null && overview() !== overviewBefore) {
            window.canboOverviewAt = window.canboFrames;
        }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
";

async fn watched(page: &Page, name: &str) -> TestResult<serde_json::Value> {
    let value = page
        .driver
        .execute(&format!("return window.{name};"), Vec::new())
        .await?;
    Ok(value.json().clone())
}

#[tokio::test]
async fn an_imports_figures_are_drawn_before_its_roster_is_read_back() {
    run(
        "an_imports_figures_are_drawn_before_its_roster_is_read_back",
        |page| async move {
            page.open().await?;
            // A roster on screen first: the import replaces it.
            page.import_file(&crate::worker_ahead::three_people())
                .await?;
            page.wait_for_stat("people", 3).await?;
            page.driver.execute(WATCH, Vec::new()).await?;
            page.import_file(&shared_sample("mau-son-xa.xlsx")).await?;
            page.wait_for_stat("people", 420).await?;
            // The overview of the roster read back, then every section drawn from it.
            page.find("[data-testid=import-overview]").await?;
            page.wait_for_sections().await?;

            let first = watched(&page, "canboFirst").await?;
            let overview_at = watched(&page, "canboOverviewAt").await?;
            let (Some(first_frame), Some(overview_frame)) =
                (first["frame"].as_u64(), overview_at.as_u64())
            else {
                return Err(format!("not watched: {first} {overview_at}").into());
            };
            assert!(
                first_frame < overview_frame,
                "the figures came in frame {first_frame}, the roster's overview in {overview_frame}"
            );
            assert_eq!(first["ahead"], serde_json::json!("true"), "marked as ahead");
            assert!(
                !page.has(".headlines[data-ahead]").await?,
                "still marked ahead"
            );
            assert_eq!(
                first["waiting"],
                serde_json::json!(true),
                "no section said to come"
            );
            assert!(!page.has("[data-testid=sections-waiting]").await?);
            let drawn_first = first["figures"]
                .as_object()
                .ok_or("no figures drawn first")?;
            assert_eq!(drawn_first.get("people"), Some(&serde_json::json!("420")));
            assert!(drawn_first.len() > 5, "{drawn_first:?}");
            for (stat, value) in drawn_first {
                let now = page.stat(stat).await?;
                assert_eq!(
                    now.as_deref(),
                    value.as_str(),
                    "{stat}: drawn first {value}, from the roster {now:?}"
                );
            }
            Ok(())
        },
    )
    .await;
}
