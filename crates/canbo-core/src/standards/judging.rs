//! The roster judged a slice of people at a time: [`Judging`] takes the people in roster
//! order, counts them as it goes and keeps only what the result lists (the people below
//! standard, in grace or not judgeable), so a page can judge a province between two frames
//! and [`super::standards`] is the same judging in one go.

use super::evaluate::{judge_person, Outcome, Status, Verdict};
use super::rules::RuleSet;
use super::{
    training, Lack, PersonLine, RuleSetRef, Standards, StandardsOptions, Tally, UnitTally, SCHEMA,
};
use crate::codes::Category;
use crate::lang::Lang;
use crate::roster::{Person, UnitPlaces};
use std::collections::BTreeMap;

/// A judging under way: [`Judging::add`] the roster's people in order, then
/// [`Judging::finish`].
#[derive(Debug, Clone)]
pub struct Judging {
    rules: RuleSet,
    options: StandardsOptions,
    /// The roster index of the next person [`Judging::add`] gives (the one after the last
    /// judged).
    next: usize,
    /// People judged so far.
    judged: usize,
    total: Tally,
    by_category: BTreeMap<Category, Tally>,
    by_unit: Vec<UnitTally>,
    /// Each unit's place in `by_unit` (units are counted by their [`crate::roster::unit_key`], so several
    /// spellings share a place).
    units: UnitPlaces,
    below: Vec<PersonLine>,
    in_grace: Vec<PersonLine>,
    unknown: Vec<PersonLine>,
    /// People whose field of study should have been checked against the post.
    field_not_checked: usize,
}

impl Judging {
    /// A judging against `rules` with `options`, no one judged yet.
    pub fn new(rules: RuleSet, options: StandardsOptions) -> Judging {
        Judging {
            rules,
            options,
            next: 0,
            judged: 0,
            total: Tally::default(),
            by_category: BTreeMap::new(),
            by_unit: Vec::new(),
            units: UnitPlaces::default(),
            below: Vec::new(),
            in_grace: Vec::new(),
            unknown: Vec::new(),
            field_not_checked: 0,
        }
    }

    /// People judged so far.
    pub fn judged(&self) -> usize {
        self.judged
    }

    /// Judge the roster's next `people` (the first call gives its first people).
    pub fn add(&mut self, people: &[Person]) {
        for p in people {
            self.add_person(self.next, p);
        }
    }

    /// Judge the people of the roster `people` at `rows` (roster indices, ascending), as
    /// the filtered roster of a report: each keeps its index in the whole roster. Rows past
    /// the roster's end are left out.
    pub fn add_rows(&mut self, people: &[Person], rows: &[usize]) {
        for &index in rows {
            if let Some(p) = people.get(index) {
                self.add_person(index, p);
            }
        }
    }

    /// Judge `p`, the roster's person at `index`.
    fn add_person(&mut self, index: usize, p: &Person) {
        self.next = index + 1;
        self.judged += 1;
        let unit = self.unit_of(&p.unit);
        let difficult_area = self.by_unit[unit].difficult_area;
        let judged = judge_person(p, &self.rules, &self.options, difficult_area);
        let outcomes = || judged.verdicts().iter().map(|v| (v.criterion, &v.outcome));
        self.total.count(judged.status, outcomes());
        self.by_category
            .entry(p.category)
            .or_default()
            .count(judged.status, outcomes());
        self.by_unit[unit].tally.count(judged.status, outcomes());
        self.field_not_checked += usize::from(judged.field_not_checked);
        if judged.status == Status::Meets || judged.status == Status::NotCovered {
            return;
        }
        push_line(&mut self.below, index, p, judged.verdicts(), |o| {
            *o == Outcome::Below
        });
        push_line(&mut self.in_grace, index, p, judged.verdicts(), |o| {
            matches!(o, Outcome::Grace { .. })
        });
        push_line(&mut self.unknown, index, p, judged.verdicts(), |o| {
            matches!(o, Outcome::Unknown { .. })
        });
    }

    /// The place in `by_unit` of the unit written `unit`, made on its first person.
    fn unit_of(&mut self, unit: &str) -> usize {
        let (i, new) = self.units.place(unit);
        if new {
            self.by_unit.push(UnitTally {
                unit: unit.to_string(),
                difficult_area: self.options.is_difficult(unit),
                tally: Tally::default(),
            });
        }
        i
    }

    /// What the reader must know to read the figures, in `lang` ([`Standards::notes`] is
    /// them in Vietnamese).
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let (rules, options) = (&self.rules, &self.options);
        let en = lang == Lang::En;
        let mut out = Vec::new();
        if rules.effective_from > options.as_of {
            out.push(if en {
                format!(
                    "{} is in force from {}, after the report date {}.",
                    rules.name_in(lang),
                    rules.effective_from,
                    options.as_of
                )
            } else {
                format!(
                    "{} có hiệu lực từ {}, sau ngày báo cáo {}.",
                    rules.name, rules.effective_from, options.as_of
                )
            });
        }
        let unchecked = self.field_not_checked;
        if unchecked > 0 {
            out.push(if en {
                format!(
                    "The field of study must match the post: the roster does not say, so it was not checked for {unchecked} people."
                )
            } else {
                format!(
                    "Chuyên ngành đào tạo phải phù hợp vị trí việc làm: danh sách không cho biết điều này, chưa kiểm tra cho {unchecked} người."
                )
            });
        }
        let not_covered = self.total.not_covered;
        if not_covered > 0 {
            out.push(if en {
                format!(
                    "{not_covered} people are not covered by {} (not counted as below standard).",
                    rules.name_in(lang)
                )
            } else {
                format!(
                    "{not_covered} người không thuộc diện áp dụng của {} (không tính là chưa đạt).",
                    rules.name
                )
            });
        }
        out
    }

    /// The result, its notes and unconfirmed facts in Vietnamese.
    pub fn finish(self) -> Standards {
        let notes = self.notes(Lang::Vi);
        let Judging {
            rules,
            options,
            total,
            by_category,
            by_unit,
            below,
            in_grace,
            unknown,
            ..
        } = self;
        Standards {
            schema: SCHEMA.into(),
            as_of: options.as_of,
            rule_set: RuleSetRef {
                in_force: rules.effective_from <= options.as_of,
                effective_from: rules.effective_from,
                id: rules.id.clone(),
                name: rules.name.clone(),
            },
            by_category,
            by_unit,
            total,
            training_needs: training::counts_of(&below, &in_grace),
            people_below: below,
            people_in_grace: in_grace,
            people_unknown: unknown,
            unconfirmed: rules.unconfirmed(),
            notes,
        }
    }
}

/// Add the person to a list when some criterion's outcome is of the list's kind.
fn push_line(
    list: &mut Vec<PersonLine>,
    index: usize,
    p: &Person,
    verdicts: &[Verdict],
    kind: fn(&Outcome) -> bool,
) {
    let lacks: Vec<Lack> = verdicts
        .iter()
        .filter(|v| kind(&v.outcome))
        .filter_map(|v| {
            let need = v.need?;
            Some(Lack {
                criterion: v.criterion,
                have: v.have.map(str::to_string),
                label: training::need_label(v.criterion, need),
                need: need.to_string(),
                until: match v.outcome {
                    Outcome::Grace { until } => Some(until),
                    _ => None,
                },
                missing: match v.outcome {
                    Outcome::Unknown { missing } => Some(missing),
                    _ => None,
                },
            })
        })
        .collect();
    if !lacks.is_empty() {
        list.push(PersonLine {
            index,
            name: p.name.clone(),
            unit: p.unit.clone(),
            position: p.position.clone(),
            category: p.category,
            title: p.title,
            lacks,
            origin: p.origin.clone(),
        });
    }
}
