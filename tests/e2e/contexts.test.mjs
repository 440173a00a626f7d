// The Contexts view end to end, as a reader would: search a word, sort by
// 1R, open a line at its match, read its collocates, follow one, download
// the concordance and check its lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, strictPage } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('contexts: a word\'s concordance sorted by 1R, a line opened at its match, a collocate followed, the CSV', async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Contexts' }).click();
  await page.getByLabel('Search articles').fill('wechat');
  const table = page.getByRole('table', { name: 'Concordance' });
  await table.locator('tbody tr').first().waitFor();
  const status = await page.locator('.concordance .counting').innerText();
  const total = Number(status.match(/^(\d+) match/)[1]);
  assert.ok(total > 0, status);
  await page.getByRole('combobox', { name: /^Sort lines by/ }).selectOption('1R');
  await page.waitForURL(/[?&]s1=1R/);
  const rights = await table.locator('tbody td.kwic-right').allInnerTexts();
  const firstWords = rights.map((r) => (r.toLowerCase().match(/[\p{L}\p{N}']+/u) || [''])[0].replace(/'s$/, ''));
  assert.deepEqual(firstWords, [...firstWords].sort(), 'sorted by the word right of the match');
  // The CSV holds every line, in the order shown.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: concordance' }).click()]);
  const csv = fs.readFileSync(await dl.path(), 'utf8').trim().split('\r\n');
  assert.equal(csv[0], '"Left context","Match","Right context","Article","Title","Date","Node","Context words","Search","Corpus"');
  assert.ok(csv.slice(1).every((l) => l.endsWith(',"wechat",8,"wechat","Alipay in China\'s payment market"')), 'every line says what it was made from');
  assert.equal(csv.length - 1, total, 'every line, not only the page');
  // Collocates: follow one; the concordance narrows to lines with it nearby.
  const collocate = page.getByRole('table', { name: /^Collocates/ }).locator('tbody th a').first();
  // (Its text whether or not the block is laid out yet: content-visibility.)
  const word = (await collocate.textContent()).trim();
  await collocate.click();
  await page.waitForURL(new RegExp(`[?&]near=${encodeURIComponent(word)}`));
  await page.getByText(`only those with “${word}” nearby`, { exact: false }).waitFor();
  // A line opens its article at that match.
  await table.locator('tbody td.kwic-key a').first().click();
  await page.locator('mark.current').waitFor();
  assert.match((await page.locator('mark.current').innerText()).toLowerCase(), /^wechat/);
  assert.deepEqual(problems, []);
  await context.close();
});
