//! Canbo in the browser: a thin shell over `canbo-core`.
//!
//! The page takes files and shows figures; the worker (`worker`, its own wasm) runs the core's
//! `import`, and every figure comes from the core (`report`, `standards`, `retirement`),
//! never from code here. State lives in one [`state::AppState`] and one
//! [`settings::Settings`] given to all components through Leptos context; components show
//! them and ask them to change. Both languages go through [`i18n`].
//!
//! Only built for wasm32: on the host this package holds just the end-to-end tests.
#![cfg(target_arch = "wasm32")]

mod app;
mod components;
mod download;
mod early;
mod files;
mod format;
mod i18n;
mod in_slices;
mod offline;
mod on_demand;
mod settings;
mod state;
mod storage;
#[cfg(test)]
mod test_support;
mod turns;
pub mod worker;

pub use app::App;

/// Replaces the shell of index.html with the app, which then imports what was picked on
/// the shell meanwhile (`early`).
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(shell) = leptos::prelude::document().get_element_by_id("loading") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
