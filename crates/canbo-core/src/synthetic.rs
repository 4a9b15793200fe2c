//! A synthetic roster in the government layout (title rows, a two-row merged header, a row
//! of column numbers, a group row per unit, a total row per unit, a footer): 20 columns of
//! Vietnamese text and dates, deterministic for a given size.
//!
//! Two things read it. The benchmarks' generated files (`cargo xtask gen-roster`,
//! `examples/support/synthetic.rs`) write [`sheets`] with rust_xlsxwriter. And the
//! browser's import worker imports a small one, written here as an xlsx ([`xlsx`]), once
//! when it starts, before the user's file (src/worker: V8 first runs a new wasm module's
//! functions unoptimised and optimises each only once it has run a while, and a call
//! already running stays unoptimised; a practice import gets the import's loops optimised
//! before the one the user waits for). So the xlsx is made as Excel makes one: shared
//! strings, a date format, merged cells, deflated parts, which Canbo's own xlsx reader
//! reads as it reads Excel's.

use crate::date::Date;

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// Whole numbers only (the rows' and columns' numbers): writing a float's digits would
    /// link the float formatting into the import worker for nothing.
    Number(u32),
    /// Written as a number in the `dd/mm/yyyy` format.
    Date(Date),
}

/// A value at its place (zero-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub row: u32,
    pub col: u16,
    pub value: Value,
}

/// Cells merged into one, from `first` to `last` (row, column; zero-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Merged {
    pub first: (u32, u16),
    pub last: (u32, u16),
}

/// One sheet: its name (`None`: the writer's default), its cells row by row, its merges.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: Option<String>,
    pub cells: Vec<Placed>,
    pub merged: Vec<Merged>,
}

/// A tiny deterministic generator (64-bit LCG): the same size always gives the same roster.
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
    /// A day of a month of a year from `from` on, `years` of them (`day` fixed, or drawn).
    fn date(&mut self, from: u64, years: u64, day: Option<u32>) -> Date {
        let year = (from + self.next() % years) as i32;
        let month = 1 + (self.next() % 12) as u32;
        let day = day.unwrap_or_else(|| 1 + (self.next() % 28) as u32);
        Date::new(year, month, day).unwrap_or(Date::from_days(0))
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
const HEADS: [&str; 20] = [
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

/// A roster of `all` people over `sheets` sheets ("Huyện 1", "Huyện 2"…, as a province's
/// workbook keeps a sheet per district; one sheet has no name of its own), the people shared
/// evenly: about 25 people per unit, or spread evenly over `units` units per sheet.
pub fn sheets(all: usize, units: Option<usize>, sheets: usize) -> Vec<Sheet> {
    let mut rng = Lcg(0x5eed ^ all as u64);
    let sheets = sheets.max(1);
    let mut unit = 0;
    let mut made = Vec::with_capacity(sheets);
    for k in 0..sheets {
        let people = all / sheets + usize::from(k < all % sheets);
        let mut cells = Vec::with_capacity(people * 18 + 100);
        let mut put = |row: u32, col: u16, value: Value| cells.push(Placed { row, col, value });
        let text = |t: &str| Value::Text(t.to_string());
        put(0, 0, text("ỦY BAN NHÂN DÂN HUYỆN MẪU SƠN"));
        put(1, 0, text("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"));
        for (c, h) in HEADS.iter().enumerate() {
            if !h.is_empty() {
                put(3, c as u16, text(h));
            }
        }
        for (c, h) in [
            (2, "Nam"),
            (3, "Nữ"),
            (8, "Văn hóa"),
            (9, "Chuyên môn"),
            (10, "Chuyên ngành"),
            (11, "Lý luận chính trị"),
            (12, "Tin học"),
        ] {
            put(4, c, text(h));
        }
        for c in 0..HEADS.len() {
            put(5, c as u16, Value::Number(c as u32 + 1));
        }
        let mut r: u32 = 6;
        let mut written = 0;
        while written < people {
            unit += 1;
            put(r, 0, Value::Text(crate::text::roman(unit)));
            put(r, 1, Value::Text(format!("XÃ SỐ {unit}")));
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
                let birth = rng.date(1960, 45, None);
                put(r, 0, Value::Number(i as u32 + 1));
                put(r, 1, Value::Text(name));
                put(r, if female { 3 } else { 2 }, Value::Date(birth));
                put(r, 4, text(rng.pick(ETHNIC)));
                let religion = match rng.next().is_multiple_of(10) {
                    true => "Phật giáo",
                    false => "Không",
                };
                put(r, 5, text(religion));
                put(r, 6, text(rng.pick(TITLES)));
                if !rng.next().is_multiple_of(4) {
                    put(r, 7, text("x"));
                }
                put(r, 8, text(rng.pick(GE)));
                put(r, 9, text(rng.pick(PROF)));
                put(r, 10, text(rng.pick(FIELD)));
                put(r, 11, text(rng.pick(LLCT)));
                put(r, 12, text(rng.pick(IT)));
                let state = match rng.next().is_multiple_of(2) {
                    true => "Chuyên viên",
                    false => "",
                };
                put(r, 13, text(state));
                put(r, 14, text("Tiếng Anh B"));
                put(r, 15, text(rng.pick(EVAL)));
                put(r, 16, Value::Date(rng.date(1990, 34, Some(1))));
                put(r, 17, text("Lạng Sơn"));
                put(
                    r,
                    18,
                    Value::Text(format!("09{:08}", rng.next() % 100_000_000)),
                );
                r += 1;
                written += 1;
            }
            put(r, 1, text("Cộng"));
            r += 1;
        }
        put(r + 1, 1, text("NGƯỜI LẬP BIỂU"));
        made.push(Sheet {
            name: (sheets > 1).then(|| format!("Huyện {}", k + 1)),
            cells,
            merged: vec![
                Merged {
                    first: (3, 2),
                    last: (3, 3),
                },
                Merged {
                    first: (3, 8),
                    last: (3, 12),
                },
            ],
        });
    }
    made
}

/// [`sheets`]`(people, None, 1)` as the bytes of an xlsx file, made as Excel makes one
/// (shared strings, the dates in a `dd/mm/yyyy` format, the merged cells, every part
/// deflated).
pub fn xlsx(people: usize) -> Vec<u8> {
    let sheet = sheets(people, None, 1).swap_remove(0);
    let mut strings: Vec<&str> = Vec::new();
    let mut index: foldhash::HashMap<&str, usize> = Default::default();
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        "<sheetData>"
    ));
    let mut row = None;
    for cell in &sheet.cells {
        if row != Some(cell.row) {
            if row.is_some() {
                xml.push_str("</row>");
            }
            row = Some(cell.row);
            xml.push_str(&format!(r#"<row r="{}">"#, cell.row + 1));
        }
        let at = reference((cell.row, cell.col));
        match &cell.value {
            Value::Text(t) => {
                let next = strings.len();
                let i = *index.entry(t).or_insert(next);
                if i == next {
                    strings.push(t);
                }
                xml.push_str(&format!(r#"<c r="{at}" t="s"><v>{i}</v></c>"#));
            }
            Value::Number(n) => xml.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
            Value::Date(d) => {
                // Excel's day 0 is 30 December 1899 (for every date after February 1900).
                let serial = d.to_days() + 25_569;
                xml.push_str(&format!(r#"<c r="{at}" s="1"><v>{serial}</v></c>"#));
            }
        }
    }
    if row.is_some() {
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    xml.push_str(&format!(r#"<mergeCells count="{}">"#, sheet.merged.len()));
    for m in &sheet.merged {
        let (first, last) = (reference(m.first), reference(m.last));
        xml.push_str(&format!(r#"<mergeCell ref="{first}:{last}"/>"#));
    }
    xml.push_str("</mergeCells></worksheet>");
    let mut shared = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">"#
        ),
        strings.len()
    );
    for s in &strings {
        shared.push_str(&format!("<si><t>{}</t></si>", escaped(s)));
    }
    shared.push_str("</sst>");
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/styles.xml", STYLES.as_bytes()),
        ("xl/sharedStrings.xml", shared.as_bytes()),
        ("xl/worksheets/sheet1.xml", xml.as_bytes()),
    ])
}

/// A cell's reference (`A1` for (0, 0)).
fn reference((row, col): (u32, u16)) -> String {
    crate::read::cell_ref(row as usize, usize::from(col))
}

/// Text as XML character data.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
    "</Types>"
);
const RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>"
);
const WORKBOOK: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
);
const WORKBOOK_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#,
    "</Relationships>"
);
/// Two cell formats: the default, and dates (`s="1"`).
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>"#,
    r#"<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="1"><fill><patternFill patternType="none"/></fill></fills>"#,
    r#"<borders count="1"><border/></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
    "</styleSheet>"
);

/// A zip of `parts`, each deflated: local headers, the central directory, its end.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Version 2.0, no flags, deflated, 1 January 1980 at midnight.
    let common = |out: &mut Vec<u8>, crc: u32, packed: usize, size: usize, name: &str| {
        for v in [20, 0, 8, 0, 0x21] {
            u16le(out, v);
        }
        u32le(out, crc);
        u32le(out, packed as u32);
        u32le(out, size as u32);
        u16le(out, name.len() as u16);
        u16le(out, 0);
    };
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in parts {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        u32le(&mut out, 0x0403_4b50);
        common(&mut out, crc, packed.len(), data.len(), name);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        u32le(&mut directory, 0x0201_4b50);
        u16le(&mut directory, 20);
        common(&mut directory, crc, packed.len(), data.len(), name);
        // No comment, disk 0, no attributes.
        for v in [0, 0, 0] {
            u16le(&mut directory, v);
        }
        u32le(&mut directory, 0);
        u32le(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    let size = directory.len() as u32;
    out.extend_from_slice(&directory);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, parts.len() as u16, parts.len() as u16] {
        u16le(&mut out, v);
    }
    u32le(&mut out, size);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_with_readers, FileInput, Overrides};
    use crate::read::Readers;

    fn imported(bytes: Vec<u8>, readers: Readers) -> crate::import::Import {
        let file = FileInput {
            name: "synthetic.xlsx".into(),
            bytes,
        };
        import_with_readers(&[file], &Overrides::default(), readers, &mut |_| {})
    }

    /// The xlsx made here is read by Canbo's own reader, as calamine reads it, and holds
    /// exactly the people asked for, each with the fields the roster gives them.
    #[test]
    fn the_xlsx_made_here_imports_every_person_through_the_own_reader() {
        for people in [1, 24, 200, 1_000] {
            let bytes = xlsx(people);
            let own = imported(bytes.clone(), Readers::Own);
            assert!(!own.needs_full_reader(), "{people}: read by the own reader");
            assert_eq!(own.roster.people.len(), people);
            assert!(own.errors.is_empty(), "{people}: {:?}", own.errors);
            let units = people.div_ceil(30)..=people.div_ceil(20);
            assert!(units.contains(&own.files[0].sheets[0].units.len()));
            let all = imported(bytes, Readers::All);
            assert_eq!(
                serde_json::to_value(&own.roster).unwrap(),
                serde_json::to_value(&all.roster).unwrap(),
                "{people}: the own reader gives what calamine gives"
            );
            let dated = (own.roster.people.iter())
                .filter(|p| p.birth.is_some() && p.hired.is_some() && p.gender.is_some())
                .count();
            assert_eq!(
                dated, people,
                "every birth and hiring date and gender is read"
            );
        }
    }

    /// The same size always gives the same roster; another size, another.
    #[test]
    fn the_roster_is_the_same_for_the_same_size() {
        assert_eq!(xlsx(300), xlsx(300));
        assert_eq!(sheets(300, None, 2), sheets(300, None, 2));
        assert_ne!(sheets(300, None, 1), sheets(301, None, 1));
        let two = sheets(301, Some(3), 2);
        let people = |s: &Sheet| {
            (s.cells.iter())
                .filter(|c| c.col == 0 && matches!(c.value, Value::Number(_)) && c.row > 5)
                .count()
        };
        assert_eq!(two.iter().map(people).collect::<Vec<_>>(), vec![151, 150]);
        assert_eq!(two[1].name.as_deref(), Some("Huyện 2"));
    }
}
