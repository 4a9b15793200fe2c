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
            label: band.label.to_string(),
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
    /// The column named in full, as a label outside the table says it: its group, then its
    /// own header («Chuyên môn Đại học»); once where the two are one («Tổng số»).
    pub fn title(&self) -> String {
        if self.group.is_empty() || self.group == self.label {
            self.label.clone()
        } else {
            format!("{} {}", self.group, self.label)
        }
    }

    /// Whether a count of this column can list the people behind it
    /// ([`crate::report::stat_filter`], within a unit [`crate::report::unit_stat_filter`]).
    pub fn lists_people(&self) -> bool {
        crate::report::stat_filter(&self.stat).is_some()
    }

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

/// How the form's units are ordered on screen; the total stays last whatever the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitOrder {
    /// As the report gives them: the first file's order, then the next.
    #[default]
    Report,
    /// By the unit's name as [`rows`] writes it, in Vietnamese alphabetical order
    /// (`text::collate`).
    Name { descending: bool },
    /// By the figure of one of the form's columns (an index into [`columns`]); a unit
    /// without that figure comes last either way.
    Column { column: usize, descending: bool },
}

/// The rows of [`rows`] (the units, then the total) as indices into them, the units in
/// `order` and the total last. Units equal on the key keep the report's order in either
/// direction. A column index outside `columns` leaves the report's order.
pub fn ordered(
    rows: &[(String, &Figures)],
    columns: &[FormColumn],
    order: UnitOrder,
) -> Vec<usize> {
    let units = rows.len().saturating_sub(1);
    let mut out: Vec<usize> = (0..units).collect();
    match order {
        UnitOrder::Report => {}
        UnitOrder::Name { descending } => {
            let keys: Vec<crate::text::collate::Key> = rows[..units]
                .iter()
                .map(|(name, _)| crate::text::collate::key(name))
                .collect();
            out.sort_by(|&a, &b| directed(keys[a].cmp(&keys[b]), descending));
        }
        UnitOrder::Column { column, descending } => {
            if let Some(col) = columns.get(column) {
                let values: Vec<Option<u32>> =
                    rows[..units].iter().map(|(_, f)| (col.value)(f)).collect();
                out.sort_by(|&a, &b| match (values[a], values[b]) {
                    (Some(x), Some(y)) => directed(x.cmp(&y), descending),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                });
            }
        }
    }
    if !rows.is_empty() {
        out.push(units);
    }
    out
}

fn directed(order: std::cmp::Ordering, descending: bool) -> std::cmp::Ordering {
    if descending {
        order.reverse()
    } else {
        order
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import, FileInput, Overrides};
    use crate::report::{report, ReportOptions};

    /// Units written with accents and đ, in an order that is neither alphabetical nor by
    /// size; one person with no unit.
    const CSV: &str = "\
Họ và tên,Giới tính,Đơn vị
A1,Nam,Xã Yên Thế
A2,Nữ,Xã Yên Thế
B1,Nữ,Xã Đồng Tâm
C1,Nam,xã Ân Thi
C2,Nam,xã Ân Thi
C3,Nữ,xã Ân Thi
D1,Nữ,Xã Dương Hòa
D2,Nam,Xã Dương Hòa
E1,Nam,
";

    fn sample() -> Report {
        let imported = import(
            &[FileInput {
                name: "t.csv".into(),
                bytes: CSV.as_bytes().to_vec(),
            }],
            &Overrides::default(),
        );
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        report(
            &imported.roster,
            &ReportOptions {
                as_of: "2024-12-31".parse().unwrap(),
                ..Default::default()
            },
        )
    }

    fn names(report: &Report, order: UnitOrder) -> Vec<String> {
        let cols = columns(report, Lang::Vi);
        let rows = rows(report, Lang::Vi);
        ordered(&rows, &cols, order)
            .into_iter()
            .map(|i| rows[i].0.clone())
            .collect()
    }

    #[test]
    fn a_columns_counts_list_people_where_a_unit_filter_says_who() {
        let r = sample();
        let cols = columns(&r, Lang::Vi);
        let lists = |stat: &str| {
            cols.iter()
                .find(|c| c.stat == stat)
                .map(FormColumn::lists_people)
        };
        assert_eq!(lists("people"), Some(true));
        assert_eq!(lists("gender.nu"), Some(true));
        for col in &cols {
            let unit = crate::report::unit_stat_filter("Xã Yên Thế", &col.stat);
            assert_eq!(col.lists_people(), unit.is_some(), "{}", col.stat);
            if let Some(f) = unit {
                // The unit first, by its key, then what the column counts.
                assert_eq!(f.conditions[0].0, crate::report::Dimension::Unit);
                assert_eq!(f.conditions[0].1, ["yen the"]);
            }
        }
    }

    #[test]
    fn a_column_is_named_by_its_group_and_header_once_where_they_are_one() {
        let r = sample();
        for (lang, total, women) in [
            (Lang::Vi, "Tổng số", "Trong đó Nữ"),
            (Lang::En, "Total", "Of whom Women"),
        ] {
            let cols = columns(&r, lang);
            let title = |stat: &str| cols.iter().find(|c| c.stat == stat).map(FormColumn::title);
            assert_eq!(title("people").as_deref(), Some(total));
            assert_eq!(title("gender.nu").as_deref(), Some(women));
            // No column's name is one half said twice («Tổng số Tổng số»).
            for col in &cols {
                let t = col.title();
                let words: Vec<&str> = t.split(' ').collect();
                let half = words.len() / 2;
                assert!(
                    words.len() % 2 == 1 || words[..half] != words[half..],
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn units_keep_the_report_order_by_default_and_the_total_is_last() {
        let r = sample();
        assert_eq!(
            names(&r, UnitOrder::Report),
            [
                "Xã Yên Thế",
                "Xã Đồng Tâm",
                "xã Ân Thi",
                "Xã Dương Hòa",
                "(Chưa rõ đơn vị)",
                "Tổng cộng"
            ]
        );
    }

    #[test]
    fn units_by_name_follow_the_vietnamese_alphabet_both_ways() {
        let r = sample();
        assert_eq!(
            names(&r, UnitOrder::Name { descending: false }),
            [
                "(Chưa rõ đơn vị)",
                "xã Ân Thi",
                "Xã Dương Hòa",
                "Xã Đồng Tâm",
                "Xã Yên Thế",
                "Tổng cộng"
            ]
        );
        assert_eq!(
            names(&r, UnitOrder::Name { descending: true }),
            [
                "Xã Yên Thế",
                "Xã Đồng Tâm",
                "Xã Dương Hòa",
                "xã Ân Thi",
                "(Chưa rõ đơn vị)",
                "Tổng cộng"
            ]
        );
    }

    #[test]
    fn units_by_a_column_are_ordered_by_its_figure_ties_in_report_order() {
        let r = sample();
        let cols = columns(&r, Lang::Vi);
        let people = cols.iter().position(|c| c.stat == "people").unwrap();
        let women = cols.iter().position(|c| c.stat == "gender.nu").unwrap();
        assert_eq!(
            names(
                &r,
                UnitOrder::Column {
                    column: people,
                    descending: true
                }
            ),
            [
                "xã Ân Thi",
                "Xã Yên Thế",
                "Xã Dương Hòa",
                "Xã Đồng Tâm",
                "(Chưa rõ đơn vị)",
                "Tổng cộng"
            ]
        );
        assert_eq!(
            names(
                &r,
                UnitOrder::Column {
                    column: people,
                    descending: false
                }
            ),
            [
                "Xã Đồng Tâm",
                "(Chưa rõ đơn vị)",
                "Xã Yên Thế",
                "Xã Dương Hòa",
                "xã Ân Thi",
                "Tổng cộng"
            ]
        );
        // One woman each in four units: ties keep the report's order, descending too.
        assert_eq!(
            names(
                &r,
                UnitOrder::Column {
                    column: women,
                    descending: true
                }
            ),
            [
                "Xã Yên Thế",
                "Xã Đồng Tâm",
                "xã Ân Thi",
                "Xã Dương Hòa",
                "(Chưa rõ đơn vị)",
                "Tổng cộng"
            ]
        );
        // A column the form does not have changes nothing.
        assert_eq!(
            names(
                &r,
                UnitOrder::Column {
                    column: 999,
                    descending: true
                }
            ),
            names(&r, UnitOrder::Report)
        );
    }

    #[test]
    fn a_unit_without_the_figure_comes_last_either_way() {
        let r = sample();
        let mut cols = columns(&r, Lang::Vi);
        // A figure only the units of two people with one woman have: Yên Thế and Dương Hòa.
        cols.push(FormColumn {
            group: String::new(),
            label: String::new(),
            stat: String::new(),
            value: Box::new(|f| {
                (f.people == 2 && f.gender.as_ref().is_some_and(|g| g.get(Gender::Nu) == 1))
                    .then_some(1)
            }),
        });
        let rows = rows(&r, Lang::Vi);
        for descending in [false, true] {
            let order = ordered(
                &rows,
                &cols,
                UnitOrder::Column {
                    column: cols.len() - 1,
                    descending,
                },
            );
            let names: Vec<&str> = order.iter().map(|&i| rows[i].0.as_str()).collect();
            assert_eq!(names[..2], ["Xã Yên Thế", "Xã Dương Hòa"], "{descending}");
            assert_eq!(names.last(), Some(&"Tổng cộng"));
        }
    }
}
