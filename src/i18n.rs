//! The page's one way to speak both languages. Vietnamese first, English on request:
//!
//! - a string of the page (a button, a heading, a sentence with numbers in it) is written out
//!   in both languages where it is shown, with [`t`], which picks the one of the page's
//!   current language (tracked: a view that calls it follows the switch);
//! - a message composed at one moment and shown later (an error naming a file) is kept as the
//!   core's [`canbo_core::Text`], both languages, and shown with `.get(lang())`;
//! - a domain value (a category, a level, a field, a reason a row was skipped) is labelled by
//!   the core: `label(lang)` or `message(lang)`; the page never writes those words itself.
//!
//! Numbers are written the way each language writes them, through the core's `export::text`.

use canbo_core::export::{text, Lang};

/// The language the page shows (tracked: a view that calls it follows the switch);
/// Vietnamese where no settings are in context (some in-browser tests).
pub fn lang() -> Lang {
    leptos::prelude::use_context::<crate::settings::Settings>()
        .map_or(Lang::Vi, |s| leptos::prelude::Get::get(&s.lang))
}

/// Of the Vietnamese and the English version, the one in the page's current language: a
/// `&'static str` of the page, or a `String` formatted with figures in each language.
pub fn t<S>(vi: S, en: S) -> S {
    match lang() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

pub fn num(n: u32, lang: Lang) -> String {
    text::number(n, lang)
}

pub fn pct(part: u32, whole: u32, lang: Lang) -> String {
    text::percent(part, whole, lang)
}

/// A message of the core (`message(lang)`, `label(lang)`) kept in both languages, to be shown
/// later in whichever language the page has then.
pub fn both(say: impl Fn(Lang) -> String) -> canbo_core::Text {
    canbo_core::Text::new(say(Lang::Vi), say(Lang::En))
}
