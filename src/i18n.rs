//! Vietnamese first, English on request: the strings of the report pages, and numbers
//! written the way each language writes them (through the core's `export::text`).

use canbo_core::codes::Code;
use canbo_core::export::{text, Lang};

/// A message made at run time, in both languages; shown in the language of the moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    vi: String,
    en: String,
}

impl Msg {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi.clone(),
            Lang::En => self.en.clone(),
        }
    }
}

/// The text in the current language.
pub fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The language the page shows (tracked: a view that calls it follows the switch);
/// Vietnamese where no settings are in context (some in-browser tests).
pub fn lang() -> Lang {
    leptos::prelude::use_context::<crate::settings::Settings>()
        .map_or(Lang::Vi, |s| leptos::prelude::Get::get(&s.lang))
}

/// [`tr`] in the page's current language.
pub fn t(vi: &'static str, en: &'static str) -> &'static str {
    tr(lang(), vi, en)
}

pub fn num(n: u32, lang: Lang) -> String {
    text::number(n, lang)
}

pub fn pct(part: u32, whole: u32, lang: Lang) -> String {
    text::percent(part, whole, lang)
}

pub fn code_label<T: Code>(code: &str, lang: Lang) -> String {
    match T::from_code(code) {
        Some(v) => v.label(lang).to_string(),
        None => code.to_string(),
    }
}
