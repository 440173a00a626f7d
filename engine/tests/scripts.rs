//! Thai, Lao, Khmer and Burmese words: each script's word list cuts its
//! runs in the one tokenizer (never inside a letter's cluster), and a
//! query's text is found however the list cut it. This test binary
//! installs the four lists (a process holds each for good).

mod samples;
use samples::article;

use lens_engine::index::Index;
use lens_engine::text::segment::{Dictionary, Script};
use lens_engine::text::tokenize::{reference_words, words};
use lens_engine::{Corpus, CorpusInfo};

fn install() {
    for s in Script::ALL {
        if s.words().is_none() {
            s.install_words(Dictionary::parse(s.embedded_words()).unwrap());
        }
    }
}

fn cut(text: &str) -> Vec<String> {
    install();
    words(text).map(|w| w.norm.into_owned()).collect()
}

#[test]
fn each_list_is_fetched_by_its_version() {
    for s in Script::ALL {
        let h = samples::fnv1a(s.embedded_words().as_bytes());
        assert!(
            s.words_path().ends_with(&format!("-words.txt?v={h:016x}")),
            "run python3 bench/make_sea_dicts.py: it writes the lists and their versions ({s:?})"
        );
    }
}

#[test]
fn sentences_are_cut_into_words() {
    assert_eq!(cut("ฉันรักภาษาไทย"), ["ฉัน", "รัก", "ภาษา", "ไทย"]);
    assert_eq!(
        cut("การชำระเงินผ่านโทรศัพท์มือถือ"),
        ["การ", "ชำระ", "เงิน", "ผ่าน", "โทรศัพท์มือถือ"]
    );
    assert_eq!(cut("ລາວເປັນປະເທດ"), ["ລາວ", "ເປັນ", "ປະເທດ"]);
    assert_eq!(cut("ខ្ញុំស្រឡាញ់ភាសាខ្មែរ"), ["ខ្ញុំ", "ស្រឡាញ់", "ភាសាខ្មែរ"]);
    assert_eq!(cut("မြန်မာနိုင်ငံ"), ["မြန်မာနိုင်ငံ"]);
    // Latin words, digits and spaces end a run, as UAX #29 makes them.
    assert_eq!(
        cut("Alipay ในประเทศไทย 2024"),
        ["alipay", "ใน", "ประเทศ", "ไทย", "2024"]
    );
    // A cluster is never cut: a word the list lacks falls into whole
    // letters with their marks, SARA AM with its letter (UAX #29 splits
    // them), a Khmer or Myanmar letter written below with the one above.
    assert_eq!(cut("ฬำ"), ["ฬำ"]);
    for text in ["ฉันชอบขฺ์ญฬำ", "ฬำฬำฬำ", "ស្រស្រស្រ", "ក្ខក្ខ", "က္ကက္က", "ລຳລຳ"]
    {
        let words = cut(text);
        assert_eq!(words.concat(), text);
        let marks = ['\u{E31}', '\u{E33}', '\u{EB3}', '\u{17D2}', '\u{1039}'];
        for w in &words {
            let first = w.chars().next().unwrap();
            assert!(
                !marks.contains(&first)
                    && !('\u{E34}'..='\u{E3A}').contains(&first)
                    && !('\u{E47}'..='\u{E4E}').contains(&first),
                "{text}: {words:?}"
            );
        }
        for pair in words.windows(2) {
            let last = pair[0].chars().next_back().unwrap();
            assert!(
                last != '\u{17D2}' && last != '\u{1039}',
                "{text}: {words:?}"
            );
        }
    }
}

proptest::proptest! {
    /// With the lists installed, the tokenizer gives the words of the
    /// reference (UAX #29, then each run cut) on text mixing the scripts
    /// with every kind of neighbour.
    #[test]
    fn the_fast_path_is_the_reference_on_any_mix(parts in proptest::collection::vec(proptest::sample::select(vec![
        "ภาษา", "ไทย", "ประเทศ", "เงิน", "ๆ", "\u{E48}", "ລາວ", "ປະເທດ", "ខ្មែរ", "ភាសា", "ៗ", "မြန်မာ", "နိုင်ငံ",
        "၁၂", "๑๒", "中国", "の", " ", "\n", "a", "Alipay", "2024", "_", "\u{300}", "\u{200D}", "😀", "'", ".", ",",
    ]), 0..24)) {
        install();
        let text: String = parts.concat();
        let fast: Vec<_> = words(&text).map(|w| (w.start, w.end, w.norm.into_owned())).collect();
        let slow: Vec<_> = reference_words(&text).map(|w| (w.start, w.end, w.norm.into_owned())).collect();
        proptest::prop_assert_eq!(fast, slow, "{:?}", text);
    }
}

/// What [`Unspaced`] says of `text`, found by reading every character.
fn unspaced_by_chars(text: &str) -> (bool, bool, Vec<Script>) {
    let han = text.chars().any(lens_engine::text::segment::is_han);
    let kana = text.chars().any(lens_engine::text::japanese::is_kana);
    let scripts = Script::ALL
        .into_iter()
        .filter(|&s| text.chars().any(|c| Script::of(c) == Some(s)))
        .collect();
    (han, kana, scripts)
}

proptest::proptest! {
    /// The page's one pass over a corpus' bytes (eight at a time, reading
    /// only characters whose first byte is 0xE0 or more, skipping Han's own
    /// once Han is found) says what reading every character says, on text
    /// of every script near the edges of its eight-byte steps, the
    /// supplementary planes and the bytes next to the ones it looks for.
    #[test]
    fn the_one_pass_finds_what_reading_every_character_finds(parts in proptest::collection::vec(proptest::sample::select(vec![
        "a", "é", "\u{2014}", "\u{201C}", "\u{7FF}", "\u{800}", "ไทย", "ລາວ", "ខ្មែរ", "မြန်မာ", "\u{AA60}", "\u{A9E0}",
        "中", "国", "\u{3400}", "\u{9FFF}", "\u{F900}", "\u{20000}", "\u{3134F}", "\u{1F600}", "の", "カ", "々", "\u{31F0}",
        "\u{FF66}", "\u{FF0C}", "。", "、", "\u{3000}", "\u{E000}", "\u{FFFD}", "\u{10FFFF}", "1234567",
    ]), 0..40)) {
        let text: String = parts.concat();
        let found = lens_engine::text::segment::Unspaced::of(&text);
        let (han, kana, scripts) = unspaced_by_chars(&text);
        proptest::prop_assert_eq!((found.han, found.kana, found.scripts()), (han, kana, scripts), "{:?}", text);
    }
}

#[test]
fn a_corpus_says_what_its_titles_and_texts_have_in_one_pass() {
    let corpus = Corpus::new(
        CorpusInfo::named("mixed"),
        vec![
            article("en", "en", "Payments in 2024 \u{2014} “quoted”"),
            article("zh", "zh", "支付宝推出新功能。"),
            article("ja", "ja", "東京へ行きます"),
            article("th", "th", "มือถือ"),
        ],
    );
    let found = corpus.unspaced();
    assert!(found.han && found.kana && found.any());
    assert_eq!(found.scripts(), [Script::Thai]);
    assert_eq!((corpus.has_han(), corpus.has_kana()), (true, true));
    // Latin text alone has none.
    let latin = Corpus::new(
        CorpusInfo::named("en"),
        vec![article("en", "en", "Payments — “quoted” café")],
    );
    assert!(!latin.unspaced().any() && !latin.has_unspaced_text());
}

#[test]
fn search_marks_and_counts_agree_on_thai_words() {
    install();
    let corpus = Corpus::new(
        CorpusInfo::named("th"),
        vec![
            article("th1", "th", "การชำระเงินผ่านโทรศัพท์มือถือในประเทศไทย"),
            article("th2", "th", "ฉันรักภาษาไทย มือถือของฉันใหม่"),
            article("km1", "km", "ខ្ញុំស្រឡាញ់ភាសាខ្មែរ"),
        ],
    );
    let index = Index::new(&corpus);
    let found = |q: &str| samples::found(&index, &corpus, q);
    // มือถือ is a word in th2 and inside the list's word โทรศัพท์มือถือ in th1.
    assert_eq!(found("มือถือ"), ["th1", "th2"]);
    // ภาษาไทย is two words, ภาษา / ไทย, in the article and in the query.
    assert_eq!(found("ภาษาไทย"), ["th2"]);
    assert_eq!(found("ภาษา"), ["th2"]);
    assert_eq!(found("ภาษาខ្មែរ"), Vec::<String>::new());
    assert_eq!(found("ខ្មែរ"), ["km1"]);
    let marked = samples::marked(&index, &corpus, "มือถือ", "th1");
    assert_eq!(marked, ["โทรศัพท์มือถือ"]);
    samples::assert_counts_agree(&corpus, &index);
    assert_eq!(corpus.scripts(), [Script::Thai, Script::Khmer]);
}

#[test]
fn the_cut_of_three_thousand_sentences_is_pinned_natively_as_in_the_page() {
    install();
    let lists = Script::ALL.map(Script::embedded_words);
    let sentences = samples::scripts(lists);
    let digest = samples::digest(&sentences, true);
    println!("digest of the cut: {digest:#018x}");
    assert_eq!(digest, samples::SCRIPTS, "tests/browser.rs pins the same");
}
