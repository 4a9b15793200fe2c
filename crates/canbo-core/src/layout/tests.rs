use super::*;
use crate::read::{Cell, Sheet};

fn sheet(rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: "S".into(),
        rows: rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| {
                        if t.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text((*t).into())
                        }
                    })
                    .collect()
            })
            .collect(),
        ..Default::default()
    }
}

fn roles(rows: &[&[&str]]) -> Vec<RowRole> {
    let layout = detect(&sheet(rows), &[]).expect("a roster");
    layout.rows.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn header_is_the_row_naming_most_fields_below_title_rows() {
    let s = sheet(&[
        &["DANH SÁCH CÁN BỘ"],
        &["(đến 31/12/2024)"],
        &["STT", "Họ và tên", "Ngày sinh", "Chức vụ"],
        &["1", "Lò Văn A", "1980", "Kế toán"],
    ]);
    let layout = detect(&s, &[]).unwrap();
    assert_eq!(layout.header_rows, vec![2]);
    assert_eq!(
        layout
            .columns_of(crate::field::Field::Position)
            .collect::<Vec<_>>(),
        vec![3]
    );
}

#[test]
fn rows_are_told_apart() {
    let got = roles(&[
        &["TT", "Họ và tên", "Năm sinh", "Chức vụ"],
        &["1", "2", "3", "4"],
        &["I", "Xã Na Son", "", ""],
        &["1", "Lò Văn A", "1980", "Kế toán"],
        &["", "Cộng", "", "1"],
        &["", "", "", ""],
        &["", "Na Son, ngày 5 tháng 1 năm 2025", "", ""],
        &["", "Lò Văn Ký", "", ""],
    ]);
    assert_eq!(
        got,
        vec![
            RowRole::ColumnNumbers,
            RowRole::UnitGroup {
                unit: "Xã Na Son".into()
            },
            RowRole::Person,
            RowRole::Total,
            RowRole::Blank,
            RowRole::Footer,
            RowRole::Footer,
        ]
    );
}

#[test]
fn a_family_name_like_cong_is_not_a_total() {
    let got = roles(&[
        &["Họ và tên", "Năm sinh"],
        &["Công Văn Minh", "1980"],
        &["Tổng Thị Hoa", "1981"],
    ]);
    assert_eq!(got, vec![RowRole::Person, RowRole::Person]);
}

#[test]
fn numbering_is_stripped_from_group_names() {
    assert_eq!(strip_numbering("I. Xã Na Son"), "Xã Na Son");
    assert_eq!(
        strip_numbering("2 - Thị trấn Mường Tè"),
        "Thị trấn Mường Tè"
    );
    assert_eq!(strip_numbering("Xã Na Son"), "Xã Na Son");
    assert_eq!(strip_numbering("XÃ NÀ KHUÔN"), "XÃ NÀ KHUÔN");
}

#[test]
fn a_sheet_without_names_is_not_a_roster() {
    let s = sheet(&[&["Đơn vị", "Tổng số", "Đảng viên"], &["Xã A", "3", "2"]]);
    assert_eq!(detect(&s, &[]), Err(NotRoster::NoNameColumn));
    assert_eq!(detect(&sheet(&[&[""]]), &[]), Err(NotRoster::Empty));
}
