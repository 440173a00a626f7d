//! Word F1 of the segmenters (Chinese, Japanese, Thai …) against a segmented
//! text: in the PKU standard (People's Daily, January 1998: `word/tag`
//! separated by two spaces, a paragraph a line), as `bench/segment-f1.sh`
//! fetches it, or a Universal Dependencies treebank (`.conllu`: UD
//! Japanese-GSD, UD Chinese-GSDSimp, UD Thai-PUD):
//! `cargo run --release -p lens-engine --features zh-dict,ja-model,sea-words
//! --example segment_f1 -- bench/data/download/199801.txt [FILE.conllu …]`.
//!
//! Scored over the words the tokenizer gives (punctuation, tagged `/w` or
//! `PUNCT`, is no word of either side): a word is right when the gold text
//! has a word with exactly its span. Printed per file: precision, recall
//! and F1 with UAX #29 alone (each Han character a word), then with the
//! Chinese dictionary, then with the Japanese model too. (A process
//! installs a segmenter for good: the files are read in that order.)

use std::collections::HashSet;

use lens_engine::text::japanese::{install_japanese, Model, JAPANESE_MODEL};
use lens_engine::text::segment::{install_chinese, Dictionary, Script, CHINESE_WORDS};
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

/// A UD treebank's sentences: each one's text (its words' forms, a space
/// after those not marked `SpaceAfter=No`) and its words' byte spans
/// (punctuation and symbols left out).
fn conllu(text: &str) -> Vec<(String, HashSet<(usize, usize)>)> {
    let mut out = Vec::new();
    let (mut sentence, mut spans) = (String::new(), HashSet::new());
    for line in text.lines() {
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                out.push((std::mem::take(&mut sentence), std::mem::take(&mut spans)));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        // Words only: not multiword-token ranges (1-2) nor empty nodes (1.1).
        if cols.len() < 10 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let (form, upos, misc) = (cols[1], cols[3], cols[9]);
        let start = sentence.len();
        sentence.push_str(form);
        if upos != "PUNCT" && upos != "SYM" && form.chars().any(char::is_alphanumeric) {
            spans.insert((start, sentence.len()));
        }
        if !misc.split('|').any(|m| m == "SpaceAfter=No") {
            sentence.push(' ');
        }
    }
    if !sentence.is_empty() {
        out.push((sentence, spans));
    }
    out
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
    let paths: Vec<String> = std::env::args().skip(1).collect();
    assert!(
        !paths.is_empty(),
        "usage: segment_f1 PATH_TO_199801.txt [FILE.conllu …]"
    );
    let files: Vec<(String, Vec<_>)> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("readable UTF-8");
            let lines = if path.ends_with(".conllu") {
                conllu(&text)
            } else {
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(gold)
                    .collect()
            };
            (path.clone(), lines)
        })
        .collect();
    let report = |what: &str| {
        for (path, lines) in &files {
            let chars: usize = lines.iter().map(|(t, _)| t.chars().count()).sum();
            let t = std::time::Instant::now();
            let (p, r, f) = score(lines);
            let took = t.elapsed();
            println!(
                "{path} ({} sentences or paragraphs, {chars} characters), {what}: precision {p:.1}, recall {r:.1}, F1 {f:.1}; in {took:.0?} ({:.0} ns a character)",
                lines.len(),
                took.as_nanos() as f64 / chars as f64
            );
        }
    };
    report("UAX #29 alone");
    let t = std::time::Instant::now();
    install_chinese(Dictionary::parse(CHINESE_WORDS).expect("the engine's dictionary"));
    println!("(the Chinese dictionary read in {:.0?})", t.elapsed());
    report("the Chinese dictionary");
    let t = std::time::Instant::now();
    install_japanese(Model::parse(JAPANESE_MODEL).expect("the engine's model"));
    println!("(the Japanese model read in {:.0?})", t.elapsed());
    report("the Chinese dictionary and the Japanese model");
    let t = std::time::Instant::now();
    for script in Script::ALL {
        script
            .install_words(Dictionary::parse(script.embedded_words()).expect("the engine's list"));
    }
    println!("(the four word lists read in {:.0?})", t.elapsed());
    report("all segmenters (and the Thai, Lao, Khmer and Burmese word lists)");
}
