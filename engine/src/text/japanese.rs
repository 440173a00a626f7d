//! Words in Japanese text.
//!
//! UAX #29 makes each Han and hiragana character a word, and a run of
//! katakana one word. Once the Japanese model is installed
//! ([`install_japanese`]), the tokenizer ([`crate::text::tokenize`]) hands
//! each run of Japanese text (adjacent Han, kana and iteration marks, with
//! at least one kana or mark: [`is_kana`]) to [`Model::segment`], which cuts
//! it as TinySegmenter does: before each character, a boundary if the sum
//! of the weights of its features (the characters and character types
//! around it, the two decisions before it) is above zero. The weights are
//! integers, so the cut is the same natively and in WebAssembly. The run's
//! ends are always boundaries; the text beyond them is not looked at (a
//! query's words are cut as the same words in an article are).
//!
//! A run of Han characters alone (no kana) is Chinese to the tokenizer
//! ([`crate::text::segment`]), in a Japanese article too.
//!
//! The model is TinySegmenter's (Taku Kudo, 2008, new BSD licence), 1,336
//! weights (`engine/data/ja-model.txt`, written by `bench/make_ja_model.py`
//! from the tinysegmenter crate's copy).

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The model's character types: numerals used as words (M), other Han (H),
/// hiragana (I), katakana (K), Latin letters (A), digits (N), other (O).
const TYPES: &str = "MHIKANO";
/// The decisions before a character: boundary (B), none (O), not yet (U).
const DECISIONS: &str = "BOU";
/// Stand-ins for the three characters before the text and after it.
const BEFORE: [char; 3] = ['\u{E001}', '\u{E002}', '\u{E003}'];
const AFTER: [char; 3] = ['\u{E004}', '\u{E005}', '\u{E006}'];

/// TinySegmenter's 42 tables: each one's name and its key's parts, read
/// around the place before character `i`: `a` … `f` the characters (in a
/// `…W…` table) or their types (otherwise) at offsets -3 … +2 from `i`;
/// `1` … `3` the decisions before characters `i - 3` … `i - 1`.
const TABLES: [(&str, &str); 42] = [
    ("UW1", "a"),
    ("UW2", "b"),
    ("UW3", "c"),
    ("UW4", "d"),
    ("UW5", "e"),
    ("UW6", "f"),
    ("BW1", "bc"),
    ("BW2", "cd"),
    ("BW3", "de"),
    ("TW1", "abc"),
    ("TW2", "bcd"),
    ("TW3", "cde"),
    ("TW4", "def"),
    ("UC1", "a"),
    ("UC2", "b"),
    ("UC3", "c"),
    ("UC4", "d"),
    ("UC5", "e"),
    ("UC6", "f"),
    ("BC1", "bc"),
    ("BC2", "cd"),
    ("BC3", "de"),
    ("TC1", "abc"),
    ("TC2", "bcd"),
    ("TC3", "cde"),
    ("TC4", "def"),
    ("UP1", "1"),
    ("UP2", "2"),
    ("UP3", "3"),
    ("BP1", "12"),
    ("BP2", "23"),
    ("UQ1", "1a"),
    ("UQ2", "2b"),
    ("UQ3", "3c"),
    ("BQ1", "2bc"),
    ("BQ2", "2cd"),
    ("BQ3", "3bc"),
    ("BQ4", "3cd"),
    ("TQ1", "2abc"),
    ("TQ2", "2bcd"),
    ("TQ3", "3abc"),
    ("TQ4", "3bcd"),
];

/// How many tables are keyed by characters (the first of [`TABLES`]).
const CHAR_TABLES: usize = 13;

/// TinySegmenter's weights: the tables keyed by characters in one map
/// ([`key`]; the weights stored as `u32`, the map type of the Chinese
/// dictionary's edges: one copy of its code in the page), those keyed by
/// types and decisions in one array, each table's keys as numbers of base
/// 7 (types) and 3 (decisions).
pub struct Model {
    bias: i32,
    chars: FxHashMap<u64, u32>,
    small: Vec<i32>,
    /// Where each table keyed by types and decisions starts in `small`.
    offsets: Vec<usize>,
    /// Weights read.
    weights: usize,
}

/// The base of a key's part: 3 decisions, 7 types.
fn base(part: u8) -> usize {
    if part.is_ascii_digit() {
        3
    } else {
        7
    }
}

/// The key of character table `table` ([`TABLES`]' place) and its
/// characters: 18 bits a character (every Han character and kana and the
/// stand-ins are below 2¹⁸ − 1; a character above is 2¹⁸ − 1, which no
/// weight of the model has: `read` refuses one), the table above them.
fn key(table: usize, cs: impl Iterator<Item = char>) -> u64 {
    cs.fold(table as u64, |k, c| (k << 18) | u64::from(c).min(LAST))
}

/// The last 18-bit character code of [`key`].
const LAST: u64 = 0x3_FFFF;

/// TinySegmenter's type of a character.
fn char_type(c: char) -> u8 {
    match c as u32 {
        // 一二三四五六七八九十百千万億兆
        0x4E00 | 0x4E8C | 0x4E09 | 0x56DB | 0x4E94 | 0x516D | 0x4E03 | 0x516B | 0x4E5D | 0x5341
        | 0x767E | 0x5343 | 0x4E07 | 0x5104 | 0x5146 => 0,
        0x4E00..=0x9FA0 | 0x3005 | 0x3006 | 0x30F5 | 0x30F6 => 1,
        0x3041..=0x3093 => 2,
        0x30A1..=0x30F4 | 0x30FC | 0xFF71..=0xFF9D | 0xFF9E | 0xFF70 => 3,
        0x61..=0x7A | 0x41..=0x5A | 0xFF41..=0xFF5A | 0xFF21..=0xFF3A => 4,
        0x30..=0x39 | 0xFF10..=0xFF19 => 5,
        _ => 6,
    }
}

impl Model {
    /// Reads a model file (`engine/data/ja-model.txt`'s format: see
    /// `bench/make_ja_model.py`).
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut offsets = vec![0];
        for (_, parts) in &TABLES[CHAR_TABLES..] {
            let size = parts.bytes().map(base).product::<usize>();
            offsets.push(offsets[offsets.len() - 1] + size);
        }
        let mut m = Model {
            bias: 0,
            chars: FxHashMap::default(),
            small: vec![0; offsets[offsets.len() - 1]],
            offsets,
            weights: 0,
        };
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            m.read(line)
                .ok_or_else(|| format!("line {} is no weight of the model: {line:?}", n + 1))?;
        }
        if m.weights == 0 {
            return Err("the model has no weight".into());
        }
        Ok(m)
    }

    /// Reads one line of a model file.
    fn read(&mut self, line: &str) -> Option<()> {
        // A whole number: its digits as an unsigned number (the type the
        // dictionary's first line is read as).
        let number = |s: &str| -> Option<i32> {
            let (minus, digits) = s.strip_prefix('-').map_or((false, s), |d| (true, d));
            let n = i32::try_from(digits.parse::<u32>().ok()?).ok()?;
            Some(if minus { -n } else { n })
        };
        if let Some(b) = line.strip_prefix("BIAS ") {
            self.bias = number(b.trim())?;
            return Some(());
        }
        let mut fields = line.split('\t');
        let name = fields.next()?;
        let weight = number(fields.next()?)?;
        let t = TABLES.iter().position(|&(n, _)| n == name)?;
        let parts = TABLES[t].1.as_bytes();
        let mut chars = Vec::with_capacity(3);
        for p in fields {
            let mut cs = p.chars();
            let c = match (p.as_bytes(), cs.next(), cs.next()) {
                ([b @ (b'B' | b'E'), d @ b'1'..=b'3'], _, _) => {
                    let i = usize::from(d - b'1');
                    if *b == b'B' {
                        BEFORE[2 - i]
                    } else {
                        AFTER[i]
                    }
                }
                (_, Some(c), None) if u64::from(c) < LAST => c,
                _ => return None,
            };
            chars.push(c);
        }
        if chars.len() != parts.len() {
            return None;
        }
        if t < CHAR_TABLES {
            self.chars.insert(key(t, chars.into_iter()), weight as u32);
        } else {
            let mut at = 0;
            for (&part, &c) in parts.iter().zip(&chars) {
                let alphabet = if base(part) == 3 { DECISIONS } else { TYPES };
                at = at * base(part) + alphabet.find(c)?;
            }
            self.small[self.offsets[t - CHAR_TABLES] + at] = weight;
        }
        self.weights += 1;
        Some(())
    }

    /// The words of `run` (Japanese text, see the module docs) as byte
    /// ranges of it, in order, covering it.
    pub fn segment(&self, run: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = run.char_indices().collect();
        let n = chars.len();
        // The characters with three stand-ins either side, and their types.
        let w: Vec<char> = BEFORE
            .into_iter()
            .chain(chars.iter().map(|&(_, c)| c))
            .chain(AFTER)
            .collect();
        let types: Vec<usize> = w.iter().map(|&c| usize::from(char_type(c))).collect();
        // The decisions before the last three characters: not yet (U).
        let mut p = [2usize; 3];
        let mut words = Vec::new();
        let mut start = 0;
        // Before each character but the first: w[i] is that character.
        for i in 4..n + 3 {
            let mut score = self.bias;
            for (t, &(_, parts)) in TABLES.iter().enumerate() {
                let at = |part: u8| i + usize::from(part - b'a') - 3;
                if t < CHAR_TABLES {
                    let k = key(t, parts.bytes().map(|part| w[at(part)]));
                    score += self.chars.get(&k).map_or(0, |&v| v as i32);
                } else {
                    let index = parts.bytes().fold(0, |k, part| {
                        k * base(part)
                            + if base(part) == 3 {
                                p[usize::from(part - b'1')]
                            } else {
                                types[at(part)]
                            }
                    });
                    score += self.small[self.offsets[t - CHAR_TABLES] + index];
                }
            }
            // A boundary only above zero (TinySegmenter's own rule; its
            // decision at exactly zero is "none").
            let decision = if score > 0 {
                let at = chars[i - 3].0;
                words.push(start..at);
                start = at;
                0
            } else {
                1
            };
            p = [p[1], p[2], decision];
        }
        if n > 0 {
            words.push(start..run.len());
        }
        words
    }
}

/// Whether `c` marks text as Japanese: a hiragana or katakana letter or
/// mark (full or half width), the prolonged sound mark, or an iteration
/// mark (々 ゝ ゞ ヽ ヾ 〆). A run of these and Han characters is Japanese.
pub fn is_kana(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3006
        | 0x3041..=0x3096
        | 0x3099..=0x309F
        | 0x30A1..=0x30FA
        | 0x30FC..=0x30FF
        | 0x31F0..=0x31FF
        | 0xFF66..=0xFF9F)
}

/// Whether `text` has a character [`is_kana`]: a quick look at its bytes
/// first (each such character's UTF-8 starts with 0xE3 or 0xEF).
pub fn has_kana(text: &str) -> bool {
    text.bytes().any(|b| b == 0xE3 || b == 0xEF) && text.chars().any(is_kana)
}

static JAPANESE: OnceLock<Model> = OnceLock::new();

/// Installs the Japanese model for the rest of the process; false if one
/// was installed already (words never change under a built index).
/// Feature `segmenters`.
#[cfg(feature = "segmenters")]
pub fn install_japanese(model: Model) -> bool {
    JAPANESE.set(model).is_ok()
}

/// The Japanese model, once installed (never, in a build without the
/// feature `segmenters`).
pub fn japanese() -> Option<&'static Model> {
    if cfg!(feature = "segmenters") {
        JAPANESE.get()
    } else {
        None
    }
}

/// The engine's own model file (feature `ja-model`): native builds embed
/// it; the page and the import worker fetch it ([`JAPANESE_MODEL_PATH`]).
#[cfg(feature = "ja-model")]
pub const JAPANESE_MODEL: &str = include_str!("../../data/ja-model.txt");

/// Where a site serves the model, with its version (as
/// [`crate::text::segment::CHINESE_WORDS_PATH`]).
pub const JAPANESE_MODEL_PATH: &str = concat!(
    "data/ja-model.txt?v=",
    include_str!("../../data/ja-model.version")
);

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Model({} weights)", self.weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_cover_every_small_table() {
        let m = Model::parse("UW1\t5\ta").unwrap();
        // 6·7 + 3·49 + 4·343 + 3·3 + 2·9 + 3·21 + 4·147 + 4·1029
        assert_eq!(m.small.len(), 42 + 147 + 1372 + 9 + 18 + 63 + 588 + 4116);
        assert_eq!(m.offsets.len(), 30);
    }

    #[test]
    fn bad_models_are_named() {
        assert!(Model::parse("").unwrap_err().contains("no weight"));
        for bad in [
            "XX1\t5\ta",
            "UW1\t5\tab",
            "BW1\t5\ta",
            "UC1\t5\tZ",
            "UW1\tx\ta",
            "BIAS x",
        ] {
            let e = Model::parse(&format!("# a model\n{bad}")).unwrap_err();
            assert!(e.contains("line 2 is no weight"), "{bad}: {e}");
        }
    }

    #[test]
    fn kana_and_marks() {
        assert!(is_kana('の') && is_kana('カ') && is_kana('ー') && is_kana('々') && is_kana('ｶ'));
        assert!(!is_kana('中') && !is_kana('・') && !is_kana('a') && !is_kana('。'));
        assert!(has_kana("東京へ") && !has_kana("东京") && !has_kana("café"));
    }
}
