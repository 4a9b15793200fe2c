//! The report's settings (date, age bands, filter, language, the page shown) and the report
//! computed from the roster with them. One `Settings` lives in context beside `AppState`;
//! every figure comes from `canbo-core`, and `lang` is the signal `crate::i18n` reads.

use canbo_core::date::Date;
use canbo_core::export::Lang;
use canbo_core::report::{AgeBands, BandsError, Dimension, Filter, Report, ReportOptions};
use leptos::prelude::*;

use crate::state::AppState;

/// The bands the page starts with (the official form's).
pub const DEFAULT_BANDS: &str = "31,41,51,61";
/// Where the language is kept (another tab's change is followed: `crate::state`).
pub const LANG_KEY: &str = "canbo.lang";

/// The pages of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Report,
    People,
    Standards,
    Retirement,
}

#[derive(Clone, Copy)]
pub struct Settings {
    pub as_of: RwSignal<Date>,
    /// The bands as typed; `bands` keeps the last good value.
    pub bands_text: RwSignal<String>,
    pub bands: RwSignal<AgeBands>,
    /// Why `bands_text` is not valid, if it is not.
    pub bands_error: RwSignal<Option<BandsError>>,
    /// Chosen values per dimension (an empty list keeps everyone).
    pub filter: RwSignal<Vec<(Dimension, Vec<String>)>>,
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    /// The report with these settings, `None` before any import.
    pub report: Memo<Option<Report>>,
    /// The options `report` is computed with: the date, the bands, the filter's conditions
    /// that choose something (shared by the pages that ask the core for more than the report).
    pub options: Memo<ReportOptions>,
    /// The headline figures an import's worker sent ahead of its roster, under the options
    /// it was asked with (`AppState::report_ahead`).
    pub ahead: RwSignal<Option<(ReportOptions, Report)>>,
}

impl Settings {
    pub fn new(state: AppState) -> Settings {
        let as_of = RwSignal::new(today());
        let bands = RwSignal::new(DEFAULT_BANDS.parse::<AgeBands>().unwrap_or_default());
        let filter = RwSignal::new(Vec::<(Dimension, Vec<String>)>::new());
        let lang = stored_lang(crate::storage::get_item(LANG_KEY).as_deref());
        let lang = RwSignal::new(lang);
        let options = Memo::new(move |_| ReportOptions {
            as_of: as_of.get(),
            bands: bands.get(),
            filter: Filter {
                conditions: filter
                    .get()
                    .into_iter()
                    .filter(|(_, values)| !values.is_empty())
                    .collect(),
            },
        });
        // An import's headline figures, computed by its worker, come before its roster
        // (`AppState::report_ahead`), asked under the options on screen.
        state.report_options.set_value(Some(options));
        // A new report is always a change: comparing two reports of a province (10,000
        // units' figures) cost some 10 ms of each filter change, and a report is computed
        // only when its options or the roster changed.
        let report = Memo::new_with_compare(
            move |_| {
                let options = options.get();
                state
                    .coded
                    .with(|coded| coded.as_ref().map(|coded| coded.report(&options)))
            },
            |_, _| true,
        );
        Settings {
            as_of,
            bands_text: RwSignal::new(DEFAULT_BANDS.to_string()),
            bands,
            bands_error: RwSignal::new(None),
            filter,
            lang,
            view: RwSignal::new(View::Report),
            report,
            options,
            ahead: state.report_ahead,
        }
    }

    /// `f` of the report the headline figures are drawn from: the report, or, before an
    /// import's roster is read back, the figures its worker sent ahead while they are under
    /// the options on screen; `None` when there is neither.
    pub fn headlines<R>(&self, f: impl FnOnce(&Report) -> R) -> Option<R> {
        if self.report.with(Option::is_some) {
            return self.report.with(|report| report.as_ref().map(f));
        }
        let options = self.options.get();
        self.ahead.with(|ahead| match ahead {
            Some((asked, report)) if *asked == options => Some(f(report)),
            _ => None,
        })
    }

    /// Keeps the language chosen for the next visit, and tells the browser (`<html lang>`).
    pub fn persist_language(&self) {
        let lang = self.lang;
        Effect::new(move |_| {
            let code = match lang.get() {
                Lang::Vi => "vi",
                Lang::En => "en",
            };
            // As JSON, the form the releases before wrote (through gloo-storage).
            crate::storage::set_item(LANG_KEY, &format!("\"{code}\""));
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", code);
            }
        });
    }

    /// Takes the bands as typed: a valid text replaces the bands, an invalid one only says why.
    pub fn set_bands_text(&self, text: String) {
        match text.parse::<AgeBands>() {
            Ok(bands) => {
                self.bands.set(bands);
                self.bands_error.set(None);
            }
            Err(why) => self.bands_error.set(Some(why)),
        }
        self.bands_text.set(text);
    }

    /// The value of `dim` the filter keeps, as its list shows it: empty when nothing of
    /// `dim` is chosen.
    pub fn chosen(&self, dim: Dimension) -> String {
        self.filter.with(|f| {
            f.iter()
                .find(|(d, _)| *d == dim)
                .and_then(|(_, v)| v.first().cloned())
                .unwrap_or_default()
        })
    }

    pub fn choose(&self, dim: Dimension, values: Vec<String>) {
        self.filter.update(|f| {
            f.retain(|(d, _)| *d != dim);
            if !values.is_empty() {
                f.push((dim, values));
            }
        });
    }
}

/// The language as [`LANG_KEY`] keeps it (a JSON string; bare text is read too).
pub fn stored_lang(text: Option<&str>) -> Lang {
    match text.map(|t| t.trim_matches('"')) {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// Today in the browser's time zone (`std::time` panics on wasm32).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::from_days(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn invalid_bands_say_why_and_keep_the_last_good_ones() {
        let settings = Settings::new(AppState::empty());
        settings.set_bands_text("30,46,61".into());
        assert_eq!(settings.bands.get_untracked().to_string(), "30,46,61");
        assert!(settings.bands_error.get_untracked().is_none());
        settings.set_bands_text("61,30".into());
        assert_eq!(settings.bands.get_untracked().to_string(), "30,46,61");
        assert_eq!(
            settings.bands_error.get_untracked(),
            Some(canbo_core::report::BandsError::NotAscending)
        );
        assert_eq!(settings.bands_text.get_untracked(), "61,30");
    }

    #[wasm_bindgen_test]
    fn a_filter_value_replaces_the_one_before_and_empty_clears_it() {
        let settings = Settings::new(AppState::empty());
        settings.choose(Dimension::Gender, vec!["nu".into()]);
        settings.choose(Dimension::Gender, vec!["nam".into()]);
        assert_eq!(settings.chosen(Dimension::Gender), "nam");
        assert_eq!(
            settings.chosen(Dimension::Unit),
            "",
            "nothing chosen of another dimension"
        );
        settings.choose(Dimension::Gender, vec![]);
        assert!(settings.filter.get_untracked().is_empty());
        assert_eq!(settings.chosen(Dimension::Gender), "");
    }
}
