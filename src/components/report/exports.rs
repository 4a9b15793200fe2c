//! Exports of what is on screen: the report (official per-unit form) as xlsx and csv,
//! printing, and the people of a list as xlsx. The workbooks are written in a worker
//! (`crate::worker::export`): their writer is not in the page's wasm.

use canbo_core::export::csv;
use canbo_core::roster::Person;
use leptos::prelude::*;

use crate::download::{save, CSV, XLSX};
use crate::i18n::t;
use crate::settings::Settings;
use crate::state::AppState;
use crate::worker::export::{build, Request};

fn file_stem(settings: &Settings) -> String {
    let filtered = settings.filter.with_untracked(|f| !f.is_empty());
    format!(
        "bao-cao-doi-ngu-{}{}",
        settings.as_of.get_untracked(),
        if filtered { "-da-loc" } else { "" }
    )
}

/// "Lọc: Giới tính: Nữ; Đảng viên: Có" for the filter on screen, each value named by the
/// core (`Coded::labels`); empty without one.
pub fn filter_scope(settings: &Settings, state: AppState) -> String {
    let lang = settings.lang.get_untracked();
    let options = settings.options.get_untracked();
    let parts: Vec<String> = settings.filter.with_untracked(|f| {
        state.coded.with_untracked(|coded| {
            let Some(coded) = coded else {
                return Vec::new();
            };
            f.iter()
                .filter(|(_, values)| !values.is_empty())
                .map(|(dim, values)| {
                    let labels = coded.labels(*dim, values, &options, lang);
                    format!("{}: {}", dim.label(lang), labels.join(", "))
                })
                .collect()
        })
    });
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}: {}", t("Lọc", "Filter"), parts.join("; "))
    }
}

#[component]
pub fn ReportExports() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    // A shared report writes the counts its sender hid as «<3».
    let hidden = use_context::<crate::components::share::ReadOnly>().map(|r| r.hidden);
    let hidden_csv = hidden.clone();
    let as_xlsx = move |_| {
        let request = s.report.with_untracked(|r| {
            r.as_ref().map(|r| Request::ReportWorkbook {
                report: r.clone(),
                scope: filter_scope(&s, state),
                hidden: hidden.clone().unwrap_or_default(),
            })
        });
        if let Some(request) = request {
            save_written(request, format!("{}.xlsx", file_stem(&s)), error);
        }
    };
    let as_csv = move |_| {
        let result = s.report.with_untracked(|r| match r {
            Some(r) => save(
                &format!("{}.csv", file_stem(&s)),
                CSV,
                match &hidden_csv {
                    Some(hidden) => csv::report_hiding(r, hidden),
                    None => csv::report(r),
                }
                .as_bytes(),
            ),
            None => Ok(()),
        });
        error.set(result.err());
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="exports no-print" role="group" aria-label=move || t("Tải về", "Download")>
            <button type="button" class="button" data-testid="export-xlsx" on:click=as_xlsx>
                {move || t("Tải báo cáo (.xlsx)", "Download report (.xlsx)")}
            </button>
            <button type="button" class="button" data-testid="export-csv" on:click=as_csv>
                {move || t("Tải báo cáo (.csv)", "Download report (.csv)")}
            </button>
            <button type="button" class="button" data-testid="print" on:click=print>
                {move || t("In báo cáo", "Print")}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}

/// Saves a list of people as xlsx (name, unit, position… and where each was read); why
/// not goes to `error`.
pub fn save_people(
    people: Vec<Person>,
    name: &str,
    lang: canbo_core::export::Lang,
    error: RwSignal<Option<String>>,
) {
    save_written(
        Request::People { people, lang },
        format!("{name}.xlsx"),
        error,
    );
}

/// Has the worker write the workbook `request` asks for and offers it as `name`; why not
/// goes to `error` (cleared first).
pub fn save_written(request: Request, name: String, error: RwSignal<Option<String>>) {
    error.set(None);
    leptos::task::spawn_local(async move {
        let result = build(&request)
            .await
            .and_then(|bytes| save(&name, XLSX, &bytes));
        error.set(result.err());
    });
}
