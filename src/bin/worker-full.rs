//! The import worker with the full reader: the import worker's code (src/bin/worker.rs)
//! built with the `full-reader` feature (calamine's readers, the legacy code pages) to
//! `worker-full.js` + `worker-full_bg.wasm` (index.html). The page starts it only for an
//! import the import worker leaves to it (`src/worker/`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    canbo::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The import worker runs in the browser, started by the Canbo page.");
    std::process::exit(2);
}
