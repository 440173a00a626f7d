//! Tables of articles: `.csv`, `.tsv`, `.json` (an array of objects) and
//! `.jsonl` (an object a line), one row an article. Which column is the
//! title, the date, the text and the rest is guessed from the column names
//! (and, for the text, from the longest values); the page shows the guess
//! and the reader may correct it ([`Mapping`], per file).

use std::collections::BTreeMap;

/// Which column holds what (by the column's place in [`Table::columns`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// The title.
    pub title: Option<usize>,
    /// The date.
    pub date: Option<usize>,
    /// The text (required).
    pub text: Option<usize>,
    /// Publication or site.
    pub source: Option<usize>,
    /// The publication's section.
    pub section: Option<usize>,
    /// Where it was found.
    pub url: Option<usize>,
    /// Who wrote it.
    pub author: Option<usize>,
    /// Tags, separated by `,` or `;`.
    pub tags: Option<usize>,
}

impl Mapping {
    /// The fields a column may hold, in the order of [`Mapping::columns`]
    /// (how the page and the worker speak of a mapping).
    pub const FIELDS: [&'static str; 8] = [
        "title", "date", "text", "source", "section", "url", "author", "tags",
    ];

    /// The column of each field of [`Mapping::FIELDS`], in that order.
    pub fn columns(&self) -> [Option<usize>; Mapping::FIELDS.len()] {
        [
            self.title,
            self.date,
            self.text,
            self.source,
            self.section,
            self.url,
            self.author,
            self.tags,
        ]
    }

    /// The mapping whose fields ([`Mapping::FIELDS`], in that order) are in
    /// these columns.
    pub fn from_columns(c: [Option<usize>; Mapping::FIELDS.len()]) -> Mapping {
        let [title, date, text, source, section, url, author, tags] = c;
        Mapping {
            title,
            date,
            text,
            source,
            section,
            url,
            author,
            tags,
        }
    }
}

/// What a column holds, to show the reader: its first value that is not
/// empty, cut to `max` characters (with "…").
pub fn sample(t: &Table, column: usize, max: usize) -> String {
    let Some(v) = t
        .rows
        .iter()
        .filter_map(|(_, r)| r.get(column))
        .map(|v| v.trim())
        .find(|v| !v.is_empty())
    else {
        return String::new();
    };
    let flat = v.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}

/// A table read from a file: its columns and rows (each row as long as the
/// columns, short ones padded), and its problems (line, what).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub columns: Vec<String>,
    /// The rows, with the line (or record) each starts at.
    pub rows: Vec<(usize, Vec<String>)>,
    /// What is wrong with some lines: (line, what).
    pub problems: Vec<(usize, String)>,
}

/// The most columns a table may have: a row is an article, and no
/// article has a thousand fields (a header of a million commas is refused,
/// not padded into every row).
pub const MAX_COLUMNS: usize = 1000;

/// Column names that say what a column holds, lower case, by field.
const NAMES: [(&str, &[&str]); 8] = [
    (
        "title",
        &[
            "title", "headline", "heading", "subject", "name", "titel", "titre", "titulo",
            "título", "titolo",
        ],
    ),
    (
        "date",
        &[
            "date",
            "published",
            "pubdate",
            "publication_date",
            "publication date",
            "date_published",
            "published_at",
            "datetime",
            "time",
            "timestamp",
            "year",
            "datum",
            "fecha",
            "data",
        ],
    ),
    (
        "text",
        &[
            "text",
            "body",
            "content",
            "full_text",
            "fulltext",
            "full text",
            "article",
            "story",
            "abstract",
            "summary",
            "texte",
            "texto",
            "testo",
        ],
    ),
    (
        "source",
        &[
            "source",
            "publication",
            "publisher",
            "outlet",
            "newspaper",
            "site",
            "journal",
            "medium",
            "quelle",
        ],
    ),
    (
        "section",
        &[
            "section",
            "desk",
            "department",
            "rubrique",
            "rubrik",
            "ressort",
            "sección",
        ],
    ),
    ("url", &["url", "link", "href", "permalink", "uri", "web"]),
    (
        "author",
        &[
            "author", "authors", "byline", "writer", "creator", "autor", "auteur",
        ],
    ),
    (
        "tags",
        &[
            "tags",
            "keywords",
            "subjects",
            "categories",
            "topics",
            "tag",
            "keyword",
        ],
    ),
];

/// The guess of which column holds what: by name; the text, without a
/// name that says so, is the column with the longest values.
pub fn guess(t: &Table) -> Mapping {
    let by_name = |field: &str| {
        let names = NAMES
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[][..], |(_, n)| *n);
        names
            .iter()
            .find_map(|n| t.columns.iter().position(|c| c.trim().to_lowercase() == *n))
    };
    let mut m = Mapping {
        title: by_name("title"),
        date: by_name("date"),
        text: by_name("text"),
        source: by_name("source"),
        section: by_name("section"),
        url: by_name("url"),
        author: by_name("author"),
        tags: by_name("tags"),
    };
    if m.text.is_none() {
        let taken = [
            m.title, m.date, m.source, m.section, m.url, m.author, m.tags,
        ];
        m.text = (0..t.columns.len())
            .filter(|c| !taken.contains(&Some(*c)))
            .max_by_key(|&c| {
                t.rows
                    .iter()
                    .map(|(_, r)| r.get(c).map_or(0, String::len))
                    .sum::<usize>()
            })
            .filter(|&c| {
                t.rows
                    .iter()
                    .any(|(_, r)| r.get(c).is_some_and(|v| v.len() > 40))
            });
    }
    m
}

/// A `.csv` (`,`) or `.tsv` (tab) file's table: the first record names the
/// columns; a ragged row is padded or cut, and said. Tab-separated values
/// have no quoting (a cell may start with `"`), comma-separated ones
/// RFC 4180's.
pub fn delimited(text: &str, delimiter: u8) -> Table {
    let mut t = Table::default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter != b'\t')
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    for (i, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(i + 1, |p| p.line() as usize);
        match record {
            Err(e) => t.problems.push((line, format!("not read: {e}"))),
            Ok(r) if i == 0 => {
                if r.len() > MAX_COLUMNS {
                    t.problems.push((
                        line,
                        format!(
                            "{} columns: a table of articles has at most {MAX_COLUMNS}",
                            r.len()
                        ),
                    ));
                    return t;
                }
                t.columns = r
                    .iter()
                    .map(|c| c.trim_start_matches('\u{feff}').to_string())
                    .collect()
            }
            Ok(r) => {
                let mut row: Vec<String> = r.iter().map(String::from).collect();
                if row.len() != t.columns.len() {
                    t.problems.push((
                        line,
                        format!(
                            "{} fields where the header has {}: {}",
                            row.len(),
                            t.columns.len(),
                            if row.len() < t.columns.len() {
                                "the missing ones are empty"
                            } else {
                                "the extra ones are left out"
                            }
                        ),
                    ));
                    row.resize(t.columns.len(), String::new());
                }
                if row.iter().any(|v| !v.trim().is_empty()) {
                    t.rows.push((line, row));
                }
            }
        }
    }
    t
}

/// A `.json` file (an array of objects) or a `.jsonl` one (an object a
/// line): the columns are the keys met, in order; a value that is not a
/// string is written as JSON (a list of strings joined by `, `).
pub fn json(text: &str, lines: bool) -> Table {
    let mut objects: Vec<(usize, serde_json::Map<String, serde_json::Value>)> = Vec::new();
    let mut t = Table::default();
    if lines {
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(serde_json::Value::Object(o)) => objects.push((i + 1, o)),
                Ok(_) => t
                    .problems
                    .push((i + 1, "the line is not an object (`{…}`)".into())),
                Err(e) => t.problems.push((i + 1, format!("not JSON: {e}"))),
            }
        }
    } else {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Array(items)) => {
                for (i, v) in items.into_iter().enumerate() {
                    match v {
                        serde_json::Value::Object(o) => objects.push((i + 1, o)),
                        _ => t
                            .problems
                            .push((i + 1, format!("item {} is not an object (`{{…}}`)", i + 1))),
                    }
                }
            }
            Ok(_) => t.problems.push((
                1,
                "the file is not an array of objects (`[{…}, {…}]`)".into(),
            )),
            Err(e) => t.problems.push((e.line(), format!("not JSON: {e}"))),
        }
    }
    let mut place: BTreeMap<String, usize> = BTreeMap::new();
    for (_, o) in &objects {
        for k in o.keys() {
            if !place.contains_key(k) {
                if t.columns.len() == MAX_COLUMNS {
                    t.problems.push((1, format!("more than {MAX_COLUMNS} different keys: a table of articles has at most {MAX_COLUMNS} columns")));
                    t.columns.clear();
                    return t;
                }
                place.insert(k.clone(), t.columns.len());
                t.columns.push(k.clone());
            }
        }
    }
    for (n, o) in objects {
        let mut row = vec![String::new(); t.columns.len()];
        for (k, v) in o {
            row[place[&k]] = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                serde_json::Value::Array(items) if items.iter().all(|i| i.is_string()) => items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
        }
        t.rows.push((n, row));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_a_ragged_row_and_its_columns_guessed() {
        let t = delimited("\u{feff}Headline,Published,Body,Link\nAlipay grows,2016-09-22,\"Alipay, the app, grew fast over the year and into the next one.\",https://x.org/a\nShort row,2017\n,,,\n", b',');
        assert_eq!(t.columns, ["Headline", "Published", "Body", "Link"]);
        assert_eq!(t.rows.len(), 2, "an empty row is no article");
        assert_eq!(t.rows[1].1, ["Short row", "2017", "", ""]);
        assert_eq!(t.problems.len(), 1);
        assert!(t.problems[0].1.contains("2 fields where the header has 4"));
        let m = guess(&t);
        assert_eq!(
            (m.title, m.date, m.text, m.url),
            (Some(0), Some(1), Some(2), Some(3))
        );
    }

    #[test]
    fn json_arrays_and_lines_and_what_is_not_one() {
        let t = json(
            r#"[{"title": "A", "text": "x", "tags": ["ai", "pay"], "n": 3}, 5, {"title": "B", "date": null}]"#,
            false,
        );
        assert_eq!(t.columns, ["n", "tags", "text", "title", "date"]);
        assert_eq!(t.rows[0].1, ["3", "ai, pay", "x", "A", ""]);
        assert_eq!(t.problems.len(), 1, "{:?}", t.problems);
        let t = json("{\"title\": \"A\"}\n\n[1]\nnot json\n", true);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.problems.iter().map(|p| p.0).collect::<Vec<_>>(), [3, 4]);
        assert!(json("{\"a\": 1}", false).problems[0]
            .1
            .contains("not an array"));
    }

    #[test]
    fn a_table_of_a_million_columns_is_refused_not_padded() {
        let header = ",".repeat(100_000);
        let t = delimited(&format!("{header}\na\nb\n"), b',');
        assert!(
            t.rows.is_empty() && t.problems[0].1.contains("100001 columns"),
            "{:?}",
            t.problems
        );
        let lines: String = (0..2000).map(|i| format!("{{\"k{i}\": 1}}\n")).collect();
        let t = json(&lines, true);
        assert!(t.rows.is_empty() && t.problems.iter().any(|p| p.1.contains("different keys")));
    }

    #[test]
    fn a_tsv_cell_may_start_with_a_quote() {
        let t = delimited(
            "title\ttext\n\"Quoted\" title\tText one.\nSecond\tText two.\n",
            b'\t',
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].1[0], "\"Quoted\" title");
    }

    #[test]
    fn the_text_is_the_longest_column_when_no_name_says_so() {
        let t = delimited("id\tnotes\theadline\n1\tA long paragraph of text that is surely the article's body, not an id.\tHello\n", b'\t');
        let m = guess(&t);
        assert_eq!((m.title, m.text), (Some(2), Some(1)));
    }
}
