//! The roster survives a reload: it is kept in the browser's local storage as JSON.

use canbo_core::roster::Roster;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use leptos::logging::warn;

/// Bump the suffix when a stored roster can no longer be read back.
const ROSTER_KEY: &str = "canbo.roster.v1";

/// The roster of the last visit. One that cannot be read back (saved by an older version) is
/// dropped rather than shown wrong.
pub fn load_roster() -> Option<Roster> {
    match LocalStorage::get(ROSTER_KEY) {
        Ok(roster) => Some(roster),
        Err(StorageError::KeyNotFound(_)) => None,
        Err(error) => {
            warn!("Canbo: bỏ danh sách đã lưu vì không đọc lại được: {error}");
            LocalStorage::delete(ROSTER_KEY);
            None
        }
    }
}

pub fn save_roster(roster: Option<&Roster>) {
    let Some(roster) = roster else {
        LocalStorage::delete(ROSTER_KEY);
        return;
    };
    // Past the quota (about 5 Mi characters) the roster lives only until the page closes.
    if let Err(error) = LocalStorage::set(ROSTER_KEY, roster) {
        warn!("Canbo: không lưu được danh sách trong trình duyệt: {error}");
    }
}
