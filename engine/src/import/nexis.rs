//! Nexis Uni Word exports (`.docx`, or a zip of single-article ones),
//! read from the document's paragraphs ([`super::docx::read`]). Written
//! from the format's rules; an article that breaks them is named with its
//! number, and the others are read.
//!
//! Each article ends at a paragraph `End of Document`. Its header, above a
//! paragraph `Body`: the headline, the publication, the date line (`July
//! 1, 2019 Monday 9:20 AM GMT`), perhaps an edition and a copyright line,
//! then labelled fields (`Section:`, `Length:`, `Byline:`, `Dateline:`,
//! `Highlight:`; Nexis writes a no-break space after the colon). So the
//! date line is found first, reading up from the fields; the publication
//! is the paragraph above it and the headline the one above that.
//! Everything above the headline of the first article is the download's
//! cover page (when the request was made, its job number, the search
//! terms, the list of titles, perhaps the requester's name and address):
//! never an article, never read. The body runs from `Body` to
//! `Classification`, `Graphic`, `Notes`, `Load-Date:` or the end; the
//! `Language:` field under `Classification` gives the language.

use super::lexis::{date_line, language};
use super::plain::Draft;
pub use super::Exported;
use crate::corpus::body::Block;

/// The paragraph that ends an article (English, German, French exports).
fn ends_article(p: &str) -> bool {
    ["end of document", "ende des dokuments", "fin du document"]
        .iter()
        .any(|e| p.trim().eq_ignore_ascii_case(e))
}

/// The paragraph that starts an article's body.
fn starts_body(p: &str) -> bool {
    ["body", "text", "texte"]
        .iter()
        .any(|b| p.trim().eq_ignore_ascii_case(b))
}

/// What a header field's label means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Byline,
    Section,
    Length,
    /// Read, not kept (`Dateline:`, `Highlight:`…).
    Other,
}

/// A header field (`Section: BUSINESS; Pg. 5`): its label's meaning and value.
fn field(p: &str) -> Option<(Label, &str)> {
    let (name, value) = p.split_once(':')?;
    let name = name.trim().to_lowercase();
    let label = match name.as_str() {
        "byline" | "autor" | "auteur" => Label::Byline,
        "section" | "rubrik" | "rubrique" => Label::Section,
        "length" | "länge" | "longueur" => Label::Length,
        "dateline" | "highlight" | "series" | "edition" | "correction" | "correction-date" => {
            Label::Other
        }
        _ => return None,
    };
    Some((label, value.trim()))
}

/// A paragraph that ends the body: the trailing blocks' headings and fields.
fn ends_body(p: &str) -> bool {
    let t = p.trim();
    [
        "classification",
        "graphic",
        "notes",
        "klassifikation",
        "grafik",
    ]
    .iter()
    .any(|h| t.eq_ignore_ascii_case(h))
        || [
            "load-date:",
            "datum-laden:",
            "language:",
            "sprache:",
            "langue:",
        ]
        .iter()
        .any(|f| {
            t.get(..f.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(f))
        })
}

/// Whether a Word document's paragraphs are a Nexis Uni export: an article
/// ends at `End of Document`, and one has a `Body`.
pub fn is_export(paragraphs: &[(String, String)]) -> bool {
    paragraphs.iter().any(|(_, p)| ends_article(p))
        && paragraphs.iter().any(|(_, p)| starts_body(p))
}

/// The articles of an export, in the order it holds them.
pub fn articles(paragraphs: &[(String, String)]) -> Vec<Exported> {
    let texts: Vec<&str> = paragraphs.iter().map(|(_, p)| p.as_str()).collect();
    // After the last `End of Document` there is nothing, or an article
    // cut short: read, so that the report names what it lacks.
    texts
        .split(|p| ends_article(p))
        .filter(|part| part.iter().any(|p| !p.trim().is_empty()))
        .enumerate()
        .map(|(i, part)| Exported {
            number: i + 1,
            line: None,
            id: None,
            draft: article(part),
        })
        .collect()
}

/// How many paragraphs above the fields the date line may stand (an
/// edition line and a copyright line between them and it).
const DATE_REACH: usize = 4;

/// One article's paragraphs (up to its `End of Document`); in the first,
/// the cover page comes before the headline and is left out.
fn article(part: &[&str]) -> Result<Draft, String> {
    let body = part
        .iter()
        .position(|p| starts_body(p))
        .ok_or("no paragraph “Body” starts its text")?;
    let header = &part[..body];
    // The fields stand right above `Body`: read up from it while they last
    // (a headline that starts like one, "Correction: …", is above them).
    let mut first_field = header.len();
    while first_field > 0 {
        let p = header[first_field - 1];
        if p.trim().is_empty() || field(p).is_some() {
            first_field -= 1;
        } else {
            break;
        }
    }
    // The date line is a few paragraphs above them (an edition and a
    // copyright line may stand between), never a labelled line: a cover
    // page's "Date and Time: Monday, July 1, 2019" is not one.
    let labelled = |p: &str| {
        p.split_once(':')
            .is_some_and(|(label, _)| !label.chars().any(|c| c.is_ascii_digit()))
    };
    let date_at = (first_field.saturating_sub(DATE_REACH)..first_field)
        .rev()
        .find(|&i| !labelled(header[i]) && date_line(header[i]).is_some())
        .ok_or("no date line (such as “July 1, 2019 Monday 9:20 AM GMT”) above its fields")?;
    if date_at < 2 {
        return Err("no headline and publication above its date line".into());
    }
    let written = header[date_at].trim();
    let mut draft = Draft {
        title: Some(header[date_at - 2].trim().to_string()),
        source: Some(header[date_at - 1].trim().to_string()),
        date: date_line(written),
        date_basis: Some(format!("from the Nexis Uni date line “{written}”")),
        ..Draft::default()
    };
    for p in &header[first_field..] {
        match field(p) {
            Some((Label::Byline, v)) if !v.is_empty() => draft.author = Some(v.to_string()),
            Some((Label::Length, v)) => draft.stated_words = super::stated_words(v),
            // "BUSINESS; Pg. 5": the section, not its page.
            Some((Label::Section, v)) => {
                let s = v.split(';').next().unwrap_or("").trim();
                if !s.is_empty() {
                    draft.section = Some(s.to_string());
                }
            }
            _ => {}
        }
    }
    let rest = &part[body + 1..];
    let end = rest.iter().position(|p| ends_body(p)).unwrap_or(rest.len());
    // In a Word document each paragraph is one: a blank line between.
    draft.body = rest[..end]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(p.to_string().into()))
        .collect();
    draft.language = rest[end..].iter().find_map(|p| {
        let (name, value) = p.split_once(':')?;
        matches!(
            name.trim().to_lowercase().as_str(),
            "language" | "sprache" | "langue"
        )
        .then(|| language(value))
        .flatten()
        .map(str::to_string)
    });
    if draft.body.is_empty() {
        return Err("no text between its “Body” and “End of Document”".into());
    }
    Ok(draft)
}
