//! The Words view's statistics against naive computations on generated
//! corpora: word and article counts, stop-word filtering and word forms, G²
//! and log ratio from their formulas, phrases from a scan of the text that
//! honours titles, headings and paragraphs, rising and falling from a
//! direct least-squares fit.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::stats::measures::{log_likelihood, log_ratio, SIGNIFICANCE};
use lens_engine::stats::words::{
    count_words, keywords, phrases, rising_falling, summary, weighted_slope, word_rows, Fit,
    ListOptions,
};
use lens_engine::text::lexicon::{is_listed, is_stop_word, StopChoice};

/// The English Snowball stem, as the brute force computes it (the generated corpora are English).
fn stem(word: &str) -> String {
    lens_engine::text::language::stemmer("en")
        .unwrap()
        .stem(word)
        .into_owned()
}
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "pay", "payment", "Payments", "the", "of", "alipay", "ai", "e", "2015", "支", "alipay,",
    "(pay", "—",
];

fn corpus() -> impl Strategy<Value = Corpus> {
    common::corpus(common::Shape {
        vocab: VOCAB,
        title: 0..3,
        blocks: 1..4,
        block_words: 0..10,
        headings: true,
        years: 2013..2019,
        sources: &[],
        tags: &[],
        articles: 1..10,
    })
}

fn select(n: usize, bits: &[bool]) -> DocSet {
    let mut s = DocSet::empty(n);
    for d in 0..n {
        if bits.get(d).copied().unwrap_or(false) {
            s.insert(d);
        }
    }
    s
}

/// Naive counts of each listed word (or stem with forms) in the selected articles: (count, articles).
fn naive(corpus: &Corpus, sel: &DocSet, o: &ListOptions) -> BTreeMap<String, (usize, usize)> {
    let key = |w: &str| if o.forms { stem(w) } else { w.to_string() };
    let mut m: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for d in sel.iter() {
        let ws: Vec<String> = common::stretches(&corpus.articles()[d]).concat();
        let mut here = BTreeSet::new();
        for w in ws
            .iter()
            .filter(|w| is_listed(w) && !(o.stop.on && is_stop_word(w)))
        {
            m.entry(key(w)).or_default().0 += 1;
            here.insert(key(w));
        }
        for k in here {
            m.entry(k).or_default().1 += 1;
        }
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn word_counts_match_a_naive_count(corpus in corpus(), bits in prop::collection::vec(any::<bool>(), 10), stop: bool, forms: bool) {
        let index = Index::new(&corpus);
        let n = corpus.articles().len();
        let sel = select(n, &bits);
        let counts = count_words(&index, &sel);
        let o = ListOptions { stop: StopChoice::lists(stop), forms };
        let want = naive(&corpus, &sel, &o);
        let rows = word_rows(&index, &counts, &o);
        let key = |w: &str| if forms { stem(w) } else { w.to_string() };
        let got: BTreeMap<String, (usize, usize)> = rows.iter().map(|r| (key(&r.word), (r.count, r.articles))).collect();
        prop_assert_eq!(got.len(), rows.len(), "one row per word (or stem)");
        prop_assert_eq!(got, want);
        prop_assert!(rows.windows(2).all(|w| w[0].count > w[1].count || (w[0].count == w[1].count && w[0].word < w[1].word)));
        // The totals count every word.
        let all: usize = sel.iter().map(|d| common::stretches(&corpus.articles()[d]).concat().len()).sum();
        prop_assert_eq!(counts.words, all);
        let s = summary(&index, &sel, &counts);
        prop_assert_eq!(s.articles, sel.len());
        prop_assert_eq!(s.per_year.iter().map(|(_, n)| n).sum::<usize>(), sel.len());
    }

    #[test]
    fn keywords_follow_the_formulas(corpus in corpus(), bits in prop::collection::vec(any::<bool>(), 10), min in 0usize..4) {
        let index = Index::new(&corpus);
        let n = corpus.articles().len();
        let sel = select(n, &bits);
        let rest = sel.clone().complement();
        let (sc, rc) = (count_words(&index, &sel), count_words(&index, &rest));
        let whole = count_words(&index, &DocSet::full(n));
        prop_assert_eq!(&whole.minus(&sc), &rc, "the rest is the whole less the selection");
        let o = ListOptions::default();
        // No threshold, or one of the levels a reader can ask for.
        let min_g2 = [0.0, SIGNIFICANCE[0].min_g2, SIGNIFICANCE[1].min_g2, SIGNIFICANCE[2].min_g2][min];
        let (over, under) = keywords(&index, &sc, &rc, &o, min_g2);
        let (a_all, b_all) = (naive(&corpus, &sel, &o), naive(&corpus, &rest, &o));
        let (c, d) = (sc.words, rc.words);
        let words: BTreeSet<&String> = a_all.keys().chain(b_all.keys()).collect();
        let mut want_over = BTreeSet::new();
        let mut want_under = BTreeSet::new();
        for w in words {
            let a = a_all.get(w).map_or(0, |x| x.0);
            let b = b_all.get(w).map_or(0, |x| x.0);
            if c == 0 || d == 0 { continue; }
            let (e1, e2) = (c as f64 * (a + b) as f64 / (c + d) as f64, d as f64 * (a + b) as f64 / (c + d) as f64);
            let t = |o: usize, e: f64| if o == 0 { 0.0 } else { o as f64 * (o as f64 / e).ln() };
            let g2 = 2.0 * (t(a, e1) + t(b, e2));
            prop_assert!((g2 - log_likelihood(a, b, c, d)).abs() < 1e-9);
            if g2 < min_g2 { continue; }
            let z = |x: usize| if x == 0 { 0.5 } else { x as f64 };
            let lr = ((z(a) / c as f64) / (z(b) / d as f64)).log2();
            prop_assert!((lr - log_ratio(a, b, c, d)).abs() < 1e-9);
            let (ra, rb) = (a as f64 / c as f64, b as f64 / d as f64);
            if ra > rb { want_over.insert(w.clone()); } else if rb > ra { want_under.insert(w.clone()); }
        }
        let got_over: BTreeSet<String> = over.iter().map(|r| r.word.clone()).collect();
        let got_under: BTreeSet<String> = under.iter().map(|r| r.word.clone()).collect();
        prop_assert_eq!(got_over, want_over);
        prop_assert_eq!(got_under, want_under);
        for r in over.iter().chain(&under) {
            prop_assert!((r.g2 - log_likelihood(r.selection, r.reference, c, d)).abs() < 1e-9);
            prop_assert!((r.log_ratio - log_ratio(r.selection, r.reference, c, d)).abs() < 1e-9);
        }
        prop_assert!(over.windows(2).all(|w| w[0].g2 >= w[1].g2));
    }

    #[test]
    fn phrases_match_a_scan_that_honours_boundaries(corpus in corpus(), bits in prop::collection::vec(any::<bool>(), 10), len in 2usize..6, min in 1usize..3, stop_edges: bool) {
        let index = Index::new(&corpus);
        let sel = select(corpus.articles().len(), &bits);
        let mut want: BTreeMap<String, (usize, BTreeSet<usize>)> = BTreeMap::new();
        for d in sel.iter() {
            for s in common::clauses(&corpus.articles()[d]) {
                for w in s.windows(len) {
                    if stop_edges && (is_stop_word(&w[0]) || is_stop_word(&w[len - 1])) { continue; }
                    let e = want.entry(w.join(" ")).or_default();
                    e.0 += 1;
                    e.1.insert(d);
                }
            }
        }
        let want: BTreeMap<String, (usize, usize)> = want.into_iter().filter(|(_, (n, _))| *n >= min).map(|(k, (n, a))| (k, (n, a.len()))).collect();
        let got_rows = phrases(&index, &sel, len, min, &StopChoice::lists(stop_edges));
        let got: BTreeMap<String, (usize, usize)> = got_rows.iter().map(|r| (r.phrase.clone(), (r.count, r.articles))).collect();
        prop_assert_eq!(got, want);
    }

    /// At every grain: the periods an article falls in computed naively
    /// (its year, quarter, month, its Monday's day number, its day
    /// number, from chrono), an article dated less precisely left out.
    #[test]
    fn rising_and_falling_is_a_weighted_least_squares_fit(corpus in corpus(), grain in prop::sample::select(lens_engine::corpus::period::Grain::ALL.to_vec())) {
        use lens_engine::corpus::period::Grain;
        let index = Index::new(&corpus);
        let all = DocSet::full(corpus.articles().len());
        let counts = count_words(&index, &all);
        let o = ListOptions::default();
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let period_of = |a: &lens_engine::Article| -> Option<i64> {
            let (y, m, d) = (i64::from(a.date.year), a.date.month.map(i64::from), a.date.day.map(i64::from));
            let day = || {
                let date = chrono::NaiveDate::from_ymd_opt(y as i32, m? as u32, d? as u32)?;
                Some((date - epoch).num_days())
            };
            match grain {
                Grain::Year => Some(y),
                Grain::Quarter => m.map(|m| y * 4 + (m - 1) / 3),
                Grain::Month => m.map(|m| y * 12 + m - 1),
                Grain::Week => day().map(|z| (z + 3).div_euclid(7)),
                Grain::Day => day(),
            }
        };
        let mut year_words: BTreeMap<i64, usize> = BTreeMap::new();
        let mut word_year: BTreeMap<String, BTreeMap<i64, usize>> = BTreeMap::new();
        let mut left_out = 0;
        for a in corpus.articles() {
            let Some(p) = period_of(a) else { left_out += 1; continue };
            let ws = common::stretches(a).concat();
            *year_words.entry(p).or_default() += ws.len();
            for w in ws.iter().filter(|w| is_listed(w) && !is_stop_word(w)) {
                *word_year.entry(w.clone()).or_default().entry(p).or_default() += 1;
            }
        }
        let years: Vec<(i64, usize)> = year_words.iter().filter(|(_, &w)| w > 0).map(|(&y, &w)| (y, w)).collect();
        match rising_falling(&index, &all, &counts, o, 2, usize::MAX, grain) {
            Err(n) => prop_assert!(n == years.len() && n < 3),
            Ok(rf) => {
                prop_assert!(years.len() >= 3);
                for r in rf.rising.iter().chain(&rf.falling) {
                    // Trended when seen twice in the selection; fitted over the periods placed.
                    let by = word_year.get(&r.word).cloned().unwrap_or_default();
                    prop_assert!(r.count >= 2);
                    let pts: Vec<(f64, f64, f64)> = years.iter().map(|&(y, w)| (y as f64, *by.get(&y).unwrap_or(&0) as f64 / w as f64 * 1e4, w as f64)).collect();
                    let want = weighted_slope(&pts);
                    prop_assert!((r.slope - want).abs() < 1e-6 * (1.0 + want.abs()), "{} {} {}", r.word, r.slope, want);
                    // The fitted line's ends say what the slope says.
                    let (x0, x1) = (years[0].0 as f64, years[years.len() - 1].0 as f64);
                    let fit = Fit::of(&pts);
                    prop_assert!((r.fitted.0 - fit.at(x0)).abs() < 1e-6 * (1.0 + fit.at(x0).abs()));
                    prop_assert!((r.fitted.1 - fit.at(x1)).abs() < 1e-6 * (1.0 + fit.at(x1).abs()));
                    prop_assert_eq!(r.fitted.1 > r.fitted.0, r.slope > 0.0, "{} {} {:?}", r.word, r.slope, r.fitted);
                    prop_assert_eq!(r.periods_with, by.len());
                    // Its own rate in each period with words; none elsewhere.
                    prop_assert_eq!(r.rates.len(), rf.periods.len());
                    for (i, p) in rf.periods.iter().enumerate() {
                        match year_words.get(&p.n).filter(|&&w| w > 0) {
                            Some(&w) => {
                                let want = *by.get(&p.n).unwrap_or(&0) as f64 / w as f64 * 1e4;
                                prop_assert!(r.rates[i].is_some_and(|v| (v - want).abs() < 1e-9 * (1.0 + want)), "{} {:?}", r.word, r.rates[i]);
                            }
                            None => prop_assert_eq!(r.rates[i], None),
                        }
                    }
                }
                let weights: Vec<usize> = rf.periods.iter().map(|p| *year_words.get(&p.n).unwrap_or(&0)).collect();
                prop_assert_eq!(&rf.period_words, &weights);
                prop_assert_eq!(rf.left_out, left_out);
                prop_assert!(rf.rising.iter().all(|r| r.slope > 0.0));
                prop_assert!(rf.falling.iter().all(|r| r.slope < 0.0));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Cut into steps of one article (as the page runs them between frames),
    /// each job gives what it gives in one go.
    #[test]
    fn jobs_in_steps_give_what_they_give_at_once(corpus in corpus(), len in 2usize..4) {
        use lens_engine::steps::Steps;
        use lens_engine::stats::words::{CountJob, PhraseJob, TrendJob};
        fn in_steps<J: Steps>(mut job: J) -> (J::Output, usize) {
            let mut steps = 0;
            while !job.step(&mut || false) {
                steps += 1;
            }
            (job.finish(), steps + 1)
        }
        let index = Index::new(&corpus);
        let all = DocSet::full(corpus.articles().len());
        let (counts, steps) = in_steps(CountJob::new(&index, &all));
        // A step ends where the articles' words since the last question reach ASK_EVERY_WORDS.
        let mut want_steps = 1;
        let mut since = 0;
        for d in 0..corpus.articles().len() {
            since += index.words_of(d).len();
            if since >= lens_engine::steps::ASK_EVERY_WORDS {
                since = 0;
                if d + 1 < corpus.articles().len() {
                    want_steps += 1;
                }
            }
        }
        prop_assert_eq!(steps, want_steps, "a question per {} words", lens_engine::steps::ASK_EVERY_WORDS);
        prop_assert_eq!(&counts, &count_words(&index, &all));
        prop_assert_eq!(in_steps(PhraseJob::new(&index, &all, len, 1, &StopChoice::lists(true))).0, phrases(&index, &all, len, 1, &StopChoice::lists(true)));
        let o = ListOptions::default();
        let g = lens_engine::corpus::period::Grain::Month;
        prop_assert_eq!(in_steps(TrendJob::new(&index, &all, &counts, o.clone(), 1, 10, g)).0, rising_falling(&index, &all, &counts, o, 1, 10, g));
    }
}

/// The case a reader met: a word whose first year (few words) has a high
/// rate and whose last year a lower one, yet which rises over the heavy
/// years between. It is listed as rising, and its fitted ends say so.
#[test]
fn a_rising_word_shows_a_fitted_line_that_rises() {
    use lens_engine::corpus::body::Block;
    use lens_engine::corpus::date::ArticleDate;
    use lens_engine::{Article, Corpus, CorpusInfo};
    let text = |internet: usize, other: usize| {
        let mut t = "internet ".repeat(internet);
        t.push_str(&"market ".repeat(other));
        t
    };
    let article = |id: &'static str, year: &str, body: String| {
        Article::new(
            id,
            "T",
            ArticleDate::parse(year).unwrap(),
            vec![Block::Paragraph(body.into())],
        )
    };
    let corpus = Corpus::new(
        CorpusInfo {
            name: "x".into(),
            description: None,
            ..Default::default()
        },
        vec![
            article("a", "2013", text(3, 10)),
            article("b", "2015", text(10, 990)),
            article("c", "2020", text(60, 940)),
            article("d", "2025", text(1, 19)),
        ],
    );
    let index = Index::new(&corpus);
    let all = DocSet::full(4);
    let counts = count_words(&index, &all);
    let rf = rising_falling(
        &index,
        &all,
        &counts,
        ListOptions::default(),
        1,
        10,
        lens_engine::corpus::period::Grain::Year,
    )
    .unwrap();
    let r = rf
        .rising
        .iter()
        .find(|r| r.word == "internet")
        .expect("internet rises");
    let (first, last) = (r.rates[0].unwrap(), r.rates[r.rates.len() - 1].unwrap());
    assert!(
        first > last,
        "its own first and last rates fall: {first} → {last}"
    );
    assert!(
        r.fitted.1 > r.fitted.0,
        "the fitted line rises: {:?}",
        r.fitted
    );
    assert_eq!(r.periods_with, 4);
    assert_eq!(rf.period_words.iter().filter(|&&w| w > 0).count(), 4);
    assert_eq!(rf.period_words[0], 14, "2013: the title and 13 words");
}

#[test]
fn a_phrase_does_not_run_across_a_clause_mark() {
    let corpus = common::one_article(
        "T",
        &["However, WeChat grew. However WeChat grew; otherwise Alipay (the leader) grew."],
    );
    let index = Index::new(&corpus);
    let rows = phrases(&index, &DocSet::full(1), 2, 1, &StopChoice::lists(false));
    let got: Vec<&str> = rows.iter().map(|r| r.phrase.as_str()).collect();
    let count = |p: &str| rows.iter().find(|r| r.phrase == p).map_or(0, |r| r.count);
    assert_eq!(
        count("however wechat"),
        1,
        "once without the comma: {got:?}"
    );
    assert_eq!(count("wechat grew"), 2);
    for crossing in [
        "grew however",
        "grew otherwise",
        "alipay the",
        "leader grew",
    ] {
        assert_eq!(count(crossing), 0, "{crossing}: {got:?}");
    }
    assert_eq!(count("the leader"), 1);
}

#[test]
fn weighted_slope_of_a_line_is_its_slope() {
    let pts = [(2000.0, 1.0, 5.0), (2001.0, 3.0, 1.0), (2002.0, 5.0, 9.0)];
    assert!((weighted_slope(&pts) - 2.0).abs() < 1e-12);
    assert_eq!(weighted_slope(&[(2000.0, 1.0, 1.0)]), 0.0);
}

#[test]
fn a_count_in_steps_asks_once_per_few_thousand_words() {
    use lens_engine::stats::words::CountJob;
    use lens_engine::steps::{Steps, ASK_EVERY_WORDS};
    // Five articles of 3,000 words: the question comes after the 2nd and the 4th.
    let body = vec![Block::Paragraph("war ".repeat(3000).into())];
    let articles = (0..5)
        .map(|i| {
            let mut a = Article::new(
                format!("a{i}"),
                String::new(),
                ArticleDate {
                    year: 2000,
                    month: None,
                    day: None,
                },
                body.clone(),
            );
            a.id = format!("a{i}").into();
            a
        })
        .collect();
    let corpus = Corpus::new(
        CorpusInfo {
            name: "gen".into(),
            description: None,
            ..Default::default()
        },
        articles,
    );
    let index = Index::new(&corpus);
    let all = DocSet::full(5);
    const { assert!(3000 < ASK_EVERY_WORDS && 6000 >= ASK_EVERY_WORDS) };
    let mut job = CountJob::new(&index, &all);
    let mut asked = 0;
    let mut calls = 0;
    while !job.step(&mut || {
        asked += 1;
        false
    }) {
        calls += 1;
    }
    assert_eq!((asked, calls + 1), (2, 3), "asked twice, three steps");
    assert_eq!(job.finish().words, 15_000);
}

#[test]
fn a_mapped_job_or_none_gives_what_the_job_gives() {
    use lens_engine::stats::words::CountJob;
    use lens_engine::steps::Steps;
    let body = vec![Block::Paragraph("war and peace".into())];
    let corpus = Corpus::new(
        CorpusInfo {
            name: "gen".into(),
            description: None,
            ..Default::default()
        },
        vec![Article::new(
            "a",
            "t",
            ArticleDate {
                year: 2000,
                month: None,
                day: None,
            },
            body,
        )],
    );
    let index = Index::new(&corpus);
    let all = DocSet::full(1);
    let words = CountJob::new(&index, &all).map_output(|c| c.words).run();
    assert_eq!(words, count_words(&index, &all).words);
    assert_eq!(
        Some(CountJob::new(&index, &all)).run().map(|c| c.words),
        Some(words)
    );
    assert_eq!(
        None::<CountJob<&Index>>.run(),
        None,
        "no job: done at once, no answer"
    );
}
