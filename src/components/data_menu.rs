//! The user's data as a whole: a message when the browser cannot keep it, and "delete
//! everything" (the page and local storage) behind a confirm step.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use canbo_core::Text;

use crate::i18n::{lang, t};
use crate::state::AppState;

/// Shown while saving fails (storage full, refused, a roster too large to keep, data of a
/// newer Canbo that is not overwritten), and, for the visit, when saved data could not be
/// read back (storage disabled, damaged, written by a newer Canbo). The messages are made in
/// both languages by `crate::storage` and shown in the page's.
#[component]
pub fn StorageError() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notice = move || {
        state.storage_notice.get().map(|notice| {
            view! {
                <div class="import-error storage-error" role="alert" data-testid="storage-notice">
                    <div class="import-error-text">
                        <p class="import-error-title">{move || t("Dữ liệu đã lưu chưa đọc được hết", "Saved data not fully read")}</p>
                        <p>{move || notice.get(lang()).to_string()}</p>
                    </div>
                </div>
            }
        })
    };
    let error = move || {
        let messages: Vec<Text> = [state.storage_error.get(), state.roster_storage_error.get()]
            .into_iter()
            .flatten()
            .collect();
        (!messages.is_empty()).then(|| {
            let message = move || {
                let lang = lang();
                messages.iter().map(|m| m.get(lang)).collect::<Vec<_>>().join(" ")
            };
            view! {
                <div class="import-error storage-error" role="alert" data-testid="storage-error">
                    <div class="import-error-text">
                        <p class="import-error-title">{move || t("Không lưu được dữ liệu", "Data not saved")}</p>
                        <p>{message}</p>
                    </div>
                </div>
            }
        })
    };
    view! { {notice} {error} }
}

/// «Xóa toàn bộ dữ liệu» asks first, in place (a non-modal alert dialog): focus moves to
/// its safe answer «Giữ lại»; Escape or «Giữ lại» put focus back on the button that asked,
/// and after «Xóa hết» focus goes to the start of the page, since the menu itself is gone
/// (`app.rs` draws it only while something is kept, `AppState::keeps_anything`).
#[component]
pub fn DataMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let ask_button = NodeRef::<leptos::html::Button>::new();
    let keep_button = NodeRef::<leptos::html::Button>::new();
    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(move || {
            if let Some(button) = keep_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let keep = move || {
        confirming.set(false);
        request_animation_frame(move || {
            if let Some(button) = ask_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let delete = move |_| {
        state.delete_all();
        confirming.set(false);
        request_animation_frame(|| {
            if let Some(main) = document()
                .get_element_by_id("noi-dung")
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        });
    };
    view! {
        <section class="data-menu" aria-label=move || t("Dữ liệu đã lưu", "Saved data")>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button
                        type="button"
                        class="button subtle danger"
                        data-testid="delete-all"
                        node_ref=ask_button
                        on:click=ask
                    >
                        {move || t("Xóa toàn bộ dữ liệu", "Delete all data")}
                    </button>
                }
            >
                <div
                    class="confirm"
                    role="alertdialog"
                    aria-modal="false"
                    aria-labelledby="delete-all-title"
                    aria-describedby="delete-all-question"
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            keep();
                        }
                    }
                >
                    <p id="delete-all-title" class="confirm-title">
                        {move || t("Xóa toàn bộ dữ liệu", "Delete all data")}
                    </p>
                    <p id="delete-all-question">
                        {move || t(
                            "Xóa danh sách, các chỉnh sửa và bản lưu số liệu khỏi trình duyệt này? Không thể hoàn tác.",
                            "Delete the roster, the corrections and the saved figures from this browser? This cannot be undone.",
                        )}
                    </p>
                    <button
                        type="button"
                        class="button danger"
                        data-testid="delete-all-confirm"
                        on:click=delete
                    >
                        {move || t("Xóa hết", "Delete everything")}
                    </button>
                    <button
                        type="button"
                        class="button subtle"
                        data-testid="delete-all-cancel"
                        node_ref=keep_button
                        on:click=move |_| keep()
                    >
                        {move || t("Giữ lại", "Keep")}
                    </button>
                </div>
            </Show>
        </section>
    }
}
