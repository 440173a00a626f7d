//! "Your own files": opening files or a folder (or dropping them anywhere
//! on the page), the import's progress, its report with the questions it
//! asks (the order of numeric dates, dates for undated articles, the
//! corpus' name), and the corpora this browser holds.

use std::sync::Arc;

use lens_engine::corpus::date::ArticleDate;
use leptos::prelude::*;

use crate::import::{self, Import, Phase, Report};
use crate::views::thousands;

/// `n` bytes for a person: "12.3 MB".
pub fn size(n: f64) -> String {
    if n >= 1e9 {
        format!("{:.1} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.0} KB", n / 1e3)
    } else {
        format!("{n:.0} bytes")
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as usize),
        if n == 1 { one } else { many }
    )
}

/// The id of the panel (the header's button controls it).
pub const PANEL_ID: &str = "your-files";

/// The panel.
#[component]
pub fn YourFiles(
    /// The stored corpus explored, if any (its id).
    current: Option<String>,
) -> impl IntoView {
    let import = expect_context::<Import>();
    let current = StoredValue::new(current);
    // Drawn when the panel opens: the list as it is now.
    import.refresh();
    import.warm();
    // Opened from the header's link: the keyboard goes on in the panel. On
    // screen first, and after a takeover has put the focus back where the
    // reader left it (on that link, in the build taking over).
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if heading.get().is_some() {
            crate::takeover::when_shown(move || {
                leptos::task::spawn_local(async move {
                    crate::slices::next_task().await;
                    let from_link = document()
                        .active_element()
                        .is_some_and(|e| e.class_list().contains("your-files-toggle"));
                    // The panel may be gone by now (closed, or the app mounted anew).
                    if let Some(h) = from_link
                        .then(|| heading.try_get_untracked().flatten())
                        .flatten()
                    {
                        let _ = h.focus();
                    }
                });
            });
        }
    });
    view! {
        <section id=PANEL_ID class="your-files" aria-labelledby="your-files-title">
            <h2 id="your-files-title" tabindex="-1" node_ref=heading>"Your own files"</h2>
            <p class="privacy">
                "Files you open are read in this browser and kept only in it: nothing is uploaded. "
                "Plain text (.txt), Markdown (.md), web pages (.html), Word (.docx), tables (.csv, .tsv, .json, .jsonl) and zips of them."
            </p>
            {move || match import.phase.get() {
                Phase::Idle | Phase::Failed(_) => {
                    let failed = match import.phase.get_untracked() {
                        Phase::Failed(why) => Some(view! { <p class="notice import-failed" role="alert">{why}</p> }),
                        _ => None,
                    };
                    view! {
                        {failed}
                        <div class="pickers">
                            <Pickers files="Choose files" folder="Choose a folder" picked=move |files| import.start(files) />
                            <span class="hint">"or drop files or a folder anywhere on the page."</span>
                        </div>
                        {current.get_value().map(|id| view! {
                            <div class="pickers add-files">
                                <span>"Add to the corpus you are exploring:"</span>
                                <Pickers files="Choose files to add" folder="Choose a folder to add"
                                    picked=move |files| import.add_to(id.clone(), files) />
                            </div>
                        })}
                    }.into_any()
                }
                Phase::Gathering => view! { <p role="status">"Finding the files…"</p> }.into_any(),
                Phase::Reading { files, bytes, total_files, total_bytes } => view! {
                    <div class="import-progress">
                        <progress aria-label="Import progress"
                            max={ if total_bytes > 0.0 { total_bytes } else { total_files.max(1) as f64 } }
                            value={ if total_bytes > 0.0 { bytes } else { files as f64 } }></progress>
                        <p role="status">{
                            let mut said = format!("Read {} of {}", thousands(files as usize), plural(total_files, "file", "files"));
                            // The bytes once the worker has counted them.
                            if total_bytes > 0.0 {
                                said.push_str(&format!(" ({} of {})", size(bytes), size(total_bytes)));
                            }
                            said
                        }</p>
                        <button type="button" on:click=move |_| import.stop(Phase::Idle)>"Cancel"</button>
                    </div>
                }.into_any(),
                Phase::Report(r) => view! { <ReportView report=r /> }.into_any(),
                Phase::Saving => view! { <p role="status">"Storing the corpus in this browser…"</p> }.into_any(),
                Phase::Unsaved(why) => view! {
                    <div class="notice import-failed" role="alert">
                        <p>{why}</p>
                        <p>"You can still explore it until you leave this page, and export it from here to keep its files."</p>
                        <div class="report-actions">
                            <button type="button" class="primary" on:click=move |_| import.explore_unsaved()>"Explore it until you leave this page"</button>
                            <button type="button" on:click=move |_| import.stop(Phase::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }.into_any(),
                Phase::Exporting => view! { <p role="status">"Making the zip…"</p> }.into_any(),
            }}
            <StoredList current=current.get_value() />
        </section>
    }
}

/// A file picker and a folder picker (a folder's nested folders too),
/// handing what is picked to `picked`.
#[component]
fn Pickers(
    /// The file picker's label.
    files: &'static str,
    /// The folder picker's label.
    folder: &'static str,
    /// Called with the files picked (path, file).
    picked: impl Fn(Vec<(String, web_sys::File)>) + Clone + 'static,
) -> impl IntoView {
    let import = expect_context::<Import>();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        import.phase.set(Phase::Gathering);
        let picked = picked.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let files = import::picked(&list).await;
            // The same files picked again are an import again (this empties
            // `list` in place: only once it has been read).
            input.set_value("");
            picked(files);
        });
    };
    let on_folder = on_change.clone();
    view! {
        <label class="picker">{files}
            <input type="file" multiple=true class="visually-hidden" on:change=on_change />
        </label>
        <label class="picker">{folder}
            <input type="file" prop:webkitdirectory=true class="visually-hidden" on:change=on_folder />
        </label>
    }
}

/// The import's report, and what it asks.
#[component]
fn ReportView(report: Arc<Report>) -> impl IntoView {
    let import = expect_context::<Import>();
    let undated_n = report.undated.len();
    let date_all = RwSignal::new(String::new());
    let each = RwSignal::new(vec![String::new(); undated_n]);
    let leave_out = RwSignal::new(false);
    let name = RwSignal::new(report.name.clone().unwrap_or_else(|| "My corpus".into()));
    let valid = |s: &str| s.trim().is_empty() || ArticleDate::parse(s.trim()).is_ok();
    let all_ok = move || date_all.with(|d| !d.trim().is_empty() && valid(d));
    let each_given = move || {
        each.with(|e| {
            e.iter()
                .filter(|d| !d.trim().is_empty() && valid(d))
                .count()
        })
    };
    let bad = move || !date_all.with(|d| valid(d)) || each.with(|e| e.iter().any(|d| !valid(d)));
    let dated = report.articles;
    // The articles Explore makes: the dated, and the undated given a date.
    let total = move || dated as usize + if all_ok() { undated_n } else { each_given() };
    let ready =
        move || !bad() && total() > 0 && (leave_out.get() || all_ok() || each_given() == undated_n);
    let ids: Vec<String> = report.undated.iter().map(|u| u.id.clone()).collect();
    let r = report.clone();
    let list = |title: String, items: Vec<String>, open: bool| {
        (!items.is_empty()).then(|| {
            view! {
                <details class="report-list" open=open>
                    <summary>{title}</summary>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </details>
            }
        })
    };
    let adding = r.kept > 0;
    let summary = {
        let new = r.articles - r.kept;
        let mut s = format!(
            "Read {}: {} {}{} with a date",
            plural(r.files, "file", "files"),
            thousands(new as usize),
            if adding { "new " } else { "" },
            if new == 1 { "article" } else { "articles" }
        );
        if undated_n > 0 {
            s.push_str(&format!(", {} without", thousands(undated_n)));
        }
        s.push('.');
        if adding {
            s.push_str(&format!(
                " The corpus holds {} already.",
                plural(r.kept, "article", "articles")
            ));
        }
        if r.skipped > 0 {
            s.push_str(&format!(
                " Skipped {} on purpose (system, hidden or lock files).",
                plural(r.skipped, "file", "files")
            ));
        }
        s
    };
    let undated_rows = r
        .undated
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let label = format!("Date of “{}”", u.title);
            view! {
                <li>
                    <span class="undated-title">{u.title.clone()}</span>
                    <span class="hint">{format!(" ({}: {})", u.path, u.why)}</span>
                    <input type="text" inputmode="numeric" placeholder="2020-05-01" aria-label=label
                        prop:value=move || each.with(|e| e[i].clone())
                        on:input=move |ev| { let v = event_target_value(&ev); each.update(|e| e[i] = v); } />
                </li>
            }
        })
        .collect_view();
    let finish = move |_| {
        let dates = typed_dates(&each.get_untracked(), &ids);
        let all = all_ok().then(|| date_all.get_untracked().trim().to_string());
        import.finish(name.get_untracked(), dates, all, leave_out.get_untracked());
    };
    view! {
        <div class="import-report">
            <h3>"Import report"</h3>
            <p role="status" class="report-summary">{summary}</p>
            {list(format!("{} gave no article", plural(r.problems.len() as u32, "file", "files")), r.problems.clone(), true)}
            {list(format!("{} imported once", plural(r.duplicates.len() as u32, "duplicate", "duplicates")), r.duplicates.clone(), false)}
            {list(plural(r.notes.len() as u32, "note", "notes"), r.notes.clone(), false)}
            {r.asks_order.then(|| view! {
                <fieldset class="ask-order">
                    <legend>"Some dates read two ways (like 03/04/2020): which comes first?"</legend>
                    <button type="button" on:click=move |_| import.with_order("day")>"The day (3 April 2020)"</button>
                    <button type="button" on:click=move |_| import.with_order("month")>"The month (March 4, 2020)"</button>
                </fieldset>
            })}
            {(!r.tables.is_empty()).then(|| view! { <TableMappings report=r.clone() /> })}
            {(undated_n > 0).then(|| view! {
                <fieldset class="undated">
                    <legend>{format!("{} without a date", plural(undated_n as u32, "article", "articles"))}</legend>
                    <label>"One date for all of them "
                        <input type="text" inputmode="numeric" placeholder="2020 or 2020-05 or 2020-05-01"
                            prop:value=move || date_all.get()
                            on:input=move |ev| date_all.set(event_target_value(&ev)) />
                    </label>
                    <p class="hint">"or a date for each:"</p>
                    <ul class="undated-list">{undated_rows}</ul>
                    <label><input type="checkbox" prop:checked=move || leave_out.get()
                        on:change=move |ev| leave_out.set(event_target_checked(&ev)) />
                        " Leave out those without a date"</label>
                </fieldset>
            })}
            {move || bad().then(|| view! { <p class="notice" role="alert">"A date is written as a year (2020), a month (2020-05) or a day (2020-05-01)."</p> })}
            {(!adding).then(|| view! {
                <label class="corpus-name-input">"Name "
                    <input type="text" maxlength="80" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
            })}
            <div class="report-actions">
                <button type="button" class="primary" disabled=move || !ready() on:click=finish>
                    {move || format!("Explore {}", plural(total() as u32, "article", "articles"))}
                </button>
                <button type="button" on:click=move |_| import.stop(Phase::Idle)>"Cancel"</button>
            </div>
        </div>
    }
}

/// A field's name for a person (`url`: "URL").
fn field_label(field: &str) -> String {
    match field {
        "url" => "URL".into(),
        "text" => "Text (needed)".into(),
        f => {
            let mut c = f.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// Which column of each table holds what: the import's guess, shown with
/// what each column holds, for the reader to correct (the files are then
/// read again).
#[component]
fn TableMappings(report: Arc<Report>) -> impl IntoView {
    let import = expect_context::<Import>();
    let first: Vec<Vec<i32>> = report.tables.iter().map(|t| t.mapping.clone()).collect();
    let chosen = RwSignal::new(first.clone());
    let changed = move || chosen.with(|c| *c != first);
    let fields = report.fields.clone();
    let tables = report.tables.clone();
    let many = tables.len() > 3;
    let paths: Vec<String> = tables.iter().map(|t| t.path.clone()).collect();
    let each = tables
        .into_iter()
        .enumerate()
        .map(|(t, table)| {
            let rows = fields
                .iter()
                .enumerate()
                .map(|(f, field)| {
                    let label = format!("{} in “{}”", field_label(field), table.path);
                    let options = table
                        .columns
                        .iter()
                        .zip(table.samples.iter().chain(std::iter::repeat(&String::new())))
                        .enumerate()
                        .map(|(c, (name, sample))| {
                            let text = if sample.is_empty() {
                                name.clone()
                            } else {
                                format!("{name}: {sample}")
                            };
                            view! { <option value=c.to_string()>{text}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="mapping-row">
                            <label>
                                <span class="mapping-field">{field_label(field)}</span>
                                <select aria-label=label
                                    prop:value=move || chosen.with(|m| m[t].get(f).copied().unwrap_or(-1).to_string())
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev).parse::<i32>().unwrap_or(-1);
                                        chosen.update(|m| if let Some(slot) = m[t].get_mut(f) { *slot = v });
                                    }>
                                    <option value="-1">"(none)"</option>
                                    {options}
                                </select>
                            </label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <details class="table-mapping" open=!many>
                    <summary>{format!("Columns of {}", table.path)}</summary>
                    {rows}
                </details>
            }
        })
        .collect_view();
    let read_again = move |_| {
        let mapped = paths.iter().cloned().zip(chosen.get_untracked()).collect();
        import.with_mappings(mapped);
    };
    view! {
        <fieldset class="mappings">
            <legend>"Which column holds what"</legend>
            <p class="hint">"Guessed from the columns' names and values: correct the guess, then read the tables again."</p>
            {each}
            <button type="button" disabled=move || !changed() on:click=read_again>"Read again with these columns"</button>
        </fieldset>
    }
}

/// The dates typed for undated articles, by id.
fn typed_dates(typed: &[String], ids: &[String]) -> Vec<(String, String)> {
    typed
        .iter()
        .zip(ids)
        .filter(|(d, _)| !d.trim().is_empty())
        .map(|(d, id)| (id.clone(), d.trim().to_string()))
        .collect()
}

/// The corpora this browser holds, and the built-in one.
#[component]
fn StoredList(current: Option<String>) -> impl IntoView {
    let import = expect_context::<Import>();
    let current = StoredValue::new(current);
    view! {
        <div class="stored">
            <h3>"Corpora in this browser"</h3>
            <ul class="corpora">
                <li>
                    <a href="./" aria-current=move || current.get_value().is_none().then_some("page")>"The built-in corpus"</a>
                </li>
                // Kept for this visit only: a link would load a page without them.
                {import::session_corpora().into_iter().map(|s| {
                    let is_current = current.get_value().as_deref() == Some(s.id.as_str());
                    let id = s.id.clone();
                    let export_label = format!("Export “{}” as a zip", s.name);
                    view! {
                        <li>
                            <span aria-current=is_current.then_some("page")>{s.name.clone()}</span>
                            <span class="hint">{format!(" · {} · until you leave this page", plural(s.articles, "article", "articles"))}</span>
                            " "
                            <button type="button" class="small" aria-label=export_label
                                on:click=move |_| import.export(id.clone())>"Export"</button>
                        </li>
                    }
                }).collect_view()}
                {move || match import.stored.get() {
                    None => view! { <li>"…"</li> }.into_any(),
                    Some(Err(why)) => view! { <li class="notice">{format!("Not available: {why}. An import still works until you leave the page.")}</li> }.into_any(),
                    Some(Ok(list)) => list.into_iter().map(|s| {
                        let id = s.id.clone();
                        let href = format!("?corpus={}", js_sys::encode_uri_component(&s.id));
                        let is_current = current.get_value().as_deref() == Some(s.id.as_str());
                        let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
                        let export_label = format!("Export “{}” as a zip", s.name);
                        let rename_label = format!("Rename “{}”", s.name);
                        let erase_label = format!("Erase “{}” from this browser", s.name);
                        let old = s.name.clone();
                        view! {
                            <li>
                                <a href=href aria-current=is_current.then_some("page")>{s.name.clone()}</a>
                                <span class="hint">{format!(" · {} · {}", plural(s.articles, "article", "articles"), size(s.bytes))}</span>
                                " "
                                <button type="button" class="small" aria-label=rename_label on:click=move |_| {
                                    if let Ok(Some(n)) = window().prompt_with_message_and_default("A new name", &old) {
                                        if !n.trim().is_empty() {
                                            import::rename(import, id1.clone(), n.trim().to_string(), current.get_value());
                                        }
                                    }
                                }>"Rename"</button>
                                " "
                                <button type="button" class="small" aria-label=export_label
                                    on:click=move |_| import.export(id3.clone())>"Export"</button>
                                " "
                                <button type="button" class="small" aria-label=erase_label on:click=move |_| {
                                    if window().confirm_with_message("Erase this corpus from this browser? Your files are not touched.").unwrap_or(false) {
                                        import::erase(import, id2.clone(), current.get_value());
                                    }
                                }>"Erase"</button>
                            </li>
                        }
                    }).collect_view().into_any(),
                }}
            </ul>
            <p class="hint">{move || import.space.get().map(|(used, quota)| format!(
                "Stored only in this browser: this page uses {} of the {} it may use here.", size(used), size(quota)
            ))}</p>
        </div>
    }
}

/// Imports what is dropped anywhere on the page (the panel opens), and
/// what the light build left of a drop before this build took over.
pub fn follow_drops(import: Import, url: crate::url_state::UrlQuery) -> impl Sized {
    let take = move |entries: js_sys::Array| {
        if !crate::params::FILES.flag(&url) {
            url.navigate(&url.href(&[(crate::params::FILES.name, Some("1"))]));
        }
        import.phase.set(Phase::Gathering);
        wasm_bindgen_futures::spawn_local(async move {
            let files = import::walk(entries).await;
            import.start(files);
        });
    };
    if let Some(left) = crate::drop::take_left() {
        take(left);
    }
    crate::drop::follow_drops(take)
}
