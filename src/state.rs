//! The app's state: the imported roster, what the importer saw (the review), the user's
//! corrections, rule sets and snapshots, and what went wrong last.
//!
//! One `AppState` is created by [`crate::App`] and shared through context. Files are read by
//! the core in the worker (`crate::worker`), which sends back the core's own `Import`; the
//! report is computed by the core from the roster (`crate::settings`); nothing here counts
//! people.

use std::collections::BTreeMap;

use canbo_core::field::Field;
use canbo_core::import::{Activity, ColumnChoice, FileInput, Overrides, SheetChoice};
use canbo_core::report::{Coded, Report, ReportOptions};
use canbo_core::roster::query::PeopleIndex;
use canbo_core::roster::Roster;
use canbo_core::standards::RuleSet;
use canbo_core::store::columnar::Inflating;
use canbo_core::vocab::spellings::{Spelling, Spellings};
use leptos::prelude::*;

use crate::settings::today;
use crate::storage::{self, Kept, SaveError, Saved, Snapshot};
use crate::worker;
use canbo_core::import::{FileReport, Import};
use canbo_core::layout::NotRoster;

/// Files as the browser handed them over: those it could read, and the messages for those
/// it could not.
#[derive(Debug, Default)]
pub struct Picked {
    pub files: Vec<FileInput>,
    pub unreadable: Vec<canbo_core::Text>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The roster of the last import that found people; `None` before any.
    pub roster: RwSignal<Option<Roster>>,
    /// What the people tables search and sort by (`canbo_core::roster::query`): new with
    /// each roster, each part made on first use.
    pub people_index: Memo<PeopleIndex>,
    /// The roster as the report reads it (`canbo_core::report::Coded`): coded once per
    /// roster, so that a filter change, a cross-tab or the people behind a figure is a loop
    /// over small integers.
    pub coded: Memo<Option<Coded>>,
    /// A roster coded ahead by the import, a slice at a time (`worker::run`), with the
    /// address of that roster's people: the `coded` memo takes it, rather than coding the
    /// roster at once, when the roster it reads has those very people (the same buffer and
    /// length; any other roster set meanwhile has other ones). [`AppState::show_roster`]
    /// sets it.
    coded_ahead: StoredValue<Option<(usize, Coded)>>,
    /// The headline figures of the running import's roster under the settings on screen
    /// (`Report::headline`: no units, sources or warnings), as the worker computed them
    /// before sending that roster: drawn (`Settings::headlines`) while the page reads the
    /// roster back and codes it, so that the figures come first; the report's sections
    /// follow with the roster. `None` otherwise: [`AppState::show_roster`] clears it.
    pub report_ahead: RwSignal<Option<(ReportOptions, Report)>>,
    /// The report settings on screen (`crate::settings::Settings::options`), under which an
    /// import asks the worker for its report ahead; `None` until the settings exist.
    pub report_options: StoredValue<Option<Memo<ReportOptions>>>,
    /// The roster on screen when a report ahead took its place: put back if the import
    /// fails after all, let go a slice at a time once the new roster is shown.
    before_ahead: StoredValue<Option<Roster>>,
    /// Counts the imports asked of the worker: a report ahead is shown only while the import
    /// it belongs to is the running one.
    imports: StoredValue<u64>,
    /// Why the files of the last import could not be read, in both languages.
    pub errors: RwSignal<Vec<canbo_core::Text>>,
    /// The bytes of the files behind the roster (this visit only), to re-read them when the
    /// user corrects the import review.
    pub files: StoredValue<Vec<FileInput>>,
    /// What the importer saw in each file of the roster (empty after a reload: the bytes
    /// are not kept in storage).
    pub review: RwSignal<Vec<FileReport>>,
    /// The user's corrections: a column's field, a sheet's role. Saved.
    pub overrides: RwSignal<Overrides>,
    /// User settings by name (language, report options…). Saved.
    pub settings: RwSignal<BTreeMap<String, String>>,
    /// Named reports kept to compare with. Saved.
    pub snapshots: RwSignal<Vec<Snapshot>>,
    /// Rule sets of standards the user made or edited, beside the built-in ones. Saved.
    pub rule_sets: RwSignal<Vec<RuleSet>>,
    /// Why the last save of the settings failed; shown until the next good save.
    pub storage_error: RwSignal<Option<canbo_core::Text>>,
    /// Why the roster on screen is not kept (too large, storage full); cleared by the next
    /// roster that is.
    pub roster_storage_error: RwSignal<Option<canbo_core::Text>>,
    /// What went wrong reading the saved data (storage disabled, damaged, written by a newer
    /// Canbo); shown for the visit, until everything is deleted.
    pub storage_notice: RwSignal<Option<canbo_core::Text>>,
    /// What this tab knows of the stored data: the state as last read or written (a save
    /// of the same state is skipped, and a merge starts from it), and each slot's revision.
    kept: StoredValue<Stored>,
    /// What the last visit kept has been read (or there was nothing): until then nothing is
    /// saved, which would write over it.
    kept_read: StoredValue<bool>,
    /// The roster of the running import as the worker packed it for storage, and whether the
    /// page took that roster: it is stored once both hold (the packed text may come first).
    packed: StoredValue<(Option<String>, bool)>,
    /// An import is running (the page shows its progress and a Cancel button).
    pub busy: RwSignal<bool>,
    /// The people of the roster the last visit kept, while the page reads it back at start
    /// ([`AppState::restore`]); `None` otherwise. Whatever sets another roster, or none,
    /// meanwhile clears it, and the roster read back is then dropped.
    pub restoring: RwSignal<Option<usize>>,
    /// The folded import area is open: the files imported, how they were read, the values
    /// not recognised.
    pub import_open: RwSignal<bool>,
    /// How far the running import is (of [`worker::PROGRESS_MAX`]) and what it is doing
    /// (said in the language on screen).
    pub progress: RwSignal<(u32, Option<Activity>)>,
}

impl AppState {
    /// The state at start-up, with what the last visit saved, if anything. It is saved again
    /// whenever it changes.
    pub fn new() -> AppState {
        let state = AppState::empty();
        // What the last visit kept is read with the storage's own code (`on_demand`): at
        // once when it is on the page, else as soon as it has arrived. A first visit, with
        // nothing kept, does not fetch it.
        if storage::anything_kept() {
            // A kept roster is said to be reopening from the first frame, not after the
            // chunk has come (`read_kept` says otherwise if there is none to read).
            if storage::roster_kept() {
                state.restoring.set(Some(0));
            }
            crate::on_demand::now_or_soon(crate::on_demand::read_kept(state), move || {
                state.restoring.set(None);
                state.storage_notice.set(Some(kept_not_fetched()))
            });
        } else {
            state.kept_read.set_value(true);
        }
        state.follow_other_tabs();
        // Each roster's search text and names' ranks are made in the background, so that
        // the first search or sort by name of the staff list does not hold the page.
        Effect::new(move |_| {
            if state.roster.with(Option::is_some) {
                leptos::task::spawn_local(crate::in_slices::prepare_staff_list(state));
            }
        });
        // Save on every change after the first run, which only reads back what was loaded, and
        // not before what was kept is read (it would be written over). The roster is not in
        // it: it is saved when an import replaces it (`keep_roster`).
        Effect::new(move |ran_before: Option<()>| {
            state.track_saved();
            if ran_before.is_some() && state.kept_read.get_value() {
                crate::on_demand::now_or_soon(crate::on_demand::persist(state), move || {
                    state.storage_error.set(Some(kept_not_fetched()))
                });
            }
        });
        state
    }

    /// The state with nothing imported and nothing stored.
    pub fn empty() -> AppState {
        let roster = RwSignal::new(None::<Roster>);
        // Always "changed": a new roster is a new index.
        let people_index = Memo::new_with_compare(
            move |_| {
                roster.track();
                PeopleIndex::new()
            },
            |_, _| true,
        );
        let coded_ahead = StoredValue::new(None::<(usize, Coded)>);
        let coded = Memo::new_with_compare(
            move |_| {
                let ahead = coded_ahead.try_update_value(Option::take).flatten();
                roster.with(|r| {
                    let r = r.as_ref()?;
                    let ahead = ahead.filter(|(people, coded)| {
                        *people == r.people.as_ptr() as usize && coded.len() == r.people.len()
                    });
                    Some(ahead.map_or_else(|| Coded::new(r), |(_, coded)| coded))
                })
            },
            |_, _| true,
        );
        AppState {
            roster,
            people_index,
            coded,
            coded_ahead,
            report_ahead: RwSignal::new(None),
            report_options: StoredValue::new(None),
            before_ahead: StoredValue::new(None),
            imports: StoredValue::new(0),
            errors: RwSignal::new(Vec::new()),
            files: StoredValue::new(Vec::new()),
            review: RwSignal::new(Vec::new()),
            overrides: RwSignal::new(Overrides::default()),
            settings: RwSignal::new(BTreeMap::new()),
            snapshots: RwSignal::new(Vec::new()),
            rule_sets: RwSignal::new(Vec::new()),
            storage_error: RwSignal::new(None),
            roster_storage_error: RwSignal::new(None),
            storage_notice: RwSignal::new(None),
            kept: StoredValue::new(Stored::default()),
            kept_read: StoredValue::new(false),
            packed: StoredValue::new((None, false)),
            busy: RwSignal::new(false),
            restoring: RwSignal::new(None),
            import_open: RwSignal::new(false),
            progress: RwSignal::new((0, None)),
        }
    }

    /// Tracks the settings kept between visits, without copying them: the save effect
    /// reruns on every change and saves them as they are then ([`AppState::saved_untracked`]).
    fn track_saved(&self) {
        self.overrides.track();
        self.settings.track();
        self.snapshots.track();
        self.rule_sets.track();
    }

    /// The settings kept between visits, as they are now.
    pub fn saved_untracked(&self) -> Saved {
        Saved {
            roster: None,
            overrides: self.overrides.get_untracked(),
            settings: self.settings.get_untracked(),
            snapshots: self.snapshots.get_untracked(),
            rule_sets: self.rule_sets.get_untracked(),
        }
    }

    /// Reads what the last visit kept and shows it (`on_demand::read_kept`, at start).
    pub fn read_kept(self) {
        let mut loaded = storage::load_at_start();
        // A file picked while the chunk came has its roster on the page, or on its way:
        // the kept one is not shown over it (the import keeps its own in its place).
        let taken = self.roster.with_untracked(Option::is_some) || self.busy.get_untracked();
        match (loaded.columns.take(), loaded.saved.roster.take()) {
            _ if taken => self.restoring.set(None),
            (Some(columns), _) => leptos::task::spawn_local(self.restore(columns)),
            (None, roster) => {
                self.restoring.set(None);
                self.roster.set(roster);
            }
        }
        self.storage_notice.set(loaded.notice);
        // What the user changed before this was read (a setting, in the moment the storage's
        // chunk took to come) wins over what was kept, as another tab's change would
        // (`storage::merge`); the save effect then keeps it.
        let before = self.kept.with_value(|k| k.base.clone());
        let mine = self.saved_untracked();
        let shown = if mine == before {
            loaded.saved.clone()
        } else {
            storage::merge(&before, &mine, &loaded.saved)
        };
        self.kept.set_value(Stored {
            base: loaded.saved,
            state: loaded.state,
            roster: loaded.roster,
        });
        self.show_saved(shown);
        self.kept_read.set_value(true);
    }

    /// Shows the saved state (not the roster).
    fn show_saved(&self, saved: Saved) {
        self.overrides.set(saved.overrides);
        self.settings.set(saved.settings);
        self.snapshots.set(saved.snapshots);
        self.rule_sets.set(saved.rule_sets);
    }

    /// Writes `saved` to local storage; a failure is shown, never dropped. Nothing is
    /// written when it is what storage already holds (this tab's last read or write), nor
    /// over a newer Canbo's data. When another tab saved since, its data and this tab's
    /// change are merged (`storage::merge`), saved, and shown.
    pub fn persist(&self, saved: &Saved) {
        let (same, known, locked) = self
            .kept
            .with_value(|k| (k.base == *saved, k.state.rev, k.state.locked));
        if same {
            return;
        }
        if locked {
            self.storage_error.set(Some(SaveError::Locked.message()));
            return;
        }
        match storage::save(saved, known) {
            Ok(rev) => {
                self.kept.update_value(|k| {
                    k.base = saved.clone();
                    k.state.rev = rev;
                });
                self.storage_error.set(None);
            }
            Err(SaveError::Stale { .. }) => self.merge_with_stored(saved),
            Err(error) => self.storage_error.set(Some(error.message())),
        }
    }

    /// Another tab saved the state since this tab read it: merge this tab's change into
    /// what is stored, save that, and show it.
    fn merge_with_stored(&self, mine: &Saved) {
        let theirs = storage::load_state();
        if theirs.kept.locked {
            self.kept.update_value(|k| k.state = theirs.kept);
            self.storage_notice.set(theirs.notice);
            self.storage_error.set(Some(SaveError::Locked.message()));
            return;
        }
        // Nothing readable to merge with: this tab's state is all there is.
        let Some(stored) = theirs.value else {
            self.kept.update_value(|k| k.state = theirs.kept);
            self.storage_notice.set(theirs.notice);
            return self.persist(mine);
        };
        let merged = self
            .kept
            .with_value(|k| storage::merge(&k.base, mine, &stored));
        self.kept.update_value(|k| {
            k.base = stored;
            k.state = theirs.kept;
        });
        // Saved at once with the stored revision as known: the save effect then finds the
        // merged state already stored.
        self.persist(&merged);
        self.show_saved(merged);
    }

    /// Follows what other tabs of this site store (the `storage` event fires in every
    /// other tab after a write): the state, the roster and the language are read again,
    /// so no tab shows, or later saves, an older copy.
    fn follow_other_tabs(&self) {
        let state = *self;
        let owner = Owner::current();
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key();
            if key.as_deref() == Some(crate::settings::LANG_KEY) {
                if let Some(settings) = owner
                    .as_ref()
                    .and_then(|o| o.with(use_context::<crate::settings::Settings>))
                {
                    let lang = crate::settings::stored_lang(event.new_value().as_deref());
                    if settings.lang.get_untracked() != lang {
                        settings.lang.set(lang);
                    }
                }
                return;
            }
            crate::on_demand::now_or_soon(crate::on_demand::other_tab_stored(state, key), || {});
        });
        on_cleanup(move || handle.remove());
    }

    /// Reads again what another tab wrote under `key` (`None`: it cleared the storage).
    pub fn other_tab_stored(&self, key: Option<&str>) {
        match storage::changed(key) {
            Some(storage::Changed::State) => self.reload_state(),
            Some(storage::Changed::Roster) => self.reload_roster(),
            Some(storage::Changed::All) => {
                self.reload_state();
                self.reload_roster();
            }
            None => {}
        }
    }

    /// Reads back the roster the last visit kept (`storage::load_at_start` only opened it):
    /// inflates it, reads its columns and codes it a slice at a time, then shows it, unless
    /// another roster (or none: «Xóa toàn bộ dữ liệu») was set meanwhile. Found damaged on
    /// the way, the slot is read again at once ([`AppState::reload_roster`]), which falls
    /// back to the revision before and tells the user.
    async fn restore(self, columns: Inflating) {
        self.restoring.set(Some(0));
        // The page is drawn once, saying what it is doing, before the first slice.
        crate::turns::next_paint().await;
        let read = async {
            let bytes = crate::in_slices::inflate(columns).await?;
            // The header once: how many people, then the people.
            let decoding = canbo_core::store::columnar::Decoding::new(&bytes)?;
            if self.restoring.get_untracked().is_some() {
                self.restoring.set(Some(decoding.people()));
            }
            let (roster, coded) = crate::in_slices::read_on(decoding).await?;
            drop(bytes);
            Ok::<_, canbo_core::store::StoreError>((roster, coded))
        };
        let read = read.await;
        if self.restoring.get_untracked().is_none() {
            return;
        }
        match read {
            Ok((roster, coded)) => self.show_roster(roster, Some(coded)),
            Err(error) => {
                leptos::logging::warn!(
                    "Canbo: the kept roster is damaged ({error}); reading the slot again"
                );
                self.reload_roster();
            }
        }
    }

    /// Shows the state another tab saved.
    fn reload_state(&self) {
        let part = storage::load_state();
        if part.kept.locked || part.value.is_some() || part.notice.is_none() {
            let saved = part.value.unwrap_or_default();
            self.kept.update_value(|k| {
                k.base = saved.clone();
                k.state = part.kept;
            });
            self.show_saved(saved);
        }
        if part.notice.is_some() {
            self.storage_notice.set(part.notice);
        }
    }

    /// Shows the roster another tab saved (or removed). The files of this tab's import are
    /// not behind it any more.
    fn reload_roster(&self) {
        let part = storage::load_roster();
        if part.kept.locked || part.value.is_some() || part.notice.is_none() {
            self.kept.update_value(|k| k.roster = part.kept);
            self.files.set_value(Vec::new());
            self.review.set(Vec::new());
            self.errors.set(Vec::new());
            self.roster_storage_error.set(None);
            self.restoring.set(None);
            self.replace_roster(part.value);
        }
        if part.notice.is_some() {
            self.storage_notice.set(part.notice);
        }
    }

    /// Imports the files of one pick or drop on this thread, for the in-browser tests (the
    /// page's wasm carries no parser: it imports in the worker, [`AppState::import_soon`]).
    #[cfg(test)]
    pub fn import(&self, picked: Picked) {
        let parsed = self
            .overrides
            .with_untracked(|o| canbo_core::import::import(&picked.files, o));
        self.packed
            .set_value((crate::storage::pack_roster(&parsed.roster).ok(), false));
        self.apply_import(picked, parsed, None);
    }

    /// Imports in a Web Worker, so the page stays responsive and Cancel works. The files
    /// replace the roster only when they hold people: files that cannot be read leave what
    /// was there untouched.
    pub async fn import_soon(self, picked: Picked) {
        if picked.files.is_empty() {
            return self.apply_import(picked, Import::default(), None);
        }
        // What reads the worker's answer is fetched while the worker reads (a first visit's
        // page comes without it: `on_demand`), and the report's sections once it has
        // answered: on a slow line they would share it with the worker the figures wait for.
        // On the browser's own queue: it needs nothing of Leptos's, which an import started
        // outside a mounted view (the tests) has not got.
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::on_demand::prefetch_answer().await;
        });
        let parsed = self.parse(&picked.files, true).await;
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::on_demand::prefetch_report().await;
        });
        let Some((parsed, coded)) = parsed else {
            return;
        };
        // The coding's last slice was this task: the first drawing of the report gets one
        // of its own.
        crate::turns::let_the_browser_draw().await;
        self.apply_import(picked, parsed, Some(coded));
    }

    /// Adds files to the roster on screen («Thêm tệp»): the files of this visit are read again
    /// with them, so the review covers all; after a reload (their bytes are not kept) the new
    /// files' roster is added to the stored one by the core, as if read together.
    pub async fn add_soon(self, picked: Picked) {
        if picked.files.is_empty() || self.roster.with_untracked(Option::is_none) {
            return self.import_soon(picked).await;
        }
        let mut kept = self.files.get_value();
        if !kept.is_empty() {
            kept.retain(|k| !picked.files.iter().any(|f| f.name == k.name));
            kept.extend(picked.files);
            let all = Picked {
                files: kept,
                unreadable: picked.unreadable,
            };
            return self.import_soon(all).await;
        }
        // The added people join the roster on screen, which is then coded anew, whole.
        let Some((parsed, _)) = self.parse(&picked.files, false).await else {
            return;
        };
        let mut errors = picked.unreadable;
        errors.extend(parsed.errors.iter().map(refused));
        if !parsed.roster.people.is_empty() {
            self.roster.update(|r| {
                if let Some(r) = r {
                    canbo_core::import::add(r, parsed.roster);
                }
            });
            self.review.update(|r| r.extend(parsed.files));
            crate::on_demand::now_or_soon(
                crate::on_demand::pack_and_keep_roster(self, false),
                move || self.roster_storage_error.set(Some(kept_not_fetched())),
            );
        }
        self.errors.set(errors);
    }

    /// Runs the core on `files` with the current overrides in the worker, showing progress:
    /// the import and its roster coded for the report; `None` when the user cancelled or no
    /// worker could run (the page says why). With `figures_first` (an import of files that
    /// replaces the roster on screen), the worker's headline figures of the new roster are
    /// shown as soon as they come, before the roster itself ([`AppState::report_ahead`]).
    async fn parse(self, files: &[FileInput], figures_first: bool) -> Option<(Import, Coded)> {
        self.busy.set(true);
        self.imports.update_value(|n| *n += 1);
        let this_import = self.imports.get_value();
        let options = figures_first
            .then(|| self.report_options.get_value())
            .flatten()
            .map(|options| options.get_untracked());
        self.progress
            .set((worker::STEPS / 2, Some(Activity::Sending)));
        let overrides = self.overrides.get_untracked();
        let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
        let started = now_ms();
        let progress = self.progress;
        self.packed.set_value((None, false));
        // The corrections as the worker reads them; none (most imports) is an empty text,
        // which needs no JSON on the page.
        let overrides_json = if overrides == Overrides::default() {
            String::new()
        } else {
            match crate::on_demand::overrides_json(overrides.clone()).await {
                Ok(json) => json,
                Err(_) => {
                    self.busy.set(false);
                    self.errors.set(vec![kept_not_fetched()]);
                    return None;
                }
            }
        };
        let on_report = {
            let options = options.clone();
            move |json: Vec<u8>| {
                let Some(options) = options else { return };
                wasm_bindgen_futures::spawn_local(async move {
                    let read = crate::on_demand::read_report(json).await;
                    let running =
                        self.busy.get_untracked() && self.imports.get_value() == this_import;
                    if let (Ok(Ok(report)), true) = (read, running) {
                        self.show_report_ahead(options, report);
                    }
                });
            }
        };
        let request = worker::Request {
            files,
            overrides: &overrides_json,
            options: options.as_ref(),
        };
        let outcome = worker::run(
            request,
            move |stage, activity| forward(progress, stage, activity),
            on_report,
            move |packed| {
                self.packed.update_value(|p| p.0 = Some(packed));
                self.store_packed_roster();
            },
        )
        .await;
        self.busy.set(false);
        if !matches!(outcome, worker::Outcome::Done(..)) {
            self.take_back_report_ahead();
        }
        match outcome {
            worker::Outcome::Done(parsed, coded) => {
                leptos::logging::log!(
                    "Canbo: import of {bytes} bytes took {:.0} ms in the worker ({} people)",
                    now_ms() - started,
                    parsed.roster.people.len()
                );
                Some((parsed, coded))
            }
            worker::Outcome::Cancelled => None,
            worker::Outcome::NotFetched => {
                self.errors.set(vec![canbo_core::Text::new(
                    "Đã đọc xong tệp nhưng không tải được phần của Canbo dùng để hiện kết quả (mạng bị ngắt?). Hãy kiểm tra kết nối rồi nhập lại tệp.",
                    "The file was read, but the part of Canbo that shows the result could not be loaded (is the network down?). Check the connection and import the file again.",
                )]);
                None
            }
            // The in-browser unit tests have no worker.js: they import on this thread.
            #[cfg(test)]
            worker::Outcome::Unavailable(_) => {
                let parsed = canbo_core::import::import(files, &overrides);
                let packed = crate::storage::pack_roster(&parsed.roster).ok();
                self.packed.update_value(|p| p.0 = packed);
                let coded = Coded::new(&parsed.roster);
                Some((parsed, coded))
            }
            #[cfg(not(test))]
            worker::Outcome::Unavailable(why) => {
                leptos::logging::log!("Canbo: no worker ({why})");
                self.errors.set(vec![canbo_core::Text::new(
                    format!("Trình duyệt không chạy được bộ đọc tệp (Web Worker: {why}). Hãy mở Canbo bằng Chrome, Edge hoặc Cốc Cốc bản mới, qua địa chỉ http(s)://, không mở tệp trực tiếp."),
                    format!("The browser cannot run the file reader (Web Worker: {why}). Open Canbo in a recent Chrome, Edge or Cốc Cốc, through an http(s):// address, not as a local file."),
                )]);
                None
            }
        }
    }

    /// The page took the roster of the running import: store it once packed.
    fn roster_taken(&self) {
        self.packed.update_value(|p| p.1 = true);
        self.store_packed_roster();
    }

    fn store_packed_roster(&self) {
        let ready = self.packed.with_value(|p| p.0.is_some() && p.1);
        if ready {
            if let (Some(text), _) = self.packed.get_value() {
                self.packed.set_value((None, false));
                let state = *self;
                crate::on_demand::now_or_soon(
                    crate::on_demand::keep_roster(state, text),
                    move || state.roster_storage_error.set(Some(kept_not_fetched())),
                );
            }
        }
    }

    /// Packs the roster on screen here (not in the worker) and keeps it; `derived`: see
    /// [`AppState::keep_roster`].
    pub fn pack_and_keep_roster(&self, derived: bool) {
        let packed = self
            .roster
            .with_untracked(|r| r.as_ref().map(crate::storage::pack_roster));
        match packed {
            Some(Ok(text)) => self.keep_roster(&text, derived),
            Some(Err(e)) => self
                .roster_storage_error
                .set(Some(SaveError::Refused(e.to_string()).message())),
            None => {}
        }
    }

    /// Keeps the roster on screen in local storage, `packed` by the worker; says so when it
    /// does not fit. A `derived` roster is this tab's stored one changed (a taught spelling):
    /// when another tab stored a newer roster meanwhile, that one is taken instead, with the
    /// spellings applied to it.
    pub fn keep_roster(&self, packed: &str, derived: bool) {
        let people = self
            .roster
            .with_untracked(|r| r.as_ref().map_or(0, |r| r.people.len()));
        let (known, locked) = self.kept.with_value(|k| (k.roster.rev, k.roster.locked));
        let started = now_ms();
        let result = if locked {
            Err(SaveError::Locked)
        } else {
            crate::storage::save_roster(packed, people, derived.then_some(known))
        };
        leptos::logging::log!(
            "Canbo: storing the roster ({} characters) took {:.0} ms",
            packed.len(),
            now_ms() - started
        );
        match result {
            Ok(rev) => {
                self.kept.update_value(|k| k.roster.rev = rev);
                self.roster_storage_error.set(None);
            }
            Err(SaveError::Stale { .. }) => {
                self.reload_roster();
                if self.roster.with_untracked(Option::is_some) {
                    self.apply_spellings();
                }
            }
            Err(error) => self.roster_storage_error.set(Some(error.message())),
        }
    }

    /// Stops the import running in the worker; nothing changes.
    pub fn cancel_import(&self) {
        worker::cancel();
    }

    /// Shows the running import's headline figures (`report`, under `options`) before its
    /// roster: the roster on screen makes way for them (kept aside until the import ends),
    /// so that nothing on the page, a section of the report, a figure's people, the staff
    /// list, is of the old roster beside the new figures.
    fn show_report_ahead(&self, options: ReportOptions, report: Report) {
        let replaced = self.roster.try_update(Option::take).flatten();
        if replaced.is_some() {
            self.before_ahead.set_value(replaced);
        }
        self.report_ahead.set(Some((options, report)));
    }

    /// The import whose figures were shown ahead failed or was cancelled: they go and
    /// the roster before it comes back (coded a slice at a time: at a province coding it at
    /// once would hold the page).
    fn take_back_report_ahead(&self) {
        if let Some(before) = self.end_report_ahead() {
            let state = *self;
            wasm_bindgen_futures::spawn_local(async move {
                let coded = crate::in_slices::code(&before).await;
                // Unless another roster, or its figures, came meanwhile.
                let free = state.roster.with_untracked(Option::is_none)
                    && state.report_ahead.with_untracked(Option::is_none);
                if free {
                    state.show_roster(before, Some(coded));
                }
            });
        }
    }

    /// The figures shown ahead of a roster are over (its import ended either way): they
    /// go, and the roster they took the place of, if any, is given back.
    fn end_report_ahead(&self) -> Option<Roster> {
        if self.report_ahead.with_untracked(Option::is_some) {
            self.report_ahead.set(None);
        }
        self.before_ahead.try_update_value(Option::take).flatten()
    }

    /// Shows `roster`, coded as `coded` when the import coded it ahead.
    fn show_roster(&self, roster: Roster, coded: Option<Coded>) {
        // The figures shown ahead of this roster are now its report's.
        if let Some(before) = self.end_report_ahead() {
            wasm_bindgen_futures::spawn_local(crate::in_slices::let_go(before));
        }
        // Moving the roster into the signal leaves its people where they are.
        let people = roster.people.as_ptr() as usize;
        self.coded_ahead.set_value(coded.map(|c| (people, c)));
        self.restoring.set(None);
        self.replace_roster(Some(roster));
    }

    /// Puts `roster` (or none) on the page. The roster replaced is let go a slice at a time,
    /// after: at a province, freeing its people at once would hold the page as long as
    /// coding them (110 ms at 250,000 people).
    fn replace_roster(&self, roster: Option<Roster>) {
        let replaced = self
            .roster
            .try_update(|r| std::mem::replace(r, roster))
            .flatten();
        if let Some(replaced) = replaced {
            wasm_bindgen_futures::spawn_local(crate::in_slices::let_go(replaced));
        }
    }

    fn apply_import(&self, picked: Picked, parsed: Import, coded: Option<Coded>) {
        let mut errors = picked.unreadable;
        if !picked.files.is_empty() {
            errors.extend(parsed.errors.iter().map(refused));
            if parsed.roster.people.is_empty() {
                if errors.is_empty() {
                    errors.push(canbo_core::Text::new(
                        "Không tìm thấy ai trong các tệp đã chọn.",
                        "No one was found in the chosen files.",
                    ));
                }
            } else {
                // Keep the bytes of the files that were read, to re-read them on a correction.
                let kept: Vec<FileInput> = picked
                    .files
                    .into_iter()
                    .filter(|f| parsed.files.iter().any(|r| r.file == f.name))
                    .collect();
                self.files.set_value(kept);
                self.review.set(parsed.files);
                self.show_roster(parsed.roster, coded);
                self.roster_taken();
            }
        }
        self.errors.set(errors);
    }

    /// Column `col` of a sheet holds `field` (`None`: nothing the importer knows).
    pub fn set_column(&self, file: &str, sheet: &str, col: usize, field: Option<Field>) {
        self.overrides.update(|o| {
            o.columns
                .retain(|c| !(c.file == file && c.sheet == sheet && c.col == col));
            o.columns.push(ColumnChoice {
                file: file.into(),
                sheet: sheet.into(),
                col,
                field,
            });
        });
        self.reimport();
    }

    /// A sheet is, or is not, a roster.
    pub fn set_sheet_role(&self, file: &str, sheet: &str, roster: bool) {
        self.overrides.update(|o| {
            o.sheets.retain(|c| !(c.file == file && c.sheet == sheet));
            o.sheets.push(SheetChoice {
                file: file.into(),
                sheet: sheet.into(),
                roster,
            });
        });
        self.reimport();
    }

    /// The user says what a value no rule read means: kept with the corrections (so every
    /// later import reads it), and applied at once to the roster on screen, which is stored.
    pub fn teach(&self, spelling: Spelling) {
        self.overrides
            .update(|o| canbo_core::vocab::spellings::teach(&mut o.spellings, spelling));
        self.apply_spellings();
    }

    /// Spellings from a file (`canbo.spellings/1`), added to the ones taught.
    pub fn learn(&self, more: Vec<Spelling>) {
        self.overrides
            .update(|o| canbo_core::vocab::spellings::merge(&mut o.spellings, more));
        self.apply_spellings();
    }

    /// Forgets a taught spelling. The roster on screen is read again from its files when
    /// they are still here; otherwise the next import reads it without.
    pub fn forget_spelling(&self, field: Field, text: &str) {
        self.overrides
            .update(|o| canbo_core::vocab::spellings::forget(&mut o.spellings, field, text));
        if self.files.with_value(|f| !f.is_empty()) {
            self.reimport();
        }
    }

    fn apply_spellings(&self) {
        let taught = self
            .overrides
            .with_untracked(|o| Spellings::new(&o.spellings));
        let mut changed = 0;
        self.roster.update(|r| {
            if let Some(r) = r {
                changed = r.apply_spellings(&taught);
            }
        });
        if changed > 0 {
            self.pack_and_keep_roster(true);
        }
    }

    /// Reads the kept files again with the current overrides, in the worker.
    fn reimport(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let files = state.files.get_value();
            // Not figures first: the roster would make way for them for a moment under the
            // review the user is correcting.
            if let Some((parsed, coded)) = state.parse(&files, false).await {
                state.apply_reimport(parsed, coded);
            }
        });
    }

    /// A file that now gives no roster (every sheet marked "not a roster") keeps its review,
    /// so the user can undo.
    fn apply_reimport(&self, parsed: Import, coded: Coded) {
        let previous = self.review.get_untracked();
        let overrides = self.overrides.get_untracked();
        let mut review = parsed.files;
        for error in &parsed.errors {
            if let Some(mut old) = previous.iter().find(|r| r.file == error.file()).cloned() {
                for sheet in &mut old.sheets {
                    let off = overrides
                        .sheets
                        .iter()
                        .any(|c| c.file == old.file && c.sheet == sheet.sheet && !c.roster);
                    if off {
                        sheet.skipped = Some(NotRoster::ByUser);
                        sheet.people = 0;
                    }
                }
                review.push(old);
            }
        }
        self.errors.set(parsed.errors.iter().map(refused).collect());
        self.review.set(review);
        self.show_roster(parsed.roster, Some(coded));
        self.roster_taken();
    }

    /// Whether anything of the user's is here: a roster, saved figures or corrections. The
    /// page's data menu and saved figures show only then.
    pub fn keeps_anything(&self) -> bool {
        self.roster.with(Option::is_some)
            || self.snapshots.with(|s| !s.is_empty())
            || self
                .overrides
                .with(|o| !o.columns.is_empty() || !o.sheets.is_empty())
    }

    /// Whether the import panel's review has anything to show: what `keeps_anything` says,
    /// files read this visit (even with nobody in them), or spellings taught. Its views come
    /// from a chunk (`on_demand`), fetched only then.
    pub fn has_reading(&self) -> bool {
        self.keeps_anything()
            || self.review.with(|r| !r.is_empty())
            || self.overrides.with(|o| !o.spellings.is_empty())
    }

    /// Keeps the current report under `name` (replacing one of the same name).
    pub fn save_snapshot(&self, name: &str, report: Report) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        let snapshot = Snapshot {
            name: name.to_string(),
            saved_on: today().to_string(),
            report,
        };
        self.snapshots.update(|all| {
            all.retain(|s| s.name != name);
            all.push(snapshot);
        });
        true
    }

    pub fn delete_snapshot(&self, name: &str) {
        self.snapshots.update(|all| all.retain(|s| s.name != name));
    }

    /// Forgets everything: the page and the browser's storage.
    pub fn delete_all(&self) {
        worker::cancel();
        self.packed.set_value((None, false));
        self.files.set_value(Vec::new());
        self.review.set(Vec::new());
        self.errors.set(Vec::new());
        self.overrides.set(Overrides::default());
        self.settings.set(BTreeMap::new());
        self.snapshots.set(Vec::new());
        self.rule_sets.set(Vec::new());
        self.restoring.set(None);
        self.replace_roster(None);
        storage::clear();
        self.kept.set_value(Stored::default());
        self.storage_error.set(None);
        self.roster_storage_error.set(None);
        self.storage_notice.set(None);
    }

    /// Takes what a roster package holds (`canbo_core::share::package`): its roster,
    /// corrections, settings, snapshots and rule sets replace the page's, and are stored.
    /// The roster is shown coded as `coded` (read back from its columns as the package was
    /// opened) or coded here a slice at a time first, and kept as `stored`
    /// (`storage::seal_roster`, which the download worker made) or packed here: at 100,000
    /// people, coding and packing it at once held the page for 561 ms.
    pub async fn adopt_package(
        self,
        content: canbo_core::share::PackageContent,
        stored: Option<String>,
        coded: Option<Coded>,
    ) {
        let coded = match coded {
            Some(coded) => coded,
            None => crate::in_slices::code(&content.roster).await,
        };
        // The coding's last slice was this task: the report's first drawing gets its own.
        crate::turns::let_the_browser_draw().await;
        worker::cancel();
        self.packed.set_value((None, false));
        self.files.set_value(Vec::new());
        self.review.set(Vec::new());
        self.errors.set(Vec::new());
        self.overrides.set(content.overrides);
        self.settings.set(content.settings);
        self.snapshots.set(content.snapshots);
        self.rule_sets.set(content.rule_sets);
        self.show_roster(content.roster, Some(coded));
        match stored {
            Some(text) => self.keep_roster(&text, false),
            None => self.pack_and_keep_roster(false),
        }
    }

    pub fn dismiss_errors(&self) {
        self.errors.set(Vec::new());
    }
}

/// What a tab knows of the stored data ([`AppState::kept`]).
#[derive(Debug, Clone, Default)]
struct Stored {
    base: Saved,
    state: Kept,
    roster: Kept,
}

/// The bar of one import moved to `stage` (it never goes back: when the import worker
/// leaves a file to the one with the full reader after reading some, that one starts the
/// files again, and the bar waits where it was), and what it is doing now.
fn forward(progress: RwSignal<(u32, Option<Activity>)>, stage: u32, activity: Activity) {
    progress.update(|(at, doing)| {
        *at = (*at).max(stage);
        *doing = Some(activity);
    });
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A refused file's reason in both languages, as the error list keeps it.
fn refused(error: &canbo_core::ImportError) -> canbo_core::Text {
    crate::i18n::both(|l| error.message(l))
}

/// Why the data kept in the browser could not be read or written: the part of Canbo that
/// does it could not be fetched.
fn kept_not_fetched() -> canbo_core::Text {
    canbo_core::Text::new(
        "Không tải được phần của Canbo dùng để đọc và lưu dữ liệu trong trình duyệt (mạng bị ngắt?): dữ liệu đã lưu vẫn còn đó nhưng chưa đọc được, và thay đổi chưa được lưu. Hãy kiểm tra kết nối rồi tải lại trang.",
        "The part of Canbo that reads and keeps the data in this browser could not be loaded (is the network down?): the data kept is still there but was not read, and changes are not kept. Check the connection and reload the page.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{people, sample};
    use canbo_core::codes::Gender;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn not_a_spreadsheet() -> FileInput {
        FileInput {
            name: "ghi-chu.txt".into(),
            bytes: b"\x00\x01\x02 not a roster \xff\xfe".to_vec(),
        }
    }

    /// Within one import the bar only moves forward, while what it says follows the
    /// worker: the worker with the full reader starting the files again does not move it
    /// back.
    #[wasm_bindgen_test]
    fn the_progress_bar_never_goes_back_within_an_import() {
        let progress = RwSignal::new((worker::STEPS / 2, Some(Activity::Sending)));
        let reading = |step| Activity::File {
            index: 0,
            total: 1,
            name: "xa.xlsx".into(),
            bytes: 1,
            step,
        };
        forward(progress, 170, reading(canbo_core::import::Step::People));
        forward(progress, 100, reading(canbo_core::import::Step::Reading));
        assert_eq!(
            progress.get_untracked(),
            (170, Some(reading(canbo_core::import::Step::Reading)))
        );
        forward(progress, 300, Activity::Returning { people: 5 });
        assert_eq!(progress.get_untracked().0, 300);
    }

    #[wasm_bindgen_test]
    fn a_roster_file_gives_the_report_from_the_core() {
        let state = AppState::empty();
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        assert_eq!(people(&state), Some(420));
        assert!(state.errors.get_untracked().is_empty());
    }

    /// The women the report of the coded roster on screen counts.
    fn women_on_screen(state: &AppState) -> Option<u32> {
        state.coded.with_untracked(|c| {
            let report = c
                .as_ref()?
                .report(&canbo_core::report::ReportOptions::default());
            Some(report.figures.gender?.get(Gender::Nu))
        })
    }

    /// An import's headline figures come before its roster (the worker's report ahead): the
    /// roster on screen makes way, so that nothing of it is beside them, and the report's
    /// sections wait for the new roster, which then takes their place; an import failing
    /// after its figures puts the roster before back.
    #[wasm_bindgen_test]
    async fn an_imports_figures_come_before_its_roster_and_go_if_it_fails() {
        let state = AppState::empty();
        let settings = crate::settings::Settings::new(state);
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        let on_screen = || untrack(|| settings.headlines(|r| r.people));
        let report_on_screen = || {
            settings
                .report
                .with_untracked(|r| r.as_ref().map(|r| r.people))
        };
        assert_eq!(on_screen(), Some(420));
        let mut five = state.roster.get_untracked().unwrap();
        five.people.truncate(5);
        let options = settings.options.get_untracked();
        let ahead = canbo_core::report::report(&five, &options).headline();

        state.show_report_ahead(options.clone(), ahead.clone());
        assert_eq!(on_screen(), Some(5), "the figures ahead are shown");
        assert_eq!(report_on_screen(), None, "the sections wait for the roster");
        assert!(state.roster.with_untracked(Option::is_none));
        assert!(state.coded.with_untracked(Option::is_none));
        // Under other settings than they were asked with, they are not the report.
        settings
            .as_of
            .set(canbo_core::Date::new(2001, 1, 1).unwrap());
        assert_eq!(on_screen(), None);
        settings.as_of.set(options.as_of);
        assert_eq!(on_screen(), Some(5));

        // The import failed after all: the roster before comes back, with its figures.
        state.take_back_report_ahead();
        assert_eq!(on_screen(), None);
        until(|| state.roster.with_untracked(Option::is_some)).await;
        assert_eq!(people(&state), Some(420));
        assert_eq!(on_screen(), Some(420));
        assert_eq!(report_on_screen(), Some(420));

        // This time its roster comes: the figures are now that roster's own.
        state.show_report_ahead(options.clone(), ahead.clone());
        state.show_roster(five, None);
        assert!(state.report_ahead.with_untracked(Option::is_none));
        assert!(state.before_ahead.with_value(Option::is_none));
        assert_eq!(people(&state), Some(5));
        let report = settings.report.get_untracked().unwrap();
        assert_eq!(report.headline(), ahead);
        assert_eq!(on_screen(), Some(5));
    }

    #[wasm_bindgen_test]
    fn a_roster_coded_ahead_is_taken_for_that_roster_only() {
        let state = AppState::empty();
        let roster = canbo_core::import::import(&[sample()], &Overrides::default()).roster;
        // Coded ahead from the same people with every woman made a man: the figures on
        // screen tell which coding the page took.
        let mut men = roster.clone();
        for p in &mut men.people {
            p.gender = Some(Gender::Nam);
        }
        let mut coding = canbo_core::report::Coding::new();
        for slice in men.people.chunks(100) {
            coding.add(slice);
        }
        state.show_roster(roster.clone(), Some(coding.finish(&men)));
        assert_eq!(
            women_on_screen(&state),
            Some(0),
            "the coding given is taken"
        );
        let women = (Coded::new(&roster)
            .report(&Default::default())
            .figures
            .gender)
            .map(|g| g.get(Gender::Nu));
        assert!(women > Some(0));

        // Another roster set before the page read the coding (another tab's): coded anew.
        state.show_roster(roster.clone(), Some(Coded::new(&men)));
        state.roster.set(Some(roster.clone()));
        assert_eq!(women_on_screen(&state), women);
        // And without a coding given, the roster is coded at once.
        state.show_roster(roster, None);
        assert_eq!(women_on_screen(&state), women);
    }

    /// Turns of the browser until `done`, or a second's worth of them.
    async fn until(done: impl Fn() -> bool) {
        for _ in 0..50 {
            if done() {
                return;
            }
            crate::turns::next_paint().await;
        }
    }

    /// `roster` as local storage keeps it, opened as the page's start opens it.
    fn kept(roster: &Roster) -> Inflating {
        let text = crate::storage::pack_roster(roster).unwrap();
        match canbo_core::store::columnar::open(&text) {
            Ok(canbo_core::store::columnar::Opened::Deflated(inflating)) => inflating,
            other => panic!("not deflated columns: {other:?}"),
        }
    }

    #[wasm_bindgen_test]
    async fn the_roster_kept_comes_back_after_the_page_said_so_coded_as_it_is() {
        let roster = canbo_core::import::import(&[sample()], &Overrides::default()).roster;
        let state = AppState::empty();
        wasm_bindgen_futures::spawn_local(state.restore(kept(&roster)));
        crate::turns::let_the_browser_draw().await;
        assert!(state.restoring.get_untracked().is_some(), "said first");
        assert_eq!(people(&state), None);
        until(|| state.restoring.get_untracked().is_none()).await;
        assert!(
            state.roster.get_untracked() == Some(roster.clone()),
            "the roster kept"
        );
        let women = Coded::new(&roster)
            .report(&Default::default())
            .figures
            .gender
            .map(|g| g.get(Gender::Nu));
        assert!(women > Some(0));
        assert_eq!(women_on_screen(&state), women);
        assert_eq!(state.storage_notice.get_untracked(), None);
    }

    /// A package adopted replaces the roster, coded as it is, and the rest of the data; its
    /// roster is kept as the download worker sealed it for storage, or packed here where
    /// no worker did.
    #[wasm_bindgen_test]
    async fn a_package_adopted_replaces_the_data_and_is_kept_as_the_worker_sealed_it() {
        use canbo_core::share::PackageContent;
        use canbo_core::store::columnar;
        let state = AppState::empty();
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        let mut theirs = state.roster.get_untracked().unwrap();
        theirs.people.truncate(40);
        let content = || PackageContent {
            roster: theirs.clone(),
            settings: [("title".to_string(), "Gói của xã".to_string())].into(),
            ..PackageContent::default()
        };
        // What the worker sealed tells itself apart: one name differs from the roster's.
        let mut sealed = theirs.clone();
        sealed.people[0].name = "Người trong bản niêm phong".into();
        let stored = storage::seal_roster(&columnar::encode(&sealed).unwrap());

        state.adopt_package(content(), Some(stored), None).await;
        assert!(state.roster.get_untracked() == Some(theirs.clone()));
        assert_eq!(
            state
                .settings
                .get_untracked()
                .get("title")
                .map(String::as_str),
            Some("Gói của xã")
        );
        let women = |r: &Roster| {
            Coded::new(r)
                .report(&Default::default())
                .figures
                .gender
                .map(|g| g.get(Gender::Nu))
        };
        assert_eq!(women_on_screen(&state), women(&theirs));
        assert!(
            storage::load_roster().value == Some(sealed),
            "the worker's seal kept"
        );

        // Coded already (read back from the package's columns): shown as coded.
        state
            .adopt_package(content(), None, Some(Coded::new(&theirs)))
            .await;
        assert_eq!(women_on_screen(&state), women(&theirs));
        assert!(storage::load_roster().value == Some(theirs), "packed here");
        assert_eq!(state.roster_storage_error.get_untracked(), None);
    }

    #[wasm_bindgen_test]
    async fn the_search_text_and_name_ranks_of_each_roster_are_made_ahead_in_the_background() {
        let state = AppState::empty();
        // Whether the index of the roster on the page has everyone's search text and the
        // names' ranks (asking for no more people makes none).
        let made = move || {
            state.roster.with_untracked(|r| {
                let r = r.as_ref().unwrap();
                state.people_index.with_untracked(|i| {
                    i.prepare_search(&r.people, 0) && i.prepare_name_ranks(&r.people, 0)
                })
            })
        };
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        assert!(!made(), "nothing made yet");
        crate::in_slices::prepare_staff_list(state).await;
        assert!(made());
        // Another roster has an index of its own, made in turn.
        let mut fewer = state.roster.get_untracked().unwrap();
        fewer.people.truncate(7);
        state.show_roster(fewer, None);
        assert!(!made());
        crate::in_slices::prepare_staff_list(state).await;
        assert!(made());
    }

    #[wasm_bindgen_test]
    async fn a_roster_kept_is_dropped_when_everything_was_deleted_or_another_came_meanwhile() {
        let roster = canbo_core::import::import(&[sample()], &Overrides::default()).roster;
        for other in [None, Some(1)] {
            let state = AppState::empty();
            wasm_bindgen_futures::spawn_local(state.restore(kept(&roster)));
            crate::turns::let_the_browser_draw().await;
            assert!(state.restoring.get_untracked().is_some());
            let mut another = roster.clone();
            match other {
                None => state.delete_all(),
                Some(keep) => {
                    another.people.truncate(keep);
                    state.show_roster(another.clone(), None);
                }
            }
            assert_eq!(state.restoring.get_untracked(), None);
            // Long enough for the restore to have ended (420 people are one slice).
            for _ in 0..10 {
                crate::turns::next_paint().await;
            }
            assert_eq!(people(&state), other.map(|n| n as u32), "{other:?}");
        }
    }

    #[wasm_bindgen_test]
    async fn a_kept_roster_found_damaged_while_read_falls_back_to_the_one_before_and_says_so() {
        crate::storage::clear();
        let roster = canbo_core::import::import(&[sample()], &Overrides::default()).roster;
        let mut fewer = roster.clone();
        fewer.people.truncate(100);
        // Revision 2 altered in the middle: it is opened at start, and fails only once
        // inflated (zlib's checksum).
        let newer = crate::storage::pack_roster(&fewer).unwrap();
        let mut chars: Vec<char> = newer.chars().collect();
        let middle = chars.len() / 2;
        chars[middle] = if chars[middle] == 'A' { 'B' } else { 'A' };
        let altered: String = chars.into_iter().collect();
        crate::storage::set_item(
            "canbo.roster.1",
            &crate::storage::pack_roster(&roster).unwrap(),
        );
        crate::storage::set_item("canbo.roster.2", &altered);
        crate::storage::set_item("canbo.roster.ptr", "canbo.ptr:1:2");
        let loaded = crate::storage::load_at_start();
        assert_eq!(loaded.notice, None, "not known to be damaged yet");
        let state = AppState::empty();
        state.restore(loaded.columns.expect("opened")).await;
        assert_eq!(people(&state), Some(420));
        assert_eq!(state.restoring.get_untracked(), None);
        let notice = state.storage_notice.get_untracked().unwrap();
        assert!(notice.vi.contains("bản lưu ngay trước đó"), "{}", notice.vi);
        crate::storage::clear();
    }

    #[wasm_bindgen_test]
    fn an_unreadable_file_keeps_the_roster_and_says_which_file() {
        let state = AppState::empty();
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        state.import(Picked {
            files: vec![not_a_spreadsheet()],
            unreadable: vec![],
        });
        assert_eq!(people(&state), Some(420));
        let errors = state.errors.get_untracked();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].vi.contains("ghi-chu.txt"), "{errors:?}");
        assert!(errors[0].en.contains("not a spreadsheet"), "{errors:?}");
    }

    /// A setting changed in the moment before what the last visit kept is read (the
    /// storage's chunk on its way) is not replaced by the kept one: the change wins, the
    /// rest is what was kept; with nothing changed, what was kept is shown as it was.
    #[wasm_bindgen_test]
    fn a_setting_changed_before_the_kept_state_is_read_wins_over_it() {
        crate::storage::clear();
        let settings = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            (pairs.iter())
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let earlier = AppState::empty();
        earlier.kept_read.set_value(true);
        earlier
            .settings
            .set(settings(&[("a", "kept"), ("b", "kept")]));
        earlier.persist(&earlier.saved_untracked());
        assert_eq!(earlier.storage_error.get_untracked(), None);

        let changed = AppState::empty();
        changed.settings.update(|s| {
            s.insert("b".into(), "mine".into());
        });
        changed.read_kept();
        assert_eq!(
            changed.settings.get_untracked(),
            settings(&[("a", "kept"), ("b", "mine")])
        );

        let untouched = AppState::empty();
        untouched.read_kept();
        assert_eq!(
            untouched.settings.get_untracked(),
            settings(&[("a", "kept"), ("b", "kept")])
        );
        crate::storage::clear();
    }

    #[wasm_bindgen_test]
    fn a_new_import_clears_the_old_errors() {
        let state = AppState::empty();
        state.import(Picked {
            files: vec![],
            unreadable: vec![canbo_core::Text::new(
                "a.xlsx: không đọc được",
                "a.xlsx: not read",
            )],
        });
        assert_eq!(state.errors.get_untracked().len(), 1);
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        assert!(state.errors.get_untracked().is_empty());
    }

    #[wasm_bindgen_test]
    fn a_full_storage_is_shown_to_the_user_and_a_later_good_save_clears_it() {
        crate::storage::clear();
        let state = AppState::empty();
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        // Fill the site's quota (about 5 Mi UTF-16 characters) with something else first.
        let storage = leptos::prelude::window().local_storage().unwrap().unwrap();
        let mut fillers = Vec::new();
        let mut size = 4 << 20;
        while size >= 64 {
            let key = format!("canbo.test.filler{}", fillers.len());
            if storage.set_item(&key, &"x".repeat(size)).is_ok() {
                fillers.push(key);
            } else {
                size /= 2;
            }
        }
        let saved = Saved {
            // Numbers that deflate badly: tens of thousands of characters once packed.
            settings: (0..20_000u64)
                .map(|i| (i.to_string(), (i * 7919 % 100_003).to_string()))
                .collect(),
            ..Saved::default()
        };
        state.persist(&saved);
        let message = state.storage_error.get_untracked();
        for key in fillers {
            storage.remove_item(&key).unwrap();
        }
        assert!(message.is_some_and(|m| m.vi.contains("đầy") && m.en.contains("full")));

        state.persist(&saved);
        assert_eq!(state.storage_error.get_untracked(), None);
        crate::storage::clear();
    }

    #[wasm_bindgen_test]
    fn delete_all_forgets_the_page_and_the_storage() {
        crate::storage::clear();
        let state = AppState::empty();
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        let report = state.roster.with_untracked(|r| {
            canbo_core::report::report(r.as_ref().unwrap(), &Default::default())
        });
        assert!(state.save_snapshot("6 tháng đầu năm 2019", report));
        state.persist(&state.saved_untracked());
        assert!(crate::storage::load().saved.roster.is_some());

        state.delete_all();
        assert_eq!(people(&state), None);
        assert!(state.snapshots.get_untracked().is_empty());
        assert!(state.review.get_untracked().is_empty());
        assert_eq!(crate::storage::load().saved, Saved::default());
    }

    fn with_setting(state: &AppState, name: &str, value: &str) -> Saved {
        state
            .settings
            .update(|s| drop(s.insert(name.into(), value.into())));
        state.saved_untracked()
    }

    #[wasm_bindgen_test]
    fn a_tab_behind_another_merges_instead_of_overwriting() {
        crate::storage::clear();
        // Two tabs over the same storage, both started before anything was saved.
        let (a, b) = (AppState::empty(), AppState::empty());
        a.persist(&with_setting(&a, "as_of", "2024-12-31"));
        b.persist(&with_setting(&b, "bands", "30,46,61"));
        assert_eq!(b.storage_error.get_untracked(), None);

        let stored = crate::storage::load().saved.settings;
        assert_eq!(stored.get("as_of").map(String::as_str), Some("2024-12-31"));
        assert_eq!(stored.get("bands").map(String::as_str), Some("30,46,61"));
        assert_eq!(b.settings.get_untracked(), stored, "the merge is shown");

        // The first tab follows (the `storage` event), and its next save is no older copy.
        a.reload_state();
        assert_eq!(a.settings.get_untracked(), stored);
        a.persist(&with_setting(&a, "lang", "en"));
        assert_eq!(crate::storage::load().saved.settings.len(), 3);
        crate::storage::clear();
    }

    #[wasm_bindgen_test]
    fn a_roster_stored_by_another_tab_replaces_the_one_on_screen() {
        crate::storage::clear();
        let (a, b) = (AppState::empty(), AppState::empty());
        a.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        assert_eq!(people(&b), None);
        b.reload_roster();
        assert_eq!(people(&b), Some(420));
        // The other tab deletes everything: this one follows.
        a.delete_all();
        b.reload_roster();
        b.reload_state();
        assert_eq!(people(&b), None);
    }

    #[wasm_bindgen_test]
    fn nothing_is_written_over_data_of_a_newer_canbo() {
        crate::storage::clear();
        let storage = leptos::prelude::window().local_storage().unwrap().unwrap();
        let newer =
            canbo_core::store::pack(crate::storage::KIND, crate::storage::VERSION + 1, &1).unwrap();
        storage.set_item("canbo.state.1", &newer).unwrap();
        storage
            .set_item("canbo.state.ptr", "canbo.ptr:1:1")
            .unwrap();
        let state = AppState::empty();
        state.reload_state();
        assert!(state.storage_notice.get_untracked().is_some());
        state.persist(&with_setting(&state, "as_of", "2024-12-31"));
        let error = state.storage_error.get_untracked().unwrap();
        assert!(error.vi.contains("mới hơn"), "{}", error.vi);
        assert!(error.en.contains("newer Canbo"), "{}", error.en);
        assert_eq!(storage.get_item("canbo.state.1").unwrap(), Some(newer));
        // Deleting everything is the way out.
        state.delete_all();
        state.persist(&with_setting(&state, "as_of", "2024-12-31"));
        assert_eq!(state.storage_error.get_untracked(), None);
        crate::storage::clear();
    }

    #[wasm_bindgen_test]
    fn a_tab_behind_a_damaged_save_merges_with_the_last_readable_one() {
        crate::storage::clear();
        let (a, b) = (AppState::empty(), AppState::empty());
        b.persist(&with_setting(&b, "as_of", "2024-12-31"));
        b.persist(&with_setting(&b, "bands", "30,46,61"));
        // Another tab's save, damaged, now counts.
        let storage = leptos::prelude::window().local_storage().unwrap().unwrap();
        storage
            .set_item("canbo.state.7", "canbo.state:2:damaged")
            .unwrap();
        storage
            .set_item("canbo.state.ptr", "canbo.ptr:1:7")
            .unwrap();
        a.persist(&with_setting(&a, "lang", "en"));
        b.persist(&with_setting(&b, "x", "1"));
        let stored = crate::storage::load().saved.settings;
        let names: Vec<&str> = stored.keys().map(String::as_str).collect();
        assert_eq!(names, ["as_of", "bands", "lang", "x"], "none lost");
        crate::storage::clear();
    }
}
