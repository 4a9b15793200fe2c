//! The report in words, above the figures: the text a Phòng Nội vụ puts in its report,
//! written by the core (`export::prose`) from the report on screen. It follows the language,
//! the filter, and the saved snapshot chosen for comparison; the standards and retirement
//! sections are added on request. «Sao chép» copies it as plain text; «Tải báo cáo (.docx)»
//! ([`super::document`]) puts the Vietnamese text into the signed document.
//!
//! The page writes no sentence itself: it gathers the options and shows the core's blocks.

use canbo_core::export::prose::{prose, Block, Comparison, Prose, ProseOptions};
use canbo_core::export::Lang;
use canbo_core::report::Report;
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::roster::Roster;
use canbo_core::standards::{choose, combine, defaults, standards, StandardsOptions};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::document::{DocumentButton, DocumentSettingsForm, PrintHeading};
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;
use crate::turns::Turn;
use canbo_core::Text;

/// Keys of `AppState::settings` (kept between visits).
const COMPARE_KEY: &str = "prose.compare";
const STANDARDS_KEY: &str = "prose.standards";
const RETIREMENT_KEY: &str = "prose.retirement";
/// The rule set the standards page uses (`components::standards`).
const RULE_SET_KEY: &str = "standards.rule_set";

/// Compares the text with the snapshot named `name` (kept for the next visit).
pub fn compare_with(state: AppState, name: &str) {
    state.settings.update(|m| {
        m.insert(COMPARE_KEY.to_string(), name.to_string());
    });
}

/// The text of the report on screen in `lang`, with the sections and comparison the user
/// chose (tracked: a view that calls it follows every choice).
pub fn current_prose(state: AppState, s: Settings, turn: Turn, lang: Lang) -> Option<Prose> {
    let chosen = |key: &str| state.settings.with(|m| m.get(key).cloned());
    let compare = chosen(COMPARE_KEY);
    let with_standards = chosen(STANDARDS_KEY).is_some();
    let with_retirement = chosen(RETIREMENT_KEY).is_some();
    let before: Option<(String, Report)> = compare.and_then(|name| {
        state.snapshots.with(|all| {
            all.iter()
                .find(|s| s.name == name)
                .map(|s| (s.name.clone(), s.report.clone()))
        })
    });
    let options = turn.get(s.options);
    turn.with(s.report, |report| {
        let report = report.as_ref()?;
        // The sections cover the people the report covers: the filtered roster.
        let people = (with_standards || with_retirement)
            .then(|| {
                let rows = turn.with(state.coded, |coded| {
                    coded
                        .as_ref()
                        .map(|coded| coded.rows(&options, &Default::default()))
                })?;
                state.roster.with(|roster| {
                    roster.as_ref().map(|r| Roster {
                        people: rows.iter().map(|&i| r.people[i].clone()).collect(),
                        columns: r.columns.clone(),
                        ..Roster::default()
                    })
                })
            })
            .flatten();
        let standards = people.as_ref().filter(|_| with_standards).and_then(|r| {
            let picked = chosen(RULE_SET_KEY).unwrap_or_default();
            let all = state.rule_sets.with(|user| combine(defaults(), user));
            let rules = all
                .iter()
                .find(|set| !picked.is_empty() && set.id == picked)
                .or_else(|| choose(&all, None, options.as_of).ok())?;
            Some(standards(r, rules, &StandardsOptions::new(options.as_of)))
        });
        let retirement = people.as_ref().filter(|_| with_retirement).map(|r| {
            forecast(
                r,
                &RetirementLaw::default(),
                &RetirementOptions::new(options.as_of),
            )
        });
        Some(prose(
            report,
            &ProseOptions {
                lang,
                filter: Some(&options.filter),
                comparison: before
                    .as_ref()
                    .map(|(name, report)| Comparison { name, report }),
                standards: standards.as_ref(),
                retirement: retirement.as_ref(),
            },
        ))
    })
}

#[component]
pub fn ProseView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = expect_context::<Settings>();
    let turn = Turn::here();
    let text = Memo::new(move |_| current_prose(state, s, turn, s.lang.get()));
    let copied = RwSignal::new(None::<Text>);
    // A new text makes the last "copied" stale.
    Effect::new(move |_| {
        text.track();
        copied.set(None);
    });

    let copy = move |_| {
        let Some(plain) = text.with_untracked(|p| p.as_ref().map(Prose::text)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let ok = copy_text(&plain).await;
            copied.set(Some(if ok {
                Text::new("Đã sao chép văn bản.", "The text is copied.")
            } else {
                Text::new(
                    "Trình duyệt không cho sao chép: hãy chọn văn bản rồi nhấn Ctrl+C.",
                    "The browser refused to copy: select the text and press Ctrl+C.",
                )
            }));
        });
    };

    let set_flag = move |key: &'static str, on: bool| {
        state.settings.update(|m| {
            if on {
                m.insert(key.to_string(), "1".to_string());
            } else {
                m.remove(key);
            }
        })
    };
    let flag = move |key: &'static str| state.settings.with(|m| m.contains_key(key));
    let compare_choices = move || {
        let chosen = state
            .settings
            .with(|m| m.get(COMPARE_KEY).cloned())
            .unwrap_or_default();
        let none = view! {
            <option value="" selected=chosen.is_empty()>{t("Không so sánh", "No comparison")}</option>
        };
        let names = state.snapshots.with(|all| {
            all.iter()
                .map(|snap| {
                    let selected = snap.name == chosen;
                    view! { <option value=snap.name.clone() selected=selected>{snap.name.clone()}</option> }
                })
                .collect_view()
        });
        view! { {none}{names} }
    };
    let choose_compare = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        if name.is_empty() {
            state.settings.update(|m| {
                m.remove(COMPARE_KEY);
            });
        } else {
            compare_with(state, &name);
        }
    };

    let blocks = move || {
        text.with(|p| {
            p.as_ref().map(|p| {
                p.blocks
                    .iter()
                    .map(|block| match block {
                        Block::Heading(h) => view! { <h3>{h.clone()}</h3> }.into_any(),
                        Block::Paragraph(p) => view! { <p>{p.clone()}</p> }.into_any(),
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <PrintHeading />
        <section class="prose-panel" aria-labelledby="prose-title">
            <h2 id="prose-title" class="no-print">{move || t("Báo cáo bằng lời", "The report in words")}</h2>
            <div class="prose-tools no-print">
                <label class="prose-compare">
                    <span>{move || t("So sánh với", "Compare with")}</span>
                    <select data-testid="prose-compare" on:change=choose_compare>{compare_choices}</select>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="prose-standards"
                        prop:checked=move || flag(STANDARDS_KEY)
                        on:change=move |ev| set_flag(STANDARDS_KEY, event_target_checked(&ev)) />
                    {move || t("Thêm phần tiêu chuẩn", "Add the standards")}
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="prose-retirement"
                        prop:checked=move || flag(RETIREMENT_KEY)
                        on:change=move |ev| set_flag(RETIREMENT_KEY, event_target_checked(&ev)) />
                    {move || t("Thêm phần nghỉ hưu", "Add retirement")}
                </label>
            </div>
            <div class="prose" data-testid="prose" lang=move || match s.lang.get() { Lang::Vi => "vi", Lang::En => "en" }>
                {blocks}
            </div>
            <div class="prose-actions no-print">
                <button type="button" class="button" data-testid="prose-copy" on:click=copy>
                    {move || t("Sao chép", "Copy")}
                </button>
                <DocumentButton />
                <span class="prose-status" role="status" data-testid="prose-copied">
                    {move || copied.get().map(|m| m.get(s.lang.get()).to_string())}
                </span>
            </div>
            <DocumentSettingsForm />
        </section>
    }
}

/// Puts `text` on the clipboard: the Clipboard API, else a selected hidden text area and the
/// old `copy` command (pages served over plain http have no Clipboard API).
async fn copy_text(text: &str) -> bool {
    let clipboard = js_sys::Reflect::get(&window(), &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"clipboard".into()))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    if let Some(clipboard) = clipboard {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(write) = write {
            if let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                        return true;
                    }
                }
            }
        }
    }
    copy_by_selection(text)
}

fn copy_by_selection(text: &str) -> bool {
    let document = document();
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("class", "offscreen");
    let Some(body) = document.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let done = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    let _ = body.remove_child(&area);
    done
}
