//! The same sentences of each script without spaces, cut natively
//! (engine/tests/segment.rs, japanese.rs, scripts.rs) and in the page's
//! WebAssembly (tests/browser.rs), and one digest of each sample's cuts:
//! both sides pin the same digests, so the two targets cut every sentence
//! byte for byte alike. Each test binary uses some of these.
#![allow(dead_code)]

/// A fixed linear congruential generator (the same on every target): a
/// number below `n`.
fn numbers(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    }
}

/// 3,000 sentences of 3 to `3 + most - 1` pieces, each from `extra` one
/// time in `odds` (if any), else from `words` (one of `words`' lists a
/// sentence, if several).
fn sentences(
    seed: u64,
    words: &[Vec<&str>],
    extra: &[&str],
    odds: usize,
    most: usize,
) -> Vec<String> {
    let mut next = numbers(seed);
    (0..3000)
        .map(|_| {
            let list = if words.len() > 1 {
                &words[next(words.len())]
            } else {
                &words[0]
            };
            let mut s = String::new();
            for _ in 0..3 + next(most) {
                if !extra.is_empty() && next(odds) == 0 {
                    s.push_str(extra[next(extra.len())]);
                } else {
                    s.push_str(list[next(list.len())]);
                }
            }
            s
        })
        .collect()
}

/// The words of a word-list file (`word cost` lines, `#` comments).
fn listed(file: &str) -> Vec<&str> {
    file.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split(' ').next())
        .collect()
}

/// 3,000 Chinese sentences made of the dictionary's own words, characters
/// it lacks, digits, Latin words and punctuation.
pub fn chinese(dictionary: &str) -> Vec<String> {
    let extra = [
        "，", "。", "Alipay", "2024", "的", "𠀀", "鑫", "“", "”", " ",
    ];
    sentences(0x2545_F491_4F6C_DD1D, &[listed(dictionary)], &extra, 5, 12)
}

/// Words, particles, endings and marks Japanese sentences are made of.
const PIECES: [&str; 72] = [
    "私",
    "東京",
    "大阪",
    "新幹線",
    "日本語",
    "文章",
    "単語",
    "会社",
    "銀行",
    "支払い",
    "電子",
    "決済",
    "市場",
    "中国",
    "人々",
    "時々",
    "毎日",
    "今年",
    "去年",
    "三月",
    "十五日",
    "百万円",
    "コンピューター",
    "スマートフォン",
    "アプリ",
    "サービス",
    "キャッシュレス",
    "ｶﾀｶﾅ",
    "の",
    "は",
    "が",
    "を",
    "に",
    "へ",
    "で",
    "と",
    "も",
    "から",
    "まで",
    "より",
    "です",
    "ます",
    "でした",
    "ました",
    "している",
    "された",
    "行く",
    "使う",
    "始めた",
    "増えて",
    "いる",
    "ある",
    "新しい",
    "大きな",
    "こと",
    "もの",
    "ため",
    "よう",
    "、",
    "。",
    "「",
    "」",
    "（",
    "）",
    " ",
    "Alipay",
    "QR",
    "2024",
    "年",
    "月",
    "々",
    "ー",
];

/// 3,000 Japanese sentences of [`PIECES`].
pub fn japanese() -> Vec<String> {
    sentences(0x9E37_79B9_7F4A_7C15, &[PIECES.to_vec()], &[], 1, 14)
}

/// 3,000 sentences of Thai, Lao, Khmer or Burmese (one script a sentence)
/// made of each list's own words, digits, Latin words, spaces and
/// punctuation. `lists`: the four word-list files.
pub fn scripts(lists: [&str; 4]) -> Vec<String> {
    let words: Vec<Vec<&str>> = lists.iter().map(|l| listed(l)).collect();
    let extra = [" ", "Alipay", "2024", "ๆ", "。", ",", "(", ")"];
    sentences(0x6A09_E667_F3BC_C908, &words, &extra, 6, 10)
}

/// FNV-1a of `bytes` (the hash a data file's version is: bench/version.py).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// An article of 2024 in `lang` whose body is one paragraph.
pub fn article(id: &str, lang: &'static str, body: &str) -> lens_engine::Article {
    let (id, body) = (id.to_string(), body.to_string());
    let mut a = lens_engine::Article::new(
        id.clone(),
        id,
        lens_engine::ArticleDate::parse("2024").unwrap(),
        vec![lens_engine::Block::Paragraph(body.into())],
    );
    a.language = lang.into();
    a
}

/// The ids of the articles `q` finds, sorted.
pub fn found(
    index: &lens_engine::index::Index,
    corpus: &lens_engine::Corpus,
    q: &str,
) -> Vec<String> {
    found_with_forms(index, corpus, q, false)
}

/// The ids of the articles `q` finds, sorted, with "Match word forms" as `forms`.
pub fn found_with_forms(
    index: &lens_engine::index::Index,
    corpus: &lens_engine::Corpus,
    q: &str,
    forms: bool,
) -> Vec<String> {
    use lens_engine::search::{query::parse, Order, SearchOptions};
    let m = index.matches(
        &parse(q).unwrap().query,
        SearchOptions { word_forms: forms },
    );
    let mut ids: Vec<String> = index
        .rank(&m, Order::Oldest)
        .iter()
        .map(|h| corpus.articles()[h.doc].id.to_string())
        .collect();
    ids.sort();
    ids
}

/// What a search for `q` marks in the first block of article `id`: the
/// marked pieces of its text, in order.
pub fn marked(
    index: &lens_engine::index::Index,
    corpus: &lens_engine::Corpus,
    q: &str,
    id: &str,
) -> Vec<String> {
    use lens_engine::search::{highlight::mark_article, query::parse, SearchOptions};
    let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
    let (d, a) = corpus.find(id).unwrap();
    let marks = mark_article(a, &index.match_spans(&m, d));
    let text = a.body[0].text();
    marks.blocks[0]
        .iter()
        .map(|r| text[r.range.clone()].to_string())
        .collect()
}

/// The corpus' word counts, the index's lengths and the tokenizer agree
/// on every article.
pub fn assert_counts_agree(corpus: &lens_engine::Corpus, index: &lens_engine::index::Index) {
    use lens_engine::text::tokenize::word_count;
    for (i, a) in corpus.articles().iter().enumerate() {
        assert_eq!(corpus.word_count(i), word_count(&a.text()));
        assert_eq!(index.doc(i).len as usize, word_count(&a.text()));
    }
}

/// FNV-1a of every word's byte span and normal form (`text`: its text, not
/// its normal form), sentence by sentence.
pub fn digest(sentences: &[String], text: bool) -> u64 {
    let mut all: Vec<u8> = Vec::new();
    let mut eat = |bytes: &[u8]| all.extend_from_slice(bytes);
    for s in sentences {
        for w in lens_engine::text::tokenize::words(s) {
            eat(&(w.start as u32).to_le_bytes());
            eat(&(w.end as u32).to_le_bytes());
            if text {
                // Natively a normal form is taken in NFC, in the page not
                // (the page's text is in NFC already; these sentences of
                // marks need not be).
                eat(&s.as_bytes()[w.start..w.end]);
            } else {
                eat(w.norm.as_bytes());
            }
        }
        eat(b"\n");
    }
    fnv1a(&all)
}

/// The digests both targets must give (written from the native cuts; a new
/// dictionary, list or rule gives new ones: print them with `cargo test -p
/// lens-engine --all-features --test segment --test japanese --test
/// scripts -- --nocapture`).
pub const CHINESE: u64 = 0xdb18_d739_ddf1_e789;
/// See [`CHINESE`].
pub const JAPANESE: u64 = 0x36a3_5c0a_fe60_5f01;
/// See [`CHINESE`].
pub const SCRIPTS: u64 = 0xca44_d66d_f929_175a;
