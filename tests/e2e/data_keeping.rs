//! The user's data as a whole: named snapshots compared with today's report, and deleting
//! everything.

use crate::browser::run;
use crate::shared_sample;

#[tokio::test]
async fn a_snapshot_is_saved_and_compared_figure_by_figure() {
    run(
        "a_snapshot_is_saved_and_compared_figure_by_figure",
        |page| async move {
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("people", 420).await?;
            page.keep_snapshot("6 tháng đầu năm 2019").await?;

            // The roster changes: the sheet is no roster any more.
            crate::import_review::open_review(&page).await?;
            page.find("[data-testid=sheet-is-roster]")
                .await?
                .click()
                .await?;
            page.wait_for_stat("people", 0).await?;
            page.reload().await?;
            page.find("[data-testid=snapshot-compare]")
                .await?
                .click()
                .await?;
            let row = page
                .find("[data-testid=snapshot-compare-table] tr[data-path='people']")
                .await?
                .text()
                .await?;
            assert!(
                row.contains("420") && row.contains("−420"),
                "people before 420, now 0: {row}"
            );
            page.save_screenshot("snapshot-compare").await?;

            page.find("[data-testid=snapshot-delete]")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=snapshot]").await?;
            page.wait_until_gone("[data-testid=snapshot-compare-table]")
                .await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn delete_all_empties_the_page_and_the_storage() {
    run(
        "delete_all_empties_the_page_and_the_storage",
        |page| async move {
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            // Below the report's sections, which come a task at a time after the figures.
            page.click_when_still("[data-testid=delete-all]").await?;
            // Cancelling keeps everything.
            page.find("[data-testid=delete-all-cancel]").await?.click().await?;
            assert_eq!(page.stat("people").await?.as_deref(), Some("420"));
            page.find("[data-testid=delete-all]").await?.click().await?;
            page.find("[data-testid=delete-all-confirm]").await?.click().await?;
            page.wait_until_gone("[data-stat='people']").await?;
            page.reload().await?;
            assert_eq!(page.stat("people").await?, None);
            // Only the language is written again at start-up.
            let stored = page
                .driver
                .execute(
                    "return Object.keys(localStorage).filter((k) => k.startsWith('canbo.') && k !== 'canbo.lang');",
                    Vec::new(),
                )
                .await?;
            assert_eq!(
                stored.json(),
                &serde_json::json!([]),
                "nothing of the user's left in storage"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_roster_saved_by_the_first_release_is_still_there() {
    run(
        "a_roster_saved_by_the_first_release_is_still_there",
        |page| async move {
            // Import once, then rewrite storage as the first release did: the bare roster.
            page.open().await?;
            page.load_sample().await?;
            page.wait_for_stat("people", 420).await?;
            page.find("[data-testid=delete-all]").await?;
            page.driver
                .execute(
                    "const roster = arguments[0]; localStorage.clear(); \
                     localStorage.setItem('canbo.roster.v1', roster);",
                    vec![serde_json::Value::String(legacy_roster())],
                )
                .await?;
            page.reload().await?;
            page.wait_for_stat("people", 3).await?;
            Ok(())
        },
    )
    .await;
}

/// A three-person roster in the first release's raw JSON, made by the core.
pub(crate) fn legacy_roster() -> String {
    let csv =
        "Họ và tên,Ngày sinh,Giới tính\nA,01/01/1980,Nam\nB,02/02/1990,Nữ\nC,03/03/1970,Nam\n";
    let file = canbo_core::FileInput {
        name: "v0.csv".into(),
        bytes: csv.as_bytes().to_vec(),
    };
    let roster = canbo_core::import(&[file], &canbo_core::Overrides::default()).roster;
    assert_eq!(roster.people.len(), 3);
    serde_json::to_string(&roster).unwrap()
}
