//! Nghỉ hưu: who reaches the legal retirement age in each of the next N years (default 10),
//! those already past it, by unit and by title, and the people — from `canbo-core`.
//! Clicking a count lists the people behind it. `bars.rs`: the bars per year; `timeline.rs`:
//! the table of counts; `retirees.rs`: the people behind the count chosen.

mod bars;
mod retirees;
mod timeline;

use canbo_core::retirement::law::law_name;
use canbo_core::retirement::{
    Forecasting, RetireePick as Pick, RetirementLaw, RetirementOptions, MAX_YEARS,
};
use leptos::prelude::*;

use canbo_core::export::Lang;
use canbo_core::vocab::positions::Title;

use crate::components::report::ROWS_AT_ONCE;
use crate::i18n::t;
use crate::in_slices::{over_roster, Sliced};
use crate::settings::Settings;
use crate::state::AppState;
use bars::year_bars;
use retirees::retiree_list;
use timeline::timeline_table;

/// A title in `lang`; `None` is a person whose title the roster does not give (the core's
/// words, as in the exports).
pub(crate) fn title_label(title: Option<Title>, lang: Lang) -> &'static str {
    canbo_core::retirement::title_label(title, lang)
}

#[component]
pub fn RetirementPage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let years = RwSignal::new(10u32);
    let pick = RwSignal::new(Pick::default());
    let units_shown = RwSignal::new(ROWS_AT_ONCE);
    // The list grows on request; a new pick starts it again from the first rows.
    let people_shown = RwSignal::new(ROWS_AT_ONCE);
    Effect::new(move |_| {
        pick.track();
        people_shown.set(ROWS_AT_ONCE);
    });
    // Placed again, a slice of people at a time, when the date or the span changes.
    let Sliced {
        value: result,
        busy,
    } = over_roster(state, move || {
        let options = RetirementOptions {
            as_of: s.as_of.get(),
            years: years.get(),
        };
        Some(Forecasting::new(RetirementLaw::default(), options))
    });
    move || {
        let lang = s.lang.get();
        let f = result.get()?;
        Some(view! {
            <section class="panel retirement" data-testid="retirement"
                aria-busy=move || busy.get().then_some("true")>
                <h2>{t("Dự báo nghỉ hưu", "Retirement forecast")}</h2>
                <div class="field inline">
                    <label for="retire-years">{t("Số năm dự báo", "Years ahead")}</label>
                    <input id="retire-years" type="number" min="1" max=MAX_YEARS.to_string() data-testid="retire-years"
                        prop:value=move || years.get().to_string()
                        on:input=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                if (1..=MAX_YEARS).contains(&n) { years.set(n) }
                            }
                        } />
                    <p class="help">{law_name(&f.law, lang)}</p>
                </div>
                {year_bars(&f, lang)}
                {timeline_table(&f, lang, pick, units_shown)}
                {retiree_list(&f, lang, pick, people_shown)}
            </section>
        })
    }
}
