//! What `import` costs in memory, as a multiple of the file size: a counting global allocator
//! records the peak of heap bytes in use while one import runs (above what was in use before
//! it), for the samples, the hostile files of `tests/hostile.rs` and the fuzzers' findings.
//! Each must stay under `K × file size + C` (docs/RELIABILITY.md, "Memory"). A time bound
//! would depend on the machine; a byte count does not.
//!
//! The table of docs/RELIABILITY.md comes from
//! `cargo test -p canbo-core --test memory -- --nocapture` (each line printed), and the
//! 250,000-person roster from the ignored test, with `CANBO_BIG_ROSTER=/tmp/roster-250k.xlsx`
//! (`cargo xtask gen-roster --people 250000 --out /tmp/roster-250k.xlsx`).

mod hostile_files;

use canbo_core::{import, FileInput, Import, Overrides};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The allocator: the system's, counting the bytes in use and their peak.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    CURRENT.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is passed to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time: the harness runs tests on several threads, and one test building its
/// files (the 2 GB bomb's chunks) while another measures would count in the other's peak.
/// Each test holds this for its whole run.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// The bound: peak heap ≤ K × file size + C. K covers what a roster becomes once read (each
/// cell a `Cell`, each person a `Person` with their text; the 250,000-person roster peaks at
/// 15.8 × its size); C an xls grid of up to `limits::XLS_GRID_SLACK` cells that calamine
/// allocates whatever the file's size, at 64 bytes a cell (its range and the copy
/// `worksheet_range` returns): 64.4 MB measured, the largest fixed cost (a sample's is 1 MB).
const K: u64 = 20;
const C: u64 = 72_000_000;

/// Peak heap bytes of one `import` of `bytes` (the input's own copy is made before).
fn peak_of_import(name: &str, bytes: Vec<u8>) -> (Import, u64) {
    let input = [FileInput {
        name: name.into(),
        bytes,
    }];
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let imported = import(&input, &Overrides::default());
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base) as u64;
    (imported, peak)
}

/// Imports once so that what is built once per process (lazy tables) is not counted.
fn warm_up() {
    let bytes = std::fs::read(samples().join("mau-son.csv")).expect("sample");
    let _ = peak_of_import("mau-son.csv", bytes);
}

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples")
}

/// Measures, prints the table row and checks the bound; returns the peak.
fn check(name: &str, bytes: Vec<u8>) -> (Import, u64) {
    let size = bytes.len() as u64;
    let (imported, peak) = peak_of_import(name, bytes);
    let outcome = match imported.errors.first() {
        Some(e) => format!("refused: {e}"),
        None => format!("{} people", imported.roster.people.len()),
    };
    let outcome: String = outcome.chars().take(90).collect();
    println!(
        "| {name} | {:.2} MB | {:.1} MB | {:.1} | {outcome} |",
        size as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / size.max(1) as f64,
    );
    assert!(
        peak <= K * size + C,
        "{name}: {peak} bytes at the peak for a {size}-byte file, more than {K} × size + {C}"
    );
    (imported, peak)
}

#[test]
fn importing_a_sample_costs_at_most_k_times_its_size_plus_c() {
    let _alone = alone();
    warm_up();
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(samples())
        .expect("samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ["xlsx", "xls", "csv", "ods"].contains(&&*e.to_string_lossy()))
        })
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let (imported, _) = check(&name, std::fs::read(&path).expect("read"));
        assert!(imported.errors.is_empty(), "{name}: {:?}", imported.errors);
        assert!(!imported.roster.people.is_empty(), "{name}");
        seen += 1;
    }
    assert!(seen >= 6, "only {seen} samples");
}

#[test]
fn importing_a_hostile_file_costs_at_most_k_times_its_size_plus_c() {
    let _alone = alone();
    warm_up();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("bomb-2gb.xlsx", hostile_files::bomb(2_000_000_000, None)),
        (
            "bomb-1gb-declared-1mb.xlsx",
            hostile_files::bomb(1_000_000_000, Some(1_000_000)),
        ),
        ("ratio-40mb.xlsx", hostile_files::bomb(40_000_000, None)),
        ("dimension.xlsx", hostile_files::absurd_dimension()),
        ("shared-strings.xlsx", hostile_files::huge_shared_strings()),
        ("endless-line.csv", hostile_files::endless_line_csv()),
        ("corners.xls", hostile_files::xls_corners()),
        ("repeated.ods", hostile_files::ods_repeated()),
        // Just under the grid limit: 30 rows each repeating one value 16,384 times (983,040
        // cells in calamine's row lists and its grid), which calamine reads.
        (
            "grid-limit.ods",
            hostile_files::ods(&r#"<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#.repeat(30)),
        ),
        // Just under the grid limit (a 4,096-byte stream: 1,004,096 cells), which calamine
        // reads: 3,921 rows × 256 columns, the worst an xls this small may cost.
        (
            "grid-limit.xls",
            hostile_files::xls(&[
                hostile_files::biff_number(0, 0, 1.0),
                hostile_files::biff_number(3920, 255, 2.0),
            ]),
        ),
    ];
    for (name, bytes) in files {
        check(name, bytes);
    }
    // The fuzzers' findings, whole import (the first byte is the fuzz target's mode).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .expect("fuzz-regressions")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    found.sort();
    for path in found {
        let bytes = std::fs::read(&path).expect("read");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        check(&name, bytes[1..].to_vec());
    }
}

/// The 250,000-person roster of docs/BENCHMARKS.md (20.5 MB): too slow for every run.
#[test]
#[ignore = "needs CANBO_BIG_ROSTER, a 250,000-person roster (cargo xtask gen-roster)"]
fn importing_the_largest_roster_costs_at_most_k_times_its_size_plus_c() {
    let path = std::env::var("CANBO_BIG_ROSTER").expect("CANBO_BIG_ROSTER");
    let _alone = alone();
    warm_up();
    let (imported, _) = check("roster-250k.xlsx", std::fs::read(&path).expect("read"));
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
}
