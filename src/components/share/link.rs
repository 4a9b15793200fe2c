//! Making the link of what is on screen, and the words for what goes wrong. The core
//! encodes, decodes and checks; this only gathers what it needs.

use canbo_core::report::Report;
use canbo_core::retirement::{Forecast, Forecasting, RetirementLaw, RetirementOptions};
use canbo_core::share::{LinkChoice, LinkError, Shared, HIDE_MIN, RANDOM_BYTES};
use canbo_core::standards::{Judging, Standards, StandardsOptions};
use leptos::prelude::*;
use std::sync::Arc;

use crate::components::standards::rule_set_in_use;
use crate::i18n::both;
use crate::in_slices::{over_roster, Sliced};
use crate::settings::Settings;
use crate::state::AppState;
use crate::worker::export::{self, LinkRequest, Request};
use canbo_core::Text;

/// Counts below this are hidden when the user asks (`share-hide-small`).
pub const HIDE_BELOW: u32 = 3;
const _: () = assert!(HIDE_BELOW >= HIDE_MIN);

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

/// The link of what is asked (the content and the user's choices), made with [`make`]
/// each time the ask changes: `link` is the whole address, or why no link could be made;
/// `None` while nothing is asked or while the newest ask is being made (`making`). An
/// answer to an older ask is dropped: the newest always wins.
///
/// One link is made at a time, in one download worker kept while `wanted` holds (the panel
/// is open: started then, so it loads while what the link carries is computed), stopped
/// when it does not: asks that come while a link is made (a title, a passphrase or the
/// report changed again) wait, and only the newest of them is made next.
/// A worker started for each ask fetched and compiled its wasm each time, and every ask's
/// link was made to the end, a lock's key derivation with it.
#[derive(Clone, Copy)]
pub struct Made {
    pub link: RwSignal<Option<Result<String, Text>>>,
    pub making: RwSignal<bool>,
}

/// What [`Made`]'s asks share: the newest ask's number, whether links are wanted, the ask
/// waiting to be made, whether a link is being made, and the worker kept.
#[derive(Clone, Copy)]
struct Asks {
    newest: StoredValue<u64>,
    open: StoredValue<bool>,
    waiting: StoredValue<Option<(u64, Shared, LinkChoice)>>,
    running: StoredValue<bool>,
    exporter: StoredValue<Option<export::Exporter>, LocalStorage>,
}

impl Made {
    pub fn new(
        asked: Memo<Option<(Shared, LinkChoice)>>,
        wanted: impl Fn() -> bool + 'static,
    ) -> Made {
        let made = Made {
            link: RwSignal::new(None),
            making: RwSignal::new(false),
        };
        let asks = Asks {
            newest: StoredValue::new(0),
            open: StoredValue::new(false),
            waiting: StoredValue::new(None),
            running: StoredValue::new(false),
            exporter: StoredValue::new_local(None),
        };
        Effect::new(move |_| {
            let ask = asked.get();
            let this = asks.newest.get_value().wrapping_add(1);
            asks.newest.set_value(this);
            made.link.set(None);
            made.making.set(ask.is_some());
            asks.waiting
                .set_value(ask.map(|(shared, choice)| (this, shared, choice)));
            if !asks.running.get_value() && asks.waiting.with_value(Option::is_some) {
                leptos::task::spawn_local(made.make_waiting(asks));
            }
        });
        Effect::new(move |_| {
            let wanted = wanted();
            asks.open.set_value(wanted);
            if wanted {
                asks.kept_exporter();
            } else if !asks.running.get_value() {
                asks.exporter.set_value(None);
            }
        });
        made
    }

    /// Makes the ask waiting, then the one that came meanwhile, until none waits; shows
    /// each link that is still the newest ask's. The worker is stopped once nothing is
    /// asked any more.
    async fn make_waiting(self, asks: Asks) {
        asks.running.set_value(true);
        while let Some((this, shared, choice)) =
            asks.waiting.try_update_value(Option::take).flatten()
        {
            let exporter = asks.kept_exporter();
            let result = make(exporter.as_ref(), shared, choice)
                .await
                .map(|text| url_of(&text));
            if asks.newest.try_get_value() == Some(this) {
                self.link.set(Some(result));
                self.making.set(false);
            }
        }
        // Gone with the panel's owner (the value could not be set): nothing to stop.
        if asks.running.try_set_value(false).is_some() {
            return;
        }
        if !asks.open.get_value() {
            asks.exporter.set_value(None);
        }
    }
}

impl Asks {
    /// The worker kept, started anew when there is none or it stopped; `None` where none
    /// starts.
    fn kept_exporter(self) -> Option<export::Exporter> {
        let kept = self
            .exporter
            .with_value(|kept| kept.as_ref().filter(|e| !e.stopped()).cloned());
        kept.or_else(|| {
            let started = export::Exporter::start().ok();
            self.exporter.set_value(started.clone());
            started
        })
    }
}

/// The link text (`r1.…` or `r1e.…`) of `shared` as the user chose. The page makes its
/// content (`Shared::chosen`, then `payload`: compact bytes, quick to make); the download
/// worker `exporter` makes the link of them: at a province the compression (and a lock's
/// Argon2id) held the page for a few hundred milliseconds, and handing the worker the
/// report as JSON instead of the payload cost the page more than 100 ms. Where no worker
/// starts (or it failed), the link is made here.
async fn make(
    exporter: Option<&export::Exporter>,
    shared: Shared,
    choice: LinkChoice,
) -> Result<String, Text> {
    let message = |e: LinkError| both(|l| e.message(l));
    // Not in the task that finished what the link carries (the forecast's, at a province).
    crate::turns::let_the_browser_draw().await;
    let random = random_bytes::<RANDOM_BYTES>()?;
    let payload = shared
        .chosen(&choice)
        .and_then(|chosen| chosen.payload())
        .map_err(message)?;
    let request = LinkRequest {
        passphrase: choice.passphrase,
        random,
    };
    let asked = Request::ShareLink(request.clone());
    let why = match exporter {
        Some(exporter) => match exporter
            .ask(&asked, Some(&payload))
            .await
            .and_then(export::result_of::<String>)
        {
            Ok(answered) => return answered.result,
            Err(why) => why,
        },
        None => "no worker".to_string(),
    };
    leptos::logging::warn!("the share link is made on the page: {why}");
    request.make(&payload)
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

    /// The content of a link of the sample roster's report, and the choices of a titled,
    /// hidden, locked one.
    fn content() -> (Shared, LinkChoice) {
        let roster = sample_roster_of(400);
        let options = canbo_core::report::ReportOptions::default();
        let report = canbo_core::report::report(&roster, &options);
        let shared = Shared::new(&report, &options, None, None);
        let choice = LinkChoice {
            title: "Xã Na Sơn".into(),
            hide_below: Some(HIDE_BELOW),
            passphrase: "mật khẩu 2024".into(),
        };
        (shared, choice)
    }

    /// Where no download worker starts (the tests serve no `exporter_loader.js`), the link
    /// is the core's, made on the page: titled, hidden and locked as chosen.
    #[wasm_bindgen_test]
    async fn a_link_is_made_on_the_page_when_no_worker_starts() {
        let (shared, choice) = content();
        let locked = make(None, shared.clone(), choice.clone()).await.unwrap();
        let opened = canbo_core::share::decode_locked(&locked, "mật khẩu 2024").unwrap();
        let mut want = shared.clone();
        want.title = Some("Xã Na Sơn".into());
        want.hide_small(HIDE_BELOW).unwrap();
        assert!(opened == want, "the report as chosen");

        let plain = LinkChoice::default();
        let link = make(None, shared.clone(), plain.clone()).await.unwrap();
        assert_eq!(link, shared.encode().unwrap());
        let bad = LinkChoice {
            hide_below: Some(1),
            ..plain
        };
        let error = make(None, shared, bad).await.unwrap_err();
        assert!(!error.vi.is_empty() && !error.en.is_empty(), "{error:?}");
    }

    /// The link shown is that of the newest ask: one asked before it and answered later is
    /// dropped, and nothing is shown while nothing is asked.
    #[wasm_bindgen_test]
    async fn the_newest_ask_makes_the_link_shown() {
        let (shared, choice) = content();
        let ask = RwSignal::new(None::<(Shared, LinkChoice)>);
        let made: Rc<RefCell<Option<Made>>> = Rc::default();
        {
            let made = made.clone();
            mount(AppState::empty(), move || {
                *made.borrow_mut() = Some(Made::new(Memo::new(move |_| ask.get()), move || {
                    ask.with(Option::is_some)
                }));
            });
        }
        let made = made.borrow().unwrap();
        // A locked link takes its key derivation; the plain one asked after it wins.
        ask.set(Some((shared.clone(), choice)));
        crate::turns::let_the_browser_draw().await;
        assert!(made.making.get_untracked() && made.link.get_untracked().is_none());
        ask.set(Some((shared.clone(), LinkChoice::default())));
        until(|| made.link.get_untracked().is_some()).await;
        let plain = url_of(&shared.encode().unwrap());
        assert_eq!(made.link.get_untracked(), Some(Ok(plain.clone())));
        assert!(!made.making.get_untracked());
        for _ in 0..20 {
            crate::turns::let_the_browser_draw().await;
        }
        assert_eq!(
            made.link.get_untracked(),
            Some(Ok(plain)),
            "not the older one"
        );

        ask.set(None);
        until(|| made.link.get_untracked().is_none()).await;
        assert!(!made.making.get_untracked());
    }

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
