//! What survives a reload, kept in the browser's local storage in the core's versioned
//! envelope (`canbo_core::store`), under two keys:
//!
//! - [`KEY`] (`canbo.state`, version 2): the user's corrections, settings and snapshots —
//!   small, written on every change;
//! - [`ROSTER_KEY`] (`canbo.roster`, version 1): the roster, written only when a new import
//!   replaces it. The import worker packs it (deflating a large roster takes seconds), so the
//!   page only hands the finished text to local storage.
//!
//! Older versions are read and written again in the new form: version 0 kept the bare roster
//! as JSON under [`LEGACY_ROSTER_KEY`]; version 1 kept the roster inside `canbo.state`. A write
//! that does not fit (about five million characters per site) is an error the page shows; it
//! is never swallowed, and a roster that does not fit never leaves an older one behind to come
//! back after a reload.

use std::collections::BTreeMap;

use canbo_core::import::Overrides;
use canbo_core::roster::Roster;
use canbo_core::standards::RuleSet;
use canbo_core::store::{self, StoreError};
use serde::{Deserialize, Serialize};

/// The key and the envelope's kind of the user's settings.
pub const KEY: &str = "canbo.state";
pub const KIND: &str = "canbo.state";
pub const VERSION: u32 = 2;
/// The key and the envelope's kind of the roster.
pub const ROSTER_KEY: &str = "canbo.roster";
pub const ROSTER_KIND: &str = "canbo.roster";
pub const ROSTER_VERSION: u32 = 1;
/// Where version 0 kept the bare roster.
pub const LEGACY_ROSTER_KEY: &str = "canbo.roster.v1";

/// Everything the page keeps between visits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Stored under [`ROSTER_KEY`]; inside `canbo.state` only in version 1, read to migrate.
    #[serde(default, skip_serializing)]
    pub roster: Option<Roster>,
    #[serde(default)]
    pub overrides: Overrides,
    /// Free-form user settings (language, report options…), by name.
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// Rule sets of standards the user made or edited (the built-in ones are not stored).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_sets: Vec<RuleSet>,
}

impl Saved {
    /// Nothing to keep but (perhaps) the roster.
    pub fn is_empty(&self) -> bool {
        self.overrides == Overrides::default()
            && self.settings.is_empty()
            && self.snapshots.is_empty()
            && self.rule_sets.is_empty()
    }
}

/// A report kept under a name: the core's type, since roster packages carry snapshots too.
pub use canbo_core::report::Snapshot;

/// Why saving failed, in words for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Local storage is full (`QuotaExceededError`).
    Full,
    /// The roster alone is larger than local storage holds (`people`, packed `chars`).
    RosterTooLarge { people: usize, chars: usize },
    /// Local storage refused for another reason (private mode, disabled…).
    Refused(String),
}

impl SaveError {
    pub fn message_vi(&self) -> String {
        match self {
            SaveError::Full => "Bộ nhớ của trình duyệt đã đầy: dữ liệu mới nhất CHƯA được lưu và sẽ mất khi đóng trang. Hãy xóa bớt bản lưu số liệu hoặc dùng tệp nhỏ hơn.".into(),
            SaveError::RosterTooLarge { people, chars } => format!(
                "Danh sách {} người quá lớn để trình duyệt lưu lại (cần khoảng {} triệu ký tự, trình duyệt chỉ cho khoảng 5 triệu): số liệu vẫn dùng được cho đến khi đóng trang, lần sau hãy nhập lại tệp.",
                crate::format::count(*people as u32),
                format!("{:.1}", *chars as f64 / 1e6).replace('.', ",")
            ),
            SaveError::Refused(why) => format!("Trình duyệt không cho lưu dữ liệu ({why}): dữ liệu sẽ mất khi đóng trang."),
        }
    }
}

/// Version `version`'s JSON of `canbo.state` → version `version + 1`'s.
pub fn migrate(version: u32, value: serde_json::Value) -> Result<serde_json::Value, String> {
    match version {
        // The bare roster.
        0 => Ok(serde_json::json!({ "roster": value })),
        // The same fields; [`load`] moves the roster to its own key.
        1 => Ok(value),
        other => Err(format!("no migration from version {other}")),
    }
}

/// The roster as [`ROSTER_KEY`] keeps it. Pure: the import worker calls it.
pub fn pack_roster(roster: &Roster) -> Result<String, StoreError> {
    store::pack(ROSTER_KIND, ROSTER_VERSION, roster)
}

/// What the last visit saved, and a message when something saved could not be read back
/// (saved by a newer Canbo, damaged): that is dropped rather than shown wrong. A roster found
/// in an older layout is written again in the current one.
pub fn load() -> (Saved, Option<String>) {
    let Some(storage) = local_storage() else {
        return (Saved::default(), None);
    };
    let (mut saved, mut problem) = match storage.get_item(KEY) {
        Ok(Some(text)) => match store::unpack::<Saved>(&text, KIND, VERSION, migrate) {
            Ok(saved) => (saved, None),
            Err(error) => (Saved::default(), Some(unreadable_message(&error))),
        },
        _ => (Saved::default(), None),
    };
    // A roster in an older layout (inside the state, or under the version 0 key) moves.
    let mut legacy = saved.roster.is_some();
    if let Ok(Some(text)) = storage.get_item(ROSTER_KEY) {
        match store::unpack::<Roster>(&text, ROSTER_KIND, ROSTER_VERSION, |v, _| {
            Err(format!("no migration from version {v}"))
        }) {
            Ok(roster) => saved.roster = Some(roster),
            Err(error) => {
                problem.get_or_insert_with(|| unreadable_message(&error));
            }
        }
    } else if let Ok(Some(text)) = storage.get_item(LEGACY_ROSTER_KEY) {
        let roster = serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|e| e.to_string())
            .and_then(|v| migrate(0, v))
            .and_then(|v| serde_json::from_value::<Saved>(v).map_err(|e| e.to_string()));
        match roster {
            Ok(old) => {
                saved.roster = old.roster;
                legacy = true;
            }
            Err(why) => {
                let _ = storage.remove_item(LEGACY_ROSTER_KEY);
                problem.get_or_insert_with(|| unreadable_message(&StoreError::Damaged(why)));
            }
        }
    }
    if legacy {
        if let Some(roster) = &saved.roster {
            let moved = pack_roster(roster)
                .map_err(|e| SaveError::Refused(e.to_string()))
                .and_then(|text| save_roster(&text, roster.people.len()));
            if let Err(error) = moved.and_then(|()| save(&saved)) {
                problem.get_or_insert_with(|| error.message_vi());
            }
        }
    }
    (saved, problem)
}

fn unreadable_message(error: &StoreError) -> String {
    match error {
        StoreError::TooNew { .. } => "Dữ liệu đã lưu do một phiên bản Canbo mới hơn ghi: phiên bản này không đọc được, hãy mở bằng phiên bản mới.".into(),
        _ => format!("Không đọc lại được dữ liệu đã lưu ({error}); hãy nhập lại tệp danh sách."),
    }
}

/// Saves the corrections, settings and snapshots (not the roster: [`save_roster`]).
pub fn save(saved: &Saved) -> Result<(), SaveError> {
    let Some(storage) = local_storage() else {
        return Err(SaveError::Refused("không có local storage".into()));
    };
    if saved.is_empty() {
        let _ = storage.remove_item(KEY);
        return Ok(());
    }
    let text = store::pack(KIND, VERSION, saved).map_err(|e| SaveError::Refused(e.to_string()))?;
    write(KEY, &text)
}

/// Replaces the stored roster with `packed` ([`pack_roster`] of a roster of `people`). The
/// old one is removed first, so that it neither takes the room nor comes back after a reload
/// when the new one does not fit.
pub fn save_roster(packed: &str, people: usize) -> Result<(), SaveError> {
    forget_roster();
    write(ROSTER_KEY, packed).map_err(|error| match error {
        SaveError::Full if packed.len() > ROSTER_ROOM => SaveError::RosterTooLarge {
            people,
            chars: packed.len(),
        },
        other => other,
    })
}

/// Removes the stored roster (every layout).
pub fn forget_roster() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(ROSTER_KEY);
        let _ = storage.remove_item(LEGACY_ROSTER_KEY);
    }
}

/// About what one site may keep, in characters (Chromium: 5 Mi UTF-16 code units); a packed
/// roster longer than this can never fit, whatever else is removed.
const ROSTER_ROOM: usize = 5 << 20;

/// Writes one item, telling a full storage apart from other refusals.
pub fn write(key: &str, text: &str) -> Result<(), SaveError> {
    let storage =
        local_storage().ok_or_else(|| SaveError::Refused("không có local storage".into()))?;
    storage.set_item(key, text).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|name| name.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            SaveError::Full
        } else {
            SaveError::Refused(format!("{error:?}"))
        }
    })
}

/// Forgets everything Canbo stored: its own keys and every other `canbo.` key (the
/// language, kept by the report settings).
pub fn clear() {
    let Some(storage) = local_storage() else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with("canbo."))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use canbo_core::import::import;
    use wasm_bindgen_test::wasm_bindgen_test;

    // The tests share one local storage: each leaves it empty.

    fn roster() -> Roster {
        import(&[crate::test_support::sample()], &Overrides::default()).roster
    }

    #[wasm_bindgen_test]
    fn a_roster_saved_by_version_0_is_read_and_moved_to_its_own_key() {
        clear();
        let roster = roster();
        let raw = serde_json::to_string(&roster).unwrap();
        write(LEGACY_ROSTER_KEY, &raw).unwrap();

        let (saved, problem) = load();
        assert_eq!(problem, None);
        assert_eq!(saved.roster.as_ref().map(|r| r.people.len()), Some(420));
        assert_eq!(saved.overrides, Overrides::default());

        let storage = local_storage().unwrap();
        assert_eq!(storage.get_item(LEGACY_ROSTER_KEY).unwrap(), None);
        let text = storage.get_item(ROSTER_KEY).unwrap().unwrap();
        assert!(text.starts_with("canbo.roster:1:"), "{}", &text[..20]);
        assert!(
            text.len() < raw.len() / 3,
            "packed {} vs raw {}",
            text.len(),
            raw.len()
        );
        assert_eq!(load().0, saved);
        clear();
    }

    #[wasm_bindgen_test]
    fn version_1_with_the_roster_inside_the_state_is_split_in_two_keys() {
        clear();
        #[derive(Serialize)]
        struct Version1 {
            roster: Roster,
            settings: BTreeMap<String, String>,
        }
        let old = Version1 {
            roster: roster(),
            settings: BTreeMap::from([("as_of".to_string(), "2024-12-31".to_string())]),
        };
        write(KEY, &store::pack(KIND, 1, &old).unwrap()).unwrap();

        let (saved, problem) = load();
        assert_eq!(problem, None);
        assert_eq!(saved.roster.as_ref().map(|r| r.people.len()), Some(420));
        assert_eq!(saved.settings, old.settings);
        let storage = local_storage().unwrap();
        let state = storage.get_item(KEY).unwrap().unwrap();
        assert!(state.starts_with("canbo.state:2:"), "{}", &state[..20]);
        assert!(
            state.len() < 200,
            "the roster left the state: {}",
            state.len()
        );
        assert!(storage.get_item(ROSTER_KEY).unwrap().is_some());
        assert_eq!(load().0, saved);
        clear();
    }

    #[wasm_bindgen_test]
    fn a_roster_too_large_to_keep_says_so_and_leaves_no_older_roster_behind() {
        clear();
        let small = pack_roster(&roster()).unwrap();
        save_roster(&small, 420).unwrap();
        let huge = "x".repeat(6 << 20);
        let error = save_roster(&huge, 250_000).unwrap_err();
        assert_eq!(
            error,
            SaveError::RosterTooLarge {
                people: 250_000,
                chars: 6 << 20
            }
        );
        let message = error.message_vi();
        assert!(message.contains("250.000 người"), "{message}");
        assert!(message.contains("6,3 triệu ký tự"), "{message}");
        assert_eq!(load().0.roster, None);
        clear();
    }

    #[wasm_bindgen_test]
    fn damaged_data_is_dropped_with_a_message() {
        clear();
        write(KEY, "canbo.state:2:not-base64-!!").unwrap();
        let (saved, problem) = load();
        assert_eq!(saved, Saved::default());
        assert!(problem.is_some());
        clear();
    }

    #[wasm_bindgen_test]
    fn a_write_past_the_quota_is_reported_as_full() {
        clear();
        // About 5 Mi UTF-16 characters per site: 6 Mi never fit.
        let huge = "x".repeat(6 << 20);
        assert_eq!(write("canbo.test.huge", &huge), Err(SaveError::Full));
        assert!(SaveError::Full.message_vi().contains("đầy"));
        clear();
    }
}
