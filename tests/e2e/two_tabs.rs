//! Two tabs of the page in one browser (issue 13): what one saves — a snapshot, a taught
//! spelling, the language, a new import — shows in the other, and neither writes its older
//! copy over the other's newer data.

use thirtyfour::WindowHandle;

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::shared_sample;
use crate::storage_faults::small_roster;

async fn to(page: &Page, tab: &WindowHandle) -> TestResult {
    page.driver.switch_to_window(tab.clone()).await?;
    Ok(())
}

async fn save_snapshot(page: &Page, name: &str) -> TestResult {
    let field = page.find("[data-testid=snapshot-name]").await?;
    field.clear().await?;
    field.send_keys(name).await?;
    page.click_when_still("[data-testid=snapshot-save]").await?;
    page.find(&format!("[data-testid=snapshot][data-name='{name}']"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn what_one_tab_saves_shows_in_the_other_and_neither_overwrites_the_other() {
    run(
        "what_one_tab_saves_shows_in_the_other_and_neither_overwrites_the_other",
        |page| async move {
            let a = page.driver.window().await?;
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("evaluation.hoan_thanh", 52).await?;
            let b = page.driver.new_tab().await?;
            to(&page, &b).await?;
            page.open().await?;
            page.wait_for_stat("people", 420).await?;

            // A snapshot saved in B is listed in A.
            save_snapshot(&page, "Từ thẻ B").await?;
            to(&page, &a).await?;
            page.find("[data-testid=snapshot][data-name='Từ thẻ B']")
                .await?;

            // A spelling taught in A changes B's figures.
            page.find("[data-testid=unrecognised-count]")
                .await?
                .click()
                .await?;
            let value = "[data-testid=unrecognised][data-field=evaluation][data-text='đang xét']";
            page.find(&format!(
                "{value} select[data-testid=teach] option[value=hoan_thanh]"
            ))
            .await?
            .click()
            .await?;
            page.wait_for_stat("evaluation.hoan_thanh", 53).await?;
            to(&page, &b).await?;
            page.wait_for_stat("evaluation.hoan_thanh", 53).await?;

            // The language chosen in B is A's too.
            page.find("[data-testid=lang-en]").await?.click().await?;
            to(&page, &a).await?;
            page.find("html[lang=en]").await?;

            // A new roster imported in A replaces B's.
            let csv = small_roster("hai-the.csv")?;
            page.import_file(&csv).await?;
            page.wait_for_stat("people", 3).await?;
            to(&page, &b).await?;
            page.wait_for_stat("people", 3).await?;

            // B, now following, saves another snapshot: A's is not lost, nor B's.
            save_snapshot(&page, "Thứ hai").await?;
            to(&page, &a).await?;
            page.find("[data-testid=snapshot][data-name='Thứ hai']")
                .await?;
            save_snapshot(&page, "Thứ ba").await?;
            for tab in [&a, &b] {
                to(&page, tab).await?;
                page.reload().await?;
                page.wait_for_stat("people", 3).await?;
                for name in ["Từ thẻ B", "Thứ hai", "Thứ ba"] {
                    page.find(&format!("[data-testid=snapshot][data-name='{name}']"))
                        .await?;
                }
            }
            std::fs::remove_file(csv)?;
            Ok(())
        },
    )
    .await;
}
