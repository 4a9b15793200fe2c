//! Calendar dates without a clock or time zone, and the forms rosters write them in.
//!
//! Rosters hold real Excel dates (serials in the 1900 or 1904 system), text in the
//! Vietnamese day-first forms (`12/05/1985`, `12-5-85`, `12.05.1985`), ISO text, a month and
//! year, or a year alone. A [`PartialDate`] keeps exactly what was written, so age and
//! retirement can apply the law's rule for a missing day or month instead of inventing one.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A valid proleptic Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month as u8) as u32 {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        self.month as u32
    }
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    /// An Excel serial day number. `date1904` is the workbook's date system. Serials carry a
    /// time of day as a fraction, which is dropped. Excel's phantom 29 Feb 1900 is honoured.
    pub fn from_excel_serial(serial: f64, date1904: bool) -> Option<Date> {
        if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        let whole = serial.floor() as i64;
        let days_since_1970 = if date1904 {
            whole - 24_107
        } else if whole < 60 {
            whole - 25_568
        } else {
            whole - 25_569
        };
        Some(Date::from_days(days_since_1970))
    }

    /// The last day of this date's month.
    pub fn end_of_month(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// This date moved by whole months; the day is clamped to the target month's length.
    pub fn add_months(self, months: i32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + months;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Completed years from `self` to `at` (negative when `at` is earlier).
    pub fn years_until(self, at: Date) -> i32 {
        let mut years = at.year - self.year;
        if (at.month, at.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// The date as Vietnamese documents write it: `31/12/2024`.
    pub fn day_first(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Parse ISO `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Date::new(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date of the form YYYY-MM-DD"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date as precise as the roster wrote it: a full date, a month and year, or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Full(Date),
    Month { year: i32, month: u8 },
    Year(i32),
}

/// Years a roster can sensibly name for a birth or a hiring.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl PartialDate {
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Full(d) => d.year(),
            PartialDate::Month { year, .. } | PartialDate::Year(year) => year,
        }
    }

    /// Completed years at `at`. With a year alone, `at.year - year` (ROSTER.md); with a month
    /// and year, the birthday is taken as the first of that month.
    pub fn age_at(self, at: Date) -> i32 {
        match self {
            PartialDate::Full(d) => d.years_until(at),
            PartialDate::Month { year, month } => {
                at.year() - year - if (at.month() as u8) < month { 1 } else { 0 }
            }
            PartialDate::Year(year) => at.year() - year,
        }
    }

    /// Parse the text forms rosters use. Day first (`d/m/y`, `d-m-y`, `d.m.y`, two-digit
    /// years), ISO `y-m-d`, `m/y`, or a year alone. `None` when it is not a plausible date.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let text = text.trim().trim_end_matches(['.', ',']).trim();
        if text.is_empty() {
            return None;
        }
        let parts: Vec<&str> = text
            .split(['/', '-', '.', ' '])
            .filter(|p| !p.is_empty())
            .collect();
        if parts
            .iter()
            .any(|p| !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4)
        {
            return None;
        }
        let nums: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        match (parts.as_slice(), nums.as_slice()) {
            (_, [y]) if parts[0].len() == 4 && YEARS.contains(y) => Some(PartialDate::Year(*y)),
            ([first, ..], [y, m, d]) if first.len() == 4 => {
                Date::new(*y, *m as u32, *d as u32).map(PartialDate::Full)
            }
            ([.., last], [d, m, y]) => {
                let y = full_year(*y, last.len())?;
                Date::new(y, *m as u32, *d as u32).map(PartialDate::Full)
            }
            // Month and year only with a four-digit year: "12/12" is a grade, not a date.
            ([.., last], [m, y]) if (1..=12).contains(m) && last.len() == 4 => {
                let y = full_year(*y, 4)?;
                Some(PartialDate::Month {
                    year: y,
                    month: *m as u8,
                })
            }
            _ => None,
        }
    }

    /// A number in a date column: a year (1900–2100) or an Excel serial.
    pub fn from_number(value: f64, date1904: bool) -> Option<PartialDate> {
        if value.fract() == 0.0 && YEARS.contains(&(value as i32)) {
            return Some(PartialDate::Year(value as i32));
        }
        let date = Date::from_excel_serial(value, date1904)?;
        (value > 366.0 && YEARS.contains(&date.year())).then_some(PartialDate::Full(date))
    }
}

/// A two-digit year is read as the nearest plausible birth or hiring year: 00–29 → 2000s.
fn full_year(y: i32, digits: usize) -> Option<i32> {
    let year = match digits {
        2 if y < 30 => 2000 + y,
        2 => 1900 + y,
        4 => y,
        _ => return None,
    };
    YEARS.contains(&year).then_some(year)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Full(d) => d.fmt(f),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let text = String::deserialize(d)?;
        let mut parts = text.split('-');
        let bad =
            || serde::de::Error::custom(format!("'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD"));
        let year: i32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let month: Option<u32> = parts
            .next()
            .map(|p| p.parse().map_err(|_| bad()))
            .transpose()?;
        let day: Option<u32> = parts
            .next()
            .map(|p| p.parse().map_err(|_| bad()))
            .transpose()?;
        match (month, day) {
            (None, _) => Ok(PartialDate::Year(year)),
            (Some(m), None) if (1..=12).contains(&m) => Ok(PartialDate::Month {
                year,
                month: m as u8,
            }),
            (Some(m), Some(d)) => Date::new(year, m, d).map(PartialDate::Full).ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn days_round_trip_across_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        assert_eq!(d(2000, 3, 1).to_days(), 11_017);
    }

    #[test]
    fn excel_serials_in_both_date_systems() {
        assert_eq!(Date::from_excel_serial(1.0, false), Some(d(1900, 1, 1)));
        assert_eq!(Date::from_excel_serial(61.0, false), Some(d(1900, 3, 1)));
        assert_eq!(
            Date::from_excel_serial(31_207.0, false),
            Some(d(1985, 6, 9))
        );
        assert_eq!(
            Date::from_excel_serial(31_207.75, false),
            Some(d(1985, 6, 9))
        );
        assert_eq!(Date::from_excel_serial(29_745.0, true), Some(d(1985, 6, 9)));
        assert_eq!(Date::from_excel_serial(-3.0, false), None);
        assert_eq!(Date::from_excel_serial(f64::NAN, false), None);
    }

    #[test]
    fn vietnamese_day_first_text_forms() {
        let full = |t| PartialDate::parse(t);
        assert_eq!(full("12/05/1985"), Some(PartialDate::Full(d(1985, 5, 12))));
        assert_eq!(full("12-5-85"), Some(PartialDate::Full(d(1985, 5, 12))));
        assert_eq!(full("12.05.1985"), Some(PartialDate::Full(d(1985, 5, 12))));
        assert_eq!(full(" 3-2-1976 "), Some(PartialDate::Full(d(1976, 2, 3))));
        assert_eq!(full("1985-05-12"), Some(PartialDate::Full(d(1985, 5, 12))));
        assert_eq!(
            full("05/1985"),
            Some(PartialDate::Month {
                year: 1985,
                month: 5
            })
        );
        assert_eq!(full("1985"), Some(PartialDate::Year(1985)));
        assert_eq!(full("01/01/05"), Some(PartialDate::Full(d(2005, 1, 1))));
    }

    #[test]
    fn impossible_or_foreign_text_is_not_a_date() {
        for t in [
            "31/02/1985",
            "13/13/1985",
            "?",
            "đang cập nhật",
            "12/12",
            "",
            "1850",
            "12/05/19851",
        ] {
            assert_eq!(PartialDate::parse(t), None, "{t}");
        }
    }

    #[test]
    fn age_is_completed_years_and_year_only_subtracts_years() {
        let at = d(2024, 12, 31);
        assert_eq!(PartialDate::Full(d(1994, 12, 31)).age_at(at), 30);
        assert_eq!(PartialDate::Full(d(1995, 1, 1)).age_at(at), 29);
        assert_eq!(PartialDate::Full(d(2000, 2, 29)).age_at(d(2024, 2, 28)), 23);
        assert_eq!(PartialDate::Year(1994).age_at(d(2024, 1, 1)), 30);
        assert_eq!(
            PartialDate::Month {
                year: 1994,
                month: 6
            }
            .age_at(d(2024, 5, 31)),
            29
        );
    }

    #[test]
    fn numbers_are_years_or_serials() {
        assert_eq!(
            PartialDate::from_number(1986.0, false),
            Some(PartialDate::Year(1986))
        );
        assert_eq!(
            PartialDate::from_number(31_207.0, false),
            Some(PartialDate::Full(d(1985, 6, 9)))
        );
        assert_eq!(PartialDate::from_number(12.0, false), None);
    }

    #[test]
    fn month_arithmetic_clamps_days() {
        assert_eq!(d(2021, 1, 31).add_months(1), d(2021, 2, 28));
        assert_eq!(d(2021, 11, 15).add_months(3), d(2022, 2, 15));
        assert_eq!(d(2024, 2, 3).end_of_month(), d(2024, 2, 29));
    }

    #[test]
    fn partial_dates_serialise_as_written() {
        let json = serde_json::to_string(&PartialDate::Month {
            year: 1985,
            month: 5,
        })
        .unwrap();
        assert_eq!(json, "\"1985-05\"");
        let back: PartialDate = serde_json::from_str("\"1985-05-12\"").unwrap();
        assert_eq!(back, PartialDate::Full(d(1985, 5, 12)));
    }
}
