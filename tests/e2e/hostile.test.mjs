// A hostile corpus (tests/e2e/make-hostile-corpus.mjs) builds, loads and
// renders as inert text: no injected script or handler ever runs.
// Run with HOSTILE_DIST pointing at its release build; skipped (loudly) without.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, strictPage } from './serve.mjs';

const dist = process.env.HOSTILE_DIST;
let server, browser;
before(async () => { if (dist) { server = await serveDist(dist); browser = await launch(); } });
after(async () => { await browser?.close(); server?.close(); });

const pwned = (page) => page.evaluate(() => window.__pwned);

/** The link the browser reports (`navigator.connection`): the loader reads it. */
const reportLink = (reported) => Object.defineProperty(navigator, 'connection', { value: reported, configurable: true });

test('hostile article text renders as inert text', { skip: !dist && 'HOSTILE_DIST not set' }, async () => {
  const { context, page, problems } = await strictPage(browser);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.addInitScript(reportLink, { downlink: 10, saveData: false });
  await page.goto(server.base);
  await page.locator('.corpus-count', { hasText: '10,004 articles' }).waitFor();
  await page.getByLabel('Search articles').fill('title:hostile');
  await page.getByRole('link', { name: /^Hostile title/ }).click();
  await page.getByRole('heading', { level: 2, name: /Hostile title <img src=x onerror=/ }).waitFor();
  const reader = page.locator('.reader');
  await reader.hover();
  await page.locator('.meta').hover();
  assert.equal(await reader.locator('img, script, iframe, svg, style, b, i').count(), 0, 'no element from article text');
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0, 'a javascript: URL is never a link');
  assert.match(await reader.innerText(), /<script>window.__pwned=7<\/script>/);
  assert.match(await reader.innerText(), /javascript:window.__pwned=5/);
  assert.equal(await pwned(page), undefined);
  // A facet value full of quotes is picked and un-picked like any other
  // (the query escapes it: source:"\"><svg …").
  await page.goto(server.base);
  const source = page.getByRole('checkbox', { name: /^"><svg onload=/ });
  await source.check();
  await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === '1 of 10,004 articles');
  assert.ok(await source.isChecked());
  await source.uncheck();
  await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === '10,004 of 10,004 articles');
  assert.equal(await page.getByLabel('Search articles').inputValue(), '');
  // Its Chinese, Japanese and Thai words: found as words, marked as text.
  for (const [q, mark] of [['新幹線', '新幹線'], ['มือถือ', 'โทรศัพท์มือถือ'], ['银行', '银行'], ['中国农业', '中国农业']]) {
    await page.getByLabel('Search articles').fill(q);
    await page.waitForFunction((m) => document.querySelector('.result-count')?.textContent === '1 of 10,004 articles'
      && [...document.querySelectorAll('.results .snippet mark')].map((e) => e.textContent).join('') === m, mark);
  }
  await page.getByLabel('Search articles').fill('');
  // Its words were read when the site was built (it has text written
  // without spaces): the page fetched them and no Chinese dictionary.
  assert.ok(asked.some((p) => /\/words-[0-9a-f]{16}\.bin$/.test(p)), `the corpus' words fetched: ${asked.join(' ')}`);
  assert.ok(!asked.some((p) => p.includes('zh-words')), 'the whole Chinese dictionary never fetched');
  await page.goto(`${server.base}?article=safe-link`);
  const link = page.getByRole('link', { name: 'https://example.org/a?b=<c>' });
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await page.goto(`${server.base}?article=one-megabyte-paragraph&q=pwned`);
  await page.getByRole('heading', { level: 2, name: 'A one-megabyte paragraph' }).waitFor();
  await page.goto(`${server.base}?view=trends&kw=pwned,many`);
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length === 2);
  await page.goto(`${server.base}?view=compare&left=hostile&right=safe-link`);
  await page.locator('.figures').waitFor();
  assert.equal(await pwned(page), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [why, lost, connection] of [
  // The words' download fails (a host that lost the file).
  ['their download fails', true, { downlink: 10, saveData: false }],
  // A link slower than 5 Mbit/s: the loader leaves them.
  ['a slow link', false, { downlink: 1.4, saveData: false }],
]) test(`without its words read at build time (${why}) the page reads them itself, to the same results`, { skip: !dist && 'HOSTILE_DIST not set' }, async () => {
  const { context, page, problems } = await strictPage(browser);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  // No error shown: the page tokenizes with the whole dictionary, as a
  // reader's own files are.
  if (lost) await page.route(/\/words-[0-9a-f]{16}\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.addInitScript(reportLink, connection);
  await page.goto(server.base);
  await page.locator('.corpus-count', { hasText: '10,004 articles' }).waitFor();
  for (const [q, mark] of [['新幹線', '新幹線'], ['银行', '银行'], ['中国农业', '中国农业']]) {
    await page.getByLabel('Search articles').fill(q);
    await page.waitForFunction((m) => document.querySelector('.result-count')?.textContent === '1 of 10,004 articles'
      && [...document.querySelectorAll('.results .snippet mark')].map((e) => e.textContent).join('') === m, mark);
  }
  assert.ok(asked.some((p) => p.includes('zh-words')), 'the whole dictionary fetched instead');
  assert.equal(asked.some((p) => /\/words-[0-9a-f]{16}\.bin$/.test(p)), lost, 'the words asked for only on a fast link');
  // A 404 of a file the page can do without is no page error.
  assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), []);
  await context.close();
});

test('the hostile corpus\' static pages and prerendered list are inert text', { skip: !dist && 'HOSTILE_DIST not set' }, async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true });
  await page.goto(`${server.base}articles/hostile.html`);
  await page.getByRole('heading', { level: 1, name: /^Hostile title <img src=x onerror=/ }).waitFor();
  const main = page.locator('main');
  await main.hover();
  await page.locator('.meta').hover();
  assert.equal(await page.locator('body').locator('img, script, iframe, svg, style, b, i').count(), 0, 'no element from the corpus');
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0, 'a javascript: URL is never a link');
  assert.match(await main.innerText(), /<script>window.__pwned=7<\/script>/);
  assert.match(await page.locator('header').innerText(), /Hostile <img src=x onerror=/);
  assert.equal(await pwned(page), undefined);
  // Every article listed, each a link to its page.
  await page.goto(`${server.base}articles/`);
  assert.equal(await page.locator('ol.results a').count(), 10_004);
  assert.equal(await pwned(page), undefined);
  // The prerendered list, read before the app runs.
  await page.route('**/*_bg.wasm', () => {}); // never answered: the app does not start
  await page.goto(server.base);
  await page.locator('#prerendered ol.results li').first().waitFor();
  assert.equal(await page.locator('#prerendered').locator('img, script, iframe, style, b, i').count(), 0);
  assert.equal(await pwned(page), undefined);
  assert.deepEqual(problems.filter((p) => !p.includes('_bg.wasm')), []);
  await context.close();
});

test('with JavaScript off, an article whose id holds a dot opens as its static page', { skip: !dist && 'HOSTILE_DIST not set' }, async () => {
  const { context, page, problems } = await strictPage(browser, { javaScriptEnabled: false });
  await page.goto(server.base);
  await page.getByRole('link', { name: 'A report whose id holds a dot' }).click();
  await page.waitForURL(/\/articles\/report\.2015\.html$/);
  await page.getByRole('heading', { level: 1, name: 'A report whose id holds a dot' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

