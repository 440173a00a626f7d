//! A sharded static index: a corpus too large for one page, written at
//! build time as files a page fetches piece by piece ([`write`] writes
//! them; this module reads them, with no I/O of its own: the page fetches
//! the bytes a [`Piece`] names and hands them over).
//!
//! The files, all immutable and named by their bytes' hash:
//! - the **manifest** (`index-HASH.bin`, [`Manifest`]), read at start: the
//!   corpus' totals, the data files' names, and where everything else is;
//! - **data files** (`pack-HASH.bin`, at most [`PACK_LIMIT`] bytes each),
//!   each a run of pieces:
//!   - the articles' **metadata** (one piece: the corpus with every body
//!     left out, in [`crate::corpus::codec`]'s format, and each article's
//!     length in words as the index counts it),
//!     read at start for the list and the facets;
//!   - the **dictionary**, in chunks of about [`DICTIONARY_CHUNK`] bytes by
//!     term range (the manifest holds each chunk's first term): per term,
//!     its articles, its occurrences, and where its postings are;
//!   - each term's **postings**: its articles (gaps) with the count in
//!     each, then, as a piece of their own right after, its positions
//!     (gaps within each article), so that a reader needing no positions
//!     can fetch none (today's [`crate::index::Index::partial`] reads them
//!     for every term);
//!   - each article's **text** (its body, [`crate::corpus::codec::encode_body`]),
//!     found through **text tables** of [`TEXT_TABLE_DOCS`] articles each;
//!   - the **stem dictionary** in chunks by key ([`StemChunk`]): per stem
//!     in a language, its terms, as the whole index groups a word's forms;
//!   - the **month counts** in chunks by term range ([`MonthChunk`], their
//!     first terms in the manifest): per term, its occurrences and articles
//!     per month, so that Trends of a word over the whole corpus, at a
//!     month or coarser, is one fetch of a few kilobytes (no dictionary
//!     chunk, no postings).
//!
//! The metadata, the texts, the month counts and the word lists are **deflated** (raw DEFLATE, RFC 1951),
//! for hosts that do not compress a `.bin` file (most): a page is to inflate a
//! piece with the browser's `DecompressionStream("deflate-raw")`, natively
//! [`inflate`] does (feature `shard-write`); the readers here take the
//! inflated bytes.
//!
//! Articles are numbered in corpus order (date, title, id), and positions
//! are the embedded index's ([`crate::index`]): a sharded index answers
//! with the same numbers. Integers are LEB128 varints unless said; a string
//! is its length, then its UTF-8. Every read checks what it reads: a
//! corrupt or truncated file is a [`ShardError`], never a panic.

pub mod lists;
pub mod reader;
#[cfg(feature = "shard-write")]
pub mod write;

use crate::corpus::body::Block;
use crate::corpus::date::ArticleDate;
pub use crate::index::partial::{Facts, LoadedTerm};
pub use reader::{Request, ShardReader, Text, Wanted};

/// The manifest's first bytes.
pub const MAGIC: &[u8; 8] = b"LENSIDX4";

/// The most bytes a data file holds (static hosts limit file sizes; 16 MiB
/// is under every common one's).
pub const PACK_LIMIT: usize = 16 << 20;

/// About this many bytes of dictionary a chunk (a term is never split).
pub const DICTIONARY_CHUNK: usize = 32 << 10;

/// Articles a text table covers.
pub const TEXT_TABLE_DOCS: usize = 1024;

/// About this many bytes (before deflating) a chunk of month counts holds
/// (a term is never split): `sotu-x40`'s deflate to 10 to 12 KB.
pub const MONTH_CHUNK: usize = 24 << 10;

/// Bytes `start..start + len` of data file `file` (its place in
/// [`Manifest::files`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    /// The data file, by its place in the manifest's list.
    pub file: u32,
    /// The first byte.
    pub start: u64,
    /// How many bytes.
    pub len: u64,
}

impl Piece {
    /// The byte range in its file.
    pub fn range(&self) -> std::ops::Range<u64> {
        self.start..self.start + self.len
    }
}

/// Why a sharded index could not be read: the file and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardError(pub String);

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the index is unreadable: {}", self.0)
    }
}

/// What the manifest says: read at start, everything else through it.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    /// Articles.
    pub docs: u32,
    /// Words of all articles (titles and bodies).
    pub words: u64,
    /// Distinct terms.
    pub terms: u64,
    /// The data files' names, beside the manifest.
    pub files: Vec<String>,
    /// The articles' metadata ([`decode_metadata`]).
    pub metadata: Piece,
    /// Per [`TEXT_TABLE_DOCS`] articles, their text table ([`TextTable`]).
    pub text_tables: Vec<Piece>,
    /// The dictionary's chunks: each one's first term, and where it is.
    pub dictionary: Vec<(String, Piece)>,
    /// The stem dictionary's chunks ([`StemChunk`]): each one's first key
    /// ([`stem_key`]), and where it is.
    pub stems: Vec<(String, Piece)>,
    /// The month counts' chunks ([`MonthChunk`], deflated): each one's
    /// first term, and where it is.
    pub months: Vec<(String, Piece)>,
    /// The vocabulary's chunks ([`lists::VocabularyChunk`], deflated):
    /// each one's first word, and where it is.
    pub vocabulary: Vec<(String, Piece)>,
    /// Where each word list is ([`lists::WordList`], deflated).
    pub lists: lists::ListTable,
}

impl Manifest {
    /// The dictionary chunk that holds `term` if any does (by place in
    /// [`Manifest::dictionary`]): the last whose first term is not after it.
    pub fn chunk_of(&self, term: &str) -> Option<usize> {
        chunk_of(&self.dictionary, term)
    }

    /// The stem chunk that holds `key` ([`stem_key`]) if any does (by
    /// place in [`Manifest::stems`]).
    pub fn stem_chunk_of(&self, key: &str) -> Option<usize> {
        chunk_of(&self.stems, key)
    }

    /// The month-count chunk that holds `term` if any does (by place in
    /// [`Manifest::months`]).
    pub fn month_chunk_of(&self, term: &str) -> Option<usize> {
        chunk_of(&self.months, term)
    }

    /// The text table that covers article `doc` (by place in
    /// [`Manifest::text_tables`]).
    pub fn table_of(&self, doc: u32) -> usize {
        doc as usize / TEXT_TABLE_DOCS
    }

    /// Reads a manifest.
    pub fn decode(bytes: &[u8]) -> Result<Manifest, ShardError> {
        let mut r = Bytes::new(bytes, "the manifest");
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.error("wrong header (written by another version?)"));
        }
        let docs = r.u32()?;
        let words = r.varint()?;
        let terms = r.varint()?;
        let n = r.count(1)?;
        let mut files = Vec::with_capacity(n);
        for _ in 0..n {
            // Only names this module writes: nothing that leads elsewhere.
            let name = r.string()?;
            let hex = name
                .strip_prefix("pack-")
                .and_then(|n| n.strip_suffix(".bin"));
            if !hex.is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit())) {
                return Err(r.error("a data file's name is not pack-HASH.bin"));
            }
            files.push(name.to_owned());
        }
        let metadata = r.piece(files.len())?;
        let n = r.count(3)?;
        if n != (docs as usize).div_ceil(TEXT_TABLE_DOCS) {
            return Err(r.error("text tables do not cover the articles"));
        }
        let mut text_tables = Vec::with_capacity(n);
        for _ in 0..n {
            text_tables.push(r.piece(files.len())?);
        }
        let dictionary = r.chunk_list(files.len(), "dictionary chunks out of order")?;
        let stems = r.chunk_list(files.len(), "stem chunks out of order")?;
        let months = r.chunk_list(files.len(), "month-count chunks out of order")?;
        let vocabulary = r.chunk_list(files.len(), "vocabulary chunks out of order")?;
        let lists = lists::ListTable::decode(&mut r, files.len())?;
        r.end()?;
        Ok(Manifest {
            docs,
            words,
            terms,
            files,
            metadata,
            text_tables,
            dictionary,
            stems,
            months,
            vocabulary,
            lists,
        })
    }

    #[cfg(feature = "shard-write")]
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.docs.to_le_bytes());
        put_varint(&mut out, self.words);
        put_varint(&mut out, self.terms);
        put_varint(&mut out, self.files.len() as u64);
        for f in &self.files {
            put_str(&mut out, f);
        }
        put_piece(&mut out, self.metadata);
        put_varint(&mut out, self.text_tables.len() as u64);
        for &p in &self.text_tables {
            put_piece(&mut out, p);
        }
        for list in [
            &self.dictionary,
            &self.stems,
            &self.months,
            &self.vocabulary,
        ] {
            put_varint(&mut out, list.len() as u64);
            for (first, p) in list {
                put_str(&mut out, first);
                put_piece(&mut out, *p);
            }
        }
        self.lists.encode(&mut out);
        out
    }
}

/// The terms a query needs from a sharded index: its words, and the
/// prefixes whose every term it needs (`pay*`). Fields of the metadata
/// (source, tag, year …) need none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Words, each looked up as it is.
    pub words: Vec<String>,
    /// Prefixes: every term that starts with one.
    pub prefixes: Vec<String>,
    /// Words whose forms (the terms with their stem, in each language of
    /// the corpus) are needed too: found in the stem dictionary first
    /// ([`Needs::stem_keys`], [`Needs::add_forms`]).
    pub forms: Vec<String>,
    /// Whether the terms' positions are needed: a phrase's words are
    /// checked where they stand, in every article. Without, each term's
    /// postings (its articles and counts) are fetched alone, a fraction of
    /// the bytes: a query's counts, scores and title matches need no more,
    /// and its marks and snippets take the positions from the texts shown
    /// ([`crate::index::partial::Facts::index`]).
    pub positions: bool,
}

impl Needs {
    /// What `query` needs with word forms on: its words, each with its
    /// forms, and a phrase's words' positions (a phrase of forms is
    /// checked word by word: its pairs would be every form's with every
    /// other's).
    pub fn with_forms(query: &crate::search::query::Query) -> Needs {
        let mut n = Needs::walked(query, false);
        n.forms = n.words.clone();
        n
    }

    /// The stem keys of the words whose forms are needed, in each of the
    /// corpus' `languages` (keys), sorted.
    pub fn stem_keys(&self, languages: &[String]) -> Vec<String> {
        let mut keys: Vec<String> = self
            .forms
            .iter()
            .flat_map(|w| languages.iter().map(move |l| word_stem_key(l, w)))
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// The stem chunks that hold `keys` (by place in [`Manifest::stems`]), ascending.
    pub fn stem_chunks(manifest: &Manifest, keys: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = keys
            .iter()
            .filter_map(|k| manifest.stem_chunk_of(k))
            .collect();
        out.dedup();
        out
    }

    /// Adds to the words the terms `chunk` gives for `keys`.
    pub fn add_forms(&mut self, chunk: &StemChunk, keys: &[String]) {
        for k in keys {
            self.words.extend(chunk.terms(k).iter().cloned());
        }
        self.words.sort();
        self.words.dedup();
    }

    /// What `query` needs, with word forms or without ([`Needs::with_forms`],
    /// [`Needs::of`]).
    pub fn for_query(query: &crate::search::query::Query, word_forms: bool) -> Needs {
        if word_forms {
            Needs::with_forms(query)
        } else {
            Needs::of(query)
        }
    }

    /// Whether this needs everything `other` needs (so a partial index of
    /// this answers `other`'s queries too).
    pub fn covers(&self, other: &Needs) -> bool {
        let has = |mine: &[String], theirs: &[String]| {
            theirs.iter().all(|t| mine.binary_search(t).is_ok())
        };
        has(&self.words, &other.words)
            && has(&self.prefixes, &other.prefixes)
            && has(&self.forms, &other.forms)
            && (self.positions || !other.positions)
    }

    /// Adds what `other` needs (a page's views ask for their queries'
    /// terms at once: one round trip for all).
    pub fn merge(&mut self, other: &Needs) {
        for (mine, theirs) in [
            (&mut self.words, &other.words),
            (&mut self.prefixes, &other.prefixes),
            (&mut self.forms, &other.forms),
        ] {
            mine.extend(theirs.iter().cloned());
            mine.sort();
            mine.dedup();
        }
        self.positions |= other.positions;
    }

    /// What `query` needs (without word forms: a word is looked up as it
    /// is): its words, and a phrase's word pairs
    /// ([`crate::index::partial::pair_key`]; the last a prefix of pairs
    /// for `"mobile pay*"`): a phrase of two words is counted as a word is
    /// (its pair's postings alone), a longer one checks where its pairs
    /// stand (their positions: far fewer than their words').
    pub fn of(query: &crate::search::query::Query) -> Needs {
        Needs::walked(query, true)
    }

    /// What `query` needs, a phrase by its pairs or by its words.
    fn walked(query: &crate::search::query::Query, pairs: bool) -> Needs {
        use crate::index::partial::pair_key;
        use crate::search::query::Query;
        fn walk(q: &Query, n: &mut Needs, pairs: bool) {
            match q {
                Query::Text { words, prefix, .. } if pairs && words.len() > 1 => {
                    n.positions |= words.len() > 2;
                    let last = words.len() - 2;
                    for (k, w) in words.windows(2).enumerate() {
                        let key = pair_key(&w[0], &w[1]);
                        if *prefix && k == last {
                            n.prefixes.push(key);
                        } else {
                            n.words.push(key);
                        }
                    }
                }
                Query::Text { words, prefix, .. } => {
                    n.positions |= words.len() > 1;
                    let (last, rest) = words.split_last().expect("a text term has a word");
                    n.words.extend(rest.iter().cloned());
                    if *prefix {
                        n.prefixes.push(last.clone());
                    } else {
                        n.words.push(last.clone());
                    }
                }
                Query::And(qs) | Query::Or(qs) => qs.iter().for_each(|q| walk(q, n, pairs)),
                Query::Not(q) => walk(q, n, pairs),
                _ => {}
            }
        }
        let mut n = Needs::default();
        walk(query, &mut n, pairs);
        n.words.sort();
        n.words.dedup();
        n.prefixes.sort();
        n.prefixes.dedup();
        n
    }

    /// The dictionary chunks that hold what is needed (by place in
    /// [`Manifest::dictionary`]), ascending: a word's one, and for a prefix
    /// every chunk its terms may be in.
    pub fn chunks(&self, manifest: &Manifest) -> Vec<usize> {
        let d = &manifest.dictionary;
        let mut out: Vec<usize> = self
            .words
            .iter()
            .filter_map(|w| manifest.chunk_of(w))
            .collect();
        for p in &self.prefixes {
            // From the chunk where the prefix would stand (or the first) to
            // the last whose first term is not past the prefix's terms.
            let from = manifest.chunk_of(p).unwrap_or(0);
            let to = d.partition_point(|(first, _)| {
                first.as_str() < p.as_str() || first.starts_with(p.as_str())
            });
            out.extend(from..to.max(from + 1).min(d.len()));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The entries of `chunk` this needs.
    pub fn entries<'c>(
        &'c self,
        chunk: &'c DictionaryChunk,
    ) -> impl Iterator<Item = &'c TermEntry> + 'c {
        chunk.entries().iter().filter(|e| {
            self.words.binary_search(&e.term).is_ok()
                || self.prefixes.iter().any(|p| e.term.starts_with(p.as_str()))
        })
    }
}

/// In a list of chunks by first key, the last whose first key is not after `key`.
fn chunk_of(chunks: &[(String, Piece)], key: &str) -> Option<usize> {
    chunks
        .partition_point(|(first, _)| first.as_str() <= key)
        .checked_sub(1)
}

/// The key of a stem in a language (its key, `en`) in the stem dictionary.
pub fn stem_key(language: &str, stem: &str) -> String {
    // U+001F (unit separator) is in no language key and no word.
    format!("{language}\u{1f}{stem}")
}

/// The key of `word`'s stem in `language`, as the index stems its terms.
pub fn word_stem_key(language: &str, word: &str) -> String {
    stem_key(language, &crate::index::builder::stem_of(language, word))
}

/// A chunk of the stem dictionary: per stem (in a language), the terms of
/// that language with that stem, as the whole index groups them
/// ([`crate::index::Index::same_stem_ids`]): what a query with word forms
/// fetches besides its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StemChunk {
    entries: Vec<(String, Vec<String>)>,
}

impl StemChunk {
    /// Reads a chunk.
    pub fn decode(bytes: &[u8]) -> Result<StemChunk, ShardError> {
        let mut r = Bytes::new(bytes, "a stem chunk");
        let n = r.count(2)?;
        let mut entries: Vec<(String, Vec<String>)> = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.string()?.to_owned();
            if entries.last().is_some_and(|(k, _)| *k >= key) {
                return Err(r.error("stems out of order"));
            }
            let m = r.count(1)?;
            let mut terms = Vec::with_capacity(m);
            for _ in 0..m {
                terms.push(r.string()?.to_owned());
            }
            entries.push((key, terms));
        }
        r.end()?;
        Ok(StemChunk { entries })
    }

    /// The terms with the stem `key` ([`stem_key`]).
    pub fn terms(&self, key: &str) -> &[String] {
        self.entries
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .map_or(&[], |i| &self.entries[i].1)
    }
}

#[cfg(feature = "shard-write")]
pub(crate) fn encode_stem_chunk(entries: &[(String, Vec<String>)]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    for (key, terms) in entries {
        put_str(&mut out, key);
        put_varint(&mut out, terms.len() as u64);
        for t in terms {
            put_str(&mut out, t);
        }
    }
    out
}

/// A term's occurrences and articles per month: what Trends draws at a
/// month or a coarser grain without the term's postings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthCounts {
    /// Ascending, one per month with an article that has the term: the
    /// month (a date of month precision; a year-only date for the articles
    /// dated by year only), the term's occurrences in its articles, and
    /// how many of them have it.
    pub months: Vec<(ArticleDate, u64, u32)>,
    /// The same per facet value (source, section, tag; language in a
    /// corpus of two or more) whose articles have the term, by kind and
    /// place: what Trends of a facet selection draws
    /// ([`crate::stats::trends::MonthCells`]).
    pub values: Vec<(lists::ValueKind, u32, Months)>,
}

/// Months ascending, each with a term's occurrences and articles
/// ([`MonthCounts::months`]).
pub type Months = Vec<(ArticleDate, u64, u32)>;

/// A date's place among the month counts: `year × 13 + month`, month 0
/// for a date of a year only (so that keys ascend with dates).
#[cfg(feature = "shard-write")]
fn month_key(date: ArticleDate) -> u64 {
    u64::from(date.year) * 13 + u64::from(date.month.unwrap_or(0))
}

/// A chunk of month counts: terms in order, each with its [`MonthCounts`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthChunk {
    entries: Vec<(String, MonthCounts)>,
}

impl MonthChunk {
    /// Reads a chunk (inflated).
    pub fn decode(bytes: &[u8]) -> Result<MonthChunk, ShardError> {
        let mut r = Bytes::new(bytes, "a month-count chunk");
        let n = r.count(3)?;
        let mut entries: Vec<(String, MonthCounts)> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = r.front_coded(entries.last().map(|(t, _)| t.as_str()))?;
            let months = read_months(&mut r)?;
            let v = r.count(3)?;
            let mut values = Vec::with_capacity(v);
            let mut last: Option<(lists::ValueKind, u32)> = None;
            for _ in 0..v {
                let kind = lists::ValueKind::from_byte(r.take(1)?[0])
                    .ok_or_else(|| r.error("a facet that is not one"))?;
                let value = r.u32_varint()?;
                if last.is_some_and(|l| l >= (kind, value)) {
                    return Err(r.error("facet values out of order"));
                }
                last = Some((kind, value));
                values.push((kind, value, read_months(&mut r)?));
            }
            entries.push((term, MonthCounts { months, values }));
        }
        r.end()?;
        Ok(MonthChunk { entries })
    }

    /// The month counts of `term`, if the chunk has it.
    pub fn get(&self, term: &str) -> Option<&MonthCounts> {
        self.entries
            .binary_search_by(|(t, _)| t.as_str().cmp(term))
            .ok()
            .map(|i| &self.entries[i].1)
    }
}

/// Months ascending with their counts, as [`encode_months`] writes them.
fn read_months(r: &mut Bytes<'_>) -> Result<Months, ShardError> {
    let m = r.count(3)?;
    let mut months = Vec::with_capacity(m);
    let mut key: Option<u64> = None;
    for _ in 0..m {
        let gap = r.varint()?;
        let k = match key {
            None => Some(gap),
            Some(k) => k.checked_add(gap).and_then(|k| k.checked_add(1)),
        }
        .ok_or_else(|| r.error("a month past the calendar"))?;
        key = Some(k);
        let (year, month) = (k / 13, (k % 13) as u8);
        if !(1..=9999).contains(&year) {
            return Err(r.error("a month past the calendar"));
        }
        let count = r.varint()?;
        let docs = r.u32_varint()?;
        if docs == 0 || u64::from(docs) > count {
            return Err(r.error("more articles with a term than its occurrences"));
        }
        let date = ArticleDate {
            year: year as u16,
            month: (month > 0).then_some(month),
            day: None,
        };
        months.push((date, count, docs));
    }
    Ok(months)
}

/// A term's month counts and its month counts per facet value (in
/// order), as a chunk holds them (after its term).
#[cfg(feature = "shard-write")]
pub(crate) fn encode_month_counts(counts: &MonthCounts) -> Vec<u8> {
    let mut out = encode_months(&counts.months);
    put_varint(&mut out, counts.values.len() as u64);
    for (kind, value, months) in &counts.values {
        out.push(*kind as u8);
        put_varint(&mut out, u64::from(*value));
        out.extend_from_slice(&encode_months(months));
    }
    out
}

/// A term's month counts as a chunk holds them (after its term):
/// `months` ascending by date, each month's occurrences and articles.
#[cfg(feature = "shard-write")]
fn encode_months(months: &[(ArticleDate, u64, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, months.len() as u64);
    let mut last: Option<u64> = None;
    for &(date, count, docs) in months {
        let k = month_key(date);
        put_varint(&mut out, last.map_or(k, |l| k - l - 1));
        put_varint(&mut out, count);
        put_varint(&mut out, u64::from(docs));
        last = Some(k);
    }
    out
}

/// A chunk of month counts: each term (in order) with its bytes from [`encode_months`].
#[cfg(feature = "shard-write")]
pub(crate) fn encode_month_chunk(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    let mut prev = "";
    for (term, months) in entries {
        put_front_coded(&mut out, prev, term);
        out.extend_from_slice(months);
        prev = term;
    }
    out
}

/// One term of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermEntry {
    /// The term (normalised, as the index holds it).
    pub term: String,
    /// Articles that have it.
    pub docs: u32,
    /// Its occurrences in all.
    pub count: u64,
    /// Its articles and the count in each ([`decode_postings`]).
    pub postings: Piece,
    /// Its positions ([`decode_positions`]): right after `postings`, in the same file.
    pub positions: Piece,
}

/// A chunk of the dictionary: terms in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictionaryChunk {
    entries: Vec<TermEntry>,
}

impl DictionaryChunk {
    /// Reads a chunk (`files`: how many data files the manifest names).
    pub fn decode(bytes: &[u8], files: usize) -> Result<DictionaryChunk, ShardError> {
        let mut r = Bytes::new(bytes, "a dictionary chunk");
        let n = r.count(5)?;
        let mut entries: Vec<TermEntry> = Vec::with_capacity(n);
        for _ in 0..n {
            let term = r.front_coded(entries.last().map(|e| e.term.as_str()))?;
            let docs = r.u32_varint()?;
            let count = r.varint()?;
            let postings = r.piece(files)?;
            let len = r.varint()?;
            if postings
                .start
                .checked_add(postings.len)
                .and_then(|e| e.checked_add(len))
                .is_none_or(|e| e > PACK_LIMIT as u64)
            {
                return Err(r.error("positions outside the data files"));
            }
            entries.push(TermEntry {
                term,
                docs,
                count,
                postings,
                positions: Piece {
                    file: postings.file,
                    start: postings.start + postings.len,
                    len,
                },
            });
        }
        r.end()?;
        Ok(DictionaryChunk { entries })
    }

    /// The entry of `term`, if the chunk has it.
    pub fn get(&self, term: &str) -> Option<&TermEntry> {
        self.entries
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Every entry, in term order.
    pub fn entries(&self) -> &[TermEntry] {
        &self.entries
    }
}

#[cfg(feature = "shard-write")]
pub(crate) fn encode_chunk(entries: &[TermEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    let mut prev = "";
    for e in entries {
        put_front_coded(&mut out, prev, &e.term);
        put_varint(&mut out, u64::from(e.docs));
        put_varint(&mut out, e.count);
        put_piece(&mut out, e.postings);
        put_varint(&mut out, e.positions.len);
        prev = &e.term;
    }
    out
}

/// `term` after `prev` (terms ascending): the bytes it shares with `prev`,
/// and the rest ([`Bytes::front_coded`] reads it).
#[cfg(feature = "shard-write")]
fn put_front_coded(out: &mut Vec<u8>, prev: &str, term: &str) {
    let t = term.as_bytes();
    let shared = prev.bytes().zip(t).take_while(|(a, b)| a == *b).count();
    // Shared bytes end on a character boundary, so that every stored
    // rest is whole characters (checked as UTF-8 when read).
    let shared = (0..=shared)
        .rev()
        .find(|&s| term.is_char_boundary(s))
        .unwrap_or(0);
    put_varint(out, shared as u64);
    put_varint(out, (t.len() - shared) as u64);
    out.extend_from_slice(&t[shared..]);
}

/// A term's articles and the count in each, from its postings piece.
pub fn decode_postings(
    entry: &TermEntry,
    bytes: &[u8],
    docs: u32,
) -> Result<Vec<(u32, u32)>, ShardError> {
    let mut r = Bytes::new(bytes, "postings");
    let n = entry.docs as usize;
    if n > bytes.len() {
        return Err(r.error("more articles than bytes"));
    }
    let mut out = Vec::with_capacity(n);
    let mut doc: u64 = 0;
    let mut total: u64 = 0;
    for i in 0..n {
        let gap = r.varint()?;
        doc = if i == 0 {
            gap
        } else {
            doc.checked_add(gap)
                .and_then(|d| d.checked_add(1))
                .ok_or_else(|| r.error("an article past 2⁶⁴"))?
        };
        let count = r.u32_varint()?;
        if doc >= u64::from(docs) || count == 0 {
            return Err(r.error("an article out of range, or none of the term in it"));
        }
        total += u64::from(count);
        out.push((doc as u32, count));
    }
    r.end()?;
    if total != entry.count {
        return Err(r.error("counts do not add up to the term's"));
    }
    Ok(out)
}

/// A term's positions, article by article as `postings` lists them, flat.
pub fn decode_positions(postings: &[(u32, u32)], bytes: &[u8]) -> Result<Vec<u32>, ShardError> {
    let mut r = Bytes::new(bytes, "positions");
    let total: usize = postings.iter().map(|&(_, c)| c as usize).sum();
    if total > bytes.len() {
        return Err(r.error("more positions than bytes"));
    }
    let mut out = Vec::with_capacity(total);
    for &(_, count) in postings {
        let mut at: u64 = 0;
        for i in 0..count {
            let gap = r.varint()?;
            at = if i == 0 {
                gap
            } else {
                at.checked_add(gap)
                    .and_then(|a| a.checked_add(1))
                    .ok_or_else(|| r.error("a position past 2⁶⁴"))?
            };
            out.push(u32::try_from(at).map_err(|_| r.error("a position past 2³²"))?);
        }
    }
    r.end()?;
    Ok(out)
}

/// Where each article of a text table's range has its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextTable {
    pieces: Vec<Piece>,
}

impl TextTable {
    /// Reads a text table.
    pub fn decode(bytes: &[u8], files: usize) -> Result<TextTable, ShardError> {
        let mut r = Bytes::new(bytes, "a text table");
        let n = r.count(3)?;
        let mut pieces = Vec::with_capacity(n);
        for _ in 0..n {
            pieces.push(r.piece(files)?);
        }
        r.end()?;
        Ok(TextTable { pieces })
    }

    /// Where article `doc` (of the whole corpus) has its text: this table
    /// must be the one [`Manifest::table_of`] names for it (a table holds no
    /// article numbers); `None` past the table's end.
    pub fn piece(&self, doc: u32) -> Option<Piece> {
        self.pieces.get(doc as usize % TEXT_TABLE_DOCS).copied()
    }
}

#[cfg(feature = "shard-write")]
pub(crate) fn encode_table(pieces: &[Piece]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, pieces.len() as u64);
    for &p in pieces {
        put_piece(&mut out, p);
    }
    out
}

/// The most bytes a deflated piece inflates to (a metadata piece of many
/// articles, or one article's text): past it, a piece is damaged (or a
/// bomb), not read.
pub const MAX_INFLATED: usize = 256 << 20;

/// A deflated piece (the metadata, a text), inflated: natively, as the page
/// does with `DecompressionStream("deflate-raw")`.
#[cfg(feature = "shard-write")]
pub fn inflate(piece: &[u8]) -> Result<Vec<u8>, ShardError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(piece, MAX_INFLATED)
        .map_err(|e| ShardError(format!("a deflated piece: {:?}", e.status)))
}

/// The articles' metadata (bodies left out), from its piece (inflated): the corpus in
/// the codec's format, each word count 0 (the codec holds a count to no
/// more words than its text has bytes), then the word counts.
pub fn decode_metadata(bytes: &[u8]) -> Result<crate::Corpus, ShardError> {
    let mut r = Bytes::new(bytes, "the metadata");
    let coded = r.take_len()?;
    let bare = crate::corpus::codec::decode_copy(coded)
        .map_err(|e| ShardError(format!("the metadata: {}", e.0)))?;
    let n = bare.articles().len();
    if n > bytes.len() {
        return Err(r.error("more articles than bytes"));
    }
    let mut counts = Vec::with_capacity(n);
    for a in bare.articles() {
        // A word takes a byte at least, and an article's text is one piece
        // (inflated, at most MAX_INFLATED bytes): a count past that is
        // damage (the index sizes arrays by it).
        let count = r.varint()?;
        if count > (a.title.len() + MAX_INFLATED) as u64 {
            return Err(r.error("an article claims more words than it can hold"));
        }
        counts.push(count as usize);
    }
    r.end()?;
    Ok(crate::Corpus::assemble(
        bare.info().clone(),
        bare.articles().to_vec(),
        counts,
        Some(bare.stop_lists().to_vec()),
    ))
}

#[cfg(feature = "shard-write")]
pub(crate) fn encode_metadata(coded: &[u8], counts: &[usize]) -> Vec<u8> {
    let mut out = Vec::with_capacity(coded.len() + 2 * counts.len() + 8);
    put_varint(&mut out, coded.len() as u64);
    out.extend_from_slice(coded);
    for &c in counts {
        put_varint(&mut out, c as u64);
    }
    out
}

/// An article's body, from its text piece (inflated).
pub fn decode_text(bytes: &[u8]) -> Result<Vec<Block>, ShardError> {
    crate::corpus::codec::decode_body(bytes).map_err(|e| ShardError(format!("a text: {}", e.0)))
}

#[cfg(feature = "shard-write")]
fn put_varint(out: &mut Vec<u8>, n: u64) {
    let (bytes, len) = crate::leb128::encode(n);
    out.extend_from_slice(&bytes[..len]);
}

#[cfg(feature = "shard-write")]
fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

#[cfg(feature = "shard-write")]
fn put_piece(out: &mut Vec<u8>, p: Piece) {
    put_varint(out, u64::from(p.file));
    put_varint(out, p.start);
    put_varint(out, p.len);
}

/// A reader of bytes that names what it reads in its errors.
struct Bytes<'a> {
    bytes: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Bytes<'a> {
    fn new(bytes: &'a [u8], what: &'static str) -> Bytes<'a> {
        Bytes {
            bytes,
            pos: 0,
            what,
        }
    }

    fn error(&self, why: &str) -> ShardError {
        ShardError(format!("{}, byte {}: {why}", self.what, self.pos))
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ShardError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("truncated"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ShardError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u64, ShardError> {
        use crate::leb128::{decode, Unread};
        match decode(&self.bytes[self.pos..]) {
            Ok((n, len)) => {
                self.pos += len;
                Ok(n)
            }
            Err(Unread::Truncated) => Err(self.error("truncated")),
            Err(Unread::TooBig) => Err(self.error("a number past 2⁶⁴")),
        }
    }

    fn u32_varint(&mut self) -> Result<u32, ShardError> {
        let n = self.varint()?;
        u32::try_from(n).map_err(|_| self.error("a count past 2³²"))
    }

    /// A count of items of at least `min` bytes each, if the bytes left can hold them.
    fn count(&mut self, min: usize) -> Result<usize, ShardError> {
        let n = self.varint()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n.saturating_mul(min as u64) > left {
            return Err(self.error("more items than bytes"));
        }
        Ok(n as usize)
    }

    fn take_len(&mut self) -> Result<&'a [u8], ShardError> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| self.error("truncated"))?;
        self.take(n)
    }

    fn string(&mut self) -> Result<&'a str, ShardError> {
        let b = self.take_len()?;
        std::str::from_utf8(b).map_err(|_| self.error("a string is not UTF-8"))
    }

    /// A term written after `prev` ([`put_front_coded`]): the bytes it
    /// shares with `prev`, then the rest; terms strictly ascending.
    fn front_coded(&mut self, prev: Option<&str>) -> Result<String, ShardError> {
        let shared = self.varint()?;
        let first = prev.is_none();
        let prev = prev.unwrap_or("");
        let rest = self.take_len()?;
        let shared = usize::try_from(shared)
            .ok()
            .filter(|&s| s <= prev.len())
            .ok_or_else(|| self.error("a term shares more than the one before has"))?;
        let mut term = prev.as_bytes()[..shared].to_vec();
        term.extend_from_slice(rest);
        let term = String::from_utf8(term).map_err(|_| self.error("a term is not UTF-8"))?;
        if !first && *prev >= *term {
            return Err(self.error("terms out of order"));
        }
        Ok(term)
    }

    fn piece(&mut self, files: usize) -> Result<Piece, ShardError> {
        let file = self.u32_varint()?;
        let (start, len) = (self.varint()?, self.varint()?);
        if file as usize >= files || start.checked_add(len).is_none_or(|e| e > PACK_LIMIT as u64) {
            return Err(self.error("a piece outside the data files"));
        }
        Ok(Piece { file, start, len })
    }

    /// A list of chunks by first key, as [`Manifest::encode`] writes it:
    /// keys ascending, or the error `disorder`.
    fn chunk_list(
        &mut self,
        files: usize,
        disorder: &str,
    ) -> Result<Vec<(String, Piece)>, ShardError> {
        let n = self.count(4)?;
        let mut list: Vec<(String, Piece)> = Vec::with_capacity(n);
        for _ in 0..n {
            let first = self.string()?.to_owned();
            if list.last().is_some_and(|(f, _)| *f >= first) {
                return Err(self.error(disorder));
            }
            list.push((first, self.piece(files)?));
        }
        Ok(list)
    }

    fn end(&self) -> Result<(), ShardError> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(self.error("trailing bytes"))
        }
    }
}
