//! Properties of share links over arbitrary rosters: every report encodes and decodes to the
//! same figures, hidden or not, locked or not; links combine into sums that travel again; and
//! no truncated, edited or made-up link makes decoding panic.
//!
//! The reports are not built by hand: arbitrary rosters go through the real `report`,
//! `standards` and `forecast`, so every generated report is one the app could show.

use canbo_core::codes::*;
use canbo_core::date::{Date, PartialDate};
use canbo_core::field::Field;
use canbo_core::report::{report, AgeBands, Dimension, Filter, ReportOptions};
use canbo_core::retirement::{forecast, RetirementLaw, RetirementOptions};
use canbo_core::roster::{Columns, Origin, Person, Roster};
use canbo_core::share::{self, combine, Part, Shared};
use canbo_core::standards::{self, StandardsOptions};
use canbo_core::vocab::positions::Title;
use proptest::prelude::*;
use proptest::sample::select;

const UNITS: &[&str] = &[
    "Xã Nà Khuôn",
    "Xã Pò Mã",
    "Thị trấn Mẫu Sơn",
    "",
    "Xã Bắc Thủy",
];

fn code<T: Code>() -> impl Strategy<Value = Option<T>> {
    proptest::option::weighted(0.9, select(T::ALL))
}

fn person() -> impl Strategy<Value = Person> {
    let who = (
        select(UNITS),
        select(Category::ALL),
        code::<Gender>(),
        proptest::option::weighted(0.9, (1950i32..2006, 1u32..13, 1u32..29, 0u8..3)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(select(&["Kinh", "Tày", "Mông", ""][..])),
        proptest::option::of(select(Title::ALL)),
    );
    let levels = (
        code::<GeneralEducation>(),
        code::<Professional>(),
        code::<PoliticalTheory>(),
        code::<StateManagement>(),
        code::<Evaluation>(),
        proptest::option::of(select(&["Không", "Phật giáo"][..])),
    );
    (who, levels).prop_map(
        |(
            (unit, category, gender, birth, party, ethnicity, title),
            (ge, prof, lt, sm, eval, religion),
        )| Person {
            name: "Nguyễn Văn A".into(),
            birth: birth.and_then(|(y, m, d, kind)| match kind {
                0 => Date::new(y, m, d).map(PartialDate::Full),
                1 => Some(PartialDate::Month {
                    year: y,
                    month: m as u8,
                }),
                _ => Some(PartialDate::Year(y)),
            }),
            gender,
            ethnicity: ethnicity.map(String::from),
            religion: religion.map(String::from),
            unit: unit.into(),
            position: None,
            title,
            concurrent: Vec::new(),
            category,
            party_member: party,
            general_education: ge,
            professional: prof,
            field_of_study: None,
            political_theory: lt,
            state_management: sm,
            it: None,
            foreign_language: None,
            ethnic_language: None,
            evaluation: eval,
            hired: None,
            origin: Origin {
                file: "a.xlsx".into(),
                sheet: "Sheet1".into(),
                row: 2,
            },
        },
    )
}

const COLUMNS: &[Field] = &[
    Field::Birth,
    Field::Gender,
    Field::Ethnicity,
    Field::Religion,
    Field::Party,
    Field::GeneralEducation,
    Field::Professional,
    Field::PoliticalTheory,
    Field::StateManagement,
    Field::Evaluation,
];

fn roster() -> impl Strategy<Value = Roster> {
    (
        proptest::collection::vec(person(), 0..50),
        proptest::sample::subsequence(COLUMNS, 0..=COLUMNS.len()),
    )
        .prop_map(|(people, columns)| Roster {
            people,
            columns: Columns(columns),
            sources: Vec::new(),
            warnings: Vec::new(),
        })
}

fn options() -> impl Strategy<Value = ReportOptions> {
    (
        (2015i32..2031, 1u32..13, 1u32..29),
        proptest::collection::btree_set(1u32..100, 1..5),
        proptest::option::of(select(Category::ALL)),
    )
        .prop_map(|((y, m, d), bounds, category)| ReportOptions {
            as_of: Date::new(y, m, d).unwrap_or_else(|| Date::from_days(20_000)),
            bands: AgeBands::new(bounds.into_iter().collect()).unwrap_or_default(),
            filter: match category {
                Some(c) => Filter::default().and(Dimension::Category, vec![c.code().into()]),
                None => Filter::default(),
            },
        })
}

fn shared_of(roster: &Roster, options: &ReportOptions, whole: bool) -> Shared {
    let r = report(roster, options);
    if !whole {
        return Shared::new(&r, options, None, None);
    }
    let sets = standards::defaults();
    let rules = standards::choose(&sets, None, options.as_of).unwrap();
    let st = standards::standards(roster, rules, &StandardsOptions::new(options.as_of));
    let f = forecast(
        roster,
        &RetirementLaw::default(),
        &RetirementOptions::new(options.as_of),
    );
    Shared::new(&r, options, Some(&st), Some(&f))
}

fn shared() -> impl Strategy<Value = Shared> {
    (
        roster(),
        options(),
        any::<bool>(),
        proptest::option::of(2u32..6),
        proptest::option::of(select(&["Huyện Mẫu Sơn", "Tỉnh"][..])),
    )
        .prop_map(|(roster, options, whole, hide, title)| {
            let mut s = shared_of(&roster, &options, whole);
            if let Some(below) = hide {
                s.hide_small(below).unwrap();
            }
            s.title = title.map(String::from);
            s
        })
}

const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_report_encodes_and_decodes_to_the_same_figures(s in shared()) {
        let link = s.encode().unwrap();
        prop_assert_eq!(share::decode(&link).unwrap(), s);
    }

    #[test]
    fn a_truncated_or_edited_link_is_refused_or_valid_never_a_panic(
        s in shared(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        with in select(BASE64),
    ) {
        let link = s.encode().unwrap();
        let end = cut.index(link.len());
        prop_assert!(share::decode(&link[..end]).is_err());
        let mut bytes = link.into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = with;
        let edited = String::from_utf8(bytes).unwrap();
        // `decode` only returns figures that add up; it must return, whatever it returns.
        if let Ok(other) = share::decode(&edited) {
            prop_assert!(other.encode().is_ok());
        }
    }

    #[test]
    fn made_up_payloads_are_refused_or_valid_never_a_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 6);
        use base64::Engine;
        let link = format!(
            "r1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        );
        let _ = share::decode(&link);
    }

    #[test]
    fn reports_of_one_date_combine_into_their_sums(
        rosters in proptest::collection::vec(roster(), 1..4),
        options in options(),
        hide in proptest::option::of(2u32..5),
    ) {
        let parts: Vec<Part> = rosters
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut shared = shared_of(r, &options, true);
                if let Some(below) = hide {
                    shared.hide_small(below).unwrap();
                }
                Part { shared, name: Some(format!("Huyện {i}")) }
            })
            .collect();
        let combined = combine(&parts).unwrap();
        let people: u32 = parts.iter().map(|p| p.shared.report.people).sum();
        prop_assert_eq!(combined.report.people, people);
        prop_assert!(combined.hidden.is_empty());
        for (unit, part) in combined.report.units.iter().zip(&parts) {
            prop_assert_eq!(unit.people, part.shared.report.people);
        }
        let retiring: u32 = parts
            .iter()
            .map(|p| p.shared.retirement.as_ref().map_or(0, |r| r.retiring))
            .sum();
        prop_assert_eq!(combined.retirement.as_ref().map(|r| r.retiring), Some(retiring));
        let back = share::decode(&combined.encode().unwrap()).unwrap();
        prop_assert_eq!(back, combined);
    }
}

proptest! {
    // Each lock costs one Argon2id: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn a_locked_link_opens_with_its_passphrase_to_the_same_figures(
        s in shared(),
        pass in "[a-zà-ỹ0-9 ]{1,20}",
        random in proptest::array::uniform28(any::<u8>()),
    ) {
        let link = s.encode_locked(&pass, &random).unwrap();
        prop_assert_eq!(share::decode_locked(&link, &pass).unwrap(), s);
        let wrong = format!("{pass}!");
        prop_assert_eq!(
            share::decode_locked(&link, &wrong),
            Err(share::LinkError::WrongPassphrase)
        );
    }
}
