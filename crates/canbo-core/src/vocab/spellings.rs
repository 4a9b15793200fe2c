//! Spellings the user taught: "in this field, text written like this means that code".
//!
//! The rules of [`super::phrases`] read the families of spellings offices use; what they still
//! cannot read stays `unknown` with a warning naming the cell. The import review lists those
//! values ([`crate::roster::Roster::unrecognised`]) and the user picks what each means once:
//! "Bí thư ĐU" → Bí thư Đảng ủy, "TC Luật(ĐH)" → Đại học. The choice is kept with the other
//! corrections ([`crate::import::Overrides::spellings`]), applies to every later import, is
//! applied at once to the roster on screen ([`crate::roster::Roster::apply_spellings`]), and is
//! exchanged as a JSON file (`canbo.spellings/1`) that the page and `canbo report --vocab`
//! read with the same [`Spellings::from_json`].
//!
//! Text is compared folded (case, diacritics, punctuation and spacing do not matter), as all
//! vocabulary is.

use crate::codes::*;
use crate::field::Field;
use crate::text::fold;
use crate::vocab::positions::Title;
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One taught spelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spelling {
    /// The field the text was found in (`position` for titles).
    pub field: Field,
    /// The text as the user saw it.
    pub text: String,
    /// What it means: a code of the field (ROSTER.md), or for a position the title's code.
    pub code: String,
}

/// What a value of `field` can be taught to mean: (code, Vietnamese label, English label).
pub fn choices(field: Field) -> Vec<(&'static str, &'static str, &'static str)> {
    fn of<T: Code>() -> Vec<(&'static str, &'static str, &'static str)> {
        T::ALL
            .iter()
            .filter(|c| **c != T::UNKNOWN)
            .map(|c| (c.code(), c.label_vi(), c.label_en()))
            .collect()
    }
    match field {
        Field::Category => of::<Category>(),
        Field::Gender => of::<Gender>(),
        Field::GeneralEducation => of::<GeneralEducation>(),
        Field::Professional => of::<Professional>(),
        Field::PoliticalTheory => of::<PoliticalTheory>(),
        Field::StateManagement => of::<StateManagement>(),
        Field::Evaluation => of::<Evaluation>(),
        Field::Position => Title::ALL
            .iter()
            .map(|t| (t.code(), t.label_vi(), t.label_en()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Why a spellings file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpellingsError {
    /// Not JSON of the expected shape.
    Json(String),
    /// A spelling whose field cannot be taught, or whose code is not one of the field's.
    BadCode {
        field: Field,
        text: String,
        code: String,
    },
}

impl SpellingsError {
    /// The message in `lang` (English: the same words as `Display`).
    pub fn message(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Vi => self.message_vi(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            SpellingsError::Json(e) => format!("tệp từ điển không đúng định dạng ({e})"),
            SpellingsError::BadCode { field, text, code } => format!(
                "«{text}»: «{code}» không phải giá trị của «{}»",
                field.label_vi()
            ),
        }
    }
}

impl fmt::Display for SpellingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpellingsError::Json(e) => write!(f, "not a spellings file ({e})"),
            SpellingsError::BadCode { field, text, code } => write!(
                f,
                "'{text}': '{code}' is not a value of '{}'",
                field.label_en()
            ),
        }
    }
}

impl std::error::Error for SpellingsError {}

/// The file: `{"schema": "canbo.spellings/1", "spellings": [{"field", "text", "code"}, …]}`.
#[derive(Serialize, Deserialize)]
struct File {
    schema: String,
    spellings: Vec<Spelling>,
}

const SCHEMA: &str = "canbo.spellings/1";

/// Spellings ready to look up: (field, folded text) → code.
#[derive(Debug, Clone, Default)]
pub struct Spellings {
    map: HashMap<(Field, String), String>,
}

impl Spellings {
    pub fn new(list: &[Spelling]) -> Spellings {
        Spellings {
            map: list
                .iter()
                .map(|s| ((s.field, fold(&s.text)), s.code.clone()))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The code taught for `text` in `field`.
    pub fn code(&self, field: Field, text: &str) -> Option<&str> {
        if self.map.is_empty() {
            return None;
        }
        self.map.get(&(field, fold(text))).map(String::as_str)
    }

    /// The value taught for `text` in a level field.
    pub fn level<T: Code>(&self, field: Field, text: &str) -> Option<T> {
        self.code(field, text).and_then(T::from_code)
    }

    /// The title taught for a position.
    pub fn title(&self, text: &str) -> Option<Title> {
        self.code(Field::Position, text).and_then(Title::from_code)
    }

    /// Reads a spellings file, checking every field and code.
    pub fn from_json(text: &str) -> Result<Vec<Spelling>, SpellingsError> {
        let file: File =
            serde_json::from_str(text).map_err(|e| SpellingsError::Json(e.to_string()))?;
        if file.schema != SCHEMA {
            return Err(SpellingsError::Json(format!("schema «{}»", file.schema)));
        }
        for s in &file.spellings {
            if !choices(s.field).iter().any(|(code, _, _)| *code == s.code) {
                return Err(SpellingsError::BadCode {
                    field: s.field,
                    text: s.text.clone(),
                    code: s.code.clone(),
                });
            }
        }
        Ok(file.spellings)
    }

    /// The file for `list`.
    pub fn to_json(list: &[Spelling]) -> String {
        serde_json::to_string_pretty(&File {
            schema: SCHEMA.into(),
            spellings: list.to_vec(),
        })
        .unwrap_or_default()
    }
}

/// Adds `spelling` to `list`, replacing one of the same field and folded text.
pub fn teach(list: &mut Vec<Spelling>, spelling: Spelling) {
    let key = fold(&spelling.text);
    list.retain(|s| !(s.field == spelling.field && fold(&s.text) == key));
    list.push(spelling);
}

/// Removes the spelling of `field` whose text folds as `text` does (the one [`teach`] would
/// replace), if any.
pub fn forget(list: &mut Vec<Spelling>, field: Field, text: &str) {
    let key = fold(text);
    list.retain(|s| !(s.field == field && fold(&s.text) == key));
}

/// Adds every spelling of `more`, the later ones replacing the earlier.
pub fn merge(list: &mut Vec<Spelling>, more: Vec<Spelling>) {
    for s in more {
        teach(list, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(field: Field, text: &str, code: &str) -> Spelling {
        Spelling {
            field,
            text: text.into(),
            code: code.into(),
        }
    }

    #[test]
    fn taught_text_is_found_whatever_its_case_and_marks() {
        let sp = Spellings::new(&[
            s(Field::Position, "Bí thư ĐU", "bi_thu"),
            s(Field::Professional, "TC Luật(ĐH)", "dai_hoc"),
        ]);
        assert_eq!(sp.title("BI THU DU"), Some(Title::BiThu));
        assert_eq!(
            sp.level::<Professional>(Field::Professional, "tc luat (dh)"),
            Some(Professional::DaiHoc)
        );
        assert_eq!(
            sp.level::<Professional>(Field::PoliticalTheory, "TC Luật(ĐH)"),
            None
        );
    }

    #[test]
    fn forgetting_removes_the_spelling_of_that_field_whatever_its_case_and_marks() {
        let mut list = vec![
            s(Field::Position, "Bí thư ĐU", "bi_thu"),
            s(Field::Professional, "Bí thư ĐU", "dai_hoc"),
            s(Field::Position, "CT UB", "chu_tich_ubnd"),
        ];
        forget(&mut list, Field::Position, "BI THU DU");
        assert_eq!(
            list,
            [
                s(Field::Professional, "Bí thư ĐU", "dai_hoc"),
                s(Field::Position, "CT UB", "chu_tich_ubnd"),
            ]
        );
        forget(&mut list, Field::Position, "nothing taught");
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn files_round_trip_and_bad_codes_are_refused() {
        let list = vec![s(Field::Evaluation, "Loại A", "xuat_sac")];
        let json = Spellings::to_json(&list);
        assert_eq!(Spellings::from_json(&json).unwrap(), list);
        let bad = json.replace("xuat_sac", "gioi");
        assert!(matches!(
            Spellings::from_json(&bad),
            Err(SpellingsError::BadCode { .. })
        ));
        assert!(matches!(
            Spellings::from_json("{"),
            Err(SpellingsError::Json(_))
        ));
        assert!(Spellings::from_json(&json.replace("/1", "/9")).is_err());
    }

    #[test]
    fn teaching_again_replaces() {
        let mut list = vec![s(Field::Position, "BT ĐU", "pho_bi_thu")];
        teach(&mut list, s(Field::Position, "bt du", "bi_thu"));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].code, "bi_thu");
    }

    #[test]
    fn every_teachable_field_offers_codes() {
        for f in [
            Field::Position,
            Field::Professional,
            Field::Evaluation,
            Field::Category,
        ] {
            assert!(!choices(f).is_empty(), "{f:?}");
        }
        assert!(choices(Field::Name).is_empty());
    }
}
