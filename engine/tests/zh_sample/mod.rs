//! The same Chinese sentences, cut natively (engine/tests/segment.rs) and in
//! the page's WebAssembly (tests/browser.rs), and one digest of the cuts:
//! both tests pin the same digest, so the two targets cut every sentence
//! byte for byte alike.

/// 3,000 sentences made of the dictionary's own words, characters it lacks,
/// digits, Latin words and punctuation, chosen by a fixed linear
/// congruential generator (the same on every target).
pub fn sentences(dictionary: &str) -> Vec<String> {
    let words: Vec<&str> = dictionary
        .lines()
        .skip(1)
        .filter_map(|l| l.split(' ').next())
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    let extra = [
        "，", "。", "Alipay", "2024", "的", "𠀀", "鑫", "“", "”", " ",
    ];
    (0..3000)
        .map(|_| {
            let mut s = String::new();
            for _ in 0..3 + next(12) {
                if next(5) == 0 {
                    s.push_str(extra[next(extra.len())]);
                } else {
                    s.push_str(words[next(words.len())]);
                }
            }
            s
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

/// The digest both targets must give (written from the native cut; a new
/// dictionary or rule gives a new one: print it with
/// `cargo test -p lens-engine --all-features --test segment -- --nocapture`).
pub const DIGEST: u64 = 0xdb18_d739_ddf1_e789;
