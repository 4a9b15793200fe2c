//! Roster × the law's retirement ages → who retires in each coming year
//! (`canbo.retirement/1`, REPORT.md).
//!
//! The ages are data ([`law::RetirementLaw`]) because the roadmap is the law's, not ours, and
//! a screen should be able to show it; [`forecast`] counts by year, unit and post. People
//! whose gender or birth date the roster does not give are listed apart, never guessed.

pub mod forecast;
pub mod law;

pub use forecast::title_label;
pub use forecast::{
    forecast, Forecast, Forecasting, Retiree, RetireePick, RetirementOptions, Timeline,
    TitleTimeline, UnitTimeline, Unplaced, Vacancy, YearCount, MAX_YEARS,
};
pub use law::{
    counting_birthday, Age, EarlyRetirement, Retirement, RetirementLaw, Roadmap, YearAges,
};

pub const SCHEMA: &str = "canbo.retirement/1";
