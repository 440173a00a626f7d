//! Plain text (`.txt`) and Markdown (`.md`): what an imported file of
//! either says of its article.
//!
//! Plain text: the first line is the title when it plainly is one (at most
//! 150 characters, not ending like a sentence with `.`, `,`, `;` or `:`,
//! with a blank line after it and more text below); otherwise the file's
//! name is. Paragraphs are separated by blank lines; the lines of one
//! paragraph are joined (text is often wrapped at 70 or 80 columns).
//!
//! Markdown: `+++` TOML front matter is the project's own format, read by
//! the build's parser with its messages ([`crate::corpus::load`]); `---`
//! YAML front matter is read for title, date, source, url, author,
//! translator, language and tags (the subset such files use: `key: value`,
//! quoted or not, block scalars `|` and `>`, and lists as `[a, b]` or `- a`
//! lines; a line it cannot read is named); without front matter the first
//! `# ` heading is the title.

use crate::corpus::body::{parse_body, Block};

/// What one file says of its article, before it has an id and a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The title, if the file gives one (else the importer uses the file's name).
    pub title: Option<String>,
    /// The date as the file writes it (front matter), if any.
    pub date: Option<String>,
    /// How the file says it was dated (`date_basis`), if it does.
    pub date_basis: Option<String>,
    /// A date the file's own properties give (a Word document's creation
    /// time): used only when nothing else dates it, and marked as such.
    pub fallback_date: Option<String>,
    /// Publication or site.
    pub source: Option<String>,
    /// The publication's section.
    pub section: Option<String>,
    /// Where it was found.
    pub url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Who translated it.
    pub translator: Option<String>,
    /// Its language (BCP 47).
    pub language: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// Its text.
    pub body: Vec<Block>,
    /// How many words the file says its text has (a news export's
    /// `LENGTH: 523 words`): checked against the words read.
    pub stated_words: Option<usize>,
    /// Lines of the file the report names (line, what): a field ignored.
    pub notes: Vec<(usize, String)>,
}

/// A plain text file's article.
pub fn text(content: &str) -> Draft {
    let content = content.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = content.lines().peekable();
    // Leading blank lines.
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    let rest: Vec<&str> = lines.collect();
    let first = rest.first().map(|l| l.trim()).unwrap_or("");
    let is_title = !first.is_empty()
        && first.chars().count() <= 150
        && !first.ends_with(['.', ',', ';', ':'])
        && rest.get(1).is_some_and(|l| l.trim().is_empty())
        && rest.iter().skip(2).any(|l| !l.trim().is_empty());
    let (title, body_lines) = if is_title {
        (Some(first.to_string()), &rest[1..])
    } else {
        (None, &rest[..])
    };
    Draft {
        title,
        body: paragraphs(body_lines),
        ..Draft::default()
    }
}

/// Blank-line separated paragraphs, each paragraph's lines joined by a space.
fn paragraphs(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para = String::new();
    for line in lines.iter().map(|l| l.trim()).chain(std::iter::once("")) {
        if line.is_empty() {
            if !para.is_empty() {
                out.push(Block::Paragraph(std::mem::take(&mut para).into()));
            }
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(line);
        }
    }
    out
}

/// A Markdown file without `+++` front matter: `---` YAML front matter or
/// none. (A file with `+++` is the project's format: read it with
/// [`crate::corpus::load::parse_article`].)
pub fn markdown(content: &str) -> Draft {
    let content = content.replace("\r\n", "\n");
    let mut draft = Draft::default();
    let mut body = content.as_str();
    if let Some(after) = content.strip_prefix("---\n") {
        if let Some(end) = after
            .find("\n---\n")
            .or_else(|| after.ends_with("\n---").then(|| after.len() - 4))
        {
            front_matter(&after[..end], &mut draft);
            body = after.get(end + 5..).unwrap_or("");
        }
    }
    let mut blocks = parse_body(body);
    if draft.title.is_none() {
        if let Some(Block::Heading { level: 1, text }) = blocks.first() {
            draft.title = Some(text.to_string());
            blocks.remove(0);
        }
    }
    draft.body = blocks;
    draft
}

/// Reads YAML front matter's fields into `draft`.
fn front_matter(front: &str, draft: &mut Draft) {
    let lines: Vec<&str> = front.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            draft.notes.push((
                i + 1,
                format!(
                    "ignored the front-matter line “{}”: it is not `key: value`",
                    line.trim()
                ),
            ));
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = value.trim();
        // A list: inline `[a, b]`, or `- a` lines below an empty value.
        let mut list: Vec<String> = Vec::new();
        if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            list = inner
                .split(',')
                .map(unquote)
                .filter(|s| !s.is_empty())
                .collect();
        } else if value.is_empty() {
            while let Some(item) = lines.get(i).and_then(|l| l.trim_start().strip_prefix("- ")) {
                list.push(unquote(item));
                i += 1;
            }
        }
        // A block scalar (`|` keeps lines, `>` folds them): its indented lines.
        let mut value = value.to_string();
        if matches!(value.as_str(), "|" | ">" | "|-" | ">-" | "|+" | ">+") {
            let keep_lines = value.starts_with('|');
            let mut parts = Vec::new();
            while let Some(l) = lines
                .get(i)
                .filter(|l| l.starts_with([' ', '\t']) || l.trim().is_empty())
            {
                parts.push(l.trim());
                i += 1;
            }
            value = parts
                .join(if keep_lines { "\n" } else { " " })
                .trim()
                .to_string();
        }
        let value = value.as_str();
        let scalar = (!value.is_empty() && !value.starts_with('[')).then(|| unquote(value));
        let one = || {
            scalar
                .clone()
                .or_else(|| list.first().cloned())
                .filter(|s| !s.is_empty())
        };
        match key.as_str() {
            "title" => draft.title = one(),
            "date" | "published" | "pubdate" | "date_published" => draft.date = one(),
            "date_basis" => draft.date_basis = one(),
            "source" | "publication" | "publisher" | "site" => draft.source = one(),
            "section" | "rubrique" | "rubrik" => draft.section = one(),
            "url" | "link" | "source_url" => draft.url = one(),
            "author" | "authors" | "byline" => {
                draft.author = if list.is_empty() {
                    one()
                } else {
                    Some(list.join(", "))
                }
            }
            "translator" => draft.translator = one(),
            "language" | "lang" => draft.language = one(),
            "tags" | "keywords" | "categories" => {
                draft.tags = if list.is_empty() {
                    scalar
                        .iter()
                        .flat_map(|s| s.split(','))
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                } else {
                    list
                }
            }
            other => draft
                .notes
                .push((i, format!("ignored the front-matter field “{other}”"))),
        }
    }
}

/// A YAML scalar without its quotes.
fn unquote(v: &str) -> String {
    let v = v.trim();
    let inner = v
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
    match inner {
        Some(s) if v.starts_with('"') => s.replace("\\\"", "\"").replace("\\\\", "\\"),
        Some(s) => s.replace("''", "'"),
        None => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(d: &Draft) -> Vec<String> {
        d.body.iter().map(|b| b.text().to_string()).collect()
    }

    #[test]
    fn a_first_line_is_a_title_only_when_it_plainly_is_one() {
        let d = text("Alipay turns social\n\nIt launched a feed.\nWrapped at eighty\ncolumns.\n\nSecond paragraph.\n");
        assert_eq!(d.title.as_deref(), Some("Alipay turns social"));
        assert_eq!(
            paras(&d),
            [
                "It launched a feed. Wrapped at eighty columns.",
                "Second paragraph."
            ]
        );
        // A sentence, no blank line after it, or nothing below: not a title.
        assert_eq!(text("It launched a feed.\n\nMore.").title, None);
        assert_eq!(text("Alipay turns social\nIt launched a feed.").title, None);
        assert_eq!(text("Alipay turns social\n\n").title, None);
        assert_eq!(
            text("\r\n\r\nIs Alipay losing?\r\n\r\nYes.")
                .title
                .as_deref(),
            Some("Is Alipay losing?")
        );
        assert_eq!(text("").body, Vec::<Block>::new());
    }

    #[test]
    fn yaml_front_matter_and_a_first_heading() {
        let d = markdown("---\ntitle: \"Alipay: the \\\"super app\\\"\"\ndate: 2016-09-22\nauthor:\n  - Li Wei\n  - Ann Lee\ntags: [social, 'ai']\nsource: Caixin\nlayout: post\n---\n# Heading one\n\nText.\n");
        assert_eq!(d.title.as_deref(), Some("Alipay: the \"super app\""));
        assert_eq!(d.date.as_deref(), Some("2016-09-22"));
        assert_eq!(d.author.as_deref(), Some("Li Wei, Ann Lee"));
        assert_eq!(d.tags, ["social", "ai"]);
        assert_eq!(d.source.as_deref(), Some("Caixin"));
        assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
        assert!(d.notes[0].1.contains("layout"));
        assert_eq!(
            paras(&d),
            ["Heading one", "Text."],
            "with a title, a heading stays in the text"
        );
        let d = markdown("---\ntitle: >\n  A folded\n  title\nsource: |\n  Caixin\n---\nText.\n");
        assert_eq!(d.title.as_deref(), Some("A folded title"));
        assert_eq!(d.source.as_deref(), Some("Caixin"));
        assert!(d.notes.is_empty(), "{:?}", d.notes);
        let d = markdown("# The title\n\nText.\n");
        assert_eq!(d.title.as_deref(), Some("The title"));
        assert_eq!(paras(&d), ["Text."]);
    }
}
