//! The form of a draft: the set's name and date, each rule, «Lưu» and «Hủy»; and saving it
//! (checked by `RuleSet::validate`, a built-in set kept as a copy).

use canbo_core::export::Lang;
use canbo_core::standards::{copy_id, keep, SetKind};
use canbo_core::Text;
use leptos::prelude::*;

use super::rule::rule_fieldset;
use super::Tools;
use crate::i18n::{both, t};

impl Tools {
    /// Checks the draft and keeps it among the user's sets, in use from now on.
    pub(super) fn save(self) {
        let Some(mut set) = self.draft.get_untracked() else {
            return;
        };
        set.name = set.name.trim().to_string();
        if let Err(problem) = set.validate() {
            self.error.set(Some(both(|l| {
                let why = problem.message(l);
                l.pick("Chưa lưu được", "Not saved").to_string() + ": " + &why + "."
            })));
            return;
        }
        let is_user = self
            .state
            .rule_sets
            .with_untracked(|u| u.iter().any(|x| x.id == set.id));
        if !is_user {
            set.id = self.sets.all.with_untracked(|all| copy_id(&set.id, all));
        }
        let (id, name) = (set.id.clone(), set.name.clone());
        self.state.rule_sets.update(|u| keep(u, set));
        self.sets.pick(&id);
        self.draft.set(None);
        self.say(Text::new(
            format!("Đã lưu bộ tiêu chuẩn «{name}» (mã {id}); số liệu đã tính lại theo bộ này."),
            format!("Saved the rule set “{name}” (id {id}); the figures now use it."),
        ));
    }
}

/// The form, while a draft is open.
pub(super) fn draft_form(
    tools: Tools,
    name_input: NodeRef<leptos::html::Input>,
    lang: Lang,
) -> Option<impl IntoView> {
    let draft = tools.draft;
    let rules = draft.with_untracked(|d| d.as_ref().map(|d| d.rules.clone()))?;
    let built_in = draft.with_untracked(|d| {
        d.as_ref().is_some_and(|d| {
            tools
                .state
                .rule_sets
                .with_untracked(|u| SetKind::of(&d.id, u))
                == SetKind::BuiltIn
        })
    });
    let rule_fieldsets = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| rule_fieldset(draft, i, rule, lang))
        .collect_view();
    Some(view! {
        <form class="rules-editor" data-testid="rules-editor" aria-labelledby="rules-editor-title"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                tools.save();
            }>
            <h3 id="rules-editor-title">{t("Sửa bộ tiêu chuẩn", "Edit the rule set")}</h3>
            <p class="help">
                {if built_in {
                    t("Đây là bộ có sẵn: khi lưu, bản sửa được lưu thành một bộ mới (đã sửa); bộ gốc vẫn giữ nguyên.",
                        "This is a built-in set: saving keeps your changes as a new (edited) set; the original stays as it is.")
                } else {
                    t("Khi lưu, bộ này được cập nhật.", "Saving updates this set.")
                }}
            </p>
            {name_and_date(tools, name_input)}
            {rule_fieldsets}
            <div class="rules-actions">
                <button type="submit" class="button primary" data-testid="rules-save">{t("Lưu", "Save")}</button>
                <button type="button" class="button" data-testid="rules-cancel" on:click=move |_| tools.cancel()>{t("Hủy", "Cancel")}</button>
            </div>
        </form>
    })
}

/// The set's name and the date it takes effect.
fn name_and_date(tools: Tools, name_input: NodeRef<leptos::html::Input>) -> impl IntoView {
    let draft = tools.draft;
    view! {
        <div class="rules-head">
            <div class="field">
                <label for="rules-name">{t("Tên bộ tiêu chuẩn", "Name")}</label>
                <input id="rules-name" data-testid="rules-name" type="text" required node_ref=name_input
                    prop:value=move || draft.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| if let Some(d) = d { d.name = v });
                    } />
            </div>
            <div class="field">
                <label for="rules-effective-from">{t("Có hiệu lực từ ngày", "In force from")}</label>
                <input id="rules-effective-from" data-testid="rules-effective-from" type="date" required
                    prop:value=move || draft.with(|d| d.as_ref().map(|d| d.effective_from.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        if let Some(date) = canbo_core::Date::parse_iso(&event_target_value(&ev)) {
                            draft.update(|d| if let Some(d) = d {
                                d.effective_from = date;
                                d.effective_from_unconfirmed = false;
                            });
                        }
                    } />
            </div>
        </div>
    }
}
