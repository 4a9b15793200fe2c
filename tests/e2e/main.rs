//! End to end: the release build in dist/, served on 127.0.0.1, driven in headless Chromium.
//!
//! Run by `cargo xtask test` after `trunk build --release`; alone with
//! `cargo xtask dist && cargo test -p canbo --test e2e`.

mod accessibility;
mod bench;
mod browser;
mod data_keeping;
mod english_page;
mod figures_first;
mod first_screen;
mod full_reader;
mod hostile_markup;
mod import_measure;
mod import_review;
mod network_log;
mod on_demand;
mod page;
mod prose_page;
mod report_pages;
mod report_samples;
mod server;
mod sharing;
mod shell;
mod standards_pages;
mod storage_faults;
mod teach_spellings;
mod two_tabs;
mod worker_ahead;

use std::path::{Path, PathBuf};

use browser::run;

/// A file of shared/samples/ (`../shared` beside the repository).
fn shared_sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(name)
}

#[tokio::test]
async fn the_app_replaces_the_loading_shell() {
    run("the_app_replaces_the_loading_shell", |page| async move {
        page.open().await?;
        assert!(
            !page.has("#loading").await?,
            "the loading shell is still there"
        );
        assert_eq!(page.find("h1").await?.text().await?, "Canbo");
        assert!(page.driver.title().await?.starts_with("Canbo"));
        assert!(page.has("[data-testid=load-sample]").await?);
        assert_eq!(
            page.stat("people").await?,
            None,
            "figures before any import"
        );
        page.save_screenshot("start").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_roster_picked_in_the_file_input_shows_its_people() {
    run(
        "a_roster_picked_in_the_file_input_shows_its_people",
        |page| async move {
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("people", 420).await?;
            let files = page.files_listed().await?;
            assert!(
                files.contains("mau-son-don-gian.xlsx"),
                "files listed: {files}"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_sample_button_loads_the_bundled_roster() {
    run(
        "the_sample_button_loads_the_bundled_roster",
        |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            let files = page.files_listed().await?;
            assert!(files.contains("mau-son-bieu.xlsx"), "files listed: {files}");
            page.save_screenshot("sample-loaded").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_file_that_is_no_spreadsheet_shows_an_error_and_keeps_the_figures() {
    run(
        "a_file_that_is_no_spreadsheet_shows_an_error_and_keeps_the_figures",
        |page| async move {
            let picture =
                std::env::temp_dir().join(format!("canbo-e2e-{}-anh-chup.png", std::process::id()));
            std::fs::write(
                &picture,
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR not really a picture",
            )?;

            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            page.import_file(&picture).await?;
            let error = page
                .find("[data-testid=import-error]")
                .await?
                .text()
                .await?;
            std::fs::remove_file(&picture)?;
            assert!(
                error.contains("anh-chup.png"),
                "the error names the file: {error}"
            );
            assert_eq!(
                page.stat("people").await?.as_deref(),
                Some("420"),
                "the figures already there stay"
            );
            page.save_screenshot("import-error").await?;

            page.find("[data-testid=import-error-dismiss]")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=import-error]").await?;
            assert_eq!(page.stat("people").await?.as_deref(), Some("420"));
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_reload_shows_the_same_roster() {
    run("a_reload_shows_the_same_roster", |page| async move {
        page.open().await?;
        page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
            .await?;
        page.wait_for_stat("people", 420).await?;
        page.wait_until_roster_kept().await?;
        page.reload().await?;
        page.wait_for_stat("people", 420).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_content_security_policy_blocks_nothing_the_app_uses() {
    run(
        "the_content_security_policy_blocks_nothing_the_app_uses",
        |page| async move {
            page.open().await?;
            // Fetching the sample and importing it exercise connect-src and the wasm itself.
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            let csp = page
                .find("meta[http-equiv='Content-Security-Policy']")
                .await?
                .attr("content")
                .await?;
            assert!(
                csp.is_some_and(|csp| csp.contains("default-src 'self'")),
                "the page declares its CSP"
            );
            let problems = page.console_problems().await?;
            assert!(
                problems.is_empty(),
                "console problems:\n{}",
                problems.join("\n")
            );
            Ok(())
        },
    )
    .await;
}
