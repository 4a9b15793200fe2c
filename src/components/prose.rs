//! The report in words, above the figures: the text a Phòng Nội vụ puts in its report,
//! written by the core (`export::prose`) from the report on screen. It follows the language,
//! the filter, and the saved snapshot chosen for comparison; the standards and retirement
//! sections are added on request. «Sao chép» copies it as plain text; «Tải báo cáo (.docx)»
//! ([`super::document`]) puts the Vietnamese text into the signed document.
//!
//! The page writes no sentence itself: it gathers the options and shows the core's blocks.

use canbo_core::export::prose::{prose, Block, Comparison, Prose, ProseOptions};
use canbo_core::export::Lang;
use canbo_core::report::{Report, ReportOptions};
use canbo_core::retirement::{Forecast, Forecasting, RetirementLaw, RetirementOptions};
use canbo_core::standards::{Judging, Standards, StandardsOptions};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

use super::document::{DocumentButton, DocumentSettingsForm, PrintHeading};
use super::standards::rule_set_in_use;
use crate::i18n::t;
use crate::in_slices::{over_rows, Asked, Sliced};
use crate::settings::Settings;
use crate::state::AppState;
use crate::turns::Turn;
use canbo_core::Text;

/// Keys of `AppState::settings` (kept between visits).
const COMPARE_KEY: &str = "prose.compare";
const STANDARDS_KEY: &str = "prose.standards";
const RETIREMENT_KEY: &str = "prose.retirement";

/// Compares the text with the snapshot named `name` (kept for the next visit).
pub fn compare_with(state: AppState, name: &str) {
    state.settings.update(|m| {
        m.insert(COMPARE_KEY.to_string(), name.to_string());
    });
}

/// The standards and retirement sections of the text, each computed a slice of people at a
/// time (`crate::in_slices::over_rows`) over the people the report covers (its filter),
/// while the user asks for it. Each result comes with the report options it was computed
/// for, so a text never joins a report to sections of another filter or date.
#[derive(Clone, Copy)]
pub struct Sections {
    standards: Sliced<(ReportOptions, Standards)>,
    retirement: Sliced<(ReportOptions, Forecast)>,
}

/// The sections' results for one report, when whole: `None` where not asked for.
type Whole = (
    Option<Arc<(ReportOptions, Standards)>>,
    Option<Arc<(ReportOptions, Forecast)>>,
);

impl Sections {
    pub fn new(state: AppState, s: Settings) -> Sections {
        let chosen = move |key: &str| state.settings.with(|m| m.get(key).cloned());
        // The people the report covers: the filtered roster's rows.
        let rows = move |options: &ReportOptions| {
            state.coded.with(|coded| {
                coded
                    .as_ref()
                    .map(|coded| coded.rows(options, &Default::default()))
            })
        };
        let standards = over_rows(state, move || {
            chosen(STANDARDS_KEY)?;
            let options = s.options.get();
            let rules = rule_set_in_use(state, options.as_of)?;
            let judging = Judging::new(rules, StandardsOptions::new(options.as_of));
            let rows = rows(&options)?;
            Some((Asked(options, judging), rows))
        });
        let retirement = over_rows(state, move || {
            chosen(RETIREMENT_KEY)?;
            let options = s.options.get();
            let law = RetirementOptions::new(options.as_of);
            let forecasting = Forecasting::new(RetirementLaw::default(), law);
            let rows = rows(&options)?;
            Some((Asked(options, forecasting), rows))
        });
        Sections {
            standards,
            retirement,
        }
    }

    /// Whether a section is being computed again (tracked).
    pub fn busy(&self) -> bool {
        self.standards.busy.get() || self.retirement.busy.get()
    }

    /// The sections of the report with `options`, once each asked for is whole (tracked).
    fn whole_for(&self, options: &ReportOptions) -> Option<Whole> {
        if self.busy() {
            return None;
        }
        let standards = self.standards.value.get();
        let retirement = self.retirement.value.get();
        let fresh = standards.as_ref().is_none_or(|s| s.0 == *options)
            && retirement.as_ref().is_none_or(|r| r.0 == *options);
        fresh.then_some((standards, retirement))
    }
}

/// The text of the report on screen in `lang`, with the sections and comparison the user
/// chose (tracked: a view that calls it follows every choice). `None` without a report, or
/// while a section asked for is not yet whole for it.
pub fn current_prose(
    state: AppState,
    s: Settings,
    turn: Turn,
    lang: Lang,
    sections: Sections,
) -> Option<Prose> {
    let compare = state.settings.with(|m| m.get(COMPARE_KEY).cloned());
    let before: Option<(String, Report)> = compare.and_then(|name| {
        state.snapshots.with(|all| {
            all.iter()
                .find(|s| s.name == name)
                .map(|s| (s.name.clone(), s.report.clone()))
        })
    });
    let options = turn.get(s.options);
    let (standards, retirement) = sections.whole_for(&options)?;
    turn.with(s.report, |report| {
        let report = report.as_ref()?;
        Some(prose(
            report,
            &ProseOptions {
                lang,
                filter: Some(&options.filter),
                comparison: before
                    .as_ref()
                    .map(|(name, report)| Comparison { name, report }),
                standards: standards.as_ref().map(|s| &s.1),
                retirement: retirement.as_ref().map(|r| &r.1),
            },
        ))
    })
}

#[component]
pub fn ProseView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = expect_context::<Settings>();
    let turn = Turn::here();
    let sections = Sections::new(state, s);
    // While a section is computed again, the text stays the last one whole (its report and
    // its sections of one time), marked busy.
    let waiting = Memo::new(move |_| sections.whole_for(&turn.get(s.options)).is_none());
    let text = Memo::new(move |last: Option<&Option<Prose>>| match last {
        Some(last) if waiting.get() => last.clone(),
        _ => current_prose(state, s, turn, s.lang.get(), sections),
    });
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
            <div class="prose" data-testid="prose" aria-busy=move || waiting.get().then_some("true") lang=move || match s.lang.get() { Lang::Vi => "vi", Lang::En => "en" }>
                {blocks}
            </div>
            <div class="prose-actions no-print">
                <button type="button" class="button" data-testid="prose-copy" on:click=copy>
                    {move || t("Sao chép", "Copy")}
                </button>
                <DocumentButton sections />
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::in_slices::OVER_PEOPLE_AT_ONCE;
    use crate::test_support::{mount, sample_roster_of, until};
    use canbo_core::codes::Gender;
    use canbo_core::report::Dimension;
    use canbo_core::retirement::forecast;
    use canbo_core::roster::Roster;
    use canbo_core::standards::{defaults, picked_or_in_force, standards};
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The text shown, and whether it is marked busy.
    fn shown(root: &web_sys::HtmlElement) -> (String, bool) {
        let prose = root.query_selector("[data-testid=prose]").unwrap().unwrap();
        let text = prose.text_content().unwrap_or_default();
        (text, prose.has_attribute("aria-busy"))
    }

    fn joined(prose: &Prose) -> String {
        prose
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading(t) | Block::Paragraph(t) => t.as_str(),
            })
            .collect()
    }

    /// The standards and retirement sections cover the people of the report's filter, are
    /// computed a slice at a time while the last whole text stays shown (and the document
    /// waits), and read as the core writes them of those people.
    #[wasm_bindgen_test]
    async fn the_sections_cover_the_filtered_people_and_the_text_waits_for_them_whole() {
        let roster = sample_roster_of(4 * OVER_PEOPLE_AT_ONCE);
        let state = AppState::empty();
        state.roster.set(Some(roster.clone()));
        let s = Settings::new(state);
        let root = mount(state, move || {
            provide_context(s);
            view! { <ProseView /> }
        });
        until(|| !shown(&root).0.is_empty()).await;
        let before = shown(&root).0;

        // Both sections, of the women only.
        s.choose(Dimension::Gender, vec!["nu".into()]);
        state.settings.update(|m| {
            m.insert(STANDARDS_KEY.into(), "1".into());
            m.insert(RETIREMENT_KEY.into(), "1".into());
        });
        let docx = root
            .query_selector("[data-testid=export-docx]")
            .unwrap()
            .unwrap();
        let mut turns_busy = 0;
        loop {
            crate::turns::let_the_browser_draw().await;
            let (text, busy) = shown(&root);
            if !busy {
                break;
            }
            assert_eq!(text, before, "while busy, the last whole text");
            assert!(docx.has_attribute("disabled"), "the document waits");
            turns_busy += 1;
            assert!(turns_busy < 10_000, "never whole");
        }
        assert!(turns_busy > 1, "computed a slice at a time");
        assert!(!docx.has_attribute("disabled"));

        // What the core writes of the women alone.
        let women = Roster {
            people: roster
                .people
                .iter()
                .filter(|p| p.gender == Some(Gender::Nu))
                .cloned()
                .collect(),
            ..Roster::default()
        };
        assert!(!women.people.is_empty() && women.people.len() < roster.people.len());
        let as_of = s.as_of.get_untracked();
        let sets = defaults();
        let rules = picked_or_in_force(&sets, None, as_of).unwrap();
        let judged = standards(&women, rules, &StandardsOptions::new(as_of));
        let law = RetirementLaw::default();
        let forecast = forecast(&women, &law, &RetirementOptions::new(as_of));
        let options = s.options.get_untracked();
        let want = s.report.with_untracked(|report| {
            prose(
                report.as_ref().unwrap(),
                &ProseOptions {
                    lang: Lang::Vi,
                    filter: Some(&options.filter),
                    comparison: None,
                    standards: Some(&judged),
                    retirement: Some(&forecast),
                },
            )
        });
        assert_eq!(shown(&root).0, joined(&want));
        assert_ne!(shown(&root).0, before);

        // Unticked, the sections go at once: nothing to compute.
        state.settings.update(|m| {
            m.remove(STANDARDS_KEY);
            m.remove(RETIREMENT_KEY);
        });
        until(|| !shown(&root).0.contains(&joined(&want))).await;
        assert!(!shown(&root).1);
        crate::storage::clear();
    }
}
