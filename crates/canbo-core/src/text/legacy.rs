//! Vietnamese text typed in legacy 8-bit fonts (TCVN3/ABC `.VnTime`, VNI-Windows `VNI-Times`).
//!
//! Before Unicode was common, Vietnamese spreadsheets were typed with fonts that drew
//! Vietnamese letters at the positions of Western Latin-1 characters. Excel stores what was
//! typed as the Windows-1252 characters of those bytes, so a reader sees `Hä vµ tªn`
//! (TCVN3) or `Hoï vaø teân` (VNI) where the author saw "Họ và tên". [`detect`] tells from a
//! sample of cells whether that happened, and [`decode`] turns such text back into Unicode
//! (NFC).
//!
//! The tables are data (const arrays of pairs): `TCVN3`, `TCVN3_CAPITALS` and
//! `TCVN3_TONE_MARKS` map bytes to letters, `VNI` maps letters to their VNI byte sequences,
//! `CP1252_HIGH` gives the Windows-1252 characters of bytes 0x80–0x9F.

use std::collections::HashSet;

/// Which legacy 8-bit Vietnamese encoding a text was typed in (text stored as Latin-1/cp1252
/// look-alike characters in a Unicode string, because the spreadsheet used a `.VnTime`
/// (TCVN3/ABC) or `VNI-Times` font).
///
/// Serialised as the name a person knows it by (`"TCVN3"`, `"VNI"`), which is also what
/// rosters and import reports stored before the encoding was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Legacy {
    #[serde(rename = "TCVN3")]
    Tcvn3,
    #[serde(rename = "VNI")]
    Vni,
}

impl Legacy {
    pub const ALL: [Legacy; 2] = [Legacy::Tcvn3, Legacy::Vni];

    /// The encoding's name, the same in both languages: a proper name people search for.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }

    /// What a person reads: the name, which needs no translation.
    pub fn label(self, _lang: crate::lang::Lang) -> &'static str {
        self.name()
    }
}

impl std::fmt::Display for Legacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/// Windows-1252 characters of the bytes 0x80–0x9F. The five bytes cp1252 leaves undefined
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) reach us as the raw C1 control characters U+0081 etc., as
/// do all of 0x80–0x9F when the text went through a Latin-1 decoder instead.
const CP1252_HIGH: [(u8, char); 27] = [
    (0x80, '€'),
    (0x82, '‚'),
    (0x83, 'ƒ'),
    (0x84, '„'),
    (0x85, '…'),
    (0x86, '†'),
    (0x87, '‡'),
    (0x88, 'ˆ'),
    (0x89, '‰'),
    (0x8A, 'Š'),
    (0x8B, '‹'),
    (0x8C, 'Œ'),
    (0x8E, 'Ž'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x95, '•'),
    (0x96, '–'),
    (0x97, '—'),
    (0x98, '˜'),
    (0x99, '™'),
    (0x9A, 'š'),
    (0x9B, '›'),
    (0x9C, 'œ'),
    (0x9E, 'ž'),
    (0x9F, 'Ÿ'),
];

/// TCVN 5712:1993 VN3 ("ABC", the `.VnTime` fonts): the seven capitals it has, the seven
/// lower-case letters with hats/horns/bar, and the sixty lower-case toned vowels. The
/// upper-case-only fonts (`.VnTimeH`) draw capitals at these same bytes; decoding gives the
/// lower-case letter then, which is accepted.
const TCVN3: [(u8, char); 74] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    // a
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    // ă
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    // â
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    // e
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    // ê
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    // i
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    // o
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    // ô
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    // ơ
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    // u
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    // ư
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    // y
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// Toned capitals of the full TCVN 5712 table (VN1), at the bytes VN3 leaves free: 0x80–0x9F
/// and a few gaps above 0xA0. Vietnamese keyboard drivers emit these for capitals in "TCVN3"
/// mode. The twelve capitals VN1 puts in the C0 control range (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ at
/// 0x01–0x17) are deliberately not decoded: ASCII always passes through unchanged.
const TCVN3_CAPITALS: [(u8, char); 48] = [
    (0x80, 'À'),
    (0x81, 'Ả'),
    (0x82, 'Ã'),
    (0x83, 'Á'),
    (0x84, 'Ạ'),
    (0x85, 'Ặ'),
    (0x86, 'Ậ'),
    (0x87, 'È'),
    (0x88, 'Ẻ'),
    (0x89, 'Ẽ'),
    (0x8A, 'É'),
    (0x8B, 'Ẹ'),
    (0x8C, 'Ệ'),
    (0x8D, 'Ì'),
    (0x8E, 'Ỉ'),
    (0x8F, 'Ĩ'),
    (0x90, 'Í'),
    (0x91, 'Ị'),
    (0x92, 'Ò'),
    (0x93, 'Ỏ'),
    (0x94, 'Õ'),
    (0x95, 'Ó'),
    (0x96, 'Ọ'),
    (0x97, 'Ộ'),
    (0x98, 'Ờ'),
    (0x99, 'Ở'),
    (0x9A, 'Ỡ'),
    (0x9B, 'Ớ'),
    (0x9C, 'Ợ'),
    (0x9D, 'Ù'),
    (0x9E, 'Ủ'),
    (0x9F, 'Ũ'),
    (0xAF, 'Ằ'),
    (0xBA, 'Ẳ'),
    (0xBF, 'Ẵ'),
    (0xC0, 'Ắ'),
    (0xC1, 'Ầ'),
    (0xC2, 'Ẩ'),
    (0xC3, 'Ẫ'),
    (0xC4, 'Ấ'),
    (0xC5, 'Ề'),
    (0xCD, 'Ể'),
    (0xD9, 'Ễ'),
    (0xDA, 'Ế'),
    (0xDB, 'Ồ'),
    (0xE0, 'Ổ'),
    (0xF0, 'Ỗ'),
    (0xFF, 'Ố'),
];

/// The five separate tone marks of TCVN 5712 (0xB0–0xB4), written after a toneless vowel.
/// The value is the tone's column in [`VOWELS`]. After anything other than a toneless vowel
/// the byte is left as it is (so "25°C" stays "25°C").
const TCVN3_TONE_MARKS: [(u8, usize); 5] = [(0xB0, 1), (0xB1, 2), (0xB2, 3), (0xB3, 4), (0xB4, 5)];

/// VNI-Windows: every lower-case Vietnamese letter outside ASCII and its byte sequence (shown
/// as Latin-1 characters). Capitals are the upper case of both: 'Ấ' is "AÁ", 'Đ' is "Ñ",
/// 'Ơ' is "Ô", 'Ỵ' is "Î". The second byte of a pair is a mark: ù ø û õ ï (tones),
/// â (circumflex), á à å ã ä (circumflex with a tone), ê (breve), é è ú ü ë (breve with a
/// tone). ơ ư đ and the toned i and ỵ are single bytes.
const VNI: [(char, &str); 67] = [
    // a
    ('à', "aø"),
    ('ả', "aû"),
    ('ã', "aõ"),
    ('á', "aù"),
    ('ạ', "aï"),
    // ă
    ('ă', "aê"),
    ('ằ', "aè"),
    ('ẳ', "aú"),
    ('ẵ', "aü"),
    ('ắ', "aé"),
    ('ặ', "aë"),
    // â
    ('â', "aâ"),
    ('ầ', "aà"),
    ('ẩ', "aå"),
    ('ẫ', "aã"),
    ('ấ', "aá"),
    ('ậ', "aä"),
    // đ
    ('đ', "ñ"),
    // e
    ('è', "eø"),
    ('ẻ', "eû"),
    ('ẽ', "eõ"),
    ('é', "eù"),
    ('ẹ', "eï"),
    // ê
    ('ê', "eâ"),
    ('ề', "eà"),
    ('ể', "eå"),
    ('ễ', "eã"),
    ('ế', "eá"),
    ('ệ', "eä"),
    // i
    ('ì', "ì"),
    ('ỉ', "æ"),
    ('ĩ', "ó"),
    ('í', "í"),
    ('ị', "ò"),
    // o
    ('ò', "oø"),
    ('ỏ', "oû"),
    ('õ', "oõ"),
    ('ó', "où"),
    ('ọ', "oï"),
    // ô
    ('ô', "oâ"),
    ('ồ', "oà"),
    ('ổ', "oå"),
    ('ỗ', "oã"),
    ('ố', "oá"),
    ('ộ', "oä"),
    // ơ
    ('ơ', "ô"),
    ('ờ', "ôø"),
    ('ở', "ôû"),
    ('ỡ', "ôõ"),
    ('ớ', "ôù"),
    ('ợ', "ôï"),
    // u
    ('ù', "uø"),
    ('ủ', "uû"),
    ('ũ', "uõ"),
    ('ú', "uù"),
    ('ụ', "uï"),
    // ư
    ('ư', "ö"),
    ('ừ', "öø"),
    ('ử', "öû"),
    ('ữ', "öõ"),
    ('ứ', "öù"),
    ('ự', "öï"),
    // y
    ('ỳ', "yø"),
    ('ỷ', "yû"),
    ('ỹ', "yõ"),
    ('ý', "yù"),
    ('ỵ', "î"),
];

/// The twelve Vietnamese vowels with their tones, lower case. Columns: no tone, grave
/// (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
const VOWELS: [[char; 6]; 12] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
    ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
    ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
    ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];

const ACUTE: usize = 4;
const DOT_BELOW: usize = 5;

/// Initial consonants of a Vietnamese syllable ("" = none).
const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Vowel groups of a Vietnamese syllable, tones removed.
const NUCLEI: [&str; 55] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo",
    "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
];

/// Final consonants of a Vietnamese syllable ("" = none).
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Byte 0x80 + i → TCVN3 letter, '\0' where the byte is no letter.
const TCVN3_DECODE: [char; 128] = {
    let mut table = ['\0'; 128];
    let mut i = 0;
    while i < TCVN3.len() {
        table[(TCVN3[i].0 - 0x80) as usize] = TCVN3[i].1;
        i += 1;
    }
    let mut i = 0;
    while i < TCVN3_CAPITALS.len() {
        table[(TCVN3_CAPITALS[i].0 - 0x80) as usize] = TCVN3_CAPITALS[i].1;
        i += 1;
    }
    table
};

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// Convert one string from the legacy encoding to Unicode NFC (precomposed) text. ASCII
/// passes through unchanged.
///
/// Characters that are no letter of the encoding are kept as they are. Bytes 0x80–0x9F are
/// understood both as their Windows-1252 characters (`–`, `Š`, …) and as raw C1 control
/// characters (U+0080–U+009F).
pub fn decode(text: &str, enc: Legacy) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    match enc {
        Legacy::Tcvn3 => decode_tcvn3(text),
        Legacy::Vni => decode_vni(text),
    }
}

/// The byte a legacy font had for `c`: Latin-1 characters are their own code, the
/// Windows-1252 characters of 0x80–0x9F are mapped back. `None` for anything else.
fn legacy_byte(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(b) => Some(b),
        Err(_) => CP1252_HIGH
            .iter()
            .find(|&&(_, ch)| ch == c)
            .map(|&(b, _)| b),
    }
}

fn decode_tcvn3(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let Some(b) = legacy_byte(c).filter(|&b| b >= 0x80) else {
            out.push(c);
            continue;
        };
        if let Some(&(_, tone)) = TCVN3_TONE_MARKS.iter().find(|&&(m, _)| m == b) {
            match out
                .chars()
                .next_back()
                .and_then(|prev| with_tone(prev, tone))
            {
                Some(toned) => {
                    out.pop();
                    out.push(toned);
                }
                None => out.push(c),
            }
            continue;
        }
        match TCVN3_DECODE[usize::from(b - 0x80)] {
            '\0' => out.push(c),
            letter => out.push(letter),
        }
    }
    out
}

fn decode_vni(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let (letter, used) = vni_letter_at(&chars[i..]);
        match letter {
            Some(l) => out.push(l),
            None => out.push(chars[i]),
        }
        i += used;
    }
    out
}

/// The VNI letter starting `chars` (non-empty) and how many characters it takes: a base with
/// its mark, a single-byte letter, or (None, 1) when the first character is no VNI letter.
/// The case of the result is that of the first character.
fn vni_letter_at(chars: &[char]) -> (Option<char>, usize) {
    let first = chars[0];
    if let Some(&next) = chars.get(1) {
        if !next.is_ascii() {
            if let Some(l) = vni_lookup(&[latin1_lower(first), latin1_lower(next)]) {
                return (Some(with_case_of(l, first)), 2);
            }
        }
    }
    if !first.is_ascii() {
        if let Some(l) = vni_lookup(&[latin1_lower(first)]) {
            return (Some(with_case_of(l, first)), 1);
        }
    }
    (None, 1)
}

fn vni_lookup(seq: &[char]) -> Option<char> {
    VNI.iter()
        .find(|(_, s)| s.chars().eq(seq.iter().copied()))
        .map(|&(letter, _)| letter)
}

/// Lower case within ASCII and Latin-1 only (where upper and lower differ by 0x20), which is
/// all the VNI bytes need.
fn latin1_lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        _ => c,
    }
}

fn upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn lower(c: char) -> char {
    let mut low = c.to_lowercase();
    match (low.next(), low.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn with_case_of(letter: char, model: char) -> char {
    if model.is_uppercase() {
        upper(letter)
    } else {
        letter
    }
}

/// `vowel` (a toneless Vietnamese vowel, either case) with the tone of column `tone`.
fn with_tone(vowel: char, tone: usize) -> Option<char> {
    let low = lower(vowel);
    VOWELS
        .iter()
        .find(|row| row[0] == low)
        .map(|row| with_case_of(row[tone], vowel))
}

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

/// Fewest legacy marker characters (TCVN3) or vowel+mark pairs (VNI) in a sample.
const MIN_MARKERS: usize = 2;
/// Fewest distinct words that only make sense decoded.
const MIN_GOOD_WORDS: usize = 3;
/// How many times the words against the encoding the words for it must outnumber.
const MAJORITY: usize = 2;

/// Decide from a sample of texts (e.g. all text cells of one sheet) whether they are TCVN3,
/// VNI, or ordinary Unicode (None).
///
/// Must be robust: ordinary Unicode Vietnamese (NFC or NFD), English, French names with é/è,
/// numbers, dates are never detected as legacy. The decision is made for the whole sample,
/// not per string:
///
/// 1. **Marker characters.** TCVN3 text is full of characters ordinary text hardly uses:
///    `¡`–`¯` (Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ **ư = soft hyphen** đ), `µ`–`¿` (à ả ã á ạ ằ ẳ ẵ ắ …),
///    `×` `Þ` `÷` `þ` (ì ị ữ ỵ) and bytes 0x80–0x9F as raw C1 controls. Western letters
///    (é è ç ô ü …), `°±²³´`, `Ð`/`ð` (often typed for Đ in Unicode text) and the cp1252
///    punctuation (`“ ” – …`) are not counted. VNI text is full of an ASCII vowel (or `ô`/`ö`
///    = ơ/ư) followed by one of its mark bytes: `aù` `eä` `oø` `öï` … A sample needs at least
///    two markers of an encoding to be considered in it.
/// 2. **Words that only make sense decoded.** The sample is cut into distinct words (split at
///    white space, ASCII punctuation and digits); words that are pure ASCII are neutral.
///    A word with a character beyond U+00FF that no legacy byte gives (ạ ả ấ ầ ơ ư đ …, or
///    a combining mark of NFD text) proves Unicode and counts *against* both encodings.
///    Every other word is decoded; if decoding changes it and the result has a vowel, it is
///    * **for** the encoding when the decoded word is a well-formed Vietnamese syllable
///      (initial consonant, known vowel group with at most one tone, final consonant, and
///      -c/-ch/-p/-t only with sắc/nặng — case ignored, so `.VnTimeH` capitals pass) and the
///      original is not (`tªn` → "tên", `Vieät` → "Việt");
///    * **against** it when the decoded word is no syllable (`Hélène` → "Hộlốne");
///    * neutral when both read as Vietnamese (`Lê` → "Lờ"), or when the decoded word has no
///      vowel (abbreviations such as `H§ND`).
/// 3. **Clear majority.** An encoding is chosen only with at least three words for it, and at
///    least twice as many words for it as against it; a few French names or a stray `«»`
///    decide nothing. If both encodings qualify, the one with more words for it wins.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    let mut words: HashSet<&'a str> = HashSet::new();
    let mut tcvn3_markers = 0usize;
    let mut vni_markers = 0usize;
    for text in texts {
        if text.is_ascii() {
            continue;
        }
        tcvn3_markers += text.chars().filter(|&c| is_tcvn3_marker(c)).count();
        vni_markers += count_vni_pairs(text);
        words.extend(text.split(is_word_separator).filter(|w| !w.is_ascii()));
    }

    let mut unicode_words = 0usize;
    // [TCVN3, VNI] × (for, against)
    let mut votes = [(0usize, 0usize); 2];
    for word in words {
        if word.chars().any(is_unicode_only) {
            unicode_words += 1;
            continue;
        }
        for (enc, vote) in [Legacy::Tcvn3, Legacy::Vni]
            .into_iter()
            .zip(votes.iter_mut())
        {
            let decoded = decode(word, enc);
            if decoded == word {
                continue;
            }
            let decoded = decoded.to_lowercase();
            if !decoded.chars().any(|c| vowel_parts(c).is_some()) {
                continue;
            }
            if !is_syllable(&decoded) {
                vote.1 += 1;
            } else if !is_syllable(&word.to_lowercase()) {
                vote.0 += 1;
            }
        }
    }

    let qualifies = |markers: usize, (good, bad): (usize, usize)| {
        markers >= MIN_MARKERS && good >= MIN_GOOD_WORDS && good >= MAJORITY * (bad + unicode_words)
    };
    let tcvn3 = qualifies(tcvn3_markers, votes[0]).then_some(votes[0].0);
    let vni = qualifies(vni_markers, votes[1]).then_some(votes[1].0);
    match (tcvn3, vni) {
        (Some(t), Some(v)) if v > t => Some(Legacy::Vni),
        (Some(_), _) => Some(Legacy::Tcvn3),
        (None, Some(_)) => Some(Legacy::Vni),
        (None, None) => None,
    }
}

/// Characters that (nearly) only occur in TCVN3 text; see [`detect`].
fn is_tcvn3_marker(c: char) -> bool {
    matches!(u32::from(c), 0x80..=0x9F | 0xA1..=0xAF | 0xB5..=0xBF | 0xD7 | 0xDE | 0xF7 | 0xFE)
}

/// Characters no legacy byte can give: beyond Latin-1 and not a cp1252 character.
fn is_unicode_only(c: char) -> bool {
    legacy_byte(c).is_none()
}

fn count_vni_pairs(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, used) = vni_letter_at(&chars[i..]);
        if used == 2 {
            count += 1;
        }
        i += used;
    }
    count
}

/// Word boundaries: ASCII other than letters, and white space. U+0085 (NEL) is white space
/// to Rust but byte 0x85 is a letter in TCVN3, so it does not separate.
fn is_word_separator(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_alphabetic()) || (c.is_whitespace() && c != '\u{85}')
}

/// A lower-case vowel's toneless form and tone column, `None` if `c` is no vowel.
fn vowel_parts(c: char) -> Option<(char, usize)> {
    VOWELS
        .iter()
        .find_map(|row| row.iter().position(|&v| v == c).map(|tone| (row[0], tone)))
}

/// Whether `word` (lower case) is a well-formed Vietnamese syllable.
fn is_syllable(word: &str) -> bool {
    let word: String = word
        .chars()
        .map(|c| if c == 'ð' { 'đ' } else { c })
        .collect();
    INITIALS
        .iter()
        .filter_map(|initial| word.strip_prefix(initial))
        .any(is_rhyme)
}

/// Vowel group (with at most one tone) and final consonant.
fn is_rhyme(rest: &str) -> bool {
    let mut nucleus = String::new();
    let mut tone = 0;
    let mut tones = 0;
    let mut final_at = rest.len();
    for (at, c) in rest.char_indices() {
        let Some((base, t)) = vowel_parts(c) else {
            final_at = at;
            break;
        };
        nucleus.push(base);
        if t != 0 {
            tone = t;
            tones += 1;
        }
    }
    let fin = &rest[final_at..];
    if tones > 1 || !NUCLEI.contains(&nucleus.as_str()) || !FINALS.contains(&fin) {
        return false;
    }
    let stopped = matches!(fin, "c" | "ch" | "p" | "t");
    !stopped || tone == ACUTE || tone == DOT_BELOW
}

#[cfg(test)]
mod tests {
    use super::*;

    // ---- test encoders, built from the same tables -------------------------------------

    /// Unicode → TCVN3 as Latin-1 characters (0x80–0x9F as raw C1 controls). `None` if a
    /// letter has no TCVN3 byte.
    fn encode_tcvn3(text: &str) -> Option<String> {
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    return Some(c);
                }
                TCVN3
                    .iter()
                    .chain(TCVN3_CAPITALS.iter())
                    .find(|&&(_, l)| l == c)
                    .map(|&(b, _)| char::from(b))
            })
            .collect()
    }

    /// Same, with 0x80–0x9F as their Windows-1252 characters where cp1252 has one.
    fn encode_tcvn3_cp1252(text: &str) -> Option<String> {
        encode_tcvn3(text).map(|s| {
            s.chars()
                .map(|c| {
                    CP1252_HIGH
                        .iter()
                        .find(|&&(b, _)| u32::from(b) == u32::from(c))
                        .map_or(c, |&(_, w)| w)
                })
                .collect()
        })
    }

    /// Unicode → VNI as Latin-1 characters.
    fn encode_vni(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c);
                continue;
            }
            let low = lower(c);
            let Some(&(_, seq)) = VNI.iter().find(|&&(l, _)| l == low) else {
                panic!("no VNI sequence for {c}");
            };
            if c.is_uppercase() {
                out.push_str(&seq.to_uppercase());
            } else {
                out.push_str(seq);
            }
        }
        out
    }

    /// Every Vietnamese letter outside ASCII: 67 lower case, then 67 upper case.
    fn all_letters() -> Vec<char> {
        let mut lower_case: Vec<char> = VOWELS
            .iter()
            .flatten()
            .copied()
            .filter(|c| !c.is_ascii())
            .collect();
        lower_case.push('đ');
        let upper_case: Vec<char> = lower_case.iter().map(|&c| upper(c)).collect();
        lower_case.into_iter().chain(upper_case).collect()
    }

    const SENTENCES: [&str; 6] = [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Nguyễn Thị Huyền Trang, sinh ngày 12/05/1985",
        "Trưởng phòng Tài chính - Kế hoạch",
        "Người được khen thưởng: Lương Văn Quyết",
        "Khuyến khích ứng dụng công nghệ thông tin",
    ];

    // ---- tables -------------------------------------------------------------------------

    #[test]
    fn tables_cover_all_134_letters_once() {
        let letters = all_letters();
        assert_eq!(letters.len(), 134);
        let distinct: HashSet<char> = letters.iter().copied().collect();
        assert_eq!(distinct.len(), 134);
        for c in letters.iter().take(67) {
            assert_eq!(VNI.iter().filter(|&&(l, _)| l == *c).count(), 1, "VNI {c}");
            assert_eq!(
                TCVN3.iter().filter(|&&(_, l)| l == *c).count(),
                1,
                "TCVN3 {c}"
            );
        }
    }

    #[test]
    fn tcvn3_bytes_and_letters_are_unique() {
        let all: Vec<(u8, char)> = TCVN3.iter().chain(TCVN3_CAPITALS.iter()).copied().collect();
        let bytes: HashSet<u8> = all.iter().map(|&(b, _)| b).collect();
        let letters: HashSet<char> = all.iter().map(|&(_, l)| l).collect();
        assert_eq!(bytes.len(), all.len());
        assert_eq!(letters.len(), all.len());
        assert!(all.iter().all(|&(b, _)| b >= 0x80));
        for (b, _) in TCVN3_TONE_MARKS {
            assert!(!bytes.contains(&b));
        }
    }

    #[test]
    fn vni_sequences_are_unique_and_marks_never_stand_alone() {
        let seqs: HashSet<&str> = VNI.iter().map(|&(_, s)| s).collect();
        assert_eq!(seqs.len(), VNI.len());
        let marks: HashSet<char> = VNI.iter().filter_map(|&(_, s)| s.chars().nth(1)).collect();
        let singles: HashSet<char> = VNI
            .iter()
            .filter(|&&(_, s)| s.chars().count() == 1)
            .map(|&(_, s)| s.chars().next().unwrap())
            .collect();
        assert!(marks.is_disjoint(&singles));
        assert_eq!(marks.len(), 17);
    }

    #[test]
    fn tcvn3_lacks_only_the_twelve_c0_capitals() {
        let missing: String = all_letters()
            .into_iter()
            .filter(|&c| encode_tcvn3(&c.to_string()).is_none())
            .collect();
        let missing: HashSet<char> = missing.chars().collect();
        let expected: HashSet<char> = "ÚỤỪỬỮỨỰỲỶỸÝỴ".chars().collect();
        assert_eq!(missing, expected);
    }

    // ---- decoding: the examples ---------------------------------------------------------

    #[test]
    fn tcvn3_examples_decode() {
        let cases = [
            ("Hä vµ tªn", "Họ và tên"),
            ("D©n téc", "Dân tộc"),
            ("§¶ng viªn", "Đảng viên"),
            ("Chñ tÞch ñy ban nh©n d©n", "Chủ tịch ủy ban nhân dân"),
            ("N÷", "Nữ"),
            ("L\u{ad}¬ng ThÞ Lôa", "Lương Thị Lụa"),
            ("BÝ th\u{ad} §¶ng ñy", "Bí thư Đảng ủy"),
            ("§¹i häc Qu¶n lý kinh tÕ", "Đại học Quản lý kinh tế"),
            (
                "Hoµn thµnh nhiÖm vô nh\u{ad}ng cßn h¹n chÕ vÒ n¨ng lùc",
                "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
            ),
        ];
        for (legacy, unicode) in cases {
            assert_eq!(decode(legacy, Legacy::Tcvn3), unicode);
        }
    }

    #[test]
    fn tcvn3_vntimeh_title_decodes_to_mixed_case() {
        assert_eq!(
            decode(
                "DANH S¸CH C¸N Bé, C¤NG CHøC X·, THÞ TRÊN N¡M 2024",
                Legacy::Tcvn3
            ),
            "DANH SáCH CáN Bộ, CÔNG CHứC Xã, THị TRấN NĂM 2024"
        );
    }

    #[test]
    fn tcvn3_capitals_at_a1_to_a7_decode_to_capitals() {
        assert_eq!(decode("¡¢£¤¥¦§", Legacy::Tcvn3), "ĂÂÊÔƠƯĐ");
        assert_eq!(decode("¨©ª«¬\u{ad}®", Legacy::Tcvn3), "ăâêôơưđ");
    }

    #[test]
    fn tcvn3_high_control_range_decodes_from_cp1252_and_c1_forms() {
        for &(byte, cp1252) in &CP1252_HIGH {
            let letter = TCVN3_DECODE[usize::from(byte - 0x80)];
            assert_ne!(letter, '\0');
            assert_eq!(
                decode(&cp1252.to_string(), Legacy::Tcvn3),
                letter.to_string()
            );
            let c1 = char::from(byte).to_string();
            assert_eq!(decode(&c1, Legacy::Tcvn3), letter.to_string());
        }
        for byte in [0x81u8, 0x8D, 0x8F, 0x90, 0x9D] {
            assert_ne!(
                decode(&char::from(byte).to_string(), Legacy::Tcvn3),
                char::from(byte).to_string()
            );
        }
        assert_eq!(decode("NGUY\u{8a}N", Legacy::Tcvn3), "NGUYÉN");
        assert_eq!(decode("H–C", Legacy::Tcvn3), "HỌC");
        assert_eq!(decode("H\u{96}C", Legacy::Tcvn3), "HỌC");
        assert_eq!(decode("VI\u{8c}T", Legacy::Tcvn3), "VIỆT");
        assert_eq!(decode("VIŒT", Legacy::Tcvn3), "VIỆT");
    }

    #[test]
    fn tcvn3_separate_tone_marks_compose_only_after_a_vowel() {
        assert_eq!(decode("ma\u{b3}", Legacy::Tcvn3), "má");
        assert_eq!(decode("Ha\u{b0}", Legacy::Tcvn3), "Hà");
        assert_eq!(decode("O\u{b4}", Legacy::Tcvn3), "Ọ");
        assert_eq!(decode("\u{a8}\u{b1}", Legacy::Tcvn3), "ẳ");
        assert_eq!(decode("25°C", Legacy::Tcvn3), "25°C");
        assert_eq!(decode("±5", Legacy::Tcvn3), "±5");
    }

    #[test]
    fn vni_examples_decode() {
        let cases = [
            ("Vieät Nam", "Việt Nam"),
            ("Hoï vaø teân", "Họ và tên"),
            ("Daân toäc", "Dân tộc"),
            ("Ñaûng vieân", "Đảng viên"),
            ("ñoàng chí", "đồng chí"),
            ("Chuû tòch UÛy ban nhaân daân", "Chủ tịch Ủy ban nhân dân"),
            ("Nöõ", "Nữ"),
            ("Löông Thò Luïa", "Lương Thị Lụa"),
            ("Tröôøng phoøng", "Trường phòng"),
            ("Ñaïi hoïc Quaûn lyù kinh teá", "Đại học Quản lý kinh tế"),
            ("Nguyeãn Vaên Aùnh", "Nguyễn Văn Ánh"),
            ("naêm 2024", "năm 2024"),
            (
                "Hoaøn thaønh nhieäm vuï nhöng coøn haïn cheá",
                "Hoàn thành nhiệm vụ nhưng còn hạn chế",
            ),
            ("khuyeán khích", "khuyến khích"),
            ("Ngöôøi", "Người"),
            ("tyû leä", "tỷ lệ"),
        ];
        for (legacy, unicode) in cases {
            assert_eq!(decode(legacy, Legacy::Vni), unicode);
        }
    }

    #[test]
    fn vni_upper_case_uses_upper_case_mark_bytes() {
        assert_eq!(
            decode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", Legacy::Vni),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
        assert_eq!(decode("ÑAÛNG VIEÂN", Legacy::Vni), "ĐẢNG VIÊN");
        assert_eq!(decode("AÙ", Legacy::Vni), "Á");
        assert_eq!(decode("TRÖÔØNG", Legacy::Vni), "TRƯỜNG");
        assert_eq!(decode("QUYÕ", Legacy::Vni), "QUỸ");
        assert_eq!(decode("Î", Legacy::Vni), "Ỵ");
    }

    #[test]
    fn vni_case_follows_the_base_letter() {
        assert_eq!(decode("Aù", Legacy::Vni), "Á");
        assert_eq!(decode("aÙ", Legacy::Vni), "á");
    }

    #[test]
    fn ascii_passes_through_unchanged() {
        let ascii = "Nguyen Van A, 12/05/1980; Tel: 0912-345-678 (x) ~!@#$%^&*_+=[]{}|\\\"'<>?\t\n";
        assert_eq!(decode(ascii, Legacy::Tcvn3), ascii);
        assert_eq!(decode(ascii, Legacy::Vni), ascii);
        assert_eq!(decode("", Legacy::Tcvn3), "");
        let controls: String = (0u8..0x80).map(char::from).collect();
        assert_eq!(decode(&controls, Legacy::Tcvn3), controls);
        assert_eq!(decode(&controls, Legacy::Vni), controls);
    }

    #[test]
    fn characters_outside_the_encodings_are_kept() {
        assert_eq!(decode("Hä – 中文 ạ", Legacy::Tcvn3), "Họ Ọ 中文 ạ");
        assert_eq!(decode("Vieät ç 中文", Legacy::Vni), "Việt ç 中文");
        assert_eq!(decode("\u{a0}", Legacy::Tcvn3), "\u{a0}");
    }

    // ---- round trips --------------------------------------------------------------------

    #[test]
    fn tcvn3_round_trips_every_letter() {
        for c in all_letters() {
            let s = c.to_string();
            let Some(latin1) = encode_tcvn3(&s) else {
                continue;
            };
            assert_eq!(decode(&latin1, Legacy::Tcvn3), s, "{c} via {latin1:?}");
            let cp1252 = encode_tcvn3_cp1252(&s).unwrap();
            assert_eq!(decode(&cp1252, Legacy::Tcvn3), s, "{c} via {cp1252:?}");
        }
    }

    #[test]
    fn tcvn3_round_trips_sentences() {
        for s in SENTENCES {
            let lower_case = s.to_lowercase();
            let enc = encode_tcvn3(&lower_case).unwrap();
            assert_eq!(decode(&enc, Legacy::Tcvn3), lower_case);
            let enc = encode_tcvn3_cp1252(s).unwrap();
            assert_eq!(decode(&enc, Legacy::Tcvn3), s);
        }
    }

    #[test]
    fn vni_round_trips_every_letter() {
        for c in all_letters() {
            let s = c.to_string();
            let enc = encode_vni(&s);
            assert_eq!(decode(&enc, Legacy::Vni), s, "{c} via {enc:?}");
            // And after a consonant and before one, as in a word.
            let word = format!("Th{c}ng");
            assert_eq!(decode(&encode_vni(&word), Legacy::Vni), word);
        }
    }

    #[test]
    fn vni_round_trips_sentences() {
        for s in SENTENCES {
            assert_eq!(decode(&encode_vni(s), Legacy::Vni), s);
            let up = s.to_uppercase();
            assert_eq!(decode(&encode_vni(&up), Legacy::Vni), up);
        }
    }

    // ---- syllables ----------------------------------------------------------------------

    #[test]
    fn syllable_check_accepts_vietnamese_and_rejects_foreign_words() {
        for w in [
            "việt",
            "nguyễn",
            "trường",
            "quốc",
            "giữ",
            "gì",
            "khuya",
            "người",
            "nhiệm",
            "ủy",
            "học",
            "sách",
            "xuất",
            "yêu",
            "ngoại",
            "thuở",
            "nghĩa",
            "ðảng",
            "a",
            "oa",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "hélène",
            "hộlốne",
            "vieät",
            "tªn",
            "oự",
            "zoộ",
            "lộa",
            "renộ",
            "hoc",
            "mặl",
            "việtnam",
            "",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    // ---- detection ----------------------------------------------------------------------

    fn tcvn3_sample() -> Vec<&'static str> {
        vec![
            "DANH S¸CH C¸N Bé, C¤NG CHøC X·, THÞ TRÊN N¡M 2024",
            "STT",
            "Hä vµ tªn",
            "D©n téc",
            "Kinh",
            "§¶ng viªn",
            "Chñ tÞch ñy ban nh©n d©n",
            "N÷",
            "Nam",
            "L\u{ad}¬ng ThÞ Lôa",
            "BÝ th\u{ad} §¶ng ñy",
            "§¹i häc Qu¶n lý kinh tÕ",
            "Hoµn thµnh nhiÖm vô nh\u{ad}ng cßn h¹n chÕ vÒ n¨ng lùc",
            "12/05/1980",
            "1.250.000",
        ]
    }

    fn vni_sample() -> Vec<&'static str> {
        vec![
            "DANH SAÙCH CAÙN BOÄ, COÂNG CHÖÙC XAÕ NAÊM 2024",
            "STT",
            "Hoï vaø teân",
            "Daân toäc",
            "Kinh",
            "Ñaûng vieân",
            "Chuû tòch UÛy ban nhaân daân",
            "Nöõ",
            "Löông Thò Luïa",
            "Bí thö Ñaûng uûy",
            "Ñaïi hoïc Quaûn lyù kinh teá",
            "Hoaøn thaønh nhieäm vuï nhöng coøn haïn cheá veà naêng löïc",
            "12/05/1980",
        ]
    }

    #[test]
    fn detects_tcvn3_sample() {
        assert_eq!(detect(tcvn3_sample()), Some(Legacy::Tcvn3));
    }

    #[test]
    fn detects_short_tcvn3_sample() {
        assert_eq!(detect(["Hä vµ tªn", "N÷"]), Some(Legacy::Tcvn3));
        assert_eq!(detect(["§¹i häc Qu¶n lý kinh tÕ"]), Some(Legacy::Tcvn3));
    }

    #[test]
    fn detects_tcvn3_upper_case_vntimeh_sample() {
        assert_eq!(
            detect(["DANH S¸CH C¸N Bé, C¤NG CHøC X·, THÞ TRÊN N¡M 2024"]),
            Some(Legacy::Tcvn3)
        );
    }

    #[test]
    fn detects_tcvn3_sample_with_cp1252_capitals() {
        let sample = [
            encode_tcvn3_cp1252("TRƯỜNG ĐẠI HỌC KINH TẾ").unwrap(),
            encode_tcvn3_cp1252("Phòng Tổ chức cán bộ").unwrap(),
            encode_tcvn3_cp1252("Nguyễn Thị Hồng Nhung").unwrap(),
        ];
        assert_eq!(
            detect(sample.iter().map(String::as_str)),
            Some(Legacy::Tcvn3)
        );
    }

    #[test]
    fn detects_tcvn3_despite_a_few_french_names_and_unicode_cells() {
        let mut sample = tcvn3_sample();
        sample.extend(["Hélène Dupont", "François Lefèvre", "Nguyễn Văn An"]);
        assert_eq!(detect(sample), Some(Legacy::Tcvn3));
    }

    #[test]
    fn detects_vni_sample() {
        assert_eq!(detect(vni_sample()), Some(Legacy::Vni));
    }

    #[test]
    fn detects_short_vni_sample() {
        assert_eq!(detect(["Vieät Nam", "Hoï vaø teân"]), Some(Legacy::Vni));
    }

    #[test]
    fn detects_vni_upper_case_sample() {
        assert_eq!(
            detect([
                "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
                "ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC"
            ]),
            Some(Legacy::Vni)
        );
    }

    #[test]
    fn detects_encoded_sentences_as_their_encoding() {
        let vni: Vec<String> = SENTENCES.iter().map(|s| encode_vni(s)).collect();
        assert_eq!(detect(vni.iter().map(String::as_str)), Some(Legacy::Vni));
        let tcvn3: Vec<String> = SENTENCES
            .iter()
            .map(|s| encode_tcvn3(&s.to_lowercase()).unwrap())
            .collect();
        assert_eq!(
            detect(tcvn3.iter().map(String::as_str)),
            Some(Legacy::Tcvn3)
        );
    }

    fn unicode_sample() -> Vec<&'static str> {
        vec![
            "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ, THỊ TRẤN NĂM 2024",
            "Họ và tên",
            "Dân tộc",
            "Đảng viên",
            "Chủ tịch ủy ban nhân dân",
            "Nữ",
            "Lương Thị Lụa",
            "Lê Thái Hà",
            "Tô Thị Mến",
            "Bí thư Đảng ủy",
            "Đại học Quản lý kinh tế",
            "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực",
            "Ðinh Văn Tú",
        ]
    }

    #[test]
    fn unicode_nfc_vietnamese_is_not_legacy() {
        assert_eq!(detect(unicode_sample()), None);
        assert_eq!(detect(SENTENCES), None);
    }

    #[test]
    fn unicode_nfd_vietnamese_is_not_legacy() {
        let nfd = [
            "Ho\u{323} va\u{300} te\u{302}n",
            "Nguye\u{302}\u{303}n Va\u{306}n An",
            "\u{110}a\u{309}ng vie\u{302}n",
            "Chu\u{309} ti\u{323}ch u\u{309}y ban nha\u{302}n da\u{302}n",
            "Lu\u{31b}o\u{31b}ng Thi\u{323} Lu\u{323}a",
        ];
        assert_eq!(detect(nfd), None);
    }

    #[test]
    fn latin1_only_vietnamese_names_are_not_legacy() {
        assert_eq!(
            detect(["Lê Thái Hà", "Tô Văn Tài", "Hà Nội", "Phó chủ tịch"]),
            None
        );
        assert_eq!(
            detect(["Lê Thái Hà", "Cù Thị Bé", "Tô Lâm", "Mã Thị Hòa"]),
            None
        );
    }

    #[test]
    fn english_text_is_not_legacy() {
        assert_eq!(
            detect([
                "Full name",
                "Date of birth",
                "Position",
                "Don’t – “quoted” text…"
            ]),
            None
        );
    }

    #[test]
    fn french_and_other_western_names_are_not_legacy() {
        let names = [
            "Hélène Dupont",
            "François Lefèvre",
            "René Descartes",
            "Chloé Martin",
            "Noël Lemaître",
            "Zoé Bérénice",
            "Jérôme Gaël",
            "Loïc Maël",
            "Anaïs Raphaël",
            "Cécile Thérèse",
            "Agnès Müller",
            "Léa Dubois",
            "Inès Garçon",
            "Benoît André",
            "José Peña",
            "María Núñez",
            "Le village où je suis né, à Paris «chez moi» © 2024",
        ];
        assert_eq!(detect(names), None);
        for name in names {
            assert_eq!(detect([name]), None, "{name}");
        }
        assert_eq!(detect(["Loïc Loïc", "Loïc Maël", "où"]), None);
    }

    #[test]
    fn numbers_and_dates_are_not_legacy() {
        assert_eq!(
            detect([
                "12/05/1980",
                "2024-01-15",
                "3.450.000",
                "10:30",
                "1,5",
                "25°C",
                "±2"
            ]),
            None
        );
    }

    #[test]
    fn empty_sample_is_not_legacy() {
        assert_eq!(detect([]), None);
        assert_eq!(detect([""]), None);
        assert_eq!(detect(["", "   "]), None);
    }

    #[test]
    fn mixed_sample_without_clear_majority_is_not_legacy() {
        let mut sample = unicode_sample();
        sample.extend(["Hä vµ tªn", "D©n téc"]);
        assert_eq!(detect(sample), None);
    }

    // ---- a longer text ------------------------------------------------------------------

    /// Roster vocabulary, names and words with rare rhymes, in ordinary Unicode.
    const CORPUS: &str = "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; Nghị định số 33/2023/NĐ-CP của Chính phủ quy định về cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố. Ủy ban nhân dân huyện báo cáo số lượng, chất lượng đội ngũ cán bộ như sau: Phó Chủ tịch Hội đồng nhân dân, Chủ tịch Ủy ban Mặt trận Tổ quốc, Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh, Chủ tịch Hội Liên hiệp Phụ nữ, Chủ tịch Hội Nông dân, Chủ tịch Hội Cựu chiến binh; Trưởng Công an, Chỉ huy trưởng Quân sự, Văn phòng - thống kê, Địa chính - xây dựng - đô thị và môi trường, Tài chính - kế toán, Tư pháp - hộ tịch, Văn hóa - xã hội. Trình độ chuyên môn: trung cấp, cao đẳng, đại học, thạc sĩ, tiến sĩ; lý luận chính trị: sơ cấp, trung cấp, cao cấp; quản lý nhà nước; tin học; ngoại ngữ tiếng Anh. Dân tộc Kinh, Tày, Nùng, Thái, Mường, Dao, Mông, Khơ-me, Ê-đê, Gia-rai. Tôn giáo: Phật giáo, Công giáo, Tin lành, không. Xếp loại: hoàn thành xuất sắc nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ, không hoàn thành nhiệm vụ. Nguyễn Thị Huyền, Trần Văn Khuyến, Lê Quý Đôn, Phạm Thị Thuỷ, Hoàng Ngọc Oanh, Vũ Đình Quyết, Đặng Thùy Dương, Bùi Xuân Trường, Đỗ Khắc Huỳnh, Hồ Sỹ Tuấn, Ngô Bảo Châu, Dương Thị Yến, Lý Thường Kiệt, Đinh Tiến Dũng, Trịnh Quốc Khánh, Lưu Ngọc Thoa, Mai Thế Luyện, Khổng Minh Nguyệt, Kiều Oanh, Quách Tuấn Du, Giáp Văn Thuyết, Nghiêm Xuân Yêm, Chu Huy Mân, Phùng Thế Tài, Tạ Thu Hường, Lạc Long Quân, Âu Cơ, Ông Ích Khiêm, Khuất Duy Tiến, Doãn Quốc Sỹ, Ưng Hoàng Phúc, Ứng Văn Thoại, khoẻ, ngoằn ngoèo, khuỷu tay, quạu, nguệch ngoạc, huơ tay, thuở ấy, giường, giếng, gìn giữ, ríu rít, xoong nồi, boong tàu, oẳn tù tì, hươu, bướu, rượu, khuya khoắt, chuyện, quyển, tuyển dụng, luyện tập, ngoéo, khoèo, nghèo, yểu điệu, yêu thương, ỉu xìu";

    #[test]
    fn syllable_check_accepts_every_word_of_a_real_text() {
        let rejected: Vec<&str> = CORPUS
            .split(is_word_separator)
            .filter(|w| !w.is_empty() && !is_syllable(&w.to_lowercase()))
            .collect();
        assert_eq!(rejected, ["NĐ", "CP"]);
    }

    #[test]
    fn detects_a_long_text_in_each_encoding() {
        assert_eq!(detect([CORPUS]), None);
        assert_eq!(detect([CORPUS.to_uppercase().as_str()]), None);
        let tcvn3 = encode_tcvn3(&CORPUS.to_lowercase()).unwrap();
        assert_eq!(detect([tcvn3.as_str()]), Some(Legacy::Tcvn3));
        assert_eq!(decode(&tcvn3, Legacy::Tcvn3), CORPUS.to_lowercase());
        let vni = encode_vni(CORPUS);
        assert_eq!(detect([vni.as_str()]), Some(Legacy::Vni));
        assert_eq!(decode(&vni, Legacy::Vni), CORPUS);
    }

    #[test]
    fn the_encoding_reads_and_writes_the_names_stored_before_it_was_typed() {
        for (e, name) in [(Legacy::Tcvn3, "TCVN3"), (Legacy::Vni, "VNI")] {
            assert_eq!(serde_json::to_string(&e).unwrap(), format!("\"{name}\""));
            let back: Legacy = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(back, e);
            for lang in [crate::lang::Lang::Vi, crate::lang::Lang::En] {
                assert_eq!(e.label(lang), name);
            }
        }
        // A warning a roster stored with the encoding as text still reads.
        let stored = r#"{"file":"a.xls","sheet":"S","cell":"","kind":"legacy_text",
            "encoding":"TCVN3","message":"m","message_vi":"m"}"#;
        let w: crate::roster::Warning = serde_json::from_str(stored).unwrap();
        assert_eq!(
            w.kind,
            crate::roster::WarningKind::LegacyText {
                encoding: Legacy::Tcvn3
            }
        );
    }
}
