//! The code map holds: the engine's module groups import each other without
//! a circle, and ARCHITECTURE.md names every module of the engine and of
//! the page.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file below `dir`, as (module path, text): `stats/words.rs` is
/// `stats::words`, `stats/mod.rs` is `stats`, `lib.rs` is ``.
fn modules(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p.file_name().unwrap() != "bin" {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(dir).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                out.push((parts.join("::"), fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its `#[cfg(test)]` module (tests may import anything).
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests")
        .map_or(text, |i| &text[..i])
}

#[test]
fn the_engine_groups_import_each_other_without_a_circle() {
    let src = root().join("engine/src");
    // What the crate root re-exports, by name: `pub use corpus::{Article, …};` → corpus.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    for line in fs::read_to_string(src.join("lib.rs")).unwrap().lines() {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let from = rest.split("::").next().unwrap().to_string();
        let names = rest.rsplit("::").next().unwrap();
        for name in names.trim_matches(|c| "{};".contains(c)).split(',') {
            reexports.insert(name.trim().to_string(), from.clone());
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in modules(&src) {
        let Some(group) = module.split("::").next().filter(|g| !g.is_empty()) else {
            continue;
        };
        // Code only: doc links name other modules without importing them.
        let code: String = without_tests(&text)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (i, _) in code.match_indices("crate::") {
            let used: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // A group: a folder of modules, or a module of its own at the
            // root (`steps`); a name the root re-exports (`crate::Article`)
            // stands for the group it comes from.
            let used = reexports.get(&used).cloned().unwrap_or(used);
            let is_group = src.join(&used).is_dir() || src.join(format!("{used}.rs")).is_file();
            if is_group && used != group {
                edges.entry(group.to_string()).or_default().insert(used);
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        g: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == g) {
            panic!(
                "a circle of module groups: {} -> {g}\n{edges:#?}",
                path[at..].join(" -> ")
            );
        }
        if done.contains(g) {
            return;
        }
        path.push(g.to_string());
        for next in edges.get(g).into_iter().flatten() {
            visit(next, edges, path, done);
        }
        path.pop();
        done.insert(g.to_string());
    }
    let mut done = BTreeSet::new();
    for g in edges.keys() {
        visit(g, &edges, &mut Vec::new(), &mut done);
    }
    // The lowest layer stands alone, but for the job protocol (which
    // imports nothing): reading a dictionary is a job.
    assert!(
        edges
            .get("text")
            .is_none_or(|e| e.iter().all(|g| g == "steps")),
        "text imports nothing but steps: {edges:?}"
    );
}

#[test]
fn architecture_md_names_every_module() {
    let map = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    // Its items: a bullet of the code map (with its continuation lines), or a paragraph.
    let mut items: Vec<String> = Vec::new();
    for line in map.lines() {
        let starts = line.starts_with("- ") || line.starts_with('#') || line.trim().is_empty();
        match items.last_mut() {
            Some(item) if !starts => {
                item.push(' ');
                item.push_str(line);
            }
            _ => items.push(line.to_string()),
        }
    }
    let mut missing = Vec::new();
    for (dir, prefix) in [("engine/src", "engine/src/"), ("src", "src/")] {
        for (module, _) in modules(&root().join(dir)) {
            if module.is_empty() {
                continue;
            }
            let parts: Vec<&str> = module.split("::").collect();
            let file = format!("`{}.rs`", parts.last().unwrap());
            let folder = |n: usize| format!("`{}/`", parts[..n].join("/"));
            let path = format!("`{}.rs`", parts.join("/"));
            let named = if src_dir(&root().join(dir), &parts).is_dir() {
                // A group (a folder): named as a folder.
                map.contains(&folder(parts.len()))
            } else if parts.len() == 1 {
                map.contains(&file)
            } else {
                // A module in a folder: by its path, or by its file name in
                // the item that names its folder (`words.rs` under `stats/`).
                map.contains(&path)
                    || items
                        .iter()
                        .any(|i| i.contains(&folder(parts.len() - 1)) && i.contains(&file))
            };
            if !named {
                missing.push(format!("{prefix}{}", parts.join("/")));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name: {missing:#?}"
    );
}

/// The folder a module path would be (`stats` → `engine/src/stats`).
fn src_dir(dir: &Path, parts: &[&str]) -> PathBuf {
    parts.iter().fold(dir.to_path_buf(), |d, p| d.join(p))
}
