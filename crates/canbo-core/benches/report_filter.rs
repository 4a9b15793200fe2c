//! What a filter change and the end of an import cost the page, for synthetic rosters of
//! 100,000 and 250,000 people (examples/support/synthetic.rs): coding the roster once
//! (`report::Coded::new`), then a report under a filter, a cross-tab and the people behind
//! a figure from the coded roster, against the plain `report()` (which codes the roster for
//! the one call); and the roster crossing from the worker as columns
//! (`store::columnar::encode`/`decode`, and decoded then coded from its columns,
//! `Decoding::finish_coded`) against JSON; and the Tiêu chuẩn and Nghỉ hưu pages'
//! results over the whole roster (`standards::Judging`, `retirement::Forecasting`, which
//! the page feeds a slice at a time). docs/BENCHMARKS.md, "Second results" and "Tenth
//! results".
//! Run: `cargo bench -p canbo-core --bench report_filter`.

#[path = "../examples/support/synthetic.rs"]
mod synthetic;

use canbo_core::report::{Coded, Coding, Dimension, Filter};
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::standards;
use canbo_core::store::columnar;
use canbo_core::{report, ReportOptions};
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("report_filter");
    group.sample_size(10);
    for people in [100_000usize, 250_000] {
        let roster = synthetic::roster(people);
        let women = ReportOptions {
            as_of: "2024-12-31".parse().unwrap(),
            filter: Filter::default().and(Dimension::Gender, vec!["nu".into()]),
            ..Default::default()
        };
        let coded = Coded::new(&roster);
        assert_eq!(coded.report(&women), report(&roster, &women));
        group.bench_function(format!("code_{people}"), |b| b.iter(|| Coded::new(&roster)));
        // One pass on one thread, as the page codes a roster that did not come as columns.
        group.bench_function(format!("code_one_pass_{people}"), |b| {
            b.iter(|| {
                let mut coding = Coding::new();
                coding.add(&roster.people);
                coding.finish(&roster)
            })
        });
        group.bench_function(format!("coded_report_women_{people}"), |b| {
            b.iter(|| coded.report(&women))
        });
        group.bench_function(format!("coded_crosstab_age_gender_{people}"), |b| {
            b.iter(|| coded.crosstab(&women, Dimension::AgeBand, Dimension::Gender))
        });
        // The page's cross-tab at first: every unit by category.
        group.bench_function(format!("coded_crosstab_unit_category_{people}"), |b| {
            b.iter(|| coded.crosstab(&women, Dimension::Unit, Dimension::Category))
        });
        let party = Filter::default().and(Dimension::PartyMember, vec!["yes".into()]);
        group.bench_function(format!("coded_rows_{people}"), |b| {
            b.iter(|| coded.rows(&women, &party))
        });
        group.bench_function(format!("plain_report_women_{people}"), |b| {
            b.iter(|| report(&roster, &women))
        });
        let as_of = "2024-12-31".parse().unwrap();
        let sets = standards::defaults();
        let rules = standards::choose(&sets, None, as_of).expect("a rule set");
        let options = standards::StandardsOptions::new(as_of);
        group.bench_function(format!("standards_{people}"), |b| {
            b.iter(|| standards::standards(&roster, rules, &options))
        });
        let law = RetirementLaw::default();
        group.bench_function(format!("retirement_{people}"), |b| {
            b.iter(|| forecast(&roster, &law, &RetirementOptions::new(as_of)))
        });
        let encoded = columnar::encode(&roster).expect("encode");
        let json = serde_json::to_vec(&roster).expect("json");
        eprintln!(
            "{people} people: columns {} bytes, JSON {} bytes",
            encoded.len(),
            json.len()
        );
        group.bench_function(format!("decode_columns_{people}"), |b| {
            b.iter(|| columnar::decode(&encoded).unwrap())
        });
        // What the page does with an import's answer or a kept roster: the people read back,
        // then coded from the columns (`Coded::from_columns`).
        group.bench_function(format!("decode_columns_coded_{people}"), |b| {
            b.iter(|| {
                columnar::Decoding::new(&encoded)
                    .unwrap()
                    .finish_coded()
                    .unwrap()
            })
        });
        group.bench_function(format!("decode_json_{people}"), |b| {
            b.iter(|| serde_json::from_slice::<canbo_core::roster::Roster>(&json).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
