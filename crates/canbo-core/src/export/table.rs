//! The official quantity-and-quality form (BM02/BNV, DOMAIN.md) as columns: one row per
//! unit plus the total, the columns grouped as the form groups them. The CSV, the xlsx and
//! the page's per-unit table are all drawn from this one list.

use super::Lang;
use crate::codes::*;
use crate::report::{Counts, Figures, Report};
use crate::share::{Hidden, Shown};

/// Reads one figure of a group (`None` where the roster has no such column).
pub type Reader = Box<dyn Fn(&Figures) -> Option<u32>>;

/// One column of the form: its group header, its own header, and how to read it.
pub struct FormColumn {
    pub group: String,
    pub label: String,
    /// The `data-stat` path of this figure within a unit's or the total's figures.
    pub stat: String,
    pub value: Reader,
}

fn breakdown<T: Code>(
    out: &mut Vec<FormColumn>,
    lang: Lang,
    group_vi: &str,
    group_en: &str,
    key: &'static str,
    get: fn(&Figures) -> Option<&Counts<T>>,
) {
    for &code in T::ALL {
        out.push(FormColumn {
            group: pick(lang, group_vi, group_en).into(),
            label: pick(lang, code.label_vi(), code.label_en()).into(),
            stat: format!("{key}.{}", code.code()),
            value: Box::new(move |f| get(f).map(|c| c.get(code))),
        });
    }
}

/// The text of `lang` (the crate's one [`Lang::pick`]).
fn pick<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    lang.pick(vi, en)
}

/// The columns for a report; breakdowns the roster has no column for are left out.
pub fn columns(report: &Report, lang: Lang) -> Vec<FormColumn> {
    let mut out = Vec::new();
    let total = pick(lang, "Tổng số", "Total");
    out.push(FormColumn {
        group: total.into(),
        label: total.into(),
        stat: "people".into(),
        value: Box::new(|f| Some(f.people)),
    });
    let of_whom = pick(lang, "Trong đó", "Of whom");
    type Yes = fn(&Figures) -> Option<u32>;
    let yes_columns: [(&str, &str, &str, Yes); 5] = [
        ("Nữ", "Women", "gender.nu", |f| {
            f.gender.as_ref().map(|g| g.get(Gender::Nu))
        }),
        ("Đảng viên", "Party members", "party_member", |f| {
            f.party_member
        }),
        (
            "Dân tộc thiểu số",
            "Ethnic minorities",
            "ethnic_minority",
            |f| f.ethnic_minority,
        ),
        ("Tôn giáo", "Religious", "religious", |f| f.religious),
        ("", "", "", |_| None),
    ];
    for (vi, en, stat, get) in yes_columns.into_iter().filter(|c| !c.2.is_empty()) {
        if get(&report.figures).is_some() {
            out.push(FormColumn {
                group: of_whom.into(),
                label: pick(lang, vi, en).into(),
                stat: stat.into(),
                value: Box::new(get),
            });
        }
    }
    breakdown(
        &mut out,
        lang,
        "Phân loại",
        "Category",
        "category",
        |f| Some(&f.category),
    );
    if report.professional.is_some() {
        breakdown(
            &mut out,
            lang,
            "Chuyên môn",
            "Professional",
            "professional",
            |f| f.professional.as_ref(),
        );
    }
    if report.political_theory.is_some() {
        breakdown(
            &mut out,
            lang,
            "Lý luận chính trị",
            "Political theory",
            "political_theory",
            |f| f.political_theory.as_ref(),
        );
    }
    if report.state_management.is_some() {
        breakdown(
            &mut out,
            lang,
            "Quản lý nhà nước",
            "State management",
            "state_management",
            |f| f.state_management.as_ref(),
        );
    }
    if report.general_education.is_some() {
        breakdown(
            &mut out,
            lang,
            "Văn hóa",
            "General education",
            "general_education",
            |f| f.general_education.as_ref(),
        );
    }
    if report.evaluation.is_some() {
        breakdown(
            &mut out,
            lang,
            "Đánh giá",
            "Evaluation",
            "evaluation",
            |f| f.evaluation.as_ref(),
        );
    }
    let age = pick(lang, "Độ tuổi", "Age");
    for (i, band) in report.age.bands.iter().enumerate() {
        out.push(FormColumn {
            group: age.into(),
            label: band.label.clone(),
            stat: format!("age.bands.{i}.count"),
            value: Box::new(move |f| f.age.bands.get(i).map(|b| b.count)),
        });
    }
    out.push(FormColumn {
        group: age.into(),
        label: pick(lang, "Không rõ", "Unknown").into(),
        stat: "age.unknown".into(),
        value: Box::new(|f| Some(f.age.unknown)),
    });
    out
}

impl FormColumn {
    /// The figure of row `row` of [`rows`] (the units, then the total), as shown: `Below`
    /// where a shared link hid it (`hidden` of [`crate::share::Shared`]; empty: nothing
    /// hidden), `None` where the roster has no such column.
    pub fn shown(&self, row: usize, figures: &Figures, hidden: &Hidden) -> Option<Shown> {
        let value = (self.value)(figures)?;
        Some(if hidden.unit(row, &self.stat) {
            Shown::Below(hidden.below)
        } else {
            Shown::Exact(value)
        })
    }
}

/// The form's rows: each unit, then the total.
pub fn rows(report: &Report, lang: Lang) -> Vec<(String, &Figures)> {
    let mut rows: Vec<(String, &Figures)> = report
        .units
        .iter()
        .map(|u| (display_unit(&u.unit, lang), &u.figures))
        .collect();
    rows.push((pick(lang, "Tổng cộng", "Total").into(), &report.figures));
    rows
}

/// A unit's name, or a placeholder for people whose unit no sheet stated (it belongs to the
/// roster, which the report also names units by; kept here for the writers).
pub use crate::roster::display_unit;

/// The form's columns cut into parts of at most `fit` columns, whole column groups where
/// possible (a group wider than `fit` is cut in pieces of `fit`): the tables of the printed
/// form and of the .docx, each repeating the unit column.
pub fn parts(columns: &[FormColumn], fit: usize) -> Vec<Vec<usize>> {
    let fit = fit.max(1);
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut c = 0;
    while c < columns.len() {
        let group = &columns[c].group;
        let span = columns[c..]
            .iter()
            .take_while(|x| &x.group == group)
            .count();
        for chunk in (c..c + span).collect::<Vec<_>>().chunks(fit) {
            let current = parts.last().map_or(0, Vec::len);
            if current > 0 && current + chunk.len() > fit {
                parts.push(Vec::new());
            }
            if let Some(part) = parts.last_mut() {
                part.extend_from_slice(chunk);
            }
        }
        c += span;
    }
    parts
}
