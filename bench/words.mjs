// The Words view as a reader feels it, in headless Chromium: from a change
// (the selection, the phrase length, the stop-word switch) to the tables
// drawn, and the longest main-thread task meanwhile (PerformanceObserver
// "longtask": a task over 50 ms delays input).
// Usage: [SELECTION=QUERY] node bench/words.mjs NAME=DIST_DIR [NAME=DIST_DIR …]
// (SELECTION: the selection changed to, by default the last fifth of the
// corpus' years; for a corpus of one year, say SELECTION=date:1998-01-25..).
// Prints a Markdown table and writes target/bench/words.json.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './page.mjs';
import { milestones, serve, stats, timed, typeQuery } from './harness.mjs';

const settled = () => !document.querySelector('.words .counting').textContent.includes('Counting');

async function measure(browser, name, dist, runs = 5) {
  const server = await serve(dist);
  const base = server.base;
  const r = { summary: [], keywords: [], phrases: [], trends: [], longest: [], by: { selection: 0, phrases: 0, stop: 0 } };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ bypassCSP: true }); // (published sites too: the harness evaluates strings)
    const page = await context.newPage();
    await page.goto(`${base}?view=words`);
    await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 120000 });
    await page.waitForFunction(() => document.querySelector('.words-trends tbody tr'), null, { timeout: 120000 });
    const years = await page.evaluate(() => [...document.querySelectorAll('.year-bars .year')].map((y) => y.textContent));
    const from = years[Math.floor(years.length * 4 / 5)];
    // The selection changes to the last fifth of the years: summary and the first page of words, then keywords against the rest.
    // The summary and the word list's first row both changed (the list is drawn a task after the summary).
    const before = await page.evaluate(() => [document.querySelector('.words-summary dl').textContent, document.querySelector('.words-frequencies tbody tr').textContent]);
    const s = await milestones(page, typeQuery(process.env.SELECTION || `year:${from}..`), {
      summary: new Function(`return () => { const dl = document.querySelector('.words-summary dl'); const row = document.querySelector('.words-frequencies tbody tr'); return dl && row && dl.textContent !== ${JSON.stringify(before[0])} && row.textContent !== ${JSON.stringify(before[1])}; }`)(),
      keywords: () => document.querySelector('.words-keyness table') && !document.querySelector('.words .counting').textContent.includes('Counting'),
    });
    r.summary.push(s.at.summary); r.keywords.push(s.at.keywords); r.longest.push(s.longest); r.by.selection = Math.max(r.by.selection, s.longest);
    // Back to the whole corpus; phrases of 3 words.
    await timed(page, typeQuery(''), settled);
    await page.waitForFunction(() => document.querySelector('.words-trends tbody tr'));
    const p = await timed(page, `() => { const f = document.querySelector('.words-phrases input[type=number]'); f.value = '3'; f.dispatchEvent(new Event('input', { bubbles: true })); }`,
      () => { const a = document.querySelector('.words-phrases tbody th a'); return a && a.textContent.split(' ').length === 3; });
    r.phrases.push(p.ms); r.longest.push(p.longest); r.by.phrases = Math.max(r.by.phrases, p.longest);
    // Stop words back in: every list again, rising and falling last.
    // Drawn again: its first word changed, or (a corpus whose stop words
    // are none of the first) the address changed and the counting ended.
    const firstTrend = await page.evaluate(() => document.querySelector('.words-trends tbody th a').textContent);
    const address = await page.evaluate(() => location.search);
    const t = await timed(page, `() => { const c = document.querySelector('.words-controls input[type=checkbox]'); c.click(); }`,
      new Function(`return () => { const a = document.querySelector('.words-trends tbody th a'); return a && (a.textContent !== ${JSON.stringify(firstTrend)} || (location.search !== ${JSON.stringify(address)} && !document.querySelector('.words .counting').textContent.includes('Counting'))); }`)());
    r.trends.push(t.ms); r.longest.push(t.longest); r.by.stop = Math.max(r.by.stop, t.longest);
    if (process.env.WORDS_STEPS) console.error(name, JSON.stringify({ selection: s.steps, phrases: [p.steps, p.inLongest], stop: [t.steps, t.inLongest] }));
    await context.close();
  }
  server.close();
  return { name, summary_ms: stats(r.summary), keywords_ms: stats(r.keywords), phrases3_ms: stats(r.phrases), stop_switch_to_trends_ms: stats(r.trends), longest_task_ms: Math.max(...r.longest), longest_task_by_change_ms: r.by };
}

const builds = process.argv.slice(2).map((a) => a.split('='));
if (!builds.length) { console.error('usage: node bench/words.mjs NAME=DIST …'); process.exit(2); }
const browser = await launch();
const results = [];
for (const [name, dist] of builds) results.push(await measure(browser, name, dist));
await browser.close();
const f = (s) => `${s.median.toFixed(0)} ms (${s.p95.toFixed(0)})`;
console.log('| build | selection change to summary and word list, median (p95) | … to keywords against the rest | phrase length 3, whole corpus | stop-word switch to rising and falling, whole corpus | longest main-thread task |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${f(r.summary_ms)} | ${f(r.keywords_ms)} | ${f(r.phrases3_ms)} | ${f(r.stop_switch_to_trends_ms)} | ${r.longest_task_ms.toFixed(0)} ms (selection ${r.longest_task_by_change_ms.selection.toFixed(0)}, phrases ${r.longest_task_by_change_ms.phrases.toFixed(0)}, stop words ${r.longest_task_by_change_ms.stop.toFixed(0)}) |`);
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/words.json', JSON.stringify({ machine: process.env.BENCH_MACHINE || null, results }, null, 2));
