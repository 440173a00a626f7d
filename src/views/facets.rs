//! Facets: year, source and tag, each value with the number of articles picking it would give.

use lens_engine::search::{facet_counts, facet_selected, toggle_facet, FacetKind, FacetValue};
use leptos::prelude::*;

use crate::search_state::SearchState;
use crate::url_state::UrlQuery;

/// The three facets for the current query. Picking a value edits the query
/// text exactly as typing `year:2015` or `tag:social` would.
#[component]
pub fn FacetPanel() -> impl IntoView {
    let search = expect_context::<SearchState>();
    let counts = Memo::new(move |_| {
        let opts = search.options.get();
        search.matches.with(|m| {
            search
                .valid
                .with(|p| facet_counts(search.index, p, &m.docs, opts))
        })
    });
    view! {
        <aside class="facets" aria-label="Filters">
            <Facet kind=FacetKind::Year legend="Year" values=Signal::derive(move || counts.with(|c| c.years.clone())) />
            <Facet kind=FacetKind::Source legend="Source" values=Signal::derive(move || counts.with(|c| c.sources.clone())) />
            <Facet kind=FacetKind::Tag legend="Tag" values=Signal::derive(move || counts.with(|c| c.tags.clone())) />
        </aside>
    }
}

/// One facet: a group of checkboxes.
#[component]
fn Facet(
    /// Which facet.
    kind: FacetKind,
    /// Its legend.
    legend: &'static str,
    /// Its values with counts.
    values: Signal<Vec<FacetValue>>,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let row = move |v: FacetValue| {
        let value = v.value.clone();
        let value2 = v.value.clone();
        let checked = Memo::new(move |_| search.valid.with(|p| facet_selected(p, kind, &value)));
        let on_change = move |_| {
            let text = search.text.get_untracked();
            let parsed = search.valid.get_untracked();
            let next = toggle_facet(&text, &parsed, kind, &value2);
            let q = (!next.is_empty()).then_some(next.as_str());
            url.navigate(&url.href(&[("q", q)]));
        };
        let dim = v.count == 0;
        view! {
            <li class:dim=dim>
                <label>
                    <input type="checkbox" prop:checked=move || checked.get() on:change=on_change />
                    <span class="facet-value">{v.value.clone()}</span>
                    <span class="facet-count">{v.count}</span>
                </label>
            </li>
        }
    };
    view! {
        <Show when=move || values.with(|v| !v.is_empty())>
            <fieldset class="facet">
                <legend>{legend}</legend>
                <ul>
                    {move || values.get().into_iter().map(row).collect_view()}
                </ul>
            </fieldset>
        </Show>
    }
}
