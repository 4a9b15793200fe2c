//! The two languages Canbo speaks, and the one way every label and message is asked for.
//!
//! Vietnamese first, English second. Everything a person reads that the core decides — a
//! code's name, a title, a dimension, a reason a sheet was skipped, a number — is asked for
//! with a [`Lang`], so the page, the CLI and the exported files say the same thing in the
//! same words in either language. Numbers are written here too ([`number`], [`tenths`],
//! [`megabytes`]), since how a number is written is the language's.

use serde::{Deserialize, Serialize};

/// The language of what a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The text of this language among the two.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A text composed at run time, in both languages (a message naming a file, a count).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// A whole number the Vietnamese way (`1.234`) or the English way (`1,234`).
pub fn number(n: u32, lang: Lang) -> String {
    grouped(u64::from(n), lang)
}

/// Digits grouped by three with the language's thousands separator.
fn grouped(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A number given in tenths, with one decimal: `1.234,5` in Vietnamese, `1,234.5` in
/// English. `trim` drops a zero decimal (`86` rather than `86,0`), as running text does.
/// Every decimal Canbo writes goes through here, so both languages follow one rule.
pub fn tenths(value: u64, lang: Lang, trim: bool) -> String {
    let whole = grouped(value / 10, lang);
    if trim && value.is_multiple_of(10) {
        return whole;
    }
    let point = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!("{whole}{point}{}", value % 10)
}

/// A file's size in megabytes with one decimal, rounded up (a file just over a limit never
/// reads as the limit): `12,3 MB` / `12.3 MB`.
pub fn megabytes(bytes: u64, lang: Lang) -> String {
    format!(
        "{} MB",
        tenths(bytes.saturating_mul(10).div_ceil(1_000_000), lang, false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(number(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(number(12, Lang::Vi), "12");
        assert_eq!(tenths(12_345, Lang::Vi, false), "1.234,5");
        assert_eq!(tenths(860, Lang::En, true), "86");
        assert_eq!(megabytes(1_500_000, Lang::Vi), "1,5 MB");
        assert_eq!(megabytes(1_500_001, Lang::En), "1.6 MB");
        assert_eq!(megabytes(0, Lang::En), "0.0 MB");
    }
}
