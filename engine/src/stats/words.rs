//! The Words view's questions of a selection (the articles a search and its
//! facets pick): what is in it ([`summary`]), which words it uses most
//! ([`word_rows`]), which words it over- and under-uses against a reference
//! ([`keywords`]), its frequent phrases ([`phrases`]) and which words rise
//! and fall across its years ([`rising_falling`]).
//!
//! Words are the index's normalised words, in titles and bodies. A word is
//! listed when [`crate::text::lexicon::is_listed`] says so (it has a letter, and
//! more than one character unless it is of a one-character-word script),
//! the rule Compare follows too; totals (a selection's words, rates per
//! 10,000 words) count every word.
//!
//! Everything is one pass over the selected articles' word ids
//! ([`crate::index::Index::words_of`]): linear in the selection's words.

use std::ops::Deref;

use rustc_hash::FxHashMap;

use crate::corpus::period::{Grain, Period};
use crate::index::docset::DocSet;
use crate::index::layout::clauses;
use crate::index::{Index, StopSet};
use crate::out::csv::{Cell, Table};
use crate::stats::measures::log_likelihood;
use crate::stats::measures::Significance;
use crate::stats::measures::{log_ratio, per_10k};
use crate::stats::Provenance;
use crate::steps::{Steps, ASK_EVERY_WORDS};
use crate::text::lexicon::{StopChoice, LISTED};

/// Which words a list shows, and how.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListOptions {
    /// Which stop words to leave out.
    pub stop: StopChoice,
    /// A stem's forms are one entry, under its most frequent form.
    pub forms: bool,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions {
            stop: StopChoice::lists(true),
            forms: false,
        }
    }
}

/// Every word's occurrences in a selection, and in how many of its articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words of the selection (every word, listed or not).
    pub words: usize,
    /// Articles selected.
    pub articles: usize,
    /// By term id: occurrences.
    pub count: Vec<u32>,
    /// By term id: articles containing it.
    pub term_articles: Vec<u32>,
    /// By stem id: articles containing any of its forms.
    pub stem_articles: Vec<u32>,
}

/// [`count_words`] in steps.
pub struct CountJob<I> {
    index: I,
    docs: Vec<usize>,
    at: usize,
    counts: Counts,
    /// The last article (plus one) each term and stem was seen in.
    seen_term: Vec<u32>,
    seen_stem: Vec<u32>,
}

impl<I: Deref<Target = Index>> CountJob<I> {
    /// Counting the articles of `docs`.
    pub fn new(index: I, docs: &DocSet) -> Self {
        let v = index.vocabulary_len();
        let stems = index.stem_count();
        CountJob {
            index,
            docs: docs.iter().collect(),
            at: 0,
            counts: Counts {
                words: 0,
                articles: 0,
                count: vec![0; v],
                term_articles: vec![0; v],
                stem_articles: vec![0; stems],
            },
            seen_term: vec![0; v],
            seen_stem: vec![0; stems],
        }
    }
}

impl<I: Deref<Target = Index>> Steps for CountJob<I> {
    type Output = Counts;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        let (index, c) = (&*self.index, &mut self.counts);
        // Words counted since `more()` was last asked: small articles (a
        // paragraph each) are asked about a few thousand words at a time.
        let mut since = 0;
        while self.at < self.docs.len() {
            let d = self.docs[self.at];
            self.at += 1;
            let mark = d as u32 + 1;
            c.articles += 1;
            since += index.words_of(d).len();
            // Slices and a local count: what the loop writes is plainly
            // not what it reads its bounds from.
            let (seen_term, seen_stem) = (&mut self.seen_term[..], &mut self.seen_stem[..]);
            let (count, term_articles) = (&mut c.count[..], &mut c.term_articles[..]);
            let stem_articles = &mut c.stem_articles[..];
            let mut words = 0;
            index.words_of(d).for_each_word(|w| {
                words += 1;
                let t = w as usize;
                count[t] += 1;
                if seen_term[t] != mark {
                    seen_term[t] = mark;
                    term_articles[t] += 1;
                    let s = index.stem_of(w) as usize;
                    if seen_stem[s] != mark {
                        seen_stem[s] = mark;
                        stem_articles[s] += 1;
                    }
                }
            });
            c.words += words;
            if since >= ASK_EVERY_WORDS {
                since = 0;
                if !more() {
                    break;
                }
            }
        }
        self.at == self.docs.len()
    }

    fn finish(self) -> Counts {
        self.counts
    }
}

/// Counts every word of the articles in `docs`: one pass over their words.
pub fn count_words(index: &Index, docs: &DocSet) -> Counts {
    CountJob::new(index, docs).run()
}

impl Counts {
    /// The counts of the articles in `self` and not in `part`, when `part`
    /// counts a subset of `self`'s articles (a selection of the whole
    /// corpus): "the rest of the corpus" without reading it again.
    pub fn minus(&self, part: &Counts) -> Counts {
        let sub =
            |a: &[u32], b: &[u32]| a.iter().zip(b).map(|(x, y)| x.saturating_sub(*y)).collect();
        Counts {
            words: self.words.saturating_sub(part.words),
            articles: self.articles.saturating_sub(part.articles),
            count: sub(&self.count, &part.count),
            term_articles: sub(&self.term_articles, &part.term_articles),
            stem_articles: sub(&self.stem_articles, &part.stem_articles),
        }
    }

    /// Distinct words used.
    pub fn distinct(&self) -> usize {
        self.count.iter().filter(|&&n| n > 0).count()
    }
}

/// What a selection holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Articles.
    pub articles: usize,
    /// Words.
    pub words: usize,
    /// Distinct words.
    pub distinct: usize,
    /// The earliest and the latest article (the corpus is in date order).
    pub first_last: Option<(usize, usize)>,
    /// The longest and the shortest article (ties: the earlier).
    pub longest_shortest: Option<(usize, usize)>,
    /// Articles per year, for every year from the first to the last (0 for a year without).
    pub per_year: Vec<(u16, usize)>,
}

impl Summary {
    /// Distinct words ÷ words, as a percentage (0 for no words).
    pub fn density(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * self.distinct as f64 / self.words as f64
        }
    }

    /// Mean words per article (0 for none).
    pub fn mean_words(&self) -> f64 {
        if self.articles == 0 {
            0.0
        } else {
            self.words as f64 / self.articles as f64
        }
    }
}

/// The summary of the selection `docs`, from its `counts`.
pub fn summary(index: &Index, docs: &DocSet, counts: &Counts) -> Summary {
    let mut first_last: Option<(usize, usize)> = None;
    let mut longest_shortest: Option<(usize, usize)> = None;
    let mut years: Vec<(u16, usize)> = Vec::new();
    for d in docs.iter() {
        first_last = Some(first_last.map_or((d, d), |(f, _)| (f, d)));
        let len = |d: usize| index.doc(d).len;
        longest_shortest = Some(longest_shortest.map_or((d, d), |(l, s)| {
            (
                if len(d) > len(l) { d } else { l },
                if len(d) < len(s) { d } else { s },
            )
        }));
        let y = index.doc(d).year;
        match years.last_mut() {
            Some((last, n)) if *last == y => *n += 1,
            _ => years.push((y, 1)),
        }
    }
    // Every year of the span, so that a bar chart shows the gaps.
    let per_year = match (years.first(), years.last()) {
        (Some(&(a, _)), Some(&(b, _))) => (a..=b)
            .map(|y| {
                let n = years.iter().find(|(x, _)| *x == y).map_or(0, |&(_, n)| n);
                (y, n)
            })
            .collect(),
        _ => Vec::new(),
    };
    Summary {
        articles: counts.articles,
        words: counts.words,
        distinct: counts.distinct(),
        first_last,
        longest_shortest,
        per_year,
    }
}

/// One entry of a word list: a word (or a stem's forms) with its numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct WordRow {
    /// The word (with forms merged: its most frequent form).
    pub word: String,
    /// With forms merged: the other forms used, alphabetically.
    pub forms: Vec<String>,
    /// Occurrences.
    pub count: usize,
    /// Articles containing it.
    pub articles: usize,
}

/// Term ids grouped as the list shows them: one group per listed word, or
/// per stem with `forms` (its listed forms, the most frequent first), keeping
/// only terms with a count. Flat: group `g` is `terms[starts[g]..starts[g + 1]]`.
struct Groups {
    terms: Vec<u32>,
    starts: Vec<u32>,
}

impl Groups {
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn get(&self, g: usize) -> &[u32] {
        &self.terms[self.starts[g] as usize..self.starts[g + 1] as usize]
    }

    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|g| self.get(g))
    }
}

fn groups(index: &Index, count: &dyn Fn(u32) -> usize, opts: &ListOptions) -> Groups {
    let kinds = index.kinds();
    let stops = index.stop_set(&opts.stop);
    let listed = |t: u32| count(t) > 0 && kinds[t as usize] & LISTED != 0 && !stops.contains(t);
    let mut out = Groups {
        terms: Vec::new(),
        starts: vec![0],
    };
    if !opts.forms {
        for t in (0..index.vocabulary_len() as u32).filter(|&t| listed(t)) {
            out.terms.push(t);
            out.starts.push(out.terms.len() as u32);
        }
        return out;
    }
    for s in 0..index.stem_count() as u32 {
        let from = out.terms.len();
        out.terms
            .extend(index.stem_terms(s).iter().copied().filter(|&t| listed(t)));
        if out.terms.len() > from {
            // Most frequent form first (then alphabetical: ids are sorted words).
            out.terms[from..].sort_by(|&a, &b| count(b).cmp(&count(a)).then(a.cmp(&b)));
            out.starts.push(out.terms.len() as u32);
        }
    }
    out
}

/// The group's name and its other forms, alphabetically.
fn names(index: &Index, g: &[u32]) -> (String, Vec<String>) {
    let mut forms: Vec<String> = g[1..].iter().map(|&t| index.term(t).to_string()).collect();
    forms.sort();
    (index.term(g[0]).to_string(), forms)
}

/// Every listed word of the selection with its count and articles, by count
/// (then word).
pub fn word_rows(index: &Index, counts: &Counts, opts: &ListOptions) -> Vec<WordRow> {
    let count = |t: u32| counts.count[t as usize] as usize;
    let gs = groups(index, &count, opts);
    // Ranked on numbers (a group's first term id orders its name: the
    // vocabulary is sorted); strings are made once, in order.
    // Each group's sort key beside it (by count, then first term): a
    // comparison reads no group (the vocabulary of People's Daily, 46,515
    // words, is sorted at each change of the options).
    let mut ranked: Vec<(std::cmp::Reverse<usize>, u32, usize)> = gs
        .iter()
        .enumerate()
        .map(|(k, g)| {
            (
                std::cmp::Reverse(g.iter().map(|&t| count(t)).sum()),
                g[0],
                k,
            )
        })
        .collect();
    ranked.sort_unstable();
    ranked
        .into_iter()
        .map(|(std::cmp::Reverse(n), _, k)| {
            let g = gs.get(k);
            let (word, forms) = names(index, g);
            WordRow {
                count: n,
                articles: if opts.forms {
                    counts.stem_articles[index.stem_of(g[0]) as usize] as usize
                } else {
                    counts.term_articles[g[0] as usize] as usize
                },
                word,
                forms,
            }
        })
        .collect()
}

/// A word over- or under-represented in a selection against a reference.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyRow {
    /// The word (forms merged as in [`WordRow`]).
    pub word: String,
    /// Other forms.
    pub forms: Vec<String>,
    /// Occurrences in the selection (a).
    pub selection: usize,
    /// Occurrences in the reference (b).
    pub reference: usize,
    /// Per 10,000 words of the selection.
    pub selection_per_10k: f64,
    /// Per 10,000 words of the reference.
    pub reference_per_10k: f64,
    /// Dunning's log-likelihood G² (see [`crate::stats::measures::log_likelihood`]).
    pub g2: f64,
    /// Hardie's log ratio ([`log_ratio`]).
    pub log_ratio: f64,
}

/// The keywords of a selection (`sel`, with counts `sc`) against a reference
/// (`rc`): words with G² at least `min_g2`, over-represented (rate higher in
/// the selection) and under-represented, each by G² (then word).
pub fn keywords(
    index: &Index,
    sc: &Counts,
    rc: &Counts,
    opts: &ListOptions,
    min_g2: f64,
) -> (Vec<KeyRow>, Vec<KeyRow>) {
    let both = |t: u32| (sc.count[t as usize] + rc.count[t as usize]) as usize;
    let (c, d) = (sc.words, rc.words);
    let (mut over, mut under) = (Vec::new(), Vec::new());
    for g in groups(index, &both, opts).iter() {
        let a: usize = g.iter().map(|&t| sc.count[t as usize] as usize).sum();
        let b: usize = g.iter().map(|&t| rc.count[t as usize] as usize).sum();
        let g2 = log_likelihood(a, b, c, d);
        if g2 < min_g2 || c == 0 || d == 0 {
            continue;
        }
        let (ra, rb) = (per_10k(a, c), per_10k(b, d));
        let (word, forms) = names(index, g);
        let row = KeyRow {
            word,
            forms,
            selection: a,
            reference: b,
            selection_per_10k: ra,
            reference_per_10k: rb,
            g2,
            log_ratio: log_ratio(a, b, c, d),
        };
        if ra > rb {
            over.push(row);
        } else if rb > ra {
            under.push(row);
        }
    }
    let by_g2 = |x: &KeyRow, y: &KeyRow| y.g2.total_cmp(&x.g2).then_with(|| x.word.cmp(&y.word));
    over.sort_by(by_g2);
    under.sort_by(by_g2);
    (over, under)
}

/// A frequent phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseRow {
    /// Its words, normalised, joined by spaces.
    pub phrase: String,
    /// Occurrences.
    pub count: usize,
    /// Articles containing it.
    pub articles: usize,
}

/// The longest phrase [`phrases`] counts.
pub const MAX_PHRASE: usize = 5;

/// [`phrases`] in steps.
pub struct PhraseJob<I> {
    index: I,
    docs: Vec<usize>,
    at: usize,
    len: usize,
    min_count: usize,
    stop: StopSet,
    /// Key: the ids, padded; value: count, articles, last article seen (+1).
    grams: FxHashMap<[u32; MAX_PHRASE], (u32, u32, u32)>,
}

impl<I: Deref<Target = Index>> PhraseJob<I> {
    /// Phrases of `len` words in `docs` (see [`phrases`]).
    pub fn new(
        index: I,
        docs: &DocSet,
        len: usize,
        min_count: usize,
        stop_edges: &StopChoice,
    ) -> Self {
        let stop = index.stop_set(stop_edges);
        PhraseJob {
            index,
            docs: docs.iter().collect(),
            at: 0,
            len: len.clamp(2, MAX_PHRASE),
            min_count: min_count.max(1),
            stop,
            grams: FxHashMap::default(),
        }
    }
}

impl<I: Deref<Target = Index>> Steps for PhraseJob<I> {
    type Output = Vec<PhraseRow>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        let (index, len) = (&*self.index, self.len);
        // An article's ids as a slice (for its windows), one buffer for all.
        let mut ids = Vec::new();
        while self.at < self.docs.len() {
            let d = self.docs[self.at];
            self.at += 1;
            index.words_of(d).write_to(&mut ids);
            let is_stop = |t: u32| self.stop.contains(t);
            for r in clauses(index.doc(d)) {
                for w in ids[r].windows(len) {
                    if is_stop(w[0]) || is_stop(w[len - 1]) {
                        continue;
                    }
                    let mut key = [u32::MAX; MAX_PHRASE];
                    key[..len].copy_from_slice(w);
                    let e = self.grams.entry(key).or_insert((0, 0, 0));
                    e.0 += 1;
                    if e.2 != d as u32 + 1 {
                        e.2 = d as u32 + 1;
                        e.1 += 1;
                    }
                }
            }
            if !more() {
                break;
            }
        }
        self.at == self.docs.len()
    }

    fn finish(self) -> Vec<PhraseRow> {
        let (index, len) = (&*self.index, self.len);
        let mut out: Vec<PhraseRow> = self
            .grams
            .into_iter()
            .filter(|(_, (n, _, _))| *n as usize >= self.min_count)
            .map(|(k, (n, a, _))| PhraseRow {
                phrase: k[..len]
                    .iter()
                    .map(|&t| index.term(t))
                    .collect::<Vec<_>>()
                    .join(" "),
                count: n as usize,
                articles: a as usize,
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.phrase.cmp(&b.phrase)));
        out
    }
}

/// The phrases of `len` words (2 to [`MAX_PHRASE`]) found at least
/// `min_count` times in the articles of `docs`, never across a title,
/// heading or paragraph boundary, nor across a sentence or clause mark
/// ([`crate::text::tokenize::ends_clause`]: "However, WeChat" holds no
/// phrase); none starting or ending with a word `stop_edges` leaves out.
/// By count, then phrase.
pub fn phrases(
    index: &Index,
    docs: &DocSet,
    len: usize,
    min_count: usize,
    stop_edges: &StopChoice,
) -> Vec<PhraseRow> {
    PhraseJob::new(index, docs, len, min_count, stop_edges).run()
}

/// A word whose rate changes across the selection's periods (years,
/// quarters, months, weeks or days: the grain).
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    /// The word (forms merged as in [`WordRow`]).
    pub word: String,
    /// Other forms.
    pub forms: Vec<String>,
    /// Occurrences in the selection.
    pub count: usize,
    /// The weighted least-squares slope of its rate, per 10,000 words per
    /// period of the grain.
    pub slope: f64,
    /// The fitted line's rate (per 10,000 words) at the first and at the
    /// last period with words: what the slope says, where the first and last
    /// periods' own rates may say the opposite (each weighs by its words).
    pub fitted: (f64, f64),
    /// The periods with words in which it occurs.
    pub periods_with: usize,
    /// Its rate (per 10,000 words) in each period of
    /// [`RisingFalling::periods`] (`None`: no words then).
    pub rates: Vec<Option<f64>>,
}

/// Rising and falling words of a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct RisingFalling {
    /// Every period (of the grain) from the first to the last of the selection.
    pub periods: Vec<Period>,
    /// The words of each of [`RisingFalling::periods`] (0: no article): each
    /// period's weight in the fit. The periods with words are the fit's points.
    pub period_words: Vec<usize>,
    /// Articles of the selection dated less precisely than the grain: in
    /// no period, not fitted.
    pub left_out: usize,
    /// The steepest rising slopes first.
    pub rising: Vec<TrendRow>,
    /// The steepest falling slopes first.
    pub falling: Vec<TrendRow>,
}

/// Fewer periods with words than this, and a trend means nothing: [`rising_falling`] says so.
pub const MIN_TREND_PERIODS: usize = 3;
/// Words seen fewer times than this in the selection are not trended.
pub const MIN_TREND_COUNT: usize = 10;

/// [`rising_falling`] in steps.
pub struct TrendJob<I> {
    index: I,
    docs: Vec<usize>,
    at: usize,
    opts: ListOptions,
    min_count: usize,
    k: usize,
    /// The selection's counts (for which words are trended).
    totals: Vec<u32>,
    /// Term ids trended.
    wanted: Vec<bool>,
    /// The grain of the periods.
    grain: Grain,
    /// Articles in no period of the grain.
    left_out: usize,
    /// Each period of the selection (ascending, by number) and its words.
    year_words: Vec<(i64, usize)>,
    /// The current year's count of each term, and the terms it touched.
    this_year: Vec<u32>,
    touched: Vec<u32>,
    /// (term, year's place in `year_words`, count), year by year.
    triples: Vec<(u32, u32, u32)>,
    /// Once every article is read: the fitting, or too few years.
    fitting: Option<Result<Fitting, usize>>,
}

impl<I: Deref<Target = Index>> TrendJob<I> {
    /// Trends of the selection `docs` with its `counts` (see [`rising_falling`]).
    pub fn new(
        index: I,
        docs: &DocSet,
        counts: &Counts,
        opts: ListOptions,
        min_count: usize,
        k: usize,
        grain: Grain,
    ) -> Self {
        let count = |t: u32| counts.count[t as usize] as usize;
        let mut wanted = vec![false; index.vocabulary_len()];
        for g in groups(&index, &count, &opts).iter() {
            if g.iter().map(|&t| count(t)).sum::<usize>() >= min_count.max(1) {
                for &t in g {
                    wanted[t as usize] = true;
                }
            }
        }
        let v = index.vocabulary_len();
        TrendJob {
            index,
            docs: docs.iter().collect(),
            at: 0,
            opts,
            min_count: min_count.max(1),
            k,
            totals: counts.count.clone(),
            wanted,
            grain,
            left_out: 0,
            year_words: Vec::new(),
            this_year: vec![0; v],
            touched: Vec::new(),
            triples: Vec::new(),
            fitting: None,
        }
    }

    /// Closes the current year: its counts become triples.
    fn flush(&mut self) {
        let y = self.year_words.len().saturating_sub(1) as u32;
        for &t in &self.touched {
            self.triples.push((t, y, self.this_year[t as usize]));
            self.this_year[t as usize] = 0;
        }
        self.touched.clear();
    }
}

/// The second half of a [`TrendJob`]: each trended word's yearly counts
/// (flat, by term), fitted group by group.
struct Fitting {
    with_words: Vec<usize>,
    /// Term `t`'s (year's place, count) pairs are `by_term[start[t]..start[t + 1]]`.
    start: Vec<usize>,
    by_term: Vec<(u32, u32)>,
    groups: Groups,
    next: usize,
    /// Each fitted group's row (its `rates` left empty: made for the rows
    /// kept only, in `finish`), with the group's place in `groups`.
    rows: Vec<(TrendRow, usize)>,
}

impl Fitting {
    /// Group `g`'s count in each period with words (by place in `with_words`'s periods).
    fn counts(&self, g: usize, by_year: &mut [u32]) {
        by_year.iter_mut().for_each(|n| *n = 0);
        for &t in self.groups.get(g) {
            for &(y, n) in &self.by_term[self.start[t as usize]..self.start[t as usize + 1]] {
                by_year[y as usize] += n;
            }
        }
    }
}

impl<I: Deref<Target = Index>> TrendJob<I> {
    /// Once every article is read: the yearly counts by term (a counting
    /// sort of the triples), ready to fit; `Err` with too few years.
    fn prepare(&mut self) -> Result<Fitting, usize> {
        self.flush();
        let year_words = &self.year_words;
        let with_words: Vec<usize> = (0..year_words.len())
            .filter(|&i| year_words[i].1 > 0)
            .collect();
        if with_words.len() < MIN_TREND_PERIODS {
            return Err(with_words.len());
        }
        let v = self.index.vocabulary_len();
        let mut start = vec![0usize; v + 1];
        for &(t, _, _) in &self.triples {
            start[t as usize + 1] += 1;
        }
        for i in 0..v {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut by_term = vec![(0u32, 0u32); self.triples.len()];
        for &(t, y, n) in &self.triples {
            by_term[fill[t as usize]] = (y, n);
            fill[t as usize] += 1;
        }
        self.triples = Vec::new();
        let totals = &self.totals;
        let groups = groups(
            &self.index,
            &|t: u32| totals[t as usize] as usize,
            &self.opts,
        );
        Ok(Fitting {
            with_words,
            start,
            by_term,
            groups,
            next: 0,
            rows: Vec::new(),
        })
    }

    /// Fits groups while `more()` says so; true when every group is fitted.
    fn fit(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        let index = &*self.index;
        let (year_words, totals) = (&self.year_words, &self.totals);
        let Some(Ok(f)) = self.fitting.as_mut() else {
            return true;
        };
        let mut by_year = vec![0u32; year_words.len()];
        while f.next < f.groups.len() {
            let at = f.next;
            let g = f.groups.get(at);
            f.next += 1;
            let total: usize = g.iter().map(|&t| totals[t as usize] as usize).sum();
            if total >= self.min_count {
                f.counts(at, &mut by_year);
                let g = f.groups.get(at);
                let points: Vec<(f64, f64, f64)> = f
                    .with_words
                    .iter()
                    .map(|&i| {
                        let (y, w) = year_words[i];
                        (y as f64, per_10k(by_year[i] as usize, w), w as f64)
                    })
                    .collect();
                let fit = Fit::of(&points);
                let (x0, x1) = (points[0].0, points[points.len() - 1].0);
                let periods_with = f.with_words.iter().filter(|&&i| by_year[i] > 0).count();
                let (word, forms) = names(index, g);
                // A rate per period only for the rows kept (`finish`): a
                // vector of the span for every word of a fine grain over
                // years would not fit in memory.
                f.rows.push((
                    TrendRow {
                        word,
                        forms,
                        count: total,
                        slope: fit.slope,
                        fitted: (fit.at(x0), fit.at(x1)),
                        periods_with,
                        rates: Vec::new(),
                    },
                    at,
                ));
            }
            // Asked every 64 groups: a group is quick, a clock is not free.
            if f.next % 64 == 0 && !more() {
                break;
            }
        }
        f.next == f.groups.len()
    }
}

/// The first `k` of `list` in the order `cmp` (a total order), sorted:
/// what sorting it all and keeping `k` gives, without sorting the rest.
fn first_k<T>(mut list: Vec<T>, k: usize, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    if k == 0 {
        return Vec::new();
    }
    if list.len() > k {
        list.select_nth_unstable_by(k - 1, &cmp);
        list.truncate(k);
    }
    list.sort_by(cmp);
    list
}

impl<I: Deref<Target = Index>> Steps for TrendJob<I> {
    type Output = Result<RisingFalling, usize>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        while self.at < self.docs.len() {
            let d = self.docs[self.at];
            self.at += 1;
            // Dated less precisely than the grain: in no period.
            let Some(p) = self.grain.period(self.index.doc(d).date) else {
                self.left_out += 1;
                continue;
            };
            let y = p.n;
            if self.year_words.last().is_none_or(|&(last, _)| last != y) {
                self.flush();
                self.year_words.push((y, 0));
            }
            let mut n = 0;
            let (wanted, this_year, touched) =
                (&self.wanted, &mut self.this_year, &mut self.touched);
            self.index.words_of(d).for_each_word(|w| {
                n += 1;
                let t = w as usize;
                if wanted[t] {
                    if this_year[t] == 0 {
                        touched.push(w);
                    }
                    this_year[t] += 1;
                }
            });
            if let Some(last) = self.year_words.last_mut() {
                last.1 += n;
            }
            if !more() {
                return false;
            }
        }
        if self.fitting.is_none() {
            self.fitting = Some(self.prepare());
            if !more() {
                return false;
            }
        }
        self.fit(more)
    }

    fn finish(mut self) -> Result<RisingFalling, usize> {
        while !self.step(&mut || true) {}
        let mut f = self.fitting.take().unwrap_or(Err(0))?;
        let year_words = &self.year_words;
        let (first, last) = (year_words[0].0, year_words[year_words.len() - 1].0);
        let grain = self.grain;
        let periods: Vec<Period> = (first..=last).map(|n| Period { grain, n }).collect();
        let mut words_by_year = vec![0; periods.len()];
        for &(y, w) in year_words {
            words_by_year[(y - first) as usize] += w;
        }
        // Moved, not copied, into the two lists; each list's first k found
        // before they are sorted (every word is fitted: thousands of rows).
        // (A slope of 0, or none, is in neither.)
        let (rising, falling): (Vec<_>, Vec<_>) = std::mem::take(&mut f.rows)
            .into_iter()
            .filter(|r| r.0.slope.abs() > 0.0)
            .partition(|r| r.0.slope > 0.0);
        let rising = first_k(rising, self.k, |(a, _), (b, _)| {
            b.slope
                .total_cmp(&a.slope)
                .then_with(|| a.word.cmp(&b.word))
        });
        let falling = first_k(falling, self.k, |(a, _), (b, _)| {
            a.slope
                .total_cmp(&b.slope)
                .then_with(|| a.word.cmp(&b.word))
        });
        // The rows kept: each rate per period of the span.
        let mut by_year = vec![0u32; year_words.len()];
        let mut rated = |list: Vec<(TrendRow, usize)>| -> Vec<TrendRow> {
            list.into_iter()
                .map(|(mut r, g)| {
                    f.counts(g, &mut by_year);
                    let mut rates = vec![None; periods.len()];
                    for &i in &f.with_words {
                        let (y, w) = year_words[i];
                        rates[(y - first) as usize] = Some(per_10k(by_year[i] as usize, w));
                    }
                    r.rates = rates;
                    r
                })
                .collect()
        };
        let (rising, falling) = (rated(rising), rated(falling));
        Ok(RisingFalling {
            periods,
            period_words: words_by_year,
            left_out: self.left_out,
            rising,
            falling,
        })
    }
}

/// For each listed word seen at least `min_count` times in the selection
/// `docs`, the slope of the least-squares line through its rates (per
/// 10,000 words) per period of `grain`, each period weighted by its words:
/// slope = Σ wₚ (p − p̄)(rₚ − r̄) / Σ wₚ (p − p̄)², with p the period's
/// number (consecutive periods are one apart: the slope is per period),
/// p̄ and r̄ the weighted means, over the periods with words. Articles dated
/// less precisely than the grain are in no period ([`RisingFalling::left_out`]).
/// `Err(periods with words)` when there are fewer than
/// [`MIN_TREND_PERIODS`]. Each list holds up to `k`.
pub fn rising_falling(
    index: &Index,
    docs: &DocSet,
    counts: &Counts,
    opts: ListOptions,
    min_count: usize,
    k: usize,
    grain: Grain,
) -> Result<RisingFalling, usize> {
    TrendJob::new(index, docs, counts, opts, min_count, k, grain).run()
}

/// A weighted least-squares line: it passes through the weighted means
/// (x̄, ȳ) with slope Σ w (x − x̄)(y − ȳ) / Σ w (x − x̄)², taken as 0 where
/// it changes y by less than a billionth of the largest |y| over the range
/// of x (floating-point rounding, not a trend).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// The slope (0 when undefined: no weight, or one x).
    pub slope: f64,
    /// The weighted mean of x.
    pub mean_x: f64,
    /// The weighted mean of y.
    pub mean_y: f64,
}

impl Fit {
    /// The line through (x, y, weight) points.
    pub fn of(points: &[(f64, f64, f64)]) -> Fit {
        let sw: f64 = points.iter().map(|p| p.2).sum();
        if sw == 0.0 {
            return Fit {
                slope: 0.0,
                mean_x: 0.0,
                mean_y: 0.0,
            };
        }
        let mean_x = points.iter().map(|p| p.2 * p.0).sum::<f64>() / sw;
        let mean_y = points.iter().map(|p| p.2 * p.1).sum::<f64>() / sw;
        let sxy: f64 = points
            .iter()
            .map(|p| p.2 * (p.0 - mean_x) * (p.1 - mean_y))
            .sum();
        let sxx: f64 = points.iter().map(|p| p.2 * (p.0 - mean_x).powi(2)).sum();
        let slope = if sxx == 0.0 { 0.0 } else { sxy / sxx };
        // A change over the whole range below a billionth of the values is
        // rounding (a flat rate gives ±1e-14, not 0): it is no trend.
        let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.0), hi.max(p.0))
        });
        let size = points.iter().map(|p| p.1.abs()).fold(0.0, f64::max);
        let slope = if (slope * (hi - lo)).abs() <= 1e-9 * size {
            0.0
        } else {
            slope
        };
        Fit {
            slope,
            mean_x,
            mean_y,
        }
    }

    /// The line's y at `x`.
    pub fn at(&self, x: f64) -> f64 {
        self.mean_y + self.slope * (x - self.mean_x)
    }
}

/// The weighted least-squares slope through (x, y, weight) points (0 when undefined).
pub fn weighted_slope(points: &[(f64, f64, f64)]) -> f64 {
    Fit::of(points).slope
}

// The exports: each table as the page lists it, with what it was made
// from in columns of their own, so a reader can recompute every figure
// from the file and docs/statistics.md.

/// The columns every word list's export states: how words are counted.
fn counted_as(t: Table, opts: &ListOptions, from: &Provenance) -> Table {
    t.about("Word forms", if opts.forms { "Merged" } else { "Apart" })
        .about("Stop words", from.stop_rule(&opts.stop))
}

/// "Word frequencies" as a table: `rows` as listed, in a selection of `words` words.
pub fn frequency_table<'r>(
    rows: impl IntoIterator<Item = &'r WordRow>,
    words: usize,
    opts: &ListOptions,
    filter: &str,
    from: &Provenance,
) -> Table {
    let mut t = Table::new([
        "Word",
        "Other forms",
        "Count",
        "Per 10,000 words",
        "Articles",
    ]);
    for r in rows {
        t.push(vec![
            (&r.word).into(),
            r.forms.join(" ").into(),
            r.count.into(),
            Cell::num(per_10k(r.count, words), 2),
            r.articles.into(),
        ]);
    }
    let t = counted_as(t.about("Words in selection", words), opts, from).about("Filter", filter);
    from.stamp(t)
}

/// What keywords were measured against, for their export.
#[derive(Clone, Debug, PartialEq)]
pub struct KeynessSettings {
    /// The reference as a reader reads it ("Rest of the corpus", "Search: wechat").
    pub reference: String,
    /// Words in the selection (c).
    pub selection_words: usize,
    /// Words in the reference (d).
    pub reference_words: usize,
    /// The level every listed word reaches.
    pub significance: Significance,
    /// How words are counted.
    pub opts: ListOptions,
}

/// "Keywords of the selection" as a table: the over-represented words, then the under-represented.
pub fn keyword_table(
    over: &[KeyRow],
    under: &[KeyRow],
    k: &KeynessSettings,
    from: &Provenance,
) -> Table {
    let mut t = Table::new([
        "Represented",
        "Word",
        "Other forms",
        "Selection",
        "Reference",
        "Selection per 10,000",
        "Reference per 10,000",
        "G²",
        "Log ratio",
    ]);
    for (side, r) in over
        .iter()
        .map(|r| ("over", r))
        .chain(under.iter().map(|r| ("under", r)))
    {
        t.push(vec![
            side.into(),
            (&r.word).into(),
            r.forms.join(" ").into(),
            r.selection.into(),
            r.reference.into(),
            Cell::num(r.selection_per_10k, 4),
            Cell::num(r.reference_per_10k, 4),
            Cell::num(r.g2, 4),
            Cell::num(r.log_ratio, 4),
        ]);
    }
    let t = t
        .about("Compared with", k.reference.as_str())
        .about("Selection words", k.selection_words)
        .about("Reference words", k.reference_words)
        .about("Significance", k.significance.label)
        .about("Least G²", Cell::num(k.significance.min_g2, 2));
    from.stamp(counted_as(t, &k.opts, from))
}

/// "Frequent phrases" as a table: phrases of `len` words seen at least `min_count` times.
pub fn phrase_table(
    rows: &[PhraseRow],
    len: usize,
    min_count: usize,
    stop_edges: &StopChoice,
    from: &Provenance,
) -> Table {
    let mut t = Table::new(["Phrase", "Count", "Articles"]);
    for r in rows {
        t.push(vec![(&r.phrase).into(), r.count.into(), r.articles.into()]);
    }
    let edges = match from.stop_rule(stop_edges) {
        kept if !stop_edges.on => kept,
        rule => format!("No phrase starts or ends with one. {rule}"),
    };
    from.stamp(
        t.about("Phrase length", len)
            .about("At least", min_count)
            .about("Stop words", edges),
    )
}

/// "Rising and falling words" as a table: each word's slope and its rate in every period.
pub fn rising_falling_table(rf: &RisingFalling, opts: &ListOptions, from: &Provenance) -> Table {
    let grain = rf.periods.first().map_or(Grain::Year, |p| p.grain);
    let unit = grain.name().to_lowercase();
    let header = [
        "Direction".to_string(),
        "Word".into(),
        "Other forms".into(),
        format!("Slope per {unit}"),
        format!("Fitted, first {unit}"),
        format!("Fitted, last {unit}"),
        format!("{}s with the word", grain.name()),
        "Count".into(),
    ]
    .into_iter()
    .chain(rf.periods.iter().map(|p| p.label()));
    let mut t = Table::new(header);
    let sides = rf.rising.iter().map(|r| ("rising", r));
    for (side, r) in sides.chain(rf.falling.iter().map(|r| ("falling", r))) {
        let mut row = vec![
            side.into(),
            (&r.word).into(),
            r.forms.join(" ").into(),
            Cell::num(r.slope, 6),
            Cell::num(r.fitted.0, 4),
            Cell::num(r.fitted.1, 4),
            r.periods_with.into(),
            r.count.into(),
        ];
        row.extend(
            r.rates
                .iter()
                .map(|v| v.map_or(Cell::Empty, |v| Cell::num(v, 4))),
        );
        t.push(row);
    }
    let with_words = rf.period_words.iter().filter(|&&w| w > 0).count();
    let t = t
        .about("Rate", "Per 10,000 words")
        .about("Grain", grain.name())
        .about("Periods fitted", with_words)
        .about("Weights", format!("Each {unit} by its words"))
        .about("At least", MIN_TREND_COUNT);
    from.stamp(counted_as(t, opts, from))
}

/// The counts of the articles `docs` from `lists` that count exactly them
/// ([`crate::shard::lists::ListTable::covering`]), in `vocabulary`'s word ids
/// ([`crate::index::partial::Facts::vocabulary`]): the same [`Counts`] as counting the articles'
/// words in the whole index.
pub fn list_counts(
    vocabulary: &Index,
    lists: &[&crate::shard::lists::WordList],
    docs: &DocSet,
) -> Counts {
    let v = vocabulary.vocabulary_len();
    let mut c = Counts {
        words: 0,
        articles: docs.len(),
        count: vec![0; v],
        term_articles: vec![0; v],
        stem_articles: vec![0; vocabulary.stem_count()],
    };
    // Per stem with two forms or more, by its first form.
    let mut grouped: FxHashMap<u32, u32> = FxHashMap::default();
    for list in lists {
        for &(t, count, docs) in &list.words {
            if let Some(n) = c.count.get_mut(t as usize) {
                *n = n.saturating_add(u32::try_from(count).unwrap_or(u32::MAX));
                let a = &mut c.term_articles[t as usize];
                *a = a.saturating_add(docs);
                c.words = c.words.saturating_add(count as usize);
            }
        }
        for &(first, docs) in &list.groups {
            let g = grouped.entry(first).or_default();
            *g = g.saturating_add(docs);
        }
    }
    for s in 0..vocabulary.stem_count() as u32 {
        let forms = vocabulary.stem_terms(s);
        c.stem_articles[s as usize] = match forms {
            [one] => c.term_articles[*one as usize],
            _ => grouped.get(&forms[0]).copied().unwrap_or(0),
        };
    }
    c
}

/// The counts of the articles `docs` from the word lists read for them
/// (`lists`, [`crate::shard::ShardReader::word_lists`] of the lists that
/// count exactly them) and of the whole corpus ([`list_counts`]).
pub fn counts_of_lists(lists: &crate::shard::reader::Lists, docs: &DocSet) -> (Counts, Counts) {
    let chosen: Vec<&crate::shard::lists::WordList> = lists.chosen.iter().map(|l| &**l).collect();
    let n = lists.vocabulary.doc_count();
    (
        list_counts(&lists.vocabulary, &chosen, docs),
        list_counts(&lists.vocabulary, &[&lists.corpus], &DocSet::full(n)),
    )
}

#[cfg(test)]
mod tests {
    use super::first_k;

    proptest::proptest! {
        /// The first k of a list are those of sorting it all and keeping k.
        #[test]
        fn first_k_is_sorting_all_and_keeping_k(list in proptest::collection::vec((-5i32..5, 0u8..20), 0..60), k in 0usize..70) {
            let cmp = |a: &(i32, u8), b: &(i32, u8)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
            let mut all = list.clone();
            all.sort_by(cmp);
            all.truncate(k);
            proptest::prop_assert_eq!(first_k(list, k, cmp), all);
        }
    }
}
