//! Tiêu chuẩn: the rule set in force at the report date (or one picked), the area flag for
//! the whole roster and per unit, counts per criterion, category and unit, the people below
//! standard with what they lack, and the training plan as xlsx. All from `canbo-core`.

use canbo_core::codes::{Category, Code};
use canbo_core::standards::{choose, defaults, standards, Criterion, PersonLine, StandardsOptions};
use leptos::prelude::*;
use serde_json::Value;

use crate::components::figures::Fig;
use crate::download::{save, XLSX};
use crate::i18n::{num, tr};
use crate::settings::Settings;
use crate::state::AppState;

const CRITERIA: [Criterion; 3] = [
    Criterion::GeneralEducation,
    Criterion::Professional,
    Criterion::PoliticalTheory,
];

#[component]
pub fn StandardsPage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let sets = StoredValue::new(defaults());
    let picked = RwSignal::new(String::new());
    let whole_area = RwSignal::new(false);
    let flagged = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let result = Memo::new(move |_| {
        let as_of = s.as_of.get();
        let name = picked.get();
        let mut options = StandardsOptions::new(as_of);
        options.difficult_area = whole_area.get();
        for unit in flagged.get() {
            options.flag_unit(&unit);
        }
        state.roster.with(|roster| {
            let roster = roster.as_ref()?;
            sets.with_value(|sets| {
                let rules =
                    choose(sets, (!name.is_empty()).then_some(name.as_str()), as_of).ok()?;
                Some(standards(roster, rules, &options))
            })
        })
    });
    let units = Memo::new(move |_| {
        state
            .roster
            .with(|r| r.as_ref().map(|r| r.units()).unwrap_or_default())
    });
    let export = move |_| {
        let outcome = result.with_untracked(|r| match r {
            Some(r) => canbo_core::export::training::plan(r)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    save(&format!("ke-hoach-dao-tao-{}.xlsx", r.as_of), XLSX, &bytes)
                }),
            None => Ok(()),
        });
        error.set(outcome.err());
    };
    move || {
        let lang = s.lang.get();
        let r = result.get()?;
        let json = serde_json::to_value(&r).unwrap_or(Value::Null);
        let set_options = sets.with_value(|sets| {
            sets.iter()
                .map(|set| {
                    let id = set.id.clone();
                    let selected = picked.get_untracked() == id;
                    view! { <option value=id selected=selected>{set.name.clone()}</option> }
                })
                .collect_view()
        });
        let unit_boxes = units
            .get()
            .into_iter()
            .map(|unit| {
                let u = unit.clone();
                let checked = flagged.with_untracked(|f| f.contains(&unit));
                view! {
                    <label class="check">
                        <input type="checkbox" checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let u = u.clone();
                            flagged.update(|f| { f.retain(|x| *x != u); if on { f.push(u) } });
                        } />
                        {unit}
                    </label>
                }
            })
            .collect_view();
        let head = CRITERIA
            .iter()
            .map(|c| view! { <th scope="col">{tr(lang, c.label_vi(), c.label_en())} " – " {tr(lang, "chưa đạt", "below")}</th> })
            .collect_view();
        let row = |label: String, prefix: String, json: &Value| {
            let cell = |p: &str| view! { <td class="num"><Fig json=json.clone() path=format!("{prefix}.{p}") /></td> };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    {cell("people")}
                    {cell("not_covered")}
                    {cell("meets_all")}
                    {cell("overall.below")}
                    {cell("overall.grace")}
                    {cell("overall.unknown")}
                    {CRITERIA.iter().map(|c| cell(&format!("criteria.{}.below", c.code()))).collect_view()}
                </tr>
            }
        };
        let mut rows = vec![row(
            tr(lang, "Tổng cộng", "Total").to_string(),
            "total".into(),
            &json,
        )
        .into_any()];
        for cat in Category::ALL {
            if r.by_category.contains_key(cat) {
                rows.push(
                    row(
                        tr(lang, cat.label_vi(), cat.label_en()).to_string(),
                        format!("by_category.{}", cat.code()),
                        &json,
                    )
                    .into_any(),
                );
            }
        }
        let unit_rows = r
            .by_unit
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let mark = if u.difficult_area {
                    tr(lang, " (vùng khó khăn)", " (difficult area)")
                } else {
                    ""
                };
                row(
                    format!(
                        "{}{mark}",
                        canbo_core::export::table::display_unit(&u.unit, lang)
                    ),
                    format!("by_unit.{i}"),
                    &json,
                )
            })
            .collect_view();
        let below = people_list(&r.people_below, lang);
        let unconfirmed = r
            .unconfirmed
            .iter()
            .map(|u| view! { <li class="unconfirmed">{u.clone()}</li> })
            .collect_view();
        let notes = r
            .notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        Some(view! {
            <section class="panel standards" data-testid="standards">
                <h2>{tr(lang, "Tiêu chuẩn cán bộ, công chức", "Staff standards")}</h2>
                <div class="report-controls">
                    <div class="field">
                        <label for="rule-set">{tr(lang, "Bộ tiêu chuẩn", "Rule set")}</label>
                        <select id="rule-set" data-testid="rule-set" on:change=move |ev| picked.set(event_target_value(&ev))>
                            <option value="" selected=picked.get_untracked().is_empty()>
                                {tr(lang, "Theo ngày báo cáo (tự chọn)", "In force at the report date")}
                            </option>
                            {set_options}
                        </select>
                        <p class="help" data-testid="rule-set-in-use">
                            {r.rule_set.name.clone()} " — " {tr(lang, "hiệu lực từ ", "in force from ")}
                            {crate::format::date(r.rule_set.effective_from)}
                            {(!r.rule_set.in_force).then(|| tr(lang, " (chưa có hiệu lực vào ngày báo cáo)", " (not yet in force at the report date)"))}
                        </p>
                    </div>
                    <div class="field">
                        <label class="check">
                            <input type="checkbox" data-testid="difficult-area" prop:checked=move || whole_area.get()
                                on:change=move |ev| whole_area.set(event_target_checked(&ev)) />
                            {tr(lang, "Toàn bộ danh sách ở vùng khó khăn / dân tộc thiểu số", "The whole roster is in a difficult / ethnic-minority area")}
                        </label>
                        <details>
                            <summary>{tr(lang, "Đơn vị ở vùng khó khăn", "Units in a difficult area")}</summary>
                            <div class="unit-checks">{unit_boxes}</div>
                        </details>
                    </div>
                </div>
                <div class="exports no-print">
                    <button type="button" class="button" data-testid="export-training" on:click=export>
                        {tr(lang, "Tải kế hoạch đào tạo (.xlsx)", "Download training plan (.xlsx)")}
                    </button>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-label=tr(lang, "Số đạt chuẩn", "Counts")>
                    <table class="form-table">
                        <thead>
                            <tr>
                                <th scope="col"></th>
                                <th scope="col">{tr(lang, "Số người", "People")}</th>
                                <th scope="col">{tr(lang, "Không có quy định", "No rule")}</th>
                                <th scope="col">{tr(lang, "Đạt chuẩn", "Meet all")}</th>
                                <th scope="col">{tr(lang, "Chưa đạt", "Below")}</th>
                                <th scope="col">{tr(lang, "Trong thời gian chuyển tiếp", "In grace")}</th>
                                <th scope="col">{tr(lang, "Chưa rõ", "Unknown")}</th>
                                {head}
                            </tr>
                        </thead>
                        <tbody>{rows}{unit_rows}</tbody>
                    </table>
                </div>
                {(!r.unconfirmed.is_empty()).then(|| view! {
                    <h3>{tr(lang, "Quy định chưa xác nhận", "Unconfirmed rules")}</h3>
                    <ul>{unconfirmed}</ul>
                })}
                {(!r.notes.is_empty()).then(|| view! { <ul class="help">{notes}</ul> })}
                <h3>
                    {tr(lang, "Người chưa đạt chuẩn", "People below standard")} ": "
                    <span data-figure="people_below" data-value=r.people_below.len()>{num(r.people_below.len() as u32, lang)}</span>
                </h3>
                {below}
            </section>
        })
    }
}

fn people_list(people: &[PersonLine], lang: canbo_core::export::Lang) -> impl IntoView {
    const SHOWN: usize = 500;
    let rows = people
        .iter()
        .take(SHOWN)
        .map(|p| {
            let lacks = p
                .lacks
                .iter()
                .map(|l| match l.missing {
                    Some(m) => format!("{}: {}", tr(lang, l.criterion.label_vi(), l.criterion.label_en()), m.label_vi()),
                    None => match &l.have {
                        Some(have) => format!("{} ({} {have})", l.label, tr(lang, "hiện có:", "has:")),
                        None => l.label.clone(),
                    },
                })
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr>
                    <td>{p.name.clone()}</td>
                    <td>{p.unit.clone()}</td>
                    <td>{p.position.clone().unwrap_or_default()}</td>
                    <td class="lacks">{lacks}</td>
                    <td class="origin">{format!("{} › {} › {} {}", p.origin.file, p.origin.sheet, tr(lang, "dòng", "row"), p.origin.row)}</td>
                </tr>
            }
        })
        .collect_view();
    let more = people.len().saturating_sub(SHOWN);
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(lang, "Người chưa đạt chuẩn", "People below standard")>
            <table class="form-table people-below">
                <thead><tr>
                    <th scope="col">{tr(lang, "Họ và tên", "Name")}</th>
                    <th scope="col">{tr(lang, "Đơn vị", "Unit")}</th>
                    <th scope="col">{tr(lang, "Chức vụ", "Position")}</th>
                    <th scope="col">{tr(lang, "Còn thiếu", "Lacks")}</th>
                    <th scope="col">{tr(lang, "Tệp › trang › dòng", "File › sheet › row")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(more > 0).then(|| view! { <p class="help">{format!("… {} {}", num(more as u32, lang), tr(lang, "người nữa: tải kế hoạch đào tạo để xem hết.", "more: download the training plan for all."))}</p> })}
    }
}
