//! Text normalisation: what every cell goes through before anything reads it.
//!
//! Two forms exist. [`clean`] is what a person sees: NFC, `Ð` (U+00D0) typed for `Đ`, no
//! stray spaces. [`fold`] is what matching compares: lower case, no diacritics, `đ` → `d`,
//! punctuation turned into single spaces, so "Chức vụ/chức danh", "CHUC VU, CHUC DANH" and
//! "chức  vụ - chức danh" all meet.

pub mod collate;
pub mod legacy;
pub mod syllable;

use unicode_normalization::UnicodeNormalization;

/// Text as a person should see it: NFC, `Ð`/`ð` read as `Đ`/`đ`, inner runs of white space
/// (including non-breaking spaces and line breaks) as one space, trimmed.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfc() {
        let ch = match ch {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        };
        if ch.is_whitespace() || ch == '\u{a0}' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ch);
    }
    out
}

/// [`clean`] of a text shared by many cells, without allocating when it is already clean
/// (most cells are): a clean text is left shared.
pub fn clean_shared(text: &mut std::sync::Arc<str>) {
    if !is_clean(text) {
        *text = clean(text).into();
    }
}

/// One pass over the text: no edge or doubled spaces, no other white space, no `Ð`, and
/// composed (checked only when there is non-ASCII text at all).
fn is_clean(text: &str) -> bool {
    let mut prev_space = true;
    let mut ascii = true;
    for ch in text.chars() {
        match ch {
            ' ' if prev_space => return false,
            ' ' => prev_space = true,
            'Ð' | 'ð' => return false,
            c if c.is_whitespace() => return false,
            c => {
                prev_space = false;
                ascii &= c.is_ascii();
            }
        }
    }
    (!prev_space || text.is_empty())
        && (ascii
            || unicode_normalization::is_nfc_quick(text.chars())
                == unicode_normalization::IsNormalized::Yes)
}

/// The matching key of a text: lower case ASCII letters and digits separated by single
/// spaces. Diacritics are dropped, `đ`/`Đ`/`Ð` become `d`, and every other character
/// (punctuation, symbols) separates words. `/` between digits is kept, so `12/12` stays
/// distinguishable from `12 12`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut prev: Option<char> = None;
    let mut chars = text.nfd().peekable();
    while let Some(ch) = chars.next() {
        let mapped = match ch {
            'đ' | 'Đ' | 'Ð' | 'ð' => Some('d'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            '/' if prev.is_some_and(|p| p.is_ascii_digit())
                && chars.peek().is_some_and(|n| n.is_ascii_digit()) =>
            {
                Some('/')
            }
            c if is_combining_mark(c) => continue,
            c if c.is_alphabetic() => {
                // Letters outside ASCII with no decomposition (rare): keep them lower-cased.
                for l in c.to_lowercase() {
                    push(&mut out, &mut pending_space, l);
                }
                prev = Some(c);
                continue;
            }
            _ => None,
        };
        match mapped {
            Some(c) => push(&mut out, &mut pending_space, c),
            None => pending_space = !out.is_empty(),
        }
        prev = mapped;
    }
    out
}

fn push(out: &mut String, pending_space: &mut bool, c: char) {
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    out.push(c);
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Whether `needle` (folded) occurs in `haystack` (folded) as whole words.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    find_words(haystack, needle).is_some()
}

/// Byte offset of the first whole-word occurrence of `needle` in `haystack` (both folded).
pub fn find_words(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let bytes = haystack.as_bytes();
    let mut start = 0;
    while let Some(pos) = haystack[start..].find(needle) {
        let at = start + pos;
        let end = at + needle.len();
        let left_ok = at == 0 || bytes[at - 1] == b' ';
        let right_ok = end == bytes.len() || bytes[end] == b' ';
        if left_ok && right_ok {
            return Some(at);
        }
        start = at + 1;
    }
    None
}

/// Roman numerals ("I", "XIV"), as official forms number their sections.
pub fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// "THỊ TRẤN MẪU SƠN" → "Thị trấn Mẫu Sơn": text typed all in capitals, put in the case a
/// unit name is usually written. Mixed-case text is returned unchanged.
pub fn unit_case(text: &str) -> String {
    let has_lower = text.chars().any(|c| c.is_lowercase());
    if has_lower {
        return text.to_string();
    }
    let words: Vec<String> = text
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(cs.flat_map(|c| c.to_lowercase()))
                    .collect(),
                None => String::new(),
            }
        })
        .collect();
    let joined = words.join(" ");
    // Administrative kinds keep their second word in lower case.
    for (shout, kind) in [
        ("Thị Trấn ", "Thị trấn "),
        ("Thị Xã ", "Thị xã "),
        ("Thành Phố ", "Thành phố "),
        ("Đơn Vị ", "Đơn vị "),
    ] {
        if let Some(rest) = joined.strip_prefix(shout) {
            return format!("{kind}{rest}");
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_composes_and_fixes_eth_and_spaces() {
        let nfd = "Nguye\u{302}\u{303}n";
        assert_eq!(clean(nfd), "Nguyễn");
        assert_eq!(clean("  \u{d0}ảng\u{a0} viên \n"), "Đảng viên");
    }

    #[test]
    fn clean_shared_matches_clean() {
        for t in [
            "Lò Văn A",
            "  a  b ",
            "Nguye\u{302}\u{303}n",
            "\u{d0}ảng",
            "x\ny",
            "Tày",
        ] {
            let mut s: std::sync::Arc<str> = t.into();
            clean_shared(&mut s);
            assert_eq!(&*s, clean(t), "{t:?}");
        }
    }

    #[test]
    fn fold_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("Chức vụ/chức danh"), "chuc vu chuc danh");
        assert_eq!(fold("CHỨC VỤ, CHỨC DANH"), "chuc vu chuc danh");
        assert_eq!(fold("Ðảng viên"), "dang vien");
        assert_eq!(fold("  Ngày, tháng, năm sinh "), "ngay thang nam sinh");
        assert_eq!(fold("12/12"), "12/12");
        assert_eq!(fold("Nam/Nữ"), "nam nu");
        assert_eq!(fold("(1)"), "1");
        assert_eq!(fold("H'Mông"), "h mong");
    }

    #[test]
    fn word_search_respects_word_boundaries() {
        assert!(contains_words(
            "chu tich hoi dong nhan dan",
            "hoi dong nhan dan"
        ));
        assert!(!contains_words(
            "chu tich hoi nong dan",
            "hoi dong nhan dan"
        ));
        assert!(!contains_words("thanh vien", "than"));
        assert_eq!(find_words("a cv b", "cv"), Some(2));
        assert_eq!(find_words("cvc", "cv"), None);
    }

    #[test]
    fn unit_case_lowers_shouting_names() {
        assert_eq!(unit_case("THỊ TRẤN MẪU SƠN"), "Thị trấn Mẫu Sơn");
        assert_eq!(unit_case("XÃ NÀ KHUÔN"), "Xã Nà Khuôn");
        assert_eq!(unit_case("Xã Pò Mã"), "Xã Pò Mã");
    }
}
