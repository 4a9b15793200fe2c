//! Cell values → category codes: qualifications, evaluations, categories, gender.
//! Folded phrases (see [`super::phrases`]); `=` means the whole cell must be exactly that.

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
        ("dh", Professional::DaiHoc),
        ("cu nhan", Professional::DaiHoc),
        ("ky su", Professional::DaiHoc),
        ("bac si", Professional::DaiHoc),
        ("bac sy", Professional::DaiHoc),
        ("duoc si", Professional::DaiHoc),
        ("kien truc su", Professional::DaiHoc),
        ("cao dang", Professional::CaoDang),
        ("cd", Professional::CaoDang),
        ("trung cap", Professional::TrungCap),
        ("tc", Professional::TrungCap),
        ("trung hoc chuyen nghiep", Professional::TrungCap),
        ("thcn", Professional::TrungCap),
        ("so cap", Professional::SoCap),
        ("sc", Professional::SoCap),
        ("chua qua dao tao", Professional::None),
        ("chua dao tao", Professional::None),
        ("=khong", Professional::None),
        ("=chua", Professional::None),
        ("=chua co", Professional::None),
    ],
};

pub static POLITICAL_THEORY: Phrases<PoliticalTheory> = Phrases {
    entries: &[
        ("cao cap", PoliticalTheory::CaoCap),
        ("cc", PoliticalTheory::CaoCap),
        ("cu nhan", PoliticalTheory::CaoCap),
        ("cu nhan chinh tri", PoliticalTheory::CaoCap),
        ("trung cap", PoliticalTheory::TrungCap),
        ("tc", PoliticalTheory::TrungCap),
        ("so cap", PoliticalTheory::SoCap),
        ("sc", PoliticalTheory::SoCap),
        ("=khong", PoliticalTheory::None),
        ("=chua", PoliticalTheory::None),
        ("=chua co", PoliticalTheory::None),
        ("chua qua dao tao", PoliticalTheory::None),
    ],
};

pub static STATE_MANAGEMENT: Phrases<StateManagement> = Phrases {
    entries: &[
        ("cvcc", StateManagement::Cvcc),
        ("chuyen vien cao cap", StateManagement::Cvcc),
        ("cvc", StateManagement::Cvc),
        ("chuyen vien chinh", StateManagement::Cvc),
        ("cv", StateManagement::Cv),
        ("chuyen vien", StateManagement::Cv),
        ("can su", StateManagement::CanSu),
        ("=cs", StateManagement::CanSu),
        ("=khong", StateManagement::None),
        ("=chua", StateManagement::None),
        ("=chua co", StateManagement::None),
    ],
};

pub static GENERAL_EDUCATION: Phrases<GeneralEducation> = Phrases {
    entries: &[
        ("thpt", GeneralEducation::Thpt),
        ("tot nghiep thpt", GeneralEducation::Thpt),
        ("bo tuc thpt", GeneralEducation::Thpt),
        ("ptth", GeneralEducation::Thpt),
        ("trung hoc pho thong", GeneralEducation::Thpt),
        ("cap 3", GeneralEducation::Thpt),
        ("cap iii", GeneralEducation::Thpt),
        ("thcs", GeneralEducation::Thcs),
        ("ptcs", GeneralEducation::Thcs),
        ("trung hoc co so", GeneralEducation::Thcs),
        ("cap 2", GeneralEducation::Thcs),
        ("cap ii", GeneralEducation::Thcs),
        ("tieu hoc", GeneralEducation::TieuHoc),
        ("cap 1", GeneralEducation::TieuHoc),
        ("cap i", GeneralEducation::TieuHoc),
    ],
};

pub static EVALUATION: Phrases<Evaluation> = Phrases {
    entries: &[
        ("hoan thanh xuat sac", Evaluation::XuatSac),
        ("xuat sac", Evaluation::XuatSac),
        ("htxs", Evaluation::XuatSac),
        ("htxsnv", Evaluation::XuatSac),
        ("hoan thanh tot", Evaluation::Tot),
        ("=tot", Evaluation::Tot),
        ("httnv", Evaluation::Tot),
        ("htt", Evaluation::Tot),
        ("hoan thanh", Evaluation::HoanThanh),
        ("htnv", Evaluation::HoanThanh),
        ("=ht", Evaluation::HoanThanh),
        ("han che ve nang luc", Evaluation::HanChe),
        ("nhung con han che", Evaluation::HanChe),
        ("con han che", Evaluation::HanChe),
        ("htnv nhung con han che", Evaluation::HanChe),
        ("khong hoan thanh", Evaluation::KhongHoanThanh),
        ("khong ht", Evaluation::KhongHoanThanh),
        ("khtnv", Evaluation::KhongHoanThanh),
        ("chua danh gia", Evaluation::None),
        ("chua xep loai", Evaluation::None),
    ],
};

pub static CATEGORY: Phrases<Category> = Phrases {
    entries: &[
        ("can bo", Category::CanBo),
        ("=cb", Category::CanBo),
        ("cong chuc", Category::CongChuc),
        ("=cc", Category::CongChuc),
        ("khong chuyen trach", Category::KhongChuyenTrach),
        (
            "nguoi hoat dong khong chuyen trach",
            Category::KhongChuyenTrach,
        ),
        ("=kct", Category::KhongChuyenTrach),
        ("=khong ct", Category::KhongChuyenTrach),
        // Contract staff are in no category of the law; known, so not a warning.
        ("hop dong", Category::Unknown),
        ("=hd", Category::Unknown),
    ],
};

pub static GENDER: Phrases<Gender> = Phrases {
    entries: &[
        ("=nam", Gender::Nam),
        ("=nu", Gender::Nu),
        ("=trai", Gender::Nam),
        ("=gai", Gender::Nu),
        ("=m", Gender::Nam),
        ("=f", Gender::Nu),
        ("=male", Gender::Nam),
        ("=female", Gender::Nu),
    ],
};

/// Answers that mean "no" in a yes/no column ("Đảng viên").
pub static NO: Phrases<bool> = Phrases {
    entries: &[
        ("=khong", false),
        ("=0", false),
        ("=no", false),
        ("=chua", false),
        ("=k", false),
        ("=-", false),
    ],
};
