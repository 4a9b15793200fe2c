//! Teaching a spelling once in the import review: the figures follow at once and stay after
//! a reload, and the spelling goes to a file and back.

use crate::browser::run;
use crate::shared_sample;

#[tokio::test]
async fn a_value_taught_in_the_review_changes_the_figures_and_survives_a_reload() {
    run(
        "a_value_taught_in_the_review_changes_the_figures_and_survives_a_reload",
        |page| async move {
            page.open().await?;
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("evaluation.hoan_thanh", 52).await?;
            page.wait_for_stat("evaluation.unknown", 2).await?;
            // Seven values no rule reads: the count beside the headline says so.
            // The import area is folded; the count opens the list, as a user would.
            page.find("[data-testid=unrecognised-count][data-value='7']")
                .await?
                .click()
                .await?;
            let value = "[data-testid=unrecognised][data-field=evaluation][data-text='đang xét']";
            page.find(value).await?;
            page.find(&format!(
                "{value} select[data-testid=teach] option[value=hoan_thanh]"
            ))
            .await?
            .click()
            .await?;
            page.wait_for_stat("evaluation.hoan_thanh", 53).await?;
            page.wait_for_stat("evaluation.unknown", 1).await?;
            page.wait_until_gone(value).await?;
            page.find("[data-testid=unrecognised-count][data-value='6']")
                .await?;
            page.find("[data-testid=taught][data-field=evaluation][data-text='đang xét']")
                .await?;
            page.save_screenshot("teach-spellings").await?;

            page.reload().await?;
            page.wait_for_stat("evaluation.hoan_thanh", 53).await?;
            page.wait_for_stat("evaluation.unknown", 1).await?;
            assert!(!page.has(value).await?, "taught value listed again");

            // The same file imported again is read with the spelling.
            page.import_file(&shared_sample("mau-son-don-gian.xlsx"))
                .await?;
            page.wait_for_stat("evaluation.hoan_thanh", 53).await?;
            Ok(())
        },
    )
    .await;
}
