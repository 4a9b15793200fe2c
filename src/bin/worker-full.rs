//! The import worker with the full reader: the import worker's program (src/bin/worker.rs)
//! built with the `full-reader` feature (calamine's readers, the legacy code pages) to
//! `worker-full.js` + `worker-full_bg.wasm` (index.html). The page starts it only for an
//! import the import worker leaves to it (`src/worker/`).

#[path = "worker.rs"]
mod worker;

fn main() {
    worker::main();
}
