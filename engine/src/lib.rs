//! The text engine of Corpus Lens: the corpus model and its validation
//! ([`load`], feature `load`), the byte format it is embedded in ([`codec`]),
//! the one tokenizer ([`tokenize`]), the positional index ([`index`], built
//! by [`builder`]), the query language ([`query`]), matching and ranking
//! ([`search`] over [`docset`]), marks and snippets ([`highlight`]), facets
//! ([`facets`]), keyword frequency per year ([`trends`]), the comparison of
//! two articles ([`compare`]), chart scales ([`scale`]) and the static
//! pages of a published corpus ([`site`]).
//!
//! It knows nothing of the browser: it is used by the page (compiled to
//! wasm), by `build.rs` (feature `load`, which reads a corpus folder) and by
//! native tests and benchmarks.
//!
//! ```
//! use lens_engine::{tokenize::words, Corpus, CorpusInfo};
//! let norms: Vec<_> = words("Alipay’s AI-driven push").map(|w| w.norm).collect();
//! assert_eq!(norms, ["alipay", "ai", "driven", "push"]);
//! # let _ = Corpus::new(CorpusInfo { name: "x".into(), description: None }, vec![]);
//! ```
#![warn(missing_docs)]

pub mod body;
pub mod builder;
pub mod chart;
pub mod codec;
pub mod compare;
pub mod contexts;
mod corpus;
pub mod date;
pub mod docset;
pub mod facets;
pub mod highlight;
pub mod index;
#[cfg(feature = "load")]
pub mod load;
pub mod numbers;
pub mod query;
pub mod scale;
pub mod search;
pub mod site;
pub mod suggest;
pub mod tokenize;
pub mod trends;
pub mod words;

pub use body::Block;
pub use corpus::{fold_value, Article, Corpus, CorpusInfo};
pub use date::ArticleDate;
