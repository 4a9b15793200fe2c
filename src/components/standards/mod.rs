//! Tiêu chuẩn: the rule set in force at the report date (or one picked, built in or the
//! user's own), the area flag for the whole roster and per unit, counts per criterion,
//! category and unit, the people below standard with what they lack, and the training plan
//! as xlsx. The user can edit a set, save it, and exchange sets as JSON ([`editor`]). All
//! figures from `canbo-core`.

mod editor;

use canbo_core::codes::{Category, Code, GeneralEducation, PoliticalTheory, Professional};
use canbo_core::export::Lang;
use canbo_core::standards::{
    assess, based_on, choose, combine, defaults, notes_in, summarise, Criterion, PersonLine,
    RuleSet, Standards, StandardsOptions,
};
use leptos::prelude::*;
use serde_json::Value;

use crate::components::figures::Fig;
use crate::components::report::{MoreRows, ROWS_AT_ONCE};
use crate::download::{save, XLSX};
use crate::i18n::{code_label, num, t};
use crate::settings::Settings;
use crate::state::AppState;

use editor::RuleSetTools;

const CRITERIA: [Criterion; 3] = [
    Criterion::GeneralEducation,
    Criterion::Professional,
    Criterion::PoliticalTheory,
];

/// The key of `AppState::settings` that keeps the set the user picked between visits.
const PICKED_KEY: &str = "standards.rule_set";

/// The rule sets the page offers and the one in use, shared by the page and the editor.
#[derive(Clone, Copy)]
pub(crate) struct Sets {
    /// The built-in sets, with the user's in place of (or after) them.
    all: Memo<Vec<RuleSet>>,
    /// The id the user picked; empty for "the one in force at the report date".
    picked: Memo<String>,
    /// The set the figures are computed with.
    current: Memo<Option<RuleSet>>,
    state: AppState,
}

impl Sets {
    fn new(state: AppState, s: Settings) -> Sets {
        let all = Memo::new(move |_| state.rule_sets.with(|user| combine(defaults(), user)));
        let picked = Memo::new(move |_| {
            state
                .settings
                .with(|m| m.get(PICKED_KEY).cloned().unwrap_or_default())
        });
        let current = Memo::new(move |_| {
            let as_of = s.as_of.get();
            let picked = picked.get();
            all.with(|all| {
                all.iter()
                    .find(|set| !picked.is_empty() && set.id == picked)
                    .or_else(|| choose(all, None, as_of).ok())
                    .cloned()
            })
        });
        Sets {
            all,
            picked,
            current,
            state,
        }
    }

    /// Use this set (empty: the one in force); kept for the next visit.
    fn pick(&self, id: &str) {
        self.state.settings.update(|m| {
            if id.is_empty() {
                m.remove(PICKED_KEY);
            } else {
                m.insert(PICKED_KEY.to_string(), id.to_string());
            }
        });
    }
}

/// What a set is to the user.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    BuiltIn,
    /// A user set made from a built-in one (same id, or its `-sua` copy).
    Edited,
    /// A user set of their own (imported).
    Own,
}

pub(crate) fn kind_of(id: &str, user: &[RuleSet]) -> Kind {
    if !user.iter().any(|u| u.id == id) {
        Kind::BuiltIn
    } else if based_on(&defaults(), id).is_some() {
        Kind::Edited
    } else {
        Kind::Own
    }
}

/// " (đã sửa)" after the name of an edited set, " (tự thêm)" after one of the user's own.
pub(crate) fn mark(kind: Kind) -> &'static str {
    match kind {
        Kind::BuiltIn => "",
        Kind::Edited => t(" (đã sửa)", " (edited)"),
        Kind::Own => t(" (tự thêm)", " (added)"),
    }
}

/// A level code of a criterion in words ("dai_hoc" → "Đại học" / "Bachelor's").
pub(crate) fn level_label(criterion: Criterion, code: &str, lang: Lang) -> String {
    match criterion {
        Criterion::GeneralEducation => code_label::<GeneralEducation>(code, lang),
        Criterion::Professional => code_label::<Professional>(code, lang),
        Criterion::PoliticalTheory => code_label::<PoliticalTheory>(code, lang),
    }
}

/// The result and the English of its Vietnamese lists.
#[derive(Clone, PartialEq)]
struct Shown {
    r: Standards,
    notes_en: Vec<String>,
    unconfirmed_en: Vec<String>,
}

#[component]
pub fn StandardsPage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let sets = Sets::new(state, s);
    let lang = move || s.lang.get();
    let whole_area = RwSignal::new(false);
    let flagged = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let result = Memo::new(move |_| {
        let mut options = StandardsOptions::new(s.as_of.get());
        options.difficult_area = whole_area.get();
        for unit in flagged.get() {
            options.flag_unit(&unit);
        }
        sets.current.with(|rules| {
            let rules = rules.as_ref()?;
            state.roster.with(|roster| {
                let assessments = assess(roster.as_ref()?, rules, &options);
                Some(Shown {
                    r: summarise(&assessments, rules, &options),
                    notes_en: notes_in(&assessments, rules, &options, Lang::En),
                    unconfirmed_en: rules.unconfirmed_in(Lang::En),
                })
            })
        })
    });
    let has_result = move || result.with(Option::is_some);
    let units = Memo::new(move |_| {
        state
            .roster
            .with(|r| r.as_ref().map(|r| r.units()).unwrap_or_default())
    });
    let export = move |_| {
        let outcome = result.with_untracked(|r| match r {
            Some(shown) => canbo_core::export::training::plan(&shown.r)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    save(
                        &format!("ke-hoach-dao-tao-{}.xlsx", shown.r.as_of),
                        XLSX,
                        &bytes,
                    )
                }),
            None => Ok(()),
        });
        error.set(outcome.err());
    };

    // The rule set: the choice, and what is in use.
    let rule_set_field = move || {
        let picked = sets.picked.get();
        let options = state.rule_sets.with(|user| {
            sets.all.with(|all| {
                all.iter()
                    .map(|set| {
                        let selected = picked == set.id;
                        let label = format!(
                            "{}{}",
                            set.name_in(crate::i18n::lang()),
                            mark(kind_of(&set.id, user))
                        );
                        view! { <option value=set.id.clone() selected=selected>{label}</option> }
                    })
                    .collect_view()
            })
        });
        let in_use = sets.current.get().map(|set| {
            let kind = state.rule_sets.with(|user| kind_of(&set.id, user));
            let not_yet = set.effective_from > s.as_of.get();
            view! {
                <p class="help" data-testid="rule-set-in-use" data-rule-set=set.id.clone()>
                    {set.name_in(crate::i18n::lang()).to_string()} {mark(kind)} " — " {t("hiệu lực từ ", "in force from ")}
                    {crate::format::date(set.effective_from)}
                    {not_yet.then(|| t(" (chưa có hiệu lực vào ngày báo cáo)", " (not yet in force at the report date)"))}
                </p>
            }
        });
        view! {
            <div class="field">
                <label for="rule-set">{t("Bộ tiêu chuẩn", "Rule set")}</label>
                <select id="rule-set" data-testid="rule-set" on:change=move |ev| sets.pick(&event_target_value(&ev))>
                    <option value="" selected=picked.is_empty()>
                        {t("Theo ngày báo cáo (tự chọn)", "In force at the report date")}
                    </option>
                    {options}
                </select>
                {in_use}
            </div>
        }
    };

    // The difficult-area flags.
    let area_field = move || {
        let lang = lang();
        let unit_boxes = units
            .get()
            .into_iter()
            .map(|unit| {
                let u = unit.clone();
                let checked = flagged.with_untracked(|f| f.contains(&unit));
                let shown = canbo_core::export::table::display_unit(&unit, lang);
                view! {
                    <label class="check">
                        <input type="checkbox" checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let u = u.clone();
                            flagged.update(|f| { f.retain(|x| *x != u); if on { f.push(u) } });
                        } />
                        {shown}
                    </label>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label class="check">
                    <input type="checkbox" data-testid="difficult-area" prop:checked=move || whole_area.get()
                        on:change=move |ev| whole_area.set(event_target_checked(&ev)) />
                    {t("Toàn bộ danh sách ở vùng khó khăn / dân tộc thiểu số", "The whole roster is in a difficult / ethnic-minority area")}
                </label>
                <details>
                    <summary>{t("Đơn vị ở vùng khó khăn", "Units in a difficult area")}</summary>
                    <div class="unit-checks">{unit_boxes}</div>
                </details>
            </div>
        }
    };

    let units_shown = RwSignal::new(ROWS_AT_ONCE);
    // The counts first, under the rule set they come from; the tools and the people after.
    let counts = move || {
        let lang = lang();
        let shown = result.get()?;
        Some(figures_view(&shown, lang, units_shown, Part::Counts))
    };
    let people = move || {
        let lang = lang();
        let shown = result.get()?;
        Some(figures_view(&shown, lang, units_shown, Part::People))
    };

    view! {
        <Show when=has_result>
            <section class="panel standards" data-testid="standards">
                <h2>{move || t("Tiêu chuẩn cán bộ, công chức", "Staff standards")}</h2>
                <div class="report-controls">
                    {rule_set_field}
                    {area_field}
                </div>
                {counts}
                <RuleSetTools sets=sets />
                <div class="exports no-print">
                    <button type="button" class="button" data-testid="export-training" on:click=export>
                        {move || t("Tải kế hoạch đào tạo (.xlsx)", "Download training plan (.xlsx)")}
                    </button>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                {people}
            </section>
        </Show>
    }
}

/// Which part of the figures a view shows.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// The counts table.
    Counts,
    /// The unconfirmed facts, the notes and the people below standard.
    People,
}

/// The counts table, or the unconfirmed facts, the notes and the people below standard.
fn figures_view(shown: &Shown, lang: Lang, units_shown: RwSignal<usize>, part: Part) -> AnyView {
    let r = &shown.r;
    // Only the counts the cells read (the people lists can hold a large roster's thousands).
    let json = std::sync::Arc::new(serde_json::json!({
        "total": r.total,
        "by_category": r.by_category,
        "by_unit": r.by_unit,
    }));
    let head = CRITERIA
        .iter()
        .map(|c| view! { <th scope="col">{c.label(lang)} " – " {t("chưa đạt", "below")}</th> })
        .collect_view();
    let row = |label: String, prefix: String, json: &std::sync::Arc<Value>| {
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
    let mut rows = vec![row(t("Tổng cộng", "Total").to_string(), "total".into(), &json).into_any()];
    for cat in Category::ALL {
        if r.by_category.contains_key(cat) {
            rows.push(
                row(
                    cat.label(lang).to_string(),
                    format!("by_category.{}", cat.code()),
                    &json,
                )
                .into_any(),
            );
        }
    }
    let units_total = r.by_unit.len();
    let unit_rows = r
        .by_unit
        .iter()
        .enumerate()
        .take(units_shown.get())
        .map(|(i, u)| {
            let mark = if u.difficult_area {
                t(" (vùng khó khăn)", " (difficult area)")
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
    if part == Part::People {
        return people_view(shown, lang).into_any();
    }
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("Số đạt chuẩn", "Counts")>
            <table class="form-table">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col">{t("Số người", "People")}</th>
                        <th scope="col">{t("Không có quy định", "No rule")}</th>
                        <th scope="col">{t("Đạt chuẩn", "Meet all")}</th>
                        <th scope="col">{t("Chưa đạt", "Below")}</th>
                        <th scope="col">{t("Trong thời gian chuyển tiếp", "In grace")}</th>
                        <th scope="col">{t("Chưa rõ", "Unknown")}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}{unit_rows}</tbody>
            </table>
        </div>
        <MoreRows shown=units_shown total=units_total what_vi="đơn vị" what_en="units" />
    }
    .into_any()
}

/// The unconfirmed facts, the notes and the people below standard.
fn people_view(shown: &Shown, lang: Lang) -> impl IntoView {
    let r = &shown.r;
    let below = people_list(r.people_below.clone(), lang);
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
fn people_list(people: Vec<PersonLine>, lang: Lang) -> impl IntoView {
    let shown = RwSignal::new(ROWS_AT_ONCE);
    let total = people.len();
    let rows = move || {
        people
        .iter()
        .take(shown.get())
        .map(|p| {
            let lacks = p
                .lacks
                .iter()
                .map(|l| {
                    let criterion = l.criterion.label(lang);
                    match l.missing {
                        Some(m) => format!("{criterion}: {}", m.label(lang)),
                        None => {
                            let need = match lang {
                                Lang::Vi => l.label.clone(),
                                Lang::En => format!(
                                    "Needs {} {}",
                                    criterion.to_lowercase(),
                                    level_label(l.criterion, &l.need, lang)
                                ),
                            };
                            match &l.have {
                                Some(have) => format!(
                                    "{need} ({} {})",
                                    t("hiện có:", "has:"),
                                    level_label(l.criterion, have, lang)
                                ),
                                None => need,
                            }
                        }
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr>
                    <td>{p.name.clone()}</td>
                    <td>{p.unit.clone()}</td>
                    <td>{p.position.clone().unwrap_or_default()}</td>
                    <td class="lacks">{lacks}</td>
                    <td class="origin">{format!("{} › {} › {} {}", p.origin.file, p.origin.sheet, t("dòng", "row"), p.origin.row)}</td>
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::in_language;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn sets_are_marked_by_where_they_come_from() {
        let mut copy = defaults().remove(2);
        copy.id = "nd33-2023-sua".into();
        let mut own = defaults().remove(0);
        own.id = "rieng".into();
        let user = vec![copy, own];
        assert_eq!(kind_of("nd33-2023", &user), Kind::BuiltIn);
        assert_eq!(kind_of("nd33-2023-sua", &user), Kind::Edited);
        assert_eq!(kind_of("rieng", &user), Kind::Own);
        assert_eq!(mark(Kind::Edited), " (đã sửa)");
        assert_eq!(in_language(Lang::En, || mark(Kind::Own)), " (added)");
        assert_eq!(
            level_label(Criterion::Professional, "dai_hoc", Lang::En),
            "Bachelor's"
        );
    }
}
