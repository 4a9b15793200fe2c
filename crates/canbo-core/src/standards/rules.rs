//! The standards as data: rule sets by the date they take effect (DOMAIN.md "Standards, by
//! period").
//!
//! A rule set is plain serde data so that a user can edit one in the app, export it as JSON
//! and import it again; the defaults below are written with the same types. Facts DOMAIN.md
//! marks "(unconfirmed)" carry `unconfirmed: true`, so every screen can say so.

use crate::codes::{Category, GeneralEducation, PoliticalTheory, Professional};
use crate::date::Date;
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
        let mut out = Vec::new();
        if self.effective_from_unconfirmed {
            out.push(format!(
                "{}: ngày có hiệu lực {} (chưa xác nhận)",
                self.name, self.effective_from
            ));
        }
        for rule in &self.rules {
            if rule.unconfirmed {
                out.push(format!("{}: phạm vi áp dụng (chưa xác nhận)", rule.label));
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
                for (yes, what) in [
                    (requirement, "yêu cầu"),
                    (exception, "ngoại lệ vùng khó khăn"),
                ] {
                    if yes {
                        out.push(format!(
                            "{} – {}: {what} (chưa xác nhận)",
                            rule.label,
                            criterion.label_vi()
                        ));
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

/// The set in force at `as_of`: the latest whose `effective_from` is on or before it.
pub fn in_force(sets: &[RuleSet], as_of: Date) -> Option<&RuleSet> {
    sets.iter()
        .filter(|s| s.effective_from <= as_of)
        .max_by_key(|s| s.effective_from)
}

/// A set by its id or its name, ignoring case, diacritics and punctuation ("nd33-2023",
/// "NĐ 33/2023/NĐ-CP").
pub fn find<'a>(sets: &'a [RuleSet], name: &str) -> Option<&'a RuleSet> {
    let key = |s: &str| -> String {
        crate::text::fold(s)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect()
    };
    let wanted = key(name);
    sets.iter()
        .find(|s| key(&s.id) == wanted || key(&s.name) == wanted)
}

/// The set to use: the one named, else the one in force at `as_of`, else (a date before
/// every set) the earliest, which [`super::standards`] then flags as not yet in force.
pub fn choose<'a>(
    sets: &'a [RuleSet],
    name: Option<&str>,
    as_of: Date,
) -> Result<&'a RuleSet, RuleSetError> {
    match name {
        Some(n) => find(sets, n).ok_or_else(|| RuleSetError::Unknown {
            name: n.to_string(),
            available: sets.iter().map(|s| s.id.clone()).collect(),
        }),
        None => in_force(sets, as_of)
            .or_else(|| sets.iter().min_by_key(|s| s.effective_from))
            .ok_or(RuleSetError::Empty),
    }
}

/// Why no rule set could be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSetError {
    Unknown {
        name: String,
        available: Vec<String>,
    },
    Empty,
}

impl std::fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleSetError::Unknown { name, available } => {
                write!(
                    f,
                    "no rule set named '{name}'; available: {}",
                    available.join(", ")
                )
            }
            RuleSetError::Empty => f.write_str("there are no rule sets to choose from"),
        }
    }
}

impl std::error::Error for RuleSetError {}

// ---------------------------------------------------------------------------------------
// The defaults (DOMAIN.md). Small constructors keep the table below readable.

fn at_least<L>(min: L) -> Requirement<L> {
    Requirement {
        min,
        unconfirmed: false,
        exception: None,
    }
}

impl<L> Requirement<L> {
    fn unconfirmed(mut self) -> Self {
        self.unconfirmed = true;
        self
    }
    fn except(mut self, scope: Scope, relief: Relief<L>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn check_in_force(as_of: &str, expect: Option<&str>) {
        let sets = defaults();
        assert_eq!(
            in_force(&sets, d(as_of)).map(|s| s.id.as_str()),
            expect,
            "{as_of}"
        );
    }

    #[test]
    fn the_set_in_force_is_the_latest_that_has_taken_effect() {
        check_in_force("2012-12-14", None);
        check_in_force("2012-12-15", Some("tt06-2012"));
        check_in_force("2019-12-24", Some("tt06-2012"));
        check_in_force("2019-12-25", Some("tt13-2019"));
        check_in_force("2023-07-31", Some("tt13-2019"));
        check_in_force("2023-08-01", Some("nd33-2023"));
        check_in_force("2025-06-30", Some("nd33-2023"));
        check_in_force("2025-07-01", Some("cv11-2025"));
    }

    #[test]
    fn a_set_is_found_by_id_or_by_its_written_name() {
        let sets = defaults();
        for name in [
            "nd33-2023",
            "ND33-2023",
            "Nghị định 33/2023/NĐ-CP",
            "nghi dinh 33/2023/nd-cp",
        ] {
            assert_eq!(
                find(&sets, name).map(|s| s.id.as_str()),
                Some("nd33-2023"),
                "{name}"
            );
        }
        assert!(find(&sets, "tt99").is_none());
    }

    #[test]
    fn choosing_falls_back_to_the_earliest_before_any_set() {
        let sets = defaults();
        assert_eq!(
            choose(&sets, None, d("2000-01-01")).map(|s| s.id.as_str()),
            Ok("tt06-2012")
        );
        assert_eq!(
            choose(&sets, Some("tt13-2019"), d("2024-01-01")).map(|s| s.id.as_str()),
            Ok("tt13-2019")
        );
        assert!(matches!(
            choose(&sets, Some("x"), d("2024-01-01")),
            Err(RuleSetError::Unknown { .. })
        ));
        assert_eq!(choose(&[], None, d("2024-01-01")), Err(RuleSetError::Empty));
    }

    #[test]
    fn rule_sets_round_trip_through_json() {
        for set in defaults() {
            let json = serde_json::to_string(&set).unwrap();
            let back: RuleSet = serde_json::from_str(&json).unwrap();
            assert_eq!(back, set, "{json}");
        }
    }

    #[test]
    fn a_hand_written_rule_set_reads_with_defaults() {
        let json = r#"{"id":"x","name":"X","effective_from":"2024-01-01","rules":[
            {"who":{"category":"cong_chuc"},"label":"CC",
             "professional":{"min":"dai_hoc","exception":{"scope":"difficult_area","relief":{"lower_to":"cao_dang"}}}}]}"#;
        let set: RuleSet = serde_json::from_str(json).unwrap();
        let rule = &set.rules[0];
        assert_eq!(rule.general_education, None);
        let exception = rule
            .professional
            .as_ref()
            .and_then(|p| p.exception.as_ref())
            .unwrap();
        assert_eq!(exception.relief, Relief::LowerTo(Professional::CaoDang));
    }

    #[test]
    fn leaders_rules_come_before_the_catch_all() {
        let sets = defaults();
        let nd33 = find(&sets, "nd33-2023").unwrap();
        let label = |c, t| nd33.rule_for(c, t).map(|r| r.label.as_str());
        assert_eq!(
            label(Category::CanBo, Some(Title::PhoChuTichUbnd)),
            Some("Chủ tịch, Phó Chủ tịch HĐND, UBND")
        );
        assert_eq!(
            label(Category::CanBo, Some(Title::BiThu)),
            Some("Cán bộ khác")
        );
        assert_eq!(label(Category::CanBo, None), Some("Cán bộ khác"));
        assert_eq!(
            label(Category::CongChuc, Some(Title::TuPhapHoTich)),
            Some("Công chức cấp xã")
        );
        assert_eq!(
            label(Category::KhongChuyenTrach, Some(Title::KhongChuyenTrach)),
            None
        );
        assert_eq!(label(Category::Unknown, Some(Title::HopDong)), None);
    }

    #[test]
    fn unconfirmed_facts_are_listed() {
        let sets = defaults();
        let list = |id| find(&sets, id).unwrap().unconfirmed();
        assert!(list("tt13-2019").is_empty());
        let nd33 = list("nd33-2023");
        assert_eq!(nd33.len(), 2, "{nd33:?}");
        assert!(
            nd33.iter().all(|l| l.starts_with("Cán bộ khác")),
            "{nd33:?}"
        );
        assert!(list("cv11-2025")
            .iter()
            .any(|l| l.contains("ngày có hiệu lực")));
    }
}
