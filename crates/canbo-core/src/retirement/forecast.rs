//! Roster × law → who retires in each of the coming years, by unit and by post.

use super::law::{Age, RetirementLaw};
use super::SCHEMA;
use crate::codes::{Category, Gender};
use crate::date::{Date, PartialDate};
use crate::roster::{Origin, Person, Roster, UnitKeys, UnitPlaces};
use crate::vocab::positions::Title;
use serde::{Deserialize, Serialize};

/// What to forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetirementOptions {
    /// Ages and "overdue" are measured at this date; the first year is its year.
    pub as_of: Date,
    /// How many calendar years, from `as_of`'s year.
    #[serde(default = "default_years")]
    pub years: u32,
}

fn default_years() -> u32 {
    10
}

impl RetirementOptions {
    pub fn new(as_of: Date) -> RetirementOptions {
        RetirementOptions {
            as_of,
            years: default_years(),
        }
    }

    /// The years looked at, capped so that a wild value cannot exhaust memory.
    fn span(&self) -> i32 {
        self.years.min(MAX_YEARS) as i32
    }

    /// The last day the forecast looks at: 31 December of its last year.
    pub fn until(&self) -> Date {
        let last = self.as_of.year().saturating_add(self.span() - 1);
        Date::new(last, 12, 31).unwrap_or(self.as_of)
    }
}

/// The most years a forecast looks ahead: a person hired at 18 reaches the highest legal age
/// (62) in 44 years, so 50 covers every career; the page and the CLI offer the same bound.
pub const MAX_YEARS: u32 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCount {
    pub year: i32,
    pub count: u32,
}

/// A person who reaches the age by the end of the forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retiree {
    pub index: usize,
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    pub title: Option<Title>,
    pub category: Category,
    pub gender: Gender,
    /// As the roster wrote it.
    pub birth: PartialDate,
    pub retires_on: Date,
    /// The legal age applied.
    pub age: Age,
    /// Already past the age at `as_of`.
    pub overdue: bool,
    pub origin: Origin,
}

/// Counts for one group: overdue, then one per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub overdue: u32,
    pub years: Vec<YearCount>,
    /// `overdue` plus every year.
    pub total: u32,
}

impl Timeline {
    fn new(options: &RetirementOptions) -> Timeline {
        let first = options.as_of.year();
        let years = (0..options.span())
            .map(|i| YearCount {
                year: first + i,
                count: 0,
            })
            .collect();
        Timeline {
            overdue: 0,
            years,
            total: 0,
        }
    }

    fn add(&mut self, r: &Retiree) {
        let slot = if r.overdue {
            Some(&mut self.overdue)
        } else {
            self.years
                .iter_mut()
                .find(|y| y.year == r.retires_on.year())
                .map(|y| &mut y.count)
        };
        if let Some(n) = slot {
            *n += 1;
            self.total += 1;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitTimeline {
    pub unit: String,
    /// Everyone of the unit in the roster.
    pub people: u32,
    #[serde(flatten)]
    pub timeline: Timeline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleTimeline {
    /// `None`: the position was not recognised.
    pub title: Option<Title>,
    pub label: String,
    #[serde(flatten)]
    pub timeline: Timeline,
}

/// A post whose holders reach the age by the end of the forecast, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vacancy {
    pub title: Title,
    pub label: String,
    pub count: u32,
    /// The units, in roster order, once each.
    pub units: Vec<String>,
}

/// Someone the forecast cannot place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    pub index: usize,
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    pub birth: Option<PartialDate>,
    pub gender: Option<Gender>,
}

/// The forecast (`canbo.retirement/1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    pub schema: String,
    pub as_of: Date,
    /// 31 December of the last year.
    pub until: Date,
    /// One per calendar year from `as_of`'s year; a year counts those retiring on or after
    /// `as_of` (the ones before are `overdue`).
    pub years: Vec<YearCount>,
    /// People whose retirement date is before `as_of`.
    pub overdue: u32,
    /// Overdue and coming retirements, by date.
    pub people: Vec<Retiree>,
    pub by_unit: Vec<UnitTimeline>,
    pub by_title: Vec<TitleTimeline>,
    /// Cán bộ and công chức posts emptied by the end of the forecast.
    pub vacancies: Vec<Vacancy>,
    /// A birth date but no gender: the age differs by gender, so no date is guessed.
    pub unknown_gender: Vec<Unplaced>,
    pub unknown_birth: Vec<Unplaced>,
    pub law: String,
}

/// The people behind one count of the forecast: what a drill-down lists. Every field narrows
/// the list; the default is everyone the forecast places.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetireePick {
    /// Only those already past their retirement date.
    pub overdue: bool,
    /// Only those retiring in this calendar year (never the overdue).
    pub year: Option<i32>,
    /// Only the unit at this index of `by_unit` (units are matched by their folded key, as
    /// the counts are, so every spelling of the unit is in).
    pub unit: Option<usize>,
    /// Only the title at this index of `by_title`.
    pub title: Option<usize>,
}

impl Forecast {
    /// The people behind a count, in the forecast's order (by date). Their number is the
    /// count the same pick reads in `years`, `overdue`, `by_unit` or `by_title`.
    pub fn people_in(&self, pick: &RetireePick) -> Vec<&Retiree> {
        let unit = pick
            .unit
            .and_then(|i| self.by_unit.get(i))
            .map(|u| crate::roster::unit_key(&u.unit));
        let title = pick
            .title
            .and_then(|i| self.by_title.get(i))
            .map(|t| t.title);
        if unit.is_none() && pick.unit.is_some() || title.is_none() && pick.title.is_some() {
            return Vec::new();
        }
        let mut keys = UnitKeys::default();
        self.people
            .iter()
            .filter(|p| {
                (!pick.overdue || p.overdue)
                    && pick
                        .year
                        .is_none_or(|y| !p.overdue && p.retires_on.year() == y)
                    && unit.as_deref().is_none_or(|k| keys.key(&p.unit) == k)
                    && title.is_none_or(|t| p.title == t)
            })
            .collect()
    }
}

fn unplaced(index: usize, p: &Person) -> Unplaced {
    Unplaced {
        index,
        name: p.name.clone(),
        unit: p.unit.clone(),
        position: p.position.clone(),
        birth: p.birth,
        gender: p.gender,
    }
}

/// Where the law places one person.
enum Place {
    Retires {
        retirement: super::law::Retirement,
        gender: Gender,
        birth: PartialDate,
    },
    /// A usable birth date but no gender.
    NoGender,
    /// No birth date, or one no age can be counted from.
    NoBirth,
}

fn place(p: &Person, law: &RetirementLaw) -> Place {
    let gender = p.gender.unwrap_or(Gender::Unknown);
    let Some(birth) = p.birth else {
        return Place::NoBirth;
    };
    if law.roadmap(gender).is_none() {
        return Place::NoGender;
    }
    match law.retirement(birth, gender) {
        Some(retirement) => Place::Retires {
            retirement,
            gender,
            birth,
        },
        None => Place::NoBirth,
    }
}

fn retiree(
    index: usize,
    p: &Person,
    retirement: super::law::Retirement,
    gender: Gender,
    birth: PartialDate,
    as_of: Date,
) -> Retiree {
    Retiree {
        index,
        name: p.name.clone(),
        unit: p.unit.clone(),
        position: p.position.clone(),
        title: p.title,
        category: p.category,
        gender,
        birth,
        retires_on: retirement.date,
        age: retirement.age,
        overdue: retirement.date < as_of,
        origin: p.origin.clone(),
    }
}

/// A title in `lang`; `None`, a person whose position names no post Canbo knows, is said as
/// such. Every list by title (the page, the text and CSV exports, a link's labels) says it
/// these words.
pub fn title_label(title: Option<Title>, lang: crate::lang::Lang) -> &'static str {
    match title {
        Some(title) => title.label(lang),
        None => lang.pick("Chưa xác định chức danh", "Title not known"),
    }
}

/// The forecast.
pub fn forecast(roster: &Roster, law: &RetirementLaw, options: &RetirementOptions) -> Forecast {
    let mut forecasting = Forecasting::new(law.clone(), *options);
    forecasting.add(&roster.people);
    forecasting.finish()
}

/// A forecast under way, a slice of people at a time (a page forecasts a province between
/// two frames): [`Forecasting::add`] the roster's people in order, then
/// [`Forecasting::finish`]. Only the people the forecast lists are written out.
#[derive(Debug, Clone)]
pub struct Forecasting {
    law: RetirementLaw,
    options: RetirementOptions,
    until: Date,
    /// The roster index of the next person [`Forecasting::add`] gives (the one after the
    /// last placed).
    next: usize,
    /// People placed so far.
    placed: usize,
    /// Overdue and coming retirements, in roster order, each with its place in `units`.
    people: Vec<(Retiree, usize)>,
    unknown_gender: Vec<Unplaced>,
    unknown_birth: Vec<Unplaced>,
    units: Vec<UnitTimeline>,
    /// Each unit's place in `units` (units are counted by their
    /// [`crate::roster::unit_key`], so several spellings share a place).
    places: UnitPlaces,
}

impl Forecasting {
    /// A forecast under `law` with `options`, no one placed yet.
    pub fn new(law: RetirementLaw, options: RetirementOptions) -> Forecasting {
        Forecasting {
            law,
            until: options.until(),
            options,
            next: 0,
            placed: 0,
            people: Vec::new(),
            unknown_gender: Vec::new(),
            unknown_birth: Vec::new(),
            units: Vec::new(),
            places: UnitPlaces::default(),
        }
    }

    /// People placed so far.
    pub fn placed(&self) -> usize {
        self.placed
    }

    /// Place the roster's next `people` (the first call gives its first people).
    pub fn add(&mut self, people: &[Person]) {
        for p in people {
            self.add_person(self.next, p);
        }
    }

    /// Place the people of the roster `people` at `rows` (roster indices, ascending), as the
    /// filtered roster of a report: each keeps its index in the whole roster. Rows past the
    /// roster's end are left out.
    pub fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
        for &index in rows {
            if let Some(p) = people.get(index) {
                self.add_person(index, p);
            }
        }
    }

    /// Place `p`, the roster's person at `index`.
    fn add_person(&mut self, index: usize, p: &Person) {
        self.next = index + 1;
        self.placed += 1;
        let unit = self.unit_of(&p.unit);
        self.units[unit].people += 1;
        match place(p, &self.law) {
            Place::Retires {
                retirement,
                gender,
                birth,
            } => {
                let as_of = self.options.as_of;
                if retirement.date < as_of || retirement.date <= self.until {
                    let r = retiree(index, p, retirement, gender, birth, as_of);
                    self.people.push((r, unit));
                }
            }
            Place::NoGender => self.unknown_gender.push(unplaced(index, p)),
            Place::NoBirth => self.unknown_birth.push(unplaced(index, p)),
        }
    }

    /// The place in `units` of the unit written `unit`, made on its first person.
    fn unit_of(&mut self, unit: &str) -> usize {
        let (i, new) = self.places.place(unit);
        if new {
            self.units.push(UnitTimeline {
                unit: unit.to_string(),
                people: 0,
                timeline: Timeline::new(&self.options),
            });
        }
        i
    }

    /// The forecast of the people added: the retirements by date, then counted by year,
    /// unit, title and post.
    pub fn finish(self) -> Forecast {
        let Forecasting {
            law,
            options,
            until,
            mut people,
            unknown_gender,
            unknown_birth,
            mut units,
            ..
        } = self;
        people.sort_by_key(|(r, _)| (r.retires_on, r.index));
        let mut total = Timeline::new(&options);
        let mut titles: Vec<TitleTimeline> = Vec::new();
        let mut vacancies: Vec<Vacancy> = Vec::new();
        // The units already named among a title's vacancies.
        let mut vacancy_units: std::collections::HashSet<(Title, usize)> = Default::default();
        for (r, unit) in &people {
            total.add(r);
            if let Some(u) = units.get_mut(*unit) {
                u.timeline.add(r);
            }
            match titles.iter_mut().find(|t| t.title == r.title) {
                Some(t) => t.timeline.add(r),
                None => {
                    let mut timeline = Timeline::new(&options);
                    timeline.add(r);
                    titles.push(TitleTimeline {
                        title: r.title,
                        label: title_label(r.title, crate::lang::Lang::Vi).into(),
                        timeline,
                    });
                }
            }
            // Only the posts of the commune's staff quota: "không chuyên trách" and "hợp
            // đồng" name many different jobs, not one post.
            if let Some(title) = r
                .title
                .filter(|t| matches!(t.category(), Category::CanBo | Category::CongChuc))
            {
                let new_unit = vacancy_units.insert((title, *unit));
                add_vacancy(&mut vacancies, title, &r.unit, new_unit);
            }
        }
        // Recognised titles in their order, the unrecognised last.
        titles.sort_by_key(|t| (t.title.is_none(), t.title));
        vacancies.sort_by_key(|v| v.title);

        Forecast {
            schema: SCHEMA.into(),
            as_of: options.as_of,
            until,
            years: total.years,
            overdue: total.overdue,
            people: people.into_iter().map(|(r, _)| r).collect(),
            by_unit: units,
            by_title: titles,
            vacancies,
            unknown_gender,
            unknown_birth,
            law: law.name,
        }
    }
}

/// One more post of `title` emptied in `unit` (`new_unit`: the first of that title there).
fn add_vacancy(vacancies: &mut Vec<Vacancy>, title: Title, unit: &str, new_unit: bool) {
    match vacancies.iter_mut().find(|v| v.title == title) {
        Some(v) => {
            v.count += 1;
            if new_unit {
                v.units.push(unit.to_string());
            }
        }
        None => vacancies.push(Vacancy {
            title,
            label: title.label_vi().into(),
            count: 1,
            units: vec![unit.to_string()],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_labelled_in_either_language_and_so_is_a_missing_one() {
        use crate::lang::Lang;
        assert_eq!(title_label(None, Lang::Vi), "Chưa xác định chức danh");
        assert_eq!(title_label(None, Lang::En), "Title not known");
        for &title in Title::ALL {
            assert_eq!(title_label(Some(title), Lang::Vi), title.label(Lang::Vi));
            assert_eq!(title_label(Some(title), Lang::En), title.label(Lang::En));
        }
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn person(
        name: &str,
        unit: &str,
        title: Option<Title>,
        gender: Option<Gender>,
        birth: Option<&str>,
    ) -> Person {
        Person {
            birth: birth.map(|b| serde_json::from_value(serde_json::json!(b)).unwrap()),
            gender,
            position: title.map(|t| t.label_vi().to_string()),
            title,
            category: title.map_or(Category::Unknown, Title::category),
            ..Person::blank(name, unit)
        }
    }

    use Gender::{Nam, Nu};
    use Title::*;

    /// As of 31/12/2024, ten years (2024–2033).
    fn roster() -> Roster {
        let people = vec![
            // 1963-04 + 61y = 2024-04-30: before as_of → overdue.
            person(
                "A",
                "Xã Na Son",
                Some(ChuTichUbnd),
                Some(Nam),
                Some("1963-04-15"),
            ),
            // 1963-12 + 61y = 2024-12-31 = as_of: retiring today, not overdue; counts for 2024.
            person(
                "B",
                "Xã Na Son",
                Some(TaiChinhKeToan),
                Some(Nam),
                Some("1963-12-02"),
            ),
            // 1968-09 + 56y8m = 2025-05-31.
            person(
                "C",
                "Xã Pò Mã",
                Some(ChuTichUbnd),
                Some(Nu),
                Some("1968-09"),
            ),
            // Year only: 1970-01-01, 2032 (62y) → 2032-01-31.
            person("D", "xã pò mã", None, Some(Nam), Some("1970")),
            // 1975-05 → 2035-05-31: after the window.
            person(
                "E",
                "Xã Pò Mã",
                Some(VanHoaXaHoi),
                Some(Nu),
                Some("1975-05"),
            ),
            // A birth date but no gender; a gender but no birth date.
            person(
                "F",
                "Xã Na Son",
                Some(BiThu),
                Some(Gender::Unknown),
                Some("1960"),
            ),
            person("G", "Xã Na Son", Some(BiThu), Some(Nam), None),
            person(
                "H",
                "Xã Khuổi Lầy",
                Some(TuPhapHoTich),
                None,
                Some("1990-01-01"),
            ),
            // 1964-01: 2024 (61y) → 2025-01 ✗; 2025 (61y3m) → 2025-04-30. Not a post of the quota.
            person(
                "I",
                "Xã Khuổi Lầy",
                Some(KhongChuyenTrach),
                Some(Nam),
                Some("1964-01-20"),
            ),
        ];
        Roster {
            people,
            ..Default::default()
        }
    }

    fn run(years: u32) -> Forecast {
        forecast(
            &roster(),
            &RetirementLaw::default(),
            &RetirementOptions {
                as_of: d("2024-12-31"),
                years,
            },
        )
    }

    #[test]
    fn one_entry_per_year_from_the_year_of_as_of() {
        let f = run(10);
        let years: Vec<i32> = f.years.iter().map(|y| y.year).collect();
        assert_eq!(years, (2024..=2033).collect::<Vec<_>>());
        let counts: Vec<u32> = f.years.iter().map(|y| y.count).collect();
        assert_eq!(counts, [1, 2, 0, 0, 0, 0, 0, 0, 1, 0]);
        assert_eq!(f.overdue, 1);
        assert_eq!(f.until, d("2033-12-31"));
        assert_eq!(run(1).years.len(), 1);
        // A wild number of years is capped, not allocated.
        assert_eq!(run(u32::MAX).years.len(), MAX_YEARS as usize);
    }

    #[test]
    fn people_are_listed_by_date_with_overdue_first() {
        let f = run(10);
        let people: Vec<(&str, String, bool)> = f
            .people
            .iter()
            .map(|r| (r.name.as_str(), r.retires_on.to_string(), r.overdue))
            .collect();
        assert_eq!(
            people,
            [
                ("A", "2024-04-30".to_string(), true),
                ("B", "2024-12-31".to_string(), false),
                ("I", "2025-04-30".to_string(), false),
                ("C", "2025-05-31".to_string(), false),
                ("D", "2032-01-31".to_string(), false),
            ]
        );
        let json = serde_json::to_value(&f.people[4]).unwrap();
        assert_eq!(
            (json["birth"].as_str(), json["gender"].as_str()),
            (Some("1970"), Some("nam"))
        );
    }

    #[test]
    fn who_cannot_be_placed_is_said_not_guessed() {
        let f = run(10);
        let names = |list: &[Unplaced]| list.iter().map(|u| u.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&f.unknown_gender), ["F", "H"]);
        assert_eq!(names(&f.unknown_birth), ["G"]);
    }

    #[test]
    fn units_and_titles_break_the_counts_down() {
        let f = run(10);
        let units: Vec<(&str, u32, u32, u32)> = f
            .by_unit
            .iter()
            .map(|u| {
                (
                    u.unit.as_str(),
                    u.people,
                    u.timeline.overdue,
                    u.timeline.total,
                )
            })
            .collect();
        assert_eq!(
            units,
            [
                ("Xã Na Son", 4, 1, 2),
                ("Xã Pò Mã", 3, 0, 2),
                ("Xã Khuổi Lầy", 2, 0, 1)
            ]
        );
        let titles: Vec<(&str, u32)> = f
            .by_title
            .iter()
            .map(|t| (t.label.as_str(), t.timeline.total))
            .collect();
        assert_eq!(
            titles,
            [
                ("Chủ tịch UBND", 2),
                ("Tài chính – kế toán", 1),
                ("Không chuyên trách", 1),
                ("Chưa xác định chức danh", 1)
            ]
        );
        let vacancies: Vec<(Title, u32, Vec<String>)> = f
            .vacancies
            .iter()
            .map(|v| (v.title, v.count, v.units.clone()))
            .collect();
        assert_eq!(
            vacancies,
            [
                (
                    ChuTichUbnd,
                    2,
                    vec!["Xã Na Son".to_string(), "Xã Pò Mã".to_string()]
                ),
                (TaiChinhKeToan, 1, vec!["Xã Na Son".to_string()]),
            ]
        );
    }

    #[test]
    fn every_breakdown_adds_up_to_the_total() {
        let f = run(10);
        let total = f.overdue + f.years.iter().map(|y| y.count).sum::<u32>();
        assert_eq!(total as usize, f.people.len());
        assert_eq!(
            f.by_unit.iter().map(|u| u.timeline.total).sum::<u32>(),
            total
        );
        assert_eq!(
            f.by_title.iter().map(|t| t.timeline.total).sum::<u32>(),
            total
        );
    }

    #[test]
    fn the_json_keeps_the_schema_keys() {
        let json = serde_json::to_value(run(10)).unwrap();
        assert_eq!(json["schema"], "canbo.retirement/1");
        assert_eq!(json["as_of"], "2024-12-31");
        assert_eq!(
            json["years"][0],
            serde_json::json!({"year": 2024, "count": 1})
        );
        assert_eq!(json["overdue"], 1);
        for key in ["name", "unit", "position", "gender", "birth", "retires_on"] {
            assert!(json["people"][0].get(key).is_some(), "{key}");
        }
        let back: Forecast = serde_json::from_value(json).unwrap();
        assert_eq!(back, run(10));
    }
}
