//! The page: a header, the import controls, and what was imported.

use leptos::prelude::*;

use crate::components::{DropZone, ImportBar, ImportErrors, Summary};
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    view! {
        <DropZone>
            <header class="masthead">
                <h1 class="brand">"Canbo"</h1>
                <p class="tagline">"Báo cáo đội ngũ cán bộ, công chức từ danh sách của bạn"</p>
            </header>
            <main class="content">
                <ImportBar />
                <ImportErrors />
                <Summary />
            </main>
            <footer class="footnote">
                "Dữ liệu không rời khỏi máy của bạn: mọi tệp được đọc ngay trong trình duyệt."
            </footer>
        </DropZone>
    }
}
