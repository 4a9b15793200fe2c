//! Nghỉ hưu: who reaches the legal retirement age in each of the next N years (default 10),
//! those already past it, by unit and by title, and the people — from `canbo-core`.
//! Clicking a count lists the people behind it.

use canbo_core::retirement::{
    forecast, Retiree, RetireePick as Pick, RetirementLaw, RetirementOptions, MAX_YEARS,
};
use leptos::prelude::*;

use canbo_core::export::Lang;
use canbo_core::vocab::positions::Title;

use crate::components::figures::{at, Fig};
use crate::components::report::{MoreRows, ROWS_AT_ONCE};
use crate::i18n::{num, t};
use crate::settings::Settings;
use crate::state::AppState;

/// A title in the language shown; `None` is a person whose title the roster does not give.
pub(crate) fn title_label(title: Option<Title>, lang: Lang) -> &'static str {
    match title {
        Some(title) => title.label(lang),
        None => t("Chưa xác định chức danh", "Title not known"),
    }
}

/// The law the ages come from, as the reader's language names it.
fn law_name(law: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => law.to_string(),
        Lang::En if law == RetirementLaw::default().name => {
            "Labour Code 2019, Article 169; Decree 135/2020/NĐ-CP".to_string()
        }
        Lang::En => law.to_string(),
    }
}

#[component]
pub fn RetirementPage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let years = RwSignal::new(10u32);
    let pick = RwSignal::new(Pick::default());
    let units_shown = RwSignal::new(ROWS_AT_ONCE);
    // The list grows on request; a new pick starts it again from the first rows.
    let people_shown = RwSignal::new(ROWS_AT_ONCE);
    Effect::new(move |_| {
        pick.track();
        people_shown.set(ROWS_AT_ONCE);
    });
    let result = Memo::new(move |_| {
        let options = RetirementOptions {
            as_of: s.as_of.get(),
            years: years.get(),
        };
        state.roster.with(|roster| {
            roster
                .as_ref()
                .map(|roster| forecast(roster, &RetirementLaw::default(), &options))
        })
    });
    move || {
        let lang = s.lang.get();
        let f = result.get()?;
        // Only the counts the cells read, not the list of people.
        let json = std::sync::Arc::new(serde_json::json!({
            "years": f.years,
            "overdue": f.overdue,
            "by_unit": f.by_unit,
            "by_title": f.by_title,
        }));
        let year_heads = f
            .years
            .iter()
            .map(|y| view! { <th scope="col">{y.year}</th> })
            .collect_view();
        // A row of a timeline: overdue, each year, total; each count a button for its people.
        let timeline_row = |label: String, prefix: String, base: Pick| {
            let json = json.clone();
            let cell = move |path: String, p: Pick| {
                let value = at(&json, &path);
                let label = t("xem danh sách", "list the people");
                value.map(|value| {
                    let p2 = p.clone();
                    view! {
                        <button type="button" class="count link" data-figure=path data-value=value aria-label=label
                            on:click=move |_| pick.set(p2.clone())>{num(value, lang)}</button>
                    }
                })
            };
            let years = f
                .years
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    let p = Pick {
                        year: Some(y.year),
                        ..base.clone()
                    };
                    view! { <td class="num">{cell(format!("{prefix}years.{i}.count"), p)}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{cell(format!("{prefix}overdue"), Pick { overdue: true, ..base.clone() })}</td>
                    {years}
                    <td class="num">{cell(format!("{prefix}total"), base.clone())}</td>
                </tr>
            }
        };
        let total_row = {
            let json = json.clone();
            let cell = |path: &str| view! { <Fig json=json.clone() path=path.to_string() /> };
            let years = f
                .years
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    let year = y.year;
                    view! { <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick { year: Some(year), ..Default::default() })>{cell(&format!("years.{i}.count"))}</button></td> }
                })
                .collect_view();
            view! {
                <tr class="total">
                    <th scope="row">{t("Toàn bộ", "All")}</th>
                    <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick { overdue: true, ..Default::default() })>{cell("overdue")}</button></td>
                    {years}
                    <td class="num"><button type="button" class="count link" on:click=move |_| pick.set(Pick::default())>{num(f.people.len() as u32, lang)}</button></td>
                </tr>
            }
        };
        let units_total = f.by_unit.len();
        let unit_rows = f
            .by_unit
            .iter()
            .enumerate()
            .take(units_shown.get())
            .map(|(i, u)| {
                timeline_row(
                    canbo_core::export::table::display_unit(&u.unit, lang),
                    format!("by_unit.{i}."),
                    Pick {
                        unit: Some(i),
                        ..Default::default()
                    },
                )
            })
            .collect_view();
        let title_rows = f
            .by_title
            .iter()
            .enumerate()
            .map(|(i, t)| {
                timeline_row(
                    title_label(t.title, lang).to_string(),
                    format!("by_title.{i}."),
                    Pick {
                        title: Some(i),
                        ..Default::default()
                    },
                )
            })
            .collect_view();
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
                        <td>{p.birth.to_string()}</td>
                        <td>{crate::format::date(p.retires_on)}{p.overdue.then(|| t(" (đã quá tuổi)", " (overdue)"))}</td>
                        <td class="origin">{format!("{} › {} › {} {}", p.origin.file, p.origin.sheet, t("dòng", "row"), p.origin.row)}</td>
                    </tr>
                }
            })
            .collect_view();
        let max = f
            .years
            .iter()
            .map(|y| y.count)
            .max()
            .unwrap_or(0)
            .max(f.overdue)
            .max(1);
        let bars = std::iter::once((t("Quá tuổi", "Overdue").to_string(), f.overdue))
            .chain(f.years.iter().map(|y| (y.year.to_string(), y.count)))
            .enumerate()
            .map(|(i, (label, count))| {
                let h = f64::from(count) / f64::from(max) * 120.0;
                let x = 10.0 + i as f64 * 46.0;
                view! {
                    <g>
                        <rect x=x y=format!("{:.1}", 140.0 - h) width="36" height=format!("{h:.1}")></rect>
                        <text x=x + 18.0 y=format!("{:.1}", 134.0 - h) text-anchor="middle">{num(count, lang)}</text>
                        <text x=x + 18.0 y="156" text-anchor="middle">{label}</text>
                    </g>
                }
            })
            .collect_view();
        let width = 20.0 + (f.years.len() + 1) as f64 * 46.0;
        let listing = if chosen == Pick::default() {
            t("Tất cả", "All").to_string()
        } else {
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
                    .map(|t| title_label(t.title, lang).to_string()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" — ")
        };
        Some(view! {
            <section class="panel retirement" data-testid="retirement">
                <h2>{t("Dự báo nghỉ hưu", "Retirement forecast")}</h2>
                <div class="field inline">
                    <label for="retire-years">{t("Số năm dự báo", "Years ahead")}</label>
                    <input id="retire-years" type="number" min="1" max=MAX_YEARS.to_string() data-testid="retire-years"
                        prop:value=move || years.get().to_string()
                        on:input=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                if (1..=MAX_YEARS).contains(&n) { years.set(n) }
                            }
                        } />
                    <p class="help">{law_name(&f.law, lang)}</p>
                </div>
                <figure class="year-bars">
                    <svg viewBox=format!("0 0 {width} 165") role="img"
                        aria-label=t("Số người đến tuổi nghỉ hưu theo năm", "People reaching retirement age per year")>
                        {bars}
                    </svg>
                </figure>
                <div class="table-scroll" tabindex="0" role="region" aria-label=t("Theo năm", "By year")>
                    <table class="form-table">
                        <thead><tr>
                            <th scope="col"></th>
                            <th scope="col">{t("Đã quá tuổi", "Overdue")}</th>
                            {year_heads.clone()}
                            <th scope="col">{t("Cộng", "Total")}</th>
                        </tr></thead>
                        <tbody>{total_row}</tbody>
                        <tbody>
                            <tr><th colspan="99" class="group">{t("Theo đơn vị", "By unit")}</th></tr>
                            {unit_rows}
                            {(units_total > units_shown.get()).then(|| view! {
                                <tr><td colspan="99"><MoreRows shown=units_shown total=units_total what_vi="đơn vị" what_en="units" /></td></tr>
                            })}
                        </tbody>
                        <tbody>
                            <tr><th colspan="99" class="group">{t("Theo chức danh", "By title")}</th></tr>
                            {title_rows}
                        </tbody>
                    </table>
                </div>
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
            </section>
        })
    }
}
