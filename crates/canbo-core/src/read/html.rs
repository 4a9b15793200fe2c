//! An HTML table saved as .xls: what many personnel systems export, and what Excel opens
//! without complaint. Each `<table>` becomes a sheet; `colspan` and `rowspan` become merged
//! regions, placed as the HTML table model places them. The scanner is a loop over the text
//! (no recursion, no DOM), so nesting depth costs nothing and its work is linear.

use super::limits;
use super::spreadsheet::{text as text_cell, Budget};
use super::{Cell, Merge, Sheet};
use crate::error::Limit;

/// The sheets of the tables found (none when there is no `<table>`).
pub(super) fn parse(file: &str, html: &str) -> Result<Vec<Sheet>, Limit> {
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut budget = Budget::whole();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut table: Option<Table> = None;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if let Some(t) = table.as_mut() {
            t.text(text);
        }
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = tag_end(rest) else { break };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let (closing, name, attrs) = split_tag(tag);
        match (closing, name.as_str()) {
            (false, "script" | "style") => {
                let end = format!("</{name}");
                rest = find_ignoring_case(rest, &end).map_or("", |at| &rest[at..]);
            }
            (false, "table") => {
                if let Some(done) = table.take() {
                    sheets.push(done.finish(stem, sheets.len()));
                }
                table = Some(Table::default());
            }
            (true, "table") => {
                if let Some(done) = table.take() {
                    sheets.push(done.finish(stem, sheets.len()));
                }
            }
            (false, "tr") => {
                if let Some(t) = table.as_mut() {
                    t.row(&mut budget)?;
                }
            }
            (false, "td" | "th") => {
                if let Some(t) = table.as_mut() {
                    t.cell(attrs, &mut budget)?;
                }
            }
            (true, "td" | "th" | "tr") => {
                if let Some(t) = table.as_mut() {
                    t.end_cell();
                }
            }
            (false, "br" | "p" | "div") => {
                if let Some(t) = table.as_mut() {
                    t.text("\n");
                }
            }
            _ => {}
        }
    }
    if let Some(done) = table.take() {
        sheets.push(done.finish(stem, sheets.len()));
    }
    sheets.retain(|s| !s.rows.is_empty());
    Ok(sheets)
}

/// Where `needle` (ASCII) starts in `hay`, case ignored.
fn find_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    memchr::memchr_iter(b'<', hay).find(|&at| {
        hay.get(at..at + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    })
}

/// The index of the `>` that ends the tag starting `s`, quotes respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `/td` → (true, "td", ""); `td colspan=2` → (false, "td", "colspan=2").
fn split_tag(tag: &str) -> (bool, String, &str) {
    let (closing, tag) = match tag.strip_prefix('/') {
        Some(t) => (true, t),
        None => (false, tag),
    };
    let end = tag
        .find(|c: char| c.is_ascii_whitespace() || c == '/')
        .unwrap_or(tag.len());
    (closing, tag[..end].to_ascii_lowercase(), &tag[end..])
}

/// The number of `name="3"` (or `name=3`) in a tag's attributes, 1 when absent.
fn span(attrs: &str, name: &str, max: usize) -> usize {
    let lower = attrs.to_ascii_lowercase();
    let Some(at) = lower.find(name) else { return 1 };
    let value = lower[at + name.len()..]
        .trim_start()
        .strip_prefix('=')
        .unwrap_or("")
        .trim_start()
        .trim_start_matches(['"', '\'']);
    let digits: String = value
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, max)
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    merges: Vec<Merge>,
    /// For each column, how many more rows a rowspan above still covers.
    covered: Vec<usize>,
    /// The cell being read: its row, column and text.
    open: Option<(usize, usize, String)>,
    col: usize,
}

impl Table {
    fn row(&mut self, budget: &mut Budget) -> Result<(), Limit> {
        self.end_cell();
        if self.rows.len() >= limits::ROWS {
            return Err(Limit::Cells { max: limits::CELLS });
        }
        if !self.rows.is_empty() {
            for c in self.covered.iter_mut() {
                *c = c.saturating_sub(1);
            }
        }
        self.rows.push(Vec::new());
        self.col = 0;
        budget.take()
    }

    fn cell(&mut self, attrs: &str, budget: &mut Budget) -> Result<(), Limit> {
        self.end_cell();
        if self.rows.is_empty() {
            self.row(budget)?;
        }
        budget.take()?;
        let r = self.rows.len() - 1;
        while self.covered.get(self.col).is_some_and(|&n| n > 0) {
            self.col += 1;
        }
        let c = self.col;
        let cols = span(attrs, "colspan", limits::COLUMNS);
        let rows = span(attrs, "rowspan", limits::ROWS - r);
        if cols > 1 || rows > 1 {
            self.merges.push(Merge {
                first_row: r,
                first_col: c,
                last_row: r + rows - 1,
                last_col: c + cols - 1,
            });
        }
        if rows > 1 {
            let last = (c + cols).min(limits::COLUMNS);
            if self.covered.len() < last {
                self.covered.resize(last, 0);
            }
            for n in &mut self.covered[c.min(last)..last] {
                *n = rows;
            }
        }
        self.col = c + cols;
        self.open = Some((r, c, String::new()));
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if let Some((_, _, buf)) = self.open.as_mut() {
            if buf.len() < limits::CELL_CHARS * 4 {
                buf.push_str(text);
            }
        }
    }

    fn end_cell(&mut self) {
        let Some((r, c, raw)) = self.open.take() else {
            return;
        };
        if c >= limits::COLUMNS {
            return;
        }
        let value = decode(&raw);
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(row) = self.rows.get_mut(r) else {
            return;
        };
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = if value.is_empty() {
            Cell::Empty
        } else {
            text_cell(&value)
        };
    }

    fn finish(mut self, stem: &str, index: usize) -> Sheet {
        self.end_cell();
        Sheet {
            name: if index == 0 {
                stem.to_string()
            } else {
                format!("{stem} ({})", index + 1)
            },
            hidden: false,
            rows: self.rows,
            merges: self.merges,
        }
    }
}

/// `&amp;`, `&nbsp;`, `&#7879;`, `&#x1EC7;` and the like, as text.
fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_with_spans_and_entities_becomes_a_sheet() {
        let html = "<html><head><style>td{x:1}</style></head><body>\
            <table border=1><tr><th rowspan=\"2\">Họ và tên</th><th colspan=2>Ngày sinh</th></tr>\
            <tr><th>Nam</th><th>N&#7919;</th></tr>\
            <tr><td>Nguy&ecirc;n &amp; Văn<br>A</td><td>01/01/1970</td><td></td></tr>\
            <!-- <tr><td>hidden</td></tr> --></table></body></html>";
        let sheets = parse("danh-sach.xls", html).unwrap();
        assert_eq!(sheets.len(), 1);
        let s = &sheets[0];
        assert_eq!(s.name, "danh-sach");
        assert_eq!(s.cell(0, 0), &Cell::Text("Họ và tên".into()));
        assert_eq!(s.cell(0, 1), &Cell::Text("Ngày sinh".into()));
        assert_eq!(s.cell(1, 1), &Cell::Text("Nam".into()));
        assert_eq!(s.cell(1, 2), &Cell::Text("Nữ".into()));
        // An unknown entity is kept as written.
        assert_eq!(s.cell(2, 0), &Cell::Text("Nguy&ecirc;n & Văn A".into()));
        assert_eq!(s.rows.len(), 3);
        assert_eq!(
            s.merges,
            vec![
                Merge {
                    first_row: 0,
                    first_col: 0,
                    last_row: 1,
                    last_col: 0
                },
                Merge {
                    first_row: 0,
                    first_col: 1,
                    last_row: 0,
                    last_col: 2
                }
            ]
        );
    }

    #[test]
    fn absurd_spans_are_capped() {
        let html = "<table><tr><td colspan=99999999 rowspan=99999999>x</td><td>y</td></tr>\
                    <tr><td>z</td></tr></table>";
        let s = &parse("t.xls", html).unwrap()[0];
        assert_eq!(s.cell(0, 0), &Cell::Text("x".into()));
        assert!(s.merges[0].last_col < limits::COLUMNS);
    }
}
