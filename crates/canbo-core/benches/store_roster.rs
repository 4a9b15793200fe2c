//! Keeping a roster in local storage: the characters each stored form takes and the time to
//! pack and unpack it, for synthetic rosters of 10,000 and 250,000 people
//! (examples/support/synthetic.rs), version 1 (row-wise JSON, deflated, base64) against
//! version 2 (columns of small integers, deflated, 15 bits a character). docs/BENCHMARKS.md,
//! "Storage". Run: `cargo bench -p canbo-core --bench store_roster`.

#[path = "../examples/support/synthetic.rs"]
mod synthetic;

use canbo_core::store::{self, columnar};
use criterion::{criterion_group, criterion_main, Criterion};

/// What Chromium's local storage holds per site, in UTF-16 code units (measured).
const QUOTA: usize = 5_242_879;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("store_roster");
    group.sample_size(10);
    for people in [10_000usize, 250_000] {
        let roster = synthetic::roster(people);
        let v1 = store::pack(columnar::KIND, 1, &roster).expect("pack v1");
        let v2 = columnar::pack(&roster).expect("pack v2");
        for (form, text) in [("version 1", &v1), ("version 2", &v2)] {
            let chars = text.encode_utf16().count();
            eprintln!(
                "{people} people, {form}: {chars} characters ({:.1} per person, {:.1} % of the quota)",
                chars as f64 / people as f64,
                100.0 * chars as f64 / QUOTA as f64
            );
        }
        assert_eq!(columnar::unpack(&v2).as_ref(), Ok(&roster));
        group.bench_function(format!("pack_v2_{people}"), |b| {
            b.iter(|| columnar::pack(&roster).unwrap())
        });
        group.bench_function(format!("unpack_v2_{people}"), |b| {
            b.iter(|| columnar::unpack(&v2).unwrap())
        });
        group.bench_function(format!("pack_v1_{people}"), |b| {
            b.iter(|| store::pack(columnar::KIND, 1, &roster).unwrap())
        });
        group.bench_function(format!("unpack_v1_{people}"), |b| {
            b.iter(|| columnar::unpack(&v1).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
