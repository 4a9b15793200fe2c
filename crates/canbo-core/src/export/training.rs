//! The training plan as an Excel workbook: one sheet, one group per need ("Cần đại học"),
//! each person with unit, position, the level now and the level to reach, ready to print
//! and to fill in with courses and dates.

use crate::date::Date;
use crate::standards::training::level_label_vi;
use crate::standards::{self, Standards, TrainingGroup};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

const HEADERS: [(&str, f64); 7] = [
    ("STT", 5.0),
    ("Họ và tên", 24.0),
    ("Đơn vị", 20.0),
    ("Chức vụ, chức danh", 28.0),
    ("Trình độ hiện có", 16.0),
    ("Trình độ cần đạt", 16.0),
    ("Thời hạn", 12.0),
];

/// The plan of `standards` (its people below standard and in grace) as .xlsx bytes.
pub fn plan(standards: &Standards) -> Result<Vec<u8>, XlsxError> {
    let groups = standards::plan(standards);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Kế hoạch đào tạo")?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);

    let last_col = HEADERS.len() as u16 - 1;
    let title = Format::new()
        .set_bold()
        .set_font_size(13)
        .set_align(FormatAlign::Center);
    let subtitle = Format::new().set_italic().set_align(FormatAlign::Center);
    sheet.merge_range(
        0,
        0,
        0,
        last_col,
        "KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG ĐỂ ĐẠT CHUẨN",
        &title,
    )?;
    let basis = format!(
        "(Theo {}; số liệu tính đến ngày {})",
        standards.rule_set.name,
        standards.as_of.day_first()
    );
    sheet.merge_range(1, 0, 1, last_col, &basis, &subtitle)?;

    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    for (col, (label, width)) in HEADERS.iter().enumerate() {
        sheet.write_with_format(3, col as u16, *label, &head)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    let mut row = 4;
    if groups.is_empty() {
        sheet.merge_range(
            row,
            0,
            row,
            last_col,
            "Không có người nào chưa đạt chuẩn.",
            &subtitle,
        )?;
    }
    for (i, group) in groups.iter().enumerate() {
        row = write_group(sheet, row, i + 1, group)?;
    }
    sheet.set_freeze_panes(4, 0)?;
    book.save_to_buffer()
}

/// A group's heading row and its people; returns the next free row.
fn write_group(
    sheet: &mut Worksheet,
    mut row: u32,
    number: usize,
    group: &TrainingGroup,
) -> Result<u32, XlsxError> {
    let last_col = HEADERS.len() as u16 - 1;
    let heading = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color("#E7EEF7");
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let centred = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let text = format!(
        "{}. {} ({} người)",
        crate::text::roman(number),
        group.label,
        group.people.len()
    );
    sheet.merge_range(row, 0, row, last_col, &text, &heading)?;
    row += 1;
    let need = level_label_vi(group.criterion, &group.need);
    for (i, t) in group.people.iter().enumerate() {
        let have = t
            .have
            .as_deref()
            .map_or("", |h| level_label_vi(group.criterion, h));
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &centred)?;
        let write_text = super::inert::write_text;
        write_text(sheet, row, 1, &t.name, Some(&cell))?;
        write_text(sheet, row, 2, &t.unit, Some(&cell))?;
        write_text(
            sheet,
            row,
            3,
            t.position.as_deref().unwrap_or(""),
            Some(&cell),
        )?;
        sheet.write_with_format(row, 4, have, &cell)?;
        sheet.write_with_format(row, 5, need, &cell)?;
        sheet.write_with_format(
            row,
            6,
            t.until.map(Date::day_first).unwrap_or_default(),
            &centred,
        )?;
        row += 1;
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{self, Cell};
    use crate::standards::{defaults, find, StandardsOptions};
    use crate::{FileInput, Overrides};

    fn sample() -> Standards {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/samples/mau-son-don-gian.xlsx"
        );
        let bytes = std::fs::read(path).unwrap();
        let imported = crate::import(
            &[FileInput {
                name: "mau-son-don-gian.xlsx".into(),
                bytes,
            }],
            &Overrides::default(),
        );
        let sets = defaults();
        let options = StandardsOptions::new("2024-12-31".parse().unwrap());
        standards::standards(
            &imported.roster,
            find(&sets, "nd33-2023").unwrap(),
            &options,
        )
    }

    #[test]
    fn roman_numerals_for_headings() {
        let got: Vec<String> = [1, 2, 3, 4, 9, 14, 40]
            .into_iter()
            .map(crate::text::roman)
            .collect();
        assert_eq!(got, ["I", "II", "III", "IV", "IX", "XIV", "XL"]);
    }

    #[test]
    fn the_plan_lists_every_need_as_a_group_with_its_people() {
        let s = sample();
        let bytes = plan(&s).unwrap();
        let book = read::read("plan.xlsx", &bytes).unwrap();
        let sheet = &book.sheets[0];
        assert_eq!(sheet.name, "Kế hoạch đào tạo");
        let first_col: Vec<String> = sheet
            .rows
            .iter()
            .map(|r| r.first().map(Cell::display).unwrap_or_default())
            .collect();
        let headings: Vec<&String> = first_col.iter().filter(|t| t.contains(" người)")).collect();
        assert_eq!(headings.len(), s.training_needs.len());
        for (heading, need) in headings.iter().zip(&s.training_needs) {
            assert!(
                heading.contains(&format!("{} ({} người)", need.label, need.count)),
                "{heading}"
            );
        }
        let people_rows = sheet
            .rows
            .iter()
            .skip(4)
            .filter(|r| matches!(r.first(), Some(Cell::Number(_))))
            .count();
        assert_eq!(
            people_rows as u32,
            s.training_needs.iter().map(|n| n.count).sum::<u32>()
        );
        assert!(people_rows > 0);
    }
}
