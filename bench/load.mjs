// A phone's cold load, as Lighthouse's mobile profile measures it, through
// the DevTools protocol: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
// the CPU slowed 4×, cache empty, the build served gzip-encoded as static
// hosts serve it. Per URL, median (p95) of 5 loads: first contentful paint,
// the article list visible, search answering (a query typed as soon as the
// search box is there shows its results), cumulative layout shift, and,
// with JavaScript disabled, whether the list shows at all.
// Usage: [QUERY=wechat] node bench/load.mjs DIST_DIR [URL_QUERY …]   (default: "" and "?view=trends")
// (QUERY: the word typed, one the corpus has: QUERY=中国 for People's Daily).
// Prints a Markdown table and writes target/bench/load.json.
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../scripts/lib/static-server.mjs';
import { launch } from './page.mjs';
import { stats } from './harness.mjs';

const PROFILE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };

// In the page from its first script on: when the content shows (the article
// list, or the view a URL asks for), when a query typed as soon as the search
// box exists shows its results (default URL only), and layout shifts.
const PROBE = (query) => {
  const plain = location.search === '';
  const t = (window.__load = { list: null, typed: null, answered: plain ? null : 0, cls: 0 });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) t.cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  const tick = () => {
    // The list may be the prerendered one; another view is the app's own.
    const shown = plain ? document.querySelector('ol.results li')
      : document.querySelector('.app-root:not([hidden]) main :is(h1, h2):not(.visually-hidden, #loading-full-heading)');
    if (t.list === null && shown) t.list = performance.now();
    const box = document.querySelector('input[type=search]');
    if (plain && t.typed === null && box) {
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      t.typed = performance.now();
    }
    if (plain && t.typed !== null && t.answered === null && document.querySelector('ol.results li mark')) t.answered = performance.now();
    if (t.answered === null || t.list === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function coldLoad(browser, url, js) {
  const context = await browser.newContext({ javaScriptEnabled: js, serviceWorkers: 'block', viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.downloadThroughput, uploadThroughput: PROFILE.uploadThroughput });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  if (js) await page.addInitScript(PROBE, process.env.QUERY || 'wechat');
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  let r;
  if (js) {
    await page.waitForFunction(() => window.__load && window.__load.answered !== null && window.__load.list !== null, null, { timeout: 120000 });
    await page.waitForTimeout(500); // late layout shifts
    r = await page.evaluate(() => ({
      ...window.__load,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      // Where the time goes: the wasm downloaded, and the app started.
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? null,
      start: performance.getEntriesByName('corpus-lens:start')[0]?.startTime ?? null,
    }));
  } else {
    // No script runs: what the DOM holds once loaded.
    r = { list: (await page.$$('ol.results li')).length > 0 };
  }
  await context.close();
  return r;
}

const [dist, ...queries] = process.argv.slice(2);
if (!dist) { console.error('usage: node bench/load.mjs DIST_DIR [URL_QUERY …]'); process.exit(2); }
const server = await serve(dist, { prefix: '/site/', gzip: true });
const base = server.base;
const browser = await launch();
const runs = Number(process.env.RUNS || 5);
const results = [];
for (const q of queries.length ? queries : ['', '?view=trends']) {
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, base + q, true));
  const off = await coldLoad(browser, base + q, false);
  results.push({ url: q || '/', fcp_ms: stats(loads.map((l) => l.fcp)), list_ms: stats(loads.map((l) => l.list)), search_answers_ms: stats(loads.map((l) => l.answered)), wasm_downloaded_ms: stats(loads.map((l) => l.wasm)), app_started_ms: stats(loads.map((l) => l.start)), cls: stats(loads.map((l) => l.cls)), js_off: off });
}
await browser.close(); server.close();
const f = (s) => (s.median === null || s.median === undefined ? '–' : `${s.median.toFixed(0)} ms (${s.p95.toFixed(0)})`);
console.log('| URL | first contentful paint, median (p95) | article list (or the view asked for) visible | search answers | layout shift | JS off: list shown | wasm downloaded | app started |');
console.log('|---|---:|---:|---:|---:|---|---:|---:|');
for (const r of results) console.log(`| \`${r.url}\` | ${f(r.fcp_ms)} | ${f(r.list_ms)} | ${r.url === '/' ? f(r.search_answers_ms) : '–'} | ${r.cls.median.toFixed(3)} (${r.cls.p95.toFixed(3)}) | ${r.js_off.list ? 'yes' : 'no'} | ${f(r.wasm_downloaded_ms)} | ${f(r.app_started_ms)} |`);
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/load.json', JSON.stringify({ machine: process.env.BENCH_MACHINE || null, profile: PROFILE, results }, null, 2));
