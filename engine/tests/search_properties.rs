//! The index finds exactly what a brute-force scan of the tokenized text
//! finds: words, phrases, prefixes, fields, word forms and boolean
//! combinations, on generated corpora and queries.

mod common;

use lens_engine::index::builder::IndexBuilder;
use lens_engine::index::Index;
use lens_engine::search::highlight::mark_article;
use lens_engine::search::query::{parse, Query, TextField};
use lens_engine::search::SearchOptions;
use lens_engine::steps::Steps;
use lens_engine::text::lexicon::{is_listed, is_stop_word, StopChoice, BREAK};

/// The English Snowball stem, as the brute force computes it (the generated corpora are English).
fn stem(word: &str) -> String {
    lens_engine::text::language::stemmer("en")
        .unwrap()
        .stem(word)
        .into_owned()
}
use lens_engine::text::tokenize::words;
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo, Metadata};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "pay",
    "Paying",
    "payment",
    "PAYMENTS",
    "Alipay’s",
    "alipay",
    "wechat",
    "social",
    "ai",
    "the",
    "支",
    "付",
];
const SOURCES: &[&str] = &["TMTpost", "Caixin Global"];
const TAGS: &[&str] = &["social", "ai", "competition"];

fn corpus() -> impl Strategy<Value = Corpus> {
    common::corpus(common::Shape {
        vocab: VOCAB,
        title: 0..4,
        blocks: 1..4,
        block_words: 0..12,
        headings: false,
        years: 2013..2017,
        sources: SOURCES,
        tags: TAGS,
        articles: 1..8,
    })
}

/// Articles of a few words to a few hundred, many of them: a word's
/// postings run through articles whose positions take a byte (at most 255
/// words) and articles whose take two, past the index's checkpoints (one
/// every 32 postings).
fn mixed_corpus() -> impl Strategy<Value = Corpus> {
    common::corpus(common::Shape {
        vocab: VOCAB,
        title: 0..4,
        blocks: 1..4,
        block_words: 0..160,
        headings: false,
        years: 2013..2017,
        sources: SOURCES,
        tags: TAGS,
        articles: 30..60,
    })
}

fn norm(w: &str) -> String {
    words(w).next().unwrap().norm.into_owned()
}

fn leaf() -> impl Strategy<Value = Query> {
    let word = (0..VOCAB.len()).prop_map(|i| norm(VOCAB[i]));
    prop_oneof![
        4 => (prop::collection::vec(word.clone(), 1..4), any::<bool>(), any::<bool>(), 1usize..4).prop_map(|(mut ws, title, prefix, cut)| {
            if prefix {
                let last = ws.last_mut().unwrap();
                let keep: String = last.chars().take(cut).collect();
                *last = keep;
            }
            Query::Text { field: if title { TextField::Title } else { TextField::Any }, words: ws, prefix }
        }),
        1 => (0..SOURCES.len()).prop_map(|i| Query::Source(SOURCES[i].to_lowercase())),
        1 => (0..common::SECTIONS.len()).prop_map(|i| Query::Section(common::SECTIONS[i].to_uppercase())),
        1 => (0..TAGS.len()).prop_map(|i| Query::Tag(TAGS[i].to_uppercase())),
        1 => prop::sample::select(vec!["en", "EN-gb", "de"]).prop_map(|l| Query::Language(l.into())),
        1 => (prop::option::of(date()), prop::option::of(date())).prop_filter("a range, not both open", |(a, b)| a.is_some() || b.is_some()).prop_map(|(a, b)| {
            // In order (by their first days), as a reader must write them.
            let (from, to) = match (a, b) {
                (Some(a), Some(b)) if first_day(b) < first_day(a) => (Some(b), Some(a)),
                ab => ab,
            };
            Query::Date { from, to }
        }),
        1 => (prop::option::of(2012u16..2018), prop::option::of(0u16..3)).prop_map(|(from, span)| {
            let to = match (from, span) { (Some(f), Some(s)) => Some(f + s), (None, _) => Some(2015), (Some(_), None) => None };
            Query::Year { from, to }
        }),
    ]
}

/// A date at year, month or day precision in the generated corpora's span.
fn date() -> impl Strategy<Value = ArticleDate> {
    (
        2012u16..2018,
        prop::option::of(1u8..=12),
        prop::option::of(1u8..=31),
    )
        .prop_map(|(year, month, day)| {
            let day = month.and(day).map(|d| d.min(28));
            ArticleDate { year, month, day }
        })
}

/// A date's first and last day, naively (chrono for the months' lengths).
fn first_day(d: ArticleDate) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(
        d.year.into(),
        d.month.unwrap_or(1).into(),
        d.day.unwrap_or(1).into(),
    )
    .unwrap()
}
fn last_day(d: ArticleDate) -> chrono::NaiveDate {
    match (d.month, d.day) {
        (Some(_), Some(_)) => first_day(d),
        (Some(m), None) => {
            let (y, m) = if m == 12 {
                (i32::from(d.year) + 1, 1)
            } else {
                (i32::from(d.year), u32::from(m) + 1)
            };
            chrono::NaiveDate::from_ymd_opt(y, m, 1)
                .unwrap()
                .pred_opt()
                .unwrap()
        }
        _ => chrono::NaiveDate::from_ymd_opt(i32::from(d.year), 12, 31).unwrap(),
    }
}

fn query() -> impl Strategy<Value = Query> {
    leaf().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Query::And),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Query::Or),
            inner.prop_map(|q| Query::Not(Box::new(q))),
        ]
    })
}

/// Brute force: does word `t` of the text match query word `w`?
fn word_matches(t: &str, w: &str, prefix: bool, forms: bool) -> bool {
    if prefix {
        t.starts_with(w)
    } else {
        t == w || (forms && stem(t) == stem(w))
    }
}

/// Brute force: start positions of the phrase in a token list.
fn phrase_starts(tokens: &[String], ws: &[String], prefix: bool, forms: bool) -> Vec<usize> {
    if tokens.len() < ws.len() {
        return Vec::new();
    }
    (0..=tokens.len() - ws.len())
        .filter(|&p| {
            ws.iter()
                .enumerate()
                .all(|(k, w)| word_matches(&tokens[p + k], w, prefix && k == ws.len() - 1, forms))
        })
        .collect()
}

fn fields(a: &Article) -> (Vec<String>, Vec<String>) {
    let title = words(&a.title).map(|w| w.norm.into_owned()).collect();
    let body = a
        .body
        .iter()
        .flat_map(|b| {
            words(b.text())
                .map(|w| w.norm.into_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    (title, body)
}

fn brute(a: &Article, q: &Query, forms: bool) -> bool {
    match q {
        Query::All => true,
        Query::Text {
            field,
            words,
            prefix,
        } => {
            let (title, body) = fields(a);
            !phrase_starts(&title, words, *prefix, forms).is_empty()
                || (*field == TextField::Any
                    && !phrase_starts(&body, words, *prefix, forms).is_empty())
        }
        Query::Source(s) => a
            .source()
            .is_some_and(|v| v.to_lowercase() == s.to_lowercase()),
        Query::Section(s) => a
            .section()
            .is_some_and(|v| v.to_lowercase() == s.to_lowercase()),
        Query::Tag(t) => a.tags.iter().any(|v| v.to_lowercase() == t.to_lowercase()),
        Query::Language(l) => {
            use lens_engine::text::language::language_key;
            language_key(&a.language) == language_key(l)
        }
        Query::Year { from, to } => {
            from.is_none_or(|f| a.date.year >= f) && to.is_none_or(|t| a.date.year <= t)
        }
        // The article's whole span inside the clause's.
        Query::Date { from, to } => {
            from.is_none_or(|f| first_day(a.date) >= first_day(f))
                && to.is_none_or(|t| last_day(a.date) <= last_day(t))
        }
        Query::And(qs) => qs.iter().all(|q| brute(a, q, forms)),
        Query::Or(qs) => qs.iter().any(|q| brute(a, q, forms)),
        Query::Not(q) => !brute(a, q, forms),
    }
}

/// Every match of `q` in `corpus` is where a brute-force scan finds it, and
/// is marked in the article, its snippet and its title.
fn spans_are_every_occurrence(
    corpus: &Corpus,
    q: &Query,
    forms: bool,
) -> Result<(), TestCaseError> {
    let Query::Text {
        field,
        words: ws,
        prefix,
    } = q
    else {
        return Ok(());
    };
    let index = Index::new(corpus);
    let m = index.matches(q, SearchOptions { word_forms: forms });
    for (d, a) in corpus.articles().iter().enumerate() {
        let (title, body) = fields(a);
        let mut want: Vec<(u32, u32)> = phrase_starts(&title, ws, *prefix, forms)
            .into_iter()
            .map(|p| (p as u32, ws.len() as u32))
            .collect();
        if *field == TextField::Any {
            let off = title.len() as u32 + 1;
            want.extend(
                phrase_starts(&body, ws, *prefix, forms)
                    .into_iter()
                    .map(|p| (p as u32 + off, ws.len() as u32)),
            );
        }
        prop_assert_eq!(index.match_spans(&m, d), want.clone());
        // Every occurrence is marked in the text, as words of the article.
        let marks = mark_article(a, &want);
        let marked_words: usize = marks
            .title
            .iter()
            .map(|r| words(&a.title[r.range.clone()]).count())
            .sum::<usize>()
            + marks
                .blocks
                .iter()
                .enumerate()
                .map(|(b, rs)| {
                    rs.iter()
                        .map(|r| words(&a.body[b].text()[r.range.clone()]).count())
                        .sum::<usize>()
                })
                .sum::<usize>();
        let mut covered: Vec<u32> = want.iter().flat_map(|&(s, w)| s..s + w).collect();
        covered.sort_unstable();
        covered.dedup();
        prop_assert_eq!(marked_words, covered.len());
        // A snippet marks what the article marks, and shows a match when the body has one.
        let term_spans: Vec<_> = want
            .iter()
            .map(|&(start, width)| lens_engine::search::highlight::TermSpan {
                start,
                width,
                term: 0,
                weight: 1.0,
            })
            .collect();
        let snip = lens_engine::search::highlight::snippet(a, index.doc(d), &term_spans, 3);
        let body_has_match = want.iter().any(|&(p, _)| p > title.len() as u32);
        prop_assert_eq!(!snip.marks.is_empty(), body_has_match, "snippet {:?}", snip);
        for r in &snip.marks {
            let piece = &snip.text[r.range.clone()];
            prop_assert!(marks.blocks.iter().enumerate().any(|(b, rs)| rs
                .iter()
                .any(|m| &a.body[b].text()[m.range.clone()] == piece)));
        }
        prop_assert_eq!(
            lens_engine::search::highlight::mark_title(a, &want),
            marks.title.clone()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn index_equals_brute_force(corpus in corpus(), q in query(), forms in any::<bool>(), stepped in any::<bool>()) {
        // Built in one go, or a unit of work at a time as the page builds it between frames.
        let index = if stepped {
            let mut b = IndexBuilder::new(&corpus);
            let mut last = 0.0;
            while !b.step(&mut || false) {
                prop_assert!(b.progress() >= last && b.progress() <= 1.0);
                last = b.progress();
            }
            b.finish()
        } else {
            Index::new(&corpus)
        };
        // Through the query language: what a user types is what is evaluated.
        let typed = q.to_string();
        let parsed = parse(&typed).map_err(|e| TestCaseError::fail(format!("{typed:?}: {e}")))?;
        let got: Vec<usize> = index.matches(&parsed.query, SearchOptions { word_forms: forms }).docs.iter().collect();
        let want: Vec<usize> = (0..corpus.articles().len()).filter(|&d| brute(&corpus.articles()[d], &q, forms)).collect();
        prop_assert_eq!(got, want, "query {:?}", typed);
    }

    #[test]
    fn match_spans_are_every_occurrence(corpus in corpus(), q in leaf(), forms in any::<bool>()) {
        spans_are_every_occurrence(&corpus, &q, forms)?;
    }

    #[test]
    fn match_spans_are_every_occurrence_in_short_and_long_articles(corpus in mixed_corpus(), q in leaf(), forms in any::<bool>()) {
        prop_assume!((0..corpus.articles().len()).any(|d| corpus.word_count(d) > 255));
        spans_are_every_occurrence(&corpus, &q, forms)?;
    }

    #[test]
    fn the_parser_never_panics(s in "\\PC{0,40}") {
        let _ = parse(&s);
    }

    #[test]
    fn the_parser_never_panics_on_query_syntax(parts in prop::collection::vec(prop::sample::select(vec!["(", ")", "\"", "-", "OR", "AND", "NOT", " ", "title:", "tag:", "year:", "..", "2015", "*", "pay", "支付", "🎉", "'s"]), 0..20)) {
        let s: String = parts.concat();
        if let Err(e) = parse(&s) {
            prop_assert!(e.span.start <= s.len() && e.span.end <= s.len() && s.is_char_boundary(e.span.start));
            prop_assert!(!e.message.is_empty());
        }
    }
}

mod trends {
    use super::*;
    use lens_engine::corpus::period::{Grain, Period};
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::trends::{parse_keywords, trend_table, Measure};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// A keyword's count for a period is its occurrences in that
        /// period's articles, counted by brute force, at every grain, over
        /// dates at year, month and day precision; an article dated less
        /// precisely than the grain is left out, and counted as such.
        #[test]
        fn trend_counts_equal_brute_force(corpus in corpus(), kws in prop::collection::vec((leaf(), prop::option::of(leaf())), 1..4), forms in any::<bool>(), keep in prop::collection::vec(any::<bool>(), 8), grain in prop::sample::select(Grain::ALL.to_vec())) {
            // Keywords, some with a filter of their own (`wechat @ source:TMTpost`).
            let kws: Vec<(Query, Option<Query>)> = kws.into_iter().filter(|(q, _)| matches!(q, Query::Text { .. })).collect();
            if kws.is_empty() { return Ok(()); }
            let typed = kws.iter().map(|(q, f)| match f { Some(f) => format!("{q} @ {f}"), None => q.to_string() }).collect::<Vec<_>>().join(", ");
            let keywords = parse_keywords(&typed).map_err(|e| TestCaseError::fail(e.message))?;
            let index = Index::new(&corpus);
            let n = corpus.articles().len();
            let mut filter = DocSet::empty(n);
            (0..n).filter(|&d| keep[d % keep.len()]).for_each(|d| filter.insert(d));
            let table = trend_table(&corpus, &index, &keywords, &filter, SearchOptions { word_forms: forms }, grain);
            // The naive binning: the period's first and last day, and a date
            // inside them only when it states as much as the grain needs.
            let in_period = |a: &Article, p: Period| {
                let enough = match grain { Grain::Year => true, Grain::Quarter | Grain::Month => a.date.month.is_some(), _ => a.date.day.is_some() };
                let day = (i64::from(a.date.year), u32::from(a.date.month.unwrap_or(1)), u32::from(a.date.day.unwrap_or(1)));
                enough && p.first_day() <= day && day <= p.last_day()
            };
            let left_out = (0..n).filter(|&d| filter.contains(d) && !table.rows.iter().any(|r| in_period(&corpus.articles()[d], r.period))).count();
            prop_assert_eq!(table.left_out, left_out);
            prop_assert!(table.rows.windows(2).all(|w| w[1].period == w[0].period.next()), "consecutive periods");
            for (k, kw) in keywords.iter().enumerate() {
                let Query::Text { field, words: ws, prefix } = &kw.query else { continue };
                for (r, row) in table.rows.iter().enumerate() {
                    let mut want = 0;
                    let mut articles = 0;
                    let mut all = 0;
                    for (d, a) in corpus.articles().iter().enumerate() {
                        if !in_period(a, row.period) || !filter.contains(d) { continue; }
                        all += 1;
                        // The line's own filter, by brute force.
                        if kw.filter.as_ref().is_some_and(|f| !brute(a, f, forms)) { continue; }
                        articles += 1;
                        let (title, body) = fields(a);
                        want += phrase_starts(&title, ws, *prefix, forms).len();
                        if *field == TextField::Any { want += phrase_starts(&body, ws, *prefix, forms).len(); }
                    }
                    prop_assert_eq!(row.articles, all);
                    prop_assert_eq!(row.line_articles[k], articles, "{} in {}", kw.label, row.period.label());
                    if articles == 0 {
                        prop_assert_eq!(table.value(r, k, Measure::Count), None, "a period without articles is a gap");
                    } else {
                        prop_assert_eq!(row.counts[k], want, "{} in {}", kw.label, row.period.label());
                    }
                }
            }
        }
    }
}

mod attention {
    use super::*;
    use lens_engine::corpus::period::Grain;
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::trends::attention;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Per period: the matching articles and all articles, counted
        /// naively; and the clause a period writes to narrow the search
        /// finds exactly the articles the period holds.
        #[test]
        fn attention_counts_and_period_clauses_agree_with_a_naive_binning(corpus in corpus(), keep in prop::collection::vec(any::<bool>(), 8), grain in prop::sample::select(Grain::ALL.to_vec())) {
            let n = corpus.articles().len();
            let mut matching = DocSet::empty(n);
            (0..n).filter(|&d| keep[d % keep.len()]).for_each(|d| matching.insert(d));
            let a = attention(&corpus, &matching, grain);
            let index = Index::new(&corpus);
            for row in &a.rows {
                let held: Vec<usize> = (0..n).filter(|&d| row.period.holds(corpus.articles()[d].date)).collect();
                prop_assert_eq!(row.all, held.len());
                prop_assert_eq!(row.matching, held.iter().filter(|&&d| matching.contains(d)).count());
                if row.all > 0 {
                    prop_assert_eq!(row.share(), Some(row.matching as f64 / row.all as f64 * 100.0));
                }
                let clause = row.period.clause();
                let found: Vec<usize> = index.matches(&parse(&clause).unwrap().query, SearchOptions::default()).docs.iter().collect();
                prop_assert_eq!(found, held, "{}", clause);
            }
            let left_out = (0..n).filter(|&d| matching.contains(d) && grain.period(corpus.articles()[d].date).is_none()).count();
            prop_assert_eq!(a.left_out, left_out);
        }
    }
}

mod compare {
    use super::*;
    use lens_engine::stats::compare::{
        compare, shared_passages, CompareOptions, Passage, Similarity, WordChoice,
    };

    /// A title of one word, the break, then the body (three words, so repeats and overlaps abound).
    fn seq(ws: &[usize]) -> Vec<u32> {
        let mut ids: Vec<u32> = vec![0, BREAK];
        ids.extend(ws.iter().map(|&i| i as u32));
        ids
    }

    /// Checks the contract of `shared_passages` against brute force: each
    /// passage is a run found on both sides, as long as it goes; every word
    /// of an `n`-word run found on both sides lies in a passage on each side.
    fn check_passages(
        l: &[u32],
        r: &[u32],
        n: usize,
        got: &[Passage],
    ) -> Result<(), TestCaseError> {
        let eq = |i: usize, j: usize| l[i] != BREAK && l[i] == r[j];
        for p in got {
            let (i, j, len) = (p.left as usize, p.right as usize, p.len as usize);
            prop_assert!(len >= n, "{:?} is shorter than {}", p, n);
            prop_assert!(
                (0..len).all(|k| i + k < l.len() && j + k < r.len() && eq(i + k, j + k)),
                "{:?} is not shared",
                p
            );
            prop_assert!(
                i + len == l.len() || j + len == r.len() || !eq(i + len, j + len),
                "{:?} stops short",
                p
            );
        }
        let mut dedup = got.to_vec();
        dedup.dedup();
        prop_assert_eq!(dedup.len(), got.len(), "no passage twice");
        prop_assert!(got.windows(2).all(|w| w[0] <= w[1]), "in order on the left");
        let (mut in_l, mut in_r) = (vec![false; l.len()], vec![false; r.len()]);
        for p in got {
            in_l[p.left as usize..(p.left + p.len) as usize].fill(true);
            in_r[p.right as usize..(p.right + p.len) as usize].fill(true);
        }
        for i in 0..=l.len().saturating_sub(n) {
            for j in 0..=r.len().saturating_sub(n) {
                if i + n <= l.len() && j + n <= r.len() && (0..n).all(|k| eq(i + k, j + k)) {
                    prop_assert!((i..i + n).all(|k| in_l[k]), "left run at {} not covered", i);
                    prop_assert!(
                        (j..j + n).all(|k| in_r[k]),
                        "right run at {} not covered",
                        j
                    );
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn shared_passages_cover_every_run_found_on_both_sides(a in prop::collection::vec(0usize..3, 0..60), b in prop::collection::vec(0usize..3, 0..60), n in 3usize..7) {
            let (l, r) = (seq(&a), seq(&b));
            let (got, truncated) = shared_passages(&l, &r, n);
            prop_assert!(!truncated);
            check_passages(&l, &r, n, &got)?;
        }

        #[test]
        fn shared_passages_of_texts_with_few_repeats(a in prop::collection::vec(0usize..40, 0..80), cut in 0usize..80, n in 3usize..7) {
            // The right is the left with a piece moved: long shared runs, few repeats.
            let cut = cut.min(a.len());
            let b: Vec<usize> = a[cut..].iter().chain(&a[..cut]).copied().collect();
            let (l, r) = (seq(&a), seq(&b));
            let (got, truncated) = shared_passages(&l, &r, n);
            prop_assert!(!truncated);
            check_passages(&l, &r, n, &got)?;
        }
        #[test]
        fn similarity_is_one_with_itself_and_symmetric(corpus in corpus(), i in 0usize..8, j in 0usize..8) {
            let index = Index::new(&corpus);
            let n = corpus.articles().len();
            let (a, b) = (i % n, j % n);
            let opts = CompareOptions::default();
            let self_sim = compare(&index, a, a, opts.clone()).similarity;
            prop_assert!((self_sim - 1.0).abs() < 1e-9, "{}", self_sim);
            let (ab, ba) = (compare(&index, a, b, opts.clone()), compare(&index, b, a, opts));
            prop_assert!((ab.similarity - ba.similarity).abs() < 1e-12);
            prop_assert!((0.0..=1.0).contains(&ab.similarity));
            prop_assert_eq!(ab.shared_word_count, ba.shared_word_count);
            let swap = |v: &[lens_engine::stats::compare::WordScore]| v.iter().map(|w| (w.word.clone(), w.right, w.left, w.score)).collect::<Vec<_>>();
            let plain = |v: &[lens_engine::stats::compare::WordScore]| v.iter().map(|w| (w.word.clone(), w.left, w.right, w.score)).collect::<Vec<_>>();
            prop_assert_eq!(plain(&ab.distinctive_left), swap(&ba.distinctive_right), "left of (a, b) is right of (b, a)");
        }
    }

    /// Each article's counted words, naively: tokenized again, filtered by the stated rule.
    fn counted(a: &Article, stop: bool) -> Vec<String> {
        let mut out: Vec<String> = words(&a.title).map(|w| w.norm.into_owned()).collect();
        for b in &a.body {
            out.extend(words(b.text()).map(|w| w.norm.into_owned()));
        }
        out.retain(|w| is_listed(w) && !(stop && is_stop_word(w)));
        out
    }

    /// TF-IDF cosine straight from the formula in docs/statistics.md.
    fn naive_similarity(corpus: &Corpus, a: usize, b: usize, stop: bool) -> f64 {
        use std::collections::BTreeMap;
        let docs: Vec<Vec<String>> = corpus.articles().iter().map(|x| counted(x, stop)).collect();
        let n = docs.len() as f64;
        let df = |w: &str| docs.iter().filter(|d| d.iter().any(|x| x == w)).count() as f64;
        let vec = |d: &[String]| {
            let mut m: BTreeMap<String, f64> = BTreeMap::new();
            for w in d {
                *m.entry(w.clone()).or_default() += 1.0;
            }
            for (w, x) in m.iter_mut() {
                *x *= ((1.0 + n) / (1.0 + df(w))).ln() + 1.0;
            }
            m
        };
        let (va, vb) = (vec(&docs[a]), vec(&docs[b]));
        let norm = |m: &BTreeMap<String, f64>| m.values().map(|x| x * x).sum::<f64>().sqrt();
        if norm(&va) == 0.0 || norm(&vb) == 0.0 {
            return if va.is_empty() && vb.is_empty() {
                1.0
            } else {
                0.0
            };
        }
        let dot: f64 = va
            .iter()
            .filter_map(|(w, x)| vb.get(w).map(|y| x * y))
            .sum();
        dot / (norm(&va) * norm(&vb))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn similarity_is_the_tfidf_cosine_of_the_counted_words(corpus in corpus(), i in 0usize..8, j in 0usize..8, stop: bool, forms: bool) {
            let index = Index::new(&corpus);
            let n = corpus.articles().len();
            let (a, b) = (i % n, j % n);
            let choice = WordChoice { stop: StopChoice::lists(stop), forms };
            let c = compare(&index, a, b, CompareOptions { words: choice.clone(), ..CompareOptions::default() });
            let model = Similarity::new(&index, &choice);
            prop_assert!((model.between(a, b) - c.similarity).abs() < 1e-9, "the ranking's figure is the pair's");
            if !forms {
                let want = naive_similarity(&corpus, a, b, stop);
                prop_assert!((c.similarity - want).abs() < 1e-9, "{} vs {}", c.similarity, want);
            }
            let ranked = model.most_similar(a);
            prop_assert_eq!(ranked.len(), n - 1);
            prop_assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1));
        }

        #[test]
        fn each_listed_word_is_counted_and_in_one_list(corpus in corpus(), i in 0usize..8, j in 0usize..8, stop: bool, forms: bool) {
            let index = Index::new(&corpus);
            let n = corpus.articles().len();
            let (a, b) = (i % n, j % n);
            let opts = CompareOptions { words: WordChoice { stop: StopChoice::lists(stop), forms }, list_len: 1000, ..CompareOptions::default() };
            let c = compare(&index, a, b, opts);
            let mut seen = std::collections::BTreeSet::new();
            for w in c.shared.iter().chain(&c.distinctive_left).chain(&c.distinctive_right) {
                prop_assert!(seen.insert(w.word.clone()), "{} is in two lists", w.word);
                prop_assert!(is_listed(&w.word) && !(stop && is_stop_word(&w.word)), "{} is not a counted word", w.word);
                if forms {
                    for f in &w.forms {
                        prop_assert_eq!(stem(f), stem(&w.word));
                        prop_assert!(seen.insert(f.clone()), "{} is listed apart from its forms", f);
                    }
                } else {
                    prop_assert!(w.forms.is_empty());
                    // Without forms, the counts are the naive counts.
                    let (ca, cb) = (counted(&corpus.articles()[a], stop), counted(&corpus.articles()[b], stop));
                    prop_assert_eq!(w.left, ca.iter().filter(|x| **x == w.word).count());
                    prop_assert_eq!(w.right, cb.iter().filter(|x| **x == w.word).count());
                }
            }
            for w in &c.shared {
                prop_assert!(w.left > 0 && w.right > 0);
            }
        }
    }

    #[test]
    fn empty_and_one_word_articles_compare_without_panic() {
        let mk = |title: &str, body: Vec<Block>| {
            Article::new(
                title.to_string(),
                title.to_string(),
                ArticleDate::parse("2020").unwrap(),
                body,
            )
        };
        let corpus = Corpus::new(
            CorpusInfo {
                name: "x".into(),
                description: None,
                ..Default::default()
            },
            vec![
                mk("a", vec![]),
                mk("b", vec![Block::Paragraph("Alipay".into())]),
            ],
        );
        let index = Index::new(&corpus);
        // "a" has one word (its title), "b" two.
        let (empty, one) = (corpus.find("a").unwrap().0, corpus.find("b").unwrap().0);
        let corpus2 = Corpus::new(
            CorpusInfo {
                name: "y".into(),
                description: None,
                ..Default::default()
            },
            vec![mk("", vec![])],
        );
        let index2 = Index::new(&corpus2);
        let c = compare(&index2, 0, 0, CompareOptions::default());
        assert_eq!(
            (c.similarity, c.passages.len()),
            (1.0, 0),
            "an article without words is still itself"
        );
        for (a, b) in [(empty, empty), (empty, one), (one, empty), (one, one)] {
            for n in [3, 5, 12] {
                let c = compare(
                    &index,
                    a,
                    b,
                    CompareOptions {
                        min_passage: n,
                        ..CompareOptions::default()
                    },
                );
                assert!(c.passages.is_empty());
                assert!((0.0..=1.0).contains(&c.similarity));
            }
        }
        assert_eq!(
            compare(&index, one, one, CompareOptions::default()).similarity,
            1.0
        );
    }
}

/// Two long repetitive articles, the second shifted by a word: every pair of
/// places starts a shared run, and the passages are still found in one pass
/// (this took 3.3 s for 1 M words when every run was extended).
#[test]
fn long_repetitive_texts_compare_in_linear_time() {
    use lens_engine::stats::compare::shared_passages;
    let n = 200_000;
    let l: Vec<u32> = [0, BREAK]
        .into_iter()
        .chain((0..n).map(|i| i % 2))
        .collect();
    let r: Vec<u32> = [0, BREAK]
        .into_iter()
        .chain((1..=n).map(|i| i % 2))
        .collect();
    let (got, truncated) = shared_passages(&l, &r, 5);
    assert!(!truncated);
    assert!(got.len() <= 3, "{:?}", &got[..got.len().min(5)]);
    assert_eq!(got.iter().map(|p| p.len).max(), Some(n - 1));
}

mod facets {
    use super::*;
    use lens_engine::search::facets::{facet_counts, facet_selected, toggle_facet, FacetKind};

    /// A source or tag the loader accepts: any text, trimmed, not empty;
    /// rich in the query language's own characters.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{1,10}",
            prop::collection::vec(
                prop::sample::select(vec![
                    "\"",
                    "\\",
                    " ",
                    "  ",
                    "(",
                    ")",
                    "*",
                    "-",
                    "OR",
                    "tag:",
                    "a",
                    "É",
                    "\u{212A}",
                    "\n",
                    "\u{a0}",
                    "\"><svg onload=alert(1)>",
                ]),
                1..6
            )
            .prop_map(|v| v.concat()),
        ]
        .prop_map(|v| v.trim().to_string())
        .prop_filter("not empty", |v| !v.is_empty())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Picking a facet value writes a clause that finds exactly its
        /// articles; picking it again gives the query back.
        #[test]
        fn picking_and_unpicking_any_value_round_trips(source in value(), tag in value(), other in value(), base in prop::sample::select(vec!["", "alipay", "pay* -x", "(a OR b)"])) {
            let mk = |source: Option<String>, tags: Vec<String>| {
                let mut a = Article::new("", "T", ArticleDate { year: 2020, month: None, day: None }, vec![Block::Paragraph("alipay a b x".into())])
                    .with_meta(Metadata { source: source.clone().map(Into::into), section: source.map(Into::into), ..Metadata::default() });
                a.language = "en".into();
                a.tags = tags.into_iter().map(Into::into).collect();
                a
            };
            let mut articles = vec![mk(Some(source.clone()), vec![tag.clone()]), mk(Some(other.clone()), vec![])];
            articles.iter_mut().enumerate().for_each(|(i, a)| a.id = format!("a{i}").into());
            let corpus = Corpus::new(CorpusInfo { name: "f".into(), description: None, ..Default::default() }, articles);
            let index = Index::new(&corpus);
            let opts = SearchOptions::default();
            // A base query that already holds another source clause, quoted with odd spaces.
            let base = format!("{base} {}", Query::Source(other.clone()));
            let base_parsed = parse(&base).unwrap();
            let fv = index.facet_values();
            for (kind, v, values) in [(FacetKind::Source, &source, &fv.sources), (FacetKind::Section, &source, &fv.sections), (FacetKind::Tag, &tag, &fv.tags)] {
                if kind != FacetKind::Tag && lens_engine::fold_value(v) == lens_engine::fold_value(&other) {
                    continue; // already picked in the base: picking it un-picks it
                }
                let picked = toggle_facet(&base, &base_parsed, kind, v, values);
                let p = parse(&picked).map_err(|e| TestCaseError::fail(format!("{picked:?}: {e}")))?;
                prop_assert!(facet_selected(&p, kind, v), "{:?} not picked in {:?}", v, picked);
                let f = facet_counts(&index, &p, &index.matches(&p.query, opts).docs, opts);
                let list = match kind { FacetKind::Source => &f.sources, FacetKind::Section => &f.sections, _ => &f.tags };
                let shown = list.iter().find(|fv| lens_engine::fold_value(&fv.value) == lens_engine::fold_value(v));
                prop_assert!(shown.is_some(), "{:?} in {:?}", v, list);
                let alone = toggle_facet("", &parse("").unwrap(), kind, v, values);
                let m = index.matches(&parse(&alone).unwrap().query, opts);
                prop_assert!(m.docs.contains(0), "{:?} finds its article", alone);
                let unpicked = toggle_facet(&picked, &p, kind, v, values);
                // Two sources picked mean either: the other stays picked.
                if kind == FacetKind::Source {
                    prop_assert!(facet_selected(&p, kind, &other), "{:?} keeps {:?}", picked, other);
                }
                let u = parse(&unpicked).unwrap();
                prop_assert!(!facet_selected(&u, kind, v), "{:?} still picked in {:?}", v, unpicked);
                if kind == FacetKind::Tag {
                    prop_assert_eq!(u.query, base_parsed.query.clone(), "{:?} → {:?} → {:?}", base, picked, unpicked);
                }
            }
        }
    }
}

mod ranking {
    use super::*;
    use lens_engine::search::Order;

    const FILLER: &[&str] = &["alpha", "beta", "gamma", "delta", "omega"];

    fn article(id: &str, title: &str, body: &[&str]) -> Article {
        let date = ArticleDate {
            year: 2020,
            month: None,
            day: None,
        };
        Article::new(
            id.to_string(),
            title.to_string(),
            date,
            vec![Block::Paragraph(body.join(" ").into())],
        )
    }

    /// The ids of the articles `q` matches, best first.
    fn ranked(corpus: &Corpus, q: &str) -> Vec<String> {
        let index = Index::new(corpus);
        let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
        index
            .rank(&m, Order::Relevance)
            .iter()
            .map(|h| corpus.articles()[h.doc].id.to_string())
            .collect()
    }

    fn body() -> impl Strategy<Value = Vec<usize>> {
        prop::collection::vec(0..FILLER.len(), 3..30)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Two articles alike but for one more occurrence of the query word
        /// (in place of another word, so of the same length): the one with
        /// more ranks first.
        #[test]
        fn more_occurrences_never_rank_lower(words in body(), hits in prop::collection::vec(any::<prop::sample::Index>(), 1..4), swap in any::<prop::sample::Index>(), others in prop::collection::vec(body(), 0..4)) {
            let mut fewer: Vec<&str> = words.iter().map(|&w| FILLER[w]).collect();
            for h in &hits { let i = h.index(fewer.len()); fewer[i] = "zeta"; }
            let mut more = fewer.clone();
            let free: Vec<usize> = (0..more.len()).filter(|&i| more[i] != "zeta").collect();
            prop_assume!(!free.is_empty());
            more[free[swap.index(free.len())]] = "zeta";
            let mut articles = vec![article("fewer", "Title", &fewer), article("more", "Title", &more)];
            for (i, o) in others.iter().enumerate() {
                let ws: Vec<&str> = o.iter().map(|&w| FILLER[w]).collect();
                articles.push(article(&format!("other{i}"), "Other", &ws));
            }
            let corpus = Corpus::new(CorpusInfo { name: "r".into(), description: None, ..Default::default() }, articles);
            let order = ranked(&corpus, "zeta");
            prop_assert_eq!(&order[..2], &["more".to_string(), "fewer".to_string()][..]);
        }

        /// The same match in the title outranks it in the body (a title word counts three times).
        #[test]
        fn a_title_match_outranks_the_same_match_in_the_body(words in body()) {
            let ws: Vec<&str> = words.iter().map(|&w| FILLER[w]).collect();
            let mut with_zeta = ws.clone();
            with_zeta.push("zeta");
            let mut plain = ws.clone();
            plain.push("omega");
            let corpus = Corpus::new(CorpusInfo { name: "r".into(), description: None, ..Default::default() }, vec![
                article("in-body", "A title", &with_zeta),
                article("in-title", "A zeta", &plain),
            ]);
            prop_assert_eq!(ranked(&corpus, "zeta"), vec!["in-title".to_string(), "in-body".to_string()]);
        }

        /// Equal scores keep the corpus order: by date, then title, then id.
        #[test]
        fn ties_keep_the_corpus_order(words in body(), n in 2usize..6) {
            let ws: Vec<&str> = words.iter().map(|&w| FILLER[w]).chain(["zeta"]).collect();
            let articles: Vec<Article> = (0..n).rev().map(|i| article(&format!("id{i}"), "Same", &ws)).collect();
            let corpus = Corpus::new(CorpusInfo { name: "r".into(), description: None, ..Default::default() }, articles);
            let want: Vec<String> = (0..n).map(|i| format!("id{i}")).collect();
            prop_assert_eq!(ranked(&corpus, "zeta"), want);
        }
    }
}

mod split {
    use super::*;
    use lens_engine::corpus::period::Grain;
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::trends::{parse_keywords, split_lines, trend_table, Measure, Split};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

        /// Split by source, a keyword's lines count in disjoint sets of
        /// articles (a source each, and Other for the rest), so they add up
        /// to the keyword's own line in every period; split by tag, each
        /// line counts exactly in its tag's articles.
        #[test]
        fn split_lines_count_in_their_values_articles(corpus in corpus(), word in 0..VOCAB.len(), keep in prop::collection::vec(any::<bool>(), 8), grain in prop::sample::select(Grain::ALL.to_vec())) {
            let keywords = parse_keywords(&norm(VOCAB[word])).unwrap();
            let index = Index::new(&corpus);
            let n = corpus.articles().len();
            let mut filter = DocSet::empty(n);
            (0..n).filter(|&d| keep[d % keep.len()]).for_each(|d| filter.insert(d));
            let opts = SearchOptions::default();
            let whole = trend_table(&corpus, &index, &keywords, &filter, opts, grain);
            let by_source = split_lines(&index, &keywords, &filter, opts, Split::Source);
            let split = trend_table(&corpus, &index, &by_source, &filter, opts, grain);
            for (r, row) in whole.rows.iter().enumerate() {
                let sum: usize = split.rows[r].counts.iter().sum();
                prop_assert_eq!(sum, row.counts[0], "{}: {:?}", row.period.label(), by_source.iter().map(|k| &k.label).collect::<Vec<_>>());
                let arts: usize = split.rows[r].line_articles.iter().sum();
                // Every article counted is in one line (a source's, or Other), unless the keyword is found nowhere.
                if by_source.len() > 1 || by_source[0].filter.is_some() {
                    prop_assert_eq!(arts, row.articles);
                }
            }
            prop_assert!(by_source.iter().filter(|k| !k.label.ends_with("· Other")).count() <= 8);
            let by_tag = split_lines(&index, &keywords, &filter, opts, Split::Tag);
            let tagged = trend_table(&corpus, &index, &by_tag, &filter, opts, grain);
            for (k, line) in by_tag.iter().enumerate() {
                let Some(tag) = line.label.rsplit(" · ").next().filter(|t| *t != "Other" && line.filter.is_some()) else { continue };
                for (r, row) in tagged.rows.iter().enumerate() {
                    let arts = (0..n).filter(|&d| filter.contains(d) && corpus.articles()[d].tags.iter().any(|t| **t == *tag) && grain.period(corpus.articles()[d].date) == Some(row.period)).count();
                    prop_assert_eq!(row.line_articles[k], arts, "{} in {}", line.label, row.period.label());
                    if arts == 0 {
                        prop_assert_eq!(tagged.value(r, k, Measure::ShareOfArticles), None);
                    }
                }
            }
        }
    }
}
