//! Validates the corpus folder and embeds it in the page (but for a
//! published site's builds, feature `shipped-corpus`: see `main`).
//!
//! The folder is `corpus/`, or `CORPUS_DIR` (relative to this crate) when set.
//! Every problem is printed with its file and line, and the build stops:
//! nothing is silently dropped.

use std::path::PathBuf;

fn main() {
    // A published site's builds read the corpus from a file beside the page
    // (`src/shipped.rs`), which `lens-site` validates and writes with these
    // same parsers: the build holds nothing of the corpus, so one build
    // serves any corpus and another corpus builds nothing again.
    if std::env::var_os("CARGO_FEATURE_SHIPPED_CORPUS").is_some() {
        println!("cargo:rerun-if-changed=build.rs");
        return;
    }
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    let dir = PathBuf::from(std::env::var("CORPUS_DIR").unwrap_or_else(|_| "corpus".into()));
    // Cargo reads every line of this program's standard output as a
    // directive, so nothing from the corpus is ever printed there: only the
    // folder, which cargo then watches whole (every file in it, at any depth).
    let shown = dir.display().to_string();
    if shown.contains(['\n', '\r']) {
        eprintln!("error: CORPUS_DIR {shown:?} holds a line break: name the folder without one");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed={shown}");
    match lens_engine::import::load_corpus_dir(&dir) {
        Ok((corpus, notes)) => {
            // Chinese and Japanese text is counted in words (the page
            // installs the same segmenters before it indexes such a corpus).
            let corpus = corpus
                .with_chinese_words()
                .with_japanese_words()
                .with_script_words();
            // Standard error: cargo shows it with -vv, and never reads it.
            for n in &notes {
                eprintln!("note: {n}");
            }
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            let bytes = lens_engine::corpus::codec::encode(&corpus);
            // Its words read here, for a corpus that takes long to tokenize
            // (text written without spaces): the page builds its index
            // from them (lens_engine::index::prepared). Empty: none.
            let name = lens_engine::corpus::codec::file_name(&bytes);
            let words = lens_engine::index::prepared::for_corpus(&corpus, &name);
            std::fs::write(out.join("corpus.bin"), bytes).expect("write the embedded corpus");
            std::fs::write(out.join("corpus-name.txt"), name).expect("write the corpus' name");
            std::fs::write(out.join("words.bin"), words.unwrap_or_default())
                .expect("write the corpus' words");
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("error: {p}");
            }
            eprintln!(
                "error: the corpus in {} has {} problem{}; fix {} and build again (the corpus format is in docs/corpus-format.md)",
                dir.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                if problems.len() == 1 { "it" } else { "them" },
            );
            std::process::exit(1);
        }
    }
}
