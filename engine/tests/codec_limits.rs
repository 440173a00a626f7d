//! The embedded blob is checked before it is trusted: counts against the
//! bytes left before anything is allocated, dates and word counts against
//! what the loader accepts. A counting allocator watches the largest
//! allocation decoding makes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use lens_engine::corpus::codec::{decode_copy, encode};
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo, Metadata};
use proptest::prelude::*;

struct Counting;
static LARGEST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn corpus() -> Corpus {
    let mut a = Article::new(
        "a",
        "Title",
        ArticleDate {
            year: 2016,
            month: Some(9),
            day: Some(22),
        },
        vec![Block::Paragraph("one two three".into())],
    )
    .with_meta(Metadata {
        source: Some("S".into()),
        section: Some("Sec".into()),
        ..Metadata::default()
    });
    a.language = "en".into();
    a.tags = vec!["t".into()];
    Corpus::new(
        CorpusInfo {
            name: "N".into(),
            description: None,
            ..Default::default()
        },
        vec![a],
    )
}

/// Offsets in the encoding of [`corpus`] (each count and length a byte
/// there): header 8, name 1 + 1, description 1, language 1, own stop words
/// 1, shared values 1 (none: one article shares with none), count 1.
const COUNT_AT: usize = 14;
const WORDS_AT: usize = 15;

/// `n` as the encoding writes a count (LEB128).
fn leb(mut n: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return out;
        }
        out.push(low | 0x80);
    }
}

/// Decodes `bytes` and returns the error and the largest allocation made meanwhile.
fn decode_watching(bytes: &[u8]) -> (String, usize) {
    LARGEST.store(0, Ordering::Relaxed);
    let e = decode_copy(bytes).expect_err("corrupt").to_string();
    (e, LARGEST.load(Ordering::Relaxed))
}

#[test]
fn a_huge_count_in_a_short_blob_is_truncation_not_an_allocation() {
    // 18 bytes claiming 4 billion articles once allocated 260 MB first.
    let mut bytes = encode(&corpus());
    assert_eq!(bytes[COUNT_AT], 1, "one article");
    bytes.truncate(COUNT_AT);
    bytes.extend(leb(u32::MAX));
    let (e, largest) = decode_watching(&bytes);
    assert!(e.contains("truncated"), "{e}");
    assert!(largest < 4096, "allocated {largest} bytes");
}

#[test]
fn word_counts_and_dates_are_checked() {
    let good = encode(&corpus());
    assert!(decode_copy(&good).is_ok());
    assert_eq!(good[WORDS_AT], 4, "the title's word and the body's three");
    for words in [u32::MAX, 1_000_000_000, 19] {
        let mut bytes = good.clone();
        bytes.splice(WORDS_AT..WORDS_AT + 1, leb(words));
        let e = decode_copy(&bytes).unwrap_err().to_string();
        assert!(e.contains("words in"), "{words}: {e}");
    }
    // The date follows the word count (1), the id (1 + 1) and the title (1 + 5).
    let date_at = WORDS_AT + 1 + 2 + 6;
    for (month, day) in [(13, 1), (9, 99), (2, 30), (0, 5)] {
        let mut bytes = good.clone();
        bytes[date_at + 2] = month;
        bytes[date_at + 3] = day;
        let e = decode_copy(&bytes).unwrap_err().to_string();
        assert!(e.contains("impossible date"), "{month}-{day}: {e}");
    }
}

proptest! {
    /// Any bytes after a valid header decode to an error or a corpus whose
    /// dates display, and never allocate much more than the blob's size.
    #[test]
    fn random_and_mangled_blobs_fail_cleanly(cut in 0usize..80, at in 0usize..80, byte in any::<u8>(), tail in prop::collection::vec(any::<u8>(), 0..40)) {
        let mut bytes = encode(&corpus());
        if at < bytes.len() { bytes[at] = byte; }
        bytes.truncate(cut.max(8));
        bytes.extend(tail);
        LARGEST.store(0, Ordering::Relaxed);
        if let Ok(c) = decode_copy(&bytes) {
            for a in c.articles() {
                let _ = a.display_date();
            }
        }
        prop_assert!(LARGEST.load(Ordering::Relaxed) < 64 * 1024);
    }
}
