//! The query language: what a reader types into the search box.
//!
//! | syntax | meaning |
//! |---|---|
//! | `payment` | the word, in its normalised form (see [`crate::text::tokenize`]) |
//! | `mobile payment` | both (AND is implicit) |
//! | `wechat OR baidu` | either; OR binds tighter than AND: `alipay wechat OR baidu` is alipay AND (wechat OR baidu) |
//! | `-social` | not |
//! | `( … )` | grouping |
//! | `"mobile payment"` | a phrase: consecutive words (a run of Han characters is a phrase of its characters) |
//! | `pay*` | a prefix |
//! | `title:word`, `title:"a phrase"`, `title:pay*` | in the title |
//! | `source:value`, `tag:value` | a whole source or tag, ignoring case (quote values with spaces) |
//! | `lang:de` | the article's language (its primary subtag: `lang:zh` is every Chinese article) |
//! | `year:2015`, `year:2013..2016`, `year:..2015`, `year:2013..` | a year or a range of years |
//!
//! Every string parses to a [`Query`] or to a [`QueryError`] saying what is
//! wrong and where; the parser never panics.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use crate::text::tokenize::words;

/// Where a text term must be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// Title or body.
    Any,
    /// The title only.
    Title,
}

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// Matches every article (the empty query).
    All,
    /// Consecutive words (one word: a plain term); the last may be a prefix.
    Text {
        /// Where.
        field: TextField,
        /// Normalised words, at least one.
        words: Vec<String>,
        /// The last word is a prefix (`pay*`).
        prefix: bool,
    },
    /// The article's source is this (compared ignoring case).
    Source(String),
    /// The article's section is this (compared ignoring case).
    Section(String),
    /// One of the article's tags is this (compared ignoring case).
    Tag(String),
    /// The article's language is this: a BCP 47 tag, compared by its
    /// primary subtag ([`crate::text::language::language_key`]).
    Language(String),
    /// The article's year is in this inclusive range (open ends allowed).
    Year {
        /// First year, if bounded.
        from: Option<u16>,
        /// Last year, if bounded.
        to: Option<u16>,
    },
    /// The article's date lies wholly inside this inclusive span of days
    /// (open ends allowed): from the first day of `from` to the last day of
    /// `to`, each written at the precision typed (`date:2019-07`,
    /// `date:2019-07-01..2019-07-15`). An article dated `2019-07` is in
    /// `date:2019-07` and `date:2019`, not in `date:2019-07-01..2019-07-15`.
    Date {
        /// First date, if bounded.
        from: Option<crate::corpus::date::ArticleDate>,
        /// Last date, if bounded.
        to: Option<crate::corpus::date::ArticleDate>,
    },
    /// All of these.
    And(Vec<Query>),
    /// Any of these.
    Or(Vec<Query>),
    /// Not this.
    Not(Box<Query>),
}

/// A query that could not be parsed: what is wrong, and where in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// For a person: what is wrong and how to fix it.
    pub message: String,
    /// Byte range of the input the message is about.
    pub span: Range<usize>,
}

/// Where a [`QueryError`] is, as a reader is shown it: the text before the
/// span, the span itself, and the text after, each cut to a few characters
/// with "…" where the query goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorPlace {
    /// Before the span.
    pub before: String,
    /// The span (empty when the error is at a point, such as the end).
    pub at: String,
    /// After the span.
    pub after: String,
}

impl QueryError {
    /// The place of the error in `input` (the text that was parsed), with at
    /// most `around` characters either side and of the span itself.
    pub fn place(&self, input: &str, around: usize) -> ErrorPlace {
        // A span not on character boundaries (the input changed) shows nothing wrong.
        let clamp = |i: usize| {
            let mut i = i.min(input.len());
            while !input.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (s, e) = (
            clamp(self.span.start),
            clamp(self.span.end.max(self.span.start)),
        );
        let cut_left = |t: &str| {
            let n = t.chars().count();
            if n > around {
                format!("…{}", t.chars().skip(n - around).collect::<String>())
            } else {
                t.to_string()
            }
        };
        let cut_right = |t: &str| {
            if t.chars().count() > around {
                format!("{}…", t.chars().take(around).collect::<String>())
            } else {
                t.to_string()
            }
        };
        ErrorPlace {
            before: cut_left(&input[..s]),
            at: cut_right(&input[s..e]),
            after: cut_right(&input[e..]),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A query with the spans of its top-level clauses, so that a clause (such as
/// a facet's `tag:social`) can be found in, added to or removed from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedQuery {
    /// The whole query.
    pub query: Query,
    /// The top-level (AND-ed) clauses with their byte spans in the input.
    pub clauses: Vec<(Range<usize>, Query)>,
}

/// The most terms (words, phrases, prefixes and field clauses) one query may
/// hold: a query is typed or linked, and each term costs a look-up.
pub const MAX_TERMS: usize = 256;

/// The most groups `( … )` that may stand inside one another. Parsing and
/// evaluation recurse once per group (a chain of `-` is read in a loop), so
/// this bounds their stack depth.
pub const MAX_DEPTH: usize = 64;

/// Parses a query (see the module docs).
pub fn parse(input: &str) -> Result<ParsedQuery, QueryError> {
    let tokens = lex(input)?;
    let mut p = Parser { tokens, pos: 0 };
    let clauses = p.clauses(0)?;
    if let Some(t) = p.tokens.get(p.pos) {
        return Err(QueryError {
            message: "This ) closes nothing: remove it or add a ( before it.".into(),
            span: t.span.clone(),
        });
    }
    let query = and_of(clauses.iter().map(|(_, q)| q.clone()).collect());
    Ok(ParsedQuery { query, clauses })
}

fn and_of(mut qs: Vec<Query>) -> Query {
    qs.retain(|q| *q != Query::All);
    match qs.len() {
        0 => Query::All,
        1 => qs.pop().expect("one"),
        _ => Query::And(qs),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Open,
    Close,
    Or,
    /// `-` (`word: false`) or `NOT` (`word: true`).
    Not {
        word: bool,
    },
    /// `AND`: the implicit AND, written out.
    And,
    /// A term; `None` when it holds no word (punctuation, emoji): it is dropped.
    Term(Option<Query>),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

fn lex(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let b = input.as_bytes();
    let mut i = 0;
    let mut terms = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || input[i..].starts_with(char::is_whitespace) {
            i += input[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        match c {
            b'(' => {
                out.push(Token {
                    tok: Tok::Open,
                    span: i..i + 1,
                });
                i += 1;
            }
            b')' => {
                out.push(Token {
                    tok: Tok::Close,
                    span: i..i + 1,
                });
                i += 1;
            }
            b'-' if i + 1 < b.len()
                && !input[i + 1..].starts_with(char::is_whitespace)
                && b[i + 1] != b')' =>
            {
                out.push(Token {
                    tok: Tok::Not { word: false },
                    span: i..i + 1,
                });
                i += 1;
            }
            _ => {
                let start = i;
                let (field, after_field) = field_prefix(&input[i..]);
                i += after_field;
                let (value, quoted, end) = if input[i..].starts_with('"') {
                    let (value, len) = quoted_value(&input[i + 1..]).ok_or_else(|| QueryError {
                        message: "This quote is never closed: add a \" after the phrase.".into(),
                        span: i..input.len(),
                    })?;
                    (Cow::Owned(value), true, i + 1 + len)
                } else {
                    let len = input[i..]
                        .find(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '"')
                        .unwrap_or(input.len() - i);
                    (Cow::Borrowed(&input[i..i + len]), false, i + len)
                };
                i = end;
                let span = start..end;
                if let (None, false) = (field, quoted) {
                    unknown_field(&value, start)?;
                }
                // Operators in capitals, as web search engines take them;
                // "or", "not" and "and" in lower case are words.
                let operator = match &*value {
                    "OR" => Some(Tok::Or),
                    "NOT" => Some(Tok::Not { word: true }),
                    "AND" => Some(Tok::And),
                    _ => None,
                };
                if let (None, false, Some(tok)) = (field, quoted, operator) {
                    out.push(Token { tok, span });
                    continue;
                }
                terms += 1;
                if terms > MAX_TERMS {
                    return Err(QueryError {
                        message: format!(
                            "This query has more than {MAX_TERMS} terms: split it, or use a prefix such as pay* for many forms of a word."
                        ),
                        span,
                    });
                }
                let term = term(field, &value, quoted, &span)?;
                out.push(Token {
                    tok: Tok::Term(term),
                    span,
                });
            }
        }
    }
    Ok(out)
}

/// An error for a word written as a field clause of a field the query
/// language lacks (`author:zhang`): it would otherwise be looked for as the
/// one word "author:zhang" (a colon joins letters, UAX #29) and found
/// nowhere, in silence. A web address (`https://…`) is no field.
fn unknown_field(value: &str, start: usize) -> Result<(), QueryError> {
    let Some((name, rest)) = value.split_once(':') else {
        return Ok(());
    };
    let is_name = (2..=20).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphabetic());
    if !is_name || rest.is_empty() || rest.starts_with('/') {
        return Ok(());
    }
    Err(QueryError {
        message: format!(
            "“{name}” is not a field: the fields are title:, source:, section:, tag:, lang:, year: and date:. To look for “{value}” as written, put it in quotes."
        ),
        span: start..start + name.len() + 1,
    })
}

/// The value of a quoted term: `s` is what follows the opening quote. Inside
/// quotes `\"` stands for a quote and `\\` for a backslash; any other
/// backslash is itself. Returns the value and the bytes read, closing quote
/// included; `None` when the quote is never closed.
fn quoted_value(s: &str) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, i + 1)),
            '\\' if s[i + 1..].starts_with(['"', '\\']) => {
                let (_, escaped) = chars.next()?;
                value.push(escaped);
            }
            _ => value.push(c),
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Field {
    Title,
    Source,
    Section,
    Tag,
    Language,
    Year,
    Date,
}

fn field_prefix(s: &str) -> (Option<Field>, usize) {
    for (name, field) in [
        ("title:", Field::Title),
        ("source:", Field::Source),
        ("section:", Field::Section),
        ("tag:", Field::Tag),
        ("lang:", Field::Language),
        ("language:", Field::Language),
        ("year:", Field::Year),
        ("date:", Field::Date),
    ] {
        if s.get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
        {
            return (Some(field), name.len());
        }
    }
    (None, 0)
}

fn term(
    field: Option<Field>,
    value: &str,
    quoted: bool,
    span: &Range<usize>,
) -> Result<Option<Query>, QueryError> {
    let err = |message: String| {
        Err(QueryError {
            message,
            span: span.clone(),
        })
    };
    let name = match field {
        Some(Field::Title) => "title",
        Some(Field::Source) => "source",
        Some(Field::Section) => "section",
        Some(Field::Tag) => "tag",
        Some(Field::Language) => "lang",
        Some(Field::Year) => "year",
        Some(Field::Date) => "date",
        None => "",
    };
    if field.is_some() && value.trim().is_empty() {
        return err(format!("{name}: needs a value, e.g. {}.", example(field)));
    }
    match field {
        Some(Field::Source) => Ok(Some(Query::Source(value.trim().to_string()))),
        Some(Field::Section) => Ok(Some(Query::Section(value.trim().to_string()))),
        Some(Field::Tag) => Ok(Some(Query::Tag(value.trim().to_string()))),
        Some(Field::Language) => {
            let v = value.trim();
            let tag = v.split(['-', '_']).next().unwrap_or("");
            if (2..=8).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_alphabetic()) {
                Ok(Some(Query::Language(v.to_string())))
            } else {
                err(format!(
                    "lang:{v} is not a language code: write a BCP 47 tag such as {}.",
                    example(field)
                ))
            }
        }
        Some(Field::Year) => year_range(value.trim())
            .map(Some)
            .map_err(|message| QueryError {
                message,
                span: span.clone(),
            }),
        Some(Field::Date) => date_range(value.trim())
            .map(Some)
            .map_err(|message| QueryError {
                message,
                span: span.clone(),
            }),
        Some(Field::Title) | None => {
            let text_field = if field == Some(Field::Title) {
                TextField::Title
            } else {
                TextField::Any
            };
            let (body, prefix) = match value.trim_end().strip_suffix('*') {
                Some(rest) => (rest, true),
                None => (value, false),
            };
            let ws: Vec<String> = words(body).map(|w| w.norm.into_owned()).collect();
            if ws.is_empty() {
                if prefix {
                    return err("A * needs a few letters before it, as in pay*.".into());
                }
                if field.is_some() || quoted {
                    return err(format!(
                        "{} has no word to look for.",
                        if quoted { "This phrase" } else { "title:" }
                    ));
                }
                return Ok(None);
            }
            Ok(Some(Query::Text {
                field: text_field,
                words: ws,
                prefix,
            }))
        }
    }
}

fn example(field: Option<Field>) -> &'static str {
    match field {
        Some(Field::Title) => "title:alipay or title:\"mobile payment\"",
        Some(Field::Source) => "source:TMTpost or source:\"New York Times\"",
        Some(Field::Section) => "section:Business or section:\"World news\"",
        Some(Field::Tag) => "tag:social",
        Some(Field::Language) => "lang:de or lang:zh",
        Some(Field::Year) => "year:2015 or year:2013..2016",
        Some(Field::Date) => "date:2019-07 or date:2019-07-01..2019-07-15",
        None => "",
    }
}

fn year_range(v: &str) -> Result<Query, String> {
    let bad = || {
        format!("year:{v} is not a year or a range: write year:2015, year:2013..2016, year:..2015 or year:2013..")
    };
    let year = |s: &str| -> Result<Option<u16>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        if s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse::<u16>().map(Some).map_err(|_| bad())
    };
    let (from, to) = match v.split_once("..") {
        Some((a, b)) => (year(a)?, year(b)?),
        None => {
            let y = year(v)?.ok_or_else(bad)?;
            (Some(y), Some(y))
        }
    };
    if from.is_none() && to.is_none() {
        return Err(bad());
    }
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            return Err(format!(
                "year:{v} runs backwards: {a} is after {b}; write year:{b}..{a}."
            ));
        }
    }
    Ok(Query::Year { from, to })
}

fn date_range(v: &str) -> Result<Query, String> {
    use crate::corpus::date::ArticleDate;
    use crate::corpus::period::Period;
    let bad = || {
        format!("date:{v} is not a date or a range: write date:2019-07, date:2019-07-01..2019-07-15, date:..2019-07-15 or date:2019-07..")
    };
    let date = |s: &str| -> Result<Option<ArticleDate>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        match ArticleDate::parse(s) {
            Ok(d) => Ok(Some(d)),
            // A real-looking date that is not one says why ("February 2019 has 28 days").
            Err(e) if s.len() == 10 && s.as_bytes()[4] == b'-' => Err(format!(
                "date:{v}: {}",
                e.0.split(": ")
                    .nth(1)
                    .unwrap_or(&e.0)
                    .split(" (")
                    .next()
                    .unwrap_or("")
            )),
            Err(_) => Err(bad()),
        }
    };
    let (from, to) = match v.split_once("..") {
        Some((a, b)) => (date(a)?, date(b)?),
        None => {
            let d = date(v)?.ok_or_else(bad)?;
            (Some(d), Some(d))
        }
    };
    if from.is_none() && to.is_none() {
        return Err(bad());
    }
    if let (Some(a), Some(b)) = (from, to) {
        // The span runs from a's first day to b's last: empty only when a
        // starts after b ends (2019-07-15..2019-07 is 15 to 31 July).
        if Period::day_span(a).0 > Period::day_span(b).1 {
            return Err(format!(
                "date:{v} runs backwards: {} is after {}; write date:{}..{}.",
                a.iso(),
                b.iso(),
                b.iso(),
                a.iso()
            ));
        }
    }
    Ok(Query::Date { from, to })
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    /// `and := or*` up to a `)` or the end; clauses with their spans.
    fn clauses(&mut self, depth: usize) -> Result<Vec<(Range<usize>, Query)>, QueryError> {
        let mut out = Vec::new();
        while let Some(tok) = self.peek() {
            if *tok == Tok::Close {
                break;
            }
            if *tok == Tok::And {
                // Between two clauses it says what is implicit anyway.
                let at = self.pos;
                self.pos += 1;
                if out.is_empty()
                    || matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And))
                {
                    return Err(QueryError {
                        message: "AND needs something on both sides, as in alipay AND wechat (a space does the same).".into(),
                        span: self.tokens[at].span.clone(),
                    });
                }
                continue;
            }
            let start = self.tokens[self.pos].span.start;
            let q = self.or(depth)?;
            let end = self.tokens[self.pos - 1].span.end;
            if let Some(q) = q {
                out.push((start..end, q));
            }
        }
        Ok(out)
    }

    fn or(&mut self, depth: usize) -> Result<Option<Query>, QueryError> {
        if let Some(Tok::Or) = self.peek() {
            return Err(self.or_error(self.pos));
        }
        let mut alts = vec![self.unary(depth)?];
        while let Some(Tok::Or) = self.peek() {
            let or_at = self.pos;
            self.pos += 1;
            match self.peek() {
                None | Some(Tok::Close | Tok::Or | Tok::And) => return Err(self.or_error(or_at)),
                _ => alts.push(self.unary(depth)?),
            }
        }
        let alts: Vec<Query> = alts.into_iter().flatten().collect();
        Ok(match alts.len() {
            0 => None,
            1 => alts.into_iter().next(),
            _ => Some(Query::Or(alts)),
        })
    }

    fn or_error(&self, at: usize) -> QueryError {
        QueryError {
            message: "OR needs something on both sides, as in wechat OR baidu.".into(),
            span: self.tokens[at].span.clone(),
        }
    }

    fn unary(&mut self, depth: usize) -> Result<Option<Query>, QueryError> {
        let token = self.tokens[self.pos].clone();
        self.pos += 1;
        match token.tok {
            Tok::Not { word } => {
                // A chain of "-" (or NOT) is read in a loop, not by recursion
                // (a link of thousands of dashes must not overflow the
                // stack): an even number of them cancels out.
                let mut negations = 1usize;
                let mut last_word = word;
                while let Some(Tok::Not { word }) = self.peek() {
                    last_word = *word;
                    self.pos += 1;
                    negations += 1;
                }
                if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                    // NOT with nothing after it is a mistake to point out; a
                    // "-" with nothing it could negate is punctuation.
                    if last_word {
                        return Err(QueryError {
                            message: "NOT needs something after it, as in NOT wechat (or -wechat)."
                                .into(),
                            span: self.tokens[self.pos - 1].span.clone(),
                        });
                    }
                    return Ok(None);
                }
                let inner = self.unary(depth)?;
                Ok(inner.map(|q| {
                    if negations % 2 == 1 {
                        Query::Not(Box::new(q))
                    } else {
                        q
                    }
                }))
            }
            Tok::Term(q) => Ok(q),
            Tok::Open => {
                if depth >= MAX_DEPTH {
                    return Err(QueryError {
                        message: format!(
                            "Too many nested parentheses: at most {MAX_DEPTH} groups may stand inside one another."
                        ),
                        span: token.span,
                    });
                }
                let inner = self.clauses(depth + 1)?;
                match self.peek() {
                    Some(Tok::Close) => self.pos += 1,
                    _ => {
                        return Err(QueryError {
                            message: "This ( is never closed: add a ) after what it groups.".into(),
                            span: token.span,
                        })
                    }
                }
                if inner.is_empty() {
                    return Ok(None);
                }
                Ok(Some(and_of(inner.into_iter().map(|(_, q)| q).collect())))
            }
            Tok::Close | Tok::Or | Tok::And => unreachable!("handled by the callers"),
        }
    }
}

impl Query {
    /// The terms (words, phrases, prefixes, field clauses) the query holds.
    pub fn term_count(&self) -> usize {
        match self {
            Query::All => 0,
            Query::Text { .. }
            | Query::Source(_)
            | Query::Section(_)
            | Query::Tag(_)
            | Query::Language(_)
            | Query::Year { .. }
            | Query::Date { .. } => 1,
            Query::And(qs) | Query::Or(qs) => qs.iter().map(Query::term_count).sum(),
            Query::Not(q) => q.term_count(),
        }
    }
}

impl fmt::Display for Query {
    /// The query in the language it was parsed from: `parse(q.to_string())` gives `q` back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Query::All => Ok(()),
            Query::Text {
                field,
                words,
                prefix,
            } => {
                if *field == TextField::Title {
                    f.write_str("title:")?;
                }
                let star = if *prefix { "*" } else { "" };
                if words.len() == 1 && !needs_quotes(&words[0]) {
                    write!(f, "{}{star}", words[0])
                } else {
                    write!(f, "\"{}{star}\"", escape_quoted(&words.join(" ")))
                }
            }
            Query::Source(s) => write!(f, "source:{}", quote_value(s)),
            Query::Section(s) => write!(f, "section:{}", quote_value(s)),
            Query::Tag(t) => write!(f, "tag:{}", quote_value(t)),
            Query::Language(l) => write!(f, "lang:{}", quote_value(l)),
            Query::Year { from, to } => match (from, to) {
                (Some(a), Some(b)) if a == b => write!(f, "year:{a}"),
                _ => write!(
                    f,
                    "year:{}..{}",
                    from.map(|y| y.to_string()).unwrap_or_default(),
                    to.map(|y| y.to_string()).unwrap_or_default()
                ),
            },
            Query::Date { from, to } => match (from, to) {
                (Some(a), Some(b)) if a == b => write!(f, "date:{}", a.iso()),
                _ => write!(
                    f,
                    "date:{}..{}",
                    from.map(|d| d.iso()).unwrap_or_default(),
                    to.map(|d| d.iso()).unwrap_or_default()
                ),
            },
            Query::And(qs) => {
                for (i, q) in qs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    match q {
                        Query::And(_) => write!(f, "({q})")?,
                        _ => write!(f, "{q}")?,
                    }
                }
                Ok(())
            }
            Query::Or(qs) => {
                for (i, q) in qs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" OR ")?;
                    }
                    match q {
                        Query::And(_) | Query::Or(_) => write!(f, "({q})")?,
                        _ => write!(f, "{q}")?,
                    }
                }
                Ok(())
            }
            Query::Not(q) => match **q {
                Query::And(_) | Query::Or(_) => write!(f, "-({q})"),
                _ => write!(f, "-{q}"),
            },
        }
    }
}

fn needs_quotes(word: &str) -> bool {
    word == "OR"
        || word.starts_with('-')
        || field_prefix(word).0.is_some()
        || unknown_field(word, 0).is_err()
        || word.contains(['"', '(', ')', '*'])
}

/// `v` as it must be written between quotes: `\` and `"` escaped.
fn escape_quoted(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A field value as it must be typed: quoted when it holds spaces or syntax,
/// with `\` and `"` escaped inside the quotes, so that it parses back to
/// itself.
pub fn quote_value(v: &str) -> String {
    if v.is_empty() || v.contains(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '"') {
        format!("\"{}\"", escape_quoted(v))
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Query {
        parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}")).query
    }
    fn w(s: &str) -> Query {
        Query::Text {
            field: TextField::Any,
            words: vec![s.into()],
            prefix: false,
        }
    }
    fn err(s: &str) -> QueryError {
        parse(s).expect_err(s)
    }

    #[test]
    fn or_binds_tighter_than_the_implicit_and() {
        assert_eq!(
            q("alipay wechat OR baidu"),
            Query::And(vec![w("alipay"), Query::Or(vec![w("wechat"), w("baidu")])])
        );
        assert_eq!(q("a OR b OR c"), Query::Or(vec![w("a"), w("b"), w("c")]));
        assert_eq!(
            q("(a b) OR c"),
            Query::Or(vec![Query::And(vec![w("a"), w("b")]), w("c")])
        );
    }

    #[test]
    fn words_are_normalised_like_the_text() {
        assert_eq!(q("Alipay’s"), w("alipay"));
        assert_eq!(q("or"), w("or"), "lower-case or is a word");
        assert_eq!(
            q("AI-driven"),
            Query::Text {
                field: TextField::Any,
                words: vec!["ai".into(), "driven".into()],
                prefix: false
            },
            "a hyphenated word is a phrase of its parts"
        );
        assert_eq!(
            q("支付宝"),
            Query::Text {
                field: TextField::Any,
                words: vec!["支".into(), "付".into(), "宝".into()],
                prefix: false
            }
        );
    }

    #[test]
    fn a_field_the_language_lacks_is_named_with_the_fields_it_has() {
        let e = parse("alipay author:zhang").unwrap_err();
        assert_eq!(
            e.message,
            "“author” is not a field: the fields are title:, source:, section:, tag:, lang:, year: and date:. To look for “author:zhang” as written, put it in quotes."
        );
        assert_eq!(&"alipay author:zhang"[e.span], "author:");
        assert!(parse("\"author:zhang\"").is_ok(), "quoted, it is text");
        assert!(
            parse("https://alipay.com 10:30 e:").is_ok(),
            "an address, a time, a bare colon"
        );
        assert!(parse("tag:").unwrap_err().message.ends_with("tag:social."));
        // A word of the corpus that looks like a field is written quoted, and reads back.
        let q = Query::Text {
            field: TextField::Any,
            words: vec!["photo:reuters".into()],
            prefix: false,
        };
        assert_eq!(q.to_string(), "\"photo:reuters\"");
        assert_eq!(parse(&q.to_string()).unwrap().query, q);
    }

    #[test]
    fn phrases_prefixes_negation_and_fields() {
        assert_eq!(
            q("\"Mobile payment\""),
            Query::Text {
                field: TextField::Any,
                words: vec!["mobile".into(), "payment".into()],
                prefix: false
            }
        );
        assert_eq!(
            q("pay*"),
            Query::Text {
                field: TextField::Any,
                words: vec!["pay".into()],
                prefix: true
            }
        );
        assert_eq!(q("-social"), Query::Not(Box::new(w("social"))));
        assert_eq!(
            q("title:WeChat"),
            Query::Text {
                field: TextField::Title,
                words: vec!["wechat".into()],
                prefix: false
            }
        );
        assert_eq!(
            q("title:\"rich strangers\""),
            Query::Text {
                field: TextField::Title,
                words: vec!["rich".into(), "strangers".into()],
                prefix: false
            }
        );
        assert_eq!(
            q("source:\"New York Times\""),
            Query::Source("New York Times".into())
        );
        assert_eq!(q("TAG:social"), Query::Tag("social".into()));
        assert_eq!(
            q("year:2015"),
            Query::Year {
                from: Some(2015),
                to: Some(2015)
            }
        );
        assert_eq!(
            q("year:2013..2016"),
            Query::Year {
                from: Some(2013),
                to: Some(2016)
            }
        );
        assert_eq!(
            q("year:..2015"),
            Query::Year {
                from: None,
                to: Some(2015)
            }
        );
        assert_eq!(
            q("year:2013.."),
            Query::Year {
                from: Some(2013),
                to: None
            }
        );
    }

    #[test]
    fn empty_and_wordless_queries_match_everything() {
        for s in ["", "   ", "🎉", "— …", "()", "-", "- -", "-🎉", "(-)", "--"] {
            assert_eq!(q(s), Query::All, "{s:?}");
        }
    }

    #[test]
    fn mistakes_get_a_precise_message_and_place() {
        let e = err("alipay \"mobile pay");
        assert!(e.message.contains("quote is never closed"), "{e}");
        assert_eq!(e.span.start, 7);
        let e = err("(alipay wechat");
        assert!(e.message.contains("( is never closed"));
        assert_eq!(e.span, 0..1, "the parenthesis itself");
        let e = err("alipay) wechat");
        assert!(e.message.contains(") closes nothing"));
        assert_eq!(e.span, 6..7);
        assert!(err("tag:").message.contains("tag: needs a value"));
        assert!(err("year:20x5").message.contains("not a year or a range"));
        assert!(err("year:2016..2013").message.contains("runs backwards"));
        assert!(err("year:..").message.contains("not a year"));
        assert_eq!(
            err("date:2019-02-29").message,
            "date:2019-02-29: February 2019 has 28 days"
        );
        assert_eq!(
            err("date:2019-08..2019-07").message,
            "date:2019-08..2019-07 runs backwards: 2019-08 is after 2019-07; write date:2019-07..2019-08."
        );
        // From a day to the end of its month, from a month to the end of its year.
        assert!(parse("date:2019-07-15..2019-07").is_ok());
        assert!(parse("date:2019-07..2019").is_ok());
        assert!(err("date:July").message.contains("not a date or a range"));
        assert!(err("date:..").message.contains("not a date or a range"));
        assert!(err("date:").message.contains("date: needs a value"));
        use crate::corpus::date::ArticleDate;
        let d = |s: &str| Some(ArticleDate::parse(s).unwrap());
        assert_eq!(
            parse("date:2020-02-29").unwrap().query,
            Query::Date {
                from: d("2020-02-29"),
                to: d("2020-02-29")
            }
        );
        assert_eq!(
            parse("date:2019-07..").unwrap().query,
            Query::Date {
                from: d("2019-07"),
                to: None
            }
        );
        // A year and a month inside it: not backwards (the year starts first).
        assert!(parse("date:2019..2019-01").is_ok());
        assert!(err("OR wechat")
            .message
            .contains("OR needs something on both sides"));
        assert!(err("wechat OR").message.contains("OR needs"));
        assert!(err("a OR OR b").message.contains("OR needs"));
        assert!(err("*").message.contains("A * needs"));
        assert!(err("\"  \"").message.contains("no word"));
    }

    #[test]
    fn clauses_carry_their_spans() {
        let p = parse("alipay  tag:social (a OR b)").unwrap();
        let spans: Vec<&str> = p
            .clauses
            .iter()
            .map(|(s, _)| &"alipay  tag:social (a OR b)"[s.clone()])
            .collect();
        assert_eq!(spans, ["alipay", "tag:social", "(a OR b)"]);
    }

    #[test]
    fn an_error_shows_its_place_in_the_query() {
        let input = "wechat (alipay OR";
        let e = parse(input).unwrap_err();
        let p = e.place(input, 40);
        assert_eq!(
            format!("{}{}{}", p.before, p.at, p.after),
            input,
            "nothing lost"
        );
        assert!(!p.at.is_empty() || p.after.is_empty(), "{p:?}");
        // A long query is cut around the place, on character boundaries.
        let long = format!("{} \"unclosed 支付宝", "支付宝 ".repeat(50));
        let e = parse(&long).unwrap_err();
        let p = e.place(&long, 8);
        assert!(
            p.before.starts_with('…') && p.before.chars().count() <= 9,
            "{p:?}"
        );
        assert!(p.at.starts_with('"'), "{p:?}");
        // A span past the input (a stale error) is clamped, not a panic.
        let stale = QueryError {
            message: String::new(),
            span: 3..99,
        };
        assert_eq!(stale.place("支付", 5).at, "付");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let s = "(".repeat(10_000) + &")".repeat(10_000);
        assert!(err(&s).message.contains("nested"));
    }

    #[test]
    fn not_and_and_in_capitals_are_operators() {
        assert_eq!(q("NOT wechat"), Query::Not(Box::new(w("wechat"))));
        assert_eq!(q("alipay NOT wechat"), q("alipay -wechat"));
        assert_eq!(q("alipay AND wechat"), q("alipay wechat"));
        assert_eq!(q("(a AND b) OR NOT c"), q("(a b) OR -c"));
        assert_eq!(q("NOT NOT wechat"), w("wechat"));
        assert_eq!(
            q("not and"),
            Query::And(vec![w("not"), w("and")]),
            "in lower case they are words"
        );
        assert_eq!(q("\"NOT\""), w("not"), "quoted, a word");
        for bad in [
            "NOT",
            "wechat NOT",
            "(NOT)",
            "AND",
            "AND wechat",
            "wechat AND",
            "a AND AND b",
            "a OR AND b",
            "a AND OR b",
            "(AND a)",
        ] {
            let e = err(bad);
            assert!(
                e.message.contains("NOT needs")
                    || e.message.contains("AND needs")
                    || e.message.contains("OR needs"),
                "{bad}: {e}"
            );
            assert!(e.span.end <= bad.len());
        }
    }

    #[test]
    fn a_chain_of_dashes_is_read_without_recursion() {
        // Thousands of dashes (a 20 KB link) once overflowed the stack.
        for n in [1, 2, 3, 4_000, 4_001, 100_000] {
            let s = "-".repeat(n) + "wechat";
            let expected = if n % 2 == 1 {
                Query::Not(Box::new(w("wechat")))
            } else {
                w("wechat")
            };
            assert_eq!(q(&s), expected, "{n} dashes");
        }
        // Dashes between groups still nest only as deep as the groups.
        let s = "-(".repeat(MAX_DEPTH) + "a" + &")".repeat(MAX_DEPTH);
        assert!(parse(&s).is_ok());
        let s = "-(".repeat(MAX_DEPTH + 1) + "a" + &")".repeat(MAX_DEPTH + 1);
        assert!(err(&s).message.contains("at most 64 groups"), "{}", err(&s));
    }

    #[test]
    fn too_many_terms_is_an_error_naming_the_limit() {
        let ok = "the ".repeat(MAX_TERMS);
        assert!(parse(&ok).is_ok());
        let e = err(&"title:the ".repeat(100_000));
        assert!(e.message.contains("more than 256 terms"), "{e}");
        assert_eq!(e.span.start, "title:the ".len() * MAX_TERMS);
    }

    #[test]
    fn quotes_and_backslashes_are_escaped_inside_quoted_values() {
        assert_eq!(
            q(r#"source:"The \"Times\"""#),
            Query::Source(r#"The "Times""#.into())
        );
        assert_eq!(q(r#"tag:"a\\b""#), Query::Tag(r"a\b".into()));
        assert_eq!(
            q(r#"tag:"a\b""#),
            Query::Tag(r"a\b".into()),
            "a lone backslash is itself"
        );
        assert!(err(r#"tag:"a\""#).message.contains("never closed"));
        for v in [
            r#"The "Times""#,
            r"a\b",
            r#""><svg onload=alert(1)>"#,
            "x\\",
            "\"",
            "a b",
        ] {
            let text = Query::Source(v.into()).to_string();
            assert_eq!(q(&text), Query::Source(v.into()), "{v:?} written as {text}");
        }
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "a b",
            "a OR b",
            "-a",
            "\"a b\"",
            "title:x*",
            "source:\"New York\"",
            "tag:ai",
            "year:2013..",
            "(a b) OR -c",
            "-(a OR b) c",
        ] {
            let parsed = q(s);
            assert_eq!(q(&parsed.to_string()), parsed, "{s:?} → {}", parsed);
        }
    }
}
