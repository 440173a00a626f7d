#!/usr/bin/env bash
# Installs what Corpus Lens needs and is missing; quick when everything is there.
# Sourced by scripts/serve.sh, build-site.sh and test.sh: `source scripts/setup.sh [--chromium|--browser]`.
# Pinned: Rust from rust-toolchain.toml, trunk 0.21.14, wasm-bindgen-cli 0.2.130
# (must equal the wasm-bindgen in Cargo.lock, or trunk would download one),
# npm packages from package-lock.json (wasm-opt from binaryen), and with
# --browser Debian's chromium and chromium-driver.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
# Build caches shared by every checkout on this machine, one per build kind.
export CORPUS_LENS_CACHE="${CORPUS_LENS_CACHE:-$HOME/.cache/corpus-lens}"
mkdir -p "$CORPUS_LENS_CACHE"
# The Cargo target directories in the cache are shared by every checkout (a
# clean clone builds warm). Cargo judges a crate fresh when its sources are
# older than its last build, so a checkout whose files predate another
# checkout's build would reuse that build, stale. When the cache was last
# used by another checkout, this one's files are made newer: only our own
# crates rebuild.
if [ -e "$root/.git" ] && [ "$(cat "$CORPUS_LENS_CACHE/last-checkout" 2>/dev/null)" != "$root" ]; then
  git -C "$root" ls-files -z | xargs -0 touch -c
  echo "$root" > "$CORPUS_LENS_CACHE/last-checkout"
fi

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup (https://rustup.rs) first"; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk and wasm-bindgen-cli compile side by side: each spends a long while
# in steps that use one core (linking, its largest crates).
installs=()
install_bg() { # NAME LOG COMMAND…
  local name="$1" log="$2"; shift 2
  say "installing $name"
  ("$@" >"$log" 2>&1) &
  installs+=("$!:$name:$log")
}
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  # Without default features: no TLS and no update check, which the build
  # never uses (wasm-bindgen and wasm-opt come from PATH), and less to
  # compile. Its own release profile (fat LTO, one codegen unit) is replaced
  # by a quick one: trunk only runs cargo, wasm-bindgen and wasm-opt, and it
  # then builds in half the time (4 minutes instead of 8.4 here).
  install_bg "trunk 0.21.14 (about 4 minutes on 2 cores)" "$CORPUS_LENS_CACHE/install-trunk.log" \
    env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install trunk --version 0.21.14 --locked --no-default-features
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  # Not --locked: its lock file names a crate version the registry lacks.
  # Optimised less (as trunk): it takes a fraction of a second per build, and
  # compiles in less time beside trunk.
  install_bg "wasm-bindgen-cli 0.2.130 (with wasm-bindgen-test-runner)" "$CORPUS_LENS_CACHE/install-wasm-bindgen.log" \
    env CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install wasm-bindgen-cli --version 0.2.130
fi
for job in "${installs[@]}"; do
  IFS=: read -r pid name log <<<"$job"
  if ! wait "$pid"; then
    cat "$log" >&2
    say "installing $name failed (the log is above)"
    for other in "${installs[@]}"; do kill "${other%%:*}" 2>/dev/null || true; done
    exit 1
  fi
done

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi
stamp="node_modules/.corpus-lens-lock"
if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# --chromium: a Chromium to prerender the site with (Debian's, or Google
# Chrome where it is installed, as on GitHub's runners); --browser: also
# ChromeDriver and brotli, for the tests.
if [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--chromium" ]; then
  missing=()
  if [ "${1:-}" = "--browser" ]; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    command -v brotli >/dev/null || missing+=(brotli)
  elif ! command -v chromium >/dev/null && ! command -v google-chrome >/dev/null; then
    missing+=(chromium)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt_install "${missing[@]}"
  fi
  if [ "${1:-}" = "--browser" ]; then
    export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  fi
  export CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v google-chrome)}"
fi
