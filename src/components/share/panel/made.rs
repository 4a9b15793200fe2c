//! The link made: the address to copy, its length (and a warning past what chat apps
//! carry), its QR code; or why no link could be made.

use canbo_core::share::LINK_WARN_CHARS;
use canbo_core::Text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::qr::qr_view;
use crate::i18n::{lang, num, t};

/// What `made` holds (`link::Made::link`): nothing while the panel is closed, there is no
/// report or the link is being made; the link, or why not.
pub(super) fn made_link(
    made: RwSignal<Option<Result<String, Text>>>,
    copied: RwSignal<bool>,
) -> Option<AnyView> {
    let result = made.get()?;
    let lang = lang();
    Some(match result {
        Err(msg) => view! {
            <p class="field-error" role="alert" data-testid="share-make-error">{msg.get(lang)}</p>
        }
        .into_any(),
        Ok(url) => {
            let length = url.len();
            let long = length > LINK_WARN_CHARS;
            let qr = canbo_core::share::qr_svg(&url);
            view! {
                {link_row(url, made, copied)}
                <p class="share-length" data-testid="share-length">
                    {t(format!("Liên kết dài {} ký tự; số liệu nằm ngay trong liên kết, không gửi lên máy chủ nào.", num(length as u32, lang)), format!("The link is {} characters long; the figures are in the link itself, sent to no server.", num(length as u32, lang)))}
                </p>
                {long.then(|| view! {
                    <p class="share-long" role="alert" data-testid="share-long">
                        {t(
                            "Liên kết dài hơn 2.000 ký tự: Zalo, email hay tin nhắn có thể cắt mất một phần, và liên kết bị cắt sẽ không mở được. Hãy gửi gói dữ liệu (.canbo) ở mục «Gói dữ liệu» cuối trang.",
                            "The link is longer than 2,000 characters: chat apps and mail may cut it, and a cut link does not open. Send a data package (.canbo) instead (“Data package” below).",
                        )}
                    </p>
                })}
                {qr_view(qr)}
            }
            .into_any()
        }
    })
}

/// The address, selected on focus, and «Sao chép».
fn link_row(
    url: String,
    made: RwSignal<Option<Result<String, Text>>>,
    copied: RwSignal<bool>,
) -> impl IntoView {
    let copy = move |_| {
        if let Some(Ok(url)) = made.get_untracked() {
            let _ = window().navigator().clipboard().write_text(&url);
            copied.set(true);
        }
    };
    view! {
        <div class="share-link-row">
            <label for="share-link" class="visually-hidden">{t("Liên kết", "Link")}</label>
            <input
                id="share-link"
                class="share-link"
                type="text"
                readonly
                data-testid="share-link"
                data-length=url.len()
                prop:value=url
                on:focus=move |ev| {
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }
            />
            <button type="button" class="button small" data-testid="share-copy" on:click=copy>
                {move || if copied.get() { t("Đã sao chép", "Copied") } else { t("Sao chép", "Copy") }}
            </button>
        </div>
    }
}
