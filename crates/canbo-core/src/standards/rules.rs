//! The standards as data: rule sets by the date they take effect (DOMAIN.md "Standards, by
//! period").
//!
//! A rule set is plain serde data so that a user can edit one in the app, export it as JSON
//! and import it again; the defaults below are written with the same types. Facts DOMAIN.md
//! marks "(unconfirmed)" carry `unconfirmed: true`, so every screen can say so.

use crate::codes::{Category, GeneralEducation, PoliticalTheory, Professional};
use crate::date::Date;
use crate::export::Lang;
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

    /// The label in `lang`.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
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

impl RuleSet {
    /// The sets a JSON text holds: one set (an object) or several (an array), each valid
    /// ([`RuleSet::validate`]) and with an id of its own. Nothing is returned unless all are.
    pub fn from_json(text: &str) -> Result<Vec<RuleSet>, RuleSetFileError> {
        // Parse as plain JSON first: a syntax error then names its line, and the shape check
        // below names what is wrong with the value rather than "no variant matched".
        let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| RuleSetFileError::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        let shape = |index: Option<usize>| {
            move |e: serde_json::Error| RuleSetFileError::Shape {
                index,
                message: e.to_string(),
            }
        };
        let sets = match value {
            serde_json::Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| serde_json::from_value::<RuleSet>(item).map_err(shape(Some(i))))
                .collect::<Result<Vec<_>, _>>()?,
            value @ serde_json::Value::Object(_) => {
                vec![serde_json::from_value::<RuleSet>(value).map_err(shape(None))?]
            }
            _ => {
                return Err(RuleSetFileError::Shape {
                    index: None,
                    message: "expected a rule set (an object) or a list of them".into(),
                })
            }
        };
        if sets.is_empty() {
            return Err(RuleSetFileError::NoSets);
        }
        let mut seen = std::collections::BTreeSet::new();
        for set in &sets {
            set.validate()
                .map_err(|problem| RuleSetFileError::Invalid {
                    id: set.id.clone(),
                    problem,
                })?;
            if !seen.insert(set.id.as_str()) {
                return Err(RuleSetFileError::DuplicateId(set.id.clone()));
            }
        }
        Ok(sets)
    }

    /// The set as the JSON a user downloads (pretty-printed, the format `from_json` reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether the set can be used: an id for the command line (ASCII letters, digits, `-`,
    /// `_`, `.`), a name, at least one rule, each rule with a label and requirements that
    /// name real levels, and exceptions that relieve (a lower level, or some years).
    pub fn validate(&self) -> Result<(), Problem> {
        let id = self.id.trim();
        if id.is_empty() {
            return Err(Problem::EmptyId);
        }
        if id.len() != self.id.len()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(Problem::BadId(self.id.clone()));
        }
        if self.name.trim().is_empty() {
            return Err(Problem::EmptyName);
        }
        if self.rules.is_empty() {
            return Err(Problem::NoRules);
        }
        for (i, rule) in self.rules.iter().enumerate() {
            let label = rule.label.trim();
            if label.is_empty() {
                return Err(Problem::EmptyLabel { rule: i + 1 });
            }
            let bad = |criterion| Problem::BadRequirement {
                label: label.to_string(),
                criterion,
            };
            if !requirement_ok(rule.general_education.as_ref(), GeneralEducation::rank) {
                return Err(bad(Criterion::GeneralEducation));
            }
            if !requirement_ok(rule.professional.as_ref(), Professional::rank) {
                return Err(bad(Criterion::Professional));
            }
            if !requirement_ok(rule.political_theory.as_ref(), PoliticalTheory::rank) {
                return Err(bad(Criterion::PoliticalTheory));
            }
        }
        Ok(())
    }
}

/// A requirement asks for a ranked level above "none"; its exception, if any, lowers it to
/// a ranked level below it, or gives 1 to 50 years.
fn requirement_ok<L: Copy>(r: Option<&Requirement<L>>, rank: fn(L) -> Option<u8>) -> bool {
    let Some(r) = r else { return true };
    let Some(min) = rank(r.min).filter(|&m| m > 0) else {
        return false;
    };
    match r.exception.as_ref().map(|e| &e.relief) {
        None => true,
        Some(Relief::LowerTo(lower)) => rank(*lower).is_some_and(|l| l < min),
        Some(Relief::GraceYears(years)) => (1..=50).contains(years),
    }
}

/// What is wrong with a rule set ([`RuleSet::validate`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    EmptyId,
    BadId(String),
    EmptyName,
    NoRules,
    /// The n-th rule (from 1) has no label.
    EmptyLabel {
        rule: usize,
    },
    /// A minimum that is not a level ("none", "unknown"), or an exception that does not
    /// relieve it.
    BadRequirement {
        label: String,
        criterion: Criterion,
    },
}

impl Problem {
    /// The message in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            Problem::EmptyId => "thiếu mã bộ tiêu chuẩn (\"id\")".into(),
            Problem::BadId(id) => format!(
                "mã \"{id}\" chỉ được gồm chữ cái không dấu, chữ số, \"-\", \"_\" hoặc \".\""
            ),
            Problem::EmptyName => "thiếu tên bộ tiêu chuẩn (\"name\")".into(),
            Problem::NoRules => "bộ tiêu chuẩn phải có ít nhất một quy định (\"rules\")".into(),
            Problem::EmptyLabel { rule } => {
                format!("quy định thứ {rule} thiếu tên nhóm (\"label\")")
            }
            Problem::BadRequirement { label, criterion } => format!(
                "{label} – {}: mức yêu cầu không hợp lệ (phải là một trình độ; ngoại lệ phải hạ thấp mức đó hoặc cho từ 1 đến 50 năm)",
                criterion.label_vi()
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            Problem::EmptyId => "the rule set has no id".into(),
            Problem::BadId(id) => format!(
                "the id \"{id}\" may hold only ASCII letters, digits, \"-\", \"_\" and \".\""
            ),
            Problem::EmptyName => "the rule set has no name".into(),
            Problem::NoRules => "the rule set needs at least one rule".into(),
            Problem::EmptyLabel { rule } => format!("rule {rule} has no label"),
            Problem::BadRequirement { label, criterion } => format!(
                "{label} – {}: the requirement is not valid (it must be a level; an exception must lower it or give 1 to 50 years)",
                criterion.label_en()
            ),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

/// Why a JSON text gave no rule sets ([`RuleSet::from_json`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSetFileError {
    /// Not JSON.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a rule set (or a list of them): a field is missing or holds an unknown
    /// code. `index` is the set's place in a list.
    Shape {
        index: Option<usize>,
        message: String,
    },
    /// An empty list.
    NoSets,
    /// A set that reads but cannot be used.
    Invalid { id: String, problem: Problem },
    /// Two sets of the file share an id.
    DuplicateId(String),
}

impl RuleSetFileError {
    /// The message in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    /// For the page, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            RuleSetFileError::Syntax { line, column, .. } => {
                format!("Tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}).")
            }
            RuleSetFileError::Shape { index, message } => {
                let which = index.map_or(String::new(), |i| format!(" (bộ thứ {})", i + 1));
                format!("Tệp JSON không phải bộ tiêu chuẩn{which}: {message}.")
            }
            RuleSetFileError::NoSets => "Tệp không chứa bộ tiêu chuẩn nào.".into(),
            RuleSetFileError::Invalid { id, problem } => {
                let id = if id.trim().is_empty() {
                    "?"
                } else {
                    id.as_str()
                };
                format!(
                    "Bộ tiêu chuẩn \"{id}\" không hợp lệ: {}.",
                    problem.message_vi()
                )
            }
            RuleSetFileError::DuplicateId(id) => {
                format!("Tệp có hai bộ tiêu chuẩn cùng mã \"{id}\".")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            RuleSetFileError::Syntax { line, column, .. } => {
                format!("The file is not valid JSON (error at line {line}, column {column}).")
            }
            RuleSetFileError::Shape { index, message } => {
                let which = index.map_or(String::new(), |i| format!(" (set {})", i + 1));
                format!("The JSON is not a rule set{which}: {message}.")
            }
            RuleSetFileError::NoSets => "The file holds no rule set.".into(),
            RuleSetFileError::Invalid { id, problem } => {
                let id = if id.trim().is_empty() {
                    "?"
                } else {
                    id.as_str()
                };
                format!("Rule set \"{id}\" is not valid: {}.", problem.message_en())
            }
            RuleSetFileError::DuplicateId(id) => {
                format!("The file holds two rule sets with the id \"{id}\".")
            }
        }
    }
}

impl std::fmt::Display for RuleSetFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleSetFileError::Syntax { message, .. } => write!(f, "not JSON: {message}"),
            other => f.write_str(&other.message_en()),
        }
    }
}

impl std::error::Error for RuleSetFileError {}

/// The built-in sets with the user's: a user set with the id of a built-in one takes its
/// place, the others follow in their order. (Later sets win a tie in [`in_force`], so an
/// edited copy of a set is the one chosen at its date.)
pub fn combine(built_in: Vec<RuleSet>, user: &[RuleSet]) -> Vec<RuleSet> {
    let mut out: Vec<RuleSet> = built_in
        .into_iter()
        .map(|b| user.iter().find(|u| u.id == b.id).cloned().unwrap_or(b))
        .collect();
    for u in user {
        if !out.iter().any(|s| s.id == u.id) {
            out.push(u.clone());
        }
    }
    out
}

/// The built-in set a user set was made from: the one with its id, or the one whose edited
/// copy it is (`<id>-sua`, `<id>-sua-2`…, see [`copy_id`]).
pub fn based_on<'a>(built_in: &'a [RuleSet], id: &str) -> Option<&'a RuleSet> {
    let base = match id.rsplit_once("-sua") {
        Some((base, rest))
            if rest.is_empty()
                || rest
                    .strip_prefix('-')
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) =>
        {
            base
        }
        _ => id,
    };
    built_in.iter().find(|b| b.id == base || b.id == id)
}

/// The id for an edited copy of a built-in set: `<id>-sua`, or `<id>-sua-2`… when taken.
pub fn copy_id(id: &str, taken: &[RuleSet]) -> String {
    let free = |c: &str| !taken.iter().any(|s| s.id == c);
    let first = format!("{id}-sua");
    if free(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{id}-sua-{n}"))
        .find(|c| free(c))
        .unwrap_or(first)
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

    #[test]
    fn every_built_in_name_and_label_has_its_english() {
        for set in defaults() {
            assert!(set.name_in(Lang::En).is_ascii(), "{}", set.name);
            assert_eq!(set.name_in(Lang::Vi), set.name);
            for rule in &set.rules {
                assert!(rule.label_in(Lang::En).is_ascii(), "{}", rule.label);
            }
        }
        assert_eq!(in_lang("Bộ riêng", Lang::En), "Bộ riêng");
    }

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

    fn minimal(id: &str) -> String {
        format!(
            r#"{{"id":"{id}","name":"Riêng","effective_from":"2024-01-01","rules":[
                {{"who":{{"category":"cong_chuc"}},"label":"CC","professional":{{"min":"trung_cap"}}}}]}}"#
        )
    }

    #[test]
    fn a_file_holds_one_set_or_a_list() {
        let one = RuleSet::from_json(&minimal("a")).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].id, "a");
        let many = RuleSet::from_json(&format!("[{}, {}]", minimal("a"), minimal("b"))).unwrap();
        assert_eq!(
            many.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        // A byte-order mark, as Windows editors write, is fine.
        assert!(RuleSet::from_json(&format!("\u{feff}{}", minimal("a"))).is_ok());
    }

    #[test]
    fn every_default_set_is_valid_and_reads_back_from_its_download() {
        for set in defaults() {
            assert_eq!(set.validate(), Ok(()), "{}", set.id);
            let json = set.to_json();
            assert!(json.contains("\n  \"id\""), "pretty: {json}");
            assert_eq!(RuleSet::from_json(&json), Ok(vec![set]));
        }
        let all = serde_json::to_string(&defaults()).unwrap();
        assert_eq!(RuleSet::from_json(&all), Ok(defaults()));
    }

    #[test]
    fn broken_json_names_its_line() {
        let err = RuleSet::from_json("{\n  \"id\": \"a\",\n  oops\n}").unwrap_err();
        assert!(
            matches!(err, RuleSetFileError::Syntax { line: 3, .. }),
            "{err:?}"
        );
        assert!(err.message_vi().contains("dòng 3"), "{}", err.message_vi());
        assert!(matches!(
            RuleSet::from_json(""),
            Err(RuleSetFileError::Syntax { .. })
        ));
    }

    #[test]
    fn json_of_another_shape_says_what_is_missing() {
        let err = RuleSet::from_json(r#"{"not": "a rule set"}"#).unwrap_err();
        assert!(
            matches!(&err, RuleSetFileError::Shape { index: None, message } if message.contains("id")),
            "{err:?}"
        );
        assert!(err
            .message_vi()
            .starts_with("Tệp JSON không phải bộ tiêu chuẩn"));
        let err = RuleSet::from_json(&format!(r#"[{}, {{"id": 1}}]"#, minimal("a"))).unwrap_err();
        assert!(
            matches!(err, RuleSetFileError::Shape { index: Some(1), .. }),
            "{err:?}"
        );
        assert!(
            err.message_vi().contains("bộ thứ 2"),
            "{}",
            err.message_vi()
        );
        let unknown_level = minimal("a").replace("trung_cap", "tien_si_khoa_hoc");
        assert!(matches!(
            RuleSet::from_json(&unknown_level),
            Err(RuleSetFileError::Shape { .. })
        ));
        assert!(matches!(
            RuleSet::from_json("42"),
            Err(RuleSetFileError::Shape { .. })
        ));
        assert_eq!(RuleSet::from_json("[]"), Err(RuleSetFileError::NoSets));
    }

    #[test]
    fn invalid_sets_are_refused_with_the_reason() {
        let valid = || defaults().remove(2);
        let check = |set: RuleSet, want: Problem| {
            assert_eq!(set.validate(), Err(want.clone()), "{}", set.id);
            let json = serde_json::to_string(&set).unwrap();
            let err = RuleSet::from_json(&json).unwrap_err();
            assert_eq!(
                err,
                RuleSetFileError::Invalid {
                    id: set.id.clone(),
                    problem: want
                }
            );
            assert!(
                err.message_vi().contains("không hợp lệ"),
                "{}",
                err.message_vi()
            );
        };
        check(
            RuleSet {
                id: " ".into(),
                ..valid()
            },
            Problem::EmptyId,
        );
        check(
            RuleSet {
                id: "nđ 33".into(),
                ..valid()
            },
            Problem::BadId("nđ 33".into()),
        );
        check(
            RuleSet {
                name: "".into(),
                ..valid()
            },
            Problem::EmptyName,
        );
        check(
            RuleSet {
                rules: vec![],
                ..valid()
            },
            Problem::NoRules,
        );
        let mut no_label = valid();
        no_label.rules[1].label = " ".into();
        check(no_label, Problem::EmptyLabel { rule: 2 });
        let mut none_min = valid();
        none_min.rules[2].general_education = Some(at_least(GeneralEducation::None));
        check(
            none_min,
            Problem::BadRequirement {
                label: "Công chức cấp xã".into(),
                criterion: Criterion::GeneralEducation,
            },
        );
        let mut raises = valid();
        raises.rules[2].professional = Some(
            at_least(Professional::TrungCap)
                .except(Scope::DifficultArea, Relief::LowerTo(Professional::DaiHoc)),
        );
        check(
            raises,
            Problem::BadRequirement {
                label: "Công chức cấp xã".into(),
                criterion: Criterion::Professional,
            },
        );
        let mut no_years = valid();
        no_years.rules[0].political_theory = Some(
            at_least(PoliticalTheory::TrungCap).except(Scope::DifficultArea, Relief::GraceYears(0)),
        );
        check(
            no_years,
            Problem::BadRequirement {
                label: "Chủ tịch, Phó Chủ tịch HĐND, UBND".into(),
                criterion: Criterion::PoliticalTheory,
            },
        );
        // Lowered to "none" in difficult areas is a real relief.
        let mut waived = valid();
        waived.rules[2].professional = Some(
            at_least(Professional::TrungCap)
                .except(Scope::DifficultArea, Relief::LowerTo(Professional::None)),
        );
        assert_eq!(waived.validate(), Ok(()));
    }

    #[test]
    fn two_sets_of_a_file_may_not_share_an_id() {
        assert_eq!(
            RuleSet::from_json(&format!("[{}, {}]", minimal("a"), minimal("a"))),
            Err(RuleSetFileError::DuplicateId("a".into()))
        );
    }

    #[test]
    fn user_sets_replace_built_in_ones_by_id_and_follow_them() {
        let mut edited = defaults().remove(2);
        edited.name = "ND 33 sửa".into();
        let mut copy = defaults().remove(2);
        copy.id = copy_id(&copy.id, &defaults());
        assert_eq!(copy.id, "nd33-2023-sua");
        let own = RuleSet::from_json(&minimal("rieng")).unwrap().remove(0);
        let all = combine(defaults(), &[edited.clone(), copy.clone(), own.clone()]);
        assert_eq!(
            all.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            [
                "tt06-2012",
                "tt13-2019",
                "nd33-2023",
                "cv11-2025",
                "nd33-2023-sua",
                "rieng"
            ]
        );
        assert_eq!(all[2].name, "ND 33 sửa");
        // The edited copy, later in the list, is the one in force at its date.
        assert_eq!(
            in_force(&all, d("2023-12-31")).map(|s| s.id.as_str()),
            Some("nd33-2023-sua")
        );
        let built_in = defaults();
        let base = |id| based_on(&built_in, id).map(|s| s.id.as_str());
        assert_eq!(base("nd33-2023"), Some("nd33-2023"));
        assert_eq!(base("nd33-2023-sua"), Some("nd33-2023"));
        assert_eq!(base("nd33-2023-sua-3"), Some("nd33-2023"));
        assert_eq!(base("nd33-2023-suax"), None);
        assert_eq!(base("rieng"), None);
        assert_eq!(
            copy_id("nd33-2023", &[copy.clone()]),
            "nd33-2023-sua-2",
            "a second copy gets a number"
        );
    }

    #[test]
    fn the_documented_example_reads() {
        let doc = include_str!("../../../../docs/REPORT-EXTENSIONS.md");
        let start = doc.find("## Rule sets as JSON").unwrap();
        let block = &doc[start..];
        let json = &block[block.find("```json").unwrap() + 7..];
        let json = &json[..json.find("```").unwrap()];
        let sets = RuleSet::from_json(json).unwrap();
        assert_eq!(sets[0].rules.len(), 2);
    }

    #[test]
    fn unconfirmed_facts_are_listed_in_english_too() {
        for set in defaults() {
            let (vi, en) = (set.unconfirmed(), set.unconfirmed_in(Lang::En));
            assert_eq!(vi.len(), en.len(), "{}", set.id);
            assert!(en.iter().all(|l| l.contains("(unconfirmed)")), "{en:?}");
        }
    }
}
