//! CSV and tab-separated text: encoding and separator detection, then one sheet.

use super::spreadsheet::{text as text_cell, Budget};
use super::{limits, Cell, Sheet};
use crate::error::Limit;

/// The character encoding a text file was read in, recorded so that the import review and
/// `canbo inspect` can say it (a CSV read in the wrong code page shows as wrong letters,
/// and a person checking it needs to know which one was chosen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CodePage {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// What Excel on a Vietnamese Windows saves as "CSV".
    #[serde(rename = "windows-1258")]
    Windows1258,
    /// Western; also what TCVN3 and VNI text is read as before it is converted per sheet.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl CodePage {
    pub const ALL: [CodePage; 5] = [
        CodePage::Utf8,
        CodePage::Utf16Le,
        CodePage::Utf16Be,
        CodePage::Windows1258,
        CodePage::Windows1252,
    ];

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            CodePage::Utf8 => "UTF-8",
            CodePage::Utf16Le => "UTF-16 LE",
            CodePage::Utf16Be => "UTF-16 BE",
            CodePage::Windows1258 => lang.pick(
                "Windows-1258 (bảng mã tiếng Việt của Windows)",
                "Windows-1258 (Windows Vietnamese)",
            ),
            CodePage::Windows1252 => lang.pick(
                "Windows-1252 (bảng mã Tây Âu; cả TCVN3, VNI)",
                "Windows-1252 (Western; also TCVN3, VNI)",
            ),
        }
    }
}

/// [`decode`] without the code page, for the tests of the decoding itself.
#[cfg(test)]
fn decode_text(bytes: &[u8]) -> Option<String> {
    decode(bytes, super::Readers::All)
        .ok()
        .flatten()
        .map(|(text, _)| text)
}

/// Text that only the full reader's code pages read: not UTF-8 and without a byte-order
/// mark ([`decode`] with [`super::Readers::Own`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OtherCodePage;

/// Text of the file and the code page it was read in, or `None` when the bytes are not text.
///
/// A byte-order mark decides (UTF-8, UTF-16). Otherwise valid UTF-8 is UTF-8. Other bytes are
/// one of the single-byte encodings Vietnamese text is saved in:
/// - TCVN3 (ABC) and VNI, the legacy font encodings: read here as Windows-1252, whose
///   characters they borrow, and converted to Unicode later, per sheet (`text::legacy`);
/// - Windows-1258, what Excel on a Vietnamese Windows writes for "CSV": tone marks as
///   combining characters after the letter (made NFC when cells are cleaned);
/// - Windows-1252 for anything else.
///
/// Firefox's detector (chardetng) tells Windows-1258 from the others, once the legacy fonts,
/// which it does not know, are ruled out. Those single-byte code pages are the full reader's
/// (`readers.full()`): without it they are [`OtherCodePage`], and the import worker that
/// reads without them (its wasm carries neither encoding_rs's decoders nor chardetng)
/// leaves the file to the one that has them.
pub(super) fn decode(
    bytes: &[u8],
    readers: super::Readers,
) -> Result<Option<(String, CodePage)>, OtherCodePage> {
    if let Some((page, bom)) = byte_order_mark(bytes) {
        let text = &bytes[bom..];
        let text = match page {
            CodePage::Utf16Le => utf16(text, u16::from_le_bytes),
            CodePage::Utf16Be => utf16(text, u16::from_be_bytes),
            _ => String::from_utf8_lossy(text).into_owned(),
        };
        return Ok(Some((text, page)));
    }
    if bytes.is_empty() || !looks_like_text(bytes) {
        return Ok(None);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Some((text.to_string(), CodePage::Utf8)));
    }
    if !readers.full() {
        return Err(OtherCodePage);
    }
    let (western, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    if crate::text::legacy::detect(western.lines()).is_some() {
        return Ok(Some((western.into_owned(), CodePage::Windows1252)));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    if detector.guess(Some(b"vn"), chardetng::Utf8Detection::Deny) == encoding_rs::WINDOWS_1258 {
        let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
        return Ok(Some((text.into_owned(), CodePage::Windows1258)));
    }
    Ok(Some((western.into_owned(), CodePage::Windows1252)))
}

/// Whether [`decode`] by the own readers would leave these bytes to the full reader's code
/// pages ([`OtherCodePage`]), without decoding them.
pub(super) fn other_code_page(bytes: &[u8]) -> bool {
    byte_order_mark(bytes).is_none()
        && !bytes.is_empty()
        && looks_like_text(bytes)
        && std::str::from_utf8(bytes).is_err()
}

/// The code page a byte-order mark names, and the mark's length.
fn byte_order_mark(bytes: &[u8]) -> Option<(CodePage, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((CodePage::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((CodePage::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((CodePage::Utf16Be, 2)),
        _ => None,
    }
}

/// UTF-16 text, as encoding_rs decodes it (the WHATWG decoder): each unpaired surrogate is
/// U+FFFD, and so is an odd last byte, unless it follows a lead surrogate left unpaired at
/// the end (one U+FFFD for both).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let lead_at_end = (bytes.len() >= 2)
        .then(|| {
            let last = bytes.len() / 2 * 2;
            unit([bytes[last - 2], bytes[last - 1]])
        })
        .is_some_and(|u| (0xD800..0xDC00).contains(&u));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 && !lead_at_end {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Text has no NUL bytes and few control characters.
fn looks_like_text(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    !sample.contains(&0) && controls * 100 <= sample.len()
}

/// The separator that splits the first lines most consistently: comma, semicolon or tab.
fn detect_separator(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for sep in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, sep)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        // Score: how many lines share the most common non-zero count, times that count.
        let mut freq = std::collections::HashMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        let score = freq.iter().map(|(&c, &n)| n * 1000 + c).max().unwrap_or(0);
        if score > best.1 {
            best = (sep, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, sep: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == sep && !quoted {
            n += 1;
        }
    }
    n
}

/// The first line longer than [`limits::LINE_BYTES`], as a limit: a file of one endless line
/// is no roster, and would cost its length again in every later step.
fn long_line(text: &str) -> Option<Limit> {
    for (i, chunk) in text.split('\n').enumerate() {
        if chunk.len() as u64 > limits::LINE_BYTES {
            return Some(Limit::Line {
                line: i as u64 + 1,
                bytes: chunk.len() as u64,
                max: limits::LINE_BYTES,
            });
        }
    }
    None
}

pub(super) fn parse(file: &str, text: &str) -> Result<Sheet, Limit> {
    if let Some(limit) = long_line(text) {
        return Err(limit);
    }
    let mut budget = Budget::whole();
    let sep = detect_separator(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        // A malformed line becomes an empty row rather than ending the file.
        let mut row = Vec::new();
        if let Ok(rec) = record {
            for f in rec.iter().take(limits::COLUMNS) {
                row.push(if f.trim().is_empty() {
                    Cell::Empty
                } else {
                    budget.take()?;
                    text_cell(f)
                });
            }
        }
        rows.push(row);
        if rows.len() >= limits::ROWS {
            break;
        }
    }
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    Ok(Sheet {
        name: name.to_string(),
        hidden: false,
        rows,
        merges: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text with a byte-order mark is decoded as encoding_rs decodes it, lone surrogates,
    /// odd last bytes and invalid UTF-8 included.
    #[test]
    fn text_with_a_byte_order_mark_is_decoded_as_encoding_rs_decodes_it() {
        let mut state = 0x2545_f491_u32;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for bom in [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]] {
            for len in 0..200 {
                let mut bytes = bom.to_vec();
                // Mostly Vietnamese-like text, with random bytes among it.
                for k in 0..len {
                    bytes.push(match next() % 8 {
                        0 => (next() % 256) as u8,
                        1 => 0xD8 + (next() % 8) as u8,
                        2 => 0xE1,
                        3 => 0xBB,
                        _ => b'a' + (k % 26) as u8,
                    });
                }
                cases.push(bytes);
            }
        }
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Họ và tên\n😀".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        cases.push(utf16le);
        for bytes in &cases {
            let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes).expect("a mark");
            let (expected, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            for readers in [super::super::Readers::All, super::super::Readers::Own] {
                let decoded = decode(bytes, readers).expect("decoded").expect("text");
                assert_eq!(decoded.0, expected, "{bytes:?}");
            }
        }
        assert_eq!(
            decode(&cases.last().unwrap()[..], super::super::Readers::Own),
            Ok(Some(("Họ và tên\n😀".to_string(), CodePage::Utf16Le)))
        );
    }

    /// Without the full reader, UTF-8 is read and a single-byte code page is left to it.
    #[test]
    fn the_own_readers_leave_single_byte_code_pages_to_the_full_reader() {
        let own = super::super::Readers::Own;
        assert_eq!(
            decode("Họ và tên;Ngày sinh".as_bytes(), own),
            Ok(Some(("Họ và tên;Ngày sinh".to_string(), CodePage::Utf8)))
        );
        let (windows_1258, _, _) = encoding_rs::WINDOWS_1258.encode("Họ và tên;Ngày sinh\n");
        assert_eq!(decode(&windows_1258, own), Err(OtherCodePage));
        assert!(
            decode(&windows_1258, super::super::Readers::All).is_ok_and(|d| d.is_some_and(
                |(_, page)| matches!(page, CodePage::Windows1258 | CodePage::Windows1252)
            ))
        );
        assert_eq!(decode(b"\x00\x01\x02", own), Ok(None));
    }

    fn sheet(bytes: &[u8]) -> Sheet {
        parse("t.csv", &decode_text(bytes).unwrap()).unwrap()
    }

    #[test]
    fn comma_semicolon_and_tab_are_detected() {
        for text in ["a,b,c\n1,2,3\n", "a;b;c\n1;2,5;3\n", "a\tb\tc\n1\t2\t3\n"] {
            let s = sheet(text.as_bytes());
            assert_eq!(s.rows[1].len(), 3, "{text:?}");
        }
    }

    #[test]
    fn quoted_separator_stays_in_its_field() {
        let s = sheet("Họ tên,Chức vụ\nA,\"Công chức Văn phòng, Thống kê\"\n".as_bytes());
        assert_eq!(
            s.rows[1][1],
            Cell::Text("Công chức Văn phòng, Thống kê".into())
        );
    }

    #[test]
    fn boms_and_utf16_are_decoded() {
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend_from_slice("Họ tên\n".as_bytes());
        assert_eq!(decode_text(&utf8).unwrap(), "Họ tên\n");
        let mut le = vec![0xFF, 0xFE];
        for u in "Nữ".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&le).unwrap(), "Nữ");
    }

    #[test]
    fn windows_1258_is_told_from_windows_1252() {
        // "Họ và tên,Chức vụ\nLò Văn Hùng,Chủ tịch Ủy ban nhân dân\n" as Excel saves it on a
        // Vietnamese Windows: tone marks as combining characters after the letter.
        let text = "Họ và tên,Chức vụ,Dân tộc\nLò Văn Hùng,Chủ tịch Ủy ban nhân dân,Thái\n\
                    Nguyễn Thị Hường,Phó Chủ tịch Hội đồng nhân dân,Kinh\n";
        let bytes = cp1258(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = crate::text::clean(&decode_text(&bytes).unwrap());
        assert_eq!(decoded, crate::text::clean(text));
    }

    /// Text as Windows-1258 bytes: decomposed, but with the letters 1258 has precomposed
    /// (â ă ê ô ơ ư and their capitals) put back together, tone marks left combining.
    pub(crate) fn cp1258(text: &str) -> Vec<u8> {
        use unicode_normalization::{char::compose, UnicodeNormalization};
        let mut out = String::new();
        let mut base: Option<char> = None;
        let mut tones = String::new();
        let flush = |base: &mut Option<char>, tones: &mut String, out: &mut String| {
            out.extend(base.take());
            out.push_str(tones);
            tones.clear();
        };
        for c in text.nfd() {
            let letter_mark = matches!(c, '\u{302}' | '\u{306}' | '\u{31B}');
            let combining = ('\u{300}'..='\u{36F}').contains(&c);
            match base.and_then(|b| compose(b, c)) {
                Some(joined) if letter_mark => base = Some(joined),
                _ if combining => tones.push(c),
                _ => {
                    flush(&mut base, &mut tones, &mut out);
                    base = Some(c);
                }
            }
        }
        flush(&mut base, &mut tones, &mut out);
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
        assert!(!unmappable, "{text}");
        bytes.into_owned()
    }

    #[test]
    fn non_utf8_bytes_are_read_as_windows_1252() {
        assert_eq!(decode_text(&[b'H', 0xE4, b' ', 0xB5]).unwrap(), "Hä µ");
        assert_eq!(decode_text(&[0x80]).unwrap(), "€");
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(decode_text(&[1, 2, 3, 0, 5]), None);
    }

    #[test]
    fn the_code_page_used_is_recorded() {
        let page = |bytes: &[u8]| {
            decode(bytes, super::super::Readers::All)
                .ok()
                .flatten()
                .map(|(_, page)| page)
        };
        assert_eq!(page("Họ tên\n".as_bytes()), Some(CodePage::Utf8));
        assert_eq!(page(b"\xEF\xBB\xBFa\n"), Some(CodePage::Utf8));
        assert_eq!(page(b"\xFF\xFEa\x00"), Some(CodePage::Utf16Le));
        assert_eq!(page(b"\xFE\xFF\x00a"), Some(CodePage::Utf16Be));
        let vietnamese = cp1258(
            "Họ và tên,Chức vụ,Dân tộc\nLò Văn Hùng,Chủ tịch Ủy ban nhân dân,Thái\n\
             Nguyễn Thị Hường,Phó Chủ tịch Hội đồng nhân dân,Kinh\n",
        );
        assert_eq!(page(&vietnamese), Some(CodePage::Windows1258));
        assert_eq!(page(&[b'H', 0xE4, b' ', 0xB5]), Some(CodePage::Windows1252));
        assert_eq!(page(&[1, 2, 3, 0, 5]), None);
    }

    #[test]
    fn every_code_page_has_a_label_in_both_languages() {
        use crate::lang::Lang;
        for page in CodePage::ALL {
            let (vi, en) = (page.label(Lang::Vi), page.label(Lang::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{page:?}");
            assert!(
                !en.chars().any(|c| c.is_alphabetic() && !c.is_ascii()),
                "{page:?}: {en}"
            );
            let json = serde_json::to_string(&page).unwrap();
            assert_eq!(serde_json::from_str::<CodePage>(&json).unwrap(), page);
        }
    }
}
