//! The reader's own corpora, kept in this browser's IndexedDB (through
//! `indexed_db_futures`): never sent anywhere.
//!
//! The database `corpus-lens` (version [`VERSION`]) has two stores, both
//! keyed by the corpus' id: `meta` (a small object per corpus: `name`,
//! `articles`, `bytes`, `saved`, `format`) for the list, and `corpora` (the
//! corpus encoded as the build encodes it, [`lens_engine::corpus::codec`])
//! for exploring one. A corpus is written to both in one transaction: a
//! reload or a crash while it is written leaves the previous state, never
//! half a corpus.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The database's version: its stores change only with it.
pub const VERSION: u8 = 1;
/// The format of a stored corpus' bytes ([`lens_engine::corpus::codec`]):
/// a corpus stored in another is said to need importing again.
pub const FORMAT: u32 = 1;

const DB: &str = "corpus-lens";
const META: &str = "meta";
const CORPORA: &str = "corpora";

/// What the list shows of a stored corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// Its id, as the URL names it (`corpus=`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// How many articles it holds.
    pub articles: u32,
    /// The size of its stored bytes.
    pub bytes: f64,
    /// When it was saved (ms since 1970).
    pub saved: f64,
    /// The format of its bytes.
    pub format: u32,
}

impl Stored {
    fn to_js(&self) -> JsValue {
        let o = Object::new();
        for (k, v) in [
            ("name", JsValue::from(self.name.as_str())),
            ("articles", self.articles.into()),
            ("bytes", self.bytes.into()),
            ("saved", self.saved.into()),
            ("format", self.format.into()),
        ] {
            let _ = Reflect::set(&o, &k.into(), &v);
        }
        o.into()
    }

    fn from_js(id: String, v: &JsValue) -> Stored {
        let get = |k: &str| Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED);
        Stored {
            id,
            name: get("name").as_string().unwrap_or_default(),
            articles: get("articles").as_f64().unwrap_or(0.0) as u32,
            bytes: get("bytes").as_f64().unwrap_or(0.0),
            saved: get("saved").as_f64().unwrap_or(0.0),
            format: get("format").as_f64().unwrap_or(0.0) as u32,
        }
    }
}

/// Why storage failed, for a person.
fn said(e: impl std::fmt::Display) -> String {
    let s = e.to_string();
    if s.contains("Quota") || s.contains("quota") {
        "this browser has no more room for it (its storage quota is used up)".into()
    } else {
        format!("this browser's storage refused it ({s})")
    }
}

async fn open() -> Result<Database, String> {
    Database::open(DB)
        .with_version(VERSION)
        .with_on_upgrade_needed(|_, db| {
            // Version 1: the two stores. A later version adds its steps here.
            if !db.object_store_names().any(|n| n == META) {
                db.create_object_store(META).build()?;
            }
            if !db.object_store_names().any(|n| n == CORPORA) {
                db.create_object_store(CORPORA).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| {
            format!("this browser keeps no files for this page (private windows often do not): {e}")
        })
}

/// Saves a corpus (replacing one of the same id), in one transaction.
pub async fn save(meta: &Stored, bytes: &Uint8Array) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction([META, CORPORA])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(said)?;
    tx.object_store(CORPORA)
        .map_err(said)?
        .put(JsValue::from(bytes))
        .with_key(meta.id.as_str())
        .primitive()
        .map_err(said)?;
    tx.object_store(META)
        .map_err(said)?
        .put(meta.to_js())
        .with_key(meta.id.as_str())
        .primitive()
        .map_err(said)?;
    tx.commit().await.map_err(said)
}

/// Every stored corpus, by name.
pub async fn list() -> Result<Vec<Stored>, String> {
    let db = open().await?;
    let tx = db.transaction(META).build().map_err(said)?;
    let store = tx.object_store(META).map_err(said)?;
    let keys: Vec<String> = store
        .get_all_keys::<String>()
        .primitive()
        .map_err(said)?
        .await
        .map_err(said)?
        .filter_map(Result::ok)
        .collect();
    // Keys and values come in the same (key) order.
    let values: Vec<JsValue> = store
        .get_all::<JsValue>()
        .primitive()
        .map_err(said)?
        .await
        .map_err(said)?
        .filter_map(Result::ok)
        .collect();
    let mut out: Vec<Stored> = keys
        .into_iter()
        .zip(values)
        .map(|(id, v)| Stored::from_js(id, &v))
        .collect();
    out.sort_by_key(|s| s.name.to_lowercase());
    Ok(out)
}

/// A stored corpus and its bytes; `None` when this browser holds no such corpus.
pub async fn load(id: &str) -> Result<Option<(Stored, Vec<u8>)>, String> {
    Ok(load_js(id)
        .await?
        .map(|(meta, bytes)| (meta, bytes.to_vec())))
}

/// A stored corpus and its bytes as JavaScript holds them (for the import
/// worker: this page's memory never holds them).
pub async fn load_js(id: &str) -> Result<Option<(Stored, Uint8Array)>, String> {
    let db = open().await?;
    let tx = db.transaction([META, CORPORA]).build().map_err(said)?;
    let meta: Option<JsValue> = tx
        .object_store(META)
        .map_err(said)?
        .get(id)
        .primitive()
        .map_err(said)?
        .await
        .map_err(said)?;
    let Some(meta) = meta else { return Ok(None) };
    let bytes: Option<JsValue> = tx
        .object_store(CORPORA)
        .map_err(said)?
        .get(id)
        .primitive()
        .map_err(said)?
        .await
        .map_err(said)?;
    let Some(bytes) = bytes.and_then(|b| b.dyn_into::<Uint8Array>().ok()) else {
        return Ok(None);
    };
    Ok(Some((Stored::from_js(id.to_string(), &meta), bytes)))
}

/// Renames a stored corpus (its id, and so its links, stay).
pub async fn rename(id: &str, name: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(META)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(said)?;
    let store = tx.object_store(META).map_err(said)?;
    let meta: Option<JsValue> = store
        .get(id)
        .primitive()
        .map_err(said)?
        .await
        .map_err(said)?;
    let Some(meta) = meta else {
        return Err("this browser no longer holds it".into());
    };
    let mut m = Stored::from_js(id.to_string(), &meta);
    m.name = name.to_string();
    store
        .put(m.to_js())
        .with_key(id)
        .primitive()
        .map_err(said)?;
    tx.commit().await.map_err(said)
}

/// Erases a stored corpus, in one transaction.
pub async fn erase(id: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction([META, CORPORA])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(said)?;
    for s in [META, CORPORA] {
        tx.object_store(s)
            .map_err(said)?
            .delete(id)
            .primitive()
            .map_err(said)?;
    }
    tx.commit().await.map_err(said)
}

/// How much this page stores and may store (bytes), as the browser says.
pub async fn space() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?;
    let get = |k: &str| Reflect::get(&estimate, &k.into()).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}

/// Asks the browser to keep this page's storage when space runs short
/// (it may say no, or ask the reader).
pub fn ask_to_persist() {
    if let Some(w) = web_sys::window() {
        if let Ok(p) = w.navigator().storage().persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}
