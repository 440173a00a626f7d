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

use super::lists::{ListTable, ValueKind, VocabularyChunk, WordList};
use super::{
    encode_chunk, encode_metadata, encode_month_chunk, encode_month_counts, encode_stem_chunk,
    encode_table, put_varint, stem_key, Bytes, Manifest, Piece, TermEntry, DICTIONARY_CHUNK,
    MONTH_CHUNK, PACK_LIMIT, TEXT_TABLE_DOCS,
};
use super::{MonthCounts, Months};
use crate::corpus::codec::{encode, encode_body, fnv1a};
use crate::corpus::date::ArticleDate;
use crate::corpus::{Article, Corpus, CorpusInfo};
use crate::index::builder::{most_articles, stem_of};
use crate::index::partial::{Facts, PAIR};
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
            let p = self.terms.entry(term.to_string()).or_default();
            for posting in index.postings(t as u32).iter() {
                let doc = from + posting.doc;
                put_varint(&mut p.docs, u64::from(doc - p.last.map_or(0, |l| l + 1)));
                put_varint(&mut p.docs, posting.positions.len() as u64);
                let mut last: Option<u32> = None;
                for at in posting.positions.iter() {
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
        let mut seq = Vec::new();
        for d in 0..index.doc_count() {
            index.words_of(d).write_to(&mut seq);
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
        // Every article's facts as a page reads them from the metadata
        // (with the word counts): which word list (by year, source …)
        // counts it.
        let facts = Facts::new(&Corpus::assemble(
            self.info.clone(),
            bare.articles().to_vec(),
            lens.clone(),
            Some(self.stop_lists.clone()),
        ))?;
        let values = Values::of(facts.base());
        drop(facts);
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
        let pairs = sorted
            .iter()
            .take_while(|(t, _)| t.starts_with(PAIR))
            .count();
        let term_count = (sorted.len() - pairs) as u64;
        // Each word's language, as the whole index gives it (the language
        // of most of its articles), and its stem in it.
        let word_lang: Vec<u16> = sorted[pairs..]
            .iter()
            .map(|(_, p)| match languages.len() {
                0 | 1 => 0,
                _ => most_articles(&by_language(p, &self.doc_lang, &place_of)),
            })
            .collect();
        // Per stem (in a language), its words: the stem dictionary.
        let mut stems: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for ((term, _), &lang) in sorted[pairs..].iter().zip(&word_lang) {
            let lang = &languages[lang as usize];
            stems
                .entry(stem_key(lang, &stem_of(lang, term)))
                .or_default()
                .push(term.clone());
        }
        let mut lists = ListWriter::new(&values, &stems, &sorted[pairs..]);
        let mut entries = Vec::with_capacity(sorted.len());
        // Per term, its month counts' bytes.
        let mut months = Vec::with_capacity(sorted.len());
        let mut vocabulary = Vec::with_capacity(term_count as usize);
        for (t, (term, p)) in sorted.into_iter().enumerate() {
            let Renumbered {
                docs,
                positions,
                counts,
            } = renumbered(&p, &rank);
            // A pair has no month counts (a phrase's chart reads its pairs'
            // postings), no forms and no place in the word lists.
            if let Some(w) = t.checked_sub(pairs) {
                let counted = MonthCounts {
                    months: per_month(&counts, &months_of),
                    values: values.per_month(&counts, &months_of),
                };
                months.push((term.clone(), encode_month_counts(&counted)));
                lists.add(w as u32, &counts);
                vocabulary.push((term.clone(), word_lang[w]));
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

        // The vocabulary (deflated, in chunks of about 64 KB: a page reads
        // it whole, a host may cap a range's size) and the word lists.
        let target = (64 << 10).min(self.packs.limit / 4);
        let vocabulary = put_chunks(
            &mut self.packs,
            &vocabulary,
            target,
            |(w, _)| w,
            |(w, _)| w.len() + 3,
            |words| deflate(&VocabularyChunk::encode(words)),
            "a vocabulary chunk",
        )?;
        let lists = lists.finish(&mut self.packs)?;

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
            vocabulary,
            lists,
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
    /// Its articles and the count in each.
    counts: Vec<(u32, u32)>,
}

/// A term's articles per language (by place, `place_of` a given
/// language's; `doc_lang` each given article's), from its postings
/// (written by [`ShardWriter::index_batch`]).
fn by_language(p: &TermPostings, doc_lang: &[usize], place_of: &[usize]) -> Vec<u32> {
    let mut docs = Bytes::new(&p.docs, "a term's articles");
    let mut read = || docs.varint().expect("bytes written by this writer");
    let mut out = vec![0u32; place_of.len()];
    let mut doc: Option<u64> = None;
    for _ in 0..p.doc_count {
        let gap = read();
        let given = doc.map_or(gap, |l| l + gap + 1);
        doc = Some(given);
        read();
        out[place_of[doc_lang[given as usize]]] += 1;
    }
    out
}

/// A term's postings (written by [`ShardWriter::index_batch`], articles
/// numbered as given) renumbered in corpus order (`rank`): its articles
/// and counts as bytes, its positions, and its articles with the count in each.
fn renumbered(p: &TermPostings, rank: &[u32]) -> Renumbered {
    // Bytes this writer wrote itself: a read error is a bug here.
    let (mut docs, mut positions) = (
        Bytes::new(&p.docs, "a term's articles"),
        Bytes::new(&p.positions, "a term's positions"),
    );
    let read = |b: &mut Bytes<'_>| b.varint().expect("bytes written by this writer");
    // Each article's (final number, its positions' bytes).
    let mut doc: Option<u32> = None;
    let mut by_doc: Vec<(u32, Vec<u8>)> = Vec::with_capacity(p.doc_count as usize);
    while docs.pos < p.docs.len() {
        let gap = read(&mut docs) as u32;
        let given = doc.map_or(gap, |l| l + gap + 1);
        doc = Some(given);
        let count = read(&mut docs);
        let start = positions.pos;
        for _ in 0..count {
            read(&mut positions);
        }
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
        counts,
    }
}

/// The facet values of each article, as the word lists are written by
/// them ([`super::lists::ListOf`]): by place, as a page's facts of the
/// metadata give them.
struct Values {
    /// Per article: its year's, source's, section's and language's place
    /// (`u32::MAX` for none), in that order.
    one: Vec<[u32; 4]>,
    /// Per article: its tags' places.
    tags: Vec<Vec<u32>>,
    /// How many values each kind has: years, sources, sections,
    /// languages (none when the corpus has one language: its list would
    /// be the whole corpus'), tags.
    counts: [usize; 5],
}

/// The kinds of [`Values`], by place: year, source, section, language (one
/// an article), tag (several).
const TAG: usize = 4;

impl Values {
    fn of(facts: &Index) -> Values {
        let fv = facts.facet_values();
        let languages = facts.languages().len();
        let one = (0..facts.doc_count())
            .map(|d| {
                let doc = facts.doc(d);
                let year = fv
                    .years
                    .binary_search(&doc.year)
                    .map_or(u32::MAX, |p| p as u32);
                let lang = if languages >= 2 {
                    facts.doc_language(d) as u32
                } else {
                    u32::MAX
                };
                [
                    year,
                    doc.source_id.unwrap_or(u32::MAX),
                    doc.section_id.unwrap_or(u32::MAX),
                    lang,
                ]
            })
            .collect();
        // (Each tag once: an article counts once in a tag's list.)
        let tags = (0..facts.doc_count())
            .map(|d| {
                let mut t = facts.doc(d).tag_ids().to_vec();
                t.sort_unstable();
                t.dedup();
                t
            })
            .collect();
        Values {
            one,
            tags,
            counts: [
                fv.years.len(),
                fv.sources.len(),
                fv.sections.len(),
                if languages >= 2 { languages } else { 0 },
                fv.tags.len(),
            ],
        }
    }

    /// A term's occurrences and articles per month in each facet value's
    /// articles (the year's aside: the months say it), from its articles
    /// (ascending, corpus order) and the count in each; values in order.
    fn per_month(
        &self,
        counts: &[(u32, u32)],
        months_of: &[ArticleDate],
    ) -> Vec<(ValueKind, u32, Months)> {
        const KINDS: [Option<ValueKind>; 5] = [
            None,
            Some(ValueKind::Source),
            Some(ValueKind::Section),
            Some(ValueKind::Language),
            Some(ValueKind::Tag),
        ];
        let mut by: FxHashMap<(ValueKind, u32), Months> = FxHashMap::default();
        for &(doc, n) in counts {
            let month = months_of[doc as usize];
            self.each(doc as usize, |k, v| {
                let Some(kind) = KINDS[k] else { return };
                // Articles ascend in date order: so do each value's months.
                let months = by.entry((kind, v)).or_default();
                match months.last_mut() {
                    Some((m, count, docs)) if *m == month => {
                        *count += u64::from(n);
                        *docs += 1;
                    }
                    _ => months.push((month, u64::from(n), 1)),
                }
            });
        }
        let mut out: Vec<_> = by.into_iter().map(|((k, v), m)| (k, v, m)).collect();
        out.sort_unstable_by_key(|(k, v, _)| (*k, *v));
        out
    }

    /// Each value (kind, place) article `d` has.
    fn each(&self, d: usize, mut f: impl FnMut(usize, u32)) {
        for (k, &v) in self.one[d].iter().enumerate() {
            if v != u32::MAX && (v as usize) < self.counts[k] {
                f(k, v);
            }
        }
        for &v in &self.tags[d] {
            if (v as usize) < self.counts[TAG] {
                f(TAG, v);
            }
        }
    }
}

/// The word lists being written, word after word in order
/// ([`super::lists`]).
struct ListWriter<'v> {
    values: &'v Values,
    all: WordList,
    /// Per kind (as [`Values`]), per value, its list.
    lists: [Vec<WordList>; 5],
    /// Per kind, per value: occurrences and articles of the word being
    /// added, and the stamp they were last reset at.
    acc: [Vec<(u64, u32, u64)>; 5],
    stamp: u64,
    touched: Vec<(usize, u32)>,
    /// Per word: the first form of its word form group (of two forms or
    /// more), or `u32::MAX`.
    first_of: Vec<u32>,
    /// Per group being read (by its first form): its forms still to come,
    /// and the articles of those read.
    pending: FxHashMap<u32, (usize, Vec<u32>)>,
}

impl<'v> ListWriter<'v> {
    /// Lists of the articles of `values`, for the words `words` (in order,
    /// their stems grouped in `stems`).
    fn new(
        values: &'v Values,
        stems: &std::collections::BTreeMap<String, Vec<String>>,
        words: &[(String, TermPostings)],
    ) -> ListWriter<'v> {
        let mut first_of = vec![u32::MAX; words.len()];
        let mut pending = FxHashMap::default();
        for forms in stems.values().filter(|f| f.len() >= 2) {
            let ids: Vec<u32> = forms
                .iter()
                .filter_map(|f| words.binary_search_by(|(w, _)| w.as_str().cmp(f)).ok())
                .map(|i| i as u32)
                .collect();
            let first = ids.iter().copied().min().unwrap_or(u32::MAX);
            for &i in &ids {
                first_of[i as usize] = first;
            }
            pending.insert(first, (ids.len(), Vec::new()));
        }
        let per_kind = |k: usize| vec![WordList::default(); values.counts[k]];
        let acc = |k: usize| vec![(0, 0, 0); values.counts[k]];
        ListWriter {
            values,
            all: WordList::default(),
            lists: [
                per_kind(0),
                per_kind(1),
                per_kind(2),
                per_kind(3),
                per_kind(4),
            ],
            acc: [acc(0), acc(1), acc(2), acc(3), acc(4)],
            stamp: 0,
            touched: Vec::new(),
            first_of,
            pending,
        }
    }

    /// Word `w` of the vocabulary, in its articles (ascending, in corpus
    /// order) with its count in each.
    fn add(&mut self, w: u32, counts: &[(u32, u32)]) {
        let total: u64 = counts.iter().map(|&(_, n)| u64::from(n)).sum();
        self.all.words.push((w, total, counts.len() as u32));
        self.stamp += 1;
        let (stamp, values, acc, touched) =
            (self.stamp, self.values, &mut self.acc, &mut self.touched);
        touched.clear();
        for &(d, n) in counts {
            values.each(d as usize, |k, v| {
                let a = &mut acc[k][v as usize];
                if a.2 != stamp {
                    *a = (0, 0, stamp);
                    touched.push((k, v));
                }
                a.0 += u64::from(n);
                a.1 += 1;
            });
        }
        touched.sort_unstable();
        for &(k, v) in touched.iter() {
            let (count, docs, _) = acc[k][v as usize];
            self.lists[k][v as usize].words.push((w, count, docs));
        }
        // A form of a group: the group's articles, once its last form is read.
        let first = self.first_of[w as usize];
        if first == u32::MAX {
            return;
        }
        let Some((left, docs)) = self.pending.get_mut(&first) else {
            return;
        };
        docs.extend(counts.iter().map(|&(d, _)| d));
        *left -= 1;
        if *left > 0 {
            return;
        }
        let (_, mut docs) = self.pending.remove(&first).expect("just read");
        docs.sort_unstable();
        docs.dedup();
        self.all.groups.push((first, docs.len() as u32));
        self.stamp += 1;
        let (stamp, values, acc, touched) =
            (self.stamp, self.values, &mut self.acc, &mut self.touched);
        touched.clear();
        for &d in &docs {
            values.each(d as usize, |k, v| {
                let a = &mut acc[k][v as usize];
                if a.2 != stamp {
                    *a = (0, 0, stamp);
                    touched.push((k, v));
                }
                a.1 += 1;
            });
        }
        for &(k, v) in touched.iter() {
            let docs = acc[k][v as usize].1;
            self.lists[k][v as usize].groups.push((first, docs));
        }
    }

    /// Writes the lists (each deflated, kind after kind, values in order:
    /// a run of years is one run of bytes) and gives their table.
    fn finish(mut self, packs: &mut Packs<'_>) -> Result<ListTable, String> {
        let mut put = |list: &mut WordList, what: &dyn Fn() -> String| {
            // Groups end in the order their last forms come.
            list.groups.sort_unstable();
            packs.put(&[&deflate(&list.encode())], what).map(|p| p[0])
        };
        let all = put(&mut self.all, &|| "the corpus' word list".into())?;
        let names = ["year", "source", "section", "language", "tag"];
        let mut kinds: [Vec<Piece>; 5] = Default::default();
        for (k, lists) in self.lists.iter_mut().enumerate() {
            for (v, list) in lists.iter_mut().enumerate() {
                kinds[k].push(put(list, &|| format!("the word list of {} {v}", names[k]))?);
            }
        }
        let [years, sources, sections, languages, tags] = kinds;
        Ok(ListTable {
            all: Some(all),
            years,
            sources,
            sections,
            tags,
            languages,
        })
    }
}
