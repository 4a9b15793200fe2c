//! What the bytes are, from their first bytes and (for OLE files) their stream names, before
//! any parser sees them: a PDF or a Word file renamed .xlsx, a workbook with a password, a
//! Lotus file, an HTML page saved as .xls each get their own message instead of "damaged".

use crate::error::{OldFormat, OtherKind};

/// The container or kind of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sniffed {
    /// A zip: xlsx, xlsm, xlsb, ods (or a docx, checked by its parts).
    Zip,
    /// An OLE compound file (CFB): xls, or an encrypted xlsx, or a .doc.
    Cfb(Cfb),
    Other(OtherKind),
    Old(OldFormat),
    /// Anything else: text, if it decodes as text.
    Text,
}

/// What the streams of a compound file say it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cfb {
    /// BIFF8 (Excel 97 and later): a `Workbook` stream.
    Workbook,
    /// BIFF5 (Excel 5.0/95): a `Book` stream.
    Book,
    /// An xlsx encrypted with a password (`EncryptionInfo` + `EncryptedPackage`).
    Encrypted,
    Other(OtherKind),
    /// None of those: left to the reader, which will say it is damaged.
    Unknown,
}

const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(super) fn sniff(bytes: &[u8]) -> Sniffed {
    let head = |magic: &[u8]| bytes.starts_with(magic);
    if head(b"PK\x03\x04") || head(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if head(CFB_MAGIC) {
        return Sniffed::Cfb(cfb_kind(bytes));
    }
    // A PDF may have up to 1 KB of anything before its header.
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return Sniffed::Other(OtherKind::Pdf);
    }
    if head(b"\x89PNG") || head(&[0xFF, 0xD8, 0xFF]) || head(b"GIF8") {
        return Sniffed::Other(OtherKind::Image);
    }
    if head(b"{\\rtf") {
        return Sniffed::Other(OtherKind::WordDocument);
    }
    if let Some(old) = old_binary(bytes) {
        return Sniffed::Old(old);
    }
    Sniffed::Text
}

/// Lotus 1-2-3, Quattro Pro for DOS and Excel 2–4 start with a binary BOF record.
fn old_binary(bytes: &[u8]) -> Option<OldFormat> {
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let (kind, len, version) = (u16_at(0)?, u16_at(2)?, u16_at(4)?);
    match (kind, len, version) {
        // Lotus WK1 (BOF 0, length 2, version 0x0404–0x0406).
        (0x0000, 2, 0x0404..=0x0406) => Some(OldFormat::Lotus),
        // Lotus WK3, WK4, 1-2-3 97 and later (BOF length 26, version 0x1000–0x1005).
        (0x0000, 0x1A, 0x1000..=0x1005) => Some(OldFormat::Lotus),
        // Quattro Pro for DOS (WQ1, WQ2).
        (0x0000, 2, 0x5120 | 0x5121) => Some(OldFormat::QuattroPro),
        // Excel 2.x, 3.0, 4.0 (BIFF2 BOF 0x0009, BIFF3 0x0209, BIFF4 0x0409).
        (0x0009 | 0x0209 | 0x0409, 4..=16, _) => Some(OldFormat::Excel4),
        _ => None,
    }
}

/// The kind of a compound file, from the names of its directory entries. Entries are 128
/// bytes each, at offsets that are multiples of 128 past the header; an entry's name is
/// UTF-16LE with its byte length (terminator included) at offset 64 and its type at 66.
fn cfb_kind(bytes: &[u8]) -> Cfb {
    let has = |name: &str| has_entry(bytes, name);
    if has("EncryptedPackage") || has("EncryptionInfo") {
        Cfb::Encrypted
    } else if has("Workbook") {
        Cfb::Workbook
    } else if has("Book") {
        Cfb::Book
    } else if has("WordDocument") {
        Cfb::Other(OtherKind::WordDocument)
    } else if has("PowerPoint Document") {
        Cfb::Other(OtherKind::Presentation)
    } else {
        Cfb::Unknown
    }
}

fn has_entry(bytes: &[u8], name: &str) -> bool {
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let len = (utf16.len() + 2) as u16;
    (512..bytes.len())
        .step_by(128)
        .filter_map(|at| bytes.get(at..at + 128))
        .any(|entry| {
            u16::from_le_bytes([entry[64], entry[65]]) == len
                && matches!(entry[66], 1 | 2)
                && entry[..utf16.len()].eq_ignore_ascii_case(&utf16)
                && entry[utf16.len()..utf16.len() + 2] == [0, 0]
        })
}

/// What a text file is when it is not CSV: an HTML page or Excel 2003 XML saved as .xls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Markup {
    Html,
    Xml2003,
}

pub(super) fn markup(text: &str) -> Option<Markup> {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return None;
    }
    let head: String = start.chars().take(4096).collect::<String>().to_lowercase();
    if head.contains("urn:schemas-microsoft-com:office:spreadsheet") && head.contains("<workbook") {
        Some(Markup::Xml2003)
    } else if ["<html", "<!doctype html", "<table", "<meta", "<body"]
        .iter()
        .any(|tag| head.contains(tag))
    {
        Some(Markup::Html)
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A minimal compound file: a 512-byte header, then one directory sector holding the
    /// root entry and the given streams.
    pub(crate) fn cfb_with(streams: &[&str]) -> Vec<u8> {
        let mut bytes = CFB_MAGIC.to_vec();
        bytes.resize(512, 0);
        for (i, name) in std::iter::once(&"Root Entry").chain(streams).enumerate() {
            let mut entry = [0u8; 128];
            let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
            entry[..utf16.len()].copy_from_slice(&utf16);
            entry[64..66].copy_from_slice(&((utf16.len() + 2) as u16).to_le_bytes());
            entry[66] = if i == 0 { 5 } else { 2 };
            bytes.extend_from_slice(&entry);
        }
        bytes.resize(1024, 0);
        bytes
    }

    #[test]
    fn compound_files_are_told_apart_by_their_streams() {
        let kind = |s: &[&str]| match sniff(&cfb_with(s)) {
            Sniffed::Cfb(k) => k,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            kind(&["EncryptionInfo", "EncryptedPackage"]),
            Cfb::Encrypted
        );
        assert_eq!(kind(&["Workbook"]), Cfb::Workbook);
        assert_eq!(kind(&["Book"]), Cfb::Book);
        assert_eq!(
            kind(&["WordDocument", "1Table"]),
            Cfb::Other(OtherKind::WordDocument)
        );
        assert_eq!(
            kind(&["PowerPoint Document"]),
            Cfb::Other(OtherKind::Presentation)
        );
        assert_eq!(kind(&["Something"]), Cfb::Unknown);
    }

    #[test]
    fn old_formats_are_known_by_their_first_record() {
        let wk1 = [0x00, 0x00, 0x02, 0x00, 0x06, 0x04, 0, 0];
        let wk4 = [0x00, 0x00, 0x1A, 0x00, 0x02, 0x10, 0x04, 0x00];
        let biff4 = [0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00];
        let wq1 = [0x00, 0x00, 0x02, 0x00, 0x20, 0x51, 0, 0];
        assert_eq!(sniff(&wk1), Sniffed::Old(OldFormat::Lotus));
        assert_eq!(sniff(&wk4), Sniffed::Old(OldFormat::Lotus));
        assert_eq!(sniff(&biff4), Sniffed::Old(OldFormat::Excel4));
        assert_eq!(sniff(&wq1), Sniffed::Old(OldFormat::QuattroPro));
        assert_eq!(sniff(b"Ho va ten,Don vi\n"), Sniffed::Text);
    }

    #[test]
    fn html_and_xml_2003_are_markup() {
        assert_eq!(
            markup("\u{feff}<html><body><table><tr><td>x</td></tr></table>"),
            Some(Markup::Html)
        );
        assert_eq!(
            markup("<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
            Some(Markup::Xml2003)
        );
        assert_eq!(markup("Họ và tên,Đơn vị\n"), None);
    }
}

/// Whether a zip is a workbook only the full reader reads, told from its bytes without a zip
/// reader: its central directory names `xl/workbook.bin` (xlsb), or `content.xml` with an
/// uncompressed `mimetype` first saying an OpenDocument spreadsheet (ods, as the format
/// requires), and no `xl/workbook.xml`. `false` when the directory cannot be found as
/// written (a damaged or zip64 archive): the reader then tells.
pub(super) fn zip_needs_full_reader(bytes: &[u8]) -> bool {
    let Some(names) = zip_names(bytes) else {
        return false;
    };
    let has = |name: &[u8]| names.contains(&name);
    let ods = || {
        has(b"content.xml")
            && bytes.get(30..38) == Some(b"mimetype")
            && memchr::memmem::find(
                &bytes[..bytes.len().min(256)],
                b"application/vnd.oasis.opendocument.spreadsheet",
            )
            .is_some()
    };
    !has(b"xl/workbook.xml") && (has(b"xl/workbook.bin") || ods())
}

/// The names in a zip's central directory, read from its end record; `None` when either is
/// not where and as the format puts it. Bounded by the file: at most one name per 46 bytes.
fn zip_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    const END: &[u8] = b"PK\x05\x06";
    const ENTRY: &[u8] = b"PK\x01\x02";
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    // The end record is 22 bytes and a comment of up to 65,535.
    let tail = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let end = tail + memchr::memmem::rfind(&bytes[tail..], END)?;
    let entries = usize::from(u16_at(end + 10)?);
    let mut at = usize::try_from(u32_at(end + 16)?).ok()?;
    let mut names = Vec::with_capacity(entries.min(bytes.len() / 46));
    for _ in 0..entries {
        if bytes.get(at..at + 4)? != ENTRY {
            return None;
        }
        let name = usize::from(u16_at(at + 28)?);
        let extra = usize::from(u16_at(at + 30)?);
        let comment = usize::from(u16_at(at + 32)?);
        names.push(bytes.get(at + 46..at + 46 + name)?);
        at += 46 + name + extra + comment;
    }
    Some(names)
}

#[cfg(test)]
mod zip_names_tests {
    use super::*;
    use std::io::Write;

    fn zip(entries: &[(&str, &[u8], bool)], comment: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        for (name, data, stored) in entries {
            let method = if *stored {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            writer.start_file(*name, options).unwrap();
            writer.write_all(data).unwrap();
        }
        let _ = writer.set_comment(comment);
        writer.finish().unwrap();
        out.into_inner()
    }

    const ODS: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

    #[test]
    fn an_xlsb_and_an_ods_are_told_by_their_directory_and_an_xlsx_is_not() {
        let xlsx = zip(
            &[
                ("[Content_Types].xml", b"x", false),
                ("xl/workbook.xml", b"x", false),
            ],
            "",
        );
        let xlsb = zip(
            &[
                ("[Content_Types].xml", b"x", false),
                ("xl/workbook.bin", b"x", false),
            ],
            "",
        );
        let ods = zip(&[("mimetype", ODS, true), ("content.xml", b"x", false)], "");
        let odt = zip(
            &[
                ("mimetype", b"application/vnd.oasis.opendocument.text", true),
                ("content.xml", b"x", false),
            ],
            "",
        );
        let docx = zip(&[("word/document.xml", b"x", false)], "");
        assert_eq!(
            zip_names(&xlsx).unwrap(),
            [&b"[Content_Types].xml"[..], b"xl/workbook.xml"]
        );
        assert!(!zip_needs_full_reader(&xlsx));
        assert!(zip_needs_full_reader(&xlsb));
        assert!(zip_needs_full_reader(&ods));
        assert!(!zip_needs_full_reader(&odt));
        assert!(!zip_needs_full_reader(&docx));
        // A comment after the directory, as long as the format allows.
        let commented = zip(&[("xl/workbook.bin", b"x", false)], &"c".repeat(65_535));
        assert!(zip_needs_full_reader(&commented));
        // Cut anywhere, or its directory's offset wrong, it is never more than "no".
        for cut in 0..xlsb.len() {
            let _ = zip_needs_full_reader(&xlsb[..cut]);
        }
        let mut moved = xlsb.clone();
        let end = memchr::memmem::rfind(&moved, b"PK\x05\x06").unwrap();
        moved[end + 16] ^= 0x55;
        assert!(!zip_needs_full_reader(&moved));
    }
}
