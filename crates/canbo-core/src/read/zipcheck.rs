//! A zip's central directory, read before calamine opens it: a zip bomb is refused from the
//! sizes it declares, in microseconds, and a bomb that lies about its sizes is refused by
//! inflating each part only as far as it declared (calamine itself would trust the stream and
//! read on). Also tells a Word or PowerPoint file renamed .xlsx from a spreadsheet.

use super::limits;
use crate::error::{ImportError, Limit, OtherKind};
use std::io::{Cursor, Read};

/// What the directory says the archive is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holds {
    /// xlsx, xlsm, xlsb or ods, as far as the part names tell.
    Spreadsheet,
    Other(OtherKind),
    /// No part a spreadsheet reader looks for: left to calamine (a minimal package may still
    /// be a workbook), which decides.
    Unknown,
}

/// Deflate cannot inflate more than about 1,032 times its input.
const DEFLATE_MAX_RATIO: u64 = 1_032;

/// Below this many bytes of possible output in all, parts are not inflated to check them.
const VERIFY_FROM: u64 = 64_000_000;

/// What [`inspect`] found: what the archive holds, and whether its parts must still be
/// inflated to check their sizes ([`verify`]) before what was read from them is believed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Inspected {
    pub holds: Holds,
    pub verify: bool,
}

/// Checks the central directory: counts, declared sizes and ratios; refuses what they show to
/// be too large. Whether each part truly inflates to its declared size is left to [`verify`]
/// (`Inspected::verify`), which the reader runs beside or after the cells' reading: the zip
/// reader stops a part at its declared size, so nothing read meanwhile outgrows what was
/// checked here.
pub(super) fn inspect(file: &str, bytes: &[u8]) -> Result<Inspected, ImportError> {
    let too_large = |limit| ImportError::TooLarge {
        file: file.into(),
        limit,
    };
    let corrupt = |reason: String| ImportError::Corrupt {
        file: file.into(),
        reason,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let count = zip.len() as u64;
    if count > limits::ENTRIES {
        return Err(too_large(Limit::Entries {
            count,
            max: limits::ENTRIES,
        }));
    }
    let (mut total, mut sheets, mut possible) = (0u64, 0u64, 0u64);
    let mut tables = Vec::new();
    let mut names = Vec::new();
    let mut bomb = None;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| corrupt(e.to_string()))?;
        let (name, size, packed) = (
            entry.name().map(|n| n.into_owned()).unwrap_or_default(),
            entry.size(),
            entry.compressed_size(),
        );
        if size > limits::PART_BYTES {
            return Err(too_large(Limit::PartSize {
                part: name,
                bytes: size,
                max: limits::PART_BYTES,
            }));
        }
        let ratio = size / packed.max(1);
        if size > limits::RATIO_FROM && ratio > limits::RATIO && bomb.is_none() {
            bomb = Some(Limit::Ratio {
                part: name.clone(),
                ratio,
                max: limits::RATIO,
            });
        }
        total = total.saturating_add(size);
        if total > limits::INFLATED_BYTES {
            return Err(too_large(Limit::Inflated {
                bytes: total,
                max: limits::INFLATED_BYTES,
            }));
        }
        possible = possible.saturating_add(packed.saturating_mul(DEFLATE_MAX_RATIO));
        let lower = name.to_ascii_lowercase();
        if lower.contains("worksheets/") || lower.ends_with("content.xml") {
            sheets += size;
        }
        if [
            "sharedstrings.xml",
            "sharedstrings.bin",
            "styles.xml",
            "styles.bin",
        ]
        .iter()
        .any(|t| lower.ends_with(t))
        {
            tables.push((name.clone(), size));
        }
        names.push(lower);
    }
    let table_max = limits::TABLE_SLACK + limits::TABLE_RATIO.saturating_mul(sheets);
    if let Some((part, bytes)) = tables.into_iter().find(|(_, b)| *b > table_max) {
        return Err(too_large(Limit::Table {
            part,
            bytes,
            max: table_max,
        }));
    }
    if let Some(limit) = bomb {
        return Err(too_large(limit));
    }
    Ok(Inspected {
        holds: holds(&mut zip, &names),
        verify: possible > VERIFY_FROM,
    })
}

/// Inflates every compressed part that could hold more than it declares, up to one byte past
/// its declared size: a part that gets there lies, and is refused. The parts at the indices
/// `read_whole` were read to their end by the zip reader, which stops a part at its
/// declared size with an error: they are not inflated again.
pub(super) fn verify(file: &str, bytes: &[u8], read_whole: &[usize]) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // `inspect` opened it: not reached
    };
    for i in 0..zip.len() {
        if read_whole.contains(&i) {
            continue;
        }
        let Ok(mut entry) = zip.by_index(i) else {
            continue; // encrypted or unsupported parts: calamine will say so
        };
        let declared = entry.size();
        if entry.compression() == zip::CompressionMethod::Stored
            || entry.compressed_size().saturating_mul(DEFLATE_MAX_RATIO) <= declared
        {
            continue;
        }
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let read = std::io::copy(
            &mut (&mut entry).take(declared.saturating_add(1)),
            &mut std::io::sink(),
        );
        match read {
            Ok(n) if n > declared => {
                return Err(ImportError::TooLarge {
                    file: file.into(),
                    limit: Limit::Undeclared { part: name },
                })
            }
            Ok(_) => {}
            // The zip reader itself stops a part at its declared size.
            Err(e) if e.to_string().contains("declared") => {
                return Err(ImportError::TooLarge {
                    file: file.into(),
                    limit: Limit::Undeclared { part: name },
                })
            }
            Err(e) => {
                return Err(ImportError::Corrupt {
                    file: file.into(),
                    reason: format!("{name}: {e}"),
                })
            }
        }
    }
    Ok(())
}

fn holds(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, names: &[String]) -> Holds {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") || has("xl/workbook.bin") {
        return Holds::Spreadsheet;
    }
    if has("word/document.xml") {
        return Holds::Other(OtherKind::WordDocument);
    }
    if has("ppt/presentation.xml") {
        return Holds::Other(OtherKind::Presentation);
    }
    if has("mimetype") {
        let mut kind = String::new();
        if let Ok(entry) = zip.by_name("mimetype") {
            let _ = entry.take(200).read_to_string(&mut kind);
        }
        if kind.contains("opendocument.text") {
            return Holds::Other(OtherKind::WordDocument);
        }
        if kind.contains("opendocument.presentation") {
            return Holds::Other(OtherKind::Presentation);
        }
        if kind.contains("opendocument.spreadsheet") {
            return Holds::Spreadsheet;
        }
    }
    if names
        .iter()
        .any(|n| n.ends_with(".xml") || n.ends_with(".rels") || n.ends_with(".bin"))
    {
        Holds::Unknown
    } else {
        Holds::Other(OtherKind::Zip)
    }
}
