//! Writes a corpus as a sharded static index (the format: [`crate::shard`]).
//!
//! The articles come one at a time, in any order ([`ShardWriter`]), and
//! are indexed in batches of about `batch_words` words, each by the
//! embedded index's own builder ([`Index::new`] on the batch): the same
//! tokenizer, the same positions, so the sharded index cannot count
//! otherwise. An article's text goes to the data files when it comes; a
//! batch's postings are appended to each term's, kept as varint bytes
//! (about 1.3 bytes a word), and renumbered in corpus order at the end.
//! So memory holds the articles' metadata, the postings and one batch, not
//! the corpus nor an index of it. The data files are handed to `out` as
//! they fill.

use rustc_hash::FxHashMap;

use super::{
    encode_chunk, encode_metadata, encode_month_chunk, encode_months, encode_stem_chunk,
    encode_table, put_varint, stem_key, Bytes, Manifest, Piece, TermEntry, DICTIONARY_CHUNK,
    MONTH_CHUNK, PACK_LIMIT, TEXT_TABLE_DOCS,
};
use crate::corpus::codec::{encode, encode_body, fnv1a};
use crate::corpus::date::ArticleDate;
use crate::corpus::{Article, Corpus, CorpusInfo};
use crate::index::builder::{most_articles, stem_of};
use crate::index::partial::PAIR;
use crate::index::Index;
use crate::text::language::language_key;
use crate::text::lexicon::StopList;
use crate::text::lexicon::BREAK;

/// Where [`write_index`] and [`ShardWriter`] put a file: its name and bytes (an error stops the writing).
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
/// whole: each chunk's first key and piece. `key` gives an item's key,
/// `size` about how many bytes it takes.
fn put_chunks<T>(
    packs: &mut Packs<'_>,
    items: &[T],
    target: usize,
    key: impl Fn(&T) -> &str,
    size: impl Fn(&T) -> usize,
    encode: impl Fn(&[T]) -> Vec<u8>,
    what: &str,
) -> Result<Vec<(String, Piece)>, String> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < items.len() && (end == start || bytes < target) {
            bytes += size(&items[end]);
            end += 1;
        }
        let piece = packs.put(&[&encode(&items[start..end])], &|| what.to_string())?[0];
        out.push((key(&items[start]).to_string(), piece));
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
/// bytes; its error stops the writing): [`ShardWriter`] given its articles.
pub fn write_index(
    corpus: &Corpus,
    options: Options,
    out: &mut Out<'_>,
) -> Result<Written, String> {
    let mut w = ShardWriter::new(
        corpus.info().clone(),
        corpus.stop_lists().to_vec(),
        options,
        out,
    );
    for a in corpus.articles() {
        w.add(a.clone())?;
    }
    w.finish()
}

/// A sharded index written one article at a time, in any order: each
/// article's text goes to the data files when it is given, its words are
/// indexed with the batch it falls in, and [`ShardWriter::finish`] numbers
/// the articles in corpus order (date, title, id), as [`Corpus::new`]
/// does, and writes the rest. Memory holds the articles' metadata, every
/// term's postings as varint bytes and one batch: never the corpus.
pub struct ShardWriter<'o> {
    info: CorpusInfo,
    stop_lists: Vec<StopList>,
    batch_words: usize,
    packs: Packs<'o>,
    /// The batch being gathered, and its words (about: bytes / 6).
    batch: Vec<Article>,
    batch_size: usize,
    /// Per article given (in the order given): its metadata, its text's
    /// piece, its length in words, its language (by place in `languages`).
    bare: Vec<Article>,
    texts: Vec<Piece>,
    lens: Vec<usize>,
    doc_lang: Vec<usize>,
    /// Language keys, in the order first seen.
    languages: Vec<String>,
    /// Per term, its postings by article in the order given.
    terms: FxHashMap<String, TermPostings>,
}

impl<'o> ShardWriter<'o> {
    /// A writer of a corpus of `info` and `stop_lists`, through `out`.
    pub fn new(
        info: CorpusInfo,
        stop_lists: Vec<StopList>,
        options: Options,
        out: &'o mut Out<'o>,
    ) -> ShardWriter<'o> {
        ShardWriter {
            info,
            stop_lists,
            batch_words: options.batch_words.max(1),
            packs: Packs {
                limit: options.pack_limit.min(PACK_LIMIT),
                current: Vec::new(),
                names: Vec::new(),
                bytes: 0,
                out,
            },
            batch: Vec::new(),
            batch_size: 0,
            bare: Vec::new(),
            texts: Vec::new(),
            lens: Vec::new(),
            doc_lang: Vec::new(),
            languages: Vec::new(),
            terms: FxHashMap::default(),
        }
    }

    /// Adds an article (one without a language takes the corpus').
    pub fn add(&mut self, mut article: Article) -> Result<(), String> {
        if article.language.trim().is_empty() {
            article.language = self
                .info
                .language
                .clone()
                .unwrap_or_else(|| "en".into())
                .into();
        }
        let what = || format!("article {}'s text", article.id);
        let text = self
            .packs
            .put(&[&deflate(&encode_body(&article.body))], &what)?[0];
        self.texts.push(text);
        let key = language_key(&article.language);
        let lang = match self.languages.iter().position(|l| *l == key) {
            Some(l) => l,
            None => {
                self.languages.push(key);
                self.languages.len() - 1
            }
        };
        self.doc_lang.push(lang);
        // The metadata: the article but its body (not copied).
        let body = std::mem::take(&mut article.body);
        self.bare.push(article.clone());
        article.body = body;
        // About six bytes a word: a batch's size, not a count.
        self.batch_size += (article.title.len() + article.body_len()) / 6 + 1;
        self.batch.push(article);
        if self.batch_size >= self.batch_words {
            self.index_batch();
        }
        Ok(())
    }

    /// Indexes the batch gathered: its postings appended to each term's.
    fn index_batch(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let from = self.lens.len() as u32;
        let n = self.batch.len();
        let batch = Corpus::assemble(
            self.info.clone(),
            std::mem::take(&mut self.batch),
            vec![0; n],
            Some(self.stop_lists.clone()),
        );
        self.batch_size = 0;
        let index = Index::new(&batch);
        self.lens
            .extend((0..index.doc_count()).map(|d| index.doc(d).len as usize));
        for (t, term) in index.terms.iter().enumerate() {
            let p = self.terms.entry(term.clone()).or_default();
            for posting in index.postings(t as u32).iter() {
                let doc = from + posting.doc;
                put_varint(&mut p.docs, u64::from(doc - p.last.map_or(0, |l| l + 1)));
                put_varint(&mut p.docs, posting.positions.len() as u64);
                let mut last: Option<u32> = None;
                for &at in posting.positions {
                    put_varint(&mut p.positions, u64::from(at - last.map_or(0, |l| l + 1)));
                    last = Some(at);
                }
                p.last = Some(doc);
                p.doc_count += 1;
                p.count += posting.positions.len() as u64;
            }
        }
        // Every pair of words in a row (not across the title's break), a
        // term of its own ([`crate::index::partial::pair_key`]): article
        // by article, its starts.
        let mut key = String::new();
        let mut starts: Vec<(u32, u32, u32)> = Vec::new();
        for d in 0..index.doc_count() {
            let seq = index.words_of(d);
            starts.clear();
            starts.extend(
                (seq.windows(2).enumerate())
                    .filter(|(_, w)| w[0] != BREAK && w[1] != BREAK)
                    .map(|(p, w)| (w[0], w[1], p as u32)),
            );
            starts.sort_unstable();
            let doc = from + d as u32;
            for run in starts.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
                key.clear();
                key.push(PAIR);
                key.push_str(index.term(run[0].0));
                key.push(' ');
                key.push_str(index.term(run[0].1));
                if !self.terms.contains_key(key.as_str()) {
                    self.terms.insert(key.clone(), TermPostings::default());
                }
                let p = self.terms.get_mut(key.as_str()).expect("just put");
                put_varint(&mut p.docs, u64::from(doc - p.last.map_or(0, |l| l + 1)));
                put_varint(&mut p.docs, run.len() as u64);
                let mut last: Option<u32> = None;
                for &(_, _, at) in run {
                    put_varint(&mut p.positions, u64::from(at - last.map_or(0, |l| l + 1)));
                    last = Some(at);
                }
                p.last = Some(doc);
                p.doc_count += 1;
                p.count += run.len() as u64;
            }
        }
    }

    /// Numbers the articles in corpus order and writes the postings, the
    /// metadata, the dictionaries, the text tables and the manifest.
    pub fn finish(mut self) -> Result<Written, String> {
        self.index_batch();
        let n = self.bare.len();
        // Corpus order: `order[final] = given`, `rank[given] = final`.
        let mut order: Vec<usize> = (0..n).collect();
        let bare = &self.bare;
        order.sort_by(|&a, &b| {
            let (a, b) = (&bare[a], &bare[b]);
            (a.date, &a.title, &a.id).cmp(&(b.date, &b.title, &b.id))
        });
        let mut rank = vec![0u32; n];
        for (f, &g) in order.iter().enumerate() {
            rank[g] = f as u32;
        }
        // The metadata, in corpus order.
        let lens: Vec<usize> = order.iter().map(|&g| self.lens[g]).collect();
        let bare: Vec<Article> = order.iter().map(|&g| self.bare[g].clone()).collect();
        self.bare = Vec::new();
        let bare = Corpus::assemble(
            self.info.clone(),
            bare,
            vec![0; n],
            Some(self.stop_lists.clone()),
        );
        let metadata = encode_metadata(&encode(&bare), &lens);
        // Each article's month (or year, if it has no month), in corpus order.
        let months_of: Vec<ArticleDate> = bare
            .articles()
            .iter()
            .map(|a| ArticleDate {
                day: None,
                ..a.date
            })
            .collect();
        // The languages as the whole index places them, and each given
        // language's place among them.
        let languages = bare.languages();
        let place_of: Vec<usize> = self
            .languages
            .iter()
            .map(|k| languages.iter().position(|l| l == k).unwrap_or(0))
            .collect();
        drop(bare);
        let metadata = self
            .packs
            .put(&[&deflate(&metadata)], &|| "the metadata".into())?[0];
        let words: u64 = lens.iter().map(|&l| l as u64).sum();

        // The postings, term by term in order, each renumbered in corpus
        // order and its bytes freed as written.
        let mut sorted: Vec<(String, TermPostings)> = self.terms.drain().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // (The pairs first: their keys sort before every word.)
        let term_count = sorted.iter().filter(|(t, _)| !t.starts_with(PAIR)).count() as u64;
        let mut entries = Vec::with_capacity(sorted.len());
        // Per stem (in a language), its terms: the stem dictionary.
        let mut stems: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        // Per term, its month counts' bytes.
        let mut months = Vec::with_capacity(sorted.len());
        for (term, p) in sorted {
            let Renumbered {
                docs,
                positions,
                by_language,
                counts,
            } = renumbered(&p, &rank, &self.doc_lang, &place_of);
            // A pair has no month counts (a phrase's chart reads its pairs'
            // postings) and no forms.
            if !term.starts_with(PAIR) {
                months.push((term.clone(), encode_months(&per_month(&counts, &months_of))));
                let lang = most_articles(&by_language) as usize;
                stems
                    .entry(stem_key(
                        &languages[lang],
                        &stem_of(&languages[lang], &term),
                    ))
                    .or_default()
                    .push(term.clone());
            }
            let what = || format!("the postings of {term:?}");
            let pieces = self.packs.put(&[&docs, &positions], &what)?;
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
        // than tests make them). A term's entry: its bytes and at most 24
        // more (its counts and pieces, up to four bytes each) short of
        // counts past 2²⁸; a stem's: its key, and its terms with their lengths.
        let target = DICTIONARY_CHUNK.min(self.packs.limit / 4);
        let dictionary = put_chunks(
            &mut self.packs,
            &entries,
            target,
            |e| &e.term,
            |e| e.term.len() + 24,
            encode_chunk,
            "a dictionary chunk",
        )?;
        let stems: Vec<(String, Vec<String>)> = stems.into_iter().collect();
        let stems = put_chunks(
            &mut self.packs,
            &stems,
            target,
            |(k, _)| k,
            |(k, ts)| k.len() + 2 + ts.iter().map(|t| t.len() + 2).sum::<usize>(),
            encode_stem_chunk,
            "a stem chunk",
        )?;

        // The month counts, deflated: a term's entry is its bytes and
        // about its term's.
        let target = MONTH_CHUNK.min(self.packs.limit / 4);
        let months = put_chunks(
            &mut self.packs,
            &months,
            target,
            |(t, _)| t,
            |(t, m)| t.len() + 2 + m.len(),
            |entries| deflate(&encode_month_chunk(entries)),
            "a month-count chunk",
        )?;

        let texts: Vec<Piece> = order.iter().map(|&g| self.texts[g]).collect();
        let mut text_tables = Vec::new();
        for table in texts.chunks(TEXT_TABLE_DOCS) {
            text_tables.push(
                self.packs
                    .put(&[&encode_table(table)], &|| "a text table".into())?[0],
            );
        }
        self.packs.flush()?;

        let manifest = Manifest {
            docs: n as u32,
            words,
            terms: term_count,
            files: self.packs.names.clone(),
            metadata,
            text_tables,
            dictionary,
            stems,
            months,
        };
        let bytes = manifest.encode();
        let name = format!("index-{:016x}.bin", fnv1a(&bytes));
        (self.packs.out)(&name, &bytes)?;
        Ok(Written {
            manifest: name,
            files: self.packs.names,
            bytes: self.packs.bytes + bytes.len() as u64,
            terms: term_count,
        })
    }
}

/// A term's occurrences and articles per month, from its articles
/// (ascending) and the count in each (`counts`) and each article's month
/// (`months_of`, in corpus order: months ascend with articles).
fn per_month(counts: &[(u32, u32)], months_of: &[ArticleDate]) -> Vec<(ArticleDate, u64, u32)> {
    let mut out: Vec<(ArticleDate, u64, u32)> = Vec::new();
    for &(doc, n) in counts {
        let month = months_of[doc as usize];
        match out.last_mut() {
            Some((m, count, docs)) if *m == month => {
                *count += u64::from(n);
                *docs += 1;
            }
            _ => out.push((month, u64::from(n), 1)),
        }
    }
    out
}

/// A term's postings in corpus order ([`renumbered`]).
struct Renumbered {
    /// Its articles (gaps) and counts, as written.
    docs: Vec<u8>,
    /// Its positions, as written.
    positions: Vec<u8>,
    /// Its articles per language (by place).
    by_language: Vec<u32>,
    /// Its articles and the count in each.
    counts: Vec<(u32, u32)>,
}

/// A term's postings (written by [`ShardWriter::index_batch`], articles
/// numbered as given) renumbered in corpus order (`rank`): its articles
/// and counts as bytes, its positions, its articles per language (by place,
/// `place_of` a given language's), and its articles with the count in each.
fn renumbered(
    p: &TermPostings,
    rank: &[u32],
    doc_lang: &[usize],
    place_of: &[usize],
) -> Renumbered {
    // Bytes this writer wrote itself: a read error is a bug here.
    let (mut docs, mut positions) = (
        Bytes::new(&p.docs, "a term's articles"),
        Bytes::new(&p.positions, "a term's positions"),
    );
    let read = |b: &mut Bytes<'_>| b.varint().expect("bytes written by this writer");
    // Each article's (final number, its positions' bytes).
    let mut doc: Option<u32> = None;
    let mut by_doc: Vec<(u32, Vec<u8>)> = Vec::with_capacity(p.doc_count as usize);
    let mut by_language = vec![0u32; place_of.len()];
    while docs.pos < p.docs.len() {
        let gap = read(&mut docs) as u32;
        let given = doc.map_or(gap, |l| l + gap + 1);
        doc = Some(given);
        let count = read(&mut docs);
        let start = positions.pos;
        for _ in 0..count {
            read(&mut positions);
        }
        by_language[place_of[doc_lang[given as usize]]] += 1;
        by_doc.push((
            rank[given as usize],
            p.positions[start..positions.pos].to_vec(),
        ));
    }
    by_doc.sort_unstable_by_key(|(f, _)| *f);
    let (mut docs, mut positions) = (Vec::new(), Vec::new());
    let mut counts = Vec::with_capacity(by_doc.len());
    let mut last: Option<u32> = None;
    for (f, ps) in by_doc {
        put_varint(&mut docs, u64::from(f - last.map_or(0, |l| l + 1)));
        // The count: how many varints its positions' bytes hold.
        let count = ps.iter().filter(|&&b| b < 0x80).count();
        put_varint(&mut docs, count as u64);
        counts.push((f, count as u32));
        positions.extend_from_slice(&ps);
        last = Some(f);
    }
    Renumbered {
        docs,
        positions,
        by_language,
        counts,
    }
}
