//! The static pages of a published corpus: one plain HTML page per article
//! (`articles/ID.html`) and a page listing them all (`articles/index.html`),
//! made at build time so a hosted corpus can be read with JavaScript off and
//! found by search engines.
//!
//! Everything from the corpus is escaped ([`escape`](crate::out::markup::escape)) and each page carries
//! a Content Security Policy that allows no script at all, so a hostile
//! corpus stays inert here as in the app. Every address is relative: the
//! pages work from any sub-path.

use crate::corpus::body::Block;
use crate::corpus::{Article, Corpus};
use crate::out::markup::escape;
use crate::out::numbers::thousands;

/// The folder of the static pages, relative to the site's root.
pub const ARTICLES_DIR: &str = "articles";

/// The policy of every static page: its own stylesheet and nothing else (no
/// script, no frame, no form, no base). `connect-src 'self'` lets nothing of
/// the page connect (no script runs there); it lets an audit read the
/// site's `robots.txt` from the page, as Lighthouse does (its SEO audit
/// fails a page whose policy forbids that: GoogleChrome/lighthouse#4386).
pub const STATIC_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/// Only `http:` and `https:` addresses become links; anything else stays text.
pub fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// The file name of an article's static page within [`ARTICLES_DIR`].
/// Ids are checked by the loader (`corpus::load::is_valid_id`: ASCII
/// letters, digits, `-`, `_` and `.`, not first), so the name needs no
/// escaping as a path.
pub fn page_name(article: &Article) -> String {
    format!("{}.html", article.id)
}

/// An article's static page relative to the site's root (`articles/ID.html`):
/// the app names it on its article links, for a copy of the page read
/// without the app (scripts/prerender.mjs).
pub fn page_href(article: &Article) -> String {
    format!("{ARTICLES_DIR}/{}", page_name(article))
}

/// A small writer of HTML: text is always escaped, markup is only ever one
/// of this module's literals.
struct Html(String);

impl Html {
    fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }
    fn text(&mut self, text: &str) -> &mut Self {
        escape(text, &mut self.0);
        self
    }
    /// `<tag>text</tag>`.
    fn element(&mut self, tag: &str, text: &str) -> &mut Self {
        self.raw("<")
            .raw(tag)
            .raw(">")
            .text(text)
            .raw("</")
            .raw(tag)
            .raw(">")
    }
}

/// The document's head and the header shared by the static pages.
fn open_page(out: &mut Html, lang: &str, title: &str, description: &str, stylesheet: &str) {
    out.raw("<!DOCTYPE html>\n<html lang=\"")
        .text(lang)
        .raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .raw(STATIC_CSP)
        .raw("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n")
        .element("title", title)
        .raw("\n<meta name=\"description\" content=\"")
        .text(description)
        .raw("\">\n<link rel=\"icon\" href=\"../public/favicon.svg\">\n<link rel=\"stylesheet\" href=\"../")
        .text(stylesheet)
        .raw("\">\n</head>\n<body class=\"static-page\">\n");
}

/// The header line: the app's name (a link to the full page) and the corpus.
fn site_line(out: &mut Html, corpus: &Corpus) {
    out.raw("<header class=\"site-header\"><p class=\"brand-line\"><a href=\"../\">Corpus Lens</a> · <span class=\"corpus-name\">")
        .text(&corpus.info().name)
        .raw("</span>");
    if let Some(d) = &corpus.info().description {
        out.raw(": ").text(d);
    }
    out.raw("</p></header>\n");
}

/// The start of an article's text, for a page's description: at most about
/// `max` characters, cut at a word.
pub fn first_lines(article: &Article, max: usize) -> String {
    let text = article
        .body
        .iter()
        .find(|b| matches!(b, Block::Paragraph(_)))
        .map_or("", Block::text);
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// The static page of the article at `index` of `corpus`: title, date,
/// source, author and the rest of its metadata, the text as headings and
/// paragraphs, and links to open it in the full page and to every article.
/// `stylesheet` is the site's stylesheet, relative to the site's root.
pub fn article_page(corpus: &Corpus, index: usize, stylesheet: &str) -> String {
    let a = &corpus.articles()[index];
    let mut out = Html(String::with_capacity(a.body_len() + 2048));
    let title = format!("{} — {}", a.title, corpus.info().name);
    open_page(
        &mut out,
        &a.language,
        &title,
        &first_lines(a, 160),
        stylesheet,
    );
    site_line(&mut out, corpus);
    out.raw("<main>\n<article class=\"reader\">\n<p class=\"back\"><a href=\"./\">← All articles</a> <a class=\"open-full\" href=\"../?article=")
        .text(&a.id)
        .raw("\">Open in Corpus Lens (search, marks, comparison)</a></p>\n")
        .element("h1", &a.title)
        .raw("\n<dl class=\"meta\">\n<dt>Date</dt><dd><time datetime=\"")
        .text(&a.date.iso())
        .raw("\">")
        .text(&a.display_date())
        .raw("</time></dd>\n");
    let rows = [
        ("Dated", a.date_basis.as_deref()),
        ("Source", a.source()),
        ("Section", a.section()),
        ("Author", a.author()),
        ("Translator", a.translator()),
    ];
    for (label, value) in rows {
        if let Some(v) = value {
            out.element("dt", label).element("dd", v).raw("\n");
        }
    }
    out.element("dt", "Language")
        .element("dd", &a.language)
        .raw("\n");
    if !a.tags.is_empty() {
        out.raw("<dt>Tags</dt><dd><ul class=\"tags\">");
        for t in &a.tags {
            out.raw("<li class=\"tag\">").text(t).raw("</li>");
        }
        out.raw("</ul></dd>\n");
    }
    if let Some(u) = a.url() {
        out.element("dt", "Link");
        match safe_link(u) {
            Some(href) => out
                .raw("<dd><a href=\"")
                .text(href)
                .raw("\" rel=\"noopener noreferrer\">")
                .text(href)
                .raw("</a></dd>\n"),
            None => out.element("dd", u).raw("\n"),
        };
    }
    out.element("dt", "Words")
        .element("dd", &thousands(corpus.word_count(index)))
        .raw("\n</dl>\n<div class=\"article-body\" lang=\"")
        .text(&a.language)
        .raw("\">\n");
    // Headings as in the app: the article's top level one below the title, the next below that.
    let top_level = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            Block::Paragraph(_) => None,
        })
        .min()
        .unwrap_or(2);
    for block in &a.body {
        match block {
            Block::Paragraph(text) => out.element("p", text),
            Block::Heading { level, text } => {
                let tag = match level.saturating_sub(top_level).min(1) {
                    0 => "h2",
                    _ => "h3",
                };
                out.element(tag, text)
            }
        };
        out.raw("\n");
    }
    out.raw("</div>\n</article>\n</main>\n</body>\n</html>\n");
    out.0
}

/// The page listing every article, newest first: title (a link to its
/// static page), date, source and first lines.
pub fn index_page(corpus: &Corpus, stylesheet: &str) -> String {
    let mut out = Html(String::new());
    let n = corpus.articles().len();
    let title = format!("All articles — {}", corpus.info().name);
    let description = corpus
        .info()
        .description
        .clone()
        .unwrap_or_else(|| title.clone());
    open_page(&mut out, "en", &title, &description, stylesheet);
    site_line(&mut out, corpus);
    out.raw("<main>\n<h1>All articles</h1>\n<p class=\"result-count\">")
        .text(&format!(
            "{} article{}, newest first. ",
            thousands(n),
            if n == 1 { "" } else { "s" }
        ))
        .raw("<a href=\"../\">Search them in Corpus Lens</a></p>\n<ol class=\"results\">\n");
    for a in corpus.articles().iter().rev() {
        out.raw("<li class=\"result\"><a class=\"result-title\" href=\"")
            .text(&page_name(a))
            .raw("\">")
            .text(&a.title)
            .raw("</a><p class=\"result-meta\"><time datetime=\"")
            .text(&a.date.iso())
            .raw("\">")
            .text(&a.display_date())
            .raw("</time>");
        if let Some(s) = a.source() {
            out.raw(" · ").text(s);
        }
        out.raw("</p><p class=\"snippet\">")
            .text(&first_lines(a, 200))
            .raw("</p></li>\n");
    }
    out.raw("</ol>\n</main>\n</body>\n</html>\n");
    out.0
}

/// The heading's anchor as GitHub writes it (and the docs link to it):
/// lower case, letters, digits, `-` and `_` kept, spaces as `-`, the rest
/// dropped ("Collocates: logDice, MI" → `collocates-logdice-mi`).
pub fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A page of the docs (Markdown, such as docs/statistics.md) for the
/// published site, beside the article pages: each heading with its anchor
/// (what the page's "the formulas" links point at), a link to another
/// section of the same file kept, a link to another file of the docs as
/// its text (the site holds only this one), raw HTML as text.
#[cfg(feature = "docs")]
pub fn doc_page(corpus: &Corpus, file: &str, markdown: &str, stylesheet: &str) -> String {
    use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};
    let events: Vec<Event> = Parser::new(markdown).collect();
    // Each heading's text, for its anchor and the page's title.
    let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
    let mut inside: Option<(HeadingLevel, String)> = None;
    for e in &events {
        match e {
            Event::Start(Tag::Heading { level, .. }) => inside = Some((*level, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = &mut inside {
                    h.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(inside.take()),
            _ => {}
        }
    }
    let title = headings
        .iter()
        .find(|(l, _)| *l == HeadingLevel::H1)
        .map_or("Corpus Lens", |(_, t)| t.as_str())
        .to_string();
    let mut nth = 0;
    let mut dropped_links = Vec::new();
    let events = events.into_iter().filter_map(|e| match e {
        Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) => {
            let id = headings.get(nth).map(|(_, t)| anchor(t));
            nth += 1;
            Some(Event::Start(Tag::Heading {
                level,
                id: id.map(CowStr::from),
                classes,
                attrs,
            }))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest = dest_url.to_string();
            let same = dest.strip_prefix(file).filter(|rest| rest.starts_with('#'));
            if dest.starts_with("https://") {
                dropped_links.push(false);
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            } else if let Some(fragment) =
                same.or_else(|| dest.starts_with('#').then_some(dest.as_str()))
            {
                dropped_links.push(false);
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(fragment.to_string()),
                    title,
                    id,
                }))
            } else {
                dropped_links.push(true);
                None
            }
        }
        Event::End(TagEnd::Link) => {
            if dropped_links.pop().unwrap_or(false) {
                None
            } else {
                Some(Event::End(TagEnd::Link))
            }
        }
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        e => Some(e),
    });
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events);
    let mut out = Html(String::new());
    open_page(
        &mut out,
        "en",
        &format!("{title} — Corpus Lens"),
        &title,
        stylesheet,
    );
    site_line(&mut out, corpus);
    out.raw("<main class=\"doc\">\n")
        .raw(&body)
        .raw("</main>\n</body>\n</html>\n");
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleDate, CorpusInfo};

    const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=\"alert('x')\">&amp;";

    fn corpus() -> Corpus {
        let mut a = Article::new(
            "hostile",
            HOSTILE,
            ArticleDate::parse("2020-01-02").unwrap(),
            vec![
                Block::Heading {
                    level: 2,
                    text: HOSTILE.into(),
                },
                Block::Paragraph(HOSTILE.into()),
                Block::Heading {
                    level: 3,
                    text: "Sub".into(),
                },
                Block::Paragraph("Plain words here.".into()),
            ],
        );
        a.meta_mut().source = Some(HOSTILE.into());
        a.meta_mut().section = Some(HOSTILE.into());
        a.meta_mut().author = Some("A. Writer".into());
        a.meta_mut().url = Some("javascript:alert(1)".into());
        a.tags = vec![HOSTILE.into()];
        a.language = "en\"><script>".into();
        let mut b = Article::new(
            "plain",
            "A plain article",
            ArticleDate::parse("2021").unwrap(),
            vec![Block::Paragraph("First lines.".into())],
        );
        b.meta_mut().url = Some("https://example.com/a?b=1&c=2".into());
        Corpus::new(
            CorpusInfo {
                name: HOSTILE.into(),
                description: Some(HOSTILE.into()),
                ..Default::default()
            },
            vec![a, b],
        )
    }

    /// Every `<` in a page is one of the page's own tags.
    fn tags(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|t| {
                t.split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    const ALLOWED: &[&str] = &[
        "!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "link", "body",
        "/body", "header", "/header", "p", "/p", "a", "/a", "span", "/span", "main", "/main",
        "article", "/article", "h1", "/h1", "dl", "/dl", "dt", "/dt", "dd", "/dd", "time", "/time",
        "ul", "/ul", "li", "/li", "div", "/div", "h2", "/h2", "h3", "/h3", "ol", "/ol",
    ];

    #[test]
    fn a_hostile_corpus_stays_text() {
        let c = corpus();
        let pages = [article_page(&c, 0, "main.css"), index_page(&c, "main.css")];
        for page in &pages {
            for tag in tags(page) {
                assert!(
                    ALLOWED.contains(&tag.as_str()),
                    "unexpected tag <{tag}> in\n{page}"
                );
            }
            assert!(!page.contains("<script"), "{page}");
            assert!(!page.contains("onerror=\""), "{page}");
            assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(
                page.contains("&amp;amp;"),
                "an entity in the text is shown as typed"
            );
        }
        // A `javascript:` address is shown, never linked.
        assert!(!pages[0].contains("href=\"javascript"), "{}", pages[0]);
        assert!(pages[0].contains("<dd>javascript:alert(1)</dd>"));
        assert!(pages[0].contains(STATIC_CSP));
    }

    #[test]
    fn an_article_page_has_its_metadata_text_and_links() {
        let c = corpus();
        let page = article_page(&c, 1, "main-1.css");
        assert!(page.contains("<h1>A plain article</h1>"));
        assert!(
            page.contains("<time datetime=\"2021\">2021</time>"),
            "{page}"
        );
        assert!(page.contains("<p>First lines.</p>"));
        assert!(page.contains("href=\"../?article=plain\""));
        assert!(page.contains("href=\"../main-1.css\""));
        assert!(page.contains("<a href=\"https://example.com/a?b=1&amp;c=2\""));
        // Headings one below the title; the next level one below that.
        let page = article_page(&c, 0, "main.css");
        assert!(page.contains("<h2>&lt;script&gt;"), "{page}");
        assert!(page.contains("<h3>Sub</h3>"));
    }

    #[test]
    fn the_index_lists_every_article_newest_first() {
        let c = corpus();
        let page = index_page(&c, "main.css");
        let plain = page.find("href=\"plain.html\"").unwrap();
        let hostile = page.find("href=\"hostile.html\"").unwrap();
        assert!(plain < hostile, "newest first");
        assert!(page.contains("2 articles, newest first."));
    }

    #[test]
    fn first_lines_cut_at_a_word() {
        let a = Article::new(
            "x",
            "t",
            ArticleDate::parse("2020").unwrap(),
            vec![Block::Paragraph("one two three four".into())],
        );
        assert_eq!(first_lines(&a, 100), "one two three four");
        assert_eq!(first_lines(&a, 9), "one two…");
    }
}

#[cfg(all(test, feature = "docs"))]
mod doc_tests {
    use super::*;
    use crate::stats::measures::{
        SECTION_COLLOCATES, SECTION_KEYWORDS, SECTION_RISING, SECTION_SIMILARITY,
    };
    use crate::{Corpus, CorpusInfo};

    #[test]
    fn the_formulas_page_has_every_section_the_tables_link_to() {
        let corpus = Corpus::new(
            CorpusInfo {
                name: "c".into(),
                description: None,
                ..Default::default()
            },
            Vec::new(),
        );
        let md = include_str!("../../../docs/statistics.md");
        let page = doc_page(&corpus, "statistics.md", md, "style.css");
        for s in [
            SECTION_KEYWORDS,
            SECTION_RISING,
            SECTION_COLLOCATES,
            SECTION_SIMILARITY,
        ] {
            assert!(page.contains(&format!("id=\"{}\"", anchor(s))), "{s}");
        }
        assert!(page.contains("<title>Statistics and formulas — Corpus Lens</title>"));
        assert!(!page.contains(".md\""), "no link to a file the site lacks");
        let hostile = doc_page(&corpus, "x.md", "# T\n\n<script>x</script>\n\nSee [a](javascript:alert(1)), [c](other.md#x) and [b](#t).", "s.css");
        assert!(
            !hostile.contains("<script>") && !hostile.contains("href=\"javascript"),
            "{hostile}"
        );
        assert!(
            hostile.contains("See a, c and <a href=\"#t\">b</a>."),
            "{hostile}"
        );
        assert!(hostile.contains("href=\"#t\""));
    }
}
