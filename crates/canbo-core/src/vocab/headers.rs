//! Column headers → fields. Folded phrases written out in full (see [`super::phrases`]):
//! "TĐVH", "CMNV", "LLCT", "QLNN", "NS", "KQ ĐG", "NTNS" are read as the initials of these
//! words, not listed. `=` means the whole header must be that phrase (or its initials).
//! Add a synonym here and every layout learns it.
//!
//! Headers are those of the forms offices fill in: mẫu 2C-BNV/2008 (sơ yếu lý lịch), BM02/BNV
//! of TT 11/2012/TT-BNV (số lượng, chất lượng cán bộ, công chức cấp xã), the BNV workforce
//! statistics of TT 03/2019 and the rosters in `../shared/spec/ROSTER.md`.

use super::phrases::Phrases;
use crate::field::Field::{self, *};

pub static HEADERS: Phrases<Field> = Phrases {
    entries: &[
        ("=stt", Seq),
        ("=tt", Seq),
        ("=so tt", Seq),
        ("so thu tu", Seq),
        ("ho va ten", Name),
        ("ho ten", Name),
        ("ho va ten khai sinh", Name),
        ("ho chu dem va ten", Name),
        ("=ten", Name),
        ("ten can bo", Name),
        ("ten can bo cong chuc", Name),
        ("ngay sinh", Birth),
        ("sinh ngay", Birth),
        ("ngay thang nam sinh", Birth),
        ("ngay thang sinh", Birth),
        ("nam sinh", Birth),
        ("sinh nam", Birth),
        ("gioi tinh", Gender),
        ("=nam nu", Gender),
        ("=phai", Gender),
        ("=gioi", Gender),
        ("dan toc", Ethnicity),
        ("ton giao", Religion),
        ("don vi", Unit),
        ("don vi cong tac", Unit),
        ("co quan don vi", Unit),
        ("noi cong tac", Unit),
        ("=xa", Unit),
        ("=phuong", Unit),
        ("xa phuong thi tran", Unit),
        ("xa thi tran", Unit),
        ("xa phuong", Unit),
        ("ten xa", Unit),
        ("chuc vu", Position),
        ("chuc danh", Position),
        ("chuc vu chuc danh", Position),
        ("=loai", Category),
        ("phan loai", Category),
        ("=doi tuong", Category),
        ("loai can bo", Category),
        ("cb cc", Category),
        ("dang vien", Party),
        ("ngay vao dang", Party),
        ("ngay ket nap dang", Party),
        ("van hoa", GeneralEducation),
        ("trinh do van hoa", GeneralEducation),
        ("hoc van", GeneralEducation),
        ("gdpt", GeneralEducation),
        ("giao duc pho thong", GeneralEducation),
        ("pho thong", GeneralEducation),
        ("chuyen mon", Professional),
        ("trinh do chuyen mon", Professional),
        ("chuyen mon nghiep vu", Professional),
        ("trinh do dao tao", Professional),
        ("chuyen nganh", FieldOfStudy),
        ("nganh dao tao", FieldOfStudy),
        ("chuyen nganh dao tao", FieldOfStudy),
        ("=nganh", FieldOfStudy),
        ("ly luan chinh tri", PoliticalTheory),
        ("ly luan", PoliticalTheory),
        ("chinh tri", PoliticalTheory),
        ("quan ly nha nuoc", StateManagement),
        ("tin hoc", It),
        ("ngoai ngu", ForeignLanguage),
        ("tieng dan toc", EthnicLanguage),
        ("tieng dan toc thieu so", EthnicLanguage),
        ("xep loai", Evaluation),
        ("danh gia", Evaluation),
        ("ket qua danh gia", Evaluation),
        ("phan loai", Evaluation),
        ("danh gia xep loai", Evaluation),
        ("phan loai danh gia", Evaluation),
        ("ngay tuyen dung", Hired),
        ("nam tuyen dung", Hired),
        ("thoi gian tuyen dung", Hired),
        ("nam vao co quan", Hired),
        ("ngay vao co quan", Hired),
        ("ngay vao nganh", Hired),
        ("ngay bat dau cong tac", Hired),
        ("ghi chu", Ignored),
        ("=ma cb", Ignored),
        ("ma can bo", Ignored),
        ("que quan", Ignored),
    ],
    // "TĐVH", "TĐLLCT": the words "trình độ" glued before a field's initials.
    glued: &["trinh do"],
    glued_tail: false,
};

/// Sub-headers that split their parent's field by gender ("Sinh ngày › Nam | Nữ",
/// "Giới tính › Nam | Nữ"), or stand alone over a column of marks ("Nữ": an "x" per woman).
pub fn gender_split(leaf: &str) -> Option<crate::codes::Gender> {
    match leaf {
        "nam" => Some(crate::codes::Gender::Nam),
        "nu" => Some(crate::codes::Gender::Nu),
        _ => None,
    }
}
