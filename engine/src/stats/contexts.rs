//! The Contexts view's questions (issue #15, engine first): every match of
//! the node in a selection as a concordance line, its sort orders, where the
//! matches fall in each article, and the node's collocates with their
//! association measures.
//!
//! The node is the text part of a query (its words, phrases and prefixes;
//! `-` clauses are not nodes): its occurrences are the query's match spans
//! ([`crate::index::Index::match_spans`]) in the selected articles.
//! Positions are the index's ([`crate::index::Index::words_of`]).

use std::ops::Deref;
use std::sync::Arc;

use crate::index::docset::DocSet;
use crate::index::layout::{stretches, Edge, KwicLine, Layout};
use crate::index::{Index, StopSet, WordIds};
use crate::out::csv::{Cell, Table};
use crate::search::Matches;
use crate::stats::measures::{association, per_10k};
use crate::stats::words::{CountJob, Counts};
use crate::stats::Provenance;
use crate::steps::{Steps, ASK_EVERY_WORDS};
use crate::text::lexicon::{StopChoice, BREAK};

/// One occurrence of the node: the article, its first word and its length in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occurrence {
    /// The article (corpus order is date order).
    pub doc: u32,
    /// First word position.
    pub start: u32,
    /// Words covered.
    pub width: u32,
}

/// Every occurrence of the node in the articles of `docs`, in date order,
/// then position: each match once.
pub fn occurrences(index: &Index, m: &Matches, docs: &DocSet) -> Vec<Occurrence> {
    OccurrenceJob::new(index, m.clone(), docs).run()
}

/// [`occurrences`] in steps, an article at a time. `I` holds the index:
/// a reference, or an `Arc` a page shares with the job.
pub struct OccurrenceJob<I> {
    index: I,
    matches: Matches,
    docs: Vec<usize>,
    at: usize,
    out: Vec<Occurrence>,
}

impl<I: Deref<Target = Index>> OccurrenceJob<I> {
    /// The occurrences of `m`'s terms in the articles of `docs`.
    pub fn new(index: I, m: Matches, docs: &DocSet) -> Self {
        OccurrenceJob {
            index,
            matches: m,
            docs: docs.iter().collect(),
            at: 0,
            out: Vec::new(),
        }
    }
}

impl<I: Deref<Target = Index>> Steps for OccurrenceJob<I> {
    type Output = Vec<Occurrence>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        let mut since = 0;
        while self.at < self.docs.len() {
            let d = self.docs[self.at];
            self.at += 1;
            since += self.index.words_of(d).len();
            let mut spans = self.index.match_spans(&self.matches, d);
            // Already in order, each start once, unless terms of several widths met.
            if !spans.windows(2).all(|w| w[0].0 < w[1].0) {
                spans.sort_unstable();
                spans.dedup_by_key(|s| s.0);
            }
            self.out
                .extend(spans.into_iter().map(|(start, width)| Occurrence {
                    doc: d as u32,
                    start,
                    width,
                }));
            if since >= ASK_EVERY_WORDS {
                since = 0;
                if !more() {
                    break;
                }
            }
        }
        self.at == self.docs.len()
    }

    fn finish(self) -> Vec<Occurrence> {
        self.out
    }
}

/// An occurrence's number among its article's in `lines` (all of a
/// selection's occurrences, in date order): what `match=` opens.
pub fn number_in_article(lines: &[Occurrence], o: &Occurrence) -> usize {
    let first = lines.partition_point(|x| x.doc < o.doc);
    lines[first..].partition_point(|x| x.doc == o.doc && x.start < o.start)
}

/// A concordance sort key: the article (date, then position), the match
/// itself, or the word at a place left (`Left(1)` is 1L) or right of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Date, then position (the default order).
    Article,
    /// The match's words.
    Match,
    /// The word `n` places left of the match (1 to 5).
    Left(u8),
    /// The word `n` places right of the match (1 to 5).
    Right(u8),
}

/// The word `n` places left (`left`) or right of an occurrence, skipping the
/// title/body break, as a term id (`None` past the article's edge).
fn word_at(index: &Index, o: &Occurrence, left: bool, n: u8) -> Option<u32> {
    let ids = index.words_of(o.doc as usize);
    let mut at = if left {
        o.start as i64
    } else {
        (o.start + o.width) as i64 - 1
    };
    let mut left_to_go = n;
    while left_to_go > 0 {
        at += if left { -1 } else { 1 };
        let w = ids.get(usize::try_from(at).ok()?)?;
        if w != BREAK {
            left_to_go -= 1;
        }
    }
    ids.get(at as usize)
}

/// Sorts the occurrences by up to three keys in turn (words compare by
/// their normalised form: term ids, since the vocabulary is sorted; a word
/// past the article's edge sorts first); ties keep date order (`lines`
/// come in date order). Each line's keys are worked out once, then compared
/// as numbers.
pub fn sort(index: &Index, lines: &mut [Occurrence], keys: &[SortKey]) {
    let sorted = SortJob::new(index, lines.to_vec(), keys, None).run();
    lines.copy_from_slice(&sorted);
}

/// Lines a word's presence in their window narrows to (see [`near`]): the
/// word and the window, left and right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Near {
    /// The word's term id.
    pub term: u32,
    /// Words before the match.
    pub left: usize,
    /// Words after the match.
    pub right: usize,
}

/// Lines per check of the clock while keys are made or lines filtered.
const LINE_CHUNK: usize = 2048;
/// Lines sorted at once before the sorted runs are merged.
const RUN: usize = 4096;

/// Where a [`SortJob`] is.
enum SortPhase {
    /// Keeping the lines with the [`Near`] word in their window, from here.
    Near(usize),
    /// Making the sort keys, from this line.
    Keys(usize),
    /// Sorting runs of [`RUN`] lines, from this one.
    Runs(usize),
    /// Merging sorted runs of this width, from this line.
    Merge(usize, usize),
    Done,
}

/// [`near`] then [`sort`], in steps: the keys of a few thousand lines, one
/// run of lines sorted, or two runs merged at a time (a stable merge sort,
/// so ties keep the lines' date order).
pub struct SortJob<I> {
    index: I,
    lines: Vec<Occurrence>,
    keys: Vec<SortKey>,
    near: Option<Near>,
    kept: Vec<Occurrence>,
    /// Numbers per line: each key's, a match as its words then 0, padded with 0.
    stride: usize,
    /// The numbers of a match key: the widest match's words and the 0.
    match_width: usize,
    flat: Vec<u64>,
    /// Line numbers in their order so far, and the merge's buffer.
    order: Vec<u32>,
    buffer: Vec<u32>,
    run: usize,
    phase: SortPhase,
}

impl<I: Deref<Target = Index>> SortJob<I> {
    /// `lines` (in date order), narrowed to those with `near`'s word in
    /// their window, sorted by `keys` (up to three; after
    /// [`SortKey::Article`] none counts).
    pub fn new(index: I, lines: Vec<Occurrence>, keys: &[SortKey], near: Option<Near>) -> Self {
        let mut ks: Vec<SortKey> = Vec::new();
        for &k in keys.iter().take(3) {
            if k == SortKey::Article {
                break;
            }
            ks.push(k);
        }
        let match_width = lines.iter().map(|o| o.width as usize).max().unwrap_or(0) + 1;
        let stride = ks
            .iter()
            .map(|k| if *k == SortKey::Match { match_width } else { 1 })
            .sum();
        SortJob {
            index,
            lines,
            keys: ks,
            near,
            kept: Vec::new(),
            stride,
            match_width,
            flat: Vec::new(),
            order: Vec::new(),
            buffer: Vec::new(),
            run: RUN,
            phase: if near.is_some() {
                SortPhase::Near(0)
            } else {
                SortPhase::Keys(0)
            },
        }
    }

    /// Sorts runs of `run` lines before merging them (tests make them short
    /// to exercise the merges).
    #[doc(hidden)]
    pub fn run_size(mut self, run: usize) -> Self {
        self.run = run.max(1);
        self
    }

    /// The keys of lines `from..to` into `flat`.
    fn make_keys(&mut self, from: usize, to: usize) {
        let index = &*self.index;
        // A word as a sortable number: 0 for none, else its id + 1.
        let word = |w: Option<u32>| w.map_or(0, |t| t as u64 + 1);
        for o in &self.lines[from..to] {
            let at = self.flat.len();
            for key in &self.keys {
                match *key {
                    SortKey::Article => {}
                    SortKey::Match => {
                        let ids = (index.words_of(o.doc as usize))
                            .slice(o.start as usize..(o.start + o.width) as usize);
                        // Words in turn, then a 0 that ends the match (a shorter match first).
                        let before = self.flat.len();
                        self.flat
                            .extend(ids.iter().filter(|&w| w != BREAK).map(|w| w as u64 + 1));
                        let used = self.flat.len() - before;
                        self.flat
                            .extend(std::iter::repeat_n(0, self.match_width - used));
                    }
                    SortKey::Left(n) => self.flat.push(word(word_at(index, o, true, n))),
                    SortKey::Right(n) => self.flat.push(word(word_at(index, o, false, n))),
                }
            }
            debug_assert_eq!(self.flat.len() - at, self.stride);
        }
    }

    fn key(&self, line: u32) -> &[u64] {
        let at = line as usize * self.stride;
        &self.flat[at..at + self.stride]
    }
}

impl<I: Deref<Target = Index>> Steps for SortJob<I> {
    type Output = Vec<Occurrence>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            match self.phase {
                SortPhase::Near(from) => {
                    let nr = self.near.expect("a near phase has its word");
                    let to = (from + LINE_CHUNK).min(self.lines.len());
                    self.kept.extend(
                        each_window(&self.index, &self.lines[from..to], nr.left, nr.right)
                            .filter(|(_, ids, l, r)| {
                                let has = |w: std::ops::Range<usize>| {
                                    ids.slice(w).iter().any(|t| t == nr.term)
                                };
                                has(l.clone()) || has(r.clone())
                            })
                            .map(|(o, ..)| *o),
                    );
                    if to == self.lines.len() {
                        self.lines = std::mem::take(&mut self.kept);
                        self.phase = SortPhase::Keys(0);
                    } else {
                        self.phase = SortPhase::Near(to);
                    }
                }
                SortPhase::Keys(from) => {
                    if self.keys.is_empty() {
                        self.phase = SortPhase::Done;
                        continue;
                    }
                    let to = (from + LINE_CHUNK).min(self.lines.len());
                    self.make_keys(from, to);
                    if to == self.lines.len() {
                        self.order = (0..self.lines.len() as u32).collect();
                        self.phase = SortPhase::Runs(0);
                    } else {
                        self.phase = SortPhase::Keys(to);
                    }
                }
                SortPhase::Runs(from) => {
                    let to = (from + self.run).min(self.order.len());
                    let mut run = std::mem::take(&mut self.order);
                    run[from..to].sort_by(|&a, &b| self.key(a).cmp(self.key(b)));
                    self.order = run;
                    self.phase = if to == self.order.len() {
                        SortPhase::Merge(self.run, 0)
                    } else {
                        SortPhase::Runs(to)
                    };
                }
                SortPhase::Merge(width, from) => {
                    let n = self.order.len();
                    if width >= n {
                        self.phase = SortPhase::Done;
                        continue;
                    }
                    if from == 0 {
                        self.buffer.clear();
                    }
                    let mid = (from + width).min(n);
                    let to = (from + 2 * width).min(n);
                    let (mut i, mut j) = (from, mid);
                    let mut out = std::mem::take(&mut self.buffer);
                    while i < mid && j < to {
                        // Stable: on a tie the left run's line first.
                        if self.key(self.order[j]) < self.key(self.order[i]) {
                            out.push(self.order[j]);
                            j += 1;
                        } else {
                            out.push(self.order[i]);
                            i += 1;
                        }
                    }
                    out.extend_from_slice(&self.order[i..mid]);
                    out.extend_from_slice(&self.order[j..to]);
                    self.buffer = out;
                    self.phase = if to == n {
                        std::mem::swap(&mut self.order, &mut self.buffer);
                        SortPhase::Merge(width * 2, 0)
                    } else {
                        SortPhase::Merge(width, to)
                    };
                }
                SortPhase::Done => return true,
            }
            if !more() {
                return matches!(self.phase, SortPhase::Done);
            }
        }
    }

    fn finish(self) -> Vec<Occurrence> {
        if self.keys.is_empty() {
            return self.lines;
        }
        self.order.iter().map(|&i| self.lines[i as usize]).collect()
    }
}

/// Where the matches fall in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispersion {
    /// The article.
    pub doc: u32,
    /// Each match's position relative to the article's words, 0 to 1.
    pub at: Vec<f64>,
    /// Matches per 10,000 words of the article.
    pub per_10k: f64,
}

/// Per article with matches (date order): where they fall, and the rate.
pub fn dispersion(index: &Index, lines: &[Occurrence]) -> Vec<Dispersion> {
    let mut out: Vec<Dispersion> = Vec::new();
    for o in lines {
        let len = index.words_of(o.doc as usize).len().max(1) as f64;
        let at = o.start as f64 / len;
        match out.last_mut() {
            Some(d) if d.doc == o.doc => d.at.push(at),
            _ => out.push(Dispersion {
                doc: o.doc,
                at: vec![at],
                per_10k: 0.0,
            }),
        }
    }
    for d in &mut out {
        d.per_10k = per_10k(d.at.len(), index.doc(d.doc as usize).len.max(1) as usize);
    }
    out
}

/// The window of each occurrence, in order: up to `left` words before and
/// `right` after it, within its title, heading or paragraph (an article's
/// stretches are found once), as two ranges of positions.
#[allow(clippy::type_complexity)]
fn each_window<'a>(
    index: &'a Index,
    lines: &'a [Occurrence],
    left: usize,
    right: usize,
) -> impl Iterator<
    Item = (
        &'a Occurrence,
        WordIds<'a>,
        std::ops::Range<usize>,
        std::ops::Range<usize>,
    ),
> + 'a {
    let mut d_prev = u32::MAX;
    let mut bounds: Vec<std::ops::Range<usize>> = Vec::new();
    lines.iter().map(move |o| {
        if o.doc != d_prev {
            let d = o.doc as usize;
            bounds = stretches(index.doc(d));
            d_prev = o.doc;
        }
        let ids = index.words_of(o.doc as usize);
        let (s, e) = (o.start as usize, (o.start + o.width) as usize);
        // Stretches are in order and do not overlap: the last one starting at or before s.
        let k = bounds.partition_point(|r| r.start <= s);
        match k
            .checked_sub(1)
            .map(|k| &bounds[k])
            .filter(|r| r.contains(&s))
        {
            Some(r) => (
                o,
                ids,
                s.saturating_sub(left).max(r.start)..s,
                e.min(r.end)..(e + right).min(r.end),
            ),
            None => (o, ids, 0..0, 0..0),
        }
    })
}

/// The measure collocates are ordered by (the strongest first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CollocateMeasure {
    /// [`Collocate::log_dice`].
    #[default]
    LogDice,
    /// [`Collocate::mi`].
    Mi,
    /// [`Collocate::t_score`].
    TScore,
    /// [`Collocate::g2`].
    G2,
}

impl CollocateMeasure {
    /// The measure's value for `c`.
    pub fn of(self, c: &Collocate) -> f64 {
        match self {
            CollocateMeasure::LogDice => c.log_dice,
            CollocateMeasure::Mi => c.mi,
            CollocateMeasure::TScore => c.t_score,
            CollocateMeasure::G2 => c.g2,
        }
    }

    /// `found` ordered by the measure, the strongest first (ties by term id).
    pub fn sort(self, found: &mut [Collocate]) {
        found.sort_by(|a, b| self.of(b).total_cmp(&self.of(a)).then(a.term.cmp(&b.term)));
    }
}

/// A word found near the node, with its association measures.
#[derive(Clone, Debug, PartialEq)]
pub struct Collocate {
    /// The term id.
    pub term: u32,
    /// f_xy: times it stands within a window of a node occurrence (a word
    /// inside two windows counts twice).
    pub with_node: usize,
    /// f_y: its count in the selection.
    pub total: usize,
    /// 14 + log2(2·f_xy / (f_x + f_y)) (Rychlý 2008).
    pub log_dice: f64,
    /// log2(f_xy / E), E = f_x · f_y · W / N.
    pub mi: f64,
    /// (f_xy − E) / √f_xy.
    pub t_score: f64,
    /// Dunning's log-likelihood of the 2×2 table (see [`collocates`]),
    /// negative for a word seen near the node less often than expected.
    pub g2: f64,
    /// E: how often it would stand near the node by chance.
    pub expected: f64,
}

/// The collocates of the node's occurrences `lines` in a selection with
/// word counts `counts`: every word within `left` words before or `right`
/// words after an occurrence (a phrase's window counted from its first and
/// last words), never across a title, heading or paragraph boundary, not
/// inside an occurrence and not one of the node's own terms (`node_terms`);
/// with `stop_words`, no stop word. At least `min` (f_xy) times.
///
/// With f_x the occurrences, f_y the word's count in the selection, N the
/// selection's words and W = left + right: logDice, MI, T-score as in
/// [`Collocate`]; G² from the table O11 = f_xy, O12 = W·f_x − f_xy,
/// O21 = f_y − f_xy, O22 = N − W·f_x − f_y + f_xy (a negative cell counts
/// as 0), expected values from its margins. Sorted by logDice.
pub fn collocates(
    index: &Index,
    lines: &[Occurrence],
    counts: &Counts,
    node_terms: &[u32],
    window: Window,
) -> Vec<Collocate> {
    let mut job = CollocateJob::new(
        index,
        Arc::new(lines.to_vec()),
        Counted::Done(Arc::new(counts.clone())),
        node_terms,
        window,
    );
    while !job.step(&mut || true) {}
    job.finish()
}

/// The collocates' window and what they leave out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// Words before the match.
    pub left: usize,
    /// Words after the match.
    pub right: usize,
    /// Which stop words to leave out.
    pub stop: StopChoice,
    /// The least f_xy listed (1 at least).
    pub min: usize,
}

/// The selection's word counts a [`CollocateJob`] needs: to count, or counted.
pub enum Counted<I> {
    /// Still to count.
    Count(Box<CountJob<I>>),
    /// Counted (shared: another window counts nothing again).
    Done(Arc<Counts>),
}

/// [`collocates`] in steps: the selection's words counted (an article at a
/// time, unless given), then the windows of a few thousand lines at a time.
pub struct CollocateJob<I> {
    index: I,
    lines: Arc<Vec<Occurrence>>,
    counts: Counted<I>,
    node_terms: Vec<u32>,
    window: Window,
    /// The words `window` leaves out.
    stops: StopSet,
    at: usize,
    f_xy: Vec<u32>,
    touched: Vec<u32>,
}

impl<I: Deref<Target = Index>> CollocateJob<I> {
    /// The collocates of `lines` (see [`collocates`]), with the selection's counts.
    pub fn new(
        index: I,
        lines: Arc<Vec<Occurrence>>,
        counts: Counted<I>,
        node_terms: &[u32],
        window: Window,
    ) -> Self {
        CollocateJob {
            node_terms: node_terms.to_vec(),
            stops: index.stop_set(&window.stop),
            window,
            at: 0,
            f_xy: vec![0; index.vocabulary_len()],
            touched: Vec::new(),
            index,
            lines,
            counts,
        }
    }
}

impl<I: Deref<Target = Index>> Steps for CollocateJob<I> {
    type Output = Vec<Collocate>;

    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        if let Counted::Count(job) = &mut self.counts {
            if !job.step(more) {
                return false;
            }
            let Counted::Count(job) =
                std::mem::replace(&mut self.counts, Counted::Done(Arc::default()))
            else {
                unreachable!("matched above")
            };
            self.counts = Counted::Done(Arc::new(job.finish()));
            if !more() {
                return self.at == self.lines.len();
            }
        }
        let (left, right) = (self.window.left, self.window.right);
        let stops = &self.stops;
        while self.at < self.lines.len() {
            let to = (self.at + LINE_CHUNK).min(self.lines.len());
            for (_, ids, l, r) in each_window(&self.index, &self.lines[self.at..to], left, right) {
                for t in ids.slice(l).iter().chain(ids.slice(r).iter()) {
                    if t == BREAK || self.node_terms.binary_search(&t).is_ok() || stops.contains(t)
                    {
                        continue;
                    }
                    if self.f_xy[t as usize] == 0 {
                        self.touched.push(t);
                    }
                    self.f_xy[t as usize] += 1;
                }
            }
            self.at = to;
            if !more() {
                break;
            }
        }
        self.at == self.lines.len()
    }

    fn finish(self) -> Vec<Collocate> {
        let Counted::Done(counts) = &self.counts else {
            return Vec::new();
        };
        let fx = self.lines.len() as f64;
        let n = counts.words as f64;
        let w = (self.window.left + self.window.right) as f64;
        let f_xy = &self.f_xy;
        let mut out: Vec<Collocate> = self
            .touched
            .iter()
            .copied()
            .filter(|&t| f_xy[t as usize] as usize >= self.window.min.max(1))
            .map(|t| {
                let fxy = f_xy[t as usize] as f64;
                let fy = counts.count[t as usize] as f64;
                let a = association(fxy, fx, fy, w, n);
                Collocate {
                    term: t,
                    with_node: fxy as usize,
                    total: fy as usize,
                    log_dice: a.log_dice,
                    mi: a.mi,
                    t_score: a.t_score,
                    g2: a.g2,
                    expected: a.expected,
                }
            })
            .collect();
        out.sort_by(|a, b| b.log_dice.total_cmp(&a.log_dice).then(a.term.cmp(&b.term)));
        out
    }
}

/// Article `a`'s text (`index`'s article `o.doc`) around occurrence `o`,
/// with `context` words either side, as the article writes them: the left
/// context runs up to the match's first byte and the right one from its last,
/// so the punctuation and spaces next to the match are kept ("market. " |
/// "Alipay" | "-related"). Where the context runs across a paragraph,
/// heading or title boundary, [`crate::index::layout::BOUNDARY`] stands there.
pub fn line_text(index: &Index, a: &crate::Article, o: &Occurrence, context: usize) -> KwicLine {
    let d = o.doc as usize;
    let layout = Layout::of(a, index.doc(d));
    let is_word = |p: usize| layout.stretch_of(p).is_some();
    let (s, e) = (o.start as usize, (o.start + o.width) as usize);
    let total = index.words_of(d).len();
    let matched: Vec<usize> = (s..e).filter(|&p| is_word(p)).collect();
    let (Some(&first), Some(&last)) = (matched.first(), matched.last()) else {
        return KwicLine {
            left: String::new(),
            matched: String::new(),
            right: String::new(),
        };
    };
    let far_left = (0..s).rev().filter(|&p| is_word(p)).take(context).last();
    let far_right = (e..total).filter(|&p| is_word(p)).take(context).last();
    // With no word before (or after) the match in the article, what stands
    // there in its stretch: an opening quote, a closing full stop.
    let edge = |p: usize, e: Edge| {
        layout.word(p).map_or("", |(s, r)| match e {
            Edge::Start => layout.head(s, r.start),
            Edge::End => layout.tail(s, r.end),
        })
    };
    KwicLine {
        left: far_left.map_or_else(
            || edge(first, Edge::Start).to_string(),
            |l| layout.between((l, Edge::Start), (first, Edge::Start)),
        ),
        matched: layout.between((first, Edge::Start), (last, Edge::End)),
        right: far_right.map_or_else(
            || edge(last, Edge::End).to_string(),
            |r| layout.between((last, Edge::End), (r, Edge::End)),
        ),
    }
}

/// The term ids the node stands for (its words, a prefix's words, with
/// `forms` a word's forms), from the query's positive text terms: what is
/// not its own collocate.
pub fn node_terms(index: &Index, query: &crate::search::query::Query, forms: bool) -> Vec<u32> {
    use crate::search::query::Query;
    fn walk(index: &Index, q: &Query, forms: bool, out: &mut Vec<u32>) {
        match q {
            Query::Text { words, prefix, .. } => {
                for (i, w) in words.iter().enumerate() {
                    if *prefix && i + 1 == words.len() {
                        out.extend(index.prefix_ids(w));
                    } else {
                        out.extend(index.word_ids(w, forms, words.len() == 1));
                    }
                }
                // Text written without spaces: every word search may find
                // it spelled with (crate::search, `unspaced`).
                if !*prefix
                    && words
                        .iter()
                        .all(|w| crate::text::segment::is_unspaced_word(w))
                {
                    let text = crate::text::segment::written_together(words);
                    out.extend(index.cjk_containing(&text));
                    out.extend(index.words_within(&text));
                }
            }
            Query::And(qs) | Query::Or(qs) => qs.iter().for_each(|q| walk(index, q, forms, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(index, query, forms, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The lines with term `near` within `left` words before or `right` words
/// after the match (the window of [`collocates`]).
pub fn near(
    index: &Index,
    lines: &[Occurrence],
    near: u32,
    left: usize,
    right: usize,
) -> Vec<Occurrence> {
    let nr = Near {
        term: near,
        left,
        right,
    };
    SortJob::new(index, lines.to_vec(), &[], Some(nr)).run()
}

// The exports, with what they were made from in columns of their own.

/// The concordance as a table: every line of `lines` (occurrences in
/// `articles`, the index's corpus), `context` words either side of the node
/// (`node`: the words it matches, as the index holds them: for a prefix or
/// with word forms, every word it stands for).
pub fn concordance_table<'l>(
    index: &Index,
    articles: &[crate::Article],
    lines: impl IntoIterator<Item = &'l Occurrence>,
    context: usize,
    node: &str,
    from: &Provenance,
) -> Table {
    let mut t = Table::new([
        "Left context",
        "Match",
        "Right context",
        "Article",
        "Title",
        "Date",
    ]);
    for o in lines {
        let a = &articles[o.doc as usize];
        let l = line_text(index, a, o, context);
        t.push(vec![
            l.left.into(),
            l.matched.into(),
            l.right.into(),
            (&a.id).into(),
            (&a.title).into(),
            a.date.iso().into(),
        ]);
    }
    from.stamp(t.about("Node", node).about("Context words", context))
}

/// The collocates as a table, with every figure their measures are computed
/// from: f_x (the node's occurrences), N (the selection's words), the window.
pub fn collocate_table(
    index: &Index,
    found: &[Collocate],
    node: &str,
    node_frequency: usize,
    selection_words: usize,
    window: &Window,
    from: &Provenance,
) -> Table {
    let mut t = Table::new([
        "Word",
        "With node",
        "Total",
        "Expected",
        "logDice",
        "MI",
        "T-score",
        "G² (signed)",
    ]);
    for c in found {
        t.push(vec![
            index.term(c.term).into(),
            c.with_node.into(),
            c.total.into(),
            Cell::num(c.expected, 4),
            Cell::num(c.log_dice, 4),
            Cell::num(c.mi, 4),
            Cell::num(c.t_score, 4),
            Cell::num(c.g2, 4),
        ]);
    }
    from.stamp(
        t.about("Node", node)
            .about("Node frequency", node_frequency)
            .about("Window left", window.left)
            .about("Window right", window.right)
            .about("Words in selection", selection_words)
            .about("At least", window.min.max(1))
            .about("Stop words", from.stop_rule(&window.stop)),
    )
}
