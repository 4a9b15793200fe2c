//! The official per-unit form (`export::table`), sortable by any column, the total last.

use canbo_core::export::table::{columns, rows};
use canbo_core::report::{Dimension, Filter};
use canbo_core::roster::unit_key;
use leptos::prelude::*;

use super::{drill_filter, Count, MoreRows, ROWS_AT_ONCE};
use crate::i18n::t;
use crate::settings::Settings;

/// How the units are ordered: as the roster gives them (the first file's order, then the
/// next), or by a column the user chose (`Some(None)`: the unit's name, in Vietnamese
/// alphabetical order), ascending or descending.
#[derive(Clone, Copy, PartialEq, Default)]
struct Sort {
    column: Option<Option<usize>>,
    descending: bool,
}

#[component]
pub fn UnitTable() -> impl IntoView {
    let s = expect_context::<Settings>();
    let sort = RwSignal::new(Sort::default());
    let shown = RwSignal::new(ROWS_AT_ONCE);
    let sorted_by = move |column: Option<usize>| {
        sort.update(|now| {
            if now.column == Some(column) {
                now.descending = !now.descending;
            } else {
                *now = Sort {
                    column: Some(column),
                    descending: column.is_some(),
                };
            }
        })
    };
    move || {
        let lang = s.lang.get();
        let Sort { column, descending } = sort.get();
        s.report.with(|report| {
            let report = report.as_ref()?;
            let cols = columns(report, lang);
            let all_rows = rows(report, lang);
            let (total_name, total) = all_rows.last().cloned()?;
            let mut units: Vec<(String, String, &canbo_core::report::Figures)> = all_rows
                [..all_rows.len() - 1]
                .iter()
                .zip(&report.units)
                .map(|((name, figures), unit)| (name.clone(), unit_key(&unit.unit), *figures))
                .collect();
            match column {
                None => {}
                Some(None) => units.sort_by_cached_key(|u| canbo_core::text::collate::key(&u.0)),
                Some(Some(c)) => units.sort_by_key(|u| (cols[c].value)(u.2)),
            }
            if descending {
                units.reverse();
            }
            let aria_sort = move |c: Option<usize>| {
                if column == Some(c) {
                    if descending { "descending" } else { "ascending" }
                } else {
                    "none"
                }
            };
            // Group headers: consecutive columns with the same group share one cell.
            let mut groups: Vec<(String, usize)> = Vec::new();
            for col in &cols {
                match groups.last_mut() {
                    Some((g, n)) if *g == col.group => *n += 1,
                    _ => groups.push((col.group.clone(), 1)),
                }
            }
            let group_row = groups
                .into_iter()
                .map(|(g, n)| view! { <th scope="colgroup" colspan=n>{g}</th> })
                .collect_view();
            let unit_heading = t("Đơn vị", "Unit");
            let header = cols
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    let label = col.label.clone();
                    view! {
                        <th scope="col" aria-sort=aria_sort(Some(i))>
                            <button type="button" class="sort" on:click=move |_| sorted_by(Some(i))>
                                {label}
                            </button>
                        </th>
                    }
                })
                .collect_view();
            let cell = |figures: &canbo_core::report::Figures, unit: Option<(&str, &str)>| {
                cols.iter()
                    .map(|col| {
                        let value = (col.value)(figures);
                        // A count the sender of a shared report hid: «<3».
                        if let Some(shown) = unit.and_then(|(_, key)| {
                            crate::components::share::hidden_in_unit(report, key, &col.stat)
                        }) {
                            return view! { <td class="num" data-col=col.stat.clone()><span class="count hidden-count">{shown}</span></td> }.into_any();
                        }
                        let content = value.map(|value| {
                            let filter = drill_filter(&col.stat);
                            match (filter, unit) {
                                (Some(f), Some((name, key))) => {
                                    let f = Filter {
                                        conditions: [(Dimension::Unit, vec![key.to_string()])]
                                            .into_iter()
                                            .chain(f.conditions)
                                            .collect(),
                                    };
                                    let title = format!("{name} — {} {}", col.group, col.label);
                                    view! { <Count value drill=(title, f) /> }.into_any()
                                }
                                (Some(f), None) => {
                                    let title = format!("{} {}", col.group, col.label);
                                    view! { <Count value drill=(title, f) /> }.into_any()
                                }
                                _ => view! { <Count value /> }.into_any(),
                            }
                        });
                        view! { <td class="num" data-col=col.stat.clone()>{content}</td> }.into_any()
                    })
                    .collect_view()
            };
            let total_units = units.len();
            let body = units
                .iter()
                .take(shown.get())
                .map(|(name, key, figures)| {
                    view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            {cell(figures, Some((name, key)))}
                        </tr>
                    }
                })
                .collect_view();
            let total_row = view! {
                <tr class="total">
                    <th scope="row">{total_name}</th>
                    {cell(total, None)}
                </tr>
            };
            Some(view! {
                <section class="units" aria-label=t("Theo đơn vị", "By unit")>
                    <h2>{t("Số lượng, chất lượng theo đơn vị", "Quantity and quality by unit")}</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("Bảng theo đơn vị", "Table by unit")>
                        <table class="form-table" data-testid="unit-table">
                            <thead>
                                <tr>
                                    <th rowspan="2" scope="col" aria-sort=aria_sort(None)>
                                        <button type="button" class="sort" on:click=move |_| sorted_by(None)>
                                            {unit_heading}
                                        </button>
                                    </th>
                                    {group_row}
                                </tr>
                                <tr>{header}</tr>
                            </thead>
                            <tbody>{body}</tbody>
                            <tfoot>{total_row}</tfoot>
                        </table>
                    </div>
                    <MoreRows shown total=total_units what_vi="đơn vị" what_en="units" />
                </section>
            })
        })
    }
}
