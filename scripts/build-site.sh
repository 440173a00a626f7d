#!/usr/bin/env bash
# Builds the site into a folder (default dist/), installing what is missing
# first: what the README's "Publishing" and the GitHub Pages workflow
# (.github/workflows/pages.yml) run. CORPUS_DIR=path builds another corpus.
# Usage: scripts/build-site.sh [DIST_DIR]
#   1. trunk, three times: the page's build, without the heavier views
#      (feature `light`); full/, every view, which the page loads when a
#      reader opens one of those views; and own/, every view and the
#      reader's own files in any language, which the page loads for an
#      address of those files (src/takeover.rs). The first two hold only
#      the languages of the corpus; all three read the corpus from one file
#      beside them (`shipped-corpus`), so own/ is the same for any corpus;
#   2. lens-site: that corpus file (named in index.html), a static page per
#      article, and one listing them all;
#   3. prerender.mjs: the app's first page, drawn by the app in headless
#      Chromium, into index.html (the page shows before its wasm runs);
#   4. post-build.mjs: the page's one loader (which build a URL needs, and
#      where each build's files are), the stylesheet inline, the CSP, the
#      service worker.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --chromium
dist="${1:-dist}"
corpus="${CORPUS_DIR:-corpus}"
# Cargo's target directory for release builds: one for the three builds
# (they share most crates) and for every corpus (the builds hold nothing
# of it: lens-site writes it beside them, build.rs leaves it alone), or
# one of its own when asked (CORPUS_LENS_TARGETS), so that two sites build
# side by side (cargo locks a target folder). A new one starts as a copy
# of the default's (a copy, not hard links: cargo rewrites some files in
# place).
targets="${CORPUS_LENS_TARGETS:-$CORPUS_LENS_CACHE}"
release="$targets/target-release"
if [ ! -d "$release" ] && [ -d "$CORPUS_LENS_CACHE/target-release" ]; then
  mkdir -p "$targets"
  cp -a "$CORPUS_LENS_CACHE/target-release" "$release"
fi
builds="$(mktemp -d)"
# own/ is the same for every corpus, so two sites built side by side (the
# tests') make it once: SITE_OWN_TO=DIR hands this site's own/ build to DIR
# (DIR/.built once there, DIR/.failed if this script ends without it);
# SITE_OWN_FROM=DIR takes it from there instead of building it, last.
own_to="${SITE_OWN_TO:-}"
own_from="${SITE_OWN_FROM:-}"
trap 'rm -rf "$builds"; if [ -n "$own_to" ] && [ ! -f "$own_to/.built" ]; then mkdir -p "$own_to" && touch "$own_to/.failed"; fi' EXIT
site() {
  CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-dev" \
    cargo run --quiet -p lens-engine --features site --bin lens-site -- "$@"
}
# The light build and full/ hold the stemmers of the corpus' languages only
# (about 3.4 KB gzip each), and the segmenters (Chinese, Japanese, Thai …)
# only for a corpus with such text; own/, which reads a reader's own files,
# all of them.
languages="$(site --corpus-features "$corpus")"
if [ -z "$own_from" ]; then
  CARGO_TARGET_DIR="$release" trunk build --release --features shipped-corpus --dist "$builds/own"
  if [ -n "$own_to" ]; then
    rm -rf "$own_to" && cp -r "$builds/own" "$own_to" && touch "$own_to/.built"
  fi
fi
CARGO_TARGET_DIR="$release" trunk build --release --no-default-features --features "views,shipped-corpus,$languages" --dist "$builds/full"
CARGO_TARGET_DIR="$release" trunk build --release --no-default-features --features "light,shipped-corpus,$languages" --dist "$dist"
if [ -n "$own_from" ]; then
  until [ -f "$own_from/.built" ]; do
    if [ -f "$own_from/.failed" ]; then echo "error: the own/ build in $own_from failed"; exit 1; fi
    sleep 1
  done
  cp -r "$own_from" "$builds/own"
fi
for b in full own; do
  mkdir -p "$dist/$b"
  cp "$builds/$b"/corpus-lens-*.js "$builds/$b"/corpus-lens-*_bg.wasm "$dist/$b/"
  # The build's own JavaScript snippets (its #[wasm_bindgen(inline_js)]),
  # which its script imports from beside itself.
  if [ -d "$builds/$b/snippets" ]; then cp -r "$builds/$b/snippets" "$dist/$b/"; fi
done
stylesheet="$(cd "$dist" && ls main-*.css)"
site "$corpus" "$dist" "$stylesheet"
node scripts/prerender.mjs "$dist"
node scripts/post-build.mjs "$dist"
