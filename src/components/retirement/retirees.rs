//! The people behind the count chosen in the timeline (everyone at first), as the core picks
//! them (`Forecast::people_in`).

use canbo_core::export::Lang;
use canbo_core::retirement::{Forecast, Retiree, RetireePick as Pick};
use leptos::prelude::*;

use super::title_label;
use crate::components::report::MoreRows;
use crate::i18n::{num, t};

/// The heading naming the choice, the people table and «Hiện thêm».
pub fn retiree_list(
    f: &Forecast,
    lang: Lang,
    pick: RwSignal<Pick>,
    people_shown: RwSignal<usize>,
) -> impl IntoView {
    let chosen = pick.get();
    // The core says who is behind the count (units by their folded key, as counted).
    let shown: Vec<&Retiree> = f.people_in(&chosen);
    let people = shown
        .iter()
        .take(people_shown.get())
        .map(|p| {
            view! {
                <tr class:overdue=p.overdue>
                    <td>{p.name.clone()}</td>
                    <td>{p.unit.clone()}</td>
                    <td>{p.position.clone().unwrap_or_default()}</td>
                    <td>{canbo_core::export::retirement::birth(p.birth, lang)}</td>
                    <td>{crate::format::date(p.retires_on)}{p.overdue.then(|| t(" (đã quá tuổi)", " (overdue)"))}</td>
                    <td class="origin">{p.origin.label(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let listing = choice_name(f, &chosen, lang);
    view! {
        <h3 id="retirees">
            {t("Danh sách", "People")} " (" {listing} "): "
            <span data-testid="retirees-count">{num(shown.len() as u32, lang)}</span>
            {(chosen != Pick::default()).then(|| view! {
                " " <button type="button" class="button small" on:click=move |_| pick.set(Pick::default())>{t("Xem tất cả", "Show all")}</button>
            })}
        </h3>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="retirees">
            <table class="form-table" data-testid="retirees">
                <thead><tr>
                    <th scope="col">{t("Họ và tên", "Name")}</th>
                    <th scope="col">{t("Đơn vị", "Unit")}</th>
                    <th scope="col">{t("Chức vụ", "Position")}</th>
                    <th scope="col">{t("Ngày sinh", "Born")}</th>
                    <th scope="col">{t("Đến tuổi nghỉ hưu", "Retires on")}</th>
                    <th scope="col">{t("Tệp › trang › dòng", "File › sheet › row")}</th>
                </tr></thead>
                <tbody>{people}</tbody>
            </table>
        </div>
        <MoreRows shown=people_shown total=shown.len() what_vi="người" what_en="people" />
    }
}

/// "All", or what the count chosen stands for ("Overdue — Xa Na Son").
fn choice_name(f: &Forecast, chosen: &Pick, lang: Lang) -> String {
    if *chosen == Pick::default() {
        return t("Tất cả", "All").to_string();
    }
    [
        chosen
            .overdue
            .then(|| t("Đã quá tuổi", "Overdue").to_string()),
        chosen.year.map(|y| y.to_string()),
        chosen
            .unit
            .and_then(|i| f.by_unit.get(i))
            .map(|u| canbo_core::export::table::display_unit(&u.unit, lang)),
        chosen
            .title
            .and_then(|i| f.by_title.get(i))
            .map(|by| title_label(by.title, lang).to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" — ")
}
