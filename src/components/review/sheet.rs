//! One sheet of the import review: whether it is read as a roster (a toggle), what was
//! found, then its columns (`columns.rs`) and what was left out (`notes.rs`).

use canbo_core::import::SheetReport;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::columns::column_table;
use super::notes::{sheet_warnings, skipped_rows};
use crate::i18n::t;
use crate::state::AppState;

#[component]
pub fn SheetReview(file: String, sheet: SheetReport, id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The review is drawn again when the language changes (`ImportReview`).
    let lang = untrack(crate::i18n::lang);
    let name = sheet.sheet.clone();
    let is_roster = sheet.skipped.is_none();
    let toggle_id = format!("{id}-roster");
    let toggle = {
        let (file, name, toggle_id) = (file.clone(), name.clone(), toggle_id.clone());
        move |ev: leptos::ev::Event| {
            let checked = event_target_checked(&ev);
            state.set_sheet_role(&file, &name, checked);
            refocus(toggle_id.clone());
        }
    };

    let status = match &sheet.skipped {
        Some(reason) => t(
            format!("Không đọc: {}", reason.message(lang)),
            format!("Not read: {}", reason.message(lang)),
        ),
        None => {
            let rows = sheet
                .header_rows
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let people = crate::i18n::num(sheet.people, lang);
            let units =
                crate::i18n::num(u32::try_from(sheet.units.len()).unwrap_or(u32::MAX), lang);
            t(
                format!("{people} người · dòng tiêu đề {rows} · {units} đơn vị"),
                format!("{people} people · header rows {rows} · {units} units"),
            )
        }
    };
    let encoding = sheet.encoding.map(
        |e| view! { <span class="review-badge">{t(format!("đã chuyển mã {e} sang Unicode"), format!("converted from {e} to Unicode"))}</span> },
    );

    let columns = column_table(&file, &name, &id, &sheet.columns, lang);
    let skipped = skipped_rows(&sheet.skipped_rows, lang);
    let warnings = sheet_warnings(file.clone(), name.clone(), lang);

    view! {
        <section
            class="review-sheet"
            data-testid="review-sheet"
            data-sheet=name.clone()
            data-people=sheet.people
        >
            <div class="review-sheet-head">
                <h4>{t("Trang", "Sheet")} " «" {name.clone()} "»"</h4>
                <label class="review-toggle">
                    <input
                        type="checkbox"
                        id=toggle_id
                        data-testid="sheet-is-roster"
                        checked=is_roster
                        on:change=toggle
                    />
                    {move || t("là danh sách cán bộ", "is a staff list")}
                </label>
            </div>
            <p class="review-status">{status} {encoding}</p>
            {columns}
            {skipped}
            {warnings}
        </section>
    }
}

/// A correction re-renders the review: give the keyboard focus back to the control the user
/// just changed, once the new one is on the page.
pub(super) fn refocus(id: String) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}
