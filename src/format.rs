//! Numbers and dates in the language on screen, written by the core
//! (`canbo_core::export::text`), so the page, the CLI and every export write them alike.

use canbo_core::date::Date;
use canbo_core::export::text;

/// A count with the language's thousands separator: `1.234` / `1,234`.
pub fn count(n: u32) -> String {
    text::number(n, crate::i18n::lang())
}

/// A date the way the language on screen writes it: `31/12/2024` / `31 Dec 2024`.
pub fn date(d: Date) -> String {
    text::date(d, crate::i18n::lang())
}
