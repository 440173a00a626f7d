//! Compare: two articles side by side, with what they share and what sets each apart.
//!
//! URL parameters: `left` and `right` (article ids), `n` (shortest shared
//! passage, 3 to 12 words; 5 by default), `stop=0` (keep stop words in the
//! lists and the similarity), `forms=1` (merge word forms, as in search),
//! `link=0` (scroll the columns separately).

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Arc;

use crate::params;
use crate::url_state::QueryLink;
use crate::views::stop_list::StopWords;
use crate::views::{marked_article, Retry, UrlCheckbox, UrlNumber, WordFormsToggle};
use lens_engine::index::layout::{Edge, Layout};
use lens_engine::index::Index;
use lens_engine::search::highlight::mark_article;
use lens_engine::stats::compare::{
    compare, compare_with_df, comparison_table, CompareOptions, Comparison, Passage, Similarity,
    WordChoice, WordScore,
};
use lens_engine::stats::measures::COMPARE_G2;
use lens_engine::text::lexicon::BREAK;
use lens_engine::Corpus;
use leptos::html;
use leptos::prelude::*;

use crate::search_state::{whole_index, Newest, SearchState, Shared};
use crate::shards::Shards;
use crate::url_state::UrlQuery;
use crate::views::thousands;

/// Which column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn param(self) -> &'static str {
        match self {
            Side::Left => params::LEFT.name,
            Side::Right => params::RIGHT.name,
        }
    }
}

/// What a pair is compared on: the corpus and index with the two
/// articles' words (the whole ones; a sharded corpus', its metadata with
/// the pair's texts put in), and, for a sharded corpus, each of the
/// index's terms' articles in the whole corpus, from its dictionary (0 for
/// words not in the pair: never weighed).
#[derive(Clone, PartialEq)]
struct Pair {
    corpus: Shared<Corpus>,
    index: Shared<Index>,
    df: Option<Arc<Vec<u32>>>,
}

/// A sharded corpus' pair: the two texts fetched, put in the metadata and
/// indexed in slices (numbered as the corpus), then the articles of each of
/// their words read from the dictionary (one round trip): `None` until the
/// current pair is read.
fn read_pair(
    search: SearchState,
    shards: Shards,
    left: Memo<Option<usize>>,
    right: Memo<Option<usize>>,
) -> (Memo<Option<Pair>>, Retry) {
    let corpus = search.corpus;
    let built = RwSignal::new(None::<((usize, usize), Pair)>);
    let reading = Retry::new();
    let latest = Newest::new();
    Effect::new(move |_| {
        reading.tries.track();
        let (Some(l), Some(r)) = (left.get(), right.get()) else {
            return;
        };
        if built.with_untracked(|b| b.as_ref().is_some_and(|(k, _)| *k == (l, r))) {
            return;
        }
        let live = latest.ask();
        reading.failed.set(None);
        leptos::task::spawn_local(async move {
            let fail = move |why: String| {
                if live() {
                    reading.failed.set(Some(why));
                }
            };
            let (with, index) = match shards.index_texts(corpus, &[l, r], live).await {
                Ok(Some(indexed)) => indexed,
                Ok(None) => return,
                Err(why) => return fail(why),
            };
            // Each word of the pair, and its articles in the whole corpus.
            let mut ids: Vec<u32> = [l, r]
                .iter()
                .flat_map(|&d| index.words_of(d).iter())
                .filter(|&t| t != BREAK)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let words: Vec<String> = ids.iter().map(|&t| index.term(t).to_string()).collect();
            let counts = match shards.doc_counts(&words).await {
                Ok(c) => c,
                Err(why) => return fail(why),
            };
            if !live() {
                return;
            }
            let mut df = vec![0u32; index.vocabulary_len()];
            for (&t, c) in ids.iter().zip(counts) {
                df[t as usize] = c;
            }
            built.set(Some((
                (l, r),
                Pair {
                    corpus: Shared::Part(with),
                    index: Shared::Part(Arc::new(index)),
                    df: Some(Arc::new(df)),
                },
            )));
        });
    });
    let pair = Memo::new(move |_| {
        let key = (left.get()?, right.get()?);
        built.with(|b| {
            b.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, p)| p.clone())
        })
    });
    (pair, reading)
}

/// The Compare view.
#[component]
pub fn CompareView() -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let pick = move |side: Side| {
        Memo::new(move |_| {
            url.get(side.param())
                .and_then(|id| corpus.find(&id).map(|(i, _)| i))
        })
    };
    let (left, right) = (pick(Side::Left), pick(Side::Right));
    let words = Memo::new(move |_| WordChoice {
        stop: params::stop_choice(&url, &params::STOP),
        forms: params::FORMS.flag(&url),
    });
    // Every listed word (the lists show the first ones, and the rest on request).
    let options = Memo::new(move |_| CompareOptions {
        min_passage: params::N.number_or_default(&url) as usize,
        words: words.get(),
        list_len: usize::MAX,
    });
    let (pair, reading) = match search.shards {
        Some(shards) => {
            let (pair, reading) = read_pair(search, shards, left, right);
            (pair, Some(reading))
        }
        None => {
            let pair = Pair {
                corpus: Shared::Whole(corpus),
                index: Shared::Whole(whole_index()),
                df: None,
            };
            (Memo::new(move |_| Some(pair.clone())), None)
        }
    };
    // The whole index, where there is one: Most similar articles and a
    // pair's standing weigh every article (a sharded corpus has neither).
    let whole = search.whole.map(|_| whole_index());
    // Where this pair's similarity stands among the left article's pairs:
    // (its rank, the pairs, the lowest and the highest similarity).
    // The model weighs the whole corpus: built once per way of counting
    // words (when a pair is first shown), not for every pair.
    let model =
        Memo::new(move |_| whole.map(|ix| Model(Arc::new(Similarity::new(ix, &words.get())))));
    let standing = Memo::new(move |_| {
        let (l, r) = (left.get()?, right.get()?);
        let ranked = model.with(|m| m.as_ref().map(|m| m.0.most_similar(l)))?;
        let rank = ranked.iter().position(|&(d, _)| d == r)? + 1;
        let lo = ranked.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let hi = ranked.iter().map(|p| p.1).fold(0.0, f64::max);
        Some((rank, ranked.len(), lo, hi))
    });
    let linked = Memo::new(move |_| params::LINK.flag(&url));
    // The comparison, and its similarity where it can be given: with a
    // sharded corpus' word forms merged, a word's articles would be those
    // of any of its forms, which its dictionary does not count.
    let comparison = Memo::new(move |_| {
        let (l, r, p) = (left.get()?, right.get()?, pair.get()?);
        let opts = options.get();
        Some(match &p.df {
            None => {
                let c = compare(&p.index, l, r, opts);
                (Some(c.similarity), c)
            }
            Some(df) => {
                match compare_with_df(&p.index, l, r, opts.clone(), &|t| df[t as usize] as usize) {
                    Some(c) => (Some(c.similarity), c),
                    None => (None, compare(&p.index, l, r, opts)),
                }
            }
        })
    });
    // The passage being pointed at (hover or focus): its twin lights up too.
    let active = RwSignal::new(None::<usize>);
    // Behind a prerendered page, the two texts are drawn a task after the
    // rest (takeover::later).
    let texts = crate::takeover::later(1);

    let body = move || {
        if let (Some(_), Some(_), Some(r)) = (left.get(), right.get(), reading) {
            if let Some(alert) = r.alert() {
                return alert;
            }
            if pair.with(Option::is_none) {
                return view! { <p class="notice" role="status"><span class="fetching">"Reading the two articles…"</span></p> }.into_any();
            }
        }
        let (Some(l), Some(r), Some((similarity, c))) = (left.get(), right.get(), comparison.get())
        else {
            return view! {
                <p class="empty">"Choose two articles to compare them side by side."</p>
                {move || whole.and(left.get()).map(|l| view! { <MostSimilar doc=l open=true /> })}
            }
            .into_any();
        };
        let Some(p) = pair.get() else {
            return ().into_any();
        };
        let passages = Arc::new(c.passages.clone());
        let scroller = Scroller::new(linked);
        let (left_id, right_id) = (
            corpus.articles()[l].id.clone(),
            corpus.articles()[r].id.clone(),
        );
        let for_csv = c.clone();
        let make_csv = move || {
            comparison_table(
                &for_csv,
                &left_id,
                &right_id,
                &words.get_untracked(),
                &super::provenance(&search),
            )
            .to_csv()
        };
        // The lists first, where they are seen; the texts after them.
        view! {
            <Summary corpus=corpus left=l right=r comparison=c.clone() similarity=similarity standing=standing.get() />
            <div class="list-controls">
                <h3 class="lists-heading">"Words"</h3>
                {super::csv_button("corpus-lens-compare.csv", "shared and distinctive words", make_csv)}
            </div>
            <div class="word-lists">
                <WordList title="Shared terms" words=c.shared.clone() score_name=None />
                <WordList title="Distinctive to left" words=c.distinctive_left.clone() score_name=Some("G²") />
                <WordList title="Distinctive to right" words=c.distinctive_right.clone() score_name=Some("G²") />
            </div>
            <super::MeaningOf measures=&[COMPARE_G2] section=lens_engine::stats::measures::SECTION_KEYWORDS />
            <PassageList pair=p.clone() left=l passages=passages.clone() active=active truncated=c.passages_truncated scroller=scroller.clone() />
            {move || texts.get().then(|| view! { <Columns corpus=p.corpus.clone() left=l right=r passages=passages.clone() active=active scroller=scroller.clone() /> })}
            {whole.map(|_| view! { <MostSimilar doc=l open=false /> })}
        }
        .into_any()
    };

    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare"</h2>
            <div class="compare-controls">
                <Chooser side=Side::Left label="Left article" chosen=left />
                <Chooser side=Side::Right label="Right article" chosen=right />
                <UrlNumber label="Shared passages of at least" param=params::N after="words" />
                <UrlCheckbox label="Leave out stop words" param=params::STOP />
                <WordFormsToggle />
                <UrlCheckbox label="Scroll together" param=params::LINK />
            </div>
            <StopWords id="compare" />
            {move || {
                let text = search.text.get();
                (!text.trim().is_empty()).then(|| {
                    let n = search.matches.with(|m| m.docs.len());
                    view! {
                        <p class="hint search-effect">{format!(
                            "The search “{}” matches {} of {} articles: they come first in the choosers, and the passages and words are marked as usual.{}",
                            text.trim(), thousands(n), thousands(search.corpus.articles().len()),
                            if search.corpus.articles().len() > CHOOSER_MOST { "" } else { " Every article can still be chosen." }
                        )}</p>
                    }
                })
            }}
            {body}
        </section>
    }
}

/// A chooser of one side's article: every article, the search's matches first.
#[component]
fn Chooser(side: Side, label: &'static str, chosen: Memo<Option<usize>>) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let corpus = search.corpus;
    let id = format!("choose-{}", side.param());
    let n = corpus.articles().len();
    // Every article stays one choice away: with a search, its matches come
    // first in a group of their own and the others follow in another. Past
    // CHOOSER_MOST articles, the first of them (and the chosen one): the
    // search narrows them.
    let options = move || {
        let searching = search.text.with(|t| !t.trim().is_empty());
        let matched: Vec<bool> = search.matches.with(|m| {
            let mut v = vec![false; n];
            m.docs.iter().for_each(|d| v[d] = true);
            v
        });
        let now = chosen.get();
        let option = move |d: usize| {
            let a = &corpus.articles()[d];
            view! { <option value=a.id.clone() selected=now == Some(d)>{format!("{} · {}", a.display_date(), a.title)}</option> }
        };
        // At most `most` of `docs`, the chosen one kept among them.
        let listed = move |mut docs: Vec<usize>, most: usize| {
            let keep = now.filter(|c| docs.binary_search(c).is_ok_and(|i| i >= most));
            docs.truncate(most);
            docs.extend(keep);
            docs
        };
        if !searching {
            return listed((0..n).collect(), CHOOSER_MOST)
                .into_iter()
                .map(option)
                .collect_view()
                .into_any();
        }
        let (hits, rest): (Vec<usize>, Vec<usize>) = (0..n).partition(|&d| matched[d]);
        let text = search.text.get();
        let (hit_label, rest_label) = (
            format!("Matching “{}” ({})", text.trim(), thousands(hits.len())),
            format!("Other articles ({})", thousands(rest.len())),
        );
        let hits = listed(hits, CHOOSER_MOST);
        let rest = listed(rest, CHOOSER_MOST.saturating_sub(hits.len()));
        view! {
            <optgroup label=hit_label>
                {hits.into_iter().map(option).collect_view()}
            </optgroup>
            <optgroup label=rest_label>
                {rest.into_iter().map(option).collect_view()}
            </optgroup>
        }
        .into_any()
    };
    let on_change = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.navigate(&url.href(&[(side.param(), (!v.is_empty()).then_some(v.as_str()))]));
    };
    let capped = n > CHOOSER_MOST;
    let hint = format!("{id}-hint");
    view! {
        <div class="field chooser">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=on_change aria-describedby=capped.then(|| hint.clone())>
                <option value="" selected=move || chosen.get().is_none()>"— choose an article —"</option>
                {options}
            </select>
            {capped.then(|| view! {
                <span class="hint" id=hint>{format!("Lists {} of the {} articles, the search's matches first: search to narrow them.", thousands(CHOOSER_MOST), thousands(n))}</span>
            })}
        </div>
    }
}

/// The most articles a chooser lists: one `<option>` each, and two
/// choosers of sotu-x40's 9,960 took the browser half a second to draw,
/// and almost a second again for each search answered.
const CHOOSER_MOST: usize = 1_000;

/// Titles, dates and sizes of both, with the similarity and what they share.
#[component]
fn Summary(
    corpus: &'static Corpus,
    left: usize,
    right: usize,
    comparison: Comparison,
    /// The similarity, where it can be given (not a sharded corpus' with
    /// word forms merged).
    similarity: Option<f64>,
    /// This pair's rank among the left article's pairs, their number, and
    /// the lowest and highest similarity among them.
    standing: Option<(usize, usize, f64, f64)>,
) -> impl IntoView {
    let place = standing.map(|(rank, n, lo, hi)| {
        format!(
            "{} of the left article's {} pairs (from {:.0}% to {:.0}%)",
            match rank {
                1 => "The most similar".to_string(),
                r => format!("The {} most similar", ordinal(r)),
            },
            thousands(n),
            lo * 100.0,
            hi * 100.0
        )
    });
    let side = |d: usize, name: &'static str| {
        let a = &corpus.articles()[d];
        view! {
            <div class="summary-side">
                <span class="side-name">{name}</span>
                <strong>{a.title.clone()}</strong>
                <span class="hint">{format!("{} · {} words", a.display_date(), thousands(corpus.word_count(d)))}</span>
            </div>
        }
    };
    view! {
        <div class="summary" role="group" aria-label="Summary">
            {side(left, "Left")}
            <dl class="figures">
                <div><dt>"Similarity"</dt>
                    {match similarity {
                        Some(sim) => view! { <dd>{format!("{:.0}%", sim * 100.0)}</dd> }.into_any(),
                        None => view! {
                            <dd>"—"</dd>
                            <dd class="hint standing">"Not with word forms merged on a corpus published in parts: a word's weight needs the articles of all its forms, which this site does not fetch."</dd>
                        }.into_any(),
                    }}
                    {place.map(|p| view! { <dd class="hint standing">{p}</dd> })}</div>
                <div><dt>"Words in both"</dt><dd>{thousands(comparison.shared_word_count)}</dd></div>
                <div><dt>"Shared passages"</dt><dd>{format!("{}{}", thousands(comparison.passages.len()), if comparison.passages_truncated { "+" } else { "" })}</dd></div>
            </dl>
            {side(right, "Right")}
            <SimilarityExplained />
        </div>
    }
}

/// "2nd", "3rd", "11th", "22nd".
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How the similarity figure is computed and how to read it.
#[component]
fn SimilarityExplained() -> impl IntoView {
    view! {
        <details class="explain">
            <summary>"How similarity is computed"</summary>
            <p>"Each article is a list of its words, each weighted by how often the article uses it and how rare it is in the corpus (TF-IDF: count × (ln((1 + N) ÷ (1 + df)) + 1), with N the articles of the corpus and df those using the word). Similarity is the cosine of the two lists: 100 % means the same words in the same proportions, 0 % no word in common."</p>
            <p>"It counts the words the lists show: words with a letter (not “e” of “e-commerce”, not numbers), stop words left out while “Leave out stop words” is on, a word’s forms as one while “Match word forms” is on."</p>
            <p>"Read it to rank pairs within this corpus (see Most similar articles), not as an absolute score: articles on one subject share many words, and a long article shares more with anything."</p>
            <p>{super::formulas_link(lens_engine::stats::measures::SECTION_SIMILARITY)}"."</p>
        </details>
    }
}

/// A cheap handle on a similarity model, compared by identity: a `Memo`
/// holds it without comparing two models word by word.
#[derive(Clone)]
struct Model(Arc<Similarity>);

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Articles shown at first in Most similar articles; the rest on request.
const SIMILAR_SHOWN: usize = 10;

/// Every other article ranked by its similarity to `doc`, each opening the
/// pair in Compare. The model weighs the whole corpus, so it is built only
/// once the list is open.
#[component]
pub fn MostSimilar(
    /// The article.
    doc: usize,
    /// Open at first.
    open: bool,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let ix = whole_index();
    let corpus = search.corpus;
    let is_open = RwSignal::new(open);
    let shown = RwSignal::new(SIMILAR_SHOWN);
    let words = Memo::new(move |_| WordChoice {
        stop: params::stop_choice(&url, &params::STOP),
        forms: params::FORMS.flag(&url),
    });
    let model = Memo::new(move |_| {
        is_open
            .get()
            .then(|| Model(Arc::new(Similarity::new(ix, &words.get()))))
    });
    let rows = move || {
        let m = model.get()?;
        let ranked = m.0.most_similar(doc);
        let n = ranked.len();
        let left_id = corpus.articles()[doc].id.clone();
        let items = ranked
            .into_iter()
            .take(shown.get())
            .map(|(d, sim)| {
                let a = &corpus.articles()[d];
                let href = url.href(&[
                    (params::VIEW.name(), params::VIEW.write(params::View::Compare)),
                    (params::LEFT.name, Some(&*left_id)),
                    (params::RIGHT.name, Some(&*a.id)),
                    (params::ARTICLE.name, None),
                    (params::MATCH.name, None),
                ]);
                view! {
                    <li>
                        <QueryLink href=href>{a.title.clone()}</QueryLink>
                        <span class="hint">{format!(" · {} · {:.0}%", a.display_date(), sim * 100.0)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ol class="similar-list">{items}</ol>
            {(n > shown.get()).then(|| view! {
                <button type="button" class="more" on:click=move |_| shown.update(|s| *s += SIMILAR_SHOWN * 5)>
                    {format!("Show {} more", (n - shown.get()).min(SIMILAR_SHOWN * 5))}
                </button>
            })}
        })
    };
    view! {
        <details class="most-similar" open=open on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            is_open.set(el.open());
        }>
            <summary>"Most similar articles"</summary>
            <p class="hint">"Every other article, most similar first (similarity as in Compare); each opens the pair."</p>
            {rows}
        </details>
    }
}

/// One word list: each word with its counts on both sides.
#[component]
fn WordList(
    title: &'static str,
    words: Vec<WordScore>,
    score_name: Option<&'static str>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let n = words.len();
    // Fewer at first on a phone, where the lists stand one under another
    // above the texts.
    let narrow = window()
        .match_media("(max-width: 48rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let first = if narrow {
        LIST_SHOWN_NARROW
    } else {
        LIST_SHOWN
    };
    let shown = RwSignal::new(first);
    let words = Arc::new(words);
    let rows = {
        let words = words.clone();
        move || {
            words
                .iter()
                .take(shown.get())
                .map(|w| {
                    view! {
                        <tr>
                            <th scope="row">{super::word_links(url, &w.word, &w.forms)}</th>
                            <td class="num">{w.left}</td>
                            <td class="num">{w.right}</td>
                            {score_name.map(|_| view! { <td class="num">{format!("{:.1}", w.score)}</td> })}
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class="word-list-box">
            <table class="word-list">
                <caption>{format!("{title} ({})", thousands(n))}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Word"</th><th scope="col" class="num">"Left"</th><th scope="col" class="num">"Right"</th>
                        {score_name.map(|s| view! { <th scope="col" class="num">{s}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || (n > shown.get()).then(|| view! {
                <button type="button" class="more" on:click=move |_| shown.update(|s| *s += LIST_SHOWN * 4)>
                    {format!("Show {} more", thousands((n - shown.get()).min(LIST_SHOWN * 4)))}
                </button>
            })}
        </div>
    }
}

/// Words a list shows at first.
const LIST_SHOWN: usize = 15;
/// Words a list shows at first on a narrow screen.
const LIST_SHOWN_NARROW: usize = 5;

fn passage_id(side: Side, k: usize) -> String {
    format!("passage-{}-{k}", side.param())
}

/// The two columns' scrolling: linked by how far each moves (in proportion
/// to their lengths), not by where each stands, so that after a passage is
/// followed (both twins centred) linked scrolling goes on from there.
#[derive(Clone)]
struct Scroller {
    cols: [NodeRef<html::Div>; 2],
    /// Per column: its next scroll event is one this page caused (not echoed back).
    echo: Arc<[AtomicBool; 2]>,
    /// Per column: where it stood at its last scroll event.
    last: Arc<[AtomicI32; 2]>,
    linked: Memo<bool>,
}

impl Scroller {
    fn new(linked: Memo<bool>) -> Scroller {
        Scroller {
            cols: [NodeRef::new(), NodeRef::new()],
            echo: Arc::new([AtomicBool::new(false), AtomicBool::new(false)]),
            last: Arc::new([AtomicI32::new(0), AtomicI32::new(0)]),
            linked,
        }
    }

    /// Moves column `i` to `top` (clamped); its scroll event will be ignored.
    fn set(&self, i: usize, top: f64) {
        let Some(c) = self.cols[i].get_untracked() else {
            return;
        };
        let max = (c.scroll_height() - c.client_height()).max(0);
        let top = (top.round() as i32).clamp(0, max);
        if top != c.scroll_top() {
            self.echo[i].store(true, Ordering::Relaxed);
            c.set_scroll_top(top);
        }
    }

    /// Column `i` scrolled: while linked, the other moves as far, in proportion.
    fn scrolled(&self, i: usize) {
        let Some(a) = self.cols[i].get_untracked() else {
            return;
        };
        let top = a.scroll_top();
        let delta = top - self.last[i].swap(top, Ordering::Relaxed);
        if self.echo[i].swap(false, Ordering::Relaxed) || !self.linked.get_untracked() {
            return;
        }
        let j = 1 - i;
        if let Some(b) = self.cols[j].get_untracked() {
            let range_a = (a.scroll_height() - a.client_height()).max(1) as f64;
            let range_b = (b.scroll_height() - b.client_height()).max(0) as f64;
            self.set(j, b.scroll_top() as f64 + delta as f64 * range_b / range_a);
        }
    }

    /// Centres passage `k` in both columns and brings the columns into view.
    /// (Passages starting at one place on a side are drawn as one mark,
    /// which carries the id of one of them.)
    fn follow(&self, k: usize, passages: &[Passage]) {
        // Stacked on a phone, the columns do not scroll (the page does):
        // the page brings the left passage to the middle of the screen.
        let stacked = self.cols[0]
            .get_untracked()
            .is_some_and(|c| c.scroll_height() <= c.client_height());
        if stacked {
            if let Some(el) = document().get_element_by_id(&passage_id(Side::Left, k)) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
            return;
        }
        for (i, side) in [Side::Left, Side::Right].into_iter().enumerate() {
            let start = |p: &Passage| if i == 0 { p.left } else { p.right };
            let drawn = std::iter::once(k)
                .chain((0..passages.len()).filter(|&j| start(&passages[j]) == start(&passages[k])))
                .find_map(|j| document().get_element_by_id(&passage_id(side, j)));
            let (Some(c), Some(el)) = (self.cols[i].get_untracked(), drawn) else {
                continue;
            };
            let (cr, er) = (c.get_bounding_client_rect(), el.get_bounding_client_rect());
            let offset = er.top() - cr.top() - (c.client_height() as f64 - er.height()) / 2.0;
            self.set(i, c.scroll_top() as f64 + offset);
        }
        if let Some(parent) = self.cols[0]
            .get_untracked()
            .and_then(|c| c.parent_element())
        {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            parent.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

/// The shared passages, each jumping to its place in both columns.
#[component]
fn PassageList(
    /// What the pair is compared on.
    pair: Pair,
    left: usize,
    passages: Arc<Vec<Passage>>,
    active: RwSignal<Option<usize>>,
    truncated: bool,
    scroller: Scroller,
) -> impl IntoView {
    // Each passage as the left article writes it (case and punctuation
    // kept), its first eight words.
    let layout = Layout::of(&pair.corpus.articles()[left], pair.index.doc(left));
    let items = passages
        .iter()
        .enumerate()
        .take(200)
        .map(|(k, p)| {
            let last = p.left + p.len.min(8) - 1;
            let text = layout.between((p.left as usize, Edge::Start), (last as usize, Edge::End));
            let more = if p.len > 8 { " …" } else { "" };
            let scroller = scroller.clone();
            let all = passages.clone();
            view! {
                <li>
                    <button type="button" class="link-button" on:click=move |_| { active.set(Some(k)); scroller.follow(k, &all); }>
                        {format!("“{text}{more}” ({} words)", p.len)}
                    </button>
                </li>
            }
        })
        .collect_view();
    let n = passages.len();
    view! {
        <details class="passage-list" open={n > 0 && n <= 12}>
            <summary>{format!("Shared passages ({}{})", n, if truncated { ", the first ones" } else { "" })}</summary>
            <ol>{items}</ol>
            {(n > 200).then(|| view! { <p class="hint">{format!("and {} more, marked in the texts", n - 200)}</p> })}
        </details>
    }
}

/// One article's text with its shared passages marked; pointing at one (or
/// focusing it) lights it and its twin.
#[component]
fn Column(
    /// Which side this column is.
    side: Side,
    /// The corpus with the article's text.
    corpus: Shared<Corpus>,
    /// The article shown.
    doc: usize,
    /// The shared passages (positions on both sides).
    passages: Arc<Vec<Passage>>,
    /// The passage pointed at, shared with the other column and the list.
    active: RwSignal<Option<usize>>,
    /// The scrolling element, for the other column to follow.
    node: NodeRef<html::Div>,
    /// Links its scrolling to the other column's.
    scroller: Scroller,
) -> impl IntoView {
    let a = &corpus.articles()[doc];
    // This side's spans in reading order, each with its passage.
    let mut spans: Vec<(u32, u32, usize)> = passages
        .iter()
        .enumerate()
        .map(|(k, p)| (if side == Side::Left { p.left } else { p.right }, p.len, k))
        .collect();
    spans.sort_unstable();
    let plain: Vec<(u32, u32)> = spans.iter().map(|&(s, l, _)| (s, l)).collect();
    let marks = mark_article(a, &plain);
    // Passage k of this side lights up when the pointed passage shows the same words here.
    let lit = move |k: usize| {
        active.get().is_some_and(|act| {
            let (p, q) = (passages[k], passages[act]);
            k == act
                || if side == Side::Left {
                    p.left == q.left
                } else {
                    p.right == q.right
                }
        })
    };
    // A passage's id goes on its first mark only (a passage may cross paragraphs).
    let mut first_seen = std::collections::HashSet::new();
    let (title, blocks) = marked_article(a, &marks, 4, move |p, span| {
        let k = spans[span].2;
        let id = first_seen.insert(k).then(|| passage_id(side, k));
        let lit = lit.clone();
        view! {
            <mark class="passage" id=id tabindex="0" class:lit=move || lit(k)
                on:mouseenter=move |_| active.set(Some(k)) on:focus=move |_| active.set(Some(k))>
                {p.to_string()}
            </mark>
        }
        .into_any()
    });
    let name = if side == Side::Left {
        "Left article text"
    } else {
        "Right article text"
    };
    view! {
        <div class="column" node_ref=node on:scroll=move |_| scroller.scrolled(usize::from(side == Side::Right)) tabindex="0" role="region" aria-label=name lang=a.language.clone()>
            <h3>{title}</h3>
            {blocks}
        </div>
    }
}

/// The two texts side by side, shared passages marked, scrolling in step
/// while linked (see [`Scroller`]).
#[component]
fn Columns(
    /// The corpus with the pair's texts.
    corpus: Shared<Corpus>,
    left: usize,
    right: usize,
    passages: Arc<Vec<Passage>>,
    active: RwSignal<Option<usize>>,
    scroller: Scroller,
) -> impl IntoView {
    let [lref, rref] = scroller.cols;
    let left_col = view! {
        <Column side=Side::Left corpus=corpus.clone() doc=left passages=passages.clone() active=active
            node=lref scroller=scroller.clone() />
    };
    let right_col = view! {
        <Column side=Side::Right corpus=corpus doc=right passages=passages active=active
            node=rref scroller=scroller />
    };
    view! {
        <div class="columns" on:mouseleave=move |_| active.set(None)>
            {left_col}
            {right_col}
        </div>
    }
}
