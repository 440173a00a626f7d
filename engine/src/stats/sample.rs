//! A stated random sample of a search's articles: what the views that read
//! every word of a selection (Contexts) read on a corpus too large to hold
//! (a sharded one), as Media Cloud samples, and say so ("sample of 40 of
//! 1,234 articles", on screen and in the export).
//!
//! **The rule**: the `k` articles of the selection whose ids hash lowest
//! (FNV-1a of the id, mixed by SplitMix64's finaliser). Hashes are as good
//! as random, so this is a uniform random sample without replacement; and
//! it is reproducible (the same selection gives the same sample, in any
//! browser, on any day), and nested (an article sampled from a selection is
//! sampled from any narrower selection that holds it), so narrowing a
//! search keeps the lines one was reading.

use crate::corpus::codec::fnv1a;
use crate::corpus::Corpus;
use crate::index::docset::DocSet;

/// A sample of a selection's articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    /// The articles sampled, ascending (all of the selection's when it has
    /// at most the sample's size).
    pub docs: Vec<usize>,
    /// The selection's articles.
    pub of: usize,
}

impl Sample {
    /// The `k` articles of `docs` (of `corpus`) whose ids hash lowest.
    pub fn new(corpus: &Corpus, docs: &DocSet, k: usize) -> Sample {
        let articles = corpus.articles();
        let mut keyed: Vec<(u64, usize)> = docs
            .iter()
            .map(|d| (mix(fnv1a(articles[d].id.as_bytes())), d))
            .collect();
        let of = keyed.len();
        if keyed.len() > k {
            keyed.select_nth_unstable(k.max(1) - 1);
            keyed.truncate(k);
        }
        let mut docs: Vec<usize> = keyed.into_iter().map(|(_, d)| d).collect();
        docs.sort_unstable();
        Sample { docs, of }
    }

    /// Whether it is the whole selection.
    pub fn is_all(&self) -> bool {
        self.docs.len() == self.of
    }

    /// What it is, as a screen and an export say it ("sample of 40 of 1,234
    /// articles"); empty for the whole selection.
    pub fn describe(&self) -> String {
        if self.is_all() {
            return String::new();
        }
        format!(
            "sample of {} of {} articles",
            crate::out::numbers::thousands(self.docs.len()),
            crate::out::numbers::thousands(self.of)
        )
    }
}

/// SplitMix64's finaliser: every bit of `x` moves every bit of the result
/// (FNV-1a alone leaves ids that differ in their last byte close).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
