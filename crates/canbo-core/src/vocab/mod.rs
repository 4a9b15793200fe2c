//! The vocabulary of rosters, as data: header synonyms, level and evaluation phrases,
//! position titles, ethnic group spellings. Code elsewhere asks; these tables answer.
//!
//! Each value parser returns `None` for text it cannot classify, so the caller can count it as
//! `unknown` and raise a warning naming the cell. Blank cells never reach these parsers.

pub mod ethnicity;
pub mod headers;
pub mod levels;
pub mod phrases;
pub mod positions;
pub mod spellings;
pub mod units;

use crate::codes::*;
use crate::text::fold;

/// "12/12", "10/10", "9/12", "Tốt nghiệp THPT", "Bổ túc THPT", "THCS"…
pub fn general_education(text: &str) -> Option<GeneralEducation> {
    let folded = fold(text);
    if let Some((done, of)) = grade_fraction(&folded) {
        return grade_level(done, of);
    }
    levels::GENERAL_EDUCATION.best(&folded).map(|h| h.value)
}

/// "9/12" → (9, 12): grades completed out of the system's total.
fn grade_fraction(folded: &str) -> Option<(u32, u32)> {
    let (a, b) = folded.split_once('/')?;
    let done = a.trim().rsplit(' ').next()?.parse().ok()?;
    let of = b.trim().split(' ').next()?.parse().ok()?;
    Some((done, of))
}

/// The 12-year system (THCS ends at grade 9) and the old 10-year one (THCS ends at grade 7).
fn grade_level(done: u32, of: u32) -> Option<GeneralEducation> {
    let lower_secondary_from = match of {
        12 => 9,
        10 => 7,
        _ => return None,
    };
    Some(if done > of {
        return None;
    } else if done == of {
        GeneralEducation::Thpt
    } else if done >= lower_secondary_from {
        GeneralEducation::Thcs
    } else {
        GeneralEducation::TieuHoc
    })
}

pub fn professional(text: &str) -> Option<Professional> {
    levels::PROFESSIONAL.classify(text)
}

pub fn political_theory(text: &str) -> Option<PoliticalTheory> {
    levels::POLITICAL_THEORY.classify(text)
}

pub fn state_management(text: &str) -> Option<StateManagement> {
    levels::STATE_MANAGEMENT.classify(text)
}

/// A category phrase, or a 100-point score on the scale of ND 335/2025
/// (≥90, 70–89, 50–69, <50).
pub fn evaluation(text: &str) -> Option<Evaluation> {
    let folded = fold(text);
    if let Ok(score) = folded.replace(' ', ".").parse::<f64>() {
        return evaluation_score(score);
    }
    levels::EVALUATION.best(&folded).map(|h| h.value)
}

/// A 100-point evaluation score mapped to its category.
pub fn evaluation_score(score: f64) -> Option<Evaluation> {
    match score {
        s if !(0.0..=100.0).contains(&s) => None,
        s if s >= 90.0 => Some(Evaluation::XuatSac),
        s if s >= 70.0 => Some(Evaluation::Tot),
        s if s >= 50.0 => Some(Evaluation::HoanThanh),
        _ => Some(Evaluation::KhongHoanThanh),
    }
}

pub fn category(text: &str) -> Option<Category> {
    levels::CATEGORY.classify(text)
}

pub fn gender(text: &str) -> Option<Gender> {
    levels::GENDER.classify(text)
}

/// A yes/no column: blank is no (handled by the caller), a "no" word is no, anything else
/// written there (an "x", a date, "Đảng viên") is yes.
pub fn yes(text: &str) -> bool {
    levels::NO.classify(text).is_none()
}

/// An "x"-style mark: any non-blank content except a "no" word.
pub fn mark(text: &str) -> bool {
    yes(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_education_fractions_in_both_systems() {
        let g = general_education;
        assert_eq!(g("12/12"), Some(GeneralEducation::Thpt));
        assert_eq!(g("10/10"), Some(GeneralEducation::Thpt));
        assert_eq!(g("11/12"), Some(GeneralEducation::Thcs));
        assert_eq!(g("10/12"), Some(GeneralEducation::Thcs));
        assert_eq!(g("9/12"), Some(GeneralEducation::Thcs));
        assert_eq!(g("7/10"), Some(GeneralEducation::Thcs));
        assert_eq!(g("8/12"), Some(GeneralEducation::TieuHoc));
        assert_eq!(g("5/12"), Some(GeneralEducation::TieuHoc));
        assert_eq!(g("Tốt nghiệp THPT"), Some(GeneralEducation::Thpt));
        assert_eq!(g("Bổ túc THPT"), Some(GeneralEducation::Thpt));
        assert_eq!(g("?"), None);
        assert_eq!(g("13/12"), None);
    }

    #[test]
    fn professional_levels_with_fields_attached() {
        let p = professional;
        assert_eq!(p("Đại học Luật"), Some(Professional::DaiHoc));
        assert_eq!(p("ĐH Luật"), Some(Professional::DaiHoc));
        assert_eq!(p("TC Kế toán"), Some(Professional::TrungCap));
        assert_eq!(p("ThS Kinh tế"), Some(Professional::ThacSi));
        assert_eq!(p("TS"), Some(Professional::TienSi));
        assert_eq!(p("Kỹ sư nông nghiệp"), Some(Professional::DaiHoc));
        assert_eq!(p("Cử nhân"), Some(Professional::DaiHoc));
        assert_eq!(p("Chưa qua đào tạo"), Some(Professional::None));
        assert_eq!(p("Đại học TC-NH"), Some(Professional::DaiHoc));
        assert_eq!(p("ĐHSP Toán"), Some(Professional::DaiHoc));
        assert_eq!(p("Đang học"), None);
        assert_eq!(p("xem hồ sơ"), None);
    }

    #[test]
    fn political_theory_and_state_management() {
        assert_eq!(
            political_theory("Trung cấp LLCT"),
            Some(PoliticalTheory::TrungCap)
        );
        assert_eq!(
            political_theory("Cử nhân chính trị"),
            Some(PoliticalTheory::CaoCap)
        );
        assert_eq!(political_theory("đang cập nhật"), None);
        assert_eq!(
            state_management("Chuyên viên chính"),
            Some(StateManagement::Cvc)
        );
        assert_eq!(state_management("CVC"), Some(StateManagement::Cvc));
        assert_eq!(state_management("CV"), Some(StateManagement::Cv));
        assert_eq!(state_management("Cán sự"), Some(StateManagement::CanSu));
    }

    #[test]
    fn evaluation_traps() {
        let e = evaluation;
        assert_eq!(
            e("Hoàn thành tốt nhiệm vụ nhưng còn hạn chế về năng lực"),
            Some(Evaluation::HanChe)
        );
        assert_eq!(
            e("Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"),
            Some(Evaluation::HanChe)
        );
        assert_eq!(e("Không hoàn thành NV"), Some(Evaluation::KhongHoanThanh));
        assert_eq!(e("Hoàn thành tốt NV"), Some(Evaluation::Tot));
        assert_eq!(e("HTXSNV"), Some(Evaluation::XuatSac));
        assert_eq!(e("Hoàn thành nhiệm vụ"), Some(Evaluation::HoanThanh));
        assert_eq!(e("92"), Some(Evaluation::XuatSac));
        assert_eq!(e("69,5"), Some(Evaluation::HoanThanh));
        assert_eq!(e("đang xét"), None);
    }

    #[test]
    fn categories_and_genders() {
        assert_eq!(
            category("Người hoạt động không chuyên trách"),
            Some(Category::KhongChuyenTrach)
        );
        assert_eq!(category("Công chức"), Some(Category::CongChuc));
        assert_eq!(category("Hợp đồng"), Some(Category::Unknown));
        assert_eq!(gender("nữ"), Some(Gender::Nu));
        assert_eq!(gender("N÷"), None);
        assert!(yes("x") && yes("12/03/2001") && !yes("Không"));
    }
}
