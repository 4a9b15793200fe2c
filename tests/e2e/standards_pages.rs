//! The Tiêu chuẩn and Nghỉ hưu pages show the figures of `canbo standards|retirement
//! --format json`: the expected values are computed here by calling canbo-core directly.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use canbo_core::codes::{Category, PoliticalTheory, Professional};
use canbo_core::date::Date;
use canbo_core::import::{import, FileInput, Overrides};
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::roster::Roster;
use canbo_core::standards::rules::Requirement;
use canbo_core::standards::{choose, defaults, standards, RuleSet, StandardsOptions};
use serde_json::Value;

use crate::browser::{run, TestResult};
use crate::page::Page;
use crate::report_samples::set_input;

const AS_OF: &str = "2024-12-31";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/mau-son-don-gian.xlsx")
}

fn roster() -> Roster {
    let file = FileInput {
        name: "mau-son-don-gian.xlsx".into(),
        bytes: std::fs::read(sample()).expect("the sample"),
    };
    import(&[file], &Overrides::default()).roster
}

fn as_of() -> Date {
    Date::parse_iso(AS_OF).unwrap()
}

/// The number at a dotted path; an array's length for a path naming an array.
fn at(json: &Value, path: &str) -> Option<u64> {
    let mut v = json;
    for part in path.split('.') {
        v = match v {
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            Value::Object(map) => map.get(part)?,
            _ => return None,
        };
    }
    match v {
        Value::Array(items) => Some(items.len() as u64),
        v => v.as_u64(),
    }
}

/// Every `data-figure` on the page with its `data-value`.
async fn figures(page: &Page) -> TestResult<Vec<(String, String)>> {
    let found = page
        .driver
        .execute(
            "return Array.from(document.querySelectorAll('[data-figure]'))\
               .map(e => [e.getAttribute('data-figure'), e.getAttribute('data-value') || '']);",
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(found.json().clone())?)
}

/// Waits until the page's figures include `required` and all equal the JSON's.
async fn check(page: &Page, expected: &Value, required: &[String]) -> TestResult<usize> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let shown = figures(page).await?;
        let mut problems: Vec<String> = shown
            .iter()
            .filter_map(|(path, value)| {
                let want = at(expected, path);
                (want.map(|w| w.to_string()).as_deref() != Some(value.as_str()))
                    .then(|| format!("{path}: page {value}, JSON {want:?}"))
            })
            .collect();
        for path in required {
            if !shown.iter().any(|(p, _)| p == path) {
                problems.push(format!("{path} is not on the page"));
            }
        }
        if problems.is_empty() {
            return Ok(shown.len());
        }
        if Instant::now() > deadline {
            return Err(problems.join("\n").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn the_standards_page_shows_the_cli_figures() {
    let roster = roster();
    let sets = defaults();
    let rules = choose(&sets, None, as_of()).expect("a rule set");
    let result = standards(&roster, rules, &StandardsOptions::new(as_of()));
    let expected = serde_json::to_value(&result).unwrap();
    let mut required: Vec<String> = [
        "total.people",
        "total.not_covered",
        "total.meets_all",
        "total.overall.below",
        "total.overall.unknown",
        "total.criteria.professional.below",
        "total.criteria.political_theory.below",
        "people_below",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for code in expected["by_category"].as_object().unwrap().keys() {
        required.push(format!("by_category.{code}.people"));
    }
    for i in 0..result.by_unit.len() {
        required.push(format!("by_unit.{i}.meets_all"));
    }
    let rule_set = result.rule_set.name.clone();
    run(
        "the_standards_page_shows_the_cli_figures",
        |page| async move {
            page.open().await?;
            page.import_file(&sample()).await?;
            page.find("[data-stat='people']").await?;
            page.find("[data-testid=tab-standards]")
                .await?
                .click()
                .await?;
            set_input(&page, "[data-testid=as-of]", AS_OF).await?;
            let n = check(&page, &expected, &required).await?;
            assert!(n >= required.len());
            let in_use = page
                .find("[data-testid=rule-set-in-use]")
                .await?
                .text()
                .await?;
            assert!(in_use.contains(&rule_set), "{in_use} names {rule_set}");
            page.save_screenshot("standards").await?;
            Ok(())
        },
    )
    .await;
}

/// How many people the retirement list shows.
async fn retirees(page: &Page) -> TestResult<usize> {
    let text = page
        .find("[data-testid=retirees-count]")
        .await?
        .text()
        .await?;
    Ok(text.replace(['.', ','], "").trim().parse::<usize>()?)
}

#[tokio::test]
async fn the_retirement_page_shows_the_cli_figures() {
    let roster = roster();
    let options = RetirementOptions {
        as_of: as_of(),
        years: 10,
    };
    let result = forecast(&roster, &RetirementLaw::default(), &options);
    let expected = serde_json::to_value(&result).unwrap();
    assert_eq!(result.years.len(), 10);
    let mut required: Vec<String> = vec!["overdue".into()];
    for i in 0..10 {
        required.push(format!("years.{i}.count"));
    }
    for i in 0..result.by_unit.len() {
        required.push(format!("by_unit.{i}.total"));
    }
    for i in 0..result.by_title.len() {
        required.push(format!("by_title.{i}.overdue"));
    }
    let first_year = result.years[0].count;
    let everyone = result.people.len();
    run(
        "the_retirement_page_shows_the_cli_figures",
        |page| async move {
            page.open().await?;
            page.import_file(&sample()).await?;
            page.find("[data-stat='people']").await?;
            page.find("[data-testid=tab-retirement]")
                .await?
                .click()
                .await?;
            set_input(&page, "[data-testid=as-of]", AS_OF).await?;
            check(&page, &expected, &required).await?;
            assert_eq!(retirees(&page).await?, everyone);
            // Drill-down: the first year's count lists exactly its people.
            page.find("[data-figure='years.0.count']")
                .await?
                .click()
                .await?;
            let deadline = Instant::now() + Duration::from_secs(10);
            while retirees(&page).await? != first_year as usize && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            assert_eq!(retirees(&page).await?, first_year as usize);
            page.save_screenshot("retirement").await?;
            Ok(())
        },
    )
    .await;
}

/// The figures of the standards page that every check below requires.
fn standards_required(expected: &Value) -> Vec<String> {
    let mut required: Vec<String> = ["total.people", "total.meets_all", "people_below"]
        .into_iter()
        .map(String::from)
        .collect();
    for code in expected["by_category"].as_object().unwrap().keys() {
        required.push(format!("by_category.{code}.meets_all"));
    }
    required
}

/// The attribute of the first element matching `css`, waiting until it is `want`.
async fn wait_attr(page: &Page, css: &str, attr: &str, want: &str) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = page.find(css).await?.attr(attr).await?;
        if got.as_deref() == Some(want) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("{css} {attr}: {got:?}, expected {want}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The value of a form control (a select's chosen option).
async fn value_of(page: &Page, css: &str) -> TestResult<String> {
    Ok(page
        .find(css)
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

/// The ids offered by the rule-set select.
async fn offered(page: &Page) -> TestResult<Vec<String>> {
    let ids = page
        .driver
        .execute(
            "return Array.from(document.querySelectorAll('[data-testid=rule-set] option'))\
               .map(o => o.value).filter(v => v);",
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(ids.json().clone())?)
}

/// Keeps every Blob the page turns into a download link, to read what it offered.
async fn catch_downloads(page: &Page) -> TestResult {
    page.driver
        .execute(
            "window.caughtBlobs = [];\
             const create = URL.createObjectURL;\
             URL.createObjectURL = function (blob) { window.caughtBlobs.push(blob); return create.call(URL, blob); };",
            Vec::new(),
        )
        .await?;
    Ok(())
}

/// The type and text of the last download.
async fn last_download(page: &Page) -> TestResult<(String, String)> {
    let got = page
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const blob = window.caughtBlobs[window.caughtBlobs.length - 1];\
             if (!blob) { done(null); } else { blob.text().then(t => done([blob.type, t])); }",
            Vec::new(),
        )
        .await?;
    serde_json::from_value::<Option<(String, String)>>(got.json().clone())?
        .ok_or_else(|| "nothing was downloaded".into())
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("canbo-e2e-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

async fn open_standards(page: &Page) -> TestResult {
    page.find("[data-stat='people']").await?;
    page.find("[data-testid=tab-standards]")
        .await?
        .click()
        .await?;
    set_input(page, "[data-testid=as-of]", AS_OF).await
}

#[tokio::test]
async fn a_rule_set_is_edited_saved_exchanged_as_json_and_restored() {
    let roster = roster();
    let options = StandardsOptions::new(as_of());
    let sets = defaults();
    let base = choose(&sets, None, as_of()).expect("a rule set").clone();
    // Lower the professional requirement for công chức to trung cấp, everywhere.
    let i = base
        .rules
        .iter()
        .position(|r| r.who.category == Category::CongChuc && r.professional.is_some())
        .expect("a rule for công chức");
    let mut edited = base.clone();
    edited.id = format!("{}-sua", base.id);
    edited.rules[i].professional = Some(Requirement {
        min: Professional::TrungCap,
        unconfirmed: false,
        exception: None,
    });
    // A set of the user's own, as a file: the edited one, asking political theory too.
    let mut own = edited.clone();
    own.id = "thu-nghiem".into();
    own.name = "Bộ thử nghiệm".into();
    own.effective_from = Date::parse_iso("2024-06-01").unwrap();
    own.rules[i].political_theory = Some(Requirement {
        min: PoliticalTheory::SoCap,
        unconfirmed: false,
        exception: None,
    });
    let json = |set: &RuleSet| serde_json::to_value(standards(&roster, set, &options)).unwrap();
    let (before, after, imported) = (json(&base), json(&edited), json(&own));
    let meets = |v: &Value| v["total"]["meets_all"].as_u64().unwrap();
    assert_ne!(meets(&before), meets(&after), "the edit changes the count");
    assert_ne!(
        meets(&after),
        meets(&imported),
        "the import changes the count"
    );
    let required = standards_required(&before);
    let own_file = temp_file("thu-nghiem.json", &own.to_json());
    let broken_file = temp_file("hong.json", "{ \"id\": \"hong\", \"rules\": [ ");
    let min = format!("[data-testid=rules-{i}-professional-min]");
    let exception = format!("[data-testid=rules-{i}-professional-exception]");
    run(
        "a_rule_set_is_edited_saved_exchanged_as_json_and_restored",
        |page| async move {
            page.open().await?;
            page.import_file(&sample()).await?;
            open_standards(&page).await?;
            check(&page, &before, &required).await?;
            let built_in = offered(&page).await?;

            // Edit: the editor shows the set in use; lowering the level drops the exception
            // that no longer lowers anything.
            page.find("[data-testid=rules-edit]").await?.click().await?;
            page.find("[data-testid=rules-editor]").await?;
            assert_eq!(
                value_of(&page, "[data-testid=rules-name]").await?,
                base.name
            );
            assert_eq!(value_of(&page, &min).await?, "dai_hoc");
            assert_eq!(value_of(&page, &exception).await?, "difficult_area");
            // For people to look at: the whole editor, wide and narrow.
            for (width, height) in [(1366u32, 2400u32), (390, 4200)] {
                page.driver.set_window_rect(0, 0, width, height).await?;
                tokio::time::sleep(Duration::from_millis(300)).await;
                let shots = crate::browser::screenshot_dir("screenshots");
                page.find("[data-testid=rule-set-tools]")
                    .await?
                    .screenshot(&shots.join(format!("rules-editor-{width}.png")))
                    .await?;
            }
            page.driver.set_window_rect(0, 0, 1280, 900).await?;
            set_input(&page, &min, "trung_cap").await?;
            assert_eq!(value_of(&page, &exception).await?, "");
            page.find("[data-testid=rules-save]").await?.click().await?;
            page.wait_until_gone("[data-testid=rules-editor]").await?;
            check(&page, &after, &required).await?;
            wait_attr(
                &page,
                "[data-testid=rule-set-in-use]",
                "data-rule-set",
                &edited.id,
            )
            .await?;
            let in_use = page
                .find("[data-testid=rule-set-in-use]")
                .await?
                .text()
                .await?;
            assert!(in_use.contains("đã sửa"), "{in_use}");
            page.find("[data-testid=rules-status]").await?;

            // Kept: after a reload the edited set is still the one in use.
            page.reload().await?;
            open_standards(&page).await?;
            check(&page, &after, &required).await?;
            assert_eq!(value_of(&page, "[data-testid=rule-set]").await?, edited.id);

            // Export: the download is the edited set as JSON.
            catch_downloads(&page).await?;
            page.find("[data-testid=rules-export]")
                .await?
                .click()
                .await?;
            let (mime, text) = last_download(&page).await?;
            assert!(mime.starts_with("application/json"), "{mime}");
            assert_eq!(RuleSet::from_json(&text)?, vec![edited.clone()]);

            // Import a set of one's own: it is offered, chosen and counted.
            page.find("[data-testid=rules-import]")
                .await?
                .send_keys(own_file.to_string_lossy().as_ref())
                .await?;
            wait_attr(
                &page,
                "[data-testid=rule-set-in-use]",
                "data-rule-set",
                "thu-nghiem",
            )
            .await?;
            check(&page, &imported, &required).await?;
            let with_own = offered(&page).await?;
            assert!(with_own.contains(&"thu-nghiem".to_string()), "{with_own:?}");

            // A broken file says why and changes nothing.
            page.find("[data-testid=rules-import]")
                .await?
                .send_keys(broken_file.to_string_lossy().as_ref())
                .await?;
            let error = page.find("[data-testid=rules-error]").await?;
            assert_eq!(error.attr("role").await?.as_deref(), Some("alert"));
            let message = error.text().await?;
            assert!(message.contains("JSON"), "{message}");
            assert_eq!(offered(&page).await?, with_own);
            check(&page, &imported, &required).await?;

            // In English the tools say so.
            page.find("[data-testid=lang-en]").await?.click().await?;
            wait_for_text(&page, "[data-testid=rules-edit]", "Edit rule set").await?;
            page.find("[data-testid=lang-vi]").await?.click().await?;

            // Delete the own set: the edited one is in force again; restore the built-in.
            page.find("[data-testid=rules-delete]")
                .await?
                .click()
                .await?;
            check(&page, &after, &required).await?;
            assert!(!offered(&page).await?.contains(&"thu-nghiem".to_string()));
            page.find("[data-testid=rules-restore]")
                .await?
                .click()
                .await?;
            check(&page, &before, &required).await?;
            assert_eq!(offered(&page).await?, built_in);
            Ok(())
        },
    )
    .await;
}

async fn wait_for_text(page: &Page, css: &str, want: &str) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = page.find(css).await?.text().await?;
        if text.contains(want) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("{css} says {text:?}, not {want:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
