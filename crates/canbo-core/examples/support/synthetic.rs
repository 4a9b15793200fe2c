//! A synthetic roster for benchmarks: the government layout (title rows, a two-row merged
//! header, a row of column numbers, a group row per unit, a total row per unit, a footer),
//! 20 columns of Vietnamese text and dates, deterministic for a given size.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// A tiny deterministic generator (64-bit LCG): the same size always gives the same file.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Lò", "Vi", "Hoàng", "Nông", "Lương", "Hà", "Đinh", "Bùi", "Vàng",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Thế", "Minh", "Thanh"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Páo", "Mến", "Sáng", "Hằng", "Tùng", "Lụa", "Khải", "Nga",
];
const TITLES: &[&str] = &[
    "Bí thư Đảng ủy",
    "Chủ tịch Ủy ban nhân dân",
    "Phó Chủ tịch Hội đồng nhân dân",
    "Công chức Văn phòng - Thống kê",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Tài chính - Kế toán",
    "Phó Chủ tịch Hội Nông dân",
    "Chủ tịch Hội Cựu chiến binh Việt Nam",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự",
];
const ETHNIC: &[&str] = &["Tày", "Nùng", "Kinh", "Dao", "Mông"];
const GE: &[&str] = &[
    "12/12",
    "12/12",
    "10/10",
    "Tốt nghiệp THPT",
    "9/12",
    "11/12",
];
const PROF: &[&str] = &[
    "Đại học",
    "Đại học Luật",
    "Trung cấp",
    "Cao đẳng",
    "Thạc sĩ",
    "",
    "Sơ cấp",
];
const FIELD: &[&str] = &["Luật", "Kế toán", "Hành chính", "Nông lâm", "Sư phạm"];
const LLCT: &[&str] = &["Trung cấp", "Sơ cấp", "", "Cao cấp"];
const IT: &[&str] = &["A", "B", "Chứng chỉ ứng dụng CNTT cơ bản", ""];
const EVAL: &[&str] = &[
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "",
];

/// Write a roster of `people` people as xlsx bytes: about 25 per unit, or spread evenly over
/// `units` units.
pub fn roster_xlsx(people: usize, units: Option<usize>) -> Result<Vec<u8>, XlsxError> {
    roster_xlsx_in_sheets(people, units, 1)
}

/// [`roster_xlsx`] over `sheets` sheets ("Huyện 1", "Huyện 2"…, as a province's workbook
/// keeps a sheet per district), the people shared evenly; one sheet is `roster_xlsx`'s.
pub fn roster_xlsx_in_sheets(
    all: usize,
    units: Option<usize>,
    sheets: usize,
) -> Result<Vec<u8>, XlsxError> {
    let mut rng = Lcg(0x5eed ^ all as u64);
    let mut book = Workbook::new();
    let sheets = sheets.max(1);
    let mut unit = 0;
    for k in 0..sheets {
        let people = all / sheets + usize::from(k < all % sheets);
        let s = book.add_worksheet();
        if sheets > 1 {
            s.set_name(format!("Huyện {}", k + 1))?;
        }
        let f = Format::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        s.write(0, 0, "ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN")?;
        s.write(1, 0, "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ")?;
        let heads = [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "",
            "Dân tộc",
            "Tôn giáo",
            "Chức vụ",
            "Đảng viên",
            "Trình độ",
            "",
            "",
            "",
            "",
            "Quản lý nhà nước",
            "Ngoại ngữ",
            "Xếp loại",
            "Ngày tuyển dụng",
            "Quê quán",
            "Số điện thoại",
            "Ghi chú",
        ];
        for (c, h) in heads.iter().enumerate() {
            if !h.is_empty() {
                s.write(3, c as u16, *h)?;
            }
        }
        s.merge_range(3, 2, 3, 3, "Ngày sinh", &f)?;
        s.merge_range(3, 8, 3, 12, "Trình độ", &f)?;
        for (c, h) in [
            (2, "Nam"),
            (3, "Nữ"),
            (8, "Văn hóa"),
            (9, "Chuyên môn"),
            (10, "Chuyên ngành"),
            (11, "Lý luận chính trị"),
            (12, "Tin học"),
        ] {
            s.write(4, c, h)?;
        }
        for c in 0..heads.len() {
            s.write(5, c as u16, (c + 1) as f64)?;
        }
        let mut r: u32 = 6;
        let mut written = 0;
        while written < people {
            unit += 1;
            s.write(r, 0, canbo_core::text::roman(unit))?;
            s.write(r, 1, format!("XÃ SỐ {unit}").as_str())?;
            r += 1;
            let random = (20 + rng.next() % 11) as usize;
            let in_unit = match units {
                // The first `people % n` units take one more.
                Some(n) => people / n + usize::from(unit <= people % n),
                None => random,
            };
            for i in 0..in_unit.min(people - written) {
                let name = format!(
                    "{} {} {}",
                    rng.pick(FAMILY),
                    rng.pick(MIDDLE),
                    rng.pick(GIVEN)
                );
                let female = rng.next().is_multiple_of(3);
                let birth = ExcelDateTime::from_ymd(
                    1960 + (rng.next() % 45) as u16,
                    1 + (rng.next() % 12) as u8,
                    1 + (rng.next() % 28) as u8,
                )?;
                s.write(r, 0, (i + 1) as f64)?;
                s.write(r, 1, name.as_str())?;
                s.write_datetime_with_format(r, if female { 3 } else { 2 }, &birth, &date)?;
                s.write(r, 4, rng.pick(ETHNIC))?;
                s.write(
                    r,
                    5,
                    if rng.next().is_multiple_of(10) {
                        "Phật giáo"
                    } else {
                        "Không"
                    },
                )?;
                s.write(r, 6, rng.pick(TITLES))?;
                if !rng.next().is_multiple_of(4) {
                    s.write(r, 7, "x")?;
                }
                s.write(r, 8, rng.pick(GE))?;
                s.write(r, 9, rng.pick(PROF))?;
                s.write(r, 10, rng.pick(FIELD))?;
                s.write(r, 11, rng.pick(LLCT))?;
                s.write(r, 12, rng.pick(IT))?;
                s.write(
                    r,
                    13,
                    if rng.next().is_multiple_of(2) {
                        "Chuyên viên"
                    } else {
                        ""
                    },
                )?;
                s.write(r, 14, "Tiếng Anh B")?;
                s.write(r, 15, rng.pick(EVAL))?;
                let hired = ExcelDateTime::from_ymd(
                    1990 + (rng.next() % 34) as u16,
                    1 + (rng.next() % 12) as u8,
                    1,
                )?;
                s.write_datetime_with_format(r, 16, &hired, &date)?;
                s.write(r, 17, "Lạng Sơn")?;
                s.write(r, 18, format!("09{:08}", rng.next() % 100_000_000).as_str())?;
                r += 1;
                written += 1;
            }
            s.write(r, 1, "Cộng")?;
            r += 1;
        }
        s.write(r + 1, 1, "NGƯỜI LẬP BIỂU")?;
    }
    book.save_to_buffer()
}

/// The roster the importer reads from [`roster_xlsx`]`(people, None)`, checked to hold
/// `people` (the benchmarks that start from a roster, not from the file).
#[allow(dead_code)] // Not every program that includes this file reads the roster.
pub fn roster(people: usize) -> canbo_core::roster::Roster {
    let bytes = roster_xlsx(people, None).expect("generate");
    let roster = canbo_core::import(
        &[canbo_core::FileInput {
            name: "r.xlsx".into(),
            bytes,
        }],
        &canbo_core::Overrides::default(),
    )
    .roster;
    assert_eq!(roster.people.len(), people);
    roster
}
