//! Hostile files built in memory, shared by `tests/hostile.rs` (each is refused or read at
//! bounded cost) and `tests/memory.rs` (what each costs in memory).
#![allow(dead_code)] // each test binary uses some of them

/// A zip written by hand, so that sizes and streams can be whatever a hostile file holds.
pub mod zipgen {
    pub struct Entry {
        pub name: String,
        /// 0 stored, 8 deflated.
        pub method: u16,
        pub data: Vec<u8>,
        /// The uncompressed size the archive declares.
        pub size: u32,
        pub crc: u32,
    }

    impl Entry {
        pub fn deflated(name: &str, text: &[u8]) -> Entry {
            Entry {
                name: name.into(),
                method: 8,
                data: miniz_oxide::deflate::compress_to_vec(text, 6),
                size: text.len() as u32,
                crc: crc32(text),
            }
        }
    }

    pub fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// Raw deflate of `data` ending on a byte boundary and not final, so that copies of it
    /// can follow one another (the compressor started fresh: no reference reaches before it).
    pub fn deflate_block(data: &[u8]) -> Vec<u8> {
        use miniz_oxide::deflate::core::{
            compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
        };
        let mut d = CompressorOxide::new(create_comp_flags_from_zip_params(9, -15, 0));
        let mut out = vec![0; data.len() + 4096];
        let (_, read, written) = compress(&mut d, data, &mut out, TDEFLFlush::Sync);
        assert_eq!(read, data.len());
        out.truncate(written);
        out
    }

    /// A final empty block (fixed Huffman, end of block at once).
    pub const FINAL: [u8; 2] = [0x03, 0x00];

    pub fn zip(entries: &[Entry]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for e in entries {
            let offset = out.len() as u32;
            let header = |sig: u32, out: &mut Vec<u8>, central: bool| {
                out.extend(sig.to_le_bytes());
                if central {
                    out.extend(20u16.to_le_bytes());
                }
                out.extend(20u16.to_le_bytes());
                out.extend(0u16.to_le_bytes());
                out.extend(e.method.to_le_bytes());
                out.extend([0u8; 4]);
                out.extend(e.crc.to_le_bytes());
                out.extend((e.data.len() as u32).to_le_bytes());
                out.extend(e.size.to_le_bytes());
                out.extend((e.name.len() as u16).to_le_bytes());
                out.extend(0u16.to_le_bytes());
                if central {
                    // comment length, disk, internal and external attributes
                    out.extend([0u8; 10]);
                    out.extend(offset.to_le_bytes());
                }
                out.extend(e.name.as_bytes());
            };
            header(0x0403_4b50, &mut out, false);
            out.extend(&e.data);
            header(0x0201_4b50, &mut central, true);
        }
        let (at, len) = (out.len() as u32, central.len() as u32);
        out.extend(central);
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0u8; 4]);
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(at.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// The parts of a one-sheet xlsx around `sheet` (its `xl/worksheets/sheet1.xml`).
    pub fn xlsx(sheet: Entry, more: Vec<Entry>) -> Vec<u8> {
        let types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        );
        let rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        );
        let book = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        );
        let book_rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
        );
        let mut entries = vec![
            Entry::deflated("[Content_Types].xml", types.as_bytes()),
            Entry::deflated("_rels/.rels", rels.as_bytes()),
            Entry::deflated("xl/workbook.xml", book.as_bytes()),
            Entry::deflated("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
            sheet,
        ];
        entries.extend(more);
        zip(&entries)
    }

    pub fn sheet_head(dimension: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>"#
        )
    }

    pub const SHEET_TAIL: &str = "</sheetData></worksheet>";
}

pub use zipgen::{Entry, FINAL};

/// One person per row, the same row again and again (no `r`: each is the next row).
pub fn person_rows(bytes: usize) -> String {
    let row = r#"<row><c t="inlineStr"><is><t>Nguyễn Văn A</t></is></c><c t="inlineStr"><is><t>Xã A</t></is></c></row>"#;
    row.repeat(bytes / row.len())
}

pub const HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><t>Đơn vị</t></is></c></row>"#;

/// An xlsx whose sheet inflates to `inflated` bytes from copies of one deflated chunk of
/// rows; `declared` is the size its directory gives (`None`: the true one).
pub fn bomb(inflated: u64, declared: Option<u32>) -> Vec<u8> {
    let head = zipgen::sheet_head("A1:B1048576") + HEADER_ROW;
    let chunk = person_rows(1 << 20);
    let copies = (inflated / chunk.len() as u64).max(1);
    let block = zipgen::deflate_block(chunk.as_bytes());
    let mut data = zipgen::deflate_block(head.as_bytes());
    for _ in 0..copies {
        data.extend_from_slice(&block);
    }
    data.extend(zipgen::deflate_block(zipgen::SHEET_TAIL.as_bytes()));
    data.extend(FINAL);
    let size = head.len() as u64 + copies * chunk.len() as u64 + zipgen::SHEET_TAIL.len() as u64;
    let crc = if size < 64 << 20 {
        let mut all = head.into_bytes();
        for _ in 0..copies {
            all.extend_from_slice(chunk.as_bytes());
        }
        all.extend(zipgen::SHEET_TAIL.as_bytes());
        zipgen::crc32(&all)
    } else {
        0
    };
    zipgen::xlsx(
        Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            method: 8,
            data,
            size: declared.unwrap_or(size.min(u64::from(u32::MAX)) as u32),
            crc,
        },
        Vec::new(),
    )
}

/// An xlsx whose sheet is an honest roster up to the size its directory declares, then goes
/// on with 80 KB that do not compress (so the file is large enough for its parts' sizes to
/// be checked by inflating them): the cells end well within the declared size.
pub fn tail_past_declared() -> Vec<u8> {
    // Two megabytes of spaces between the cells and the sheet's end, so that the cells
    // end in a read of their own, well within the declared size.
    let sheet = zipgen::sheet_head("A1:B2000")
        + HEADER_ROW
        + &person_rows(100_000)
        + "</sheetData>"
        + &" ".repeat(2 << 20)
        + "</worksheet>";
    let mut junk = Vec::with_capacity(80_000);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    while junk.len() < 80_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        junk.push(seed as u8);
    }
    let mut data = zipgen::deflate_block(sheet.as_bytes());
    data.extend(zipgen::deflate_block(&junk));
    data.extend(FINAL);
    zipgen::xlsx(
        Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            method: 8,
            data,
            size: sheet.len() as u32,
            crc: zipgen::crc32(sheet.as_bytes()),
        },
        Vec::new(),
    )
}

/// A compound file with the given streams (enough for the directory to name them): 512-byte
/// sectors, the directory in sector 0, the FAT in sector 1.
pub fn cfb(streams: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0xFF);
    bytes[8..0x30].fill(0);
    bytes[0x1E] = 9;
    bytes[0x30..0x34].copy_from_slice(&0u32.to_le_bytes());
    bytes[0x34..0x3C].fill(0);
    bytes[0x3C..0x40].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    bytes[0x40..0x44].fill(0);
    bytes[0x44..0x48].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    bytes[0x48..0x4C].fill(0);
    for (i, name) in std::iter::once(&"Root Entry").chain(streams).enumerate() {
        let mut entry = [0u8; 128];
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry[..utf16.len()].copy_from_slice(&utf16);
        entry[64..66].copy_from_slice(&((utf16.len() + 2) as u16).to_le_bytes());
        entry[66] = if i == 0 { 5 } else { 2 };
        bytes.extend_from_slice(&entry);
    }
    bytes.resize(1024, 0);
    // Sector 1 is the FAT: sector 0 (the directory) ends its chain, sector 1 is the FAT's.
    bytes[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes());
    bytes[0x4C..0x50].copy_from_slice(&1u32.to_le_bytes());
    bytes.extend(0xFFFF_FFFEu32.to_le_bytes());
    bytes.extend(0xFFFF_FFFDu32.to_le_bytes());
    bytes.resize(1536, 0xFF);
    bytes
}

/// A sheet that declares `A1:XFD1048576` and holds a header, one person and a cell at
/// XFD1048576: a reader that allocates the bounding box asks for 17 billion cells.
pub fn absurd_dimension() -> Vec<u8> {
    let sheet = zipgen::sheet_head("A1:XFD1048576")
        + HEADER_ROW
        + r#"<row r="2"><c r="A2" t="inlineStr"><is><t>Lò Văn B</t></is></c><c r="B2" t="inlineStr"><is><t>Xã B</t></is></c></row>"#
        + r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>"#
        + zipgen::SHEET_TAIL;
    zipgen::xlsx(
        Entry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        Vec::new(),
    )
}

/// A one-row sheet beside a shared strings table that declares 80 MB (stored, 6 bytes).
pub fn huge_shared_strings() -> Vec<u8> {
    let sheet = zipgen::sheet_head("A1:A1") + HEADER_ROW + zipgen::SHEET_TAIL;
    let strings = Entry {
        name: "xl/sharedStrings.xml".into(),
        method: 0,
        data: b"<sst/>".to_vec(),
        size: 80_000_000,
        crc: 0,
    };
    zipgen::xlsx(
        Entry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        vec![strings],
    )
}

/// A CSV whose second line is 3 MB long.
pub fn endless_line_csv() -> Vec<u8> {
    let mut text = "Họ và tên,Đơn vị\n".to_string();
    text.push_str(&"x".repeat(3_000_000));
    text.into_bytes()
}

/// One BIFF record.
pub fn biff(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

/// A NUMBER record: `value` at (row, col), zero-based.
pub fn biff_number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut data = row.to_le_bytes().to_vec();
    data.extend(col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    biff(0x0203, &data)
}

/// An xls (BIFF8 in a compound file) of one sheet «DS» made of `sheet` records.
pub fn xls(sheet: &[Vec<u8>]) -> Vec<u8> {
    let bof = |kind: u16| {
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend(kind.to_le_bytes());
        data.extend([0; 12]);
        biff(0x0809, &data)
    };
    let eof = biff(0x000A, &[]);
    // Globals: BOF, BOUNDSHEET (4 + 10 bytes of data), EOF; then the sheet.
    let start = (bof(5).len() + 14 + eof.len()) as u32;
    let mut stream = bof(5);
    let mut bound = start.to_le_bytes().to_vec();
    bound.extend([0, 0, 2, 0, b'D', b'S']);
    stream.extend(biff(0x0085, &bound));
    stream.extend(&eof);
    assert_eq!(stream.len() as u32, start);
    stream.extend(bof(0x10));
    for r in sheet {
        stream.extend(r);
    }
    stream.extend(&eof);
    // At least 4096 bytes, so that it lies in whole sectors (no mini stream).
    stream.resize(stream.len().max(4096).div_ceil(512) * 512, 0);
    let sectors = stream.len() / 512;
    assert!(sectors <= 126, "one FAT sector");
    let mut bytes = cfb(&["Workbook"]);
    bytes.truncate(1024);
    bytes[0x20] = 6; // mini sectors of 64 bytes, which calamine checks
    let entry = 512 + 128; // the Workbook entry, after the root
    bytes[entry + 116..entry + 120].copy_from_slice(&2u32.to_le_bytes());
    bytes[entry + 120..entry + 124].copy_from_slice(&(stream.len() as u32).to_le_bytes());
    // The FAT: the directory, the FAT itself, then the stream's chain 2 → 3 → … → end.
    let mut fat = vec![0xFFFF_FFFEu32, 0xFFFF_FFFD];
    fat.extend((0..sectors as u32).map(|i| {
        if i + 1 == sectors as u32 {
            0xFFFF_FFFE
        } else {
            i + 3
        }
    }));
    fat.resize(128, 0xFFFF_FFFF);
    bytes.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    bytes.extend(stream);
    bytes
}

/// An xls with numbers at A1 and A2 and one at IV65536: calamine 0.38 would hold
/// the sheet as a 65,536 × 256 grid (16.7 million cells, about 540 MB).
pub fn xls_corners() -> Vec<u8> {
    xls(&[
        biff_number(0, 0, 1.0),
        biff_number(1, 0, 2.0),
        biff_number(65535, 255, 3.0),
    ])
}

/// An ods whose one table is `rows` (the XML of its `table:table-row`s).
pub fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="DS">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mimetype = b"application/vnd.oasis.opendocument.spreadsheet";
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zipgen::zip(&[
        Entry {
            name: "mimetype".into(),
            method: 0,
            data: mimetype.to_vec(),
            size: mimetype.len() as u32,
            crc: zipgen::crc32(mimetype),
        },
        Entry::deflated("content.xml", content.as_bytes()),
        Entry::deflated("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

/// An ods of a few hundred bytes: one text cell repeated over 16,384 columns, in a row
/// repeated 6,000 times. calamine 0.38 would hold 98 million cells (its cap is 100 million).
pub fn ods_repeated() -> Vec<u8> {
    ods(
        r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    )
}
