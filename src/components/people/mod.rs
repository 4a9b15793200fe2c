//! A searchable, sortable people table that stays smooth at hundreds of thousands of rows:
//! only the rows in view are in the DOM. Each person shows where they were read
//! (file › sheet › row).

use canbo_core::roster::Person;
use canbo_core::text::fold;
use leptos::prelude::*;

use crate::i18n::{num, t};
use crate::settings::Settings;
use crate::state::AppState;

const ROW: f64 = 34.0;
const OVERSCAN: usize = 8;

#[derive(Clone, Copy, PartialEq)]
enum Key {
    Name,
    Unit,
    Position,
    Birth,
    Origin,
}

/// Separates the fields of a [`search_index`] entry.
const SEP: char = '\u{1}';

/// Per person, the folded name, unit and position (`SEP` between them), made once per roster:
/// a search is then one substring test per person, and a sort by name compares the folded
/// names without folding again.
pub fn search_index(people: &[Person]) -> Vec<String> {
    people
        .iter()
        .map(|p| {
            let mut entry = fold(&p.name);
            entry.push(SEP);
            entry.push_str(&fold(&p.unit));
            entry.push(SEP);
            entry.push_str(&fold(p.position.as_deref().unwrap_or_default()));
            entry
        })
        .collect()
}

fn folded_name(entry: &str) -> &str {
    entry.split(SEP).next().unwrap_or_default()
}

fn compare(a: &Person, b: &Person, key: Key) -> std::cmp::Ordering {
    match key {
        // By name: [`folded_name`], before this is called.
        Key::Name => std::cmp::Ordering::Equal,
        Key::Unit => a.unit.cmp(&b.unit),
        Key::Position => a.position.cmp(&b.position),
        Key::Birth => a.birth.cmp(&b.birth),
        Key::Origin => (&a.origin.file, &a.origin.sheet, a.origin.row).cmp(&(
            &b.origin.file,
            &b.origin.sheet,
            b.origin.row,
        )),
    }
}

/// Indices into the roster of the people `matching` returned (both in roster order).
pub fn indices(all: &[Person], matched: &[&Person]) -> Vec<usize> {
    let mut out = Vec::with_capacity(matched.len());
    let mut next = matched.iter().peekable();
    for (i, p) in all.iter().enumerate() {
        match next.peek() {
            Some(m) if std::ptr::eq(**m, p) => {
                out.push(i);
                next.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    out
}

/// The people at `people` (indices into the roster), searchable and sortable.
#[component]
pub fn PeopleTable(people: Vec<usize>, #[prop(default = 560)] height: u32) -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<(Key, bool)>);
    let scroll = RwSignal::new(0.0f64);
    let people = StoredValue::new(people);
    // The rows shown, in order: search then sort.
    let shown = Memo::new(move |_| {
        let q = fold(query.get().trim());
        let sort = sort.get();
        // The index is built on the first search or sort by name, then shared.
        let needs_index = !q.is_empty() || matches!(sort, Some((Key::Name, _)));
        let run = |index: Option<&Vec<String>>| {
            state.roster.with(|roster| {
                let Some(roster) = roster else {
                    return Vec::new();
                };
                let all = &roster.people;
                let mut rows: Vec<usize> = people.with_value(|p| match index {
                    Some(index) if !q.is_empty() => p
                        .iter()
                        .copied()
                        .filter(|&i| index.get(i).is_some_and(|entry| entry.contains(&q)))
                        .collect(),
                    _ => p.clone(),
                });
                match (sort, index) {
                    (Some((Key::Name, descending)), Some(index)) => {
                        rows.sort_by(|&a, &b| {
                            let o = folded_name(&index[a]).cmp(folded_name(&index[b]));
                            if descending {
                                o.reverse()
                            } else {
                                o
                            }
                        });
                    }
                    (Some((key, descending)), _) => rows.sort_by(|&a, &b| {
                        let o = compare(&all[a], &all[b], key);
                        if descending {
                            o.reverse()
                        } else {
                            o
                        }
                    }),
                    (None, _) => {}
                }
                rows
            })
        };
        if needs_index {
            state.search_index.with(|index| run(Some(index)))
        } else {
            run(None)
        }
    });
    let sort_by = move |key: Key| {
        sort.update(|s| {
            *s = match *s {
                Some((k, false)) if k == key => Some((key, true)),
                Some((k, true)) if k == key => None,
                _ => Some((key, false)),
            }
        })
    };
    let visible = (height as f64 / ROW).ceil() as usize + 1;
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let lang = s.lang.get_untracked();
        let result = state.roster.with_untracked(|roster| {
            let Some(roster) = roster else { return Ok(()) };
            let list: Vec<&Person> = shown
                .with_untracked(|rows| rows.iter().filter_map(|&i| roster.people.get(i)).collect());
            crate::components::report::exports::save_people(
                &list,
                t("danh-sach-can-bo", "staff-list"),
                lang,
            )
        });
        export_error.set(result.err());
    };
    let header = move |key: Key, vi: &'static str, en: &'static str| {
        let aria = move || match sort.get() {
            Some((k, false)) if k == key => "ascending",
            Some((k, true)) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort_by(key)>{t(vi, en)}</button>
            </th>
        }
    };
    let body = move || {
        shown.with(|rows| {
            let start = ((scroll.get() / ROW) as usize)
                .saturating_sub(OVERSCAN)
                .min(rows.len());
            let end = (start + visible + 2 * OVERSCAN).min(rows.len());
            let before = start as f64 * ROW;
            let after = (rows.len() - end) as f64 * ROW;
            state.roster.with(|roster| {
                let roster = roster.as_ref()?;
                let cells = rows[start..end]
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &i)| {
                        let p = roster.people.get(i)?;
                        let origin = format!(
                            "{} › {} › {} {}",
                            p.origin.file,
                            p.origin.sheet,
                            t("dòng", "row"),
                            p.origin.row
                        );
                        Some(view! {
                            <tr aria-rowindex=start + k + 2>
                                <td>{p.name.clone()}</td>
                                <td>{p.unit.clone()}</td>
                                <td>{p.position.clone().unwrap_or_default()}</td>
                                <td>{p.birth.map(|b| b.to_string()).unwrap_or_default()}</td>
                                <td class="origin">{origin}</td>
                            </tr>
                        })
                    })
                    .collect_view();
                Some(view! {
                    <tr class="spacer" aria-hidden="true" style:height=format!("{before}px")></tr>
                    {cells}
                    <tr class="spacer" aria-hidden="true" style:height=format!("{after}px")></tr>
                })
            })
        })
    };
    view! {
        <div class="people">
            <div class="people-tools">
                <label class="visually-hidden" for="people-search">{move || t("Tìm", "Search")}</label>
                <input
                    id="people-search"
                    type="search"
                    data-testid="people-search"
                    placeholder=move || t("Tìm theo tên, đơn vị, chức vụ…", "Search name, unit, position…")
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <span class="people-count" aria-live="polite" data-testid="people-count" data-value=move || shown.with(|r| r.len())>
                    {move || format!("{} {}", num(shown.with(|r| r.len() as u32), s.lang.get()), t("người", "people"))}
                </span>
                <button type="button" class="button small" data-testid="export-people" on:click=export>
                    {move || t("Tải danh sách (.xlsx)", "Download list (.xlsx)")}
                </button>
                {move || export_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <div
                class="people-scroll"
                tabindex="0"
                style:max-height=format!("{height}px")
                on:scroll=move |ev| {
                    let el: web_sys::HtmlElement = event_target(&ev);
                    scroll.set(el.scroll_top() as f64);
                }
            >
                <table class="people-table" data-testid="people-table" aria-rowcount=move || shown.with(|r| r.len() + 1)>
                    <thead>
                        <tr>
                            {move || header(Key::Name, "Họ và tên", "Name")}
                            {move || header(Key::Unit, "Đơn vị", "Unit")}
                            {move || header(Key::Position, "Chức vụ", "Position")}
                            {move || header(Key::Birth, "Ngày sinh", "Born")}
                            {move || header(Key::Origin, "Tệp › trang › dòng", "File › sheet › row")}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    }
}

/// The roster page: everyone, in the report's filter.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    move || {
        let options = s.options.get();
        let people = state.roster.with(|roster| {
            roster.as_ref().map(|roster| {
                let matched = canbo_core::report::matching(roster, &options, &Default::default());
                indices(&roster.people, &matched)
            })
        });
        match people {
            None => view! { <p class="empty">{t("Chưa có danh sách: hãy nhập tệp.", "No roster yet: import a file.")}</p> }.into_any(),
            Some(people) => view! {
                <section class="people-page">
                    <h2>{t("Danh sách cán bộ, công chức", "Staff list")}</h2>
                    <PeopleTable people=people height=560 />
                </section>
            }
            .into_any(),
        }
    }
}
