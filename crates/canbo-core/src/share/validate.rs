//! The figures of a decoded link must add up before anything is shown: a crafted or edited
//! link that survived the checksum still cannot put a report on screen whose breakdowns
//! disagree with its people, or whose units disagree with its total.
//!
//! Every check works on spans: an exact figure is `n..=n`, a hidden one `1..=below-1`, and a
//! sum must be able to equal its total.

use super::codec::{figures, tally, timeline, Slot, Visit};
use super::hide::Hidden;
use super::{Damage, Shared};
use crate::codes::Code;
use crate::report::{Counts, Figures};
use crate::retirement::Timeline;
use crate::standards::Tally;

type Span = (u64, u64);

fn add(a: Span, b: Span) -> Span {
    (a.0 + b.0, a.1 + b.1)
}

fn meets(a: Span, b: Span) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn inconsistent(what: impl Into<String>) -> Damage {
    Damage::Inconsistent(what.into())
}

/// Spans of a group's figures, in walk order.
struct Spans<'a> {
    hidden: &'a Hidden,
    out: Vec<Span>,
}

impl Visit for Spans<'_> {
    fn count(&mut self, n: &mut u32, slot: Slot<'_>) -> Result<(), Damage> {
        self.out.push(match slot {
            Slot::Exact => (u64::from(*n), u64::from(*n)),
            Slot::Hideable(path) => self.hidden.span(*n, path),
        });
        Ok(())
    }
}

fn spans<T>(
    hidden: &Hidden,
    item: &T,
    walk: impl FnOnce(&mut T, &mut Spans) -> Result<(), Damage>,
) -> Result<Vec<Span>, Damage>
where
    T: Clone,
{
    let mut copy = item.clone();
    let mut s = Spans {
        hidden,
        out: Vec::new(),
    };
    walk(&mut copy, &mut s)?;
    Ok(s.out)
}

/// The groups' figures, summed place by place, must be able to equal the total's.
fn parts_make_whole(parts: &[Vec<Span>], whole: &[Span], what: &str) -> Result<(), Damage> {
    let mut sum = vec![(0u64, 0u64); whole.len()];
    for part in parts {
        if part.len() != whole.len() {
            return Err(inconsistent(what));
        }
        for (s, p) in sum.iter_mut().zip(part) {
            *s = add(*s, *p);
        }
    }
    if sum.iter().zip(whole).all(|(s, w)| meets(*s, *w)) {
        Ok(())
    } else {
        Err(inconsistent(what))
    }
}

/// A group's own figures: every breakdown and the bands add up to its people.
fn group(f: &Figures, hidden: &Hidden, prefix: &str) -> Result<(), Damage> {
    let people = (u64::from(f.people), u64::from(f.people));
    let span = |n: u32, key: &str| hidden.span(n, || format!("{prefix}{key}"));
    fn level<T: Code>(
        c: Option<&Counts<T>>,
        name: &str,
        span: &dyn Fn(u32, &str) -> Span,
        people: Span,
    ) -> Result<(), Damage> {
        let Some(c) = c else { return Ok(()) };
        let sum = c
            .iter()
            .map(|(code, n)| span(n, &format!("{name}.{}", code.code())))
            .fold((0, 0), add);
        if meets(sum, people) {
            Ok(())
        } else {
            Err(inconsistent(name))
        }
    }
    level(Some(&f.category), "category", &span, people)?;
    level(f.gender.as_ref(), "gender", &span, people)?;
    level(
        f.general_education.as_ref(),
        "general_education",
        &span,
        people,
    )?;
    level(f.professional.as_ref(), "professional", &span, people)?;
    level(
        f.political_theory.as_ref(),
        "political_theory",
        &span,
        people,
    )?;
    level(
        f.state_management.as_ref(),
        "state_management",
        &span,
        people,
    )?;
    level(f.evaluation.as_ref(), "evaluation", &span, people)?;
    for (name, n) in [
        ("party_member", f.party_member),
        ("ethnic_minority", f.ethnic_minority),
        ("religious", f.religious),
    ] {
        if let Some(n) = n {
            if span(n, name).0 > people.0 {
                return Err(inconsistent(name));
            }
        }
    }
    let ages = f
        .age
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| span(b.count, &format!("age.bands.{i}.count")))
        .fold(span(f.age.unknown, "age.unknown"), add);
    if !meets(ages, people) {
        return Err(inconsistent("age"));
    }
    Ok(())
}

/// A standards tally: criteria and overall add up to the people covered.
fn tally_adds_up(t: &Tally, hidden: &Hidden, prefix: &str, what: &str) -> Result<(), Damage> {
    let span = |n: u32, key: &str| hidden.span(n, || format!("{prefix}{key}"));
    let people = u64::from(t.people);
    let not_covered = span(t.not_covered, "not_covered");
    if not_covered.0 > people {
        return Err(inconsistent(format!("{what}: not_covered")));
    }
    let covered = (people.saturating_sub(not_covered.1), people - not_covered.0);
    let c = &t.criteria;
    for (name, n) in [
        ("general_education", &c.general_education),
        ("professional", &c.professional),
        ("political_theory", &c.political_theory),
    ] {
        let sum = [
            ("meets", n.meets),
            ("below", n.below),
            ("unknown", n.unknown),
            ("grace", n.grace),
            ("not_required", n.not_required),
        ]
        .iter()
        .map(|(key, v)| span(*v, &format!("criteria.{name}.{key}")))
        .fold((0, 0), add);
        if !meets(sum, covered) {
            return Err(inconsistent(format!("{what}: {name}")));
        }
    }
    let o = &t.overall;
    let meets_overall = span(o.meets, "overall.meets");
    let overall = [
        span(o.below, "overall.below"),
        span(o.unknown, "overall.unknown"),
        span(o.grace, "overall.grace"),
    ]
    .into_iter()
    .fold(meets_overall, add);
    if !meets(overall, covered) || !meets(span(t.meets_all, "meets_all"), meets_overall) {
        return Err(inconsistent(format!("{what}: overall")));
    }
    Ok(())
}

/// A forecast row: its total is its overdue plus its years, and no more than `people`.
fn row_adds_up(
    t: &Timeline,
    hidden: &Hidden,
    prefix: &str,
    people: Option<u32>,
) -> Result<(), Damage> {
    let span = |n: u32, key: &str| hidden.span(n, || format!("{prefix}{key}"));
    let sum = t
        .years
        .iter()
        .enumerate()
        .map(|(k, y)| span(y.count, &format!("years.{k}.count")))
        .fold(span(t.overdue, "overdue"), add);
    let total = span(t.total, "total");
    if !meets(sum, total) || people.is_some_and(|p| total.0 > u64::from(p)) {
        return Err(inconsistent(format!("{prefix}total")));
    }
    Ok(())
}

/// Check a decoded link's figures.
pub(super) fn check(s: &Shared) -> Result<(), Damage> {
    let h = &s.hidden;
    let none = Hidden::default();
    let report = &s.report;
    group(&report.figures, &none, "")?;
    let whole = spans(&none, &report.figures, |f, v| figures(f, None, v))?;
    let mut parts = Vec::with_capacity(report.units.len());
    for (i, u) in report.units.iter().enumerate() {
        let prefix = format!("units.{i}.");
        group(&u.figures, h, &prefix)?;
        parts.push(spans(h, &u.figures, |f, v| figures(f, Some(&prefix), v))?);
    }
    parts_make_whole(&parts, &whole, "units")?;

    if let Some(st) = &s.standards {
        let total = spans(&none, &st.total, |t, v| tally(t, None, v))?;
        tally_adds_up(&st.total, &none, "", "standards")?;
        let mut categories = Vec::new();
        for t in st.by_category.values() {
            tally_adds_up(t, &none, "", "standards by category")?;
            categories.push(spans(&none, t, |t, v| tally(t, None, v))?);
        }
        parts_make_whole(&categories, &total, "standards by category")?;
        let mut units = Vec::new();
        for (i, u) in st.by_unit.iter().enumerate() {
            let prefix = format!("standards.by_unit.{i}.");
            tally_adds_up(&u.tally, h, &prefix, "standards by unit")?;
            units.push(spans(h, &u.tally, |t, v| tally(t, Some(&prefix), v))?);
        }
        parts_make_whole(&units, &total, "standards by unit")?;
        for n in [st.people_below, st.people_in_grace, st.people_unknown] {
            if n > st.total.people {
                return Err(inconsistent("standards: lists"));
            }
        }
        if st
            .training_needs
            .iter()
            .any(|n| n.in_grace > n.count || n.count > st.total.people)
        {
            return Err(inconsistent("standards: training needs"));
        }
    }

    if let Some(r) = &s.retirement {
        let top = Timeline {
            overdue: r.overdue,
            years: r.years.clone(),
            total: r.retiring,
        };
        let whole = spans(&none, &top, |t, v| timeline(t, None, v))?;
        let mut units = Vec::new();
        let mut people: u64 = 0;
        for (i, u) in r.by_unit.iter().enumerate() {
            let prefix = format!("retirement.by_unit.{i}.");
            row_adds_up(&u.timeline, h, &prefix, Some(u.people))?;
            units.push(spans(h, &u.timeline, |t, v| timeline(t, Some(&prefix), v))?);
            people += u64::from(u.people);
        }
        parts_make_whole(&units, &whole, "retirement by unit")?;
        let mut titles = Vec::new();
        for (i, t) in r.by_title.iter().enumerate() {
            let prefix = format!("retirement.by_title.{i}.");
            row_adds_up(&t.timeline, h, &prefix, None)?;
            titles.push(spans(h, &t.timeline, |t, v| timeline(t, Some(&prefix), v))?);
        }
        // A combined report may leave the rows by title out (see `combine`).
        if !titles.is_empty() {
            parts_make_whole(&titles, &whole, "retirement by title")?;
        }
        let placed =
            u64::from(r.retiring) + u64::from(r.unknown_gender) + u64::from(r.unknown_birth);
        if placed > people {
            return Err(inconsistent("retirement: people"));
        }
    }
    Ok(())
}
