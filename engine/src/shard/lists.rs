//! **Word lists by facet value**: per year, source, section, tag and
//! language of a sharded corpus (and for the whole corpus), every word its
//! articles have, with its occurrences and how many of them have it. So
//! the Words view of a selection that is all the articles of some values
//! of one facet (`source:"Abraham Lincoln"`, `year:1990..1999`, no search
//! at all) counts every article exactly without fetching a posting or a
//! text: the selection's lists summed ([`crate::stats::words::list_counts`]), and the rest of the corpus as the
//! whole corpus' list less the selection's.
//!
//! What they are made of, written by [`crate::shard::write`]:
//! - the **vocabulary** in chunks by term range (their first terms in the
//!   manifest, [`super::Manifest::vocabulary`]; deflated): every word of
//!   the corpus (no word pair) in order, with its language as the whole
//!   index gives it, so that a page makes the index of word ids, stop
//!   words and word forms the lists are counted in ([`crate::index::partial::Facts::vocabulary`]);
//! - a **list** per value ([`WordList`], deflated), found through the
//!   manifest's [`ListTable`]: per word of the value's articles (by its
//!   place in the vocabulary), its occurrences and articles; and per word
//!   form group (a stem with two forms or more in the corpus, named by its
//!   first form) the articles that have any of its forms, which the
//!   words' own counts cannot give.

use super::{Bytes, Piece, ShardError};
use crate::index::docset::DocSet;
use crate::index::Index;

/// The articles a word list counts: the whole corpus', or one facet
/// value's (by its place in the corpus' values,
/// [`crate::index::Index::facet_values`] and
/// [`crate::index::Index::languages`], as the metadata gives them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListOf {
    /// Every article.
    All,
    /// A year (its place in the years, ascending).
    Year(u32),
    /// A source.
    Source(u32),
    /// A section.
    Section(u32),
    /// A tag.
    Tag(u32),
    /// A language (lists are written for languages only when a corpus has
    /// two or more).
    Language(u32),
}

/// A facet whose values split an article's counts (the year is in the
/// months already): an article has one source, section and language,
/// and any number of tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueKind {
    /// The source.
    Source = 0,
    /// The section.
    Section = 1,
    /// A tag.
    Tag = 2,
    /// The language (split only in a corpus of two or more).
    Language = 3,
}

impl ValueKind {
    /// The kind written as `byte`.
    pub fn from_byte(byte: u8) -> Option<ValueKind> {
        [
            ValueKind::Source,
            ValueKind::Section,
            ValueKind::Tag,
            ValueKind::Language,
        ]
        .get(byte as usize)
        .copied()
    }

    /// Every article's value of this kind in `facts` (an index of the
    /// corpus: its articles' facts), by place: one per article (none, or
    /// for a tag the tags, [`ValueKind::each`]).
    pub fn each(self, facts: &crate::index::Index, doc: usize, mut f: impl FnMut(u32)) {
        let info = facts.doc(doc);
        match self {
            ValueKind::Source => info.source_id.into_iter().for_each(f),
            ValueKind::Section => info.section_id.into_iter().for_each(f),
            ValueKind::Tag => info.tag_ids().iter().for_each(|&t| f(t)),
            ValueKind::Language => {
                if facts.languages().len() >= 2 {
                    f(facts.doc_language(doc) as u32)
                }
            }
        }
    }
}

/// Where each word list is: the manifest's table of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListTable {
    /// The whole corpus'.
    pub all: Option<Piece>,
    /// Per year (by place), its list's piece.
    pub years: Vec<Piece>,
    /// Per source.
    pub sources: Vec<Piece>,
    /// Per section.
    pub sections: Vec<Piece>,
    /// Per tag.
    pub tags: Vec<Piece>,
    /// Per language (none when the corpus has one).
    pub languages: Vec<Piece>,
}

impl ListTable {
    /// The piece of `list`, if there is one.
    pub fn piece(&self, list: ListOf) -> Option<Piece> {
        match list {
            ListOf::All => self.all,
            ListOf::Year(v) => self.years.get(v as usize).copied(),
            ListOf::Source(v) => self.sources.get(v as usize).copied(),
            ListOf::Section(v) => self.sections.get(v as usize).copied(),
            ListOf::Tag(v) => self.tags.get(v as usize).copied(),
            ListOf::Language(v) => self.languages.get(v as usize).copied(),
        }
    }

    pub(super) fn decode(r: &mut Bytes<'_>, files: usize) -> Result<ListTable, ShardError> {
        let all = match r.varint()? {
            0 => None,
            1 => Some(r.piece(files)?),
            _ => return Err(r.error("a word-list table that is not one")),
        };
        let mut kinds: [Vec<Piece>; 5] = Default::default();
        for k in &mut kinds {
            let n = r.count(3)?;
            for _ in 0..n {
                k.push(r.piece(files)?);
            }
        }
        let [years, sources, sections, tags, languages] = kinds;
        Ok(ListTable {
            all,
            years,
            sources,
            sections,
            tags,
            languages,
        })
    }

    #[cfg(feature = "shard-write")]
    pub(super) fn encode(&self, out: &mut Vec<u8>) {
        match self.all {
            None => super::put_varint(out, 0),
            Some(p) => {
                super::put_varint(out, 1);
                super::put_piece(out, p);
            }
        }
        for k in [
            &self.years,
            &self.sources,
            &self.sections,
            &self.tags,
            &self.languages,
        ] {
            super::put_varint(out, k.len() as u64);
            for &p in k {
                super::put_piece(out, p);
            }
        }
    }

    /// The lists that together count exactly the articles of `docs` in the
    /// corpus whose facts `facts` holds (an index of it: its articles'
    /// years, sources, sections, tags and languages), the fewest bytes
    /// first: `[All]` for every article; else the values of one facet
    /// (year, source, section or language: an article has one) whose
    /// articles are all in `docs` and are all of `docs`, or one tag whose
    /// articles are exactly `docs`. `None` when no lists do (a search, a
    /// date range inside a year, two facets at once), or for no article.
    pub fn covering(&self, facts: &Index, docs: &DocSet) -> Option<Vec<ListOf>> {
        let n = facts.doc_count();
        let picked = docs.len();
        if picked == 0 {
            return None;
        }
        if picked == n {
            return self.all.map(|_| vec![ListOf::All]);
        }
        let fv = facts.facet_values();
        let year_place = |y: u16| fv.years.binary_search(&y).ok().map(|p| p as u32);
        // Per facet of one value an article: each article's value (or none).
        type ValueOf<'a> = Box<dyn Fn(usize) -> Option<u32> + 'a>;
        type Kind<'a> = (ValueOf<'a>, &'a Vec<Piece>, fn(u32) -> ListOf);
        let kinds: [Kind<'_>; 4] = [
            (
                Box::new(|d| year_place(facts.doc(d).year)),
                &self.years,
                ListOf::Year,
            ),
            (
                Box::new(|d| facts.doc(d).source_id),
                &self.sources,
                ListOf::Source,
            ),
            (
                Box::new(|d| facts.doc(d).section_id),
                &self.sections,
                ListOf::Section,
            ),
            (
                Box::new(|d| Some(facts.doc_language(d) as u32)),
                &self.languages,
                ListOf::Language,
            ),
        ];
        let mut best: Option<(u64, Vec<ListOf>)> = None;
        for (value_of, pieces, list) in kinds {
            if pieces.is_empty() {
                continue;
            }
            // Articles per value: in all, and in `docs`.
            let (mut all, mut chosen) = (vec![0u32; pieces.len()], vec![0u32; pieces.len()]);
            let mut whole = true;
            for d in 0..n {
                let v = value_of(d).filter(|&v| (v as usize) < pieces.len());
                let inside = docs.contains(d);
                match v {
                    Some(v) => {
                        all[v as usize] += 1;
                        chosen[v as usize] += u32::from(inside);
                    }
                    // An article in `docs` with no value: no list has it.
                    None if inside => whole = false,
                    None => {}
                }
            }
            let values: Vec<u32> = (0..pieces.len() as u32)
                .filter(|&v| chosen[v as usize] > 0)
                .collect();
            if !whole
                || values
                    .iter()
                    .any(|&v| chosen[v as usize] != all[v as usize])
            {
                continue;
            }
            let bytes: u64 = values.iter().map(|&v| pieces[v as usize].len).sum();
            if best.as_ref().is_none_or(|(b, _)| bytes < *b) {
                best = Some((bytes, values.into_iter().map(list).collect()));
            }
        }
        // A tag: its articles exactly (an article has several tags, so two
        // tags' lists would count an article twice).
        let first = docs.iter().next()?;
        for &t in facts.doc(first).tag_ids() {
            let Some(piece) = self.tags.get(t as usize) else {
                continue;
            };
            let with = (0..n).filter(|&d| facts.doc(d).tag_ids().contains(&t));
            let mut count = 0;
            let mut exact = true;
            for d in with {
                count += 1;
                exact &= docs.contains(d);
            }
            if exact && count == picked && best.as_ref().is_none_or(|(b, _)| piece.len < *b) {
                best = Some((piece.len, vec![ListOf::Tag(t)]));
            }
        }
        best.map(|(_, lists)| lists)
    }
}

/// One value's word list (inflated and read).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordList {
    /// Per word its articles have (by place in the vocabulary, ascending):
    /// its occurrences and articles.
    pub words: Vec<(u32, u64, u32)>,
    /// Per word form group with two forms or more in the corpus (by its
    /// first form's place), the articles with any of its forms, where
    /// the value's articles have one.
    pub groups: Vec<(u32, u32)>,
}

impl WordList {
    /// Reads a list of a corpus of `vocabulary` words.
    pub fn decode(bytes: &[u8], vocabulary: usize) -> Result<WordList, ShardError> {
        let mut r = Bytes::new(bytes, "a word list");
        let ids = |r: &mut Bytes<'_>, last: &mut Option<u32>| -> Result<u32, ShardError> {
            let gap = r.varint()?;
            let id = match *last {
                None => Some(gap),
                Some(l) => u64::from(l).checked_add(gap).and_then(|i| i.checked_add(1)),
            }
            .filter(|&i| i < vocabulary as u64)
            .ok_or_else(|| r.error("a word past the vocabulary"))?;
            *last = Some(id as u32);
            Ok(id as u32)
        };
        let n = r.count(3)?;
        let mut words = Vec::with_capacity(n);
        let mut last = None;
        for _ in 0..n {
            let id = ids(&mut r, &mut last)?;
            let count = r.varint()?;
            let docs = r.u32_varint()?;
            if docs == 0 || u64::from(docs) > count {
                return Err(r.error("more articles with a word than its occurrences"));
            }
            words.push((id, count, docs));
        }
        let n = r.count(2)?;
        let mut groups = Vec::with_capacity(n);
        let mut last = None;
        for _ in 0..n {
            let id = ids(&mut r, &mut last)?;
            let docs = r.u32_varint()?;
            if docs == 0 {
                return Err(r.error("a word form group in no article"));
            }
            groups.push((id, docs));
        }
        r.end()?;
        Ok(WordList { words, groups })
    }

    /// The bytes [`WordList::decode`] reads.
    #[cfg(feature = "shard-write")]
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let gaps = |out: &mut Vec<u8>, last: &mut Option<u32>, id: u32| {
            super::put_varint(out, u64::from(last.map_or(id, |l| id - l - 1)));
            *last = Some(id);
        };
        super::put_varint(&mut out, self.words.len() as u64);
        let mut last = None;
        for &(id, count, docs) in &self.words {
            gaps(&mut out, &mut last, id);
            super::put_varint(&mut out, count);
            super::put_varint(&mut out, u64::from(docs));
        }
        super::put_varint(&mut out, self.groups.len() as u64);
        let mut last = None;
        for &(id, docs) in &self.groups {
            gaps(&mut out, &mut last, id);
            super::put_varint(&mut out, u64::from(docs));
        }
        out
    }

    /// About the bytes it takes.
    pub fn bytes(&self) -> usize {
        16 * self.words.len() + 8 * self.groups.len() + 48
    }
}

/// A chunk of the vocabulary: words in order, each with its language (by
/// place in the corpus' languages).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VocabularyChunk {
    /// The words and their languages.
    pub words: Vec<(String, u16)>,
}

impl VocabularyChunk {
    /// Reads a chunk (inflated).
    pub fn decode(bytes: &[u8]) -> Result<VocabularyChunk, ShardError> {
        let mut r = Bytes::new(bytes, "a vocabulary chunk");
        let n = r.count(3)?;
        let mut words: Vec<(String, u16)> = Vec::with_capacity(n);
        for _ in 0..n {
            let w = r.front_coded(words.last().map(|(w, _)| w.as_str()))?;
            let lang =
                u16::try_from(r.varint()?).map_err(|_| r.error("a language past the corpus'"))?;
            words.push((w, lang));
        }
        r.end()?;
        Ok(VocabularyChunk { words })
    }

    #[cfg(feature = "shard-write")]
    pub(crate) fn encode(words: &[(String, u16)]) -> Vec<u8> {
        let mut out = Vec::new();
        super::put_varint(&mut out, words.len() as u64);
        let mut prev = "";
        for (w, lang) in words {
            super::put_front_coded(&mut out, prev, w);
            super::put_varint(&mut out, u64::from(*lang));
            prev = w;
        }
        out
    }
}
