//! `cargo run --release -p canbo-core --example gen_roster -- --people 250000 --out roster.xlsx`
//! (also `cargo xtask gen-roster`): a synthetic roster for benchmarks.

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
    let out = value("--out")
        .cloned()
        .unwrap_or_else(|| format!("roster-{people}.xlsx"));
    match synthetic::roster_xlsx(people).map(|bytes| std::fs::write(&out, bytes)) {
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
