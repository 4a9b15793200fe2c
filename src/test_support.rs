//! Helpers for the in-browser tests (wasm-bindgen-test, in Chromium).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, HtmlElement};

use crate::state::AppState;

/// Mounts `view` into a fresh element of the test page, with `state` as its context, and
/// returns that element. Each test queries only inside its own element.
pub fn mount<V: IntoView + 'static>(
    state: AppState,
    view: impl FnOnce() -> V + 'static,
) -> HtmlElement {
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view()
    })
    .forget();
    root
}

/// Waits until `condition` holds (rendering and file reading are asynchronous), for at
/// most five seconds.
pub async fn until(condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        sleep_ms(25).await;
    }
    panic!("waited 5 s for a condition that never held");
}

pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// A DataTransfer holding files, as a drop or a file picker delivers them.
pub fn data_transfer(files: &[(&str, &[u8])]) -> DataTransfer {
    let transfer = DataTransfer::new().unwrap();
    for (name, bytes) in files {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(*bytes));
        let file = File::new_with_u8_array_sequence(&parts, name).unwrap();
        transfer.items().add_with_file(&file).unwrap();
    }
    transfer
}

/// How many people the roster on the page holds (`None` before any import).
pub fn people(state: &AppState) -> Option<u32> {
    state
        .roster
        .with_untracked(|r| r.as_ref().map(|r| r.people.len() as u32))
}

/// The bundled sample roster (420 people), as a picked file.
pub fn sample() -> canbo_core::import::FileInput {
    canbo_core::import::FileInput {
        name: "mau-son-bieu.xlsx".into(),
        bytes: include_bytes!("../assets/mau-son-bieu.xlsx").to_vec(),
    }
}

/// The sample roster repeated until it holds at least `people` (a roster that takes the
/// page's slicing several turns).
pub fn sample_roster_of(people: usize) -> canbo_core::roster::Roster {
    let mut roster = canbo_core::import::import(&[sample()], &Default::default()).roster;
    let one = roster.people.clone();
    while roster.people.len() < people {
        roster.people.extend(one.iter().cloned());
    }
    roster
}

/// Runs `f` with the page's language set to `lang` (what `crate::i18n::t` reads).
pub fn in_language<T>(lang: canbo_core::Lang, f: impl FnOnce() -> T) -> T {
    Owner::new().with(|| {
        let settings = crate::settings::Settings::new(AppState::empty());
        settings.lang.set(lang);
        provide_context(settings);
        f()
    })
}
