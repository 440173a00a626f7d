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
  await page.goto(`${server.base}?view=trends&kw=wechat,baidu&q=alipay&measure=per10k&smooth=1`);
  await page.getByRole('table', { name: /Keyword frequency per year/ }).waitFor();
  const stem = 'alipay-in-china-s-payment-market-trends-wechat-baidu-year-per10k-q-alipay-smooth-1';

  const csv = await download(page, 'Download CSV');
  assert.equal(csv.name, `${stem}.csv`, 'named from what it holds');
  const lines = csv.bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lines[0], '"Year","wechat","baidu","Articles","Words","Grain","Measure","Smoothing","Search","Corpus"');
  const rows = await page.locator('.trend-table tbody tr').count();
  assert.equal(lines.length - 1, rows, 'one CSV line per table row');
  const tail = ',"Year","Per 10,000 words",1,"alipay","Alipay in China\'s payment market"';
  assert.ok(lines.slice(1).every((l) => l.endsWith(tail)), 'every row says where it comes from');
  const y2016 = lines.find((l) => l.startsWith('2016,')).split(',');
  const cells = await page.locator('.trend-table tbody tr', { hasText: '2016' }).locator('td').allTextContents();
  assert.equal(y2016.length, 11);
  assert.ok(cells.length >= 2);

  const svg = await download(page, 'Download SVG');
  assert.equal(svg.name, `${stem}.svg`);
  const markup = svg.bytes.toString('utf8');
  assert.match(markup, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(markup, /<title[^>]*>Keyword frequency per year<\/title>/);
  assert.equal((markup.match(/class="series"/g) || []).length, 2);
  assert.match(markup, />Keyword frequency per year — Alipay in China&#39;s payment market<\/text>/, 'the corpus');
  assert.match(markup, />Per 10,000 words · search “alipay” \(5 of 5 articles\) · smoothing 1 year either side<\/text>/, 'measure, search, smoothing');
  assert.match(markup, />wechat \(circle\)<\/text>/, 'the legend');
  assert.match(markup, />baidu \(square\)<\/text>/);
  const svgHeight = Number(markup.match(/height="([\d.]+)"/)[1]);

  const png = await download(page, 'Download PNG');
  assert.equal(png.name, `${stem}.png`);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  const width = png.bytes.readUInt32BE(16), height = png.bytes.readUInt32BE(20);
  assert.deepEqual([width, height], [1520, svgHeight * 2], 'drawn at twice the file\'s size, heading and legend included');
  // An image viewer can decode it: Chromium draws it.
  const decoded = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, png.bytes.toString('base64'));
  assert.deepEqual(decoded, [1520, svgHeight * 2]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('trends: a point, clicked or pressed, lists its year in context; the link opens the article at the match', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&kw=baidu`);
  const point = page.getByRole('button', { name: /^baidu, 2016: \d+ \(1 article\)$/ });
  await point.click();
  const heading = page.getByRole('heading', { name: '2016: keywords in context' });
  await heading.waitFor();
  assert.match(page.url(), /[?&]at=2016/);
  // The contexts take the focus, in sight; a button leads back to the point.
  const seen = async () => page.evaluate(() => {
    const h = document.activeElement;
    const r = h.getBoundingClientRect();
    return { focused: h.textContent, inView: r.top >= 0 && r.bottom <= innerHeight };
  });
  await page.waitForFunction(() => document.activeElement?.id === 'year-contexts-heading');
  assert.deepEqual(await seen(), { focused: '2016: keywords in context', inView: true });
  await page.getByRole('button', { name: '↑ Back to 2016 on the chart' }).click();
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^baidu, 2016: /);
  await page.goBack();
  await heading.waitFor({ state: 'detached' });
  await point.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'year-contexts-heading');
  assert.deepEqual(await seen(), { focused: '2016: keywords in context', inView: true }, 'Enter too');
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
  const style = await point.locator('.point').evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: parseFloat(s.strokeWidth), stroke: s.stroke, focus: getComputedStyle(document.documentElement).getPropertyValue('--focus').trim() };
  });
  assert.ok(style.width >= 4, `stroke width ${style.width}`);
  const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
  assert.equal(style.stroke, rgb(style.focus));
  assert.deepEqual(problems, []);
  await context.close();
});

// On a phone the chart is laid out for its width: 12 px text, 24 px pointer
// targets; the table scrolls sideways with its Year column fixed, headers whole.
test('trends at 390 px: readable chart, big enough targets, a table that scrolls', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}?view=trends&kw=wechat,baidu,ai,traffic,"mobile payment",social`);
  await page.locator('svg#trends-chart .point-target').first().waitFor();
  const m = await page.evaluate(() => {
    const svg = document.querySelector('svg#trends-chart');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const fonts = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
    const targets = [...svg.querySelectorAll('.point-target')].map((p) => p.getBoundingClientRect()).map((r) => Math.min(r.width, r.height));
    const heads = [...document.querySelectorAll('.trend-table thead th')].map((th) => th.scrollWidth <= th.clientWidth + 1);
    const box = document.querySelector('.trend-table').closest('.table-scroll');
    return { minFont: Math.min(...fonts), minTarget: Math.min(...targets), headsWhole: heads.every(Boolean), scrolls: box.scrollWidth > box.clientWidth };
  });
  assert.ok(m.minFont >= 11, `text at ${m.minFont} px`);
  assert.ok(m.minTarget >= 24, `targets ${m.minTarget} px`);
  assert.ok(m.headsWhole, 'no header clipped');
  assert.ok(m.scrolls, 'six keywords: the table scrolls sideways');
  await page.locator('.table-scroll:has(.trend-table)').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  const year = await page.evaluate(() => {
    const th = document.querySelector('.trend-table tbody th');
    const box = document.querySelector('.trend-table').closest('.table-scroll').getBoundingClientRect();
    return th.getBoundingClientRect().left - box.left;
  });
  assert.ok(Math.abs(year) <= 2, `the Year column stays at the left edge (${year} px)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('trends: a grain chosen cuts time into its periods, says what it leaves out, and a period lists its contexts with its dates', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&kw=wechat`);
  const grain = page.getByLabel('Grain');
  // The seed's dates: two are years only, so Auto keeps years.
  assert.equal(await grain.inputValue(), 'auto');
  assert.match(await grain.locator('option[value="auto"]').textContent(), /^Auto \(year\)$/);
  await grain.selectOption('month');
  await page.waitForURL(/[?&]grain=month/);
  await page.getByRole('table', { name: /Keyword frequency per month/ }).waitFor();
  const first = await page.locator('.trend-table tbody th').first().textContent();
  assert.equal(first, 'Sep 2016', 'from the first article dated by its month');
  assert.equal(await page.locator('.trend-table thead th').first().textContent(), 'Month');
  // The two year-only articles are left out, and said so, with the way back.
  const notice = page.locator('.left-out');
  assert.match(await notice.textContent(), /^2 articles counted are dated less precisely than a month: left out here/);
  // 101 months: the table draws the rows near its view and says it has 101;
  // Tab goes from row to row past those first drawn, each coming into view.
  assert.equal(await page.locator('.trend-table').getAttribute('aria-rowcount'), '102');
  const drawnAtFirst = await page.locator('.trend-table tbody tr[data-period]').count();
  assert.ok(drawnAtFirst < 60, `${drawnAtFirst} rows drawn`);
  await page.getByRole('button', { name: 'Sep 2016: show keywords in context' }).focus();
  for (let i = 1; i <= drawnAtFirst + 10; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const row = document.activeElement.closest('.trend-table tr');
      const box = document.activeElement.closest('.table-scroll').getBoundingClientRect();
      const r = document.activeElement.getBoundingClientRect();
      return { index: Number(row?.getAttribute('aria-rowindex')), seen: r.top >= box.top && r.bottom <= box.bottom };
    });
    assert.deepEqual(at, { index: 2 + i, seen: true }, `Tab ${i}`);
  }
  // A row (the chart marks only every few points) opens its month, with its dates.
  await page.locator('.trend-table').evaluate((t) => { t.closest('.table-scroll').scrollTop = 0; });
  await page.getByRole('button', { name: 'Sep 2016: show keywords in context' }).click();
  await page.getByRole('heading', { name: 'Sep 2016 (1 Sep 2016 – 30 Sep 2016): keywords in context' }).waitFor();
  assert.match(page.url(), /[?&]at=2016-09/);
  // Back to its row from far down the table: the row is drawn again, and focused.
  await page.locator('.trend-table').evaluate((t) => { t.closest('.table-scroll').scrollTop = 1e6; });
  await page.waitForFunction(() => !document.querySelector('.trend-table tr[data-period="2016-09"]'));
  await page.getByRole('button', { name: 'Back to Sep 2016 on the chart' }).click();
  await page.waitForFunction(() => document.activeElement?.closest('tr')?.dataset.period === '2016-09');
  await notice.getByRole('link', { name: 'Show by year to include them' }).click();
  await page.waitForURL((u) => !/[?&]grain=/.test(u.search) || /grain=year/.test(u.search));
  await page.getByRole('table', { name: /Keyword frequency per year/ }).waitFor();
  assert.equal(await page.locator('.left-out').count(), 0);
  assert.doesNotMatch(page.url(), /[?&]at=/, 'the month is no period of the year grain');
  assert.deepEqual(problems, []);
  await context.close();
});

test('trends: attention over time counts the matching articles per period; a point narrows the search to its period', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&q=wechat`);
  await page.getByRole('heading', { name: 'Articles matching the search per year' }).waitFor();
  // Its numbers: the matching articles of each year, and all of them.
  await page.getByText('The numbers, a period a row').click();
  const rows = await page.locator('.attention-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
  assert.ok(rows.length >= 4, JSON.stringify(rows));
  for (const [, m, all, share] of rows) {
    assert.ok(Number(m) <= Number(all), `${m} of ${all}`);
    assert.equal(share, `${(Number(m) / Number(all) * 100).toFixed(2)}%`);
  }
  // Shown, not only in the document: a row's button is seen and chosen.
  const firstYear = page.locator('.attention-table tbody th button').first();
  assert.ok(await firstYear.isVisible(), 'the table is seen once opened');
  await firstYear.click({ trial: true });
  await page.getByLabel('Show').selectOption('share');
  await page.waitForURL(/[?&]attn=share/);
  await page.getByRole('heading', { name: 'Share of articles matching the search per year' }).waitFor();
  // A point chosen narrows the search to its year.
  await page.locator('#attention-chart .point-target').first().click();
  await page.waitForURL(/[?&]q=wechat(\+|%20)year%3A\d{4}/);
  assert.match(await page.getByLabel('Search articles').inputValue(), /^wechat year:\d{4}$/);
  assert.deepEqual(problems, []);
  await context.close();
});
