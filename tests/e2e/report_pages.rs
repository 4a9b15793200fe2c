//! The report page beyond the figures: filters recompute everything, a click on a count lists
//! its people, the per-unit form, the roster page, English, and screenshots of every screen
//! at a laptop's and a phone's size.

use std::path::Path;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::browser::{run, screenshot_dir, TestResult};
use crate::page::{poll_until, Page};
use crate::report_samples::set_input;

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/mau-son-don-gian.xlsx")
}

async fn attr(page: &Page, css: &str, name: &str) -> TestResult<Option<String>> {
    Ok(page.find(css).await?.attr(name).await?)
}

/// Waits until the element at `css` has `data-value` = `value`.
async fn wait_value(page: &Page, css: &str, value: &str) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let now = attr(page, css, "data-value").await?;
        if now.as_deref() == Some(value) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("{css}: expected {value}, found {now:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn open_with_sample(page: &Page) -> TestResult {
    page.open().await?;
    page.import_file(&sample()).await?;
    page.wait_for_stat("people", 420).await?;
    set_input(page, "[data-testid=as-of]", "2024-12-31").await?;
    Ok(())
}

#[tokio::test]
async fn filters_drill_down_units_and_the_roster_page() {
    run(
        "filters_drill_down_units_and_the_roster_page",
        |page| async move {
            open_with_sample(&page).await?;
            // Filter on women: the whole report is theirs.
            set_input(&page, "[data-filter=gender]", "nu").await?;
            page.wait_for_stat("people", 145).await?;
            page.wait_for_stat("gender.nu", 145).await?;
            page.find("[data-testid=clear-filters]")
                .await?
                .click()
                .await?;
            page.wait_for_stat("people", 420).await?;

            // The unit list offers every unit of the per-unit form, named as the form names
            // it (the options go in through the DOM, a slice at a time); choosing one gives
            // that unit's figures, and the list shows the choice.
            let first_unit = page
                .find("[data-testid=unit-table] tbody tr:first-child th")
                .await?
                .text()
                .await?;
            let its_people = page
                .find("[data-testid=unit-table] tbody tr:first-child td[data-col=people]")
                .await?
                .text()
                .await?;
            let options = page
                .driver
                .find_all(By::Css("[data-filter=unit] option"))
                .await?;
            assert_eq!(options.len(), 19, "«Tất cả» and 18 units");
            assert_eq!(options[1].text().await?.trim(), first_unit.trim());
            let value = options[1].value().await?.unwrap_or_default();
            set_input(&page, "[data-filter=unit]", &value).await?;
            page.wait_for_stat("people", its_people.trim().parse()?)
                .await?;
            let shown = page
                .driver
                .execute(
                    "const s = document.querySelector('[data-filter=unit]'); \
                     return s.options[s.selectedIndex].text;",
                    vec![],
                )
                .await?;
            assert_eq!(
                shown.json().as_str().map(str::trim),
                Some(first_unit.trim())
            );
            page.find("[data-testid=clear-filters]")
                .await?
                .click()
                .await?;
            page.wait_for_stat("people", 420).await?;

            // A count lists its people, with where each was read.
            page.find("button[data-stat='category.cong_chuc']")
                .await?
                .click()
                .await?;
            page.find("[data-testid=drill]").await?;
            wait_value(
                &page,
                "[data-testid=drill] [data-testid=people-count]",
                "170",
            )
            .await?;
            let first = page
                .find("[data-testid=drill] .people-table tbody td.origin")
                .await?
                .text()
                .await?;
            assert!(first.contains("mau-son-don-gian.xlsx ›"), "origin: {first}");
            page.find("[data-testid=drill-close]")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=drill]").await?;

            // The per-unit form: one row per unit, the total last; sorting keeps the total last.
            let rows = page
                .driver
                .find_all(By::Css("[data-testid=unit-table] tbody tr"))
                .await?;
            assert_eq!(rows.len(), 18);
            let total = page
                .find("[data-testid=unit-table] tfoot td[data-col=people]")
                .await?
                .text()
                .await?;
            assert_eq!(total.trim(), "420");

            // A unit's count lists that unit's people (one listener for the whole form): the
            // last unit's women, titled with the unit and the column.
            let last = "[data-testid=unit-table] tbody tr:last-child";
            let unit = page.find(&format!("{last} th")).await?.text().await?;
            let women = page
                .find(&format!("{last} td[data-col='gender.nu'] button"))
                .await?;
            let count = women.attr("data-value").await?.unwrap_or_default();
            assert_ne!(count, "0");
            let label = women.attr("aria-label").await?.unwrap_or_default();
            assert!(label.starts_with(&format!("{} — ", unit.trim())), "{label}");
            women.click().await?;
            wait_value(
                &page,
                "[data-testid=drill] [data-testid=people-count]",
                &count,
            )
            .await?;
            let title = page.find("#drill-title").await?.text().await?;
            assert!(title.starts_with(&format!("{} — ", unit.trim())), "{title}");
            page.find("[data-testid=drill-close]")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=drill]").await?;

            page.find("[data-testid=unit-table] thead tr:nth-child(2) th:first-child button")
                .await?
                .click()
                .await?;
            let sorted = page
                .find("[data-testid=unit-table] thead tr:nth-child(2) th:first-child")
                .await?
                .attr("aria-sort")
                .await?;
            assert_eq!(sorted.as_deref(), Some("descending"));
            page.find("[data-testid=crosstab]").await?;
            // The cross-tab's default is unit by category; the units picked as columns too
            // would be a diagonal (at a province, 10,000 × 10,000 counts): the sides swap.
            set_input(&page, "#ct-cols", "unit").await?;
            poll_until(
                "the rows to take the columns' old dimension",
                || picked(&page, "#ct-rows"),
                |rows| rows.as_deref() == Some("category"),
            )
            .await?;
            assert_eq!(picked(&page, "#ct-cols").await?.as_deref(), Some("unit"));

            // The roster page: everyone, virtualised, searchable.
            page.find("[data-testid=tab-people]").await?.click().await?;
            wait_value(&page, "[data-testid=people-count]", "420").await?;
            let rendered = page
                .driver
                .find_all(By::Css("[data-testid=people-table] tbody tr:not(.spacer)"))
                .await?;
            assert!(
                rendered.len() < 100,
                "only the visible rows are in the page: {}",
                rendered.len()
            );
            let name = page
                .find("[data-testid=people-table] tbody tr:not(.spacer) td")
                .await?
                .text()
                .await?;
            page.find("[data-testid=people-search]")
                .await?
                .send_keys(&name)
                .await?;
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let n: u32 = attr(&page, "[data-testid=people-count]", "data-value")
                    .await?
                    .unwrap_or_default()
                    .parse()?;
                if (1..420).contains(&n) {
                    break;
                }
                assert!(Instant::now() < deadline, "the search for {name} kept {n}");
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn english_writes_numbers_the_english_way() {
    run(
        "english_writes_numbers_the_english_way",
        |page| async move {
            open_with_sample(&page).await?;
            let vi = page
                .find("[data-stat='category.can_bo']")
                .await?
                .find(By::XPath("./following-sibling::span"))
                .await?
                .text()
                .await?;
            assert!(
                vi.contains(',') && vi.ends_with(" %"),
                "Vietnamese percent: {vi}"
            );
            page.find("[data-testid=lang-en]").await?.click().await?;
            let heading = page.find(".headlines h2").await?.text().await?;
            assert!(heading.starts_with("Workforce as of"), "{heading}");
            let en = page
                .find("[data-stat='category.can_bo']")
                .await?
                .find(By::XPath("./following-sibling::span"))
                .await?
                .text()
                .await?;
            assert!(
                en.contains('.') && en.ends_with('%') && !en.ends_with(" %"),
                "English percent: {en}"
            );
            assert_eq!(
                page.find("html").await?.attr("lang").await?.as_deref(),
                Some("en")
            );
            // The import controls and the import review switch too.
            let open = page.find("[data-testid=import-open]").await?.text().await?;
            assert_eq!(open, "How the files were read");
            page.open_import_panel().await?;
            let review = page
                .find("[data-testid=import-review] summary")
                .await?
                .text()
                .await?;
            assert!(
                review.contains("How the files were read") && review.contains("sheets read"),
                "{review}"
            );
            // The choice is kept.
            page.reload().await?;
            let heading = page.find(".headlines h2").await?.text().await?;
            assert!(
                heading.starts_with("Workforce as of"),
                "after a reload: {heading}"
            );
            Ok(())
        },
    )
    .await;
}

/// Screens for people to look at: every page at 1366x768 and 390x844, whole length.
#[tokio::test]
async fn screenshots_of_every_screen() {
    run("screenshots_of_every_screen", |page| async move {
        open_with_sample(&page).await?;
        let dir = screenshot_dir("screenshots");
        for (width, height) in [(1366u32, 768u32), (390, 844)] {
            for tab in ["report", "people", "standards", "retirement"] {
                page.driver.set_window_rect(0, 0, width, height).await?;
                page.find(&format!("[data-testid=tab-{tab}]"))
                    .await?
                    .click()
                    .await?;
                tokio::time::sleep(Duration::from_millis(400)).await;
                page.driver
                    .screenshot(&dir.join(format!("screen-{tab}-{width}.png")))
                    .await?;
                let full = page
                    .driver
                    .execute("return document.documentElement.scrollHeight;", Vec::new())
                    .await?;
                let full = full.json().as_u64().unwrap_or(height as u64).min(7000) as u32;
                page.driver
                    .set_window_rect(0, 0, width, full.max(height))
                    .await?;
                tokio::time::sleep(Duration::from_millis(300)).await;
                page.driver
                    .screenshot(&dir.join(format!("screen-{tab}-{width}-full.png")))
                    .await?;
            }
        }
        page.driver.set_window_rect(0, 0, 1366, 768).await?;
        page.find("[data-testid=tab-report]").await?.click().await?;
        page.find("button[data-stat='gender.nu']")
            .await?
            .click()
            .await?;
        page.find("[data-testid=drill]").await?;
        page.driver
            .screenshot(&dir.join("screen-drill-1366.png"))
            .await?;
        Ok(())
    })
    .await;
}

/// The value a `<select>` shows.
async fn picked(page: &Page, css: &str) -> TestResult<Option<String>> {
    Ok(page.find(css).await?.prop("value").await?)
}

/// How many options the list `css` holds.
async fn options_in(page: &Page, css: &str) -> TestResult<usize> {
    Ok(page
        .driver
        .find_all(By::Css(format!("{css} option")))
        .await?
        .len())
}

/// Waits until the list `css` holds `n` options.
async fn wait_for_options(page: &Page, css: &str, n: usize) -> TestResult {
    let what = format!("{n} options in {css}");
    poll_until(&what, || options_in(page, css), |&now| now == n).await?;
    Ok(())
}

#[tokio::test]
async fn a_long_unit_list_is_narrowed_by_typing_and_keeps_the_unit_chosen() {
    run(
        "a_long_unit_list_is_narrowed_by_typing_and_keeps_the_unit_chosen",
        |page| async move {
            // Forty communes, one person each: too many to pick from a plain list.
            let mut csv = String::from(
                "STT,Họ và tên,Ngày sinh,Giới tính,Xã/phường/thị trấn,Chức vụ,Phân loại\n",
            );
            for i in 1..=40 {
                let unit = if i == 40 {
                    "Xã Yên Thế".to_string()
                } else {
                    format!("Xã Thử {i}")
                };
                csv.push_str(&format!(
                    "{i},Người {i},01/01/1980,Nam,{unit},Công chức Tư pháp - Hộ tịch,Công chức\n"
                ));
            }
            let path = std::env::temp_dir()
                .join(format!("canbo-e2e-bon-muoi-xa-{}.csv", std::process::id()));
            std::fs::write(&path, csv)?;
            page.open().await?;
            page.import_file(&path).await?;
            page.wait_for_stat("people", 40).await?;
            let list = "#filter-unit";
            // «Tất cả» and the forty.
            wait_for_options(&page, list, 41).await?;

            // Typed without diacritics or case, the list holds what matches.
            page.find("[data-filter-search=unit]")
                .await?
                .send_keys("YEN the")
                .await?;
            wait_for_options(&page, list, 2).await?;
            let value = page
                .find(&format!("{list} option:nth-child(2)"))
                .await?
                .value()
                .await?
                .unwrap_or_default();
            set_input(&page, list, &value).await?;
            page.wait_for_stat("people", 1).await?;

            // Another search: the unit chosen stays, first, and stays chosen.
            page.find("[data-filter-search=unit]")
                .await?
                .clear()
                .await?;
            page.find("[data-filter-search=unit]")
                .await?
                .send_keys("thu 1")
                .await?;
            // «Tất cả», Xã Yên Thế, Xã Thử 1 and 10–19.
            wait_for_options(&page, list, 13).await?;
            assert_eq!(picked(&page, list).await?.as_deref(), Some(value.as_str()));
            page.wait_for_stat("people", 1).await?;

            // Nothing typed: every unit again.
            page.find("[data-filter-search=unit]")
                .await?
                .clear()
                .await?;
            set_input(&page, "[data-filter-search=unit]", "").await?;
            wait_for_options(&page, list, 41).await?;
            assert_eq!(picked(&page, list).await?.as_deref(), Some(value.as_str()));
            let _ = std::fs::remove_file(&path);
            Ok(())
        },
    )
    .await;
}
