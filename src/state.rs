//! The app's state: the imported roster, its report, and what went wrong last.
//!
//! One `AppState` is created by [`crate::App`] and shared through context. The report is a
//! memo over the roster, computed by the core; nothing here counts people.

use canbo_core::date::Date;
use canbo_core::import::{import, FileInput, Overrides};
use canbo_core::report::{report, Report, ReportOptions};
use canbo_core::roster::Roster;
use leptos::prelude::*;

use crate::storage;

/// Files as the browser handed them over: those it could read, and the messages for those
/// it could not.
#[derive(Debug, Default)]
pub struct Picked {
    pub files: Vec<FileInput>,
    pub unreadable: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The roster of the last import that found people; `None` before any.
    pub roster: RwSignal<Option<Roster>>,
    /// The core's report on the roster, as of today.
    pub report: Memo<Option<Report>>,
    /// Why the files of the last import could not be read, in Vietnamese.
    pub errors: RwSignal<Vec<String>>,
}

impl AppState {
    /// The state at start-up, with the roster saved by the last visit, if any. The roster is
    /// saved again whenever it changes.
    pub fn new() -> AppState {
        let state = AppState::empty();
        state.roster.set(storage::load_roster());
        // Save on every change after the first run, which only reads back what was loaded.
        Effect::new(move |ran_before: Option<()>| {
            state.roster.with(|roster| {
                if ran_before.is_some() {
                    storage::save_roster(roster.as_ref());
                }
            })
        });
        state
    }

    /// The state with nothing imported and nothing stored.
    pub fn empty() -> AppState {
        let roster = RwSignal::new(None::<Roster>);
        let report = Memo::new(move |_| {
            let options = ReportOptions {
                as_of: today(),
                ..Default::default()
            };
            roster.with(|roster| roster.as_ref().map(|roster| report(roster, &options)))
        });
        AppState {
            roster,
            report,
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// Imports the files of one pick or drop. They replace the roster only when they hold
    /// people: files that cannot be read leave what was there untouched.
    pub fn import(&self, picked: Picked) {
        let mut errors = picked.unreadable;
        if !picked.files.is_empty() {
            let imported = import(&picked.files, &Overrides::default());
            errors.extend(imported.errors.iter().map(|error| error.message_vi()));
            if imported.roster.people.is_empty() {
                if errors.is_empty() {
                    errors.push("Không tìm thấy ai trong các tệp đã chọn.".to_string());
                }
            } else {
                self.roster.set(Some(imported.roster));
            }
        }
        self.errors.set(errors);
    }

    pub fn dismiss_errors(&self) {
        self.errors.set(Vec::new());
    }
}

/// Today in the browser's time zone (`std::time` panics on wasm32).
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser's clock gives a real date")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn sample() -> FileInput {
        FileInput {
            name: "mau-son-bieu.xlsx".into(),
            bytes: include_bytes!("../assets/mau-son-bieu.xlsx").to_vec(),
        }
    }

    fn not_a_spreadsheet() -> FileInput {
        FileInput {
            name: "ghi-chu.txt".into(),
            bytes: b"\x00\x01\x02 not a roster \xff\xfe".to_vec(),
        }
    }

    fn people(state: &AppState) -> Option<u32> {
        state
            .report
            .with_untracked(|report| report.as_ref().map(|report| report.people))
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
        assert!(errors[0].contains("ghi-chu.txt"), "{errors:?}");
    }

    #[wasm_bindgen_test]
    fn a_new_import_clears_the_old_errors() {
        let state = AppState::empty();
        state.import(Picked {
            files: vec![],
            unreadable: vec!["a.xlsx: không đọc được".into()],
        });
        assert_eq!(state.errors.get_untracked().len(), 1);
        state.import(Picked {
            files: vec![sample()],
            unreadable: vec![],
        });
        assert!(state.errors.get_untracked().is_empty());
    }
}
