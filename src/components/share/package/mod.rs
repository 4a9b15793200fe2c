//! Roster packages (`.canbo`): the whole data (roster, corrections, settings, snapshots, the
//! user's rule sets) as one file encrypted with a passphrase (`share::package`), to move to
//! another machine or hand to a colleague. Importing asks before it replaces a roster.
//!
//! Here: the panel and the question before a roster is replaced; `actions.rs` packs, opens
//! and adopts.

mod actions;

use canbo_core::export::Lang;
use canbo_core::Text;
use leptos::prelude::*;

use crate::i18n::{lang, num, t};
use crate::state::AppState;

/// What the panel's parts share.
#[derive(Clone, Copy)]
struct Package {
    state: AppState,
    passphrase: RwSignal<String>,
    error: RwSignal<Option<Text>>,
    done: RwSignal<Option<Text>>,
    /// A package read and opened, waiting for the user to say it may replace their roster.
    pending: RwSignal<Option<actions::Opened>>,
    /// What is being done (packing, opening) while the download worker does it.
    working: RwSignal<Option<Text>>,
}

/// The package panel's body: `app.rs` folds it (`on_demand::Folded`), its code in a chunk of
/// its own, fetched when the panel is first unfolded.
#[component]
pub fn PackageForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let package = Package {
        state,
        passphrase: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        done: RwSignal::new(None),
        pending: RwSignal::new(None),
        working: RwSignal::new(None),
    };
    let passphrase = package.passphrase;

    view! {
            <p class="share-help">{move || t(
                "Toàn bộ dữ liệu (danh sách, chỉnh sửa, cài đặt, bản lưu số liệu, bộ tiêu chuẩn) trong một tệp mã hóa bằng mật khẩu: để chuyển sang máy khác hay gửi đồng nghiệp.",
                "All the data (roster, corrections, settings, saved figures, rule sets) in one file encrypted with a passphrase: to move to another computer or give a colleague.",
            )}</p>
            <div class="field inline">
                <label for="package-passphrase">{move || t("Mật khẩu của gói", "Package passphrase")}</label>
                <input
                    id="package-passphrase"
                    type="password"
                    autocomplete="off"
                    data-testid="package-passphrase"
                    prop:value=passphrase
                    on:input=move |ev| passphrase.set(event_target_value(&ev))
                />
            </div>
            <div class="package-actions">
                <button
                    type="button"
                    class="button"
                    data-testid="package-export"
                    disabled=move || state.roster.with(Option::is_none) || package.working.with(Option::is_some)
                    on:click=move |_| package.export()
                >
                    {move || t("Xuất gói dữ liệu (.canbo)", "Export data package (.canbo)")}
                </button>
                <label class="button file-button">
                    {move || t("Nhập gói dữ liệu", "Import data package")}
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".canbo"
                        data-testid="package-import"
                        on:change=move |ev| package.import(ev)
                    />
                </label>
            </div>
            {move || package.working.get().map(|msg| view! {
                <p class="share-wait" role="status" data-testid="package-working">{msg.get(lang()).to_string()}</p>
            })}
            {move || replace_question(package)}
            {move || package.error.get().map(|msg| view! {
                <p class="field-error" role="alert" data-testid="package-error">{msg.get(lang()).to_string()}</p>
            })}
            {move || package.done.get().map(|msg| view! {
                <p class="hint" role="status" data-testid="package-done">{msg.get(lang()).to_string()}</p>
            })}
    }
}

/// While a package waits: replace the roster here (so many people) with the package's?
fn replace_question(package: Package) -> Option<impl IntoView> {
    let Package { state, pending, .. } = package;
    let theirs = pending.with(|p| {
        p.as_ref()
            .map(|opened| opened.content.roster.people.len() as u32)
    })?;
    let mine = state
        .roster
        .with_untracked(|r| r.as_ref().map_or(0, |r| r.people.len())) as u32;
    Some(view! {
        <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="package-replace-q">
            <p id="package-replace-q">
                {move || t(format!(
                        "Thay danh sách đang có ({} người), các chỉnh sửa và bản lưu số liệu bằng nội dung của gói ({} người)?",
                        num(mine, Lang::Vi), num(theirs, Lang::Vi)), format!(
                        "Replace the roster here ({} people), its corrections and saved figures with the package's ({} people)?",
                        num(mine, Lang::En), num(theirs, Lang::En)))}
            </p>
            <button type="button" class="button danger" data-testid="package-replace-confirm"
                on:click=move |_| {
                    // Taken, not copied: a province's roster.
                    if let Some(opened) = pending.try_update(Option::take).flatten() {
                        package.adopt(opened);
                    }
                }>
                {move || t("Thay bằng gói dữ liệu", "Replace with the package")}
            </button>
            <button type="button" class="button subtle" data-testid="package-replace-cancel"
                on:click=move |_| pending.set(None)>
                {move || t("Giữ dữ liệu hiện có", "Keep my data")}
            </button>
        </div>
    })
}
