//! Vietnamese alphabetical order, for the lists a person sorts by name.
//!
//! Code-point order puts capitals before small letters and every accented letter after "z"
//! ("Xa Dung" before "chieng-so", "Đồng Tâm" after "Yên Thế"). The dictionary order is the
//! alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, case ignored, then the
//! tones (none, huyền, hỏi, ngã, sắc, nặng) to break ties.

use unicode_normalization::UnicodeNormalization;

/// The letters in order; a letter with its vowel mark (ă â ê ô ơ ư) or đ is its own letter.
const ALPHABET: &[&str] = &[
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
    "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];

/// Tone marks in dictionary order (combining characters after NFD).
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// The key to sort a text by: letters (then other characters by code point) as primary
/// weights, tones as secondary ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    primary: Vec<u32>,
    secondary: Vec<u8>,
}

/// The Vietnamese sort key of `text`.
pub fn key(text: &str) -> Key {
    let mut primary = Vec::with_capacity(text.len());
    let mut secondary = Vec::new();
    let lower = text.to_lowercase();
    let mut chars = lower.nfd().peekable();
    while let Some(c) = chars.next() {
        if let Some(t) = TONES.iter().position(|&m| m == c) {
            secondary.push(t as u8 + 1);
            continue;
        }
        // A vowel mark makes a letter of its own: a + ̆ = ă, o + ̛ = ơ.
        let mut letter = c.to_string();
        if let Some(&m) = chars.peek() {
            if matches!(m, '\u{306}' | '\u{302}' | '\u{31B}') {
                letter.push(m);
                chars.next();
            }
        }
        let letter: String = letter.nfc().collect();
        let weight = match ALPHABET.iter().position(|a| *a == letter) {
            Some(i) => 0x1_0000 + i as u32,
            None if c.is_alphanumeric() => 0x2_0000 + c as u32,
            // Spaces and punctuation sort before letters, as in a dictionary.
            None => c as u32,
        };
        primary.push(weight);
        if letter.chars().count() == 1 && TONES.iter().all(|&m| chars.peek() != Some(&m)) {
            secondary.push(0);
        }
    }
    Key { primary, secondary }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<&str> = names.to_vec();
        v.sort_by_key(|n| key(n));
        v.into_iter().map(String::from).collect()
    }

    #[test]
    fn dictionary_order() {
        assert_eq!(
            sorted(&[
                "Yên Thế",
                "Đồng Tâm",
                "Xa Dung",
                "chieng-so",
                "Ăn Cơm",
                "An Phú",
                "Âu Lạc"
            ]),
            [
                "An Phú",
                "Ăn Cơm",
                "Âu Lạc",
                "chieng-so",
                "Đồng Tâm",
                "Xa Dung",
                "Yên Thế"
            ]
        );
        assert_eq!(
            sorted(&["Ma", "má", "mà", "mả", "mạ", "mã"]),
            ["Ma", "mà", "mả", "mã", "má", "mạ"]
        );
        assert_eq!(sorted(&["Ơn", "On", "Ôn"]), ["On", "Ôn", "Ơn"]);
        assert_eq!(key("NGUYỄN"), key("nguyễn"));
    }
}
