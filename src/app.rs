//! The page: a header with the language switch, the import controls, the navigation between
//! the report, the staff list, the standards and the retirement forecast, and the page shown.

use canbo_core::export::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::people::PeoplePage;
use crate::components::report::{ReportControls, ReportPage};
use crate::components::retirement::RetirementPage;
use crate::components::standards::StandardsPage;
use crate::components::{DataMenu, DropZone, ImportBar, ImportErrors, Snapshots};
use crate::i18n::t;
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
            <a class="skip-link" href=move || if has_roster() { "#trang" } else { "#noi-dung" }>
                {move || t("Bỏ qua đến nội dung", "Skip to content")}
            </a>
            <header class="masthead" class:compact=has_roster>
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
            <Show when=has_roster>
                <nav class="tabs no-print" aria-label=move || t("Các trang", "Pages")>
                    <div class="tabs-row">{tabs.clone()}</div>
                </nav>
            </Show>
            <main class="content" id="noi-dung" tabindex="-1">
                <crate::offline::UpdateNotice />
                <crate::components::share::ShareError />
                // A report opened from a link shows in place of the user's own, read-only.
                <Show when=move || !share.is_open() fallback=|| view! { <crate::components::share::SharedView /> }>
                <ImportBar />
                <ImportErrors />
                <div class="page" id="trang" tabindex="-1">
                    {move || match settings.view.get() {
                        View::Report => view! { <ReportPage /> }.into_any(),
                        View::People => view! { <PeoplePage /> }.into_any(),
                        View::Standards => view! { <ReportControls date_only=true /><StandardsPage /> }.into_any(),
                        View::Retirement => view! { <ReportControls date_only=true /><RetirementPage /> }.into_any(),
                    }}
                </div>
                <Show when=move || has_roster() && settings.view.get() == View::Report>
                    <crate::components::share::SharePanel />
                </Show>
                <Snapshots />
                <DataMenu />
                </Show>
                <crate::components::share::CombinePanel />
                <crate::components::share::PackagePanel />
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
