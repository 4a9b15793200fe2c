use super::*;
use crate::import::{import, FileInput, Overrides};
use crate::roster::{unit_key, Person};

fn roster(csv: &str) -> Roster {
    let imported = import(
        &[FileInput {
            name: "t.csv".into(),
            bytes: csv.as_bytes().to_vec(),
        }],
        &Overrides::default(),
    );
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    imported.roster
}

const CSV: &str = "\
Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ,Trình độ chuyên môn
Lò Văn A,31/12/1994,Nam,Xã A,Chủ tịch UBND,Đại học
Lò Thị B,01/01/1995,Nữ,Xã A,Kế toán,Trung cấp
Vàng Văn C,1960,Nam,Xã B,Tư pháp,
";

fn options() -> ReportOptions {
    ReportOptions {
        as_of: "2024-12-31".parse().unwrap(),
        bands: "30,46,61".parse().unwrap(),
        ..Default::default()
    }
}

#[test]
fn every_breakdown_sums_to_people_and_missing_columns_are_null() {
    let r = report(&roster(CSV), &options());
    assert_eq!(r.people, 3);
    assert_eq!(r.category.total(), 3);
    assert_eq!(r.professional.as_ref().unwrap().total(), 3);
    assert_eq!(r.professional.as_ref().unwrap().get(Professional::None), 1);
    assert!(r.evaluation.is_none() && r.party_member.is_none() && r.ethnic_minority.is_none());
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["evaluation"], serde_json::Value::Null);
    assert_eq!(json["schema"], "canbo.report/1");
}

#[test]
fn age_is_completed_years_on_the_report_date() {
    let r = report(&roster(CSV), &options());
    // 31/12/1994 is 30 on 31/12/2024; 01/01/1995 is 29; 1960 alone is 64.
    let counts: Vec<u32> = r.age.bands.iter().map(|b| b.count).collect();
    assert_eq!(counts, vec![1, 1, 0, 1]);
}

#[test]
fn units_partition_the_total() {
    let r = report(&roster(CSV), &options());
    assert_eq!(r.units.len(), 2);
    assert_eq!(r.units.iter().map(|u| u.people).sum::<u32>(), r.people);
    assert_eq!(r.units[0].unit, "Xã A");
    assert_eq!(r.units[0].category.get(Category::CanBo), 1);
}

#[test]
fn a_filter_recomputes_everything_and_the_drill_down_lists_the_people() {
    let roster = roster(CSV);
    let mut opts = options();
    opts.filter = Filter::default().and(Dimension::Gender, vec!["nam".into()]);
    let r = report(&roster, &opts);
    assert_eq!(r.people, 2);
    assert_eq!(r.units.len(), 2);
    let who = matching(
        &roster,
        &opts,
        &Filter::default().and(Dimension::Unit, vec![unit_key("Xã B")]),
    );
    assert_eq!(who.len(), 1);
    assert_eq!(who[0].name, "Vàng Văn C");
    let rows = matching_rows(
        &roster,
        &opts,
        &Filter::default().and(Dimension::Unit, vec![unit_key("Xã B")]),
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(roster.people[rows[0]].name, "Vàng Văn C");
    let everyone = matching_rows(&roster, &opts, &Filter::default());
    let names: Vec<&str> = everyone
        .iter()
        .map(|&i| roster.people[i].name.as_str())
        .collect();
    let expected: Vec<&str> = matching(&roster, &opts, &Filter::default())
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, expected);
}

#[test]
fn crosstab_counts_every_pair() {
    let t = crosstab(
        &roster(CSV),
        &options(),
        Dimension::Unit,
        Dimension::Category,
    );
    assert_eq!(t.row_values, vec!["a", "b"]);
    assert_eq!(t.col_values, vec!["can_bo", "cong_chuc"]);
    assert_eq!(t.counts, vec![vec![1, 1], vec![0, 1]]);
    assert_eq!(t.count("a", "can_bo"), 1);
    assert_eq!(t.count("b", "can_bo"), 0);
    assert_eq!(t.count("b", "cong_chuc"), 1);
    assert_eq!(t.count("z", "cong_chuc"), 0);
    assert_eq!(t.count("a", "unknown"), 0);
}

#[test]
fn stats_use_the_json_paths_of_the_contract() {
    let r = report(&roster(CSV), &options());
    let all = stats(&r.figures);
    let get = |p: &str| all.iter().find(|s| s.path == p).map(|s| s.value);
    assert_eq!(get("people"), Some(3));
    assert_eq!(get("professional.dai_hoc"), Some(1));
    assert_eq!(get("age.bands.0.count"), Some(1));
    assert_eq!(get("age.unknown"), Some(0));
    assert_eq!(get("age.bands.0.to"), None);
    assert_eq!(get("evaluation.tot"), None);
}

#[test]
fn snapshots_compare_figure_by_figure() {
    let roster = roster(CSV);
    let before = report(&roster, &options());
    let mut opts = options();
    opts.filter = Filter::default().and(Dimension::Gender, vec!["nam".into()]);
    let after = report(&roster, &opts);
    let changes = compare(&before, &after);
    let people = changes.iter().find(|c| c.path == "people").unwrap();
    assert_eq!((people.before, people.after), (Some(3), Some(2)));
}

#[test]
fn stats_keep_the_report_order_of_codes() {
    let r = report(&roster(CSV), &options());
    let paths: Vec<String> = stats(&r.figures)
        .into_iter()
        .map(|s| s.path)
        .filter(|p| p.starts_with("professional."))
        .collect();
    assert_eq!(
        paths.first().map(String::as_str),
        Some("professional.tien_si")
    );
    assert_eq!(
        paths.last().map(String::as_str),
        Some("professional.unknown")
    );
}

#[test]
fn unit_spellings_share_a_key() {
    let csv = format!("{CSV}Lò Văn D,1990,Nam,xã a,Văn hóa,\n");
    let roster = roster(&csv);
    let options = options();
    let units: Vec<String> = roster
        .people
        .iter()
        .map(|p| Dimension::Unit.value(p, &options))
        .collect();
    assert_eq!(units[0], units[3], "«Xã A» and «xã a» are one unit");
    let table = crosstab(&roster, &options, Dimension::Unit, Dimension::Gender);
    assert_eq!(table.row_values.len(), 2);
    assert_eq!(table.counts.iter().flatten().sum::<u32>(), 4);
}

#[test]
fn crosstab_values_come_in_the_reports_order_with_their_labels() {
    use crate::codes::Professional as P;
    use crate::lang::Lang;
    let mut roster = Roster::default();
    roster.columns.add(crate::field::Field::Professional);
    for (unit, pro, title) in [
        (
            "Xã B",
            P::TrungCap,
            Some(crate::vocab::positions::Title::ChiHuyTruongQuanSu),
        ),
        ("Xã A", P::ThacSi, None),
        (
            "Xã B",
            P::DaiHoc,
            Some(crate::vocab::positions::Title::BiThuDoan),
        ),
        (
            "Xã A",
            P::None,
            Some(crate::vocab::positions::Title::BiThuDoan),
        ),
        ("Xã A", P::CaoDang, None),
    ] {
        roster.people.push(Person {
            professional: Some(pro),
            title,
            ..Person::blank("A", unit)
        });
    }
    let options = ReportOptions::default();
    let t = crosstab(&roster, &options, Dimension::Unit, Dimension::Professional);
    assert_eq!(
        t.col_values,
        ["thac_si", "dai_hoc", "cao_dang", "trung_cap", "none"]
    );
    assert_eq!(t.row_values, [unit_key("Xã B"), unit_key("Xã A")]);
    assert_eq!(t.counts, [[0, 1, 0, 1, 0], [1, 0, 1, 0, 1]]);
    let r = report(&roster, &options);
    assert_eq!(
        Dimension::Unit.value_label(&t.row_values[0], &r, Lang::Vi),
        "Xã B"
    );
    let t = crosstab(&roster, &options, Dimension::Title, Dimension::Gender);
    assert_eq!(
        t.row_values,
        ["bi_thu_doan", "chi_huy_truong_quan_su", "unknown"]
    );
    assert_eq!(
        Dimension::Title.value_label("chi_huy_truong_quan_su", &r, Lang::Vi),
        "Chỉ huy trưởng Quân sự"
    );
    assert_eq!(
        Dimension::Title.value_label("bi_thu_doan", &r, Lang::En),
        "Youth Union Secretary"
    );
}

/// A report's headline is its figures of the whole roster alone: what the headline figures
/// show (every top-level stat) is the same, and nothing of a unit, a source or a warning is
/// sent along.
#[test]
fn a_headline_keeps_the_whole_roster_s_figures_and_nothing_else() {
    let roster = crate::test_samples::roster("mau-son-xa.xlsx");
    let full = report(&roster, &ReportOptions::default());
    assert!(!full.units.is_empty() && !full.sources.is_empty() && !full.warnings.is_empty());
    let headline = full.headline();
    assert_eq!(stats(&headline), stats(&full));
    assert_eq!(
        (headline.as_of, &headline.schema),
        (full.as_of, &full.schema)
    );
    assert!(headline.units.is_empty() && headline.sources.is_empty());
    assert!(headline.warnings.is_empty());
    let json = serde_json::to_vec(&headline).unwrap().len();
    assert!(json < 4_000, "{json} bytes");
}

/// The headline figures counted apart (`headline`, what the import worker sends ahead) are
/// the report's, on every sample and independent roster, under the default settings,
/// other bands and date, and a filter.
#[test]
fn the_headline_counted_apart_is_the_report_s() {
    let options = [
        ReportOptions::default(),
        ReportOptions {
            as_of: crate::Date::new(2019, 6, 30).unwrap(),
            bands: AgeBands::new(vec![30, 46, 61]).unwrap(),
            filter: Filter::default(),
        },
        ReportOptions {
            filter: Filter::default().and(Dimension::Gender, vec!["nu".into()]),
            ..Default::default()
        },
    ];
    for file in crate::test_samples::with_independent() {
        let name = file.name.clone();
        let roster = import(&[file], &Overrides::default()).roster;
        for options in &options {
            let apart = headline(&roster, options);
            assert!(
                apart == report(&roster, options).headline(),
                "{name}: {options:?}"
            );
        }
    }
}
