// Trends end to end: the downloads are files a spreadsheet and an image viewer open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, strictPage } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

test('trends: CSV, SVG and PNG downloads hold the chart and its numbers', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&kw=wechat,baidu`);
  await page.getByRole('table', { name: /Keyword frequency per year/ }).waitFor();

  const csv = await download(page, 'Download CSV');
  assert.equal(csv.name, 'corpus-lens-trends.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lines[0], 'Year,"wechat","baidu",Articles,Words');
  const rows = await page.locator('.trend-table tbody tr').count();
  assert.equal(lines.length - 1, rows, 'one CSV line per table row');
  const y2016 = lines.find((l) => l.startsWith('2016,')).split(',');
  const cells = await page.locator('.trend-table tbody tr', { hasText: '2016' }).locator('td').allTextContents();
  assert.deepEqual(y2016.slice(1, 3), cells.slice(0, 2), 'the CSV has the table\'s numbers');

  const svg = await download(page, 'Download SVG');
  const markup = svg.bytes.toString('utf8');
  assert.match(markup, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(markup, /<title[^>]*>Keyword frequency per year<\/title>/);
  assert.equal((markup.match(/class="series"/g) || []).length, 2);

  const png = await download(page, 'Download PNG');
  assert.equal(png.name, 'corpus-lens-trends.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  const width = png.bytes.readUInt32BE(16), height = png.bytes.readUInt32BE(20);
  assert.deepEqual([width, height], [1520, 680], 'drawn at twice the chart size');
  // An image viewer can decode it: Chromium draws it.
  const decoded = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, png.bytes.toString('base64'));
  assert.deepEqual(decoded, [1520, 680]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('trends: a point, clicked or pressed, lists its year in context; the link opens the article at the match', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&kw=baidu`);
  const point = page.getByRole('button', { name: /^baidu, 2016: \d+ \(1 article\)$/ });
  await point.click();
  await page.getByRole('heading', { name: '2016: keywords in context' }).waitFor();
  assert.match(page.url(), /[?&]at=2016/);
  await page.goBack();
  await page.getByRole('heading', { name: '2016: keywords in context' }).waitFor({ state: 'detached' });
  await point.focus();
  await page.keyboard.press('Enter');
  const lines = page.locator('.kwic a');
  await lines.first().waitFor();
  await lines.nth(1).click();
  await page.getByRole('heading', { level: 2, name: 'Alipay To Allow Users To Interact With Rich Strangers Nearby' }).waitFor();
  assert.equal(await page.locator('mark.current').getAttribute('id'), 'match-1');
  assert.deepEqual(problems, []);
  await context.close();
});

// A chart point reached by keyboard shows it: a thick ring in the focus colour.
test('trends: a focused point has a visible focus ring', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&kw=wechat`);
  const point = page.getByRole('button', { name: /^wechat, 2016: / });
  await point.waitFor();
  await page.keyboard.press('Tab'); // a keyboard user: focus rings show
  await point.focus();
  const style = await point.evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: parseFloat(s.strokeWidth), stroke: s.stroke, focus: getComputedStyle(document.documentElement).getPropertyValue('--focus').trim() };
  });
  assert.ok(style.width >= 4, `stroke width ${style.width}`);
  const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
  assert.equal(style.stroke, rgb(style.focus));
  assert.deepEqual(problems, []);
  await context.close();
});
