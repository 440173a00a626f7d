#!/usr/bin/env bash
# Serves a built dist/ from a sub-path on localhost, loads it in headless
# Chromium and checks that the page lists the corpus' articles; prints the
# sizes a user downloads. Usage: scripts/check-dist.sh DIST
set -euo pipefail
dist="$(cd "${1:-dist}" && pwd)"
site="$(mktemp -d)"
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
mkdir -p "$site/some/sub/path"
cp -r "$dist/." "$site/some/sub/path/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

url="http://127.0.0.1:$port/some/sub/path/?article=anxious-alipay-2025"
dom="$(chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-quic --user-data-dir="$site/.chrome" \
  --virtual-time-budget=10000 --dump-dom "$url" 2>/dev/null)"
count=$(grep -o '<p>' <<<"$dom" | wc -l)
grep -q '<h2 id="article-title"[^>]*>Anxious Alipay Has Lost Its Rhythm' <<<"$dom" \
  || { echo "FAILED: $url did not show the article"; echo "$dom" | head -c 2000; exit 1; }
dom="$(chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-quic --user-data-dir="$site/.chrome" \
  --virtual-time-budget=10000 --dump-dom "http://127.0.0.1:$port/some/sub/path/" 2>/dev/null)"
rows=$(grep -o '<li class="result"' <<<"$dom" | wc -l)
[ "$rows" -ge 1 ] || { echo "FAILED: the list is empty from a sub-path"; echo "$dom" | head -c 2000; exit 1; }
grep -q 'Alipay began to seek a breakthrough in the siege' <<<"$dom" || [ -n "${CORPUS_DIR:-}" ] \
  || { echo "FAILED: the seed articles are not listed"; exit 1; }
echo "sub-path check: the list shows $rows articles; the article page shows $count paragraphs"

# And from the root of a host.
mkdir -p "$site/root"
cp -r "$dist/." "$site/root/"
kill $server 2>/dev/null || true
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site/root" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
dom="$(chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-quic --user-data-dir="$site/.chrome2" \
  --virtual-time-budget=10000 --dump-dom "http://127.0.0.1:$port/" 2>/dev/null)"
root_rows=$(grep -o '<li class="result"' <<<"$dom" | wc -l)
[ "$root_rows" = "$rows" ] || { echo "FAILED: from the root the list shows $root_rows articles, not $rows"; exit 1; }
echo "root check: the list shows $root_rows articles"

printf '%-40s %10s %10s %10s\n' "file" "raw" "gzip -9" "brotli"
for f in "$dist"/* "$dist"/full/*; do
  [ -f "$f" ] || continue
  br=$(command -v brotli >/dev/null && brotli -c -q 11 "$f" | wc -c || echo "-")
  printf '%-40s %10d %10d %10s\n' "${f#"$dist"/}" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$br"
done
