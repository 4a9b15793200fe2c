//! Any bytes → the whole import (format sniffed from the bytes), then the report; and the
//! same bytes through each reader with its format forced. Errors are fine; a panic, a hang
//! or an allocation past the limits is a finding.
#![no_main]

use canbo_core::read::{read_as, Format};
use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let forced = match mode % 8 {
        0 => Some(Format::Xlsx),
        1 => Some(Format::Xls),
        2 => Some(Format::Ods),
        3 => Some(Format::Xlsb),
        4 => Some(Format::Csv),
        _ => None,
    };
    match forced {
        Some(format) => {
            let _ = read_as("fuzz", bytes, format);
        }
        None => {
            let imported = import(
                &[FileInput {
                    name: "fuzz.xlsx".into(),
                    bytes: bytes.to_vec(),
                }],
                &Overrides::default(),
            );
            let _ = report(&imported.roster, &ReportOptions::default());
        }
    }
});
