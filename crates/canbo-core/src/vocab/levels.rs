//! Cell values → category codes: qualifications, evaluations, categories, gender.
//!
//! Folded phrases written out in full (see [`super::phrases`]): their abbreviations ("ĐH",
//! "TCLLCT", "HTTNV", "KHTNV", "CVC") are read by the matching rule, not listed. An entry
//! that is itself an acronym is listed only where its letters are not the initials of the
//! words (“PTTH” for “phổ thông trung học” reverses them; “TS”/“ThS” are degrees' own titles).
//!
//! Where the spellings come from:
//! - qualifications: Luật Giáo dục 2019 (art. 6: sơ cấp, trung cấp, cao đẳng, đại học, thạc sĩ,
//!   tiến sĩ), the "Trình độ" columns of mẫu 2C-BNV/2008 (sơ yếu lý lịch: "12/12", "Cử nhân
//!   Luật", "Trung cấp LLCT"), TT 11/2012/TT-BNV's BM02 form (chuyên viên cao cấp, chuyên viên
//!   chính, chuyên viên, cán sự);
//! - evaluations: ND 56/2015 art. 3 and ND 90/2020 art. 2 (the four levels) and the forms'
//!   usual shorthand HTXSNV, HTTNV, HTNV, KHTNV.

use super::phrases::Phrases;
use crate::codes::*;

pub static PROFESSIONAL: Phrases<Professional> = Phrases {
    entries: &[
        ("tien si", Professional::TienSi),
        ("ts", Professional::TienSi),
        ("tien sy", Professional::TienSi),
        ("thac si", Professional::ThacSi),
        ("thac sy", Professional::ThacSi),
        ("ths", Professional::ThacSi),
        ("cao hoc", Professional::ThacSi),
        ("dai hoc", Professional::DaiHoc),
        ("cu nhan", Professional::DaiHoc),
        ("ky su", Professional::DaiHoc),
        ("bac si", Professional::DaiHoc),
        ("bac sy", Professional::DaiHoc),
        ("duoc si", Professional::DaiHoc),
        ("kien truc su", Professional::DaiHoc),
        ("cao dang", Professional::CaoDang),
        ("trung cap", Professional::TrungCap),
        ("trung hoc chuyen nghiep", Professional::TrungCap),
        ("so cap", Professional::SoCap),
        ("chua qua dao tao", Professional::None),
        ("chua dao tao", Professional::None),
        ("=khong", Professional::None),
        ("=chua", Professional::None),
        ("=chua co", Professional::None),
    ],
    glued: &[],
    // The field of study is often glued to the level: "ĐHSP", "CĐSP", "TCKT".
    glued_tail: true,
};

pub static POLITICAL_THEORY: Phrases<PoliticalTheory> = Phrases {
    entries: &[
        ("cao cap", PoliticalTheory::CaoCap),
        ("cu nhan", PoliticalTheory::CaoCap),
        ("cu nhan chinh tri", PoliticalTheory::CaoCap),
        ("trung cap", PoliticalTheory::TrungCap),
        ("so cap", PoliticalTheory::SoCap),
        ("=khong", PoliticalTheory::None),
        ("=chua", PoliticalTheory::None),
        ("=chua co", PoliticalTheory::None),
        ("chua qua dao tao", PoliticalTheory::None),
    ],
    // "TCLLCT", "CCLL": the level glued to the words it qualifies.
    glued: &["ly luan chinh tri", "ly luan", "chinh tri"],
    glued_tail: false,
};

pub static STATE_MANAGEMENT: Phrases<StateManagement> = Phrases {
    entries: &[
        ("chuyen vien cao cap", StateManagement::Cvcc),
        ("chuyen vien chinh", StateManagement::Cvc),
        ("chuyen vien", StateManagement::Cv),
        ("can su", StateManagement::CanSu),
        ("=khong", StateManagement::None),
        ("=chua", StateManagement::None),
        ("=chua co", StateManagement::None),
    ],
    glued: &["quan ly nha nuoc", "ngach"],
    glued_tail: false,
};

pub static GENERAL_EDUCATION: Phrases<GeneralEducation> = Phrases {
    entries: &[
        ("thpt", GeneralEducation::Thpt),
        ("trung hoc pho thong", GeneralEducation::Thpt),
        ("tot nghiep thpt", GeneralEducation::Thpt),
        ("bo tuc thpt", GeneralEducation::Thpt),
        ("ptth", GeneralEducation::Thpt),
        ("pho thong trung hoc", GeneralEducation::Thpt),
        ("cap 3", GeneralEducation::Thpt),
        ("cap iii", GeneralEducation::Thpt),
        ("thcs", GeneralEducation::Thcs),
        ("trung hoc co so", GeneralEducation::Thcs),
        ("ptcs", GeneralEducation::Thcs),
        ("pho thong co so", GeneralEducation::Thcs),
        ("cap 2", GeneralEducation::Thcs),
        ("cap ii", GeneralEducation::Thcs),
        ("tieu hoc", GeneralEducation::TieuHoc),
        ("cap 1", GeneralEducation::TieuHoc),
        ("cap i", GeneralEducation::TieuHoc),
    ],
    glued: &[],
    glued_tail: false,
};

pub static EVALUATION: Phrases<Evaluation> = Phrases {
    entries: &[
        ("hoan thanh xuat sac", Evaluation::XuatSac),
        ("xuat sac", Evaluation::XuatSac),
        ("hoan thanh tot", Evaluation::Tot),
        ("=tot", Evaluation::Tot),
        ("hoan thanh", Evaluation::HoanThanh),
        ("=ht", Evaluation::HoanThanh),
        // Anything that says "hạn chế" about capacity decides, whatever precedes it.
        ("!han che ve nang luc", Evaluation::HanChe),
        ("!han che nang luc", Evaluation::HanChe),
        ("!con han che", Evaluation::HanChe),
        ("!nhung han che", Evaluation::HanChe),
        ("khong hoan thanh", Evaluation::KhongHoanThanh),
        ("chua danh gia", Evaluation::None),
        ("chua xep loai", Evaluation::None),
        ("khong danh gia", Evaluation::None),
        ("khong xep loai", Evaluation::None),
    ],
    // "HTTNV", "KHTNV", "HTXS NV": the level glued to "nhiệm vụ".
    glued: &["nhiem vu"],
    glued_tail: false,
};

pub static CATEGORY: Phrases<Category> = Phrases {
    entries: &[
        ("can bo", Category::CanBo),
        ("cong chuc", Category::CongChuc),
        ("khong chuyen trach", Category::KhongChuyenTrach),
        (
            "nguoi hoat dong khong chuyen trach",
            Category::KhongChuyenTrach,
        ),
        ("=khong ct", Category::KhongChuyenTrach),
        // Contract staff are in no category of the law; known, so not a warning.
        ("hop dong", Category::Unknown),
    ],
    glued: &["cap xa", "xa"],
    glued_tail: false,
};

pub static GENDER: Phrases<Gender> = Phrases::new(&[
    ("=nam", Gender::Nam),
    ("=nu", Gender::Nu),
    ("=trai", Gender::Nam),
    ("=gai", Gender::Nu),
    ("=m", Gender::Nam),
    ("=f", Gender::Nu),
    ("=male", Gender::Nam),
    ("=female", Gender::Nu),
]);

/// Answers that mean "no" in a yes/no column ("Đảng viên").
pub static NO: Phrases<bool> = Phrases::new(&[
    ("=khong", false),
    ("=0", false),
    ("=no", false),
    ("=chua", false),
    ("=k", false),
    ("=-", false),
]);
