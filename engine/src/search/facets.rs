//! Facets: for each year, source and tag, how many articles picking it would
//! give, and the query text after picking or un-picking it.

use std::ops::Range;

use crate::corpus::fold_value;
use crate::index::docset::DocSet;
use crate::index::Index;
use crate::search::query::{ParsedQuery, Query};
use crate::search::SearchOptions;

/// One value of a facet with the number of matching articles that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// As written in the corpus (first spelling met).
    pub value: String,
    /// Matching articles with this value.
    pub count: usize,
}

/// Facet counts for a set of matching articles; every value of the corpus is
/// listed, zeros included, always in the same order (see [`crate::index::FacetValues`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Years, ascending.
    pub years: Vec<FacetValue>,
    /// Sources, most frequent in the corpus first.
    pub sources: Vec<FacetValue>,
    /// Tags, most frequent in the corpus first.
    pub tags: Vec<FacetValue>,
}

impl Index {
    /// Counts, for each year, source and tag of the corpus, the articles of `docs` that have it.
    pub fn facets(&self, docs: &DocSet) -> Facets {
        let fv = self.facet_values();
        let mut years = vec![0usize; fv.years.len()];
        let mut sources = vec![0usize; fv.sources.len()];
        let mut tags = vec![0usize; fv.tags.len()];
        for d in docs.iter() {
            let info = self.doc(d);
            if let Ok(y) = fv.years.binary_search(&info.year) {
                years[y] += 1;
            }
            if let Some(s) = info.source_id {
                sources[s as usize] += 1;
            }
            for &t in &info.tag_ids {
                tags[t as usize] += 1;
            }
        }
        let list = |names: &[String], counts: Vec<usize>| {
            names
                .iter()
                .zip(counts)
                .map(|(n, count)| FacetValue {
                    value: n.clone(),
                    count,
                })
                .collect::<Vec<_>>()
        };
        Facets {
            years: fv
                .years
                .iter()
                .zip(years)
                .map(|(y, count)| FacetValue {
                    value: y.to_string(),
                    count,
                })
                .collect(),
            sources: list(&fv.sources, sources),
            tags: list(&fv.tags, tags),
        }
    }
}

/// The facets a reader can pick from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacetKind {
    /// The year: picking one replaces any year clause (an article has one year).
    Year,
    /// The source: picking one replaces any source clause.
    Source,
    /// A tag: picking one adds it (AND), picking it again removes it.
    Tag,
}

impl FacetKind {
    fn owns(self, q: &Query) -> bool {
        matches!(
            (self, q),
            (FacetKind::Year, Query::Year { .. })
                | (FacetKind::Source, Query::Source(_))
                | (FacetKind::Tag, Query::Tag(_))
        )
    }

    fn clause(self, value: &str) -> Query {
        match self {
            FacetKind::Year => {
                let y = value.parse().ok();
                Query::Year { from: y, to: y }
            }
            FacetKind::Source => Query::Source(value.to_string()),
            FacetKind::Tag => Query::Tag(value.to_string()),
        }
    }

    fn same(self, q: &Query, value: &str) -> bool {
        match (self, q) {
            (FacetKind::Year, Query::Year { from, to }) => {
                from == to && from.is_some_and(|y| y.to_string() == value)
            }
            (FacetKind::Source, Query::Source(s)) | (FacetKind::Tag, Query::Tag(s)) => {
                fold_value(s) == fold_value(value)
            }
            _ => false,
        }
    }
}

/// Whether `value` of facet `kind` is picked: the query has it as a top-level clause.
pub fn facet_selected(parsed: &ParsedQuery, kind: FacetKind, value: &str) -> bool {
    parsed.clauses.iter().any(|(_, q)| kind.same(q, value))
}

/// The query text after picking (or un-picking) `value` of facet `kind`: the
/// same text a reader would type, so the box shows what the facet did.
pub fn toggle_facet(text: &str, parsed: &ParsedQuery, kind: FacetKind, value: &str) -> String {
    let was = facet_selected(parsed, kind, value);
    let drop: Vec<Range<usize>> = parsed
        .clauses
        .iter()
        .filter(|(_, q)| {
            if kind == FacetKind::Tag {
                kind.same(q, value)
            } else {
                kind.owns(q)
            }
        })
        .map(|(r, _)| r.clone())
        .collect();
    // The text between the dropped clauses, each piece trimmed only where it
    // was cut (whitespace inside another clause's quotes is its value).
    let mut pieces = Vec::with_capacity(drop.len() + 1);
    let mut at = 0;
    for r in &drop {
        pieces.push(text[at..r.start].trim());
        at = r.end;
    }
    pieces.push(text[at..].trim());
    let mut out = pieces
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !was {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&kind.clause(value).to_string());
    }
    out
}

/// Facet counts for a parsed query (`matched`: the articles it matches): for
/// each value, how many articles the query would match with that value picked. Years and sources are counted
/// without the query's own year or source clauses (picking one replaces them);
/// tags with the whole query (picking one narrows it).
pub fn facet_counts(
    index: &Index,
    parsed: &ParsedQuery,
    matched: &DocSet,
    opts: SearchOptions,
) -> Facets {
    // Only a query with a clause of the facet's kind is evaluated again without it.
    let without = |kind: FacetKind| {
        if !parsed.clauses.iter().any(|(_, q)| kind.owns(q)) {
            return matched.clone();
        }
        let rest: Vec<Query> = parsed
            .clauses
            .iter()
            .filter(|(_, q)| !kind.owns(q))
            .map(|(_, q)| q.clone())
            .collect();
        index.matches(&Query::And(rest), opts).docs
    };
    let by_year = index.facets(&without(FacetKind::Year));
    let by_source = index.facets(&without(FacetKind::Source));
    let by_tag = index.facets(matched);
    Facets {
        years: by_year.years,
        sources: by_source.sources,
        tags: by_tag.tags,
    }
}
