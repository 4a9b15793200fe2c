//! A roster inflated, read back from its columns, and coded for the report, a slice at a
//! time, the browser drawing between two slices: the end of an import (the worker sends
//! the roster as columns) and the start of a visit (local storage keeps them deflated) both
//! do it, so neither holds the page for the second 250,000 people take at once. The staff
//! list's search text is made the same way, ahead of the first search.

use canbo_core::report::{Coded, Coding};
use canbo_core::roster::Roster;
use canbo_core::store::columnar::{Decoding, Inflating};
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
/// people at a time.
pub async fn read(columns: &[u8]) -> Result<Roster, StoreError> {
    read_on(Decoding::new(columns)?).await
}

/// [`read`] of a decoding already begun (its header read: how many people it holds). The
/// browser draws first: reading the header (every field's dictionary) is a task of its own,
/// apart from the first slice (together, up to about 100 ms at 250,000 people).
pub async fn read_on(mut decoding: Decoding<'_>) -> Result<Roster, StoreError> {
    loop {
        let_the_browser_draw().await;
        if decoding.read(PEOPLE_AT_ONCE)? {
            break;
        }
    }
    decoding.finish()
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
