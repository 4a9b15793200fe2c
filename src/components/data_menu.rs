//! The user's data as a whole: a message when the browser cannot keep it, and "delete
//! everything" (the page and local storage) behind a confirm step.

use leptos::prelude::*;

use super::review::t;
use crate::state::AppState;

/// Shown while saving fails (storage full, refused, a roster too large to keep) or saved data
/// could not be read back.
#[component]
pub fn StorageError() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let messages: Vec<String> = [state.storage_error.get(), state.roster_storage_error.get()]
            .into_iter()
            .flatten()
            .collect();
        (!messages.is_empty()).then(|| {
            let message = messages.join(" ");
            view! {
                <div class="import-error storage-error" role="alert" data-testid="storage-error">
                    <div class="import-error-text">
                        <p class="import-error-title">{move || t("Không lưu được dữ liệu", "Data not saved")}</p>
                        <p>{message}</p>
                    </div>
                </div>
            }
        })
    }
}

#[component]
pub fn DataMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let has_data = move || {
        state.roster.with(|r| r.is_some())
            || state.snapshots.with(|s| !s.is_empty())
            || state
                .overrides
                .with(|o| !o.columns.is_empty() || !o.sheets.is_empty())
    };
    view! {
        <StorageError />
        <Show when=has_data>
            <section class="data-menu" aria-label="Dữ liệu đã lưu">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button
                            type="button"
                            class="button subtle danger"
                            data-testid="delete-all"
                            on:click=move |_| confirming.set(true)
                        >
                            {move || t("Xóa toàn bộ dữ liệu", "Delete all data")}
                        </button>
                    }
                >
                    <div class="confirm" role="alertdialog" aria-labelledby="delete-all-question">
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
                            on:click=move |_| {
                                state.delete_all();
                                confirming.set(false);
                            }
                        >
                            {move || t("Xóa hết", "Delete everything")}
                        </button>
                        <button
                            type="button"
                            class="button subtle"
                            data-testid="delete-all-cancel"
                            autofocus
                            on:click=move |_| confirming.set(false)
                        >
                            {move || t("Giữ lại", "Keep")}
                        </button>
                    </div>
                </Show>
            </section>
        </Show>
    }
}
