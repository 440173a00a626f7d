//! Words: what is in the selection (the articles the search box and facets
//! pick; no query: the whole corpus) and what stands out in it. The engine
//! computes ([`lens_engine::stats::words`]); this file draws.
//!
//! URL parameters: `stop=0` (keep stop words), `forms=1` (merge word forms,
//! as in search), `wf` (only words starting with it), `wsort` (the word
//! list's order), `ref`, `rq` and `sig` (the keywords' reference, its search
//! and the significance level), `plen`, `pmin` and `pstop=0` (phrases).

use super::{as_query, word_links};
use lens_engine::corpus::period::{Grain, Period};
use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::search::facets::{narrow_to, FacetKind};
use lens_engine::search::query::parse;
use lens_engine::shard::Needs;
use lens_engine::stats::measures::per_10k;
use lens_engine::stats::measures::{KEYNESS_G2, LOG_RATIO};
use lens_engine::stats::words::{
    frequency_table, keyword_table, keywords, phrase_table, rising_falling_table, summary,
    word_rows, CountJob, Counts, KeyRow, KeynessSettings, ListOptions, PhraseJob, RisingFalling,
    TrendJob, WordRow, MIN_TREND_COUNT,
};
use lens_engine::steps::{Ready, Steps};
use leptos::prelude::*;

use crate::params::{self, Reference, WordOrder};
use crate::search_state::{SearchState, Shared};
use crate::shards::Shards;
use crate::slices::{deferred, measured, sliced, Sliced};
use crate::url_state::{QueryLink, UrlQuery};
use crate::views::contexts::SAMPLE_ARTICLES;
use crate::views::long_table::LongList;
use crate::views::stop_list::StopWords;
use crate::views::Retry;
use crate::views::{
    csv_button, provenance, thousands, UrlCheckbox, UrlNumber, UrlSelect, UrlText, WordFormsToggle,
};
use lens_engine::stats::sample::Sample;
use lens_engine::stats::Provenance;
use lens_engine::Corpus;

/// Rows of a list shown at first; "Show more" adds as many again.
const PAGE: usize = 50;
/// Words in the bar chart beside the word list.
const BARS: usize = 25;
/// Rows of the keyword, phrase and trend lists shown at first.
const SHORT: usize = 25;

/// What Words reads: the index and corpus with the articles' words (the
/// whole ones; a sharded corpus', its metadata with the texts of samples
/// put in, [`sampled`]), and the selection's articles in it.
#[derive(Clone, PartialEq)]
struct Source {
    index: Shared<Index>,
    corpus: Shared<Corpus>,
    /// The selection's articles (on a sharded corpus, its sample's).
    docs: DocSet,
    /// On a sharded corpus: the samples read.
    samples: Option<Samples>,
    /// On a sharded corpus whose selection word lists count
    /// ([`listed`]): the whole corpus' counts, in the same index (the
    /// vocabulary's): the keywords' references, exact.
    whole: Option<std::sync::Arc<Counts>>,
}

/// A sharded corpus' samples ([`Sample`]): of the selection, of the rest of
/// the corpus and of the whole corpus (the keywords' references; the
/// corpus' is in the other two: its articles sampled are, in the selection
/// or in the rest, among the lowest hashes there too).
#[derive(Clone, PartialEq)]
struct Samples {
    selection: Sample,
    rest: Sample,
    corpus: Sample,
}

impl Source {
    /// The provenance of an export made from it: the search's, and the
    /// selection's sample (with `reference`'s, for the keywords).
    fn provenance(&self, search: &SearchState, reference: Option<&Sample>) -> Provenance {
        let mut p = provenance(search);
        if let Some(s) = &self.samples {
            let mut said: Vec<String> = Vec::new();
            let selection = s.selection.describe();
            if !selection.is_empty() {
                said.push(selection);
            }
            if let Some(r) = reference.map(Sample::describe).filter(|r| !r.is_empty()) {
                said.push(format!("reference: {r}"));
            }
            p.sample = said.join("; ");
        }
        p
    }
}

/// The articles of `sample`, as a set of a corpus of `n`.
fn docs_of(sample: &Sample, n: usize) -> DocSet {
    let mut docs = DocSet::empty(n);
    sample.docs.iter().for_each(|&d| docs.insert(d));
    docs
}

/// What Words reads, once it is there (provided by the view to its parts).
type SourceSignal = Memo<Option<Source>>;

/// What a sharded corpus' Words reads: a sample of the selection's
/// articles and one of the rest of the corpus (each
/// [`SAMPLE_ARTICLES`], Contexts' rule and size: the same texts serve
/// both views), their texts fetched, then put in the metadata and indexed
/// in slices; `None` until the current selection's samples are read
/// (not while `listed`, a facet selection's word lists, are being read).
fn sampled(
    search: SearchState,
    shards: Shards,
    listed: Option<ReadSignal<Listed>>,
) -> (SourceSignal, Retry) {
    let corpus = search.corpus;
    // The corpus' own sample, drawn once (it is the same for every selection).
    let whole = Sample::new(
        corpus,
        &DocSet::full(corpus.articles().len()),
        SAMPLE_ARTICLES,
    );
    let samples = Memo::new(move |_| {
        search.matches.with(|m| Samples {
            selection: Sample::new(corpus, &m.docs, SAMPLE_ARTICLES),
            rest: Sample::new(corpus, &m.docs.clone().complement(), SAMPLE_ARTICLES),
            corpus: whole.clone(),
        })
    });
    // The two samples' articles, read and indexed together.
    let both = |s: &Samples| {
        let mut docs: Vec<usize> = s
            .selection
            .docs
            .iter()
            .chain(&s.rest.docs)
            .copied()
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    };
    let lists_first =
        move |_: &Samples| listed.is_some_and(|l| l.with(|l| matches!(l, Listed::Reading(_))));
    let (built, reading) = super::read_texts(shards, corpus, samples, both, lists_first);
    let source = Memo::new(move |_| {
        let current = samples.get();
        built.with(|b| {
            let (s, with, index) = b.as_ref().filter(|(s, _, _)| *s == current)?;
            Some(Source {
                index: Shared::Part(index.clone()),
                corpus: Shared::Part(with.clone()),
                docs: docs_of(&s.selection, corpus.articles().len()),
                samples: Some(s.clone()),
                whole: None,
            })
        })
    });
    (source, reading)
}

/// Counting the articles of `docs` in `source`'s index, given back with
/// the source: what is drawn from the counts always goes with the
/// selection (and index) they were made on.
fn count_source(source: Source, docs: DocSet) -> impl Steps<Output = (Source, DocSet, Counts)> {
    CountJob::new(source.index.clone(), &docs).map_output(move |c| (source, docs, c))
}

/// On a sharded corpus, the selection's words counted from the word lists
/// written per facet value when it was published
/// ([`lens_engine::shard::lists`]): exact, without a text.
#[derive(Clone, PartialEq)]
enum Listed {
    /// No lists count the selection (a search, two facets at once): its
    /// sample's counts stand.
    No,
    /// The lists of the selection `docs` are being read.
    Reading(DocSet),
    /// Counted: the source (the vocabulary's index, the whole corpus'
    /// counts), the articles and their counts.
    Ready(Box<(Source, DocSet, Counts)>),
}

/// [`Listed`] for the current selection, fetched when it changes (the
/// newest selection wins; a failure is the [`Retry`]'s).
fn listed(search: SearchState, shards: Shards) -> (ReadSignal<Listed>, Retry) {
    let out = RwSignal::new(Listed::No);
    let reading = Retry::new();
    let latest = crate::search_state::Newest::new();
    Effect::new(move |_| {
        let docs = search.matches.with(|m| m.docs.clone());
        reading.tries.track();
        // A new selection: whatever an older one fetches is for it alone.
        let live = latest.ask();
        reading.failed.set(None);
        let Some(lists) = shards.lists_for(&docs) else {
            out.set(Listed::No);
            return;
        };
        if out.with_untracked(|l| matches!(l, Listed::Ready(r) if r.1 == docs)) {
            return;
        }
        out.set(Listed::Reading(docs.clone()));
        leptos::task::spawn_local(async move {
            let counted = shards.word_counts(&lists, &docs).await;
            if !live() {
                return;
            }
            match counted {
                Ok((index, selection, whole)) => out.set(Listed::Ready(Box::new((
                    Source {
                        index: Shared::Part(index),
                        corpus: Shared::Whole(search.corpus),
                        docs: docs.clone(),
                        samples: None,
                        whole: Some(std::sync::Arc::new(whole)),
                    },
                    docs,
                    selection,
                )))),
                Err(why) => reading.failed.set(Some(why)),
            }
        });
    });
    (out.read_only(), reading)
}

/// The selection's counts, computed in slices (see [`sliced`]), with the
/// source and the articles they were made on.
type SelectionCounts = ReadSignal<Sliced<(Source, DocSet, Counts)>>;

/// The Words view.
#[component]
pub fn WordsView() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    // On a sharded corpus, a facet selection's words are counted from its
    // word lists: the summary, the word list and the keywords read them.
    let (listed, listing) = match search.shards {
        Some(shards) => {
            let (l, r) = listed(search, shards);
            (Some(l), Some(r))
        }
        None => (None, None),
    };
    // (The samples' texts wait while the lists are read: on a phone's
    // network they would share it, and the word list comes first.)
    let sample = move |search, shards| sampled(search, shards, listed);
    let (source, reading) = super::words_source(search, sample, |index, corpus, m| Source {
        index: Shared::Whole(index),
        corpus: Shared::Whole(corpus),
        docs: m.docs.clone(),
        samples: None,
        whole: None,
    });
    provide_context(source);
    let opts = Memo::new(move |_| ListOptions {
        stop: params::stop_choice(&url, &params::STOP),
        forms: params::FORMS.flag(&url),
    });
    // The selection's counts: of its articles, or on a sharded corpus of
    // its sample (what the phrases and the rising and falling words read).
    let sample_counts: SelectionCounts = sliced("words:counts", move || {
        source.with(|s| {
            let s = s.as_ref()?;
            Some(count_source(s.clone(), s.docs.clone()))
        })
    });
    let counts: SelectionCounts = match listed {
        None => sample_counts,
        Some(listed) => sliced("words:listed", move || {
            let ready = match listed.get() {
                // (Counts of another selection are never drawn for this one.)
                Listed::Ready(ready) if search.matches.with(|m| m.docs == ready.1) => *ready,
                Listed::Ready(_) => return None,
                Listed::Reading(_) => return None,
                Listed::No => sample_counts.with(|c| c.value.clone().filter(|_| !c.busy))?,
            };
            Some(Ready::new(ready))
        }),
    };
    let selection = move || {
        let q = search.text.get();
        if q.trim().is_empty() {
            "The selection is the whole corpus: search, or pick facets, to narrow it.".to_string()
        } else {
            format!("The selection is the articles that match “{}”.", q.trim())
        }
    };
    let busy = move || counts.with(|c| c.busy).then_some(" Counting…");
    // Behind a prerendered page, the phrases and the rising and falling
    // words are drawn a task after the rest (takeover::later).
    let rest = crate::takeover::later(1);
    // The counts' first answer, each block drawn from it, before the
    // takeover: drawn after it, they would push down what is on screen.
    let (frequent, key) = (deferred(counts, 1), deferred(counts, 2));
    crate::takeover::hold_until(move || key.with(|k| k.value.is_some()), 2_000);
    view! {
        <section class="words" aria-labelledby="words-heading">
            <h2 id="words-heading">"Words"</h2>
            <p class="counting" role="status">{selection}{busy}</p>
            {move || reading.map(|r| view! { <SampleNotice source=source reading=r listed=listed listing=listing /> })}
            <div class="words-controls">
                <UrlCheckbox label="Leave out stop words" param=params::STOP />
                <WordFormsToggle />
                <StopWords id="words" />
            </div>
            <SummaryBlock counts=counts />
            // Each drawn a frame after the one before: a new selection's
            // answers arrive together, and drawing them all at once is a long task.
            <Frequencies counts=frequent opts=opts />
            <Keyness counts=key opts=opts />
            {move || rest.get().then(|| view! {
                <Phrases counts=sample_counts />
                <RisingFallingBlock counts=sample_counts opts=opts />
            })}
        </section>
    }
}

/// On a sharded corpus: which articles Words reads (every one from word
/// lists, [`Listed`], or samples, said with their rule), while they are
/// read, and a failure with Try again.
#[component]
fn SampleNotice(
    source: SourceSignal,
    reading: Retry,
    listed: Option<ReadSignal<Listed>>,
    listing: Option<Retry>,
) -> impl IntoView {
    let search = expect_context::<SearchState>();
    move || {
        if let Some(alert) = listing.and_then(Retry::alert).or_else(|| reading.alert()) {
            return alert;
        }
        let of = search.matches.with(|m| m.docs.len());
        let lists = listed.map(|l| l.get()).unwrap_or(Listed::No);
        let busy = match (&lists, source.with(Option::is_none)) {
            (Listed::Reading(_), _) => Some(" Reading the word lists…"),
            (_, true) => Some(" Reading the samples' texts…"),
            _ => None,
        }
        .map(|b| view! { <span class="fetching">{b}</span> });
        let selection = if of <= SAMPLE_ARTICLES {
            format!(
                "its {} article{}",
                thousands(of),
                if of == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "a random sample of {SAMPLE_ARTICLES} of its {} articles",
                thousands(of)
            )
        };
        let rule = format!("the {SAMPLE_ARTICLES} whose ids hash lowest, the same sample for the same selection, as Contexts reads");
        let said = if lists == Listed::No {
            format!(
                "This corpus is published in parts, fetched as they are needed: the summary's words, the word list, the phrases and the rising and falling words read {selection}, and the keywords compare them with a random sample of {SAMPLE_ARTICLES} of the rest of the corpus (or of the whole corpus): {rule}. Articles per period count them all. A selection made with facets alone (one source, a run of years, a tag …) is counted whole."
            )
        } else {
            format!(
                "This corpus is published in parts, fetched as they are needed. The summary, the word list and the keywords count every word of the selection's {} article{} and of the rest of the corpus, from the word lists written per year, source, section, tag and language when it was published; the phrases and the rising and falling words read {selection} ({rule}).",
                thousands(of),
                if of == 1 { "" } else { "s" }
            )
        };
        view! {
            <p class="notice sample-notice" role="status">{said}{busy}</p>
        }
        .into_any()
    }
}

/// The provenance of an export made from `counts`: the search's, and the
/// samples they were made on (with the keywords' `reference`'s).
fn counted_provenance(
    counts: SelectionCounts,
    search: &SearchState,
    reference: Option<Reference>,
) -> Provenance {
    counts.with_untracked(|c| match c.value.as_ref() {
        Some((src, _, _)) => {
            let r = src.samples.as_ref().and_then(|s| match reference? {
                Reference::Rest => Some(&s.rest),
                Reference::Whole => Some(&s.corpus),
                Reference::Search => None,
            });
            src.provenance(search, r)
        }
        None => provenance(search),
    })
}

/// "Show N more (of M)" under a list of `total()` rows of which `shown` are
/// drawn; each click draws [`PAGE`] more.
fn show_more(
    total: impl Fn() -> usize + Send + Sync + Copy + 'static,
    shown: RwSignal<usize>,
) -> impl Fn() -> Option<AnyView> + Send + Sync + Copy + 'static {
    move || {
        let n = total();
        (n > shown.get()).then(|| {
            view! {
                <button type="button" class="more" on:click=move |_| shown.update(|s| *s += PAGE)>
                    {format!("Show {} more (of {})", (n - shown.get()).min(PAGE), thousands(n))}
                </button>
            }
            .into_any()
        })
    }
}

/// "Summary": the selection's size, vocabulary, dates, longest and shortest
/// article, and articles per period at the Trends grain (`grain=`; a bar
/// narrows the search to its period).
#[component]
fn SummaryBlock(counts: SelectionCounts) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let s = Memo::new(move |_| {
        counts.with(|c| {
            c.value.as_ref().map(|(src, docs, c)| {
                let s = measured("words:summary", || summary(&src.index, docs, c));
                (
                    s,
                    src.index.clone(),
                    src.samples.as_ref().map(|s| s.selection.of),
                )
            })
        })
    });
    move || {
        let (s, ix, sample_of) = s.get()?;
        let link = |d: usize| {
            let a = &corpus.articles()[d];
            let href = url.link(&[
                (params::ARTICLE.name, Some(&*a.id)),
                (params::MATCH.name, None),
            ]);
            view! {
                <QueryLink href=href>{a.title.clone()}</QueryLink>
                {format!(" ({} words)", thousands(ix.doc(d).len as usize))}
            }
        };
        let range = s.first_last.map(|(f, l)| {
            format!(
                "{} to {}",
                corpus.articles()[f].display_date(),
                corpus.articles()[l].display_date()
            )
        });
        // Articles per period at the Trends grain (Auto's for the
        // selection when none is chosen), over the selection's span: all
        // of them, from the metadata (a sharded corpus' too).
        let docs = search.matches.with(|m| m.docs.clone());
        let grain = params::GRAIN
            .get(&url)
            .unwrap_or_else(|| lens_engine::stats::trends::auto_grain(corpus, &docs));
        let periods = lens_engine::stats::trends::attention(corpus, &docs, grain);
        let first = periods.rows.iter().position(|r| r.matching > 0);
        let last = periods.rows.iter().rposition(|r| r.matching > 0);
        let shown = match (first, last) {
            (Some(a), Some(b)) => &periods.rows[a..=b],
            _ => &[][..],
        };
        let unit = grain.name().to_lowercase();
        let max = shown.iter().map(|r| r.matching).max().unwrap_or(0).max(1);
        let shown: Vec<(Period, usize)> = shown.iter().map(|r| (r.period, r.matching)).collect();
        let count = shown.len();
        let windowed = crate::views::long_table::is_windowed(count);
        let (posinset, setsize) = (
            move |r: usize| windowed.then(|| r + 1),
            windowed.then_some(count),
        );
        let bar_item = move |r: usize| {
            let (period, n) = shown[r];
            let label = period.label();
            // Narrows to this period alone (a year again: back to every year).
            let pick = move |_| {
                let text = search.text.get_untracked();
                let next = if period.grain == lens_engine::corpus::period::Grain::Year {
                    let y = period.n.to_string();
                    let years: Vec<String> = search.index.with_untracked(|ix| {
                        ix.facet_values().years.iter().map(u16::to_string).collect()
                    });
                    search
                        .valid
                        .with_untracked(|p| narrow_to(&text, p, FacetKind::Year, &y, &years))
                } else {
                    search.valid.with_untracked(|p| {
                        lens_engine::search::facets::narrow_to_period(&text, p, period)
                    })
                };
                url.navigate(
                    &url.href(&[(params::Q.name, (!next.is_empty()).then_some(next.as_str()))]),
                );
            };
            let bar = format!("width: {:.1}%", 100.0 * n as f64 / max as f64);
            if n == 0 {
                // A period without articles in the selection: nothing to narrow to.
                return view! {
                    <li aria-posinset=posinset(r) aria-setsize=setsize>
                        <span class="year-bar empty">
                            <span class="year">{label}</span>
                            <span class="bar" style=bar></span>
                            <span class="n">"0"</span>
                            <span class="visually-hidden">" articles"</span>
                        </span>
                    </li>
                }
                .into_any();
            }
            let says = format!(
                " article{}: narrow the search to {label}",
                if n == 1 { "" } else { "s" }
            );
            view! {
                <li aria-posinset=posinset(r) aria-setsize=setsize>
                    <button type="button" class="year-bar" on:click=pick>
                        <span class="year">{label}</span>
                        <span class="bar" style=bar></span>
                        <span class="n">{n.to_string()}</span>
                        <span class="visually-hidden">{says}</span>
                    </button>
                </li>
            }
            .into_any()
        };
        // A long list (730 days) scrolls in its own box, drawn near its view.
        let scroller = NodeRef::<leptos::html::Div>::new();
        let bars = view! {
            // Focusable when long: arrow keys scroll it (a bar with no articles is
            // no button, so Tab alone could leave the drawn bars behind).
            <div class="year-bars-box" class:long=windowed node_ref=scroller
                tabindex=windowed.then_some("0") role=windowed.then_some("region") aria-labelledby=windowed.then_some("per-year-heading")>
                <LongList rows=count scroller=scroller item=bar_item class=bars_class(grain) labelledby="per-year-heading" />
            </div>
        };
        let left_out = (periods.left_out > 0).then(|| {
            view! { <p class="hint">{format!("{} of these articles {} dated less precisely than a {unit}: in no bar.", thousands(periods.left_out), if periods.left_out == 1 { "is" } else { "are" })}</p> }
        });
        let too_many = periods.too_many.map(|n| {
            view! { <p class="hint">{format!("By {unit} these articles span {} periods: too many to list; choose a coarser grain.", thousands(n as usize))}</p> }
        });
        Some(view! {
            <section class="words-summary" aria-labelledby="summary-heading">
                <h3 id="summary-heading">"Summary"</h3>
                <dl class="figures-list">
                    <div><dt>"Articles"</dt><dd>{thousands(s.articles)}{sample_of.filter(|&of| of > s.articles).map(|of| format!(" (a sample of {})", thousands(of)))}</dd></div>
                    <div><dt>"Words"</dt><dd>{thousands(s.words)}</dd></div>
                    <div><dt>"Distinct words"</dt><dd>{thousands(s.distinct)}</dd></div>
                    <div><dt>"Vocabulary density"</dt><dd>{format!("{:.1}%", s.density())}</dd></div>
                    <div><dt>"Mean words per article"</dt><dd>{thousands(s.mean_words().round() as usize)}</dd></div>
                    {range.map(|r| view! { <div><dt>"Dates"</dt><dd>{r}</dd></div> })}
                    {s.longest_shortest.map(|(l, sh)| view! {
                        <div><dt>"Longest"</dt><dd>{link(l)}</dd></div>
                        <div><dt>"Shortest"</dt><dd>{link(sh)}</dd></div>
                    })}
                </dl>
                <div class="per-period-head">
                    <h4 id="per-year-heading">{format!("Articles per {unit}")}</h4>
                    <crate::views::UrlSelect label="Grain" param=params::GRAIN.param class="field" />
                </div>
                {left_out}
                {too_many}
                {bars}
            </section>
        })
    }
}

/// "Word frequencies": every listed word of the selection with its count,
/// rate and articles, sortable, filtered by a prefix, paged; a bar chart of
/// the most frequent beside it.
#[component]
fn Frequencies(counts: SelectionCounts, opts: Memo<ListOptions>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let prefix = Memo::new(move |_| {
        let typed = params::WF.text(&url).unwrap_or_default();
        // Normalised by the one rule, as the words listed are.
        lens_engine::text::tokenize::normalize(typed.trim()).into_owned()
    });
    let order = Memo::new(move |_| params::WSORT.get(&url));
    let search = expect_context::<SearchState>();
    // Always "changed" when recomputed: comparing tens of thousands of
    // rows with the last ones would cost as much as making them.
    let all = Memo::new_with_compare(
        move |_| {
            counts.with(|c| {
                c.value.as_ref().map_or_else(Vec::new, |(src, _, c)| {
                    measured("words:word-rows", || word_rows(&src.index, c, &opts.get()))
                })
            })
        },
        |_, _| true,
    );
    // The rows shown, as places in `all`: filtered and sorted without copies.
    let rows = Memo::new(move |_| -> Vec<usize> {
        let p = prefix.get();
        all.with(|a| {
            let mut ix: Vec<usize> = (0..a.len())
                .filter(|&i| a[i].word.starts_with(&p))
                .collect();
            match order.get() {
                WordOrder::Word => ix.sort_by(|&x, &y| a[x].word.cmp(&a[y].word)),
                WordOrder::Articles => ix.sort_by(|&x, &y| {
                    let (a, b) = (&a[x], &a[y]);
                    b.articles
                        .cmp(&a.articles)
                        .then(b.count.cmp(&a.count))
                        .then_with(|| a.word.cmp(&b.word))
                }),
                WordOrder::Count => {}
            }
            ix
        })
    });
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        rows.track();
        shown.set(PAGE);
    });
    let words = move || counts.with(|c| c.value.as_ref().map_or(0, |(_, _, c)| c.words));
    let sort_button = move |by: WordOrder| {
        let name = params::WSORT.option_of(by).label;
        view! {
            <button type="button" class="sort-head" aria-pressed=move || (order.get() == by).to_string()
                on:click=move |_| url.navigate(&url.href(&[(params::WSORT.name(), params::WSORT.write(by))]))>
                {name}{move || if order.get() == by { " ▾" } else { "" }}
            </button>
        }
    };
    let body = move || {
        let n = words();
        all.with(|all| {
            rows.with(|rows| {
                rows.iter()
                    .take(shown.get())
                    .map(|&i| {
                        let r = &all[i];
                        view! {
                            <tr>
                                <th scope="row">{word_links(url, &r.word, &r.forms)}</th>
                                <td class="num">{thousands(r.count)}</td>
                                <td class="num">{format!("{:.2}", per_10k(r.count, n))}</td>
                                <td class="num">{thousands(r.articles)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let more = show_more(move || rows.with(Vec::len), shown);
    let bars = move || {
        all.with(|a| {
            let top: Vec<&WordRow> = a.iter().take(BARS).collect();
            let max = top.first().map_or(1, |r| r.count.max(1));
            top.into_iter()
                .map(|r| view! {
                    <li><span class="bar-word">{r.word.clone()}</span><span class="bar" style=format!("width: {:.1}%", 100.0 * r.count as f64 / max as f64)></span><span class="n">{thousands(r.count)}</span></li>
                })
                .collect_view()
        })
    };
    let make_csv = move || {
        let n = counts.with_untracked(|c| c.value.as_ref().map_or(0, |(_, _, c)| c.words));
        let made = counted_provenance(counts, &search, None);
        all.with_untracked(|all| {
            rows.with_untracked(|rows| {
                let listed = rows.iter().map(|&i| &all[i]);
                frequency_table(
                    listed,
                    n,
                    &opts.get_untracked(),
                    &prefix.get_untracked(),
                    &made,
                )
                .to_csv()
            })
        })
    };
    view! {
        <section class="words-frequencies laid-out-later" aria-labelledby="freq-heading">
            <h3 id="freq-heading">"Word frequencies"</h3>
            <div class="list-controls">
                <label class="field">"Filter words "
                    <UrlText param=params::WF placeholder="a prefix, e.g. pay" />
                </label>
                {csv_button("corpus-lens-word-frequencies.csv", "word frequencies", make_csv)}
            </div>
            <div class="freq-layout">
                <div class="table-wrap">
                    <table class="word-table">
                        <caption>"Word frequencies"</caption>
                        <thead><tr>
                            <th scope="col">{sort_button(WordOrder::Word)}</th>
                            <th scope="col" class="num">{sort_button(WordOrder::Count)}</th>
                            <th scope="col" class="num">"Per 10,000 words"</th>
                            <th scope="col" class="num">{sort_button(WordOrder::Articles)}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                    {more}
                </div>
                <figure class="bars">
                    <figcaption>{format!("The {BARS} most frequent words (numbers in the table)")}</figcaption>
                    <ol class="word-bars" aria-hidden="true">{bars}</ol>
                </figure>
            </div>
        </section>
    }
}

/// One keyness table.
fn key_table(url: UrlQuery, caption: &'static str, rows: &[KeyRow]) -> impl IntoView {
    let body = rows
        .iter()
        .take(SHORT)
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{word_links(url, &r.word, &r.forms)}</th>
                    <td class="num">{thousands(r.selection)}</td>
                    <td class="num">{thousands(r.reference)}</td>
                    <td class="num">{format!("{:.2}", r.selection_per_10k)}</td>
                    <td class="num">{format!("{:.2}", r.reference_per_10k)}</td>
                    <td class="num">{format!("{:.2}", r.g2)}</td>
                    <td class="num">{format!("{:+.2}", r.log_ratio)}</td>
                </tr>
            }
        })
        .collect_view();
    let more = rows.len().saturating_sub(SHORT);
    view! {
        <div class="table-wrap">
            <table class="word-table">
                <caption>{format!("{caption} ({})", thousands(rows.len()))}</caption>
                <thead><tr>
                    <th scope="col">"Word"</th><th scope="col" class="num">"Selection"</th><th scope="col" class="num">"Reference"</th>
                    <th scope="col" class="num">"Selection per 10,000"</th><th scope="col" class="num">"Reference per 10,000"</th>
                    <th scope="col" class="num">"G²"</th><th scope="col" class="num">"Log ratio"</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
            {(more > 0).then(|| view! { <p class="hint">{format!("and {} more in the CSV", thousands(more))}</p> })}
        </div>
    }
}

/// Over- and under-represented words, with the words of the selection and of the reference.
type KeyLists = (Vec<KeyRow>, Vec<KeyRow>, usize, usize);

/// "Keywords of the selection": words over- and under-represented against a reference.
#[component]
fn Keyness(counts: SelectionCounts, opts: Memo<ListOptions>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let source = expect_context::<SourceSignal>();
    let n = search.corpus.articles().len();
    let reference = Memo::new(move |_| params::REF.get(&url));
    let rq = Memo::new(move |_| params::RQ.text(&url).unwrap_or_default());
    let significance = Memo::new(move |_| params::SIG.get(&url));
    let min_g2 = Memo::new(move |_| significance.get().min_g2);
    // Where the references are counted: the whole index (once: it stays
    // as the selection changes), or a sharded corpus' samples' index;
    // nowhere when the selection's counts come with the whole corpus'
    // (a sharded corpus' word lists, [`Listed`]).
    let listed = Memo::new(move |_| {
        counts.with(|c| c.value.as_ref().is_some_and(|(s, _, _)| s.whole.is_some()))
    });
    let counted_in = Memo::new(move |_| {
        if listed.get() {
            return None;
        }
        source.with(|s| s.as_ref().map(|s| (s.index.clone(), s.samples.clone())))
    });
    // The whole corpus' counts: "the rest" is the whole less the
    // selection, so a new selection costs no second pass over the corpus.
    // A sharded corpus counts the corpus' sample and the rest's.
    let whole = sliced("words:corpus-counts", move || {
        let (index, samples) = counted_in.get()?;
        let docs = samples
            .as_ref()
            .map_or_else(|| DocSet::full(n), |s| docs_of(&s.corpus, n));
        let at = index.clone();
        Some(CountJob::new(index, &docs).map_output(move |c| (at, c)))
    });
    let rest = sliced("words:rest-counts", move || {
        let (index, samples) = counted_in.get()?;
        let docs = docs_of(&samples?.rest, n);
        let at = index.clone();
        Some(CountJob::new(index, &docs).map_output(move |c| (at, c)))
    });
    // "Another search": its articles, or what is wrong with it. On a
    // sharded corpus, one made with facets alone (its articles are in the
    // metadata), measured against a selection made so: both counted whole
    // from their word lists, in one index of the corpus' words.
    let search_docs = Memo::new(move |_| -> Result<DocSet, String> {
        if reference.get() != Reference::Search {
            return Ok(DocSet::empty(n));
        }
        let q = rq.get();
        let p = parse(&q).map_err(|e| e.message)?;
        let Some(ix) = search.whole else {
            if Needs::of(&p.query) != Needs::default() || !listed.get() {
                return Err("On this corpus, published in parts, the keywords are measured against another search when both it and the selection are made with facets alone (sources, years, a section, a language or one tag), each counted whole; otherwise against the rest of the corpus or the whole corpus.".to_string());
            }
            return Ok(search
                .index
                .with(|ix| ix.matches(&p.query, search.options.get()).docs));
        };
        ix.check(&[&p.query], search.options.get())
            .map_err(|e| e.message)?;
        Ok(ix.matches(&p.query, search.options.get()).docs)
    });
    // A sharded corpus' reference search, counted from its word lists:
    // its articles and their counts (or why they cannot be), the latest.
    let listed_reference: RwSignal<Option<(DocSet, Result<Counts, String>)>> = RwSignal::new(None);
    let reference_reading = Retry::new();
    if let Some(shards) = search.shards {
        let latest = crate::search_state::Newest::new();
        Effect::new(move |_| {
            reference_reading.tries.track();
            let asked = search_docs.get();
            // A new reference: whatever an older one fetches is for it alone.
            let live = latest.ask();
            reference_reading.failed.set(None);
            let Ok(docs) = asked else { return };
            if docs.is_empty()
                || listed_reference.with_untracked(|r| r.as_ref().is_some_and(|(d, _)| *d == docs))
            {
                return;
            }
            let Some(lists) = shards.lists_for(&docs) else {
                let why = "The reference search cannot be counted whole on this corpus (its articles are not all those of some values of one facet): choose another, or the rest of the corpus.";
                listed_reference.set(Some((docs, Err(why.to_string()))));
                return;
            };
            leptos::task::spawn_local(async move {
                let counted = shards.word_counts(&lists, &docs).await;
                if !live() {
                    return;
                }
                match counted {
                    Ok((_, rc, _)) => listed_reference.set(Some((docs, Ok(rc)))),
                    Err(why) => reference_reading.failed.set(Some(why)),
                }
            });
        });
    }
    let search_counts = sliced("words:reference-counts", move || {
        let ix = search.whole?;
        let docs = search_docs.get().unwrap_or_else(|_| DocSet::empty(n));
        Some(CountJob::new(ix, &docs).map_output(move |c| (docs, c)))
    });
    let result = Memo::new(move |_| -> Result<Option<KeyLists>, String> {
        let nothing_left = "The selection is the whole corpus, so nothing is left to compare it with: search or pick facets to narrow it, or choose another reference.";
        let found_nothing = "The reference finds no article: change the reference search.";
        counts.with(|s| {
            let Some((src, sel, sc)) = &s.value else {
                return Ok(None);
            };
            let keys = |rc: &Counts| {
                let (over, under) = measured("words:keywords", || {
                    keywords(&src.index, sc, rc, &opts.get(), min_g2.get())
                });
                (over, under, sc.words, rc.words)
            };
            // Counts made in the selection's own index (a sharded
            // corpus' samples are indexed together: the same word ids).
            let same = |at: &Shared<Index>| *at == src.index;
            let selected = src.samples.as_ref().map_or(sel.len(), |s| s.selection.of);
            match reference.get() {
                Reference::Rest if selected == n => Err(nothing_left.to_string()),
                Reference::Rest if src.whole.is_some() => {
                    Ok(src.whole.as_ref().map(|w| keys(&w.minus(sc))))
                }
                Reference::Whole if src.whole.is_some() => Ok(src.whole.as_deref().map(keys)),
                Reference::Search if search.shards.is_some() => {
                    let docs = search_docs.get()?;
                    if docs.is_empty() {
                        return Err(found_nothing.to_string());
                    }
                    listed_reference.with(|r| match r {
                        Some((rd, Ok(rc))) if *rd == docs => Ok(Some(keys(rc))),
                        Some((rd, Err(why))) if *rd == docs => Err(why.clone()),
                        _ => Ok(None),
                    })
                }
                Reference::Search => {
                    let docs = search_docs.get()?;
                    if docs.is_empty() {
                        return Err(found_nothing.to_string());
                    }
                    Ok(search_counts.with(|r| match &r.value {
                        // Only counts of the reference search as it stands now.
                        Some((rd, rc)) if *rd == docs => Some(keys(rc)),
                        _ => None,
                    }))
                }
                Reference::Rest if src.samples.is_some() => Ok(rest.with(|r| {
                    r.value
                        .as_ref()
                        .filter(|(at, _)| same(at))
                        .map(|(_, rc)| keys(rc))
                })),
                which => Ok(whole.with(|w| {
                    w.value.as_ref().filter(|(at, _)| same(at)).map(|(_, wc)| {
                        if which == Reference::Rest {
                            keys(&wc.minus(sc))
                        } else {
                            keys(wc)
                        }
                    })
                })),
            }
        })
    });
    let make_csv = move || {
        let no_lists = (Vec::new(), Vec::new(), 0, 0);
        result.with_untracked(|r| {
            let (over, under, c, d) = match r {
                Ok(Some(lists)) => lists,
                _ => &no_lists,
            };
            let against = match reference.get_untracked() {
                Reference::Search => format!("Search: {}", rq.get_untracked()),
                which => params::REF.option_of(which).label.to_string(),
            };
            let settings = KeynessSettings {
                reference: against,
                selection_words: *c,
                reference_words: *d,
                significance: significance.get_untracked(),
                opts: opts.get_untracked(),
            };
            let made = counted_provenance(counts, &search, Some(reference.get_untracked()));
            keyword_table(over, under, &settings, &made).to_csv()
        })
    };
    view! {
        <section class="words-keyness laid-out-later" aria-labelledby="keyness-heading">
            <h3 id="keyness-heading">"Keywords of the selection"</h3>
            <div class="list-controls">
                <UrlSelect label="Reference" param=params::REF.param class="field" />
                <Show when=move || reference.get() == Reference::Search>
                    <label class="field">"Reference search "
                        <UrlText param=params::RQ />
                    </label>
                </Show>
                <UrlSelect label="Significance" param=params::SIG.param class="field" />
                {csv_button("corpus-lens-keywords.csv", "keywords of the selection", make_csv)}
            </div>
            {move || reference_reading.alert()}
            {move || match result.get() {
                Err(message) => view! { <p class="empty">{message}</p> }.into_any(),
                Ok(None) => view! { <p class="hint">"Counting…"</p> }.into_any(),
                Ok(Some((over, under, _, _))) => view! {
                    <div class="key-tables">
                        {key_table(url, "Over-represented", &over)}
                        {key_table(url, "Under-represented", &under)}
                    </div>
                    <super::MeaningOf measures=&[KEYNESS_G2, LOG_RATIO] section=lens_engine::stats::measures::SECTION_KEYWORDS />
                }.into_any(),
            }}
        </section>
    }
}

/// "Frequent phrases": sequences of 2 to 5 words within a title, heading or paragraph.
#[component]
fn Phrases(counts: SelectionCounts) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let len = Memo::new(move |_| params::PLEN.number_or_default(&url) as usize);
    let min = Memo::new(move |_| params::PMIN.number_or_default(&url) as usize);
    let stop_edges = Memo::new(move |_| params::stop_choice(&url, &params::PSTOP));
    // Started once the selection's counts are in (they come first: the
    // summary and the word list wait on them), on the same articles.
    let found = sliced("words:phrases", move || {
        counts.with(|c| {
            let (src, docs, _) = c.value.as_ref().filter(|_| !c.busy)?;
            Some(PhraseJob::new(
                src.index.clone(),
                docs,
                len.get(),
                min.get(),
                &stop_edges.get(),
            ))
        })
    });
    let rows = Memo::new(move |_| found.with(|f| f.value.clone().unwrap_or_default()));
    let shown = RwSignal::new(SHORT);
    let body = move || {
        rows.with(|rows| {
            rows.iter()
                .take(shown.get())
                .map(|r| {
                    let q = as_query(&r.phrase);
                    let href = url.link(&[
                        (params::VIEW.name(), None),
                        (params::Q.name, Some(q.as_str())),
                        (params::ARTICLE.name, None),
                    ]);
                    let (phrase, count, articles) =
                        (r.phrase.clone(), thousands(r.count), thousands(r.articles));
                    view! {
                        <tr>
                            <th scope="row"><QueryLink href=href>{phrase}</QueryLink></th>
                            <td class="num">{count}</td>
                            <td class="num">{articles}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let more = show_more(move || rows.with(Vec::len), shown);
    let make_csv = move || {
        rows.with_untracked(|rows| {
            let (len, min, edges) = (
                len.get_untracked(),
                min.get_untracked(),
                &stop_edges.get_untracked(),
            );
            let made = counted_provenance(counts, &search, None);
            phrase_table(rows, len, min, edges, &made).to_csv()
        })
    };
    view! {
        <section class="words-phrases laid-out-later" aria-labelledby="phrases-heading">
            <h3 id="phrases-heading">"Frequent phrases"</h3>
            <p class="hint">"Runs of words within one sentence or clause: a phrase never crosses a title, heading or paragraph, nor a mark that ends a sentence or clause (. , ; : ! ? …, a dash, a bracket or a quotation mark), so “However, WeChat” holds none."</p>
            <div class="list-controls">
                <UrlNumber label="Phrase length" param=params::PLEN />
                <UrlNumber label="At least" param=params::PMIN after="times" />
                <UrlCheckbox label="Leave out phrases that start or end with a stop word" param=params::PSTOP />
                {csv_button("corpus-lens-phrases.csv", "frequent phrases", make_csv)}
            </div>
            <div class="table-wrap">
                <table class="word-table">
                    <caption>"Frequent phrases"</caption>
                    <thead><tr><th scope="col">"Phrase"</th><th scope="col" class="num">"Count"</th><th scope="col" class="num">"Articles"</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
                {more}
            </div>
        </section>
    }
}

/// The most periods a sparkline marks with a dot each.
const SPARK_DOTS: usize = 24;

/// A small chart of a word's rates per period: a dot for each period with
/// articles (up to [`SPARK_DOTS`] of them), a line through them, and the
/// fitted line dashed. Decorative: the table and the CSV hold the numbers.
fn sparkline(r: &lens_engine::stats::words::TrendRow) -> impl IntoView {
    let (w, h, pad) = (84.0, 20.0, 2.5);
    let max = r
        .rates
        .iter()
        .flatten()
        .copied()
        .chain([r.fitted.0, r.fitted.1])
        .fold(0.0, f64::max)
        .max(1e-9);
    let n = (r.rates.len().max(2) - 1) as f64;
    let x = |i: usize| pad + i as f64 / n * (w - 2.0 * pad);
    let y = |v: f64| h - pad - v.clamp(0.0, max) / max * (h - 2.0 * pad);
    let points: Vec<(f64, f64)> = r
        .rates
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (x(i), y(v))))
        .collect();
    let mut d = String::new();
    for (k, (px, py)) in points.iter().enumerate() {
        d.push_str(&format!(
            "{}{px:.1},{py:.1}",
            if k == 0 { "M" } else { "L" }
        ));
    }
    let first = r.rates.iter().position(Option::is_some).unwrap_or(0);
    let last = r.rates.iter().rposition(Option::is_some).unwrap_or(0);
    let fit = format!(
        "M{:.1},{:.1}L{:.1},{:.1}",
        x(first),
        y(r.fitted.0),
        x(last),
        y(r.fitted.1)
    );
    // A dot per period while they stand apart (84 px hold about 24); over
    // more (730 days) the line alone: 50 rows of 730 dots each took a
    // 100 ms task, for dots that would merge into the line.
    let dots = (points.len() <= SPARK_DOTS).then(|| {
        points
            .into_iter()
            .map(
                |(cx, cy)| view! { <circle cx=format!("{cx:.1}") cy=format!("{cy:.1}") r="1.6" /> },
            )
            .collect_view()
    });
    view! {
        <svg class="sparkline" width=w height=h viewBox=format!("0 0 {w} {h}") aria-hidden="true">
            <path class="spark-fit" d=fit />
            <path d=d fill="none" stroke="currentColor" stroke-width="1" opacity="0.6" />
            <g fill="currentColor">{dots}</g>
        </svg>
    }
}

/// One rising or falling table.
fn trend_table(
    url: UrlQuery,
    caption: &'static str,
    rf: &RisingFalling,
    rows: &[lens_engine::stats::words::TrendRow],
) -> impl IntoView {
    let periods = rf.period_words.iter().filter(|&&w| w > 0).count();
    let unit = unit_of(rf);
    let body = rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{word_links(url, &r.word, &r.forms)}</th>
                    <td class="num">{format!("{:+.3}", r.slope)}</td>
                    <td class="num">{format!("{:.2} → {:.2}", r.fitted.0, r.fitted.1)}</td>
                    <td>{sparkline(r)}</td>
                    <td class="num">{format!("{} of {periods}", r.periods_with)}</td>
                    <td class="num">{thousands(r.count)}</td>
                </tr>
            }
        })
        .collect_view();
    let (y0, y1) = (
        rf.periods.first().map(|p| p.label()).unwrap_or_default(),
        rf.periods.last().map(|p| p.label()).unwrap_or_default(),
    );
    view! {
        <div class="table-wrap">
            <table class="word-table trend-table">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">"Word"</th>
                    <th scope="col" class="num">{format!("Slope per {unit}")}</th>
                    <th scope="col" class="num">{format!("Fitted per 10,000, first → last {unit}")}</th>
                    <th scope="col">{format!("{y0}–{y1}")}</th>
                    <th scope="col" class="num">{format!("{}s with it", grain_of(rf).name())}</th>
                    <th scope="col" class="num">"Count"</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The grain of a rising and falling list.
fn grain_of(rf: &RisingFalling) -> Grain {
    rf.periods.first().map_or(Grain::Year, |p| p.grain)
}

/// The grain of a rising and falling list, in words ("month").
fn unit_of(rf: &RisingFalling) -> String {
    grain_of(rf).name().to_lowercase()
}

/// What a rising and falling list rests on: the periods fitted and how
/// much each weighs, and the articles left out at the grain.
fn fit_basis(rf: &RisingFalling) -> String {
    let unit = unit_of(rf);
    let total: usize = rf.period_words.iter().sum();
    let periods = rf.period_words.iter().filter(|&&w| w > 0).count();
    let heaviest = rf
        .periods
        .iter()
        .zip(&rf.period_words)
        .max_by_key(|&(_, &w)| w)
        .map(|(p, &w)| (p.label(), w));
    let share = |w: usize| 100.0 * w as f64 / total.max(1) as f64;
    let mut out =
        format!("Fitted over {periods} {unit}s with articles, each weighted by its words");
    if let Some((y, w)) = heaviest {
        out.push_str(&format!(
            " ({y} carries the most, {:.0}% of {} words)",
            share(w),
            thousands(total)
        ));
    }
    if rf.left_out > 0 {
        out.push_str(&format!(
            "; {} article{} dated less precisely than a {unit} {} left out",
            thousands(rf.left_out),
            if rf.left_out == 1 { "" } else { "s" },
            if rf.left_out == 1 { "is" } else { "are" }
        ));
    }
    out.push_str(&format!(". Slope: the weighted least-squares line's change in rate per 10,000 words per {unit}; fitted: that line's rate at the first and the last {unit}. A {unit}'s own rate can say otherwise when it has few words. Chart: dots are the {unit}s' own rates, dashed the fitted line."));
    out
}

/// "Rising and falling words": the steepest weighted least-squares slopes of the yearly rates.
#[component]
fn RisingFallingBlock(counts: SelectionCounts, opts: Memo<ListOptions>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    // The grain chosen (grain=), or Auto's for the selection.
    let chosen = Memo::new(move |_| params::GRAIN.get(&url));
    // On the selection the counts were made from, once they are.
    let found = sliced("words:trends", move || {
        let chosen = chosen.get();
        counts.with(|c| {
            let (src, docs, c) = c.value.as_ref().filter(|_| !c.busy)?;
            let grain = chosen
                .unwrap_or_else(|| lens_engine::stats::trends::auto_grain(search.corpus, docs));
            Some(TrendJob::new(
                src.index.clone(),
                docs,
                c,
                opts.get(),
                MIN_TREND_COUNT,
                SHORT,
                grain,
            ))
        })
    });
    let result = Memo::new(move |_| found.with(|f| f.value.clone()).unwrap_or(Err(0)));
    let make_csv = move || {
        let none = RisingFalling {
            periods: Vec::new(),
            period_words: Vec::new(),
            left_out: 0,
            rising: Vec::new(),
            falling: Vec::new(),
        };
        result.with_untracked(|r| {
            let rf = r.as_ref().unwrap_or(&none);
            let made = counted_provenance(counts, &search, None);
            rising_falling_table(rf, &opts.get_untracked(), &made).to_csv()
        })
    };
    view! {
        <section class="words-trends laid-out-later" aria-labelledby="rising-heading">
            <h3 id="rising-heading">"Rising and falling words"</h3>
            <div class="list-controls">
                <p class="hint">{format!("Words seen at least {MIN_TREND_COUNT} times, by the slope of their rate per 10,000 words over the periods with articles, at the grain (least squares, each period weighted by its words).")}</p>
                {csv_button("corpus-lens-rising-falling.csv", "rising and falling words", make_csv)}
            </div>
            {move || match result.get() {
                Err(n) => view! {
                    <p class="empty">{format!("The selection has articles in {n} period{} of the grain: a trend needs at least 3. Widen the selection, or choose a finer grain.", if n == 1 { "" } else { "s" })}</p>
                }.into_any(),
                Ok(rf) => view! {
                    <p class="hint">{fit_basis(&rf)}" "{super::formulas_link(lens_engine::stats::measures::SECTION_RISING)}"."</p>
                    <div class="key-tables">
                        {trend_table(url, "Rising and falling words: rising", &rf, &rf.rising)}
                        {trend_table(url, "Rising and falling words: falling", &rf, &rf.falling)}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// The per-period list's class: its labels' column as wide as the grain's
/// labels ("2019", "Jul 2019", "23 Dec 2025").
fn bars_class(grain: Grain) -> &'static str {
    match grain {
        Grain::Year => "year-bars",
        Grain::Quarter | Grain::Month => "year-bars months",
        Grain::Week | Grain::Day => "year-bars days",
    }
}
