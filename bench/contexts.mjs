// The Contexts view as a reader feels it, in headless Chromium: from typing a
// word to its first concordance page and collocates drawn, then sorting by
// 1R; the longest main-thread task meanwhile, and the page's own measures.
// Usage: node bench/contexts.mjs DIST_DIR (a build of the sotu corpus).
import { launch } from './page.mjs';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
const root = path.resolve(process.argv[2] || 'target/bench/api-sotu');
const server = http.createServer((req, res) => { let f = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)); if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html'); fs.readFile(f, (e, d) => { if (e) { res.writeHead(404).end(); return; } res.writeHead(200, { 'content-type': f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.js') ? 'text/javascript' : f.endsWith('.css') ? 'text/css' : 'text/html' }).end(d); }); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await launch();
for (const word of ['war', 'the']) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/?view=contexts`);
  await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 120000 });
  const r = await page.evaluate(async (word) => {
    const tasks = []; const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration))); obs.observe({ type: 'longtask' });
    const t0 = performance.now();
    const f = document.querySelector('input[type=search]'); f.value = word; f.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((res) => { const tick = () => (document.querySelector('.collocates tbody tr') && document.querySelector('.kwic-table tbody tr') ? res() : requestAnimationFrame(tick)); requestAnimationFrame(tick); });
    const all = performance.now() - t0;
    const s0 = performance.now();
    const sel = document.querySelector('.concordance select'); sel.value = '1R'; sel.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((res) => { const tick = () => (location.search.includes('s1=1R') ? res() : requestAnimationFrame(tick)); requestAnimationFrame(tick); });
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    const sortMs = performance.now() - s0;
    obs.disconnect();
    const m = {}; for (const e of performance.getEntriesByType('measure')) m[e.name] = Math.round(Math.max(m[e.name] || 0, e.duration));
    return { m, all: Math.round(all), sort: Math.round(sortMs), longest: Math.round(Math.max(0, ...tasks)), status: document.querySelector('.concordance .counting').textContent };
  }, word);
  console.log(word, JSON.stringify(r));
  await page.context().close();
}
await browser.close(); server.close();
