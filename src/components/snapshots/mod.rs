//! Named snapshots of the report ("6 tháng đầu năm 2019"): save the report on screen under a
//! name, list, delete, and compare one with the current report figure by figure
//! (`canbo_core::report::compare`).

use canbo_core::report::compare;
use leptos::prelude::*;

use super::report::stat_label;
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
            .map(|s| {
                let (n1, n2) = (s.name.clone(), s.name.clone());
                view! {
                    <li data-testid="snapshot" data-name=s.name.clone()>
                        <span class="snapshot-name">{s.name.clone()}</span>
                        <span class="snapshot-meta">
                            {format!("{} {} · {} {}", format::count(s.report.people), crate::i18n::t("người", "people"), crate::i18n::t("lưu ngày", "saved on"), s.saved_on)}
                        </span>
                        <button
                            type="button"
                            class="button small"
                            data-testid="snapshot-compare"
                            aria-label=format!("So sánh «{}» với số liệu hiện tại", s.name)
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
                            aria-label=format!("Xóa bản lưu «{}»", s.name)
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
            })
            .collect_view()
    };

    let comparison = move || {
        let name = comparing.get()?;
        let before = state.snapshots.with(|all| {
            all.iter()
                .find(|s| s.name == name)
                .map(|s| s.report.clone())
        })?;
        let now = current()?;
        let lang = crate::i18n::lang();
        let rows = compare(&before, &now)
            .into_iter()
            .map(|c| {
                let show = |v: Option<u32>| v.map_or("—".to_string(), format::count);
                let diff = match (c.before, c.after) {
                    (Some(b), Some(a)) if a >= b => format!("+{}", format::count(a - b)),
                    (Some(b), Some(a)) => format!("−{}", format::count(b - a)),
                    _ => "—".to_string(),
                };
                let changed = c.before != c.after;
                view! {
                    <tr class:changed=changed data-path=c.path.clone()>
                        <th scope="row">{stat_label(&c.path, &now, lang)}</th>
                        <td class="num">{show(c.before)}</td>
                        <td class="num">{show(c.after)}</td>
                        <td class="num">{diff}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll">
                <table class="snapshot-compare" data-testid="snapshot-compare-table">
                    <caption>{format!("«{name}» so với hiện tại")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Chỉ tiêu"</th>
                            <th scope="col" class="num">"Trước"</th>
                            <th scope="col" class="num">"Nay"</th>
                            <th scope="col" class="num">"Chênh lệch"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <button type="button" class="button small subtle" on:click=move |_| comparing.set(None)>
                "Đóng bảng so sánh"
            </button>
        })
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
                        placeholder="6 tháng đầu năm 2019"
                        prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <button
                        type="submit"
                        class="button"
                        data-testid="snapshot-save"
                        disabled=move || current().is_none() || name.with(|n| n.trim().is_empty())
                    >
                        {move || t("Lưu số liệu hiện tại", "Save current figures")}
                    </button>
                </form>
                <ul class="snapshot-list">{list}</ul>
                {comparison}
            </section>
        </Show>
    }
}
