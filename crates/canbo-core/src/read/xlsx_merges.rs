//! Merged regions of xlsx sheets, found without parsing the sheets' XML a second time.
//!
//! calamine's own lookup re-reads a whole sheet as XML to reach `<mergeCells>`, which sits
//! after all the cells: for a large roster that doubled the cost of reading. Here the small
//! workbook parts say which zip entry is which sheet, and the `<mergeCells>` block is found
//! by a byte search from the end of each sheet's XML.

use super::Merge;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Sheet name → merged regions, or `None` when the package is not laid out as expected (the
/// caller then asks calamine).
pub(super) fn by_sheet(bytes: &[u8]) -> Option<HashMap<String, Vec<Merge>>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let workbook = workbook(&mut zip)?;
    let mut out = HashMap::new();
    for Listed { name, path, .. } in sheet_list(&mut zip, &workbook)? {
        let xml = zip.by_name(&path).ok()?;
        out.insert(name, merges(&after_cells(xml).ok()?));
    }
    Some(out)
}

/// The workbook part (`xl/workbook.xml`), when the package's relationships name it as
/// calamine finds it; `None` when the package is laid out otherwise.
pub(super) fn workbook(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<Vec<u8>> {
    let package = part(zip, "_rels/.rels")?;
    let workbook_is_where_expected = elements(&package, "Relationship").iter().any(|r| {
        r.get("Type")
            .is_some_and(|t| t.ends_with("/relationships/officeDocument"))
            && r.get("Target")
                .is_some_and(|t| t.trim_start_matches('/') == "xl/workbook.xml")
    });
    if !workbook_is_where_expected {
        return None;
    }
    part(zip, "xl/workbook.xml")
}

/// One sheet of the workbook as calamine lists it (`sheets_metadata`), and the zip part
/// holding its XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Listed {
    pub name: String,
    pub path: String,
    /// `state="hidden"` or `"veryHidden"`.
    pub hidden: bool,
    /// A worksheet (not a chart or dialog sheet, which hold no cells to read).
    pub worksheet: bool,
}

/// Each sheet of the `workbook` as calamine's `read_workbook` lists them: its name, its part
/// (the relationship's target), whether it is hidden and whether it is a worksheet. `None`
/// where calamine would refuse the workbook (a relationship missing, a state or a kind of
/// sheet it does not know) or the package is not laid out as expected.
pub(super) fn sheet_list(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    workbook: &[u8],
) -> Option<Vec<Listed>> {
    let rels = part(zip, "xl/_rels/workbook.xml.rels")?;
    let targets: HashMap<String, (String, String)> = elements(&rels, "Relationship")
        .into_iter()
        .filter_map(|mut a| {
            let kind = a.remove("Type").unwrap_or_default();
            Some((a.remove("Id")?, (a.remove("Target")?, kind)))
        })
        .collect();
    let mut out = Vec::new();
    for sheet in elements(workbook, "sheet") {
        let name = sheet.get("name")?;
        let id = sheet
            .iter()
            .find(|(k, _)| k.ends_with(":id"))
            .map(|(_, v)| v)?;
        let (target, kind) = targets.get(id)?;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let hidden = match sheet.get("state").map(String::as_str) {
            None | Some("visible") => false,
            Some("hidden" | "veryHidden") => true,
            Some(_) => return None,
        };
        let worksheet = match kind.rsplit('/').next() {
            Some("worksheet") => true,
            Some("chartsheet" | "dialogsheet") => false,
            _ => return None,
        };
        out.push(Listed {
            name: name.clone(),
            path,
            hidden,
            worksheet,
        });
    }
    Some(out)
}

/// The merged regions in the part of a sheet's XML that follows its cells; `None` when the
/// part could not be read to its end (damaged, or larger than the zip declares it).
pub(super) fn in_tail(xml: impl Read) -> Option<Vec<Merge>> {
    after_cells(xml).ok().map(|tail| merges(&tail))
}

/// A part of the package, inflated; `None` when it is missing or cannot be read.
pub(super) fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(name).ok()?;
    // The size the zip declares is only a hint: a hostile file may claim any.
    let mut buf = Vec::with_capacity(file.size().min(1 << 24) as usize);
    file.read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// The end of a sheet's XML from its last mention of `sheetData` (where its cells end), read
/// through without keeping the cells: a 250,000-person sheet is some 100 MB inflated, and
/// only its last few kilobytes hold the merged regions. Should a text mention `mergeCell`
/// among the cells, what follows is kept until the cells end.
fn after_cells(mut xml: impl Read) -> std::io::Result<Vec<u8>> {
    const CELLS_END: &[u8] = b"sheetData";
    // Enough before a `mergeCell` for its tag's `<` and any namespace prefix.
    const SLACK: usize = 256;
    let mut tail = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    let mut merging = false;
    loop {
        let n = match xml.read(&mut chunk) {
            Ok(0) => return Ok(tail),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let seam = tail.len().saturating_sub(CELLS_END.len() - 1);
        tail.extend_from_slice(&chunk[..n]);
        if let Some(i) = memchr::memmem::rfind(&tail[seam..], CELLS_END) {
            tail.drain(..seam + i + CELLS_END.len());
            merging = false;
        }
        if !merging {
            merging = memchr::memmem::find(&tail, b"mergeCell").is_some();
            if !merging && tail.len() > SLACK {
                tail.drain(..tail.len() - SLACK);
            }
        }
    }
}

/// The attributes of every element named `tag` (local name) in a small XML part.
fn elements(xml: &[u8], tag: &str) -> Vec<HashMap<String, String>> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == tag => {
                let attrs = e
                    .attributes()
                    .flatten()
                    .filter_map(|a| {
                        let key = a.key.as_ref().to_string();
                        let value = quick_xml::escape::unescape(&a.value).ok()?.into_owned();
                        Some((key, value))
                    })
                    .collect();
                out.push(attrs);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The `<mergeCell ref="A1:B2"/>` regions of a sheet's XML.
fn merges(xml: &[u8]) -> Vec<Merge> {
    // The regions follow the cells: start after the last mention of `sheetData` (its closing
    // tag, whatever its namespace prefix).
    let start = memchr::memmem::rfind(xml, b"sheetData").map_or(0, |i| i + "sheetData".len());
    let tail = &xml[start..];
    let Some(begin) = memchr::memmem::find(tail, b"mergeCell") else {
        return Vec::new();
    };
    let from = tail[..begin].iter().rposition(|&b| b == b'<').unwrap_or(0);
    elements(&tail[from..], "mergeCell")
        .into_iter()
        .filter_map(|a| region(a.get("ref")?))
        .collect()
}

/// "B3:D5" → zero-based inclusive rectangle.
fn region(text: &str) -> Option<Merge> {
    let (a, b) = text.split_once(':')?;
    let (r1, c1) = position(a)?;
    let (r2, c2) = position(b)?;
    Some(Merge {
        first_row: r1.min(r2),
        first_col: c1.min(c2),
        last_row: r1.max(r2),
        last_col: c1.max(c2),
    })
}

fn position(cell: &str) -> Option<(usize, usize)> {
    let cell = cell.trim().replace('$', "");
    let split = cell.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = cell.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let col = letters.bytes().fold(0usize, |n, b| {
        n * 26 + (b.to_ascii_uppercase() - b'A' + 1) as usize
    }) - 1;
    let row: usize = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_parsed_from_references() {
        assert_eq!(
            region("B3:D5"),
            Some(Merge {
                first_row: 2,
                first_col: 1,
                last_row: 4,
                last_col: 3
            })
        );
        assert_eq!(
            region("$AA$10:AB11"),
            Some(Merge {
                first_row: 9,
                first_col: 26,
                last_row: 10,
                last_col: 27
            })
        );
        assert_eq!(region("A0:B1"), None);
        assert_eq!(region("garbage"), None);
    }

    /// A reader giving at most `.1` bytes at a time, as an inflater may.
    struct Pieces<'a>(&'a [u8], usize);

    impl std::io::Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn merge_block_is_found_after_the_cells() {
        let namespaced = br#"<x:worksheet><x:sheetData><x:row r="1"/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:G3"/></x:mergeCells></x:worksheet>"#;
        assert_eq!(
            merges(namespaced),
            vec![Merge {
                first_row: 0,
                first_col: 0,
                last_row: 2,
                last_col: 6
            }]
        );
        let xml = br#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:A3"/><mergeCell ref="B1:C1"/></mergeCells></worksheet>"#;
        let m = merges(xml);
        assert_eq!(m.len(), 2);
        // Read through in pieces of any size, the end after the cells gives the same.
        for piece in [1, 2, 7, 64, 1 << 20] {
            let mut padded = b"<worksheet><sheetData>".to_vec();
            for r in 0..3000 {
                padded.extend_from_slice(
                    format!(r#"<row r="{r}"><c r="A{r}"><v>1</v></c></row>"#).as_bytes(),
                );
            }
            padded.extend_from_slice(&xml[b"<worksheet><sheetData>".len()..]);
            let tail = after_cells(Pieces(&padded, piece)).expect("read");
            assert!(tail.len() < 300, "{piece}: {} bytes kept", tail.len());
            assert_eq!(merges(&tail), m, "{piece}");
            assert_eq!(
                merges(&after_cells(Pieces(namespaced, piece)).expect("read")),
                merges(namespaced)
            );
        }
        assert_eq!(
            m[1],
            Merge {
                first_row: 0,
                first_col: 1,
                last_row: 0,
                last_col: 2
            }
        );
    }
}
