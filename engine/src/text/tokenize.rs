//! Words: the one tokenizer shared by every feature that counts.
//!
//! A word is a Unicode word segment (UAX #29) containing at least one letter
//! or digit. "AI-driven" is two words; "Yu'e", "3.5" and "alipay.com" are one
//! each; every Han character is a word of its own, unless a Chinese
//! dictionary is installed ([`crate::text::segment`]): then each run of
//! them is cut into words; emoji and punctuation are not words.
//!
//! The normalised form of a word is its Unicode lower case in NFC, without
//! the invisible characters Unicode calls default-ignorable (soft hyphen,
//! zero-width joiner and non-joiner, word joiner, bidi controls, variation
//! selectors), with the curly apostrophe folded to the straight one, then a
//! trailing possessive "'s" and any trailing apostrophes removed, until none
//! is left: "Alipay’s" and "users’" count as "alipay" and "users", "Yu’e" and
//! "Yu'e" as the same word "yu'e", "Pay\u{AD}ment" as "payment" and a
//! decomposed "café" as the precomposed one. A zero-width space is a word
//! break, as UAX #29 says: "Pay\u{200B}ment" is two words.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text: where it stands and what it counts as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the word's first byte in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The normalised form (borrowed from the text when it is already normal).
    pub norm: Cow<'a, str>,
}

/// Whether the text between two words (`gap`) ends a sentence or a clause,
/// so that a phrase never runs across it: it holds a sentence or clause mark
/// (`. , ; : ! ? …` and their full-width, Arabic, Devanagari, Greek,
/// Armenian and Ethiopic forms), a bracket, a quotation mark other than the
/// straight `'` and the right single quote (both are apostrophes), a dash
/// (– — ―), or a hyphen standing apart from a word ("Alipay - the leader";
/// not "AI-related").
pub fn ends_clause(gap: &str) -> bool {
    if gap.len() == 1 && gap.as_bytes()[0] == b' ' {
        return false;
    }
    let spaced = gap.starts_with(char::is_whitespace) || gap.ends_with(char::is_whitespace);
    gap.chars().any(|c| {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '…'
                | '–'
                | '—'
                | '―'
                | '‘'
                | '“'
                | '”'
                | '„'
                | '‟'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '。'
                | '，'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '｡'
                | '､'
                | '（'
                | '）'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '¿'
                | '¡'
                | '،'
                | '؛'
                | '؟'
                | '۔'
                | '।'
                | '॥'
                | '\u{37E}'
                | '։'
                | '።'
                | '፣'
        ) || (spaced && matches!(c, '-' | '‐'))
    })
}

/// The words of `text`, in order.
///
/// Most text is ASCII, and UAX #29 always breaks on both sides of an ASCII
/// space, tab or line break followed by an ASCII character other than a space.
/// So the text is cut there into chunks: an all-ASCII chunk is segmented by
/// the rules of UAX #29 restricted to ASCII (no tables, no allocation), any
/// other by `unicode-segmentation`. The result is the same as segmenting the
/// whole text (property tests and the tokenizer fuzz target check it), and
/// about three times faster on English text.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        chunk_end: 0,
        slow: None,
    }
}

/// The iterator of [`words`].
pub struct Words<'a> {
    text: &'a str,
    /// The next byte to look at.
    at: usize,
    /// The end of the ASCII chunk being read (`at` ≤ `chunk_end`).
    chunk_end: usize,
    /// A chunk with non-ASCII text, read by `unicode-segmentation`, and its end.
    slow: Option<(usize, Box<dyn Iterator<Item = Token<'a>> + 'a>)>,
}

impl<'a> Iterator for Words<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let c = self.text.as_bytes();
        loop {
            if let Some((end, words)) = &mut self.slow {
                match words.next() {
                    Some(t) => return Some(t),
                    None => {
                        self.at = *end;
                        self.slow = None;
                    }
                }
            }
            if self.at >= self.chunk_end {
                // The next chunk: from here to the next cut (see `cut_at`).
                while self.at < c.len() && cut_at(c, self.at) {
                    self.at += 1;
                }
                if self.at >= c.len() {
                    return None;
                }
                let mut end = self.at;
                let mut ascii = true;
                while end < c.len() && !cut_at(c, end) {
                    ascii &= c[end].is_ascii();
                    end += 1;
                }
                if !ascii {
                    use crate::text::{japanese, segment};
                    let chunk = &self.text[self.at..end];
                    // Japanese text: by the reference's own rule (its runs
                    // are runs of UAX #29's words); Chinese text without
                    // UAX #29 where it only makes characters words.
                    let words: Box<dyn Iterator<Item = Token<'a>> + 'a> = match segment::chinese() {
                        _ if japanese::japanese().is_some() && japanese::has_kana(chunk)
                            || segment::any_script_words()
                                && chunk.chars().any(|c| segment::Script::of(c).is_some()) =>
                        {
                            unicode_words(chunk, self.at)
                        }
                        Some(d) if segment::has_han(chunk) => {
                            Box::new(HanFirst::new(chunk, self.at, d))
                        }
                        _ => Box::new(uax29_words(chunk, self.at)),
                    };
                    self.slow = Some((end, words));
                    continue;
                }
                self.chunk_end = end;
            }
            // Inside an ASCII chunk. A word starts at a letter, digit or
            // underscore: a segment that starts anywhere else is that one
            // character (see `joined`). The bytes either side of a chunk are
            // cut characters or the text's ends, so `joined` may look past it.
            if !matches!(wb(c[self.at]), Wb::Letter | Wb::Numeric | Wb::ExtendNumLet) {
                self.at += 1;
                continue;
            }
            let start = self.at;
            let mut alnum = c[start] != b'_';
            self.at += 1;
            while self.at < self.chunk_end && joined(c, self.at) {
                alnum |= c[self.at].is_ascii_alphanumeric();
                self.at += 1;
            }
            if !alnum {
                continue;
            }
            let norm = normalize(&self.text[start..self.at]);
            if norm.is_empty() {
                continue;
            }
            return Some(Token {
                start,
                end: self.at,
                norm,
            });
        }
    }
}

/// The words of `text` by `unicode-segmentation`, offsets shifted by `at`,
/// each run of Chinese, Japanese, Thai, Lao, Khmer or Burmese text cut
/// into words once a segmenter for it is installed ([`HanRuns`]).
fn unicode_words(text: &str, at: usize) -> Box<dyn Iterator<Item = Token<'_>> + '_> {
    use crate::text::{japanese, segment};
    let words = uax29_words(text, at);
    let (chinese, japanese) = (segment::chinese(), japanese::japanese());
    let scripts = segment::any_script_words();
    if chinese.is_none() && japanese.is_none() && !scripts
        || !text.chars().any(|c| {
            segment::is_han(c)
                || japanese::is_kana(c)
                || scripts && segment::Script::of(c).is_some()
        })
    {
        return Box::new(words);
    }
    Box::new(HanRuns {
        words: words.peekable(),
        text,
        at,
        chinese,
        japanese,
        group: Vec::new(),
        out: std::collections::VecDeque::new(),
    })
}

/// Words of UAX #29 with each run of text written without spaces cut by
/// its segmenter. A run is a sequence of adjacent words (at most
/// [`crate::text::segment::MAX_RUN`]) each a Han character (UAX #29 makes
/// each one a word) or, once the Japanese model is installed, each made of
/// Han characters and kana ([`crate::text::japanese::is_kana`]); or each of
/// one [`crate::text::segment::Script`] whose word list is installed (UAX
/// #29 makes each of its letters, with its marks, a word). A run with kana
/// is Japanese, cut by the model; one of Han characters only is Chinese,
/// cut by the dictionary (if there is none, its characters stay words); a
/// run of Thai, Lao, Khmer or Burmese is cut by its word list between
/// UAX #29's words.
struct HanRuns<'a, I: Iterator<Item = Token<'a>>> {
    words: std::iter::Peekable<I>,
    text: &'a str,
    at: usize,
    chinese: Option<&'static crate::text::segment::Dictionary>,
    japanese: Option<&'static crate::text::japanese::Model>,
    /// The words of the run being read.
    group: Vec<Token<'a>>,
    out: std::collections::VecDeque<Token<'a>>,
}

/// What a word of a run is ([`HanRuns`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunWord {
    /// Han characters only.
    Han,
    /// Han characters and kana, with kana.
    Kana,
    /// Letters of a script with a word list.
    Script(crate::text::segment::Script),
}

/// What `t`, a word of `text` (which starts at `at`), is to a run
/// ([`HanRuns`]), if it may be a word of one.
fn run_member(text: &str, at: usize, japanese: bool, t: &Token<'_>) -> Option<RunWord> {
    use crate::text::{japanese::is_kana, segment::is_han, segment::Script};
    let word = &text[t.start - at..t.end - at];
    let first = word.chars().next()?;
    if let Some(script) = Script::of(first) {
        return (script.words().is_some() && word.chars().all(|c| Script::of(c) == Some(script)))
            .then_some(RunWord::Script(script));
    }
    if japanese {
        let mut kana = false;
        for c in word.chars() {
            if is_kana(c) {
                kana = true;
            } else if !is_han(c) {
                return None;
            }
        }
        Some(if kana { RunWord::Kana } else { RunWord::Han })
    } else {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if is_han(c)).then_some(RunWord::Han)
    }
}

impl<'a, I: Iterator<Item = Token<'a>>> Iterator for HanRuns<'a, I> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(t) = self.out.pop_front() {
            return Some(t);
        }
        let first = self.words.next()?;
        let (text, at, japanese) = (self.text, self.at, self.japanese.is_some());
        let Some(mut kind) = run_member(text, at, japanese, &first) else {
            return Some(first);
        };
        let (start, mut end) = (first.start, first.end);
        self.group.clear();
        self.group.push(first);
        while self.group.len() < crate::text::segment::MAX_RUN {
            let next = match self.words.peek() {
                Some(t) if t.start == end => run_member(text, at, japanese, t),
                _ => None,
            };
            // Han and kana run together; a script's letters with its own.
            kind = match (kind, next) {
                (RunWord::Script(a), Some(RunWord::Script(b))) if a == b => kind,
                (RunWord::Han, Some(RunWord::Han)) => RunWord::Han,
                (RunWord::Han | RunWord::Kana, Some(RunWord::Han | RunWord::Kana)) => RunWord::Kana,
                _ => break,
            };
            let t = self.words.next().expect("peeked");
            end = t.end;
            self.group.push(t);
        }
        let run = &self.text[start - self.at..end - self.at];
        let cut = match (kind, self.japanese, self.chinese) {
            _ if self.group.len() == 1 && kind != RunWord::Kana => None,
            (RunWord::Kana, Some(model), _) if crate::text::segment::two_or_more(run) => {
                // The model may cut anywhere: never inside a cluster (a kana
                // and its combining sound mark).
                let mut words: Vec<std::ops::Range<usize>> = Vec::new();
                for w in model.segment(run) {
                    match words.last_mut() {
                        Some(last) if !crate::text::segment::cut_allowed(run, w.start) => {
                            last.end = w.end;
                        }
                        _ => words.push(w),
                    }
                }
                Some(words)
            }
            (RunWord::Han, _, Some(dictionary)) => Some(dictionary.segment(run)),
            (RunWord::Script(script), _, _) => script.words().map(|words| {
                // Where UAX #29 starts a word, but inside a cluster.
                let cuts: Vec<usize> = self
                    .group
                    .iter()
                    .map(|t| t.start - start)
                    .filter(|&at| crate::text::segment::cut_allowed(run, at))
                    .collect();
                words.segment_at(run, Some(&cuts))
            }),
            _ => None,
        };
        let Some(cut) = cut else {
            self.out.extend(self.group.drain(..));
            return self.out.pop_front();
        };
        for r in cut {
            self.out.push_back(Token {
                start: start + r.start,
                end: start + r.end,
                norm: normalize(&run[r]),
            });
        }
        self.out.pop_front()
    }
}

/// The words of a text with Han characters, found without UAX #29 where
/// it would only make each Han character a word: each run of Han
/// characters (each not followed by a character UAX #29 joins to it: an
/// extending or format mark, a zero-width joiner) is cut by the
/// dictionary directly, and only the text between runs is read by
/// `unicode-segmentation`. UAX #29 always breaks on both sides of such a
/// run (Han characters are of its class Other), so the words are those of
/// [`unicode_words`] (tested against it).
struct HanFirst<'a> {
    text: &'a str,
    at: usize,
    /// The next byte of `text` not yet read.
    pos: usize,
    dictionary: &'static crate::text::segment::Dictionary,
    /// The words of the piece being read.
    piece: std::collections::VecDeque<Token<'a>>,
    /// The text between runs being read by UAX #29.
    between: Option<Box<dyn Iterator<Item = Token<'a>> + 'a>>,
    /// A run found after `between`: its byte range in `text`.
    run_next: Option<std::ops::Range<usize>>,
}

impl<'a> HanFirst<'a> {
    fn new(
        text: &'a str,
        at: usize,
        dictionary: &'static crate::text::segment::Dictionary,
    ) -> Self {
        HanFirst {
            text,
            at,
            pos: 0,
            dictionary,
            piece: std::collections::VecDeque::new(),
            between: None,
            run_next: None,
        }
    }

    /// The next run of Han characters from `from` (at most
    /// [`crate::text::segment::MAX_RUN`] of them), as a byte range.
    fn next_run(&self, from: usize) -> Option<std::ops::Range<usize>> {
        use crate::text::segment::{is_han, MAX_RUN};
        let text = self.text;
        // A Han character that UAX #29 keeps alone: not followed by a
        // character it joins to the one before (rule WB4: extending and
        // format marks, the zero-width joiner). Neither a Han character nor
        // ASCII is one; anything else is asked of `unicode-segmentation`.
        let joined = |c: char| {
            if is_han(c) || c.is_ascii() {
                return false;
            }
            let mut buf = [0u8; 8];
            let n = '中'.encode_utf8(&mut buf).len();
            let m = c.encode_utf8(&mut buf[n..]).len();
            // Two characters' UTF-8: always valid.
            std::str::from_utf8(&buf[..n + m])
                .is_ok_and(|two| two.split_word_bounds().nth(1).is_none())
        };
        let mut chars = text[from..].char_indices().peekable();
        let mut start = None;
        let mut n = 0;
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            let alone = is_han(c) && !next.is_some_and(joined);
            match (alone, start) {
                (true, None) => {
                    start = Some(from + i);
                    n = 1;
                }
                (true, Some(_)) => n += 1,
                (false, Some(s)) => return Some(s..from + i),
                (false, None) => {}
            }
            if n == MAX_RUN {
                let s = start.expect("in a run");
                return Some(s..from + i + c.len_utf8());
            }
        }
        start.map(|s| s..text.len())
    }

    fn cut(&mut self, run: std::ops::Range<usize>) {
        let text = self.text;
        let slice = &text[run.clone()];
        // One character: itself (as UAX #29 makes it).
        for r in self.dictionary.segment(slice) {
            let (s, e) = (run.start + r.start, run.start + r.end);
            self.piece.push_back(Token {
                start: self.at + s,
                end: self.at + e,
                norm: normalize(&text[s..e]),
            });
        }
        self.pos = run.end;
    }
}

impl<'a> Iterator for HanFirst<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some(t) = self.piece.pop_front() {
                return Some(t);
            }
            if let Some(words) = &mut self.between {
                if let Some(t) = words.next() {
                    return Some(t);
                }
                self.between = None;
                if let Some(run) = self.run_next.take() {
                    self.cut(run);
                }
                continue;
            }
            if self.pos >= self.text.len() {
                return None;
            }
            match self.next_run(self.pos) {
                Some(run) if run.start == self.pos => self.cut(run),
                found => {
                    let end = found.as_ref().map_or(self.text.len(), |r| r.start);
                    let gap = &self.text[self.pos..end];
                    self.between = Some(Box::new(uax29_words(gap, self.at + self.pos)));
                    self.pos = end;
                    self.run_next = found;
                }
            }
        }
    }
}

/// The words of `text` by UAX #29 alone, offsets shifted by `at`.
fn uax29_words(text: &str, at: usize) -> impl Iterator<Item = Token<'_>> {
    text.split_word_bound_indices()
        .filter_map(move |(start, seg)| {
            if !seg.chars().any(char::is_alphanumeric) {
                return None;
            }
            let norm = normalize(seg);
            if norm.is_empty() {
                return None;
            }
            Some(Token {
                start: at + start,
                end: at + start + seg.len(),
                norm,
            })
        })
}

/// The words of `text` by `unicode-segmentation` over the whole text (and
/// the Chinese dictionary, once installed): the reference [`words`] must
/// agree with (used by tests and fuzzing).
pub fn reference_words(text: &str) -> impl Iterator<Item = Token<'_>> {
    unicode_words(text, 0)
}

/// Is `b` an ASCII space, tab or line break (where UAX #29 always breaks)?
fn is_ascii_break(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Is the text cut at byte `at`: an ASCII space, tab or line break followed
/// by an ASCII byte other than a space, or by the end? A break character
/// followed by a non-ASCII one, or by a run of spaces, stays in its chunk:
/// spaces group (rule WB3d) and the group may bind a combining mark (rule WB4).
#[inline]
fn cut_at(c: &[u8], at: usize) -> bool {
    is_ascii_break(c[at]) && c.get(at + 1).is_none_or(|&b| b.is_ascii() && b != b' ')
}

/// UAX #29 word classes of ASCII characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNumLet,
    MidNum,
    Other,
}

/// The class of every ASCII byte.
const CLASSES: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
            b'0'..=b'9' => Wb::Numeric,
            b'_' => Wb::ExtendNumLet,
            b':' => Wb::MidLetter,
            b'.' | b'\'' => Wb::MidNumLet,
            b',' | b';' => Wb::MidNum,
            _ => Wb::Other,
        };
        b += 1;
    }
    t
};

#[inline]
fn wb(b: u8) -> Wb {
    CLASSES[(b & 0x7f) as usize]
}

/// No break between `at - 1` and `at` (rules WB5 to WB13b, ASCII only).
#[inline]
fn joined(c: &[u8], at: usize) -> bool {
    use Wb::*;
    let (a, b) = (wb(c[at - 1]), wb(c[at]));
    match (a, b) {
        (Letter | Numeric, Letter | Numeric) => true,
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) | (ExtendNumLet, Letter | Numeric) => true,
        (Letter, MidLetter | MidNumLet) => c.get(at + 1).is_some_and(|&x| wb(x) == Letter),
        (MidLetter | MidNumLet, Letter) => at >= 2 && wb(c[at - 2]) == Letter,
        (Numeric, MidNum | MidNumLet) => c.get(at + 1).is_some_and(|&x| wb(x) == Numeric),
        (MidNum | MidNumLet, Numeric) => at >= 2 && wb(c[at - 2]) == Numeric,
        _ => false,
    }
}

/// The number of words in `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// The normalised form of one word (see the module docs).
pub fn normalize(word: &str) -> Cow<'_, str> {
    let mut s: Cow<'_, str> = if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word
        .chars()
        .all(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x2A6DF))
    {
        // Unified ideographs have no case and are their own NFC (unlike the
        // compatibility ones, U+F900 to U+FAFF): a Chinese word is its own
        // normal form, with no copy.
        return Cow::Borrowed(word);
    } else {
        // Invisible characters inside a word (a soft hyphen from a scraped
        // page, a zero-width joiner) do not make it another word; nor does
        // the way an accent is encoded (NFC: "café" decomposed is "café").
        let visible: String = word.chars().filter(|&c| !is_default_ignorable(c)).collect();
        let lower = nfc(&visible).to_lowercase().replace('\u{2019}', "'");
        Cow::Owned(nfc(&lower).into_owned())
    };
    strip_possessives(&mut s);
    s
}

/// `s` in Unicode Normalization Form C (borrowed when it already is).
///
/// Without the feature `nfc` (the page's build) this is the identity: there
/// every text is NFC before it reaches the engine (the loader writes the
/// corpus in NFC, the page normalises a reader's typing with the browser's
/// `String.prototype.normalize`), and the tables stay out of the download.
#[cfg(feature = "nfc")]
pub fn nfc(s: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// See the other `nfc`: the page's build, where every text is NFC already.
#[cfg(not(feature = "nfc"))]
pub fn nfc(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt):
/// characters that are invisible unless a font shows them, such as the soft
/// hyphen, the zero-width joiners and spaces, the word joiner, bidi controls,
/// variation selectors and the byte order mark. Normal forms leave them out.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Removes trailing "'s" and apostrophes, repeated until nothing changes
/// ("L's's" is "l"), so that normalising a normal form changes nothing: a
/// word typed as it is indexed finds itself.
fn strip_possessives(s: &mut Cow<'_, str>) {
    loop {
        let before = s.len();
        if let Some(stem) = s.strip_suffix("'s") {
            if !stem.is_empty() {
                let keep = stem.len();
                truncate_cow(s, keep);
            }
        }
        let keep = s.trim_end_matches('\'').len();
        truncate_cow(s, keep);
        if s.len() == before {
            return;
        }
    }
}

fn truncate_cow(s: &mut Cow<'_, str>, len: usize) {
    match s {
        Cow::Borrowed(b) => *b = &b[..len],
        Cow::Owned(o) => o.truncate(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_marks_end_a_phrase_and_word_joiners_do_not() {
        for gap in [
            ", ",
            ". ",
            "; ",
            ": ",
            " (",
            ") ",
            " “",
            "” ",
            " — ",
            "–",
            " - ",
            "。",
            "，",
            "، ",
            "? ",
            "\u{2026} ",
        ] {
            assert!(ends_clause(gap), "{gap:?}");
        }
        for gap in [
            " ", "  ", "-", "\n", "'", "’", "/", " & ", " + ", "", "\u{00A0}",
        ] {
            assert!(!ends_clause(gap), "{gap:?}");
        }
    }

    fn norms(text: &str) -> Vec<String> {
        words(text).map(|t| t.norm.into_owned()).collect()
    }

    #[test]
    fn hyphens_split_but_inner_apostrophes_dots_and_digits_do_not() {
        assert_eq!(
            norms("AI-driven tap-and-pay"),
            ["ai", "driven", "tap", "and", "pay"]
        );
        assert_eq!(
            norms("Yu'e Bao grew 3.5 times on alipay.com."),
            ["yu'e", "bao", "grew", "3.5", "times", "on", "alipay.com"]
        );
        assert_eq!(norms("35,000 users"), ["35,000", "users"]);
    }

    #[test]
    fn possessives_and_apostrophes_fold_whether_straight_or_curly() {
        assert_eq!(
            norms("Alipay’s users’ Alipay's users' Yu’e"),
            ["alipay", "users", "alipay", "users", "yu'e"]
        );
        assert_eq!(norms("It's"), ["it"]);
        assert_eq!(norms("don't rock'n'roll"), ["don't", "rock'n'roll"]);
        // A lone "'s" is not emptied into nothing.
        assert_eq!(normalize("s"), "s");
    }

    #[test]
    fn normalising_a_normal_form_changes_nothing() {
        for w in [
            "L's's",
            "users''",
            "x's'",
            "Alipay’s’s",
            "rock'n'roll's",
            "s's",
        ] {
            let once = normalize(w).into_owned();
            assert_eq!(normalize(&once), once, "{w:?}");
        }
        assert_eq!(normalize("L's's"), "l");
    }

    #[test]
    fn invisible_characters_do_not_split_or_hide_words() {
        let norms = |t: &str| words(t).map(|w| w.norm.into_owned()).collect::<Vec<_>>();
        assert_eq!(norms("Pay\u{AD}ment"), ["payment"], "soft hyphen");
        assert_eq!(norms("Ameri\u{200D}ca"), ["america"], "zero-width joiner");
        assert_eq!(
            norms("Ameri\u{200C}ca"),
            ["america"],
            "zero-width non-joiner"
        );
        assert_eq!(norms("Ameri\u{2060}ca"), ["america"], "word joiner");
        assert_eq!(norms("\u{FEFF}Alipay"), ["alipay"], "byte order mark");
        assert_eq!(
            norms("Pay\u{200B}ment"),
            ["pay", "ment"],
            "a zero-width space is a break"
        );
        let w: Vec<_> = words("a Pay\u{AD}ment b").collect();
        assert_eq!(
            (w[1].start, w[1].end),
            (2, 11),
            "the word keeps its place in the text"
        );
    }

    #[cfg(feature = "nfc")]
    #[test]
    fn composed_and_decomposed_accents_are_one_word() {
        let norms = |t: &str| words(t).map(|w| w.norm.into_owned()).collect::<Vec<_>>();
        assert_eq!(norms("Cafe\u{301}"), norms("Café"));
        assert_eq!(norms("Cafe\u{301}"), ["café"]);
        assert_eq!(
            norms("\u{212B}ngström"),
            norms("Ångström"),
            "the Angstrom sign"
        );
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_idempotent_on_any_word(text in "\\PC{0,12}") {
            for w in words(&text) {
                proptest::prop_assert_eq!(normalize(&w.norm), w.norm.clone());
            }
        }
    }

    #[test]
    fn case_is_folded_with_unicode_rules() {
        assert_eq!(
            norms("WeChat ÉCOLE Straße ΣΊΣΥΦΟΣ"),
            ["wechat", "école", "straße", "σίσυφος"]
        );
    }

    #[test]
    fn each_han_character_is_a_word_and_emoji_are_not_words() {
        assert_eq!(norms("支付宝 wins 🎉 ok"), ["支", "付", "宝", "wins", "ok"]);
        assert_eq!(word_count("🎉🎉 — … !!"), 0);
    }

    #[test]
    fn combining_marks_stay_inside_their_word() {
        let text = "cafe\u{301} au lait";
        let w: Vec<_> = words(text).collect();
        assert_eq!(w.len(), 3);
        assert_eq!(&text[w[0].start..w[0].end], "cafe\u{301}");
    }

    #[test]
    fn offsets_point_at_the_original_text() {
        let text = "  Alipay’s “AI”, again.";
        for t in words(text) {
            assert_eq!(normalize(&text[t.start..t.end]), t.norm);
        }
        let spans: Vec<_> = words(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(spans, ["Alipay’s", "AI", "again"]);
    }

    #[test]
    fn empty_and_blank_texts_have_no_words() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count(" \n\t "), 0);
    }

    #[test]
    fn borrowed_when_already_normal() {
        assert!(matches!(normalize("payment"), Cow::Borrowed("payment")));
        assert!(matches!(normalize("payments'"), Cow::Borrowed("payments")));
        assert!(matches!(normalize("Payments"), Cow::Owned(_)));
    }

    fn same_as_reference(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let fast: Vec<_> = words(text).collect();
        let reference: Vec<_> = reference_words(text).collect();
        proptest::prop_assert_eq!(fast, reference, "{:?}", text);
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4000))]
        /// The ASCII fast path segments exactly as UAX #29 does, on text that
        /// exercises every ASCII class, mixed with spaces, marks and non-ASCII letters.
        #[test]
        fn fast_path_agrees_with_unicode_segmentation(
            text in "[a-zA-Z0-9_.,;:'\"!?()\\- \t\r\n\u{b}\u{c}]{0,24}|[aZ9_.,;:' \n\u{301}\u{93e}\u{200d}\u{3000}\u{85}éΣ’“支🎉\u{1f1e6}]{0,16}"
        ) {
            same_as_reference(&text)?;
        }

        #[test]
        fn fast_path_agrees_on_any_text(text in "\\PC{0,40}") {
            same_as_reference(&text)?;
        }
    }

    #[test]
    fn fast_path_agrees_on_the_tricky_cases() {
        for text in [
            "a.b a..b 3.5 3..5 a:b :a a: 1,000 1,,0 1;2 a'b a' 'a _a a_ __ _1_ x.1 1.x",
            "rock'n'roll. e.g. U.S.A. 12:30 a_b.c_d",
            " \u{301}abc \u{93e}x \u{3000} y\n\r\n\u{b}z\u{c}",
            "",
            " ",
            "trailing ",
            "Alipay’s “AI” — 支付宝 🎉 done.",
        ] {
            same_as_reference(text).unwrap();
        }
    }
}
