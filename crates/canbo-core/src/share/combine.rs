//! Combining links: a district receives one link from each commune and wants one report
//! whose units are the communes and whose totals are their sums.
//!
//! Each link's report becomes one unit, named by the name given, else by its only unit, else
//! by its title; a link that has none of these must be given a name ([`CombineError::
//! NameNeeded`]). Sums are only meaningful between like reports, so the links must share the
//! report date, the age bands and the filter, and (where they carry them) the rule set of the
//! standards and the forecast's window; otherwise the error says which link differs from the
//! first. Two links of the same unit would count it twice and are refused.
//!
//! The units of the result are the links' *totals*, which are exact even in a link with
//! hidden counts; so the combined report has no hidden figure, except that the forecast by
//! title cannot be summed exactly from a link that hid some of it, and is then left out.

use super::codec::{conform, figures, presence, skeleton, tally, timeline, Slot, Visit};
use super::{limits, validate, Damage, Hidden, RetirementCounts, Shared, StandardsCounts};
use crate::date::Date;
use crate::report::{AgeBands, Figures, UnitFigures};
use crate::retirement::{Timeline, TitleTimeline, UnitTimeline};
use crate::roster::unit_key;
use crate::standards::{Tally, UnitTally};
use std::collections::HashMap;
use std::fmt;

/// One link to combine and, if wanted, the name its report takes as a unit.
#[derive(Debug, Clone)]
pub struct Part {
    pub shared: Shared,
    pub name: Option<String>,
}

/// Why links cannot be combined; `link` counts from 1 in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CombineError {
    NoLinks,
    DifferentDate {
        link: usize,
        found: Date,
        expected: Date,
    },
    DifferentBands {
        link: usize,
        found: AgeBands,
        expected: AgeBands,
    },
    DifferentFilter {
        link: usize,
    },
    DifferentRuleSet {
        link: usize,
        found: String,
        expected: String,
    },
    DifferentForecast {
        link: usize,
    },
    /// A report of several units with no title: give it a name.
    NameNeeded {
        link: usize,
    },
    /// Two links are of the same unit.
    SameUnit {
        link: usize,
        first: usize,
        unit: String,
    },
    /// More units or people than a report may hold.
    TooLarge,
}

impl CombineError {
    /// The message in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            CombineError::NoLinks => "Chưa có liên kết nào để gộp.".into(),
            CombineError::DifferentDate { link, found, expected } => format!(
                "Liên kết {link} là số liệu ngày {}, khác ngày {} của liên kết 1: chỉ gộp được các báo cáo cùng ngày.",
                found.day_first(),
                expected.day_first()
            ),
            CombineError::DifferentBands { link, found, expected } => format!(
                "Liên kết {link} chia độ tuổi theo mốc {found}, khác mốc {expected} của liên kết 1: hãy tạo lại liên kết với cùng mốc tuổi."
            ),
            CombineError::DifferentFilter { link } => format!(
                "Liên kết {link} dùng bộ lọc khác liên kết 1: chỉ gộp được các báo cáo cùng bộ lọc."
            ),
            CombineError::DifferentRuleSet { link, found, expected } => format!(
                "Liên kết {link} đánh giá tiêu chuẩn theo «{found}», khác «{expected}» của liên kết 1."
            ),
            CombineError::DifferentForecast { link } => format!(
                "Liên kết {link} dự báo nghỉ hưu cho số năm khác liên kết 1."
            ),
            CombineError::NameNeeded { link } => format!(
                "Liên kết {link} gồm nhiều đơn vị: hãy đặt tên cho báo cáo này."
            ),
            CombineError::SameUnit { link, first, unit } => format!(
                "Liên kết {link} và liên kết {first} cùng là của «{unit}»: gộp sẽ tính hai lần."
            ),
            CombineError::TooLarge => "Báo cáo gộp quá lớn.".into(),
        }
    }
}

impl fmt::Display for CombineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CombineError::NoLinks => f.write_str("no link to combine"),
            CombineError::DifferentDate { link, found, expected } => write!(
                f,
                "link {link} reports on {found}, link 1 on {expected}: only reports of one date can be combined"
            ),
            CombineError::DifferentBands { link, found, expected } => write!(
                f,
                "link {link} uses age bands {found}, link 1 uses {expected}: make the links again with the same bands"
            ),
            CombineError::DifferentFilter { link } => {
                write!(f, "link {link} is filtered differently from link 1")
            }
            CombineError::DifferentRuleSet { link, found, expected } => write!(
                f,
                "link {link} judges standards by '{found}', link 1 by '{expected}'"
            ),
            CombineError::DifferentForecast { link } => write!(
                f,
                "link {link} forecasts retirement over other years than link 1"
            ),
            CombineError::NameNeeded { link } => {
                write!(f, "link {link} holds several units: give its report a name")
            }
            CombineError::SameUnit { link, first, unit } => write!(
                f,
                "links {first} and {link} are both of '{unit}': combining would count it twice"
            ),
            CombineError::TooLarge => f.write_str("the combined report is too large"),
        }
    }
}

impl std::error::Error for CombineError {}

struct Collect(Vec<u32>);

impl Visit for Collect {
    fn count(&mut self, n: &mut u32, _: Slot<'_>) -> Result<(), Damage> {
        self.0.push(*n);
        Ok(())
    }
}

struct AddFrom<'a>(std::slice::Iter<'a, u32>);

impl Visit for AddFrom<'_> {
    fn count(&mut self, n: &mut u32, _: Slot<'_>) -> Result<(), Damage> {
        let v = self.0.next().ok_or(Damage::Truncated)?;
        *n = n
            .checked_add(*v)
            .filter(|n| *n <= limits::PEOPLE)
            .ok_or(Damage::TooLarge)?;
        Ok(())
    }
}

/// `total += part`, figure by figure in walk order (both of one shape).
fn add_into<T: Clone>(
    total: &mut T,
    part: &T,
    walk: impl Fn(&mut T, &mut dyn Visit) -> Result<(), Damage>,
) -> Result<(), CombineError> {
    let mut values = Collect(Vec::new());
    walk(&mut part.clone(), &mut values).map_err(|_| CombineError::TooLarge)?;
    walk(total, &mut AddFrom(values.0.iter())).map_err(|_| CombineError::TooLarge)
}

fn add_figures(total: &mut Figures, part: &Figures) -> Result<(), CombineError> {
    add_into(total, part, |f, v| figures(f, None, v))
}

fn add_tally(total: &mut Tally, part: &Tally) -> Result<(), CombineError> {
    add_into(total, part, |t, v| tally(t, None, v))
}

fn add_timeline(total: &mut Timeline, part: &Timeline) -> Result<(), CombineError> {
    add_into(total, part, |t, v| timeline(t, None, v))
}

fn add_count(total: &mut u32, part: u32) -> Result<(), CombineError> {
    *total = total
        .checked_add(part)
        .filter(|n| *n <= limits::PEOPLE)
        .ok_or(CombineError::TooLarge)?;
    Ok(())
}

/// The name a link's report takes as a unit.
fn unit_name(part: &Part, link: usize) -> Result<String, CombineError> {
    let given = part
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let only = match part.shared.report.units.as_slice() {
        [one] => Some(one.unit.as_str()),
        _ => None,
    };
    given
        .or(only)
        .or(part.shared.title.as_deref())
        .map(str::to_string)
        .ok_or(CombineError::NameNeeded { link })
}

/// One report from several links: each link's report a unit, the totals their sums.
pub fn combine(parts: &[Part]) -> Result<Shared, CombineError> {
    let first = &parts.first().ok_or(CombineError::NoLinks)?.shared;
    if parts.len() > limits::UNITS {
        return Err(CombineError::TooLarge);
    }
    let mut names = Vec::with_capacity(parts.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut bits = 0;
    for (i, part) in parts.iter().enumerate() {
        let link = i + 1;
        let s = &part.shared;
        if s.report.as_of != first.report.as_of {
            return Err(CombineError::DifferentDate {
                link,
                found: s.report.as_of,
                expected: first.report.as_of,
            });
        }
        if s.age_bands != first.age_bands {
            return Err(CombineError::DifferentBands {
                link,
                found: s.age_bands.clone(),
                expected: first.age_bands.clone(),
            });
        }
        if s.filter != first.filter {
            return Err(CombineError::DifferentFilter { link });
        }
        if let (Some(a), Some(b)) = (&s.standards, &first.standards) {
            if (&a.rule_set.id, a.rule_set.effective_from)
                != (&b.rule_set.id, b.rule_set.effective_from)
            {
                return Err(CombineError::DifferentRuleSet {
                    link,
                    found: a.rule_set.name.clone(),
                    expected: b.rule_set.name.clone(),
                });
            }
        }
        if let (Some(a), Some(b)) = (&s.retirement, &first.retirement) {
            if a.as_of != b.as_of || a.years.len() != b.years.len() {
                return Err(CombineError::DifferentForecast { link });
            }
        }
        let name = unit_name(part, link)?;
        if let Some(&earlier) = seen.get(&unit_key(&name)) {
            return Err(CombineError::SameUnit {
                link,
                first: earlier,
                unit: name,
            });
        }
        seen.insert(unit_key(&name), link);
        names.push(name);
        bits |= presence(&s.report.figures);
    }

    let like = skeleton(bits, &first.age_bands);
    let mut total = like.clone();
    let mut report = first.report.clone();
    report.units = Vec::with_capacity(parts.len());
    let (mut sources, mut warnings) = (0u32, 0u32);
    for (part, name) in parts.iter().zip(&names) {
        let mut f = part.shared.report.figures.clone();
        conform(&mut f, &like);
        add_figures(&mut total, &f)?;
        report.units.push(UnitFigures {
            unit: name.clone(),
            figures: f,
        });
        sources = sources.saturating_add(part.shared.source_count);
        warnings = warnings.saturating_add(part.shared.warning_count);
    }
    report.figures = total;

    let combined = Shared {
        report,
        title: None,
        age_bands: first.age_bands.clone(),
        filter: first.filter.clone(),
        source_count: sources,
        warning_count: warnings,
        standards: combine_standards(parts, &names)?,
        retirement: combine_retirement(parts, &names)?,
        hidden: Hidden::default(),
    };
    validate::check(&combined).map_err(|_| CombineError::TooLarge)?;
    Ok(combined)
}

fn combine_standards(
    parts: &[Part],
    names: &[String],
) -> Result<Option<StandardsCounts>, CombineError> {
    let all: Option<Vec<&StandardsCounts>> =
        parts.iter().map(|p| p.shared.standards.as_ref()).collect();
    let Some(all) = all else { return Ok(None) };
    let Some(first) = all.first() else {
        return Ok(None);
    };
    let mut out = StandardsCounts {
        rule_set: first.rule_set.clone(),
        by_category: Default::default(),
        by_unit: Vec::with_capacity(all.len()),
        total: Tally::default(),
        people_below: 0,
        people_in_grace: 0,
        people_unknown: 0,
        training_needs: Vec::new(),
    };
    for (st, name) in all.iter().zip(names) {
        for (category, t) in &st.by_category {
            add_tally(out.by_category.entry(*category).or_default(), t)?;
        }
        add_tally(&mut out.total, &st.total)?;
        out.by_unit.push(UnitTally {
            unit: name.clone(),
            difficult_area: st.by_unit.iter().any(|u| u.difficult_area),
            tally: st.total,
        });
        add_count(&mut out.people_below, st.people_below)?;
        add_count(&mut out.people_in_grace, st.people_in_grace)?;
        add_count(&mut out.people_unknown, st.people_unknown)?;
        for need in &st.training_needs {
            match out
                .training_needs
                .iter_mut()
                .find(|n| n.criterion == need.criterion && n.need == need.need)
            {
                Some(n) => {
                    add_count(&mut n.count, need.count)?;
                    add_count(&mut n.in_grace, need.in_grace)?;
                }
                None => out.training_needs.push(need.clone()),
            }
        }
    }
    Ok(Some(out))
}

fn combine_retirement(
    parts: &[Part],
    names: &[String],
) -> Result<Option<RetirementCounts>, CombineError> {
    let all: Option<Vec<(&RetirementCounts, &Hidden)>> = parts
        .iter()
        .map(|p| p.shared.retirement.as_ref().map(|r| (r, &p.shared.hidden)))
        .collect();
    let Some(all) = all else { return Ok(None) };
    let Some((first, _)) = all.first() else {
        return Ok(None);
    };
    let zero = |years: &[crate::retirement::YearCount]| Timeline {
        overdue: 0,
        years: years
            .iter()
            .map(|y| crate::retirement::YearCount {
                year: y.year,
                count: 0,
            })
            .collect(),
        total: 0,
    };
    let mut top = zero(&first.years);
    let mut out = RetirementCounts {
        as_of: first.as_of,
        until: first.until,
        years: Vec::new(),
        overdue: 0,
        retiring: 0,
        by_unit: Vec::with_capacity(all.len()),
        by_title: Vec::new(),
        unknown_gender: 0,
        unknown_birth: 0,
    };
    // A link that hid part of its forecast by title cannot be summed exactly by title.
    let titles_exact = all.iter().all(|(_, hidden)| {
        !hidden
            .paths
            .iter()
            .any(|p| p.starts_with("retirement.by_title."))
    });
    for ((r, _), name) in all.iter().zip(names) {
        let timeline = Timeline {
            overdue: r.overdue,
            years: r.years.clone(),
            total: r.retiring,
        };
        add_timeline(&mut top, &timeline)?;
        let mut people = 0;
        for u in &r.by_unit {
            add_count(&mut people, u.people)?;
        }
        out.by_unit.push(UnitTimeline {
            unit: name.clone(),
            people,
            timeline,
        });
        add_count(&mut out.unknown_gender, r.unknown_gender)?;
        add_count(&mut out.unknown_birth, r.unknown_birth)?;
        if titles_exact {
            for t in &r.by_title {
                let at = match out.by_title.iter().position(|x| x.title == t.title) {
                    Some(at) => at,
                    None => {
                        out.by_title.push(TitleTimeline {
                            title: t.title,
                            label: t.label.clone(),
                            timeline: zero(&first.years),
                        });
                        out.by_title.len() - 1
                    }
                };
                if let Some(row) = out.by_title.get_mut(at) {
                    add_timeline(&mut row.timeline, &t.timeline)?;
                }
            }
        }
    }
    out.by_title.sort_by_key(|t| (t.title.is_none(), t.title));
    out.overdue = top.overdue;
    out.years = top.years;
    out.retiring = top.total;
    Ok(Some(out))
}
