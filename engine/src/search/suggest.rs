//! For a query that finds nothing: the words it looks for that occur nowhere
//! in the corpus, and words of the corpus' own vocabulary close to each in
//! spelling. Suggestions only: the query itself is always read exactly.

use crate::index::Index;
use crate::search::query::Query;
use crate::text::distance::edit_distance;
use crate::text::language::language_name;
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
        // A partial index (a sharded corpus') holds a phrase's word pairs,
        // not its words: whether a word is in the corpus, it cannot say.
        if index.is_partial() && !forms && words.len() > 1 {
            continue;
        }
        for (i, w) in words.iter().enumerate() {
            let is_prefix = prefix && i + 1 == words.len();
            let found = if is_prefix {
                !index.prefix_ids(w).is_empty()
            } else {
                !index.word_ids(w, forms, words.len() == 1).is_empty()
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

/// The filters of `query` (not under `-`) that no article of the corpus
/// passes, each as a sentence for a reader saying what the corpus has
/// instead: "No article is from 3000: the articles span 2013 to 2025."
pub fn empty_filters(index: &Index, query: &Query) -> Vec<String> {
    fn walk(index: &Index, q: &Query, out: &mut Vec<String>) {
        let fv = index.facet_values();
        let listed = |values: &[String]| {
            let shown: Vec<String> = values.iter().take(8).map(|v| format!("“{v}”")).collect();
            let more = values.len().saturating_sub(shown.len());
            if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        let said = match q {
            Query::Year { from, to } => {
                let (lo, hi) = (from.unwrap_or(0), to.unwrap_or(u16::MAX));
                let first = fv.years.first().copied();
                let last = fv.years.last().copied();
                match (first, last) {
                    (Some(a), Some(b)) if !fv.years.iter().any(|y| (lo..=hi).contains(y)) => {
                        Some(format!(
                            "No article is from {}: the articles span {a} to {b}.",
                            match (from, to) {
                                (Some(f), Some(t)) if f == t => f.to_string(),
                                (Some(f), Some(t)) => format!("{f} to {t}"),
                                (Some(f), None) => format!("{f} on"),
                                (None, Some(t)) => format!("before {}", u32::from(*t) + 1),
                                (None, None) => String::new(),
                            }
                        ))
                    }
                    _ => None,
                }
            }
            Query::Date { from, to } => {
                let m = index.matches(q, crate::search::SearchOptions::default());
                let (first, last) = (fv.years.first(), fv.years.last());
                match (first, last) {
                    (Some(a), Some(b)) if m.docs.is_empty() => Some(format!(
                        "No article is dated within {}: the articles span {a} to {b}, and an article counts only when its whole date lies inside (one dated 2019-07 is not within 2019-07-01..2019-07-15).",
                        match (from, to) {
                            (Some(f), Some(t)) if f == t => f.iso(),
                            (Some(f), Some(t)) => format!("{} to {}", f.iso(), t.iso()),
                            (Some(f), None) => format!("{} on", f.iso()),
                            (None, Some(t)) => format!("the span up to {}", t.iso()),
                            (None, None) => String::new(),
                        }
                    )),
                    _ => None,
                }
            }
            Query::Source(v) if fv.source_id(v).is_none() => Some(if fv.sources.is_empty() {
                format!("No article has the source “{v}”: no article names its source.")
            } else {
                format!(
                    "No article has the source “{v}”: the sources are {}.",
                    listed(&fv.sources)
                )
            }),
            Query::Section(v) if fv.section_id(v).is_none() => Some(if fv.sections.is_empty() {
                format!("No article has the section “{v}”: no article names its section.")
            } else {
                format!(
                    "No article has the section “{v}”: the sections are {}.",
                    listed(&fv.sections)
                )
            }),
            Query::Tag(v) if fv.tag_id(v).is_none() => Some(if fv.tags.is_empty() {
                format!("No article has the tag “{v}”: no article has tags.")
            } else {
                format!(
                    "No article has the tag “{v}”: the tags are {}.",
                    listed(&fv.tags)
                )
            }),
            Query::Language(v) if index.language_id(v).is_none() => {
                let names: Vec<String> = index
                    .languages()
                    .iter()
                    .map(|k| format!("{} (lang:{k})", language_name(k)))
                    .collect();
                Some(format!(
                    "No article is in the language “{v}”: the corpus' languages are {}.",
                    names.join(", ")
                ))
            }
            Query::And(qs) => {
                qs.iter().for_each(|q| walk(index, q, out));
                None
            }
            // Of alternatives, only if none can pass.
            Query::Or(qs) => {
                let mut each = Vec::new();
                for q in qs {
                    let mut one = Vec::new();
                    walk(index, q, &mut one);
                    if one.is_empty() {
                        return;
                    }
                    each.extend(one);
                }
                out.extend(each);
                None
            }
            _ => None,
        };
        out.extend(said);
    }
    let mut out = Vec::new();
    walk(index, query, &mut out);
    out.dedup();
    out
}

/// The text terms of `q` a match must contain (words, prefix flag), in order.
fn positive_terms<'q>(q: &'q Query, out: &mut Vec<(&'q [String], bool)>) {
    match q {
        Query::Text { words, prefix, .. } => out.push((words, *prefix)),
        Query::And(qs) | Query::Or(qs) => qs.iter().for_each(|q| positive_terms(q, out)),
        Query::All
        | Query::Not(_)
        | Query::Source(_)
        | Query::Section(_)
        | Query::Tag(_)
        | Query::Language(_)
        | Query::Year { .. }
        | Query::Date { .. } => {}
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
/// characters), or, for a word of 3 letters or more, starting with it (a
/// word cut short: "soc" for "social", as one edit); closest first, then
/// content words before stop words ("social" before "so" for "soc"), then
/// most frequent, then alphabetically.
pub fn close_words(index: &Index, word: &str, k: usize) -> Vec<String> {
    let target: Vec<char> = word.chars().collect();
    let max = max_distance(target.len());
    let mut found: Vec<((usize, bool), std::cmp::Reverse<usize>, u32)> = Vec::new();
    let mut buf = Vec::new();
    for id in 0..index.vocabulary_len() as u32 {
        let t = index.term(id);
        if t == word {
            continue;
        }
        if target.len() >= 3 && t.starts_with(word) {
            let freq = index.postings(id).positions_len();
            found.push(((1, index.is_stop(id)), std::cmp::Reverse(freq), id));
            continue;
        }
        // Cheap length test first: most of the vocabulary is ruled out here.
        let n = t.chars().count();
        if n.abs_diff(target.len()) > max {
            continue;
        }
        buf.clear();
        buf.extend(t.chars());
        if let Some(d) = edit_distance(&target, &buf, max) {
            let freq = index.postings(id).positions_len();
            found.push(((d, index.is_stop(id)), std::cmp::Reverse(freq), id));
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
                ..Default::default()
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
    fn a_filter_no_article_passes_says_what_the_corpus_has() {
        let ix = index(&["alipay"]);
        let said = |q: &str| empty_filters(&ix, &parse(q).unwrap().query);
        assert_eq!(
            said("alipay year:3000"),
            ["No article is from 3000: the articles span 2020 to 2020."]
        );
        assert_eq!(
            said("year:2021.."),
            ["No article is from 2021 on: the articles span 2020 to 2020."]
        );
        assert!(said("year:2019..2021").is_empty());
        assert!(
            said("year:3000 OR alipay").is_empty(),
            "an alternative can pass"
        );
        assert!(
            said("-year:3000").is_empty(),
            "a filter under - is no filter to pass"
        );
        assert_eq!(
            said("tag:social"),
            ["No article has the tag “social”: no article has tags."]
        );
    }

    #[test]
    fn a_word_cut_short_is_completed_and_content_words_come_first() {
        let ix = index(&["so social social so so so society"]);
        assert_eq!(close_words(&ix, "soci", 3), ["social", "society"]);
        let ix = index(&["so so so social society"]);
        assert_eq!(
            close_words(&ix, "soc", 3),
            ["social", "society", "so"],
            "“so” last"
        );
        assert_eq!(
            close_words(&ix, "sp", 3),
            ["so"],
            "a stop word when nothing else is close"
        );
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
