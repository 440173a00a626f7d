//! The Contexts engine against naive computations on generated corpora:
//! every occurrence once and in order, each sort order against a naive sort,
//! collocate counts against a naive window scan that honours titles,
//! headings and paragraphs, and the measures against their formulas.

mod common;

use std::collections::BTreeMap;

use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::SearchOptions;
use lens_engine::stats::contexts::{
    collocates, dispersion, number_in_article, occurrences, sort, CollocateJob, Counted,
    Occurrence, SortJob, SortKey, Window,
};
use lens_engine::stats::measures::table_g2;
use lens_engine::stats::words::count_words;
use lens_engine::stats::words::CountJob;
use lens_engine::steps::Steps;
use lens_engine::text::lexicon::is_stop_word;
use lens_engine::text::lexicon::StopChoice;
use lens_engine::text::tokenize::words;
use lens_engine::Corpus;
use proptest::prelude::*;

const VOCAB: &[&str] = &["war", "peace", "the", "of", "tax", "pay", "ai"];

fn corpus() -> impl Strategy<Value = Corpus> {
    common::corpus(common::Shape {
        vocab: VOCAB,
        title: 0..3,
        blocks: 1..4,
        block_words: 0..12,
        headings: true,
        years: 2000..2004,
        sources: &[],
        tags: &[],
        articles: 1..8,
    })
}

/// Naive occurrences of a word or phrase: (doc, part, index in it), a part
/// being the title or the body (a search phrase may cross paragraphs, not
/// the title's end: the rule in docs/query-language.md).
fn naive_occurrences(corpus: &Corpus, phrase: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (d, a) in corpus.articles().iter().enumerate() {
        let st = common::stretches(a);
        let parts = [st[0].clone(), st[1..].concat()];
        for (s, ws) in parts.iter().enumerate() {
            for i in 0..ws.len() {
                if ws.len() - i >= phrase.len()
                    && ws[i..i + phrase.len()]
                        .iter()
                        .zip(phrase)
                        .all(|(a, b)| a == b)
                {
                    out.push((d, s, i));
                }
            }
        }
    }
    out
}

/// A line's sort key worked out naively from the article's words in reading
/// order (title, then blocks, across boundaries): `key` 1 the match, 2 the
/// word `n` left, 3 the word `n` right, else none (the article's order).
fn naive_sort_key(corpus: &Corpus, o: &Occurrence, key: usize, n: u8) -> Option<String> {
    let ws = common::stretches(&corpus.articles()[o.doc as usize]).concat();
    let t = words(&corpus.articles()[o.doc as usize].title).count() as u32;
    // Index positions skip one place for the break after the title.
    let i = if o.start > t { o.start - 1 } else { o.start } as i64;
    match key {
        1 => Some(ws[i as usize..i as usize + o.width as usize].join(" ")),
        2 => {
            let j = i - n as i64;
            (j >= 0).then(|| ws[j as usize].clone())
        }
        3 => ws
            .get((i + o.width as i64 - 1 + n as i64) as usize)
            .cloned(),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn each_occurrence_once_in_order_and_sorted_as_asked(corpus in corpus(), phrase in prop::collection::vec(0..VOCAB.len(), 1..3), key in 0usize..4, n in 1u8..4) {
        let index = Index::new(&corpus);
        let words_: Vec<&str> = phrase.iter().map(|&i| VOCAB[i]).collect();
        let q = if words_.len() == 1 { words_[0].to_string() } else { format!("\"{}\"", words_.join(" ")) };
        let m = index.matches(&parse(&q).unwrap().query, SearchOptions::default());
        let mut lines = occurrences(&index, &m, &m.docs);
        let want = naive_occurrences(&corpus, &words_);
        prop_assert_eq!(lines.len(), want.len(), "every match once");
        prop_assert!(lines.windows(2).all(|w| (w[0].doc, w[0].start) < (w[1].doc, w[1].start)), "in date order, then position");
        for (i, o) in lines.iter().enumerate() {
            let before = lines[..i].iter().filter(|x| x.doc == o.doc).count();
            prop_assert_eq!(number_in_article(&lines, o), before, "a match's number in its article");
        }
        let naive_key = |o: &Occurrence| naive_sort_key(&corpus, o, key, n);
        let sk = [SortKey::Article, SortKey::Match, SortKey::Left(n), SortKey::Right(n)][key];
        let mut naive = lines.clone();
        naive.sort_by(|a, b| naive_key(a).cmp(&naive_key(b)).then((a.doc, a.start).cmp(&(b.doc, b.start))));
        sort(&index, &mut lines, &[sk]);
        prop_assert_eq!(lines, naive);
    }

    #[test]
    fn a_sort_by_several_keys_in_steps_matches_a_naive_sort(corpus in corpus(), word in 0..VOCAB.len(), pair in (0..VOCAB.len(), 0..VOCAB.len()), keys in prop::collection::vec((0usize..4, 1u8..4), 1..4), run in 1usize..6) {
        // Matches of different widths: a word or a two-word phrase.
        let index = Index::new(&corpus);
        let q = format!("{} OR \"{} {}\"", VOCAB[word], VOCAB[pair.0], VOCAB[pair.1]);
        let m = index.matches(&parse(&q).unwrap().query, SearchOptions::default());
        let lines = occurrences(&index, &m, &m.docs);
        let naive_key = |o: &Occurrence, key: usize, n: u8| naive_sort_key(&corpus, o, key, n);
        // After the article's own order no key counts: (doc, start) is unique.
        let upto = keys.iter().position(|k| k.0 == 0).unwrap_or(keys.len());
        let naive_keys = |o: &Occurrence| -> Vec<Option<String>> {
            keys[..upto].iter().map(|&(k, n)| naive_key(o, k, n)).collect()
        };
        let mut naive = lines.clone();
        naive.sort_by(|a, b| naive_keys(a).cmp(&naive_keys(b)).then((a.doc, a.start).cmp(&(b.doc, b.start))));
        let sks: Vec<SortKey> = keys.iter().map(|&(k, n)| [SortKey::Article, SortKey::Match, SortKey::Left(n), SortKey::Right(n)][k]).collect();
        // In the smallest steps (the clock always says stop), with short runs to merge.
        let mut job = SortJob::new(&index, lines.clone(), &sks, None).run_size(run);
        let mut steps = 0;
        while !job.step(&mut || false) { steps += 1; prop_assert!(steps < 100_000); }
        prop_assert_eq!(job.finish(), naive.clone());
        // And all at once, through `sort`.
        let mut at_once = lines.clone();
        sort(&index, &mut at_once, &sks);
        prop_assert_eq!(at_once, naive);
    }

    #[test]
    fn collocates_match_a_naive_window_scan(corpus in corpus(), node in 0..VOCAB.len(), left in 0usize..4, right in 0usize..4, stop: bool) {
        let index = Index::new(&corpus);
        let m = index.matches(&parse(VOCAB[node]).unwrap().query, SearchOptions::default());
        let all = DocSet::full(corpus.articles().len());
        let lines = occurrences(&index, &m, &all);
        let counts = count_words(&index, &all);
        let node_id = index.term_id(VOCAB[node]).into_iter().collect::<Vec<_>>();
        let got = collocates(&index, &lines, &counts, &node_id, Window { left, right, stop: StopChoice::lists(stop), min: 1 });
        let mut want: BTreeMap<String, usize> = BTreeMap::new();
        for a in corpus.articles() {
            for ws in common::stretches(a) {
                for (i, w) in ws.iter().enumerate() {
                    if w != VOCAB[node] { continue; }
                    let lo = i.saturating_sub(left);
                    for (j, x) in ws.iter().enumerate().take((i + 1 + right).min(ws.len())).skip(lo) {
                        if j == i || x == VOCAB[node] || (stop && is_stop_word(x)) { continue; }
                        *want.entry(x.clone()).or_default() += 1;
                    }
                }
            }
        }
        // The same in the smallest steps, counting the selection's words itself.
        let mut job = CollocateJob::new(&index, std::sync::Arc::new(lines.clone()), Counted::Count(Box::new(CountJob::new(&index, &all))), &node_id, Window { left, right, stop: StopChoice::lists(stop), min: 1 });
        while !job.step(&mut || false) {}
        prop_assert_eq!(job.finish(), got.clone());
        let got_counts: BTreeMap<String, usize> = got.iter().map(|c| (index.term(c.term).to_string(), c.with_node)).collect();
        prop_assert_eq!(got_counts, want);
        let (fx, n, w) = (lines.len() as f64, counts.words as f64, (left + right) as f64);
        for c in &got {
            let (fxy, fy) = (c.with_node as f64, c.total as f64);
            let e = fx * fy * w / n;
            prop_assert!((c.log_dice - (14.0 + (2.0 * fxy / (fx + fy)).log2())).abs() < 1e-9);
            prop_assert!((c.mi - (fxy / e).log2()).abs() < 1e-9);
            prop_assert!((c.t_score - (fxy - e) / fxy.sqrt()).abs() < 1e-9);
            // G² signed by observed minus expected: repelled words are negative.
            let sign = if fxy < e { -1.0 } else { 1.0 };
            prop_assert!((c.g2 - sign * table_g2(fxy, w * fx - fxy, fy - fxy, n - w * fx - fy + fxy)).abs() < 1e-9);
            prop_assert!((c.expected - e).abs() < 1e-9);
            prop_assert!(c.t_score * c.g2 >= 0.0, "G² and the T-score agree on the direction");
        }
        let disp = dispersion(&index, &lines);
        prop_assert_eq!(disp.iter().map(|d| d.at.len()).sum::<usize>(), lines.len());
        prop_assert!(disp.iter().all(|d| d.at.iter().all(|&x| (0.0..1.0).contains(&x))));
    }
}

#[test]
fn table_g2_matches_a_hand_computed_value() {
    // O = [[10, 20], [30, 940]]: rows 30, 970; columns 40, 960; total 1000.
    // E11 = 1.2, E12 = 28.8, E21 = 38.8, E22 = 931.2.
    let want = 2.0
        * (10.0 * (10.0f64 / 1.2).ln()
            + 20.0 * (20.0f64 / 28.8).ln()
            + 30.0 * (30.0f64 / 38.8).ln()
            + 940.0 * (940.0f64 / 931.2).ln());
    assert!((table_g2(10.0, 20.0, 30.0, 940.0) - want).abs() < 1e-9);
    assert_eq!(table_g2(0.0, 0.0, 0.0, 0.0), 0.0);
    assert!(
        table_g2(5.0, -3.0, 1.0, 10.0).is_finite(),
        "a negative cell counts as 0"
    );
}

#[test]
fn a_line_shows_its_context_as_written_and_marks_boundaries() {
    use lens_engine::index::layout::BOUNDARY;
    use lens_engine::stats::contexts::line_text;
    let corpus = common::one_article("War and Peace", &["One, two: three.", "Tax the rich, now!"]);
    let index = Index::new(&corpus);
    let m = index.matches(&parse("tax").unwrap().query, SearchOptions::default());
    let lines = occurrences(&index, &m, &m.docs);
    assert_eq!(lines.len(), 1);
    let t = line_text(&index, &corpus.articles()[0], &lines[0], 3);
    assert_eq!(t.matched, "Tax");
    assert_eq!(
        t.left,
        format!("One, two: three.{BOUNDARY}"),
        "the boundary before the match is marked, the paragraph's full stop kept"
    );
    assert_eq!(t.right, " the rich, now");
    let t = line_text(&index, &corpus.articles()[0], &lines[0], 5);
    assert_eq!(
        t.left,
        format!("and Peace{BOUNDARY}One, two: three.{BOUNDARY}")
    );
}

#[test]
fn a_line_keeps_the_punctuation_next_to_the_match() {
    use lens_engine::stats::contexts::line_text;
    let corpus = common::one_article(
        "T",
        &["It grew in the external market. Alipay will soon lead AI-related tools. However, WeChat won."],
    );
    let index = Index::new(&corpus);
    let a = &corpus.articles()[0];
    let line = |q: &str, k: usize| {
        let m = index.matches(&parse(q).unwrap().query, SearchOptions::default());
        let lines = occurrences(&index, &m, &m.docs);
        assert_eq!(lines.len(), 1, "{q}");
        line_text(&index, a, &lines[0], k)
    };
    let t = line("alipay", 2);
    assert_eq!(
        (t.left.as_str(), t.matched.as_str(), t.right.as_str()),
        ("external market. ", "Alipay", " will soon")
    );
    let t = line("ai", 1);
    assert_eq!((t.left.as_str(), t.right.as_str()), ("lead ", "-related"));
    let t = line("wechat", 1);
    assert_eq!((t.left.as_str(), t.right.as_str()), ("However, ", " won"));
    // At the article's end and start: the full stop, the opening quote.
    let t = line("won", 2);
    assert_eq!(t.right, ".");
    let corpus2 = common::one_article("T", &["“Alipay grows,” he said.", "It grew."]);
    let index2 = Index::new(&corpus2);
    let m = index2.matches(&parse("alipay").unwrap().query, SearchOptions::default());
    let lines2 = occurrences(&index2, &m, &m.docs);
    let t = line_text(&index2, &corpus2.articles()[0], &lines2[0], 1);
    assert_eq!(
        (t.left.as_str(), t.right.as_str()),
        (
            format!("T{}“", lens_engine::index::layout::BOUNDARY).as_str(),
            " grows"
        )
    );
    let m = index2.matches(&parse("said").unwrap().query, SearchOptions::default());
    let lines2 = occurrences(&index2, &m, &m.docs);
    let t = line_text(&index2, &corpus2.articles()[0], &lines2[0], 2);
    assert_eq!(
        t.right,
        format!(".{}It grew", lens_engine::index::layout::BOUNDARY),
        "the paragraph's full stop, then the next"
    );
    // Each line's three parts are the article's own bytes, back to back.
    let t = line("\"soon lead\"", 3);
    let whole = format!("{}{}{}", t.left, t.matched, t.right);
    assert!(a.body[0].text().contains(&whole), "{whole:?}");
}

/// The case a reader met: a word common in the selection but seldom near
/// the node is repelled. Its G² is negative, and ordered by G² it comes
/// after every attracted word, not near the top.
#[test]
fn a_repelled_word_has_a_negative_g2_and_comes_last() {
    use lens_engine::stats::contexts::{collocates, node_terms, CollocateMeasure, Window};
    let mut paragraphs = vec!["alipay wallet launch"; 20];
    paragraphs
        .extend(["internet internet internet internet internet internet internet internet"; 30]);
    paragraphs.push("internet alipay");
    let corpus = common::one_article("T", &paragraphs);
    let index = Index::new(&corpus);
    let q = parse("alipay").unwrap().query;
    let m = index.matches(&q, SearchOptions::default());
    let lines = occurrences(&index, &m, &m.docs);
    let counts = lens_engine::stats::words::count_words(&index, &m.docs);
    let window = Window {
        left: 2,
        right: 2,
        stop: StopChoice::lists(false),
        min: 1,
    };
    let mut found = collocates(
        &index,
        &lines,
        &counts,
        &node_terms(&index, &q, false),
        window,
    );
    CollocateMeasure::G2.sort(&mut found);
    let names: Vec<&str> = found.iter().map(|c| index.term(c.term)).collect();
    assert_eq!(names.last(), Some(&"internet"), "{names:?}");
    let internet = found.last().unwrap();
    assert!(internet.g2 < -3.84, "repelled, and surely: {}", internet.g2);
    assert!(internet.mi < 0.0 && internet.t_score < 0.0);
    assert!((internet.with_node as f64) < internet.expected);
    assert!(found[0].g2 > 0.0);
}

#[test]
fn near_keeps_the_lines_with_the_word_in_their_window() {
    use lens_engine::stats::contexts::{near, node_terms};
    let corpus = common::one_article("T", &["war and peace, war of words", "tax war"]);
    let index = Index::new(&corpus);
    let q = parse("war").unwrap().query;
    let m = index.matches(&q, SearchOptions::default());
    let lines = occurrences(&index, &m, &m.docs);
    assert_eq!(lines.len(), 3);
    let peace = index.term_id("peace").unwrap();
    assert_eq!(
        near(&index, &lines, peace, 2, 2).len(),
        2,
        "both wars of the first paragraph"
    );
    assert_eq!(near(&index, &lines, peace, 0, 2).len(), 1, "right only");
    let words_ = index.term_id("words").unwrap();
    assert_eq!(
        near(&index, &lines, words_, 5, 5).len(),
        2,
        "never across the paragraph: not the tax war"
    );
    assert_eq!(
        node_terms(&index, &q, false),
        vec![index.term_id("war").unwrap()]
    );
    let p = parse("wa* -peace").unwrap().query;
    assert_eq!(
        node_terms(&index, &p, false),
        vec![index.term_id("war").unwrap()],
        "not the - clause"
    );
}
