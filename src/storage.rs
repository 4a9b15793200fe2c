//! What survives a reload, kept in the browser's local storage in the core's versioned
//! envelope (`canbo_core::store`), in two *slots* (`slot::Slot`: a pointer key naming the
//! revision that counts, and one key per revision):
//!
//! - [`STATE`] (`canbo.state.ptr` → `canbo.state.<rev>`, envelope `canbo.state` version 2):
//!   the user's corrections, settings, snapshots and rule sets — small, written on every
//!   change;
//! - [`ROSTER`] (`canbo.roster.ptr` → `canbo.roster.<rev>`, envelope `canbo.roster`
//!   version 2, `canbo_core::store::columnar`: columns of small integers, 15 bits a
//!   character; version 1, row-wise JSON in base64, is still read): the roster, written when
//!   an import (or a taught spelling, or a package) replaces it. The import worker packs it
//!   (deflating a large roster takes seconds), so the page only hands the finished text to
//!   local storage.
//!
//! A write never replaces a value in place: the new value goes under a fresh key, is read
//! back, and only then does the pointer move (see `slot`). A full store, a crash or a closed
//! tab at any step leaves the old value or the new one, never neither.
//!
//! Older layouts are read and written again in the new one, then removed: `canbo.state`
//! (versions 1 and 2 of the envelope; version 1 kept the roster inside), `canbo.roster`
//! (the roster's envelope before slots) and `canbo.roster.v1` (the first release's bare
//! roster JSON).
//!
//! Faults, and what the user is told (Vietnamese, or English when the page is in English):
//! storage disabled or throwing — the page works and says nothing will be kept; a value
//! damaged or half written — the last readable revision is used, and the user is told; a
//! value of a newer Canbo — it is left untouched, nothing of that part is written until the
//! user deletes everything, and the user is told; storage full — the write is refused, the
//! previous value stays, and the user is told. Two tabs: every value carries its revision; a
//! tab whose revision is behind the pointer merges (settings) or reloads (roster) instead
//! of overwriting, and the `storage` event brings each write to the other tabs
//! (`crate::state`). Details: docs/RELIABILITY.md, "Storage".

mod slot;

use std::collections::BTreeMap;

use canbo_core::import::Overrides;
use canbo_core::roster::Roster;
use canbo_core::standards::RuleSet;
use canbo_core::store::columnar::{Inflating, Opened};
use canbo_core::store::{self, StoreError};
use canbo_core::Text;
use serde::{Deserialize, Serialize};

use slot::{Backend, Fault, Read, Slot, Trouble, WriteError};

/// The user's settings, snapshots…: its slot, and its envelope's kind and version.
pub const STATE: Slot = Slot::new("canbo.state");
pub const KIND: &str = "canbo.state";
pub const VERSION: u32 = 2;
/// The roster's slot (its envelope: `canbo_core::store::columnar`).
pub const ROSTER: Slot = Slot::new("canbo.roster");
/// Where the releases before slots kept the state (envelope versions 1 and 2).
pub const LEGACY_STATE_KEY: &str = "canbo.state";
/// Where the releases before slots kept the roster's envelope.
pub const LEGACY_ROSTER_KEY: &str = "canbo.roster";
/// Where the first release (version 0) kept the bare roster as JSON.
pub const V0_ROSTER_KEY: &str = "canbo.roster.v1";

const STATE_LEGACY: &[&str] = &[LEGACY_STATE_KEY];
const ROSTER_LEGACY: &[&str] = &[LEGACY_ROSTER_KEY, V0_ROSTER_KEY];

/// Everything the page keeps between visits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Stored in the [`ROSTER`] slot; inside the state only in version 1, read to migrate.
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

/// A report kept under a name: the core's type, since roster packages carry snapshots too.
pub use canbo_core::report::Snapshot;

/// Why saving failed. The value stored before is always still there.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Local storage is full (`QuotaExceededError`).
    Full,
    /// The roster alone is larger than local storage holds (`people`, packed `chars`).
    RosterTooLarge { people: usize, chars: usize },
    /// Local storage refused for another reason (private mode, disabled…).
    Refused(String),
    /// Another tab saved revision `head` since this tab read: reload, merge, save again.
    Stale { head: u64 },
    /// What is stored was saved by a newer Canbo, which this one never overwrites.
    Locked,
}

impl SaveError {
    /// What the user reads, in both languages.
    pub fn message(&self) -> Text {
        match self {
            SaveError::Full => Text::new(
                "Bộ nhớ của trình duyệt đã đầy: dữ liệu mới nhất CHƯA được lưu (bản lưu trước đó vẫn còn) và sẽ mất khi đóng trang. Hãy xóa bớt bản lưu số liệu hoặc dùng tệp nhỏ hơn.",
                "The browser's storage is full: the latest data is NOT saved (the previous save is still there) and will be lost when the page closes. Delete some saved figures or use a smaller file.",
            ),
            SaveError::RosterTooLarge { people, chars } => {
                // Millions of characters with one decimal, as each language writes it.
                let tenths = (*chars as u64).saturating_add(50_000) / 100_000;
                let millions = |lang| canbo_core::lang::tenths(tenths, lang, false);
                Text::new(
                    format!(
                        "Danh sách {} người quá lớn để trình duyệt lưu lại (cần khoảng {} triệu ký tự, trình duyệt chỉ cho khoảng 5 triệu): số liệu vẫn dùng được cho đến khi đóng trang, lần sau hãy nhập lại tệp. Danh sách đã lưu trước đó (nếu có) được giữ nguyên.",
                        crate::format::count(*people as u32),
                        millions(canbo_core::Lang::Vi)
                    ),
                    format!(
                        "The roster of {} people is too large for the browser to keep (about {} million characters; the browser allows about 5 million): the figures work until the page closes; next time, import the file again. The roster saved before (if any) is kept.",
                        canbo_core::export::text::number(*people as u32, canbo_core::Lang::En),
                        millions(canbo_core::Lang::En),
                    ),
                )
            }
            SaveError::Refused(why) => Text::new(
                format!("Trình duyệt không cho lưu dữ liệu ({why}): dữ liệu sẽ mất khi đóng trang."),
                format!("The browser refuses to store data ({why}): it will be lost when the page closes."),
            ),
            SaveError::Stale { .. } => Text::new(
                "Một thẻ khác vừa lưu dữ liệu mới hơn: hãy thử lại.",
                "Another tab has just saved newer data: try again.",
            ),
            SaveError::Locked => Text::new(
                "Dữ liệu đã lưu do một phiên bản Canbo mới hơn ghi: để không ghi đè lên nó, thay đổi này CHƯA được lưu. Hãy tải lại trang để dùng phiên bản mới, hoặc «Xóa toàn bộ dữ liệu» để bắt đầu lại.",
                "The saved data was written by a newer Canbo: so as not to overwrite it, this change is NOT saved. Reload the page to get the new version, or «Delete all data» to start again.",
            ),
        }
    }
}

impl From<WriteError> for SaveError {
    fn from(error: WriteError) -> SaveError {
        match error {
            WriteError::Fault(Fault::Full) => SaveError::Full,
            WriteError::Fault(Fault::Refused(why)) => SaveError::Refused(why),
            WriteError::Stale { head } => SaveError::Stale { head },
            WriteError::Locked => SaveError::Locked,
        }
    }
}

/// Version `version`'s JSON of the state → version `version + 1`'s.
pub fn migrate(version: u32, value: serde_json::Value) -> Result<serde_json::Value, String> {
    match version {
        // The bare roster.
        0 => Ok(serde_json::json!({ "roster": value })),
        // The same fields; [`load`] moves the roster to its own slot.
        1 => Ok(value),
        other => Err(format!("no migration from version {other}")),
    }
}

/// The roster as the [`ROSTER`] slot keeps it. Pure: the import worker calls it.
pub fn pack_roster(roster: &Roster) -> Result<String, StoreError> {
    store::columnar::pack(roster)
}

/// [`pack_roster`] of a roster already encoded in columns (`store::columnar::encode`: the
/// import worker sends the page those bytes first).
pub fn seal_roster(encoded: &[u8]) -> String {
    store::columnar::seal(encoded)
}

/// What this tab knows of one slot: the revision it read or wrote last, and whether the
/// slot holds a newer Canbo's data (then it is never written).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Kept {
    pub rev: u64,
    pub locked: bool,
}

/// One slot read: its value, what this tab now knows of it, and what to tell the user.
#[derive(Debug)]
pub struct Part<T> {
    pub value: Option<T>,
    pub kept: Kept,
    pub notice: Option<Text>,
    /// The value came from an older layout's key (it is written again in the new one).
    legacy: bool,
}

/// What the last visit saved, read at start-up.
#[derive(Debug)]
pub struct Loaded {
    /// The state, with the roster.
    pub saved: Saved,
    pub state: Kept,
    pub roster: Kept,
    /// What went wrong while reading or moving the data, for the user; `None` when all was
    /// read cleanly.
    pub notice: Option<Text>,
    /// The stored roster, still deflated, when [`load_at_start`] left it for the page to
    /// inflate and read a slice at a time; `saved.roster` is `None` then.
    pub columns: Option<Inflating>,
}

/// Reads what the last visit saved, the roster whole; data in an older layout is written
/// again in the new one. The page starts with [`load_at_start`]; the tests read what is
/// stored with this.
#[cfg(test)]
pub fn load() -> Loaded {
    load_with(false)
}

/// [`load`] at the page's start: the roster slot is only opened (its envelope checked, its
/// text turned back into bytes: [`Loaded::columns`]), and the page inflates and reads it a
/// slice at a time while it draws (250,000 people read at once held the page for about a
/// second). A value found damaged only then (zlib's checksum fails at the end of the
/// inflating) is why the page then reads the slot again with [`load_roster`], which falls
/// back to an older revision as [`load`] does.
pub fn load_at_start() -> Loaded {
    load_with(true)
}

fn load_with(columns_later: bool) -> Loaded {
    match browser() {
        Ok(storage) => load_from(&storage, columns_later),
        Err(fault) => Loaded {
            saved: Saved::default(),
            state: Kept::default(),
            roster: Kept::default(),
            notice: Some(unavailable(&fault)),
            columns: None,
        },
    }
}

fn load_from(backend: &dyn Backend, columns_later: bool) -> Loaded {
    let state = read_state(backend);
    let roster = if columns_later {
        read_roster_as(backend, Opened::Roster, store::columnar::open)
    } else {
        read_roster_as(backend, Opened::Roster, |text| {
            store::columnar::unpack(text).map(Opened::Roster)
        })
    };
    let mut notices: Vec<Text> = state.notice.iter().chain(&roster.notice).cloned().collect();
    let mut saved = state.value.unwrap_or_default();
    let (mut state_kept, mut roster_kept) = (state.kept, roster.kept);
    // Version 1 kept the roster inside the state: it counts when the roster slot has none.
    let inner = saved.roster.take();
    let inner_used = inner.is_some() && roster.value.is_none() && !roster_kept.locked;
    // Columns are left to the page, except from an older layout's key, whose roster is
    // written again in the new layout below.
    let mut columns = None;
    let slot_roster = match roster.value {
        Some(Opened::Deflated(inflating)) if !roster.legacy => {
            columns = Some(inflating);
            None
        }
        Some(opened) => match opened.into_roster() {
            Ok(roster) => Some(roster),
            Err(error) => {
                notices.push(unreadable_roster(&error));
                None
            }
        },
        None => None,
    };
    saved.roster = slot_roster.or(if inner_used { inner } else { None });

    // Data read from an older layout is written in the new one; the old keys go once the
    // new ones count. The roster first: when it lived inside the old state, that state is
    // removed only after the roster is safe in its own slot.
    let mut roster_safe = true;
    if roster.legacy || inner_used {
        if let Some(roster) = &saved.roster {
            let written = pack_roster(roster)
                .map_err(|e| SaveError::Refused(e.to_string()))
                .and_then(|text| {
                    Ok(ROSTER.write(backend, &text, Some(roster_kept.rev), ROSTER_LEGACY)?)
                });
            match written {
                Ok(rev) => roster_kept.rev = rev,
                Err(error) => {
                    roster_safe = false;
                    notices.push(error.message());
                }
            }
        }
    }
    if state.legacy && roster_safe {
        match write_state(backend, &saved, state_kept.rev) {
            Ok(rev) => state_kept.rev = rev,
            Err(error) => notices.push(error.message()),
        }
    }
    Loaded {
        saved,
        state: state_kept,
        roster: roster_kept,
        notice: join(notices),
        columns,
    }
}

/// Reads the state slot alone (another tab changed it), without the roster.
pub fn load_state() -> Part<Saved> {
    match browser() {
        Ok(storage) => {
            let mut part = read_state(&storage);
            if let Some(saved) = &mut part.value {
                saved.roster = None;
            }
            part
        }
        Err(fault) => unavailable_part(&fault),
    }
}

/// Reads the roster slot alone (another tab changed it).
pub fn load_roster() -> Part<Roster> {
    match browser() {
        Ok(storage) => read_roster(&storage),
        Err(fault) => unavailable_part(&fault),
    }
}

fn unavailable_part<T>(fault: &Fault) -> Part<T> {
    Part {
        value: None,
        kept: Kept::default(),
        notice: Some(unavailable(fault)),
        legacy: false,
    }
}

fn read_state(backend: &dyn Backend) -> Part<Saved> {
    let read = STATE.read(backend, STATE_LEGACY, |_, text| {
        store::unpack::<Saved>(text, KIND, VERSION, migrate)
    });
    part(read, &STATE_NAME)
}

fn read_roster(backend: &dyn Backend) -> Part<Roster> {
    read_roster_as(backend, |roster| roster, store::columnar::unpack)
}

/// The roster slot read as `T`: the first release's bare JSON through `from_json`, anything
/// since through `columnar` (`store::columnar::unpack` to read it whole, `open` to leave the
/// inflating and decoding to the page).
fn read_roster_as<T>(
    backend: &dyn Backend,
    from_json: impl Fn(Roster) -> T,
    columnar: impl Fn(&str) -> Result<T, StoreError>,
) -> Part<T> {
    let read = ROSTER.read(backend, ROSTER_LEGACY, |key, text| {
        if key == V0_ROSTER_KEY {
            serde_json::from_str(text)
                .map(&from_json)
                .map_err(|e| StoreError::Damaged(e.to_string()))
        } else {
            columnar(text)
        }
    });
    part(read, &ROSTER_NAME)
}

/// What the user is told when an older layout's roster cannot be read.
fn unreadable_roster(error: &StoreError) -> Text {
    trouble_text(Trouble::Unreadable(error.to_string()), &ROSTER_NAME)
}

/// How the user calls what a slot holds, in both languages.
struct PartName {
    vi: &'static str,
    en: &'static str,
}

const STATE_NAME: PartName = PartName {
    vi: "các chỉnh sửa, cài đặt và bản lưu số liệu",
    en: "the corrections, settings and saved figures",
};
const ROSTER_NAME: PartName = PartName {
    vi: "danh sách cán bộ",
    en: "the staff roster",
};

fn part<T>(read: Read<T>, name: &PartName) -> Part<T> {
    Part {
        value: read.value,
        kept: Kept {
            rev: read.rev,
            locked: read.locked,
        },
        notice: read.trouble.map(|trouble| trouble_text(trouble, name)),
        legacy: read.legacy,
    }
}

/// Why a slot was not read cleanly, in the user's words.
fn trouble_text(trouble: Trouble, name: &PartName) -> Text {
    match trouble {
        Trouble::Unavailable(why) => unavailable(&Fault::Refused(why)),
        Trouble::Newer => Text::new(
            format!("Phần {} đã lưu do một phiên bản Canbo mới hơn ghi: phiên bản này không đọc được nên để nguyên, không ghi đè lên. Hãy tải lại trang để dùng phiên bản mới.", name.vi),
            format!("The saved {} was written by a newer Canbo: this version cannot read it, so it is left as it is and never overwritten. Reload the page to get the new version.", name.en.trim_start_matches("the ")),
        ),
        Trouble::FellBack => Text::new(
            format!("Bản lưu mới nhất của {} bị hỏng hoặc chưa ghi xong (có thể trình duyệt đã tắt giữa chừng): đã dùng bản lưu ngay trước đó.", name.vi),
            format!("The latest save of {} is damaged or was not finished (the browser may have closed half way): the save before it is used.", name.en),
        ),
        Trouble::Unreadable(why) => Text::new(
            format!("Không đọc lại được {} đã lưu (dữ liệu hỏng: {why}): đã bỏ qua; nếu cần, hãy nhập lại tệp.", name.vi),
            format!("The saved {} could not be read back (damaged: {why}): it is left out; import the file again if needed.", name.en.trim_start_matches("the ")),
        ),
    }
}

fn unavailable(fault: &Fault) -> Text {
    let why = match fault {
        Fault::Full => "QuotaExceededError".to_string(),
        Fault::Refused(why) => why.clone(),
    };
    Text::new(
        format!("Trình duyệt không cho Canbo dùng bộ nhớ (local storage: {why}): trang vẫn dùng được nhưng không lưu gì, mọi dữ liệu sẽ mất khi đóng trang."),
        format!("The browser does not let Canbo use its storage (local storage: {why}): the page works but keeps nothing; all data is lost when the page closes."),
    )
}

/// Several messages as one.
fn join(texts: Vec<Text>) -> Option<Text> {
    if texts.is_empty() {
        return None;
    }
    let vi: Vec<&str> = texts.iter().map(|t| t.vi.as_str()).collect();
    let en: Vec<&str> = texts.iter().map(|t| t.en.as_str()).collect();
    Some(Text::new(vi.join(" "), en.join(" ")))
}

/// Saves the corrections, settings and snapshots (not the roster: [`save_roster`]) as the
/// revision after `known`, the one this tab read or wrote last; returns the new revision.
pub fn save(saved: &Saved, known: u64) -> Result<u64, SaveError> {
    write_state(&browser().map_err(SaveError::from_fault)?, saved, known)
}

fn write_state(backend: &dyn Backend, saved: &Saved, known: u64) -> Result<u64, SaveError> {
    let text = store::pack(KIND, VERSION, saved).map_err(|e| SaveError::Refused(e.to_string()))?;
    Ok(STATE.write(backend, &text, Some(known), STATE_LEGACY)?)
}

/// Stores `packed` ([`pack_roster`] of a roster of `people`) as the roster; returns its
/// revision. `known`: the revision this tab's roster came from, when the new roster derives
/// from it (another tab's newer roster is then not overwritten); `None` for a roster the
/// user has just chosen. The roster stored before stays until the new one is safely in.
pub fn save_roster(packed: &str, people: usize, known: Option<u64>) -> Result<u64, SaveError> {
    save_roster_to(
        &browser().map_err(SaveError::from_fault)?,
        packed,
        people,
        known,
    )
}

fn save_roster_to(
    backend: &dyn Backend,
    packed: &str,
    people: usize,
    known: Option<u64>,
) -> Result<u64, SaveError> {
    // Local storage counts UTF-16 code units; the packed roster's characters take three
    // bytes of UTF-8 each, so its `len()` is not its size there.
    let chars = packed.encode_utf16().count();
    let too_large = SaveError::RosterTooLarge { people, chars };
    if chars > ROSTER_ROOM {
        return Err(too_large);
    }
    ROSTER
        .write(backend, packed, known, ROSTER_LEGACY)
        .map_err(|error| match error {
            WriteError::Fault(Fault::Full) if chars > ROSTER_ROOM / 2 => too_large,
            other => other.into(),
        })
}

impl SaveError {
    fn from_fault(fault: Fault) -> SaveError {
        WriteError::Fault(fault).into()
    }
}

/// About what one site may keep, in characters (Chromium: 5 Mi UTF-16 code units); a packed
/// roster longer than this can never fit, whatever else is removed.
const ROSTER_ROOM: usize = 5 << 20;

/// Three-way merge of the state, when another tab saved `theirs` since this tab's `base`
/// and this tab changed it to `mine`: what this tab changed wins, everything else is
/// theirs. Settings merge by name, snapshots by name, rule sets by id; the corrections as
/// a whole.
pub fn merge(base: &Saved, mine: &Saved, theirs: &Saved) -> Saved {
    fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> T {
        if mine != base {
            mine.clone()
        } else {
            theirs.clone()
        }
    }
    /// By key: an entry this tab added, changed or removed wins; theirs' order, then this
    /// tab's new entries.
    fn by_key<T: PartialEq + Clone>(
        base: &[T],
        mine: &[T],
        theirs: &[T],
        key: impl Fn(&T) -> &str,
    ) -> Vec<T> {
        let find = |list: &[T], k: &str| list.iter().find(|x| key(x) == k).cloned();
        let mut keys: Vec<&str> = theirs.iter().map(&key).collect();
        for k in mine.iter().chain(base).map(&key) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys.into_iter()
            .filter_map(|k| {
                let (b, m) = (find(base, k), find(mine, k));
                if m != b {
                    m
                } else {
                    find(theirs, k)
                }
            })
            .collect()
    }
    let settings =
        |s: &Saved| -> Vec<(String, String)> { s.settings.clone().into_iter().collect() };
    Saved {
        roster: None,
        overrides: pick(&base.overrides, &mine.overrides, &theirs.overrides),
        settings: by_key(
            &settings(base),
            &settings(mine),
            &settings(theirs),
            |(k, _)| k,
        )
        .into_iter()
        .collect(),
        snapshots: by_key(&base.snapshots, &mine.snapshots, &theirs.snapshots, |s| {
            &s.name
        }),
        rule_sets: by_key(&base.rule_sets, &mine.rule_sets, &theirs.rule_sets, |r| {
            &r.id
        }),
    }
}

/// Forgets everything Canbo stored: its slots, the older layouts' keys and every other
/// `canbo.` key (the language). Pointers go first, so that a tab closed half way leaves no
/// pointer naming a removed value.
pub fn clear() {
    let Ok(storage) = browser() else {
        return;
    };
    STATE.clear(&storage, STATE_LEGACY);
    ROSTER.clear(&storage, ROSTER_LEGACY);
    let keys: Vec<String> = Backend::keys(&storage)
        .unwrap_or_default()
        .into_iter()
        .filter(|key| key.starts_with("canbo."))
        .collect();
    for key in keys {
        Backend::remove(&storage, &key);
    }
}

/// Which slot a key changed by another tab belongs to (`storage` event).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Changed {
    State,
    Roster,
    /// `None` key: the other tab cleared the whole storage.
    All,
}

/// The slot another tab changed, from the `storage` event's key.
pub fn changed(key: Option<&str>) -> Option<Changed> {
    match key {
        None => Some(Changed::All),
        Some(key) if STATE.is_pointer(key) => Some(Changed::State),
        Some(key) if ROSTER.is_pointer(key) => Some(Changed::Roster),
        Some(_) => None,
    }
}

/// Whether storage may hold something of Canbo's besides the language (or cannot be read,
/// which reading it says): what decides whether the page reads it at start
/// (`AppState::new`). Reads the keys' names only.
pub fn anything_kept() -> bool {
    let Ok(storage) = browser() else {
        return true;
    };
    match Backend::keys(&storage) {
        Ok(keys) => keys
            .iter()
            .any(|key| key.starts_with("canbo.") && key != crate::settings::LANG_KEY),
        Err(_) => true,
    }
}

/// Whether storage holds a roster (its slot's pointer, or an older layout's key): the page
/// says it is reopening it from its first frame (`AppState::new`). Reads no value.
pub fn roster_kept() -> bool {
    let Ok(storage) = browser() else {
        return false;
    };
    let pointer = ROSTER.pointer_key();
    let kept = std::iter::once(pointer.as_str())
        .chain(ROSTER_LEGACY.iter().copied())
        .any(|key| Backend::get(&storage, key).is_ok_and(|value| value.is_some()));
    kept
}

/// A plain item (the language), or `None` when storage cannot be read.
pub fn get_item(key: &str) -> Option<String> {
    Backend::get(&browser().ok()?, key).ok().flatten()
}

/// Writes a plain item; a refusal is only logged (the language is not worth a message).
pub fn set_item(key: &str, value: &str) {
    if let Err(fault) = browser().and_then(|storage| Backend::set(&storage, key, value)) {
        leptos::logging::log!("Canbo: {key} not stored ({fault:?})");
    }
}

/// The browser's local storage, or why there is none (disabled, a throwing getter…).
fn browser() -> Result<web_sys::Storage, Fault> {
    leptos::prelude::window()
        .local_storage()
        .map_err(slot::fault)?
        .ok_or_else(|| Fault::Refused("no local storage".into()))
}

#[cfg(test)]
mod tests {
    use super::slot::fake::Fake;
    use super::*;
    use canbo_core::import::import;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn roster() -> Roster {
        import(&[crate::test_support::sample()], &Overrides::default()).roster
    }

    fn settings() -> BTreeMap<String, String> {
        BTreeMap::from([("as_of".to_string(), "2024-12-31".to_string())])
    }

    /// The key the slot's pointer names.
    fn current(fake: &Fake, slot: Slot) -> Option<String> {
        let pointer = fake.item(&slot.pointer_key())?;
        let rev: u64 = pointer.rsplit(':').next()?.parse().ok()?;
        fake.item(&slot.data_key(rev))
    }

    #[wasm_bindgen_test]
    fn a_roster_saved_by_version_0_is_read_and_moved_to_its_own_slot() {
        let fake = Fake::default();
        let raw = serde_json::to_string(&roster()).unwrap();
        fake.put(V0_ROSTER_KEY, &raw);

        let loaded = load_from(&fake, true);
        assert_eq!(loaded.notice, None);
        assert_eq!(
            loaded.saved.roster.as_ref().map(|r| r.people.len()),
            Some(420)
        );
        assert_eq!(fake.item(V0_ROSTER_KEY), None);
        let text = current(&fake, ROSTER).unwrap();
        let head: String = text.chars().take(20).collect();
        assert!(text.starts_with("canbo.roster:2:"), "{head}");
        let units = text.encode_utf16().count();
        assert!(
            units < raw.len() / 20,
            "packed {units} characters vs raw {}",
            raw.len()
        );
        let again = load_from(&fake, false);
        assert_eq!(again.saved, loaded.saved);
        assert_eq!(again.roster, loaded.roster, "nothing is written twice");
    }

    #[wasm_bindgen_test]
    fn version_1_with_the_roster_inside_the_state_is_split_in_two_slots() {
        #[derive(Serialize)]
        struct Version1 {
            roster: Roster,
            settings: BTreeMap<String, String>,
        }
        let fake = Fake::default();
        let old = Version1 {
            roster: roster(),
            settings: settings(),
        };
        fake.put(LEGACY_STATE_KEY, &store::pack(KIND, 1, &old).unwrap());

        let loaded = load_from(&fake, true);
        assert_eq!(loaded.notice, None);
        assert_eq!(
            loaded.saved.roster.as_ref().map(|r| r.people.len()),
            Some(420)
        );
        assert_eq!(loaded.saved.settings, old.settings);
        assert_eq!(fake.item(LEGACY_STATE_KEY), None, "the old key is gone");
        let state = current(&fake, STATE).unwrap();
        assert!(state.starts_with("canbo.state:2:"), "{}", &state[..20]);
        assert!(
            state.len() < 200,
            "the roster left the state: {}",
            state.len()
        );
        assert!(current(&fake, ROSTER).is_some());
        assert_eq!(load_from(&fake, false).saved, loaded.saved);
    }

    #[wasm_bindgen_test]
    fn the_layout_before_slots_moves_to_slots() {
        let fake = Fake::default();
        let saved = Saved {
            settings: settings(),
            ..Saved::default()
        };
        fake.put(LEGACY_STATE_KEY, &store::pack(KIND, 2, &saved).unwrap());
        // The roster's envelope before slots was version 1 (row-wise JSON).
        fake.put(
            LEGACY_ROSTER_KEY,
            &store::pack(store::columnar::KIND, 1, &roster()).unwrap(),
        );

        let loaded = load_from(&fake, true);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.saved.settings, saved.settings);
        assert_eq!(
            loaded.saved.roster.as_ref().map(|r| r.people.len()),
            Some(420)
        );
        let keys: Vec<String> = fake.items.borrow().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "canbo.roster.1",
                "canbo.roster.ptr",
                "canbo.state.1",
                "canbo.state.ptr"
            ],
            "only the slots are left"
        );
    }

    #[wasm_bindgen_test]
    fn a_move_that_does_not_fit_keeps_the_old_keys_and_says_so() {
        #[derive(Serialize)]
        struct Version1 {
            roster: Roster,
        }
        let fake = Fake::default();
        let old = store::pack(KIND, 1, &Version1 { roster: roster() }).unwrap();
        fake.put(LEGACY_STATE_KEY, &old);
        fake.quota.set(Some(fake.used() + 100));

        let loaded = load_from(&fake, true);
        assert_eq!(
            loaded.saved.roster.as_ref().map(|r| r.people.len()),
            Some(420)
        );
        let notice = loaded.notice.unwrap();
        assert!(notice.vi.contains("đầy"), "{}", notice.vi);
        assert!(notice.en.contains("full"), "{}", notice.en);
        assert_eq!(
            fake.item(LEGACY_STATE_KEY),
            Some(old),
            "the only copy stays"
        );
        assert_eq!(fake.item(&STATE.pointer_key()), None);
    }

    #[wasm_bindgen_test]
    fn data_of_a_newer_canbo_is_left_untouched_and_the_user_told() {
        // In the slots…
        let fake = Fake::default();
        let newer = store::pack(KIND, VERSION + 1, &serde_json::json!({"future": true})).unwrap();
        fake.put("canbo.state.4", &newer);
        fake.put("canbo.state.ptr", "canbo.ptr:1:4");
        fake.put(
            "canbo.state.3",
            &store::pack(KIND, VERSION, &Saved::default()).unwrap(),
        );
        let loaded = load_from(&fake, true);
        assert!(loaded.state.locked);
        assert_eq!(loaded.saved, Saved::default());
        let notice = loaded.notice.unwrap();
        assert!(
            notice.vi.contains("phiên bản Canbo mới hơn"),
            "{}",
            notice.vi
        );
        assert!(notice.en.contains("newer Canbo"), "{}", notice.en);
        assert_eq!(fake.item("canbo.state.4"), Some(newer.clone()));

        // … and under the older layout's key, which is not moved.
        let fake = Fake::default();
        fake.put(LEGACY_STATE_KEY, &newer);
        let loaded = load_from(&fake, true);
        assert!(loaded.state.locked);
        assert_eq!(fake.item(LEGACY_STATE_KEY), Some(newer));
        assert_eq!(fake.items.borrow().len(), 1, "nothing written");
    }

    #[wasm_bindgen_test]
    fn garbage_in_every_key_starts_empty_says_so_and_removes_nothing() {
        let fake = Fake::default();
        for key in [
            "canbo.state.ptr",
            "canbo.state.1",
            "canbo.roster.ptr",
            "canbo.roster.2",
            LEGACY_STATE_KEY,
            LEGACY_ROSTER_KEY,
            V0_ROSTER_KEY,
        ] {
            fake.put(key, "<img src=x onerror=alert(1)>\u{0}");
        }
        let before = fake.items.borrow().clone();
        let loaded = load_from(&fake, true);
        assert_eq!(loaded.saved, Saved::default());
        assert!(!loaded.state.locked && !loaded.roster.locked);
        let notice = loaded.notice.unwrap();
        assert!(notice.vi.contains("Không đọc lại được"), "{}", notice.vi);
        assert!(notice.en.contains("could not be read"), "{}", notice.en);
        assert_eq!(*fake.items.borrow(), before);
    }

    #[wasm_bindgen_test]
    fn at_start_the_roster_is_left_as_columns_and_a_damaged_one_falls_back_to_the_one_before() {
        let fake = Fake::default();
        let whole = roster();
        let mut fewer = whole.clone();
        fewer.people.truncate(100);
        save_roster_to(&fake, &pack_roster(&whole).unwrap(), 420, None).unwrap();
        let loaded = load_from(&fake, true);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.saved.roster, None, "the page reads the columns");
        let columns = loaded.columns.expect("the roster, opened");
        assert!(store::columnar::decode(&columns.finish().unwrap()) == Ok(whole.clone()));
        assert!(load_from(&fake, false).saved.roster.as_ref() == Some(&whole));

        // A newer revision cut short, as by a browser closed half way through writing it
        // (a write removes the older revisions only once the new one counts, so both are
        // there): opening it already fails, and the one before is read, the user told.
        let newer = pack_roster(&fewer).unwrap();
        let chars: Vec<char> = newer.chars().collect();
        let cut: String = chars[..chars.len() - 40].iter().collect();
        let mut altered = chars.clone();
        let middle = chars.len() / 2;
        altered[middle] = if altered[middle] == 'A' { 'B' } else { 'A' };
        let altered: String = altered.into_iter().collect();
        let stored = |newest: &str| {
            let fake = Fake::default();
            fake.put(&ROSTER.data_key(1), &pack_roster(&whole).unwrap());
            fake.put(&ROSTER.data_key(2), newest);
            fake.put(&ROSTER.pointer_key(), "canbo.ptr:1:2");
            fake
        };
        let loaded = load_from(&stored(&cut), true);
        assert!(loaded.notice.unwrap().vi.contains("bản lưu ngay trước đó"));
        let columns = loaded.columns.expect("the one before, opened");
        assert!(store::columnar::decode(&columns.finish().unwrap()) == Ok(whole.clone()));
        assert_eq!(loaded.roster.rev, 2);

        // Altered in the middle: opened, and refused once inflated (zlib's checksum). The
        // page then reads the slot again whole (`AppState::restore`), which falls back.
        let fake = stored(&altered);
        let loaded = load_from(&fake, true);
        assert_eq!(loaded.notice, None);
        assert!(loaded.columns.expect("opened").finish().is_err());
        let again = load_from(&fake, false);
        assert_eq!(again.saved.roster.map(|r| r.people.len()), Some(420));
        assert!(again.notice.unwrap().vi.contains("bản lưu ngay trước đó"));
        assert_eq!(again.roster.rev, 2);
    }

    #[wasm_bindgen_test]
    fn a_half_written_state_falls_back_to_the_one_before() {
        let fake = Fake::default();
        let good = Saved {
            settings: settings(),
            ..Saved::default()
        };
        let text = store::pack(KIND, VERSION, &good).unwrap();
        fake.put("canbo.state.1", &text);
        fake.put("canbo.state.2", &text[..text.len() / 2]);
        fake.put("canbo.state.ptr", "canbo.ptr:1:2");
        let loaded = load_from(&fake, false);
        assert_eq!(loaded.saved.settings, good.settings);
        assert_eq!(loaded.state.rev, 2);
        assert!(loaded.notice.unwrap().vi.contains("bản lưu ngay trước đó"));
    }

    #[wasm_bindgen_test]
    fn storage_that_refuses_everything_is_said_in_both_languages() {
        let fake = Fake::default();
        fake.refuse.set(true);
        let loaded = load_from(&fake, true);
        assert_eq!(loaded.saved, Saved::default());
        let notice = loaded.notice.unwrap();
        assert!(notice.vi.contains("không lưu gì"), "{}", notice.vi);
        assert!(notice.en.contains("keeps nothing"), "{}", notice.en);
        assert!(matches!(
            write_state(&fake, &Saved::default(), 0),
            Err(SaveError::Refused(_))
        ));
    }

    #[wasm_bindgen_test]
    fn a_roster_too_large_to_keep_says_so_and_keeps_the_roster_saved_before() {
        let fake = Fake::default();
        let small = pack_roster(&roster()).unwrap();
        save_roster_to(&fake, &small, 420, None).unwrap();
        let huge = "x".repeat(6 << 20);
        let error = save_roster_to(&fake, &huge, 250_000, None).unwrap_err();
        assert_eq!(
            error,
            SaveError::RosterTooLarge {
                people: 250_000,
                chars: 6 << 20
            }
        );
        let message = error.message();
        assert!(message.vi.contains("250.000 người"), "{}", message.vi);
        assert!(message.vi.contains("6,3 triệu ký tự"), "{}", message.vi);
        assert!(message.en.contains("250,000 people"), "{}", message.en);
        assert_eq!(current(&fake, ROSTER), Some(small));
    }

    #[wasm_bindgen_test]
    fn a_full_store_keeps_the_roster_saved_before() {
        let fake = Fake::default();
        let first = pack_roster(&roster()).unwrap();
        save_roster_to(&fake, &first, 420, None).unwrap();
        fake.quota.set(Some(fake.used() + 100));
        let mut bigger = roster();
        bigger.people.extend(roster().people);
        let error = save_roster_to(&fake, &pack_roster(&bigger).unwrap(), 840, None);
        assert_eq!(error, Err(SaveError::Full));
        assert_eq!(current(&fake, ROSTER), Some(first));
    }

    #[wasm_bindgen_test]
    fn a_merge_keeps_what_each_tab_changed() {
        let snapshot = |name: &str| Snapshot {
            name: name.into(),
            saved_on: "2024-12-31".into(),
            report: canbo_core::report::report(&Roster::default(), &Default::default()),
        };
        let base = Saved {
            settings: BTreeMap::from([("a".into(), "1".into()), ("b".into(), "1".into())]),
            snapshots: vec![snapshot("gone in mine")],
            ..Saved::default()
        };
        let mut mine = base.clone();
        mine.settings.insert("a".into(), "mine".into());
        mine.snapshots = vec![snapshot("mine")];
        let mut theirs = base.clone();
        theirs.settings.insert("b".into(), "theirs".into());
        theirs.snapshots.push(snapshot("theirs"));
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.settings["a"], "mine");
        assert_eq!(merged.settings["b"], "theirs");
        let names: Vec<&str> = merged.snapshots.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["theirs", "mine"]);
    }

    #[wasm_bindgen_test]
    fn a_write_past_the_browsers_quota_is_reported_as_full() {
        let storage = browser().unwrap();
        // About 5 Mi UTF-16 characters per site: 6 Mi never fit.
        let huge = "x".repeat(6 << 20);
        assert_eq!(
            Backend::set(&storage, "canbo.test.huge", &huge),
            Err(Fault::Full)
        );
        assert!(SaveError::Full.message().vi.contains("đầy"));
        assert!(SaveError::Full.message().en.contains("full"));
    }

    /// What the page asks at start to decide whether to fetch the storage's code and to say
    /// a roster is reopening: the language alone is nothing kept; a roster, in today's slot
    /// or the first release's key, is both.
    #[wasm_bindgen_test]
    fn what_is_kept_is_told_by_the_keys_names() {
        clear();
        assert!(!anything_kept() && !roster_kept());
        set_item(crate::settings::LANG_KEY, "\"en\"");
        assert!(!anything_kept() && !roster_kept());
        set_item("canbo.state.ptr", "canbo.ptr:1:1");
        assert!(anything_kept() && !roster_kept());
        clear();
        set_item(V0_ROSTER_KEY, "[]");
        assert!(anything_kept() && roster_kept());
        clear();
        set_item(&ROSTER.pointer_key(), "canbo.ptr:1:1");
        assert!(anything_kept() && roster_kept());
        clear();
    }
}
