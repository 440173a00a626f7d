//! What a page fetches to answer a query from a sharded index, natively:
//! the round trips and bytes of each step (the manifest and metadata, read
//! at start, apart), and that the answer is the whole index's.
//! `cargo run --release -p lens-engine --features site
//! --example shard_queries -- CORPUS_DIR INDEX_DIR [QUERY …]`, INDEX_DIR written by
//! `lens-site --index CORPUS_DIR INDEX_DIR`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lens_engine::corpus::period::Grain;
use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::{Order, SearchOptions};
use lens_engine::shard::{
    decode_metadata, decode_positions, decode_postings, inflate, DictionaryChunk, LoadedTerm,
    Manifest, MonthChunk, MonthCounts, Needs, Piece, TextTable,
};
use lens_engine::stats::trends::{
    month_cells, month_terms, parse_keywords, trend_table, trend_table_by_month,
};

struct Files {
    dir: PathBuf,
    manifest: Manifest,
}

impl Files {
    fn piece(&self, p: Piece) -> Vec<u8> {
        let bytes = std::fs::read(self.dir.join(&self.manifest.files[p.file as usize])).unwrap();
        bytes[p.start as usize..(p.start + p.len) as usize].to_vec()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus_dir, dir) = (Path::new(&args[0]), PathBuf::from(&args[1]));
    let queries: Vec<String> = if args.len() > 2 {
        args[2..].to_vec()
    } else {
        [
            "war",
            "freedom",
            "the",
            "war peace",
            "\"united states\"",
            "americ*",
            "\"the people\"",
        ]
        .map(String::from)
        .to_vec()
    };
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("index-"))
        .expect("a manifest");
    let manifest_bytes = std::fs::read(dir.join(&name)).unwrap();
    let manifest = Manifest::decode(&manifest_bytes).unwrap();
    let files = Files { dir, manifest };
    let m = &files.manifest;
    let meta_bytes = files.piece(m.metadata);
    let meta = decode_metadata(&inflate(&meta_bytes).unwrap()).unwrap();
    println!(
        "at start: manifest {} bytes, metadata {} bytes deflated ({} articles, {} dictionary chunks, {} data files)",
        manifest_bytes.len(),
        meta_bytes.len(),
        m.docs,
        m.dictionary.len(),
        m.files.len()
    );
    let l = &m.lists;
    let kinds = [
        ("years", &l.years),
        ("sources", &l.sources),
        ("sections", &l.sections),
        ("tags", &l.tags),
        ("languages", &l.languages),
    ];
    let said: Vec<String> = kinds
        .iter()
        .filter(|(_, k)| !k.is_empty())
        .map(|(name, k)| {
            let bytes: u64 = k.iter().map(|p| p.len).sum();
            let most = k.iter().map(|p| p.len).max().unwrap_or(0);
            format!("{} {name} {bytes} bytes (largest {most})", k.len())
        })
        .collect();
    println!(
        "word lists: vocabulary {} bytes in {} chunks, the corpus' {} bytes, {} (all deflated)",
        m.vocabulary.iter().map(|(_, p)| p.len).sum::<u64>(),
        m.vocabulary.len(),
        l.all.map_or(0, |p| p.len),
        said.join(", ")
    );
    // Read as `lens-site --index` reads it (in Chinese and Japanese words).
    let (corpus, _) = lens_engine::import::load_corpus_dir(corpus_dir).unwrap();
    let corpus = corpus
        .with_chinese_words()
        .with_japanese_words()
        .with_script_words();
    let whole = Index::new(&corpus);
    let opts = SearchOptions { word_forms: false };
    for q in &queries {
        let parsed = parse(q).unwrap();
        let needs = Needs::of(&parsed.query);
        // Round trip 1: the dictionary chunks.
        let chunks = needs.chunks(m);
        let chunk_bytes: u64 = chunks.iter().map(|&i| m.dictionary[i].1.len).sum();
        // Round trip 2: each term's postings, and its positions (one range
        // each) where a phrase needs them.
        let (mut post_bytes, mut pos_bytes, mut terms) = (0, 0, Vec::new());
        for &i in &chunks {
            let chunk =
                DictionaryChunk::decode(&files.piece(m.dictionary[i].1), m.files.len()).unwrap();
            for e in needs.entries(&chunk) {
                post_bytes += e.postings.len;
                let postings = decode_postings(e, &files.piece(e.postings), m.docs).unwrap();
                let positions = needs.positions.then(|| {
                    pos_bytes += e.positions.len;
                    decode_positions(&postings, &files.piece(e.positions)).unwrap()
                });
                terms.push(LoadedTerm {
                    term: e.term.clone(),
                    postings,
                    positions,
                });
            }
        }
        let partial = Index::partial(&meta, terms).unwrap();
        let hits = partial.rank(&partial.matches(&parsed.query, opts), Order::Relevance);
        let want = whole.rank(&whole.matches(&parsed.query, opts), Order::Relevance);
        let same = hits.len() == want.len()
            && hits
                .iter()
                .zip(&want)
                .all(|(a, b)| a.doc == b.doc && a.score == b.score);
        // Round trip 3: the text tables of the first 20, then (4) their texts.
        let top: Vec<u32> = hits.iter().take(20).map(|h| h.doc as u32).collect();
        let tables: BTreeSet<usize> = top.iter().map(|&d| m.table_of(d)).collect();
        let table_bytes: u64 = tables.iter().map(|&t| m.text_tables[t].len).sum();
        let mut text_bytes = 0;
        for &d in &top {
            let table =
                TextTable::decode(&files.piece(m.text_tables[m.table_of(d)]), m.files.len())
                    .unwrap();
            text_bytes += table.piece(d).unwrap().len;
        }
        println!(
            "{q:>18}: {} articles{}; dictionary {} chunk(s) {} KB; postings {} KB, positions {} KB; text tables {} KB; 20 texts {} KB deflated",
            hits.len(),
            if same { ", as the whole index" } else { ", NOT AS THE WHOLE INDEX" },
            chunks.len(),
            chunk_bytes / 1000,
            post_bytes / 1000,
            pos_bytes / 1000,
            table_bytes / 1000,
            text_bytes / 1000,
        );
        // Trends of the query as a keyword over the whole corpus, by year:
        // one fetch of its words' month-count chunks (deflated).
        let Ok(keywords) = parse_keywords(q) else {
            continue;
        };
        let all = DocSet::full(meta.articles().len());
        let Some(terms) = month_terms(&keywords, opts, Grain::Year) else {
            continue;
        };
        let mut chunks: Vec<usize> = terms.iter().filter_map(|t| m.month_chunk_of(t)).collect();
        chunks.sort_unstable();
        chunks.dedup();
        let bytes: u64 = chunks.iter().map(|&i| m.months[i].1.len).sum();
        let months: Vec<MonthCounts> = terms
            .iter()
            .map(|t| {
                let i = m.month_chunk_of(t).unwrap();
                let chunk = MonthChunk::decode(&inflate(&files.piece(m.months[i].1)).unwrap());
                chunk.unwrap().get(t).cloned().unwrap_or_default()
            })
            .collect();
        let facts = Index::partial(&meta, Vec::new()).unwrap();
        let cells = month_cells(&facts, &all).expect("every article");
        let got =
            trend_table_by_month(&meta, &facts, &keywords, &all, Grain::Year, &months, &cells);
        let want = trend_table(&corpus, &whole, &keywords, &all, opts, Grain::Year);
        println!(
            "{q:>18}: Trends by year from {} month-count chunk(s), {} KB deflated{}",
            chunks.len(),
            bytes / 1000,
            if got == want {
                ", as the whole index"
            } else {
                ", NOT AS THE WHOLE INDEX"
            },
        );
    }
}
