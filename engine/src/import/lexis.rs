//! LexisNexis "classic" text exports (`.txt`): many articles a file, each
//! starting at a line `N of M DOCUMENTS` (German `Dokument N von M`,
//! French `Document N de M`). Written from the format's rules (the R
//! package LexisNexisTools reads the same ones); `M` is never relied on:
//! exports are concatenated.
//!
//! An article's header, up to its `LENGTH:` line (`LÄNGE:`, `LONGUEUR:`):
//! the publication (the first line), the date line (`January 11, 2010
//! Monday`, `11. Januar 2010 Montag`), perhaps an edition line right under
//! it, the headline (or a `HEADLINE:` field), and labelled fields: the
//! byline (`BYLINE:`, `AUTOR:`, `AUTEUR:`) and the section (`SECTION:`,
//! `RUBRIK:`, `RUBRIQUE:`). The body runs from `LENGTH:` to the trailing
//! fields (`LOAD-DATE:`, `LANGUAGE:`, `GRAPHIC:`, `PUBLICATION-TYPE:` and
//! their German and French names), whose `LANGUAGE:` gives the language;
//! the copyright lines after them are the export's, never text. An article
//! that breaks these rules is named with its number and line, and the
//! others are read.

use super::plain::Draft;
use crate::corpus::body::Block;

pub use super::Exported;

/// `N` when `line` starts an article (`12 of 500 DOCUMENTS`, `Dokument 12
/// von 500`, `Document 12 de 500`).
fn marker(line: &str) -> Option<usize> {
    let t: Vec<&str> = line.split_whitespace().collect();
    let n = |s: &str| s.parse::<usize>().ok().filter(|n| *n > 0);
    match t.as_slice() {
        [a, of, m, docs]
            if of.eq_ignore_ascii_case("of")
                && (docs.eq_ignore_ascii_case("documents")
                    || docs.eq_ignore_ascii_case("document"))
                && n(m).is_some() =>
        {
            n(a)
        }
        [word, a, von, m]
            if (word.eq_ignore_ascii_case("dokument") && von.eq_ignore_ascii_case("von")
                || word.eq_ignore_ascii_case("document") && von.eq_ignore_ascii_case("de"))
                && n(m).is_some() =>
        {
            n(a)
        }
        _ => None,
    }
}

/// Whether `content` is a LexisNexis text export: one of its first lines
/// with text starts an article.
pub fn is_export(content: &str) -> bool {
    // A download's cover (the request, its terms, its address) may come
    // first; an article has its length line.
    let mut lines = content
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}'))
        .take(400);
    lines.any(|l| marker(l).is_some())
        && content
            .lines()
            .any(|l| matches!(field(l), Some((Label::Length, _))))
}

/// What a field's label means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Byline,
    Section,
    Headline,
    /// Ends the header.
    Length,
    Language,
    /// Ends the body (a trailing field).
    Trailing,
    /// Read, not kept (`DATELINE:`, `HIGHLIGHT:`…).
    Other,
}

/// The label a line starts with (`BYLINE: …`), with its value.
fn field(line: &str) -> Option<(Label, &str)> {
    let (name, value) = line.trim().split_once(':')?;
    // Labels are capitals, digits and hyphens: a headline with a colon is not one.
    if name.is_empty()
        || name.chars().count() > 30
        || !name
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c.is_ascii_digit())
    {
        return None;
    }
    let label = match name {
        "BYLINE" | "AUTOR" | "AUTEUR" => Label::Byline,
        "SECTION" | "RUBRIK" | "RUBRIQUE" => Label::Section,
        "HEADLINE" | "TITEL" | "TITRE" => Label::Headline,
        "LENGTH" | "LÄNGE" | "LONGUEUR" => Label::Length,
        "LANGUAGE" | "SPRACHE" | "LANGUE" => Label::Language,
        "LOAD-DATE"
        | "GRAPHIC"
        | "PUBLICATION-TYPE"
        | "JOURNAL-CODE"
        | "CORRECTION-DATE"
        | "DOCUMENT-TYPE"
        | "NOTES"
        | "URL"
        | "SUBJECT"
        | "ORGANIZATION"
        | "GEOGRAPHIC"
        | "COMPANY"
        | "PERSON"
        | "CITY"
        | "COUNTRY"
        | "STATE"
        | "TICKER"
        | "INDUSTRY"
        | "DOKUMENTTYP"
        | "PUBLIKATIONSTYP"
        | "DATUM-LADEN"
        | "TYPE-DE-PUBLICATION"
        | "UPDATE"
        | "GRAFIK" => Label::Trailing,
        _ => Label::Other,
    };
    Some((label, value.trim()))
}

/// The date a date line states, cut after its year (a weekday, an edition
/// or a time may follow), with the line as it is written.
pub(super) fn date_line(line: &str) -> Option<String> {
    let l = line.trim();
    // The year: the first run of four digits from 1500 to 2200.
    let bytes = l.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 4 {
            let year: u32 = l[i..i + 4].parse().ok()?;
            if (1500..=2200).contains(&year) {
                let cut = &l[..i + 4];
                return match super::dates::written(cut, None) {
                    // A month's name and the year at least: a bare year
                    // in a line is no date line.
                    super::dates::Written::Date(d) if d.month.is_some() => Some(cut.to_string()),
                    _ => None,
                };
            }
        }
        i += run.max(1);
    }
    None
}

/// A language's name as exports write it, as BCP 47.
pub(super) fn language(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    let n = n.split([';', ',', ' ']).next().unwrap_or("");
    Some(match n {
        "english" | "englisch" | "anglais" => "en",
        "german" | "deutsch" | "allemand" => "de",
        "french" | "französisch" | "français" | "francais" => "fr",
        "spanish" | "spanisch" | "espagnol" | "español" => "es",
        "italian" | "italienisch" | "italien" | "italiano" => "it",
        "dutch" | "niederländisch" | "néerlandais" | "nederlands" => "nl",
        "portuguese" | "portugiesisch" | "portugais" | "português" => "pt",
        _ => return None,
    })
}

/// Paragraphs of `lines`: blank lines part them, a paragraph's lines joined.
pub(super) fn paragraphs(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for l in lines.iter().chain(std::iter::once(&"")) {
        if l.trim().is_empty() {
            if !current.is_empty() {
                out.push(Block::Paragraph(current.join(" ").into()));
                current.clear();
            }
        } else {
            current.push(l.trim());
        }
    }
    out
}

/// An export's lines: without its byte-order mark, each without its CR
/// (exports are often written on Windows).
pub(super) fn export_lines(content: &str) -> Vec<&str> {
    content
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .collect()
}

/// The articles of an export, in the order it holds them.
pub fn articles(content: &str) -> Vec<Exported> {
    let lines = export_lines(content);
    let starts: Vec<(usize, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| marker(l).map(|n| (i, n)))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &(at, number))| {
            let end = starts.get(k + 1).map_or(lines.len(), |&(next, _)| next);
            Exported {
                number,
                line: Some(at + 1),
                id: None,
                draft: article(&lines[at + 1..end]),
            }
        })
        .collect()
}

/// One article's lines (after its `N of M DOCUMENTS`).
fn article(lines: &[&str]) -> Result<Draft, String> {
    let length = lines
        .iter()
        .position(|l| matches!(field(l), Some((Label::Length, _))))
        .ok_or("no LENGTH: line ends its header")?;
    let header = &lines[..length];
    let stated = field(lines[length]).and_then(|(_, v)| super::stated_words(v));
    // The unlabelled lines come first: the publication, the date line, an
    // edition, the headline; then the labelled fields.
    // A headline may look like a field (`EXCLUSIVE: …`): only the labels
    // an export writes count here.
    let known = |l: &str| field(l).is_some_and(|(label, _)| label != Label::Other);
    let first_field = header.iter().position(|l| known(l)).unwrap_or(header.len());
    let top = &header[..first_field];
    // Some publications print their copyright above their name.
    let notice = |l: &str| {
        let l = l.trim().to_lowercase();
        l.starts_with("copyright") || l.starts_with('©') || l.starts_with("all rights reserved")
    };
    let mut text_lines = top
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !notice(l));
    let (_, source) = text_lines
        .next()
        .ok_or("no publication, date or headline")?;
    let (date_at, date) = top
        .iter()
        .enumerate()
        .find_map(|(i, l)| date_line(l).map(|d| (i, d)))
        .ok_or("no date line (such as “January 11, 2010 Monday”) in its header")?;
    let written_line = top[date_at].trim().to_string();
    // After the date: blocks of lines parted by blank lines. One right under
    // the date line, with another after it, is the edition.
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut fresh = true;
    for l in &top[date_at + 1..] {
        if l.trim().is_empty() {
            fresh = true;
        } else if fresh || blocks.is_empty() {
            blocks.push(vec![l.trim()]);
            fresh = false;
        } else if let Some(b) = blocks.last_mut() {
            b.push(l.trim());
        }
    }
    let edition_under_date = top.get(date_at + 1).is_some_and(|l| !l.trim().is_empty());
    if edition_under_date && blocks.len() > 1 {
        blocks.remove(0);
    }
    let mut draft = Draft {
        source: Some(source.trim().to_string()),
        date: Some(date),
        date_basis: Some(format!("from the LexisNexis date line “{written_line}”")),
        stated_words: stated,
        title: (!blocks.is_empty()).then(|| {
            blocks
                .iter()
                .map(|b| b.join(" "))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        ..Draft::default()
    };
    // The labelled fields, each running on over the lines under it.
    let mut fields: Vec<(Label, String)> = Vec::new();
    for l in &header[first_field..] {
        match field(l) {
            Some((label, value)) => fields.push((label, value.to_string())),
            None if !l.trim().is_empty() => {
                if let Some((_, v)) = fields.last_mut() {
                    v.push(' ');
                    v.push_str(l.trim());
                }
            }
            None => {}
        }
    }
    for (label, value) in fields {
        match label {
            Label::Byline => draft.author = Some(value),
            // "NEWS; Pg. 5": the section, not its page.
            Label::Section => {
                let s = value.split(';').next().unwrap_or("").trim();
                if !s.is_empty() {
                    draft.section = Some(s.to_string());
                }
            }
            Label::Headline => draft.title = Some(value),
            _ => {}
        }
    }
    if draft.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err("no headline between its date line and its fields".into());
    }
    // The body: up to the first trailing field; the fields after it are
    // read for the language, the copyright lines never.
    // Fields between the length line and the text (`DATELINE:`,
    // `HIGHLIGHT:`, `BODY:`) are the export's, not text.
    let mut rest = &lines[length + 1..];
    while let Some((first, after)) = rest.split_first() {
        if first.trim().is_empty() || matches!(field(first), Some((Label::Other, _))) {
            rest = after;
        } else {
            break;
        }
    }
    let body_end = rest
        .iter()
        .position(|l| matches!(field(l), Some((Label::Trailing | Label::Language, _))))
        .unwrap_or(rest.len());
    draft.body = paragraphs(&rest[..body_end]);
    if let Some(lang) = rest[body_end..].iter().find_map(|l| match field(l) {
        Some((Label::Language, v)) => language(v),
        _ => None,
    }) {
        draft.language = Some(lang.to_string());
    }
    if draft.body.is_empty() {
        return Err("no text between its LENGTH: line and its trailing fields".into());
    }
    Ok(draft)
}
