//! ProQuest text exports (`.txt`): parts separated by lines of
//! underscores; an article's part holds a line `Document N of M`, then
//! its title, and `Label: value` fields (`Title`, `Publication title`,
//! `Publication date`, `Author`, `Section`, `Language of publication`,
//! `Document URL`, `ProQuest document ID` and more); `Full text:` runs
//! until the next label. The parts without such a line (the report's
//! cover, its table of contents, the search terms) are never articles.
//! Written from the format's rules; an article that breaks them is named
//! with its number and line, and the others are read.

use super::lexis::language;
use super::plain::Draft;
pub use super::Exported;
use crate::corpus::body::Block;

/// The labels of ProQuest's fields (others are text).
const LABELS: &[&str] = &[
    "Title",
    "Author",
    "Publication info",
    "Abstract",
    "Full text",
    "Subject",
    "Publication title",
    "Pages",
    "Publication year",
    "Publication date",
    "Section",
    "Publisher",
    "Place of publication",
    "Country of publication",
    "Publication subject",
    "ISSN",
    "Source type",
    "Language of publication",
    "Document type",
    "ProQuest document ID",
    "Document URL",
    "Copyright",
    "Last updated",
    "Database",
    "Links",
    "Company / organization",
    "Location",
    "People",
    "Identifier / keyword",
    "Dateline",
    "Credit",
    "Illustration",
    "Number of pages",
    "Document feature",
    "Volume",
    "Issue",
    "Edition",
    "Column",
    "Accession number",
];

/// `N` when `line` is `Document N of M`.
fn marker(line: &str) -> Option<usize> {
    match line.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["Document", n, "of", m] if m.parse::<usize>().is_ok() => n.parse().ok().filter(|n| *n > 0),
        _ => None,
    }
}

/// Whether `line` parts an export (ProQuest writes 60 underscores; a
/// shorter rule in a text is text).
fn separator(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 50 && t.bytes().all(|b| b == b'_')
}

/// Whether `content` is a ProQuest text export: parts separated by lines
/// of underscores, one of them an article's.
pub fn is_export(content: &str) -> bool {
    content.lines().any(separator) && content.lines().take(2000).any(|l| marker(l).is_some())
}

/// The field a line starts (`Publication date: Jun 5, 2008`).
fn field(line: &str) -> Option<(&'static str, &str)> {
    let (name, value) = line.split_once(':')?;
    let label = LABELS.iter().find(|l| **l == name.trim_end())?;
    Some((label, value.trim()))
}

/// The date a `Publication date` states, with the precision the export
/// gives it: `Jun 5, 2008` a day, `Jun/Jul 2008` a month (the first),
/// `Spring 2007` and `2005` a year.
fn publication_date(value: &str) -> Option<String> {
    use super::dates::{written, Written};
    if let Written::Date(d) = written(value, None) {
        return Some(d.iso());
    }
    value
        .split(|c: char| !c.is_ascii_digit())
        .find(|t| t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1500..=2200).contains(&y)))
        .map(str::to_string)
}

/// The articles of an export, in the order it holds them.
pub fn articles(content: &str) -> Vec<Exported> {
    let lines = super::lexis::export_lines(content);
    let mut out = Vec::new();
    let mut start = 0;
    for end in (0..=lines.len()).filter(|&i| i == lines.len() || separator(lines[i])) {
        let part = &lines[start..end];
        if let Some((at, number)) = part
            .iter()
            .enumerate()
            .find_map(|(i, l)| marker(l).map(|n| (i, n)))
        {
            let (id, draft) = article(&part[at + 1..]);
            out.push(Exported {
                number,
                line: Some(start + at + 1),
                id,
                draft,
            });
        }
        start = end + 1;
    }
    out
}

/// One article's lines (after its `Document N of M`): its id, and its draft.
fn article(lines: &[&str]) -> (Option<String>, Result<Draft, String>) {
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut body: Vec<Block> = Vec::new();
    let mut in_text = false;
    let mut first_line = None;
    for (i, l) in lines.iter().enumerate() {
        // In the text, a line that starts like a field ("Location: the old
        // quay…") is text unless the fields begin there: the next line with
        // anything is a field too, or there is none.
        let ends_text = || {
            lines[i + 1..]
                .iter()
                .find(|n| !n.trim().is_empty())
                .is_none_or(|n| field(n).is_some())
        };
        let f = field(l).filter(|(label, _)| !in_text || *label == "Full text" || ends_text());
        match f {
            Some(("Full text", v)) => {
                in_text = true;
                if !v.is_empty() {
                    body.push(Block::Paragraph(v.to_string().into()));
                }
            }
            Some((label, v)) => {
                in_text = false;
                fields.push((label, v.to_string()));
            }
            // ProQuest writes a paragraph a line.
            None if in_text && !l.trim().is_empty() => {
                body.push(Block::Paragraph(l.trim().to_string().into()))
            }
            None if fields.is_empty() && first_line.is_none() && !l.trim().is_empty() => {
                first_line = Some(l.trim().to_string());
            }
            None => {}
        }
    }
    let get = |label: &str| {
        fields
            .iter()
            .find(|(l, v)| *l == label && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let id = get("ProQuest document ID")
        .map(|v| {
            v.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|v| !v.is_empty())
        .map(|v| format!("proquest-{v}"));
    let draft = (|| {
        let written = get("Publication date").ok_or("no “Publication date:” field")?;
        let date = publication_date(&written)
            .ok_or_else(|| format!("its publication date “{written}” is not a date"))?;
        if body.is_empty() {
            return Err("no text after “Full text:”".to_string());
        }
        let mut draft = Draft {
            title: get("Title").or(first_line.clone()),
            date: Some(date),
            date_basis: Some(format!(
                "from the ProQuest field “Publication date: {written}”"
            )),
            source: get("Publication title"),
            author: get("Author"),
            url: get("Document URL"),
            language: get("Language of publication")
                .and_then(|l| language(&l))
                .map(str::to_string),
            body: body.clone(),
            ..Draft::default()
        };
        if let Some(s) = get("Section") {
            draft.section = Some(s);
        }
        if draft.title.is_none() {
            return Err("no title".into());
        }
        Ok(draft)
    })();
    (id, draft)
}
