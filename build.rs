//! With the `split` feature, the page's binary keeps its relocations (`--emit-relocs`): the
//! wasm splitter (`cargo xtask split-page`) needs them to move code into chunks.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=canbo-app=--emit-relocs");
    }
}
