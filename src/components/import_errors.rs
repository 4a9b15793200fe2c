//! Why the last files could not be read, until the user dismisses it.

use leptos::prelude::*;

use crate::i18n::t;
use crate::state::AppState;

#[component]
pub fn ImportErrors() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.errors.with(|errors| !errors.is_empty())>
            <div class="import-error" role="alert" data-testid="import-error">
                <div class="import-error-text">
                    <p class="import-error-title">{move || t("Không đọc được tệp", "The file could not be read")}</p>
                    <ul>
                        {move || {
                            let lang = crate::i18n::lang();
                            state.errors.get().into_iter().map(|message| view! { <li>{message.get(lang).to_string()}</li> }).collect_view()
                        }}
                    </ul>
                </div>
                <button
                    type="button"
                    class="button subtle"
                    data-testid="import-error-dismiss"
                    aria-label=move || t("Đóng thông báo lỗi", "Close the error message")
                    on:click=move |_| state.dismiss_errors()
                >
                    {move || t("Đóng", "Close")}
                </button>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Picked;
    use crate::test_support::{mount, until};
    use canbo_core::import::FileInput;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn an_unreadable_file_is_named_until_dismissed() {
        let state = AppState::empty();
        let page = mount(state, || view! { <ImportErrors /> });
        let banner = || page.query_selector("[data-testid=import-error]").unwrap();

        let file = FileInput {
            name: "anh-chup.png".into(),
            bytes: b"\x89PNG\r\n\x1a\n".to_vec(),
        };
        state.import(Picked {
            files: vec![file],
            unreadable: vec![],
        });
        until(|| banner().is_some()).await;
        assert!(banner()
            .unwrap()
            .text_content()
            .unwrap_or_default()
            .contains("anh-chup.png"));

        let dismiss: web_sys::HtmlElement = page
            .query_selector("[data-testid=import-error-dismiss]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        dismiss.click();
        until(|| banner().is_none()).await;
    }
}
