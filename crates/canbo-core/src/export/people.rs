//! The people behind a figure, as an xlsx list: who they are and where each was read from.

use super::Lang;
use crate::codes::Code;
use crate::roster::Person;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

pub fn people(people: &[&Person], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let vi = lang == Lang::Vi;
    let heads: &[&str] = if vi {
        &[
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Đơn vị",
            "Chức vụ",
            "Phân loại",
            "Dân tộc",
            "Đảng viên",
            "Văn hóa",
            "Chuyên môn",
            "LLCT",
            "QLNN",
            "Đánh giá",
            "Tệp",
            "Trang",
            "Dòng",
        ]
    } else {
        &[
            "No.",
            "Name",
            "Birth",
            "Gender",
            "Unit",
            "Position",
            "Category",
            "Ethnicity",
            "Party",
            "General education",
            "Professional",
            "Political theory",
            "State management",
            "Evaluation",
            "File",
            "Sheet",
            "Row",
        ]
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    for (c, h) in heads.iter().enumerate() {
        sheet.write_with_format(0, c as u16, *h, &bold)?;
    }
    fn label<T: Code>(v: Option<T>, vi: bool) -> String {
        v.map_or(String::new(), |v| {
            if vi { v.label_vi() } else { v.label_en() }.to_string()
        })
    }
    for (i, p) in people.iter().enumerate() {
        let r = i as u32 + 1;
        let cells = [
            p.name.clone(),
            p.birth.map_or(String::new(), |b| match b {
                crate::date::PartialDate::Full(d) => d.day_first(),
                other => other.to_string(),
            }),
            label(p.gender, vi),
            p.unit.clone(),
            p.position.clone().unwrap_or_default(),
            label(Some(p.category), vi),
            p.ethnicity.clone().unwrap_or_default(),
            match p.party_member {
                Some(true) => "x".into(),
                _ => String::new(),
            },
            label(p.general_education, vi),
            label(p.professional, vi),
            label(p.political_theory, vi),
            label(p.state_management, vi),
            label(p.evaluation, vi),
            p.origin.file.clone(),
            p.origin.sheet.clone(),
        ];
        sheet.write(r, 0, r as f64)?;
        for (c, v) in cells.iter().enumerate() {
            super::inert::write_text(sheet, r, c as u16 + 1, v, None)?;
        }
        sheet.write(r, cells.len() as u16 + 1, p.origin.row as f64)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.autofit();
    book.save_to_buffer()
}
