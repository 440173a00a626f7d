//! Reading and validating a corpus folder (feature `load`; used by `build.rs`).
//!
//! Every problem is reported with its file and, where it has one, its line;
//! a file with several problems reports each of them. Nothing is skipped
//! silently: a file that is neither an article (`*.md`) nor `corpus.toml`
//! is a problem too, except hidden files (names starting with a dot).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::corpus::body::{parse_body, Block};
use crate::corpus::date::ArticleDate;
use crate::corpus::{fold_value, Article, Corpus, CorpusInfo, Metadata, Text};
use crate::text::distance::edit_distance;

/// One thing wrong with a corpus: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given to the loader (e.g. `corpus/a.md`).
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What is wrong, for a person.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The keys an article's front matter may have.
pub const ARTICLE_KEYS: [&str; 10] = [
    "title",
    "date",
    "date_basis",
    "source",
    "section",
    "url",
    "author",
    "translator",
    "language",
    "tags",
];
const CORPUS_KEYS: &[&str] = &["name", "description", "language", "stop_words"];

/// The largest file the loader reads, in bytes (16 MiB): an article larger
/// than this is a problem, not a slow page.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Problems of one kind in one file reported one by one before the rest are
/// summed up in one line ("… and 99,990 more repeated tags").
const SHOWN_PER_KIND: usize = 5;

/// Whether `id` (a file name without `.md`) may be an article's id: ASCII
/// letters, digits, `-`, `_` and `.`, not starting with a dot. Ids appear in
/// URLs and file names, and nothing else can then be read as a command, a
/// path or markup.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A path as a problem shows it: control characters (a line break in a file
/// name) escaped, so that a message is always one line of plain text.
fn shown_path(path: &Path) -> String {
    let s = path.display().to_string();
    if s.chars().any(char::is_control) {
        s.escape_debug().to_string()
    } else {
        s
    }
}

/// What a directory entry is, read without following it.
enum Entry {
    File,
    Dir,
    /// A symbolic link to a regular file inside the folder.
    Link,
    /// Anything else: what is wrong with it.
    Refused(String),
}

fn entry_kind(dir_real: Option<&Path>, path: &Path) -> Entry {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => return Entry::Refused(format!("cannot read: {e}")),
    };
    let t = meta.file_type();
    if t.is_dir() {
        return Entry::Dir;
    }
    if t.is_file() {
        return Entry::File;
    }
    if t.is_symlink() {
        let target = match std::fs::canonicalize(path) {
            Ok(t) => t,
            Err(e) => return Entry::Refused(format!("a symbolic link to nothing readable: {e}")),
        };
        if dir_real.is_none_or(|d| target.parent() != Some(d)) {
            return Entry::Refused(
                "a symbolic link to a file outside the corpus folder is not read: copy the file in instead".into(),
            );
        }
        return match std::fs::metadata(&target) {
            Ok(m) if m.is_file() => Entry::Link,
            _ => {
                Entry::Refused("a symbolic link to something other than a file is not read".into())
            }
        };
    }
    Entry::Refused(
        "not a regular file (a pipe, socket or device): the corpus folder holds only files".into(),
    )
}

/// Reads a file of at most [`MAX_FILE_BYTES`] (checked before and while reading).
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let too_big = |n: u64| {
        format!(
            "the file is {:.1} MiB, more than the {} MiB an article may have: split it",
            n as f64 / (1u64 << 20) as f64,
            MAX_FILE_BYTES >> 20
        )
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads every file of `dir` into a corpus, or returns every problem found.
pub fn load_corpus_dir(dir: &Path) -> Result<Corpus, Vec<Problem>> {
    load_corpus_dir_reading(dir, &NoOtherFiles).map(|(corpus, _)| corpus)
}

/// What reads the files of a corpus folder that are neither articles nor
/// `corpus.toml` (news databases' exports: `import::NewsExports`, given by
/// the caller, since the corpus knows nothing of imports).
pub trait OtherFiles {
    /// Whether the file `name` (a `.txt`, `.html`, `.htm` or `.docx`
    /// file), `bytes`, is one it reads.
    fn claims(&self, name: &str, bytes: &[u8]) -> bool;
    /// Its articles from the files it claimed (the folder's label, bytes),
    /// the problems that stop the build, and what it only notes.
    fn read(&self, files: &[(String, Vec<u8>)]) -> (Vec<Article>, Vec<Problem>, Vec<Problem>);
}

/// The news databases' exports a corpus folder may hold, as messages name them.
pub const NEWS_EXPORTS: &str =
    "LexisNexis or ProQuest `.txt`, Factiva or Europresse `.html`, Nexis Uni `.docx`";

/// No other files: a `.txt` file is an error, as any file not an article.
pub struct NoOtherFiles;

impl OtherFiles for NoOtherFiles {
    fn claims(&self, _: &str, _: &[u8]) -> bool {
        false
    }
    fn read(&self, _: &[(String, Vec<u8>)]) -> (Vec<Article>, Vec<Problem>, Vec<Problem>) {
        (Vec::new(), Vec::new(), Vec::new())
    }
}

/// [`load_corpus_dir`], with `other` reading the `.txt`, `.html` and
/// `.docx` files it claims,
/// and what the build says without stopping (`other`'s notes).
pub fn load_corpus_dir_reading(
    dir: &Path,
    other: &dyn OtherFiles,
) -> Result<(Corpus, Vec<Problem>), Vec<Problem>> {
    let label = |name: &str| shown_path(&dir.join(name));
    let dir_real = std::fs::canonicalize(dir).ok();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return Err(vec![Problem {
                file: dir.display().to_string(),
                line: None,
                message: format!("cannot read the corpus folder: {e}"),
            }])
        }
    };
    let mut names = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push(entry.file_name()),
            Err(e) => problems.push(Problem {
                file: dir.display().to_string(),
                line: None,
                message: format!("cannot list the folder: {e}"),
            }),
        }
    }
    names.sort();
    let mut files = Vec::new();
    // The files `other` reads (news databases' exports).
    let mut exports: Vec<(String, Vec<u8>)> = Vec::new();
    let mut info_text = None;
    for name in names {
        let Some(name) = name.to_str().map(str::to_owned) else {
            problems.push(Problem {
                file: label(&name.to_string_lossy()),
                line: None,
                message: "the file name is not valid UTF-8; rename it".into(),
            });
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let path = dir.join(&name);
        let refuse = |problems: &mut Vec<Problem>, message: String| {
            problems.push(Problem {
                file: label(&name),
                line: None,
                message,
            })
        };
        match entry_kind(dir_real.as_deref(), &path) {
            Entry::File | Entry::Link => {}
            Entry::Dir => {
                refuse(
                    &mut problems,
                    "a folder inside the corpus folder is not read; move its articles up or out"
                        .into(),
                );
                continue;
            }
            Entry::Refused(why) => {
                refuse(&mut problems, why);
                continue;
            }
        }
        let read = |problems: &mut Vec<Problem>| match read_limited(&path) {
            Ok(bytes) => Some(bytes),
            Err(message) => {
                refuse(problems, message);
                None
            }
        };
        if name == "corpus.toml" {
            info_text = read(&mut problems).map(|b| (label(&name), b));
        } else if let Some(id) = name.strip_suffix(".md") {
            if !is_valid_id(id) {
                refuse(
                    &mut problems,
                    format!(
                        "{:?} cannot be an id: the file name before `.md` may hold only ASCII letters, digits, `-`, `_` and `.`; rename the file",
                        id
                    ),
                );
                continue;
            }
            // Read when parsed, one at a time: the folder is never held
            // whole beside its articles.
            files.push((id.to_string(), label(&name), path));
        } else {
            let lower = name.to_ascii_lowercase();
            if [".txt", ".html", ".htm", ".docx"]
                .iter()
                .any(|e| lower.ends_with(e))
            {
                if let Some(bytes) = read(&mut problems) {
                    if other.claims(&name, &bytes) {
                        exports.push((label(&name), bytes));
                    } else {
                        refuse(&mut problems, format!("not an article: a `{}` file is read only when it is a news database's export ({NEWS_EXPORTS}); write an article as a `.md` file", &lower[lower.rfind('.').unwrap_or(0)..]));
                    }
                }
                continue;
            }
            problems.push(Problem {
                file: label(&name),
                line: None,
                message: format!("not an article: articles are `.md` files, and the only other files read are `corpus.toml` and news databases' exports ({NEWS_EXPORTS})"),
            });
        }
    }
    let info = match info_text {
        Some((file, bytes)) => match parse_corpus_info(&file, &bytes) {
            Ok(info) => Some(info),
            Err(p) => {
                problems.extend(p);
                None
            }
        },
        None => Some(CorpusInfo {
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Corpus".into()),
            description: None,
            ..Default::default()
        }),
    };
    let mut articles: Vec<Article> = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (id, file, path) in &files {
        if let Some(first) = seen.get(&fold_value(id)) {
            problems.push(Problem {
                file: file.clone(),
                line: None,
                message: format!("duplicate id {id:?}: {first} has the same name (ids are compared ignoring case, as on case-insensitive disks)"),
            });
            continue;
        }
        let bytes = match read_limited(path) {
            Ok(bytes) => bytes,
            Err(message) => {
                problems.push(Problem {
                    file: file.clone(),
                    line: None,
                    message,
                });
                continue;
            }
        };
        seen.insert(fold_value(id), file);
        match parse_article(id, file, &bytes) {
            Ok(a) => articles.push(a),
            Err(p) => problems.extend(p),
        }
    }
    let mut notes = Vec::new();
    if !exports.is_empty() {
        let (read, stop, noted) = other.read(&exports);
        problems.extend(stop);
        notes.extend(noted);
        for a in read {
            if let Some(first) = seen.get(&fold_value(&a.id)) {
                problems.push(Problem {
                    file: dir.display().to_string(),
                    line: None,
                    message: format!(
                        "duplicate id {:?}: an article of a news export has the id of {first}",
                        &*a.id
                    ),
                });
                continue;
            }
            articles.push(a);
        }
    }
    if files.is_empty() && exports.is_empty() && problems.is_empty() {
        problems.push(Problem {
            file: dir.display().to_string(),
            line: None,
            message: "empty corpus: the folder has no article (`*.md` file)".into(),
        });
    }
    if problems.is_empty() {
        Ok((
            Corpus::new(info.expect("no problems, so corpus.toml parsed"), articles),
            notes,
        ))
    } else {
        Err(problems)
    }
}

/// Parses `corpus.toml`: `name` (required), `description`, `language` (of
/// the articles that name none) and `stop_words` (left out in every
/// language besides each language's list).
pub fn parse_corpus_info(file: &str, bytes: &[u8]) -> Result<CorpusInfo, Vec<Problem>> {
    let text = utf8(file, bytes)?;
    let mut fields = Fields::parse(file, text, 0, CORPUS_KEYS)?;
    let name = fields.string("name", true);
    let description = fields.string("description", false);
    let language = fields.language();
    let stop_words = fields.stop_words();
    fields.finish()?;
    Ok(CorpusInfo {
        name: name.expect("required and no problems"),
        description,
        language,
        stop_words,
    })
}

/// Parses one article file: `+++` front matter `+++`, then the body.
pub fn parse_article(id: &str, file: &str, bytes: &[u8]) -> Result<Article, Vec<Problem>> {
    let problem = |line: usize, message: String| {
        vec![Problem {
            file: file.into(),
            line: Some(line),
            message,
        }]
    };
    let text = utf8(file, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if id.is_empty() {
        return Err(problem(
            1,
            "the file name before `.md` is empty, and it is the article's id".into(),
        ));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(problem(
            1,
            "the file must start with a `+++` line that opens the TOML front matter".into(),
        ));
    }
    let fm_start = first.len();
    let mut offset = fm_start;
    let mut close = None;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "+++" {
            close = Some((offset, offset + line.len(), i + 2));
            break;
        }
        offset += line.len();
    }
    let Some((fm_end, body_start, close_line)) = close else {
        return Err(problem(
            1,
            "the front matter opened here is never closed by a `+++` line".into(),
        ));
    };
    let front = &text[fm_start..fm_end];
    let body = &text[body_start..];

    let mut problems = Vec::new();
    let mut fields = match Fields::parse(file, front, 1, &ARTICLE_KEYS) {
        Ok(f) => Some(f),
        Err(p) => {
            problems.extend(p);
            None
        }
    };
    let blocks = parse_body(body);
    if blocks.is_empty() {
        problems.push(Problem {
            file: file.into(),
            line: Some(close_line + 1),
            message: "empty body: the article has no text after its front matter".into(),
        });
    }
    let Some(fields) = fields.as_mut() else {
        return Err(problems);
    };
    let title = fields.string("title", true);
    let date = fields.date();
    let date_basis = fields.string("date_basis", false);
    let source = fields.string("source", false);
    let section = fields.string("section", false);
    let url = fields.string("url", false);
    let author = fields.string("author", false);
    let translator = fields.string("translator", false);
    let language = fields.language();
    let tags = fields.tags();
    if let Err(p) = fields.finish_mut() {
        problems.extend(p);
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }
    // Stored in NFC (canonically equivalent: it reads the same), so that the
    // page, which has no normalisation tables, meets only NFC text.
    let nfc = |s: &str| Text::Owned(crate::text::tokenize::nfc(s).into_owned());
    let opt = |s: Option<String>| s.as_deref().map(nfc);
    let blocks = blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(t) => Block::Paragraph(nfc(&t)),
            Block::Heading { level, text } => Block::Heading {
                level,
                text: nfc(&text),
            },
        })
        .collect();
    Ok(Article {
        id: Text::Owned(id.to_owned()),
        title: nfc(&title.expect("checked")),
        date: date.expect("checked"),
        date_basis: opt(date_basis),
        meta: None,
        // None given: the corpus' language, filled in by `Corpus::new`.
        language: language.map_or(Text::Borrowed(""), Text::Owned),
        tags: tags.iter().map(|t| nfc(t)).collect(),
        body: blocks,
    }
    .with_meta(Metadata {
        source: opt(source),
        section: opt(section),
        url: url.map(Text::Owned),
        author: opt(author),
        translator: opt(translator),
    }))
}

fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<Problem>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        vec![Problem {
            file: file.into(),
            line: Some(line),
            message: format!(
                "invalid UTF-8 at column {column} (byte 0x{:02x}): save the file as UTF-8",
                bytes[e.valid_up_to()]
            ),
        }]
    })
}

/// A parsed TOML table whose keys are taken one by one, collecting problems.
struct Fields<'a> {
    file: &'a str,
    /// Byte offset of each line break of the front matter: a problem's line
    /// is a binary search, not a scan of the text.
    breaks: Vec<usize>,
    /// Lines before `text` in its file.
    line_offset: usize,
    table: Spanned<DeTable<'a>>,
    problems: Vec<Problem>,
    /// Problems found of each kind, for [`summarise`].
    kinds: Vec<&'static str>,
}

/// The 1-based line of byte `pos`, given the offsets of the line breaks.
fn line_of(breaks: &[usize], line_offset: usize, pos: usize) -> usize {
    line_offset + breaks.partition_point(|&b| b < pos) + 1
}

/// Keeps the first [`SHOWN_PER_KIND`] problems of each kind (`kinds[i]` is
/// problem `i`'s, a plural noun) and sums up the rest in one line each.
fn summarise(problems: Vec<Problem>, kinds: &[&'static str]) -> Vec<Problem> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    let mut extra: Vec<(&str, usize, Problem)> = Vec::new();
    for (p, &kind) in problems.into_iter().zip(kinds) {
        let n = counts.entry(kind).or_default();
        *n += 1;
        if *n <= SHOWN_PER_KIND {
            out.push(p);
        } else if *n == SHOWN_PER_KIND + 1 {
            extra.push((kind, 0, p));
        }
    }
    for (kind, _, p) in extra {
        let more = counts[kind] - SHOWN_PER_KIND;
        out.push(Problem {
            message: format!("… and {more} more {kind} in this file, from here on"),
            ..p
        });
    }
    out.sort_by_key(|p| p.line);
    out
}

impl<'a> Fields<'a> {
    fn parse(
        file: &'a str,
        text: &'a str,
        line_offset: usize,
        known: &[&str],
    ) -> Result<Fields<'a>, Vec<Problem>> {
        let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let (table, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            let kinds = vec!["TOML syntax errors"; errors.len()];
            let problems = errors
                .iter()
                .map(|e| Problem {
                    file: file.into(),
                    line: Some(
                        e.span()
                            .map_or(line_offset + 1, |s| line_of(&breaks, line_offset, s.start)),
                    ),
                    message: format!("TOML syntax: {}", e.message().trim()),
                })
                .collect();
            return Err(summarise(problems, &kinds));
        }
        let mut fields = Fields {
            file,
            breaks,
            line_offset,
            table,
            problems: Vec::new(),
            kinds: Vec::new(),
        };
        let unknown: Vec<(String, usize)> = fields
            .table
            .get_ref()
            .iter()
            .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.get_ref().to_string(), k.span().start))
            .collect();
        for (key, pos) in unknown {
            let typed: Vec<char> = key.chars().collect();
            let hint = known
                .iter()
                .find(|k| edit_distance(&k.chars().collect::<Vec<_>>(), &typed, 2).is_some())
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_else(|| format!("; the keys are {}", known.join(", ")));
            fields.push_kind(
                Some(pos),
                format!("unknown key `{key}`{hint}"),
                "unknown keys",
            );
        }
        Ok(fields)
    }

    fn push(&mut self, pos: Option<usize>, message: String) {
        self.push_kind(pos, message, "problems");
    }

    /// A problem of a kind that may repeat many times (see [`summarise`]).
    fn push_kind(&mut self, pos: Option<usize>, message: String, kind: &'static str) {
        let line = match pos {
            Some(p) => line_of(&self.breaks, self.line_offset, p),
            None => self.line_offset.max(1),
        };
        self.problems.push(Problem {
            file: self.file.into(),
            line: Some(line),
            message,
        });
        self.kinds.push(kind);
    }

    fn get(&self, key: &str) -> Option<(usize, &DeValue<'a>)> {
        self.table
            .get_ref()
            .get(key)
            .map(|v| (v.span().start, v.get_ref()))
    }

    /// A string key; an empty string is a problem (leave the key out instead).
    fn string(&mut self, key: &str, required: bool) -> Option<String> {
        match self.get(key) {
            None => {
                if required {
                    self.push(None, format!("missing required key `{key}`"));
                }
                None
            }
            Some((pos, DeValue::String(s))) if s.trim().is_empty() => {
                let _ = s;
                self.push(
                    Some(pos),
                    format!("`{key}` is empty; give a value or leave the key out"),
                );
                None
            }
            Some((_, DeValue::String(s))) => Some(s.trim().to_string()),
            Some((pos, other)) => {
                let t = other.type_str();
                self.push(
                    Some(pos),
                    format!("`{key}` must be a string in quotes, not a {t}"),
                );
                None
            }
        }
    }

    fn date(&mut self) -> Option<ArticleDate> {
        let (pos, text): (usize, Cow<'_, str>) = match self.get("date") {
            None => {
                self.push(None, "missing required key `date`".into());
                return None;
            }
            Some((pos, DeValue::String(s))) => (pos, Cow::Owned(s.to_string())),
            Some((pos, DeValue::Integer(i))) => (pos, Cow::Owned(i.as_str().to_string())),
            Some((pos, DeValue::Datetime(d))) if d.time.is_none() && d.offset.is_none() => {
                (pos, Cow::Owned(d.to_string()))
            }
            Some((pos, other)) => {
                let t = other.type_str();
                self.push(
                    Some(pos),
                    format!("bad date: a {t} is not \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""),
                );
                return None;
            }
        };
        match ArticleDate::parse(text.trim()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(Some(pos), e.to_string());
                None
            }
        }
    }

    fn language(&mut self) -> Option<String> {
        let pos = self.get("language").map(|(p, _)| p);
        let lang = self.string("language", false)?;
        let ok = lang.split('-').enumerate().all(|(i, sub)| {
            let n = sub.len();
            sub.chars().all(|c| c.is_ascii_alphanumeric())
                && if i == 0 {
                    (2..=8).contains(&n) && sub.chars().all(|c| c.is_ascii_alphabetic())
                } else {
                    (1..=8).contains(&n)
                }
        });
        if !ok {
            self.push(
                pos,
                format!(
                    "`language` {lang:?} is not a BCP 47 tag (e.g. \"en\", \"zh-Hans\", \"pt-BR\")"
                ),
            );
            return None;
        }
        Some(lang)
    }

    /// `stop_words`: a list of words, normalised as the index normalises
    /// words, sorted, each once.
    fn stop_words(&mut self) -> Vec<String> {
        let Some((pos, value)) = self.get("stop_words") else {
            return Vec::new();
        };
        let DeValue::Array(items) = value else {
            let t = value.type_str();
            self.push(
                Some(pos),
                format!("`stop_words` must be a list of words, e.g. [\"said\", \"according\"], not a {t}"),
            );
            return Vec::new();
        };
        let mut words = Vec::new();
        let mut bad = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => words.push(s.to_string()),
                DeValue::String(_) => {
                    bad.push((item.span().start, "a stop word is empty".to_string()))
                }
                other => bad.push((
                    item.span().start,
                    format!(
                        "each stop word must be a string, not a {}",
                        other.type_str()
                    ),
                )),
            }
        }
        for (at, m) in bad {
            self.push(Some(at), m);
        }
        crate::text::lexicon::StopList::new("", words).words
    }

    fn tags(&mut self) -> Vec<String> {
        let Some((pos, value)) = self.get("tags") else {
            return Vec::new();
        };
        let DeValue::Array(items) = value else {
            let t = value.type_str();
            self.push(
                Some(pos),
                format!("`tags` must be a list of strings, e.g. [\"social\", \"ai\"], not a {t}"),
            );
            return Vec::new();
        };
        let mut tags: Vec<String> = Vec::new();
        let mut folded: HashSet<String> = HashSet::new();
        let mut found = Vec::new();
        for item in items.iter() {
            let at = item.span().start;
            match item.get_ref() {
                DeValue::String(s) if s.trim().is_empty() => {
                    found.push((at, "a tag is empty".to_string(), "empty tags"))
                }
                DeValue::String(s) => {
                    let tag = s.trim().to_string();
                    // Compared as the index and the facets compare them.
                    if !folded.insert(fold_value(&tag)) {
                        found.push((
                            at,
                            format!(
                                "tag {tag:?} is listed twice (tags are compared ignoring case)"
                            ),
                            "repeated tags",
                        ));
                    } else {
                        tags.push(tag);
                    }
                }
                other => found.push((
                    at,
                    format!("each tag must be a string, not a {}", other.type_str()),
                    "tags that are not strings",
                )),
            }
        }
        for (at, m, kind) in found {
            self.push_kind(Some(at), m, kind);
        }
        tags
    }

    fn finish_mut(&mut self) -> Result<(), Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            let p = std::mem::take(&mut self.problems);
            let kinds = std::mem::take(&mut self.kinds);
            Err(summarise(p, &kinds))
        }
    }

    fn finish(mut self) -> Result<(), Vec<Problem>> {
        self.finish_mut()
    }
}
