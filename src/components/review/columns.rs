//! The columns of one sheet in the import review: each column's letter, its header and the
//! field it is read as, a select to correct it (the roster is re-read at once).

use canbo_core::export::Lang;
use canbo_core::field::Field;
use canbo_core::import::ColumnReport;
use leptos::prelude::*;

use super::sheet::refocus;
use crate::i18n::t;
use crate::state::AppState;

/// The table of `columns` of sheet `name` of `file`; `id` prefixes the controls' ids.
pub fn column_table(
    file: &str,
    name: &str,
    id: &str,
    columns: &[ColumnReport],
    lang: Lang,
) -> Option<impl IntoView> {
    let state = expect_context::<AppState>();
    let (file, name) = (file.to_string(), name.to_string());
    (!columns.is_empty()).then(|| {
            let rows = columns
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
    })
}
