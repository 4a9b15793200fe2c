//! Hostile files, built here in memory: each is refused at once with an error naming the file
//! and the limit (docs/RELIABILITY.md), or read at bounded cost. Never a panic, never a hang.

use canbo_core::error::{Limit, OldFormat, OtherKind};
use canbo_core::read::{read, Cell};
use canbo_core::{import, FileInput, ImportError, Overrides};
use std::time::{Duration, Instant};

mod hostile_files;
use hostile_files::{bomb, cfb, zipgen, Entry};

fn too_large(result: Result<canbo_core::read::Workbook, ImportError>) -> Limit {
    match result {
        Err(ImportError::TooLarge { file, limit }) => {
            assert_eq!(file, "bomb.xlsx");
            limit
        }
        Err(other) => panic!("another error: {other}"),
        Ok(book) => panic!("read: {} sheets", book.sheets.len()),
    }
}

#[test]
fn the_bomb_generator_makes_a_workbook_that_reads() {
    // The same construction, small and honest, is a roster: the refusals below are the
    // limits, not a broken file.
    let bytes = bomb(3 << 20, None);
    let imported = import(
        &[FileInput {
            name: "bomb.xlsx".into(),
            bytes,
        }],
        &Overrides::default(),
    );
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    assert!(imported.roster.people.len() > 20_000);
}

#[test]
fn a_7_mb_xlsx_whose_sheet_inflates_to_2_gb_is_refused_at_once() {
    let bytes = bomb(2_000_000_000, None);
    let mb = bytes.len() as f64 / 1e6;
    assert!((5.0..9.0).contains(&mb), "{mb} MB");
    let started = Instant::now();
    let limit = too_large(read("bomb.xlsx", &bytes));
    let took = started.elapsed();
    assert!(
        matches!(limit, Limit::PartSize { ref part, .. } if part == "xl/worksheets/sheet1.xml"),
        "{limit:?}"
    );
    assert!(took < Duration::from_millis(200), "{took:?}");
    let message = ImportError::TooLarge {
        file: "bomb.xlsx".into(),
        limit,
    };
    assert!(
        message
            .message_vi()
            .starts_with("bomb.xlsx: phần «xl/worksheets/sheet1.xml» khi giải nén quá lớn"),
        "{}",
        message.message_vi()
    );
    assert!(message.to_string().contains("zip bomb"), "{message}");
    eprintln!("{mb:.1} MB inflating to 2 GB: refused in {took:?}");
}

#[test]
fn a_bomb_that_declares_a_small_size_is_refused_after_inflating_only_that_much() {
    // 1 GB of rows declared as 1 MB: the part is inflated one byte past 1 MB, then refused.
    let bytes = bomb(1_000_000_000, Some(1_000_000));
    let started = Instant::now();
    let limit = too_large(read("bomb.xlsx", &bytes));
    let took = started.elapsed();
    assert_eq!(
        limit,
        Limit::Undeclared {
            part: "xl/worksheets/sheet1.xml".into()
        }
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_sheet_whose_cells_end_within_its_declared_size_but_whose_part_goes_on_is_refused() {
    // The reader reads the cells whole; the part's lie comes after them.
    let bytes = hostile_files::tail_past_declared();
    assert!(
        bytes.len() > 64_000_000 / 1_032,
        "large enough to be checked"
    );
    let limit = too_large(read("bomb.xlsx", &bytes));
    assert_eq!(
        limit,
        Limit::Undeclared {
            part: "xl/worksheets/sheet1.xml".into()
        }
    );
}

#[test]
fn a_part_compressed_past_the_ratio_is_refused() {
    // 40 MB at about 286 to 1: under the size limits, over the ratio.
    let limit = too_large(read("bomb.xlsx", &bomb(40_000_000, None)));
    assert!(
        matches!(limit, Limit::Ratio { ratio, .. } if ratio > 200),
        "{limit:?}"
    );
}

#[test]
fn an_absurd_dimension_with_two_cells_allocates_nothing() {
    let bytes = hostile_files::absurd_dimension();
    let started = Instant::now();
    let book = read("dim.xlsx", &bytes).expect("reads");
    assert!(started.elapsed() < Duration::from_secs(1));
    let rows = &book.sheets[0].rows;
    assert_eq!(rows.len(), 2, "the cell past the column limit is dropped");
    assert!(rows.iter().all(|r| r.len() <= 2));
}

#[test]
fn a_shared_strings_table_far_larger_than_its_sheet_is_refused() {
    // Declared 80 MB, stored: the directory's word is enough to refuse it.
    let bytes = hostile_files::huge_shared_strings();
    match read("sst.xlsx", &bytes) {
        Err(ImportError::TooLarge {
            limit: Limit::Table { part, .. },
            ..
        }) => assert_eq!(part, "xl/sharedStrings.xml"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_csv_of_one_endless_line_is_refused_naming_the_line() {
    match read("dai.csv", &hostile_files::endless_line_csv()) {
        Err(ImportError::TooLarge {
            file,
            limit: Limit::Line { line, .. },
        }) => {
            assert_eq!((file.as_str(), line), ("dai.csv", 2));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_past_the_size_limit_is_refused_before_reading() {
    let bytes = vec![b'a'; canbo_core::read::limits::FILE_BYTES as usize + 1];
    match read("lon.csv", &bytes) {
        Err(e @ ImportError::TooLarge { .. }) => {
            assert!(e.message_vi().contains("tệp quá lớn"), "{}", e.message_vi());
            assert!(e.to_string().contains("too large"), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_csv_wider_than_the_column_limit_keeps_the_first_columns() {
    let mut text = "Họ và tên,Đơn vị".to_string();
    text.push_str(&",x".repeat(5_000));
    text.push_str("\nLò Văn B,Xã B\n");
    let book = read("rong.csv", text.as_bytes()).expect("reads");
    assert_eq!(
        book.sheets[0].rows[0].len(),
        canbo_core::read::limits::COLUMNS
    );
}

#[test]
fn a_cell_longer_than_excel_allows_is_cut() {
    let text = format!("Họ và tên,Ghi chú\nLò Văn B,{}\n", "ữ".repeat(40_000));
    let book = read("dai.csv", text.as_bytes()).expect("reads");
    let Cell::Text(note) = &book.sheets[0].rows[1][1] else {
        panic!()
    };
    assert_eq!(note.chars().count(), canbo_core::read::limits::CELL_CHARS);
}

// Import errors a person can act on.

fn error(name: &str, bytes: &[u8]) -> ImportError {
    let imported = import(
        &[FileInput {
            name: name.into(),
            bytes: bytes.to_vec(),
        }],
        &Overrides::default(),
    );
    let err = imported.errors.into_iter().next().expect("an error");
    assert_eq!(err.file(), name);
    err
}

#[test]
fn a_password_protected_workbook_says_how_to_remove_the_password() {
    let err = error(
        "luong.xlsx",
        &cfb(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"]),
    );
    assert_eq!(
        err,
        ImportError::Encrypted {
            file: "luong.xlsx".into()
        }
    );
    assert!(err
        .message_vi()
        .contains("Tệp có mật khẩu: mở bằng Excel, bỏ mật khẩu rồi lưu lại"));
    assert!(err.to_string().contains("password"));
}

#[test]
fn a_word_document_or_pdf_renamed_is_named_for_what_it_is() {
    let docx = zipgen::zip(&[
        Entry::deflated("[Content_Types].xml", b"<Types/>"),
        Entry::deflated("word/document.xml", b"<w:document/>"),
    ]);
    for (name, bytes, kind) in [
        ("ds.xlsx", docx, OtherKind::WordDocument),
        (
            "ds.xls",
            cfb(&["WordDocument", "1Table"]),
            OtherKind::WordDocument,
        ),
        (
            "ds.csv",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".to_vec(),
            OtherKind::Pdf,
        ),
        (
            "ds.xlsx",
            zipgen::zip(&[Entry::deflated("anh.jpg", &[0xFF; 64])]),
            OtherKind::Zip,
        ),
    ] {
        let err = error(name, &bytes);
        assert_eq!(
            err,
            ImportError::NotASpreadsheet {
                file: name.into(),
                what: Some(kind)
            }
        );
        assert!(
            err.message_vi().contains("không phải bảng tính"),
            "{}",
            err.message_vi()
        );
    }
    let pdf = error("ds.xlsx", b"%PDF-1.4 ...");
    assert!(pdf.message_vi().contains("tệp PDF"), "{}", pdf.message_vi());
    assert!(pdf.to_string().contains("a PDF"), "{pdf}");
}

#[test]
fn a_damaged_zip_is_damaged_and_says_what_to_try() {
    let good = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/samples/mau-son-xa.xlsx"
    ))
    .expect("sample");
    let cut = &good[..good.len() / 2];
    let err = error("hong.xlsx", cut);
    assert!(matches!(err, ImportError::Corrupt { .. }), "{err:?}");
    assert!(err.message_vi().contains("tệp bị hỏng"));
    assert!(err.message_vi().contains("lưu lại"));
}

#[test]
fn a_workbook_with_only_empty_sheets_is_empty() {
    let sheet = zipgen::sheet_head("A1") + zipgen::SHEET_TAIL;
    let bytes = zipgen::xlsx(
        Entry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        Vec::new(),
    );
    let err = error("trong.xlsx", &bytes);
    assert_eq!(
        err,
        ImportError::Empty {
            file: "trong.xlsx".into()
        }
    );
    assert!(err.message_vi().contains("không có dữ liệu"));
    assert_eq!(
        error("trong.csv", b" \n,,\n"),
        ImportError::Empty {
            file: "trong.csv".into()
        }
    );
}

#[test]
fn formats_too_old_say_to_save_as_xlsx() {
    let lotus = [0x00, 0x00, 0x02, 0x00, 0x06, 0x04, 0x00, 0x00, 0x01, 0x00];
    let excel4 = [0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00];
    let xml2003 = "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n\
        <Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet/></Workbook>";
    for (name, bytes, format) in [
        ("ds.wk1", &lotus[..], OldFormat::Lotus),
        ("ds.xls", &excel4[..], OldFormat::Excel4),
        ("ds.xls", xml2003.as_bytes(), OldFormat::Xml2003),
        // A compound file with a BIFF5 `Book` stream calamine cannot read.
        ("ds95.xls", &cfb(&["Book"])[..], OldFormat::Excel5),
    ] {
        let err = error(name, bytes);
        assert_eq!(
            err,
            ImportError::OldFormat {
                file: name.into(),
                format
            }
        );
        assert!(err.message_vi().contains("lưu lại thành .xlsx"));
        assert!(err.to_string().contains("save it as .xlsx"));
    }
}

#[test]
fn an_html_table_saved_as_xls_is_read_as_a_roster() {
    let html = "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head>\
        <meta charset=\"utf-8\"></head><body><table>\
        <tr><td colspan=3>DANH SÁCH CÁN BỘ</td></tr>\
        <tr><th>Họ và tên</th><th>Đơn vị</th><th>Giới tính</th></tr>\
        <tr><td>Lò Văn B</td><td>Xã B</td><td>Nam</td></tr>\
        <tr><td>Nguyễn Thị &#7848;n</td><td>Xã B</td><td>Nữ</td></tr>\
        </table></body></html>";
    let imported = import(
        &[FileInput {
            name: "xuat-tu-phan-mem.xls".into(),
            bytes: html.as_bytes().to_vec(),
        }],
        &Overrides::default(),
    );
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    let names: Vec<&str> = imported
        .roster
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Lò Văn B", "Nguyễn Thị Ẩn"]);
}

// Findings of the fuzzer (docs/RELIABILITY.md), each a file it wrote.

#[test]
fn fuzz_finding_a_compound_file_whose_sectors_point_past_its_end_is_damaged_not_a_panic() {
    // import_bytes: the first byte is the target's mode (1: xls forced); calamine 0.38
    // panicked with "slice index starts at 4608 but ends at 4271".
    let found = include_bytes!("fuzz-regressions/import_bytes-cfb-sector-past-end");
    let bytes = &found[1..];
    let err = error("fuzz.xls", bytes);
    assert!(matches!(err, ImportError::Corrupt { .. }), "{err:?}");
    let forced = canbo_core::read::read_as("fuzz.xls", bytes, canbo_core::read::Format::Xls);
    assert!(
        matches!(forced, Err(ImportError::Corrupt { .. })),
        "{forced:?}"
    );
}

#[test]
fn fuzz_findings_compound_files_pointing_past_their_end_are_all_damaged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz-regressions") {
        let found = std::fs::read(entry.expect("entry").path()).expect("read");
        let Some((_, bytes)) = found.split_first() else {
            continue;
        };
        let err = error("fuzz.xls", bytes);
        assert!(matches!(err, ImportError::Corrupt { .. }), "{err:?}");
        seen += 1;
    }
    assert_eq!(seen, 13);
}

/// calamine 0.38 asserts that a FAT sector holds a whole number of 32-bit entries: a FAT
/// sector cut short by the end of the file panicked (`to_u32`, found by fuzzing on
/// 2 December 2026). Now `Corrupt`, naming the sector.
#[test]
fn fuzz_finding_a_fat_sector_cut_by_the_end_of_the_file_is_damaged_not_a_panic() {
    let found = include_bytes!("fuzz-regressions/import_bytes-crash-cab87cda");
    assert_eq!(found[0], 5); // sniffed
    let err = error("fuzz.xls", &found[1..]);
    let ImportError::Corrupt { reason, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(reason.contains("the file ends inside"), "{reason}");
}

/// calamine 0.38 reads a compound file's directory by following its chain of sectors with no
/// length: a chain that loops back grows memory until the process dies. Both files were out
/// of memory under the fuzzer (past 2 GB); now each is `Corrupt` naming the loop, at once.
#[test]
fn fuzz_findings_a_directory_chain_that_loops_is_damaged_not_out_of_memory() {
    for (found, mode) in [
        (
            &include_bytes!("fuzz-regressions/import_bytes-oom-ac4f29da")[..],
            1, // xls forced
        ),
        (
            &include_bytes!("fuzz-regressions/import_bytes-oom-f56dc969")[..],
            5, // sniffed
        ),
    ] {
        assert_eq!(found[0], mode);
        let bytes = &found[1..];
        let err = error("fuzz.xls", bytes);
        let ImportError::Corrupt { reason, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(reason.contains("loops back"), "{reason}");
        assert!(err.message_vi().contains("fuzz.xls"));
        let forced = canbo_core::read::read_as("fuzz.xls", bytes, canbo_core::read::Format::Xls);
        assert!(
            matches!(forced, Err(ImportError::Corrupt { .. })),
            "{forced:?}"
        );
    }
}

/// A timeout under the fuzzer (an older build, before `cfbcheck`): a sector number far past
/// the end of an 11-sector file. Now `Corrupt` naming the sector.
#[test]
fn fuzz_finding_a_sector_far_past_the_end_is_damaged_not_a_hang() {
    let found = include_bytes!("fuzz-regressions/import_bytes-timeout-0e6f1494");
    assert_eq!(found[0], 5);
    let err = error("fuzz.xls", &found[1..]);
    let ImportError::Corrupt { reason, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(reason.contains("past the end of the file"), "{reason}");
}

/// A compound file written here whose stream chains are broken in each way calamine would
/// follow: a loop in a stream's own chain, a small stream with no mini FAT to find it in. Each is `Corrupt`; the same file with sound chains is read as far as its
/// (empty) workbook stream.
#[test]
fn compound_files_whose_stream_chains_loop_or_leave_the_tables_are_damaged() {
    // Header, directory (sector 0), FAT (sector 1), stream sectors 2 and 3.
    let build = |fat: &[u32], stream_len: u32| {
        let mut bytes = cfb(&["Workbook"]);
        bytes.truncate(1024);
        bytes.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
        bytes.resize(1536, 0xFF);
        bytes.resize(2560, 0);
        let entry = 512 + 128; // the Workbook entry
        bytes[entry + 116..entry + 120].copy_from_slice(&2u32.to_le_bytes());
        bytes[entry + 120..entry + 124].copy_from_slice(&stream_len.to_le_bytes());
        bytes
    };
    const END: u32 = 0xFFFF_FFFE;
    const FATSECT: u32 = 0xFFFF_FFFD;
    let looped = build(&[END, FATSECT, 3, 2], 4096);
    let reason = |bytes: &[u8]| match error("vong.xls", bytes) {
        ImportError::Corrupt { reason, .. } => reason,
        other => panic!("{other:?}"),
    };
    assert!(reason(&looped).contains("loops back to sector 2"));
    // 100 bytes: a mini stream, but the file has no mini FAT at all.
    let no_mini = build(&[END, FATSECT, 3, END], 100);
    assert!(reason(&no_mini).contains("mini stream"));
    // Sound chains: past the check, calamine finds no BIFF records in the stream.
    let sound = build(&[END, FATSECT, 3, END], 4096);
    let err = error("lanh.xls", &sound);
    assert!(
        !matches!(&err, ImportError::Corrupt { reason, .. } if reason.contains("sector")),
        "{err:?}"
    );
}

/// An xls holding numbers at A1, A2 and IV65536: calamine would allocate the 65,536 × 256
/// box around them when it opens the file. Refused before, naming the cells it spans; the
/// same cells close together are read.
#[test]
fn an_xls_whose_cells_span_the_whole_sheet_is_refused_before_calamine_allocates() {
    match read("goc.xls", &hostile_files::xls_corners()) {
        Err(ImportError::TooLarge {
            file,
            limit: Limit::Grid { cells, .. },
        }) => {
            assert_eq!(file, "goc.xls");
            assert!(cells >= 65_536 * 256, "{cells}");
        }
        other => panic!("{other:?}"),
    }
    let err = error("goc.xls", &hostile_files::xls_corners());
    assert!(err.message_vi().contains("goc.xls") && err.message_vi().contains("ô"));
    let close = hostile_files::xls(&[
        hostile_files::biff_number(0, 0, 1.0),
        hostile_files::biff_number(1, 0, 2.0),
        hostile_files::biff_number(2, 3, 3.0),
    ]);
    let book = read("gan.xls", &close).expect("read");
    assert_eq!(book.sheets[0].rows.len(), 3);
    assert_eq!(book.sheets[0].cell(2, 3), &Cell::Number(3.0));
}

/// An ods that repeats one cell over a whole sheet: refused before calamine holds its 98
/// million cells; a small ods with the same kind of repeats, plus the empty rows LibreOffice
/// writes to the end of every sheet, is read.
#[test]
fn an_ods_repeating_one_cell_over_a_whole_sheet_is_refused_before_calamine_allocates() {
    match read("lap.ods", &hostile_files::ods_repeated()) {
        Err(ImportError::TooLarge {
            file,
            limit: Limit::Grid { cells, .. },
        }) => {
            assert_eq!(file, "lap.ods");
            assert!(cells >= 6000 * 16384, "{cells}");
        }
        other => panic!("{other:?}"),
    }
    let forced = canbo_core::read::read_as(
        "lap.ods",
        &hostile_files::ods_repeated(),
        canbo_core::read::Format::Ods,
    );
    assert!(
        matches!(
            forced,
            Err(ImportError::TooLarge {
                limit: Limit::Grid { .. },
                ..
            })
        ),
        "{forced:?}"
    );
    let small = hostile_files::ods(
        r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
    );
    let book = read("nho.ods", &small).expect("read");
    assert_eq!(book.sheets[0].rows.len(), 3);
    assert_eq!(book.sheets[0].cell(2, 3), &Cell::Text("x".into()));
}

/// calamine 0.38's xlsb reader looks a sheet's relationship id up with `relationships[&id]`
/// and panicked when `xl/_rels/workbook.bin.rels` has no such id (found by fuzzing on
/// 2 December 2026, xlsb forced). Now `Corrupt` naming the missing relationship.
#[test]
fn fuzz_finding_an_xlsb_sheet_naming_a_missing_relationship_is_damaged_not_a_panic() {
    let found = include_bytes!("fuzz-regressions/import_bytes-crash-f4dc93b7");
    assert_eq!(found[0], 3); // xlsb forced
    let forced =
        canbo_core::read::read_as("fuzz.xlsb", &found[1..], canbo_core::read::Format::Xlsb);
    let Err(ImportError::Corrupt { reason, .. }) = &forced else {
        panic!("{forced:?}");
    };
    assert!(
        reason.contains("relationship") || reason.contains("BrtBundleSh"),
        "{reason}"
    );
    assert!(!matches!(
        error("fuzz.xlsb", &found[1..]),
        ImportError::TooLarge { .. }
    ));
}
