//! An HTML page's article: its title, date, author, source, section, URL and
//! language from its metadata, and its main text as headings and
//! paragraphs. The text is the page's `<article>` (else its `<main>`, else
//! its body), without scripts, styles, navigation, headers, footers, asides,
//! forms and figures. Everything is read as text: no script runs, no
//! entity or resource is fetched (the tokenizer, `html5gum`, fetches
//! nothing), and markup in the text stays text.
//!
//! The date, in this order: JSON-LD `datePublished` (a `<script
//! type="application/ld+json">` block, read as data), the meta tags
//! `article:published_time`, `og:published_time`, `datePublished`,
//! `pubdate`, `publishdate`, `date`, `DC.date.issued`, `dcterms.created`,
//! then the first `<time datetime>`. The title: the first `<h1>` of the
//! text, else `og:title`, else `<title>`.

use crate::corpus::body::Block;
use crate::import::plain::Draft;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose content is never the article's text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside",
    "form", "button", "select", "textarea", "iframe", "object", "figure", "head",
];

/// Elements that end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "br",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "article",
    "main",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Meta tags that state the publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
];

/// Which part of the page a block of text was in.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Body,
    Main,
    Article,
}

/// The article an HTML page holds.
pub fn html(content: &str) -> Draft {
    let mut emitter = DefaultEmitter::default();
    // Script and style content is raw text, not markup.
    emitter.naively_switch_states(true);
    let mut d = Draft::default();
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut ld_json: Vec<String> = Vec::new();
    let mut first_time: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut title_tag = String::new();
    // (part, block) in reading order.
    let mut blocks: Vec<(Part, Block)> = Vec::new();
    let mut text = String::new();
    let mut heading: Option<u8> = None;
    let mut skip_depth = 0usize;
    let mut skipped_stack: Vec<String> = Vec::new();
    let mut in_title = false;
    let mut in_ld: Option<String> = None;
    // How deep in <article> and in <main> the reader is (counts, not a
    // stack to scan: a page nesting a million of them stays linear).
    let mut parts = (0usize, 0usize);
    let flush = |text: &mut String,
                 heading: Option<u8>,
                 parts: &(usize, usize),
                 blocks: &mut Vec<(Part, Block)>| {
        let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
        text.clear();
        if t.is_empty() {
            return;
        }
        let part = if parts.0 > 0 {
            Part::Article
        } else if parts.1 > 0 {
            Part::Main
        } else {
            Part::Body
        };
        blocks.push((
            part,
            match heading {
                Some(level) => Block::Heading {
                    level,
                    text: t.into(),
                },
                None => Block::Paragraph(t.into()),
            },
        ));
    };
    for token in Tokenizer::new_with_emitter(content, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let attr = |k: &str| {
                    tag.attributes
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(k.as_bytes()))
                        .map(|(_, v)| String::from_utf8_lossy(&v.value).trim().to_string())
                };
                match name.as_str() {
                    "html" => d.language = attr("lang").filter(|l| !l.is_empty()),
                    "meta" => {
                        if let (Some(key), Some(value)) = (
                            attr("property")
                                .or_else(|| attr("name"))
                                .or_else(|| attr("itemprop")),
                            attr("content"),
                        ) {
                            metas.push((key.to_lowercase(), value));
                        }
                    }
                    "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        canonical = attr("href")
                    }
                    "time" if first_time.is_none() => first_time = attr("datetime"),
                    "title" if skip_depth == 0 || skipped_stack.iter().all(|s| s == "head") => {
                        in_title = true
                    }
                    "script"
                        if attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
                    {
                        in_ld = Some(String::new())
                    }
                    _ => {}
                }
                // `</head>` may be left out: the body starts anyway.
                if name == "body" && skipped_stack.first().is_some_and(|s| s == "head") {
                    skipped_stack.clear();
                    skip_depth = 0;
                }
                if SKIPPED.contains(&name.as_str()) && !tag.self_closing {
                    skip_depth += 1;
                    skipped_stack.push(name.clone());
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut text, heading, &parts, &mut blocks);
                }
                match name.as_str() {
                    "article" => parts.0 += 1,
                    "main" => parts.1 += 1,
                    h if h.len() == 2 && h.starts_with('h') && h.as_bytes()[1].is_ascii_digit() => {
                        heading = Some(if h == "h1" { 1 } else { 2 });
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                }
                if name == "script" {
                    if let Some(json) = in_ld.take() {
                        ld_json.push(json);
                    }
                }
                if skip_depth > 0 {
                    if skipped_stack.last() == Some(&name) {
                        skipped_stack.pop();
                        skip_depth -= 1;
                    }
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut text, heading, &parts, &mut blocks);
                }
                match name.as_str() {
                    "article" => parts.0 = parts.0.saturating_sub(1),
                    "main" => parts.1 = parts.1.saturating_sub(1),
                    h if h.len() == 2 && h.starts_with('h') && h.as_bytes()[1].is_ascii_digit() => {
                        heading = None
                    }
                    _ => {}
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s.value);
                if let Some(json) = &mut in_ld {
                    json.push_str(&s);
                } else if in_title {
                    title_tag.push_str(&s);
                } else if skip_depth == 0 {
                    text.push_str(&s);
                }
            }
            _ => {}
        }
    }
    flush(&mut text, heading, &parts, &mut blocks);
    // The text: the article's blocks, else main's, else all.
    let best = blocks.iter().map(|(p, _)| *p).max().unwrap_or(Part::Body);
    let mut body: Vec<Block> = blocks
        .into_iter()
        .filter(|(p, _)| *p == best)
        .map(|(_, b)| b)
        .collect();
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.iter().find(|(m, _)| m == k).map(|(_, v)| v.clone()))
            .filter(|v| !v.is_empty())
    };
    // JSON-LD: the first object (or @graph member) that says.
    let ld: Vec<serde_json::Value> = ld_json
        .iter()
        .filter_map(|j| serde_json::from_str(j).ok())
        .collect();
    let ld_field = |field: &str| -> Option<String> {
        fn find(v: &serde_json::Value, field: &str) -> Option<String> {
            match v {
                serde_json::Value::Object(o) => o
                    .get(field)
                    .and_then(|x| match x {
                        serde_json::Value::String(s) => Some(s.clone()),
                        serde_json::Value::Object(n) => {
                            n.get("name").and_then(|n| n.as_str()).map(String::from)
                        }
                        serde_json::Value::Array(a) => a.iter().find_map(|i| {
                            i.as_str().map(String::from).or_else(|| {
                                i.get("name").and_then(|n| n.as_str()).map(String::from)
                            })
                        }),
                        _ => None,
                    })
                    .or_else(|| o.get("@graph").and_then(|g| find(g, field))),
                serde_json::Value::Array(a) => a.iter().find_map(|i| find(i, field)),
                _ => None,
            }
        }
        ld.iter()
            .find_map(|v| find(v, field))
            .filter(|s| !s.trim().is_empty())
    };
    d.date = ld_field("datePublished")
        .or_else(|| meta(DATE_METAS))
        .or(first_time);
    d.author = ld_field("author").or_else(|| meta(&["author", "article:author", "byl"]));
    d.source = meta(&["og:site_name"]).or_else(|| ld_field("publisher"));
    d.section = meta(&["article:section"]).or_else(|| ld_field("articleSection"));
    d.url = canonical
        .or_else(|| meta(&["og:url"]))
        .filter(|u| u.starts_with("http"));
    let h1 = match body.first() {
        Some(Block::Heading { level: 1, text }) => Some(text.to_string()),
        _ => None,
    };
    if h1.is_some() {
        body.remove(0);
    }
    let title_tag = title_tag.split_whitespace().collect::<Vec<_>>().join(" ");
    d.title = h1
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or_else(|| (!title_tag.is_empty()).then_some(title_tag));
    d.body = body;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_page_gives_its_text_and_metadata_and_nothing_else() {
        let page = r#"<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<html lang="en-GB"><head><title>Alipay grows | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:section" content="Business">
<meta property="article:published_time" content="2016-09-21T10:00:00Z">
<link rel="canonical" href="https://news.example/2016/09/22/alipay">
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2016-09-22T08:00:00+08:00", "author": {"@type": "Person", "name": "Li Wei"}}]}</script>
<script>window.pwned = 1;</script><style>p { color: red }</style></head>
<body><header><nav><a href="/">Home</a> Menu</nav></header>
<aside>Most read: something else</aside>
<article><h1>Alipay grows &amp; grows</h1>
<p>Alipay <b>grew</b> fast.<br>A second line.</p>
<p>&lt;script&gt;alert(1)&lt;/script&gt; stays text. <a href="javascript:alert(1)">A link</a>.</p>
<figure><img src="x.png"><figcaption>A caption</figcaption></figure>
<h2>Its rivals</h2><ul><li>WeChat Pay</li><li>UnionPay</li></ul>
</article><footer>© Example</footer></body></html>"#;
        let d = html(page);
        assert_eq!(d.title.as_deref(), Some("Alipay grows & grows"));
        assert_eq!(
            d.date.as_deref(),
            Some("2016-09-22T08:00:00+08:00"),
            "JSON-LD first"
        );
        assert_eq!(d.author.as_deref(), Some("Li Wei"));
        assert_eq!(d.source.as_deref(), Some("Example News"));
        assert_eq!(d.section.as_deref(), Some("Business"));
        assert_eq!(
            d.url.as_deref(),
            Some("https://news.example/2016/09/22/alipay")
        );
        assert_eq!(d.language.as_deref(), Some("en-GB"));
        let texts: Vec<&str> = d.body.iter().map(|b| b.text()).collect();
        assert_eq!(
            texts,
            [
                "Alipay grew fast.",
                "A second line.",
                "<script>alert(1)</script> stays text. A link.",
                "Its rivals",
                "WeChat Pay",
                "UnionPay"
            ]
        );
        assert!(matches!(d.body[3], Block::Heading { .. }));
    }

    #[test]
    fn without_an_article_the_main_or_the_body_and_the_fallback_metadata() {
        let d = html("<html><head><title> Plain page </title><meta name=\"date\" content=\"22 September 2016\"></head><body><p>One.</p><div>Two</div></body></html>");
        assert_eq!(d.title.as_deref(), Some("Plain page"));
        assert_eq!(d.date.as_deref(), Some("22 September 2016"));
        assert_eq!(
            d.body.iter().map(|b| b.text()).collect::<Vec<_>>(),
            ["One.", "Two"]
        );
        let d = html("<html><head><title>No end of head</title><body><h2>Not the title</h2><p>Text.</p></body>");
        assert_eq!(
            d.title.as_deref(),
            Some("No end of head"),
            "an h2 is no title"
        );
        assert_eq!(
            d.body.len(),
            2,
            "the body is read though </head> is missing"
        );
        let d = html("<body><p>Outside</p><main><p>Inside <time datetime=\"2015-03\">March</time></p></main></body>");
        assert_eq!(
            d.body.iter().map(|b| b.text()).collect::<Vec<_>>(),
            ["Inside March"]
        );
        assert_eq!(d.date.as_deref(), Some("2015-03"));
        assert_eq!(html("").body, Vec::<Block>::new());
        assert_eq!(html("<p>unclosed <b>tags").body.len(), 1);
    }
}
