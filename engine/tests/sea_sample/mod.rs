//! The same Thai, Lao, Khmer and Burmese sentences, cut natively
//! (engine/tests/scripts.rs) and in the page's WebAssembly
//! (tests/browser.rs), with the four word lists installed, and one digest of
//! the cuts: both tests pin the same digest, so the two targets cut every
//! sentence byte for byte alike.

/// 3,000 sentences made of each list's own words (one script a sentence),
/// digits, Latin words, spaces and punctuation, chosen by a fixed linear
/// congruential generator (the same on every target). `lists` are the
/// four word-list files.
pub fn sentences(lists: [&str; 4]) -> Vec<String> {
    let words: Vec<Vec<&str>> = lists
        .iter()
        .map(|l| {
            l.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split(' ').next())
                .collect()
        })
        .collect();
    let mut state: u64 = 0x6A09_E667_F3BC_C908;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    let extra = [" ", "Alipay", "2024", "ๆ", "。", ",", "(", ")"];
    (0..3000)
        .map(|_| {
            let list = &words[next(4)];
            let mut s = String::new();
            for _ in 0..3 + next(10) {
                if next(6) == 0 {
                    s.push_str(extra[next(extra.len())]);
                } else {
                    s.push_str(list[next(list.len())]);
                }
            }
            s
        })
        .collect()
}

/// FNV-1a of every word's byte span and text, sentence by sentence (not its
/// normal form: natively it is taken in NFC, in the page it is not, the
/// page's text being in NFC already; these sentences need not be).
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
            eat(&s.as_bytes()[w.start..w.end]);
        }
        eat(b"\n");
    }
    h
}

/// The digest both targets must give (written from the native cut: print
/// it with `cargo test -p lens-engine --all-features --test scripts --
/// --nocapture`).
pub const DIGEST: u64 = 0xca44_d66d_f929_175a;
