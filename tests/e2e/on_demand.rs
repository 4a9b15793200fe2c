//! The page's screens fetched on demand (src/on_demand.rs, `cargo xtask split-page`): a first
//! visit loads none of them before it shows one, the report's sections come while the worker
//! reads, and a chunk that cannot be fetched is a message on that screen only, asked for
//! again with «Thử lại» or the next time the screen is shown.

use std::path::{Path, PathBuf};

use crate::browser::{run, run_at, TestResult};
use crate::page::Page;
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
            assert!(has_chunk(&imported, "split_report"), "{imported:?}");
            for screen in [
                "split_people",
                "split_standards",
                "split_retirement",
                "split_tools",
            ] {
                assert!(!has_chunk(&imported, screen), "{screen} before it is shown");
            }

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

/// The import worker's answer is read by the report's chunk (`on_demand::read_import`): when
/// it cannot be fetched, the import says so instead of showing nothing, and the same import
/// once the chunk can be fetched shows the figures.
#[tokio::test]
async fn an_import_whose_answer_cannot_be_read_says_so_and_works_once_it_can() {
    let dir = std::env::temp_dir().join(format!("canbo-no-report-{}", std::process::id()));
    let (chunk, kept) = dist_without_chunk(&dir, "split_report").expect("a copy of dist/");
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
