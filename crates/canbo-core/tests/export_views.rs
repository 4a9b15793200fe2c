//! The standards and the retirement forecast as text and CSV (`export::standards`,
//! `export::retirement`, what `canbo standards|retirement --format text|csv` prints), for
//! every sample roster in both languages: the English has no Vietnamese words of its own
//! (only the roster's names, units and posts, and the law's names), the CSV is well formed
//! (BOM, CRLF, every row as wide as the header) and its figures are the result's.

use canbo_core::export::{self, Lang};
use canbo_core::retirement::{self, Forecast, RetirementLaw, RetirementOptions};
use canbo_core::standards::{self, Standards, StandardsOptions};
use canbo_core::{import, FileInput, Overrides, Roster};
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

fn roster(path: &PathBuf) -> Roster {
    let input = FileInput {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(path).unwrap(),
    };
    import(&[input], &Overrides::default()).roster
}

fn as_of() -> canbo_core::Date {
    "2024-12-31".parse().unwrap()
}

fn standards_of(roster: &Roster, lang: Lang) -> (Standards, StandardsOptions) {
    let sets = standards::defaults();
    let rules = standards::choose(&sets, None, as_of()).unwrap();
    let options = StandardsOptions::new(as_of());
    (
        standards::standards_in(roster, rules, &options, lang),
        options,
    )
}

fn forecast_of(roster: &Roster) -> Forecast {
    retirement::forecast(
        roster,
        &RetirementLaw::default(),
        &RetirementOptions::new(as_of()),
    )
}

/// The text with the roster's own words taken out: names, units, posts and the names of
/// laws, which stay as written in either language.
fn without_data(text: &str, roster: &Roster, extra: &[&str]) -> String {
    let mut data: Vec<&str> = extra.to_vec();
    for p in &roster.people {
        data.push(&p.name);
        data.push(&p.unit);
        if let Some(position) = &p.position {
            data.push(position);
        }
    }
    // Longest first, so a unit is not cut by a shorter name inside it.
    data.sort_by_key(|d| std::cmp::Reverse(d.chars().count()));
    let mut out = text.to_string();
    for d in data.into_iter().filter(|d| !d.is_empty()) {
        out = out.replace(d, "");
    }
    out
}

/// Letters of Vietnamese that English never uses: any non-ASCII letter.
fn vietnamese_letters(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

/// RFC 4180 fields of one CSV text (the BOM stripped), one vector per row.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a BOM first");
    assert!(text.ends_with("\r\n") || text.is_empty());
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CRLF line ends"),
            (false, '\n') => panic!("a bare LF ends a line"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        }
    }
    rows
}

#[test]
fn the_standards_text_speaks_the_language_asked_for() {
    for path in samples() {
        let roster = roster(&path);
        let (vi, options) = standards_of(&roster, Lang::Vi);
        let text = export::standards::text(&vi, &options, Lang::Vi);
        assert!(text.starts_with("ĐÁNH GIÁ ĐẠT CHUẨN"), "{path:?}");
        assert!(text.contains("Tổng cộng"), "{path:?}");

        let (en, options) = standards_of(&roster, Lang::En);
        let text = export::standards::text(&en, &options, Lang::En);
        assert!(text.starts_with("STANDARDS OF CADRES"), "{path:?}");
        assert!(text.contains("\nTotal "), "{path:?}");
        // The rule set's name and its rules' labels are data a user may edit, as written.
        let sets = standards::defaults();
        let rules = standards::choose(&sets, None, as_of()).unwrap();
        let mut names: Vec<&str> = rules.rules.iter().map(|r| r.label.as_str()).collect();
        names.push(&en.rule_set.name);
        let left = without_data(&text, &roster, &names);
        assert_eq!(vietnamese_letters(&left), vec![], "{path:?}:\n{text}");
        // The figures do not change with the language.
        assert_eq!(en.total, vi.total);
        assert_eq!(en.by_unit, vi.by_unit);
    }
}

#[test]
fn the_standards_csv_has_a_row_per_unit_and_the_total_in_both_languages() {
    for path in samples() {
        let roster = roster(&path);
        for (lang, total) in [(Lang::Vi, "Tổng cộng"), (Lang::En, "Total")] {
            let (s, _) = standards_of(&roster, lang);
            let rows = parse_csv(&export::standards::csv(&s, lang));
            let width = rows[0].len();
            assert_eq!(width, 3 + 3 * 4 + 1, "{path:?}");
            assert!(rows.iter().all(|r| r.len() == width), "{path:?}");
            assert_eq!(rows.len(), 1 + s.by_unit.len() + 1, "{path:?}");
            let last = rows.last().unwrap();
            assert_eq!(last[0], total);
            assert_eq!(last[1], s.total.people.to_string());
            assert_eq!(last[2], s.total.covered().to_string());
            assert_eq!(last[width - 1], s.total.meets_all.to_string());
            if lang == Lang::En {
                assert_eq!(vietnamese_letters(&rows[0].join(",")), vec![]);
            }
        }
    }
}

#[test]
fn the_retirement_text_speaks_the_language_asked_for() {
    let law = RetirementLaw::default();
    for path in samples() {
        let roster = roster(&path);
        let f = forecast_of(&roster);
        let vi = export::retirement::text(&f, &law, Lang::Vi);
        assert!(vi.starts_with("DỰ BÁO NGHỈ HƯU"), "{path:?}");
        assert!(vi.contains(&f.law), "{path:?}");
        let en = export::retirement::text(&f, &law, Lang::En);
        assert!(en.starts_with("RETIREMENT FORECAST"), "{path:?}");
        assert!(en.contains("Labour Code 2019"), "{path:?}");
        // Only the roster's words and the decree's number (NĐ-CP) stay Vietnamese.
        let left = without_data(&en, &roster, &["NĐ-CP"]);
        assert_eq!(vietnamese_letters(&left), vec![], "{path:?}:\n{en}");
    }
}

#[test]
fn the_retirement_csv_has_a_line_per_person_in_both_languages() {
    for path in samples() {
        let roster = roster(&path);
        let f = forecast_of(&roster);
        for lang in [Lang::Vi, Lang::En] {
            let rows = parse_csv(&export::retirement::csv(&f, lang));
            assert_eq!(rows.len(), 1 + f.people.len(), "{path:?}");
            assert!(rows.iter().all(|r| r.len() == 9), "{path:?}");
            for (row, person) in rows.iter().skip(1).zip(&f.people) {
                assert_eq!(row[1], person.name);
                assert_eq!(row[4], canbo_core::codes::Code::label(person.gender, lang));
                assert_eq!(row[6], person.age.label(lang));
            }
            let header = rows[0].join(",");
            match lang {
                Lang::Vi => assert!(header.starts_with("STT,Họ và tên"), "{header}"),
                Lang::En => assert_eq!(vietnamese_letters(&header), vec![]),
            }
        }
    }
}
