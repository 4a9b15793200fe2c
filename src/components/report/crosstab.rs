//! A cross-tab of any two dimensions (from the core's `crosstab`); each cell lists its people.

use canbo_core::report::{Dimension, Filter};
use leptos::prelude::*;

use super::{Count, MoreRows, ROWS_AT_ONCE};
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;

#[component]
pub fn CrossTabView() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let turn = crate::turns::Turn::here();
    let rows_dim = RwSignal::new(Dimension::Unit);
    let cols_dim = RwSignal::new(Dimension::Category);
    // Rows and columns shown of a long dimension (units, names of schools…).
    let shown_rows = RwSignal::new(ROWS_AT_ONCE);
    let shown_cols = RwSignal::new(ROWS_AT_ONCE);
    // A dimension picked on both sides would be a table of its diagonal only, and for units
    // at a province 10,000 × 10,000 counts (400 MB): the other side takes this side's old
    // dimension instead (the two swap).
    let pick = move |which: RwSignal<Dimension>, other: RwSignal<Dimension>, d: Dimension| {
        let was = which.get_untracked();
        if other.get_untracked() == d {
            other.set(was);
        }
        which.set(d);
    };
    let picker = move |id: &'static str, which: RwSignal<Dimension>, other, lang| {
        let options = Dimension::ALL
            .iter()
            .map(|&d| {
                view! { <option value=d.code() prop:selected=move || which.get() == d>{d.label(lang)}</option> }
            })
            .collect_view();
        view! {
            <select id=id on:change=move |ev| {
                if let Some(d) = Dimension::from_code(&event_target_value(&ev)) { pick(which, other, d) }
            }>{options}</select>
        }
    };
    move || {
        let lang = s.lang.get();
        let options = turn.get(s.options);
        let (r, c) = (rows_dim.get(), cols_dim.get());
        // The core gives the values in the report's order, and names those shown (a
        // province's 10,000 units are not all named for the first 50 rows).
        let (table, rl, cl) = turn.with(state.coded, |coded| {
            let coded = coded.as_ref()?;
            let table = coded.crosstab(&options, r, c);
            let rows = &table.row_values[..table.row_values.len().min(shown_rows.get())];
            let cols = &table.col_values[..table.col_values.len().min(shown_cols.get())];
            let rl = coded.labels(r, rows, &options, lang);
            let cl = coded.labels(c, cols, &options, lang);
            Some((table, rl, cl))
        })?;
        let (total_rows, total_cols) = (table.row_values.len(), table.col_values.len());
        let row_order: Vec<usize> = (0..rl.len()).collect();
        let col_order: Vec<usize> = (0..cl.len()).collect();
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
                    {picker("ct-rows", rows_dim, cols_dim, lang)}
                    <label for="ct-cols">{t("Cột", "Columns")}</label>
                    {picker("ct-cols", cols_dim, rows_dim, lang)}
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
