//! The shape of a Vietnamese syllable, in folded form (no diacritics, `đ` → `d`).
//!
//! Vietnamese is written one syllable a word, and every syllable is an onset consonant
//! cluster (possibly none), one to three vowels, and a final consonant (possibly none). An
//! abbreviation breaks that shape ("ubnd", "httnv", "vptk", "hdndxa"), so the shape tells a
//! word the reader must take as written from letters that stand for words: see
//! [`crate::vocab::phrases`].

/// Onsets, longest first so that "ngh" is preferred to "ng" and "n".
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
];

/// Final consonants, longest first.
const CODAS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t"];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The onset of a folded syllable ("tr" in "truong", "" in "uy"): the longest onset after
/// which a vowel follows.
pub fn onset(word: &str) -> &str {
    for o in ONSETS {
        if let Some(rest) = word.strip_prefix(o) {
            if rest.bytes().next().is_some_and(is_vowel) {
                return &word[..o.len()];
            }
        }
    }
    ""
}

/// The final consonant of a folded syllable ("ng" in "truong"), or "".
pub fn coda(word: &str) -> &str {
    CODAS
        .iter()
        .find(|c| {
            word.strip_suffix(**c)
                .is_some_and(|rest| rest.bytes().last().is_some_and(is_vowel))
        })
        .map_or("", |c| &word[word.len() - c.len()..])
}

/// Whether a folded token has the shape of one Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let start = onset(word).len();
    let end = word.len() - coda(word).len();
    if end <= start {
        return false;
    }
    let nucleus = &word.as_bytes()[start..end];
    nucleus.len() <= 3 && nucleus.iter().all(|&b| is_vowel(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_and_abbreviations() {
        for w in [
            "nguoi", "truong", "uy", "an", "quoc", "ngheo", "gia", "thanh", "tich", "xa", "du",
            "khuya", "hoi", "chuyen",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "ubnd", "hdnd", "httnv", "vptk", "ct", "hdndxa", "ths", "chutich", "llct", "p", "cvc",
            "12", "ubmttqvn",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn onsets_and_codas() {
        assert_eq!(onset("nghiep"), "ngh");
        assert_eq!(onset("truong"), "tr");
        assert_eq!(onset("uy"), "");
        assert_eq!(onset("gia"), "gi");
        assert_eq!(onset("quan"), "qu");
        assert_eq!(coda("truong"), "ng");
        assert_eq!(coda("tich"), "ch");
        assert_eq!(coda("hoa"), "");
    }
}
