//! The import review: a correction re-reads the file at once, is kept over a reload, and
//! applies again when the same file is imported; a bad file changes nothing.

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::shared_sample;

/// Column L of mau-son-don-gian.xlsx is "Trình độ chuyên môn"; two of the seven warnings
/// are about it.
const PROFESSIONAL: &str = "select[data-col='11']";

async fn warnings(page: &Page, count: u32) -> TestResult {
    page.find(&format!(
        "[data-testid=review-warnings][data-count='{count}']"
    ))
    .await?;
    Ok(())
}

/// Opens the review (it starts folded, under its one-line overview).
pub async fn open_review(page: &Page) -> TestResult {
    page.open_import_panel().await?;
    page.find("[data-testid=import-review]:not([open]) > summary")
        .await?
        .click()
        .await?;
    page.find("[data-testid=import-review][open]").await?;
    Ok(())
}

async fn choose(page: &Page, select: &str, code: &str) -> TestResult {
    page.find(&format!("{select} option[value='{code}']"))
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_column_read_as_ignored_reimports_and_is_kept_over_a_reload() {
    run(
        "a_column_read_as_ignored_reimports_and_is_kept_over_a_reload",
        |page| async move {
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("people", 420).await?;
            open_review(&page).await?;
            warnings(&page, 7).await?;
            let label = page.find(PROFESSIONAL).await?.attr("aria-label").await?;
            assert!(
                label.is_some_and(|l| l.contains("Trình độ chuyên môn")),
                "the select is labelled with its column"
            );

            choose(&page, PROFESSIONAL, "ignored").await?;
            warnings(&page, 5).await?;
            page.find(&format!("{PROFESSIONAL}[data-field='ignored']"))
                .await?;
            page.wait_for_stat("people", 420).await?;

            page.reload().await?;
            page.wait_for_stat("people", 420).await?;
            page.find("[data-testid=review-saved-overrides]").await?;
            // The same file again: the saved correction applies.
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            open_review(&page).await?;
            warnings(&page, 5).await?;
            page.find(&format!("{PROFESSIONAL}[data-field='ignored']"))
                .await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_sheet_marked_as_no_roster_leaves_the_report_and_comes_back() {
    run(
        "a_sheet_marked_as_no_roster_leaves_the_report_and_comes_back",
        |page| async move {
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("people", 420).await?;
            open_review(&page).await?;
            let toggle = page.find("[data-testid=sheet-is-roster]").await?;
            // From the keyboard: focus and space.
            toggle.send_keys(" ").await?;
            page.wait_for_stat("people", 0).await?;
            // The focus stays on the toggle: space again undoes.
            page.find("[data-testid=sheet-is-roster]:not(:checked):focus")
                .await?
                .send_keys(" ")
                .await?;
            page.wait_for_stat("people", 420).await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_bad_file_keeps_the_roster_and_the_review() {
    run(
        "a_bad_file_keeps_the_roster_and_the_review",
        |page| async move {
            let bad =
                std::env::temp_dir().join(format!("canbo-e2e-{}-ghi-chu.docx", std::process::id()));
            std::fs::write(&bad, b"PK\x03\x04 not really a workbook")?;
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("people", 420).await?;
            page.import_file(&bad).await?;
            let error = page
                .find("[data-testid=import-error]")
                .await?
                .text()
                .await?;
            std::fs::remove_file(&bad)?;
            assert!(error.contains("ghi-chu.docx"), "{error}");
            assert_eq!(page.stat("people").await?.as_deref(), Some("420"));
            warnings(&page, 7).await?;
            assert!(page.has("[data-file='mau-son-don-gian.xlsx']").await?);
            Ok(())
        },
    )
    .await;
}

/// A district's roster with 1,200 communes of one person each, every commune opened by its
/// name's row and closed by its total: 2,400 rows that are no person, more than the worker
/// sends in one part of the review (`worker::SKIPPED_ROWS_AT_ONCE`).
fn many_communes() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    let mut row = 0;
    let mut put = |r: &mut u32, cells: &[&str]| {
        for (c, text) in cells.iter().enumerate() {
            s.write(*r, c as u16, *text).unwrap();
        }
        *r += 1;
    };
    put(&mut row, &["STT", "Họ và tên", "Ngày sinh", "Chức vụ"]);
    for k in 1..=1_200 {
        put(&mut row, &["", &format!("XÃ SỐ {k}")]);
        put(
            &mut row,
            &[
                "1",
                &format!("Nguyễn Văn {k}"),
                "01/02/1980",
                "Chủ tịch UBND",
            ],
        );
        put(&mut row, &["", "Cộng"]);
    }
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn every_skipped_row_reaches_the_review_in_parts() {
    run(
        "every_skipped_row_reaches_the_review_in_parts",
        |page| async move {
            let bytes = many_communes();
            let import = canbo_core::import::import(
                &[canbo_core::import::FileInput {
                    name: "huyen.xlsx".into(),
                    bytes: bytes.clone(),
                }],
                &Default::default(),
            );
            let skipped = import.files[0].sheets[0].skipped_rows.len();
            assert!(skipped > 2_000, "{skipped}");
            let file = std::env::temp_dir()
                .join(format!("canbo-e2e-{}", std::process::id()))
                .join("huyen.xlsx");
            std::fs::create_dir_all(file.parent().unwrap())?;
            std::fs::write(&file, bytes)?;
            page.open().await?;
            page.import_file(&file).await?;
            page.wait_for_stat("people", 1_200).await?;
            open_review(&page).await?;
            page.find(&format!(
                "[data-testid=review-skipped-rows][data-count='{skipped}']"
            ))
            .await?;
            std::fs::remove_file(&file)?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn the_import_review_on_a_laptop_and_a_phone() {
    run(
        "the_import_review_on_a_laptop_and_a_phone",
        |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            open_review(&page).await?;
            for (name, width, height) in [("laptop", 1366, 768), ("phone", 390, 844)] {
                page.driver.set_window_rect(0, 0, width, height).await?;
                let review = page.find("[data-testid=import-review]").await?;
                review.scroll_into_view().await?;
                page.save_screenshot(&format!("import-review-{name}"))
                    .await?;
                page.find("[data-testid=review-sheet] table")
                    .await?
                    .scroll_into_view()
                    .await?;
                page.save_screenshot(&format!("import-review-columns-{name}"))
                    .await?;
            }
            Ok(())
        },
    )
    .await;
}
