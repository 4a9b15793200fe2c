//! `canbo inspect`: what the importer saw, for a person checking a file.

use crate::common::{self, CliError};
use canbo_core::export;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    input: common::Input,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let imported = common::load(&args.input)?;
    let bytes = if args.json {
        common::json(&imported)
    } else {
        export::text::inspect(&imported, export::Lang::Vi).into_bytes()
    };
    common::emit(&bytes, None)
}
