//! Unit names: the words that open the name of a commune-level unit, or of a unit above it.

use crate::text::fold;

/// The kinds of commune-level units, folded, longest first ("thị xã" before "xã").
pub const COMMUNE_KINDS: &[&str] = &["thi tran", "thi xa", "xa", "phuong", "dac khu"];

/// Kinds that also open a unit's group row: the communes' and the units above or beside them.
const KINDS: &[(&str, &str)] = &[
    ("thi tran", "thị trấn"),
    ("thi xa", "thị xã"),
    ("xa", "xã"),
    ("phuong", "phường"),
    ("dac khu", "đặc khu"),
    ("huyen", "huyện"),
    ("don vi", "đơn vị"),
];

/// Whether `text` (cleaned) opens with a unit's kind: "Xã Na Son", "THỊ TRẤN MẪU SƠN",
/// "Xa Na Son" in a text typed without diacritics. Where the text has diacritics the kind
/// must have its own, so "Xa Thị Mai" (a family name) is not "Xã".
pub fn names_unit(text: &str) -> bool {
    let folded = fold(text);
    let plain = text.is_ascii();
    let lower = text.to_lowercase();
    KINDS.iter().any(|(kind, written)| {
        let opens = folded
            .strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with(' '));
        opens && (plain || lower.starts_with(written))
    })
}

/// Whether `text` opens with the kind of a commune-level unit (as [`names_unit`]).
pub fn names_commune(text: &str) -> bool {
    let folded = fold(text);
    names_unit(text)
        && COMMUNE_KINDS
            .iter()
            .any(|k| folded.strip_prefix(k).is_some_and(|r| r.starts_with(' ')))
}

/// Words after which a unit's name in a title row ends ("XÃ CHIỀNG SƠ, HUYỆN SÔNG MÃ").
const NAME_ENDS: &[&str] = &[
    "huyen",
    "tinh",
    "thanh pho",
    "quan",
    "nam",
    "den",
    "tinh den",
    "tai",
    "ngay",
    "dot",
    "quy",
];

/// The commune a title row names: "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ CHIỀNG SƠ" → "Xã Chiềng Sơ",
/// "UBND THỊ TRẤN YÊN THẾ" → "Thị trấn Yên Thế". "cấp xã" (commune level) names none, and a
/// district ("HUYỆN MẪU SƠN") is not a commune.
pub fn named_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for start in 0..words.len() {
        let rest = words[start..].join(" ");
        if !names_commune(&rest) {
            continue;
        }
        if start > 0 && fold(words[start - 1]) == "cap" {
            continue;
        }
        let kind_words = COMMUNE_KINDS
            .iter()
            .find(|k| fold(&rest).starts_with(&format!("{k} ")))
            .map_or(1, |k| k.split(' ').count());
        let mut name: Vec<&str> = Vec::new();
        for w in &words[start + kind_words..] {
            let ends_here = w.ends_with([',', ';', ':', '(', ')']);
            let word = w.trim_matches(|c: char| !c.is_alphanumeric());
            let folded = fold(word);
            if word.is_empty() || NAME_ENDS.contains(&folded.as_str()) {
                break;
            }
            if !word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                break;
            }
            name.push(word);
            if ends_here || name.len() == 4 {
                break;
            }
        }
        if name.is_empty() {
            continue;
        }
        let kind: Vec<&str> = words[start..start + kind_words].to_vec();
        return Some(crate::text::unit_case(&format!(
            "{} {}",
            kind.join(" "),
            name.join(" ")
        )));
    }
    None
}

/// How sheet names that are a list or a form, not a place, begin ("Danh sách", "Sheet1").
const NOT_PLACES: &[&str] = &[
    "sheet",
    "trang tinh",
    "trang",
    "danh sach",
    "ds",
    "bieu",
    "mau so",
    "mau bieu",
    "tong hop",
    "th",
    "data",
    "du lieu",
    "bao cao",
    "cbcc",
    "can bo",
    "cong chuc",
    "feuil",
    "tabelle",
    "hoja",
    "bang",
    "thong ke",
    "ke khai",
    "chat luong",
    "so luong",
];

/// Whether a sheet name reads as the name of a place: one to five words, each with a capital
/// or a number ("Chiềng Sơ", "Nà Hẩu", "Phường 3"), not the name of a list or a form.
pub fn is_place_name(name: &str) -> bool {
    let folded = fold(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !NOT_PLACES.iter().any(|p| {
            folded == *p || folded.starts_with(&format!("{p} ")) || {
                // "Sheet1", "DS2": the word and a number glued.
                folded
                    .strip_prefix(p)
                    .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
            }
        })
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && words.iter().any(|w| w.chars().any(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_kinds_with_their_diacritics() {
        assert!(names_unit("Xã Na Son"));
        assert!(names_unit("THỊ TRẤN MẪU SƠN"));
        assert!(names_unit("Xa Na Son"));
        assert!(names_unit("Huyện Mẫu Sơn"));
        assert!(!names_unit("Xa Thị Mai"));
        assert!(!names_unit("Xã"));
        assert!(names_commune("Phường 3"));
        assert!(!names_commune("Huyện Mẫu Sơn"));
    }

    #[test]
    fn title_rows_name_their_commune() {
        let n = named_in;
        assert_eq!(
            n("DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ CHIỀNG SƠ").as_deref(),
            Some("Xã Chiềng Sơ")
        );
        assert_eq!(
            n("DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ CHIỀNG SƠ, HUYỆN SÔNG MÃ").as_deref(),
            Some("Xã Chiềng Sơ")
        );
        assert_eq!(
            n("UBND THỊ TRẤN YÊN THẾ").as_deref(),
            Some("Thị trấn Yên Thế")
        );
        assert_eq!(
            n("Danh sách cán bộ, công chức Phường 3 năm 2024").as_deref(),
            Some("Phường 3")
        );
        assert_eq!(n("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ HUYỆN MẪU SƠN"), None);
        assert_eq!(n("UBND HUYỆN MẪU SƠN"), None);
        assert_eq!(n("Cộng hòa xã hội chủ nghĩa Việt Nam"), None);
    }

    #[test]
    fn sheet_names_that_are_places() {
        for p in ["Chiềng Sơ", "Nà Hẩu", "Xã Na Son", "Phường 3", "KEO LÔM"] {
            assert!(is_place_name(p), "{p}");
        }
        for p in [
            "Sheet1",
            "Danh sách",
            "DS CBCC",
            "Tổng hợp",
            "TH",
            "Biểu 01",
            "data",
        ] {
            assert!(!is_place_name(p), "{p}");
        }
    }
}
