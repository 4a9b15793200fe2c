//! A snapshot beside the report on screen: every figure before, now and the difference,
//! the changed ones marked.

use canbo_core::export::Lang;
use canbo_core::report::{compare, Change, Report};
use leptos::prelude::*;

use crate::components::report::stat_label;
use crate::i18n::t;
use crate::state::AppState;
use canbo_core::export::text;

/// The table comparing the snapshot named in `comparing` with the report `now`, and «Đóng».
pub(super) fn comparison(
    state: AppState,
    comparing: RwSignal<Option<String>>,
    now: impl Fn() -> Option<Report>,
) -> Option<impl IntoView> {
    let name = comparing.get()?;
    let before = state.snapshots.with(|all| {
        all.iter()
            .find(|s| s.name == name)
            .map(|s| s.report.clone())
    })?;
    let now = now()?;
    let lang = crate::i18n::lang();
    let rows = compare(&before, &now)
        .into_iter()
        .map(|c| change_row(c, &now, lang))
        .collect_view();
    Some(view! {
        <div class="table-scroll">
            <table class="snapshot-compare" data-testid="snapshot-compare-table">
                <caption>{t(format!("«{name}» so với hiện tại"), format!("«{name}» against now"))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("Chỉ tiêu", "Figure")}</th>
                        <th scope="col" class="num">{t("Trước", "Before")}</th>
                        <th scope="col" class="num">{t("Nay", "Now")}</th>
                        <th scope="col" class="num">{t("Chênh lệch", "Difference")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <button type="button" class="button small subtle" on:click=move |_| comparing.set(None)>
            {t("Đóng bảng so sánh", "Close the comparison")}
        </button>
    })
}

/// One figure: its label, before, now, and the difference.
fn change_row(c: Change, now: &Report, lang: Lang) -> impl IntoView {
    let show = |v: Option<u32>| text::figure(v, lang);
    let diff = text::difference(c.before, c.after, lang);
    let changed = c.before != c.after;
    view! {
        <tr class:changed=changed data-path=c.path.clone()>
            <th scope="row">{stat_label(&c.path, now, lang)}</th>
            <td class="num">{show(c.before)}</td>
            <td class="num">{show(c.after)}</td>
            <td class="num">{diff}</td>
        </tr>
    }
}
