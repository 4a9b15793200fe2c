//! The people behind a clicked count (the core's `matching`), with where each was read.

use canbo_core::report::matching;
use leptos::prelude::*;

use super::DrillRequest;
use crate::components::people::{indices, PeopleTable};
use crate::i18n::{num, tr};
use crate::settings::Settings;
use crate::state::AppState;

#[component]
pub fn Drill() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let asked = expect_context::<DrillRequest>().0;
    move || {
        let lang = s.lang.get();
        let (title, filter) = asked.get()?;
        let options = s.options.get();
        let people = state.roster.with(|roster| {
            roster.as_ref().map(|roster| {
                let matched = matching(roster, &options, &filter);
                indices(&roster.people, &matched)
            })
        })?;
        let count = people.len() as u32;
        Some(view! {
            <div class="drill-backdrop" on:click=move |_| asked.set(None)></div>
            <section
                class="drill"
                role="dialog"
                aria-modal="true"
                aria-labelledby="drill-title"
                data-testid="drill"
                on:keydown=move |ev| if ev.key() == "Escape" { asked.set(None) }
            >
                <header class="drill-head">
                    <h2 id="drill-title">{title}": " {num(count, lang)} " " {tr(lang, "người", "people")}</h2>
                    <button type="button" class="button" autofocus data-testid="drill-close" on:click=move |_| asked.set(None)>
                        {tr(lang, "Đóng", "Close")}
                    </button>
                </header>
                <PeopleTable people=people height=420 />
            </section>
        })
    }
}
