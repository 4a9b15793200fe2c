//! Roster packages (`.canbo` files): the whole of a user's data — the roster, the import
//! corrections, the settings, the snapshots and the user's rule sets — as one file sealed
//! with a passphrase, to hand to a colleague or to move to another machine.
//!
//! Layout: `MAGIC (8) | version (1) | salt | nonce | check | ciphertext | tag` (see
//! [`super::crypto`]); the magic and version are authenticated with the rest, so a file whose
//! header was changed fails as surely as one whose body was. The plaintext is the JSON of
//! [`PackageContent`], deflated: JSON because its fields may grow (every one past the roster
//! has a default, so an older package reads in a newer app), deflated because a roster of
//! thousands of people repeats its units, levels and titles on every line.
//!
//! The magic starts with a byte that is not ASCII and holds a CR LF, as PNG's does: a file
//! that went through a text transfer (line endings rewritten, high bit cleared) is told apart
//! at once. The version comes before anything sealed, so a newer format is named as such
//! instead of being taken for a wrong passphrase.
//!
//! Reading changes nothing: [`unpack`] returns the content or an error, and the caller
//! replaces its data only with a content in hand.

use super::crypto::{self, CryptoError, RANDOM_BYTES};
use crate::import::Overrides;
use crate::report::Snapshot;
use crate::roster::Roster;
use crate::standards::RuleSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The first bytes of every package.
pub const MAGIC: [u8; 8] = *b"\x89CANBO\r\n";
/// The format this version writes and the newest it reads.
pub const VERSION: u8 = 1;
/// The file extension, without the dot.
pub const EXTENSION: &str = "canbo";
/// The most a package may inflate to (a roster of a million people is some 600 MB of JSON).
pub const MAX_INFLATED: usize = 1 << 30;

const HEADER: usize = MAGIC.len() + 1;

/// What a package holds. The page keeps its settings as free-form text by name (the same map
/// it keeps in local storage), so the core carries them without knowing them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackageContent {
    pub roster: Roster,
    #[serde(default)]
    pub overrides: Overrides,
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    #[serde(default)]
    pub rule_sets: Vec<RuleSet>,
}

/// Why a package could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// The file is not a Canbo package (another file chosen by mistake).
    NotAPackage,
    /// Written by a newer version of Canbo.
    NewerVersion {
        found: u8,
    },
    /// The passphrase does not open it.
    WrongPassphrase,
    EmptyPassphrase,
    /// Cut short, damaged or changed after it was written: what failed.
    Damaged(String),
    /// Opened, but what it holds is not valid (a rule set that is not).
    Invalid(String),
}

impl PackageError {
    /// The message in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            PackageError::NotAPackage => "Tệp này không phải gói dữ liệu Canbo (.canbo).".into(),
            PackageError::NewerVersion { .. } => "Gói dữ liệu do một phiên bản Canbo mới hơn tạo: hãy tải lại trang để dùng phiên bản mới.".into(),
            PackageError::WrongPassphrase => "Sai mật khẩu: gói dữ liệu không mở được bằng mật khẩu này.".into(),
            PackageError::EmptyPassphrase => "Hãy nhập mật khẩu của gói dữ liệu.".into(),
            PackageError::Damaged(_) => "Gói dữ liệu bị hỏng, không đầy đủ hoặc đã bị sửa: không đọc được. Hãy xin lại tệp từ người gửi.".into(),
            PackageError::Invalid(why) => format!("Gói dữ liệu chứa dữ liệu không hợp lệ ({why})."),
        }
    }
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::NotAPackage => f.write_str("not a Canbo package (.canbo)"),
            PackageError::NewerVersion { found } => write!(
                f,
                "the package was written by a newer Canbo (format {found}; this one reads up to {VERSION})"
            ),
            PackageError::WrongPassphrase => f.write_str("wrong passphrase: it does not open this package"),
            PackageError::EmptyPassphrase => f.write_str("a passphrase is needed"),
            PackageError::Damaged(why) => write!(f, "the package is damaged, incomplete or was changed ({why})"),
            PackageError::Invalid(why) => write!(f, "the package holds invalid data ({why})"),
        }
    }
}

impl std::error::Error for PackageError {}

impl From<CryptoError> for PackageError {
    fn from(e: CryptoError) -> PackageError {
        match e {
            CryptoError::WrongPassphrase => PackageError::WrongPassphrase,
            CryptoError::EmptyPassphrase => PackageError::EmptyPassphrase,
            CryptoError::Truncated => PackageError::Damaged("cut short".into()),
            CryptoError::Tampered => PackageError::Damaged("authentication failed".into()),
        }
    }
}

/// Whether `bytes` start like a package (to route a dropped file or a CLI input).
pub fn is_package(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// Seal `content` with `passphrase`. `random` must come from a secure source.
pub fn pack(
    content: &PackageContent,
    passphrase: &str,
    random: &[u8; RANDOM_BYTES],
) -> Result<Vec<u8>, PackageError> {
    let json = serde_json::to_vec(content).map_err(|e| PackageError::Invalid(e.to_string()))?;
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 6);
    let mut out = Vec::with_capacity(HEADER + deflated.len() + crypto::OVERHEAD);
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    let sealed = crypto::seal(passphrase, random, &out, &deflated)?;
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Open a package. Nothing is returned unless all of it is authentic and valid.
pub fn unpack(bytes: &[u8], passphrase: &str) -> Result<PackageContent, PackageError> {
    let Some(version) = bytes.get(MAGIC.len()) else {
        // A file shorter than the header: a package cut inside it, or something else.
        return Err(if !bytes.is_empty() && MAGIC.starts_with(bytes) {
            PackageError::Damaged("cut short".into())
        } else {
            PackageError::NotAPackage
        });
    };
    if !is_package(bytes) {
        return Err(PackageError::NotAPackage);
    }
    match *version {
        0 => return Err(PackageError::Damaged("format 0".into())),
        v if v > VERSION => return Err(PackageError::NewerVersion { found: v }),
        _ => {}
    }
    let (header, sealed) = bytes.split_at(HEADER);
    let deflated = crypto::open(passphrase, header, sealed)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED)
        .map_err(|e| PackageError::Damaged(format!("inflate: {:?}", e.status)))?;
    let content: PackageContent =
        serde_json::from_slice(&json).map_err(|e| PackageError::Damaged(e.to_string()))?;
    for set in &content.rule_sets {
        set.validate()
            .map_err(|p| PackageError::Invalid(format!("rule set '{}': {p}", set.id)))?;
    }
    Ok(content)
}
