//! Chinese words: the dictionary segmenter inside the one tokenizer, and
//! search, marks and counts agreeing on text that mixes scripts. This test
//! binary installs the Chinese dictionary (a process holds one for good).

mod samples;
use samples::article;

use lens_engine::index::Index;
use lens_engine::text::segment::{chinese, install_chinese, Dictionary, CHINESE_WORDS};
use lens_engine::text::tokenize::{reference_words, word_count, words};
use lens_engine::{Corpus, CorpusInfo};

fn dictionary() -> &'static Dictionary {
    if chinese().is_none() {
        install_chinese(Dictionary::parse(CHINESE_WORDS).unwrap());
    }
    chinese().unwrap()
}

fn cut(text: &str) -> Vec<String> {
    dictionary();
    words(text).map(|w| w.norm.into_owned()).collect()
}

#[test]
fn the_dictionary_is_fetched_by_its_version() {
    let h = samples::fnv1a(CHINESE_WORDS.as_bytes());
    assert_eq!(
        lens_engine::text::segment::CHINESE_WORDS_PATH,
        format!("data/zh-words.txt?v={h:016x}"),
        "run python3 bench/make_zh_dict.py: it writes the dictionary and its version"
    );
}

#[test]
fn sentences_are_cut_into_the_dictionarys_words() {
    assert!(dictionary().len() > 130_000);
    assert_eq!(cut("中国农业发展银行"), ["中国", "农业", "发展", "银行"]);
    assert_eq!(
        cut("蚂蚁集团旗下的支付宝是中国最大的移动支付平台"),
        [
            "蚂蚁", "集团", "旗下", "的", "支付", "宝", "是", "中国", "最大", "的", "移动", "支付",
            "平台"
        ]
    );
    assert_eq!(
        cut("他说：“我们要做一个开放的平台。”"),
        ["他", "说", "我们", "要", "做", "一个", "开放", "的", "平台"]
    );
    // Punctuation and spaces end a run; Latin letters and digits are words
    // of their own, as UAX #29 makes them.
    assert_eq!(
        cut("Alipay（支付宝）在2024年推出AI助手"),
        ["alipay", "支付", "宝", "在", "2024", "年", "推出", "ai", "助手"]
    );
    // A name the dictionary lacks falls into known words and characters: a
    // known limit (docs/languages.md).
    assert_eq!(cut("微信支付"), ["微", "信", "支付"]);
}

#[test]
fn the_fast_path_agrees_with_the_reference_on_mixed_text() {
    dictionary();
    for text in [
        "支付宝推出新功能 and Alipay's new app, 2024年3月",
        "中文 English 中文English中文 ５月 𠀀𠀁中国",
        "  中国\n\n农业 银行\t发展。。中国农业银行",
        "日本語のテキストと中国語",
    ] {
        let fast: Vec<_> = words(text).map(|w| (w.start, w.end, w.norm)).collect();
        let slow: Vec<_> = reference_words(text)
            .map(|w| (w.start, w.end, w.norm))
            .collect();
        assert_eq!(fast, slow, "{text}");
        // A Chinese word's offsets are its own bytes.
        for (s, e, n) in &fast {
            if n.chars().all(lens_engine::text::segment::is_han) {
                assert_eq!(&text[*s..*e], &**n, "{text}");
            }
        }
    }
}

#[test]
fn search_marks_and_counts_agree_on_chinese_words() {
    dictionary();
    let corpus = Corpus::new(
        CorpusInfo::named("mixed"),
        vec![
            article("zh1", "zh", "中国农业银行和支付宝合作推出移动支付。"),
            article(
                "zh2",
                "zh",
                "农业发展需要金融支持，中国农业发展银行提供贷款。",
            ),
            article("en1", "en", "Alipay and the Agricultural Bank of China."),
        ],
    );
    let index = Index::new(&corpus);
    let found = |q: &str| samples::found(&index, &corpus, q);
    // "农业" is a word in zh2 and a part of the dictionary word 中国农业银行
    // in zh1: both are found.
    let mut f = found("农业");
    f.sort();
    assert_eq!(f, ["zh1", "zh2"]);
    // A phrase of words; in a phrase a word matches itself only: "农业和"
    // is not in 中国农业银行和….
    assert_eq!(found("\"移动支付\""), ["zh1"]);
    assert_eq!(found("\"农业和\""), Vec::<String>::new());
    assert_eq!(found("\"农业发展\""), ["zh2"]);
    assert_eq!(found("支付 alipay"), Vec::<String>::new());
    assert_eq!(found("农业 OR alipay").len(), 3);
    // The marks are the matched words' bytes: in zh1 the whole 中国农业银行.
    let marked = samples::marked(&index, &corpus, "农业", "zh1");
    assert_eq!(marked, ["中国农业银行"]);
    // Counts: the corpus' word counts, the index's lengths and the tokenizer agree.
    samples::assert_counts_agree(&corpus, &index);
    assert_eq!(
        word_count("农业发展需要金融支持，中国农业发展银行提供贷款。"),
        11
    );
}

#[test]
fn the_cut_of_three_thousand_sentences_is_pinned_natively_as_in_the_page() {
    dictionary();
    let sentences = samples::chinese(CHINESE_WORDS);
    let digest = samples::digest(&sentences, false);
    println!("digest of the cut: {digest:#018x}");
    assert_eq!(digest, samples::CHINESE, "tests/browser.rs pins the same");
}

proptest::proptest! {
    /// The fast path (runs of Han characters cut without UAX #29) gives the
    /// words of the reference (UAX #29, then the runs cut), on text mixing
    /// Han with every kind of neighbour UAX #29 may join or split.
    #[test]
    fn the_fast_path_is_the_reference_on_any_mix(parts in proptest::collection::vec(proptest::sample::select(vec![
        "中国", "农业", "银行", "支付宝", "的", "𠀀", "鑫", "\u{F900}", "，", "。", "“", " ", "\n", "a", "Alipay", "2024",
        "\u{300}", "\u{FE00}", "\u{200D}", "\u{AD}", "\u{E0100}", "あ", "カタカナ", "한국", "😀", "'", ".", "-",
        // Unassigned code points of the Han blocks: no words.
        "\u{2F000}", "\u{FA6E}", "\u{2A6E0}",
    ]), 0..24)) {
        dictionary();
        let text: String = parts.concat();
        let fast: Vec<_> = words(&text).map(|w| (w.start, w.end, w.norm.into_owned())).collect();
        let slow: Vec<_> = reference_words(&text).map(|w| (w.start, w.end, w.norm.into_owned())).collect();
        proptest::prop_assert_eq!(fast, slow, "{:?}", text);
    }
}
