// Any URL loads: a few hundred generated query strings (fixed seed), each
// loaded into the page; none may raise a console error or the failure panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, strictPage } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['q', 'forms', 'sort', 'article', 'match', 'view', 'kw', 'measure', 'smooth', 'at', 'left', 'right', 'n', 'stop', 'link', 'zzz', '', '%00', 'q[]'];
const VALUES = ['', '1', '0', '-1', '99999999999999999999', 'NaN', 'trends', 'compare', 'articles', 'per10k', 'share', 'newest',
  'alipay-dilemma-2024', 'anxious-alipay-2025', '..', '"', '(', ')', '-', 'OR', 'year:', 'year:2016..2013', 'tag:', 'pay*', '*',
  '%FF', '%E2%80%AE', '%00', '%', '<script>alert(1)</script>', 'javascript:alert(1)', '\u202e\u200b', '支付宝', '🎉', 'a,b,,c', '"a, b', '12', '3'];

function randomQuery(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const parts = [];
  const n = 1 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    let v = pick(VALUES);
    if (rand() < 0.3) v = v + pick(VALUES);
    if (rand() < 0.05) v = 'x'.repeat(5000);
    const encode = rand() < 0.7 && !v.startsWith('%');
    parts.push(`${pick(KEYS)}=${encode ? encodeURIComponent(v) : v}`);
  }
  return `?${parts.join(rand() < 0.1 ? ';' : '&')}`;
}

test('a few hundred generated URLs load without an error', async () => {
  const rand = mulberry32(20261122);
  const { context, page, problems } = await strictPage(browser);
  const bad = [];
  for (let i = 0; i < 250; i++) {
    const query = randomQuery(rand);
    const before = problems.length;
    await page.goto(server.base + query);
    await page.locator('.site-header').waitFor();
    if (await page.locator('#failure-panel').count()) bad.push(`${query}: failure panel`);
    if (problems.length > before) bad.push(`${query}: ${problems.slice(before).join('; ')}`);
  }
  assert.deepEqual(bad, []);
  await context.close();
});
