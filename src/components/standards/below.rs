//! Below the tools: the rule set's unconfirmed facts, the notes on reading the figures, and
//! the people below standard with what each lacks (in the core's words,
//! `export::standards::lacks`, as the CLI's text writes it).

use canbo_core::export::Lang;
use leptos::prelude::*;
use std::sync::Arc;

use super::Shown;
use crate::components::report::{MoreRows, ROWS_AT_ONCE};
use crate::i18n::{num, t};

/// The unconfirmed facts, the notes and the people below standard.
pub(super) fn below_standard(shown: Arc<Shown>, lang: Lang) -> impl IntoView {
    let below = people_below(shown.clone(), lang);
    let r = &shown.r;
    let (unconfirmed, notes) = match lang {
        Lang::Vi => (&r.unconfirmed, &r.notes),
        Lang::En => (&shown.unconfirmed_en, &shown.notes_en),
    };
    let unconfirmed_items = unconfirmed
        .iter()
        .map(|u| view! { <li class="unconfirmed">{u.clone()}</li> })
        .collect_view();
    let note_items = notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    view! {
        {(!unconfirmed.is_empty()).then(|| view! {
            <h3>{t("Quy định chưa xác nhận", "Unconfirmed rules")}</h3>
            <ul>{unconfirmed_items}</ul>
        })}
        {(!notes.is_empty()).then(|| view! { <ul class="help">{note_items}</ul> })}
        <h3>
            {t("Người chưa đạt chuẩn", "People below standard")} ": "
            <span data-figure="people_below" data-value=r.people_below.len()>{num(r.people_below.len() as u32, lang)}</span>
        </h3>
        {below}
    }
}

/// The people below standard, the first rows at once and more on request.
fn people_below(result: Arc<Shown>, lang: Lang) -> impl IntoView {
    let shown = RwSignal::new(ROWS_AT_ONCE);
    let total = result.r.people_below.len();
    let rows = move || {
        result
            .r
            .people_below
            .iter()
            .take(shown.get())
            .map(|p| {
                view! {
                    <tr>
                        <td>{p.name.clone()}</td>
                        <td>{p.unit.clone()}</td>
                        <td>{p.position.clone().unwrap_or_default()}</td>
                        <td class="lacks">{canbo_core::export::standards::lacks(p, lang)}</td>
                        <td class="origin">{p.origin.label(lang)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("Người chưa đạt chuẩn", "People below standard")>
            <table class="form-table people-below">
                <thead><tr>
                    <th scope="col">{t("Họ và tên", "Name")}</th>
                    <th scope="col">{t("Đơn vị", "Unit")}</th>
                    <th scope="col">{t("Chức vụ", "Position")}</th>
                    <th scope="col">{t("Còn thiếu", "Lacks")}</th>
                    <th scope="col">{t("Tệp › trang › dòng", "File › sheet › row")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <MoreRows shown=shown total=total what_vi="người" what_en="people" />
    }
}
