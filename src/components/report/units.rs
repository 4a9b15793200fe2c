//! The official per-unit form (`export::table`), sortable by any column, the total last. The
//! order is the core's (`export::table::ordered`); this module shows it.

use canbo_core::export::table::{columns, ordered, rows, FormColumn, UnitOrder};
use canbo_core::report::{Dimension, Figures, Filter, Report};
use canbo_core::roster::unit_key;
use leptos::prelude::*;

use super::{drill_filter, Count, MoreRows, UNITS_AT_ONCE};
use crate::i18n::t;
use crate::settings::Settings;

/// A click on a heading: the unit's name (`None`) or a column. A new column starts with the
/// largest figures first, the name with A; the same heading again turns the order round.
fn clicked(now: UnitOrder, heading: Option<usize>) -> UnitOrder {
    match (now, heading) {
        (UnitOrder::Name { descending }, None) => UnitOrder::Name {
            descending: !descending,
        },
        (UnitOrder::Column { column, descending }, Some(c)) if column == c => UnitOrder::Column {
            column,
            descending: !descending,
        },
        (_, None) => UnitOrder::Name { descending: false },
        (_, Some(column)) => UnitOrder::Column {
            column,
            descending: true,
        },
    }
}

/// `aria-sort` of a heading (`None`: the unit's name) under `order`.
fn aria_sort(order: UnitOrder, heading: Option<usize>) -> &'static str {
    let descending = match (order, heading) {
        (UnitOrder::Name { descending }, None) => descending,
        (UnitOrder::Column { column, descending }, Some(c)) if column == c => descending,
        _ => return "none",
    };
    if descending {
        "descending"
    } else {
        "ascending"
    }
}

#[component]
pub fn UnitTable() -> impl IntoView {
    let s = expect_context::<Settings>();
    let turn = crate::turns::Turn::here();
    let order = RwSignal::new(UnitOrder::Report);
    let shown = RwSignal::new(UNITS_AT_ONCE);
    move || {
        let lang = s.lang.get();
        let order_now = order.get();
        turn.with(s.report, |report| {
            let report = report.as_ref()?;
            let cols = columns(report, lang);
            let all_rows = rows(report, lang);
            let in_order = ordered(&all_rows, &cols, order_now);
            let (&total, units) = in_order.split_last()?;
            let total_units = units.len();
            let unit_rows = units
                .iter()
                .take(shown.get())
                .filter_map(|&i| {
                    let (name, figures) = all_rows.get(i)?;
                    let key = unit_key(&report.units.get(i)?.unit);
                    Some(view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            {unit_cells(report, &cols, figures, Some((name, &key)))}
                        </tr>
                    })
                })
                .collect_view();
            let (total_name, total_figures) = all_rows.get(total)?;
            Some(view! {
                <section class="units" aria-label=t("Theo đơn vị", "By unit")>
                    <h2>{t("Số lượng, chất lượng theo đơn vị", "Quantity and quality by unit")}</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("Bảng theo đơn vị", "Table by unit")>
                        <table class="form-table" data-testid="unit-table">
                            <thead>{form_headings(&cols, order_now, order)}</thead>
                            <tbody>{unit_rows}</tbody>
                            <tfoot>
                                <tr class="total">
                                    <th scope="row">{total_name.clone()}</th>
                                    {unit_cells(report, &cols, total_figures, None)}
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                    <MoreRows shown total=total_units what_vi="đơn vị" what_en="units" step=UNITS_AT_ONCE />
                </section>
            })
        })
    }
}

/// The two heading rows: the unit column and the column groups, then each column; every
/// heading a button that orders the units by it (`now`: the order shown).
fn form_headings(cols: &[FormColumn], now: UnitOrder, order: RwSignal<UnitOrder>) -> impl IntoView {
    let sort_by = move |heading: Option<usize>| order.update(|o| *o = clicked(*o, heading));
    // Consecutive columns with the same group share one cell.
    let mut groups: Vec<(String, usize)> = Vec::new();
    for col in cols {
        match groups.last_mut() {
            Some((g, n)) if *g == col.group => *n += 1,
            _ => groups.push((col.group.clone(), 1)),
        }
    }
    let group_row = groups
        .into_iter()
        .map(|(g, n)| view! { <th scope="colgroup" colspan=n>{g}</th> })
        .collect_view();
    let column_row = cols
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let label = col.label.clone();
            view! {
                <th scope="col" aria-sort=aria_sort(now, Some(i))>
                    <button type="button" class="sort" on:click=move |_| sort_by(Some(i))>
                        {label}
                    </button>
                </th>
            }
        })
        .collect_view();
    view! {
        <tr>
            <th rowspan="2" scope="col" aria-sort=aria_sort(now, None)>
                <button type="button" class="sort" on:click=move |_| sort_by(None)>
                    {t("Đơn vị", "Unit")}
                </button>
            </th>
            {group_row}
        </tr>
        <tr>{column_row}</tr>
    }
}

/// A row's figures, one cell per column, each count opening the people behind it. `unit`:
/// the unit's name and key, `None` for the total.
fn unit_cells(
    report: &Report,
    cols: &[FormColumn],
    figures: &Figures,
    unit: Option<(&str, &str)>,
) -> impl IntoView {
    cols.iter()
        .map(|col| {
            // A count the sender of a shared report hid: «<3».
            if let Some(shown) = unit.and_then(|(_, key)| {
                crate::components::share::hidden_in_unit(report, key, &col.stat)
            }) {
                return view! { <td class="num" data-col=col.stat.clone()><span class="count hidden-count">{shown}</span></td> }.into_any();
            }
            let content = (col.value)(figures).map(|value| {
                match (drill_filter(&col.stat), unit) {
                    (Some(f), Some((name, key))) => {
                        let f = Filter {
                            conditions: [(Dimension::Unit, vec![key.to_string()])]
                                .into_iter()
                                .chain(f.conditions)
                                .collect(),
                        };
                        let title = format!("{name} — {}", col.title());
                        view! { <Count value drill=(title, f) /> }.into_any()
                    }
                    (Some(f), None) => {
                        let title = col.title();
                        view! { <Count value drill=(title, f) /> }.into_any()
                    }
                    _ => view! { <Count value /> }.into_any(),
                }
            });
            view! { <td class="num" data-col=col.stat.clone()>{content}</td> }.into_any()
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_heading_clicked_again_turns_the_order_round_and_a_new_column_starts_largest_first() {
        let name = clicked(UnitOrder::Report, None);
        assert_eq!(name, UnitOrder::Name { descending: false });
        assert_eq!(clicked(name, None), UnitOrder::Name { descending: true });
        let col = clicked(name, Some(3));
        assert_eq!(
            col,
            UnitOrder::Column {
                column: 3,
                descending: true
            }
        );
        assert_eq!(
            clicked(col, Some(3)),
            UnitOrder::Column {
                column: 3,
                descending: false
            }
        );
        assert_eq!(aria_sort(col, Some(3)), "descending");
        assert_eq!(aria_sort(col, None), "none");
        assert_eq!(aria_sort(UnitOrder::Report, Some(0)), "none");
    }
}
