//! The two ways in besides dropping: pick files, or try the bundled sample.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::files::{fetch_sample, read_files};
use crate::i18n::t;
use crate::state::AppState;

/// The formats the core reads; `.txt` is for tab- or comma-separated exports.
const ACCEPT: &str = ".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.txt";

#[component]
pub fn ImportBar() -> impl IntoView {
    let state = expect_context::<AppState>();

    let on_change = move |event: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&event);
        let Some(list) = input.files() else { return };
        spawn_local(async move {
            let picked = read_files(&list).await;
            // Picking the same file again must fire `change` again.
            input.set_value("");
            state.import_soon(picked).await;
        });
    };
    let load_sample =
        move |_| spawn_local(async move { state.import_soon(fetch_sample().await).await });

    view! {
        <section
            class="import-bar"
            class:loaded=move || state.roster.with(Option::is_some)
            aria-label=move || t("Nhập danh sách", "Import a roster")
        >
            <input
                type="file"
                id="import-input"
                class="visually-hidden"
                multiple
                accept=ACCEPT
                data-testid="import-input"
                on:change=on_change
            />
            <label for="import-input" class="button primary">
                {move || t("Chọn tệp danh sách…", "Choose roster files…")}
            </label>
            <button type="button" class="button" data-testid="load-sample" on:click=load_sample>
                {move || t("Dùng dữ liệu mẫu", "Use the sample data")}
            </button>
            <Show when=move || state.busy.get()>
                <div class="import-busy" role="status" data-testid="import-busy">
                    <label for="import-progress">{move || state.progress.with(|(_, text)| text.clone())}</label>
                    <progress
                        id="import-progress"
                        max=crate::worker::PROGRESS_MAX
                        value=move || state.progress.with(|(stage, _)| *stage)
                    ></progress>
                    <button
                        type="button"
                        class="button small subtle"
                        data-testid="import-cancel"
                        on:click=move |_| state.cancel_import()
                    >
                        {move || t("Hủy", "Cancel")}
                    </button>
                </div>
            </Show>
            <p class="hint">
                {move || t(
                    "hoặc kéo thả tệp vào bất kỳ đâu trên trang. Đọc được Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) và CSV.",
                    "or drop files anywhere on the page. Reads Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) and CSV.",
                )}
            </p>
        </section>
    }
}
