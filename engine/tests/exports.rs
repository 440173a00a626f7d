//! Every export read back with a real CSV reader (the `csv` crate): each
//! parses, has a field per column on every record, guards every text cell
//! a spreadsheet would take for a formula (by the cell's type: a title
//! `-Infinity` stays text), and says what it was made from in columns from
//! which the reader can recompute its measures with docs/statistics.md.

use lens_engine::corpus::period::Grain;
use lens_engine::index::docset::DocSet;
use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::SearchOptions;
use lens_engine::stats::contexts::{
    collocate_table, collocates, concordance_table, node_terms, occurrences, Window,
};
use lens_engine::stats::measures::SIGNIFICANCE;
use lens_engine::stats::trends::{parse_keywords, trend_table, Measure};
use lens_engine::stats::words::{
    count_words, frequency_table, keyword_table, keywords, phrase_table, phrases, rising_falling,
    rising_falling_table, word_rows, KeynessSettings, ListOptions,
};
use lens_engine::stats::Provenance;
use lens_engine::{Article, ArticleDate, Block, Corpus, CorpusInfo};

/// Titles and text a spreadsheet would misread, over three years.
fn corpus() -> Corpus {
    let titles = [
        "-Infinity",
        "+nan",
        "=HYPERLINK(\"http://x\")",
        "@SUM(A1)",
        "Tabs, \"quotes\"\tand commas",
        "1e5",
    ];
    let body = "-5 degrees, +3 more: the war and peace of pay, war again and war; \
                =cmd pay war peace tax. @home the war went on, peace came.";
    let articles = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let date = ArticleDate {
                year: 2013 + (i as u16 % 3),
                month: None,
                day: None,
            };
            let text = format!("{body} {} war {}", "peace ".repeat(i), "tax ".repeat(5 - i));
            Article::new(
                format!("a{i}"),
                *t,
                date,
                vec![Block::Paragraph(text.into())],
            )
        })
        .collect();
    let info = CorpusInfo {
        name: "=Corpus, \"hostile\"".into(),
        description: None,
        ..Default::default()
    };
    Corpus::new(info, articles)
}

/// docs/statistics.md's G² of a word seen `a` times in `c` words and `b`
/// times in `d`: E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
/// G² = 2(a ln(a/E1) + b ln(b/E2)), written here from the formula.
fn dunning(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let t = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (t(a, e1) + t(b, e2))
}

/// A parsed export: its header and records.
struct Parsed {
    header: Vec<String>,
    records: Vec<Vec<String>>,
}

impl Parsed {
    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.header))
    }
    fn num(&self, r: usize, name: &str) -> f64 {
        let v = &self.records[r][self.col(name)];
        v.parse()
            .unwrap_or_else(|_| panic!("{name} = {v:?} is not a number"))
    }
}

/// Reads `csv` with the `csv` crate (strict: every record as long as the
/// header), and checks what every export promises.
fn read(csv: &str, what: &str) -> Parsed {
    assert!(csv.ends_with("\r\n"), "{what}: CRLF line ends");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let mut names = header.clone();
    names.sort();
    names.dedup();
    assert_eq!(
        names.len(),
        header.len(),
        "{what}: no column named twice: {header:?}"
    );
    let records: Vec<Vec<String>> = r
        .records()
        .map(|rec| {
            rec.unwrap_or_else(|e| panic!("{what}: {e}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    for rec in &records {
        for cell in rec {
            // A cell that starts as a formula would is a number (bare), never text.
            if cell.starts_with(['=', '+', '-', '@']) {
                let digits = cell[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.');
                assert!(
                    cell.starts_with('-') && cell.len() > 1 && digits,
                    "{what}: unguarded text cell {cell:?}"
                );
            }
        }
    }
    for name in ["Search", "Corpus"] {
        let i = header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{what}: no {name} column"));
        assert!(
            records.iter().all(|rec| rec[i] == records[0][i]),
            "{what}: {name} the same on every row"
        );
    }
    let corpus_col = header.iter().position(|h| h == "Corpus").unwrap();
    if let Some(rec) = records.first() {
        assert_eq!(
            rec[corpus_col], "'=Corpus, \"hostile\"",
            "{what}: the corpus, guarded"
        );
    }
    Parsed { header, records }
}

fn setup() -> (Corpus, Index, DocSet, Provenance) {
    let c = corpus();
    let ix = Index::new(&c);
    let all = DocSet::full(c.articles().len());
    let from = Provenance {
        corpus: c.info().name.clone(),
        search: "-peace".into(),
        stop_lists: ix.describe_stop_lists(),
        sample: String::new(),
    };
    (c, ix, all, from)
}

#[test]
fn trends_reads_back_with_every_period_and_its_settings() {
    let (c, ix, all, from) = setup();
    let kw = parse_keywords("war, \"war and peace\"").unwrap();
    let table = trend_table(&c, &ix, &kw, &all, SearchOptions::default(), Grain::Year);
    let p = read(&table.to_csv(Measure::Per10k, 1, &from), "trends");
    assert_eq!(p.header[..3], ["Year", "war", "\"war and peace\""]);
    assert_eq!(p.records.len(), table.rows.len());
    assert_eq!(p.records[0][p.col("Grain")], "Year");
    assert_eq!(p.records[0][p.col("Measure")], "Per 10,000 words");
    assert_eq!(p.records[0][p.col("Smoothing")], "1");
    assert_eq!(
        p.records[0][p.col("Search")],
        "'-peace",
        "a search starting with - is text, guarded"
    );
}

#[test]
fn word_lists_read_back_and_keywords_recompute_from_their_columns() {
    let (c, ix, all, from) = setup();
    let opts = ListOptions::default();
    let counts = count_words(&ix, &all);
    let rows = word_rows(&ix, &counts, &opts);
    let p = read(
        &frequency_table(&rows, counts.words, &opts, "pa", &from).to_csv(),
        "frequencies",
    );
    assert_eq!(p.records.len(), rows.len());
    assert_eq!(p.records[0][p.col("Filter")], "pa");
    assert_eq!(p.num(0, "Words in selection") as usize, counts.words);
    assert_eq!(
        p.records[0][p.col("Stop words")],
        "Left out: English (Corpus Lens' own list)"
    );
    // The reader's own edits are said too.
    let edited = ListOptions {
        stop: lens_engine::text::lexicon::StopChoice::edited(true, "War, peace", "the"),
        ..ListOptions::default()
    };
    let p = read(
        &frequency_table(
            &word_rows(&ix, &counts, &edited),
            counts.words,
            &edited,
            "",
            &from,
        )
        .to_csv(),
        "frequencies, edited",
    );
    assert_eq!(
        p.records[0][p.col("Stop words")],
        "Left out: English (Corpus Lens' own list); added: peace, war; kept: the"
    );
    assert!(p.records.iter().all(|r| r[p.col("Word")] != *"war"));
    assert!(p.records.iter().any(|r| r[p.col("Word")] == *"the"));

    // The selection: the first three articles; the reference: the rest.
    let mut sel = DocSet::empty(c.articles().len());
    (0..3).for_each(|d| sel.insert(d));
    let sc = count_words(&ix, &sel);
    let rc = counts.minus(&sc);
    let sig = SIGNIFICANCE[0];
    let (over, under) = keywords(&ix, &sc, &rc, &opts, 0.0);
    assert!(!over.is_empty() && !under.is_empty(), "something to export");
    let k = KeynessSettings {
        reference: "Rest of the corpus".into(),
        selection_words: sc.words,
        reference_words: rc.words,
        significance: sig,
        opts: opts.clone(),
    };
    let p = read(
        &keyword_table(&over, &under, &k, &from).to_csv(),
        "keywords",
    );
    assert_eq!(p.records.len(), over.len() + under.len());
    for r in 0..p.records.len() {
        // docs/statistics.md: E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)).
        let (a, b) = (p.num(r, "Selection"), p.num(r, "Reference"));
        let (cw, dw) = (p.num(r, "Selection words"), p.num(r, "Reference words"));
        let g2 = dunning(a, b, cw, dw);
        assert!(
            (g2 - p.num(r, "G²")).abs() < 1e-3,
            "row {r}: G² {g2} from the columns"
        );
        let z = |x: f64| if x == 0.0 { 0.5 } else { x };
        let lr = ((z(a) / cw) / (z(b) / dw)).log2();
        assert!(
            (lr - p.num(r, "Log ratio")).abs() < 1e-3,
            "row {r}: log ratio"
        );
    }
    assert_eq!(p.records[0][p.col("Compared with")], "Rest of the corpus");
    assert_eq!(p.records[0][p.col("Significance")], "p < 0.05");

    let edges = lens_engine::text::lexicon::StopChoice::lists(true);
    let ph = phrases(&ix, &all, 2, 2, &edges);
    let p = read(&phrase_table(&ph, 2, 2, &edges, &from).to_csv(), "phrases");
    assert_eq!(p.records.len(), ph.len());
    assert_eq!(p.num(0, "Phrase length"), 2.0);

    let rf = rising_falling(&ix, &all, &counts, opts.clone(), 1, 10, Grain::Year).unwrap();
    let p = read(
        &rising_falling_table(&rf, &opts, &from).to_csv(),
        "rising and falling",
    );
    assert_eq!(p.records.len(), rf.rising.len() + rf.falling.len());
    for y in &rf.periods {
        p.col(&y.label());
    }
    assert_eq!(p.records[0][p.col("Grain")], "Year");
    p.col("Slope per year");
}

#[test]
fn concordance_and_collocates_read_back_and_collocates_recompute() {
    let (c, ix, all, from) = setup();
    let q = parse("war").unwrap().query;
    let m = ix.matches(&q, SearchOptions::default());
    let lines = occurrences(&ix, &m, &all);
    let p = read(
        &concordance_table(&ix, c.articles(), &lines, 3, "war", &from).to_csv(),
        "concordance",
    );
    assert_eq!(p.records.len(), lines.len());
    let titles: Vec<&str> = c.articles().iter().map(|a| &*a.title).collect();
    for rec in &p.records {
        let shown = &rec[p.col("Title")];
        let title = shown
            .strip_prefix('\'')
            .filter(|t| t.starts_with(['=', '+', '-', '@']))
            .unwrap_or(shown);
        assert!(
            titles.contains(&title),
            "{shown:?} is a title, guarded at most"
        );
        if title.starts_with(['=', '+', '-', '@']) {
            assert_eq!(
                shown,
                &format!("'{title}"),
                "a title read as a formula is guarded"
            );
        }
    }
    assert_eq!(p.records[0][p.col("Node")], "war");
    assert_eq!(p.num(0, "Context words"), 3.0);

    let counts = count_words(&ix, &all);
    let window = Window {
        left: 2,
        right: 3,
        stop: lens_engine::text::lexicon::StopChoice::lists(true),
        min: 1,
    };
    let nodes = node_terms(&ix, &q, false);
    let found = collocates(&ix, &lines, &counts, &nodes, window.clone());
    assert!(!found.is_empty());
    let t = collocate_table(
        &ix,
        &found,
        "war",
        lines.len(),
        counts.words,
        &window,
        &from,
    );
    let p = read(&t.to_csv(), "collocates");
    assert_eq!(p.records.len(), found.len());
    for r in 0..p.records.len() {
        // docs/statistics.md, from the export's own columns.
        let (fxy, fy) = (p.num(r, "With node"), p.num(r, "Total"));
        let fx = p.num(r, "Node frequency");
        let n = p.num(r, "Words in selection");
        let w = p.num(r, "Window left") + p.num(r, "Window right");
        let e = fx * fy * w / n;
        assert!((p.num(r, "Expected") - e).abs() < 1e-3, "row {r}: expected");
        let log_dice = 14.0 + (2.0 * fxy / (fx + fy)).log2();
        let mi = (fxy / e).log2();
        let t = (fxy - e) / fxy.sqrt();
        let cells = [fxy, w * fx - fxy, fy - fxy, n - w * fx - fy + fxy].map(|c: f64| c.max(0.0));
        let total: f64 = cells.iter().sum();
        let (rows, cols) = (
            [cells[0] + cells[1], cells[2] + cells[3]],
            [cells[0] + cells[2], cells[1] + cells[3]],
        );
        let g2 = 2.0
            * (0..4)
                .map(|i| {
                    let e = rows[i / 2] * cols[i % 2] / total;
                    if cells[i] > 0.0 {
                        cells[i] * (cells[i] / e).ln()
                    } else {
                        0.0
                    }
                })
                .sum::<f64>()
            * if fxy < e { -1.0 } else { 1.0 };
        for (name, want) in [
            ("logDice", log_dice),
            ("MI", mi),
            ("T-score", t),
            ("G² (signed)", g2),
        ] {
            assert!(
                (p.num(r, name) - want).abs() < 1e-3,
                "row {r}: {name} {want} from the columns"
            );
        }
    }
}

#[test]
fn comparison_lists_read_back_and_their_g2_recomputes() {
    use lens_engine::stats::compare::{compare, comparison_table, CompareOptions};
    let c = corpus();
    let ix = Index::new(&c);
    let opts = CompareOptions {
        list_len: usize::MAX,
        ..CompareOptions::default()
    };
    let cmp = compare(&ix, 0, 5, opts.clone());
    let from = Provenance {
        corpus: c.info().name.clone(),
        search: String::new(),
        stop_lists: ix.describe_stop_lists(),
        sample: String::new(),
    };
    let t = comparison_table(&cmp, "a0", "a5", &opts.words, &from);
    let p = read(&t.to_csv(), "comparison");
    // Figures from a sample say so in a column of their own, before the corpus.
    let sampled = Provenance {
        sample: "sample of 40 of 1,234 articles".into(),
        ..from.clone()
    };
    let s = read(
        &comparison_table(&cmp, "a0", "a5", &opts.words, &sampled).to_csv(),
        "comparison",
    );
    assert_eq!(s.col("Sample") + 1, s.col("Corpus"));
    assert!(s
        .records
        .iter()
        .all(|r| r[s.col("Sample")] == "sample of 40 of 1,234 articles"));
    assert!(!p.header.iter().any(|h| h == "Sample"));
    let listed = cmp.shared.len() + cmp.distinctive_left.len() + cmp.distinctive_right.len();
    assert_eq!(p.records.len(), listed);
    assert!(listed > 0);
    for r in 0..p.records.len() {
        let (a, b) = (p.num(r, "Left"), p.num(r, "Right"));
        let (cw, dw) = (p.num(r, "Left words"), p.num(r, "Right words"));
        let g2 = dunning(a, b, cw, dw);
        assert!((g2 - p.num(r, "G²")).abs() < 1e-3, "row {r}");
        let list = &p.records[r][p.col("List")];
        // A shared word is below the threshold; a distinctive one is used more on its side.
        match list.as_str() {
            "Shared" => assert!(g2 < p.num(r, "Shared when G² below")),
            "Distinctive to left" => assert!(a / cw > b / dw),
            "Distinctive to right" => assert!(b / dw > a / cw),
            other => panic!("list {other:?}"),
        }
        assert!((p.num(r, "Left per 10,000") - a / cw * 1e4).abs() < 1e-3);
    }
}
