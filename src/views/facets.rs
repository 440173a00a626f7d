//! Facets: year, source, section, tag and language, each value with the number of articles picking it would give.

use crate::params;
use lens_engine::search::facets::{facet_counts, facet_selected, toggle_facet, FacetKind, Facets};
use lens_engine::search::query::Query;
use lens_engine::text::language::language_name;
use leptos::prelude::*;

use crate::search_state::SearchState;
use crate::url_state::UrlQuery;

/// Values shown before "Show all".
const SHOWN: usize = 12;

/// The facets for the current query (a facet no article has is not
/// shown). Picking a value edits the query text exactly as typing
/// `year:2015` or `tag:social` would. Two years, sources or sections
/// ticked mean either (an article has one); two tags mean both, and each
/// legend says so.
#[component]
pub fn FacetPanel() -> impl IntoView {
    let search = expect_context::<SearchState>();
    let counts = Memo::new(move |_| {
        let opts = search.options.get();
        search.matches.with(|m| {
            search
                .valid
                .with(|p| search.index.with(|ix| facet_counts(ix, p, &m.docs, opts)))
        })
    });
    // The articles' facts: the same in every index served.
    let index = search.index.get_untracked();
    let values = index.facet_values();
    let years: Vec<String> = values.years.iter().map(u16::to_string).collect();
    // A corpus of one language has no language facet (one value is no choice).
    let languages: Vec<String> = match index.languages() {
        [_] => Vec::new(),
        many => many.to_vec(),
    };
    // On a narrow screen the facets sit behind "Filters" (CSS shows the
    // button only there), so that the first result is in sight.
    let open = RwSignal::new(false);
    let active = Memo::new(move |_| {
        search
            .valid
            .with(|p| p.clauses.iter().filter(|(_, q)| is_facet(q)).count())
    });
    let label = move || match active.get() {
        0 => "Filters".to_string(),
        n => format!("Filters ({n} active)"),
    };
    view! {
        <aside class="facets" class:open=move || open.get() aria-label="Filters">
            // The filters come before every view's own controls: a keyboard
            // can pass them in one step.
            <a class="skip-link" href="#view-start">"Skip the filters"</a>
            <button type="button" class="filters-toggle" aria-expanded=move || open.get().to_string()
                aria-controls="facet-groups" on:click=move |_| open.update(|o| *o = !*o)>{label}</button>
            <div id="facet-groups" class="facet-groups">
                <Facet kind=FacetKind::Year legend="Year" combine=" (any ticked)" values=years counts=counts pick=|f: &Facets| &f.years />
                <Facet kind=FacetKind::Source legend="Source" combine=" (any ticked)" values=values.sources.clone() counts=counts pick=|f: &Facets| &f.sources />
                <Facet kind=FacetKind::Section legend="Section" combine=" (any ticked)" values=values.sections.clone() counts=counts pick=|f: &Facets| &f.sections />
                <Facet kind=FacetKind::Tag legend="Tag" combine=" (all ticked)" values=values.tags.clone() counts=counts pick=|f: &Facets| &f.tags />
                <Facet kind=FacetKind::Language legend="Language" combine=" (any ticked)" values=languages counts=counts pick=|f: &Facets| &f.languages
                    label=|key: &str| language_name(key).to_string() />
            </div>
        </aside>
    }
}

/// Whether a top-level clause is a facet's (a year, source, section or
/// tag, or an OR of them).
fn is_facet(q: &Query) -> bool {
    match q {
        Query::Year { .. }
        | Query::Source(_)
        | Query::Section(_)
        | Query::Tag(_)
        | Query::Language(_) => true,
        Query::Or(qs) => qs.iter().all(is_facet),
        _ => false,
    }
}

/// One facet: a group of checkboxes. The rows are drawn once, in the index's
/// fixed order; as the reader types only their counts and states change.
#[component]
fn Facet(
    /// Which facet.
    kind: FacetKind,
    /// Its legend.
    legend: &'static str,
    /// How two ticked values combine, said after the legend.
    combine: &'static str,
    /// Every value, in display order.
    values: Vec<String>,
    /// The counts of every facet for the current query.
    counts: Memo<Facets>,
    /// This facet's counts within `counts` (same order as `values`).
    pick: fn(&Facets) -> &Vec<lens_engine::search::facets::FacetValue>,
    /// How a value is shown, when not as it is written in the query (a
    /// language's name for its key).
    #[prop(optional)]
    label: Option<fn(&str) -> String>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    if values.is_empty() {
        return None;
    }
    let total = values.len();
    let expanded = RwSignal::new(false);
    let all = std::sync::Arc::new(values.clone());
    let rows = values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let count = move || counts.with(|c| pick(c).get(i).map_or(0, |v| v.count));
            let v = value.clone();
            let checked = move || search.valid.with(|p| facet_selected(p, kind, &v));
            let v = value.clone();
            let all = all.clone();
            let on_change = move |_| {
                let text = search.text.get_untracked();
                let next = search
                    .valid
                    .with_untracked(|p| toggle_facet(&text, p, kind, &v, &all));
                url.navigate(
                    &url.href(&[(params::Q.name, (!next.is_empty()).then_some(next.as_str()))]),
                );
            };
            let hidden = move || i >= SHOWN && !expanded.get();
            view! {
                <li class:dim=move || count() == 0 hidden=hidden>
                    <label>
                        <input type="checkbox" prop:checked=checked on:change=on_change />
                        <span class="facet-value">{match label { Some(l) => l(&value), None => value }}</span>
                        <span class="facet-count" data-pair-ignore="">{count}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let more = (total > SHOWN).then(|| {
        view! {
            <button type="button" class="link-button" aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)>
                {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {total}") }}
            </button>
        }
    });
    Some(view! {
        <fieldset class="facet">
            <legend>{legend}<span class="hint">{combine}</span></legend>
            <ul>{rows}</ul>
            {more}
        </fieldset>
    })
}
