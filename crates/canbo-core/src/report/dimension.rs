//! Dimensions a roster can be cut by: the filters, the cross-tabulation and the drill-down
//! ("who is behind this number") all ask the same question of a person, here.

use super::{Band, Coded, Report, ReportOptions};
use crate::codes::*;
use crate::lang::Lang;
use crate::roster::{unit_key, Person, Roster};
use crate::vocab::positions::Title;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Something every person has one value of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Unit,
    Category,
    Gender,
    PartyMember,
    EthnicMinority,
    Ethnicity,
    GeneralEducation,
    Professional,
    PoliticalTheory,
    StateManagement,
    Evaluation,
    /// The index of the person's age band ("0", "1", …) or "unknown".
    AgeBand,
    Title,
}

impl Dimension {
    pub const ALL: &'static [Dimension] = &[
        Dimension::Unit,
        Dimension::Category,
        Dimension::Gender,
        Dimension::PartyMember,
        Dimension::EthnicMinority,
        Dimension::Ethnicity,
        Dimension::GeneralEducation,
        Dimension::Professional,
        Dimension::PoliticalTheory,
        Dimension::StateManagement,
        Dimension::Evaluation,
        Dimension::AgeBand,
        Dimension::Title,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Dimension::Unit => "unit",
            Dimension::Category => "category",
            Dimension::Gender => "gender",
            Dimension::PartyMember => "party_member",
            Dimension::EthnicMinority => "ethnic_minority",
            Dimension::Ethnicity => "ethnicity",
            Dimension::GeneralEducation => "general_education",
            Dimension::Professional => "professional",
            Dimension::PoliticalTheory => "political_theory",
            Dimension::StateManagement => "state_management",
            Dimension::Evaluation => "evaluation",
            Dimension::AgeBand => "age_band",
            Dimension::Title => "title",
        }
    }

    pub fn from_code(code: &str) -> Option<Dimension> {
        Dimension::ALL.iter().copied().find(|d| d.code() == code)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Dimension::Unit => "Đơn vị",
            Dimension::Category => "Phân loại",
            Dimension::Gender => "Giới tính",
            Dimension::PartyMember => "Đảng viên",
            Dimension::EthnicMinority => "Dân tộc thiểu số",
            Dimension::Ethnicity => "Dân tộc",
            Dimension::GeneralEducation => "Văn hóa",
            Dimension::Professional => "Chuyên môn",
            Dimension::PoliticalTheory => "Lý luận chính trị",
            Dimension::StateManagement => "Quản lý nhà nước",
            Dimension::Evaluation => "Đánh giá",
            Dimension::AgeBand => "Độ tuổi",
            Dimension::Title => "Chức danh",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Dimension::Unit => "Unit",
            Dimension::Category => "Category",
            Dimension::Gender => "Gender",
            Dimension::PartyMember => "Party member",
            Dimension::EthnicMinority => "Ethnic minority",
            Dimension::Ethnicity => "Ethnicity",
            Dimension::GeneralEducation => "General education",
            Dimension::Professional => "Professional qualification",
            Dimension::PoliticalTheory => "Political theory",
            Dimension::StateManagement => "State management",
            Dimension::Evaluation => "Evaluation",
            Dimension::AgeBand => "Age band",
            Dimension::Title => "Title",
        }
    }

    /// The dimension's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }

    /// What a person reads for one of this dimension's values (a code, a unit's key, an age
    /// band's index, "yes"/"no"), in `lang`; a unit's and a band's names come from `report`.
    pub fn value_label(self, value: &str, report: &Report, lang: Lang) -> String {
        let unit = |key: &str| {
            (report.units.iter())
                .find(|u| unit_key(&u.unit) == key)
                .map(|u| u.unit.as_str())
        };
        self.label_with(value, unit, &report.age.bands, lang)
    }

    /// [`Dimension::value_label`] with a unit's name as `unit` gives it for a key (`None`:
    /// the key is shown) and the bands' names from `bands`.
    pub(super) fn label_with<'a>(
        self,
        value: &str,
        unit: impl FnOnce(&str) -> Option<&'a str>,
        bands: &[Band],
        lang: Lang,
    ) -> String {
        fn code<T: Code>(value: &str, lang: Lang) -> String {
            T::from_code(value).map_or_else(|| value.to_string(), |v| v.label(lang).to_string())
        }
        let unknown = || lang.pick("Chưa rõ", "Unknown").to_string();
        match self {
            Dimension::Unit => unit(value).map_or_else(
                || value.to_string(),
                |unit| crate::roster::display_unit(unit, lang),
            ),
            Dimension::Category => code::<Category>(value, lang),
            Dimension::Gender => code::<Gender>(value, lang),
            Dimension::PartyMember | Dimension::EthnicMinority => match value {
                "yes" => lang.pick("Có", "Yes").to_string(),
                "no" => lang.pick("Không", "No").to_string(),
                _ => unknown(),
            },
            Dimension::GeneralEducation => code::<GeneralEducation>(value, lang),
            Dimension::Professional => code::<Professional>(value, lang),
            Dimension::PoliticalTheory => code::<PoliticalTheory>(value, lang),
            Dimension::StateManagement => code::<StateManagement>(value, lang),
            Dimension::Evaluation => code::<Evaluation>(value, lang),
            Dimension::AgeBand => value
                .parse::<usize>()
                .ok()
                .and_then(|i| bands.get(i))
                .map_or_else(unknown, |b| b.label.to_string()),
            Dimension::Ethnicity if value.is_empty() => unknown(),
            Dimension::Ethnicity => value.to_string(),
            Dimension::Title => {
                Title::from_code(value).map_or_else(unknown, |t| t.label(lang).into())
            }
        }
    }

    /// Where a value of this dimension comes in the report's order, smaller first: codes as
    /// the report lists them, age bands by age, ethnic groups alphabetically, what is
    /// unknown last. A unit comes where the roster first gives it (`unit_place`, which only
    /// the roster knows; `None` puts it last).
    pub fn rank(
        self,
        value: &str,
        unit_place: Option<usize>,
    ) -> (usize, Option<crate::text::collate::Key>) {
        fn position<T: Code>(value: &str) -> usize {
            T::ALL
                .iter()
                .position(|c| c.code() == value)
                .unwrap_or(usize::MAX)
        }
        let place = match self {
            Dimension::Unit => unit_place.unwrap_or(usize::MAX),
            Dimension::Category => position::<Category>(value),
            Dimension::Gender => position::<Gender>(value),
            Dimension::PartyMember | Dimension::EthnicMinority => {
                ["yes", "no"].iter().position(|c| *c == value).unwrap_or(2)
            }
            Dimension::GeneralEducation => position::<GeneralEducation>(value),
            Dimension::Professional => position::<Professional>(value),
            Dimension::PoliticalTheory => position::<PoliticalTheory>(value),
            Dimension::StateManagement => position::<StateManagement>(value),
            Dimension::Evaluation => position::<Evaluation>(value),
            Dimension::AgeBand => value.parse().unwrap_or(usize::MAX),
            Dimension::Title => Title::ALL
                .iter()
                .position(|t| t.code() == value)
                .unwrap_or(usize::MAX),
            Dimension::Ethnicity => {
                return (
                    usize::from(value.is_empty()),
                    Some(crate::text::collate::key(value)),
                )
            }
        };
        (place, None)
    }

    /// The person's value, as the code used in JSON and the DOM (a unit by its key).
    pub fn value(self, p: &Person, options: &ReportOptions) -> String {
        match self {
            Dimension::Unit => unit_key(&p.unit),
            Dimension::AgeBand => match p.birth {
                Some(b) => options.bands.index(b.age_at(options.as_of)).to_string(),
                None => "unknown".into(),
            },
            _ => self.value_of(p).into_owned(),
        }
    }

    /// [`Dimension::value`] without the work a roster is coded for once
    /// ([`super::Coded`]): a unit's name as written (not its key), an age band as "unknown".
    pub(super) fn value_of(self, p: &Person) -> Cow<'_, str> {
        fn code<T: Code>(v: Option<T>) -> Cow<'static, str> {
            Cow::Borrowed(code_or_unknown(v))
        }
        match self {
            Dimension::Unit => Cow::Borrowed(&p.unit),
            Dimension::Category => Cow::Borrowed(p.category.code()),
            Dimension::Gender => code(p.gender),
            Dimension::PartyMember => Cow::Borrowed(super::coded::yes_no(p.party_member)),
            Dimension::EthnicMinority => Cow::Borrowed(super::coded::yes_no(p.ethnic_minority())),
            Dimension::Ethnicity => Cow::Borrowed(p.ethnicity.as_deref().unwrap_or_default()),
            Dimension::GeneralEducation => code(p.general_education),
            Dimension::Professional => code(p.professional),
            Dimension::PoliticalTheory => code(p.political_theory),
            Dimension::StateManagement => code(p.state_management),
            Dimension::Evaluation => code(p.evaluation),
            Dimension::AgeBand => Cow::Borrowed("unknown"),
            Dimension::Title => Cow::Borrowed(title_code(p.title)),
        }
    }
}

/// A level's (or gender's) value on its dimension: its code, `unknown` when none is given.
pub(super) fn code_or_unknown<T: Code>(v: Option<T>) -> &'static str {
    v.unwrap_or(T::UNKNOWN).code()
}

/// A title's value on [`Dimension::Title`]: its code, `unknown` when none is read.
pub(super) fn title_code(title: Option<Title>) -> &'static str {
    title.map_or("unknown", Title::code)
}

/// Keep people whose value on each listed dimension is one of the listed codes.
/// An empty filter keeps everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub conditions: Vec<(Dimension, Vec<String>)>,
}

impl Filter {
    /// This filter with one more condition.
    pub fn and(mut self, dim: Dimension, values: Vec<String>) -> Filter {
        self.conditions.push((dim, values));
        self
    }
}

/// The people behind a number: the report's filter plus `extra` conditions.
pub fn matching<'a>(
    roster: &'a Roster,
    options: &ReportOptions,
    extra: &Filter,
) -> Vec<&'a Person> {
    matching_rows(roster, options, extra)
        .into_iter()
        .map(|i| &roster.people[i])
        .collect()
}

/// [`matching`] as indices into `roster.people`, ascending: what a table of the people
/// behind a number keeps (`roster::query::PeopleIndex::rows` takes them). A page that asks
/// often keeps the [`Coded`] roster and asks [`Coded::rows`].
pub fn matching_rows(roster: &Roster, options: &ReportOptions, extra: &Filter) -> Vec<usize> {
    Coded::new(roster).rows(options, extra)
}

/// Counts of people by two dimensions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossTab {
    pub rows: Dimension,
    pub cols: Dimension,
    pub row_values: Vec<String>,
    pub col_values: Vec<String>,
    /// `counts[row][col]`.
    pub counts: Vec<Vec<u32>>,
}

impl CrossTab {
    /// The count of people with value `row` on the rows' dimension and `col` on the
    /// columns' (codes as in `row_values`, `col_values`); 0 for a value not in the table.
    pub fn count(&self, row: &str, col: &str) -> u32 {
        let r = self.row_values.iter().position(|v| v == row);
        let c = self.col_values.iter().position(|v| v == col);
        r.zip(c)
            .and_then(|(r, c)| self.counts.get(r)?.get(c).copied())
            .unwrap_or(0)
    }
}

/// Cross-tabulate the filtered roster by two dimensions; values in the report's order
/// ([`Dimension::rank`]). A page that asks often keeps the [`Coded`] roster.
pub fn crosstab(
    roster: &Roster,
    options: &ReportOptions,
    rows: Dimension,
    cols: Dimension,
) -> CrossTab {
    Coded::new(roster).crosstab(options, rows, cols)
}
