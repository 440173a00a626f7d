// Measures what a reader feels in headless Chromium (Debian's, driven by
// playwright-core): load to interactive, and keystroke to updated result list.
// Usage: node bench/page.mjs NAME=DIST_DIR [NAME=DIST_DIR …]
// Prints a Markdown table and writes target/bench/page.json.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { serve, chromiumPath } from '../scripts/lib/static-server.mjs';

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--enable-precise-memory-info', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** Keyword lists typed into Trends one character at a time. */
export const KEYWORDS = ['war, peace, tax, government, freedom', 'wechat, ai, traffic, baidu'];

/**
 * Types each text into the field `input` one character at a time; each
 * keystroke is timed until the page has updated and laid out `drawn`.
 */
async function typeAndTime(page, input, drawn, texts) {
  return page.evaluate(async ({ input, drawn, texts }) => {
    const field = document.querySelector(input);
    // A task boundary without setTimeout's 4 ms clamp: every microtask (the page's updates) has run.
    const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const type = async (value) => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      void document.querySelector(drawn).offsetHeight; // layout included
    };
    const times = [];
    for (const text of texts) {
      for (let i = 1; i <= text.length; i++) {
        const t0 = performance.now();
        await type(text.slice(0, i));
        times.push(performance.now() - t0);
      }
      await type('');
    }
    return times;
  }, { input, drawn, texts });
}

/** Each keystroke in the search box, until the result list is updated. */
const keystrokes = (page, queries) => typeAndTime(page, 'input[type=search]', '.result-count', queries);

/** Each keystroke in the Keywords field, until chart and table are redrawn. */
const keywordEdits = (page, lists) => typeAndTime(page, '#keywords', '.counting', lists);

/** Typed one character at a time: words, a phrase, a prefix, booleans. */
export const QUERIES = ['government', 'united states', 'alipay', 'tax*', '"the people"', 'war OR peace', 'congress -war', 'wechat tag:social'];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
};

/** One load of a build: its milestones, and (in the first three) its keystrokes. */
async function once(browser, name, base, r, into) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 60000 });
  into.loads.push(await page.evaluate(() => performance.getEntriesByName('corpus-lens:interactive')[0].startTime));
  into.readies.push(await page.evaluate(() => performance.getEntriesByName('corpus-lens:search-ready')[0].startTime));
  into.starts.push(await page.evaluate(() => performance.getEntriesByName('corpus-lens:start')[0]?.startTime ?? NaN));
  // The index build: from its start (words read at build time included,
  // or a segmenter's dictionary fetched and read) to search ready.
  into.indexes.push(await page.evaluate(() => performance.getEntriesByName('corpus-lens:search-ready')[0].startTime
    - (performance.getEntriesByName('corpus-lens:index-begin')[0]?.startTime ?? NaN)));
  if (r < 3) {
    await keystrokes(page, ['warm up']); // let the engine's code reach its optimising tier first
    into.keys.push(...await keystrokes(page, QUERIES));
    await page.goto(`${base}?view=trends`, { waitUntil: 'load' });
    await page.waitForSelector('#keywords');
    await keywordEdits(page, ['warm, up']);
    into.kws.push(...await keywordEdits(page, KEYWORDS));
  }
  if (errors.length) throw new Error(`${name}: page errors: ${errors.join('; ')}`);
  await context.close();
}

/**
 * Every build, load by load in turn (the order reversed every other
 * round), so that a slow spell of this noisy machine falls on all of them
 * alike: side by side in one run.
 */
async function measure(browser, builds, runs = Number(process.env.RUNS || 5)) {
  const all = [];
  for (const [name, dist] of builds) {
    all.push({ name, server: await serve(dist), loads: [], readies: [], starts: [], indexes: [], keys: [], kws: [] });
  }
  for (let r = 0; r < runs; r++) {
    for (const b of (r % 2 ? [...all].reverse() : all)) await once(browser, b.name, b.server.base, r, b);
  }
  return all.map((b) => {
    b.server.close();
    return { name: b.name, load_to_interactive_ms: stats(b.loads), load_to_search_ready_ms: stats(b.readies), load_to_wasm_start_ms: stats(b.starts), index_build_ms: stats(b.indexes), keystroke_ms: stats(b.keys), keyword_edit_ms: stats(b.kws) };
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const builds = process.argv.slice(2).map((a) => a.split('='));
  if (!builds.length) { console.error('usage: node bench/page.mjs NAME=DIST …'); process.exit(2); }
  const browser = await launch();
  const results = await measure(browser, builds);
  await browser.close();
  const f = (x) => x.toFixed(1);
  console.log('| build | to the wasm started (download, compile), median | load to interactive (list drawn), median (p95) | to search ready, median (p95) | index build (its start to search ready), median (p95) | keystroke to updated list, median (p95) | keyword edit to redrawn chart, median (p95) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const l = r.load_to_interactive_ms, s = r.load_to_search_ready_ms, k = r.keystroke_ms, c = r.keyword_edit_ms, ix = r.index_build_ms;
    console.log(`| ${r.name} | ${f(r.load_to_wasm_start_ms.median)} ms | ${f(l.median)} ms (${f(l.p95)}) | ${f(s.median)} ms (${f(s.p95)}) | ${f(ix.median)} ms (${f(ix.p95)}) | ${f(k.median)} ms (${f(k.p95)}), ${k.n} keystrokes | ${f(c.median)} ms (${f(c.p95)}), ${c.n} keystrokes |`);
  }
  fs.mkdirSync('target/bench', { recursive: true });
  fs.writeFileSync('target/bench/page.json', JSON.stringify({ machine: process.env.BENCH_MACHINE || null, results }, null, 2));
}
