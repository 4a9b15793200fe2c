//! The report page: the settings (date, age bands, filters), the headline figures, every
//! breakdown with its chart, the age pyramid, the per-unit form, a cross-tab and the people
//! behind any count. Every figure comes from `canbo-core`; `data-stat`/`data-value` come
//! from `report::stats`, so the page cannot drift from the JSON.

mod breakdowns;
mod controls;
mod crosstab;
mod drill;
pub mod exports;
mod filters;
mod units;

use canbo_core::report::Filter;
use leptos::prelude::*;

pub use controls::ReportControls;
pub use drill::Drill;

use crate::i18n::{num, pct, t};
use crate::settings::Settings;
use crate::turns::Later;

/// The people a count stands for, asked for by a click: a title and the extra conditions.
#[derive(Clone, Copy)]
pub struct DrillRequest(pub RwSignal<Option<(String, Filter)>>);

/// In the place of the report's sections while they cannot be drawn yet (the roster not yet
/// read back, or their chunk still on its way): one section marked busy, as a section being
/// redrawn is (docs/REPORT-EXTENSIONS.md, the page's test contract), saying why.
fn sections_waiting((vi, en): (&'static str, &'static str)) -> impl IntoView {
    view! {
        <div class="turn sections-waiting" aria-busy="true" data-testid="sections-waiting">
            {move || t(vi, en)}
        </div>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let settings = expect_context::<Settings>();
    provide_context(DrillRequest(RwSignal::new(None)));
    // Whether there is a report, apart from its figures: the sections below are built once
    // and follow the report themselves. (Reading the report here rebuilt every section,
    // the filters' thousands of options included, on each filter change.)
    let has = Memo::new(move |_| settings.report.with(|r| r.is_some()));
    // The headline figures may come before the report (an import's, ahead of its roster):
    // the sections then follow with it.
    let has_headlines = Memo::new(move |_| settings.headlines(|_| ()).is_some());
    view! {
        <ReportControls />
        {move || {
            has_headlines.get().then(|| {
                // The headline figures at once, each other section in a task of its own,
                // built and redrawn so.
                let follows = Signal::derive(move || {
                    settings.options.track();
                    settings.report.track();
                });
                view! {
                    <crate::components::UnreadCount />
                    <breakdowns::Headlines />
                    // The rest from a chunk fetched as the import started (`on_demand`); before
                    // the roster of figures shown ahead is read back, a section still to
                    // come, marked busy as a section being redrawn is.
                    {move || if has.get() {
                        crate::on_demand::shown_or(
                            move || crate::on_demand::report_sections(follows),
                            || sections_waiting(("Đang tải các phần còn lại của báo cáo…",
                                "Loading the rest of the report…")),
                        ).into_any()
                    } else {
                        sections_waiting(("Đang đọc danh sách để hiện các phần còn lại của báo cáo…",
                            "Reading the roster for the rest of the report…")).into_any()
                    }}
                }
            })
        }}
    }
}

/// The report's sections after the headline figures, each drawn in a task of its own (and
/// redrawn so when the report or its options change, `follows`).
#[component]
pub fn ReportSections(follows: Signal<()>) -> impl IntoView {
    view! {
        <Later follows><crate::components::prose::ProseView /></Later>
        <Later follows><filters::Filters /></Later>
        <Later follows><exports::ReportExports /></Later>
        <Later follows><breakdowns::Breakdowns /></Later>
        <Later follows><units::UnitTable /></Later>
        <Later follows><crate::components::print_form::PrintForm /></Later>
        <Later follows><crosstab::CrossTabView /></Later>
        <Drill />
    }
}

/// The people behind a figure of the top-level report (the core's [`stat_filter`]).
pub use canbo_core::report::{stat_filter as drill_filter, stat_label};

/// A figure: the count (a button listing its people when it can) and its share of `whole`.
#[component]
pub fn Count(
    /// `data-stat` path for top-level figures; `None` elsewhere.
    #[prop(optional)]
    stat: Option<String>,
    value: u32,
    #[prop(optional)] whole: Option<u32>,
    /// The people behind it, with the title of their list.
    #[prop(optional)]
    drill: Option<(String, Filter)>,
) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let lang = settings.lang.get_untracked();
    let text = num(value, lang);
    let share = whole.map(|w| view! { <span class="pct">{pct(value, w, lang)}</span> });
    // Under a shared report (a link holds no people) a figure lists nobody and says why.
    let read_only = use_context::<crate::components::share::ReadOnly>()
        .map(|_| crate::components::share::ReadOnly::reason());
    let number = match drill {
        Some(request) if value > 0 && read_only.is_none() => {
            let asked = expect_context::<DrillRequest>().0;
            let label = format!(
                "{}: {}",
                request.0,
                t("xem danh sách", "list the people")
            );
            view! {
                <button
                    type="button"
                    class="count link"
                    data-stat=stat
                    data-value=value
                    aria-label=label
                    on:click=move |_| asked.set(Some(request.clone()))
                >
                    {text}
                </button>
            }
            .into_any()
        }
        _ => view! { <span class="count" data-stat=stat data-value=value title=read_only>{text}</span> }.into_any(),
    };
    view! { <span class="figure">{number}{share}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use canbo_core::export::Lang;
    use canbo_core::report::Dimension;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_exported_form_names_the_filter_on_screen() {
        use crate::state::{AppState, Picked};
        let state = AppState::empty();
        state.import(Picked {
            files: vec![crate::test_support::sample()],
            unreadable: vec![],
        });
        let settings = Settings::new(state);
        assert_eq!(exports::filter_scope(&settings, state), "");
        settings.choose(Dimension::Gender, vec!["nu".into()]);
        settings.choose(Dimension::PartyMember, vec!["yes".into()]);
        assert_eq!(
            exports::filter_scope(&settings, state),
            "Lọc: Giới tính: Nữ; Đảng viên: Có"
        );
        // A unit is named as the report names it, not by its key.
        let unit = settings
            .report
            .with_untracked(|r| r.as_ref().unwrap().units[0].unit.clone());
        settings.choose(Dimension::Unit, vec![canbo_core::roster::unit_key(&unit)]);
        let scope = exports::filter_scope(&settings, state);
        assert!(
            scope.ends_with(&format!(
                "Đơn vị: {}",
                canbo_core::roster::display_unit(&unit, Lang::Vi)
            )),
            "{scope}"
        );
        crate::storage::clear();
    }

    #[wasm_bindgen_test]
    fn every_figure_path_maps_to_the_people_behind_it() {
        let one = |dim: Dimension, v: &str| Some(Filter::default().and(dim, vec![v.to_string()]));
        assert_eq!(drill_filter("people"), Some(Filter::default()));
        assert_eq!(
            drill_filter("category.can_bo"),
            one(Dimension::Category, "can_bo")
        );
        assert_eq!(drill_filter("gender.nu"), one(Dimension::Gender, "nu"));
        assert_eq!(
            drill_filter("party_member"),
            one(Dimension::PartyMember, "yes")
        );
        assert_eq!(
            drill_filter("ethnic_minority"),
            one(Dimension::EthnicMinority, "yes")
        );
        assert_eq!(
            drill_filter("age.bands.2.count"),
            one(Dimension::AgeBand, "2")
        );
        assert_eq!(
            drill_filter("age.unknown"),
            one(Dimension::AgeBand, "unknown")
        );
        assert_eq!(
            drill_filter("professional.dai_hoc"),
            one(Dimension::Professional, "dai_hoc")
        );
        assert_eq!(drill_filter("age.bands.2.from"), None);
        assert_eq!(drill_filter("religious"), None);
    }
}

/// How many rows a long table shows at first, and adds per click: a province's hundreds of
/// units read fine, a synthetic roster's thousands would put millions of cells in the page.
pub const ROWS_AT_ONCE: usize = 200;

/// The per-unit form shows fewer at first (a screen holds about fifteen units): each of its
/// rows is some 140 elements, and the form is drawn again on every filter change, which at
/// 200 rows was most of that change's time (docs/BENCHMARKS.md, "Second results").
pub const UNITS_AT_ONCE: usize = 50;

/// Below a table cut at `shown` of `total` rows: how many are hidden, and buttons to show
/// more or all of them (the exports and the totals always cover every row).
#[component]
pub fn MoreRows(
    shown: RwSignal<usize>,
    total: usize,
    #[prop(into)] what_vi: String,
    #[prop(into)] what_en: String,
    /// Rows each «Hiện thêm» adds ([`ROWS_AT_ONCE`] unless given).
    #[prop(optional)]
    step: Option<usize>,
) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let at_once = step.unwrap_or(ROWS_AT_ONCE);
    move || {
        let now = shown.get().min(total);
        (now < total).then(|| {
            let lang = settings.lang.get();
            let text = crate::i18n::t(format!("Đang hiện {}/{} {what_vi}.", num(now as u32, lang), num(total as u32, lang)), format!("Showing {} of {} {what_en}.", num(now as u32, lang), num(total as u32, lang)));
            let step = at_once.min(total - now);
            view! {
                <p class="more-rows no-print" data-testid="more-rows">
                    <span>{text}</span>
                    <button type="button" class="button small" on:click=move |_| shown.update(|n| *n = n.saturating_add(at_once))>
                        {crate::i18n::t(format!("Hiện thêm {step}"), format!("Show {step} more"))}
                    </button>
                    <button type="button" class="button small subtle" on:click=move |_| shown.set(usize::MAX)>
                        {t("Hiện tất cả", "Show all")}
                    </button>
                </p>
            }
        })
    }
}
