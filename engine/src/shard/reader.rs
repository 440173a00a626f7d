//! A reader of a sharded index that does no I/O: it says which pieces it
//! needs next ([`ShardReader::missing`]), the caller fetches them (all of
//! one call in the same round trip) and hands each over
//! ([`ShardReader::supply`]), until nothing is missing; then it answers
//! ([`ShardReader::index`], [`ShardReader::text`]). The page fetches with
//! `fetch`, a native test or tool reads files: the same steps, the same
//! round trips.
//!
//! What it has read stays within a bound ([`ShardReader::new`]'s `limit`,
//! in bytes as decoded): past it, the terms, texts and month counts used
//! longest ago go first, never one the latest call asked for (a single
//! query larger than the bound is held whole while it is the latest).

use std::collections::HashMap;
use std::sync::Arc;

use super::lists::{ListOf, VocabularyChunk, WordList};
use super::{
    decode_metadata, decode_positions, decode_postings, decode_text, DictionaryChunk, Manifest,
    MonthChunk, MonthCounts, Needs, Piece, ShardError, StemChunk, TextTable,
};
use crate::corpus::body::Block;
use crate::index::docset::DocSet;
use crate::index::partial::{Facts, LoadedTerm, TextWords};
use crate::index::{DocInfo, Index};
use crate::{Article, Corpus};

/// Word lists read ([`ShardReader::word_lists`]): what
/// [`crate::stats::words::counts_of_lists`] sums.
pub struct Lists {
    /// The index of the corpus' words they are counted in.
    pub vocabulary: Arc<Index>,
    /// The lists asked for.
    pub chosen: Vec<Arc<WordList>>,
    /// The whole corpus' list.
    pub corpus: Arc<WordList>,
}

/// What a piece is, as a reader asks for it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Wanted {
    /// The articles' metadata (deflated).
    Metadata,
    /// A dictionary chunk (its place in [`Manifest::dictionary`]).
    Dictionary(usize),
    /// A stem chunk (its place in [`Manifest::stems`]).
    Stems(usize),
    /// A term's postings and positions (one range).
    Term(String),
    /// A term's postings alone (a query without phrases needs no more).
    Postings(String),
    /// The positions of a term held without them.
    Positions(String),
    /// A text table (its place in [`Manifest::text_tables`]).
    Table(usize),
    /// An article's text (deflated).
    Text(u32),
    /// A chunk of month counts (its place in [`Manifest::months`]; deflated).
    Months(usize),
    /// A chunk of the vocabulary (its place in [`Manifest::vocabulary`]; deflated).
    Vocabulary(usize),
    /// A word list (deflated).
    List(ListOf),
}

/// A piece to fetch: what it is, where it is, and whether to inflate it
/// (raw DEFLATE) before handing it over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// What it is.
    pub wanted: Wanted,
    /// Where it is.
    pub piece: Piece,
    /// Whether it is deflated.
    pub deflated: bool,
}

/// An article fetched with its text, and its facts with the text (where
/// its blocks and clauses start: [`Facts::doc_with_text`]).
#[derive(Clone, Debug)]
pub struct Text {
    /// The article, its body included.
    pub article: Article,
    /// Its facts, as the whole index has them.
    pub info: DocInfo,
    /// Where each of its words stands (as article 0).
    pub words: TextWords,
}

impl Request {
    /// A piece read as it is stored (not deflated).
    fn plain(wanted: Wanted, piece: Piece) -> Request {
        Request {
            wanted,
            piece,
            deflated: false,
        }
    }
}

/// A cached thing, its size as decoded and when it was last asked for.
struct Held<T> {
    value: T,
    bytes: usize,
    used: u64,
}

/// The reader: the manifest, and what has been fetched of the rest.
pub struct ShardReader {
    manifest: Manifest,
    /// The metadata, its facts, and its languages (keys, as the index
    /// orders them): worked out once, asked of on every question.
    meta: Option<(Arc<Corpus>, Facts, Vec<String>)>,
    chunks: HashMap<usize, DictionaryChunk>,
    stems: HashMap<usize, StemChunk>,
    tables: HashMap<usize, TextTable>,
    terms: HashMap<String, Held<LoadedTerm>>,
    texts: HashMap<u32, Held<Arc<Text>>>,
    months: HashMap<usize, Held<MonthChunk>>,
    /// The vocabulary's chunks read, until all are and make its index.
    vocabulary: HashMap<usize, VocabularyChunk>,
    /// The index of the vocabulary ([`Facts::vocabulary`]), once made.
    words: Option<Arc<Index>>,
    lists: HashMap<ListOf, Held<Arc<WordList>>>,
    /// Bytes held in `terms`, `texts`, `months` and `lists`.
    held: usize,
    limit: usize,
    /// Counts the calls that ask for something: what the latest asked for
    /// has this stamp, and is never evicted.
    clock: u64,
}

impl ShardReader {
    /// A reader of the index whose manifest is `manifest`, holding about
    /// `limit` bytes of terms, texts and month counts at most.
    pub fn new(manifest: &[u8], limit: usize) -> Result<ShardReader, ShardError> {
        Ok(ShardReader {
            manifest: Manifest::decode(manifest)?,
            meta: None,
            chunks: HashMap::new(),
            stems: HashMap::new(),
            tables: HashMap::new(),
            terms: HashMap::new(),
            texts: HashMap::new(),
            months: HashMap::new(),
            vocabulary: HashMap::new(),
            words: None,
            lists: HashMap::new(),
            held: 0,
            limit,
            clock: 0,
        })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The articles' metadata (bodies left out, word counts in), once supplied.
    pub fn metadata(&self) -> Option<&Arc<Corpus>> {
        self.meta.as_ref().map(|(c, _, _)| c)
    }

    /// Bytes of terms, texts and month counts held (as decoded).
    pub fn held(&self) -> usize {
        self.held
    }

    /// What the reader needs at start: the metadata.
    pub fn start(&self) -> Vec<Request> {
        if self.meta.is_some() {
            return Vec::new();
        }
        vec![Request {
            wanted: Wanted::Metadata,
            piece: self.manifest.metadata,
            deflated: true,
        }]
    }

    /// The text tables not read yet, if they take at most `budget` bytes
    /// in all (else none): what a page fetches once it has started, so
    /// that a search's texts come in the round trip after its terms.
    pub fn text_tables(&self, budget: u64) -> Vec<Request> {
        let m = &self.manifest;
        if m.text_tables.iter().map(|p| p.len).sum::<u64>() > budget {
            return Vec::new();
        }
        (0..m.text_tables.len())
            .filter(|t| !self.tables.contains_key(t))
            .map(|t| Request::plain(Wanted::Table(t), m.text_tables[t]))
            .collect()
    }

    /// What to fetch next for the terms `needs` name (one round trip), or
    /// nothing once [`ShardReader::index`] can answer: the stem chunks
    /// of the words whose forms are needed and the dictionary chunks of
    /// the words known so far, then the chunks of their forms, then the
    /// terms' postings and positions. Needs the metadata first.
    pub fn missing(&mut self, needs: &Needs) -> Vec<Request> {
        self.clock += 1;
        let Some((_, _, languages)) = &self.meta else {
            return self.start();
        };
        let m = &self.manifest;
        let keys = needs.stem_keys(languages);
        let mut out: Vec<Request> = Needs::stem_chunks(m, &keys)
            .into_iter()
            .filter(|i| !self.stems.contains_key(i))
            .map(|i| Request::plain(Wanted::Stems(i), m.stems[i].1))
            .collect();
        let stems_ready = out.is_empty();
        let needs = if stems_ready {
            self.expand(needs, &keys)
        } else {
            needs.clone()
        };
        let chunks = needs.chunks(m);
        out.extend(
            chunks
                .iter()
                .filter(|i| !self.chunks.contains_key(i))
                .map(|&i| Request::plain(Wanted::Dictionary(i), m.dictionary[i].1)),
        );
        if !out.is_empty() {
            return out;
        }
        let clock = self.clock;
        for i in chunks {
            for e in needs.entries(&self.chunks[&i]) {
                let term = e.term.clone();
                match self.terms.get_mut(&e.term) {
                    Some(held) if held.value.positions.is_some() || !needs.positions => {
                        held.used = clock;
                    }
                    Some(held) => {
                        held.used = clock;
                        out.push(Request::plain(Wanted::Positions(term), e.positions));
                    }
                    // Postings, then positions, right after them: one range.
                    None if needs.positions => out.push(Request::plain(
                        Wanted::Term(term),
                        Piece {
                            len: e.postings.len + e.positions.len,
                            ..e.postings
                        },
                    )),
                    None => out.push(Request::plain(Wanted::Postings(term), e.postings)),
                }
            }
        }
        out
    }

    /// What to fetch for the month counts of `terms` (one round trip: their
    /// chunks), nothing once [`ShardReader::month_counts`] can answer. Needs
    /// the metadata first (what Trends divides by).
    pub fn missing_months(&mut self, terms: &[String]) -> Vec<Request> {
        self.clock += 1;
        if self.meta.is_none() {
            return self.start();
        }
        let m = &self.manifest;
        let mut chunks: Vec<usize> = terms.iter().filter_map(|t| m.month_chunk_of(t)).collect();
        chunks.sort_unstable();
        chunks.dedup();
        let mut out = Vec::new();
        for i in chunks {
            match self.months.get_mut(&i) {
                Some(held) => held.used = self.clock,
                None => out.push(Request {
                    wanted: Wanted::Months(i),
                    piece: m.months[i].1,
                    deflated: true,
                }),
            }
        }
        out
    }

    /// The month counts of `terms`, in order (a term the corpus lacks has
    /// none); an error if a chunk has not been read (ask
    /// [`ShardReader::missing_months`] until it is empty first).
    pub fn month_counts(&self, terms: &[String]) -> Result<Vec<MonthCounts>, ShardError> {
        terms
            .iter()
            .map(|t| match self.manifest.month_chunk_of(t) {
                None => Ok(MonthCounts::default()),
                Some(i) => self
                    .months
                    .get(&i)
                    .map(|c| c.value.get(t).cloned().unwrap_or_default())
                    .ok_or_else(|| ShardError("a month-count chunk has not been read".into())),
            })
            .collect()
    }

    /// What to fetch for the dictionary entries of `words` (one round trip:
    /// their chunks), nothing once [`ShardReader::doc_counts`] can answer.
    pub fn missing_entries(&mut self, words: &[String]) -> Vec<Request> {
        self.clock += 1;
        let m = &self.manifest;
        let mut chunks: Vec<usize> = words.iter().filter_map(|w| m.chunk_of(w)).collect();
        chunks.sort_unstable();
        chunks.dedup();
        chunks
            .into_iter()
            .filter(|i| !self.chunks.contains_key(i))
            .map(|i| Request::plain(Wanted::Dictionary(i), m.dictionary[i].1))
            .collect()
    }

    /// How many articles have each of `words` (0 for a word the corpus
    /// lacks), from the dictionary; an error if a chunk has not been read
    /// (ask [`ShardReader::missing_entries`] until it is empty first).
    pub fn doc_counts(&self, words: &[String]) -> Result<Vec<u32>, ShardError> {
        words
            .iter()
            .map(|w| match self.manifest.chunk_of(w) {
                None => Ok(0),
                Some(i) => self
                    .chunks
                    .get(&i)
                    .map(|c| c.get(w).map_or(0, |e| e.docs))
                    .ok_or_else(|| ShardError("a dictionary chunk has not been read".into())),
            })
            .collect()
    }

    /// The word lists that count exactly the articles of `docs`
    /// ([`crate::shard::lists::ListTable::covering`]), if some do; `None`
    /// before the metadata is read.
    pub fn lists_for(&self, docs: &DocSet) -> Option<Vec<ListOf>> {
        let (_, facts, _) = self.meta.as_ref()?;
        self.manifest.lists.covering(facts.base(), docs)
    }

    /// What to fetch for [`ShardReader::word_counts`] of `lists` (one
    /// round trip: the vocabulary, the whole corpus' list and `lists`),
    /// nothing once it can answer. Needs the metadata first.
    pub fn missing_lists(&mut self, lists: &[ListOf]) -> Vec<Request> {
        self.clock += 1;
        if self.meta.is_none() {
            return self.start();
        }
        let m = &self.manifest;
        let mut out = Vec::new();
        if self.words.is_none() {
            out.extend(
                (0..m.vocabulary.len())
                    .filter(|i| !self.vocabulary.contains_key(i))
                    .map(|i| Request {
                        wanted: Wanted::Vocabulary(i),
                        piece: m.vocabulary[i].1,
                        deflated: true,
                    }),
            );
        }
        let mut wanted: Vec<ListOf> = lists.to_vec();
        wanted.push(ListOf::All);
        wanted.sort_unstable();
        wanted.dedup();
        for l in wanted {
            match (self.lists.get_mut(&l), m.lists.piece(l)) {
                (Some(held), _) => held.used = self.clock,
                (None, Some(piece)) => out.push(Request {
                    wanted: Wanted::List(l),
                    piece,
                    deflated: true,
                }),
                (None, None) => {}
            }
        }
        out
    }

    /// The word lists `lists` (those of [`ShardReader::lists_for`]) and
    /// the whole corpus', with the index of the vocabulary they are counted
    /// in (made here once): what [`crate::stats::words::list_counts`] sums
    /// into the same counts as the whole index's words give. An error if
    /// something is missing (ask [`ShardReader::missing_lists`] until it is
    /// empty first) or damaged.
    pub fn word_lists(&mut self, lists: &[ListOf]) -> Result<Lists, ShardError> {
        let words = match &self.words {
            Some(w) => w.clone(),
            None => {
                let (_, facts, _) = (self.meta.as_ref())
                    .ok_or_else(|| ShardError("the metadata has not been read".into()))?;
                let n = self.manifest.vocabulary.len();
                // Every chunk first (none is taken apart before all are here).
                if (0..n).any(|i| !self.vocabulary.contains_key(&i)) {
                    return Err(ShardError("a vocabulary chunk has not been read".into()));
                }
                // Sized by what was read, not by a number in the manifest.
                let words: usize = self.vocabulary.values().map(|c| c.words.len()).sum();
                let mut all = Vec::with_capacity(words);
                for i in 0..n {
                    if let Some(chunk) = self.vocabulary.get_mut(&i) {
                        all.append(&mut chunk.words);
                    }
                }
                self.vocabulary.clear();
                if all.len() as u64 != self.manifest.terms {
                    return Err(ShardError(
                        "the vocabulary does not hold the manifest's words".into(),
                    ));
                }
                let ix = Arc::new(facts.vocabulary(all).map_err(ShardError)?);
                self.words = Some(ix.clone());
                ix
            }
        };
        let list = |l: &ListOf| {
            (self.lists.get(l).map(|h| h.value.clone()))
                .ok_or_else(|| ShardError("a word list has not been read".into()))
        };
        Ok(Lists {
            vocabulary: words,
            chosen: lists.iter().map(list).collect::<Result<Vec<_>, _>>()?,
            corpus: list(&ListOf::All)?,
        })
    }

    /// The bytes the terms among `requests` take (their postings and
    /// positions): what a query costs to fetch, known once its dictionary
    /// chunks are here, before any term is fetched.
    pub fn term_bytes(requests: &[Request]) -> u64 {
        requests
            .iter()
            .filter(|r| {
                matches!(
                    r.wanted,
                    Wanted::Term(_) | Wanted::Postings(_) | Wanted::Positions(_)
                )
            })
            .map(|r| r.piece.len)
            .sum()
    }

    /// `needs` with its words' forms, from the stem chunks held.
    fn expand(&self, needs: &Needs, keys: &[String]) -> Needs {
        let mut needs = needs.clone();
        for i in Needs::stem_chunks(&self.manifest, keys) {
            needs.add_forms(&self.stems[&i], keys);
        }
        needs
    }

    /// What to fetch next for the texts of articles `docs` (one round
    /// trip): their text tables, then their texts; nothing once
    /// [`ShardReader::article`] has each. An article past the corpus, or a
    /// text table without it, is an error (never a wait for nothing).
    pub fn missing_texts(&mut self, docs: &[u32]) -> Result<Vec<Request>, ShardError> {
        self.clock += 1;
        let clock = self.clock;
        let m = &self.manifest;
        if let Some(d) = docs.iter().find(|&&d| d >= m.docs) {
            return Err(ShardError(format!("article {d}: past the corpus")));
        }
        let mut out = Vec::new();
        let mut tables: Vec<usize> = docs
            .iter()
            .map(|&d| m.table_of(d))
            .filter(|t| !self.tables.contains_key(t) && *t < m.text_tables.len())
            .collect();
        tables.sort_unstable();
        tables.dedup();
        out.extend(
            tables
                .into_iter()
                .map(|t| Request::plain(Wanted::Table(t), m.text_tables[t])),
        );
        if !out.is_empty() {
            return Ok(out);
        }
        for &d in docs {
            match self.texts.get_mut(&d) {
                Some(held) => held.used = clock,
                None => {
                    let piece = self
                        .tables
                        .get(&m.table_of(d))
                        .and_then(|t| t.piece(d))
                        .ok_or_else(|| {
                            ShardError(format!("article {d}: its text table does not place it"))
                        })?;
                    let wanted = Wanted::Text(d);
                    if !out.iter().any(|r: &Request| r.wanted == wanted) {
                        out.push(Request {
                            wanted,
                            piece,
                            deflated: true,
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    /// Hands over the bytes of a piece asked for (inflated where the
    /// request said so). Damaged bytes are an error, and nothing is kept.
    pub fn supply(&mut self, wanted: &Wanted, bytes: &[u8]) -> Result<(), ShardError> {
        let files = self.manifest.files.len();
        match wanted {
            Wanted::Metadata => {
                let meta = decode_metadata(bytes)?;
                if meta.articles().len() != self.manifest.docs as usize {
                    return Err(ShardError(
                        "the metadata does not hold the manifest's articles".into(),
                    ));
                }
                let facts = Facts::new(&meta).map_err(ShardError)?;
                let languages = meta.languages();
                self.meta = Some((Arc::new(meta), facts, languages));
            }
            Wanted::Dictionary(i) => {
                self.chunks
                    .insert(*i, DictionaryChunk::decode(bytes, files)?);
            }
            Wanted::Stems(i) => {
                self.stems.insert(*i, StemChunk::decode(bytes)?);
            }
            Wanted::Table(i) => {
                self.tables.insert(*i, TextTable::decode(bytes, files)?);
            }
            Wanted::Term(term) | Wanted::Postings(term) | Wanted::Positions(term) => {
                let entry = self
                    .manifest
                    .chunk_of(term)
                    .and_then(|i| self.chunks.get(&i))
                    .and_then(|c| c.get(term))
                    .ok_or_else(|| ShardError(format!("{term:?}: no such term was asked for")))?;
                let value = match wanted {
                    Wanted::Postings(_) => {
                        let postings = decode_postings(entry, bytes, self.manifest.docs)?;
                        // (Asked twice at once: what has its positions stays.)
                        if let Some(held) = self.terms.get_mut(term) {
                            held.used = self.clock;
                            return Ok(());
                        }
                        LoadedTerm {
                            term: term.clone(),
                            postings,
                            positions: None,
                        }
                    }
                    Wanted::Positions(_) => {
                        // Its postings let go while these were on their way:
                        // the next question asks for the whole term.
                        let Some(held) = self.terms.get(term) else {
                            return Ok(());
                        };
                        let positions = decode_positions(&held.value.postings, bytes)?;
                        LoadedTerm {
                            positions: Some(positions),
                            ..held.value.clone()
                        }
                    }
                    _ => {
                        let split = usize::try_from(entry.postings.len)
                            .ok()
                            .filter(|&n| n <= bytes.len())
                            .ok_or_else(|| ShardError(format!("{term:?}: its bytes are cut")))?;
                        let postings = decode_postings(entry, &bytes[..split], self.manifest.docs)?;
                        let positions = decode_positions(&postings, &bytes[split..])?;
                        LoadedTerm {
                            term: term.clone(),
                            postings,
                            positions: Some(positions),
                        }
                    }
                };
                let size = term.len()
                    + 8 * value.postings.len()
                    + 4 * value.positions.as_ref().map_or(0, Vec::len);
                self.hold_term(value, size);
            }
            Wanted::Vocabulary(i) => {
                if self.words.is_none() {
                    self.vocabulary.insert(*i, VocabularyChunk::decode(bytes)?);
                }
            }
            Wanted::List(l) => {
                let list = WordList::decode(bytes, self.manifest.terms as usize)?;
                let size = list.bytes();
                let held = Held {
                    value: Arc::new(list),
                    bytes: size,
                    used: self.clock,
                };
                if let Some(old) = self.lists.insert(*l, held) {
                    self.held -= old.bytes;
                }
                self.held += size;
                self.evict();
            }
            Wanted::Months(i) => {
                let chunk = MonthChunk::decode(bytes)?;
                // About as large decoded as its entries.
                let size = bytes.len() * 2;
                let held = Held {
                    value: chunk,
                    bytes: size,
                    used: self.clock,
                };
                if let Some(old) = self.months.insert(*i, held) {
                    self.held -= old.bytes;
                }
                self.held += size;
                self.evict();
            }
            Wanted::Text(d) => {
                let blocks = decode_text(bytes)?;
                let size: usize = blocks
                    .iter()
                    .map(|b| b.text().len() + std::mem::size_of::<Block>())
                    .sum();
                let mut article = self
                    .metadata()
                    .and_then(|c| c.articles().get(*d as usize))
                    .ok_or_else(|| {
                        ShardError(format!("article {d}: no such article, or no metadata yet"))
                    })?
                    .clone();
                article.body = blocks;
                let (info, words) = self
                    .meta
                    .as_ref()
                    .map(|(_, facts, _)| facts.doc_with_text(*d as usize, &article))
                    .transpose()
                    .map_err(ShardError)?
                    .ok_or_else(|| ShardError("no metadata yet".into()))?;
                let size = size + words.bytes();
                if let Some(old) = self.texts.insert(
                    *d,
                    Held {
                        value: Arc::new(Text {
                            article,
                            info,
                            words,
                        }),
                        bytes: size,
                        used: self.clock,
                    },
                ) {
                    self.held -= old.bytes;
                }
                self.held += size;
                self.evict();
            }
        }
        Ok(())
    }

    fn hold_term(&mut self, value: LoadedTerm, bytes: usize) {
        let held = Held {
            value,
            bytes,
            used: self.clock,
        };
        if let Some(old) = self.terms.insert(held.value.term.clone(), held) {
            self.held -= old.bytes;
        }
        self.held += bytes;
        self.evict();
    }

    /// Drops what was used longest ago while more than the limit is held,
    /// never what the latest call asked for.
    fn evict(&mut self) {
        if self.held <= self.limit {
            return;
        }
        /// What is held: a term, a text, a chunk of month counts.
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        enum Key {
            Term(String),
            Text(u32),
            Months(usize),
            List(ListOf),
        }
        let clock = self.clock;
        let mut old: Vec<(u64, Key)> = (self.terms.iter())
            .filter(|(_, h)| h.used < clock)
            .map(|(t, h)| (h.used, Key::Term(t.clone())))
            .chain(
                (self.texts.iter())
                    .filter(|(_, h)| h.used < clock)
                    .map(|(&d, h)| (h.used, Key::Text(d))),
            )
            .chain(
                (self.months.iter())
                    .filter(|(_, h)| h.used < clock)
                    .map(|(&i, h)| (h.used, Key::Months(i))),
            )
            .chain(
                (self.lists.iter())
                    .filter(|(_, h)| h.used < clock)
                    .map(|(&l, h)| (h.used, Key::List(l))),
            )
            .collect();
        old.sort_unstable();
        for (_, key) in old {
            if self.held <= self.limit {
                break;
            }
            let freed = match key {
                Key::Term(t) => self.terms.remove(&t).map(|h| h.bytes),
                Key::Text(d) => self.texts.remove(&d).map(|h| h.bytes),
                Key::Months(i) => self.months.remove(&i).map(|h| h.bytes),
                Key::List(l) => self.lists.remove(&l).map(|h| h.bytes),
            };
            self.held -= freed.unwrap_or(0);
        }
    }

    /// The partial index of what `needs` names ([`Index::partial`]): the
    /// same answers as the whole index. An error if something is missing
    /// (ask [`ShardReader::missing`] until it is empty first).
    pub fn index(&self, needs: &Needs) -> Result<Index, ShardError> {
        let (_, facts, languages) = self
            .meta
            .as_ref()
            .ok_or_else(|| ShardError("the metadata has not been read".into()))?;
        let m = &self.manifest;
        let keys = needs.stem_keys(languages);
        if Needs::stem_chunks(m, &keys)
            .iter()
            .any(|i| !self.stems.contains_key(i))
        {
            return Err(ShardError("a stem chunk has not been read".into()));
        }
        let needs = self.expand(needs, &keys);
        let mut terms = Vec::new();
        for i in needs.chunks(m) {
            let chunk = self
                .chunks
                .get(&i)
                .ok_or_else(|| ShardError("a dictionary chunk has not been read".into()))?;
            for e in needs.entries(chunk) {
                let held = self
                    .terms
                    .get(&e.term)
                    .filter(|h| h.value.positions.is_some() || !needs.positions)
                    .ok_or_else(|| ShardError(format!("{:?} has not been read", e.term)))?;
                terms.push(held.value.clone());
            }
        }
        let texts = |d: u32| self.texts.get(&d).map(|h| &h.value.words);
        facts.index(terms, &texts).map_err(ShardError)
    }

    /// Whether article `doc`'s text is held.
    pub fn holds_text(&self, doc: u32) -> bool {
        self.texts.contains_key(&doc)
    }

    /// Article `doc` with its text, if its text has been read.
    pub fn article(&self, doc: u32) -> Option<Arc<Text>> {
        self.texts.get(&doc).map(|h| h.value.clone())
    }
}
