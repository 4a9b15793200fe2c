//! Editing the rule set in use, and exchanging sets as JSON.
//!
//! «Sửa bộ tiêu chuẩn» opens a draft of the set in use: its name, the date it takes effect,
//! and per rule what each criterion requires, with the difficult-area exception the model
//! has (`Requirement::exception`). «Lưu» checks the draft with the core
//! (`RuleSet::validate`) and keeps it among the user's sets (`AppState::rule_sets`, saved):
//! a built-in set is saved as a copy (`<id>-sua`), a user set in place. Files are read with
//! `RuleSet::from_json`, the same check as the command line's `--rules`.
//!
//! Here: the tools' buttons and messages ([`RuleSetTools`]); beside it `draft.rs` (the form
//! and saving it), `rule.rs` (one rule), `requirement.rs` (one criterion's level and
//! exception), `files.rs` (download and import as JSON). Every level, scope and relief the
//! form lists, and every change it makes to a requirement, is the core's
//! (`canbo_core::standards::rules`).

mod draft;
mod files;
mod requirement;
mod rule;

use canbo_core::standards::{based_on, defaults, RuleSet, SetKind};
use canbo_core::Text;
use leptos::prelude::*;

use super::Sets;
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;

/// What the tools share: the sets, the draft being edited and the last word to the user.
#[derive(Clone, Copy)]
struct Tools {
    sets: Sets,
    state: AppState,
    /// The set being edited; `None` while the form is closed.
    draft: RwSignal<Option<RuleSet>>,
    error: RwSignal<Option<Text>>,
    status: RwSignal<Option<Text>>,
}

impl Tools {
    fn new(sets: Sets, state: AppState) -> Tools {
        Tools {
            sets,
            state,
            draft: RwSignal::new(None),
            error: RwSignal::new(None),
            status: RwSignal::new(None),
        }
    }

    /// Says what was done (and clears an earlier error).
    fn say(self, msg: Text) {
        self.error.set(None);
        self.status.set(Some(msg));
    }

    /// Opens the form on the set in use, its name focused.
    fn edit(self, name_input: NodeRef<leptos::html::Input>) {
        self.draft.set(self.sets.current.get_untracked());
        self.error.set(None);
        self.status.set(None);
        request_animation_frame(move || {
            if let Some(input) = name_input.get_untracked() {
                let _ = input.focus();
            }
        });
    }

    fn cancel(self) {
        self.draft.set(None);
        self.error.set(None);
    }

    /// Removes the user's set in use: the built-in one it was made from is back.
    fn remove(self) {
        let Some(set) = self.sets.current.get_untracked() else {
            return;
        };
        let base = based_on(&defaults(), &set.id).cloned();
        self.state
            .rule_sets
            .update(|u| u.retain(|x| x.id != set.id));
        self.draft.set(None);
        match base {
            Some(base) => {
                self.sets.pick(&base.id);
                self.say(Text::new(
                    format!("Đã khôi phục bộ tiêu chuẩn mặc định «{}».", base.name),
                    format!("Restored the built-in rule set “{}”.", base.name),
                ));
            }
            None => {
                self.sets.pick("");
                self.say(Text::new(
                    format!("Đã xóa bộ tiêu chuẩn «{}».", set.name),
                    format!("Deleted the rule set “{}”.", set.name),
                ));
            }
        }
    }
}

#[component]
pub(super) fn RuleSetTools(sets: Sets) -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let tools = Tools::new(sets, state);
    let name_input = NodeRef::<leptos::html::Input>::new();
    let kind = Memo::new(move |_| {
        let id = sets.current.with(|c| c.as_ref().map(|c| c.id.clone()))?;
        Some(state.rule_sets.with(|user| SetKind::of(&id, user)))
    });
    let editing = Memo::new(move |_| tools.draft.with(|d| d.as_ref().map(|d| d.rules.len())));
    // Drawn again when the language changes or a draft opens, closes or changes its rules.
    let form = move || {
        let lang = s.lang.get();
        editing.get()?;
        draft::draft_form(tools, name_input, lang)
    };

    view! {
        <div class="rules-tools no-print" data-testid="rule-set-tools">
            <div class="exports">
                <button type="button" class="button" data-testid="rules-edit" aria-expanded=move || editing.with(Option::is_some).to_string()
                    on:click=move |_| tools.edit(name_input)>
                    {move || t("Sửa bộ tiêu chuẩn", "Edit rule set")}
                </button>
                <button type="button" class="button" data-testid="rules-export" on:click=move |_| tools.export()>
                    {move || t("Tải bộ tiêu chuẩn (.json)", "Download rule set (.json)")}
                </button>
                <input type="file" id="rules-import" class="visually-hidden" data-testid="rules-import"
                    accept=".json,application/json" on:change=move |ev| tools.import(ev) />
                <label for="rules-import" class="button">
                    {move || t("Nhập bộ tiêu chuẩn (.json)", "Import rule set (.json)")}
                </label>
                {move || remove_button(kind.get(), tools)}
            </div>
            <div aria-live="polite">
                {move || tools.status.get().map(|m| view! { <p class="rules-status" role="status" data-testid="rules-status">{m.get(s.lang.get()).to_string()}</p> })}
            </div>
            {move || tools.error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="rules-error">{m.get(s.lang.get()).to_string()}</p> })}
            {form}
        </div>
    }
}

/// «Khôi phục mặc định» for an edited set, «Xóa bộ này» for the user's own; nothing for a
/// built-in one.
fn remove_button(kind: Option<SetKind>, tools: Tools) -> Option<AnyView> {
    match kind? {
        SetKind::Edited => Some(view! {
            <button type="button" class="button subtle" data-testid="rules-restore" on:click=move |_| tools.remove()>
                {t("Khôi phục mặc định", "Restore the built-in set")}
            </button>
        }.into_any()),
        SetKind::Own => Some(view! {
            <button type="button" class="button subtle danger" data-testid="rules-delete" on:click=move |_| tools.remove()>
                {t("Xóa bộ này", "Delete this set")}
            </button>
        }.into_any()),
        SetKind::BuiltIn => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::in_language;
    use canbo_core::export::Lang;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_saved_built_in_set_is_kept_as_a_copy_and_restoring_brings_the_original_back() {
        in_language(Lang::En, || {
            let state = AppState::empty();
            let sets = Sets::new(state, expect_context::<Settings>());
            let tools = Tools::new(sets, state);
            let built_in = sets.current.get_untracked().expect("a set in force today");
            tools.draft.set(Some(built_in.clone()));
            tools
                .draft
                .update(|d| d.as_mut().expect("a draft").name = "  Bộ đã sửa  ".into());
            tools.save();
            let copy = format!("{}-sua", built_in.id);
            let ids: Vec<String> = state
                .rule_sets
                .with_untracked(|u| u.iter().map(|s| s.id.clone()).collect());
            assert_eq!(ids, std::slice::from_ref(&copy));
            assert_eq!(
                sets.current.get_untracked().map(|s| (s.id, s.name)),
                Some((copy, "Bộ đã sửa".to_string()))
            );
            assert_eq!(tools.draft.get_untracked(), None);

            tools.remove();
            assert!(state.rule_sets.with_untracked(Vec::is_empty));
            assert_eq!(
                sets.current.get_untracked().map(|s| s.id),
                Some(built_in.id)
            );
            let said = tools.status.get_untracked().expect("a message");
            assert!(
                said.en.starts_with("Restored the built-in rule set"),
                "{}",
                said.en
            );
        });
    }
}
