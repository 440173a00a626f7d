// What a published site costs a reader, sharded or embedded (docs/sharding.md):
// each site served gzip-encoded and answering Range requests, with
// Lighthouse's mobile network profile (150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up, the CPU slowed 4×) and unthrottled. Per site: first
// contentful paint and the article list (with its facets) shown, cold; then,
// in that page, each query typed into the search box, a Trends keyword (and
// split by source) and the Words of one source:
// the time until its results (or chart) are drawn, the bytes of the corpus'
// files it fetched (the index' data files, or the corpus file) and the
// round trips (requests that start once the ones before have ended count as
// one more); and the wasm memory after a session of 20 queries with each
// view opened.
// Usage: node bench/sharded.mjs NAME=DIST … (each a site from scripts/build-site.sh)
// Prints Markdown tables and writes target/bench/sharded.json.
import fs from 'node:fs';
import { serve } from '../scripts/lib/static-server.mjs';
import { launch } from './page.mjs';

const MOBILE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };
const QUERIES = ['war', 'war peace', '"united states"'];
const TREND = 'freedom';
const WORDS_OF = 'source:"Abraham Lincoln"';
const SESSION = ['tax', 'congress', 'slavery', 'railroad', 'labor', 'oil', 'europe', 'mexico', 'gold', 'bank', 'army', 'navy', 'treaty', 'indian', 'cotton', 'nuclear'];

/** Records the corpus' requests (index, data and corpus files) through the DevTools protocol. */
function recorder(cdp) {
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (/(pack|index|corpus)-[0-9a-f]{16}\.bin/.test(e.request.url)) reqs.set(e.requestId, { start: e.timestamp, end: null, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  return {
    clear: () => reqs.clear(),
    pending: () => [...reqs.values()].some((r) => r.end === null),
    summary() {
      const all = [...reqs.values()].filter((r) => r.end !== null).sort((a, b) => a.start - b.start);
      let trips = 0;
      let waveEnd = -Infinity;
      for (const r of all) {
        if (r.start >= waveEnd) { trips += 1; waveEnd = r.end; } else waveEnd = Math.max(waveEnd, r.end);
      }
      return { requests: all.length, kb: Math.round(all.reduce((s, r) => s + r.bytes, 0) / 1024), trips };
    },
  };
}

async function settle(page, rec) {
  // The corpus' requests have all ended and none started for 300 ms.
  for (let quiet = 0; quiet < 3;) {
    await page.waitForTimeout(100);
    quiet = rec.pending() ? 0 : quiet + 1;
  }
}

async function session(browser, base, profile) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  const rec = recorder(cdp);
  await page.addInitScript(() => {
    const t = (window.__load = { list: null });
    const tick = () => {
      if (t.list === null && document.querySelector('.app-root:not([hidden]) .facets, #prerendered .facets') && document.querySelector('ol.results li')) t.list = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(base, { waitUntil: 'load', timeout: 180000 });
  await page.waitForFunction(() => window.__load.list !== null && performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 180000 });
  await settle(page, rec);
  const load = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    list: window.__load.list,
    ready: performance.getEntriesByName('corpus-lens:search-ready')[0].startTime,
  }));
  const atStart = rec.summary();
  const queries = [];
  const search = async (q) => {
    rec.clear();
    const t0 = Date.now();
    await page.evaluate((q) => {
      const box = document.querySelector('input[type=search]');
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, q);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q
      && !document.querySelector('.fetching') && document.querySelector('.results .snippet mark'), q, { timeout: 180000, polling: 50 });
    const ms = Date.now() - t0;
    await settle(page, rec);
    return { query: q, ms, ...rec.summary() };
  };
  for (const q of QUERIES) queries.push(await search(q));
  // Trends of one keyword, opened from the list (the full build loads first:
  // its wasm is not counted, only the corpus' files).
  rec.clear();
  const t0 = Date.now();
  await page.evaluate((kw) => { history.pushState(null, '', `?view=trends&kw=${kw}`); dispatchEvent(new PopStateEvent('popstate')); }, TREND);
  await page.waitForFunction(() => document.querySelector('.trend-table tbody tr') && !document.querySelector('.counting .fetching'), null, { timeout: 180000, polling: 50 });
  await settle(page, rec);
  queries.push({ query: `Trends: ${TREND}`, ms: Date.now() - t0, ...rec.summary() });
  // The same split by source (from counts per month and source on a sharded site).
  rec.clear();
  const t1 = Date.now();
  await page.evaluate((kw) => { history.pushState(null, '', `?view=trends&kw=${kw}&split=source`); dispatchEvent(new PopStateEvent('popstate')); }, TREND);
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length > 1 && !document.querySelector('.counting .fetching'), null, { timeout: 180000, polling: 50 });
  await settle(page, rec);
  queries.push({ query: `Trends: ${TREND}, split by source`, ms: Date.now() - t1, ...rec.summary() });
  // Words of one source: its word list (counted whole on a sharded site,
  // from its word lists), then the phrases (a sample's texts there).
  rec.clear();
  const t2 = Date.now();
  await page.evaluate((q) => { history.pushState(null, '', `?view=words&q=${encodeURIComponent(q)}`); dispatchEvent(new PopStateEvent('popstate')); }, WORDS_OF);
  await page.waitForFunction(() => document.querySelector('.words-frequencies tbody tr') && !/sample of/.test(document.querySelector('.words-summary dl')?.innerText ?? 'sample of')
    && !/Counting/.test(document.querySelector('.words > .counting')?.textContent ?? 'Counting'), null, { timeout: 180000, polling: 50 });
  const listed = Date.now() - t2;
  await settle(page, rec);
  queries.push({ query: `Words: ${WORDS_OF} (word list; KB: with the phrases' sample)`, ms: listed, ...rec.summary() });
  // The rest of a session of 20 queries, each view opened, then the memory.
  await page.evaluate(() => { history.pushState(null, '', '?'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.locator('input[type=search]').waitFor();
  for (const q of SESSION) await search(q);
  for (const v of ['words', 'compare', 'contexts', 'trends']) {
    await page.evaluate((v) => { history.pushState(null, '', `?view=${v}&q=war`); dispatchEvent(new PopStateEvent('popstate')); }, v);
    await page.waitForTimeout(2000);
  }
  const memory = await page.evaluate(() => (window.wasmBindings?.lens_bench_memory ? window.wasmBindings.lens_bench_memory() / 1e6 : null));
  await context.close();
  return { load, atStart, queries, memory };
}

const sites = process.argv.slice(2);
if (!sites.length) { console.error('usage: node bench/sharded.mjs NAME=DIST …'); process.exit(2); }
const browser = await launch();
const results = [];
for (const arg of sites) {
  const [name, dist] = arg.split('=');
  const server = await serve(dist, { prefix: '/site/', gzip: true });
  for (const [network, profile] of [['mobile', MOBILE], ['unthrottled', null]]) {
    results.push({ name, network, ...(await session(browser, server.base, profile)) });
  }
  server.close();
}
await browser.close();
const ms = (v) => (v === null ? '–' : `${Math.round(v)} ms`);
console.log('| site | network | first paint | list and facets | search ready | corpus files at start | wasm memory after 20 queries |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.network} | ${ms(r.load.fcp)} | ${ms(r.load.list)} | ${ms(r.load.ready)} | ${r.atStart.kb} KB, ${r.atStart.trips} round trip(s) | ${r.memory === null ? '–' : `${r.memory.toFixed(0)} MB`} |`);
console.log('\n| site | network | query | answered | round trips | requests | KB fetched |');
console.log('|---|---|---|---:|---:|---:|---:|');
for (const r of results) for (const q of r.queries) console.log(`| ${r.name} | ${r.network} | \`${q.query}\` | ${q.ms} ms | ${q.trips} | ${q.requests} | ${q.kb} |`);
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/sharded.json', JSON.stringify({ profile: MOBILE, results }, null, 2));
