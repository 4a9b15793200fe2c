//! `cargo run --release -p canbo-core --example gen_roster -- --people 250000 --out roster.xlsx`
//! (also `cargo xtask gen-roster`): a synthetic roster for benchmarks. `--units N` spreads
//! the people evenly over N units (the seed district of docs/SHARING.md: `--people 300
//! --units 14`); without it units hold 20 to 30 people. `--sheets N` shares them over N
//! sheets, one per district.

#[path = "support/synthetic.rs"]
mod synthetic;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let people: usize = value("--people")
        .and_then(|v| v.parse().ok())
        .unwrap_or(250_000);
    let units: Option<usize> = value("--units")
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0);
    let sheets: usize = value("--sheets").and_then(|v| v.parse().ok()).unwrap_or(1);
    let out = value("--out")
        .cloned()
        .unwrap_or_else(|| format!("roster-{people}.xlsx"));
    match synthetic::roster_xlsx_in_sheets(people, units, sheets)
        .map(|bytes| std::fs::write(&out, bytes))
    {
        Ok(Ok(())) => {
            println!("wrote {out} ({people} people)");
            std::process::ExitCode::SUCCESS
        }
        Ok(Err(e)) => {
            eprintln!("gen_roster: {out}: {e}");
            std::process::ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("gen_roster: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
