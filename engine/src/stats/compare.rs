//! Comparing two articles: how similar they are, the words they share, the
//! words that set each apart, and the passages they have in common.

use crate::index::{Index, StopSet};
use crate::stats::measures::{log_likelihood, P05};
use crate::text::lexicon::{is_listed, StopChoice, BREAK};
use rustc_hash::FxHashMap;

/// Which words Compare counts, and as what: a word that [`is_listed`], not a
/// stop word that `stop` leaves out; with `forms`, a stem's forms are one
/// word ("payment" and "payments").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WordChoice {
    /// Which stop words to leave out.
    pub stop: StopChoice,
    /// Merge the forms of a word (same Snowball stem in its language).
    pub forms: bool,
}

impl Default for WordChoice {
    fn default() -> Self {
        WordChoice {
            stop: StopChoice::lists(true),
            forms: false,
        }
    }
}

/// [`WordChoice`] applied to an index: term id → the word it counts as (a
/// "feature": the term itself, or its stem with `forms`), if counted.
struct Features<'i> {
    index: &'i Index,
    forms: bool,
    stops: StopSet,
}

impl<'i> Features<'i> {
    fn new(index: &'i Index, choice: &WordChoice) -> Self {
        Features {
            index,
            forms: choice.forms,
            stops: index.stop_set(&choice.stop),
        }
    }

    fn of(&self, term: u32) -> Option<u32> {
        let w = self.index.term(term);
        if !is_listed(w) || self.stops.contains(term) {
            return None;
        }
        Some(if self.forms {
            self.index.stem_of(term)
        } else {
            term
        })
    }

    /// Articles with the feature (any counted form of it).
    fn df(&self, feature: u32) -> usize {
        if !self.forms {
            return self.index.postings(feature).len();
        }
        let terms: Vec<u32> = self
            .index
            .stem_terms(feature)
            .iter()
            .copied()
            .filter(|&t| self.of(t).is_some())
            .collect();
        if let [t] = terms[..] {
            return self.index.postings(t).len();
        }
        let mut docs: Vec<u32> = terms
            .iter()
            .flat_map(|&t| {
                let p = self.index.postings(t);
                (0..p.len()).map(move |i| p.doc(i))
            })
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    /// Each counted feature of article `doc`, with its count, by feature.
    fn counts(&self, doc: usize) -> Vec<(u32, f64)> {
        let mut fs: Vec<u32> = self
            .index
            .words_of(doc)
            .iter()
            .filter(|&w| w != BREAK)
            .filter_map(|w| self.of(w))
            .collect();
        fs.sort_unstable();
        let mut out: Vec<(u32, f64)> = Vec::new();
        for f in fs {
            match out.last_mut() {
                Some((g, c)) if *g == f => *c += 1.0,
                _ => out.push((f, 1.0)),
            }
        }
        out
    }
}

/// Smoothed inverse document frequency of a word found in `df` of `n`
/// articles: ln((1 + n) / (1 + df)) + 1.
pub fn idf(n: usize, df: usize) -> f64 {
    ((1.0 + n as f64) / (1.0 + df as f64)).ln() + 1.0
}

/// Cosine of two sparse vectors sorted by feature; two empty vectors are alike (1).
fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let norm = |v: &[(u32, f64)]| v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return if a.is_empty() && b.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    (dot / (na * nb)).clamp(0.0, 1.0)
}

/// How alike the articles of a corpus are, for ranking every article against
/// one ("Most similar articles"): each article's TF-IDF vector over the words
/// a [`WordChoice`] counts, computed once. The similarity of two articles is
/// the cosine of their vectors, the same figure [`compare`] gives.
pub struct Similarity {
    vectors: Vec<Vec<(u32, f64)>>,
}

impl Similarity {
    /// Weighs every article of `index` (time linear in the corpus' words).
    pub fn new(index: &Index, choice: &WordChoice) -> Similarity {
        let f = Features::new(index, choice);
        let n = index.doc_count();
        let mut vectors: Vec<Vec<(u32, f64)>> = (0..n).map(|d| f.counts(d)).collect();
        // Document frequencies from the vectors themselves: one pass.
        let features = if choice.forms {
            index.stem_count()
        } else {
            index.vocabulary_len()
        };
        let mut df = vec![0usize; features];
        for v in &vectors {
            for &(g, _) in v {
                df[g as usize] += 1;
            }
        }
        for v in &mut vectors {
            for (g, x) in v.iter_mut() {
                *x *= idf(n, df[*g as usize]);
            }
        }
        Similarity { vectors }
    }

    /// The similarity of articles `a` and `b`, 0 to 1.
    pub fn between(&self, a: usize, b: usize) -> f64 {
        cosine(&self.vectors[a], &self.vectors[b])
    }

    /// Every other article with its similarity to `doc`, most similar first
    /// (ties in corpus order).
    pub fn most_similar(&self, doc: usize) -> Vec<(usize, f64)> {
        let mut out: Vec<(usize, f64)> = (0..self.vectors.len())
            .filter(|&d| d != doc)
            .map(|d| (d, self.between(doc, d)))
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }
}

/// A word with its counts on both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct WordScore {
    /// The normalised word (with word forms merged: the form most frequent in the two articles).
    pub word: String,
    /// With word forms merged: the other forms found in the two articles.
    pub forms: Vec<String>,
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
    /// Cosine similarity of the TF-IDF vectors of the counted words (see
    /// [`Similarity`]), 0 to 1.
    pub similarity: f64,
    /// Distinct counted words found in both.
    pub shared_word_count: usize,
    /// Words found in both and not significantly more frequent in either
    /// (G² under [`P05`](crate::stats::measures::P05)), by the smaller of the two relative frequencies.
    pub shared: Vec<WordScore>,
    /// The other words more frequent on the left, by G².
    pub distinctive_left: Vec<WordScore>,
    /// The other words more frequent on the right, by G².
    pub distinctive_right: Vec<WordScore>,
    /// Shared passages, in order on the left.
    pub passages: Vec<Passage>,
    /// True when there were more passages than [`MAX_PASSAGES`] and the rest were left out.
    pub passages_truncated: bool,
    /// The words of the left and right articles (the G² and rates' totals).
    pub words: (usize, usize),
}

/// How to compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareOptions {
    /// Shortest shared passage, in words (3 to 12).
    pub min_passage: usize,
    /// Which words are listed and counted for the similarity.
    pub words: WordChoice,
    /// Entries per word list.
    pub list_len: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            min_passage: 5,
            words: WordChoice::default(),
            list_len: 25,
        }
    }
}

/// The most passages one comparison lists.
pub const MAX_PASSAGES: usize = 2000;

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

/// A counted word's count on the left, on the right, and each of its forms' count in the pair.
type PairCounts = (usize, usize, Vec<(u32, usize)>);

/// Compares articles `left` and `right` of the index's corpus (see [`Comparison`]).
///
/// The lists hold the words `opts.words` counts. A word found in both
/// articles is shared unless its G² reaches [`P05`](crate::stats::measures::P05); every other word
/// is distinctive of the article where its rate (count ÷ the article's words)
/// is higher. So each word is in one list at most.
pub fn compare(index: &Index, left: usize, right: usize, opts: CompareOptions) -> Comparison {
    compare_by(index, left, right, opts, &|f, g| f.df(g))
}

/// [`compare`] with each word's articles (the similarity's df) given by
/// `df` (a term's, by its id in `index`) instead of read from `index`:
/// for an index that holds the pair's words but not every article's (a
/// sharded corpus' pair, [`crate::index::partial::with_texts`], given the
/// dictionary's counts). The same comparison as on the whole index. With
/// word forms on it is `None`: a word's articles are then those of any of
/// its forms, which no count of each form gives.
pub fn compare_with_df(
    index: &Index,
    left: usize,
    right: usize,
    opts: CompareOptions,
    df: &dyn Fn(u32) -> usize,
) -> Option<Comparison> {
    (!opts.words.forms).then(|| compare_by(index, left, right, opts, &|_, g| df(g)))
}

/// [`compare`], each feature's articles given by `df`.
fn compare_by(
    index: &Index,
    left: usize,
    right: usize,
    opts: CompareOptions,
    df: &dyn Fn(&Features<'_>, u32) -> usize,
) -> Comparison {
    let f = Features::new(index, &opts.words);
    let (ls, rs) = (
        index.words_of(left).to_vec(),
        index.words_of(right).to_vec(),
    );
    let (ls, rs) = (&ls[..], &rs[..]);
    let words_in = |s: &[u32]| s.iter().filter(|&&w| w != BREAK).count();
    let (ln, rn) = (words_in(ls), words_in(rs));
    // Per counted feature: counts on each side and each term's count in the pair.
    let mut by_feature: FxHashMap<u32, PairCounts> = FxHashMap::default();
    for (side, seq) in [(0, ls), (1, rs)] {
        for &w in seq.iter().filter(|&&w| w != BREAK) {
            let Some(g) = f.of(w) else { continue };
            let e = by_feature.entry(g).or_default();
            if side == 0 {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
            match e.2.iter_mut().find(|(t, _)| *t == w) {
                Some((_, c)) => *c += 1,
                None => e.2.push((w, 1)),
            }
        }
    }
    let n = index.doc_count();
    let mut features: Vec<u32> = by_feature.keys().copied().collect();
    features.sort_unstable();
    let weights: FxHashMap<u32, f64> = features.iter().map(|&g| (g, idf(n, df(&f, g)))).collect();
    let vector = |side: usize| -> Vec<(u32, f64)> {
        features
            .iter()
            .filter_map(|g| {
                let e = &by_feature[g];
                let c = if side == 0 { e.0 } else { e.1 };
                (c > 0).then(|| (*g, c as f64 * weights[g]))
            })
            .collect()
    };
    let similarity = cosine(&vector(0), &vector(1));
    let shared_word_count = by_feature.values().filter(|e| e.0 > 0 && e.1 > 0).count();
    // The name of a feature: its most frequent term in the pair (then the first alphabetically).
    let name = |terms: &[(u32, usize)]| -> (String, Vec<String>) {
        let mut ts = terms.to_vec();
        ts.sort_by(|x, y| {
            y.1.cmp(&x.1)
                .then_with(|| index.term(x.0).cmp(index.term(y.0)))
        });
        let mut names = ts.iter().map(|&(t, _)| index.term(t).to_string());
        let first = names.next().unwrap_or_default();
        let mut rest: Vec<String> = names.collect();
        rest.sort();
        (first, rest)
    };
    let top = |mut v: Vec<(u32, usize, usize, f64)>| -> Vec<WordScore> {
        // Rank on numbers first; make strings only for the few kept.
        v.sort_by(|x, y| y.3.total_cmp(&x.3).then(x.0.cmp(&y.0)));
        let mut out: Vec<WordScore> = v
            .into_iter()
            .take(opts.list_len)
            .map(|(g, a, b, score)| {
                let (word, forms) = name(&by_feature[&g].2);
                WordScore {
                    word,
                    forms,
                    left: a,
                    right: b,
                    score,
                }
            })
            .collect();
        out.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| x.word.cmp(&y.word))
        });
        out
    };
    let (mut shared, mut dl, mut dr) = (Vec::new(), Vec::new(), Vec::new());
    for (&g, &(a, b, _)) in &by_feature {
        let g2 = log_likelihood(a, b, ln, rn);
        let (fa, fb) = (a as f64 / ln.max(1) as f64, b as f64 / rn.max(1) as f64);
        if a > 0 && b > 0 && g2 < P05.min_g2 {
            shared.push((g, a, b, fa.min(fb)));
        } else if fa > fb {
            dl.push((g, a, b, g2));
        } else if fb > fa {
            dr.push((g, a, b, g2));
        }
    }
    let (passages, passages_truncated) = shared_passages(ls, rs, opts.min_passage.clamp(3, 12));
    Comparison {
        similarity,
        shared_word_count,
        shared: top(shared),
        distinctive_left: top(dl),
        distinctive_right: top(dr),
        passages,
        passages_truncated,
        words: (ln, rn),
    }
}

/// A comparison's word lists as one table: each word's list, its counts,
/// rates per 10,000 words and G² (the figures each list is ranked by),
/// with the two articles, their words and how words were counted.
pub fn comparison_table(
    c: &Comparison,
    left_id: &str,
    right_id: &str,
    choice: &WordChoice,
    from: &crate::stats::Provenance,
) -> crate::out::csv::Table {
    use crate::out::csv::{Cell, Table};
    use crate::stats::measures::per_10k;
    let (ln, rn) = c.words;
    let mut t = Table::new([
        "List",
        "Word",
        "Other forms",
        "Left",
        "Right",
        "Left per 10,000",
        "Right per 10,000",
        "G²",
    ]);
    let lists = [
        ("Shared", &c.shared),
        ("Distinctive to left", &c.distinctive_left),
        ("Distinctive to right", &c.distinctive_right),
    ];
    for (name, list) in lists {
        for w in list.iter() {
            t.push(vec![
                name.into(),
                (&w.word).into(),
                w.forms.join(" ").into(),
                w.left.into(),
                w.right.into(),
                Cell::num(per_10k(w.left, ln), 4),
                Cell::num(per_10k(w.right, rn), 4),
                Cell::num(log_likelihood(w.left, w.right, ln, rn), 4),
            ]);
        }
    }
    from.stamp(
        t.about("Left article", left_id)
            .about("Right article", right_id)
            .about("Left words", ln)
            .about("Right words", rn)
            .about("Shared when G² below", Cell::num(P05.min_g2, 2))
            .about("Stop words", from.stop_rule(&choice.stop))
            .about("Word forms", if choice.forms { "Merged" } else { "Apart" }),
    )
}
