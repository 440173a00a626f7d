//! Words in text written without spaces: Chinese.
//!
//! UAX #29 makes each Han character a word. Once a Chinese dictionary is
//! installed ([`install_chinese`]), the tokenizer ([`crate::text::tokenize`])
//! hands each run of Han characters to [`Dictionary::segment`], which splits
//! it as jieba does with its HMM off: of every way to cut the run into words
//! of the dictionary (a character it lacks is a word of its own), the one
//! whose words are likeliest together, each word's cost being
//! `round(100 · ln(total / frequency))` and a way's cost their sum. The costs
//! are integers, written in the dictionary file, so the choice is the same
//! natively and in WebAssembly (where `f64::ln` may differ in its last bit).
//! Of two ways that cost the same, the one whose first word is longer.
//!
//! The dictionary is jieba's (MIT licence), its words of frequency 5 or more
//! (`engine/data/zh-words.txt`, written by `bench/make_zh_dict.py`).
//!
//! The dictionary is installed once per process (the page: when its corpus
//! has Chinese text, before it builds its index): the index and every query
//! then read the same words. Without it, each Han character is a word.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::steps::Steps;

/// A run longer than this many characters is segmented in pieces of it: a
/// word may be cut at a piece's end, but no input sizes the work beyond it.
pub const MAX_RUN: usize = 4096;

/// Whether `c` is a Han character (CJK unified or compatibility ideograph,
/// any extension block, assigned: a code point of those blocks that Unicode
/// has not given a letter is no word at all): the characters a Chinese
/// dictionary segments.
pub fn is_han(c: char) -> bool {
    match c as u32 {
        // Every code point of these two blocks is an assigned ideograph:
        // no table to look in for the text a Chinese corpus is made of.
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => true,
        // These have gaps.
        0xF900..=0xFAFF | 0x20000..=0x3134F => c.is_alphabetic(),
        _ => false,
    }
}

/// A dictionary of words with their costs: a trie of characters, its
/// edges in one hash map keyed by (node, character), integers only (a
/// lookup hashes no string and compares no bytes).
pub struct Dictionary {
    /// (node << 32 | character) → child node; the root is node 0.
    edges: FxHashMap<u64, u32>,
    /// The root's children for the characters of the main Han block
    /// (U+4E00 to U+9FFF: most of any Chinese text), by code point − U+4E00,
    /// 0 for none: the first step from every character is an array read,
    /// not a hash look-up (the root is no node's child, so 0 is free).
    first: Vec<u32>,
    /// Per node: the cost of the word ending there, or [`NO_WORD`].
    costs: Vec<u16>,
    /// The cost of a character the dictionary lacks (frequency 1).
    unknown: u32,
    /// Words in the dictionary.
    words: usize,
}

/// A run's characters, their byte offsets, and per character the least
/// cost from there with where its first word ends ([`Dictionary::segment`]).
type Scratch = (Vec<char>, Vec<usize>, Vec<(u32, usize)>, Vec<bool>);

/// In [`Dictionary::costs`], a node where no word ends.
const NO_WORD: u16 = u16::MAX;

/// The main Han block, whose first steps [`Dictionary::first`] holds.
const MAIN_HAN: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

fn edge(node: u32, c: char) -> u64 {
    (u64::from(node) << 32) | u64::from(c)
}

impl Dictionary {
    /// Reads a dictionary file: a first line `# total-cost N` (the cost of a
    /// character the dictionary lacks), then a line `word cost` per word.
    pub fn parse(text: &str) -> Result<Dictionary, String> {
        DictionaryJob::new(text).run()
    }

    /// Words in the dictionary.
    pub fn len(&self) -> usize {
        self.words
    }

    /// Whether the dictionary has no word.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// A dictionary of `words` with their costs, `unknown` the cost of a
    /// character it lacks (as [`Dictionary::parse`] reads from a file).
    pub fn from_costs<'a>(
        unknown: u32,
        words: impl IntoIterator<Item = (&'a str, u16)>,
    ) -> Dictionary {
        CostsJob::new(unknown, words.into_iter().collect()).run()
    }

    fn empty(unknown: u32) -> Dictionary {
        Dictionary {
            edges: FxHashMap::default(),
            first: Vec::new(),
            costs: vec![NO_WORD],
            unknown,
            words: 0,
        }
    }

    /// The cost of a character the dictionary lacks (its file's
    /// `# total-cost`): the most any word costs.
    pub fn unknown_cost(&self) -> u32 {
        self.unknown
    }

    /// The node `c` leads to from `node`, 0 for none: the first step from
    /// the root into the main Han block an array read.
    #[inline]
    fn child(&self, node: u32, c: char) -> u32 {
        if node == 0 && MAIN_HAN.contains(&(c as u32)) {
            self.first
                .get((c as u32 - MAIN_HAN.start()) as usize)
                .copied()
                .unwrap_or(0)
        } else {
            self.edges.get(&edge(node, c)).copied().unwrap_or(0)
        }
    }

    /// The cost of `word`, if the dictionary has it.
    pub fn cost(&self, word: &str) -> Option<u16> {
        let mut node = 0u32;
        for c in word.chars() {
            node = self.child(node, c);
            if node == 0 {
                return None;
            }
        }
        let cost = *self.costs.get(node as usize)?;
        (node != 0 && cost != NO_WORD).then_some(cost)
    }

    /// The words of `run` (Han characters), as byte ranges of it, in order,
    /// covering it (see the module docs).
    pub fn segment(&self, run: &str) -> Vec<Range<usize>> {
        self.segment_at(run, None)
    }

    /// [`Dictionary::segment`] where words may start only at `cuts` (byte
    /// offsets of `run`, ascending; its start and end are always cuts): in
    /// Thai, Lao, Khmer and Burmese text a character cluster (a letter with
    /// its marks, as UAX #29 keeps them) is never cut, and one the list
    /// lacks is a word of its own.
    pub fn segment_at(&self, run: &str, cuts: Option<&[usize]>) -> Vec<Range<usize>> {
        thread_local! {
            /// The characters, their offsets and the costs of the run being
            /// cut: kept from run to run (a corpus has one per clause).
            static SCRATCH: std::cell::RefCell<Scratch> =
                const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new(), Vec::new())) };
        }
        SCRATCH.with(|s| {
            let (chars, bounds, best, open) = &mut *s.borrow_mut();
            self.segment_with(run, cuts, chars, bounds, best, open)
        })
    }

    fn segment_with(
        &self,
        run: &str,
        cuts: Option<&[usize]>,
        chars: &mut Vec<char>,
        bounds: &mut Vec<usize>,
        best: &mut Vec<(u32, usize)>,
        open: &mut Vec<bool>,
    ) -> Vec<Range<usize>> {
        chars.clear();
        bounds.clear();
        for (i, c) in run.char_indices() {
            chars.push(c);
            bounds.push(i);
        }
        let n = chars.len();
        bounds.push(run.len());
        // best[i]: the least cost of the characters i.., and where the
        // first word of that way ends.
        // open[i]: a word may start at character i.
        open.clear();
        open.resize(n + 1, cuts.is_none());
        if let Some(cuts) = cuts {
            for &b in cuts {
                if let Ok(i) = bounds.binary_search(&b) {
                    open[i] = true;
                }
            }
            open[0] = true;
            open[n] = true;
        }
        best.clear();
        best.resize(n + 1, (0, n));
        for i in (0..n).rev() {
            if !open[i] {
                best[i] = (u32::MAX, n);
                continue;
            }
            // Unknown: the character (cluster) up to the next cut.
            let next = (i + 1..=n).find(|&k| open[k]).unwrap_or(n);
            let mut choice = (self.unknown.saturating_add(best[next].0), next);
            let mut node = 0;
            for (j, &c) in chars.iter().enumerate().skip(i) {
                let child = self.child(node, c);
                if child == 0 {
                    break;
                }
                node = child;
                let cost = self.costs[node as usize];
                if cost != NO_WORD && open[j + 1] {
                    let total = u32::from(cost).saturating_add(best[j + 1].0);
                    // A word of that one character (cluster) replaces the
                    // unknown one; of equal costs, the longer first word.
                    if j + 1 == next || total <= choice.0 {
                        choice = (total, j + 1);
                    }
                }
            }
            best[i] = choice;
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let j = best[i].1;
            out.push(bounds[i]..bounds[j]);
            i = j;
        }
        out
    }

    /// Adds a word (a later cost of the same word replaces the earlier).
    fn add(&mut self, word: &str, cost: u16) {
        let mut node = 0;
        for c in word.chars() {
            let fresh = self.costs.len() as u32;
            node = if node == 0 && MAIN_HAN.contains(&(c as u32)) {
                if self.first.is_empty() {
                    // Made with the first word of the block (a word list of
                    // another script has none).
                    self.first = vec![0; (MAIN_HAN.end() - MAIN_HAN.start() + 1) as usize];
                }
                let slot = &mut self.first[(c as u32 - MAIN_HAN.start()) as usize];
                if *slot == 0 {
                    *slot = fresh;
                }
                *slot
            } else {
                *self.edges.entry(edge(node, c)).or_insert(fresh)
            };
            if node == fresh {
                self.costs.push(NO_WORD);
            }
        }
        if self.costs[node as usize] == NO_WORD {
            self.words += 1;
        }
        self.costs[node as usize] = cost.min(NO_WORD - 1);
    }
}

/// Reading a dictionary file ([`Dictionary::parse`]) in steps of
/// [`LINES_PER_STEP`] lines: the page reads its 136,547 words between frames.
pub struct DictionaryJob<T> {
    text: T,
    /// The next line's first byte, and its number (1-based).
    at: usize,
    line: usize,
    dictionary: Result<Dictionary, String>,
}

/// Lines read per step of a [`DictionaryJob`].
pub const LINES_PER_STEP: usize = 8192;

impl<T: AsRef<str>> DictionaryJob<T> {
    /// Starts reading `text` (a `&str`, or a `String` the job keeps).
    pub fn new(text: T) -> Self {
        let s = text.as_ref();
        let first = s.split('\n').next().unwrap_or("");
        let at = (first.len() + 1).min(s.len());
        let dictionary = first
            .strip_prefix("# total-cost ")
            .and_then(|n| n.trim().parse::<u32>().ok())
            .map(Dictionary::empty)
            .ok_or_else(|| "the dictionary's first line is not `# total-cost N`".to_string());
        DictionaryJob {
            text,
            at,
            line: 1,
            dictionary,
        }
    }
}

impl<T: AsRef<str>> crate::steps::Steps for DictionaryJob<T> {
    type Output = Result<Dictionary, String>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            let Ok(d) = &mut self.dictionary else {
                return true;
            };
            for _ in 0..LINES_PER_STEP {
                let text = self.text.as_ref();
                if self.at >= text.len() {
                    return true;
                }
                let end = text[self.at..]
                    .find('\n')
                    .map_or(text.len(), |i| self.at + i);
                let line = text[self.at..end].trim_end_matches('\r');
                self.at = end + 1;
                self.line += 1;
                let number = self.line;
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                // No word costs more than a character the dictionary lacks:
                // what makes a corpus' own dictionary cut as the whole one
                // (crate::index::prepared::corpus_dictionary).
                let unknown = d.unknown;
                let parsed = line.rsplit_once(' ').and_then(|(word, cost)| {
                    let cost: u16 = cost.parse().ok()?;
                    (!word.is_empty() && is_unspaced_word(word) && u32::from(cost) <= unknown)
                        .then_some((word, cost))
                });
                let Some((word, cost)) = parsed else {
                    self.dictionary = Err(format!(
                        "line {number}: not `word cost` (a cost at most the total cost)"
                    ));
                    return true;
                };
                d.add(word, cost);
            }
            if !more() {
                return false;
            }
        }
    }

    fn finish(self) -> Result<Dictionary, String> {
        self.dictionary
    }
}

/// Making a dictionary of words with their costs ([`Dictionary::from_costs`])
/// in steps of [`LINES_PER_STEP`] words: the page makes a corpus' own
/// Chinese dictionary (46,515 words for People's Daily) between frames.
pub struct CostsJob<'a> {
    words: Vec<(&'a str, u16)>,
    at: usize,
    dictionary: Dictionary,
}

impl<'a> CostsJob<'a> {
    /// Starts a dictionary of `words`, `unknown` the cost of a character it lacks.
    pub fn new(unknown: u32, words: Vec<(&'a str, u16)>) -> Self {
        CostsJob {
            words,
            at: 0,
            dictionary: Dictionary::empty(unknown),
        }
    }
}

impl crate::steps::Steps for CostsJob<'_> {
    type Output = Dictionary;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            let end = (self.at + LINES_PER_STEP).min(self.words.len());
            for &(w, cost) in &self.words[self.at..end] {
                self.dictionary.add(w, cost);
            }
            self.at = end;
            if self.at == self.words.len() {
                return true;
            }
            if !more() {
                return false;
            }
        }
    }

    fn finish(self) -> Dictionary {
        self.dictionary
    }
}

static CHINESE: OnceLock<Dictionary> = OnceLock::new();

/// Installs the Chinese dictionary for the rest of the process; false if
/// one was installed already (the first stays: words never change under a
/// built index). Feature `segmenters`.
#[cfg(feature = "segmenters")]
pub fn install_chinese(dictionary: Dictionary) -> bool {
    CHINESE.set(dictionary).is_ok()
}

/// A corpus' own Chinese dictionary (`index::prepared`), installed by a page
/// whose built-in corpus came with its words: [`chinese`] until the whole
/// one is installed (for a reader's own corpus), which cuts that corpus'
/// text alike.
static CORPUS_CHINESE: OnceLock<Dictionary> = OnceLock::new();

/// Installs a corpus' own Chinese dictionary ([`CORPUS_CHINESE`]); false if
/// one was installed already. Feature `segmenters`.
#[cfg(feature = "segmenters")]
pub fn install_corpus_chinese(dictionary: Dictionary) -> bool {
    CORPUS_CHINESE.set(dictionary).is_ok()
}

/// The Chinese dictionary words are cut with, once installed: the whole
/// one, else a corpus' own (never, in a build without the feature
/// `segmenters`: its segmenter's code is then left out).
pub fn chinese() -> Option<&'static Dictionary> {
    if cfg!(feature = "segmenters") {
        CHINESE.get().or_else(|| CORPUS_CHINESE.get())
    } else {
        None
    }
}

/// The whole Chinese dictionary, once installed: what any corpus but one
/// that brought its own needs.
pub fn whole_chinese() -> Option<&'static Dictionary> {
    if cfg!(feature = "segmenters") {
        CHINESE.get()
    } else {
        None
    }
}

/// The engine's own Chinese dictionary file (feature `zh-dict`): native
/// builds (tests, `build.rs`, `lens-site`) embed it; the page and the
/// import worker fetch it as a file of the site ([`CHINESE_WORDS_PATH`]).
#[cfg(feature = "zh-dict")]
pub const CHINESE_WORDS: &str = include_str!("../../data/zh-words.txt");

/// Where a site serves the dictionary, relative to its page (`index.html`
/// copies `engine/data/` there), with its version (the FNV-1a hash of its
/// bytes, `data/zh-words.version`, written with it by
/// `bench/make_zh_dict.py`): no cache serves the page another version than
/// the one its build counted with.
pub const CHINESE_WORDS_PATH: &str = concat!(
    "data/zh-words.txt?v=",
    include_str!("../../data/zh-words.version")
);

/// Whether a word may start at byte `at` of `text` (a char boundary): not
/// inside a character cluster. UAX #29 keeps a letter with its marks; it
/// does not keep a kana with the combining sound mark after it (U+3099,
/// U+309A), a Thai or Lao letter with SARA AM after it (U+0E33, U+0EB3),
/// nor a Khmer or Myanmar letter written below the one before (after
/// U+17D2 COENG, U+1039 VIRAMA): those are clusters too. Its ends are
/// always cuts.
pub fn cut_allowed(text: &str, at: usize) -> bool {
    let (Some(prev), Some(next)) = (text[..at].chars().next_back(), text[at..].chars().next())
    else {
        return true;
    };
    if matches!(next, '\u{3099}' | '\u{309A}' | '\u{0E33}' | '\u{0EB3}')
        || matches!(prev, '\u{17D2}' | '\u{1039}')
    {
        return false;
    }
    if Script::of(next).is_none() {
        return true;
    }
    // A letter of these scripts: where UAX #29 starts a word.
    use unicode_segmentation::UnicodeSegmentation;
    let mut two = String::with_capacity(8);
    two.push(prev);
    two.push(next);
    two.split_word_bounds().nth(1).is_some()
}

/// Whether `word` has two characters or more.
pub fn two_or_more(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some() && cs.next().is_some()
}

/// `words` written one after another (Chinese and Japanese words are
/// written without spaces).
pub fn written_together(words: &[String]) -> String {
    words.iter().fold(String::new(), |mut s, w| {
        s.push_str(w);
        s
    })
}

/// Whether `word` is written in a script without spaces between words:
/// made only of Han characters and kana (the text the Chinese and Japanese
/// segmenters cut), or only of one [`Script`]'s letters and marks.
pub fn is_unspaced_word(word: &str) -> bool {
    use crate::text::japanese::is_kana;
    let mut cs = word.chars();
    match cs.next().and_then(Script::of) {
        Some(s) => cs.all(|c| Script::of(c) == Some(s)),
        None => word.chars().all(|c| is_han(c) || is_kana(c)),
    }
}

/// A script written without spaces between words whose runs a word list
/// cuts ([`Dictionary::segment_at`]): Thai, Lao, Khmer, Burmese.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Thai.
    Thai,
    /// Lao.
    Lao,
    /// Khmer.
    Khmer,
    /// Myanmar (Burmese, and the other languages written in it).
    Myanmar,
}

impl Script {
    /// Every one of them.
    pub const ALL: [Script; 4] = [Script::Thai, Script::Lao, Script::Khmer, Script::Myanmar];

    /// The script of a letter or mark of Thai, Lao, Khmer or Myanmar (not
    /// their digits, punctuation or symbols).
    pub fn of(c: char) -> Option<Script> {
        match c as u32 {
            0x0E01..=0x0E3A | 0x0E40..=0x0E4E => Some(Script::Thai),
            0x0E81..=0x0EC6 | 0x0EC8..=0x0ECE | 0x0EDC..=0x0EDF => Some(Script::Lao),
            0x1780..=0x17D3 | 0x17D7 | 0x17DC | 0x17DD => Some(Script::Khmer),
            0x1000..=0x103F
            | 0x1050..=0x108F
            | 0x109A..=0x109D
            | 0xAA60..=0xAA7F
            | 0xA9E0..=0xA9EF
            | 0xA9FA..=0xA9FE => Some(Script::Myanmar),
            _ => None,
        }
    }

    fn at(self) -> usize {
        self as usize
    }

    /// Its language's name (for the page's messages).
    pub fn language(self) -> &'static str {
        ["Thai", "Lao", "Khmer", "Burmese"][self.at()]
    }

    /// Where a site serves its word list, with its version (as
    /// [`CHINESE_WORDS_PATH`]).
    pub fn words_path(self) -> &'static str {
        [
            concat!(
                "data/th-words.txt?v=",
                include_str!("../../data/th-words.version")
            ),
            concat!(
                "data/lo-words.txt?v=",
                include_str!("../../data/lo-words.version")
            ),
            concat!(
                "data/km-words.txt?v=",
                include_str!("../../data/km-words.version")
            ),
            concat!(
                "data/my-words.txt?v=",
                include_str!("../../data/my-words.version")
            ),
        ][self.at()]
    }

    /// The engine's own word list (feature `sea-words`): native builds embed
    /// them; the page and the import worker fetch them ([`Script::words_path`]).
    #[cfg(feature = "sea-words")]
    pub fn embedded_words(self) -> &'static str {
        [
            include_str!("../../data/th-words.txt"),
            include_str!("../../data/lo-words.txt"),
            include_str!("../../data/km-words.txt"),
            include_str!("../../data/my-words.txt"),
        ][self.at()]
    }

    /// Its word list, once installed (never without the feature
    /// `segmenters`).
    pub fn words(self) -> Option<&'static Dictionary> {
        if cfg!(feature = "segmenters") {
            SCRIPT_WORDS[self.at()].get()
        } else {
            None
        }
    }

    /// Installs its word list for the rest of the process; false if one
    /// was installed already. Feature `segmenters`.
    #[cfg(feature = "segmenters")]
    pub fn install_words(self, words: Dictionary) -> bool {
        SCRIPT_WORDS[self.at()].set(words).is_ok()
    }
}

static SCRIPT_WORDS: [OnceLock<Dictionary>; 4] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// Whether a word list of a [`Script`] is installed.
pub fn any_script_words() -> bool {
    Script::ALL.iter().any(|s| s.words().is_some())
}

/// Whether `text` has a Han character: a quick look at its bytes first
/// (every Han character's UTF-8 starts with a byte from 0xE3 to 0xEF, or
/// 0xF0 for the supplementary planes).
pub fn has_han(text: &str) -> bool {
    text.bytes().any(|b| (0xE3..=0xF0).contains(&b)) && text.chars().any(is_han)
}

/// What text written without spaces a text has: Han characters
/// ([`is_han`]), kana ([`crate::text::japanese::is_kana`]) and the letters
/// of each [`Script`]. The page asks it of a whole corpus as it starts
/// (which word lists to fetch), so it is one pass over the bytes, eight at
/// a time: every such character's UTF-8 starts with a byte of 0xE0 or more,
/// and only characters that start so are read (once Han is found, Han's
/// own lead bytes are skipped). Checked against reading every character in
/// `engine/tests/scripts.rs`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unspaced {
    /// A Han character.
    pub han: bool,
    /// A kana character.
    pub kana: bool,
    /// A letter of each [`Script`], by [`Script::ALL`]'s order.
    scripts: [bool; 4],
}

impl Unspaced {
    /// What `text` has.
    pub fn of(text: &str) -> Unspaced {
        let mut found = Unspaced::default();
        found.add(text);
        found
    }

    /// Adds what `text` has.
    pub fn add(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0;
        for chunk in &mut chunks {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            // The high bit of each byte whose three high bits are set (a
            // byte's bits shifted into the next byte land below its high bit).
            let mut lead = w & (w << 1) & (w << 2) & 0x8080_8080_8080_8080;
            while lead != 0 {
                self.look(text, at + (lead.trailing_zeros() / 8) as usize);
                lead &= lead - 1;
            }
            at += 8;
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            if b >= 0xE0 {
                self.look(text, at + i);
            }
        }
    }

    /// Reads the character starting at `at` (a byte of 0xE0 or more: never
    /// inside a character).
    fn look(&mut self, text: &str, at: usize) {
        let lead = text.as_bytes()[at];
        // Only Han starts so (CJK ideographs, their extensions).
        if self.han && matches!(lead, 0xE4..=0xE9 | 0xF0..) {
            return;
        }
        let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
            return;
        };
        if is_han(c) {
            self.han = true;
        } else if crate::text::japanese::is_kana(c) {
            self.kana = true;
        } else if let Some(s) = Script::of(c) {
            self.scripts[s.at()] = true;
        }
    }

    /// The scripts of [`Script`] it has, in [`Script::ALL`]'s order.
    pub fn scripts(&self) -> Vec<Script> {
        Script::ALL
            .into_iter()
            .filter(|s| self.scripts[s.at()])
            .collect()
    }

    /// Whether it has any of them.
    pub fn any(&self) -> bool {
        self.han || self.kana || self.scripts.contains(&true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Dictionary {
        Dictionary::parse("# total-cost 2000\n支付 800\n支付宝 700\n宝 1200\n推出 900\n功能 850\n新 600\n新功 1500\n")
            .unwrap()
    }

    #[test]
    fn no_word_costs_more_than_an_unknown_character() {
        // What makes a corpus' own dictionary cut as the whole one
        // (index::prepared::corpus_dictionary): a file breaking it is refused.
        let e = Dictionary::parse("# total-cost 2000\n支付 800\n宝 2001\n").err();
        assert_eq!(
            e.as_deref(),
            Some("line 3: not `word cost` (a cost at most the total cost)")
        );
        assert!(Dictionary::parse("# total-cost 2000\n支付 800\n宝 2000\n").is_ok());
        let d = tiny();
        assert_eq!(
            (d.cost("支付宝"), d.cost("支"), d.cost("推出")),
            (Some(700), None, Some(900))
        );
        assert_eq!(d.unknown_cost(), 2000);
    }

    fn cut<'a>(d: &Dictionary, s: &'a str) -> Vec<&'a str> {
        d.segment(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn the_cheapest_way_through_the_dictionary() {
        let d = tiny();
        assert_eq!(
            cut(&d, "支付宝推出新功能"),
            ["支付宝", "推出", "新", "功能"]
        );
        // Characters it lacks are words of their own.
        assert_eq!(cut(&d, "我用支付宝"), ["我", "用", "支付宝"]);
        assert_eq!(cut(&d, ""), Vec::<&str>::new());
        assert_eq!(d.len(), 7);
    }

    #[test]
    fn a_bad_dictionary_is_an_error() {
        assert!(Dictionary::parse("支付 800\n").is_err());
        assert!(Dictionary::parse("# total-cost 9\n支付\n").is_err());
        assert!(Dictionary::parse("# total-cost 9\nabc 5\n").is_err());
        assert!(Dictionary::parse("# total-cost 9\n支付 99999999\n").is_err());
    }

    #[test]
    fn the_two_main_blocks_are_all_letters() {
        // What `is_han` takes for granted without a table look-up.
        for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            assert!(c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn han_is_every_ideograph_block() {
        assert!(is_han('支') && is_han('\u{3400}') && is_han('\u{20000}') && is_han('\u{F900}'));
        assert!(!is_han('あ') && !is_han('ア') && !is_han('a') && !is_han('，'));
    }
}
