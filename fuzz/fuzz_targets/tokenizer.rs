//! Words of any text, with every segmenter installed (the Chinese
//! dictionary, the Japanese model, the Thai, Lao, Khmer and Burmese word
//! lists): offsets on char boundaries, in order, each word with a letter or
//! digit and its normalised form what `normalize` gives for its span; the
//! fast paths give exactly the words of the reference (UAX #29, then each
//! run cut).
#![no_main]

use lens_engine::text::japanese::{install_japanese, Model, JAPANESE_MODEL};
use lens_engine::text::segment::{install_chinese, Dictionary, Script, CHINESE_WORDS};
use lens_engine::text::tokenize::{normalize, reference_words, words};
use libfuzzer_sys::fuzz_target;

fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        install_chinese(Dictionary::parse(CHINESE_WORDS).unwrap());
        install_japanese(Model::parse(JAPANESE_MODEL).unwrap());
        for s in Script::ALL {
            s.install_words(Dictionary::parse(s.embedded_words()).unwrap());
        }
    });
}

fuzz_target!(|data: &[u8]| {
    install();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut last = 0;
    for w in words(text) {
        assert!(w.start >= last && w.start < w.end && w.end <= text.len());
        assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        assert!(text[w.start..w.end].chars().any(char::is_alphanumeric));
        assert_eq!(normalize(&text[w.start..w.end]), w.norm);
        assert!(!w.norm.is_empty());
        last = w.end;
    }
    assert!(words(text).eq(reference_words(text)));
});
