//! Word documents (`.docx`): the body's paragraphs, its headings as
//! headings (the `Heading 1…` and `Title` styles), read from
//! `word/document.xml` entry by entry ([`crate::import::zip`]) with
//! `quick-xml`. Tracked deletions and field codes are left out; headers,
//! footers, comments and footnotes are other parts and are not read. No
//! entity is expanded and nothing is fetched: a `DOCTYPE` is ignored.
//!
//! The file's own properties (`docProps/core.xml`) give the title when no
//! paragraph is styled `Title`, and a date only as a marked fallback: it is
//! usually when the file was made or saved, not published.

use crate::corpus::body::Block;
use crate::import::plain::Draft;
use crate::import::zip::{Archive, Limits};
use quick_xml::events::Event;
use quick_xml::Reader;

/// The text of one XML entity reference (`amp`, `#233`, `#xE9`), if known.
fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    quick_xml::escape::resolve_predefined_entity(name).map(String::from)
}

/// An element's `w:val` attribute (a paragraph style's name).
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).to_string())
}

/// A Word document as read: its paragraphs in order, each with its style
/// (lower case, empty when none) and its text (spaces collapsed), and the
/// title and creation time its properties give.
#[derive(Debug, Default)]
pub struct Word {
    /// (style, text), paragraphs with no text left out.
    pub paragraphs: Vec<(String, String)>,
    /// `dc:title` of `docProps/core.xml`.
    pub core_title: Option<String>,
    /// `dcterms:created` of `docProps/core.xml`.
    pub created: Option<String>,
}

/// A Word document's article; `Err` (why) when the file is not one.
pub fn docx(bytes: &[u8]) -> Result<Draft, String> {
    Ok(draft(read(bytes)?))
}

/// The article a Word document's paragraphs make: the first `Title`
/// paragraph is the title, `Heading N` paragraphs are headings.
pub fn draft(word: Word) -> Draft {
    let mut draft = Draft::default();
    let mut title = None;
    for (style, t) in word.paragraphs {
        if style == "title" && title.is_none() {
            title = Some(t);
        } else if let Some(level) = style
            .strip_prefix("heading")
            .and_then(|n| n.trim().parse::<u8>().ok())
        {
            draft.body.push(Block::Heading {
                level: if level <= 2 { 1 } else { 2 },
                text: t.into(),
            });
        } else {
            draft.body.push(Block::Paragraph(t.into()));
        }
    }
    draft.title = title.or(word.core_title);
    draft.fallback_date = word.created;
    draft
}

/// A Word document's paragraphs and properties; `Err` (why) when the file
/// is not one.
pub fn read(bytes: &[u8]) -> Result<Word, String> {
    let archive = Archive::new(bytes, Limits::default()).map_err(|_| {
        "it is not a Word document: a .docx file is a zip archive, and this is not a zip"
            .to_string()
    })?;
    let (mut document, mut core) = (None, None);
    for e in archive {
        match e.name.as_str() {
            "word/document.xml" => {
                document = Some(
                    e.data
                        .map_err(|why| format!("its text cannot be read: {why}"))?,
                )
            }
            "docProps/core.xml" => core = e.data.ok(),
            _ => {}
        }
    }
    let document = document.ok_or("it is not a Word document (it has no word/document.xml)")?;
    let xml = String::from_utf8_lossy(&document);
    let mut word = Word::default();
    let mut reader = Reader::from_str(&xml);
    let (mut text, mut style) = (String::new(), None::<String>);
    let (mut deleted, mut field, mut in_t) = (0usize, false, false);
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(e) => e,
            Err(e) => return Err(format!("its text is not well-formed XML ({e})")),
        };
        match event {
            // An empty element opens nothing: `<w:del/>` in a run's
            // properties marks a deleted paragraph mark, `<w:t/>` no text.
            Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" => style = val(&e),
                b"tab" | b"br" | b"cr" if deleted == 0 => text.push(' '),
                _ => {}
            },
            Event::Start(e) => match e.local_name().as_ref() {
                // A text box's paragraphs are read where its fallback
                // repeats them: the choice's copy is left out.
                b"Choice" => deleted += 1,
                b"p" => {
                    text.clear();
                    style = None;
                }
                b"pStyle" => style = val(&e),
                b"del" | b"moveFrom" => deleted += 1,
                b"instrText" => field = true,
                b"t" => in_t = true,
                b"tab" | b"br" | b"cr" if deleted == 0 => text.push(' '),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"del" | b"moveFrom" | b"Choice" => deleted = deleted.saturating_sub(1),
                b"instrText" => field = false,
                b"t" => in_t = false,
                b"p" => {
                    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    text.clear();
                    let s = style.take().unwrap_or_default().to_lowercase();
                    if !t.is_empty() {
                        word.paragraphs.push((s, t));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t && deleted == 0 && !field => {
                text.push_str(
                    &t.decode()
                        .map_err(|e| format!("its text is not readable ({e})"))?,
                );
            }
            Event::GeneralRef(r) if in_t && deleted == 0 && !field => {
                if let Some(s) = r.decode().ok().and_then(|n| entity(&n)) {
                    text.push_str(&s);
                }
            }
            _ => {}
        }
    }
    // The file's own properties: a title, and a date marked as a fallback.
    if let Some(core) = core {
        let core = String::from_utf8_lossy(&core);
        let mut r = Reader::from_str(&core);
        let mut at: Option<Vec<u8>> = None;
        let (mut core_title, mut created) = (None, None);
        while let Ok(e) = r.read_event() {
            match e {
                Event::Eof => break,
                Event::Start(s) => at = Some(s.local_name().as_ref().to_vec()),
                Event::End(_) => at = None,
                Event::Text(t) => {
                    let v = t.decode().map(|v| v.trim().to_string()).unwrap_or_default();
                    match at.as_deref() {
                        Some(b"title") if !v.is_empty() => core_title = Some(v),
                        Some(b"created") if !v.is_empty() => created = Some(v),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        word.core_title = core_title;
        word.created = created;
    }
    Ok(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::zip::write;

    fn docx_of(document: &str, core: Option<&str>) -> Vec<u8> {
        let mut files = vec![(
            "word/document.xml".to_string(),
            document.as_bytes().to_vec(),
        )];
        if let Some(c) = core {
            files.push(("docProps/core.xml".to_string(), c.as_bytes().to_vec()));
        }
        write(&files)
    }

    #[test]
    fn a_word_document_gives_its_paragraphs_and_headings_not_its_deletions() {
        let doc = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Alipay &amp; the market</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>A heading</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Alipay </w:t></w:r><w:del><w:r><w:delText>never </w:delText></w:r></w:del><w:r><w:t>grew</w:t><w:tab/><w:t>fast &#233;&#x2014;&e;</w:t></w:r></w:p>
<w:p><w:r><w:fldChar/><w:instrText> PAGE </w:instrText><w:t>Second.</w:t></w:r></w:p>
</w:body></w:document>"#;
        let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>Core title</dc:title><dcterms:created>2020-01-02T03:04:05Z</dcterms:created></cp:coreProperties>"#;
        let d = docx(&docx_of(doc, Some(core))).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("Alipay & the market"),
            "the Title style before the properties"
        );
        let texts: Vec<&str> = d.body.iter().map(|b| b.text()).collect();
        assert_eq!(texts, ["A heading", "Alipay grew fast é—", "Second."]);
        assert!(matches!(d.body[0], Block::Heading { level: 1, .. }));
        assert_eq!(d.fallback_date.as_deref(), Some("2020-01-02T03:04:05Z"));
        assert_eq!(d.date, None, "properties are no publication date");
        let d = docx(&docx_of("<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>", Some(core))).unwrap();
        assert_eq!(d.title.as_deref(), Some("Core title"));
    }

    #[test]
    fn what_is_not_a_word_document_says_so() {
        assert!(docx(b"PK not really").unwrap_err().contains("not a zip"));
        assert!(docx(&write(&[("other.xml".into(), b"<a/>".to_vec())]))
            .unwrap_err()
            .contains("no word/document.xml"));
        assert!(docx(&docx_of("<w:document><w:p></w:q></w:document>", None))
            .unwrap_err()
            .contains("not well-formed"));
        // A deleted paragraph mark and an empty text element shut nothing out.
        let d = docx(&docx_of("<w:document xmlns:w=\"w\"><w:body><w:p><w:pPr><w:rPr><w:del w:id=\"1\"/></w:rPr></w:pPr><w:r><w:t/><w:t>One.</w:t></w:r></w:p><w:p><w:r><w:t>Two.</w:t></w:r></w:p></w:body></w:document>", None)).unwrap();
        assert_eq!(
            d.body.iter().map(|b| b.text()).collect::<Vec<_>>(),
            ["One.", "Two."]
        );
    }
}
