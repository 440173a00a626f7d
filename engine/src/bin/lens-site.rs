//! Writes the corpus file and the static pages of a corpus into a built
//! site: `SITE/corpus-HASH.bin` (the corpus as the page reads it: see
//! `codec::file_name`, named in `SITE/index.html` by a
//! `<meta name="corpus-lens-corpus">`), `SITE/articles/ID.html` for each article, `SITE/articles/index.html`,
//! and the formulas (docs/statistics.md) as `SITE/docs/statistics.html`.
//!
//! Usage: `lens-site CORPUS_DIR SITE_DIR STYLESHEET`, where STYLESHEET is the
//! site's stylesheet relative to SITE_DIR. Run by `scripts/build-site.sh`
//! after `trunk build` (whose builds, with `shipped-corpus`, hold nothing of the
//! corpus: any corpus' site reuses them).
//!
//! `lens-site --sharded CORPUS_DIR SITE_DIR STYLESHEET` does the same with
//! the corpus as a sharded static index (`lens_engine::shard`:
//! `SITE/index-HASH.bin` and the `pack-HASH.bin` files it names, named in
//! the page by a `<meta name="corpus-lens-index">`) instead of one file.
//! `lens-site --index CORPUS_DIR OUT_DIR` writes the index alone into OUT_DIR.
//!
//! `lens-site --corpus-features CORPUS_DIR` prints the page's features the
//! site's builds for that corpus need (the light one and `full/`): the
//! stemmers of the corpus' languages (`lens-engine/stem-de,…`, English's
//! always), and `segmenters` for a corpus written (in part) without spaces
//! (`Corpus::has_unspaced_text`). Those builds hold only those; `own/`, for
//! a reader's own files, holds every language.

use std::path::Path;
use std::process::ExitCode;

use lens_engine::import::load_corpus_dir;
use lens_engine::out::site::{article_page, doc_page, index_page, page_name, ARTICLES_DIR};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, corpus_dir] = args.as_slice() {
        if flag == "--corpus-features" {
            return corpus_features(corpus_dir);
        }
    }
    if let [flag, corpus_dir, out_dir] = args.as_slice() {
        if flag == "--index" {
            return sharded_index(corpus_dir, out_dir);
        }
    }
    let (sharded, args) = match args.split_first() {
        Some((flag, rest)) if flag == "--sharded" => (true, rest),
        _ => (false, args.as_slice()),
    };
    let [corpus_dir, site_dir, stylesheet] = args else {
        eprintln!("usage: lens-site [--sharded] CORPUS_DIR SITE_DIR STYLESHEET");
        return ExitCode::from(2);
    };
    let corpus = match load_corpus_dir(Path::new(corpus_dir)) {
        Ok((c, notes)) => {
            for n in notes {
                println!("lens-site: note: {n}");
            }
            // Counted in Chinese and Japanese words where it has such text,
            // as build.rs counts it.
            c.with_chinese_words()
                .with_japanese_words()
                .with_script_words()
        }
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return ExitCode::FAILURE;
        }
    };
    // The corpus as the page reads it, in its own file (the page's builds
    // name it: see `codec::file_name`): downloaded once for every build;
    // or as a sharded index, read piece by piece.
    // What an earlier run wrote (another corpus', version's or mode's
    // corpus file, words or sharded index) must not linger.
    let named = remove_written(Path::new(site_dir));
    let named = named.and_then(|()| {
        if sharded {
            write_shards(&corpus, Path::new(site_dir)).map(|name| vec![(INDEX_META, name)])
        } else {
            let bytes = lens_engine::corpus::codec::encode(&corpus);
            let name = lens_engine::corpus::codec::file_name(&bytes);
            let shipped = Path::new(site_dir).join(&name);
            // And, for a corpus with text written without spaces, its words
            // as its index reads them: the page builds its index from them
            // (lens_engine::index::prepared).
            let words = lens_engine::index::prepared::for_corpus(&corpus, &name);
            let written = std::fs::write(&shipped, &bytes)
                .map(|()| vec![(CORPUS_META, name)])
                .map_err(|e| format!("cannot write {}: {e}", shipped.display()));
            written.and_then(|mut named| {
                if let Some(words) = words {
                    let name = lens_engine::index::prepared::file_name(&words);
                    let path = Path::new(site_dir).join(&name);
                    std::fs::write(&path, &words)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    println!(
                        "lens-site: the corpus' words, {:.1} MB, in {name}",
                        words.len() as f64 / 1e6
                    );
                    named.push((WORDS_META, name));
                }
                Ok(named)
            })
        }
    });
    // The page names it (src/shipped.rs, src/shards.rs read the name there),
    // so that the builds themselves hold nothing of the corpus: one build
    // serves any.
    if let Err(e) =
        named.and_then(|named| name_in_page(&Path::new(site_dir).join("index.html"), &named))
    {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let out = Path::new(site_dir).join(ARTICLES_DIR);
    // A page of an article no longer in the corpus must not linger.
    let _ = std::fs::remove_dir_all(&out);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let write = |name: &str, html: String| {
        std::fs::write(out.join(name), html).map_err(|e| {
            eprintln!("error: cannot write {}: {e}", out.join(name).display());
        })
    };
    for (i, a) in corpus.articles().iter().enumerate() {
        if write(&page_name(a), article_page(&corpus, i, stylesheet)).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if write("index.html", index_page(&corpus, stylesheet)).is_err() {
        return ExitCode::FAILURE;
    }
    // The formulas, as a page of the site: the tables of numbers link to it.
    let docs = Path::new(site_dir).join("docs");
    let page = doc_page(
        &corpus,
        "statistics.md",
        include_str!("../../../docs/statistics.md"),
        stylesheet,
    );
    if let Err(e) = std::fs::create_dir_all(&docs)
        .and_then(|()| std::fs::write(docs.join("statistics.html"), page))
    {
        eprintln!(
            "error: cannot write {}: {e}",
            docs.join("statistics.html").display()
        );
        return ExitCode::FAILURE;
    }
    println!(
        "lens-site: {} article pages and an index in {}",
        corpus.articles().len(),
        out.display()
    );
    ExitCode::SUCCESS
}

/// The `<meta>` that names the corpus file in the page (src/shipped.rs and
/// scripts/post-build.mjs read it).
const CORPUS_META: &str = "<meta name=\"corpus-lens-corpus\" content=\"";
/// The `<meta>` that names a sharded index' manifest instead (src/shards.rs).
const INDEX_META: &str = "<meta name=\"corpus-lens-index\" content=\"";
/// The `<meta>` that names the corpus' prepared words, beside its file
/// (src/shipped.rs).
const WORDS_META: &str = "<meta name=\"corpus-lens-words\" content=\"";

/// Names the corpus' files in the page at `index`, each `(meta, name)`
/// with its `<meta>` (once: a name written before, in any, is replaced).
fn name_in_page(index: &Path, named: &[(&str, String)]) -> Result<(), String> {
    let mut html = std::fs::read_to_string(index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    for old in [CORPUS_META, INDEX_META, WORDS_META] {
        if let Some(at) = html.find(old) {
            let end = html[at..]
                .find('>')
                .map(|e| at + e + 1)
                .unwrap_or(html.len());
            let end = if html[end..].starts_with('\n') {
                end + 1
            } else {
                end
            };
            html = format!("{}{}", &html[..at], &html[end..]);
        }
    }
    let head = html
        .find("</head>")
        .ok_or_else(|| format!("{} has no </head>", index.display()))?;
    // The names are hex digits (`codec::file_name`): nothing to escape.
    let metas: String = named
        .iter()
        .map(|(meta, name)| format!("{meta}{name}\">\n"))
        .collect();
    html.insert_str(head, &metas);
    std::fs::write(index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

/// Removes from the site at `site` the files a run of this program writes
/// beside the page: `corpus-`, `words-`, `index-` and `pack-HASH.bin`.
fn remove_written(site: &Path) -> Result<(), String> {
    for e in std::fs::read_dir(site).map_err(|e| format!("cannot read {}: {e}", site.display()))? {
        let name = e.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        let ours = ["corpus-", "words-", "index-", "pack-"]
            .iter()
            .any(|p| name.starts_with(p));
        if ours && name.ends_with(".bin") {
            let _ = std::fs::remove_file(site.join(&*name));
        }
    }
    Ok(())
}

/// Writes `corpus` as a sharded index into the site at `site` (replacing
/// one written before), and returns its manifest's name.
fn write_shards(corpus: &lens_engine::Corpus, site: &Path) -> Result<String, String> {
    let options = lens_engine::shard::write::Options::default();
    let written = lens_engine::shard::write::write_index(corpus, options, &mut |name, bytes| {
        std::fs::write(site.join(name), bytes)
            .map_err(|e| format!("cannot write {}: {e}", site.join(name).display()))
    })
    .map_err(|e| e.to_string())?;
    println!(
        "lens-site: a sharded index, {} and {} data files, {:.1} MB",
        written.manifest,
        written.files.len(),
        written.bytes as f64 / 1e6
    );
    Ok(written.manifest)
}

/// Writes the corpus in `corpus_dir` as a sharded index (`lens_engine::shard`) into `out_dir`.
fn sharded_index(corpus_dir: &str, out_dir: &str) -> ExitCode {
    let started = std::time::Instant::now();
    let corpus = match load_corpus_dir(Path::new(corpus_dir)) {
        Ok((c, _)) => c
            .with_chinese_words()
            .with_japanese_words()
            .with_script_words(),
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return ExitCode::FAILURE;
        }
    };
    let read = started.elapsed();
    let out = Path::new(out_dir);
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let options = lens_engine::shard::write::Options::default();
    let written = lens_engine::shard::write::write_index(&corpus, options, &mut |name, bytes| {
        std::fs::write(out.join(name), bytes)
            .map_err(|e| format!("cannot write {}: {e}", out.join(name).display()))
    });
    match written {
        Ok(w) => {
            println!(
                "lens-site: {} articles, {} terms: {} and {} data files, {:.1} MB, in {}; read in {:.1} s, indexed in {:.1} s",
                corpus.articles().len(),
                w.terms,
                w.manifest,
                w.files.len(),
                w.bytes as f64 / 1e6,
                out.display(),
                read.as_secs_f64(),
                (started.elapsed() - read).as_secs_f64(),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the language features the corpus in `corpus_dir` needs (see the module docs).
fn corpus_features(corpus_dir: &str) -> ExitCode {
    use lens_engine::text::language::SNOWBALL;
    let corpus = match load_corpus_dir(Path::new(corpus_dir)) {
        Ok((c, _)) => c,
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return ExitCode::FAILURE;
        }
    };
    let mut keys = corpus.languages();
    keys.push("en".into());
    keys.sort();
    keys.dedup();
    let mut features: Vec<String> = keys
        .iter()
        .filter(|k| SNOWBALL.contains(&k.as_str()))
        .map(|k| format!("lens-engine/stem-{k}"))
        .collect();
    if corpus.has_unspaced_text() {
        features.push("segmenters".into());
    }
    println!("{}", features.join(","));
    ExitCode::SUCCESS
}
