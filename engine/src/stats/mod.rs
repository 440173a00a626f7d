//! Statistics of a selection, one module per view that shows them:
//! keyword frequency per year ([`trends`]), the comparison of two articles
//! ([`compare`]), word lists, keyness, phrases and rising words ([`words`]),
//! concordance lines and collocates ([`contexts`]).

pub mod compare;
pub mod contexts;
pub mod trends;
pub mod words;
