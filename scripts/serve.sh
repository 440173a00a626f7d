#!/usr/bin/env bash
# Serves Corpus Lens at http://127.0.0.1:8080/ with live reload, installing what is missing first.
# Extra arguments go to `trunk serve` (e.g. --port 9000). CORPUS_DIR=path serves another corpus.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
export CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-trunk"
exec trunk serve "$@"
