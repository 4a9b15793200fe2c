//! «Chia sẻ báo cáo»: the link of the report on screen, its options (hide small counts, a
//! passphrase, a title), its length, and its QR code to scan or download.

use canbo_core::share::{qr_svg, LINK_WARN_CHARS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::link::{self, Choice};
use crate::download::save;
use crate::i18n::{lang, num, t};
use crate::settings::Settings;
use crate::state::AppState;
use canbo_core::Text;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = expect_context::<Settings>();
    let open = RwSignal::new(false);
    let choice = RwSignal::new(Choice::default());
    // The link follows the report on screen and the choices; made only while the panel is open.
    let made = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let choice = choice.get();
        let result = settings.report.with(|report| {
            let report = report.as_ref()?;
            let shared = link::shared_of(&state, &settings, report)?;
            Some(link::encode(shared, &choice))
        })?;
        Some(result.map(|text| link::url_of(&text)))
    });
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(Ok(url)) = made.get_untracked() {
            let _ = window().navigator().clipboard().write_text(&url);
            copied.set(true);
        }
    };

    let body = move || {
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
                let qr = qr_svg(&url);
                view! {
                    <div class="share-link-row">
                        <label for="share-link" class="visually-hidden">{t("Liên kết", "Link")}</label>
                        <input
                            id="share-link"
                            class="share-link"
                            type="text"
                            readonly
                            data-testid="share-link"
                            data-length=length
                            prop:value=url.clone()
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
                    <p class="share-length" data-testid="share-length">
                        {crate::i18n::t(format!("Liên kết dài {} ký tự; số liệu nằm ngay trong liên kết, không gửi lên máy chủ nào.", num(length as u32, lang)), format!("The link is {} characters long; the figures are in the link itself, sent to no server.", num(length as u32, lang)))}
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
    };

    view! {
        <section class="share-panel no-print" aria-labelledby="share-title">
            <div class="share-head">
                <h2 id="share-title" class="small-heading">{move || t("Chia sẻ báo cáo", "Share the report")}</h2>
                <button
                    type="button"
                    class="button"
                    data-testid="share"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| {
                        copied.set(false);
                        open.update(|o| *o = !*o);
                    }
                >
                    {move || if open.get() { t("Đóng", "Close") } else { t("Tạo liên kết chia sẻ", "Make a share link") }}
                </button>
            </div>
            <Show when=move || open.get()>
                <p class="share-help">
                    {move || t(
                        "Liên kết mang các số liệu đang hiện (kể cả tiêu chuẩn và dự báo nghỉ hưu), không có tên hay ngày sinh của ai. Người nhận mở được cả khi không có mạng nếu đã từng mở Canbo.",
                        "The link carries the figures on screen (with the standards and the retirement forecast), no name or birth date. It opens even offline where Canbo was opened before.",
                    )}
                </p>
                <div class="share-options">
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="share-hide-small"
                            prop:checked=move || choice.with(|c| c.hide_small)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                copied.set(false);
                                choice.update(|c| c.hide_small = on);
                            }
                        />
                        {move || t(
                            "Ẩn các số nhỏ hơn 3 trong từng đơn vị (hiện «<3»; tổng số vẫn đúng)",
                            "Hide counts below 3 in each unit (shown as “<3”; totals stay exact)",
                        )}
                    </label>
                    <div class="field inline">
                        <label for="share-passphrase">{move || t("Mật khẩu (không bắt buộc)", "Passphrase (optional)")}</label>
                        <input
                            id="share-passphrase"
                            type="password"
                            autocomplete="new-password"
                            data-testid="share-passphrase"
                            aria-describedby="share-passphrase-help"
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                copied.set(false);
                                choice.update(|c| c.passphrase = text);
                            }
                        />
                        <span id="share-passphrase-help" class="hint">
                            {move || t("Người nhận cần mật khẩu này; hãy gửi nó theo đường khác.", "The receiver needs it: send it another way.")}
                        </span>
                    </div>
                    <div class="field inline">
                        <label for="share-title-input">{move || t("Tên báo cáo (không bắt buộc)", "Report name (optional)")}</label>
                        <input
                            id="share-title-input"
                            type="text"
                            data-testid="share-title"
                            placeholder="Xã Na Sơn"
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                choice.update(|c| c.title = text);
                            }
                        />
                    </div>
                </div>
                {body}
            </Show>
        </section>
    }
}

/// The QR code of the link (SVG made by the core), with PNG and SVG downloads.
fn qr_view(qr: Result<String, canbo_core::share::QrError>) -> impl IntoView {
    match qr {
        Err(e) => {
            let msg: Text = crate::i18n::both(|l| e.message(l));
            view! { <p class="hint" data-testid="share-qr-too-long">{move || msg.get(lang()).to_string()}</p> }
                .into_any()
        }
        Ok(svg) => {
            let for_png = svg.clone();
            let for_svg = svg.clone();
            let error = RwSignal::new(None::<String>);
            view! {
                <figure class="share-qr-box">
                    <div class="share-qr" data-testid="share-qr" role="img"
                        aria-label=move || t("Mã QR của liên kết", "QR code of the link")
                        inner_html=svg></div>
                    <figcaption>
                        <button type="button" class="button small" data-testid="share-qr-png"
                            on:click=move |_| error.set(save_png(&for_png).err())>
                            {move || t("Tải mã QR (.png)", "Download QR (.png)")}
                        </button>
                        <button type="button" class="button small" data-testid="share-qr-svg"
                            on:click=move |_| error.set(save("ma-qr-canbo.svg", "image/svg+xml", for_svg.as_bytes()).err())>
                            {move || t("Tải mã QR (.svg)", "Download QR (.svg)")}
                        </button>
                        {move || error.get().map(|e| view! { <span class="field-error">{e}</span> })}
                    </figcaption>
                </figure>
            }
            .into_any()
        }
    }
}

/// Draws the SVG on a canvas (from a data: address, which the CSP allows for images) and
/// downloads it as PNG, 1,024 pixels wide.
fn save_png(svg: &str) -> Result<(), String> {
    const SIZE: u32 = 1024;
    let fail = |e: JsValue| format!("{e:?}");
    let document = document();
    let image: web_sys::HtmlImageElement = document
        .create_element("img")
        .map_err(fail)?
        .unchecked_into();
    let encoded = js_sys::encode_uri_component(svg);
    let source = format!("data:image/svg+xml;charset=utf-8,{encoded}");
    let img = image.clone();
    let onload = Closure::once_into_js(move || {
        let draw = || -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement = leptos::prelude::document()
                .create_element("canvas")?
                .unchecked_into();
            canvas.set_width(SIZE);
            canvas.set_height(SIZE);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .unchecked_into();
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, f64::from(SIZE), f64::from(SIZE));
            ctx.set_image_smoothing_enabled(false);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                f64::from(SIZE),
                f64::from(SIZE),
            )?;
            let url = canvas.to_data_url_with_type("image/png")?;
            let link: web_sys::HtmlAnchorElement = leptos::prelude::document()
                .create_element("a")?
                .unchecked_into();
            link.set_href(&url);
            link.set_download("ma-qr-canbo.png");
            link.click();
            Ok(())
        };
        if let Err(e) = draw() {
            leptos::logging::log!("Canbo: QR as PNG failed: {e:?}");
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&source);
    Ok(())
}
