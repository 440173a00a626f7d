//! A sharded index holds exactly what the embedded index holds: every term
//! with the same articles, counts and positions, every article's metadata
//! and text; on the seed corpus and on generated ones, written in batches
//! and files small enough that both are many. A damaged file is an error.

mod common;

use std::collections::HashMap;
use std::path::Path;

use lens_engine::corpus::load::load_corpus_dir;
use lens_engine::corpus::period::Grain;
use lens_engine::index::docset::DocSet;
use lens_engine::index::partial::{pair_key, split_pair};
use lens_engine::index::Index;
use lens_engine::search::highlight::snippet;
use lens_engine::search::query::parse;
use lens_engine::search::{Order, SearchOptions};
use lens_engine::shard::lists::ValueKind;
use lens_engine::shard::write::{write_index, Options, ShardWriter};
use lens_engine::shard::Wanted;
use lens_engine::shard::{
    decode_positions, decode_postings, inflate, DictionaryChunk, LoadedTerm, Manifest, MonthChunk,
    Needs, Piece, Request, ShardError, ShardReader, StemChunk, TermEntry, TextTable,
};
use lens_engine::stats::compare::Comparison;
use lens_engine::stats::trends::{
    month_cells, month_terms, parse_keywords, split_by_month, split_lines, trend_table,
    trend_table_by_month, Split,
};
use lens_engine::stats::words::{
    count_words, counts_of_lists, keywords, word_rows, Counts, KeyRow, ListOptions, WordRow,
};
use lens_engine::text::lexicon::{StopChoice, BREAK};

/// The metadata of a deflated piece, as the page reads it.
fn decode_metadata(piece: &[u8]) -> Result<Corpus, ShardError> {
    lens_engine::shard::decode_metadata(&inflate(piece)?)
}

/// An article's text from a deflated piece, as the page reads it.
fn decode_text(piece: &[u8]) -> Result<Vec<lens_engine::Block>, ShardError> {
    lens_engine::shard::decode_text(&inflate(piece)?)
}
use lens_engine::{Article, Corpus};
use proptest::prelude::*;

/// The files written, by name.
struct Site {
    files: HashMap<String, Vec<u8>>,
    manifest: Manifest,
    manifest_name: String,
}

impl Site {
    fn write(corpus: &Corpus, options: Options) -> Site {
        Site::write_given(corpus, options, None)
    }

    /// The index of `corpus`, its articles given in the order `given` (by
    /// place; `None`: the corpus' order, through `write_index`).
    fn write_given(corpus: &Corpus, options: Options, given: Option<Vec<usize>>) -> Site {
        let mut files = HashMap::new();
        let mut out = |name: &str, bytes: &[u8]| {
            assert!(bytes.len() <= options.pack_limit.max(1) || name.starts_with("index-"));
            assert!(
                files.insert(name.to_string(), bytes.to_vec()).is_none(),
                "{name} written twice"
            );
            Ok(())
        };
        let written = match given {
            None => write_index(corpus, options, &mut out),
            Some(given) => {
                let info = corpus.info().clone();
                let mut w = ShardWriter::new(info, corpus.stop_lists().to_vec(), options, &mut out);
                for i in given {
                    w.add(corpus.articles()[i].clone()).unwrap();
                }
                w.finish()
            }
        }
        .unwrap();
        assert_eq!(files.len(), written.files.len() + 1);
        assert_eq!(
            written.bytes,
            files.values().map(|f| f.len() as u64).sum::<u64>()
        );
        let manifest = Manifest::decode(&files[&written.manifest]).unwrap();
        assert_eq!(manifest.files, written.files);
        Site {
            files,
            manifest,
            manifest_name: written.manifest,
        }
    }

    fn piece(&self, p: Piece) -> &[u8] {
        let file = &self.files[&self.manifest.files[p.file as usize]];
        &file[p.start as usize..(p.start + p.len) as usize]
    }

    fn chunk(&self, i: usize) -> DictionaryChunk {
        DictionaryChunk::decode(
            self.piece(self.manifest.dictionary[i].1),
            self.manifest.files.len(),
        )
        .unwrap()
    }
}

impl Site {
    /// A term as a page fetches it: its postings, then (if asked) its positions.
    fn load(&self, e: &TermEntry, positions: bool) -> LoadedTerm {
        let postings = decode_postings(e, self.piece(e.postings), self.manifest.docs).unwrap();
        let positions =
            positions.then(|| decode_positions(&postings, self.piece(e.positions)).unwrap());
        LoadedTerm {
            term: e.term.clone(),
            postings,
            positions,
        }
    }

    /// Hands `reader` the pieces `requests` name, as the page does.
    fn fetch(&self, reader: &mut ShardReader, requests: Vec<Request>) {
        for r in requests {
            let bytes = self.piece(r.piece);
            let bytes = if r.deflated {
                inflate(bytes).unwrap()
            } else {
                bytes.to_vec()
            };
            reader.supply(&r.wanted, &bytes).unwrap();
        }
    }

    /// A reader holding about `limit` bytes, with the metadata read.
    fn reader(&self, limit: usize) -> ShardReader {
        let mut reader = ShardReader::new(&self.files[&self.manifest_name], limit).unwrap();
        let start = reader.start();
        assert_eq!(start.len(), 1, "the metadata, at start");
        self.fetch(&mut reader, start);
        assert!(reader.start().is_empty());
        reader
    }

    /// The partial index of what `needs` names, through `reader` as the
    /// page asks it, and the round trips it took.
    fn ask(&self, reader: &mut ShardReader, needs: &Needs) -> (Index, usize) {
        let mut trips = 0;
        loop {
            let requests = reader.missing(needs);
            if requests.is_empty() {
                return (reader.index(needs).unwrap(), trips);
            }
            trips += 1;
            self.fetch(reader, requests);
        }
    }

    /// The partial index of every term (`needs` None) or of what `needs` names.
    fn partial(&self, needs: Option<&Needs>) -> Index {
        let meta = decode_metadata(self.piece(self.manifest.metadata)).unwrap();
        // Word forms first: the stem dictionary gives the words to fetch.
        let mut needs = needs.cloned();
        if let Some(n) = needs.as_mut() {
            let keys = n.stem_keys(&meta.languages());
            for i in Needs::stem_chunks(&self.manifest, &keys) {
                let chunk = StemChunk::decode(self.piece(self.manifest.stems[i].1)).unwrap();
                n.add_forms(&chunk, &keys);
            }
        }
        let needs = needs.as_ref();
        let chunks: Vec<usize> = match needs {
            Some(n) => n.chunks(&self.manifest),
            None => (0..self.manifest.dictionary.len()).collect(),
        };
        let mut terms = Vec::new();
        for i in chunks {
            let chunk = self.chunk(i);
            match needs {
                Some(n) => terms.extend(n.entries(&chunk).map(|e| self.load(e, n.positions))),
                None => terms.extend(chunk.entries().iter().map(|e| self.load(e, true))),
            }
        }
        Index::partial(&meta, terms).unwrap()
    }
}

/// `query` finds the same articles, with the same scores and counts, on the
/// whole index and on a partial one.
fn assert_same_answers(whole: &Index, partial: &Index, query: &str, word_forms: bool) {
    let Ok(parsed) = parse(query) else { return };
    let opts = SearchOptions { word_forms };
    let (a, b) = (
        whole.matches(&parsed.query, opts),
        partial.matches(&parsed.query, opts),
    );
    // (A phrase found by its pairs costs what its pairs do.)
    let by_pairs = !word_forms
        && (Needs::of(&parsed.query).words.iter())
            .chain(&Needs::of(&parsed.query).prefixes)
            .any(|w| split_pair(w).is_some());
    if !by_pairs {
        assert_eq!(
            whole.cost(&[&parsed.query], opts),
            partial.cost(&[&parsed.query], opts),
            "{query}: the same cost"
        );
    }
    let (ra, rb) = (
        whole.rank(&a, Order::Relevance),
        partial.rank(&b, Order::Relevance),
    );
    assert_eq!(ra.len(), rb.len(), "{query}: as many articles");
    for (x, y) in ra.iter().zip(&rb) {
        assert_eq!(
            (x.doc, x.score.to_bits()),
            (y.doc, y.score.to_bits()),
            "{query}"
        );
        assert_eq!(
            whole.match_count(&a, x.doc),
            partial.match_count(&b, y.doc),
            "{query}: as many matches in article {}",
            x.doc
        );
        let (want, got) = (whole.match_spans(&a, x.doc), partial.match_spans(&b, y.doc));
        if partial.positions_known(y.doc) {
            assert_eq!(want, got, "{query}");
            assert_eq!(
                whole.term_spans(&a, x.doc),
                partial.term_spans(&b, y.doc),
                "{query}"
            );
        } else {
            // Stand-ins in the body: the title's matches are the real ones.
            let title = whole.doc(x.doc).title_len;
            let in_title = |s: &[(u32, u32)]| {
                s.iter()
                    .filter(|m| m.0 < title)
                    .copied()
                    .collect::<Vec<_>>()
            };
            assert_eq!(in_title(&want), in_title(&got), "{query}: title matches");
        }
    }
}

/// Batches of `batch_words` words, files of `pack_limit` bytes.
fn options(batch_words: usize, pack_limit: usize) -> Options {
    Options {
        batch_words,
        pack_limit,
    }
}

/// The seed corpus (`corpus/`).
fn seed() -> Corpus {
    load_corpus_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")).unwrap()
}

fn bare(a: &Article) -> Article {
    let mut a = a.clone();
    a.body = Vec::new();
    a
}

/// Everything the sharded index says agrees with the embedded index and corpus.
fn assert_same(corpus: &Corpus, site: &Site) {
    let index = Index::new(corpus);
    let m = &site.manifest;
    assert_eq!(m.docs as usize, corpus.articles().len());
    assert_eq!(m.terms as usize, index.vocabulary_len());
    let words: u64 = (0..index.doc_count())
        .map(|d| u64::from(index.doc(d).len))
        .sum();
    assert_eq!(m.words, words);

    // The metadata: every article but its body, with its word count.
    let meta = decode_metadata(site.piece(m.metadata)).unwrap();
    assert_eq!(meta.articles().len(), corpus.articles().len());
    for (i, a) in corpus.articles().iter().enumerate() {
        assert_eq!(meta.articles()[i], bare(a));
        assert_eq!(meta.word_count(i), corpus.word_count(i));
    }
    assert_eq!(meta.info(), corpus.info());

    // The texts, through their tables.
    for (d, a) in corpus.articles().iter().enumerate() {
        let table = TextTable::decode(
            site.piece(m.text_tables[m.table_of(d as u32)]),
            m.files.len(),
        )
        .unwrap();
        let text = decode_text(site.piece(table.piece(d as u32).unwrap())).unwrap();
        assert_eq!(text, a.body, "article {d}'s text");
    }

    // Every pair of words in a row, as the whole index' word sequences
    // have them (not across the title's break): per pair, per article,
    // its starts.
    let mut pairs: std::collections::BTreeMap<String, Vec<(u32, Vec<u32>)>> = Default::default();
    for d in 0..index.doc_count() {
        for (p, w) in index.words_of(d).to_vec().windows(2).enumerate() {
            if w.contains(&BREAK) {
                continue;
            }
            let at = pairs
                .entry(pair_key(index.term(w[0]), index.term(w[1])))
                .or_default();
            match at.last_mut() {
                Some((doc, starts)) if *doc == d as u32 => starts.push(p as u32),
                _ => at.push((d as u32, vec![p as u32])),
            }
        }
    }
    for (key, want) in &pairs {
        let chunk = site.chunk(m.chunk_of(key).unwrap());
        let entry = chunk
            .get(key)
            .unwrap_or_else(|| panic!("{key:?} not in its chunk"));
        let postings = decode_postings(entry, site.piece(entry.postings), m.docs).unwrap();
        let positions = decode_positions(&postings, site.piece(entry.positions)).unwrap();
        let got: Vec<(u32, Vec<u32>)> = postings
            .iter()
            .scan(0usize, |at, &(d, n)| {
                let ps = positions[*at..*at + n as usize].to_vec();
                *at += n as usize;
                Some((d, ps))
            })
            .collect();
        assert_eq!(&got, want, "{key:?}");
    }

    // Every term, found through the manifest as a page finds it.
    let mut listed = 0;
    for i in 0..m.dictionary.len() {
        listed += site.chunk(i).entries().len();
    }
    assert_eq!(
        listed,
        index.vocabulary_len() + pairs.len(),
        "the dictionary holds the index's terms and word pairs, no more"
    );
    for t in 0..index.vocabulary_len() as u32 {
        let term = index.term(t);
        let chunk = site.chunk(m.chunk_of(term).unwrap());
        let entry = chunk
            .get(term)
            .unwrap_or_else(|| panic!("{term:?} not in its chunk"));
        let want = index.postings(t);
        assert_eq!(entry.docs as usize, want.len(), "{term:?}");
        assert_eq!(entry.count as usize, want.positions_len(), "{term:?}");
        let postings = decode_postings(entry, site.piece(entry.postings), m.docs).unwrap();
        let positions = decode_positions(&postings, site.piece(entry.positions)).unwrap();
        let mut at = 0;
        for (got, want) in postings.iter().zip(want.iter()) {
            assert_eq!(got.0, want.doc, "{term:?}");
            let n = got.1 as usize;
            assert_eq!(
                &positions[at..at + n],
                want.positions.to_vec(),
                "{term:?} in article {}",
                want.doc
            );
            at += n;
        }
    }
    // A word the corpus lacks is in no chunk.
    for absent in ["", "zzzzzzzz-absent", "\u{10FFFF}"] {
        if let Some(i) = m.chunk_of(absent) {
            assert!(site.chunk(i).get(absent).is_none());
        }
    }
}

#[test]
fn the_seed_corpus_sharded_is_the_embedded_one() {
    let corpus = seed();
    // One article a batch, and files of 16 KB: many of both (the generated
    // corpora below are small: often one file and one chunk).
    let site = Site::write(&corpus, options(1, 16 << 10));
    assert!(
        site.manifest.files.len() > 2,
        "{} files",
        site.manifest.files.len()
    );
    assert_same(&corpus, &site);
    // Written whole at once, the same numbers.
    assert_same(&corpus, &Site::write(&corpus, Options::default()));
}

#[test]
fn articles_given_in_any_order_make_the_same_index() {
    let corpus = seed();
    // Newest first, then the others: in no corpus order.
    let mut given: Vec<usize> = (0..corpus.articles().len()).rev().collect();
    given.rotate_left(2);
    assert_same(
        &corpus,
        &Site::write_given(&corpus, options(300, 16 << 10), Some(given)),
    );
}

#[test]
fn a_piece_larger_than_a_file_may_be_is_refused_with_its_name() {
    let corpus = common::one_article("Payments", &["pay pay pay pay pay pay pay pay pay pay"]);
    let err = write_index(&corpus, options(100, 8), &mut |_, _| Ok(())).unwrap_err();
    assert!(err.contains("over the 8 a file may hold"), "{err}");
}

#[test]
fn damaged_files_are_errors_not_panics() {
    let corpus = seed();
    let site = Site::write(&corpus, Options::default());
    let name = site.files.keys().find(|n| n.starts_with("index-")).unwrap();
    let manifest = &site.files[name];
    for cut in 0..manifest.len() {
        assert!(Manifest::decode(&manifest[..cut]).is_err(), "cut at {cut}");
    }
    // A data file named anything but pack-HASH.bin (a path, an address).
    let file = &site.manifest.files[0];
    let at = manifest
        .windows(file.len())
        .position(|w| w == file.as_bytes())
        .unwrap();
    let mut bad = manifest.clone();
    bad[at..at + 5].copy_from_slice(b"../x/");
    assert!(Manifest::decode(&bad).is_err());
    // Metadata that claims more words than an article can hold.
    let meta = inflate(site.piece(site.manifest.metadata)).unwrap();
    let mut bad = meta.clone();
    let last = bad.len() - 1;
    assert!(
        bad[last] < 0x80,
        "the last article's count is the last byte"
    );
    bad[last] = 0xff;
    bad.extend([0xff, 0xff, 0xff, 0x7f]);
    let err = lens_engine::shard::decode_metadata(&bad).unwrap_err();
    assert!(err.0.contains("more words than it can hold"), "{err}");
    for cut in (0..meta.len()).step_by(97) {
        assert!(lens_engine::shard::decode_metadata(&meta[..cut]).is_err());
    }
    // Deflated bytes cut short: an error too.
    let deflated = site.piece(site.manifest.metadata);
    for cut in (0..deflated.len()).step_by(31) {
        assert!(decode_metadata(&deflated[..cut]).is_err());
    }
    // Cut anywhere in its last 300 bytes, and every 61 bytes before.
    let chunk = site.piece(site.manifest.dictionary[0].1);
    let cuts = (0..chunk.len())
        .step_by(61)
        .chain(chunk.len().saturating_sub(300)..chunk.len());
    for cut in cuts {
        assert!(DictionaryChunk::decode(&chunk[..cut], site.manifest.files.len()).is_err());
    }
    let entry = site.chunk(0).entries()[0].clone();
    let postings = site.piece(entry.postings);
    for cut in 0..postings.len() {
        assert!(decode_postings(&entry, &postings[..cut], site.manifest.docs).is_err());
    }
    let stems = site.piece(site.manifest.stems[0].1);
    for cut in (0..stems.len()).step_by(37) {
        assert!(StemChunk::decode(&stems[..cut]).is_err());
    }
    // Flipped bytes (the first 1,000, where every field of an entry is):
    // an answer or an error.
    for i in 0..chunk.len().min(1000) {
        let mut bad = chunk.to_vec();
        bad[i] ^= 0xa5;
        let _ = DictionaryChunk::decode(&bad, site.manifest.files.len());
    }
}

#[test]
fn a_prefix_needs_every_chunk_its_terms_may_be_in() {
    let piece = Piece {
        file: 0,
        start: 0,
        len: 1,
    };
    let manifest = Manifest {
        docs: 0,
        words: 0,
        terms: 0,
        files: vec!["pack-0000000000000000.bin".into()],
        metadata: piece,
        text_tables: vec![],
        dictionary: ["a", "pay", "payment", "pb", "q"]
            .map(|f| (f.to_string(), piece))
            .to_vec(),
        stems: vec![],
        months: vec![],
        vocabulary: vec![],
        lists: Default::default(),
    };
    let needs = |words: &[&str], prefixes: &[&str]| Needs {
        words: words.iter().map(|w| w.to_string()).collect(),
        prefixes: prefixes.iter().map(|w| w.to_string()).collect(),
        forms: vec![],
        positions: false,
    };
    // "pa…" terms may stand in chunk 0 (before "pay") up to chunk 2.
    assert_eq!(needs(&[], &["pa"]).chunks(&manifest), [0, 1, 2]);
    assert_eq!(needs(&[], &["pay"]).chunks(&manifest), [1, 2]);
    assert_eq!(needs(&[], &["paym"]).chunks(&manifest), [1, 2]);
    assert_eq!(needs(&[], &["pb"]).chunks(&manifest), [3]);
    // Before the first chunk: the first; past the last: the last.
    assert_eq!(needs(&[], &["0"]).chunks(&manifest), [0]);
    assert_eq!(
        needs(&["zebra", "payday", "a"], &[]).chunks(&manifest),
        [0, 1, 4]
    );
    assert_eq!(needs(&[], &[]).chunks(&manifest), Vec::<usize>::new());
}

#[test]
fn damaged_postings_are_errors_not_panics() {
    let corpus = common::one_article("Payments", &["pay pay pay"]);
    let site = Site::write(&corpus, Options::default());
    let entry = site.chunk(0).get("pay").unwrap().clone();
    // Gaps that run past 2⁶⁴: an article, then a position.
    let mut huge = vec![0xff; 9];
    huge.push(0x01);
    let two_docs = TermEntry {
        docs: 2,
        count: 2,
        ..entry.clone()
    };
    let mut bytes = vec![0, 1];
    bytes.extend(&huge);
    bytes.push(1);
    assert!(decode_postings(&two_docs, &bytes, u32::MAX).is_err());
    let mut bytes = vec![5];
    bytes.extend(&huge);
    assert!(decode_positions(&[(0, 2)], &bytes).is_err());
    // Read well, but not what the articles hold: refused by Index::partial.
    let meta = decode_metadata(site.piece(site.manifest.metadata)).unwrap();
    let term = |postings: Vec<(u32, u32)>, positions: Vec<u32>| LoadedTerm {
        term: "pay".into(),
        postings,
        positions: Some(positions),
    };
    // Fetched without positions: more occurrences than the article has words.
    let counted = |postings: Vec<(u32, u32)>| LoadedTerm {
        term: "pay".into(),
        postings,
        positions: None,
    };
    assert!(Index::partial(&meta, vec![counted(vec![(0, 4_000_000)])]).is_err());
    // (Refused before anything is made of it: no 16 GB of stand-ins.)
    assert!(Index::partial(&meta, vec![counted(vec![(0, u32::MAX)])]).is_err());
    assert!(Index::partial(&meta, vec![counted(vec![(0, 2), (0, 1)])]).is_err());
    assert!(Index::partial(&meta, vec![counted(vec![(0, 2)])]).is_ok());
    for (postings, positions) in [
        (vec![(0, 2)], vec![3, 2]),         // positions out of order
        (vec![(0, 1)], vec![4_000_000]),    // past the article's words
        (vec![(0, 1), (0, 1)], vec![1, 2]), // an article twice
        (vec![(0, 1)], vec![1, 2]),         // more positions than counted
        (vec![(0, 3)], vec![1, 2]),         // fewer
        (vec![(7, 1)], vec![1]),            // past the corpus
    ] {
        assert!(Index::partial(&meta, vec![term(postings, positions)]).is_err());
    }
    assert!(Index::partial(&meta, vec![term(vec![(0, 2)], vec![2, 3])]).is_ok());
}

const VOCAB: &[&str] = &[
    "pay",
    "Paying",
    "payment",
    "the",
    "of",
    "Alipay",
    "wallet",
    "QR",
    "code",
    "2024",
    "支付宝",
    "mobile",
    "bank's",
    "e-mail",
];

/// A query of the generated corpora's words (those written with spaces):
/// words, prefixes, phrases, fields and their combinations.
fn query() -> impl Strategy<Value = String> {
    // Not text written without spaces: a partial index finds it only as
    // whole words (Index::is_partial).
    let spaced: Vec<&str> = VOCAB.iter().copied().filter(|w| w.is_ascii()).collect();
    let word = prop::sample::select(spaced).prop_map(str::to_string);
    let atom = prop_oneof![
        word.clone(),
        word.clone()
            .prop_map(|w| format!("{}*", w.chars().take(2).collect::<String>())),
        prop::collection::vec(word.clone(), 2..6).prop_map(|ws| format!("\"{}\"", ws.join(" "))),
        (word.clone(), word.clone())
            .prop_map(|(a, b)| format!("\"{a} {}*\"", b.chars().take(1).collect::<String>())),
        word.clone().prop_map(|w| format!("title:{w}")),
        Just("source:Reuters".to_string()),
        Just("tag:fintech".to_string()),
        Just("year:2015..2020".to_string()),
    ];
    prop_oneof![
        atom.clone(),
        (atom.clone(), atom.clone()).prop_map(|(a, b)| format!("{a} {b}")),
        (atom.clone(), atom.clone()).prop_map(|(a, b)| format!("{a} OR {b}")),
        (atom.clone(), atom).prop_map(|(a, b)| format!("{a} -{b}")),
    ]
}

#[test]
fn the_seed_corpus_answers_as_the_embedded_one() {
    let corpus = seed();
    let site = Site::write(&corpus, options(1000, 64 << 10));
    let whole = Index::new(&corpus);
    let all = site.partial(None);
    for q in [
        "alipay",
        "alipay wechat",
        "\"mobile payment\"",
        "pay*",
        "\"ant group\" -wechat",
        "title:alipay",
        "alipay OR tencent",
        "\"the super app\"",
        "a*",
        "zzz",
        "year:2024 alipay",
        "",
    ] {
        let query = parse(q).unwrap().query;
        for forms in [false, true] {
            assert_same_answers(&whole, &all, q, forms);
            let needs = if forms {
                Needs::with_forms(&query)
            } else {
                Needs::of(&query)
            };
            assert_same_answers(&whole, &site.partial(Some(&needs)), q, forms);
        }
    }
}

#[test]
fn word_forms_are_found_in_each_language_of_a_mixed_corpus() {
    let article = |id: &str, lang: &str, title: &str, body: &str| {
        let mut a = lens_engine::Article::new(
            id.to_string(),
            title.to_string(),
            lens_engine::ArticleDate {
                year: 2024,
                month: None,
                day: None,
            },
            vec![lens_engine::Block::Paragraph(body.to_string().into())],
        );
        a.language = lang.to_string().into();
        a
    };
    let corpus = Corpus::new(
        lens_engine::CorpusInfo {
            name: "mixed".into(),
            ..Default::default()
        },
        vec![
            article(
                "a",
                "de",
                "Zahlungen",
                "Die Zahlungen mit dem Telefon wachsen",
            ),
            article("b", "de", "Zahlung", "Eine Zahlung am Telefon"),
            article(
                "c",
                "en",
                "Payments",
                "Mobile payments grow and the payment is paid",
            ),
            article("d", "en", "Paying", "Paying by phone"),
        ],
    );
    let site = Site::write(&corpus, Options::default());
    let whole = Index::new(&corpus);
    for q in [
        "zahlung",
        "payment",
        "paying telefon",
        "\"mobile payment\"",
        "zahlungen OR pay",
    ] {
        let query = parse(q).unwrap().query;
        let partial = site.partial(Some(&Needs::with_forms(&query)));
        assert_same_answers(&whole, &partial, q, true);
        assert_same_answers(&whole, &partial, q, false);
    }
    // And it is no empty agreement: zahlung finds both German articles.
    let q = parse("zahlung").unwrap().query;
    let partial = site.partial(Some(&Needs::with_forms(&q)));
    assert_eq!(
        partial
            .matches(&q, SearchOptions { word_forms: true })
            .docs
            .iter()
            .count(),
        2
    );
}

/// The generated corpora: up to 40 articles of [`VOCAB`], with sources,
/// sections, tags and dates at every precision.
fn generated() -> impl Strategy<Value = Corpus> {
    common::corpus(common::Shape {
        vocab: VOCAB,
        title: 0..5,
        blocks: 0..5,
        block_words: 0..30,
        headings: true,
        years: 2010..2026,
        sources: &["Reuters", "Caixin"],
        tags: &["fintech", "policy"],
        articles: 0..40,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_corpora_answer_as_the_embedded_ones(
        corpus in generated(),
        queries in prop::collection::vec(query(), 1..8),
        limit in 0usize..4096,
    ) {
        let site = Site::write(&corpus, options(50, 8192));
        let whole = Index::new(&corpus);
        let all = site.partial(None);
        // One reader for every query, holding little: it evicts as it goes.
        let mut reader = site.reader(limit);
        for q in &queries {
            for forms in [false, true] {
                assert_same_answers(&whole, &all, q, forms);
                if let Ok(p) = parse(q) {
                    let needs = if forms { Needs::with_forms(&p.query) } else { Needs::of(&p.query) };
                    assert_same_answers(&whole, &site.partial(Some(&needs)), q, forms);
                    let (index, trips) = site.ask(&mut reader, &needs);
                    assert_same_answers(&whole, &index, q, forms);
                    // The dictionary, then the terms; with forms the stem
                    // chunks come with the dictionary, and the forms'
                    // own chunks may take one more.
                    prop_assert!(trips <= if forms { 3 } else { 2 }, "{}: {} round trips", q, trips);
                }
            }
        }
        // With every text table read first (a page does, after its start),
        // texts come in one round trip.
        if limit % 2 == 0 {
            let tables = reader.text_tables(u64::MAX);
            site.fetch(&mut reader, tables);
            prop_assert!(reader.text_tables(u64::MAX).is_empty());
        }
        // Articles' texts, through the reader: its text tables, then the texts.
        let docs: Vec<u32> = (0..corpus.articles().len() as u32).rev().collect();
        let mut trips = 0;
        loop {
            let requests = reader.missing_texts(&docs).unwrap();
            if requests.is_empty() {
                break;
            }
            trips += 1;
            site.fetch(&mut reader, requests);
        }
        let most = if limit % 2 == 0 { 1 } else { 2 };
        prop_assert!(trips <= most, "texts in {} round trips", trips);
        for &d in &docs {
            let got = reader.article(d).expect("read");
            prop_assert_eq!(&got.article, &corpus.articles()[d as usize]);
            // Its blocks and clauses where the whole index has them.
            let want = whole.doc(d as usize);
            prop_assert_eq!((got.info.block_starts(), got.info.clause_starts()), (want.block_starts(), want.clause_starts()));
            prop_assert_eq!((got.info.len, got.info.title_len, got.info.tag_ids().to_vec()), (want.len, want.title_len, want.tag_ids().to_vec()));
        }
        // Trends of the queries as keywords, at every grain, on the terms
        // they need only.
        if let Ok(keywords) = parse_keywords(&queries.join(", ")) {
            let mut needs = Needs::default();
            for k in &keywords {
                needs.merge(&Needs::of(&k.query));
            }
            let partial = site.partial(Some(&needs));
            let meta = decode_metadata(site.piece(site.manifest.metadata)).unwrap();
            let all_docs = DocSet::full(corpus.articles().len());
            let opts = SearchOptions { word_forms: false };
            for grain in Grain::ALL {
                prop_assert_eq!(
                    trend_table(&corpus, &whole, &keywords, &all_docs, opts, grain),
                    trend_table(&meta, &partial, &keywords, &all_docs, opts, grain)
                );
            }
        }
    }

    #[test]
    fn generated_corpora_sharded_are_the_embedded_ones(
        corpus in generated(),
        batch_words in 1usize..200,
        pack_limit in 6144usize..16384,
        turn in 0usize..80,
    ) {
        // In corpus order, or turned (and reversed when `turn` is odd).
        let mut given: Vec<usize> = (0..corpus.articles().len()).collect();
        if turn % 2 == 1 {
            given.reverse();
        }
        if !given.is_empty() {
            let k = turn % given.len();
            given.rotate_left(k);
        }
        let given = (turn > 0).then_some(given);
        let site = Site::write_given(&corpus, options(batch_words, pack_limit), given);
        assert_same(&corpus, &site);
    }
}

/// Single words of the generated corpora, and one they never have.
const WORDS: &[&str] = &[
    "pay", "payment", "the", "of", "alipay", "wallet", "qr", "code", "2024", "mobile", "absent",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn trends_of_words_over_the_corpus_come_from_month_counts_in_one_round_trip(
        corpus in generated(),
        picks in prop::collection::vec(0..WORDS.len(), 1..6),
        limit in 0usize..4096,
    ) {
        let site = Site::write(&corpus, options(50, 8192));
        let whole = Index::new(&corpus);
        let words: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
        let keywords = parse_keywords(&words.join(", ")).unwrap();
        let all = DocSet::full(corpus.articles().len());
        let opts = SearchOptions { word_forms: false };
        let mut reader = site.reader(limit);
        let meta = reader.metadata().unwrap().clone();
        // No term fetched: the articles' facts only.
        let facts = reader.index(&Needs::default()).unwrap();
        let terms = month_terms(&keywords, opts, Grain::Year).expect("single words");
        let requests = reader.missing_months(&terms);
        prop_assert!(requests.len() <= terms.len());
        site.fetch(&mut reader, requests);
        prop_assert!(reader.missing_months(&terms).is_empty(), "in one round trip");
        let months = reader.month_counts(&terms).unwrap();
        // Every article, and selections made with facets: the month counts
        // (per facet value where a facet picks) give the whole index' table.
        for &(q, facets) in SELECTIONS.iter().chain(&[("date:2015-03..2016-09", true), ("source:Reuters year:2015..2020", true)]) {
            let filter = whole.matches(&parse(q).unwrap().query, opts).docs;
            let Some(cells) = month_cells(&facts, &filter) else {
                prop_assert!(!facets || filter.is_empty(), "{:?}: no cells", q);
                continue;
            };
            for grain in [Grain::Year, Grain::Quarter, Grain::Month] {
                prop_assert_eq!(
                    trend_table_by_month(&meta, &facts, &keywords, &filter, grain, &months, &cells),
                    trend_table(&corpus, &whole, &keywords, &filter, opts, grain),
                    "{:?} by {:?}", q, grain
                );
            }
            // Split by source over whole months: each source's line, and
            // the others', from the month counts per source.
            // Split by source, or by tag where no article has two: each
            // value's line, and the others', from the month counts per value.
            for split in [Split::Source, Split::Tag] {
                let single = filter.iter().all(|d| whole.doc(d).tag_ids().len() < 2);
                let Some((lines, counts)) = split_by_month(&facts, &keywords, &filter, split, &months, &cells) else {
                    prop_assert!(cells.kind.is_some() || (split == Split::Tag && !single), "{:?} by {:?}", q, split);
                    continue;
                };
                let want = split_lines(&whole, &keywords, &filter, opts, split);
                prop_assert_eq!(&lines, &want);
                for grain in [Grain::Year, Grain::Month] {
                    prop_assert_eq!(
                        trend_table_by_month(&meta, &facts, &lines, &filter, grain, &counts, &cells),
                        trend_table(&corpus, &whole, &want, &filter, opts, grain),
                        "{:?} split by {:?}, by {:?}", q, split, grain
                    );
                }
            }
        }
        // A date range that cuts a month is not cells of months.
        let cut: Vec<usize> = all.iter().filter(|&d| corpus.articles()[d].date.day.is_some_and(|day| day <= 14)).collect();
        if let Some(&d) = cut.first() {
            let mut half = DocSet::empty(all.len());
            half.insert(d);
            let whole_month = all.iter().filter(|&e| corpus.articles()[e].date.year == corpus.articles()[d].date.year && corpus.articles()[e].date.month == corpus.articles()[d].date.month).count();
            if whole_month > 1 {
                prop_assert!(month_cells(&facts, &half).is_none_or(|c| c.kind.is_some()));
            }
        }
        // What month counts cannot say is asked of the postings.
        for grain in [Grain::Week, Grain::Day] {
            prop_assert!(month_terms(&keywords, opts, grain).is_none());
        }
        let forms = SearchOptions { word_forms: true };
        prop_assert!(month_terms(&keywords, forms, Grain::Year).is_none());
        for other in ["pay*", "\"mobile payment\"", "title:pay", "pay @ source:Reuters", "pay OR code"] {
            let k = parse_keywords(other).unwrap();
            prop_assert!(month_terms(&k, opts, Grain::Year).is_none(), "{}", other);
        }
        // A cut chunk is an error, never a panic.
        if let Some((_, piece)) = site.manifest.months.first() {
            let bytes = inflate(site.piece(*piece)).unwrap();
            prop_assert!(MonthChunk::decode(&bytes).is_ok());
            for cut in 0..bytes.len() {
                prop_assert!(MonthChunk::decode(&bytes[..cut]).is_err());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_samples_contexts_are_the_whole_index_over_the_same_articles(
        corpus in generated(),
        word in 0..WORDS.len(),
        k in 0usize..12,
        narrow in 0usize..4,
    ) {
        use lens_engine::index::partial::with_texts;
        use lens_engine::stats::contexts::{collocates, line_text, occurrences, Window};
        use lens_engine::stats::sample::Sample;
        use lens_engine::stats::words::count_words;
        use lens_engine::text::lexicon::StopChoice;
        let site = Site::write(&corpus, options(50, 8192));
        let meta = decode_metadata(site.piece(site.manifest.metadata)).unwrap();
        let whole = Index::new(&corpus);
        let q = parse(WORDS[word]).unwrap().query;
        let opts = SearchOptions { word_forms: false };
        let selection = whole.matches(&q, opts).docs;
        // The sample: chosen from the metadata alone, as a page does.
        let sample = Sample::new(&meta, &selection, k);
        prop_assert_eq!(sample.docs.len(), selection.len().min(k));
        prop_assert_eq!(sample.of, selection.len());
        prop_assert!(sample.docs.iter().all(|&d| selection.contains(d)));
        prop_assert_eq!(sample.describe().is_empty(), sample.docs.len() == selection.len());
        // Nested: narrowing the selection keeps its sampled articles.
        let mut narrower = DocSet::empty(corpus.articles().len());
        for d in selection.iter().filter(|d| d % 4 != narrow) {
            narrower.insert(d);
        }
        let inner = Sample::new(&meta, &narrower, k);
        prop_assert!(sample.docs.iter().filter(|&&d| narrower.contains(d)).all(|d| inner.docs.contains(d)));
        // Their texts put in the metadata: the same lines, texts and collocates.
        let texts = sample.docs.iter().map(|&d| (d, corpus.articles()[d].body.clone())).collect();
        let sampled = with_texts(&meta, texts).unwrap();
        let part = Index::new(&sampled);
        let mut docs = DocSet::empty(corpus.articles().len());
        sample.docs.iter().for_each(|&d| docs.insert(d));
        let (mw, mp) = (whole.matches(&q, opts), part.matches(&q, opts));
        let (lw, lp) = (occurrences(&whole, &mw, &docs), occurrences(&part, &mp, &docs));
        prop_assert_eq!(&lw, &lp);
        for o in &lw {
            let d = o.doc as usize;
            prop_assert_eq!(
                line_text(&whole, &corpus.articles()[d], o, 5),
                line_text(&part, &sampled.articles()[d], o, 5)
            );
        }
        let window = Window { left: 3, right: 3, stop: StopChoice::lists(false), min: 1 };
        let named = |ix: &Index, cs: Vec<lens_engine::stats::contexts::Collocate>| -> Vec<(String, usize, usize, u64)> {
            // By word: ties are in term id order, which two indexes number apart.
            let mut v: Vec<_> = cs.into_iter().map(|c| (ix.term(c.term).to_string(), c.with_node, c.total, c.log_dice.to_bits())).collect();
            v.sort();
            v
        };
        let nodes = |ix: &Index| lens_engine::stats::contexts::node_terms(ix, &q, false);
        prop_assert_eq!(
            named(&whole, collocates(&whole, &lw, &count_words(&whole, &docs), &nodes(&whole), window.clone())),
            named(&part, collocates(&part, &lp, &count_words(&part, &docs), &nodes(&part), window))
        );
        // An article past the corpus is an error.
        prop_assert!(with_texts(&meta, vec![(corpus.articles().len(), Vec::new())]).is_err());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_pair_compared_from_its_texts_and_the_dictionary_is_the_whole_index_comparison(
        corpus in generated(),
        picks in (0usize..64, 0usize..64),
        stop in any::<bool>(),
        limit in 0usize..4096,
    ) {
        use lens_engine::index::partial::with_texts;
        use lens_engine::stats::compare::{compare, compare_with_df, CompareOptions, WordChoice};
        use lens_engine::text::lexicon::StopChoice;
        let n = corpus.articles().len();
        prop_assume!(n >= 2);
        let (l, r) = (picks.0 % n, picks.1 % n);
        let site = Site::write(&corpus, options(50, 8192));
        let whole = Index::new(&corpus);
        let mut reader = site.reader(limit);
        let meta = reader.metadata().unwrap().clone();
        // The pair's texts put in the metadata, as the page does.
        let texts = [l, r].iter().map(|&d| (d, corpus.articles()[d].body.clone())).collect();
        let part = Index::new(&with_texts(&meta, texts).unwrap());
        for forms in [false, true] {
            let opts = CompareOptions {
                words: WordChoice { stop: StopChoice::lists(stop), forms },
                list_len: usize::MAX,
                ..CompareOptions::default()
            };
            let want = compare(&whole, l, r, opts.clone());
            // Each word's articles from the dictionary: one round trip.
            let words: Vec<String> = (0..part.vocabulary_len() as u32).map(|t| part.term(t).to_string()).collect();
            let requests = reader.missing_entries(&words);
            site.fetch(&mut reader, requests);
            prop_assert!(reader.missing_entries(&words).is_empty(), "in one round trip");
            let df = reader.doc_counts(&words).unwrap();
            match compare_with_df(&part, l, r, opts.clone(), &|t| df[t as usize] as usize) {
                Some(got) => {
                    prop_assert!(!forms);
                    prop_assert!((got.similarity - want.similarity).abs() < 1e-12, "{} against {}", got.similarity, want.similarity);
                    prop_assert_eq!(Comparison { similarity: 0.0, ..got }, Comparison { similarity: 0.0, ..want.clone() });
                }
                None => prop_assert!(forms),
            }
            // The lists and passages need no weights, forms or not.
            let got = compare(&part, l, r, opts);
            prop_assert_eq!(
                (&got.shared, &got.distinctive_left, &got.distinctive_right, &got.passages, got.shared_word_count, got.words),
                (&want.shared, &want.distinctive_left, &want.distinctive_right, &want.passages, want.shared_word_count, want.words)
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A query without phrases fetches its terms' postings alone: every
    /// count and score is the whole index', and once the texts of the
    /// articles shown are here, their marks and snippets are too. A term
    /// held with positions (asked before by a phrase) keeps them, and the
    /// stand-ins of the others go around them.
    #[test]
    fn texts_shown_give_a_query_without_positions_its_marks(
        corpus in generated(),
        queries in prop::collection::vec(query(), 1..8),
        shown in 1usize..6,
    ) {
        let site = Site::write(&corpus, options(50, 8192));
        let whole = Index::new(&corpus);
        let mut reader = site.reader(usize::MAX);
        for q in &queries {
            let Ok(p) = parse(q) else { continue };
            let needs = Needs::of(&p.query);
            let (index, _) = site.ask(&mut reader, &needs);
            assert_same_answers(&whole, &index, q, false);
            let opts = SearchOptions { word_forms: false };
            let hits = index.rank(&index.matches(&p.query, opts), Order::Relevance);
            let docs: Vec<u32> = hits.iter().take(shown).map(|h| h.doc as u32).collect();
            loop {
                let requests = reader.missing_texts(&docs).unwrap();
                if requests.is_empty() {
                    break;
                }
                site.fetch(&mut reader, requests);
            }
            prop_assert!(reader.missing(&needs).is_empty(), "nothing more to fetch");
            let index = reader.index(&needs).unwrap();
            for &d in &docs {
                prop_assert!(index.positions_known(d as usize), "{}: article {} shown", q, d);
            }
            assert_same_answers(&whole, &index, q, false);
            let m = index.matches(&p.query, opts);
            let w = whole.matches(&p.query, opts);
            for &d in &docs {
                let text = reader.article(d).unwrap();
                prop_assert_eq!(
                    snippet(&text.article, &text.info, &index.term_spans(&m, d as usize), 8),
                    snippet(&corpus.articles()[d as usize], whole.doc(d as usize), &whole.term_spans(&w, d as usize), 8)
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Phrases of 2 to 5 words taken from the articles themselves (so they
    /// are found), asked of a partial index of their pairs: the whole
    /// index' articles, scores and counts, in a title too.
    #[test]
    fn phrases_from_the_articles_are_found_by_their_pairs(
        corpus in generated(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 2usize..6), 1..6),
    ) {
        let site = Site::write(&corpus, options(50, 8192));
        let whole = Index::new(&corpus);
        for (doc, at, len) in picks {
            if corpus.articles().is_empty() {
                break;
            }
            let d = doc.index(corpus.articles().len());
            let seq = whole.words_of(d).to_vec();
            if seq.len() < len {
                continue;
            }
            let from = at.index(seq.len() - len + 1);
            // A run of the article, and one of its title (for `title:`).
            let title_len = whole.doc(d).title_len as usize;
            let in_title = (title_len >= len).then(|| {
                let f = at.index(title_len - len + 1);
                &seq[f..f + len]
            });
            let runs = [Some((&seq[from..from + len], false)), in_title.map(|r| (r, true))];
            for (run, title) in runs.into_iter().flatten() {
                if run.contains(&BREAK) {
                    continue;
                }
                let words: Vec<&str> = run.iter().map(|&t| whole.term(t)).collect();
                // (Not text written without spaces: a partial index finds it
                // as whole words only, Index::is_partial.)
                if words.iter().any(|w| !w.is_ascii()) {
                    continue;
                }
                let q = format!("{}\"{}\"", if title { "title:" } else { "" }, words.join(" "));
                let Ok(p) = parse(&q) else { continue };
                let needs = Needs::of(&p.query);
                let partial = site.partial(Some(&needs));
                assert_same_answers(&whole, &partial, &q, false);
            }
        }
    }
}

#[test]
fn a_reader_holds_what_it_was_last_asked_for_within_its_bound() {
    let corpus = seed();
    let site = Site::write(&corpus, options(1000, 64 << 10));
    let whole = Index::new(&corpus);
    let needs = |q: &str| Needs::of(&parse(q).unwrap().query);
    // No bound: both queries' terms are kept, and asked again cost nothing.
    let mut roomy = site.reader(usize::MAX);
    let (_, first) = site.ask(&mut roomy, &needs("alipay"));
    assert_eq!(first, 2, "the dictionary, then the term");
    site.ask(&mut roomy, &needs("wechat"));
    let both = roomy.held();
    assert_eq!(site.ask(&mut roomy, &needs("alipay")).1, 0);
    // A bound of nothing: the latest query's terms only, and the earlier
    // one fetched again (its dictionary chunk is kept: one round trip).
    let mut tight = site.reader(0);
    site.ask(&mut tight, &needs("alipay"));
    let (index, _) = site.ask(&mut tight, &needs("wechat"));
    assert!(tight.held() > 0 && tight.held() < both);
    assert_same_answers(&whole, &index, "wechat", false);
    let (index, again) = site.ask(&mut tight, &needs("alipay"));
    assert_eq!(again, 1);
    assert_same_answers(&whole, &index, "alipay", false);
}

#[test]
fn a_reader_keeps_nothing_of_damaged_bytes() {
    let site = Site::write(&seed(), options(1000, 64 << 10));
    let mut reader = ShardReader::new(&site.files[&site.manifest_name], usize::MAX).unwrap();
    let start = reader.start();
    assert!(reader.supply(&start[0].wanted, b"\x05garbage").is_err());
    assert!(reader.metadata().is_none());
    assert_eq!(reader.start(), start, "asked for again");
    site.fetch(&mut reader, start);
    let needs = Needs::of(&parse("alipay").unwrap().query);
    let chunks = reader.missing(&needs);
    site.fetch(&mut reader, chunks);
    let terms = reader.missing(&needs);
    assert_eq!(terms.len(), 1);
    let mut cut = site.piece(terms[0].piece).to_vec();
    cut.pop();
    assert!(reader.supply(&terms[0].wanted, &cut).is_err());
    assert!(
        reader.index(&needs).is_err(),
        "not answered without the term"
    );
    assert_eq!(reader.missing(&needs), terms);
    // An article past the corpus is an error, not a wait for nothing.
    assert!(reader.missing_texts(&[site.manifest.docs]).is_err());
    // A term nobody asked for is refused, named.
    let e = reader
        .supply(&lens_engine::shard::Wanted::Term("zzz".into()), b"")
        .unwrap_err();
    assert!(e.to_string().contains("zzz"), "{e}");
}

#[test]
fn what_several_views_need_is_fetched_at_once_and_covers_each() {
    let q = |s: &str| parse(s).unwrap().query;
    let search = Needs::for_query(&q("alipay \"mobile payment\""), false);
    let trends = Needs::for_query(&q("wechat pay*"), true);
    let mut both = search.clone();
    both.merge(&trends);
    assert!(both.covers(&search) && both.covers(&trends));
    assert!(!search.covers(&trends) && !trends.covers(&search));
    assert!(both.covers(&Needs::default()));
    // One partial index of both answers each as the whole index does.
    let corpus = seed();
    let site = Site::write(&corpus, options(1000, 64 << 10));
    let whole = Index::new(&corpus);
    let mut reader = site.reader(usize::MAX);
    let (index, trips) = site.ask(&mut reader, &both);
    assert!(trips <= 3, "{trips} round trips for both");
    assert_same_answers(&whole, &index, "alipay \"mobile payment\"", false);
    assert_same_answers(&whole, &index, "wechat pay*", true);
}

#[test]
fn a_phrase_found_nowhere_names_none_of_its_words_missing_on_a_partial_index() {
    use lens_engine::search::suggest::missing_words;
    let corpus = seed();
    let site = Site::write(&corpus, options(1000, 64 << 10));
    let whole = Index::new(&corpus);
    let opts = SearchOptions { word_forms: false };
    // Words of the corpus, never in this order: its pairs are not fetched
    // as words, so the partial index cannot say a word is missing.
    let q = parse("\"wechat alipay wechat\"").unwrap().query;
    let partial = site.partial(Some(&Needs::of(&q)));
    assert!(partial.matches(&q, opts).docs.is_empty());
    assert!(whole.matches(&q, opts).docs.is_empty());
    assert_eq!(missing_words(&whole, &q, false), vec![]);
    assert_eq!(missing_words(&partial, &q, false), vec![]);
    // A word alone is fetched: missing when the corpus lacks it.
    let q = parse("zzzzqqq").unwrap().query;
    let partial = site.partial(Some(&Needs::of(&q)));
    assert_eq!(missing_words(&partial, &q, false).len(), 1);
}

#[test]
fn stand_ins_go_around_the_positions_of_terms_held_with_them() {
    let corpus = seed();
    let site = Site::write(&corpus, options(1000, 64 << 10));
    let whole = Index::new(&corpus);
    let mut reader = site.reader(usize::MAX);
    // A phrase with word forms fetches its words' positions...
    let q = parse("\"mobile payments\"").unwrap().query;
    let needs = Needs::with_forms(&q);
    assert!(needs.positions);
    site.ask(&mut reader, &needs);
    // ...which a query without phrases then finds held: their positions
    // are real, the other words' are stand-ins that must not land on them
    // (an article's match count would drop).
    for q in [
        "mobile OR payment OR payments OR alipay OR the",
        "payment OR wallet OR of",
    ] {
        let p = parse(q).unwrap();
        let needs = Needs::of(&p.query);
        assert!(!needs.positions);
        let (index, _) = site.ask(&mut reader, &needs);
        assert!(!index.stand_ins().is_empty(), "{q}: stand-ins");
        assert_same_answers(&whole, &index, q, false);
    }
}

#[test]
fn positions_arriving_for_a_term_let_go_meanwhile_are_not_an_error() {
    let corpus = seed();
    let site = Site::write(&corpus, options(1000, 64 << 10));
    // Holding nothing past what the latest call asked for.
    let mut reader = site.reader(0);
    let needs = |q: &str| Needs::of(&parse(q).unwrap().query);
    site.ask(&mut reader, &needs("alipay"));
    site.ask(&mut reader, &needs("wechat"));
    // "alipay" was let go (its dictionary chunk stays): its positions,
    // asked before and arriving now, are dropped, not an error...
    let chunk = site.chunk(site.manifest.chunk_of("alipay").unwrap());
    let entry = chunk.get("alipay").unwrap();
    let wanted = lens_engine::shard::Wanted::Positions("alipay".into());
    assert!(reader.supply(&wanted, site.piece(entry.positions)).is_ok());
    // ...and the next question asks for the whole term again.
    let again = reader.missing(&needs("alipay"));
    assert_eq!(again.len(), 1);
    assert_eq!(
        again[0].wanted,
        lens_engine::shard::Wanted::Postings("alipay".into())
    );
}

/// Words of the articles of `docs` from the word lists, through `reader`
/// as the page asks it: `None` when no lists count exactly them; else
/// the counts and the round trips they took.
fn list_counts(
    site: &Site,
    reader: &mut ShardReader,
    docs: &DocSet,
) -> Option<(std::sync::Arc<Index>, Counts, Counts, usize)> {
    let lists = reader.lists_for(docs)?;
    let mut trips = 0;
    loop {
        let requests = reader.missing_lists(&lists);
        if requests.is_empty() {
            let read = reader.word_lists(&lists).unwrap();
            let (sel, all) = counts_of_lists(&read, docs);
            return Some((read.vocabulary, sel, all, trips));
        }
        trips += 1;
        site.fetch(reader, requests);
    }
}

/// Over- and under-represented words.
type Keys = (Vec<KeyRow>, Vec<KeyRow>);

/// What a reader sees of a selection's words: the word list and the
/// keywords against the rest and against the whole corpus.
fn words_seen(ix: &Index, sel: &Counts, all: &Counts) -> Vec<(Vec<WordRow>, Keys, Keys)> {
    let mut out = Vec::new();
    for forms in [false, true] {
        for stop in [
            StopChoice::lists(true),
            StopChoice::edited(true, "mobile", "the"),
            StopChoice::lists(false),
        ] {
            let opts = ListOptions { stop, forms };
            out.push((
                word_rows(ix, sel, &opts),
                keywords(ix, sel, &all.minus(sel), &opts, 3.84),
                keywords(ix, sel, all, &opts, 0.0),
            ));
        }
    }
    out
}

/// The selections a reader makes with facets, and some that are not.
const SELECTIONS: &[(&str, bool)] = &[
    ("", true),
    ("source:Reuters", true),
    ("source:Caixin OR source:Reuters", true),
    ("year:2012..2018", true),
    ("year:2015", true),
    ("tag:fintech", true),
    ("section:Business", true),
    ("NOT year:2020", true),
    ("source:Reuters year:2015..2020", false),
    ("tag:fintech OR tag:policy", false),
    ("pay", false),
    ("date:2015-03..2016-09", false),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn facet_selections_count_their_words_exactly_from_word_lists(
        corpus in generated(),
        limit in 0usize..100_000,
    ) {
        let site = Site::write(&corpus, options(50, 8192));
        let whole = Index::new(&corpus);
        let n = corpus.articles().len();
        let mut reader = site.reader(limit);
        let expected_all = count_words(&whole, &DocSet::full(n));
        let mut fetched = false;
        for &(q, facets) in SELECTIONS {
            let docs = whole.matches(&parse(q).unwrap().query, SearchOptions::default()).docs;
            let Some((ix, sel, all, trips)) = list_counts(&site, &mut reader, &docs) else {
                // A facet selection of some articles always has lists;
                // others only where they happen to be the articles of
                // some values (checked below like the rest).
                prop_assert!(!facets || docs.is_empty(), "{:?}: no lists", q);
                continue;
            };
            // Everything in one round trip (nothing, once it is held).
            prop_assert!(trips <= 1, "{:?}: {} round trips", q, trips);
            fetched |= trips == 1;
            let expected = count_words(&whole, &docs);
            prop_assert_eq!(&sel, &expected, "{:?}", q);
            prop_assert_eq!(&all, &expected_all);
            prop_assert_eq!(
                words_seen(&ix, &sel, &all),
                words_seen(&whole, &expected, &expected_all),
                "{:?}", q
            );
        }
        prop_assert!(fetched || n == 0);
    }
}

#[test]
fn word_lists_count_each_language_of_a_mixed_corpus_with_its_own_forms_and_stop_words() {
    let article = |id: &str, lang: &str, year: u16, body: &str| {
        let mut a = lens_engine::Article::new(
            id.to_string(),
            format!("Article {id}"),
            lens_engine::ArticleDate {
                year,
                month: None,
                day: None,
            },
            vec![lens_engine::Block::Paragraph(body.to_string().into())],
        );
        a.language = lang.to_string().into();
        a
    };
    let corpus = Corpus::new(
        lens_engine::CorpusInfo::default(),
        vec![
            article(
                "a",
                "de",
                2023,
                "Die Zahlungen mit dem Telefon wachsen und die Zahlung",
            ),
            article("b", "de", 2024, "Eine Zahlung am Telefon, die Zahlungen"),
            article(
                "c",
                "en",
                2024,
                "The mobile payments grow and the payment is paid",
            ),
            article("d", "en", 2025, "Paying by phone, the payments"),
        ],
    );
    let site = Site::write(&corpus, options(3, 4096));
    let whole = Index::new(&corpus);
    let mut reader = site.reader(1 << 20);
    let all_docs = DocSet::full(4);
    let expected_all = count_words(&whole, &all_docs);
    for q in [
        "",
        "language:de",
        "language:en",
        "year:2024",
        "year:2024..2025",
    ] {
        let docs = whole
            .matches(&parse(q).unwrap().query, SearchOptions::default())
            .docs;
        let (ix, sel, all, _) = list_counts(&site, &mut reader, &docs).expect(q);
        let expected = count_words(&whole, &docs);
        assert_eq!(sel, expected, "{q}");
        assert_eq!(
            words_seen(&ix, &sel, &all),
            words_seen(&whole, &expected, &expected_all),
            "{q}"
        );
    }
    // And it is no empty agreement: German forms are merged, German stop
    // words left out, in the German articles' list.
    let docs = whole
        .matches(
            &parse("language:de").unwrap().query,
            SearchOptions::default(),
        )
        .docs;
    let (ix, sel, _, _) = list_counts(&site, &mut reader, &docs).unwrap();
    let rows = word_rows(
        &ix,
        &sel,
        &ListOptions {
            stop: StopChoice::lists(true),
            forms: true,
        },
    );
    // Trends of each language's articles, from the month counts per language.
    let keywords = parse_keywords("telefon, payments, die").unwrap();
    let opts = SearchOptions::default();
    let terms = month_terms(&keywords, opts, Grain::Year).unwrap();
    let requests = reader.missing_months(&terms);
    site.fetch(&mut reader, requests);
    let months = reader.month_counts(&terms).unwrap();
    let facts = reader.index(&Needs::default()).unwrap();
    let meta = reader.metadata().unwrap().clone();
    for q in ["language:de", "language:en"] {
        let filter = whole.matches(&parse(q).unwrap().query, opts).docs;
        let cells = month_cells(&facts, &filter).expect(q);
        assert_eq!(cells.kind, Some(ValueKind::Language), "{q}");
        let table = trend_table_by_month(
            &meta,
            &facts,
            &keywords,
            &filter,
            Grain::Year,
            &months,
            &cells,
        );
        assert_eq!(
            table,
            trend_table(&corpus, &whole, &keywords, &filter, opts, Grain::Year),
            "{q}"
        );
        assert!(
            table.rows.iter().any(|r| r.counts.iter().any(|&n| n > 0)),
            "{q}"
        );
    }
    let zahlung = rows.iter().find(|r| r.word.starts_with("zahlung")).unwrap();
    assert_eq!(
        (zahlung.count, zahlung.articles, zahlung.forms.len()),
        (4, 2, 1)
    );
    assert!(rows.iter().all(|r| r.word != "die"), "{rows:?}");
}

#[test]
fn damaged_word_lists_are_errors_not_panics() {
    let corpus = seed();
    let site = Site::write(&corpus, options(500, 1 << 16));
    let whole = Index::new(&corpus);
    let docs = DocSet::full(corpus.articles().len());
    let mut reader = site.reader(1 << 20);
    let lists = reader.lists_for(&docs).unwrap();
    let requests = reader.missing_lists(&lists);
    assert!(requests.iter().any(|r| matches!(r.wanted, Wanted::List(_))));
    for r in &requests {
        let bytes = inflate(site.piece(r.piece)).unwrap();
        for cut in [0, 1, bytes.len() / 2, bytes.len().saturating_sub(1)] {
            let mut fresh = site.reader(1 << 20);
            fresh.missing_lists(&lists);
            assert!(
                fresh.supply(&r.wanted, &bytes[..cut]).is_err(),
                "{:?} cut at {cut}",
                r.wanted
            );
        }
        // A word past the vocabulary.
        if let Wanted::List(_) = r.wanted {
            let mut bad = vec![1u8];
            bad.extend_from_slice(&[0xff, 0xff, 0x03, 1, 1, 0]);
            assert!(reader.supply(&r.wanted, &bad).is_err());
        }
    }
    site.fetch(&mut reader, requests.clone());
    let read = reader.word_lists(&lists).unwrap();
    assert_eq!(counts_of_lists(&read, &docs).0, count_words(&whole, &docs));
    assert_eq!(read.vocabulary.vocabulary_len(), whole.vocabulary_len());

    // A vocabulary whose word is of a language the corpus lacks, or of
    // more words than the manifest says: an error, not a panic.
    for lang in [1u8, 0x7f] {
        let mut fresh = site.reader(1 << 20);
        fresh.missing_lists(&lists);
        for r in &requests {
            let bytes = match r.wanted {
                Wanted::Vocabulary(0) => vec![1, 0, 1, b'a', lang],
                _ => inflate(site.piece(r.piece)).unwrap(),
            };
            fresh.supply(&r.wanted, &bytes).unwrap();
        }
        assert!(fresh.word_lists(&lists).is_err(), "language {lang}");
    }
    // A manifest that claims 2⁴⁰ words: read as it is, refused when the
    // vocabulary read does not hold them (no allocation of its size).
    let bytes = &site.files[&site.manifest_name];
    let varint_end = |at: usize| at + bytes[at..].iter().position(|&b| b < 0x80).unwrap() + 1;
    let words_end = varint_end(12);
    let terms_end = varint_end(words_end);
    let mut claimed = bytes[..words_end].to_vec();
    claimed.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    claimed.extend_from_slice(&bytes[terms_end..]);
    let mut big = ShardReader::new(&claimed, 1 << 20).unwrap();
    let start = big.start();
    site.fetch(&mut big, start);
    big.missing_lists(&lists);
    for r in &requests {
        let bytes = inflate(site.piece(r.piece)).unwrap();
        // (A list's word past the claimed vocabulary is not checked here.)
        big.supply(&r.wanted, &bytes).unwrap();
    }
    assert!(big.word_lists(&lists).is_err());
}
