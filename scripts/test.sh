#!/usr/bin/env bash
# Runs every test of Corpus Lens, installing what is missing first, and
# prints each step's time at the end. `scripts/test.sh STEP…` runs only
# those steps (a step builds what it needs that no chosen step builds):
#   lint     formatting and lints (clippy, every target and feature)
#   engine   the engine, natively (unit, property, corpus and export tests)
#   corpus   build.rs refusing a broken corpus, naming file and line
#   browser  the page's components in headless Chromium (wasm-bindgen-test)
#   site     the published site (scripts/build-site.sh), checked from a
#            sub-path and the root, and the GitHub Pages workflow
#   hostile  the site of a hostile corpus
# The sites build in the background from the start; their steps wait for them.
#   e2e      end-to-end journeys (Playwright, Chromium) against both sites
set -euo pipefail
all=(lint engine corpus browser site hostile e2e)
if [ $# -gt 0 ]; then chosen=("$@"); else chosen=("${all[@]}"); fi
for s in "${chosen[@]}"; do
  [[ " ${all[*]} " == *" $s "* ]] || { echo "unknown step '$s': the steps are ${all[*]}"; exit 2; }
done
source "$(dirname "$0")/setup.sh" --browser
started=$SECONDS
times=()
chosen() { [[ " ${chosen[*]} " == *" $1 "* ]]; }
step() { step_name="$1"; step_start=$SECONDS; printf '\n\033[1m== %s: %s\033[0m\n' "$1" "$2"; }
done_step() { times+=("$(printf '%-8s %4d s' "$step_name" $((SECONDS - step_start)))"); }

# Every native cargo command shares one target folder, so the host's build
# scripts and proc-macros (leptos' macros, syn, serde's derive) are built
# once for clippy, the engine's tests, lens-site and the wasm tests.
native="$CORPUS_LENS_CACHE/target-dev"
# No incremental compilation: its cache is kept per checkout path, so each
# fresh clone (as CI runs it) would add a gigabyte or more of it to the
# shared target folder, never read again.
export CARGO_INCREMENTAL=0

# The published sites build in the background while the steps before them
# run: a release build spends much of its time linking on one core, and
# uses target folders of its own. The seed's site first, then the hostile
# corpus' (its target folder starts as a copy of the seed's). Once the
# hostile corpus has its own target folder (a warm machine), the two sites
# build side by side, and the hostile site takes the seed's own/ (the same
# for any corpus) instead of building it again. Each writes its output to
# a log, shown by its step, and its status to a file.
hostile="$CORPUS_LENS_CACHE/hostile"
sites="$(mktemp -d)"
# Every temporary file of the run (Chromium's profiles, about 150 MB each
# for the browser tests, which it does not always remove) in a folder of
# the run's own, removed when it ends.
export TMPDIR="$sites/tmp"
mkdir -p "$TMPDIR"
want_site=""; want_hostile=""
if chosen site || chosen e2e; then want_site=1; fi
if chosen hostile || chosen e2e; then want_hostile=1; fi
# The sharded site (for the end-to-end tests) takes the seed's builds.
want_sharded=""
if chosen e2e; then want_sharded=1; fi
sites_pid=""
if [ -n "$want_site$want_hostile" ]; then
  # A process group of its own, so that a failure elsewhere stops all of it
  # (cargo, trunk, Chromium) and leaves no build behind.
  setsid bash -c '
    seed() { SITE_BUILDS_TO="$1/builds" scripts/build-site.sh dist >"$1/site.log" 2>&1; echo $? >"$1/site.status"; }
    hostile() {
      { node tests/e2e/make-hostile-corpus.mjs "$4/corpus" &&
        env ${2:+SITE_OWN_FROM=$1/builds} CORPUS_DIR="$4/corpus" CORPUS_LENS_TARGETS="$4" scripts/build-site.sh "$4/dist"; } >"$1/hostile.log" 2>&1
      echo $? >"$1/hostile.status"
    }
    # A generated corpus of 5,000 articles as a sharded site, and as an
    # embedded one (the numbers each view gives on both are compared): the
    # seed'\''s three builds (the same language), their own files and pages.
    sharded() {
      { node tests/e2e/make-sharded-corpus.mjs "$1/sharded/corpus" &&
        SITE_BUILDS_FROM="$1/builds" SITE_MODE=sharded CORPUS_DIR="$1/sharded/corpus" scripts/build-site.sh "$1/sharded/dist" &&
        SITE_BUILDS_FROM="$1/builds" SITE_MODE=embedded CORPUS_DIR="$1/sharded/corpus" scripts/build-site.sh "$1/sharded/embedded"; } >"$1/sharded.log" 2>&1
      echo $? >"$1/sharded.status"
    }
    if [ -n "$5" ]; then sharded "$@" & fi
    if [ -n "$2" ] && [ -n "$3" ] && [ -d "$4/target-release" ]; then
      seed "$@" & hostile "$@"; wait
    else
      if [ -n "$2" ]; then seed "$@"; fi
      if [ -n "$3" ]; then hostile "$@"; fi
      wait
    fi' - "$sites" "$want_site" "$want_hostile" "$hostile" "$want_sharded" &
  sites_pid=$!
fi
trap 'if [ -n "$sites_pid" ]; then kill -- -"$sites_pid" 2>/dev/null || true; fi; rm -rf "$sites"' EXIT
# Waits for a background site build (`site`, `hostile` or `sharded`), shows its output, fails with it.
site_built() {
  while [ ! -f "$sites/$1.status" ]; do
    kill -0 "$sites_pid" 2>/dev/null || { sleep 1; [ -f "$sites/$1.status" ] || break; }
    sleep 1
  done
  cat "$sites/$1.log" 2>/dev/null || true
  [ "$(cat "$sites/$1.status" 2>/dev/null)" = 0 ] || { echo "FAILED: the $1 site did not build"; exit 1; }
}

if chosen lint; then
  step lint "formatting and lints (clippy, every target and feature, warnings are errors)"
  cargo fmt --all --check
  # The app's `full` (default) and `light` builds exclude each other, the
  # published site's `full/` (`views`) has no import, and the site's builds
  # (`shipped-corpus`) have no embedded corpus for `bench-api`: linted one
  # by one.
  CARGO_TARGET_DIR="$native" cargo clippy --workspace --all-targets \
    --features corpus-lens/bench-api,lens-engine/site,lens-engine/nfc -- -D warnings
  CARGO_TARGET_DIR="$native" cargo clippy -p corpus-lens --lib \
    --features shipped-corpus -- -D warnings
  CARGO_TARGET_DIR="$native" cargo clippy -p corpus-lens --lib \
    --no-default-features --features light,shipped-corpus -- -D warnings
  CARGO_TARGET_DIR="$native" cargo clippy -p corpus-lens --lib \
    --no-default-features --features views,shipped-corpus,lens-engine/stem-en -- -D warnings
  done_step
fi

if chosen engine; then
  step engine "the engine, natively"
  if [ -d ../shared/seeds ]; then
    # The seed-sentence check must then run (it fails rather than skip).
    export LENS_SEEDS_PRESENT=1
  else
    echo "NOTE: SKIPPED the seed-sentence check (every_seed_sentence_is_in_its_article_in_order): ../shared/seeds not found"
  fi
  CARGO_TARGET_DIR="$native" cargo test -p lens-engine --all-features
  done_step
fi

if chosen corpus; then
  step corpus "build.rs refuses a broken corpus, naming file and line"
  log="$(mktemp)"
  if CORPUS_DIR=tests/corpora/bad-date CARGO_TARGET_DIR="$native" \
      cargo build --quiet --lib --target wasm32-unknown-unknown >"$log" 2>&1; then
    echo "FAILED: the build accepted tests/corpora/bad-date"; exit 1
  fi
  grep -F "error: tests/corpora/bad-date/article.md:4: bad date" "$log" \
    || { cat "$log"; echo "FAILED: no message naming the file and line"; exit 1; }
  rm -f "$log"
  done_step
fi

if chosen browser; then
  step browser "the page in headless Chromium (wasm-bindgen-test)"
  CARGO_TARGET_DIR="$native" cargo test --target wasm32-unknown-unknown -p corpus-lens --tests
  done_step
fi

if [ -n "$want_site" ]; then
  step site "the published site (scripts/build-site.sh), from a sub-path and the root"
  site_built site
  node scripts/check-dist.mjs dist
  python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
  python3 tests/check-workflow.py
  done_step
fi

if [ -n "$want_hostile" ]; then
  step hostile "a hostile corpus (HTML, scripts, RTL, a 1 MB paragraph, 10,000 articles on one date, an id with a dot) builds"
  site_built hostile
  done_step
fi

if chosen e2e; then
  step e2e "end to end, against the release builds (Playwright, Chromium)"
  site_built sharded
  DIST=dist HOSTILE_DIST="$hostile/dist" SHARDED_DIST="$sites/sharded/dist" SHARDED_EMBEDDED="$sites/sharded/embedded" SHARDED_CORPUS="$sites/sharded/corpus" node --test --test-concurrency=2 --test-timeout=300000 tests/e2e/
  done_step
fi

echo
printf '%s\n' "${times[@]}"
echo "all tests passed in $((SECONDS - started)) s (after set-up)"
