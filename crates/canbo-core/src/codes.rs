//! The canonical category codes of ROSTER.md, one enum per breakdown.
//!
//! The codes are the contract shared by the core, the CLI, the report JSON and the page's
//! `data-stat` attributes, so each enum knows its code, its Vietnamese and English labels,
//! and the order in which reports list it. A value of these types cannot be a wrong code.

use serde::{Deserialize, Serialize};

/// A closed set of report codes, listed in report order.
pub trait Code: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + 'static {
    /// Every value, in the order reports list them.
    const ALL: &'static [Self];
    /// The snake_case code used in JSON and the DOM.
    fn code(self) -> &'static str;
    /// The label a Vietnamese reader expects.
    fn label_vi(self) -> &'static str;
    /// The English label.
    fn label_en(self) -> &'static str;
    /// The label in `lang`.
    fn label(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }
    /// The value a blank cell in an existing column means.
    const BLANK: Option<Self>;
    /// The value for text that cannot be classified.
    const UNKNOWN: Self;
    /// Where the value is in [`Code::ALL`] (a breakdown counts into that place).
    fn index(self) -> usize;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident, blank: $blank:expr, unknown: $unknown:ident,
        { $( $variant:ident => $code:literal, $vi:literal, $en:literal; )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $( $variant, )+ }

        impl Code for $name {
            const ALL: &'static [Self] = &[ $( Self::$variant, )+ ];
            const BLANK: Option<Self> = $blank;
            const UNKNOWN: Self = Self::$unknown;
            // `ALL` lists the variants in declaration order (`codes_are_listed_in_declaration_order`).
            fn index(self) -> usize { self as usize }
            fn code(self) -> &'static str { match self { $( Self::$variant => $code, )+ } }
            fn label_vi(self) -> &'static str { match self { $( Self::$variant => $vi, )+ } }
            fn label_en(self) -> &'static str { match self { $( Self::$variant => $en, )+ } }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// Cán bộ, công chức or người hoạt động không chuyên trách.
    Category, blank: Some(Category::Unknown), unknown: Unknown, {
        CanBo => "can_bo", "Cán bộ", "Cadres";
        CongChuc => "cong_chuc", "Công chức", "Civil servants";
        KhongChuyenTrach => "khong_chuyen_trach", "Không chuyên trách", "Part-time staff";
        Unknown => "unknown", "Chưa xác định", "Unknown";
    }
}

code_enum! {
    /// Gender as the roster states it.
    Gender, blank: Some(Gender::Unknown), unknown: Unknown, {
        Nam => "nam", "Nam", "Men";
        Nu => "nu", "Nữ", "Women";
        Unknown => "unknown", "Chưa xác định", "Unknown";
    }
}

code_enum! {
    /// Trình độ giáo dục phổ thông (văn hóa).
    GeneralEducation, blank: Some(GeneralEducation::None), unknown: Unknown, {
        Thpt => "thpt", "THPT (12/12, 10/10)", "Upper secondary";
        Thcs => "thcs", "THCS", "Lower secondary";
        TieuHoc => "tieu_hoc", "Tiểu học", "Primary";
        None => "none", "Để trống", "Blank";
        Unknown => "unknown", "Không rõ", "Unreadable";
    }
}

code_enum! {
    /// Trình độ chuyên môn, nghiệp vụ.
    Professional, blank: Some(Professional::None), unknown: Unknown, {
        TienSi => "tien_si", "Tiến sĩ", "Doctorate";
        ThacSi => "thac_si", "Thạc sĩ", "Master's";
        DaiHoc => "dai_hoc", "Đại học", "Bachelor's";
        CaoDang => "cao_dang", "Cao đẳng", "College";
        TrungCap => "trung_cap", "Trung cấp", "Intermediate vocational";
        SoCap => "so_cap", "Sơ cấp", "Elementary vocational";
        None => "none", "Chưa qua đào tạo", "Untrained";
        Unknown => "unknown", "Không rõ", "Unreadable";
    }
}

code_enum! {
    /// Trình độ lý luận chính trị.
    PoliticalTheory, blank: Some(PoliticalTheory::None), unknown: Unknown, {
        CaoCap => "cao_cap", "Cao cấp, cử nhân", "Advanced";
        TrungCap => "trung_cap", "Trung cấp", "Intermediate";
        SoCap => "so_cap", "Sơ cấp", "Elementary";
        None => "none", "Chưa có", "None";
        Unknown => "unknown", "Không rõ", "Unreadable";
    }
}

code_enum! {
    /// Quản lý nhà nước (ngạch tương đương).
    StateManagement, blank: Some(StateManagement::None), unknown: Unknown, {
        Cvcc => "cvcc", "Chuyên viên cao cấp", "Senior principal";
        Cvc => "cvc", "Chuyên viên chính", "Principal";
        Cv => "cv", "Chuyên viên", "Officer";
        CanSu => "can_su", "Cán sự", "Clerk";
        None => "none", "Chưa có", "None";
        Unknown => "unknown", "Không rõ", "Unreadable";
    }
}

code_enum! {
    /// Kết quả đánh giá, xếp loại.
    Evaluation, blank: Some(Evaluation::None), unknown: Unknown, {
        XuatSac => "xuat_sac", "Hoàn thành xuất sắc nhiệm vụ", "Excellent";
        Tot => "tot", "Hoàn thành tốt nhiệm vụ", "Good";
        HoanThanh => "hoan_thanh", "Hoàn thành nhiệm vụ", "Completed";
        HanChe => "han_che", "Hoàn thành nhưng còn hạn chế", "Completed with limitations";
        KhongHoanThanh => "khong_hoan_thanh", "Không hoàn thành nhiệm vụ", "Not completed";
        None => "none", "Chưa đánh giá", "Not evaluated";
        Unknown => "unknown", "Không rõ", "Unreadable";
    }
}

/// Professional levels in rank order, highest first: used by standards ("đại học or higher").
impl Professional {
    /// Rank where a higher number is a higher qualification; `None` for blank/unknown.
    pub fn rank(self) -> Option<u8> {
        match self {
            Self::TienSi => Some(6),
            Self::ThacSi => Some(5),
            Self::DaiHoc => Some(4),
            Self::CaoDang => Some(3),
            Self::TrungCap => Some(2),
            Self::SoCap => Some(1),
            Self::None => Some(0),
            Self::Unknown => None,
        }
    }
}

impl PoliticalTheory {
    /// Rank where a higher number is a higher level; `None` when unreadable.
    pub fn rank(self) -> Option<u8> {
        match self {
            Self::CaoCap => Some(3),
            Self::TrungCap => Some(2),
            Self::SoCap => Some(1),
            Self::None => Some(0),
            Self::Unknown => None,
        }
    }
}

impl GeneralEducation {
    /// Rank where a higher number is a higher level; `None` when unreadable.
    pub fn rank(self) -> Option<u8> {
        match self {
            Self::Thpt => Some(3),
            Self::Thcs => Some(2),
            Self::TieuHoc => Some(1),
            Self::None => Some(0),
            Self::Unknown => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed_in_declaration_order<T: Code>() {
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(v.index(), i, "{v:?}");
            assert_eq!(T::from_code(v.code()), Some(*v));
        }
    }

    #[test]
    fn codes_are_listed_in_declaration_order() {
        listed_in_declaration_order::<Category>();
        listed_in_declaration_order::<Gender>();
        listed_in_declaration_order::<GeneralEducation>();
        listed_in_declaration_order::<Professional>();
        listed_in_declaration_order::<PoliticalTheory>();
        listed_in_declaration_order::<StateManagement>();
        listed_in_declaration_order::<Evaluation>();
    }
}
