//! One sheet of the import review.

use canbo_core::field::Field;
use canbo_core::import::SheetReport;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::t;
use crate::state::AppState;

/// Warnings listed per sheet; the rest are counted.
const MAX_WARNINGS: usize = 100;

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
            let units = sheet.units.len();
            t(
                format!("{people} người · dòng tiêu đề {rows} · {units} đơn vị"),
                format!("{people} people · header rows {rows} · {units} units"),
            )
        }
    };
    let encoding = sheet.encoding.clone().map(
        |e| view! { <span class="review-badge">{t(format!("đã chuyển mã {e} sang Unicode"), format!("converted from {e} to Unicode"))}</span> },
    );

    let columns =
        (!sheet.columns.is_empty()).then(|| {
            let rows = sheet
            .columns
            .iter()
            .map(|c| {
                let (file, name, col) = (file.clone(), name.clone(), c.column.col);
                let select_id = format!("{id}-col-{col}");
                let refocus_id = select_id.clone();
                let current = c.column.field;
                let by_user = c.by_user();
                let label = t(
                    format!("Cột {} «{}» đọc là", c.letter, c.column.header),
                    format!("Column {} «{}» read as", c.letter, c.column.header),
                );
                let options = std::iter::once(view! {
                    <option value="" selected=current.is_none()>{t("— không nhận ra —", "— not recognised —")}</option>
                }
                .into_any())
                .chain(Field::ALL.iter().map(|f| {
                    view! {
                        <option value=f.code() selected=current == Some(*f)>{f.label(lang)}</option>
                    }
                    .into_any()
                }))
                .collect_view();
                view! {
                    <tr class:by-user=by_user>
                        <td class="col-letter">{c.letter.clone()}</td>
                        <td class="col-header">{c.column.header.clone()}</td>
                        <td>
                            <select
                                id=select_id
                                aria-label=label
                                data-col=col
                                data-field=current.map_or("", Field::code)
                                on:change=move |ev| {
                                    let code = event_target_value(&ev);
                                    state.set_column(&file, &name, col, Field::from_code(&code));
                                    refocus(refocus_id.clone());
                                }
                            >
                                {options}
                            </select>
                            {by_user.then(|| view! { <span class="review-badge">{t("đã sửa", "corrected")}</span> })}
                        </td>
                    </tr>
                }
            })
            .collect_view();
            view! {
                <table class="review-columns">
                    <caption class="visually-hidden">{t("Các cột của trang", "The sheet's columns")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t("Cột", "Col.")}</th>
                            <th scope="col">{move || t("Tiêu đề", "Header")}</th>
                            <th scope="col">{move || t("Đọc là", "Read as")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        });

    let skipped = (!sheet.skipped_rows.is_empty()).then(|| {
        let count = sheet.skipped_rows.len();
        let more = count.saturating_sub(MAX_WARNINGS);
        let items = sheet
            .skipped_rows
            .iter()
            .take(MAX_WARNINGS)
            .map(|r| {
                let why = r.role.message(lang);
                let line = t(format!("Dòng {}: {why}", r.row), format!("Row {}: {why}", r.row));
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! {
            <details class="review-list" data-testid="review-skipped-rows">
                <summary>{t(format!("{count} dòng bỏ qua"), format!("{count} rows skipped"))}</summary>
                <ul>{items}</ul>
                {(more > 0).then(|| view! { <p class="hint">{t(format!("và {more} dòng khác"), format!("and {more} more rows"))}</p> })}
            </details>
        }
    });

    let warnings = {
        let (file, name) = (file.clone(), name.clone());
        move || {
            state.roster.with(|roster| {
                let here = || {
                    roster
                        .iter()
                        .flat_map(|r| r.warnings.iter())
                        .filter(|w| w.file == file && w.sheet == name)
                };
                let count = here().count();
                (count > 0).then(|| {
                    let more = count.saturating_sub(MAX_WARNINGS);
                    let items = here()
                        .take(MAX_WARNINGS)
                        // The message starts with its cell ("H17: …").
                        .map(|w| view! { <li>{w.message(lang).to_string()}</li> })
                        .collect_view();
                    view! {
                        <details class="review-list" data-testid="review-warnings" data-count=count>
                            <summary>{t(format!("{count} cảnh báo"), format!("{count} warnings"))}</summary>
                            <ul>{items}</ul>
                            {(more > 0).then(|| view! { <p class="hint">{t(format!("và {more} cảnh báo khác"), format!("and {more} more warnings"))}</p> })}
                        </details>
                    }
                })
            })
        }
    };

    view! {
        <section
            class="review-sheet"
            data-testid="review-sheet"
            data-sheet=name.clone()
            data-people=sheet.people
        >
            <div class="review-sheet-head">
                <h4>"Trang «" {name.clone()} "»"</h4>
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
fn refocus(id: String) {
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
