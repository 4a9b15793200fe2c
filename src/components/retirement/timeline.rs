//! The forecast as a table: past the age, each year and the total, for everyone, by unit and
//! by title; each count a button that lists its people.

use std::sync::Arc;

use canbo_core::export::Lang;
use canbo_core::retirement::{Forecast, RetireePick as Pick};
use leptos::prelude::*;
use serde_json::Value;

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
    // Only the counts the cells read, not the list of people, and only the units shown (a
    // province has thousands; the rows come first to last).
    let units_now = units_shown.get();
    let rows = Rows {
        f,
        json: Arc::new(serde_json::json!({
            "years": f.years,
            "overdue": f.overdue,
            "by_unit": &f.by_unit[..f.by_unit.len().min(units_now)],
            "by_title": f.by_title,
        })),
        lang,
        pick,
    };
    let year_heads = f
        .years
        .iter()
        .map(|y| view! { <th scope="col">{y.year}</th> })
        .collect_view();
    let units_total = f.by_unit.len();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("Theo năm", "By year")>
            <table class="form-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{t("Đã quá tuổi", "Overdue")}</th>
                    {year_heads}
                    <th scope="col">{t("Cộng", "Total")}</th>
                </tr></thead>
                <tbody>{rows.total_row()}</tbody>
                <tbody>
                    <tr><th colspan="99" class="group">{t("Theo đơn vị", "By unit")}</th></tr>
                    {rows.unit_rows(units_now)}
                    {(units_total > units_now).then(|| view! {
                        <tr><td colspan="99"><MoreRows shown=units_shown total=units_total what_vi="đơn vị" what_en="units" /></td></tr>
                    })}
                </tbody>
                <tbody>
                    <tr><th colspan="99" class="group">{t("Theo chức danh", "By title")}</th></tr>
                    {rows.title_rows()}
                </tbody>
            </table>
        </div>
    }
}

/// What every row of the table reads: the forecast, its counts as JSON (the cells'
/// `data-figure`), and the pick a click sets.
struct Rows<'a> {
    f: &'a Forecast,
    json: Arc<Value>,
    lang: Lang,
    pick: RwSignal<Pick>,
}

impl Rows<'_> {
    /// Everyone: overdue, each year and the total, each a button for all its people.
    fn total_row(&self) -> impl IntoView {
        let (pick, json) = (self.pick, &self.json);
        let cell = |path: &str| view! { <Fig json=json.clone() path=path.to_string() /> };
        let years = self
            .f
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
                <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick::default())>{num(self.f.people.len() as u32, self.lang)}</button></td>
            </tr>
        }
    }

    /// The first `shown` units.
    fn unit_rows(&self, shown: usize) -> impl IntoView {
        self.f
            .by_unit
            .iter()
            .enumerate()
            .take(shown)
            .map(|(i, u)| {
                self.row(
                    canbo_core::export::table::display_unit(&u.unit, self.lang),
                    format!("by_unit.{i}."),
                    Pick {
                        unit: Some(i),
                        ..Default::default()
                    },
                )
            })
            .collect_view()
    }

    fn title_rows(&self) -> impl IntoView {
        self.f
            .by_title
            .iter()
            .enumerate()
            .map(|(i, by)| {
                self.row(
                    title_label(by.title, self.lang).to_string(),
                    format!("by_title.{i}."),
                    Pick {
                        title: Some(i),
                        ..Default::default()
                    },
                )
            })
            .collect_view()
    }

    /// A row of a timeline: overdue, each year, total; each count a button for its people.
    fn row(&self, label: String, prefix: String, base: Pick) -> impl IntoView {
        let years = self
            .f
            .years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let p = Pick {
                    year: Some(y.year),
                    ..base.clone()
                };
                view! { <td class="num">{self.count(format!("{prefix}years.{i}.count"), p)}</td> }
            })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{self.count(format!("{prefix}overdue"), Pick { overdue: true, ..base.clone() })}</td>
                {years}
                <td class="num">{self.count(format!("{prefix}total"), base.clone())}</td>
            </tr>
        }
    }

    /// The count at `path`, a button that picks `p`; nothing where the JSON has no count.
    fn count(&self, path: String, p: Pick) -> Option<impl IntoView> {
        let pick = self.pick;
        let value = at(&self.json, &path)?;
        let label = t("xem danh sách", "list the people");
        Some(view! {
            <button type="button" class="count link" data-figure=path data-value=value aria-label=label
                on:click=move |_| pick.set(p.clone())>{num(value, self.lang)}</button>
        })
    }
}
