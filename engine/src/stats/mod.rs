//! Statistics of a selection, one module per view that shows them:
//! keyword frequency per year ([`trends`]), the comparison of two articles
//! ([`compare`]), word lists, keyness, phrases and rising words ([`words`]),
//! concordance lines and collocates ([`contexts`]); the measures they
//! report, each written once ([`measures`]), and the job protocol their
//! work is done in ([`steps`]).

pub mod compare;
pub mod contexts;
pub mod measures;
pub mod steps;
pub mod trends;
pub mod words;
