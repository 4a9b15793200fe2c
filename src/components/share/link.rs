//! Making the link of what is on screen, and the words for what goes wrong. The core
//! encodes, decodes and checks; this only gathers what it needs.

use canbo_core::report::Report;
use canbo_core::retirement::{Forecast, Forecasting, RetirementLaw, RetirementOptions};
use canbo_core::share::{Shared, HIDE_MIN, RANDOM_BYTES};
use canbo_core::standards::{Judging, Standards, StandardsOptions};
use leptos::prelude::*;
use std::sync::Arc;

use crate::components::standards::rule_set_in_use;
use crate::i18n::both;
use crate::in_slices::{over_roster, Sliced};
use crate::settings::Settings;
use crate::state::AppState;
use canbo_core::Text;

/// Counts below this are hidden when the user asks (`share-hide-small`).
pub const HIDE_BELOW: u32 = 3;
const _: () = assert!(HIDE_BELOW >= HIDE_MIN);

/// What the link of the report on screen should be.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choice {
    pub hide_small: bool,
    pub passphrase: String,
    pub title: String,
}

/// The content of the link: the report on screen (with its filter), and the standards and
/// the 10-year forecast of the roster at the report date, as the standards and retirement
/// pages show them ([`Carried`] computes them).
pub fn shared_of(
    settings: &Settings,
    report: &Report,
    standards: Option<&Standards>,
    forecast: &Forecast,
) -> Shared {
    let options = settings.options.get_untracked();
    Shared::new(report, &options, standards, Some(forecast))
}

/// The standards and the forecast a link carries, each computed a slice of people at a
/// time over the whole roster (`crate::in_slices::over_roster`) while `wanted` holds.
#[derive(Clone, Copy)]
pub struct Carried {
    pub standards: Sliced<Standards>,
    pub forecast: Sliced<Forecast>,
}

impl Carried {
    pub fn new(
        state: AppState,
        settings: Settings,
        wanted: impl Fn() -> bool + Copy + 'static,
    ) -> Carried {
        let standards = over_roster(state, move || {
            if !wanted() {
                return None;
            }
            let as_of = settings.as_of.get();
            let rules = rule_set_in_use(state, as_of)?;
            Some(Judging::new(rules, StandardsOptions::new(as_of)))
        });
        let forecast = over_roster(state, move || {
            let options = RetirementOptions {
                as_of: settings.as_of.get(),
                years: 10,
            };
            wanted().then(|| Forecasting::new(RetirementLaw::default(), options))
        });
        Carried {
            standards,
            forecast,
        }
    }

    /// Both, once both are whole for the newest ask (tracked); `None` while one is computed.
    pub fn ready(&self) -> Option<(Option<Arc<Standards>>, Arc<Forecast>)> {
        if self.standards.busy.get() || self.forecast.busy.get() {
            return None;
        }
        Some((self.standards.value.get(), self.forecast.value.get()?))
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::in_slices::OVER_PEOPLE_AT_ONCE;
    use crate::test_support::{mount, sample_roster_of, until};
    use canbo_core::retirement::forecast;
    use canbo_core::standards::{defaults, picked_or_in_force, standards};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// What a link carries is computed only while asked, a slice at a time, and is the
    /// core's standards (the set in force) and 10-year forecast of the whole roster.
    #[wasm_bindgen_test]
    async fn a_link_carries_the_cores_standards_and_forecast_computed_in_slices_while_open() {
        let roster = sample_roster_of(3 * OVER_PEOPLE_AT_ONCE);
        let state = AppState::empty();
        state.roster.set(Some(roster.clone()));
        let settings = Settings::new(state);
        let open = RwSignal::new(false);
        let carried: Rc<RefCell<Option<Carried>>> = Rc::default();
        {
            let carried = carried.clone();
            mount(state, move || {
                *carried.borrow_mut() = Some(Carried::new(state, settings, move || open.get()));
            });
        }
        let carried = carried.borrow().unwrap();
        let ready = move || Owner::new().with(|| carried.ready());
        crate::turns::let_the_browser_draw().await;
        assert!(
            carried.forecast.value.with_untracked(Option::is_none),
            "nothing while closed"
        );

        open.set(true);
        crate::turns::let_the_browser_draw().await;
        assert!(ready().is_none(), "not at once");
        until(|| ready().is_some()).await;
        let (judged, forecasted) = ready().unwrap();
        let as_of = settings.as_of.get_untracked();
        let sets = defaults();
        let rules = picked_or_in_force(&sets, None, as_of).unwrap();
        let want = standards(&roster, rules, &StandardsOptions::new(as_of));
        assert!(judged.as_deref() == Some(&want), "the core's standards");
        let options = RetirementOptions { as_of, years: 10 };
        let want = forecast(&roster, &RetirementLaw::default(), &options);
        assert!(*forecasted == want, "the core's forecast");

        open.set(false);
        until(|| carried.forecast.value.with_untracked(Option::is_none)).await;
        assert!(carried.standards.value.with_untracked(Option::is_none));
        crate::storage::clear();
    }
}
