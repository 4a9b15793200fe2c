//! A rule set as the JSON file a user downloads and imports (one set or a list), and the
//! checks a set must pass before it is used: nothing half-read is ever applied.

use super::{Criterion, Level, Relief, Requirement, RuleSet, GRACE_YEARS};

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
            if !requirement_ok(rule.general_education.as_ref()) {
                return Err(bad(Criterion::GeneralEducation));
            }
            if !requirement_ok(rule.professional.as_ref()) {
                return Err(bad(Criterion::Professional));
            }
            if !requirement_ok(rule.political_theory.as_ref()) {
                return Err(bad(Criterion::PoliticalTheory));
            }
        }
        Ok(())
    }
}

/// A requirement asks for a ranked level above "none"; its exception, if any, lowers it to
/// a ranked level below it, or gives 1 to 50 years ([`GRACE_YEARS`]).
fn requirement_ok<L: Level>(r: Option<&Requirement<L>>) -> bool {
    let Some(r) = r else { return true };
    let Some(min) = r.min.rank().filter(|&m| m > 0) else {
        return false;
    };
    match r.exception.as_ref().map(|e| &e.relief) {
        None => true,
        Some(Relief::LowerTo(lower)) => lower.rank().is_some_and(|l| l < min),
        Some(Relief::GraceYears(years)) => GRACE_YEARS.contains(years),
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
    /// The message for the page in `lang`. English is [`message_en`](Self::message_en), not
    /// `Display`: for a syntax error `Display` gives the parser's words, for a developer.
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.message_en(),
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
