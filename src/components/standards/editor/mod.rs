//! Editing the rule set in use, and exchanging sets as JSON.
//!
//! «Sửa bộ tiêu chuẩn» opens a draft of the set in use: its name, the date it takes effect,
//! and per rule what each criterion requires, with the difficult-area exception the model
//! has (`Requirement::exception`). «Lưu» checks the draft with the core
//! (`RuleSet::validate`) and keeps it among the user's sets (`AppState::rule_sets`, saved):
//! a built-in set is saved as a copy (`<id>-sua`), a user set in place. Files are read with
//! `RuleSet::from_json`, the same check as the command line's `--rules`.

use canbo_core::codes::{Code, GeneralEducation, PoliticalTheory, Professional};
use canbo_core::export::Lang;
use canbo_core::standards::rules::{Exception, Relief, Requirement, Rule, Scope};
use canbo_core::standards::{based_on, copy_id, defaults, Criterion, RuleSet};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use super::{kind_of, Kind, Sets};
use crate::download::save;
use crate::files::read_files;
use crate::i18n::{both, t};
use crate::settings::Settings;
use crate::state::AppState;
use canbo_core::Text;

/// Puts `set` among the user's sets: in place of one with its id, else after them. A set
/// identical to a built-in one is not kept (the built-in one is the same).
fn keep(user: &mut Vec<RuleSet>, set: RuleSet) {
    let built_in = defaults().into_iter().any(|b| b == set);
    match user.iter().position(|u| u.id == set.id) {
        Some(i) if built_in => {
            user.remove(i);
        }
        Some(i) => user[i] = set,
        None if built_in => {}
        None => user.push(set),
    }
}

#[component]
pub(super) fn RuleSetTools(sets: Sets) -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let lang = move || s.lang.get();
    let draft = RwSignal::new(None::<RuleSet>);
    let error = RwSignal::new(None::<Text>);
    let status = RwSignal::new(None::<Text>);
    let name_input = NodeRef::<leptos::html::Input>::new();
    let kind = Memo::new(move |_| {
        let id = sets.current.with(|c| c.as_ref().map(|c| c.id.clone()))?;
        Some(state.rule_sets.with(|user| kind_of(&id, user)))
    });
    let say = move |msg: Text| {
        error.set(None);
        status.set(Some(msg));
    };

    let edit = move |_| {
        draft.set(sets.current.get_untracked());
        error.set(None);
        status.set(None);
        request_animation_frame(move || {
            if let Some(input) = name_input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    let cancel = move |_| {
        draft.set(None);
        error.set(None);
    };
    let save_draft = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut set) = draft.get_untracked() else {
            return;
        };
        set.name = set.name.trim().to_string();
        if let Err(problem) = set.validate() {
            error.set(Some(both(|l| {
                let why = problem.message(l);
                l.pick("Chưa lưu được", "Not saved").to_string() + ": " + &why + "."
            })));
            return;
        }
        let is_user = state
            .rule_sets
            .with_untracked(|u| u.iter().any(|x| x.id == set.id));
        if !is_user {
            set.id = sets.all.with_untracked(|all| copy_id(&set.id, all));
        }
        let (id, name) = (set.id.clone(), set.name.clone());
        state.rule_sets.update(|u| keep(u, set));
        sets.pick(&id);
        draft.set(None);
        say(Text::new(
            format!("Đã lưu bộ tiêu chuẩn «{name}» (mã {id}); số liệu đã tính lại theo bộ này."),
            format!("Saved the rule set “{name}” (id {id}); the figures now use it."),
        ));
    };
    let export = move |_| {
        let Some(set) = sets.current.get_untracked() else {
            return;
        };
        match save(
            &format!("{}.json", set.id),
            crate::download::JSON,
            set.to_json().as_bytes(),
        ) {
            Ok(()) => say(Text::new(
                format!("Đã tải xuống {}.json.", set.id),
                format!("Downloaded {}.json.", set.id),
            )),
            Err(e) => error.set(Some(Text::new(
                format!("Không tải xuống được: {e}"),
                format!("Could not download: {e}"),
            ))),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        spawn_local(async move {
            let picked = read_files(&list).await;
            // Picking the same file again must fire `change` again.
            input.set_value("");
            let Some(file) = picked.files.into_iter().next() else {
                if !picked.unreadable.is_empty() {
                    let (vi, en): (Vec<_>, Vec<_>) =
                        picked.unreadable.into_iter().map(|t| (t.vi, t.en)).unzip();
                    error.set(Some(Text::new(vi.join("; "), en.join("; "))));
                }
                return;
            };
            let parsed = match String::from_utf8(file.bytes) {
                Ok(text) => RuleSet::from_json(&text)
                    .map_err(|e| both(|l| format!("{}: {}", file.name, e.message(l)))),
                Err(_) => Err(Text::new(
                    format!(
                        "{}: tệp không phải văn bản UTF-8, không phải tệp JSON.",
                        file.name
                    ),
                    format!("{}: not UTF-8 text, so not a JSON file.", file.name),
                )),
            };
            match parsed {
                Err(msg) => {
                    status.set(None);
                    error.set(Some(msg));
                }
                Ok(new) => {
                    let names: Vec<String> = new.iter().map(|s| format!("«{}»", s.name)).collect();
                    let first = new.first().map(|s| s.id.clone()).unwrap_or_default();
                    state.rule_sets.update(|u| {
                        for set in new {
                            keep(u, set);
                        }
                    });
                    sets.pick(&first);
                    draft.set(None);
                    say(Text::new(
                        format!(
                            "Đã nhập {} bộ tiêu chuẩn: {}.",
                            names.len(),
                            names.join(", ")
                        ),
                        format!(
                            "Imported {} rule set(s): {}.",
                            names.len(),
                            names.join(", ")
                        ),
                    ));
                }
            }
        });
    };
    // Removing the user's set: the built-in one it was made from is back.
    let remove = move |_| {
        let Some(set) = sets.current.get_untracked() else {
            return;
        };
        let base = based_on(&defaults(), &set.id).cloned();
        state.rule_sets.update(|u| u.retain(|x| x.id != set.id));
        draft.set(None);
        match base {
            Some(base) => {
                sets.pick(&base.id);
                say(Text::new(
                    format!("Đã khôi phục bộ tiêu chuẩn mặc định «{}».", base.name),
                    format!("Restored the built-in rule set “{}”.", base.name),
                ));
            }
            None => {
                sets.pick("");
                say(Text::new(
                    format!("Đã xóa bộ tiêu chuẩn «{}».", set.name),
                    format!("Deleted the rule set “{}”.", set.name),
                ));
            }
        }
    };

    let editing = Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.rules.len())));
    let editor = move || {
        let lang = lang();
        editing.get()?;
        let rules = draft.with_untracked(|d| d.as_ref().map(|d| d.rules.clone()))?;
        let built_in = draft.with_untracked(|d| {
            d.as_ref().is_some_and(|d| {
                state.rule_sets.with_untracked(|u| kind_of(&d.id, u)) == Kind::BuiltIn
            })
        });
        let rule_editors = rules
            .iter()
            .enumerate()
            .map(|(i, rule)| rule_editor(draft, i, rule, lang))
            .collect_view();
        Some(view! {
            <form class="rules-editor" data-testid="rules-editor" aria-labelledby="rules-editor-title"
                on:submit=save_draft>
                <h3 id="rules-editor-title">{t("Sửa bộ tiêu chuẩn", "Edit the rule set")}</h3>
                <p class="help">
                    {if built_in {
                        t("Đây là bộ có sẵn: khi lưu, bản sửa được lưu thành một bộ mới (đã sửa); bộ gốc vẫn giữ nguyên.",
                            "This is a built-in set: saving keeps your changes as a new (edited) set; the original stays as it is.")
                    } else {
                        t("Khi lưu, bộ này được cập nhật.", "Saving updates this set.")
                    }}
                </p>
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
                {rule_editors}
                <div class="rules-actions">
                    <button type="submit" class="button primary" data-testid="rules-save">{t("Lưu", "Save")}</button>
                    <button type="button" class="button" data-testid="rules-cancel" on:click=cancel>{t("Hủy", "Cancel")}</button>
                </div>
            </form>
        })
    };

    view! {
        <div class="rules-tools no-print" data-testid="rule-set-tools">
            <div class="exports">
                <button type="button" class="button" data-testid="rules-edit" aria-expanded=move || editing.with(Option::is_some).to_string()
                    on:click=edit>
                    {move || t("Sửa bộ tiêu chuẩn", "Edit rule set")}
                </button>
                <button type="button" class="button" data-testid="rules-export" on:click=export>
                    {move || t("Tải bộ tiêu chuẩn (.json)", "Download rule set (.json)")}
                </button>
                <input type="file" id="rules-import" class="visually-hidden" data-testid="rules-import"
                    accept=".json,application/json" on:change=import />
                <label for="rules-import" class="button">
                    {move || t("Nhập bộ tiêu chuẩn (.json)", "Import rule set (.json)")}
                </label>
                {move || match kind.get() {
                    Some(Kind::Edited) => Some(view! {
                        <button type="button" class="button subtle" data-testid="rules-restore" on:click=remove>
                            {t("Khôi phục mặc định", "Restore the built-in set")}
                        </button>
                    }.into_any()),
                    Some(Kind::Own) => Some(view! {
                        <button type="button" class="button subtle danger" data-testid="rules-delete" on:click=remove>
                            {t("Xóa bộ này", "Delete this set")}
                        </button>
                    }.into_any()),
                    _ => None,
                }}
            </div>
            <div aria-live="polite">
                {move || status.get().map(|m| view! { <p class="rules-status" role="status" data-testid="rules-status">{m.get(lang()).to_string()}</p> })}
            </div>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="rules-error">{m.get(lang()).to_string()}</p> })}
            {editor}
        </div>
    }
}

/// One rule's requirements.
fn rule_editor(
    draft: RwSignal<Option<RuleSet>>,
    i: usize,
    rule: &Rule,
    lang: Lang,
) -> impl IntoView {
    let who = if rule.who.titles.is_empty() {
        format!(
            "{}: {}",
            rule.who.category.label(lang),
            t("tất cả", "everyone")
        )
    } else {
        format!(
            "{}: {}",
            rule.who.category.label(lang),
            rule.who
                .titles
                .iter()
                .map(|t| crate::components::retirement::title_label(Some(*t), lang))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let matching = format!("rules-{i}-matching");
    view! {
        <fieldset class="rule-edit" data-testid=format!("rules-rule-{i}")>
            <legend>{rule.label_in(lang).to_string()}</legend>
            <p class="help">{who}</p>
            <div class="rule-criteria">
                {requirement_editor::<GeneralEducation>(draft, i, Criterion::GeneralEducation,
                    |r| &r.general_education, |r| &mut r.general_education, GeneralEducation::rank, lang)}
                {requirement_editor::<Professional>(draft, i, Criterion::Professional,
                    |r| &r.professional, |r| &mut r.professional, Professional::rank, lang)}
                {requirement_editor::<PoliticalTheory>(draft, i, Criterion::PoliticalTheory,
                    |r| &r.political_theory, |r| &mut r.political_theory, PoliticalTheory::rank, lang)}
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

/// The level a requirement asks, and its exception: a scope and a relief (a lower level, or
/// years of grace).
fn requirement_editor<L: Code + Send + Sync>(
    draft: RwSignal<Option<RuleSet>>,
    i: usize,
    criterion: Criterion,
    get: fn(&Rule) -> &Option<Requirement<L>>,
    slot: fn(&mut Rule) -> &mut Option<Requirement<L>>,
    rank: fn(L) -> Option<u8>,
    lang: Lang,
) -> impl IntoView {
    let read = move || {
        draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.rules.get(i))
                .and_then(|r| get(r).clone())
        })
    };
    let edit = move |f: &dyn Fn(&mut Option<Requirement<L>>)| {
        draft.update(|d| {
            if let Some(r) = d.as_mut().and_then(|d| d.rules.get_mut(i)) {
                f(slot(r));
            }
        });
    };
    let min = Memo::new(move |_| read().map(|r| r.min));
    let scope = Memo::new(move |_| read().and_then(|r| r.exception.map(|e| e.scope)));
    let relief = Memo::new(move |_| read().and_then(|r| r.exception.map(|e| e.relief)));
    let unconfirmed = Memo::new(move |_| read().is_some_and(|r| r.unconfirmed));
    let label = move |l: L| l.label(lang);
    // The highest level below `min`, for a new "lower to" exception.
    let below = move |min: L| {
        let m = rank(min).unwrap_or(0);
        L::ALL
            .iter()
            .copied()
            .filter(|l| rank(*l).is_some_and(|r| r < m))
            .max_by_key(|l| rank(*l))
    };
    let base = format!("rules-{i}-{}", criterion.code());
    let (min_id, scope_id, relief_id, lower_id, years_id) = (
        format!("{base}-min"),
        format!("{base}-exception"),
        format!("{base}-relief"),
        format!("{base}-lower"),
        format!("{base}-years"),
    );
    let min_options = L::ALL
        .iter()
        .copied()
        .filter(|l| rank(*l).is_some_and(|r| r > 0))
        .map(|l| {
            view! { <option value=l.code() prop:selected=move || min.get() == Some(l)>{label(l)}</option> }
        })
        .collect_view();
    let on_min = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        edit(&|req| match L::from_code(&v) {
            None => *req = None,
            Some(new) => match req {
                Some(r) => {
                    r.min = new;
                    r.unconfirmed = false;
                    // An exception that no longer lowers the level means nothing.
                    if let Some(Exception {
                        relief: Relief::LowerTo(lower),
                        ..
                    }) = &r.exception
                    {
                        if rank(*lower) >= rank(new) {
                            r.exception = None;
                        }
                    }
                }
                None => {
                    *req = Some(Requirement {
                        min: new,
                        unconfirmed: false,
                        exception: None,
                    })
                }
            },
        });
    };
    let on_scope = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let new = match v.as_str() {
            "difficult_area" => Some(Scope::DifficultArea),
            "difficult_area_or_ethnic_minority" => Some(Scope::DifficultAreaOrEthnicMinority),
            _ => None,
        };
        edit(&|req| {
            let Some(r) = req else { return };
            match (new, &mut r.exception) {
                (None, e) => *e = None,
                (Some(scope), Some(e)) => e.scope = scope,
                (Some(scope), e) => {
                    *e = Some(Exception {
                        scope,
                        relief: below(r.min).map_or(Relief::GraceYears(5), Relief::LowerTo),
                        unconfirmed: false,
                    })
                }
            }
        });
    };
    let on_relief = move |ev: leptos::ev::Event| {
        let grace = event_target_value(&ev) == "grace_years";
        edit(&|req| {
            let Some(r) = req else { return };
            let lower = below(r.min);
            if let Some(e) = &mut r.exception {
                e.relief = match (grace, lower) {
                    (false, Some(l)) => Relief::LowerTo(l),
                    _ => Relief::GraceYears(5),
                };
            }
        });
    };
    let on_lower = move |ev: leptos::ev::Event| {
        if let Some(l) = L::from_code(&event_target_value(&ev)) {
            edit(&|req| {
                if let Some(e) = req.as_mut().and_then(|r| r.exception.as_mut()) {
                    e.relief = Relief::LowerTo(l);
                }
            });
        }
    };
    let on_years = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).trim().parse::<u8>() {
            if (1..=50).contains(&n) {
                edit(&|req| {
                    if let Some(e) = req.as_mut().and_then(|r| r.exception.as_mut()) {
                        e.relief = Relief::GraceYears(n);
                    }
                });
            }
        }
    };
    let has_requirement = Memo::new(move |_| min.get().is_some());
    let is_grace = move || matches!(relief.get(), Some(Relief::GraceYears(_)));
    let exception = move || {
        has_requirement.get().then(|| {
            let lower_options = move || {
                let m = min.get().and_then(rank).unwrap_or(0);
                L::ALL
                    .iter()
                    .copied()
                    .filter(|l| rank(*l).is_some_and(|r| r < m))
                    .map(|l| {
                        let text = if rank(l) == Some(0) {
                            t("Không yêu cầu", "No requirement")
                        } else {
                            label(l)
                        };
                        let selected = move || relief.get() == Some(Relief::LowerTo(l));
                        view! { <option value=l.code() prop:selected=selected>{text}</option> }
                    })
                    .collect_view()
            };
            let (scope_id, relief_id, lower_id, years_id) = (
                scope_id.clone(),
                relief_id.clone(),
                lower_id.clone(),
                years_id.clone(),
            );
            view! {
                <div class="exception">
                    <label for=scope_id.clone()>{t("Ngoại lệ", "Exception")}</label>
                    <select id=scope_id.clone() data-testid=scope_id on:change=on_scope>
                        <option value="" prop:selected=move || scope.get().is_none()>{t("Không có ngoại lệ", "No exception")}</option>
                        <option value="difficult_area" prop:selected=move || scope.get() == Some(Scope::DifficultArea)>
                            {t("Ở vùng khó khăn", "In a difficult area")}
                        </option>
                        <option value="difficult_area_or_ethnic_minority" prop:selected=move || scope.get() == Some(Scope::DifficultAreaOrEthnicMinority)>
                            {t("Vùng khó khăn hoặc người dân tộc thiểu số", "Difficult area or ethnic-minority staff")}
                        </option>
                    </select>
                    <div class="relief" hidden=move || scope.get().is_none()>
                        <label for=relief_id.clone()>{t("Khi đó", "Then")}</label>
                        <select id=relief_id.clone() data-testid=relief_id on:change=on_relief>
                            <option value="lower_to" prop:selected=move || !is_grace()>{t("Hạ mức yêu cầu xuống", "Lower the requirement to")}</option>
                            <option value="grace_years" prop:selected=is_grace>{t("Cho thời gian chuyển tiếp (năm)", "Allow a grace period (years)")}</option>
                        </select>
                        <label for=lower_id.clone() class="visually-hidden">{t("Mức được hạ xuống", "Lowered to")}</label>
                        <select id=lower_id.clone() data-testid=lower_id on:change=on_lower hidden=is_grace>
                            {lower_options}
                        </select>
                        <label for=years_id.clone() class="visually-hidden">{t("Số năm chuyển tiếp", "Years of grace")}</label>
                        <input id=years_id.clone() data-testid=years_id type="number" min="1" max="50" hidden=move || !is_grace()
                            prop:value=move || match relief.get() { Some(Relief::GraceYears(n)) => n.to_string(), _ => "5".into() }
                            on:input=on_years />
                    </div>
                </div>
            }
        })
    };
    view! {
        <div class="requirement field">
            <label for=min_id.clone()>
                {criterion.label(lang)}
                {move || unconfirmed.get().then(|| view! { " " <span class="tag">{t("chưa xác nhận", "unconfirmed")}</span> })}
            </label>
            <select id=min_id.clone() data-testid=min_id on:change=on_min>
                <option value="" prop:selected=move || min.get().is_none()>{t("Không yêu cầu", "No requirement")}</option>
                {min_options}
            </select>
            {exception}
        </div>
    }
}
