//! `canbo inspect`: what the importer saw, for a person checking a file.
//!
//! It reads spreadsheets only (a package holds the roster, not what was seen in the files)
//! and no date changes what was seen, so it takes the files, the language and the output of
//! [`common::Common`] but not the whole of it.

use crate::common::{self, CliError, LangArg};
use canbo_core::export;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: common::Input,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let imported = common::load(&args.input)?;
    let bytes = if args.json {
        common::json(&imported)
    } else {
        export::text::inspect(&imported, args.lang.into()).into_bytes()
    };
    common::emit(&bytes, args.output.as_deref())
}
