//! Filters on any dimension: the whole report (figures, charts, tables) follows at once.

use canbo_core::report::{narrow_choices, Dimension, ReportOptions};
use leptos::prelude::*;

use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;

pub const FILTERED: [Dimension; 8] = [
    Dimension::Unit,
    Dimension::Category,
    Dimension::Gender,
    Dimension::PartyMember,
    Dimension::EthnicMinority,
    Dimension::AgeBand,
    Dimension::Professional,
    Dimension::PoliticalTheory,
];

#[component]
pub fn Filters() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    // What each list offers (`Coded::choices`): the values of the whole roster, labelled.
    // They depend on the date, the bands and the language, not on the filter chosen:
    // choosing a value only moves the selection (a province's unit list has thousands of
    // options, and rebuilding them was most of a filter change), and a unit the filter leaves
    // out keeps its name.
    let choices = Memo::new(move |_| {
        let lang = s.lang.get();
        let options = ReportOptions {
            as_of: s.as_of.get(),
            bands: s.bands.get(),
            filter: Default::default(),
        };
        state.coded.with(|coded| {
            let coded = coded.as_ref()?;
            Some(
                FILTERED
                    .iter()
                    .map(|&dim| (dim, coded.choices(dim, &options, lang)))
                    .collect::<Vec<(Dimension, Vec<(String, String)>)>>(),
            )
        })
    });
    move || {
        let choices = choices.get()?;
        let lang = s.lang.get_untracked();
        let selects = choices
            .into_iter()
            .map(|(dim, options)| {
                let id = format!("filter-{}", dim.code());
                // The options are put in through the DOM once the list is in the page, a
                // slice at a time; then one effect per list follows the filter (one per option
                // made thousands of subscribers to the filter, each costly to drop and add
                // again on every change).
                let select = NodeRef::<leptos::html::Select>::new();
                // A long list (a province's units) can be narrowed by typing: the list then
                // holds what matches and the value chosen (`narrow_choices`).
                let long = options.len() > NARROW_FROM;
                let query = RwSignal::new(String::new());
                let options = std::sync::Arc::new(options);
                let filling = StoredValue::new(0u64);
                Effect::new(move |_| {
                    let typed = query.get();
                    let Some(select) = select.get() else {
                        return;
                    };
                    let options = options.clone();
                    let this = filling
                        .try_update_value(|n| {
                            *n += 1;
                            *n
                        })
                        .unwrap_or(0);
                    leptos::task::spawn_local(async move {
                        let chosen = s.chosen(dim);
                        // The value chosen stays in the list, whatever is typed.
                        let shown = narrow_choices(&options, &typed, &chosen);
                        select.set_length(1);
                        let still = move || filling.try_get_value() == Some(this);
                        let shown = shown.iter().filter_map(|&i| options.get(i));
                        fill(&select, shown, still).await;
                        if still() {
                            select.set_value(&s.chosen(dim));
                        }
                    });
                });
                Effect::new(move |_| {
                    let chosen = s.chosen(dim);
                    if let Some(select) = select.get() {
                        select.set_value(&chosen);
                    }
                });
                let search = long.then(|| {
                    let label =
                        format!("{}: {}", dim.label(lang), t("gõ để tìm", "type to search"));
                    view! {
                        <input
                            type="search"
                            class="filter-search"
                            data-filter-search=dim.code()
                            aria-label=label
                            aria-controls=id.clone()
                            placeholder=t("Gõ để tìm…", "Type to search…")
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                    }
                });
                view! {
                    <div class="field">
                        <label for=id.clone()>{dim.label(lang)}</label>
                        {search}
                        <select
                            node_ref=select
                            id=id
                            data-filter=dim.code()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                s.choose(dim, if v.is_empty() { vec![] } else { vec![v] });
                            }
                        >
                            <option value="">{t("Tất cả", "All")}</option>
                        </select>
                    </div>
                }
            })
            .collect_view();
        let any = move || s.filter.with(|f| !f.is_empty());
        Some(view! {
            <section class="filters no-print" aria-label=t("Lọc", "Filters")>
                <h2 class="small-heading">{t("Lọc theo", "Filter by")}</h2>
                <div class="filter-fields">{selects}</div>
                {move || any().then(|| view! {
                    <button type="button" class="button small" data-testid="clear-filters" on:click=move |_| s.filter.set(vec![])>
                        {t("Bỏ lọc", "Clear filters")}
                    </button>
                })}
            </section>
        })
    }
}

/// Options put in a list between two turns of the browser.
const OPTIONS_AT_ONCE: usize = 1_000;

/// A list with more choices than this can be narrowed by typing.
const NARROW_FROM: usize = 30;

/// Adds `options` (value, label) to `select`, after what it holds, a slice at a time, as
/// long as `still()` (a newer fill replaces this one). Through the DOM rather than as views:
/// a province's unit list has 10,000 options, and as views they were most of drawing the
/// report after an import (a view keeps state for each, to update it; these are only ever
/// replaced whole, with the list).
async fn fill<'a>(
    select: &web_sys::HtmlSelectElement,
    options: impl Iterator<Item = &'a (String, String)>,
    still: impl Fn() -> bool,
) {
    let Some(document) = select.owner_document() else {
        return;
    };
    let options: Vec<&(String, String)> = options.collect();
    for (i, slice) in options.chunks(OPTIONS_AT_ONCE).enumerate() {
        if i > 0 {
            crate::turns::let_the_browser_draw().await;
        }
        if !still() {
            return;
        }
        let some = document.create_document_fragment();
        for (value, label) in slice {
            if let Ok(option) = web_sys::HtmlOptionElement::new_with_text_and_value(label, value) {
                let _ = some.append_child(&option);
            }
        }
        let _ = select.append_child(&some);
    }
}
