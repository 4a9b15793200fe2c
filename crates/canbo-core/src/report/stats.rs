//! A report as a flat list of figures, each with the dotted path of REPORT.md
//! (`professional.dai_hoc`, `age.bands.0.count`). The page writes one `data-stat` element per
//! figure from this list, and snapshots are compared figure by figure with it, so the paths are
//! derived from the JSON itself and cannot drift from it.

use super::{Dimension, Figures, Filter, Report};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One figure: its dotted JSON path and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    pub path: String,
    pub value: u32,
}

/// Every integer figure of a group, in JSON order. Band bounds (`from`, `to`) are labels, not
/// figures, and are left out.
pub fn stats(figures: &Figures) -> Vec<Stat> {
    let mut out = Vec::new();
    if let Ok(value) = serde_json::to_value(figures) {
        walk(&value, &mut String::new(), &mut out);
    }
    out
}

fn walk(value: &Value, path: &mut String, out: &mut Vec<Stat>) {
    match value {
        Value::Number(n) => {
            if let Some(v) = n.as_u64().and_then(|v| u32::try_from(v).ok()) {
                out.push(Stat {
                    path: path.clone(),
                    value: v,
                });
            }
        }
        Value::Object(map) => {
            for (key, child) in map {
                if key == "from" || key == "to" {
                    continue;
                }
                descend(path, key, |p| walk(child, p, out));
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                descend(path, &i.to_string(), |p| walk(child, p, out));
            }
        }
        _ => {}
    }
}

fn descend(path: &mut String, key: &str, f: impl FnOnce(&mut String)) {
    let len = path.len();
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
    f(path);
    path.truncate(len);
}

/// What needs a person's eye after an import: the figures of people counted as `unknown`
/// (a category, a gender, a level, an evaluation no rule read, or no birth date), in report
/// order, those that are not zero. The page says them beside the headline.
pub fn unknowns(figures: &Figures) -> Vec<Stat> {
    stats(figures)
        .into_iter()
        .filter(|s| s.value > 0 && s.path.ends_with(".unknown"))
        .collect()
}

/// A figure that differs between two reports (or exists in only one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub path: String,
    pub before: Option<u32>,
    pub after: Option<u32>,
}

/// Compare two reports figure by figure (top level), e.g. two snapshots of a district.
/// Every figure is listed, changed or not, in the order of `after` then what only `before` had.
pub fn compare(before: &Report, after: &Report) -> Vec<Change> {
    let old = stats(&before.figures);
    let new = stats(&after.figures);
    let mut out: Vec<Change> = new
        .iter()
        .map(|s| Change {
            path: s.path.clone(),
            before: old.iter().find(|o| o.path == s.path).map(|o| o.value),
            after: Some(s.value),
        })
        .collect();
    for o in &old {
        if !new.iter().any(|s| s.path == o.path) {
            out.push(Change {
                path: o.path.clone(),
                before: Some(o.value),
                after: None,
            });
        }
    }
    out
}

/// The people behind a figure of a group, as a filter: `people` is everyone, `category.can_bo`
/// those of that category, `party_member` the party members, `age.bands.2.count` the third age
/// band. `None` for a figure no single condition gives (a band's bounds, a total of a level
/// without a value). Within a unit, add the unit's condition ([`Dimension::Unit`]). The page's
/// drill-down and the tests that check every figure against its people both ask here.
pub fn stat_filter(path: &str) -> Option<Filter> {
    if path == "people" {
        return Some(Filter::default());
    }
    let (key, rest) = path.split_once('.').unwrap_or((path, ""));
    let dim = match key {
        "party_member" if rest.is_empty() => {
            return Some(Filter::default().and(Dimension::PartyMember, vec!["yes".into()]))
        }
        "ethnic_minority" if rest.is_empty() => {
            return Some(Filter::default().and(Dimension::EthnicMinority, vec!["yes".into()]))
        }
        "age" => {
            let value = match rest.split('.').collect::<Vec<_>>()[..] {
                ["unknown"] => "unknown".to_string(),
                ["bands", i, "count"] => i.to_string(),
                _ => return None,
            };
            return Some(Filter::default().and(Dimension::AgeBand, vec![value]));
        }
        _ => Dimension::from_code(key)?,
    };
    if rest.is_empty() || rest.contains('.') {
        return None;
    }
    Some(Filter::default().and(dim, vec![rest.to_string()]))
}

/// The people behind a unit's figure (a cell of the per-unit form): those of `unit` (the
/// report's name for it, matched by [`crate::roster::unit_key`]) whom [`stat_filter`] of
/// `path` keeps. `None` where `stat_filter` gives none.
pub fn unit_stat_filter(unit: &str, path: &str) -> Option<Filter> {
    let counted = stat_filter(path)?;
    let unit = (Dimension::Unit, vec![crate::roster::unit_key(unit)]);
    Some(Filter {
        conditions: std::iter::once(unit).chain(counted.conditions).collect(),
    })
}

/// How a person reads a figure's path: "Giới tính: Nữ", "Tuổi: 30–45" ("Gender: Female" in
/// English); "Tổng số" for `people`; the path itself for a figure without a single condition.
pub fn stat_label(path: &str, report: &Report, lang: Lang) -> String {
    if path == "people" {
        return lang.pick("Tổng số", "Total").to_string();
    }
    match stat_filter(path).map(|f| f.conditions) {
        Some(conditions) if conditions.len() == 1 && conditions[0].1.len() == 1 => {
            let (dim, values) = &conditions[0];
            format!(
                "{}: {}",
                dim.label(lang),
                dim.value_label(&values[0], report, lang)
            )
        }
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::{Person, Roster};

    #[test]
    fn unknowns_are_the_unknown_figures_that_are_not_zero() {
        let mut roster = Roster::default();
        roster.columns.add(crate::field::Field::Category);
        roster.columns.add(crate::field::Field::Birth);
        roster.people.push(Person::blank("A", "Xã A"));
        let report = crate::report::report(&roster, &Default::default());
        let paths: Vec<String> = unknowns(&report.figures)
            .into_iter()
            .map(|s| s.path)
            .collect();
        assert_eq!(paths, ["category.unknown", "age.unknown"]);
    }
}
