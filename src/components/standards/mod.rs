//! Tiêu chuẩn: the rule set in force at the report date (or one picked, built in or the
//! user's own), the area flag for the whole roster and per unit, counts per criterion,
//! category and unit, the people below standard with what they lack, and the training plan
//! as xlsx. The user can edit a set, save it, and exchange sets as JSON ([`editor`]). All
//! figures, labels and orders from `canbo-core`.
//!
//! Here: the page and what its parts share ([`Sets`], the result); beside it `choice.rs`
//! (the rule set and the difficult-area flags), `counts.rs` (the counts table),
//! `below.rs` (the unconfirmed rules, the notes and the people below standard).

mod below;
mod choice;
mod counts;
mod editor;

use canbo_core::export::Lang;
use canbo_core::roster::Person;
use canbo_core::standards::{
    combine, defaults, picked_or_in_force, Judging, RuleSet, Standards, StandardsOptions,
};
use leptos::prelude::*;
use std::sync::Arc;

use crate::components::report::ROWS_AT_ONCE;
use crate::i18n::t;
use crate::in_slices::{over_roster, OverPeople, Sliced};
use crate::settings::Settings;
use crate::state::AppState;

use choice::{DifficultAreaFlags, RuleSetChoice};
use editor::RuleSetTools;

/// The key of `AppState::settings` that keeps the set the user picked between visits.
const PICKED_KEY: &str = "standards.rule_set";

/// The set this page judges with at `as_of`, read tracked: the user's pick, else the set in
/// force (`canbo_core::standards::picked_or_in_force`). The report in words and a share link
/// judge with it too.
pub(crate) fn rule_set_in_use(state: AppState, as_of: canbo_core::Date) -> Option<RuleSet> {
    let picked = state.settings.with(|m| m.get(PICKED_KEY).cloned());
    state.rule_sets.with(|user| {
        picked_or_in_force(&combine(defaults(), user), picked.as_deref(), as_of).cloned()
    })
}

/// The rule sets the page offers and the one in use, shared by the page and the editor.
#[derive(Clone, Copy)]
pub(crate) struct Sets {
    /// The built-in sets, with the user's in place of (or after) them.
    all: Memo<Vec<RuleSet>>,
    /// The id the user picked; empty for "the one in force at the report date".
    picked: Memo<String>,
    /// The set the figures are computed with.
    current: Memo<Option<RuleSet>>,
    state: AppState,
}

impl Sets {
    fn new(state: AppState, s: Settings) -> Sets {
        let all = Memo::new(move |_| state.rule_sets.with(|user| combine(defaults(), user)));
        let picked = Memo::new(move |_| {
            state
                .settings
                .with(|m| m.get(PICKED_KEY).cloned().unwrap_or_default())
        });
        let current = Memo::new(move |_| {
            let as_of = s.as_of.get();
            let picked = picked.get();
            all.with(|all| picked_or_in_force(all, Some(&picked), as_of).cloned())
        });
        Sets {
            all,
            picked,
            current,
            state,
        }
    }

    /// Use this set (empty: the one in force); kept for the next visit.
    fn pick(&self, id: &str) {
        self.state.settings.update(|m| {
            if id.is_empty() {
                m.remove(PICKED_KEY);
            } else {
                m.insert(PICKED_KEY.to_string(), id.to_string());
            }
        });
    }
}

/// Where the roster is a difficult area: all of it, or the units ticked.
#[derive(Clone, Copy)]
struct Area {
    whole: RwSignal<bool>,
    /// Units as the roster writes them.
    flagged: RwSignal<Vec<String>>,
}

/// The result and the English of its Vietnamese lists.
#[derive(Clone, PartialEq)]
struct Shown {
    r: Standards,
    notes_en: Vec<String>,
    unconfirmed_en: Vec<String>,
}

/// The standards under way, with the English of the rule set's unconfirmed facts.
struct Judge(Judging, Vec<String>);

impl OverPeople for Judge {
    type Out = Shown;
    fn add(&mut self, people: &[Person]) {
        self.0.add(people);
    }
    fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
        self.0.add_rows(people, rows);
    }
    fn finish(self) -> Shown {
        let notes_en = self.0.notes(Lang::En);
        Shown {
            r: self.0.finish(),
            notes_en,
            unconfirmed_en: self.1,
        }
    }
}

/// The roster judged against the set in use at the report date, with the area flags,
/// again whenever one of them changes (a slice of people at a time).
fn result_of(state: AppState, s: Settings, sets: Sets, area: Area) -> Sliced<Shown> {
    over_roster(state, move || {
        let mut options = StandardsOptions::new(s.as_of.get());
        options.difficult_area = area.whole.get();
        for unit in area.flagged.get() {
            options.flag_unit(&unit);
        }
        let rules = sets.current.get()?;
        let unconfirmed_en = rules.unconfirmed_in(Lang::En);
        Some(Judge(Judging::new(rules, options), unconfirmed_en))
    })
}

#[component]
pub fn StandardsPage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let sets = Sets::new(state, s);
    let lang = move || s.lang.get();
    let area = Area {
        whole: RwSignal::new(false),
        flagged: RwSignal::new(Vec::new()),
    };
    let Sliced {
        value: result,
        busy,
    } = result_of(state, s, sets, area);
    let has_result = move || result.with(Option::is_some);

    let units_shown = RwSignal::new(ROWS_AT_ONCE);
    // The counts first, under the rule set they come from; the tools and the people after.
    let counts = move || {
        let lang = lang();
        let shown = result.get()?;
        Some(counts::counts_table(&shown.r, lang, units_shown))
    };
    let people = move || {
        let lang = lang();
        let shown = result.get()?;
        Some(below::below_standard(shown, lang))
    };

    view! {
        <Show when=has_result>
            <section class="panel standards" data-testid="standards"
                aria-busy=move || busy.get().then_some("true")>
                <h2>{move || t("Tiêu chuẩn cán bộ, công chức", "Staff standards")}</h2>
                <div class="report-controls">
                    <RuleSetChoice sets=sets />
                    <DifficultAreaFlags area=area />
                </div>
                {counts}
                <RuleSetTools sets=sets />
                <TrainingPlanDownload result=result />
                {people}
            </section>
        </Show>
    }
}

/// «Tải kế hoạch đào tạo (.xlsx)»: the training plan of the result as a workbook.
#[component]
fn TrainingPlanDownload(result: RwSignal<Option<Arc<Shown>>>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        let request = result.with_untracked(|r| {
            r.as_ref().map(|shown| {
                let name = format!("ke-hoach-dao-tao-{}.xlsx", shown.r.as_of);
                let request = crate::worker::export::Request::TrainingPlan {
                    standards: shown.r.clone(),
                };
                (request, name)
            })
        });
        if let Some((request, name)) = request {
            crate::components::report::exports::save_written(request, name, error);
        }
    };
    view! {
        <div class="exports no-print">
            <button type="button" class="button" data-testid="export-training" on:click=export>
                {move || t("Tải kế hoạch đào tạo (.xlsx)", "Download training plan (.xlsx)")}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
