//! What survives a reload: the roster, the user's corrections, settings and snapshots, kept in
//! the browser's local storage in the core's versioned envelope (`canbo_core::store`).
//!
//! Version 0 is what the first release wrote: the bare roster as JSON under
//! [`LEGACY_ROSTER_KEY`]. It is read once through [`migrate`], saved again as version 1, and
//! dropped. A write that does not fit (about five million characters per site) is an error the
//! page shows; it is never swallowed.

use std::collections::BTreeMap;

use canbo_core::import::Overrides;
use canbo_core::report::Report;
use canbo_core::roster::Roster;
use canbo_core::store::{self, StoreError};
use serde::{Deserialize, Serialize};

/// The key and the envelope's kind.
pub const KEY: &str = "canbo.state";
pub const KIND: &str = "canbo.state";
pub const VERSION: u32 = 1;
/// Where version 0 kept the bare roster.
pub const LEGACY_ROSTER_KEY: &str = "canbo.roster.v1";

/// Everything the page keeps between visits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    #[serde(default)]
    pub roster: Option<Roster>,
    #[serde(default)]
    pub overrides: Overrides,
    /// Free-form user settings (language, report options…), by name.
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
}

impl Saved {
    pub fn is_empty(&self) -> bool {
        self.roster.is_none()
            && self.overrides == Overrides::default()
            && self.settings.is_empty()
            && self.snapshots.is_empty()
    }
}

/// A report kept under a name ("6 tháng đầu năm 2019"), to compare with later ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub name: String,
    /// When it was saved, `YYYY-MM-DD`.
    pub saved_on: String,
    pub report: Report,
}

/// Why saving failed, in words for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Local storage is full (`QuotaExceededError`).
    Full,
    /// Local storage refused for another reason (private mode, disabled…).
    Refused(String),
}

impl SaveError {
    pub fn message_vi(&self) -> String {
        match self {
            SaveError::Full => "Bộ nhớ của trình duyệt đã đầy: dữ liệu mới nhất CHƯA được lưu và sẽ mất khi đóng trang. Hãy xóa bớt bản lưu số liệu hoặc dùng tệp nhỏ hơn.".into(),
            SaveError::Refused(why) => format!("Trình duyệt không cho lưu dữ liệu ({why}): dữ liệu sẽ mất khi đóng trang."),
        }
    }
}

/// Version `version`'s JSON → version `version + 1`'s.
pub fn migrate(version: u32, value: serde_json::Value) -> Result<serde_json::Value, String> {
    match version {
        // The bare roster.
        0 => Ok(serde_json::json!({ "roster": value })),
        other => Err(format!("no migration from version {other}")),
    }
}

/// What the last visit saved, and a message when something saved could not be read back
/// (saved by a newer Canbo, damaged): that is dropped rather than shown wrong.
pub fn load() -> (Saved, Option<String>) {
    let Some(storage) = local_storage() else {
        return (Saved::default(), None);
    };
    if let Ok(Some(text)) = storage.get_item(KEY) {
        return match store::unpack::<Saved>(&text, KIND, VERSION, migrate) {
            Ok(saved) => (saved, None),
            Err(error) => (Saved::default(), Some(unreadable_message(&error))),
        };
    }
    if let Ok(Some(text)) = storage.get_item(LEGACY_ROSTER_KEY) {
        let saved = serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|e| e.to_string())
            .and_then(|v| migrate(0, v))
            .and_then(|v| serde_json::from_value::<Saved>(v).map_err(|e| e.to_string()));
        return match saved {
            Ok(saved) => (saved, None),
            Err(why) => {
                let _ = storage.remove_item(LEGACY_ROSTER_KEY);
                (
                    Saved::default(),
                    Some(unreadable_message(&StoreError::Damaged(why))),
                )
            }
        };
    }
    (Saved::default(), None)
}

fn unreadable_message(error: &StoreError) -> String {
    match error {
        StoreError::TooNew { .. } => "Dữ liệu đã lưu do một phiên bản Canbo mới hơn ghi: phiên bản này không đọc được, hãy mở bằng phiên bản mới.".into(),
        _ => format!("Không đọc lại được dữ liệu đã lưu ({error}); hãy nhập lại tệp danh sách."),
    }
}

/// Saves everything; an empty state removes what was stored.
pub fn save(saved: &Saved) -> Result<(), SaveError> {
    if saved.is_empty() {
        clear();
        return Ok(());
    }
    let text = store::pack(KIND, VERSION, saved).map_err(|e| SaveError::Refused(e.to_string()))?;
    write(KEY, &text)?;
    // Once version 1 is written, version 0 is no longer needed.
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(LEGACY_ROSTER_KEY);
    }
    Ok(())
}

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
    use canbo_core::import::{import, FileInput};
    use wasm_bindgen_test::wasm_bindgen_test;

    // The tests share one local storage: each leaves it empty.

    fn roster() -> Roster {
        let file = FileInput {
            name: "mau-son-bieu.xlsx".into(),
            bytes: include_bytes!("../assets/mau-son-bieu.xlsx").to_vec(),
        };
        import(&[file], &Overrides::default()).roster
    }

    #[wasm_bindgen_test]
    fn a_roster_saved_by_version_0_is_read_and_saved_again_as_version_1() {
        clear();
        let roster = roster();
        let raw = serde_json::to_string(&roster).unwrap();
        write(LEGACY_ROSTER_KEY, &raw).unwrap();

        let (saved, problem) = load();
        assert_eq!(problem, None);
        assert_eq!(saved.roster.as_ref().map(|r| r.people.len()), Some(420));
        assert_eq!(saved.overrides, Overrides::default());

        save(&saved).unwrap();
        let storage = local_storage().unwrap();
        assert_eq!(storage.get_item(LEGACY_ROSTER_KEY).unwrap(), None);
        let text = storage.get_item(KEY).unwrap().unwrap();
        assert!(text.starts_with("canbo.state:1:"), "{}", &text[..20]);
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
    fn damaged_data_is_dropped_with_a_message() {
        clear();
        write(KEY, "canbo.state:1:not-base64-!!").unwrap();
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
