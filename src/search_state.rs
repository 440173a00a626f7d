//! The search as the URL states it, derived once and shared by every view:
//! the query text, word forms and order ([`crate::params`] `Q`, `FORMS`, `SORT`). Everything here is a `Memo` of the URL,
//! so no view keeps a copy that could drift from it.

use std::sync::Arc;

use lens_engine::index::{DocInfo, Index};
use lens_engine::search::query::{parse, ParsedQuery, Query, QueryError};
use lens_engine::search::{Hit, Matches, Order, SearchOptions};
use lens_engine::shard::{Needs, Text};
use lens_engine::{Article, Corpus};
use leptos::prelude::*;

use crate::params;
use crate::shards::{Shards, Unanswered};
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

/// The index that answers the page's questions: an embedded corpus' whole
/// index, or (a sharded corpus) the part of its index the page has
/// fetched for what its views ask (`Index::partial`), which answers those
/// questions as the whole index would. Equal when it is the same index.
#[derive(Clone)]
pub enum Served {
    /// The whole index, built in the page.
    Whole(&'static Index),
    /// A sharded corpus' fetched part.
    Part(Arc<Index>),
}

impl std::ops::Deref for Served {
    type Target = Index;
    fn deref(&self) -> &Index {
        match self {
            Served::Whole(ix) => ix,
            Served::Part(ix) => ix,
        }
    }
}

impl PartialEq for Served {
    fn eq(&self, other: &Served) -> bool {
        std::ptr::eq::<Index>(&**self, &**other)
    }
}

/// An article with its text and its facts (where its blocks start): an
/// embedded corpus' own, or one fetched from a sharded corpus.
#[derive(Clone)]
pub enum ArticleText {
    /// Borrowed from an embedded corpus and its whole index.
    Static(&'static Article, &'static DocInfo),
    /// Fetched ([`Shards::article`]).
    Fetched(Arc<Text>),
}

impl ArticleText {
    /// Its facts, as the whole index has them.
    pub fn info(&self) -> &DocInfo {
        match self {
            ArticleText::Static(_, info) => info,
            ArticleText::Fetched(t) => &t.info,
        }
    }
}

impl std::ops::Deref for ArticleText {
    type Target = Article;
    fn deref(&self) -> &Article {
        match self {
            ArticleText::Static(a, _) => a,
            ArticleText::Fetched(t) => &t.article,
        }
    }
}

/// The newest of a run of questions: each asking takes a number, and what
/// answers it is applied only while that number is still the newest (an
/// answer that comes after a newer question is dropped).
#[derive(Clone, Copy)]
pub struct Newest(StoredValue<u64>);

impl Newest {
    /// No question yet.
    pub fn new() -> Newest {
        Newest(StoredValue::new(0))
    }

    /// A new question: whether it is still the newest, asked at any time.
    pub fn ask(&self) -> impl Fn() -> bool + Copy + 'static {
        let n = self.0.get_value() + 1;
        self.0.set_value(n);
        let latest = self.0;
        move || latest.get_value() == n
    }
}

impl Default for Newest {
    fn default() -> Newest {
        Newest::new()
    }
}

/// A corpus or an index a view reads words from: the whole one (an
/// embedded corpus', for the page's life), or a part made for the view (a
/// sharded corpus' sample: [`lens_engine::index::partial::with_texts`]),
/// shared with the jobs that read it. Equal when it is the same one.
pub enum Shared<T: 'static> {
    /// The whole corpus' or index.
    Whole(&'static T),
    /// A part made for a view.
    Part(Arc<T>),
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        match self {
            Shared::Whole(t) => Shared::Whole(t),
            Shared::Part(t) => Shared::Part(t.clone()),
        }
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Whole(t) => t,
            Shared::Part(t) => t,
        }
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<T>(&**self, &**other)
    }
}

/// The whole index, for the views that read word sequences (Words, Compare,
/// Contexts): provided by each of them over a corpus that has one, so the
/// parts they are made of find it here.
#[derive(Clone, Copy)]
pub struct WholeIndex(pub &'static Index);

/// The whole index, as the view around the caller provides it.
pub fn whole_index() -> &'static Index {
    expect_context::<WholeIndex>().0
}

/// The current search and its answers, once the index is built. The query's
/// memos are [`QueryState`]'s own (handles to the same memos, not copies).
#[derive(Clone, Copy)]
pub struct SearchState {
    /// The corpus searched.
    pub corpus: &'static Corpus,
    /// The index answering the search ([`Served`]).
    pub index: Signal<Served>,
    /// The whole index, if the page has one (an embedded corpus): the views
    /// that read word sequences need it ([`WholeIndex`]).
    pub whole: Option<&'static Index>,
    /// A sharded corpus' index, where the texts and terms come from.
    pub shards: Option<Shards>,
    /// Why the search has no answer, if it has none (a sharded corpus: a
    /// fetch failed, or the search asks too much).
    pub failed: Signal<Option<Unanswered>>,
    /// Whether the search waits for part of a sharded index.
    pub fetching: Signal<bool>,
    /// Asks a failed fetch again.
    pub retry: Callback<()>,
    /// What the views need besides the search (a sharded corpus fetches
    /// it with the search's terms: Trends' keywords).
    pub also: RwSignal<Needs>,
    /// What the index served answers: `None`, everything (the whole index).
    pub answers: Signal<Option<Needs>>,
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
        let served = Signal::stored(Served::Whole(index));
        let matches = Memo::new(move |_| {
            served.with(|ix| valid.with(|p| ix.matches(&p.query, options.get())))
        });
        let hits = Memo::new(move |_| served.with(|ix| matches.with(|m| ix.rank(m, order.get()))));
        SearchState {
            corpus,
            index: served,
            whole: Some(index),
            shards: None,
            failed: Signal::stored(None),
            fetching: Signal::stored(false),
            retry: Callback::new(|()| {}),
            also: RwSignal::new(Needs::default()),
            answers: Signal::stored(None),
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

/// What a sharded index has answered: the query, its options, and the
/// partial index of the terms they need.
#[derive(Clone, PartialEq)]
struct Answer {
    query: ParsedQuery,
    options: SearchOptions,
    index: Served,
    /// The terms `index` holds: the query's and what the views asked too.
    needs: Needs,
}

impl SearchState {
    /// The search of `query` over a sharded corpus (`corpus` its articles
    /// without their texts): each query's terms are fetched first, and the
    /// search answers once they are here, never before (so no number is
    /// drawn from a part of the index that lacks them). Until then the
    /// previous answer stays, with `fetching` set.
    pub fn sharded(
        corpus: &'static Corpus,
        shards: Shards,
        empty: Index,
        query: QueryState,
    ) -> SearchState {
        let QueryState {
            text,
            parsed,
            valid: asked,
            options: asked_options,
            order,
        } = query;
        let answer = RwSignal::new(Answer {
            query: ParsedQuery {
                query: Query::All,
                clauses: Vec::new(),
            },
            options: SearchOptions::default(),
            index: Served::Part(Arc::new(empty)),
            needs: Needs::default(),
        });
        let also = RwSignal::new(Needs::default());
        // Fetching from the start: the first question is asked at once.
        let fetching = RwSignal::new(true);
        let failed = RwSignal::new(None::<Unanswered>);
        let tries = RwSignal::new(0u32);
        // Only the latest question's answer is shown.
        let latest = Newest::new();
        Effect::new(move |_| {
            let query = asked.get();
            let options = asked_options.get();
            let also = also.get();
            tries.track();
            let current = latest.ask();
            fetching.set(true);
            leptos::task::spawn_local(async move {
                let mut needs = Needs::for_query(&query.query, options.word_forms);
                needs.merge(&also);
                let got = shards.answer(&needs, current).await;
                if !current() {
                    return;
                }
                fetching.set(false);
                match got {
                    Ok(index) => {
                        failed.set(None);
                        answer.set(Answer {
                            query,
                            options,
                            index: Served::Part(Arc::new(index)),
                            needs,
                        });
                    }
                    Err(why) => failed.set(Some(why)),
                }
            });
        });
        // A query without phrases is answered from its terms' counts
        // (their positions are not fetched): once the texts of articles it
        // matched are here, its index is made again with where its words
        // stand in them, for their marks and snippets
        // (`Index::positions_known`). Nothing is fetched unless the terms
        // were let go since; a newer answer is left as it is.
        Effect::new(move |_| {
            shards.track_texts();
            let (needs, stale) = answer.with_untracked(|a| {
                let stale = shards.holds_any_text(a.index.stand_ins());
                (a.needs.clone(), stale)
            });
            if !stale {
                return;
            }
            let asked = needs.clone();
            let still = move || answer.with_untracked(|a| a.needs == asked);
            leptos::task::spawn_local(async move {
                match shards.answer(&needs, still.clone()).await {
                    Ok(index) if still() => {
                        answer.update(|a| a.index = Served::Part(Arc::new(index)));
                    }
                    Ok(_) => {}
                    // Said where the search's own failures are (with Try
                    // again), not left as marks that never come.
                    Err(why) if still() => failed.set(Some(why)),
                    Err(_) => {}
                }
            });
        });
        let valid = Memo::new(move |_| answer.with(|a| a.query.clone()));
        let options = Memo::new(move |_| answer.with(|a| a.options));
        let served = Signal::derive(move || answer.with(|a| a.index.clone()));
        let matches =
            Memo::new(move |_| answer.with(|a| a.index.matches(&a.query.query, a.options)));
        let hits =
            Memo::new(move |_| answer.with(|a| matches.with(|m| a.index.rank(m, order.get()))));
        SearchState {
            corpus,
            index: served,
            whole: None,
            shards: Some(shards),
            failed: failed.into(),
            fetching: fetching.into(),
            retry: Callback::new(move |()| tries.update(|n| *n += 1)),
            also,
            answers: Signal::derive(move || answer.with(|a| Some(a.needs.clone()))),
            text,
            parsed,
            valid,
            options,
            order,
            matches,
            hits,
        }
    }

    /// Whether the index served answers what `needs` names (always, on
    /// the whole index; a reactive read).
    pub fn covers(&self, needs: &Needs) -> bool {
        self.answers
            .with(|a| a.as_ref().is_none_or(|a| a.covers(needs)))
    }

    /// Article `doc` with its text: at once from an embedded corpus; from
    /// a sharded one once it has been read (`None` until then; a reactive
    /// read: what calls it is run again when texts arrive).
    pub fn article(&self, doc: usize) -> Option<ArticleText> {
        match (self.shards, self.whole) {
            (Some(s), _) => s.article(doc).map(ArticleText::Fetched),
            (None, Some(whole)) => self
                .corpus
                .articles()
                .get(doc)
                .map(|a| ArticleText::Static(a, whole.doc(doc))),
            (None, None) => None,
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
