//! Rosters in layouts the samples do not have, built here, imported end to end.
//! Each case states a file and the figures a careful clerk would count from it.

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;

fn csv(name: &str, text: &str) -> FileInput {
    FileInput {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn run(files: Vec<FileInput>, overrides: &Overrides) -> Value {
    let imported = import(&files, overrides);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    let options = ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        bands: "30,46,61".parse().unwrap(),
        ..Default::default()
    };
    serde_json::to_value(report(&imported.roster, &options)).unwrap()
}

/// Compare dotted paths of the report with expected values.
fn check(report: &Value, expect: &[(&str, Value)]) {
    for (path, want) in expect {
        let mut v = report;
        for key in path.split('.') {
            v = match key.parse::<usize>() {
                Ok(i) => &v[i],
                Err(_) => &v[key],
            };
        }
        assert_eq!(v, want, "{path}\nreport: {report:#}");
    }
}

#[test]
fn csv_with_title_rows_numbering_groups_totals_and_a_footer() {
    let text = "\
UBND HUYỆN NA SON,,,,,
DANH SÁCH CÁN BỘ CÔNG CHỨC XÃ,,,,,
,,,,,
STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Trình độ chuyên môn
(1),(2),(3),(4),(5),(6)
I,XÃ NA SON,,,,
1,Lò Văn A,12/05/1985,Nam,Chủ tịch UBND,ĐH Luật
2,Lò Thị B,1990,Nữ,Kế toán,TC Kế toán
,Cộng,,,,2
II,Xã Na Ngoi,,,,
1,Vàng A Páo,3-2-96,Nam,VP-TK,Cao đẳng
,Tổng cộng,,,,3
,,,,,
\"Na Son, ngày 31 tháng 12 năm 2024\",,,,,
NGƯỜI LẬP BIỂU,,,,TRƯỞNG PHÒNG,
Lò Văn Ký,,,,Vi Văn Duyệt,
";
    let r = run(vec![csv("ds.csv", text)], &Overrides::default());
    check(
        &r,
        &[
            ("people", 3.into()),
            ("category.can_bo", 1.into()),
            ("category.cong_chuc", 2.into()),
            ("gender.nu", 1.into()),
            ("professional.dai_hoc", 1.into()),
            ("professional.trung_cap", 1.into()),
            ("professional.cao_dang", 1.into()),
            ("age.bands.0.count", 1.into()),
            ("age.bands.1.count", 2.into()),
            ("units.0.unit", "Xã Na Son".into()),
            ("units.0.people", 2.into()),
            ("units.1.unit", "Xã Na Ngoi".into()),
            ("party_member", Value::Null),
            ("evaluation", Value::Null),
        ],
    );
}

#[test]
fn semicolon_utf16_csv_with_group_headers_filled_across() {
    // No merge information in CSV: "Trình độ" stands over its first sub-header only.
    let text = "\
Họ tên;Năm sinh;Giới tính;Trình độ;;;Xếp loại
;;;Văn hóa;Chuyên môn;LLCT;
Nguyễn Văn An;1970;Nam;12/12;Thạc sĩ;Cao cấp;Hoàn thành tốt nhiệm vụ nhưng còn hạn chế về năng lực
Trần Thị Bình;1999;Nữ;9/12;Sơ cấp;;Không hoàn thành NV
";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let r = run(
        vec![FileInput {
            name: "a.csv".into(),
            bytes,
        }],
        &Overrides::default(),
    );
    check(
        &r,
        &[
            ("people", 2.into()),
            ("general_education.thpt", 1.into()),
            ("general_education.thcs", 1.into()),
            ("professional.thac_si", 1.into()),
            ("professional.so_cap", 1.into()),
            ("political_theory.cao_cap", 1.into()),
            ("political_theory.none", 1.into()),
            ("evaluation.han_che", 1.into()),
            ("evaluation.khong_hoan_thanh", 1.into()),
            ("category.unknown", 2.into()),
        ],
    );
}

#[test]
fn an_ambiguous_phan_loai_column_is_read_by_what_it_holds() {
    let text = "\
Họ và tên,Ngày sinh,Phân loại,Chức danh
A,01/01/1980,Hoàn thành tốt nhiệm vụ,Chủ tịch HĐND
B,01/01/1981,Hoàn thành xuất sắc nhiệm vụ,Tư pháp - hộ tịch
";
    let r = run(vec![csv("x.csv", text)], &Overrides::default());
    check(
        &r,
        &[
            ("evaluation.tot", 1.into()),
            ("evaluation.xuat_sac", 1.into()),
            ("category.can_bo", 1.into()),
            ("category.cong_chuc", 1.into()),
        ],
    );
}

#[test]
fn category_group_rows_give_the_category_of_unknown_titles() {
    let text = "\
TT,Họ và tên,Năm sinh,Chức vụ
A,CÁN BỘ,,
1,Người Một,1980,Thủ quỹ kiêm văn thư
B,CÔNG CHỨC,,
2,Người Hai,1985,Cán bộ chuyên trách
";
    let r = run(vec![csv("x.csv", text)], &Overrides::default());
    check(
        &r,
        &[
            ("category.can_bo", 1.into()),
            ("category.cong_chuc", 1.into()),
            ("people", 2.into()),
        ],
    );
}

#[test]
fn x_marks_under_gender_and_nfd_text_with_eth() {
    let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Hoa";
    let text = format!(
        "Họ và tên,Giới tính,,Dân tộc,Ðảng viên\n,Nam,Nữ,,\nÐỗ Văn Cường,x,,Kinh,x\n{nfd},,x,Hmông,\n"
    );
    let r = run(vec![csv("x.csv", &text)], &Overrides::default());
    check(
        &r,
        &[
            ("gender.nam", 1.into()),
            ("gender.nu", 1.into()),
            ("party_member", 1.into()),
            ("ethnic_minority", 1.into()),
        ],
    );
}

#[test]
fn one_file_per_commune_takes_the_unit_from_the_file_name() {
    let text = "Họ và tên,Năm sinh,Chức vụ\nA,1980,Chủ tịch UBND\nB,1990,Kế toán\n";
    let r = run(
        vec![
            csv("Xã Na Son.csv", text),
            csv("Xa Na Ngoi.csv", text),
            csv("danh-sach-3.csv", text),
        ],
        &Overrides::default(),
    );
    check(
        &r,
        &[
            ("people", 6.into()),
            ("units.0.unit", "Xã Na Son".into()),
            ("units.1.unit", "Xa Na Ngoi".into()),
            ("units.2.unit", "danh-sach-3".into()),
            ("units.2.people", 2.into()),
        ],
    );
}

#[test]
fn the_users_column_choice_replaces_the_detected_field() {
    let text = "Họ và tên,Năm sinh,Ghi chú\nA,1980,Đảng viên\nB,1990,\n";
    let before = run(vec![csv("x.csv", text)], &Overrides::default());
    check(&before, &[("party_member", Value::Null)]);
    let overrides = Overrides {
        columns: vec![canbo_core::import::ColumnChoice {
            file: "x.csv".into(),
            sheet: "x".into(),
            col: 2,
            field: Some(canbo_core::field::Field::Party),
        }],
        ..Overrides::default()
    };
    let after = run(vec![csv("x.csv", text)], &overrides);
    check(&after, &[("party_member", 1.into())]);
}

fn xlsx(build: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    build(book.add_worksheet());
    book.save_to_buffer().unwrap()
}

#[test]
fn merged_three_row_header_with_split_birth_columns_in_xlsx() {
    let bytes = xlsx(|s| {
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let f = Format::new();
        s.write(0, 0, "BÁO CÁO CHẤT LƯỢNG").unwrap();
        s.merge_range(2, 0, 4, 0, "STT", &f).unwrap();
        s.merge_range(2, 1, 4, 1, "Họ và tên", &f).unwrap();
        s.merge_range(2, 2, 3, 3, "Ngày, tháng, năm sinh", &f)
            .unwrap();
        s.write(4, 2, "Nam").unwrap();
        s.write(4, 3, "Nữ").unwrap();
        s.merge_range(2, 4, 2, 6, "Trình độ", &f).unwrap();
        s.merge_range(3, 4, 4, 4, "Văn hóa", &f).unwrap();
        s.merge_range(3, 5, 3, 6, "Chuyên môn", &f).unwrap();
        s.write(4, 5, "Trình độ").unwrap();
        s.write(4, 6, "Chuyên ngành").unwrap();
        type Ymd = Option<(u16, u8, u8)>;
        let rows: [(&str, Ymd, Ymd, &str, &str); 3] = [
            ("Hà Văn Một", Some((1961, 10, 2)), None, "12/12", "Đại học"),
            ("Lý Thị Hai", None, Some((1995, 1, 1)), "10/10", "Cao đẳng"),
            ("Không Ngày Sinh", None, None, "9/12", ""),
        ];
        for (i, (name, male, female, ge, prof)) in rows.iter().enumerate() {
            let r = 5 + i as u32;
            s.write(r, 0, (i + 1) as f64).unwrap();
            s.write(r, 1, *name).unwrap();
            for (col, d) in [(2u16, male), (3, female)] {
                if let Some((y, m, d)) = d {
                    let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    s.write_datetime_with_format(r, col, &dt, &date).unwrap();
                }
            }
            s.write(r, 4, *ge).unwrap();
            if !prof.is_empty() {
                s.write(r, 5, *prof).unwrap();
            }
            s.write(r, 6, "Luật").unwrap();
        }
    });
    let imported = import(
        &[FileInput {
            name: "b.xlsx".into(),
            bytes: bytes.clone(),
        }],
        &Overrides::default(),
    );
    assert_eq!(imported.roster.sources[0].header_rows, vec![3, 4, 5]);
    let r = run(
        vec![FileInput {
            name: "b.xlsx".into(),
            bytes,
        }],
        &Overrides::default(),
    );
    check(
        &r,
        &[
            ("people", 3.into()),
            ("gender.nam", 1.into()),
            ("gender.nu", 1.into()),
            ("gender.unknown", 1.into()),
            ("age.unknown", 1.into()),
            ("age.bands.0.count", 1.into()),
            ("age.bands.3.count", 1.into()),
            ("professional.dai_hoc", 1.into()),
            ("professional.none", 1.into()),
            ("general_education.thcs", 1.into()),
        ],
    );
}

#[test]
fn a_summary_sheet_is_skipped_and_said_so() {
    let mut book = Workbook::new();
    let th = book.add_worksheet();
    th.set_name("Tổng hợp").unwrap();
    th.write(0, 0, "Đơn vị").unwrap();
    th.write(0, 1, "Tổng số").unwrap();
    th.write(0, 2, "Đảng viên").unwrap();
    th.write(1, 0, "Xã A").unwrap();
    th.write(1, 1, 2).unwrap();
    let ds = book.add_worksheet();
    ds.set_name("Xã A").unwrap();
    ds.write(0, 0, "Họ và tên").unwrap();
    ds.write(0, 1, "Năm sinh").unwrap();
    ds.write(1, 0, "Người A").unwrap();
    ds.write(1, 1, 1980).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let imported = import(
        &[FileInput {
            name: "t.xlsx".into(),
            bytes,
        }],
        &Overrides::default(),
    );
    let sheets = &imported.files[0].sheets;
    assert!(sheets[0].skipped.is_some(), "{sheets:?}");
    assert!(sheets[1].skipped.is_none());
    assert_eq!(imported.roster.people.len(), 1);
    assert_eq!(imported.roster.people[0].unit, "Xã A");
    assert!(imported
        .roster
        .warnings
        .iter()
        .any(|w| w.sheet == "Tổng hợp"));
}

#[test]
fn duplicates_across_files_are_warned_about() {
    let text = "Họ và tên,Ngày sinh\nLò Văn A,12/05/1985\n";
    let imported = import(
        &[csv("a.csv", text), csv("b.csv", text)],
        &Overrides::default(),
    );
    assert_eq!(imported.roster.people.len(), 2);
    let dup = imported
        .roster
        .warnings
        .iter()
        .find(|w| w.message.contains("twice"))
        .expect("a duplicate warning");
    assert_eq!(dup.file, "b.csv");
}

#[test]
fn unreadable_values_are_unknown_and_warned_with_their_cell() {
    let text = "Họ và tên,Trình độ chuyên môn\nLò Văn A,Đang học\nLò Văn B,\n";
    let imported = import(&[csv("a.csv", text)], &Overrides::default());
    let w = &imported.roster.warnings[0];
    assert_eq!(w.cell, "B2");
    assert!(
        w.message.starts_with("B2: 'Đang học' not recognised"),
        "{}",
        w.message
    );
    let r = run(vec![csv("a.csv", text)], &Overrides::default());
    check(
        &r,
        &[
            ("professional.unknown", 1.into()),
            ("professional.none", 1.into()),
        ],
    );
}

#[test]
fn a_file_with_no_roster_is_a_typed_error() {
    let imported = import(&[csv("x.csv", "a,b\n1,2\n")], &Overrides::default());
    assert!(matches!(
        imported.errors[0],
        canbo_core::ImportError::NoRoster { .. }
    ));
}

#[test]
fn a_csv_typed_in_vni_is_converted() {
    // VNI-Windows bytes, as a Western (Windows-1252) text file holds them.
    let text = "Hoï vaø teân,Ngaøy sinh,Giôùi tính,Chöùc vuï\n\
                Nguyeãn Vaên An,01/02/1980,Nam,Chuû tòch UBND\n\
                Leâ Thò Bình,03/04/1990,Nöõ,Keá toaùn\n";
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let imported = import(
        &[FileInput {
            name: "vni.csv".into(),
            bytes: bytes.clone(),
        }],
        &Overrides::default(),
    );
    assert_eq!(
        imported.files[0].sheets[0].encoding,
        Some(canbo_core::text::legacy::Legacy::Vni)
    );
    assert_eq!(imported.roster.people[0].name, "Nguyễn Văn An");
    let r = run(
        vec![FileInput {
            name: "vni.csv".into(),
            bytes,
        }],
        &Overrides::default(),
    );
    check(
        &r,
        &[
            ("category.can_bo", 1.into()),
            ("category.cong_chuc", 1.into()),
            ("gender.nu", 1.into()),
        ],
    );
}

#[test]
fn values_no_rule_reads_are_listed_once_each_and_taught_once() {
    use canbo_core::field::Field;
    use canbo_core::vocab::spellings::{Spelling, Spellings};
    let text = "Họ và tên,Chức vụ,Trình độ chuyên môn\n\
                Lò Văn A,Thủ quỹ,Đang học\n\
                Lò Văn B,THỦ QUỸ,ĐH\n\
                Lò Văn C,Chủ tịch UBND,đang học\n";
    let imported = import(&[csv("a.csv", text)], &Overrides::default());
    let unread = imported.roster.unrecognised();
    assert_eq!(unread.len(), 2, "{unread:?}");
    assert!(unread.iter().all(|u| u.people == 2));
    let title = unread.iter().find(|u| u.field == Field::Position).unwrap();
    assert_eq!(title.text, "Thủ quỹ");
    assert_eq!(title.places, vec!["a.csv › a › B2", "a.csv › a › B3"]);

    let taught = vec![
        Spelling {
            field: Field::Position,
            text: "thu quy".into(),
            code: "tai_chinh_ke_toan".into(),
        },
        Spelling {
            field: Field::Professional,
            text: "Đang học".into(),
            code: "none".into(),
        },
    ];
    let overrides = Overrides {
        spellings: taught.clone(),
        ..Overrides::default()
    };
    let r = run(vec![csv("a.csv", text)], &overrides);
    check(
        &r,
        &[
            ("category.cong_chuc", 2.into()),
            ("category.can_bo", 1.into()),
            ("category.unknown", 0.into()),
            ("professional.none", 2.into()),
            ("professional.unknown", 0.into()),
        ],
    );
    assert!(r["warnings"].as_array().unwrap().is_empty());

    // Taught after the import, on the roster already read: the same figures.
    let mut roster = imported.roster;
    assert_eq!(roster.apply_spellings(&Spellings::new(&taught)), 4);
    assert!(roster.unrecognised().is_empty());
    let again = serde_json::to_value(canbo_core::report(&roster, &Default::default())).unwrap();
    for key in ["category", "professional"] {
        assert_eq!(again[key], r[key], "{key}");
    }
}

/// A commune's workbook: one sheet named `sheet`, an optional title row, two people.
fn commune_book(sheet: &str, title: Option<&str>) -> Vec<u8> {
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.set_name(sheet).unwrap();
    let top = u32::from(title.is_some());
    if let Some(t) = title {
        s.write(0, 0, t).unwrap();
    }
    for (c, h) in ["Họ và tên", "Năm sinh", "Chức vụ"].iter().enumerate() {
        s.write(top, c as u16, *h).unwrap();
    }
    s.write(top + 1, 0, "Lò Văn A").unwrap();
    s.write(top + 1, 1, 1980).unwrap();
    s.write(top + 1, 2, "Chủ tịch UBND").unwrap();
    s.write(top + 2, 0, "Lò Thị B").unwrap();
    s.write(top + 2, 1, 1990).unwrap();
    s.write(top + 2, 2, "Kế toán").unwrap();
    book.save_to_buffer().unwrap()
}

fn unit_names(files: Vec<FileInput>) -> Vec<String> {
    let r = run(files, &Overrides::default());
    r["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn units_are_named_as_the_roster_names_them_in_the_order_it_gives() {
    let file = |name: &str, sheet: &str, title: Option<&str>| FileInput {
        name: name.into(),
        bytes: commune_book(sheet, title),
    };
    // Sheet names beat file names, keep their diacritics, and the files' order is kept.
    assert_eq!(
        unit_names(vec![
            file("chieng-so.xlsx", "Chiềng Sơ", None),
            file("Xa Dung.xlsx", "Xá Dung", None),
            file("keo-lom.xlsx", "KEO LÔM", None),
        ]),
        ["Chiềng Sơ", "Xá Dung", "Keo Lôm"]
    );
    // A title row beats a sheet named "Sheet1"; a file name is the last resort, as typed.
    assert_eq!(
        unit_names(vec![
            file(
                "a.xlsx",
                "Sheet1",
                Some("DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ HÁNG LÌA, HUYỆN ĐIỆN BIÊN ĐÔNG")
            ),
            file("nà-hẩu 2024.xlsx", "Sheet1", None),
        ]),
        ["Xã Háng Lìa", "nà-hẩu 2024"]
    );
    // One unit written several ways is one unit, under its fullest spelling.
    assert_eq!(
        unit_names(vec![
            file("1.xlsx", "CHIỀNG SƠ", None),
            file("2.xlsx", "Sheet1", Some("UBND XÃ CHIỀNG SƠ")),
        ]),
        ["Xã Chiềng Sơ"]
    );
}

#[test]
fn files_added_later_make_the_roster_they_make_together() {
    let a = csv(
        "xa-a.csv",
        "Họ và tên,Năm sinh\nLò Văn A,1980\nLò Thị B,1990\n",
    );
    let b = csv("Xã B.csv", "Họ và tên,Năm sinh\nLò Văn A,1980\n");
    let together = import(&[a.clone(), b.clone()], &Overrides::default());
    let mut roster = import(&[a], &Overrides::default()).roster;
    canbo_core::import::add(&mut roster, import(&[b], &Overrides::default()).roster);
    assert_eq!(roster, together.roster);
    assert_eq!(roster.units(), ["xa-a", "Xã B"]);
    let duplicates = roster
        .warnings
        .iter()
        .filter(|w| w.message.contains("twice"))
        .count();
    assert_eq!(duplicates, 1);
}
