//! The lexicon: which words are stop words, which are listed by the word
//! lists, a word's stem, and the mark that stands between title and body in
//! an article's sequence of word ids. One home for what every counting
//! feature (index, Compare, Words, Contexts) asks of a word.

use rust_stemmers::{Algorithm, Stemmer};

/// A built-in English stop-word list (function words), excluded from the word lists unless switched off. Sorted.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won't",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether a normalised word is on the stop-word list (sorted: a binary search).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Whether a normalised word is listed and counted by Compare and its
/// similarity: it has a letter, and more than one character unless that one
/// character is of a script that writes a word with one (CJK ideographs,
/// kana, hangul: from U+2E80). So "e" (of "e-commerce"), "s" and numbers such
/// as "2015" are left out, "支" is kept.
pub fn is_listed(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_alphabetic() && c >= '\u{2E80}',
        _ => word.chars().any(char::is_alphabetic),
    }
}

/// In [`crate::index::Index::kinds`]: the word is listed ([`is_listed`]).
pub const LISTED: u8 = 1;
/// In [`crate::index::Index::kinds`]: the word is a stop word ([`is_stop_word`]).
pub const STOP: u8 = 2;

/// In [`crate::index::Index::words_of`], the break between title and body.
pub const BREAK: u32 = u32::MAX;

/// The English Snowball stem of a normalised word.
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && is_stop_word("won't") && !is_stop_word("alipay"));
    }
}
