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
    let workbook = part(&mut zip, "xl/workbook.xml")?;
    let rels = part(&mut zip, "xl/_rels/workbook.xml.rels")?;
    let targets: HashMap<String, String> = elements(&rels, "Relationship")
        .into_iter()
        .filter_map(|a| Some((a.get("Id")?.clone(), a.get("Target")?.clone())))
        .collect();
    let mut out = HashMap::new();
    for sheet in elements(&workbook, "sheet") {
        let name = sheet.get("name")?;
        let id = sheet
            .iter()
            .find(|(k, _)| k.ends_with(":id"))
            .map(|(_, v)| v)?;
        let target = targets.get(id)?;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let xml = part(&mut zip, &path)?;
        out.insert(name.clone(), merges(&xml));
    }
    Some(out)
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(name).ok()?;
    let mut buf = Vec::with_capacity(file.size().min(1 << 28) as usize);
    file.read_to_end(&mut buf).ok()?;
    Some(buf)
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
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?
                            .into_owned();
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
