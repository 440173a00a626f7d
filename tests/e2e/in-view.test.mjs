// What a reader sees of the numbers and the text (issue #24): the words
// next to a match always in view, tables whose columns fit a desktop and
// say where more scroll on a phone, the Trends chart's labels apart and
// its figure light, Compare's lists where they are seen, the phone's tabs
// on one line, and the filters one step away for a keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, strictPage } from './serve.mjs';

const hostileDist = process.env.HOSTILE_DIST;
let server, hostile, browser;
before(async () => {
  server = await serveDist();
  if (hostileDist) hostile = await serveDist(hostileDist);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); hostile?.close(); });

/**
 * For each concordance row: whether the side cells show the words nearest
 * the match (the left cell's text ends at its right edge, the right cell's
 * starts at its left edge), and the cells' texts.
 */
const nearEnds = async (page) => {
  // Every line of the page drawn (its later parts come a frame apart).
  await page.waitForFunction(() => !document.querySelector('.kwic-table tr.pending'));
  return linesNearEnds(page);
};
const linesNearEnds = (page) => page.locator('.kwic-table tbody tr').evaluateAll((rows) => rows.map((tr) => {
  const [l, , r] = tr.querySelectorAll('td');
  const [ls, rs] = [l.querySelector('span'), r.querySelector('span')];
  const [lc, rc, lr, rr] = [l.getBoundingClientRect(), r.getBoundingClientRect(), ls.getBoundingClientRect(), rs.getBoundingClientRect()];
  return {
    left: ls.textContent, right: rs.textContent, dir: ls.getAttribute('dir'),
    leftNear: Math.abs(lr.right - (lc.right - parseFloat(getComputedStyle(l).paddingRight))) <= 1.5,
    rightNear: Math.abs(rr.left - (rc.left + parseFloat(getComputedStyle(r).paddingLeft))) <= 1.5,
    leftCut: lr.left < lc.left, rightCut: rr.right > rc.right,
  };
}));

for (const [width, scheme] of [[1366, 'light'], [390, 'dark']]) {
  test(`at ${width} px (${scheme}) the words next to a match are in view, punctuation and all`, async () => {
    const { context, page, problems } = await strictPage(browser, { viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto(`${server.base}?view=contexts&q=alipay&ctx=25`);
    await page.locator('.kwic-table tbody tr').first().waitFor();
    const rows = await nearEnds(page);
    assert.ok(rows.length > 20);
    assert.deepEqual(rows.filter((r) => !r.leftNear || !r.rightNear), [], 'every side cell shows its near end');
    assert.ok(rows.some((r) => r.leftCut), 'long contexts are cut at their far end');
    assert.ok(rows.some((r) => /[.,;:]\s$/.test(r.left)), 'punctuation before the match is shown');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a right-to-left line keeps its preceding words beside the match, on the right', { skip: !hostileDist && 'HOSTILE_DIST not set' }, async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${hostile.base}?view=contexts&q=${encodeURIComponent('سوقالدفع')}&ctx=25`);
  await page.locator('.kwic-table tbody tr').first().waitFor();
  const [row] = await nearEnds(page);
  assert.equal(row.dir, 'rtl');
  assert.ok(row.leftNear && row.rightNear, JSON.stringify(row));
  assert.match(row.right, /كلمة/, 'the words before the match read on its right');
  assert.match(row.left, /نص/, 'the words after it on its left');
  assert.ok(row.leftCut && row.rightCut, 'both cut at their far ends');
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 1366 px every column of the tables of numbers is in view', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1366, height: 900 } });
  const wide = [];
  for (const [url, ready] of [
    ['?view=words&q=year:2024..2025', '.words-keyness tbody tr'],
    ['?view=words', '.words-trends tbody tr'],
    ['?view=contexts&q=alipay', '.collocates tbody tr'],
    ['?view=contexts&q=alipay', '.dispersion tbody tr'],
    ['?view=contexts&q=alipay', '.kwic-table tbody tr'],
  ]) {
    await page.goto(server.base + url);
    await page.locator(ready).first().waitFor();
    const over = await page.locator('.table-wrap').evaluateAll((ws) => ws
      .filter((w) => w.scrollWidth > w.clientWidth + 1)
      .map((w) => `${w.querySelector('caption')?.textContent}: ${w.scrollWidth} of ${w.clientWidth} px`));
    wide.push(...over.map((o) => `${url}: ${o}`));
  }
  assert.deepEqual(wide, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone: the tabs on one line, no keyboard hint, the word and its statistics first', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(`${server.base}?view=words&q=year:2024..2025`);
  await page.locator('.words-keyness tbody tr').first().waitFor();
  const tops = await page.locator('.views li').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().top));
  assert.equal(new Set(tops).size, 1, `the five tabs on one line: ${tops}`);
  assert.equal(await page.locator('.keys-hint').isVisible(), false, 'no "Press / to search" on a touch screen');
  // The word and its first figures are in the screen's width; more columns scroll, with a cue.
  const cells = await page.locator('.words-keyness tbody tr').first().locator('th, td').evaluateAll((cs) => cs.slice(0, 2).map((c) => c.getBoundingClientRect().right));
  assert.ok(cells.every((r) => r <= 390), `${cells}`);
  const cue = await page.locator('.words-keyness .table-wrap').first().evaluate((w) => getComputedStyle(w).backgroundImage);
  assert.match(cue, /gradient/, 'a shadow shows where more columns scroll');
  // The intro says what the views are for.
  await page.goto(server.base);
  assert.match(await page.locator('.intro').innerText(), /Trends.*Compare.*Words.*Contexts/s);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard reaches a view\'s own controls past the filters in one step', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.base}?view=compare`);
  await page.locator('.facets .skip-link').focus();
  assert.equal(await page.locator('.facets .skip-link').isVisible(), true, 'shown when focused');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'choose-left');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Trends on a phone: year labels apart; the figure is light from a dark page', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 }, colorScheme: 'dark', acceptDownloads: true });
  await page.goto(`${server.base}?view=trends&kw=wechat,ai,alipay&measure=share`);
  await page.locator('svg#trends-chart g.series').first().waitFor();
  const boxes = await page.locator('svg#trends-chart text[text-anchor=middle]').evaluateAll((ts) => ts
    .filter((t) => /^\d{4}$/.test(t.textContent)).map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.right]; }));
  assert.ok(boxes.length >= 2);
  for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i][0] > boxes[i - 1][1], `year labels ${i - 1} and ${i} overprint: ${JSON.stringify(boxes)}`);
  // A share is a percentage, in the table as on the axis.
  assert.match(await page.locator('.trend-table tbody td').first().innerText(), /%$/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  const svg = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(svg, /<rect width="760" height="[\d.]+" fill="#ffffff"\/>/, 'a light figure');
  assert.match(svg, />wechat \(circle\)<\/text>/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Compare: the lists are seen on the first screen of a desktop', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.base}?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025`);
  await page.locator('.word-lists').waitFor();
  const top = await page.locator('.word-lists').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top < 900, `the lists start ${top} px down`);
  assert.match(await page.locator('.figures .standing').innerText(), /of the left article's 4 pairs/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone: filters opened leave the results in reach, the reader starts with its text, Compare has no scroll box inside the page', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}?q=alipay`);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const first = await page.locator('.results .result').first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(first < 844, `the first result starts ${first} px down with the filters open`);
  await page.goto(`${server.base}?article=anxious-alipay-2025`);
  const body = await page.locator('.article-body p').first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
  assert.ok(body < 844, `the text starts ${body} px down`);
  await page.goto(`${server.base}?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025`);
  await page.locator('.columns .column').first().waitFor();
  assert.deepEqual(await page.locator('.columns .column').evaluateAll((cs) => cs.map((c) => getComputedStyle(c).overflowY)), ['visible', 'visible']);
  await page.goto(`${server.base}?view=trends&kw=wechat,ai`);
  const caption = await page.locator('.trend-table caption').evaluate((c) => c.getBoundingClientRect().right);
  assert.ok(caption <= 390, `the table's caption ends at ${caption} px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the search box says its example whole at 1366 px; Words\' controls look like the others\'', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.base}?view=words`);
  const [text, room] = await page.getByRole('searchbox', { name: 'Search articles' }).evaluate((box) => {
    const ctx = document.createElement('canvas').getContext('2d');
    const style = getComputedStyle(box);
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    return [ctx.measureText(box.placeholder).width, box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
  });
  assert.ok(text <= room, `the placeholder takes ${text} px of ${room}`);
  const radius = await page.locator('.list-controls input[type=number]').first().evaluate((e) => getComputedStyle(e).borderRadius);
  assert.equal(radius, '6px');
  // "(est.)" is explained where it is first seen: in the list's intro, and on the date itself.
  await page.goto(server.base);
  assert.match(await page.locator('.intro').innerText(), /\(est\.\) is estimated/);
  assert.match(await page.locator('.result-meta time', { hasText: '(est.)' }).first().getAttribute('title'), /^Estimated date/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a chart the browser cannot draw as an image says so', async () => {
  const { context, page, problems } = await strictPage(browser);
  // As a browser that cannot read the SVG would: the image fails to load.
  await page.addInitScript(() => {
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    Object.defineProperty(HTMLImageElement.prototype, 'src', { get: src.get, set(v) { src.set.call(this, String(v).startsWith('blob:') ? 'data:image/svg+xml,%3Cnot-svg' : v); } });
  });
  await page.goto(`${server.base}?view=trends&kw=wechat`);
  await page.locator('svg#trends-chart g.series').first().waitFor();
  await page.getByRole('button', { name: 'Download PNG' }).click();
  await page.getByRole('status').filter({ hasText: 'No PNG could be made' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('"What these numbers mean" leads to the formulas, on a page of the site', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=contexts&q=alipay`);
  const meaning = page.locator('.collocates details.meaning');
  await meaning.locator('summary').click();
  await meaning.getByRole('link', { name: 'The formulas, with their sources' }).click();
  await page.waitForURL(/docs\/statistics\.html#collocates-logdice-mi-t-score-and-log-likelihood$/);
  await page.getByRole('heading', { level: 2, name: 'Collocates: logDice, MI, T-score and log-likelihood' }).waitFor();
  assert.match(await page.locator('main.doc').innerText(), /logDice = 14 \+ log2/);
  assert.deepEqual(problems, []);
  await context.close();
});
