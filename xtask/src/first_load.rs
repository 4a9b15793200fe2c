//! `cargo xtask first-load`: a Trunk hook (Trunk.toml, after `split-page`) that makes
//! index.html ask for what every visit loads first, and in as few requests as it can
//! (issue 12: the app ready in under 3 s on "Fast 3G").
//!
//! Measured on this machine (docs/BENCHMARKS.md, "Eighteenth results"): Trunk writes the
//! stylesheets first, one request each, and the page's preloads last, at the end of `<head>`.
//! Over HTTP/1.1 a browser opens six connections to a host, so four stylesheets, boot.js and
//! the page's JS took them all and the page's wasm, the longest download, waited a whole round
//! trip (563 ms on "Fast 3G") for a free one. So:
//!
//! 1. the stylesheets become one (`style-<hash>.css`, their rules in the same order, so the
//!    cascade is unchanged), one request instead of four;
//! 2. the page's wasm preload, its JS, the chunks' loader, boot.js and that stylesheet go
//!    before every other `<link>` of `<head>` (the manifest and icons after them), the wasm
//!    first: every one of them has a connection at once.
//!
//! A page served over HTTP/2 gains from the one stylesheet too (fewer requests); nothing
//! else changes for it.

use std::path::{Path, PathBuf};

use sha2::Digest;

use crate::split_page::{attribute_after, integrity, read, read_text};

pub fn first_load(staging: Option<PathBuf>) -> Result<(), String> {
    let staging =
        staging.ok_or("first-load is a Trunk hook: run by `trunk build` (TRUNK_STAGING_DIR)")?;
    let html_path = staging.join("index.html");
    let html = read_text(&html_path)?;
    let ordered = ordered(&html, |href| read(&local(&staging, href)))?;
    if let Some(style) = &ordered.style {
        let path = local(&staging, &style.href);
        std::fs::write(&path, &style.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        for href in &style.merged {
            let path = local(&staging, href);
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    std::fs::write(&html_path, &ordered.html)
        .map_err(|e| format!("{}: {e}", html_path.display()))?;
    println!(
        "first-load: {} stylesheets in one; the page's wasm, scripts and styles asked for first",
        ordered.style.as_ref().map_or(1, |s| s.merged.len())
    );
    Ok(())
}

/// index.html as [`ordered`] makes it, and the stylesheet it now names in place of several.
#[derive(Debug)]
pub struct Ordered {
    pub html: String,
    pub style: Option<Merged>,
}

/// The one stylesheet: its `href`, its bytes, and the stylesheets it replaces.
#[derive(Debug)]
pub struct Merged {
    pub href: String,
    pub bytes: Vec<u8>,
    pub merged: Vec<String>,
}

/// `html` with its stylesheets made one (their bytes from `stylesheet(href)`) and what every
/// visit loads moved before the other `<link>`s of `<head>`: the preloads (`as="fetch"`, the
/// wasm, first), boot.js's script (the one with `data-wasm`), then the stylesheet.
pub fn ordered(
    html: &str,
    stylesheet: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Ordered, String> {
    let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
    let elements = elements(&html[..head_end]);
    let is = |range: &std::ops::Range<usize>, start: &str| html[range.clone()].starts_with(start);
    let styles: Vec<_> = elements
        .iter()
        .filter(|r| is(r, "<link rel=\"stylesheet\""))
        .cloned()
        .collect();
    let mut preloads: Vec<_> = elements
        .iter()
        .filter(|r| is(r, "<link rel=\"preload\"") || is(r, "<link rel=\"modulepreload\""))
        .cloned()
        .collect();
    // The wasm (`as="fetch"`) first: the longest download.
    preloads.sort_by_key(|r| !html[r.clone()].contains("as=\"fetch\""));
    let boot: Vec<_> = elements
        .iter()
        .filter(|r| is(r, "<script") && html[(*r).clone()].contains("data-wasm=\""))
        .cloned()
        .collect();
    if preloads.is_empty() || boot.len() != 1 {
        return Err("index.html has no preloads or not one boot.js script".into());
    }

    let mut style = None;
    let mut style_elements: Vec<String> =
        styles.iter().map(|r| html[r.clone()].to_string()).collect();
    if styles.len() > 1 {
        let mut bytes = Vec::new();
        let mut merged = Vec::new();
        for range in &styles {
            let href = attribute(&html[range.clone()], "href")
                .ok_or("a stylesheet without an href")?
                .to_string();
            if !bytes.is_empty() && !bytes.ends_with(b"\n") {
                bytes.push(b'\n');
            }
            bytes.extend_from_slice(&stylesheet(&href)?);
            merged.push(href);
        }
        let first = &merged[0];
        let folder = &first[..first.rfind('/').map_or(0, |i| i + 1)];
        let digest = sha2::Sha256::digest(&bytes);
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let href = format!("{folder}style-{hex}.css");
        let mut element = html[styles[0].clone()].replacen(first, &href, 1);
        if let Some(old) = attribute(&element, "integrity") {
            element = element.replacen(old, &integrity(&bytes), 1);
        }
        style_elements = vec![element];
        style = Some(Merged {
            href,
            bytes,
            merged,
        });
    }

    let mut cuts: Vec<_> = (preloads.iter().chain(&boot).chain(&styles))
        .cloned()
        .collect();
    cuts.sort_by_key(|r| r.start);
    let mut first: String = preloads
        .iter()
        .chain(&boot)
        .map(|r| html[r.clone()].to_string())
        .collect::<Vec<_>>()
        .join("\n    ");
    for element in &style_elements {
        first.push_str("\n    ");
        first.push_str(element);
    }
    // Before the first `<link>`, or the first element moved if that comes sooner (boot.js's
    // script before every link): every element moved is then after it.
    let insert_at = elements
        .iter()
        .find(|r| is(r, "<link") || cuts.contains(r))
        .map_or(head_end, |r| r.start);

    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..insert_at]);
    out.push_str(&first);
    out.push_str("\n    ");
    let mut at = insert_at;
    for cut in cuts {
        out.push_str(&html[at..cut.start]);
        at = cut.end;
    }
    out.push_str(&html[at..]);
    Ok(Ordered { html: out, style })
}

/// Where each `<link …>` and `<script …></script>` of `head` lies, in order.
fn elements(head: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = head[at..].find('<') {
        let start = at + offset;
        let rest = &head[start..];
        let end = if rest.starts_with("<link") {
            rest.find('>').map(|e| start + e + 1)
        } else if rest.starts_with("<script") {
            rest.find("</script>")
                .map(|e| start + e + "</script>".len())
        } else if rest.starts_with("<!--") {
            // A comment is skipped whole: it may name elements.
            at = rest.find("-->").map_or(head.len(), |e| start + e + 3);
            continue;
        } else {
            None
        };
        match end {
            Some(end) => {
                found.push(start..end);
                at = end;
            }
            None => at = start + 1,
        }
    }
    found
}

/// The value of `name="…"` in an element.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    attribute_after(element, &format!(" {name}=\""))
}

/// A file of the build from the `href` index.html gives it (`/main-….css`, or under a base).
fn local(staging: &Path, href: &str) -> PathBuf {
    staging.join(href.rsplit('/').next().unwrap_or(href))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// index.html as Trunk and split-page leave it (a release build's, with integrity).
    const HTML: &str = r#"<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <!-- Only this origin. <link rel="stylesheet" href="/not-this.css"> -->
    <title>Canbo</title>
    <link rel="icon" type="image/svg+xml" href="/assets/favicon.svg" />
    <link rel="manifest" href="/assets/manifest.webmanifest" />
    <link rel="stylesheet" href="/main-1.css" integrity="sha384-a"/>
    <link rel="stylesheet" href="/report-2.css" integrity="sha384-b"/>
    <link rel="stylesheet" href="/print-3.css" integrity="sha384-c"/>
    <script type="module" src="/boot.js" data-js="/canbo-app-0.js" data-wasm="/canbo-app-0_bg.wasm"></script>
    <!-- The workers. -->
  <link rel="modulepreload" href="/canbo-app-0.js" crossorigin="anonymous" integrity="sha384-js"><link rel="modulepreload" href="/canbo-app-0-chunks/load.js" crossorigin="anonymous" integrity="sha384-load"><link rel="preload" href="/canbo-app-0_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm"></head>
  <body><p>shell</p></body>
</html>"#;

    fn styles(href: &str) -> Result<Vec<u8>, String> {
        match href {
            "/main-1.css" => Ok(b"body { color: red; }".to_vec()),
            "/report-2.css" => Ok(b".report { color: blue; }\n".to_vec()),
            "/print-3.css" => Ok(b"@media print { body { color: black; } }\n".to_vec()),
            _ => Err(format!("no {href}")),
        }
    }

    #[test]
    fn the_wasm_scripts_and_one_stylesheet_come_before_every_other_link() {
        let ordered = ordered(HTML, styles).unwrap();
        let html = &ordered.html;
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing in {html}"))
        };
        let wasm = at("href=\"/canbo-app-0_bg.wasm\"");
        let js = at("<link rel=\"modulepreload\" href=\"/canbo-app-0.js\"");
        let loader = at("href=\"/canbo-app-0-chunks/load.js\"");
        let boot = at("<script type=\"module\" src=\"/boot.js\"");
        let style = at("<link rel=\"stylesheet\" href=\"/style-");
        let icon = at("rel=\"icon\"");
        assert!(at("<title>") < wasm);
        assert!(wasm < js && js < loader && loader < boot && boot < style && style < icon);
        // Each element once; the comment that names a stylesheet is left alone.
        for needle in [
            "_bg.wasm\" crossorigin",
            "chunks/load.js",
            "src=\"/boot.js\"",
        ] {
            assert_eq!(html.matches(needle).count(), 1, "{needle} in {html}");
        }
        assert_eq!(html.matches("rel=\"stylesheet\"").count(), 2, "{html}");
        assert!(html.contains(
            "<!-- Only this origin. <link rel=\"stylesheet\" href=\"/not-this.css\"> -->"
        ));
        assert!(!html.contains("main-1.css") && !html.contains("print-3.css"));
        assert!(html.contains("<!-- The workers. -->"));
        assert!(html.ends_with("</head>\n  <body><p>shell</p></body>\n</html>"));

        // One stylesheet: the rules in their order, under a name from its bytes, with its
        // own integrity.
        let merged = ordered.style.unwrap();
        assert_eq!(
            String::from_utf8(merged.bytes.clone()).unwrap(),
            "body { color: red; }\n.report { color: blue; }\n@media print { body { color: black; } }\n"
        );
        assert_eq!(
            merged.merged,
            ["/main-1.css", "/report-2.css", "/print-3.css"]
        );
        assert!(merged.href.starts_with("/style-") && merged.href.ends_with(".css"));
        assert!(html.contains(&format!(
            "<link rel=\"stylesheet\" href=\"{}\" integrity=\"{}\"/>",
            merged.href,
            integrity(&merged.bytes)
        )));
        let again = super::ordered(HTML, styles).unwrap().style.unwrap();
        assert_eq!(again.href, merged.href);
    }

    #[test]
    fn a_debug_build_and_a_single_stylesheet_keep_theirs() {
        let debug = HTML.replace(" integrity=\"sha384-a\"", "");
        let one = debug
            .replace(
                "<link rel=\"stylesheet\" href=\"/report-2.css\" integrity=\"sha384-b\"/>",
                "",
            )
            .replace(
                "<link rel=\"stylesheet\" href=\"/print-3.css\" integrity=\"sha384-c\"/>",
                "",
            );
        let ordered = ordered(&one, styles).unwrap();
        assert!(ordered.style.is_none());
        assert!(ordered
            .html
            .contains("<link rel=\"stylesheet\" href=\"/main-1.css\"/>"));
        let merged = super::ordered(&debug, styles).unwrap();
        assert!(merged.html.contains(&format!(
            "<link rel=\"stylesheet\" href=\"{}\"/>",
            merged.style.unwrap().href
        )));
    }

    #[test]
    fn a_page_without_its_preloads_or_a_missing_stylesheet_is_an_error() {
        assert!(ordered("<head></head>", styles).is_err());
        let missing = HTML.replace("/print-3.css", "/gone.css");
        assert!(ordered(&missing, styles).is_err());
    }
}
