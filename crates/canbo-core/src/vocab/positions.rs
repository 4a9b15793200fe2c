//! Position titles → the title they are and its category (DOMAIN.md "Positions and category").
//!
//! Titles are written freely ("CT UBND", "P.CT HĐND", "Chủ tịch UB MTTQ VN", "Kế toán",
//! "VP-TK"). The deputies of the mass organisations are listed explicitly because they are
//! not cán bộ: "Phó Chủ tịch Hội Nông dân" must not fall to "Chủ tịch Hội Nông dân".

use super::phrases::Phrases;
use crate::codes::Category;
use serde::{Deserialize, Serialize};

/// A recognised title. The standards and the retirement forecast group by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Title {
    BiThu,
    PhoBiThu,
    ChuTichHdnd,
    PhoChuTichHdnd,
    ChuTichUbnd,
    PhoChuTichUbnd,
    ChuTichMttq,
    BiThuDoan,
    ChuTichPhuNu,
    ChuTichNongDan,
    ChuTichCuuChienBinh,
    TruongCongAn,
    ChiHuyTruongQuanSu,
    VanPhongThongKe,
    DiaChinh,
    TaiChinhKeToan,
    TuPhapHoTich,
    VanHoaXaHoi,
    /// A civil servant whose title is not one of the seven (also the job-position titles of
    /// the two-tier government from 1/7/2025).
    CongChucKhac,
    KhongChuyenTrach,
    HopDong,
}

impl Title {
    pub fn category(self) -> Category {
        use Title::*;
        match self {
            BiThu | PhoBiThu | ChuTichHdnd | PhoChuTichHdnd | ChuTichUbnd | PhoChuTichUbnd
            | ChuTichMttq | BiThuDoan | ChuTichPhuNu | ChuTichNongDan | ChuTichCuuChienBinh => {
                Category::CanBo
            }
            TruongCongAn | ChiHuyTruongQuanSu | VanPhongThongKe | DiaChinh | TaiChinhKeToan
            | TuPhapHoTich | VanHoaXaHoi | CongChucKhac => Category::CongChuc,
            KhongChuyenTrach => Category::KhongChuyenTrach,
            HopDong => Category::Unknown,
        }
    }

    pub fn label_vi(self) -> &'static str {
        use Title::*;
        match self {
            BiThu => "Bí thư Đảng ủy",
            PhoBiThu => "Phó Bí thư Đảng ủy",
            ChuTichHdnd => "Chủ tịch HĐND",
            PhoChuTichHdnd => "Phó Chủ tịch HĐND",
            ChuTichUbnd => "Chủ tịch UBND",
            PhoChuTichUbnd => "Phó Chủ tịch UBND",
            ChuTichMttq => "Chủ tịch UB MTTQ",
            BiThuDoan => "Bí thư Đoàn TNCS HCM",
            ChuTichPhuNu => "Chủ tịch Hội LHPN",
            ChuTichNongDan => "Chủ tịch Hội Nông dân",
            ChuTichCuuChienBinh => "Chủ tịch Hội CCB",
            TruongCongAn => "Trưởng Công an",
            ChiHuyTruongQuanSu => "Chỉ huy trưởng Quân sự",
            VanPhongThongKe => "Văn phòng – thống kê",
            DiaChinh => "Địa chính – xây dựng",
            TaiChinhKeToan => "Tài chính – kế toán",
            TuPhapHoTich => "Tư pháp – hộ tịch",
            VanHoaXaHoi => "Văn hóa – xã hội",
            CongChucKhac => "Công chức khác",
            KhongChuyenTrach => "Không chuyên trách",
            HopDong => "Hợp đồng",
        }
    }

    /// Whether DOMAIN.md's leader rule (Chủ tịch / Phó Chủ tịch HĐND, UBND) applies.
    pub fn is_council_or_committee_leader(self) -> bool {
        matches!(
            self,
            Title::ChuTichHdnd | Title::PhoChuTichHdnd | Title::ChuTichUbnd | Title::PhoChuTichUbnd
        )
    }
}

/// Recognise a title. A title joined with "kiêm" is read by its first part, the main post.
pub fn classify(text: &str) -> Option<Title> {
    let folded = crate::text::fold(text);
    let main = folded.split(" kiem ").next().unwrap_or(&folded);
    TITLES
        .best(main)
        .or_else(|| GENERIC.best(main))
        .map(|h| h.value)
}

use Title::*;

pub static TITLES: Phrases<Title> = Phrases {
    entries: &[
        ("bi thu dang uy", BiThu),
        ("bi thu dang bo", BiThu),
        ("=bi thu", BiThu),
        ("bt dang uy", BiThu),
        ("pho bi thu dang uy", PhoBiThu),
        ("pho bi thu thuong truc dang uy", PhoBiThu),
        ("pho bi thu thuong truc", PhoBiThu),
        ("=pho bi thu", PhoBiThu),
        ("pbt dang uy", PhoBiThu),
        ("chu tich hoi dong nhan dan", ChuTichHdnd),
        ("chu tich hdnd", ChuTichHdnd),
        ("ct hdnd", ChuTichHdnd),
        ("pho chu tich hoi dong nhan dan", PhoChuTichHdnd),
        ("pho chu tich hdnd", PhoChuTichHdnd),
        ("pct hdnd", PhoChuTichHdnd),
        ("p ct hdnd", PhoChuTichHdnd),
        ("p chu tich hdnd", PhoChuTichHdnd),
        ("chu tich uy ban nhan dan", ChuTichUbnd),
        ("chu tich ubnd", ChuTichUbnd),
        ("ct ubnd", ChuTichUbnd),
        ("pho chu tich uy ban nhan dan", PhoChuTichUbnd),
        ("pho chu tich ubnd", PhoChuTichUbnd),
        ("pct ubnd", PhoChuTichUbnd),
        ("p ct ubnd", PhoChuTichUbnd),
        ("p chu tich ubnd", PhoChuTichUbnd),
        ("chu tich uy ban mat tran to quoc", ChuTichMttq),
        ("chu tich uy ban mttq", ChuTichMttq),
        ("chu tich ub mttq", ChuTichMttq),
        ("chu tich mttq", ChuTichMttq),
        ("ct ub mttq", ChuTichMttq),
        ("ct mttq", ChuTichMttq),
        ("chu tich mat tran", ChuTichMttq),
        ("pho chu tich uy ban mat tran to quoc", KhongChuyenTrach),
        ("pho chu tich uy ban mttq", KhongChuyenTrach),
        ("pho chu tich ub mttq", KhongChuyenTrach),
        ("pho chu tich mttq", KhongChuyenTrach),
        ("pct mttq", KhongChuyenTrach),
        ("pct ub mttq", KhongChuyenTrach),
        ("pho chu tich mat tran", KhongChuyenTrach),
        ("bi thu doan", BiThuDoan),
        ("bi thu doan thanh nien", BiThuDoan),
        ("bi thu doan tncs", BiThuDoan),
        ("bi thu xa doan", BiThuDoan),
        ("bi thu doan xa", BiThuDoan),
        ("pho bi thu doan", KhongChuyenTrach),
        ("pho bi thu doan thanh nien", KhongChuyenTrach),
        ("chu tich hoi lien hiep phu nu", ChuTichPhuNu),
        ("chu tich hoi lhpn", ChuTichPhuNu),
        ("chu tich hoi phu nu", ChuTichPhuNu),
        ("chu tich phu nu", ChuTichPhuNu),
        ("ct hoi lhpn", ChuTichPhuNu),
        ("ct hoi phu nu", ChuTichPhuNu),
        ("pho chu tich hoi lien hiep phu nu", KhongChuyenTrach),
        ("pho chu tich hoi lhpn", KhongChuyenTrach),
        ("pho chu tich hoi phu nu", KhongChuyenTrach),
        ("pho chu tich phu nu", KhongChuyenTrach),
        ("chu tich hoi nong dan", ChuTichNongDan),
        ("ct hoi nong dan", ChuTichNongDan),
        ("chu tich hoi nd", ChuTichNongDan),
        ("pho chu tich hoi nong dan", KhongChuyenTrach),
        ("chu tich hoi cuu chien binh", ChuTichCuuChienBinh),
        ("chu tich hoi ccb", ChuTichCuuChienBinh),
        ("ct hoi ccb", ChuTichCuuChienBinh),
        ("chu tich ccb", ChuTichCuuChienBinh),
        ("pho chu tich hoi cuu chien binh", KhongChuyenTrach),
        ("pho chu tich hoi ccb", KhongChuyenTrach),
        ("truong cong an", TruongCongAn),
        ("truong ca xa", TruongCongAn),
        ("pho truong cong an", KhongChuyenTrach),
        ("cong an vien", KhongChuyenTrach),
        ("chi huy truong quan su", ChiHuyTruongQuanSu),
        ("chi huy truong ban chi huy quan su", ChiHuyTruongQuanSu),
        ("chi huy truong bchqs", ChiHuyTruongQuanSu),
        ("cht quan su", ChiHuyTruongQuanSu),
        ("=chi huy truong", ChiHuyTruongQuanSu),
        ("pho chi huy truong", KhongChuyenTrach),
        ("pho chi huy truong quan su", KhongChuyenTrach),
        ("pho chi huy truong ban chi huy quan su", KhongChuyenTrach),
        ("pho cht quan su", KhongChuyenTrach),
        ("van phong thong ke", VanPhongThongKe),
        ("van phong", VanPhongThongKe),
        ("vp tk", VanPhongThongKe),
        ("vptk", VanPhongThongKe),
        ("dia chinh", DiaChinh),
        ("dia chinh xay dung", DiaChinh),
        ("dc xd", DiaChinh),
        ("dc nn", DiaChinh),
        ("tai chinh ke toan", TaiChinhKeToan),
        ("ke toan", TaiChinhKeToan),
        ("tai chinh", TaiChinhKeToan),
        ("tc kt", TaiChinhKeToan),
        ("tu phap ho tich", TuPhapHoTich),
        ("tu phap", TuPhapHoTich),
        ("tp ht", TuPhapHoTich),
        ("van hoa xa hoi", VanHoaXaHoi),
        ("van hoa", VanHoaXaHoi),
        ("vh xh", VanHoaXaHoi),
        ("vhxh", VanHoaXaHoi),
        ("lao dong thuong binh xa hoi", VanHoaXaHoi),
    ],
};

/// Generic words, consulted only when no specific title matched: "Công chức Địa chính"
/// is Địa chính, not merely "a civil servant".
pub static GENERIC: Phrases<Title> = Phrases {
    entries: &[
        // Chairs and deputies of other associations (Người cao tuổi, Chữ thập đỏ, …).
        ("chu tich hoi", KhongChuyenTrach),
        ("pho chu tich hoi", KhongChuyenTrach),
        ("cong chuc", CongChucKhac),
        ("chuyen vien", CongChucKhac),
        ("truong phong", CongChucKhac),
        ("pho truong phong", CongChucKhac),
        ("khong chuyen trach", KhongChuyenTrach),
        ("nguoi hoat dong khong chuyen trach", KhongChuyenTrach),
        ("hop dong", HopDong),
        ("nhan vien hop dong", HopDong),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<Title>) {
        assert_eq!(classify(text), expect, "{text}");
    }

    #[test]
    fn free_forms_of_the_cadre_titles() {
        check("CT UBND", Some(ChuTichUbnd));
        check("P.CT HĐND", Some(PhoChuTichHdnd));
        check("Chủ tịch UB MTTQ VN", Some(ChuTichMttq));
        check("Phó Bí thư Thường trực Đảng ủy", Some(PhoBiThu));
        check(
            "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            Some(BiThuDoan),
        );
        check("Chủ tịch ủy ban nhân dân", Some(ChuTichUbnd));
        check(
            "Bí thư Đảng ủy kiêm Chủ tịch Hội đồng nhân dân",
            Some(BiThu),
        );
    }

    #[test]
    fn deputies_of_mass_organisations_are_not_cadres() {
        check("Phó Chủ tịch Hội Nông dân", Some(KhongChuyenTrach));
        check("Phó Chủ tịch HĐND", Some(PhoChuTichHdnd));
        check(
            "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam",
            Some(KhongChuyenTrach),
        );
        check("Phó Chủ tịch Ủy ban nhân dân", Some(PhoChuTichUbnd));
        check(
            "Phó Chỉ huy trưởng Ban Chỉ huy Quân sự",
            Some(KhongChuyenTrach),
        );
        check("Phó Bí thư Đoàn Thanh niên", Some(KhongChuyenTrach));
        check("Chủ tịch Hội Người cao tuổi", Some(KhongChuyenTrach));
    }

    #[test]
    fn civil_servant_titles_and_abbreviations() {
        check("Kế toán", Some(TaiChinhKeToan));
        check("VP-TK", Some(VanPhongThongKe));
        check("Công chức Tư pháp - Hộ tịch", Some(TuPhapHoTich));
        check(
            "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường",
            Some(DiaChinh),
        );
        check(
            "Chỉ huy trưởng Ban Chỉ huy Quân sự",
            Some(ChiHuyTruongQuanSu),
        );
        check("Trưởng Công an xã", Some(TruongCongAn));
    }

    #[test]
    fn unknown_titles_are_not_guessed() {
        check("Thủ quỹ", None);
        check("Phó Chủ tịch", None);
        check("Nhân viên hợp đồng", Some(HopDong));
    }
}
