//! `canbo pack` and `canbo unpack`: roster packages (`.canbo`), the roster sealed with a
//! passphrase, read and written by the same core functions as the page's.

use crate::common::{self, CliError, Passphrase};
use canbo_core::share::package::{self, PackageContent};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct PackArgs {
    /// The package to write (FILE.canbo).
    #[arg(short, long, value_name = "FILE.canbo")]
    output: PathBuf,
    #[command(flatten)]
    passphrase: Passphrase,
    /// Rule sets (a JSON file, as `canbo standards --rules`) to carry with the roster.
    #[arg(long, value_name = "FILE.json")]
    rules: Option<PathBuf>,
    #[command(flatten)]
    input: common::Input,
}

#[derive(clap::Args)]
pub struct UnpackArgs {
    /// The package to read.
    #[arg(value_name = "FILE.canbo")]
    package: PathBuf,
    #[command(flatten)]
    passphrase: Passphrase,
    /// Write the whole content (roster, corrections, settings, snapshots, rule sets), not
    /// only the roster.
    #[arg(long)]
    all: bool,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE.json")]
    output: Option<PathBuf>,
}

pub fn pack(args: PackArgs) -> Result<(), CliError> {
    let secret = args.passphrase.require("pack")?;
    let rule_sets = match &args.rules {
        Some(path) => crate::standards::read_rule_sets(path)?,
        None => Vec::new(),
    };
    let imported = common::load(&args.input)?;
    let people = imported.roster.people.len();
    let content = PackageContent {
        roster: imported.roster,
        rule_sets,
        ..Default::default()
    };
    let bytes = package::pack(&content, &secret, &common::random()?)
        .map_err(|e| CliError::Output(e.to_string()))?;
    common::emit(&bytes, Some(&args.output))?;
    eprintln!(
        "canbo: wrote {} ({people} people, {} bytes)",
        args.output.display(),
        bytes.len()
    );
    Ok(())
}

pub fn unpack(args: UnpackArgs) -> Result<(), CliError> {
    let bytes = common::read_limited(&args.package, common::PACKAGE_BYTES)?;
    let secret = args.passphrase.require("unpack")?;
    let content = package::unpack(&bytes, &secret)
        .map_err(|e| CliError::Input(format!("{}: {e}", args.package.display())))?;
    eprintln!(
        "canbo: {} people, {} snapshots, {} rule sets",
        content.roster.people.len(),
        content.snapshots.len(),
        content.rule_sets.len()
    );
    let out = if args.all {
        common::json(&content)
    } else {
        common::json(&content.roster)
    };
    common::emit(&out, args.output.as_deref())
}
