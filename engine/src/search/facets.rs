//! Facets: for each year, source, section, tag and language, how many
//! articles picking it would give, and the query text after picking or
//! un-picking it.

use crate::corpus::fold_value;
use crate::corpus::period::Period;
use crate::index::docset::DocSet;
use crate::index::Index;
use crate::search::query::{ParsedQuery, Query};
use crate::search::SearchOptions;
use crate::text::language::language_key;

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
    /// Sections, most frequent in the corpus first.
    pub sections: Vec<FacetValue>,
    /// Tags, most frequent in the corpus first.
    pub tags: Vec<FacetValue>,
    /// Languages (keys: "de"), most frequent in the corpus first.
    pub languages: Vec<FacetValue>,
}

impl Index {
    /// Counts, for each year, source, section and tag of the corpus, the articles of `docs` that have it.
    pub fn facets(&self, docs: &DocSet) -> Facets {
        let fv = self.facet_values();
        let mut years = vec![0usize; fv.years.len()];
        let mut sources = vec![0usize; fv.sources.len()];
        let mut sections = vec![0usize; fv.sections.len()];
        let mut tags = vec![0usize; fv.tags.len()];
        let mut languages = vec![0usize; self.languages().len()];
        for d in docs.iter() {
            languages[self.doc_language(d)] += 1;
            let info = self.doc(d);
            if let Ok(y) = fv.years.binary_search(&info.year) {
                years[y] += 1;
            }
            if let Some(s) = info.source_id {
                sources[s as usize] += 1;
            }
            if let Some(s) = info.section_id {
                sections[s as usize] += 1;
            }
            for &t in info.tag_ids() {
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
            sections: list(&fv.sections, sections),
            tags: list(&fv.tags, tags),
            languages: list(self.languages(), languages),
        }
    }
}

/// The facets a reader can pick from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacetKind {
    /// The year: an article has one, so two years picked mean either
    /// (`(year:2013 OR year:2015..2016)`, consecutive years as a range).
    Year,
    /// The source: an article has one, so two sources picked mean either.
    Source,
    /// The section: an article has one, so two sections picked mean either.
    Section,
    /// A tag: an article has several, so two tags picked mean both
    /// (`tag:social tag:ai`); picking one again removes it.
    Tag,
    /// The language: an article has one, so two languages picked mean either.
    Language,
}

impl FacetKind {
    /// Whether a top-level clause is this facet's: one of its clauses, or
    /// (years and sources) an OR of them.
    fn owns(self, q: &Query) -> bool {
        match q {
            Query::Or(qs) if self != FacetKind::Tag => {
                !qs.is_empty() && qs.iter().all(|q| self.owns_one(q))
            }
            q => self.owns_one(q),
        }
    }

    fn owns_one(self, q: &Query) -> bool {
        matches!(
            (self, q),
            (FacetKind::Year, Query::Year { .. })
                | (FacetKind::Source, Query::Source(_))
                | (FacetKind::Section, Query::Section(_))
                | (FacetKind::Tag, Query::Tag(_))
                | (FacetKind::Language, Query::Language(_))
        )
    }

    /// Whether a clause it owns lets an article with `value` through.
    fn admits(self, q: &Query, value: &str) -> bool {
        match (self, q) {
            (_, Query::Or(qs)) => qs.iter().any(|q| self.admits(q, value)),
            (FacetKind::Year, Query::Year { from, to }) => value
                .parse::<u16>()
                .is_ok_and(|y| from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t)),
            (FacetKind::Source, Query::Source(s))
            | (FacetKind::Section, Query::Section(s))
            | (FacetKind::Tag, Query::Tag(s)) => fold_value(s) == fold_value(value),
            (FacetKind::Language, Query::Language(l)) => language_key(l) == language_key(value),
            _ => false,
        }
    }

    fn clause(self, value: &str) -> Query {
        match self {
            FacetKind::Year => {
                let y = value.parse().ok();
                Query::Year { from: y, to: y }
            }
            FacetKind::Source => Query::Source(value.to_string()),
            FacetKind::Section => Query::Section(value.to_string()),
            FacetKind::Tag => Query::Tag(value.to_string()),
            FacetKind::Language => Query::Language(value.to_string()),
        }
    }

    /// The one clause that picks `picked` (indexes into `values`, the
    /// facet's values in display order, ascending): years in runs of
    /// neighbours in `values` as ranges, the pieces joined by OR.
    fn clause_of(self, picked: &[usize], values: &[String]) -> String {
        let mut pieces: Vec<String> = Vec::new();
        let mut i = 0;
        while i < picked.len() {
            let mut j = i;
            if self == FacetKind::Year {
                while j + 1 < picked.len() && picked[j + 1] == picked[j] + 1 {
                    j += 1;
                }
            }
            let (a, b) = (&values[picked[i]], &values[picked[j]]);
            pieces.push(if j > i {
                format!("year:{a}..{b}")
            } else {
                self.clause(a).to_string()
            });
            i = j + 1;
        }
        match pieces.len() {
            1 => pieces.remove(0),
            _ => format!("({})", pieces.join(" OR ")),
        }
    }
}

/// Whether `value` of facet `kind` is picked. A tag: the query has it as
/// a top-level clause. A year, a source or a section: the query has clauses of its
/// kind at the top level (`year:2015`, `year:2013..2016`, an OR of them),
/// and every one lets `value` through, so a typed range ticks its years.
pub fn facet_selected(parsed: &ParsedQuery, kind: FacetKind, value: &str) -> bool {
    let mut owned = parsed
        .clauses
        .iter()
        .filter(|(_, q)| kind.owns(q))
        .peekable();
    match kind {
        FacetKind::Tag => owned.any(|(_, q)| kind.admits(q, value)),
        _ => owned.peek().is_some() && owned.all(|(_, q)| kind.admits(q, value)),
    }
}

/// The query text after picking (or un-picking) `value` of facet `kind`,
/// whose values (in display order) are `values`: the same text a reader
/// would type, so the box shows what the facet did. A tag clause is added
/// or removed; the clauses of a year or a source are replaced by the one
/// clause that picks what was picked, with `value` added or removed.
pub fn toggle_facet(
    text: &str,
    parsed: &ParsedQuery,
    kind: FacetKind,
    value: &str,
    values: &[String],
) -> String {
    let (text, reparsed) = same_source(text, parsed);
    let (text, parsed) = (text.as_ref(), reparsed.as_ref().unwrap_or(parsed));
    let was = facet_selected(parsed, kind, value);
    let mut out = without_clauses(text, parsed, |q| {
        if kind == FacetKind::Tag {
            kind.owns(q) && kind.admits(q, value)
        } else {
            kind.owns(q)
        }
    });
    let add = match kind {
        FacetKind::Tag => (!was).then(|| kind.clause(value).to_string()),
        _ => {
            let same = |v: &String| fold_value(v) == fold_value(value);
            let mut picked: Vec<usize> = (0..values.len())
                .filter(|&i| facet_selected(parsed, kind, &values[i]) && !(was && same(&values[i])))
                .collect();
            if !was {
                match values.iter().position(same) {
                    Some(i) => picked.push(i),
                    // A value the list lacks: picked alone, as before.
                    None => return join(out, &kind.clause(value).to_string()),
                }
            }
            picked.sort_unstable();
            picked.dedup();
            (!picked.is_empty()).then(|| kind.clause_of(&picked, values))
        }
    };
    if let Some(c) = add {
        out = join(out, &c);
    }
    out
}

/// The query text narrowed to `value` of facet `kind` alone (the clauses of
/// that kind replaced by its one clause), or, when the query already picks
/// exactly that value and no other of `values`, without it: the Words
/// view's "Articles per year" bar, which narrows rather than adds.
pub fn narrow_to(
    text: &str,
    parsed: &ParsedQuery,
    kind: FacetKind,
    value: &str,
    values: &[String],
) -> String {
    let picked: Vec<&String> = values
        .iter()
        .filter(|v| facet_selected(parsed, kind, v))
        .collect();
    let only = picked.len() == 1 && fold_value(picked[0]) == fold_value(value);
    // With no values to keep, un-picking one drops every clause of the kind.
    let none: Vec<String> = Vec::new();
    let cleared = match picked.first() {
        Some(v) => toggle_facet(text, parsed, kind, v, &none),
        None => text.trim().to_string(),
    };
    if only {
        return cleared;
    }
    match crate::search::query::parse(&cleared) {
        // Not picked now, and not among the values to keep: picked alone.
        Ok(p) => toggle_facet(&cleared, &p, kind, value, &none),
        Err(_) => cleared,
    }
}

/// The query text narrowed to `period` (Trends' attention chart): its
/// top-level `year:` and `date:` clauses (and ORs of them) replaced by the
/// period's own clause ([`Period::clause`]), the rest kept as typed.
///
/// `parsed` may be the last query that parsed while `text` is one being
/// typed that does not: the clauses' spans are then `parsed`'s own text's,
/// so that text (its query written back) is the one edited.
pub fn narrow_to_period(text: &str, parsed: &ParsedQuery, period: Period) -> String {
    let (text, reparsed) = same_source(text, parsed);
    let parsed = reparsed.as_ref().unwrap_or(parsed);
    fn timely(q: &Query) -> bool {
        match q {
            Query::Year { .. } | Query::Date { .. } => true,
            Query::Or(qs) => !qs.is_empty() && qs.iter().all(timely),
            _ => false,
        }
    }
    join(without_clauses(&text, parsed, timely), &period.clause())
}

/// `text` without its top-level clauses that `drop` picks: the text
/// between them, each piece trimmed only where it was cut (whitespace
/// inside another clause's quotes is its value). `parsed` is `text`'s
/// ([`same_source`]).
fn without_clauses(text: &str, parsed: &ParsedQuery, drop: impl Fn(&Query) -> bool) -> String {
    let mut pieces = Vec::new();
    let mut at = 0;
    for (r, _) in parsed.clauses.iter().filter(|(_, q)| drop(q)) {
        pieces.push(text[at..r.start].trim());
        at = r.end;
    }
    pieces.push(text[at..].trim());
    pieces
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text whose byte spans `parsed`'s clauses are: `text` when it parses
/// to `parsed`'s query; else (a query being typed that does not parse,
/// `parsed` the last that did) `parsed`'s query written back, parsed again
/// (its spans are then that text's). Slicing `text` by another text's
/// spans would cut it wrong, or panic.
fn same_source<'t>(
    text: &'t str,
    parsed: &ParsedQuery,
) -> (std::borrow::Cow<'t, str>, Option<ParsedQuery>) {
    match crate::search::query::parse(text) {
        Ok(p) if p.query == parsed.query && p.clauses.len() == parsed.clauses.len() => {
            (std::borrow::Cow::Borrowed(text), Some(p))
        }
        _ => {
            let written = parsed.query.to_string();
            let again = crate::search::query::parse(&written).ok();
            (std::borrow::Cow::Owned(written), again)
        }
    }
}

fn join(mut text: String, clause: &str) -> String {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(clause);
    text
}

/// Facet counts for a parsed query (`matched`: the articles it matches): for
/// each value, how many articles of the query, its year (or source, or
/// section) clauses set aside, have that value: what that value alone would give. Tags are
/// counted with the whole query (picking one narrows it).
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
    let by_section = index.facets(&without(FacetKind::Section));
    let by_tag = index.facets(matched);
    let by_language = index.facets(&without(FacetKind::Language));
    Facets {
        years: by_year.years,
        sources: by_source.sources,
        sections: by_section.sections,
        tags: by_tag.tags,
        languages: by_language.languages,
    }
}
