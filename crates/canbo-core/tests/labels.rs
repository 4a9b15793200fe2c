//! Every code a page or a file names has a label in both languages: never empty, the two
//! different where the words differ, and no English label with a Vietnamese letter (a label
//! half-translated shows the English reader words they cannot read).

use canbo_core::codes::{
    Category, Code, Evaluation, Gender, GeneralEducation, PoliticalTheory, Professional,
    StateManagement,
};
use canbo_core::field::Field;
use canbo_core::report::Dimension;
use canbo_core::standards::rules::{no_requirement, Level, ReliefKind, Scope, Who};
use canbo_core::standards::{Criterion, Missing, SetKind};
use canbo_core::text::legacy::Legacy;
use canbo_core::vocab::positions::Title;
use canbo_core::Lang;

/// `(what, vi, en)` of every variant.
type Labels = Vec<(String, String, String)>;

fn codes<T: Code>() -> Labels {
    T::ALL
        .iter()
        .map(|v| {
            (
                format!("{}::{}", std::any::type_name::<T>(), v.code()),
                v.label(Lang::Vi).to_string(),
                v.label(Lang::En).to_string(),
            )
        })
        .collect()
}

fn all<T: Copy + std::fmt::Debug>(values: &[T], label: impl Fn(T, Lang) -> String) -> Labels {
    values
        .iter()
        .map(|&v| (format!("{v:?}"), label(v, Lang::Vi), label(v, Lang::En)))
        .collect()
}

fn every_label() -> Labels {
    let mut out = Vec::new();
    out.extend(codes::<Category>());
    out.extend(codes::<Gender>());
    out.extend(codes::<GeneralEducation>());
    out.extend(codes::<Professional>());
    out.extend(codes::<PoliticalTheory>());
    out.extend(codes::<StateManagement>());
    out.extend(codes::<Evaluation>());
    out.extend(all(Title::ALL, |t, l| t.label(l).into()));
    out.extend(all(Dimension::ALL, |d, l| d.label(l).into()));
    out.extend(all(Field::ALL, |f, l| f.label(l).into()));
    out.extend(all(&Criterion::ALL, |c, l| c.label(l).into()));
    out.extend(all(&Missing::ALL, |m, l| m.label(l).into()));
    out.extend(all(&Legacy::ALL, |e, l| e.label(l).into()));
    out.extend(all(&Scope::ALL, |s, l| s.label(l).into()));
    out.extend(all(&ReliefKind::ALL, |k, l| k.label(l).into()));
    out.extend(all(&[SetKind::Edited, SetKind::Own], |k, l| {
        k.mark(l).into()
    }));
    out.extend(all(&[()], |_, l| no_requirement(l).into()));
    out.extend(lowered::<GeneralEducation>());
    out.extend(lowered::<Professional>());
    out.extend(lowered::<PoliticalTheory>());
    out.extend(all(&Category::ALL[..3], |c, l| {
        Who {
            category: c,
            titles: Vec::new(),
        }
        .label(l)
    }));
    out.extend(all(Title::ALL, |t, l| {
        Who {
            category: Category::CanBo,
            titles: vec![t],
        }
        .label(l)
    }));
    out
}

/// What an exception may lower each level to, as the editor names it.
fn lowered<L: Level>() -> Labels {
    L::ALL
        .iter()
        .flat_map(|l| l.below())
        .map(|b| {
            (
                format!("lowered {}::{}", std::any::type_name::<L>(), b.code()),
                b.lowered_label(Lang::Vi).to_string(),
                b.lowered_label(Lang::En).to_string(),
            )
        })
        .collect()
}

fn vietnamese_letter(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_alphabetic() && !c.is_ascii())
}

#[test]
fn every_label_is_there_in_both_languages() {
    let labels = every_label();
    // Seven code enums, the titles, dimensions, fields, criteria, reasons and encodings.
    assert!(labels.len() > 100, "{}", labels.len());
    for (what, vi, en) in &labels {
        assert!(!vi.trim().is_empty(), "{what}: no Vietnamese label");
        assert!(!en.trim().is_empty(), "{what}: no English label");
    }
}

#[test]
fn no_english_label_has_a_vietnamese_letter() {
    let bad: Vec<String> = every_label()
        .into_iter()
        .filter_map(|(what, _, en)| vietnamese_letter(&en).map(|c| format!("{what}: {en} ({c})")))
        .collect();
    assert_eq!(bad, Vec::<String>::new());
}

#[test]
fn vietnamese_labels_are_vietnamese_where_the_words_differ() {
    // A Vietnamese label equal to the English one is a label left untranslated, unless it is
    // a name (an encoding) or an abbreviation both languages use.
    let same: Vec<String> = every_label()
        .into_iter()
        .filter(|(_, vi, en)| vi == en && en.chars().any(|c| c.is_lowercase()))
        .map(|(what, vi, _)| format!("{what}: {vi}"))
        .collect();
    assert_eq!(same, Vec::<String>::new());
}

/// The code of every variant reads back as the variant, and is the code of the JSON, so a
/// page's `<option value>` and a rule-set file name the same thing.
#[test]
fn every_standards_code_round_trips() {
    for scope in Scope::ALL {
        assert_eq!(Scope::from_code(scope.code()), Some(scope));
        assert_eq!(
            serde_json::to_string(&scope).unwrap(),
            format!("\"{}\"", scope.code())
        );
    }
    for kind in ReliefKind::ALL {
        assert_eq!(ReliefKind::from_code(kind.code()), Some(kind));
    }
    use canbo_core::standards::rules::Relief;
    let json = |r: Relief<Professional>| serde_json::to_string(&r).unwrap();
    assert!(json(Relief::LowerTo(Professional::TrungCap)).contains(ReliefKind::LowerTo.code()));
    assert!(json(Relief::GraceYears(5)).contains(ReliefKind::GraceYears.code()));
    assert_eq!(
        Relief::<Professional>::GraceYears(5).kind(),
        ReliefKind::GraceYears
    );
    assert_eq!(Scope::from_code(""), None);
    assert_eq!(ReliefKind::from_code("bogus"), None);
    for c in Criterion::ALL {
        assert_eq!(
            Criterion::ALL.iter().find(|x| x.code() == c.code()),
            Some(&c)
        );
    }
}
