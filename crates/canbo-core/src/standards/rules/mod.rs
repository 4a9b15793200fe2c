//! The standards as data: rule sets by the date they take effect (DOMAIN.md "Standards, by
//! period").
//!
//! A rule set is plain serde data so that a user can edit one in the app, export it as JSON
//! and import it again; the built-in sets are written with the same types. Facts DOMAIN.md
//! marks "(unconfirmed)" carry `unconfirmed: true`, so every screen can say so.
//!
//! This file holds the model (what a rule set, a rule, a requirement and its exception are,
//! and what a set leaves unconfirmed). Beside it: `json.rs`, the file form a user exchanges
//! and the checks a set must pass before it is used; `choose.rs`, which set applies (in
//! force at a date, by name, the user's sets over the built-in ones, and what a set is to
//! the user); `builtin.rs`, the sets of DOMAIN.md as data; `edit.rs`, the levels a
//! requirement may ask and the changes an editor makes to one.

mod builtin;
mod choose;
mod edit;
mod json;

pub use builtin::{defaults, in_lang};
pub use choose::{
    based_on, choose, combine, copy_id, find, in_force, keep, picked_or_in_force, RuleSetError,
    SetKind,
};
pub use edit::{no_requirement, set_min, Level, DEFAULT_GRACE_YEARS, GRACE_YEARS};
pub use json::{Problem, RuleSetFileError};

use crate::codes::{Category, Code, GeneralEducation, PoliticalTheory, Professional};
use crate::date::Date;
use crate::lang::Lang;
use crate::vocab::positions::Title;
use serde::{Deserialize, Serialize};

/// The three things a standard asks of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    GeneralEducation,
    Professional,
    PoliticalTheory,
}

impl Criterion {
    /// In the order of the JSON (`criteria`).
    pub const ALL: [Criterion; 3] = [
        Criterion::GeneralEducation,
        Criterion::Professional,
        Criterion::PoliticalTheory,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Criterion::GeneralEducation => "general_education",
            Criterion::Professional => "professional",
            Criterion::PoliticalTheory => "political_theory",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Criterion::GeneralEducation => "Văn hóa",
            Criterion::Professional => "Chuyên môn",
            Criterion::PoliticalTheory => "Lý luận chính trị",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Criterion::GeneralEducation => "General education",
            Criterion::Professional => "Professional",
            Criterion::PoliticalTheory => "Political theory",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }
}

/// A set of standards in force from a date until the next set takes over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleSet {
    /// A short ASCII name for the command line (`--rule-set nd33-2023`).
    pub id: String,
    /// The legal instrument, as a Vietnamese reader names it.
    pub name: String,
    pub effective_from: Date,
    /// The date itself is not confirmed (DOMAIN.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub effective_from_unconfirmed: bool,
    /// The first rule that matches a person applies: specific titles before a category's
    /// catch-all.
    pub rules: Vec<Rule>,
}

/// What one group of people must have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub who: Who,
    /// How a screen names the group ("Chủ tịch, Phó Chủ tịch HĐND, UBND").
    pub label: String,
    /// Who the rule covers is itself not confirmed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unconfirmed: bool,
    #[serde(default)]
    pub general_education: Option<Requirement<GeneralEducation>>,
    #[serde(default)]
    pub professional: Option<Requirement<Professional>>,
    /// The diploma must be in a field matching the post. A roster cannot show that, so it is
    /// reported as a note on each person, never as a failure.
    #[serde(default, skip_serializing_if = "is_false")]
    pub matching_field: bool,
    #[serde(default)]
    pub political_theory: Option<Requirement<PoliticalTheory>>,
}

/// The people a rule is for: a category, narrowed to some titles when `titles` is not empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    pub category: Category,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Title>,
}

impl Who {
    /// Whom the rule covers, in words: "Cán bộ: tất cả" / "Cadres: everyone", or the
    /// category and its titles ("Cán bộ: Chủ tịch UBND, Phó Chủ tịch UBND").
    pub fn label(&self, lang: Lang) -> String {
        let whom = if self.titles.is_empty() {
            lang.pick("tất cả", "everyone").to_string()
        } else {
            let titles: Vec<&str> = self.titles.iter().map(|t| t.label(lang)).collect();
            titles.join(", ")
        };
        format!("{}: {whom}", self.category.label(lang))
    }

    pub fn matches(&self, category: Category, title: Option<Title>) -> bool {
        category == self.category
            && (self.titles.is_empty() || title.is_some_and(|t| self.titles.contains(&t)))
    }
}

/// "At least `min`", with what it becomes where the exception applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "L: Deserialize<'de>"))]
pub struct Requirement<L> {
    pub min: L,
    #[serde(default, skip_serializing_if = "is_false")]
    pub unconfirmed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<Exception<L>>,
}

/// The relief the law gives in difficult areas (or to ethnic-minority staff).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "L: Deserialize<'de>"))]
pub struct Exception<L> {
    pub scope: Scope,
    pub relief: Relief<L>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub unconfirmed: bool,
}

/// Whom an exception reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// People of a unit flagged "vùng khó khăn / dân tộc thiểu số" (or a flagged roster).
    DifficultArea,
    /// As above, and also ethnic-minority staff wherever they work.
    DifficultAreaOrEthnicMinority,
}

impl Scope {
    /// Every scope, in the order an editor offers them (the narrower first).
    pub const ALL: [Scope; 2] = [Scope::DifficultArea, Scope::DifficultAreaOrEthnicMinority];

    /// The code of the JSON (`"scope": "difficult_area"`).
    pub fn code(self) -> &'static str {
        match self {
            Scope::DifficultArea => "difficult_area",
            Scope::DifficultAreaOrEthnicMinority => "difficult_area_or_ethnic_minority",
        }
    }

    pub fn from_code(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whom the exception reaches, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Scope::DifficultArea => lang.pick("Ở vùng khó khăn", "In a difficult area"),
            Scope::DifficultAreaOrEthnicMinority => lang.pick(
                "Vùng khó khăn hoặc người dân tộc thiểu số",
                "Difficult area or ethnic-minority staff",
            ),
        }
    }
}

/// What an exception does to the requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relief<L> {
    /// The minimum becomes this level.
    LowerTo(L),
    /// The full requirement binds only this many years after the set takes effect; until
    /// then a shortfall is "in grace", not "below".
    GraceYears(u8),
}

impl<L> Relief<L> {
    pub fn kind(&self) -> ReliefKind {
        match self {
            Relief::LowerTo(_) => ReliefKind::LowerTo,
            Relief::GraceYears(_) => ReliefKind::GraceYears,
        }
    }
}

/// The two kinds of [`Relief`], without their level or years: what an editor offers first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReliefKind {
    LowerTo,
    GraceYears,
}

impl ReliefKind {
    pub const ALL: [ReliefKind; 2] = [ReliefKind::LowerTo, ReliefKind::GraceYears];

    /// The key of the JSON (`{"lower_to": …}`, `{"grace_years": …}`).
    pub fn code(self) -> &'static str {
        match self {
            ReliefKind::LowerTo => "lower_to",
            ReliefKind::GraceYears => "grace_years",
        }
    }

    pub fn from_code(code: &str) -> Option<ReliefKind> {
        ReliefKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What the relief does, in words (an editor's choice, followed by the level or years).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReliefKind::LowerTo => lang.pick("Hạ mức yêu cầu xuống", "Lower the requirement to"),
            ReliefKind::GraceYears => lang.pick(
                "Cho thời gian chuyển tiếp (năm)",
                "Allow a grace period (years)",
            ),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl RuleSet {
    /// The rule that applies to a person of this category and title, if any.
    pub fn rule_for(&self, category: Category, title: Option<Title>) -> Option<&Rule> {
        self.rules.iter().find(|r| r.who.matches(category, title))
    }

    /// The facts of this set that are not confirmed, in Vietnamese, for a screen to list.
    pub fn unconfirmed(&self) -> Vec<String> {
        self.unconfirmed_in(Lang::Vi)
    }

    /// [`RuleSet::unconfirmed`] in either language.
    pub fn unconfirmed_in(&self, lang: Lang) -> Vec<String> {
        let en = lang == Lang::En;
        let mut out = Vec::new();
        if self.effective_from_unconfirmed {
            out.push(if en {
                format!(
                    "{}: in force from {} (unconfirmed)",
                    self.name_in(lang),
                    self.effective_from
                )
            } else {
                format!(
                    "{}: ngày có hiệu lực {} (chưa xác nhận)",
                    self.name, self.effective_from
                )
            });
        }
        for rule in &self.rules {
            if rule.unconfirmed {
                out.push(if en {
                    format!("{}: whom it covers (unconfirmed)", rule.label_in(lang))
                } else {
                    format!("{}: phạm vi áp dụng (chưa xác nhận)", rule.label)
                });
            }
            let parts = [
                (
                    Criterion::GeneralEducation,
                    unconfirmed_parts(rule.general_education.as_ref()),
                ),
                (
                    Criterion::Professional,
                    unconfirmed_parts(rule.professional.as_ref()),
                ),
                (
                    Criterion::PoliticalTheory,
                    unconfirmed_parts(rule.political_theory.as_ref()),
                ),
            ];
            for (criterion, (requirement, exception)) in parts {
                let whats = if en {
                    [
                        (requirement, "requirement"),
                        (exception, "difficult-area exception"),
                    ]
                } else {
                    [
                        (requirement, "yêu cầu"),
                        (exception, "ngoại lệ vùng khó khăn"),
                    ]
                };
                for (yes, what) in whats {
                    if yes {
                        out.push(if en {
                            format!(
                                "{} – {}: {what} (unconfirmed)",
                                rule.label_in(lang),
                                criterion.label_en()
                            )
                        } else {
                            format!(
                                "{} – {}: {what} (chưa xác nhận)",
                                rule.label,
                                criterion.label_vi()
                            )
                        });
                    }
                }
            }
        }
        out
    }
}

/// Whether a requirement, and its exception, are unconfirmed.
fn unconfirmed_parts<L>(r: Option<&Requirement<L>>) -> (bool, bool) {
    r.map_or((false, false), |r| {
        (
            r.unconfirmed,
            r.exception.as_ref().is_some_and(|e| e.unconfirmed),
        )
    })
}

#[cfg(test)]
mod tests;
