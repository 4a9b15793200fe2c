//! Plain text for the terminal and for pasting into a written report.

use super::{table, Lang};
use crate::codes::Code;
use crate::import::Import;
use crate::layout::Reason;
use crate::report::{Counts, Report};
use std::fmt::Write;

pub use crate::lang::{number, tenths};

/// A date as each language writes it in an office: `31/12/2024` in Vietnamese, `31 Dec 2024`
/// in English (day first, the month spelt, so a reader abroad cannot swap day and month).
pub fn date(d: crate::date::Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS[(d.month() as usize).saturating_sub(1) % 12],
            d.year()
        ),
    }
}

/// `part` of `whole` in tenths of a percent, rounded half up; `None` for an empty whole.
fn per_mille(part: u32, whole: u32) -> Option<u64> {
    (whole > 0).then(|| (part as u64 * 1000 + whole as u64 / 2) / whole as u64)
}

/// `space`: what stands between the number and `%` in Vietnamese.
fn with_sign(digits: String, lang: Lang, space: char) -> String {
    match lang {
        Lang::Vi => format!("{digits}{space}%"),
        Lang::En => format!("{digits}%"),
    }
}

/// A figure as a snapshot comparison shows it: the number, or `—` when that report had no
/// such figure.
pub fn figure(n: Option<u32>, lang: Lang) -> String {
    n.map_or("—".into(), |n| number(n, lang))
}

/// How a figure changed from `before` to `after`, signed: `+12`, `−3` (a minus sign, not a
/// hyphen), `+0` when unchanged, `—` when either report lacks the figure.
pub fn difference(before: Option<u32>, after: Option<u32>, lang: Lang) -> String {
    match (before, after) {
        (Some(b), Some(a)) if a >= b => format!("+{}", number(a - b, lang)),
        (Some(b), Some(a)) => format!("\u{2212}{}", number(b - a, lang)),
        _ => "—".into(),
    }
}

/// A share of a whole, with one decimal: `12,5 %` in Vietnamese, `12.5%` in English.
pub fn percent(part: u32, whole: u32, lang: Lang) -> String {
    match per_mille(part, whole) {
        Some(t) => with_sign(tenths(t, lang, false), lang, ' '),
        None => "–".into(),
    }
}

/// A share as running text writes it: `26,7 %` but `86 %` (`26.7%`, `86%` in English). The
/// space before `%` does not break, so a line never starts with the sign.
pub fn share(part: u32, whole: u32, lang: Lang) -> String {
    match per_mille(part, whole) {
        Some(t) => with_sign(tenths(t, lang, true), lang, '\u{a0}'),
        None => "–".into(),
    }
}

fn line<T: Code>(
    out: &mut String,
    title: &str,
    counts: Option<&Counts<T>>,
    people: u32,
    lang: Lang,
) {
    let Some(counts) = counts else { return };
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(code, n)| {
            let label = match lang {
                Lang::Vi => code.label_vi(),
                Lang::En => code.label_en(),
            };
            format!(
                "{} {} ({})",
                number(n, lang),
                label,
                percent(n, people, lang)
            )
        })
        .collect();
    let _ = writeln!(out, "{title}: {}", parts.join("; "));
}

/// The report as a paragraph of figures, then the per-unit table.
pub fn report(report: &Report, lang: Lang) -> String {
    report_hiding(report, lang, &crate::share::Hidden::default())
}

/// [`report`] of a shared report: figures hidden in its units read `<3`.
pub fn report_hiding(report: &Report, lang: Lang, hidden: &crate::share::Hidden) -> String {
    let vi = lang == Lang::Vi;
    let n = report.people;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({} {})",
        if vi {
            "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC"
        } else {
            "WORKFORCE REPORT"
        },
        if vi { "tính đến ngày" } else { "as of" },
        report.as_of.day_first()
    );
    let _ = writeln!(
        out,
        "{}: {}",
        if vi { "Tổng số" } else { "People" },
        number(n, lang)
    );
    line(
        &mut out,
        if vi { "Phân loại" } else { "Category" },
        Some(&report.category),
        n,
        lang,
    );
    line(
        &mut out,
        if vi { "Giới tính" } else { "Gender" },
        report.gender.as_ref(),
        n,
        lang,
    );
    for (label_vi, label_en, value) in [
        ("Đảng viên", "Party members", report.party_member),
        (
            "Dân tộc thiểu số",
            "Ethnic minorities",
            report.ethnic_minority,
        ),
        ("Có tôn giáo", "Religious", report.religious),
    ] {
        if let Some(v) = value {
            let _ = writeln!(
                out,
                "{}: {} ({})",
                if vi { label_vi } else { label_en },
                number(v, lang),
                percent(v, n, lang)
            );
        }
    }
    line(
        &mut out,
        if vi { "Văn hóa" } else { "General education" },
        report.general_education.as_ref(),
        n,
        lang,
    );
    line(
        &mut out,
        if vi { "Chuyên môn" } else { "Professional" },
        report.professional.as_ref(),
        n,
        lang,
    );
    line(
        &mut out,
        if vi {
            "Lý luận chính trị"
        } else {
            "Political theory"
        },
        report.political_theory.as_ref(),
        n,
        lang,
    );
    line(
        &mut out,
        if vi {
            "Quản lý nhà nước"
        } else {
            "State management"
        },
        report.state_management.as_ref(),
        n,
        lang,
    );
    line(
        &mut out,
        if vi { "Đánh giá" } else { "Evaluation" },
        report.evaluation.as_ref(),
        n,
        lang,
    );
    let ages: Vec<String> = report
        .age
        .bands
        .iter()
        .map(|b| format!("{}: {}", b.label, number(b.count, lang)))
        .chain((report.age.unknown > 0).then(|| {
            format!(
                "{}: {}",
                if vi { "không rõ" } else { "unknown" },
                number(report.age.unknown, lang)
            )
        }))
        .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        if vi { "Độ tuổi" } else { "Age" },
        ages.join("; ")
    );
    out.push('\n');

    let columns = table::columns(report, lang);
    let rows = table::rows(report, lang);
    let width = rows
        .iter()
        .map(|(u, _)| u.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    let short: Vec<String> = columns.iter().map(|c| abbreviate(&c.label)).collect();
    let _ = write!(out, "{:<width$}", if vi { "Đơn vị" } else { "Unit" });
    for s in &short {
        let _ = write!(out, " {s:>6}");
    }
    out.push('\n');
    for (row, (unit, figures)) in rows.into_iter().enumerate() {
        let pad = width.saturating_sub(unit.chars().count());
        let _ = write!(out, "{unit}{}", " ".repeat(pad));
        for c in &columns {
            let v = c
                .shown(row, figures, hidden)
                .map_or(String::new(), |v| v.to_string());
            let _ = write!(out, " {v:>6}");
        }
        out.push('\n');
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({}):",
            if vi { "Cảnh báo" } else { "Warnings" },
            report.warnings.len()
        );
        for w in report.warnings.iter() {
            let msg = if vi { &w.message_vi } else { &w.message };
            let _ = writeln!(out, "  {} › {} › {msg}", w.file, w.sheet);
        }
    }
    out
}

/// A column label cut to six characters for the terminal table.
fn abbreviate(label: &str) -> String {
    label.chars().take(6).collect()
}

/// What the importer saw, file by file and sheet by sheet.
pub fn inspect(import: &Import, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    for file in &import.files {
        let _ = writeln!(out, "{} ({:?})", file.file, file.format);
        for s in &file.sheets {
            match &s.skipped {
                Some(reason) => {
                    let why = if vi {
                        reason.message_vi()
                    } else {
                        reason.message_en()
                    };
                    let _ = writeln!(
                        out,
                        "  {} «{}»: {} — {why}",
                        if vi { "Trang" } else { "Sheet" },
                        s.sheet,
                        if vi { "bỏ qua" } else { "skipped" }
                    );
                }
                None => {
                    let rows: Vec<String> = s.header_rows.iter().map(u32::to_string).collect();
                    let _ = writeln!(
                        out,
                        "  {} «{}»: {} {}; {} {}{}",
                        if vi { "Trang" } else { "Sheet" },
                        s.sheet,
                        number(s.people, lang),
                        if vi { "người" } else { "people" },
                        if vi {
                            "dòng tiêu đề"
                        } else {
                            "header rows"
                        },
                        rows.join(", "),
                        s.encoding.as_ref().map_or(String::new(), |e| format!(
                            "; {} {e}",
                            if vi { "mã" } else { "encoding" }
                        )),
                    );
                    for c in &s.columns {
                        let field = c.column.field.map_or(
                            if vi { "(không dùng)" } else { "(not used)" },
                            |f| {
                                if vi {
                                    f.label_vi()
                                } else {
                                    f.label_en()
                                }
                            },
                        );
                        let mark = c.column.mark.as_ref().map_or(String::new(), |m| {
                            if vi {
                                format!(" = «{m}» (đánh dấu x)")
                            } else {
                                format!(" = '{m}' (x marks)")
                            }
                        });
                        let how = match c.column.reason {
                            Reason::Header => "",
                            Reason::Content if vi => " (nhận ra theo nội dung cột)",
                            Reason::Content => " (recognised by its values)",
                            Reason::User if vi => " (người dùng chọn)",
                            Reason::User => " (chosen by the user)",
                        };
                        let _ = writeln!(
                            out,
                            "    {:>3}  {:<40} → {field}{mark}{how}",
                            c.letter, c.column.header
                        );
                    }
                    if !s.units.is_empty() {
                        let _ = writeln!(
                            out,
                            "    {}: {}",
                            if vi { "Đơn vị" } else { "Units" },
                            s.units.join(", ")
                        );
                    }
                    for r in &s.skipped_rows {
                        let why = if vi {
                            r.role.message_vi()
                        } else {
                            r.role.message_en()
                        };
                        let _ = writeln!(
                            out,
                            "    {} {}: {why}",
                            if vi { "bỏ qua dòng" } else { "skipped row" },
                            r.row
                        );
                    }
                }
            }
        }
    }
    let unread = import.roster.unrecognised();
    if !unread.is_empty() {
        let _ = writeln!(
            out,
            "{} ({}):",
            if vi {
                "Giá trị chưa nhận ra, dạy một lần bằng --vocab"
            } else {
                "Values not recognised, teach them once with --vocab"
            },
            unread.len()
        );
        for u in &unread {
            let field = if vi {
                u.field.label_vi()
            } else {
                u.field.label_en()
            };
            let _ = writeln!(
                out,
                "  {field}: «{}» — {} {} ({})",
                u.text,
                number(u.people, lang),
                if vi { "người" } else { "people" },
                u.places.join("; ")
            );
        }
    }
    if !import.roster.warnings.is_empty() {
        let _ = writeln!(
            out,
            "{} ({}):",
            if vi { "Cảnh báo" } else { "Warnings" },
            import.roster.warnings.len()
        );
        for w in &import.roster.warnings {
            let msg = if vi { &w.message_vi } else { &w.message };
            let _ = writeln!(out, "  {} › {} › {msg}", w.file, w.sheet);
        }
    }
    for e in &import.errors {
        let _ = writeln!(out, "{}", if vi { e.message_vi() } else { e.to_string() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_day_first_in_both_languages() {
        let d = crate::date::Date::new(2025, 1, 5).unwrap();
        assert_eq!(date(d, Lang::Vi), "05/01/2025");
        assert_eq!(date(d, Lang::En), "5 Jan 2025");
        let d = crate::date::Date::new(2024, 12, 31).unwrap();
        assert_eq!(date(d, Lang::Vi), "31/12/2024");
        assert_eq!(date(d, Lang::En), "31 Dec 2024");
    }

    #[test]
    fn differences_are_signed_with_a_minus_sign_and_grouped() {
        assert_eq!(difference(Some(1000), Some(3500), Lang::Vi), "+2.500");
        assert_eq!(
            difference(Some(3500), Some(1000), Lang::En),
            "\u{2212}2,500"
        );
        assert_eq!(difference(Some(7), Some(7), Lang::En), "+0");
        assert_eq!(difference(None, Some(7), Lang::Vi), "—");
        assert_eq!(difference(Some(7), None, Lang::Vi), "—");
        assert_eq!(figure(Some(1234), Lang::Vi), "1.234");
        assert_eq!(figure(None, Lang::En), "—");
    }

    #[test]
    fn numbers_group_thousands_per_language() {
        assert_eq!(number(2000, Lang::Vi), "2.000");
        assert_eq!(number(2000, Lang::En), "2,000");
        assert_eq!(number(420, Lang::En), "420");
        assert_eq!(number(4_294_967_295, Lang::Vi), "4.294.967.295");
    }

    #[test]
    fn numbers_and_percentages_follow_the_language() {
        assert_eq!(number(1234, Lang::Vi), "1.234");
        assert_eq!(number(1234567, Lang::En), "1,234,567");
        assert_eq!(number(12, Lang::Vi), "12");
        assert_eq!(percent(1, 8, Lang::Vi), "12,5 %");
        assert_eq!(percent(1, 8, Lang::En), "12.5%");
        assert_eq!(percent(1, 0, Lang::Vi), "–");
        assert_eq!(share(258, 300, Lang::Vi), "86\u{a0}%");
        assert_eq!(share(80, 300, Lang::Vi), "26,7\u{a0}%");
        assert_eq!(share(80, 300, Lang::En), "26.7%");
        assert_eq!(tenths(12_345, Lang::Vi, false), "1.234,5");
        assert_eq!(tenths(12_345, Lang::En, false), "1,234.5");
        assert_eq!(tenths(12_340, Lang::En, true), "1,234");
    }
}
