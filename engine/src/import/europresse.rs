//! Europresse HTML exports (`.html`): one `<article>` element per
//! document, written from the format's rules. Its `<header>` holds the
//! publication (class `DocPublicationName`: `Le Monde, no. 21234`, the
//! issue number after the comma is left out), a line of details (class
//! `DocHeader`: the section if there is one, the date, the page:
//! `Économie, jeudi 29 décembre 2011, p. 12`), the headline (class
//! `titreArticle`; a second one is a standfirst, kept as the first
//! paragraph) and perhaps the authors (class `docAuthors`); the text is
//! the paragraphs under class `DocText`. The footer (the copyright, the
//! document number, the licence naming the subscribing institution) is
//! never text; its `Numéro de document` (`Document number`) is the
//! article's id. Everything is read as text with `html5gum`: nothing is
//! run or fetched. A page with `<article>` elements but none of these
//! classes is a web page ([`super::html`]), not an export.

use super::dates::{written, Written};
use super::plain::Draft;
pub use super::Exported;
use crate::corpus::body::Block;
use html5gum::{Token, Tokenizer};

/// Elements that part text into blocks.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "br",
    "header",
    "section",
    "footer",
    "blockquote",
];

/// Elements that never close (they are not pushed on the stack).
const VOID: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "wbr", "col", "source",
];

/// How many enclosing elements a text's classes are read from.
const MAX_DEPTH: usize = 24;

/// A block of an article: the classes of the elements its text was in
/// and of their ancestors (lower case), whether it was in the footer, its
/// text.
#[derive(Debug, Default)]
struct Piece {
    classes: Vec<String>,
    footer: bool,
    text: String,
}

/// The pieces of each `<article>` of `content`.
fn article_pieces(content: &str) -> Vec<Vec<Piece>> {
    let mut articles: Vec<Vec<Piece>> = Vec::new();
    // The open elements inside the current article: (name, class).
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut inside = false;
    let mut piece = Piece::default();
    let mut skip = 0usize;
    let flush = |articles: &mut Vec<Vec<Piece>>, piece: &mut Piece| {
        let p = std::mem::take(piece);
        let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(a) = articles.last_mut().filter(|_| !text.is_empty()) {
            a.push(Piece { text, ..p });
        }
    };
    for token in Tokenizer::new(content).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if matches!(name.as_str(), "script" | "style") && !tag.self_closing {
                    skip += 1;
                    continue;
                }
                let class = tag
                    .attributes
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(b"class"))
                    .map(|(_, v)| String::from_utf8_lossy(&v.value).to_lowercase())
                    .unwrap_or_default();
                if name == "article" && !inside {
                    inside = true;
                    stack.clear();
                    piece = Piece::default();
                    articles.push(Vec::new());
                    continue;
                }
                if !inside {
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut articles, &mut piece);
                }
                if !VOID.contains(&name.as_str()) && !tag.self_closing {
                    stack.push((name, class));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if matches!(name.as_str(), "script" | "style") {
                    skip = skip.saturating_sub(1);
                    continue;
                }
                if !inside {
                    continue;
                }
                if name == "article" {
                    flush(&mut articles, &mut piece);
                    stack.clear();
                    inside = false;
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut articles, &mut piece);
                }
                // Close up to the element it names (HTML forgives a missing end).
                if let Some(at) = stack.iter().rposition(|(n, _)| *n == name) {
                    stack.truncate(at);
                }
            }
            Token::String(s) if inside && skip == 0 => {
                let s = String::from_utf8_lossy(&s.value);
                if !s.trim().is_empty() {
                    // The innermost elements only: an export nests a few
                    // deep, and a hostile file's thousands of levels must
                    // not cost thousands of steps a word.
                    for (n, class) in stack.iter().rev().take(MAX_DEPTH) {
                        piece.footer |= n == "footer";
                        for c in class.split_whitespace() {
                            if !piece.classes.iter().any(|k| k == c) {
                                piece.classes.push(c.to_string());
                            }
                        }
                    }
                }
                piece.text.push_str(&s);
            }
            _ => {}
        }
    }
    flush(&mut articles, &mut piece);
    articles
}

/// Whether a piece's classes (or its ancestors') include `class`.
fn has(p: &Piece, class: &str) -> bool {
    p.classes.iter().any(|c| c == class)
}

/// Whether `content` is a Europresse export: an `<article>` with its
/// publication's class.
pub fn is_export(content: &str) -> bool {
    !articles(content).is_empty()
}

/// The articles of an export, in the order it holds them (none when
/// `content` is not one).
pub fn articles(content: &str) -> Vec<Exported> {
    // Cheap first: most pages do not name the class.
    if !content.contains("DocPublicationName") {
        return Vec::new();
    }
    article_pieces(content)
        .into_iter()
        .filter(|pieces| pieces.iter().any(|p| has(p, "docpublicationname")))
        .enumerate()
        .map(|(i, pieces)| {
            let (id, draft) = article(&pieces);
            Exported {
                number: i + 1,
                line: None,
                id,
                draft,
            }
        })
        .collect()
}

/// A weekday's name (English, French, German), which a details line may
/// hold before its date: not a section.
fn weekday(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ];
    DAYS.contains(&word.trim().to_lowercase().as_str())
}

/// The date the details line states, as written, and the parts before it
/// (`World, Friday, November 13, 2015` → `November 13, 2015`, `[World,
/// Friday]`).
fn date_in(details: &str) -> Option<(String, Vec<&str>)> {
    let parts: Vec<&str> = details.split(',').map(str::trim).collect();
    let dated = |s: &str| matches!(written(s, None), Written::Date(d) if d.month.is_some());
    (0..parts.len()).find_map(|i| {
        let one = parts[i].to_string();
        if dated(&one) {
            return Some((one, parts[..i].to_vec()));
        }
        // "November 13, 2015": the year is the next part.
        let year = parts
            .get(i + 1)
            .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
        let two = format!("{one}, {year}");
        dated(&two).then(|| (two, parts[..i].to_vec()))
    })
}

/// The document number the footer states (`Numéro de document :
/// news·20111229·LM·1234567`), as an id.
fn document_number(text: &str) -> Option<String> {
    // ASCII lower case keeps every byte where it was (a full lower case
    // may not: "İ"), so the offset found is the text's.
    let lower = text.to_ascii_lowercase();
    let at = [
        "numéro de document",
        "numÉro de document",
        "document number",
    ]
    .iter()
    .find_map(|l| lower.find(l).map(|i| i + l.len()))?;
    let value = text
        .get(at..)?
        .trim_start_matches([' ', ':', '\u{a0}'])
        .trim();
    let id: String = value
        .split_whitespace()
        .next()?
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-').to_string();
    (!id.is_empty()).then(|| format!("europresse-{id}"))
}

/// One `<article>`'s pieces as an article, with its id if it states one.
fn article(pieces: &[Piece]) -> (Option<String>, Result<Draft, String>) {
    let id = pieces
        .iter()
        .filter(|p| p.footer)
        .find_map(|p| document_number(&p.text));
    let draft = (|| {
        let first = |class: &str| {
            pieces
                .iter()
                .find(|p| !p.footer && has(p, class))
                .map(|p| p.text.clone())
        };
        let publication = first("docpublicationname").unwrap_or_default();
        let source = publication
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let details = first("docheader").ok_or("no date line (class DocHeader) in its header")?;
        let (date, before) =
            date_in(&details).ok_or_else(|| format!("no date in its header line “{details}”"))?;
        let mut titles = pieces
            .iter()
            .filter(|p| !p.footer && has(p, "titrearticle"))
            .map(|p| p.text.clone());
        let title = titles.next().ok_or("no headline (class titreArticle)")?;
        let mut d = Draft {
            title: Some(title),
            source: (!source.is_empty()).then_some(source),
            author: first("docauthors"),
            date_basis: Some(format!("from the Europresse header “{details}”")),
            date: Some(date),
            ..Draft::default()
        };
        if let Some(section) = before.iter().find(|p| !p.is_empty() && !weekday(p)) {
            d.section = Some(section.to_string());
        }
        d.body = titles
            .chain(
                pieces
                    .iter()
                    .filter(|p| {
                        !p.footer
                            && has(p, "doctext")
                            && !has(p, "titrearticle")
                            && !has(p, "docauthors")
                    })
                    .map(|p| p.text.clone()),
            )
            .map(|t| Block::Paragraph(t.into()))
            .collect();
        if !pieces.iter().any(|p| !p.footer && has(p, "doctext")) {
            return Err("no text (class DocText)".into());
        }
        Ok(d)
    })();
    (id, draft)
}
