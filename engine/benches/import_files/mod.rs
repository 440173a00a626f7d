//! Where the import benchmarks find their files: `bench/data/import`, made
//! by `python3 bench/make_import_files.py` (never committed).

use std::path::PathBuf;

/// The folder, or `None` (said on standard error) when it is not made yet.
pub fn folder() -> Option<PathBuf> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/data/import");
    if !data.is_dir() {
        eprintln!(
            "no {}: run python3 bench/make_import_files.py",
            data.display()
        );
        return None;
    }
    Some(data)
}
