//! Answering a [`Query`] with the [`Index`]: which articles match (each
//! distinct term evaluated once, the work priced before it runs), in what
//! order (BM25, title words weighing more, or by date), and where the
//! matched words stand. Marks and snippets are in [`crate::search::highlight`],
//! facet counts in [`crate::search::facets`].

pub mod facets;
pub mod highlight;
pub mod query;
pub mod suggest;

use std::sync::Arc;

use crate::index::docset::DocSet;
use crate::index::{Index, Postings};
use crate::out::numbers::round_figure;
use crate::search::highlight::TermSpan;
use crate::search::query::{Query, QueryError, TextField};
use rustc_hash::FxHashMap;

/// How to match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// Words match every word with the same English Snowball stem.
    pub word_forms: bool,
}

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Best match first (BM25); by date when the query has no words.
    #[default]
    Relevance,
    /// Oldest first.
    Oldest,
    /// Newest first.
    Newest,
}

/// Where one positive term of the query (a word, prefix or phrase) matched:
/// flat arrays, not a vector per article, so that a frequent word costs a
/// few copies of the index's own arrays.
#[derive(Clone, Debug, PartialEq, Eq)]
struct TermHits {
    /// Words a match covers.
    width: u32,
    /// The articles, ascending.
    docs: Vec<u32>,
    /// Article `i`'s starts are `starts[ends[i - 1]..ends[i]]` (`ends[-1]` being 0).
    ends: Vec<u32>,
    /// Start positions, by article, ascending within each.
    starts: Vec<u32>,
}

impl TermHits {
    fn new(width: u32) -> Self {
        TermHits {
            width,
            docs: Vec::new(),
            ends: Vec::new(),
            starts: Vec::new(),
        }
    }

    /// Number of articles.
    fn len(&self) -> usize {
        self.docs.len()
    }

    /// The starts in the `i`-th article.
    fn starts(&self, i: usize) -> &[u32] {
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.starts[from..self.ends[i] as usize]
    }

    /// Closes the article being filled: kept if it got any start.
    fn close(&mut self, doc: u32) {
        let from = self.ends.last().copied().unwrap_or(0) as usize;
        if self.starts.len() > from {
            self.docs.push(doc);
            self.ends.push(self.starts.len() as u32);
        }
    }

    /// The starts in article `doc`, if any.
    fn find(&self, doc: u32) -> Option<&[u32]> {
        self.docs.binary_search(&doc).ok().map(|i| self.starts(i))
    }
}

/// The terms one query word stands for: itself, the words a prefix starts
/// (a range of the sorted vocabulary) or a word's forms.
#[derive(Clone, Debug)]
enum WordTest {
    One(u32),
    Range(u32, u32),
    Set(Vec<u32>),
}

impl WordTest {
    #[inline]
    fn has(&self, id: u32) -> bool {
        match self {
            WordTest::One(t) => id == *t,
            WordTest::Range(lo, hi) => (*lo..=*hi).contains(&id),
            WordTest::Set(ids) => ids.binary_search(&id).is_ok(),
        }
    }

    fn ids(&self) -> Vec<u32> {
        match self {
            WordTest::One(t) => vec![*t],
            WordTest::Range(lo, hi) => (*lo..=*hi).collect(),
            WordTest::Set(ids) => ids.clone(),
        }
    }
}

/// One word of a text term: what it matches, and its positions in all.
struct QueryWord {
    test: Option<WordTest>,
    size: usize,
}

/// What a query matched: the articles, and where its words stand in them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matches {
    /// Matching articles.
    pub docs: DocSet,
    terms: Vec<Arc<TermHits>>,
    /// Per term, the query's term it is part of (text written without
    /// spaces is several: one per number of words spelling it), ascending:
    /// ranking and snippets weigh a query's term once.
    groups: Vec<u32>,
    /// Per query term (group), the articles it is found in: worked out
    /// once here, read by ranking and by every snippet.
    dfs: Vec<usize>,
}

impl Matches {
    /// True when the query has words to look for (and so matches to mark and rank).
    pub fn has_terms(&self) -> bool {
        !self.terms.is_empty()
    }
}

/// Evaluates queries against the index, each distinct text term once: a
/// query (or a keyword list) that repeats a word, phrase or prefix pays for
/// it once, and the postings a prefix or word forms merge are shared by
/// every phrase that ends in them. With the parser's limit on terms
/// ([`crate::search::query::MAX_TERMS`]) and nesting, this bounds the work and memory
/// of any query that parses.
struct Evaluator<'i> {
    index: &'i Index,
    opts: SearchOptions,
    /// Each distinct text term's hits (for text written without spaces, one
    /// per width: [`Evaluator::unspaced`]),
    /// shared by the queries that use it.
    terms: FxHashMap<(TextField, Vec<String>, bool), Vec<Arc<TermHits>>>,
    /// Each merged word (prefix or word forms): (word, is a prefix).
    /// Merged terms by (word, prefix, alone: not a word of a phrase).
    merged: FxHashMap<(String, bool, bool), Arc<TermHits>>,
}

impl<'i> Evaluator<'i> {
    fn new(index: &'i Index, opts: SearchOptions) -> Self {
        Evaluator {
            index,
            opts,
            terms: FxHashMap::default(),
            merged: FxHashMap::default(),
        }
    }

    fn matches(&mut self, query: &Query) -> Matches {
        let mut positive = Vec::new();
        let docs = self.eval(query, true, &mut positive);
        // A term the query repeats is one term (for marks and ranking alike).
        let mut terms: Vec<Arc<TermHits>> = Vec::with_capacity(positive.len());
        let mut groups: Vec<u32> = Vec::with_capacity(positive.len());
        let mut group = 0;
        for hits in positive {
            if hits.iter().any(|t| terms.iter().any(|k| Arc::ptr_eq(k, t))) {
                continue;
            }
            groups.extend(std::iter::repeat_n(group, hits.len()));
            terms.extend(hits);
            group += 1;
        }
        let dfs = (0..group)
            .map(|g| {
                let from = groups.iter().position(|&x| x == g).unwrap_or(0);
                let to = from + groups[from..].iter().take_while(|&&x| x == g).count();
                self.index.group_df(&terms[from..to])
            })
            .collect();
        Matches {
            docs,
            terms,
            groups,
            dfs,
        }
    }

    /// Recursion follows the query's groups, which the parser bounds
    /// ([`crate::search::query::MAX_DEPTH`]); a chain of `-` is folded by the parser.
    fn eval(&mut self, q: &Query, positive: bool, terms: &mut Vec<Vec<Arc<TermHits>>>) -> DocSet {
        let index = self.index;
        let n = index.doc_count();
        let filter = |f: &dyn Fn(usize) -> bool| {
            let mut s = DocSet::empty(n);
            (0..n).filter(|&d| f(d)).for_each(|d| s.insert(d));
            s
        };
        match q {
            Query::All => DocSet::full(n),
            Query::Text {
                field,
                words,
                prefix,
            } => {
                let hits = self.text_hits(*field, words, *prefix);
                let mut s = DocSet::empty(n);
                for h in &hits {
                    h.docs.iter().for_each(|&d| s.insert(d as usize));
                }
                if positive {
                    terms.push(hits);
                }
                s
            }
            // Compared by their folded form, through the ids the index gave each value.
            Query::Source(v) => match index.facet_values().source_id(v) {
                Some(id) => filter(&|d| index.doc(d).source_id == Some(id)),
                None => DocSet::empty(n),
            },
            Query::Section(v) => match index.facet_values().section_id(v) {
                Some(id) => filter(&|d| index.doc(d).section_id == Some(id)),
                None => DocSet::empty(n),
            },
            Query::Tag(v) => match index.facet_values().tag_id(v) {
                Some(id) => filter(&|d| index.doc(d).tag_ids().contains(&id)),
                None => DocSet::empty(n),
            },
            Query::Language(v) => match index.language_id(v) {
                Some(l) => filter(&|d| index.doc_language(d) == l),
                None => DocSet::empty(n),
            },
            Query::Year { from, to } => filter(&|d| {
                let y = index.doc(d).year;
                from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t)
            }),
            // The article's whole span inside the clause's.
            Query::Date { from, to } => {
                use crate::corpus::period::Period;
                let lo = from.map(|f| Period::day_span(f).0);
                let hi = to.map(|t| Period::day_span(t).1);
                filter(&|d| {
                    let (a, b) = Period::day_span(index.doc(d).date);
                    lo.is_none_or(|lo| a >= lo) && hi.is_none_or(|hi| b <= hi)
                })
            }
            Query::And(qs) => {
                let mut acc = DocSet::full(n);
                for q in qs {
                    acc = acc.and(&self.eval(q, positive, terms));
                }
                acc
            }
            Query::Or(qs) => {
                let mut acc = DocSet::empty(n);
                for q in qs {
                    acc = acc.or(&self.eval(q, positive, terms));
                }
                acc
            }
            Query::Not(q) => self.eval(q, !positive, terms).complement(),
        }
    }

    /// What one query word stands for (`alone`: not a word of a phrase).
    fn word(&self, word: &str, is_prefix: bool, alone: bool) -> QueryWord {
        let index = self.index;
        let test = if is_prefix {
            let r = index.prefix_ids(word);
            (!r.is_empty()).then(|| WordTest::Range(r.start, r.end - 1))
        } else {
            let ids = index.word_ids(word, self.opts.word_forms, alone);
            match ids[..] {
                [] => None,
                [id] => Some(WordTest::One(id)),
                _ => Some(WordTest::Set(ids)),
            }
        };
        let size = test.as_ref().map_or(0, |t| match t {
            WordTest::One(id) => index.postings(*id).positions_len(),
            WordTest::Range(lo, hi) => index.positions_between(*lo, *hi),
            WordTest::Set(ids) => ids
                .iter()
                .map(|&id| index.postings(id).positions_len())
                .sum(),
        });
        QueryWord { test, size }
    }

    /// Where one query word stands: the index's own arrays for one term, or
    /// its terms merged (once per evaluation, shared by every term using it).
    fn word_hits(
        &mut self,
        word: &str,
        is_prefix: bool,
        alone: bool,
        qw: &QueryWord,
    ) -> Arc<TermHits> {
        let test = qw.test.as_ref().expect("a word found somewhere");
        let index = self.index;
        if let WordTest::One(id) = test {
            let (docs, ends, starts) = index.postings(*id).flat();
            return Arc::new(TermHits {
                width: 1,
                docs,
                ends,
                starts,
            });
        }
        let key = (word.to_string(), is_prefix, alone);
        if let Some(m) = self.merged.get(&key) {
            return m.clone();
        }
        let merged = Arc::new(merge(index, test, qw.size));
        self.merged.insert(key, merged.clone());
        merged
    }

    fn text_hits(&mut self, field: TextField, ws: &[String], prefix: bool) -> Vec<Arc<TermHits>> {
        let key = (field, ws.to_vec(), prefix);
        if let Some(h) = self.terms.get(&key) {
            return h.clone();
        }
        let hits: Vec<Arc<TermHits>> = match self.unspaced(ws, prefix) {
            None => vec![Arc::new(self.find_text(field, ws, prefix))],
            Some(text) => {
                let whole = self.find_text(field, std::slice::from_ref(&text), false);
                let mut hits: Vec<Arc<TermHits>> = Vec::new();
                if !whole.docs.is_empty() {
                    hits.push(Arc::new(whole));
                }
                hits.extend(self.index.spelled(&text, field).into_iter().map(Arc::new));
                // Found nowhere: one empty term stands for it.
                if hits.is_empty() {
                    hits.push(Arc::new(TermHits::new(1)));
                }
                hits
            }
        };
        self.terms.insert(key, hits.clone());
        hits
    }

    /// A text term's words written together, when they are written without
    /// spaces (Chinese, Japanese, Thai …: Han characters and kana only, or
    /// one such script's letters) and it is not a prefix: such text is
    /// looked for by its characters, however the segmenter cut them in an
    /// article ([`Index::spelled`]): as one word holding them
    /// ([`Index::word_ids`], alone), or as two or more words in a row that
    /// spell them. Each spelling's width is a term of its own, so a match
    /// covers whole words.
    fn unspaced(&self, ws: &[String], prefix: bool) -> Option<String> {
        use crate::text::segment::{is_unspaced_word, two_or_more, written_together};
        let text = written_together(ws);
        // Without the segmenters (feature `segmenters`) each Han character
        // is a word everywhere: the text's own cut is the only one.
        (cfg!(feature = "segmenters")
            && !prefix
            && two_or_more(&text)
            && ws.iter().all(|w| is_unspaced_word(w)))
        .then_some(text)
    }

    /// A word, or a phrase: the hits of its rarest word, each start then
    /// checked against the articles' word sequences at the other words'
    /// offsets (one array read per start and word). A phrase in a partial
    /// index (a sharded corpus') is read by its word pairs instead
    /// ([`crate::index::partial::pair_key`], what `crate::shard::Needs`
    /// fetches for it; the last pair a prefix of pairs for `"mobile
    /// pay*"`): the same way, a pair standing for the word it starts with.
    /// Two words in a row are a pair exactly where the whole index finds
    /// them as a phrase (never across the title's break).
    fn find_text(&mut self, field: TextField, ws: &[String], prefix: bool) -> TermHits {
        let index = self.index;
        let width = ws.len() as u32;
        let pairs: Vec<String>;
        let (items, alone) = if index.is_partial() && !self.opts.word_forms && ws.len() > 1 {
            use crate::index::partial::pair_key;
            pairs = ws.windows(2).map(|w| pair_key(&w[0], &w[1])).collect();
            (&pairs[..], false)
        } else {
            (ws, ws.len() == 1)
        };
        let last = items.len() - 1;
        let words: Vec<QueryWord> = items
            .iter()
            .enumerate()
            .map(|(k, w)| self.word(w, prefix && k == last, alone))
            .collect();
        // A word found nowhere: nothing to look at.
        if words.iter().any(|w| w.test.is_none()) {
            return TermHits::new(width);
        }
        let base = (0..words.len()).min_by_key(|&k| words[k].size).unwrap_or(0);
        let list = self.word_hits(&items[base], prefix && base == last, alone, &words[base]);
        let offset = base as u32;
        let mut hits = if offset == 0 {
            let mut h = TermHits::clone(&list);
            h.width = width;
            h
        } else {
            let mut h = TermHits::new(width);
            for j in 0..list.len() {
                let ps = list.starts(j);
                let from = ps.partition_point(|&p| p < offset);
                h.starts.extend(ps[from..].iter().map(|&p| p - offset));
                h.close(list.docs[j]);
            }
            h
        };
        for (k, w) in words.iter().enumerate() {
            if k == base {
                continue;
            }
            if index.is_partial() {
                // No word sequences: word (or pair) k's own hits, shifted by k.
                let other = self.word_hits(&items[k], prefix && k == last, alone, w);
                hits = follows(&hits, &other, k as u32);
                continue;
            }
            let test = w.test.as_ref().expect("checked above");
            // Keep the starts p where word k stands at p + k.
            let mut kept = TermHits::new(width);
            for i in 0..hits.len() {
                let d = hits.docs[i];
                let seq = index.words_of(d as usize);
                kept.starts.extend(hits.starts(i).iter().filter(|&&p| {
                    seq.get((p + k as u32) as usize)
                        .is_some_and(|id| test.has(id))
                }));
                kept.close(d);
            }
            hits = kept;
        }
        if field == TextField::Title {
            hits = in_title(index, &hits);
        }
        hits
    }

    /// What evaluating `q` would cost, in word positions read: each distinct
    /// text term once (the positions of its rarest word, read once and
    /// checked at each other word; a merged word's merge), each field
    /// clause a look at every article.
    fn cost(&self, q: &Query, seen: &mut FxHashMap<(TextField, Vec<String>, bool), ()>) -> usize {
        match q {
            Query::All => 0,
            Query::Text {
                field,
                words,
                prefix,
            } => {
                if seen.insert((*field, words.clone(), *prefix), ()).is_some() {
                    return 0;
                }
                match self.unspaced(words, *prefix) {
                    None => self.text_cost(words, *prefix),
                    Some(text) => {
                        self.text_cost(std::slice::from_ref(&text), false)
                            + self.index.spelled_cost(&text)
                    }
                }
            }
            Query::Source(_)
            | Query::Section(_)
            | Query::Tag(_)
            | Query::Language(_)
            | Query::Year { .. }
            | Query::Date { .. } => self.index.doc_count(),
            Query::And(qs) | Query::Or(qs) => qs.iter().map(|q| self.cost(q, seen)).sum(),
            Query::Not(q) => self.cost(q, seen),
        }
    }

    /// What finding one spelling of a text term costs ([`Evaluator::cost`]).
    fn text_cost(&self, words: &[String], prefix: bool) -> usize {
        // A phrase in a partial index is read by its pairs (`find_pairs`).
        if self.index.is_partial() && !self.opts.word_forms && words.len() > 1 {
            use crate::index::partial::pair_key;
            let pairs: Vec<String> = words.windows(2).map(|w| pair_key(&w[0], &w[1])).collect();
            return self.words_cost(&pairs, prefix, false);
        }
        self.words_cost(words, prefix, words.len() == 1)
    }

    /// What reading `words` in a row costs (the last a prefix, if
    /// `prefix`; `alone`: one word, which may be found inside longer ones).
    fn words_cost(&self, words: &[String], prefix: bool, alone: bool) -> usize {
        let last = words.len() - 1;
        let ws: Vec<QueryWord> = words
            .iter()
            .enumerate()
            .map(|(k, w)| self.word(w, prefix && k == last, alone))
            .collect();
        if ws.iter().any(|w| w.test.is_none()) {
            return 1;
        }
        let base = (0..ws.len()).min_by_key(|&k| ws[k].size).unwrap_or(0);
        let size = ws[base].size;
        // Reading the rarest word (merging it first if it stands for
        // several terms), then one look per start at each other word.
        let read = match ws[base].test {
            Some(WordTest::One(_)) => size,
            _ => merge_plan(self.index, size).1,
        };
        read + size * (words.len() - 1)
    }
}

/// The starts of `hits` whose words all stand in the title.
fn in_title(index: &Index, hits: &TermHits) -> TermHits {
    let mut kept = TermHits::new(hits.width);
    for i in 0..hits.len() {
        let d = hits.docs[i];
        let t = index.doc(d as usize).title_len;
        kept.starts
            .extend(hits.starts(i).iter().filter(|&&p| p + hits.width <= t));
        kept.close(d);
    }
    kept
}

/// The starts of `hits` (a phrase's words before word `k`) where `other`
/// (word `k`'s hits) stands `k` words later: a phrase checked by positions
/// alone, in a partial index ([`Index::is_partial`]).
fn follows(hits: &TermHits, other: &TermHits, k: u32) -> TermHits {
    let mut kept = TermHits::new(hits.width);
    let mut j = 0;
    for i in 0..hits.len() {
        let d = hits.docs[i];
        while j < other.len() && other.docs[j] < d {
            j += 1;
        }
        if j < other.len() && other.docs[j] == d {
            let there = other.starts(j);
            kept.starts.extend(
                hits.starts(i)
                    .iter()
                    .filter(|&&p| there.binary_search(&(p + k)).is_ok()),
            );
        }
        kept.close(d);
    }
    kept
}

/// How [`merge`] reads the terms of a merged word: off the articles' word
/// sequences when they are many (a short prefix such as `t*`), list by list
/// when few; and what that costs in units of [`Index::cost`] (a word read in
/// a pass over the corpus is one; a position merged, which is then sorted,
/// four).
fn merge_plan(index: &Index, positions: usize) -> (bool, usize) {
    let corpus = index.positions_len();
    // A partial index has no word sequences: list by list, at the same cost
    // (so a query is refused or allowed as on the whole index).
    if positions.saturating_mul(4) >= corpus {
        (!index.is_partial(), corpus)
    } else {
        (false, positions * 4)
    }
}

/// The postings of several terms (`test`) as one word's: by article,
/// positions ascending. Never more than one pass over the corpus, however
/// many terms a prefix stands for ([`merge_plan`]).
fn merge(index: &Index, test: &WordTest, positions: usize) -> TermHits {
    let mut hits = TermHits::new(1);
    let ids = test.ids();
    let lists: Vec<Postings<'_>> = ids.iter().map(|&id| index.postings(id)).collect();
    let mut docs = DocSet::empty(index.doc_count());
    for l in &lists {
        for j in 0..l.len() {
            docs.insert(l.doc(j) as usize);
        }
    }
    if merge_plan(index, positions).0 {
        for d in docs.iter() {
            let seq = index.words_of(d);
            // Without a branch per word: write every position, keep the matching ones.
            let from = hits.starts.len();
            hits.starts.resize(from + seq.len(), 0);
            let buf = &mut hits.starts[from..];
            let mut kept = 0;
            match *test {
                WordTest::Range(lo, hi) => {
                    let width = hi - lo;
                    for (p, id) in (0u32..).zip(seq.iter()) {
                        buf[kept] = p;
                        kept += usize::from(id.wrapping_sub(lo) <= width);
                    }
                }
                _ => {
                    for (p, id) in (0u32..).zip(seq.iter()) {
                        buf[kept] = p;
                        kept += usize::from(test.has(id));
                    }
                }
            }
            hits.starts.truncate(from + kept);
            hits.close(d as u32);
        }
        return hits;
    }
    // Few positions: placed article by article (a counting sort on the
    // article), then each article's sorted.
    let n = index.doc_count();
    let mut start = vec![0u32; n + 1];
    for l in &lists {
        for p in l.iter() {
            start[p.doc as usize + 1] += p.positions.len() as u32;
        }
    }
    for d in 0..n {
        start[d + 1] += start[d];
    }
    let mut next = start.clone();
    hits.starts = vec![0; start[n] as usize];
    for l in &lists {
        for p in l.iter() {
            let at = next[p.doc as usize] as usize;
            p.positions
                .write_to(&mut hits.starts[at..at + p.positions.len()]);
            next[p.doc as usize] += p.positions.len() as u32;
        }
    }
    for d in docs.iter() {
        hits.starts[start[d] as usize..start[d + 1] as usize].sort_unstable();
        hits.docs.push(d as u32);
        hits.ends.push(start[d + 1]);
    }
    hits
}

impl Index {
    /// Where `text` (written without spaces) is spelled exactly by two or
    /// more of an article's words in a row, one [`TermHits`] per number of
    /// words: every word of the corpus that `text` starts with (ending where
    /// a word may) is read where it stands, and the words after it are
    /// read while they spell the rest (at most one word per character of
    /// `text`). In `field`'s words.
    fn spelled(&self, text: &str, field: TextField) -> Vec<TermHits> {
        use crate::text::lexicon::BREAK;
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        for (end, first) in self.first_words(text) {
            for posting in self.postings(first).iter() {
                let seq = self.words_of(posting.doc as usize);
                let title = self.doc(posting.doc as usize).title_len;
                for p in posting.positions.iter() {
                    let (mut at, mut k) = (end, 1u32);
                    while let Some(id) = seq.get((p + k) as usize) {
                        if id == BREAK || !text[at..].starts_with(self.term(id)) {
                            break;
                        }
                        at += self.term(id).len();
                        k += 1;
                        if at == text.len() {
                            if field == TextField::Any || p + k <= title {
                                found.push((k, posting.doc, p));
                            }
                            break;
                        }
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        // One term per width; by article, starts ascending.
        let mut out: Vec<TermHits> = Vec::new();
        let mut current: Option<(u32, u32)> = None;
        for (width, doc, start) in found {
            match current {
                Some((w, d)) if (w, d) == (width, doc) => {}
                Some((w, d)) => {
                    out.last_mut().expect("a term").close(d);
                    if w != width {
                        out.push(TermHits::new(width));
                    }
                }
                None => out.push(TermHits::new(width)),
            }
            out.last_mut().expect("a term").starts.push(start);
            current = Some((width, doc));
        }
        if let Some((_, d)) = current {
            out.last_mut().expect("a term").close(d);
        }
        out
    }

    /// The words `text` starts with, shorter than it, ending where a word
    /// may: (their end in `text`, their id).
    fn first_words(&self, text: &str) -> Vec<(usize, u32)> {
        use crate::text::segment::cut_allowed;
        text.char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&j| j < text.len() && cut_allowed(text, j))
            .filter_map(|j| Some((j, self.term_id(&text[..j])?)))
            .collect()
    }

    /// What [`Index::spelled`] reads: the positions of the words `text`
    /// starts with, and a look at the next words from each.
    fn spelled_cost(&self, text: &str) -> usize {
        self.first_words(text)
            .iter()
            .map(|&(_, id)| self.postings(id).positions_len() * 2)
            .sum()
    }
}

/// One result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Index of the article in the corpus.
    pub doc: usize,
    /// BM25 score (0 when the query has no words).
    pub score: f32,
}

/// The most work one query (or keyword list) may take, in units of
/// [`Index::cost`] (about a word position read): five passes over a corpus
/// of two million words, tens of milliseconds natively.
pub const MAX_COST: usize = 10_000_000;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A word in the title counts as this many in the body.
const TITLE_WEIGHT: f32 = 3.0;

impl Index {
    /// The articles matching `query`, and where.
    pub fn matches(&self, query: &Query, opts: SearchOptions) -> Matches {
        Evaluator::new(self, opts).matches(query)
    }

    /// Whether `queries` (one query, or a keyword list evaluated together) can
    /// be answered at once: the word positions they would read, each distinct
    /// term counted once, are at most [`MAX_COST`]. Otherwise a message for the
    /// reader (a query such as 256 different short prefixes of common words).
    pub fn check(&self, queries: &[&Query], opts: SearchOptions) -> Result<(), QueryError> {
        self.check_within(queries, opts, MAX_COST)
    }

    /// [`Index::check`] with another limit than [`MAX_COST`].
    pub fn check_within(
        &self,
        queries: &[&Query],
        opts: SearchOptions,
        limit: usize,
    ) -> Result<(), QueryError> {
        let cost = self.cost(queries, opts);
        if cost <= limit {
            return Ok(());
        }
        Err(QueryError {
            message: format!(
                "This asks too much at once (about {} word positions to read, at most {}): make prefixes longer (paym* rather than p*), or use fewer phrases and prefixes of common words.",
                round_figure(cost),
                round_figure(limit)
            ),
            span: 0..0,
        })
    }

    /// The work `queries` would take, in about word positions read (each
    /// distinct term once; see [`Index::check`]).
    pub fn cost(&self, queries: &[&Query], opts: SearchOptions) -> usize {
        let ev = Evaluator::new(self, opts);
        let mut seen = FxHashMap::default();
        queries.iter().map(|q| ev.cost(q, &mut seen)).sum()
    }

    /// What each of `queries` matched, evaluating a term the queries share
    /// (a word, phrase or prefix) once for all of them: a Trends keyword list.
    pub fn matches_each(&self, queries: &[Query], opts: SearchOptions) -> Vec<Matches> {
        let mut ev = Evaluator::new(self, opts);
        queries.iter().map(|q| ev.matches(q)).collect()
    }
    /// The matching articles in `order`.
    pub fn rank(&self, m: &Matches, order: Order) -> Vec<Hit> {
        let mut hits: Vec<Hit> = m.docs.iter().map(|doc| Hit { doc, score: 0.0 }).collect();
        // One query term at a time (its terms: m.groups); its frequency in
        // an article the starts of all of them, its articles theirs.
        let mut from = 0;
        while from < m.terms.len() {
            let to = from
                + m.groups[from..]
                    .iter()
                    .take_while(|&&g| g == m.groups[from])
                    .count();
            let group = &m.terms[from..to];
            let idf = self.idf(m.dfs[m.groups[from] as usize]);
            for hit in hits.iter_mut() {
                let (mut tf, mut any) = (0.0f32, false);
                let info = self.doc(hit.doc);
                for term in group {
                    if let Some(starts) = term.find(hit.doc as u32) {
                        let in_title =
                            starts.iter().filter(|&&p| p < info.title_len).count() as f32;
                        tf += (starts.len() as f32 - in_title) + TITLE_WEIGHT * in_title;
                        any = true;
                    }
                }
                if any {
                    let norm = K1 * (1.0 - B + B * info.len as f32 / self.avg_len().max(1.0));
                    hit.score += idf * tf * (K1 + 1.0) / (tf + norm);
                }
            }
            from = to;
        }
        match order {
            Order::Relevance if !m.terms.is_empty() => {
                hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
            }
            Order::Relevance | Order::Oldest => {}
            Order::Newest => hits.reverse(),
        }
        hits
    }

    /// Where the query's words matched in article `doc`: (first position, words), ascending.
    pub fn match_spans(&self, m: &Matches, doc: usize) -> Vec<(u32, u32)> {
        if let [term] = &m.terms[..] {
            // One term: its starts are sorted and distinct already.
            let starts = term.find(doc as u32).unwrap_or(&[]);
            return starts.iter().map(|&p| (p, term.width)).collect();
        }
        let mut out = Vec::new();
        self.each_width(m, doc, |w, bits| {
            for (i, &b) in bits.iter().enumerate() {
                let mut b = b;
                while b != 0 {
                    out.push((i as u32 * 64 + b.trailing_zeros(), w));
                    b &= b - 1;
                }
            }
        });
        if m.terms.iter().any(|t| t.width != m.terms[0].width) {
            out.sort_unstable();
        }
        out
    }

    /// Every occurrence of each of the query's terms in article `doc`, with
    /// the term's weight (its inverse document frequency, as in ranking):
    /// what a snippet is chosen from ([`crate::search::highlight::snippet`]).
    pub fn term_spans(&self, m: &Matches, doc: usize) -> Vec<TermSpan> {
        let mut out = Vec::new();
        for (k, term) in m.terms.iter().enumerate() {
            let Some(starts) = term.find(doc as u32) else {
                continue;
            };
            let g = m.groups[k];
            let weight = self.idf(m.dfs[g as usize]);
            out.extend(starts.iter().map(|&start| TermSpan {
                start,
                width: term.width,
                term: g,
                weight,
            }));
        }
        out.sort_by_key(|s| (s.start, s.term));
        out
    }

    /// The articles any of `terms` (one query term's) is found in.
    fn group_df(&self, terms: &[Arc<TermHits>]) -> usize {
        if let [term] = terms {
            return term.len();
        }
        let mut docs = DocSet::empty(self.doc_count());
        for t in terms {
            t.docs.iter().for_each(|&d| docs.insert(d as usize));
        }
        docs.iter().count()
    }

    /// BM25's inverse document frequency of a term found in `df` articles.
    fn idf(&self, df: usize) -> f32 {
        let (n, df) = (self.doc_count() as f32, df as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Occurrences of the query's words in article `doc`.
    pub fn match_count(&self, m: &Matches, doc: usize) -> usize {
        if let [term] = &m.terms[..] {
            return term.find(doc as u32).map_or(0, <[u32]>::len);
        }
        let mut n = 0;
        self.each_width(m, doc, |_, bits| {
            n += bits.iter().map(|b| b.count_ones() as usize).sum::<usize>();
        });
        n
    }

    /// For each width of the query's terms, the starts in article `doc` as
    /// a bitset over its positions: two terms matching the same words (`t*`
    /// and `the`) are one occurrence, found in time linear in the starts and
    /// the article, not by sorting them.
    fn each_width(&self, m: &Matches, doc: usize, mut f: impl FnMut(u32, &[u64])) {
        let mut widths: Vec<u32> = m.terms.iter().map(|t| t.width).collect();
        widths.sort_unstable();
        widths.dedup();
        // The article's positions: its words and the title's break.
        let mut bits = vec![0u64; (self.doc(doc).len as usize + 1).div_ceil(64)];
        for w in widths {
            let mut any = false;
            for term in m.terms.iter().filter(|t| t.width == w) {
                if let Some(starts) = term.find(doc as u32) {
                    for &p in starts {
                        bits[p as usize / 64] |= 1 << (p % 64);
                    }
                    any |= !starts.is_empty();
                }
            }
            if any {
                f(w, &bits);
                bits.iter_mut().for_each(|b| *b = 0);
            }
        }
    }
}
