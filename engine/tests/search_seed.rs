//! Search over the seed corpus, as a reader would use it.

use std::path::Path;

use lens_engine::index::Index;
use lens_engine::load::load_corpus_dir;
use lens_engine::query::parse;
use lens_engine::search::{mark_article, snippet, Order, SearchOptions};
use lens_engine::Corpus;

fn seed() -> Corpus {
    load_corpus_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")).unwrap()
}

fn ids(corpus: &Corpus, index: &Index, q: &str, order: Order) -> Vec<String> {
    let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
    index
        .rank(&m, order)
        .iter()
        .map(|h| corpus.articles()[h.doc].id.clone())
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
    let s = snippet(article, index.doc(hits[0].doc), &spans, 8);
    assert!(!s.marks.is_empty());
    for r in &s.marks {
        assert_eq!(s.text[r.clone()].to_lowercase(), "mobile atm");
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
    use lens_engine::search::{facet_counts, facet_selected, toggle_facet, FacetKind};
    let corpus = seed();
    let index = Index::new(&corpus);
    let pick =
        |text: &str, kind, value: &str| toggle_facet(text, &parse(text).unwrap(), kind, value);
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
    assert_eq!(
        pick("year:2015 wechat", FacetKind::Year, "2016"),
        "wechat year:2016",
        "a year replaces a year"
    );
    assert_eq!(
        pick("wechat year:2013..2016", FacetKind::Year, "2016"),
        "wechat year:2016"
    );
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
