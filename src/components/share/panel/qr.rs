//! The QR code of a share link: the SVG the core draws, shown, and downloaded as SVG or as
//! PNG (drawn on a canvas).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::save;
use crate::i18n::{lang, t};
use canbo_core::Text;

/// The QR code of the link (SVG made by the core), with PNG and SVG downloads.
pub(super) fn qr_view(qr: Result<String, canbo_core::share::QrError>) -> impl IntoView {
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
