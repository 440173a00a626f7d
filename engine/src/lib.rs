//! The text engine of Corpus Lens, grouped by concern:
//!
//! - [`text`]: the one tokenizer and the lexicon (stop words, stems);
//! - [`corpus`]: the corpus model, dates, bodies, the byte format it is
//!   embedded in and, with feature `load`, reading and validating a folder;
//! - [`index`]: the positional inverted index, its step-by-step builder and
//!   the article sets queries are evaluated on;
//! - [`search`]: the query language, matching and ranking, marks and
//!   snippets, facets, suggestions;
//! - [`stats`]: the views' statistics (Trends, Compare, Words, Contexts);
//! - [`shard`]: a sharded static index, for a corpus past one page: the
//!   files a build writes and the page fetches piece by piece;
//! - `import` (feature `import`): a reader's own files as articles, with a
//!   report of what could not be read (the page's import worker calls it);
//! - [`out`]: what is written for a reader (numbers, chart geometry, static pages);
//! - [`steps`]: the job protocol every piece of work that grows with the
//!   corpus follows, so the page can run it between frames.
//!
//! It knows nothing of the browser: it is used by the page (compiled to
//! wasm), by `build.rs` (feature `load`, which reads a corpus folder) and by
//! native tests and benchmarks.
//!
//! ```
//! use lens_engine::{text::tokenize::words, Corpus, CorpusInfo};
//! let norms: Vec<_> = words("Alipay’s AI-driven push").map(|w| w.norm).collect();
//! assert_eq!(norms, ["alipay", "ai", "driven", "push"]);
//! # let _ = Corpus::new(CorpusInfo { name: "x".into(), description: None, ..Default::default() }, vec![]);
//! ```
#![warn(missing_docs)]

pub mod corpus;
#[cfg(feature = "import")]
pub mod import;
pub mod index;
mod leb128;
pub mod out;
pub mod search;
pub mod shard;
pub mod stats;
pub mod steps;
pub mod text;

pub use corpus::body::Block;
pub use corpus::date::ArticleDate;
pub use corpus::{fold_value, Article, Corpus, CorpusInfo, Metadata};
