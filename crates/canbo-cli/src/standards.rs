//! `canbo standards`: who meets the standard of their post, and the training plan.

use crate::common::{self, CliError, Format};
use canbo_core::export;
use canbo_core::standards::{self, RuleSet, StandardsOptions};
use canbo_core::{Date, Roster};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// A rule set by id or name (tt06-2012, tt13-2019, nd33-2023, cv11-2025) instead of the
    /// one in force at --as-of.
    #[arg(long, value_name = "NAME")]
    rule_set: Option<String>,
    /// Rule sets from a JSON file (one set or a list), instead of the built-in ones.
    #[arg(long, value_name = "FILE.json")]
    rules: Option<PathBuf>,
    /// The whole roster is in a difficult area (vùng khó khăn / dân tộc thiểu số).
    #[arg(long)]
    difficult_area: bool,
    /// A unit in a difficult area; repeat for several.
    #[arg(long = "difficult-unit", value_name = "UNIT")]
    difficult_units: Vec<String>,
    /// json (canbo.standards/1), text, csv (per unit), xlsx (the training plan; needs -o).
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    #[command(flatten)]
    common: common::Common,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let out = args.common.output();
    common::require_file_for_xlsx(args.format, out)?;
    let sets = match &args.rules {
        Some(path) => read_rule_sets(path)?,
        None => standards::defaults(),
    };
    let roster = args.common.roster()?;
    let as_of = args.common.as_of();
    let lang = args.common.lang();
    let rules = standards::choose(&sets, args.rule_set.as_deref(), as_of)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let options = options(as_of, &args, &roster)?;
    let result = standards::standards_in(&roster, rules, &options, lang);
    let bytes = match args.format {
        Format::Json => common::json(&result),
        Format::Text => export::standards::text(&result, &options, lang).into_bytes(),
        Format::Csv => export::standards::csv(&result, lang).into_bytes(),
        Format::Xlsx => {
            export::training::plan(&result).map_err(|e| CliError::Output(format!("xlsx: {e}")))?
        }
    };
    common::emit(&bytes, out)
}

/// A JSON file holding one rule set or a list of them, read and checked by the core (the
/// same as the app's import).
pub(crate) fn read_rule_sets(path: &Path) -> Result<Vec<RuleSet>, CliError> {
    let text = common::read_text(path, common::JSON_BYTES)?;
    RuleSet::from_json(&text)
        .map_err(|e| CliError::Input(format!("{}: not a usable rule set: {e}", path.display())))
}

/// The options; a --difficult-unit that names no unit of the roster is a usage error, since
/// a misspelt name would silently change nothing.
fn options(as_of: Date, args: &Args, roster: &Roster) -> Result<StandardsOptions, CliError> {
    let mut options = StandardsOptions::new(as_of);
    options.difficult_area = args.difficult_area;
    let units = roster.units();
    let known: Vec<String> = units
        .iter()
        .map(|u| canbo_core::roster::unit_key(u))
        .collect();
    for unit in &args.difficult_units {
        if !known.contains(&canbo_core::roster::unit_key(unit)) {
            return Err(CliError::Usage(format!(
                "--difficult-unit '{unit}' is not a unit of the roster; units: {}",
                units.join(", ")
            )));
        }
        options.flag_unit(unit);
    }
    Ok(options)
}
