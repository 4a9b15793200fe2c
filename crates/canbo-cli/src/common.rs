//! What every subcommand shares: reading files, the report date, writing the output.

use canbo_core::share::{package, RANDOM_BYTES};
use canbo_core::{import, Date, FileInput, Import, Overrides, Roster};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A failure, with the exit code REPORT.md gives it.
#[derive(Debug)]
pub enum CliError {
    /// A file that cannot be read (exit 1).
    Input(String),
    /// Bad arguments (exit 2).
    Usage(String),
    /// Writing the output failed (exit 1).
    Output(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Input(_) | CliError::Output(_) => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input(m) | CliError::Usage(m) | CliError::Output(m) => f.write_str(m),
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Text,
    Csv,
    Xlsx,
}

/// The language of what a subcommand writes for a person (text, CSV, prose).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for canbo_core::Lang {
    fn from(lang: LangArg) -> canbo_core::Lang {
        match lang {
            LangArg::Vi => canbo_core::Lang::Vi,
            LangArg::En => canbo_core::Lang::En,
        }
    }
}

/// The arguments every subcommand that computes from a roster takes (`report`, `standards`,
/// `retirement`), flattened into each, so they are spelt, defaulted and documented once.
#[derive(clap::Args)]
pub struct Common {
    /// Report date (YYYY-MM-DD): ages are completed years on this day, it picks the rule set
    /// in force and starts the retirement forecast. Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<Date>,
    /// Language of what a person reads: text, CSV and prose (JSON codes do not change).
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub passphrase: Passphrase,
    #[command(flatten)]
    pub input: Input,
}

impl Common {
    /// `--as-of`, or today.
    pub fn as_of(&self) -> Date {
        as_of(self.as_of)
    }

    pub fn lang(&self) -> canbo_core::Lang {
        self.lang.into()
    }

    pub fn output(&self) -> Option<&Path> {
        self.output.as_deref()
    }

    /// The roster of the files or the package.
    pub fn roster(&self) -> Result<Roster, CliError> {
        roster(&self.input, &self.passphrase)
    }
}

/// What every subcommand reads: the roster files and what the user taught.
#[derive(clap::Args)]
pub struct Input {
    /// Spellings taught in the page («Tải từ điển») or written by hand (canbo.spellings/1):
    /// what a value the rules do not read means.
    #[arg(long, value_name = "FILE.json")]
    pub vocab: Option<PathBuf>,
    /// Roster files (xlsx, xlsm, xlsb, xls, ods, csv), merged; or one roster package (.canbo).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl Input {
    /// The corrections the input asks for: the taught spellings of `--vocab`.
    fn overrides(&self) -> Result<Overrides, CliError> {
        let mut overrides = Overrides::default();
        if let Some(path) = &self.vocab {
            let text = read_text(path, JSON_BYTES)?;
            overrides.spellings = canbo_core::vocab::spellings::Spellings::from_json(&text)
                .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
        }
        Ok(overrides)
    }

    fn read(&self) -> Result<Vec<FileInput>, CliError> {
        if self.files.is_empty() {
            return Err(CliError::Usage("no roster file given".into()));
        }
        read_all(&self.files)
    }
}

/// Read and import the spreadsheets; any file that cannot be read is an error (exit 1).
pub fn load(input: &Input) -> Result<Import, CliError> {
    import_all(&input.read()?, &input.overrides()?)
}

fn read_all(files: &[PathBuf]) -> Result<Vec<FileInput>, CliError> {
    files
        .iter()
        .map(|path| {
            Ok(FileInput {
                name: display_name(path),
                bytes: read_bounded(path)?,
            })
        })
        .collect()
}

/// A file's bytes, never more than the core's file size limit plus one byte: a huge file (or
/// `/dev/zero`) is refused after reading that much, with the core's own message.
fn read_bounded(path: &Path) -> Result<Vec<u8>, CliError> {
    use canbo_core::read::limits::FILE_BYTES;
    read_at_most(path, FILE_BYTES)?.map_err(|bytes| {
        CliError::Input(
            canbo_core::ImportError::TooLarge {
                file: display_name(path),
                limit: canbo_core::error::Limit::FileSize {
                    bytes,
                    max: FILE_BYTES,
                },
            }
            .to_string(),
        )
    })
}

/// The most the CLI reads of a JSON input (taught spellings, rule sets, an earlier report):
/// 100 MB, the core's file size limit. The largest real one is an earlier report of a large
/// roster (`canbo report --format json` of the 250,000-person roster is 20.6 MB, five times
/// under); spellings and rule sets are a few KB. A file past this is a mistake (a roster
/// given where a rule set goes, `/dev/zero`) or hostile, and is refused before it is read whole.
pub const JSON_BYTES: u64 = canbo_core::read::limits::FILE_BYTES;

/// The most read of a passphrase file (its first line is the passphrase): 64 KB.
pub const PASSPHRASE_BYTES: u64 = 64_000;

/// A roster package (`.canbo`) read by `unpack`: the core's file size limit, as for a roster
/// given to the other commands (a package is smaller than the spreadsheets it holds).
pub const PACKAGE_BYTES: u64 = canbo_core::read::limits::FILE_BYTES;

/// A whole file of at most `max` bytes; past it, an error naming the file and the limit, in
/// Vietnamese and English, after reading no more than `max` + 1 bytes (so `/dev/zero` or a
/// 10 GB file ends at once).
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, CliError> {
    read_at_most(path, max)?.map_err(|bytes| {
        let size = |b: u64| {
            let tenths = (b * 10).div_ceil(1_000_000);
            (
                format!("{},{} MB", tenths / 10, tenths % 10),
                format!("{}.{} MB", tenths / 10, tenths % 10),
            )
        };
        let (seen_vi, seen_en) = size(bytes);
        let (max_vi, max_en) = size(max);
        CliError::Input(format!(
            "{}: tệp quá lớn ({seen_vi}, tối đa {max_vi}), không đọc / file too large \
             ({seen_en}, at most {max_en}), not read",
            path.display()
        ))
    })
}

/// [`read_limited`] as UTF-8 text.
pub fn read_text(path: &Path, max: u64) -> Result<String, CliError> {
    String::from_utf8(read_limited(path, max)?).map_err(|_| {
        CliError::Input(format!(
            "{}: không phải văn bản UTF-8 / not UTF-8 text",
            path.display()
        ))
    })
}

/// The file's bytes, or `Err(size)` when it holds more than `max` (its size, or `max` + 1
/// when it does not say, as a pipe or a device).
fn read_at_most(path: &Path, max: u64) -> Result<Result<Vec<u8>, u64>, CliError> {
    use std::io::Read;
    let io = |e: std::io::Error| CliError::Input(format!("{}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(io)?;
    if let Ok(meta) = file.metadata() {
        if meta.is_file() && meta.len() > max {
            return Ok(Err(meta.len()));
        }
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Ok(Err(bytes.len() as u64));
    }
    Ok(Ok(bytes))
}

fn import_all(inputs: &[FileInput], overrides: &Overrides) -> Result<Import, CliError> {
    let imported = import(inputs, overrides);
    if let Some(err) = imported.errors.first() {
        return Err(CliError::Input(err.to_string()));
    }
    Ok(imported)
}

/// The environment variable a passphrase may come from.
pub const PASSPHRASE_ENV: &str = "CANBO_PASSPHRASE";

/// Where a passphrase comes from: a file, else the environment. Never an argument: a
/// command line is visible to every user of the machine and kept in shell histories.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct Passphrase {
    /// A file whose first line is the passphrase (else the environment variable
    /// CANBO_PASSPHRASE).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

impl Passphrase {
    /// The passphrase, if one was given.
    pub fn get(&self) -> Result<Option<String>, CliError> {
        let text = match &self.passphrase_file {
            Some(path) => read_text(path, PASSPHRASE_BYTES)?,
            None => match std::env::var(PASSPHRASE_ENV) {
                Ok(text) => text,
                Err(_) => return Ok(None),
            },
        };
        let first = text.lines().next().unwrap_or("").to_string();
        if first.is_empty() {
            return Err(CliError::Usage("the passphrase is empty".into()));
        }
        Ok(Some(first))
    }

    /// The passphrase, which `what` needs.
    pub fn require(&self, what: &str) -> Result<String, CliError> {
        self.get()?.ok_or_else(|| {
            CliError::Usage(format!(
                "{what} needs a passphrase: --passphrase-file FILE or {PASSPHRASE_ENV}"
            ))
        })
    }
}

/// Random bytes for a salt and a nonce, from the operating system.
pub fn random() -> Result<[u8; RANDOM_BYTES], CliError> {
    let mut bytes = [0u8; RANDOM_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|e| CliError::Output(format!("no random bytes from the system: {e}")))?;
    Ok(bytes)
}

/// The roster of the inputs: one roster package (`.canbo`, told by its first bytes, opened
/// with `passphrase`), or spreadsheets merged into one.
pub fn roster(input: &Input, passphrase: &Passphrase) -> Result<Roster, CliError> {
    let inputs = input.read()?;
    let packages = inputs
        .iter()
        .filter(|f| package::is_package(&f.bytes))
        .count();
    match (packages, inputs.as_slice()) {
        (0, _) => Ok(import_all(&inputs, &input.overrides()?)?.roster),
        (1, [file]) => {
            let secret = passphrase.require(&file.name)?;
            package::unpack(&file.bytes, &secret)
                .map(|content| content.roster)
                .map_err(|e| CliError::Input(format!("{}: {e}", file.name)))
        }
        _ => Err(CliError::Usage(
            "a roster package (.canbo) must be the only input".into(),
        )),
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `--as-of`, defaulting to today in the local calendar (UTC is close enough for a date
/// that only moves ages at midnight).
pub fn as_of(arg: Option<Date>) -> Date {
    arg.unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        // Vietnam is UTC+7: the office's "today".
        Date::from_days((secs + 7 * 3600).div_euclid(86_400))
    })
}

/// Write to `-o FILE` or stdout.
pub fn emit(bytes: &[u8], out: Option<&Path>) -> Result<(), CliError> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| CliError::Output(format!("{}: {e}", path.display()))),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .map_err(|e| CliError::Output(format!("stdout: {e}")))
        }
    }
}

/// xlsx is binary: refuse to pour it onto a terminal without `-o`.
pub fn require_file_for_xlsx(format: Format, out: Option<&Path>) -> Result<(), CliError> {
    if format == Format::Xlsx && out.is_none() {
        return Err(CliError::Usage("--format xlsx needs -o FILE.xlsx".into()));
    }
    Ok(())
}

pub fn json(value: &impl serde::Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
