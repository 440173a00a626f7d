//! The article body: a small Markdown subset.
//!
//! Paragraphs are separated by blank lines; a line starting with `# ` or
//! `## ` is a heading of its own. Everything else, HTML and other Markdown
//! included, is text and is shown literally. The lines of a paragraph are
//! joined with single spaces, as Markdown does with soft line breaks.

use crate::corpus::Text;

/// One block of an article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A `#` (level 1) or `##` (level 2) heading.
    Heading {
        /// 1 or 2.
        level: u8,
        /// The heading text, trimmed.
        text: Text,
    },
    /// A paragraph of text.
    Paragraph(Text),
}

impl Block {
    /// The text of the block, whatever its kind.
    pub fn text(&self) -> &str {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) => text,
        }
    }
}

/// Splits a body into blocks. Never fails: any text is a valid body.
pub fn parse_body(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para = String::new();
    let flush = |para: &mut String, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(para).into()));
        }
    };
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut para, &mut blocks);
        } else if let Some((level, text)) = heading(line) {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Heading {
                level,
                text: text.to_string().into(),
            });
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(trimmed);
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let (level, rest) = if let Some(rest) = line.strip_prefix("## ") {
        (2, rest)
    } else if let Some(rest) = line.strip_prefix("# ") {
        (1, rest)
    } else {
        return None;
    };
    let text = rest.trim();
    (!text.is_empty()).then_some((level, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(s.to_string().into())
    }

    #[test]
    fn paragraphs_and_headings() {
        let body = "# Intro\n\nFirst line\nsecond line.\n\n\n## I\nNext <b>para</b>.\n";
        assert_eq!(
            parse_body(body),
            [
                Block::Heading {
                    level: 1,
                    text: "Intro".into()
                },
                p("First line second line."),
                Block::Heading {
                    level: 2,
                    text: "I".into()
                },
                p("Next <b>para</b>."),
            ]
        );
    }

    #[test]
    fn other_markdown_is_literal_text() {
        let body = "### three\n#hashtag\n* item\n<script>alert(1)</script>\n#\n";
        assert_eq!(
            parse_body(body),
            [p("### three #hashtag * item <script>alert(1)</script> #")]
        );
    }

    #[test]
    fn crlf_and_blank_bodies() {
        assert_eq!(parse_body("a\r\nb\r\n\r\nc"), [p("a b"), p("c")]);
        assert_eq!(parse_body(" \n\n\t"), []);
    }
}
