//! The built-in rule sets (DOMAIN.md "Standards, by period") as data: plain constructors of
//! the model's types, one set per legal instrument, oldest first. A user's edited copy of
//! one of them is the same data read from JSON (`json.rs`).

use super::{Exception, Relief, Requirement, Rule, RuleSet, Scope, Who};
use crate::codes::{Category, GeneralEducation, PoliticalTheory, Professional};
use crate::date::Date;
use crate::lang::Lang;
use crate::vocab::positions::Title;

// Small constructors keep the table below readable.

pub(super) fn at_least<L>(min: L) -> Requirement<L> {
    Requirement {
        min,
        unconfirmed: false,
        exception: None,
    }
}

impl<L> Requirement<L> {
    pub(super) fn unconfirmed(mut self) -> Self {
        self.unconfirmed = true;
        self
    }
    pub(super) fn except(mut self, scope: Scope, relief: Relief<L>) -> Self {
        self.exception = Some(Exception {
            scope,
            relief,
            unconfirmed: false,
        });
        self
    }
}

fn date(y: i32, m: u32, d: u32) -> Date {
    // The defaults' dates are valid by construction; the fallback is never taken.
    Date::new(y, m, d).unwrap_or(Date::from_days(0))
}

/// The chairs and vice-chairs of the People's Council and Committee (ND 33/2023 art. 8).
const COUNCIL_AND_COMMITTEE_LEADERS: [Title; 4] = [
    Title::ChuTichHdnd,
    Title::PhoChuTichHdnd,
    Title::ChuTichUbnd,
    Title::PhoChuTichUbnd,
];

/// "Commune leaders" of the 2025 reform: the Party committee's secretaries, the council's and
/// committee's chairs and vice-chairs, and the Front's chair. Which titles the term covers is
/// not confirmed.
const COMMUNE_LEADERS_2025: [Title; 7] = [
    Title::BiThu,
    Title::PhoBiThu,
    Title::ChuTichHdnd,
    Title::PhoChuTichHdnd,
    Title::ChuTichUbnd,
    Title::PhoChuTichUbnd,
    Title::ChuTichMttq,
];

/// Mountainous, border, island, ethnic-minority and especially difficult areas: trung cấp
/// instead of đại học (TT 13/2019, ND 33/2023).
fn dai_hoc_or_trung_cap_in_difficult_areas() -> Requirement<Professional> {
    at_least(Professional::DaiHoc).except(
        Scope::DifficultArea,
        Relief::LowerTo(Professional::TrungCap),
    )
}

fn cong_chuc(label: &str, professional: Requirement<Professional>, matching_field: bool) -> Rule {
    Rule {
        who: Who {
            category: Category::CongChuc,
            titles: Vec::new(),
        },
        label: label.into(),
        unconfirmed: false,
        general_education: Some(at_least(GeneralEducation::Thpt)),
        professional: Some(professional),
        matching_field,
        political_theory: None,
    }
}

/// ND 33/2023's standards for cán bộ other than the council and committee leaders.
fn other_can_bo_2023() -> Rule {
    Rule {
        who: Who {
            category: Category::CanBo,
            titles: Vec::new(),
        },
        label: "Cán bộ khác".into(),
        unconfirmed: false,
        general_education: Some(at_least(GeneralEducation::Thpt)),
        professional: Some(at_least(Professional::DaiHoc).unconfirmed()),
        matching_field: false,
        political_theory: Some(at_least(PoliticalTheory::TrungCap).unconfirmed()),
    }
}

/// The English of the names of the built-in sets and of their rules' labels, as data: an
/// English page names them in English. A name a user wrote has no entry and is shown as
/// written.
const ENGLISH: &[(&str, &str)] = &[
    ("Thông tư 06/2012/TT-BNV", "Circular 06/2012/TT-BNV"),
    ("Thông tư 13/2019/TT-BNV", "Circular 13/2019/TT-BNV"),
    ("Nghị định 33/2023/NĐ-CP", "Decree 33/2023/ND-CP"),
    (
        "Công văn 11/CV-BCĐ (cải cách 2025)",
        "Official letter 11/CV-BCD (2025 reform)",
    ),
    ("Công chức cấp xã", "Commune civil servants"),
    ("Cán bộ khác", "Other cadres"),
    ("Lãnh đạo chủ chốt cấp xã", "Commune key leaders"),
    (
        "Chủ tịch, Phó Chủ tịch HĐND, UBND",
        "Chairs and vice-chairs of the People's Council and Committee",
    ),
];

/// A set's name or a rule's label in `lang` (English from [`ENGLISH`] when it has one).
pub fn in_lang(text: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => ENGLISH
            .iter()
            .find(|(vi, _)| *vi == text)
            .map_or(text, |(_, en)| en),
        Lang::Vi => text,
    }
}

impl RuleSet {
    /// The set's name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &str {
        in_lang(&self.name, lang)
    }
}

impl Rule {
    /// The rule's label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &str {
        in_lang(&self.label, lang)
    }
}

/// The rule sets DOMAIN.md gives, oldest first.
pub fn defaults() -> Vec<RuleSet> {
    vec![
        RuleSet {
            id: "tt06-2012".into(),
            name: "Thông tư 06/2012/TT-BNV".into(),
            // In force from 15/12/2012 as far as we know; only rosters before 2013 depend on it.
            effective_from: date(2012, 12, 15),
            effective_from_unconfirmed: true,
            rules: vec![cong_chuc(
                "Công chức cấp xã",
                at_least(Professional::TrungCap),
                false,
            )],
        },
        RuleSet {
            id: "tt13-2019".into(),
            name: "Thông tư 13/2019/TT-BNV".into(),
            effective_from: date(2019, 12, 25),
            effective_from_unconfirmed: false,
            rules: vec![cong_chuc(
                "Công chức cấp xã",
                dai_hoc_or_trung_cap_in_difficult_areas(),
                false,
            )],
        },
        RuleSet {
            id: "nd33-2023".into(),
            name: "Nghị định 33/2023/NĐ-CP".into(),
            effective_from: date(2023, 8, 1),
            effective_from_unconfirmed: false,
            rules: vec![
                Rule {
                    who: Who {
                        category: Category::CanBo,
                        titles: COUNCIL_AND_COMMITTEE_LEADERS.to_vec(),
                    },
                    label: "Chủ tịch, Phó Chủ tịch HĐND, UBND".into(),
                    unconfirmed: false,
                    general_education: Some(at_least(GeneralEducation::Thpt)),
                    professional: Some(at_least(Professional::DaiHoc)),
                    matching_field: false,
                    political_theory: Some(at_least(PoliticalTheory::TrungCap)),
                },
                other_can_bo_2023(),
                cong_chuc(
                    "Công chức cấp xã",
                    dai_hoc_or_trung_cap_in_difficult_areas(),
                    true,
                ),
            ],
        },
        RuleSet {
            id: "cv11-2025".into(),
            name: "Công văn 11/CV-BCĐ (cải cách 2025)".into(),
            // With the two-tier local government (1/7/2025); the exact date is not confirmed.
            effective_from: date(2025, 7, 1),
            effective_from_unconfirmed: true,
            rules: vec![
                Rule {
                    who: Who {
                        category: Category::CanBo,
                        titles: COMMUNE_LEADERS_2025.to_vec(),
                    },
                    label: "Lãnh đạo chủ chốt cấp xã".into(),
                    unconfirmed: true,
                    general_education: Some(at_least(GeneralEducation::Thpt)),
                    professional: Some(
                        at_least(Professional::DaiHoc)
                            .except(Scope::DifficultAreaOrEthnicMinority, Relief::GraceYears(5)),
                    ),
                    matching_field: false,
                    political_theory: Some(
                        at_least(PoliticalTheory::TrungCap)
                            .except(Scope::DifficultAreaOrEthnicMinority, Relief::GraceYears(5)),
                    ),
                },
                // DOMAIN.md names only the leaders for 2025; the others keep ND 33/2023's
                // standards until new ones are set, which is itself unconfirmed.
                Rule {
                    unconfirmed: true,
                    ..other_can_bo_2023()
                },
                Rule {
                    unconfirmed: true,
                    ..cong_chuc(
                        "Công chức cấp xã",
                        dai_hoc_or_trung_cap_in_difficult_areas(),
                        true,
                    )
                },
            ],
        },
    ]
}
