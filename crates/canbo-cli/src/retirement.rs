//! `canbo retirement`: who reaches the legal retirement age in each of the coming years.

use crate::common::{self, CliError, Format};
use crate::standards::csv_line;
use canbo_core::codes::Code;
use canbo_core::date::PartialDate;
use canbo_core::export::{table::display_unit, text::number, Lang};
use canbo_core::retirement::{
    self, Forecast, RetirementLaw, RetirementOptions, Timeline, Unplaced,
};
use canbo_core::Date;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Report date (YYYY-MM-DD): the first year of the forecast; earlier dates are overdue.
    /// Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<Date>,
    /// How many calendar years to look ahead, from the year of --as-of.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=i64::from(canbo_core::retirement::MAX_YEARS)))]
    years: u32,
    /// json (canbo.retirement/1), text, or csv (one line per person).
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    passphrase: common::Passphrase,
    #[command(flatten)]
    input: common::Input,
}

pub fn run(args: Args) -> Result<(), CliError> {
    if args.format == Format::Xlsx {
        return Err(CliError::Usage(
            "retirement: --format xlsx is not available; use json, text or csv".into(),
        ));
    }
    let roster = common::roster(&args.input, &args.passphrase)?;
    let options = RetirementOptions {
        as_of: common::as_of(args.as_of),
        years: args.years,
    };
    let law = RetirementLaw::default();
    let forecast = retirement::forecast(&roster, &law, &options);
    let bytes = match args.format {
        Format::Json => common::json(&forecast),
        Format::Csv => csv(&forecast).into_bytes(),
        Format::Text | Format::Xlsx => text(&forecast, &law).into_bytes(),
    };
    common::emit(&bytes, args.output.as_deref())
}

/// A birth date as written: `02/12/1963`, `12/1963` or `1963`.
fn birth_vi(birth: PartialDate) -> String {
    match birth {
        PartialDate::Full(d) => d.day_first(),
        PartialDate::Month { year, month } => format!("{month:02}/{year}"),
        PartialDate::Year(year) => year.to_string(),
    }
}

fn v(n: u32) -> String {
    number(n, Lang::Vi)
}

/// A unit's or a title's counts as table cells: overdue, each year, total.
fn cells(t: &Timeline) -> Vec<String> {
    let mut cells = vec![v(t.overdue)];
    cells.extend(t.years.iter().map(|y| v(y.count)));
    cells.push(v(t.total));
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

fn unplaced_list(out: &mut String, title: &str, list: &[Unplaced]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title} ({}):", v(list.len() as u32));
    for (i, u) in list.iter().enumerate() {
        let birth = u
            .birth
            .map_or(String::new(), |b| format!(", sinh {}", birth_vi(b)));
        let position = u.position.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "  {:>3}. {} – {} – {position}{birth}",
            i + 1,
            u.name,
            display_unit(&u.unit, Lang::Vi)
        );
    }
}

/// The forecast for a clerk to read.
fn text(f: &Forecast, law: &RetirementLaw) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "DỰ BÁO NGHỈ HƯU (tính đến ngày {}; {} năm, đến hết {})",
        f.as_of.day_first(),
        f.years.len(),
        f.until.day_first()
    );
    let _ = writeln!(out, "Căn cứ: {}", f.law);
    let _ = writeln!(out, "Đã quá tuổi nghỉ hưu: {} người", v(f.overdue));
    for y in &f.years {
        let _ = writeln!(out, "Năm {}: {} người", y.year, v(y.count));
    }
    let _ = writeln!(out, "Cộng: {} người", v(f.people.len() as u32));

    let mut header = vec!["Quá".to_string()];
    header.extend(f.years.iter().map(|y| y.year.to_string()));
    header.push("Cộng".into());
    let units: Vec<(String, &Timeline)> = f
        .by_unit
        .iter()
        .map(|u| (display_unit(&u.unit, Lang::Vi), &u.timeline))
        .collect();
    let titles: Vec<(String, &Timeline)> = f
        .by_title
        .iter()
        .map(|t| (t.label.clone(), &t.timeline))
        .collect();
    for (title, rows) in [("Đơn vị", units), ("Chức danh", titles)] {
        let width = rows
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(title.chars().count());
        out.push('\n');
        table_row(&mut out, title, width, &header);
        for (label, t) in &rows {
            table_row(&mut out, label, width, &cells(t));
        }
    }

    if !f.vacancies.is_empty() {
        let _ = writeln!(
            out,
            "\nChức danh sẽ khuyết đến hết {}:",
            f.until.day_first()
        );
        for vac in &f.vacancies {
            let _ = writeln!(
                out,
                "  {}: {} ({})",
                vac.label,
                v(vac.count),
                vac.units.join(", ")
            );
        }
    }
    if !f.people.is_empty() {
        let _ = writeln!(out, "\nDanh sách:");
        for (i, r) in f.people.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:>3}. {}  {} ({}, sinh {}) – {} – {}; đủ {}{}",
                i + 1,
                r.retires_on.day_first(),
                r.name,
                r.gender.label_vi(),
                birth_vi(r.birth),
                display_unit(&r.unit, Lang::Vi),
                r.position.as_deref().unwrap_or(""),
                r.age.label_vi(),
                if r.overdue {
                    " – đã quá tuổi"
                } else {
                    ""
                }
            );
        }
    }
    unplaced_list(
        &mut out,
        "Chưa rõ giới tính, chưa tính được ngày nghỉ hưu",
        &f.unknown_gender,
    );
    unplaced_list(&mut out, "Chưa rõ ngày sinh", &f.unknown_birth);
    let _ = writeln!(
        out,
        "\nGhi chú: ngày nghỉ hưu là ngày cuối cùng của tháng đủ tuổi; chỉ có năm sinh thì tính từ 01/01, \
         có tháng và năm thì tính từ ngày 01 của tháng. Nghỉ hưu sớm tối đa {} năm ({}) không được tính tự động.",
        law.early.max_years_earlier,
        law.early.conditions.join("; ").to_lowercase()
    );
    out
}

/// One line per person of the forecast.
fn csv(f: &Forecast) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        "STT",
        "Họ và tên",
        "Đơn vị",
        "Chức vụ",
        "Giới tính",
        "Ngày sinh",
        "Tuổi nghỉ hưu",
        "Ngày nghỉ hưu",
        "Ghi chú",
    ];
    out.push_str(&csv_line(&header));
    for (i, r) in f.people.iter().enumerate() {
        out.push_str(&csv_line(&[
            (i + 1).to_string(),
            r.name.clone(),
            display_unit(&r.unit, Lang::Vi),
            r.position.clone().unwrap_or_default(),
            r.gender.label_vi().to_string(),
            birth_vi(r.birth),
            r.age.label_vi(),
            r.retires_on.day_first(),
            if r.overdue {
                "Đã quá tuổi nghỉ hưu".to_string()
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

    #[test]
    fn birth_dates_are_written_as_precisely_as_known() {
        let d: Date = "1963-12-02".parse().unwrap();
        assert_eq!(birth_vi(PartialDate::Full(d)), "02/12/1963");
        assert_eq!(
            birth_vi(PartialDate::Month {
                year: 1963,
                month: 4
            }),
            "04/1963"
        );
        assert_eq!(birth_vi(PartialDate::Year(1963)), "1963");
    }
}
