#!/usr/bin/env bash
# Runs every test of Corpus Lens, installing what is missing first:
#   1. formatting and lints (clippy);  2. the engine, natively (unit, property and corpus tests);
#   3. build.rs refusing a broken corpus;  4. the page in headless Chromium
#   (wasm-bindgen-test);  5. the release build served from a sub-path, and
#   the publishing workflow;
#   6. end-to-end journeys (Playwright driving Chromium) against that build.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
started=$SECONDS
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all --check

step "lints (clippy, every target and feature, warnings are errors)"
# The app's `full` (default) and `light` builds exclude each other: linted one by one.
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-clippy" cargo clippy --workspace --all-targets \
  --features corpus-lens/bench-api,lens-engine/load,lens-engine/nfc -- -D warnings
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-clippy" cargo clippy -p corpus-lens --lib \
  --no-default-features --features light -- -D warnings

step "engine, natively"
if [ -d ../shared/seeds ]; then
  # The seed-sentence check must then run (it fails rather than skip).
  export LENS_SEEDS_PRESENT=1
else
  echo "NOTE: SKIPPED the seed-sentence check (every_seed_sentence_is_in_its_article_in_order): ../shared/seeds not found"
fi
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-native" cargo test -p lens-engine --all-features

step "build.rs refuses a broken corpus, naming file and line"
wasm_dir="$CORPUS_LENS_CACHE/target-wasm-test"
log="$(mktemp)"
if CORPUS_DIR=tests/corpora/bad-date CARGO_TARGET_DIR="$wasm_dir" \
    cargo build --quiet --lib --target wasm32-unknown-unknown >"$log" 2>&1; then
  echo "FAILED: the build accepted tests/corpora/bad-date"; exit 1
fi
grep -F "error: tests/corpora/bad-date/article.md:4: bad date" "$log" \
  || { cat "$log"; echo "FAILED: no message naming the file and line"; exit 1; }
rm -f "$log"

step "the page in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_DIR="$wasm_dir" cargo test --target wasm32-unknown-unknown -p corpus-lens --tests

step "release build (the README's publishing script), served from a sub-path"
scripts/build-site.sh dist
node scripts/check-dist.mjs dist

step "the GitHub Pages workflow (YAML, official Pages actions, the same build script)"
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
python3 tests/check-workflow.py

step "a hostile corpus (HTML, scripts, RTL, a 1 MB paragraph, 10,000 articles on one date) builds"
hostile="$CORPUS_LENS_CACHE/hostile"
node tests/e2e/make-hostile-corpus.mjs "$hostile/corpus"
CORPUS_DIR="$hostile/corpus" CORPUS_LENS_TARGETS="$hostile" scripts/build-site.sh "$hostile/dist"

step "end to end, against the release builds (Playwright, Chromium)"
DIST=dist HOSTILE_DIST="$hostile/dist" node --test --test-timeout=300000 tests/e2e/

echo
echo "all tests passed in $((SECONDS - started)) s (after set-up)"
