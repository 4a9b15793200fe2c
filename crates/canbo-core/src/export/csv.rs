//! CSV as Canbo writes it: UTF-8 with a BOM (so Excel opens Vietnamese text correctly), CRLF
//! line ends, RFC 4180 quoting, every field made inert against formula injection. [`line`]
//! is the one way a CSV line is built: the per-unit form here, the standards and the
//! retirement forecast ([`super::standards`], [`super::retirement`]) all go through it.

use super::{table, Lang};
use crate::report::Report;
use crate::share::Hidden;

/// What every CSV file starts with: the byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// One CSV field: inert ([`super::inert::csv_field`]: `'` before a formula's first
/// character), then quoted when it holds a separator, a quote or a line break.
pub fn field(text: &str) -> String {
    super::inert::csv_field(text)
}

/// One CSV line: the fields through [`field`], separated by commas, ended by CRLF.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    format!("{}\r\n", quoted.join(","))
}

pub fn report(report: &Report) -> String {
    report_hiding(report, &Hidden::default())
}

/// [`report`] of a shared report whose hidden figures read `<3`.
pub fn report_hiding(report: &Report, hidden: &Hidden) -> String {
    let columns = table::columns(report, Lang::Vi);
    let mut out = String::from(BOM);
    let mut header = vec!["Đơn vị".to_string()];
    header.extend(columns.iter().map(|c| {
        if c.group == c.label {
            c.label.clone()
        } else {
            format!("{} - {}", c.group, c.label)
        }
    }));
    out.push_str(&line(&header));
    for (row, (unit, figures)) in table::rows(report, Lang::Vi).into_iter().enumerate() {
        let mut cells = vec![unit];
        cells.extend(columns.iter().map(|c| {
            c.shown(row, figures, hidden)
                .map_or(String::new(), |n| n.to_string())
        }));
        out.push_str(&line(&cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_quotes_only_what_needs_it_and_ends_with_crlf() {
        assert_eq!(line(&["a", "b,c", "d\"e"]), "a,\"b,c\",\"d\"\"e\"\r\n");
        assert_eq!(line(&["x\ny", "", "-3"]), "\"x\ny\",,-3\r\n");
    }

    #[test]
    fn a_line_makes_formulas_inert() {
        assert_eq!(
            line(&["=HYPERLINK(\"x\")", "+1+1", "@A1", "-3"]),
            "\"'=HYPERLINK(\"\"x\"\")\",'+1+1,'@A1,-3\r\n"
        );
    }
}
