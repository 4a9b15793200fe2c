//! The import worker: Trunk builds this binary to `worker.js` + `worker_bg.wasm`
//! (index.html, `data-type="worker"`); the page starts it for each import (`src/worker/`).
//! Built without the `full-reader` feature: xlsx and UTF-8/UTF-16 text only, and what it
//! cannot read goes to `worker-full` (src/bin/worker-full.rs), the same code with it.

#[cfg(target_arch = "wasm32")]
pub fn main() {
    console_error_panic_hook::set_once();
    canbo::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
pub fn main() {
    eprintln!("The import worker runs in the browser, started by the Canbo page.");
    std::process::exit(2);
}
