//! Corpus Lens, the page: Leptos components that ask the engine
//! ([`lens_engine`]) questions and draw the answers. State lives in the URL's
//! query string ([`url_state`]); each view derives from it.

#[cfg(not(feature = "shipped-corpus"))]
use std::sync::OnceLock;

#[cfg(not(feature = "shipped-corpus"))]
use lens_engine::corpus::codec::{decode, DecodeError};
use lens_engine::Corpus;
use leptos::prelude::*;

#[cfg(all(feature = "views", feature = "light"))]
compile_error!(
    "`light` is the build without the heavier views: build it with --no-default-features"
);

#[cfg(feature = "bench-api")]
pub mod bench_api;
pub mod download;
pub mod drop;
pub mod failure;
#[cfg(feature = "import")]
pub mod import;
pub mod params;
pub mod search_state;
#[cfg(feature = "segmenters")]
mod segmenters;
pub mod shards;
#[cfg(feature = "shipped-corpus")]
pub mod shipped;
pub mod slices;
#[cfg(feature = "import")]
pub mod store;
pub mod takeover;
pub mod url_state;
pub mod views;

use gloo_events::EventListener;
use lens_engine::index::builder::IndexBuilder;
use lens_engine::index::Index;
use params::{url_notices, View};
use search_state::{QueryState, SearchState};
use slices::{mark, run_sliced};
use url_state::{QueryLink, UrlQuery};
use views::{search_box::SEARCH_BOX_ID, FacetPanel, Indexing, OpenArticle, Results, SearchBox};
use wasm_bindgen::JsCast;

/// The corpus embedded at build time by `build.rs` (a published site ships
/// it beside the page instead: [`shipped`]).
#[cfg(not(feature = "shipped-corpus"))]
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus' prepared words (empty: none) and its file's name,
/// written with it by `build.rs` ([`prepared_words`]).
#[cfg(all(not(feature = "shipped-corpus"), feature = "segmenters"))]
static EMBEDDED_WORDS: (&[u8], &str) = (
    include_bytes!(concat!(env!("OUT_DIR"), "/words.bin")),
    include_str!(concat!(env!("OUT_DIR"), "/corpus-name.txt")),
);

/// The built-in corpus' words read at build time
/// ([`lens_engine::index::prepared`]: a site has them for a corpus with
/// text written without spaces), when `corpus` is the built-in one and they
/// are its words; else `None`, and the page tokenizes. Only a build with
/// the segmenters reads them: no other corpus has them.
#[cfg(feature = "segmenters")]
pub(crate) fn prepared_words(
    corpus: &'static Corpus,
) -> Option<lens_engine::index::prepared::Prepared<'static>> {
    #[cfg(not(feature = "shipped-corpus"))]
    let (bytes, name) = {
        let builtin = embedded_corpus().is_ok_and(|c| std::ptr::eq(c, corpus));
        Some(EMBEDDED_WORDS).filter(|(b, _)| builtin && !b.is_empty())?
    };
    #[cfg(feature = "shipped-corpus")]
    let (bytes, name) = shipped::words().filter(|_| shipped::is_builtin(corpus))?;
    lens_engine::index::prepared::Prepared::read(bytes, corpus, name)
        .map_err(|why| {
            web_sys::console::warn_1(&format!("Corpus Lens: the corpus' prepared words are not used ({why}): its words are read again.").into())
        })
        .ok()
}

/// The embedded corpus, decoded once.
#[cfg(not(feature = "shipped-corpus"))]
pub fn embedded_corpus() -> Result<&'static Corpus, &'static DecodeError> {
    static CORPUS: OnceLock<Result<Corpus, DecodeError>> = OnceLock::new();
    CORPUS.get_or_init(|| decode(EMBEDDED)).as_ref()
}

/// The page's wasm linear memory, in bytes (its high-water mark: wasm
/// memory never shrinks), for the benchmarks (`bench/memory.mjs`,
/// `bench/peers.mjs`, `bench/sharded.mjs`, which measure published sites too).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn lens_bench_memory() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return (core::arch::wasm32::memory_size(0) * 65536) as f64;
    // Natively (lints, tests) there is no wasm memory to measure.
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// What the page opens: the corpus the URL names, or why it cannot.
enum Opening {
    /// A corpus to explore.
    Corpus(&'static Corpus),
    /// A sharded corpus to explore: its articles without their texts, its
    /// index, and the index of no term (every article's facts).
    #[cfg(feature = "shipped-corpus")]
    Sharded(&'static Corpus, shards::Shards, Box<Index>),
    /// The URL names a corpus this browser does not hold (its id).
    #[cfg(feature = "import")]
    Missing(String),
    /// The corpus cannot be read.
    Failed(String),
    /// The reader's own corpus, in a build without them: the build with
    /// them takes over.
    #[cfg(not(feature = "import"))]
    Own,
}

/// The stored corpus the address names (`corpus=`), if any.
pub fn corpus_in_url() -> Option<String> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let max = match params::CORPUS.kind {
        params::Kind::Text { max } => max,
        _ => 0,
    };
    params
        .get(params::CORPUS.name)
        .filter(|id| !id.is_empty() && id.len() <= max as usize)
}

/// Entry point of the page: mounts [`App`] on the body, for the built-in
/// corpus or the reader's own corpus the URL names (`corpus=`, read from
/// this browser's storage).
pub fn start() {
    // Benchmarks read this mark as "wasm loaded": what comes after is ours.
    mark("corpus-lens:start");
    failure::install_panic_hook();
    // A lighter build of this page may have loaded this one for a view it
    // lacks: it leaves a copy of its page behind to take over from.
    takeover::receive_handoff();
    match corpus_in_url() {
        #[cfg(not(feature = "shipped-corpus"))]
        None => open(match embedded_corpus() {
            Ok(c) => Opening::Corpus(c),
            Err(e) => Opening::Failed(e.to_string()),
        }),
        // Its bytes come with the page's own files (the prerendered page
        // shows meanwhile).
        // Or its index, in pieces fetched as the views ask.
        #[cfg(feature = "shipped-corpus")]
        None if shards::named() => wasm_bindgen_futures::spawn_local(async {
            let opened = async {
                let (corpus, shards) = shards::open().await?;
                let empty = shards.empty_index()?;
                Ok::<_, String>(Opening::Sharded(corpus, shards, Box::new(empty)))
            };
            open(opened.await.unwrap_or_else(|why| {
                Opening::Failed(format!("{why} Reload the page to try again."))
            }))
        }),
        #[cfg(feature = "shipped-corpus")]
        None => wasm_bindgen_futures::spawn_local(async {
            let opening = match shipped::corpus().await {
                Ok(c) => Opening::Corpus(c),
                Err(why) => Opening::Failed(why),
            };
            // Mounted in a task of its own: the corpus, when its bytes
            // came first, is decoded in the task that started the wasm,
            // and a phone should see neither make one long task of the two.
            slices::next_task().await;
            open(opening)
        }),
        #[cfg(not(feature = "import"))]
        Some(_) => open(Opening::Own),
        #[cfg(feature = "import")]
        Some(id) => wasm_bindgen_futures::spawn_local(async move {
            let opening = match store::load(&id).await {
                // Its bytes live as long as the page, as the embedded
                // corpus' do, and its text is borrowed from them (held once).
                Ok(Some((meta, bytes))) => match lens_engine::corpus::codec::decode(Box::leak(bytes.into_boxed_slice())) {
                    Ok(c) => Opening::Corpus(Box::leak(Box::new(c.with_name(&meta.name)))),
                    Err(e) => Opening::Failed(format!(
                        "The corpus “{}” stored in this browser cannot be read ({e}): import its files again.",
                        meta.name
                    )),
                },
                Ok(None) => Opening::Missing(id),
                Err(why) => Opening::Failed(format!("The corpus “{id}” cannot be read: {why}.")),
            };
            open(opening);
        }),
    }
    // Release builds work offline after the first visit (sw.js is written
    // by scripts/post-build.mjs; a benchmark's build has none, and wants no
    // cache between its loads).
    if !cfg!(debug_assertions) && !cfg!(feature = "bench-api") {
        let _ = window().navigator().service_worker().register("sw.js");
    }
}

/// Opens `corpus`, kept for this visit only under the id `id`, in place
/// of the app: the address names it as a stored one's would, but a new
/// page would not find it, so nothing here loads a page.
#[cfg(feature = "import")]
pub(crate) fn reopen(id: &str, corpus: &'static Corpus) {
    let href = format!("?corpus={}", js_sys::encode_uri_component(id));
    if let Ok(h) = window().history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
    }
    takeover::unmount();
    open(Opening::Corpus(corpus));
    // Back or forward to an address of another corpus: this app shows only
    // the one mounted, so that address is loaded as a page (the browser
    // warns first). One listener, following the corpus mounted last.
    thread_local! {
        static MOUNTED_ID: std::cell::RefCell<Option<(String, EventListener)>> = const { std::cell::RefCell::new(None) };
    }
    let listener = EventListener::new(&window(), "popstate", move |_| {
        let mounted = MOUNTED_ID.with(|m| m.borrow().as_ref().map(|(id, _)| id.clone()));
        if corpus_in_url() != mounted {
            let _ = window().location().reload();
        }
    });
    MOUNTED_ID.with(|m| *m.borrow_mut() = Some((id.to_string(), listener)));
}

/// Mounts what the page opens.
fn open(opening: Opening) {
    let waits = matches!(opening, Opening::Corpus(_));
    #[cfg(feature = "shipped-corpus")]
    let waits = waits || matches!(opening, Opening::Sharded(..));
    // Mounted beside the prerendered page (if the build made one), hidden
    // until its search is ready: then `takeover::take_over` swaps them.
    takeover::keep_mounted(leptos::mount::mount_to(takeover::app_root(), move || {
        match opening {
            Opening::Corpus(corpus) => view! { <App corpus=corpus /> }.into_any(),
            #[cfg(feature = "shipped-corpus")]
            Opening::Sharded(corpus, shards, empty) => view! { <App corpus=corpus sharded=(shards, *empty) /> }.into_any(),
            #[cfg(feature = "import")]
            Opening::Missing(id) => view! { <Missing id=id /> }.into_any(),
            Opening::Failed(why) => view! { <p role="alert" class="fatal">{why}</p> }.into_any(),
            #[cfg(not(feature = "import"))]
            Opening::Own => view! { <main id="main"><takeover::LoadingBuild name="Your own files" what="your corpus" target=takeover::Build::Own /></main> }.into_any(),
        }
    }));
    // Nothing to wait for but a corpus' index (its build takes over once
    // search is ready).
    if !waits {
        takeover::take_over();
    }
    // Mounting is synchronous: the article list is in the document now.
    // Benchmarks read this mark as "load to interactive" (and
    // "corpus-lens:search-ready" as the moment search answers).
    mark("corpus-lens:interactive");
}

/// The page for a link to a corpus this browser does not hold: it says so
/// and offers the built-in corpus, never another under that name.
#[cfg(feature = "import")]
#[component]
fn Missing(id: String) -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="brand"><h1><a href="./">"Corpus Lens"</a></h1></div>
        </header>
        <main id="main" class="missing">
            <div class="notice" role="alert">
                <p>{format!("This browser holds no corpus “{id}”.")}</p>
                <p>"A corpus you import is kept only in the browser that imported it, until it is erased there. Open its files again here to explore them."</p>
            </div>
            <p><a href="./">"Explore the built-in corpus"</a></p>
        </main>
    }
}

/// Work done at once when the page starts; a corpus that needs more is indexed
/// in slices between frames.
pub const FIRST_SLICE_MS: f64 = 30.0;
thread_local! {
    /// The work done before the first paint: [`FIRST_SLICE_MS`], or what a
    /// test sets with [`set_first_slice_ms`].
    static FIRST_SLICE: std::cell::Cell<f64> = const { std::cell::Cell::new(FIRST_SLICE_MS) };
}

/// For tests: the time the page may index before its first paint (0: none), so that a test of the page before its index exists
/// holds on any machine, however fast.
#[doc(hidden)]
pub fn set_first_slice_ms(ms: f64) {
    FIRST_SLICE.with(|s| s.set(ms));
}

/// Runs `go` at once when the index's first slice may run at once
/// (`first_slice` above 0: the app is what the reader sees), else in a task
/// of its own: behind a prerendered page, what it starts with (which word
/// lists the corpus' text needs: one pass over its text, 5.6 MB for a month
/// of People's Daily) stays out of the task before it.
fn later_unless_seen(first_slice: f64, go: impl FnOnce() + 'static) {
    if first_slice > 0.0 {
        go();
    } else {
        leptos::task::spawn_local(async move {
            slices::next_task().await;
            go();
        });
    }
}

/// Builds the index of `corpus`, a job like the others ([`run_sliced`]):
/// at once if that is quick (the seed corpus takes well under a
/// millisecond), else in slices between which the browser paints and
/// handles input. Returns the index, `None` until it is built, and how far
/// the work has come. Once it is built and the views it opens are drawn,
/// the app takes over from the prerendered page and search is ready.
fn build_index(
    corpus: &'static Corpus,
) -> (
    ReadSignal<Option<&'static Index>>,
    ReadSignal<f32>,
    ReadSignal<Option<String>>,
) {
    let index = RwSignal::new(None);
    let progress = RwSignal::new(0.0);
    // What the page waits for before it indexes, or why it cannot.
    let before = RwSignal::new(None);
    // The words read at build time, when the site has them: the index is
    // built from them, and the corpus' own Chinese dictionary that comes
    // with them is installed instead of the whole one (fetched otherwise).
    // Benchmarks time the index from here to "corpus-lens:search-ready".
    mark("corpus-lens:index-begin");
    #[cfg(feature = "segmenters")]
    let prepared = slices::measured("index:prepared", || prepared_words(corpus));
    #[cfg(feature = "segmenters")]
    let own_dictionary = prepared.as_ref().and_then(|w| w.chinese_job());
    #[cfg(not(feature = "segmenters"))]
    let prepared: Option<std::convert::Infallible> = None;
    let warned = std::cell::Cell::new(false);
    // Indexed at once only where the app is what the reader sees (no
    // prerendered page): its first screen then needs no placeholder. Behind
    // a prerendered page nothing is seen until the takeover, so the mount,
    // the index and the first drawing of the view are tasks of their own,
    // each short on a phone.
    let first_slice = if takeover::prerendered() {
        0.0
    } else {
        FIRST_SLICE.with(std::cell::Cell::get)
    };
    let start = move || {
        let builder = match prepared {
            #[cfg(feature = "segmenters")]
            Some(words) => IndexBuilder::prepared(corpus, words),
            #[cfg(not(feature = "segmenters"))]
            Some(never) => match never {},
            None => IndexBuilder::new(corpus),
        };
        run_sliced(
            "index",
            builder,
            first_slice,
            || true,
            move |b: &IndexBuilder| {
                progress.set(b.progress());
                // Words read at build time that turned out unsound: the
                // build started again, tokenizing; said once, for whoever
                // looks (the index is the same).
                if let Some(why) = b.fell_back().filter(|_| !warned.replace(true)) {
                    web_sys::console::warn_1(&format!("Corpus Lens: the corpus' prepared words are not used ({why}): its words are read again.").into());
                }
            },
            // The index lives as long as the page (one per corpus mounted).
            move |built| {
                progress.set(1.0);
                index.set(Some(&*Box::leak(Box::new(built))));
            },
        );
    };
    #[cfg(feature = "segmenters")]
    let own_chinese = own_dictionary.is_some();
    let go = move || {
        // A build without the segmenters (the light and full/ builds of a
        // corpus without text written without spaces) needs none.
        // (The Chinese one not, where the corpus' own comes with its words.)
        #[cfg(feature = "segmenters")]
        let needed = segmenters::needed(corpus).without_chinese(own_chinese);
        #[cfg(feature = "segmenters")]
        let any = needed.any();
        #[cfg(not(feature = "segmenters"))]
        let any = false;
        if !any {
            start();
        } else {
            #[cfg(feature = "segmenters")]
            {
                before.set(Some(needed.reading()));
                segmenters::install(needed, move |read| match read {
                    Ok(()) => {
                        before.set(None);
                        start();
                    }
                    Err(why) => before.set(Some(format!("{why} Reload the page to try again."))),
                });
            }
        }
    };
    // The corpus' own Chinese dictionary made between frames (46,515 words
    // for People's Daily), then installed, before anything is cut.
    #[cfg(feature = "segmenters")]
    match own_dictionary {
        Some(job) => {
            run_sliced(
                "dictionary",
                job,
                0.0,
                || true,
                |_| {},
                move |d| {
                    lens_engine::text::segment::install_corpus_chinese(d);
                    // (Not in the task that made the dictionary.)
                    later_unless_seen(first_slice, go);
                },
            );
        }
        None => later_unless_seen(first_slice, go),
    }
    #[cfg(not(feature = "segmenters"))]
    later_unless_seen(first_slice, go);
    Effect::new(move |_| {
        if index.get().is_some() {
            leptos::task::spawn_local(async {
                // Once the views the index opens are drawn (their effects
                // run as tasks), in a task of its own.
                slices::next_task().await;
                takeover::take_over_then(|| mark("corpus-lens:search-ready"));
            });
        }
    });
    (index.read_only(), progress.read_only(), before.read_only())
}

/// The whole page for one corpus. The URL decides what it shows:
/// `?article=ID` opens an article, anything else lists them all.
#[component]
pub fn App(
    /// The corpus to explore (a sharded corpus' articles without their texts).
    corpus: &'static Corpus,
    /// A sharded corpus' index and its index of no term: the terms and
    /// texts are fetched as the views ask (else the page builds the whole
    /// index of `corpus`).
    #[prop(optional)]
    sharded: Option<(shards::Shards, Index)>,
) -> impl IntoView {
    let url = UrlQuery::from_location(|p| params::clean(p, |id| corpus.find(id).is_some()));
    provide_context(url);
    let is_sharded = sharded.is_some();
    let (index, progress, before) = if is_sharded {
        (signal(None).0, signal(1.0).0, signal(None).0)
    } else {
        build_index(corpus)
    };
    let query = QueryState::new(url, index);
    provide_context(query);
    // A sharded corpus searches at once: its search fetches what each
    // query needs, and the page takes over once the first answer is drawn.
    if let Some((shards, empty)) = sharded {
        let search = SearchState::sharded(corpus, shards, empty, query);
        provide_context(search);
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || search.fetching.get() {
                return done.unwrap_or(false);
            }
            leptos::task::spawn_local(async {
                slices::next_task().await;
                takeover::take_over_then(|| mark("corpus-lens:search-ready"));
            });
            true
        });
    }

    let opened = Memo::new(move |_| params::ARTICLE.text(&url));
    let article = Memo::new(move |_| opened.get().and_then(|id| corpus.find(&id).map(|(i, _)| i)));
    let notices = Memo::new(move |_| url_notices(&url.all(), |id| corpus.find(id).is_some()));
    let current_view = Memo::new(move |_| params::VIEW.get(&url));
    let files_open = Memo::new(move |_| params::FILES.flag(&url));
    #[cfg(feature = "import")]
    {
        let imports = import::Import::new();
        provide_context(imports);
        StoredValue::new_local(views::your_files::follow_drops(imports, url));
    }
    #[cfg(not(feature = "import"))]
    StoredValue::new_local(drop::leave_for_own(url));
    // A corpus this browser did not store is here for this visit only: said at the top.
    #[cfg(feature = "import")]
    let visit_only = corpus_in_url().filter(|id| import::in_session(id)).map(|_| view! {
        <p class="notice visit-only" role="status">
            {format!("“{}” is kept only until you leave this page: this browser did not store it. To keep it, export it from “Your own files”.", corpus.info().name)}
        </p>
    });
    #[cfg(not(feature = "import"))]
    let visit_only: Option<()> = None;

    Effect::new(move |_| {
        let title = match article.get() {
            Some(i) => format!("{} — Corpus Lens", corpus.articles()[i].title),
            None => "Corpus Lens".to_string(),
        };
        document().set_title(&title);
    });

    // "/" focuses the search box from anywhere but a text field.
    let slash = EventListener::new_with_options(
        &document(),
        "keydown",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |ev| {
            let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
            if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = document().active_element().is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || e.has_attribute("contenteditable")
            });
            if !typing {
                if let Some(el) = document().get_element_by_id(SEARCH_BOX_ID) {
                    ev.prevent_default();
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        },
    );
    StoredValue::new_local(slash);
    StoredValue::new_local(url_state::follow_query_links(url));

    view! {
        // The first thing a keyboard reaches: past the header, the search box and the views.
        <a class="skip-link" href="#main">"Skip to the content"</a>
        <SiteHeader corpus=corpus current_view=current_view opened=opened />
        <main id="main" tabindex="-1">
            {visit_only}
            {move || files_open.get().then(|| {
                #[cfg(feature = "import")]
                return view! { <views::YourFiles current=corpus_in_url() /> };
                #[cfg(not(feature = "import"))]
                view! { <takeover::LoadingBuild name="Your own files" what="opening your own files" target=takeover::Build::Own /> }
            })}
            {move || {
                let list = notices.get();
                // The status region holds the list (a list keeps its own role).
                (!list.is_empty()).then(|| view! {
                    <div class="notice" role="status">
                        <ul class="notices">{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || match index.get() {
                None if is_sharded => view! { <Shown corpus=corpus current_view=current_view article=article /> }.into_any(),
                None => view! { <Indexing corpus=corpus progress=progress before=before /> }.into_any(),
                Some(index) => {
                    // Views below find the search here; it exists once the index does.
                    provide_context(SearchState::new(corpus, index, query));
                    provide_context(search_state::WholeIndex(index));
                    view! { <Shown corpus=corpus current_view=current_view article=article /> }.into_any()
                }
            }}
        </main>
        // The URL vocabulary, for tools that fuzz the page's URLs (a data
        // block: never executed, so the Content Security Policy allows it).
        <script type="application/json" id="url-vocabulary">{params::vocabulary_json()}</script>
    }
}

/// The page's header: the corpus' name, description and size, the search
/// box, and the views' navigation (the current one marked).
#[component]
fn SiteHeader(
    /// The corpus explored.
    corpus: &'static Corpus,
    /// The view the URL states.
    current_view: Memo<View>,
    /// The id of the opened article, if any (then no view is current).
    opened: Memo<Option<String>>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let info = corpus.info();
    let count = corpus.articles().len();
    let full_only: Vec<&str> = params::VIEW
        .options()
        .iter()
        .filter(|o| !o.meaning.in_this_build())
        .map(|o| o.value)
        .collect();
    let full_only = full_only.join(" ");
    // The parameters this build leaves to the one with the reader's own files.
    let own_params = if cfg!(feature = "import") {
        String::new()
    } else {
        params::OWN_ONLY.map(|p| p.name).join(" ")
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <h1><QueryLink href=Signal::derive(move || url.href(&[(params::ARTICLE.name, None), (params::Q.name, None)]))>"Corpus Lens"</QueryLink></h1>
                <p class="corpus-line">
                    <span class="corpus-name">{info.name.clone()}</span>
                    {info.description.clone().map(|d| view! { <span class="corpus-description">": " {d}</span> })}
                    <span class="corpus-count">
                        {format!(" · {} article{}, {} words", views::thousands(count), if count == 1 { "" } else { "s" }, views::thousands(corpus.total_words()))}
                    </span>
                    " "
                    // A link: whether the panel is open is in the address.
                    <QueryLink class="your-files-toggle" href=Signal::derive(move || {
                        let open = params::FILES.flag(&url);
                        url.href(&[(params::FILES.name, (!open).then_some("1"))])
                    })>"Your own files"</QueryLink>
                </p>
            </div>
            <SearchBox />
            <nav class="views" aria-label="Views">
                // The views this build lacks, for the page's loader (scripts/post-build.mjs).
                <ul data-full-only=full_only data-own-params=own_params>
                    {params::VIEW.options().iter().map(|o| {
                        let v = o.meaning;
                        let href = Signal::derive(move || url.href(&[(params::VIEW.name(), params::VIEW.write(v)), (params::ARTICLE.name, None), (params::MATCH.name, None), (params::MARK.name, None)]));
                        view! {
                            <li aria-current=move || {
                                // An open article belongs to Articles, whatever view it was opened from.
                                let current = match opened.get() {
                                    Some(_) => v == View::Articles,
                                    None => current_view.get() == v,
                                };
                                current.then_some("page")
                            }>
                                <QueryLink href=href>{o.label}</QueryLink>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// What the URL opens once search is ready: the article (`article=ID`), or
/// the facets beside the current view (an unknown id is among the URL notices).
#[component]
fn Shown(
    /// The corpus explored.
    corpus: &'static Corpus,
    /// The view the URL states.
    current_view: Memo<View>,
    /// The opened article (its index in the corpus), if the URL names one that exists.
    article: Memo<Option<usize>>,
) -> impl IntoView {
    move || {
        match article.get() {
            Some(index) => view! { <OpenArticle corpus=corpus index=index /> }.into_any(),
            // An unknown id is named among the URL notices.
            None => {
                // The view a task after the filters (behind a prerendered
                // page; each a task of its own on a phone).
                let drawn = takeover::later(1);
                view! {
                <div class="search-layout">
                    <FacetPanel />
                    // The view's own controls, one link away from the search box
                    // (the skip link at the top of the filters).
                    <div id="view-start" class="view-start" tabindex="-1">
                    {move || drawn.get().then(|| match current_view.get() {
                        #[cfg(feature = "trends")]
                        View::Trends => view! { <views::TrendsView /> }.into_any(),
                        #[cfg(feature = "compare")]
                        View::Compare => view! { <views::CompareView /> }.into_any(),
                        #[cfg(feature = "words")]
                        View::Words => view! { <views::WordsView /> }.into_any(),
                        #[cfg(feature = "contexts")]
                        View::Contexts => view! { <views::ContextsView /> }.into_any(),
                        View::Articles => view! { <Results /> }.into_any(),
                        // A view this build lacks: the full build takes over.
                        #[cfg(not(feature = "full"))]
                        #[allow(unreachable_patterns)]
                        other => {
                            let name = params::VIEW.option_of(other).label;
                            view! { <takeover::LoadingBuild name=name what=format!("the {name} view") target=takeover::Build::Full /> }.into_any()
                        }
                    })}
                    </div>
                </div>
                }
                .into_any()
            }
        }
    }
}
