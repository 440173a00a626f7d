//! Comparing two articles: how similar they are, the words they share, the
//! words that set each apart, and the passages they have in common.

use crate::index::Index;
use rustc_hash::FxHashMap;

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

/// The shared passages of two word-id sequences (from [`Index::words_of`];
/// [`BREAK`] equals nothing): runs of at least `min` consecutive equal words
/// found in both, in order on the left, and whether [`MAX_PASSAGES`] cut them
/// short.
///
/// Every word, on either side, that lies in a `min`-word run found on both
/// sides lies in a passage, and every passage is as long as its run goes. The
/// time is linear in the two lengths, however repetitive the texts:
/// 1. The left is read from its start. Where a `min`-word run starts that the
///    right also holds, it is extended against (at most [`CANDIDATES`] of) the
///    places the right holds it, and the longest is a passage; reading goes on
///    `min - 1` words before its end (a run that overlaps its tail is found
///    too), so each word is read a bounded number of times.
/// 2. The same from the right, for the right's words no passage of step 1
///    covers: a passage the right repeats is marked at each place.
pub fn shared_passages(l: &[u32], r: &[u32], min: usize) -> (Vec<Passage>, bool) {
    let min = min.max(1);
    if l.len() < min || r.len() < min {
        return (Vec::new(), false);
    }
    let (in_r, in_l) = (Grams::new(r, min), Grams::new(l, min));
    let mut out = Vec::new();
    let mut truncated = greedy(l, r, &in_r, min, &mut out, |_| false, false);
    if !truncated {
        // Right words covered by step 1's passages (as a running count, so
        // that "is this whole run covered?" is one subtraction).
        let mut covered = vec![0i32; r.len() + 1];
        for p in &out {
            covered[p.right as usize] += 1;
            covered[(p.right + p.len) as usize] -= 1;
        }
        let mut depth = 0;
        let mut before = vec![0u32; r.len() + 1];
        for j in 0..r.len() {
            depth += covered[j];
            before[j + 1] = before[j] + u32::from(depth > 0);
        }
        let whole_run_covered = |j: usize| (before[j + min] - before[j]) as usize == min;
        truncated = greedy(r, l, &in_l, min, &mut out, whole_run_covered, true);
    }
    out.sort_unstable();
    out.dedup();
    out.truncate(MAX_PASSAGES);
    (out, truncated)
}

/// Places of the right side tried for a run found on the left.
pub const CANDIDATES: usize = 8;

/// Where each `min`-word run of a sequence starts (runs across [`BREAK`]
/// left out): the first place of each, and for each place the next place of
/// the same run (a chain, not a list per run: memory linear in the text).
struct Grams<'a> {
    first: FxHashMap<&'a [u32], u32>,
    next: Vec<u32>,
}

impl<'a> Grams<'a> {
    fn new(seq: &'a [u32], min: usize) -> Self {
        let n = seq.len() + 1 - min;
        let mut first: FxHashMap<&[u32], u32> = FxHashMap::default();
        let mut next = vec![u32::MAX; n];
        // From the end, so that each chain runs in reading order.
        for j in (0..n).rev() {
            let g = &seq[j..j + min];
            if g.contains(&BREAK) {
                continue;
            }
            if let Some(old) = first.insert(g, j as u32) {
                next[j] = old;
            }
        }
        Grams { first, next }
    }

    /// The first `k` places of run `g`.
    fn places(&self, g: &[u32], k: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.first.get(g).copied().unwrap_or(u32::MAX);
        std::iter::from_fn(move || {
            (at != u32::MAX).then(|| {
                let here = at as usize;
                at = self.next[here];
                here
            })
        })
        .take(k)
    }
}

/// Step 1 (or 2, `swapped`) of [`shared_passages`]: reads `a` from its start
/// for runs `b` holds (`in_b`), skipping places of `a` that `skip` says are
/// covered; pushes passages (left, right as in the caller); true when
/// [`MAX_PASSAGES`] was reached.
fn greedy(
    a: &[u32],
    b: &[u32],
    in_b: &Grams<'_>,
    min: usize,
    out: &mut Vec<Passage>,
    skip: impl Fn(usize) -> bool,
    swapped: bool,
) -> bool {
    let same = |i: usize, j: usize| a[i] != BREAK && a[i] == b[j];
    let mut i = 0;
    while i + min <= a.len() {
        if skip(i) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for j in in_b.places(&a[i..i + min], CANDIDATES) {
            let mut len = min;
            while i + len < a.len() && j + len < b.len() && same(i + len, j + len) {
                len += 1;
            }
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((j, len));
            }
        }
        let Some((j, len)) = best else {
            i += 1;
            continue;
        };
        if out.len() == MAX_PASSAGES {
            return true;
        }
        let (left, right) = if swapped { (j, i) } else { (i, j) };
        out.push(Passage {
            left: left as u32,
            right: right as u32,
            len: len as u32,
        });
        i = (i + len + 1).saturating_sub(min).max(i + 1);
    }
    false
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
