//! Sets of articles: the bitsets queries are evaluated on.

/// A set of articles (by index in the corpus), as a bitset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSet {
    bits: Vec<u64>,
    n: usize,
}

impl DocSet {
    /// No article of `n`.
    pub fn empty(n: usize) -> DocSet {
        DocSet {
            bits: vec![0; n.div_ceil(64)],
            n,
        }
    }

    /// Every article of `n`.
    pub fn full(n: usize) -> DocSet {
        let mut s = DocSet {
            bits: vec![!0; n.div_ceil(64)],
            n,
        };
        s.trim();
        s
    }

    fn trim(&mut self) {
        if !self.n.is_multiple_of(64) {
            if let Some(last) = self.bits.last_mut() {
                *last &= (1u64 << (self.n % 64)) - 1;
            }
        }
    }

    /// Adds article `d`.
    pub fn insert(&mut self, d: usize) {
        self.bits[d / 64] |= 1 << (d % 64);
    }

    /// Whether article `d` is in the set.
    pub fn contains(&self, d: usize) -> bool {
        self.bits[d / 64] & (1 << (d % 64)) != 0
    }

    /// Number of articles in the set.
    pub fn len(&self) -> usize {
        self.bits.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// True when no article is in the set.
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&b| b == 0)
    }

    pub(crate) fn and(mut self, other: &DocSet) -> DocSet {
        self.bits
            .iter_mut()
            .zip(&other.bits)
            .for_each(|(a, b)| *a &= b);
        self
    }

    pub(crate) fn or(mut self, other: &DocSet) -> DocSet {
        self.bits
            .iter_mut()
            .zip(&other.bits)
            .for_each(|(a, b)| *a |= b);
        self
    }

    /// Every article not in the set.
    pub fn complement(mut self) -> DocSet {
        self.bits.iter_mut().for_each(|b| *b = !*b);
        self.trim();
        self
    }

    /// The articles, ascending.
    pub fn iter(&self) -> DocIter<'_> {
        DocIter {
            bits: &self.bits,
            at: 0,
            word: self.bits.first().copied().unwrap_or(0),
        }
    }
}

/// The articles of a [`DocSet`], ascending: a tight loop over its words,
/// cheap even when a large corpus' set is almost empty.
pub struct DocIter<'a> {
    bits: &'a [u64],
    /// The word being read, and what is left of it.
    at: usize,
    word: u64,
}

impl Iterator for DocIter<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.word == 0 {
            self.at += 1;
            self.word = *self.bits.get(self.at)?;
        }
        let b = self.word.trailing_zeros() as usize;
        self.word &= self.word - 1;
        Some(self.at * 64 + b)
    }
}
