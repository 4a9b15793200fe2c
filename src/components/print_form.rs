//! The per-unit form as it goes on paper (hidden on screen, `style/print.css`): every unit
//! and every column, on landscape A4. The screen's table scrolls sideways and shows 200 units
//! at a time; paper can do neither, so here the form is cut by column groups into tables that
//! fit the page width, each repeating the unit column and its header rows (which the browser
//! repeats on every page), as the .docx cuts it (`export::docx`).
//!
//! A roster of many units would put a large hidden table in the page for nothing: above
//! [`ALWAYS_UP_TO`] units the form is drawn only while the browser prints.

use canbo_core::export::table::{columns, parts, rows};
use leptos::prelude::*;

use crate::i18n::{num, t};
use crate::settings::Settings;

/// Columns of figures per table: at 7 pt, 24 narrow columns and the unit column fill the
/// width of landscape A4 (the .docx fits as many).
pub const COLUMNS_PER_PART: usize = 24;
/// Up to this many units, the paper form is always in the page (printing needs no warning).
const ALWAYS_UP_TO: usize = 300;

#[component]
pub fn PrintForm() -> impl IntoView {
    let s = expect_context::<Settings>();
    let turn = crate::turns::Turn::here();
    let printing = RwSignal::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    move || {
        let lang = s.lang.get();
        let wanted = printing.get()
            || turn.with(s.report, |r| {
                r.as_ref().is_some_and(|r| r.units.len() <= ALWAYS_UP_TO)
            });
        if !wanted {
            return None;
        }
        turn.with(s.report, |report| {
            let report = report.as_ref()?;
            let cols = columns(report, lang);
            let all_rows = rows(report, lang);
            let cut = parts(&cols, COLUMNS_PER_PART);
            let count = cut.len();
            let unit_heading = t("Đơn vị", "Unit");
            let tables = cut
                .into_iter()
                .enumerate()
                .map(|(i, part)| {
                    let mut groups: Vec<(String, usize)> = Vec::new();
                    for &c in &part {
                        match groups.last_mut() {
                            Some((g, n)) if *g == cols[c].group => *n += 1,
                            _ => groups.push((cols[c].group.clone(), 1)),
                        }
                    }
                    let group_row = groups
                        .into_iter()
                        .map(|(g, n)| view! { <th scope="colgroup" colspan=n>{g}</th> })
                        .collect_view();
                    let label_row = part
                        .iter()
                        .map(|&c| view! { <th scope="col" data-col=cols[c].stat.clone()>{cols[c].label.clone()}</th> })
                        .collect_view();
                    let last = all_rows.len().saturating_sub(1);
                    let body = all_rows
                        .iter()
                        .enumerate()
                        .map(|(r, (name, figures))| {
                            let cells = part
                                .iter()
                                .map(|&c| {
                                    let value = (cols[c].value)(figures);
                                    view! { <td class="num">{value.map(|v| num(v, lang))}</td> }
                                })
                                .collect_view();
                            view! {
                                <tr class:total={r == last}>
                                    <th scope="row">{name.clone()}</th>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view();
                    let caption = if count > 1 {
                        crate::i18n::t(format!("Phần {}/{count}", i + 1), format!("Part {} of {count}", i + 1))
                    } else {
                        String::new()
                    };
                    view! {
                        <table class="print-form-table" data-testid="print-form-part">
                            <caption>{caption}</caption>
                            <thead>
                                <tr>
                                    <th rowspan="2" scope="col" class="unit">{unit_heading}</th>
                                    {group_row}
                                </tr>
                                <tr>{label_row}</tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="print-form print-only" data-testid="print-form">
                    <h2>"BIỂU SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ"</h2>
                    {tables}
                </section>
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{AppState, Picked};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_paper_form_keeps_every_column_once_in_order_and_groups_whole() {
        let state = AppState::empty();
        state.import(Picked {
            files: vec![crate::test_support::sample()],
            unreadable: vec![],
        });
        let report = state.roster.with_untracked(|r| {
            canbo_core::report::report(r.as_ref().unwrap(), &Default::default())
        });
        let cols = columns(&report, canbo_core::export::Lang::Vi);
        let cut = parts(&cols, COLUMNS_PER_PART);
        assert!(cut.len() > 1, "{} columns in one part", cols.len());
        let flat: Vec<usize> = cut.iter().flatten().copied().collect();
        assert_eq!(flat, (0..cols.len()).collect::<Vec<_>>());
        for part in &cut {
            assert!(part.len() <= COLUMNS_PER_PART);
            // A part starts a group unless the group alone is wider than a part.
            let first = part[0];
            if first > 0 && cols[first].group == cols[first - 1].group {
                let span = cols.iter().filter(|c| c.group == cols[first].group).count();
                assert!(span > COLUMNS_PER_PART, "group {} cut", cols[first].group);
            }
        }
    }
}
