//! Search over the seed corpus, as a reader would use it.

mod common;

use lens_engine::steps::Steps;
use std::path::Path;

use lens_engine::corpus::load::load_corpus_dir;
use lens_engine::index::Index;
use lens_engine::search::highlight::{mark_article, snippet};
use lens_engine::search::query::parse;
use lens_engine::search::{Order, SearchOptions};
use lens_engine::Corpus;

fn seed() -> Corpus {
    load_corpus_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")).unwrap()
}

fn ids(corpus: &Corpus, index: &Index, q: &str, order: Order) -> Vec<String> {
    let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
    index
        .rank(&m, order)
        .iter()
        .map(|h| corpus.articles()[h.doc].id.to_string())
        .collect()
}

#[test]
fn fields_and_facet_syntax_narrow_the_corpus() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let all = |q: &str| ids(&corpus, &index, q, Order::Oldest);
    assert_eq!(all("").len(), 5);
    assert_eq!(
        all("year:2013..2016"),
        [
            "breakthrough-in-the-siege-2013",
            "real-name-social-2015",
            "rich-strangers-nearby-2016"
        ]
    );
    assert_eq!(
        all("year:2024.."),
        ["alipay-dilemma-2024", "anxious-alipay-2025"]
    );
    assert_eq!(all("source:tmtpost"), ["rich-strangers-nearby-2016"]);
    assert_eq!(
        all("tag:SOCIAL"),
        [
            "real-name-social-2015",
            "rich-strangers-nearby-2016",
            "anxious-alipay-2025"
        ]
    );
    assert_eq!(all("title:rhythm"), ["anxious-alipay-2025"]);
    assert_eq!(all("baidu -tag:social"), ["breakthrough-in-the-siege-2013"]);
    assert_eq!(all("\"rich strangers\""), ["rich-strangers-nearby-2016"]);
    assert!(all("zzzz").is_empty());
}

#[test]
fn relevance_puts_title_matches_and_frequent_terms_first() {
    let corpus = seed();
    let index = Index::new(&corpus);
    assert_eq!(
        ids(&corpus, &index, "rhythm", Order::Relevance)[0],
        "anxious-alipay-2025"
    );
    assert_eq!(
        ids(&corpus, &index, "dilemma", Order::Relevance)[0],
        "alipay-dilemma-2024"
    );
    let newest = ids(&corpus, &index, "alipay", Order::Newest);
    assert_eq!(
        newest.first().map(String::as_str),
        Some("anxious-alipay-2025")
    );
    assert_eq!(newest.len(), 5);
}

#[test]
fn word_forms_find_other_forms_of_a_word() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let count = |q: &str, forms: bool| {
        let m = index.matches(
            &parse(q).unwrap().query,
            SearchOptions { word_forms: forms },
        );
        m.docs
            .iter()
            .map(|d| index.match_count(&m, d))
            .sum::<usize>()
    };
    let payment = count("payment", false);
    let payments = count("payments", false);
    assert!(payment > 0 && payments > 0);
    assert_eq!(
        count("payment", true),
        payment + payments,
        "payment and payments share a stem"
    );
}

#[test]
fn snippets_and_marks_show_the_matched_words() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let m = index.matches(
        &parse("\"mobile ATM\"").unwrap().query,
        SearchOptions::default(),
    );
    let hits = index.rank(&m, Order::Relevance);
    assert_eq!(hits.len(), 1);
    let article = &corpus.articles()[hits[0].doc];
    let spans = index.match_spans(&m, hits[0].doc);
    let marks = mark_article(article, &spans);
    assert!(!marks.is_empty());
    let s = snippet(
        article,
        index.doc(hits[0].doc),
        &index.term_spans(&m, hits[0].doc),
        8,
    );
    assert!(!s.marks.is_empty());
    for r in &s.marks {
        assert_eq!(s.text[r.range.clone()].to_lowercase(), "mobile atm");
    }
    assert!(
        s.text.split_whitespace().count() <= 2 * 8 + 2 + 2,
        "{:?}",
        s.text
    );
}

#[test]
fn facet_counts_follow_the_query() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let m = index.matches(&parse("wechat").unwrap().query, SearchOptions::default());
    let f = index.facets(&m.docs);
    assert_eq!(f.years.len(), 5, "every year is listed, zeros included");
    let social = f.tags.iter().find(|t| t.value == "social").unwrap();
    let by_hand = m
        .docs
        .iter()
        .filter(|&d| corpus.articles()[d].tags.iter().any(|t| t == "social"))
        .count();
    assert_eq!(social.count, by_hand);
    assert!(f.years.iter().map(|y| y.count).sum::<usize>() == m.docs.len());
}

#[test]
fn picking_a_facet_writes_the_clause_a_reader_would_type() {
    use lens_engine::search::facets::{facet_counts, facet_selected, toggle_facet, FacetKind};
    let corpus = seed();
    let index = Index::new(&corpus);
    let fv = index.facet_values();
    let years: Vec<String> = fv.years.iter().map(u16::to_string).collect();
    let pick = |text: &str, kind, value: &str| {
        let values = match kind {
            FacetKind::Year => &years,
            FacetKind::Source => &fv.sources,
            FacetKind::Section => &fv.sections,
            FacetKind::Tag => &fv.tags,
            FacetKind::Language => index.languages(),
        };
        toggle_facet(text, &parse(text).unwrap(), kind, value, values)
    };
    assert_eq!(pick("", FacetKind::Tag, "social"), "tag:social");
    assert_eq!(
        pick("wechat", FacetKind::Tag, "social"),
        "wechat tag:social"
    );
    assert_eq!(
        pick("wechat tag:social", FacetKind::Tag, "social"),
        "wechat"
    );
    assert_eq!(
        pick("wechat tag:social", FacetKind::Tag, "ai"),
        "wechat tag:social tag:ai"
    );
    // The seed's years: 2013, 2015, 2016, 2024, 2025. Two years mean either.
    assert_eq!(
        pick("year:2015 wechat", FacetKind::Year, "2016"),
        "wechat year:2015..2016",
        "a second year widens, neighbours as a range"
    );
    assert_eq!(
        pick("wechat year:2013..2016", FacetKind::Year, "2016"),
        "wechat year:2013..2015",
        "unticking one year of a range keeps the rest"
    );
    assert_eq!(
        pick("wechat year:2013..2016", FacetKind::Year, "2015"),
        "wechat (year:2013 OR year:2016)"
    );
    assert_eq!(
        pick("wechat (year:2013 OR year:2016)", FacetKind::Year, "2025"),
        "wechat (year:2013 OR year:2016 OR year:2025)"
    );
    assert_eq!(
        pick("(year:2013 OR year:2016) wechat", FacetKind::Year, "2015"),
        "wechat year:2013..2016"
    );
    // The Words view's bar narrows to its year alone, and a second click undoes it.
    use lens_engine::search::facets::narrow_to;
    let narrow =
        |text: &str, y: &str| narrow_to(text, &parse(text).unwrap(), FacetKind::Year, y, &years);
    assert_eq!(narrow("wechat year:2013..2016", "2015"), "wechat year:2015");
    assert_eq!(narrow("wechat", "2015"), "wechat year:2015");
    assert_eq!(narrow("wechat year:2015", "2015"), "wechat");
    assert_eq!(
        narrow("(year:2013 OR year:2016) wechat", "2024"),
        "wechat year:2024"
    );
    let typed = parse("wechat year:2013..2016").unwrap();
    for (y, ticked) in [
        ("2013", true),
        ("2015", true),
        ("2016", true),
        ("2024", false),
    ] {
        assert_eq!(
            facet_selected(&typed, FacetKind::Year, y),
            ticked,
            "a typed range ticks its years: {y}"
        );
    }
    assert_eq!(pick("wechat year:2016", FacetKind::Year, "2016"), "wechat");
    assert_eq!(
        pick("", FacetKind::Source, "Caixin Global"),
        "source:\"Caixin Global\""
    );
    let parsed = parse("wechat year:2016").unwrap();
    assert!(facet_selected(&parsed, FacetKind::Year, "2016"));
    assert!(!facet_selected(&parsed, FacetKind::Year, "2015"));
    // A year's count is what picking it would give, whatever year is picked now.
    let f = facet_counts(
        &index,
        &parsed,
        &index.matches(&parsed.query, SearchOptions::default()).docs,
        SearchOptions::default(),
    );
    for y in &f.years {
        let other = parse(&format!("wechat year:{}", y.value)).unwrap();
        assert_eq!(
            y.count,
            index
                .matches(&other.query, SearchOptions::default())
                .docs
                .len(),
            "year {}",
            y.value
        );
    }
    for t in &f.tags {
        let narrowed = parse(&format!("wechat year:2016 tag:{}", t.value)).unwrap();
        assert_eq!(
            t.count,
            index
                .matches(&narrowed.query, SearchOptions::default())
                .docs
                .len(),
            "tag {}",
            t.value
        );
    }
}

#[test]
fn trend_counts_on_the_seed_corpus_match_an_independent_count() {
    use lens_engine::corpus::period::Grain;
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::trends::{parse_keywords, trend_table, Measure};
    use lens_engine::text::tokenize::words;
    let corpus = seed();
    let index = Index::new(&corpus);
    let keywords = parse_keywords("wechat, ai, traffic, baidu").unwrap();
    let all = DocSet::full(corpus.articles().len());
    let table = trend_table(
        &corpus,
        &index,
        &keywords,
        &all,
        SearchOptions::default(),
        Grain::Year,
    );
    assert_eq!(table.rows.first().unwrap().period.n, 2013);
    assert_eq!(
        table.value(table.rows.len(), 0, Measure::Count),
        None,
        "a row the table lacks has no value (a view redrawing asks)"
    );
    assert_eq!(table.value(0, 99, Measure::Count), None);
    assert_eq!(
        table.rows.len(),
        2025 - 2013 + 1,
        "every calendar year has its row"
    );
    for (k, word) in ["wechat", "ai", "traffic", "baidu"].iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            let texts: Vec<String> = corpus
                .articles()
                .iter()
                .filter(|a| i64::from(a.date.year) == row.period.n)
                .map(|a| a.text())
                .collect();
            let want = texts
                .iter()
                .map(|t| words(t).filter(|w| w.norm == *word).count())
                .sum::<usize>();
            if texts.is_empty() {
                assert_eq!(
                    table.value(r, k, Measure::Count),
                    None,
                    "{} has no article",
                    row.period.n
                );
            } else {
                assert_eq!(row.counts[k], want, "{word} in {}", row.period.label());
            }
        }
    }
    // The measures agree with the counts.
    let r2016 = table.rows.iter().position(|r| r.period.n == 2016).unwrap();
    let row = &table.rows[r2016];
    let per10k = table.value(r2016, 3, Measure::Per10k).unwrap();
    assert!((per10k - row.counts[3] as f64 / row.words as f64 * 1e4).abs() < 1e-9);
    assert_eq!(
        table.value(r2016, 3, Measure::ShareOfArticles),
        Some(100.0 * (row.counts[3] > 0) as u8 as f64)
    );
    let from = lens_engine::stats::Provenance {
        corpus: "Alipay, 2013-2025".into(),
        search: "=cmd \"x\"".into(),
        ..Default::default()
    };
    let csv = table.to_csv(Measure::Count, 0, &from);
    assert!(
        csv.starts_with("\"Year\",\"wechat\",\"ai\",\"traffic\",\"baidu\",\"Articles\",\"Words\",\"Grain\",\"Measure\",\"Smoothing\",\"Search\",\"Corpus\"\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\r\n2014,,,,,0,0,\"Year\",\"Count\",0,\"'=cmd \"\"x\"\"\",\"Alipay, 2013-2025\"\r\n"
        ),
        "a year without articles has empty cells; every row says where it is from: {csv}"
    );
    // Smoothed as the chart is.
    let smoothed = table.to_csv(Measure::Count, 1, &from);
    let line = |csv: &str, year: &str| {
        csv.lines()
            .find(|l| l.starts_with(year))
            .unwrap()
            .to_string()
    };
    let want = table.series(0, Measure::Count, 1)[r2016].unwrap();
    assert!(
        line(&smoothed, "2016").starts_with(&format!(
            "2016,{}",
            lens_engine::stats::trends::format_value(want, Measure::Count)
        )),
        "{}",
        line(&smoothed, "2016")
    );
    assert_eq!(
        lens_engine::stats::trends::export_name(
            &from,
            &table.keywords,
            Grain::Year,
            Measure::Per10k,
            2,
            "csv"
        ),
        "alipay-2013-2025-trends-wechat-ai-traffic-baidu-year-per10k-q-cmd-x-smooth-2.csv"
    );
}

#[test]
fn keywords_parse_with_phrases_and_explain_mistakes() {
    use lens_engine::stats::trends::parse_keywords;
    let k = parse_keywords("wechat, \"mobile payment, again\", pay*,, ").unwrap();
    let labels: Vec<&str> = k.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(labels, ["wechat", "\"mobile payment, again\"", "pay*"]);
    assert!(parse_keywords("wechat, tag:social")
        .unwrap_err()
        .message
        .contains("no word to count"));
    assert!(parse_keywords("(wechat")
        .unwrap_err()
        .message
        .contains("never closed"));
    assert_eq!(
        parse_keywords("WeChat, wechat").unwrap().len(),
        1,
        "the same keyword twice is one series"
    );
    // An escaped quote inside a phrase neither closes it nor opens another.
    let k = parse_keywords(r#""a \" b",alipay"#).unwrap();
    let labels: Vec<&str> = k.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(labels, [r#""a \" b""#, "alipay"]);
    let k = parse_keywords(r#""x \\", wechat"#).unwrap();
    assert_eq!(k.len(), 2, "an escaped backslash ends nothing");
}

#[test]
fn smoothing_averages_neighbours_and_keeps_gaps() {
    use lens_engine::corpus::period::Grain;
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::trends::{parse_keywords, trend_table, Measure};
    let corpus = seed();
    let index = Index::new(&corpus);
    let table = trend_table(
        &corpus,
        &index,
        &parse_keywords("alipay").unwrap(),
        &DocSet::full(5),
        SearchOptions::default(),
        Grain::Year,
    );
    let raw = table.series(0, Measure::Count, 0);
    let smooth = table.series(0, Measure::Count, 1);
    for (r, (a, b)) in raw.iter().zip(&smooth).enumerate() {
        assert_eq!(a.is_none(), b.is_none(), "gaps stay gaps");
        if b.is_some() {
            let lo = r.saturating_sub(1);
            let hi = (r + 1).min(raw.len() - 1);
            let vals: Vec<f64> = raw[lo..=hi].iter().flatten().copied().collect();
            assert_eq!(*b, Some(vals.iter().sum::<f64>() / vals.len() as f64));
        }
    }
}

#[test]
fn keyword_in_context_lines_centre_the_match() {
    use lens_engine::stats::trends::keyword_in_context;
    let corpus = seed();
    let index = Index::new(&corpus);
    let m = index.matches(&parse("baidu").unwrap().query, SearchOptions::default());
    let d = corpus.find("rich-strangers-nearby-2016").unwrap().0;
    let lines = keyword_in_context(&corpus.articles()[d], &index.match_spans(&m, d), 8);
    assert_eq!(lines.len(), index.match_count(&m, d));
    // The same lines from the index's lazy layout, shared by every keyword.
    for (q, a) in [("baidu", d), ("alipay", 0), ("wechat OR ai", 3)] {
        let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
        let layout = lens_engine::index::layout::Layout::of(&corpus.articles()[a], index.doc(a));
        assert_eq!(
            lens_engine::stats::trends::keyword_in_context_of(
                &layout,
                &index.match_spans(&m, a),
                8
            ),
            keyword_in_context(&corpus.articles()[a], &index.match_spans(&m, a), 8),
            "{q}"
        );
    }
    for l in &lines {
        assert!(
            l.matched.eq_ignore_ascii_case("baidu")
                || l.matched.to_lowercase().starts_with("baidu"),
            "{l:?}"
        );
        assert!(
            l.left.split_whitespace().count() <= 9 && l.right.split_whitespace().count() <= 9,
            "{l:?}"
        );
    }
}

/// A body `w0 … w99` searched with a 100-word phrase and an OR of 80 of its
/// words: however many spans overlap, every matched word is marked, in the
/// reader and in the snippet (marks once looked back only 64 spans).
#[test]
fn every_matched_word_is_marked_however_many_spans_overlap() {
    use lens_engine::search::highlight::mark_title;
    let body: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
    let corpus = one_article(&body.join(" "));
    let index = Index::new(&corpus);
    let or: Vec<String> = (0..80).map(|i| format!("w{i}")).collect();
    let q = format!("\"{}\" ({})", body.join(" "), or.join(" OR "));
    let m = index.matches(&parse(&q).unwrap().query, SearchOptions::default());
    assert!(m.docs.contains(0));
    let a = &corpus.articles()[0];
    let spans = index.match_spans(&m, 0);
    let marks = mark_article(a, &spans);
    let text = a.body[0].text();
    let marked: usize = marks.blocks[0]
        .iter()
        .map(|r| lens_engine::text::tokenize::words(&text[r.range.clone()]).count())
        .sum();
    assert_eq!(marked, 100, "every word of w0 … w99 is marked");
    assert!(mark_title(a, &spans).is_empty());
    let snip = snippet(a, index.doc(0), &index.term_spans(&m, 0), 200);
    let in_snippet: usize = snip
        .marks
        .iter()
        .map(|r| lens_engine::text::tokenize::words(&snip.text[r.range.clone()]).count())
        .sum();
    assert_eq!(in_snippet, 100, "and in the snippet");
}

/// A term a query repeats is evaluated and counted once: the same matches,
/// marks and ranking as written once, and the same cost.
#[test]
fn a_repeated_term_is_one_term() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let opts = SearchOptions::default();
    let once = parse("alipay pay*").unwrap().query;
    let many = parse(&"alipay pay* ".repeat(100)).unwrap().query;
    let (a, b) = (index.matches(&once, opts), index.matches(&many, opts));
    assert_eq!(a.docs, b.docs);
    for d in a.docs.iter() {
        assert_eq!(index.match_spans(&a, d), index.match_spans(&b, d));
    }
    assert_eq!(
        index.rank(&a, Order::Relevance),
        index.rank(&b, Order::Relevance)
    );
    assert_eq!(index.cost(&[&once], opts), index.cost(&[&many], opts));
    // A keyword list shares its terms too, and answers as each keyword alone.
    let kws = [
        parse("alipay").unwrap().query,
        parse("alipay OR wechat").unwrap().query,
    ];
    let each = index.matches_each(&kws, opts);
    for (q, m) in kws.iter().zip(&each) {
        assert_eq!(&index.matches(q, opts), m);
    }
}

/// A query whose work is over the limit is refused with a message that says
/// how to fix it, and one under it is answered.
#[test]
fn a_query_over_the_work_limit_is_refused_with_a_message() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let opts = SearchOptions::default();
    let small = parse("alipay").unwrap().query;
    let big = parse("a* b* c* d* e* f* g* h* i* l* m* n* o* p* s* t* w*")
        .unwrap()
        .query;
    let limit = index.cost(&[&small], opts) * 10;
    assert!(index.check_within(&[&small], opts, limit).is_ok());
    let e = index.check_within(&[&big], opts, limit).unwrap_err();
    assert!(e.message.contains("make prefixes longer"), "{e}");
    assert!(
        index.check(&[&big], opts).is_ok(),
        "the seed corpus is far from the real limit"
    );
}

fn one_article(body: &str) -> Corpus {
    common::one_article("Title", &[body])
}

/// Invisible characters and decomposed accents: the word is found, counted
/// and marked whole, as typed plainly.
#[test]
fn words_with_invisible_characters_are_found_and_marked_whole() {
    let text = "The Pay\u{AD}ment of Ameri\u{200D}ca and a cafe\u{301}.";
    let corpus = one_article(text);
    let index = Index::new(&corpus);
    for (q, word) in [
        ("payment", "Pay\u{AD}ment"),
        ("america", "Ameri\u{200D}ca"),
        ("café", "cafe\u{301}"),
    ] {
        let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
        assert!(m.docs.contains(0), "{q}");
        let marks = mark_article(&corpus.articles()[0], &index.match_spans(&m, 0));
        assert_eq!(&text[marks.blocks[0][0].range.clone()], word, "{q}");
    }
}

/// An article of any length is indexed in pieces of at most UNIT_WORDS
/// words (a 10 MB article was one unit of 115 ms), and the index is the same.
#[test]
fn a_long_article_is_indexed_in_pieces() {
    use lens_engine::index::builder::{IndexBuilder, UNIT_WORDS};
    let words = 10 * UNIT_WORDS + 7;
    let body: String = (0..words).map(|i| format!("w{} ", i % 100)).collect();
    let corpus = one_article(&body);
    let mut b = IndexBuilder::new(&corpus);
    let mut units = 0;
    while !b.step(&mut || false) {
        units += 1;
    }
    // Reading, counting and placing each take one unit per piece.
    assert!(units >= 3 * 10, "{units} units");
    let stepped = b.finish();
    let whole = Index::new(&corpus);
    let m1 = stepped.matches(&parse("w7").unwrap().query, SearchOptions::default());
    let m2 = whole.matches(&parse("w7").unwrap().query, SearchOptions::default());
    assert_eq!(stepped.match_spans(&m1, 0), whole.match_spans(&m2, 0));
    assert_eq!(stepped.match_count(&m1, 0), words / 100 + 1);
    assert_eq!(stepped.words_of(0), whole.words_of(0));
}

/// Positions in long articles take two bytes each while every article is
/// shorter than 65,536 words, four past that: on either side of the line a
/// word is found, counted, marked and put in a phrase where it stands.
#[test]
fn positions_past_two_bytes_are_where_the_words_stand() {
    // Title: 1 word, its break at 1; the body from 2: the last body word's
    // position is the article's length.
    for last in [65_534u32, 65_535, 65_536, 65_537] {
        let filler = (last - 3) as usize;
        let body: String = (0..filler)
            .map(|i| format!("w{} ", i % 100))
            .collect::<String>()
            + "zed end";
        let corpus = one_article(&body);
        let index = Index::new(&corpus);
        assert_eq!(index.doc(0).len, last);
        let (_, positions) = (index.memory().into_iter())
            .find(|(part, _)| *part == "positions")
            .unwrap();
        let width = if last <= 65_535 { 2 } else { 4 };
        assert_eq!(
            positions,
            width * index.positions_len(),
            "positions of {last}"
        );
        for (q, at, words) in [
            ("zed", last - 1, 1),
            ("end", last, 1),
            ("\"zed end\"", last - 1, 2),
        ] {
            let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
            assert_eq!(index.match_spans(&m, 0), vec![(at, words)], "{q} in {last}");
            assert_eq!(index.match_count(&m, 0), 1);
        }
        let m = index.matches(&parse("w99").unwrap().query, SearchOptions::default());
        assert_eq!(index.match_count(&m, 0), filler / 100);
    }
}

/// A corpus of articles "a0", "a1"… titled "t", dated 2000, each body one
/// paragraph of `bodies`.
fn titled_t(bodies: impl IntoIterator<Item = String>) -> Corpus {
    use lens_engine::{Article, ArticleDate, Block, CorpusInfo};
    let articles = (bodies.into_iter().enumerate())
        .map(|(i, body)| {
            let body = vec![Block::Paragraph(body.into())];
            Article::new(
                format!("a{i}"),
                "t",
                ArticleDate::parse("2000").unwrap(),
                body,
            )
        })
        .collect();
    let info = CorpusInfo {
        name: "x".into(),
        ..Default::default()
    };
    Corpus::new(info, articles)
}

/// The postings' articles take two bytes each in a corpus of at most
/// 65,536 articles, four past that: on either side of the line a word is
/// found in the articles that hold it, the last ones included.
#[test]
fn articles_past_two_bytes_are_the_ones_found() {
    for n in [65_535usize, 65_536, 65_537] {
        let corpus = titled_t((0..n).map(|i| {
            let word = if i + 2 >= n { "zed" } else { "w" };
            format!("{word} x{}", i % 7)
        }));
        let index = Index::new(&corpus);
        let (_, bytes) = (index.memory().into_iter())
            .find(|(part, _)| *part == "postings' articles")
            .unwrap();
        let postings: usize = (0..index.vocabulary_len() as u32)
            .map(|t| index.postings(t).len())
            .sum();
        let width = if n <= 65_536 { 2 } else { 4 };
        let term_starts = 4 * (index.vocabulary_len() + 1);
        assert!(
            bytes >= width * postings + term_starts,
            "{n} articles: {bytes} bytes"
        );
        assert!(
            bytes < (width + 1) * postings + 2 * term_starts,
            "{n} articles: {bytes} bytes"
        );
        let m = index.matches(&parse("zed").unwrap().query, SearchOptions::default());
        let mut found: Vec<&str> = (index.rank(&m, Order::Oldest).iter())
            .map(|h| &*corpus.articles()[h.doc].id)
            .collect();
        found.sort_unstable();
        let last = [format!("a{}", n - 2), format!("a{}", n - 1)];
        assert_eq!(found, last, "{n} articles");
        let m = index.matches(&parse("x3").unwrap().query, SearchOptions::default());
        assert_eq!(m.docs.iter().count(), (0..n).filter(|i| i % 7 == 3).count());
    }
}

/// Word sequences take two bytes a word where the vocabulary has fewer
/// than 65,535 words (the title/body break needs a value of its own), four
/// past that: on either side of the line each article reads back as its
/// words in order, the break where the title ends, and the words with the
/// highest ids (the last in sorted order) are found, alone and as a phrase.
#[test]
fn vocabularies_past_two_bytes_keep_every_word() {
    use lens_engine::text::lexicon::BREAK;
    for vocabulary in [65_534usize, 65_535, 65_536] {
        // "t" and the words "w00000"…: sorted, the last words have the highest ids.
        let words: Vec<String> = (0..vocabulary - 1).map(|i| format!("w{i:05}")).collect();
        let half = words.len() / 2;
        let corpus = titled_t([words[..half].join(" "), words[half..].join(" ")]);
        let index = Index::new(&corpus);
        assert_eq!(index.vocabulary_len(), vocabulary);
        for (d, part) in [&words[..half], &words[half..]].iter().enumerate() {
            let read: Vec<String> = (index.words_of(d).iter())
                .map(|id| match id {
                    BREAK => "|".to_string(),
                    id => index.term(id).to_string(),
                })
                .collect();
            let want: Vec<String> = (["t", "|"].into_iter().map(String::from))
                .chain(part.iter().cloned())
                .collect();
            assert!(read == want, "article {d} of a vocabulary of {vocabulary}");
        }
        let (_, bytes) = (index.memory().into_iter())
            .find(|(part, _)| *part == "word sequences")
            .unwrap();
        let width = if vocabulary <= 65_535 { 2 } else { 4 };
        let ids = index.words_of(0).len() + index.words_of(1).len();
        assert_eq!(bytes, width * ids + 4 * 2, "a vocabulary of {vocabulary}");
        let (last, before) = (&words[words.len() - 1], &words[words.len() - 2]);
        for (q, at, width) in [
            (last.clone(), words.len() - half + 1, 1),
            (format!("\"{before} {last}\""), words.len() - half, 2),
        ] {
            let m = index.matches(&parse(&q).unwrap().query, SearchOptions::default());
            assert_eq!(index.match_spans(&m, 1), vec![(at as u32, width)], "{q}");
            assert_eq!(index.match_count(&m, 0), 0, "{q}");
        }
    }
}

/// A posting's count of positions takes a byte, the big ones (255 and
/// more) kept apart; its positions a byte each in an article of at most
/// 255 words, else two where no article reaches 65,536 words, else four:
/// on either side of each line the word's count is right, and so are the
/// places of the postings after it (their starts are counts and widths
/// added).
#[test]
fn a_word_past_a_byte_or_two_in_one_article_is_counted() {
    for n in [
        252usize, 253, 254, 255, 256, 65_533, 65_534, 65_535, 65_536, 65_537,
    ] {
        let corpus = titled_t(["a ".repeat(n) + "zed", "zed a b".into()]);
        let index = Index::new(&corpus);
        let a = index.postings(index.term_id("a").unwrap());
        let counts: Vec<(u32, usize)> = a.iter().map(|p| (p.doc, p.positions.len())).collect();
        assert_eq!(counts, vec![(0, n), (1, 1)], "{n}");
        assert_eq!(a.get(1).positions.iter().collect::<Vec<_>>(), vec![3]);
        assert_eq!(a.positions_len(), n + 1);
        for (q, doc, at) in [
            ("zed", 0, n + 2),
            ("zed", 1, 2),
            ("b", 1, 4),
            ("\"a b\"", 1, 3),
        ] {
            let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
            let span = index.match_spans(&m, doc);
            assert_eq!(span.first().map(|s| s.0), Some(at as u32), "{q} in {n}");
        }
        let (_, bytes) = (index.memory().into_iter())
            .find(|(part, _)| *part == "positions")
            .unwrap();
        // Article 0: the title's word, n + 1 words; article 1: 4 words.
        let long = index.doc(0).len as usize;
        assert_eq!(long, n + 2);
        let width = match long {
            0..=255 => 1,
            256..=65_535 => 2,
            _ => 4,
        };
        assert_eq!(bytes, long * width + 4, "{n}");
    }
}

/// `balance of treasure`: the snippet is the passage holding all three
/// words, not the first cluster of the frequent "of".
#[test]
fn a_snippet_prefers_the_passage_with_the_most_and_rarest_terms() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let m = index.matches(
        &parse("balance of treasure").unwrap().query,
        SearchOptions::default(),
    );
    let hits = index.rank(&m, Order::Relevance);
    assert!(!hits.is_empty());
    for h in &hits {
        let a = &corpus.articles()[h.doc];
        let s = snippet(a, index.doc(h.doc), &index.term_spans(&m, h.doc), 12);
        let marked: std::collections::BTreeSet<String> = s
            .marks
            .iter()
            .map(|r| s.text[r.range.clone()].to_lowercase())
            .collect();
        assert!(
            marked.contains("balance") && marked.contains("treasure"),
            "{}: {:?} marks {marked:?}",
            a.id,
            s.text
        );
    }
}

/// A phrase is shown whole, and two distinct terms win over five of one.
#[test]
fn a_snippet_keeps_a_phrase_whole_and_prefers_more_distinct_terms() {
    let filler = |n: usize| vec!["filler"; n].join(" ");
    let body = format!(
        "the the the the the {} the big rare word {} big rare word",
        filler(40),
        filler(40)
    );
    let corpus = one_article(&body);
    let index = Index::new(&corpus);
    let m = index.matches(
        &parse("the OR \"big rare word\"").unwrap().query,
        SearchOptions::default(),
    );
    let a = &corpus.articles()[0];
    let s = snippet(a, index.doc(0), &index.term_spans(&m, 0), 2);
    assert!(s.text.contains("big rare word"), "{:?}", s.text);
    assert!(
        s.marks
            .iter()
            .any(|r| &s.text[r.range.clone()] == "big rare word"),
        "{:?}",
        s
    );
}

/// Similarity is computed on content words by default: switching stop words
/// back in changes every pair's figure (it once left it unchanged), and
/// frequent words no longer lift every pair above 45 %.
#[test]
fn similarity_follows_the_stop_word_switch() {
    use lens_engine::stats::compare::{Similarity, WordChoice};
    let corpus = seed();
    let index = Index::new(&corpus);
    let content = Similarity::new(&index, &WordChoice::default());
    let all = Similarity::new(
        &index,
        &WordChoice {
            stop: lens_engine::text::lexicon::StopChoice::lists(false),
            forms: false,
        },
    );
    let n = corpus.articles().len();
    let mut figures = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let (c, w) = (content.between(a, b), all.between(a, b));
            assert!((c - w).abs() > 0.005, "{a}, {b}: {c} vs {w}");
            figures.push(c);
        }
    }
    eprintln!("seed similarities on content words: {figures:?}");
    assert!(
        figures.iter().any(|&c| c < 0.45),
        "content words separate pairs: {figures:?}"
    );
}

/// The issue's example, checked by hand: `year:2024..2025` against the rest
/// of the corpus over-represents "traffic" and "ai" (at p < 0.01).
#[test]
fn keywords_of_the_last_two_years_include_traffic_and_ai() {
    use lens_engine::stats::words::{count_words, keywords, ListOptions};
    let corpus = seed();
    let index = Index::new(&corpus);
    let m = index.matches(
        &parse("year:2024..2025").unwrap().query,
        SearchOptions::default(),
    );
    let (sc, rc) = (
        count_words(&index, &m.docs),
        count_words(&index, &m.docs.clone().complement()),
    );
    let (over, under) = keywords(&index, &sc, &rc, &ListOptions::default(), 6.63);
    let words: Vec<&str> = over.iter().map(|r| r.word.as_str()).collect();
    assert!(
        words.contains(&"traffic") && words.contains(&"ai"),
        "{words:?}"
    );
    // Independent count: "traffic" in the two articles' text, by a plain scan.
    let plain = |d: usize| {
        let a = &corpus.articles()[d];
        lens_engine::text::tokenize::words(&a.text())
            .filter(|w| w.norm == "traffic")
            .count()
    };
    let want: usize = m.docs.iter().map(plain).sum();
    let row = over.iter().find(|r| r.word == "traffic").unwrap();
    assert_eq!(row.selection, want);
    assert!(under
        .iter()
        .all(|r| r.selection_per_10k < r.reference_per_10k));
}

/// `date:` finds an article when its whole date lies inside the clause's
/// span: the year-only 2015 article is in `date:2015`, not in
/// `date:2015-01..2015-06`; the article of 22 September 2016 is in
/// `date:2016-09` and `date:2016-09-22..`. One that matches nothing says why.
#[test]
fn a_date_clause_finds_the_articles_wholly_inside_it() {
    let corpus = seed();
    let index = Index::new(&corpus);
    let ids = |q: &str| -> Vec<String> {
        let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
        m.docs
            .iter()
            .map(|d| corpus.articles()[d].id.to_string())
            .collect()
    };
    let in_2015 = ids("year:2015");
    assert_eq!(in_2015.len(), 1);
    assert_eq!(ids("date:2015"), in_2015);
    assert!(ids("date:2015-01..2015-06").is_empty());
    assert_eq!(ids("date:2016-09"), ["rich-strangers-nearby-2016"]);
    assert_eq!(ids("date:2016-09-22.."), ids("year:2016.."));
    assert_eq!(ids("date:..2024-12-30").len(), 4);
    let said = lens_engine::search::suggest::empty_filters(
        &index,
        &parse("date:2015-01..2015-06").unwrap().query,
    );
    assert_eq!(
        said,
        ["No article is dated within 2015-01 to 2015-06: the articles span 2013 to 2025, and an article counts only when its whole date lies inside (one dated 2019-07 is not within 2019-07-01..2019-07-15)."]
    );
}

/// A period clicked on the attention chart narrows the search to it: its
/// clause replaces the query's year and date clauses, the rest stays.
#[test]
fn a_period_narrows_the_search_in_place_of_its_time_clauses() {
    use lens_engine::corpus::period::{Grain, Period};
    use lens_engine::search::facets::narrow_to_period;
    let narrow = |text: &str, p: &str| {
        narrow_to_period(text, &parse(text).unwrap(), Period::from_key(p).unwrap())
    };
    assert_eq!(narrow("", "2016"), "year:2016");
    assert_eq!(
        narrow("wechat year:2013..2015", "2016-09"),
        "wechat date:2016-09"
    );
    assert_eq!(
        narrow("(year:2013 OR year:2015) alipay date:2016..", "2019-W27"),
        "alipay date:2019-07-01..2019-07-07"
    );
    assert_eq!(
        narrow("tag:social", "2019-Q3"),
        "tag:social date:2019-07-01..2019-09-30"
    );
    assert_eq!(
        Period::from_key("2019-07-03").unwrap().clause(),
        "date:2019-07-03"
    );
    assert_eq!(Grain::Day.key(), "day");
    // A query being typed that does not parse: the last that did is edited
    // (its spans are not the typed text's: slicing by them once panicked).
    let valid = parse("alipay year:2019").unwrap();
    let sep = Period::from_key("2016-09").unwrap();
    assert_eq!(
        narrow_to_period("alipay year:", &valid, sep),
        "alipay date:2016-09"
    );
    assert_eq!(
        narrow_to_period("支付宝 (", &valid, sep),
        "alipay date:2016-09"
    );
    use lens_engine::search::facets::{toggle_facet, FacetKind};
    assert_eq!(
        toggle_facet("alipay year:", &valid, FacetKind::Tag, "social", &[]),
        "alipay year:2019 tag:social"
    );
}

/// A keyword line may carry its own filter after ` @ `: it counts only in
/// the filter's articles, and divides its rates by theirs.
#[test]
fn a_keyword_line_may_carry_its_own_filter() {
    use lens_engine::corpus::period::Grain;
    use lens_engine::index::docset::DocSet;
    use lens_engine::stats::trends::{parse_keywords, trend_table, Measure};
    let k =
        parse_keywords("wechat @ year:2016, wechat, \"a @ b\", baidu @ -tag:social, pay@alipay")
            .unwrap();
    let labels: Vec<&str> = k.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "wechat @ year:2016",
            "wechat",
            "\"a @ b\"",
            "baidu @ -tag:social",
            "pay@alipay"
        ]
    );
    assert_eq!(k[4].filter, None, "an @ inside a word is the word's");
    assert_eq!(k[0].filter, Some(parse("year:2016").unwrap().query));
    assert_eq!(k[2].filter, None, "an @ in quotes is text");
    assert!(parse_keywords("wechat @")
        .unwrap_err()
        .message
        .contains("@ needs a filter after it"));
    assert!(parse_keywords("wechat @ (")
        .unwrap_err()
        .message
        .starts_with("“wechat @ (”: after @,"));
    let corpus = seed();
    let index = Index::new(&corpus);
    let all = DocSet::full(corpus.articles().len());
    let t = trend_table(
        &corpus,
        &index,
        &k[..2],
        &all,
        SearchOptions::default(),
        Grain::Year,
    );
    for (r, row) in t.rows.iter().enumerate() {
        if row.period.n == 2016 {
            assert_eq!(row.counts[0], row.counts[1], "the same count in its year");
            assert_eq!(t.value(r, 0, Measure::Count), t.value(r, 1, Measure::Count));
        } else {
            assert_eq!(row.counts[0], 0);
            assert_eq!(
                t.value(r, 0, Measure::Count),
                None,
                "no article of the filter: a gap"
            );
        }
    }
}
