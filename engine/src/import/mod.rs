//! A reader's own files as articles: plain functions from each file's path
//! and bytes to articles, and a report of everything else (problems,
//! files skipped on purpose, exact duplicates, articles still without a
//! date). The page's import worker and the tests only call [`import`].
//!
//! So far: plain text and Markdown ([`plain`]), HTML pages ([`html`]),
//! Word documents ([`docx`]), tables ([`table`]: CSV, TSV, JSON, JSON
//! lines) and zip archives of them ([`zip`]); news databases' exports
//! ([`lexis`], [`nexis`], [`factiva`], [`proquest`], [`europresse`]), each export file
//! many articles.
//!
//! - **Ids** come from the file's path, so a re-import of the same files
//!   gives the same ids: the file name without its extension, in lower
//!   case, letters and digits kept and anything else as `-`; a name with
//!   no such letter gets `article-` and a hash of the path; a second file
//!   of the same id gets `-2`, then `-3` (files taken in path order).
//! - **Dates**, in this order: the file's own field (front matter, a
//!   table's column, an HTML page's metadata), a date in its URL, a date in
//!   its name, and last, marked as such, a Word document's own properties;
//!   never the file's time. How it
//!   was found goes in `date_basis` (exported with the article). A numeric
//!   date that reads two ways is asked, once per import
//!   ([`ImportOptions::numeric_order`]). An article with no date is held
//!   in [`Report::undated`], never dropped.

pub mod dates;
pub mod decode;
pub mod docx;
pub mod europresse;
pub mod factiva;
pub mod html;
pub mod lexis;
pub mod nexis;
pub mod plain;
pub mod proquest;
pub mod table;
pub mod zip;

use crate::corpus::body::Block;
use crate::corpus::date::ArticleDate;
use crate::corpus::load::{is_valid_id, parse_article, parse_corpus_info, Problem};
use crate::corpus::{Article, Metadata};
use dates::{NumericOrder, Written};
use decode::{decode, Encoding};
use std::collections::{HashMap, HashSet};

/// One file to import: its path (folders included, as dropped) and bytes.
#[derive(Clone, Copy, Debug)]
pub struct ImportFile<'a> {
    /// The path, `/`-separated.
    pub path: &'a str,
    /// The content.
    pub bytes: &'a [u8],
}

/// One article of a news database's export (LexisNexis, ProQuest…): its
/// number in the file, the line it starts at (1-based), the export's own
/// id for it if it has one, and what it says, or why it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// Its number, as the export counts.
    pub number: usize,
    /// The line it starts at (1-based), where the format has lines.
    pub line: Option<usize>,
    /// The export's own id for it (ProQuest's document ID), as an article id.
    pub id: Option<String>,
    /// The article, or why it cannot be read.
    pub draft: Result<plain::Draft, String>,
}

/// The number a length field states (`523 words`, `1,234 words`, `1.234
/// Wörter`, `523 mots`): its leading digits, separators skipped.
pub(crate) fn stated_words(value: &str) -> Option<usize> {
    let number = value.split_whitespace().next()?;
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | '\''))
        .collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// News databases' exports ([`lexis`], [`proquest`], [`factiva`],
/// [`europresse`], [`nexis`]) in a corpus folder, beside its articles:
/// read with the import's rules and messages.
pub struct NewsExports;

impl crate::corpus::load::OtherFiles for NewsExports {
    fn claims(&self, name: &str, bytes: &[u8]) -> bool {
        match extension(name).as_str() {
            "docx" => docx::read(bytes).is_ok_and(|w| nexis::is_export(&w.paragraphs)),
            "html" | "htm" => decode(bytes).is_ok_and(|(text, _)| {
                !factiva::articles(&text).is_empty() || europresse::is_export(&text)
            }),
            _ => decode(bytes)
                .is_ok_and(|(text, _)| lexis::is_export(&text) || proquest::is_export(&text)),
        }
    }

    fn read(&self, files: &[(String, Vec<u8>)]) -> (Vec<Article>, Vec<Problem>, Vec<Problem>) {
        let r = import(
            files
                .iter()
                .map(|(file, bytes)| ImportFile { path: file, bytes }),
            ImportOptions::default(),
        );
        let mut stop = r.problems;
        // Every article of an export has a date, or is a problem: one held
        // for a date is a problem at build time, where nobody is asked.
        stop.extend(r.undated.iter().map(|u| Problem {
            file: u.path.clone(),
            line: None,
            message: format!("“{}” has no date: {}", u.article.title, u.why),
        }));
        let mut noted: Vec<Problem> = r
            .duplicates
            .iter()
            .map(|(file, first)| Problem {
                file: file.clone(),
                line: None,
                message: format!("the same story as {first}: merged"),
            })
            .collect();
        // An encoding other than UTF-8, a date not read: said, as in the page.
        noted.extend(r.notes);
        (r.articles, stop, noted)
    }
}

/// A corpus folder with the news exports it holds ([`NewsExports`]), and
/// what the build notes (stories two exports hold, merged).
pub fn load_corpus_dir(
    dir: &std::path::Path,
) -> Result<(crate::corpus::Corpus, Vec<Problem>), Vec<Problem>> {
    crate::corpus::load::load_corpus_dir_reading(dir, &NewsExports)
}

/// The reader's answers for one import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// How to read a numeric date that reads two ways; `None`: ask.
    pub numeric_order: Option<NumericOrder>,
    /// For a table (by its path), which column holds what, where the
    /// reader corrected the guess.
    pub mappings: HashMap<String, table::Mapping>,
}

/// The columns of a table and which holds what, as the import read them:
/// what the page shows so the reader can correct it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRead {
    /// The file.
    pub path: String,
    /// Its columns.
    pub columns: Vec<String>,
    /// Which holds what (the guess, or the reader's mapping).
    pub mapping: table::Mapping,
    /// Each column's first value that is not empty, cut short
    /// ([`table::sample`]): what the reader sees to correct the mapping.
    pub samples: Vec<String>,
}

/// An article still without a date: held until the reader gives one (or
/// leaves it out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undated {
    /// The file.
    pub path: String,
    /// The article, dated 1 (a placeholder the page never shows).
    pub article: Article,
    /// Why there is no date.
    pub why: String,
}

/// The most bytes one file (or one zip entry) may hold: 256 MB, far past
/// any article or news export, short of what a browser tab can hold twice.
pub const MAX_FILE: usize = 256 << 20;

/// How undated articles get their date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GivenDate {
    /// One date for every undated article.
    ForAll(ArticleDate),
    /// A date for each article named (by id); the others stay undated.
    Each(HashMap<String, ArticleDate>),
}

impl Report {
    /// Dates undated articles as the reader says (`date_basis`: "given at
    /// import"); those left without a date stay in [`Report::undated`].
    pub fn give_dates(&mut self, given: &GivenDate) {
        let undated = std::mem::take(&mut self.undated);
        for mut u in undated {
            let date = match given {
                GivenDate::ForAll(d) => Some(*d),
                GivenDate::Each(map) => map.get(&*u.article.id).copied(),
            };
            match date {
                Some(d) => {
                    u.article.date = d;
                    u.article.date_basis = Some("given at import".into());
                    self.articles.push(u.article);
                }
                None => self.undated.push(u),
            }
        }
    }

    /// Leaves out the articles of these ids (the reader removed them).
    pub fn remove(&mut self, ids: &[String]) {
        self.articles
            .retain(|a| !ids.iter().any(|id| **id == *a.id));
    }

    /// Leaves the undated articles out (the reader chose to).
    pub fn leave_undated_out(&mut self) {
        self.undated.clear();
    }

    /// The corpus the import gave, named `name` unless the files held a
    /// `corpus.toml` (an export imported again): its dated articles, so
    /// call it once the reader has dated or left out the undated ones.
    pub fn corpus(&self, name: &str) -> crate::corpus::Corpus {
        let info = self
            .info
            .clone()
            .unwrap_or_else(|| crate::corpus::CorpusInfo {
                name: name.to_string(),
                description: None,
                ..Default::default()
            });
        crate::corpus::Corpus::new(info, self.articles.clone())
    }

    /// The corpus named `name` (or as its `corpus.toml` names it), made of
    /// the report's articles without copying them: for the import worker,
    /// whose memory then holds the text once.
    pub fn into_corpus(self, name: &str) -> crate::corpus::Corpus {
        let info = self.info.unwrap_or_else(|| crate::corpus::CorpusInfo {
            name: name.to_string(),
            description: None,
            ..Default::default()
        });
        crate::corpus::Corpus::new(info, self.articles)
    }
}

/// What an import gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Files read (skipped ones not counted).
    pub files: usize,
    /// The articles, in path order.
    pub articles: Vec<Article>,
    /// Articles without a date.
    pub undated: Vec<Undated>,
    /// Files that gave no article, and why (with the line, where there is one).
    pub problems: Vec<Problem>,
    /// What the reader should know of files that were read (an encoding
    /// other than UTF-8, a front-matter field ignored).
    pub notes: Vec<Problem>,
    /// Files skipped on purpose (system and hidden files).
    pub skipped: Vec<String>,
    /// Exact duplicates: (the file left out, the id of the article it repeats).
    pub duplicates: Vec<(String, String)>,
    /// Each table read, with its columns and mapping.
    pub tables: Vec<TableRead>,
    /// The name and description a `corpus.toml` among the files gives (an
    /// export of Corpus Lens, imported again).
    pub info: Option<crate::corpus::CorpusInfo>,
    /// True when a numeric date read two ways and no order was given: the
    /// page asks once, and imports again with the answer.
    pub asks_numeric_order: bool,
    /// Of [`Report::articles`], how many the corpus added to held already
    /// ([`Importer::adding_to`]): they come first.
    pub kept: usize,
}

/// The export of a corpus: a zip of the project's corpus format (its
/// `corpus.toml` and one `ID.md` per article, TOML front matter with
/// `date_basis`), in a folder named after the corpus, which
/// `CORPUS_DIR=that-folder ./scripts/build-site.sh` builds as it is, and
/// which imports back as the same articles.
pub fn export(corpus: &crate::corpus::Corpus) -> Vec<u8> {
    use crate::corpus::write::{article_file, corpus_toml};
    let default = corpus.info().language.as_deref().unwrap_or("en");
    let folder = match base_id(&format!("{}.zip", corpus.info().name)) {
        id if id.starts_with("article-") => "corpus".to_string(),
        id => id,
    };
    let mut files = vec![(
        format!("{folder}/corpus.toml"),
        corpus_toml(corpus.info()).into_bytes(),
    )];
    files.extend(corpus.articles().iter().map(|a| {
        (
            format!("{folder}/{}.md", a.id),
            article_file(a, default).into_bytes(),
        )
    }));
    zip::write(&files)
}

/// Whether a path is a file to skip without a word: system files, hidden
/// files, Office lock files, the folders macOS adds to zips.
pub fn skipped_on_purpose(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    path.split('/')
        .any(|part| part == "__MACOSX" || (part.starts_with('.') && part.len() > 1 && part != ".."))
        || name.starts_with("~$")
        || matches!(name, "Thumbs.db" | "desktop.ini" | "Icon\r")
}

/// A path's extension, in lower case (`""` without one).
fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase()
}

/// Whether files with the extension `ext` are read (zips aside).
fn readable(ext: &str) -> bool {
    matches!(
        ext,
        "txt"
            | "text"
            | "md"
            | "markdown"
            | "html"
            | "htm"
            | "docx"
            | "csv"
            | "tsv"
            | "json"
            | "jsonl"
    )
}

/// What to say of a file over [`MAX_FILE`].
fn too_big(size: u64) -> String {
    format!(
        "the file is {} MB: the most one file may hold is {} MB (split it, or zip it: a zip's entries are read one at a time)",
        size >> 20,
        MAX_FILE >> 20
    )
}

/// What to say of a file of a format not read.
fn unsupported(ext: &str) -> String {
    match ext {
        "doc" => "Word 97–2003 (.doc) is not supported: save it as .docx (Word: File › Save As › Word Document)".into(),
        "pdf" => "PDF is not supported yet: copy its text into a .txt file".into(),
        "" => "a file without an extension is not read: name it .txt if it is plain text".into(),
        e => format!(".{e} files are not supported: Corpus Lens reads plain text (.txt), Markdown (.md), HTML (.html), Word (.docx), tables (.csv, .tsv, .json, .jsonl) and zips of them"),
    }
}

/// An id of at most 80 characters: a longer one (ASCII, as ids are) keeps
/// its start and a hash of the whole, so "… part 1" and "… part 10" stay
/// apart and the same story keeps its id.
fn capped(id: String) -> String {
    if id.len() <= 80 || !id.is_ascii() {
        return id;
    }
    let h = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    });
    format!("{}-{:08x}", id[..64].trim_end_matches('-'), h as u32)
}

/// The id of a file: see the module's docs.
fn base_id(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let mut id = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() || !is_valid_id(&id) {
        // FNV-1a of the path: the same path, the same id.
        let h = path.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
        format!("article-{:08x}", h as u32)
    } else {
        id
    }
}

/// The file's name as a title: its stem, `_` and `-` as spaces.
fn name_as_title(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let t = stem.replace(['_', '-'], " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        name.to_string()
    } else {
        t
    }
}

/// Imports `files` (see the module's docs for ids and dates).
pub fn import<'a>(files: impl IntoIterator<Item = ImportFile<'a>>, opts: ImportOptions) -> Report {
    let mut files: Vec<ImportFile> = files.into_iter().collect();
    files.sort_by(|a, b| a.path.cmp(b.path));
    let mut importer = Importer::new(opts);
    for f in files {
        importer.add(f.path, f.bytes);
    }
    importer.finish()
}

/// An import fed one file at a time, so that a caller (the page's import
/// worker) holds one file's bytes at once and can say how far it has come.
/// Give the files in path order ([`import`] sorts them): ids are given in
/// the order files come, and so are stable only in that order.
pub struct Importer {
    state: State,
}

impl Importer {
    /// An import with the reader's answers.
    pub fn new(opts: ImportOptions) -> Importer {
        Importer {
            state: State {
                report: Report::default(),
                given: HashSet::new(),
                next: HashMap::new(),
                seen: HashMap::new(),
                opts,
            },
        }
    }

    /// An import that adds to `corpus`: its articles are kept (first in
    /// the report's articles, counted in [`Report::kept`]), their ids are
    /// not given again and their texts are duplicates of a file that
    /// repeats them; the corpus' name stays.
    pub fn adding_to(corpus: &crate::corpus::Corpus, opts: ImportOptions) -> Importer {
        let mut i = Importer::new(opts);
        let s = &mut i.state;
        for a in corpus.articles() {
            s.given.insert(a.id.to_string());
            s.seen.insert(fingerprint(&body_text(a)), a.id.to_string());
            s.report.articles.push(a.clone());
        }
        s.report.kept = corpus.articles().len();
        s.report.info = Some(corpus.info().clone());
        i
    }

    /// Reads one file (a zip's entries one by one).
    pub fn add(&mut self, path: &str, bytes: &[u8]) {
        self.state.file(path, bytes, true);
    }

    /// Reads a zip archive from `source`, a piece at a time (never the
    /// whole archive in memory): as [`Importer::add`] its bytes, for a
    /// path [`Importer::reads_in_pieces`].
    pub fn add_zip<S: zip::Source + ?Sized>(&mut self, path: &str, source: &S) {
        if skipped_on_purpose(path) {
            self.state.report.skipped.push(path.to_string());
            return;
        }
        self.state.archive(path, source);
    }

    /// Whether the file at `path` is a zip archive to read with
    /// [`Importer::add_zip`].
    pub fn reads_in_pieces(path: &str) -> bool {
        extension(path) == "zip" && !skipped_on_purpose(path)
    }

    /// Whether the file at `path`, of `size` bytes, must be read: not when
    /// it is skipped on purpose, of a format not read, or over the size
    /// limit (then [`Importer::add_unread`] says so, without its bytes:
    /// a video in a folder is never read into memory).
    pub fn needs_bytes(path: &str, size: u64) -> bool {
        let ext = extension(path);
        let name = path.rsplit('/').next().unwrap_or(path);
        !skipped_on_purpose(path)
            && (ext == "zip"
                || name.eq_ignore_ascii_case("corpus.toml")
                || (readable(&ext) && size <= MAX_FILE as u64))
    }

    /// Adds a file that [`Importer::needs_bytes`] said need not be read.
    pub fn add_unread(&mut self, path: &str, size: u64) {
        if !skipped_on_purpose(path) && readable(&extension(path)) && size > MAX_FILE as u64 {
            self.state.report.files += 1;
            self.state.report.problems.push(Problem {
                file: path.to_string(),
                line: None,
                message: too_big(size),
            });
        } else {
            // Skipped on purpose, or a format not read: said from the path.
            self.state.file(path, &[], true);
        }
    }

    /// Notes a file that could not be read at all (the browser refused it).
    pub fn unreadable(&mut self, path: &str, why: &str) {
        self.state.report.files += 1;
        self.state.report.problems.push(Problem {
            file: path.to_string(),
            line: None,
            message: format!("not read: {why}"),
        });
    }

    /// The report so far.
    pub fn report(&self) -> &Report {
        &self.state.report
    }

    /// The report.
    pub fn finish(self) -> Report {
        self.state.report
    }
}

/// An import under way: the report so far, the ids given, the texts seen.
struct State {
    report: Report,
    /// Every id given.
    given: HashSet<String>,
    /// For a base asked for twice or more, the last suffix tried.
    next: HashMap<String, usize>,
    /// The texts kept so far ([`fingerprint`]), with the id of the article that gave each.
    seen: HashMap<(u64, u64), String>,
    opts: ImportOptions,
}

impl State {
    /// `base`, or `base-2`, `base-3`…: an id no article of this import has
    /// yet, a generated one included (`report`, `report-2` for a second
    /// `report.txt`; then a file named `report-2.txt` gets `report-2-2`).
    fn unique(&mut self, base: String) -> String {
        if self.given.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let id = format!("{base}-{n}");
            if self.given.insert(id.clone()) {
                return id;
            }
        }
    }

    /// Reads the zip archive at `path` (counted as a file only when it is
    /// not one), its entries the files read, one at a time.
    fn archive<S: zip::Source + ?Sized>(&mut self, path: &str, source: &S) {
        let limits = zip::Limits::default();
        let read = zip::Archive::from_source(source, limits).and_then(|archive| {
            // Entries out of name order in the file (a zip tool's listing
            // order): read whole, as any file is, rather than a window an
            // entry. A few steps back cost a few windows.
            if archive.steps_back() <= 64 || source.size() > MAX_FILE {
                self.entries(path, archive);
                return Ok(());
            }
            let bytes = source.read(0, source.size())?;
            self.entries(path, zip::Archive::new(&bytes, limits)?);
            Ok(())
        });
        if let Err(why) = read {
            self.report.files += 1;
            self.report.problems.push(Problem {
                file: path.to_string(),
                line: None,
                message: format!("not read: {why}"),
            });
        }
    }

    /// The entries of the archive at `path`, each a file read.
    fn entries<S: zip::Source + ?Sized>(&mut self, path: &str, archive: zip::Archive<'_, S>) {
        for e in archive {
            let inner = format!("{path}/{}", e.name);
            match e.data {
                Ok(b) => self.file(&inner, &b, false),
                Err(why) => {
                    self.report.files += 1;
                    self.report.problems.push(Problem {
                        file: inner,
                        line: None,
                        message: why,
                    });
                }
            }
        }
    }

    /// Reads one file (`may_be_zip`: not an entry of a zip already).
    fn file(&mut self, path: &str, bytes: &[u8], may_be_zip: bool) {
        if skipped_on_purpose(path) {
            self.report.skipped.push(path.to_string());
            return;
        }
        self.report.files += 1;
        let problem = |line: Option<usize>, message: String| Problem {
            file: path.to_string(),
            line,
            message,
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = extension(path);
        // An export's corpus.toml: the corpus' name, read by the build's parser.
        if name.eq_ignore_ascii_case("corpus.toml") {
            match parse_corpus_info(path, bytes) {
                Ok(info) => self.report.info = Some(info),
                Err(problems) => self.report.problems.extend(problems),
            }
            return;
        }
        if ext == "zip" {
            if !may_be_zip {
                self.report.problems.push(problem(
                    None,
                    "a zip inside a zip is not read: unpack it first".into(),
                ));
                return;
            }
            self.report.files -= 1;
            self.archive(path, bytes);
            return;
        }
        if !readable(&ext) {
            self.report.problems.push(problem(None, unsupported(&ext)));
            return;
        }
        if bytes.len() > MAX_FILE {
            self.report
                .problems
                .push(problem(None, too_big(bytes.len() as u64)));
            return;
        }
        if bytes.is_empty() {
            self.report
                .problems
                .push(problem(None, "the file is empty".into()));
            return;
        }
        // A Word document is a zip of XML, not text.
        let word = if ext == "docx" {
            match docx::read(bytes) {
                Ok(w) if nexis::is_export(&w.paragraphs) => {
                    return self.exported(path, nexis::articles(&w.paragraphs), "Nexis Uni");
                }
                Ok(w) => Some(docx::draft(w)),
                Err(why) => {
                    self.report
                        .problems
                        .push(problem(None, format!("not read: {why}")));
                    return;
                }
            }
        } else {
            None
        };
        let decoded = if word.is_some() {
            Ok((String::new(), Encoding::Utf8))
        } else {
            decode(bytes)
        };
        let (content, encoding) = match decoded {
            Ok(d) => d,
            Err(why) => {
                self.report
                    .problems
                    .push(problem(None, format!("not read: {why}")));
                return;
            }
        };
        if encoding != Encoding::Utf8 {
            self.report.notes.push(problem(
                None,
                format!("read as {} (not UTF-8)", encoding.name()),
            ));
        }
        if matches!(ext.as_str(), "csv" | "tsv" | "json" | "jsonl") {
            self.table(path, &content, &ext);
            return;
        }
        // An id of its own, stable for the same path.
        let id = self.unique(base_id(path));
        let is_md = matches!(ext.as_str(), "md" | "markdown");
        // The project's own format: the build's parser and its messages.
        if is_md && content.trim_start_matches('\u{feff}').starts_with("+++") {
            match parse_article(&id, path, content.as_bytes()) {
                Ok(a) => self.keep_or_hold(path, a, None),
                Err(problems) => {
                    self.given.remove(&id);
                    self.report.problems.extend(problems);
                }
            }
            return;
        }
        let draft = if let Some(d) = word {
            d
        } else if is_md {
            plain::markdown(&content)
        } else if matches!(ext.as_str(), "html" | "htm") {
            let exported = factiva::articles(&content);
            if !exported.is_empty() {
                self.given.remove(&id);
                return self.exported(path, exported, "Factiva");
            }
            let exported = europresse::articles(&content);
            if !exported.is_empty() {
                self.given.remove(&id);
                return self.exported(path, exported, "Europresse");
            }
            html::html(&content)
        } else if lexis::is_export(&content) {
            self.given.remove(&id);
            return self.exported(path, lexis::articles(&content), "LexisNexis");
        } else if proquest::is_export(&content) {
            self.given.remove(&id);
            return self.exported(path, proquest::articles(&content), "ProQuest");
        } else {
            plain::text(&content)
        };
        self.add_draft(path, id, draft);
    }

    /// A news database export's articles ([`lexis`], [`proquest`]): each is
    /// an article (its id the export's own, or made of its publication,
    /// date and headline, so the same story in two exports is one), or a
    /// line of the report naming its number.
    fn exported(&mut self, path: &str, articles: Vec<Exported>, format: &str) {
        for e in articles {
            match e.draft {
                Err(why) => self.report.problems.push(Problem {
                    file: path.to_string(),
                    line: e.line,
                    message: format!("article {} of the {format} export: {why}", e.number),
                }),
                Ok(draft) if e.id.is_some() => {
                    let id = self.unique(capped(e.id.unwrap_or_default().to_lowercase()));
                    self.add_draft(&format!("{path}, article {}", e.number), id, draft);
                }
                Ok(draft) => {
                    let named = [&draft.source, &draft.date, &draft.title]
                        .iter()
                        .filter_map(|f| f.as_deref())
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace(['/', '.'], " ");
                    let id = self.unique(capped(base_id(&named)));
                    self.add_draft(&format!("{path}, article {}", e.number), id, draft);
                }
            }
        }
    }

    /// Makes the article `id` of what `path` says (`draft`): its date
    /// found, its text in NFC, held until dated if need be.
    fn add_draft(&mut self, path: &str, id: String, draft: plain::Draft) {
        let problem = |line: Option<usize>, message: String| Problem {
            file: path.to_string(),
            line,
            message,
        };
        self.report.notes.extend(
            draft
                .notes
                .iter()
                .map(|(line, what)| problem(Some(*line), what.clone())),
        );
        // An article is text: a title alone is none (the corpus format
        // refuses an empty body, so an export could not be read again).
        if draft.body.is_empty() {
            self.given.remove(&id);
            self.report.problems.push(problem(
                None,
                if draft.title.is_some() {
                    "the file holds a title but no text"
                } else {
                    "the file holds no text"
                }
                .into(),
            ));
            return;
        }
        // A text far shorter than the export says was cut (by the database,
        // or by a broken download): said, not refused.
        if let Some(stated) = draft.stated_words {
            let read: usize = draft
                .body
                .iter()
                .map(|b| crate::text::tokenize::words(b.text()).count())
                .sum();
            if read * 2 < stated {
                self.report.notes.push(problem(
                    None,
                    format!("the export says the text has {stated} words, but {read} were read: it may be cut short"),
                ));
            }
        }
        // The date: the file's own field, its URL, its name.
        let mut why_undated = "no date in the file, its URL or its name".to_string();
        let mut found: Option<(ArticleDate, String)> = None;
        if let Some(v) = &draft.date {
            match dates::written(v, self.opts.numeric_order) {
                Written::Date(d) => found = Some((d, "the file's date field".into())),
                Written::Ambiguous => {
                    self.report.asks_numeric_order = true;
                    why_undated = format!("its date “{v}” reads two ways (day or month first)");
                }
                Written::NotADate => {
                    self.report.notes.push(problem(
                        None,
                        format!("the date “{v}” is not a date Corpus Lens reads"),
                    ));
                }
            }
        }
        if found.is_none()
            && !matches!(
                draft
                    .date
                    .as_deref()
                    .map(|v| dates::written(v, self.opts.numeric_order)),
                Some(Written::Ambiguous)
            )
        {
            found = draft
                .url
                .as_deref()
                .and_then(dates::in_url)
                .map(|d| (d, "a date in its URL".into()))
                .or_else(|| {
                    dates::in_file_name(path).map(|d| (d, "a date in its file name".into()))
                })
                .or_else(|| {
                    // The file's own properties, last, and marked: usually when
                    // it was made or saved, not published.
                    match draft
                        .fallback_date
                        .as_deref()
                        .map(|v| dates::written(v, None))
                    {
                        Some(Written::Date(d)) => Some((
                            d,
                            "the file's own properties (usually when it was saved, not published)"
                                .into(),
                        )),
                        _ => None,
                    }
                });
        }
        // In NFC, as the build stores text (the page has no normalisation tables).
        let nfc = |s: &str| crate::text::tokenize::nfc(s).into_owned();
        let draft = plain::Draft {
            title: draft.title.as_deref().map(nfc),
            source: draft.source.as_deref().map(nfc),
            section: draft.section.as_deref().map(nfc),
            author: draft.author.as_deref().map(nfc),
            translator: draft.translator.as_deref().map(nfc),
            tags: draft.tags.iter().map(|t| nfc(t)).collect(),
            body: draft
                .body
                .iter()
                .map(|b| match b {
                    Block::Paragraph(t) => Block::Paragraph(nfc(t).into()),
                    Block::Heading { level, text } => Block::Heading {
                        level: *level,
                        text: nfc(text).into(),
                    },
                })
                .collect(),
            ..draft
        };
        let title = draft
            .title
            .clone()
            .unwrap_or_else(|| nfc(&name_as_title(path)));
        let placeholder = ArticleDate {
            year: 1,
            month: None,
            day: None,
        };
        let mut a = Article::new(
            id,
            title,
            found.as_ref().map_or(placeholder, |(d, _)| *d),
            draft.body.clone(),
        );
        if let Some(l) = &draft.language {
            a.language = l.clone().into();
        }
        // Each tag once, ignoring case, as the corpus format requires.
        let mut seen_tags = HashSet::new();
        a.tags = draft
            .tags
            .iter()
            .filter(|t| !t.trim().is_empty() && seen_tags.insert(crate::corpus::fold_value(t)))
            .map(|t| t.trim().to_string().into())
            .collect();
        a.date_basis = (draft.date_basis.clone())
            .or_else(|| found.as_ref().map(|(_, how)| format!("imported: {how}")))
            .map(Into::into);
        let a = a.with_meta(Metadata {
            source: draft.source.clone().map(Into::into),
            section: draft.section.clone().map(Into::into),
            url: draft.url.clone().map(Into::into),
            author: draft.author.clone().map(Into::into),
            translator: draft.translator.clone().map(Into::into),
        });
        let why = found.is_none().then_some(why_undated);
        self.keep_or_hold(path, a, why);
    }
}

impl State {
    /// A table's rows as articles (see [`table`]).
    fn table(&mut self, path: &str, content: &str, ext: &str) {
        let t = match ext {
            "csv" => table::delimited(content, b','),
            "tsv" => table::delimited(content, b'\t'),
            "json" => table::json(content, false),
            _ => table::json(content, true),
        };
        let at = |line: usize, message: String| Problem {
            file: path.to_string(),
            line: Some(line),
            message,
        };
        self.report
            .notes
            .extend(t.problems.iter().map(|(l, what)| at(*l, what.clone())));
        let m = self
            .opts
            .mappings
            .get(path)
            .cloned()
            .unwrap_or_else(|| table::guess(&t));
        self.report.tables.push(TableRead {
            path: path.to_string(),
            columns: t.columns.clone(),
            mapping: m.clone(),
            samples: (0..t.columns.len())
                .map(|c| table::sample(&t, c, 60))
                .collect(),
        });
        if t.rows.is_empty() {
            self.report.problems.push(Problem {
                file: path.to_string(),
                line: None,
                message: "the table has no rows".into(),
            });
            return;
        }
        let Some(text_col) = m.text else {
            self.report.problems.push(Problem {
                file: path.to_string(),
                line: None,
                message: "no column holds the articles' text: say which one does".into(),
            });
            return;
        };
        let base = base_id(path);
        let stem = name_as_title(path);
        let nfc = |s: &str| crate::text::tokenize::nfc(s).into_owned();
        for (line, row) in &t.rows {
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .map(|v| v.trim())
                    .filter(|v| !v.is_empty())
            };
            let Some(text) = row.get(text_col) else {
                self.report.problems.push(at(
                    *line,
                    format!(
                        "the text's column ({}) is not one of the table's {} columns",
                        text_col + 1,
                        t.columns.len()
                    ),
                ));
                continue;
            };
            let body: Vec<Block> = text
                .replace("\r\n", "\n")
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .map(|p| Block::Paragraph(nfc(&p).into()))
                .collect();
            if body.is_empty() {
                self.report
                    .problems
                    .push(at(*line, "the row's text is empty".into()));
                continue;
            }
            let title = cell(m.title).map_or_else(|| format!("{stem}, row {line}"), nfc);
            let mut why = None;
            let mut found: Option<(ArticleDate, &str)> = None;
            match cell(m.date).map(|v| (v, dates::written(v, self.opts.numeric_order))) {
                Some((_, Written::Date(d))) => {
                    found = Some((d, "imported: the table's date column"))
                }
                Some((v, Written::Ambiguous)) => {
                    self.report.asks_numeric_order = true;
                    why = Some(format!(
                        "its date “{v}” reads two ways (day or month first)"
                    ));
                }
                Some((v, Written::NotADate)) => {
                    why = Some(format!("its date “{v}” is not a date Corpus Lens reads"))
                }
                None => {}
            }
            if found.is_none() && why.is_none() {
                found = cell(m.url)
                    .and_then(dates::in_url)
                    .map(|d| (d, "imported: a date in its URL"))
                    .or_else(|| {
                        dates::in_file_name(path).map(|d| (d, "imported: a date in its file name"))
                    });
            }
            let placeholder = ArticleDate {
                year: 1,
                month: None,
                day: None,
            };
            let mut a = Article::new(
                self.unique(format!("{base}-{line}")),
                title,
                found.map_or(placeholder, |(d, _)| d),
                body,
            );
            a.date_basis = found.map(|(_, how)| how.to_string().into());
            a = a.with_meta(Metadata {
                source: cell(m.source).map(|v| nfc(v).into()),
                section: cell(m.section).map(|v| nfc(v).into()),
                url: cell(m.url).map(|v| v.to_string().into()),
                author: cell(m.author).map(|v| nfc(v).into()),
                translator: None,
            });
            a.tags = cell(m.tags)
                .map(|v| {
                    v.split([',', ';'])
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| nfc(t).into())
                        .collect()
                })
                .unwrap_or_default();
            let why = found
                .is_none()
                .then(|| why.unwrap_or_else(|| "no date in its row".into()));
            self.keep_or_hold(&format!("{path}#{line}"), a, why);
        }
    }
}

/// The text an exact duplicate repeats: the body's blocks.
fn body_text(a: &Article) -> String {
    a.body
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Two independent 64-bit hashes of a text: how an import knows an exact
/// duplicate without holding every text a second time.
fn fingerprint(text: &str) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    let mut sip = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut sip);
    let fnv = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    });
    (sip.finish(), fnv)
}

impl State {
    /// Adds `a` unless an article of the same text came before (then it is
    /// listed as a duplicate, and its id is free again); with `undated`
    /// (why it has no date), holds it among the undated.
    fn keep_or_hold(&mut self, path: &str, a: Article, undated: Option<String>) {
        let text = body_text(&a);
        let print = fingerprint(&text);
        if let Some(first) = self.seen.get(&print).filter(|_| !text.is_empty()) {
            self.report
                .duplicates
                .push((path.to_string(), first.clone()));
            self.given.remove(&*a.id);
            return;
        }
        self.seen.insert(print, a.id.to_string());
        match undated {
            None => self.report.articles.push(a),
            Some(why) => self.report.undated.push(Undated {
                path: path.to_string(),
                article: a,
                why,
            }),
        }
    }
}
