//! An xls workbook stream (BIFF), looked through before calamine opens it. calamine 0.38
//! parses every sheet when it opens the file and keeps each as a dense grid over the box
//! around its cells (`Range::from_sparse`), after reserving room for the box its DIMENSIONS
//! record declares: a hostile file with a cell at A1 and one at IV65536, or a DIMENSIONS of
//! 4 billion rows, makes it allocate gigabytes (or panic on "capacity overflow") before Canbo
//! sees a cell. It also indexes a few records without checking their length.
//!
//! So the records are walked here as calamine walks them (the globals up to their EOF, then
//! each sheet from where its BOUNDSHEET record says it starts), and the file is refused when:
//! - a record calamine reads at fixed offsets is shorter than those fields (`Corrupt`);
//! - a sheet starts past the end of the stream (`Corrupt`: calamine would panic);
//! - a DIMENSIONS or MULRK record ends before it starts (`Corrupt`);
//! - the grids calamine would allocate, all sheets together, hold more than one cell per byte
//!   of the stream plus [`limits::GRID_SLACK`] (`TooLarge`). A real sheet's box is
//!   mostly cells, and each cell record takes at least 6 bytes, so real files are far under.

use super::limits;
use crate::error::Limit;

/// Why the stream is refused.
#[derive(Debug)]
pub(super) enum Refused {
    Corrupt(String),
    TooLarge(Limit),
}

/// One record: its type and data (a CONTINUE record is a record of its own here: calamine
/// appends it to the one before, and no check below reads past that one's data).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let head = rest.get(..4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        // A record cut short: calamine stops there with an error of its own.
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> u32 {
    u32::from(u16::from_le_bytes([data[at], data[at + 1]]))
}

fn u32_at(data: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
}

/// The shortest data calamine reads at fixed offsets without checking, by record type.
fn shortest(typ: u16) -> usize {
    match typ {
        0x002F | 0x0042 | 0x0022 | 0x0809 | 0x0017 => 2, // FilePass, CodePage, DateMode, BOF, ExternSheet
        0x0085 => 6,                                     // BoundSheet8
        0x0018 => 14,                                    // Lbl
        _ => 0,
    }
}

/// The box around some cells: rows and columns seen, as calamine's `from_sparse` takes them.
#[derive(Default)]
struct Bounds(Option<(u32, u32, u32, u32)>);

impl Bounds {
    fn add(&mut self, row: u32, col: u32) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }
}

pub(super) fn check(stream: &[u8]) -> Result<(), Refused> {
    let corrupt = |why: String| Err(Refused::Corrupt(why));
    let mut starts = Vec::new();
    for (typ, data) in records(stream) {
        if data.len() < shortest(typ) {
            return corrupt(format!(
                "record {typ:#06x} holds {} bytes, fewer than its fields",
                data.len()
            ));
        }
        match typ {
            // FilePass: the rest is encrypted; calamine stops here and says so.
            0x002F if u16_at(data, 0) != 0 => return Ok(()),
            0x0085 => starts.push(u32_at(data, 0) as usize),
            0x000A => break,
            _ => {}
        }
    }
    let max = stream.len() as u64 + limits::GRID_SLACK;
    let mut grids = 0u64;
    for start in starts {
        let Some(sheet) = stream.get(start..) else {
            return corrupt(format!(
                "a sheet starts at byte {start}, past the end of the workbook stream ({} bytes)",
                stream.len()
            ));
        };
        let (mut values, mut formulas) = (Bounds::default(), Bounds::default());
        let mut formula_at = (0, 0);
        let (mut seen_bof, mut depth) = (false, 0usize);
        for (typ, data) in records(sheet) {
            // Nested substreams (embedded charts) are skipped, as calamine skips them.
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                // DIMENSIONS: calamine reserves its rows × columns of cells.
                0x0200 => {
                    let (first_row, last_row, mut first_col, last_col) = match data.len() {
                        10 => (
                            u16_at(data, 0),
                            u16_at(data, 2),
                            u16_at(data, 4),
                            u16_at(data, 6),
                        ),
                        14 | 16 => (
                            u32_at(data, 0),
                            u32_at(data, 4),
                            u16_at(data, 8),
                            u16_at(data, 10),
                        ),
                        _ => break, // calamine refuses the record itself
                    };
                    if first_col > 0xFF || last_col < first_col {
                        first_col = 0;
                    }
                    if last_row >= 1 && last_col >= 1 {
                        if last_row - 1 < first_row || last_col - 1 < first_col {
                            return corrupt(format!(
                                "a DIMENSIONS record ends before it starts (rows {first_row}–{last_row}, columns {first_col}–{last_col})"
                            ));
                        }
                        grids += u64::from(last_row - first_row) * u64::from(last_col - first_col);
                    }
                }
                // Number, Label, RString, BoolErr, Rk, LabelSst: one cell at (row, column).
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD if data.len() >= 4 => {
                    values.add(u16_at(data, 0), u16_at(data, 2));
                }
                // MulRk: a run of cells on one row.
                0x00BD if data.len() >= 6 => {
                    let (row, first, last) = (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, data.len() - 2),
                    );
                    if last < first {
                        return corrupt(format!(
                            "a MULRK record's columns run backwards ({first} to {last})"
                        ));
                    }
                    values.add(row, first);
                    values.add(row, last);
                }
                // Formula: its value and its text, each in a grid of its own.
                0x0006 if data.len() >= 20 => {
                    formula_at = (u16_at(data, 0), u16_at(data, 2));
                    values.add(formula_at.0, formula_at.1);
                    formulas.add(formula_at.0, formula_at.1);
                }
                // String: the text value of the formula before it.
                0x0207 => values.add(formula_at.0, formula_at.1),
                _ => {}
            }
        }
        grids += values.cells() + formulas.cells();
        if grids > max {
            return Err(Refused::TooLarge(Limit::Grid { cells: grids, max }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    /// Globals (BOF, one BOUNDSHEET, EOF) then one sheet of these records.
    fn workbook(sheet_records: &[Vec<u8>]) -> Vec<u8> {
        let bof = record(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        let eof = record(0x000A, &[]);
        let mut globals = bof.clone();
        // BOF, BOUNDSHEET (4 + 10 bytes), EOF: the sheet starts after them.
        let start = (bof.len() + 14 + eof.len()) as u32;
        let mut bound = start.to_le_bytes().to_vec();
        bound.extend([0, 0, 2, 0, b'D', b'S']);
        globals.extend(record(0x0085, &bound));
        globals.extend(&eof);
        assert_eq!(globals.len() as u32, start);
        globals.extend(record(0x0809, &[0x00, 0x06, 0x10, 0x00]));
        for r in sheet_records {
            globals.extend(r);
        }
        globals.extend(eof);
        globals
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend([0; 10]);
        record(0x0203, &data)
    }

    #[test]
    fn a_dense_sheet_passes() {
        let cells: Vec<Vec<u8>> = (0..50)
            .flat_map(|r| (0..10).map(move |c| number(r, c)))
            .collect();
        assert!(check(&workbook(&cells)).is_ok());
    }

    #[test]
    fn two_cells_at_opposite_corners_are_too_large() {
        let stream = workbook(&[number(0, 0), number(65535, 255)]);
        match check(&stream) {
            Err(Refused::TooLarge(Limit::Grid { cells, .. })) => assert_eq!(cells, 65536 * 256),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_dimensions_of_four_billion_rows_is_too_large() {
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(u32::MAX.to_le_bytes());
        dims.extend([0, 0, 10, 0, 0, 0]);
        let stream = workbook(&[record(0x0200, &dims), number(0, 0)]);
        assert!(matches!(
            check(&stream),
            Err(Refused::TooLarge(Limit::Grid { .. }))
        ));
    }

    #[test]
    fn a_dimensions_ending_before_it_starts_is_corrupt() {
        let mut dims = 10u32.to_le_bytes().to_vec();
        dims.extend(5u32.to_le_bytes());
        dims.extend([0, 0, 10, 0, 0, 0]);
        let stream = workbook(&[record(0x0200, &dims)]);
        assert!(matches!(check(&stream), Err(Refused::Corrupt(_))));
    }

    #[test]
    fn after_a_file_pass_record_nothing_is_read() {
        // An encrypted workbook: calamine says "password" at FilePass; what follows is
        // ciphertext, which would look like a broken DIMENSIONS.
        let mut stream = record(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        stream.extend(record(0x002F, &[1, 0, 1, 0]));
        stream.extend(record(0x0042, &[1]));
        assert!(check(&stream).is_ok());
    }

    #[test]
    fn a_sheet_past_the_end_and_a_short_record_are_corrupt() {
        let mut stream = record(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        stream.extend(record(0x0085, &[0xFF, 0xFF, 0, 0, 0, 0, 2, 0, b'D', b'S']));
        stream.extend(record(0x000A, &[]));
        assert!(matches!(check(&stream), Err(Refused::Corrupt(r)) if r.contains("past the end")));
        let short = record(0x0042, &[1]);
        assert!(matches!(check(&short), Err(Refused::Corrupt(r)) if r.contains("0x0042")));
    }
}
