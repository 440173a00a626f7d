//! The seed corpus keeps every sentence of its seeds' article text, in order.
//!
//! Reads `../shared/seeds/` (beside the repository) when it is there; without
//! it the test says it was skipped, loudly, instead of passing in silence.
//! Each seed is listed with the chrome that curation dropped: whatever is not
//! listed here must still be in the article.

use std::path::{Path, PathBuf};

use lens_engine::corpus::load::load_corpus_dir;

struct Seed {
    file_prefix: &'static str,
    id: &'static str,
    /// The seed's first line is the title (`None`: the source gives none).
    title_line: bool,
    /// Lines dropped as chrome (exact, after trimming): each entry removes one occurrence.
    dropped: &'static [&'static str],
    /// Everything from the first line starting with this is chrome.
    tail_from: Option<&'static str>,
}

const SEEDS: &[Seed] = &[
    Seed {
        file_prefix: "000_",
        id: "alipay-dilemma-2024",
        title_line: true,
        dropped: &["12/30 2024 376"],
        tail_from: Some("Solemnly declare:"),
    },
    Seed { file_prefix: "001_", id: "anxious-alipay-2025", title_line: false, dropped: &["01/08 2025 367"], tail_from: None },
    Seed { file_prefix: "002_", id: "breakthrough-in-the-siege-2013", title_line: true, dropped: &[], tail_from: Some("Branch >") },
    Seed {
        file_prefix: "003_",
        id: "real-name-social-2015",
        title_line: true,
        // The title line stands twice at the top.
        dropped: &["Alipay challenges real-name social networking, what is the success rate?"],
        tail_from: Some("<<:"),
    },
    Seed {
        file_prefix: "004_",
        id: "rich-strangers-nearby-2016",
        title_line: true,
        // The image caption stands twice: it is kept once.
        dropped: &[
            "· 2016.09.22",
            "(Chinese Version)",
            "Alipay released a short video and “launched” Alipay Everywhere on April Fool’s Day, 2015",
        ],
        tail_from: Some("(Like our Facebook page"),
    },
];

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

/// Sentences of a text: split after `.`, `?`, `!` or `。` followed by white space or the end.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        if matches!(c, '.' | '?' | '!' | '。') && chars.peek().is_none_or(|n| n.is_whitespace()) {
            out.push(std::mem::take(&mut cur));
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| squash(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Without white space, so that mended paragraph joins compare equal.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_seed_sentence_is_in_its_article_in_order() {
    let dir = seeds_dir();
    // The test command says when it found the seeds beside the repository:
    // then this check must run, not skip (a wrong path would pass in silence).
    if std::env::var_os("LENS_SEEDS_PRESENT").is_some() {
        assert!(
            dir.is_dir(),
            "the test command found the seeds, this test does not: {}",
            dir.display()
        );
    }
    if !dir.is_dir() {
        eprintln!(
            "SKIPPED every_seed_sentence_is_in_its_article_in_order: {} not found",
            dir.display()
        );
        return;
    }
    let corpus = load_corpus_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus"))
        .expect("the seed corpus loads");
    assert_eq!(corpus.articles().len(), SEEDS.len());
    for seed in SEEDS {
        let path = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with(seed.file_prefix)
            })
            .unwrap_or_else(|| panic!("no seed {}*", seed.file_prefix));
        let raw = std::fs::read_to_string(&path).unwrap();
        let (_, article) = corpus
            .find(seed.id)
            .unwrap_or_else(|| panic!("no article {}", seed.id));
        let mut lines: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if seed.title_line {
            assert_eq!(
                lines[0], article.title,
                "{}: the seed's title line is the title",
                seed.id
            );
            lines.remove(0);
        }
        if let Some(tail) = seed.tail_from {
            let at = lines
                .iter()
                .position(|l| l.starts_with(tail))
                .unwrap_or_else(|| panic!("{}: no {tail:?}", seed.id));
            lines.truncate(at);
        }
        for dropped in seed.dropped {
            let at = lines
                .iter()
                .position(|l| l == dropped)
                .unwrap_or_else(|| panic!("{}: no line {dropped:?}", seed.id));
            lines.remove(at);
        }
        let body: String = article.body.iter().map(|b| squash(b.text())).collect();
        let mut cursor = 0;
        let mut checked = 0;
        for line in lines {
            for sentence in sentences(line) {
                match body[cursor..].find(&sentence) {
                    Some(at) => cursor += at + sentence.len(),
                    None => panic!(
                        "{}: sentence missing or out of order: {sentence:?} (found {} before it: {})",
                        seed.id,
                        checked,
                        if body.contains(&sentence) { "it is earlier in the body" } else { "not in the body" }
                    ),
                }
                checked += 1;
            }
        }
        assert!(
            checked > 10,
            "{}: only {checked} sentences checked",
            seed.id
        );
    }
}

#[test]
fn sentences_split_where_a_reader_would() {
    assert_eq!(
        sentences("One. Two? 3.5 stays! Yes。"),
        ["One.", "Two?", "3.5stays!", "Yes。"]
    );
}
