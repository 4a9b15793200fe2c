//! Training needs: the people short of a standard, grouped by what they must obtain
//! ("Cần đại học", "Cần trung cấp LLCT"), which is how a training plan is drawn up.

use super::rules::Criterion;
use super::{Lack, PersonLine, Standards};
use crate::codes::{Code, GeneralEducation, PoliticalTheory, Professional};
use crate::date::Date;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// What each (criterion, level) need is called in a plan; other pairs get a generic label.
const NEED_LABELS: &[(Criterion, &str, &str)] = &[
    (Criterion::GeneralEducation, "thpt", "Cần tốt nghiệp THPT"),
    (Criterion::GeneralEducation, "thcs", "Cần tốt nghiệp THCS"),
    (Criterion::Professional, "tien_si", "Cần tiến sĩ"),
    (Criterion::Professional, "thac_si", "Cần thạc sĩ"),
    (Criterion::Professional, "dai_hoc", "Cần đại học"),
    (Criterion::Professional, "cao_dang", "Cần cao đẳng"),
    (
        Criterion::Professional,
        "trung_cap",
        "Cần trung cấp chuyên môn",
    ),
    (Criterion::Professional, "so_cap", "Cần sơ cấp chuyên môn"),
    (Criterion::PoliticalTheory, "cao_cap", "Cần cao cấp LLCT"),
    (
        Criterion::PoliticalTheory,
        "trung_cap",
        "Cần trung cấp LLCT",
    ),
    (Criterion::PoliticalTheory, "so_cap", "Cần sơ cấp LLCT"),
];

/// The order groups are listed in: the professional diploma takes longest to obtain.
const PLAN_ORDER: [Criterion; 3] = [
    Criterion::Professional,
    Criterion::PoliticalTheory,
    Criterion::GeneralEducation,
];

/// "Cần đại học" for (professional, "dai_hoc").
pub fn need_label(criterion: Criterion, need: &str) -> String {
    NEED_LABELS
        .iter()
        .find(|(c, code, _)| *c == criterion && *code == need)
        .map(|(_, _, label)| (*label).to_string())
        .unwrap_or_else(|| {
            format!(
                "Cần {} {}",
                criterion.label_vi().to_lowercase(),
                level_label_vi(criterion, need)
            )
        })
}

/// [`need_label`] in `lang`: "Cần đại học" / "Needs professional Bachelor's" (the
/// criterion, then the level, as the page and the CLI write it in English).
pub fn need_label_in(criterion: Criterion, need: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => need_label(criterion, need),
        Lang::En => format!(
            "Needs {} {}",
            criterion.label_en().to_lowercase(),
            level_label(criterion, need, lang)
        ),
    }
}

/// The Vietnamese label of a level code of a criterion ("dai_hoc" → "Đại học").
pub fn level_label_vi(criterion: Criterion, code: &str) -> &'static str {
    level_label(criterion, code, Lang::Vi)
}

/// The label of a level code of a criterion in `lang` ("dai_hoc" → "Đại học" /
/// "Bachelor's"); empty for a code the criterion does not have.
pub fn level_label(criterion: Criterion, code: &str, lang: Lang) -> &'static str {
    fn label<T: Code>(code: &str, lang: Lang) -> &'static str {
        T::from_code(code).map_or("", |v| v.label(lang))
    }
    match criterion {
        Criterion::GeneralEducation => label::<GeneralEducation>(code, lang),
        Criterion::Professional => label::<Professional>(code, lang),
        Criterion::PoliticalTheory => label::<PoliticalTheory>(code, lang),
    }
}

/// Rank of a level code, for ordering groups (highest need first).
fn need_rank(criterion: Criterion, code: &str) -> u8 {
    let rank = match criterion {
        Criterion::GeneralEducation => {
            GeneralEducation::from_code(code).and_then(GeneralEducation::rank)
        }
        Criterion::Professional => Professional::from_code(code).and_then(Professional::rank),
        Criterion::PoliticalTheory => {
            PoliticalTheory::from_code(code).and_then(PoliticalTheory::rank)
        }
    };
    rank.unwrap_or(0)
}

/// One person in a group of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trainee {
    pub index: usize,
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    /// The level now, as a code (`None` when the roster gives none).
    pub have: Option<String>,
    /// The date by which the need must be met, for people in grace.
    pub until: Option<Date>,
}

/// People who need the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingGroup {
    pub criterion: Criterion,
    /// The level to obtain, as a code.
    pub need: String,
    /// "Cần đại học".
    pub label: String,
    pub people: Vec<Trainee>,
}

/// The size of a group, for the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedCount {
    pub criterion: Criterion,
    pub need: String,
    pub label: String,
    pub count: u32,
    /// Of whom in grace (they must obtain it by a deadline).
    pub in_grace: u32,
}

/// The training plan: the people below and the people in grace, grouped by need.
pub fn plan(standards: &Standards) -> Vec<TrainingGroup> {
    plan_of(&standards.people_below, &standards.people_in_grace)
}

pub(super) fn plan_of(below: &[PersonLine], in_grace: &[PersonLine]) -> Vec<TrainingGroup> {
    grouped(below, in_grace)
        .into_iter()
        .map(|group| TrainingGroup {
            criterion: group.criterion,
            need: group.need.to_string(),
            label: need_label(group.criterion, group.need),
            people: group
                .people
                .iter()
                .map(|(line, lack)| Trainee {
                    index: line.index,
                    name: line.name.clone(),
                    unit: line.unit.clone(),
                    position: line.position.clone(),
                    have: lack.have.clone(),
                    until: lack.until,
                })
                .collect(),
        })
        .collect()
}

/// The sizes of [`plan_of`]'s groups, without writing out their people.
pub(super) fn counts_of(below: &[PersonLine], in_grace: &[PersonLine]) -> Vec<NeedCount> {
    grouped(below, in_grace)
        .into_iter()
        .map(|group| NeedCount {
            criterion: group.criterion,
            need: group.need.to_string(),
            label: need_label(group.criterion, group.need),
            count: group.people.len() as u32,
            in_grace: group
                .people
                .iter()
                .filter(|(_, lack)| lack.until.is_some())
                .count() as u32,
        })
        .collect()
}

/// One need and the people (and their lack) who have it.
struct Group<'a> {
    criterion: Criterion,
    need: &'a str,
    people: Vec<(&'a PersonLine, &'a Lack)>,
}

/// The lacks of the people below standard, then of those in grace, grouped by what they
/// need, in the plan's order: professional, political theory, general education, the
/// highest level first; people in the order they come.
fn grouped<'a>(below: &'a [PersonLine], in_grace: &'a [PersonLine]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let lines = below.iter().chain(in_grace);
    for (line, lack) in lines.flat_map(|l| l.lacks.iter().map(move |k| (l, k))) {
        match groups
            .iter_mut()
            .find(|g| g.criterion == lack.criterion && g.need == lack.need)
        {
            Some(g) => g.people.push((line, lack)),
            None => groups.push(Group {
                criterion: lack.criterion,
                need: &lack.need,
                people: vec![(line, lack)],
            }),
        }
    }
    groups.sort_by_key(|g| {
        let order = PLAN_ORDER
            .iter()
            .position(|c| *c == g.criterion)
            .unwrap_or(PLAN_ORDER.len());
        (order, std::cmp::Reverse(need_rank(g.criterion, g.need)))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_are_named_as_a_plan_names_them() {
        let check = |c, code, want: &str| assert_eq!(need_label(c, code), want);
        check(Criterion::Professional, "dai_hoc", "Cần đại học");
        check(
            Criterion::PoliticalTheory,
            "trung_cap",
            "Cần trung cấp LLCT",
        );
        check(Criterion::GeneralEducation, "thpt", "Cần tốt nghiệp THPT");
        check(
            Criterion::GeneralEducation,
            "tieu_hoc",
            "Cần văn hóa Tiểu học",
        );
    }

    #[test]
    fn level_labels_follow_the_criterion() {
        assert_eq!(
            level_label_vi(Criterion::Professional, "trung_cap"),
            "Trung cấp"
        );
        assert_eq!(
            level_label_vi(Criterion::PoliticalTheory, "cao_cap"),
            "Cao cấp, cử nhân"
        );
        assert_eq!(level_label_vi(Criterion::Professional, "bogus"), "");
    }
}
