//! Statistics of a selection, one module per view that shows them:
//! keyword frequency per year ([`trends`]), the comparison of two articles
//! ([`compare`]), word lists, keyness, phrases and rising words ([`words`]),
//! concordance lines and collocates ([`contexts`]); the measures they
//! report, each written once ([`measures`]). Their work is done in steps
//! ([`crate::steps`]).

pub mod compare;
pub mod contexts;
pub mod measures;
pub mod trends;
pub mod words;

use crate::out::csv::Table;

/// What an export was made from, beside its own settings: the corpus and
/// the search that picked the articles counted. Every export ends with these
/// two columns ([`Provenance::stamp`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The corpus' name.
    pub corpus: String,
    /// The search that picked the articles counted (empty: all).
    pub search: String,
}

impl Provenance {
    /// `table` with the Search and Corpus columns added.
    pub fn stamp(&self, table: Table) -> Table {
        table
            .about("Search", self.search.as_str())
            .about("Corpus", self.corpus.as_str())
    }
}

/// "Left out" or "Kept": the stop-word rule as an export states it.
pub fn stop_word_rule(leave_out: bool) -> &'static str {
    if leave_out {
        "Left out (the English list)"
    } else {
        "Kept"
    }
}
