// A sharded site (SITE_MODE=sharded: the corpus as a sharded static index,
// docs/sharding.md) of a generated corpus of 5,000 articles
// (make-sharded-corpus.mjs), served from a sub-path: the list, the search,
// the facets and the reader as a reader meets them, with counts checked
// against the corpus' own files; a host that ignores Range requests; a
// failed fetch, then its retry; offline after a first visit.
// Run with SHARDED_DIST (the site) and SHARDED_CORPUS (its corpus folder);
// skipped (loudly) without.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveDist, launch, strictPage, layOutEverything } from './serve.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dist = process.env.SHARDED_DIST;
// The same corpus published embedded: each view's numbers are compared.
const embeddedDist = process.env.SHARDED_EMBEDDED;
const corpusDir = process.env.SHARDED_CORPUS;
const skip = !(dist && corpusDir) && 'SHARDED_DIST and SHARDED_CORPUS not set';

/** The corpus as its files say: per article, its fields and its text (title and body), lower-cased. */
function readCorpus() {
  return fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md')).map((f) => {
    const [, front, body] = fs.readFileSync(path.join(corpusDir, f), 'utf8').split('+++');
    const field = (k) => JSON.parse(front.match(new RegExp(`^${k} = (.*)$`, 'm'))[1]);
    return { id: f.slice(0, -3), title: field('title'), source: field('source'), year: field('date').slice(0, 4), body, text: `${field('title')}\n${body}`.toLowerCase() };
  });
}

let server, browser, corpus;
before(async () => {
  if (skip) return;
  corpus = readCorpus();
  server = await serveDist(dist);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/**
 * The sample Contexts reads on a sharded site, by the rule the README
 * states: the `k` articles whose ids hash lowest (64-bit FNV-1a of the id's
 * UTF-8, then SplitMix64's finaliser), written here apart from the engine.
 */
function sampleOf(articles, k) {
  const M = (1n << 64n) - 1n;
  const hash = (id) => {
    let h = 0xcbf29ce484222325n;
    for (const b of Buffer.from(id, 'utf8')) h = ((h ^ BigInt(b)) * 0x100000001b3n) & M;
    h = ((h ^ (h >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    h = ((h ^ (h >> 27n)) * 0x94d049bb133111ebn) & M;
    return h ^ (h >> 31n);
  };
  return articles.map((a) => [hash(a.id), a]).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, k).map((x) => x[1]);
}

const count = (n) => `${n.toLocaleString('en-US')} of ${corpus.length.toLocaleString('en-US')} articles`;
const resultCount = (page, text) => page.waitForFunction((t) => document.querySelector('.result-count')?.textContent === t, text, { timeout: 30000 });

/** Every request for a data file of the index, with its Range header and status. */
function watchPieces(page) {
  const seen = [];
  // Only the requests made from now on (a start-up read still on its way
  // under load is not what the caller does next).
  const asked = new Set();
  page.on('request', (q) => asked.add(q));
  page.on('response', async (r) => {
    if (!/pack-[0-9a-f]{16}\.bin$/.test(r.url()) || !asked.has(r.request())) return;
    seen.push({ range: r.request().headers().range, status: r.status(), bytes: Number(r.headers()['content-length'] ?? 0) });
  });
  return seen;
}

test('a sharded site lists, searches, filters and opens its articles, fetching pieces', { skip }, async () => {
  const { context, page, problems } = await strictPage(browser);
  const pieces = watchPieces(page);
  await page.goto(server.base);
  // The whole list and its facets at once, from the metadata.
  await resultCount(page, count(corpus.length));
  await page.getByText(`${corpus.length.toLocaleString('en-US')} articles`, { exact: false }).first().waitFor();
  // A word: the articles that hold it, as the files say.
  const harbour = corpus.filter((a) => /\bharbour\b/.test(a.text));
  await page.getByLabel('Search articles').fill('harbour');
  await resultCount(page, count(harbour.length));
  // Its snippets come with the texts of the results shown.
  await page.locator('.results .snippet mark').first().waitFor();
  assert.match(await page.locator('.results .snippet mark').first().innerText(), /^harbour$/i);
  // A phrase, checked by positions.
  const phrase = corpus.filter((a) => /\bcity council\b/.test(a.text));
  await page.getByLabel('Search articles').fill('"city council"');
  await resultCount(page, count(phrase.length));
  // A facet: one source among them.
  const source = 'Valley Times';
  const inSource = phrase.filter((a) => a.source === source);
  await page.getByRole('checkbox', { name: new RegExp(`^${source}`) }).check();
  await resultCount(page, count(inSource.length));
  // The reader: the article's own text, fetched when opened.
  const first = page.locator('.results .result-title').first();
  const title = await first.textContent();
  await first.click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
  const article = corpus.find((a) => a.title === title);
  const sentence = article.body.trim().split('\n')[0].split('. ')[0];
  assert.ok((await page.locator('.article-body').innerText()).includes(sentence), `the article's text: ${sentence}`);
  // Pieces came by Range requests, never a whole data file.
  assert.ok(pieces.length > 0);
  assert.deepEqual(pieces.filter((p) => !(p.range && p.status === 206)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Trends on a sharded site: counts per year as the files have them, in one small fetch, and a year's contexts", { skip }, async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(`${server.base}?view=trends&measure=count&grain=year`);
  await page.getByText(`Counting all ${corpus.length.toLocaleString('en-US')} articles.`).waitFor();
  // Once the page has read what it reads at start, a word's counts over the
  // whole corpus are one piece of the index (its month counts), a small one.
  await page.waitForLoadState('networkidle');
  const pieces = watchPieces(page);
  await page.getByLabel('Keywords').fill('harbour');
  const table = page.getByRole('table', { name: /Keyword frequency per year/ });
  await table.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length === 1);
  assert.equal(pieces.length, 1, `one piece: ${JSON.stringify(pieces)}`);
  const [from, to] = pieces[0].range.slice('bytes='.length).split('-').map(Number);
  assert.ok(to - from + 1 <= 20_000, `at most 20 KB: ${to - from + 1} bytes`);
  const want = new Map();
  for (const a of corpus) {
    const n = (a.text.match(/\bharbour\b/g) || []).length;
    if (n) want.set(a.year, (want.get(a.year) ?? 0) + n);
  }
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()]));
  assert.ok(rows.length >= 20);
  for (const [year, cell] of rows) assert.equal(Number(cell.replace(/,/g, '')), want.get(year) ?? 0, `harbour in ${year}`);
  // A selection made with facets alone (a tag, a run of years): the same
  // one piece (the month counts hold each tag's), its articles' counts.
  const politics = corpus.filter((a) => Number(a.id.slice(1)) % 4 === 0 && a.year >= '2005' && a.year <= '2014');
  await page.goto(`${server.base}?view=trends&measure=count&grain=year&q=${encodeURIComponent('tag:politics year:2005..2014')}`);
  await page.getByText(`Counting the ${politics.length.toLocaleString('en-US')} of `).first().waitFor();
  await page.waitForLoadState('networkidle');
  const tagged = watchPieces(page);
  await page.getByLabel('Keywords').fill('harbour');
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length === 1);
  assert.equal(tagged.length, 1, `one piece: ${JSON.stringify(tagged)}`);
  const inTag = new Map();
  for (const a of politics) inTag.set(a.year, (inTag.get(a.year) ?? 0) + (a.text.match(/\bharbour\b/g) || []).length);
  const tagRows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()]));
  // (Every year of the corpus is a row: none outside the selection's counts.)
  assert.ok([...inTag.keys()].every((y) => tagRows.some(([r]) => r === y)));
  for (const [year, cell] of tagRows) {
    const n = Number(cell.replace(/,/g, ''));
    if (inTag.has(year)) assert.equal(n, inTag.get(year), `harbour in ${year}, tag politics`);
    else assert.ok(!(n > 0), `nothing in ${year}, outside the selection: ${cell}`);
  }
  // Split by source, or by tag (an article has one here): the same one
  // piece (the month counts per value), a line a value.
  for (const [by, lines] of [['source', 3], ['tag', 4]]) {
    await page.goto(`${server.base}?view=trends&measure=count&grain=year&split=${by}`);
    await page.getByText(`Counting all ${corpus.length.toLocaleString('en-US')} articles.`).waitFor();
    await page.waitForLoadState('networkidle');
    const split = watchPieces(page);
    await page.getByLabel('Keywords').fill('harbour');
    await page.waitForFunction((n) => document.querySelectorAll('svg#trends-chart g.series').length === n, lines);
    assert.equal(split.length, 1, `split by ${by}, one piece: ${JSON.stringify(split)}`);
  }
  // A year's contexts: each article of that year that has the word, its text read.
  const year = '2010';
  const ferry = corpus.filter((a) => a.year === year && /\bferry\b/.test(a.text));
  await page.goto(`${server.base}?view=trends&kw=ferry&grain=year&at=${year}`);
  await page.locator('.year-contexts .kwic mark').first().waitFor();
  assert.equal(await page.locator('.year-contexts .year-article').count(), ferry.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Trends whose counts could not be fetched say so, and draw them on retry", { skip }, async () => {
  // No service worker: it would fetch past the test's routes.
  const { context, page, problems } = await strictPage(browser, { serviceWorkers: 'block' });
  await page.goto(`${server.base}?view=trends&measure=count&grain=year`);
  await page.getByText(`Counting all ${corpus.length.toLocaleString('en-US')} articles.`).waitFor();
  await page.waitForLoadState('networkidle');
  await page.route(/pack-[0-9a-f]{16}\.bin$/, (route) => route.abort());
  await page.getByLabel('Keywords').fill('ferry');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be downloaded' });
  await alert.waitFor();
  // No line drawn from counts that are not here.
  assert.equal(await page.locator('svg#trends-chart g.series').count(), 0);
  await page.unroute(/pack-[0-9a-f]{16}\.bin$/);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => document.querySelectorAll('svg#trends-chart g.series').length === 1);
  await alert.waitFor({ state: 'detached' });
  const want = new Map();
  for (const a of corpus) {
    const n = (a.text.match(/\bferry\b/g) || []).length;
    if (n) want.set(a.year, (want.get(a.year) ?? 0) + n);
  }
  const table = page.getByRole('table', { name: /Keyword frequency per year/ });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()]));
  assert.ok(rows.length >= 20);
  for (const [year, cell] of rows) assert.equal(Number(cell.replace(/,/g, '')), want.get(year) ?? 0, `ferry in ${year}`);
  assert.deepEqual(problems.filter((p) => !/Failed to load resource|could not be downloaded/.test(p)), []);
  await context.close();
});

test('Contexts on a sharded site reads a stated random sample of the search, and its export says so', { skip }, async () => {
  const { context, page, problems } = await strictPage(browser);
  const harbour = corpus.filter((a) => /\bharbour\b/.test(a.text));
  await page.goto(`${server.base}?view=contexts&q=harbour`);
  const n = harbour.length.toLocaleString('en-US');
  await page.getByText(`a random sample of 40 of the ${n} articles the search finds`).waitFor();
  // The lines of the sampled articles, as their files have them.
  const sampled = sampleOf(harbour, 40);
  const matches = sampled.reduce((m, a) => m + (a.text.match(/\bharbour\b/g) || []).length, 0);
  const status = page.locator('.concordance .counting');
  await page.waitForFunction((want) => document.querySelector('.concordance .counting')?.textContent === want,
    `${matches} matches in 40 articles (a sample of 40 of ${n} articles) · lines 1–${Math.min(matches, 100)} of ${matches}`, { timeout: 30000 })
    .catch(async (e) => { throw new Error(`${e.message}: ${await status.textContent()}`); });
  const titles = new Set(sampled.map((a) => a.title));
  for (const t of await page.locator('.kwic-table .kwic-article').evaluateAll((tds) => tds.map((td) => td.firstChild.textContent))) {
    assert.ok(titles.has(t), `${t} is sampled`);
  }
  assert.match(await page.locator('.kwic-table .kwic-key mark').first().innerText(), /^harbour$/i);
  // Collocates of the sample, and the export names the sample.
  await page.locator('.collocates tbody tr').first().waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /concordance/i }).first().click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  assert.match(csv.split('\n')[0], /,"Sample",/);
  assert.match(csv.split('\n')[1], new RegExp(`sample of 40 of ${n.replace(',', '.')} articles`));
  // Matches per period counts every match of the search, not the sample's.
  const all = harbour.reduce((m, a) => m + (a.text.match(/\bharbour\b/g) || []).length, 0);
  const counts = await page.locator('.period-table tbody td.num').allTextContents();
  assert.ok(counts.length > 1);
  assert.equal(counts.reduce((m, t) => m + Number(t.replace(/,/g, '')), 0), all);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Words as it stands once it is done: no sample being read, nothing being
 * counted, `expectArticles` in its summary, and the same on screen over a
 * few frames (its blocks are drawn a frame or two apart).
 */
async function settledWords(page, expectArticles, keywords = true) {
  await page.waitForFunction(([n, keywords]) => {
    const words = document.querySelector('.words');
    return words && !words.querySelector('.fetching') && !/Counting/.test(words.querySelector(':scope > .counting')?.textContent ?? '')
      && new RegExp(`Articles\\s+${n}\\b`).test(words.querySelector('.words-summary dl')?.innerText ?? '')
      && words.querySelector('.words-frequencies tbody tr') && words.querySelector('.words-phrases tbody tr')
      && (keywords ? words.querySelector('.words-keyness tbody tr') : words.querySelector('.words-keyness') && !/Counting/.test(words.querySelector('.words-keyness').textContent));
  }, [expectArticles, keywords], { timeout: 60000 });
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const snapshot = () => page.evaluate(() => ({
    summary: document.querySelector('.words-summary dl').innerText,
    // Each cell's text: a block below the first screen is laid out only as
    // it nears it (content-visibility), and innerText is empty until then.
    words: [...document.querySelectorAll('.words-frequencies tbody tr')].slice(0, 30).map((r) => [...r.cells].map((c) => c.textContent).join('\t')),
    phrases: [...document.querySelectorAll('.words-phrases tbody tr')].slice(0, 10).map((r) => [...r.cells].map((c) => c.textContent).join('\t')),
  }));
  let last = null;
  for (;;) {
    await frames();
    const now = await snapshot();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

test('Words on a sharded site: a selection of at most 40 articles as the embedded site counts it, a larger one on a stated sample', { skip: skip || (!embeddedDist && 'SHARDED_EMBEDDED not set') }, async () => {
  const twin = await serveDist(embeddedDist, '/twin/');
  // "ferry harbour": 15 articles, read whole: the summary, the word list
  // and the phrases as the embedded site gives them (the keywords are
  // drawn too, against a sample of the rest there).
  const few = corpus.filter((a) => /\bferry\b/.test(a.text) && /\bharbour\b/.test(a.text));
  assert.ok(few.length > 0 && few.length <= 40, `${few.length} articles`);
  const read = async (base) => {
    const { context, page, problems } = await strictPage(browser);
    await page.goto(`${base}?view=words&q=${encodeURIComponent('ferry harbour')}&plen=2&pmin=1`);
    const seen = await settledWords(page, few.length);
    assert.deepEqual(problems, []);
    await context.close();
    return seen;
  };
  assert.deepEqual(await read(server.base), await read(twin.base));
  // "harbour": more than 40, so a sample, said on screen and in the export;
  // the word's count is its count in the 40 articles the rule samples.
  const { context, page, problems } = await strictPage(browser);
  const harbour = corpus.filter((a) => /\bharbour\b/.test(a.text));
  const n = harbour.length.toLocaleString('en-US');
  await page.goto(`${server.base}?view=words&q=harbour&wf=harbour`);
  await page.getByText(`read a random sample of 40 of its ${n} articles`).waitFor({ timeout: 60000 });
  const seen = await settledWords(page, '40');
  assert.match(seen.summary, new RegExp(`Articles\\s+40 \\(a sample of ${n}\\)`));
  const sampled = sampleOf(harbour, 40);
  const inSample = sampled.reduce((m, a) => m + (a.text.match(/\bharbour\b/g) || []).length, 0);
  const cells = await page.locator('.words-frequencies tbody tr').first().locator('th, td').allTextContents();
  assert.deepEqual([cells[0].split(/\s/)[0], cells[1], cells[3]], ['harbour', String(inSample), '40']);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /word frequencies/i }).first().click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  assert.match(csv.split('\n')[0], /,"Sample",/);
  assert.match(csv.split('\n')[1], new RegExp(`sample of 40 of ${n.replace(',', '.')} articles`));
  assert.deepEqual(problems, []);
  await context.close();
  twin.close();
});

test('Words of a facet selection on a sharded site counts every article, as the embedded site does', { skip: skip || (!embeddedDist && 'SHARDED_EMBEDDED not set') }, async () => {
  const twin = await serveDist(embeddedDist, '/twin/');
  /** The summary, the word list and the keywords as shown, and the notice. */
  const read = async (base, query, n, keywords) => {
    const { context, page, problems } = await strictPage(browser);
    // (Phrases seen once: a sample of 40 short articles has few.)
    await page.goto(`${base}?view=words${query}&plen=2&pmin=1`);
    const seen = await settledWords(page, n, keywords);
    // (Each cell's text, as in settledWords.)
    const shown = await page.evaluate(() => [...document.querySelectorAll('.words-keyness tbody tr, .words-keyness p.empty')].slice(0, 20).map((r) => (r.cells ? [...r.cells].map((c) => c.textContent).join('\t') : r.textContent)));
    const notice = (await page.locator('.sample-notice').allInnerTexts()).join(' ');
    assert.deepEqual(problems, []);
    await context.close();
    return { shown: { summary: seen.summary, words: seen.words, keywords: shown }, notice };
  };
  const of = (f) => corpus.filter(f).length.toLocaleString('en-US');
  // A tag (harbour over-represented: its articles are even-numbered, and
  // every 14th article has it twice) against the rest, the whole corpus
  // and another tag; a source (nothing stands out); the whole corpus.
  const politics = of((a) => Number(a.id.slice(1)) % 4 === 0);
  const q = (text) => `&q=${encodeURIComponent(text)}`;
  for (const [query, n, keywords] of [[q('tag:politics'), politics, true], [`${q('tag:politics')}&ref=all`, politics, true],
    [`${q('tag:politics')}&ref=search&rq=${encodeURIComponent('tag:economy')}`, politics, true], [q('source:"Valley Times"'), of((a) => a.source === 'Valley Times'), false], ['&ref=all', of(() => true), false]]) {
    const sharded = await read(server.base, query, n, keywords);
    const embedded = await read(twin.base, query, n, keywords);
    assert.deepEqual(sharded.shown, embedded.shown, query);
    assert.ok(sharded.shown.words.length >= 20, query);
    if (keywords) assert.ok(sharded.shown.keywords.slice(0, 3).some((r) => /^harbour\b/.test(r)), query);
    assert.match(sharded.notice, new RegExp(`count every word of the selection's ${n} articles`), query);
    assert.doesNotMatch(sharded.shown.summary, /a sample of/, query);
  }
  twin.close();
});

test('Compare on a sharded site gives what the embedded site of the same corpus gives', { skip: skip || (!embeddedDist && 'SHARDED_EMBEDDED not set') }, async () => {
  const twin = await serveDist(embeddedDist, '/twin/');
  /** What Compare shows of a pair: the similarity, the word lists, the passages, the texts. */
  const read = async (base, query) => {
    const { context, page, problems } = await strictPage(browser);
    await page.goto(`${base}?view=compare&left=a00007&right=a00014${query}`);
    await page.locator('.summary').waitFor({ timeout: 60000 });
    const shown = {
      similarity: (await page.locator('.summary .figures div').first().innerText()).split('\n').slice(0, 2).join(' '),
      figures: await page.locator('.summary .figures div').nth(1).innerText(),
      passages: await page.locator('.passage-list summary').innerText(),
      lists: await page.locator('.word-lists').innerText(),
      texts: await page.locator('.columns').innerText(),
    };
    assert.deepEqual(problems, []);
    await context.close();
    return shown;
  };
  const sharded = await read(server.base, '');
  const embedded = await read(twin.base, '');
  assert.match(sharded.similarity, /^Similarity \d+%$/);
  assert.deepEqual(sharded, embedded);
  assert.ok(sharded.lists.includes('harbour'), 'the planted word is listed');
  // Word forms merged: the same lists and passages; the similarity is not
  // given (a word's weight would need every form's articles), and says so.
  const forms = await read(server.base, '&forms=1');
  const formsWhole = await read(twin.base, '&forms=1');
  assert.equal(forms.similarity, 'Similarity —');
  assert.deepEqual({ ...forms, similarity: null }, { ...formsWhole, similarity: null });
  // Past 1,000 articles a chooser lists the first 1,000, the search's
  // matches first, and the chosen article wherever it is; it says so.
  const { context, page, problems } = await strictPage(browser);
  const ferry = corpus.filter((a) => /\bferry\b/.test(a.text));
  await page.goto(`${server.base}?view=compare&q=ferry&left=a04999`);
  const left = page.locator('#choose-left');
  await left.locator('optgroup').first().waitFor({ state: 'attached', timeout: 60000 });
  assert.equal(await left.locator('optgroup').first().getAttribute('label'), `Matching “ferry” (${ferry.length})`);
  assert.equal(await left.locator('optgroup').first().locator('option').count(), ferry.length);
  // (The chosen one is among the first 1,000 by date, or one more.)
  const listed = await left.locator('option').count();
  assert.ok(listed === 1 + 1000 || listed === 1 + 1000 + 1, `${listed} options`);
  assert.equal(await left.inputValue(), 'a04999');
  assert.match(await page.locator('#choose-left-hint').innerText(), /^Lists 1,000 of the 5,000 articles, the search's matches first/);
  assert.deepEqual(problems, []);
  await context.close();
  twin.close();
});

test('search and Trends on a sharded site give what the embedded site of the same corpus gives', { skip: skip || (!embeddedDist && 'SHARDED_EMBEDDED not set') }, async () => {
  const twin = await serveDist(embeddedDist, '/twin/');
  /** What each site shows: the count and the first page of results in order (ranks), or a Trends table. */
  const read = async (base) => {
    const { context, page, problems } = await strictPage(browser);
    const seen = [];
    for (const q of ['harbour', 'harbour ferry', '"city council"', 'harb*', 'harbour -ferry', 'harbour OR ferry']) {
      await page.goto(`${base}?q=${encodeURIComponent(q)}`);
      await page.locator('.results .snippet mark').first().waitFor({ timeout: 60000 });
      // Every snippet drawn (a sharded site's wait for their texts, and
      // for where the words stand in them: its terms come without positions).
      await page.waitForFunction(() => [...document.querySelectorAll('.results .snippet')].every((p) => p.textContent.trim() !== '…'), null, { timeout: 60000 });
      // (Text content: results below the screen are not laid out yet, and
      // their innerText is empty.)
      const results = await page.locator('.results li.result').evaluateAll((lis) => lis.map((li) => [
        li.querySelector('.result-title').textContent,
        li.querySelector('.result-meta').textContent,
        li.querySelector('.snippet').textContent,
        [...li.querySelectorAll('.snippet mark')].map((m) => m.textContent).join('|'),
      ]));
      seen.push([q, await page.locator('.result-count').innerText(), results]);
      // The first result opened: its marks, as the reader numbers them.
      await page.locator('.results .result-title').first().click();
      await page.locator('.match-status').waitFor({ timeout: 60000 });
      seen.push([q, 'reader', await page.locator('.match-status').innerText(), await page.locator('article mark').allInnerTexts()]);
    }
    // (Split by source and facet selections: from month counts per facet value on the sharded site.)
    const tagged = `&q=${encodeURIComponent('tag:politics year:2003..2019')}`;
    for (const [kw, grain, more = ''] of [['harbour, ferry', 'year'], ['harbour', 'month'], ['"city council"', 'year'], ['harb*', 'quarter'],
      ['harbour, ferry', 'year', '&split=source'], ['harbour', 'quarter', tagged], ['ferry', 'year', `${tagged}&split=source`], ['harbour', 'year', '&split=tag']]) {
      await page.goto(`${base}?view=trends&kw=${encodeURIComponent(kw)}&grain=${grain}&measure=per10k${more}`);
      await page.waitForFunction(() => document.querySelector('.trend-table tbody tr') && !document.querySelector('.counting .fetching'), null, { timeout: 60000 });
      seen.push([kw, grain, more, await page.locator('.trend-table').innerText()]);
    }
    assert.deepEqual(problems, []);
    await context.close();
    return seen;
  };
  const sharded = await read(server.base);
  assert.deepEqual(sharded, await read(twin.base));
  twin.close();
});

test('a host that ignores Range requests serves the sharded site too', { skip }, async () => {
  const whole = await serveDist(dist, '/sub/path/', { ranges: false });
  // No service worker: the page's own requests are counted.
  const { context, page, problems } = await strictPage(browser, { serviceWorkers: 'block' });
  const pieces = [];
  page.on('response', (r) => { if (/pack-[0-9a-f]{16}\.bin$/.test(r.url())) pieces.push({ url: r.url(), status: r.status() }); });
  await page.goto(whole.base);
  const ferry = corpus.filter((a) => /\bferry\b/.test(a.text));
  await page.getByLabel('Search articles').fill('ferry');
  await resultCount(page, count(ferry.length));
  await page.locator('.results .snippet mark').first().waitFor();
  // Whole files, each fetched once (then its pieces cut from it).
  assert.ok(pieces.length > 0);
  assert.deepEqual(pieces.filter((p) => p.status !== 200), []);
  assert.equal(new Set(pieces.map((p) => p.url)).size, pieces.length, 'each data file once');
  assert.deepEqual(problems, []);
  await context.close();
  whole.close();
});

test('a failed fetch says so and offers a retry, never a wrong count', { skip }, async () => {
  // No service worker: it would fetch past the test's routes.
  const { context, page, problems } = await strictPage(browser, { serviceWorkers: 'block' });
  await page.goto(server.base);
  await resultCount(page, count(corpus.length));
  // The network fails for the index' data files.
  await page.route(/pack-[0-9a-f]{16}\.bin$/, (route) => route.abort());
  await page.getByLabel('Search articles').fill('harbour');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be downloaded' });
  await alert.waitFor();
  // The count is still the last answered search's, not a guess.
  assert.equal(await page.locator('.result-count').innerText(), count(corpus.length));
  await page.unroute(/pack-[0-9a-f]{16}\.bin$/);
  await alert.getByRole('button', { name: 'Try again' }).click();
  const harbour = corpus.filter((a) => /\bharbour\b/.test(a.text));
  await resultCount(page, count(harbour.length));
  await alert.waitFor({ state: 'detached' });
  // The failed fetches are the console's errors: nothing else.
  assert.deepEqual(problems.filter((p) => !/Failed to load resource|could not be downloaded/.test(p)), []);
  await context.close();
});

test('what a sharded site fetched stays readable offline', { skip }, async () => {
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Searched once online, with the service worker in control.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const pieces = watchPieces(page);
  const ferry = corpus.filter((a) => /\bferry\b/.test(a.text));
  await page.getByLabel('Search articles').fill('ferry');
  await resultCount(page, count(ferry.length));
  await page.locator('.results .snippet mark').first().waitFor();
  // Once the service worker has kept every piece it passed on.
  await page.waitForFunction((n) => caches.keys()
    .then((names) => Promise.all(names.map((k) => caches.open(k).then((c) => c.keys()))))
    .then((all) => all.flat().filter((r) => r.url.includes('?range=')).length >= n), pieces.length, { polling: 200 });
  await context.setOffline(true);
  // A new page, offline: the same search, from what was kept.
  const again = await context.newPage();
  await again.goto(`${server.base}?q=ferry`);
  await resultCount(again, count(ferry.length));
  await again.locator('.results .snippet mark').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [scheme, width] of [['light', 1366], ['dark', 320]]) {
  test(`axe finds nothing serious or critical on a sharded site, ${scheme} theme, ${width} px`, { skip }, async () => {
    const { context, page, problems } = await strictPage(browser, { colorScheme: scheme, viewport: { width, height: 800 }, serviceWorkers: 'block' });
    const found = [];
    const check = async (name) => {
      await page.evaluate(axeSource);
      await page.evaluate(layOutEverything);
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
      for (const v of violations) found.push(`${name}: ${v}`);
    };
    for (const [name, url, ready] of [
      ['results', '?q=harbour', '.results .snippet mark'],
      ['reader', `?article=a00007&q=harbour`, '.reader mark'],
      ['trends with a year\'s contexts', '?view=trends&kw=harbour&grain=year&at=2010', '.year-contexts .kwic mark'],
      ['contexts on a sample', '?view=contexts&q=harbour', '.kwic-table .kwic-key mark'],
      ['compare', '?view=compare&left=a00007&right=a00014', '.columns .column h3'],
      ['words on a sample', '?view=words&q=harbour', '.words-keyness tbody tr'],
    ]) {
      await page.goto(server.base + url);
      await page.locator(ready).first().waitFor();
      await check(name);
    }
    // A failed fetch's alert and its button.
    await page.goto(server.base);
    await page.locator('.results .snippet mark, .results .snippet').first().waitFor();
    await page.route(/pack-[0-9a-f]{16}\.bin$/, (route) => route.abort());
    await page.getByLabel('Search articles').fill('ferry');
    await page.getByRole('alert').filter({ hasText: 'could not be downloaded' }).waitFor();
    await check('a failed fetch');
    assert.deepEqual(found, []);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
    await context.close();
  });
}
