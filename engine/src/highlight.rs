//! Marks and snippets: where a query's matched words stand in an article's
//! text, as byte ranges to draw, and a piece of the body around the best of them.

use std::ops::Range;

use crate::corpus::Article;
use crate::index::DocInfo;
use crate::tokenize::words;

/// One marked piece of a title or block: its byte range, and which of the
/// spans given to [`mark_article`] it shows (a shared passage's twin, a match's number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Bytes of the title or block.
    pub range: Range<usize>,
    /// Index in the spans (sorted by start) of the span it shows.
    pub span: usize,
}

/// What to mark in an article's title and in each block of its body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// In the title.
    pub title: Vec<Mark>,
    /// In each block, by block.
    pub blocks: Vec<Vec<Mark>>,
}

impl Marks {
    /// Number of marks.
    pub fn len(&self) -> usize {
        self.title.len() + self.blocks.iter().map(Vec::len).sum::<usize>()
    }

    /// True when nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Turns word spans (from [`crate::index::Index::match_spans`], or shared
/// passages: (first position, words), sorted) into marks of the article's
/// title and blocks. A span is one mark, split where it crosses from one
/// paragraph into the next; overlapping spans never leave a covered word unmarked.
pub fn mark_article(article: &Article, spans: &[(u32, u32)]) -> Marks {
    let mut marks = Marks {
        title: Vec::new(),
        blocks: vec![Vec::new(); article.body.len()],
    };
    if spans.is_empty() {
        return marks;
    }
    let cover = Covering::new(spans);
    let mut pos = mark_text(&article.title, 0, &cover, &mut marks.title) + 1;
    for (i, block) in article.body.iter().enumerate() {
        pos = mark_text(block.text(), pos, &cover, &mut marks.blocks[i]);
    }
    marks
}

/// Marks of the title alone.
pub fn mark_title(article: &Article, spans: &[(u32, u32)]) -> Vec<Mark> {
    let mut out = Vec::new();
    if !spans.is_empty() {
        mark_text(&article.title, 0, &Covering::new(spans), &mut out);
    }
    out
}

/// Which span covers a word position: spans sorted by start, each with the
/// furthest end reached by it and the spans before it (and which span
/// reaches there). However many spans overlap, a position is covered exactly
/// when the furthest end before it lies beyond it.
struct Covering<'a> {
    spans: &'a [(u32, u32)],
    /// For spans `..=k`: the furthest end, and the (latest) span reaching it.
    reach: Vec<(u32, usize)>,
}

impl<'a> Covering<'a> {
    fn new(spans: &'a [(u32, u32)]) -> Self {
        let mut reach = Vec::with_capacity(spans.len());
        let mut best = (0u32, 0usize);
        for (k, &(s, w)) in spans.iter().enumerate() {
            if s + w >= best.0 {
                best = (s + w, k);
            }
            reach.push(best);
        }
        Covering { spans, reach }
    }

    /// The span covering position `p`, if any.
    fn at(&self, p: u32) -> Option<usize> {
        let i = self.spans.partition_point(|&(s, _)| s <= p);
        let &(end, k) = self.reach.get(i.checked_sub(1)?)?;
        (p < end).then_some(k)
    }
}

/// Marks the words of `text` (whose first word is at `first_pos`) that
/// `cover` covers; returns the position after its last word.
fn mark_text(text: &str, first_pos: u32, cover: &Covering<'_>, out: &mut Vec<Mark>) -> u32 {
    let mut pos = first_pos;
    let mut current: Option<Mark> = None;
    for w in words(text) {
        match (cover.at(pos), current.as_mut()) {
            (Some(k), Some(m)) if m.span == k => m.range.end = w.end,
            (found, _) => {
                out.extend(current.take());
                current = found.map(|span| Mark {
                    range: w.start..w.end,
                    span,
                });
            }
        }
        pos += 1;
    }
    out.extend(current);
    pos
}

/// Splits `text` into pieces at the marks' byte ranges (sorted, disjoint),
/// each with the span its mark shows (`None`: not marked).
pub fn segments<'a>(text: &'a str, marks: &[Mark]) -> Vec<(&'a str, Option<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for Mark { range: r, span } in marks {
        if r.start > at {
            out.push((&text[at..r.start], None));
        }
        out.push((&text[r.clone()], Some(*span)));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], None));
    }
    out
}

/// A piece of an article around its best match, with the matched words marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text.
    pub text: String,
    /// What to mark, in bytes of `text`.
    pub marks: Vec<Mark>,
    /// The text starts inside its paragraph.
    pub cut_before: bool,
    /// The text ends inside its paragraph.
    pub cut_after: bool,
}

/// A snippet of about `2 × context` words of the article's body around the
/// place where most matches stand close together (or its opening if no word
/// of the query is in the body). Works from word positions, so only one
/// paragraph is tokenized: cheap for long articles.
pub fn snippet(article: &Article, doc: &DocInfo, spans: &[(u32, u32)], context: usize) -> Snippet {
    let empty = Snippet {
        text: String::new(),
        marks: Vec::new(),
        cut_before: false,
        cut_after: false,
    };
    let ctx = context as u32;
    let body: Vec<(u32, u32)> = spans
        .iter()
        .copied()
        .filter(|&(p, _)| p > doc.title_len)
        .collect();
    // The span with the most others starting within 2 × context words after it.
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut j = 0;
    for (i, &(p, w)) in body.iter().enumerate() {
        j = j.max(i);
        while j + 1 < body.len() && body[j + 1].0 <= p + 2 * ctx {
            j += 1;
        }
        if best.is_none_or(|(c, _)| j - i + 1 > c) {
            best = Some((j - i + 1, (p, w)));
        }
    }
    let (block, window) = match best {
        Some((_, (p, w))) => {
            let b = doc
                .block_starts
                .partition_point(|&st| st <= p)
                .saturating_sub(1);
            (b, Some((p.saturating_sub(ctx), p + w - 1 + ctx)))
        }
        None => match article
            .body
            .iter()
            .position(|b| matches!(b, crate::Block::Paragraph(_)))
        {
            Some(b) => (b, None),
            None => return empty,
        },
    };
    let Some(text) = article.body.get(block).map(|b| b.text()) else {
        return empty;
    };
    let first_pos = doc.block_starts.get(block).copied().unwrap_or(0);
    let ws: Vec<Range<usize>> = words(text).map(|w| w.start..w.end).collect();
    if ws.is_empty() {
        return Snippet {
            text: text.to_string(),
            ..empty
        };
    }
    let last = ws.len() - 1;
    let (lo, hi) = match window {
        Some((from, to)) => (
            (from.saturating_sub(first_pos) as usize).min(last),
            (to.saturating_sub(first_pos) as usize).min(last),
        ),
        None => (0, (2 * context).min(last)),
    };
    let start = if lo == 0 { 0 } else { ws[lo].start };
    let end = if hi == last { text.len() } else { ws[hi].end };
    let mut block_marks = Vec::new();
    if window.is_some() {
        mark_text(text, first_pos, &Covering::new(spans), &mut block_marks);
    }
    let marks = block_marks
        .into_iter()
        .filter(|m| m.range.start >= start && m.range.end <= end)
        .map(|m| Mark {
            range: m.range.start - start..m.range.end - start,
            span: m.span,
        })
        .collect();
    Snippet {
        text: text[start..end].to_string(),
        marks,
        cut_before: start > 0,
        cut_after: end < text.len(),
    }
}
