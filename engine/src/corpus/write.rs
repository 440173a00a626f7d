//! A corpus as files of the project's own format, the inverse of
//! [`crate::corpus::load`]: `corpus.toml`, and one Markdown file per
//! article (`ID.md`) with its TOML front matter. What the page exports of an
//! imported corpus, which `scripts/build-site.sh` builds as it is.

use crate::corpus::body::Block;
use crate::corpus::{Article, CorpusInfo};

/// `s` as a TOML basic string, quotes included: `\` and `"` escaped, and
/// every control character as its escape (TOML allows none raw).
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `corpus.toml` of a corpus.
pub fn corpus_toml(info: &CorpusInfo) -> String {
    let mut out = format!("name = {}\n", toml_string(&info.name));
    if let Some(d) = &info.description {
        out.push_str(&format!("description = {}\n", toml_string(d)));
    }
    if let Some(l) = &info.language {
        out.push_str(&format!("language = {}\n", toml_string(l)));
    }
    if !info.stop_words.is_empty() {
        let words: Vec<String> = info.stop_words.iter().map(|w| toml_string(w)).collect();
        out.push_str(&format!("stop_words = [{}]\n", words.join(", ")));
    }
    out
}

/// An article's file: `+++` TOML front matter `+++`, a blank line, then its
/// blocks (`# ` and `## ` headings, paragraphs), each a line, blank lines
/// between. A paragraph that would read as a heading starts with a space
/// (the loader trims it). Its `language` is written when it is not
/// `default`, the corpus' (`corpus.toml`'s `language`, else "en").
pub fn article_file(a: &Article, default: &str) -> String {
    let mut out = String::from("+++\n");
    let mut field = |key: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("{key} = {}\n", toml_string(v)));
        }
    };
    field("title", Some(&a.title));
    field("date", Some(&a.date.iso()));
    field("date_basis", a.date_basis.as_deref());
    field("source", a.source());
    field("section", a.section());
    field("url", a.url());
    field("author", a.author());
    field("translator", a.translator());
    let own = !a.language.is_empty() && *a.language != *default;
    field("language", own.then_some(&*a.language));
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| toml_string(t)).collect();
        out.push_str(&format!("tags = [{}]\n", tags.join(", ")));
    }
    out.push_str("+++\n");
    for b in &a.body {
        out.push('\n');
        match b {
            Block::Heading { level, text } => {
                out.push_str(if *level <= 1 { "# " } else { "## " });
                out.push_str(&one_line(text));
            }
            Block::Paragraph(text) => {
                let t = one_line(text);
                if t.starts_with("# ") || t.starts_with("## ") || t.trim_end() == "+++" {
                    out.push(' ');
                }
                out.push_str(&t);
            }
        }
        out.push('\n');
    }
    out
}

/// A block's text on one line (a block never holds a line break once
/// loaded; an imported one might).
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
