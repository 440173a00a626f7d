// Accessibility, measured with axe-core in both themes on every view (list,
// results, a search finding nothing, the reader, trends with a year's
// contexts open, compare with a pair and with Most similar, URL notices,
// the panel of your own files, a link to a corpus this browser lacks,
// the static pages; the prerendered page before its wasm runs):
// no violation of impact serious or critical. And on a phone, the first
// result is in sight (facets behind "Filters") and Compare's texts start
// within the first screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serveDist, launch, strictPage, layOutEverything } from './serve.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Each view, with what shows it is drawn. */
const VIEWS = [
  ['list', '', '.results .result'],
  ['results', '?q=wechat%20OR%20alipay', '.results mark'],
  ['no match', '?q=yuebao', '.no-match'],
  ['reader', '?article=anxious-alipay-2025&q=alipay', '.reader mark'],
  ['trends with contexts', '?view=trends&kw=wechat,ai&at=2015', '.year-contexts .kwic mark'],
  ['trends by month, articles left out', '?view=trends&kw=wechat,ai&grain=month&at=2016-09', '.year-contexts .kwic mark'],
  ['trends split by tag, a filtered line, attention as shares', '?view=trends&kw=wechat,ai%20%40%20year%3A2024..&split=tag&attn=share&q=alipay', '#trends-chart g.series'],
  ['contexts by month', '?view=contexts&q=wechat&grain=month', '.period-strip li'],
  ['trends by week, a table drawn near its view', '?view=trends&kw=wechat&grain=week', '.trend-table tbody tr[aria-rowindex]'],
  ['words by week, a list in its own box', '?view=words&grain=week', '.year-bars li[aria-posinset]'],
  // Its collocates too: axe looked once at a table still being counted
  // (a scrollable box with nothing yet to focus) and failed.
  ['contexts by week, a strip by a coarser grain', '?view=contexts&q=wechat&grain=week', ['.period-strip li', '.collocates tbody tr']],
  ['compare', '?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025&n=3', '.columns mark.passage'],
  ['most similar', '?view=compare&left=alipay-dilemma-2024', '.similar-list li'],
  ['words', '?view=words&q=year:2024..2025', '.words-keyness tbody tr'],
  ['contexts', '?view=contexts&q=wechat', '.collocates tbody tr'],
  ['notices', '?zzz=1&sort=sideways&view=compare&left=missing', '.notices li'],
  ['your own files', '?files=1', '#your-files .pickers'],
  ['a corpus not held', '?corpus=nowhere', '.missing .notice'],
  ['static article page', 'articles/anxious-alipay-2025.html', '.article-body p'],
  ['static list of all articles', 'articles/', 'ol.results a'],
  ['formulas', 'docs/statistics.html', 'main.doc h2'],
];

for (const [scheme, width] of [['light', 1366], ['dark', 1366], ['light', 390], ['dark', 390]]) {
  test(`axe finds nothing serious or critical, ${scheme} theme, ${width} px`, async () => {
    const { context, page, problems } = await strictPage(browser, { colorScheme: scheme, viewport: { width, height: 900 } });
    const found = [];
    for (const [name, url, ready] of VIEWS) {
      await page.goto(server.base + url);
      for (const selector of [ready].flat()) await page.locator(selector).first().waitFor();
      // Evaluated through the DevTools protocol: the page's CSP stays as it is.
      await page.evaluate(axeSource);
      await page.evaluate(layOutEverything);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      for (const v of violations) found.push(`${name}: ${v}`);
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('axe finds nothing serious or critical in the prerendered page, before the app runs', async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true });
  await page.route('**/*_bg.wasm', () => {}); // never answered: the app does not start
  await page.goto(server.base);
  await page.locator('#prerendered .results .result').first().waitFor();
  await page.evaluate(axeSource);
  await page.evaluate(layOutEverything);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems.filter((p) => !p.includes('_bg.wasm')), []);
  await context.close();
});

test('on a phone the first result is in sight, the facets behind "Filters"', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}?q=alipay%20year:2015..2025`);
  const filters = page.getByRole('button', { name: 'Filters (1 active)' });
  await filters.waitFor();
  assert.equal(await filters.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('group', { name: /^Year/ }).isVisible(), false);
  const top = await page.locator('.results .result').first().evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top < 844, `first result at ${top} px`);
  await filters.click();
  assert.equal(await filters.getAttribute('aria-expanded'), 'true');
  await page.getByRole('checkbox', { name: /^2016/ }).waitFor();
  // At desktop width the facets are always shown, with no button.
  await page.setViewportSize({ width: 1366, height: 800 });
  assert.equal(await page.getByRole('button', { name: /^Filters/ }).isVisible(), false);
  assert.equal(await page.getByRole('group', { name: /^Year/ }).isVisible(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone Compare fits, its lists start within the first screens and its texts soon after', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025`);
  await page.locator('.columns .column').first().waitFor();
  const m = await page.evaluate(() => ({
    listsTop: document.querySelector('.word-lists').getBoundingClientRect().top + scrollY,
    textsTop: document.querySelector('.columns').getBoundingClientRect().top + scrollY,
    wide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
  assert.equal(m.wide, false);
  assert.ok(m.listsTop < 1.5 * 844, `the lists start ${m.listsTop} px down`);
  assert.ok(m.textsTop < 2.5 * 844, `texts start ${m.textsTop} px down`);
  assert.deepEqual(problems, []);
  await context.close();
});
