//! Marks and snippets: where a query's matched words stand in an article's
//! text, as byte ranges to draw, and a piece of the body around the best of them.

use std::ops::Range;

use crate::corpus::Article;
use crate::index::layout::Layout;
use crate::index::DocInfo;
use crate::text::tokenize::words;

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
    let layout = Layout::new(article);
    mark_words(&layout, 0, &cover, &mut marks.title);
    for (i, out) in marks.blocks.iter_mut().enumerate() {
        mark_words(&layout, i + 1, &cover, out);
    }
    marks
}

/// Marks of the title alone (its words only are read: a list marks many titles).
pub fn mark_title(article: &Article, spans: &[(u32, u32)]) -> Vec<Mark> {
    let mut out = Vec::new();
    if !spans.is_empty() {
        let cover = Covering::new(spans);
        let ws: Vec<Range<usize>> = words(&article.title).map(|w| w.start..w.end).collect();
        mark_ranges(&ws, 0, &cover, &mut out);
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

/// Marks the words of stretch `s` of `layout` that `cover` covers.
fn mark_words(layout: &Layout<'_>, s: usize, cover: &Covering<'_>, out: &mut Vec<Mark>) {
    mark_ranges(layout.words(s), layout.positions(s).start, cover, out);
}

/// Marks the words `ws` (byte ranges; the first at position `first`) that `cover` covers.
fn mark_ranges(ws: &[Range<usize>], first: usize, cover: &Covering<'_>, out: &mut Vec<Mark>) {
    let mut current: Option<Mark> = None;
    for (k, w) in ws.iter().enumerate() {
        match (cover.at((first + k) as u32), current.as_mut()) {
            (Some(span), Some(m)) if m.span == span => m.range.end = w.end,
            (found, _) => {
                out.extend(current.take());
                current = found.map(|span| Mark {
                    range: w.clone(),
                    span,
                });
            }
        }
    }
    out.extend(current);
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

/// One occurrence of one of a query's terms (from
/// [`crate::index::Index::term_spans`]): where it stands, which term it is
/// and how much finding that term is worth (rarer terms more).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TermSpan {
    /// First word position.
    pub start: u32,
    /// Words covered (a phrase covers several).
    pub width: u32,
    /// Which of the query's terms.
    pub term: u32,
    /// The term's weight (its inverse document frequency).
    pub weight: f32,
}

/// A snippet of about `2 × context` words of one paragraph of the article's
/// body (or its opening, if no word of the query is in the body). The passage
/// chosen is the one whose distinct query terms weigh most (each term counted
/// once, a rare term more than a frequent one; a phrase only when whole),
/// then the one with more matches, then the earliest. Works from word
/// positions, so only one paragraph is tokenized: cheap for long articles.
pub fn snippet(article: &Article, doc: &DocInfo, spans: &[TermSpan], context: usize) -> Snippet {
    let empty = Snippet {
        text: String::new(),
        marks: Vec::new(),
        cut_before: false,
        cut_after: false,
    };
    let ctx = context as u32;
    let reach = 2 * ctx;
    let layout = Layout::of(article, doc);
    // Body stretches are 1.. (0 is the title).
    let block_of = |p: u32| layout.stretch_of(p as usize).filter(|&s| s > 0);
    let mut body: Vec<TermSpan> = spans
        .iter()
        .copied()
        .filter(|s| block_of(s.start).is_some())
        .collect();
    body.sort_by_key(|s| (s.start, s.term));
    // For each span as the first of a passage: the spans whose words all lie
    // within `reach` words of it, in its paragraph; their distinct terms' weight.
    let mut best: Option<(f32, usize, u32, u32)> = None;
    let mut terms: Vec<u32> = Vec::new();
    for (i, first) in body.iter().enumerate() {
        let stretch = block_of(first.start).expect("a body span");
        let block_end = layout.positions(stretch).end as u32;
        let limit = (first.start + reach).min(block_end.saturating_sub(1));
        terms.clear();
        let (mut weight, mut count, mut last) = (0.0f32, 0usize, first.start + first.width - 1);
        for s in body[i..].iter().take_while(|s| s.start <= limit) {
            let end = s.start + s.width - 1;
            if end > limit && s.start != first.start {
                continue;
            }
            count += 1;
            last = last.max(end);
            if !terms.contains(&s.term) {
                terms.push(s.term);
                weight += s.weight;
            }
        }
        if best.is_none_or(|(w, c, _, _)| weight > w || (weight == w && count > c)) {
            best = Some((weight, count, first.start, last));
        }
    }
    let (stretch, window) = match best {
        Some((_, _, from, to)) => {
            let pad = ((reach + 1).saturating_sub(to - from + 1) / 2).max(3);
            let stretch = block_of(from).expect("a body span");
            (stretch, Some((from.saturating_sub(pad), to + pad)))
        }
        None => match article
            .body
            .iter()
            .position(|b| matches!(b, crate::Block::Paragraph(_)))
        {
            Some(b) => (b + 1, None),
            None => return empty,
        },
    };
    let text = layout.text(stretch);
    let first_pos = layout.positions(stretch).start as u32;
    let ws = layout.words(stretch);
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
        let mut plain: Vec<(u32, u32)> = body.iter().map(|s| (s.start, s.width)).collect();
        plain.dedup();
        mark_ranges(
            ws,
            first_pos as usize,
            &Covering::new(&plain),
            &mut block_marks,
        );
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
