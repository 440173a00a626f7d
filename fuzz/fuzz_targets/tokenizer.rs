//! Words of any text: offsets on char boundaries, in order, and each word's
//! normalised form is what `normalize` gives for its span; the ASCII fast
//! path gives exactly the words of plain UAX #29 segmentation.
#![no_main]

use lens_engine::text::tokenize::{normalize, reference_words, words};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut last = 0;
    for w in words(text) {
        assert!(w.start >= last && w.start < w.end && w.end <= text.len());
        assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        assert_eq!(normalize(&text[w.start..w.end]), w.norm);
        assert!(!w.norm.is_empty());
        last = w.end;
    }
    assert!(words(text).eq(reference_words(text)));
});
