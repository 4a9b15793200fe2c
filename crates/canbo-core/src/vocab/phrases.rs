//! The one matching rule every vocabulary table uses: the longest phrase that occurs in the
//! folded text as whole words wins, and on equal length the leftmost. So "hoàn thành tốt
//! nhiệm vụ nhưng còn hạn chế về năng lực" is `han_che` (its phrase is longer than "hoàn
//! thành tốt"), and "Phó Chủ tịch Hội Nông dân" is not "Chủ tịch Hội Nông dân".
//!
//! A phrase written with a leading `=` must equal the whole text: short abbreviations such as
//! `=tt` or `=cv` would otherwise match inside longer text by accident.

use crate::text::{find_words, fold};

/// A table of (phrase, value). Phrases are written folded (see [`crate::text::fold`]).
pub struct Phrases<T: 'static> {
    pub entries: &'static [(&'static str, T)],
}

/// A match: the value, and how long and where its phrase was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T> {
    pub value: T,
    pub len: usize,
    pub at: usize,
}

impl<T: Copy + PartialEq> Phrases<T> {
    /// The best match in `folded` (already folded text).
    pub fn best(&self, folded: &str) -> Option<Hit<T>> {
        let mut best: Option<Hit<T>> = None;
        for hit in self.hits(folded) {
            let better = match best {
                None => true,
                Some(b) => hit.len > b.len || (hit.len == b.len && hit.at < b.at),
            };
            if better {
                best = Some(hit);
            }
        }
        best
    }

    /// Every value whose phrase ties for the best match (ambiguous headers such as
    /// "Phân loại", which is a category or an evaluation depending on what the column holds).
    pub fn best_all(&self, folded: &str) -> Vec<T> {
        let hits: Vec<Hit<T>> = self.hits(folded).collect();
        let Some(top) = hits.iter().map(|h| h.len).max() else {
            return Vec::new();
        };
        let mut values: Vec<T> = Vec::new();
        for h in hits.into_iter().filter(|h| h.len == top) {
            if !values.contains(&h.value) {
                values.push(h.value);
            }
        }
        values
    }

    /// Match raw text (folds it first).
    pub fn classify(&self, text: &str) -> Option<T> {
        self.best(&fold(text)).map(|h| h.value)
    }

    fn hits<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Hit<T>> + 'a {
        self.entries.iter().filter_map(move |(phrase, value)| {
            let hit = |at| {
                Some(Hit {
                    value: *value,
                    len: phrase.len(),
                    at,
                })
            };
            match phrase.strip_prefix('=') {
                Some(exact) if exact == folded => hit(0),
                Some(_) => None,
                None => find_words(folded, phrase).and_then(hit),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Phrases<u8> = Phrases {
        entries: &[
            ("hoan thanh", 1),
            ("hoan thanh tot", 2),
            ("nhung con han che", 3),
            ("=cv", 4),
        ],
    };

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(T.classify("Hoàn thành tốt NV"), Some(2));
        assert_eq!(
            T.classify("Hoàn thành tốt nhiệm vụ nhưng còn hạn chế"),
            Some(3)
        );
        assert_eq!(T.classify("Hoàn thành"), Some(1));
    }

    #[test]
    fn exact_phrases_match_only_the_whole_text() {
        assert_eq!(T.classify("CV"), Some(4));
        assert_eq!(T.classify("CV mới"), None);
    }
}
