//! The forecast as a table: past the age, each year and the total, for everyone, by unit and
//! by title; each count a button that lists its people.

use canbo_core::export::Lang;
use canbo_core::retirement::{Forecast, RetireePick as Pick};
use leptos::prelude::*;

use super::title_label;
use crate::components::figures::{at, Fig};
use crate::components::report::MoreRows;
use crate::i18n::{num, t};

/// The timeline table; a click on a count sets `pick`.
pub fn timeline_table(
    f: &Forecast,
    lang: Lang,
    pick: RwSignal<Pick>,
    units_shown: RwSignal<usize>,
) -> impl IntoView {
    // Only the counts the cells read, not the list of people.
    let json = std::sync::Arc::new(serde_json::json!({
        "years": f.years,
        "overdue": f.overdue,
        "by_unit": f.by_unit,
        "by_title": f.by_title,
    }));
    let year_heads = f
        .years
        .iter()
        .map(|y| view! { <th scope="col">{y.year}</th> })
        .collect_view();
    // A row of a timeline: overdue, each year, total; each count a button for its people.
    let timeline_row = |label: String, prefix: String, base: Pick| {
        let json = json.clone();
        let cell = move |path: String, p: Pick| {
            let value = at(&json, &path);
            let label = t("xem danh sách", "list the people");
            value.map(|value| {
                let p2 = p.clone();
                view! {
                    <button type="button" class="count link" data-figure=path data-value=value aria-label=label
                        on:click=move |_| pick.set(p2.clone())>{num(value, lang)}</button>
                }
            })
        };
        let years = f
            .years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let p = Pick {
                    year: Some(y.year),
                    ..base.clone()
                };
                view! { <td class="num">{cell(format!("{prefix}years.{i}.count"), p)}</td> }
            })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{cell(format!("{prefix}overdue"), Pick { overdue: true, ..base.clone() })}</td>
                {years}
                <td class="num">{cell(format!("{prefix}total"), base.clone())}</td>
            </tr>
        }
    };
    let total_row = {
        let json = json.clone();
        let cell = |path: &str| view! { <Fig json=json.clone() path=path.to_string() /> };
        let years = f
            .years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let year = y.year;
                view! { <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick { year: Some(year), ..Default::default() })>{cell(&format!("years.{i}.count"))}</button></td> }
            })
            .collect_view();
        view! {
            <tr class="total">
                <th scope="row">{t("Toàn bộ", "All")}</th>
                <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick { overdue: true, ..Default::default() })>{cell("overdue")}</button></td>
                {years}
                <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick::default())>{num(f.people.len() as u32, lang)}</button></td>
            </tr>
        }
    };
    let units_total = f.by_unit.len();
    let unit_rows = f
        .by_unit
        .iter()
        .enumerate()
        .take(units_shown.get())
        .map(|(i, u)| {
            timeline_row(
                canbo_core::export::table::display_unit(&u.unit, lang),
                format!("by_unit.{i}."),
                Pick {
                    unit: Some(i),
                    ..Default::default()
                },
            )
        })
        .collect_view();
    let title_rows = f
        .by_title
        .iter()
        .enumerate()
        .map(|(i, by)| {
            timeline_row(
                title_label(by.title, lang).to_string(),
                format!("by_title.{i}."),
                Pick {
                    title: Some(i),
                    ..Default::default()
                },
            )
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("Theo năm", "By year")>
            <table class="form-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{t("Đã quá tuổi", "Overdue")}</th>
                    {year_heads}
                    <th scope="col">{t("Cộng", "Total")}</th>
                </tr></thead>
                <tbody>{total_row}</tbody>
                <tbody>
                    <tr><th colspan="99" class="group">{t("Theo đơn vị", "By unit")}</th></tr>
                    {unit_rows}
                    {(units_total > units_shown.get()).then(|| view! {
                        <tr><td colspan="99"><MoreRows shown=units_shown total=units_total what_vi="đơn vị" what_en="units" /></td></tr>
                    })}
                </tbody>
                <tbody>
                    <tr><th colspan="99" class="group">{t("Theo chức danh", "By title")}</th></tr>
                    {title_rows}
                </tbody>
            </table>
        </div>
    }
}
