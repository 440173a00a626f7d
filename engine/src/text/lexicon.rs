//! The lexicon: which words are stop words, which are listed by the word
//! lists, and the mark that stands between title and body in an article's
//! sequence of word ids. One home for what every counting feature (index,
//! Compare, Words, Contexts) asks of a word; what depends on the word's
//! language (its stem, its stop list) is chosen by
//! [`crate::text::language`].
//!
//! Stop lists: English is [`STOP_WORDS`] (ours, function words only, 139);
//! every other language's list comes from NLTK's stop-word corpus where it
//! has one (for most European languages Snowball's lists, BSD-3-Clause),
//! else from stopwords-iso (MIT), as the `stop-words` crate (MIT) carries
//! them, written to `engine/data/stop-lists.txt` (58 KB gzip) by
//! `bench/make_stop_lists.py`: embedded where a corpus is built (feature
//! `stop-lists`), fetched by the import worker ([`STOP_LISTS_PATH`]). A
//! corpus carries the lists of its own languages ([`StopList`]), so the
//! page holds no list but English.

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

/// One language's stop list, as a corpus carries it: the language's key
/// ([`crate::text::language::language_key`]), where the list comes from,
/// and its words in normal form ([`crate::text::tokenize::normalize`]),
/// sorted, without repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StopList {
    /// The language's key ("de").
    pub language: String,
    /// Where it comes from, for a reader ("Snowball's list, through NLTK").
    pub source: String,
    /// The words, sorted.
    pub words: Vec<String>,
}

impl StopList {
    /// A list of `words` in any order and form: normalised, sorted, deduplicated.
    pub fn new(language: &str, words: impl IntoIterator<Item = impl AsRef<str>>) -> StopList {
        let mut words: Vec<String> = words
            .into_iter()
            .map(|w| crate::text::tokenize::normalize(w.as_ref().trim()).into_owned())
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable();
        words.dedup();
        StopList {
            language: language.to_string(),
            source: String::new(),
            words,
        }
    }

    /// The list, saying where it comes from.
    pub fn from_source(mut self, source: &str) -> StopList {
        self.source = source.to_string();
        self
    }

    /// Whether a normalised word is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.words
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
    }
}

/// Which stop words a view leaves out: with `on`, each word's language's
/// list and the corpus' own, and the reader's edits: the words they
/// `add`, less the words they `keep` (take off the lists). Words
/// normalised ([`crate::text::tokenize::normalize`]), sorted, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StopChoice {
    /// Leave stop words out at all.
    pub on: bool,
    /// Words the reader leaves out too.
    pub add: Vec<String>,
    /// Words the reader keeps though a list has them.
    pub keep: Vec<String>,
}

impl StopChoice {
    /// The lists, unedited (`on`), or nothing left out.
    pub fn lists(on: bool) -> StopChoice {
        StopChoice {
            on,
            ..StopChoice::default()
        }
    }

    /// The choice with the reader's edits as typed (words separated by
    /// commas or spaces, in any case: each is read by the one tokenizer, so
    /// "Alipay's" is the word "alipay"). At most [`MAX_OWN_STOP_WORDS`] of
    /// each; a word both added and kept is added.
    pub fn edited(on: bool, add: &str, keep: &str) -> StopChoice {
        let read = |text: &str| {
            let mut ws: Vec<String> = crate::text::tokenize::words(text)
                .map(|w| w.norm.into_owned())
                .take(MAX_OWN_STOP_WORDS)
                .collect();
            ws.sort_unstable();
            ws.dedup();
            ws
        };
        let add = read(add);
        let mut keep = read(keep);
        keep.retain(|w| add.binary_search(w).is_err());
        StopChoice { on, add, keep }
    }

    /// The added words as the URL and the field write them ("said, according").
    pub fn add_text(&self) -> String {
        self.add.join(",")
    }

    /// The kept words as the URL writes them.
    pub fn keep_text(&self) -> String {
        self.keep.join(",")
    }

    /// Whether the reader edited the lists.
    pub fn is_edited(&self) -> bool {
        !self.add.is_empty() || !self.keep.is_empty()
    }
}

/// The most words a reader may add to, or take off, the stop lists (a URL
/// carries them: its length stays bounded).
pub const MAX_OWN_STOP_WORDS: usize = 200;

/// Every language's stop list but English's, as a file of the site
/// (`data/stop-lists.txt`, written by `bench/make_stop_lists.py`): a first
/// comment line, then per language `@@ KEY SOURCE` (`snowball`, `nltk`,
/// `iso`) and a word a line. Native builds embed it (feature
/// `stop-lists`); the import worker fetches it ([`STOP_LISTS_PATH`]) for an
/// import with another language than English; the page never needs it (a
/// corpus carries its languages' lists).
#[cfg(feature = "stop-lists")]
pub const STOP_LISTS: &str = include_str!("../../data/stop-lists.txt");

/// Where a site serves the stop lists, relative to its page, with their
/// version (the FNV-1a hash of the file's bytes): no cache serves another.
pub const STOP_LISTS_PATH: &str = concat!(
    "data/stop-lists.txt?v=",
    include_str!("../../data/stop-lists.version")
);

/// Reads the stop lists' file (see [`STOP_LISTS`]).
pub fn parse_stop_lists(text: &str) -> Result<Vec<StopList>, String> {
    let mut lists: Vec<StopList> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut head: Option<(&str, &str)> = None;
    let mut done = |head: Option<(&str, &str)>, words: &mut Vec<&str>| {
        if let Some((key, source)) = head {
            let source = match source {
                "snowball" => "Snowball's list, through NLTK",
                "nltk" => "NLTK's list",
                _ => "stopwords-iso's list",
            };
            lists.push(StopList::new(key, words.drain(..)).from_source(source));
        }
    };
    for (i, line) in text.lines().enumerate() {
        if i == 0 && line.starts_with('#') {
            continue;
        }
        if let Some(h) = line.strip_prefix("@@ ") {
            let (key, source) = h
                .split_once(' ')
                .ok_or_else(|| format!("line {}: not `@@ KEY SOURCE`", i + 1))?;
            done(head.take(), &mut words);
            head = Some((key, source));
        } else if head.is_some() {
            words.push(line);
        } else {
            return Err(format!("line {}: a word before any `@@ KEY SOURCE`", i + 1));
        }
    }
    done(head, &mut words);
    Ok(lists)
}

static LISTS: std::sync::OnceLock<Vec<StopList>> = std::sync::OnceLock::new();

/// Installs the stop lists for the rest of the process (the import worker,
/// once it has fetched them); false if some were installed already.
pub fn install_stop_lists(lists: Vec<StopList>) -> bool {
    LISTS.set(lists).is_ok()
}

/// Every language's stop list this process has: installed, or (feature
/// `stop-lists`) the embedded file's; `None` in the page.
pub fn stop_lists() -> Option<&'static [StopList]> {
    #[cfg(feature = "stop-lists")]
    {
        Some(
            LISTS
                .get_or_init(|| parse_stop_lists(STOP_LISTS).expect("the engine's own stop lists")),
        )
    }
    #[cfg(not(feature = "stop-lists"))]
    {
        LISTS.get().map(Vec::as_slice)
    }
}

/// The stop list this process has for a language (by key; English's is
/// [`STOP_WORDS`], never here).
pub fn built_in_stop_list(key: &str) -> Option<&'static StopList> {
    stop_lists()?.iter().find(|l| l.language == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && is_stop_word("won't") && !is_stop_word("alipay"));
    }

    #[test]
    fn a_readers_edits_are_words_once_each() {
        let c = StopChoice::edited(true, "Said, according  said;Alipay's", "us, said, ,");
        assert_eq!(c.add, ["according", "alipay", "said"]);
        assert_eq!(c.keep, ["us"], "a word added is not also kept");
        assert_eq!(c.add_text(), "according,alipay,said");
        assert!(c.is_edited() && !StopChoice::lists(true).is_edited());
        let many = "w ".repeat(500) + &(0..500).map(|i| format!("x{i} ")).collect::<String>();
        assert!(StopChoice::edited(true, &many, "").add.len() <= MAX_OWN_STOP_WORDS);
    }

    #[test]
    fn a_stop_list_is_normalised_sorted_and_searchable() {
        let l = StopList::new("de", ["Und", "der", "  die ", "und", ""]);
        assert_eq!(l.words, ["der", "die", "und"]);
        assert!(l.contains("und") && !l.contains("Und") && !l.contains("zahlung"));
    }

    #[cfg(feature = "stop-lists")]
    #[test]
    fn each_language_has_its_own_list() {
        assert!(
            built_in_stop_list("en").is_none(),
            "English's is STOP_WORDS"
        );
        let de = built_in_stop_list("de").unwrap();
        assert!(de.contains("und") && de.contains("der") && !de.contains("the"));
        assert_eq!(de.source, "Snowball's list, through NLTK");
        let fr = built_in_stop_list("fr").unwrap();
        assert!(fr.contains("le") && fr.contains("et"));
        assert!(built_in_stop_list("zh").unwrap().contains("的"));
        let pl = built_in_stop_list("pl").expect("stopwords-iso where NLTK has none");
        assert_eq!(pl.source, "stopwords-iso's list");
        assert!(built_in_stop_list("xx").is_none());
        assert!(stop_lists().unwrap().len() > 60);
    }

    #[test]
    fn a_bad_stop_lists_file_is_an_error() {
        assert!(parse_stop_lists("# c\nword\n").is_err());
        assert!(parse_stop_lists("# c\n@@ de\n").is_err());
        let l = parse_stop_lists("# c\n@@ de snowball\nUnd\n@@ fr iso\nle\n").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].words, ["und"]);
        assert_eq!(l[1].source, "stopwords-iso's list");
    }
}
