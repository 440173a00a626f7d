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
