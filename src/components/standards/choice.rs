//! What the figures are computed with: the rule set (picked, or the one in force at the
//! report date) and where the roster is a difficult area.

use canbo_core::roster::unit_key;
use canbo_core::standards::SetKind;
use leptos::prelude::*;

use super::{Area, Sets};
use crate::components::report::{MoreRows, ROWS_AT_ONCE};
use crate::i18n::{lang, num, t};
use crate::settings::Settings;
use crate::state::AppState;

/// The choice of rule set, and the set in use with the date it takes effect.
#[component]
pub(super) fn RuleSetChoice(sets: Sets) -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    move || {
        let picked = sets.picked.get();
        let lang = lang();
        let options = state.rule_sets.with(|user| {
            sets.all.with(|all| {
                all.iter()
                    .map(|set| {
                        let selected = picked == set.id;
                        let label = format!(
                            "{}{}",
                            set.name_in(lang),
                            SetKind::of(&set.id, user).mark(lang)
                        );
                        view! { <option value=set.id.clone() selected=selected>{label}</option> }
                    })
                    .collect_view()
            })
        });
        let in_use = sets.current.get().map(|set| {
            let kind = state.rule_sets.with(|user| SetKind::of(&set.id, user));
            let not_yet = set.effective_from > s.as_of.get();
            view! {
                <p class="help" data-testid="rule-set-in-use" data-rule-set=set.id.clone()>
                    {set.name_in(lang).to_string()} {kind.mark(lang)} " — " {t("hiệu lực từ ", "in force from ")}
                    {crate::format::date(set.effective_from)}
                    {not_yet.then(|| t(" (chưa có hiệu lực vào ngày báo cáo)", " (not yet in force at the report date)"))}
                </p>
            }
        });
        view! {
            <div class="field">
                <label for="rule-set">{t("Bộ tiêu chuẩn", "Rule set")}</label>
                <select id="rule-set" data-testid="rule-set" on:change=move |ev| sets.pick(&event_target_value(&ev))>
                    <option value="" selected=picked.is_empty()>
                        {t("Theo ngày báo cáo (tự chọn)", "In force at the report date")}
                    </option>
                    {options}
                </select>
                {in_use}
            </div>
        }
    }
}

/// The whole roster in a difficult area, or some of its units. A province has thousands of
/// units: they are listed only once the list is opened, a page of them at a time, and a
/// search narrows them (by [`unit_key`], so case, diacritics and "Xã" do not matter).
#[component]
pub(super) fn DifficultAreaFlags(area: Area) -> impl IntoView {
    let state = expect_context::<AppState>();
    let opened = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(ROWS_AT_ONCE);
    // Each unit of the roster (one spelling per unit) with its key, once opened.
    let units = Memo::new(move |_| {
        if !opened.get() {
            return Vec::new();
        }
        state.roster.with(|r| {
            r.as_ref()
                .map(|r| r.units())
                .unwrap_or_default()
                .into_iter()
                .map(|unit| {
                    let key = unit_key(&unit);
                    (unit, key)
                })
                .collect::<Vec<_>>()
        })
    });
    let matching = Memo::new(move |_| {
        let wanted = unit_key(&query.get());
        units.with(|units| {
            units
                .iter()
                .filter(|(_, key)| key.contains(&wanted))
                .map(|(unit, _)| unit.clone())
                .collect::<Vec<_>>()
        })
    });
    let boxes = move || {
        let lang = lang();
        matching.with(|units| {
            units
                .iter()
                .take(shown.get())
                .map(|unit| {
                    let (u, mine) = (unit.clone(), unit.clone());
                    let shown = canbo_core::roster::display_unit(unit, lang);
                    view! {
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || area.flagged.with(|f| f.contains(&mine))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let u = u.clone();
                                    area.flagged.update(|f| { f.retain(|x| *x != u); if on { f.push(u) } });
                                } />
                            {shown}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let flagged = move || {
        let n = area.flagged.with(Vec::len);
        (n > 0).then(|| {
            let lang = lang();
            let n = num(n as u32, lang);
            format!(" ({})", t(format!("đã chọn {n}"), format!("{n} ticked")))
        })
    };
    let list = move || {
        opened.get().then(|| {
            view! {
                <input type="search" class="unit-filter" data-testid="unit-filter"
                    aria-label=move || t("Tìm đơn vị", "Find a unit")
                    placeholder=move || t("Tìm đơn vị", "Find a unit")
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        shown.set(ROWS_AT_ONCE);
                    } />
                <div class="unit-checks" data-testid="unit-checks">{boxes}</div>
                {move || {
                    let total = matching.with(Vec::len);
                    view! { <MoreRows shown=shown total=total what_vi="đơn vị" what_en="units" /> }
                }}
            }
        })
    };
    view! {
        <div class="field">
            <label class="check">
                <input type="checkbox" data-testid="difficult-area" prop:checked=move || area.whole.get()
                    on:change=move |ev| area.whole.set(event_target_checked(&ev)) />
                {move || t("Toàn bộ danh sách ở vùng khó khăn / dân tộc thiểu số", "The whole roster is in a difficult / ethnic-minority area")}
            </label>
            // Opening it the first time lists the units; closing keeps them.
            <details data-testid="difficult-units" on:toggle=move |_| opened.set(true)>
                <summary>{move || t("Đơn vị ở vùng khó khăn", "Units in a difficult area")}{flagged}</summary>
                {list}
            </details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{mount, sample, until};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::{HtmlElement, HtmlInputElement};

    /// The units listed (a label with its box each).
    fn boxes(page: &HtmlElement) -> u32 {
        page.query_selector("[data-testid=unit-checks]")
            .unwrap()
            .map_or(0, |list| list.child_element_count())
    }

    #[wasm_bindgen_test]
    async fn units_are_listed_once_opened_a_page_at_a_time_found_by_search_and_ticked() {
        // 260 units, more than a page of them.
        let mut roster = canbo_core::import::import(&[sample()], &Default::default()).roster;
        for (i, p) in roster.people.iter_mut().enumerate() {
            p.unit = format!("Xã Bản {}", i % 260);
        }
        let state = AppState::empty();
        state.roster.set(Some(roster));
        let area = Area {
            whole: RwSignal::new(false),
            flagged: RwSignal::new(Vec::new()),
        };
        let page = mount(state, move || {
            provide_context(Settings::new(state));
            view! { <DifficultAreaFlags area=area /> }
        });
        let details = page
            .query_selector("[data-testid=difficult-units]")
            .unwrap()
            .expect("the units' list");
        crate::turns::let_the_browser_draw().await;
        assert_eq!(boxes(&page), 0, "nothing listed while closed");
        details.set_attribute("open", "").unwrap();
        until(|| boxes(&page) > 0).await;
        assert_eq!(boxes(&page) as usize, ROWS_AT_ONCE);
        assert!(page
            .query_selector("[data-testid=more-rows]")
            .unwrap()
            .is_some());
        // Found by the unit's key: case, diacritics and "Xã" do not matter.
        let search: HtmlInputElement = page
            .query_selector("[data-testid=unit-filter]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        search.set_value("BAN 25");
        search
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        until(|| boxes(&page) == 11).await;
        let first: HtmlElement = page
            .query_selector("[data-testid=unit-checks] input")
            .unwrap()
            .unwrap()
            .unchecked_into();
        first.click();
        assert_eq!(area.flagged.get_untracked(), ["Xã Bản 25"]);
        until(|| {
            details
                .text_content()
                .unwrap_or_default()
                .contains("đã chọn 1")
        })
        .await;
    }
}
