// User journeys end to end, as a reader would: by role and accessible name,
// against the release build served from a sub-path, under its CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, strictPage, appShown, offlineAfterFirstVisit } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Opens `url` in a fresh context (as a pasted link would be) and returns what `read` reads there. */
async function freshView(url, read) {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(url);
  const seen = await read(page);
  assert.deepEqual(problems, []);
  await context.close();
  return seen;
}

test('read an article', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.getByRole('heading', { level: 1, name: 'Corpus Lens' }).waitFor();
  await page.getByRole('link', { name: 'Anxious Alipay Has Lost Its Rhythm' }).click();
  await page.getByRole('heading', { level: 2, name: 'Anxious Alipay Has Lost Its Rhythm' }).waitFor();
  assert.match(await page.locator('.article-body').innerText(), /Jack Ma has always held high aspirations for Alipay\./);
  assert.equal(await page.title(), 'Anxious Alipay Has Lost Its Rhythm — Corpus Lens');
  const url = page.url();
  await page.goBack();
  await page.getByRole('link', { name: 'Anxious Alipay Has Lost Its Rhythm' }).waitFor();
  const again = await freshView(url, (p) => p.getByRole('heading', { level: 2 }).innerText());
  assert.equal(again, 'Anxious Alipay Has Lost Its Rhythm');
  assert.deepEqual(problems, []);
  await context.close();
});

test('search, narrow by year, open a result and step through its matches', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.getByLabel('Search articles').fill('wechat');
  const status = page.getByRole('status').filter({ hasText: 'articles' });
  await page.waitForFunction(() => document.querySelector('.result-count').textContent !== '5 of 5 articles');
  assert.match(await status.innerText(), /^[1-4] of 5 articles$/);
  await page.getByRole('checkbox', { name: /^2015/ }).check();
  await page.waitForFunction(() => document.querySelector('.result-count').textContent === '1 of 5 articles');
  await page.waitForURL(/year%3A2015/);
  assert.equal(await page.getByLabel('Search articles').inputValue(), 'wechat year:2015');
  const listUrl = page.url();
  await page.getByRole('link', { name: /real-name social networking/ }).click();
  await page.getByRole('button', { name: 'Next match' }).click();
  await page.getByText(/^Match 1 of \d+$/).waitFor();
  await page.getByRole('button', { name: 'Next match' }).click();
  await page.getByText(/^Match 2 of \d+$/).waitFor();
  assert.equal(await page.locator('mark.current').getAttribute('id'), 'match-1');
  assert.match((await page.locator('mark.current').innerText()).toLowerCase(), /^wechat/);
  // The copied links give the same views.
  const articleUrl = page.url();
  assert.equal(await freshView(listUrl, (p) => p.locator('.result-count').innerText()), '1 of 5 articles');
  // Wait for the article's marks to be drawn, then count them (counting at once raced the page).
  const marks = await freshView(articleUrl, async (p) => {
    await p.locator('.reader mark').first().waitFor();
    return p.locator('.reader mark').count();
  });
  assert.ok(marks > 3, `${marks} marks`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('chart three keywords, switch the measure, click a point and follow a context line', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.getByRole('link', { name: 'Trends' }).click();
  await page.getByLabel('Keywords').fill('wechat, ai, traffic');
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length === 3);
  await page.getByLabel('Measure').selectOption({ label: 'Share of articles' });
  await page.getByRole('table', { name: /Keyword frequency per year \(Share of articles\)/ }).waitFor();
  await page.waitForURL(/kw=wechat/);
  const chartUrl = page.url();
  const table = await page.locator('.trend-table tbody').innerText();
  // The three points of 2025 coincide (all 100%): reach this one by keyboard.
  await page.getByRole('button', { name: /^ai, 2025: / }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '2025: keywords in context' }).waitFor();
  await page.locator('.kwic a').first().click();
  await page.getByRole('heading', { level: 2, name: 'Anxious Alipay Has Lost Its Rhythm' }).waitFor();
  assert.equal(await page.locator('mark.current').getAttribute('id'), 'match-0');
  const again = await freshView(chartUrl, async (p) => {
    await p.locator('svg#trends-chart').waitFor();
    return [await p.locator('svg#trends-chart g.series').count(), await p.locator('.trend-table tbody').innerText()];
  });
  assert.deepEqual(again, [3, table]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare two articles and follow a shared passage', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.getByRole('link', { name: 'Compare' }).click();
  await page.getByLabel('Left article').selectOption('alipay-dilemma-2024');
  await page.getByLabel('Right article').selectOption('anxious-alipay-2025');
  await page.getByRole('spinbutton').fill('3');
  await page.waitForURL(/[?&]n=3/);
  await page.getByText(/^Shared passages \(\d+/).click();
  const first = page.locator('.passage-list button').first();
  await first.click();
  assert.equal(await page.locator('.columns .column:first-child mark.lit').count() > 0, true);
  assert.equal(await page.locator('.columns .column:last-child mark.lit').count() > 0, true);
  // Following a passage (Scroll together on) shows it in both columns: its twin too.
  const passages = await page.locator('.passage-list button').count();
  const offScreen = [];
  for (let k = 0; k < Math.min(passages, 8); k++) {
    await page.locator('.passage-list button').nth(k).click();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shown = await page.evaluate(() => [...document.querySelectorAll('.columns .column')].map((column) => {
      const mark = column.querySelector('mark.lit');
      if (!mark) return 'no lit mark';
      const col = column.getBoundingClientRect();
      const r = mark.getBoundingClientRect();
      return r.top >= col.top && r.top < col.bottom && r.top >= 0 && r.top < innerHeight;
    }));
    if (!shown.every(Boolean)) offScreen.push(`passage ${k}: ${shown}`);
  }
  assert.deepEqual(offScreen, [], 'both twins in sight');
  // The columns scroll together, proportionally; unlinked, they do not.
  const columns = page.locator('.columns .column');
  await columns.first().evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction(() => {
    const [, r] = document.querySelectorAll('.columns .column');
    return r.scrollTop > 0 && Math.abs(r.scrollTop - (r.scrollHeight - r.clientHeight)) <= 2;
  });
  await page.getByLabel('Scroll together').uncheck();
  // Wait for the scroll that would have moved the right column (its event, then a frame).
  await columns.first().evaluate((el) => new Promise((done) => {
    el.addEventListener('scroll', () => requestAnimationFrame(() => requestAnimationFrame(done)), { once: true });
    el.scrollTop = 0;
  }));
  assert.ok(await columns.last().evaluate((el) => el.scrollTop > 0), 'unlinked: the right column stays where it was');
  const similarity = await page.locator('.figures').innerText();
  const again = await freshView(page.url(), (p) => p.locator('.figures').innerText());
  assert.equal(again, similarity);
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline after the first visit', async () => {
  const { context, page, problems } = await strictPage(browser);
  await offlineAfterFirstVisit(context, page, server.base);
  await page.goto(`${server.base}?view=trends&kw=ai`);
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length === 1);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Corpus Lens' }).waitFor();
  // The static pages too.
  await page.goto(`${server.base}articles/anxious-alipay-2025.html`);
  await page.getByRole('heading', { level: 1, name: 'Anxious Alipay Has Lost Its Rhythm' }).waitFor();
  await page.goto(`${server.base}articles/`);
  await page.getByRole('heading', { level: 1, name: 'All articles' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page opened before a new version is published keeps opening every view', async () => {
  // The site as published, in a folder of its own that the test republishes.
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { serve } = await import('../../scripts/lib/static-server.mjs');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-deploy-'));
  fs.cpSync(process.env.DIST || 'dist', root, { recursive: true });
  const site = await serve(root, { prefix: '/sub/path/' });
  const { context, page, problems } = await strictPage(browser);
  try {
    await page.goto(`${site.base}?q=wechat`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForFunction(appShown, null, { timeout: 60000 });
    // A new version: the full build's files are gone under their old names,
    // and a new service worker (another cache) takes over the open page.
    for (const f of fs.readdirSync(path.join(root, 'full'))) fs.rmSync(path.join(root, 'full', f), { recursive: true });
    const sw = path.join(root, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8')
      .replace(/const CACHE = "corpus-lens-([0-9a-f]+)"/, 'const CACHE = "corpus-lens-next$1"')
      .replace(/"\.\/full\/[^"]*",?/g, ''));
    await page.evaluate(async () => {
      const changed = new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      await (await navigator.serviceWorker.getRegistration()).update();
      await changed;
    });
    // The open page still opens a view of the full build, the search kept.
    await page.getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('textbox', { name: 'Keywords' }).fill('ai');
    await page.getByRole('table', { name: /Keyword frequency per year/ }).waitFor({ timeout: 30000 });
    assert.match(page.url(), /view=trends/);
    assert.match(page.url(), /q=wechat/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    site.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the corpus travels once: the list, then a heavier view, fetch the corpus file once, and no build holds it', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const dist = process.env.DIST || 'dist';
  // No build embeds the articles (a sentence of the seed corpus).
  const sentence = 'Alipay began to seek a breakthrough in the siege';
  for (const wasm of ['', 'full', 'own'].flatMap((sub) => fs.readdirSync(path.join(dist, sub)).map((f) => path.join(dist, sub, f)))) {
    if (wasm.endsWith('_bg.wasm')) assert.equal(fs.readFileSync(wasm).includes(sentence), false, `${wasm} embeds the corpus`);
  }
  const { context, page, problems } = await strictPage(browser, { serviceWorkers: 'block' });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.base);
  await page.getByRole('link', { name: 'Trends' }).click();
  await page.getByRole('textbox', { name: 'Keywords' }).fill('ai');
  await page.getByRole('table', { name: /Keyword frequency per year/ }).waitFor();
  assert.ok(fetched.some((p) => /\/full\/corpus-lens-[0-9a-f]+_bg\.wasm$/.test(p)), 'the full build took over');
  assert.deepEqual(fetched.filter((p) => /\.bin$/.test(p)).map((p) => path.basename(p)).map((n) => /^corpus-[0-9a-f]{16}\.bin$/.test(n)), [true], 'one corpus file, fetched once');
  assert.deepEqual(problems, []);
  await context.close();
});
