//! One value kept in local storage so that no fault can lose it: a *slot*.
//!
//! Local storage writes one key at a time, and a write can fail half way through the app's
//! work (the store is full, the tab is closed, the browser crashes). A slot never overwrites
//! its value in place:
//!
//! - the value lives under a fresh key per revision, `<name>.<revision>` (`canbo.state.7`);
//! - a small pointer key, `<name>.ptr`, names the revision that counts: `canbo.ptr:1:7`;
//! - a write puts the new value under `<name>.<revision + 1>`, reads it back, and only then
//!   moves the pointer; the older revisions are removed last. Whatever step fails, the
//!   pointer still names a complete value: the old one, or the new one;
//! - a read follows the pointer; when that value is missing or damaged it falls back to the
//!   newest older revision that still reads, and says so.
//!
//! The revision is also how two tabs of the same site avoid overwriting each other: a tab
//! remembers the revision it read or wrote last, and a write that finds the pointer further
//! on is refused as [`WriteError::Stale`] (the caller reloads and merges, then writes again).
//!
//! A value (or a pointer) written by a newer Canbo is never replaced: the slot is *locked*
//! ([`Read::locked`]) and every write refuses with [`WriteError::Locked`], until the user
//! deletes everything.

use canbo_core::store::StoreError;

/// What a local storage call can do wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// `QuotaExceededError`: the site's storage is full.
    Full,
    /// Any other refusal (storage disabled, private mode, a throwing getter…), with the
    /// browser's words.
    Refused(String),
}

/// Local storage as a slot uses it; the browser's, or a fake with faults in the tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault>;
    fn set(&self, key: &str, value: &str) -> Result<(), Fault>;
    /// Best effort: a key that cannot be removed is only room lost.
    fn remove(&self, key: &str);
    fn keys(&self) -> Result<Vec<String>, Fault>;
}

/// The pointer's own envelope: kind and format, as the core's `store` envelopes.
const POINTER_KIND: &str = "canbo.ptr";
const POINTER_FORMAT: u32 = 1;

/// What the pointer of a slot says.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Head {
    /// No pointer: nothing was ever written in the slot's layout.
    None,
    Rev(u64),
    /// A pointer this build cannot read (a newer format, or damaged).
    Newer,
    Damaged,
}

/// What reading a slot found.
#[derive(Debug)]
pub struct Read<T> {
    /// The value that counts, `None` when there is none this build can read.
    pub value: Option<T>,
    /// The pointer's revision when read (0: none); the `known` revision of the next write.
    pub rev: u64,
    /// Data this build must not replace (written by a newer Canbo) is there.
    pub locked: bool,
    /// Something was not as a clean read expects.
    pub trouble: Option<Trouble>,
    /// The value came from one of the older layout's keys (`legacy` of [`Slot::read`]).
    pub legacy: bool,
}

/// Why a read was not clean; the caller words it for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Trouble {
    /// Local storage cannot be read at all.
    Unavailable(String),
    /// The value (or the pointer) was written by a newer Canbo; it is left untouched.
    Newer,
    /// The newest value was damaged or missing; an older revision was read instead.
    FellBack,
    /// Values were there, and none could be read.
    Unreadable(String),
}

/// Why a write did not happen. In every case the value the pointer named before is still
/// there, whole.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    Fault(Fault),
    /// Another tab wrote revision `head` since this one read: reload, merge, write again.
    Stale {
        head: u64,
    },
    /// The slot holds data of a newer Canbo, which is never overwritten.
    Locked,
}

impl From<Fault> for WriteError {
    fn from(fault: Fault) -> WriteError {
        WriteError::Fault(fault)
    }
}

/// One slot, named by its key prefix (`canbo.state`, `canbo.roster`).
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    pub name: &'static str,
}

impl Slot {
    pub const fn new(name: &'static str) -> Slot {
        Slot { name }
    }

    pub fn pointer_key(&self) -> String {
        format!("{}.ptr", self.name)
    }

    pub fn data_key(&self, rev: u64) -> String {
        format!("{}.{rev}", self.name)
    }

    /// The revision a key of this slot holds, if it is one of its data keys.
    fn rev_of(&self, key: &str) -> Option<u64> {
        let rest = key.strip_prefix(self.name)?.strip_prefix('.')?;
        // Digits only: `canbo.roster.v1` (the first release's key) is no revision.
        rest.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| rest.parse().ok())
            .flatten()
    }

    /// The revisions stored, newest first.
    fn revisions(&self, backend: &dyn Backend) -> Result<Vec<u64>, Fault> {
        let mut revs: Vec<u64> = backend
            .keys()?
            .iter()
            .filter_map(|key| self.rev_of(key))
            .collect();
        revs.sort_unstable_by(|a, b| b.cmp(a));
        Ok(revs)
    }

    fn head(&self, backend: &dyn Backend) -> Result<Head, Fault> {
        let Some(text) = backend.get(&self.pointer_key())? else {
            return Ok(Head::None);
        };
        let mut parts = text.splitn(3, ':');
        if parts.next() != Some(POINTER_KIND) {
            return Ok(Head::Damaged);
        }
        match parts.next().and_then(|v| v.parse::<u32>().ok()) {
            Some(POINTER_FORMAT) => Ok(parts
                .next()
                .and_then(|rev| rev.parse().ok())
                .map_or(Head::Damaged, Head::Rev)),
            Some(format) if format > POINTER_FORMAT => Ok(Head::Newer),
            _ => Ok(Head::Damaged),
        }
    }

    /// Reads the value that counts. `decode` turns stored text into a value; a
    /// [`StoreError::TooNew`] from it locks the slot rather than falling back to older data.
    /// When the slot has never been written in this layout, `legacy` (the keys of older
    /// releases, best first) are tried.
    pub fn read<T>(
        &self,
        backend: &dyn Backend,
        legacy: &[&str],
        decode: impl Fn(&str, &str) -> Result<T, StoreError>,
    ) -> Read<T> {
        let unavailable = |fault: Fault| Read {
            value: None,
            rev: 0,
            locked: false,
            legacy: false,
            trouble: Some(Trouble::Unavailable(match fault {
                Fault::Full => "QuotaExceededError".into(),
                Fault::Refused(why) => why,
            })),
        };
        let head = match self.head(backend) {
            Ok(head) => head,
            Err(fault) => return unavailable(fault),
        };
        let revisions = match self.revisions(backend) {
            Ok(revs) => revs,
            Err(fault) => return unavailable(fault),
        };
        if head == Head::Newer {
            return Read {
                value: None,
                rev: 0,
                locked: true,
                legacy: false,
                trouble: Some(Trouble::Newer),
            };
        }
        // The committed revision first, then older ones (a newer revision than the pointer
        // is a write that never finished: it does not count), then the older releases' keys.
        let candidates: Vec<u64> = match head {
            Head::Rev(rev) => std::iter::once(rev)
                .chain(revisions.iter().copied().filter(|r| *r < rev))
                .collect(),
            _ => revisions.clone(),
        };
        let mut keys: Vec<String> = candidates.iter().map(|r| self.data_key(*r)).collect();
        if head == Head::None {
            keys.extend(legacy.iter().map(|k| k.to_string()));
        }
        let rev = match head {
            Head::Rev(rev) => rev,
            _ => 0,
        };
        // A damaged pointer: whatever is read below is a fall-back.
        let mut problem = (head == Head::Damaged).then(|| "damaged pointer".to_string());
        for (i, key) in keys.iter().enumerate() {
            let text = match backend.get(key) {
                Ok(Some(text)) => text,
                // A missing older layout's key is the usual case; a missing revision is a
                // pointer naming nothing.
                Ok(None) if i >= candidates.len() => continue,
                Ok(None) => {
                    problem.get_or_insert_with(|| format!("{key} is missing"));
                    continue;
                }
                Err(fault) => return unavailable(fault),
            };
            match decode(key, &text) {
                Ok(value) => {
                    return Read {
                        value: Some(value),
                        rev,
                        locked: false,
                        legacy: i >= candidates.len(),
                        trouble: problem.is_some().then_some(Trouble::FellBack),
                    };
                }
                Err(StoreError::TooNew { .. }) => {
                    return Read {
                        value: None,
                        rev,
                        locked: true,
                        legacy: false,
                        trouble: Some(Trouble::Newer),
                    }
                }
                Err(error) => {
                    problem.get_or_insert_with(|| error.to_string());
                }
            }
        }
        // Nothing readable. A pointer naming nothing is a problem too; no pointer and no
        // value is a first visit.
        let trouble = problem.map(Trouble::Unreadable);
        Read {
            value: None,
            rev,
            locked: false,
            legacy: false,
            trouble,
        }
    }

    /// Writes `text` as the slot's new value and returns its revision. `known` is the
    /// revision this tab last read or wrote: when another tab has written since, the write
    /// is refused ([`WriteError::Stale`]); `None` writes whatever is stored (a value the
    /// user has just chosen, such as a new import). `legacy` keys are removed once the new
    /// value counts.
    pub fn write(
        &self,
        backend: &dyn Backend,
        text: &str,
        known: Option<u64>,
        legacy: &[&str],
    ) -> Result<u64, WriteError> {
        let (head, committed) = match self.head(backend)? {
            Head::Newer => return Err(WriteError::Locked),
            Head::Rev(rev) => (rev, true),
            Head::None | Head::Damaged => (0, false),
        };
        if let Some(known) = known {
            if head > known {
                return Err(WriteError::Stale { head });
            }
        }
        let revisions = self.revisions(backend)?;
        // Revisions past a readable pointer are unfinished writes: they go first, to make
        // room. The others stay until the new value counts: one may be what a read fell back
        // to (with no pointer, or a damaged one, any of them may be).
        if committed {
            for rev in revisions.iter().filter(|r| **r > head) {
                backend.remove(&self.data_key(*rev));
            }
        }
        let new = revisions.first().copied().unwrap_or(0).max(head) + 1;
        let key = self.data_key(new);
        if let Err(fault) = backend.set(&key, text) {
            backend.remove(&key);
            return Err(fault.into());
        }
        // A store that says yes but keeps something else (or nothing) must not get the
        // pointer.
        match backend.get(&key) {
            Ok(Some(back)) if back == text => {}
            Ok(_) => {
                backend.remove(&key);
                return Err(Fault::Refused("the value did not read back".into()).into());
            }
            Err(fault) => {
                backend.remove(&key);
                return Err(fault.into());
            }
        }
        let pointer = format!("{POINTER_KIND}:{POINTER_FORMAT}:{new}");
        if let Err(fault) = backend.set(&self.pointer_key(), &pointer) {
            backend.remove(&key);
            return Err(fault.into());
        }
        for rev in &revisions {
            backend.remove(&self.data_key(*rev));
        }
        for key in legacy {
            backend.remove(key);
        }
        Ok(new)
    }

    /// Removes the slot: pointer first, so that no half-removed state is ever read as a
    /// value, then every revision and the older releases' keys.
    pub fn clear(&self, backend: &dyn Backend, legacy: &[&str]) {
        backend.remove(&self.pointer_key());
        if let Ok(revs) = self.revisions(backend) {
            for rev in revs {
                backend.remove(&self.data_key(rev));
            }
        }
        for key in legacy {
            backend.remove(key);
        }
    }

    /// Whether a storage key belongs to this slot's layout (its pointer): a change to it in
    /// another tab means the slot's value changed.
    pub fn is_pointer(&self, key: &str) -> bool {
        key == self.pointer_key()
    }
}

/// The browser's local storage.
impl Backend for web_sys::Storage {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        self.get_item(key).map_err(fault)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        self.set_item(key, value).map_err(fault)
    }

    fn remove(&self, key: &str) {
        let _ = self.remove_item(key);
    }

    fn keys(&self) -> Result<Vec<String>, Fault> {
        let length = self.length().map_err(fault)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.key(i).map_err(fault)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// A thrown JavaScript error as a [`Fault`]: `QuotaExceededError` is told apart.
pub fn fault(error: wasm_bindgen::JsValue) -> Fault {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return Fault::Full;
    }
    let message = js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty());
    Fault::Refused(match (name.is_empty(), message) {
        (false, Some(message)) => format!("{name}: {message}"),
        (false, None) => name,
        (true, Some(message)) => message,
        (true, None) => format!("{error:?}"),
    })
}

#[cfg(test)]
pub mod fake {
    //! An in-memory local storage with the faults the tests need.

    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    use super::{Backend, Fault};

    #[derive(Default)]
    pub struct Fake {
        pub items: RefCell<BTreeMap<String, String>>,
        /// Characters (keys and values) it holds at most; `None`: no limit.
        pub quota: Cell<Option<usize>>,
        /// Every call fails (storage disabled).
        pub refuse: Cell<bool>,
        /// Writes after this many more succeed fail (a crash half way through a write).
        pub writes_left: Cell<Option<usize>>,
    }

    /// What local storage counts: UTF-16 code units, not bytes.
    fn units(text: &str) -> usize {
        text.encode_utf16().count()
    }

    impl Fake {
        pub fn used(&self) -> usize {
            self.items
                .borrow()
                .iter()
                .map(|(k, v)| units(k) + units(v))
                .sum()
        }

        pub fn item(&self, key: &str) -> Option<String> {
            self.items.borrow().get(key).cloned()
        }

        pub fn put(&self, key: &str, value: &str) {
            self.items.borrow_mut().insert(key.into(), value.into());
        }
    }

    impl Backend for Fake {
        fn get(&self, key: &str) -> Result<Option<String>, Fault> {
            if self.refuse.get() {
                return Err(Fault::Refused("SecurityError: disabled".into()));
            }
            Ok(self.item(key))
        }

        fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
            if self.refuse.get() {
                return Err(Fault::Refused("SecurityError: disabled".into()));
            }
            if let Some(left) = self.writes_left.get() {
                if left == 0 {
                    return Err(Fault::Refused("crashed".into()));
                }
                self.writes_left.set(Some(left - 1));
            }
            let old = self.item(key).map_or(0, |v| units(key) + units(&v));
            if let Some(quota) = self.quota.get() {
                if self.used() - old + units(key) + units(value) > quota {
                    return Err(Fault::Full);
                }
            }
            self.put(key, value);
            Ok(())
        }

        fn remove(&self, key: &str) {
            if !self.refuse.get() {
                self.items.borrow_mut().remove(key);
            }
        }

        fn keys(&self) -> Result<Vec<String>, Fault> {
            if self.refuse.get() {
                return Err(Fault::Refused("SecurityError: disabled".into()));
            }
            Ok(self.items.borrow().keys().cloned().collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fake::Fake;
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const SLOT: Slot = Slot::new("t");

    /// Values are `v<version>:<text>`; a version above 1 is too new, anything else damaged.
    fn decode(_: &str, text: &str) -> Result<String, StoreError> {
        match text.split_once(':') {
            Some(("v1", rest)) => Ok(rest.to_string()),
            Some((v, _)) if v.starts_with('v') && v != "v0" => Err(StoreError::TooNew {
                found: 2,
                supported: 1,
            }),
            _ => Err(StoreError::Damaged(text.into())),
        }
    }

    fn read(fake: &Fake) -> Read<String> {
        SLOT.read(fake, &["t.legacy"], decode)
    }

    #[wasm_bindgen_test]
    fn a_write_moves_the_pointer_and_leaves_one_value() {
        let fake = Fake::default();
        assert_eq!(SLOT.write(&fake, "v1:a", Some(0), &[]), Ok(1));
        assert_eq!(SLOT.write(&fake, "v1:b", Some(1), &[]), Ok(2));
        assert_eq!(fake.item("t.ptr").as_deref(), Some("canbo.ptr:1:2"));
        assert_eq!(fake.item("t.1"), None, "the old value is removed");
        let back = read(&fake);
        assert_eq!(back.value.as_deref(), Some("b"));
        assert_eq!(back.rev, 2);
        assert_eq!(back.trouble, None);
    }

    #[wasm_bindgen_test]
    fn a_crash_at_any_step_of_a_write_leaves_the_old_or_the_new_value() {
        // A write is: remove strays, set the value, read back, set the pointer, remove the
        // old value. Crash after each number of successful `set`s.
        for sets in 0..2 {
            let fake = Fake::default();
            SLOT.write(&fake, "v1:old", None, &[]).unwrap();
            fake.writes_left.set(Some(sets));
            let result = SLOT.write(&fake, "v1:new", Some(1), &[]);
            fake.writes_left.set(None);
            assert!(result.is_err(), "{sets}: {result:?}");
            assert_eq!(
                read(&fake).value.as_deref(),
                Some("old"),
                "after {sets} sets"
            );
            assert_eq!(read(&fake).trouble, None);
        }
    }

    #[wasm_bindgen_test]
    fn a_full_store_keeps_the_old_value_whole() {
        let fake = Fake::default();
        SLOT.write(&fake, "v1:old", None, &[]).unwrap();
        fake.quota.set(Some(fake.used() + 10));
        let result = SLOT.write(&fake, &format!("v1:{}", "x".repeat(50)), Some(1), &[]);
        assert_eq!(result, Err(WriteError::Fault(Fault::Full)));
        assert_eq!(read(&fake).value.as_deref(), Some("old"));
        assert_eq!(fake.items.borrow().len(), 2, "no half value left behind");
    }

    #[wasm_bindgen_test]
    fn a_damaged_newest_value_falls_back_to_the_one_before() {
        let fake = Fake::default();
        fake.put("t.3", "v1:older");
        fake.put("t.5", "garbage");
        fake.put("t.ptr", "canbo.ptr:1:5");
        let back = read(&fake);
        assert_eq!(back.value.as_deref(), Some("older"));
        assert_eq!(back.trouble, Some(Trouble::FellBack));
        assert_eq!(back.rev, 5, "the next write goes past the damaged revision");
        assert_eq!(SLOT.write(&fake, "v1:new", Some(back.rev), &[]), Ok(6));
        assert_eq!(fake.item("t.3"), None);
        assert_eq!(fake.item("t.5"), None);
    }

    #[wasm_bindgen_test]
    fn a_failed_write_over_a_damaged_pointer_keeps_what_a_read_fell_back_to() {
        let fake = Fake::default();
        fake.put("t.4", "v1:the only good value");
        fake.put("t.ptr", "damaged");
        let back = read(&fake);
        assert_eq!(back.value.as_deref(), Some("the only good value"));
        assert_eq!(back.trouble, Some(Trouble::FellBack));
        fake.writes_left.set(Some(0));
        assert!(SLOT.write(&fake, "v1:new", Some(back.rev), &[]).is_err());
        fake.writes_left.set(None);
        assert_eq!(fake.item("t.4").as_deref(), Some("v1:the only good value"));
        assert_eq!(SLOT.write(&fake, "v1:new", Some(back.rev), &[]), Ok(5));
        assert_eq!(fake.item("t.4"), None, "removed once the new value counts");
    }

    #[wasm_bindgen_test]
    fn a_value_newer_than_the_pointer_is_an_unfinished_write_and_is_ignored() {
        let fake = Fake::default();
        fake.put("t.1", "v1:committed");
        fake.put("t.2", "v1:never committed");
        fake.put("t.ptr", "canbo.ptr:1:1");
        let back = read(&fake);
        assert_eq!(back.value.as_deref(), Some("committed"));
        assert_eq!(back.trouble, None);
    }

    #[wasm_bindgen_test]
    fn garbage_everywhere_reads_as_nothing_with_a_reason() {
        let fake = Fake::default();
        fake.put("t.ptr", "\u{0}\u{ffff}<script>");
        fake.put("t.4", "garbage");
        let back = read(&fake);
        assert_eq!(back.value, None);
        assert!(matches!(back.trouble, Some(Trouble::Unreadable(_))));
        assert!(!back.locked);
        // A damaged pointer is replaced by the next good write.
        assert_eq!(SLOT.write(&fake, "v1:new", Some(back.rev), &[]), Ok(5));
        assert_eq!(read(&fake).value.as_deref(), Some("new"));
    }

    #[wasm_bindgen_test]
    fn a_newer_value_locks_the_slot_and_is_never_overwritten() {
        let fake = Fake::default();
        fake.put("t.1", "v1:older");
        fake.put("t.2", "v9:from the future");
        fake.put("t.ptr", "canbo.ptr:1:2");
        let back = read(&fake);
        assert_eq!(back.value, None, "no fall back past newer data");
        assert!(back.locked);
        assert_eq!(back.trouble, Some(Trouble::Newer));

        // A newer pointer format locks the slot for writes too.
        let fake = Fake::default();
        fake.put("t.ptr", "canbo.ptr:2:whatever");
        fake.put("t.whatever", "v2:x");
        assert!(read(&fake).locked);
        assert_eq!(
            SLOT.write(&fake, "v1:mine", None, &[]),
            Err(WriteError::Locked)
        );
        assert_eq!(fake.item("t.ptr").as_deref(), Some("canbo.ptr:2:whatever"));
    }

    #[wasm_bindgen_test]
    fn a_tab_behind_another_is_refused_until_it_reloads() {
        let fake = Fake::default();
        let first = SLOT.write(&fake, "v1:tab a", Some(0), &[]).unwrap();
        // Tab B read revision 1 too, and writes.
        let second = SLOT.write(&fake, "v1:tab b", Some(first), &[]).unwrap();
        // Tab A still thinks revision 1 is the latest.
        assert_eq!(
            SLOT.write(&fake, "v1:tab a again", Some(first), &[]),
            Err(WriteError::Stale { head: second })
        );
        assert_eq!(read(&fake).value.as_deref(), Some("tab b"));
        // A value the user has just chosen is written whatever is stored.
        assert!(SLOT.write(&fake, "v1:new import", None, &[]).is_ok());
    }

    #[wasm_bindgen_test]
    fn legacy_keys_are_read_when_the_slot_is_new_and_removed_after_the_first_write() {
        let fake = Fake::default();
        fake.put("t.legacy", "v1:from the last release");
        let back = read(&fake);
        assert_eq!(back.value.as_deref(), Some("from the last release"));
        assert_eq!(back.trouble, None);
        SLOT.write(&fake, "v1:moved", Some(back.rev), &["t.legacy"])
            .unwrap();
        assert_eq!(fake.item("t.legacy"), None);
        // Once the slot has a pointer, a legacy key (an old build's write) is not read.
        fake.put("t.legacy", "v1:stale");
        assert_eq!(read(&fake).value.as_deref(), Some("moved"));
    }

    #[wasm_bindgen_test]
    fn storage_that_throws_is_unavailable_not_empty() {
        let fake = Fake::default();
        SLOT.write(&fake, "v1:kept", None, &[]).unwrap();
        fake.refuse.set(true);
        let back = read(&fake);
        assert!(matches!(back.trouble, Some(Trouble::Unavailable(_))));
        assert!(SLOT.write(&fake, "v1:x", Some(1), &[]).is_err());
        fake.refuse.set(false);
        assert_eq!(read(&fake).value.as_deref(), Some("kept"));
    }

    #[wasm_bindgen_test]
    fn the_revision_key_never_matches_the_first_release_key() {
        let slot = Slot::new("canbo.roster");
        assert_eq!(slot.rev_of("canbo.roster.12"), Some(12));
        assert_eq!(slot.rev_of("canbo.roster.v1"), None);
        assert_eq!(slot.rev_of("canbo.roster.ptr"), None);
        assert_eq!(slot.rev_of("canbo.roster"), None);
        assert_eq!(slot.rev_of("canbo.rosterx.1"), None);
    }
}
