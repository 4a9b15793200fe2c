//! Every default rule set, each exception and each kind of missing data, one short case each.
//!
//! A case's expectation is written per criterion in the JSON order (general education,
//! professional, political theory): `M` meets, `B` below, `G` in grace, `U` unknown, `-` not
//! required; the whole person as a [`Status`].

use super::*;
use crate::codes::{GeneralEducation as Ge, PoliticalTheory as Pol, Professional as Pro};
use crate::roster::Person;
use Title::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// A person with the three levels given (`None`: the roster has no such column).
fn person(
    category: Category,
    title: Option<Title>,
    ge: Option<Ge>,
    pro: Option<Pro>,
    pol: Option<Pol>,
) -> Person {
    Person {
        ethnicity: Some("Kinh".into()),
        position: title.map(|t| t.label_vi().to_string()),
        title,
        category,
        general_education: ge,
        professional: pro,
        field_of_study: Some("Luật".into()),
        political_theory: pol,
        ..Person::blank("Nguyễn Văn A", "Xã Na Son")
    }
}

fn cc(ge: Ge, pro: Pro) -> Person {
    person(
        Category::CongChuc,
        Some(TuPhapHoTich),
        Some(ge),
        Some(pro),
        Some(Pol::None),
    )
}

fn cb(title: Option<Title>, pro: Pro, pol: Pol) -> Person {
    person(Category::CanBo, title, Some(Ge::Thpt), Some(pro), Some(pol))
}

fn minority(mut p: Person) -> Person {
    p.ethnicity = Some("Tày".into());
    p
}

fn options(as_of: &str) -> StandardsOptions {
    StandardsOptions::new(d(as_of))
}

fn difficult(as_of: &str) -> StandardsOptions {
    StandardsOptions {
        difficult_area: true,
        ..options(as_of)
    }
}

fn letter(o: &Outcome) -> char {
    match o {
        Outcome::Meets => 'M',
        Outcome::Below => 'B',
        Outcome::Grace { .. } => 'G',
        Outcome::Unknown { .. } => 'U',
        Outcome::NotRequired => '-',
    }
}

fn assessed(set: &str, p: &Person, opts: &StandardsOptions) -> Assessment {
    let sets = defaults();
    let rules = find(&sets, set).unwrap();
    assess_person(0, p, rules, opts)
}

#[track_caller]
fn check(set: &str, opts: &StandardsOptions, p: Person, expect: &str, status: Status) {
    let a = assessed(set, &p, opts);
    let got: String = a.criteria.iter().map(|j| letter(&j.outcome)).collect();
    let want: String = expect.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(
        (got.as_str(), a.status),
        (want.as_str(), status),
        "{set} {:?}",
        a.criteria
    );
}

/// The level required of the person on one criterion.
#[track_caller]
fn check_need(
    set: &str,
    opts: &StandardsOptions,
    p: Person,
    criterion: Criterion,
    need: &str,
    relaxed: bool,
) {
    let a = assessed(set, &p, opts);
    let j = a.judgement(criterion).unwrap();
    assert_eq!(
        (j.need.as_deref(), j.relaxed),
        (Some(need), relaxed),
        "{set} {j:?}"
    );
}

#[test]
fn tt06_2012_asks_civil_servants_for_trung_cap() {
    let at = options("2015-06-30");
    check(
        "tt06-2012",
        &at,
        cc(Ge::Thpt, Pro::TrungCap),
        "M M -",
        Status::Meets,
    );
    check(
        "tt06-2012",
        &at,
        cc(Ge::Thpt, Pro::SoCap),
        "M B -",
        Status::Below,
    );
    check(
        "tt06-2012",
        &at,
        cc(Ge::Thcs, Pro::DaiHoc),
        "B M -",
        Status::Below,
    );
    check(
        "tt06-2012",
        &at,
        cb(Some(ChuTichUbnd), Pro::None, Pol::None),
        "",
        Status::NotCovered,
    );
}

#[test]
fn tt13_2019_asks_dai_hoc_except_in_difficult_areas() {
    let at = options("2020-06-30");
    check(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::DaiHoc),
        "M M -",
        Status::Meets,
    );
    check(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::ThacSi),
        "M M -",
        Status::Meets,
    );
    check(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::CaoDang),
        "M B -",
        Status::Below,
    );
    check(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::TrungCap),
        "M B -",
        Status::Below,
    );
    check(
        "tt13-2019",
        &difficult("2020-06-30"),
        cc(Ge::Thpt, Pro::TrungCap),
        "M M -",
        Status::Meets,
    );
    check(
        "tt13-2019",
        &difficult("2020-06-30"),
        cc(Ge::Thpt, Pro::SoCap),
        "M B -",
        Status::Below,
    );
    check_need(
        "tt13-2019",
        &difficult("2020-06-30"),
        cc(Ge::Thpt, Pro::SoCap),
        Criterion::Professional,
        "trung_cap",
        true,
    );
    check_need(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::SoCap),
        Criterion::Professional,
        "dai_hoc",
        false,
    );
    // The exception is for the area, not for the person: a Tày officer elsewhere needs đại học.
    check(
        "tt13-2019",
        &at,
        minority(cc(Ge::Thpt, Pro::TrungCap)),
        "M B -",
        Status::Below,
    );
    check(
        "tt13-2019",
        &at,
        cb(Some(ChuTichUbnd), Pro::None, Pol::None),
        "",
        Status::NotCovered,
    );
}

#[test]
fn a_unit_is_flagged_however_its_name_is_written() {
    let mut at = options("2020-06-30");
    at.flag_unit("Pò Mã");
    check(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::TrungCap),
        "M B -",
        Status::Below,
    );
    at.flag_unit("1. xã NA SƠN");
    check(
        "tt13-2019",
        &at,
        cc(Ge::Thpt, Pro::TrungCap),
        "M M -",
        Status::Meets,
    );
    let mut elsewhere = cc(Ge::Thpt, Pro::TrungCap);
    elsewhere.unit = "Xã Khuổi Lầy".into();
    check("tt13-2019", &at, elsewhere, "M B -", Status::Below);
}

#[test]
fn nd33_2023_leaders_need_dai_hoc_and_trung_cap_llct_everywhere() {
    let at = options("2024-12-31");
    check(
        "nd33-2023",
        &at,
        cb(Some(ChuTichUbnd), Pro::DaiHoc, Pol::TrungCap),
        "M M M",
        Status::Meets,
    );
    check(
        "nd33-2023",
        &at,
        cb(Some(PhoChuTichHdnd), Pro::DaiHoc, Pol::CaoCap),
        "M M M",
        Status::Meets,
    );
    check(
        "nd33-2023",
        &at,
        cb(Some(PhoChuTichUbnd), Pro::DaiHoc, Pol::SoCap),
        "M M B",
        Status::Below,
    );
    check(
        "nd33-2023",
        &at,
        cb(Some(ChuTichHdnd), Pro::TrungCap, Pol::TrungCap),
        "M B M",
        Status::Below,
    );
    // No area exception for the leaders.
    check(
        "nd33-2023",
        &difficult("2024-12-31"),
        cb(Some(ChuTichHdnd), Pro::TrungCap, Pol::TrungCap),
        "M B M",
        Status::Below,
    );
    let a = assessed(
        "nd33-2023",
        &cb(Some(ChuTichHdnd), Pro::TrungCap, Pol::TrungCap),
        &at,
    );
    assert!(a.criteria.iter().all(|j| !j.unconfirmed));
}

#[test]
fn nd33_2023_other_cadres_are_judged_on_unconfirmed_requirements() {
    let at = options("2024-12-31");
    check(
        "nd33-2023",
        &at,
        cb(Some(BiThu), Pro::DaiHoc, Pol::TrungCap),
        "M M M",
        Status::Meets,
    );
    check(
        "nd33-2023",
        &at,
        cb(Some(ChuTichPhuNu), Pro::TrungCap, Pol::SoCap),
        "M B B",
        Status::Below,
    );
    // A cán bộ whose title was not recognised falls under the catch-all.
    check(
        "nd33-2023",
        &at,
        cb(None, Pro::DaiHoc, Pol::TrungCap),
        "M M M",
        Status::Meets,
    );
    let a = assessed(
        "nd33-2023",
        &cb(Some(BiThuDoan), Pro::DaiHoc, Pol::TrungCap),
        &at,
    );
    let flags: Vec<bool> = a.criteria.iter().map(|j| j.unconfirmed).collect();
    assert_eq!(flags, [false, true, true]);
}

#[test]
fn nd33_2023_civil_servants_get_a_field_note_not_a_failure() {
    let at = options("2024-12-31");
    check(
        "nd33-2023",
        &at,
        cc(Ge::Thpt, Pro::DaiHoc),
        "M M -",
        Status::Meets,
    );
    check(
        "nd33-2023",
        &at,
        cc(Ge::Thpt, Pro::TrungCap),
        "M B -",
        Status::Below,
    );
    check(
        "nd33-2023",
        &difficult("2024-12-31"),
        cc(Ge::Thpt, Pro::TrungCap),
        "M M -",
        Status::Meets,
    );
    let a = assessed("nd33-2023", &cc(Ge::Thpt, Pro::DaiHoc), &at);
    assert_eq!(
        a.notes,
        [Note::FieldNotChecked {
            field_of_study: Some("Luật".into())
        }]
    );
    assert!(assessed("tt13-2019", &cc(Ge::Thpt, Pro::DaiHoc), &at)
        .notes
        .is_empty());
}

#[test]
fn part_time_and_unknown_category_staff_are_not_covered() {
    let at = options("2024-12-31");
    for set in ["tt06-2012", "tt13-2019", "nd33-2023", "cv11-2025"] {
        let kct = person(
            Category::KhongChuyenTrach,
            Some(KhongChuyenTrach),
            Some(Ge::Thcs),
            Some(Pro::None),
            Some(Pol::None),
        );
        check(set, &at, kct, "", Status::NotCovered);
        let contract = person(
            Category::Unknown,
            Some(HopDong),
            Some(Ge::Thcs),
            Some(Pro::None),
            Some(Pol::None),
        );
        check(set, &at, contract, "", Status::NotCovered);
    }
}

#[test]
fn the_2025_reform_gives_five_years_grace_to_minority_staff_and_difficult_areas() {
    let at = options("2025-12-31");
    let short = || cb(Some(ChuTichUbnd), Pro::TrungCap, Pol::SoCap);
    check("cv11-2025", &at, short(), "M B B", Status::Below);
    check("cv11-2025", &at, minority(short()), "M G G", Status::Grace);
    check(
        "cv11-2025",
        &difficult("2025-12-31"),
        short(),
        "M G G",
        Status::Grace,
    );
    check(
        "cv11-2025",
        &options("2030-06-30"),
        minority(short()),
        "M G G",
        Status::Grace,
    );
    check(
        "cv11-2025",
        &options("2030-07-01"),
        minority(short()),
        "M B B",
        Status::Below,
    );
    let a = assessed("cv11-2025", &minority(short()), &at);
    assert_eq!(
        a.judgement(Criterion::Professional).unwrap().outcome,
        Outcome::Grace {
            until: d("2030-07-01")
        }
    );
    // Grace is for a shortfall only; a qualified leader simply meets.
    check(
        "cv11-2025",
        &at,
        minority(cb(Some(BiThu), Pro::DaiHoc, Pol::TrungCap)),
        "M M M",
        Status::Meets,
    );
    // Grace does not cover the general education.
    let mut no_thpt = minority(short());
    no_thpt.general_education = Some(Ge::Thcs);
    check("cv11-2025", &at, no_thpt, "B G G", Status::Below);
}

#[test]
fn the_2025_reform_keeps_the_2023_standards_for_others_as_unconfirmed() {
    let at = options("2025-12-31");
    check(
        "cv11-2025",
        &at,
        cb(Some(ChuTichNongDan), Pro::TrungCap, Pol::TrungCap),
        "M B M",
        Status::Below,
    );
    check(
        "cv11-2025",
        &at,
        cc(Ge::Thpt, Pro::TrungCap),
        "M B -",
        Status::Below,
    );
    check(
        "cv11-2025",
        &difficult("2025-12-31"),
        cc(Ge::Thpt, Pro::TrungCap),
        "M M -",
        Status::Meets,
    );
    let sets = defaults();
    let set = find(&sets, "cv11-2025").unwrap();
    assert!(set.rules.iter().all(|r| r.unconfirmed));
}

#[test]
fn missing_data_is_unknown_never_below() {
    let at = options("2024-12-31");
    let leader = |ge, pro, pol| person(Category::CanBo, Some(ChuTichUbnd), ge, pro, pol);
    // No column at all.
    check(
        "nd33-2023",
        &at,
        leader(None, Some(Pro::DaiHoc), Some(Pol::TrungCap)),
        "U M M",
        Status::Unknown,
    );
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::Thpt), None, Some(Pol::TrungCap)),
        "M U M",
        Status::Unknown,
    );
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::Thpt), Some(Pro::DaiHoc), None),
        "M M U",
        Status::Unknown,
    );
    // A blank general education, an unreadable level.
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::None), Some(Pro::DaiHoc), Some(Pol::TrungCap)),
        "U M M",
        Status::Unknown,
    );
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::Unknown), Some(Pro::DaiHoc), Some(Pol::TrungCap)),
        "U M M",
        Status::Unknown,
    );
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::Thpt), Some(Pro::Unknown), Some(Pol::Unknown)),
        "M U U",
        Status::Unknown,
    );
    // "Chưa qua đào tạo" / "chưa có" are levels, and below.
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::Thpt), Some(Pro::None), Some(Pol::None)),
        "M B B",
        Status::Below,
    );
    // Below outweighs unknown in the overall status.
    check(
        "nd33-2023",
        &at,
        leader(Some(Ge::Unknown), Some(Pro::TrungCap), Some(Pol::TrungCap)),
        "U B M",
        Status::Below,
    );
    let a = assessed(
        "nd33-2023",
        &leader(None, Some(Pro::DaiHoc), Some(Pol::Unknown)),
        &at,
    );
    let missing: Vec<Outcome> = a.criteria.iter().map(|j| j.outcome).collect();
    assert_eq!(
        missing,
        [
            Outcome::Unknown {
                missing: Missing::NoColumn
            },
            Outcome::Meets,
            Outcome::Unknown {
                missing: Missing::Unreadable
            }
        ]
    );
    let blank = assessed(
        "nd33-2023",
        &leader(Some(Ge::None), Some(Pro::DaiHoc), Some(Pol::TrungCap)),
        &at,
    );
    assert_eq!(
        blank.criteria[0].outcome,
        Outcome::Unknown {
            missing: Missing::Blank
        }
    );
    assert_eq!(blank.criteria[0].have, None);
}

#[test]
fn an_edited_rule_set_is_applied_as_written() {
    let json = r#"{"id":"x","name":"X","effective_from":"2024-01-01","rules":[
        {"who":{"category":"khong_chuyen_trach"},"label":"KCT","general_education":{"min":"thcs"}}]}"#;
    let set: RuleSet = serde_json::from_str(json).unwrap();
    let kct = person(
        Category::KhongChuyenTrach,
        Some(KhongChuyenTrach),
        Some(Ge::TieuHoc),
        Some(Pro::None),
        None,
    );
    let a = assess_person(0, &kct, &set, &options("2024-12-31"));
    assert_eq!(a.status, Status::Below);
    assert_eq!(a.criteria[1].outcome, Outcome::NotRequired);
}

/// A small roster: two units, one of them flagged.
fn roster() -> Roster {
    let mut people = vec![
        cb(Some(ChuTichUbnd), Pro::DaiHoc, Pol::TrungCap),
        cb(Some(PhoChuTichUbnd), Pro::TrungCap, Pol::SoCap),
        cb(Some(BiThuDoan), Pro::DaiHoc, Pol::Unknown),
        cc(Ge::Thpt, Pro::TrungCap),
        cc(Ge::Thpt, Pro::DaiHoc),
        person(
            Category::KhongChuyenTrach,
            Some(KhongChuyenTrach),
            Some(Ge::Thcs),
            Some(Pro::None),
            Some(Pol::None),
        ),
    ];
    for p in people.iter_mut().skip(3) {
        p.unit = "Xã Pò Mã".into();
    }
    Roster {
        people,
        ..Default::default()
    }
}

#[test]
fn the_summary_counts_by_category_and_unit_and_lists_who_lacks_what() {
    let sets = defaults();
    let rules = find(&sets, "nd33-2023").unwrap();
    let mut opts = options("2024-12-31");
    opts.flag_unit("Pò Mã");
    let s = standards(&roster(), rules, &opts);
    assert_eq!(s.schema, "canbo.standards/1");
    assert_eq!(
        (s.rule_set.id.as_str(), s.rule_set.in_force),
        ("nd33-2023", true)
    );

    let can_bo = &s.by_category[&Category::CanBo];
    assert_eq!(
        (can_bo.people, can_bo.not_covered, can_bo.meets_all),
        (3, 0, 1)
    );
    assert_eq!(
        can_bo.criteria.professional,
        CriterionCounts {
            meets: 2,
            below: 1,
            ..Default::default()
        }
    );
    assert_eq!(
        can_bo.criteria.political_theory,
        CriterionCounts {
            meets: 1,
            below: 1,
            unknown: 1,
            ..Default::default()
        }
    );
    assert_eq!(
        can_bo.overall,
        Overall {
            meets: 1,
            below: 1,
            unknown: 1,
            grace: 0
        }
    );
    // In the flagged unit trung cấp is enough for công chức.
    let cong_chuc = &s.by_category[&Category::CongChuc];
    assert_eq!((cong_chuc.people, cong_chuc.meets_all), (2, 2));
    assert_eq!(cong_chuc.criteria.political_theory.not_required, 2);
    let kct = &s.by_category[&Category::KhongChuyenTrach];
    assert_eq!((kct.people, kct.not_covered, kct.meets_all), (1, 1, 0));
    assert!(!s.by_category.contains_key(&Category::Unknown));

    let units: Vec<(&str, bool, u32, u32)> = s
        .by_unit
        .iter()
        .map(|u| {
            (
                u.unit.as_str(),
                u.difficult_area,
                u.tally.people,
                u.tally.meets_all,
            )
        })
        .collect();
    assert_eq!(
        units,
        [("Xã Na Son", false, 3, 1), ("Xã Pò Mã", true, 3, 2)]
    );
    assert_eq!(
        (s.total.people, s.total.not_covered, s.total.meets_all),
        (6, 1, 3)
    );

    assert_eq!(s.people_below.len(), 1);
    let lacks: Vec<(&str, Option<&str>, &str)> = s.people_below[0]
        .lacks
        .iter()
        .map(|l| (l.label.as_str(), l.have.as_deref(), l.need.as_str()))
        .collect();
    assert_eq!(
        lacks,
        [
            ("Cần đại học", Some("trung_cap"), "dai_hoc"),
            ("Cần trung cấp LLCT", Some("so_cap"), "trung_cap")
        ]
    );
    assert_eq!(s.people_unknown.len(), 1);
    assert_eq!(
        s.people_unknown[0].lacks[0].missing,
        Some(Missing::Unreadable)
    );
    let needs: Vec<(&str, u32)> = s
        .training_needs
        .iter()
        .map(|n| (n.label.as_str(), n.count))
        .collect();
    assert_eq!(needs, [("Cần đại học", 1), ("Cần trung cấp LLCT", 1)]);
    assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
}

#[test]
fn the_training_plan_puts_people_in_grace_beside_those_below() {
    let sets = defaults();
    let rules = find(&sets, "cv11-2025").unwrap();
    let mut r = roster();
    r.people[1] = minority(cb(Some(PhoChuTichUbnd), Pro::TrungCap, Pol::SoCap));
    r.people[0] = cb(Some(ChuTichUbnd), Pro::CaoDang, Pol::TrungCap);
    let s = standards(&r, rules, &options("2025-12-31"));
    assert_eq!(s.people_in_grace.len(), 1);
    let groups = plan(&s);
    let shape: Vec<(&str, Vec<Option<Date>>)> = groups
        .iter()
        .map(|g| (g.label.as_str(), g.people.iter().map(|t| t.until).collect()))
        .collect();
    assert_eq!(
        shape,
        [
            ("Cần đại học", vec![None, None, Some(d("2030-07-01"))]),
            ("Cần trung cấp LLCT", vec![Some(d("2030-07-01"))]),
        ]
    );
    assert_eq!(s.training_needs[0].in_grace, 1);
}

#[test]
fn a_set_chosen_for_a_later_date_is_flagged_not_in_force() {
    let sets = defaults();
    let rules = find(&sets, "cv11-2025").unwrap();
    let s = standards(&roster(), rules, &options("2024-12-31"));
    assert!(!s.rule_set.in_force);
    assert!(s.notes[0].contains("sau ngày báo cáo"), "{:?}", s.notes);
}

#[test]
fn a_pick_is_the_set_of_that_id_and_no_pick_or_a_removed_one_is_the_set_in_force() {
    let sets = defaults();
    let at = |d: &str| d.parse::<crate::Date>().unwrap();
    let in_force = |d: &str| choose(&sets, None, at(d)).unwrap().id.clone();
    assert_ne!(in_force("2024-12-31"), in_force("2026-01-01"));
    for date in ["2024-12-31", "2026-01-01"] {
        let got = |picked: Option<&str>| {
            picked_or_in_force(&sets, picked, at(date)).map(|s| s.id.clone())
        };
        assert_eq!(got(None), Some(in_force(date)), "{date}");
        assert_eq!(got(Some("")), Some(in_force(date)), "{date}");
        assert_eq!(
            got(Some("removed-by-the-user")),
            Some(in_force(date)),
            "{date}"
        );
        for set in &sets {
            assert_eq!(got(Some(&set.id)), Some(set.id.clone()), "{date}");
        }
    }
    // Only the exact id picks: a name or a spelling of the id is not a pick.
    let other = sets
        .iter()
        .find(|s| s.id != in_force("2024-12-31"))
        .unwrap();
    assert_eq!(
        picked_or_in_force(&sets, Some(&other.id.to_uppercase()), at("2024-12-31"))
            .map(|s| s.id.clone()),
        Some(in_force("2024-12-31"))
    );
    assert_eq!(picked_or_in_force(&[], None, at("2024-12-31")), None);
}

#[test]
fn the_result_round_trips_through_json_with_the_schema_keys() {
    let sets = defaults();
    let s = standards(
        &roster(),
        find(&sets, "nd33-2023").unwrap(),
        &options("2024-12-31"),
    );
    let json = serde_json::to_value(&s).unwrap();
    for key in ["schema", "as_of", "rule_set", "by_category", "people_below"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["rule_set"]["effective_from"], "2023-08-01");
    assert_eq!(
        json["by_category"]["can_bo"]["criteria"]["professional"]["below"],
        1
    );
    let person = &json["people_below"][0];
    for key in ["name", "unit", "position", "category", "lacks", "origin"] {
        assert!(person.get(key).is_some(), "{key}");
    }
    let back: Standards = serde_json::from_value(json).unwrap();
    assert_eq!(back, s);
    let a = assess(
        &roster(),
        find(&sets, "cv11-2025").unwrap(),
        &options("2025-12-31"),
    );
    let back: Vec<Assessment> = serde_json::from_value(serde_json::to_value(&a).unwrap()).unwrap();
    assert_eq!(back, a);
}

#[test]
fn a_unit_row_says_its_name_and_whether_it_is_flagged() {
    let unit = |name: &str, difficult_area| UnitTally {
        unit: name.into(),
        difficult_area,
        tally: Tally::default(),
    };
    assert_eq!(unit("Xã Na Sơn", false).label(Lang::Vi), "Xã Na Sơn");
    assert_eq!(
        unit("Xã Na Sơn", true).label(Lang::Vi),
        "Xã Na Sơn (vùng khó khăn)"
    );
    assert_eq!(
        unit("Na Son", true).label(Lang::En),
        "Na Son (difficult area)"
    );
    assert_eq!(unit("", false).label(Lang::En), "(Unit not stated)");
}
