//! The report contract of REPORT.md, checked against every sample's expected JSON: the page,
//! set to the sample's date and bands, shows each figure under its `data-stat` path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::browser::{run, TestResult};
use crate::page::Page;

/// Every sample that has an expected report, sorted.
fn samples_with_expectations() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            let sample = name.strip_suffix(".expected.json")?;
            Some((dir.join(sample), path))
        })
        .filter(|(sample, _)| sample.exists())
        .collect();
    out.sort();
    out
}

/// The numeric leaves of the expected report (`_…`, `units`, `unit_count` left out), and the
/// top-level keys that are `null` (breakdowns no sheet had a column for).
fn expected_figures(json: &Value) -> (BTreeMap<String, u64>, Vec<String>, Vec<String>) {
    fn walk(value: &Value, path: String, out: &mut BTreeMap<String, u64>) {
        match value {
            Value::Number(n) => {
                if let Some(n) = n.as_u64() {
                    out.insert(path, n);
                }
            }
            Value::Object(map) => {
                for (key, value) in map {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(value, path, out);
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    walk(value, format!("{path}.{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut figures = BTreeMap::new();
    let mut nulls = Vec::new();
    let keys: Vec<String> = json
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    for (key, value) in json.as_object().expect("the expected report is an object") {
        if key.starts_with('_') || key == "units" || key == "unit_count" {
            continue;
        }
        if value.is_null() {
            nulls.push(key.clone());
        }
        walk(value, key.clone(), &mut figures);
    }
    (figures, nulls, keys)
}

/// Every `data-stat` on the page with its `data-value` (all of them, duplicates included).
pub async fn page_stats(page: &Page) -> TestResult<Vec<(String, String)>> {
    let found = page
        .driver
        .execute(
            "return Array.from(document.querySelectorAll('[data-stat]'))\
               .map(e => [e.getAttribute('data-stat'), e.getAttribute('data-value') || '']);",
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(found.json().clone())?)
}

/// Sets an input's value as a user's edit would, firing `input` then `change`.
pub async fn set_input(page: &Page, css: &str, value: &str) -> TestResult {
    let element = page.find(css).await?;
    page.driver
        .execute(
            "const e = arguments[0]; e.value = arguments[1];\
             e.dispatchEvent(new Event('input', {bubbles: true}));\
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![element.to_json()?, Value::String(value.to_string())],
        )
        .await?;
    Ok(())
}

/// What differs between the page and the expected figures (empty when they agree).
fn differences(
    shown: &[(String, String)],
    expected: &BTreeMap<String, u64>,
    nulls: &[String],
    keys: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, value) in expected {
        let on_page: Vec<&String> = shown
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, v)| v)
            .collect();
        if on_page.is_empty() {
            problems.push(format!("{path}: expected {value}, not on the page"));
        }
        for v in on_page {
            if *v != value.to_string() {
                problems.push(format!("{path}: expected {value}, the page shows {v}"));
            }
        }
    }
    for (path, value) in shown {
        let key = path.split('.').next().unwrap_or_default();
        // A figure the expected report has no key for is an extension of the core (such as
        // `religious`); within a key the JSON has, the page shows nothing else.
        if !expected.contains_key(path) && keys.iter().any(|k| k == key) {
            problems.push(format!(
                "{path} = {value} is on the page but not in the expected report"
            ));
        }
        if nulls.iter().any(|n| n == key) {
            problems.push(format!(
                "{path}: the breakdown is null, yet the page shows it"
            ));
        }
    }
    problems
}

#[tokio::test]
async fn every_sample_report_matches_its_expected_json() {
    let samples = samples_with_expectations();
    assert!(samples.len() >= 6, "samples found: {samples:?}");
    for (sample, expected) in samples {
        let name = sample.file_name().unwrap().to_string_lossy().to_string();
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
        let (figures, nulls, keys) = expected_figures(&json);
        assert!(
            figures.contains_key("people") && figures.len() > 20,
            "{name}: {figures:?}"
        );
        let as_of = json["as_of"].as_str().expect("as_of").to_string();
        run(&format!("report_sample_{name}"), |page| async move {
            page.open().await?;
            page.import_file(&sample).await?;
            page.find("[data-stat='people']").await?;
            set_input(&page, "[data-testid=as-of]", &as_of).await?;
            let bands = page.find("[data-testid=age-bands]").await?;
            bands.clear().await?;
            bands.send_keys("30,41,51,61").await?;
            // The report follows at once; allow a busy machine a few seconds.
            let deadline = Instant::now() + Duration::from_secs(20);
            let problems = loop {
                let problems = differences(&page_stats(&page).await?, &figures, &nulls, &keys);
                if problems.is_empty() || Instant::now() > deadline {
                    break problems;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            };
            assert!(
                problems.is_empty(),
                "{name}: {} differences:\n{}",
                problems.len(),
                problems.join("\n")
            );
            let heading = page.find(".headlines h2").await?.text().await?;
            assert!(heading.contains("31/12/2024"), "{name}: heading {heading}");
            page.save_screenshot(&format!("report-{name}")).await?;
            Ok(())
        })
        .await;
    }
}

#[tokio::test]
async fn invalid_age_bands_say_why_and_keep_the_last_report() {
    run(
        "invalid_age_bands_say_why_and_keep_the_last_report",
        |page| async move {
            page.open().await?;
            page.import_file(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../shared/samples/mau-son-don-gian.xlsx"),
            )
            .await?;
            set_input(&page, "[data-testid=as-of]", "2024-12-31").await?;
            set_input(&page, "[data-testid=age-bands]", "30,46,61").await?;
            page.wait_for_stat("age.bands.3.from", 61).await?;
            let before = page_stats(&page).await?;
            set_input(&page, "[data-testid=age-bands]", "61,30").await?;
            let error = page
                .find("[data-testid=age-bands-error]")
                .await?
                .text()
                .await?;
            assert!(!error.is_empty());
            assert_eq!(
                page_stats(&page).await?,
                before,
                "the last good report stays"
            );
            // A preset puts valid bands back.
            page.find("[data-testid=age-band-presets] option[value='31,41,51,61']")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=age-bands-error]")
                .await?;
            page.wait_for_stat("age.bands.4.from", 61).await?;
            assert_eq!(
                page.find("[data-testid=age-bands]")
                    .await?
                    .prop("value")
                    .await?
                    .as_deref(),
                Some("31,41,51,61")
            );
            Ok(())
        },
    )
    .await;
}
