//! `canbo report`: the report of rosters (spreadsheets or one package), or of share links,
//! as JSON, text, CSV, the official form (xlsx), prose, or the official document (docx).

use crate::common::{self, CliError, LangArg, Passphrase};
use canbo_core::export::{self, docx::DocumentSettings, prose, Lang};
use canbo_core::report::{report, AgeBands, Report, ReportOptions};
use canbo_core::retirement::{self, RetirementLaw, RetirementOptions};
use canbo_core::share::{self, LinkError, Part, Shared};
use canbo_core::standards::{self, StandardsOptions};
use canbo_core::{Date, Roster};
use std::path::{Path, PathBuf};

/// What `canbo report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// canbo.report/1
    Json,
    /// The figures and the per-unit table, for the terminal.
    Text,
    /// The per-unit form.
    Csv,
    /// The per-unit form as a workbook (needs -o).
    Xlsx,
    /// The report written out as the text of an official report.
    Prose,
    /// The official document (ND 30/2020 layout) with the per-unit form (needs -o).
    Docx,
}

#[derive(clap::Args)]
pub struct Args {
    /// Age bands as ascending lower bounds, e.g. 30,46,61. Default: the official 31,41,51,61.
    #[arg(long, value_name = "30,46,61")]
    age_bands: Option<AgeBands>,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Compare with an earlier report: a canbo.report/1 JSON file (`--format json`).
    #[arg(long, value_name = "REPORT.json")]
    compare: Option<PathBuf>,
    /// The name the comparison is called by in the text. Default: its report date.
    #[arg(long, value_name = "NAME", requires = "compare")]
    compare_name: Option<String>,
    /// Prose and docx: add a section on the standards of posts (the rule set in force).
    #[arg(long)]
    standards: bool,
    /// Prose and docx: add a section on who retires in each of the next 10 years.
    #[arg(long)]
    retirement: bool,
    /// Docx: «Tên cơ quan», the agency that sends the report.
    #[arg(long, value_name = "NAME")]
    agency: Option<String>,
    /// Docx: «Cơ quan cấp trên», the superior agency.
    #[arg(long, value_name = "NAME")]
    superior: Option<String>,
    /// Docx: «Địa danh» of the date line.
    #[arg(long, value_name = "PLACE")]
    place: Option<String>,
    /// Docx: «Người ký».
    #[arg(long, value_name = "NAME")]
    signer: Option<String>,
    /// Docx: «Chức vụ người ký»; "\n" (or a line break) for two lines.
    #[arg(long, value_name = "POST")]
    signer_post: Option<String>,
    /// Docx: số, ký hiệu, e.g. 15/BC-PNV. Default: blank, to fill in by hand.
    #[arg(long, value_name = "SỐ")]
    number: Option<String>,
    /// Docx: a line of "Nơi nhận"; repeat for several. Default: the superior agency, Lưu: VT.
    #[arg(long = "recipient", value_name = "TEXT")]
    recipients: Vec<String>,
    /// Docx: the date the document is dated (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
    /// A share link (`#r1.…`, or the whole URL) instead of files; repeat to combine several
    /// into one report whose units are the links.
    #[arg(long = "from-link", value_name = "LINK", conflicts_with_all = ["files", "as_of", "age_bands"])]
    links: Vec<String>,
    /// The name of a combined link's report as a unit, in the order of --from-link (needed
    /// for a link of several units that has no title).
    #[arg(long = "name", value_name = "NAME", requires = "links")]
    names: Vec<String>,
    /// The date, language, output, passphrase and files (the docx is always the Vietnamese
    /// official document).
    #[command(flatten)]
    common: common::Common,
}

pub fn run(args: Args) -> Result<(), CliError> {
    check(&args)?;
    let lang = args.common.lang();
    let before = args.compare.as_deref().map(read_report).transpose()?;
    if !args.links.is_empty() {
        return from_links_out(&args, before.as_ref(), lang);
    }
    let roster = args.common.roster()?;
    let options = ReportOptions {
        as_of: args.common.as_of(),
        bands: args.age_bands.clone().unwrap_or_default(),
        ..Default::default()
    };
    let report = report(&roster, &options);
    let bytes = match args.format {
        Format::Json => common::json(&report),
        Format::Text => export::text::report(&report, lang).into_bytes(),
        Format::Csv => export::csv::report(&report).into_bytes(),
        Format::Xlsx => {
            export::xlsx::report(&report).map_err(|e| CliError::Output(format!("xlsx: {e}")))?
        }
        Format::Prose => prose_of(&args, &report, before.as_ref(), Some(&roster), lang)?
            .text()
            .into_bytes(),
        Format::Docx => {
            let text = prose_of(&args, &report, before.as_ref(), Some(&roster), Lang::Vi)?;
            let date = args.date.unwrap_or_else(|| common::as_of(None));
            export::docx::document(&report, &text, &settings(&args), date)
                .map_err(|e| CliError::Output(format!("docx: {e}")))?
        }
    };
    let emitted = common::emit(&bytes, args.common.output());
    // The process ends here: freeing a province's roster person by person (250,000 people,
    // some 5 million allocations) took 0.14 s that the system does at once on exit.
    std::mem::forget(roster);
    emitted
}

/// Arguments that do not go together: a usage error (exit 2) before any file is read.
fn check(args: &Args) -> Result<(), CliError> {
    let binary = matches!(args.format, Format::Xlsx | Format::Docx);
    if binary && args.common.output.is_none() {
        let ext = if args.format == Format::Xlsx {
            "xlsx"
        } else {
            "docx"
        };
        return Err(CliError::Usage(format!(
            "--format {ext} needs -o FILE.{ext}"
        )));
    }
    if args.format == Format::Docx && args.common.lang == LangArg::En {
        return Err(CliError::Usage(
            "--format docx writes the Vietnamese official document; --lang en is for text and prose"
                .into(),
        ));
    }
    let prose_only = args.compare.is_some() || args.standards || args.retirement;
    if prose_only && !matches!(args.format, Format::Prose | Format::Docx) {
        return Err(CliError::Usage(
            "--compare, --standards and --retirement go with --format prose or docx".into(),
        ));
    }
    let document = args.agency.is_some()
        || args.superior.is_some()
        || args.place.is_some()
        || args.signer.is_some()
        || args.signer_post.is_some()
        || args.number.is_some()
        || !args.recipients.is_empty()
        || args.date.is_some();
    if document && args.format != Format::Docx {
        return Err(CliError::Usage(
            "--agency, --superior, --place, --signer, --signer-post, --number, --recipient and --date go with --format docx"
                .into(),
        ));
    }
    Ok(())
}

/// An earlier report, as `canbo report --format json` wrote it; a file that is not one
/// cannot be read (exit 1).
fn read_report(path: &Path) -> Result<Report, CliError> {
    let text = common::read_text(path, common::JSON_BYTES)?;
    let report: Report = serde_json::from_str(&text).map_err(|e| {
        CliError::Input(format!(
            "{}: not a canbo.report/1 JSON file: {e}",
            path.display()
        ))
    })?;
    if report.schema != canbo_core::report::SCHEMA {
        return Err(CliError::Input(format!(
            "{}: schema '{}', not {}",
            path.display(),
            report.schema,
            canbo_core::report::SCHEMA
        )));
    }
    Ok(report)
}

/// The text, with the sections the flags ask for.
fn prose_of(
    args: &Args,
    report: &Report,
    before: Option<&Report>,
    roster: Option<&Roster>,
    lang: Lang,
) -> Result<prose::Prose, CliError> {
    let as_of = report.as_of;
    let needs_roster = args.standards || args.retirement;
    let roster = match roster {
        Some(r) => r,
        None if needs_roster => {
            return Err(CliError::Usage(
                "--standards and --retirement need the roster, not a share link".into(),
            ))
        }
        None => &Roster::default(),
    };
    let standards = if args.standards {
        let sets = standards::defaults();
        let rules =
            standards::choose(&sets, None, as_of).map_err(|e| CliError::Usage(e.to_string()))?;
        Some(standards::standards(
            roster,
            rules,
            &StandardsOptions::new(as_of),
        ))
    } else {
        None
    };
    let forecast = args.retirement.then(|| {
        retirement::forecast(
            roster,
            &RetirementLaw::default(),
            &RetirementOptions::new(as_of),
        )
    });
    let name = match (&args.compare_name, before) {
        (Some(n), _) => n.clone(),
        (None, Some(b)) => prose::date_words(b.as_of, lang),
        (None, None) => String::new(),
    };
    Ok(prose::prose(
        report,
        &prose::ProseOptions {
            lang,
            filter: None,
            comparison: before.map(|b| prose::Comparison {
                name: &name,
                report: b,
            }),
            standards: standards.as_ref(),
            retirement: forecast.as_ref(),
        },
    ))
}

/// The document's settings from the flags; `\n` written in a flag is a line break.
fn settings(args: &Args) -> DocumentSettings {
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").replace("\\n", "\n");
    DocumentSettings {
        agency: text(&args.agency),
        superior: text(&args.superior),
        place: text(&args.place),
        signer: text(&args.signer),
        signer_post: text(&args.signer_post),
        number: args.number.clone(),
        recipients: args.recipients.clone(),
    }
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

/// The report of share links, in the format asked for; hidden counts stay hidden.
fn from_links_out(args: &Args, before: Option<&Report>, lang: Lang) -> Result<(), CliError> {
    let shared = from_links(&args.links, &args.names, &args.common.passphrase)?;
    let hidden = &shared.hidden;
    let bytes = match args.format {
        Format::Json => common::json(&shared),
        Format::Text => export::text::report_hiding(&shared.report, lang, hidden).into_bytes(),
        Format::Csv => export::csv::report_hiding(&shared.report, hidden).into_bytes(),
        Format::Xlsx => export::xlsx::report_hiding(&shared.report, "", hidden)
            .map_err(|e| CliError::Output(format!("xlsx: {e}")))?,
        Format::Prose => prose_of(args, &shared.report, before, None, lang)?
            .text()
            .into_bytes(),
        Format::Docx => {
            let text = prose_of(args, &shared.report, before, None, Lang::Vi)?;
            let date = args.date.unwrap_or_else(|| common::as_of(None));
            export::docx::document(&shared.report, &text, &settings(args), date)
                .map_err(|e| CliError::Output(format!("docx: {e}")))?
        }
    };
    common::emit(&bytes, args.common.output())
}
