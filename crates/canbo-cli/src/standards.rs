//! `canbo standards` (placeholder until the standards module lands in the core).

use crate::common::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(required = true, value_name = "FILE")]
    files: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> Result<(), CliError> {
    Err(CliError::Usage("standards: not available yet".into()))
}
