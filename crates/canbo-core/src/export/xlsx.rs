//! The official per-unit form as an Excel workbook: the form's grouped headers over one row
//! per unit and the total, ready to print on A4 landscape.

use super::{table, Lang};
use crate::report::Report;
use crate::share::{Hidden, Shown};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

pub fn report(report: &Report) -> Result<Vec<u8>, XlsxError> {
    report_with_scope(report, "")
}

/// [`report`] with a line under the date saying which people it covers when it is not the
/// whole roster (`scope`, e.g. "Lọc: Giới tính: Nữ"; empty: everyone), so that a filtered
/// form cannot pass for the whole district's.
pub fn report_with_scope(report: &Report, scope: &str) -> Result<Vec<u8>, XlsxError> {
    report_hiding(report, scope, &Hidden::default())
}

/// [`report_with_scope`] of a shared report: figures hidden in its units are the text `<3`.
pub fn report_hiding(report: &Report, scope: &str, hidden: &Hidden) -> Result<Vec<u8>, XlsxError> {
    let lang = Lang::Vi;
    let columns = table::columns(report, lang);
    let rows = table::rows(report, lang);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Biểu số lượng, chất lượng")?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);

    let title = Format::new()
        .set_bold()
        .set_font_size(13)
        .set_align(FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let total = Format::new().set_bold().set_border(FormatBorder::Thin);

    let last_col = columns.len() as u16;
    sheet.merge_range(
        0,
        0,
        0,
        last_col,
        "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ",
        &title,
    )?;
    let d = report.as_of;
    sheet.merge_range(
        1,
        0,
        1,
        last_col,
        &format!(
            "(Số liệu tính đến ngày {:02}/{:02}/{})",
            d.day(),
            d.month(),
            d.year()
        ),
        &Format::new().set_italic().set_align(FormatAlign::Center),
    )?;
    if !scope.is_empty() {
        sheet.merge_range(
            2,
            0,
            2,
            last_col,
            scope,
            &Format::new()
                .set_bold()
                .set_italic()
                .set_align(FormatAlign::Center),
        )?;
    }

    sheet.merge_range(3, 0, 4, 0, "Đơn vị", &head)?;
    sheet.set_column_width(0, 24)?;
    let mut c = 0usize;
    while c < columns.len() {
        let group = &columns[c].group;
        let span = columns[c..]
            .iter()
            .take_while(|x| &x.group == group)
            .count();
        let first = c as u16 + 1;
        let last = (c + span) as u16;
        if span == 1 && columns[c].label == *group {
            sheet.merge_range(3, first, 4, first, group, &head)?;
        } else {
            if span > 1 {
                sheet.merge_range(3, first, 3, last, group, &head)?;
            } else {
                sheet.write_with_format(3, first, group.as_str(), &head)?;
            }
            for (i, col) in columns[c..c + span].iter().enumerate() {
                sheet.write_with_format(4, first + i as u16, col.label.as_str(), &head)?;
            }
        }
        c += span;
    }
    sheet.set_row_height(4, 45)?;
    for (i, (unit, figures)) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        let fmt = if i + 1 == rows.len() { &total } else { &cell };
        super::inert::write_text(sheet, r, 0, unit, Some(fmt))?;
        for (j, col) in columns.iter().enumerate() {
            match col.shown(i, figures, hidden) {
                Some(Shown::Exact(v)) => {
                    sheet.write_number_with_format(r, j as u16 + 1, v as f64, fmt)?
                }
                Some(below) => {
                    sheet.write_with_format(r, j as u16 + 1, below.to_string().as_str(), fmt)?
                }
                None => sheet.write_blank(r, j as u16 + 1, fmt)?,
            };
        }
    }
    sheet.set_freeze_panes(5, 1)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import, FileInput};
    use crate::report::{report as make_report, ReportOptions};

    fn cell(bytes: Vec<u8>, row: usize) -> String {
        let book = crate::read::read("form.xlsx", &bytes).expect("the form reads back");
        book.sheets[0].rows[row]
            .iter()
            .find_map(|c| c.as_text().map(str::to_string))
            .unwrap_or_default()
    }

    #[test]
    fn a_filtered_form_says_whom_it_covers_under_the_date() {
        let roster = import(
            &[FileInput {
                name: "mau.csv".into(),
                bytes: "Họ và tên,Đơn vị,Giới tính\nA,Xã A,Nữ\nB,Xã A,Nam\n".into(),
            }],
            &Default::default(),
        )
        .roster;
        let report = make_report(&roster, &ReportOptions::default());
        let scoped = report_with_scope(&report, "Lọc: Giới tính: Nữ").unwrap();
        assert_eq!(cell(scoped, 2), "Lọc: Giới tính: Nữ");
        let whole = report_with_scope(&report, "").unwrap();
        assert_eq!(cell(whole, 2), "");
    }
}
