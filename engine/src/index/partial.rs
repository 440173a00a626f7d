//! A partial index: the part of a sharded corpus' index a page has fetched
//! (`crate::shard`), as an [`Index`] the search answers on with its own
//! code, so a query finds the same articles, in the same order, as on the
//! whole index.

use std::sync::OnceLock;

use crate::corpus::Corpus;
use crate::index::builder::{term_language, IndexBuilder};
use crate::index::{DocInfo, Index};
use crate::index::{Packed, Places, Sequences, Stems, Strings};
use crate::steps::Steps;

/// A term with all its postings, as a page fetches and reads them from a
/// sharded index ([`crate::shard::decode_postings`],
/// [`crate::shard::decode_positions`]): what [`Index::partial`] is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedTerm {
    /// The term.
    pub term: String,
    /// Its articles, ascending, and the count in each.
    pub postings: Vec<(u32, u32)>,
    /// Its positions, article by article, ascending in each; `None` when
    /// they were not fetched (a query without phrases needs its words'
    /// counts only, and where they stand in the articles whose text it
    /// shows: [`Facts::index`]).
    pub positions: Option<Vec<u32>>,
}

/// The first character of a **word pair**'s key ([`pair_key`]): no word
/// starts with it, and it sorts before every word, so that pairs stand
/// together before the words in a sorted dictionary and no word's prefix
/// (`pay*`) takes one in.
pub const PAIR: char = '\u{1}';

/// The key of the word pair `a b` (two words in a row, in that order): a
/// sharded index holds every pair of its corpus as a term of its own, so
/// that a phrase is found from its pairs' postings rather than from its
/// words' positions (which, for common words, are most of the index).
pub fn pair_key(a: &str, b: &str) -> String {
    format!("{PAIR}{a} {b}")
}

/// The two words of a pair's key; `None` for a word.
pub fn split_pair(term: &str) -> Option<(&str, &str)> {
    term.strip_prefix(PAIR)?.split_once(' ')
}

/// The words of some articles in reading order, as an index numbers
/// them: where a term (or a word pair, [`pair_key`]) fetched without
/// positions stands in them. The titles of a sharded corpus' articles
/// (read from its metadata) and a fetched article's text
/// ([`Facts::doc_with_text`]) give one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextWords {
    terms: Strings,
    forward: Sequences,
}

impl TextWords {
    /// Takes `ix`'s words and word sequences (leaving it no term).
    fn take(ix: &mut Index) -> TextWords {
        ix.term_start = vec![0];
        ix.post_doc = Packed::default();
        ix.places = Places::default();
        TextWords {
            terms: std::mem::take(&mut ix.terms),
            forward: std::mem::take(&mut ix.forward),
        }
    }

    /// Where `term` (a word, or a pair: where its first word is) stands in
    /// article `doc`, ascending (none if it is not there).
    pub fn positions(&self, term: &str, doc: u32) -> Vec<u32> {
        let seq = self.forward.of(doc as usize).to_vec();
        let id = |w: &str| self.terms.find_sorted(w);
        match split_pair(term) {
            Some((a, b)) => match (id(a), id(b)) {
                (Some(a), Some(b)) => (seq.windows(2).enumerate())
                    .filter(|(_, w)| w[0] == a && w[1] == b)
                    .map(|(p, _)| p as u32)
                    .collect(),
                _ => Vec::new(),
            },
            None => match id(term) {
                Some(t) => (seq.iter().enumerate())
                    .filter(|&(_, &w)| w == t)
                    .map(|(p, _)| p as u32)
                    .collect(),
                None => Vec::new(),
            },
        }
    }

    /// About the bytes it takes.
    pub fn bytes(&self) -> usize {
        self.terms.bytes() + self.forward.bytes()
    }
}

impl Index {
    /// The index of some of a corpus' terms: `meta` is its articles without
    /// their bodies but with their word counts (a sharded index's
    /// metadata), `terms` the terms fetched, each with all its postings.
    /// Every article's facts are the whole index's (length, title length,
    /// date, facet values, in their order); the terms are those given only,
    /// and there are no word sequences ([`Index::is_partial`]). Articles
    /// or positions out of order or out of range are an error (a damaged
    /// file), not a panic later. ([`Facts::index`] does the same with the
    /// articles' facts worked out once.)
    pub fn partial(meta: &Corpus, terms: Vec<LoadedTerm>) -> Result<Index, String> {
        Facts::new(meta)?.index(terms, &|_| None)
    }
}

/// `meta` (a sharded corpus' articles without their text) with the texts
/// of some articles put in (`texts`: each one's number and body): a corpus
/// numbered as the whole one, so that its index ([`Index::new`]) holds
/// those articles' words at the whole index's positions. What the views
/// that read the words of some articles (Contexts' sample, Compare's pair)
/// read; the other articles keep their facts but not even their titles
/// (indexing them would cost as the corpus grows), and are never asked of.
/// An article number past the corpus is an error.
pub fn with_texts(
    meta: &Corpus,
    texts: Vec<(usize, Vec<crate::corpus::body::Block>)>,
) -> Result<Corpus, String> {
    let mut articles = meta.articles().to_vec();
    let n = articles.len();
    let mut given = vec![false; n];
    for (d, body) in texts {
        articles
            .get_mut(d)
            .ok_or_else(|| format!("article {d}: past the corpus ({n} articles)"))?
            .body = body;
        given[d] = true;
    }
    for (a, _) in articles.iter_mut().zip(&given).filter(|(_, g)| !**g) {
        a.title = String::new().into();
    }
    let counts = (0..n).map(|d| meta.word_count(d)).collect();
    Ok(Corpus::assemble(
        meta.info().clone(),
        articles,
        counts,
        Some(meta.stop_lists().to_vec()),
    ))
}

/// Every article's facts in a sharded corpus (length, title length, date,
/// facet values, language), worked out once from its metadata: what every
/// partial index of it shares, so that a page makes one per query for the
/// cost of its terms alone.
pub struct Facts {
    /// An index of no terms.
    base: Index,
    /// Where each word of the titles stands.
    titles: TextWords,
}

impl Facts {
    /// The facts of `meta`'s articles (a sharded index's metadata: no
    /// bodies, word counts).
    pub fn new(meta: &Corpus) -> Result<Facts, String> {
        // The titles alone give each article's title length, date and
        // facet values exactly as the whole index has them; the lengths are
        // the word counts of title and body.
        let mut ix = IndexBuilder::new(meta).finish();
        for (d, info) in ix.docs.iter_mut().enumerate() {
            info.len =
                u32::try_from(meta.word_count(d)).map_err(|_| "an article past 2³² words")?;
        }
        let total: u64 = ix.docs.iter().map(|d| u64::from(d.len)).sum();
        ix.avg_len = if ix.docs.is_empty() {
            0.0
        } else {
            total as f32 / ix.docs.len() as f32
        };
        ix.total_positions = total as usize;
        let titles = TextWords::take(&mut ix);
        ix.partial = true;
        Ok(Facts { base: ix, titles })
    }

    /// The articles.
    pub fn docs(&self) -> usize {
        self.base.docs.len()
    }

    /// Article `doc`'s facts with its text (`article`, the article with its
    /// body): where its blocks and clauses start, as the whole index has
    /// them (the metadata alone gives its title's only), for the views
    /// that lay its text out ([`crate::index::layout::Layout::of`]); and
    /// where each of its words stands (as article 0), for the partial
    /// indexes of terms fetched without positions ([`Facts::index`]). An
    /// error if the text does not have the words the metadata counts.
    pub fn doc_with_text(
        &self,
        doc: usize,
        article: &crate::Article,
    ) -> Result<(DocInfo, TextWords), String> {
        let known = self
            .base
            .docs
            .get(doc)
            .ok_or_else(|| format!("article {doc}: past the corpus"))?;
        // The article alone, indexed by the same builder: its positions are
        // the whole index's (they start at each article's own 0).
        let alone = Corpus::assemble(
            crate::corpus::CorpusInfo::default(),
            vec![article.clone()],
            vec![known.len as usize],
            None,
        );
        let mut ix = IndexBuilder::new(&alone).finish();
        let words = TextWords::take(&mut ix);
        let mut read = ix.docs.into_iter().next().ok_or("no article read")?;
        if read.len != known.len || read.title_len != known.title_len {
            return Err(format!(
                "article {doc}: its text has {} words, its metadata says {}",
                read.len, known.len
            ));
        }
        read.source_id = known.source_id;
        read.section_id = known.section_id;
        read.set_tag_ids(known.tag_ids());
        read.year = known.year;
        read.date = known.date;
        Ok((read, words))
    }

    /// An index of no terms: the articles' facts alone.
    pub fn base(&self) -> &Index {
        &self.base
    }

    /// The index of a sharded corpus' words without their postings
    /// (`words`: every word of the corpus in order, each with its
    /// language's place, [`crate::shard::lists::VocabularyChunk`]): word
    /// ids, stop words and word forms as the whole index has them, and
    /// every article's facts, but no postings. What counts made from word
    /// lists ([`crate::stats::words::list_counts`]) are counted in, so that
    /// the word list and the keywords read them as the whole index's.
    pub fn vocabulary(&self, words: Vec<(String, u16)>) -> Result<Index, String> {
        let b = &self.base;
        let langs = b.languages.len();
        if let Some(w) = words.windows(2).find(|w| w[0].0 >= w[1].0) {
            return Err(format!("the vocabulary: {:?} out of order", w[1].0));
        }
        if words.iter().any(|(_, l)| *l as usize >= langs) {
            return Err("the vocabulary: a word of a language the corpus lacks".into());
        }
        let mut stems = Stems::default();
        let mut term_lang = Vec::new();
        for (t, (w, lang)) in words.iter().enumerate() {
            if langs >= 2 {
                term_lang.push(*lang);
            }
            stems.add(&b.languages, *lang, t as u32, w);
        }
        let mut ix = self.empty();
        ix.term_start = vec![0; words.len() + 1];
        ix.places = Places::default();
        stems.finish();
        ix.terms = Strings::new(words.iter().map(|(w, _)| w));
        ix.stems = stems;
        ix.term_lang = term_lang;
        Ok(ix)
    }

    /// An index of no terms with every article's facts (what
    /// [`Facts::index`] and [`Facts::vocabulary`] fill).
    fn empty(&self) -> Index {
        let b = &self.base;
        Index {
            terms: Strings::default(),
            term_start: Vec::new(),
            post_doc: Packed::default(),
            places: Places::default(),
            stems: Stems::default(),
            languages: b.languages.clone(),
            doc_lang: b.doc_lang.clone(),
            term_lang: Vec::new(),
            stop_lists: b.stop_lists.clone(),
            extra_stop: b.extra_stop.clone(),
            docs: b.docs.clone(),
            avg_len: b.avg_len,
            facet_values: b.facet_values.clone(),
            forward: Sequences::default(),
            partial: true,
            stand_ins: Vec::new(),
            total_positions: b.total_positions,
            kinds: OnceLock::new(),
            han_terms: OnceLock::new(),
        }
    }

    /// The partial index of `terms` ([`Index::partial`]). A term fetched
    /// without positions stands where it does in the titles (from the
    /// metadata) and, in an article whose words `texts` gives (its number
    /// → its [`TextWords`], as [`Facts::doc_with_text`] read them), where
    /// it does in its text; in any other article its body occurrences are
    /// **stand-ins**: as many as it has, at positions no other term of the
    /// index takes there ([`Index::positions_known`] is false for it). So
    /// a query without phrases gets every count, score and title match
    /// right (words never share a position, stand-ins neither), and marks
    /// and snippets wait for the article's text. A phrase's words must
    /// come with positions (`crate::shard::Needs::positions`).
    pub fn index<'t>(
        &self,
        terms: Vec<LoadedTerm>,
        texts: &dyn Fn(u32) -> Option<&'t TextWords>,
    ) -> Result<Index, String> {
        let mut ix = self.empty();
        let mut terms = terms;
        terms.sort_unstable_by(|a, b| a.term.cmp(&b.term));
        terms.dedup_by(|a, b| a.term == b.term);
        // Body positions the fetched positions take, by article and kind
        // (words, pairs: a word and a pair start at one position, two words
        // or two pairs never): stand-ins go around them (only when both
        // fetched and stand-in terms are here).
        let mut taken: Vec<(u32, bool, u32)> = Vec::new();
        if terms.iter().any(|t| t.positions.is_none()) {
            for t in terms.iter().filter(|t| t.positions.is_some()) {
                let pair = split_pair(&t.term).is_some();
                let ps = t.positions.as_deref().unwrap_or_default();
                let mut at = 0usize;
                for &(doc, count) in &t.postings {
                    let end = (at + count as usize).min(ps.len());
                    taken.extend(ps[at.min(end)..end].iter().map(|&p| (doc, pair, p)));
                    at = end;
                }
            }
            taken.sort_unstable();
        }
        // Per article (and kind) with stand-ins, the next position to try.
        let mut next: rustc_hash::FxHashMap<(u32, bool), u32> = Default::default();
        let (mut term_start, mut post_doc, mut post_pos_start, mut positions) = (
            Vec::with_capacity(terms.len() + 1),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        let mut stand_in: Vec<u32> = Vec::new();
        for t in &terms {
            term_start.push(post_doc.len() as u32);
            let pair = split_pair(&t.term).is_some();
            let bad = |why: &str| format!("{:?}: {why}", t.term);
            let mut at = 0usize;
            let mut last_doc = None;
            for &(doc, count) in &t.postings {
                if last_doc.is_some_and(|l| l >= doc) {
                    return Err(bad("articles out of order"));
                }
                last_doc = Some(doc);
                let info = ix
                    .docs
                    .get(doc as usize)
                    .ok_or_else(|| bad("an article past the corpus"))?;
                let from = positions.len();
                match &t.positions {
                    Some(ps) => {
                        let ps = at
                            .checked_add(count as usize)
                            .and_then(|end| ps.get(at..end))
                            .filter(|ps| !ps.is_empty())
                            .ok_or_else(|| bad("fewer positions than counted"))?;
                        positions.extend_from_slice(ps);
                        at += count as usize;
                    }
                    None => match texts(doc) {
                        Some(words) => {
                            let ps = words.positions(&t.term, 0);
                            if ps.len() != count as usize {
                                return Err(bad(&format!(
                                    "article {doc}'s text has it {} times, the index {count}",
                                    ps.len()
                                )));
                            }
                            positions.extend_from_slice(&ps);
                        }
                        None => {
                            let title = self.titles.positions(&t.term, doc);
                            let body = (count as usize)
                                .checked_sub(title.len())
                                .ok_or_else(|| bad("fewer occurrences than in the title"))?;
                            // (A damaged count is an error before it is
                            // an allocation.)
                            if body > info.len.saturating_sub(info.title_len) as usize {
                                return Err(bad("more occurrences than the article has words"));
                            }
                            positions.extend_from_slice(&title);
                            let mut p = *next.entry((doc, pair)).or_insert(info.title_len + 1);
                            let mut around = {
                                let lo = taken.partition_point(|&x| x < (doc, pair, p));
                                taken[lo..]
                                    .iter()
                                    .take_while(|&&(d, k, _)| (d, k) == (doc, pair))
                                    .map(|&(_, _, q)| q)
                                    .peekable()
                            };
                            for _ in 0..body {
                                // Past the fetched positions at p (they ascend).
                                while let Some(q) = around.next_if(|&q| q <= p) {
                                    p += u32::from(q == p);
                                }
                                positions.push(p);
                                p += 1;
                            }
                            next.insert((doc, pair), p);
                            if body > 0 {
                                stand_in.push(doc);
                            }
                        }
                    },
                }
                let ps = &positions[from..];
                // Some, ascending, and none past the last (`len`: the
                // title's break takes a position).
                if ps.is_empty()
                    || ps.windows(2).any(|w| w[0] >= w[1])
                    || ps.last().is_some_and(|&p| p > info.len)
                {
                    return Err(bad("positions out of order or past the article's words"));
                }
                post_doc.push(doc);
                post_pos_start.push(from as u32);
            }
            if t.positions.as_ref().is_some_and(|ps| at != ps.len()) {
                return Err(bad("more positions than counted"));
            }
        }
        stand_in.sort_unstable();
        stand_in.dedup();
        ix.stand_ins = stand_in;
        term_start.push(post_doc.len() as u32);
        post_pos_start.push(positions.len() as u32);
        ix.terms = Strings::new(terms.iter().map(|t| &t.term));
        drop(terms);
        ix.term_start = term_start;
        ix.post_doc = Packed::Wide(post_doc);
        ix.places = Places::from_lists(
            (post_pos_start.windows(2)).map(|w| &positions[w[0] as usize..w[1] as usize]),
        );

        // Each term's language and stem, as the whole index gives them.
        let mut stems = Stems::default();
        ix.term_lang = Vec::new();
        for t in 0..ix.terms.len() {
            let lang = if ix.languages.len() < 2 {
                0
            } else {
                let (a, b) = (ix.term_start[t] as usize, ix.term_start[t + 1] as usize);
                let docs = ix.post_doc.slice(a..b).iter();
                let lang = term_language(ix.languages.len(), &ix.doc_lang, docs);
                ix.term_lang.push(lang);
                lang
            };
            stems.add(&ix.languages, lang, t as u32, ix.terms.get(t));
        }
        stems.finish();
        ix.stems = stems;
        Ok(ix)
    }
}
