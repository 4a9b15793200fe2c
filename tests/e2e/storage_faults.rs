//! Local storage that is full, disabled, throwing, or holds garbage and a newer Canbo's data
//! (issue 13): the page starts, says what happened in the page's language, keeps what it can
//! read, and never writes over good data. The faults are made in the browser before the app
//! runs (`FAULTS`), chosen per tab through `window.name`, which survives a reload.

use serde_json::{json, Value};

use crate::browser::{run, TestResult};
use crate::page::Page;

/// Installed before any page script: `window.name` says which fault to make.
/// - `canbo-test:quota:N`: local storage holds at most N characters (keys and values);
/// - `canbo-test:disabled`: reading `window.localStorage` throws (storage blocked);
/// - `canbo-test:throwing`: every Storage call throws.
const FAULTS: &str = r#"
(() => {
    const mode = (window.name || '').split(':');
    if (mode[0] !== 'canbo-test') return;
    const denied = () => new DOMException('The operation is insecure.', 'SecurityError');
    if (mode[1] === 'disabled') {
        Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw denied(); } });
    } else if (mode[1] === 'throwing') {
        for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
            Storage.prototype[m] = function () { throw denied(); };
        }
        Object.defineProperty(Storage.prototype, 'length', { get() { throw denied(); } });
    } else if (mode[1] === 'quota') {
        const limit = Number(mode[2]);
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            let used = 0;
            for (let i = 0; i < this.length; i++) {
                const k = this.key(i);
                if (k !== key) used += k.length + this.getItem(k).length;
            }
            if (used + String(key).length + String(value).length > limit) {
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return set.call(this, key, value);
        };
    }
})();
"#;

async fn install_faults(page: &Page) -> TestResult {
    page.driver
        .cdp()
        .page()
        .add_script_to_evaluate_on_new_document(FAULTS)
        .await?;
    Ok(())
}

async fn set_fault(page: &Page, mode: &str) -> TestResult {
    page.driver
        .execute(
            "window.name = arguments[0];",
            vec![Value::String(mode.into())],
        )
        .await?;
    Ok(())
}

/// Characters local storage holds now (keys and values).
async fn used(page: &Page) -> TestResult<u64> {
    let n = page
        .number(
            "let n = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); \
             n += k.length + localStorage.getItem(k).length; } return n;",
        )
        .await?;
    Ok(n as u64)
}

async fn text(page: &Page, css: &str) -> TestResult<String> {
    Ok(page.find(css).await?.text().await?)
}

/// Waits until the stored roster's pointer exists (the import was stored).
async fn wait_for_stored_roster(page: &Page) -> TestResult {
    for _ in 0..300 {
        let stored = page
            .driver
            .execute(
                "return localStorage.getItem('canbo.roster.ptr');",
                Vec::new(),
            )
            .await?;
        if stored.json().is_string() {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err("the roster was never stored".into())
}

/// A three-person CSV roster in a temporary file.
pub fn small_roster(name: &str) -> TestResult<std::path::PathBuf> {
    let file = std::env::temp_dir().join(format!("canbo-e2e-{}-{name}", std::process::id()));
    std::fs::write(
        &file,
        "Họ và tên,Ngày sinh,Giới tính,Đơn vị\nNguyễn Văn Ba,01/01/1980,Nam,Xã Một\n\
         Trần Thị Bốn,02/02/1990,Nữ,Xã Một\nLê Văn Năm,03/03/1970,Nam,Xã Hai\n",
    )?;
    Ok(file)
}

#[tokio::test]
async fn a_full_storage_keeps_the_roster_saved_before_and_says_so_in_both_languages() {
    run(
        "a_full_storage_keeps_the_roster_saved_before_and_says_so_in_both_languages",
        |page| async move {
            install_faults(&page).await?;
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            wait_for_stored_roster(&page).await?;
            // Room for the language, not for a second roster beside the first.
            let limit = used(&page).await? + 60;
            set_fault(&page, &format!("canbo-test:quota:{limit}")).await?;
            page.reload().await?;
            page.wait_for_stat("people", 420).await?;

            let csv = small_roster("ba-nguoi.csv")?;
            page.import_file(&csv).await?;
            page.wait_for_stat("people", 3).await?;
            let error = text(&page, "[data-testid=storage-error]").await?;
            assert!(
                error.contains("đã đầy") && error.contains("CHƯA được lưu"),
                "{error}"
            );
            page.save_screenshot("storage-full").await?;
            page.find("[data-testid=lang-en]").await?.click().await?;
            let error = text(&page, "[data-testid=storage-error]").await?;
            assert!(error.contains("storage is full"), "{error}");

            // The roster stored before is whole: it comes back, with no complaint.
            page.reload().await?;
            page.wait_for_stat("people", 420).await?;
            assert!(!page.has("[data-testid=storage-notice]").await?);
            std::fs::remove_file(csv)?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn storage_that_is_disabled_or_throws_leaves_a_working_page_that_says_nothing_is_kept() {
    run(
        "storage_that_is_disabled_or_throws_leaves_a_working_page_that_says_nothing_is_kept",
        |page| async move {
            install_faults(&page).await?;
            page.open().await?;
            for mode in ["canbo-test:disabled", "canbo-test:throwing"] {
                set_fault(&page, mode).await?;
                page.reload().await?;
                let notice = text(&page, "[data-testid=storage-notice]").await?;
                assert!(notice.contains("không lưu gì"), "{mode}: {notice}");
                page.load_sample().await?;
                page.wait_for_stat("people", 420).await?;
                page.find("[data-testid=lang-en]").await?.click().await?;
                let notice = text(&page, "[data-testid=storage-notice]").await?;
                assert!(notice.contains("keeps nothing"), "{mode}: {notice}");
                page.find("[data-testid=lang-vi]").await?.click().await?;
                let problems = page.console_problems().await?;
                assert!(
                    !problems.iter().any(|p| p.contains("panicked")),
                    "{mode}: {problems:?}"
                );
            }
            page.save_screenshot("storage-disabled").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn garbage_and_a_newer_versions_data_are_reported_and_the_newer_data_left_alone() {
    run(
        "garbage_and_a_newer_versions_data_are_reported_and_the_newer_data_left_alone",
        |page| async move {
            page.open().await?;
            let newer = json!({
                "canbo.state.ptr": "canbo.ptr:1:9",
                "canbo.state.9": "canbo.state:3:AAAA",
            });
            let garbage = json!({
                "canbo.roster.ptr": "canbo.ptr:1:3",
                "canbo.roster.3": "<img src=x onerror=alert(1)>",
                "canbo.roster.2": "canbo.roster:1:AAAA",
                "canbo.roster": "</script><script>alert(2)</script>",
                "canbo.roster.v1": "{\"people\": [",
            });
            page.driver
                .execute(
                    "localStorage.clear();
                     for (const items of arguments) for (const k in items) localStorage.setItem(k, items[k]);",
                    vec![newer.clone(), garbage],
                )
                .await?;
            page.reload().await?;
            let notice = text(&page, "[data-testid=storage-notice]").await?;
            assert!(
                notice.contains("phiên bản Canbo mới hơn") && notice.contains("Không đọc lại được danh sách cán bộ"),
                "{notice}"
            );
            assert_eq!(page.stat("people").await?, None, "nothing unreadable is shown");
            assert!(!page.has("img[src=x]").await?);

            // A roster can still be kept; the state of the newer Canbo is never written over.
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            page.find("[data-testid=snapshot-name]").await?.send_keys("Thử").await?;
            page.click_when_still("[data-testid=snapshot-save]").await?;
            let error = text(&page, "[data-testid=storage-error]").await?;
            assert!(error.contains("mới hơn") && error.contains("CHƯA được lưu"), "{error}");
            page.find("[data-testid=lang-en]").await?.click().await?;
            let notice = text(&page, "[data-testid=storage-notice]").await?;
            assert!(notice.contains("newer Canbo"), "{notice}");
            page.save_screenshot("storage-newer-version").await?;
            let stored = page
                .driver
                .execute(
                    "return {'canbo.state.ptr': localStorage.getItem('canbo.state.ptr'),
                             'canbo.state.9': localStorage.getItem('canbo.state.9')};",
                    Vec::new(),
                )
                .await?;
            assert_eq!(stored.json(), &newer, "the newer data is untouched");

            page.reload().await?;
            page.wait_for_stat("people", 420).await?;
            Ok(())
        },
    )
    .await;
}
