//! One criterion of a rule: the level it asks and its exception, a scope and a relief (a
//! lower level, or years of grace). The levels, scopes and reliefs offered, their labels
//! and what each change does to the requirement are the core's (`rules::Level`, `Scope`,
//! `ReliefKind`, `Requirement::set_*`).

use canbo_core::export::Lang;
use canbo_core::standards::rules::{
    no_requirement, set_min, Level, Relief, ReliefKind, Requirement, Rule, Scope,
    DEFAULT_GRACE_YEARS, GRACE_YEARS,
};
use canbo_core::standards::{Criterion, RuleSet};
use leptos::prelude::*;

use crate::i18n::t;

/// Where in the draft one criterion's requirement is: rule `i`, read by `get`, written
/// through `slot`.
struct Slot<L: 'static> {
    draft: RwSignal<Option<RuleSet>>,
    i: usize,
    get: fn(&Rule) -> &Option<Requirement<L>>,
    slot: fn(&mut Rule) -> &mut Option<Requirement<L>>,
}

impl<L> Clone for Slot<L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L> Copy for Slot<L> {}

impl<L: Level + Send + Sync> Slot<L> {
    fn read(self) -> Option<Requirement<L>> {
        self.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.rules.get(self.i))
                .and_then(|r| (self.get)(r).clone())
        })
    }

    fn edit(self, f: impl FnOnce(&mut Option<Requirement<L>>)) {
        self.draft.update(|d| {
            if let Some(r) = d.as_mut().and_then(|d| d.rules.get_mut(self.i)) {
                f((self.slot)(r));
            }
        });
    }

    /// Changes the requirement, when there is one.
    fn edit_requirement(self, f: impl FnOnce(&mut Requirement<L>)) {
        self.edit(|r| {
            if let Some(r) = r {
                f(r)
            }
        });
    }
}

/// What the exception's fields show, read from the draft.
#[derive(Clone, Copy)]
struct Shown<L: Send + Sync + 'static> {
    min: Memo<Option<L>>,
    scope: Memo<Option<Scope>>,
    relief: Memo<Option<Relief<L>>>,
}

/// The requirement of `criterion` in rule `i`: its level, and its exception once it asks
/// one.
pub(super) fn requirement_field<L: Level + Send + Sync>(
    draft: RwSignal<Option<RuleSet>>,
    i: usize,
    criterion: Criterion,
    get: fn(&Rule) -> &Option<Requirement<L>>,
    slot: fn(&mut Rule) -> &mut Option<Requirement<L>>,
    lang: Lang,
) -> impl IntoView {
    let req = Slot {
        draft,
        i,
        get,
        slot,
    };
    let shown = Shown {
        min: Memo::new(move |_| req.read().map(|r| r.min)),
        scope: Memo::new(move |_| req.read().and_then(|r| r.exception.map(|e| e.scope))),
        relief: Memo::new(move |_| req.read().and_then(|r| r.exception.map(|e| e.relief))),
    };
    let min = shown.min;
    let unconfirmed = Memo::new(move |_| req.read().is_some_and(|r| r.unconfirmed));
    let base = format!("rules-{i}-{}", criterion.code());
    let min_id = format!("{base}-min");
    let min_options = L::askable()
        .into_iter()
        .map(|l| {
            view! { <option value=l.code() prop:selected=move || min.get() == Some(l)>{l.label(lang)}</option> }
        })
        .collect_view();
    let on_min = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        req.edit(|r| set_min(r, L::from_code(&v)));
    };
    let has_requirement = Memo::new(move |_| min.get().is_some());
    let exception = move || {
        has_requirement
            .get()
            .then(|| exception_fields(req, shown, &base, lang))
    };
    view! {
        <div class="requirement field">
            <label for=min_id.clone()>
                {criterion.label(lang)}
                {move || unconfirmed.get().then(|| view! { " " <span class="tag">{t("chưa xác nhận", "unconfirmed")}</span> })}
            </label>
            <select id=min_id.clone() data-testid=min_id on:change=on_min>
                <option value="" prop:selected=move || min.get().is_none()>{no_requirement(lang)}</option>
                {min_options}
            </select>
            {exception}
        </div>
    }
}

/// The exception of a requirement: whom it reaches, then what it relieves (a lower level or
/// years of grace).
fn exception_fields<L: Level + Send + Sync>(
    req: Slot<L>,
    shown: Shown<L>,
    base: &str,
    lang: Lang,
) -> impl IntoView {
    let Shown { min, scope, relief } = shown;
    let (scope_id, relief_id, lower_id, years_id) = (
        format!("{base}-exception"),
        format!("{base}-relief"),
        format!("{base}-lower"),
        format!("{base}-years"),
    );
    let is_grace = move || matches!(relief.get(), Some(Relief::GraceYears(_)));
    let relief_kind = move || {
        if is_grace() {
            ReliefKind::GraceYears
        } else {
            ReliefKind::LowerTo
        }
    };
    let on_scope = move |ev: leptos::ev::Event| {
        let new = Scope::from_code(&event_target_value(&ev));
        req.edit_requirement(|r| r.set_scope(new));
    };
    let on_relief = move |ev: leptos::ev::Event| {
        if let Some(kind) = ReliefKind::from_code(&event_target_value(&ev)) {
            req.edit_requirement(|r| r.set_relief_kind(kind));
        }
    };
    let on_lower = move |ev: leptos::ev::Event| {
        if let Some(l) = L::from_code(&event_target_value(&ev)) {
            req.edit_requirement(|r| r.lower_to(l));
        }
    };
    let on_years = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).trim().parse::<u8>() {
            if GRACE_YEARS.contains(&n) {
                req.edit_requirement(|r| r.set_grace_years(n));
            }
        }
    };
    let scope_options = Scope::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() prop:selected=move || scope.get() == Some(s)>{s.label(lang)}</option> })
        .collect_view();
    let relief_options = ReliefKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.code() prop:selected=move || relief_kind() == k>{k.label(lang)}</option> })
        .collect_view();
    // The levels below the minimum, the bottom one named as asking nothing.
    let lower_options = move || {
        min.get()
            .map(L::below)
            .unwrap_or_default()
            .into_iter()
            .map(|l| {
                let selected = move || relief.get() == Some(Relief::LowerTo(l));
                view! { <option value=l.code() prop:selected=selected>{l.lowered_label(lang)}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="exception">
            <label for=scope_id.clone()>{t("Ngoại lệ", "Exception")}</label>
            <select id=scope_id.clone() data-testid=scope_id on:change=on_scope>
                <option value="" prop:selected=move || scope.get().is_none()>{t("Không có ngoại lệ", "No exception")}</option>
                {scope_options}
            </select>
            <div class="relief" hidden=move || scope.get().is_none()>
                <label for=relief_id.clone()>{t("Khi đó", "Then")}</label>
                <select id=relief_id.clone() data-testid=relief_id on:change=on_relief>
                    {relief_options}
                </select>
                <label for=lower_id.clone() class="visually-hidden">{t("Mức được hạ xuống", "Lowered to")}</label>
                <select id=lower_id.clone() data-testid=lower_id on:change=on_lower hidden=is_grace>
                    {lower_options}
                </select>
                <label for=years_id.clone() class="visually-hidden">{t("Số năm chuyển tiếp", "Years of grace")}</label>
                <input id=years_id.clone() data-testid=years_id type="number"
                    min=GRACE_YEARS.start().to_string() max=GRACE_YEARS.end().to_string() hidden=move || !is_grace()
                    prop:value=move || match relief.get() { Some(Relief::GraceYears(n)) => n, _ => DEFAULT_GRACE_YEARS }.to_string()
                    on:input=on_years />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use crate::test_support::{mount, until};
    use canbo_core::codes::Professional;
    use canbo_core::standards::defaults;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

    fn select(page: &HtmlElement, what: &str) -> HtmlSelectElement {
        page.query_selector(&format!("[data-testid=rules-0-professional-{what}]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no {what}"))
            .unchecked_into()
    }

    fn change(select: &HtmlSelectElement, value: &str) {
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    }

    /// The options' values and texts.
    fn options(select: &HtmlSelectElement) -> Vec<(String, String)> {
        std::iter::successors(select.first_element_child(), |o| o.next_element_sibling())
            .map(|o| {
                (
                    o.get_attribute("value").unwrap_or_default(),
                    o.text_content().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn values(select: &HtmlSelectElement) -> Vec<String> {
        options(select).into_iter().map(|(v, _)| v).collect()
    }

    #[wasm_bindgen_test]
    async fn the_exception_offers_the_cores_scopes_and_reliefs_and_changes_the_draft() {
        let mut set = defaults().remove(2);
        set.rules[0].professional = Some(Requirement::new(Professional::DaiHoc));
        let draft = RwSignal::new(Some(set));
        let page = mount(AppState::empty(), move || {
            requirement_field::<Professional>(
                draft,
                0,
                Criterion::Professional,
                |r| &r.professional,
                |r| &mut r.professional,
                Lang::En,
            )
        });
        let professional = move || {
            draft.with_untracked(|d| d.as_ref().unwrap().rules[0].professional.clone().unwrap())
        };
        until(|| {
            page.query_selector("[data-testid=rules-0-professional-exception]")
                .unwrap()
                .is_some()
        })
        .await;
        let min = select(&page, "min");
        assert_eq!(
            options(&min).get(3),
            Some(&("dai_hoc".to_string(), "Bachelor's".to_string()))
        );
        let scope = select(&page, "exception");
        let mut codes = vec![String::new()];
        codes.extend(Scope::ALL.map(|s| s.code().to_string()));
        assert_eq!(values(&scope), codes);

        change(&scope, "difficult_area_or_ethnic_minority");
        let e = professional().exception.expect("an exception");
        assert_eq!(e.scope, Scope::DifficultAreaOrEthnicMinority);
        assert_eq!(e.relief, Relief::LowerTo(Professional::CaoDang));
        until(|| values(&select(&page, "lower")).len() == 4).await;
        assert_eq!(
            values(&select(&page, "lower")),
            ["cao_dang", "trung_cap", "so_cap", "none"]
        );

        change(&select(&page, "relief"), "grace_years");
        assert_eq!(
            professional().exception.map(|e| e.relief),
            Some(Relief::GraceYears(5))
        );
        let years: HtmlInputElement = page
            .query_selector("[data-testid=rules-0-professional-years]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        years.set_value("51");
        years
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        assert_eq!(
            professional().exception.map(|e| e.relief),
            Some(Relief::GraceYears(5))
        );
        years.set_value("12");
        years
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        assert_eq!(
            professional().exception.map(|e| e.relief),
            Some(Relief::GraceYears(12))
        );

        // Down to trung cấp: the exception still relieves (years), the minimum is the user's.
        change(&min, "trung_cap");
        let r = professional();
        assert_eq!((r.min, r.unconfirmed), (Professional::TrungCap, false));
        change(&min, "");
        assert_eq!(
            draft.with_untracked(|d| d.as_ref().unwrap().rules[0].professional.clone()),
            None
        );
    }
}
