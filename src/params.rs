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

use lens_engine::corpus::period::{Grain, Period};
use lens_engine::search::Order;
use lens_engine::stats::contexts::{CollocateMeasure, SortKey};
use lens_engine::stats::measures::{Significance, P0001, P001, P01, P05};
use lens_engine::stats::trends::{Measure, Split};

use crate::url_state::UrlQuery;
use lens_engine::out::numbers::thousands;

/// One option of a choice parameter: its value in the URL, its name on the
/// page, and what it means to the code that reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Opt<T: 'static> {
    /// In the URL ("newest").
    pub value: &'static str,
    /// On the page ("Newest first").
    pub label: &'static str,
    /// What the page does with it.
    pub meaning: T,
}

/// A choice's options seen without their meanings: what the URL
/// vocabulary, the notices and a `<select>` need.
pub trait Options: Sync {
    /// Every option as (value, label), the default first.
    fn pairs(&self) -> Vec<(&'static str, &'static str)>;
}

/// A list of options of one meaning, as one `dyn` [`Options`].
pub struct OptList<T: 'static>(pub &'static [Opt<T>]);

impl<T: Sync> Options for OptList<T> {
    fn pairs(&self) -> Vec<(&'static str, &'static str)> {
        self.0.iter().map(|o| (o.value, o.label)).collect()
    }
}

/// How a parameter's value is read.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Free text (a query, keywords), up to `max` bytes of UTF-8: a longer
    /// value is read cut to the characters within them (and the page says
    /// so), so that no value a link copies can grow the page's memory or
    /// its addresses without bound. Bytes, not characters: percent-encoded,
    /// a byte is three characters of the address whatever the script, so
    /// the bounds keep every address the page writes under 16 KB
    /// ([`longest_address`]).
    Text {
        /// The most bytes read.
        max: u32,
    },
    /// An article id (unknown ids are reported by the view that opens them).
    Id,
    /// `1` (on) or `0` (off).
    Flag {
        /// When absent.
        default: bool,
    },
    /// One of these options; the first is the default. Read through the
    /// parameter's [`Choice`], which knows what each means.
    Choice(&'static dyn Options),
    /// A period of time (`2019`, `2019-Q3`, `2019-07`, `2019-W27`,
    /// `2019-07-03`: [`Period::key`]; the form says the grain).
    Period,
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

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        match (self, other) {
            (Kind::Text { max: a }, Kind::Text { max: b }) => a == b,
            (Kind::Id, Kind::Id) | (Kind::Period, Kind::Period) => true,
            (Kind::Flag { default: a }, Kind::Flag { default: b }) => a == b,
            (Kind::Choice(a), Kind::Choice(b)) => std::ptr::addr_eq(*a, *b),
            (
                Kind::Number { min, max, default },
                Kind::Number {
                    min: m,
                    max: x,
                    default: d,
                },
            ) => (min, max, default) == (m, x, d),
            _ => false,
        }
    }
}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kind::Text { max } => write!(f, "Text {{ max: {max} }}"),
            Kind::Id => f.write_str("Id"),
            Kind::Period => f.write_str("Period"),
            Kind::Flag { default } => write!(f, "Flag {{ default: {default} }}"),
            Kind::Choice(o) => write!(f, "Choice({:?})", o.pairs()),
            Kind::Number { min, max, default } => {
                write!(f, "Number {{ min: {min}, max: {max}, default: {default} }}")
            }
        }
    }
}

/// One query-string parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Param {
    /// Its name in the URL.
    pub name: &'static str,
    /// How its value is read.
    pub kind: Kind,
    /// Why a bad value is ignored, for the notice (a choice's is made
    /// from its options: [`Param::takes`]).
    pub takes: &'static str,
}

/// A choice parameter: its options with what each means, read as that type.
#[derive(Clone, Copy)]
pub struct Choice<T: 'static> {
    /// The parameter, for the vocabulary, the notices and [`crate::views::UrlSelect`].
    pub param: Param,
    options: &'static [Opt<T>],
}

impl<T: Copy + PartialEq + Sync> Choice<T> {
    /// The parameter `name` with these options (the first the default).
    pub const fn new(name: &'static str, options: &'static OptList<T>) -> Choice<T> {
        Choice {
            param: Param {
                name,
                kind: Kind::Choice(options),
                takes: "",
            },
            options: options.0,
        }
    }

    /// Its name in the URL.
    pub const fn name(&self) -> &'static str {
        self.param.name
    }

    /// The value to write for `m`: `None` (left out of the URL) for the default.
    pub fn write(&self, m: T) -> Option<&'static str> {
        let o = self.option_of(m);
        (o.meaning != self.options[0].meaning).then_some(o.value)
    }

    /// The options, the default first.
    pub fn options(&self) -> &'static [Opt<T>] {
        self.options
    }

    /// What the URL's value means (the default's meaning when absent or
    /// not an option); tracked.
    pub fn get(&self, url: &UrlQuery) -> T {
        let v = url.get(self.param.name);
        self.options
            .iter()
            .find(|o| Some(o.value) == v.as_deref())
            .unwrap_or(&self.options[0])
            .meaning
    }

    /// The option that means `m` (the default's, if none does).
    pub fn option_of(&self, m: T) -> &'static Opt<T> {
        self.options
            .iter()
            .find(|o| o.meaning == m)
            .unwrap_or(&self.options[0])
    }
}

/// The query (`q`).
pub const Q: Param = Param {
    name: "q",
    kind: Kind::Text { max: 1800 },
    takes: "",
};
/// Match word forms.
pub const FORMS: Param = Param {
    name: "forms",
    kind: Kind::Flag { default: false },
    takes: "",
};
/// The order of results.
pub const SORT: Choice<Order> = Choice::new(
    "sort",
    &OptList(&[
        Opt {
            value: "relevance",
            label: "Best match",
            meaning: Order::Relevance,
        },
        Opt {
            value: "oldest",
            label: "Oldest first",
            meaning: Order::Oldest,
        },
        Opt {
            value: "newest",
            label: "Newest first",
            meaning: Order::Newest,
        },
    ]),
);
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
/// The views of the page, in the order of the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Search and read (the default).
    Articles,
    /// Keyword frequency per year.
    Trends,
    /// Two articles side by side.
    Compare,
    /// What is in the selection, and what stands out.
    Words,
    /// The node's concordance, dispersion and collocates.
    Contexts,
}

impl View {
    /// Whether this build draws the view: the light build has Articles
    /// only, and loads the full build for the rest (`src/takeover.rs`). A
    /// view's cargo feature is named as its `view` value.
    pub const fn in_this_build(self) -> bool {
        match self {
            View::Articles => true,
            View::Trends => cfg!(feature = "trends"),
            View::Compare => cfg!(feature = "compare"),
            View::Words => cfg!(feature = "words"),
            View::Contexts => cfg!(feature = "contexts"),
        }
    }
}

/// The view: the one list of the page's views, which the navigation, the
/// views this build lacks (`data-full-only`, read by `scripts/post-build.mjs`)
/// and the `full` feature's check below are made from.
pub const VIEW: Choice<View> = Choice::new(
    "view",
    &OptList(&[
        Opt {
            value: "articles",
            label: "Articles",
            meaning: View::Articles,
        },
        Opt {
            value: "trends",
            label: "Trends",
            meaning: View::Trends,
        },
        Opt {
            value: "compare",
            label: "Compare",
            meaning: View::Compare,
        },
        Opt {
            value: "words",
            label: "Words",
            meaning: View::Words,
        },
        Opt {
            value: "contexts",
            label: "Contexts",
            meaning: View::Contexts,
        },
    ]),
);

// A build with every view (feature `views`) draws every view: a view
// missing from the `views` feature's list in Cargo.toml stops its build here.
#[cfg(feature = "views")]
const _: () = {
    let mut i = 0;
    while i < VIEW.options.len() {
        assert!(
            VIEW.options[i].meaning.in_this_build(),
            "the `views` feature lacks a view's feature (Cargo.toml)"
        );
        i += 1;
    }
};
/// Trends: the keywords, comma-separated.
pub const KW: Param = Param {
    name: "kw",
    kind: Kind::Text { max: 900 },
    takes: "",
};
/// Trends: the measure (values and names are the engine's, as exports name them).
pub const MEASURE: Choice<Measure> = Choice::new(
    "measure",
    &OptList(&[
        Opt {
            value: Measure::Count.key(),
            label: Measure::Count.name(),
            meaning: Measure::Count,
        },
        Opt {
            value: Measure::Per10k.key(),
            label: Measure::Per10k.name(),
            meaning: Measure::Per10k,
        },
        Opt {
            value: Measure::ShareOfArticles.key(),
            label: Measure::ShareOfArticles.name(),
            meaning: Measure::ShareOfArticles,
        },
    ]),
);
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
/// The reader: a query whose matches it marks instead of the search's (a
/// Trends keyword opened from its contexts), so that opening an article
/// from a chart never changes the chart's selection.
pub const MARK: Param = Param {
    name: "mark",
    // One keyword of `kw` (whose 900 bytes hold several).
    kind: Kind::Text { max: 450 },
    takes: "",
};
/// Trends: the period whose contexts are listed.
pub const AT: Param = Param {
    name: "at",
    kind: Kind::Period,
    takes: "it is a period such as 2019, 2019-Q3, 2019-07, 2019-W27 or 2019-07-03",
};
/// Trends: the attention chart shows counts of matching articles, or
/// their share of all the period's articles.
pub const ATTN: Choice<bool> = Choice::new(
    "attn",
    &OptList(&[
        Opt {
            value: "count",
            label: "Articles",
            meaning: false,
        },
        Opt {
            value: "share",
            label: "Share of all articles",
            meaning: true,
        },
    ]),
);
/// Trends: a line per source or per tag for each keyword.
pub const SPLIT: Choice<Option<Split>> = Choice::new(
    "split",
    &OptList(&[
        Opt {
            value: "none",
            label: "Nothing",
            meaning: None,
        },
        Opt {
            value: "source",
            label: "Source",
            meaning: Some(Split::Source),
        },
        Opt {
            value: "tag",
            label: "Tag",
            meaning: Some(Split::Tag),
        },
    ]),
);
/// Trends (and every view that groups by time): the grain of time. Auto,
/// the default, is [`lens_engine::stats::trends::auto_grain`]'s choice.
pub const GRAIN: Choice<Option<Grain>> = Choice::new(
    "grain",
    &OptList(&[
        Opt {
            value: "auto",
            label: "Auto",
            meaning: None,
        },
        Opt {
            value: Grain::Year.key(),
            label: Grain::Year.name(),
            meaning: Some(Grain::Year),
        },
        Opt {
            value: Grain::Quarter.key(),
            label: Grain::Quarter.name(),
            meaning: Some(Grain::Quarter),
        },
        Opt {
            value: Grain::Month.key(),
            label: Grain::Month.name(),
            meaning: Some(Grain::Month),
        },
        Opt {
            value: Grain::Week.key(),
            label: Grain::Week.name(),
            meaning: Some(Grain::Week),
        },
        Opt {
            value: Grain::Day.key(),
            label: Grain::Day.name(),
            meaning: Some(Grain::Day),
        },
    ]),
);
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
    takes: "",
};
/// Words, Contexts and Compare: the reader's own stop words, left out
/// besides the lists (words separated by commas; at most
/// `lexicon::MAX_OWN_STOP_WORDS` are read).
pub const ADDSTOP: Param = Param {
    name: "addstop",
    // About 40 English words: the address stays under its bound
    // (`longest_address`).
    kind: Kind::Text { max: 300 },
    takes: "",
};
/// Words, Contexts and Compare: words the reader takes off the stop lists.
pub const KEEPSTOP: Param = Param {
    name: "keepstop",
    kind: Kind::Text { max: 120 },
    takes: "",
};

/// Which stop words a view leaves out: `stop` (or, for Words' phrase
/// edges, `pstop`) and the reader's own edits.
pub fn stop_choice(url: &UrlQuery, on: &Param) -> lens_engine::text::lexicon::StopChoice {
    lens_engine::text::lexicon::StopChoice::edited(
        on.flag(url),
        &ADDSTOP.text(url).unwrap_or_default(),
        &KEEPSTOP.text(url).unwrap_or_default(),
    )
}

/// Compare: scroll the columns together.
pub const LINK: Param = Param {
    name: "link",
    kind: Kind::Flag { default: true },
    takes: "",
};

/// Words: only words starting with this.
pub const WF: Param = Param {
    name: "wf",
    kind: Kind::Text { max: 120 },
    takes: "",
};
/// The orders of the Words view's word list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordOrder {
    /// Most frequent first.
    Count,
    /// Alphabetically.
    Word,
    /// In the most articles first.
    Articles,
}

/// Words: the order of the word list.
pub const WSORT: Choice<WordOrder> = Choice::new(
    "wsort",
    &OptList(&[
        Opt {
            value: "count",
            label: "Count",
            meaning: WordOrder::Count,
        },
        Opt {
            value: "word",
            label: "Word",
            meaning: WordOrder::Word,
        },
        Opt {
            value: "articles",
            label: "Articles",
            meaning: WordOrder::Articles,
        },
    ]),
);
/// What the Words view's keywords are measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// The articles not in the selection.
    Rest,
    /// Every article, the selection's included.
    Whole,
    /// The articles another search picks (`rq`).
    Search,
}

/// Words: what the selection's keywords are measured against.
pub const REF: Choice<Reference> = Choice::new(
    "ref",
    &OptList(&[
        Opt {
            value: "rest",
            label: "Rest of the corpus",
            meaning: Reference::Rest,
        },
        Opt {
            value: "all",
            label: "Whole corpus",
            meaning: Reference::Whole,
        },
        Opt {
            value: "search",
            label: "Another search",
            meaning: Reference::Search,
        },
    ]),
);
/// Words: the reference search (with `ref=search`).
pub const RQ: Param = Param {
    name: "rq",
    kind: Kind::Text { max: 600 },
    takes: "",
};
/// Words: the keywords' significance level (the first, p < 0.01, the default).
pub const SIG: Choice<Significance> = Choice::new(
    "sig",
    &OptList(&[
        Opt {
            value: "0.01",
            label: P01.label,
            meaning: P01,
        },
        Opt {
            value: "0.05",
            label: P05.label,
            meaning: P05,
        },
        Opt {
            value: "0.001",
            label: P001.label,
            meaning: P001,
        },
        Opt {
            value: "0.0001",
            label: P0001.label,
            meaning: P0001,
        },
    ]),
);
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
    takes: "",
};

/// The concordance's sort keys: the article, the match, a word left or
/// right of it (`None`: no further key).
const SORT_KEYS: [Opt<Option<SortKey>>; 13] = [
    Opt {
        value: "none",
        label: "—",
        meaning: None,
    },
    Opt {
        value: "article",
        label: "Article (date, position)",
        meaning: Some(SortKey::Article),
    },
    Opt {
        value: "match",
        label: "The match",
        meaning: Some(SortKey::Match),
    },
    Opt {
        value: "1L",
        label: "1L",
        meaning: Some(SortKey::Left(1)),
    },
    Opt {
        value: "2L",
        label: "2L",
        meaning: Some(SortKey::Left(2)),
    },
    Opt {
        value: "3L",
        label: "3L",
        meaning: Some(SortKey::Left(3)),
    },
    Opt {
        value: "4L",
        label: "4L",
        meaning: Some(SortKey::Left(4)),
    },
    Opt {
        value: "5L",
        label: "5L",
        meaning: Some(SortKey::Left(5)),
    },
    Opt {
        value: "1R",
        label: "1R",
        meaning: Some(SortKey::Right(1)),
    },
    Opt {
        value: "2R",
        label: "2R",
        meaning: Some(SortKey::Right(2)),
    },
    Opt {
        value: "3R",
        label: "3R",
        meaning: Some(SortKey::Right(3)),
    },
    Opt {
        value: "4R",
        label: "4R",
        meaning: Some(SortKey::Right(4)),
    },
    Opt {
        value: "5R",
        label: "5R",
        meaning: Some(SortKey::Right(5)),
    },
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
/// Contexts: the concordance's first sort key (the article by default: "none" is no option).
pub const S1: Choice<Option<SortKey>> = Choice::new("s1", &OptList(SORT_KEYS.split_at(1).1));
/// Contexts: the second sort key.
pub const S2: Choice<Option<SortKey>> = Choice::new("s2", &OptList(&SORT_KEYS));
/// Contexts: the third sort key.
pub const S3: Choice<Option<SortKey>> = Choice::new("s3", &OptList(&SORT_KEYS));
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
pub const CBY: Choice<CollocateMeasure> = Choice::new(
    "cby",
    &OptList(&[
        Opt {
            value: "logdice",
            label: "logDice",
            meaning: CollocateMeasure::LogDice,
        },
        Opt {
            value: "mi",
            label: "MI",
            meaning: CollocateMeasure::Mi,
        },
        Opt {
            value: "t",
            label: "T-score",
            meaning: CollocateMeasure::TScore,
        },
        Opt {
            value: "g2",
            label: "G²",
            meaning: CollocateMeasure::G2,
        },
    ]),
);
/// Contexts: only the lines with this word in the collocates' window.
pub const NEAR: Param = Param {
    name: "near",
    kind: Kind::Text { max: 120 },
    takes: "",
};

/// The reader's own corpus explored (its id in this browser's storage,
/// `src/store.rs`); absent: the built-in corpus.
pub const CORPUS: Param = Param {
    name: "corpus",
    kind: Kind::Text { max: 80 },
    takes: "",
};

/// The panel of the reader's own files is open.
pub const FILES: Param = Param {
    name: "files",
    kind: Kind::Flag { default: false },
    takes: "",
};

/// The parameters only the build with the reader's own files answers
/// (feature `import`, the site's `own/`): a build without them names them
/// for the page's loader, as it names the views it lacks.
pub const OWN_ONLY: [Param; 2] = [CORPUS, FILES];

/// Every parameter the page understands.
pub const ALL: [Param; 41] = [
    CORPUS,
    FILES,
    Q,
    FORMS,
    SORT.param,
    ARTICLE,
    MATCH,
    MARK,
    VIEW.param,
    KW,
    MEASURE.param,
    SMOOTH,
    AT,
    GRAIN.param,
    ATTN.param,
    SPLIT.param,
    LEFT,
    RIGHT,
    N,
    STOP,
    ADDSTOP,
    KEEPSTOP,
    LINK,
    WF,
    WSORT.param,
    REF.param,
    RQ,
    SIG.param,
    PLEN,
    PMIN,
    PSTOP,
    CTX,
    S1.param,
    S2.param,
    S3.param,
    CPAGE,
    WL,
    WR,
    CMIN,
    CBY.param,
    NEAR,
];

impl Param {
    /// A [`Kind::Number`]'s bounds, as `(min, max)` for an input's attributes.
    pub const fn bounds(&self) -> (u32, u32) {
        match self.kind {
            Kind::Number { min, max, .. } => (min, max),
            _ => (0, 0),
        }
    }

    /// A [`Kind::Text`]'s bound for an input's `maxlength`: a third of its
    /// bytes, since `maxlength` counts UTF-16 units and one unit is at most
    /// three bytes of UTF-8 (a character outside the BMP is two units and
    /// four bytes). What can be typed is never cut from the address.
    pub const fn max_len(&self) -> Option<u32> {
        match self.kind {
            Kind::Text { max } => Some(max / 3),
            _ => None,
        }
    }

    /// Whether a [`Kind::Text`]'s value is read whole (not cut to its
    /// bound, as `clean` would cut it).
    pub fn fits(&self, value: &str) -> bool {
        match self.kind {
            Kind::Text { max } => bounded(value, max).len() == value.len(),
            _ => true,
        }
    }

    /// A [`Kind::Choice`]'s options as (value, label), the default first (none for other kinds).
    pub fn options(&self) -> Vec<(&'static str, &'static str)> {
        match self.kind {
            Kind::Choice(options) => options.pairs(),
            _ => Vec::new(),
        }
    }

    /// What the parameter takes, for the notice that ignores a bad value:
    /// a choice's options, or the parameter's own words.
    pub fn takes(&self) -> String {
        match self.kind {
            Kind::Choice(options) => {
                let values: Vec<&str> = options.pairs().iter().map(|(v, _)| *v).collect();
                match values.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("it is {} or {last}", rest.join(", "))
                    }
                    _ => format!("it is {}", values.join("")),
                }
            }
            Kind::Flag { .. } => "it is 1 (on) or 0 (off)".to_string(),
            _ => self.takes.to_string(),
        }
    }

    /// Whether `v` is a value this parameter takes.
    pub fn accepts(&self, v: &str) -> bool {
        match self.kind {
            Kind::Text { .. } => true,
            // An article's id is its file name: at most 255 bytes.
            Kind::Id => v.len() <= MAX_ID,
            Kind::Flag { .. } => matches!(v, "0" | "1"),
            Kind::Period => Period::from_key(v).is_some(),
            Kind::Choice(options) => options.pairs().iter().any(|(o, _)| *o == v),
            Kind::Number { min, max, .. } => {
                v.parse::<u32>().is_ok_and(|n| (min..=max).contains(&n))
            }
        }
    }

    /// The value in `url`, if present; tracked. Text a reader types
    /// ([`Kind::Text`]) comes in NFC (see [`typed_text`]).
    pub fn text(&self, url: &UrlQuery) -> Option<String> {
        let v = url.get(self.name)?;
        Some(if matches!(self.kind, Kind::Text { .. }) {
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

    /// A [`Kind::Period`]'s value, if present and a period; tracked.
    pub fn period(&self, url: &UrlQuery) -> Option<Period> {
        url.get(self.name).and_then(|v| Period::from_key(&v))
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
            Kind::Choice(options) => options.pairs().first().map(|(o, _)| *o),
            Kind::Number { default, .. } => return (v != default.to_string()).then_some(v),
            Kind::Text { .. } | Kind::Id | Kind::Period => None,
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

/// The longest article id: a file name's bound.
pub const MAX_ID: usize = 255;

/// The most characters of a bad value a notice quotes.
const QUOTED: usize = 40;

/// The most notices a URL gets; the rest are counted in one more.
const MAX_NOTICES: usize = 6;

/// `v` as a notice quotes it: its first [`QUOTED`] characters.
fn quoted(v: &str) -> String {
    match v.char_indices().nth(QUOTED) {
        Some((i, _)) => format!("{}…", &v[..i]),
        None => v.to_string(),
    }
}

/// `v` cut to its first `max` characters (itself when shorter).
fn bounded(v: &str, max: u32) -> &str {
    v.char_indices()
        .nth(max as usize)
        .map_or(v, |(i, _)| &v[..i])
}

/// How the page reads one occurrence of a parameter.
enum Reading<'a> {
    /// Not a parameter of the page.
    Unknown,
    /// Read as this value (a text cut to its bound).
    Valid(&'a Param, &'a str),
    /// Ignored: what is wrong with it.
    Bad(String),
}

fn reading<'a>(k: &str, v: &'a str, is_article: &impl Fn(&str) -> bool) -> Reading<'a> {
    let Some(p) = find(k) else {
        return Reading::Unknown;
    };
    if !p.accepts(v) {
        return Reading::Bad(match p.kind {
            Kind::Id => format!(
                "Ignored {k}={}: an article id has at most {MAX_ID} characters.",
                quoted(v)
            ),
            _ => format!("Ignored {k}={}: {}.", quoted(v), p.takes()),
        });
    }
    match p.kind {
        Kind::Id if !is_article(v) => Reading::Bad(format!(
            "Ignored {k}={}: there is no article “{}” in this corpus.",
            quoted(v),
            quoted(v)
        )),
        Kind::Text { max } => Reading::Valid(p, bounded(v, max)),
        _ => Reading::Valid(p, v),
    }
}

/// The parameters the page reads and its links carry: for each parameter
/// it knows, the first valid occurrence (a text cut to its bound), in URL
/// order. Unknown parameters, bad values and repeats are left out (and
/// named by [`url_notices`]). `is_article` says whether an id names an
/// article of the corpus.
pub fn clean(
    params: &[(String, String)],
    is_article: impl Fn(&str) -> bool,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in params {
        if out.iter().any(|(o, _)| o == k) {
            continue;
        }
        if let Reading::Valid(p, v) = reading(k, v, &is_article) {
            out.push((p.name.to_string(), v.to_string()));
        }
    }
    out
}

/// What is wrong with the URL's parameters, for the notices: each value
/// the page does not read, and why; a text read cut to its bound. Unknown
/// parameters make one notice, a notice quotes at most the first
/// characters of a value, and past [`MAX_NOTICES`] the rest are counted.
pub fn url_notices(params: &[(String, String)], is_article: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    // The value used for each parameter so far.
    let mut used: Vec<(&str, &str)> = Vec::new();
    for (k, v) in params {
        match reading(k, v, &is_article) {
            Reading::Unknown => {
                if !unknown.contains(&k.as_str()) {
                    unknown.push(k);
                }
            }
            Reading::Bad(why) => out.push(why),
            Reading::Valid(p, read) => match used.iter().find(|(u, _)| *u == p.name) {
                Some((_, first)) => out.push(format!(
                    "Ignored the repeated {k}={}: the first, {k}={}, is used.",
                    quoted(v),
                    quoted(first)
                )),
                None => {
                    used.push((p.name, read));
                    if matches!(p.kind, Kind::Text { .. }) && read.len() < v.len() {
                        out.push(format!(
                            "Read only the first {} characters of {k} (it has {}).",
                            thousands(read.chars().count()),
                            thousands(v.chars().count())
                        ));
                    }
                }
            },
        }
    }
    match unknown.as_slice() {
        [] => {}
        [one] => out.insert(
            0,
            format!("Ignored the unknown URL parameter “{}”.", quoted(one)),
        ),
        many => {
            let named: Vec<String> = many
                .iter()
                .take(3)
                .map(|k| format!("“{}”", quoted(k)))
                .collect();
            let rest = many.len() - named.len();
            out.insert(
                0,
                format!(
                    "Ignored {} unknown URL parameters: {}{}.",
                    thousands(many.len()),
                    named.join(", "),
                    if rest > 0 {
                        format!(" and {} more", thousands(rest))
                    } else {
                        String::new()
                    }
                ),
            );
        }
    }
    if out.len() > MAX_NOTICES {
        let rest = out.len() - (MAX_NOTICES - 1);
        out.truncate(MAX_NOTICES - 1);
        out.push(format!(
            "And {} more ignored URL parameters.",
            thousands(rest)
        ));
    }
    out
}

/// The longest address the page can write: every parameter at its
/// longest, every byte of its text percent-encoded (`%XX`, 3 characters).
/// Kept under the 16 KB request line some hosts refuse past.
pub fn longest_address() -> usize {
    ALL.iter()
        .map(|p| {
            let value = match p.kind {
                Kind::Text { max } => max as usize * 3,
                // Only an id of the corpus is kept, and ids are ASCII
                // letters, digits, `-`, `_` and `.`: never encoded.
                Kind::Id => MAX_ID,
                Kind::Period => "2019-07-03".len(),
                Kind::Flag { .. } => 1,
                Kind::Choice(options) => options
                    .pairs()
                    .iter()
                    .map(|(v, _)| v.len())
                    .max()
                    .unwrap_or(0),
                Kind::Number { max, .. } => max.to_string().len(),
            };
            p.name.len() + 2 + value
        })
        .sum()
}

/// The vocabulary as JSON, for the end-to-end tests' URL generator:
/// `[{"name": "sort", "values": ["relevance", …]}, …]` (values: the ones a
/// choice or flag takes, and the bounds of a number).
pub fn vocabulary_json() -> String {
    let items: Vec<String> = ALL
        .iter()
        .map(|p| {
            let values: Vec<String> = match p.kind {
                Kind::Text { .. } | Kind::Id => Vec::new(),
                Kind::Flag { .. } => vec!["0".into(), "1".into()],
                Kind::Period => ["2016", "2016-Q3", "2016-09", "2016-W38", "2016-09-22"]
                    .map(String::from)
                    .to_vec(),
                Kind::Choice(options) => options
                    .pairs()
                    .iter()
                    .map(|(o, _)| (*o).to_string())
                    .collect(),
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
