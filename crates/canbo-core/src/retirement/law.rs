//! The legal retirement age (Bộ luật Lao động 2019 art. 169; Nghị định 135/2020/NĐ-CP) as
//! data, and the date it gives for a birth date.
//!
//! The age depends on the year in which it is reached, not on the year of birth: in 2021 a
//! man retires at 60y3m, in 2022 at 60y6m. A man born in October 1961 turns 60y3m in January
//! 2022, when 60y3m is no longer the age; he retires on reaching 60y6m, in April 2022. So the
//! date is found by trying each year in turn for the first whose age is reached within it.

use crate::codes::Gender;
use crate::date::{Date, PartialDate};
use serde::{Deserialize, Serialize};

/// An age in whole years and months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Age {
    pub years: u8,
    pub months: u8,
}

impl Age {
    pub const fn new(years: u8, months: u8) -> Age {
        Age { years, months }
    }

    pub fn in_months(self) -> i32 {
        i32::from(self.years) * 12 + i32::from(self.months)
    }

    /// An age from months; ages past 255 years saturate (no law asks for them).
    pub fn from_months(months: i32) -> Age {
        let months = months.clamp(0, 255 * 12 + 11);
        Age {
            years: (months / 12) as u8,
            months: (months % 12) as u8,
        }
    }

    /// "60 tuổi 3 tháng", "62 tuổi".
    pub fn label_vi(self) -> String {
        self.label(crate::lang::Lang::Vi)
    }

    /// "60 tuổi 3 tháng" / "60 years 3 months"; "62 tuổi" / "62 years".
    pub fn label(self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang;
        match (lang, self.months) {
            (Lang::Vi, 0) => format!("{} tuổi", self.years),
            (Lang::Vi, m) => format!("{} tuổi {m} tháng", self.years),
            (Lang::En, 0) => format!("{} years", self.years),
            (Lang::En, 1) => format!("{} years 1 month", self.years),
            (Lang::En, m) => format!("{} years {m} months", self.years),
        }
    }
}

/// One gender's roadmap: a fixed age before `from_year`, then `first` in `from_year`, raised
/// by `step_months` each following year until it reaches `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roadmap {
    pub before: Age,
    pub from_year: i32,
    pub first: Age,
    pub step_months: u8,
    pub last: Age,
}

impl Roadmap {
    /// The retirement age for someone reaching it in `year`.
    pub fn age_in(&self, year: i32) -> Age {
        if year < self.from_year {
            return self.before;
        }
        let raised = self.first.in_months() + (year - self.from_year) * i32::from(self.step_months);
        Age::from_months(raised.min(self.last.in_months()))
    }
}

/// Retiring up to some years early (art. 169 §3): documented for the reader, never applied,
/// since a roster does not say who qualifies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlyRetirement {
    pub max_years_earlier: u8,
    /// Who may (Vietnamese).
    pub conditions: Vec<String>,
    pub applied: bool,
}

/// The built-in law's name, in Vietnamese and English.
const LAW_NAME: (&str, &str) = (
    "Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP",
    "Labour Code 2019, Article 169; Decree 135/2020/NĐ-CP",
);

/// Who may retire early under the built-in law, in Vietnamese and English.
const EARLY_CONDITIONS: [(&str, &str); 3] = [
    ("Suy giảm khả năng lao động", "Reduced working capacity"),
    (
        "Làm nghề, công việc nặng nhọc, độc hại, nguy hiểm hoặc đặc biệt nặng nhọc, độc hại, nguy hiểm",
        "Heavy, hazardous or dangerous work, or especially heavy, hazardous or dangerous work",
    ),
    (
        "Làm việc ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn (đủ 15 năm trở lên)",
        "Work in an area of especially difficult socio-economic conditions (15 years or more)",
    ),
];

/// A text of the law (its name, an early-retirement condition) in `lang`. The law is data
/// written in Vietnamese; the built-in law's texts have an English translation, any other
/// text is shown as written.
pub fn law_text(text: &str, lang: crate::lang::Lang) -> &str {
    match lang {
        crate::lang::Lang::Vi => text,
        crate::lang::Lang::En => std::iter::once(&LAW_NAME)
            .chain(EARLY_CONDITIONS.iter())
            .find(|(vi, _)| *vi == text)
            .map_or(text, |(_, en)| en),
    }
}

/// The law's retirement ages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetirementLaw {
    pub name: String,
    pub men: Roadmap,
    pub women: Roadmap,
    pub early: EarlyRetirement,
}

/// When one person retires, and at what age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retirement {
    /// The last day of the month in which the age is reached.
    pub date: Date,
    pub age: Age,
}

/// One row of the law's table, for a screen to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearAges {
    pub year: i32,
    pub men: Age,
    pub women: Age,
}

impl Default for RetirementLaw {
    fn default() -> Self {
        RetirementLaw::labour_code_2019()
    }
}

/// The English name of the law of [`RetirementLaw::labour_code_2019`] (document numbers are
/// written without diacritics in English, as official translations do).
const LABOUR_CODE_2019_EN: &str = "Labour Code 2019, Article 169; Decree 135/2020/ND-CP";

/// The name of the law a forecast used (`Forecast::law`) in `lang`: the built-in law has an
/// English name; another law keeps the name it was given.
pub fn law_name(name: &str, lang: crate::lang::Lang) -> String {
    match lang {
        crate::lang::Lang::En if name == RetirementLaw::labour_code_2019().name => {
            LABOUR_CODE_2019_EN.to_string()
        }
        _ => name.to_string(),
    }
}

impl RetirementLaw {
    /// Bộ luật Lao động 2019 art. 169, as ND 135/2020 applies it: men 60y3m in 2021, +3
    /// months a year to 62 (2028); women 55y4m in 2021, +4 months a year to 60 (2035);
    /// before 2021, 60 and 55.
    pub fn labour_code_2019() -> RetirementLaw {
        RetirementLaw {
            name: LAW_NAME.0.into(),
            men: Roadmap {
                before: Age::new(60, 0),
                from_year: 2021,
                first: Age::new(60, 3),
                step_months: 3,
                last: Age::new(62, 0),
            },
            women: Roadmap {
                before: Age::new(55, 0),
                from_year: 2021,
                first: Age::new(55, 4),
                step_months: 4,
                last: Age::new(60, 0),
            },
            early: EarlyRetirement {
                max_years_earlier: 5,
                conditions: EARLY_CONDITIONS
                    .iter()
                    .map(|(vi, _)| (*vi).into())
                    .collect(),
                applied: false,
            },
        }
    }

    pub fn roadmap(&self, gender: Gender) -> Option<&Roadmap> {
        match gender {
            Gender::Nam => Some(&self.men),
            Gender::Nu => Some(&self.women),
            Gender::Unknown => None,
        }
    }

    /// The age for someone of this gender reaching it in `year`.
    pub fn age_in(&self, gender: Gender, year: i32) -> Option<Age> {
        self.roadmap(gender).map(|r| r.age_in(year))
    }

    /// The law's ages year by year, `from..=to`.
    pub fn table(&self, from: i32, to: i32) -> Vec<YearAges> {
        (from..=to)
            .map(|year| YearAges {
                year,
                men: self.men.age_in(year),
                women: self.women.age_in(year),
            })
            .collect()
    }

    /// When a person of this birth and gender retires; `None` for an unknown gender (the law
    /// differs by gender and we do not guess).
    pub fn retirement(&self, birth: PartialDate, gender: Gender) -> Option<Retirement> {
        let roadmap = self.roadmap(gender)?;
        let born = counting_birthday(birth).filter(|b| BIRTH_YEARS.contains(&b.year()))?;
        // No year before the youngest age can be the one; ages are bounded, so a century of
        // tries is more than any roadmap needs.
        let youngest = roadmap.before.min(roadmap.first);
        let start = born.year() + i32::from(youngest.years);
        (start..start + 100).find_map(|year| {
            let age = roadmap.age_in(year);
            let reached = born.add_months(age.in_months());
            (reached.year() <= year).then(|| Retirement {
                date: reached.end_of_month(),
                age,
            })
        })
    }
}

/// Years a birth date can be counted from: the importer keeps 1900–2100, but a roster that
/// comes back from storage or an edit may hold anything, and date arithmetic far outside
/// these years would overflow.
const BIRTH_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// The birth date the law counts from: with a month and year only, the first of that month;
/// with a year only, 1 January (ND 135/2020).
pub fn counting_birthday(birth: PartialDate) -> Option<Date> {
    match birth {
        PartialDate::Full(d) => Some(d),
        PartialDate::Month { year, month } => Date::new(year, u32::from(month), 1),
        PartialDate::Year(year) => Date::new(year, 1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_law_has_an_english_name_and_another_keeps_its_own() {
        use crate::lang::Lang;
        let name = RetirementLaw::default().name;
        assert_eq!(law_name(&name, Lang::Vi), name);
        assert!(law_name(&name, Lang::En).starts_with("Labour Code 2019"));
        assert!(law_name(&name, Lang::En).is_ascii());
        assert_eq!(law_name("Luật riêng", Lang::En), "Luật riêng");
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// `birth` as a roster writes it ("1961", "1961-10", "1961-10-15"), the gender, and the
    /// expected retirement date and age.
    #[track_caller]
    fn check(birth: &str, gender: Gender, retires_on: &str, age: (u8, u8)) {
        let law = RetirementLaw::default();
        let birth: PartialDate = serde_json::from_value(serde_json::json!(birth)).unwrap();
        let got = law.retirement(birth, gender);
        let want = Retirement {
            date: date(retires_on),
            age: Age::new(age.0, age.1),
        };
        assert_eq!(got, Some(want), "{birth} {gender}");
    }

    use Gender::{Nam, Nu};

    #[test]
    fn the_roadmap_year_by_year() {
        let law = RetirementLaw::default();
        let ages: Vec<(i32, String, String)> = law
            .table(2020, 2036)
            .iter()
            .map(|r| (r.year, r.men.label_vi(), r.women.label_vi()))
            .collect();
        let want = [
            (2020, "60 tuổi", "55 tuổi"),
            (2021, "60 tuổi 3 tháng", "55 tuổi 4 tháng"),
            (2022, "60 tuổi 6 tháng", "55 tuổi 8 tháng"),
            (2023, "60 tuổi 9 tháng", "56 tuổi"),
            (2024, "61 tuổi", "56 tuổi 4 tháng"),
            (2025, "61 tuổi 3 tháng", "56 tuổi 8 tháng"),
            (2026, "61 tuổi 6 tháng", "57 tuổi"),
            (2027, "61 tuổi 9 tháng", "57 tuổi 4 tháng"),
            (2028, "62 tuổi", "57 tuổi 8 tháng"),
            (2029, "62 tuổi", "58 tuổi"),
            (2030, "62 tuổi", "58 tuổi 4 tháng"),
            (2031, "62 tuổi", "58 tuổi 8 tháng"),
            (2032, "62 tuổi", "59 tuổi"),
            (2033, "62 tuổi", "59 tuổi 4 tháng"),
            (2034, "62 tuổi", "59 tuổi 8 tháng"),
            (2035, "62 tuổi", "60 tuổi"),
            (2036, "62 tuổi", "60 tuổi"),
        ];
        let want: Vec<(i32, String, String)> = want
            .iter()
            .map(|(y, m, w)| (*y, m.to_string(), w.to_string()))
            .collect();
        assert_eq!(ages, want);
    }

    // Men. Each line: the year tried first, the date the age is reached, whether it falls in
    // that year; the first that does is the year of retiring, and the date is the month's end.
    #[test]
    fn men_before_2021_retire_at_60() {
        // 1960-09 + 60y (2020's age) = 2020-09, in 2020.
        check("1960-09", Nam, "2020-09-30", (60, 0));
        // 1960-12-31 + 60y = 2020-12-31, in 2020: the last man under the old rule.
        check("1960-12-31", Nam, "2020-12-31", (60, 0));
        check("1955-03-15", Nam, "2015-03-31", (60, 0));
    }

    #[test]
    fn men_on_every_boundary_of_the_roadmap() {
        // 2021 (60y3m): 1961-01 + 60y3m = 2021-04 ✓ — the decree's first example.
        check("1961-01", Nam, "2021-04-30", (60, 3));
        // 1961-09 + 60y3m = 2021-12 ✓: the last birth month retiring in 2021.
        check("1961-09", Nam, "2021-12-31", (60, 3));
        // 1961-10 + 60y3m = 2022-01 ✗ (not in 2021); 2022 (60y6m): 2022-04 ✓.
        check("1961-10", Nam, "2022-04-30", (60, 6));
        // 1962-06 + 60y6m = 2022-12 ✓.
        check("1962-06", Nam, "2022-12-31", (60, 6));
        // 1962-07 + 60y6m = 2023-01 ✗; 2023 (60y9m): 2023-04 ✓.
        check("1962-07", Nam, "2023-04-30", (60, 9));
        // 1963-03 + 60y9m = 2023-12 ✓.
        check("1963-03", Nam, "2023-12-31", (60, 9));
        // 1963-04 + 60y9m = 2024-01 ✗; 2024 (61y): 2024-04 ✓.
        check("1963-04", Nam, "2024-04-30", (61, 0));
        // 1963-12 + 61y = 2024-12 ✓.
        check("1963-12", Nam, "2024-12-31", (61, 0));
        // 1964-01: 2024 (61y) → 2025-01 ✗; 2025 (61y3m) → 2025-04 ✓.
        check("1964-01", Nam, "2025-04-30", (61, 3));
        // 1964-09 + 61y3m = 2025-12 ✓; 1964-10 → 2026-01 ✗, 2026 (61y6m) → 2026-04 ✓.
        check("1964-09", Nam, "2025-12-31", (61, 3));
        check("1964-10", Nam, "2026-04-30", (61, 6));
        // 1965-06 + 61y6m = 2026-12 ✓; 1965-07 → 2027-01 ✗, 2027 (61y9m) → 2027-04 ✓.
        check("1965-06", Nam, "2026-12-31", (61, 6));
        check("1965-07", Nam, "2027-04-30", (61, 9));
        // 1966-03 + 61y9m = 2027-12 ✓; 1966-04 → 2028-01 ✗, 2028 (62y) → 2028-04 ✓.
        check("1966-03", Nam, "2027-12-31", (61, 9));
        check("1966-04", Nam, "2028-04-30", (62, 0));
        // From 2028 the age stays 62: 1970-05 + 62y = 2032-05.
        check("1970-05", Nam, "2032-05-31", (62, 0));
    }

    #[test]
    fn women_before_2021_retire_at_55() {
        // 1965-12 + 55y = 2020-12 ✓.
        check("1965-12", Nu, "2020-12-31", (55, 0));
        check("1960-07-20", Nu, "2015-07-31", (55, 0));
    }

    #[test]
    fn women_on_every_boundary_of_the_roadmap() {
        // 2021 (55y4m): 1966-01 + 55y4m = 2021-05 ✓.
        check("1966-01", Nu, "2021-05-31", (55, 4));
        // 1966-08 + 55y4m = 2021-12 ✓; 1966-09 → 2022-01 ✗, 2022 (55y8m) → 2022-05 ✓.
        check("1966-08", Nu, "2021-12-31", (55, 4));
        check("1966-09", Nu, "2022-05-31", (55, 8));
        // 1967-04 + 55y8m = 2022-12 ✓; 1967-05 → 2023-01 ✗, 2023 (56y) → 2023-05 ✓.
        check("1967-04", Nu, "2022-12-31", (55, 8));
        check("1967-05", Nu, "2023-05-31", (56, 0));
        // 1967-12 + 56y = 2023-12 ✓; 1968-01 → 2024-01 ✗, 2024 (56y4m) → 2024-05 ✓.
        check("1967-12", Nu, "2023-12-31", (56, 0));
        check("1968-01", Nu, "2024-05-31", (56, 4));
        // 1968-08 + 56y4m = 2024-12 ✓; 1968-09 → 2025-01 ✗, 2025 (56y8m) → 2025-05 ✓.
        check("1968-08", Nu, "2024-12-31", (56, 4));
        check("1968-09", Nu, "2025-05-31", (56, 8));
        // The later years follow the same eight-month pattern, down to 2035.
        // 1973-04: 2031 (58y8m) → 2031-12 ✓.
        check("1973-04", Nu, "2031-12-31", (58, 8));
        // 1973-05: 2031 → 2032-01 ✗; 2032 (59y) → 2032-05 ✓.
        check("1973-05", Nu, "2032-05-31", (59, 0));
        // 1975-01: 2033 (59y4m) → 2034-05 ✗; 2034 (59y8m) → 2034-09 ✓.
        check("1975-01", Nu, "2034-09-30", (59, 8));
        // 1975-04 + 59y8m = 2034-12 ✓; 1975-05 → 2035-01 ✗, 2035 (60y) → 2035-05 ✓.
        check("1975-04", Nu, "2034-12-31", (59, 8));
        check("1975-05", Nu, "2035-05-31", (60, 0));
        // From 2035 the age stays 60.
        check("1980-02-29", Nu, "2040-02-29", (60, 0));
    }

    #[test]
    fn a_full_date_counts_only_by_its_month() {
        // 1961-10-31 + 60y3m = 2022-01-31 ✗ for 2021; + 60y6m = 2022-04-30 (day clamped) ✓.
        check("1961-10-31", Nam, "2022-04-30", (60, 6));
        check("1961-01-31", Nam, "2021-04-30", (60, 3));
        check("1961-09-30", Nam, "2021-12-31", (60, 3));
    }

    #[test]
    fn a_birth_year_alone_counts_from_1_january() {
        // 1961 → 1961-01-01 + 60y3m = 2021-04-01 ✓.
        check("1961", Nam, "2021-04-30", (60, 3));
        // 1962 → 1962-01-01: 2022 (60y6m) → 2022-07 ✓.
        check("1962", Nam, "2022-07-31", (60, 6));
        // 1966 → 1966-01-01 + 55y4m = 2021-05 ✓.
        check("1966", Nu, "2021-05-31", (55, 4));
        // 1968 → 2024 (56y4m) → 2024-05 ✓.
        check("1968", Nu, "2024-05-31", (56, 4));
        check("1960", Nam, "2020-01-31", (60, 0));
    }

    #[test]
    fn a_birth_year_no_one_could_have_has_no_date() {
        let law = RetirementLaw::default();
        assert_eq!(law.retirement(PartialDate::Year(i32::MAX), Nam), None);
        assert_eq!(law.retirement(PartialDate::Year(-5), Nu), None);
    }

    #[test]
    fn an_unknown_gender_has_no_date() {
        let law = RetirementLaw::default();
        assert_eq!(
            law.retirement(PartialDate::Year(1961), Gender::Unknown),
            None
        );
        assert_eq!(law.age_in(Gender::Unknown, 2024), None);
    }

    #[test]
    fn early_retirement_is_documented_not_applied() {
        let law = RetirementLaw::default();
        assert_eq!(law.early.max_years_earlier, 5);
        assert!(!law.early.applied);
        let back: RetirementLaw =
            serde_json::from_str(&serde_json::to_string(&law).unwrap()).unwrap();
        assert_eq!(back, law);
    }
}
