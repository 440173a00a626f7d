//! Any bytes as an article file: an article or a list of problems, each with a
//! message and a line inside the file; never a panic.
#![no_main]

use lens_engine::corpus::load::parse_article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse_article("fuzz", "fuzz.md", data) {
        Ok(a) => assert!(!a.title.is_empty() && !a.body.is_empty()),
        Err(problems) => {
            assert!(!problems.is_empty());
            let lines = data.iter().filter(|&&b| b == b'\n').count() + 2;
            for p in problems {
                assert!(!p.message.is_empty());
                assert!(p.line.is_none_or(|l| l >= 1 && l <= lines), "{p} (file has {lines} lines)");
            }
        }
    }
});
