// The last step of scripts/build-site.sh, once the site is complete (trunk's
// build, the static pages, the prerendered first page):
// - replaces trunk's loader with the page's one loader: which build a URL
//   needs (the light one, full/ for a view only it has, own/ for a
//   reader's own files), where each
//   build's files are, and the corpus file they all read, fetched at once;
// - inlines the stylesheet into index.html, so the first paint waits for
//   nothing but the page itself (the file stays, for the static pages);
// - writes the Content Security Policy into index.html: the page's loader
//   (its one inline script) and the inline styles allowed by their hashes;
// - writes a service worker that caches this build for offline use, named
//   by the build's content hash, so a new build replaces the old cache
//   cleanly. The static pages are cached with the rest when they are few
//   (PRECACHE_BYTES), else each as it is read.
// Usage: node scripts/post-build.mjs SITE_DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Static pages up to this many bytes in all are cached at install. */
const PRECACHE_BYTES = 2 * 1024 * 1024;

const dir = process.argv[2];
if (!dir) { console.error('usage: node scripts/post-build.mjs SITE_DIR'); process.exit(2); }
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
if (html.includes('Content-Security-Policy')) throw new Error(`${indexPath} has a policy already: build again`);

// The stylesheet, inline (a function as replacement: `$&` in CSS is text).
const link = html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/);
if (!link) throw new Error('no stylesheet link in index.html');
const css = fs.readFileSync(path.join(dir, link[1]), 'utf8');
html = html.replace(link[0], () => `<style>${css}</style>`);

// The one loader of the page's builds: which build a URL needs, and where
// each build's files are (a lighter build's LoadingBuild calls it for
// what it lacks: src/takeover.rs). It replaces trunk's own loader.
const loader = html.match(/<script type="module">[\s\S]*?<\/script>/);
if (!loader) throw new Error("trunk's loader (<script type=\"module\">) not found in index.html: trunk's output changed shape");
/** A build's files, by what is on disk: its .js and its _bg.wasm. */
function build(sub) {
  const names = fs.readdirSync(path.join(dir, sub));
  const js = names.filter((f) => /^corpus-lens-[0-9a-f]+\.js$/.test(f));
  const wasm = names.filter((f) => /^corpus-lens-[0-9a-f]+_bg\.wasm$/.test(f));
  if (js.length !== 1 || wasm.length !== 1) {
    throw new Error(`${path.join(dir, sub)}: expected one corpus-lens-HASH.js and one corpus-lens-HASH_bg.wasm, found ${[...js, ...wasm].join(', ') || 'none'}: trunk's output changed shape`);
  }
  const at = sub ? `./${sub}/` : './';
  return { js: at + js[0], wasm: at + wasm[0] };
}
const builds = { light: build('') };
// trunk's loader must start the build found on disk, or its shape changed.
if (!loader[0].includes(`'${builds.light.js}'`) || !loader[0].includes(`'${builds.light.wasm}'`)) {
  throw new Error(`trunk's loader does not load ${builds.light.js} and ${builds.light.wasm}: trunk's output changed shape`);
}
for (const sub of ['full', 'own']) if (fs.existsSync(path.join(dir, sub))) builds[sub] = build(sub);
// The corpus every build reads: lens-site writes it and names it in the
// page (src/shipped.rs, src/shards.rs read that name): one corpus file
// (corpus-HASH.bin), or one sharded index (index-HASH.bin, a manifest, and
// the pack-HASH.bin files it names), and the one named.
const corpusFiles = fs.readdirSync(dir).filter((f) => /^(corpus|index)-[0-9a-f]{16}\.bin$/.test(f));
if (corpusFiles.length !== 1) throw new Error(`${dir}: expected one corpus-HASH.bin or one index-HASH.bin (written by lens-site), found ${corpusFiles.join(', ') || 'none'}`);
const sharded = corpusFiles[0].startsWith('index-');
const metaName = sharded ? 'corpus-lens-index' : 'corpus-lens-corpus';
const namedFile = html.match(new RegExp(`<meta name="${metaName}" content="([^"]*)">`))?.[1];
if (namedFile !== corpusFiles[0]) throw new Error(`${path.join(dir, 'index.html')} names ${namedFile ?? 'nothing'} in its ${metaName} meta, not ${corpusFiles[0]}: run lens-site on this site`);
const corpusFile = `./${corpusFiles[0]}`;
// The corpus' prepared words, which lens-site writes beside a corpus with
// text written without spaces (words-HASH.bin, named in the page):
// fetched with the corpus, so the page builds its index without
// tokenizing (src/shipped.rs).
const wordsFile = html.match(/<meta name="corpus-lens-words" content="([^"]*)">/)?.[1];
if (wordsFile && !fs.existsSync(path.join(dir, wordsFile))) throw new Error(`${path.join(dir, 'index.html')} names ${wordsFile}, which is not in ${dir}: run lens-site on this site`);
// The views only the full builds have: the light build names them on its
// page (the view navigation's data-full-only, drawn from its own features).
const named = html.match(/data-full-only="([a-z ]*)"/);
if (builds.full && !named) throw new Error('the prerendered page names no views for the full build (data-full-only): prerender before post-build');
const fullOnly = builds.full ? named[1].split(' ').filter(Boolean) : [];
// And the parameters it leaves to own/ (a reader's own files), which has
// every view too.
const ownParams = (html.match(/data-own-params="([a-z ]*)"/)?.[1] ?? '').split(' ').filter(Boolean);
if (ownParams.length && !builds.own) throw new Error(`the light build leaves ${ownParams.join(', ')} to own/, which this site lacks: build it (scripts/build-site.sh)`);
html = html.replace(loader[0], '').replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
const pick = `<script>
(() => {
  // Written by scripts/post-build.mjs: the one loader of this page's builds.
  const builds = ${JSON.stringify(builds)};
  // The built-in corpus, fetched at once beside the wasm (not for a
  // reader's own corpus); every build reads this one promise (src/shipped.rs).
  if (!new URLSearchParams(location.search).has('corpus')) {
    window.${sharded ? 'corpusLensIndex' : 'corpusLensCorpus'} = fetch(${JSON.stringify(corpusFile)}).then((r) => {
      if (!r.ok) throw new Error(r.url + ': ' + r.status + ' ' + r.statusText);
      return r.arrayBuffer();
    });${wordsFile ? `
    // The corpus' words read at build time spare the page its tokenizing
    // (Chinese: nine times English's time a character) but weigh more
    // than the dictionary they replace (People's Daily: 1.9 MB gzip
    // against 0.77). On a link the browser reports slower than 5 Mbit/s,
    // or with Save-Data on, the page tokenizes instead (docs/languages.md).
    // Words kept from an earlier visit are read whatever the link (and
    // offline, where the whole dictionary may never have been read).
    const link = navigator.connection;
    const words = new URL(${JSON.stringify(`./${wordsFile}`)}, location.href).href;
    window.corpusLensWords = (self.caches ? caches.match(words).catch(() => undefined) : Promise.resolve(undefined))
      .then((kept) => kept ? kept.arrayBuffer()
        : link && (link.saveData || link.downlink < 5) ? null
        : fetch(words).then((r) => (r.ok ? r.arrayBuffer() : null)))
      .catch(() => null);` : ''}
  }
  const fullOnly = ${JSON.stringify(fullOnly)};
  const ownParams = ${JSON.stringify(ownParams)};
  // A build's files can be gone when a new version was published since
  // this page opened (and the cache of its build with them): the address
  // holds the page's whole state, so a reload opens the same view in the
  // new version, once.
  const reloadOnce = (name, error) => {
    const key = 'corpus-lens-reloaded:' + builds[name].js;
    try {
      if (!sessionStorage.getItem(key)) {
        sessionStorage.setItem(key, '1');
        location.reload();
        return new Promise(() => {});
      }
    } catch (_) { /* no storage: say what failed */ }
    throw error;
  };
  const load = (name) => (builds[name]
    ? import(builds[name].js).then((m) => m.default({ module_or_path: builds[name].wasm }).then(() => { window.wasmBindings = m; }))
      .catch((e) => reloadOnce(name, e))
    : Promise.reject(new Error('this site has no ' + name + ' build')));
  window.corpusLens = { load };
  const here = new URLSearchParams(location.search);
  const first = ownParams.some((p) => here.has(p)) ? 'own'
    : builds.full && fullOnly.includes(here.get('view')) ? 'full' : 'light';
  for (const [rel, href, as] of [['modulepreload', builds[first].js], ['preload', builds[first].wasm, 'fetch']]) {
    const link = document.createElement('link');
    link.rel = rel; link.href = href; link.crossOrigin = 'anonymous';
    if (as) { link.as = as; link.type = 'application/wasm'; }
    document.head.append(link);
  }
  // The prerendered page is the answer to the bare address. An address
  // that asks for more (a search, a view, an article) must not look
  // answered by it meanwhile: its box shows the linked search, its list
  // and filters are hidden (CSS: .prerender-stale), and a line says what
  // is coming. What is typed there is still carried over (src/takeover.rs).
  const asked = new URLSearchParams(location.search);
  // An article's address: its static page (articles/ID.html, written by
  // lens-site) holds its text, read here at once, before the corpus and
  // its index (on sotu, a phone's link waited 23.6 s for the app's
  // reader), beside them; shown below as the app's reader lays it out.
  // (Not for a reader's own corpus: its pages are not here.)
  const articleId = asked.get('article');
  // (Only an id the corpus may have, by corpus::load::is_valid_id's rule:
  // nothing else is a file name in articles/.)
  const articlePage = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(articleId ?? '') && !asked.has('corpus')
    ? fetch('articles/' + articleId + '.html', { priority: 'high' }).then((r) => (r.ok ? r.text() : null)).catch(() => null)
    : null;
  const stale = () => {
    if ([...asked.keys()].length === 0) return;
    const page = document.getElementById('prerendered');
    if (!page) return;
    document.documentElement.classList.add('prerender-stale');
    const box = page.querySelector('input[type=search]');
    const q = asked.get('q');
    // As served, not as typed: the takeover carries over only what a
    // reader changed (src/takeover.rs), and the app reads the address itself.
    if (box && q && !box.value) box.defaultValue = q;
    const note = document.createElement('p');
    note.className = 'notice prerender-note';
    note.setAttribute('role', 'status');
    note.textContent = q ? 'Searching for \u201c' + q.slice(0, 80) + '\u201d\u2026' : 'Opening this address\u2026';
    page.querySelector('main')?.prepend(note);
    // The article in its note's place, where the app draws its reader: the
    // static page's own elements, parsed inert (DOMParser runs nothing) and
    // moved over; its title a heading of the level the app gives it. The
    // search, its marks and the rest come with the app.
    articlePage?.then((text) => {
      const from = text && new DOMParser().parseFromString(text, 'text/html').querySelector('article.reader');
      if (!from || !page.isConnected) return;
      const reader = document.createElement('article');
      reader.className = 'reader';
      const back = document.createElement('p');
      back.className = 'back';
      const all = document.createElement('a');
      all.href = './';
      all.textContent = '\u2190 All articles';
      back.append(all);
      const title = document.createElement('h2');
      title.textContent = from.querySelector('h1')?.textContent ?? '';
      // The static page's headings one level down, as the app has them
      // under its title (h3, h4).
      for (const h of from.querySelectorAll('.article-body h3, .article-body h2')) {
        const lower = document.createElement(h.tagName === 'H2' ? 'h3' : 'h4');
        lower.append(...h.childNodes);
        h.replaceWith(lower);
      }
      reader.append(back, title, ...['dl.meta', '.article-body'].map((s) => from.querySelector(s)).filter(Boolean).map((n) => document.adoptNode(n)));
      note.replaceWith(reader);
    });
  };
  // Started once the page is parsed, as a module script would be: the app takes over from it.
  const start = () => { stale(); load(first); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
</script>`;
html = html.replace('</head>', () => `${pick}\n  </head>`);

const sha = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha(m[1]));
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]));
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`,
  `style-src 'self' ${styles.join(' ')}`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes('Content-Security-Policy')) throw new Error('no <meta charset="utf-8"> to put the CSP after');
fs.writeFileSync(indexPath, html);

// Every file of the build, relative to the page.
const files = [];
(function walk(d, rel) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(d, e.name), r);
    else if (e.name !== 'sw.js') files.push(r);
  }
})(dir, '');
files.sort();
const version = crypto.createHash('sha256');
let pageBytes = 0;
for (const f of files) {
  const data = fs.readFileSync(path.join(dir, f));
  version.update(f).update(data);
  if (f.startsWith('articles/')) pageBytes += data.length;
}
// The dictionaries (data/: Chinese, 1.9 MB) are fetched only by a corpus
// that needs them: cached when first read, never at install.
const precached = (pageBytes <= PRECACHE_BYTES ? files : files.filter((f) => !f.startsWith('articles/')))
  .filter((f) => !f.startsWith('data/'))
  // A sharded index' data files are read piece by piece (below), never whole.
  .filter((f) => !/^pack-[0-9a-f]{16}\.bin$/.test(f))
  // The corpus' words: only where the loader reads them (a fast link),
  // kept once read.
  .filter((f) => !/^words-[0-9a-f]{16}\.bin$/.test(f));
const cacheName = `corpus-lens-${version.digest('hex').slice(0, 16)}`;
// A sharded index' data files: their pieces are kept, once read, in a cache
// of their own that outlives a new build (the files are named by their
// bytes); pieces of files this build no longer has are dropped.
const packs = files.filter((f) => /^pack-[0-9a-f]{16}\.bin$/.test(f));
const sw = `// Generated by scripts/post-build.mjs: caches this build for offline use.
const CACHE = ${JSON.stringify(cacheName)};
const PACKS = 'corpus-lens-packs';
const PACK_FILES = ${JSON.stringify(packs)};
const FILES = ${JSON.stringify(['./', ...precached.map((f) => `./${f}`)])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
// A page opened before this build was published keeps running its own
// build: its files stay in the previous build's cache, which is kept (only
// older ones go), and a file this build lacks is looked for there.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => {
      const older = keys.filter((k) => k.startsWith('corpus-lens-') && k !== CACHE && k !== PACKS);
      return Promise.all(older.slice(0, -1).map((k) => caches.delete(k)));
    })
    .then(() => caches.open(PACKS))
    .then((c) => c.keys().then((kept) => Promise.all(kept
      .filter((r) => !PACK_FILES.includes(new URL(r.url).pathname.split('/').pop()))
      .map((r) => c.delete(r)))))
    .then(() => self.clients.claim()));
});
const root = new URL('./', self.location).pathname;
self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // A sharded index' data files are read by Range requests: each piece is
  // kept once read, so what was read is there offline. A cache holds no
  // partial response, so a piece is kept whole under a key that names its
  // range, and given back as that range; a host that ignores ranges sends
  // the whole file, kept under its own name.
  if (/[/]pack-[0-9a-f]{16}[.]bin$/.test(url.pathname)) {
    const range = req.headers.get('range');
    const asked = range && /^bytes=([0-9]+)-([0-9]+)$/.exec(range);
    const key = url.pathname + (asked ? '?range=' + asked[1] + '-' + asked[2] : '');
    event.respondWith(caches.open(PACKS).then((c) => c.match(key)
      .then((hit) => hit || (asked ? c.match(url.pathname) : undefined))
      .then((hit) => {
        if (hit) {
          return hit.headers.get('x-corpus-lens-range')
            ? hit.arrayBuffer().then((b) => new Response(b, { status: 206, headers: { 'Content-Range': 'bytes ' + asked[1] + '-' + asked[2] + '/*' } }))
            : hit;
        }
        return fetch(req).then((res) => {
          // Kept only what is what was asked: the range asked (206), or the
          // whole file from a host that ignores ranges (200, not a page).
          const piece = res.status === 206 && asked
            && (res.headers.get('content-range') || '').startsWith('bytes ' + asked[1] + '-' + asked[2] + '/');
          const file = res.status === 200 && !(res.headers.get('content-type') || '').startsWith('text/html');
          if (piece || file) {
            event.waitUntil(res.clone().arrayBuffer().then((b) => c.put(piece ? key : url.pathname,
              new Response(b, { headers: piece ? { 'x-corpus-lens-range': range } : {} }))));
          }
          return res;
        });
      })));
    return;
  }
  // The app's page differs only in its query string: any address of it is the cached page.
  const app = req.mode === 'navigate' && (url.pathname === root || url.pathname === root + 'index.html');
  // A folder's address is its index.html (articles/).
  const key = url.pathname.endsWith('/') ? url.pathname + 'index.html' : req;
  // A dictionary (data/) is asked for by its version (?v=): only that one is served.
  const exact = url.pathname.startsWith(root + 'data/');
  const lookup = app ? caches.match('./', { cacheName: CACHE })
    : caches.match(key, { cacheName: CACHE, ignoreSearch: !exact }).then((hit) => hit || caches.match(key, { ignoreSearch: !exact }));
  event.respondWith(lookup.then((hit) => hit || fetch(req).then((res) => {
    // A static page, a dictionary or the corpus' words, not cached at
    // install, are kept once read.
    if (res.ok && (url.pathname.startsWith(root + 'articles/') || url.pathname.startsWith(root + 'data/')
      || /[/]words-[0-9a-f]{16}[.]bin$/.test(url.pathname))) {
      const copy = res.clone();
      caches.open(CACHE).then((c) => c.put(req, copy));
    }
    return res;
  })));
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: stylesheet inline; CSP with ${scripts.length} script and ${styles.length} style hash(es); sw.js caches ${precached.length + 1} of ${files.length + 1} files as ${cacheName}`);
