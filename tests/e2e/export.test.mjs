// The export round trip (issue #25): a corpus imported in the page is
// downloaded as a zip of the project's corpus format, which the build's
// own loader reads as it is (lens-site, as scripts/build-site.sh runs it,
// validates it with corpus::load and writes its pages), and which, opened
// in the page again, gives the same articles and the same counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, strictPage, writeTree } from './serve.mjs';

let server, browser, work;
before(async () => {
  server = await serveDist();
  browser = await launch();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-export-'));
  const put = (name, text) => writeTree(work, { [name]: text });
  put('notes/2017-02-03 Quay.txt', 'The quay\n\nThe quay was rebuilt in stone; the old timber went for firewood.');
  put('notes/tides.md', '---\ntitle: "Tides: a note"\ndate: 3 March 2018\nauthor: [A. Writer, B. Writer]\ntags: [tides]\n---\n\n## Spring\n\nSpring tides reach the steps.\n\n# Not a title\n\nA paragraph after a heading.');
  put('notes/page.html', '<html lang="fr"><head><title>Le port</title><meta name="date" content="2019-04-05"><script>alert(1)</script></head><body><main><h1>Le port</h1><p>Le port &amp; la digue, <b>en 2019</b>.</p></main></body></html>');
});
after(async () => {
  await browser?.close();
  server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The corpus line of the header, and the titles and dates of the list. */
const shown = (page) => page.evaluate(() => ({
  count: document.querySelector('.corpus-count').textContent.trim(),
  articles: [...document.querySelectorAll('.results .result')].map((li) => [
    li.querySelector('.result-title').textContent, li.querySelector('time')?.getAttribute('datetime'),
  ]).sort(),
}));

test('an imported corpus exports as the corpus format: the loader reads it, and it opens again the same', async () => {
  const { context, page, problems } = await strictPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.base}?files=1`);
  await page.locator('#your-files input[type=file]').nth(1).setInputFiles(path.join(work, 'notes'));
  const report = page.locator('.import-report');
  await report.getByLabel('Name').fill('Harbour notes');
  await report.getByRole('button', { name: 'Explore 3 articles' }).click();
  await page.waitForURL(/\?corpus=harbour-notes$/);
  await page.locator('#app:not([hidden]) .results .result').first().waitFor();
  const before = await shown(page);
  assert.equal(before.articles.length, 3);

  await page.getByRole('link', { name: 'Your own files' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export “Harbour notes” as a zip' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'harbour-notes.zip');
  const zip = path.join(work, 'export.zip');
  await download.saveAs(zip);

  // The build's loader reads it as it is, and writes a page per article.
  const unpacked = path.join(work, 'unpacked');
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, unpacked]);
  const dir = path.join(unpacked, 'harbour-notes');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['corpus.toml', 'page.md', 'tides.md', '2017-02-03-quay.md'].sort());
  assert.match(fs.readFileSync(path.join(dir, 'page.md'), 'utf8'), /date_basis = "imported: the file's date field"/);
  const site = path.join(work, 'site');
  fs.mkdirSync(site);
  // lens-site writes into a built site, whose page names the corpus file.
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  execFileSync('cargo', ['run', '--quiet', '-p', 'lens-engine', '--features', 'site', '--bin', 'lens-site', '--', dir, site, 'main.css'], {
    env: { ...process.env, CARGO_TARGET_DIR: path.join(process.env.CORPUS_LENS_CACHE || path.join(os.homedir(), '.cache/corpus-lens'), 'target-dev') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const index = fs.readFileSync(path.join(site, 'articles', 'index.html'), 'utf8');
  const built = [...index.matchAll(/class="result-title" href="[^"]*">([^<]*)<\/a><p class="result-meta"><time datetime="([^"]*)"/g)]
    .map((m) => [m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'"), m[2]]).sort();
  assert.deepEqual(built, before.articles, 'the built pages list the same articles, with the same dates');
  assert.match(index, /Harbour notes/);

  // Opened in the page again: the same articles, the same counts.
  await page.locator('#your-files input[type=file]').first().setInputFiles(zip);
  const again = page.locator('.import-report');
  await again.getByRole('button', { name: 'Explore 3 articles' }).click();
  await page.waitForURL(/\?corpus=harbour-notes-2$/);
  await page.locator('#app:not([hidden]) .results .result').first().waitFor();
  assert.deepEqual(await shown(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});
