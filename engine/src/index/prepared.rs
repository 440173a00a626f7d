//! An index's words read at build time: what the page's index build would
//! otherwise spend most of its time on (tokenizing every article, and for
//! Chinese text the dictionary's cut of every run), written beside the
//! corpus, so that the page builds its index without tokenizing
//! ([`crate::index::builder::IndexBuilder::prepared`]).
//!
//! A site writes it for a corpus with text written without spaces
//! (`lens-site`, `build.rs`): Chinese takes nine times English's time per
//! character to tokenize, and its dictionary (765 KB gzip) is needed at
//! start only to tokenize. English text is tokenized about as fast as these
//! words are read, and they would add a third to its download.
//!
//! With them comes the corpus' own Chinese dictionary ([`corpus_dictionary`]):
//! the words of the engine's dictionary that the corpus' text was cut into,
//! with their costs. It cuts every run of the corpus' text exactly as the
//! whole dictionary does (see [`corpus_dictionary`]), so the page's marks,
//! snippets and concordance lines, which tokenize an article again, read
//! the words the index holds; and a query's text written without spaces is
//! looked for by its characters whatever its cut (`crate::search`).
//!
//! The bytes (LEB128 counts, as [`crate::corpus::codec`]): `LENSWRD1`; the
//! corpus file's name (`codec::file_name`: these words are that corpus');
//! the vocabulary, most frequent word first, then each word's place in
//! sorted order; the corpus' Chinese dictionary (the cost of a character
//! it lacks, 0 for none; its words as steps through the vocabulary, with
//! their costs); the articles, each: its title's words, its
//! words, each word's place in the vocabulary (the title's break not
//! written), its blocks' starts and its clauses' starts (positions, each
//! as the step from the one before).

use crate::corpus::Corpus;
use crate::index::Index;
use crate::steps::Steps;
use crate::text::lexicon::BREAK;
use crate::text::segment::{CostsJob, Dictionary};

const MAGIC: &[u8; 8] = b"LENSWRD1";

/// The words of `index` (built from the corpus whose file is
/// `corpus_name`), with the corpus' own Chinese dictionary where
/// `chinese` is the dictionary its text was cut with.
pub fn encode(index: &Index, corpus_name: &str, chinese: Option<&Dictionary>) -> Vec<u8> {
    let v = index.vocabulary_len();
    // Most frequent first: most words then take a byte.
    let mut by_rank: Vec<u32> = (0..v as u32).collect();
    by_rank.sort_by_key(|&t| (std::cmp::Reverse(index.postings(t).positions_len()), t));
    let mut rank = vec![0u32; v];
    for (r, &t) in by_rank.iter().enumerate() {
        rank[t as usize] = r as u32;
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    put_str(&mut out, corpus_name);
    count(&mut out, v);
    for &t in &by_rank {
        put_str(&mut out, index.term(t));
    }
    // Each word's place in sorted order (its id in the index): the page
    // sorts nothing.
    for &t in &by_rank {
        count(&mut out, t as usize);
    }
    // The corpus' Chinese dictionary: the cost of a character it lacks (0:
    // no dictionary), then its words as (step from the place of the one
    // before in the vocabulary, cost).
    match chinese {
        None => count(&mut out, 0),
        Some(d) => {
            count(&mut out, d.unknown_cost() as usize);
            let words: Vec<(usize, u16)> = by_rank
                .iter()
                .enumerate()
                .filter_map(|(r, &t)| Some((r, d.cost(index.term(t))?)))
                .collect();
            count(&mut out, words.len());
            let mut last = 0;
            for (r, cost) in words {
                count(&mut out, r - last);
                count(&mut out, usize::from(cost));
                last = r;
            }
        }
    }
    count(&mut out, index.doc_count());
    for d in 0..index.doc_count() {
        let info = index.doc(d);
        count(&mut out, info.title_len as usize);
        count(&mut out, info.len as usize);
        for id in index.words_of(d).iter().filter(|&id| id != BREAK) {
            count(&mut out, rank[id as usize] as usize);
        }
        for list in [info.block_starts(), info.clause_starts()] {
            count(&mut out, list.len());
            let mut last = 0;
            for &p in list {
                count(&mut out, (p - last) as usize);
                last = p;
            }
        }
    }
    out
}

/// The corpus' own Chinese dictionary: those of `words` (the corpus'
/// vocabulary) that `whole` holds, with their costs, and its cost of a
/// character it lacks. [`encode`] writes it; [`Prepared::chinese`] reads it.
///
/// It cuts the corpus' text as `whole` does. Each run's cut is the cheapest
/// way through it, of equal costs the one whose first word is longer
/// ([`Dictionary::segment`]), and every word of it is in the vocabulary, so
/// in this dictionary, with the same cost. Every way here is a way in
/// `whole` at no lower cost (a word missing here is cut as unknown
/// characters, and no word costs more than an unknown character: the
/// dictionary files are refused otherwise), so the cut is still the
/// cheapest, and the ways that tie with it here tied in `whole` too, so the
/// longest first word among them is the same one.
pub fn corpus_dictionary<'a>(
    whole: &Dictionary,
    words: impl IntoIterator<Item = &'a str>,
) -> Dictionary {
    Dictionary::from_costs(
        whole.unknown_cost(),
        words.into_iter().filter_map(|w| Some((w, whole.cost(w)?))),
    )
}

/// The prepared words a site ships with `corpus` (whose file is
/// `corpus_name`): for a corpus with text written without spaces, its
/// words as its index reads them (the segmenters installed: the corpus'
/// own Chinese dictionary comes with them); none for another. The one rule
/// of `build.rs` and `lens-site`.
pub fn for_corpus(corpus: &Corpus, corpus_name: &str) -> Option<Vec<u8>> {
    use crate::text::segment::chinese;
    let has = corpus.unspaced();
    has.any().then(|| {
        let chinese = if has.han { chinese() } else { None };
        encode(&Index::new(corpus), corpus_name, chinese)
    })
}

/// The file a site serves prepared words in: `words-HASH.bin`, the hash of
/// its bytes (as `codec::file_name` names the corpus file), so that no
/// cache serves a page other words than the ones its corpus file names.
pub fn file_name(bytes: &[u8]) -> String {
    format!("words-{:016x}.bin", crate::corpus::codec::fnv1a(bytes))
}

fn count(out: &mut Vec<u8>, n: usize) {
    let (bytes, len) = crate::leb128::encode(n as u64);
    out.extend_from_slice(&bytes[..len]);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    count(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Prepared words whose vocabulary and dictionary are read and checked
/// ([`Prepared::read`]); the articles' words are read, and checked, one
/// article at a time as the index is built ([`Prepared::next_article`]).
pub struct Prepared<'b> {
    bytes: &'b [u8],
    /// The corpus' Chinese dictionary: the cost of a character it lacks (0:
    /// none), and its words' places in `terms` with their costs.
    chinese: (u32, Vec<(u32, u16)>),
    /// The vocabulary, most frequent first.
    pub(crate) terms: Vec<&'b str>,
    /// Each word's place in sorted order (its id in the index).
    pub(crate) sorted: Vec<u32>,
    /// Where the next article's words begin in `bytes`.
    at: usize,
}

/// One article's prepared words ([`Prepared::next_article`]).
pub(crate) struct ArticleWords {
    pub title_len: u32,
    pub len: u32,
    pub block_starts: Vec<u32>,
    pub clause_starts: Vec<u32>,
}

struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn count(&mut self) -> Result<usize, String> {
        let (n, len) = crate::leb128::decode(&self.bytes[self.pos..])
            .map_err(|_| format!("a number at byte {} is cut short or too big", self.pos))?;
        self.pos += len;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= u32::MAX as usize)
            .ok_or_else(|| format!("a number at byte {} is too big", self.pos))
    }

    fn str(&mut self) -> Result<&'b str, String> {
        let n = self.count()?;
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("a text at byte {} runs past the end", self.pos))?;
        let s = std::str::from_utf8(&self.bytes[self.pos..end])
            .map_err(|_| format!("a text at byte {} is not UTF-8", self.pos))?;
        self.pos = end;
        Ok(s)
    }

    /// A count of items that take at least a byte each.
    fn items(&mut self) -> Result<usize, String> {
        let n = self.count()?;
        if n > self.bytes.len() - self.pos {
            return Err(format!(
                "a list at byte {} claims more than the bytes hold",
                self.pos
            ));
        }
        Ok(n)
    }

    /// An ascending list of positions, each at most `max`.
    fn starts(&mut self, max: u32) -> Result<Vec<u32>, String> {
        let n = self.items()?;
        let mut out = Vec::with_capacity(n);
        let mut last = 0u64;
        for _ in 0..n {
            last += self.count()? as u64;
            if last > u64::from(max) {
                return Err(format!(
                    "a position at byte {} is past its article",
                    self.pos
                ));
            }
            out.push(last as u32);
        }
        Ok(out)
    }
}

impl<'b> Prepared<'b> {
    /// Reads prepared words' vocabulary and dictionary, checked against
    /// `corpus` (whose file is `corpus_name`): its file's name, its number of
    /// articles, each word once, the sorted order true, each dictionary word
    /// the vocabulary's. An error says what is wrong: the page then
    /// tokenizes, as without them.
    pub fn read(
        bytes: &'b [u8],
        corpus: &Corpus,
        corpus_name: &str,
    ) -> Result<Prepared<'b>, String> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC) {
            return Err("wrong header".into());
        }
        let mut r = Reader {
            bytes,
            pos: MAGIC.len(),
        };
        let name = r.str()?;
        if name != corpus_name {
            return Err(format!(
                "they are the words of {name}, not of {corpus_name}"
            ));
        }
        let v = r.items()?;
        if v >= BREAK as usize {
            return Err(format!("a vocabulary of {v} words"));
        }
        let mut terms = Vec::with_capacity(v);
        for _ in 0..v {
            terms.push(r.str()?);
        }
        // Each place once, and the words in those places in order.
        let mut in_order: Vec<u32> = vec![u32::MAX; v];
        let mut sorted = Vec::with_capacity(v);
        for rank in 0..v {
            let place = r.count()?;
            match in_order.get_mut(place) {
                Some(slot) if *slot == u32::MAX => *slot = rank as u32,
                _ => return Err(format!("word {rank}'s place in sorted order is wrong")),
            }
            sorted.push(place as u32);
        }
        if !in_order
            .windows(2)
            .all(|w| terms[w[0] as usize] < terms[w[1] as usize])
        {
            return Err("the vocabulary's sorted order is not its words' order".into());
        }
        drop(in_order);
        let unknown = r.count()? as u32;
        let mut words = Vec::new();
        if unknown > 0 {
            let k = r.items()?;
            words.reserve(k);
            let mut at = 0usize;
            for i in 0..k {
                at = at.saturating_add(r.count()?);
                let cost = u16::try_from(r.count()?)
                    .ok()
                    .filter(|&c| u32::from(c) <= unknown);
                let after = words.last().is_none_or(|&(a, _)| at > a as usize);
                match (terms.get(at), cost) {
                    (Some(w), Some(cost))
                        if after && !w.is_empty() && crate::text::segment::is_unspaced_word(w) =>
                    {
                        words.push((at as u32, cost))
                    }
                    _ => {
                        return Err(format!(
                            "the dictionary's word {i} is not one of the vocabulary's, or costs too much"
                        ))
                    }
                }
            }
        }
        let n = r.count()?;
        if n != corpus.articles().len() {
            return Err(format!(
                "{n} articles, where the corpus has {}",
                corpus.articles().len()
            ));
        }
        if n == 0 && r.pos != bytes.len() {
            return Err("trailing bytes".into());
        }
        Ok(Prepared {
            bytes,
            chinese: (unknown, words),
            terms,
            sorted,
            at: r.pos,
        })
    }

    /// The corpus' own Chinese dictionary ([`corpus_dictionary`]), if it
    /// has one: the page installs it instead of the engine's whole one.
    pub fn chinese(&self) -> Option<Dictionary> {
        self.chinese_job().map(Steps::run)
    }

    /// [`Prepared::chinese`] as a job of steps (the page's way: it makes the
    /// dictionary between frames, then installs it).
    pub fn chinese_job(&self) -> Option<CostsJob<'b>> {
        let (unknown, words) = &self.chinese;
        (*unknown > 0).then(|| {
            let words = words.iter().map(|&(t, c)| (self.terms[t as usize], c));
            CostsJob::new(*unknown, words.collect())
        })
    }

    /// Words in the vocabulary.
    pub fn terms_len(&self) -> usize {
        self.terms.len()
    }

    /// The next article's words (article `d` of `corpus`), each word's place
    /// in the vocabulary handed to `push` (the title's break as [`BREAK`]);
    /// an error if they are not sound: not the corpus' count of words, a
    /// word not in the vocabulary, a list past the article, bytes left
    /// after the last article.
    pub(crate) fn next_article(
        &mut self,
        corpus: &Corpus,
        d: usize,
        mut push: impl FnMut(u32),
    ) -> Result<ArticleWords, String> {
        let mut r = Reader {
            bytes: self.bytes,
            pos: self.at,
        };
        let title_len = r.count()?;
        let len = r.count()?;
        if len != corpus.word_count(d) || title_len > len {
            return Err(format!(
                "article {} has {len} words ({title_len} in its title), where the corpus counts {}",
                corpus.articles()[d].id,
                corpus.word_count(d)
            ));
        }
        let v = self.terms.len();
        for i in 0..len {
            if i == title_len {
                push(BREAK);
            }
            let id = r.count()?;
            if id >= v {
                return Err(format!("a word at byte {} is not in the vocabulary", r.pos));
            }
            push(id as u32);
        }
        if title_len == len {
            push(BREAK);
        }
        // Positions run to `len` (the title's break among them); a block
        // of the body starts after the break, and each block has its start
        // (the layout of marks and lines reads one text a block).
        let block_starts = r.starts(len as u32 + 1)?;
        let blocks = corpus.articles()[d].body.len();
        if block_starts.len() != blocks
            || block_starts
                .first()
                .is_some_and(|&b| (b as usize) <= title_len)
        {
            return Err(format!(
                "article {} has {} block starts for {blocks} blocks",
                corpus.articles()[d].id,
                block_starts.len()
            ));
        }
        let clause_starts = r.starts(len as u32)?;
        if d + 1 == corpus.articles().len() && r.pos != self.bytes.len() {
            return Err("trailing bytes".into());
        }
        self.at = r.pos;
        Ok(ArticleWords {
            title_len: title_len as u32,
            len: len as u32,
            block_starts,
            clause_starts,
        })
    }
}
