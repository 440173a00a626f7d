// Real Lighthouse (12.2.3, npm, pinned) on every view a link opens, as a
// phone meets it (issue #30): the mobile profile (150 ms round trip, 1.6
// Mbit/s, the CPU slowed 4×), Debian's Chromium driven through the DevTools
// protocol, the build served gzip-encoded from a sub-path. Per URL, the median of RUNS (default 3) runs of: the four
// categories' scores, LCP, TBT, CLS, the longest main-thread task, and the
// bytes downloaded.
//
// Usage: node bench/lighthouse.mjs DIST_DIR [URL_QUERY …]
//   (default: the URLs of #30 on the seed corpus; for another corpus give
//   its URLs). Lighthouse is installed by scripts/bench.sh (or
//   `npm i -E --prefix ~/.cache/corpus-lens/lighthouse lighthouse@12.2.3`);
//   LIGHTHOUSE_DIR names another folder holding it.
// Prints a Markdown table and writes target/bench/lighthouse.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { serve, SEED_URLS } from './harness.mjs';

const dist = process.argv[2] || 'dist';
const runs = Number(process.env.RUNS || 3);
// #30's URLs on the seed corpus, its static article page among them.
const DEFAULT_URLS = [...SEED_URLS, 'articles/anxious-alipay-2025.html'];
const urls = process.argv.length > 3 ? process.argv.slice(3) : DEFAULT_URLS;

const home = process.env.LIGHTHOUSE_DIR || path.join(os.homedir(), '.cache/corpus-lens/lighthouse');
const from = createRequire(path.join(home, 'package.json'));
let lighthouse, launcher;
try {
  lighthouse = (await import(pathToFileURL(from.resolve('lighthouse')).href)).default;
  launcher = await import(pathToFileURL(from.resolve('chrome-launcher')).href);
} catch (e) {
  console.error(`no Lighthouse in ${home}: npm i -E --prefix ${home} lighthouse@12.2.3 (${e.message})`);
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
};

const server = await serve(dist, { prefix: '/corpus-lens/', gzip: true });
const chrome = await launcher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const rows = [];
try {
  for (const u of urls) {
    const url = server.base + u;
    const each = [];
    for (let i = 0; i < runs; i++) {
      const r = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        // The mobile profile: Lighthouse's default form factor and
        // throttling (simulated from the page's own trace, as #30's table
        // was measured; THROTTLING=devtools has the browser apply it).
        throttlingMethod: process.env.THROTTLING || 'simulate',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const lhr = r.lhr;
      const audit = (id) => lhr.audits[id];
      const tasks = audit('long-tasks')?.details?.items ?? [];
      each.push({
        performance: lhr.categories.performance.score * 100,
        accessibility: lhr.categories.accessibility.score * 100,
        bestPractices: lhr.categories['best-practices'].score * 100,
        seo: lhr.categories.seo.score * 100,
        lcp: audit('largest-contentful-paint').numericValue,
        tbt: audit('total-blocking-time').numericValue,
        cls: audit('cumulative-layout-shift').numericValue,
        longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        bytes: audit('total-byte-weight').numericValue,
        // Each long task as Lighthouse counts it (start and length in its
        // simulated time, the script it attributes the task to), for the JSON.
        tasks: tasks.map((t) => ({ start: Math.round(t.startTime), duration: Math.round(t.duration), url: t.url })),
        failing: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
          .map((a) => a.id),
        // What the accessibility and SEO audits short of full marks found
        // (the elements, or the reason), to mend.
        found: Object.fromEntries(
          [...lhr.categories.accessibility.auditRefs, ...lhr.categories.seo.auditRefs]
            .map((ref) => lhr.audits[ref.id])
            .filter((a) => a.score !== null && a.score < 1)
            .map((a) => [a.id, (a.details?.items ?? []).slice(0, 5).map((i) => i.node?.snippet ?? i.node?.selector ?? JSON.stringify(i).slice(0, 200)).concat(a.explanation ? [a.explanation] : [])]),
        ),
      });
    }
    const m = (k) => median(each.map((e) => e[k]));
    const failing = [...new Set(each.flatMap((e) => e.failing))];
    const found = Object.assign({}, ...each.map((e) => e.found));
    rows.push({ url: u || '/', runs: each, found, performance: m('performance'), accessibility: m('accessibility'), bestPractices: m('bestPractices'), seo: m('seo'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), longest: m('longest'), bytes: m('bytes'), failing });
    console.error(`${u || '/'}: done`);
  }
} finally {
  await chrome.kill();
  server.close();
}

console.log(`Real Lighthouse 12.2.3, mobile, ${process.env.THROTTLING || 'simulate'}d throttling, ${dist} served gzip from a sub-path; median of ${runs} runs.\n`);
console.log('| URL | performance | LCP | TBT | CLS | longest task | accessibility | best practices | SEO | bytes (KB) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| \`${r.url}\` | ${r.performance.toFixed(0)} | ${(r.lcp / 1000).toFixed(1)} s | ${r.tbt.toFixed(0)} ms | ${r.cls.toFixed(3)} | ${r.longest ? r.longest.toFixed(0) + ' ms' : 'none'} | ${r.accessibility.toFixed(0)} | ${r.bestPractices.toFixed(0)} | ${r.seo.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} |`);
}
console.log('\nAudits short of full marks in any run:');
for (const r of rows) {
  if (r.failing.length) console.log(`- \`${r.url}\`: ${r.failing.join(', ')}`);
  for (const [id, items] of Object.entries(r.found)) console.log(`  - ${id}: ${items.join(' | ')}`);
}
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/lighthouse.json', JSON.stringify(rows, null, 2));
