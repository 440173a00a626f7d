//! Keyword frequency per period: the numbers behind the Trends chart.
//!
//! A keyword is anything the query language accepts that has words to count
//! (`wechat`, `pay*`, `"mobile payment"`, `wechat OR weixin`). Its count for
//! a period (a year, quarter, month, ISO week or day: [`Grain`]) is the
//! number of its occurrences (whole normalised words, or consecutive words
//! for a phrase) in the title and body of that period's articles, among the
//! articles the current filter keeps. An article whose date is less
//! precise than the grain is in no period: it is counted as left out,
//! never placed ([`TrendTable::left_out`]).

use crate::corpus::date::ArticleDate;
use crate::corpus::period::{Grain, Period, Precision, AUTO_MAX_PERIODS};
use crate::corpus::{Article, Corpus};
use crate::index::docset::DocSet;
use crate::index::layout::{Edge, KwicLine, Layout};
use crate::index::Index;
use crate::out::csv::{Cell, Table};
use crate::search::query::{parse, Query, MAX_TERMS};
use crate::search::SearchOptions;
use crate::shard::lists::ValueKind;
use crate::stats::measures::per_10k;
use crate::stats::Provenance;

/// One series: a keyword as typed and what it looks for, perhaps among
/// the articles of its own filter (`wechat @ source:TMTpost`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyword {
    /// As typed (trimmed): the series' name.
    pub label: String,
    /// Parsed.
    pub query: Query,
    /// The line's own filter (after ` @ `): it counts only in the articles
    /// the filter finds, among those the search counts, and its rates
    /// divide by their words and articles.
    pub filter: Option<Query>,
}

/// `part` cut at its first `@` outside quotes after a space: the keyword,
/// and its line's filter (`@` inside a word, `a@b.org`, is the word's).
fn at_filter(part: &str) -> (&str, Option<&str>) {
    let (mut quoted, mut escaped) = (false, false);
    for (i, c) in part.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '@' if !quoted && part[..i].ends_with(char::is_whitespace) => {
                return (part[..i].trim(), Some(part[i + 1..].trim()))
            }
            _ => {}
        }
    }
    (part, None)
}

/// Why the keywords could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordError {
    /// For a person.
    pub message: String,
}

/// The most series one chart draws.
pub const MAX_KEYWORDS: usize = 20;

/// Splits on commas outside quotes (within quotes, `\"` and `\\` are a
/// quote and a backslash, as in the query language) and parses each
/// keyword.
pub fn parse_keywords(input: &str) -> Result<Vec<Keyword>, KeywordError> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut escaped = false;
    let mut start = 0;
    for (i, c) in input.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&input[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&input[start..]);
    let mut out: Vec<Keyword> = Vec::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        let (keyword, filter) = at_filter(part);
        let parsed = parse(keyword).map_err(|e| KeywordError {
            message: format!("“{part}”: {}", e.message),
        })?;
        let filter = match filter {
            None => None,
            Some(f) => {
                let q = parse(f).map_err(|e| KeywordError {
                    message: format!("“{part}”: after @, {}", e.message),
                })?;
                if q.query == Query::All {
                    return Err(KeywordError {
                        message: format!(
                            "“{part}”: @ needs a filter after it, as in wechat @ source:TMTpost."
                        ),
                    });
                }
                Some(q.query)
            }
        };
        if !has_words(&parsed.query) {
            return Err(KeywordError {
                message: format!("“{part}” has no word to count."),
            });
        }
        if out
            .iter()
            .any(|k| k.query == parsed.query && k.filter == filter)
        {
            continue;
        }
        out.push(Keyword {
            label: part.to_string(),
            query: parsed.query,
            filter,
        });
    }
    let terms: usize = out
        .iter()
        .map(|k| k.query.term_count() + k.filter.as_ref().map_or(0, Query::term_count))
        .sum();
    if terms > MAX_TERMS {
        return Err(KeywordError {
            message: format!(
                "These keywords hold {terms} terms: a chart counts at most {MAX_TERMS} in all."
            ),
        });
    }
    if out.len() > MAX_KEYWORDS {
        return Err(KeywordError {
            message: format!(
                "{} keywords: a chart draws at most {MAX_KEYWORDS}.",
                out.len()
            ),
        });
    }
    Ok(out)
}

fn has_words(q: &Query) -> bool {
    match q {
        Query::Text { .. } => true,
        Query::And(qs) | Query::Or(qs) => qs.iter().any(has_words),
        _ => false,
    }
}

/// What the chart and table show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Occurrences.
    #[default]
    Count,
    /// Occurrences per 10,000 words of that period's articles.
    Per10k,
    /// Percent of that period's articles containing the keyword.
    ShareOfArticles,
}

impl Measure {
    /// Its value in a URL or a file name ("per10k").
    pub const fn key(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Per10k => "per10k",
            Measure::ShareOfArticles => "share",
        }
    }

    /// Its name ("Per 10,000 words").
    pub const fn name(self) -> &'static str {
        match self {
            Measure::Count => "Count",
            Measure::Per10k => "Per 10,000 words",
            Measure::ShareOfArticles => "Share of articles",
        }
    }
}

/// One period of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodRow {
    /// The period.
    pub period: Period,
    /// Articles counted in it (after the search).
    pub articles: usize,
    /// Their words.
    pub words: usize,
    /// Occurrences of each keyword.
    pub counts: Vec<usize>,
    /// Articles containing each keyword.
    pub containing: Vec<usize>,
    /// Each line's articles in it: the search's, within the line's own
    /// filter when it has one (what its share divides by).
    pub line_articles: Vec<usize>,
    /// Their words (what its rate per 10,000 divides by).
    pub line_words: Vec<usize>,
}

/// Keyword frequencies for every period of a grain from the corpus' first
/// to its last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendTable {
    /// The grain of its periods.
    pub grain: Grain,
    /// The series' names.
    pub keywords: Vec<String>,
    /// One row per period, ascending; a period without articles has
    /// `articles == 0`. Empty when `too_many` is set.
    pub rows: Vec<PeriodRow>,
    /// Articles of the filter whose date is less precise than the grain
    /// (a year-only date at month grain): in no row.
    pub left_out: usize,
    /// The coarsest precision among them: the grain that holds them all is
    /// [`Grain::finest_for`] it.
    pub left_out_precision: Option<Precision>,
    /// Set (to how many periods it would take) when even the filter's span
    /// takes more than [`MAX_PERIODS`] periods of the grain.
    pub too_many: Option<i64>,
}

/// The most periods a table holds: ten years of days. A longer span at a
/// finer grain is refused with [`TrendTable::too_many`].
pub const MAX_PERIODS: i64 = 3_660;

/// The first and last period (numbers) of `grain` the articles `docs` fall
/// in, if any does.
fn span(corpus: &Corpus, docs: impl Iterator<Item = usize>, grain: Grain) -> Option<(i64, i64)> {
    let articles = corpus.articles();
    docs.filter_map(|d| grain.period(articles[d].date))
        .fold(None, |acc, p| match acc {
            None => Some((p.n, p.n)),
            Some((lo, hi)) => Some((p.n.min(lo), p.n.max(hi))),
        })
}

/// Auto's grain for the articles of `filter` ([`Grain::auto`]): the finest
/// that leaves none of them out and draws at most
/// [`AUTO_MAX_PERIODS`](crate::corpus::period::AUTO_MAX_PERIODS) periods,
/// and no more than the selection has articles, over the span a table
/// runs over: the corpus' first date to its last (the axis stays put as
/// the search changes). Year when there are none.
pub fn auto_grain(corpus: &Corpus, filter: &DocSet) -> Grain {
    let articles = corpus.articles();
    let Some(coarsest) = filter.iter().map(|d| articles[d].date.precision()).min() else {
        return Grain::Year;
    };
    // A corpus is in date order: its first and last articles span it.
    match (
        articles.first().map(|a| a.date),
        articles.last().map(|a| a.date),
    ) {
        (Some(lo), Some(hi)) => Grain::auto(lo, hi, coarsest, filter.len()),
        _ => Grain::Year,
    }
}

/// The periods (their numbers) a table of `grain` runs over for the
/// articles of `filter`: the corpus' first to its last at that grain, or,
/// where that takes more than [`MAX_PERIODS`], the filter's; `Err` with
/// how many it would take when even that is too many, `Err(None)` when no
/// article falls in a period of the grain.
fn periods_for(
    corpus: &Corpus,
    filter: &DocSet,
    grain: Grain,
) -> Result<std::ops::RangeInclusive<i64>, Option<i64>> {
    let fits = |(lo, hi): &(i64, i64)| hi - lo < MAX_PERIODS;
    // A corpus is in date order, and a later date is in a later period:
    // its span is its first and its last article that fall in one.
    let articles = corpus.articles();
    let first = articles.iter().find_map(|a| grain.period(a.date));
    let last = articles.iter().rev().find_map(|a| grain.period(a.date));
    match first
        .zip(last)
        .map(|(a, b)| (a.n, b.n))
        .filter(fits)
        .or_else(|| span(corpus, filter.iter(), grain))
    {
        Some((lo, hi)) if !fits(&(lo, hi)) => Err(Some(hi - lo + 1)),
        Some((lo, hi)) => Ok(lo..=hi),
        None => Err(None),
    }
}

/// Attention over time: per period, how many articles match the search,
/// and how many the corpus has (Media Cloud's two measures: the count, and
/// the share of all articles of the period).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attention {
    /// The grain of its periods.
    pub grain: Grain,
    /// One row per period, ascending (the same periods as the trend table's).
    pub rows: Vec<AttentionRow>,
    /// Matching articles dated less precisely than the grain: in no row.
    pub left_out: usize,
    /// Set (to how many periods it would take) when the span is too long
    /// for the grain ([`MAX_PERIODS`]).
    pub too_many: Option<i64>,
}

/// One period of [`Attention`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttentionRow {
    /// The period.
    pub period: Period,
    /// Articles matching the search in it.
    pub matching: usize,
    /// Articles of the corpus in it (whatever the search).
    pub all: usize,
}

impl AttentionRow {
    /// Its matching articles as a percentage of all its articles (`None`
    /// for a period without articles: no data, not zero).
    pub fn share(&self) -> Option<f64> {
        (self.all > 0).then(|| self.matching as f64 / self.all as f64 * 100.0)
    }
}

/// Attention over time for the articles `matching` a search, per period
/// of `grain` (over the same periods as [`trend_table`]'s).
pub fn attention(corpus: &Corpus, matching: &DocSet, grain: Grain) -> Attention {
    let articles = corpus.articles();
    let mut out = Attention {
        grain,
        rows: Vec::new(),
        left_out: matching
            .iter()
            .filter(|&d| grain.period(articles[d].date).is_none())
            .count(),
        too_many: None,
    };
    let periods = match periods_for(corpus, matching, grain) {
        Ok(periods) => periods,
        Err(too_many) => {
            out.too_many = too_many;
            return out;
        }
    };
    let lo = *periods.start();
    out.rows = periods
        .map(|n| AttentionRow {
            period: Period { grain, n },
            matching: 0,
            all: 0,
        })
        .collect();
    for (d, a) in articles.iter().enumerate() {
        let Some(p) = grain.period(a.date) else {
            continue;
        };
        let Some(row) = out.rows.get_mut((p.n - lo) as usize) else {
            continue;
        };
        row.all += 1;
        row.matching += usize::from(matching.contains(d));
    }
    out
}

/// What a keyword's line is split by: one line per source, or per tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// A line per source.
    Source,
    /// A line per tag (an article with two tags counts in both lines).
    Tag,
}

/// The most values a keyword is split into; the rest are one "Other" line.
pub const MAX_SPLIT: usize = 8;

/// The lines of `keywords` split by `split`: for each keyword, one line
/// per value (source or tag) among the articles it counts in (the search's,
/// within its own filter), the values with the most matches of the keyword
/// first (ties in the facets' order), at most [`MAX_SPLIT`] of them (fewer
/// with many keywords, so that the chart keeps about [`MAX_KEYWORDS`]
/// lines), and one "Other" line for its articles with none of those values
/// (no source or tag included), when it has any. Each line is named
/// `keyword · value` and counts only in its value's articles.
pub fn split_lines(
    index: &Index,
    keywords: &[Keyword],
    filter: &DocSet,
    opts: SearchOptions,
    split: Split,
) -> Vec<Keyword> {
    let values = match split {
        Split::Source => index.facet_values().sources.len(),
        Split::Tag => index.facet_values().tags.len(),
    };
    // Each keyword's matches per value, from its postings.
    let matches = |_: usize, k: &Keyword, docs: &DocSet| {
        let m = index.matches(&k.query, opts);
        let mut counts = vec![0usize; values];
        for d in m.docs.iter().filter(|&d| docs.contains(d)) {
            let n = index.match_count(&m, d);
            let info = index.doc(d);
            match split {
                Split::Source => {
                    if let Some(s) = info.source_id {
                        counts[s as usize] += n;
                    }
                }
                Split::Tag => info.tag_ids().iter().for_each(|&t| counts[t as usize] += n),
            }
        }
        counts
    };
    split_with(index, keywords, filter, opts, split, &matches)
        .into_iter()
        .map(|(_, _, k)| k)
        .collect()
}

/// What a line of a split chart counts ([`split_with`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SplitLine {
    /// The keyword in all its articles (none has a value).
    Whole,
    /// The keyword in a value's articles (by place).
    Value(usize),
    /// The keyword in the articles with none of its lines' values.
    Other,
}

/// [`split_lines`]' lines, each with its keyword (by place) and what it
/// counts, the values ranked by `matches` (a keyword's matches per value
/// in its articles, given the keyword's place, itself and them).
fn split_with(
    index: &Index,
    keywords: &[Keyword],
    filter: &DocSet,
    opts: SearchOptions,
    split: Split,
    matches: &dyn Fn(usize, &Keyword, &DocSet) -> Vec<usize>,
) -> Vec<(usize, SplitLine, Keyword)> {
    let fv = index.facet_values();
    let values: &[String] = match split {
        Split::Source => &fv.sources,
        Split::Tag => &fv.tags,
    };
    let per_keyword = (MAX_KEYWORDS / keywords.len().max(1))
        .saturating_sub(1)
        .clamp(1, MAX_SPLIT);
    let clause = |v: usize| match split {
        Split::Source => Query::Source(values[v].clone()),
        Split::Tag => Query::Tag(values[v].clone()),
    };
    let within = |own: &Option<Query>, q: Query| match own {
        None => q,
        Some(f) => Query::And(vec![f.clone(), q]),
    };
    let mut out = Vec::new();
    for (i, k) in keywords.iter().enumerate() {
        let docs = match &k.filter {
            None => filter.clone(),
            Some(f) => index.matches(f, opts).docs.and(filter),
        };
        let counts = matches(i, k, &docs);
        let mut order: Vec<usize> = (0..values.len()).filter(|&v| counts[v] > 0).collect();
        order.sort_by_key(|&v| (std::cmp::Reverse(counts[v]), v));
        order.truncate(per_keyword);
        if order.is_empty() {
            out.push((i, SplitLine::Whole, k.clone()));
            continue;
        }
        for &v in &order {
            out.push((
                i,
                SplitLine::Value(v),
                Keyword {
                    label: format!("{} · {}", k.label, values[v]),
                    query: k.query.clone(),
                    filter: Some(within(&k.filter, clause(v))),
                },
            ));
        }
        let has_top = |d: usize| {
            let info = index.doc(d);
            match split {
                Split::Source => info
                    .source_id
                    .is_some_and(|s| order.contains(&(s as usize))),
                Split::Tag => info
                    .tag_ids()
                    .iter()
                    .any(|&t| order.contains(&(t as usize))),
            }
        };
        if docs.iter().any(|d| !has_top(d)) {
            let others = Query::Not(Box::new(Query::Or(
                order.iter().map(|&v| clause(v)).collect(),
            )));
            out.push((
                i,
                SplitLine::Other,
                Keyword {
                    label: format!("{} · Other", k.label),
                    query: k.query.clone(),
                    filter: Some(within(&k.filter, others)),
                },
            ));
        }
    }
    out
}

/// Whether [`split_by_month`] draws `split`'s lines over `filter` (in
/// `index`, an index of the corpus: its articles' facts) from month
/// counts whose cells are `cells`: over whole months (cells of months
/// alone), by source, or by tag when no article of `filter` has two tags
/// (an article with several counts in each of its tags' lines, and the
/// "Other" line, the articles with none of the lines' tags, is then not
/// the keyword's counts less its tags').
pub fn splits_by_month(index: &Index, filter: &DocSet, split: Split, cells: &MonthCells) -> bool {
    cells.kind.is_none()
        && match split {
            Split::Source => true,
            Split::Tag => filter.iter().all(|d| index.doc(d).tag_ids().len() < 2),
        }
}

/// [`split_lines`] from the keywords' month counts (`months`, one per
/// keyword, for the terms [`month_terms`] names) in the cells `cells`
/// ([`month_cells`] of `filter`), where [`splits_by_month`] says it can:
/// the lines, and each one's month counts, for [`trend_table_by_month`] to
/// draw the same table as [`trend_table`] of [`split_lines`]; else `None`.
pub fn split_by_month(
    index: &Index,
    keywords: &[Keyword],
    filter: &DocSet,
    split: Split,
    months: &[crate::shard::MonthCounts],
    cells: &MonthCells,
) -> Option<(Vec<Keyword>, Vec<crate::shard::MonthCounts>)> {
    if !splits_by_month(index, filter, split, cells) || months.len() < keywords.len() {
        return None;
    }
    let (kind, values) = match split {
        Split::Source => (ValueKind::Source, index.facet_values().sources.len()),
        Split::Tag => (ValueKind::Tag, index.facet_values().tags.len()),
    };
    let of = |k: usize, v: usize| {
        months[k]
            .values
            .iter()
            .find(|(kd, value, _)| *kd == kind && *value as usize == v)
            .map(|(_, _, m)| m.as_slice())
            .unwrap_or_default()
    };
    let matches = |i: usize, _: &Keyword, _: &DocSet| {
        (0..values)
            .map(|v| {
                of(i, v)
                    .iter()
                    .filter(|(m, _, _)| cells.has(0, *m))
                    .map(|&(_, n, _)| n as usize)
                    .sum()
            })
            .collect()
    };
    let opts = SearchOptions::default();
    let lines = split_with(index, keywords, filter, opts, split, &matches);
    let counts = lines
        .iter()
        .map(|(i, line, _)| {
            let months = match *line {
                SplitLine::Whole => months[*i].months.clone(),
                SplitLine::Value(v) => of(*i, v).to_vec(),
                SplitLine::Other => {
                    // The keyword's months less its lines' values' (an
                    // article has one source, and here at most one tag).
                    let mut left: std::collections::BTreeMap<ArticleDate, (u64, u32)> = months[*i]
                        .months
                        .iter()
                        .map(|&(m, n, d)| (m, (n, d)))
                        .collect();
                    for (_, other, _) in lines.iter().filter(|(j, _, _)| j == i) {
                        if let SplitLine::Value(v) = *other {
                            for &(m, n, d) in of(*i, v) {
                                if let Some(e) = left.get_mut(&m) {
                                    *e = (e.0.saturating_sub(n), e.1.saturating_sub(d));
                                }
                            }
                        }
                    }
                    left.into_iter()
                        .filter(|(_, (_, d))| *d > 0)
                        .map(|(m, (n, d))| (m, n, d))
                        .collect()
                }
            };
            crate::shard::MonthCounts {
                months,
                values: Vec::new(),
            }
        })
        .collect();
    Some((lines.into_iter().map(|(_, _, k)| k).collect(), counts))
}

/// The matches of a search per period of `grain`, from the first period
/// with a match to the last (empty when that takes more than
/// [`MAX_PERIODS`]), and how many matching articles are dated less
/// precisely than the grain (in no period): Contexts' strip.
pub fn matches_per_period(
    corpus: &Corpus,
    index: &Index,
    m: &crate::search::Matches,
    grain: Grain,
) -> (Vec<(Period, usize)>, usize) {
    let mut per: std::collections::BTreeMap<i64, usize> = Default::default();
    let mut left_out = 0;
    for d in m.docs.iter() {
        match grain.period(corpus.articles()[d].date) {
            Some(p) => *per.entry(p.n).or_default() += index.match_count(m, d),
            None => left_out += 1,
        }
    }
    let rows = match (per.keys().next(), per.keys().next_back()) {
        (Some(&a), Some(&b)) if b - a < MAX_PERIODS => (a..=b)
            .map(|n| (Period { grain, n }, per.get(&n).copied().unwrap_or(0)))
            .collect(),
        _ => Vec::new(),
    };
    (rows, left_out)
}

/// Contexts' strip: the matches per period of `chosen` as
/// [`matches_per_period`] counts them, or, where those periods number more
/// than [`AUTO_MAX_PERIODS`], per period of the finest coarser grain whose
/// periods do not (730 days are no strip to take in at a glance, nor bars
/// anyone can point at): the grain drawn, its rows, the matching articles
/// dated less precisely than it.
pub fn strip(
    corpus: &Corpus,
    index: &Index,
    m: &crate::search::Matches,
    chosen: Grain,
) -> (Grain, Vec<(Period, usize)>, usize) {
    let mut grain = chosen;
    loop {
        let (rows, left_out) = matches_per_period(corpus, index, m, grain);
        let coarser = Grain::ALL.into_iter().rev().find(|g| *g < grain);
        match coarser {
            Some(g)
                if rows.len() as i64 > AUTO_MAX_PERIODS
                    || (rows.is_empty() && !m.docs.is_empty() && left_out < m.docs.len()) =>
            {
                grain = g
            }
            _ => return (grain, rows, left_out),
        }
    }
}

/// Counts `keywords` per period of `grain` over the articles of `filter`.
/// The periods run from the corpus' first to its last (at this grain), so
/// the axis stays put while the search changes; where that takes more than
/// [`MAX_PERIODS`], from the filter's first to its last.
pub fn trend_table(
    corpus: &Corpus,
    index: &Index,
    keywords: &[Keyword],
    filter: &DocSet,
    opts: SearchOptions,
    grain: Grain,
) -> TrendTable {
    let (mut table, lo, line_docs) = frame(corpus, index, keywords, filter, opts, grain);
    let Some(lo) = lo else { return table };
    let articles = corpus.articles();
    let row_of = |d: usize| grain.period(articles[d].date).map(|p| (p.n - lo) as usize);
    let queries: Vec<Query> = keywords.iter().map(|k| k.query.clone()).collect();
    for (k, m) in index.matches_each(&queries, opts).into_iter().enumerate() {
        for d in m.docs.iter().filter(|&d| line_docs[k].contains(d)) {
            let Some(r) = row_of(d) else { continue };
            let n = index.match_count(&m, d);
            let row = &mut table.rows[r];
            row.counts[k] += n;
            row.containing[k] += usize::from(n > 0);
        }
    }
    table
}

/// The terms whose month counts ([`crate::shard::MonthCounts`]) give
/// [`trend_table`]'s table without their postings, one per keyword, when
/// they can: each keyword a single word anywhere (no prefix, no phrase, no
/// line filter, no word forms, not a word written without spaces: those
/// are found inside longer words too), a grain of a month or coarser. The
/// filter must be one the month counts cover too ([`month_cells`]).
pub fn month_terms(keywords: &[Keyword], opts: SearchOptions, grain: Grain) -> Option<Vec<String>> {
    if grain > Grain::Month || opts.word_forms {
        return None;
    }
    keywords
        .iter()
        .map(|k| match (&k.query, &k.filter) {
            (
                Query::Text {
                    field: crate::search::query::TextField::Any,
                    words,
                    prefix: false,
                },
                None,
            ) if words.len() == 1 && !crate::text::segment::is_unspaced_word(&words[0]) => {
                Some(words[0].clone())
            }
            _ => None,
        })
        .collect()
}

/// A selection of articles as month counts see it: the cells (a month, or
/// a month in one facet value's articles) whose articles it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthCells {
    /// The facet the cells are of (`None`: months alone).
    pub kind: Option<ValueKind>,
    /// The (value, month) cells selected (value 0 for months alone).
    cells: rustc_hash::FxHashSet<(u32, ArticleDate)>,
}

impl MonthCells {
    /// Whether cell (`value`, `month`) is selected.
    pub fn has(&self, value: u32, month: ArticleDate) -> bool {
        self.cells.contains(&(value, month))
    }
}

/// The cells of the month counts whose articles are exactly `filter`
/// (in `facts`, an index of the corpus: its articles' facts), if some are:
/// months (a run of years or months, every article, any union of whole
/// months: each month's articles all in `filter` or none); else months of
/// one facet's values (one source or more, a section, a language, or one
/// tag, within whole months). `None` for a search's articles, two facets
/// at once, or a date range that cuts a month.
pub fn month_cells(facts: &Index, filter: &DocSet) -> Option<MonthCells> {
    let n = facts.doc_count();
    let month = |d: usize| ArticleDate {
        day: None,
        ..facts.doc(d).date
    };
    // Cells of `value_of`'s values and months, if `filter` is some of them whole.
    /// Each value an article has, handed to the callback.
    type ValuesOf<'a> = dyn Fn(usize, &mut dyn FnMut(u32)) + 'a;
    let try_cells = |value_of: &ValuesOf<'_>| {
        let mut cells: rustc_hash::FxHashMap<(u32, ArticleDate), (u32, u32)> = Default::default();
        for d in 0..n {
            let inside = filter.contains(d);
            let mut valued = false;
            value_of(d, &mut |v| {
                valued = true;
                let c = cells.entry((v, month(d))).or_default();
                c.0 += 1;
                c.1 += u32::from(inside);
            });
            if inside && !valued {
                return None;
            }
        }
        let mut picked = rustc_hash::FxHashSet::default();
        for (cell, (all, chosen)) in cells {
            match chosen {
                0 => {}
                c if c == all => {
                    picked.insert(cell);
                }
                _ => return None,
            }
        }
        Some(picked)
    };
    if let Some(cells) = try_cells(&|_, f| f(0)) {
        return Some(MonthCells { kind: None, cells });
    }
    for kind in [ValueKind::Source, ValueKind::Section, ValueKind::Language] {
        if let Some(cells) = try_cells(&|d, f| kind.each(facts, d, f)) {
            return Some(MonthCells {
                kind: Some(kind),
                cells,
            });
        }
    }
    // One tag (an article has several: two tags' cells would count it twice).
    let first = filter.iter().next()?;
    facts.doc(first).tag_ids().iter().find_map(|&t| {
        let cells = try_cells(&|d, f| {
            if facts.doc(d).tag_ids().contains(&t) {
                f(t)
            }
        })?;
        Some(MonthCells {
            kind: Some(ValueKind::Tag),
            cells,
        })
    })
}

/// [`trend_table`]'s table from the keywords' month counts (`months`, one
/// per keyword, for the terms [`month_terms`] names) in the cells `cells`
/// ([`month_cells`] of `filter`): the same table, with no postings read.
/// The grain must be a month or coarser (as [`month_terms`] checks).
pub fn trend_table_by_month(
    corpus: &Corpus,
    index: &Index,
    keywords: &[Keyword],
    filter: &DocSet,
    grain: Grain,
    months: &[crate::shard::MonthCounts],
    cells: &MonthCells,
) -> TrendTable {
    let opts = SearchOptions::default();
    let (mut table, lo, _) = frame(corpus, index, keywords, filter, opts, grain);
    let Some(lo) = lo else { return table };
    for (k, counts) in months.iter().enumerate().take(keywords.len()) {
        let per_value = counts
            .values
            .iter()
            .filter(|(kind, _, _)| Some(*kind) == cells.kind)
            .map(|(_, v, m)| (*v, m));
        let lists: Vec<(u32, &crate::shard::Months)> = match cells.kind {
            None => vec![(0, &counts.months)],
            Some(_) => per_value.collect(),
        };
        for (v, list) in lists {
            for &(month, n, docs) in list {
                if !cells.has(v, month) {
                    continue;
                }
                // A month's articles are in one period of a grain this coarse
                // (a year-only month's, in a year's, or in none).
                let Some(p) = grain.period(month) else {
                    continue;
                };
                let Some(row) = usize::try_from(p.n - lo)
                    .ok()
                    .and_then(|r| table.rows.get_mut(r))
                else {
                    continue;
                };
                row.counts[k] += n as usize;
                row.containing[k] += docs as usize;
            }
        }
    }
    table
}

/// A table of `keywords` over `filter` at `grain` with every count 0: its
/// periods, and in each its articles and words (and each line's); the
/// first period's number (`None` when the table has no rows: too many
/// periods, or none), and each line's articles.
fn frame(
    corpus: &Corpus,
    index: &Index,
    keywords: &[Keyword],
    filter: &DocSet,
    opts: SearchOptions,
    grain: Grain,
) -> (TrendTable, Option<i64>, Vec<DocSet>) {
    let articles = corpus.articles();
    let mut table = TrendTable {
        grain,
        keywords: keywords.iter().map(|k| k.label.clone()).collect(),
        rows: Vec::new(),
        left_out: 0,
        left_out_precision: None,
        too_many: None,
    };
    for d in filter.iter() {
        let date = articles[d].date;
        if grain.period(date).is_none() {
            table.left_out += 1;
            let p = date.precision();
            table.left_out_precision = Some(table.left_out_precision.map_or(p, |q| q.min(p)));
        }
    }
    let periods = match periods_for(corpus, filter, grain) {
        Ok(periods) => periods,
        Err(too_many) => {
            table.too_many = too_many;
            return (table, None, Vec::new());
        }
    };
    let lo = *periods.start();
    table.rows = periods
        .map(|n| PeriodRow {
            period: Period { grain, n },
            articles: 0,
            words: 0,
            counts: vec![0; keywords.len()],
            containing: vec![0; keywords.len()],
            line_articles: vec![0; keywords.len()],
            line_words: vec![0; keywords.len()],
        })
        .collect();
    let row_of = |d: usize| grain.period(articles[d].date).map(|p| (p.n - lo) as usize);
    // Each line's articles: the search's, within its own filter if it has one.
    let line_docs: Vec<DocSet> = keywords
        .iter()
        .map(|k| match &k.filter {
            None => filter.clone(),
            Some(f) => index.matches(f, opts).docs.and(filter),
        })
        .collect();
    for d in filter.iter() {
        if let Some(r) = row_of(d) {
            let row = &mut table.rows[r];
            row.articles += 1;
            // The index's own count (the same as the corpus' for a sound build).
            let words = index.doc(d).len as usize;
            row.words += words;
            for (k, docs) in line_docs.iter().enumerate() {
                if docs.contains(d) {
                    row.line_articles[k] += 1;
                    row.line_words[k] += words;
                }
            }
        }
    }
    (table, Some(lo), line_docs)
}

impl TrendTable {
    /// Keyword `k`'s value in row `r`; `None` for a period without articles
    /// (no data, not zero), or a row or keyword the table does not have (a
    /// view's cell asking a table of another grain, before it is redrawn).
    ///
    /// A line with its own filter is a gap where the filter finds no
    /// article of the period, and its rates divide by what it finds.
    pub fn value(&self, r: usize, k: usize, measure: Measure) -> Option<f64> {
        let row = self.rows.get(r)?;
        let articles = *row.line_articles.get(k).filter(|&&n| n > 0)?;
        let count = row.counts[k];
        Some(match measure {
            Measure::Count => count as f64,
            Measure::Per10k => per_10k(count, row.line_words[k]),
            Measure::ShareOfArticles => row.containing[k] as f64 / articles as f64 * 100.0,
        })
    }

    /// Keyword `k`'s series, smoothed by a centred moving average over
    /// `window` periods either side (0: none). Periods without data stay gaps
    /// and are left out of their neighbours' averages.
    pub fn series(&self, k: usize, measure: Measure, window: usize) -> Vec<Option<f64>> {
        let raw: Vec<Option<f64>> = (0..self.rows.len())
            .map(|r| self.value(r, k, measure))
            .collect();
        if window == 0 {
            return raw;
        }
        (0..raw.len())
            .map(|r| {
                raw[r]?;
                let lo = r.saturating_sub(window);
                let hi = (r + window).min(raw.len() - 1);
                let vals: Vec<f64> = raw[lo..=hi].iter().flatten().copied().collect();
                Some(vals.iter().sum::<f64>() / vals.len() as f64)
            })
            .collect()
    }

    /// The CSV of the table as charted: the period (its label, as on the
    /// axis: the column named by the grain), one column per keyword (the
    /// `measure`, smoothed over `smoothing` periods either side as the
    /// chart is), Articles, Words, then the provenance in columns of their
    /// own, the same on every row (Grain, Measure, Smoothing, Search,
    /// Corpus): a plain table any spreadsheet or CSV parser reads, which
    /// still says what it holds. Periods without articles have empty cells.
    pub fn to_csv(&self, measure: Measure, smoothing: usize, from: &Provenance) -> String {
        let header = [self.grain.name()]
            .into_iter()
            .chain(self.keywords.iter().map(String::as_str))
            .chain(["Articles", "Words"]);
        let mut t = Table::new(header);
        let series: Vec<Vec<Option<f64>>> = (0..self.keywords.len())
            .map(|k| self.series(k, measure, smoothing))
            .collect();
        // As the table shows it (format_value): counts whole, rates with two decimals.
        let cell = |v: f64| match measure {
            Measure::Count => Cell::Int(v.round() as u64),
            _ => Cell::num(v, 2),
        };
        for (r, row) in self.rows.iter().enumerate() {
            let mut cells = vec![match self.grain {
                // A year stays a number for a spreadsheet.
                Grain::Year => Cell::Int(row.period.n as u64),
                _ => Cell::from(row.period.label().as_str()),
            }];
            cells.extend(series.iter().map(|s| s[r].map_or(Cell::Empty, cell)));
            cells.extend([row.articles.into(), row.words.into()]);
            t.push(cells);
        }
        from.stamp(
            t.about("Grain", self.grain.name())
                .about("Measure", measure.name())
                .about("Smoothing", smoothing),
        )
        .to_csv()
    }
}

/// An export's file name, from what it shows: the corpus, the keywords,
/// the grain, the measure, the search and the smoothing, each as lowercase
/// ASCII letters and digits joined by `-`
/// ("alipay-articles-trends-wechat-ai-year-per10k-q-year-2024-smooth-1.csv").
pub fn export_name(
    from: &Provenance,
    keywords: &[String],
    grain: Grain,
    measure: Measure,
    smoothing: usize,
    extension: &str,
) -> String {
    let mut parts = vec![
        slug(&from.corpus, 40),
        "trends".to_string(),
        slug(&keywords.join(" "), 60),
    ];
    parts.push(grain.key().to_string());
    parts.push(measure.key().to_string());
    if !from.search.trim().is_empty() {
        parts.push(format!("q-{}", slug(&from.search, 40)));
    }
    if smoothing > 0 {
        parts.push(format!("smooth-{smoothing}"));
    }
    parts.retain(|p| !p.is_empty() && p != "q-");
    format!("{}.{extension}", parts.join("-"))
}

/// `s` as lowercase ASCII letters and digits, other runs as one `-`, at most `max` bytes.
fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// A value as the table shows it: counts whole, rates with two decimals,
/// shares as percentages ("100.00%").
pub fn format_value(v: f64, measure: Measure) -> String {
    match measure {
        Measure::Count => format!("{}", v.round() as u64),
        Measure::Per10k => format!("{v:.2}"),
        Measure::ShareOfArticles => format!("{v:.2}%"),
    }
}

/// Keyword-in-context lines for word spans (from [`Index::match_spans`]) of
/// an article, in reading order (a line's place is the match's number, as the
/// reader numbers marks): up to `context` words either side within the
/// match's title or block, with the text between them as written.
pub fn keyword_in_context(
    article: &Article,
    spans: &[(u32, u32)],
    context: usize,
) -> Vec<KwicLine> {
    keyword_in_context_of(&Layout::new(article), spans, context)
}

/// [`keyword_in_context`] over an article's [`Layout`], made once for
/// all its keywords (from the index, [`Layout::of`]: only the stretches
/// holding a match are read).
pub fn keyword_in_context_of(
    layout: &Layout<'_>,
    spans: &[(u32, u32)],
    context: usize,
) -> Vec<KwicLine> {
    let mut out = Vec::new();
    for s in 0..layout.len() {
        let r = layout.positions(s);
        for &(start, w) in spans.iter().filter(|&&(p, _)| r.contains(&(p as usize))) {
            let a = start as usize;
            let b = (a + w as usize).min(r.end) - 1;
            let lo = a.saturating_sub(context).max(r.start);
            let hi = (b + context).min(r.end - 1);
            let mut left = layout.between((lo, Edge::Start), (a, Edge::Start));
            let mut right = layout.between((b, Edge::End), (hi, Edge::End));
            // At the stretch's first or last word: what stands before or
            // after it as written (an opening quote, a full stop).
            if lo == r.start {
                if let Some((st, w)) = layout.word(lo) {
                    left.insert_str(0, layout.head(st, w.start));
                }
            }
            if hi + 1 == r.end {
                if let Some((st, w)) = layout.word(hi) {
                    right.push_str(layout.tail(st, w.end));
                }
            }
            out.push(KwicLine {
                left,
                matched: layout.between((a, Edge::Start), (b, Edge::End)),
                right,
            });
        }
    }
    out
}
