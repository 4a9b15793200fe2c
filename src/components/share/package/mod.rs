//! Roster packages (`.canbo`): the whole data (roster, corrections, settings, snapshots, the
//! user's rule sets) as one file encrypted with a passphrase (`share::package`), to move to
//! another machine or hand to a colleague. Importing asks before it replaces a roster.

use canbo_core::export::Lang;
use canbo_core::share::package::{self, EXTENSION};
use canbo_core::share::{PackageContent, RANDOM_BYTES};
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::link;
use crate::download::save;
use crate::files::read_files;
use crate::i18n::{lang, num, t};
use crate::settings::today;
use crate::state::AppState;
use canbo_core::Text;

#[component]
pub fn PackagePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let done = RwSignal::new(None::<Text>);
    // A package read and opened, waiting for the user to say it may replace their roster.
    let pending = RwSignal::new(None::<PackageContent>);

    let need_passphrase = || {
        Text::new(
            "Hãy nhập mật khẩu của gói dữ liệu.",
            "Enter the data package's passphrase.",
        )
    };

    let export = move |_| {
        done.set(None);
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            error.set(Some(need_passphrase()));
            return;
        }
        let content = PackageContent {
            roster: state.roster.get_untracked().unwrap_or_default(),
            overrides: state.overrides.get_untracked(),
            settings: state.settings.get_untracked(),
            snapshots: state.snapshots.get_untracked(),
            rule_sets: state.rule_sets.get_untracked(),
        };
        let people = content.roster.people.len();
        let result = link::random_bytes::<RANDOM_BYTES>().and_then(|random| {
            let bytes = package::pack(&content, &pass, &random)
                .map_err(|e| crate::i18n::both(|l| e.message(l)))?;
            let name = format!("du-lieu-canbo-{}.{EXTENSION}", today());
            save(&name, "application/octet-stream", &bytes).map_err(|e| Text::new(e.clone(), e))?;
            Ok(name)
        });
        match result {
            Ok(name) => {
                error.set(None);
                done.set(Some(Text::new(
                    format!(
                        "Đã tạo «{name}» ({} người). Gửi kèm mật khẩu theo đường khác.",
                        num(people as u32, Lang::Vi)
                    ),
                    format!(
                        "Made “{name}” ({} people). Send the passphrase another way.",
                        num(people as u32, Lang::En)
                    ),
                )));
            }
            Err(msg) => error.set(Some(msg)),
        }
    };

    let adopt = move |content: PackageContent| {
        let people = content.roster.people.len() as u32;
        state.adopt_package(content);
        error.set(None);
        done.set(Some(Text::new(
            format!("Đã nhập gói dữ liệu: {} người.", num(people, Lang::Vi)),
            format!("Package imported: {} people.", num(people, Lang::En)),
        )));
    };

    let import = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let pass = passphrase.get_untracked();
        done.set(None);
        pending.set(None);
        leptos::task::spawn_local(async move {
            let picked = read_files(&list).await;
            input.set_value("");
            let Some(file) = picked.files.into_iter().next() else {
                let (vi, en): (Vec<_>, Vec<_>) =
                    picked.unreadable.into_iter().map(|t| (t.vi, t.en)).unzip();
                error.set(Some(Text::new(vi.join(" "), en.join(" "))));
                return;
            };
            if pass.is_empty() {
                error.set(Some(need_passphrase()));
                return;
            }
            match package::unpack(&file.bytes, &pass) {
                Err(e) => error.set(Some(crate::i18n::both(|l| e.message(l)))),
                Ok(content) => {
                    error.set(None);
                    if state.roster.with_untracked(Option::is_some) {
                        pending.set(Some(content));
                    } else {
                        adopt(content);
                    }
                }
            }
        });
    };

    let confirm = move || {
        pending.with(|p| {
            p.as_ref().map(|content| {
                let theirs = content.roster.people.len() as u32;
                let mine = state
                    .roster
                    .with_untracked(|r| r.as_ref().map_or(0, |r| r.people.len())) as u32;
                view! {
                    <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="package-replace-q">
                        <p id="package-replace-q">
                            {move || crate::i18n::t(format!(
                                    "Thay danh sách đang có ({} người), các chỉnh sửa và bản lưu số liệu bằng nội dung của gói ({} người)?",
                                    num(mine, Lang::Vi), num(theirs, Lang::Vi)), format!(
                                    "Replace the roster here ({} people), its corrections and saved figures with the package's ({} people)?",
                                    num(mine, Lang::En), num(theirs, Lang::En)))}
                        </p>
                        <button type="button" class="button danger" data-testid="package-replace-confirm"
                            on:click=move |_| {
                                if let Some(content) = pending.get_untracked() {
                                    pending.set(None);
                                    adopt(content);
                                }
                            }>
                            {move || t("Thay bằng gói dữ liệu", "Replace with the package")}
                        </button>
                        <button type="button" class="button subtle" data-testid="package-replace-cancel"
                            on:click=move |_| pending.set(None)>
                            {move || t("Giữ dữ liệu hiện có", "Keep my data")}
                        </button>
                    </div>
                }
            })
        })
    };

    view! {
        <details class="share-panel share-tools package no-print" id="goi-du-lieu">
            <summary data-testid="package-toggle">
                <h2 class="small-heading">{move || t("Gói dữ liệu (.canbo): chuyển toàn bộ dữ liệu sang máy khác", "Data package (.canbo): move all the data to another computer")}</h2>
            </summary>
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
                    disabled=move || state.roster.with(Option::is_none)
                    on:click=export
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
                        on:change=import
                    />
                </label>
            </div>
            {confirm}
            {move || error.get().map(|msg| view! {
                <p class="field-error" role="alert" data-testid="package-error">{msg.get(lang()).to_string()}</p>
            })}
            {move || done.get().map(|msg| view! {
                <p class="hint" role="status" data-testid="package-done">{msg.get(lang()).to_string()}</p>
            })}
        </details>
    }
}
