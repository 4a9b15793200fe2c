//! The rule sets: the model, the JSON form and its checks, choosing a set, the built-in sets.

use super::builtin::at_least;
use super::*;
use crate::lang::Lang;

#[test]
fn a_rule_set_file_that_is_not_json_is_told_in_the_pages_words_in_english() {
    let error = RuleSet::from_json("{ nope").unwrap_err();
    assert!(
        matches!(error, RuleSetFileError::Syntax { .. }),
        "{error:?}"
    );
    assert_eq!(error.message(Lang::En), error.message_en());
    assert!(error
        .message(Lang::En)
        .starts_with("The file is not valid JSON"));
    assert_eq!(error.message(Lang::Vi), error.message_vi());
}

#[test]
fn every_built_in_name_and_label_has_its_english() {
    for set in defaults() {
        assert!(set.name_in(Lang::En).is_ascii(), "{}", set.name);
        assert_eq!(set.name_in(Lang::Vi), set.name);
        for rule in &set.rules {
            assert!(rule.label_in(Lang::En).is_ascii(), "{}", rule.label);
        }
    }
    assert_eq!(builtin::in_lang("Bộ riêng", Lang::En), "Bộ riêng");
}
use crate::date::Date;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn check_in_force(as_of: &str, expect: Option<&str>) {
    let sets = defaults();
    assert_eq!(
        in_force(&sets, d(as_of)).map(|s| s.id.as_str()),
        expect,
        "{as_of}"
    );
}

#[test]
fn the_set_in_force_is_the_latest_that_has_taken_effect() {
    check_in_force("2012-12-14", None);
    check_in_force("2012-12-15", Some("tt06-2012"));
    check_in_force("2019-12-24", Some("tt06-2012"));
    check_in_force("2019-12-25", Some("tt13-2019"));
    check_in_force("2023-07-31", Some("tt13-2019"));
    check_in_force("2023-08-01", Some("nd33-2023"));
    check_in_force("2025-06-30", Some("nd33-2023"));
    check_in_force("2025-07-01", Some("cv11-2025"));
}

#[test]
fn a_set_is_found_by_id_or_by_its_written_name() {
    let sets = defaults();
    for name in [
        "nd33-2023",
        "ND33-2023",
        "Nghị định 33/2023/NĐ-CP",
        "nghi dinh 33/2023/nd-cp",
    ] {
        assert_eq!(
            find(&sets, name).map(|s| s.id.as_str()),
            Some("nd33-2023"),
            "{name}"
        );
    }
    assert!(find(&sets, "tt99").is_none());
}

#[test]
fn choosing_falls_back_to_the_earliest_before_any_set() {
    let sets = defaults();
    assert_eq!(
        choose(&sets, None, d("2000-01-01")).map(|s| s.id.as_str()),
        Ok("tt06-2012")
    );
    assert_eq!(
        choose(&sets, Some("tt13-2019"), d("2024-01-01")).map(|s| s.id.as_str()),
        Ok("tt13-2019")
    );
    assert!(matches!(
        choose(&sets, Some("x"), d("2024-01-01")),
        Err(RuleSetError::Unknown { .. })
    ));
    assert_eq!(choose(&[], None, d("2024-01-01")), Err(RuleSetError::Empty));
}

#[test]
fn rule_sets_round_trip_through_json() {
    for set in defaults() {
        let json = serde_json::to_string(&set).unwrap();
        let back: RuleSet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, set, "{json}");
    }
}

#[test]
fn a_hand_written_rule_set_reads_with_defaults() {
    let json = r#"{"id":"x","name":"X","effective_from":"2024-01-01","rules":[
        {"who":{"category":"cong_chuc"},"label":"CC",
         "professional":{"min":"dai_hoc","exception":{"scope":"difficult_area","relief":{"lower_to":"cao_dang"}}}}]}"#;
    let set: RuleSet = serde_json::from_str(json).unwrap();
    let rule = &set.rules[0];
    assert_eq!(rule.general_education, None);
    let exception = rule
        .professional
        .as_ref()
        .and_then(|p| p.exception.as_ref())
        .unwrap();
    assert_eq!(exception.relief, Relief::LowerTo(Professional::CaoDang));
}

#[test]
fn leaders_rules_come_before_the_catch_all() {
    let sets = defaults();
    let nd33 = find(&sets, "nd33-2023").unwrap();
    let label = |c, t| nd33.rule_for(c, t).map(|r| r.label.as_str());
    assert_eq!(
        label(Category::CanBo, Some(Title::PhoChuTichUbnd)),
        Some("Chủ tịch, Phó Chủ tịch HĐND, UBND")
    );
    assert_eq!(
        label(Category::CanBo, Some(Title::BiThu)),
        Some("Cán bộ khác")
    );
    assert_eq!(label(Category::CanBo, None), Some("Cán bộ khác"));
    assert_eq!(
        label(Category::CongChuc, Some(Title::TuPhapHoTich)),
        Some("Công chức cấp xã")
    );
    assert_eq!(
        label(Category::KhongChuyenTrach, Some(Title::KhongChuyenTrach)),
        None
    );
    assert_eq!(label(Category::Unknown, Some(Title::HopDong)), None);
}

#[test]
fn unconfirmed_facts_are_listed() {
    let sets = defaults();
    let list = |id| find(&sets, id).unwrap().unconfirmed();
    assert!(list("tt13-2019").is_empty());
    let nd33 = list("nd33-2023");
    assert_eq!(nd33.len(), 2, "{nd33:?}");
    assert!(
        nd33.iter().all(|l| l.starts_with("Cán bộ khác")),
        "{nd33:?}"
    );
    assert!(list("cv11-2025")
        .iter()
        .any(|l| l.contains("ngày có hiệu lực")));
}

fn minimal(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":"Riêng","effective_from":"2024-01-01","rules":[
            {{"who":{{"category":"cong_chuc"}},"label":"CC","professional":{{"min":"trung_cap"}}}}]}}"#
    )
}

#[test]
fn a_file_holds_one_set_or_a_list() {
    let one = RuleSet::from_json(&minimal("a")).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].id, "a");
    let many = RuleSet::from_json(&format!("[{}, {}]", minimal("a"), minimal("b"))).unwrap();
    assert_eq!(
        many.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    // A byte-order mark, as Windows editors write, is fine.
    assert!(RuleSet::from_json(&format!("\u{feff}{}", minimal("a"))).is_ok());
}

#[test]
fn every_default_set_is_valid_and_reads_back_from_its_download() {
    for set in defaults() {
        assert_eq!(set.validate(), Ok(()), "{}", set.id);
        let json = set.to_json();
        assert!(json.contains("\n  \"id\""), "pretty: {json}");
        assert_eq!(RuleSet::from_json(&json), Ok(vec![set]));
    }
    let all = serde_json::to_string(&defaults()).unwrap();
    assert_eq!(RuleSet::from_json(&all), Ok(defaults()));
}

#[test]
fn broken_json_names_its_line() {
    let err = RuleSet::from_json("{\n  \"id\": \"a\",\n  oops\n}").unwrap_err();
    assert!(
        matches!(err, RuleSetFileError::Syntax { line: 3, .. }),
        "{err:?}"
    );
    assert!(err.message_vi().contains("dòng 3"), "{}", err.message_vi());
    assert!(matches!(
        RuleSet::from_json(""),
        Err(RuleSetFileError::Syntax { .. })
    ));
}

#[test]
fn json_of_another_shape_says_what_is_missing() {
    let err = RuleSet::from_json(r#"{"not": "a rule set"}"#).unwrap_err();
    assert!(
        matches!(&err, RuleSetFileError::Shape { index: None, message } if message.contains("id")),
        "{err:?}"
    );
    assert!(err
        .message_vi()
        .starts_with("Tệp JSON không phải bộ tiêu chuẩn"));
    let err = RuleSet::from_json(&format!(r#"[{}, {{"id": 1}}]"#, minimal("a"))).unwrap_err();
    assert!(
        matches!(err, RuleSetFileError::Shape { index: Some(1), .. }),
        "{err:?}"
    );
    assert!(
        err.message_vi().contains("bộ thứ 2"),
        "{}",
        err.message_vi()
    );
    let unknown_level = minimal("a").replace("trung_cap", "tien_si_khoa_hoc");
    assert!(matches!(
        RuleSet::from_json(&unknown_level),
        Err(RuleSetFileError::Shape { .. })
    ));
    assert!(matches!(
        RuleSet::from_json("42"),
        Err(RuleSetFileError::Shape { .. })
    ));
    assert_eq!(RuleSet::from_json("[]"), Err(RuleSetFileError::NoSets));
}

#[test]
fn invalid_sets_are_refused_with_the_reason() {
    let valid = || defaults().remove(2);
    let check = |set: RuleSet, want: Problem| {
        assert_eq!(set.validate(), Err(want.clone()), "{}", set.id);
        let json = serde_json::to_string(&set).unwrap();
        let err = RuleSet::from_json(&json).unwrap_err();
        assert_eq!(
            err,
            RuleSetFileError::Invalid {
                id: set.id.clone(),
                problem: want
            }
        );
        assert!(
            err.message_vi().contains("không hợp lệ"),
            "{}",
            err.message_vi()
        );
    };
    check(
        RuleSet {
            id: " ".into(),
            ..valid()
        },
        Problem::EmptyId,
    );
    check(
        RuleSet {
            id: "nđ 33".into(),
            ..valid()
        },
        Problem::BadId("nđ 33".into()),
    );
    check(
        RuleSet {
            name: "".into(),
            ..valid()
        },
        Problem::EmptyName,
    );
    check(
        RuleSet {
            rules: vec![],
            ..valid()
        },
        Problem::NoRules,
    );
    let mut no_label = valid();
    no_label.rules[1].label = " ".into();
    check(no_label, Problem::EmptyLabel { rule: 2 });
    let mut none_min = valid();
    none_min.rules[2].general_education = Some(at_least(GeneralEducation::None));
    check(
        none_min,
        Problem::BadRequirement {
            label: "Công chức cấp xã".into(),
            criterion: Criterion::GeneralEducation,
        },
    );
    let mut raises = valid();
    raises.rules[2].professional = Some(
        at_least(Professional::TrungCap)
            .except(Scope::DifficultArea, Relief::LowerTo(Professional::DaiHoc)),
    );
    check(
        raises,
        Problem::BadRequirement {
            label: "Công chức cấp xã".into(),
            criterion: Criterion::Professional,
        },
    );
    let mut no_years = valid();
    no_years.rules[0].political_theory = Some(
        at_least(PoliticalTheory::TrungCap).except(Scope::DifficultArea, Relief::GraceYears(0)),
    );
    check(
        no_years,
        Problem::BadRequirement {
            label: "Chủ tịch, Phó Chủ tịch HĐND, UBND".into(),
            criterion: Criterion::PoliticalTheory,
        },
    );
    // Lowered to "none" in difficult areas is a real relief.
    let mut waived = valid();
    waived.rules[2].professional = Some(
        at_least(Professional::TrungCap)
            .except(Scope::DifficultArea, Relief::LowerTo(Professional::None)),
    );
    assert_eq!(waived.validate(), Ok(()));
}

#[test]
fn two_sets_of_a_file_may_not_share_an_id() {
    assert_eq!(
        RuleSet::from_json(&format!("[{}, {}]", minimal("a"), minimal("a"))),
        Err(RuleSetFileError::DuplicateId("a".into()))
    );
}

#[test]
fn user_sets_replace_built_in_ones_by_id_and_follow_them() {
    let mut edited = defaults().remove(2);
    edited.name = "ND 33 sửa".into();
    let mut copy = defaults().remove(2);
    copy.id = copy_id(&copy.id, &defaults());
    assert_eq!(copy.id, "nd33-2023-sua");
    let own = RuleSet::from_json(&minimal("rieng")).unwrap().remove(0);
    let all = combine(defaults(), &[edited.clone(), copy.clone(), own.clone()]);
    assert_eq!(
        all.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        [
            "tt06-2012",
            "tt13-2019",
            "nd33-2023",
            "cv11-2025",
            "nd33-2023-sua",
            "rieng"
        ]
    );
    assert_eq!(all[2].name, "ND 33 sửa");
    // The edited copy, later in the list, is the one in force at its date.
    assert_eq!(
        in_force(&all, d("2023-12-31")).map(|s| s.id.as_str()),
        Some("nd33-2023-sua")
    );
    let built_in = defaults();
    let base = |id| based_on(&built_in, id).map(|s| s.id.as_str());
    assert_eq!(base("nd33-2023"), Some("nd33-2023"));
    assert_eq!(base("nd33-2023-sua"), Some("nd33-2023"));
    assert_eq!(base("nd33-2023-sua-3"), Some("nd33-2023"));
    assert_eq!(base("nd33-2023-suax"), None);
    assert_eq!(base("rieng"), None);
    assert_eq!(
        copy_id("nd33-2023", &[copy.clone()]),
        "nd33-2023-sua-2",
        "a second copy gets a number"
    );
}

#[test]
fn the_documented_example_reads() {
    let doc = include_str!("../../../../../docs/REPORT-EXTENSIONS.md");
    let start = doc.find("## Rule sets as JSON").unwrap();
    let block = &doc[start..];
    let json = &block[block.find("```json").unwrap() + 7..];
    let json = &json[..json.find("```").unwrap()];
    let sets = RuleSet::from_json(json).unwrap();
    assert_eq!(sets[0].rules.len(), 2);
}

#[test]
fn unconfirmed_facts_are_listed_in_english_too() {
    for set in defaults() {
        let (vi, en) = (set.unconfirmed(), set.unconfirmed_in(Lang::En));
        assert_eq!(vi.len(), en.len(), "{}", set.id);
        assert!(en.iter().all(|l| l.contains("(unconfirmed)")), "{en:?}");
    }
}

mod editing {
    //! The changes an editor makes to a requirement (`edit.rs`).

    use super::super::*;
    use crate::codes::{GeneralEducation, PoliticalTheory, Professional};

    fn lowered(min: Professional, lower: Professional) -> Requirement<Professional> {
        Requirement {
            min,
            unconfirmed: true,
            exception: Some(Exception {
                scope: Scope::DifficultArea,
                relief: Relief::LowerTo(lower),
                unconfirmed: false,
            }),
        }
    }

    #[test]
    fn a_requirement_asks_a_level_above_none_in_report_order() {
        use Professional::*;
        assert_eq!(
            Professional::askable(),
            [TienSi, ThacSi, DaiHoc, CaoDang, TrungCap, SoCap]
        );
        assert_eq!(
            PoliticalTheory::askable(),
            [
                PoliticalTheory::CaoCap,
                PoliticalTheory::TrungCap,
                PoliticalTheory::SoCap
            ]
        );
        assert_eq!(DaiHoc.below(), [CaoDang, TrungCap, SoCap, None]);
        assert_eq!(DaiHoc.highest_below(), Some(CaoDang));
        assert_eq!(SoCap.highest_below(), Some(None));
        assert_eq!(None.highest_below(), Option::None);
        assert_eq!(GeneralEducation::TieuHoc.below(), [GeneralEducation::None]);
        // Lowered to the bottom, a requirement asks nothing.
        assert_eq!(None.lowered_label(Lang::Vi), "Không yêu cầu");
        assert_eq!(None.lowered_label(Lang::En), "No requirement");
        assert_eq!(TrungCap.lowered_label(Lang::En), "Intermediate vocational");
    }

    #[test]
    fn a_new_minimum_is_confirmed_and_drops_an_exception_that_no_longer_lowers() {
        let mut r = lowered(Professional::DaiHoc, Professional::TrungCap);
        r.set_min(Professional::CaoDang);
        assert!(!r.unconfirmed);
        assert!(r.exception.is_some(), "trung cấp is still below cao đẳng");
        r.set_min(Professional::TrungCap);
        assert_eq!(r.exception, Option::None);
        // Years of grace stay whatever the level.
        let mut r = lowered(Professional::DaiHoc, Professional::TrungCap);
        r.set_relief_kind(ReliefKind::GraceYears);
        r.set_min(Professional::SoCap);
        assert_eq!(r.exception.map(|e| e.relief), Some(Relief::GraceYears(5)));
    }

    #[test]
    fn an_optional_requirement_is_made_changed_or_removed() {
        let mut slot = Option::None;
        set_min(&mut slot, Some(Professional::DaiHoc));
        assert_eq!(slot, Some(Requirement::new(Professional::DaiHoc)));
        set_min(&mut slot, Some(Professional::ThacSi));
        assert_eq!(slot.as_ref().map(|r| r.min), Some(Professional::ThacSi));
        set_min(&mut slot, Option::None);
        assert_eq!(slot, Option::None);
    }

    #[test]
    fn a_new_exception_lowers_one_level_or_gives_five_years() {
        let mut r = Requirement::new(Professional::DaiHoc);
        r.set_scope(Some(Scope::DifficultAreaOrEthnicMinority));
        assert_eq!(
            r.exception,
            Some(Exception {
                scope: Scope::DifficultAreaOrEthnicMinority,
                relief: Relief::LowerTo(Professional::CaoDang),
                unconfirmed: false,
            })
        );
        // A new scope keeps the relief chosen.
        r.lower_to(Professional::SoCap);
        r.set_scope(Some(Scope::DifficultArea));
        assert_eq!(
            r.exception.as_ref().map(|e| (e.scope, e.relief.clone())),
            Some((Scope::DifficultArea, Relief::LowerTo(Professional::SoCap)))
        );
        r.set_scope(Option::None);
        assert_eq!(r.exception, Option::None);
        // Nothing is below "none": only years can relieve it (never valid as a minimum,
        // but the editor must not offer a level that is not there).
        let mut r = Requirement::new(Professional::None);
        r.set_scope(Some(Scope::DifficultArea));
        assert_eq!(
            r.exception.map(|e| e.relief),
            Some(Relief::GraceYears(DEFAULT_GRACE_YEARS))
        );
    }

    #[test]
    fn the_relief_switches_kind_and_years_stay_within_the_law() {
        let mut r = lowered(Professional::DaiHoc, Professional::SoCap);
        r.set_relief_kind(ReliefKind::GraceYears);
        assert_eq!(
            r.exception.as_ref().map(|e| e.relief.clone()),
            Some(Relief::GraceYears(5))
        );
        r.set_grace_years(12);
        r.set_grace_years(0);
        r.set_grace_years(51);
        assert_eq!(
            r.exception.as_ref().map(|e| e.relief.clone()),
            Some(Relief::GraceYears(12))
        );
        r.set_relief_kind(ReliefKind::LowerTo);
        assert_eq!(
            r.exception.as_ref().map(|e| e.relief.clone()),
            Some(Relief::LowerTo(Professional::CaoDang))
        );
        // Without an exception nothing changes.
        let mut plain = Requirement::new(Professional::DaiHoc);
        plain.set_relief_kind(ReliefKind::GraceYears);
        plain.lower_to(Professional::SoCap);
        plain.set_grace_years(3);
        assert_eq!(plain, Requirement::new(Professional::DaiHoc));
    }

    #[test]
    fn what_an_editor_makes_passes_the_check() {
        let mut set = defaults().remove(2);
        let Some(r) = set.rules[0].professional.as_mut() else {
            panic!("the first rule asks a professional level")
        };
        r.set_scope(Some(Scope::DifficultArea));
        r.set_relief_kind(ReliefKind::GraceYears);
        r.set_grace_years(GRACE_YEARS.end().to_owned());
        assert_eq!(set.validate(), Ok(()));
    }

    #[test]
    fn a_rule_says_whom_it_covers() {
        use crate::codes::Category;
        use crate::vocab::positions::Title;
        let everyone = Who {
            category: Category::CongChuc,
            titles: Vec::new(),
        };
        assert_eq!(everyone.label(Lang::Vi), "Công chức: tất cả");
        assert_eq!(everyone.label(Lang::En), "Civil servants: everyone");
        let some = Who {
            category: Category::CanBo,
            titles: vec![Title::ALL[0], Title::ALL[1]],
        };
        assert_eq!(
            some.label(Lang::En),
            format!(
                "Cadres: {}, {}",
                Title::ALL[0].label(Lang::En),
                Title::ALL[1].label(Lang::En)
            )
        );
    }
}

mod users_sets {
    //! The user's sets beside the built-in ones (`choose.rs`: `keep`, `SetKind`).

    use super::super::*;

    #[test]
    fn sets_are_marked_by_where_they_come_from() {
        let mut copy = defaults().remove(2);
        copy.id = "nd33-2023-sua".into();
        let mut own = defaults().remove(0);
        own.id = "rieng".into();
        let user = vec![copy, own];
        assert_eq!(SetKind::of("nd33-2023", &user), SetKind::BuiltIn);
        assert_eq!(SetKind::of("nd33-2023-sua", &user), SetKind::Edited);
        assert_eq!(SetKind::of("rieng", &user), SetKind::Own);
        assert_eq!(SetKind::BuiltIn.mark(Lang::Vi), "");
        assert_eq!(SetKind::Edited.mark(Lang::Vi), " (đã sửa)");
        assert_eq!(SetKind::Own.mark(Lang::En), " (added)");
    }

    #[test]
    fn a_kept_set_replaces_its_id_and_a_built_in_copy_is_not_kept() {
        let mut user = Vec::new();
        let mut edited = defaults().remove(2);
        edited.name = "Sửa".into();
        keep(&mut user, edited.clone());
        assert_eq!(user, vec![edited.clone()]);
        edited.name = "Sửa lần hai".into();
        keep(&mut user, edited.clone());
        assert_eq!(user, vec![edited]);
        // Back to the built-in set: the user's copy goes.
        keep(&mut user, defaults().remove(2));
        assert_eq!(user, Vec::<RuleSet>::new());
        keep(&mut user, defaults().remove(0));
        assert_eq!(user, Vec::<RuleSet>::new());
    }
}
