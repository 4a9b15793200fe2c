//! Any text as a CSV roster → the whole import and the report.
#![no_main]

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let imported = import(
        &[FileInput {
            name: "fuzz.csv".into(),
            bytes: text.as_bytes().to_vec(),
        }],
        &Overrides::default(),
    );
    let r = report(&imported.roster, &ReportOptions::default());
    let _ = canbo_core::export::csv::report(&r);
});
