//! Making the link of what is on screen, and the words for what goes wrong. The core
//! encodes, decodes and checks; this only gathers what it needs.

use canbo_core::report::Report;
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::share::{Shared, HIDE_MIN, RANDOM_BYTES};
use canbo_core::standards::{choose, combine, defaults, standards, StandardsOptions};
use leptos::prelude::*;

use crate::i18n::both;
use crate::settings::Settings;
use crate::state::AppState;
use canbo_core::Text;

/// Counts below this are hidden when the user asks (`share-hide-small`).
pub const HIDE_BELOW: u32 = 3;
const _: () = assert!(HIDE_BELOW >= HIDE_MIN);

/// The key of `AppState::settings` where the standards page keeps the rule set picked.
const PICKED_KEY: &str = "standards.rule_set";

/// What the link of the report on screen should be.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choice {
    pub hide_small: bool,
    pub passphrase: String,
    pub title: String,
}

/// The content of the link: the report on screen (with its filter), and the standards and
/// the 10-year forecast of the roster at the report date, as the standards and retirement
/// pages show them.
pub fn shared_of(state: &AppState, settings: &Settings, report: &Report) -> Option<Shared> {
    let options = settings.options.get_untracked();
    state.roster.with_untracked(|roster| {
        let roster = roster.as_ref()?;
        let sets = state
            .rule_sets
            .with_untracked(|user| combine(defaults(), user));
        let picked = state
            .settings
            .with_untracked(|m| m.get(PICKED_KEY).cloned());
        let rules = sets
            .iter()
            .find(|s| {
                picked
                    .as_deref()
                    .is_some_and(|p| !p.is_empty() && s.id == p)
            })
            .or_else(|| choose(&sets, None, options.as_of).ok());
        let st = rules.map(|rules| standards(roster, rules, &StandardsOptions::new(options.as_of)));
        let fc = forecast(
            roster,
            &RetirementLaw::default(),
            &RetirementOptions {
                as_of: options.as_of,
                years: 10,
            },
        );
        Some(Shared::new(report, &options, st.as_ref(), Some(&fc)))
    })
}

/// The link text (`r1.…` or `r1e.…`) of `shared` with the user's choices.
pub fn encode(mut shared: Shared, choice: &Choice) -> Result<String, Text> {
    let title = choice.title.trim();
    if !title.is_empty() {
        shared.title = Some(title.to_string());
    }
    if choice.hide_small {
        shared
            .hide_small(HIDE_BELOW)
            .map_err(|e| both(|l| e.message(l)))?;
    }
    if choice.passphrase.is_empty() {
        shared.encode().map_err(|e| both(|l| e.message(l)))
    } else {
        let random = random_bytes::<RANDOM_BYTES>()?;
        shared
            .encode_locked(&choice.passphrase, &random)
            .map_err(|e| both(|l| e.message(l)))
    }
}

/// Bytes from the browser's secure generator (salt and nonce of a lock).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], Text> {
    let mut bytes = [0u8; N];
    window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()))
        .map_err(|_| {
            Text::new(
                "Trình duyệt không cho số ngẫu nhiên để khóa: hãy dùng bản mới của Chrome, Edge hay Firefox.",
                "The browser gives no random numbers to lock with: use a recent Chrome, Edge or Firefox.",
            )
        })?;
    Ok(bytes)
}

/// The whole address of a link text: this page's address with the link as its fragment.
pub fn url_of(link: &str) -> String {
    let location = window().location();
    format!(
        "{}{}{}#{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        link.trim_start_matches('#')
    )
}

/// The `r1.…` part of a link as pasted (a whole address, `#r1.…`, or the text itself).
pub fn fragment_of(text: &str) -> String {
    let text = text.trim();
    let text = text.rsplit_once('#').map_or(text, |(_, f)| f);
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
