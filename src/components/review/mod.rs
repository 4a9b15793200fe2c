//! The import review: per file and sheet, what the importer found (header rows, each column's
//! field, units, rows skipped and why, warnings with their cells), and the two corrections a
//! user can make: a column's field and whether a sheet is a roster. A correction re-reads the
//! kept file bytes with the new overrides at once (`AppState::set_column`, `set_sheet_role`).

mod columns;
mod notes;
mod sheet;
mod unread;

use canbo_core::import::ReadSummary;
use leptos::prelude::*;

use crate::i18n::{lang, num, t};
use crate::state::AppState;
use sheet::SheetReview;
pub use unread::{UnreadCount, UnreadValues};

#[component]
pub fn ImportReview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_review = move || state.review.with(|r| !r.is_empty());
    let saved_corrections = move || state.overrides.with(|o| o.columns.len() + o.sheets.len());

    let overview = move || {
        let lang = lang();
        let ReadSummary {
            files,
            sheets,
            rosters: read,
        } = state.review.with(|r| ReadSummary::of(r));
        let warnings = state.roster.with(|r| {
            r.as_ref()
                .map_or(0, |r| u32::try_from(r.warnings.len()).unwrap_or(u32::MAX))
        });
        let (files, sheets, read, warnings) = (
            num(files, lang),
            num(sheets, lang),
            num(read, lang),
            num(warnings, lang),
        );
        crate::i18n::t(format!(
                "{files} tệp · đọc {read}/{sheets} trang · {warnings} cảnh báo — bấm để xem, sửa cột hoặc bỏ trang"
            ), format!(
                "{files} file(s) · {read}/{sheets} sheets read · {warnings} warnings — open to see, correct a column or drop a sheet"
            ))
    };

    view! {
        <Show
            when=has_review
            fallback=move || {
                view! {
                    <Show when=move || saved_corrections() != 0 && state.roster.with(|r| r.is_some())>
                        <p class="review-note" data-testid="review-saved-overrides">
                            {move || saved_corrections()}
                            {move || t(
                                " chỉnh sửa cách đọc tệp đã được lưu và sẽ áp dụng khi nhập lại cùng tệp. Chọn lại tệp để xem hoặc sửa.",
                                " import corrections are saved and apply when the same file is imported again. Pick the file again to see or change them.",
                            )}
                        </p>
                    </Show>
                }
            }
        >
            <details class="review" data-testid="import-review">
                <summary>
                    <h2>{move || t("Kiểm tra cách đọc tệp", "How the files were read")}</h2>
                    <span class="review-overview">{overview}</span>
                </summary>
                <p class="hint">
                    {move || t(
                        "Sửa cột nào đọc sai hoặc bỏ trang không phải danh sách: số liệu tính lại ngay.",
                        "Correct a misread column or drop a sheet that is no roster: the figures follow at once.",
                    )}
                </p>
                {move || {
                    // Drawn again in the other language when it is switched.
                    let _lang = lang();
                    state
                        .review
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(fi, file)| {
                            let name = file.file.clone();
                            let format = file.format.name();
                            let sheets = file
                                .sheets
                                .into_iter()
                                .enumerate()
                                .map(|(si, sheet)| {
                                    let id = format!("review-{fi}-{si}");
                                    view! { <SheetReview file=name.clone() sheet=sheet id=id /> }
                                })
                                .collect_view();
                            view! {
                                <section class="review-file" data-testid="review-file" data-file=name.clone()>
                                    <h3>
                                        <span class="file-name">{name.clone()}</span>
                                        <span class="review-format">{format}</span>
                                    </h3>
                                    {sheets}
                                </section>
                            }
                        })
                        .collect_view()
                }}
            </details>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Picked;
    use crate::test_support::{mount, people, sample, until};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn marking_the_sheet_as_no_roster_empties_the_report_and_undoing_restores_it() {
        let state = AppState::empty();
        let page = mount(state, || view! { <ImportReview /> });
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        assert_eq!(people(&state), Some(420));
        let toggle = || -> web_sys::HtmlInputElement {
            page.query_selector("[data-testid=sheet-is-roster]")
                .unwrap()
                .unwrap()
                .unchecked_into()
        };
        until(|| {
            page.query_selector("[data-testid=sheet-is-roster]")
                .unwrap()
                .is_some()
        })
        .await;
        toggle().click();
        until(|| people(&state) == Some(0)).await;
        assert_eq!(state.overrides.get_untracked().sheets.len(), 1);
        until(|| !toggle().checked()).await;
        toggle().click();
        until(|| people(&state) == Some(420)).await;
    }

    #[wasm_bindgen_test]
    async fn choosing_a_field_for_a_column_reimports_with_the_override() {
        let state = AppState::empty();
        let page = mount(state, || view! { <ImportReview /> });
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        until(|| page.query_selector("select[data-col]").unwrap().is_some()).await;
        // The name column read as nothing: no sheet is a roster any more.
        let select: web_sys::HtmlSelectElement = page
            .query_selector("select[data-field=name]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        select.set_value("ignored");
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        until(|| people(&state) == Some(0)).await;
        let choice = &state.overrides.get_untracked().columns[0];
        assert_eq!(choice.field, Some(canbo_core::field::Field::Ignored));
        assert!(!state.errors.get_untracked().is_empty());
    }
}
