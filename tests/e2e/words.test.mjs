// The Words view end to end, as a reader would: narrow to a year range, read
// its keywords, follow one to its trend, download a list and check that it
// holds the table's numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, strictPage } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The rows of a CSV as written by the page (quoted cells, no newlines inside). */
function parseCsv(text) {
  return text.trim().split('\r\n').map((line) => {
    const cells = [];
    let cell = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    return cells;
  });
}

test('words: a year range, its keywords, a word to its trend, a CSV with the table\'s numbers', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Words' }).click();
  await page.getByRole('heading', { level: 3, name: 'Summary' }).waitFor();
  await page.getByLabel('Search articles').fill('year:2024..2025');
  const over = page.getByRole('table', { name: /^Over-represented/ });
  await over.waitFor();
  const words = await over.locator('tbody th > a:first-child').allTextContents();
  assert.ok(words.includes('traffic') && words.includes('ai'), words.join(', '));
  // Download the keywords: the CSV holds the table's numbers.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: keywords of the selection' }).click()]);
  const rows = parseCsv(fs.readFileSync(await dl.path(), 'utf8'));
  assert.deepEqual(rows[0], ['Represented', 'Word', 'Other forms', 'Selection', 'Reference', 'Selection per 10,000', 'Reference per 10,000', 'G²', 'Log ratio',
    'Compared with', 'Selection words', 'Reference words', 'Significance', 'Least G²', 'Word forms', 'Stop words', 'Search', 'Corpus']);
  const col = (name) => rows[0].indexOf(name);
  assert.ok(rows.slice(1).every((r) => r[col('Compared with')] === 'Rest of the corpus' && r[col('Search')] === 'year:2024..2025'
    && r[col('Significance')] === 'p < 0.01'), 'every row says what it was made from');
  const traffic = rows.find((r) => r[0] === 'over' && r[1] === 'traffic');
  const cells = await over.getByRole('row', { name: /^traffic/ }).locator('td').allTextContents();
  assert.equal(traffic[3], cells[0], 'selection count');
  assert.equal(traffic[4], cells[1], 'reference count');
  assert.equal(Number(traffic[7]).toFixed(2), cells[4], 'G²');
  // Follow a word to its trend.
  await over.getByRole('link', { name: 'Trend of traffic' }).click();
  await page.getByRole('heading', { level: 2, name: 'Trends' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Keywords', exact: true }).inputValue(), 'traffic');
  assert.deepEqual(problems, []);
  await context.close();
});

test('words: the reader\'s own stop words, by keyboard alone, in the address, in the export, and axe', async () => {
  const { createRequire } = await import('node:module');
  const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 390, height: 900 } });
  await page.goto(server.base + '?view=words');
  const freq = page.getByRole('table', { name: /^Word frequencies/ });
  await freq.locator('tbody tr').first().waitFor();
  const listed = async () => freq.locator('tbody th > a:first-child').allTextContents();
  assert.equal((await listed())[0], 'alipay');
  // Keyboard only: the disclosure, the field, Enter.
  const summary = page.locator('.words .stop-list summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Words to leave out or keep' });
  await field.focus();
  await page.keyboard.type('Alipay, wechat');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('addstop') === 'alipay,wechat');
  await page.waitForFunction(() => ![...document.querySelectorAll('.words-frequencies tbody th > a:first-child')].some((a) => a.textContent === 'alipay'));
  assert.ok(!(await listed()).includes('wechat'));
  // Keep a word of the list: "the" comes back.
  await field.fill('the');
  await page.getByRole('button', { name: 'Keep' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.words-frequencies tbody th > a:first-child')].some((a) => a.textContent === 'the'));
  assert.equal(new URL(page.url()).searchParams.get('keepstop'), 'the');
  // The export names the lists and the edits.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: word frequencies' }).click()]);
  const rows = parseCsv(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(rows[1][rows[0].indexOf('Stop words')], "Left out: English (Corpus Lens' own list); added: alipay, wechat; kept: the");
  // Each word of the reader's own is a button that takes it back.
  await page.getByRole('button', { name: 'Stop leaving out “alipay”' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('addstop') === 'wechat');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document.querySelector('.stop-list'), { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});
