//! The counts table: the total, each category and each unit (the first rows at once), with
//! people, not covered, meeting all, below, in grace, unknown and below per criterion. Every
//! cell is a figure read from the result's JSON (`data-stat`).

use std::sync::Arc;

use canbo_core::codes::{Category, Code};
use canbo_core::export::Lang;
use canbo_core::standards::{Criterion, Standards};
use leptos::prelude::*;
use serde_json::Value;

use crate::components::figures::Fig;
use crate::components::report::MoreRows;
use crate::i18n::t;

/// The counts table of `r`, `units_shown` units of it.
pub(super) fn counts_table(
    r: &Standards,
    lang: Lang,
    units_shown: RwSignal<usize>,
) -> impl IntoView {
    // Only the counts the cells read (the people lists can hold a large roster's thousands),
    // and only the units shown (a province has thousands; the rows come first to last).
    let units_now = units_shown.get();
    let json = Arc::new(serde_json::json!({
        "total": r.total,
        "by_category": r.by_category,
        "by_unit": &r.by_unit[..r.by_unit.len().min(units_now)],
    }));
    let mut rows = vec![counts_row(
        t("Tổng cộng", "Total").to_string(),
        "total".into(),
        &json,
    )];
    for cat in Category::ALL {
        if r.by_category.contains_key(cat) {
            rows.push(counts_row(
                cat.label(lang).to_string(),
                format!("by_category.{}", cat.code()),
                &json,
            ));
        }
    }
    let units_total = r.by_unit.len();
    let unit_rows = r
        .by_unit
        .iter()
        .enumerate()
        .take(units_now)
        .map(|(i, u)| counts_row(u.label(lang), format!("by_unit.{i}"), &json))
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("Số đạt chuẩn", "Counts")>
            <table class="form-table">
                <thead>{counts_head(lang)}</thead>
                <tbody>{rows}{unit_rows}</tbody>
            </table>
        </div>
        <MoreRows shown=units_shown total=units_total what_vi="đơn vị" what_en="units" />
    }
}

/// The column heads: the overall counts, then "below" per criterion.
fn counts_head(lang: Lang) -> impl IntoView {
    let per_criterion = Criterion::ALL
        .iter()
        .map(|c| view! { <th scope="col">{c.label(lang)} " – " {t("chưa đạt", "below")}</th> })
        .collect_view();
    view! {
        <tr>
            <th scope="col"></th>
            <th scope="col">{t("Số người", "People")}</th>
            <th scope="col">{t("Không có quy định", "No rule")}</th>
            <th scope="col">{t("Đạt chuẩn", "Meet all")}</th>
            <th scope="col">{t("Chưa đạt", "Below")}</th>
            <th scope="col">{t("Trong thời gian chuyển tiếp", "In grace")}</th>
            <th scope="col">{t("Chưa rõ", "Unknown")}</th>
            {per_criterion}
        </tr>
    }
}

/// One row: its label and the figures under `prefix` in `json`.
fn counts_row(label: String, prefix: String, json: &Arc<Value>) -> AnyView {
    let cell = |p: &str| view! { <td class="num"><Fig json=json.clone() path=format!("{prefix}.{p}") /></td> };
    view! {
        <tr>
            <th scope="row">{label}</th>
            {cell("people")}
            {cell("not_covered")}
            {cell("meets_all")}
            {cell("overall.below")}
            {cell("overall.grace")}
            {cell("overall.unknown")}
            {Criterion::ALL.iter().map(|c| cell(&format!("criteria.{}.below", c.code()))).collect_view()}
        </tr>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::report::ROWS_AT_ONCE;
    use crate::settings::Settings;
    use crate::state::AppState;
    use crate::test_support::{mount, sample, until};
    use canbo_core::standards::{choose, defaults, standards, StandardsOptions};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::HtmlElement;

    /// The figure shown at `path`, if it is on the page.
    fn figure(page: &HtmlElement, path: &str) -> Option<String> {
        page.query_selector(&format!("[data-figure='{path}']"))
            .unwrap()
            .and_then(|e| e.get_attribute("data-value"))
    }

    #[wasm_bindgen_test]
    async fn the_units_past_the_first_page_show_their_figures_once_shown() {
        // 260 units, more than a page of them.
        let mut roster = canbo_core::import::import(&[sample()], &Default::default()).roster;
        for (i, p) in roster.people.iter_mut().enumerate() {
            p.unit = format!("Xã Bản {}", i % 260);
        }
        let as_of = "2024-12-31".parse().unwrap();
        let sets = defaults();
        let rules = choose(&sets, None, as_of).unwrap();
        let r = standards(&roster, rules, &StandardsOptions::new(as_of));
        assert_eq!(r.by_unit.len(), 260);
        let last = format!("by_unit.{}.people", r.by_unit.len() - 1);
        let want = r.by_unit[259].tally.people.to_string();
        let state = AppState::empty();
        let units_shown = RwSignal::new(ROWS_AT_ONCE);
        let page = mount(state, move || {
            provide_context(Settings::new(state));
            move || counts_table(&r, Lang::Vi, units_shown)
        });
        until(|| figure(&page, "by_unit.0.people").is_some()).await;
        let first_page_last = format!("by_unit.{}.people", ROWS_AT_ONCE - 1);
        assert!(figure(&page, &first_page_last).is_some());
        assert_eq!(figure(&page, &last), None, "past the first page");
        let more: HtmlElement = page
            .query_selector("[data-testid=more-rows] button")
            .unwrap()
            .expect("«Hiện thêm»")
            .unchecked_into();
        more.click();
        until(|| figure(&page, &last).is_some()).await;
        assert_eq!(figure(&page, &last), Some(want));
    }
}
