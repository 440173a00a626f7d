//! Statistics of a selection, one module per view that shows them:
//! keyword frequency per year ([`trends`]), the comparison of two articles
//! ([`compare`]), word lists, keyness, phrases and rising words ([`words`]),
//! concordance lines and collocates ([`contexts`]); the measures they
//! report, each written once ([`measures`]). Their work is done in steps
//! ([`crate::steps`]).

pub mod compare;
pub mod contexts;
pub mod measures;
pub mod sample;
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
    /// The corpus' stop lists ([`crate::index::Index::describe_stop_lists`]),
    /// which an export that leaves stop words out names.
    pub stop_lists: String,
    /// Where the figures come from a sample of the search's articles
    /// ([`sample::Sample::describe`]), what it is; empty otherwise.
    pub sample: String,
}

impl Provenance {
    /// `table` with the Search and Corpus columns added, and Sample where
    /// its figures come from one.
    pub fn stamp(&self, table: Table) -> Table {
        let table = table.about("Search", self.search.as_str());
        let table = if self.sample.is_empty() {
            table
        } else {
            table.about("Sample", self.sample.as_str())
        };
        table.about("Corpus", self.corpus.as_str())
    }
}

impl Provenance {
    /// The stop-word rule as an export states it: "Kept", or "Left out:"
    /// the corpus' lists, and the reader's added and kept words.
    pub fn stop_rule(&self, choice: &crate::text::lexicon::StopChoice) -> String {
        if !choice.on {
            return "Kept".into();
        }
        let mut s = format!("Left out: {}", self.stop_lists);
        if !choice.add.is_empty() {
            s.push_str(&format!("; added: {}", choice.add.join(", ")));
        }
        if !choice.keep.is_empty() {
            s.push_str(&format!("; kept: {}", choice.keep.join(", ")));
        }
        s
    }
}
