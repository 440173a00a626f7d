//! One file per view.

mod article_reader;
mod attention;
pub mod chart;
mod compare;
mod contexts;
mod facets;
mod indexing;
mod long_table;
pub mod results;
pub mod search_box;
mod stop_list;
pub mod trends;
mod words;
#[cfg(feature = "import")]
pub mod your_files;

pub use article_reader::{ArticleReader, OpenArticle};
pub use compare::CompareView;
pub use contexts::ContextsView;
pub use facets::FacetPanel;
pub use indexing::Indexing;
pub use results::Results;
pub use search_box::SearchBox;
pub use trends::TrendsView;
pub use words::WordsView;
#[cfg(feature = "import")]
pub use your_files::YourFiles;

use crate::params;
use crate::search_state::SearchState;
use lens_engine::stats::Provenance;
use leptos::prelude::*;

pub use lens_engine::out::numbers::thousands;

/// "What these numbers mean": one line for each measure of a table, from
/// the engine's own words ([`lens_engine::stats::measures::Explained`]).
#[component]
pub fn MeaningOf(
    /// The table's measures, in its column order.
    measures: &'static [lens_engine::stats::measures::Explained],
    /// The heading of docs/statistics.md that gives their formulas.
    section: &'static str,
) -> impl IntoView {
    let items = measures
        .iter()
        .map(|m| view! { <dt>{m.name}</dt><dd>{m.meaning}</dd> })
        .collect_view();
    view! {
        <details class="meaning">
            <summary>"What these numbers mean"</summary>
            <dl>{items}</dl>
            <p class="hint">{formulas_link(section)}"; every CSV export carries the figures they are computed from."</p>
        </details>
    }
}

/// A link to the formulas of `section` (a heading of docs/statistics.md),
/// on the site's page of formulas (written by lens-site).
pub fn formulas_link(section: &'static str) -> impl IntoView {
    use lens_engine::stats::measures::FORMULAS_PAGE;
    let href = format!(
        "{FORMULAS_PAGE}#{}",
        lens_engine::out::site::anchor(section)
    );
    view! { <a href=href>"The formulas, with their sources"</a> }
}

/// A word (or phrase) as query text: quoted when the query language needs it.
pub fn as_query(words: &str) -> String {
    lens_engine::search::query::Query::Text {
        field: lens_engine::search::query::TextField::Any,
        words: words.split(' ').map(str::to_string).collect(),
        prefix: false,
    }
    .to_string()
}

/// A link to the word's trend and a link to a search for it.
pub fn word_links(url: crate::url_state::UrlQuery, word: &str, forms: &[String]) -> impl IntoView {
    let q = as_query(word);
    let search = url.link(&[
        (params::VIEW.name(), None),
        (params::Q.name, Some(q.as_str())),
        (params::ARTICLE.name, None),
    ]);
    let trend = url.link(&[
        (
            params::VIEW.name(),
            params::VIEW.write(params::View::Trends),
        ),
        (params::KW.name, Some(q.as_str())),
        (params::AT.name, None),
    ]);
    let name = word.to_string();
    let trend_name = format!("Trend of {word}");
    let also = (!forms.is_empty()).then(|| format!(" (also {})", forms.join(", ")));
    view! {
        <crate::url_state::QueryLink href=search class="word-link">{name}</crate::url_state::QueryLink>
        {also.map(|a| view! { <span class="forms-merged">{a}</span> })}
        " "
        <crate::url_state::QueryLink href=trend class="trend-link">
            <span aria-hidden="true">"↗"</span>
            <span class="visually-hidden">{trend_name}</span>
        </crate::url_state::QueryLink>
    }
}

/// A keyword-in-context line as its two side cells show it. The left cell
/// is cut at its left end and the right cell at its right end (the CSS of
/// `.kwic-left` and `.kwic-right`), so the words nearest the match always
/// stay beside it. A right-to-left line reads from the right, so its
/// context before the match goes in the right cell; each piece keeps its
/// own direction (`dir`, which also isolates it from the cell's).
pub struct KwicCells {
    /// The line's direction, for the `dir` of each piece.
    pub dir: &'static str,
    /// The text of the left cell.
    pub left: String,
    /// The match.
    pub matched: String,
    /// The text of the right cell.
    pub right: String,
}

impl KwicCells {
    /// `line` laid out in cells; its line breaks and tabs become spaces (the
    /// cells keep every space, so that "AI" and "-related" touch as written).
    pub fn of(line: lens_engine::index::layout::KwicLine) -> KwicCells {
        use lens_engine::text::direction::{direction, Direction};
        let one_line = |s: String| {
            if s.contains(['\n', '\r', '\t']) {
                s.replace(['\n', '\r', '\t'], " ")
            } else {
                s
            }
        };
        let dir = direction(&line.matched)
            .or_else(|| direction(&line.left))
            .or_else(|| direction(&line.right))
            .unwrap_or(Direction::Ltr);
        let (left, right) = match dir {
            Direction::Ltr => (line.left, line.right),
            Direction::Rtl => (line.right, line.left),
        };
        KwicCells {
            dir: dir.attr(),
            left: one_line(left),
            matched: one_line(line.matched),
            right: one_line(right),
        }
    }
}

/// `text` with its `marks` drawn by `mark(piece, span)` (the span the mark
/// shows, see [`lens_engine::search::highlight::Mark`]); unmarked pieces are text
/// nodes. The one place where marked text becomes views: results, the reader
/// and Compare differ only in what a mark is.
pub fn marked_pieces(
    text: &str,
    marks: &[lens_engine::search::highlight::Mark],
    mut mark: impl FnMut(&str, usize) -> AnyView,
) -> AnyView {
    lens_engine::search::highlight::segments(text, marks)
        .into_iter()
        .map(|(piece, span)| match span {
            Some(span) => mark(piece, span),
            None => piece.to_string().into_any(),
        })
        .collect_view()
        .into_any()
}

/// An article's title and body blocks (headings from `<h{top}>`) with
/// `marks` drawn by `mark`, in reading order (title first).
pub fn marked_article(
    a: &lens_engine::Article,
    marks: &lens_engine::search::highlight::Marks,
    top: u8,
    mut mark: impl FnMut(&str, usize) -> AnyView,
) -> (AnyView, AnyView) {
    let title = marked_pieces(&a.title, &marks.title, &mut mark);
    let top_level = a
        .body
        .iter()
        .filter_map(|b| match b {
            lens_engine::Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let body = a
        .body
        .iter()
        .zip(&marks.blocks)
        .map(|(b, block_marks)| {
            let content = marked_pieces(b.text(), block_marks, &mut mark);
            block_view(b, top, top_level, content)
        })
        .collect_view()
        .into_any();
    (title, body)
}

/// A piece of article text, inside `<mark>` when it matched. Always a text node.
pub fn marked_text(piece: String, marked: bool) -> AnyView {
    if marked {
        view! { <mark>{piece}</mark> }.into_any()
    } else {
        piece.into_any()
    }
}

/// The media type of every CSV the page offers.
pub const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// A "Download CSV" button for a table made when clicked.
pub fn csv_button(
    name: &'static str,
    label: &'static str,
    make: impl Fn() -> String + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="csv" aria-label=format!("Download CSV: {label}") on:click=move |_| {
            crate::download::offer_text(name, CSV_TYPE, &make());
        }>"Download CSV"</button>
    }
}

/// A fetch of a sharded corpus' pieces that may fail and be asked again:
/// why the latest failed, and the tries, which the effect that fetches
/// tracks (a new try runs it again).
#[derive(Clone, Copy)]
pub struct Retry {
    /// Why the latest fetch failed, if it did.
    pub failed: RwSignal<Option<String>>,
    /// Counts the tries.
    pub tries: RwSignal<u32>,
}

/// What a view that reads every word of its articles (Contexts, Words)
/// reads: on a sharded corpus what `sampled` reads (`None` until it is
/// read, with its [`Retry`]); else, at once, `whole` made of the whole
/// index and corpus and the search's matches.
pub fn words_source<S: Clone + PartialEq + Send + Sync + 'static>(
    search: SearchState,
    sampled: impl FnOnce(SearchState, crate::shards::Shards) -> (Memo<Option<S>>, Retry),
    whole: impl Fn(
            &'static lens_engine::index::Index,
            &'static lens_engine::Corpus,
            &lens_engine::search::Matches,
        ) -> S
        + Send
        + Sync
        + 'static,
) -> (Memo<Option<S>>, Option<Retry>) {
    match search.shards {
        Some(shards) => {
            let (s, r) = sampled(search, shards);
            (s, Some(r))
        }
        None => {
            let (index, corpus) = (crate::search_state::whole_index(), search.corpus);
            let source = Memo::new(move |_| search.matches.with(|m| Some(whole(index, corpus, m))));
            (source, None)
        }
    }
}

/// What a view of a sharded corpus read for what it asked (a sample): the
/// asking, the metadata with those articles' texts put in, and its index.
pub type TextsRead<K> = RwSignal<
    Option<(
        K,
        std::sync::Arc<lens_engine::Corpus>,
        std::sync::Arc<lens_engine::index::Index>,
    )>,
>;

/// Reads, for a view of a sharded corpus, the texts of the articles that
/// each asking (`asked`: Contexts' sample, Words' samples) names (`docs`),
/// puts them in the metadata and indexes them in slices
/// ([`crate::shards::Shards::index_texts`]), and keeps the latest; reads
/// nothing while `idle` says there is nothing to read. The newest asking
/// wins (an older one's reading stops between steps); a failure is the
/// [`Retry`]'s, shown with Try again.
pub fn read_texts<K: Clone + PartialEq + Send + Sync + 'static>(
    shards: crate::shards::Shards,
    corpus: &'static lens_engine::Corpus,
    asked: Memo<K>,
    docs: impl Fn(&K) -> Vec<usize> + 'static,
    idle: impl Fn(&K) -> bool + 'static,
) -> (TextsRead<K>, Retry) {
    let built: TextsRead<K> = RwSignal::new(None);
    let reading = Retry::new();
    let latest = crate::search_state::Newest::new();
    Effect::new(move |_| {
        let now = asked.get();
        reading.tries.track();
        if idle(&now) || built.with_untracked(|b| b.as_ref().is_some_and(|(k, _, _)| *k == now)) {
            return;
        }
        let wanted = docs(&now);
        let live = latest.ask();
        reading.failed.set(None);
        leptos::task::spawn_local(async move {
            match shards.index_texts(corpus, &wanted, live).await {
                Ok(Some((with, index))) => built.set(Some((now, with, std::sync::Arc::new(index)))),
                Ok(None) => {}
                Err(why) if live() => reading.failed.set(Some(why)),
                Err(_) => {}
            }
        });
    });
    (built, reading)
}

impl Default for Retry {
    fn default() -> Retry {
        Retry::new()
    }
}

impl Retry {
    /// No failure yet.
    pub fn new() -> Retry {
        Retry {
            failed: RwSignal::new(None),
            tries: RwSignal::new(0),
        }
    }

    /// Asks again: clears the failure and runs the fetching effect again.
    pub fn again(&self) {
        self.failed.set(None);
        self.tries.update(|n| *n += 1);
    }

    /// The failure as an alert with **Try again**, if the latest fetch failed.
    pub fn alert(self) -> Option<AnyView> {
        let why = self.failed.get()?;
        Some(
            view! {
                <p class="notice fetch-failed" role="alert">
                    {why}" "
                    <button type="button" on:click=move |_| self.again()>"Try again"</button>
                </p>
            }
            .into_any(),
        )
    }
}

/// What an export was made from: the corpus and the search as it stands.
pub fn provenance(search: &SearchState) -> Provenance {
    Provenance {
        corpus: search.corpus.info().name.clone(),
        search: search.valid.with_untracked(|p| p.query.to_string()),
        stop_lists: search.index.with_untracked(|ix| ix.describe_stop_lists()),
        sample: String::new(),
    }
}

/// A labelled `<select>` bound to the URL parameter `param`: it shows the
/// parameter's value (the first option when the value is absent or unknown)
/// and choosing writes it, leaving the parameter out for the first option,
/// the default. Sort order (results) and measure (trends) are such choices.
#[component]
pub fn UrlSelect(
    /// The visible label, before the select.
    label: &'static str,
    /// The URL parameter, a [`params::Choice`]'s: its options, the first the default.
    param: params::Param,
    /// The label's class.
    class: &'static str,
) -> impl IntoView {
    let url = expect_context::<crate::url_state::UrlQuery>();
    let options = param.options();
    let default = options.first().map_or("", |o| o.0);
    // The URL's value if it is an option, else the default's.
    let value = move || {
        url.get(param.name)
            .filter(|v| param.accepts(v))
            .unwrap_or_else(|| default.to_string())
    };
    let on_change = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.navigate(&url.href(&[(param.name, param.written(&v))]));
    };
    view! {
        <label class=class>
            {label}" "
            <select on:change=on_change prop:value=value>
                {options.iter().map(|(v, name)| view! { <option value=*v>{*name}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// A labelled checkbox bound to the URL flag `param` (a [`params::Kind::Flag`]):
/// it shows the flag's value and a change writes it, leaving the parameter
/// out at its default. The views' "Leave out stop words", "Scroll together" and
/// the like.
#[component]
pub fn UrlCheckbox(
    /// The visible label, after the box.
    label: &'static str,
    /// The URL parameter.
    param: params::Param,
) -> impl IntoView {
    let url = expect_context::<crate::url_state::UrlQuery>();
    let on_change = move |ev: web_sys::Event| {
        let on = if event_target_checked(&ev) { "1" } else { "0" };
        url.navigate(&url.href(&[(param.name, param.written(on))]));
    };
    view! {
        <label class="field"><input type="checkbox" prop:checked=move || param.flag(&url) on:change=on_change />" "{label}</label>
    }
}

/// A labelled number field bound to the URL number `param` (a
/// [`params::Kind::Number`]): it shows the URL's value (or the default) and
/// typing writes it, in place of the current history entry (typing a number
/// is one step, not one per keystroke), left out at its default.
#[component]
pub fn UrlNumber(
    /// The text before the field.
    label: &'static str,
    /// The URL parameter.
    param: params::Param,
    /// The text after the field ("words").
    #[prop(optional)]
    after: &'static str,
) -> impl IntoView {
    let url = expect_context::<crate::url_state::UrlQuery>();
    let (min, max) = param.bounds();
    let on_input = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        url.replace(&url.href(&[(param.name, param.written(&v))]));
    };
    view! {
        <label class="field">{label}" "
            <input type="number" min=min max=max step="1"
                prop:value=move || param.number_or_default(&url).to_string() on:input=on_input />
            {(!after.is_empty()).then(|| format!(" {after}"))}
        </label>
    }
}

/// Keeps the field `input` showing `text` (the URL's, as it changes:
/// back/forward, a link, a facet), but never rewrites what the reader is
/// typing, which would move the caret.
pub fn follow_url_text(input: NodeRef<leptos::html::Input>, text: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let text = text();
        if let Some(el) = input.get() {
            if el.value() != text {
                el.set_value(&text);
            }
        }
    });
}

/// A text field bound to the URL text `param`: it follows the URL
/// ([`follow_url_text`]) and typing writes it (left out when blank), in
/// place of the current history entry, clearing the parameters `clears`
/// (what the old text chose). The caller labels it.
#[component]
pub fn UrlText(
    /// The URL parameter.
    param: params::Param,
    /// `search` or `text`.
    #[prop(default = "search")]
    kind: &'static str,
    /// The field's id, for a `<label for>`.
    #[prop(optional)]
    id: &'static str,
    /// An example of what to type.
    #[prop(optional)]
    placeholder: &'static str,
    /// Ids of the elements that describe the field (hints, errors).
    #[prop(optional)]
    describedby: &'static str,
    /// Parameters that typing clears.
    #[prop(optional)]
    clears: &'static [&'static str],
) -> impl IntoView {
    let url = expect_context::<crate::url_state::UrlQuery>();
    let input = NodeRef::<leptos::html::Input>::new();
    follow_url_text(input, move || param.text(&url).unwrap_or_default());
    let on_input = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        let mut changes = vec![(param.name, (!v.trim().is_empty()).then_some(v.as_str()))];
        changes.extend(clears.iter().map(|&c| (c, None)));
        url.replace(&url.href(&changes));
    };
    view! {
        <input node_ref=input type=kind id=(!id.is_empty()).then_some(id) autocomplete="off" spellcheck="false" maxlength=param.max_len()
            placeholder=(!placeholder.is_empty()).then_some(placeholder)
            aria-describedby=(!describedby.is_empty()).then_some(describedby) on:input=on_input />
    }
}

/// An article's date, source and word count, as listed among results.
/// With `language` (a corpus of more than one), the article's language too.
pub fn article_meta(a: &lens_engine::Article, words: usize, language: bool) -> impl IntoView {
    view! {
        <time datetime=a.date.iso() title=a.is_date_estimated().then_some("Estimated date: the article says how it was estimated")>{a.display_date()}</time>
        {a.source().map(|s| format!(" · {s}"))}
        {language.then(|| format!(" · {}", language_label(&a.language)))}
        {format!(" · {} words", thousands(words))}
    }
}

/// A language tag as a reader reads it: its language's name, and the tag
/// where it says more ("German", "Chinese (zh-Hant)").
pub fn language_label(tag: &str) -> String {
    use lens_engine::text::language::{language_key, language_name};
    let key = language_key(tag);
    let name = language_name(&key);
    if tag.eq_ignore_ascii_case(&key) || tag.trim().eq_ignore_ascii_case(name) {
        name.to_string()
    } else {
        format!("{name} ({tag})")
    }
}

/// "Match word forms": the `forms` URL parameter, shared by search and trends.
#[component]
pub fn WordFormsToggle() -> impl IntoView {
    let url = expect_context::<crate::url_state::UrlQuery>();
    let search = expect_context::<crate::search_state::SearchState>();
    let on_change = move |ev: web_sys::Event| {
        let on = event_target_checked(&ev);
        url.navigate(&url.href(&[(params::FORMS.name, on.then_some("1"))]));
    };
    // Said when the switch is on: which of the corpus' languages it cannot
    // change (no Snowball stemmer: exact forms only).
    let index = search.index.get_untracked();
    let exact = index
        .languages()
        .iter()
        .filter(|k| lens_engine::text::language::stemmer(k).is_none())
        .map(|k| lens_engine::text::language::language_name(k).to_string())
        .collect::<Vec<String>>();
    let note = move || {
        (search.options.get().word_forms && !exact.is_empty()).then(|| {
            let (names, verb) = match exact.as_slice() {
                [one] => (one.to_string(), "has"),
                [rest @ .., last] => (format!("{} and {last}", rest.join(", ")), "have"),
                [] => unreachable!("not empty"),
            };
            view! { <span class="hint forms-note">{format!(" ({names} {verb} no stemmer: exact forms only)")}</span> }
        })
    };
    view! {
        <label class="forms">
            <input type="checkbox" prop:checked=move || search.options.get().word_forms on:change=on_change />
            " Match word forms"
            {note}
        </label>
    }
}

/// A body block as HTML: the article's top heading level becomes `<h{top}>`,
/// the next `<h{top + 1}>` (top is 3 or 4), a paragraph `<p>`; `content` is
/// its (marked) text. An article whose headings are all of level 2 starts at
/// `top` too: heading levels never skip one.
pub fn block_view(
    block: &lens_engine::Block,
    top: u8,
    top_level: u8,
    content: impl IntoView + 'static,
) -> AnyView {
    let lens_engine::Block::Heading { level, .. } = block else {
        return view! { <p>{content}</p> }.into_any();
    };
    match top + level.saturating_sub(top_level).min(1) {
        3 => view! { <h3>{content}</h3> }.into_any(),
        4 => view! { <h4>{content}</h4> }.into_any(),
        _ => view! { <h5>{content}</h5> }.into_any(),
    }
}
