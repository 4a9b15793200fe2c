//! One rule of the draft: whom it covers, its three requirements and the matching-field
//! condition.

use canbo_core::codes::{GeneralEducation, PoliticalTheory, Professional};
use canbo_core::export::Lang;
use canbo_core::standards::rules::Rule;
use canbo_core::standards::{Criterion, RuleSet};
use leptos::prelude::*;

use super::requirement::requirement_field;
use crate::i18n::t;

/// Rule `i` of the draft, as a fieldset.
pub(super) fn rule_fieldset(
    draft: RwSignal<Option<RuleSet>>,
    i: usize,
    rule: &Rule,
    lang: Lang,
) -> impl IntoView {
    let matching = format!("rules-{i}-matching");
    view! {
        <fieldset class="rule-edit" data-testid=format!("rules-rule-{i}")>
            <legend>{rule.label_in(lang).to_string()}</legend>
            <p class="help">{rule.who.label(lang)}</p>
            <div class="rule-criteria">
                {requirement_field::<GeneralEducation>(draft, i, Criterion::GeneralEducation,
                    |r| &r.general_education, |r| &mut r.general_education, lang)}
                {requirement_field::<Professional>(draft, i, Criterion::Professional,
                    |r| &r.professional, |r| &mut r.professional, lang)}
                {requirement_field::<PoliticalTheory>(draft, i, Criterion::PoliticalTheory,
                    |r| &r.political_theory, |r| &mut r.political_theory, lang)}
            </div>
            <label class="check">
                <input type="checkbox" id=matching.clone() data-testid=matching
                    prop:checked=move || draft.with(|d| d.as_ref().and_then(|d| d.rules.get(i)).is_some_and(|r| r.matching_field))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| if let Some(r) = d.as_mut().and_then(|d| d.rules.get_mut(i)) { r.matching_field = on });
                    } />
                {t("Chuyên ngành đào tạo phải phù hợp vị trí việc làm", "The field of study must match the post")}
            </label>
        </fieldset>
    }
}
