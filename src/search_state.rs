//! The search as the URL states it, derived once and shared by every view:
//! the query text, word forms and order ([`crate::params`] `Q`, `FORMS`, `SORT`). Everything here is a `Memo` of the URL,
//! so no view keeps a copy that could drift from it.

use lens_engine::index::Index;
use lens_engine::search::query::{parse, ParsedQuery, Query, QueryError};
use lens_engine::search::{Hit, Matches, Order, SearchOptions};
use lens_engine::Corpus;
use leptos::prelude::*;

use crate::params;
use crate::url_state::UrlQuery;

/// The query as the URL states it: known before the index is (the search box
/// needs nothing more).
#[derive(Clone, Copy)]
pub struct QueryState {
    /// The query text, as typed.
    pub text: Memo<String>,
    /// The query text parsed, or what is wrong with it.
    pub parsed: Memo<Result<ParsedQuery, QueryError>>,
    /// The last query that parsed: results stay visible while a query is being mistyped.
    pub valid: Memo<ParsedQuery>,
    /// Matching options.
    pub options: Memo<SearchOptions>,
    /// Result order.
    pub order: Memo<Order>,
}

impl QueryState {
    /// Derives the query from `url`. Once `index` is built, a query that
    /// parses but asks too much of it ([`Index::check`]) is an error too.
    pub fn new(url: UrlQuery, index: ReadSignal<Option<&'static Index>>) -> QueryState {
        let text = Memo::new(move |_| params::Q.text(&url).unwrap_or_default());
        let options = Memo::new(move |_| SearchOptions {
            word_forms: params::FORMS.flag(&url),
        });
        let parsed = Memo::new(move |_| {
            text.with(|t| parse(t)).and_then(|p| match index.get() {
                Some(ix) => ix
                    .check(&[&p.query], options.get())
                    .map(|()| p)
                    .map_err(|e| QueryError {
                        span: 0..text.with(String::len),
                        ..e
                    }),
                None => Ok(p),
            })
        });
        let valid = last_valid(parsed, || ParsedQuery {
            query: Query::All,
            clauses: Vec::new(),
        });
        let order = Memo::new(move |_| params::SORT.get(&url));
        QueryState {
            text,
            parsed,
            valid,
            options,
            order,
        }
    }
}

/// The current search and its answers, once the index is built. The query's
/// memos are [`QueryState`]'s own (handles to the same memos, not copies).
#[derive(Clone, Copy)]
pub struct SearchState {
    /// The corpus searched.
    pub corpus: &'static Corpus,
    /// Its index.
    pub index: &'static Index,
    /// The query text, as typed.
    pub text: Memo<String>,
    /// The query text parsed, or what is wrong with it.
    pub parsed: Memo<Result<ParsedQuery, QueryError>>,
    /// The last query that parsed.
    pub valid: Memo<ParsedQuery>,
    /// Matching options.
    pub options: Memo<SearchOptions>,
    /// Result order.
    pub order: Memo<Order>,
    /// What the query matched.
    pub matches: Memo<Matches>,
    /// The matching articles, in order.
    pub hits: Memo<Vec<Hit>>,
}

impl SearchState {
    /// The search of `query` over `corpus` through its `index`.
    pub fn new(corpus: &'static Corpus, index: &'static Index, query: QueryState) -> SearchState {
        let QueryState {
            text,
            parsed,
            valid,
            options,
            order,
        } = query;
        let matches = Memo::new(move |_| valid.with(|p| index.matches(&p.query, options.get())));
        let hits = Memo::new(move |_| matches.with(|m| index.rank(m, order.get())));
        SearchState {
            corpus,
            index,
            text,
            parsed,
            valid,
            options,
            order,
            matches,
            hits,
        }
    }
}

/// The last `Ok` value of `parsed` (`empty()` before any): what stays on
/// screen while a reader is mistyping a query or a keyword list.
pub fn last_valid<T, E>(parsed: Memo<Result<T, E>>, empty: fn() -> T) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    E: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |prev: Option<&T>| match parsed.get() {
        Ok(v) => v,
        Err(_) => prev.cloned().unwrap_or_else(empty),
    })
}
