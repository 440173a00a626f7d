// The index build in the page, without the page's frames around it: each
// build's embedded corpus indexed in one go, tokenizing (`lens_bench_build`)
// and, where the corpus has words read at build time, from them
// (`lens_bench_build_prepared`), in headless Chromium, after the page is
// searchable (its code warm). Medians of RUNS (default 7) builds each, and
// the time per character of the corpus' text.
// Usage: node bench/index-build.mjs NAME=DIST [NAME=DIST …] (builds made
// with `--features bench-api`).
import { launch } from './page.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

const runs = Number(process.env.RUNS || 7);
const builds = process.argv.slice(2).map((a) => a.split('='));
if (!builds.length) { console.error('usage: node bench/index-build.mjs NAME=DIST …'); process.exit(2); }
const browser = await launch();
console.log('| build | characters | tokenizing, median | ns a character | from words read at build time, median | ns a character |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, dist] of builds) {
  const server = await serve(dist);
  const page = await browser.newPage();
  await page.goto(server.base);
  await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 60000 });
  const r = await page.evaluate((runs) => {
    const b = window.wasmBindings;
    const median = (fn) => {
      const t = [];
      for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
      return t.sort((x, y) => x - y)[runs >> 1];
    };
    const prepared = b.lens_bench_build_prepared() > 0;
    return { chars: b.lens_bench_chars(), tokenizing: median(() => b.lens_bench_build()), prepared: prepared ? median(() => b.lens_bench_build_prepared()) : null };
  }, runs);
  const ns = (ms) => (ms * 1e6 / r.chars).toFixed(1);
  console.log(`| ${name} | ${r.chars.toLocaleString('en')} | ${r.tokenizing.toFixed(1)} ms | ${ns(r.tokenizing)} | ${r.prepared === null ? '–' : `${r.prepared.toFixed(1)} ms`} | ${r.prepared === null ? '–' : ns(r.prepared)} |`);
  await page.close();
  server.close();
}
await browser.close();
