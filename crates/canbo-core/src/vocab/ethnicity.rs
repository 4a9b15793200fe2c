//! Ethnic group names: the spellings rosters use for the same group, and who is a minority.

use crate::text::fold;

/// (folded spelling with spaces removed, canonical name).
const ALIASES: &[(&str, &str)] = &[
    ("kinh", "Kinh"),
    ("viet", "Kinh"),
    ("mong", "Mông"),
    ("hmong", "Mông"),
    ("meo", "Mông"),
    ("khomu", "Khơ Mú"),
    ("khamu", "Khơ Mú"),
    ("tay", "Tày"),
    ("thai", "Thái"),
    ("nung", "Nùng"),
    ("dao", "Dao"),
    ("muong", "Mường"),
    ("hoa", "Hoa"),
    ("sanchay", "Sán Chay"),
    ("sandiu", "Sán Dìu"),
    ("giay", "Giáy"),
    ("hanhi", "Hà Nhì"),
    ("lolo", "Lô Lô"),
    ("phula", "Phù Lá"),
    ("lachi", "La Chí"),
    ("ede", "Ê Đê"),
    ("giarai", "Gia Rai"),
    ("bana", "Ba Na"),
    ("khmer", "Khmer"),
    ("cham", "Chăm"),
];

/// The canonical name of an ethnic group as written; unknown spellings are kept as written.
pub fn canonical(text: &str) -> String {
    known(text).map_or_else(|| text.to_string(), str::to_string)
}

/// The canonical name of a known spelling: the whole text with its spaces dropped
/// ("Khơmú", "H'Mông"), or, for "Kinh (Việt)" and the like, its first words.
pub fn known(text: &str) -> Option<&'static str> {
    let folded = fold(text);
    let find = |key: &str| {
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == key)
            .map(|(_, name)| *name)
    };
    let whole: String = folded.chars().filter(|c| *c != ' ').collect();
    find(&whole).or_else(|| {
        let words: Vec<&str> = folded.split(' ').collect();
        (1..words.len())
            .rev()
            .find_map(|n| find(&words[..n].concat()))
    })
}

/// Kinh (also written "Việt") is the majority; every other stated group is a minority.
pub fn is_minority(canonical_name: &str) -> bool {
    canonical_name != "Kinh"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_group_meet() {
        assert_eq!(canonical("H'Mông"), "Mông");
        assert_eq!(canonical("Hmông"), "Mông");
        assert_eq!(canonical("Khơmú"), "Khơ Mú");
        assert_eq!(canonical("Việt"), "Kinh");
        assert_eq!(canonical("Xinh Mun"), "Xinh Mun");
        assert_eq!(canonical("Kinh (Việt)"), "Kinh");
        assert_eq!(known("đang cập nhật"), None);
        assert!(!is_minority(&canonical("kinh")));
        assert!(is_minority(&canonical("Tày")));
    }
}
