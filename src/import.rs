//! A reader's own files, imported in this browser: gathered from a drop or
//! a file picker (a dropped folder walked whole), read and parsed by the
//! import worker (`worker/`, loaded only now), reported, and kept in this
//! browser ([`crate::store`]). Nothing is sent anywhere.
//!
//! The worker's messages are described in `worker/src/main.rs`. The page's
//! side is [`Import`], in context: its phase is what the panel
//! (`views::your_files`) draws.

use std::cell::RefCell;
use std::sync::Arc;

use js_sys::{Array, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry, MessageEvent, Worker,
};

use crate::store::{self, Stored};

/// How many files go to the worker in one message: posting a `File`
/// costs about a quarter of a millisecond (Chromium, this machine), so a
/// batch stays well under the 50 ms a task may take.
const HANDOVER_BATCH: usize = 32;

/// The worker's script, beside the page (trunk writes it unhashed: see
/// `worker/Cargo.toml`).
pub const WORKER_URL: &str = "lens-import_loader.js";

thread_local! {
    /// The corpora kept only until the page is left: made where this
    /// browser stores nothing for the page (some private windows), or
    /// when the reader chose to explore one that was not stored.
    /// Their bytes live as long as the page: the corpus borrows its text from them.
    static SESSION: RefCell<Vec<(Stored, &'static [u8])>> = const { RefCell::new(Vec::new()) };
}

/// Whether the corpus `id` is kept only until the page is left.
pub fn in_session(id: &str) -> bool {
    SESSION.with(|s| s.borrow().iter().any(|(m, _)| m.id == id))
}

/// The corpora kept only until the page is left.
pub fn session_corpora() -> Vec<Stored> {
    SESSION.with(|s| s.borrow().iter().map(|(m, _)| m.clone()).collect())
}

/// The worker, and its message handler (kept as long as it runs).
type Running = (Worker, Closure<dyn FnMut(MessageEvent)>);

/// An article the import could not date.
#[derive(Clone, Debug, PartialEq)]
pub struct Undated {
    /// Its id (how the reader's date is given back).
    pub id: String,
    /// Its file.
    pub path: String,
    /// Its title.
    pub title: String,
    /// Why it has no date.
    pub why: String,
}

/// A table among the files: its columns and which field each was taken for.
#[derive(Clone, Debug, PartialEq)]
pub struct TableColumns {
    /// Its file.
    pub path: String,
    /// Its column names.
    pub columns: Vec<String>,
    /// What each column holds (its first value, cut short).
    pub samples: Vec<String>,
    /// The column of each field of [`Report::fields`] (`-1`: none).
    pub mapping: Vec<i32>,
}

/// What an import gave, as the worker reported it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    /// Files read (skipped ones not counted).
    pub files: u32,
    /// Articles with a date.
    pub articles: u32,
    /// One line per file that gave no article: file, line, what is wrong.
    pub problems: Vec<String>,
    /// What to know of files that were read (an encoding, a field ignored).
    pub notes: Vec<String>,
    /// Files skipped on purpose (system, hidden and lock files).
    pub skipped: u32,
    /// Files whose text another file already gave.
    pub duplicates: Vec<String>,
    /// Articles without a date.
    pub undated: Vec<Undated>,
    /// A numeric date read two ways: the reader is asked which order.
    pub asks_order: bool,
    /// The name an imported `corpus.toml` gives (or the corpus added to).
    pub name: Option<String>,
    /// Of `articles`, those the corpus added to held already.
    pub kept: u32,
    /// The tables among the files, their columns as mapped.
    pub tables: Vec<TableColumns>,
    /// The fields a table's column may hold (`title`, `date`, `text`…), in
    /// the order of [`TableColumns::mapping`]: the engine's.
    pub fields: Vec<String>,
}

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Nothing under way.
    Idle,
    /// Finding the files of a dropped folder.
    Gathering,
    /// The worker reading files.
    Reading {
        /// Files read.
        files: u32,
        /// Bytes read.
        bytes: f64,
        /// Files to read.
        total_files: u32,
        /// Bytes to read.
        total_bytes: f64,
    },
    /// The report, waiting for the reader.
    Report(Arc<Report>),
    /// The corpus being made and stored.
    Saving,
    /// The corpus was made but not stored (why): the reader may explore
    /// it until the page is left ([`Import::explore_unsaved`]).
    Unsaved(String),
    /// A stored corpus being zipped for its export.
    Exporting,
    /// What went wrong.
    Failed(String),
}

/// The import, in context: the phase and the means to move it on.
#[derive(Clone, Copy)]
pub struct Import {
    /// Where it is.
    pub phase: RwSignal<Phase>,
    /// The corpora this browser holds (read when the panel opens).
    pub stored: RwSignal<Option<Result<Vec<Stored>, String>>>,
    /// What this page stores and may store, in bytes.
    pub space: RwSignal<Option<(f64, f64)>>,
    /// The files of the last import (imported again with an answer).
    files: StoredValue<Vec<(String, File)>, LocalStorage>,
    /// The worker and its message handler, while there is one.
    worker: StoredValue<Option<Running>, LocalStorage>,
    /// The messages to post once the worker is ready.
    pending: StoredValue<Vec<Object>, LocalStorage>,
    /// Whether the worker's wasm runs (it has said "ready").
    ready: StoredValue<bool>,
    /// Whether the worker holds the files of [`Import::files`].
    handed_over: StoredValue<bool>,
    /// Counts the stops: a handover started before one stops.
    generation: StoredValue<u32>,
    /// The stored corpus being added to, if any (its id).
    adding_to: RwSignal<Option<String>>,
    /// The name of the zip an export is making.
    exporting: StoredValue<String, LocalStorage>,
    /// How the reader said numeric dates read (`day` or `month`), if asked.
    order: StoredValue<Option<&'static str>>,
    /// The tables' columns as the reader mapped them (path, columns).
    mappings: StoredValue<Vec<(String, Vec<i32>)>>,
    /// The stored corpus an import adds to, as stored.
    base: StoredValue<Option<js_sys::Uint8Array>, LocalStorage>,
    /// Whether the worker has been asked something it has not answered.
    busy: StoredValue<bool>,
    /// A corpus made but not stored, while the reader decides.
    unsaved: StoredValue<Option<(Stored, js_sys::Uint8Array)>, LocalStorage>,
}

fn set(o: &Object, k: &str, v: impl Into<JsValue>) {
    let _ = Reflect::set(o, &k.into(), &v.into());
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn strings(v: JsValue) -> Vec<String> {
    v.dyn_into::<Array>()
        .map(|a| a.iter().filter_map(|s| s.as_string()).collect())
        .unwrap_or_default()
}

/// The report's tables (see `worker/src/main.rs`).
fn tables(v: JsValue) -> Vec<TableColumns> {
    let Ok(list) = v.dyn_into::<Array>() else {
        return Vec::new();
    };
    list.iter()
        .map(|t| {
            let mapping = get(&t, "mapping")
                .dyn_into::<Array>()
                .map(|cols| {
                    cols.iter()
                        .map(|c| c.as_f64().map_or(-1, |c| c as i32))
                        .collect()
                })
                .unwrap_or_default();
            TableColumns {
                path: get(&t, "path").as_string().unwrap_or_default(),
                columns: strings(get(&t, "columns")),
                samples: strings(get(&t, "samples")),
                mapping,
            }
        })
        .collect()
}

fn number(v: JsValue) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

impl Import {
    /// A new import state, idle.
    pub fn new() -> Import {
        Import {
            phase: RwSignal::new(Phase::Idle),
            stored: RwSignal::new(None),
            space: RwSignal::new(None),
            files: StoredValue::new_local(Vec::new()),
            worker: StoredValue::new_local(None),
            pending: StoredValue::new_local(Vec::new()),
            handed_over: StoredValue::new(false),
            ready: StoredValue::new(false),
            generation: StoredValue::new(0),
            adding_to: RwSignal::new(None),
            exporting: StoredValue::new_local(String::new()),
            base: StoredValue::new_local(None),
            unsaved: StoredValue::new_local(None),
            busy: StoredValue::new(false),
            order: StoredValue::new(None),
            mappings: StoredValue::new(Vec::new()),
        }
    }

    /// Reads the list of stored corpora and the space used, again.
    pub fn refresh(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let list = store::list().await;
            self.stored.set(Some(list));
            self.space.set(store::space().await);
        });
    }

    /// Reads the stored corpus `id` and hands it to `then`; says why not
    /// (`failed`: "Not read", "Not removed"…) when this browser cannot.
    fn with_stored(
        self,
        id: String,
        failed: &'static str,
        then: impl FnOnce(String, store::Stored, js_sys::Uint8Array) + 'static,
    ) {
        wasm_bindgen_futures::spawn_local(async move {
            let kept = SESSION.with(|s| {
                let s = s.borrow();
                let (meta, bytes) = s.iter().find(|(m, _)| m.id == id)?;
                Some((meta.clone(), js_sys::Uint8Array::from(*bytes)))
            });
            if let Some((meta, bytes)) = kept {
                return then(id, meta, bytes);
            }
            match store::load_js(&id).await {
                Ok(Some((meta, bytes))) => then(id, meta, bytes),
                Ok(None) => self
                    .phase
                    .set(Phase::Failed("This browser no longer holds it.".into())),
                Err(why) => self.phase.set(Phase::Failed(format!("{failed}: {why}."))),
            }
        });
    }

    /// Imports `files` (path, file) into the stored corpus `id`: its
    /// articles stay, and it is saved again under its id.
    pub fn add_to(self, id: String, files: Vec<(String, File)>) {
        self.stop_reading();
        self.with_stored(id, "Not read", move |id, _, bytes| {
            self.adding_to.set(Some(id));
            self.base.set_value(Some(bytes));
            self.files.set_value(files);
            self.handed_over.set_value(false);
            self.read_anew();
        });
    }

    /// Removes the article `article` from the stored corpus `id`, and
    /// opens the corpus without it.
    pub fn remove(self, id: String, article: String) {
        self.with_stored(id, "Not removed", move |id, _, bytes| {
            self.adding_to.set(Some(id));
            self.phase.set(Phase::Saving);
            let m = Object::new();
            set(&m, "type", "remove");
            set(&m, "bytes", bytes);
            set(&m, "ids", Array::of1(&article.into()));
            self.post(m);
        });
    }

    /// Imports `files` (path, file) as a new corpus, asking the worker to read them.
    pub fn start(self, files: Vec<(String, File)>) {
        self.stop_reading();
        self.adding_to.set(None);
        self.base.set_value(None);
        if files.is_empty() {
            self.phase.set(Phase::Failed(
                "No files were given: nothing to import.".into(),
            ));
            return;
        }
        self.files.set_value(files);
        self.handed_over.set_value(false);
        self.read_anew();
    }

    /// Reads new files: no question answered yet.
    fn read_anew(self) {
        self.order.set_value(None);
        self.mappings.set_value(Vec::new());
        self.read();
    }

    /// Reads the last files again, with the numeric order the reader chose.
    pub fn with_order(self, order: &'static str) {
        self.order.set_value(Some(order));
        self.read();
    }

    /// Reads the last files again, the tables' columns as the reader mapped
    /// them (path, the column of each field; `-1`: none).
    pub fn with_mappings(self, mappings: Vec<(String, Vec<i32>)>) {
        self.mappings.set_value(mappings);
        self.read();
    }

    /// Asks the worker to read the files (handing them over first, if it
    /// does not hold them yet), with the reader's answers so far.
    fn read(self) {
        let order = self.order.get_value();
        let total = self.files.with_value(|f| f.len() as u32);
        // The bytes are the worker's to count: a `File`'s size costs the
        // page a quarter of a millisecond (Chromium asks its blob registry).
        self.phase.set(Phase::Reading {
            files: 0,
            bytes: 0.0,
            total_files: total,
            total_bytes: 0.0,
        });
        let generation = self.generation.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            if !self.handed_over.get_value() {
                // Batches posted before the worker runs would all go at
                // once when it does: one long task. Wait for it.
                self.ensure_worker();
                while !self.ready.get_value() {
                    gloo_timers::future::TimeoutFuture::new(10).await;
                    if self.generation.get_value() != generation {
                        return;
                    }
                }
                // A batch at a time from the list kept, never a copy of it
                // (20,000 paths: a copy cost the page 1.8 MB for good).
                let batches = self.files.with_value(|f| f.len().div_ceil(HANDOVER_BATCH));
                for i in 0..batches {
                    crate::slices::next_task().await;
                    // Cancelled meanwhile: nothing more to hand over.
                    if self.generation.get_value() != generation {
                        return;
                    }
                    let m = Object::new();
                    set(&m, "type", "files");
                    set(&m, "first", i == 0);
                    let (paths, files) = self.files.with_value(|f| {
                        let end = ((i + 1) * HANDOVER_BATCH).min(f.len());
                        let batch = f.get(i * HANDOVER_BATCH..end).unwrap_or_default();
                        let paths: Array = (batch.iter())
                            .map(|(p, _)| JsValue::from(p.as_str()))
                            .collect();
                        let files: Array = (batch.iter())
                            .map(|(_, f)| JsValue::from(f.clone()))
                            .collect();
                        (paths, files)
                    });
                    set(&m, "paths", paths);
                    set(&m, "files", files);
                    self.post(m);
                }
                self.handed_over.set_value(true);
            }
            let m = Object::new();
            set(&m, "type", "import");
            if let Some(o) = order {
                set(&m, "order", o);
            }
            let mapped = Object::new();
            for (path, cols) in self.mappings.get_value() {
                let cols: Array = cols.iter().map(|&c| JsValue::from(c)).collect();
                set(&mapped, &path, cols);
            }
            set(&m, "mappings", mapped);
            if let Some(b) = self.base.get_value() {
                set(&m, "base", b);
            }
            self.post(m);
        });
    }

    /// Posts `m` to the worker, starting it if need be.
    fn post(self, m: Object) {
        if get(&m, "type").as_string().as_deref() != Some("files") {
            self.busy.set_value(true);
        }
        // A worker whose wasm is not running yet would drop the message:
        // it waits until the worker says it is ready.
        if !self.ready.get_value() {
            self.pending.update_value(|p| p.push(m));
        } else {
            self.worker.with_value(|w| {
                if let Some((w, _)) = w {
                    let _ = w.post_message(&m);
                }
            });
            return;
        }
        self.ensure_worker();
    }

    /// Starts the worker while the reader picks files: its wasm takes most
    /// of a second to load and compile, which then is not theirs to wait.
    pub fn warm(self) {
        self.ensure_worker();
    }

    /// Starts the worker, unless it runs.
    fn ensure_worker(self) {
        if self.worker.with_value(Option::is_some) {
            return;
        }
        let worker = match Worker::new(WORKER_URL) {
            Ok(w) => w,
            Err(e) => {
                self.phase.set(Phase::Failed(format!(
                    "The import could not start: {}",
                    e.as_string()
                        .unwrap_or_else(|| "this browser refused its worker".into())
                )));
                return;
            }
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            self.message(ev.data());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.stop(Phase::Failed(
                "The import stopped: its worker could not run (is the page offline since before its first import?).".into(),
            ));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        self.worker.set_value(Some((worker, on_message)));
    }

    fn message(self, data: JsValue) {
        if matches!(
            get(&data, "type").as_string().as_deref(),
            Some("report" | "corpus" | "zip" | "failed")
        ) {
            self.busy.set_value(false);
        }
        match get(&data, "type").as_string().as_deref() {
            Some("ready") => {
                self.ready.set_value(true);
                let pending = self
                    .pending
                    .try_update_value(std::mem::take)
                    .unwrap_or_default();
                self.worker.with_value(|w| {
                    if let Some((w, _)) = w {
                        for m in &pending {
                            let _ = w.post_message(m);
                        }
                    }
                });
            }
            Some("progress") => self.phase.set(Phase::Reading {
                files: number(get(&data, "files")) as u32,
                bytes: number(get(&data, "bytes")),
                total_files: number(get(&data, "totalFiles")) as u32,
                total_bytes: number(get(&data, "totalBytes")),
            }),
            Some("report") => {
                let undated = get(&data, "undated")
                    .dyn_into::<Array>()
                    .map(|a| {
                        a.iter()
                            .map(|u| Undated {
                                id: get(&u, "id").as_string().unwrap_or_default(),
                                path: get(&u, "path").as_string().unwrap_or_default(),
                                title: get(&u, "title").as_string().unwrap_or_default(),
                                why: get(&u, "why").as_string().unwrap_or_default(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                self.phase.set(Phase::Report(Arc::new(Report {
                    files: number(get(&data, "files")) as u32,
                    articles: number(get(&data, "articles")) as u32,
                    problems: strings(get(&data, "problems")),
                    notes: strings(get(&data, "notes")),
                    skipped: number(get(&data, "skipped")) as u32,
                    duplicates: strings(get(&data, "duplicates")),
                    undated,
                    asks_order: get(&data, "asksOrder").is_truthy(),
                    name: get(&data, "name").as_string(),
                    kept: number(get(&data, "kept")) as u32,
                    tables: tables(get(&data, "tables")),
                    fields: strings(get(&data, "fields")),
                })));
                self.refresh();
            }
            Some("corpus") => {
                // Stored as they came: never copied into this page's memory
                // (which would keep their size for as long as the page).
                let bytes = get(&data, "bytes")
                    .dyn_into::<js_sys::Uint8Array>()
                    .unwrap_or_else(|_| js_sys::Uint8Array::new_with_length(0));
                let articles = number(get(&data, "articles")) as u32;
                let name = get(&data, "name").as_string().unwrap_or_default();
                wasm_bindgen_futures::spawn_local(self.save(name, articles, bytes));
            }
            Some("zip") => {
                if let Ok(b) = get(&data, "bytes").dyn_into::<js_sys::Uint8Array>() {
                    let name = self.exporting.get_value();
                    crate::download::offer_bytes(&name, "application/zip", &b.to_vec());
                }
                self.stop(Phase::Idle);
            }
            Some("failed") => self.stop(Phase::Failed(
                get(&data, "message")
                    .as_string()
                    .unwrap_or_else(|| "The import stopped.".into()),
            )),
            _ => {}
        }
    }

    /// Downloads the stored corpus `id` as a zip of the project's corpus
    /// format (made by the worker), named after the corpus.
    pub fn export(self, id: String) {
        self.with_stored(id, "Not exported", move |_, meta, bytes| {
            self.exporting
                .set_value(format!("{}.zip", new_id(&meta.name, &[])));
            self.phase.set(Phase::Exporting);
            let m = Object::new();
            set(&m, "type", "export");
            set(&m, "bytes", bytes);
            self.post(m);
        });
    }

    /// Stops an import under way (files dropped while others are read):
    /// the worker reads one import at a time, and its report must be of
    /// the files the reader gave last.
    fn stop_reading(self) {
        if self.busy.get_value() {
            self.stop(Phase::Idle);
        } else {
            // A handover under way hands over no more.
            self.generation.update_value(|g| *g += 1);
        }
    }

    /// Stops the worker (an import under way is lost) and moves to `phase`.
    pub fn stop(self, phase: Phase) {
        // A corpus made but not stored is the reader's to explore or drop:
        // dropped now.
        self.unsaved.set_value(None);
        if let Some(Some((w, _))) = self.worker.try_update_value(Option::take) {
            w.terminate();
            // A new worker holds no files, and is sent no more of these.
            self.handed_over.set_value(false);
            self.ready.set_value(false);
            self.pending.update_value(Vec::clear);
        }
        self.generation.update_value(|g| *g += 1);
        self.busy.set_value(false);
        self.phase.set(phase);
    }

    /// Makes the corpus: `name`, and for the undated articles a date each
    /// (`dates`, by id), one for all (`date`), or none (`leave_out`).
    pub fn finish(
        self,
        name: String,
        dates: Vec<(String, String)>,
        date: Option<String>,
        leave_out: bool,
    ) {
        let m = Object::new();
        set(&m, "type", "finish");
        set(&m, "name", name);
        let each = Object::new();
        for (id, d) in dates {
            set(&each, &id, d);
        }
        set(&m, "dates", each);
        if let Some(d) = date {
            set(&m, "date", d);
        }
        set(&m, "leaveOut", leave_out);
        self.phase.set(Phase::Saving);
        self.post(m);
    }

    async fn save(self, name: String, articles: u32, bytes: js_sys::Uint8Array) {
        let stored = self.stored.get_untracked();
        // Where this browser stores nothing for the page, the panel said
        // so before the import: the corpus is kept for the visit at once.
        let refused = matches!(stored, Some(Err(_)));
        let mut taken = stored.and_then(Result::ok).unwrap_or_default();
        taken.extend(session_corpora());
        let id = self
            .adding_to
            .get_untracked()
            .unwrap_or_else(|| new_id(&name, &taken));
        let meta = Stored {
            id: id.clone(),
            name,
            articles,
            bytes: f64::from(bytes.length()),
            saved: js_sys::Date::now(),
            format: store::FORMAT,
        };
        if refused || in_session(&id) {
            return self.keep_for_visit(meta, bytes);
        }
        match store::save(&meta, &bytes).await {
            Ok(()) => {
                store::ask_to_persist();
                self.stop(Phase::Idle);
                self.adding_to.set(None);
                let href = format!("?corpus={}", js_sys::encode_uri_component(&id));
                let _ = window().location().assign(&href);
            }
            Err(why) => {
                self.unsaved.set_value(Some((meta, bytes)));
                self.phase.set(Phase::Unsaved(format!(
                    "The corpus was not stored: {why}. The corpus you had is unchanged."
                )));
            }
        }
    }

    /// Explores the corpus that was made but not stored, until the page is left.
    pub fn explore_unsaved(self) {
        if let Some(Some((meta, bytes))) = self.unsaved.try_update_value(Option::take) {
            // After the click's handler returns: the app it belongs to is
            // unmounted for the corpus.
            wasm_bindgen_futures::spawn_local(async move { self.keep_for_visit(meta, bytes) });
        }
    }

    /// Keeps a corpus for this visit only and opens it in place (a new
    /// page would not find it).
    fn keep_for_visit(self, meta: Stored, bytes: js_sys::Uint8Array) {
        // Kept as long as the page, as a stored corpus' bytes are once opened.
        let bytes: &'static [u8] = Box::leak(bytes.to_vec().into_boxed_slice());
        let corpus = match lens_engine::corpus::codec::decode(bytes) {
            Ok(c) => c.with_name(&meta.name),
            Err(e) => {
                return self
                    .phase
                    .set(Phase::Failed(format!("The corpus cannot be read ({e}).")))
            }
        };
        let id = meta.id.clone();
        SESSION.with(|s| {
            let mut s = s.borrow_mut();
            s.retain(|(m, _)| m.id != id);
            s.push((meta, bytes));
        });
        warn_before_leaving();
        self.stop(Phase::Idle);
        // The app is mounted again for it: this one, and `self`, are gone after this.
        crate::reopen(&id, Box::leak(Box::new(corpus)));
    }
}

/// Asks the browser to warn a reader leaving the page while it holds a
/// corpus for this visit only (once: the listener stays with the page).
fn warn_before_leaving() {
    thread_local! {
        static WARNS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if WARNS.with(|w| w.replace(true)) {
        return;
    }
    gloo_events::EventListener::new_with_options(
        &window(),
        "beforeunload",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        |ev| ev.prevent_default(),
    )
    .forget();
}

impl Default for Import {
    fn default() -> Self {
        Import::new()
    }
}

/// An id for a new corpus named `name`: its letters and digits, and a
/// number if this browser holds that id already.
pub fn new_id(name: &str, stored: &[Stored]) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
        if base.len() >= 40 {
            break;
        }
    }
    let base = match base.trim_end_matches('-') {
        "" => "corpus".to_string(),
        b => b.to_string(),
    };
    let taken = |id: &str| stored.iter().any(|s| s.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unused number")
}

/// The files of a drop's entries ([`crate::drop::entries`]), a dropped
/// folder walked whole (its path kept, `folder/sub/file.txt`).
pub async fn walk(entries: Array) -> Vec<(String, File)> {
    let mut out = Vec::new();
    // Depth first, with a stack: a folder's depth never deepens a recursion.
    let mut stack: Vec<JsValue> = entries.iter().collect();
    while let Some(v) = stack.pop() {
        // Chromium's entries are `FileEntry` and `DirectoryEntry`, with no
        // `FileSystemEntry` constructor to test them against: an entry is
        // what has `isDirectory` (a `File` has not).
        if !Reflect::has(&v, &"isDirectory".into()).unwrap_or(false) {
            continue;
        }
        let e: FileSystemEntry = v.unchecked_into();
        if e.is_file() {
            let fe: FileSystemFileEntry = e.clone().unchecked_into();
            let got = JsFuture::from(Promise::new(&mut |ok, err| {
                fe.file_with_callback_and_callback(&ok, &err);
            }))
            .await;
            if let Ok(f) = got.and_then(|f| f.dyn_into::<File>()) {
                out.push((e.full_path().trim_start_matches('/').to_string(), f));
            }
        } else if e.is_directory() {
            let reader = e
                .unchecked_ref::<FileSystemDirectoryEntry>()
                .create_reader();
            // A folder's entries come in batches (100 in Chromium) until an empty one.
            loop {
                let batch = JsFuture::from(Promise::new(&mut |ok, err| {
                    let _ = reader.read_entries_with_callback_and_callback(&ok, &err);
                }))
                .await;
                let Ok(batch) = batch.and_then(|b| b.dyn_into::<Array>()) else {
                    break;
                };
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter());
            }
        }
    }
    // A plain file (no entry) is imported by its name.
    out.extend(
        entries
            .iter()
            .filter_map(|v| v.dyn_into::<File>().ok())
            .map(|f| (f.name(), f)),
    );
    out
}

/// Files listed per task by [`picked`]: a `File`'s name and path cost a
/// few microseconds each, and a folder of 20,000 files took 65 ms at once.
const PICKED_PER_TASK: u32 = 2_000;

/// The files a file picker holds: with a folder picked, each file's path
/// in it. Listed a slice per task (the page stays responsive).
pub async fn picked(list: &web_sys::FileList) -> Vec<(String, File)> {
    let mut out = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        if i > 0 && i % PICKED_PER_TASK == 0 {
            crate::slices::next_task().await;
        }
        let Some(f) = list.get(i) else { continue };
        let rel = Reflect::get(&f, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .unwrap_or_default();
        out.push((if rel.is_empty() { f.name() } else { rel }, f));
    }
    out
}

/// Erases a stored corpus; when it is the one explored, goes to the built-in one.
pub fn erase(import: Import, id: String, current: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        match store::erase(&id).await {
            Ok(()) if current.as_deref() == Some(id.as_str()) => {
                let _ = window().location().assign("./");
            }
            Ok(()) => import.refresh(),
            Err(why) => import
                .phase
                .set(Phase::Failed(format!("Not erased: {why}."))),
        }
    });
}

/// Renames a stored corpus.
pub fn rename(import: Import, id: String, name: String, current: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        match store::rename(&id, &name).await {
            Ok(()) if current.as_deref() == Some(id.as_str()) => {
                let _ = window().location().reload();
            }
            Ok(()) => import.refresh(),
            Err(why) => import
                .phase
                .set(Phase::Failed(format!("Not renamed: {why}."))),
        }
    });
}
