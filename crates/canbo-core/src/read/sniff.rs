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
