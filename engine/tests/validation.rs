//! Every kind of bad corpus fails with its file, its line and what is wrong.
//! Fixtures: `tests/corpora/<case>/` at the repository root.

use std::path::PathBuf;

use lens_engine::corpus::load::{load_corpus_dir, Problem};

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/corpora")
        .join(case)
}

fn problems(case: &str) -> Vec<Problem> {
    match load_corpus_dir(&fixture(case)) {
        Ok(c) => panic!(
            "{case}: loaded {} articles, expected problems",
            c.articles().len()
        ),
        Err(p) => p,
    }
}

/// Asserts the problems are exactly these: (file name, line, words in the message).
fn expect(case: &str, want: &[(&str, Option<usize>, &str)]) {
    let got = problems(case);
    let shown: Vec<String> = got.iter().map(|p| p.to_string()).collect();
    assert_eq!(got.len(), want.len(), "{case}: {shown:#?}");
    for (p, (file, line, words)) in got.iter().zip(want) {
        assert!(
            p.file.ends_with(&format!("{case}/{file}"))
                || (file.is_empty() && p.file.ends_with(case)),
            "{case}: file of {p}"
        );
        assert_eq!(p.line, *line, "{case}: line of {p}");
        assert!(
            p.message.contains(words),
            "{case}: {p:?} should say {words:?}"
        );
        // The printed form names file and line, as a compiler would.
        let printed = p.to_string();
        assert!(printed.starts_with(&p.file));
        if let Some(l) = line {
            assert!(printed.contains(&format!(":{l}: ")), "{printed}");
        }
    }
}

#[test]
fn missing_required_key() {
    expect(
        "missing-key",
        &[("article.md", Some(1), "missing required key `date`")],
    );
}

#[test]
fn unknown_keys_each_with_a_suggestion() {
    expect(
        "unknown-key",
        &[
            (
                "article.md",
                Some(4),
                "unknown key `tagz`; did you mean `tags`?",
            ),
            (
                "article.md",
                Some(5),
                "unknown key `languge`; did you mean `language`?",
            ),
        ],
    );
}

#[test]
fn bad_date() {
    expect(
        "bad-date",
        &[("article.md", Some(4), "the month must be 01 to 12")],
    );
}

#[test]
fn empty_body() {
    expect("empty-body", &[("article.md", Some(5), "empty body")]);
}

#[test]
fn invalid_utf8_names_line_and_column() {
    expect(
        "invalid-utf8",
        &[(
            "article.md",
            Some(6),
            "invalid UTF-8 at column 4 (byte 0xe9)",
        )],
    );
}

#[test]
fn duplicate_id_ignoring_case() {
    expect(
        "duplicate-id",
        &[("alipay.md", None, "duplicate id \"alipay\"")],
    );
}

#[test]
fn empty_corpus() {
    expect("empty-corpus", &[("", None, "empty corpus")]);
}

#[test]
fn front_matter_fences() {
    expect(
        "no-front-matter",
        &[("article.md", Some(1), "must start with a `+++` line")],
    );
    expect(
        "unclosed-front-matter",
        &[("article.md", Some(1), "never closed")],
    );
}

#[test]
fn toml_syntax_error_points_at_its_line() {
    let p = problems("toml-syntax");
    assert!(!p.is_empty());
    assert!(
        p.iter().all(|p| p.message.starts_with("TOML syntax")),
        "{p:?}"
    );
    assert_eq!(p[0].line, Some(2), "{p:?}");
}

#[test]
fn files_that_are_not_articles_are_named_not_skipped() {
    expect("stray-file", &[("notes.txt", None, "not an article")]);
}

#[test]
fn every_bad_value_in_one_file_is_reported() {
    expect(
        "bad-values",
        &[
            ("article.md", Some(2), "`title` is empty"),
            ("article.md", Some(3), "bad date: a float"),
            ("article.md", Some(4), "not a BCP 47 tag"),
            ("article.md", Some(5), "a tag is empty"),
            ("article.md", Some(5), "tag \"AI\" is listed twice"),
            (
                "article.md",
                Some(5),
                "each tag must be a string, not a integer",
            ),
            ("article.md", Some(6), "`source` must be a string"),
        ],
    );
}

#[test]
fn corpus_toml_is_validated_too() {
    expect(
        "bad-corpus-toml",
        &[
            (
                "corpus.toml",
                Some(2),
                "unknown key `descripton`; did you mean `description`?",
            ),
            (
                "corpus.toml",
                Some(3),
                "`language` \"not a tag\" is not a BCP 47 tag",
            ),
            (
                "corpus.toml",
                Some(4),
                "each stop word must be a string, not a integer",
            ),
        ],
    );
}

#[test]
fn problems_in_several_files_are_all_reported() {
    expect(
        "several-files",
        &[
            ("a.md", Some(3), "February 2016 has 29 days"),
            ("b.md", Some(1), "missing required key `title`"),
        ],
    );
}

#[test]
fn the_accepted_forms_load() {
    let corpus = load_corpus_dir(&fixture("valid")).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(corpus.info().name, "Fixture");
    assert_eq!(
        corpus.info().description.as_deref(),
        Some("All the accepted forms.")
    );
    let ids: Vec<_> = corpus.articles().iter().map(|a| &*a.id).collect();
    assert_eq!(ids, ["integer-year", "toml-date", "bom-crlf"], "date order");
    let (_, a) = corpus.find("integer-year").unwrap();
    assert_eq!(a.display_date(), "2013 (est.)");
    assert_eq!(a.language, "zh-Hans");
    assert_eq!(a.url(), Some("https://example.org/a"));
    let (i, t) = corpus.find("toml-date").unwrap();
    assert_eq!(t.display_date(), "22 September 2016");
    assert_eq!(t.language, "en-GB", "the corpus' language");
    assert_eq!(corpus.info().language.as_deref(), Some("en-GB"));
    assert_eq!(
        corpus.info().stop_words,
        ["according", "said"],
        "normalised, once each"
    );
    assert_eq!(t.body[1].text(), "First <b>para</b>.", "HTML stays text");
    // Title "A TOML date literal" (4) + "Heading" (1) + "First <b>para</b>." (First, b, para, b).
    assert_eq!(corpus.word_count(i), 4 + 1 + 4);
    let (_, b) = corpus.find("bom-crlf").unwrap();
    assert_eq!(b.title, "With a byte-order mark");
    assert_eq!(b.body[0].text(), "Windows line ends.");
}

#[test]
fn a_missing_folder_is_a_problem_not_a_panic() {
    let p = problems("no-such-folder");
    assert!(
        p[0].message.contains("cannot read the corpus folder"),
        "{p:?}"
    );
}

/// A fresh folder for a generated corpus (removed when dropped).
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!("lens-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        TempDir(d)
    }
    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.0.join(name), text).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const ARTICLE: &str = "+++\ntitle = \"T\"\ndate = \"2020\"\n+++\n\nText.\n";

fn load_problems(dir: &TempDir) -> Vec<Problem> {
    load_corpus_dir(&dir.0).expect_err("problems expected")
}

/// A file name with a line break once reached cargo's standard output and
/// was read as directives; ids are now a safe set, and every message is one line.
#[test]
fn ids_are_letters_digits_dash_underscore_and_dot() {
    let d = TempDir::new("ids");
    d.write("ok-1_2.x.md", ARTICLE);
    d.write("x\ncargo:rustc-env=PWNED=1\ny.md", ARTICLE);
    d.write("with space.md", ARTICLE);
    d.write("ünïcode.md", ARTICLE);
    let p = load_problems(&d);
    assert_eq!(p.len(), 3, "{p:#?}");
    for p in &p {
        assert!(p.message.contains("cannot be an id"), "{p}");
        assert!(!p.to_string().contains('\n'), "one line: {p}");
    }
    assert!(lens_engine::corpus::load::is_valid_id("ok-1_2.x"));
    assert!(!lens_engine::corpus::load::is_valid_id(".hidden"));
}

/// Only regular files inside the folder are read: a FIFO does not hang the
/// build, a link to /dev/zero or out of the folder is refused, a link to a
/// file inside it is read.
#[cfg(unix)]
#[test]
fn only_regular_files_inside_the_folder_are_read() {
    use std::os::unix::fs::symlink;
    let d = TempDir::new("types");
    d.write(".original.md", ARTICLE);
    symlink(d.0.join(".original.md"), d.0.join("alias.md")).unwrap();
    let ok = load_corpus_dir(&d.0).expect("a link inside the folder is read");
    assert_eq!(ok.articles()[0].id, "alias");
    let status = std::process::Command::new("mkfifo")
        .arg(d.0.join("pipe.md"))
        .status()
        .unwrap();
    assert!(status.success());
    symlink("/dev/zero", d.0.join("zero.md")).unwrap();
    symlink("/etc/passwd", d.0.join("passwd.md")).unwrap();
    let p = load_problems(&d);
    let said = |file: &str| {
        p.iter()
            .find(|p| p.file.ends_with(file))
            .unwrap_or_else(|| panic!("{file}: {p:#?}"))
            .message
            .clone()
    };
    assert!(said("pipe.md").contains("not a regular file"));
    assert!(said("zero.md").contains("outside the corpus folder"));
    assert!(said("passwd.md").contains("outside the corpus folder"));
    assert_eq!(p.len(), 3, "{p:#?}");
}

#[test]
fn a_file_over_the_size_limit_is_a_problem() {
    let d = TempDir::new("size");
    let big = format!(
        "{ARTICLE}{}",
        "word ".repeat((lens_engine::corpus::load::MAX_FILE_BYTES / 5 + 1) as usize)
    );
    d.write("big.md", &big);
    let p = load_problems(&d);
    assert_eq!(p.len(), 1);
    assert!(p[0].message.contains("more than the 16 MiB"), "{}", p[0]);
}

/// Many problems of one kind in one file: each of the first few, then one
/// line for the rest; found in linear time (100,000 unknown keys took 121 s).
#[test]
fn repeated_problems_are_summed_up_and_found_quickly() {
    let d = TempDir::new("many");
    let keys: String = (0..20_000).map(|i| format!("k{i} = 1\n")).collect();
    d.write(
        "keys.md",
        &format!("+++\ntitle = \"T\"\ndate = \"2020\"\n{keys}+++\n\nText.\n"),
    );
    let tags: String = (0..20_000).map(|_| "\"a\", ").collect();
    d.write(
        "tags.md",
        &format!("+++\ntitle = \"T\"\ndate = \"2020\"\ntags = [{tags}]\n+++\n\nText.\n"),
    );
    let bad: String = (0..20_000).map(|i| format!("= {i}\n")).collect();
    d.write("toml.md", &format!("+++\n{bad}+++\n\nText.\n"));
    let p = load_problems(&d);
    let of = |f: &str| p.iter().filter(|p| p.file.ends_with(f)).collect::<Vec<_>>();
    let keys = of("keys.md");
    assert_eq!(keys.len(), 6, "{keys:#?}");
    assert!(
        keys[5].message.contains("and 19995 more unknown keys"),
        "{}",
        keys[5]
    );
    assert_eq!(keys[0].line, Some(4));
    let tags = of("tags.md");
    assert_eq!(tags.len(), 6, "{tags:#?}");
    assert!(
        tags[5].message.contains("more repeated tags"),
        "{}",
        tags[5]
    );
    let toml = of("toml.md");
    assert!(
        toml.len() <= 6 && toml[0].message.contains("TOML syntax"),
        "{toml:#?}"
    );
}

/// One case fold for the loader and the index: "Ärger" and "ärger", "K" and
/// the Kelvin sign are one tag, so the facet cannot count 3 for 2 articles.
#[test]
fn tags_differing_only_by_unicode_case_are_repeats() {
    for (a, b) in [
        ("Ärger", "ärger"),
        ("K", "\u{212A}"),
        ("Cafe\u{301}", "café"),
    ] {
        let d = TempDir::new("fold");
        d.write(
            "a.md",
            &format!(
                "+++\ntitle = \"T\"\ndate = \"2020\"\ntags = [\"{a}\", \"{b}\"]\n+++\n\nText.\n"
            ),
        );
        let p = load_problems(&d);
        assert!(p[0].message.contains("listed twice"), "{a} {b}: {p:#?}");
    }
}
