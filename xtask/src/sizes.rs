//! The sizes a visitor downloads: each .wasm in dist/, raw and compressed as servers send it.

use std::io::Write;
use std::path::Path;

pub fn print_wasm_sizes(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut wasm_files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .collect();
    wasm_files.sort();
    if wasm_files.is_empty() {
        return Err(format!("no .wasm file in {}", dist.display()));
    }
    println!("| file | raw | gzip -9 | brotli -q 11 |");
    println!("|---|---:|---:|---:|");
    for path in wasm_files {
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "| {name} | {} | {} | {} |",
            kib(bytes.len()),
            kib(gzip(&bytes)),
            kib(brotli(&bytes))
        );
    }
    Ok(())
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn gzip(bytes: &[u8]) -> usize {
    gzip_bytes(bytes).len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        encoder
            .write_all(bytes)
            .expect("writing to a Vec cannot fail");
    }
    out.len()
}

/// The files index.html names (the first load: scripts, wasm, styles, icons) and the other
/// scripts and wasm of dist/ (loaded on demand: the workers), each raw, gzip -9 and brotli
/// -q 11, with the first load's total: the table of docs/BENCHMARKS.md, "Sizes".
pub fn first_load_table(dist: &Path) -> Result<String, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let mut first: Vec<String> = vec!["index.html".to_string()];
    for attribute in ["href=\"", "src=\"", "data-js=\"", "data-wasm=\""] {
        for piece in index.split(attribute).skip(1) {
            let name = piece.split('"').next().unwrap_or_default();
            let name = name.trim_start_matches("./").trim_start_matches('/');
            if !name.is_empty() && dist.join(name).is_file() && !first.iter().any(|f| f == name) {
                first.push(name.to_string());
            }
        }
    }
    let mut later: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read {}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| (n.ends_with(".wasm") || n.ends_with(".js")) && !first.contains(n))
        .collect();
    later.sort();
    let mut out = String::from(
        "## Sizes (`trunk build --release`)\n\n| file | loaded | raw | gzip -9 | brotli -q 11 |\n|---|---|---:|---:|---:|\n",
    );
    let mut total = [0usize; 3];
    for (names, when) in [(&first, "first"), (&later, "on demand")] {
        for name in names.iter() {
            let bytes =
                std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
            let sizes = [bytes.len(), gzip(&bytes), brotli(&bytes)];
            if when == "first" {
                for (t, s) in total.iter_mut().zip(sizes) {
                    *t += s;
                }
            }
            out.push_str(&format!(
                "| {name} | {when} | {} | {} | {} |\n",
                kib(sizes[0]),
                kib(sizes[1]),
                kib(sizes[2])
            ));
        }
    }
    out.push_str(&format!(
        "| **first load** | | **{}** | **{}** | **{}** |\n",
        kib(total[0]),
        kib(total[1]),
        kib(total[2])
    ));
    Ok(out)
}

/// A copy of `dist` into `to` with `<file>.gz` (gzip -9) beside every file, for the e2e
/// server to send compressed as a web server would.
pub fn copy_gzipped(dist: &Path, to: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    copy_dir(dist, to)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
        std::fs::write(&target, &bytes).map_err(|e| format!("{}: {e}", target.display()))?;
        let mut name = target.into_os_string();
        name.push(".gz");
        std::fs::write(&name, gzip_bytes(&bytes)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}
