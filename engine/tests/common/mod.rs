//! What the property tests share: generated corpora of a small vocabulary
//! (so that repeats, overlaps and shared words abound), and an article as
//! its stretches of normalised words (title, each block), the unit no
//! phrase, window or passage crosses.
#![allow(dead_code)] // each test file uses part of it

use std::ops::Range;

use lens_engine::text::tokenize::words;
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo, Metadata};
use proptest::prelude::*;

/// The shape of the articles a test generates.
#[derive(Clone)]
pub struct Shape {
    /// The words articles are made of (each as written: case and apostrophes kept).
    pub vocab: &'static [&'static str],
    /// Words in a title.
    pub title: Range<usize>,
    /// Body blocks per article.
    pub blocks: Range<usize>,
    /// Words per block.
    pub block_words: Range<usize>,
    /// Whether a block may be a heading.
    pub headings: bool,
    /// Years articles are dated in.
    pub years: Range<u16>,
    /// Sources an article may have (none: no source).
    pub sources: &'static [&'static str],
    /// Tags an article may have some of.
    pub tags: &'static [&'static str],
    /// Articles per corpus.
    pub articles: Range<usize>,
}

/// Words of `vocab`, by index, joined by spaces.
pub fn text(vocab: &[&str], ws: &[usize]) -> String {
    ws.iter().map(|&i| vocab[i]).collect::<Vec<_>>().join(" ")
}

/// The sections an article may have (or none), in every shape.
pub const SECTIONS: &[&str] = &["Business", "World news"];

/// One article of `shape` (its id given by [`corpus`]).
pub fn article(shape: Shape) -> impl Strategy<Value = Article> {
    let v = shape.vocab.len();
    let block = (
        any::<bool>(),
        prop::collection::vec(0..v, shape.block_words.clone()),
    );
    let source = if shape.sources.is_empty() {
        Just(None).boxed()
    } else {
        prop::option::of(0..shape.sources.len()).boxed()
    };
    (
        prop::collection::vec(0..v, shape.title.clone()),
        prop::collection::vec(block, shape.blocks.clone()),
        shape.years.clone(),
        source,
        prop::sample::subsequence(shape.tags.to_vec(), 0..=shape.tags.len()),
        prop::option::of(0..SECTIONS.len()),
        // A date at year, month or day precision (days up to 28: every month has them).
        (prop::option::of(1u8..=12), prop::option::of(1u8..=28)),
    )
        .prop_map(
            move |(title, blocks, year, source, tags, section, (month, day))| {
                let body = blocks
                    .iter()
                    .map(|(h, b)| {
                        if *h && shape.headings && !b.is_empty() {
                            Block::Heading {
                                level: 2,
                                text: text(shape.vocab, b).into(),
                            }
                        } else {
                            Block::Paragraph(text(shape.vocab, b).into())
                        }
                    })
                    .collect();
                let date = ArticleDate {
                    year,
                    month,
                    day: month.and(day),
                };
                let mut a = Article::new(String::new(), text(shape.vocab, &title), date, body)
                    .with_meta(Metadata {
                        source: source.map(|s| shape.sources[s].into()),
                        section: section.map(|s| SECTIONS[s].into()),
                        ..Metadata::default()
                    });
                a.tags = tags.into_iter().map(Into::into).collect();
                a
            },
        )
}

/// A corpus of articles of `shape`, with ids `a0`, `a1`, …
pub fn corpus(shape: Shape) -> impl Strategy<Value = Corpus> {
    let n = shape.articles.clone();
    prop::collection::vec(article(shape), n).prop_map(|mut v| {
        v.iter_mut()
            .enumerate()
            .for_each(|(i, a)| a.id = format!("a{i}").into());
        Corpus::new(
            CorpusInfo {
                name: "gen".into(),
                description: None,
                ..Default::default()
            },
            v,
        )
    })
}

/// The article as its stretches of normalised words (title, each block).
pub fn stretches(a: &Article) -> Vec<Vec<String>> {
    let norm = |t: &str| words(t).map(|w| w.norm.into_owned()).collect::<Vec<_>>();
    std::iter::once(norm(&a.title))
        .chain(a.body.iter().map(|b| norm(b.text())))
        .collect()
}

/// The article as its clauses of normalised words: each stretch cut again
/// where the text between two words ends a clause (a naive reading of the
/// text, word by word).
pub fn clauses(a: &Article) -> Vec<Vec<String>> {
    use lens_engine::text::tokenize::ends_clause;
    let mut out = Vec::new();
    for text in std::iter::once(&*a.title).chain(a.body.iter().map(|b| b.text())) {
        let mut clause = Vec::new();
        let mut last_end = None;
        for w in words(text) {
            if last_end.is_some_and(|e| ends_clause(&text[e..w.start])) {
                out.push(std::mem::take(&mut clause));
            }
            last_end = Some(w.end);
            clause.push(w.norm.into_owned());
        }
        out.push(clause);
    }
    out
}

/// A corpus of one article "a" dated 2000, titled `title`, with these paragraphs.
pub fn one_article(title: &str, paragraphs: &[&str]) -> Corpus {
    let body = paragraphs
        .iter()
        .map(|p| Block::Paragraph(p.to_string().into()))
        .collect();
    Corpus::new(
        CorpusInfo {
            name: "x".into(),
            description: None,
            ..Default::default()
        },
        vec![Article::new(
            "a",
            title.to_string(),
            ArticleDate::parse("2000").unwrap(),
            body,
        )],
    )
}
