//! `canbo standards`: who meets the standard of their post, and the training plan.

use crate::common::{self, CliError, Format};
use canbo_core::codes::Code;
use canbo_core::export::{self, text::number, text::percent, Lang};
use canbo_core::standards::training::level_label_vi;
use canbo_core::standards::{
    self, Criterion, PersonLine, RuleSet, Standards, StandardsOptions, Tally,
};
use canbo_core::{Date, Roster};
use std::fmt::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Report date (YYYY-MM-DD): picks the rule set in force. Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<Date>,
    /// A rule set by id or name (tt06-2012, tt13-2019, nd33-2023, cv11-2025) instead of the
    /// one in force at --as-of.
    #[arg(long, value_name = "NAME")]
    rule_set: Option<String>,
    /// Rule sets from a JSON file (one set or a list), instead of the built-in ones.
    #[arg(long, value_name = "FILE.json")]
    rules: Option<PathBuf>,
    /// The whole roster is in a difficult area (vùng khó khăn / dân tộc thiểu số).
    #[arg(long)]
    difficult_area: bool,
    /// A unit in a difficult area; repeat for several.
    #[arg(long = "difficult-unit", value_name = "UNIT")]
    difficult_units: Vec<String>,
    /// json (canbo.standards/1), text, csv (per unit), xlsx (the training plan; needs -o).
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
    common::require_file_for_xlsx(args.format, args.output.as_deref())?;
    let sets = match &args.rules {
        Some(path) => read_rule_sets(path)?,
        None => standards::defaults(),
    };
    let roster = common::roster(&args.input, &args.passphrase)?;
    let as_of = common::as_of(args.as_of);
    let rules = standards::choose(&sets, args.rule_set.as_deref(), as_of)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let options = options(as_of, &args, &roster)?;
    let result = standards::standards(&roster, rules, &options);
    let bytes = match args.format {
        Format::Json => common::json(&result),
        Format::Text => text(&result, &options).into_bytes(),
        Format::Csv => csv(&result).into_bytes(),
        Format::Xlsx => {
            export::training::plan(&result).map_err(|e| CliError::Output(format!("xlsx: {e}")))?
        }
    };
    common::emit(&bytes, args.output.as_deref())
}

/// A JSON file holding one rule set or a list of them, read and checked by the core (the
/// same as the app's import).
fn read_rule_sets(path: &Path) -> Result<Vec<RuleSet>, CliError> {
    let text = common::read_text(path, common::JSON_BYTES)?;
    RuleSet::from_json(&text)
        .map_err(|e| CliError::Input(format!("{}: not a usable rule set: {e}", path.display())))
}

/// The options; a --difficult-unit that names no unit of the roster is a usage error, since
/// a misspelt name would silently change nothing.
fn options(as_of: Date, args: &Args, roster: &Roster) -> Result<StandardsOptions, CliError> {
    let mut options = StandardsOptions::new(as_of);
    options.difficult_area = args.difficult_area;
    let units = roster.units();
    let known: Vec<String> = units
        .iter()
        .map(|u| canbo_core::roster::unit_key(u))
        .collect();
    for unit in &args.difficult_units {
        if !known.contains(&canbo_core::roster::unit_key(unit)) {
            return Err(CliError::Usage(format!(
                "--difficult-unit '{unit}' is not a unit of the roster; units: {}",
                units.join(", ")
            )));
        }
        options.flag_unit(unit);
    }
    Ok(options)
}

/// One CSV line (RFC 4180 quoting, CRLF, formulas made inert by the core's
/// [`export::inert::csv_field`]), for the two subcommands' CSV output.
pub(crate) fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| export::inert::csv_field(f.as_ref()))
        .collect();
    format!("{}\r\n", quoted.join(","))
}

fn criterion_line(out: &mut String, tally: &Tally, c: Criterion) {
    let n = tally.criteria.get(c);
    let covered = tally.covered();
    if n.not_required == covered {
        let _ = writeln!(out, "  {}: không yêu cầu", c.label_vi());
        return;
    }
    let v = |k| number(k, Lang::Vi);
    let mut parts = vec![
        format!(
            "đạt {} ({})",
            v(n.meets),
            percent(n.meets, covered, Lang::Vi)
        ),
        format!("chưa đạt {}", v(n.below)),
        format!("không rõ {}", v(n.unknown)),
    ];
    if n.grace > 0 {
        parts.push(format!("trong thời gian chuyển tiếp {}", v(n.grace)));
    }
    if n.not_required > 0 {
        parts.push(format!("không yêu cầu {}", v(n.not_required)));
    }
    let _ = writeln!(out, "  {}: {}", c.label_vi(), parts.join("; "));
}

fn person_line(out: &mut String, i: usize, p: &PersonLine) {
    let lacks: Vec<String> = p
        .lacks
        .iter()
        .map(|l| {
            let have = l
                .have
                .as_deref()
                .map_or("", |h| level_label_vi(l.criterion, h));
            let mut s = match (l.missing, have.is_empty()) {
                (Some(m), _) => format!("{}: {}", l.criterion.label_vi(), m.label_vi()),
                (None, true) => l.label.clone(),
                (None, false) => format!("{} (hiện có: {have})", l.label),
            };
            if let Some(until) = l.until {
                let _ = write!(s, ", hạn {}", until.day_first());
            }
            s
        })
        .collect();
    let position = p.position.as_deref().unwrap_or("");
    let _ = writeln!(
        out,
        "  {:>3}. {} – {} – {position}: {}",
        i + 1,
        p.name,
        p.unit,
        lacks.join("; ")
    );
}

/// The result for a clerk to read.
fn text(s: &Standards, options: &StandardsOptions) -> String {
    let v = |n| number(n, Lang::Vi);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "ĐÁNH GIÁ ĐẠT CHUẨN CÁN BỘ, CÔNG CHỨC (tính đến ngày {})",
        s.as_of.day_first()
    );
    let _ = writeln!(
        out,
        "Tiêu chuẩn theo: {} (có hiệu lực từ {}){}",
        s.rule_set.name,
        s.rule_set.effective_from.day_first(),
        if s.rule_set.in_force {
            ""
        } else {
            " – chưa có hiệu lực tại ngày báo cáo"
        }
    );
    let flagged: Vec<&str> = s
        .by_unit
        .iter()
        .filter(|u| u.difficult_area)
        .map(|u| u.unit.as_str())
        .collect();
    let area = if options.difficult_area {
        "toàn bộ danh sách".to_string()
    } else if flagged.is_empty() {
        "không".to_string()
    } else {
        flagged.join(", ")
    };
    let _ = writeln!(out, "Vùng khó khăn / dân tộc thiểu số: {area}\n");

    for (category, tally) in &s.by_category {
        if tally.covered() == 0 {
            let _ = writeln!(
                out,
                "{}: {} người – không thuộc diện áp dụng",
                category.label_vi(),
                v(tally.people)
            );
            continue;
        }
        let _ = writeln!(
            out,
            "{}: {} người; đạt chuẩn tất cả tiêu chí {} ({})",
            category.label_vi(),
            v(tally.people),
            v(tally.meets_all),
            percent(tally.meets_all, tally.covered(), Lang::Vi)
        );
        if tally.not_covered > 0 {
            let _ = writeln!(out, "  không thuộc diện áp dụng: {}", v(tally.not_covered));
        }
        for c in Criterion::ALL {
            criterion_line(&mut out, tally, c);
        }
    }

    let width = s
        .by_unit
        .iter()
        .map(|u| u.unit.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let _ = writeln!(
        out,
        "\n{:<width$} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "Đơn vị", "Số người", "Áp dụng", "Đạt", "Chưa đạt", "Không rõ"
    );
    let rows = s
        .by_unit
        .iter()
        .map(|u| (export::table::display_unit(&u.unit, Lang::Vi), &u.tally));
    for (unit, t) in rows.chain(std::iter::once(("Tổng cộng".to_string(), &s.total))) {
        let pad = width.saturating_sub(unit.chars().count());
        let _ = writeln!(
            out,
            "{unit}{} {:>8} {:>8} {:>8} {:>8} {:>8}",
            " ".repeat(pad),
            v(t.people),
            v(t.covered()),
            v(t.meets_all),
            v(t.overall.below),
            v(t.overall.unknown)
        );
    }

    if !s.training_needs.is_empty() {
        let _ = writeln!(out, "\nNhu cầu đào tạo:");
        for n in &s.training_needs {
            let grace = if n.in_grace > 0 {
                format!(" (trong đó {} còn thời hạn chuyển tiếp)", v(n.in_grace))
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {}: {} người{grace}", n.label, v(n.count));
        }
    }
    let lists = [
        ("Người chưa đạt chuẩn", &s.people_below),
        (
            "Người chưa đạt, còn trong thời gian chuyển tiếp",
            &s.people_in_grace,
        ),
        ("Người chưa đủ thông tin để đánh giá", &s.people_unknown),
    ];
    for (title, list) in lists {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({}):", v(list.len() as u32));
        for (i, p) in list.iter().enumerate() {
            person_line(&mut out, i, p);
        }
    }
    for (title, list) in [
        ("Ghi chú", &s.notes),
        (
            "Chưa được xác nhận (có thể sửa trong bộ tiêu chuẩn)",
            &s.unconfirmed,
        ),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{title}:");
            for line in list {
                let _ = writeln!(out, "  - {line}");
            }
        }
    }
    out
}

/// One row per unit and the total: people, covered, and per criterion met / below / unknown.
fn csv(s: &Standards) -> String {
    let mut header = vec![
        "Đơn vị".to_string(),
        "Số người".into(),
        "Thuộc diện áp dụng".into(),
    ];
    for c in Criterion::ALL {
        for what in ["đạt", "chưa đạt", "không rõ", "chuyển tiếp"] {
            header.push(format!("{} - {what}", c.label_vi()));
        }
    }
    header.push("Đạt tất cả tiêu chí".into());
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_line(&header));
    let rows = s
        .by_unit
        .iter()
        .map(|u| (export::table::display_unit(&u.unit, Lang::Vi), &u.tally));
    for (unit, t) in rows.chain(std::iter::once(("Tổng cộng".to_string(), &s.total))) {
        let mut line = vec![unit, t.people.to_string(), t.covered().to_string()];
        for c in Criterion::ALL {
            let n = t.criteria.get(c);
            line.extend([n.meets, n.below, n.unknown, n.grace].map(|k| k.to_string()));
        }
        line.push(t.meets_all.to_string());
        out.push_str(&csv_line(&line));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_line(&["a", "b,c", "d\"e"]), "a,\"b,c\",\"d\"\"e\"\r\n");
    }

    #[test]
    fn dates_are_written_day_first() {
        assert_eq!(
            "2024-01-05".parse::<Date>().unwrap().day_first(),
            "05/01/2024"
        );
    }
}
