//! CSV and tab-separated text: encoding and separator detection, then one sheet.

use super::{Cell, Sheet};

/// Text of the file, or `None` when the bytes are not text. UTF-8 (with or without BOM) and
/// UTF-16 with BOM are decoded as such; other bytes that look like text are read as
/// Windows-1252, which is also how legacy TCVN3/VNI files arrive (decoded later, per sheet).
pub(super) fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).ok();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.is_empty() || !looks_like_text(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_string()),
        Err(_) => Some(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Option<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect(),
    )
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

/// Windows-1252, whose 0x80–0x9F range differs from Latin-1.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
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

pub(super) fn parse(file: &str, text: &str) -> Sheet {
    let sep = detect_separator(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        // A malformed line becomes an empty row rather than ending the file.
        let row = match record {
            Ok(rec) => rec
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        rows.push(row);
    }
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    Sheet {
        name: name.to_string(),
        hidden: false,
        rows,
        merges: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(bytes: &[u8]) -> Sheet {
        parse("t.csv", &decode_text(bytes).unwrap())
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
    fn non_utf8_bytes_are_read_as_windows_1252() {
        assert_eq!(decode_text(&[b'H', 0xE4, b' ', 0xB5]).unwrap(), "Hä µ");
        assert_eq!(decode_text(&[0x80]).unwrap(), "€");
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(decode_text(&[1, 2, 3, 0, 5]), None);
    }
}
