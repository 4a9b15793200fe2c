//! A roster inflated, read back from its columns, and coded for the report, a slice at a
//! time, the browser drawing between two slices: the end of an import (the worker sends
//! the roster as columns) and the start of a visit (local storage keeps them deflated) both
//! do it, so neither holds the page for the second 250,000 people take at once.

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
    let mut decoding = Decoding::new(columns)?;
    while !decoding.read(PEOPLE_AT_ONCE)? {
        let_the_browser_draw().await;
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
    coding.finish(roster)
}
