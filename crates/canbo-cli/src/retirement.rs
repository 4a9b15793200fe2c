//! `canbo retirement`: who reaches the legal retirement age in each of the coming years.

use crate::common::{self, CliError, Format};
use canbo_core::export;
use canbo_core::retirement::{self, RetirementLaw, RetirementOptions};

#[derive(clap::Args)]
pub struct Args {
    /// How many calendar years to look ahead, from the year of --as-of (earlier dates are
    /// overdue).
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=i64::from(canbo_core::retirement::MAX_YEARS)))]
    years: u32,
    /// json (canbo.retirement/1), text, or csv (one line per person).
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    #[command(flatten)]
    common: common::Common,
}

pub fn run(args: Args) -> Result<(), CliError> {
    if args.format == Format::Xlsx {
        return Err(CliError::Usage(
            "retirement: --format xlsx is not available; use json, text or csv".into(),
        ));
    }
    let roster = args.common.roster()?;
    let lang = args.common.lang();
    let options = RetirementOptions {
        as_of: args.common.as_of(),
        years: args.years,
    };
    let law = RetirementLaw::default();
    let forecast = retirement::forecast(&roster, &law, &options);
    let bytes = match args.format {
        Format::Json => common::json(&forecast),
        Format::Csv => export::retirement::csv(&forecast, lang).into_bytes(),
        Format::Text | Format::Xlsx => export::retirement::text(&forecast, &law, lang).into_bytes(),
    };
    common::emit(&bytes, args.common.output())
}
