//! The page in headless Chromium: what a reader sees of the seed corpus.
//! Run by `scripts/test.sh` (wasm-bindgen-test-runner with Chromium).
#![cfg(target_arch = "wasm32")]

use corpus_lens::{embedded_corpus, App};
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app for `corpus` in a fresh container, at a URL with this query.
async fn mount(corpus: &'static Corpus, query: &str) -> Element {
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
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(
        container.clone().unchecked_into(),
        move || view! { <App corpus=corpus /> },
    );
    handle.forget();
    leptos::task::tick().await;
    container
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
    let titles: Vec<String> = all(&root, ".article-list tbody th")
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
    let dates: Vec<String> = all(&root, ".article-list tbody td.date")
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
    let link: HtmlElement = all(&root, ".article-list tbody th a")
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
    let headings: Vec<String> = all(&root, ".article-body h4").iter().map(text).collect();
    assert_eq!(headings, ["I", "II", "III", "Conclusion"]);
    assert!(
        root.query_selector(".article-list").unwrap().is_none(),
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
    assert_eq!(all(&root, ".article-list tbody tr").len(), 5);
}

#[wasm_bindgen_test]
async fn article_text_is_rendered_as_text_never_as_html() {
    let hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let article = Article {
        id: "x".into(),
        title: format!("Title {hostile}"),
        date: ArticleDate::parse("2020").unwrap(),
        date_basis: None,
        source: Some(hostile.into()),
        url: Some("javascript:alert(1)".into()),
        author: None,
        translator: None,
        language: "en".into(),
        tags: vec![hostile.into()],
        body: vec![
            Block::Heading {
                level: 1,
                text: hostile.into(),
            },
            Block::Paragraph(hostile.into()),
        ],
    };
    let corpus: &'static Corpus = Box::leak(Box::new(Corpus::new(
        CorpusInfo {
            name: hostile.into(),
            description: Some(hostile.into()),
        },
        vec![article],
    )));
    let root = mount(corpus, "?article=x").await;
    assert!(
        all(&root, "img, script").is_empty(),
        "no element was made from article text"
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
