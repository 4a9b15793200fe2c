//! An xlsb's `xl/workbook.bin`, looked through before calamine reads it. calamine 0.38 looks up
//! each sheet's relationship id (from a `BrtBundleSh` record) in `xl/_rels/workbook.bin.rels`
//! with `relationships[&id]`, which panics when the id is missing (found by fuzzing), and
//! slices that record and `BrtWbProp` without checking their length. Such a file is
//! `Corrupt`.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashSet;
use std::io::{Cursor, Read};

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let file = zip.by_name(name).ok()?;
    let declared = file.size();
    let mut out = Vec::new();
    // `zipcheck` has bounded the part; read no more than it declares.
    file.take(declared).read_to_end(&mut out).ok()?;
    Some(out)
}

/// `Err` with the reason when calamine would panic on the workbook's records.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Some(book) = part(&mut zip, "xl/workbook.bin") else {
        return Ok(());
    };
    let rels = part(&mut zip, "xl/_rels/workbook.bin.rels").unwrap_or_default();
    let mut ids = HashSet::new();
    let mut reader = Reader::from_reader(&rels[..]);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == "Id" {
                        ids.insert(a.value.to_string());
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    let mut at = 0usize;
    let byte = |at: usize| book.get(at).copied();
    while let Some(b) = byte(at) {
        // Record type: 1 or 2 bytes; size: 1 to 4 bytes, 7 bits each (MS-XLSB 2.1.4).
        let typ = if b & 0x80 != 0 {
            let Some(b2) = byte(at + 1) else { break };
            at += 2;
            u32::from(b & 0x7F) + (u32::from(b2 & 0x7F) << 7)
        } else {
            at += 1;
            u32::from(b)
        };
        let mut len = 0usize;
        for i in 0..4 {
            let Some(b) = byte(at) else { return Ok(()) };
            at += 1;
            len += usize::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                break;
            }
        }
        let Some(data) = book.get(at..at + len) else {
            return Ok(()); // cut short: calamine's own read error
        };
        at += len;
        match typ {
            0x0099 if data.is_empty() => return Err("an empty BrtWbProp record".into()),
            0x009C => {
                let short = || Err(format!("a BrtBundleSh record of {len} bytes"));
                let Some(n) = data.get(8..12) else {
                    return short();
                };
                let n = u32::from_le_bytes([n[0], n[1], n[2], n[3]]);
                if n != u32::MAX {
                    let Some(id) = data.get(12..12 + n as usize * 2) else {
                        return short();
                    };
                    let units: Vec<u16> = id
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]]))
                        .collect();
                    let id = String::from_utf16_lossy(&units);
                    if !ids.contains(&id) {
                        return Err(format!(
                            "a sheet's relationship «{id}» is not in xl/_rels/workbook.bin.rels"
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}
