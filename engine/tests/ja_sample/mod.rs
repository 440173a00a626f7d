//! The same Japanese sentences, cut natively (engine/tests/japanese.rs) and
//! in the page's WebAssembly (tests/browser.rs), with the Chinese dictionary
//! and the Japanese model installed (as the page does for a Japanese
//! corpus), and one digest of the cuts: both tests pin the same digest, so
//! the two targets cut every sentence byte for byte alike.

/// Words, particles, endings and marks sentences are made of.
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

/// 3,000 sentences of [`PIECES`], chosen by a fixed linear congruential
/// generator (the same on every target).
pub fn sentences() -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    (0..3000)
        .map(|_| {
            (0..3 + next(14))
                .map(|_| PIECES[next(PIECES.len())])
                .collect()
        })
        .collect()
}

/// FNV-1a of every word's byte span and normal form, sentence by sentence.
pub fn digest(sentences: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in sentences {
        for w in lens_engine::text::tokenize::words(s) {
            eat(&(w.start as u32).to_le_bytes());
            eat(&(w.end as u32).to_le_bytes());
            eat(w.norm.as_bytes());
        }
        eat(b"\n");
    }
    h
}

/// The digest both targets must give (written from the native cut: print
/// it with `cargo test -p lens-engine --all-features --test japanese --
/// --nocapture`).
pub const DIGEST: u64 = 0x36a3_5c0a_fe60_5f01;
