//! `canbo share`: the share link of a report, printed as the fragment `#r1.…` (or a whole
//! URL with `--url`), from rosters or from links to combine.

use crate::common::{self, CliError, Passphrase};
use canbo_core::report::{report, AgeBands, ReportOptions};
use canbo_core::retirement::{self, RetirementLaw, RetirementOptions};
use canbo_core::share::{self, LinkChoice, LinkError, Shared, LINK_WARN_CHARS};
use canbo_core::standards::{self, StandardsOptions};
use canbo_core::Date;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Report date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<Date>,
    /// Age bands as ascending lower bounds. Default: the official 31,41,51,61.
    #[arg(long, value_name = "30,46,61")]
    age_bands: Option<AgeBands>,
    /// Hide every unit's count below N (e.g. 3: counts of 1 and 2 show as «<3»); totals
    /// stay exact.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=100))]
    hide_small: Option<u32>,
    /// Lock the link with the passphrase in this file (its first line).
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// What the report is of ("Huyện Mẫu Sơn"): its name when combined with others.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// Years of the retirement forecast carried in the link.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=50))]
    years: u32,
    /// Leave the standards and the retirement forecast out (a shorter link).
    #[arg(long)]
    report_only: bool,
    /// Print the whole link: this address followed by the fragment.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Also write the QR code of the printed link to this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    qr: Option<PathBuf>,
    /// Share links to combine into one (each link's report a unit) instead of files.
    #[arg(long = "from-link", value_name = "LINK", conflicts_with_all = ["files", "as_of", "age_bands", "years", "report_only"])]
    links: Vec<String>,
    /// The names of the combined links' reports, in order (see `canbo report --name`).
    #[arg(long = "name", value_name = "NAME", requires = "links")]
    names: Vec<String>,
    /// The roster files, merged; or one roster package (.canbo, opened with CANBO_PASSPHRASE).
    #[command(flatten)]
    input: common::Input,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let shared = if args.links.is_empty() {
        from_files(&args)?
    } else {
        // Locked links to combine are opened with CANBO_PASSPHRASE.
        crate::report::from_links(&args.links, &args.names, &Passphrase::default())?
    };
    let lock = Passphrase {
        passphrase_file: args.passphrase_file.clone(),
    };
    let (passphrase, random) = match &args.passphrase_file {
        Some(_) => (lock.require("--passphrase-file")?, common::random()?),
        None => (String::new(), [0; share::RANDOM_BYTES]),
    };
    let choice = LinkChoice {
        title: args.title.clone().unwrap_or_default(),
        hide_below: args.hide_small,
        passphrase,
    };
    let link = shared.link(&choice, &random).map_err(|e| match e {
        LinkError::BadThreshold { .. } => CliError::Usage(e.to_string()),
        e => CliError::Input(e.to_string()),
    })?;
    let whole = format!("{}#{link}", args.url.as_deref().unwrap_or(""));
    let chars = whole.chars().count();
    if chars > LINK_WARN_CHARS {
        eprintln!(
            "canbo: warning: the link is {chars} characters; chat apps may cut links longer than {LINK_WARN_CHARS}: send a roster package instead (canbo pack)"
        );
    } else {
        eprintln!("canbo: {chars} characters");
    }
    if let Some(path) = &args.qr {
        let svg = share::qr_svg(&whole).map_err(|e| CliError::Output(e.to_string()))?;
        common::emit(svg.as_bytes(), Some(path))?;
    }
    common::emit(format!("{whole}\n").as_bytes(), None)
}

/// The report, standards and forecast of rosters, as a link carries them.
fn from_files(args: &Args) -> Result<Shared, CliError> {
    // A package is opened with CANBO_PASSPHRASE: --passphrase-file locks the link.
    let roster = common::roster(&args.input, &Passphrase::default())?;
    let options = ReportOptions {
        as_of: common::as_of(args.as_of),
        bands: args.age_bands.clone().unwrap_or_default(),
        ..Default::default()
    };
    let report = report(&roster, &options);
    if args.report_only {
        return Ok(Shared::new(&report, &options, None, None));
    }
    let sets = standards::defaults();
    let rules = standards::choose(&sets, None, options.as_of)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let st = standards::standards(&roster, rules, &StandardsOptions::new(options.as_of));
    let forecast = retirement::forecast(
        &roster,
        &RetirementLaw::default(),
        &RetirementOptions {
            as_of: options.as_of,
            years: args.years,
        },
    );
    Ok(Shared::new(&report, &options, Some(&st), Some(&forecast)))
}
