//! An ods file's `content.xml`, looked through before calamine reads it. calamine 0.38 reads
//! each table row into a list with every cell repeated as `table:number-columns-repeated`
//! says (up to 16,384 a row), then copies the table into a dense grid over the box around its
//! cells with rows repeated as `table:number-rows-repeated` says, refusing only past 100
//! million cells: a few hundred bytes of XML (one cell repeated 16,384 times in a row
//! repeated 6,000 times) ask for 98 million cells, some 5 GB, before Canbo sees one.
//!
//! So the cells calamine would hold are counted here, as calamine counts them: per row, up to
//! its last cell with a value (columns repeated); per table, the box around its cells with a
//! value (rows and columns repeated). Past one cell per byte of `content.xml` plus
//! [`limits::GRID_SLACK`], all tables together, the file is refused (`Limit::Grid`), the
//! same rule as an xls file's. A real sheet's cells each take tens of bytes of XML.

use super::limits;
use crate::error::Limit;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{BufReader, Cursor, Read};

/// calamine's own caps on rows and on columns.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// `Err` with the limit when the tables would hold too many cells; `Ok` also when the file
/// has no readable `content.xml` (calamine says so itself).
pub(super) fn check(bytes: &[u8]) -> Result<(), Limit> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let declared = content.size();
    // `zipcheck` has bounded the part; read no more than it declares.
    count(BufReader::new(content.take(declared)), declared)
}

/// One table's count so far.
#[derive(Default)]
struct Table {
    /// Cells in calamine's row lists: each row up to its last cell with a value.
    listed: u64,
    /// The rows calamine has seen (repeats counted, capped as calamine caps them).
    rows: u64,
    /// The box around the cells with a value: first and last row, first and last column.
    rows_with_values: Option<(u64, u64)>,
    columns_with_values: Option<(u64, u64)>,
    formulas: bool,
}

impl Table {
    fn cells(&self) -> u64 {
        let span = |b: Option<(u64, u64)>| b.map_or(0, |(first, last)| last + 1 - first);
        let grid = span(self.rows_with_values) * span(self.columns_with_values);
        // Formulas get a grid of their own over (at most) the same box.
        self.listed + grid * if self.formulas { 2 } else { 1 }
    }
}

fn number(e: &BytesStart<'_>, name: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
}

fn has(e: &BytesStart<'_>, name: &str) -> bool {
    e.attributes().flatten().any(|a| a.key.as_ref() == name)
}

/// A cell of `repeat` columns from `first`: when it has a value, the row's span grows.
fn add_cell(first: u64, repeat: u64, valued: bool, row: &mut Option<(u64, u64)>) {
    if valued && repeat > 0 {
        let last = first + repeat - 1;
        *row = Some(row.map_or((first, last), |(a, _)| (a.min(first), last)));
    }
}

fn count(source: impl std::io::BufRead, xml_bytes: u64) -> Result<(), Limit> {
    let max = xml_bytes + limits::GRID_SLACK;
    let mut reader = Reader::from_reader(source);
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut table = Table::default();
    // The row being read: its repeat, the next column, its cells with a value.
    let mut row_repeat = 1u64;
    let mut column = 0u64;
    let mut row_values: Option<(u64, u64)> = None;
    // The cell being read (a start tag, not yet closed): its first column, its repeat, and
    // whether it has a value so far.
    let mut open_cell: Option<(u64, u64, bool)> = None;
    let over = |cells: u64| {
        if cells > max {
            Err(Limit::Grid { cells, max })
        } else {
            Ok(())
        }
    };
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break, // calamine reports a broken file itself
            Ok(event) => event,
        };
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                table = Table::default();
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                total += table.cells();
                over(total)?;
                table = Table::default();
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                let left = MAX_ROWS.saturating_sub(table.rows);
                row_repeat = number(&e, "table:number-rows-repeated").min(left);
                column = 0;
                row_values = None;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let Some((first, last)) = row_values {
                    table.listed += last + 1;
                    let (top, bottom) = (table.rows, table.rows + row_repeat.max(1) - 1);
                    table.rows_with_values = Some(
                        table
                            .rows_with_values
                            .map_or((top, bottom), |(a, _)| (a, bottom)),
                    );
                    table.columns_with_values = Some(
                        table
                            .columns_with_values
                            .map_or((first, last), |(a, b)| (a.min(first), b.max(last))),
                    );
                    over(total + table.cells())?;
                }
                table.rows += row_repeat;
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let repeat = number(e, "table:number-columns-repeated")
                    .min(MAX_COLUMNS.saturating_sub(column));
                let formula = has(e, "table:formula");
                table.formulas |= formula;
                let valued = formula || has(e, "office:value-type");
                if matches!(event, Event::Empty(_)) {
                    add_cell(column, repeat, valued, &mut row_values);
                    column += repeat;
                } else {
                    open_cell = Some((column, repeat, valued));
                }
            }
            // Text in a cell (an entity such as `&amp;` comes as a reference of its own).
            Event::Text(t) if open_cell.is_some() && !t.as_ref().trim_ascii().is_empty() => {
                if let Some(cell) = open_cell.as_mut() {
                    cell.2 = true;
                }
            }
            Event::GeneralRef(_) => {
                if let Some(cell) = open_cell.as_mut() {
                    cell.2 = true;
                }
            }
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let Some((first, repeat, valued)) = open_cell.take() {
                    add_cell(first, repeat, valued, &mut row_values);
                    column = first + repeat;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    over(total + table.cells())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="DS">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn check_xml(xml: &str) -> Result<(), Limit> {
        count(xml.as_bytes(), xml.len() as u64)
    }

    #[test]
    fn a_plain_table_and_trailing_empty_repeats_pass() {
        let row = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Lò Văn A</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row>"#;
        let tail = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
        assert!(check_xml(&content(&(row.repeat(500) + tail))).is_ok());
    }

    #[test]
    fn one_cell_repeated_across_rows_and_columns_is_too_large() {
        let rows = r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        match check_xml(&content(rows)) {
            Err(Limit::Grid { cells, .. }) => assert!(cells >= 6000 * 16384, "{cells}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_cell_far_from_the_others_is_too_large() {
        let rows = r#"<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="5000"/><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row>"#;
        assert!(matches!(check_xml(&content(rows)), Err(Limit::Grid { .. })));
    }

    #[test]
    fn wide_rows_each_repeating_one_cell_are_too_large() {
        // No row repeats: calamine's row lists alone hold 16,384 cells a row.
        let row = r#"<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#;
        assert!(matches!(
            check_xml(&content(&row.repeat(200))),
            Err(Limit::Grid { .. })
        ));
    }
}
