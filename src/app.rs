//! The page: a header with the language switch, the import controls, the navigation between
//! the report, the staff list, the standards and the retirement forecast, and the page shown.

use canbo_core::export::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::report::{ReportControls, ReportPage};
use crate::components::{DropZone, ImportBar, ImportErrors, StorageError};
use crate::i18n::t;
use crate::on_demand::{self, shown, Folded};
use crate::settings::{Settings, View};
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let settings = Settings::new(state);
    settings.persist_language();
    provide_context(settings);
    // Files picked or dropped on index.html's shell while the wasm loaded: imported first,
    // the service worker registered after (`Offline::provide` says why).
    let offline = crate::offline::Offline::provide();
    let early = crate::early::take();
    if early.is_empty() {
        offline.start();
    } else {
        leptos::task::spawn_local(async move {
            crate::early::import(state, early).await;
            // The figures drawn first.
            crate::turns::next_paint().await;
            offline.start();
        });
    }
    let share = crate::components::share::ShareState::provide();
    let lang = move || settings.lang.get();
    let has_roster = move || state.roster.with(|r| r.is_some());
    // An import's figures may come a moment before its roster (`AppState::report_ahead`).
    let has_figures = move || has_roster() || state.report_ahead.with(Option::is_some);

    let tabs = [
        (View::Report, "Báo cáo", "Report", "tab-report"),
        (View::People, "Danh sách", "Staff list", "tab-people"),
        (View::Standards, "Tiêu chuẩn", "Standards", "tab-standards"),
        (View::Retirement, "Nghỉ hưu", "Retirement", "tab-retirement"),
    ]
    .into_iter()
    .map(|(view, vi, en, testid)| {
        view! {
            <button
                type="button"
                class="tab"
                data-testid=testid
                aria-current=move || (settings.view.get() == view).then_some("page")
                on:click=move |_| {
                    settings.view.set(view);
                    show_page_start();
                }
            >
                {move || t(vi, en)}
            </button>
        }
    })
    .collect_view();

    view! {
        <DropZone>
            <a class="skip-link" href=move || if has_figures() { "#trang" } else { "#noi-dung" }>
                {move || t("Bỏ qua đến nội dung", "Skip to content")}
            </a>
            <header class="masthead" class:compact=has_figures>
                <div class="masthead-row">
                    <h1 class="brand">"Canbo"</h1>
                    <div class="lang-switch no-print" role="group" aria-label="Ngôn ngữ / Language">
                        <button type="button" class="button small" data-testid="lang-vi" lang="vi"
                            aria-pressed=move || (lang() == Lang::Vi).to_string()
                            on:click=move |_| settings.lang.set(Lang::Vi)>"Tiếng Việt"</button>
                        <button type="button" class="button small" data-testid="lang-en" lang="en"
                            aria-pressed=move || (lang() == Lang::En).to_string()
                            on:click=move |_| settings.lang.set(Lang::En)>"English"</button>
                    </div>
                </div>
                <p class="tagline">
                    {move || t("Báo cáo đội ngũ cán bộ, công chức từ danh sách của bạn",
                        "The workforce report from your staff lists")}
                </p>
            </header>
            // The pages first, and kept in sight while scrolling: on a phone the import
            // block above a page is a screen long.
            <Show when=has_figures>
                <nav class="tabs no-print" aria-label=move || t("Các trang", "Pages")>
                    <div class="tabs-row">{tabs.clone()}</div>
                </nav>
            </Show>
            <main class="content" id="noi-dung" tabindex="-1">
                <crate::offline::UpdateNotice />
                <crate::components::share::ShareError />
                // A report opened from a link shows in place of the user's own, read-only.
                <Show when=move || !share.is_open() fallback=|| shown(on_demand::shared_view)>
                <ImportBar />
                <ImportErrors />
                <div class="page" id="trang" tabindex="-1">
                    {move || match settings.view.get() {
                        View::Report => view! { <ReportPage /> }.into_any(),
                        View::People => shown(on_demand::people_page).into_any(),
                        View::Standards => view! { <ReportControls date_only=true />{shown(on_demand::standards_page)} }.into_any(),
                        View::Retirement => view! { <ReportControls date_only=true />{shown(on_demand::retirement_page)} }.into_any(),
                    }}
                </div>
                <Show when=move || has_roster() && settings.view.get() == View::Report>
                    {shown(on_demand::share_panel)}
                </Show>
                <StorageError />
                // Only for data kept: a first visit fetches neither.
                <Show when=move || state.keeps_anything()>
                    {shown(on_demand::snapshots)}
                    {shown(on_demand::data_menu)}
                </Show>
                </Show>
                // Folded until wanted: the first screen stays the import. Combining opens
                // under a shared report.
                <Folded
                    class="share-panel share-tools combine no-print"
                    toggle="share-combine-toggle"
                    heading=("Gộp báo cáo từ nhiều liên kết", "Combine reports from several links")
                    open=Signal::derive(move || !share.link.with(String::is_empty))
                    body=on_demand::combine_form
                />
                <Folded
                    class="share-panel share-tools package no-print"
                    id="goi-du-lieu"
                    toggle="package-toggle"
                    heading=("Gói dữ liệu (.canbo): chuyển toàn bộ dữ liệu sang máy khác", "Data package (.canbo): move all the data to another computer")
                    body=on_demand::package_form
                />
            </main>
            <footer class="footnote">
                {move || t("Dữ liệu không rời khỏi máy của bạn: mọi tệp được đọc ngay trong trình duyệt.",
                    "Your data never leaves this computer: every file is read in the browser.")}
            </footer>
        </DropZone>
    }
}

/// After a page is chosen: when its start has scrolled above the window (under the tabs),
/// scroll back to it, so the new page is read from its top.
fn show_page_start() {
    request_animation_frame(|| {
        let Some(page) = document()
            .get_element_by_id("trang")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        // The page's top in the document (its offset parent, the drop zone, starts at 0).
        let scrolled = window().scroll_y().unwrap_or(0.0);
        if f64::from(page.offset_top()) < scrolled {
            page.scroll_into_view();
        }
    });
}
