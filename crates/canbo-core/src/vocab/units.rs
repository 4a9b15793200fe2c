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
}
