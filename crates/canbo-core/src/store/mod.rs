//! The form in which the page keeps data in the browser's local storage: a versioned envelope
//! `kind:version:payload`. The version lets a newer app read what an older one saved (or say
//! clearly that it cannot).
//!
//! - Settings, corrections and snapshots ([`pack`], [`unpack`]): deflated JSON in base64
//!   (URL-safe), small and written often.
//! - The roster ([`columnar`]): columns of small integers, deflated and packed 15 bits to a
//!   character ([`text15`]). Local storage holds 5,242,879 characters per site in Chromium;
//!   this form keeps a 250,000-person roster in a fraction of that (docs/BENCHMARKS.md,
//!   "Storage").

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

pub mod columnar;
pub mod text15;

/// Why stored text could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Not an envelope of this kind (another app's key, or damaged).
    NotCanbo,
    /// Saved by a newer version of Canbo than this one.
    TooNew { found: u32, supported: u32 },
    /// The envelope is damaged (bad base64, bad deflate, bad JSON).
    Damaged(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotCanbo => f.write_str("not Canbo data"),
            StoreError::TooNew { found, supported } => {
                write!(
                    f,
                    "saved by a newer Canbo (format {found}; this one reads up to {supported})"
                )
            }
            StoreError::Damaged(why) => write!(f, "saved data is damaged: {why}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// The version and payload of a `kind:version:payload` envelope of `kind`, refusing another
/// kind and a version past `current`.
pub(crate) fn envelope<'a>(
    text: &'a str,
    kind: &str,
    current: u32,
) -> Result<(u32, &'a str), StoreError> {
    let mut parts = text.splitn(3, ':');
    if parts.next() != Some(kind) {
        return Err(StoreError::NotCanbo);
    }
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(StoreError::NotCanbo)?;
    if version > current {
        return Err(StoreError::TooNew {
            found: version,
            supported: current,
        });
    }
    Ok((version, parts.next().ok_or(StoreError::NotCanbo)?))
}

/// `kind:version:payload`.
pub fn pack<T: Serialize>(kind: &str, version: u32, value: &T) -> Result<String, StoreError> {
    let json = serde_json::to_vec(value).map_err(|e| StoreError::Damaged(e.to_string()))?;
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 6);
    Ok(format!(
        "{kind}:{version}:{}",
        URL_SAFE_NO_PAD.encode(deflated)
    ))
}

/// Read an envelope of `kind`, upgrading older versions with `migrate(version, json)` (which
/// returns the JSON of the next version) until it reaches `current`.
pub fn unpack<T: DeserializeOwned>(
    text: &str,
    kind: &str,
    current: u32,
    migrate: impl Fn(u32, serde_json::Value) -> Result<serde_json::Value, String>,
) -> Result<T, StoreError> {
    let (version, payload) = envelope(text, kind, current)?;
    let deflated = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| StoreError::Damaged(e.to_string()))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, 512 << 20)
        .map_err(|e| StoreError::Damaged(format!("{e:?}")))?;
    let damaged = |e: serde_json::Error| StoreError::Damaged(e.to_string());
    if version == current {
        return serde_json::from_slice(&json).map_err(damaged);
    }
    // An older version is upgraded as JSON values, then read as today's text: one way of
    // reading `T` (from bytes) serves both, which keeps the page's wasm smaller.
    let mut value: serde_json::Value = serde_json::from_slice(&json).map_err(damaged)?;
    for v in version..current {
        value = migrate(v, value).map_err(StoreError::Damaged)?;
    }
    let json = serde_json::to_vec(&value).map_err(damaged)?;
    serde_json::from_slice(&json).map_err(damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct V2 {
        name: String,
        count: u32,
    }

    fn no_migration(_: u32, v: serde_json::Value) -> Result<serde_json::Value, String> {
        Ok(v)
    }

    #[test]
    fn round_trip_is_exact_and_compact() {
        let value = V2 {
            name: "Xã Nà Khuôn ".repeat(200),
            count: 7,
        };
        let text = pack("canbo.test", 2, &value).unwrap();
        assert!(text.starts_with("canbo.test:2:"));
        assert!(text.len() < 500, "{} chars", text.len());
        let back: V2 = unpack(&text, "canbo.test", 2, no_migration).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn older_versions_are_migrated() {
        let old = pack("k", 1, &serde_json::json!({"name": "A"})).unwrap();
        let back: V2 = unpack(&old, "k", 2, |v, mut json| {
            assert_eq!(v, 1);
            json["count"] = 0.into();
            Ok(json)
        })
        .unwrap();
        assert_eq!(
            back,
            V2 {
                name: "A".into(),
                count: 0
            }
        );
    }

    #[test]
    fn newer_foreign_and_damaged_data_are_refused_clearly() {
        let newer = pack("k", 3, &1).unwrap();
        assert_eq!(
            unpack::<u32>(&newer, "k", 2, no_migration),
            Err(StoreError::TooNew {
                found: 3,
                supported: 2
            })
        );
        assert_eq!(
            unpack::<u32>("other:1:xx", "k", 2, no_migration),
            Err(StoreError::NotCanbo)
        );
        assert!(matches!(
            unpack::<u32>("k:1:!!!", "k", 2, no_migration),
            Err(StoreError::Damaged(_))
        ));
        assert!(matches!(
            unpack::<u32>("k:1:AAAA", "k", 2, no_migration),
            Err(StoreError::Damaged(_))
        ));
    }
}
