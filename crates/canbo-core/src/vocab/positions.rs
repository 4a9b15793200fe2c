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
    /// Every title, in declaration order: the law's lists (cán bộ, công chức, then the
    /// others). Share links refer to a title by its index here, so new titles go at the end.
    pub const ALL: &'static [Title] = &[
        Title::BiThu,
        Title::PhoBiThu,
        Title::ChuTichHdnd,
        Title::PhoChuTichHdnd,
        Title::ChuTichUbnd,
        Title::PhoChuTichUbnd,
        Title::ChuTichMttq,
        Title::BiThuDoan,
        Title::ChuTichPhuNu,
        Title::ChuTichNongDan,
        Title::ChuTichCuuChienBinh,
        Title::TruongCongAn,
        Title::ChiHuyTruongQuanSu,
        Title::VanPhongThongKe,
        Title::DiaChinh,
        Title::TaiChinhKeToan,
        Title::TuPhapHoTich,
        Title::VanHoaXaHoi,
        Title::CongChucKhac,
        Title::KhongChuyenTrach,
        Title::HopDong,
    ];

    /// The snake_case code (as in JSON).
    pub fn code(self) -> &'static str {
        use Title::*;
        match self {
            BiThu => "bi_thu",
            PhoBiThu => "pho_bi_thu",
            ChuTichHdnd => "chu_tich_hdnd",
            PhoChuTichHdnd => "pho_chu_tich_hdnd",
            ChuTichUbnd => "chu_tich_ubnd",
            PhoChuTichUbnd => "pho_chu_tich_ubnd",
            ChuTichMttq => "chu_tich_mttq",
            BiThuDoan => "bi_thu_doan",
            ChuTichPhuNu => "chu_tich_phu_nu",
            ChuTichNongDan => "chu_tich_nong_dan",
            ChuTichCuuChienBinh => "chu_tich_cuu_chien_binh",
            TruongCongAn => "truong_cong_an",
            ChiHuyTruongQuanSu => "chi_huy_truong_quan_su",
            VanPhongThongKe => "van_phong_thong_ke",
            DiaChinh => "dia_chinh",
            TaiChinhKeToan => "tai_chinh_ke_toan",
            TuPhapHoTich => "tu_phap_ho_tich",
            VanHoaXaHoi => "van_hoa_xa_hoi",
            CongChucKhac => "cong_chuc_khac",
            KhongChuyenTrach => "khong_chuyen_trach",
            HopDong => "hop_dong",
        }
    }

    pub fn from_code(code: &str) -> Option<Title> {
        Title::ALL.iter().copied().find(|t| t.code() == code)
    }

    /// The name in `lang`.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.label_vi(), self.label_en())
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        use Title::*;
        match self {
            BiThu => "Party Committee Secretary",
            PhoBiThu => "Party Committee Deputy Secretary",
            ChuTichHdnd => "People's Council Chair",
            PhoChuTichHdnd => "People's Council Vice-chair",
            ChuTichUbnd => "People's Committee Chair",
            PhoChuTichUbnd => "People's Committee Vice-chair",
            ChuTichMttq => "Fatherland Front Chair",
            BiThuDoan => "Youth Union Secretary",
            ChuTichPhuNu => "Women's Union Chair",
            ChuTichNongDan => "Farmers' Union Chair",
            ChuTichCuuChienBinh => "Veterans' Association Chair",
            TruongCongAn => "Police Chief",
            ChiHuyTruongQuanSu => "Military Commander",
            VanPhongThongKe => "Office – statistics",
            DiaChinh => "Land administration – construction",
            TaiChinhKeToan => "Finance – accounting",
            TuPhapHoTich => "Justice – civil status",
            VanHoaXaHoi => "Culture – social affairs",
            CongChucKhac => "Other civil servant",
            KhongChuyenTrach => "Part-time staff",
            HopDong => "Contract staff",
        }
    }

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

/// Recognise a title: the main post of [`titles`].
pub fn classify(text: &str) -> Option<Title> {
    main(&titles(text))
}

/// The main post among the titles a cell holds: the first cán bộ post (a cadre who also
/// holds a civil-servant post is counted as a cadre, ND 33/2023 art. 5), else the first.
pub fn main(titles: &[Title]) -> Option<Title> {
    titles
        .iter()
        .find(|t| t.category() == Category::CanBo)
        .or(titles.first())
        .copied()
}

/// Every title a cell names, in the order written. One person often holds two posts:
/// "Bí thư Đảng ủy kiêm Chủ tịch HĐND", "Chủ tịch HĐND - Bí thư ĐU", "Phó Chủ tịch UBND
/// (kiêm Trưởng Công an)". The cell is cut where one post ends and the next begins ("kiêm",
/// brackets, commas, a spaced dash; "VP-TK" keeps its dash), each part is read alone, and
/// within a part the titles that do not overlap are kept ("CT HĐND-BT ĐU"). A part that names
/// no title ("kiêm …", "phụ trách văn hóa") adds nothing.
pub fn titles(text: &str) -> Vec<Title> {
    let mut out: Vec<Title> = Vec::new();
    for part in posts(text) {
        let folded = crate::text::fold(part);
        let mut hits = TITLES.all(&folded);
        if hits.is_empty() {
            hits = GENERIC.all(&folded).into_iter().take(1).collect();
        }
        hits.sort_by_key(|h| h.at);
        for h in hits {
            if !out.contains(&h.value) {
                out.push(h.value);
            }
        }
    }
    // A generic word beside a specific title ("Công chức, Tư pháp - Hộ tịch") adds nothing.
    if out.iter().any(|t| !t.is_generic()) {
        out.retain(|t| !t.is_generic());
    }
    out
}

/// The parts of a cell that may each name one post.
fn posts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for piece in text.split(['(', ')', '[', ']', ',', ';', '/', '+', '&', '\n']) {
        let mut rest = piece;
        loop {
            let cut = [" - ", " – ", " — ", " -", "- "]
                .iter()
                .filter_map(|d| rest.find(d).map(|i| (i, d.len())))
                .chain(kiem(rest))
                .min();
            match cut {
                Some((i, n)) => {
                    parts.push(&rest[..i]);
                    rest = &rest[i + n..];
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// Where the word "kiêm" (concurrently) stands, and its length.
fn kiem(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for word in text.split(' ') {
        if crate::text::fold(word) == "kiem" {
            return Some((offset, word.len()));
        }
        offset += word.len() + 1;
    }
    None
}

use Title::*;

impl Title {
    /// Titles read from a generic word ("công chức", "chuyên viên").
    fn is_generic(self) -> bool {
        matches!(self, CongChucKhac)
    }
}

/// Every title, written out in full; "CT UBND", "P.CT HĐND", "BT ĐU", "CHT BCHQS", "VP-TK",
/// "UBMTTQVN" and the other usual abbreviations are read by the matching rule
/// ([`super::phrases`]). The names are those of ND 92/2009 art. 3, ND 33/2023 art. 5 and
/// Luật CBCC 2008 art. 61; the deputies are listed because they are not cán bộ.
pub static TITLES: Phrases<Title> = Phrases {
    entries: &[
        ("bi thu dang uy", BiThu),
        ("bi thu dang bo", BiThu),
        ("=bi thu", BiThu),
        ("pho bi thu dang uy", PhoBiThu),
        ("pho bi thu dang bo", PhoBiThu),
        ("pho bi thu thuong truc dang uy", PhoBiThu),
        ("pho bi thu thuong truc", PhoBiThu),
        ("=pho bi thu", PhoBiThu),
        ("chu tich hoi dong nhan dan", ChuTichHdnd),
        ("pho chu tich hoi dong nhan dan", PhoChuTichHdnd),
        ("chu tich uy ban nhan dan", ChuTichUbnd),
        ("pho chu tich uy ban nhan dan", PhoChuTichUbnd),
        ("chu tich uy ban mat tran to quoc", ChuTichMttq),
        ("chu tich mat tran to quoc", ChuTichMttq),
        ("chu tich mat tran", ChuTichMttq),
        ("pho chu tich uy ban mat tran to quoc", KhongChuyenTrach),
        ("pho chu tich mat tran to quoc", KhongChuyenTrach),
        ("pho chu tich mat tran", KhongChuyenTrach),
        ("bi thu doan", BiThuDoan),
        ("bi thu doan thanh nien", BiThuDoan),
        ("bi thu doan thanh nien cong san ho chi minh", BiThuDoan),
        ("bi thu xa doan", BiThuDoan),
        ("bi thu doan xa", BiThuDoan),
        ("pho bi thu doan", KhongChuyenTrach),
        ("pho bi thu doan thanh nien", KhongChuyenTrach),
        (
            "pho bi thu doan thanh nien cong san ho chi minh",
            KhongChuyenTrach,
        ),
        ("chu tich hoi lien hiep phu nu", ChuTichPhuNu),
        ("chu tich lien hiep phu nu", ChuTichPhuNu),
        ("chu tich hoi phu nu", ChuTichPhuNu),
        ("chu tich phu nu", ChuTichPhuNu),
        ("pho chu tich hoi lien hiep phu nu", KhongChuyenTrach),
        ("pho chu tich lien hiep phu nu", KhongChuyenTrach),
        ("pho chu tich hoi phu nu", KhongChuyenTrach),
        ("pho chu tich phu nu", KhongChuyenTrach),
        ("chu tich hoi nong dan", ChuTichNongDan),
        ("chu tich nong dan", ChuTichNongDan),
        ("pho chu tich hoi nong dan", KhongChuyenTrach),
        ("pho chu tich nong dan", KhongChuyenTrach),
        ("chu tich hoi cuu chien binh", ChuTichCuuChienBinh),
        ("chu tich cuu chien binh", ChuTichCuuChienBinh),
        ("pho chu tich hoi cuu chien binh", KhongChuyenTrach),
        ("pho chu tich cuu chien binh", KhongChuyenTrach),
        // The chairs of the other associations are part-time posts. Written with "Hội" they
        // fall to the generic "chủ tịch hội"; offices drop "Hội" as they do for the four
        // mass organisations above ("CT Nông dân"), so each is named here without it.
        ("chu tich nguoi cao tuoi", KhongChuyenTrach),
        ("chu tich chu thap do", KhongChuyenTrach),
        ("chu tich khuyen hoc", KhongChuyenTrach),
        ("chu tich cuu thanh nien xung phong", KhongChuyenTrach),
        ("chu tich nan nhan chat doc da cam", KhongChuyenTrach),
        ("truong cong an", TruongCongAn),
        ("pho truong cong an", KhongChuyenTrach),
        ("cong an vien", KhongChuyenTrach),
        ("chi huy truong quan su", ChiHuyTruongQuanSu),
        ("chi huy truong ban chi huy quan su", ChiHuyTruongQuanSu),
        ("=chi huy truong", ChiHuyTruongQuanSu),
        ("pho chi huy truong", KhongChuyenTrach),
        ("pho chi huy truong quan su", KhongChuyenTrach),
        ("pho chi huy truong ban chi huy quan su", KhongChuyenTrach),
        ("van phong thong ke", VanPhongThongKe),
        ("van phong", VanPhongThongKe),
        // The office of the Party committee is the Party's, not the commune government's
        // Văn phòng – Thống kê: a part-time post (người hoạt động không chuyên trách).
        ("van phong dang uy", KhongChuyenTrach),
        ("van phong cap uy", KhongChuyenTrach),
        ("dia chinh", DiaChinh),
        ("dia chinh xay dung", DiaChinh),
        ("dia chinh nong nghiep", DiaChinh),
        ("dia chinh xay dung do thi va moi truong", DiaChinh),
        ("dia chinh nong nghiep xay dung va moi truong", DiaChinh),
        ("tai chinh ke toan", TaiChinhKeToan),
        ("ke toan", TaiChinhKeToan),
        ("tai chinh", TaiChinhKeToan),
        ("tu phap ho tich", TuPhapHoTich),
        ("tu phap", TuPhapHoTich),
        ("van hoa xa hoi", VanHoaXaHoi),
        ("van hoa", VanHoaXaHoi),
        ("lao dong thuong binh xa hoi", VanHoaXaHoi),
    ],
    // "HĐNDxã", "ĐUxã", "UBMTTQVN", "CAxã": the place glued to the organisation.
    glued: &["xa", "phuong", "thi tran", "viet nam", "huyen"],
    glued_tail: false,
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
    glued: &["xa", "phuong", "thi tran"],
    glued_tail: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_json_names_and_every_title_is_listed() {
        for t in Title::ALL {
            assert_eq!(
                serde_json::to_string(t).unwrap(),
                format!("\"{}\"", t.code())
            );
            assert_eq!(Title::from_code(t.code()), Some(*t));
        }
        assert_eq!(Title::ALL.len(), 21);
    }

    fn check(text: &str, expect: Option<Title>) {
        assert_eq!(classify(text), expect, "{text}");
    }

    #[test]
    fn every_title_is_listed_once_in_declaration_order() {
        // A new variant stops this match from compiling until it is placed in `ALL` too.
        fn listed(t: Title) -> bool {
            match t {
                BiThu | PhoBiThu | ChuTichHdnd | PhoChuTichHdnd | ChuTichUbnd | PhoChuTichUbnd
                | ChuTichMttq | BiThuDoan | ChuTichPhuNu | ChuTichNongDan | ChuTichCuuChienBinh
                | TruongCongAn | ChiHuyTruongQuanSu | VanPhongThongKe | DiaChinh
                | TaiChinhKeToan | TuPhapHoTich | VanHoaXaHoi | CongChucKhac | KhongChuyenTrach
                | HopDong => Title::ALL.contains(&t),
            }
        }
        assert!(Title::ALL.iter().all(|t| listed(*t)));
        assert!(Title::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Title::ALL.len(), 21);
    }

    #[test]
    fn chairs_of_other_associations_are_part_time_with_or_without_hoi() {
        for text in [
            "Chủ tịch Hội Người cao tuổi",
            "CT Người cao tuổi",
            "Phó CT Người cao tuổi",
            "CT Hội NCT",
            "CT Chữ thập đỏ",
            "Chủ tịch Hội Khuyến học",
            "CT Hội Cựu TNXP",
        ] {
            check(text, Some(KhongChuyenTrach));
        }
        check("CT Nông dân", Some(ChuTichNongDan));
        check("CT Cựu chiến binh", Some(ChuTichCuuChienBinh));
    }

    #[test]
    fn the_party_office_is_not_the_commune_office() {
        for text in [
            "Văn phòng Đảng ủy",
            "VP Đảng ủy",
            "VP ĐU",
            "VPĐU",
            "Cán bộ Văn phòng Đảng uỷ",
        ] {
            check(text, Some(KhongChuyenTrach));
        }
        for text in [
            "Văn phòng - Thống kê",
            "VP-TK",
            "Văn phòng",
            "Công chức VP-TK",
        ] {
            check(text, Some(VanPhongThongKe));
        }
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
