//! A cross-tab of any two dimensions (from the core's `crosstab`); each cell lists its people.

use canbo_core::report::{Dimension, Filter};
use leptos::prelude::*;

use super::{value_labels, Count, MoreRows, ROWS_AT_ONCE};
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;

#[component]
pub fn CrossTabView() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let rows_dim = RwSignal::new(Dimension::Unit);
    let cols_dim = RwSignal::new(Dimension::Category);
    // Rows and columns shown of a long dimension (units, names of schools…).
    let shown_rows = RwSignal::new(ROWS_AT_ONCE);
    let shown_cols = RwSignal::new(ROWS_AT_ONCE);
    let picker = move |id: &'static str, which: RwSignal<Dimension>, lang| {
        let options = Dimension::ALL
            .iter()
            .map(|&d| {
                view! { <option value=d.code() selected=move || which.get() == d>{d.label(lang)}</option> }
            })
            .collect_view();
        view! {
            <select id=id on:change=move |ev| {
                if let Some(d) = Dimension::from_code(&event_target_value(&ev)) { which.set(d) }
            }>{options}</select>
        }
    };
    move || {
        let lang = s.lang.get();
        let options = s.options.get();
        let (r, c) = (rows_dim.get(), cols_dim.get());
        let table = state
            .coded
            .with(|coded| coded.as_ref().map(|coded| coded.crosstab(&options, r, c)))?;
        // The core gives the values in the report's order. The report is read in place, not
        // copied (10,000 units' figures at a province).
        let mut row_order: Vec<usize> = (0..table.row_values.len()).collect();
        let mut col_order: Vec<usize> = (0..table.col_values.len()).collect();
        let (rl, cl) = s.report.with(|report| {
            report.as_ref().map(|report| {
                (
                    value_labels(r, &table.row_values, report, lang),
                    value_labels(c, &table.col_values, report, lang),
                )
            })
        })?;
        let (total_rows, total_cols) = (row_order.len(), col_order.len());
        row_order.truncate(shown_rows.get());
        col_order.truncate(shown_cols.get());
        let head = col_order
            .iter()
            .map(|&j| view! { <th scope="col">{cl[j].clone()}</th> })
            .collect_view();
        let body = row_order
            .iter()
            .map(|&i| {
                let cells = col_order
                    .iter()
                    .map(|&j| {
                        let value = table
                            .counts
                            .get(i)
                            .and_then(|row| row.get(j))
                            .copied()
                            .unwrap_or(0);
                        let filter = Filter::default()
                            .and(r, vec![table.row_values[i].clone()])
                            .and(c, vec![table.col_values[j].clone()]);
                        let title = format!("{} — {}", rl[i], cl[j]);
                        view! { <td class="num"><Count value drill=(title, filter) /></td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{rl[i].clone()}</th>{cells}</tr> }
            })
            .collect_view();
        Some(view! {
            <section class="crosstab" aria-label=t("Bảng chéo", "Cross-tab")>
                <h2>{t("Bảng chéo", "Cross-tab")}</h2>
                <div class="crosstab-pickers no-print">
                    <label for="ct-rows">{t("Hàng", "Rows")}</label>
                    {picker("ct-rows", rows_dim, lang)}
                    <label for="ct-cols">{t("Cột", "Columns")}</label>
                    {picker("ct-cols", cols_dim, lang)}
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-label=t("Bảng chéo", "Cross-tab")>
                    <table data-testid="crosstab">
                        <thead><tr><th scope="col">{r.label(lang)} " \\ " {c.label(lang)}</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                <MoreRows shown=shown_rows total=total_rows what_vi="hàng" what_en="rows" />
                <MoreRows shown=shown_cols total=total_cols what_vi="cột" what_en="columns" />
            </section>
        })
    }
}
