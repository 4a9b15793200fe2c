//! Sharing and offline use (issue 10): a report link opened in another profile, with the
//! network gone; damaged and locked links; combining links; roster packages; a new build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::browser::{in_another_browser, run_at, TestResult};
use crate::page::Page;
use crate::server::{copy_dir, dist_dir, Server};

const PATIENCE: Duration = Duration::from_secs(30);

/// Every figure with a `data-stat` on the page: path → value (the first of each path).
async fn stats(page: &Page) -> TestResult<BTreeMap<String, String>> {
    let found = page
        .driver
        .execute(
            "const out = {};
             for (const e of document.querySelectorAll('[data-stat]')) {
                 if (!(e.dataset.stat in out)) out[e.dataset.stat] = e.dataset.value;
             }
             return out;",
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(found.json().clone())?)
}

/// Opens `url` (a link) and waits for the app.
async fn visit(page: &Page, url: &str) -> TestResult {
    page.driver.goto(url).await?;
    page.find(
        "[data-testid=import-input], [data-testid=shared-banner], [data-testid=share-locked]",
    )
    .await?;
    Ok(())
}

/// The share link of the report on screen, opening the panel whenever it is closed (a
/// report drawn again after a tab change may draw the panel anew, closed).
pub(crate) async fn share_link(page: &Page) -> TestResult<String> {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        // Closed is `aria-expanded=false`; while open, the link is gone for the moment it
        // is made again after a change (clicking then would close the panel).
        if page.has("[data-testid=share][aria-expanded=false]").await? {
            page.click_when_still("[data-testid=share]").await?;
        }
        if let Some(input) = page
            .driver
            .find_all(By::Css("[data-testid=share-link]"))
            .await?
            .into_iter()
            .next()
        {
            return Ok(input.prop("value").await?.unwrap_or_default());
        }
        if std::time::Instant::now() > deadline {
            return Err("no share link".into());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Share links and packages are made and opened in the download worker: the page does it
/// itself (and says so on the console) only where no worker starts. Reads the console log,
/// which drains it.
async fn made_in_the_worker(page: &Page) -> TestResult {
    let log = page.driver.browser_log().await?;
    let on_the_page = [
        "made on the page",
        "sealed on the page",
        "opened on the page",
    ];
    assert!(
        !log.iter()
            .any(|e| on_the_page.iter().any(|s| e.message.contains(s))),
        "made in the download worker: {log:?}"
    );
    Ok(())
}

/// Counts the download workers the page starts (`window.canboExporters`) and stops
/// (`window.canboStopped`) from now on.
const COUNT_EXPORTERS: &str = "
    const Started = window.Worker;
    const stop = Started.prototype.terminate;
    window.canboExporters = 0;
    window.canboStopped = 0;
    Started.prototype.terminate = function () {
        if (this.canboExporter) window.canboStopped += 1;
        return stop.call(this);
    };
    window.Worker = function (url, options) {
        const worker = new Started(url, options);
        if (String(url).includes('exporter')) {
            window.canboExporters += 1;
            worker.canboExporter = true;
        }
        return worker;
    };
    window.Worker.prototype = Started.prototype;
";

async fn exporters_started(page: &Page) -> TestResult<f64> {
    page.number("return window.canboExporters;").await
}

async fn workers_stopped(page: &Page) -> TestResult<f64> {
    page.number("return window.canboStopped;").await
}

/// Waits until the share link differs from `before` (the options changed), looking every
/// 10 ms (the benchmark times it).
pub(crate) async fn new_share_link(page: &Page, before: &str) -> TestResult<String> {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let now = share_link(page).await?;
        if now != before {
            return Ok(now);
        }
        if std::time::Instant::now() > deadline {
            return Err("the share link did not change".into());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Unfolds a folded section by its summary's test id (when it is not open yet).
pub(crate) async fn unfold(page: &Page, summary: &str) -> TestResult {
    let css = format!("[data-testid={summary}]");
    let open = page
        .driver
        .execute(
            "const s = document.querySelector(arguments[0]); return !!s && s.parentElement.open;",
            vec![Value::String(css.clone())],
        )
        .await?;
    if open.json() != &Value::Bool(true) {
        page.click_when_still(&css).await?;
    }
    Ok(())
}

/// Types into a text field and leaves it (its `change` event).
async fn type_and_leave(page: &Page, css: &str, text: &str) -> TestResult {
    let field = page.find(css).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    field.send_keys(Key::Tab).await?;
    Ok(())
}

/// Waits until the service worker controls the page and has filled its cache; the cache's
/// name.
async fn wait_for_offline_ready(page: &Page) -> TestResult<String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let state = page
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                     if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return null;
                     const keys = (await caches.keys()).filter((k) => k.startsWith('canbo-'));
                     if (keys.length !== 1) return null;
                     const cache = await caches.open(keys[0]);
                     return (await cache.match('index.html')) ? keys[0] : null;
                 })().then(done, () => done(null));",
                Vec::new(),
            )
            .await?;
        if let Some(name) = state.json().as_str() {
            return Ok(name.to_string());
        }
        if std::time::Instant::now() > deadline {
            return Err("the service worker never took control with a full cache".into());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test]
async fn a_link_opens_in_a_fresh_profile_with_the_same_figures_even_offline() {
    let mut server = Server::start(&dist_dir());
    let url = server.url;
    run_at(
        "a_link_opens_in_a_fresh_profile_with_the_same_figures_even_offline",
        url,
        move |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            let mine = stats(&page).await?;
            assert!(mine.len() > 40, "figures on the page: {}", mine.len());
            let link = share_link(&page).await?;
            assert!(link.starts_with(url) && link.contains("#r1."), "{link}");
            assert!(page.has("[data-testid=share-qr] svg").await?, "a QR code");
            made_in_the_worker(&page).await?;
            page.find("[data-testid=share-qr]")
                .await?
                .scroll_into_view()
                .await?;
            page.save_screenshot("share-panel").await?;
            println!("share link of mau-son-bieu.xlsx: {} characters", link.len());

            in_another_browser(url, |other| async move {
                // One visit online, then the network is gone.
                other.open().await?;
                let cache = wait_for_offline_ready(&other).await?;
                let files = other
                    .number(&format!(
                        "return caches.open('{cache}').then(c => c.keys()).then(k => k.length);"
                    ))
                    .await;
                println!("precached: {cache}, {files:?} files");
                server.stop();

                // A real navigation with no server: the service worker answers it.
                other.driver.goto("about:blank").await?;
                visit(&other, &link).await?;
                other.find("[data-testid=shared-banner]").await?;
                other.wait_for_stat("people", 420).await?;
                let banner = other
                    .find("[data-testid=shared-banner]")
                    .await?
                    .text()
                    .await?;
                assert!(
                    banner.contains("Báo cáo được chia sẻ: số liệu ngày")
                        && banner.contains("không có danh sách người"),
                    "{banner}"
                );
                assert_eq!(
                    stats(&other).await?,
                    mine,
                    "every data-stat as in the first profile"
                );
                other.save_screenshot("shared-report-offline").await?;

                // A figure lists nobody: it says why instead.
                let count = other.find("[data-stat='gender.nu']").await?;
                assert_eq!(
                    count.tag_name().await?,
                    "span",
                    "no drill-down under a shared report"
                );
                assert!(count
                    .attr("title")
                    .await?
                    .is_some_and(|t| t.contains("không có danh sách người")));

                other.reload().await.ok();
                other.find("[data-testid=shared-banner]").await?;
                assert_eq!(
                    stats(&other).await?,
                    mine,
                    "the same after a reload offline"
                );

                // Back to my data: there is none in this profile, and nothing was stored.
                other
                    .find("[data-testid=shared-leave]")
                    .await?
                    .click()
                    .await?;
                other.wait_until_gone("[data-testid=shared-banner]").await?;
                assert_eq!(other.stat("people").await?, None);
                Ok(())
            })
            .await
        },
    )
    .await;
}

#[tokio::test]
async fn a_link_leaves_the_stored_roster_alone_and_can_be_kept_as_a_snapshot() {
    run_at(
        "a_link_leaves_the_stored_roster_alone_and_can_be_kept_as_a_snapshot",
        crate::server::dist_url(),
        |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            page.driver.execute(COUNT_EXPORTERS, Vec::new()).await?;
            let link = share_link(&page).await?;
            // Another roster on screen: the district's three links make 1,260 people.
            type_and_leave(&page, "[data-testid=share-title]", "Huyện Một").await?;
            let one = new_share_link(&page, &link).await?;
            type_and_leave(&page, "[data-testid=share-title]", "Huyện Hai").await?;
            let two = new_share_link(&page, &one).await?;
            type_and_leave(&page, "[data-testid=share-title]", "Huyện Ba").await?;
            let three = new_share_link(&page, &two).await?;
            assert_eq!(
                exporters_started(&page).await?,
                1.0,
                "one download worker makes every link while the panel is open"
            );
            assert_eq!(workers_stopped(&page).await?, 0.0);
            // Closed, the panel stops its worker; opened again, it starts one.
            page.find("[data-testid=share]").await?.click().await?;
            page.wait_until_gone("[data-testid=share-link]").await?;
            assert_eq!(workers_stopped(&page).await?, 1.0, "stopped when closed");
            assert_eq!(share_link(&page).await?, three, "the same link again");
            assert_eq!(exporters_started(&page).await?, 2.0);
            made_in_the_worker(&page).await?;

            // «Gộp» the three.
            unfold(&page, "share-combine-toggle").await?;
            page.find("[data-testid=share-combine-input]")
                .await?
                .send_keys(format!("{one}\n{two}\n  {three}\n"))
                .await?;
            page.find("[data-testid=share-combine]")
                .await?
                .click()
                .await?;
            page.find("[data-testid=shared-banner]").await?;
            page.wait_for_stat("people", 1260).await?;
            // The per-unit form is built in a task after the headlines.
            page.find("[data-testid=unit-table] tbody tr").await?;
            let rows = page
                .driver
                .find_all(By::Css("[data-testid=unit-table] tbody tr"))
                .await?
                .len();
            assert_eq!(rows, 3, "one unit per link");
            let address = page.driver.current_url().await?.to_string();
            println!(
                "three links of {} characters combine into one of {}",
                one.len(),
                address.len()
            );
            assert!(
                address.contains("#r1."),
                "the address is the combined link: {address}"
            );
            page.save_screenshot("shared-combined").await?;

            // Kept as a snapshot, then back to my own data, untouched.
            page.find("[data-testid=shared-save-snapshot]")
                .await?
                .click()
                .await?;
            page.find("[data-testid=shared-saved]").await?;
            page.find("[data-testid=shared-leave]")
                .await?
                .click()
                .await?;
            page.wait_for_stat("people", 420).await?;
            page.find("[data-testid=snapshot]").await?;
            page.reload().await?;
            page.wait_for_stat("people", 420).await?;

            // A link of another report date cannot join: the message says which.
            page.find("[data-testid=as-of]")
                .await?
                .send_keys("01012020")
                .await?;
            let other_date = new_share_link(&page, &three).await?;
            unfold(&page, "share-combine-toggle").await?;
            let input = page.find("[data-testid=share-combine-input]").await?;
            input.clear().await?;
            input.send_keys(format!("{one}\n{other_date}")).await?;
            page.find("[data-testid=share-combine]")
                .await?
                .click()
                .await?;
            let error = page
                .find("[data-testid=share-combine-error]")
                .await?
                .text()
                .await?;
            assert!(error.contains("Liên kết 2"), "{error}");
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_damaged_link_says_so_and_changes_nothing() {
    run_at(
        "a_damaged_link_says_so_and_changes_nothing",
        crate::server::dist_url(),
        |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            let link = share_link(&page).await?;
            let cut = &link[..link.len() - 40];
            let mut edited = link.clone().into_bytes();
            let i = edited.len() - 100;
            edited[i] = if edited[i] == b'A' { b'B' } else { b'A' };
            let edited = String::from_utf8(edited)?;
            for (what, bad) in [("cut", cut.to_string()), ("edited", edited)] {
                visit(&page, &bad).await?;
                let error = page.find("[data-testid=share-error]").await?.text().await?;
                assert!(
                    error.contains("Liên kết bị hỏng hoặc không đầy đủ"),
                    "{what}: {error}"
                );
                assert!(!page.has("[data-testid=shared-banner]").await?, "{what}");
                page.wait_for_stat("people", 420).await?;
                page.find("[data-testid=share-error-dismiss]")
                    .await?
                    .click()
                    .await?;
                page.wait_until_gone("[data-testid=share-error]").await?;
            }
            visit(&page, &link[..link.len() - 40]).await?;
            page.find("[data-testid=share-error]").await?;
            page.save_screenshot("share-damaged").await?;
            page.reload().await?;
            page.wait_for_stat("people", 420).await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_locked_link_opens_with_its_passphrase_only() {
    let url = crate::server::dist_url();
    run_at(
        "a_locked_link_opens_with_its_passphrase_only",
        url,
        move |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            let exact = share_link(&page).await?;
            // Small counts hidden, and locked.
            page.find("[data-testid=share-hide-small]")
                .await?
                .click()
                .await?;
            let plain = new_share_link(&page, &exact).await?;
            println!(
                "link of mau-son-bieu.xlsx with counts below 3 hidden: {} characters",
                plain.len()
            );
            type_and_leave(&page, "[data-testid=share-passphrase]", "Mẫu Sơn 2024").await?;
            let locked = new_share_link(&page, &plain).await?;
            assert!(locked.contains("#r1e."), "{locked}");
            println!(
                "locked link of mau-son-bieu.xlsx: {} characters (plain {})",
                locked.len(),
                plain.len()
            );

            in_another_browser(url, |other| async move {
                visit(&other, &locked).await?;
                other.find("[data-testid=share-locked]").await?;
                assert_eq!(
                    other.stat("people").await?,
                    None,
                    "nothing shown before the passphrase"
                );
                let field = other.find("[data-testid=share-unlock-passphrase]").await?;
                field.send_keys("Mẫu Sơn 2025").await?;
                other
                    .find("[data-testid=share-unlock]")
                    .await?
                    .click()
                    .await?;
                let error = other
                    .find("[data-testid=share-error]")
                    .await?
                    .text()
                    .await?;
                assert!(error.contains("Sai mật khẩu"), "{error}");
                assert!(!other.has("[data-testid=shared-banner]").await?);
                other.save_screenshot("share-locked-wrong").await?;

                field.clear().await?;
                field.send_keys("Mẫu Sơn 2024").await?;
                other
                    .find("[data-testid=share-unlock]")
                    .await?
                    .click()
                    .await?;
                other.find("[data-testid=shared-banner]").await?;
                other.wait_for_stat("people", 420).await?;
                assert!(!other.has("[data-testid=share-error]").await?);
                // The hidden counts say «<3»; the totals stay exact.
                other.find("[data-testid=shared-hidden]").await?;
                let hidden = other.find("[data-testid=unit-table] .hidden-count").await?;
                assert_eq!(hidden.text().await?, "<3");
                hidden.scroll_into_view().await?;
                other.save_screenshot("shared-hidden-counts").await?;
                Ok(())
            })
            .await
        },
    )
    .await;
}

/// Downloads of this browser go to `dir`.
pub(crate) async fn downloads_to(page: &Page, dir: &Path) -> TestResult {
    page.driver
        .cdp()
        .send_raw(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.display().to_string()}),
        )
        .await?;
    Ok(())
}

pub(crate) async fn wait_for_file(dir: &Path, extension: &str) -> TestResult<PathBuf> {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let found = std::fs::read_dir(dir)?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == extension));
        if let Some(file) = found {
            return Ok(file);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("no .{extension} file was downloaded").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_package_moves_the_data_to_another_profile_and_a_wrong_passphrase_changes_nothing() {
    let url = crate::server::dist_url();
    run_at(
        "a_package_moves_the_data_to_another_profile_and_a_wrong_passphrase_changes_nothing",
        url,
        move |page| async move {
            let dir =
                std::env::temp_dir().join(format!("canbo-e2e-package-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir)?;
            downloads_to(&page, &dir).await?;
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            page.find("[data-testid=snapshot-name]")
                .await?
                .send_keys("Đầu năm")
                .await?;
            page.click_when_still("[data-testid=snapshot-save]").await?;
            unfold(&page, "package-toggle").await?;
            page.find("[data-testid=package-passphrase]")
                .await?
                .send_keys("gói của xã")
                .await?;
            page.find("[data-testid=package-export]")
                .await?
                .click()
                .await?;
            let file = wait_for_file(&dir, "canbo").await?;
            tokio::time::sleep(Duration::from_millis(500)).await;
            let size = std::fs::metadata(&file)?.len();
            println!("package of mau-son-bieu.xlsx: {size} bytes");
            assert!(std::fs::read(&file)?.starts_with(b"\x89CANBO\r\n"));

            // Importing over a roster asks first; «Giữ» keeps it.
            page.find("[data-testid=package-import]")
                .await?
                .send_keys(file.display().to_string())
                .await?;
            page.find("[data-testid=package-replace-cancel]")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=package-replace-confirm]")
                .await?;

            in_another_browser(url, |other| async move {
                other.open().await?;
                unfold(&other, "package-toggle").await?;
                let pass = other.find("[data-testid=package-passphrase]").await?;
                pass.send_keys("gói của huyện").await?;
                other
                    .find("[data-testid=package-import]")
                    .await?
                    .send_keys(file.display().to_string())
                    .await?;
                let error = other
                    .find("[data-testid=package-error]")
                    .await?
                    .text()
                    .await?;
                assert!(error.to_lowercase().contains("mật khẩu"), "{error}");
                assert_eq!(other.stat("people").await?, None, "nothing imported");
                other
                    .find("[data-testid=package-error]")
                    .await?
                    .scroll_into_view()
                    .await?;
                other.save_screenshot("package-wrong-passphrase").await?;

                pass.clear().await?;
                pass.send_keys("gói của xã").await?;
                other
                    .find("[data-testid=package-import]")
                    .await?
                    .send_keys(file.display().to_string())
                    .await?;
                other.wait_for_stat("people", 420).await?;
                other
                    .find("[data-testid=snapshot][data-name='Đầu năm']")
                    .await?;
                other.reload().await?;
                other.wait_for_stat("people", 420).await?;
                made_in_the_worker(&other).await?;
                Ok(())
            })
            .await?;
            made_in_the_worker(&page).await?;
            let _ = std::fs::remove_dir_all(&dir);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_new_build_is_noticed_and_loaded_only_on_click() {
    let dir = std::env::temp_dir().join(format!("canbo-e2e-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&dist_dir(), &dir).expect("copying dist/");
    let server = Server::start(&dir);
    let site = dir.clone();
    run_at(
        "a_new_build_is_noticed_and_loaded_only_on_click",
        server.url,
        move |page| async move {
            page.open().await?;
            let old_cache = wait_for_offline_ready(&page).await?;
            assert!(!page.has("[data-testid=update-available]").await?);

            // A new build on the server: another sw.js, with a new cache name.
            let sw = std::fs::read_to_string(site.join("sw.js"))?;
            let new_cache = format!("{old_cache}b");
            std::fs::write(
                site.join("sw.js"),
                sw.replace(&format!("'{old_cache}'"), &format!("'{new_cache}'")),
            )?;
            page.driver
                .execute("window.notReloaded = true;", Vec::new())
                .await?;
            // The page looks for a new version now and then; a visit does too.
            page.driver
                .execute(
                    "navigator.serviceWorker.getRegistration().then((r) => r.update());",
                    Vec::new(),
                )
                .await?;
            let notice = page.find("[data-testid=update-available]").await?;
            assert!(notice.text().await?.contains("Có phiên bản mới"));
            page.save_screenshot("update-available").await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let still = page
                .driver
                .execute("return window.notReloaded === true;", Vec::new())
                .await?;
            assert_eq!(
                still.json(),
                &Value::Bool(true),
                "no reload before the click"
            );

            page.find("[data-testid=update-reload]")
                .await?
                .click()
                .await?;
            let deadline = std::time::Instant::now() + PATIENCE;
            loop {
                let now = page
                    .driver
                    .execute("return window.notReloaded === true;", Vec::new())
                    .await
                    .map(|v| v.json().clone())
                    .unwrap_or(Value::Bool(true));
                if now != Value::Bool(true) {
                    break;
                }
                if std::time::Instant::now() > deadline {
                    return Err("the page did not reload after «Tải lại»".into());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            page.find("[data-testid=import-input]").await?;
            assert_eq!(
                wait_for_offline_ready(&page).await?,
                new_cache,
                "the old cache is gone"
            );
            assert!(!page.has("[data-testid=update-available]").await?);
            Ok(())
        },
    )
    .await;
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
