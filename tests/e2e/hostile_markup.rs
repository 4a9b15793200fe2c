//! A roster whose every text is markup (issue 13): cells, headers, the sheet's name and the
//! file's name hold `<img src=x onerror=…>`, `</script><script>…`, `javascript:…`. Everywhere
//! the page shows them — the report, the import review, tooltips, the drill-down list, the
//! staff list, the print form, a snapshot, a shared link's view — and in every export (CSV,
//! xlsx, .docx) they are
//! text: no element is made of them, no alert fires (a trap records calls), and the text
//! appears as written.

use std::io::Read;
use std::time::{Duration, Instant};

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::sharing::share_link;

const IMG: &str = "<img src=x onerror=alert(1)>";
const SCRIPT: &str = "</script><script>alert(2)</script>";
const LINK: &str = "javascript:alert(3)";

/// Before any page script: alerts are recorded, not shown; printing only records; every blob
/// offered for download is kept to read back.
const TRAPS: &str = "
    window.alerts = [];
    window.alert = (m) => window.alerts.push(String(m));
    window.print = () => { window.printed = true; };
    window.caughtBlobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) { window.caughtBlobs.push(blob); return create.call(URL, blob); };
";

/// The roster: three people, each text one of the markups; returns the file.
fn hostile_workbook() -> TestResult<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("canbo-e2e-markup-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(format!("{IMG}.xlsx"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(IMG)?;
    let headers = ["Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", SCRIPT];
    for (c, h) in headers.iter().enumerate() {
        sheet.write(0, c as u16, *h)?;
    }
    let rows = [
        (IMG, "01/01/1980", "Nữ", SCRIPT),
        (SCRIPT, "02/02/1990", "Nữ", LINK),
        (LINK, "03/03/1970", "Nam", IMG),
    ];
    for (r, (name, born, gender, unit)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, text) in [name, born, gender, unit, &IMG].iter().enumerate() {
            sheet.write(r, c as u16, **text)?;
        }
    }
    book.save(&file)?;
    Ok(file)
}

/// Nothing was made of the markup, no alert fired, and `expected` texts are on the page
/// (its text content, hidden parts included) as written.
async fn all_inert(page: &Page, where_: &str, expected: &[&str]) -> TestResult {
    let found = page
        .driver
        .execute(
            "return {
                img: document.querySelectorAll('img[src=\"x\"]').length,
                scripts: [...document.querySelectorAll('script')]
                    .filter((s) => (s.textContent || '').includes('alert(')).length,
                links: document.querySelectorAll('a[href^=\"javascript\" i]').length,
                handlers: document.querySelectorAll('[onerror]').length,
                alerts: window.alerts.length,
                text: document.body.textContent,
                titles: [...document.querySelectorAll('[title]')].map((e) => e.title),
            };",
            Vec::new(),
        )
        .await?;
    let found = found.json();
    for what in ["img", "scripts", "links", "handlers", "alerts"] {
        assert_eq!(
            found[what],
            Value::from(0),
            "{where_}: {what} made of markup"
        );
    }
    let text = found["text"].as_str().unwrap_or_default();
    for expected in expected {
        assert!(
            text.contains(expected),
            "{where_}: «{expected}» not shown as text"
        );
    }
    // A tooltip holding roster text holds it whole.
    for title in found["titles"].as_array().into_iter().flatten() {
        let title = title.as_str().unwrap_or_default();
        if title.contains("alert(") {
            assert!(
                [IMG, SCRIPT, LINK].iter().any(|m| title.contains(m)),
                "{where_}: tooltip «{title}»"
            );
        }
    }
    Ok(())
}

/// The blobs offered since the page opened: (type, bytes).
async fn blobs(page: &Page) -> TestResult<Vec<(String, Vec<u8>)>> {
    let got = page
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             Promise.all(window.caughtBlobs.map((b) => b.arrayBuffer()
                 .then((a) => [b.type, Array.from(new Uint8Array(a))])))
                 .then(done, () => done([]));",
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(got.json().clone())?)
}

async fn wait_for_blobs(page: &Page, count: usize) -> TestResult<Vec<(String, Vec<u8>)>> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let all = blobs(page).await?;
        if all.len() >= count {
            return Ok(all);
        }
        if Instant::now() > deadline {
            return Err(format!("{} downloads offered, {count} expected", all.len()).into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn zip_text(bytes: &[u8]) -> TestResult<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        if entry.name()?.ends_with(".xml") {
            entry.read_to_string(&mut all)?;
        }
    }
    Ok(all)
}

fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn markup_in_a_roster_is_shown_as_text_everywhere() {
    run(
        "markup_in_a_roster_is_shown_as_text_everywhere",
        |page| async move {
            page.driver
                .cdp()
                .page()
                .add_script_to_evaluate_on_new_document(TRAPS)
                .await?;
            let file = hostile_workbook()?;
            page.open().await?;
            page.import_file(&file).await?;
            page.wait_for_stat("people", 3).await?;
            all_inert(&page, "the report", &[SCRIPT, LINK, IMG]).await?;

            page.open_import_panel().await?;
            page.find("[data-testid=import-review]").await?;
            all_inert(&page, "the import review", &[&format!("{IMG}.xlsx")]).await?;
            let review = page.find("[data-testid=import-review]").await?;
            if review.tag_name().await? == "details" {
                review.click().await.ok();
            }
            let review_text = page
                .driver
                .execute(
                    "return document.querySelector('[data-testid=import-review]').textContent;",
                    Vec::new(),
                )
                .await?;
            let review_text = review_text.json().as_str().unwrap_or_default().to_string();
            assert!(review_text.contains(IMG), "the sheet's name: {review_text}");
            assert!(review_text.contains(SCRIPT), "the header: {review_text}");

            // The drill-down list of the two women.
            page.find("button[data-stat='gender.nu']").await?.click().await?;
            page.find("[data-testid=drill]").await?;
            all_inert(&page, "the drill-down", &[IMG, SCRIPT]).await?;
            page.find("[data-testid=drill-close]").await?.click().await?;

            // The paper form, the exports and a snapshot.
            let form = page
                .driver
                .execute(
                    "const f = document.querySelector('[data-testid=print-form]'); return f ? f.textContent : '';",
                    Vec::new(),
                )
                .await?;
            let form = form.json().as_str().unwrap_or_default().to_string();
            for unit in [IMG, SCRIPT, LINK] {
                assert!(form.contains(unit), "the print form lacks «{unit}»");
            }
            page.find("[data-testid=export-csv]").await?.click().await?;
            page.find("[data-testid=export-xlsx]").await?.click().await?;
            page.find("[data-testid=print]").await?.click().await?;
            let offered = wait_for_blobs(&page, 2).await?;
            let csv = offered
                .iter()
                .find(|(mime, _)| mime.contains("csv"))
                .ok_or("no CSV offered")?;
            let csv = String::from_utf8_lossy(&csv.1);
            for unit in [IMG, SCRIPT, LINK] {
                assert!(csv.contains(unit), "the CSV lacks «{unit}» as written");
            }
            let xlsx = offered
                .iter()
                .find(|(mime, _)| mime.contains("spreadsheetml"))
                .ok_or("no xlsx offered")?;
            let xml = zip_text(&xlsx.1)?;
            for unit in [IMG, SCRIPT, LINK] {
                assert!(xml.contains(&xml_escaped(unit)), "the xlsx lacks «{unit}» as text");
            }
            page.find("[data-testid=export-docx]").await?.click().await?;
            let offered = wait_for_blobs(&page, 3).await?;
            let docx = offered
                .iter()
                .find(|(mime, _)| mime.contains("wordprocessingml"))
                .ok_or("no .docx offered")?;
            let xml = zip_text(&docx.1)?;
            for unit in [IMG, SCRIPT, LINK] {
                assert!(xml.contains(&xml_escaped(unit)), "the .docx lacks «{unit}» as text");
            }
            page.find("[data-testid=snapshot-name]").await?.send_keys(IMG).await?;
            page.click_when_still("[data-testid=snapshot-save]").await?;
            page.find("[data-testid=snapshot]").await?;
            page.reload().await?;
            page.wait_for_stat("people", 3).await?;
            all_inert(&page, "a snapshot after a reload", &[IMG, SCRIPT, LINK]).await?;

            // The staff list, and its workbook (written by the worker, like the report's).
            page.find("[data-testid=tab-people]").await?.click().await?;
            page.find("[data-testid=people-table]").await?;
            all_inert(&page, "the staff list", &[IMG, SCRIPT, LINK]).await?;
            page.find("[data-testid=export-people]").await?.click().await?;
            let offered = wait_for_blobs(&page, 1).await?;
            let list = offered
                .iter()
                .find(|(mime, _)| mime.contains("spreadsheetml"))
                .ok_or("no staff list offered")?;
            let xml = zip_text(&list.1)?;
            for unit in [IMG, SCRIPT, LINK] {
                assert!(xml.contains(&xml_escaped(unit)), "the staff list lacks «{unit}» as text");
            }
            // The training plan of the standards page.
            page.find("[data-testid=tab-standards]").await?.click().await?;
            page.find("[data-testid=export-training]").await?.click().await?;
            let offered = wait_for_blobs(&page, 2).await?;
            let plan = offered.get(1).ok_or("no training plan offered")?;
            assert!(plan.0.contains("spreadsheetml"), "the training plan is a {}", plan.0);
            assert!(zip_text(&plan.1)?.contains("Kế hoạch đào tạo"), "the training plan's sheet");
            page.find("[data-testid=tab-report]").await?.click().await?;

            // A shared link named with markup, opened.
            let before = share_link(&page).await?;
            let title = page.find("[data-testid=share-title]").await?;
            title.send_keys(SCRIPT).await?;
            title.send_keys(thirtyfour::Key::Tab).await?;
            let deadline = Instant::now() + Duration::from_secs(30);
            let link = loop {
                let link = share_link(&page).await?;
                if link != before {
                    break link;
                }
                if Instant::now() > deadline {
                    return Err("the share link did not take the name".into());
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            };
            page.driver.goto("about:blank").await?;
            page.driver.goto(&link).await?;
            let shared = page.find("[data-testid=shared-title]").await?.text().await?;
            assert_eq!(shared, SCRIPT, "the link's name, as written");
            all_inert(&page, "the shared link's view", &[SCRIPT, IMG]).await?;

            let problems = page.console_problems().await?;
            assert!(problems.is_empty(), "console: {problems:?}");
            std::fs::remove_file(&file)?;
            Ok(())
        },
    )
    .await;
}
