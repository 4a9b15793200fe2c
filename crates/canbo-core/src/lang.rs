//! The two languages Canbo speaks, and the one way every label and message is asked for.
//!
//! Vietnamese first, English second. Everything a person reads that the core decides — a
//! code's name, a title, a dimension, a reason a sheet was skipped, a number — is asked for
//! with a [`Lang`], so the page, the CLI and the exported files say the same thing in the
//! same words in either language.

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
