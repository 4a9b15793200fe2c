//! One person against one rule set: per criterion, met, below, in grace or unknown.
//!
//! Missing data is never a failure: a level the roster does not give (no column, a blank
//! general-education cell, an unreadable value) makes the criterion `unknown`, so a clerk
//! sees whom to look up rather than whom to send to school.

use super::rules::{Criterion, Relief, Requirement, Rule, RuleSet, Scope};
use super::StandardsOptions;
use crate::codes::{Category, Code, GeneralEducation, PoliticalTheory, Professional};
use crate::date::Date;
use crate::roster::{Origin, Person};
use crate::vocab::positions::Title;
use serde::{Deserialize, Serialize};

/// A level that can be compared with a requirement.
pub(crate) trait Level: Code {
    /// Higher is better; `None` when unreadable.
    fn level_rank(self) -> Option<u8>;
    /// The code says only that the cell was blank. Blank professional and political-theory
    /// cells mean "none" in rosters ("chưa qua đào tạo", "chưa có"); a blank general
    /// education says nothing, since no one on the staff lacks all schooling.
    fn is_blank(self) -> bool {
        false
    }
}

impl Level for GeneralEducation {
    fn level_rank(self) -> Option<u8> {
        self.rank()
    }
    fn is_blank(self) -> bool {
        self == GeneralEducation::None
    }
}

impl Level for Professional {
    fn level_rank(self) -> Option<u8> {
        self.rank()
    }
}

impl Level for PoliticalTheory {
    fn level_rank(self) -> Option<u8> {
        self.rank()
    }
}

/// Why a criterion cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The person's sheet has no such column.
    NoColumn,
    Blank,
    Unreadable,
}

impl Missing {
    pub const ALL: [Missing; 3] = [Missing::NoColumn, Missing::Blank, Missing::Unreadable];

    /// The label in `lang`.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Missing::NoColumn => "danh sách không có cột này",
            Missing::Blank => "để trống",
            Missing::Unreadable => "không đọc được",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Missing::NoColumn => "the roster has no such column",
            Missing::Blank => "blank",
            Missing::Unreadable => "unreadable",
        }
    }
}

/// The verdict on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Outcome {
    Meets,
    Below,
    /// Below, but the requirement binds only from `until` (the 2025 reform's grace).
    Grace {
        until: Date,
    },
    Unknown {
        missing: Missing,
    },
    /// The rule asks nothing on this criterion.
    NotRequired,
}

/// One criterion of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    pub criterion: Criterion,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The person's level (a code), when the roster gives one.
    pub have: Option<String>,
    /// The level required of this person (after any exception), as a code.
    pub need: Option<String>,
    /// The area exception lowered the requirement.
    #[serde(default)]
    pub relaxed: bool,
    /// The requirement (or its exception) is not confirmed.
    #[serde(default)]
    pub unconfirmed: bool,
}

/// The person as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Meets,
    /// Nothing below or unknown, but something still in grace.
    Grace,
    /// Nothing below, but something cannot be judged.
    Unknown,
    Below,
    /// No rule of the set applies (không chuyên trách, unknown category, or a category the
    /// set does not regulate).
    NotCovered,
}

/// Something to tell the reader about a person that is not a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "note")]
pub enum Note {
    /// The diploma must match the post; the roster's field of study is shown for a person
    /// to judge.
    FieldNotChecked { field_of_study: Option<String> },
}

impl Note {
    /// The note in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match (lang, self) {
            (crate::lang::Lang::Vi, _) => self.message_vi(),
            (
                crate::lang::Lang::En,
                Note::FieldNotChecked {
                    field_of_study: Some(f),
                },
            ) => {
                format!("the field of study «{f}» must suit the post (not checked)")
            }
            (
                crate::lang::Lang::En,
                Note::FieldNotChecked {
                    field_of_study: None,
                },
            ) => "the field of study must suit the post (not checked)".into(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            Note::FieldNotChecked {
                field_of_study: Some(f),
            } => {
                format!("chuyên ngành «{f}» phải phù hợp vị trí (chưa kiểm tra)")
            }
            Note::FieldNotChecked {
                field_of_study: None,
            } => "chuyên ngành phải phù hợp vị trí (chưa kiểm tra)".into(),
        }
    }
}

/// One person against the rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The person's index in `roster.people`, for a screen to link back.
    pub index: usize,
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    pub title: Option<Title>,
    pub category: Category,
    /// The label of the rule that applied.
    pub rule: Option<String>,
    /// In a unit (or roster) flagged as a difficult area.
    pub difficult_area: bool,
    pub status: Status,
    /// One per criterion, in [`Criterion::ALL`] order; empty when not covered.
    pub criteria: Vec<Judgement>,
    pub notes: Vec<Note>,
    pub origin: Origin,
}

impl Assessment {
    pub fn judgement(&self, criterion: Criterion) -> Option<&Judgement> {
        self.criteria.iter().find(|j| j.criterion == criterion)
    }
}

/// What the exception depends on, for one person.
struct Context {
    as_of: Date,
    effective_from: Date,
    difficult_area: bool,
    ethnic_minority: bool,
}

impl Context {
    fn reaches(&self, scope: Scope) -> bool {
        match scope {
            Scope::DifficultArea => self.difficult_area,
            Scope::DifficultAreaOrEthnicMinority => self.difficult_area || self.ethnic_minority,
        }
    }
}

/// One criterion judged, before any text is made of it: a [`Judgement`] whose codes are
/// still the static strings they are. Judging a roster ([`super::Judging`]) counts these
/// and writes out only the people something is missing for, so the many who meet every
/// criterion cost no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Verdict {
    pub criterion: Criterion,
    pub outcome: Outcome,
    pub have: Option<&'static str>,
    pub need: Option<&'static str>,
    pub relaxed: bool,
    pub unconfirmed: bool,
}

impl From<Verdict> for Judgement {
    fn from(v: Verdict) -> Judgement {
        Judgement {
            criterion: v.criterion,
            outcome: v.outcome,
            have: v.have.map(str::to_string),
            need: v.need.map(str::to_string),
            relaxed: v.relaxed,
            unconfirmed: v.unconfirmed,
        }
    }
}

fn judge<L: Level>(
    criterion: Criterion,
    req: Option<&Requirement<L>>,
    have: Option<L>,
    cx: &Context,
) -> Verdict {
    let mut j = Verdict {
        criterion,
        outcome: Outcome::NotRequired,
        have: have.filter(|h| !h.is_blank()).map(|h| h.code()),
        need: None,
        relaxed: false,
        unconfirmed: false,
    };
    let Some(req) = req else { return j };
    let exception = req.exception.as_ref().filter(|e| cx.reaches(e.scope));
    let mut min = req.min;
    let mut grace_until = None;
    match exception.map(|e| &e.relief) {
        Some(Relief::LowerTo(lower)) => {
            j.relaxed = lower.level_rank() < req.min.level_rank();
            min = *lower;
        }
        Some(Relief::GraceYears(years)) => {
            grace_until = Some(cx.effective_from.add_months(12 * i32::from(*years)));
        }
        None => {}
    }
    // A minimum nobody can be ranked against ("unknown") asks nothing.
    let Some(need) = min.level_rank() else {
        return j;
    };
    j.need = Some(min.code());
    j.unconfirmed = req.unconfirmed || exception.is_some_and(|e| e.unconfirmed);
    j.outcome = match have.map(|h| (h.is_blank(), h.level_rank())) {
        None => Outcome::Unknown {
            missing: Missing::NoColumn,
        },
        Some((true, _)) => Outcome::Unknown {
            missing: Missing::Blank,
        },
        Some((false, None)) => Outcome::Unknown {
            missing: Missing::Unreadable,
        },
        Some((false, Some(rank))) if rank >= need => Outcome::Meets,
        Some(_) => match grace_until {
            Some(until) if cx.as_of < until => Outcome::Grace { until },
            _ => Outcome::Below,
        },
    };
    j
}

/// The person's overall status from the verdicts on each criterion.
fn overall(verdicts: &[Verdict]) -> Status {
    let has = |f: fn(&Outcome) -> bool| verdicts.iter().any(|v| f(&v.outcome));
    if has(|o| *o == Outcome::Below) {
        Status::Below
    } else if has(|o| matches!(o, Outcome::Unknown { .. })) {
        Status::Unknown
    } else if has(|o| matches!(o, Outcome::Grace { .. })) {
        Status::Grace
    } else {
        Status::Meets
    }
}

fn judge_rule(rule: &Rule, p: &Person, cx: &Context) -> [Verdict; 3] {
    [
        judge(
            Criterion::GeneralEducation,
            rule.general_education.as_ref(),
            p.general_education,
            cx,
        ),
        judge(
            Criterion::Professional,
            rule.professional.as_ref(),
            p.professional,
            cx,
        ),
        judge(
            Criterion::PoliticalTheory,
            rule.political_theory.as_ref(),
            p.political_theory,
            cx,
        ),
    ]
}

/// One person judged, before anything is written out ([`assess_person`] writes it out).
pub(super) struct Judged<'r> {
    /// The rule that applied; `None`: not covered.
    pub rule: Option<&'r Rule>,
    pub status: Status,
    /// One per criterion, in [`Criterion::ALL`] order, when covered.
    verdicts: Option<[Verdict; 3]>,
    /// The rule asks for a field of study that suits the post, which no roster says.
    pub field_not_checked: bool,
}

impl Judged<'_> {
    /// The verdicts, one per criterion in [`Criterion::ALL`] order; none when not covered.
    pub fn verdicts(&self) -> &[Verdict] {
        self.verdicts.as_ref().map_or(&[], |v| &v[..])
    }
}

/// Judge one person, in a difficult area or not (`difficult_area`, from
/// [`StandardsOptions::is_difficult`]).
pub(super) fn judge_person<'r>(
    p: &Person,
    rules: &'r RuleSet,
    options: &StandardsOptions,
    difficult_area: bool,
) -> Judged<'r> {
    let rule = rules.rule_for(p.category, p.title);
    let cx = Context {
        as_of: options.as_of,
        effective_from: rules.effective_from,
        difficult_area,
        ethnic_minority: p.ethnic_minority() == Some(true),
    };
    let Some(r) = rule else {
        return Judged {
            rule,
            status: Status::NotCovered,
            verdicts: None,
            field_not_checked: false,
        };
    };
    let verdicts = judge_rule(r, p, &cx);
    Judged {
        rule,
        status: overall(&verdicts),
        verdicts: Some(verdicts),
        field_not_checked: r.matching_field && r.professional.is_some(),
    }
}

/// Assess one person (`index` is their place in the roster).
pub fn assess_person(
    index: usize,
    p: &Person,
    rules: &RuleSet,
    options: &StandardsOptions,
) -> Assessment {
    let difficult_area = options.is_difficult(&p.unit);
    let judged = judge_person(p, rules, options, difficult_area);
    let notes = if judged.field_not_checked {
        vec![Note::FieldNotChecked {
            field_of_study: p.field_of_study.clone().filter(|f| !f.is_empty()),
        }]
    } else {
        Vec::new()
    };
    Assessment {
        index,
        name: p.name.clone(),
        unit: p.unit.clone(),
        position: p.position.clone(),
        title: p.title,
        category: p.category,
        rule: judged.rule.map(|r| r.label.clone()),
        difficult_area,
        status: judged.status,
        criteria: judged.verdicts().iter().map(|&v| v.into()).collect(),
        notes,
        origin: p.origin.clone(),
    }
}
