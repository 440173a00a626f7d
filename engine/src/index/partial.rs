//! A partial index: the part of a sharded corpus' index a page has fetched
//! (`crate::shard`), as an [`Index`] the search answers on with its own
//! code, so a query finds the same articles, in the same order, as on the
//! whole index.

use std::sync::OnceLock;

use crate::corpus::Corpus;
use crate::index::builder::{term_language, IndexBuilder, Stems};
use crate::index::Index;
use crate::steps::Steps;

/// A term with all its postings, as a page fetches and reads them from a
/// sharded index ([`crate::shard::decode_postings`],
/// [`crate::shard::decode_positions`]): what [`Index::partial`] is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedTerm {
    /// The term.
    pub term: String,
    /// Its articles, ascending, and the count in each.
    pub postings: Vec<(u32, u32)>,
    /// Its positions, article by article, ascending in each.
    pub positions: Vec<u32>,
}

impl Index {
    /// The index of some of a corpus' terms: `meta` is its articles without
    /// their bodies but with their word counts (a sharded index's
    /// metadata), `terms` the terms fetched, each with all its postings.
    /// Every article's facts are the whole index's (length, title length,
    /// date, facet values, in their order); the terms are those given only,
    /// and there are no word sequences ([`Index::is_partial`]). A position
    /// past its article's length is an error (a damaged file), not a panic
    /// later.
    pub fn partial(meta: &Corpus, terms: Vec<LoadedTerm>) -> Result<Index, String> {
        // The titles alone give each article's title length, date and
        // facet values exactly as the whole index has them; the lengths are
        // the word counts of title and body.
        let mut ix = IndexBuilder::new(meta).finish();
        for (d, info) in ix.docs.iter_mut().enumerate() {
            info.len =
                u32::try_from(meta.word_count(d)).map_err(|_| "an article past 2³² words")?;
        }
        let total: u64 = ix.docs.iter().map(|d| u64::from(d.len)).sum();
        ix.avg_len = if ix.docs.is_empty() {
            0.0
        } else {
            total as f32 / ix.docs.len() as f32
        };

        let mut terms = terms;
        terms.sort_unstable_by(|a, b| a.term.cmp(&b.term));
        terms.dedup_by(|a, b| a.term == b.term);
        let (mut term_start, mut post_doc, mut post_pos_start, mut positions) = (
            Vec::with_capacity(terms.len() + 1),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        for t in &terms {
            term_start.push(post_doc.len() as u32);
            let mut at = 0;
            for &(doc, count) in &t.postings {
                let info = ix
                    .docs
                    .get(doc as usize)
                    .ok_or_else(|| format!("{:?}: article {doc} past the corpus", t.term))?;
                let ps = t
                    .positions
                    .get(at..at + count as usize)
                    .ok_or_else(|| format!("{:?}: fewer positions than counted", t.term))?;
                // Position `len` is the last (the title's break takes one).
                if ps.last().is_some_and(|&p| p > info.len) {
                    return Err(format!(
                        "{:?}: a position past article {doc}'s words",
                        t.term
                    ));
                }
                post_doc.push(doc);
                post_pos_start.push(positions.len() as u32);
                positions.extend_from_slice(ps);
                at += count as usize;
            }
        }
        term_start.push(post_doc.len() as u32);
        post_pos_start.push(positions.len() as u32);
        ix.terms = terms.into_iter().map(|t| t.term).collect();
        ix.term_start = term_start;
        ix.post_doc = post_doc;
        ix.post_pos_start = post_pos_start;
        ix.positions = positions;

        // Each term's language and stem, as the whole index gives them.
        let mut stems = Stems::default();
        ix.term_lang = Vec::new();
        for t in 0..ix.terms.len() {
            let lang = if ix.languages.len() < 2 {
                0
            } else {
                let (a, b) = (ix.term_start[t] as usize, ix.term_start[t + 1] as usize);
                let lang = term_language(ix.languages.len(), &ix.doc_lang, &ix.post_doc[a..b]);
                ix.term_lang.push(lang);
                lang
            };
            stems.add(&ix.languages, lang, t as u32, &ix.terms[t]);
        }
        ix.term_stem = stems.term_stem;
        ix.stem_ids = stems.stem_ids;
        ix.stem_terms = stems.stem_terms;
        ix.forward = Vec::new();
        ix.partial = true;
        ix.total_positions = total as usize;
        ix.kinds = OnceLock::new();
        ix.han_terms = OnceLock::new();
        Ok(ix)
    }
}
