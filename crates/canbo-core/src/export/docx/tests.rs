use super::*;
use crate::export::prose::{prose, ProseOptions};
use crate::import::{import, FileInput, Overrides};
use crate::report::{report, ReportOptions};
use quick_xml::events::Event;
use std::io::Read;

/// What a reader of `word/document.xml` sees: paragraphs outside tables, and each table's
/// rows of cell texts with whether the row repeats as a header.
#[derive(Debug, Default)]
struct Seen {
    paragraphs: Vec<String>,
    tables: Vec<Vec<Row>>,
    /// `w:orient` of each section, in order (the last is the document's own).
    orients: Vec<String>,
}

#[derive(Debug, Default, Clone)]
struct Row {
    cells: Vec<String>,
    header: bool,
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn read_document(bytes: &[u8]) -> Seen {
    let xml = part(bytes, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Seen::default();
    let (mut in_table, mut in_text) = (false, false);
    let (mut row, mut cell, mut para) = (Row::default(), String::new(), String::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "w:tbl" => {
                    in_table = true;
                    out.tables.push(Vec::new());
                }
                "w:tr" => row = Row::default(),
                "w:tc" => cell.clear(),
                "w:p" => para.clear(),
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:tblHeader" => row.header = true,
                "w:pgSz" => out.orients.push(
                    e.try_get_attribute("w:orient")
                        .unwrap()
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                        .unwrap_or_default(),
                ),
                _ => {}
            },
            Event::Text(t) if in_text => {
                para.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0))
            }
            Event::GeneralRef(r) if in_text => para.push_str(match r.into_inner().as_ref() {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                other => panic!("entity {other}"),
            }),
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" if in_table => {
                    if !cell.is_empty() {
                        cell.push('\n');
                    }
                    cell.push_str(&para);
                }
                "w:p" => out.paragraphs.push(para.clone()),
                "w:tc" => row.cells.push(cell.trim().to_string()),
                "w:tr" => out.tables.last_mut().unwrap().push(row.clone()),
                "w:tbl" => in_table = false,
                _ => {}
            },
            _ => {}
        }
    }
    out
}

const CSV: &str = "\
Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ,Trình độ chuyên môn,Đảng viên,Kết quả đánh giá
Lò Văn A,31/12/1994,Nam,Xã A,Chủ tịch UBND,Đại học,x,Hoàn thành tốt nhiệm vụ
Lò Thị B,01/01/1995,Nữ,Xã A,Kế toán,Trung cấp,,Hoàn thành nhiệm vụ
Vàng Văn C,,Nam,Xã B,Tư pháp,,x,
Vàng Thị D,1970,Nữ,Xã B,Bí thư Đảng ủy,Thạc sĩ,x,Hoàn thành xuất sắc nhiệm vụ
";

fn sample() -> Report {
    let roster = import(
        &[FileInput {
            name: "t.csv".into(),
            bytes: CSV.as_bytes().to_vec(),
        }],
        &Overrides::default(),
    )
    .roster;
    report(
        &roster,
        &ReportOptions {
            as_of: "2024-12-31".parse().unwrap(),
            ..Default::default()
        },
    )
}

fn settings() -> DocumentSettings {
    DocumentSettings {
        agency: "Phòng Nội vụ".into(),
        superior: "UBND huyện Mẫu Sơn".into(),
        place: "Mẫu Sơn".into(),
        signer: "Nguyễn Văn An".into(),
        signer_post: "KT. Trưởng phòng\nPhó Trưởng phòng".into(),
        number: Some("15/BC-PNV".into()),
        recipients: Vec::new(),
    }
}

fn build(report: &Report, settings: &DocumentSettings) -> (Vec<u8>, Prose) {
    let text = prose(report, &ProseOptions::default());
    let bytes = document(report, &text, settings, "2025-01-06".parse().unwrap()).unwrap();
    (bytes, text)
}

/// Every text of the document, paragraphs and cells.
fn all_text(doc: &Seen) -> String {
    let mut all = doc.paragraphs.join("\n");
    for t in &doc.tables {
        for r in t {
            all.push('\n');
            all.push_str(&r.cells.join("\n"));
        }
    }
    all
}

#[test]
fn the_document_carries_the_heading_the_text_and_the_signature() {
    let r = sample();
    let (bytes, text) = build(&r, &settings());
    assert!(bytes.starts_with(b"PK"));
    let doc = read_document(&bytes);
    for block in &text.blocks {
        let (Block::Heading(t) | Block::Paragraph(t)) = block;
        assert!(
            doc.paragraphs.contains(t),
            "{t} not in {:?}",
            doc.paragraphs
        );
    }
    let all = all_text(&doc);
    for said in [
        "UBND HUYỆN MẪU SƠN",
        "PHÒNG NỘI VỤ",
        "Số: 15/BC-PNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mẫu Sơn, ngày 06 tháng 01 năm 2025",
        "BÁO CÁO",
        "Số lượng, chất lượng cán bộ, công chức cấp xã",
        "Nơi nhận:",
        "- UBND huyện Mẫu Sơn (để báo cáo);",
        "- Lưu: VT.",
        "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG",
        "Nguyễn Văn An",
        "Trên đây là báo cáo số lượng, chất lượng cán bộ, công chức cấp xã của Phòng Nội vụ./.",
        "(Kèm theo Báo cáo số 15/BC-PNV ngày 06/01/2025 của Phòng Nội vụ)",
        "Số liệu tính đến ngày 31/12/2024",
    ] {
        assert!(all.contains(said), "{said} not in {all}");
    }
}

#[test]
fn the_form_holds_every_figure_of_every_unit_and_the_total() {
    let r = sample();
    let (bytes, _) = build(&r, &settings());
    let doc = read_document(&bytes);
    let columns = table::columns(&r, Lang::Vi);
    let rows = table::rows(&r, Lang::Vi);
    // The form's tables are those with header rows; the heading and signature have none.
    let forms: Vec<&Vec<Row>> = doc
        .tables
        .iter()
        .filter(|t| t.iter().any(|r| r.header))
        .collect();
    assert_eq!(forms.len(), parts(&columns).len());
    // The parts side by side: each data row is the unit, then its figures in form order.
    let (mut labels, mut groups): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut got: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
    for form in &forms {
        let (head, body): (Vec<&Row>, Vec<&Row>) = form.iter().partition(|r| r.header);
        assert_eq!(
            head.len(),
            3,
            "three header rows repeat: groups, labels, numbers"
        );
        assert_eq!(head[0].cells[0], "Đơn vị");
        assert_eq!(head[1].cells[0], "", "«Đơn vị» is merged down");
        labels.extend(head[1].cells.iter().skip(1).cloned());
        groups.extend(head[0].cells.iter().skip(1).cloned());
        assert_eq!(body.len(), rows.len());
        for (i, row) in body.iter().enumerate() {
            assert_eq!(row.cells[0], rows[i].0);
            got[i].extend(row.cells.iter().skip(1).cloned());
        }
    }
    for (i, (unit, figures)) in rows.iter().enumerate() {
        let want: Vec<String> = columns
            .iter()
            .map(|c| (c.value)(figures).map_or(String::new(), |v| number(v, Lang::Vi)))
            .collect();
        assert_eq!(got[i], want, "{unit}");
    }
    // Each column's label is under it; a one-column group ("Tổng số") is merged down over
    // its label's row, which stays empty.
    assert_eq!(labels.len(), columns.len());
    for (label, column) in labels.iter().zip(&columns) {
        if label.is_empty() {
            assert_eq!(column.label, column.group);
            assert!(groups.contains(&column.group), "{}", column.group);
        } else {
            assert_eq!(*label, column.label);
        }
    }
    let want_groups: std::collections::BTreeSet<&String> =
        columns.iter().map(|c| &c.group).collect();
    let got_groups: std::collections::BTreeSet<&String> = groups.iter().collect();
    assert_eq!(got_groups, want_groups);
}

#[test]
fn the_letter_is_portrait_and_the_form_landscape() {
    let (bytes, _) = build(&sample(), &settings());
    let doc = read_document(&bytes);
    assert_eq!(doc.orients, ["portrait", "landscape"]);
    // Only the form's header rows repeat; the heading and signature tables have none.
    let repeated: usize = doc
        .tables
        .iter()
        .map(|t| t.iter().filter(|r| r.header).count())
        .sum();
    assert_eq!(
        repeated,
        3 * parts(&table::columns(&sample(), Lang::Vi)).len()
    );
    // Times New Roman by default, 14 pt text.
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#), "{styles}");
    assert!(styles.contains(r#"<w:sz w:val="28" />"#), "{styles}");
}

#[test]
fn the_date_line_writes_the_day_and_month_as_nd30_asks() {
    let check = |date: &str, want: &str| {
        assert_eq!(date_line("Mẫu Sơn", date.parse().unwrap()), want);
    };
    check("2025-02-05", "Mẫu Sơn, ngày 05 tháng 02 năm 2025");
    check("2025-01-31", "Mẫu Sơn, ngày 31 tháng 01 năm 2025");
    check("2025-03-09", "Mẫu Sơn, ngày 09 tháng 3 năm 2025");
    check("2024-12-31", "Mẫu Sơn, ngày 31 tháng 12 năm 2024");
    assert_eq!(
        date_line("", "2024-12-31".parse().unwrap()),
        "……………, ngày 31 tháng 12 năm 2024"
    );
}

#[test]
fn settings_left_empty_are_dots_to_fill_in() {
    let (bytes, _) = build(&sample(), &DocumentSettings::default());
    let all = all_text(&read_document(&bytes));
    assert!(all.contains("Số:        /BC-"), "{all}");
    assert!(all.contains("……………, ngày 06 tháng 01 năm 2025"), "{all}");
    assert!(all.contains("- Lưu: VT."), "{all}");
    assert!(!all.contains("(để báo cáo)"), "{all}");
}

#[test]
fn parts_keep_column_groups_whole_and_fit_the_page() {
    let fit = ((landscape_width() - UNIT_COLUMN) / MIN_COLUMN) as usize;
    let columns = table::columns(&sample(), Lang::Vi);
    let cut = parts(&columns);
    let flat: Vec<usize> = cut.iter().flatten().copied().collect();
    assert_eq!(flat, (0..columns.len()).collect::<Vec<_>>());
    for part in &cut {
        assert!(part.len() <= fit, "{} columns > {fit}", part.len());
        // A group starts in the part it ends in.
        let first = &columns[part[0]].group;
        let last = &columns[*part.last().unwrap()].group;
        assert!(
            part[0] == 0 || columns[part[0] - 1].group != *first,
            "{first} cut"
        );
        assert!(
            *part.last().unwrap() + 1 == columns.len()
                || columns[part.last().unwrap() + 1].group != *last,
            "{last} cut"
        );
    }
    // The whole form of a roster with every column fits in two parts.
    assert_eq!(cut.len(), 2);
}
