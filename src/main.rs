//! The page's entry point: Trunk builds this binary to wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    canbo::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Canbo runs in the browser: start it with `cargo xtask serve`.");
    std::process::exit(2);
}
