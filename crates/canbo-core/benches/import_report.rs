//! Import + report of synthetic rosters (examples/support/synthetic.rs), the figure
//! docs/BENCHMARKS.md compares with python-calamine's bare read of the same file.
//! Run: `cargo bench -p canbo-core --bench import_report`.

#[path = "../examples/support/synthetic.rs"]
mod synthetic;

use canbo_core::{import, report, FileInput, Overrides, ReportOptions};
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_report");
    group.sample_size(10);
    for people in [10_000usize, 250_000] {
        let path = std::env::temp_dir().join(format!("canbo-bench-{people}.xlsx"));
        if !path.exists() {
            std::fs::write(
                &path,
                synthetic::roster_xlsx(people, None).expect("generate"),
            )
            .expect("write");
        }
        let bytes = std::fs::read(&path).expect("read");
        let options = ReportOptions {
            as_of: "2024-12-31".parse().unwrap(),
            ..Default::default()
        };
        group.bench_function(format!("{people}_people"), |b| {
            b.iter(|| {
                let imported = import(
                    &[FileInput {
                        name: "r.xlsx".into(),
                        bytes: bytes.clone(),
                    }],
                    &Overrides::default(),
                );
                assert_eq!(imported.roster.people.len(), people);
                report(&imported.roster, &options)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
