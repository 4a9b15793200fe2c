//! The values no rule read, one line each, and what the user teaches them to mean.
//!
//! The list comes from the core (`Roster::unrecognised`), so it is there after a reload too;
//! the choices are the field's codes (`vocab::spellings::choices`). Teaching applies at once
//! to the roster on screen and to every later import (`AppState::teach`). The taught
//! spellings are listed below, each with «Bỏ», and go to and come from a JSON file
//! (`canbo.spellings/1`, the file `canbo --vocab` reads).

use canbo_core::field::Field;
use canbo_core::roster::Unrecognised;
use canbo_core::vocab::spellings::{choices, Spelling, Spellings};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::download::{save, JSON};
use crate::files::read_files;
use crate::i18n::{both, lang, num, t};
use crate::state::AppState;
use canbo_core::Text;

/// The anchor the headline's count links to.
pub const ANCHOR: &str = "gia-tri-chua-nhan-ra";

fn field_label(field: Field) -> &'static str {
    field.label(lang())
}

#[component]
pub fn UnreadValues() -> impl IntoView {
    let state = expect_context::<AppState>();
    let unread = Memo::new(move |_| {
        state
            .roster
            .with(|r| r.as_ref().map(|r| r.unrecognised()).unwrap_or_default())
    });
    let show =
        move || !unread.with(Vec::is_empty) || !state.overrides.with(|o| o.spellings.is_empty());
    // Keyed by the value: a row taught away takes its select with it, so the next row's
    // select does not show the choice just made. Drawn again, rows and all, when the
    // language changes.
    let items = move || {
        let _lang = lang();
        view! { <For each=move || unread.get() key=|u| (u.field, u.text.clone()) children=move |u| unread_row(state, u) /> }
    };

    view! {
        <Show when=show>
            <details class="review unread-values" id=ANCHOR data-testid="unrecognised-list"
                open=move || !unread.with(Vec::is_empty)>
                <summary>
                    <h2>{move || t("Giá trị chưa nhận ra", "Values not recognised")}</h2>
                    <span class="review-overview">{move || {
                        let n = unread.with(Vec::len);
                        crate::i18n::t(format!("{n} giá trị — chọn nghĩa một lần, Canbo nhớ cho các lần nhập sau"), format!("{n} values — say once what each means, Canbo remembers it for later imports"))
                    }}</span>
                </summary>
                <table class="review-columns unread-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t("Cột", "Column")}</th>
                            <th scope="col">{move || t("Giá trị", "Value")}</th>
                            <th scope="col" class="num">{move || t("Số người", "People")}</th>
                            <th scope="col">{move || t("Nghĩa là", "Means")}</th>
                            <th scope="col">{move || t("Ở đâu", "Where")}</th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
                <Show when=move || state.overrides.with(|o| !o.spellings.is_empty())>
                    <h3>{move || t("Đã dạy", "Taught")}</h3>
                    <ul class="taught-list">{move || taught_items(state)}</ul>
                </Show>
                <SpellingsFiles />
            </details>
        </Show>
    }
}

/// One value not read: its column, the text, how many people, the choice of what it means,
/// and where it was seen.
fn unread_row(state: AppState, u: Unrecognised) -> impl IntoView {
    let lang = lang();
    let (field, text) = (u.field, u.text.clone());
    let options = std::iter::once(view! {
        <option value="" selected=true>{t("— chọn nghĩa —", "— choose what it means —")}</option>
    }.into_any())
    .chain(choices(field).into_iter().map(|(code, vi, en)| {
        view! { <option value=code>{t(vi, en)}</option> }.into_any()
    }))
    .collect_view();
    let label = format!("{}: «{}»", field_label(field), u.text);
    let teach = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if !code.is_empty() {
            state.teach(Spelling {
                field,
                text: text.clone(),
                code,
            });
        }
    };
    view! {
        <tr class="unread" data-testid="unrecognised" data-field=field.code() data-text=u.text.clone()>
            <td>{field_label(field)}</td>
            <td class="unread-text">"«" {u.text.clone()} "»"</td>
            <td class="num">{num(u.people, lang)}</td>
            <td><select data-testid="teach" aria-label=label on:change=teach>{options}</select></td>
            <td class="unread-places">{u.places.join("; ")}</td>
        </tr>
    }
}

/// The spellings taught, each with what it means and «Bỏ».
fn taught_items(state: AppState) -> impl IntoView {
    state
        .overrides
        .with(|o| o.spellings.clone())
        .into_iter()
        .map(|s| {
            let meaning = choices(s.field)
                .into_iter()
                .find(|(code, _, _)| *code == s.code)
                .map_or(s.code.clone(), |(_, vi, en)| t(vi, en).to_string());
            let (field, text) = (s.field, s.text.clone());
            view! {
                <li data-testid="taught" data-field=s.field.code() data-text=s.text.clone()>
                    {field_label(s.field)} ": «" {s.text.clone()} "» → " {meaning} " "
                    <button type="button" class="button small subtle" on:click=move |_| state.forget_spelling(field, &text)>
                        {t("Bỏ", "Remove")}
                    </button>
                </li>
            }
        })
        .collect_view()
}

/// The taught spellings to and from a JSON file (`canbo.spellings/1`), and what went wrong.
#[component]
fn SpellingsFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<Text>);
    let export = move |_| {
        let json = state
            .overrides
            .with_untracked(|o| Spellings::to_json(&o.spellings));
        if let Err(e) = save("tu-dien-canbo.json", JSON, json.as_bytes()) {
            error.set(Some(Text::new(
                format!("Không tải xuống được: {e}"),
                format!("Could not download: {e}"),
            )));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        spawn_local(async move {
            let picked = read_files(&list).await;
            input.set_value("");
            let Some(file) = picked.files.into_iter().next() else {
                return;
            };
            let text = String::from_utf8_lossy(&file.bytes).into_owned();
            match Spellings::from_json(&text) {
                Ok(more) => {
                    error.set(None);
                    state.learn(more);
                }
                Err(e) => error.set(Some(both(|l| format!("{}: {}", file.name, e.message(l))))),
            }
        });
    };
    view! {
        <div class="rules-tools">
            <button type="button" class="button" data-testid="spellings-export" on:click=export
                disabled=move || state.overrides.with(|o| o.spellings.is_empty())>
                {move || t("Tải từ điển (.json)", "Download the spellings (.json)")}
            </button>
            <input type="file" id="spellings-import" class="visually-hidden" data-testid="spellings-import"
                accept=".json,application/json" on:change=import />
            <label for="spellings-import" class="button">
                {move || t("Nhập từ điển (.json)", "Import spellings (.json)")}
            </label>
        </div>
        {move || error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="spellings-error">{m.get(lang()).to_string()}</p> })}
    }
}

/// Beside the headline figures, what needs the user's eye: how many people are counted as
/// unknown in each breakdown (`report::unknowns`), and how many values no rule read, linked
/// to the list where the user says what they mean.
#[component]
pub fn UnreadCount() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = expect_context::<crate::settings::Settings>();
    let counts = Memo::new(move |_| {
        state.roster.with(|r| {
            r.as_ref().map_or((0, 0), |r| {
                let u = r.unrecognised();
                (u.len(), u.iter().map(|u| u.people).sum::<u32>())
            })
        })
    });
    let unknowns = Memo::new(move |_| {
        settings.report.with(|r| {
            r.as_ref()
                .map(|r| canbo_core::report::unknowns(&r.figures))
                .unwrap_or_default()
        })
    });
    move || {
        let (values, people) = counts.get();
        let unknowns = unknowns.get();
        (values > 0 || !unknowns.is_empty()).then(|| {
            let lang = lang();
            let parts = unknowns
                .iter()
                .map(|s| {
                    let key = s.path.split('.').next().unwrap_or_default();
                    let what = match canbo_core::report::Dimension::from_code(key) {
                        Some(d) => d.label(lang),
                        None => t("Ngày sinh", "Birth date"),
                    };
                    format!("{what}: {}", num(s.value, lang))
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let link = (values > 0).then(|| {
                let text = crate::i18n::t(
                    format!(
                        "{} giá trị chưa nhận ra ({} người) — chọn nghĩa",
                        num(values as u32, lang),
                        num(people, lang)
                    ),
                    format!(
                        "{} values not recognised ({} people) — say what they mean",
                        num(values as u32, lang),
                        num(people, lang)
                    ),
                );
                view! {
                    <a href=format!("#{ANCHOR}") data-testid="unrecognised-count" data-value=values
                        on:click=move |_| open_list(state)>{text}</a>
                }
            });
            view! {
                <p class="attention" data-testid="attention">
                    {(!parts.is_empty()).then(|| view! {
                        <span>{t("Chưa rõ — ", "Unknown — ")} {parts}</span>
                    })}
                    " "
                    {link}
                </p>
            }
        })
    }
}

/// Opens the list the count links to: the folded import area, and the list in it (a closed
/// `<details>` hides its content).
fn open_list(state: AppState) {
    crate::components::import_bar::open_panel(state);
    if let Some(el) = document().get_element_by_id(ANCHOR) {
        let _ = el.set_attribute("open", "");
    }
}
