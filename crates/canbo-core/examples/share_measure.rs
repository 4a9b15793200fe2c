//! `cargo run --release -p canbo-core --example share_measure -- FILE…`: the numbers of
//! docs/SHARING.md — the link length of each roster (as of 2024-12-31, bands 30,41,51,61),
//! plain, with small counts hidden, locked and report-only; the link of a district combined
//! from one link per unit of the first file; and how long encoding, decoding, locking and
//! packing take on this machine.

use canbo_core::import::{import, FileInput, Overrides};
use canbo_core::report::{report, ReportOptions};
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::roster::{unit_key, Roster};
use canbo_core::share::{self, combine, package, PackageContent, Part, Shared};
use canbo_core::standards::{self, StandardsOptions};
use std::time::Instant;

fn options() -> ReportOptions {
    ReportOptions {
        as_of: "2024-12-31".parse().expect("a date"),
        bands: "30,41,51,61".parse().expect("bands"),
        ..Default::default()
    }
}

fn shared_of(roster: &Roster, options: &ReportOptions) -> Shared {
    let r = report(roster, options);
    let sets = standards::defaults();
    let rules = standards::choose(&sets, None, options.as_of).expect("a rule set");
    let st = standards::standards(roster, rules, &StandardsOptions::new(options.as_of));
    let f = forecast(
        roster,
        &RetirementLaw::default(),
        &RetirementOptions::new(options.as_of),
    );
    Shared::new(&r, options, Some(&st), Some(&f))
}

/// `#` and the link: what follows the page's address.
fn len(link: &str) -> usize {
    link.len() + 1
}

fn millis(start: Instant, times: u32) -> String {
    format!(
        "{:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(times)
    )
}

fn main() {
    let random = [7u8; share::RANDOM_BYTES];
    let files: Vec<String> = std::env::args().skip(1).collect();
    println!("| roster | people | units | link | hidden (<3) | locked | report only |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut first: Option<Roster> = None;
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let name = path.rsplit('/').next().unwrap_or(path).to_string();
        let roster = import(
            &[FileInput {
                name: name.clone(),
                bytes,
            }],
            &Overrides::default(),
        )
        .roster;
        let shared = shared_of(&roster, &options());
        let plain = shared.encode().expect("encodes");
        let mut hidden = shared.clone();
        hidden.hide_small(3).expect("a threshold");
        let locked = shared.encode_locked("mật khẩu", &random).expect("locks");
        let only = Shared {
            standards: None,
            retirement: None,
            ..shared.clone()
        };
        println!(
            "| `{name}` | {} | {} | {} | {} | {} | {} |",
            shared.report.people,
            shared.report.units.len(),
            len(&plain),
            len(&hidden.encode().expect("encodes")),
            len(&locked),
            len(&only.encode().expect("encodes")),
        );
        first.get_or_insert(roster);
    }
    let Some(roster) = first else { return };

    // One link per unit, combined as a district would.
    let units = roster.units();
    let parts: Vec<Part> = units
        .iter()
        .map(|u| {
            let key = unit_key(u);
            let mut one = roster.clone();
            one.people.retain(|p| unit_key(&p.unit) == key);
            Part {
                shared: shared_of(&one, &options()),
                name: None,
            }
        })
        .collect();
    let longest = parts
        .iter()
        .map(|p| len(&p.shared.encode().expect("encodes")))
        .max()
        .unwrap_or(0);
    let district = combine(&parts).expect("combines");
    println!(
        "\nOne link per unit of the first file: the longest {longest} characters; combined \
         ({} units) {} characters.",
        parts.len(),
        len(&district.encode().expect("encodes"))
    );

    let shared = shared_of(&roster, &options());
    let link = shared.encode().expect("encodes");
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        let _ = shared.encode();
    }
    let encode = millis(t, n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = share::decode(&link);
    }
    let decode = millis(t, n);
    let t = Instant::now();
    let locked = shared.encode_locked("mật khẩu", &random).expect("locks");
    let lock = millis(t, 1);
    let t = Instant::now();
    let _ = share::decode_locked(&locked, "mật khẩu");
    let unlock = millis(t, 1);
    let t = Instant::now();
    let _ = share::decode_locked(&locked, "sai");
    let wrong = millis(t, 1);
    let content = PackageContent {
        roster: roster.clone(),
        ..Default::default()
    };
    let t = Instant::now();
    let bytes = package::pack(&content, "mật khẩu", &random).expect("packs");
    let pack = millis(t, 1);
    let t = Instant::now();
    let _ = package::unpack(&bytes, "mật khẩu");
    let unpack = millis(t, 1);
    println!(
        "\nFirst file: encode {encode}, decode {decode}; lock {lock}, unlock {unlock}, wrong \
         passphrase {wrong}; package of {} people: {} bytes, pack {pack}, unpack {unpack}.",
        roster.people.len(),
        bytes.len()
    );
}
