//! Bytes as text for local storage, 15 bits to a character (the idea of lz-string's
//! `compressToUTF16`).
//!
//! Local storage counts characters, not bytes: Chromium refuses a value past 5,242,879 UTF-16
//! code units per site whatever the characters are (measured here for ASCII, Latin-1 and CJK
//! text alike). Base64 spends a character on 6 bits; this spends one on 15, so the same quota
//! holds 2.5 times the data.
//!
//! Every character is `0x20 + v` for a 15-bit `v`, i.e. U+0020..=U+801F: never a control
//! character, never a surrogate (which a JS string could not carry through UTF-8 into wasm),
//! always one UTF-16 unit. The first two characters hold the byte count (30 bits), so the
//! padding bits of the last character are not mistaken for data.

/// The first character's code point; below it are the control characters.
const BASE: u32 = 0x20;
/// Bytes in one text at most: the count is written in two 15-bit characters.
pub const MAX_BYTES: usize = (1 << 30) - 1;

/// Why a text is not bytes packed by [`encode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text15Error {
    /// Fewer than the two length characters, or fewer data characters than the length says.
    Truncated,
    /// A character outside U+0020..=U+801F.
    Character(char),
    /// More characters than the length needs, or padding bits that are not zero.
    Trailing,
}

impl std::fmt::Display for Text15Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Text15Error::Truncated => f.write_str("packed text cut short"),
            Text15Error::Character(c) => write!(f, "U+{:04X} is not a packed character", *c as u32),
            Text15Error::Trailing => f.write_str("packed text longer than its length"),
        }
    }
}

fn char_of(v: u32) -> char {
    // `v` < 2^15, so the code point is below U+8020: a valid, non-surrogate scalar.
    char::from_u32(BASE + v).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn value_of(c: char) -> Result<u32, Text15Error> {
    let v = (c as u32).wrapping_sub(BASE);
    if v < 1 << 15 {
        Ok(v)
    } else {
        Err(Text15Error::Character(c))
    }
}

/// `bytes` as `2 + ceil(8n / 15)` characters. Panics never; `bytes` longer than [`MAX_BYTES`]
/// (a gigabyte, far past any quota) keep only their length's low 30 bits, so callers check.
pub fn encode(bytes: &[u8]) -> String {
    let n = bytes.len().min(MAX_BYTES) as u32;
    let mut out = String::with_capacity(3 * (2 + bytes.len() * 8 / 15 + 1));
    out.push(char_of(n >> 15));
    out.push(char_of(n & 0x7fff));
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in &bytes[..n as usize] {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(char_of((acc >> bits) & 0x7fff));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(char_of((acc << (15 - bits)) & 0x7fff));
    }
    out
}

/// The bytes [`encode`] wrote, refusing any other text.
pub fn decode(text: &str) -> Result<Vec<u8>, Text15Error> {
    let mut chars = text.chars();
    let high = value_of(chars.next().ok_or(Text15Error::Truncated)?)?;
    let low = value_of(chars.next().ok_or(Text15Error::Truncated)?)?;
    let n = ((high << 15) | low) as usize;
    // Each character carries at most two bytes: a length the text cannot hold is refused
    // before anything is allocated for it.
    if n.div_ceil(2) > text.len() {
        return Err(Text15Error::Truncated);
    }
    let mut out = Vec::with_capacity(n);
    let (mut acc, mut bits) = (0u32, 0u32);
    while out.len() < n {
        let v = value_of(chars.next().ok_or(Text15Error::Truncated)?)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && out.len() < n {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if chars.next().is_some() || acc != 0 {
        return Err(Text15Error::Trailing);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_and_byte_round_trips() {
        let all: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        for n in 0..=64 {
            let text = encode(&all[..n]);
            assert_eq!(text.chars().count(), 2 + (8 * n).div_ceil(15), "{n} bytes");
            assert_eq!(decode(&text).as_deref(), Ok(&all[..n]), "{n} bytes");
        }
        let text = encode(&all);
        assert_eq!(decode(&text), Ok(all));
    }

    #[test]
    fn characters_are_printable_single_utf16_units() {
        let text = encode(&[0xff; 300]);
        for c in text.chars() {
            let u = c as u32;
            assert!((0x20..=0x801f).contains(&u), "U+{u:04X}");
            assert_eq!(c.len_utf16(), 1);
        }
        // 15 bits a character: 2.5 times base64's 6.
        assert_eq!(text.chars().count(), 2 + 160);
    }

    #[test]
    fn other_text_is_refused() {
        assert_eq!(decode(""), Err(Text15Error::Truncated));
        assert_eq!(decode(" "), Err(Text15Error::Truncated));
        assert_eq!(decode("\u{1}  "), Err(Text15Error::Character('\u{1}')));
        assert_eq!(decode("  \u{9000}"), Err(Text15Error::Trailing));
        let text = encode(b"Nguyen");
        assert_eq!(decode(&text[..text.len() - 3]), Err(Text15Error::Truncated));
        assert_eq!(decode(&format!("{text} ")), Err(Text15Error::Trailing));
        // A length of a billion bytes in a five-character text.
        assert_eq!(decode("\u{801f}\u{801f}   "), Err(Text15Error::Truncated));
        // Padding bits must be zero, so each byte string has exactly one text.
        let mut chars: Vec<char> = encode(&[0]).chars().collect();
        chars[2] = char_of(1);
        assert_eq!(
            decode(&chars.into_iter().collect::<String>()),
            Err(Text15Error::Trailing)
        );
    }
}
