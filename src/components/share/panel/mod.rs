//! «Chia sẻ báo cáo»: the link of the report on screen, its options (hide small counts, a
//! passphrase, a title), its length, and its QR code to scan or download.
//!
//! Here: the panel and its options; `made.rs` the link made (or why not) with its length;
//! `qr.rs` its QR code.

mod made;
mod qr;

use leptos::prelude::*;

use super::link::{self, HIDE_BELOW};
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;
use canbo_core::share::LinkChoice;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = expect_context::<Settings>();
    let open = RwSignal::new(false);
    let choice = RwSignal::new(LinkChoice::default());
    // The standards and forecast the link carries, computed while the panel is open (a
    // slice of people at a time: a province's held the page for most of a second).
    let carried = link::Carried::new(state, settings, move || open.get());
    // The link follows the report on screen and the choices; asked for only while the panel
    // is open, once its standards and forecast are whole, and made in the download worker.
    let asked = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let (standards, forecast) = carried.ready()?;
        let choice = choice.get();
        settings.report.with(|report| {
            let report = report.as_ref()?;
            let shared = link::shared_of(&settings, report, standards.as_deref(), &forecast);
            Some((shared, choice))
        })
    });
    let made = link::Made::new(asked, move || open.get());
    let computing = move || open.get() && carried.ready().is_none();
    let copied = RwSignal::new(false);

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
                {share_options(choice, copied)}
                {move || computing().then(|| view! {
                    <p class="share-wait" role="status" data-testid="share-computing">
                        {t("Đang tính tiêu chuẩn và dự báo nghỉ hưu cho liên kết…", "Computing the standards and the retirement forecast for the link…")}
                    </p>
                })}
                {move || made.making.get().then(|| view! {
                    <p class="share-wait" role="status" data-testid="share-making">
                        {t("Đang tạo liên kết…", "Making the link…")}
                    </p>
                })}
                {move || made::made_link(made.link, copied)}
            </Show>
        </section>
    }
}

/// Hide small counts, a passphrase, a title: each change makes the link again.
fn share_options(choice: RwSignal<LinkChoice>, copied: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="share-options">
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="share-hide-small"
                    prop:checked=move || choice.with(|c| c.hide_below.is_some())
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        copied.set(false);
                        choice.update(|c| c.hide_below = on.then_some(HIDE_BELOW));
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
    }
}
