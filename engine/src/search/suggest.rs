//! For a query that finds nothing: the words it looks for that occur nowhere
//! in the corpus, and words of the corpus' own vocabulary close to each in
//! spelling. Suggestions only: the query itself is always read exactly.

use crate::index::Index;
use crate::search::query::Query;
use crate::text::distance::edit_distance;
use crate::text::tokenize::{normalize, words};

/// A word the query looks for that no article has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The normalised word (a prefix without its `*`).
    pub word: String,
    /// True for a prefix (`yueb*`) that no word starts with.
    pub prefix: bool,
    /// Words of the corpus close in spelling, closest (then most frequent) first.
    pub suggestions: Vec<String>,
}

/// The most suggestions for one word.
pub const SUGGESTIONS: usize = 3;

/// The words of `query`'s text terms (not those under `-`) that occur nowhere
/// in the corpus, each once, in query order, with up to [`SUGGESTIONS`] close
/// words. With `forms`, a word counts as found when a form of it is.
pub fn missing_words(index: &Index, query: &Query, forms: bool) -> Vec<Missing> {
    let mut out: Vec<Missing> = Vec::new();
    let mut terms = Vec::new();
    positive_terms(query, &mut terms);
    for (words, prefix) in terms {
        for (i, w) in words.iter().enumerate() {
            let is_prefix = prefix && i + 1 == words.len();
            let found = if is_prefix {
                !index.prefix_ids(w).is_empty()
            } else {
                index.term_id(w).is_some() || (forms && !index.same_stem_ids(w).is_empty())
            };
            if found || out.iter().any(|m| m.word == *w && m.prefix == is_prefix) {
                continue;
            }
            out.push(Missing {
                word: w.clone(),
                prefix: is_prefix,
                suggestions: if is_prefix {
                    Vec::new()
                } else {
                    close_words(index, w, SUGGESTIONS)
                },
            });
        }
    }
    out
}

/// The text terms of `q` a match must contain (words, prefix flag), in order.
fn positive_terms<'q>(q: &'q Query, out: &mut Vec<(&'q [String], bool)>) {
    match q {
        Query::Text { words, prefix, .. } => out.push((words, *prefix)),
        Query::And(qs) | Query::Or(qs) => qs.iter().for_each(|q| positive_terms(q, out)),
        Query::All | Query::Not(_) | Query::Source(_) | Query::Tag(_) | Query::Year { .. } => {}
    }
}

/// The most edits a suggestion may be away from a word of `len` characters:
/// one for short words, two for longer ones.
fn max_distance(len: usize) -> usize {
    if len <= 4 {
        1
    } else {
        2
    }
}

/// Up to `k` words of the vocabulary within [`max_distance`] edits of `word`
/// (insertions, deletions, substitutions and swaps of two neighbours, in
/// characters), closest first, then most frequent, then alphabetically.
pub fn close_words(index: &Index, word: &str, k: usize) -> Vec<String> {
    let target: Vec<char> = word.chars().collect();
    let max = max_distance(target.len());
    let mut found: Vec<(usize, std::cmp::Reverse<usize>, u32)> = Vec::new();
    let mut buf = Vec::new();
    for id in 0..index.vocabulary_len() as u32 {
        let t = index.term(id);
        // Cheap length test first: most of the vocabulary is ruled out here.
        let n = t.chars().count();
        if n.abs_diff(target.len()) > max || t == word {
            continue;
        }
        buf.clear();
        buf.extend(t.chars());
        if let Some(d) = edit_distance(&target, &buf, max) {
            let freq = index.postings(id).positions_len();
            found.push((d, std::cmp::Reverse(freq), id));
        }
    }
    found.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| index.term(a.2).cmp(index.term(b.2)))
    });
    found
        .into_iter()
        .take(k)
        .map(|(_, _, id)| index.term(id).to_string())
        .collect()
}

/// `input` with every word whose normalised form is `word` replaced by
/// `replacement` (a word after a field name, as in `title:yuebao`, too), the
/// rest kept as typed: the corrected query a suggestion links to.
pub fn replace_word(input: &str, word: &str, replacement: &str) -> String {
    let mut out = String::with_capacity(input.len() + replacement.len());
    let mut at = 0;
    for w in words(input) {
        // A field clause is one word to UAX #29 ("title:yuebao"): look after its colon.
        let start = match input[w.start..w.end].rfind(':') {
            Some(c) => w.start + c + 1,
            None => w.start,
        };
        if start < w.end && normalize(&input[start..w.end]) == word {
            out.push_str(&input[at..start]);
            out.push_str(replacement);
            at = w.end;
        }
    }
    out.push_str(&input[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::search::query::parse;
    use crate::{ArticleDate, Block, Corpus, CorpusInfo};

    fn index(texts: &[&str]) -> Index {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Article::new(
                    format!("a{i}"),
                    "T",
                    ArticleDate::parse("2020").unwrap(),
                    vec![Block::Paragraph(t.to_string().into())],
                )
            })
            .collect();
        Index::new(&Corpus::new(
            CorpusInfo {
                name: "x".into(),
                description: None,
            },
            articles,
        ))
    }

    #[test]
    fn missing_words_are_named_with_close_words_of_the_corpus() {
        let ix = index(&[
            "Yu'ebao and Yu'e Bao grew. Alipay grew.",
            "Alipay again, alipay.",
        ]);
        let q = parse("yuebao \"yue bao\" alipay -wechat zzz*")
            .unwrap()
            .query;
        let m = missing_words(&ix, &q, false);
        let names: Vec<(&str, bool)> = m.iter().map(|m| (m.word.as_str(), m.prefix)).collect();
        assert_eq!(
            names,
            [("yuebao", false), ("yue", false), ("zzz", true)],
            "found words and words under - are not named"
        );
        assert_eq!(m[0].suggestions, ["yu'ebao"]);
        assert_eq!(m[1].suggestions, ["yu'e"]);
        assert!(m[2].suggestions.is_empty());
    }

    #[test]
    fn suggestions_rank_by_distance_then_frequency() {
        let ix = index(&["cat cat cat cart cast", "cot"]);
        // "cot" is two edits from "cas": too many for a three-letter word.
        assert_eq!(close_words(&ix, "cas", 3), ["cat", "cast"]);
        assert_eq!(close_words(&ix, "cas", 1), ["cat"]);
        // Two edits allowed: "cart" (one) first, then "cat" (more frequent) before "cast".
        assert_eq!(close_words(&ix, "carts", 5), ["cart", "cat", "cast"]);
    }

    #[test]
    fn a_word_is_found_through_its_forms_when_forms_are_matched() {
        let ix = index(&["payments"]);
        let q = parse("payment").unwrap().query;
        assert_eq!(missing_words(&ix, &q, false).len(), 1);
        assert!(missing_words(&ix, &q, true).is_empty());
    }

    #[test]
    fn replacing_a_word_keeps_the_rest_of_the_query_as_typed() {
        assert_eq!(
            replace_word("Yue \"yue BAO\" title:yue -x", "yue", "yu'e"),
            "yu'e \"yu'e BAO\" title:yu'e -x"
        );
        assert_eq!(replace_word("yuebao*", "yuebao", "x"), "x*");
        assert_eq!(replace_word("", "a", "b"), "");
    }
}
