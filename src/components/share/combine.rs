//! «Gộp»: several links (one from each commune) become one report whose units are the links'
//! reports and whose totals are their sums (`share::combine`), shown like any shared report
//! and sent on as one link.

use canbo_core::share::{self, combine, LinkKind, Part};
use leptos::prelude::*;

use super::{link, ShareState};
use crate::i18n::{lang, t};
use canbo_core::Text;

/// The combining panel's body: `app.rs` folds it (`on_demand::Folded`), its code in a chunk of
/// its own, fetched when the panel is first unfolded.
#[component]
pub fn CombineForm() -> impl IntoView {
    let share = expect_context::<ShareState>();
    let text = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    // Under a shared report, the box starts with its link: «Gộp» adds the others to it.
    Effect::new(move |_| {
        let current = share.link.get();
        if !current.is_empty() && text.with_untracked(|t| t.trim().is_empty()) {
            text.set(format!("{}\n", link::url_of(&current)));
        }
    });
    let run = move |_| {
        let pass = passphrase.get_untracked();
        let lines: Vec<String> = text.with_untracked(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        });
        if lines.len() < 2 {
            error.set(Some(Text::new(
                "Hãy dán ít nhất hai liên kết, mỗi liên kết một dòng.",
                "Paste at least two links, one a line.",
            )));
            return;
        }
        let mut parts = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let opened = match share::kind(line) {
                Ok(LinkKind::Locked) if pass.is_empty() => Err(crate::i18n::both(|l| {
                    canbo_core::share::LinkError::Locked.message(l)
                })),
                Ok(_) => share::decode_locked(line, &pass)
                    .map_err(|e| crate::i18n::both(|l| e.message(l))),
                Err(e) => Err(crate::i18n::both(|l| e.message(l))),
            };
            match opened {
                Ok(shared) => parts.push(Part { shared, name: None }),
                Err(msg) => {
                    let n = i + 1;
                    let msg = Text::new(
                        format!("Liên kết {n}: {}", msg.get(canbo_core::export::Lang::Vi)),
                        format!("Link {n}: {}", msg.get(canbo_core::export::Lang::En)),
                    );
                    share.error.set(Some(msg.clone()));
                    error.set(Some(msg));
                    return;
                }
            }
        }
        match combine(&parts)
            .map_err(|e| crate::i18n::both(|l| e.message(l)))
            .and_then(|combined| {
                let text = combined
                    .encode()
                    .map_err(|e| crate::i18n::both(|l| e.message(l)))?;
                Ok((combined, text))
            }) {
            Ok((combined, text)) => {
                error.set(None);
                share.show(combined, &text);
                let url = link::url_of(&text);
                // The address is the combined report's link: it can be bookmarked or sent.
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            }
            Err(msg) => error.set(Some(msg)),
        }
    };
    view! {
        <p class="share-help">{move || t(
                "Dán liên kết của từng xã (mỗi liên kết một dòng) rồi bấm «Gộp»: mỗi liên kết thành một đơn vị, tổng là tổng các đơn vị. Các liên kết phải cùng ngày số liệu và cùng mốc tuổi.",
                "Paste each commune's link (one a line) and press “Combine”: each link becomes a unit, the totals their sums. The links must share the report date and the age bands.",
            )}</p>
            <label for="share-combine-input" class="visually-hidden">{move || t("Các liên kết", "Links")}</label>
            <textarea
                id="share-combine-input"
                class="combine-input"
                rows="4"
                data-testid="share-combine-input"
                placeholder="https://…/#r1.…"
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="field inline">
                <label for="share-combine-passphrase">{move || t("Mật khẩu (nếu liên kết bị khóa)", "Passphrase (for locked links)")}</label>
                <input
                    id="share-combine-passphrase"
                    type="password"
                    autocomplete="off"
                    data-testid="share-combine-passphrase"
                    prop:value=passphrase
                    on:input=move |ev| passphrase.set(event_target_value(&ev))
                />
                <button type="button" class="button" data-testid="share-combine" on:click=run>
                    {move || t("Gộp", "Combine")}
                </button>
            </div>
            {move || error.get().map(|msg| view! {
                <p class="field-error" role="alert" data-testid="share-combine-error">{msg.get(lang()).to_string()}</p>
            })}
    }
}
