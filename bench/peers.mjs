// Corpus Lens against MiniSearch and FlexSearch, side by side in one headless
// Chromium run, on the same documents and the same queries (bench/data/*.queries.json,
// drawn with a fixed seed by bench/make_corpora.py).
// Usage: node bench/peers.mjs NAME=DIST … (each DIST built with --features bench-api
// from bench/data/NAME). Writes target/bench/peers.json and peers.md.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch } from './page.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LIBS = {
  'minisearch.js': path.join(ROOT, 'node_modules/minisearch/dist/umd/index.js'),
  'flexsearch.js': path.join(ROOT, 'node_modules/flexsearch/dist/flexsearch.bundle.min.js'),
};

/** The page's build, with the peers' libraries under /lib/ and the bench data under /data/. */
function servePeers(dist) {
  return serve(dist, {
    route: (p) => {
      if (p.startsWith('/lib/')) return LIBS[p.slice(5)] || path.join(ROOT, 'missing');
      if (p.startsWith('/data/')) return path.join(ROOT, 'bench/data', path.basename(p));
      return null;
    },
  });
}

function sizes(files) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gzip += zlib.gzipSync(b, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  }
  return { raw, gzip, brotli };
}

const distFiles = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? distFiles(path.join(d, e.name)) : [path.join(d, e.name)]);

/** Runs in the page: builds the peers' indexes and times every engine on every query. */
async function inPage({ name }) {
  const heap = () => performance.memory.usedJSHeapSize;
  const docs = await (await fetch(`/data/${name}.docs.json`)).json();
  const queries = await (await fetch(`/data/${name}.queries.json`)).json();
  // Time one query: repeat until 2 ms have passed (timer resolution), report the mean of a round.
  const time = (fn) => {
    for (let n = 1; ; n *= 4) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn();
      const dt = performance.now() - t0;
      if (dt >= 2 || n >= 65536) return dt / n;
    }
  };
  const out = { heap_before_peers: heap() };
  let t0 = performance.now();
  wasmBindings.lens_bench_build();
  out.corpus_lens_build_ms = performance.now() - t0;
  t0 = performance.now();
  const mini = new MiniSearch({ fields: ['title', 'text'], idField: 'id' });
  mini.addAll(docs);
  out.minisearch_build_ms = performance.now() - t0;
  out.heap_after_minisearch = heap();
  t0 = performance.now();
  const flex = new FlexSearch.Index();
  const flexForward = new FlexSearch.Index({ tokenize: 'forward' });
  docs.forEach((d, i) => flex.add(i, `${d.title} ${d.text}`));
  out.flexsearch_build_ms = performance.now() - t0;
  t0 = performance.now();
  docs.forEach((d, i) => flexForward.add(i, `${d.title} ${d.text}`));
  out.flexsearch_forward_build_ms = performance.now() - t0;
  out.heap_after_flexsearch = heap();
  const words = (q) => q.replace(/["*]/g, '').split(/\s+/).filter((w) => w && w !== 'OR');
  const engines = {
    'Corpus Lens (match + rank)': (q) => () => wasmBindings.lens_bench_rank(q.q),
    'Corpus Lens (full answer)': (q) => () => wasmBindings.lens_bench_answer(q.q),
    MiniSearch: (q) => {
      if (q.class === 'prefix') return () => mini.search(words(q.q)[0], { prefix: true });
      if (q.q.includes(' OR ')) return () => mini.search(words(q.q).join(' '), { combineWith: 'OR' });
      if (q.q.includes(' -')) { const [a, b] = q.q.split(' -'); return () => mini.search({ combineWith: 'AND_NOT', queries: [a, b] }); }
      return () => mini.search(words(q.q).join(' '), { combineWith: 'AND' });
    },
    FlexSearch: (q) => {
      if (q.class === 'prefix') return () => flexForward.search(words(q.q)[0]);
      if (q.class === 'OR, NOT') return null; // no boolean operators
      return () => flex.search(words(q.q).join(' '));
    },
  };
  out.latency = {};
  out.hits = {};
  for (const [engine, make] of Object.entries(engines)) {
    out.latency[engine] = {};
    out.hits[engine] = {};
    for (const q of queries) {
      const fn = make(q);
      if (!fn) continue;
      fn(); // warm
      (out.latency[engine][q.class] ||= []).push(time(fn));
      const r = fn();
      (out.hits[engine][q.class] ||= []).push(typeof r === 'number' ? r : r.length);
    }
  }
  out.docs = docs.length;
  out.queries = queries.length;
  return out;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { median: at(0.5), p95: at(0.95) };
};

const builds = process.argv.slice(2).map((a) => a.split('='));
const browser = await launch();
const results = [];
for (const [name, dist] of builds) {
  const server = await servePeers(dist);
  const base = server.base;
  const loads = [], readies = [], heaps = [], wasm = [];
  for (let r = 0; r < 3; r++) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 120000 });
    loads.push(await page.evaluate(() => performance.getEntriesByName('corpus-lens:interactive')[0].startTime));
    readies.push(await page.evaluate(() => performance.getEntriesByName('corpus-lens:search-ready')[0].startTime));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    heaps.push(await page.evaluate(() => performance.memory.usedJSHeapSize));
    wasm.push(await page.evaluate(() => wasmBindings.lens_bench_memory()));
    if (r < 2) { await context.close(); continue; }
    // Long tasks (over 50 ms) that started after the first paint, to search ready and 500 ms beyond.
    const longTasks = await page.evaluate(() => new Promise((resolve) => {
      const paint = performance.getEntriesByName('first-paint')[0]?.startTime ?? 0;
      const seen = [];
      new PerformanceObserver((l) => l.getEntries().filter((e) => e.startTime >= paint).forEach((e) => seen.push(e.duration))).observe({ type: 'longtask', buffered: true });
      setTimeout(() => resolve(seen), 500);
    }));
    await page.addScriptTag({ url: '/lib/minisearch.js' });
    await page.addScriptTag({ url: '/lib/flexsearch.js' });
    const m = await page.evaluate(inPage, { name });
    const ours = sizes(distFiles(path.resolve(dist)));
    const docsSize = sizes([path.join(ROOT, 'bench/data', `${name}.docs.json`)]);
    const lib = (f) => sizes([LIBS[f]]);
    results.push({
      name, docs: m.docs, queries: m.queries,
      load_to_interactive_ms: stats(loads).median,
      load_to_search_ready_ms: stats(readies).median,
      long_tasks_ms: longTasks,
      js_heap_mb: { corpus_lens: stats(heaps).median / 1e6, minisearch: (m.heap_after_minisearch - m.heap_before_peers) / 1e6, flexsearch: (m.heap_after_flexsearch - m.heap_after_minisearch) / 1e6 },
      wasm_memory_mb: stats(wasm).median / 1e6,
      build_ms: { corpus_lens: m.corpus_lens_build_ms, minisearch: m.minisearch_build_ms, flexsearch: m.flexsearch_build_ms, flexsearch_forward: m.flexsearch_forward_build_ms },
      download: { corpus_lens: ours, minisearch_page: { gzip: lib('minisearch.js').gzip + docsSize.gzip, brotli: lib('minisearch.js').brotli + docsSize.brotli }, flexsearch_page: { gzip: lib('flexsearch.js').gzip + docsSize.gzip, brotli: lib('flexsearch.js').brotli + docsSize.brotli }, raw_text: docsSize.raw },
      latency: Object.fromEntries(Object.entries(m.latency).map(([e, byClass]) => [e, Object.fromEntries(Object.entries(byClass).map(([c, xs]) => [c, stats(xs)]))])),
      hits_median: Object.fromEntries(Object.entries(m.hits).map(([e, byClass]) => [e, Object.fromEntries(Object.entries(byClass).map(([c, xs]) => [c, stats(xs).median]))])),
    });
    await context.close();
  }
  server.close();
}
await browser.close();

const f = (x, d = 3) => (x === undefined ? 'n/a' : x.toFixed(d));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
let md = '';
for (const r of results) {
  md += `\n### ${r.name}: ${r.docs} documents, ${r.queries} queries\n\n`;
  md += `Load to interactive (ours, the list drawn): ${f(r.load_to_interactive_ms, 0)} ms; to search ready (index built in slices): ${f(r.load_to_search_ready_ms, 0)} ms. Longest main-thread task after the first paint: ${r.long_tasks_ms.length ? f(Math.max(...r.long_tasks_ms), 0) + ' ms' : 'none over 50 ms'}. `;
  md += `Index build in one go: ours ${f(r.build_ms.corpus_lens, 0)} ms, MiniSearch ${f(r.build_ms.minisearch, 0)} ms, FlexSearch ${f(r.build_ms.flexsearch, 0)} ms (+${f(r.build_ms.flexsearch_forward, 0)} ms for its prefix index). `;
  md += `JS heap: ours ${f(r.js_heap_mb.corpus_lens, 1)} MB (+ ${f(r.wasm_memory_mb, 1)} MB wasm memory), MiniSearch +${f(r.js_heap_mb.minisearch, 1)} MB, FlexSearch +${f(r.js_heap_mb.flexsearch, 1)} MB. `;
  md += `Download: ours ${kb(r.download.corpus_lens.gzip)} gzip / ${kb(r.download.corpus_lens.brotli)} brotli (raw text ${kb(r.download.raw_text)}; brotli ratio ${(r.download.corpus_lens.brotli / r.download.raw_text).toFixed(2)}); MiniSearch + documents ${kb(r.download.minisearch_page.brotli)} brotli; FlexSearch + documents ${kb(r.download.flexsearch_page.brotli)} brotli.\n\n`;
  const classes = Object.keys(r.latency['MiniSearch']);
  md += '| query class | ours, match + rank | ours, full answer | MiniSearch | FlexSearch (ids only, no ranking or snippets) | ours ÷ MiniSearch | ours ÷ FlexSearch |\n|---|---:|---:|---:|---:|---:|---:|\n';
  for (const c of classes) {
    const o = r.latency['Corpus Lens (match + rank)'][c], a = r.latency['Corpus Lens (full answer)'][c], m = r.latency.MiniSearch[c], x = r.latency.FlexSearch[c];
    md += `| ${c} | ${f(o.median)} (p95 ${f(o.p95)}) | ${f(a.median)} (p95 ${f(a.p95)}) | ${f(m.median)} (p95 ${f(m.p95)}) | ${x ? `${f(x.median)} (p95 ${f(x.p95)})` : 'n/a'} | ${f(o.median / m.median, 2)} | ${x ? f(o.median / x.median, 2) : 'n/a'} |\n`;
  }
}
md += '\nLatencies in ms per query, median (p95) over the queries of each class.\n';

// How cost grows with the corpus: the paragraph corpus at 1/8, 1/4, 1/2 and all.
const buildTimes = fs.existsSync('target/bench/build-times.json') ? JSON.parse(fs.readFileSync('target/bench/build-times.json', 'utf8')) : {};
const scale = results.filter((r) => r.name.startsWith('sotu-paragraphs')).sort((a, b) => a.docs - b.docs);
if (scale.length > 1) {
  const base = scale[0];
  md += '\n### Scale: the paragraph corpus at 1/8, 1/4, 1/2 and all\n\n| documents | × | build | × | download (brotli) | × | load to interactive | × | to search ready | × | 2-word AND, full answer (median) | × |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n';
  for (const r of scale) {
    const x = (a, b) => (b ? (a / b).toFixed(2) : 'n/a');
    const bt = buildTimes[r.name], bt0 = buildTimes[base.name];
    const q = r.latency['Corpus Lens (full answer)']['2 words AND'].median, q0 = base.latency['Corpus Lens (full answer)']['2 words AND'].median;
    md += `| ${r.docs} | ${x(r.docs, base.docs)} | ${bt ? bt.toFixed(0) + ' s' : 'n/a'} | ${bt && bt0 ? x(bt, bt0) : 'n/a'} | ${kb(r.download.corpus_lens.brotli)} | ${x(r.download.corpus_lens.brotli, base.download.corpus_lens.brotli)} | ${f(r.load_to_interactive_ms, 0)} ms | ${x(r.load_to_interactive_ms, base.load_to_interactive_ms)} | ${f(r.load_to_search_ready_ms, 0)} ms | ${x(r.load_to_search_ready_ms, base.load_to_search_ready_ms)} | ${f(q)} ms | ${x(q, q0)} |\n`;
  }
}
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/peers.json', JSON.stringify({ machine: process.env.BENCH_MACHINE || null, results }, null, 2));
fs.writeFileSync('target/bench/peers.md', md);
console.log(md);
