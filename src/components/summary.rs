//! What the page knows after an import: how many people, as of when, from which files.
//! The dashboard (issue 4) grows from here; the files come from the roster.

use leptos::prelude::*;

use crate::format;
use crate::state::AppState;

#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.roster.with(|roster| {
            let Some(roster) = roster else {
                return view! { <Welcome /> }.into_any();
            };
            let sources = roster
                .sources
                .iter()
                .map(|source| {
                    view! {
                        <li>
                            <span class="file-name">{source.file.clone()}</span>
                            <span class="sheet-name">"trang «" {source.sheet.clone()} "»"</span>
                            <span class="file-people">{format::count(source.people)} " người"</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="summary" aria-live="polite">
                    <div class="sources">
                        <h2>"Tệp đã nhập"</h2>
                        <ul data-testid="import-files">{sources}</ul>
                    </div>
                </section>
            }
            .into_any()
        })
    }
}

/// Before the first import: what to do.
#[component]
fn Welcome() -> impl IntoView {
    view! {
        <section class="welcome">
            <h2>"Bắt đầu"</h2>
            <ol>
                <li>"Chọn hoặc kéo thả một hay nhiều tệp danh sách cán bộ, công chức: mỗi người một dòng, như các biểu mẫu vẫn dùng."</li>
                <li>"Canbo tự nhận ra các cột họ tên, ngày sinh, chức vụ, trình độ, đánh giá…"</li>
                <li>"Chưa có tệp? Bấm «Dùng dữ liệu mẫu» để xem thử với một huyện giả định."</li>
            </ol>
        </section>
    }
}
