//! The stop words of Words, Contexts and Compare: the lists in use (each
//! language's, the corpus' own) and the reader's own edits, words added to
//! them and words taken off, kept in the URL (`addstop`, `keepstop`) so a
//! shared link keeps them. As Voyant's stop-word editor: a field and a list.

use lens_engine::text::language::language_name;
use lens_engine::text::lexicon::StopChoice;
use leptos::prelude::*;

use crate::params;
use crate::search_state::SearchState;
use crate::url_state::UrlQuery;

/// The reader's edits written to the URL (left out when empty); false,
/// and nothing written, when the address would not hold them whole.
fn write(url: UrlQuery, choice: &StopChoice) -> bool {
    let (add, keep) = (choice.add_text(), choice.keep_text());
    if !params::ADDSTOP.fits(&add) || !params::KEEPSTOP.fits(&keep) {
        return false;
    }
    url.navigate(&url.href(&[
        (
            params::ADDSTOP.name,
            (!add.is_empty()).then_some(add.as_str()),
        ),
        (
            params::KEEPSTOP.name,
            (!keep.is_empty()).then_some(keep.as_str()),
        ),
    ]));
    true
}

/// "The stop words": a disclosure with the field that adds words, the
/// reader's own words (each with a button that takes it back), the words
/// taken off the lists, and each list in use.
#[component]
pub fn StopWords(
    /// Names the fields apart where two views' editors could meet.
    id: &'static str,
) -> impl IntoView {
    let url = expect_context::<UrlQuery>();
    let search = expect_context::<SearchState>();
    let choice = Memo::new(move |_| params::stop_choice(&url, &params::STOP));
    let typed = RwSignal::new(String::new());
    // Said when an edit would not fit in the address (a shared link keeps
    // only what fits, so nothing is cut in silence).
    let full = RwSignal::new(false);
    let add = move |keep: bool| {
        let text = typed.get_untracked();
        let mut c = choice.get_untracked();
        let new = StopChoice::edited(true, &text, "").add;
        if new.is_empty() {
            return;
        }
        let (into, from) = if keep {
            (&mut c.keep, &mut c.add)
        } else {
            (&mut c.add, &mut c.keep)
        };
        from.retain(|w| !new.contains(w));
        into.extend(new);
        let c = StopChoice::edited(c.on, &c.add.join(","), &c.keep.join(","));
        let fits = write(url, &c);
        full.set(!fits);
        if fits {
            typed.set(String::new());
        }
    };
    let remove = move |word: String, kept: bool| {
        let mut c = choice.get_untracked();
        if kept {
            c.keep.retain(|w| *w != word);
        } else {
            c.add.retain(|w| *w != word);
        }
        full.set(!write(url, &c));
    };
    let own = move || {
        let c = choice.get();
        let item = |w: &String, kept: bool| {
            let word = w.clone();
            let label = if kept {
                format!("Leave out “{w}” again")
            } else {
                format!("Stop leaving out “{w}”")
            };
            view! {
                <li>
                    <span>{w.clone()}</span>
                    <button type="button" class="link-button" aria-label=label
                        on:click=move |_| remove(word.clone(), kept)>"×"</button>
                </li>
            }
        };
        let added = (!c.add.is_empty()).then(|| {
            let items = c.add.iter().map(|w| item(w, false)).collect_view();
            view! { <p class="stop-own-label">"You leave out:"</p><ul class="stop-own">{items}</ul> }
        });
        let kept = (!c.keep.is_empty()).then(|| {
            let items = c.keep.iter().map(|w| item(w, true)).collect_view();
            view! { <p class="stop-own-label">"You keep (taken off the lists):"</p><ul class="stop-own">{items}</ul> }
        });
        view! { {added}{kept} }
    };
    let index = search.index.get_untracked();
    let lists = index
        .stop_lists()
        .into_iter()
        .map(|(key, source, words)| {
            let heading = format!("{}: {source} ({} words)", language_name(key), words.len());
            view! { <p class="stop-list-name">{heading}</p><p lang=key.to_string()>{words.join(", ")}</p> }
        })
        .collect_view();
    let corpus_own = (!index.own_stop_words().is_empty()).then(|| {
        let words = index.own_stop_words().join(", ");
        view! { <p class="stop-list-name">"The corpus' own"</p><p>{words}</p> }
    });
    let summary = move || {
        let c = choice.get();
        match (c.add.len(), c.keep.len()) {
            (0, 0) => "The stop words".to_string(),
            (a, k) => format!("The stop words (yours: {a} added, {k} kept)"),
        }
    };
    let field = format!("{id}-stop-word");
    view! {
        <details class="stop-list">
            <summary>{summary}</summary>
            <form class="stop-edit" on:submit=move |ev| { ev.prevent_default(); add(false); }>
                <label for=field.clone()>"Words to leave out or keep"</label>
                <input id=field type="text" autocomplete="off" spellcheck="false"
                    placeholder="said, according"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <button type="submit">"Leave out"</button>
                <button type="button" on:click=move |_| add(true)>"Keep"</button>
            </form>
            <p class="hint" role="status">{move || full.get().then_some(
                "Your stop words are at their limit (a shared address holds about 40 words left out and 15 kept): take some off first.")}</p>
            {own}
            {lists}
            {corpus_own}
        </details>
    }
}
