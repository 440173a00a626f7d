//! Writes a corpus as a sharded static index (the format: [`crate::shard`]).
//!
//! The articles are indexed in batches of about `batch_words` words, each
//! by the embedded index's own builder ([`Index::new`] on the batch): the
//! same tokenizer, the same positions, so the sharded index cannot count
//! otherwise. A batch's texts go to the data files as it is read; its
//! postings are appended to each term's, kept as varint bytes (about 1.3
//! bytes a word), so memory holds the corpus' compressed postings and one
//! batch, not an index of the whole corpus. The data files are handed to
//! `out` as they fill.

use rustc_hash::FxHashMap;

use super::{
    encode_chunk, encode_metadata, encode_stem_chunk, encode_table, put_varint, stem_key, Manifest,
    Piece, TermEntry, DICTIONARY_CHUNK, PACK_LIMIT, TEXT_TABLE_DOCS,
};
use crate::corpus::codec::{encode, encode_body, fnv1a};
use crate::corpus::{Article, Corpus};
use crate::index::builder::{most_articles, stem_of};
use crate::index::Index;
use crate::text::language::language_key;

/// Where [`write_index`] puts a file: its name and bytes (an error stops the writing).
pub type Out<'o> = dyn FnMut(&str, &[u8]) -> Result<(), String> + 'o;

/// What [`write_index`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The manifest's file name (`index-HASH.bin`).
    pub manifest: String,
    /// The data files' names, in order.
    pub files: Vec<String>,
    /// Bytes of all files, the manifest's included.
    pub bytes: u64,
    /// Distinct terms.
    pub terms: u64,
}

/// How [`write_index`] cuts its work and its files.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// About this many words are indexed at a time (memory holds one batch's index).
    pub batch_words: usize,
    /// The most bytes a data file holds (at most [`PACK_LIMIT`]).
    pub pack_limit: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            batch_words: 4_000_000,
            pack_limit: PACK_LIMIT,
        }
    }
}

/// A term's postings as they are read: bytes to write as they are.
#[derive(Default)]
struct TermPostings {
    /// Per article: the gap from the last (less one), the count.
    docs: Vec<u8>,
    /// Per article: its positions' gaps (less one).
    positions: Vec<u8>,
    last: Option<u32>,
    doc_count: u32,
    /// Its articles in each of the corpus' languages (by place).
    by_language: Vec<u32>,
    count: u64,
}

/// The data files, filled piece after piece, each handed to `out` when full.
struct Packs<'o> {
    limit: usize,
    current: Vec<u8>,
    names: Vec<String>,
    bytes: u64,
    out: &'o mut Out<'o>,
}

impl Packs<'_> {
    /// Writes `parts` as adjacent pieces of one file.
    fn put(&mut self, parts: &[&[u8]], what: &dyn Fn() -> String) -> Result<Vec<Piece>, String> {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        if len > self.limit {
            return Err(format!(
                "{} takes {len} bytes, over the {} a file may hold",
                what(),
                self.limit
            ));
        }
        if self.current.len() + len > self.limit {
            self.flush()?;
        }
        let file = self.names.len() as u32;
        Ok(parts
            .iter()
            .map(|p| {
                let piece = Piece {
                    file,
                    start: self.current.len() as u64,
                    len: p.len() as u64,
                };
                self.current.extend_from_slice(p);
                piece
            })
            .collect())
    }

    fn flush(&mut self) -> Result<(), String> {
        if self.current.is_empty() {
            return Ok(());
        }
        let name = format!("pack-{:016x}.bin", fnv1a(&self.current));
        (self.out)(&name, &self.current)?;
        self.bytes += self.current.len() as u64;
        self.names.push(name);
        self.current.clear();
        Ok(())
    }
}

/// `items` (in key order) in chunks of about `target` bytes, each written
/// whole: each chunk's first key and piece. `key` gives an item's key and
/// about how many bytes it takes.
fn put_chunks<T>(
    packs: &mut Packs<'_>,
    items: &[T],
    target: usize,
    key: impl Fn(&T) -> (String, usize),
    encode: impl Fn(&[T]) -> Vec<u8>,
    what: &str,
) -> Result<Vec<(String, Piece)>, String> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut end = start;
        let mut size = 0;
        while end < items.len() && (end == start || size < target) {
            size += key(&items[end]).1;
            end += 1;
        }
        let piece = packs.put(&[&encode(&items[start..end])], &|| what.to_string())?[0];
        out.push((key(&items[start]).0, piece));
        start = end;
    }
    Ok(out)
}

/// `bytes` deflated (raw DEFLATE, as the page's `DecompressionStream("deflate-raw")` reads it).
fn deflate(bytes: &[u8]) -> Vec<u8> {
    // Level 6: zlib's default; 9 saves about 1% for twice the time.
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

/// Writes `corpus` as a sharded index through `out` (a file's name and
/// bytes; its error stops the writing).
pub fn write_index(
    corpus: &Corpus,
    options: Options,
    out: &mut Out<'_>,
) -> Result<Written, String> {
    let batch_words = options.batch_words.max(1);
    let mut packs = Packs {
        limit: options.pack_limit.min(PACK_LIMIT),
        current: Vec::new(),
        names: Vec::new(),
        bytes: 0,
        out,
    };
    let articles = corpus.articles();
    // The languages as the whole index places them, and each article's.
    let languages = corpus.languages();
    let doc_lang: Vec<usize> = articles
        .iter()
        .map(|a| {
            let k = language_key(&a.language);
            languages.iter().position(|l| *l == k).unwrap_or(0)
        })
        .collect();
    let counts: Vec<usize> = (0..articles.len()).map(|i| corpus.word_count(i)).collect();

    let mut terms: FxHashMap<String, TermPostings> = FxHashMap::default();
    let mut texts: Vec<Piece> = Vec::with_capacity(articles.len());
    // Each article's words as the index counts them (title and body).
    let mut lens: Vec<usize> = Vec::with_capacity(articles.len());
    let mut from = 0;
    while from < articles.len() {
        let mut to = from;
        let mut size = 0;
        while to < articles.len() && (to == from || size + counts[to] <= batch_words) {
            size += counts[to];
            to += 1;
        }
        for a in &articles[from..to] {
            let what = || format!("article {}'s text", a.id);
            texts.push(packs.put(&[&deflate(&encode_body(&a.body))], &what)?[0]);
        }
        let batch = Corpus::assemble(
            corpus.info().clone(),
            articles[from..to].to_vec(),
            counts[from..to].to_vec(),
            Some(corpus.stop_lists().to_vec()),
        );
        let index = Index::new(&batch);
        lens.extend((0..index.doc_count()).map(|d| index.doc(d).len as usize));
        for (t, term) in index.terms.iter().enumerate() {
            let p = terms.entry(term.clone()).or_default();
            for posting in index.postings(t as u32).iter() {
                let doc = from as u32 + posting.doc;
                put_varint(&mut p.docs, u64::from(doc - p.last.map_or(0, |l| l + 1)));
                put_varint(&mut p.docs, posting.positions.len() as u64);
                let mut last: Option<u32> = None;
                for &at in posting.positions {
                    put_varint(&mut p.positions, u64::from(at - last.map_or(0, |l| l + 1)));
                    last = Some(at);
                }
                p.last = Some(doc);
                p.doc_count += 1;
                p.by_language.resize(languages.len(), 0);
                p.by_language[doc_lang[doc as usize]] += 1;
                p.count += posting.positions.len() as u64;
            }
        }
        from = to;
    }

    // The metadata: the corpus with its bodies left out, in the codec's
    // format, and each article's length as the index has it.
    let bare: Vec<Article> = articles
        .iter()
        .map(|a| Article {
            body: Vec::new(),
            ..a.clone()
        })
        .collect();
    let bare = Corpus::assemble(
        corpus.info().clone(),
        bare,
        vec![0; lens.len()],
        Some(corpus.stop_lists().to_vec()),
    );
    let metadata = encode_metadata(&encode(&bare), &lens);
    drop(bare);
    let metadata = packs.put(&[&deflate(&metadata)], &|| "the metadata".into())?[0];
    let words: u64 = lens.iter().map(|&l| l as u64).sum();

    // The postings, term by term in order, each term's bytes freed as written.
    let mut sorted: Vec<(String, TermPostings)> = terms.drain().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let term_count = sorted.len() as u64;
    let mut entries = Vec::with_capacity(sorted.len());
    // Per stem (in a language), its terms: the stem dictionary.
    let mut stems: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (term, p) in sorted {
        let lang = most_articles(&p.by_language) as usize;
        stems
            .entry(stem_key(
                &languages[lang],
                &stem_of(&languages[lang], &term),
            ))
            .or_default()
            .push(term.clone());
        let what = || format!("the postings of {term:?}");
        let pieces = packs.put(&[&p.docs, &p.positions], &what)?;
        entries.push(TermEntry {
            term,
            docs: p.doc_count,
            count: p.count,
            postings: pieces[0],
            positions: pieces[1],
        });
    }

    // The dictionary and the stem dictionary, in chunks of about
    // DICTIONARY_CHUNK bytes (or a quarter of a file, for files smaller
    // than tests make them). A term's entry: its bytes and at most 24 more
    // (its counts and pieces, up to four bytes each) short of counts past
    // 2²⁸; a stem's: its key, and its terms with their lengths.
    let target = DICTIONARY_CHUNK.min(packs.limit / 4);
    let dictionary = put_chunks(
        &mut packs,
        &entries,
        target,
        |e| (e.term.clone(), e.term.len() + 24),
        encode_chunk,
        "a dictionary chunk",
    )?;
    let stems: Vec<(String, Vec<String>)> = stems.into_iter().collect();
    let stems = put_chunks(
        &mut packs,
        &stems,
        target,
        |(k, ts)| {
            (
                k.clone(),
                k.len() + 2 + ts.iter().map(|t| t.len() + 2).sum::<usize>(),
            )
        },
        encode_stem_chunk,
        "a stem chunk",
    )?;

    let mut text_tables = Vec::new();
    for table in texts.chunks(TEXT_TABLE_DOCS) {
        text_tables.push(packs.put(&[&encode_table(table)], &|| "a text table".into())?[0]);
    }
    packs.flush()?;

    let manifest = Manifest {
        docs: articles.len() as u32,
        words,
        terms: term_count,
        files: packs.names.clone(),
        metadata,
        text_tables,
        dictionary,
        stems,
    };
    let bytes = manifest.encode();
    let name = format!("index-{:016x}.bin", fnv1a(&bytes));
    (packs.out)(&name, &bytes)?;
    Ok(Written {
        manifest: name,
        files: packs.names,
        bytes: packs.bytes + bytes.len() as u64,
        terms: term_count,
    })
}
