// Any URL loads: a few hundred generated query strings (fixed seed), each
// loaded into the page; none may raise a console error or the failure panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, strictPage, missingArticlePage } from './serve.mjs';

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

// The parameters come from the page itself (its #url-vocabulary, written from
// src/params.rs): a new parameter is fuzzed without editing this file.
// Beside them: names the page does not know, and values of every kind.
const EXTRA_KEYS = ['zzz', '', '%00', 'q[]'];
const EXTRA_VALUES = ['', '1', '0', '-1', '99999999999999999999', 'NaN',
  'alipay-dilemma-2024', 'anxious-alipay-2025', '..', '"', '(', ')', '-', 'OR', 'year:', 'year:2016..2013', 'tag:', 'pay*', '*',
  '%FF', '%E2%80%AE', '%00', '%', '<script>alert(1)</script>', 'javascript:alert(1)', '\u202e\u200b', '支付宝', '🎉', 'a,b,,c', '"a, b'];

async function vocabulary(page) {
  await page.goto(server.base);
  const params = JSON.parse(await page.locator('#url-vocabulary').textContent());
  assert.ok(params.length >= 15 && params.every((p) => p.name), 'the page publishes its URL vocabulary');
  const keys = [...params.map((p) => p.name), ...EXTRA_KEYS];
  // Each parameter's own values, and one past each bound of a number.
  const own = params.flatMap((p) => [...p.values, ...p.values.filter((v) => /^\d+$/.test(v)).map((v) => String(Number(v) + 1))]);
  return { keys, values: [...new Set([...own, ...EXTRA_VALUES])] };
}

function randomQuery(rand, KEYS, VALUES) {
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
  const { keys, values } = await vocabulary(page);
  const bad = [];
  for (let i = 0; i < 250; i++) {
    const query = randomQuery(rand, keys, values);
    const before = problems.length;
    await page.goto(server.base + query);
    await page.locator('.site-header').waitFor();
    // Settled: every job the URL started has answered (a late panic lands on its own URL).
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-working') || document.getElementById('failure-panel'));
    if (await page.locator('#failure-panel').count()) bad.push(`${query}: failure panel`);
    const found = problems.slice(before).filter((p) => !missingArticlePage(p));
    if (found.length) bad.push(`${query}: ${found.join('; ')}`);
  }
  assert.deepEqual(bad, []);
  await context.close();
});

// Links built to cost the most: each loads, answers or says what is wrong,
// and never stops the page (a chain of 4,000 dashes once overflowed the wasm
// stack: a trap, not a panic, and a dead page).
test('links built to cost the most answer or explain, and the page stays alive', async () => {
  const { context, page, problems } = await strictPage(browser);
  const q = (s) => `?q=${encodeURIComponent(s)}`;
  // A text parameter is read up to its bound (1,800 bytes of UTF-8 for q,
  // 900 for kw): past it, the page reads the first part and says so.
  const cases = [
    [q('-'.repeat(4000) + 'wechat'), async () => {
      await page.getByRole('status').filter({ hasText: 'Read only the first 1,800 characters of q (it has 4,006).' }).waitFor();
    }],
    [q('-'.repeat(594) + 'wechat'), async () => {
      await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === '3 of 5 articles');
    }],
    [q('-'.repeat(593) + 'wechat'), async () => {
      await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === '2 of 5 articles');
    }],
    [q('t '.repeat(300)), async () => {
      await page.getByRole('alert').filter({ hasText: 'more than 256 terms' }).waitFor();
    }],
    [q('('.repeat(299) + 'a' + ')'.repeat(299)), async () => {
      await page.getByRole('alert').filter({ hasText: 'Too many nested parentheses' }).waitFor();
    }],
    [`?view=trends&kw=${encodeURIComponent(Array.from({ length: 21 }, (_, i) => `x${i}`).join(','))}`, async () => {
      await page.getByText(/21 keywords: a chart draws at most 20/).waitFor();
    }],
    [`?view=trends&kw=${encodeURIComponent('t* OR '.repeat(200))}`, async () => {
      await page.getByRole('status').filter({ hasText: 'Read only the first 900 characters of kw' }).waitFor();
    }],
  ];
  for (const [url, answered] of cases) {
    await page.goto(server.base + url);
    await answered();
    assert.equal(await page.locator('#failure-panel').count(), 0, url.slice(0, 80));
    // Still alive: typing a new query answers it (the list, or what Trends counts).
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('wechat');
    await page.waitForFunction(() => /\b3 of 5 articles\b/.test(document.body.innerText));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// If a trap ever happens, the reader still gets the failure panel (from
// public/failure.js, which needs no wasm), not a dead page.
test('a WebAssembly trap shows the failure panel', async () => {
  const { context, page } = await strictPage(browser);
  await page.goto(server.base);
  await page.locator('.site-header').waitFor();
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  const panel = page.getByRole('alertdialog', { name: 'Something went wrong' });
  await panel.waitFor();
  assert.match(await panel.innerText(), /WebAssembly stopped: unreachable/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reload');
  await context.close();
});

// URL notices: one status region holding a list without stray bullets.
test('URL notices are a list without bullets in one status region', async () => {
  const { context, page } = await strictPage(browser);
  await page.goto(`${server.base}?zzz=1&view=compare&left=missing`);
  const status = page.getByRole('status').filter({ hasText: 'Ignored the unknown URL parameter' });
  await status.waitFor();
  assert.match(await status.innerText(), /left=missing: there is no article “missing”/);
  const items = status.getByRole('listitem');
  assert.equal(await items.count(), 2);
  assert.equal(await items.first().evaluate((li) => getComputedStyle(li).listStyleType), 'none');
  await context.close();
});
