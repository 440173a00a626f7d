//! The inverted index: every normalised word with the articles and positions
//! where it stands, and the facts facets and ranking need.
//!
//! Positions count words: the title's words are 0..T, the body's start at
//! T + 1, so that a phrase never runs from the title into the body. A body
//! is its blocks' words in order (a phrase may cross paragraphs).

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::fxhash::FxHashMap;

use crate::corpus::Corpus;
use crate::tokenize::words;

/// Where one term stands in one article.
#[derive(Clone, Debug)]
pub struct Posting {
    /// Index of the article in [`Corpus::articles`].
    pub doc: u32,
    /// Word positions, ascending.
    pub positions: Vec<u32>,
}

/// Per-article facts the index keeps.
#[derive(Clone, Debug)]
pub struct DocInfo {
    /// Words in the title.
    pub title_len: u32,
    /// Words in title and body.
    pub len: u32,
    /// The article's year.
    pub year: u16,
    /// Position of the first word of each body block (a block without words
    /// has the position its first word would have had).
    pub block_starts: Vec<u32>,
    /// Index of the source in [`Index::facet_values`]' sources.
    pub source_id: Option<u32>,
    /// Indexes of the tags in [`Index::facet_values`]' tags.
    pub tag_ids: Vec<u32>,
}

/// Every year, source and tag of the corpus (sources and tags as first
/// spelled, most frequent first: a fixed order).
#[derive(Clone, Debug, Default)]
pub struct FacetValues {
    /// Years, ascending.
    pub years: Vec<u16>,
    /// Sources.
    pub sources: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
}

/// The index of a corpus (see the module docs).
pub struct Index {
    /// Vocabulary, sorted: a term's id is its place here.
    terms: Vec<String>,
    postings: Vec<Vec<Posting>>,
    /// Term id → stem id.
    term_stem: Vec<u32>,
    /// Stem → its id.
    stem_ids: HashMap<String, u32>,
    /// Stem id → term ids with that stem.
    stem_terms: Vec<Vec<u32>>,
    docs: Vec<DocInfo>,
    avg_len: f32,
    facet_values: FacetValues,
    /// Each article's word ids in reading order, [`BREAK`] between title and body.
    forward: Vec<Vec<u32>>,
}

/// In [`Index::words_of`], the break between title and body.
pub const BREAK: u32 = u32::MAX;

/// Puts sources and tags in their lasting display order, most articles first
/// (then by name), and renumbers the articles' ids to match: the facet lists
/// then never reorder while a reader types.
fn order_facet_values(fv: &mut FacetValues, docs: &mut [DocInfo]) {
    fn order(names: &mut Vec<String>, counts: Vec<usize>) -> Vec<u32> {
        let mut idx: Vec<usize> = (0..names.len()).collect();
        idx.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| names[a].to_lowercase().cmp(&names[b].to_lowercase()))
        });
        let mut new_id = vec![0u32; names.len()];
        for (new, &old) in idx.iter().enumerate() {
            new_id[old] = new as u32;
        }
        *names = idx.iter().map(|&i| names[i].clone()).collect();
        new_id
    }
    let mut source_counts = vec![0; fv.sources.len()];
    let mut tag_counts = vec![0; fv.tags.len()];
    for d in docs.iter() {
        d.source_id
            .iter()
            .for_each(|&s| source_counts[s as usize] += 1);
        d.tag_ids.iter().for_each(|&t| tag_counts[t as usize] += 1);
    }
    let sources = order(&mut fv.sources, source_counts);
    let tags = order(&mut fv.tags, tag_counts);
    for d in docs.iter_mut() {
        d.source_id = d.source_id.map(|s| sources[s as usize]);
        d.tag_ids.iter_mut().for_each(|t| *t = tags[*t as usize]);
    }
}

/// The English Snowball stem of a normalised word.
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

impl Index {
    /// Indexes every article of `corpus`.
    pub fn new(corpus: &Corpus) -> Index {
        // Words get provisional ids in order of first sight; sorted ids come after.
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut lists: Vec<Vec<Posting>> = Vec::new();
        let mut forward: Vec<Vec<u32>> = Vec::with_capacity(corpus.articles().len());
        let mut docs = Vec::with_capacity(corpus.articles().len());
        let mut fv = FacetValues::default();
        let value_id = |list: &mut Vec<String>, v: &str| -> u32 {
            let lower = v.to_lowercase();
            match list.iter().position(|x| x.to_lowercase() == lower) {
                Some(i) => i as u32,
                None => {
                    list.push(v.to_string());
                    (list.len() - 1) as u32
                }
            }
        };
        for (d, a) in corpus.articles().iter().enumerate() {
            let d = d as u32;
            let mut pos = 0u32;
            let mut seq: Vec<u32> = Vec::new();
            // `None` marks the break between title and body.
            let mut add = |norm: Option<&str>, pos: u32| {
                let Some(norm) = norm else {
                    seq.push(BREAK);
                    return;
                };
                let id = match ids.get(norm) {
                    Some(&id) => id,
                    None => {
                        let id = lists.len() as u32;
                        ids.insert(norm.to_string(), id);
                        lists.push(Vec::new());
                        id
                    }
                };
                seq.push(id);
                let list = &mut lists[id as usize];
                match list.last_mut() {
                    Some(p) if p.doc == d => p.positions.push(pos),
                    _ => list.push(Posting {
                        doc: d,
                        positions: vec![pos],
                    }),
                }
            };
            for w in words(&a.title) {
                add(Some(&w.norm), pos);
                pos += 1;
            }
            let title_len = pos;
            pos += 1;
            add(None, 0);
            let mut block_starts = Vec::with_capacity(a.body.len());
            for block in &a.body {
                block_starts.push(pos);
                for w in words(block.text()) {
                    add(Some(&w.norm), pos);
                    pos += 1;
                }
            }
            forward.push(seq);
            docs.push(DocInfo {
                title_len,
                len: pos - 1,
                year: a.date.year,
                block_starts,
                source_id: a.source.as_ref().map(|s| value_id(&mut fv.sources, s)),
                tag_ids: a.tags.iter().map(|t| value_id(&mut fv.tags, t)).collect(),
            });
            if !fv.years.contains(&a.date.year) {
                fv.years.push(a.date.year);
            }
        }
        let mut entries: Vec<(String, u32)> = ids.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut sorted_id = vec![0u32; entries.len()];
        for (new, (_, old)) in entries.iter().enumerate() {
            sorted_id[*old as usize] = new as u32;
        }
        let mut lists: Vec<Option<Vec<Posting>>> = lists.into_iter().map(Some).collect();
        let postings: Vec<Vec<Posting>> = entries
            .iter()
            .map(|(_, old)| lists[*old as usize].take().unwrap_or_default())
            .collect();
        let terms: Vec<String> = entries.into_iter().map(|(t, _)| t).collect();
        for seq in &mut forward {
            seq.iter_mut()
                .filter(|id| **id != BREAK)
                .for_each(|id| *id = sorted_id[*id as usize]);
        }
        let mut stem_ids: HashMap<String, u32> = HashMap::new();
        let mut stem_terms: Vec<Vec<u32>> = Vec::new();
        let term_stem = terms
            .iter()
            .enumerate()
            .map(|(t, term)| {
                let s = stem(term);
                let next = stem_terms.len() as u32;
                let id = *stem_ids.entry(s).or_insert(next);
                if id == next {
                    stem_terms.push(Vec::new());
                }
                stem_terms[id as usize].push(t as u32);
                id
            })
            .collect();
        let total: u64 = docs.iter().map(|d| d.len as u64).sum();
        let avg_len = if docs.is_empty() {
            0.0
        } else {
            total as f32 / docs.len() as f32
        };
        fv.years.sort_unstable();
        order_facet_values(&mut fv, &mut docs);
        Index {
            terms,
            postings,
            term_stem,
            stem_ids,
            stem_terms,
            docs,
            avg_len,
            facet_values: fv,
            forward,
        }
    }

    /// Article `doc`'s word ids in reading order (positions as in the module docs):
    /// the title's, [`BREAK`], the body's.
    pub fn words_of(&self, doc: usize) -> &[u32] {
        &self.forward[doc]
    }

    /// Number of articles.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    /// Facts about article `doc`.
    pub fn doc(&self, doc: usize) -> &DocInfo {
        &self.docs[doc]
    }

    /// Every year, source and tag of the corpus.
    pub fn facet_values(&self) -> &FacetValues {
        &self.facet_values
    }

    /// Mean words per article.
    pub fn avg_len(&self) -> f32 {
        self.avg_len
    }

    /// Number of distinct words.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The id of a normalised word.
    pub fn term_id(&self, word: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// The normalised word with this id.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// Where a term stands.
    pub fn postings(&self, id: u32) -> &[Posting] {
        &self.postings[id as usize]
    }

    /// Ids of every word starting with `prefix`.
    pub fn prefix_ids(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start as u32..(start + len) as u32
    }

    /// Ids of every word with the same stem as `word` (none if no such stem is indexed).
    pub fn same_stem_ids(&self, word: &str) -> &[u32] {
        match self.stem_ids.get(&stem(word)) {
            Some(&s) => &self.stem_terms[s as usize],
            None => &[],
        }
    }

    /// The stem id of a term (for grouping word forms).
    pub fn stem_of(&self, id: u32) -> u32 {
        self.term_stem[id as usize]
    }
}
