//! The English page reads English everywhere: a roster whose own data has no Vietnamese
//! letter (names, units, titles and levels written without diacritics, as many offices
//! type them), the page switched to English, every page and panel visited with every fold
//! opened, and no Vietnamese letter anywhere in what the page shows or names for a screen
//! reader (`aria-label`, `title`), except the language switch's own «Tiếng Việt».

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::browser::{run, screenshot_dir, TestResult};
use crate::page::Page;

/// Every Vietnamese letter outside ASCII, lower and upper case.
const VIETNAMESE: &str = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ\
                          ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ";

/// `text` without its diacritics: "Chủ tịch UBND" → "Chu tich UBND".
fn ascii(text: &str) -> String {
    const BASES: [(&str, char); 14] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ìíịỉĩ", 'i'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ỳýỵỷỹ", 'y'),
        ("đ", 'd'),
        ("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'A'),
        ("ÈÉẸẺẼÊỀẾỆỂỄ", 'E'),
        ("ÌÍỊỈĨ", 'I'),
        ("ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'O'),
        ("ÙÚỤỦŨƯỪỨỰỬỮ", 'U'),
        ("ỲÝỴỶỸ", 'Y'),
        ("Đ", 'D'),
    ];
    text.chars()
        .map(|c| {
            BASES
                .iter()
                .find(|(from, _)| from.contains(c))
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

/// The sample CSV roster of 420 people, written without diacritics, as a file of the test.
fn ascii_roster() -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/mau-son.csv");
    let text = std::fs::read_to_string(sample).expect("the sample CSV");
    let dir = screenshot_dir("english-page");
    let path = dir.join("roster-ascii.csv");
    let text = ascii(&text);
    assert!(!text.chars().any(|c| VIETNAMESE.contains(c)));
    std::fs::write(&path, text).expect("write the ASCII roster");
    path
}

/// Opens every fold of the page, then returns each line of what the page shows that holds
/// a Vietnamese letter (the language switch's label left out).
async fn vietnamese_lines(page: &Page, place: &str) -> TestResult<Vec<String>> {
    page.driver
        .execute(
            "document.querySelectorAll('details').forEach(d => d.open = true);",
            Vec::new(),
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let text = page
        .driver
        .execute(
            "const own = document.querySelector('[data-testid=lang-vi]');\
             const label = own ? own.innerText : '';\
             const named = [...document.querySelectorAll('[aria-label], [title]')]\
               .filter(e => !e.closest('[data-testid=lang-vi]') && !e.querySelector('[data-testid=lang-vi]'))\
               .flatMap(e => ['aria-label', 'title'].map(a => e.getAttribute(a)).filter(Boolean))\
               .map(v => '(named) ' + v);\
             return [document.body.innerText.split(label).join(''), ...named].join('\\n');",
            Vec::new(),
        )
        .await?;
    let text = text.json().as_str().unwrap_or_default().to_string();
    assert!(!text.trim().is_empty(), "{place}: the page shows nothing");
    Ok(text
        .lines()
        .filter(|line| line.chars().any(|c| VIETNAMESE.contains(c)))
        .map(|line| format!("{place}: {line}"))
        .collect())
}

#[tokio::test]
async fn the_english_page_shows_no_vietnamese_letter() {
    run(
        "the_english_page_shows_no_vietnamese_letter",
        |page| async move {
            page.open().await?;
            page.find("[data-testid=lang-en]").await?.click().await?;
            page.import_file(&ascii_roster()).await?;
            page.wait_for_stat("people", 420).await?;
            let mut found = Vec::new();

            // A snapshot kept, whose buttons are named for a screen reader.
            page.keep_snapshot("First half").await?;

            // The report with its text (standards and retirement sections too), its drill-down
            // and the cross-tab; what the page shows, and what it names for a screen reader
            // (`aria-label`, `title`).
            page.find("[data-testid=crosstab]").await?;
            for part in ["prose-standards", "prose-retirement"] {
                page.find(&format!("[data-testid={part}]"))
                    .await?
                    .click()
                    .await?;
            }
            // The sections are computed a slice at a time: read the text once they are in.
            page.wait_for_prose_with(&["Standards of posts", "Retirement forecast"])
                .await?;
            found.extend(vietnamese_lines(&page, "report").await?);
            page.find("button[data-stat='category.cong_chuc']")
                .await?
                .click()
                .await?;
            page.find("[data-testid=drill]").await?;
            found.extend(vietnamese_lines(&page, "drill-down").await?);
            page.find("[data-testid=drill-close]")
                .await?
                .click()
                .await?;
            page.wait_until_gone("[data-testid=drill]").await?;

            // The import area and its review, every sheet unfolded.
            page.open_import_panel().await?;
            page.find("[data-testid=import-review]").await?;
            found.extend(vietnamese_lines(&page, "import review").await?);

            // The share panel.
            page.find("[data-testid=share]").await?.click().await?;
            page.find("[data-testid=share-link]").await?;
            found.extend(vietnamese_lines(&page, "share panel").await?);
            page.save_screenshot("english-report").await?;

            for tab in ["people", "standards", "retirement"] {
                page.find(&format!("[data-testid=tab-{tab}]"))
                    .await?
                    .click()
                    .await?;
                tokio::time::sleep(Duration::from_millis(500)).await;
                found.extend(vietnamese_lines(&page, tab).await?);
                page.save_screenshot(&format!("english-{tab}")).await?;
            }
            assert!(
                found.is_empty(),
                "Vietnamese on the English page:\n{}",
                found.join("\n")
            );
            Ok(())
        },
    )
    .await;
}
