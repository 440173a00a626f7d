//! Importing a reader's own files (issue #25, first step: plain text and
//! Markdown), on small fixtures written here from each format's rules.

use lens_engine::corpus::load::is_valid_id;
use lens_engine::import::dates::NumericOrder;
use lens_engine::import::{import, ImportFile, ImportOptions, Report};
use lens_engine::index::Index;
use lens_engine::search::query::parse;
use lens_engine::search::SearchOptions;
use lens_engine::{ArticleDate, Corpus, CorpusInfo};

/// A Word document of these paragraphs (the first styled `Title`), created at `created`.
fn word(paragraphs: &[&str], created: &str) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let style = if i == 0 {
                "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>"
            } else {
                ""
            };
            format!("<w:p>{style}<w:r><w:t>{p}</w:t></w:r></w:p>")
        })
        .collect();
    let document = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
    let core = format!("<cp:coreProperties xmlns:cp=\"c\" xmlns:dcterms=\"d\"><dcterms:created>{created}</dcterms:created></cp:coreProperties>");
    lens_engine::import::zip::write(&[
        ("word/document.xml".into(), document.into_bytes()),
        ("docProps/core.xml".into(), core.into_bytes()),
    ])
}

/// A folder as a reader would drop it.
fn folder() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("drop/word/memo.docx", word(&["A memo", "The memo's text."], "2021-06-01T09:00:00Z")),
        ("drop/word/report-2018.docx", word(&["A report", "The report's text."], "2021-06-01T09:00:00Z")),
        ("drop/word/not-word.docx", b"plain text named .docx".to_vec()),
        ("drop/news/2016-09-22-alipay-social.txt", b"Alipay turns social\n\nAlipay launched a feed.\nIts users were not amused.\n".to_vec()),
        ("drop/news/Alipay social (copy).txt", b"Alipay turns social\n\nAlipay launched a feed.\nIts users were not amused.\n".to_vec()),
        ("drop/notes/undated.txt", b"A note with no date anywhere.\n".to_vec()),
        ("drop/md/yaml.md", b"---\ntitle: WeChat Pay grows\ndate: 22 septembre 2016\ntags: [payments, social]\nurl: https://example.com/x\nlayout: post\n---\nWeChat Pay grew.\n".to_vec()),
        ("drop/md/ambiguous.md", b"---\ntitle: Red packets\ndate: 03/04/2020\n---\nRed packets spread.\n".to_vec()),
        ("drop/md/project.md", b"+++\ntitle = \"In the project's own format\"\ndate = \"2013\"\n+++\n\nText.\n".to_vec()),
        ("drop/md/broken.md", b"+++\ntitle = \"No date\"\n+++\n\nText.\n".to_vec()),
        ("drop/web/page.html", b"<html><head><meta property=\"article:published_time\" content=\"2017-05-04T09:00:00Z\"><script>window.pwned=1</script></head><body><nav>Menu</nav><article><h1>A web page</h1><p>Its <a href=\"javascript:x\">text</a> &amp; more.</p></article></body></html>".to_vec()),
        ("drop/old.doc", vec![0xD0, 0xCF, 0x11, 0xE0]),
        ("drop/.DS_Store", vec![0, 0, 0, 1]),
        ("drop/__MACOSX/news/._x.txt", vec![0, 5]),
        ("drop/~$draft.docx", vec![1]),
        ("drop/empty.txt", Vec::new()),
        ("drop/image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec()),
        ("drop/legacy/2015_cafe.txt", b"Caf\xE9 culture\n\nA \x93quoted\x94 word.\n".to_vec()),
        ("drop/a/report.txt", b"First report, 2019.\n".to_vec()),
        ("drop/b/report.txt", b"Second report, 2019.\n".to_vec()),
        ("drop/支付宝.txt", b"2018\n\nA title that is a year.\n".to_vec()),
        ("drop/decomposed.txt", "Cafe\u{301} 2\n\nThe cafe\u{301} is open.\n".as_bytes().to_vec()),
    ]
}

/// Each article's id, title and date (ISO, with its precision), in order.
fn ids_titles_dates(r: &Report) -> Vec<(String, String, String)> {
    r.articles
        .iter()
        .map(|a| (a.id.to_string(), a.title.to_string(), a.date.iso()))
        .collect()
}

/// An article's blocks as text.
fn paragraphs(a: &lens_engine::corpus::Article) -> Vec<String> {
    a.body.iter().map(|b| b.text().to_string()).collect()
}

fn run<P: AsRef<str>, B: AsRef<[u8]>>(files: &[(P, B)], opts: ImportOptions) -> Report {
    import(
        files.iter().map(|(p, b)| ImportFile {
            path: p.as_ref(),
            bytes: b.as_ref(),
        }),
        opts,
    )
}

#[test]
fn a_dropped_folder_gives_its_articles_and_a_report_that_names_every_file() {
    let files = folder();
    let r = run(&files, ImportOptions::default());
    let ids: Vec<&str> = r.articles.iter().map(|a| &*a.id).collect();
    assert_eq!(
        ids,
        [
            "2015-cafe",
            "project",
            "yaml",
            "2016-09-22-alipay-social",
            "page",
            "memo",
            "report-2018"
        ],
        "path order"
    );
    // Skipped on purpose, counted, not errors.
    assert_eq!(r.skipped.len(), 3, "{:?}", r.skipped);
    assert_eq!(r.files, files.len() - 3);
    // Each problem names its file and says what is wrong.
    let said = |path: &str| {
        r.problems
            .iter()
            .filter(|p| p.file == path)
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        said("drop/old.doc").contains("save it as .docx"),
        "{}",
        said("drop/old.doc")
    );
    assert!(
        said("drop/web/page.html").is_empty(),
        "{}",
        said("drop/web/page.html")
    );
    assert!(said("drop/empty.txt").contains("empty"));
    assert!(said("drop/image.txt").contains("binary"));
    let broken = r
        .problems
        .iter()
        .find(|p| p.file == "drop/md/broken.md")
        .expect("the build's own message");
    assert!(broken.message.contains("date"), "{broken:?}");
    // Notes: the encoding, an ignored field.
    assert!(r
        .notes
        .iter()
        .any(|n| n.file == "drop/legacy/2015_cafe.txt" && n.message.contains("Windows-1252")));
    assert!(r
        .notes
        .iter()
        .any(|n| n.file == "drop/md/yaml.md" && n.message.contains("layout")));
    // The same text twice: imported once, and listed.
    assert_eq!(
        r.duplicates,
        [(
            "drop/news/Alipay social (copy).txt".to_string(),
            "2016-09-22-alipay-social".to_string()
        )]
    );
    // Without a date: held, with why; the ambiguous one asks.
    let undated: Vec<(&str, &str)> = r
        .undated
        .iter()
        .map(|u| (u.path.as_str(), u.why.as_str()))
        .collect();
    assert_eq!(undated.len(), 6, "{undated:?}");
    assert!(undated
        .iter()
        .any(|(p, why)| *p == "drop/md/ambiguous.md" && why.contains("reads two ways")));
    assert!(r.asks_numeric_order);
    // Titles: a plain first line, the front matter, else the file's name.
    let a = |id: &str| r.articles.iter().find(|a| &*a.id == id).unwrap();
    assert_eq!(&*a("2016-09-22-alipay-social").title, "Alipay turns social");
    assert_eq!(
        a("2016-09-22-alipay-social").date,
        ArticleDate::parse("2016-09-22").unwrap()
    );
    assert_eq!(
        a("2016-09-22-alipay-social").date_basis.as_deref(),
        Some("imported: a date in its file name")
    );
    assert_eq!(&*a("yaml").title, "WeChat Pay grows");
    // Word: its text; dated by its name before its own properties, which come last, marked.
    assert_eq!(&*a("memo").title, "A memo");
    assert_eq!(a("memo").body[0].text(), "The memo's text.");
    assert_eq!(a("memo").date, ArticleDate::parse("2021-06-01").unwrap());
    assert!(a("memo")
        .date_basis
        .as_deref()
        .unwrap()
        .contains("own properties"));
    assert_eq!(a("report-2018").date, ArticleDate::parse("2018").unwrap());
    assert!(said("drop/word/not-word.docx").contains("not a zip"));
    // An HTML page: its article's text, as text, dated by its metadata.
    assert_eq!(&*a("page").title, "A web page");
    assert_eq!(a("page").body[0].text(), "Its text & more.");
    assert_eq!(a("page").date, ArticleDate::parse("2017-05-04").unwrap());
    assert_eq!(a("yaml").date, ArticleDate::parse("2016-09-22").unwrap());
    assert_eq!(
        a("yaml").tags.iter().map(|t| &**t).collect::<Vec<_>>(),
        ["payments", "social"]
    );
    assert_eq!(&*a("2015-cafe").title, "Café culture");
    // Text is stored in NFC, as the build stores it.
    let decomposed = r
        .undated
        .iter()
        .find(|u| u.path == "drop/decomposed.txt")
        .unwrap();
    assert_eq!(&*decomposed.article.title, "Caf\u{e9} 2");
    assert_eq!(a("2015-cafe").body[0].text(), "A “quoted” word.");
    // Ids: valid, and the same on a re-import in another order; a name
    // without Latin letters gets a stable hashed id.
    assert!(r
        .articles
        .iter()
        .chain(r.undated.iter().map(|u| &u.article))
        .all(|a| is_valid_id(&a.id)));
    let mut reversed = folder();
    reversed.reverse();
    let again = run(&reversed, ImportOptions::default());
    let all_ids = |r: &Report| {
        let mut v: Vec<String> = r
            .articles
            .iter()
            .chain(r.undated.iter().map(|u| &u.article))
            .map(|a| a.id.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(all_ids(&r), all_ids(&again));
    assert!(
        all_ids(&r).contains(&"report-2".to_string()),
        "{:?}",
        all_ids(&r)
    );
    assert!(
        all_ids(&r).iter().any(|id| id.starts_with("article-")),
        "{:?}",
        all_ids(&r)
    );
}

#[test]
fn the_answer_to_the_date_question_dates_the_article() {
    let files = folder();
    let r = run(
        &files,
        ImportOptions {
            numeric_order: Some(NumericOrder::DayFirst),
            ..ImportOptions::default()
        },
    );
    let red = r
        .articles
        .iter()
        .find(|a| &*a.title == "Red packets")
        .expect("dated now");
    assert_eq!(red.date, ArticleDate::parse("2020-04-03").unwrap());
    assert!(!r.asks_numeric_order);
}

#[test]
fn imported_articles_are_a_corpus_like_any_other() {
    let r = run(&folder(), ImportOptions::default());
    let corpus = Corpus::new(
        CorpusInfo {
            name: "Mine".into(),
            description: None,
            ..Default::default()
        },
        r.articles,
    );
    let index = Index::new(&corpus);
    let m = index.matches(&parse("alipay").unwrap().query, SearchOptions::default());
    assert_eq!(m.docs.len(), 1);
    let m = index.matches(
        &parse("tag:payments year:2016").unwrap().query,
        SearchOptions::default(),
    );
    assert_eq!(m.docs.len(), 1);
}

#[test]
fn any_bytes_under_any_name_give_an_article_or_a_line_of_the_report() {
    use proptest::prelude::*;
    proptest!(ProptestConfig { cases: 300, ..ProptestConfig::default() }, |(
        name in "[a-zA-Z0-9 _.\\-/支]{0,20}\\.(txt|md|html|doc|csv|json|jsonl|zip|)",
        bytes in prop::collection::vec(any::<u8>(), 0..200),
    )| {
        let r = import([ImportFile { path: &name, bytes: &bytes }], ImportOptions::default());
        let accounted = r.articles.len() + r.undated.len() + r.problems.iter().filter(|p| p.file.starts_with(&name)).count().min(1) + r.skipped.len() + r.duplicates.len();
        // A table may give several articles; any other file exactly one thing.
        if r.tables.is_empty() {
            prop_assert_eq!(accounted, 1, "{:?}", r);
        } else {
            prop_assert!(accounted >= 1, "{:?}", r);
        }
    });
}

/// The project's format written back reads back the same: the seed corpus,
/// an import, and articles built to be hard (quotes, control characters,
/// text that looks like a heading or a fence).
#[test]
fn a_corpus_written_as_files_reads_back_the_same() {
    use lens_engine::corpus::load::{load_corpus_dir, parse_article};
    use lens_engine::corpus::write::{article_file, corpus_toml};
    use lens_engine::{Article, Block};
    let seed = load_corpus_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../corpus"
    )))
    .unwrap();
    let imported = run(&folder(), ImportOptions::default()).articles;
    let mut hard = Article::new(
        "hard",
        "A \"quoted\" title \\ with a backslash\tand a tab",
        ArticleDate::parse("2016-09").unwrap(),
        vec![
            Block::Heading {
                level: 1,
                text: "# Not a heading inside".into(),
            },
            Block::Paragraph("# looks like a heading".into()),
            Block::Paragraph("+++".into()),
            Block::Paragraph("Two  spaces, “curly” and a\u{7}bell".into()),
        ],
    );
    hard.tags = vec!["a, b".into(), "\"q\"".into()];
    hard.language = "zh".into();
    hard.meta_mut().url = Some("https://example.org/?a=\"b\"".into());
    hard.meta_mut().section = Some("World \"news\"; Pg. 5".into());
    for a in seed.articles().iter().chain(&imported).chain([&hard]) {
        let file = article_file(a, "en");
        let mut back = parse_article(&a.id, "x.md", file.as_bytes())
            .unwrap_or_else(|p| panic!("{p:?}\n{file}"));
        // English, the default, is not written: the corpus gives it back.
        if back.language.is_empty() && !a.language.is_empty() {
            back.language = "en".into();
        }
        assert_eq!(&back, a, "{file}");
    }
    let dir = std::env::temp_dir().join(format!("corpus-lens-write-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("corpus.toml"), corpus_toml(seed.info())).unwrap();
    for a in seed.articles() {
        std::fs::write(dir.join(format!("{}.md", a.id)), article_file(a, "en")).unwrap();
    }
    let again = load_corpus_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(again.info().name, seed.info().name);
    assert_eq!(again.articles(), seed.articles());
}

/// A zip is read entry by entry, as its files would be; an export (the
/// project's files, zipped) imports back as the same articles.
#[test]
fn a_zip_imports_like_its_files_and_an_export_round_trips() {
    use lens_engine::import::zip;
    let files = folder();
    let entries: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(p, b)| (p.trim_start_matches("drop/").to_string(), b.clone()))
        .chain([(
            "inner.zip".to_string(),
            zip::write(&[("x.txt".into(), b"x".to_vec())]),
        )])
        .collect();
    let archive = zip::write(&entries);
    let from_zip = import(
        [ImportFile {
            path: "drop.zip",
            bytes: &archive,
        }],
        ImportOptions::default(),
    );
    let from_folder = run(&files, ImportOptions::default());
    let titles = |r: &Report| {
        let mut v: Vec<(String, String)> = r
            .articles
            .iter()
            .map(|a| (a.title.to_string(), a.date.iso()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(titles(&from_zip), titles(&from_folder));
    assert_eq!(from_zip.undated.len(), from_folder.undated.len());
    assert!(from_zip
        .problems
        .iter()
        .any(|p| p.file == "drop.zip/inner.zip" && p.message.contains("zip inside a zip")));
    assert!(from_zip.skipped.iter().any(|s| s == "drop.zip/.DS_Store"));
    let broken = import(
        [ImportFile {
            path: "cut.zip",
            bytes: &archive[..archive.len() / 2],
        }],
        ImportOptions::default(),
    );
    assert!(
        broken.problems[0].message.contains("cut short"),
        "{:?}",
        broken.problems
    );
    // The export: the project's format, zipped; imported again, the same articles.
    let zipped = lens_engine::import::export(&from_folder.corpus("Mine"));
    let again = import(
        [ImportFile {
            path: "export.zip",
            bytes: &zipped,
        }],
        ImportOptions::default(),
    );
    let by_id = |mut v: Vec<lens_engine::Article>| {
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    };
    assert_eq!(
        by_id(again.articles.clone()),
        by_id(from_folder.articles.clone())
    );
    assert_eq!(again.problems, [], "nothing unread");
    assert_eq!(
        again.info.map(|i| i.name),
        Some("Mine".to_string()),
        "its corpus.toml names it"
    );
}

/// A table gives an article a row, its columns guessed; the reader's
/// correction is used when given; every row that cannot be an article says why.
#[test]
fn tables_give_an_article_a_row_with_their_columns_guessed_or_mapped() {
    use lens_engine::import::table::Mapping;
    let csv = "Headline,Date,Text,URL,Keywords\n\
        Alipay grows,22/09/2016,\"Alipay grew.\n\nA second paragraph.\",https://x.org/a,\"pay; ai\"\n\
        Red packets,03/04/2020,Red packets spread.,,\n\
        Undated row,,Text without a date.,https://x.org/2019/05/04/undated,\n\
        Empty text,2017,,,\n";
    let jsonl = "{\"title\": \"From JSON\", \"published\": \"September 2016\", \"body\": \"JSON text.\", \"tags\": [\"json\"], \"Rubrique\": \"Tech\"}\n";
    let files = [
        ("t/articles.csv", csv.as_bytes()),
        ("t/more.jsonl", jsonl.as_bytes()),
    ];
    let r = run(&files, ImportOptions::default());
    let titles: Vec<&str> = r.articles.iter().map(|a| &*a.title).collect();
    assert_eq!(titles, ["Alipay grows", "Undated row", "From JSON"]);
    let grows = &r.articles[0];
    assert_eq!(grows.date, ArticleDate::parse("2016-09-22").unwrap());
    assert_eq!(
        grows.body.len(),
        2,
        "a blank line in a cell parts paragraphs"
    );
    assert_eq!(
        grows.tags.iter().map(|t| &**t).collect::<Vec<_>>(),
        ["pay", "ai"]
    );
    assert_eq!(
        grows.date_basis.as_deref(),
        Some("imported: the table's date column")
    );
    assert_eq!(
        r.articles[1].date,
        ArticleDate::parse("2019-05-04").unwrap(),
        "the date in its URL"
    );
    assert_eq!(r.articles[2].date, ArticleDate::parse("2016-09").unwrap());
    assert_eq!(
        r.articles[2].section(),
        Some("Tech"),
        "a section column, by its French name"
    );
    assert_eq!(&*grows.id, "articles-2", "file and line: stable");
    assert!(r.asks_numeric_order);
    assert_eq!(r.undated.len(), 1);
    assert!(
        r.problems.iter().any(|p| p.file == "t/articles.csv"
            && p.line == Some(7)
            && p.message.contains("text is empty")),
        "{:?}",
        r.problems
    );
    let guessed = &r.tables[0];
    assert_eq!(
        guessed.columns,
        ["Headline", "Date", "Text", "URL", "Keywords"]
    );
    assert_eq!(
        (
            guessed.mapping.title,
            guessed.mapping.text,
            guessed.mapping.tags
        ),
        (Some(0), Some(2), Some(4))
    );
    assert_eq!(
        guessed.samples,
        [
            "Alipay grows",
            "22/09/2016",
            "Alipay grew. A second paragraph.",
            "https://x.org/a",
            "pay; ai"
        ],
        "what each column holds, shown to the reader"
    );
    assert_eq!(
        Mapping::from_columns(guessed.mapping.columns()),
        guessed.mapping
    );
    assert_eq!(
        lens_engine::import::table::sample(
            &lens_engine::import::table::delimited("a\nxxxxxxxxxx\n", b','),
            0,
            4
        ),
        "xxxx…"
    );
    // The reader says the URL column is the title: so it is.
    let mut opts = ImportOptions::default();
    opts.mappings.insert(
        "t/articles.csv".into(),
        Mapping {
            title: Some(3),
            text: Some(2),
            ..Mapping::default()
        },
    );
    let r = run(&files, opts);
    let all: Vec<&str> = r
        .articles
        .iter()
        .chain(r.undated.iter().map(|u| &u.article))
        .map(|a| &*a.title)
        .collect();
    assert!(all.contains(&"https://x.org/2019/05/04/undated"), "{all:?}");
    // No text column: said, not guessed wrong.
    let r = import(
        [ImportFile {
            path: "ids.csv",
            bytes: b"id,n\n1,2\n",
        }],
        ImportOptions::default(),
    );
    assert!(r.problems[0]
        .message
        .contains("no column holds the articles' text"));
}

/// The reader dates what had no date, one date for all or each its own;
/// what is left undated stays listed.
#[test]
fn undated_articles_take_the_dates_the_reader_gives() {
    use lens_engine::import::GivenDate;
    let r0 = run(&folder(), ImportOptions::default());
    let n = r0.undated.len();
    let mut r = r0.clone();
    r.give_dates(&GivenDate::ForAll(ArticleDate::parse("2019").unwrap()));
    assert!(r.undated.is_empty());
    assert_eq!(r.articles.len(), r0.articles.len() + n);
    assert!(
        r.articles
            .iter()
            .filter(|a| a.date_basis.as_deref() == Some("given at import"))
            .count()
            == n
    );
    let mut r = r0.clone();
    let first = r0.undated[0].article.id.to_string();
    r.give_dates(&GivenDate::Each(
        [(first.clone(), ArticleDate::parse("2001-02").unwrap())].into(),
    ));
    assert_eq!(r.undated.len(), n - 1);
    assert_eq!(
        r.articles.iter().find(|a| *a.id == *first).unwrap().date,
        ArticleDate::parse("2001-02").unwrap()
    );
    r.leave_undated_out();
    assert!(r.undated.is_empty());
}

/// A folder of 20,000 small files: every one read, ids unique.
#[test]
fn twenty_thousand_small_files_are_each_accounted_for() {
    let files: Vec<(String, Vec<u8>)> = (0..20_000)
        .map(|i| {
            (
                format!("many/{:02}/note-{i}.txt", i % 50),
                format!("Note {i}\n\nText of note {i}, 2019.\n").into_bytes(),
            )
        })
        .collect();
    let r = run(&files, ImportOptions::default());
    assert_eq!(r.files, 20_000);
    // "note-1999" is dated by the year in its name; the others are held undated.
    assert_eq!(r.articles.len() + r.undated.len(), 20_000);
    assert_eq!(r.articles.len(), (1500..=2200).count());
    let ids: std::collections::HashSet<&str> = r
        .articles
        .iter()
        .chain(r.undated.iter().map(|u| &u.article))
        .map(|a| &*a.id)
        .collect();
    assert_eq!(ids.len(), 20_000);
}

/// A generated id is never given twice: `report`, `report-2` for a second
/// `report.txt`, and a file named `report-2.txt` gets another.
#[test]
fn ids_are_unique_even_against_generated_ones() {
    let files = [
        ("a/report.txt", &b"One, 2019."[..]),
        ("b/report-2.txt", &b"Two, 2019."[..]),
        ("c/report.txt", &b"Three, 2019."[..]),
        ("t/report.csv", &b"text\nFour, 2019.\n"[..]),
        ("u/report.csv", &b"text\nFive, 2019.\n"[..]),
    ];
    let r = run(&files, ImportOptions::default());
    let mut ids: Vec<String> = r.undated.iter().map(|u| u.article.id.to_string()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "{ids:?}");
    assert_eq!(n, 5);
}

/// A table's row without a date of its own takes its URL's, then its file's
/// name's; a cell's paragraphs part at a blank line however lines end.
#[test]
fn a_table_row_is_dated_like_a_file_and_parts_its_paragraphs() {
    let csv = "text\n\"First.\r\n\r\nSecond.\"\n";
    let r = import(
        [ImportFile {
            path: "2016-09-22 rows.csv",
            bytes: csv.as_bytes(),
        }],
        ImportOptions::default(),
    );
    let a = &r.articles[0];
    assert_eq!(a.date, ArticleDate::parse("2016-09-22").unwrap());
    assert_eq!(
        a.date_basis.as_deref(),
        Some("imported: a date in its file name")
    );
    assert_eq!(
        a.body.iter().map(|b| b.text()).collect::<Vec<_>>(),
        ["First.", "Second."]
    );
}

/// The worker feeds files one at a time, in path order: the same report as
/// an import of them all at once, whatever order they were given in.
#[test]
fn an_import_fed_file_by_file_is_the_same_import() {
    use lens_engine::import::Importer;
    let files: Vec<(&str, &[u8])> = vec![
        ("b/report.txt", b"Report\n\nThe second report on tides."),
        ("a/report.txt", b"Report\n\nThe first report on tides."),
        ("a/2020-01-02 notes.md", b"# Notes\n\nNotes on the harbour."),
        ("a/copy.txt", b"Report\n\nThe first report on tides."),
    ];
    let all = run(&files, ImportOptions::default());
    let mut sorted = files.clone();
    sorted.sort_by_key(|(p, _)| *p);
    let mut one_by_one = Importer::new(ImportOptions::default());
    for (p, b) in &sorted {
        one_by_one.add(p, b);
    }
    let fed = one_by_one.finish();
    assert_eq!(fed, all);
    let ids: Vec<&str> = all
        .articles
        .iter()
        .chain(all.undated.iter().map(|u| &u.article))
        .map(|a| &*a.id)
        .collect();
    // A duplicate left out frees its id: b/report.txt is "report".
    assert_eq!(ids, ["2020-01-02-notes", "copy", "report"]);
    assert_eq!(
        all.duplicates,
        [("a/report.txt".to_string(), "copy".to_string())]
    );
    // The corpus it gives is named as the reader says, its dated articles in date order.
    let c = all.corpus("Harbour");
    assert_eq!(c.info().name, "Harbour");
    assert_eq!(c.articles().len(), all.articles.len());
}

/// Files added to a corpus: its articles stay first, their ids are not
/// given again, a file repeating one of them is a duplicate, the name stays.
#[test]
fn files_added_to_a_corpus_keep_its_articles_ids_and_name() {
    use lens_engine::import::Importer;
    let first = import(
        [
            ImportFile {
                path: "a/report.txt",
                bytes: b"Report\n\nThe first report on tides.",
            },
            ImportFile {
                path: "a/2021 quay.txt",
                bytes: b"Quay\n\nThe quay in 2021.",
            },
        ],
        ImportOptions::default(),
    );
    let mut corpus_report = first.clone();
    corpus_report.give_dates(&lens_engine::import::GivenDate::ForAll(
        ArticleDate::parse("2020").unwrap(),
    ));
    let corpus = corpus_report.corpus("Harbour");
    let mut more = Importer::adding_to(&corpus, ImportOptions::default());
    more.add("b/report.txt", b"Report\n\nThe second report on tides.");
    more.add("b/again.txt", b"Quay\n\nThe quay in 2021.");
    let r = more.finish();
    assert_eq!(r.kept, 2);
    assert_eq!(
        r.duplicates,
        [("b/again.txt".to_string(), "2021-quay".to_string())]
    );
    let ids: Vec<&str> = r
        .articles
        .iter()
        .chain(r.undated.iter().map(|u| &u.article))
        .map(|a| &*a.id)
        .collect();
    assert_eq!(ids, ["report", "2021-quay", "report-2"]);
    let mut r = r;
    r.give_dates(&lens_engine::import::GivenDate::ForAll(
        ArticleDate::parse("2022").unwrap(),
    ));
    let grown = r.corpus("ignored");
    assert_eq!(grown.info().name, "Harbour");
    assert_eq!(grown.articles().len(), 3);
    // Removing an article: the others stay as they were.
    r.remove(&["report".to_string()]);
    let after = r.corpus("x");
    let ids: Vec<&str> = after.articles().iter().map(|a| &*a.id).collect();
    assert_eq!(
        ids,
        ["2021-quay", "report-2"],
        "in date order, the removed one gone"
    );
}

/// A LexisNexis text export, written here from the format's rules (a
/// byte-order mark, CRLF, an English and a German article, a broken one in
/// the middle, a headline field, `M` changing where exports were joined):
/// every article becomes one, without the export's furniture; the broken
/// one is named with its number and line; a second export holding the same
/// story is merged.
#[test]
fn a_lexisnexis_export_gives_an_article_each_without_its_furniture() {
    let export = [
        "\u{feff}                              1 of 3 DOCUMENTS",
        "",
        "",
        "                   Copyright 2010 Harbour Gazette Ltd",
        "                          The Harbour Gazette (Portsmouth)",
        "",
        "                             January 11, 2010 Monday",
        "                                 Final Edition",
        "",
        "Cranes return to the quay",
        "",
        "BYLINE: Ann Example",
        "",
        "SECTION: NEWS; Pg. 5",
        "",
        "LENGTH: 24 words",
        "",
        "DATELINE: PORTSMOUTH, Jan. 11",
        "",
        "The cranes came back to the quay on Monday,",
        "eleven of them.",
        "",
        "Dockers cheered.",
        "",
        "",
        "LOAD-DATE: January 12, 2010",
        "",
        "LANGUAGE: ENGLISH",
        "",
        "PUBLICATION-TYPE: Newspaper",
        "",
        "                      Copyright 2010 Harbour Gazette Ltd",
        "                              All Rights Reserved",
        "",
        "                          Dokument 2 von 3",
        "",
        "                          Hafenblatt",
        "",
        "                          11. Februar 2011 Freitag",
        "",
        "EXKLUSIV: Neue Kräne im Hafen",
        "",
        "AUTOR: Bert Beispiel",
        "",
        "RUBRIK: Wirtschaft; S. 7",
        "",
        "LÄNGE: 9 Wörter",
        "",
        "Im Hafen stehen seit Februar zwei neue Kräne.",
        "",
        "UPDATE: 12. Februar 2011",
        "",
        "GRAFIK: Kräne am Kai",
        "",
        "SPRACHE: DEUTSCH",
        "",
        "                              3 of 3 DOCUMENTS",
        "",
        "                          The Harbour Gazette",
        "",
        "                          March 2012",
        "",
        "A story without its length line",
        "",
        "Its text never starts.",
        "",
        "                              1 of 9 DOCUMENTS",
        "",
        "                          Port Weekly",
        "",
        "                          April 3, 2013 Wednesday 9:20 AM GMT",
        "",
        "HEADLINE: Tides: a headline with a colon",
        "",
        "LENGTH: 5 words",
        "",
        "Spring tides reach the steps.",
        "",
        "LOAD-DATE: April 4, 2013",
        "",
    ]
    .join("\r\n");
    let again = export.replace("Dokument 2 von 3", "Dokument 7 von 8");
    let files = [
        ("exports/first.txt", export.as_bytes()),
        ("exports/second.txt", again.as_bytes()),
    ];
    let r = run(&files, ImportOptions::default());
    let titles: Vec<&str> = r.articles.iter().map(|a| &*a.title).collect();
    assert_eq!(
        titles,
        [
            "Cranes return to the quay",
            "EXKLUSIV: Neue Kräne im Hafen",
            "Tides: a headline with a colon"
        ],
        "an article each; the second export's are the same stories: {:?}",
        r.duplicates
    );
    let cranes = &r.articles[0];
    assert_eq!(cranes.date, ArticleDate::parse("2010-01-11").unwrap());
    assert_eq!(
        cranes.date_basis.as_deref(),
        Some("from the LexisNexis date line “January 11, 2010 Monday”")
    );
    assert_eq!(cranes.source(), Some("The Harbour Gazette (Portsmouth)"));
    assert_eq!(cranes.author(), Some("Ann Example"));
    assert_eq!(cranes.section(), Some("NEWS"));
    assert_eq!(&*cranes.language, "en");
    let body = paragraphs(cranes);
    assert_eq!(
        body,
        [
            "The cranes came back to the quay on Monday, eleven of them.",
            "Dockers cheered."
        ],
        "no edition, field, load date or copyright in the text"
    );
    let kraene = &r.articles[1];
    assert_eq!(kraene.date, ArticleDate::parse("2011-02-11").unwrap());
    assert_eq!(kraene.source(), Some("Hafenblatt"));
    assert_eq!(
        paragraphs(kraene),
        ["Im Hafen stehen seit Februar zwei neue Kräne."],
        "no update or graphic line in the text"
    );
    assert_eq!(kraene.author(), Some("Bert Beispiel"));
    assert_eq!(kraene.section(), Some("Wirtschaft"));
    assert_eq!(&*kraene.language, "de");
    let tides = &r.articles[2];
    assert_eq!(
        tides.date,
        ArticleDate::parse("2013-04-03").unwrap(),
        "the time after the year is not a day"
    );
    assert_eq!(tides.source(), Some("Port Weekly"));
    // The broken article, in each file: named, the others read.
    let broken: Vec<String> = r
        .problems
        .iter()
        .map(|p| format!("{}:{}: {}", p.file, p.line.unwrap_or(0), p.message))
        .collect();
    assert_eq!(
        broken,
        [
            "exports/first.txt:57: article 3 of the LexisNexis export: no LENGTH: line ends its header",
            "exports/second.txt:57: article 3 of the LexisNexis export: no LENGTH: line ends its header",
        ]
    );
    assert_eq!(
        r.duplicates.len(),
        3,
        "the second export's stories, merged: {:?}",
        r.duplicates
    );
    assert!(r.duplicates[0]
        .0
        .starts_with("exports/second.txt, article 1"));
    // Ids from the publication, date and headline: the same in any export.
    assert_eq!(
        &*cranes.id,
        "the-harbour-gazette-portsmouth-january-11-2010-cranes-return-to-the-quay"
    );
    // Plain text that only mentions documents is not an export.
    let plain = "Notes\n\n3 of 5 documents\n\nWe read them today.\n";
    let r = import(
        [ImportFile {
            path: "notes.txt",
            bytes: plain.as_bytes(),
        }],
        ImportOptions::default(),
    );
    assert_eq!(r.articles.len() + r.undated.len(), 1);
}

/// A ProQuest text export, written here from the format's rules: a cover
/// with a made-up requester and search terms, a table of contents, three
/// articles with dates of each precision, one without a date in the middle,
/// and the same article downloaded twice. The cover is never an article.
#[test]
fn a_proquest_export_gives_an_article_each_and_keeps_its_cover_out() {
    let rule = "____________________________________________________________";
    let export = [
        rule,
        "",
        "Report Information from ProQuest",
        "December 01 2026 10:00",
        "Prepared for: Jane Requester, 1 Example Road, Sampletown",
        "Search terms: harbour cranes",
        rule,
        "",
        "Table of contents",
        "1. Cranes return",
        "2. Tides and steps",
        rule,
        "",
        "Document 1 of 4",
        "",
        "Cranes return",
        "",
        "Author: Example, Ann",
        "",
        "Publication info: The Harbour Gazette; Portsmouth. 05 June 2008: A.1.",
        "",
        "Abstract: A summary that is not the text.",
        "",
        "Full text: The cranes came back to the quay.",
        "Location: the old quay, where the cranes stand.",
        "____________________",
        "Dockers counted eleven.",
        "",
        "Subject: Ports",
        "Title: Cranes return",
        "Publication title: The Harbour Gazette",
        "Publication date: Jun 5, 2008",
        "Section: A",
        "Language of publication: English",
        "ProQuest document ID: 433879261",
        "Document URL: https://example.org/docview/433879261",
        "Copyright: Copyright Harbour Gazette Jun 5, 2008",
        rule,
        "",
        "Document 2 of 4",
        "",
        "Tides and steps",
        "",
        "Full text: Spring tides reach the steps.",
        "",
        "Title: Tides and steps",
        "Publication title: Port Quarterly",
        "Publication date: Jun/Jul 2008",
        "ProQuest document ID: 55501",
        rule,
        "",
        "Document 3 of 4",
        "",
        "A note without a date",
        "",
        "Full text: Undated text.",
        "",
        "Title: A note without a date",
        "ProQuest document ID: 55502",
        rule,
        "",
        "Document 4 of 4",
        "",
        "Full text: The keeper left in spring.",
        "",
        "Title: Keeper",
        "Publication title: Port Quarterly",
        "Publication date: Spring 2007",
        "Language of publication: French",
        "ProQuest document ID: 55503",
        rule,
    ]
    .join("\n");
    // The same export again (concatenated, numbered otherwise), saved on
    // Windows: a BOM and CRLF.
    let twice = format!(
        "\u{feff}{}",
        export
            .replace("Document 2 of 4", "Document 9 of 9")
            .replace('\n', "\r\n")
    );
    let files = [
        ("pq/a.txt", export.as_bytes()),
        ("pq/b.txt", twice.as_bytes()),
    ];
    let r = run(&files, ImportOptions::default());
    let got = ids_titles_dates(&r);
    assert_eq!(
        got,
        [
            (
                "proquest-433879261".into(),
                "Cranes return".into(),
                "2008-06-05".into()
            ),
            (
                "proquest-55501".into(),
                "Tides and steps".into(),
                "2008-06".into()
            ),
            ("proquest-55503".into(), "Keeper".into(), "2007".into()),
        ],
        "each date with the precision the export gives"
    );
    let cranes = &r.articles[0];
    assert_eq!(cranes.source(), Some("The Harbour Gazette"));
    assert_eq!(cranes.author(), Some("Example, Ann"));
    assert_eq!(cranes.url(), Some("https://example.org/docview/433879261"));
    assert_eq!(&*cranes.language, "en");
    assert_eq!(&*r.articles[2].language, "fr");
    assert_eq!(cranes.section(), Some("A"));
    assert_eq!(
        paragraphs(cranes),
        [
            "The cranes came back to the quay.",
            "Location: the old quay, where the cranes stand.",
            "____________________",
            "Dockers counted eleven."
        ],
        "the text, not the abstract or the fields; a line like a field, or a short rule, in it stays"
    );
    assert_eq!(
        cranes.date_basis.as_deref(),
        Some("from the ProQuest field “Publication date: Jun 5, 2008”")
    );
    // The article without a date, named in each file; the second file's
    // articles are the first's.
    let named: Vec<String> = r
        .problems
        .iter()
        .map(|p| format!("{}:{}: {}", p.file, p.line.unwrap_or(0), p.message))
        .collect();
    assert_eq!(
        named,
        [
            "pq/a.txt:52: article 3 of the ProQuest export: no “Publication date:” field",
            "pq/b.txt:52: article 3 of the ProQuest export: no “Publication date:” field",
        ]
    );
    assert_eq!(r.duplicates.len(), 3);
    // The cover's words are in no article.
    for a in &r.articles {
        let text = format!("{} {}", a.title, paragraphs(a).join(" "));
        for word in [
            "Requester",
            "Example Road",
            "Search terms",
            "Table of contents",
        ] {
            assert!(!text.contains(word), "{word} in {}", a.id);
        }
    }
}

/// A corpus folder may hold news databases' exports beside its articles:
/// the build reads them with the import's parsers and messages; a plain
/// `.txt` stays refused, and a broken export article is named.
#[test]
fn a_corpus_folder_reads_news_exports_beside_its_articles() {
    use lens_engine::import::load_corpus_dir as load_corpus_dir_noting;
    let dir = std::env::temp_dir().join(format!("lens-exports-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("quay.md"),
        "+++\ntitle = \"The quay\"\ndate = 2009-05-01\n+++\n\nThe quay was rebuilt.\n",
    )
    .unwrap();
    let export = "1 of 2 DOCUMENTS\n\nThe Harbour Gazette\n\nJanuary 11, 2010 Monday\n\nCranes return\n\nLENGTH: 5 words\n\nThe cranes came back.\n\nLOAD-DATE: January 12, 2010\n\n2 of 2 DOCUMENTS\n\nPort Weekly\n\nMarch 3, 2011\n\nTides\n\nLENGTH: 3 words\n\nTides reach the steps.\n";
    std::fs::write(dir.join("gazette.txt"), export).unwrap();
    std::fs::write(dir.join("again.txt"), export.replace("2 of 2", "5 of 9")).unwrap();
    let (corpus, notes) = load_corpus_dir_noting(&dir).unwrap_or_else(|p| panic!("{p:?}"));
    let titles: Vec<&str> = corpus.articles().iter().map(|a| &*a.title).collect();
    assert_eq!(titles, ["The quay", "Cranes return", "Tides"]);
    assert_eq!(
        notes.len(),
        2,
        "the second export's stories, merged and said: {notes:?}"
    );
    // A plain text file is still no article; a broken export article is named.
    std::fs::write(dir.join("notes.txt"), "Just notes.\n").unwrap();
    std::fs::write(
        dir.join("broken.txt"),
        "1 of 1 DOCUMENTS\n\nThe Harbour Gazette\n\nNo date here\n\nLENGTH: 2 words\n\nSome text.\n",
    )
    .unwrap();
    let problems: Vec<String> = load_corpus_dir_noting(&dir)
        .expect_err("two problems")
        .iter()
        .map(|p| p.to_string())
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("notes.txt") && problems[0].contains("news database's export"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("broken.txt:1")
            && problems[1].contains("article 1 of the LexisNexis export: no date line"),
        "{problems:?}"
    );
}

/// Factiva HTML exports, both layouts, written here from their rules: a
/// field-code table (with a French date and a broken article missing its
/// date), and the layout without codes (a byline, word count, date, time,
/// source, paragraphs, the accession number last). Ids are the accession
/// numbers; a plain web page is not an export.
#[test]
fn factiva_exports_in_both_layouts_give_their_articles() {
    let row = |code: &str, value: &str| {
        format!(
            "<tr><td class=\"index\" align=\"right\"><b>{code}</b>&nbsp;</td><td>{value}</td></tr>"
        )
    };
    let indexed = |rows: &[String]| {
        format!(
            "<div class=\"article\"><table border=\"0\">{}</table></div>",
            rows.concat()
        )
    };
    let with_codes = format!(
        "<html><head><title>Factiva</title><script>alert(1)</script></head><body>{}{}{}</body></html>",
        indexed(&[
            row("HD", "Les grues reviennent au port"),
            row("BY", "Par Anne Exemple"),
            row("WC", "12 mots"),
            row("PD", "29 décembre 2011"),
            row("SN", "La Gazette du Port"),
            row("SE", "Économie"),
            row("LA", "Français"),
            row("LP", "<p>Les grues sont revenues.</p>"),
            row("TD", "<p>Onze grues au total.</p><p>Les dockers applaudissent.</p>"),
            row("CO", "hrbgz : Harbour Gazette"),
            row("AN", "Document GAZPRT0020111229e7ct0000b"),
        ]),
        indexed(&[
            row("HD", "No date here"),
            row("TD", "<p>Text.</p>"),
            row("AN", "Document GAZPRT0020111230e7cu0000c"),
        ]),
        indexed(&[
            row("HD", "Tides &amp; steps"),
            row("PD", "3 March 2012"),
            row("SN", "Port Weekly"),
            row("TD", "<p>Spring tides reach the steps.</p>"),
            row("AN", "Document PRTWK00020120303e833000aa"),
        ]),
    );
    let without_codes = "<html><body><div class=\"article enArticle\">\
        <div id=\"hd\"><span class=\"enHeadline\">Keeper leaves the lighthouse</span></div>\
        <div>By Bert Example</div><div>412 words</div><div>5 April 2013</div><div>09:20</div>\
        <div>Port Weekly</div><div>PRTWK</div><div>English</div><div>(c) 2013 Port Weekly</div>\
        <p class=\"articleParagraph enarticleParagraph\">The keeper left in spring.</p>\
        <p class=\"articleParagraph enarticleParagraph\">Nobody replaced him.</p>\
        <p>Document PRTWK00020130405e945000ab</p>\
        </div></body></html>";
    let page = "<html><body><div class=\"article\"><h1>A blog post</h1><p>Not an export.</p></div></body></html>";
    // The first export downloaded again, on Windows: a BOM and CRLF.
    let again = format!("\u{feff}{}", with_codes.replace('>', ">\r\n"));
    let files = [
        ("f/codes.html", with_codes.as_bytes()),
        ("f/plain.htm", without_codes.as_bytes()),
        ("f/page.html", page.as_bytes()),
        ("f/z-again.html", again.as_bytes()),
    ];
    let r = run(&files, ImportOptions::default());
    let got = ids_titles_dates(&r);
    assert_eq!(
        got,
        [
            (
                "factiva-gazprt0020111229e7ct0000b".into(),
                "Les grues reviennent au port".into(),
                "2011-12-29".into()
            ),
            (
                "factiva-prtwk00020120303e833000aa".into(),
                "Tides & steps".into(),
                "2012-03-03".into()
            ),
            (
                "factiva-prtwk00020130405e945000ab".into(),
                "Keeper leaves the lighthouse".into(),
                "2013-04-05".into()
            ),
        ],
        "{:?} {:?}",
        r.problems,
        r.undated
            .iter()
            .map(|u| &u.article.title)
            .collect::<Vec<_>>()
    );
    let grues = &r.articles[0];
    assert_eq!(grues.source(), Some("La Gazette du Port"));
    assert_eq!(grues.author(), Some("Anne Exemple"));
    assert_eq!(&*grues.language, "fr");
    assert_eq!(grues.section(), Some("Économie"));
    assert_eq!(
        paragraphs(grues),
        [
            "Les grues sont revenues.",
            "Onze grues au total.",
            "Les dockers applaudissent."
        ]
    );
    assert_eq!(
        grues.date_basis.as_deref(),
        Some("from the Factiva field PD “29 décembre 2011”")
    );
    let keeper = &r.articles[2];
    assert_eq!(keeper.source(), Some("Port Weekly"));
    assert_eq!(keeper.author(), Some("Bert Example"));
    assert_eq!(&*keeper.language, "en");
    assert_eq!(
        paragraphs(keeper),
        ["The keeper left in spring.", "Nobody replaced him."]
    );
    let named: Vec<String> = r
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.file, p.message))
        .collect();
    assert_eq!(
        named,
        [
            "f/codes.html: article 2 of the Factiva export: no PD (publication date) field",
            "f/z-again.html: article 2 of the Factiva export: no PD (publication date) field"
        ]
    );
    assert_eq!(
        r.duplicates.len(),
        2,
        "the overlapping export's stories, once"
    );
    // The page that is no export is read as a page (it has no date: held).
    assert_eq!(r.undated.len(), 1);
    assert_eq!(&*r.undated[0].article.title, "A blog post");
}

/// A file refused by its path or size is settled without being read: the
/// worker never reads a video or a 300 MB text into memory, and the report
/// says the same as for a file read.
#[test]
fn files_refused_by_path_or_size_are_reported_unread() {
    use lens_engine::import::{Importer, MAX_FILE};
    assert!(!Importer::needs_bytes("clips/harbour.mp4", 1_500_000_000));
    assert!(!Importer::needs_bytes(
        "notes/huge.txt",
        MAX_FILE as u64 + 1
    ));
    assert!(!Importer::needs_bytes("notes/.DS_Store", 10));
    assert!(Importer::needs_bytes("notes/a.txt", 10));
    assert!(
        Importer::needs_bytes("big.zip", MAX_FILE as u64 + 1),
        "a zip's entries have their own limits"
    );
    assert!(Importer::needs_bytes("export/corpus.toml", 100));
    let mut i = Importer::new(ImportOptions::default());
    for (path, size) in [
        ("clips/harbour.mp4", 1_500_000_000u64),
        ("notes/huge.txt", MAX_FILE as u64 + 1),
        ("notes/.DS_Store", 10),
    ] {
        i.add_unread(path, size);
    }
    let r = i.finish();
    assert_eq!(r.files, 2);
    assert_eq!(r.skipped, ["notes/.DS_Store"]);
    let said: Vec<String> = r
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.file, p.message))
        .collect();
    assert!(
        said[0].starts_with("clips/harbour.mp4: .mp4 files are not supported"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with(
            "notes/huge.txt: the file is 256 MB: the most one file may hold is 256 MB"
        ),
        "{said:?}"
    );
}

/// A Word document of these paragraphs as they are (no styles); `""` is an
/// empty paragraph, `"\x0c"` a page break.
fn word_paragraphs(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| match *p {
            "\x0c" => "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>".to_string(),
            p => format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"),
        })
        .collect();
    let document = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
    lens_engine::import::zip::write(&[("word/document.xml".into(), document.into_bytes())])
}

/// A Nexis Uni Word export, written here from the format's rules: a cover
/// page (the request's time, job number, search terms, the list of
/// titles, a made-up requester's name and address), an English article
/// with its fields (each label followed by a no-break space) and its
/// classification block, a broken article without a date line, and a
/// German one with a graphic block. A zip of single-article exports holds
/// the first story again: one article, said once.
#[test]
fn a_nexis_uni_word_export_gives_an_article_each_and_keeps_its_cover_out() {
    let nb = "\u{a0}";
    let export = word_paragraphs(&[
        "User Name: =Jane Requester",
        "Date and Time: Monday, July 1, 2019 9:35:00 AM EDT",
        "Job Number: 90817263",
        "Documents (3)",
        "1. Cranes return to the quay",
        "Client/Matter: -None-",
        "Search Terms: harbour cranes",
        "Search Type: Terms and Connectors",
        "Narrowed by:",
        "Content Type Narrowed by",
        "News Sources: The Harbour Gazette",
        "Jane Requester, 1 Example Road, Sampletown",
        "\x0c",
        "Cranes return to the quay",
        "The Harbour Gazette",
        "July 1, 2019 Monday 9:20 AM GMT",
        "Copyright 2019 Harbour Gazette Ltd All Rights Reserved",
        &format!("Section:{nb}BUSINESS; Pg. 5"),
        &format!("Length:{nb}523 words"),
        &format!("Byline:{nb}Ann Example"),
        "",
        "Body",
        "",
        "The cranes came back to the quay.",
        "Dockers counted eleven.",
        "",
        "Classification",
        &format!("Language:{nb}ENGLISH"),
        &format!("Publication-Type:{nb}Newspaper"),
        &format!("Subject:{nb}PORTS (90%)"),
        &format!("Load-Date:{nb}July 2, 2019"),
        "End of Document",
        "\x0c",
        "A headline with no date",
        "Port Quarterly",
        &format!("Length:{nb}10 words"),
        "Body",
        "Undated text.",
        "End of Document",
        "\x0c",
        "Kräne kehren zurück",
        "Hafenzeitung",
        "1. Juli 2019 Montag",
        &format!("Rubrik:{nb}Wirtschaft; S. 3"),
        &format!("Länge:{nb}200 Wörter"),
        "Body",
        "Die Kräne sind zurück.",
        "Graphic",
        "Bild: ein Kran",
        &format!("Load-Date:{nb}2. Juli 2019"),
        "End of Document",
    ]);
    let single = lens_engine::import::zip::write(&[(
        "Cranes_return_to_the_quay.DOCX".into(),
        word_paragraphs(&[
            "Cranes return to the quay",
            "The Harbour Gazette",
            "July 1, 2019 Monday 9:20 AM GMT",
            &format!("Section:{nb}BUSINESS; Pg. 5"),
            "Body",
            "The cranes came back to the quay.",
            "Dockers counted eleven.",
            "End of Document",
        ]),
    )]);
    let r = run(
        &[
            ("nexis/Files (3).docx", export),
            ("nexis/singles.zip", single),
        ],
        ImportOptions::default(),
    );
    assert_eq!(
        ids_titles_dates(&r),
        [
            (
                "the-harbour-gazette-july-1-2019-cranes-return-to-the-quay".into(),
                "Cranes return to the quay".into(),
                "2019-07-01".into()
            ),
            (
                "hafenzeitung-1-juli-2019-kr-ne-kehren-zur-ck".into(),
                "Kräne kehren zurück".into(),
                "2019-07-01".into()
            ),
        ]
    );
    let cranes = &r.articles[0];
    assert_eq!(cranes.source(), Some("The Harbour Gazette"));
    assert_eq!(cranes.author(), Some("Ann Example"));
    assert_eq!(cranes.section(), Some("BUSINESS"));
    assert_eq!(&*cranes.language, "en");
    assert_eq!(
        cranes.date_basis.as_deref(),
        Some("from the Nexis Uni date line “July 1, 2019 Monday 9:20 AM GMT”")
    );
    assert_eq!(
        paragraphs(cranes),
        [
            "The cranes came back to the quay.",
            "Dockers counted eleven."
        ]
    );
    assert!(cranes.tags.is_empty(), "the section is no tag");
    let kraene = &r.articles[1];
    assert_eq!(kraene.section(), Some("Wirtschaft"));
    assert_eq!(
        paragraphs(kraene),
        ["Die Kräne sind zurück."],
        "the graphic block is no text"
    );
    // The broken article is named by its number; the others are read.
    let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("nexis/Files (3).docx")
            && problems[0].contains("article 2 of the Nexis Uni export: no date line"),
        "{problems:?}"
    );
    // A text far shorter than its stated length is said to be cut, and kept.
    let cut: Vec<String> = r
        .notes
        .iter()
        .filter(|n| n.message.contains("may be cut short"))
        .map(|n| n.to_string())
        .collect();
    assert_eq!(
        cut,
        [
            "nexis/Files (3).docx, article 1: the export says the text has 523 words, but 10 were read: it may be cut short",
            "nexis/Files (3).docx, article 3: the export says the text has 200 words, but 4 were read: it may be cut short"
        ]
    );
    // The same story in the zip of single exports is one article, said once.
    assert_eq!(r.duplicates.len(), 1, "{:?}", r.duplicates);
    // The cover's words (the requester, the address, the job, the search)
    // and the classification's are in no article.
    for a in &r.articles {
        let text = format!(
            "{} {:?} {:?} {:?} {}",
            a.title,
            a.source(),
            a.author(),
            a.tags,
            paragraphs(a).join(" ")
        );
        for word in [
            "Requester",
            "Sampletown",
            "90817263",
            "Connectors",
            "ENGLISH",
            "Newspaper",
            "Load",
            "Bild",
        ] {
            assert!(!text.contains(word), "{word} in {}", a.id);
        }
    }
}

/// A Europresse HTML export, written here from the format's rules: a list
/// of titles before the articles, a French article with a section, a
/// weekday, a page, a standfirst and its authors, an English one, a broken
/// one without a date, each with a footer naming the subscribing
/// institution and a document number. A second file holds the first
/// story again. A web page with an `<article>` is still a web page.
#[test]
fn a_europresse_export_gives_an_article_each_without_its_footer() {
    let article = |publication: &str,
                   details: &str,
                   titles: &[&str],
                   authors: &str,
                   paras: &[&str],
                   number: &str| {
        let titles: String = titles
            .iter()
            .map(|t| format!("<p class=\"titreArticleVisu\">{t}</p>"))
            .collect();
        let paras: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        let authors = if authors.is_empty() {
            String::new()
        } else {
            format!("<div class=\"docAuthors\">{authors}</div>")
        };
        format!(
            "<article><header><div class=\"rdp__DocPublicationName\"><span class=\"DocPublicationName\">{publication}</span></div>\
             <div class=\"rdp__DocHeader\"><span class=\"DocHeader\">{details}</span></div>\
             <div class=\"titreArticle\">{titles}</div>{authors}</header>\
             <section><div class=\"DocText clearfix\"><div class=\"docOcurrContainer\">{paras}</div></div></section>\
             <footer><div class=\"Doc-LegalInfo\"><small>© 2011 Gazette du Port. Tous droits réservés.</small></div>\
             <div>Ce document est réservé à l'usage exclusif de l'utilisateur désigné par Université Exemple et ne peut faire l'objet d'aucune autre utilisation.</div>\
             <div class=\"Doc-LegalInfo\">Numéro de document : {number}</div></footer></article>"
        )
    };
    let grues = article(
        "La Gazette du Port, no. 21234",
        "Économie, jeudi 29 décembre 2011, p. 12",
        &["Les grues reviennent", "Onze grues sur le quai"],
        "Anne Exemple",
        &[
            "Les grues sont revenues <span class=\"highlight\">sur</span> le quai.",
            "Les dockers en ont compté onze.<script>window.pwned=1</script>",
        ],
        "news·20111229·GP·0001",
    );
    let export = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\
         <div class=\"toc\"><p>Résultats de la recherche : grues</p><p>1. Les grues reviennent</p></div>{grues}{}{}</body></html>",
        article(
            "Port Weekly",
            "World, Friday, November 13, 2015",
            &["Tides reach the steps"],
            "",
            &["Spring tides reached the steps."],
            "news·20151113·PW·0002",
        ),
        article("Port Weekly", "World, p. 3", &["No date here"], "", &["Undated."], "news·x·0003"),
    );
    // The first story again, in an export saved on Windows (a BOM, CRLF).
    let again = format!(
        "\u{feff}<html>\r\n<body>\r\n{}</body></html>",
        grues.replace("><", ">\r\n<")
    );
    let page = "<html><body><article><h1>A web page</h1><p>Its text.</p></article></body></html>";
    let r = run(
        &[
            ("ep/export.html", export.as_str()),
            ("ep/export-again.html", again.as_str()),
            ("ep/page-2020.html", page),
        ],
        ImportOptions::default(),
    );
    assert_eq!(
        ids_titles_dates(&r),
        [
            (
                "europresse-news-20111229-gp-0001".into(),
                "Les grues reviennent".into(),
                "2011-12-29".into()
            ),
            (
                "europresse-news-20151113-pw-0002".into(),
                "Tides reach the steps".into(),
                "2015-11-13".into()
            ),
            ("page-2020".into(), "A web page".into(), "2020".into()),
        ]
    );
    let grues = &r.articles[0];
    assert_eq!(grues.source(), Some("La Gazette du Port"));
    assert_eq!(grues.author(), Some("Anne Exemple"));
    assert_eq!(grues.section(), Some("Économie"));
    assert_eq!(
        grues.date_basis.as_deref(),
        Some("from the Europresse header “Économie, jeudi 29 décembre 2011, p. 12”")
    );
    assert_eq!(
        paragraphs(grues),
        [
            "Onze grues sur le quai",
            "Les grues sont revenues sur le quai.",
            "Les dockers en ont compté onze."
        ]
    );
    let tides = &r.articles[1];
    assert_eq!(tides.section(), Some("World"), "Friday is no section");
    assert_eq!(tides.author(), None);
    let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["ep/export.html: article 3 of the Europresse export: no date in its header line “World, p. 3”"]
    );
    assert_eq!(r.duplicates.len(), 1, "{:?}", r.duplicates);
    for a in &r.articles {
        let text = format!(
            "{} {:?} {:?} {}",
            a.title,
            a.source(),
            a.author(),
            paragraphs(a).join(" ")
        );
        for word in [
            "Université",
            "Exemple et",
            "réservés",
            "Numéro",
            "Résultats",
            "pwned",
            "no. 21234",
        ] {
            assert!(!text.contains(word), "{word} in {}", a.id);
        }
    }
}

/// News exports made of their own furniture in any order (markers, labels,
/// date lines, `Body`, `End of Document`, export classes, multibyte text)
/// never panic a parser: each file gives articles, or lines of the report.
#[test]
fn export_furniture_in_any_order_is_read_or_reported() {
    use proptest::prelude::*;
    const LINES: &[&str] = &[
        "1 of 2 DOCUMENTS",
        "Dokument 2 von 3",
        "Document 1 of 4",
        "",
        "LENGTH: 5 words",
        "LÄNGE:",
        "BYLINE: Ä",
        "SECTION: ;",
        "LOAD-DATE: x",
        "LANGUAGE: GERMAN",
        "January 11, 2010 Monday",
        "1. Juli 2019 Montag",
        "Body",
        "End of Document",
        "Classification",
        "Language:\u{a0}ENGLISH",
        "Section:\u{a0}É; Pg. 5",
        "Full text: Ü",
        "Publication date: Jun/Jul 2008",
        "Title: ß",
        "ProQuest document ID: 1",
        "____________________________________________________",
        "Kräne",
        "支付宝",
        "2019",
        "Graphic",
        "Load-Date: é",
    ];
    const HTML: &[&str] = &[
        "<article>",
        "</article>",
        "<header>",
        "<footer>",
        "<span class=\"DocPublicationName\">Ä, no. 1</span>",
        "<span class=\"DocHeader\">Économie, jeudi 29 décembre 2011</span>",
        "<span class=\"DocHeader\">, ,</span>",
        "<p class=\"titreArticle\">T</p>",
        "<div class=\"DocText\">",
        "</div>",
        "<p>支付宝</p>",
        "Numéro de document : ·",
        "<div class=\"article\">",
        "<td>HD</td>",
        "<td>PD</td>",
        "<td>29 décembre 2011</td>",
        "<td>TD</td>",
        "<p>Document ABCDEFGHIJKL</p>",
        "<div id=\"hd\">H</div>",
        "<div>523 words</div>",
    ];
    proptest!(ProptestConfig { cases: 400, ..ProptestConfig::default() }, |(
        lines in prop::collection::vec(prop::sample::select(LINES), 0..40),
        tags in prop::collection::vec(prop::sample::select(HTML), 0..40),
    )| {
        let text = lines.join("\r\n");
        let html = tags.concat();
        let docx = word_paragraphs(&lines);
        for (name, bytes) in [("a.txt", text.as_bytes()), ("b.html", html.as_bytes()), ("c.docx", &docx)] {
            let r = run(&[(name, bytes)], ImportOptions::default());
            let said = r.articles.len() + r.undated.len() + r.problems.len() + r.duplicates.len();
            prop_assert!(said >= 1, "{name} gave nothing: {:?}", r);
        }
    });
}

/// At build time too, a corpus folder reads Europresse and Factiva HTML
/// and Nexis Uni Word exports beside its articles; a web page or a Word
/// document that is no export stays refused, named with what is read.
#[test]
fn a_corpus_folder_reads_html_and_word_exports_too() {
    use lens_engine::import::load_corpus_dir;
    let dir = std::env::temp_dir().join(format!("lens-html-exports-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("europresse.html"),
        "<article><header><span class=\"DocPublicationName\">La Gazette</span><span class=\"DocHeader\">jeudi 29 décembre 2011</span><p class=\"titreArticle\">Les grues</p></header><section><div class=\"DocText\"><p>Les grues reviennent.</p></div></section></article>",
    )
    .unwrap();
    std::fs::write(
        dir.join("factiva.htm"),
        "<div class=\"article\"><table><tr><td>HD</td><td>Tides</td></tr><tr><td>PD</td><td>3 March 2011</td></tr><tr><td>SN</td><td>Port Weekly</td></tr><tr><td>TD</td><td><p>Tides reach the steps.</p></td></tr><tr><td>AN</td><td>Document PORTW00020110303e7330000b</td></tr></table></div>",
    )
    .unwrap();
    std::fs::write(
        dir.join("nexis.docx"),
        word_paragraphs(&[
            "Cranes",
            "The Harbour Gazette",
            "July 1, 2019 Monday",
            "Body",
            "The cranes came back.",
            "End of Document",
        ]),
    )
    .unwrap();
    let (corpus, _) = load_corpus_dir(&dir).unwrap_or_else(|p| panic!("{p:?}"));
    let mut titles: Vec<(&str, String)> = corpus
        .articles()
        .iter()
        .map(|a| (&*a.title, a.date.iso()))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            ("Cranes", "2019-07-01".into()),
            ("Les grues", "2011-12-29".into()),
            ("Tides", "2011-03-03".into())
        ]
    );
    std::fs::write(
        dir.join("page.html"),
        "<html><body><article><p>A page.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("memo.docx"),
        word(&["A memo", "Text."], "2021-06-01T09:00:00Z"),
    )
    .unwrap();
    let problems: Vec<String> = load_corpus_dir(&dir)
        .expect_err("two files refused")
        .iter()
        .map(|p| p.to_string())
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("memo.docx") && problems[0].contains("a `.docx` file is read only when it is a news database's export (LexisNexis or ProQuest `.txt`, Factiva or Europresse `.html`, Nexis Uni `.docx`)"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("page.html") && problems[1].contains("a `.html` file"),
        "{problems:?}"
    );
}

/// A Nexis Uni article whose date line is not one Corpus Lens reads is
/// named, never dated from the cover page's "Date and Time:" line; a
/// headline that starts like a field is a headline.
#[test]
fn a_nexis_uni_cover_never_dates_or_names_an_article() {
    let nb = "\u{a0}";
    let export = word_paragraphs(&[
        "User Name: =Jane Requester",
        "Date and Time: Monday, July 1, 2019 9:35:00 AM EDT",
        "Job Number: 90817263",
        "A headline",
        "The Harbour Gazette",
        "Summer 2019",
        &format!("Length:{nb}5 words"),
        "Body",
        "Text without a date.",
        "End of Document",
        "Correction: the cranes were eleven",
        "The Harbour Gazette",
        "July 2, 2019 Tuesday",
        "Copyright 2019 Harbour Gazette Ltd",
        &format!("Section:{nb}NEWS"),
        "Body",
        "Eleven, not ten.",
        "End of Document",
    ]);
    let r = run(&[("n.docx", export)], ImportOptions::default());
    assert_eq!(
        ids_titles_dates(&r)
            .into_iter()
            .map(|(_, t, d)| (t, d))
            .collect::<Vec<_>>(),
        [(
            "Correction: the cranes were eleven".to_string(),
            "2019-07-02".to_string()
        )]
    );
    let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("article 1 of the Nexis Uni export: no date line"),
        "{problems:?}"
    );
}
