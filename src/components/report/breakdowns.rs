//! The headline figures, every breakdown with counts, shares and a bar chart, and the age
//! pyramid by gender. The figures and their paths come from `report::stats`.

use canbo_core::codes::{Code, Gender};
use canbo_core::export::table::{columns, FormColumn};
use canbo_core::export::Lang;
use canbo_core::report::{stats, Dimension, Report, Stat};
use leptos::prelude::*;

use super::{drill_filter, Count};
use crate::i18n::{lang, num, t};
use crate::settings::Settings;
use crate::state::AppState;

/// The breakdowns in the report's order, with their headings.
const GROUPS: [(&str, &str, &str); 7] = [
    ("category", "Phân loại", "Category"),
    ("gender", "Giới tính", "Gender"),
    ("general_education", "Trình độ văn hóa", "General education"),
    (
        "professional",
        "Trình độ chuyên môn",
        "Professional qualification",
    ),
    ("political_theory", "Lý luận chính trị", "Political theory"),
    ("state_management", "Quản lý nhà nước", "State management"),
    ("evaluation", "Đánh giá, xếp loại", "Evaluation"),
];

/// The figures of the headline cards, as `report::stats` names them; each is labelled as
/// the official form's column of that figure.
const HEADLINES: [&str; 6] = [
    "people",
    "category.can_bo",
    "category.cong_chuc",
    "gender.nu",
    "party_member",
    "ethnic_minority",
];

/// The yes/no figures of the «Trong đó» card, labelled as the form's columns.
const OF_WHOM: [&str; 3] = ["party_member", "ethnic_minority", "religious"];

/// The label of the official form's column of figure `path` (`export::table::columns`).
fn form_label(form: &[FormColumn], path: &str) -> Option<String> {
    form.iter()
        .find(|c| c.stat == path)
        .map(|c| c.label.clone())
}

/// A breakdown's code as the report labels it (`Dimension::value_label`).
fn label(key: &str, code: &str, report: &Report, lang: Lang) -> String {
    Dimension::from_code(key)
        .map_or_else(|| code.to_string(), |d| d.value_label(code, report, lang))
}

fn find(stats: &[Stat], path: &str) -> Option<u32> {
    stats.iter().find(|s| s.path == path).map(|s| s.value)
}

#[component]
pub fn Headlines() -> impl IntoView {
    let s = expect_context::<Settings>();
    move || {
        // Before an import's roster is read back, from the figures its worker sent ahead
        // (marked `data-ahead`: the sections follow with the roster).
        let ahead = s.report.with(Option::is_none).then_some("true");
        s.headlines(|report| {
            let all = stats(report);
            let form = columns(report, lang());
            let cards = HEADLINES
                .into_iter()
                .filter_map(|path| {
                    let value = find(&all, path)?;
                    let title = form_label(&form, path)?;
                    let whole = (path != "people").then_some(report.people);
                    let drill = drill_filter(path).map(|f| (title.clone(), f));
                    Some(view! {
                        <div class="stat-card">
                            <span class="stat-label">{title}</span>
                            <span class="stat-number">
                                {match whole {
                                    Some(whole) => view! { <Count stat=path.to_string() value whole drill=drill.unwrap() /> }.into_any(),
                                    None => view! { <Count stat=path.to_string() value drill=drill.unwrap() /> }.into_any(),
                                }}
                            </span>
                        </div>
                    })
                })
                .collect_view();
            view! {
                <section class="headlines" data-ahead=ahead aria-label=t("Số liệu chính", "Key figures")>
                    <h2>
                        {t("Đội ngũ tính đến ngày ", "Workforce as of ")}
                        {crate::format::date(report.as_of)}
                    </h2>
                    <div class="stat-cards">{cards}</div>
                </section>
            }
        })
    }
}

/// One breakdown as a table with a bar per row.
fn card(title: String, rows: Vec<(String, String, u32)>, whole: u32, lang: Lang) -> impl IntoView {
    let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    let caption = title.clone();
    let rows = rows
        .into_iter()
        .map(|(label, path, value)| {
            let width = f64::from(value) / f64::from(max) * 100.0;
            let drill = drill_filter(&path).map(|f| (format!("{caption} — {label}"), f));
            let count = match drill {
                Some(drill) => view! { <Count stat=path value whole drill /> }.into_any(),
                None => view! { <Count stat=path value whole /> }.into_any(),
            };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{count}</td>
                    <td class="bar" aria-hidden="true">
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="12">
                            <rect x="0" y="1" height="8" width=format!("{width:.2}") rx="1"></rect>
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let _ = lang;
    view! {
        <figure class="breakdown">
            <table>
                <caption>{title}</caption>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

#[component]
pub fn Breakdowns() -> impl IntoView {
    let s = expect_context::<Settings>();
    let turn = crate::turns::Turn::here();
    move || {
        let lang = s.lang.get();
        turn.with(s.report, |report| {
            let report = report.as_ref()?;
            let all = stats(report);
            let whole = report.people;
            let mut cards = Vec::new();
            for (key, vi, en) in GROUPS {
                let prefix = format!("{key}.");
                let rows: Vec<_> = all
                    .iter()
                    .filter_map(|st| {
                        let code = st.path.strip_prefix(&prefix)?;
                        Some((label(key, code, report, lang), st.path.clone(), st.value))
                    })
                    .collect();
                if !rows.is_empty() {
                    cards.push(card(t(vi, en).to_string(), rows, whole, lang).into_any());
                }
            }
            // Yes/no figures.
            let form = columns(report, lang);
            let others: Vec<_> = OF_WHOM
                .into_iter()
                .filter_map(|path| {
                    Some((
                        form_label(&form, path)?,
                        path.to_string(),
                        find(&all, path)?,
                    ))
                })
                .collect();
            if !others.is_empty() {
                cards.push(
                    card(t("Trong đó", "Of whom").to_string(), others, whole, lang).into_any(),
                );
            }
            cards.push(age_card(report, &all, lang).into_any());
            Some(view! {
                <section class="breakdowns" aria-label=t("Cơ cấu đội ngũ", "Breakdowns")>
                    <h2>{t("Cơ cấu đội ngũ", "Breakdowns")}</h2>
                    <div class="cards">{cards}</div>
                    <AgePyramid />
                </section>
            })
        })
    }
}

/// The age bands, with their bounds as figures of the contract too (`all`: the report's
/// [`stats`]). It reads the report in place: a province's report is not copied for it.
fn age_card(report: &Report, all: &[Stat], lang: Lang) -> impl IntoView {
    let mut rows: Vec<(String, String, u32)> = report
        .age
        .bands
        .iter()
        .enumerate()
        .filter_map(|(i, band)| {
            let path = format!("age.bands.{i}.count");
            Some((band.label.to_string(), path.clone(), find(all, &path)?))
        })
        .collect();
    let unknown = form_label(&columns(report, lang), "age.unknown").unwrap_or_default();
    rows.push((
        unknown,
        "age.unknown".to_string(),
        find(all, "age.unknown").unwrap_or(report.age.unknown),
    ));
    let bounds = report
        .age
        .bands
        .iter()
        .enumerate()
        .flat_map(|(i, band)| {
            [("from", band.from), ("to", band.to)]
                .into_iter()
                .filter_map(move |(end, value)| {
                    let value = value?;
                    Some(view! { <span hidden data-stat=format!("age.bands.{i}.{end}") data-value=value></span> })
                })
        })
        .collect_view();
    view! {
        {card(t("Độ tuổi", "Age").to_string(), rows, report.people, lang)}
        <div hidden>{bounds}</div>
    }
}

/// Men to the left, women to the right, the youngest band at the bottom.
#[component]
fn AgePyramid() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let turn = crate::turns::Turn::here();
    move || {
        let lang = s.lang.get();
        let options = turn.get(s.options);
        // The bands' labels only: the report (10,000 units' figures at a province) is not
        // copied.
        let labels: Vec<String> = turn.with(s.report, |r| {
            r.as_ref()
                .map(|r| r.age.bands.iter().map(|b| b.label.to_string()).collect())
        })?;
        let table = turn.with(state.coded, |coded| {
            coded
                .as_ref()
                .map(|c| c.crosstab(&options, Dimension::AgeBand, Dimension::Gender))
        })?;
        let bands: Vec<(String, u32, u32)> = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let band = i.to_string();
                (
                    label,
                    table.count(&band, Gender::Nam.code()),
                    table.count(&band, Gender::Nu.code()),
                )
            })
            .rev()
            .collect();
        let max = bands.iter().map(|b| b.1.max(b.2)).max().unwrap_or(0).max(1);
        let row_h = 28.0;
        let height = row_h * bands.len() as f64 + 30.0;
        let half = 200.0;
        let rows = bands
            .iter()
            .enumerate()
            .map(|(i, (label, men, women))| {
                let y = 24.0 + i as f64 * row_h;
                let wm = f64::from(*men) / f64::from(max) * (half - 60.0);
                let ww = f64::from(*women) / f64::from(max) * (half - 60.0);
                view! {
                    <g>
                        <rect class="men" x=format!("{:.1}", half - 30.0 - wm) y=y width=format!("{wm:.1}") height=row_h - 6.0></rect>
                        <rect class="women" x=half + 30.0 y=y width=format!("{ww:.1}") height=row_h - 6.0></rect>
                        <text class="band" x=half y=y + 16.0 text-anchor="middle">{label.clone()}</text>
                        <text x=format!("{:.1}", half - 34.0 - wm) y=y + 16.0 text-anchor="end">{num(*men, lang)}</text>
                        <text x=format!("{:.1}", half + 34.0 + ww) y=y + 16.0>{num(*women, lang)}</text>
                    </g>
                }
            })
            .collect_view();
        let title = t("Tháp tuổi theo giới tính", "Age pyramid by gender");
        let desc = bands
            .iter()
            .map(|(l, m, w)| {
                format!(
                    "{l}: {} {}, {} {}",
                    num(*m, lang),
                    t("nam", "men"),
                    num(*w, lang),
                    t("nữ", "women")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        Some(view! {
            <figure class="pyramid">
                <figcaption>{title}</figcaption>
                <svg viewBox=format!("0 0 {} {height}", half * 2.0) role="img" aria-label=format!("{title}. {desc}")>
                    <text class="legend" x=half - 34.0 y="14" text-anchor="end">{t("Nam", "Men")}</text>
                    <text class="legend" x=half + 34.0 y="14">{t("Nữ", "Women")}</text>
                    {rows}
                </svg>
            </figure>
        })
    }
}
