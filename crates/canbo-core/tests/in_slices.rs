//! A page judges standards and forecasts retirement a slice of people at a time
//! (`standards::Judging`, `retirement::Forecasting`), drawing between slices. For every
//! sample and independent roster, every built-in rule set and several report dates, any
//! slicing gives exactly the result of the whole roster at once; and the counts agree with
//! the person-by-person assessment (`standards::assess`, counted with `Tally::add`), which
//! is written out apart from the slicing's own counting.

mod support;

use canbo_core::export::Lang;
use canbo_core::retirement::{forecast, Forecasting, RetirementLaw, RetirementOptions};
use canbo_core::roster::{unit_key, Roster};
use canbo_core::standards::{
    assess, defaults, standards_in, Judging, Outcome, Standards, StandardsOptions, Status, Tally,
};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn rosters() -> Vec<(String, Roster)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = support::files_with_expected(&root.join("../../../shared/samples"));
    for set in ["muong-khoa", "nam-van"] {
        files.extend(support::files_with_expected(
            &root.join("tests/independent").join(set),
        ));
    }
    assert!(files.len() > 10, "only {} rosters", files.len());
    files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, support::load(path).0)
        })
        .collect()
}

/// The roster cut in slices of `size` people, with an empty slice first (a page may ask
/// for one when the roster changes under it).
fn slices(roster: &Roster, size: usize) -> impl Iterator<Item = &[canbo_core::roster::Person]> {
    std::iter::once(&roster.people[..0]).chain(roster.people.chunks(size))
}

fn dates() -> [canbo_core::Date; 3] {
    ["2024-12-31", "2025-07-01", "2030-06-30"].map(|d| d.parse().unwrap())
}

/// The options of a report date, with the first unit of the roster flagged as a difficult
/// area (written in capitals, to be matched by its key).
fn options_of(roster: &Roster, as_of: canbo_core::Date) -> StandardsOptions {
    let mut options = StandardsOptions::new(as_of);
    if let Some(p) = roster.people.first() {
        options.flag_unit(&p.unit.to_uppercase());
    }
    options
}

#[test]
fn standards_judged_in_slices_are_the_standards_of_the_whole_roster() {
    let mut compared = 0;
    for (name, roster) in rosters() {
        for rules in defaults() {
            for as_of in dates() {
                let options = options_of(&roster, as_of);
                let whole = standards_in(&roster, &rules, &options, Lang::Vi);
                let whole_en = standards_in(&roster, &rules, &options, Lang::En);
                for size in [1, 7, 1000] {
                    let mut judging = Judging::new(rules.clone(), options.clone());
                    for people in slices(&roster, size) {
                        judging.add(people);
                    }
                    assert_eq!(judging.judged(), roster.people.len());
                    assert_eq!(judging.notes(Lang::En), whole_en.notes, "{name}");
                    assert_eq!(
                        judging.finish(),
                        whole,
                        "{name} {} {as_of} by {size}",
                        rules.id
                    );
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 100, "only {compared}");
}

/// The counts of the assessments, person by person.
fn counted(
    roster: &Roster,
    a: &[canbo_core::standards::Assessment],
) -> (Tally, BTreeMap<String, Tally>) {
    let mut total = Tally::default();
    let mut by_unit: BTreeMap<String, Tally> = BTreeMap::new();
    for (a, p) in a.iter().zip(&roster.people) {
        total.add(a);
        by_unit.entry(unit_key(&p.unit)).or_default().add(a);
    }
    (total, by_unit)
}

#[test]
fn standards_count_what_the_person_by_person_assessment_says() {
    let mut people = 0;
    for (name, roster) in rosters() {
        for rules in defaults() {
            for as_of in dates() {
                let options = options_of(&roster, as_of);
                let result: Standards = standards_in(&roster, &rules, &options, Lang::Vi);
                let assessments = assess(&roster, &rules, &options);
                let (total, by_unit) = counted(&roster, &assessments);
                assert_eq!(result.total, total, "{name} {} {as_of}", rules.id);
                let units: BTreeMap<String, Tally> = result
                    .by_unit
                    .iter()
                    .map(|u| (unit_key(&u.unit), u.tally))
                    .collect();
                assert_eq!(units, by_unit, "{name}");
                for u in &result.by_unit {
                    assert_eq!(u.difficult_area, options.is_difficult(&u.unit), "{name}");
                }
                let below: Vec<usize> = assessments
                    .iter()
                    .filter(|a| a.criteria.iter().any(|j| j.outcome == Outcome::Below))
                    .map(|a| a.index)
                    .collect();
                let listed: Vec<usize> = result.people_below.iter().map(|l| l.index).collect();
                assert_eq!(listed, below, "{name}");
                let unknown = assessments
                    .iter()
                    .filter(|a| a.status == Status::Unknown)
                    .count();
                assert!(result.people_unknown.len() >= unknown, "{name}");
                people += roster.people.len();
            }
        }
    }
    assert!(people > 1000, "only {people}");
}

#[test]
fn retirement_forecast_in_slices_is_the_forecast_of_the_whole_roster() {
    let law = RetirementLaw::default();
    let mut compared = 0;
    for (name, roster) in rosters() {
        for as_of in dates() {
            for years in [1, 10, 50] {
                let options = RetirementOptions { as_of, years };
                let whole = forecast(&roster, &law, &options);
                for size in [1, 7, 1000] {
                    let mut forecasting = Forecasting::new(law.clone(), options);
                    for people in slices(&roster, size) {
                        forecasting.add(people);
                    }
                    assert_eq!(forecasting.placed(), roster.people.len());
                    assert_eq!(
                        forecasting.finish(),
                        whole,
                        "{name} {as_of} {years} by {size}"
                    );
                    compared += 1;
                }
                // Everyone is counted once in their unit, and every retiree once in a year or
                // as overdue.
                let people: u32 = whole.by_unit.iter().map(|u| u.people).sum();
                assert_eq!(people as usize, roster.people.len(), "{name}");
                let counted: u32 = whole.years.iter().map(|y| y.count).sum::<u32>() + whole.overdue;
                assert_eq!(counted as usize, whole.people.len(), "{name}");
            }
        }
    }
    assert!(compared > 100, "only {compared}");
}

/// Some of the roster's people, as a filter keeps them: every person but each third, and
/// a row past the end (a roster replaced under a page's list of rows).
fn some_rows(roster: &Roster) -> (Vec<usize>, Roster) {
    let rows: Vec<usize> = (0..roster.people.len()).filter(|i| i % 3 != 1).collect();
    let kept = Roster {
        people: rows.iter().map(|&i| roster.people[i].clone()).collect(),
        columns: roster.columns.clone(),
        ..Roster::default()
    };
    (rows, kept)
}

#[test]
fn standards_of_some_rows_are_the_standards_of_those_people_each_at_its_roster_index() {
    let mut compared = 0;
    for (name, roster) in rosters() {
        let (rows, kept) = some_rows(&roster);
        let mut asked = rows.clone();
        asked.push(roster.people.len() + 5);
        for rules in defaults() {
            for as_of in dates() {
                let options = options_of(&roster, as_of);
                let mut want = standards_in(&kept, &rules, &options, Lang::Vi);
                for line in want
                    .people_below
                    .iter_mut()
                    .chain(&mut want.people_in_grace)
                    .chain(&mut want.people_unknown)
                {
                    line.index = rows[line.index];
                }
                for size in [1, 7, 1000] {
                    let mut judging = Judging::new(rules.clone(), options.clone());
                    judging.add_rows(&roster.people, &[]);
                    for part in asked.chunks(size) {
                        judging.add_rows(&roster.people, part);
                    }
                    assert_eq!(judging.judged(), rows.len(), "{name}");
                    assert_eq!(
                        judging.finish(),
                        want,
                        "{name} {} {as_of} by {size}",
                        rules.id
                    );
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 100, "only {compared}");
}

#[test]
fn the_forecast_of_some_rows_is_the_forecast_of_those_people_each_at_its_roster_index() {
    let law = RetirementLaw::default();
    let mut compared = 0;
    let mut listed = 0;
    for (name, roster) in rosters() {
        let (rows, kept) = some_rows(&roster);
        let mut asked = rows.clone();
        asked.push(roster.people.len());
        for as_of in dates() {
            for years in [1, 10, 50] {
                let options = RetirementOptions { as_of, years };
                let mut want = forecast(&kept, &law, &options);
                for r in &mut want.people {
                    r.index = rows[r.index];
                }
                for u in want
                    .unknown_gender
                    .iter_mut()
                    .chain(&mut want.unknown_birth)
                {
                    u.index = rows[u.index];
                }
                listed += want.people.len();
                for size in [1, 7, 1000] {
                    let mut forecasting = Forecasting::new(law.clone(), options);
                    for part in asked.chunks(size) {
                        forecasting.add_rows(&roster.people, part);
                    }
                    assert_eq!(forecasting.placed(), rows.len(), "{name}");
                    assert_eq!(
                        forecasting.finish(),
                        want,
                        "{name} {as_of} {years} by {size}"
                    );
                    compared += 1;
                }
            }
        }
    }
    assert!(
        compared > 100 && listed > 100,
        "only {compared}, {listed} listed"
    );
}

/// A roster encoded in columns a slice at a time (`store::columnar::Encoding`) is the same
/// bytes as encoded at once, and reads back as the roster; finishing with a roster of
/// another length is refused, not written.
#[test]
fn columns_encoded_in_slices_are_the_columns_of_the_whole_roster() {
    use canbo_core::store::columnar::{decode, encode, Encoding};
    for (name, roster) in rosters() {
        let whole = encode(&roster).unwrap();
        for size in [1, 7, 100, 100_000] {
            let mut encoding = Encoding::new(roster.people.len());
            for slice in slices(&roster, size) {
                encoding.add(slice);
            }
            assert_eq!(encoding.people(), roster.people.len(), "{name}");
            assert!(
                encoding.finish(&roster).unwrap() == whole,
                "{name}, slices of {size}"
            );
        }
        assert!(decode(&whole).unwrap() == roster, "{name} read back");
        let mut short = Encoding::new(roster.people.len());
        short.add(&roster.people[..roster.people.len() - 1]);
        assert!(short.finish(&roster).is_err(), "{name}: a person short");
    }
}
