//! The page in headless Chromium: what a reader sees of the seed corpus.
//! Run by `scripts/test.sh` (wasm-bindgen-test-runner with Chromium).
#![cfg(target_arch = "wasm32")]

use corpus_lens::{embedded_corpus, App};
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo, Metadata};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app for `corpus` in a fresh container, at a URL with this
/// query, once its index is built.
async fn mount(corpus: &'static Corpus, query: &str) -> Element {
    let container = mount_now(corpus, query).await;
    leptos::task::tick().await;
    until_indexed(&container).await;
    container
}

thread_local! {
    /// The page mounted by the test running now.
    static MOUNTED: std::cell::RefCell<Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>> = const { std::cell::RefCell::new(None) };
}

/// Mounts the app as [`mount`] does, returning as soon as it is mounted.
/// The previous test's page is unmounted first: its reactive owner is
/// disposed, which cancels its pending address-bar write and its listeners.
async fn mount_now(corpus: &'static Corpus, query: &str) -> Element {
    MOUNTED.with(|m| drop(m.borrow_mut().take()));
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let document = window.document().unwrap();
    // One page at a time: earlier tests' pages leave the document.
    let old = document.query_selector_all("[data-test-root]").unwrap();
    for i in 0..old.length() {
        let node = old.item(i).unwrap();
        node.parent_node().unwrap().remove_child(&node).unwrap();
    }
    let container = document.create_element("div").unwrap();
    container.set_attribute("data-test-root", "").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        view! { <App corpus=corpus /> }.into_any()
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
    container
}

/// Waits until `done()` holds, looking every 10 ms, at most `max_ms`: a
/// test waits for the condition, never for a fixed time.
async fn until(max_ms: u32, what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..max_ms / 10 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
        leptos::task::tick().await;
    }
    assert!(done(), "waited {max_ms} ms for {what}");
}

/// Waits until the index is built (a large corpus, or a debug build, indexes
/// in slices after the first paint), at most 20 s.
async fn until_indexed(root: &Element) {
    for _ in 0..2000 {
        if root.query_selector(".indexing").unwrap().is_none() {
            leptos::task::tick().await;
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("the index was not built within 20 s");
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

#[wasm_bindgen_test]
async fn lists_the_five_seed_articles_in_date_order() {
    let root = mount(embedded_corpus().unwrap(), "").await;
    let titles: Vec<String> = all(&root, ".results .result-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        titles,
        [
            "Alipay began to seek a breakthrough in the siege",
            "Alipay challenges real-name social networking, what is the success rate?",
            "Alipay To Allow Users To Interact With Rich Strangers Nearby",
            "Alipay's Dilemma in the Evolving Payment Landscape",
            "Anxious Alipay Has Lost Its Rhythm",
        ]
    );
    let dates: Vec<String> = all(&root, ".results .result-meta time")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        dates,
        [
            "2013 (est.)",
            "2015 (est.)",
            "22 September 2016",
            "30 December 2024",
            "8 January 2025"
        ]
    );
    assert_eq!(text(&one(&root, "h1")), "Corpus Lens");
    assert!(
        text(&one(&root, ".corpus-line")).contains("5 articles"),
        "{}",
        text(&one(&root, ".corpus-line"))
    );
    assert!(text(&one(&root, ".corpus-line")).contains("Alipay in China's payment market"));
}

#[wasm_bindgen_test]
async fn opening_an_article_shows_its_full_text_and_puts_it_in_the_url() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "").await;
    let link: HtmlElement = all(&root, ".results a.result-title")
        .into_iter()
        .find(|a| text(a) == "Anxious Alipay Has Lost Its Rhythm")
        .unwrap()
        .unchecked_into();
    link.click();
    leptos::task::tick().await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?article=anxious-alipay-2025");
    assert_eq!(
        text(&one(&root, "article h2")),
        "Anxious Alipay Has Lost Its Rhythm"
    );
    let (_, article) = corpus.find("anxious-alipay-2025").unwrap();
    let shown: Vec<String> = all(&root, ".article-body > *").iter().map(text).collect();
    let expected: Vec<&str> = article.body.iter().map(Block::text).collect();
    assert_eq!(shown, expected, "every heading and paragraph, in order");
    // Its "##" headings are its top level: under the title's h2, they are h3 (no level skipped).
    let headings: Vec<String> = all(&root, ".article-body h3").iter().map(text).collect();
    assert_eq!(headings, ["I", "II", "III", "Conclusion"]);
    assert!(
        root.query_selector(".results").unwrap().is_none(),
        "the list gives way to the article"
    );
}

#[wasm_bindgen_test]
async fn the_url_opens_an_article_and_an_unknown_id_says_so() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?article=rich-strangers-nearby-2016").await;
    assert_eq!(
        text(&one(&root, "article h2")),
        "Alipay To Allow Users To Interact With Rich Strangers Nearby"
    );
    let meta = text(&one(&root, "dl.meta"));
    for want in ["TMTpost", "Zhang Yuan", "Levin Feng", "22 September 2016"] {
        assert!(meta.contains(want), "{want} in {meta}");
    }
    let root = mount(corpus, "?article=%3Cscript%3E").await;
    assert!(text(&one(&root, ".notice")).contains("no article “<script>”"));
    assert_eq!(all(&root, ".results .result").len(), 5);
}

#[wasm_bindgen_test]
async fn article_text_is_rendered_as_text_never_as_html() {
    let hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let mut article = Article::new(
        "x",
        format!("Title {hostile}"),
        ArticleDate::parse("2020").unwrap(),
        vec![
            Block::Heading {
                level: 1,
                text: hostile.into(),
            },
            Block::Paragraph(hostile.into()),
        ],
    )
    .with_meta(Metadata {
        source: Some(hostile.into()),
        section: Some(hostile.into()),
        url: Some("javascript:alert(1)".into()),
        ..Metadata::default()
    });
    article.language = "en".into();
    article.tags = vec![hostile.into()];
    let corpus: &'static Corpus = Box::leak(Box::new(Corpus::new(
        CorpusInfo {
            name: hostile.into(),
            description: Some(hostile.into()),
            ..CorpusInfo::default()
        },
        vec![article],
    )));
    let root = mount(corpus, "?article=x").await;
    assert!(
        all(&root, "img, script:not(#url-vocabulary)").is_empty(),
        "no element was made from article text (the page's own data block aside)"
    );
    assert!(
        all(&root, "a[href^='javascript']").is_empty(),
        "a javascript: URL is not a link"
    );
    assert!(text(&one(&root, ".article-body p")).contains("<script>"));
    assert!(
        text(&one(&root, "dl.meta")).contains("javascript:alert(1)"),
        "shown as text"
    );
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

/// Fires a bubbling event of `kind` at `el`, as the browser does when a reader acts, and lets the page follow.
async fn fire(el: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
    leptos::task::tick().await;
}

fn search_box(root: &Element) -> web_sys::HtmlInputElement {
    one(root, "input[type=search]").unchecked_into()
}

/// Types `text` into the search box as a reader would: the value changes, an input event fires.
async fn type_query(root: &Element, text: &str) {
    let input = search_box(root);
    input.set_value(text);
    fire(&input, "input").await;
}

fn count_line(root: &Element) -> String {
    text(&one(root, ".result-count"))
}

#[wasm_bindgen_test]
async fn typing_filters_the_list_and_marks_the_matches() {
    let root = mount(embedded_corpus().unwrap(), "").await;
    let label = one(&root, "label[for=search-box]");
    assert_eq!(text(&label), "Search articles");
    assert_eq!(count_line(&root), "5 of 5 articles");
    type_query(&root, "\"rich strangers\"").await;
    assert_eq!(count_line(&root), "1 of 5 articles");
    let marks: Vec<String> = all(&root, ".results mark").iter().map(text).collect();
    assert!(!marks.is_empty());
    assert!(
        marks
            .iter()
            .all(|m| m.eq_ignore_ascii_case("rich strangers")),
        "{marks:?}"
    );
    let search = || web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search(), "", "the address bar waits for typing to pause");
    until(2000, "the query in the URL", || {
        search() == "?q=%22rich+strangers%22"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_mistyped_query_explains_itself_and_keeps_the_last_results() {
    let root = mount(embedded_corpus().unwrap(), "").await;
    type_query(&root, "baidu").await;
    let before = count_line(&root);
    assert_ne!(before, "5 of 5 articles");
    type_query(&root, "baidu (wechat").await;
    let error = text(&one(&root, ".query-error"));
    assert!(error.contains("( is never closed"), "{error}");
    // Where: the query shown with the part in question marked.
    let place = text(&one(&root, ".query-place"));
    assert!(place.contains("baidu (wechat"), "{place}");
    assert_eq!(
        text(&one(&root, ".query-place mark")),
        "(",
        "the unclosed parenthesis"
    );
    assert_eq!(count_line(&root), before, "the last valid results stay");
    type_query(&root, "baidu (wechat)").await;
    assert_eq!(text(&one(&root, ".query-error")), "");
}

#[wasm_bindgen_test]
async fn a_facet_narrows_like_typing_its_field() {
    let root = mount(embedded_corpus().unwrap(), "").await;
    let social: HtmlElement = all(&root, ".facet li label")
        .into_iter()
        .find(|l| text(l).starts_with("social"))
        .map(|l| one(&l, "input").unchecked_into())
        .unwrap();
    social.click();
    leptos::task::tick().await;
    assert_eq!(search_box(&root).value(), "tag:social");
    assert_eq!(count_line(&root), "3 of 5 articles");
    let titles = |r: &Element| {
        all(r, ".results .result-title")
            .iter()
            .map(text)
            .collect::<Vec<_>>()
    };
    let picked = titles(&root);
    assert_eq!(picked.len(), 3);
    // The same query typed (a new page: the first one is unmounted).
    let typed = mount(embedded_corpus().unwrap(), "?q=tag%3Asocial").await;
    assert_eq!(titles(&typed), picked);
}

/// The year checkbox of `year` in the Year facet.
fn year_box(root: &Element, year: &str) -> web_sys::HtmlInputElement {
    all(root, ".facet li label")
        .into_iter()
        .find(|l| text(&one(l, ".facet-value")) == year)
        .map(|l| one(&l, "input").unchecked_into())
        .unwrap()
}

#[wasm_bindgen_test]
async fn two_ticked_years_select_both_and_a_typed_range_ticks_its_years() {
    let root = mount(embedded_corpus().unwrap(), "?q=wechat").await;
    year_box(&root, "2015").click();
    leptos::task::tick().await;
    year_box(&root, "2016").click();
    leptos::task::tick().await;
    assert_eq!(search_box(&root).value(), "wechat year:2015..2016");
    assert!(year_box(&root, "2015").checked() && year_box(&root, "2016").checked());
    assert!(!year_box(&root, "2013").checked());
    // A typed range shows its years ticked; unticking one keeps the rest.
    let root = mount(embedded_corpus().unwrap(), "?q=year%3A2013..2016").await;
    let ticked: Vec<bool> = ["2013", "2015", "2016", "2024"]
        .iter()
        .map(|y| year_box(&root, y).checked())
        .collect();
    assert_eq!(ticked, [true, true, true, false]);
    year_box(&root, "2015").click();
    leptos::task::tick().await;
    assert_eq!(search_box(&root).value(), "(year:2013 OR year:2016)");
    assert_eq!(count_line(&root), "2 of 5 articles");
    let legends: Vec<String> = all(&root, ".facet legend").iter().map(text).collect();
    assert!(
        legends.contains(&"Tag (all ticked)".to_string()),
        "{legends:?}"
    );
}

#[wasm_bindgen_test]
async fn compare_offers_every_article_and_says_how_the_search_narrows() {
    let root = mount(embedded_corpus().unwrap(), "?view=compare&q=wechatt").await;
    let options = all(&root, "#choose-left option:not([value=''])");
    assert_eq!(
        options.len(),
        5,
        "every article, though the search finds none"
    );
    let groups: Vec<String> = all(&root, "#choose-left optgroup")
        .iter()
        .map(|g| g.get_attribute("label").unwrap())
        .collect();
    assert_eq!(groups, ["Matching “wechatt” (0)", "Other articles (5)"]);
    assert!(text(&one(&root, ".search-effect")).contains("matches 0 of 5 articles"));
    let root = mount(embedded_corpus().unwrap(), "?view=compare&q=wechat").await;
    let first_group = all(&root, "#choose-left optgroup")[0].clone();
    assert_eq!(all(&first_group, "option").len(), 3);
    assert_eq!(all(&root, "#choose-left option:not([value=''])").len(), 5);
}

#[wasm_bindgen_test]
async fn the_next_page_of_the_concordance_starts_at_its_top_with_the_focus() {
    let root = mount(embedded_corpus().unwrap(), "?view=contexts&q=the").await;
    texts_when(&root, ".kwic-table tbody tr").await;
    let next: HtmlElement = all(&root, ".pager button")
        .into_iter()
        .find(|b| text(b) == "Next")
        .unwrap()
        .unchecked_into();
    next.focus().unwrap();
    next.click();
    leptos::task::tick().await;
    text_when(&root, ".pager span", "Page 2 of").await;
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("concordance".to_string())
    );
}

#[wasm_bindgen_test]
async fn an_opened_result_steps_through_its_highlighted_matches() {
    let root = mount(
        embedded_corpus().unwrap(),
        "?q=wechat&article=real-name-social-2015",
    )
    .await;
    let marks = all(&root, ".reader mark");
    assert!(marks.len() > 3, "{}", marks.len());
    assert!(
        marks
            .iter()
            .all(|m| lens_engine::text::tokenize::normalize(&text(m)) == "wechat"),
        "WeChat, WeChat's…"
    );
    let next: HtmlElement = all(&root, ".match-nav button")
        .into_iter()
        .find(|b| text(b) == "Next match")
        .unwrap()
        .unchecked_into();
    next.click();
    leptos::task::tick().await;
    assert_eq!(
        text(&one(&root, ".match-status")),
        format!("Match 1 of {}", marks.len())
    );
    assert_eq!(one(&root, "mark.current").id(), "match-0");
    next.click();
    leptos::task::tick().await;
    assert_eq!(one(&root, "mark.current").id(), "match-1");
    let prev: HtmlElement = all(&root, ".match-nav button")
        .into_iter()
        .find(|b| text(b) == "Previous match")
        .unwrap()
        .unchecked_into();
    prev.click();
    prev.click();
    leptos::task::tick().await;
    assert_eq!(
        text(&one(&root, ".match-status")),
        format!("Match {} of {}", marks.len(), marks.len()),
        "wraps around"
    );
    assert_eq!(text(&one(&root, ".back a")), "← Back to results");
}

#[wasm_bindgen_test]
async fn tampered_url_parameters_are_ignored_with_a_notice() {
    let root = mount(
        embedded_corpus().unwrap(),
        "?sort=sideways&forms=maybe&zzz=1&q=%22unclosed&view=compare&left=missing",
    )
    .await;
    // One status region holding a real list (a list keeps its role).
    let status = one(&root, "[role=status].notice");
    let notice = text(&status);
    assert!(
        notice.contains("sort=sideways")
            && notice.contains("forms=maybe")
            && notice.contains("“zzz”")
            && notice.contains("left=missing: there is no article “missing”"),
        "{notice}"
    );
    assert_eq!(all(&status, "ul > li").len(), 4);
    assert!(one(&status, "ul").get_attribute("role").is_none());
    assert!(text(&one(&root, ".query-error")).contains("quote is never closed"));
}

/// A link carries only what the page reads: no unknown parameter, no bad
/// or repeated value, and a long text only as far as its bound. So one
/// long value can never be copied into every link of a view.
#[wasm_bindgen_test]
async fn links_carry_only_the_parameters_the_page_reads() {
    let huge = "z".repeat(200_000);
    let long_q = "wechat ".repeat(300);
    let query = format!("?view=contexts&q={}&sort=99999&sort=newest&sort=oldest&zz={huge}&wl=10&extra=1&article=nope&article=breakthrough-in-the-siege-2013", long_q.replace(' ', "+"));
    let root = mount(embedded_corpus().unwrap(), &query).await;
    let hrefs: Vec<String> = all(&root, "a[href^='?']")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert!(!hrefs.is_empty());
    for h in &hrefs {
        assert!(h.len() < 2_000, "{} characters: {}", h.len(), &h[..200]);
        assert!(
            !h.contains("zz=")
                && !h.contains("extra=")
                && !h.contains("99999")
                && !h.contains("nope"),
            "{h}"
        );
        assert!(h.matches("sort=").count() <= 1, "{h}");
    }
    let status = text(&one(&root, "[role=status].notice"));
    assert!(
        status.len() < 1_500,
        "the notices quote short prefixes: {} bytes",
        status.len()
    );
    for said in [
        "Ignored 2 unknown URL parameters: “zz”, “extra”",
        "Ignored sort=99999",
        "Ignored the repeated sort=oldest: the first, sort=newest, is used.",
        "Ignored article=nope: there is no article “nope”",
        "Read only the first 1,800 characters of q (it has 2,100).",
    ] {
        assert!(status.contains(said), "{said:?} in {status}");
    }
    // The repeated `article` and `sort`: the first valid ones are used.
    assert!(text(&one(&root, "#article-title")).contains("breakthrough in the siege"));
    let back = one(&root, ".back a").get_attribute("href").unwrap();
    assert!(back.contains("sort=newest"), "{back}");
}

#[wasm_bindgen_test]
fn the_notices_of_many_unknown_parameters_are_one_and_their_number_bounded() {
    use corpus_lens::params::{clean, longest_address, url_notices};
    let params: Vec<(String, String)> = (0..2_000)
        .map(|i| (format!("p{i}"), "x".repeat(10_000)))
        .chain((0..20).map(|i| ("sort".to_string(), format!("bad{i}"))))
        .collect();
    let notices = url_notices(&params, |_| false);
    assert_eq!(notices.len(), 6, "{notices:?}");
    assert!(
        notices[0]
            .starts_with("Ignored 2,000 unknown URL parameters: “p0”, “p1”, “p2” and 1,997 more."),
        "{}",
        notices[0]
    );
    assert!(notices[5].contains("16 more"), "{}", notices[5]);
    assert!(notices.iter().all(|n| n.len() < 300), "{notices:?}");
    assert!(clean(&params, |_| false).is_empty());
    // Every text at its bound and percent-encoded still fits a request line.
    assert!(longest_address() < 15_000, "{}", longest_address());
}

/// Under a year's contexts, "and N more in this article" is a link to the
/// first match not listed (it was plain text).
#[wasm_bindgen_test]
async fn more_contexts_link_to_the_rest_of_the_article() {
    let root = mount(embedded_corpus().unwrap(), "?view=trends&kw=alipay&at=2016").await;
    text_when(&root, ".year-contexts", "more in this article").await;
    let more = all(&root, ".year-contexts a, .hint a")
        .into_iter()
        .find(|a| text(a).contains("more in this article"))
        .expect("a link to the rest");
    let href = more.get_attribute("href").unwrap();
    assert!(
        href.contains("article=") && href.contains("match=12"),
        "{href}"
    );
}

#[wasm_bindgen_test]
async fn slash_focuses_the_search_box_and_escape_clears_it() {
    let root = mount(embedded_corpus().unwrap(), "?q=wechat").await;
    let document = web_sys::window().unwrap().document().unwrap();
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        init.set_cancelable(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    document.body().unwrap().focus().ok();
    document.dispatch_event(&key("/")).unwrap();
    let input = search_box(&root);
    let active = document.active_element().unwrap();
    assert!(
        active.is_same_node(Some(input.unchecked_ref())),
        "/ focuses the search box"
    );
    input.dispatch_event(&key("Escape")).unwrap();
    leptos::task::tick().await;
    assert_eq!(input.value(), "");
    assert_eq!(count_line(&root), "5 of 5 articles");
}

/// Occurrences of `word` (normalised) in the articles of `year`, counted straight from the text.
fn count_in_year(corpus: &Corpus, word: &str, year: u16) -> Option<usize> {
    let texts: Vec<String> = corpus
        .articles()
        .iter()
        .filter(|a| a.date.year == year)
        .map(|a| a.text())
        .collect();
    (!texts.is_empty()).then(|| {
        texts
            .iter()
            .map(|t| {
                lens_engine::text::tokenize::words(t)
                    .filter(|w| w.norm == word)
                    .count()
            })
            .sum()
    })
}

#[wasm_bindgen_test]
async fn trends_draw_a_line_per_keyword_with_the_exact_counts_in_the_table() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(
        corpus,
        "?view=trends&kw=wechat%2C%20ai%2C%20traffic%2C%20baidu",
    )
    .await;
    assert_eq!(text(&one(&root, "label[for=keywords]")), "Keywords");
    assert_eq!(
        all(&root, "svg#trends-chart g.series").len(),
        4,
        "one series per keyword"
    );
    assert_eq!(
        text(&one(&root, "svg#trends-chart title")),
        "Keyword frequency per year"
    );
    assert!(text(&one(&root, ".trend-table caption")).starts_with("Keyword frequency per year"));
    let header: Vec<String> = all(&root, ".trend-table thead th")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        header,
        ["Year", "wechat", "ai", "traffic", "baidu", "Articles", "Words"]
    );
    let rows = all(&root, ".trend-table tbody tr");
    assert_eq!(rows.len(), 2025 - 2013 + 1, "every calendar year");
    for row in rows {
        let year: u16 = text(&one(&row, "th")).parse().unwrap();
        let cells: Vec<String> = all(&row, "td").iter().map(text).collect();
        for (k, word) in ["wechat", "ai", "traffic", "baidu"].iter().enumerate() {
            match count_in_year(corpus, word, year) {
                Some(n) => assert_eq!(cells[k], n.to_string(), "{word} in {year}"),
                None => assert_eq!(cells[k], "–", "{year} has no article: no data, not zero"),
            }
        }
    }
}

#[wasm_bindgen_test]
async fn switching_the_measure_changes_chart_and_table_together() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=trends&kw=baidu").await;
    let select: web_sys::HtmlSelectElement = one(&root, ".trends select").unchecked_into();
    select.set_value("per10k");
    fire(&select, "change").await;
    assert!(text(&one(&root, ".trend-table caption")).contains("Per 10,000 words"));
    assert!(text(&one(&root, "svg#trends-chart desc")).starts_with("Per 10,000 words of baidu"));
    let (d, a) = corpus.find("rich-strangers-nearby-2016").unwrap();
    let want =
        count_in_year(corpus, "baidu", 2016).unwrap() as f64 / corpus.word_count(d) as f64 * 1e4;
    let row = all(&root, ".trend-table tbody tr")
        .into_iter()
        .find(|r| text(&one(r, "th")) == "2016")
        .unwrap();
    assert_eq!(text(&all(&row, "td")[0]), format!("{want:.2}"));
    assert_eq!(a.date.year, 2016);
}

#[wasm_bindgen_test]
async fn a_table_cell_lists_the_years_contexts_linking_to_the_match() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=trends&kw=baidu").await;
    let row = all(&root, ".trend-table tbody tr")
        .into_iter()
        .find(|r| text(&one(r, "th")) == "2016")
        .unwrap();
    // A click on the value cell itself.
    let cell: HtmlElement = all(&row, "td")[0].clone().unchecked_into();
    cell.click();
    leptos::task::tick().await;
    // Drawn in a task of its own, after the chart's frame.
    texts_when(&root, ".kwic a.kwic-line").await;
    let lines = all(&root, ".kwic a.kwic-line");
    assert_eq!(
        lines.len(),
        count_in_year(corpus, "baidu", 2016).unwrap().min(12)
    );
    let keys: Vec<String> = lines.iter().map(|l| text(&one(l, ".kwic-key"))).collect();
    assert!(
        keys.iter()
            .all(|k| lens_engine::text::tokenize::normalize(k) == "baidu"),
        "{keys:?}"
    );
    let third: HtmlElement = lines[2].clone().unchecked_into();
    third.click();
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(
        text(&one(&root, "article h2")),
        "Alipay To Allow Users To Interact With Rich Strangers Nearby"
    );
    assert_eq!(
        one(&root, "mark.current").id(),
        "match-2",
        "the article opens at that match"
    );
    // The keyword is marked by a parameter of its own: the chart's
    // selection (no search) is unchanged, and the year is kept.
    let location = web_sys::window().unwrap().location().search().unwrap();
    assert!(
        location.contains("mark=baidu") && !location.contains("q="),
        "{location}"
    );
    assert!(
        location.contains("at=2016") && location.contains("view=trends"),
        "{location}"
    );
    // Stepping to another match names it in the address (a shared link opens there).
    let next: HtmlElement = all(&root, ".match-nav button")[1].clone().unchecked_into();
    next.click();
    leptos::task::tick().await;
    until(2000, "match=3 in the address", || {
        web_sys::window()
            .unwrap()
            .location()
            .search()
            .unwrap()
            .contains("match=3")
    })
    .await;
    // The way back returns to the chart at that year, counting every article.
    let back = one(&root, ".back a");
    assert_eq!(text(&back), "← Back to the chart");
    back.unchecked_into::<HtmlElement>().click();
    leptos::task::tick().await;
    text_when(&root, ".year-contexts h3", "2016: keywords in context").await;
    assert!(all(&root, ".trend-table tbody tr.selected").len() == 1);
    until(2000, "the year's contexts take the focus", || {
        document()
            .active_element()
            .is_some_and(|e| e.id() == "year-contexts-heading")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_year_outside_the_chart_names_no_point() {
    let root = mount(
        embedded_corpus().unwrap(),
        "?view=trends&kw=wechat&at=65535",
    )
    .await;
    texts_when(&root, ".trend-table tbody tr").await;
    assert!(all(&root, ".year-contexts").is_empty());
}

#[wasm_bindgen_test]
async fn compare_shows_both_texts_the_similarity_and_the_three_lists() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(
        corpus,
        "?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025",
    )
    .await;
    assert_eq!(text(&one(&root, "label[for=choose-left]")), "Left article");
    assert_eq!(
        text(&one(&root, "label[for=choose-right]")),
        "Right article"
    );
    let titles: Vec<String> = all(&root, ".columns .column h3").iter().map(text).collect();
    assert_eq!(
        titles,
        [
            "Alipay's Dilemma in the Evolving Payment Landscape",
            "Anxious Alipay Has Lost Its Rhythm"
        ]
    );
    let (l, _) = corpus.find("alipay-dilemma-2024").unwrap();
    let left_paragraphs = all(&root, ".columns .column:first-child p").len();
    assert_eq!(
        left_paragraphs,
        corpus.articles()[l]
            .body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .count()
    );
    let figures = text(&one(&root, ".figures"));
    assert!(
        figures.contains("Similarity") && figures.contains('%'),
        "{figures}"
    );
    let captions: Vec<String> = all(&root, ".word-list caption").iter().map(text).collect();
    assert_eq!(captions.len(), 3);
    for (c, want) in captions.iter().zip([
        "Shared terms (",
        "Distinctive to left (",
        "Distinctive to right (",
    ]) {
        assert!(c.starts_with(want), "{c}");
    }
    // The similarity stands among the left article's pairs.
    let standing = text(&one(&root, ".figures .standing"));
    assert!(
        standing.contains("of the left article's 4 pairs (from "),
        "{standing}"
    );
    // The lists come before the texts, each word a link, with more on request and a CSV.
    let lists = one(&root, ".word-lists");
    let columns = one(&root, ".columns");
    assert!(lists.get_bounding_client_rect().top() < columns.get_bounding_client_rect().top());
    assert!(!all(&root, ".word-list tbody th a[href*='q=']").is_empty());
    assert!(all(&root, "button.csv").iter().any(|b| b
        .get_attribute("aria-label")
        .unwrap_or_default()
        .contains("shared and distinctive words")));
    let longest = all(&root, ".word-list caption")
        .iter()
        .map(|c| {
            text(c)
                .rsplit('(')
                .next()
                .unwrap()
                .trim_end_matches(')')
                .replace(',', "")
                .parse::<usize>()
                .unwrap()
        })
        .max()
        .unwrap();
    if longest > 15 {
        assert!(all(&root, ".word-list-box button.more")
            .iter()
            .any(|b| text(b).starts_with("Show ")));
    }
    for list in all(&root, ".word-list") {
        assert!(!all(&list, "tbody tr").is_empty(), "{}", text(&list));
    }
    // Stop words are left out by default.
    let shared: Vec<String> = all(&root, ".word-list-box:first-child tbody th a:first-child")
        .iter()
        .map(text)
        .collect();
    assert!(
        !shared.iter().any(|w| w == "the" || w == "and"),
        "{shared:?}"
    );
}

#[wasm_bindgen_test]
async fn pointing_at_a_shared_passage_lights_its_twin() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(
        corpus,
        "?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025&n=3",
    )
    .await;
    let first = one(&root, ".columns .column:first-child mark.passage");
    assert!(root
        .query_selector(".columns .column:last-child mark.lit")
        .unwrap()
        .is_none());
    first
        .dispatch_event(&web_sys::Event::new("mouseenter").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let lit_right: Vec<String> = all(&root, ".columns .column:last-child mark.lit")
        .iter()
        .map(text)
        .collect();
    assert!(!lit_right.is_empty(), "the twin on the right lights up");
    let norm = |s: &str| {
        lens_engine::text::tokenize::words(s)
            .map(|w| w.norm.into_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        norm(&lit_right[0]),
        norm(&text(&first)),
        "the twin has the same words"
    );
}

#[wasm_bindgen_test]
async fn compare_with_from_an_article_puts_it_on_the_left() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?article=real-name-social-2015").await;
    let link: HtmlElement = one(&root, "a.compare-with").unchecked_into();
    assert_eq!(text(&link), "Compare with…");
    link.click();
    leptos::task::tick().await;
    let left: web_sys::HtmlSelectElement = one(&root, "#choose-left").unchecked_into();
    assert_eq!(left.value(), "real-name-social-2015");
    assert!(text(&one(&root, ".compare")).contains("Choose two articles"));
}

#[wasm_bindgen_test]
async fn a_failure_shows_a_panel_with_the_message_as_text_and_a_reload_button() {
    let document = web_sys::window().unwrap().document().unwrap();
    // The page loads the panel's one home, public/failure.js; so does this test.
    let script = document.create_element("script").unwrap();
    script.set_text_content(Some(include_str!("../public/failure.js")));
    document.head().unwrap().append_child(&script).unwrap();
    corpus_lens::failure::show_failure_panel("panicked at <img src=x onerror=alert(1)>");
    let panel = document
        .get_element_by_id("failure-panel")
        .expect("a visible panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alertdialog"));
    assert!(text(&panel).contains("Something went wrong"));
    assert!(
        text(&one(&panel, "pre")).contains("<img src=x"),
        "the message is text"
    );
    assert!(panel.query_selector("img").unwrap().is_none());
    assert_eq!(text(&one(&panel, "button")), "Reload");
    let active = document.active_element().unwrap();
    assert_eq!(active.tag_name(), "BUTTON", "focus is on Reload");
    panel.remove();
}

/// A corpus of `n` one-paragraph articles; `make(i)` gives the i-th's title, year and text.
fn generated_corpus(n: usize, make: impl Fn(usize) -> (String, u16, String)) -> &'static Corpus {
    let articles = (0..n)
        .map(|i| {
            let (title, year, text) = make(i);
            let date = ArticleDate {
                year,
                month: None,
                day: None,
            };
            Article::new(
                format!("a{i:03}"),
                title,
                date,
                vec![Block::Paragraph(text.into())],
            )
        })
        .collect();
    let info = CorpusInfo {
        name: "generated".into(),
        description: None,
        ..CorpusInfo::default()
    };
    Box::leak(Box::new(Corpus::new(info, articles)))
}

#[wasm_bindgen_test]
async fn a_large_corpus_lists_its_articles_at_once_and_searches_once_indexed() {
    // 120 articles of 1,050 words: more than one unit of indexing.
    let filler = "payments wallet merchants users growth market share ".repeat(150);
    let corpus = generated_corpus(120, |i| {
        let year = 2000 + (i % 20) as u16;
        let body = if i == 7 {
            format!("{filler} zebra")
        } else {
            filler.clone()
        };
        (format!("Article {i}"), year, body)
    });
    // One unit of indexing before the first paint, however fast the machine.
    corpus_lens::set_first_slice_ms(0.0);
    let root = mount_now(corpus, "").await;
    corpus_lens::set_first_slice_ms(corpus_lens::FIRST_SLICE_MS);
    // Before the index: the status, and the articles, which need none.
    let status = text(&one(&root, ".indexing-status"));
    assert!(status.starts_with("Preparing search:"), "{status}");
    assert_eq!(count_line(&root), "120 of 120 articles");
    assert_eq!(all(&root, ".results li").len(), 25);
    assert_eq!(text(&one(&root, ".results a.result-title")), "Article 0");
    // A query typed meanwhile is answered once the index is built.
    type_query(&root, "zebra").await;
    until_indexed(&root).await;
    assert_eq!(count_line(&root), "1 of 120 articles");
    assert_eq!(text(&one(&root, ".results a.result-title")), "Article 7");
}

#[wasm_bindgen_test]
async fn a_long_trend_table_follows_keyword_typing_at_once() {
    // A century of articles: a table drawn in part (the rows in view).
    let corpus = generated_corpus(100, |i| {
        (
            format!("Year {i}"),
            1900 + i as u16,
            "war and peace ".repeat(i % 4 + 1),
        )
    });
    let root = mount(corpus, "?view=trends&kw=peace").await;
    let header = |root: &Element| -> Vec<String> {
        all(root, ".trend-table thead th")
            .iter()
            .map(text)
            .collect()
    };
    assert_eq!(header(&root), ["Year", "peace", "Articles", "Words"]);
    let input: web_sys::HtmlInputElement = one(&root, "#keywords").unchecked_into();
    input.set_value("peace, war");
    fire(&input, "input").await;
    // Chart and table follow at once.
    assert_eq!(all(&root, "svg#trends-chart g.series").len(), 2);
    assert_eq!(header(&root), ["Year", "peace", "war", "Articles", "Words"]);
    let row_1903: Vec<String> = all(&root, ".trend-table tbody tr[data-period]")
        .into_iter()
        .find(|r| text(&one(r, "th")) == "1903")
        .map(|r| all(&r, "td").iter().map(text).collect())
        .unwrap();
    assert_eq!(
        row_1903[..2],
        ["4", "4"],
        "1903's article says war and peace four times"
    );
}

/// The page's engine has no normalisation tables: what a reader types is put
/// in NFC by the browser, so a decomposed "café" finds the corpus' "café"
/// (which the loader stored in NFC), and a soft hyphen in the text hides nothing.
#[wasm_bindgen_test]
async fn typed_accents_and_invisible_characters_find_their_words() {
    let corpus = generated_corpus(3, |i| {
        let body = [
            "A café in town.",
            "The Pay\u{AD}ment went through.",
            "Nothing here.",
        ][i];
        (format!("Article {i}"), 2020, body.to_string())
    });
    let root = mount(corpus, "").await;
    type_query(&root, "cafe\u{301}").await;
    assert_eq!(count_line(&root), "1 of 3 articles");
    assert_eq!(text(&one(&root, ".results mark")), "café");
    type_query(&root, "payment").await;
    assert_eq!(count_line(&root), "1 of 3 articles");
    assert_eq!(text(&one(&root, ".results mark")), "Pay\u{AD}ment");
}

/// `NOT` and `AND` in capitals are operators, as in web search (once,
/// "NOT wechat" found the three articles that mention WeChat).
#[wasm_bindgen_test]
async fn not_and_and_in_capitals_work_as_in_web_search() {
    let root = mount(embedded_corpus().unwrap(), "").await;
    type_query(&root, "wechat").await;
    let with = count_line(&root);
    assert_eq!(with, "3 of 5 articles");
    type_query(&root, "NOT wechat").await;
    assert_eq!(count_line(&root), "2 of 5 articles");
    type_query(&root, "-wechat").await;
    assert_eq!(count_line(&root), "2 of 5 articles");
    type_query(&root, "alipay AND wechat").await;
    let and = count_line(&root);
    type_query(&root, "alipay wechat").await;
    assert_eq!(count_line(&root), and);
    type_query(&root, "wechat NOT").await;
    assert!(text(&one(&root, ".query-error")).contains("NOT needs something after it"));
}

/// Keyboard: a skip link comes first and leads to the content; with an
/// article open, the views navigation marks Articles as the current view.
#[wasm_bindgen_test]
async fn a_skip_link_comes_first_and_an_open_article_marks_its_view() {
    let root = mount(embedded_corpus().unwrap(), "?article=anxious-alipay-2025").await;
    let first = one(&root, "a, button, input, select, [tabindex]");
    assert_eq!(text(&first), "Skip to the content");
    assert_eq!(first.get_attribute("href").as_deref(), Some("#main"));
    assert_eq!(
        one(&root, "main").get_attribute("tabindex").as_deref(),
        Some("-1")
    );
    let current: Vec<String> = all(&root, ".views li[aria-current=page]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(current, ["Articles"]);
}

/// The chart labels the years with data (all of them, when they fit) and
/// titles both axes; points resting on fewer than 3 articles are hollow,
/// say so, and give their article count.
#[wasm_bindgen_test]
async fn the_chart_labels_its_years_and_marks_points_on_few_articles() {
    let root = mount(embedded_corpus().unwrap(), "?view=trends&kw=wechat,ai").await;
    let labels: Vec<String> = all(&root, "svg#trends-chart text")
        .iter()
        .map(text)
        .collect();
    for year in ["2013", "2015", "2016", "2024", "2025", "Year", "Count"] {
        assert!(labels.iter().any(|l| l == year), "{year} in {labels:?}");
    }
    let points = all(&root, "svg#trends-chart .point-target");
    assert!(!points.is_empty());
    // Every year of the seed corpus has one article.
    assert!(points
        .iter()
        .all(|p| one(p, ".point").class_list().contains("few")));
    let label = points[0].get_attribute("aria-label").unwrap();
    assert!(label.ends_with("(1 article)"), "{label}");
    assert!(text(&one(&root, ".few-note")).contains("fewer than 3 articles"));
    // Both keywords are 0 in 2013: their markers stand side by side, not on each other.
    let centres: Vec<f64> = points
        .iter()
        .filter(|p| p.get_attribute("aria-label").unwrap().contains(", 2013: 0"))
        .map(|p| {
            let r = one(p, ".point").get_bounding_client_rect();
            r.left() + r.width() / 2.0
        })
        .collect();
    assert_eq!(centres.len(), 2);
    assert!(
        (centres[0] - centres[1]).abs() >= 3.0,
        "markers at one spot are set apart: {centres:?}"
    );
}

/// Each way of finding nothing says what is wrong, in its own words.
#[wasm_bindgen_test]
async fn finding_nothing_says_why_in_every_view() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?q=year:3000").await;
    let said = text(&one(&root, ".no-match"));
    assert!(
        said.contains("No article is from 3000: the articles span 2013 to 2025."),
        "{said}"
    );
    assert!(!said.contains("Each of its words"), "{said}");

    let root = mount(corpus, "?q=author:zhang").await;
    let said = text(&one(&root, ".query-error"));
    assert!(
        said.contains(
            "“author” is not a field: the fields are title:, source:, section:, tag:, lang:, year: and date:."
        ),
        "{said}"
    );

    let root = mount(corpus, "?q=tag:").await;
    assert!(text(&one(&root, ".query-error")).contains("tag:social."));

    let root = mount(corpus, "?q=soc").await;
    let fixes: Vec<String> = all(&root, ".no-match .suggestions a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        fixes.first().map(String::as_str),
        Some("social"),
        "a content word first: {fixes:?}"
    );

    let root = mount(corpus, "?view=contexts&q=year:2015").await;
    text_when(&root, ".contexts .empty", "only narrows").await;
    assert!(all(&root, ".kwic-table").is_empty());

    let root = mount(corpus, "?view=contexts&q=zzzz").await;
    text_when(
        &root,
        ".contexts .no-match",
        "Found nowhere in this corpus: “zzzz”",
    )
    .await;
    assert!(all(&root, ".kwic-table").is_empty() && all(&root, ".pager").is_empty());

    let root = mount(corpus, "?view=trends&kw=wechatt,ai").await;
    text_when(
        &root,
        ".keywords-nowhere",
        "Found nowhere in this corpus, so charted as 0: “wechatt”.",
    )
    .await;
    let fix = one(&root, ".keywords-nowhere .suggestions a");
    assert_eq!(text(&fix), "wechat,ai");
}

#[wasm_bindgen_test]
async fn a_search_that_finds_nothing_names_the_missing_words_and_suggests_others() {
    let root = mount(embedded_corpus().unwrap(), "").await;
    type_query(&root, "yuebao").await;
    assert_eq!(count_line(&root), "0 of 5 articles");
    let said = text(&one(&root, ".no-match"));
    assert!(said.contains("No article matches"), "{said}");
    assert!(
        said.contains("Found nowhere in this corpus: “yuebao”"),
        "{said}"
    );
    let fixes: Vec<String> = all(&root, ".no-match .suggestions a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        fixes.first().map(String::as_str),
        Some("yu'ebao"),
        "{fixes:?}"
    );
    // A suggestion is a link that runs the corrected query.
    let a: HtmlElement = one(&root, ".no-match .suggestions a").unchecked_into();
    a.click();
    leptos::task::tick().await;
    until(2000, "the corrected query's results", || {
        count_line(&root) == "1 of 5 articles"
    })
    .await;
    assert_eq!(search_box(&root).value(), "yu'ebao");
    assert!(root.query_selector(".no-match").unwrap().is_none());
    // In a phrase, the missing word is corrected in place.
    type_query(&root, "\"yue bao\"").await;
    let fixes: Vec<String> = all(&root, ".no-match .suggestions a")
        .iter()
        .map(text)
        .collect();
    assert!(fixes.contains(&"\"yu'e bao\"".to_string()), "{fixes:?}");
    // Words that all exist but not together: said so, no suggestion.
    type_query(&root, "\"alipay wechat baidu\"").await;
    let said = text(&one(&root, ".no-match"));
    assert!(
        said.contains("Each of its words occurs somewhere"),
        "{said}"
    );
    assert!(all(&root, ".no-match .suggestions a").is_empty());
}

fn list_words(root: &Element, n: usize) -> Vec<String> {
    all(
        root,
        &format!(".word-list-box:nth-child({n}) .word-list tbody th"),
    )
    .iter()
    .map(|th| {
        // The word alone, without the merged forms after it.
        th.first_child()
            .and_then(|c| c.text_content())
            .unwrap_or_default()
    })
    .collect()
}

#[wasm_bindgen_test]
async fn compare_lists_each_word_once_merges_forms_and_follows_the_stop_switch() {
    let corpus = embedded_corpus().unwrap();
    let pair = "?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025";
    let root = mount(corpus, pair).await;
    let figure = |root: &Element| text(&one(root, ".figures div:first-child dd"));
    let content = figure(&root);
    let lists: Vec<Vec<String>> = (1..=3).map(|n| list_words(&root, n)).collect();
    let mut seen = std::collections::BTreeSet::new();
    for w in lists.iter().flatten() {
        assert!(seen.insert(w.clone()), "{w} is in two lists: {lists:?}");
        assert!(
            w.chars().count() > 1 && w.chars().any(char::is_alphabetic),
            "{w} is listed"
        );
    }
    assert!(
        text(&one(&root, ".explain")).contains("cosine"),
        "the figure is explained"
    );
    // Stop words back in: the figure changes.
    let root = mount(corpus, &format!("{pair}&stop=0")).await;
    assert_ne!(
        figure(&root),
        content,
        "the stop-word switch changes the similarity"
    );
    // Word forms merged: "payment" and "payments" are one entry.
    let root = mount(corpus, &format!("{pair}&forms=1")).await;
    let words: Vec<String> = (1..=3).flat_map(|n| list_words(&root, n)).collect();
    assert!(
        !(words.contains(&"payment".to_string()) && words.contains(&"payments".to_string())),
        "{words:?}"
    );
    let merged: Vec<String> = all(&root, ".word-list .forms-merged")
        .iter()
        .map(text)
        .collect();
    assert!(!merged.is_empty(), "merged forms are shown");
}

#[wasm_bindgen_test]
async fn most_similar_articles_rank_every_other_article_and_open_the_pair() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=compare&left=alipay-dilemma-2024").await;
    let items = all(&root, ".most-similar .similar-list li");
    assert_eq!(
        items.len(),
        corpus.articles().len() - 1,
        "every other article"
    );
    let figures: Vec<f64> = items
        .iter()
        .map(|li| {
            let t = text(li);
            let pct = t.rsplit(' ').next().unwrap().trim_end_matches('%');
            pct.parse().unwrap()
        })
        .collect();
    assert!(figures.windows(2).all(|w| w[0] >= w[1]), "{figures:?}");
    let first: HtmlElement = one(&root, ".most-similar .similar-list a").unchecked_into();
    let title = text(&first);
    first.click();
    leptos::task::tick().await;
    let titles: Vec<String> = all(&root, ".columns .column h3").iter().map(text).collect();
    assert_eq!(titles.len(), 2);
    assert_eq!(titles[1], title, "the pair is open");
    assert_eq!(
        text(&one(&root, ".figures div:first-child dd")),
        format!("{}%", figures[0]),
        "the ranking's figure is the pair's"
    );
}

/// The texts of `selector` in `root`, once there is at least one (blocks
/// drawn in slices, or a task later, come when they are ready).
async fn texts_when(root: &Element, selector: &str) -> Vec<String> {
    until(2000, selector, || !all(root, selector).is_empty()).await;
    all(root, selector).iter().map(text).collect()
}

/// Waits until the text of `selector` contains `needle`.
async fn text_when(root: &Element, selector: &str, needle: &str) {
    until(2000, needle, || {
        all(root, selector)
            .first()
            .is_some_and(|e| text(e).contains(needle))
    })
    .await;
}

fn cell_texts(row: &Element) -> Vec<String> {
    all(row, "th, td").iter().map(text).collect()
}

#[wasm_bindgen_test]
async fn words_summarise_the_selection_and_list_its_words() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=words").await;
    let current: Vec<String> = all(&root, "nav.views li[aria-current=page]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(current, ["Words"]);
    let figures = text(&one(&root, ".words-summary .figures-list"));
    assert!(figures.contains("Articles5"), "{figures}");
    let total: usize = corpus.total_words();
    assert!(
        figures.contains(&format!(
            "Words{}",
            lens_engine::out::numbers::thousands(total)
        )),
        "{figures} vs {total}"
    );
    assert_eq!(
        all(&root, ".year-bars li").len(),
        2025 - 2013 + 1,
        "every year of the span"
    );
    // The word list: by count, no stop words, counts as a plain scan gives.
    texts_when(&root, ".words-frequencies tbody tr").await;
    let rows = all(&root, ".words-frequencies tbody tr");
    assert!(rows.len() >= 25);
    let first = cell_texts(&rows[0]);
    assert!(first[0].starts_with("alipay"), "{first:?}");
    let want: usize = corpus
        .articles()
        .iter()
        .map(|a| {
            lens_engine::text::tokenize::words(&a.text())
                .filter(|w| w.norm == "alipay")
                .count()
        })
        .sum();
    assert_eq!(first[1], lens_engine::out::numbers::thousands(want));
    let words: Vec<String> = rows.iter().map(|r| text(&one(r, "th a"))).collect();
    assert!(!words.iter().any(|w| w == "the" || w == "of"), "{words:?}");
    // A word links to its search and its trend.
    let links: Vec<String> = all(&rows[0], "a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert!(links.iter().any(|h| h.contains("q=alipay")), "{links:?}");
    assert!(
        links
            .iter()
            .any(|h| h.contains("view=trends") && h.contains("kw=alipay")),
        "{links:?}"
    );
    // The whole corpus against the rest: nothing to compare, and the page says so.
    text_when(&root, ".words-keyness", "nothing is left to compare").await;
    // A click on a year's bar narrows the search to that year.
    let bar: HtmlElement = one(&root, ".year-bars li:last-child button").unchecked_into();
    bar.click();
    leptos::task::tick().await;
    until(2000, "the search narrowed to 2025", || {
        search_box(&root).value() == "year:2025"
    })
    .await;
    let over = texts_when(
        &root,
        ".words-keyness table:first-of-type tbody th a:first-child",
    )
    .await;
    assert!(!over.is_empty(), "a year against the rest has keywords");
}

#[wasm_bindgen_test]
async fn words_keywords_phrases_and_trends_follow_their_controls() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=words&q=year:2024..2025").await;
    let over = texts_when(
        &root,
        ".words-keyness .key-tables > div:first-child tbody th > a:first-child",
    )
    .await;
    assert!(
        over.contains(&"traffic".to_string()) && over.contains(&"ai".to_string()),
        "{over:?}"
    );
    let caption = text(&one(&root, ".words-keyness caption"));
    assert!(caption.starts_with("Over-represented"), "{caption}");
    // Phrases: of two words by default, each linking to a quoted search.
    texts_when(&root, ".words-phrases tbody th a").await;
    let phrase = one(&root, ".words-phrases tbody th a");
    assert_eq!(text(&phrase).split(' ').count(), 2);
    assert!(
        phrase.get_attribute("href").unwrap().contains("%22"),
        "quoted"
    );
    let root = mount(corpus, "?view=words&plen=3").await;
    let phrase = texts_when(&root, ".words-phrases tbody th a").await[0].clone();
    assert_eq!(phrase.split(' ').count(), 3, "{phrase}");
    // Rising and falling: five years with articles, so there are trends.
    assert!(!texts_when(&root, ".words-trends tbody tr").await.is_empty());
    // One year: too few for a trend, and the page says so.
    let root = mount(corpus, "?view=words&q=year:2016").await;
    text_when(&root, ".words-trends", "a trend needs at least 3").await;
    // A filter keeps words starting with it.
    let root = mount(corpus, "?view=words&wf=pay").await;
    let words = texts_when(&root, ".words-frequencies tbody th > a:first-child").await;
    assert!(
        !words.is_empty() && words.iter().all(|w| w.starts_with("pay")),
        "{words:?}"
    );
}

#[wasm_bindgen_test]
async fn contexts_list_every_match_sort_by_a_neighbour_and_find_collocates() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=contexts").await;
    assert!(
        text(&one(&root, ".contexts")).contains("Type a word"),
        "no node: says what to do"
    );
    let root = mount(corpus, "?view=contexts&q=wechat").await;
    let drawn = |root: &Element| {
        text(&one(root, ".concordance .counting")).contains("lines 1–")
            && !all(root, ".dispersion tbody tr").is_empty()
            && !all(root, ".collocates tbody tr").is_empty()
    };
    until(2000, "the concordance, dispersion and collocates", || {
        drawn(&root)
    })
    .await;
    // The keyboard can jump past a page of lines: each link leads to a part
    // of the view that takes the focus.
    let jumps = all(&root, ".contexts nav.jump a");
    assert_eq!(jumps.len(), 3);
    for a in &jumps {
        let id = a.get_attribute("href").unwrap();
        let target = one(&root, &id);
        assert_eq!(target.tag_name(), "SECTION", "{id}");
        assert_eq!(
            target.get_attribute("tabindex").as_deref(),
            Some("-1"),
            "{id}"
        );
        assert!(
            text(&target).starts_with(&text(a)),
            "{id} is headed {}",
            text(a)
        );
    }
    // Every match, as a plain scan counts them.
    let want: usize = corpus
        .articles()
        .iter()
        .map(|a| {
            lens_engine::text::tokenize::words(&a.text())
                .filter(|w| w.norm == "wechat")
                .count()
        })
        .sum();
    // (The page's lines are drawn in parts, a frame apart, empty rows
    // holding their place meanwhile.)
    until(2000, "the page's lines", || {
        all(&root, ".kwic-table tbody tr:not(.pending)").len() >= want.min(100)
    })
    .await;
    assert!(all(&root, ".kwic-table tbody tr.pending").is_empty());
    let rows = all(&root, ".kwic-table tbody tr");
    assert_eq!(rows.len(), want.min(100));
    let status = text(&one(&root, ".concordance .counting"));
    assert!(
        status.starts_with(&format!("{want} matches in ")),
        "{status}"
    );
    for r in &rows {
        let key = text(&one(r, ".kwic-key"));
        let norm: Vec<String> = lens_engine::text::tokenize::words(&key)
            .map(|w| w.norm.into_owned())
            .collect();
        assert_eq!(norm, ["wechat"], "{key}");
    }
    // Sorted by 1R: the words right of the match in order.
    let root = mount(corpus, "?view=contexts&q=wechat&s1=1R").await;
    until(2000, "the sorted concordance", || drawn(&root)).await;
    let firsts: Vec<String> = all(&root, ".kwic-table tbody td.kwic-right")
        .iter()
        .map(|td| {
            lens_engine::text::tokenize::words(&text(td))
                .next()
                .map(|w| w.norm.into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut sorted = firsts.clone();
    sorted.sort();
    assert_eq!(firsts, sorted);
    // A line opens the article at its match.
    let link = one(&root, ".kwic-table tbody a");
    assert!(link.get_attribute("href").unwrap().contains("match="));
    // Collocates, each narrowing the concordance to lines with it nearby.
    let colloc = all(&root, ".collocates tbody th a");
    assert!(!colloc.is_empty());
    let first: HtmlElement = colloc[0].clone().unchecked_into();
    let word = text(&first);
    first.click();
    leptos::task::tick().await;
    until(2000, "the concordance narrowed", || {
        text(&one(&root, ".concordance .counting"))
            .contains(&format!("only those with “{word}” nearby"))
    })
    .await;
    assert!(!all(&root, ".kwic-table tbody tr").is_empty());
    // Where the matches fall: a row per article with matches.
    assert!(!all(&root, ".dispersion tbody tr").is_empty());
}

#[wasm_bindgen_test]
fn links_are_encoded_as_url_search_params_encodes_them() {
    for v in [
        "a b",
        "year:2013..2016 -wechat",
        "&=?#+%",
        "\"yu'e bao\"",
        "支付宝 alipay",
        "émigré 😀",
        "*-._~!'()",
        "",
    ] {
        let mut ours = String::new();
        corpus_lens::url_state::form_encode(v, &mut ours);
        let js = web_sys::UrlSearchParams::new().unwrap();
        js.append("q", v);
        assert_eq!(format!("q={ours}"), String::from(js.to_string()), "{v}");
    }
}

/// What #24 asked of the numbers' pages, as a reader sees them.
#[wasm_bindgen_test]
async fn rising_words_show_their_fit_and_every_year() {
    let root = mount(embedded_corpus().unwrap(), "?view=words").await;
    let rows = texts_when(&root, ".words-trends .trend-table tbody tr").await;
    assert!(!rows.is_empty());
    let basis = text(&one(&root, ".words-trends"));
    assert!(
        basis.contains("Fitted over 5 years with articles, each weighted by its words"),
        "{basis}"
    );
    let rising = all(&root, ".words-trends .trend-table")[0].clone();
    for tr in all(&rising, "tbody tr") {
        let cells = cell_texts(&tr);
        // "a → b": the fitted line of a rising word rises.
        let (a, b) = cells[2].split_once(" → ").expect("fitted first → last");
        assert!(
            b.parse::<f64>().unwrap() > a.parse::<f64>().unwrap(),
            "{cells:?}"
        );
        // A dot for every year the word's rate is known (the seed's five years).
        assert_eq!(all(&tr, "svg.sparkline circle").len(), 5, "{cells:?}");
    }
    // Words' years without articles are not offered as narrowing.
    let root = mount(embedded_corpus().unwrap(), "?view=words&q=wechat").await;
    texts_when(&root, ".year-bars li").await;
    for li in all(&root, ".year-bars li") {
        let n: usize = text(&one(&li, ".n")).parse().unwrap();
        assert_eq!(
            all(&li, "button").len(),
            usize::from(n > 0),
            "{}",
            text(&li)
        );
    }
}

#[wasm_bindgen_test]
async fn collocates_mark_repelled_words_and_every_table_says_what_its_numbers_mean() {
    let root = mount(
        embedded_corpus().unwrap(),
        "?view=contexts&q=alipay&cby=g2&stop=0",
    )
    .await;
    let rows = texts_when(&root, ".collocates tbody tr").await;
    // Ordered by signed G²: every attracted word before every repelled one.
    let g2: Vec<f64> = all(&root, ".collocates tbody tr")
        .iter()
        .map(|tr| {
            cell_texts(tr)
                .last()
                .unwrap()
                .replace('−', "-")
                .parse::<f64>()
                .unwrap()
        })
        .collect();
    assert!(g2.windows(2).all(|w| w[0] >= w[1]), "{g2:?}");
    for tr in all(&root, ".collocates tbody tr") {
        let repelled = tr.class_list().contains("repelled");
        let last: f64 = cell_texts(&tr).last().unwrap().parse().unwrap();
        assert_eq!(repelled, last < 0.0, "{}", text(&tr));
        assert_eq!(repelled, text(&tr).contains("(repelled)"));
    }
    assert!(!rows.is_empty());
    let meaning = text(&one(&root, ".collocates details.meaning"));
    for m in ["logDice", "MI", "T-score", "G²", "can exceed Total"] {
        assert!(meaning.contains(m), "{m}: {meaning}");
    }
    let root = mount(embedded_corpus().unwrap(), "?view=words&q=year:2024..2025").await;
    texts_when(&root, ".words-keyness tbody tr").await;
    assert!(text(&one(&root, ".words-keyness details.meaning")).contains("Log ratio"));
}

#[wasm_bindgen_test]
async fn near_is_read_by_the_one_rule_and_tags_and_passages_read_as_written() {
    let corpus = embedded_corpus().unwrap();
    let lines = |root: &Element| text(&one(root, ".concordance .counting"));
    let root = mount(corpus, "?view=contexts&q=wechat&near=alipay").await;
    texts_when(&root, ".kwic-table tbody tr").await;
    let plain = lines(&root);
    let root = mount(corpus, "?view=contexts&q=wechat&near=Alipay%E2%80%99s").await;
    texts_when(&root, ".kwic-table tbody tr").await;
    assert_eq!(lines(&root), plain, "Alipay’s is alipay");
    // The reader's tags lead to their articles.
    let root = mount(corpus, "?article=real-name-social-2015").await;
    let tag = one(&root, ".meta .tags a");
    assert!(
        tag.get_attribute("href").unwrap().contains("q=tag%3A"),
        "{:?}",
        tag.get_attribute("href")
    );
    // Shared passages as the left article writes them (capitals kept).
    let root = mount(
        corpus,
        "?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025&n=3",
    )
    .await;
    let passages: Vec<String> = all(&root, ".passage-list li button")
        .iter()
        .map(text)
        .collect();
    assert!(!passages.is_empty());
    assert!(
        passages.iter().any(|p| p.chars().any(char::is_uppercase)),
        "{passages:?}"
    );
}

/// Articles dated by the day over half a year, and one dated only by its
/// year: Auto charts them by week, a month grain by month with the naive
/// counts, and the year-only article is said to be left out, with the way
/// to include it; a period's row lists its contexts with its dates.
/// Sixty articles dated by the day, every third day from 2 January 2019
/// ("alipay" 1 to 3 times each), and one dated only by its year.
fn days_corpus() -> &'static Corpus {
    let mut articles: Vec<Article> = (0..60u32)
        .map(|i| {
            // Every third day from 2 January 2019; "alipay" i % 3 + 1 times.
            let day0 = lens_engine::corpus::period::days_from_civil(2019, 1, 2) + i64::from(i) * 3;
            let (y, m, d) = lens_engine::corpus::period::civil_from_days(day0);
            let date = ArticleDate {
                year: y as u16,
                month: Some(m as u8),
                day: Some(d as u8),
            };
            let text = "alipay ".repeat(i as usize % 3 + 1);
            Article::new(
                format!("d{i:02}"),
                format!("Day {i}"),
                date,
                vec![Block::Paragraph(text.into())],
            )
        })
        .collect();
    articles.push(Article::new(
        "y2019",
        "Only a year",
        ArticleDate::parse("2019").unwrap(),
        vec![Block::Paragraph("alipay".into())],
    ));
    Box::leak(Box::new(Corpus::new(
        CorpusInfo {
            name: "days".into(),
            description: None,
            ..CorpusInfo::default()
        },
        articles,
    )))
}

#[wasm_bindgen_test]
async fn the_grain_cuts_time_and_says_what_it_leaves_out() {
    let corpus = days_corpus();
    let header = |root: &Element| -> Vec<String> {
        all(root, ".trend-table thead th")
            .iter()
            .map(text)
            .collect()
    };
    let first_cells = |root: &Element| -> Vec<String> {
        all(root, ".trend-table tbody th")
            .iter()
            .map(text)
            .collect()
    };
    // Auto: the year-only article makes every finer grain leave it out, so Year.
    let root = mount(corpus, "?view=trends&kw=alipay").await;
    texts_when(&root, ".trend-table tbody tr").await;
    assert_eq!(header(&root)[0], "Year");
    let grain: web_sys::HtmlSelectElement = all(&root, ".trends-controls select")
        .into_iter()
        .find(|s| text(&s.parent_element().unwrap()).starts_with("Grain"))
        .unwrap()
        .unchecked_into();
    assert_eq!(grain.value(), "auto");
    assert!(text(&grain).contains("Auto (year)"), "{}", text(&grain));
    // Chosen: the table is drawn again in the new periods.
    grain.set_value("quarter");
    fire(&grain, "change").await;
    until(2000, "the table by quarter", || {
        header(&root)[0] == "Quarter"
    })
    .await;
    assert_eq!(first_cells(&root), ["Q1 2019", "Q2 2019"]);
    // By month: six months, each with the naive count.
    let root = mount(corpus, "?view=trends&kw=alipay&grain=month").await;
    texts_when(&root, ".trend-table tbody tr").await;
    assert_eq!(header(&root), ["Month", "alipay", "Articles", "Words"]);
    assert_eq!(
        first_cells(&root),
        ["Jan 2019", "Feb 2019", "Mar 2019", "Apr 2019", "May 2019", "Jun 2019"]
    );
    for (r, row) in all(&root, ".trend-table tbody tr").iter().enumerate() {
        let month = r as u8 + 1;
        let in_month: Vec<&Article> = corpus
            .articles()
            .iter()
            .filter(|a| a.date.month == Some(month))
            .collect();
        let want: usize = in_month
            .iter()
            .map(|a| a.body[0].text().matches("alipay").count())
            .sum();
        let cells: Vec<String> = all(row, "td").iter().map(text).collect();
        assert_eq!(cells[0], want.to_string(), "count in month {month}");
        assert_eq!(
            cells[1],
            in_month.len().to_string(),
            "articles in month {month}"
        );
    }
    let notice = text(&one(&root, ".left-out"));
    assert!(
        notice.starts_with("1 article counted is dated less precisely than a month: left out here, never placed in a month it may not belong to."),
        "{notice}"
    );
    let include: web_sys::HtmlAnchorElement = one(&root, ".left-out a").unchecked_into();
    assert_eq!(text(&include), "Show by year to include it");
    assert!(include.href().contains("grain=year"), "{}", include.href());
    // A week's row says its days, and lists its contexts under them.
    let root = mount(corpus, "?view=trends&kw=alipay&grain=week&at=2019-W02").await;
    let heading = texts_when(&root, ".year-contexts h3").await;
    assert_eq!(
        heading,
        ["W02 2019 (7 Jan 2019 – 13 Jan 2019): keywords in context"]
    );
    let listed = texts_when(&root, ".year-article h4").await;
    // Days 2, 5, 8, 11, 14 January: the 8th and the 11th are in week 2.
    assert_eq!(listed.len(), 2, "{listed:?}");
}

/// A table of more periods than a box shows draws the rows near its view
/// and says how many it has: at Day grain, 60 articles every third day
/// make 178 days; scrolled to the end, the last day is drawn with its
/// naive count (tests/e2e/trends.test.mjs goes through one by keyboard).
#[wasm_bindgen_test]
async fn a_long_table_draws_the_rows_in_view_and_says_how_many_it_has() {
    let corpus = days_corpus();
    let root = mount(corpus, "?view=trends&kw=alipay&grain=day").await;
    texts_when(&root, ".trend-table tbody tr[data-period]").await;
    let days = 178; // 2 January to 28 June 2019
    let table = one(&root, ".trend-table");
    assert_eq!(
        table.get_attribute("aria-rowcount"),
        Some((days + 1).to_string())
    );
    let drawn = || all(&root, ".trend-table tbody tr[data-period]");
    let first = drawn();
    assert!(first.len() < 60, "{} rows drawn", first.len());
    assert_eq!(
        first[0].get_attribute("aria-rowindex").as_deref(),
        Some("2")
    );
    assert_eq!(text(&one(&first[0], "th")), "2 Jan 2019");
    // The box is as tall as the whole table would be.
    let scroller = one(&root, ".trend-table")
        .closest(".table-scroll")
        .unwrap()
        .unwrap();
    let row_px = first[0].get_bounding_client_rect().height();
    assert!(
        f64::from(scroller.scroll_height()) >= days as f64 * row_px,
        "{} px for {days} rows of {row_px} px",
        scroller.scroll_height()
    );
    // Scrolled to the end: the last day, with its naive count. (The test
    // page has no style sheet: the box scrolls as style/main.css makes it.)
    scroller
        .unchecked_ref::<web_sys::HtmlElement>()
        .style()
        .set_property("overflow-y", "auto")
        .unwrap();
    scroller.set_scroll_top(scroller.scroll_height());
    until(2000, "the last day drawn", || {
        drawn()
            .last()
            .is_some_and(|r| r.get_attribute("data-period").as_deref() == Some("2019-06-28"))
    })
    .await;
    let last = drawn().pop().unwrap();
    assert_eq!(
        last.get_attribute("aria-rowindex"),
        Some((days + 1).to_string())
    );
    let want = corpus
        .articles()
        .iter()
        .find(|a| a.date.month == Some(6) && a.date.day == Some(28))
        .map(|a| a.body[0].text().matches("alipay").count())
        .unwrap();
    assert_eq!(text(&all(&last, "td")[0]), want.to_string());
    assert!(all(&root, ".trend-table tbody tr[data-period=\"2019-01-02\"]").is_empty());
    // Back to the top.
    scroller.set_scroll_top(0);
    until(2000, "the first day drawn again", || {
        !all(&root, ".trend-table tbody tr[data-period=\"2019-01-02\"]").is_empty()
    })
    .await;
}

/// Attention over time: per month, the articles matching the search and
/// all the month's articles, as counted naively; a month chosen in its
/// table narrows the search to it.
#[wasm_bindgen_test]
async fn attention_counts_the_matching_articles_per_period_and_narrows_to_one() {
    let corpus = days_corpus();
    let root = mount(corpus, "?view=trends&grain=month&q=%22alipay%20alipay%22").await;
    let heading = texts_when(&root, "#attention-heading").await;
    assert_eq!(heading, ["Articles matching the search per month"]);
    let rows: Vec<Vec<String>> = all(&root, ".attention-table tbody tr")
        .iter()
        .map(|r| all(r, "th, td").iter().map(text).collect())
        .collect();
    assert_eq!(rows.len(), 6);
    for (i, row) in rows.iter().enumerate() {
        let month = i as u8 + 1;
        let in_month: Vec<&Article> = corpus
            .articles()
            .iter()
            .filter(|a| a.date.month == Some(month))
            .collect();
        let matching = in_month
            .iter()
            .filter(|a| a.body[0].text().matches("alipay").count() >= 2)
            .count();
        assert_eq!(row[1], matching.to_string(), "matching in month {month}");
        assert_eq!(row[2], in_month.len().to_string(), "all in month {month}");
        assert_eq!(
            row[3],
            format!("{:.2}%", matching as f64 / in_month.len() as f64 * 100.0)
        );
    }
    let feb: HtmlElement = all(&root, ".attention-table tbody th button")
        .into_iter()
        .find(|b| text(b) == "Feb 2019")
        .unwrap()
        .unchecked_into();
    feb.click();
    leptos::task::tick().await;
    assert_eq!(search_box(&root).value(), "\"alipay alipay\" date:2019-02");
}

/// Split by tag: a line per tag for the keyword, named in the legend and
/// the table's header, each counting only in its tag's articles; a line's
/// own filter is named too, and a filter that does not parse says why.
#[wasm_bindgen_test]
async fn lines_split_by_tag_and_lines_with_their_own_filter() {
    let corpus = embedded_corpus().unwrap();
    let root = mount(corpus, "?view=trends&kw=wechat&split=tag").await;
    let header = texts_when(&root, ".trend-table thead th").await;
    let lines: Vec<&String> = header
        .iter()
        .filter(|h| h.starts_with("wechat · "))
        .collect();
    assert!(lines.len() >= 2, "{header:?}");
    let legend: Vec<String> = all(&root, ".legend li").iter().map(text).collect();
    assert!(
        legend.iter().any(|l| l.starts_with("wechat · social (")),
        "{legend:?}"
    );
    // The social line counts wechat in the articles tagged social only.
    let index = lens_engine::index::Index::new(corpus);
    let m = index.matches(
        &lens_engine::search::query::parse("wechat tag:social")
            .unwrap()
            .query,
        Default::default(),
    );
    let want: usize = m.docs.iter().map(|d| index.match_count(&m, d)).sum();
    let col = header.iter().position(|h| h == "wechat · social").unwrap() - 1;
    let got: usize = all(&root, ".trend-table tbody tr")
        .iter()
        .filter_map(|r| all(r, "td").get(col).map(text))
        .filter_map(|t| t.parse::<usize>().ok())
        .sum();
    assert_eq!(got, want);
    let root = mount(
        corpus,
        "?view=trends&kw=wechat%20%40%20year%3A2016%2C%20wechat",
    )
    .await;
    let header = texts_when(&root, ".trend-table thead th").await;
    assert_eq!(header[1..3], ["wechat @ year:2016", "wechat"]);
    let root = mount(corpus, "?view=trends&kw=wechat%20%40%20(").await;
    let said = texts_when(&root, "#keywords-error").await;
    assert!(said[0].starts_with("“wechat @ (”: after @,"), "{said:?}");
}

/// Words' summary lists articles per period at the grain of the URL, says
/// what it leaves out, and a bar narrows the search to its period.
#[wasm_bindgen_test]
async fn words_counts_articles_per_period_at_the_grain() {
    let corpus = days_corpus();
    let root = mount(corpus, "?view=words&grain=month").await;
    let heading = texts_when(&root, "#per-year-heading").await;
    assert_eq!(heading, ["Articles per month"]);
    let bars: Vec<String> = all(&root, ".year-bars li .year").iter().map(text).collect();
    assert_eq!(
        bars,
        ["Jan 2019", "Feb 2019", "Mar 2019", "Apr 2019", "May 2019", "Jun 2019"]
    );
    let counts: Vec<String> = all(&root, ".year-bars li .n").iter().map(text).collect();
    let want: Vec<String> = (1..=6u8)
        .map(|m| {
            corpus
                .articles()
                .iter()
                .filter(|a| a.date.month == Some(m))
                .count()
                .to_string()
        })
        .collect();
    assert_eq!(counts, want);
    assert!(text(&one(&root, ".words-summary"))
        .contains("1 of these articles is dated less precisely than a month: in no bar."));
    let feb: HtmlElement = all(&root, ".year-bars li button")
        .into_iter()
        .find(|b| text(b).starts_with("Feb 2019"))
        .unwrap()
        .unchecked_into();
    // Rising and falling words are fitted over the months.
    text_when(&root, ".words-trends", "Fitted over 6 months with articles").await;
    let basis = text(&one(&root, ".words-trends"));
    assert!(
        basis.contains("1 article dated less precisely than a month is left out"),
        "{basis}"
    );
    feb.click();
    leptos::task::tick().await;
    assert_eq!(search_box(&root).value(), "date:2019-02");
}

/// Words' articles per day: 178 days, a list in its own box that draws the
/// items near its view and says how many it has; scrolled to its end, the
/// last day with its one article.
#[wasm_bindgen_test]
async fn words_lists_many_periods_in_a_box_drawn_near_its_view() {
    let root = mount(days_corpus(), "?view=words&grain=day").await;
    texts_when(&root, ".year-bars li[aria-posinset]").await;
    let drawn = || all(&root, ".year-bars li[aria-posinset]");
    // (No style sheet in the test page: the box is made as style/main.css
    // makes it, and the list follows its new size.)
    let scroller: HtmlElement = one(&root, ".year-bars-box").unchecked_into();
    scroller.style().set_property("overflow-y", "auto").unwrap();
    scroller
        .style()
        .set_property("max-height", "20rem")
        .unwrap();
    until(2000, "the items in view drawn", || drawn().len() < 60).await;
    let first = drawn();
    assert_eq!(
        first[0].get_attribute("aria-setsize").as_deref(),
        Some("178")
    );
    assert!(
        text(&first[0]).starts_with("2 Jan 2019"),
        "{}",
        text(&first[0])
    );
    scroller.set_scroll_top(scroller.scroll_height());
    until(2000, "the last day drawn", || {
        drawn()
            .last()
            .and_then(|l| l.get_attribute("aria-posinset"))
            .as_deref()
            == Some("178")
    })
    .await;
    let last = text(&drawn().pop().unwrap());
    assert!(
        last.starts_with("28 Jun 2019") && last.contains("1 article"),
        "{last}"
    );
}

/// Contexts: the matches per month beside the concordance's heading, a bar
/// each with its naive count; in the table below, a link narrowing the
/// search to its month; a click on a bar narrows so too.
#[wasm_bindgen_test]
async fn contexts_count_the_matches_per_period() {
    let corpus = days_corpus();
    let root = mount(corpus, "?view=contexts&q=alipay&grain=month").await;
    let label = texts_when(&root, "#period-strip-label").await;
    assert_eq!(
        label,
        ["Matches per month (1 article dated less precisely than a month not placed)"]
    );
    let bars = all(&root, ".period-strip li");
    assert_eq!(bars.len(), 6);
    for (i, li) in bars.iter().enumerate() {
        let month = i as u8 + 1;
        let want: usize = corpus
            .articles()
            .iter()
            .filter(|a| a.date.month == Some(month))
            .map(|a| a.body[0].text().matches("alipay").count())
            .sum();
        let title = li.get_attribute("title").unwrap();
        assert!(title.ends_with(&format!(": {want} matches")), "{title}");
        let row = &all(&root, ".period-table tbody tr")[i];
        assert_eq!(text(&one(row, "td")), want.to_string());
        let href = one(row, "a").get_attribute("href").unwrap();
        assert!(href.contains(&format!("date%3A2019-0{month}")), "{href}");
    }
    // The bars are a drawing (no tab stop each); a click on March's narrows
    // the search to March.
    assert!(all(&root, ".period-strip ul a").is_empty());
    let march: HtmlElement = one(&bars[2], ".bar").unchecked_into();
    march.click();
    leptos::task::tick().await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("date%3A2019-03"), "{search}");
}

/// Contexts' strip at a grain with more periods than a strip shows (178
/// days): drawn by week instead, and said; the weeks' matches are the
/// naive counts.
#[wasm_bindgen_test]
async fn contexts_strip_takes_a_coarser_grain_where_the_chosen_has_too_many_periods() {
    let corpus = days_corpus();
    let root = mount(corpus, "?view=contexts&q=alipay&grain=day").await;
    let label = texts_when(&root, "#period-strip-label").await;
    assert_eq!(
        label,
        ["Matches per week (by day there would be too many bars) (1 article dated less precisely than a week not placed)"]
    );
    let bars = all(&root, ".period-strip li");
    // 2 January (week 1) to 28 June 2019 (week 26).
    assert_eq!(bars.len(), 26);
    let total: usize = bars
        .iter()
        .map(|li| {
            let t = li.get_attribute("title").unwrap();
            t.rsplit(": ")
                .next()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    let want: usize = corpus
        .articles()
        .iter()
        .filter(|a| a.date.day.is_some())
        .map(|a| a.body[0].text().matches("alipay").count())
        .sum();
    assert_eq!(total, want);
}

/// German, English and French articles, with the German stop list the
/// corpus' encoded form would carry (the page has only English's).
fn mixed_corpus() -> &'static Corpus {
    let article = |id: &'static str, lang: &'static str, text: &'static str| {
        let mut a = Article::new(
            id,
            id,
            ArticleDate::parse("2020").unwrap(),
            vec![Block::Paragraph(text.into())],
        );
        a.language = lang.into();
        a
    };
    let corpus = Corpus::new(
        CorpusInfo::named("mixed"),
        vec![
            article("de1", "de", "Die Zahlungen und die Händler wachsen."),
            article("de2", "de-AT", "Die Zahlungen der Kunden und der Händler."),
            article("en1", "en", "The payments and the payment apps grow."),
            article("fr1", "fr", "Les paiements et le paiement mobile."),
        ],
    )
    .with_stop_lists(vec![lens_engine::text::lexicon::StopList::new(
        "de",
        ["die", "der", "und"],
    )]);
    Box::leak(Box::new(corpus))
}

#[wasm_bindgen_test]
async fn a_mixed_corpus_has_a_language_filter_and_stems_each_language() {
    let root = mount(mixed_corpus(), "").await;
    let labels: Vec<String> = all(&root, ".facet")
        .into_iter()
        .filter(|f| text(&one(f, "legend")).starts_with("Language"))
        .flat_map(|f| all(&f, "label").iter().map(text).collect::<Vec<_>>())
        .collect();
    assert_eq!(labels, ["German2", "English1", "French1"]);
    // The list says each article's language in a corpus of several.
    assert!(all(&root, ".result-meta")
        .iter()
        .any(|m| text(m).contains(" · German ")));
    let german: HtmlElement = all(&root, ".facet li label")
        .into_iter()
        .find(|l| text(l).starts_with("German"))
        .map(|l| one(&l, "input").unchecked_into())
        .unwrap();
    german.click();
    leptos::task::tick().await;
    assert_eq!(search_box(&root).value(), "lang:de");
    assert_eq!(count_line(&root), "2 of 4 articles");
    // Word forms by each word's language: "zahlung" finds "Zahlungen".
    let root = mount(mixed_corpus(), "?q=zahlung&forms=1").await;
    assert_eq!(count_line(&root), "2 of 4 articles");
    let root = mount(mixed_corpus(), "?q=zahlung").await;
    assert!(
        count_line(&root).starts_with("0 of 4"),
        "{}",
        count_line(&root)
    );
}

#[wasm_bindgen_test]
async fn the_readers_own_stop_words_edit_the_word_list_and_live_in_the_url() {
    let corpus = mixed_corpus();
    let root = mount(corpus, "?view=words").await;
    let listed = |root: &Element| -> Vec<String> {
        all(root, ".words-frequencies tbody tr th a")
            .iter()
            .map(text)
            .collect()
    };
    texts_when(&root, ".words-frequencies tbody tr").await;
    let before = listed(&root);
    assert!(before.contains(&"zahlungen".into()), "{before:?}");
    assert!(
        !before.contains(&"und".into()) && !before.contains(&"the".into()),
        "each language's list"
    );
    // Add a word: typed in the field, "Leave out".
    let field: web_sys::HtmlInputElement = one(&root, "#words-stop-word").unchecked_into();
    field.set_value("Zahlungen");
    fire(&field, "input").await;
    let form: web_sys::HtmlFormElement = one(&root, "form.stop-edit").unchecked_into();
    form.request_submit().unwrap();
    leptos::task::tick().await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("addstop=zahlungen"), "{search}");
    until(2000, "zahlungen left out", || {
        !listed(&root).contains(&"zahlungen".into())
    })
    .await;
    // Keep a word of the German list.
    field.set_value("und");
    fire(&field, "input").await;
    let keep: HtmlElement = all(&root, "form.stop-edit button")
        .into_iter()
        .find(|b| text(b) == "Keep")
        .unwrap()
        .unchecked_into();
    keep.click();
    leptos::task::tick().await;
    until(2000, "und listed", || listed(&root).contains(&"und".into())).await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("keepstop=und"), "{search}");
    assert!(text(&one(&root, ".stop-list summary")).contains("1 added, 1 kept"));
    // A shared link keeps the edits.
    let shared = mount(corpus, &search).await;
    texts_when(&shared, ".words-frequencies tbody tr").await;
    let got = listed(&shared);
    assert!(
        got.contains(&"und".into()) && !got.contains(&"zahlungen".into()),
        "{got:?}"
    );
    // Taking a word back: its button.
    let undo: HtmlElement =
        one(&shared, "button[aria-label='Stop leaving out “zahlungen”']").unchecked_into();
    undo.click();
    leptos::task::tick().await;
    until(2000, "zahlungen back", || {
        listed(&shared).contains(&"zahlungen".into())
    })
    .await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(!search.contains("addstop"), "{search}");
}

#[path = "../engine/tests/samples/mod.rs"]
mod samples;

/// The page's WebAssembly cuts Chinese as the native engine does, byte for
/// byte: the same 3,000 sentences give the digest the native test pins.
/// (It installs the dictionary for the rest of this test page: no other
/// test here reads Chinese text.)
#[wasm_bindgen_test]
fn the_page_cuts_chinese_as_the_native_engine_does() {
    use lens_engine::text::segment::{chinese, install_chinese, Dictionary};
    const WORDS: &str = include_str!("../engine/data/zh-words.txt");
    if chinese().is_none() {
        install_chinese(Dictionary::parse(WORDS).unwrap());
    }
    let sentences = samples::chinese(WORDS);
    assert_eq!(samples::digest(&sentences, false), samples::CHINESE);
}

/// The same for Japanese: the page's WebAssembly, with the Chinese
/// dictionary and the Japanese model installed (as for a Japanese corpus),
/// gives the digest of the native cut of the same 3,000 sentences. (Kana
/// text is in no other test here; the Chinese sample has none, so the
/// order of the two tests changes neither digest: the native test checks.)
#[wasm_bindgen_test]
fn the_page_cuts_japanese_as_the_native_engine_does() {
    use lens_engine::text::japanese::{install_japanese, japanese, Model};
    use lens_engine::text::segment::{chinese, install_chinese, Dictionary};
    const WORDS: &str = include_str!("../engine/data/zh-words.txt");
    const MODEL: &str = include_str!("../engine/data/ja-model.txt");
    if chinese().is_none() {
        install_chinese(Dictionary::parse(WORDS).unwrap());
    }
    if japanese().is_none() {
        install_japanese(Model::parse(MODEL).unwrap());
    }
    let sentences = samples::japanese();
    assert_eq!(samples::digest(&sentences, false), samples::JAPANESE);
}

/// The same for Thai, Lao, Khmer and Burmese: the page's WebAssembly, with
/// the four word lists installed, gives the digest of the native cut of the
/// same 3,000 sentences. (No other test here reads these scripts.)
#[wasm_bindgen_test]
fn the_page_cuts_thai_lao_khmer_and_burmese_as_the_native_engine_does() {
    use lens_engine::text::segment::{Dictionary, Script};
    const LISTS: [&str; 4] = [
        include_str!("../engine/data/th-words.txt"),
        include_str!("../engine/data/lo-words.txt"),
        include_str!("../engine/data/km-words.txt"),
        include_str!("../engine/data/my-words.txt"),
    ];
    for (script, list) in Script::ALL.into_iter().zip(LISTS) {
        if script.words().is_none() {
            script.install_words(Dictionary::parse(list).unwrap());
        }
    }
    assert_eq!(
        samples::digest(&samples::scripts(LISTS), true),
        samples::SCRIPTS
    );
}
