//! For everyone: the keyboard alone opens, walks and closes the drill-down dialog and the
//! «Xóa toàn bộ dữ liệu» question, the skip link comes first, and at a phone's width no page
//! is wider than the screen and the page tabs are on the first screen. Screenshots of every
//! page at a laptop's and a phone's size go to target/screenshots/a11y-*.png.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::browser::{run, TestResult};
use crate::page::Page;

const PAGES: [&str; 4] = ["report", "people", "standards", "retirement"];
const DRILL: &str = "[data-testid=drill]";
const COUNT: &str = "button[data-stat='gender.nu']";

async fn open_with_sample(page: &Page) -> TestResult {
    page.open().await?;
    page.load_sample().await?;
    page.wait_for_stat("people", 420).await?;
    Ok(())
}

/// Gives `css` the keyboard focus, as Tab would.
async fn focus(page: &Page, css: &str) -> TestResult {
    let element = page.find(css).await?;
    page.driver
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
            vec![element.to_json()?],
        )
        .await?;
    Ok(())
}

async fn focused_stat(page: &Page) -> TestResult<Option<String>> {
    let stat = page
        .driver
        .execute(
            "return document.activeElement && document.activeElement.getAttribute('data-stat');",
            Vec::new(),
        )
        .await?;
    Ok(stat.json().as_str().map(str::to_string))
}

#[tokio::test]
async fn the_keyboard_alone_opens_walks_and_closes_the_dialogs() {
    run(
        "the_keyboard_alone_opens_walks_and_closes_the_dialogs",
        |page| async move {
            open_with_sample(&page).await?;

            // The skip link is the first stop of Tab and leads to the page shown.
            page.wait_until_roster_kept().await?;
            page.reload().await?;
            page.wait_for_stat("people", 420).await?;
            page.press(Key::Tab).await?;
            let first = page.describe_focus().await?;
            assert!(
                first.starts_with("a") && first.contains("Bỏ qua đến nội dung"),
                "the first Tab stop: {first}"
            );
            page.press(Key::Enter).await?;
            page.wait_for_focus_in("#trang").await?;

            // A count opened with Enter: the focus goes into the dialog…
            focus(&page, COUNT).await?;
            page.press(Key::Enter).await?;
            page.find(DRILL).await?;
            page.wait_for_focus_in(DRILL).await?;
            let dialog = page.find(DRILL).await?;
            assert_eq!(dialog.attr("role").await?.as_deref(), Some("dialog"));
            assert_eq!(dialog.attr("aria-modal").await?.as_deref(), Some("true"));
            let title = page.find("#drill-title").await?.text().await?;
            assert!(!title.is_empty(), "the dialog is named by its heading");

            // …and Tab and Shift+Tab never take it out.
            let mut seen = std::collections::BTreeSet::new();
            for i in 0..24 {
                page.press(Key::Tab).await?;
                let now = page.describe_focus().await?;
                assert!(
                    page.focus_is_in(DRILL).await?,
                    "Tab {} left the dialog for {now}",
                    i + 1
                );
                seen.insert(now);
            }
            assert!(
                seen.len() >= 3,
                "Tab visits the dialog's controls: {seen:?}"
            );
            for i in 0..10 {
                page.press_shifted(Key::Tab).await?;
                assert!(
                    page.focus_is_in(DRILL).await?,
                    "Shift+Tab {} left the dialog for {}",
                    i + 1,
                    page.describe_focus().await?
                );
            }

            // Escape closes it and gives the focus back to the count.
            page.press(Key::Escape).await?;
            page.wait_until_gone(DRILL).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert_eq!(
                focused_stat(&page).await?.as_deref(),
                Some("gender.nu"),
                "after Escape the focus is on {}",
                page.describe_focus().await?
            );

            // The close button too.
            page.press(Key::Enter).await?;
            page.wait_for_focus_in(DRILL).await?;
            assert!(page.focus_is_in("[data-testid=drill-close]").await?);
            page.press(Key::Enter).await?;
            page.wait_until_gone(DRILL).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert_eq!(focused_stat(&page).await?.as_deref(), Some("gender.nu"));

            // «Xóa toàn bộ dữ liệu» asks first: the focus goes to «Giữ lại», Escape keeps
            // everything and puts the focus back on the button.
            focus(&page, "[data-testid=delete-all]").await?;
            page.press(Key::Enter).await?;
            page.wait_for_focus_in("[data-testid=delete-all-cancel]")
                .await?;
            page.press(Key::Escape).await?;
            page.wait_for_focus_in("[data-testid=delete-all]").await?;
            assert_eq!(page.stat("people").await?.as_deref(), Some("420"));
            Ok(())
        },
    )
    .await;
}

/// Where the page tabs are, and how wide the page is, at the window's size.
async fn check_phone_page(page: &Page, tab: &str) -> TestResult {
    let width = page
        .number("return document.documentElement.scrollWidth;")
        .await?;
    let room = page
        .number("return document.documentElement.clientWidth;")
        .await?;
    if width > room {
        let widest = page
            .driver
            .execute(
                "const room = document.documentElement.clientWidth;
                 return [...document.querySelectorAll('body *')]
                     .filter(e => e.getBoundingClientRect().right > room + 0.5)
                     .slice(0, 8)
                     .map(e => e.tagName.toLowerCase() + '.' + e.className + ' → ' + Math.round(e.getBoundingClientRect().right))
                     .join('\\n');",
                Vec::new(),
            )
            .await?;
        return Err(format!(
            "{tab}: the page is {width}px wide on a {room}px screen; too wide:\n{}",
            widest.json().as_str().unwrap_or("")
        )
        .into());
    }
    let screen = page.number("return window.innerHeight;").await?;
    let tabs_bottom = page
        .number(
            "window.scrollTo(0, 0);
             return document.querySelector('[data-testid=tab-retirement]').getBoundingClientRect().bottom;",
        )
        .await?;
    assert!(
        tabs_bottom <= screen,
        "{tab}: the page tabs end at {tabs_bottom}px, below the first screen ({screen}px)"
    );
    // Still at hand far down the page.
    let top_after_scroll = page
        .number(
            "window.scrollTo(0, document.documentElement.scrollHeight);
             return document.querySelector('[data-testid=tab-report]').getBoundingClientRect().top;",
        )
        .await?;
    assert!(
        (-0.5..screen).contains(&top_after_scroll),
        "{tab}: scrolled down, the tabs are at {top_after_scroll}px"
    );
    page.driver
        .execute("window.scrollTo(0, 0);", Vec::new())
        .await?;
    Ok(())
}

#[tokio::test]
async fn every_page_fits_a_phone_and_keeps_its_tabs_at_hand() {
    run(
        "every_page_fits_a_phone_and_keeps_its_tabs_at_hand",
        |page| async move {
            page.driver.set_window_rect(0, 0, 390, 844).await?;
            open_with_sample(&page).await?;
            for (width, height) in [(390u32, 844u32), (1366, 768)] {
                page.driver.set_window_rect(0, 0, width, height).await?;
                for tab in PAGES {
                    page.find(&format!("[data-testid=tab-{tab}]"))
                        .await?
                        .click()
                        .await?;
                    tokio::time::sleep(Duration::from_millis(400)).await;
                    if width == 390 {
                        check_phone_page(&page, tab).await?;
                    }
                    page.driver
                        .execute("window.scrollTo(0, 0);", Vec::new())
                        .await?;
                    page.save_screenshot(&format!("a11y-{tab}-{width}")).await?;
                    // The whole length, for people to look at.
                    let full = page
                        .number("return document.documentElement.scrollHeight;")
                        .await?
                        .min(9000.0) as u32;
                    page.driver
                        .set_window_rect(0, 0, width, full.max(height))
                        .await?;
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    page.save_screenshot(&format!("a11y-{tab}-{width}-full"))
                        .await?;
                    page.driver.set_window_rect(0, 0, width, height).await?;
                }
            }
            // The drill-down dialog at both sizes.
            for (width, height) in [(390u32, 844u32), (1366, 768)] {
                page.driver.set_window_rect(0, 0, width, height).await?;
                page.find("[data-testid=tab-report]").await?.click().await?;
                focus(&page, COUNT).await?;
                page.press(Key::Enter).await?;
                page.wait_for_focus_in(DRILL).await?;
                tokio::time::sleep(Duration::from_millis(300)).await;
                page.save_screenshot(&format!("a11y-drill-{width}")).await?;
                page.press(Key::Escape).await?;
                page.wait_until_gone(DRILL).await?;
            }
            Ok(())
        },
    )
    .await;
}
