//! The report as the document a Phòng Nội vụ signs and sends up (.docx), in the layout of
//! Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, Times New Roman; the superior agency and the
//! agency top left with a short line under it and the number below; Quốc hiệu and Tiêu ngữ
//! top right with the place-and-date line in italics; the title; the text written by
//! [`super::prose`]; "Nơi nhận" and the signature block; page numbers centred at the top
//! from the second page. The per-unit form ([`super::table`]) follows in a landscape
//! section, cut by column groups into tables that fit the page width, each repeating the
//! unit column and its header rows on every page.
//!
//! The document is written with docx-rs: no XML is assembled by hand. docx-rs has no way to
//! mark a row as a header row (`<w:tblHeader/>`, "repeat as header row"), so the form's
//! header rows are written with `cantSplit` (which only they carry) and [`repeat_header_rows`]
//! adds `tblHeader` beside it in the built `document.xml`, an event-by-event pass over the
//! XML docx-rs wrote.

use super::prose::{Block, Prose};
use super::table::{self, FormColumn};
use super::text::number;
use super::Lang;
use crate::date::Date;
use crate::report::{Figures, Report};
use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, PageMargin, PageNum, PageOrientationType,
    PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    Section, SpecialIndentType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Who sends the report, as the user's settings give it (kept in local storage by the page,
/// flags of `canbo report --format docx`). An empty field is left as dots to fill in by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentSettings {
    /// «Tên cơ quan»: "Phòng Nội vụ" (written in capitals in the heading).
    pub agency: String,
    /// «Cơ quan cấp trên»: "UBND huyện Mẫu Sơn".
    pub superior: String,
    /// «Địa danh» of the date line: "Mẫu Sơn".
    pub place: String,
    /// «Người ký».
    pub signer: String,
    /// «Chức vụ người ký»: "Trưởng phòng"; a line break gives two lines ("KT. TRƯỞNG PHÒNG"
    /// over "PHÓ TRƯỞNG PHÒNG").
    pub signer_post: String,
    /// Số, ký hiệu: "15/BC-PNV"; `None` leaves the number blank for the clerk.
    pub number: Option<String>,
    /// "Nơi nhận", one recipient a line; empty: the superior agency, then "Lưu: VT".
    pub recipients: Vec<String>,
}

/// Why a document could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// docx-rs could not write or pack the document.
    Write(String),
    /// The pass that marks the form's header rows could not read what docx-rs wrote.
    HeaderRows(String),
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Write(e) => write!(f, "the document could not be written: {e}"),
            DocumentError::HeaderRows(e) => {
                write!(f, "the form's header rows could not be marked: {e}")
            }
        }
    }
}

impl std::error::Error for DocumentError {}

/// Twips (1/20 pt) in a millimetre, the unit of page geometry in WordprocessingML.
fn mm(millimetres: f32) -> i32 {
    (millimetres * 56.693).round() as i32
}

/// Font sizes in half-points: ND 30 asks 13–14 pt for the text, 12–13 pt for the heading.
const TEXT: usize = 28;
const HEADING: usize = 26;
const QUOC_HIEU: usize = 24;
const SMALL: usize = 22;
const FORM_HEAD: usize = 14;
const FORM_CELL: usize = 18;

const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;

/// Portrait margins (ND 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
fn portrait_margin() -> PageMargin {
    PageMargin {
        top: mm(20.0),
        left: mm(30.0),
        bottom: mm(20.0),
        right: mm(15.0),
        header: mm(10.0),
        footer: mm(10.0),
        gutter: 0,
    }
}

/// The text width of the portrait pages.
fn portrait_width() -> i32 {
    A4_SHORT as i32 - mm(30.0) - mm(15.0)
}

fn landscape_margin() -> PageMargin {
    PageMargin {
        top: mm(20.0),
        left: mm(20.0),
        bottom: mm(15.0),
        right: mm(15.0),
        header: mm(10.0),
        footer: mm(10.0),
        gutter: 0,
    }
}

fn landscape_width() -> i32 {
    A4_LONG as i32 - mm(20.0) - mm(15.0)
}

/// "Mẫu Sơn, ngày 05 tháng 02 năm 2025": ND 30 writes days below 10 and the months January
/// and February with a leading zero, the other months without.
pub fn date_line(place: &str, date: Date) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!(
        "{}, ngày {:02} tháng {month} năm {}",
        or_dots(place),
        date.day(),
        date.year()
    )
}

/// An empty setting leaves dots for the clerk to fill in.
fn or_dots(value: &str) -> &str {
    if value.trim().is_empty() {
        "……………"
    } else {
        value.trim()
    }
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size)
}

/// A paragraph of one run, with spacing before and after in points.
fn line(run: Run, align: AlignmentType, before: u32, after: u32) -> Paragraph {
    Paragraph::new()
        .align(align)
        .line_spacing(LineSpacing::new().before(before * 20).after(after * 20))
        .add_run(run)
}

fn centred(run: Run) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
        .add_run(run)
}

/// The short horizontal rule ND 30 draws under the agency's name, the Tiêu ngữ and the
/// title: an empty paragraph whose top border is `width` long, centred in `space`.
fn rule(width: i32, space: i32) -> Paragraph {
    let side = ((space - width) / 2).max(0);
    let mut p = Paragraph::new()
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        // 3 pt above: the rule sits under the line, not on its descenders.
        .line_spacing(LineSpacing::new().before(60).after(0).line(120))
        .size(4);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6)
                .space(1),
        ),
    );
    p
}

/// A cell of a table without borders (the heading and the signature blocks).
fn plain_cell(width: i32, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |cell, p| cell.add_paragraph(p))
        .width(width as usize, WidthType::Dxa)
        .clear_all_border()
}

/// A table laid out at fixed widths, with no borders.
fn layout_table(rows: Vec<TableRow>, widths: &[i32], indent: i32) -> Table {
    Table::without_borders(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .width(widths.iter().sum::<i32>() as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(indent)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// The heading: agency block and number on the left, Quốc hiệu, Tiêu ngữ and the date on
/// the right. It reaches 5 mm into the left margin, as the templates do, so that the Quốc
/// hiệu fits on one line.
fn heading(settings: &DocumentSettings, date: Date) -> Table {
    let left = mm(60.0);
    let right = portrait_width() + mm(5.0) - left;
    let mut agency = Vec::new();
    if !settings.superior.trim().is_empty() {
        agency.push(centred(run(
            &settings.superior.trim().to_uppercase(),
            HEADING,
        )));
    }
    agency.push(centred(
        run(&or_dots(&settings.agency).to_uppercase(), HEADING).bold(),
    ));
    agency.push(rule(mm(22.0), left));
    let nation = vec![
        centred(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", QUOC_HIEU).bold()),
        centred(run("Độc lập - Tự do - Hạnh phúc", HEADING).bold()),
        rule(mm(54.0), right),
    ];
    let number = match settings.number.as_deref().map(str::trim) {
        Some(n) if !n.is_empty() => format!("Số: {n}"),
        _ => "Số:        /BC-".to_string(),
    };
    let rows = vec![
        TableRow::new(vec![plain_cell(left, agency), plain_cell(right, nation)]),
        TableRow::new(vec![
            plain_cell(
                left,
                vec![line(run(&number, HEADING), AlignmentType::Center, 6, 0)],
            ),
            plain_cell(
                right,
                vec![Paragraph::new()
                    .align(AlignmentType::Center)
                    .line_spacing(LineSpacing::new().before(120).after(0))
                    .add_run(run(&date_line(&settings.place, date), TEXT).italic())],
            ),
        ]),
    ];
    layout_table(rows, &[left, right], -mm(5.0))
}

/// A paragraph of the text: justified, first line indented 1 cm, 6 pt after (ND 30). A
/// heading (a bold run) keeps with the paragraph after it.
fn body(run: Run, heading: bool) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(10.0))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(120).line(288))
        .keep_next(heading)
        .add_run(run)
}

/// "Nơi nhận" on the left, the signer's post, room to sign and the name on the right.
fn signature(settings: &DocumentSettings) -> Table {
    let left = mm(75.0);
    let right = portrait_width() - left;
    let mut to = vec![Paragraph::new()
        .line_spacing(LineSpacing::new().before(0).after(0))
        .add_run(run("Nơi nhận:", 24).bold().italic())];
    let recipients: Vec<String> = if settings.recipients.is_empty() {
        let mut r = Vec::new();
        if !settings.superior.trim().is_empty() {
            r.push(format!("{} (để báo cáo)", settings.superior.trim()));
        }
        r.push("Lưu: VT".into());
        r
    } else {
        settings.recipients.clone()
    };
    let last = recipients.len().saturating_sub(1);
    for (i, r) in recipients.iter().enumerate() {
        let end = if i == last { "." } else { ";" };
        to.push(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(run(
                    &format!("- {}{end}", r.trim_end_matches([';', '.'])),
                    SMALL,
                )),
        );
    }
    let mut sign: Vec<Paragraph> = or_dots(&settings.signer_post)
        .lines()
        .map(|l| centred(run(&l.trim().to_uppercase(), TEXT).bold()))
        .collect();
    for _ in 0..5 {
        sign.push(centred(run("", TEXT)));
    }
    sign.push(centred(run(or_dots(&settings.signer), TEXT).bold()));
    layout_table(
        vec![TableRow::new(vec![
            plain_cell(left, to),
            plain_cell(right, sign),
        ])],
        &[left, right],
        0,
    )
}

/// The page number, centred at the top (ND 30: from the second page on).
fn page_number() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().size(TEXT))
            .add_page_num(PageNum::new()),
    )
}

/// The narrow columns of the form: wide enough for the longest word of a label ("Chuyên",
/// "Không") in 7 pt, and so two tables hold the whole form on landscape A4.
const MIN_COLUMN: i32 = 520;
const MAX_COLUMN: i32 = 900;
const UNIT_COLUMN: i32 = 2100;
/// Left and right padding of the form's cells.
const PADDING: usize = 30;

/// The form's columns cut into parts that fit the page, whole column groups where possible.
fn parts(columns: &[FormColumn]) -> Vec<Vec<usize>> {
    let fit = ((landscape_width() - UNIT_COLUMN) / MIN_COLUMN).max(1) as usize;
    super::table::parts(columns, fit)
}

/// How a cell of the form is written.
#[derive(Clone, Copy)]
struct Look {
    size: usize,
    align: AlignmentType,
    bold: bool,
}

/// A group's name, the unit column's heading.
const GROUP: Look = Look {
    size: FORM_HEAD,
    align: AlignmentType::Center,
    bold: true,
};
/// A column's label and number: plain, so that long words fit the narrow columns.
const LABEL: Look = Look {
    size: FORM_HEAD,
    align: AlignmentType::Center,
    bold: false,
};

/// A cell of the form (bordered by the table).
fn form_cell(text: &str, width: i32, look: Look) -> TableCell {
    let r = run(text, look.size);
    TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .align(look.align)
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(if look.bold { r.bold() } else { r }),
        )
        .width(width as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// A header row: `cantSplit` marks it for [`repeat_header_rows`] (no other row carries it).
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// One part of the form: the unit column, then the part's columns, under three header rows
/// (groups, labels, column numbers counted across the whole form).
fn form_table(columns: &[FormColumn], part: &[usize], rows: &[(String, &Figures)]) -> Table {
    let width = ((landscape_width() - UNIT_COLUMN) / part.len().max(1) as i32)
        .clamp(MIN_COLUMN, MAX_COLUMN);
    // A merged cell's continuation stays empty: readers ignore or append what it holds.
    let mut groups =
        vec![form_cell("Đơn vị", UNIT_COLUMN, GROUP).vertical_merge(VMergeType::Restart)];
    let mut labels = vec![form_cell("", UNIT_COLUMN, GROUP).vertical_merge(VMergeType::Continue)];
    let mut numbers = vec![form_cell("A", UNIT_COLUMN, LABEL)];
    let mut i = 0;
    while i < part.len() {
        let first = &columns[part[i]];
        let span = part[i..]
            .iter()
            .take_while(|&&c| columns[c].group == first.group)
            .count();
        if span == 1 && first.label == first.group {
            groups.push(form_cell(&first.group, width, GROUP).vertical_merge(VMergeType::Restart));
            labels.push(form_cell("", width, GROUP).vertical_merge(VMergeType::Continue));
        } else {
            groups.push(form_cell(&first.group, width * span as i32, GROUP).grid_span(span));
            for &c in &part[i..i + span] {
                labels.push(form_cell(&columns[c].label, width, LABEL));
            }
        }
        i += span;
    }
    for &c in part {
        numbers.push(form_cell(&(c + 1).to_string(), width, LABEL));
    }
    let mut table_rows = vec![header_row(groups), header_row(labels), header_row(numbers)];
    let last = rows.len().saturating_sub(1);
    for (r, (name, figures)) in rows.iter().enumerate() {
        // The total row, last, in bold.
        let bold = r == last;
        let unit = Look {
            size: FORM_CELL,
            align: AlignmentType::Left,
            bold,
        };
        let figure = Look {
            align: AlignmentType::Right,
            ..unit
        };
        let mut cells = vec![form_cell(name, UNIT_COLUMN, unit)];
        for &c in part {
            let text = (columns[c].value)(figures).map_or(String::new(), |v| number(v, Lang::Vi));
            cells.push(form_cell(&text, width, figure));
        }
        table_rows.push(TableRow::new(cells));
    }
    let mut grid = vec![UNIT_COLUMN as usize];
    grid.extend(std::iter::repeat_n(width as usize, part.len()));
    let total: usize = grid.iter().sum();
    Table::new(table_rows)
        .set_grid(grid)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(20, PADDING, 20, PADDING))
}

/// The document: the letter on portrait pages, then the per-unit form on landscape pages.
/// `prose` is the text to carry (Vietnamese: the document is in the state's language);
/// `date` is the day the document is dated and signed.
pub fn document(
    report: &Report,
    prose: &Prose,
    settings: &DocumentSettings,
    date: Date,
) -> Result<Vec<u8>, DocumentError> {
    let doc = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .east_asia("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(TEXT)
        .add_section(letter(prose, settings, date));
    let mut built = form(doc, report, settings, date).build();
    built.document = repeat_header_rows(&built.document)?;
    let mut out = std::io::Cursor::new(Vec::new());
    built
        .pack(&mut out)
        .map_err(|e| DocumentError::Write(e.to_string()))?;
    deflated(&out.into_inner())
}

/// The letter: heading, title, the text, the closing sentence, "Nơi nhận" and signature.
fn letter(prose: &Prose, settings: &DocumentSettings, date: Date) -> Section {
    let mut letter = Section::new()
        .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
        .page_orient(PageOrientationType::Portrait)
        .page_margin(portrait_margin())
        .header(page_number())
        // No number on the first page (ND 30).
        .title_pg()
        .add_table(heading(settings, date))
        .add_paragraph(line(
            run("BÁO CÁO", TEXT).bold(),
            AlignmentType::Center,
            18,
            0,
        ))
        .add_paragraph(line(
            run("Số lượng, chất lượng cán bộ, công chức cấp xã", TEXT).bold(),
            AlignmentType::Center,
            0,
            0,
        ))
        .add_paragraph(rule(mm(40.0), portrait_width()))
        .add_paragraph(line(run("", TEXT), AlignmentType::Center, 0, 0));
    for block in &prose.blocks {
        letter = match block {
            Block::Heading(h) => letter.add_paragraph(body(run(h, TEXT).bold(), true)),
            Block::Paragraph(p) => letter.add_paragraph(body(run(p, TEXT), false)),
        };
    }
    let agency = settings.agency.trim();
    let closing = if agency.is_empty() {
        "Trên đây là báo cáo số lượng, chất lượng cán bộ, công chức cấp xã./.".to_string()
    } else {
        format!("Trên đây là báo cáo số lượng, chất lượng cán bộ, công chức cấp xã của {agency}./.")
    };
    letter
        .add_paragraph(body(
            run(
                "(Có biểu số lượng, chất lượng theo từng đơn vị kèm theo.)",
                TEXT,
            )
            .italic(),
            false,
        ))
        .add_paragraph(body(run(&closing, TEXT), false))
        .add_table(signature(settings))
}

/// The per-unit form, the document's last (landscape) section: its title, then its parts,
/// each from a new page.
fn form(doc: Docx, report: &Report, settings: &DocumentSettings, date: Date) -> Docx {
    let number = settings
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("      /BC-");
    let attached = format!(
        "(Kèm theo Báo cáo số {number} ngày {} của {})",
        date.day_first(),
        or_dots(&settings.agency)
    );
    let mut doc = doc
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(landscape_margin())
        .header(page_number())
        .add_paragraph(line(
            run(
                "BIỂU SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ",
                HEADING,
            )
            .bold(),
            AlignmentType::Center,
            0,
            0,
        ))
        .add_paragraph(line(
            run(&attached, HEADING).italic(),
            AlignmentType::Center,
            0,
            0,
        ))
        .add_paragraph(line(
            run(
                &format!("Số liệu tính đến ngày {}", report.as_of.day_first()),
                24,
            )
            .italic(),
            AlignmentType::Center,
            0,
            6,
        ));
    let columns = table::columns(report, Lang::Vi);
    let rows = table::rows(report, Lang::Vi);
    for (i, part) in parts(&columns).iter().enumerate() {
        if i > 0 {
            let more = run(
                "Biểu số lượng, chất lượng cán bộ, công chức cấp xã (tiếp theo)",
                24,
            );
            doc = doc.add_paragraph(
                line(more.italic(), AlignmentType::Center, 0, 6).page_break_before(true),
            );
        }
        doc = doc.add_table(form_table(&columns, part, &rows));
    }
    doc
}

/// The package with its parts compressed: docx-rs 0.4.22 stores them as they are, which
/// makes the form's tables weigh ten times more than they need to in an email.
fn deflated(stored: &[u8]) -> Result<Vec<u8>, DocumentError> {
    use std::io::Cursor;
    let err = |e: &dyn fmt::Display| DocumentError::Write(e.to_string());
    let mut from = zip::ZipArchive::new(Cursor::new(stored)).map_err(|e| err(&e))?;
    let mut to = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    // A fixed date: the core has no clock, and the parts' dates mean nothing to Word.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..from.len() {
        let mut part = from.by_index(i).map_err(|e| err(&e))?;
        let name = part.name().map_err(|e| err(&e))?.into_owned();
        to.start_file(name, options).map_err(|e| err(&e))?;
        std::io::copy(&mut part, &mut to).map_err(|e| err(&e))?;
    }
    Ok(to.finish().map_err(|e| err(&e))?.into_inner())
}

/// Adds `<w:tblHeader/>` ("repeat as header row on each page") after every
/// `<w:cantSplit/>` of `document.xml`: docx-rs cannot write the first, and only the form's
/// header rows carry the second ([`header_row`]).
fn repeat_header_rows(document: &[u8]) -> Result<Vec<u8>, DocumentError> {
    use quick_xml::events::{BytesStart, Event};
    let err = |e: &dyn fmt::Display| DocumentError::HeaderRows(e.to_string());
    let mut reader = quick_xml::Reader::from_reader(document);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(document.len() + 4096));
    loop {
        let event = reader.read_event().map_err(|e| err(&e))?;
        match event {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == "w:cantSplit" => {
                writer.write_event(Event::Empty(e)).map_err(|e| err(&e))?;
                writer
                    .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                    .map_err(|e| err(&e))?;
            }
            other => writer.write_event(other).map_err(|e| err(&e))?,
        }
    }
    Ok(writer.into_inner())
}

#[cfg(test)]
mod tests;
