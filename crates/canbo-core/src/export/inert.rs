//! Cells that a spreadsheet program would run as a formula, made inert (OWASP "CSV
//! injection"). A roster comes from anyone: a unit named `=HYPERLINK(…)` or a person named
//! `+cmd|…` must come out of every file Canbo writes as the text it was, never as a live
//! formula. Every CSV and xlsx writer of the core goes through here (the CLI writes none).
//!
//! - CSV: the text gets a leading `'`, as OWASP says; Excel and LibreOffice then keep it as
//!   text (the apostrophe shows, which is the point: nothing runs).
//! - xlsx: a text cell is never evaluated on opening, but Excel turns it into a formula the
//!   moment someone edits it and presses Enter. The cell is written with Excel's own
//!   "quote prefix" (what Excel stores when a person types `'=1+1`): it shows `=1+1`, as the
//!   roster wrote it, and stays text when edited.
//!
//! A cell that is a plain number (`-3`, `+4.5`) is left as it is: it cannot be a formula.

use std::borrow::Cow;

/// The first characters that make a spreadsheet program read a cell as a formula.
const LIVE: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` would be read as a formula (or could start one) by Excel or LibreOffice.
pub fn is_live(text: &str) -> bool {
    text.starts_with(LIVE) && !is_plain_number(text)
}

/// `-3`, `+4.5`, `-1,5`: a sign, digits, at most one decimal separator, digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let mut parts = digits.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    ok(whole) && parts.next().is_none_or(ok)
}

/// The text of a CSV cell, made inert: `'` before a live first character.
pub fn csv_text(text: &str) -> Cow<'_, str> {
    if is_live(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One CSV field: inert, then quoted (RFC 4180) when it holds a separator, a quote or a line
/// break. Every CSV Canbo writes builds its fields here.
pub fn csv_field(text: &str) -> String {
    let text = csv_text(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// Writes a text cell of an xlsx, with the quote prefix when it is live (see the module
/// docs). Every text cell that can hold roster data goes through here.
#[cfg(feature = "xlsx")]
pub fn write_text(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: Option<&rust_xlsxwriter::Format>,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    match (is_live(text), format) {
        (true, Some(f)) => {
            sheet.write_string_with_format(row, col, text, &f.clone().set_quote_prefix())?
        }
        (true, None) => sheet.write_string_with_format(
            row,
            col,
            text,
            &rust_xlsxwriter::Format::new().set_quote_prefix(),
        )?,
        (false, Some(f)) => sheet.write_string_with_format(row, col, text, f)?,
        (false, None) => sheet.write_string(row, col, text)?,
    };
    Ok(())
}

/// What the attacks look like, for the tests of every writer.
#[cfg(test)]
pub(crate) const ATTACKS: [&str; 6] = ["=1+1", "+Xã A", "-Xã B", "@SUM(A1)", "\tXã C", "\rXã D"];

/// The texts of the first sheet of an xlsx whose cell style has the quote prefix (a test
/// helper: reads sharedStrings, styles and sheet1 with quick-xml).
#[cfg(all(test, feature = "xlsx"))]
pub(crate) fn quote_prefixed(xlsx: &[u8]) -> Vec<String> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("an xlsx");
    let mut part = |name: &str| {
        let mut text = String::new();
        if let Ok(mut f) = zip.by_name(name) {
            f.read_to_string(&mut text).expect("xml");
        }
        text
    };
    let (strings, styles, sheet) = (
        part("xl/sharedStrings.xml"),
        part("xl/styles.xml"),
        part("xl/worksheets/sheet1.xml"),
    );
    let attr = |e: &quick_xml::events::BytesStart, key: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .map(|a| a.value.to_string())
    };
    // Shared strings, in order.
    let mut shared = Vec::new();
    let mut reader = quick_xml::Reader::from_str(&strings);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "si" => current = Some(String::new()),
            Ok(Event::Text(t)) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(c) = current.as_mut() {
                    let name = r.xml10_content();
                    c.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "#9" => "\t",
                        "#13" | "#xD" | "#xd" => "\r",
                        _ => "?",
                    });
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == "si" => shared.extend(current.take()),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    // Which cell styles (cellXfs, in order) have the quote prefix.
    let mut prefixed = Vec::new();
    let mut in_xfs = false;
    let mut reader = quick_xml::Reader::from_str(&styles);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "cellXfs" => in_xfs = true,
            Ok(Event::End(e)) if e.name().as_ref() == "cellXfs" => in_xfs = false,
            Ok(Event::Start(e) | Event::Empty(e)) if in_xfs && e.name().as_ref() == "xf" => {
                prefixed.push(attr(&e, "quotePrefix").as_deref() == Some("1"))
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut reader = quick_xml::Reader::from_str(&sheet);
    let mut pending: Option<usize> = None;
    let mut in_v = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "c" => {
                let style: usize = attr(&e, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                let shared_string = attr(&e, "t").as_deref() == Some("s");
                pending = (shared_string && prefixed.get(style) == Some(&true)).then_some(0);
            }
            Ok(Event::Start(e)) if e.name().as_ref() == "v" => in_v = true,
            Ok(Event::End(e)) if e.name().as_ref() == "v" => in_v = false,
            Ok(Event::Text(t)) if in_v && pending.is_some() => {
                let index: usize = t.xml10_content().trim().parse().expect("index");
                out.extend(shared.get(index).cloned());
                pending = None;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_live_and_numbers_are_not() {
        for attack in ATTACKS {
            assert!(is_live(attack), "{attack:?}");
        }
        for plain in [
            "-3",
            "+4.5",
            "-1,5",
            "12",
            "Xã A",
            "",
            "Nguyễn Văn A",
            "a=b",
        ] {
            assert!(!is_live(plain), "{plain:?}");
        }
        for odd in ["-", "+", "-3-", "-3.", "-.5", "=3", "-3e5", "--3"] {
            assert!(is_live(odd), "{odd:?}");
        }
    }

    #[test]
    fn csv_fields_get_an_apostrophe_then_quotes() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+Xã A"), "'+Xã A");
        assert_eq!(csv_field("-Xã B"), "'-Xã B");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tXã C"), "'\tXã C");
        assert_eq!(csv_field("\rXã D"), "\"'\rXã D\"");
        assert_eq!(csv_field("=A1,\"x\""), "\"'=A1,\"\"x\"\"\"");
        assert_eq!(csv_field("-3"), "-3");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }
}

/// Every writer of the core, given a roster whose units and people are named like formulas.
#[cfg(all(test, feature = "xlsx"))]
mod writers {
    use super::quote_prefixed;
    use crate::import::{import, FileInput};
    use crate::report::{report, ReportOptions};
    use crate::roster::Roster;

    /// Units and names as an attacker would write them (each unit has one person). The
    /// report shows a unit's name in its own casing rules (`@sum(a1)`), so units are compared
    /// without case.
    const UNITS: [&str; 4] = ["=1+1", "+Xã A", "-Xã B", "@SUM(A1)"];
    const NAMES: [&str; 4] = [
        "=HYPERLINK(\"http://x\";\"Nguyễn Văn A\")",
        "+Trần Thị B",
        "-Lê Văn C",
        "@SUM(A1) Phạm D",
    ];

    fn roster() -> Roster {
        let mut csv =
            String::from("Họ và tên,Đơn vị,Giới tính,Ngày sinh,Chức vụ,Trình độ văn hóa\n");
        for (name, unit) in NAMES.iter().zip(UNITS) {
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            csv.push_str(&format!(
                "{},{},Nữ,01/01/1960,Chủ tịch UBND,9/12\n",
                q(name),
                q(unit)
            ));
        }
        let roster = import(
            &[FileInput {
                name: "tan-cong.csv".into(),
                bytes: csv.into_bytes(),
            }],
            &Default::default(),
        )
        .roster;
        assert_eq!(roster.people.len(), 4);
        roster
    }

    #[test]
    fn the_csv_form_writes_formula_units_as_inert_text() {
        let csv = crate::export::csv::report(&report(&roster(), &ReportOptions::default()));
        let firsts: Vec<String> = csv
            .lines()
            .map(|l| l.split(',').next().unwrap_or("").to_lowercase())
            .collect();
        for unit in UNITS {
            let inert = format!("'{}", unit.to_lowercase());
            assert!(firsts.contains(&inert), "{unit}: {csv}");
        }
        for line in csv.lines().skip(1) {
            assert!(!super::is_live(line), "{line}");
        }
    }

    #[test]
    fn the_xlsx_form_writes_formula_units_with_the_quote_prefix() {
        let bytes = crate::export::xlsx::report(&report(&roster(), &ReportOptions::default()))
            .expect("xlsx");
        let mut prefixed: Vec<String> = quote_prefixed(&bytes)
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        prefixed.sort();
        let mut want: Vec<String> = UNITS.iter().map(|s| s.to_lowercase()).collect();
        want.sort();
        assert_eq!(prefixed, want);
        // Read back, the cells are the text as written, not formulas.
        let book = crate::read::read("form.xlsx", &bytes).expect("reads back");
        let texts: Vec<String> = book.sheets[0]
            .rows
            .iter()
            .filter_map(|r| r.first().map(|c| c.display().to_lowercase()))
            .collect();
        for unit in UNITS {
            let unit = unit.to_lowercase();
            assert!(texts.contains(&unit), "{unit}: {texts:?}");
        }
    }

    #[test]
    fn the_people_list_writes_formula_names_and_units_with_the_quote_prefix() {
        let roster = roster();
        let people: Vec<_> = roster.people.iter().collect();
        let bytes = crate::export::people::people(&people, crate::export::Lang::Vi).expect("xlsx");
        let prefixed: Vec<String> = quote_prefixed(&bytes)
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        for text in UNITS.iter().chain(&NAMES) {
            let text = text.to_lowercase();
            assert!(prefixed.contains(&text), "{text}: {prefixed:?}");
        }
    }

    #[test]
    fn the_training_plan_writes_formula_names_with_the_quote_prefix() {
        use crate::standards::{defaults, find, standards, StandardsOptions};
        let sets = defaults();
        let result = standards(
            &roster(),
            find(&sets, "nd33-2023").expect("rule set"),
            &StandardsOptions::new("2024-12-31".parse().expect("date")),
        );
        let bytes = crate::export::training::plan(&result).expect("xlsx");
        let prefixed = quote_prefixed(&bytes);
        assert!(!result.training_needs.is_empty());
        for name in NAMES {
            assert!(prefixed.iter().any(|p| p == name), "{name}: {prefixed:?}");
        }
    }

    /// Each attack written as a CSV field must be there, inert: it begins with `'` (inside
    /// the quotes when it needs them).
    fn assert_inert_in(csv: &str, texts: &[&str]) {
        let lower = csv.to_lowercase();
        for text in texts {
            let field = crate::export::csv::field(text).to_lowercase();
            assert!(
                field.starts_with('\'') || field.starts_with("\"'"),
                "{field}"
            );
            assert!(lower.contains(&field), "{text}: {csv}");
        }
    }

    #[test]
    fn the_standards_and_retirement_csvs_write_formula_units_and_names_as_inert_text() {
        use crate::export::Lang;
        use crate::retirement::{forecast, RetirementLaw, RetirementOptions};
        use crate::standards::{defaults, find, standards, StandardsOptions};
        let roster = roster();
        let as_of = "2024-12-31".parse().expect("date");
        let sets = defaults();
        let result = standards(
            &roster,
            find(&sets, "nd33-2023").expect("rule set"),
            &StandardsOptions::new(as_of),
        );
        let f = forecast(
            &roster,
            &RetirementLaw::default(),
            &RetirementOptions::new(as_of),
        );
        assert_eq!(f.people.len(), NAMES.len());
        for lang in [Lang::Vi, Lang::En] {
            assert_inert_in(&crate::export::standards::csv(&result, lang), &UNITS);
            let people = crate::export::retirement::csv(&f, lang);
            assert_inert_in(&people, &UNITS);
            assert_inert_in(&people, &NAMES);
        }
    }
}
