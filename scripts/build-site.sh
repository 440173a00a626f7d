#!/usr/bin/env bash
# Builds the site into a folder (default dist/), installing what is missing
# first: what the README's "Publishing" and the GitHub Pages workflow
# (.github/workflows/pages.yml) run. CORPUS_DIR=path builds another corpus.
# Usage: scripts/build-site.sh [DIST_DIR]
#   1. trunk, twice: the page's build, without the heavier views (feature
#      `light`), and the full build into full/, which the page
#      loads when a reader opens one of those views (src/takeover.rs);
#   2. lens-site: a static page per article, and one listing them all;
#   3. prerender.mjs: the app's first page, drawn by the app in headless
#      Chromium, into index.html (the page shows before its wasm runs);
#   4. post-build.mjs: the stylesheet inline, the CSP, the service worker.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --chromium
dist="${1:-dist}"
corpus="${CORPUS_DIR:-corpus}"
# Cargo's target directories: one per build kind, and per corpus when asked
# (CORPUS_LENS_TARGETS): a corpus change relinks the app.
targets="${CORPUS_LENS_TARGETS:-$CORPUS_LENS_CACHE}"
full="$(mktemp -d)"
trap 'rm -rf "$full"' EXIT
CARGO_TARGET_DIR="$targets/target-trunk-release" trunk build --release --dist "$full"
CARGO_TARGET_DIR="$targets/target-trunk-light" trunk build --release --no-default-features --features light --dist "$dist"
mkdir -p "$dist/full"
cp "$full"/corpus-lens-*.js "$full"/corpus-lens-*_bg.wasm "$dist/full/"
stylesheet="$(cd "$dist" && ls main-*.css)"
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-native" \
  cargo run --quiet -p lens-engine --features load --bin lens-site -- "$corpus" "$dist" "$stylesheet"
node scripts/prerender.mjs "$dist"
node scripts/post-build.mjs "$dist"
