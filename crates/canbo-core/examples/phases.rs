//! Where import time goes: `cargo run --release -p canbo-core --example phases -- FILE`.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(&path).expect("read");
    let t = Instant::now();
    let wb = canbo_core::read::read("f.xlsx", &bytes).expect("readable");
    eprintln!("read (calamine + cells): {:?}", t.elapsed());
    let texts: Vec<&str> = wb.sheets[0]
        .rows
        .iter()
        .flatten()
        .filter_map(|c| c.as_text())
        .collect();
    let t = Instant::now();
    let enc = canbo_core::text::legacy::detect(texts.iter().copied());
    eprintln!("legacy detect: {:?} {enc:?}", t.elapsed());
    let t = Instant::now();
    let n: usize = texts.iter().map(|s| canbo_core::text::clean(s).len()).sum();
    eprintln!("clean all: {:?} {n}", t.elapsed());
    let t = Instant::now();
    let layout = canbo_core::layout::detect(&wb.sheets[0], &[]).expect("layout");
    eprintln!("layout: {:?}", t.elapsed());
    let t = Instant::now();
    let imported = canbo_core::import(
        &[canbo_core::FileInput {
            name: "f.xlsx".into(),
            bytes,
        }],
        &Default::default(),
    );
    eprintln!(
        "full import: {:?} ({} people, {} rows)",
        t.elapsed(),
        imported.roster.people.len(),
        layout.rows.len()
    );
    let t = Instant::now();
    let _ = canbo_core::report(
        &imported.roster,
        &canbo_core::ReportOptions {
            as_of: "2024-12-31".parse().unwrap(),
            ..Default::default()
        },
    );
    eprintln!("report: {:?}", t.elapsed());
    let options = canbo_core::ReportOptions::default();
    for _ in 0..3 {
        let t = Instant::now();
        let headline = canbo_core::report::headline(&imported.roster, &options);
        eprintln!("headline: {:?} ({} people)", t.elapsed(), headline.people);
    }
    let t = Instant::now();
    let json =
        serde_json::to_vec(&canbo_core::report::headline(&imported.roster, &options)).unwrap();
    eprintln!(
        "headline and its JSON: {:?} ({} bytes)",
        t.elapsed(),
        json.len()
    );
}
