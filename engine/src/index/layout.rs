//! One layout of an article's word positions: which stretch of its text
//! (the title, then each body block) a position falls in, and which bytes
//! of that text its word is. The rule is the module docs' of
//! [`crate::index`]: the title's words are 0..T, the body's start at T + 1
//! (position T is the break), each block's words in order. Marks,
//! keyword-in-context lines, concordance lines and the stretches a phrase may
//! not cross are all read through it.

use std::cell::OnceCell;
use std::ops::Range;

use crate::corpus::Article;
use crate::index::DocInfo;
use crate::text::tokenize::words;

/// The mark a line of context shows where it crosses from one stretch
/// (title, heading, paragraph) into another.
pub const BOUNDARY: &str = " ¶ ";

/// The stretches of an article a phrase may not cross (the title, then each
/// body block), as ranges of positions, from the index's facts about it.
pub fn stretches(info: &DocInfo) -> Vec<Range<usize>> {
    // The title, the break, the body.
    let total = info.len as usize + 1;
    let mut out = Vec::with_capacity(info.block_starts().len() + 1);
    out.push(0..(info.title_len as usize).min(total));
    for (i, &s) in info.block_starts().iter().enumerate() {
        let e = info
            .block_starts()
            .get(i + 1)
            .map_or(total, |&e| e as usize);
        out.push((s as usize).min(total)..e.min(total));
    }
    out
}

/// The clauses of an article a phrase may not cross: its [`stretches`] cut
/// again before each word that follows a sentence or clause mark.
pub fn clauses(info: &DocInfo) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(info.block_starts().len() + info.clause_starts().len() + 1);
    let mut cuts = info.clause_starts().iter().map(|&c| c as usize).peekable();
    for r in stretches(info) {
        let mut from = r.start;
        while let Some(c) = cuts.next_if(|&c| c < r.end) {
            if c > from {
                out.push(from..c);
                from = c;
            }
        }
        out.push(from..r.end);
    }
    out
}

/// Where a piece of text starts or ends: at the start or at the end of the
/// word at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The first byte of the word.
    Start,
    /// Just past its last byte.
    End,
}

/// A match with the text either side of it, as the article writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    /// The context before the match.
    pub left: String,
    /// The match.
    pub matched: String,
    /// The context after it.
    pub right: String,
}

/// An article's word positions laid out over its text. A stretch's words
/// are found (tokenized) when first asked for.
pub struct Layout<'a> {
    /// The title, then each block's text.
    texts: Vec<&'a str>,
    /// Each stretch's positions.
    ranges: Vec<Range<usize>>,
    /// Each stretch's words as byte ranges of its text, once asked for.
    words: Vec<OnceCell<Vec<Range<usize>>>>,
}

impl<'a> Layout<'a> {
    /// The layout of `article` from the index's facts about it (`info`): no
    /// stretch is read until asked for.
    pub fn of(article: &'a Article, info: &DocInfo) -> Layout<'a> {
        Layout::with_ranges(article, stretches(info))
    }

    /// The layout of `article` from its text alone (each stretch read to
    /// count its words).
    pub fn new(article: &'a Article) -> Layout<'a> {
        let texts = Layout::texts(article);
        let mut ranges = Vec::with_capacity(texts.len());
        let mut words_of = Vec::with_capacity(texts.len());
        let mut at = 0;
        for (i, text) in texts.iter().enumerate() {
            let ws: Vec<Range<usize>> = words(text).map(|w| w.start..w.end).collect();
            ranges.push(at..at + ws.len());
            // The break after the title.
            at += ws.len() + usize::from(i == 0);
            words_of.push(OnceCell::from(ws));
        }
        Layout {
            texts,
            ranges,
            words: words_of,
        }
    }

    fn texts(article: &'a Article) -> Vec<&'a str> {
        std::iter::once(&*article.title)
            .chain(article.body.iter().map(|b| b.text()))
            .collect()
    }

    fn with_ranges(article: &'a Article, ranges: Vec<Range<usize>>) -> Layout<'a> {
        let texts = Layout::texts(article);
        let words = vec![OnceCell::new(); texts.len()];
        Layout {
            texts,
            ranges,
            words,
        }
    }

    /// The number of stretches (the title and each block).
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Never: an article has a title.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Stretch `s`'s text.
    pub fn text(&self, s: usize) -> &'a str {
        self.texts[s]
    }

    /// Stretch `s`'s positions.
    pub fn positions(&self, s: usize) -> Range<usize> {
        self.ranges[s].clone()
    }

    /// Stretch `s`'s words, as byte ranges of its text.
    pub fn words(&self, s: usize) -> &[Range<usize>] {
        self.words[s].get_or_init(|| words(self.texts[s]).map(|w| w.start..w.end).collect())
    }

    /// The stretch position `p` falls in (`None` for the break after the
    /// title, or past the end).
    pub fn stretch_of(&self, p: usize) -> Option<usize> {
        let s = self
            .ranges
            .partition_point(|r| r.start <= p)
            .checked_sub(1)?;
        self.ranges[s].contains(&p).then_some(s)
    }

    /// The word at position `p`: its stretch and its bytes there.
    pub fn word(&self, p: usize) -> Option<(usize, Range<usize>)> {
        let s = self.stretch_of(p)?;
        let r = self.words(s).get(p - self.ranges[s].start)?.clone();
        Some((s, r))
    }

    /// Stretch `s`'s text before byte `at`, less its leading spaces: what
    /// stands before its first word ("“", "(") when `at` is that word's start.
    pub fn head(&self, s: usize, at: usize) -> &'a str {
        self.texts[s][..at].trim_start()
    }

    /// Stretch `s`'s text from byte `at`, less its trailing spaces: what
    /// follows its last word (". ", "”") when `at` is that word's end.
    pub fn tail(&self, s: usize, at: usize) -> &'a str {
        self.texts[s][at..].trim_end()
    }

    /// The text as written from `from` to `to` (a start or an end of the
    /// words at those positions), with [`BOUNDARY`] where it crosses from
    /// one stretch into the next: a stretch's text then runs to its end (its
    /// last word's full stop kept), and the next one's from its start (an
    /// opening quote kept), spaces at either end left out.
    pub fn between(&self, from: (usize, Edge), to: (usize, Edge)) -> String {
        let point = |r: &Range<usize>, e: Edge| match e {
            Edge::Start => r.start,
            Edge::End => r.end,
        };
        let mut out = String::new();
        // The stretch being read, and the bytes of it so far.
        let mut piece: Option<(usize, usize, usize)> = None;
        for p in from.0..=to.0 {
            let Some((s, r)) = self.word(p) else { continue };
            let lo = if p == from.0 {
                point(&r, from.1)
            } else {
                r.start
            };
            let hi = if p == to.0 { point(&r, to.1) } else { r.end };
            match &mut piece {
                Some((ps, _, end)) if *ps == s => *end = hi,
                _ => {
                    let crossed = piece.is_some();
                    if let Some((ps, start, _)) = piece.take() {
                        // Left for the next stretch: this one to its end.
                        out.push_str(self.texts[ps][start..].trim_end());
                        out.push_str(BOUNDARY);
                    }
                    // Come from another stretch: this one from its start.
                    let lo = if crossed {
                        r.start - self.head(s, r.start).len()
                    } else {
                        lo
                    };
                    piece = Some((s, lo, hi));
                }
            }
        }
        if let Some((ps, start, end)) = piece {
            out.push_str(&self.texts[ps][start..end]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::body::Block;
    use crate::corpus::date::ArticleDate;
    use crate::{Corpus, CorpusInfo};

    fn article() -> Article {
        Article::new(
            "a",
            "War and Peace",
            ArticleDate::parse("2000").unwrap(),
            vec![
                Block::Paragraph("One, two: three.".into()),
                Block::Paragraph(String::new().into()),
                Block::Paragraph("Tax the rich, now!".into()),
            ],
        )
    }

    #[test]
    fn the_index_and_the_text_lay_an_article_out_alike() {
        let corpus = Corpus::new(
            CorpusInfo {
                name: "x".into(),
                description: None,
                ..Default::default()
            },
            vec![article()],
        );
        let index = crate::index::Index::new(&corpus);
        let a = &corpus.articles()[0];
        assert_eq!(
            index.doc(0).len as usize + 1,
            index.words_of(0).len(),
            "title, break, body"
        );
        let from_index = Layout::of(a, index.doc(0));
        let from_text = Layout::new(a);
        assert_eq!(from_index.len(), from_text.len());
        for s in 0..from_text.len() {
            assert_eq!(
                from_index.positions(s),
                from_text.positions(s),
                "stretch {s}"
            );
            assert_eq!(from_index.words(s), from_text.words(s));
        }
        assert_eq!(from_text.stretch_of(3), None, "the break after the title");
        assert_eq!(from_text.word(4), Some((1, 0..3)), "One");
    }

    #[test]
    fn text_between_two_places_is_as_written_with_boundaries_marked() {
        let a = article();
        let l = Layout::new(&a);
        // Title 0..3 (War and Peace), break 3, One two three 4..7, empty, Tax the rich now 7..11.
        assert_eq!(
            l.between((4, Edge::Start), (6, Edge::End)),
            "One, two: three"
        );
        assert_eq!(
            l.between((5, Edge::Start), (7, Edge::Start)),
            format!("two: three.{BOUNDARY}"),
            "a stretch left runs to its end, full stop and all"
        );
        assert_eq!(
            l.between((1, Edge::Start), (8, Edge::End)),
            format!("and Peace{BOUNDARY}One, two: three.{BOUNDARY}Tax the")
        );
        assert_eq!(l.between((7, Edge::End), (7, Edge::End)), "");
        assert_eq!(l.between((7, Edge::End), (9, Edge::End)), " the rich");
    }
}
