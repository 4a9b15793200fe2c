//! The page's screens fetched on demand (src/on_demand.rs, `cargo xtask split-page`): a first
//! visit loads none of them before it shows one, what reads the import's answer comes while
//! the worker reads and the report's sections once it has answered, and a chunk that cannot be fetched is a message on that screen only, asked for
//! again with «Thử lại» or the next time the screen is shown.

use std::path::{Path, PathBuf};

use crate::browser::{run, run_at, TestResult};
use crate::page::{poll_until, Page};
use crate::server::{dist_without, Server};

/// The paths of the wasm files the page has asked for so far (Resource Timing).
async fn fetched_wasm(page: &Page) -> TestResult<Vec<String>> {
    let found = page
        .driver
        .execute(
            "return performance.getEntriesByType('resource')
                 .map((e) => new URL(e.name).pathname)
                 .filter((p) => p.endsWith('.wasm'));",
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(found.json().clone())?)
}

fn has_chunk(fetched: &[String], name: &str) -> bool {
    fetched
        .iter()
        .any(|p| p.contains("-chunks/") && p.ends_with(&format!("/{name}.wasm")))
}

#[tokio::test]
async fn a_first_visit_fetches_each_screen_only_when_it_is_shown() {
    run(
        "a_first_visit_fetches_each_screen_only_when_it_is_shown",
        |page| async move {
            page.open().await?;
            let first = fetched_wasm(&page).await?;
            assert!(
                first
                    .iter()
                    .any(|p| p.contains("/canbo-app-") && p.ends_with("_bg.wasm")),
                "the page's wasm: {first:?}"
            );
            assert!(
                !first.iter().any(|p| p.contains("-chunks/")),
                "no screen's chunk before one is shown: {first:?}"
            );

            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            // The sections after the headline figures are the report's chunk.
            page.find("[data-testid=unit-table]").await?;
            page.find("[data-testid=share]").await?;
            let imported = fetched_wasm(&page).await?;
            assert!(has_chunk(&imported, "split_answer"), "{imported:?}");
            assert!(has_chunk(&imported, "split_report"), "{imported:?}");
            // The report's sections are asked for only once the answer's chunk is in: on a
            // slow line they would share it with the worker the figures wait for.
            let order = page
                .driver
                .execute(
                    "const at = (n) => performance.getEntriesByType('resource')
                         .find((e) => e.name.endsWith('/' + n + '.wasm'));
                     return [at('split_answer').responseEnd, at('split_report').startTime];",
                    Vec::new(),
                )
                .await?
                .json()
                .clone();
            let (answer_in, report_asked) = (order[0].as_f64(), order[1].as_f64());
            assert!(
                matches!((answer_in, report_asked), (Some(a), Some(r)) if r >= a),
                "the answer's chunk in at {answer_in:?} ms, the report's asked at {report_asked:?}"
            );
            for screen in [
                "split_people",
                "split_standards",
                "split_retirement",
                "split_tools",
            ] {
                assert!(!has_chunk(&imported, screen), "{screen} before it is shown");
            }
            // Nothing was kept before the import: the storage's code (`on_demand::read_kept`
            // and the others) is fetched only to keep its roster.
            assert!(!has_chunk(&first, "split_kept"));
            poll_until(
                "the storage's chunk, to keep the roster",
                || fetched_wasm(&page),
                |fetched: &Vec<String>| has_chunk(fetched, "split_kept"),
            )
            .await?;

            page.find("[data-testid=tab-people]").await?.click().await?;
            page.find("[data-testid=people-table]").await?;
            assert!(has_chunk(&fetched_wasm(&page).await?, "split_people"));

            // Unfolding the package panel fetches its form.
            page.find("[data-testid=tab-report]").await?.click().await?;
            page.click_when_still("[data-testid=package-toggle]")
                .await?;
            page.find("[data-testid=package-passphrase]").await?;
            assert!(has_chunk(&fetched_wasm(&page).await?, "split_tools"));
            Ok(())
        },
    )
    .await;
}

/// The report's sections come from a chunk fetched once the worker has answered: when it is
/// still on its way as the figures show, one section marked busy stands in their place, so
/// that the page's test contract (a `data-stat` value, then no `.turn[aria-busy]`) still
/// finds every section (docs/REPORT-EXTENSIONS.md).
#[tokio::test]
async fn the_report_s_sections_on_their_way_are_marked_busy_in_their_place() {
    run(
        "the_report_s_sections_on_their_way_are_marked_busy_in_their_place",
        |page| async move {
            page.open().await?;
            // The report's chunk held back a second and a half.
            page.driver
                .execute(
                    "const fetched = window.fetch;
                     window.fetch = (what, ...rest) => String(what).includes('split_report')
                         ? new Promise((done) => setTimeout(done, 1500)).then(() => fetched(what, ...rest))
                         : fetched(what, ...rest);",
                    Vec::new(),
                )
                .await?;
            page.load_sample().await?;
            let waiting = "[data-testid=sections-waiting][aria-busy=true]";
            poll_until(
                "the sections' place marked busy",
                || page.has(waiting),
                |busy: &bool| *busy,
            )
            .await?;
            assert!(!page.has("[data-testid=unit-table]").await?);
            page.save_screenshot("report_sections_on_their_way").await?;
            page.wait_for_stat("people", 420).await?;
            assert!(page.has("[data-testid=unit-table]").await?);
            assert!(!page.has(waiting).await?);
            Ok(())
        },
    )
    .await;
}

/// A copy of dist/ in `to` without the chunk `name` (`split_people`: the staff list's),
/// and where that chunk was and is kept meanwhile.
fn dist_without_chunk(to: &Path, name: &str) -> std::io::Result<(PathBuf, PathBuf)> {
    dist_without(to, |copy| {
        let folder = std::fs::read_dir(copy)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.is_dir() && p.to_string_lossy().ends_with("-chunks"))
            .ok_or_else(|| {
                std::io::Error::other(
                    "dist/ has no chunks folder: was it built by `cargo xtask dist`?",
                )
            })?;
        Ok(folder.join(format!("{name}.wasm")))
    })
}

#[tokio::test]
async fn a_screen_that_cannot_be_fetched_says_so_and_is_asked_again_next_time() {
    let dir = std::env::temp_dir().join(format!("canbo-no-people-{}", std::process::id()));
    let (chunk, kept) = dist_without_chunk(&dir, "split_people").expect("a copy of dist/");
    let server = Server::start(&dir);
    run_at(
        "a_screen_that_cannot_be_fetched_says_so_and_is_asked_again_next_time",
        server.url,
        move |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;

            page.find("[data-testid=tab-people]").await?.click().await?;
            let message = page.find("[data-testid=not-fetched]").await?.text().await?;
            assert!(
                message.contains("Không tải được phần này của Canbo"),
                "{message}"
            );
            assert!(!page.has("[data-testid=people-table]").await?);
            page.save_screenshot("chunk-not-fetched").await?;

            // The rest of the page goes on.
            page.find("[data-testid=tab-report]").await?.click().await?;
            page.find("[data-testid=unit-table]").await?;
            assert_eq!(page.stat("people").await?.as_deref(), Some("420"));

            // Back on the tab, it is asked for again; «Thử lại» asks again, and once the chunk is
            // back (the connection, say) the staff list shows.
            page.find("[data-testid=tab-people]").await?.click().await?;
            page.find("[data-testid=not-fetched-retry]")
                .await?
                .click()
                .await?;
            page.find("[data-testid=not-fetched]").await?;
            std::fs::rename(&kept, &chunk)?;
            page.find("[data-testid=not-fetched-retry]")
                .await?
                .click()
                .await?;
            page.find("[data-testid=people-table]").await?;
            assert!(!page.has("[data-testid=not-fetched]").await?);
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// The import worker's answer is read by the answer's chunk (`on_demand::read_import`): when
/// it cannot be fetched, the import says so instead of showing nothing, and the same import
/// once the chunk can be fetched shows the figures.
#[tokio::test]
async fn an_import_whose_answer_cannot_be_read_says_so_and_works_once_it_can() {
    let dir = std::env::temp_dir().join(format!("canbo-no-answer-{}", std::process::id()));
    let (chunk, kept) = dist_without_chunk(&dir, "split_answer").expect("a copy of dist/");
    let server = Server::start(&dir);
    run_at(
        "an_import_whose_answer_cannot_be_read_says_so_and_works_once_it_can",
        server.url,
        move |page| async move {
            page.open().await?;
            page.load_sample().await?;
            let message = page
                .find("[data-testid=import-error]")
                .await?
                .text()
                .await?;
            assert!(
                message.contains("không tải được phần của Canbo dùng để hiện kết quả"),
                "{message}"
            );
            assert!(page.stat("people").await?.is_none());

            std::fs::rename(&kept, &chunk)?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            assert!(!page.has("[data-testid=import-error]").await?);
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Everything the page's local storage holds but the language, as one text.
async fn stored(page: &Page) -> TestResult<String> {
    let all = page
        .driver
        .execute(
            "return JSON.stringify(Object.entries(localStorage).filter(([k]) => k !== 'canbo.lang').sort());",
            Vec::new(),
        )
        .await?;
    Ok(all.json().as_str().unwrap_or_default().to_string())
}

/// The storage's chunk cannot be fetched (the network went before the service worker kept
/// it): what a visit kept is neither read nor ever written over, and the page says so; an
/// import still shows its figures and says its roster is not kept. With the chunk back, a
/// reload reads what was kept.
#[tokio::test]
async fn kept_data_is_never_written_over_when_the_storages_code_cannot_be_fetched() {
    let dir = std::env::temp_dir().join(format!("canbo-no-kept-{}", std::process::id()));
    let (chunk, kept) = dist_without_chunk(&dir, "split_kept").expect("a copy of dist/");
    let server = Server::start(&dir);
    let aside = kept.clone();
    run_at(
        "kept_data_is_never_written_over_when_the_storages_code_cannot_be_fetched",
        server.url,
        move |page| async move {
            // A roster kept by an earlier visit (the first release's form: read, it would
            // be written again in today's).
            page.open().await?;
            page.driver
                .execute(
                    "localStorage.clear(); localStorage.setItem('canbo.roster.v1', arguments[0]);",
                    vec![serde_json::Value::String(
                        crate::data_keeping::legacy_roster(),
                    )],
                )
                .await?;
            let before = stored(&page).await?;
            page.reload().await?;
            let notice = page
                .find("[data-testid=storage-notice]")
                .await?
                .text()
                .await?;
            assert!(notice.contains("Không tải được phần của Canbo"), "{notice}");
            assert_eq!(page.stat("people").await?, None);
            // Nor does it say a roster is reopening.
            page.wait_until_gone("[data-testid=restoring]").await?;
            page.save_screenshot("kept-not-fetched").await?;

            // A setting changed and a file imported write nothing over it.
            page.find("[data-testid=lang-en]").await?.click().await?;
            page.find("[data-testid=lang-vi]").await?.click().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            let message = page
                .find("[data-testid=storage-error]")
                .await?
                .text()
                .await?;
            assert!(
                message.contains("Không tải được phần của Canbo"),
                "{message}"
            );
            assert_eq!(stored(&page).await?, before, "kept data written over");
            page.save_screenshot("kept-not-fetched-import").await?;

            // Back, a reload reads it.
            std::fs::rename(&aside, &chunk)?;
            page.reload().await?;
            page.wait_for_stat("people", 3).await?;
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&kept);
}
