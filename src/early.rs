//! What the user did on index.html's shell before the app started.
//!
//! On a slow line the page's wasm takes seconds to arrive; meanwhile index.html shows the
//! app's first screen as plain HTML, and boot.js makes it work: files picked or dropped
//! there, or the sample asked for, wait in `globalThis.canboEarly` (`{ files: File[],
//! sample: bool }`). The app takes them once, when it starts, and imports them as if they
//! had been picked on it: a user who picks a file at once waits only for what loads.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::File;

use crate::files::{fetch_sample, read_each};
use crate::state::AppState;

/// The global boot.js keeps what was asked before the app started in.
const GLOBAL: &str = "canboEarly";

/// What was asked on the shell.
#[derive(Debug, Default)]
pub struct Early {
    /// Files picked or dropped, in that order.
    pub files: Vec<File>,
    /// «Dùng dữ liệu mẫu» was pressed last (then there are no files).
    pub sample: bool,
}

/// Takes what the shell kept, leaving nothing behind: asked twice, the second time is empty.
pub fn take() -> Early {
    let global = js_sys::global();
    let kept = Reflect::get(&global, &GLOBAL.into()).unwrap_or(JsValue::UNDEFINED);
    if kept.is_undefined() || kept.is_null() {
        return Early::default();
    }
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &GLOBAL.into());
    let files = Reflect::get(&kept, &"files".into())
        .ok()
        .filter(Array::is_array)
        .map(|files| Array::from(&files))
        .map(|files| {
            files
                .iter()
                .filter_map(|f| f.dyn_into::<File>().ok())
                .collect()
        })
        .unwrap_or_default();
    let sample = Reflect::get(&kept, &"sample".into()).is_ok_and(|s| s.is_truthy());
    Early { files, sample }
}

impl Early {
    /// Nothing was asked.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && !self.sample
    }
}

/// Imports what the shell kept: the files picked, or else the sample.
pub async fn import(state: AppState, early: Early) {
    if !early.files.is_empty() {
        state.import_soon(read_each(early.files).await).await;
    } else if early.sample {
        state.import_soon(fetch_sample().await).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{data_transfer, people, until};
    use leptos::prelude::WithValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Keeps `files` (and the sample, if asked) as boot.js does.
    fn keep(files: &[(&str, &[u8])], sample: bool) {
        let list = data_transfer(files).files().unwrap();
        let kept = js_sys::Object::new();
        let array: Array = (0..list.length()).filter_map(|i| list.item(i)).collect();
        Reflect::set(&kept, &"files".into(), &array).unwrap();
        Reflect::set(&kept, &"sample".into(), &sample.into()).unwrap();
        Reflect::set(&js_sys::global(), &GLOBAL.into(), &kept).unwrap();
    }

    #[wasm_bindgen_test]
    fn what_the_shell_kept_is_taken_once_in_order() {
        keep(&[("b.csv", b"x"), ("a.xlsx", b"y")], true);
        let early = take();
        let names: Vec<String> = early.files.iter().map(File::name).collect();
        assert_eq!(names, ["b.csv", "a.xlsx"]);
        assert!(early.sample);
        let again = take();
        assert!(again.is_empty(), "taken once");
    }

    #[wasm_bindgen_test]
    fn nothing_kept_is_nothing_asked() {
        let _ = Reflect::delete_property(
            js_sys::global().unchecked_ref::<js_sys::Object>(),
            &GLOBAL.into(),
        );
        let early = take();
        assert!(early.is_empty());
    }

    #[wasm_bindgen_test]
    async fn a_file_picked_on_the_shell_is_imported_when_the_app_starts() {
        let sample = include_bytes!("../assets/mau-son-bieu.xlsx");
        keep(&[("mau-son-bieu.xlsx", sample)], false);
        let state = AppState::empty();
        import(state, take()).await;
        until(|| people(&state).is_some()).await;
        let roster = canbo_core::import::import(
            &[canbo_core::import::FileInput {
                name: "mau-son-bieu.xlsx".into(),
                bytes: sample.to_vec(),
            }],
            &Default::default(),
        )
        .roster;
        assert_eq!(people(&state), Some(roster.people.len() as u32));
        assert_eq!(
            state.files.with_value(|files| files[0].name.clone()),
            "mau-son-bieu.xlsx",
            "the file is kept as a picked one is"
        );
    }
}
