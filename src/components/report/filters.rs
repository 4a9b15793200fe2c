//! Filters on any dimension: the whole report (figures, charts, tables) follows at once.

use canbo_core::report::{Dimension, ReportOptions};
use leptos::prelude::*;

use super::value_labels;
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
    // The values each dimension takes in the whole roster (unfiltered), from the core: they
    // depend on the date and the bands, not on the filter chosen.
    let values = Memo::new(move |_| {
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
                    .map(|&dim| {
                        // In the order the report lists them (the core's).
                        let v = coded
                            .crosstab(&options, dim, Dimension::Category)
                            .row_values;
                        (dim, v)
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    move || {
        let lang = s.lang.get();
        let values = values.get()?;
        let full = s.report.get()?;
        let selects = values
            .into_iter()
            .map(|(dim, vals)| {
                let id = format!("filter-{}", dim.code());
                let options: Vec<(String, String)> = value_labels(dim, &vals, &full, lang)
                    .into_iter()
                    .zip(vals)
                    .collect();
                let chosen = s.chosen(dim).first().cloned().unwrap_or_default();
                let opts = options
                    .into_iter()
                    .map(|(label, v)| {
                        let selected = v == chosen;
                        view! { <option value=v selected=selected>{label}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for=id.clone()>{dim.label(lang)}</label>
                        <select
                            id=id
                            data-filter=dim.code()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                s.choose(dim, if v.is_empty() { vec![] } else { vec![v] });
                            }
                        >
                            <option value="" selected=chosen.is_empty()>{t("Tất cả", "All")}</option>
                            {opts}
                        </select>
                    </div>
                }
            })
            .collect_view();
        let any = s.filter.with(|f| !f.is_empty());
        Some(view! {
            <section class="filters no-print" aria-label=t("Lọc", "Filters")>
                <h2 class="small-heading">{t("Lọc theo", "Filter by")}</h2>
                <div class="filter-fields">{selects}</div>
                {any.then(|| view! {
                    <button type="button" class="button small" data-testid="clear-filters" on:click=move |_| s.filter.set(vec![])>
                        {t("Bỏ lọc", "Clear filters")}
                    </button>
                })}
            </section>
        })
    }
}
