//! The standards result (`canbo.standards/1`) as a clerk reads it in a terminal, and as CSV
//! (one row per unit and the total), in Vietnamese or English. The CLI prints these; the
//! training plan as a workbook is [`super::training`].

use super::text::{date, number, percent};
use super::{csv, table::display_unit, Lang};
use crate::codes::Code;
use crate::standards::training::{level_label, need_label_in};
use crate::standards::{Criterion, PersonLine, Standards, StandardsOptions, Tally};
use std::fmt::Write;

/// The result for a clerk to read.
pub fn text(s: &Standards, options: &StandardsOptions, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let v = |n| number(n, lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {})",
        t(
            "ĐÁNH GIÁ ĐẠT CHUẨN CÁN BỘ, CÔNG CHỨC (tính đến ngày",
            "STANDARDS OF CADRES AND CIVIL SERVANTS (as of"
        ),
        date(s.as_of, lang)
    );
    let _ = writeln!(
        out,
        "{}: {} ({} {}){}",
        t("Tiêu chuẩn theo", "Standards of"),
        s.rule_set.name,
        t("có hiệu lực từ", "in force from"),
        date(s.rule_set.effective_from, lang),
        if s.rule_set.in_force {
            ""
        } else {
            t(
                " – chưa có hiệu lực tại ngày báo cáo",
                " – not yet in force on the report date",
            )
        }
    );
    let flagged: Vec<&str> = s
        .by_unit
        .iter()
        .filter(|u| u.difficult_area)
        .map(|u| u.unit.as_str())
        .collect();
    let area = if options.difficult_area {
        t("toàn bộ danh sách", "the whole roster").to_string()
    } else if flagged.is_empty() {
        t("không", "none").to_string()
    } else {
        flagged.join(", ")
    };
    let _ = writeln!(
        out,
        "{}: {area}\n",
        t(
            "Vùng khó khăn / dân tộc thiểu số",
            "Difficult area / ethnic minority area"
        )
    );

    for (category, tally) in &s.by_category {
        if tally.covered() == 0 {
            let _ = writeln!(
                out,
                "{}: {} {} – {}",
                category.label(lang),
                v(tally.people),
                t("người", "people"),
                t("không thuộc diện áp dụng", "not covered")
            );
            continue;
        }
        let _ = writeln!(
            out,
            "{}: {} {}; {} {} ({})",
            category.label(lang),
            v(tally.people),
            t("người", "people"),
            t("đạt chuẩn tất cả tiêu chí", "meet every criterion"),
            v(tally.meets_all),
            percent(tally.meets_all, tally.covered(), lang)
        );
        if tally.not_covered > 0 {
            let _ = writeln!(
                out,
                "  {}: {}",
                t("không thuộc diện áp dụng", "not covered"),
                v(tally.not_covered)
            );
        }
        for c in Criterion::ALL {
            criterion_line(&mut out, tally, c, lang);
        }
    }

    let heads = [
        t("Đơn vị", "Unit"),
        t("Số người", "People"),
        t("Áp dụng", "Covered"),
        t("Đạt", "Meet"),
        t("Chưa đạt", "Below"),
        t("Không rõ", "Unknown"),
    ];
    let width = s
        .by_unit
        .iter()
        .map(|u| display_unit(&u.unit, lang).chars().count())
        .max()
        .unwrap_or(6)
        .max(heads[0].chars().count());
    let _ = writeln!(
        out,
        "\n{:<width$} {:>8} {:>8} {:>8} {:>8} {:>8}",
        heads[0], heads[1], heads[2], heads[3], heads[4], heads[5]
    );
    for (unit, t) in unit_rows(s, lang) {
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
        let _ = writeln!(out, "\n{}:", t("Nhu cầu đào tạo", "Training needs"));
        for n in &s.training_needs {
            let grace = if n.in_grace > 0 {
                match lang {
                    Lang::Vi => format!(" (trong đó {} còn thời hạn chuyển tiếp)", v(n.in_grace)),
                    Lang::En => format!(" (of whom {} within a transition period)", v(n.in_grace)),
                }
            } else {
                String::new()
            };
            let label = match lang {
                Lang::Vi => n.label.clone(),
                Lang::En => need_label_in(n.criterion, &n.need, lang),
            };
            let _ = writeln!(
                out,
                "  {label}: {} {}{grace}",
                v(n.count),
                t("người", "people")
            );
        }
    }
    let lists = [
        (
            t("Người chưa đạt chuẩn", "People below standard"),
            &s.people_below,
        ),
        (
            t(
                "Người chưa đạt, còn trong thời gian chuyển tiếp",
                "People below standard, within a transition period",
            ),
            &s.people_in_grace,
        ),
        (
            t(
                "Người chưa đủ thông tin để đánh giá",
                "People without the data to judge",
            ),
            &s.people_unknown,
        ),
    ];
    for (title, list) in lists {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({}):", v(list.len() as u32));
        for (i, p) in list.iter().enumerate() {
            person_line(&mut out, i, p, lang);
        }
    }
    for (title, list) in [
        (t("Ghi chú", "Notes"), &s.notes),
        (
            t(
                "Chưa được xác nhận (có thể sửa trong bộ tiêu chuẩn)",
                "Not confirmed (can be edited in the rule set)",
            ),
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

/// Each unit as the form names it, then the total.
fn unit_rows(s: &Standards, lang: Lang) -> impl Iterator<Item = (String, &Tally)> {
    s.by_unit
        .iter()
        .map(move |u| (display_unit(&u.unit, lang), &u.tally))
        .chain(std::iter::once((
            lang.pick("Tổng cộng", "Total").to_string(),
            &s.total,
        )))
}

fn criterion_line(out: &mut String, tally: &Tally, c: Criterion, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let n = tally.criteria.get(c);
    let covered = tally.covered();
    if n.not_required == covered {
        let _ = writeln!(
            out,
            "  {}: {}",
            c.label(lang),
            t("không yêu cầu", "not required")
        );
        return;
    }
    let v = |k| number(k, lang);
    let mut parts = vec![
        format!(
            "{} {} ({})",
            t("đạt", "meet"),
            v(n.meets),
            percent(n.meets, covered, lang)
        ),
        format!("{} {}", t("chưa đạt", "below"), v(n.below)),
        format!("{} {}", t("không rõ", "unknown"), v(n.unknown)),
    ];
    if n.grace > 0 {
        parts.push(format!(
            "{} {}",
            t("trong thời gian chuyển tiếp", "within a transition period"),
            v(n.grace)
        ));
    }
    if n.not_required > 0 {
        parts.push(format!(
            "{} {}",
            t("không yêu cầu", "not required"),
            v(n.not_required)
        ));
    }
    let _ = writeln!(out, "  {}: {}", c.label(lang), parts.join("; "));
}

/// What one person lacks, in words: the need and the level now, the reason a criterion
/// cannot be judged, the deadline of a transition period.
pub fn lacks(p: &PersonLine, lang: Lang) -> String {
    let lacks: Vec<String> = p
        .lacks
        .iter()
        .map(|l| {
            let have = l
                .have
                .as_deref()
                .map_or("", |h| level_label(l.criterion, h, lang));
            let need = match lang {
                Lang::Vi => l.label.clone(),
                Lang::En => need_label_in(l.criterion, &l.need, lang),
            };
            let mut s = match (l.missing, have.is_empty()) {
                (Some(m), _) => format!("{}: {}", l.criterion.label(lang), m.label(lang)),
                (None, true) => need,
                (None, false) => format!("{need} ({}: {have})", lang.pick("hiện có", "has")),
            };
            if let Some(until) = l.until {
                let _ = write!(s, ", {} {}", lang.pick("hạn", "by"), date(until, lang));
            }
            s
        })
        .collect();
    lacks.join("; ")
}

fn person_line(out: &mut String, i: usize, p: &PersonLine, lang: Lang) {
    let position = p.position.as_deref().unwrap_or("");
    let _ = writeln!(
        out,
        "  {:>3}. {} – {} – {position}: {}",
        i + 1,
        p.name,
        p.unit,
        lacks(p, lang)
    );
}

/// One row per unit and the total: people, covered, and per criterion met / below /
/// unknown / in a transition period, then those meeting every criterion.
pub fn csv(s: &Standards, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut header = vec![
        t("Đơn vị", "Unit").to_string(),
        t("Số người", "People").into(),
        t("Thuộc diện áp dụng", "Covered").into(),
    ];
    let kinds = [
        t("đạt", "meet"),
        t("chưa đạt", "below"),
        t("không rõ", "unknown"),
        t("chuyển tiếp", "transition"),
    ];
    for c in Criterion::ALL {
        for what in kinds {
            header.push(format!("{} - {what}", c.label(lang)));
        }
    }
    header.push(t("Đạt tất cả tiêu chí", "Meet every criterion").into());
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&header));
    for (unit, t) in unit_rows(s, lang) {
        let mut line = vec![unit, t.people.to_string(), t.covered().to_string()];
        for c in Criterion::ALL {
            let n = t.criteria.get(c);
            line.extend([n.meets, n.below, n.unknown, n.grace].map(|k| k.to_string()));
        }
        line.push(t.meets_all.to_string());
        out.push_str(&csv::line(&line));
    }
    out
}
