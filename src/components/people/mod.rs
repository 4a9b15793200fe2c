//! A searchable, sortable people table that stays smooth at hundreds of thousands of rows:
//! only the rows in view are in the DOM. Each person shows where they were read
//! (file › sheet › row). Which people a search finds and their order are the core's
//! (`canbo_core::roster::query`); this module shows them.

use canbo_core::export::retirement::birth;
use canbo_core::roster::query::{PeopleSort, PersonKey};
use canbo_core::roster::Person;
use leptos::prelude::*;

use crate::i18n::{num, t};
use crate::settings::Settings;
use crate::state::AppState;

const ROW: f64 = 34.0;
const OVERSCAN: usize = 8;

/// The people at `people` (indices into the roster), searchable and sortable.
#[component]
pub fn PeopleTable(people: Vec<usize>, #[prop(default = 560)] height: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<PeopleSort>);
    let scroll = RwSignal::new(0.0f64);
    let people = StoredValue::new(people);
    // The rows shown, in order: found by the search, then sorted.
    let shown = Memo::new(move |_| {
        let query = query.get();
        let sort = sort.get();
        state.people_index.with(|index| {
            state.roster.with(|roster| {
                roster.as_ref().map_or_else(Vec::new, |roster| {
                    people.with_value(|rows| index.rows(&roster.people, rows, &query, sort))
                })
            })
        })
    });
    view! {
        <div class="people">
            <PeopleTools query shown />
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
                        <SortableHeadings sort />
                    </thead>
                    <tbody>
                        <RowsInView shown scroll height />
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// Above the table: the search box, how many people it shows, and their download.
#[component]
fn PeopleTools(query: RwSignal<String>, shown: Memo<Vec<usize>>) -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let lang = s.lang.get_untracked();
        let list = state.roster.with_untracked(|roster| {
            let roster = roster.as_ref()?;
            Some(shown.with_untracked(|rows| {
                rows.iter()
                    .filter_map(|&i| roster.people.get(i).cloned())
                    .collect::<Vec<Person>>()
            }))
        });
        if let Some(list) = list {
            crate::components::report::exports::save_people(
                list,
                t("danh-sach-can-bo", "staff-list"),
                lang,
                export_error,
            );
        }
    };
    view! {
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
    }
}

/// The column headings, each a button that sorts by its column: ascending, descending, then
/// as given.
#[component]
fn SortableHeadings(sort: RwSignal<Option<PeopleSort>>) -> impl IntoView {
    let sort_by = move |key: PersonKey| {
        sort.update(|now| {
            *now = match *now {
                Some(PeopleSort {
                    key: k,
                    descending: false,
                }) if k == key => Some(PeopleSort {
                    key,
                    descending: true,
                }),
                Some(PeopleSort { key: k, .. }) if k == key => None,
                _ => Some(PeopleSort {
                    key,
                    descending: false,
                }),
            }
        })
    };
    let heading = move |key: PersonKey, vi: &'static str, en: &'static str| {
        let aria = move || match sort.get() {
            Some(PeopleSort { key: k, descending }) if k == key => {
                if descending {
                    "descending"
                } else {
                    "ascending"
                }
            }
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort_by(key)>{move || t(vi, en)}</button>
            </th>
        }
    };
    view! {
        <tr>
            {heading(PersonKey::Name, "Họ và tên", "Name")}
            {heading(PersonKey::Unit, "Đơn vị", "Unit")}
            {heading(PersonKey::Position, "Chức vụ", "Position")}
            {heading(PersonKey::Birth, "Ngày sinh", "Born")}
            {heading(PersonKey::Origin, "Tệp › trang › dòng", "File › sheet › row")}
        </tr>
    }
}

/// The rows scrolled into view (and a few either side), between two spacers as tall as the
/// rows left out, so the scroll bar stands for the whole list.
#[component]
fn RowsInView(shown: Memo<Vec<usize>>, scroll: RwSignal<f64>, height: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let visible = (height as f64 / ROW).ceil() as usize + 1;
    move || {
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
                        Some(person_row(p, start + k + 2))
                    })
                    .collect_view();
                Some(view! {
                    <tr class="spacer" aria-hidden="true" style:height=format!("{before}px")></tr>
                    {cells}
                    <tr class="spacer" aria-hidden="true" style:height=format!("{after}px")></tr>
                })
            })
        })
    }
}

/// One person: name, unit, position, birth date and where they were read. `row`: the row's
/// number among the table's, headings included (`aria-rowindex`). A plain function, called
/// where the language is tracked.
fn person_row(person: &Person, row: usize) -> impl IntoView {
    let lang = crate::i18n::lang();
    view! {
        <tr aria-rowindex=row>
            <td>{person.name.clone()}</td>
            <td>{person.unit.clone()}</td>
            <td>{person.position.clone().unwrap_or_default()}</td>
            <td>{person.birth.map(|b| birth(b, lang)).unwrap_or_default()}</td>
            <td class="origin">{person.origin.label(lang)}</td>
        </tr>
    }
}

/// The roster page: everyone, in the report's filter.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let s = expect_context::<Settings>();
    let state = expect_context::<AppState>();
    move || {
        let options = s.options.get();
        let people = state.coded.with(|coded| {
            coded
                .as_ref()
                .map(|coded| coded.rows(&options, &Default::default()))
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
