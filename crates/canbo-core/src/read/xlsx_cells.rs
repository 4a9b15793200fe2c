//! xlsx worksheets read straight from their XML: the same cells calamine gives, faster.
//!
//! Importing a 250,000-person roster natively, calamine's general XML reader took about
//! 40 % of the time (`perf`, December 2026), and in the browser it is the largest part of an
//! import. The sheets Excel, LibreOffice, WPS and xlsx writers produce are a small, regular
//! part of XML: rows of `<c>` cells holding `<v>`, `<f>` or `<is>`. This module reads that
//! part byte by byte and gives exactly the cells calamine would: the same shared strings
//! (rich text joined, phonetic runs left out, spaces trimmed unless kept, `_x000D_` escapes
//! decoded), the same number formats deciding which numbers are dates, the same booleans,
//! errors and inline strings, the same positions for cells and rows without a reference.
//!
//! It **declines** (`None`) whatever lies outside that part: a namespace prefix, a comment,
//! CDATA, an encoding other than UTF-8, an unknown element, a value calamine would refuse, a
//! part it cannot find by its exact name. calamine then reads that sheet as before, so a
//! workbook can only be read faster here, never differently. The tests compare both on every
//! xlsx of the samples and the corpus and on sheets written to hold every construct above.
//!
//! The rules calamine 0.38 follows, which this module keeps, are cited from its source where
//! they matter (`xlsx/cells_reader.rs`, `xlsx/mod.rs`, `formats.rs`, `utils.rs`).

use super::limits;
use super::spreadsheet::{convert, place, text, Budget};
use super::{Cell, Merge};
use crate::error::Limit;
use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType};
use memchr::{memchr, memchr2, memmem};
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The package's zip, opened once per thread that reads its sheets.
pub(super) type Zip<'b> = zip::ZipArchive<Cursor<&'b [u8]>>;

/// What a number format makes of a number (calamine's `CellFormat`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum NumberFormat {
    Other,
    DateTime,
    TimeDelta,
}

/// What every sheet of an xlsx shares: its texts, its cell formats, its date system and
/// where each sheet's XML is.
pub(super) struct Package {
    /// Each shared string as the cell it becomes.
    strings: Vec<Cell>,
    /// The number format of each cell format (`cellXfs`), by the index a cell's `s` names.
    formats: Vec<NumberFormat>,
    is_1904: bool,
    /// Sheet name → its part in the zip.
    sheets: HashMap<String, String>,
    /// Every sheet, in the workbook's order, as calamine lists them.
    listed: Vec<super::xlsx_merges::Listed>,
    /// The shared parts read to their end (their indices in the zip), as [`SheetCells::whole`].
    whole: Vec<usize>,
}

/// One sheet's cells, placed as calamine places them, and its merged regions.
pub(super) struct SheetCells {
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
    /// The sheet's part (its index in the zip) when it was read to its end: the zip reader
    /// inflated it within its declared size and found its checksum right, so
    /// `zipcheck::verify` need not inflate it again.
    pub whole: Option<usize>,
}

/// Why a sheet's reading stopped before its end.
enum Stop {
    /// Outside what this module reads: calamine reads the sheet.
    Declined,
    /// Past the workbook's limit of cells.
    TooLarge(Limit),
}

type Step<T> = Result<T, Stop>;

/// `Some` or [`Stop::Declined`].
fn need<T>(found: Option<T>) -> Step<T> {
    found.ok_or(Stop::Declined)
}

/// Bytes of a sheet's XML inflated at a time.
const CHUNK: usize = 1 << 20;

impl Package {
    /// The package's shared parts, or `None` when any is not as this module reads it.
    pub(super) fn open(bytes: &[u8]) -> Option<Package> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let workbook = super::xlsx_merges::workbook(&mut zip)?;
        let listed = super::xlsx_merges::sheet_list(&mut zip, &workbook)?;
        let sheets = (listed.iter())
            .map(|l| (l.name.clone(), l.path.clone()))
            .collect();
        let is_1904 = date_1904(&workbook)?;
        let mut whole = Vec::new();
        let formats = match exact_part(&mut zip, "xl/styles.xml", &mut whole)? {
            Some(xml) => number_formats(&xml)?,
            None => Vec::new(),
        };
        let strings = match exact_part(&mut zip, "xl/sharedStrings.xml", &mut whole)? {
            Some(xml) => shared_strings(&xml)?,
            None => Vec::new(),
        };
        Some(Package {
            strings,
            formats,
            is_1904,
            sheets,
            listed,
            whole,
        })
    }

    /// The package with copies of its shared strings of its own, for another thread.
    fn copied(&self) -> Package {
        let strings = (self.strings.iter())
            .map(|cell| match cell {
                Cell::Text(t) => Cell::Text(std::sync::Arc::from(&**t)),
                other => other.clone(),
            })
            .collect();
        Package {
            strings,
            formats: self.formats.clone(),
            is_1904: self.is_1904,
            sheets: self.sheets.clone(),
            listed: self.listed.clone(),
            whole: self.whole.clone(),
        }
    }

    /// Every sheet of the workbook, in its order, as calamine lists them.
    pub(super) fn listed(&self) -> &[super::xlsx_merges::Listed] {
        &self.listed
    }

    /// The shared parts read to their end (their indices in the zip): `zipcheck::verify`
    /// need not inflate them again.
    pub(super) fn whole(&self) -> &[usize] {
        &self.whole
    }

    /// The zip for a thread of its own.
    pub(super) fn zip(bytes: &[u8]) -> Option<Zip<'_>> {
        zip::ZipArchive::new(Cursor::new(bytes)).ok()
    }

    /// The sheet named `name`, `None` when this module declines it (nothing is taken from
    /// `budget` then), or the limit of cells when the workbook passes it.
    pub(super) fn sheet(
        &self,
        zip: &mut Zip,
        name: &str,
        budget: &mut Budget,
    ) -> Option<Result<SheetCells, Limit>> {
        let path = self.sheets.get(name)?;
        let mut reading = Reading::from_row(self, 0, budget);
        let index = zip.index_for_name(path)?;
        // Natively the part is inflated on a thread of its own while this one parses it,
        // and a big one's rows are parsed on two threads, a run at a time (`Run`).
        let part = zip.by_index(index).ok()?;
        let chunk = chunk();
        let two_parsers = two_parsers_for_tests().unwrap_or(part.size() >= TWO_PARSERS_AT_LEAST);
        let read = crate::parallel::read_ahead(part, CHUNK, |xml| {
            if !two_parsers {
                return reading.sheet(xml, chunk, None);
            }
            // The helper's own copy of the shared strings: both threads counting
            // references to the same few hundred texts would take turns at every cell.
            let mut own: Option<Package> = None;
            let helping = |job: RunJob| {
                let package = own.get_or_insert_with(|| self.copied());
                Run::read(package, &job.xml[job.from..]).ok_or(job)
            };
            crate::parallel::with_helper(helping, |helper| reading.sheet(xml, chunk, helper))
        });
        let taken = reading.taken;
        match read {
            Ok((merges, whole)) => Some(Ok(SheetCells {
                rows: reading.rows,
                merges,
                whole: whole.then_some(index),
            })),
            Err(Stop::TooLarge(limit)) => Some(Err(limit)),
            Err(Stop::Declined) => {
                budget.give_back(taken);
                None
            }
        }
    }
}

/// Bytes of a sheet's XML parsed at a time: [`CHUNK`], or what a test asks for.
fn chunk() -> usize {
    #[cfg(test)]
    if let Some(chunk) = tests::CHUNK_FOR_TESTS.with(std::cell::Cell::get) {
        return chunk;
    }
    CHUNK
}

/// Whether a test asks for a sheet's rows parsed on two threads, or on one, whatever its
/// size.
fn two_parsers_for_tests() -> Option<bool> {
    #[cfg(test)]
    if let Some(two) = tests::TWO_PARSERS_FOR_TESTS.with(std::cell::Cell::get) {
        return Some(two);
    }
    None
}

/// Inflated bytes of a sheet's XML from which its rows are parsed on two threads (about
/// 13,000 rows of a roster; below, the helper's start and copy of the shared strings cost
/// more than they save).
const TWO_PARSERS_AT_LEAST: u64 = 8 << 20;

/// The helper reading runs of a big sheet's rows ([`Reading::sheet`]).
type Helper = crate::parallel::Helper<RunJob, Result<Run, RunJob>>;

/// Whole rows of a sheet's XML handed to the helper: `xml[from..]`.
struct RunJob {
    xml: Vec<u8>,
    from: usize,
}

/// Whole rows of a sheet read apart from the rows before them: a run whose first row
/// says where it is (`<row r="…">`) depends on nothing read before it (a row's cells
/// begin at its first column, and its place is its reference). Its rows then go into the
/// sheet's grid in order ([`Reading::take_run`]), as if read there.
struct Run {
    /// The sheet's row of `rows[0]`.
    base: usize,
    rows: Vec<Vec<Cell>>,
    /// Cells placed, taken from the sheet's budget when the run is taken.
    cells: u64,
    /// Where a row without a reference after the run goes.
    row: u32,
}

impl Run {
    /// The rows of `xml`, or `None` when they cannot be read apart: no reference on the
    /// first row, a row before it later, the end of the cells within, or anything the
    /// sheet's reader would decline or stop at. The run is then read in its place.
    fn read(package: &Package, xml: &[u8]) -> Option<Run> {
        let base = first_row(xml)?;
        let mut budget = Budget::whole();
        let mut reading = Reading::from_row(package, base, &mut budget);
        match reading.rows_in(xml) {
            Ok(None) => Some(Run {
                base: base as usize,
                cells: reading.taken,
                row: reading.row,
                rows: reading.rows,
            }),
            _ => None,
        }
    }
}

/// The zero-based row of the first tag of `xml` when it is a row with a reference.
fn first_row(xml: &[u8]) -> Option<u32> {
    let tag = next_tag(xml, 0)?;
    if tag.closing || tag.name != b"row" {
        return None;
    }
    Some(reference(attribute(tag.attrs, b"r")??, false)?.0)
}

/// A part by its exact name: `Some(None)` when the package has no such part, `None` when
/// it has it under another spelling (calamine finds parts whatever their case and slashes)
/// or it cannot be read. A part read is read to its end: its index goes to `whole`.
fn exact_part(zip: &mut Zip, name: &str, whole: &mut Vec<usize>) -> Option<Option<Vec<u8>>> {
    if let Some(index) = zip.index_for_name(name) {
        let xml = super::xlsx_merges::part(zip, name)?;
        whole.push(index);
        return Some(Some(xml));
    }
    let elsewhere = zip
        .file_names()
        .any(|n| n.is_ok_and(|n| n.replace('\\', "/").eq_ignore_ascii_case(name)));
    (!elsewhere).then_some(None)
}

/// A small part read with quick-xml as calamine reads it (empty elements expanded).
fn small_reader(xml: &[u8]) -> quick_xml::Reader<&[u8]> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// An attribute's raw value, as calamine's `raw_attr` reads it.
fn raw_attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<Option<String>> {
    for attr in e.attributes() {
        let attr = attr.ok()?;
        if attr.key.as_ref() == key {
            return Some(Some(attr.value.into_owned()));
        }
    }
    Some(None)
}

/// The workbook's date system: `workbookPr`'s `date1904` (calamine's `read_workbook`).
fn date_1904(workbook: &[u8]) -> Option<bool> {
    let mut reader = small_reader(workbook);
    let mut buf = Vec::new();
    let mut is_1904 = false;
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "workbookPr" => {
                if let Some(v) = raw_attr(&e, "date1904")? {
                    is_1904 = v == "1" || v == "true";
                }
            }
            Event::Eof => return Some(is_1904),
            _ => {}
        }
        buf.clear();
    }
}

/// The number format of each `cellXfs` entry (calamine's `read_styles`).
fn number_formats(styles: &[u8]) -> Option<Vec<NumberFormat>> {
    let mut reader = small_reader(styles);
    let mut buf = Vec::new();
    let mut custom: HashMap<String, String> = HashMap::new();
    let mut formats = Vec::new();
    // Inside `numFmts` or `cellXfs`.
    let mut within: Option<&str> = None;
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => match (within, e.local_name().as_ref()) {
                (None, "numFmts") => within = Some("numFmts"),
                (None, "cellXfs") => within = Some("cellXfs"),
                (Some("numFmts"), "numFmt") => {
                    if let (Some(id), Some(code)) =
                        (raw_attr(&e, "numFmtId")?, raw_attr(&e, "formatCode")?)
                    {
                        let code = quick_xml::escape::unescape(&code).ok()?.into_owned();
                        custom.insert(id, code);
                    }
                }
                (Some("cellXfs"), "xf") => {
                    formats.push(match raw_attr(&e, "numFmtId")? {
                        None => NumberFormat::Other,
                        Some(id) => match custom.get(&id) {
                            Some(code) => custom_format(code),
                            None => builtin_format(&id),
                        },
                    });
                }
                _ => {}
            },
            Event::End(e) if within == Some(e.local_name().as_ref()) => within = None,
            Event::Eof => return Some(formats),
            _ => {}
        }
        buf.clear();
    }
}

/// Whether a custom number format shows a date, a duration or neither: calamine's
/// `detect_custom_number_format` (MIT), ported from openpyxl.
fn custom_format(format: &str) -> NumberFormat {
    let mut escaped = false;
    let mut is_quote = false;
    let mut brackets = 0u8;
    let mut prev = ' ';
    let mut hms = false;
    let mut ap = false;
    for s in format.chars() {
        match (s, escaped, is_quote, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => is_quote = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => is_quote = true,
            (';', ..) => return NumberFormat::Other,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return NumberFormat::TimeDelta,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return NumberFormat::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => {
                return NumberFormat::DateTime
            }
            _ => {
                if !(hms && s.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    NumberFormat::Other
}

/// The built-in number formats that are dates or durations (calamine's
/// `builtin_format_by_id`).
fn builtin_format(id: &str) -> NumberFormat {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" | "27"
        | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "50" | "51" | "52"
        | "53" | "54" | "55" | "56" | "57" | "58" => NumberFormat::DateTime,
        "46" => NumberFormat::TimeDelta,
        _ => NumberFormat::Other,
    }
}

/// An element's tag: `<name attrs>`, `<name attrs/>` or `</name>`.
struct Tag<'a> {
    name: &'a [u8],
    attrs: &'a [u8],
    closing: bool,
    /// `<name/>`: calamine sees it as an opening and a closing tag.
    empty: bool,
    /// Just after the tag's `>`.
    end: usize,
}

/// The tag at `lt` (a `<`); `None` for a comment, CDATA, a processing instruction, a
/// prefixed name or a tag cut short.
fn tag_at(b: &[u8], lt: usize) -> Option<Tag<'_>> {
    let mut i = lt + 1;
    let closing = *b.get(i)? == b'/';
    i += usize::from(closing);
    let start = i;
    while let Some(&c) = b.get(i) {
        match c {
            b'>' | b'/' => break,
            c if c.is_ascii_whitespace() => break,
            b':' | b'!' | b'?' | b'<' | b'"' | b'\'' | b'=' => return None,
            _ => i += 1,
        }
    }
    let name = &b[start..i];
    if name.is_empty() {
        return None;
    }
    if closing {
        while b.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        return (b[i] == b'>').then_some(Tag {
            name,
            attrs: &[],
            closing,
            empty: false,
            end: i + 1,
        });
    }
    let attrs_start = i;
    loop {
        let at = i + memchr::memchr3(b'>', b'"', b'\'', b.get(i..)?)?;
        let c = b[at];
        if c == b'>' {
            i = at;
            break;
        }
        i = at + 1 + memchr(c, b.get(at + 1..)?)? + 1;
    }
    let empty = i > attrs_start && b[i - 1] == b'/';
    Some(Tag {
        name,
        attrs: &b[attrs_start..if empty { i - 1 } else { i }],
        closing: false,
        empty,
        end: i + 1,
    })
}

/// The next tag at or after `p`.
fn next_tag(b: &[u8], p: usize) -> Option<Tag<'_>> {
    tag_at(b, p + memchr(b'<', b.get(p..)?)?)
}

/// The text of an element from `p`, just after its opening tag, to its closing tag
/// `</name>`, and where that tag ends; `None` when anything else comes first.
fn content<'a>(b: &'a [u8], p: usize, name: &[u8]) -> Option<(&'a [u8], usize)> {
    let lt = p + memchr(b'<', b.get(p..)?)?;
    let end = tag_at(b, lt)?;
    (end.closing && end.name == name).then_some((&b[p..lt], end.end))
}

/// Calls `each` with every attribute's key and raw value; `None` when they are malformed.
fn attributes<'a>(raw: &'a [u8], mut each: impl FnMut(&'a [u8], &'a [u8])) -> Option<()> {
    let mut i = 0;
    loop {
        while raw.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if i == raw.len() {
            return Some(());
        }
        let key_start = i;
        while !matches!(*raw.get(i)?, b'=' | b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
        }
        let key = &raw[key_start..i];
        while raw.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if raw[i] != b'=' {
            return None;
        }
        i += 1;
        while raw.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        let quote = raw[i];
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = memchr(quote, &raw[i + 1..])?;
        each(key, &raw[i + 1..i + 1 + len]);
        i += len + 2;
    }
}

/// One attribute's raw value.
fn attribute<'a>(raw: &'a [u8], key: &[u8]) -> Option<Option<&'a [u8]>> {
    let mut found = None;
    attributes(raw, |k, v| {
        if k == key && found.is_none() {
            found = Some(v);
        }
    })?;
    Some(found)
}

/// Where a document's root element begins: after a UTF-8 byte order mark and an XML
/// declaration that names no other encoding.
fn after_declaration(b: &[u8]) -> Option<usize> {
    let mut i = if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if b[i..].starts_with(b"<?xml") {
        let end = i + memmem::find(&b[i..], b"?>")?;
        if let Some(at) = memmem::find(&b[i..end], b"encoding") {
            let value = &b[i + at..end];
            let quote = value.iter().position(|&c| c == b'"' || c == b'\'')?;
            let rest = &value[quote + 1..];
            let name = &rest[..memchr(value[quote], rest)?];
            if !name.eq_ignore_ascii_case(b"utf-8") {
                return None;
            }
        }
        i = end + 2;
    }
    Some(i)
}

/// Whether `b` begins with an XML declaration whose end is not in it yet.
fn declaration_cut_short(b: &[u8]) -> bool {
    let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b);
    let b = &b[b.iter().take_while(|c| c.is_ascii_whitespace()).count()..];
    b.starts_with(b"<?xml") && memmem::find(b, b"?>").is_none()
}

/// Text as calamine decodes it from XML: line ends made `\n` (XML 1.0), then the five
/// named entities and character references resolved.
fn xml_text(raw: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(raw).ok()?;
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(at) = memchr2(b'&', b'\r', &raw[i..]) {
        let at = i + at;
        out.push_str(&s[i..at]);
        if raw[at] == b'\r' {
            out.push('\n');
            i = at + 1 + usize::from(raw.get(at + 1) == Some(&b'\n'));
            continue;
        }
        let semi = at + memchr(b';', &raw[at..])?;
        let entity = &s[at + 1..semi];
        match entity {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "apos" => out.push('\''),
            "quot" => out.push('"'),
            _ => {
                let number = entity.strip_prefix('#')?;
                let (digits, radix) = match number.strip_prefix('x') {
                    Some(hex) => (hex, 16),
                    None => (number, 10),
                };
                if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_hexdigit()) {
                    return None;
                }
                let code = u32::from_str_radix(digits, radix).ok()?;
                if code == 0 {
                    return None;
                }
                out.push(char::from_u32(code)?);
            }
        }
        i = semi + 1;
    }
    out.push_str(&s[i..]);
    Some(out)
}

/// Excel's own escapes, `_xHHHH_` for a UTF-16 code unit (calamine's `unescape_xml`).
fn excel_unescape(s: String) -> String {
    const LEN: usize = 7;
    let unit_at = |i: usize| -> Option<u16> {
        let b = s.as_bytes().get(i..i + LEN)?;
        if b[0] != b'_'
            || b[1] != b'x'
            || b[6] != b'_'
            || !b[2..6].iter().all(u8::is_ascii_hexdigit)
        {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&b[2..6]).ok()?, 16).ok()
    };
    let next = |from: usize| -> Option<(usize, u16)> {
        let mut from = from;
        while let Some(at) = s.get(from..)?.find('_') {
            let at = from + at;
            if let Some(unit) = unit_at(at) {
                return Some((at, unit));
            }
            from = at + 1;
        }
        None
    };
    let Some((mut index, mut unit)) = next(0) else {
        return s;
    };
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    loop {
        out.push_str(&s[copied..index]);
        index += LEN;
        match unit {
            0xD800..=0xDBFF => match unit_at(index) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let code =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    index += LEN;
                }
                _ => out.push(char::REPLACEMENT_CHARACTER),
            },
            0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        copied = index;
        match next(index) {
            Some(found) => (index, unit) = found,
            None => break,
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// A string of shared strings (`<si>`) or an inline string (`<is>`) from just after its
/// opening tag to just after `</closing>`: its `<t>` texts joined, those of phonetic runs
/// (`<rPh>`) left out, each trimmed of spaces and line ends unless it keeps its spaces
/// (calamine's `read_string_with_bufs`).
fn rich_text(b: &[u8], mut p: usize, closing: &[u8]) -> Option<(String, usize)> {
    let mut out: Option<String> = None;
    let mut phonetic = false;
    loop {
        let tag = next_tag(b, p)?;
        p = tag.end;
        if tag.closing {
            if tag.name == closing {
                return Some((out.unwrap_or_default(), p));
            }
            if tag.name == b"rPh" {
                phonetic = false;
            }
            continue;
        }
        match tag.name {
            name if name == closing => return None,
            b"r" => {
                out.get_or_insert_with(String::new);
            }
            b"rPh" => phonetic = !tag.empty,
            b"t" if !phonetic => {
                let preserve = attribute(tag.attrs, b"xml:space")? == Some(b"preserve");
                let raw = if tag.empty {
                    &b[0..0]
                } else {
                    let (raw, end) = content(b, p, b"t")?;
                    p = end;
                    raw
                };
                let value = xml_text(raw)?;
                let value = if preserve {
                    excel_unescape(value)
                } else {
                    excel_unescape(value.trim_matches([' ', '\t', '\r', '\n']).to_string())
                };
                match &mut out {
                    Some(s) => s.push_str(&value),
                    None => out = Some(value),
                }
            }
            _ => {}
        }
    }
}

/// The shared strings (calamine's `read_shared_strings`), each as the cell it becomes.
fn shared_strings(xml: &[u8]) -> Option<Vec<Cell>> {
    let mut p = after_declaration(xml)?;
    loop {
        let tag = next_tag(xml, p)?;
        p = tag.end;
        if !tag.closing && tag.name == b"sst" {
            break;
        }
    }
    let mut strings = Vec::new();
    loop {
        let tag = next_tag(xml, p)?;
        p = tag.end;
        match (tag.closing, tag.name) {
            (true, b"sst") => return Some(strings),
            (false, b"si") if tag.empty => strings.push(text("")),
            (false, b"si") => {
                let (s, end) = rich_text(xml, p, b"si")?;
                strings.push(text(&s));
                p = end;
            }
            _ => {}
        }
    }
}

/// A cell reference `A1` → zero-based (row, column); the column is optional for a row's
/// reference. Longer than a sheet can be is declined.
fn reference(r: &[u8], column_needed: bool) -> Option<(u32, Option<u32>)> {
    let letters = r.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = &r[letters..];
    if letters > 3 || (column_needed && letters == 0) || digits.is_empty() || digits.len() > 7 {
        return None;
    }
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = r[..letters].iter().fold(0u32, |n, c| {
        n * 26 + u32::from(c.to_ascii_uppercase() - b'A') + 1
    });
    let row = digits
        .iter()
        .fold(0u32, |n, c| n * 10 + u32::from(c - b'0'));
    Some((row.checked_sub(1)?, col.checked_sub(1)))
}

/// A whole number of ASCII digits, as calamine's index and style numbers.
fn index(v: &[u8]) -> Option<usize> {
    if v.is_empty() || v.len() > 18 || !v.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(v.iter().fold(0usize, |n, c| n * 10 + usize::from(c - b'0')))
}

/// A sheet being read: calamine's `XlsxCellReader` state and the grid its cells go into.
struct Reading<'a, 'p> {
    package: &'a Package,
    rows: Vec<Vec<Cell>>,
    /// The sheet's row of `rows[0]`: 0, or a [`Run`]'s first.
    base: usize,
    /// The widest row so far (`spreadsheet::place`).
    width: usize,
    /// Where a row or cell without a reference goes.
    row: u32,
    col: u32,
    /// Cells taken from the budget, given back if the sheet is declined.
    taken: u64,
    budget: &'a mut Budget<'p>,
}

/// How far a sheet's XML before its cells has been read.
enum Prolog {
    /// More of the XML is needed.
    More,
    /// The cells begin here.
    Cells(usize),
    /// `<sheetData/>`: there are none; the rest of the sheet begins here.
    NoCells(usize),
}

impl<'a, 'p> Reading<'a, 'p> {
    /// A grid read from the sheet's row `base` (zero-based) on: 0 for the whole sheet, a
    /// [`Run`]'s first row for a run.
    fn from_row(package: &'a Package, base: u32, budget: &'a mut Budget<'p>) -> Self {
        Reading {
            package,
            rows: Vec::new(),
            base: base as usize,
            width: 0,
            row: base,
            col: 0,
            taken: 0,
            budget,
        }
    }

    /// Reads the sheet's XML through, a chunk at a time; its merged regions.
    /// The sheet's cells into `rows`; its merged regions, and whether its part was read to
    /// its end.
    ///
    /// With a `helper`, runs of whole rows ([`Run`]) are read two at a time: one by the
    /// helper while this thread reads the next, each into a grid of its own, then both
    /// taken into the sheet's in order. What cannot be read apart is read here, in order.
    fn sheet(
        &mut self,
        mut xml: impl Read,
        chunk: usize,
        helper: Option<&Helper>,
    ) -> Step<(Vec<Merge>, bool)> {
        let mut buf: Vec<u8> = Vec::with_capacity(chunk + (chunk >> 2));
        let mut ended = false;
        // A run is with the helper, not yet taken.
        let mut handed = false;
        // Up to the cells.
        let mut start = loop {
            match need(self.before_cells(&buf))? {
                Prolog::Cells(at) => break at,
                Prolog::NoCells(at) => return Ok(merges_after(&buf[at..], xml)),
                Prolog::More if !ended => ended = fill(&mut xml, &mut buf, chunk)?,
                Prolog::More => return Err(Stop::Declined),
            }
        };
        loop {
            let held = &buf[start..];
            // Whole rows only, unless the cells end here: their end tag whole (a chunk may
            // end within it, and the tag would be read cut short).
            let last = ended
                || memmem::find(held, b"</sheetData")
                    .is_some_and(|at| memchr(b'>', &held[at..]).is_some());
            let end = if last {
                Some(buf.len())
            } else {
                memmem::rfind(held, b"</row>").map(|at| start + at + b"</row>".len())
            };
            if let Some(end) = end {
                let apart = !last && first_row(&buf[start..end]).is_some();
                if let Some(helper) = helper.filter(|_| apart && !handed) {
                    let rest = buf.split_off(end);
                    let run = std::mem::replace(&mut buf, rest);
                    // Refused only when the helper stopped: its panic follows.
                    helper
                        .hand(RunJob {
                            xml: run,
                            from: start,
                        })
                        .map_err(|_| Stop::Declined)?;
                    handed = true;
                    start = 0;
                    ended = fill(&mut xml, &mut buf, chunk)?;
                    continue;
                }
                let mine = match apart && handed {
                    true => Run::read(self.package, &buf[start..end]),
                    false => None,
                };
                if handed {
                    self.take_handed(helper)?;
                    handed = false;
                }
                match mine {
                    Some(run) => self.take_run(run)?,
                    None => {
                        if let Some(after) = self.rows_in(&buf[start..end])? {
                            let tail = start + after;
                            return Ok(merges_after(&buf[tail..], xml));
                        }
                    }
                }
                if ended {
                    return Err(Stop::Declined);
                }
                buf.drain(..end);
                start = 0;
            }
            ended = fill(&mut xml, &mut buf, chunk)?;
        }
    }

    /// The run the helper was handed, taken into the grid: read there, or read here when
    /// it could not be read apart.
    fn take_handed(&mut self, helper: Option<&Helper>) -> Step<()> {
        match helper.and_then(Helper::take) {
            Some(Ok(run)) => self.take_run(run),
            Some(Err(job)) => match self.rows_in(&job.xml[job.from..])? {
                // Whole rows, not the last: the end of the cells is not among them.
                None => Ok(()),
                Some(_) => Err(Stop::Declined),
            },
            // The helper stopped: its panic follows.
            None => Err(Stop::Declined),
        }
    }

    /// A run's rows put in the grid as reading them here would have put them: each cell
    /// taken from the budget, a row listed before overlaid cell by cell.
    fn take_run(&mut self, run: Run) -> Step<()> {
        #[cfg(test)]
        tests::RUNS_TAKEN.with(|n| n.set(n.get() + 1));
        for _ in 0..run.cells {
            self.budget.take().map_err(Stop::TooLarge)?;
            self.taken += 1;
        }
        for (i, row) in run.rows.into_iter().enumerate() {
            let r = run.base + i;
            if r >= self.rows.len() {
                if !row.is_empty() {
                    self.rows.resize_with(r, Vec::new);
                    self.rows.push(row);
                }
                continue;
            }
            let into = &mut self.rows[r];
            if into.is_empty() {
                *into = row;
                continue;
            }
            for (c, cell) in row.into_iter().enumerate() {
                if !matches!(cell, Cell::Empty) {
                    if into.len() <= c {
                        into.resize(c + 1, Cell::Empty);
                    }
                    into[c] = cell;
                }
            }
        }
        self.row = run.row;
        self.col = 0;
        Ok(())
    }

    /// How far `b`, the XML read so far, goes towards the cells; `None` to decline.
    fn before_cells(&self, b: &[u8]) -> Option<Prolog> {
        let Some(mut p) = after_declaration(b) else {
            // A declaration not yet whole (the first chunk ends within it), or declined.
            return declaration_cut_short(b).then_some(Prolog::More);
        };
        loop {
            let Some(at) = memchr(b'<', &b[p..]) else {
                return Some(Prolog::More);
            };
            let Some(tag) = tag_at(b, p + at) else {
                // A tag cut short by the chunk's end, or one declined.
                return memchr(b'>', &b[p + at..]).is_none().then_some(Prolog::More);
            };
            p = tag.end;
            match (tag.closing, tag.name) {
                (false, b"sheetData") if tag.empty => return Some(Prolog::NoCells(p)),
                (false, b"sheetData") => return Some(Prolog::Cells(p)),
                (false, b"dimension") => {
                    // calamine refuses a sheet whose dimension it cannot read.
                    let range = attribute(tag.attrs, b"ref")??;
                    let mut parts = range.split(|&c| c == b':');
                    let first = reference(parts.next()?, true)?;
                    if let Some(last) = parts.next() {
                        let last = reference(last, true)?;
                        if last.0 < first.0 || last.1 < first.1 || parts.next().is_some() {
                            return None;
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads the rows of `region`, whole rows of the sheet's cells; where `</sheetData>`
    /// ends, if it is in the region.
    fn rows_in(&mut self, region: &[u8]) -> Step<Option<usize>> {
        let mut p = 0;
        while let Some(at) = memchr(b'<', &region[p..]) {
            let tag = need(tag_at(region, p + at))?;
            p = tag.end;
            match (tag.closing, tag.name) {
                (false, b"c") => p = self.cell(region, &tag)?,
                (true, b"row") => {
                    self.row += 1;
                    self.col = 0;
                }
                (false, b"row") => {
                    if let Some(r) = need(attribute(tag.attrs, b"r"))? {
                        self.row = need(reference(r, false))?.0;
                    }
                    if tag.empty {
                        self.row += 1;
                        self.col = 0;
                    }
                }
                (true, b"sheetData") => return Ok(Some(p)),
                _ => return Err(Stop::Declined),
            }
        }
        Ok(None)
    }

    /// One `<c>`: its value placed in the grid; just after its end.
    fn cell(&mut self, b: &[u8], tag: &Tag) -> Step<usize> {
        let (mut r, mut s, mut t) = (None, None, None);
        need(attributes(tag.attrs, |k, v| match k {
            b"r" if r.is_none() => r = Some(v),
            b"s" if s.is_none() => s = Some(v),
            b"t" if t.is_none() => t = Some(v),
            _ => {}
        }))?;
        let (row, col) = match r {
            Some(r) => {
                let (row, col) = need(reference(r, true))?;
                let col = need(col)?;
                self.col = col;
                (row, col)
            }
            None => (self.row, self.col),
        };
        let mut p = tag.end;
        let mut value = Cell::Empty;
        if !tag.empty {
            loop {
                let inner = need(next_tag(b, p))?;
                p = inner.end;
                if inner.closing {
                    if inner.name == b"c" {
                        break;
                    }
                    return Err(Stop::Declined);
                }
                match inner.name {
                    b"v" => {
                        let raw = if inner.empty {
                            &b[0..0]
                        } else {
                            let (raw, end) = need(content(b, p, b"v"))?;
                            p = end;
                            raw
                        };
                        value = need(self.value(raw, s, t))?;
                    }
                    b"f" => {
                        if !inner.empty {
                            p = need(content(b, p, b"f"))?.1;
                        }
                        value = Cell::Empty;
                    }
                    b"is" => {
                        value = if inner.empty {
                            text("")
                        } else {
                            let (s, end) = need(rich_text(b, p, b"is"))?;
                            p = end;
                            text(&s)
                        };
                    }
                    _ => return Err(Stop::Declined),
                }
            }
        }
        self.col += 1;
        self.place(row as usize, col as usize, value)?;
        Ok(p)
    }

    /// A `<v>`'s cell, as calamine's `read_value` and `read_v` make it.
    fn value(&self, raw: &[u8], s: Option<&[u8]>, t: Option<&[u8]>) -> Option<Cell> {
        match t {
            Some(b"inlineStr" | b"is") => return Some(Cell::Empty),
            Some(b"n" | b"s" | b"b" | b"e") | None => {
                // Read raw: calamine takes these as they stand.
                if raw.is_empty() {
                    return Some(Cell::Empty);
                }
                if memchr(b'&', raw).is_some() {
                    return None;
                }
            }
            _ => {}
        }
        let format = match s {
            Some(s) => self.package.formats.get(index(s)?).copied(),
            None => Some(NumberFormat::Other),
        };
        let decoded;
        let v: &str = match t {
            Some(b"n" | b"s" | b"b" | b"e") | None => std::str::from_utf8(raw).ok()?,
            _ => {
                decoded = xml_text(raw)?;
                &decoded
            }
        };
        Some(match t {
            Some(b"s") => self.package.strings.get(index(raw)?)?.clone(),
            Some(b"b") => match v.trim() {
                "" => Cell::Empty,
                "0" => Cell::Bool(false),
                "1" => Cell::Bool(true),
                b if b.eq_ignore_ascii_case("false") => Cell::Bool(false),
                b if b.eq_ignore_ascii_case("true") => Cell::Bool(true),
                _ => return None,
            },
            Some(b"d") => convert(&Data::DateTimeIso(v.to_string())),
            Some(b"e") => Cell::Error(v.parse::<CellErrorType>().ok()?.to_string()),
            Some(b"str") => text(&excel_unescape(v.to_string())),
            Some(b"n") | None => match fast_float2::parse::<f64, _>(v.as_bytes()) {
                Ok(n) => {
                    let kind = match format {
                        Some(NumberFormat::DateTime) => ExcelDateTimeType::DateTime,
                        Some(NumberFormat::TimeDelta) => ExcelDateTimeType::TimeDelta,
                        _ => return Some(Cell::Number(n)),
                    };
                    convert(&Data::DateTime(ExcelDateTime::new(
                        n,
                        kind,
                        self.package.is_1904,
                    )))
                }
                Err(_) if t.is_none() => text(v),
                Err(_) => return None,
            },
            Some(_) => return None,
        })
    }

    /// Puts a cell in the grid as calamine's cells are put (`spreadsheet::place`). A
    /// [`Run`]'s grid begins at its first row: a cell above it cannot be read apart.
    fn place(&mut self, r: usize, c: usize, value: Cell) -> Step<()> {
        if r >= limits::ROWS {
            return Ok(());
        }
        let r = need(r.checked_sub(self.base))?;
        let placed = place(&mut self.rows, r, c, value, self.budget, &mut self.width)
            .map_err(Stop::TooLarge)?;
        self.taken += u64::from(placed);
        Ok(())
    }
}

/// Inflates up to `chunk` more bytes onto `buf`; whether the XML has ended.
fn fill(xml: &mut impl Read, buf: &mut Vec<u8>, chunk: usize) -> Step<bool> {
    let had = buf.len();
    buf.resize(had + chunk, 0);
    let mut got = 0;
    let ended = loop {
        match xml.read(&mut buf[had + got..]) {
            Ok(0) => break true,
            Ok(n) => {
                got += n;
                if got == chunk {
                    break false;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                buf.truncate(had);
                return Err(Stop::Declined);
            }
        }
    };
    buf.truncate(had + got);
    Ok(ended)
}

/// The merged regions in what follows the cells: `held`, then the rest of the XML; and
/// whether the rest was read to its end (none when it could not be: damaged, or larger
/// than the zip declares it, which `zipcheck::verify` will then find).
fn merges_after(held: &[u8], rest: impl Read) -> (Vec<Merge>, bool) {
    match super::xlsx_merges::in_tail(std::io::Read::chain(held, rest)) {
        Some(merges) => (merges, true),
        None => (Vec::new(), false),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::limits;
    use super::super::spreadsheet::{merges_for_tests, open_for_tests, read_sheet_for_tests};
    use super::*;
    use std::io::{Read, Write};

    /// A sheet as both readers give it: its name, cells and merged regions (sorted).
    type SheetRead = (String, Vec<Vec<Cell>>, Vec<Merge>);

    thread_local! {
        /// The bytes of XML [`Package::sheet`] parses at a time on this thread, when set.
        pub(super) static CHUNK_FOR_TESTS: std::cell::Cell<Option<usize>> =
            const { std::cell::Cell::new(None) };
        /// Whether [`Package::sheet`] parses rows on two threads, or one, whatever the
        /// sheet's size.
        pub(super) static TWO_PARSERS_FOR_TESTS: std::cell::Cell<Option<bool>> =
            const { std::cell::Cell::new(None) };
        /// Runs of rows read apart and taken into a sheet on this thread.
        pub(super) static RUNS_TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// The sheet `name` read with [`Package::sheet`], `chunk` bytes of XML at a time
    /// ([`CHUNK`] when `None`); `None` when declined.
    fn own_read(
        package: &Package,
        zip: &mut Zip,
        name: &str,
        chunk: Option<usize>,
    ) -> Option<SheetRead> {
        let mut budget = Budget::whole();
        CHUNK_FOR_TESTS.with(|c| c.set(chunk));
        let read = package.sheet(zip, name, &mut budget);
        CHUNK_FOR_TESTS.with(|c| c.set(None));
        read.map(|read| {
            let mut read = read.expect("within the limit");
            read.merges.sort_by_key(|m| (m.first_row, m.first_col));
            (name.to_string(), read.rows, read.merges)
        })
    }

    /// Small: a sheet of a few rows is read a row or two at a time, the chunks' ends falling
    /// anywhere in its XML.
    const SMALL_CHUNK: usize = 200;

    /// Every worksheet of `bytes` read by calamine, and by this module where it does not
    /// decline (`None` in its place); calamine's merged regions too if `with_merges` (on
    /// damaged XML its merge reader overflows a subtraction, a panic in a debug build).
    fn both_ways(
        bytes: &[u8],
        with_merges: bool,
    ) -> Option<(Vec<SheetRead>, Vec<Option<SheetRead>>)> {
        let mut book = open_for_tests(bytes)?;
        let metas = calamine::Reader::sheets_metadata(&book).to_vec();
        let package = Package::open(bytes);
        let mut zip = Package::zip(bytes)?;
        let (mut slow, mut fast) = (Vec::new(), Vec::new());
        for meta in metas
            .iter()
            .filter(|m| m.typ == calamine::SheetType::WorkSheet)
        {
            let Some(Ok(rows)) = read_sheet_for_tests(&mut book, meta) else {
                continue;
            };
            let mut merges = match with_merges {
                true => merges_for_tests(&mut book, &meta.name),
                false => Vec::new(),
            };
            merges.sort_by_key(|m| (m.first_row, m.first_col));
            slow.push((meta.name.clone(), rows, merges));
            let mut own = |chunk| {
                let package = package.as_ref()?;
                own_read(package, &mut zip, &meta.name, chunk)
            };
            let read = own(None);
            // Read a few rows at a time: the same, cell for cell. (A damaged sheet, read
            // without its merged regions, may be declined at one chunk's size and not
            // another's: what is read is still calamine's.)
            let in_chunks = own(Some(SMALL_CHUNK));
            // And on two threads, runs of a row or two read apart and taken in order.
            TWO_PARSERS_FOR_TESTS.with(|t| t.set(Some(true)));
            let on_two = [own(Some(SMALL_CHUNK)), own(Some(SMALL_CHUNK * 8))];
            TWO_PARSERS_FOR_TESTS.with(|t| t.set(None));
            for (how, other) in [("in small chunks", in_chunks)]
                .into_iter()
                .chain(on_two.map(|read| ("on two threads", read)))
            {
                if with_merges {
                    assert!(other == read, "{} read {how}", meta.name);
                } else if let Some(other) = other {
                    let slow = slow.last().expect("pushed above");
                    assert!(other.1 == slow.1, "{} read {how}", meta.name);
                }
            }
            fast.push(read);
        }
        Some((slow, fast))
    }

    /// Sheets this module read, each checked equal to calamine's.
    fn taken_and_equal(bytes: &[u8], what: &str) -> usize {
        taken_and_equal_in(bytes, what, true)
    }

    /// [`taken_and_equal`], the merged regions compared or not.
    fn taken_and_equal_in(bytes: &[u8], what: &str, with_merges: bool) -> usize {
        let Some((slow, fast)) = both_ways(bytes, with_merges) else {
            return 0;
        };
        let mut taken = 0;
        for (slow, fast) in slow.iter().zip(&fast) {
            if let Some(fast) = fast {
                assert_eq!(fast.1, slow.1, "{what} › {}", slow.0);
                if with_merges {
                    assert_eq!(fast, slow, "{what} › {}", slow.0);
                }
                taken += 1;
            }
        }
        taken
    }

    /// Every xlsx of the samples, the corpus and the independent rosters (`tests/independent`,
    /// among them files from six different writers) reads here as calamine reads it, and
    /// every sheet of the samples and independent rosters is read here, not declined.
    #[test]
    fn samples_and_corpus_read_as_calamine_reads_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let (mut files, mut sheets, mut samples_taken) = (0, 0, 0);
        let independent =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/independent");
        let mut dirs = vec![root.join("samples"), root.join("corpus/calamine")];
        for set in std::fs::read_dir(&independent).expect("independent rosters") {
            dirs.push(set.expect("entry").path());
        }
        for dir in dirs {
            for entry in std::fs::read_dir(&dir).expect("shared data") {
                let path = entry.expect("entry").path();
                if path.extension().is_none_or(|e| e != "xlsx" && e != "xlsm") {
                    continue;
                }
                let bytes = std::fs::read(&path).expect("read");
                let taken = taken_and_equal(&bytes, &path.display().to_string());
                if !dir.ends_with("corpus/calamine") {
                    let (slow, _) = both_ways(&bytes, true).expect("a sample opens");
                    assert_eq!(taken, slow.len(), "{}: a sheet declined", path.display());
                    samples_taken += taken;
                }
                files += 1;
                sheets += taken;
            }
        }
        assert!(
            files > 50 && samples_taken >= 3,
            "{files} files, {samples_taken} sample sheets"
        );
        assert!(sheets > 60, "only {sheets} sheets read here");
    }

    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// An xlsx written by rust_xlsxwriter with some of its parts replaced.
    fn with_parts(replaced: &[(&str, String)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "placeholder").unwrap();
        let base = book.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(&base[..])).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let mut written = std::collections::HashSet::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().unwrap().to_string();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            if let Some((_, part)) = replaced.iter().find(|(n, _)| *n == name) {
                bytes = part.clone().into_bytes();
                written.insert(name.clone());
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&bytes).unwrap();
        }
        for (name, part) in replaced.iter().filter(|(n, _)| !written.contains(*n)) {
            out.start_file(name.to_string(), zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(part.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    /// Shared strings of every kind calamine reads: kept and trimmed spaces, rich runs with
    /// a phonetic run, entities and character references, Excel's `_xHHHH_` escapes, raw
    /// line ends, empty strings.
    fn strings() -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"{MAIN}\" count=\"10\" uniqueCount=\"10\">\
             <si><t>Họ và tên</t></si>\
             <si><t xml:space=\"preserve\">  giữ  </t></si>\
             <si><t>  bỏ\t\n</t></si>\
             <si><r><rPr><b/><sz val=\"11\"/></rPr><t>Nguyễn </t></r><r><t xml:space=\"preserve\">Văn A</t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh><phoneticPr fontId=\"1\"/></si>\
             <si><t>a&amp;b &lt;c&gt; &#10;x&#x1F600;&quot;&apos;</t></si>\
             <si><t>dòng_x000D_mới _x005F_x000D_ _xD83D__xDE00_ _xD83D_ _x12_</t></si>\
             <si><t/></si>\
             <si/>\
             <si><t>một\r\nhai\rba</t></si>\
             <si>\n  <t>&#13;ngoài&#10;</t>\n</si>\
             </sst>"
        )
    }

    /// Cell formats: text, a custom date, built-in date and duration formats, a custom
    /// duration, a custom format with quoted letters that is no date.
    fn styles() -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{MAIN}\">\
             <numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>\
             <numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>\
             <numFmt numFmtId=\"166\" formatCode=\"&quot;Năm&quot; 0\"/></numFmts>\
             <cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>\
             <cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/>\
             <xf numFmtId=\"14\"><alignment horizontal=\"left\"/></xf><xf numFmtId=\"46\"/>\
             <xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>"
        )
    }

    fn sheet(cells: &str, after: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"{MAIN}\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
             <dimension ref=\"A1:H20\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>\
             <sheetData>{cells}</sheetData>{after}</worksheet>"
        )
    }

    /// An xlsx of one sheet with `cells` in its `sheetData` and `after` after it (the
    /// import's tests make one this reader declines).
    pub(crate) fn workbook_with(cells: &str, after: &str) -> Vec<u8> {
        with_parts(&[
            ("xl/worksheets/sheet1.xml", sheet(cells, after)),
            ("xl/sharedStrings.xml", strings()),
            ("xl/styles.xml", styles()),
        ])
    }

    /// Sheets holding every construct this module reads: each is read here, as calamine
    /// reads it.
    #[test]
    fn every_construct_reads_as_calamine_reads_it() {
        let cases: &[(&str, &str)] = &[
            (
                "references",
                r#"<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" t="s"><v>7</v></c><c r="F2" t="s"><v>8</v></c><c r="G2" t="s"><v>9</v></c></row>
                <row r="4"><c r="B4" s="1"><v>25569</v></c><c r="C4" s="2"><v>36526.75</v></c><c r="D4" s="3"><v>1.5</v></c><c r="E4" s="4"><v>2.25</v></c><c r="F4" s="5"><v>1990</v></c><c r="G4" s="9"><v>7</v></c><c r="H4" s="1"><v>0.5</v></c></row>"#,
            ),
            (
                "no references",
                r#"<row><c t="s"><v>0</v></c><c><v>2</v></c></row><row><c/><c><v>3</v></c></row><row r="7"><c><v>4</v></c><c r="E7"><v>5</v></c><c><v>6</v></c></row><row><c><v>8</v></c></row>"#,
            ),
            (
                "empty rows and cells",
                r#"<row r="3"/><row r="5"><c r="B5"/><c><v>1</v></c><c r="E5" t="s"><v></v></c><c r="F5"><v/></c><c r="G5" t="str"><v/></c><c r="H5" t="d"><v></v></c></row><row/><row><c><v>9</v></c></row>"#,
            ),
            (
                "types",
                r#"<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>true</v></c><c r="D1" t="b"><v>FALSE</v></c><c r="E1" t="b"><v> 1 </v></c></row>
                <row r="2"><c r="A2" t="e"><v>#N/A</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" t="e"><v>#VALUE!</v></c><c r="D2" t="e"><v>#REF!</v></c></row>
                <row r="3"><c r="A3" t="d"><v>2021-03-04T00:00:00</v></c><c r="B3" t="d"><v>1985-12-31</v></c><c r="C3" t="d"><v>không phải ngày</v></c></row>
                <row r="4"><c r="A4" t="str"><v>a &amp; b_x000D_c</v></c><c r="B4" t="str"><v>x&#10;y
z</v></c><c r="C4" t="n"><v>1e3</v></c><c r="D4"><v>abc</v></c><c r="E4"><v> 12 </v></c><c r="F4"><v>-0.5</v></c><c r="G4"><v>.5</v></c><c r="H4"><v>1E-2</v></c></row>"#,
            ),
            (
                "inline strings",
                r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Trần Thị B</t></is></c><c r="B1" t="inlineStr"><is><r><t>Lò </t></r><r><rPr><i/></rPr><t xml:space="preserve">Văn  C </t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c><c r="C1" t="inlineStr"><is><t>bỏ</t></is><v>1</v></c><c r="D1" t="inlineStr"><is/></c><c r="E1" t="inlineStr"><is><t>  </t></is></c></row>"#,
            ),
            (
                "formulas",
                r#"<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>2x</v></c><c r="C1"><f/></c><c r="D1"><v>5</v><f>X</f></c><c r="E1" t="s"><f t="shared" ref="E1:E2" si="0">A1</f><v>0</v></c></row>"#,
            ),
            (
                "spaces and quotes",
                "<row r='1' >\n  <c r = 'A1' t='s' >\n    <v>0</v>\n  </c >\n  <c\n r=\"B1\"\ts=\"1\"><v>30000</v></c>\n</row >\n",
            ),
            (
                "rows out of order and listed twice",
                r#"<row r="5"><c r="A5"><v>1</v></c><c r="D5" t="s"><v>2</v></c></row><row r="2"><c r="B2"><v>3</v></c></row>
                <row r="5"><c r="B5"><v>4</v></c><c r="D5"><v>5</v></c></row><row r="9"/><row r="3"><c r="A3" t="s"><v>6</v></c></row><row><c><v>7</v></c></row>
                <row r="8"><c r="C8"><v>8</v></c></row><row r="7"><c r="E7"><v>9</v></c></row><row r="8"><c r="A8"><v>10</v></c><c r="F8"><v>11</v></c></row>"#,
            ),
            (
                "long texts",
                &format!(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>{}</t></is></c></row>"#, "ắ".repeat(40_000)),
            ),
        ];
        for (what, cells) in cases {
            let bytes = workbook_with(
                cells,
                r#"<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B4"/></mergeCells>"#,
            );
            assert_eq!(taken_and_equal(&bytes, what), 1, "{what}: declined");
            let (slow, _) = both_ways(&bytes, true).unwrap();
            assert!(
                slow[0].1.iter().flatten().filter(|c| !c.is_empty()).count() > 0,
                "{what}: no cells"
            );
            assert_eq!(slow[0].2.len(), 2, "{what}: merges");
        }
    }

    /// Dates in a workbook of the 1904 date system.
    #[test]
    fn dates_of_the_1904_system_read_as_calamine_reads_them() {
        let cells =
            r#"<row r="1"><c r="A1" s="1"><v>30000</v></c><c r="B1" s="2"><v>1</v></c></row>"#;
        let workbook = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
             <workbookPr date1904=\"1\"/><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        );
        let bytes = with_parts(&[
            ("xl/worksheets/sheet1.xml", sheet(cells, "")),
            ("xl/styles.xml", styles()),
            ("xl/workbook.xml", workbook),
        ]);
        assert_eq!(taken_and_equal(&bytes, "1904"), 1);
        let (slow, _) = both_ways(&bytes, true).unwrap();
        let plain = with_parts(&[
            ("xl/worksheets/sheet1.xml", sheet(cells, "")),
            ("xl/styles.xml", styles()),
        ]);
        let (plain, _) = both_ways(&plain, true).unwrap();
        assert_ne!(slow[0].1, plain[0].1, "the date system changes the dates");
    }

    /// A sheet's XML is read a chunk at a time: wherever a chunk ends (within a tag, a
    /// value, a character, or `</sheetData>` itself), the sheet reads the same.
    #[test]
    fn a_sheet_reads_the_same_wherever_its_chunks_end() {
        let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Lò Văn Ánh</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>30000</v></c><c r="C2" t="b"><v>1</v></c></row>
            <row><c><v>7</v></c><c t="str"><f>A1</f><v>x &amp; y</v></c></row>"#;
        let bytes = workbook_with(
            cells,
            r#"<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>"#,
        );
        let package = Package::open(&bytes).expect("the package opens");
        let mut zip = Package::zip(&bytes).unwrap();
        let whole = own_read(&package, &mut zip, "Sheet1", None).expect("read here");
        assert_eq!(whole.1.len(), 3);
        let xml_bytes = sheet(cells, "").len() + 60;
        for chunk in 1..=xml_bytes {
            assert!(
                own_read(&package, &mut zip, "Sheet1", Some(chunk)).as_ref() == Some(&whole),
                "{chunk} bytes at a time"
            );
        }
    }

    /// What lies outside this module's part of XML is declined (calamine reads it), and
    /// the cells taken for it go back to the budget.
    #[test]
    fn what_is_not_read_here_is_declined() {
        let cases: &[(&str, &str)] = &[
            (
                "comment",
                r#"<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>"#,
            ),
            (
                "unknown element",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><extLst/></c></row>"#,
            ),
            (
                "shared string out of range",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>99</v></c></row>"#,
            ),
            (
                "entity in a number",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1&amp;</v></c></row>"#,
            ),
            (
                "unknown type",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="q"><v>1</v></c></row>"#,
            ),
            (
                "bad number",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="n"><v>x</v></c></row>"#,
            ),
            (
                "bad reference",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="1B"><v>1</v></c></row>"#,
            ),
            (
                "CDATA",
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>"#,
            ),
        ];
        for (what, cells) in cases {
            let bytes = workbook_with(cells, "");
            let package = Package::open(&bytes).expect("the package opens");
            let mut zip = Package::zip(&bytes).unwrap();
            let mut budget = Budget::whole();
            assert!(
                package.sheet(&mut zip, "Sheet1", &mut budget).is_none(),
                "{what}"
            );
            let mut full = Budget::whole();
            for _ in 0..limits::CELLS {
                if budget.take().is_err() {
                    break;
                }
                full.take().unwrap();
            }
            assert!(full.take().is_err(), "{what}: cells kept from the budget");
        }
        let prefixed = with_parts(&[(
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
            ),
        )]);
        let package = Package::open(&prefixed).unwrap();
        assert!(package
            .sheet(
                &mut Package::zip(&prefixed).unwrap(),
                "Sheet1",
                &mut Budget::whole()
            )
            .is_none());
        assert_eq!(taken_and_equal(&prefixed, "prefixed"), 0);
    }

    /// A sheet's XML or its shared strings damaged anywhere (bytes changed, cut short, a run
    /// repeated; 1,500 damages drawn from a fixed seed) never makes this module panic, and the cells it
    /// still reads are those calamine reads. (Not the merged regions: after damaged cells
    /// calamine finds none, and the import has long taken them from `xlsx_merges`, which
    /// reads on.) Both outcomes occur: many damaged sheets are still read here, many are
    /// declined.
    #[test]
    fn damaged_sheets_are_read_as_calamine_reads_them_or_declined() {
        let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" s="1"><v>30000</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>Lò </t></r><r><t xml:space="preserve">Văn</t></r></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="str"><f>A1</f><v>x &amp; y_x000D_</v></c></row><row><c><v>7</v></c><c/><c t="e"><v>#N/A</v></c></row>"#;
        let whole = sheet(
            cells,
            r#"<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>"#,
        )
        .into_bytes();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        let (mut read, mut declined) = (0, 0);
        for round in 0..1_500 {
            // One round in three damages the shared strings instead.
            let in_strings = round % 3 == 2;
            let mut xml = match in_strings {
                true => strings().into_bytes(),
                false => whole.clone(),
            };
            for _ in 0..1 + next(3) {
                let at = next(xml.len());
                match next(4) {
                    0 => xml[at] = next(256) as u8,
                    1 => xml[at] = b"<>/=\"' &;:x0"[next(12)],
                    2 => xml.truncate(at.max(1)),
                    _ => {
                        let run = xml[at..(at + next(16)).min(xml.len())].to_vec();
                        xml.splice(at..at, run);
                    }
                }
            }
            let damaged = String::from_utf8_lossy(&xml).into_owned();
            let (sheet_xml, strings_xml) = match in_strings {
                true => (String::from_utf8_lossy(&whole).into_owned(), damaged),
                false => (damaged, strings()),
            };
            let bytes = with_parts(&[
                ("xl/worksheets/sheet1.xml", sheet_xml),
                ("xl/sharedStrings.xml", strings_xml),
                ("xl/styles.xml", styles()),
            ]);
            match taken_and_equal_in(&bytes, "damaged", false) {
                0 => declined += 1,
                _ => read += 1,
            }
        }
        assert!(
            read > 100 && declined > 100,
            "{read} read, {declined} declined"
        );
    }

    /// `bytes` with the part `name` declaring itself `shorter` bytes shorter than it is, in
    /// its local header and in the central directory.
    fn declared_shorter(bytes: &[u8], name: &str, shorter: u32) -> Vec<u8> {
        let mut out = bytes.to_vec();
        let mut patched = 0;
        // (signature, offset of the name's length, offset of the name, offset of the size)
        for (sig, len_at, name_at, size_at) in
            [(0x0403_4b50u32, 26, 30, 22), (0x0201_4b50u32, 28, 46, 24)]
        {
            let sig = sig.to_le_bytes();
            for at in memchr::memmem::find_iter(bytes, &sig) {
                let field = |o: usize, n: usize| bytes.get(at + o..at + o + n);
                let Some(len) = field(len_at, 2) else {
                    continue;
                };
                let len = u16::from_le_bytes([len[0], len[1]]) as usize;
                if field(name_at, len) != Some(name.as_bytes()) {
                    continue;
                }
                let size = u32::from_le_bytes(field(size_at, 4).unwrap().try_into().unwrap());
                out[at + size_at..at + size_at + 4]
                    .copy_from_slice(&(size - shorter).to_le_bytes());
                patched += 1;
            }
        }
        assert_eq!(patched, 2, "{name} patched in both headers");
        out
    }

    #[test]
    fn parts_read_to_their_end_say_so_and_a_part_longer_than_it_declares_does_not() {
        let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#;
        // Two megabytes of spaces after the merged regions: the cells end in a read of
        // their own, and the declared size is passed only after them.
        let merged = r#"<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>"#;
        let bytes = workbook_with(cells, &format!("{merged}{}", " ".repeat(2 << 20)));
        let zip = Package::zip(&bytes).unwrap();
        let index = |name: &str| zip.index_for_name(name).unwrap();
        let (sheet, strings, styles) = (
            index("xl/worksheets/sheet1.xml"),
            index("xl/sharedStrings.xml"),
            index("xl/styles.xml"),
        );
        let read_whole = |bytes: &[u8]| {
            let package = Package::open(bytes).expect("the package opens");
            let mut zip = Package::zip(bytes).unwrap();
            let mut budget = Budget::whole();
            let read = package.sheet(&mut zip, "Sheet1", &mut budget);
            let mut whole = package.whole().to_vec();
            whole.sort_unstable();
            (whole, read.map(|r| r.map(|r| (r.whole, r.merges.len()))))
        };
        let mut shared = vec![strings, styles];
        shared.sort_unstable();
        assert_eq!(
            read_whole(&bytes),
            (shared.clone(), Some(Ok((Some(sheet), 1))))
        );
        // The sheet's XML past its declared size: the zip reader stops there, so the part
        // is not read whole (`zipcheck::verify` inflates it and refuses the file).
        for shorter in [1, 20, 200] {
            let lying = declared_shorter(&bytes, "xl/worksheets/sheet1.xml", shorter);
            let (whole, read) = read_whole(&lying);
            assert_eq!(whole, shared);
            assert_eq!(read, Some(Ok((None, 0))), "{shorter} bytes short");
        }
        let lying = declared_shorter(&bytes, "xl/sharedStrings.xml", 1);
        assert!(
            Package::open(&lying).is_none(),
            "shared strings past their size"
        );
    }

    /// A sheet longer than many chunks, and several sheets, read as calamine reads them.
    #[test]
    fn a_long_sheet_reads_across_chunks() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        for k in 0..2 {
            let s = book.add_worksheet();
            for r in 0..30_000u32 {
                s.write(r, 0, format!("Người {k}-{r}")).unwrap();
                s.write_with_format(r, 1, 20_000.0 + f64::from(r), &date)
                    .unwrap();
                s.write(r, 2, if r % 3 == 0 { "Nữ" } else { "Nam" })
                    .unwrap();
                if r % 7 == 0 {
                    s.write(r, 5, f64::from(r) / 7.0).unwrap();
                }
            }
            s.merge_range(0, 7, 1, 8, "gộp", &rust_xlsxwriter::Format::new())
                .unwrap();
        }
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(taken_and_equal(&bytes, "long"), 2);
    }

    /// A big sheet's rows are read two runs at a time, the helper's and this thread's, and
    /// give the grid read on one thread: taken in order, each run's cells from the budget.
    #[test]
    fn a_big_sheet_read_on_two_threads_is_the_sheet_read_on_one() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let s = book.add_worksheet();
        // Past the size from which two threads read a sheet (some 140 bytes a row).
        let rows = (TWO_PARSERS_AT_LEAST / 130) as u32 + 1_000;
        for r in 0..rows {
            s.write(r, 0, format!("Người {r}")).unwrap();
            s.write(r, 1, if r % 3 == 0 { "Nữ" } else { "Nam" })
                .unwrap();
            s.write(r, 2, f64::from(r)).unwrap();
            if r % 5 == 0 {
                s.write(r, 3 + (r % 11) as u16, "x").unwrap();
            }
        }
        let bytes = book.save_to_buffer().unwrap();
        let package = Package::open(&bytes).unwrap();
        let mut zip = Package::zip(&bytes).unwrap();
        let size = zip.by_name("xl/worksheets/sheet1.xml").unwrap().size();
        assert!(
            size >= TWO_PARSERS_AT_LEAST,
            "{size} bytes: too small to be read on two"
        );
        RUNS_TAKEN.with(|n| n.set(0));
        let two = own_read(&package, &mut zip, "Sheet1", None).expect("read");
        let runs = RUNS_TAKEN.with(std::cell::Cell::get);
        assert!(runs >= 4, "{runs} runs read apart");
        assert_eq!(two.1.len(), rows as usize);
        TWO_PARSERS_FOR_TESTS.with(|t| t.set(Some(false)));
        let one = own_read(&package, &mut zip, "Sheet1", None).expect("read");
        assert_eq!(
            RUNS_TAKEN.with(std::cell::Cell::get),
            runs,
            "none read apart"
        );
        assert!(two == one);
        // Within a budget a cell too small for the sheet, the limit, as on one thread; and
        // the sheet within one just large enough.
        let cells: usize = one.1.iter().flatten().filter(|c| !c.is_empty()).count();
        for (two_threads, cells, fits) in [
            (true, cells - 1, false),
            (false, cells - 1, false),
            (true, cells, true),
        ] {
            TWO_PARSERS_FOR_TESTS.with(|t| t.set(Some(two_threads)));
            let mut budget = Budget::with_cells_for_tests(cells as u64);
            let read = package
                .sheet(&mut zip, "Sheet1", &mut budget)
                .expect("not declined");
            assert_eq!(
                read.is_ok(),
                fits,
                "{cells} cells on two threads: {two_threads}"
            );
        }
        TWO_PARSERS_FOR_TESTS.with(|t| t.set(None));
    }
}
