//! The import worker: Trunk builds this binary to `worker.js` + `worker_bg.wasm`
//! (index.html, `data-type="worker"`); the page starts it for each import (`src/worker/`).

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
