//! What the importer left out of one sheet: the rows skipped and why, and the warnings of
//! its cells (each message starts with its cell).

use canbo_core::export::Lang;
use canbo_core::import::SkippedRow;
use leptos::prelude::*;

use crate::i18n::{num, t};
use crate::state::AppState;

/// Rows and warnings listed per sheet; the rest are counted.
const MAX_LISTED: usize = 100;

/// The rows of a sheet that are no person, folded.
pub fn skipped_rows(rows: &[SkippedRow], lang: Lang) -> Option<impl IntoView> {
    (!rows.is_empty()).then(|| {
        let more = num(
            u32::try_from(rows.len().saturating_sub(MAX_LISTED)).unwrap_or(u32::MAX),
            lang,
        );
        let count_n = rows.len();
        let count = num(u32::try_from(count_n).unwrap_or(u32::MAX), lang);
        let items = rows
            .iter()
            .take(MAX_LISTED)
            .map(|r| {
                let why = r.role.message(lang);
                let line = t(format!("Dòng {}: {why}", r.row), format!("Row {}: {why}", r.row));
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! {
            <details class="review-list" data-testid="review-skipped-rows" data-count=count_n>
                <summary>{t(format!("{count} dòng bỏ qua"), format!("{count} rows skipped"))}</summary>
                <ul>{items}</ul>
                {(count_n > MAX_LISTED).then(|| view! { <p class="hint">{t(format!("và {more} dòng khác"), format!("and {more} more rows"))}</p> })}
            </details>
        }
    })
}

/// The warnings of sheet `name` of `file` in the roster on screen, folded.
pub fn sheet_warnings(file: String, name: String, lang: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.roster.with(|roster| {
                let here = || roster.iter().flat_map(|r| r.warnings_in(&file, &name));
                let count_n = here().count();
                (count_n > 0).then(|| {
                    let as_number = |n: usize| num(u32::try_from(n).unwrap_or(u32::MAX), lang);
                    let (count, more) = (as_number(count_n), as_number(count_n.saturating_sub(MAX_LISTED)));
                    let items = here()
                        .take(MAX_LISTED)
                        // The message starts with its cell ("H17: …").
                        .map(|w| view! { <li>{w.message(lang).to_string()}</li> })
                        .collect_view();
                    view! {
                        <details class="review-list" data-testid="review-warnings" data-count=count_n>
                            <summary>{t(format!("{count} cảnh báo"), format!("{count} warnings"))}</summary>
                            <ul>{items}</ul>
                            {(count_n > MAX_LISTED).then(|| view! { <p class="hint">{t(format!("và {more} cảnh báo khác"), format!("and {more} more warnings"))}</p> })}
                        </details>
                    }
                })
            })
    }
}
