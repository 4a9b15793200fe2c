//! `cargo xtask split-page`: a Trunk hook (Trunk.toml) that splits the page's wasm into what
//! every visit loads and the chunks of the screens `src/on_demand.rs` names, fetched when a
//! screen is first shown (issue 12: the page's first load).
//!
//! Trunk 0.21 runs wasm-bindgen right after Cargo, with no step between, and the splitter
//! needs Cargo's own output with its relocations (the `split` feature links the page with
//! `--emit-relocs`, build.rs). So this hook starts again from Cargo's wasm, after Trunk:
//!
//! 1. split it (`wasm_split_cli_support`, the splitter Leptos's `#[lazy]` is made for): the
//!    main module, one module per split point, and modules of code several of them share;
//! 2. bind the main module with wasm-bindgen as Trunk does (`--target=web`);
//! 3. in a release build, optimise every module with `wasm-opt -Oz` (Trunk is asked for none on
//!    the page: its output is replaced);
//! 4. put the main module and its JS in place of Trunk's, under the same names (boot.js and
//!    the service worker find them as before), and the chunks with the script that loads
//!    them in a folder named after them (`canbo-app-<hash>-chunks/`): a new build never
//!    meets an old build's chunk in a cache;
//! 5. write index.html's `integrity` for the two files again, and preload the chunks'
//!    script with the page's (the page's JS imports it: without the preload the browser
//!    would ask for it only once that JS has arrived, a round trip more on a slow line).

use std::path::{Path, PathBuf};

use crate::run::Project;
use crate::wasm_code::{push_leb, sections, Section};

/// The page's binary, as index.html names it (`data-bin`).
const PAGE_BIN: &str = "canbo-app";

pub fn split_page(project: &Project) -> Result<(), String> {
    let staging = PathBuf::from(
        std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or("split-page is a Trunk hook: run by `trunk build` (TRUNK_STAGING_DIR)")?,
    );
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let html_path = staging.join("index.html");
    let html = read_text(&html_path)?;
    let (base, stem) = page_names(&html)?;

    // index.html builds the page with the `page` profile in release (`data-cargo-profile-release`).
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project.root.join("target"));
    let profile = if release { "page" } else { "debug" };
    let cargo_wasm = target
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{PAGE_BIN}.wasm"));
    let input = std::fs::read(&cargo_wasm).map_err(|e| format!("{}: {e}", cargo_wasm.display()))?;

    let work = target.join("split-page");
    let folder = format!("{stem}-chunks");
    remove_dir(&work)?;
    create_dir(&work.join(&folder))?;
    let main_wasm = work.join("main.wasm");
    let link_name = format!("./{folder}/load.js");
    let main_module = format!("../{stem}.js");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main_wasm;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|e| format!("splitting {}: {e:#}", cargo_wasm.display()))?;
    if split.split_modules.is_empty() {
        return Err(format!(
            "{} has no split points: was it built with the `split` feature (index.html)?",
            cargo_wasm.display()
        ));
    }

    // The main module, bound under the page's hashed name.
    let bound = work.join("bound");
    let out_dir = format!("--out-dir={}", bound.display());
    let out_name = format!("--out-name={stem}");
    let main_arg = main_wasm.display().to_string();
    project.run(
        "wasm-bindgen",
        &[
            "--target=web",
            &out_dir,
            &out_name,
            "--no-typescript",
            &main_arg,
        ],
    )?;

    // wasm-bindgen drops the function table's export, which the chunks' script hands them.
    let table = export_index(&read(&main_wasm)?, TABLE, KIND_TABLE)?
        .ok_or_else(|| format!("the split page exports no {TABLE}"))?;
    let bound_wasm = bound.join(format!("{stem}_bg.wasm"));
    let with_table = exporting(&read(&bound_wasm)?, TABLE, KIND_TABLE, table)?;
    std::fs::write(&bound_wasm, with_table)
        .map_err(|e| format!("{}: {e}", bound_wasm.display()))?;

    let page_js = staging.join(format!("{stem}.js"));
    let page_wasm = staging.join(format!("{stem}_bg.wasm"));
    copy(&bound.join(format!("{stem}.js")), &page_js)?;
    optimised(project, release, &bound_wasm, &page_wasm)?;
    let chunks = staging.join(&folder);
    remove_dir(&chunks)?;
    create_dir(&chunks)?;
    copy(&work.join(&folder).join("load.js"), &chunks.join("load.js"))?;
    let mut bytes = 0;
    for module in &split.split_modules {
        let name = module.file_name().ok_or("a chunk without a name")?;
        optimised(project, release, module, &chunks.join(name))?;
        bytes += std::fs::metadata(chunks.join(name)).map_or(0, |m| m.len());
    }

    let mut html = html;
    for file in [&page_js, &page_wasm] {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        html = with_integrity(&html, &format!("{base}{name}"), &read(file)?)?;
    }
    let loader = format!("{base}{folder}/load.js");
    html = with_module_preload(
        &html,
        &format!("{base}{stem}.js"),
        &loader,
        &read(&chunks.join("load.js"))?,
    )?;
    std::fs::write(&html_path, html).map_err(|e| format!("{}: {e}", html_path.display()))?;
    println!(
        "split-page: {} chunks, {bytes} bytes, in {folder}/; the page's wasm {} bytes",
        split.split_modules.len(),
        std::fs::metadata(&page_wasm).map_or(0, |m| m.len())
    );
    Ok(())
}

/// `wasm-opt -Oz` from `from` into `to` in a release build (as Trunk would; index.html asks
/// it for none on the page, `data-wasm-opt="0"`, since this replaces its output; the features
/// come from each module's `target_features`), a copy in a debug one. Its output is shown
/// only when it fails: every chunk has a name section wasm-opt does not know all of, and
/// says so.
fn optimised(project: &Project, release: bool, from: &Path, to: &Path) -> Result<(), String> {
    if !release {
        return copy(from, to);
    }
    let output = format!("--output={}", to.display());
    let input = from.display().to_string();
    let args = ["-Oz", &output, &input];
    let ran = project
        .command("wasm-opt", &args)
        .output()
        .map_err(|e| format!("cannot start wasm-opt: {e}"))?;
    if ran.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`wasm-opt {}` failed ({}): {}",
            args.join(" "),
            ran.status,
            String::from_utf8_lossy(&ran.stderr)
        ))
    }
}

/// The name under which the main module shares its function table with the chunks.
const TABLE: &str = "__indirect_function_table";
/// An export's kind: a table.
const KIND_TABLE: u8 = 1;
/// The export section's id.
const EXPORTS: u8 = 7;

/// The index of `wasm`'s export `name` of kind `kind`, if it has one.
fn export_index(wasm: &[u8], name: &str, kind: u8) -> Result<Option<usize>, String> {
    let Some(section) = export_section(wasm)? else {
        return Ok(None);
    };
    let mut r = section.reader(wasm);
    for _ in 0..r.leb()? {
        let this = r.name_bytes()? == name.as_bytes();
        let this_kind = r.byte()?;
        let index = r.leb()?;
        if this && this_kind == kind {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

/// `wasm` with one more export: `name`, of kind `kind`, for index `index`.
fn exporting(wasm: &[u8], name: &str, kind: u8, index: usize) -> Result<Vec<u8>, String> {
    let section = export_section(wasm)?.ok_or("a wasm without exports")?;
    let mut r = section.reader(wasm);
    let count = r.leb()?;
    let mut new_body = Vec::new();
    push_leb(&mut new_body, count + 1);
    new_body.extend_from_slice(&wasm[r.at..section.body.end]);
    push_leb(&mut new_body, name.len());
    new_body.extend_from_slice(name.as_bytes());
    new_body.push(kind);
    push_leb(&mut new_body, index);
    let mut out = wasm[..section.whole.start].to_vec();
    out.push(EXPORTS);
    push_leb(&mut out, new_body.len());
    out.extend_from_slice(&new_body);
    out.extend_from_slice(&wasm[section.whole.end..]);
    Ok(out)
}

fn export_section(wasm: &[u8]) -> Result<Option<Section>, String> {
    Ok(sections(wasm)?.into_iter().find(|s| s.id == EXPORTS))
}

/// The base (`/`) and the hashed name (`canbo-app-1a2b…`) of the page's files, from boot.js's
/// script element (Trunk.toml's `pattern_script`: `data-js="{base}{js}"`).
fn page_names(html: &str) -> Result<(String, String), String> {
    let js = attribute_after(html, "data-js=\"")
        .ok_or("index.html has no boot.js script with data-js (Trunk.toml's pattern_script)")?;
    let at = js
        .rfind(&format!("/{PAGE_BIN}-"))
        .map(|i| i + 1)
        .or_else(|| js.starts_with(PAGE_BIN).then_some(0))
        .ok_or_else(|| format!("data-js=\"{js}\" is not the page's ({PAGE_BIN}-<hash>.js)"))?;
    let stem = js[at..]
        .strip_suffix(".js")
        .ok_or_else(|| format!("data-js=\"{js}\" does not end in .js"))?;
    Ok((js[..at].to_string(), stem.to_string()))
}

pub(crate) fn attribute_after<'a>(html: &'a str, start: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let len = html[from..].find('"')?;
    Some(&html[from..from + len])
}

/// `html` with the `integrity` of the element whose `href` is `href` made that of `bytes`.
/// An element without one (a debug build's) is left as it is.
fn with_integrity(html: &str, href: &str, bytes: &[u8]) -> Result<String, String> {
    let element = element_with_href(html, href)?;
    let start = element.start;
    let element = &html[element];
    let Some(from) = element.find("integrity=\"") else {
        return Ok(html.to_string());
    };
    let from = start + from + "integrity=\"".len();
    let len = html[from..]
        .find('"')
        .ok_or("an integrity attribute is not closed")?;
    Ok(format!(
        "{}{}{}",
        &html[..from],
        integrity(bytes),
        &html[from + len..]
    ))
}

/// `html` with a module preload of `href` right after the element preloading `after`, the
/// same way (with an integrity when that one has one).
fn with_module_preload(
    html: &str,
    after: &str,
    href: &str,
    bytes: &[u8],
) -> Result<String, String> {
    let element = element_with_href(html, after)?;
    let end = element.end;
    let element = &html[element];
    let needle = format!("href=\"{after}\"");
    let mut preload = element.replacen(&needle, &format!("href=\"{href}\""), 1);
    if element.contains("integrity=\"") {
        preload = with_integrity(&preload, href, bytes)?;
    }
    Ok(format!("{}{preload}{}", &html[..end], &html[end..]))
}

/// Where the (first) element with `href="{href}"` lies in `html`, from `<` to `>`.
fn element_with_href(html: &str, href: &str) -> Result<std::ops::Range<usize>, String> {
    let needle = format!("href=\"{href}\"");
    let at = html
        .find(&needle)
        .ok_or_else(|| format!("index.html has no element with {needle}"))?;
    let start = html[..at].rfind('<').unwrap_or(0);
    let end = at
        + html[at..]
            .find('>')
            .ok_or("index.html ends inside an element")?
        + 1;
    Ok(start..end)
}

/// Subresource integrity as Trunk writes it: `sha384-` and the base64 of the digest.
pub(crate) fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes))
    )
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

fn create_dir(path: &Path) -> Result<(), String> {
    std::fs::create_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn remove_dir(path: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = r#"<head><script type="module" src="/boot.js" data-js="/canbo-app-0123456789abcdef.js" data-wasm="/canbo-app-0123456789abcdef_bg.wasm"></script>
<link rel="modulepreload" href="/canbo-app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-old"><link rel="preload" href="/canbo-app-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-oldwasm" as="fetch" type="application/wasm"></head>"#;

    /// A module of a table and an export section: `(table 1 funcref) (export "memory" …)`.
    fn module(exports: &[u8]) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[4, 4, 1, 0x70, 0, 1]);
        wasm.push(EXPORTS);
        push_leb(&mut wasm, exports.len());
        wasm.extend_from_slice(exports);
        wasm.extend_from_slice(&[0, 3, 1, b'x', 9]);
        wasm
    }

    #[test]
    fn a_table_export_is_added_back_and_found() {
        let wasm = module(&[1, 6, b'm', b'e', b'm', b'o', b'r', b'y', 2, 0]);
        assert_eq!(export_index(&wasm, "memory", 2).unwrap(), Some(0));
        assert_eq!(export_index(&wasm, TABLE, KIND_TABLE).unwrap(), None);
        let with = exporting(&wasm, TABLE, KIND_TABLE, 0).unwrap();
        assert_eq!(export_index(&with, TABLE, KIND_TABLE).unwrap(), Some(0));
        assert_eq!(export_index(&with, "memory", 2).unwrap(), Some(0));
        // The sections around it are kept, byte for byte.
        assert!(with.starts_with(&wasm[..14]));
        assert!(with.ends_with(&[0, 3, 1, b'x', 9]));
        assert!(exporting(b"not wasm", TABLE, KIND_TABLE, 0).is_err());
        // A long name's length takes two bytes.
        let long = "t".repeat(200);
        let with = exporting(&wasm, &long, KIND_TABLE, 300).unwrap();
        assert_eq!(export_index(&with, &long, KIND_TABLE).unwrap(), Some(300));
    }

    #[test]
    fn the_page_names_come_from_boot_js_script() {
        assert_eq!(
            page_names(HTML).unwrap(),
            ("/".to_string(), "canbo-app-0123456789abcdef".to_string())
        );
        let served_under = HTML.replace("\"/canbo-app-", "\"/canbo/canbo-app-");
        assert_eq!(page_names(&served_under).unwrap().0, "/canbo/");
        assert!(page_names("<head></head>").is_err());
    }

    #[test]
    fn integrity_is_rewritten_on_that_element_only() {
        let html = with_integrity(HTML, "/canbo-app-0123456789abcdef_bg.wasm", b"abc").unwrap();
        // SHA-384 of "abc" (`printf abc | openssl dgst -sha384 -binary | base64`).
        let abc = "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn";
        assert!(html.contains(&format!(
            "_bg.wasm\" crossorigin=\"anonymous\" integrity=\"{abc}\""
        )));
        assert!(html.contains("integrity=\"sha384-old\""));
        assert!(with_integrity(HTML, "/nowhere.js", b"").is_err());
    }

    #[test]
    fn the_loader_is_preloaded_after_the_page_script_like_it() {
        let html = with_module_preload(
            HTML,
            "/canbo-app-0123456789abcdef.js",
            "/canbo-app-0123456789abcdef-chunks/load.js",
            b"abc",
        )
        .unwrap();
        let page = html
            .find("href=\"/canbo-app-0123456789abcdef.js\"")
            .unwrap();
        let loader = html
            .find("<link rel=\"modulepreload\" href=\"/canbo-app-0123456789abcdef-chunks/load.js\" crossorigin=\"anonymous\" integrity=\"sha384-ywB1")
            .unwrap();
        assert!(page < loader);
        assert!(html.contains("integrity=\"sha384-old\""));
        // A debug build's page has no integrity, nor has its loader.
        let debug = HTML.replace(" integrity=\"sha384-old\"", "");
        let html = with_module_preload(
            &debug,
            "/canbo-app-0123456789abcdef.js",
            "/x/load.js",
            b"abc",
        )
        .unwrap();
        assert!(html.contains(
            "<link rel=\"modulepreload\" href=\"/x/load.js\" crossorigin=\"anonymous\">"
        ));
    }
}
