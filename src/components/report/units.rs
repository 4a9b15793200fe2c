//! The official per-unit form (`export::table`), sortable by any column, the total last. The
//! order is the core's (`export::table::ordered`); this module shows it.

use canbo_core::export::table::{columns, ordered, rows, FormColumn, UnitOrder};
use canbo_core::report::{unit_stat_filter, Figures, Report};
use canbo_core::roster::unit_key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{drill_filter, Count, DrillRequest, MoreRows, UNITS_AT_ONCE};
use crate::components::share::{hidden_in_unit, ReadOnly};
use crate::i18n::{num, t};
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
            let listable = use_context::<ReadOnly>().is_none();
            let lists: Vec<bool> = cols.iter().map(|c| listable && c.lists_people()).collect();
            // The units shown, named in their rows' order: a count's row says its place
            // (`data-unit`), which the listener looks up here.
            let mut named: Vec<String> = Vec::new();
            let unit_rows = units
                .iter()
                .take(shown.get())
                .filter_map(|&i| {
                    let (name, figures) = all_rows.get(i)?;
                    let key = unit_key(&report.units.get(i)?.unit);
                    let cells = unit_cells(report, &cols, &lists, listable, figures, name, &key);
                    let place = named.len();
                    named.push(name.clone());
                    Some(view! {
                        <tr data-unit=place>
                            <th scope="row">{name.clone()}</th>
                            {cells}
                        </tr>
                    })
                })
                .collect_view();
            let opens = open_listed(named, &cols);
            let (total_name, total_figures) = all_rows.get(total)?;
            Some(view! {
                <section class="units" aria-label=t("Theo đơn vị", "By unit")>
                    <h2>{t("Số lượng, chất lượng theo đơn vị", "Quantity and quality by unit")}</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("Bảng theo đơn vị", "Table by unit")>
                        <table class="form-table" data-testid="unit-table">
                            <thead>{form_headings(&cols, order_now, order)}</thead>
                            <tbody on:click=opens>{unit_rows}</tbody>
                            <tfoot>
                                <tr class="total">
                                    <th scope="row">{total_name.clone()}</th>
                                    {total_cells(&cols, total_figures)}
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

/// A unit's figures, one cell per column. A count that lists its people is a button with
/// nothing of its own to run: the units' one listener ([`open_listed`]) reads which count
/// was clicked from the page. (A listener, a filter and a title per count made the form,
/// 2,250 counts for 50 units, the longest redraw of a filter change.) `lists`: whether each
/// column's counts list people; `listable`: not a shared report, which holds no people
/// (its hidden counts are shown as such).
fn unit_cells(
    report: &Report,
    cols: &[FormColumn],
    lists: &[bool],
    listable: bool,
    figures: &Figures,
    name: &str,
    key: &str,
) -> impl IntoView {
    let lang = crate::i18n::lang();
    let list = t("xem danh sách", "list the people");
    let why = (!listable).then(ReadOnly::reason);
    cols.iter()
        .zip(lists)
        .map(|(col, &lists)| {
            // A count the sender of a shared report hid: «<3».
            let hidden = (!listable)
                .then(|| hidden_in_unit(report, key, &col.stat))
                .flatten();
            if let Some(shown) = hidden {
                return view! { <td class="num" data-col=col.stat.clone()><span class="count hidden-count">{shown}</span></td> }.into_any();
            }
            let content = (col.value)(figures).map(|value| {
                let text = num(value, lang);
                if lists && value > 0 {
                    let label = format!("{name} — {}: {list}", col.title());
                    view! {
                        <span class="figure">
                            <button type="button" class="count link" data-value=value aria-label=label>
                                {text}
                            </button>
                        </span>
                    }
                    .into_any()
                } else {
                    view! { <span class="figure"><span class="count" data-value=value title=why>{text}</span></span> }
                        .into_any()
                }
            });
            view! { <td class="num" data-col=col.stat.clone()>{content}</td> }.into_any()
        })
        .collect_view()
}

/// The units' one listener: a click on a count of the `named` units' rows lists the people
/// behind it (the core's [`unit_stat_filter`]), titled with the unit and the column.
fn open_listed(named: Vec<String>, cols: &[FormColumn]) -> impl Fn(web_sys::MouseEvent) + 'static {
    let asked = expect_context::<DrillRequest>().0;
    let titles: Vec<(String, String)> = cols.iter().map(|c| (c.stat.clone(), c.title())).collect();
    move |event: web_sys::MouseEvent| {
        let Some(clicked) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let around = |selector: &str| clicked.closest(selector).ok().flatten();
        if around("button.count.link").is_none() {
            return;
        }
        let place = around("tr[data-unit]")
            .and_then(|row| row.get_attribute("data-unit"))
            .and_then(|p| p.parse::<usize>().ok());
        let stat = around("td[data-col]").and_then(|cell| cell.get_attribute("data-col"));
        let (Some(name), Some(stat)) = (place.and_then(|p| named.get(p)), stat) else {
            return;
        };
        let Some(filter) = unit_stat_filter(name, &stat) else {
            return;
        };
        let column = titles
            .iter()
            .find(|(s, _)| *s == stat)
            .map(|(_, t)| t.as_str());
        let title = format!("{name} — {}", column.unwrap_or_default());
        asked.set(Some((title, filter)));
    }
}

/// The total's figures, one cell per column, each count opening the people behind it.
fn total_cells(cols: &[FormColumn], figures: &Figures) -> impl IntoView {
    cols.iter()
        .map(|col| {
            let content = (col.value)(figures).map(|value| match drill_filter(&col.stat) {
                Some(f) => view! { <Count value drill=(col.title(), f) /> }.into_any(),
                None => view! { <Count value /> }.into_any(),
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
