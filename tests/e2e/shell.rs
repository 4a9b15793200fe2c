//! index.html's shell: the app's first screen as plain HTML, working before the wasm has
//! arrived (boot.js, src/early.rs). On a line slow enough that the wasm takes minutes, a
//! file picked (or the sample asked for) on the shell is imported once the app starts, in
//! the language chosen on the shell, before the service worker fetches the build; and the
//! shell says what the app says.

use serde_json::{json, Value};

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::server::dist_url;
use crate::shared_sample;

/// Slows the network so that the page's wasm takes minutes (the shell is up in a second or
/// two), or lifts that.
async fn slow_network(page: &Page, slow: bool) -> TestResult {
    let cdp = page.driver.cdp();
    cdp.send_raw("Network.enable", json!({})).await?;
    let (latency, throughput) = if slow { (100, 20_000) } else { (0, -1) };
    cdp.send_raw(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": latency,
            "downloadThroughput": throughput,
            "uploadThroughput": throughput,
        }),
    )
    .await?;
    Ok(())
}

/// Goes to the page on a slow line, not waiting for it to load (the wasm is a preload, so
/// the load event would wait for it), and waits for the shell to take files.
async fn open_the_shell(page: &Page) -> TestResult {
    open_the_shell_at(page, "").await
}

/// [`open_the_shell`] at the page's address followed by `tail` (`#r1.…`: a link).
async fn open_the_shell_at(page: &Page, tail: &str) -> TestResult {
    slow_network(page, true).await?;
    let url = format!("{}{tail}", dist_url());
    page.driver
        .cdp()
        .send_raw("Page.navigate", json!({ "url": url }))
        .await?;
    page.find("html[data-shell=ready]").await?;
    assert!(!app_started(page).await?, "the app started within a second");
    Ok(())
}

/// Whether the app has started (its own file input is on the page).
async fn app_started(page: &Page) -> TestResult<bool> {
    page.has("[data-testid=import-input]").await
}

/// The shell's status line.
async fn status(page: &Page) -> TestResult<String> {
    Ok(page
        .find("[data-testid=shell-status]")
        .await?
        .text()
        .await?)
}

#[tokio::test]
async fn a_file_picked_before_the_app_starts_is_imported_in_the_language_chosen() {
    run(
        "a_file_picked_before_the_app_starts_is_imported_in_the_language_chosen",
        |page| async move {
            open_the_shell(&page).await?;
            assert_eq!(status(&page).await?, "Đang tải Canbo…");
            page.find("[data-shell-lang=en]").await?.click().await?;
            assert_eq!(
                page.find("label[for=shell-input]").await?.text().await?,
                "Choose roster files…"
            );
            let file = shared_sample("mau-son-don-gian.xlsx").canonicalize()?;
            page.find("[data-testid=shell-input]")
                .await?
                .send_keys(file.to_string_lossy().as_ref())
                .await?;
            let said = status(&page).await?;
            assert!(
                said.starts_with("1 file(s) received (mau-son-don-gian.xlsx)"),
                "the shell says what it keeps: {said}"
            );
            assert!(
                !app_started(&page).await?,
                "the file was picked before the app started"
            );
            page.save_screenshot("shell-file-picked").await?;
            // Whether the figures were on the page when the service worker was registered
            // (it would share the slow line with the import worker's wasm).
            page.driver
                .execute(
                    "const sw = navigator.serviceWorker;\
                     const register = sw.register.bind(sw);\
                     sw.register = (...args) => {\
                       window.canboFiguresAtRegister = !!document.querySelector('[data-stat=people]');\
                       return register(...args);\
                     };",
                    Vec::new(),
                )
                .await?;

            slow_network(&page, false).await?;
            page.wait_for_stat("people", 420).await?;
            let at_register = crate::page::poll_until(
                "the service worker registered",
                || async {
                    let at: Value = page
                        .driver
                        .execute("return window.canboFiguresAtRegister ?? null;", Vec::new())
                        .await?
                        .json()
                        .clone();
                    Ok(at.as_bool())
                },
                Option::is_some,
            )
            .await?;
            assert_eq!(
                at_register,
                Some(true),
                "the service worker is registered only once the file picked is imported"
            );
            assert!(!page.has("#loading").await?, "the app replaced the shell");
            assert!(
                page.has("[data-testid=lang-en][aria-pressed=true]").await?,
                "the app speaks the language chosen on the shell"
            );
            let files = page.files_listed().await?;
            assert!(
                files.contains("mau-son-don-gian.xlsx"),
                "the file is the app's as if picked there: {files}"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_sample_asked_for_before_the_app_starts_is_opened_when_it_does() {
    run(
        "the_sample_asked_for_before_the_app_starts_is_opened_when_it_does",
        |page| async move {
            open_the_shell(&page).await?;
            page.find("[data-testid=shell-sample]")
                .await?
                .click()
                .await?;
            assert_eq!(
                status(&page).await?,
                "Canbo mở dữ liệu mẫu ngay khi tải xong…"
            );
            assert!(!app_started(&page).await?);
            slow_network(&page, false).await?;
            page.wait_for_stat("people", 420).await?;
            let files = page.files_listed().await?;
            assert!(files.contains("mau-son-bieu.xlsx"), "files listed: {files}");
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_link_opening_shows_no_import_on_the_shell() {
    run(
        "a_link_opening_shows_no_import_on_the_shell",
        |page| async move {
            open_the_shell_at(&page, "#r1.AAAA").await?;
            assert!(
                !page
                    .find("[data-shell=import]")
                    .await?
                    .is_displayed()
                    .await?,
                "the app shows the link's report first: nothing to import meanwhile"
            );
            assert_eq!(status(&page).await?, "Đang tải Canbo…");
            // The page's own anchors (the skip link's) are no link.
            // (Another query: a new document, not a jump within this one.)
            open_the_shell_at(&page, "?again#noi-dung").await?;
            let import = page.find("[data-shell=import]").await?;
            assert!(import.is_displayed().await?, "#noi-dung offers the import");
            Ok(())
        },
    )
    .await;
}

/// The shell's texts in `lang` ("vi" or "en"), read from index.html as served: the
/// tagline, the two import actions, the hint and the footnote, and the file input's accept.
async fn shell_texts(page: &Page, lang: &str) -> TestResult<Vec<String>> {
    let texts: Value = page
        .driver
        .execute_async(
            "const [lang, done] = arguments;\
             fetch('index.html').then(r => r.text()).then(html => {\
               const shell = new DOMParser().parseFromString(html, 'text/html')\
                 .getElementById('loading');\
               const text = el => lang === 'en' ? el.dataset.en : el.textContent.trim();\
               done([\
                 text(shell.querySelector('.tagline')),\
                 text(shell.querySelector('label[for=shell-input]')),\
                 text(shell.querySelector('[data-testid=shell-sample]')),\
                 text(shell.querySelector('.hint')),\
                 text(shell.querySelector('.footnote')),\
                 shell.querySelector('#shell-input').accept,\
               ]);\
             });",
            vec![json!(lang)],
        )
        .await?
        .json()
        .clone();
    Ok(serde_json::from_value(texts)?)
}

/// The same texts on the app's first screen.
async fn app_texts(page: &Page) -> TestResult<Vec<String>> {
    let mut texts = Vec::new();
    for css in [
        ".tagline",
        "label[for=import-input]",
        "[data-testid=load-sample]",
        ".import-bar .hint",
        ".footnote",
    ] {
        texts.push(page.find(css).await?.text().await?.trim().to_string());
    }
    let accept = page.find("[data-testid=import-input]").await?;
    texts.push(accept.attr("accept").await?.unwrap_or_default());
    Ok(texts)
}

#[tokio::test]
async fn the_shell_says_what_the_app_says_in_both_languages() {
    run(
        "the_shell_says_what_the_app_says_in_both_languages",
        |page| async move {
            page.open().await?;
            assert_eq!(shell_texts(&page, "vi").await?, app_texts(&page).await?);
            page.find("[data-testid=lang-en]").await?.click().await?;
            page.find("html[lang=en]").await?;
            assert_eq!(shell_texts(&page, "en").await?, app_texts(&page).await?);
            Ok(())
        },
    )
    .await;
}
