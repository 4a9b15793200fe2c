//! The per-unit form as CSV (UTF-8 with a BOM, so Excel opens Vietnamese text correctly).

use super::{table, Lang};
use crate::report::Report;
use crate::share::Hidden;

pub fn report(report: &Report) -> String {
    report_hiding(report, &Hidden::default())
}

/// [`report`] of a shared report whose hidden figures read `<3`.
pub fn report_hiding(report: &Report, hidden: &Hidden) -> String {
    let columns = table::columns(report, Lang::Vi);
    let mut out = String::from("\u{feff}");
    let mut header = vec![quote("Đơn vị")];
    header.extend(columns.iter().map(|c| {
        quote(&if c.group == c.label {
            c.label.clone()
        } else {
            format!("{} - {}", c.group, c.label)
        })
    }));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (row, (unit, figures)) in table::rows(report, Lang::Vi).into_iter().enumerate() {
        let mut line = vec![quote(&unit)];
        line.extend(columns.iter().map(|c| {
            c.shown(row, figures, hidden)
                .map_or(String::new(), |n| n.to_string())
        }));
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Every text field, made inert and quoted ([`super::inert::csv_field`]).
fn quote(text: &str) -> String {
    super::inert::csv_field(text)
}
