//! What the figures are computed with: the rule set (picked, or the one in force at the
//! report date) and where the roster is a difficult area.

use canbo_core::standards::SetKind;
use leptos::prelude::*;

use super::{Area, Sets};
use crate::i18n::{lang, t};
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

/// The whole roster in a difficult area, or some of its units.
#[component]
pub(super) fn DifficultAreaFlags(area: Area) -> impl IntoView {
    let state = expect_context::<AppState>();
    let units = Memo::new(move |_| {
        state
            .roster
            .with(|r| r.as_ref().map(|r| r.units()).unwrap_or_default())
    });
    move || {
        let lang = lang();
        let unit_boxes = units
            .get()
            .into_iter()
            .map(|unit| {
                let u = unit.clone();
                let checked = area.flagged.with_untracked(|f| f.contains(&unit));
                let shown = canbo_core::roster::display_unit(&unit, lang);
                view! {
                    <label class="check">
                        <input type="checkbox" checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let u = u.clone();
                            area.flagged.update(|f| { f.retain(|x| *x != u); if on { f.push(u) } });
                        } />
                        {shown}
                    </label>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label class="check">
                    <input type="checkbox" data-testid="difficult-area" prop:checked=move || area.whole.get()
                        on:change=move |ev| area.whole.set(event_target_checked(&ev)) />
                    {t("Toàn bộ danh sách ở vùng khó khăn / dân tộc thiểu số", "The whole roster is in a difficult / ethnic-minority area")}
                </label>
                <details>
                    <summary>{t("Đơn vị ở vùng khó khăn", "Units in a difficult area")}</summary>
                    <div class="unit-checks">{unit_boxes}</div>
                </details>
            </div>
        }
    }
}
