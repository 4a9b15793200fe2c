//! The fields a roster column can hold (ROSTER.md "Fields"), plus the few layout-only roles
//! a column can play (the row number, a birth date split by gender, an "x" under Nam/Nữ).

use serde::{Deserialize, Serialize};

/// What a column holds. The snake_case codes are those of ROSTER.md where it names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// "STT", "TT": the row's number in the list.
    Seq,
    Name,
    Birth,
    /// The "Nam" half of a birth date split by gender.
    BirthMale,
    /// The "Nữ" half of a birth date split by gender.
    BirthFemale,
    Gender,
    /// An "x" under "Giới tính › Nam".
    GenderMaleMark,
    /// An "x" under "Giới tính › Nữ".
    GenderFemaleMark,
    Ethnicity,
    Religion,
    Unit,
    Position,
    Category,
    /// "Đảng viên" (an "x") or "Ngày vào Đảng" (a date): either means a party member.
    Party,
    GeneralEducation,
    Professional,
    FieldOfStudy,
    PoliticalTheory,
    StateManagement,
    It,
    ForeignLanguage,
    EthnicLanguage,
    Evaluation,
    Hired,
    /// Known not to matter for the report: notes, staff codes.
    Ignored,
}

impl Field {
    /// Every field, in roster order.
    pub const ALL: &'static [Field] = &[
        Field::Seq,
        Field::Name,
        Field::Birth,
        Field::BirthMale,
        Field::BirthFemale,
        Field::Gender,
        Field::GenderMaleMark,
        Field::GenderFemaleMark,
        Field::Ethnicity,
        Field::Religion,
        Field::Unit,
        Field::Position,
        Field::Category,
        Field::Party,
        Field::GeneralEducation,
        Field::Professional,
        Field::FieldOfStudy,
        Field::PoliticalTheory,
        Field::StateManagement,
        Field::It,
        Field::ForeignLanguage,
        Field::EthnicLanguage,
        Field::Evaluation,
        Field::Hired,
        Field::Ignored,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Seq => "seq",
            Field::Name => "name",
            Field::Birth => "birth",
            Field::BirthMale => "birth_male",
            Field::BirthFemale => "birth_female",
            Field::Gender => "gender",
            Field::GenderMaleMark => "gender_male_mark",
            Field::GenderFemaleMark => "gender_female_mark",
            Field::Ethnicity => "ethnicity",
            Field::Religion => "religion",
            Field::Unit => "unit",
            Field::Position => "position",
            Field::Category => "category",
            Field::Party => "party",
            Field::GeneralEducation => "general_education",
            Field::Professional => "professional",
            Field::FieldOfStudy => "field_of_study",
            Field::PoliticalTheory => "political_theory",
            Field::StateManagement => "state_management",
            Field::It => "it",
            Field::ForeignLanguage => "foreign_language",
            Field::EthnicLanguage => "ethnic_language",
            Field::Evaluation => "evaluation",
            Field::Hired => "hired",
            Field::Ignored => "ignored",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.code() == code)
    }

    /// The name shown in the import review, in `lang`.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }

    /// The Vietnamese name shown in the import review.
    pub fn label_vi(self) -> &'static str {
        match self {
            Field::Seq => "Số thứ tự",
            Field::Name => "Họ và tên",
            Field::Birth => "Ngày sinh",
            Field::BirthMale => "Ngày sinh (Nam)",
            Field::BirthFemale => "Ngày sinh (Nữ)",
            Field::Gender => "Giới tính",
            Field::GenderMaleMark => "Giới tính: Nam (x)",
            Field::GenderFemaleMark => "Giới tính: Nữ (x)",
            Field::Ethnicity => "Dân tộc",
            Field::Religion => "Tôn giáo",
            Field::Unit => "Đơn vị",
            Field::Position => "Chức vụ, chức danh",
            Field::Category => "Phân loại (CB/CC)",
            Field::Party => "Đảng viên",
            Field::GeneralEducation => "Văn hóa (GDPT)",
            Field::Professional => "Chuyên môn",
            Field::FieldOfStudy => "Chuyên ngành",
            Field::PoliticalTheory => "Lý luận chính trị",
            Field::StateManagement => "Quản lý nhà nước",
            Field::It => "Tin học",
            Field::ForeignLanguage => "Ngoại ngữ",
            Field::EthnicLanguage => "Tiếng dân tộc",
            Field::Evaluation => "Đánh giá, xếp loại",
            Field::Hired => "Ngày tuyển dụng",
            Field::Ignored => "Bỏ qua",
        }
    }

    /// The English name shown in the import review.
    pub fn label_en(self) -> &'static str {
        match self {
            Field::Seq => "Row number",
            Field::Name => "Full name",
            Field::Birth => "Birth date",
            Field::BirthMale => "Birth date (men)",
            Field::BirthFemale => "Birth date (women)",
            Field::Gender => "Gender",
            Field::GenderMaleMark => "Gender: man (x)",
            Field::GenderFemaleMark => "Gender: woman (x)",
            Field::Ethnicity => "Ethnicity",
            Field::Religion => "Religion",
            Field::Unit => "Unit",
            Field::Position => "Position",
            Field::Category => "Category",
            Field::Party => "Party member",
            Field::GeneralEducation => "General education",
            Field::Professional => "Professional level",
            Field::FieldOfStudy => "Field of study",
            Field::PoliticalTheory => "Political theory",
            Field::StateManagement => "State management",
            Field::It => "IT",
            Field::ForeignLanguage => "Foreign language",
            Field::EthnicLanguage => "Ethnic language",
            Field::Evaluation => "Evaluation",
            Field::Hired => "Hired",
            Field::Ignored => "Ignored",
        }
    }
}
