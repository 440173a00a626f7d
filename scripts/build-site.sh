#!/usr/bin/env bash
# Builds the site into a folder (default dist/), installing what is missing
# first: what the README's "Publishing" and the GitHub Pages workflow
# (.github/workflows/pages.yml) run. Usage: scripts/build-site.sh [DIST_DIR]
set -euo pipefail
source "$(dirname "$0")/setup.sh"
CARGO_TARGET_DIR="$CORPUS_LENS_CACHE/target-trunk-release" trunk build --release --dist "${1:-dist}"
