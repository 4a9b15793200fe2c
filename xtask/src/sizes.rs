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
        println!("| {name} | {} |", cells(sizes_of(&bytes)));
    }
    for (folder, sizes, count) in chunk_folders(dist)? {
        println!(
            "| {folder}/ ({count} files, each fetched when needed; all together) | {} |",
            cells(sizes)
        );
    }
    Ok(())
}

/// The page's chunk folders (`canbo-app-<hash>-chunks/`, `cargo xtask split-page`): each
/// with the sum of its files' sizes raw, gzip -9 and brotli -q 11 (each file compressed by
/// itself, as it is sent), and how many files it holds.
fn chunk_folders(dist: &Path) -> Result<Vec<(String, [usize; 3], usize)>, String> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().to_string();
        if !entry.path().is_dir() || !name.ends_with("-chunks") {
            continue;
        }
        let mut sizes = [0usize; 3];
        let mut count = 0;
        for file in std::fs::read_dir(entry.path()).map_err(|e| format!("{name}: {e}"))? {
            let path = file.map_err(|e| e.to_string())?.path();
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for (sum, size) in sizes.iter_mut().zip(sizes_of(&bytes)) {
                *sum += size;
            }
            count += 1;
        }
        folders.push((name, sizes, count));
    }
    folders.sort();
    Ok(folders)
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// A file's size raw, gzip -9 and brotli -q 11: what a server sends it as.
fn sizes_of(bytes: &[u8]) -> [usize; 3] {
    [bytes.len(), gzip(bytes), brotli(bytes)]
}

/// Raw, gzip and brotli sizes as three cells of a table's row.
fn cells(sizes: [usize; 3]) -> String {
    sizes.map(kib).join(" | ")
}

fn gzip(bytes: &[u8]) -> usize {
    gzip_bytes(bytes).len()
}

fn brotli(bytes: &[u8]) -> usize {
    brotli_bytes(bytes).len()
}

fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        encoder
            .write_all(bytes)
            .expect("writing to a Vec cannot fail");
    }
    out
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
            let sizes = sizes_of(&bytes);
            if when == "first" {
                for (t, s) in total.iter_mut().zip(sizes) {
                    *t += s;
                }
            }
            out.push_str(&format!("| {name} | {when} | {} |\n", cells(sizes)));
        }
    }
    for (folder, sizes, count) in chunk_folders(dist)? {
        out.push_str(&format!(
            "| {folder}/ ({count} files: the page's chunks and their loader) | each when needed | {} |\n",
            cells(sizes)
        ));
    }
    out.push_str(&format!(
        "| **first load** | | **{}** | **{}** | **{}** |\n",
        kib(total[0]),
        kib(total[1]),
        kib(total[2])
    ));
    Ok(out)
}

/// A copy of `dist` into `to` with `<file>.br` (brotli -q 11) and `<file>.gz` (gzip -9)
/// beside every file, for the e2e server to send compressed as a web server would (brotli
/// when the browser accepts it, as Chromium does).
pub fn copy_compressed(dist: &Path, to: &Path) -> Result<(), String> {
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
        for (suffix, compressed) in [(".gz", gzip_bytes(&bytes)), (".br", brotli_bytes(&bytes))] {
            let mut name = target.clone().into_os_string();
            name.push(suffix);
            std::fs::write(&name, compressed).map_err(|e| e.to_string())?;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What index.html loads: boot.js, the page's JS and wasm, the chunks' loader.
    const INDEX: &str = r#"<script src="/boot.js" data-js="/canbo-app-0123456789abcdef.js" data-wasm="/canbo-app-0123456789abcdef_bg.wasm"></script><link rel="modulepreload" href="/canbo-app-0123456789abcdef-chunks/load.js">"#;

    #[test]
    fn the_first_load_is_what_index_html_names_and_the_chunks_are_summed_apart() {
        let dist = std::env::temp_dir().join(format!("canbo-sizes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        let chunks = dist.join("canbo-app-0123456789abcdef-chunks");
        std::fs::create_dir_all(&chunks).unwrap();
        std::fs::write(dist.join("index.html"), INDEX).unwrap();
        for (name, len) in [
            ("boot.js", 10),
            ("canbo-app-0123456789abcdef.js", 20),
            ("canbo-app-0123456789abcdef_bg.wasm", 1000),
            ("worker_bg.wasm", 500),
        ] {
            std::fs::write(dist.join(name), vec![b'a'; len]).unwrap();
        }
        std::fs::write(chunks.join("load.js"), vec![b'b'; 30]).unwrap();
        std::fs::write(chunks.join("split_people.wasm"), vec![b'c'; 2048]).unwrap();

        let table = first_load_table(&dist).unwrap();
        let _ = std::fs::remove_dir_all(&dist);
        let row = |start: &str| {
            table
                .lines()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("no row {start} in\n{table}"))
                .to_string()
        };
        assert!(row("| canbo-app-0123456789abcdef_bg.wasm |").contains("| first |"));
        assert!(row("| canbo-app-0123456789abcdef-chunks/load.js |").contains("| first |"));
        assert!(row("| worker_bg.wasm |").contains("| on demand |"));
        let chunks_row = row("| canbo-app-0123456789abcdef-chunks/ (2 files");
        assert!(chunks_row.contains("| 2.0 KiB |"), "{chunks_row}");
        // index.html, boot.js, the page's JS and wasm, the loader: not the chunk, not the worker.
        let first = row("| **first load** |");
        let raw = (INDEX.len() + 10 + 20 + 1000 + 30) as f64 / 1024.0;
        assert!(first.contains(&format!("**{raw:.1} KiB**")), "{first}");
    }
}
