// The page's own main-thread tasks as a phone meets them (issue #30): the
// CPU slowed 4× through the DevTools protocol (as Lighthouse's mobile
// profile does), the site served gzip-encoded, each URL of #30 loaded cold.
// From the wasm's start ("corpus-lens:start") until search is ready and no
// work is under way (plus 0.8 s for what the takeover draws), per build
// and URL, the median of RUNS (default 5) loads of: the longest task, the
// blocking time (the sum of each task's time over 50 ms) and the time from
// the start to search ready. The builds take turns, load by load, so a
// noisy machine weighs on each alike: compare them within one run.
//
// CPU=1 measures unthrottled (this machine's own speed) instead.
//
// Usage: [RUNS=5] [CPU=4] node bench/start-tasks.mjs NAME=DIST_DIR[,NAME=DIST_DIR …] [URL_QUERY …]
//   (default URLs: #30's on the seed corpus; for another corpus give its own).
// Prints a Markdown table and writes target/bench/start-tasks.json.
import fs from 'node:fs';
import { serve } from '../scripts/lib/static-server.mjs';
import { launch } from './page.mjs';
import { stats, SEED_URLS } from './harness.mjs';

const DEFAULT_URLS = SEED_URLS;
const [named, ...asked] = process.argv.slice(2);
if (!named) { console.error('usage: node bench/start-tasks.mjs NAME=DIST_DIR[,NAME=DIST_DIR …] [URL_QUERY …]'); process.exit(2); }
const builds = named.split(',').map((s) => { const [name, dist] = s.includes('=') ? s.split('=') : [s, s]; return { name, dist }; });
const urls = asked.length ? asked : DEFAULT_URLS;
const runs = Number(process.env.RUNS || 5);
const cpu = Number(process.env.CPU || 4);
const servers = await Promise.all(builds.map((b) => serve(b.dist, { prefix: '/site/', gzip: true })));
const browser = await launch();

async function load(base, q) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(base + q, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0 && !document.documentElement.hasAttribute('data-working'), null, { timeout: 120000 });
  await page.waitForTimeout(800);
  const r = await page.evaluate(() => {
    const start = performance.getEntriesByName('corpus-lens:start')[0].startTime;
    // (A task that holds the start began a little before it.)
    const ours = window.__tasks.filter(([t, d]) => t + d > start);
    return {
      longest: Math.max(0, ...ours.map(([, d]) => d)),
      // The browser's own, before the wasm starts (parsing and laying out
      // the prerendered page, the loader): the observer sees them too.
      before: Math.max(0, ...window.__tasks.filter(([t, d]) => t + d <= start).map(([, d]) => d)),
      blocking: ours.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
      ready: performance.getEntriesByName('corpus-lens:search-ready')[0].startTime - start,
    };
  });
  await context.close();
  return r;
}

const results = [];
try {
  for (const q of urls) {
    const each = builds.map(() => []);
    for (let i = 0; i < runs; i++) for (let b = 0; b < builds.length; b++) each[b].push(await load(servers[b].base, q));
    builds.forEach((b, i) => results.push({ url: q || '/', build: b.name, longest_ms: stats(each[i].map((r) => r.longest)), before_start_ms: stats(each[i].map((r) => r.before)), blocking_ms: stats(each[i].map((r) => r.blocking)), ready_ms: stats(each[i].map((r) => r.ready)) }));
    console.error(`${q || '/'}: done`);
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.close());
}
const f = (s) => `${s.median.toFixed(0)} ms (${s.p95.toFixed(0)})`;
console.log(`The page's tasks from the wasm's start to search ready, CPU ${cpu === 1 ? 'unthrottled' : `slowed ${cpu}×`}; median (p95) of ${runs} loads.\n`);
console.log('| URL | build | longest task | blocking (over 50 ms) | start to search ready | longest task before the start |');
console.log('|---|---|---:|---:|---:|---:|');
for (const r of results) console.log(`| \`${r.url}\` | ${r.build} | ${f(r.longest_ms)} | ${f(r.blocking_ms)} | ${f(r.ready_ms)} | ${f(r.before_start_ms)} |`);
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/start-tasks.json', JSON.stringify({ runs, cpu, results }, null, 2));
