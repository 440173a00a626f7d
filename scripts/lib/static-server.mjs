// The one static file server of the build scripts, tests and benchmarks: a
// folder served on a free loopback port, under a path prefix (a site must
// work from any sub-path), optionally gzip-encoded (as a phone's load is
// measured), answering Range requests as static hosts do (or, asked,
// ignoring them, as some do), with one table of content types.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

/** Content types by file extension. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` under `prefix` (for example `/sub/path/`) on 127.0.0.1.
 * Options: `gzip` (answers gzip-encoded, each file compressed once, and
 * `cache-control: no-cache`), `ranges` (true: a request for one byte
 * range gets those bytes, 206, unencoded; false: the whole file, as a host
 * that ignores ranges sends it), `route(pathname)` (a file for a path outside
 * `root`, or null). A folder's address is its index.html; anything outside
 * `root` or the prefix is refused. Resolves to { base, port, close }.
 */
export async function serve(root, { prefix = '/', gzip = false, ranges = true, route = null } = {}) {
  root = path.resolve(root);
  const packed = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    let file = route?.(pathname) ?? null;
    if (!file) {
      if (!pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
      file = path.join(root, pathname.slice(prefix.length));
      if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' };
      const range = ranges && /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (range) {
        const [start, end] = [Number(range[1]), Math.min(Number(range[2]), data.length - 1)];
        if (start > end) { res.writeHead(416, { 'content-range': `bytes */${data.length}` }).end(); return; }
        headers['content-range'] = `bytes ${start}-${end}/${data.length}`;
        res.writeHead(206, headers).end(data.subarray(start, end + 1));
        return;
      }
      if (gzip) {
        if (!packed.has(file)) packed.set(file, zlib.gzipSync(data, { level: 9 }));
        data = packed.get(file);
        Object.assign(headers, { 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
      }
      res.writeHead(200, headers).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}${prefix}`, port, close: () => server.close() };
}

/** The Chromium to use: $CHROMIUM, Debian's, or Google Chrome (GitHub's runners). */
export function chromiumPath() {
  const found = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser']
    .find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('no Chromium found: set CHROMIUM, or run scripts/setup.sh');
  return found;
}
