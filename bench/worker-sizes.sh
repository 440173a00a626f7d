#!/usr/bin/env bash
# The import worker's size per format family (issue #25): the probes of
# bench/worker-size (the worker's common part alone, and with each family's
# parser) built as trunk builds the worker (release, wasm-opt -Oz, the same
# flags as index.html), gzip -9 and brotli. A family's cost is its probe's
# size less the common probe's. With DIST, the shipped worker's own size too.
# Usage: bench/worker-sizes.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
target="${CARGO_TARGET_DIR:-$HOME/.cache/corpus-lens/target-size}"
CARGO_TARGET_DIR="$target" cargo build -q --release --target wasm32-unknown-unknown \
  --manifest-path bench/worker-size/Cargo.toml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue --strip-debug --strip-producers)
gz() { gzip -9c "$1" | wc -c; }
br() { if command -v brotli >/dev/null; then brotli -c -q 11 "$1" | wc -c; else echo -; fi; }
printf '%-34s %9s %9s %9s\n' probe wasm gzip brotli
common_gz=0
for p in common html docx tables zip; do
  wasm-opt -Oz "${flags[@]}" "$target/wasm32-unknown-unknown/release/$p.wasm" -o "$out/$p.wasm"
  g=$(gz "$out/$p.wasm")
  [ "$p" = common ] && common_gz=$g
  label=$p; [ "$p" != common ] && label="common + $p (+$(( (g - common_gz) / 1024 )) KB gzip)"
  printf '%-34s %9d %9d %9s\n' "$label" "$(wc -c < "$out/$p.wasm")" "$g" "$(br "$out/$p.wasm")"
done
if [ -n "${1:-}" ]; then
  w="$1/lens-import_bg.wasm"
  printf '%-34s %9d %9d %9s\n' "the shipped worker ($w)" "$(wc -c < "$w")" "$(gz "$w")" "$(br "$w")"
fi
