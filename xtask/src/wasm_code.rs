//! Where a wasm's code goes: each function's body size, from the code section, named by the
//! `name` section (kept in the wasm Cargo builds, before wasm-bindgen and `wasm-opt`), summed
//! by the crate it comes from. What `twiggy top` tells, grouped, without installing it.
//!
//! Also the reading of a module's sections (`sections`, `Reader`), which `split_page` uses
//! to find and edit the export section.

use std::collections::HashMap;

/// Bytes of code, by crate, largest first, and the whole.
pub fn code_by_crate(wasm: &[u8]) -> Result<(Vec<(String, usize)>, usize), String> {
    let functions = functions(wasm)?;
    let total = functions.iter().map(|f| f.1).sum();
    let mut by: HashMap<String, usize> = HashMap::new();
    for (name, size) in functions {
        *by.entry(crate_of(&name)).or_default() += size;
    }
    let mut by: Vec<(String, usize)> = by.into_iter().collect();
    by.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok((by, total))
}

/// Reads a module's bytes from `at` on.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pub at: usize,
}

impl Reader<'_> {
    pub fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the wasm ends early")?;
        self.at += 1;
        Ok(b)
    }

    pub fn leb(&mut self) -> Result<usize, String> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let b = self.byte()?;
            if shift < usize::BITS {
                value |= usize::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b < 0x80 {
                return Ok(value);
            }
        }
    }

    pub fn skip(&mut self, n: usize) -> Result<(), String> {
        self.at = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("the wasm ends early")?;
        Ok(())
    }

    pub fn name(&mut self) -> Result<String, String> {
        Ok(String::from_utf8_lossy(self.name_bytes()?).into_owned())
    }

    /// A name as it is written: its length, then its bytes.
    pub fn name_bytes(&mut self) -> Result<&[u8], String> {
        let n = self.leb()?;
        let start = self.at;
        self.skip(n)?;
        Ok(&self.bytes[start..self.at])
    }
}

/// `n` written as a module writes numbers (unsigned LEB128).
pub fn push_leb(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// One section of a module: its id, where it lies whole (id, size and body) and where its
/// body lies.
pub struct Section {
    pub id: u8,
    pub whole: std::ops::Range<usize>,
    pub body: std::ops::Range<usize>,
}

impl Section {
    /// A reader of this section's body in `wasm`, which ends where the body does.
    pub fn reader<'a>(&self, wasm: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes: &wasm[..self.body.end],
            at: self.body.start,
        }
    }
}

/// Every section of `wasm`, in order.
pub fn sections(wasm: &[u8]) -> Result<Vec<Section>, String> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut sections = Vec::new();
    while r.at < wasm.len() {
        let start = r.at;
        let id = r.byte()?;
        let size = r.leb()?;
        let body = r.at..r.at + size;
        r.skip(size).map_err(|_| "a section ends past the wasm")?;
        sections.push(Section {
            id,
            whole: start..r.at,
            body,
        });
    }
    Ok(sections)
}

/// Every function's name (or `?` and its index) and body size.
fn functions(wasm: &[u8]) -> Result<Vec<(String, usize)>, String> {
    let (mut imported, mut bodies, mut names) = (0, Vec::new(), HashMap::new());
    for section in sections(wasm)? {
        let end = section.body.end;
        let mut s = section.reader(wasm);
        match section.id {
            // Imports: the functions' indices start after the imported functions.
            2 => {
                for _ in 0..s.leb()? {
                    s.name()?;
                    s.name()?;
                    match s.byte()? {
                        0 => {
                            s.leb()?;
                            imported += 1;
                        }
                        1 => {
                            s.byte()?;
                            limits(&mut s)?;
                        }
                        2 => limits(&mut s)?,
                        _ => s.skip(2)?,
                    }
                }
            }
            10 => {
                for _ in 0..s.leb()? {
                    let n = s.leb()?;
                    s.skip(n)?;
                    bodies.push(n);
                }
            }
            0 if s.name()? == "name" => {
                while s.at < end {
                    let sub = s.byte()?;
                    let n = s.leb()?;
                    let sub_end = s.at + n;
                    if sub == 1 {
                        for _ in 0..s.leb()? {
                            let index = s.leb()?;
                            names.insert(index, s.name()?);
                        }
                    }
                    s.at = sub_end;
                }
            }
            _ => {}
        }
    }
    Ok((bodies.into_iter().enumerate())
        .map(|(i, size)| {
            (
                names
                    .remove(&(imported + i))
                    .unwrap_or_else(|| format!("?{i}")),
                size,
            )
        })
        .collect())
}

fn limits(s: &mut Reader) -> Result<(), String> {
    let flags = s.byte()?;
    s.leb()?;
    if flags & 1 == 1 {
        s.leb()?;
    }
    Ok(())
}

/// The crate a mangled Rust name comes from: its path's first segment, or, for a method of
/// a trait's impl (`<Type as Trait>::method`), the type's crate (the trait's when the type
/// is generic or built in). Names that are not Rust's are `other`.
fn crate_of(name: &str) -> String {
    let first = if let Some(rest) = name.strip_prefix("_ZN") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let n: usize = rest[..digits].parse().unwrap_or(0);
        rest.get(digits..digits + n).unwrap_or("").to_string()
    } else if let Some(rest) = name.strip_prefix("_R") {
        // v0: the first crate root, `C` + optional disambiguator `s<base62>_` + <len><ident>.
        return v0_crate(rest).unwrap_or_else(|| "other".into());
    } else {
        return "other".into();
    };
    if !first.starts_with("_$LT$") {
        return first;
    }
    let decoded = [
        ("$LT$", "<"),
        ("$GT$", ">"),
        ("$u20$", " "),
        ("$RF$", "&"),
        ("$BP$", "*"),
        ("$C$", ","),
        ("$u5b$", "["),
        ("$u5d$", "]"),
        ("..", "::"),
    ]
    .iter()
    .fold(first[1..].to_string(), |s, (a, b)| s.replace(a, b));
    let inner = decoded.trim_start_matches('<');
    let (ty, tr) = inner.split_once(" as ").unwrap_or((inner, ""));
    let root = |path: &str| -> String {
        let path = path
            .trim_start_matches(['&', '*', '[', '('])
            .trim_start_matches("mut ")
            .trim_start_matches("const ")
            .trim_start_matches("dyn ");
        path.split([':', '<', ' ', ',', ';', ']'])
            .next()
            .unwrap_or("")
            .to_string()
    };
    let krate = root(ty);
    if ty.contains("::") && !krate.is_empty() {
        krate
    } else if !tr.is_empty() {
        root(tr)
    } else {
        "other".into()
    }
}

fn v0_crate(rest: &str) -> Option<String> {
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'C' {
            let mut j = i + 1;
            if b.get(j) == Some(&b's') {
                j += 1;
                while j < b.len() && b[j] != b'_' {
                    j += 1;
                }
                j += 1;
            }
            let digits = b[j.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 {
                let n: usize = rest[j..j + digits].parse().ok()?;
                return rest.get(j + digits..j + digits + n).map(str::to_string);
            }
        }
        i += 1;
    }
    None
}

/// The table of docs/BENCHMARKS.md, "Where the page's code is": the crates of each wasm
/// Cargo built for dist/ (the page's `page` profile, the workers' `release`), by bytes of
/// code before wasm-bindgen and `wasm-opt` (which shrink every crate alike, roughly).
pub fn table(target: &std::path::Path) -> Result<String, String> {
    let mut out =
        String::from("## Where the code is (function bodies before `wasm-opt`, by crate)\n");
    for (what, file) in [
        (
            "the page",
            target.join("wasm32-unknown-unknown/page/canbo-app.wasm"),
        ),
        (
            "the import worker",
            target.join("wasm32-unknown-unknown/release/worker.wasm"),
        ),
        (
            "the download worker",
            target.join("wasm32-unknown-unknown/release/exporter.wasm"),
        ),
    ] {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (by, total) = code_by_crate(&bytes)?;
        out.push_str(&format!(
            "\n{what} (`{}`): {:.0} KiB of code\n\n| crate | KiB | share |\n|---|---:|---:|\n",
            file.file_name().unwrap_or_default().to_string_lossy(),
            total as f64 / 1024.0
        ));
        for (name, size) in by.iter().take(15) {
            out.push_str(&format!(
                "| {name} | {:.0} | {:.1} % |\n",
                *size as f64 / 1024.0,
                100.0 * *size as f64 / total.max(1) as f64
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module of two functions, one imported before them, named in its `name` section.
    fn module() -> Vec<u8> {
        let leb = push_leb;
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let section = |m: &mut Vec<u8>, id: u8, body: &[u8]| {
            m.push(id);
            leb(m, body.len());
            m.extend_from_slice(body);
        };
        // Imports: one function "env"."f" of type 0.
        section(&mut m, 2, b"\x01\x03env\x01f\x00\x00");
        // Code: bodies of 3 and 5 bytes.
        section(&mut m, 10, b"\x02\x03\0\0\x0b\x05\0\0\0\0\x0b");
        let mut names = b"\x04name".to_vec();
        let a = "_ZN10canbo_core6report5stats17h0123456789abcdefE";
        let b = "_ZN98_$LT$$RF$mut$u20$serde_json..de..Deserializer$LT$R$GT$$u20$as$u20$serde_core..de..Deserializer$GT$3any17h0123456789abcdefE";
        let mut sub = vec![2u8];
        for (i, n) in [(1u8, a), (2, b)] {
            sub.push(i);
            leb(&mut sub, n.len());
            sub.extend_from_slice(n.as_bytes());
        }
        names.push(1);
        leb(&mut names, sub.len());
        names.extend(sub);
        section(&mut m, 0, &names);
        m
    }

    #[test]
    fn code_is_summed_by_the_crate_its_functions_come_from() {
        let (by, total) = code_by_crate(&module()).unwrap();
        assert_eq!(total, 3 + 5);
        assert_eq!(
            by,
            vec![("serde_json".to_string(), 5), ("canbo_core".to_string(), 3)]
        );
    }

    #[test]
    fn a_method_of_a_generic_type_counts_for_its_trait_and_v0_names_for_their_crate() {
        assert_eq!(crate_of("_ZN53_$LT$T$u20$as$u20$tachys..view..any_view..IntoAny$GT$8into_any17h00d233eecb5349b8E"), "tachys");
        assert_eq!(crate_of("_RNvMs0_NtCsjqx8TIyZbP9_8dlmalloc8dlmallocINtB5_8DlmallocNtNtB7_3sys6SystemE6malloc"), "dlmalloc");
        assert_eq!(crate_of("__wbindgen_malloc"), "other");
        assert!(code_by_crate(b"not wasm").is_err());
        assert!(code_by_crate(b"\0asm\x01\0\0\0\x0a\x05\x01").is_err());
    }
}
