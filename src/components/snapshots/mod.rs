//! Named snapshots of the report ("6 tháng đầu năm 2019"): save the report on screen under a
//! name, list, delete, and compare one with the current report figure by figure
//! (`canbo_core::report::compare`).
//!
//! Here: the section, the form and the list; `compare.rs` the comparison table.

mod compare;

use canbo_core::report::Snapshot;
use leptos::prelude::*;

use crate::format;
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;

#[component]
pub fn Snapshots() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = use_context::<Settings>();
    let current = move || settings.and_then(|s| s.report.get());
    let name = RwSignal::new(String::new());
    let comparing = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(report) = current() {
            if state.save_snapshot(&name.get_untracked(), report) {
                name.set(String::new());
            }
        }
    };
    let list = move || {
        state
            .snapshots
            .get()
            .into_iter()
            .map(|s| snapshot_item(s, state, comparing))
            .collect_view()
    };

    view! {
        <Show when=move || state.roster.with(|r| r.is_some()) || state.snapshots.with(|s| !s.is_empty())>
            <section class="snapshots" aria-labelledby="snapshots-title">
                <h2 id="snapshots-title">{move || t("Bản lưu số liệu", "Saved figures")}</h2>
                <form class="snapshot-form" on:submit=save>
                    <label for="snapshot-name">{move || t("Tên bản lưu", "Name")}</label>
                    <input
                        id="snapshot-name"
                        type="text"
                        data-testid="snapshot-name"
                        placeholder=move || t("6 tháng đầu năm 2019", "First half of 2019")
                        prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <button
                        type="submit"
                        class="button"
                        data-testid="snapshot-save"
                        disabled=move || {
                            settings.is_none_or(|s| s.report.with(Option::is_none))
                                || name.with(|n| n.trim().is_empty())
                        }
                    >
                        {move || t("Lưu số liệu hiện tại", "Save current figures")}
                    </button>
                </form>
                <ul class="snapshot-list">{list}</ul>
                {move || compare::comparison(state, comparing, current)}
            </section>
        </Show>
    }
}

/// One snapshot: its name, people and date, «So sánh» and «Xóa».
fn snapshot_item(
    s: Snapshot,
    state: AppState,
    comparing: RwSignal<Option<String>>,
) -> impl IntoView {
    let (n1, n2, n3, n4) = (
        s.name.clone(),
        s.name.clone(),
        s.name.clone(),
        s.name.clone(),
    );
    let meta = format!(
        "{} {} · {} {}",
        format::count(s.report.people),
        t("người", "people"),
        t("lưu ngày", "saved on"),
        s.saved_on
    );
    view! {
        <li data-testid="snapshot" data-name=s.name.clone()>
            <span class="snapshot-name">{s.name.clone()}</span>
            <span class="snapshot-meta">{meta}</span>
            <button
                type="button"
                class="button small"
                data-testid="snapshot-compare"
                aria-label=move || t(format!("So sánh «{n3}» với số liệu hiện tại"), format!("Compare «{n3}» with the figures now"))
                on:click=move |_| {
                    // The report in words compares with it too.
                    crate::components::prose::compare_with(state, &n1);
                    comparing.set(Some(n1.clone()));
                }
            >
                {move || t("So sánh", "Compare")}
            </button>
            <button
                type="button"
                class="button small subtle"
                data-testid="snapshot-delete"
                aria-label=move || t(format!("Xóa bản lưu «{n4}»"), format!("Delete the saved figures «{n4}»"))
                on:click=move |_| {
                    if comparing.get_untracked().as_deref() == Some(n2.as_str()) {
                        comparing.set(None);
                    }
                    state.delete_snapshot(&n2);
                }
            >
                {move || t("Xóa", "Delete")}
            </button>
        </li>
    }
}
