//! `canbo`: the workforce report of a roster, in the terminal (REPORT.md "Command line").
//!
//! Argument parsing and printing only; every figure comes from `canbo-core`, the same code
//! the page runs. Exit codes: 0 with the result, 1 when a file cannot be read (one line on
//! stderr naming it), 2 for a usage error.

mod common;
mod inspect;
mod package;
mod report;
mod retirement;
mod share;
mod standards;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "canbo",
    version,
    about = "Báo cáo chất lượng cán bộ, công chức cấp xã từ bảng tính / Workforce report from staff rosters"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The report (canbo.report/1) of one or more rosters, merged.
    Report(report::Args),
    /// What the importer saw: sheets, header rows, column → field, units, skipped rows, warnings.
    Inspect(inspect::Args),
    /// Who meets the standard of their position, and who needs which training.
    Standards(standards::Args),
    /// Who reaches retirement age in each of the coming years.
    Retirement(retirement::Args),
    /// The share link of a report (#r1.…): the figures, no person; or links combined.
    Share(share::Args),
    /// Seal rosters into a roster package (.canbo) with a passphrase.
    Pack(package::PackArgs),
    /// Open a roster package and print its roster as JSON.
    Unpack(package::UnpackArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    let result = match cli.command {
        Command::Report(args) => report::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Standards(args) => standards::run(args),
        Command::Retirement(args) => retirement::run(args),
        Command::Share(args) => share::run(args),
        Command::Pack(args) => package::pack(args),
        Command::Unpack(args) => package::unpack(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("canbo: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
