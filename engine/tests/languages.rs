//! Every language a corpus is written in: each word is stemmed, and left out
//! as a stop word, by the rules of its language; a query's words are
//! stemmed in each language of the corpus.

mod samples;
use samples::found_with_forms as found;

use lens_engine::corpus::codec::{decode_copy, encode};
use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::SearchOptions;
use lens_engine::stats::words::{count_words, word_rows, ListOptions};
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo};

fn article(id: &'static str, language: &'static str, year: u16, text: &'static str) -> Article {
    let mut a = Article::new(
        id,
        id,
        ArticleDate::parse(&year.to_string()).unwrap(),
        vec![Block::Paragraph(text.into())],
    );
    a.language = language.into();
    a
}

/// German, English and French articles, and one that names no language in
/// a corpus whose default is German.
fn mixed() -> Corpus {
    Corpus::new(
        CorpusInfo {
            language: Some("de".into()),
            ..CorpusInfo::named("mixed")
        },
        vec![
            article(
                "de1",
                "de-DE",
                2020,
                "Die Zahlungen und die Händler wachsen.",
            ),
            article("de2", "", 2021, "Die Zahlungen der Kunden und der Händler."),
            article("en1", "en", 2020, "The payments and the payment apps grow."),
            article("fr1", "fr", 2022, "Les paiements et le paiement mobile."),
        ],
    )
}

#[test]
fn a_query_word_matches_the_forms_of_each_language() {
    let corpus = mixed();
    let index = Index::new(&corpus);
    assert_eq!(index.languages(), ["de", "en", "fr"]);
    // With word forms on, "zahlung" finds the German articles that have
    // only "Zahlungen" (German stemmer); off, it finds nothing.
    assert_eq!(found(&index, &corpus, "zahlung", true), ["de1", "de2"]);
    assert!(found(&index, &corpus, "zahlung", false).is_empty());
    // "paiement" finds "paiements" by the French stemmer, "payment" finds
    // "payments" by the English one.
    assert_eq!(found(&index, &corpus, "paiements", true), ["fr1"]);
    assert_eq!(found(&index, &corpus, "payments", true), ["en1"]);
    // The article without a language took the corpus' (German).
    assert_eq!(
        &*corpus
            .articles()
            .iter()
            .find(|a| a.id == "de2")
            .unwrap()
            .language,
        "de"
    );
}

#[test]
fn stop_words_are_those_of_each_words_language() {
    let corpus = mixed();
    let index = Index::new(&corpus);
    let term = |w: &str| index.term_id(w).unwrap();
    // German "und", "die", "der"; English "the", "and"; French "les", "le", "et".
    for w in ["und", "die", "der", "the", "and", "les", "le", "et"] {
        assert!(index.is_stop(term(w)), "{w} is a stop word of its language");
    }
    for w in ["zahlungen", "händler", "payments", "paiements", "mobile"] {
        assert!(!index.is_stop(term(w)), "{w}");
    }
    // The word list leaves them out, in every language.
    let all = lens_engine::index::docset::DocSet::full(index.doc_count());
    let counts = count_words(&index, &all);
    let rows = word_rows(&index, &counts, &ListOptions::default());
    let words: Vec<&str> = rows.iter().map(|r| r.word.as_str()).collect();
    assert!(words.contains(&"zahlungen") && words.contains(&"paiement"));
    for w in ["und", "die", "the", "les", "et"] {
        assert!(!words.contains(&w), "{w} listed: {words:?}");
    }
}

#[test]
fn the_corpus_own_stop_words_and_lists_survive_encoding() {
    let mut corpus = mixed();
    let info = CorpusInfo {
        stop_words: vec!["händler".into()],
        ..corpus.info().clone()
    };
    // A German list of its own: were the encoded form to drop it, the
    // engine's list (which has "und", not "zahlungen") would stand in.
    corpus = Corpus::new(info, corpus.articles().to_vec()).with_stop_lists(vec![
        lens_engine::text::lexicon::StopList::new("de", ["zahlungen", "und"]),
        lens_engine::text::lexicon::StopList::new("fr", ["les"]),
    ]);
    // The page decodes the corpus without the engine's lists: the encoded
    // form carries them.
    let back = decode_copy(&encode(&corpus)).unwrap();
    let langs: Vec<&str> = back
        .stop_lists()
        .iter()
        .map(|l| l.language.as_str())
        .collect();
    assert_eq!(langs, ["de", "fr"], "English's list is built in");
    let index = Index::new(&back);
    assert!(index.is_stop(index.term_id("händler").unwrap()));
    assert!(
        index.is_stop(index.term_id("zahlungen").unwrap()),
        "the carried list"
    );
    assert!(
        !index.is_stop(index.term_id("die").unwrap()),
        "not the engine's"
    );
}

#[test]
fn a_language_without_a_stemmer_or_list_matches_exact_forms() {
    let corpus = Corpus::new(
        CorpusInfo::named("x"),
        vec![
            article("xx1", "tlh", 2020, "Qapla' batlh Qapla'"),
            article("en1", "en", 2020, "the payments"),
        ],
    );
    let index = Index::new(&corpus);
    // English is the larger share? Both one article: by key, "en" first.
    assert_eq!(index.languages(), ["en", "tlh"]);
    assert_eq!(found(&index, &corpus, "batlh", true), ["xx1"]);
    assert!(!index.is_stop(index.term_id("batlh").unwrap()));
}

#[test]
fn lang_is_a_field_and_a_facet() {
    use lens_engine::search::facets::{facet_counts, toggle_facet, FacetKind};
    use lens_engine::search::suggest::empty_filters;
    let corpus = mixed();
    let index = Index::new(&corpus);
    assert_eq!(found(&index, &corpus, "lang:de", false), ["de1", "de2"]);
    assert_eq!(
        found(&index, &corpus, "lang:DE-at", false),
        ["de1", "de2"],
        "by primary subtag"
    );
    assert_eq!(
        found(&index, &corpus, "lang:en OR lang:fr", false),
        ["en1", "fr1"]
    );
    assert_eq!(found(&index, &corpus, "-lang:de", false), ["en1", "fr1"]);
    assert!(found(&index, &corpus, "lang:ja", false).is_empty());
    let said = empty_filters(&index, &parse("lang:ja").unwrap().query);
    assert_eq!(
        said,
        ["No article is in the language “ja”: the corpus' languages are German (lang:de), English (lang:en), French (lang:fr)."]
    );
    assert!(parse("lang:12")
        .unwrap_err()
        .message
        .contains("not a language code"));
    assert_eq!(parse("language:de").unwrap().query.to_string(), "lang:de");
    // The facet: counts per language, the language clause set aside.
    let p = parse("lang:de").unwrap();
    let m = index.matches(&p.query, SearchOptions::default());
    let f = facet_counts(&index, &p, &m.docs, SearchOptions::default());
    let counts: Vec<(&str, usize)> = f
        .languages
        .iter()
        .map(|v| (v.value.as_str(), v.count))
        .collect();
    assert_eq!(counts, [("de", 2), ("en", 1), ("fr", 1)]);
    // Ticking French beside German: either.
    let langs: Vec<String> = index.languages().to_vec();
    assert_eq!(
        toggle_facet("lang:de", &p, FacetKind::Language, "fr", &langs),
        "(lang:de OR lang:fr)"
    );
}

#[test]
fn a_readers_own_stop_words_are_added_and_taken_off_the_lists() {
    use lens_engine::text::lexicon::StopChoice;
    let corpus = mixed();
    let index = Index::new(&corpus);
    let all = lens_engine::index::docset::DocSet::full(index.doc_count());
    let counts = count_words(&index, &all);
    let listed = |stop: StopChoice| -> Vec<String> {
        let o = ListOptions { stop, forms: false };
        word_rows(&index, &counts, &o)
            .into_iter()
            .map(|r| r.word)
            .collect()
    };
    let plain = listed(StopChoice::lists(true));
    assert!(plain.contains(&"zahlungen".to_string()) && !plain.contains(&"und".to_string()));
    let edited = listed(StopChoice::edited(true, "Zahlungen, nowhere", "und"));
    assert!(
        !edited.contains(&"zahlungen".to_string()),
        "added: left out"
    );
    assert!(edited.contains(&"und".to_string()), "kept: listed again");
    assert_eq!(
        edited.len(),
        plain.len(),
        "one out, one in; a word no article has changes nothing"
    );
    // Off: nothing is left out, the reader's words neither.
    let off = listed(StopChoice::edited(false, "zahlungen", ""));
    assert!(off.contains(&"zahlungen".to_string()) && off.contains(&"und".to_string()));
}
