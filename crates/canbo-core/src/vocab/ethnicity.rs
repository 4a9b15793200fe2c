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
    let key: String = fold(text).chars().filter(|c| *c != ' ').collect();
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map_or_else(|| text.to_string(), |(_, name)| name.to_string())
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
        assert!(!is_minority(&canonical("kinh")));
        assert!(is_minority(&canonical("Tày")));
    }
}
