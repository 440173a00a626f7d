#!/usr/bin/env bash
# What each view costs in the wasm a reader downloads (gzip -9, brotli -q 11):
# the light build the page loads first (Articles: search, facets, reader),
# the light build with each heavier view added, full/ that the page loads
# when a reader opens one of them (English's stemmer, as the seed's site),
# and own/ that it loads for a reader's own files (every language, the
# import). Prints a Markdown table. ~9 minutes.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
export CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-trunk-sizes"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
size() { local w; w=$(ls "$1"/corpus-lens-*_bg.wasm); echo "$(gzip -9c "$w" | wc -c) $(brotli -c -q 11 "$w" | wc -c)"; }
build() { trunk build --release "$@" >/dev/null 2>&1; }
build --no-default-features --features light --dist "$out/light"
read -r lg lb < <(size "$out/light")
echo "| build | wasm, gzip | brotli | more than the light build, gzip | brotli |"
echo "|---|---:|---:|---:|---:|"
echo "| light (Articles: search, facets, the reader) | $lg | $lb | – | – |"
for v in trends compare words contexts; do
  build --no-default-features --features "light,$v" --dist "$out/$v"
  read -r g b < <(size "$out/$v")
  echo "| light + $v | $g | $b | $((g - lg)) | $((b - lb)) |"
done
build --no-default-features --features "views,lens-engine/stem-en" --dist "$out/full"
read -r g b < <(size "$out/full")
echo "| full/ (every view, no event delegation) | $g | $b | $((g - lg)) | $((b - lb)) |"
build --dist "$out/own"
read -r g b < <(size "$out/own")
echo "| own/ (every view, a reader's own files, every language) | $g | $b | $((g - lg)) | $((b - lb)) |"
