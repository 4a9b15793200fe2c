//! The download worker: Trunk builds this binary to `exporter.js` + `exporter_bg.wasm`
//! (index.html, `data-type="worker"`); the page starts it only when a file is to be written
//! (`src/worker/export.rs`). The writers (docx-rs, rust_xlsxwriter and its zip writer) live
//! here and not in the import worker, which every import loads.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    canbo::worker::export::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The download worker runs in the browser, started by the Canbo page.");
    std::process::exit(2);
}
