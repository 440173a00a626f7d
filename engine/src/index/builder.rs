//! Building the [`Index`] a step at a time, so that a page can do it between
//! frames: read each article (in pieces of at most [`UNIT_WORDS`] words),
//! sort the vocabulary, count, place the positions, stem.

use crate::corpus::{fold_value, Corpus};
use crate::index::prepared::Prepared;
use crate::index::{DocInfo, FacetValues, Index, Packed, Places, Sequences, Stems, Strings};
use crate::steps::Steps;
use crate::text::language::{language_key, stemmer};
use crate::text::lexicon::BREAK;
use crate::text::tokenize::{ends_clause, words, Words};
use rustc_hash::FxHashMap;

/// Puts sources, sections and tags in their lasting display order, most articles first
/// (then by name), and renumbers the articles' ids to match: the facet lists
/// then never reorder while a reader types.
fn order_facet_values(fv: &mut FacetValues, docs: &mut [DocInfo]) {
    fn order(names: &mut Vec<String>, counts: Vec<usize>) -> Vec<u32> {
        let mut idx: Vec<usize> = (0..names.len()).collect();
        idx.sort_by_cached_key(|&i| (std::cmp::Reverse(counts[i]), fold_value(&names[i])));
        let mut new_id = vec![0u32; names.len()];
        for (new, &old) in idx.iter().enumerate() {
            new_id[old] = new as u32;
        }
        *names = idx.iter().map(|&i| names[i].clone()).collect();
        new_id
    }
    let mut source_counts = vec![0; fv.sources.len()];
    let mut section_counts = vec![0; fv.sections.len()];
    let mut tag_counts = vec![0; fv.tags.len()];
    for d in docs.iter() {
        d.source_id
            .iter()
            .for_each(|&s| source_counts[s as usize] += 1);
        d.section_id
            .iter()
            .for_each(|&s| section_counts[s as usize] += 1);
        d.tag_ids()
            .iter()
            .for_each(|&t| tag_counts[t as usize] += 1);
    }
    let sources = order(&mut fv.sources, source_counts);
    let sections = order(&mut fv.sections, section_counts);
    let tags = order(&mut fv.tags, tag_counts);
    fv.source_ids
        .values_mut()
        .for_each(|s| *s = sources[*s as usize]);
    fv.section_ids
        .values_mut()
        .for_each(|s| *s = sections[*s as usize]);
    fv.tag_ids.values_mut().for_each(|t| *t = tags[*t as usize]);
    for d in docs.iter_mut() {
        d.source_id = d.source_id.map(|s| sources[s as usize]);
        d.section_id = d.section_id.map(|s| sections[s as usize]);
        d.tag_ids_mut()
            .iter_mut()
            .for_each(|t| *t = tags[*t as usize]);
    }
}

/// The language of a term found in articles `docs` (its place among the
/// corpus' `languages`, each article's in `doc_lang`): the language of most
/// of them (of two as many, the corpus' more frequent).
pub(crate) fn term_language(
    languages: usize,
    doc_lang: &[u16],
    docs: impl IntoIterator<Item = u32>,
) -> u16 {
    let mut counts = vec![0u32; languages];
    for d in docs {
        counts[doc_lang[d as usize] as usize] += 1;
    }
    most_articles(&counts)
}

/// The language (its place) with the most articles in `counts`: the first
/// of the largest ([`term_language`]).
pub(crate) fn most_articles(counts: &[u32]) -> u16 {
    // The first of the largest: max_by_key would take the last.
    counts
        .iter()
        .enumerate()
        .fold(0, |best, (i, &c)| if c > counts[best] { i } else { best }) as u16
}

/// `term`'s stem in `language` (a key): itself where the language has no stemmer.
pub(crate) fn stem_of(language: &str, term: &str) -> String {
    match stemmer(language) {
        Some(st) => st.stem(term).into_owned(),
        None => term.to_string(),
    }
}

/// An index being built, a step at a time: a page can build it between
/// frames and stay responsive ([`Index::new`] builds it in one go).
///
/// The stages: read each article (tokenize, give each new word a provisional
/// id), sort the vocabulary, renumber each article's words and count them,
/// place every position in the flat postings, stem the vocabulary.
pub struct IndexBuilder<'c> {
    corpus: &'c Corpus,
    stage: Stage,
    /// The next unit (article or block of terms) of the stage.
    next: usize,
    /// Within article `next`: the next word to count or place.
    at: usize,
    /// The article being read, when it takes more than one unit.
    reading: Option<Reading<'c>>,
    ids: FxHashMap<String, u32>,
    /// Each article's word ids: provisional ones (in order of first sight)
    /// until the vocabulary is sorted.
    forward: Sequences,
    /// A piece of an article's ids, while placing.
    piece_ids: Vec<u32>,
    docs: Vec<DocInfo>,
    fv: FacetValues,
    terms: Strings,
    sorted_id: Vec<u32>,
    term_start: Vec<u32>,
    post_doc: Packed,
    places: Places,
    /// Bytes a position of a long article takes ([`Places`]), once every
    /// article is read.
    wide: u8,
    /// Per term, while counting: articles and positions' bytes; while placing: the next free slots.
    post_cursor: Vec<u32>,
    pos_cursor: Vec<u32>,
    /// Per term, while placing: where its latest posting's positions start.
    posting_start: Vec<u32>,
    last_doc: Vec<u32>,
    stems: Stems,
    /// The corpus' languages (keys, most articles first) and each article's place among them.
    languages: Vec<String>,
    doc_lang: Vec<u16>,
    /// Per term, its language's place (only when the corpus has more than one).
    term_lang: Vec<u16>,
    /// The words read at build time, when the page has them
    /// ([`IndexBuilder::prepared`]): read instead of tokenizing.
    prepared: Option<Prepared<'c>>,
    /// The map of [`Stage::Han`], as it is made.
    han: crate::index::CharTermsBuilder,
    han_terms: Option<crate::index::CharTerms>,
    /// Why the prepared words were given up, if they were.
    fell_back: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stage {
    Read,
    Sort,
    Count,
    Place,
    Stem,
    /// The map from characters to the words of text written without
    /// spaces that hold them ([`crate::index::CharTerms`]), made here so no
    /// query of such a word pays for it.
    Han,
    Done,
}

/// Terms stemmed per unit of work.
const STEM_BLOCK: usize = 256;

/// Terms looked at per unit of work for [`Stage::Han`].
const HAN_BLOCK: usize = 2048;

/// Words read, counted or placed per unit of work: an article of any length
/// is done in pieces, so no unit takes much longer than a few milliseconds
/// (a 10 MB article was once one unit of 115 ms).
pub const UNIT_WORDS: usize = 16_384;

/// An article being read (its words so far are the last of `forward`'s),
/// and where reading stands.
struct Reading<'c> {
    title_len: Option<u32>,
    block_starts: Vec<u32>,
    /// 0: the title; k: body block k - 1.
    part: usize,
    /// The part's text and its words.
    text: &'c str,
    words: Words<'c>,
    /// Where the part's last word read ends (`None` before its first).
    last_end: Option<usize>,
    /// Positions of words that follow a clause mark in their part.
    clause_starts: Vec<u32>,
}

impl<'c> IndexBuilder<'c> {
    /// Starts indexing `corpus`.
    pub fn new(corpus: &'c Corpus) -> Self {
        let n = corpus.articles().len();
        let languages = corpus.languages();
        let doc_lang = corpus
            .articles()
            .iter()
            .map(|a| {
                let k = language_key(&a.language);
                languages.iter().position(|l| *l == k).unwrap_or(0) as u16
            })
            .collect();
        // Room for every article's words at once (one allocation, none
        // doubling it): the stored counts are only a hint (they come from
        // the embedded blob), bounded by what the text can hold.
        let words: usize = (0..n)
            .map(|d| {
                let a = &corpus.articles()[d];
                corpus.word_count(d).min(a.title.len() + 1 + a.body_len()) + 1
            })
            .sum();
        IndexBuilder {
            languages,
            doc_lang,
            term_lang: Vec::new(),
            corpus,
            stage: Stage::Read,
            next: 0,
            at: 0,
            reading: None,
            ids: FxHashMap::default(),
            forward: Sequences::with_capacity(words, n),
            piece_ids: Vec::new(),
            docs: Vec::with_capacity(n),
            fv: FacetValues::default(),
            terms: Strings::default(),
            sorted_id: Vec::new(),
            term_start: Vec::new(),
            post_doc: Packed::default(),
            places: Places::default(),
            wide: 2,
            post_cursor: Vec::new(),
            pos_cursor: Vec::new(),
            posting_start: Vec::new(),
            last_doc: Vec::new(),
            stems: Stems::default(),
            prepared: None,
            han: Default::default(),
            han_terms: None,
            fell_back: None,
        }
    }

    /// Starts indexing `corpus` from its words read at build time
    /// ([`crate::index::prepared`]; their vocabulary checked by
    /// [`Prepared::read`]): no article is tokenized, and the index is the
    /// one [`IndexBuilder::new`] builds. An article's words that are not
    /// sound (read as it is reached) and the build starts again, tokenizing
    /// ([`IndexBuilder::fell_back`] says why).
    pub fn prepared(corpus: &'c Corpus, words: Prepared<'c>) -> Self {
        let mut b = IndexBuilder::new(corpus);
        b.prepared = Some(words);
        b
    }

    /// Why the prepared words were given up for tokenizing, if they were.
    pub fn fell_back(&self) -> Option<&str> {
        self.fell_back.as_deref()
    }

    /// True when every stage is done: [`IndexBuilder::finish`] is then quick.
    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    /// How far the work has come, from 0 to 1 (reading the articles is most of it).
    pub fn progress(&self) -> f32 {
        // In thousandths, with integers: exactly monotone from stage to stage.
        let part =
            |from: usize, to: usize, done: usize, of: usize| from + (to - from) * done / of.max(1);
        let n = self.corpus.articles().len();
        let permille = match self.stage {
            Stage::Read => part(0, 600, self.next, n),
            Stage::Sort => 600,
            Stage::Count => part(620, 720, self.next, n),
            Stage::Place => part(720, 900, self.next, n),
            Stage::Stem => part(900, 980, self.next, self.terms.len()),
            Stage::Han => part(980, 1000, self.next, self.terms.len()),
            Stage::Done => 1000,
        };
        permille as f32 / 1000.0
    }

    /// One unit of work.
    fn unit(&mut self) {
        let n = self.corpus.articles().len();
        match self.stage {
            Stage::Read if self.next < n => {
                if self.read(self.next) {
                    self.next += 1;
                }
            }
            Stage::Read => {
                // The hint may have been high.
                self.forward.shrink_to_fit();
                self.advance(Stage::Sort);
            }
            Stage::Sort => {
                self.sort();
                self.advance(Stage::Count);
            }
            Stage::Count if self.next < n => {
                if self.count(self.next) {
                    self.next += 1;
                }
            }
            Stage::Count => {
                self.start_placing();
                self.advance(Stage::Place);
            }
            Stage::Place if self.next < n => {
                if self.place(self.next) {
                    self.next += 1;
                }
            }
            Stage::Place => {
                for t in 0..self.terms.len() {
                    if self.last_doc[t] != u32::MAX {
                        self.end_posting(t);
                    }
                }
                self.places.finish();
                self.posting_start = Vec::new();
                self.piece_ids = Vec::new();
                self.post_cursor = Vec::new();
                self.pos_cursor = Vec::new();
                self.last_doc = Vec::new();
                self.advance(Stage::Stem);
            }
            Stage::Stem if self.next < self.terms.len() => {
                let end = (self.next + STEM_BLOCK).min(self.terms.len());
                for t in self.next..end {
                    let lang = self.term_language(t);
                    self.stems
                        .add(&self.languages, lang, t as u32, self.terms.get(t));
                }
                self.next = end;
            }
            Stage::Stem => {
                self.stems.finish();
                // Without the segmenters no word holds another's
                // characters ([`Index::cjk_containing`]).
                self.advance(if cfg!(feature = "segmenters") {
                    Stage::Han
                } else {
                    Stage::Done
                });
            }
            Stage::Han if self.next < self.terms.len() => {
                let end = (self.next + HAN_BLOCK).min(self.terms.len());
                self.han.add(&self.terms, self.next..end);
                self.next = end;
            }
            Stage::Han => {
                self.han_terms = Some(std::mem::take(&mut self.han).finish());
                self.advance(Stage::Done);
            }
            Stage::Done => {}
        }
    }

    /// The language of term `t` (its place in `languages`): the language of
    /// most of the articles it is in (of two as many, the corpus' more
    /// frequent). A corpus of one language needs no count.
    fn term_language(&mut self, t: usize) -> u16 {
        if self.languages.len() < 2 {
            return 0;
        }
        let (a, b) = (self.term_start[t] as usize, self.term_start[t + 1] as usize);
        let docs = self.post_doc.slice(a..b).iter();
        let best = term_language(self.languages.len(), &self.doc_lang, docs);
        self.term_lang.push(best);
        best
    }

    fn advance(&mut self, stage: Stage) {
        self.stage = stage;
        self.next = 0;
        self.at = 0;
    }

    /// The next piece of article `d`'s words to count or place: `at..end`;
    /// true in the second value when it is the last.
    fn piece(&mut self, d: usize) -> (std::ops::Range<usize>, bool) {
        let len = self.forward.of(d).len();
        let from = self.at;
        let end = (from + UNIT_WORDS).min(len);
        self.at = if end == len { 0 } else { end };
        (from..end, end == len)
    }

    /// Tokenizes up to [`UNIT_WORDS`] words of article `d`, giving each new
    /// word a provisional id (in order of first sight); true when the article
    /// is read, with its facts.
    fn read(&mut self, d: usize) -> bool {
        if let Some(words) = &mut self.prepared {
            let forward = &mut self.forward;
            match words.next_article(self.corpus, d, |id| forward.push(id)) {
                Ok(w) => {
                    forward.end_article();
                    self.article_read(d, w.title_len, w.len, &w.block_starts, &w.clause_starts);
                    return true;
                }
                Err(why) => {
                    // From the start, tokenizing (the words pushed go with it).
                    *self = IndexBuilder::new(self.corpus);
                    self.fell_back = Some(why);
                    return false;
                }
            }
        }
        let corpus = self.corpus;
        let a = &corpus.articles()[d];
        let r = self.reading.get_or_insert_with(|| Reading {
            title_len: None,
            block_starts: Vec::with_capacity(a.body.len()),
            part: 0,
            text: &a.title,
            words: words(&a.title),
            last_end: None,
            clause_starts: Vec::new(),
        });
        let (ids, seq) = (&mut self.ids, &mut self.forward);
        let mut budget = UNIT_WORDS;
        loop {
            for w in r.words.by_ref() {
                let id = match ids.get(w.norm.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(w.norm.into_owned(), id);
                        id
                    }
                };
                if r.last_end.is_some_and(|e| ends_clause(&r.text[e..w.start])) {
                    r.clause_starts.push(seq.written() as u32);
                }
                r.last_end = Some(w.end);
                seq.push(id);
                budget -= 1;
                if budget == 0 {
                    return false;
                }
            }
            // This part is read: the next one, if any.
            if r.part == 0 {
                r.title_len = Some(seq.written() as u32);
                seq.push(BREAK);
            }
            r.part += 1;
            match a.body.get(r.part - 1) {
                Some(block) => {
                    r.block_starts.push(seq.written() as u32);
                    r.text = block.text();
                    r.words = words(block.text());
                    r.last_end = None;
                }
                None => break,
            }
        }
        let r = self.reading.take().expect("being read");
        let len = self.forward.written() as u32 - 1;
        self.forward.end_article();
        let title_len = r.title_len.expect("the title is read first");
        self.article_read(d, title_len, len, &r.block_starts, &r.clause_starts);
        true
    }

    /// Article `d`'s facts, once its words are read.
    fn article_read(
        &mut self,
        d: usize,
        title_len: u32,
        len: u32,
        block_starts: &[u32],
        clause_starts: &[u32],
    ) {
        let a = &self.corpus.articles()[d];
        let fv = &mut self.fv;
        let tags: Vec<u32> = (a.tags.iter())
            .map(|t| FacetValues::intern(&mut fv.tags, &mut fv.tag_ids, t))
            .collect();
        self.docs.push(DocInfo::new(
            title_len,
            len,
            a.date,
            a.source()
                .map(|s| FacetValues::intern(&mut fv.sources, &mut fv.source_ids, s)),
            a.section()
                .map(|s| FacetValues::intern(&mut fv.sections, &mut fv.section_ids, s)),
            block_starts,
            clause_starts,
            &tags,
        ));
        if !fv.years.contains(&a.date.year) {
            fv.years.push(a.date.year);
        }
    }

    /// Sorts the vocabulary: a term's id becomes its place in sorted order.
    fn sort(&mut self) {
        if let Some(p) = self.prepared.take() {
            // Sorted at build time: each word is placed where it goes.
            let mut order = vec![0u32; p.terms.len()];
            for (rank, &place) in p.sorted.iter().enumerate() {
                order[place as usize] = rank as u32;
            }
            self.terms = Strings::new(order.iter().map(|&r| p.terms[r as usize]));
            self.sorted_id = p.sorted;
        } else {
            let mut entries: Vec<(String, u32)> =
                std::mem::take(&mut self.ids).into_iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            self.sorted_id = vec![0u32; entries.len()];
            for (new, (_, old)) in entries.iter().enumerate() {
                self.sorted_id[*old as usize] = new as u32;
            }
            self.terms = Strings::new(entries.iter().map(|(t, _)| t));
        }
        let v = self.terms.len();
        self.post_cursor = vec![0; v];
        self.pos_cursor = vec![0; v];
        let longest = self.docs.iter().map(|d| d.len).max().unwrap_or(0);
        self.wide = if longest <= u32::from(u16::MAX) { 2 } else { 4 };
        self.last_doc = vec![u32::MAX; v];
    }

    /// Renumbers a piece of article `d`'s words and counts, per term, its
    /// articles and positions; true when the article is done.
    fn count(&mut self, d: usize) -> bool {
        let (range, last) = self.piece(d);
        let width = u32::from(self.width(d));
        let (sorted_id, pos_cursor) = (&self.sorted_id, &mut self.pos_cursor);
        let (last_doc, post_cursor) = (&mut self.last_doc, &mut self.post_cursor);
        self.forward.renumber(d, range, |id| {
            let t = sorted_id[id as usize];
            pos_cursor[t as usize] += width;
            if last_doc[t as usize] != d as u32 {
                last_doc[t as usize] = d as u32;
                post_cursor[t as usize] += 1;
            }
            t
        });
        last
    }

    /// Turns the counts into the flat arrays' ranges; the cursors become each
    /// term's next free slots.
    fn start_placing(&mut self) {
        self.sorted_id = Vec::new();
        let v = self.terms.len();
        self.term_start = Vec::with_capacity(v + 1);
        let (mut posts, mut positions) = (0u32, 0u32);
        for t in 0..v {
            self.term_start.push(posts);
            let (p, q) = (self.post_cursor[t], self.pos_cursor[t]);
            self.post_cursor[t] = posts;
            self.pos_cursor[t] = positions;
            posts += p;
            positions += q;
        }
        self.term_start.push(posts);
        let last_doc = self.docs.len().saturating_sub(1) as u32;
        self.post_doc = Packed::zeros(posts as usize, last_doc);
        self.places = Places::building(posts as usize, positions as usize, self.wide);
        self.last_doc.iter_mut().for_each(|d| *d = u32::MAX);
        self.posting_start = vec![0; v];
    }

    /// Counts the positions of term `t`'s latest posting, once they are
    /// all placed (once a posting, not once a position: the counts are
    /// written in an order as scattered as the terms).
    fn end_posting(&mut self, t: usize) {
        let p = self.post_cursor[t] as usize - 1;
        let width = self.width(self.last_doc[t] as usize);
        let n = (self.pos_cursor[t] - self.posting_start[t]) / u32::from(width);
        self.places.set_posting(p, n, width != 1);
    }

    /// Bytes a position of article `d` takes ([`Places`]): an article's
    /// positions run to its length (its title's break among them).
    fn width(&self, d: usize) -> u8 {
        Places::width_for(self.docs[d].len, self.wide)
    }

    /// Places a piece of article `d`'s positions (articles are placed in
    /// order, so each term's postings and positions come out sorted); true
    /// when the article is done.
    fn place(&mut self, d: usize) -> bool {
        let (range, last) = self.piece(d);
        let from = range.start;
        // The piece as `u32`s (a buffer used again): the loop then reads a
        // plain slice, not ids of either width.
        let mut ids = std::mem::take(&mut self.piece_ids);
        self.forward.of(d).slice(range).write_to(&mut ids);
        let width = self.width(d);
        for (pos, &id) in (from..).zip(&ids) {
            if id == BREAK {
                continue;
            }
            let t = id as usize;
            if self.last_doc[t] != d as u32 {
                if self.last_doc[t] != u32::MAX {
                    self.end_posting(t);
                }
                self.last_doc[t] = d as u32;
                let p = self.post_cursor[t] as usize;
                self.post_cursor[t] += 1;
                self.post_doc.set(p, d as u32);
                self.posting_start[t] = self.pos_cursor[t];
            }
            (self.places).put(self.pos_cursor[t] as usize, pos as u32, width);
            self.pos_cursor[t] += u32::from(width);
        }
        self.piece_ids = ids;
        last
    }
}

/// The index build is a job like the others: the page runs it between frames.
impl Steps for IndexBuilder<'_> {
    type Output = Index;

    /// Does units of work (an article, or a block of terms) while `more()` says
    /// so, at least one; returns true when everything is done.
    fn step(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            self.unit();
            if self.is_done() {
                return true;
            }
            if !more() {
                return false;
            }
        }
    }

    /// The index (doing first whatever work is left).
    fn finish(mut self) -> Index {
        while !self.step(&mut || true) {}
        let total: u64 = self.docs.iter().map(|d| d.len as u64).sum();
        let avg_len = if self.docs.is_empty() {
            0.0
        } else {
            total as f32 / self.docs.len() as f32
        };
        self.fv.years.sort_unstable();
        order_facet_values(&mut self.fv, &mut self.docs);
        let total_positions = self.places.len();
        Index {
            terms: self.terms,
            term_start: self.term_start,
            post_doc: self.post_doc,
            places: self.places,
            stems: self.stems,
            stop_lists: self
                .languages
                .iter()
                .map(|k| {
                    self.corpus
                        .stop_lists()
                        .iter()
                        .find(|l| l.language == *k)
                        .cloned()
                })
                .collect(),
            extra_stop: self.corpus.info().stop_words.clone(),
            languages: self.languages,
            doc_lang: self.doc_lang,
            term_lang: self.term_lang,
            docs: self.docs,
            avg_len,
            facet_values: self.fv,
            forward: self.forward,
            partial: false,
            stand_ins: Vec::new(),
            total_positions,
            kinds: std::sync::OnceLock::new(),
            han_terms: self
                .han_terms
                .map(std::sync::OnceLock::from)
                .unwrap_or_default(),
        }
    }
}
