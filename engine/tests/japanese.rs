//! Japanese words: TinySegmenter's model inside the one tokenizer (runs of
//! text with kana), the Chinese dictionary for runs of Han characters
//! alone, and a query's Chinese or Japanese text found however the
//! segmenter cut it in an article. This test binary installs both, as the
//! page does for a Japanese corpus (a process holds each for good).

mod samples;

use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::SearchOptions;
use lens_engine::text::japanese::{install_japanese, japanese, Model, JAPANESE_MODEL};
use lens_engine::text::segment::{chinese, install_chinese, Dictionary, CHINESE_WORDS};
use lens_engine::text::tokenize::{reference_words, word_count, words};
use lens_engine::{Article, Corpus, CorpusInfo};

fn install() {
    if chinese().is_none() {
        install_chinese(Dictionary::parse(CHINESE_WORDS).unwrap());
    }
    if japanese().is_none() {
        install_japanese(Model::parse(JAPANESE_MODEL).unwrap());
    }
}

fn cut(text: &str) -> Vec<String> {
    install();
    words(text).map(|w| w.norm.into_owned()).collect()
}

#[test]
fn the_model_is_fetched_by_its_version() {
    let h = samples::fnv1a(JAPANESE_MODEL.as_bytes());
    assert_eq!(
        lens_engine::text::japanese::JAPANESE_MODEL_PATH,
        format!("data/ja-model.txt?v={h:016x}"),
        "run python3 bench/make_ja_model.py: it writes the model and its version"
    );
}

#[test]
fn sentences_are_cut_into_words() {
    // TinySegmenter's own example.
    assert_eq!(
        cut("私の名前は中野です"),
        ["私", "の", "名前", "は", "中野", "です"]
    );
    assert_eq!(
        cut("日本語の文章を単語に分割します"),
        [
            "日本語",
            "の",
            "文章",
            "を",
            "単語",
            "に",
            "分割",
            "し",
            "ます"
        ]
    );
    // A katakana word stays whole; an iteration mark stays with its kanji.
    assert_eq!(
        cut("人々は毎日コンピューターを使っています"),
        [
            "人々",
            "は",
            "毎日",
            "コンピューター",
            "を",
            "使っ",
            "て",
            "い",
            "ます"
        ]
    );
    // Latin letters and digits are words of their own, as UAX #29 makes
    // them; punctuation ends a run.
    assert_eq!(
        cut("TinySegmenterは25kBで書かれています。"),
        [
            "tinysegmenter",
            "は",
            "25kb",
            "で",
            "書か",
            "れ",
            "て",
            "い",
            "ます"
        ]
    );
    assert_eq!(
        cut("新幹線で東京へ行く。"),
        ["新", "幹線", "で", "東京", "へ", "行く"]
    );
    // A kana and its combining sound mark are one cluster: never cut (the
    // model alone would cut before the mark).
    for text in [
        "あ\u{3099}あ\u{3099}",
        "ちょっとま\u{3099}って",
        "か\u{3099}っこう",
    ] {
        // The words' own text (a normal form is in NFC: が).
        install();
        let words: Vec<&str> = words(text).map(|w| &text[w.start..w.end]).collect();
        assert_eq!(words.concat(), text);
        assert!(
            words
                .iter()
                .all(|w| !w.starts_with(['\u{3099}', '\u{309A}'])),
            "{words:?}"
        );
    }
    // Han characters without kana are Chinese to the tokenizer, in Japanese
    // text too: cut by the Chinese dictionary (a known limit:
    // docs/languages.md).
    assert_eq!(cut("東京都知事選挙"), ["東", "京都", "知事", "選", "挙"]);
    assert_eq!(
        cut("支付宝推出新功能"),
        ["支付", "宝", "推出", "新", "功能"]
    );
}

#[test]
fn the_fast_path_agrees_with_the_reference_on_japanese_text() {
    install();
    for text in [
        "新幹線で東京へ行く。 Alipay's app, 2024年3月",
        "カタカナ_x ｶﾀｶﾅです 人々 ゝ 中国农业银行",
        "  日本語\n\nのテキスト\tと中国語。。か\u{3099}き",
    ] {
        let fast: Vec<_> = words(text).map(|w| (w.start, w.end, w.norm)).collect();
        let slow: Vec<_> = reference_words(text)
            .map(|w| (w.start, w.end, w.norm))
            .collect();
        assert_eq!(fast, slow, "{text}");
    }
}

proptest::proptest! {
    /// With both segmenters installed, the tokenizer gives the words of the
    /// reference (UAX #29, then each run cut) on text mixing kana, Han and
    /// every kind of neighbour UAX #29 may join or split.
    #[test]
    fn the_fast_path_is_the_reference_on_any_mix(parts in proptest::collection::vec(proptest::sample::select(vec![
        "中国", "農業", "新幹線", "の", "は", "です", "カタカナ", "ｶﾀ", "ー", "々", "ゝ", "\u{3099}", "・",
        "，", "。", "「", " ", "\n", "a", "Alipay", "2024", "_", "\u{300}", "\u{200D}", "\u{AD}", "한국", "😀", "'",
    ]), 0..24)) {
        install();
        let text: String = parts.concat();
        let fast: Vec<_> = words(&text).map(|w| (w.start, w.end, w.norm.into_owned())).collect();
        let slow: Vec<_> = reference_words(&text).map(|w| (w.start, w.end, w.norm.into_owned())).collect();
        proptest::prop_assert_eq!(fast, slow, "{:?}", text);
    }
}

fn article(id: &str, body: &str) -> Article {
    samples::article(id, "ja", body)
}

#[test]
fn a_query_finds_its_characters_however_the_article_was_cut() {
    install();
    let corpus = Corpus::new(
        CorpusInfo::named("ja"),
        vec![
            article("ja1", "新幹線で東京へ行く。"),
            article("ja2", "東海道新幹線は混んでいます。"),
            article("ja3", "新しい幹線道路ができた。"),
        ],
    );
    let index = Index::new(&corpus);
    let found = |q: &str| samples::found(&index, &corpus, q);
    // Alone, 新幹線 has no kana: the Chinese dictionary cuts it 新 / 幹 / 線;
    // in ja1 the Japanese model cut it 新 / 幹線. Its characters are found
    // as the words 新 and 幹線 in a row, and inside the word 東海道新幹線
    // (if the model made one word of it) or as words spelling it.
    assert_eq!(cut("新幹線"), ["新", "幹", "線"]);
    assert!(!cut("新幹線で東京へ行く。").contains(&"新幹線".to_string()));
    let f = found("新幹線");
    assert!(f.contains(&"ja1".to_string()), "{f:?}");
    // Not found across words that do not spell it: ja3 has 新しい, 幹線.
    assert!(!f.contains(&"ja3".to_string()), "{f:?}");
    // The marks cover the words that spell it.
    assert_eq!(
        samples::marked(&index, &corpus, "新幹線", "ja1").concat(),
        "新幹線"
    );
    let m = index.matches(&parse("新幹線").unwrap().query, SearchOptions::default());
    let (d, _) = corpus.find("ja1").unwrap();
    assert_eq!(index.match_count(&m, d), 1);
    // Counts: the corpus' word counts, the index's lengths and the tokenizer agree.
    for (i, a) in corpus.articles().iter().enumerate() {
        assert_eq!(corpus.word_count(i), word_count(&a.text()));
        assert_eq!(index.doc(i).len as usize, word_count(&a.text()));
    }
}

/// The rule, naively: where the characters of `q` are one word that holds
/// them, or two or more words in a row that spell them exactly.
fn naive(words: &[String], q: &str) -> usize {
    let mut n = 0;
    for a in 0..words.len() {
        if q.chars().nth(1).is_some() && words[a].contains(q) {
            n += 1;
            continue;
        }
        // Exactly q with two or more words.
        let mut t = String::new();
        for (k, w) in words[a..].iter().enumerate() {
            t.push_str(w);
            if t.len() >= q.len() {
                if t == q && k >= 1 {
                    n += 1;
                }
                break;
            }
        }
    }
    n
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// On generated Japanese and Chinese articles, a query of Han and kana
    /// (a piece of an article, or pieces put together) matches exactly what
    /// the naive rule finds, in the same articles, as often.
    #[test]
    fn cjk_queries_match_the_naive_rule(
        docs in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
            "新幹線", "で", "東京", "へ", "行く", "の", "は", "中国", "農業", "銀行", "です", "カタカナ",
            "新しい", "幹線", "支付宝", "推出", "新", "功能", "。", "、",
        ]), 1..16), 1..6),
        picks in proptest::collection::vec((0usize..6, 0usize..60, 2usize..40), 1..6),
    ) {
        install();
        let texts: Vec<String> = docs.iter().map(|d| d.concat()).collect();
        let corpus = Corpus::new(
            CorpusInfo::named("gen"),
            texts.iter().enumerate().map(|(i, t)| article(&format!("d{i}"), t)).collect(),
        );
        let index = Index::new(&corpus);
        for (doc, at, len) in picks {
            let chars: Vec<char> = texts[doc % texts.len()].chars().collect();
            let from = at % chars.len();
            let q: String = chars[from..(from + len).min(chars.len())].iter()
                .filter(|&&c| lens_engine::text::segment::is_unspaced_word(&c.to_string()))
                .collect();
            if q.chars().count() < 2 {
                continue;
            }
            let m = index.matches(&parse(&q).unwrap().query, SearchOptions::default());
            for (d, a) in corpus.articles().iter().enumerate() {
                let ws: Vec<String> = words(a.body[0].text()).map(|w| w.norm.into_owned()).collect();
                let want = naive(&ws, &q);
                proptest::prop_assert_eq!(index.match_count(&m, d), want, "{} in {:?}: {:?}", q, a.body[0].text(), ws);
                proptest::prop_assert_eq!(m.docs.contains(d), want > 0);
            }
        }
    }
}

#[test]
fn the_cut_of_three_thousand_sentences_is_pinned_natively_as_in_the_page() {
    install();
    let sentences = samples::japanese();
    // Most sentences have kana: they are read by the model.
    assert!(
        sentences
            .iter()
            .filter(|s| lens_engine::text::japanese::has_kana(s))
            .count()
            > 2500
    );
    let digest = samples::digest(&sentences, false);
    println!("digest of the cut: {digest:#018x}");
    assert_eq!(digest, samples::JAPANESE, "tests/browser.rs pins the same");
    // The Japanese model changes nothing in Chinese text (no kana): the
    // Chinese sample cuts as it does with the dictionary alone
    // (engine/tests/segment.rs).
    let zh = samples::chinese(CHINESE_WORDS);
    assert_eq!(samples::digest(&zh, false), samples::CHINESE);
}
