//! The Tiêu chuẩn and Nghỉ hưu pages show the figures of `canbo standards|retirement
//! --format json`: the expected values are computed here by calling canbo-core directly.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use canbo_core::date::Date;
use canbo_core::import::{import, FileInput, Overrides};
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::roster::Roster;
use canbo_core::standards::{choose, defaults, standards, StandardsOptions};
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
