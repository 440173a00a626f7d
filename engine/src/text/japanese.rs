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

/// TinySegmenter's weights: those keyed by characters in hash maps, those
/// keyed by types and decisions in arrays.
pub struct Model {
    bias: i32,
    /// UW1 … UW6: one character, at offsets -3 … +2.
    /// The tables keyed by characters, in one map ([`key`]): UW1 … UW6
    /// (one character, at offsets -3 … +2), BW1 … BW3 (two, from offsets
    /// -2, -1, 0), TW1 … TW4 (three, from offsets -3 … 0). The weights are
    /// stored as `u32` (the same map type as the Chinese dictionary's
    /// edges: one copy of its code in the page).
    chars: FxHashMap<u64, u32>,
    /// Every table keyed by types and decisions, one after another (see
    /// [`SMALL`]): its key's parts as digits of base 7 (types) or 3
    /// (decisions).
    small: Vec<i32>,
    /// Weights read.
    weights: usize,
}

/// A table keyed by types and decisions: its name, its key's parts (`d` a
/// decision, `t` a type), and where it starts in [`Model::small`].
struct Small {
    name: &'static str,
    parts: &'static str,
}

const SMALL: [Small; 29] = {
    const fn s(name: &'static str, parts: &'static str) -> Small {
        Small { name, parts }
    }
    [
        s("UC1", "t"),
        s("UC2", "t"),
        s("UC3", "t"),
        s("UC4", "t"),
        s("UC5", "t"),
        s("UC6", "t"),
        s("BC1", "tt"),
        s("BC2", "tt"),
        s("BC3", "tt"),
        s("TC1", "ttt"),
        s("TC2", "ttt"),
        s("TC3", "ttt"),
        s("TC4", "ttt"),
        s("UP1", "d"),
        s("UP2", "d"),
        s("UP3", "d"),
        s("BP1", "dd"),
        s("BP2", "dd"),
        s("UQ1", "dt"),
        s("UQ2", "dt"),
        s("UQ3", "dt"),
        s("BQ1", "dtt"),
        s("BQ2", "dtt"),
        s("BQ3", "dtt"),
        s("BQ4", "dtt"),
        s("TQ1", "dttt"),
        s("TQ2", "dttt"),
        s("TQ3", "dttt"),
        s("TQ4", "dttt"),
    ]
};

/// The size of a small table.
const fn small_size(parts: &str) -> usize {
    let b = parts.as_bytes();
    let mut n = 1;
    let mut i = 0;
    while i < b.len() {
        n *= if b[i] == b'd' { 3 } else { 7 };
        i += 1;
    }
    n
}

/// Where each small table starts in [`Model::small`], and the end.
const OFFSETS: [usize; 30] = {
    let mut o = [0; 30];
    let mut i = 0;
    while i < 29 {
        o[i + 1] = o[i] + small_size(SMALL[i].parts);
        i += 1;
    }
    o
};

/// The key of character table `table` (0 … 12: UW1 … UW6, BW1 … BW3, TW1
/// … TW4) and its characters: 20 bits a character (every Han character and
/// kana, and the stand-ins, are below 2²⁰; a character of the model above
/// it is never in a run), the table in the top 4 bits.
fn key(table: u64, cs: &[char]) -> u64 {
    cs.iter()
        .fold(table, |k, &c| (k << 20) | (u64::from(c) & 0xF_FFFF))
        << (20 * (3 - cs.len()))
}

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
        let mut m = Model {
            bias: 0,
            chars: FxHashMap::default(),
            small: vec![0; OFFSETS[29]],
            weights: 0,
        };
        let mut weights = 0;
        for (n, line) in text.lines().enumerate() {
            let bad = |what: &str| format!("line {}: {what}", n + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(b) = line.strip_prefix("BIAS ") {
                m.bias = b
                    .trim()
                    .parse()
                    .map_err(|_| bad("the bias is not a number"))?;
                continue;
            }
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or_default();
            let weight: i32 = fields
                .next()
                .and_then(|w| w.parse().ok())
                .ok_or_else(|| bad("no weight"))?;
            let parts: Vec<&str> = fields.collect();
            let char_of = |p: &str| -> Result<char, String> {
                let sentinel = |i: usize| match p.as_bytes()[0] {
                    b'B' => BEFORE[2 - i],
                    _ => AFTER[i],
                };
                match p {
                    "B1" | "B2" | "B3" | "E1" | "E2" | "E3" => {
                        Ok(sentinel(usize::from(p.as_bytes()[1] - b'1')))
                    }
                    _ => {
                        let mut cs = p.chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => Ok(c),
                            _ => Err(bad(&format!("{p:?} is not one character"))),
                        }
                    }
                }
            };
            let chars = parts
                .iter()
                .map(|p| char_of(p))
                .collect::<Result<Vec<_>, _>>()?;
            let table_no = |prefix: &str, tables: usize| {
                name.strip_prefix(prefix)
                    .and_then(|d| d.parse::<usize>().ok())
                    .filter(|&d| (1..=tables).contains(&d))
                    .map(|d| d - 1)
            };
            let arity = |k: usize| {
                if chars.len() == k {
                    Ok(())
                } else {
                    Err(bad(&format!("{name} takes {k} characters")))
                }
            };
            if let Some(t) = table_no("UW", 6) {
                arity(1)?;
                m.chars.insert(key(t as u64, &chars), weight as u32);
            } else if let Some(t) = table_no("BW", 3) {
                arity(2)?;
                m.chars.insert(key(6 + t as u64, &chars), weight as u32);
            } else if let Some(t) = table_no("TW", 4) {
                arity(3)?;
                m.chars.insert(key(9 + t as u64, &chars), weight as u32);
            } else if let Some(t) = SMALL.iter().position(|s| s.name == name) {
                let kinds = SMALL[t].parts.as_bytes();
                arity(kinds.len())?;
                let mut at = 0;
                for (&kind, &c) in kinds.iter().zip(&chars) {
                    let (alphabet, base) = if kind == b'd' {
                        (DECISIONS, 3)
                    } else {
                        (TYPES, 7)
                    };
                    let digit = alphabet
                        .find(c)
                        .ok_or_else(|| bad(&format!("{c:?} is not a key of {name}")))?;
                    at = at * base + digit;
                }
                m.small[OFFSETS[t] + at] = weight;
            } else {
                return Err(bad(&format!("{name:?} is no table of the model")));
            }
            weights += 1;
        }
        if weights == 0 {
            return Err("the model has no weight".into());
        }
        m.weights = weights;
        Ok(m)
    }

    fn small(&self, table: usize, key: usize) -> i32 {
        self.small[OFFSETS[table] + key]
    }

    /// The words of `run` (Japanese text, see the module docs) as byte
    /// ranges of it, in order, covering it.
    pub fn segment(&self, run: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = run.char_indices().collect();
        let n = chars.len();
        if n == 0 {
            return Vec::new();
        }
        // The characters with three stand-ins either side, and their types.
        let at = |i: usize| -> char {
            match i {
                0..=2 => BEFORE[i],
                _ if i - 3 < n => chars[i - 3].1,
                _ => AFTER[i - 3 - n],
            }
        };
        let w: Vec<char> = (0..n + 6).map(at).collect();
        let c: Vec<usize> = w
            .iter()
            .map(|&ch| {
                if BEFORE.contains(&ch) || AFTER.contains(&ch) {
                    6
                } else {
                    usize::from(char_type(ch))
                }
            })
            .collect();
        let (b, o, u) = (0usize, 1usize, 2usize);
        let (mut p1, mut p2, mut p3) = (u, u, u);
        let mut words = Vec::new();
        let mut start = 0;
        // Before each character but the first: w[i] is that character.
        for i in 4..n + 3 {
            let (w1, w2, w3, w4, w5, w6) = (w[i - 3], w[i - 2], w[i - 1], w[i], w[i + 1], w[i + 2]);
            let (c1, c2, c3, c4, c5, c6) = (c[i - 3], c[i - 2], c[i - 1], c[i], c[i + 1], c[i + 2]);
            let get = |t: u64, k: &[char]| self.chars.get(&key(t, k)).map_or(0, |&w| w as i32);
            let mut score = self.bias;
            for (t, ch) in [w1, w2, w3, w4, w5, w6].into_iter().enumerate() {
                score += get(t as u64, &[ch]);
            }
            score += get(6, &[w2, w3]) + get(7, &[w3, w4]) + get(8, &[w4, w5]);
            score += get(9, &[w1, w2, w3])
                + get(10, &[w2, w3, w4])
                + get(11, &[w3, w4, w5])
                + get(12, &[w4, w5, w6]);
            let t2 = |x: usize, y: usize| x * 7 + y;
            let t3 = |x: usize, y: usize, z: usize| (x * 7 + y) * 7 + z;
            for (t, ty) in [c1, c2, c3, c4, c5, c6].into_iter().enumerate() {
                score += self.small(t, ty);
            }
            score +=
                self.small(6, t2(c2, c3)) + self.small(7, t2(c3, c4)) + self.small(8, t2(c4, c5));
            score += self.small(9, t3(c1, c2, c3))
                + self.small(10, t3(c2, c3, c4))
                + self.small(11, t3(c3, c4, c5))
                + self.small(12, t3(c4, c5, c6));
            score += self.small(13, p1) + self.small(14, p2) + self.small(15, p3);
            score += self.small(16, p1 * 3 + p2) + self.small(17, p2 * 3 + p3);
            score += self.small(18, p1 * 7 + c1)
                + self.small(19, p2 * 7 + c2)
                + self.small(20, p3 * 7 + c3);
            score += self.small(21, p2 * 49 + t2(c2, c3))
                + self.small(22, p2 * 49 + t2(c3, c4))
                + self.small(23, p3 * 49 + t2(c2, c3))
                + self.small(24, p3 * 49 + t2(c3, c4));
            score += self.small(25, p2 * 343 + t3(c1, c2, c3))
                + self.small(26, p2 * 343 + t3(c2, c3, c4))
                + self.small(27, p3 * 343 + t3(c1, c2, c3))
                + self.small(28, p3 * 343 + t3(c2, c3, c4));
            // A boundary only above zero (TinySegmenter's own rule; its
            // decision at exactly zero is "none").
            let p = if score > 0 {
                let at = chars[i - 3].0;
                words.push(start..at);
                start = at;
                b
            } else {
                o
            };
            (p1, p2, p3) = (p2, p3, p);
        }
        words.push(start..run.len());
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
        // 6·7 + 3·49 + 4·343 + 3·3 + 2·9 + 3·21 + 4·147 + 4·1029
        assert_eq!(OFFSETS[29], 42 + 147 + 1372 + 9 + 18 + 63 + 588 + 4116);
    }

    #[test]
    fn bad_models_are_named() {
        assert!(Model::parse("").unwrap_err().contains("no weight"));
        assert!(Model::parse("XX1\t5\ta").unwrap_err().contains("line 1"));
        assert!(Model::parse("UW1\t5\tab")
            .unwrap_err()
            .contains("one character"));
        assert!(Model::parse("BW1\t5\ta").unwrap_err().contains("takes 2"));
        assert!(Model::parse("UC1\t5\tZ").unwrap_err().contains("not a key"));
        assert!(Model::parse("UW1\tx\ta").unwrap_err().contains("no weight"));
    }

    #[test]
    fn kana_and_marks() {
        assert!(is_kana('の') && is_kana('カ') && is_kana('ー') && is_kana('々') && is_kana('ｶ'));
        assert!(!is_kana('中') && !is_kana('・') && !is_kana('a') && !is_kana('。'));
        assert!(has_kana("東京へ") && !has_kana("东京") && !has_kana("café"));
    }
}
