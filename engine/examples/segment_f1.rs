//! Word F1 of the Chinese segmenter against a segmented text in the PKU
//! standard (People's Daily, January 1998: `word/tag` separated by two
//! spaces, a paragraph a line), as `bench/segment-f1.sh` fetches it:
//! `cargo run --release -p lens-engine --features zh-dict --example
//! segment_f1 -- bench/data/download/199801.txt`.
//!
//! Scored over the words the tokenizer gives (punctuation, tagged `/w`, is
//! no word of either side): a word is right when the gold text has a word
//! with exactly its span. Printed: precision, recall and F1 with each Han
//! character a word (no dictionary), then with the dictionary.

use std::collections::HashSet;

use lens_engine::text::segment::{install_chinese, Dictionary, CHINESE_WORDS};
use lens_engine::text::tokenize::words;

/// A line's text and its gold words' byte spans (punctuation left out).
fn gold(line: &str) -> (String, HashSet<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = HashSet::new();
    for item in line.split("  ").filter(|s| !s.trim().is_empty()) {
        let (word, tag) = item.trim().rsplit_once('/').unwrap_or((item.trim(), ""));
        // Bracketed compounds ([中国/ns 人民/n]nt) count by their parts.
        let word = word.trim_start_matches('[');
        let start = text.len();
        text.push_str(word);
        if !tag.starts_with('w') {
            spans.insert((start, text.len()));
        }
    }
    (text, spans)
}

fn score(lines: &[(String, HashSet<(usize, usize)>)]) -> (f64, f64, f64) {
    let (mut right, mut said, mut wanted) = (0usize, 0usize, 0usize);
    for (text, spans) in lines {
        let got: Vec<(usize, usize)> = words(text).map(|w| (w.start, w.end)).collect();
        said += got.len();
        wanted += spans.len();
        right += got.iter().filter(|s| spans.contains(s)).count();
    }
    let p = right as f64 / said.max(1) as f64;
    let r = right as f64 / wanted.max(1) as f64;
    (
        100.0 * p,
        100.0 * r,
        100.0 * 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE),
    )
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: segment_f1 PATH_TO_199801.txt");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8");
    let lines: Vec<_> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(gold)
        .collect();
    let chars: usize = lines.iter().map(|(t, _)| t.chars().count()).sum();
    println!("{path}: {} paragraphs, {chars} characters", lines.len());
    let t = std::time::Instant::now();
    let (p, r, f) = score(&lines);
    let took = t.elapsed();
    println!(
        "each Han character a word: precision {p:.1}, recall {r:.1}, F1 {f:.1}; in {took:.0?} ({:.0} ns a character)",
        took.as_nanos() as f64 / chars as f64
    );
    let t = std::time::Instant::now();
    install_chinese(Dictionary::parse(CHINESE_WORDS).expect("the engine's dictionary"));
    let load = t.elapsed();
    let t = std::time::Instant::now();
    let (p, r, f) = score(&lines);
    let took = t.elapsed();
    println!(
        "the dictionary ({load:.0?} to load): precision {p:.1}, recall {r:.1}, F1 {f:.1}; segmented in {took:.0?} ({:.0} ns a character)",
        took.as_nanos() as f64 / chars as f64
    );
}
