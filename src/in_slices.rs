//! A roster inflated, read back from its columns, and coded for the report, a slice at a
//! time, the browser drawing between two slices: the end of an import (the worker sends
//! the roster as columns) and the start of a visit (local storage keeps them deflated) both
//! do it, so neither holds the page for the second 250,000 people take at once. The staff
//! list's search text is made the same way, ahead of the first search, and so are the
//! standards and the retirement forecast of the Tiêu chuẩn and Nghỉ hưu pages
//! ([`over_roster`]), and of the filtered roster for the report in words ([`over_rows`]).

use canbo_core::report::{Coded, Coding};
use canbo_core::roster::{Person, Roster};
use canbo_core::store::columnar::{Decoding, Encoding, Inflating};
use canbo_core::store::StoreError;

use crate::turns::let_the_browser_draw;

/// People read back or coded between two chances for the browser to draw: about 15 to
/// 30 ms of work in Chromium on this machine (a 250,000-person roster read whole held the
/// page for 413 ms, and coded whole for 342 ms).
pub const PEOPLE_AT_ONCE: usize = 20_000;

/// Bytes inflated between two chances for the browser to draw: about 10 ms of work (a
/// 250,000-person roster is about 9 MB of columns, inflated at once in some 130 ms).
pub const INFLATED_AT_ONCE: usize = 1 << 20;

/// The columns a stored roster deflated (`canbo_core::store::columnar::encode`'s bytes),
/// inflated a step at a time.
pub async fn inflate(mut inflating: Inflating) -> Result<Vec<u8>, StoreError> {
    while !inflating.step(INFLATED_AT_ONCE)? {
        let_the_browser_draw().await;
    }
    inflating.finish()
}

/// The roster in `columns` (`canbo_core::store::columnar::encode`'s bytes), read a slice of
/// people at a time, and coded for the report from its columns.
pub async fn read(columns: &[u8]) -> Result<(Roster, Coded), StoreError> {
    read_on(Decoding::new(columns)?).await
}

/// [`read`] of a decoding already begun (its header read: how many people it holds). The
/// browser draws first: reading the header (every field's dictionary) is a task of its own,
/// apart from the first slice (together, up to about 100 ms at 250,000 people). Then the
/// roster is coded for the report from the columns, a part at a time (`Decoding::code`:
/// each distinct value read once, then a lookup per person, where coding the people read
/// back took as long as reading them).
pub async fn read_on(mut decoding: Decoding<'_>) -> Result<(Roster, Coded), StoreError> {
    loop {
        let_the_browser_draw().await;
        if decoding.read(PEOPLE_AT_ONCE)? {
            break;
        }
    }
    loop {
        let_the_browser_draw().await;
        if decoding.code()? {
            break;
        }
    }
    decoding.finish_coded()
}

/// The page's roster in columns (`canbo_core::store::columnar::Encoding`), a slice of
/// people at a time (at once, 100,000 people held the page for 200 ms): what a roster
/// package is sealed from. `None` when the roster is gone or was replaced meanwhile (told
/// by its people's place in memory and their number), never columns of two rosters.
pub async fn encode(state: crate::state::AppState) -> Option<Result<Vec<u8>, StoreError>> {
    use leptos::prelude::*;
    let mut encoding: Option<(Encoding, *const Person, usize)> = None;
    loop {
        let_the_browser_draw().await;
        let step = state.roster.try_with_untracked(|roster| {
            let roster = roster.as_ref()?;
            let people = &roster.people;
            let (coding, at, len) = encoding.get_or_insert_with(|| {
                (Encoding::new(people.len()), people.as_ptr(), people.len())
            });
            if *at != people.as_ptr() || *len != people.len() {
                return None;
            }
            let from = coding.people();
            let to = people.len().min(from + PEOPLE_AT_ONCE);
            coding.add(&people[from..to]);
            if to < people.len() {
                return Some(None);
            }
            let (coding, ..) = encoding.take()?;
            Some(Some(coding.finish(roster)))
        });
        if let Some(done) = step.flatten()? {
            return Some(done);
        }
    }
}

/// `roster` coded for the report (`canbo_core::report::Coded`) a slice of people at a time.
pub async fn code(roster: &Roster) -> Coded {
    let mut coding = Coding::new();
    for people in roster.people.chunks(PEOPLE_AT_ONCE) {
        let_the_browser_draw().await;
        coding.add(people);
    }
    let_the_browser_draw().await;
    coding.finish(roster)
}

/// Frees `roster`'s people a slice at a time, the last first.
pub async fn let_go(mut roster: Roster) {
    while !roster.people.is_empty() {
        let_the_browser_draw().await;
        let keep = roster.people.len().saturating_sub(PEOPLE_AT_ONCE);
        roster.people.truncate(keep);
    }
}

/// People whose search text is made between two chances for the browser to draw (folding
/// a name, a unit and a position: 250,000 people at once held the page for about 500 ms).
pub const SEARCH_AT_ONCE: usize = 5_000;

/// People whose names get a collation key, or distinct names sorted into a run, between two
/// chances for the browser to draw (a merge of two runs is a step of its own).
pub const NAMES_AT_ONCE: usize = 10_000;

/// The staff list's search text (`canbo_core::roster::query::PeopleIndex::prepare_search`),
/// then its names' ranks for a sort by name (`PeopleIndex::prepare_name_ranks`), for the
/// roster on the page, made a slice at a time until whole. Each slice reads the roster and
/// its index as they are then: a roster replaced meanwhile gets its own index, which the
/// remaining slices make; no roster ends it.
pub async fn prepare_staff_list(state: crate::state::AppState) {
    use leptos::prelude::*;
    loop {
        let_the_browser_draw().await;
        let done = state.roster.with_untracked(|roster| {
            roster.as_ref().is_none_or(|roster| {
                state.people_index.with_untracked(|index| {
                    index.prepare_search(&roster.people, SEARCH_AT_ONCE)
                        && index.prepare_name_ranks(&roster.people, NAMES_AT_ONCE)
                })
            })
        });
        if done {
            return;
        }
    }
}

/// A result the page computes over the roster's people in order, a slice at a time:
/// `canbo_core::standards::Judging` and `canbo_core::retirement::Forecasting` behind the
/// Tiêu chuẩn and Nghỉ hưu pages (at 100,000 people, each judged at once held the page for
/// some 700 ms: docs/BENCHMARKS.md) and the report in words.
pub trait OverPeople: 'static {
    type Out: 'static;
    /// The roster's next people.
    fn add(&mut self, people: &[Person]);
    /// The people of the roster `people` at `rows` (roster indices, ascending).
    fn add_rows(&mut self, people: &[Person], rows: &[usize]);
    fn finish(self) -> Self::Out;
}

impl OverPeople for canbo_core::retirement::Forecasting {
    type Out = canbo_core::retirement::Forecast;
    fn add(&mut self, people: &[Person]) {
        canbo_core::retirement::Forecasting::add(self, people)
    }
    fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
        canbo_core::retirement::Forecasting::add_rows(self, people, rows)
    }
    fn finish(self) -> Self::Out {
        canbo_core::retirement::Forecasting::finish(self)
    }
}

impl OverPeople for canbo_core::standards::Judging {
    type Out = canbo_core::standards::Standards;
    fn add(&mut self, people: &[Person]) {
        canbo_core::standards::Judging::add(self, people)
    }
    fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
        canbo_core::standards::Judging::add_rows(self, people, rows)
    }
    fn finish(self) -> Self::Out {
        canbo_core::standards::Judging::finish(self)
    }
}

/// A computation with what it was asked for, given back with its result: a view that may
/// show only a result of its newest ask (not the last one whole) compares the two.
pub struct Asked<K, C>(pub K, pub C);

impl<K: 'static, C: OverPeople> OverPeople for Asked<K, C> {
    type Out = (K, C::Out);
    fn add(&mut self, people: &[Person]) {
        self.1.add(people);
    }
    fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
        self.1.add_rows(people, rows);
    }
    fn finish(self) -> Self::Out {
        (self.0, self.1.finish())
    }
}

/// People judged or placed between two chances for the browser to draw: a tenth of
/// 100,000 people, whose whole judging held the page for 772 ms and whose forecast for 646
/// ms before both were made lighter (docs/BENCHMARKS.md).
pub const OVER_PEOPLE_AT_ONCE: usize = 10_000;

/// What [`over_roster`] gives: the newest result, and whether a newer one is under way.
pub struct Sliced<T: Send + Sync + 'static> {
    /// `None` until the first result, and while there is no roster. Shared, so that what
    /// shows it reads it without copying a province's lists.
    pub value: leptos::prelude::RwSignal<Option<std::sync::Arc<T>>>,
    pub busy: leptos::prelude::RwSignal<bool>,
}

// Signals are copied whatever they hold (a derive would ask `T: Copy`).
impl<T: Send + Sync + 'static> Clone for Sliced<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Sliced<T> {}

/// The result of `start`'s computation over the page's roster, computed again a slice at a
/// time whenever the roster or anything `start` reads changes. The last result stays shown
/// (with `busy` set) until the next one is whole; a change meanwhile abandons the
/// computation under way for a new one, so only the newest ask is ever finished.
/// `start` returning `None` (nothing to compute, such as no rule set) clears the result.
pub fn over_roster<C, F>(state: crate::state::AppState, start: F) -> Sliced<C::Out>
where
    C: OverPeople,
    C::Out: Send + Sync,
    F: Fn() -> Option<C> + 'static,
{
    sliced(state, move || start().map(|c| (c, None)))
}

/// [`over_roster`] over some of the roster's people only: `start` gives the computation
/// and the rows it goes over (roster indices, ascending: a report filter's people).
pub fn over_rows<C, F>(state: crate::state::AppState, start: F) -> Sliced<C::Out>
where
    C: OverPeople,
    C::Out: Send + Sync,
    F: Fn() -> Option<(C, Vec<usize>)> + 'static,
{
    sliced(state, move || start().map(|(c, rows)| (c, Some(rows))))
}

/// [`over_roster`] and [`over_rows`]: every person when the rows are `None`.
fn sliced<C, F>(state: crate::state::AppState, start: F) -> Sliced<C::Out>
where
    C: OverPeople,
    C::Out: Send + Sync,
    F: Fn() -> Option<(C, Option<Vec<usize>>)> + 'static,
{
    use leptos::prelude::*;
    let sliced = Sliced {
        value: RwSignal::new(None),
        busy: RwSignal::new(false),
    };
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let has_roster = state.roster.with(Option::is_some);
        let computing = start().filter(|_| has_roster);
        let Some(this) = asked.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let Some((computing, rows)) = computing else {
            // Set only when it changes: a signal set tells everything that reads it, and
            // what reads these (the report in words) would be written again at once, in
            // the task of the change that asked (a filter change at 250,000 people).
            if sliced.value.with_untracked(Option::is_some) {
                sliced.value.set(None);
            }
            if sliced.busy.get_untracked() {
                sliced.busy.set(false);
            }
            return;
        };
        if !sliced.busy.get_untracked() {
            sliced.busy.set(true);
        }
        leptos::task::spawn_local(async move {
            let wanted = move || asked.try_get_value() == Some(this);
            if let Some(out) = over_people(state, computing, rows, wanted).await {
                let _ = sliced.value.try_set(Some(std::sync::Arc::new(out)));
                let _ = sliced.busy.try_set(false);
            }
        });
    });
    sliced
}

/// `computing` fed the roster's people (those at `rows`, or all) a slice at a time, the
/// browser drawing between two; `None` when it is no longer `wanted` or the roster is gone.
async fn over_people<C: OverPeople>(
    state: crate::state::AppState,
    mut computing: C,
    rows: Option<Vec<usize>>,
    wanted: impl Fn() -> bool,
) -> Option<C::Out> {
    use leptos::prelude::*;
    let mut at = 0;
    loop {
        let_the_browser_draw().await;
        if !wanted() {
            return None;
        }
        let done = state
            .roster
            .try_with_untracked(|roster| {
                let people = &roster.as_ref()?.people;
                let len = rows.as_ref().map_or(people.len(), Vec::len);
                let end = len.min(at + OVER_PEOPLE_AT_ONCE);
                match &rows {
                    None => computing.add(people.get(at..end)?),
                    Some(rows) => computing.add_rows(people, rows.get(at..end)?),
                }
                at = end;
                Some(end == len)
            })
            .flatten()?;
        if done {
            // Finishing (sorting the lists, counting by unit and title) is a task of its
            // own: after the last slice in the same task it held the page for some 90 ms at
            // 100,000 people (the share panel's forecast).
            let_the_browser_draw().await;
            if !wanted() {
                return None;
            }
            return Some(computing.finish());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use crate::test_support::{mount, sample_roster_of, until};
    use canbo_core::retirement::{
        forecast, Forecast, Forecasting, RetirementLaw, RetirementOptions,
    };
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// A forecast that counts how many times one was finished.
    struct Counted(Forecasting, Rc<Cell<u32>>);

    impl OverPeople for Counted {
        type Out = Forecast;
        fn add(&mut self, people: &[Person]) {
            self.0.add(people);
        }
        fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
            self.0.add_rows(people, rows);
        }
        fn finish(self) -> Forecast {
            self.1.set(self.1.get() + 1);
            self.0.finish()
        }
    }

    #[wasm_bindgen_test]
    async fn a_result_over_the_roster_comes_in_slices_and_only_the_newest_ask_is_finished() {
        let roster = sample_roster_of(3 * OVER_PEOPLE_AT_ONCE);
        let state = AppState::empty();
        state.roster.set(Some(roster.clone()));
        let years = RwSignal::new(1u32);
        let as_of = "2024-12-31".parse().unwrap();
        let finished = Rc::new(Cell::new(0));
        let sliced: Rc<RefCell<Option<Sliced<Forecast>>>> = Rc::default();
        {
            let (finished, sliced) = (finished.clone(), sliced.clone());
            mount(state, move || {
                let s = over_roster(state, move || {
                    let options = RetirementOptions {
                        as_of,
                        years: years.get(),
                    };
                    let forecasting = Forecasting::new(RetirementLaw::default(), options);
                    Some(Counted(forecasting, finished.clone()))
                });
                *sliced.borrow_mut() = Some(s);
            });
        }
        let Sliced { value, busy } = sliced.borrow().unwrap();
        // Under way after the browser's first turn, not done in it.
        crate::turns::let_the_browser_draw().await;
        assert!(busy.get_untracked(), "under way");
        assert!(value.with_untracked(Option::is_none), "not at once");
        // Asked again meanwhile: the first is abandoned, the second finished.
        years.set(10);
        until(|| !busy.get_untracked()).await;
        let want = forecast(
            &roster,
            &RetirementLaw::default(),
            &RetirementOptions { as_of, years: 10 },
        );
        assert!(
            value.get_untracked().as_deref() == Some(&want),
            "the newest ask's forecast"
        );
        assert_eq!(finished.get(), 1, "only the newest ask was finished");
        // No roster, no result.
        state.roster.set(None);
        until(|| value.with_untracked(Option::is_none)).await;
        assert!(!busy.get_untracked());
    }

    /// The roster in columns a slice at a time is the core's columns of it; a roster
    /// replaced while it is encoded gives none.
    #[wasm_bindgen_test]
    async fn the_roster_encoded_in_slices_is_its_columns_and_none_if_replaced() {
        let roster = sample_roster_of(2 * PEOPLE_AT_ONCE + 10);
        let state = AppState::empty();
        state.roster.set(Some(roster.clone()));
        let columns = encode(state).await.unwrap().unwrap();
        assert!(columns == canbo_core::store::columnar::encode(&roster).unwrap());

        // Five slices; another roster of the same size comes after two chances to draw.
        let five = sample_roster_of(4 * PEOPLE_AT_ONCE + 10);
        state.roster.set(Some(five.clone()));
        wasm_bindgen_futures::spawn_local(async move {
            crate::turns::let_the_browser_draw().await;
            crate::turns::let_the_browser_draw().await;
            state.roster.set(Some(five));
        });
        assert!(encode(state).await.is_none(), "no columns of two rosters");
        state.roster.set(None);
        assert!(encode(state).await.is_none(), "no roster, no columns");
    }
}
