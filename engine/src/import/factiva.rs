//! Factiva HTML exports (`.html`): a `div` of class `article` per article,
//! in either of Factiva's two layouts, written from their rules:
//!
//! - **with indexing**, a table of field codes: `HD` the headline, `BY` the
//!   byline, `WC` the word count, `PD` the date, `SN` the source, `SE` the
//!   section, `LA` the language, `LP` and `TD` the text (a paragraph each
//!   `<p>`), `AN` the accession number (a stable id); other codes are read
//!   past;
//! - **without it**: the headline (`id="hd"`, or a class naming a headline),
//!   then unlabelled lines: perhaps a byline, the word count, the date
//!   (perhaps a time), the source, and the paragraphs, the last one
//!   `Document ID`, the accession number.
//!
//! Dates and labels are read in the languages of [`super::dates`]
//! (`29 décembre 2011`). Everything is read as text with `html5gum`:
//! nothing is run or fetched.

use super::plain::Draft;
pub use super::Exported;
use crate::corpus::body::Block;
use html5gum::{Token, Tokenizer};

/// A block of an article: its element, its `class` and `id`, its text.
#[derive(Debug)]
struct Piece {
    tag: String,
    class: String,
    text: String,
}

/// The elements that start a piece.
const PIECES: &[&str] = &["div", "p", "td", "tr", "table", "span", "h1", "h2", "h3"];

/// The pieces of each article `div` of `content`.
fn article_pieces(content: &str) -> Vec<Vec<Piece>> {
    let mut articles: Vec<Vec<Piece>> = Vec::new();
    // Per open `div`: whether it is an article's.
    let mut divs: Vec<bool> = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut text = String::new();
    let flush =
        |articles: &mut Vec<Vec<Piece>>, current: &Option<(String, String)>, text: &mut String| {
            let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
            text.clear();
            if let (Some(a), Some((tag, class))) = (articles.last_mut(), current) {
                if !t.is_empty() {
                    a.push(Piece {
                        tag: tag.clone(),
                        class: class.clone(),
                        text: t,
                    });
                }
            }
        };
    let mut skip = 0usize;
    for token in Tokenizer::new(content).flatten() {
        let inside = divs.iter().any(|a| *a);
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if matches!(name.as_str(), "script" | "style") && !tag.self_closing {
                    skip += 1;
                    continue;
                }
                let attr = |k: &str| {
                    tag.attributes
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(k.as_bytes()))
                        .map(|(_, v)| String::from_utf8_lossy(&v.value).to_string())
                        .unwrap_or_default()
                };
                let class = format!("{} #{}", attr("class"), attr("id"));
                if name == "div" && !tag.self_closing {
                    let is_article = !inside
                        && attr("class")
                            .split_whitespace()
                            .any(|c| c.eq_ignore_ascii_case("article"));
                    if is_article {
                        flush(&mut articles, &current, &mut text);
                        articles.push(Vec::new());
                    }
                    divs.push(is_article);
                }
                if (inside || divs.last() == Some(&true)) && PIECES.contains(&name.as_str()) {
                    flush(&mut articles, &current, &mut text);
                    current = Some((name, class));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if matches!(name.as_str(), "script" | "style") {
                    skip = skip.saturating_sub(1);
                    continue;
                }
                if inside && PIECES.contains(&name.as_str()) {
                    flush(&mut articles, &current, &mut text);
                }
                if name == "div" && divs.pop() == Some(true) {
                    current = None;
                }
            }
            Token::String(s) if inside && skip == 0 => {
                text.push_str(&String::from_utf8_lossy(&s.value))
            }
            _ => {}
        }
    }
    flush(&mut articles, &current, &mut text);
    articles
}

/// The field codes of the indexed layout.
const CODES: &[&str] = &[
    "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF",
    "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM", "NGC", "RST", "ART", "VOL",
];

/// Whether `content` is a Factiva export: an article `div` in one of its
/// layouts (a field-code table, or an accession number closing it).
pub fn is_export(content: &str) -> bool {
    // Cheap first: most pages have no article div.
    content.contains("article") && !articles(content).is_empty()
}

/// The accession number a piece states (`Document GUARD00020111229e7ct0000b`).
fn accession(text: &str) -> Option<String> {
    let rest = text.strip_prefix("Document ")?.trim();
    (rest.len() >= 10 && !rest.contains(' ') && rest.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| rest.to_string())
}

/// A word count line (`523 words`, `523 mots`, `523 Wörter`).
fn word_count(text: &str) -> bool {
    let mut t = text.split_whitespace();
    t.next().is_some_and(|n| {
        n.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    }) && t.next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "words" | "mots" | "wörter" | "palabras" | "parole" | "woorden" | "palavras"
        )
    }) && t.next().is_none()
}

/// A date a piece states, as written (a month's name or a full numeric date).
fn date_of(text: &str) -> Option<String> {
    use super::dates::{written, Written};
    (text.len() <= 40 && text.chars().any(|c| c.is_ascii_digit()))
        .then(|| match written(text, None) {
            Written::Date(d) if d.month.is_some() => Some(text.to_string()),
            _ => None,
        })
        .flatten()
}

/// The articles of an export, in the order it holds them (none when
/// `content` is not one).
pub fn articles(content: &str) -> Vec<Exported> {
    article_pieces(content)
        .into_iter()
        .enumerate()
        .filter_map(|(i, pieces)| {
            let indexed = pieces.iter().any(|p| p.tag == "td" && p.text == "HD");
            let closed = pieces.iter().any(|p| accession(&p.text).is_some());
            (indexed || closed).then(|| {
                let (id, draft) = if indexed {
                    with_codes(&pieces)
                } else {
                    without_codes(&pieces)
                };
                Exported {
                    number: i + 1,
                    line: None,
                    id: id.map(|an| format!("factiva-{}", an.to_lowercase())),
                    draft,
                }
            })
        })
        .collect()
}

/// A draft's date and its basis.
fn dated(draft: &mut Draft, written: &str, how: &str) {
    draft.date = Some(written.to_string());
    draft.date_basis = Some(format!("from the Factiva {how} “{written}”"));
}

/// The indexed layout: a value after each code.
fn with_codes(pieces: &[Piece]) -> (Option<String>, Result<Draft, String>) {
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    for p in pieces {
        match CODES.iter().find(|c| p.tag == "td" && p.text == **c) {
            Some(code) => fields.push((code, Vec::new())),
            None => {
                if let Some((_, v)) = fields.last_mut() {
                    v.push(&p.text);
                }
            }
        }
    }
    let get = |code: &str| {
        fields
            .iter()
            .find(|(c, v)| *c == code && !v.is_empty())
            .map(|(_, v)| v.join(" "))
    };
    let id = get("AN").map(|an| accession(&an).unwrap_or(an.replace(' ', "")));
    let draft = (|| {
        let mut d = Draft {
            title: get("HD"),
            source: get("SN"),
            author: get("BY").map(|b| strip_by(&b)),
            stated_words: get("WC").and_then(|w| super::stated_words(&w)),
            language: get("LA")
                .and_then(|l| super::lexis::language(&l))
                .map(str::to_string),
            ..Draft::default()
        };
        let written = get("PD").ok_or("no PD (publication date) field")?;
        dated(&mut d, &written, "field PD");
        if let Some(s) = get("SE") {
            d.section = Some(s);
        }
        d.body = fields
            .iter()
            .filter(|(c, _)| matches!(*c, "LP" | "TD"))
            .flat_map(|(_, v)| v.iter())
            .map(|t| Block::Paragraph(t.to_string().into()))
            .collect();
        if d.title.is_none() {
            return Err("no HD (headline) field".into());
        }
        if d.body.is_empty() {
            return Err("no LP or TD (text) field".into());
        }
        Ok(d)
    })();
    (id, draft)
}

/// "By Ann Example" → "Ann Example".
fn strip_by(byline: &str) -> String {
    let b = byline.trim();
    ["By ", "by ", "Par ", "par ", "Von ", "von "]
        .iter()
        .find_map(|p| b.strip_prefix(p))
        .unwrap_or(b)
        .trim()
        .to_string()
}

/// The layout without codes: the headline, unlabelled lines, paragraphs.
fn without_codes(pieces: &[Piece]) -> (Option<String>, Result<Draft, String>) {
    let id = pieces.iter().find_map(|p| accession(&p.text));
    let draft = (|| {
        let is_headline = |p: &Piece| {
            let c = p.class.to_lowercase();
            c.contains("headline") || c.contains("#hd")
        };
        let head = pieces.iter().position(is_headline).ok_or("no headline")?;
        // The headline's own pieces (its div and the span in it) say it once.
        let title = &pieces[head].text;
        let mut rest = pieces[head + 1..]
            .iter()
            .filter(|p| p.text != *title)
            .peekable();
        let mut d = Draft {
            title: Some(title.clone()),
            ..Draft::default()
        };
        let mut header: Vec<&str> = Vec::new();
        while let Some(p) = rest.peek() {
            if p.tag == "p" || accession(&p.text).is_some() {
                break;
            }
            header.push(&p.text);
            rest.next();
        }
        let wc = header.iter().position(|t| word_count(t));
        // A line before the word count is the byline.
        if let Some(w) = wc.filter(|&w| w > 0) {
            d.author = Some(strip_by(header[w - 1]));
        }
        d.stated_words = wc.and_then(|w| super::stated_words(header[w]));
        let after = wc.map_or(0, |w| w + 1);
        let (at, written) = header
            .iter()
            .enumerate()
            .skip(after)
            .find_map(|(i, t)| date_of(t).map(|w| (i, w)))
            .ok_or("no date line after the headline and word count")?;
        dated(&mut d, &written, "date line");
        // The source: the next line that is not a time.
        d.source = header[at + 1..]
            .iter()
            .find(|t| {
                !t.chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == ' ')
            })
            .map(|t| t.to_string());
        d.language = header[at + 1..]
            .iter()
            .find_map(|t| super::lexis::language(t))
            .map(str::to_string);
        d.body = rest
            .filter(|p| p.tag == "p" && accession(&p.text).is_none())
            .map(|p| Block::Paragraph(p.text.clone().into()))
            .collect();
        if d.body.is_empty() {
            return Err("no paragraph of text".into());
        }
        Ok(d)
    })();
    (id, draft)
}
