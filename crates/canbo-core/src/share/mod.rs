//! Report links and roster packages: figures that travel without a server.
//!
//! A **link** carries the report on screen in its fragment (`#r1.…`, which browsers never
//! send to a server): the report date, the age bands, the filter, every figure of
//! `canbo.report/1` at the top level and per unit, and the *counts* of the standards and
//! the retirement forecast. No name, birth date or other person-level data is ever in it:
//! warnings and sources (which name files and cells) travel as two counts, and the standards'
//! and forecast's lists of people as their lengths. [`Shared`] is that content.
//!
//! Why a binary form rather than JSON: a district of 14 communes must fit under 2,000
//! characters to survive chat apps. The payload is varints in a fixed order ([`codec`]),
//! codes by their index in their enum's order, unit names once each as UTF-8; then zlib
//! (deflate plus an Adler-32, so a damaged link is caught before it is read) and base64url
//! without padding. The version is in the prefix (`r1.`), so a newer app can change
//! everything behind it and an older one says "newer version" instead of "damaged".
//!
//! Decoding trusts nothing: the text, the inflated size, every count of units, codes, bands
//! and names is bounded, and the figures are checked to add up (every breakdown to its
//! group's people, the units to the total) before a [`Shared`] is returned. A link that
//! fails any check is a [`LinkError`]; it never panics and never yields half a report.
//!
//! [`Shared::hide_small`] hides counts below a threshold in the units' figures (small counts
//! in a small commune identify people), [`combine`] sums several links into one report whose
//! units are the links, [`lock`] / [`unlock`] seal a link with a passphrase ([`crypto`]), and
//! [`package`] seals a whole roster into a `.canbo` file with the same scheme.

mod codec;
mod combine;
pub mod crypto;
mod hide;
pub mod package;
mod qr;
mod validate;
pub(crate) mod wire;

pub use combine::{combine, CombineError, Part};
pub use crypto::{CryptoError, RANDOM_BYTES};
pub use hide::{Hidden, Shown, HIDE_MAX, HIDE_MIN};
pub use package::{PackageContent, PackageError};
pub use qr::{qr_svg, QrError};

use crate::codes::Category;
use crate::date::Date;
use crate::report::{AgeBands, Filter, Report, ReportOptions};
use crate::retirement::{Forecast, TitleTimeline, UnitTimeline, YearCount};
use crate::standards::{NeedCount, RuleSetRef, Standards, Tally, UnitTally};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// The prefix of a plain link of this version.
pub const PREFIX: &str = "r1.";
/// The prefix of a link locked with a passphrase.
pub const LOCKED_PREFIX: &str = "r1e.";
/// Past this many characters a link may be cut by chat apps: the page warns and offers the
/// roster package instead.
pub const LINK_WARN_CHARS: usize = 2_000;

/// Bounds of what a link may hold; past them it is refused as damaged.
pub mod limits {
    /// Characters of the link (Chromium's longest URL is about 2 MB).
    pub const LINK_CHARS: usize = 2_000_000;
    /// Bytes of the inflated payload.
    pub const INFLATED: usize = 16 << 20;
    /// Units of a report (Viet Nam has some 10,600 communes).
    pub const UNITS: usize = 20_000;
    /// Any one figure (a roster counts each person once).
    pub const PEOPLE: u32 = 10_000_000;
    /// Bytes of a unit name, a title, a filter value, a rule set's id or name.
    pub const TEXT: usize = 1_000;
    /// Values of one filter condition.
    pub const FILTER_VALUES: usize = 10_000;
    /// Years of a retirement forecast.
    pub const YEARS: usize = 100;
    /// Rows of the forecast by title, of the training needs.
    pub const ROWS: usize = 1_000;
}

/// What a link carries: the report as it was on screen, without a single person in it.
///
/// `report.sources` and `report.warnings` are empty (they name files and cells); their
/// numbers are `source_count` and `warning_count`. When counts were hidden
/// ([`Shared::hide_small`]), each hidden figure is 0 in `report` (or the standards, the
/// forecast) and its path is in `hidden`: show [`Hidden::shown`] rather than the number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shared {
    #[serde(flatten)]
    pub report: Report,
    /// What the report is of ("Huyện Mẫu Sơn"): names it when it becomes a unit of a
    /// combined report.
    pub title: Option<String>,
    pub age_bands: AgeBands,
    pub filter: Filter,
    pub source_count: u32,
    pub warning_count: u32,
    pub standards: Option<StandardsCounts>,
    pub retirement: Option<RetirementCounts>,
    pub hidden: Hidden,
}

/// The figures of `canbo.standards/1` without its lists of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StandardsCounts {
    pub rule_set: RuleSetRef,
    pub by_category: BTreeMap<Category, Tally>,
    pub by_unit: Vec<UnitTally>,
    pub total: Tally,
    /// The lengths of the lists of people below standard, in grace, not judged.
    pub people_below: u32,
    pub people_in_grace: u32,
    pub people_unknown: u32,
    pub training_needs: Vec<NeedCount>,
}

impl From<&Standards> for StandardsCounts {
    fn from(s: &Standards) -> StandardsCounts {
        StandardsCounts {
            rule_set: s.rule_set.clone(),
            by_category: s.by_category.clone(),
            by_unit: s.by_unit.clone(),
            total: s.total,
            people_below: count(s.people_below.len()),
            people_in_grace: count(s.people_in_grace.len()),
            people_unknown: count(s.people_unknown.len()),
            training_needs: s.training_needs.clone(),
        }
    }
}

/// The figures of `canbo.retirement/1` without its lists of people (and without the
/// vacancies, which name a post in a unit: a person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetirementCounts {
    pub as_of: Date,
    pub until: Date,
    pub years: Vec<YearCount>,
    pub overdue: u32,
    /// People who retire by `until` or are overdue (`overdue` plus the years).
    pub retiring: u32,
    pub by_unit: Vec<UnitTimeline>,
    pub by_title: Vec<TitleTimeline>,
    pub unknown_gender: u32,
    pub unknown_birth: u32,
}

impl From<&Forecast> for RetirementCounts {
    fn from(f: &Forecast) -> RetirementCounts {
        RetirementCounts {
            as_of: f.as_of,
            until: f.until,
            years: f.years.clone(),
            overdue: f.overdue,
            retiring: count(f.people.len()),
            by_unit: f.by_unit.clone(),
            by_title: f.by_title.clone(),
            unknown_gender: count(f.unknown_gender.len()),
            unknown_birth: count(f.unknown_birth.len()),
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Shared {
    /// The content of a link for what is on screen: the report computed with `options`, and
    /// the standards and the forecast when the page (or the CLI) has them.
    pub fn new(
        report: &Report,
        options: &ReportOptions,
        standards: Option<&Standards>,
        forecast: Option<&Forecast>,
    ) -> Shared {
        Shared {
            report: Report {
                as_of: options.as_of,
                sources: Vec::new(),
                warnings: Vec::new().into(),
                ..report.clone()
            },
            title: None,
            age_bands: options.bands.clone(),
            filter: options.filter.clone(),
            source_count: count(report.sources.len()),
            warning_count: count(report.warnings.len()),
            standards: standards.map(StandardsCounts::from),
            retirement: forecast.map(RetirementCounts::from),
            hidden: Hidden::default(),
        }
    }

    /// The options the report was computed with.
    pub fn options(&self) -> ReportOptions {
        ReportOptions {
            as_of: self.report.as_of,
            bands: self.age_bands.clone(),
            filter: self.filter.clone(),
        }
    }

    /// The link text as the user chose it: named by `choice.title` (when not blank), each
    /// unit's count below `choice.hide_below` hidden ([`Shared::hide_small`]), and locked
    /// with `choice.passphrase` (salted and nonced with `random`) or plain when it is
    /// empty. `canbo share` makes its links here; the page makes the [`Shared::chosen`]
    /// [`Shared::payload`] on its thread and the download worker [`link_of_payload`].
    pub fn link(
        self,
        choice: &LinkChoice,
        random: &[u8; RANDOM_BYTES],
    ) -> Result<String, LinkError> {
        let payload = self.chosen(choice)?.payload()?;
        link_of_payload(&payload, &choice.passphrase, random)
    }

    /// The content as the user chose it: named by `choice.title` (when not blank), each
    /// unit's count below `choice.hide_below` hidden. The passphrase is not used here.
    pub fn chosen(mut self, choice: &LinkChoice) -> Result<Shared, LinkError> {
        let title = choice.title.trim();
        if !title.is_empty() {
            self.title = Some(title.to_string());
        }
        if let Some(below) = choice.hide_below {
            self.hide_small(below)?;
        }
        Ok(self)
    }

    /// The bytes a link compresses ([`codec`]): compact (a varint per figure, no names of
    /// fields), so they are what crosses to another thread to be made a link there.
    pub fn payload(&self) -> Result<Vec<u8>, LinkError> {
        codec::encode(self)
    }

    /// The link text, `r1.…` (the page puts it after `#`).
    pub fn encode(&self) -> Result<String, LinkError> {
        Ok(plain_link(&self.payload()?))
    }

    /// The link locked with a passphrase, `r1e.…`. `random` must come from a secure source
    /// (the browser's `getRandomValues`, the OS): the core has none of its own.
    pub fn encode_locked(
        &self,
        passphrase: &str,
        random: &[u8; RANDOM_BYTES],
    ) -> Result<String, LinkError> {
        locked_link(&self.payload()?, passphrase, random)
    }
}

/// The link text of a [`Shared::payload`]: compressed (zlib at its best, as a link must be
/// short) and base64url, `r1.…`; sealed with `passphrase` first, `r1e.…`, unless it is empty.
/// This is the slow part of making a link (the compression, and a lock's Argon2id).
pub fn link_of_payload(
    payload: &[u8],
    passphrase: &str,
    random: &[u8; RANDOM_BYTES],
) -> Result<String, LinkError> {
    if passphrase.is_empty() {
        Ok(plain_link(payload))
    } else {
        locked_link(payload, passphrase, random)
    }
}

/// A payload's zlib at its best (a link must be short).
fn compressed(payload: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(payload, 10)
}

/// `r1.…`: the payload compressed, base64url.
fn plain_link(payload: &[u8]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed(payload)))
}

/// `r1e.…`: the payload compressed and sealed (an empty passphrase is refused).
fn locked_link(
    payload: &[u8],
    passphrase: &str,
    random: &[u8; RANDOM_BYTES],
) -> Result<String, LinkError> {
    let sealed = crypto::seal(
        passphrase,
        random,
        LOCKED_PREFIX.as_bytes(),
        &compressed(payload),
    )
    .map_err(LinkError::from)?;
    Ok(format!("{LOCKED_PREFIX}{}", URL_SAFE_NO_PAD.encode(sealed)))
}

/// How the user wants a link made of a [`Shared`] ([`Shared::link`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkChoice {
    /// What the report is of ("Xã Na Sơn"); blank leaves the report's own title.
    pub title: String,
    /// Hide every unit's count below this ([`HIDE_MIN`]..=[`HIDE_MAX`]); `None` hides none.
    pub hide_below: Option<u32>,
    /// Lock the link with this; empty makes a plain link.
    pub passphrase: String,
}

/// What kind of link a text holds, read from its prefix alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Plain,
    /// Needs a passphrase: [`decode_locked`].
    Locked,
}

/// Read a link: `r1.…`, `#r1.…` or a whole URL ending in that fragment, as pasted (spaces
/// and line breaks a chat app put inside are ignored).
pub fn decode(text: &str) -> Result<Shared, LinkError> {
    let (kind, body) = split(text)?;
    match kind {
        LinkKind::Locked => Err(LinkError::Locked),
        LinkKind::Plain => {
            let packed = base64(&body)?;
            read_packed(&packed)
        }
    }
}

/// Read a link locked with a passphrase (a plain link is read as [`decode`] would).
pub fn decode_locked(text: &str, passphrase: &str) -> Result<Shared, LinkError> {
    let (kind, body) = split(text)?;
    let bytes = base64(&body)?;
    match kind {
        LinkKind::Plain => read_packed(&bytes),
        LinkKind::Locked => {
            let packed = crypto::open(passphrase, LOCKED_PREFIX.as_bytes(), &bytes)?;
            read_packed(&packed)
        }
    }
}

/// Whether a text is a plain or a locked link (or no link of this app at all).
pub fn kind(text: &str) -> Result<LinkKind, LinkError> {
    split(text).map(|(kind, _)| kind)
}

/// The kind and the base64 body of a link; a newer version is told apart from a foreign or
/// damaged text.
fn split(text: &str) -> Result<(LinkKind, String), LinkError> {
    if text.len() > limits::LINK_CHARS {
        return Err(LinkError::TooLong {
            chars: text.chars().count(),
        });
    }
    let text = text.trim();
    let fragment = match text.rfind('#') {
        Some(at) => &text[at + 1..],
        None => text,
    };
    let fragment: String = fragment.chars().filter(|c| !c.is_whitespace()).collect();
    let (head, body) = fragment.split_once('.').ok_or(LinkError::NotALink)?;
    let rest = head.strip_prefix('r').ok_or(LinkError::NotALink)?;
    let (digits, locked) = match rest.strip_suffix('e') {
        Some(d) => (d, true),
        None => (rest, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LinkError::NotALink);
    }
    let version: u32 = digits.parse().unwrap_or(u32::MAX);
    if version > 1 {
        return Err(LinkError::NewerVersion { found: version });
    }
    if version < 1 {
        return Err(LinkError::NotALink);
    }
    let kind = if locked {
        LinkKind::Locked
    } else {
        LinkKind::Plain
    };
    Ok((kind, body.to_string()))
}

fn base64(body: &str) -> Result<Vec<u8>, LinkError> {
    URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| LinkError::Damaged(Damage::Encoding))
}

fn read_packed(packed: &[u8]) -> Result<Shared, LinkError> {
    let payload = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, limits::INFLATED)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Damage::TooLarge,
            _ => Damage::Compression,
        })?;
    let shared = codec::decode(&payload)?;
    validate::check(&shared)?;
    Ok(shared)
}

/// Lock an existing plain link with a passphrase.
pub fn lock(
    link: &str,
    passphrase: &str,
    random: &[u8; RANDOM_BYTES],
) -> Result<String, LinkError> {
    decode(link)?.encode_locked(passphrase, random)
}

/// Unlock a locked link: the plain link of the same report.
pub fn unlock(link: &str, passphrase: &str) -> Result<String, LinkError> {
    decode_locked(link, passphrase)?.encode()
}

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The text holds no link of this app.
    NotALink,
    /// Made by a newer version of Canbo.
    NewerVersion { found: u32 },
    /// Damaged, cut short, edited or crafted: see [`Damage`] for where it failed.
    Damaged(Damage),
    /// Longer than any link can be.
    TooLong { chars: usize },
    /// Locked with a passphrase: ask for it and call [`decode_locked`].
    Locked,
    /// The passphrase does not open this link.
    WrongPassphrase,
    /// An empty passphrase cannot lock anything.
    EmptyPassphrase,
    /// The report is larger than a link may hold (more units than [`limits::UNITS`]…).
    TooLarge,
    /// A threshold outside [`HIDE_MIN`]..=[`HIDE_MAX`].
    BadThreshold { below: u32 },
}

/// Where a damaged link failed, for a developer; the user is told the same for all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// Not base64url.
    Encoding,
    /// Not zlib, or its checksum does not match.
    Compression,
    /// Inflates past [`limits::INFLATED`].
    TooLarge,
    /// Ends in the middle of a value.
    Truncated,
    /// A varint longer than its value needs, or past 64 bits.
    Number,
    /// A value past its bound: what it was.
    OutOfRange(&'static str),
    /// Text that is not UTF-8.
    Text,
    /// Bytes after the last value.
    Trailing,
    /// Figures that do not add up: which.
    Inconsistent(String),
    /// A locked link whose sealed bytes were changed (the passphrase was right).
    Sealed,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Encoding => f.write_str("not base64url"),
            Damage::Compression => f.write_str("compressed data damaged"),
            Damage::TooLarge => f.write_str("too large once inflated"),
            Damage::Truncated => f.write_str("cut short"),
            Damage::Number => f.write_str("malformed number"),
            Damage::OutOfRange(what) => write!(f, "{what} out of range"),
            Damage::Text => f.write_str("text is not UTF-8"),
            Damage::Trailing => f.write_str("unexpected bytes at the end"),
            Damage::Inconsistent(what) => write!(f, "figures do not add up ({what})"),
            Damage::Sealed => f.write_str("the locked content was changed"),
        }
    }
}

impl LinkError {
    /// The message for the page in `lang`: what to do, without the technical detail
    /// `Display` gives the command line.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => match self {
                LinkError::NotALink | LinkError::Damaged(_) | LinkError::TooLong { .. } => {
                    "The link is damaged or incomplete: copy the whole link from its sender again."
                        .into()
                }
                LinkError::NewerVersion { .. } => {
                    "The link was made by a newer version of Canbo: reload the page to get it."
                        .into()
                }
                LinkError::Locked => {
                    "The link is locked: enter the passphrase its sender gave you.".into()
                }
                LinkError::WrongPassphrase => {
                    "Wrong passphrase: it does not open this link.".into()
                }
                LinkError::EmptyPassphrase => "Enter the passphrase.".into(),
                LinkError::TooLarge => {
                    "The report is too large for a link: send a data package (.canbo).".into()
                }
                LinkError::BadThreshold { below } => format!(
                    "The threshold for hiding small counts must be {HIDE_MIN} to {HIDE_MAX}, not {below}."
                ),
            },
        }
    }

    /// The message for the page, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            LinkError::NotALink | LinkError::Damaged(_) => "Liên kết bị hỏng hoặc không đầy đủ: hãy sao chép lại toàn bộ liên kết từ người gửi.".into(),
            LinkError::TooLong { .. } => "Liên kết bị hỏng hoặc không đầy đủ: liên kết dài quá mức một báo cáo có thể có.".into(),
            LinkError::NewerVersion { .. } => "Liên kết do một phiên bản Canbo mới hơn tạo: hãy tải lại trang để dùng phiên bản mới.".into(),
            LinkError::Locked => "Liên kết có mật khẩu: hãy nhập mật khẩu người gửi đã cho.".into(),
            LinkError::WrongPassphrase => "Sai mật khẩu: liên kết không mở được bằng mật khẩu này.".into(),
            LinkError::EmptyPassphrase => "Hãy nhập mật khẩu.".into(),
            LinkError::TooLarge => "Báo cáo quá lớn để đưa vào liên kết: hãy dùng gói dữ liệu (.canbo).".into(),
            LinkError::BadThreshold { below } => format!("Ngưỡng ẩn số nhỏ phải từ {HIDE_MIN} đến {HIDE_MAX} (không phải {below})."),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => f.write_str("the link is damaged or incomplete: no Canbo report link found; copy the whole link again from its sender"),
            LinkError::Damaged(d) => write!(f, "the link is damaged or incomplete ({d}); copy the whole link again from its sender"),
            LinkError::TooLong { chars } => write!(f, "the link is damaged or incomplete: {chars} characters is longer than any report link"),
            LinkError::NewerVersion { found } => write!(f, "the link was made by a newer version of Canbo (link format {found}; this one reads 1): reload the page"),
            LinkError::Locked => f.write_str("the link is locked with a passphrase"),
            LinkError::WrongPassphrase => f.write_str("wrong passphrase: it does not open this link"),
            LinkError::EmptyPassphrase => f.write_str("a passphrase is needed"),
            LinkError::TooLarge => f.write_str("the report is too large for a link: use a roster package (.canbo)"),
            LinkError::BadThreshold { below } => write!(f, "the threshold for hiding small counts must be {HIDE_MIN} to {HIDE_MAX}, not {below}"),
        }
    }
}

impl std::error::Error for LinkError {}

impl From<Damage> for LinkError {
    fn from(d: Damage) -> LinkError {
        LinkError::Damaged(d)
    }
}

impl From<CryptoError> for LinkError {
    fn from(e: CryptoError) -> LinkError {
        match e {
            CryptoError::WrongPassphrase => LinkError::WrongPassphrase,
            CryptoError::EmptyPassphrase => LinkError::EmptyPassphrase,
            CryptoError::Truncated => LinkError::Damaged(Damage::Truncated),
            CryptoError::Tampered => LinkError::Damaged(Damage::Sealed),
        }
    }
}

#[cfg(test)]
mod tests;
