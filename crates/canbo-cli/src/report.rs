//! `canbo report`: the report of rosters (spreadsheets or one package), or of share links.

use crate::common::{self, CliError, Format, Passphrase};
use canbo_core::export;
use canbo_core::report::{report, AgeBands, ReportOptions};
use canbo_core::share::{self, LinkError, Part, Shared};
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
    /// A share link (`#r1.…`, or the whole URL) instead of files; repeat to combine several
    /// into one report whose units are the links.
    #[arg(long = "from-link", value_name = "LINK", conflicts_with_all = ["files", "as_of", "age_bands"])]
    links: Vec<String>,
    /// The name of a combined link's report as a unit, in the order of --from-link (needed
    /// for a link of several units that has no title).
    #[arg(long = "name", value_name = "NAME", requires = "links")]
    names: Vec<String>,
    #[command(flatten)]
    passphrase: Passphrase,
    /// Roster files (xlsx, xlsm, xlsb, xls, ods, csv), merged; or one roster package (.canbo).
    #[arg(value_name = "FILE", required_unless_present = "links")]
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<(), CliError> {
    common::require_file_for_xlsx(args.format, args.output.as_deref())?;
    if !args.links.is_empty() {
        let shared = from_links(&args.links, &args.names, &args.passphrase)?;
        let bytes = match args.format {
            Format::Json => common::json(&shared),
            Format::Text => {
                export::text::report_hiding(&shared.report, export::Lang::Vi, &shared.hidden)
                    .into_bytes()
            }
            Format::Csv => export::csv::report_hiding(&shared.report, &shared.hidden).into_bytes(),
            Format::Xlsx => export::xlsx::report_hiding(&shared.report, "", &shared.hidden)
                .map_err(|e| CliError::Output(format!("xlsx: {e}")))?,
        };
        return common::emit(&bytes, args.output.as_deref());
    }
    let roster = common::roster(&args.files, &args.passphrase)?;
    let options = ReportOptions {
        as_of: common::as_of(args.as_of),
        bands: args.age_bands.unwrap_or_default(),
        ..Default::default()
    };
    let report = report(&roster, &options);
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

/// One link read, or several combined; a locked link is opened with the passphrase.
pub fn from_links(
    links: &[String],
    names: &[String],
    passphrase: &Passphrase,
) -> Result<Shared, CliError> {
    let mut parts = Vec::with_capacity(links.len());
    for (i, link) in links.iter().enumerate() {
        let shared = match share::decode(link) {
            Err(LinkError::Locked) => {
                let secret = passphrase.require(&format!("link {} (locked)", i + 1))?;
                share::decode_locked(link, &secret)
            }
            other => other,
        }
        .map_err(|e| CliError::Input(format!("link {}: {e}", i + 1)))?;
        parts.push(Part {
            shared,
            name: names.get(i).cloned(),
        });
    }
    match parts.as_slice() {
        [one] if names.is_empty() => Ok(one.shared.clone()),
        _ => share::combine(&parts).map_err(|e| CliError::Input(e.to_string())),
    }
}
