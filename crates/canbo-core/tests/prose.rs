//! The report written as prose says every figure of the report, and nothing else: for every
//! sample roster, in both languages, the numbers are read back out of the text and compared
//! with `canbo.report/1` figure by figure.

use canbo_core::export::prose::{date_words, prose, Block, Comparison, ProseOptions};
use canbo_core::export::Lang;
use canbo_core::report::{stats, Report};
use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use std::path::PathBuf;

fn samples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("../shared/samples is beside the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            p.with_file_name(format!("{name}.expected.json")).exists()
        })
        .collect();
    files.sort();
    assert!(files.len() >= 6, "samples: {files:?}");
    files
}

fn sample_report(path: &PathBuf) -> Report {
    let input = FileInput {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(path).unwrap(),
    };
    let imported = import(&[input], &Overrides::default());
    let options = ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        bands: "30,41,51,61".parse().unwrap(),
        ..Default::default()
    };
    report(&imported.roster, &options)
}

/// A number read out of the text, by what the words around it make it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Read {
    /// A count of people.
    Count(u32),
    /// A share, in percent.
    Percent(f64),
    /// A change since the comparison: positive for "tăng"/"up".
    Delta(i64),
    /// An age bound in a band's name ("từ 30 đến 40 tuổi").
    Bound,
}

/// Every number of `text`, in order. Dates (with `/` or `-`) are skipped; numbers are read
/// with the language's separators (`1.234,5` or `1,234.5`).
fn read_numbers(text: &str, lang: Lang) -> Vec<Read> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || ".,/-".contains(chars[j])) {
            j += 1;
        }
        i = j;
        // A trailing separator ends the sentence or the list item, not the number.
        let mut end = j;
        while end > start && ".,".contains(chars[end - 1]) {
            end -= 1;
        }
        let token: String = chars[start..end].iter().collect();
        if token.contains(['/', '-']) {
            continue;
        }
        let plain = match lang {
            Lang::Vi => token.replace('.', "").replace(',', "."),
            Lang::En => token.replace(',', ""),
        };
        let value: f64 = plain
            .parse()
            .unwrap_or_else(|_| panic!("'{token}' in {text}"));
        // The words right before and after, without their punctuation.
        let word = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let before: String = chars[..start].iter().collect();
        let prev = before
            .split_whitespace()
            .next_back()
            .map(word)
            .unwrap_or_default();
        let after: String = chars[end..].iter().collect();
        let after = after.trim_start();
        let next = after
            .split_whitespace()
            .next()
            .map(word)
            .unwrap_or_default();
        let read = if after.starts_with('%') {
            Read::Percent(value)
        } else if matches!(prev.as_str(), "tăng" | "up") {
            Read::Delta(value as i64)
        } else if matches!(prev.as_str(), "giảm" | "down") {
            Read::Delta(-(value as i64))
        } else if matches!(
            prev.as_str(),
            "dưới" | "trên" | "từ" | "đến" | "under" | "over" | "to"
        ) || matches!(next.as_str(), "tuổi" | "đến" | "to" | "or")
        {
            Read::Bound
        } else {
            Read::Count(value as u32)
        };
        out.push(read);
    }
    out
}

/// The figures the text must say, in the report's JSON order: every figure that is not
/// zero, except men (the text names women).
fn said(report: &Report) -> Vec<(String, u32)> {
    stats(&report.figures)
        .into_iter()
        .filter(|s| s.value > 0 && s.path != "gender.nam")
        .map(|s| (s.path, s.value))
        .collect()
}

/// The name of the snapshot compared with (its digits are not figures).
const SNAPSHOT: &str = "6 tháng đầu năm 2024";

fn share(part: u32, whole: u32) -> f64 {
    ((part as u64 * 1000 + whole as u64 / 2) / whole as u64) as f64 / 10.0
}

/// The text's counts are the report's figures, in order; each share is its count's share of
/// everyone; each change is the difference with `before`.
fn check(report: &Report, before: Option<&Report>, lang: Lang) {
    let options = ProseOptions {
        lang,
        comparison: before.map(|b| Comparison {
            name: SNAPSHOT,
            report: b,
        }),
        ..Default::default()
    };
    // Headings are numbered ("1. Số lượng, cơ cấu"): only the paragraphs hold figures.
    let text: String = prose(report, &options)
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(format!("{p}\n")),
            Block::Heading(_) => None,
        })
        .collect::<String>()
        .replace(&date_words(report.as_of, lang), "")
        .replace(SNAPSHOT, "");
    let read = read_numbers(&text, lang);
    let old: std::collections::HashMap<String, u32> = before
        .map(|b| {
            stats(&b.figures)
                .into_iter()
                .map(|s| (s.path, s.value))
                .collect()
        })
        .unwrap_or_default();
    let want = said(report);
    let counts: Vec<u32> = read
        .iter()
        .filter_map(|r| match r {
            Read::Count(n) => Some(*n),
            _ => None,
        })
        .collect();
    let want_counts: Vec<u32> = want.iter().map(|w| w.1).collect();
    assert_eq!(counts, want_counts, "{lang:?}\n{text}");
    // Shares and changes belong to the count before them.
    let mut last: Option<&(String, u32)> = None;
    let mut figures = want.iter();
    for r in &read {
        match *r {
            Read::Count(_) => last = figures.next(),
            Read::Percent(p) => {
                let (path, n) = last.expect("a share follows a count");
                assert_eq!(p, share(*n, report.people), "{path} in {text}");
            }
            Read::Delta(d) => {
                let (path, n) = last.expect("a change follows a count");
                let b = old[path.as_str()];
                assert_eq!(d, *n as i64 - b as i64, "{path} in {text}");
            }
            Read::Bound => {}
        }
    }
}

#[test]
fn every_sample_gives_prose_whose_every_number_is_the_reports_figure() {
    for path in samples() {
        let report = sample_report(&path);
        assert!(report.people > 0, "{}", path.display());
        for lang in [Lang::Vi, Lang::En] {
            check(&report, None, lang);
        }
    }
}

#[test]
fn compared_with_another_sample_every_change_is_the_difference() {
    let files = samples();
    // The samples hold the same people read from different layouts; make the earlier
    // report differ so that changes go both ways.
    let now = sample_report(&files[0]);
    let mut before = sample_report(&files[1]);
    before.figures.people -= 7;
    before.figures.party_member = before.party_member.map(|n| n + 12);
    before.figures.age.unknown += 2;
    for lang in [Lang::Vi, Lang::En] {
        check(&now, Some(&before), lang);
    }
}
