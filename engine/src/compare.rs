//! Comparing two articles: how similar they are, the words they share, the
//! words that set each apart, and the passages they have in common.

use crate::fxhash::FxHashMap;
use crate::index::Index;

/// A built-in English stop-word list (function words), excluded from the word lists unless switched off.
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
    "could",
    "did",
    "do",
    "does",
    "doing",
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
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "it's",
    "don't",
    "can't",
    "won't",
];

/// Whether a normalised word is on the stop-word list.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

pub use crate::index::BREAK;

/// Counts of each word id of a sequence (from [`Index::words_of`]).
fn counts(ids: &[u32]) -> FxHashMap<u32, usize> {
    let mut m: FxHashMap<u32, usize> = FxHashMap::default();
    for &w in ids.iter().filter(|&&w| w != BREAK) {
        *m.entry(w).or_default() += 1;
    }
    m
}

/// A word with its counts on both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct WordScore {
    /// The normalised word.
    pub word: String,
    /// Occurrences in the left article.
    pub left: usize,
    /// Occurrences in the right article.
    pub right: usize,
    /// The ranking score (smaller relative frequency for shared terms, G² for distinctive ones).
    pub score: f64,
}

/// A run of consecutive words found in both articles: positions (as in
/// [`Index::words_of`]) of its first word on each side, and its length in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Passage {
    /// First word on the left.
    pub left: u32,
    /// First word on the right.
    pub right: u32,
    /// Words.
    pub len: u32,
}

/// Everything the Compare view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Cosine similarity of the TF-IDF vectors, 0 to 1.
    pub similarity: f64,
    /// Distinct words found in both.
    pub shared_word_count: usize,
    /// Words frequent in both, by the smaller of the two relative frequencies.
    pub shared: Vec<WordScore>,
    /// Words more frequent on the left, by G².
    pub distinctive_left: Vec<WordScore>,
    /// Words more frequent on the right, by G².
    pub distinctive_right: Vec<WordScore>,
    /// Shared passages, in order on the left.
    pub passages: Vec<Passage>,
    /// True when there were more passages than [`MAX_PASSAGES`] and the rest were left out.
    pub passages_truncated: bool,
}

/// How to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompareOptions {
    /// Shortest shared passage, in words (3 to 12).
    pub min_passage: usize,
    /// Leave stop words out of the word lists.
    pub stop_words: bool,
    /// Entries per word list.
    pub list_len: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            min_passage: 5,
            stop_words: true,
            list_len: 25,
        }
    }
}

/// The most passages one comparison lists.
pub const MAX_PASSAGES: usize = 2000;

/// Dunning's log-likelihood G² of a word seen `a` times in `c` words and `b` times in `d` words.
pub fn log_likelihood(a: usize, b: usize, c: usize, d: usize) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c + d == 0.0 || a + b == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (term(a, e1) + term(b, e2))
}

/// Cosine similarity of two articles' TF-IDF vectors (word id → count), with
/// the corpus' document frequencies from `index` (smoothed idf:
/// ln((1 + N) / (1 + df)) + 1).
pub fn tfidf_cosine(
    index: &Index,
    left: &FxHashMap<u32, usize>,
    right: &FxHashMap<u32, usize>,
) -> f64 {
    let n = index.doc_count() as f64;
    let v = index.vocabulary_len() as u32;
    let idf = |id: u32| {
        let df = if id < v { index.postings(id).len() } else { 0 } as f64;
        ((1.0 + n) / (1.0 + df)).ln() + 1.0
    };
    let norm = |m: &FxHashMap<u32, usize>| {
        m.iter()
            .map(|(&w, &c)| (c as f64 * idf(w)).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let (nl, nr) = (norm(left), norm(right));
    if nl == 0.0 || nr == 0.0 {
        return if left == right { 1.0 } else { 0.0 };
    }
    let dot: f64 = left
        .iter()
        .filter_map(|(&w, &a)| right.get(&w).map(|&b| a as f64 * b as f64 * idf(w).powi(2)))
        .sum();
    (dot / (nl * nr)).clamp(0.0, 1.0)
}

/// Every maximal run of at least `min` consecutive equal words in both word-id
/// sequences (from [`Index::words_of`]; [`BREAK`] equals nothing).
pub fn shared_passages(l: &[u32], r: &[u32], min: usize) -> (Vec<Passage>, bool) {
    let min = min.max(1);
    if l.len() < min || r.len() < min {
        return (Vec::new(), false);
    }
    // Where each n-gram of the right side starts (n-grams across the break excluded).
    let mut starts: FxHashMap<&[u32], Vec<u32>> = FxHashMap::default();
    for j in 0..=r.len() - min {
        let g = &r[j..j + min];
        if !g.contains(&BREAK) {
            starts.entry(g).or_default().push(j as u32);
        }
    }
    let same = |i: usize, j: usize| l[i] != BREAK && l[i] == r[j];
    let mut out = Vec::new();
    for i in 0..=l.len() - min {
        let g = &l[i..i + min];
        let Some(js) = starts.get(g) else { continue };
        for &j in js {
            let j = j as usize;
            // Only the start of a maximal run: the words before differ (or there are none).
            if i > 0 && j > 0 && same(i - 1, j - 1) {
                continue;
            }
            let mut len = min;
            while i + len < l.len() && j + len < r.len() && same(i + len, j + len) {
                len += 1;
            }
            if out.len() == MAX_PASSAGES {
                return (out, true);
            }
            out.push(Passage {
                left: i as u32,
                right: j as u32,
                len: len as u32,
            });
        }
    }
    (out, false)
}

/// Compares articles `left` and `right` of the index's corpus (see [`Comparison`]).
pub fn compare(index: &Index, left: usize, right: usize, opts: CompareOptions) -> Comparison {
    let (ls, rs) = (index.words_of(left), index.words_of(right));
    let (lc, rc) = (counts(ls), counts(rs));
    let (ln, rn): (usize, usize) = (lc.values().sum(), rc.values().sum());
    let word = |w: u32| index.term(w);
    let similarity = tfidf_cosine(index, &lc, &rc);
    let keep = |w: u32| !(opts.stop_words && is_stop_word(word(w)));
    let shared_word_count = lc.keys().filter(|w| rc.contains_key(*w)).count();
    let score = |w: u32, a: usize, b: usize, score: f64| WordScore {
        word: word(w).to_string(),
        left: a,
        right: b,
        score,
    };
    let by_score = |x: &WordScore, y: &WordScore| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.word.cmp(&y.word))
    };
    let top = |mut v: Vec<(u32, usize, usize, f64)>| -> Vec<WordScore> {
        // Rank on numbers first; make strings only for the few kept.
        v.sort_by(|x, y| y.3.total_cmp(&x.3).then_with(|| word(x.0).cmp(word(y.0))));
        let mut out: Vec<WordScore> = v
            .into_iter()
            .take(opts.list_len)
            .map(|(w, a, b, s)| score(w, a, b, s))
            .collect();
        out.sort_by(by_score);
        out
    };
    let shared = top(lc
        .iter()
        .filter(|(&w, _)| keep(w))
        .filter_map(|(&w, &a)| {
            rc.get(&w).map(|&b| {
                (
                    w,
                    a,
                    b,
                    (a as f64 / ln.max(1) as f64).min(b as f64 / rn.max(1) as f64),
                )
            })
        })
        .collect());
    let (mut dl, mut dr) = (Vec::new(), Vec::new());
    for (&w, _) in lc
        .iter()
        .chain(rc.iter().filter(|(w, _)| !lc.contains_key(*w)))
    {
        if !keep(w) {
            continue;
        }
        let (a, b) = (
            lc.get(&w).copied().unwrap_or(0),
            rc.get(&w).copied().unwrap_or(0),
        );
        let (fa, fb) = (a as f64 / ln.max(1) as f64, b as f64 / rn.max(1) as f64);
        if fa > fb {
            dl.push((w, a, b, log_likelihood(a, b, ln, rn)));
        } else if fb > fa {
            dr.push((w, a, b, log_likelihood(a, b, ln, rn)));
        }
    }
    let (passages, passages_truncated) = shared_passages(ls, rs, opts.min_passage.clamp(3, 12));
    Comparison {
        similarity,
        shared_word_count,
        shared,
        distinctive_left: top(dl),
        distinctive_right: top(dr),
        passages,
        passages_truncated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_matches_a_hand_computed_value() {
        // "alipay" 10 times in 1,000 words on the left, 2 times in 1,000 on the right:
        // E1 = E2 = 1000 × 12 / 2000 = 6; G² = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.82206…
        let g2 = log_likelihood(10, 2, 1000, 1000);
        assert!((g2 - 5.822_063).abs() < 1e-5, "{g2}");
        assert_eq!(
            log_likelihood(3, 3, 100, 100),
            0.0,
            "the same rate on both sides is not distinctive"
        );
        assert_eq!(log_likelihood(0, 0, 0, 0), 0.0);
        assert!(log_likelihood(5, 0, 100, 100) > 0.0);
    }
}
