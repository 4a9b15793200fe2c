//! The one matching rule every vocabulary table uses.
//!
//! A table lists phrases written out in full and folded ("chu tich uy ban nhan dan"). Text
//! matches a phrase where its words read as the phrase's words, each word either written out
//! or **abbreviated the way Vietnamese administrative text abbreviates**: by the first letter
//! of the word, or its whole initial consonant cluster ("Th" for "thạc", "Ch" for "chỉ", "Ng"
//! for "người"), or that cluster and the final consonant ("Trg" for "trưởng"). Abbreviations
//! may be glued together or to whole words ("UBND", "HĐNDxã", "ThS", "BCHQS", "Chủtịch") and
//! separated by dots, dashes or spaces ("P.CT", "VP-TK"). This is the rule of Nghị định
//! 30/2020/NĐ-CP (phụ lục I: "UBND", "HĐND"; phụ lục III: "TTr" for "tờ trình", "Ctr" for
//! "chương trình") and of every roster seen: "CT UBND", "PCT HĐND", "BT ĐU", "HTTNV", "CMNV",
//! "LLCT". So a table holds each phrase once, and every spelling of that family is read by
//! the rule instead of being listed.
//!
//! Two guards keep the rule from reading words that are not abbreviations:
//! - a token of the text that has the shape of a Vietnamese syllable ([`is_syllable`]) and
//!   more than two letters is a word, matched only whole ("thanh" is never "t" + "h…");
//!   shorter ones ("ĐU", "CA") may be read either way;
//! - a phrase matched through an abbreviation has at least two words: a lone letter never
//!   stands for a one-word phrase.
//!
//! Among the phrases that match, the one covering the most of the text wins ("phó chủ tịch
//! hội nông dân" is not "chủ tịch hội nông dân"), then the longer phrase, then the leftmost.
//! A phrase written with a leading `!` is decisive: when it matches it wins over any other
//! ("hoàn thành tốt nhiệm vụ nhưng còn hạn chế về năng lực" is `han_che`, whatever comes
//! first). A phrase written with a leading `=` must be the whole text, written out: short
//! words such as `=tot` or `=khong` would otherwise match inside longer text by accident, and
//! their initials ("CC" for "chưa có") mean something else.
//!
//! A table may name `glued` words that can stick to a phrase inside one token and are then
//! skipped ("xa" in "HĐNDxã", "viet nam" in "UBMTTQVN", "nhiem vu" in "HTTNV"), and may allow
//! anything after a phrase in its last token (`glued_tail`: the field of study in "ĐHSP",
//! "TCKT").

use crate::text::syllable::{coda, is_syllable, onset};
use crate::text::{find_words, fold};

/// A table of (phrase, value). Phrases are written folded (see [`crate::text::fold`]).
pub struct Phrases<T: 'static> {
    pub entries: &'static [(&'static str, T)],
    /// Words that may be glued before or after a phrase inside one token, and are skipped.
    pub glued: &'static [&'static str],
    /// Whether any letters may follow a phrase inside its last token.
    pub glued_tail: bool,
}

/// A match: the value, and how much of the text its phrase covered and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T> {
    pub value: T,
    /// Bytes of the folded text the phrase covers.
    pub len: usize,
    /// Byte offset of the phrase in the folded text.
    pub at: usize,
    /// The phrase is decisive (`!`).
    pub decisive: bool,
    /// Bytes of the phrase as the table writes it.
    pub phrase_len: usize,
    /// The text wrote the phrase's words out (no abbreviation).
    pub written_out: bool,
}

impl<T> Hit<T> {
    /// The order of preference: decisive, then covering more, then written out ("TS" is
    /// the table's own "ts", not the initials of "thạc sĩ"), then the longer phrase, then
    /// the leftmost.
    fn rank(&self) -> (bool, usize, bool, usize, std::cmp::Reverse<usize>) {
        (
            self.decisive,
            self.len,
            self.written_out,
            self.phrase_len,
            std::cmp::Reverse(self.at),
        )
    }

    /// What must be equal for two matches to tie.
    fn tie(&self) -> (bool, usize, bool) {
        (self.decisive, self.len, self.written_out)
    }
}

impl<T: Copy + PartialEq> Phrases<T> {
    /// A table with no glued words.
    pub const fn new(entries: &'static [(&'static str, T)]) -> Phrases<T> {
        Phrases {
            entries,
            glued: &[],
            glued_tail: false,
        }
    }

    /// The best match in `folded` (already folded text).
    pub fn best(&self, folded: &str) -> Option<Hit<T>> {
        let tokens = Tokens::new(folded);
        self.hits(&tokens).max_by_key(|h| h.rank())
    }

    /// Every value whose phrase ties for the best match (ambiguous headers such as
    /// "Phân loại", which is a category or an evaluation depending on what the column holds,
    /// or "ĐV", which is "đảng viên" or "đơn vị").
    pub fn best_all(&self, folded: &str) -> Vec<T> {
        let tokens = Tokens::new(folded);
        let hits: Vec<Hit<T>> = self.hits(&tokens).collect();
        let Some(top) = hits.iter().map(Hit::tie).max() else {
            return Vec::new();
        };
        let mut tied: Vec<&Hit<T>> = hits.iter().filter(|h| h.tie() == top).collect();
        tied.sort_by_key(|h| std::cmp::Reverse(h.rank()));
        let mut values: Vec<T> = Vec::new();
        for h in tied {
            if !values.contains(&h.value) {
                values.push(h.value);
            }
        }
        values
    }

    /// The matches that do not overlap, best first: the best match, then the best of what
    /// is left, and so on ("Chủ tịch HĐND-Bí thư ĐU" holds two titles).
    pub fn all(&self, folded: &str) -> Vec<Hit<T>> {
        let tokens = Tokens::new(folded);
        let mut hits: Vec<Hit<T>> = self.hits(&tokens).collect();
        hits.sort_by_key(|h| std::cmp::Reverse(h.rank()));
        let mut chosen: Vec<Hit<T>> = Vec::new();
        for h in hits {
            let free = chosen
                .iter()
                .all(|c| h.at + h.len <= c.at || c.at + c.len <= h.at);
            if free {
                chosen.push(h);
            }
        }
        chosen
    }

    /// Match raw text (folds it first).
    pub fn classify(&self, text: &str) -> Option<T> {
        self.best(&fold(text)).map(|h| h.value)
    }

    fn hits<'a>(&'a self, tokens: &'a Tokens<'a>) -> impl Iterator<Item = Hit<T>> + 'a {
        self.entries.iter().filter_map(move |(phrase, value)| {
            let (whole, phrase) = match phrase.strip_prefix('=') {
                Some(p) => (true, p),
                None => (false, *phrase),
            };
            let (decisive, phrase) = match phrase.strip_prefix('!') {
                Some(p) => (true, p),
                None => (false, phrase),
            };
            let (at, len) = self.find(tokens, phrase, whole)?;
            Some(Hit {
                value: *value,
                len,
                at,
                decisive,
                phrase_len: phrase.len(),
                written_out: len == phrase.len(),
            })
        })
    }

    /// Where `phrase` matches, as (offset, covered bytes).
    fn find(&self, tokens: &Tokens<'_>, phrase: &str, whole: bool) -> Option<(usize, usize)> {
        // Whole words written out: the plain search, which is also the common case.
        if whole {
            return (tokens.text == phrase).then_some((0, phrase.len()));
        }
        if let Some(at) = find_words(tokens.text, phrase) {
            return Some((at, phrase.len()));
        }
        let mut words = [""; MAX_WORDS];
        let mut n = 0;
        for w in phrase.split(' ') {
            *words.get_mut(n)? = w;
            n += 1;
        }
        let walk = Walk {
            words: &words[..n],
            tokens,
            table: self,
        };
        // A match starts with the phrase's first letter, or with a glued word's.
        let first = |w: &str| w.as_bytes().first().copied();
        let starts: Vec<u8> = std::iter::once(first(words[0]))
            .chain(self.glued.iter().map(|g| first(g)))
            .flatten()
            .collect();
        (0..tokens.list.len())
            .filter(|&t| first(tokens.list[t].1).is_some_and(|b| starts.contains(&b)))
            .find_map(|t| walk.from(Pos { token: t, byte: 0 }))
    }
}

/// Phrases are short; longer ones are not matched by abbreviation.
const MAX_WORDS: usize = 16;

/// The folded text cut into its words, each with its offset.
struct Tokens<'a> {
    text: &'a str,
    list: Vec<(usize, &'a str)>,
    /// Per token: it must be read whole (see [`Tokens::new`]).
    words: Vec<bool>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Tokens<'a> {
        let mut list = Vec::new();
        let mut offset = 0;
        for word in text.split(' ') {
            if !word.is_empty() {
                list.push((offset, word));
            }
            offset += word.len() + 1;
        }
        // A token read whole: a syllable of more than two letters, or anything holding
        // digits or other signs ("12/12").
        let words = list
            .iter()
            .map(|(_, w)| {
                (w.len() > 2 && is_syllable(w)) || !w.bytes().all(|b| b.is_ascii_lowercase())
            })
            .collect();
        Tokens { text, list, words }
    }

    fn is_word(&self, token: usize) -> bool {
        self.words.get(token).copied().unwrap_or(true)
    }
}

/// A place in the text: a token and a byte inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Pos {
    token: usize,
    byte: usize,
}

struct Walk<'w, 't, T: 'static> {
    words: &'w [&'w str],
    tokens: &'t Tokens<'t>,
    table: &'t Phrases<T>,
}

impl<T> Walk<'_, '_, T> {
    fn offset(&self, p: Pos) -> usize {
        match self.tokens.list.get(p.token) {
            Some((o, _)) => o + p.byte,
            None => self.tokens.text.len(),
        }
    }

    /// Match the phrase starting at `start` (a token's first byte), possibly after glued
    /// words inside that token. Returns (offset, covered bytes).
    fn from(&self, start: Pos) -> Option<(usize, usize)> {
        if let Some(end) = self.phrase(0, start, false) {
            let at = self.offset(start);
            return Some((at, end - at));
        }
        if self.tokens.is_word(start.token) {
            return None;
        }
        // Glued words first ("CCVP-TK"): they must end inside the token.
        let token_len = self.tokens.list[start.token].1.len();
        for g in self.table.glued {
            let gw: Vec<&str> = g.split(' ').collect();
            for after in self.consume(&gw, start) {
                if after.token == start.token && after.byte < token_len {
                    if let Some(end) = self.phrase(0, after, false) {
                        let at = self.offset(after);
                        return Some((at, end - at));
                    }
                }
            }
        }
        None
    }

    /// Match words[q..] from `p`; returns the offset where the phrase ends, once what is left
    /// of its last token is accounted for.
    fn phrase(&self, q: usize, p: Pos, abbreviated: bool) -> Option<usize> {
        if q == self.words.len() {
            if abbreviated && self.words.len() < 2 {
                return None;
            }
            return self.tail_ok(p).then(|| self.offset(p));
        }
        for &(next, abbr) in self.pieces(self.words[q], p).iter() {
            if let Some(end) = self.phrase(q + 1, next, abbreviated || abbr) {
                return Some(end);
            }
        }
        // "và" (and) is dropped in abbreviations: "ĐC-NN-XD-MT", "ĐC-NN-XD&MT".
        if self.words[q] == "va" && q > 0 && q + 1 < self.words.len() {
            return self.phrase(q + 1, p, true);
        }
        None
    }

    /// Whether the phrase may end at `p`: at a token boundary, or inside a token whose rest
    /// is glued words (or anything, where the table allows it).
    fn tail_ok(&self, p: Pos) -> bool {
        if p.byte == 0 {
            return true;
        }
        if self.table.glued_tail {
            return true;
        }
        self.glued_rest(p)
    }

    /// Whether the rest of `p`'s token reads as glued words.
    fn glued_rest(&self, p: Pos) -> bool {
        if p.byte == 0 {
            return true;
        }
        self.table.glued.iter().any(|g| {
            let gw: Vec<&str> = g.split(' ').collect();
            self.consume(&gw, p).into_iter().any(|after| {
                after.token != p.token || (after.byte > p.byte && self.glued_rest(after))
            })
        })
    }

    /// Every place where `words` (read as a glued run: abbreviated or whole) can end when
    /// read from `p` without leaving its token.
    fn consume(&self, words: &[&str], p: Pos) -> Vec<Pos> {
        let Some((first, rest)) = words.split_first() else {
            return vec![p];
        };
        let mut out = Vec::new();
        for &(next, _) in self.pieces(first, p).iter() {
            if next.token != p.token && !rest.is_empty() {
                continue;
            }
            out.extend(self.consume(rest, next));
        }
        out
    }

    /// The places reached by reading phrase word `word` at `p`, and whether it was
    /// abbreviated to get there.
    fn pieces(&self, word: &str, p: Pos) -> Reach {
        let mut out = Reach::default();
        let Some(&(_, token)) = self.tokens.list.get(p.token) else {
            return out;
        };
        let rest = &token[p.byte..];
        let advance = |len: usize| {
            if p.byte + len == token.len() {
                Pos {
                    token: p.token + 1,
                    byte: 0,
                }
            } else {
                Pos {
                    token: p.token,
                    byte: p.byte + len,
                }
            }
        };
        if p.byte == 0 && self.tokens.is_word(p.token) {
            if token == word {
                out.push((advance(token.len()), false));
            }
            return out;
        }
        if rest.starts_with(word) {
            out.push((advance(word.len()), false));
        }
        if !is_syllable(word) {
            return out;
        }
        // The initial consonants, from the first letter to the whole cluster.
        let head = onset(word).len().max(1);
        for len in (1..=head).rev() {
            if len < word.len() && rest.starts_with(&word[..len]) {
                out.push((advance(len), true));
            }
        }
        // The cluster and the final consonant: "trg" for "truong".
        let tail = coda(word);
        if !tail.is_empty() {
            let start = &word[..head];
            for end in [tail, &tail[tail.len() - 1..]] {
                let n = start.len() + end.len();
                if n < word.len()
                    && rest.len() >= n
                    && rest.starts_with(start)
                    && rest[start.len()..].starts_with(end)
                {
                    out.push((advance(n), true));
                }
            }
        }
        out
    }
}

/// The few places one word can reach (whole, by each prefix of its onset, by onset and coda):
/// kept on the stack, as the matcher asks for them for every word of every phrase.
#[derive(Default)]
struct Reach {
    items: [(Pos, bool); 8],
    len: usize,
}

impl Reach {
    fn push(&mut self, item: (Pos, bool)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = item;
            self.len += 1;
        }
    }

    fn iter(&self) -> std::slice::Iter<'_, (Pos, bool)> {
        self.items[..self.len].iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Phrases<u8> = Phrases::new(&[
        ("hoan thanh", 1),
        ("hoan thanh tot", 2),
        ("nhung con han che", 3),
        ("=cv", 4),
        ("chu tich uy ban nhan dan", 5),
        ("pho chu tich uy ban nhan dan", 6),
        ("!han che ve nang luc", 7),
        ("=bi thu", 8),
        ("truong cong an", 9),
        ("van phong thong ke", 10),
    ]);

    const GLUED: Phrases<u8> = Phrases {
        entries: &[("hoi dong nhan dan", 1), ("hoan thanh tot", 2)],
        glued: &["xa", "nhiem vu"],
        glued_tail: false,
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
        assert_eq!(T.classify("Bí thư"), Some(8));
        assert_eq!(T.classify("BT"), None);
        assert_eq!(T.classify("Bí thư Đoàn"), None);
    }

    #[test]
    fn words_abbreviated_by_their_initials() {
        assert_eq!(T.classify("CT UBND"), Some(5));
        assert_eq!(T.classify("Chủ tịch UBND"), Some(5));
        assert_eq!(T.classify("P.CT UBND"), Some(6));
        assert_eq!(T.classify("PCT UBND"), Some(6));
        assert_eq!(T.classify("Phó CT UBND"), Some(6));
        assert_eq!(T.classify("HT tốt"), Some(2));
        assert_eq!(T.classify("Trưởng CA"), Some(9));
        assert_eq!(T.classify("Trg CA"), Some(9));
        assert_eq!(T.classify("VP-TK"), Some(10));
        assert_eq!(T.classify("VPTK"), Some(10));
        assert_eq!(T.classify("ChủtịchUBND"), Some(5));
    }

    #[test]
    fn decisive_phrases_win_over_longer_ones() {
        assert_eq!(T.classify("HT tốt NV nhưng hạn chế về NL"), Some(7));
    }

    #[test]
    fn whole_words_are_not_read_as_initials() {
        // "thanh" is a word: it does not stand for "t… h…".
        assert_eq!(T.classify("thanh"), None);
        // A lone letter does not stand for a one-word phrase.
        assert_eq!(Phrases::new(&[("tot", 1u8)]).classify("T"), None::<u8>);
        assert_eq!(T.classify("Ủy ban"), None);
    }

    #[test]
    fn glued_words_are_skipped() {
        assert_eq!(GLUED.classify("HĐNDxã"), Some(1));
        assert_eq!(GLUED.classify("HTTNV"), Some(2));
        assert_eq!(GLUED.classify("HĐNDx"), Some(1));
        assert_eq!(GLUED.classify("HĐNDabc"), None);
        assert_eq!(T.classify("HĐNDxã"), None);
    }
}
