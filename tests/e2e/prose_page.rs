//! The report as the office hands it in (issue 14): the text above the figures is the core's
//! prose and «Sao chép» copies exactly it; «Tải báo cáo (.docx)» gives the core's document;
//! printed to PDF through Chromium, the per-unit form has every column heading and every unit
//! on paper, on landscape pages, with the document's heading and page numbers.

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use canbo_core::date::Date;
use canbo_core::export::docx::{self, DocumentSettings};
use canbo_core::export::prose::{prose, Comparison, ProseOptions};
use canbo_core::export::table::{columns, rows};
use canbo_core::export::Lang;
use canbo_core::import::{import, FileInput, Overrides};
use canbo_core::report::{report, Report, ReportOptions};
use serde_json::json;

use crate::browser::{run, screenshot_dir, TestResult};
use crate::page::Page;
use crate::report_samples::set_input;

const AS_OF: &str = "2024-12-31";
const SAMPLE: &str = "mau-son-don-gian.xlsx";

fn sample() -> PathBuf {
    crate::shared_sample(SAMPLE)
}

/// The sample's report as the core computes it, on `as_of` with the page's default bands.
fn core_report(as_of: &str) -> Report {
    let bytes = std::fs::read(sample()).expect("the sample roster");
    let roster = import(
        &[FileInput {
            name: SAMPLE.into(),
            bytes,
        }],
        &Overrides::default(),
    )
    .roster;
    let options = ReportOptions {
        as_of: as_of.parse().expect("a date"),
        bands: "31,41,51,61".parse().expect("bands"),
        filter: Default::default(),
    };
    report(&roster, &options)
}

/// Lines of text, trimmed, without the empty ones: how the page's blocks and the core's text
/// are compared (the page shows headings and paragraphs as elements; the clipboard is
/// compared exactly).
fn lines(text: &str) -> Vec<String> {
    // WebDriver reads the no-break space before "%" as a plain one.
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

async fn open_with_sample(page: &Page) -> TestResult {
    page.open().await?;
    page.import_file(&sample()).await?;
    page.wait_for_stat("people", 420).await?;
    set_input(page, "[data-testid=as-of]", AS_OF).await?;
    Ok(())
}

/// Waits until the text shown in `[data-testid=prose]` is `expected`, line by line.
async fn wait_for_prose(page: &Page, expected: &str) -> TestResult {
    let want = lines(expected);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let shown = page.find("[data-testid=prose]").await?.text().await?;
        if lines(&shown) == want {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the page shows\n{shown}\n\nthe core wrote\n{expected}").into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn the_report_in_words_is_the_cores_and_copy_gives_it_as_plain_text() {
    run(
        "the_report_in_words_is_the_cores_and_copy_gives_it_as_plain_text",
        |page| async move {
            open_with_sample(&page).await?;
            let now = core_report(AS_OF);
            let vi = prose(&now, &ProseOptions::default()).text();
            assert!(vi.contains("420"), "{vi}");
            wait_for_prose(&page, &vi).await?;

            // «Sao chép»: the clipboard holds the core's plain text, exactly.
            page.driver
                .cdp()
                .send_raw(
                    "Browser.grantPermissions",
                    json!({
                        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
                        "origin": crate::server::dist_url().trim_end_matches('/'),
                    }),
                )
                .await?;
            page.find("[data-testid=prose-copy]").await?.click().await?;
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let status = page
                    .find("[data-testid=prose-copied]")
                    .await?
                    .text()
                    .await?;
                if status.contains("Đã sao chép") {
                    break;
                }
                if !status.is_empty() || Instant::now() > deadline {
                    return Err(format!("copying: «{status}»").into());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let copied = page
                .driver
                .execute_async(
                    "const done = arguments[arguments.length - 1];\
                     navigator.clipboard.readText().then(done, e => done('ERROR ' + e));",
                    Vec::new(),
                )
                .await?;
            assert_eq!(copied.json().as_str(), Some(vi.as_str()));

            // It follows the language.
            page.find("[data-testid=lang-en]").await?.click().await?;
            let en = prose(
                &now,
                &ProseOptions {
                    lang: Lang::En,
                    ..Default::default()
                },
            )
            .text();
            wait_for_prose(&page, &en).await?;
            page.find("[data-testid=lang-vi]").await?.click().await?;

            // And the snapshot chosen for comparison: figures of 2020 kept under a name.
            set_input(&page, "[data-testid=as-of]", "2020-01-01").await?;
            page.wait_for_stat("people", core_report("2020-01-01").people)
                .await?;
            set_input(&page, "[data-testid=snapshot-name]", "Đầu năm 2020").await?;
            page.click_when_still("[data-testid=snapshot-save]").await?;
            page.find("[data-testid=snapshot][data-name='Đầu năm 2020']")
                .await?;
            set_input(&page, "[data-testid=as-of]", AS_OF).await?;
            set_input(&page, "[data-testid=prose-compare]", "Đầu năm 2020").await?;
            let before = core_report("2020-01-01");
            let compared = prose(
                &now,
                &ProseOptions {
                    comparison: Some(Comparison {
                        name: "Đầu năm 2020",
                        report: &before,
                    }),
                    ..Default::default()
                },
            )
            .text();
            assert!(compared.contains("Đầu năm 2020"), "{compared}");
            wait_for_prose(&page, &compared).await?;
            page.save_screenshot("prose").await?;
            Ok(())
        },
    )
    .await;
}

/// The document's settings as the test types them.
fn settings() -> DocumentSettings {
    DocumentSettings {
        agency: "Phòng Nội vụ".into(),
        superior: "UBND huyện Mẫu Sơn".into(),
        place: "Mẫu Sơn".into(),
        signer: "Nguyễn Văn An".into(),
        signer_post: "Trưởng phòng".into(),
        number: None,
        recipients: Vec::new(),
    }
}

async fn fill_settings(page: &Page) -> TestResult {
    let s = settings();
    for (testid, value) in [
        ("doc-agency", &s.agency),
        ("doc-superior", &s.superior),
        ("doc-place", &s.place),
        ("doc-signer", &s.signer),
        ("doc-signer-post", &s.signer_post),
    ] {
        set_input(page, &format!("[data-testid={testid}]"), value).await?;
    }
    Ok(())
}

/// Today in the browser, the date the page signs the document with.
async fn browser_today(page: &Page) -> TestResult<Date> {
    let got = page
        .driver
        .execute(
            "const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()];",
            Vec::new(),
        )
        .await?;
    let ymd: (i32, u32, u32) = serde_json::from_value(got.json().clone())?;
    Date::new(ymd.0, ymd.1, ymd.2).ok_or_else(|| "no date".into())
}

fn zip_entry(bytes: &[u8], name: &str) -> TestResult<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut text = String::new();
    archive.by_name(name)?.read_to_string(&mut text)?;
    Ok(text)
}

#[tokio::test]
async fn the_docx_download_is_the_cores_document_with_the_settings_kept() {
    run(
        "the_docx_download_is_the_cores_document_with_the_settings_kept",
        |page| async move {
            open_with_sample(&page).await?;
            fill_settings(&page).await?;
            // Kept in local storage: a reload shows them again.
            page.reload().await?;
            page.wait_for_stat("people", 420).await?;
            set_input(&page, "[data-testid=as-of]", AS_OF).await?;
            let agency = page
                .find("[data-testid=doc-agency]")
                .await?
                .prop("value")
                .await?;
            assert_eq!(agency.as_deref(), Some("Phòng Nội vụ"));

            page.driver
                .execute(
                    "window.caughtBlobs = [];\
                     const create = URL.createObjectURL;\
                     URL.createObjectURL = function (blob) { window.caughtBlobs.push(blob); return create.call(URL, blob); };",
                    Vec::new(),
                )
                .await?;
            page.find("[data-testid=export-docx]").await?.click().await?;
            let deadline = Instant::now() + Duration::from_secs(30);
            let got = loop {
                let got = page
                    .driver
                    .execute_async(
                        "const done = arguments[arguments.length - 1];\
                         const blob = window.caughtBlobs[window.caughtBlobs.length - 1];\
                         if (!blob) { done(null); } else {\
                           blob.arrayBuffer().then(b => done([blob.type, Array.from(new Uint8Array(b))])); }",
                        Vec::new(),
                    )
                    .await?;
                if !got.json().is_null() {
                    break got;
                }
                if let Ok(error) = page.driver.find(thirtyfour::By::Css("[data-testid=export-docx-error]")).await {
                    return Err(format!("the page says: {}", error.text().await?).into());
                }
                if Instant::now() > deadline {
                    return Err("no .docx was offered".into());
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            };
            let (mime, bytes): (String, Vec<u8>) = serde_json::from_value(got.json().clone())?;
            assert_eq!(
                mime,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            );
            let dir = screenshot_dir("print");
            std::fs::write(dir.join("bao-cao.docx"), &bytes)?;

            let xml = zip_entry(&bytes, "word/document.xml")?;
            for key in ["PHÒNG NỘI VỤ", "UBND HUYỆN MẪU SƠN", "Nguyễn Văn An", "420"] {
                assert!(xml.contains(key), "word/document.xml lacks {key}");
            }
            // The very document the core (and `canbo report --format docx`) writes.
            let now = core_report(AS_OF);
            let text = prose(&now, &ProseOptions::default());
            let expected =
                docx::document(&now, &text, &settings(), browser_today(&page).await?)?;
            assert_eq!(xml, zip_entry(&expected, "word/document.xml")?);
            Ok(())
        },
    )
    .await;
}

/// `pdfinfo`'s page sizes: (page, landscape).
fn page_orientations(pdf: &std::path::Path) -> TestResult<Vec<(u32, bool)>> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .map_err(|e| format!("pdfinfo (poppler-utils: `cargo xtask test` installs it): {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    // "Page    3 size: 841.89 x 595.276 pts (A4)"
    Ok(text
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("Page")?;
            let (n, size) = rest.split_once("size:")?;
            let n: u32 = n.trim().parse().ok()?;
            let mut dims = size.split_whitespace();
            let w: f64 = dims.next()?.parse().ok()?;
            dims.next();
            let h: f64 = dims.next()?.parse().ok()?;
            Some((n, w > h))
        })
        .collect())
}

/// The text of pages `first..=last`, in the order it was drawn, its whitespace folded.
fn pdf_text(pdf: &std::path::Path, first: u32, last: u32) -> TestResult<String> {
    let out = Command::new("pdftotext")
        .args(["-raw", "-f", &first.to_string(), "-l", &last.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext (poppler-utils): {e}"))?;
    Ok(fold(&String::from_utf8_lossy(&out.stdout)))
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_printed_report_has_every_column_and_unit_of_the_form_on_paper() {
    run(
        "the_printed_report_has_every_column_and_unit_of_the_form_on_paper",
        |page| async move {
            open_with_sample(&page).await?;
            fill_settings(&page).await?;
            page.find("[data-testid=print-form]").await?;
            let printed = page
                .driver
                .cdp()
                .send_raw(
                    "Page.printToPDF",
                    json!({"preferCSSPageSize": true, "printBackground": true}),
                )
                .await?;
            let data = printed["data"].as_str().ok_or("no PDF data")?;
            let bytes = decode_base64(data)?;
            let dir = screenshot_dir("print");
            let pdf = dir.join("bao-cao.pdf");
            std::fs::write(&pdf, bytes)?;
            // Pictures of the pages, to look at: target/print/trang-N.png.
            let _ = Command::new("pdftoppm")
                .args(["-png", "-r", "60"])
                .arg(&pdf)
                .arg(dir.join("trang"))
                .status();

            let pages = page_orientations(&pdf)?;
            assert!(!pages.is_empty(), "pdfinfo read no page");
            assert!(!pages[0].1, "the report starts on a portrait page");
            let landscape: Vec<u32> = pages.iter().filter(|p| p.1).map(|p| p.0).collect();
            let (Some(&first), Some(&last)) = (landscape.first(), landscape.last()) else {
                return Err(format!("no landscape page for the form: {pages:?}").into());
            };
            let form = pdf_text(&pdf, first, last)?;
            let all = pdf_text(&pdf, 1, pages.len() as u32)?;

            let now = core_report(AS_OF);
            let mut missing = Vec::new();
            for col in columns(&now, Lang::Vi) {
                for heading in [fold(&col.group), fold(&col.label)] {
                    if !form.contains(&heading) {
                        missing.push(format!("column «{heading}» ({})", col.stat));
                    }
                }
            }
            for (unit, figures) in rows(&now, Lang::Vi) {
                let unit = fold(&unit);
                if !form.contains(&unit) {
                    missing.push(format!("unit «{unit}» ({} people)", figures.people));
                }
            }
            assert!(
                missing.is_empty(),
                "not on the form's pages: {missing:?}\n\n{form}"
            );
            // The document's heading and date line, and numbered pages.
            for key in [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "UBND HUYỆN MẪU SƠN",
                "PHÒNG NỘI VỤ",
                &docx::date_line("Mẫu Sơn", browser_today(&page).await?),
                &format!("Trang 1/{}", pages.len()),
                &format!("Trang {}/{}", pages.len(), pages.len()),
            ] {
                assert!(all.contains(&fold(key)), "the printed report lacks «{key}»");
            }
            Ok(())
        },
    )
    .await;
}

fn decode_base64(text: &str) -> TestResult<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let v = ALPHABET.iter().position(|&a| a == c).ok_or("not base64")? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}
