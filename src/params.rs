//! The URL vocabulary: every query-string parameter the page understands,
//! declared once with its name, its kind (how it parses), its default, its
//! bounds and why a bad value is ignored. Views read typed values from here;
//! the notices for a tampered URL come from here; the page publishes the
//! list (`#url-vocabulary`) so the end-to-end tests fuzz every parameter
//! without a list of their own. A new view adds its parameters here and
//! nowhere else.
//!
//! Not serde: a derived `Deserialize` of the query string stops at the first
//! bad value, and the page must instead ignore each bad value on its own,
//! with a notice that says what that parameter takes.

use crate::url_state::UrlQuery;

/// How a parameter's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text (a query, keywords).
    Text,
    /// An article id (unknown ids are reported by the view that opens them).
    Id,
    /// `1` (on) or `0` (off).
    Flag {
        /// When absent.
        default: bool,
    },
    /// One of these (value in the URL, name shown); the first is the default.
    Choice(&'static [(&'static str, &'static str)]),
    /// A whole number in `min..=max`.
    Number {
        /// Smallest.
        min: u32,
        /// Largest.
        max: u32,
        /// When absent or out of bounds.
        default: u32,
    },
}

/// One query-string parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// Its name in the URL.
    pub name: &'static str,
    /// How its value is read.
    pub kind: Kind,
    /// Why a bad value is ignored, for the notice ("the orders are …").
    pub takes: &'static str,
}

/// The query (`q`).
pub const Q: Param = Param {
    name: "q",
    kind: Kind::Text,
    takes: "",
};
/// Match word forms.
pub const FORMS: Param = Param {
    name: "forms",
    kind: Kind::Flag { default: false },
    takes: "it is 1 (on) or 0 (off)",
};
/// The order of results: (value, name shown).
pub const SORT: Param = Param {
    name: "sort",
    kind: Kind::Choice(&[
        ("relevance", "Best match"),
        ("oldest", "Oldest first"),
        ("newest", "Newest first"),
    ]),
    takes: "the orders are relevance, oldest and newest",
};
/// The opened article.
pub const ARTICLE: Param = Param {
    name: "article",
    kind: Kind::Id,
    takes: "",
};
/// The match of the opened article to start at.
pub const MATCH: Param = Param {
    name: "match",
    kind: Kind::Number {
        min: 0,
        max: u32::MAX,
        default: 0,
    },
    takes: "it is a number",
};
/// The view.
pub const VIEW: Param = Param {
    name: "view",
    kind: Kind::Choice(&[
        ("articles", "Articles"),
        ("trends", "Trends"),
        ("compare", "Compare"),
        ("words", "Words"),
        ("contexts", "Contexts"),
    ]),
    takes: "the views are articles, trends, compare, words and contexts",
};
/// Trends: the keywords, comma-separated.
pub const KW: Param = Param {
    name: "kw",
    kind: Kind::Text,
    takes: "",
};
/// Trends: the measure.
pub const MEASURE: Param = Param {
    name: "measure",
    kind: Kind::Choice(&lens_engine::stats::trends::MEASURE_OPTIONS),
    takes: "the measures are count, per10k and share",
};
/// Trends: years either side of the moving average.
pub const SMOOTH: Param = Param {
    name: "smooth",
    kind: Kind::Number {
        min: 0,
        max: 10,
        default: 0,
    },
    takes: "smoothing is 0 to 10 years",
};
/// Trends: the year whose contexts are listed.
pub const AT: Param = Param {
    name: "at",
    kind: Kind::Number {
        min: 0,
        max: 65_535,
        default: 0,
    },
    takes: "it is a number",
};
/// Compare: the left article.
pub const LEFT: Param = Param {
    name: "left",
    kind: Kind::Id,
    takes: "",
};
/// Compare: the right article.
pub const RIGHT: Param = Param {
    name: "right",
    kind: Kind::Id,
    takes: "",
};
/// Compare: the shortest shared passage, in words.
pub const N: Param = Param {
    name: "n",
    kind: Kind::Number {
        min: 3,
        max: 12,
        default: 5,
    },
    takes: "shared passages are 3 to 12 words",
};
/// Compare and Words: leave out stop words.
pub const STOP: Param = Param {
    name: "stop",
    kind: Kind::Flag { default: true },
    takes: "it is 1 (on) or 0 (off)",
};
/// Compare: scroll the columns together.
pub const LINK: Param = Param {
    name: "link",
    kind: Kind::Flag { default: true },
    takes: "it is 1 (on) or 0 (off)",
};

/// Words: only words starting with this.
pub const WF: Param = Param {
    name: "wf",
    kind: Kind::Text,
    takes: "",
};
/// Words: the order of the word list.
pub const WSORT: Param = Param {
    name: "wsort",
    kind: Kind::Choice(&[
        ("count", "Count"),
        ("word", "Word"),
        ("articles", "Articles"),
    ]),
    takes: "the orders are count, word and articles",
};
/// Words: what the selection's keywords are measured against.
pub const REF: Param = Param {
    name: "ref",
    kind: Kind::Choice(&[
        ("rest", "Rest of the corpus"),
        ("all", "Whole corpus"),
        ("search", "Another search"),
    ]),
    takes: "the references are rest, all and search",
};
/// Words: the reference search (with `ref=search`).
pub const RQ: Param = Param {
    name: "rq",
    kind: Kind::Text,
    takes: "",
};
/// Words: the keywords' significance level (the first, p < 0.01, the default).
pub const SIG: Param = Param {
    name: "sig",
    kind: Kind::Choice(&[
        ("0.01", "p < 0.01"),
        ("0.05", "p < 0.05"),
        ("0.001", "p < 0.001"),
        ("0.0001", "p < 0.0001"),
    ]),
    takes: "the levels are 0.01, 0.05, 0.001 and 0.0001",
};
/// Words: phrase length, in words.
pub const PLEN: Param = Param {
    name: "plen",
    kind: Kind::Number {
        min: 2,
        max: 5,
        default: 2,
    },
    takes: "phrases are 2 to 5 words",
};
/// Words: the fewest occurrences of a listed phrase.
pub const PMIN: Param = Param {
    name: "pmin",
    kind: Kind::Number {
        min: 1,
        max: 1_000_000,
        default: 2,
    },
    takes: "it is a number from 1",
};
/// Words: leave out phrases that start or end with a stop word.
pub const PSTOP: Param = Param {
    name: "pstop",
    kind: Kind::Flag { default: true },
    takes: "it is 1 (on) or 0 (off)",
};

/// The concordance's sort keys, (value, name): the article, the match, a word left or right.
const SORT_KEYS: [(&str, &str); 12] = [
    ("article", "Article (date, position)"),
    ("match", "The match"),
    ("1L", "1L"),
    ("2L", "2L"),
    ("3L", "3L"),
    ("4L", "4L"),
    ("5L", "5L"),
    ("1R", "1R"),
    ("2R", "2R"),
    ("3R", "3R"),
    ("4R", "4R"),
    ("5R", "5R"),
];
/// The same, after "no further key".
const MORE_SORT_KEYS: [(&str, &str); 13] = [
    ("none", "—"),
    ("article", "Article (date, position)"),
    ("match", "The match"),
    ("1L", "1L"),
    ("2L", "2L"),
    ("3L", "3L"),
    ("4L", "4L"),
    ("5L", "5L"),
    ("1R", "1R"),
    ("2R", "2R"),
    ("3R", "3R"),
    ("4R", "4R"),
    ("5R", "5R"),
];
/// Contexts: words of context either side of a match.
pub const CTX: Param = Param {
    name: "ctx",
    kind: Kind::Number {
        min: 1,
        max: 25,
        default: 8,
    },
    takes: "context is 1 to 25 words",
};
/// Contexts: the concordance's first sort key.
pub const S1: Param = Param {
    name: "s1",
    kind: Kind::Choice(&SORT_KEYS),
    takes: "the sort keys are article, match, 1L to 5L and 1R to 5R",
};
/// Contexts: the second sort key.
pub const S2: Param = Param {
    name: "s2",
    kind: Kind::Choice(&MORE_SORT_KEYS),
    takes: "the sort keys are none, article, match, 1L to 5L and 1R to 5R",
};
/// Contexts: the third sort key.
pub const S3: Param = Param {
    name: "s3",
    kind: Kind::Choice(&MORE_SORT_KEYS),
    takes: "the sort keys are none, article, match, 1L to 5L and 1R to 5R",
};
/// Contexts: the concordance's page (from 1).
pub const CPAGE: Param = Param {
    name: "cpage",
    kind: Kind::Number {
        min: 1,
        max: u32::MAX,
        default: 1,
    },
    takes: "it is a page number from 1",
};
/// Contexts: collocates' window, words left of the node.
pub const WL: Param = Param {
    name: "wl",
    kind: Kind::Number {
        min: 0,
        max: 10,
        default: 5,
    },
    takes: "the window is 0 to 10 words",
};
/// Contexts: collocates' window, words right of the node.
pub const WR: Param = Param {
    name: "wr",
    kind: Kind::Number {
        min: 0,
        max: 10,
        default: 5,
    },
    takes: "the window is 0 to 10 words",
};
/// Contexts: the fewest times a collocate stands near the node.
pub const CMIN: Param = Param {
    name: "cmin",
    kind: Kind::Number {
        min: 1,
        max: 1_000_000,
        default: 2,
    },
    takes: "it is a number from 1",
};
/// Contexts: the collocates' order.
pub const CBY: Param = Param {
    name: "cby",
    kind: Kind::Choice(&[
        ("logdice", "logDice"),
        ("mi", "MI"),
        ("t", "T-score"),
        ("g2", "G²"),
    ]),
    takes: "the orders are logdice, mi, t and g2",
};
/// Contexts: only the lines with this word in the collocates' window.
pub const NEAR: Param = Param {
    name: "near",
    kind: Kind::Text,
    takes: "",
};

/// Every parameter the page understands.
pub const ALL: [Param; 33] = [
    Q, FORMS, SORT, ARTICLE, MATCH, VIEW, KW, MEASURE, SMOOTH, AT, LEFT, RIGHT, N, STOP, LINK, WF,
    WSORT, REF, RQ, SIG, PLEN, PMIN, PSTOP, CTX, S1, S2, S3, CPAGE, WL, WR, CMIN, CBY, NEAR,
];

impl Param {
    /// A [`Kind::Number`]'s bounds, as `(min, max)` for an input's attributes.
    pub const fn bounds(&self) -> (u32, u32) {
        match self.kind {
            Kind::Number { min, max, .. } => (min, max),
            _ => (0, 0),
        }
    }

    /// The options of a [`Kind::Choice`] (none for other kinds).
    pub const fn options(&self) -> &'static [(&'static str, &'static str)] {
        match self.kind {
            Kind::Choice(options) => options,
            _ => &[],
        }
    }

    /// Whether `v` is a value this parameter takes.
    pub fn accepts(&self, v: &str) -> bool {
        match self.kind {
            Kind::Text | Kind::Id => true,
            Kind::Flag { .. } => matches!(v, "0" | "1"),
            Kind::Choice(options) => options.iter().any(|(o, _)| *o == v),
            Kind::Number { min, max, .. } => {
                v.parse::<u32>().is_ok_and(|n| (min..=max).contains(&n))
            }
        }
    }

    /// The value in `url`, if present; tracked. Text a reader types
    /// ([`Kind::Text`]) comes in NFC (see [`typed_text`]).
    pub fn text(&self, url: &UrlQuery) -> Option<String> {
        let v = url.get(self.name)?;
        Some(if self.kind == Kind::Text {
            typed_text(v)
        } else {
            v
        })
    }

    /// A [`Kind::Flag`]'s value (its default when absent or bad); tracked.
    pub fn flag(&self, url: &UrlQuery) -> bool {
        let Kind::Flag { default } = self.kind else {
            return false;
        };
        match url.get(self.name).as_deref() {
            Some("1") => true,
            Some("0") => false,
            _ => default,
        }
    }

    /// A [`Kind::Choice`]'s value as its place among the options (0, the
    /// default, when absent or bad); tracked.
    pub fn choice(&self, url: &UrlQuery) -> usize {
        let v = url.get(self.name);
        self.options()
            .iter()
            .position(|(o, _)| Some(*o) == v.as_deref())
            .unwrap_or(0)
    }

    /// A [`Kind::Number`]'s value, if present and in bounds; tracked.
    pub fn number(&self, url: &UrlQuery) -> Option<u32> {
        url.get(self.name)
            .filter(|v| self.accepts(v))
            .and_then(|v| v.parse().ok())
    }

    /// A [`Kind::Number`]'s value, or its default; tracked.
    pub fn number_or_default(&self, url: &UrlQuery) -> u32 {
        let Kind::Number { default, .. } = self.kind else {
            return 0;
        };
        self.number(url).unwrap_or(default)
    }

    /// The value to write for `v`: `None` (left out of the URL) for the default.
    pub fn written<'a>(&self, v: &'a str) -> Option<&'a str> {
        let default = match self.kind {
            Kind::Flag { default } => Some(if default { "1" } else { "0" }),
            Kind::Choice(options) => options.first().map(|(o, _)| *o),
            Kind::Number { default, .. } => return (v != default.to_string()).then_some(v),
            Kind::Text | Kind::Id => None,
        };
        (Some(v) != default && !v.is_empty()).then_some(v)
    }
}

/// What a reader typed, in Unicode NFC. The engine in the page carries no
/// normalisation tables (`lens_engine::text::tokenize::nfc`): the corpus is stored
/// in NFC at build time, and the browser's own `String.prototype.normalize`
/// puts typed text in the same form.
fn typed_text(text: String) -> String {
    if text.is_ascii() {
        text
    } else {
        js_sys::JsString::from(text.as_str())
            .normalize("NFC")
            .into()
    }
}

/// The parameter named `name`, if the page knows it.
pub fn find(name: &str) -> Option<&'static Param> {
    ALL.iter().find(|p| p.name == name)
}

/// What is wrong with the URL's parameters, for a notice: each is ignored.
/// `is_article` says whether an id names an article of the corpus.
pub fn url_notices(params: &[(String, String)], is_article: impl Fn(&str) -> bool) -> Vec<String> {
    params
        .iter()
        .filter_map(|(k, v)| match find(k) {
            None => Some(format!("Ignored the unknown URL parameter “{k}”.")),
            Some(p) if !p.accepts(v) => Some(format!("Ignored {k}={v}: {}.", p.takes)),
            Some(p) if p.kind == Kind::Id && !is_article(v) => Some(format!(
                "Ignored {k}={v}: there is no article “{v}” in this corpus."
            )),
            Some(_) => None,
        })
        .collect()
}

/// The vocabulary as JSON, for the end-to-end tests' URL generator:
/// `[{"name": "sort", "values": ["relevance", …]}, …]` (values: the ones a
/// choice or flag takes, and the bounds of a number).
pub fn vocabulary_json() -> String {
    let items: Vec<String> = ALL
        .iter()
        .map(|p| {
            let values: Vec<String> = match p.kind {
                Kind::Text | Kind::Id => Vec::new(),
                Kind::Flag { .. } => vec!["0".into(), "1".into()],
                Kind::Choice(options) => options.iter().map(|(o, _)| (*o).to_string()).collect(),
                Kind::Number { min, max, .. } => vec![min.to_string(), max.to_string()],
            };
            let values: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
            format!(
                "{{\"name\":\"{}\",\"values\":[{}]}}",
                p.name,
                values.join(",")
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}
