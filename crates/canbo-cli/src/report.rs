//! `canbo report`.

use crate::common::{self, CliError, Format};
use canbo_core::export;
use canbo_core::report::{report, AgeBands, ReportOptions};
use canbo_core::Date;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Report date (YYYY-MM-DD); ages are completed years on this day. Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<Date>,
    /// Age bands as ascending lower bounds, e.g. 30,46,61. Default: the official 31,41,51,61.
    #[arg(long, value_name = "30,46,61")]
    age_bands: Option<AgeBands>,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: common::Input,
}

pub fn run(args: Args) -> Result<(), CliError> {
    common::require_file_for_xlsx(args.format, args.output.as_deref())?;
    let imported = common::load(&args.input)?;
    let options = ReportOptions {
        as_of: common::as_of(args.as_of),
        bands: args.age_bands.unwrap_or_default(),
        ..Default::default()
    };
    let report = report(&imported.roster, &options);
    let bytes = match args.format {
        Format::Json => common::json(&report),
        Format::Text => export::text::report(&report, export::Lang::Vi).into_bytes(),
        Format::Csv => export::csv::report(&report).into_bytes(),
        Format::Xlsx => {
            export::xlsx::report(&report).map_err(|e| CliError::Output(format!("xlsx: {e}")))?
        }
    };
    common::emit(&bytes, args.output.as_deref())
}
