//! Who is behind a figure: for every sample and every independent roster, each figure a
//! person can click (top level and per unit, on the report and on the retirement page) lists
//! exactly as many people as the figure says. The page and the CLI list people only through
//! these core functions (`report::stat_filter`, `report::unit_stat_filter` + `report::matching`,
//! `Forecast::people_in`), so this is the test of every drill-down they show.

mod support;

use canbo_core::report::{
    crosstab, matching, report, stat_filter, stats, unit_stat_filter, Dimension, Filter,
};
use canbo_core::retirement::{forecast, RetireePick, RetirementLaw, RetirementOptions};
use std::path::PathBuf;

fn rosters() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = support::files_with_expected(&root.join("../../../shared/samples"));
    for set in ["muong-khoa", "nam-van"] {
        files.extend(support::files_with_expected(
            &root.join("tests/independent").join(set),
        ));
    }
    files
}

#[test]
fn every_report_figure_lists_as_many_people_as_it_counts() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in rosters() {
        let (roster, options) = support::load(&path);
        let r = report(&roster, &options);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let groups = std::iter::once((None, &r.figures))
            .chain(r.units.iter().map(|u| (Some(&u.unit), &u.figures)));
        for (unit, figures) in groups {
            for stat in stats(figures) {
                // A unit's figure as the per-unit form lists its people.
                let filter = match unit {
                    Some(unit) => unit_stat_filter(unit, &stat.path),
                    None => stat_filter(&stat.path),
                };
                let Some(filter) = filter else {
                    continue;
                };
                let listed = matching(&roster, &options, &filter).len();
                checked += 1;
                if listed != stat.value as usize {
                    failures.push(format!(
                        "{name} {} {}: shows {}, lists {listed}",
                        unit.map_or("", String::as_str),
                        stat.path,
                        stat.value
                    ));
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} figures checked");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_crosstab_cell_lists_as_many_people_as_it_counts() {
    // Units by every other dimension, and categories by every level: the cells a person
    // clicks in the cross-tab, each listed through the same `matching` as the report.
    let pairs: Vec<(Dimension, Dimension)> = Dimension::ALL
        .iter()
        .filter(|d| **d != Dimension::Unit)
        .map(|d| (Dimension::Unit, *d))
        .chain(
            Dimension::ALL
                .iter()
                .filter(|d| **d != Dimension::Category)
                .map(|d| (Dimension::Category, *d)),
        )
        .collect();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in rosters() {
        let (roster, options) = support::load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for &(rows, cols) in &pairs {
            let t = crosstab(&roster, &options, rows, cols);
            for (r, row_value) in t.row_values.iter().enumerate() {
                for (c, col_value) in t.col_values.iter().enumerate() {
                    let filter = Filter::default()
                        .and(rows, vec![row_value.clone()])
                        .and(cols, vec![col_value.clone()]);
                    let listed = matching(&roster, &options, &filter).len();
                    checked += 1;
                    if listed != t.counts[r][c] as usize {
                        failures.push(format!(
                            "{name} {rows:?}={row_value} × {cols:?}={col_value}: shows {}, lists {listed}",
                            t.counts[r][c]
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} cells checked");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_retirement_count_lists_as_many_people_as_it_counts() {
    let law = RetirementLaw::default();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in rosters() {
        let (roster, options) = support::load(&path);
        let f = forecast(&roster, &law, &RetirementOptions::new(options.as_of));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut check = |what: String, pick: RetireePick, want: u32| {
            checked += 1;
            let listed = f.people_in(&pick).len();
            if listed != want as usize {
                failures.push(format!("{name} {what}: shows {want}, lists {listed}"));
            }
        };
        check("all".into(), RetireePick::default(), f.people.len() as u32);
        check(
            "overdue".into(),
            RetireePick {
                overdue: true,
                ..Default::default()
            },
            f.overdue,
        );
        for y in &f.years {
            let year = RetireePick {
                year: Some(y.year),
                ..Default::default()
            };
            check(format!("{}", y.year), year, y.count);
        }
        let rows = f
            .by_unit
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let pick = RetireePick {
                    unit: Some(i),
                    ..Default::default()
                };
                (u.unit.clone(), pick, &u.timeline)
            })
            .chain(f.by_title.iter().enumerate().map(|(i, t)| {
                let pick = RetireePick {
                    title: Some(i),
                    ..Default::default()
                };
                (t.label.clone(), pick, &t.timeline)
            }));
        let rows: Vec<_> = rows.collect();
        for (label, base, timeline) in rows {
            check(format!("{label} total"), base.clone(), timeline.total);
            let overdue = RetireePick {
                overdue: true,
                ..base.clone()
            };
            check(format!("{label} overdue"), overdue, timeline.overdue);
            for y in &timeline.years {
                let year = RetireePick {
                    year: Some(y.year),
                    ..base.clone()
                };
                check(format!("{label} {}", y.year), year, y.count);
            }
        }
    }
    assert!(checked > 1_000, "only {checked} counts checked");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_unit_spelt_two_ways_lists_all_its_people() {
    // The same commune written with and without diacritics and in capitals is one unit: its
    // count and its list agree.
    let csv = "Họ và tên,Đơn vị,Ngày sinh,Giới tính,Chức vụ\n\
               A,Xã Chiềng Sơ,01/01/1966,Nam,Chủ tịch UBND\n\
               B,XA CHIENG SO,01/01/1966,Nam,Phó Chủ tịch UBND\n\
               C,xã Chiềng Sơ,01/01/1967,Nam,Công chức Tư pháp - Hộ tịch\n";
    let imported = canbo_core::import(
        &[canbo_core::FileInput {
            name: "ds.csv".into(),
            bytes: csv.as_bytes().to_vec(),
        }],
        &canbo_core::Overrides::default(),
    );
    let as_of = canbo_core::Date::new(2025, 12, 31).unwrap();
    let f = forecast(
        &imported.roster,
        &RetirementLaw::default(),
        &RetirementOptions::new(as_of),
    );
    assert_eq!(f.by_unit.len(), 1, "{:?}", f.by_unit);
    let pick = RetireePick {
        unit: Some(0),
        ..Default::default()
    };
    assert_eq!(f.people_in(&pick).len() as u32, f.by_unit[0].timeline.total);
    assert_eq!(f.by_unit[0].timeline.total, 3);
    // An index past the list is nobody, not everybody.
    let past = RetireePick {
        unit: Some(5),
        ..Default::default()
    };
    assert!(f.people_in(&past).is_empty());
}
