//! Above the report: before any import, the welcome (not while the last visit's roster, or
//! an import's whose headline figures are shown, is being read back), which starts the
//! import worker ahead; after one, how many people were read from which files and sheets
//! (the roster's `sources`).

use leptos::prelude::*;

use crate::format;
use crate::i18n::t;
use crate::state::AppState;

#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.roster.with(|roster| {
            let Some(roster) = roster else {
                // While the last visit's roster is read back, or an import's whose figures
                // are already shown, no «getting started».
                if state.restoring.with(Option::is_some) || state.report_ahead.with(Option::is_some) {
                    return ().into_any();
                }
                return view! { <Welcome /> }.into_any();
            };
            let sources = roster
                .sources
                .iter()
                .map(|source| {
                    view! {
                        <li>
                            <span class="file-name">{source.file.clone()}</span>
                            <span class="sheet-name">{t("trang", "sheet")} " «" {source.sheet.clone()} "»"</span>
                            <span class="file-people">{format::count(source.people)} " " {t("người", "people")}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="summary" aria-live="polite">
                    <div class="sources">
                        <h2>{t("Tệp đã nhập", "Files imported")}</h2>
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
    // A page with no roster waits for an import: its worker starts now, and fetches,
    // compiles and practises its code (`worker::practise`) while the person finds the file.
    crate::worker::warm_up();
    view! {
        <section class="welcome">
            <h2>{move || t("Bắt đầu", "Getting started")}</h2>
            <ol>
                <li>{move || t("Chọn hoặc kéo thả một hay nhiều tệp danh sách cán bộ, công chức: mỗi người một dòng, như các biểu mẫu vẫn dùng.", "Choose or drop one or more staff roster files: one person per row, as the usual forms have it.")}</li>
                <li>{move || t("Canbo tự nhận ra các cột họ tên, ngày sinh, chức vụ, trình độ, đánh giá…", "Canbo finds the columns itself: name, date of birth, position, qualifications, evaluation…")}</li>
                <li>{move || t("Chưa có tệp? Bấm «Dùng dữ liệu mẫu» để xem thử với một huyện giả định.", "No file at hand? Press «Use the sample data» to try it with a fictional district.")}</li>
            </ol>
        </section>
    }
}
