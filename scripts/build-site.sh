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
#   2. lens-site: that corpus file (named in index.html; or, SITE_MODE
#      sharded, a sharded index), a static page per article, and one
#      listing them all;
#   3. prerender.mjs: the app's first page, drawn by the app in headless
#      Chromium, into index.html (the page shows before its wasm runs);
#   4. post-build.mjs: the page's one loader (which build a URL needs, and
#      where each build's files are), the stylesheet inline, the CSP, the
#      service worker.
set -euo pipefail
# Another site's build may wait for this one's builds (SITE_BUILDS_TO, below):
# it is told of a failure from the first line on.
builds_to="${SITE_BUILDS_TO:-}"
builds=""
trap 'if [ -n "$builds" ]; then rm -rf "$builds"; fi; if [ -n "$builds_to" ] && [ ! -f "$builds_to/.built" ]; then mkdir -p "$builds_to" && touch "$builds_to/.failed"; fi' EXIT
source "$(dirname "$0")/setup.sh" --chromium
dist="${1:-dist}"
corpus="${CORPUS_DIR:-corpus}"
# The corpus ships as one file whose whole index the page builds
# (embedded), or as a sharded static index read piece by piece
# (docs/sharding.md): SITE_MODE=embedded or sharded, or else by size,
# sharded past 32 MiB of corpus files (sotu's 12 MB takes 53 MB of the
# page's memory embedded: 32 MiB would take about 150).
mode="${SITE_MODE:-auto}"
if [ "$mode" = auto ]; then
  if [ "$(du -sb "$corpus" | cut -f1)" -gt $((32 << 20)) ]; then mode=sharded; else mode=embedded; fi
fi
case "$mode" in
  embedded) sharded=() ;;
  sharded) sharded=(--sharded) ;;
  *) echo "error: SITE_MODE=$mode: it is embedded or sharded" >&2; exit 2 ;;
esac
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
# own/ is the same for every corpus, and the light build and full/ the same
# for every corpus of the same languages, so sites built side by side (the
# tests') make them once: SITE_BUILDS_TO=DIR hands this site's three builds
# to DIR (DIR/own, DIR/full, DIR/light as trunk wrote them, DIR/languages;
# DIR/.own once own/ is there, DIR/.built once all are, DIR/.failed if this
# script ends without them);
# SITE_OWN_FROM=DIR takes own/ from there instead of building it, last;
# SITE_BUILDS_FROM=DIR takes all three (for a corpus of the same languages).
own_from="${SITE_OWN_FROM:-}"
builds_from="${SITE_BUILDS_FROM:-}"
if [ -n "$builds_from" ] && [ -n "$builds_to" ]; then
  echo "error: SITE_BUILDS_FROM and SITE_BUILDS_TO: a site takes builds or makes them, not both" >&2; exit 2
fi
# Waits for another site's builds in $1 ($2: .own or .built).
wait_builds() {
  until [ -f "$1/$2" ]; do
    if [ -f "$1/.failed" ]; then echo "error: the builds in $1 failed"; exit 1; fi
    sleep 1
  done
}
# lens-site, built as the tests build it (shared with them), or optimised
# with SITE_TOOLS=release (a large corpus: sotu-x40 is indexed in about a
# minute, where the tests' build takes many).
site() {
  if [ "${SITE_TOOLS:-}" = release ]; then
    CARGO_TARGET_DIR="$release" cargo run --quiet --release -p lens-engine --features site --bin lens-site -- "$@"
  else
    CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-dev" \
      cargo run --quiet -p lens-engine --features site --bin lens-site -- "$@"
  fi
}
# The light build and full/ hold the stemmers of the corpus' languages only
# (about 3.4 KB gzip each), and the segmenters (Chinese, Japanese, Thai …)
# only for a corpus with such text; own/, which reads a reader's own files,
# all of them.
languages="$(site --corpus-features "$corpus")"
# A sharded page reads its articles' facts before it could fetch the
# segmenters of text written without spaces: such a corpus is published
# embedded for now (docs/sharding.md).
if [ "${sharded[*]}" = --sharded ] && [[ ",$languages," == *,segmenters,* ]]; then
  if [ "${SITE_MODE:-auto}" = sharded ]; then
    echo "error: SITE_MODE=sharded: this corpus has text written without spaces (Chinese, Japanese, Thai …), which a sharded site does not read yet" >&2; exit 2
  fi
  echo "build-site: this corpus has text written without spaces, which a sharded site does not read yet: it is published embedded" >&2
  sharded=()
fi
if [ -n "$builds_from" ]; then
  wait_builds "$builds_from" .built
  if [ "$(cat "$builds_from/languages")" != "$languages" ]; then
    echo "error: the builds in $builds_from hold $(cat "$builds_from/languages"), this corpus needs $languages"; exit 1
  fi
  rm -rf "$dist" && cp -r "$builds_from/light" "$dist"
  cp -r "$builds_from/full" "$builds_from/own" "$builds/"
else
  if [ -n "$builds_to" ]; then rm -rf "$builds_to" && mkdir -p "$builds_to"; fi
  if [ -z "$own_from" ]; then
    CARGO_TARGET_DIR="$release" trunk build --release --features shipped-corpus --dist "$builds/own"
    if [ -n "$builds_to" ]; then cp -r "$builds/own" "$builds_to/" && touch "$builds_to/.own"; fi
  fi
  CARGO_TARGET_DIR="$release" trunk build --release --no-default-features --features "views,shipped-corpus,$languages" --dist "$builds/full"
  CARGO_TARGET_DIR="$release" trunk build --release --no-default-features --features "light,shipped-corpus,$languages" --dist "$dist"
  if [ -n "$own_from" ]; then
    wait_builds "$own_from" .own
    cp -r "$own_from/own" "$builds/own"
  fi
  if [ -n "$builds_to" ]; then
    if [ ! -d "$builds_to/own" ]; then cp -r "$builds/own" "$builds_to/"; fi
    cp -r "$builds/full" "$builds_to/" && cp -r "$dist" "$builds_to/light"
    echo "$languages" >"$builds_to/languages" && touch "$builds_to/.built"
  fi
fi
for b in full own; do
  mkdir -p "$dist/$b"
  cp "$builds/$b"/corpus-lens-*.js "$builds/$b"/corpus-lens-*_bg.wasm "$dist/$b/"
  # The build's own JavaScript snippets (its #[wasm_bindgen(inline_js)]),
  # which its script imports from beside itself.
  if [ -d "$builds/$b/snippets" ]; then cp -r "$builds/$b/snippets" "$dist/$b/"; fi
done
stylesheet="$(cd "$dist" && ls main-*.css)"
site "${sharded[@]}" "$corpus" "$dist" "$stylesheet"
node scripts/prerender.mjs "$dist"
node scripts/post-build.mjs "$dist"
