//! The coded roster ([`Coded`]) against the plain reading it replaces: a report, a
//! cross-tab and the people behind a figure computed person by person, each value read with
//! [`Dimension::value`]. Every sample roster, and a generated one with spellings of units,
//! missing values and merged columns, under every one-value filter, pairs of them, values
//! no one has, and every pair of dimensions.

use std::collections::HashMap;

use super::coded::Facts;
use super::*;
use crate::import::{import, FileInput, Overrides};
use crate::lang::Lang;
use crate::roster::{unit_key, Person};

/// The report read person by person, the way it was computed before the coded form.
fn plain_report(roster: &Roster, options: &ReportOptions) -> Report {
    let present = Present::of(roster);
    let mut total = Tally::new(present, &options.bands, options.as_of);
    let mut units: Vec<(String, Tally)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for p in roster
        .people
        .iter()
        .filter(|p| plain_kept(p, options, &options.filter))
    {
        let facts = plain_facts(p);
        total.add(&facts);
        let i = *at.entry(unit_key(&p.unit)).or_insert_with(|| {
            units.push((
                p.unit.clone(),
                Tally::new(present, &options.bands, options.as_of),
            ));
            units.len() - 1
        });
        units[i].1.add(&facts);
    }
    Report {
        schema: SCHEMA.into(),
        as_of: options.as_of,
        figures: total.figures,
        units: units
            .into_iter()
            .map(|(unit, t)| UnitFigures {
                unit,
                figures: t.figures,
            })
            .collect(),
        sources: roster.sources.clone(),
        warnings: roster.warnings.as_slice().into(),
    }
}

fn plain_facts(p: &Person) -> Facts {
    Facts::with(
        p,
        p.ethnic_minority(),
        p.religion.as_deref().map(is_religious),
    )
}

fn plain_kept(p: &Person, options: &ReportOptions, filter: &Filter) -> bool {
    filter
        .conditions
        .iter()
        .all(|(dim, allowed)| allowed.is_empty() || allowed.contains(&dim.value(p, options)))
}

fn plain_rows(roster: &Roster, options: &ReportOptions, extra: &Filter) -> Vec<usize> {
    (0..roster.people.len())
        .filter(|&i| {
            let p = &roster.people[i];
            plain_kept(p, options, &options.filter) && plain_kept(p, options, extra)
        })
        .collect()
}

/// Counts by the two values, values ordered by [`Dimension::rank`] from first appearance.
fn plain_crosstab(
    roster: &Roster,
    options: &ReportOptions,
    rows: Dimension,
    cols: Dimension,
) -> CrossTab {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for p in roster
        .people
        .iter()
        .filter(|p| plain_kept(p, options, &options.filter))
    {
        pairs.push((rows.value(p, options), cols.value(p, options)));
    }
    let mut unit_order = HashMap::new();
    for p in &roster.people {
        let n = unit_order.len();
        unit_order.entry(unit_key(&p.unit)).or_insert(n);
    }
    let values = |pick: &dyn Fn(&(String, String)) -> String, dim: Dimension| {
        let mut seen: Vec<String> = Vec::new();
        for pair in &pairs {
            let v = pick(pair);
            if !seen.contains(&v) {
                seen.push(v);
            }
        }
        seen.sort_by_cached_key(|v| dim.rank(v, unit_order.get(v).copied()));
        seen
    };
    let row_values = values(&|p| p.0.clone(), rows);
    let col_values = values(&|p| p.1.clone(), cols);
    let counts = row_values
        .iter()
        .map(|r| {
            col_values
                .iter()
                .map(|c| pairs.iter().filter(|p| &p.0 == r && &p.1 == c).count() as u32)
                .collect()
        })
        .collect();
    CrossTab {
        rows,
        cols,
        row_values,
        col_values,
        counts,
    }
}

fn read(name: &str, bytes: Vec<u8>) -> Roster {
    import(
        &[FileInput {
            name: name.into(),
            bytes,
        }],
        &Overrides::default(),
    )
    .roster
}

fn samples() -> Vec<(String, Roster)> {
    crate::test_samples::names()
        .into_iter()
        .map(|n| {
            let roster = crate::test_samples::roster(&n);
            (n, roster)
        })
        .collect()
}

/// A roster whose units are spelt several ways, with blanks, unknown levels, births in
/// three precisions, religions written as "Không" and as names, ethnic groups in and out of
/// the list of minorities.
fn generated() -> Roster {
    let units = [
        "Xã Tân Lập",
        "xã tân lập",
        "XÃ TÂN LẬP",
        "Thị trấn Mường Tè",
        "Xã Bum Nưa",
    ];
    let births = [
        "12/05/1970",
        "1984",
        "03/1999",
        "",
        "29/02/1996",
        "01/01/1964",
    ];
    let genders = ["Nam", "Nữ", "", "nữ"];
    let ethnic = ["Kinh", "Thái", "", "Hà Nhì", "Mông", "kinh"];
    let religions = ["Không", "", "Phật giáo", "khong", "Công giáo"];
    let party = ["x", "", "Đảng viên", ""];
    let levels = ["Đại học", "Cao đẳng", "Trung cấp", "", "Thạc sĩ", "Sơ cấp"];
    let theory = ["Cao cấp", "Trung cấp", "", "Sơ cấp"];
    let positions = [
        "Chủ tịch UBND",
        "Công chức Tư pháp - Hộ tịch",
        "Bí thư Đảng ủy",
        "Văn phòng - Thống kê",
        "Chỉ huy trưởng Quân sự",
        "",
    ];
    let evaluations = [
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành xuất sắc nhiệm vụ",
        "",
        "Không hoàn thành nhiệm vụ",
    ];
    let mut csv = String::from(
        "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Đơn vị,Chức vụ,Đảng viên,Chuyên môn,Lý luận chính trị,Đánh giá\n",
    );
    for i in 0..600usize {
        let pick = |list: &[&str], step: usize| list[(i * step + i / 7) % list.len()].to_string();
        csv.push_str(&format!(
            "Người Thứ {i},{},{},{},{},{},{},{},{},{},{}\n",
            pick(&births, 5),
            pick(&genders, 3),
            pick(&ethnic, 7),
            pick(&religions, 11),
            pick(&units, 13),
            pick(&positions, 17),
            pick(&party, 19),
            pick(&levels, 23),
            pick(&theory, 29),
            pick(&evaluations, 31),
        ));
    }
    let roster = read("generated.csv", csv.into_bytes());
    assert_eq!(roster.people.len(), 600);
    roster
}

/// Filters to try on `roster`: none; each value of each dimension alone (and a value no
/// one has); pairs of values across two dimensions.
fn filters(roster: &Roster, options: &ReportOptions) -> Vec<Filter> {
    let mut filters = vec![
        Filter::default(),
        Filter::default().and(Dimension::Gender, vec![]),
    ];
    let mut seen: Vec<(Dimension, Vec<String>)> = Vec::new();
    for &dim in Dimension::ALL {
        let mut values: Vec<String> = Vec::new();
        for p in &roster.people {
            let v = dim.value(p, options);
            if !values.contains(&v) {
                values.push(v);
            }
            if values.len() >= 6 {
                break;
            }
        }
        for v in &values {
            filters.push(Filter::default().and(dim, vec![v.clone()]));
        }
        filters.push(Filter::default().and(dim, vec!["không-có-ai".into()]));
        filters.push(Filter::default().and(dim, values.iter().take(2).cloned().collect()));
        seen.push((dim, values));
    }
    for pair in seen.windows(2) {
        if let (Some(a), Some(b)) = (pair[0].1.first(), pair[1].1.last()) {
            filters.push(
                Filter::default()
                    .and(pair[0].0, vec![a.clone()])
                    .and(pair[1].0, vec![b.clone()]),
            );
        }
    }
    filters
}

fn check(name: &str, roster: &Roster) {
    let coded = Coded::new(roster);
    assert_eq!(coded.len(), roster.people.len(), "{name}");
    let base = ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        bands: "30,46,61".parse().unwrap(),
        ..Default::default()
    };
    for filter in filters(roster, &base) {
        let options = ReportOptions {
            filter: filter.clone(),
            ..base.clone()
        };
        assert_eq!(
            coded.report(&options),
            plain_report(roster, &options),
            "{name}: {filter:?}"
        );
        let extra =
            Filter::default().and(Dimension::Category, vec![Category::CongChuc.code().into()]);
        assert_eq!(
            coded.rows(&options, &extra),
            plain_rows(roster, &options, &extra),
            "{name}: {filter:?}"
        );
        assert_eq!(
            coded.rows(&options, &Filter::default()),
            plain_rows(roster, &options, &Filter::default())
        );
    }
    for &rows in Dimension::ALL {
        for &cols in Dimension::ALL {
            assert_eq!(
                coded.crosstab(&base, rows, cols),
                plain_crosstab(roster, &base, rows, cols),
                "{name}: {rows:?} × {cols:?}"
            );
        }
    }
}

#[test]
fn the_coded_roster_gives_what_reading_each_person_gives_on_every_sample() {
    let samples = samples();
    assert!(samples.len() >= 5);
    for (name, roster) in &samples {
        check(name, roster);
    }
}

#[test]
fn the_coded_roster_gives_what_reading_each_person_gives_on_generated_spellings() {
    let roster = generated();
    let coded = Coded::new(&roster);
    // The unit spelt three ways is one unit, named as its first person wrote it.
    let r = coded.report(&ReportOptions::default());
    assert_eq!(
        r.units.len(),
        3,
        "{:?}",
        r.units.iter().map(|u| &u.unit).collect::<Vec<_>>()
    );
    check("generated", &roster);
}

#[test]
fn an_empty_roster_gives_an_empty_report() {
    let roster = Roster::default();
    let coded = Coded::new(&roster);
    assert!(coded.is_empty());
    assert_eq!(
        coded.report(&ReportOptions::default()),
        plain_report(&roster, &ReportOptions::default())
    );
    assert!(coded
        .rows(&ReportOptions::default(), &Filter::default())
        .is_empty());
}

#[test]
fn coding_in_slices_of_any_size_gives_the_roster_coded_at_once() {
    let mut rosters = samples();
    rosters.push(("generated".into(), generated()));
    for (name, roster) in &rosters {
        let whole = format!("{:?}", Coded::new(roster));
        let n = roster.people.len();
        for slice in [1, 2, 7, n.max(1)] {
            let mut coding = Coding::new();
            for people in roster.people.chunks(slice) {
                coding.add(people);
            }
            assert_eq!(coding.len(), n, "{name}, slices of {slice}");
            let sliced = format!("{:?}", coding.finish(roster));
            assert!(sliced == whole, "{name}, slices of {slice}: differs");
        }
    }
}

#[test]
fn a_roster_coded_in_halves_is_the_roster_coded_at_once() {
    let mut rosters = samples();
    rosters.push(("generated".into(), generated()));
    let mut split = 0;
    for (name, roster) in &rosters {
        let mut whole = Coding::new();
        whole.add(&roster.people);
        let whole = format!("{:?}", whole.finish(roster));
        // Halves of one person, of a few, and of half the roster (its halves as they come).
        for half_at_least in [1, 3, (roster.people.len() / 2).max(1)] {
            let halves = format!("{:?}", Coded::in_halves(roster, half_at_least));
            assert!(
                halves == whole,
                "{name}, halves of {half_at_least} or more: differs"
            );
            split += usize::from(roster.people.len() / 2 >= half_at_least);
        }
        // Two codings appended, split anywhere, and people added after (in the units'
        // spellings and keys the appended coding brought).
        let n = roster.people.len();
        for (at, then) in [(0, n), (1, n), (n / 3, 2 * n / 3), (n / 2, n), (n, n)] {
            let (front, rest) = roster.people.split_at(at);
            let (middle, back) = rest.split_at(then - at);
            let (mut first, mut second) = (Coding::new(), Coding::new());
            first.add(front);
            second.add(middle);
            first.append(second);
            first.add(back);
            let appended = format!("{:?}", first.finish(roster));
            assert!(
                appended == whole,
                "{name}, split at {at} and {then}: differs"
            );
        }
    }
    assert!(split > 10, "{split} rosters coded in halves");
}

#[test]
fn a_roster_coded_from_its_stored_columns_is_the_roster_coded_person_by_person() {
    let mut rosters = samples();
    rosters.push(("generated".into(), generated()));
    rosters.push(("empty".into(), Roster::default()));
    for (name, roster) in &rosters {
        let bytes = crate::store::columnar::encode(roster).unwrap();
        let decoding = crate::store::columnar::Decoding::new(&bytes).unwrap();
        let (read, coded) = decoding.finish_coded().unwrap();
        assert!(read == *roster, "{name}: the roster read back");
        let whole = format!("{:?}", Coded::in_halves(roster, usize::MAX));
        assert!(format!("{coded:?}") == whole, "{name}: coded differently");
        // A part at a time, as the page codes it, the same; the parts are several.
        let mut decoding = crate::store::columnar::Decoding::new(&bytes).unwrap();
        let mut parts = 1;
        while !decoding.code().unwrap() {
            parts += 1;
        }
        assert!(decoding.code().unwrap(), "{name}: done stays done");
        assert!(parts >= 4, "{name}: {parts} parts");
        let (_, in_parts) = decoding.finish_coded().unwrap();
        assert!(
            format!("{in_parts:?}") == whole,
            "{name}: coded in parts differently"
        );
    }
}

#[test]
fn a_filter_offers_every_value_of_the_whole_roster_named_as_the_report_names_it() {
    let mut rosters = samples();
    rosters.push(("generated".into(), generated()));
    for (name, roster) in &rosters {
        let coded = Coded::new(roster);
        for lang in [Lang::Vi, Lang::En] {
            let whole = ReportOptions::default();
            let report = plain_report(roster, &whole);
            // A filter chosen changes nothing of what is offered.
            let mut filtered = whole.clone();
            filtered.filter = Filter {
                conditions: vec![(Dimension::Gender, vec!["nu".into()])],
            };
            for &dim in Dimension::ALL {
                let values = plain_crosstab(roster, &whole, dim, Dimension::Category).row_values;
                let expected: Vec<(String, String)> = values
                    .into_iter()
                    .map(|v| {
                        let label = dim.value_label(&v, &report, lang);
                        (v, label)
                    })
                    .collect();
                assert_eq!(
                    coded.choices(dim, &filtered, lang),
                    expected,
                    "{name}, {dim:?}"
                );
                // Any few of them, in any order, named alone: as the report names them.
                let some: Vec<(String, String)> =
                    expected.iter().rev().step_by(3).cloned().collect();
                let values: Vec<String> = some.iter().map(|(v, _)| v.clone()).collect();
                let labels: Vec<String> = some.into_iter().map(|(_, l)| l).collect();
                assert_eq!(
                    coded.labels(dim, &values, &filtered, lang),
                    labels,
                    "{name}, {dim:?}, labelled alone"
                );
            }
        }
    }
}

#[test]
fn the_reports_of_one_roster_share_its_warnings_rather_than_copy_them() {
    let (_, roster) = samples()
        .into_iter()
        .find(|(_, r)| !r.warnings.is_empty())
        .expect("a sample with warnings");
    let coded = Coded::new(&roster);
    let whole = coded.report(&ReportOptions::default());
    let women = ReportOptions {
        filter: Filter {
            conditions: vec![(Dimension::Gender, vec!["nu".into()])],
        },
        ..ReportOptions::default()
    };
    let filtered = coded.report(&women);
    assert_eq!(&whole.warnings[..], &roster.warnings[..]);
    assert!(std::sync::Arc::ptr_eq(&whole.warnings, &filtered.warnings));
}

#[test]
fn a_filter_list_is_narrowed_by_what_is_typed_and_keeps_the_value_chosen() {
    let choices: Vec<(String, String)> = [
        "Xã Yên Thế",
        "Phường Đồng Tâm",
        "Thị trấn Yên Thịnh",
        "XÃ YÊN THẾ (cũ)",
        "Xã Tân-Lập",
    ]
    .iter()
    .enumerate()
    .map(|(i, l)| (format!("k{i}"), l.to_string()))
    .collect();
    let narrow = |q: &str| crate::report::narrow_choices(&choices, q, "");
    // Nothing to match: everything, in the order given.
    assert_eq!(narrow(""), [0, 1, 2, 3, 4]);
    assert_eq!(narrow("  - "), [0, 1, 2, 3, 4]);
    // Case, diacritics, đ and punctuation aside; in the order given.
    for q in ["yen the", "Yên Thế", "YEN-THE", "yên  thế"] {
        assert_eq!(narrow(q), [0, 3], "{q}");
    }
    assert_eq!(narrow("dong tam"), [1]);
    assert_eq!(narrow("Đồng"), [1]);
    assert_eq!(narrow("yen th"), [0, 2, 3]);
    assert_eq!(narrow("tan lap"), [4]);
    assert!(narrow("hà nội").is_empty());
    // Each label finds itself.
    for (i, (_, label)) in choices.iter().enumerate() {
        assert!(narrow(label).contains(&i), "{label}");
    }
    // The value chosen is always shown: first when the query leaves it out, in its place
    // when the query finds it, and a code no choice has changes nothing.
    let with = |q: &str, chosen: &str| crate::report::narrow_choices(&choices, q, chosen);
    assert_eq!(with("dong tam", "k4"), [4, 1]);
    assert_eq!(with("yen th", "k2"), [0, 2, 3]);
    assert_eq!(with("hà nội", "k0"), [0]);
    assert_eq!(with("", "k3"), [0, 1, 2, 3, 4]);
    assert_eq!(with("dong tam", "k9"), [1]);
}
