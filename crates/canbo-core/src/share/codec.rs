//! [`Shared`] ⇄ the bytes of a link (before compression).
//!
//! The payload is the *shape* first (flags, date, bands, filter, the names of the units, which
//! breakdowns exist, which categories, titles and needs are listed), then every figure as a
//! varint in one fixed order. That order is [`walk`]: one traversal, used to write, to read,
//! to hide small counts and to check sums, so the four cannot disagree about where a figure
//! is or what its path is.
//!
//! Compactness: codes are never written, only figures in their enum's order; a unit's name is
//! written once however many tables name it; band labels, need labels, title labels and the
//! forecast's years and end date are derived. Hideable figures (a unit's, a title's) are
//! written as `n + 1` in a link with hidden counts, `0` meaning hidden.

use super::hide::Hidden;
use super::wire::{Reader, Writer};
use super::{limits, Damage, LinkError, RetirementCounts, Shared, StandardsCounts};
use crate::codes::*;
use crate::date::Date;
use crate::report::{
    AgeBands, Ages, Counts, Dimension, Figures, Filter, Report, UnitFigures, SCHEMA,
};
use crate::retirement::{Timeline, TitleTimeline, UnitTimeline, YearCount};
use crate::standards::training::need_label;
use crate::standards::{Criterion, NeedCount, RuleSetRef, Tally, UnitTally};
use crate::vocab::positions::Title;
use std::collections::{BTreeMap, HashMap};

const FLAG_TITLE: u64 = 1;
const FLAG_HIDDEN: u64 = 2;
const FLAG_STANDARDS: u64 = 4;
const FLAG_RETIREMENT: u64 = 8;
const FLAGS: u64 = FLAG_TITLE | FLAG_HIDDEN | FLAG_STANDARDS | FLAG_RETIREMENT;

/// Dates a link may name: 1559 to 2380, far beyond any report, short of any overflow.
const DAYS: i64 = 150_000;

/// Where a figure sits: counted exactly (totals, a group's people), or among those a
/// threshold may hide, with its path (built only when needed).
pub(super) enum Slot<'a> {
    Exact,
    Hideable(&'a dyn Fn() -> String),
}

/// Something done to every figure in [`walk`] order.
pub(super) trait Visit {
    fn count(&mut self, n: &mut u32, slot: Slot<'_>) -> Result<(), Damage>;
}

/// Every figure of a shared report, in link order.
pub(super) fn walk(s: &mut Shared, v: &mut dyn Visit) -> Result<(), Damage> {
    figures(&mut s.report.figures, None, v)?;
    for (i, u) in s.report.units.iter_mut().enumerate() {
        figures(&mut u.figures, Some(&format!("units.{i}.")), v)?;
    }
    if let Some(st) = &mut s.standards {
        standards(st, v)?;
    }
    if let Some(r) = &mut s.retirement {
        retirement(r, v)?;
    }
    Ok(())
}

fn put(
    v: &mut dyn Visit,
    n: &mut u32,
    prefix: Option<&str>,
    key: &dyn Fn() -> String,
) -> Result<(), Damage> {
    match prefix {
        None => v.count(n, Slot::Exact),
        Some(p) => v.count(n, Slot::Hideable(&|| format!("{p}{}", key()))),
    }
}

fn breakdown<T: Code>(
    v: &mut dyn Visit,
    counts: Option<&mut Counts<T>>,
    name: &str,
    prefix: Option<&str>,
) -> Result<(), Damage> {
    if let Some(c) = counts {
        for (n, code) in c.values_mut().iter_mut().zip(T::ALL) {
            put(v, n, prefix, &|| format!("{name}.{}", code.code()))?;
        }
    }
    Ok(())
}

fn single(
    v: &mut dyn Visit,
    n: &mut Option<u32>,
    name: &str,
    prefix: Option<&str>,
) -> Result<(), Damage> {
    match n {
        Some(n) => put(v, n, prefix, &|| name.to_string()),
        None => Ok(()),
    }
}

/// A group's figures; `prefix` is `Some` for a unit's, whose figures (not people) hide.
pub(super) fn figures(
    f: &mut Figures,
    prefix: Option<&str>,
    v: &mut dyn Visit,
) -> Result<(), Damage> {
    v.count(&mut f.people, Slot::Exact)?;
    breakdown(v, Some(&mut f.category), "category", prefix)?;
    breakdown(v, f.gender.as_mut(), "gender", prefix)?;
    single(v, &mut f.party_member, "party_member", prefix)?;
    single(v, &mut f.ethnic_minority, "ethnic_minority", prefix)?;
    single(v, &mut f.religious, "religious", prefix)?;
    breakdown(v, f.general_education.as_mut(), "general_education", prefix)?;
    breakdown(v, f.professional.as_mut(), "professional", prefix)?;
    breakdown(v, f.political_theory.as_mut(), "political_theory", prefix)?;
    breakdown(v, f.state_management.as_mut(), "state_management", prefix)?;
    breakdown(v, f.evaluation.as_mut(), "evaluation", prefix)?;
    for (i, band) in f.age.bands.iter_mut().enumerate() {
        put(v, &mut band.count, prefix, &|| {
            format!("age.bands.{i}.count")
        })?;
    }
    put(v, &mut f.age.unknown, prefix, &|| "age.unknown".into())
}

const CRITERIA: [&str; 3] = ["general_education", "professional", "political_theory"];

/// A tally of the standards; its people are exact, the rest hides under a `prefix`.
pub(super) fn tally(t: &mut Tally, prefix: Option<&str>, v: &mut dyn Visit) -> Result<(), Damage> {
    v.count(&mut t.people, Slot::Exact)?;
    put(v, &mut t.not_covered, prefix, &|| "not_covered".into())?;
    let c = &mut t.criteria;
    for (name, counts) in CRITERIA.into_iter().zip([
        &mut c.general_education,
        &mut c.professional,
        &mut c.political_theory,
    ]) {
        for (key, n) in [
            ("meets", &mut counts.meets),
            ("below", &mut counts.below),
            ("unknown", &mut counts.unknown),
            ("grace", &mut counts.grace),
            ("not_required", &mut counts.not_required),
        ] {
            put(v, n, prefix, &|| format!("criteria.{name}.{key}"))?;
        }
    }
    put(v, &mut t.meets_all, prefix, &|| "meets_all".into())?;
    let o = &mut t.overall;
    for (key, n) in [
        ("meets", &mut o.meets),
        ("below", &mut o.below),
        ("unknown", &mut o.unknown),
        ("grace", &mut o.grace),
    ] {
        put(v, n, prefix, &|| format!("overall.{key}"))?;
    }
    Ok(())
}

/// A row of the forecast: overdue, each year, the row's total.
pub(super) fn timeline(
    t: &mut Timeline,
    prefix: Option<&str>,
    v: &mut dyn Visit,
) -> Result<(), Damage> {
    put(v, &mut t.overdue, prefix, &|| "overdue".into())?;
    for (k, y) in t.years.iter_mut().enumerate() {
        put(v, &mut y.count, prefix, &|| format!("years.{k}.count"))?;
    }
    put(v, &mut t.total, prefix, &|| "total".into())
}

fn standards(st: &mut StandardsCounts, v: &mut dyn Visit) -> Result<(), Damage> {
    for t in st.by_category.values_mut() {
        tally(t, None, v)?;
    }
    tally(&mut st.total, None, v)?;
    for (i, u) in st.by_unit.iter_mut().enumerate() {
        tally(&mut u.tally, Some(&format!("standards.by_unit.{i}.")), v)?;
    }
    for n in [
        &mut st.people_below,
        &mut st.people_in_grace,
        &mut st.people_unknown,
    ] {
        v.count(n, Slot::Exact)?;
    }
    for need in &mut st.training_needs {
        v.count(&mut need.count, Slot::Exact)?;
        v.count(&mut need.in_grace, Slot::Exact)?;
    }
    Ok(())
}

fn retirement(r: &mut RetirementCounts, v: &mut dyn Visit) -> Result<(), Damage> {
    v.count(&mut r.overdue, Slot::Exact)?;
    for y in &mut r.years {
        v.count(&mut y.count, Slot::Exact)?;
    }
    v.count(&mut r.unknown_gender, Slot::Exact)?;
    v.count(&mut r.unknown_birth, Slot::Exact)?;
    for (i, u) in r.by_unit.iter_mut().enumerate() {
        v.count(&mut u.people, Slot::Exact)?;
        timeline(
            &mut u.timeline,
            Some(&format!("retirement.by_unit.{i}.")),
            v,
        )?;
    }
    for (i, t) in r.by_title.iter_mut().enumerate() {
        timeline(
            &mut t.timeline,
            Some(&format!("retirement.by_title.{i}.")),
            v,
        )?;
    }
    Ok(())
}

/// Which breakdowns a group has, as bits in [`Figures`] order.
pub(super) fn presence(f: &Figures) -> u64 {
    [
        f.gender.is_some(),
        f.party_member.is_some(),
        f.ethnic_minority.is_some(),
        f.religious.is_some(),
        f.general_education.is_some(),
        f.professional.is_some(),
        f.political_theory.is_some(),
        f.state_management.is_some(),
        f.evaluation.is_some(),
    ]
    .iter()
    .enumerate()
    .fold(0, |bits, (i, yes)| bits | (u64::from(*yes) << i))
}

/// Empty figures with the breakdowns of `bits` and the bands.
pub(super) fn skeleton(bits: u64, bands: &AgeBands) -> Figures {
    fn some<T: Default>(bits: u64, i: u32) -> Option<T> {
        (bits & (1 << i) != 0).then(T::default)
    }
    Figures {
        people: 0,
        category: Counts::default(),
        gender: some(bits, 0),
        party_member: some(bits, 1),
        ethnic_minority: some(bits, 2),
        religious: some(bits, 3),
        general_education: some(bits, 4),
        professional: some(bits, 5),
        political_theory: some(bits, 6),
        state_management: some(bits, 7),
        evaluation: some(bits, 8),
        age: Ages {
            bands: bands.bands(),
            unknown: 0,
        },
    }
}

/// Give `f` the breakdowns of `like`: one it lacks counts its people as unknown (as a merged
/// roster does for a sheet without the column), one `like` lacks is dropped.
pub(super) fn conform(f: &mut Figures, like: &Figures) {
    fn level<T: Code>(mine: &mut Option<Counts<T>>, like: &Option<Counts<T>>, people: u32) {
        match (mine.is_some(), like.is_some()) {
            (false, true) => {
                let mut c = Counts::default();
                c.set(T::UNKNOWN, people);
                *mine = Some(c);
            }
            (true, false) => *mine = None,
            _ => {}
        }
    }
    fn yes(mine: &mut Option<u32>, like: &Option<u32>) {
        match (mine.is_some(), like.is_some()) {
            (false, true) => *mine = Some(0),
            (true, false) => *mine = None,
            _ => {}
        }
    }
    let people = f.people;
    level(&mut f.gender, &like.gender, people);
    yes(&mut f.party_member, &like.party_member);
    yes(&mut f.ethnic_minority, &like.ethnic_minority);
    yes(&mut f.religious, &like.religious);
    level(&mut f.general_education, &like.general_education, people);
    level(&mut f.professional, &like.professional, people);
    level(&mut f.political_theory, &like.political_theory, people);
    level(&mut f.state_management, &like.state_management, people);
    level(&mut f.evaluation, &like.evaluation, people);
}

struct Writing<'a> {
    w: Writer,
    hidden: &'a Hidden,
    masked: bool,
}

impl Visit for Writing<'_> {
    fn count(&mut self, n: &mut u32, slot: Slot<'_>) -> Result<(), Damage> {
        // Never write a link the decoder would refuse.
        if *n > limits::PEOPLE {
            return Err(Damage::OutOfRange("figure"));
        }
        match slot {
            Slot::Hideable(path) if self.masked => {
                if self.hidden.contains(&path()) {
                    self.w.uint(0);
                } else {
                    self.w.uint(u64::from(*n) + 1);
                }
            }
            _ => self.w.uint(u64::from(*n)),
        }
        Ok(())
    }
}

struct Reading<'a, 'b> {
    r: &'b mut Reader<'a>,
    hidden: &'b mut Hidden,
    masked: bool,
}

impl Visit for Reading<'_, '_> {
    fn count(&mut self, n: &mut u32, slot: Slot<'_>) -> Result<(), Damage> {
        match slot {
            Slot::Hideable(path) if self.masked => {
                match self.r.count(limits::PEOPLE + 1, "figure")? {
                    0 => {
                        *n = 0;
                        self.hidden.paths.insert(path());
                    }
                    v => *n = v - 1,
                }
            }
            _ => *n = self.r.count(limits::PEOPLE, "figure")?,
        }
        Ok(())
    }
}

fn text_fits(s: &str) -> Result<(), LinkError> {
    if s.len() > limits::TEXT {
        return Err(LinkError::TooLarge);
    }
    Ok(())
}

/// The unit names of all tables, each once, and each table's indexes into them.
#[derive(Default)]
struct Names {
    list: Vec<String>,
    at: HashMap<String, usize>,
}

impl Names {
    fn index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.at.get(name) {
            return i;
        }
        self.list.push(name.to_string());
        self.at.insert(name.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }
}

fn days(d: Date) -> i64 {
    d.to_days()
}

pub(super) fn encode(shared: &Shared) -> Result<Vec<u8>, LinkError> {
    let mut s = shared.clone();
    let masked = s.hidden.below != 0;
    if !s.hidden.paths.is_empty() && !masked {
        return Err(LinkError::BadThreshold { below: 0 });
    }
    if masked && !(super::HIDE_MIN..=super::HIDE_MAX).contains(&s.hidden.below) {
        return Err(LinkError::BadThreshold {
            below: s.hidden.below,
        });
    }
    if s.report.units.len() > limits::UNITS {
        return Err(LinkError::TooLarge);
    }
    let top = s.report.figures.clone();
    for u in &mut s.report.units {
        conform(&mut u.figures, &top);
    }
    let mut w = Writer::default();
    let mut flags = 0;
    if s.title.is_some() {
        flags |= FLAG_TITLE;
    }
    if masked {
        flags |= FLAG_HIDDEN;
    }
    if s.standards.is_some() {
        flags |= FLAG_STANDARDS;
    }
    if s.retirement.is_some() {
        flags |= FLAG_RETIREMENT;
    }
    w.uint(flags);
    if let Some(title) = &s.title {
        text_fits(title)?;
        w.text(title);
    }
    if masked {
        w.uint(u64::from(s.hidden.below));
    }
    w.int(days(s.report.as_of));
    let bounds = s.age_bands.bounds();
    w.uint(bounds.len() as u64);
    let mut previous = 0;
    for &b in bounds {
        w.uint(u64::from(b - previous));
        previous = b;
    }
    w.uint(s.filter.conditions.len() as u64);
    for (dim, values) in &s.filter.conditions {
        let i = Dimension::ALL.iter().position(|d| d == dim).unwrap_or(0);
        w.uint(i as u64);
        if values.len() > limits::FILTER_VALUES {
            return Err(LinkError::TooLarge);
        }
        w.uint(values.len() as u64);
        for value in values {
            text_fits(value)?;
            w.text(value);
        }
    }
    w.uint(u64::from(s.source_count));
    w.uint(u64::from(s.warning_count));
    w.uint(presence(&top));

    let mut names = Names::default();
    let units: Vec<usize> = s
        .report
        .units
        .iter()
        .map(|u| names.index(&u.unit))
        .collect();
    let standard_units: Vec<(usize, bool)> = s
        .standards
        .iter()
        .flat_map(|st| &st.by_unit)
        .map(|u| (names.index(&u.unit), u.difficult_area))
        .collect();
    let retirement_units: Vec<usize> = s
        .retirement
        .iter()
        .flat_map(|r| &r.by_unit)
        .map(|u| names.index(&u.unit))
        .collect();
    if names.list.len() > 3 * limits::UNITS {
        return Err(LinkError::TooLarge);
    }
    w.uint(names.list.len() as u64);
    for name in &names.list {
        text_fits(name)?;
        w.text(name);
    }
    w.uint(units.len() as u64);
    for i in units {
        w.uint(i as u64);
    }
    if let Some(st) = &s.standards {
        for text in [&st.rule_set.id, &st.rule_set.name] {
            text_fits(text)?;
            w.text(text);
        }
        w.int(days(st.rule_set.effective_from));
        w.bool(st.rule_set.in_force);
        w.uint(st.by_category.len() as u64);
        for category in st.by_category.keys() {
            w.uint(code_index(*category) as u64);
        }
        if standard_units.len() > limits::UNITS || st.training_needs.len() > limits::ROWS {
            return Err(LinkError::TooLarge);
        }
        w.uint(standard_units.len() as u64);
        for (i, difficult) in standard_units {
            w.uint(i as u64);
            w.bool(difficult);
        }
        w.uint(st.training_needs.len() as u64);
        for need in &st.training_needs {
            let c = Criterion::ALL
                .iter()
                .position(|c| *c == need.criterion)
                .unwrap_or(0);
            w.uint(c as u64);
            w.uint(level_index(need.criterion, &need.need).ok_or(LinkError::TooLarge)? as u64);
        }
    }
    if let Some(r) = &s.retirement {
        w.int(days(r.as_of) - days(s.report.as_of));
        if r.years.is_empty()
            || r.years.len() > limits::YEARS
            || retirement_units.len() > limits::UNITS
            || r.by_title.len() > limits::ROWS
        {
            return Err(LinkError::TooLarge);
        }
        w.uint(r.years.len() as u64);
        w.uint(retirement_units.len() as u64);
        for i in retirement_units {
            w.uint(i as u64);
        }
        w.uint(r.by_title.len() as u64);
        for t in &r.by_title {
            let code = t
                .title
                .and_then(|t| Title::ALL.iter().position(|x| *x == t))
                .map_or(0, |i| i + 1);
            w.uint(code as u64);
        }
    }
    let hidden = s.hidden.clone();
    let mut writing = Writing {
        w,
        hidden: &hidden,
        masked,
    };
    walk(&mut s, &mut writing).map_err(|_| LinkError::TooLarge)?;
    Ok(writing.w.bytes)
}

fn code_index<T: Code>(value: T) -> usize {
    T::ALL.iter().position(|v| *v == value).unwrap_or(0)
}

/// The index of a level code in its criterion's enum.
fn level_index(criterion: Criterion, code: &str) -> Option<usize> {
    fn find<T: Code>(code: &str) -> Option<usize> {
        T::ALL.iter().position(|v| v.code() == code)
    }
    match criterion {
        Criterion::GeneralEducation => find::<GeneralEducation>(code),
        Criterion::Professional => find::<Professional>(code),
        Criterion::PoliticalTheory => find::<PoliticalTheory>(code),
    }
}

/// The level code at an index of a criterion's enum.
fn level_code(criterion: Criterion, i: usize) -> Option<&'static str> {
    fn at<T: Code>(i: usize) -> Option<&'static str> {
        T::ALL.get(i).map(|v| v.code())
    }
    match criterion {
        Criterion::GeneralEducation => at::<GeneralEducation>(i),
        Criterion::Professional => at::<Professional>(i),
        Criterion::PoliticalTheory => at::<PoliticalTheory>(i),
    }
}

fn date(r: &mut Reader, what: &'static str) -> Result<Date, Damage> {
    let d = r.int()?;
    if !(-DAYS..=DAYS).contains(&d) {
        return Err(Damage::OutOfRange(what));
    }
    Ok(Date::from_days(d))
}

fn empty_tally() -> Tally {
    Tally::default()
}

pub(super) fn decode(bytes: &[u8]) -> Result<Shared, Damage> {
    let mut r = Reader::new(bytes);
    let flags = r.uint()?;
    if flags & !FLAGS != 0 {
        return Err(Damage::OutOfRange("flags"));
    }
    let title = if flags & FLAG_TITLE != 0 {
        Some(r.text(limits::TEXT, "title")?)
    } else {
        None
    };
    let mut hidden = Hidden::default();
    let masked = flags & FLAG_HIDDEN != 0;
    if masked {
        let below = r.count(super::HIDE_MAX, "threshold")?;
        if below < super::HIDE_MIN {
            return Err(Damage::OutOfRange("threshold"));
        }
        hidden.below = below;
    }
    let as_of = date(&mut r, "date")?;
    let n = r.len(150, "age bands")?;
    let mut bounds = Vec::with_capacity(n);
    let mut previous: u32 = 0;
    for _ in 0..n {
        let step = r.count(150, "age bands")?;
        previous = previous.saturating_add(step);
        bounds.push(previous);
    }
    let bands = AgeBands::new(bounds).map_err(|_| Damage::OutOfRange("age bands"))?;
    let n = r.len(Dimension::ALL.len(), "filter")?;
    let mut filter = Filter::default();
    for _ in 0..n {
        let dim = Dimension::ALL
            .get(r.index(Dimension::ALL.len(), "filter")?)
            .copied()
            .ok_or(Damage::OutOfRange("filter"))?;
        let m = r.len(limits::FILTER_VALUES, "filter values")?;
        let values = (0..m)
            .map(|_| r.text(limits::TEXT, "filter value"))
            .collect::<Result<Vec<_>, _>>()?;
        filter.conditions.push((dim, values));
    }
    let source_count = r.count(u32::MAX, "sources")?;
    let warning_count = r.count(u32::MAX, "warnings")?;
    let bits = r.at_most((1 << 9) - 1, "breakdowns")?;

    let n = r.len(3 * limits::UNITS, "names")?;
    let names = (0..n)
        .map(|_| r.text(limits::TEXT, "unit name"))
        .collect::<Result<Vec<_>, _>>()?;
    let name = |r: &mut Reader| -> Result<String, Damage> {
        let i = r.index(names.len(), "unit name")?;
        names.get(i).cloned().ok_or(Damage::OutOfRange("unit name"))
    };
    let n = r.len(limits::UNITS, "units")?;
    let mut units = Vec::with_capacity(n);
    for _ in 0..n {
        units.push(UnitFigures {
            unit: name(&mut r)?,
            figures: skeleton(bits, &bands),
        });
    }
    let standards = if flags & FLAG_STANDARDS != 0 {
        let id = r.text(limits::TEXT, "rule set")?;
        let rule_name = r.text(limits::TEXT, "rule set")?;
        let effective_from = date(&mut r, "rule set date")?;
        let in_force = r.bool()?;
        let n = r.len(Category::ALL.len(), "categories")?;
        let mut by_category = BTreeMap::new();
        let mut last: Option<usize> = None;
        for _ in 0..n {
            let i = r.index(Category::ALL.len(), "category")?;
            if last.is_some_and(|l| i <= l) {
                return Err(Damage::OutOfRange("category order"));
            }
            last = Some(i);
            let category = Category::ALL
                .get(i)
                .copied()
                .ok_or(Damage::OutOfRange("category"))?;
            by_category.insert(category, empty_tally());
        }
        let n = r.len(limits::UNITS, "units")?;
        let mut by_unit = Vec::with_capacity(n);
        for _ in 0..n {
            by_unit.push(UnitTally {
                unit: name(&mut r)?,
                difficult_area: r.bool()?,
                tally: empty_tally(),
            });
        }
        let n = r.len(limits::ROWS, "training needs")?;
        let mut training_needs = Vec::with_capacity(n);
        for _ in 0..n {
            let criterion = Criterion::ALL
                .get(r.index(Criterion::ALL.len(), "criterion")?)
                .copied()
                .ok_or(Damage::OutOfRange("criterion"))?;
            let need = level_code(criterion, r.uint()?.try_into().unwrap_or(usize::MAX))
                .ok_or(Damage::OutOfRange("level"))?;
            training_needs.push(NeedCount {
                criterion,
                need: need.to_string(),
                label: need_label(criterion, need),
                count: 0,
                in_grace: 0,
            });
        }
        Some(StandardsCounts {
            rule_set: RuleSetRef {
                id,
                name: rule_name,
                effective_from,
                in_force,
            },
            by_category,
            by_unit,
            total: empty_tally(),
            people_below: 0,
            people_in_grace: 0,
            people_unknown: 0,
            training_needs,
        })
    } else {
        None
    };
    let retirement = if flags & FLAG_RETIREMENT != 0 {
        let delta = r.int()?;
        if !(-DAYS..=DAYS).contains(&delta) || !(-DAYS..=DAYS).contains(&(days(as_of) + delta)) {
            return Err(Damage::OutOfRange("forecast date"));
        }
        let forecast_as_of = Date::from_days(days(as_of) + delta);
        let span = r.len(limits::YEARS, "years")?;
        if span == 0 {
            return Err(Damage::OutOfRange("years"));
        }
        let first = forecast_as_of.year();
        let years: Vec<YearCount> = (0..span as i32)
            .map(|k| YearCount {
                year: first + k,
                count: 0,
            })
            .collect();
        let until = Date::new(first + span as i32 - 1, 12, 31).unwrap_or(forecast_as_of);
        let timeline = || Timeline {
            overdue: 0,
            years: years.clone(),
            total: 0,
        };
        let n = r.len(limits::UNITS, "units")?;
        let mut by_unit = Vec::with_capacity(n);
        for _ in 0..n {
            by_unit.push(UnitTimeline {
                unit: name(&mut r)?,
                people: 0,
                timeline: timeline(),
            });
        }
        let n = r.len(limits::ROWS, "titles")?;
        let mut by_title = Vec::with_capacity(n);
        for _ in 0..n {
            let code = r.index(Title::ALL.len() + 1, "title")?;
            let title = code.checked_sub(1).and_then(|i| Title::ALL.get(i)).copied();
            by_title.push(TitleTimeline {
                title,
                label: crate::retirement::title_label(title, crate::lang::Lang::Vi).into(),
                timeline: timeline(),
            });
        }
        Some(RetirementCounts {
            as_of: forecast_as_of,
            until,
            years: years.clone(),
            overdue: 0,
            retiring: 0,
            by_unit,
            by_title,
            unknown_gender: 0,
            unknown_birth: 0,
        })
    } else {
        None
    };
    let mut shared = Shared {
        report: Report {
            schema: SCHEMA.into(),
            as_of,
            figures: skeleton(bits, &bands),
            units,
            sources: Vec::new(),
            warnings: Vec::new().into(),
        },
        title,
        age_bands: bands,
        filter,
        source_count,
        warning_count,
        standards,
        retirement,
        hidden: Hidden::default(),
    };
    let mut reading = Reading {
        r: &mut r,
        hidden: &mut hidden,
        masked,
    };
    walk(&mut shared, &mut reading)?;
    r.end()?;
    shared.hidden = hidden;
    if let Some(ret) = &mut shared.retirement {
        ret.retiring = ret
            .years
            .iter()
            .try_fold(ret.overdue, |sum, y| sum.checked_add(y.count))
            .ok_or(Damage::OutOfRange("retiring"))?;
    }
    Ok(shared)
}
