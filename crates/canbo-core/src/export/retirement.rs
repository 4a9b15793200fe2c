//! The retirement forecast (`canbo.retirement/1`) as a clerk reads it in a terminal, and as
//! CSV (one line per person), in Vietnamese or English. The CLI prints these.

use super::text::{date, number};
use super::{csv, table::display_unit, Lang};
use crate::codes::Code;
use crate::date::PartialDate;
use crate::retirement::law::law_text;
use crate::retirement::{Forecast, RetirementLaw, Timeline, Unplaced};
use std::fmt::Write;

/// A birth date as precisely as the roster gives it: `02/12/1963` (`2 Dec 1963`),
/// `12/1963`, `1963`.
pub fn birth(birth: PartialDate, lang: Lang) -> String {
    match birth {
        PartialDate::Full(d) => date(d, lang),
        PartialDate::Month { year, month } => format!("{month:02}/{year}"),
        PartialDate::Year(year) => year.to_string(),
    }
}

/// A unit's or a title's counts as table cells: overdue, each year, total.
fn cells(t: &Timeline, lang: Lang) -> Vec<String> {
    let mut cells = vec![number(t.overdue, lang)];
    cells.extend(t.years.iter().map(|y| number(y.count, lang)));
    cells.push(number(t.total, lang));
    cells
}

fn table_row(out: &mut String, label: &str, width: usize, cells: &[String]) {
    let pad = width.saturating_sub(label.chars().count());
    let _ = write!(out, "{label}{}", " ".repeat(pad));
    for c in cells {
        let _ = write!(out, " {c:>6}");
    }
    out.push('\n');
}

fn unplaced_list(out: &mut String, title: &str, list: &[Unplaced], lang: Lang) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title} ({}):", number(list.len() as u32, lang));
    for (i, u) in list.iter().enumerate() {
        let born = u.birth.map_or(String::new(), |b| {
            format!(", {} {}", lang.pick("sinh", "born"), birth(b, lang))
        });
        let position = u.position.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "  {:>3}. {} – {} – {position}{born}",
            i + 1,
            u.name,
            display_unit(&u.unit, lang)
        );
    }
}

/// The forecast for a clerk to read; `law` gives the note on early retirement.
pub fn text(f: &Forecast, law: &RetirementLaw, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let v = |n| number(n, lang);
    let people = t("người", "people");
    let mut out = String::new();
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "DỰ BÁO NGHỈ HƯU (tính đến ngày {}; {} năm, đến hết {})",
            date(f.as_of, lang),
            f.years.len(),
            date(f.until, lang)
        ),
        Lang::En => writeln!(
            out,
            "RETIREMENT FORECAST (as of {}; {} years, until {})",
            date(f.as_of, lang),
            f.years.len(),
            date(f.until, lang)
        ),
    };
    let _ = writeln!(out, "{}: {}", t("Căn cứ", "Under"), law_text(&f.law, lang));
    let _ = writeln!(
        out,
        "{}: {} {people}",
        t("Đã quá tuổi nghỉ hưu", "Past retirement age"),
        v(f.overdue)
    );
    for y in &f.years {
        let _ = writeln!(
            out,
            "{} {}: {} {people}",
            t("Năm", "Year"),
            y.year,
            v(y.count)
        );
    }
    let _ = writeln!(
        out,
        "{}: {} {people}",
        t("Cộng", "Total"),
        v(f.people.len() as u32)
    );

    let mut header = vec![t("Quá", "Past").to_string()];
    header.extend(f.years.iter().map(|y| y.year.to_string()));
    header.push(t("Cộng", "Total").into());
    let units: Vec<(String, &Timeline)> = f
        .by_unit
        .iter()
        .map(|u| (display_unit(&u.unit, lang), &u.timeline))
        .collect();
    let titles: Vec<(String, &Timeline)> = f
        .by_title
        .iter()
        .map(|row| {
            let label = match lang {
                Lang::Vi => row.label.clone(),
                Lang::En => crate::retirement::title_label(row.title, lang).to_string(),
            };
            (label, &row.timeline)
        })
        .collect();
    for (title, rows) in [
        (t("Đơn vị", "Unit"), units),
        (t("Chức danh", "Title"), titles),
    ] {
        let width = rows
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(title.chars().count());
        out.push('\n');
        table_row(&mut out, title, width, &header);
        for (label, timeline) in &rows {
            table_row(&mut out, label, width, &cells(timeline, lang));
        }
    }

    if !f.vacancies.is_empty() {
        let _ = writeln!(
            out,
            "\n{} {}:",
            t("Chức danh sẽ khuyết đến hết", "Posts falling vacant by"),
            date(f.until, lang)
        );
        for vac in &f.vacancies {
            let label = match lang {
                Lang::Vi => vac.label.as_str(),
                Lang::En => vac.title.label(lang),
            };
            let _ = writeln!(
                out,
                "  {label}: {} ({})",
                v(vac.count),
                vac.units.join(", ")
            );
        }
    }
    if !f.people.is_empty() {
        let _ = writeln!(out, "\n{}:", t("Danh sách", "People"));
        for (i, r) in f.people.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:>3}. {}  {} ({}, {} {}) – {} – {}; {} {}{}",
                i + 1,
                date(r.retires_on, lang),
                r.name,
                r.gender.label(lang),
                t("sinh", "born"),
                birth(r.birth, lang),
                display_unit(&r.unit, lang),
                r.position.as_deref().unwrap_or(""),
                t("đủ", "at"),
                r.age.label(lang),
                if r.overdue {
                    t(" – đã quá tuổi", " – past the age")
                } else {
                    ""
                }
            );
        }
    }
    unplaced_list(
        &mut out,
        t(
            "Chưa rõ giới tính, chưa tính được ngày nghỉ hưu",
            "Gender not known: no retirement date",
        ),
        &f.unknown_gender,
        lang,
    );
    unplaced_list(
        &mut out,
        t("Chưa rõ ngày sinh", "Birth date not known"),
        &f.unknown_birth,
        lang,
    );
    let conditions: Vec<&str> = law
        .early
        .conditions
        .iter()
        .map(|c| law_text(c, lang))
        .collect();
    let conditions = conditions.join("; ").to_lowercase();
    let years = law.early.max_years_earlier;
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "\nGhi chú: ngày nghỉ hưu là ngày cuối cùng của tháng đủ tuổi; chỉ có năm sinh thì tính từ 01/01, \
             có tháng và năm thì tính từ ngày 01 của tháng. Nghỉ hưu sớm tối đa {years} năm ({conditions}) không được tính tự động."
        ),
        Lang::En => writeln!(
            out,
            "\nNote: a person retires on the last day of the month the age is reached; with only a birth year the \
             count starts on 1 January, with a month and year on the first of the month. Retiring up to {years} years \
             early ({conditions}) is not counted."
        ),
    };
    out
}

/// One line per person of the forecast.
pub fn csv(f: &Forecast, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::from(csv::BOM);
    let header = [
        t("STT", "No."),
        t("Họ và tên", "Name"),
        t("Đơn vị", "Unit"),
        t("Chức vụ", "Position"),
        t("Giới tính", "Gender"),
        t("Ngày sinh", "Birth"),
        t("Tuổi nghỉ hưu", "Retirement age"),
        t("Ngày nghỉ hưu", "Retires on"),
        t("Ghi chú", "Note"),
    ];
    out.push_str(&csv::line(&header));
    for (i, r) in f.people.iter().enumerate() {
        out.push_str(&csv::line(&[
            (i + 1).to_string(),
            r.name.clone(),
            display_unit(&r.unit, lang),
            r.position.clone().unwrap_or_default(),
            r.gender.label(lang).to_string(),
            birth(r.birth, lang),
            r.age.label(lang),
            date(r.retires_on, lang),
            if r.overdue {
                t("Đã quá tuổi nghỉ hưu", "Past retirement age").to_string()
            } else {
                String::new()
            },
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retirement::Age;

    #[test]
    fn birth_dates_are_written_as_precisely_as_known() {
        let d = "1963-12-02".parse().unwrap();
        assert_eq!(birth(PartialDate::Full(d), Lang::Vi), "02/12/1963");
        assert_eq!(birth(PartialDate::Full(d), Lang::En), "2 Dec 1963");
        let month = PartialDate::Month {
            year: 1963,
            month: 4,
        };
        assert_eq!(birth(month, Lang::Vi), "04/1963");
        assert_eq!(birth(PartialDate::Year(1963), Lang::En), "1963");
    }

    #[test]
    fn ages_read_in_both_languages() {
        assert_eq!(Age::new(60, 3).label(Lang::Vi), "60 tuổi 3 tháng");
        assert_eq!(Age::new(60, 3).label(Lang::En), "60 years 3 months");
        assert_eq!(Age::new(62, 0).label(Lang::Vi), "62 tuổi");
        assert_eq!(Age::new(62, 0).label(Lang::En), "62 years");
        assert_eq!(Age::new(55, 1).label(Lang::En), "55 years 1 month");
    }

    #[test]
    fn the_built_in_law_reads_in_english_and_other_text_stays_as_written() {
        let law = RetirementLaw::default();
        assert!(law_text(&law.name, Lang::En).starts_with("Labour Code 2019"));
        assert_eq!(law_text(&law.name, Lang::Vi), law.name);
        for c in &law.early.conditions {
            assert!(law_text(c, Lang::En).is_ascii(), "{c}");
        }
        assert_eq!(law_text("Luật khác", Lang::En), "Luật khác");
    }
}
