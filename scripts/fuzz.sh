#!/usr/bin/env bash
# Fuzzes the query parser, the tokenizer and the front-matter parser with
# cargo-fuzz (libFuzzer, no sanitizer: stable Rust), SECONDS_EACH seconds each
# (default 60). Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
cd fuzz
for target in query_parser tokenizer front_matter; do
  echo "== $target"
  cargo fuzz run "$target" -s none -- -max_total_time="${SECONDS_EACH:-60}" -max_len=4096 2>&1 | grep -E "^(Done|#[0-9]+ *DONE)|panicked|SUMMARY|crash-" || true
  test ! -d "artifacts/$target" || ! ls "artifacts/$target"/crash-* >/dev/null 2>&1 || { echo "FAILED: $target crashed"; exit 1; }
done
