// The page before (and without) its WebAssembly: the prerendered first page
// (scripts/prerender.mjs), the static article pages (lens-site), and the
// app's takeover (src/takeover.rs), from a sub-path, under the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, strictPage, appShown, missingArticlePage } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The articles as a list shows them: title, its address, date line and first lines. */
const listed = (page) => page.locator('ol.results li').evaluateAll((items) => items.map((li) => ({
  title: li.querySelector('a').textContent,
  href: li.querySelector('a').getAttribute('data-app-href') ?? li.querySelector('a').getAttribute('href'),
  meta: li.querySelector('.result-meta').textContent,
  first: li.querySelector('.snippet')?.textContent,
})));

/** Layout shifts from the page's start (none counted after input, as CLS). */
const watchShifts = () => {
  window.__shift = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__shift += e.value; }))
    .observe({ type: 'layout-shift', buffered: true });
};

/**
 * Holds the page's WebAssembly until `release()` is called: the prerendered
 * page stays on screen meanwhile, as on a slow phone.
 */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  return () => release();
}

test('with JavaScript off, the list and every article read as plain pages, from a sub-path', async () => {
  const { context, page, problems } = await strictPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(server.base);
  await page.getByRole('heading', { level: 1, name: 'Corpus Lens' }).waitFor();
  const items = await listed(page);
  assert.equal(items.length, 5);
  assert.ok(items.every((i) => i.title && /\d{4}/.test(i.meta) && i.first.length > 40), JSON.stringify(items));
  // What needs the app is hidden; the notice says so and leads to every article.
  assert.equal(await page.getByLabel('Search articles').isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Views' }).isVisible(), false);
  await page.getByText(/Searching, charts and comparisons need JavaScript/).waitFor();
  // An article: its static page, with its metadata and text as paragraphs.
  await page.getByRole('link', { name: 'Anxious Alipay Has Lost Its Rhythm' }).click();
  await page.waitForURL(/\/sub\/path\/articles\/anxious-alipay-2025\.html$/);
  await page.getByRole('heading', { level: 1, name: 'Anxious Alipay Has Lost Its Rhythm' }).waitFor();
  assert.match(await page.locator('.article-body').innerText(), /Jack Ma has always held high aspirations for Alipay\./);
  assert.ok(await page.locator('.article-body p').count() > 5);
  assert.match(await page.locator('dl.meta').innerText(), /Date\s+\d/);
  assert.equal(await page.title(), 'Anxious Alipay Has Lost Its Rhythm — Alipay in China\'s payment market');
  const full = await page.getByRole('link', { name: /Open in Corpus Lens/ }).evaluate((a) => a.href);
  assert.equal(full, `${server.base}?article=anxious-alipay-2025`);
  // Every article, newest first, each a link that works.
  await page.getByRole('link', { name: '← All articles' }).click();
  await page.getByRole('heading', { level: 1, name: 'All articles' }).waitFor();
  const all = await page.locator('ol.results a').evaluateAll((as) => as.map((a) => a.textContent));
  assert.equal(all.length, 5);
  assert.equal(all[0], 'Anxious Alipay Has Lost Its Rhythm');
  await page.getByRole('link', { name: all[4] }).click();
  await page.getByRole('heading', { level: 1, name: all[4] }).waitFor();
  await page.getByRole('link', { name: 'Corpus Lens', exact: true }).click();
  await page.waitForURL(server.base);
  assert.deepEqual(problems, []);
  await context.close();
});

test('from a sub-path holding ".js", the light build loads the full one for a view it lacks', async () => {
  const dotted = await serveDist(process.env.DIST || 'dist', '/three.js-notes/site/');
  const { context, page, problems } = await strictPage(browser);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(dotted.base);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Words' }).click();
  await page.getByRole('heading', { level: 3, name: 'Summary' }).waitFor();
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')));
  assert.ok(wasm.some((n) => n.includes('/three.js-notes/site/full/')), wasm.join(', '));
  assert.deepEqual(failed, []);
  assert.deepEqual(problems, []);
  await context.close();
  dotted.close();
});

test('the prerendered page is the app\'s own first page', async () => {
  const off = await strictPage(browser, { javaScriptEnabled: false });
  await off.page.goto(server.base);
  const served = await off.page.evaluate(() => document.getElementById('prerendered').innerHTML);
  const servedList = await listed(off.page);
  await off.context.close();
  const { context, page, problems } = await strictPage(browser);
  await page.goto(server.base);
  const drawn = await page.evaluate(() => {
    const root = document.getElementById('app').cloneNode(true);
    root.querySelectorAll('script').forEach((s) => s.remove());
    return root.innerHTML;
  });
  assert.deepEqual(await listed(page), servedList, 'the same articles, in the same order, with the same lines');
  // Byte for byte, once the prerendered copy's two changes are undone on
  // its elements: an article link leads to its static page (the app's
  // address kept in data-app-href), and the page's own path is `./`.
  const undone = await page.evaluate(([html, at]) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    for (const a of t.content.querySelectorAll('a[data-app-href]')) {
      a.setAttribute('href', a.getAttribute('data-app-href'));
      a.removeAttribute('data-app-href');
    }
    for (const a of t.content.querySelectorAll('a[href^="./"]')) a.setAttribute('href', at + a.getAttribute('href').slice(2));
    return t.innerHTML;
  }, [served, new URL(server.base).pathname]);
  assert.ok(served.includes('data-app-href='), 'article links lead to the static pages');
  assert.equal(undone, drawn);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing before the takeover is kept, without a layout shift; the full build keeps it too', async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true, viewport: { width: 390, height: 844 } });
  await page.addInitScript(watchShifts);
  const release = await holdWasm(page);
  await page.goto(server.base);
  const box = page.getByLabel('Search articles');
  await box.fill('wechat');
  assert.equal(await page.evaluate(() => !!document.getElementById('prerendered')), true, 'typed into the prerendered page');
  release();
  await page.waitForFunction(appShown);
  assert.equal(await box.inputValue(), 'wechat');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'the focus stays in the box');
  await page.waitForURL(/q=wechat/);
  await page.locator('ol.results li mark').first().waitFor();
  assert.match(await page.locator('.result-count').innerText(), /^[1-4] of 5 articles$/);
  assert.ok(await page.evaluate(() => window.__shift) < 0.1, `layout shift ${await page.evaluate(() => window.__shift)}`);
  // A view the page's build lacks: the full build takes over, with the query.
  await page.getByRole('link', { name: 'Words' }).click();
  await page.waitForFunction(appShown);
  await page.getByRole('heading', { level: 2, name: 'Words' }).waitFor();
  assert.equal(await box.inputValue(), 'wechat');
  assert.equal(await page.locator('.app-root').count(), 1, 'one app in the page');
  // One click, one action: the light build's listeners left with it.
  const filters = page.getByRole('button', { name: /^Filters/ });
  await filters.click();
  assert.equal(await filters.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.evaluate(() => window.__shift) < 0.1, `layout shift ${await page.evaluate(() => window.__shift)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link followed before the takeover works: it leads to the static page', async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true });
  const release = await holdWasm(page);
  await page.goto(server.base);
  await page.getByRole('link', { name: 'Alipay’s Dilemma in the Evolving Payment Landscape' }).or(page.getByRole('link', { name: 'Alipay\'s Dilemma in the Evolving Payment Landscape' })).click();
  await page.waitForURL(/articles\/alipay-dilemma-2024\.html$/);
  await page.getByRole('heading', { level: 1, name: /Dilemma/ }).waitFor();
  release();
  assert.deepEqual(problems, []);
  await context.close();
});

test('an article\'s address shows its text before the app, where the app draws its reader', async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true, viewport: { width: 390, height: 844 } });
  const release = await holdWasm(page);
  await page.addInitScript(watchShifts);
  await page.goto(`${server.base}?article=real-name-social-2015&q=wechat`);
  const pre = page.locator('#prerendered');
  const title = /^Alipay challenges real-name social networking/;
  await pre.getByRole('heading', { level: 2, name: title }).waitFor();
  assert.match(await pre.locator('.article-body').innerText(), /WeChat was unable to find a profit model/);
  assert.match(await pre.locator('dl.meta').innerText(), /Words\s+1,087/);
  assert.equal(await pre.locator('ol.results').isVisible(), false, 'no list of the articles as if it were the answer');
  assert.equal(await pre.getByRole('status').count(), 0, 'the note "Searching…" gave way to the article');
  // (Two frames: layout shifts are reported after the frame they happen in.)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.__shift), 0, 'and nothing moved');
  // The reader reads on meanwhile: the app keeps their place.
  await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => window.scrollY >= 600);
  const top = () => page.getByRole('heading', { level: 2, name: title }).evaluate((h) => h.getBoundingClientRect().top);
  const before = await top();
  release();
  await page.waitForFunction(appShown);
  await page.locator('.article-body mark').first().waitFor();
  assert.equal(await top(), before, 'the app\'s reader puts its title where the prerendered one was, the page where it was scrolled to');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-title', 'the title has the focus, for the keyboard');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an address of an article that is not there keeps its note, and reads no page but an article\'s', async () => {
  const { context, page: first, problems } = await strictPage(browser, { prerendered: true });
  const asked = [];
  // (The page's own requests: its service worker caches the static pages.)
  const opened = async (page, article) => {
    page.on('request', (r) => { if (r.url().includes('/articles/')) asked.push(new URL(r.url()).pathname); });
    const release = await holdWasm(page);
    await page.goto(`${server.base}?article=${encodeURIComponent(article)}`);
    await page.locator('#prerendered').getByRole('status').filter({ hasText: 'Opening this address' }).waitFor();
    return release;
  };
  // An id no article has: its page is missing, and the note stays.
  const missing = first.waitForResponse((r) => r.url().includes('/articles/no-such-article.html'));
  const release = await opened(first, 'no-such-article');
  assert.equal((await missing).status(), 404);
  await first.evaluate(() => new Promise((r) => setTimeout(r, 0))); // the page's answer to it
  assert.equal(await first.locator('#prerendered').getByRole('status').filter({ hasText: 'Opening this address' }).count(), 1);
  assert.equal(await first.locator('#prerendered article').count(), 0);
  release();
  await first.waitForFunction(appShown);
  // Not an id (a path): nothing is fetched for it.
  const second = await context.newPage();
  (await opened(second, '../index'))();
  await second.waitForFunction(appShown);
  assert.deepEqual(asked, [new URL(`${server.base}articles/no-such-article.html`).pathname]);
  assert.deepEqual(problems.filter((p) => !missingArticlePage(p)), []);
  await context.close();
});

test('a URL that opens another view shows the page, then that view, loading only the full build', async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true, viewport: { width: 390, height: 844 } });
  await page.addInitScript(watchShifts);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${server.base}?view=trends&kw=alipay`);
  await page.waitForFunction(appShown);
  // Only the full build is loaded: the light one lacks this view.
  assert.ok(wasm.length >= 1 && wasm.every((p) => p.includes('/full/')), wasm.join(', '));
  await page.locator('svg#trends-chart g.series').waitFor();
  // Laid out for its box once shown (it was drawn hidden): 12 px text on a phone.
  const font = await page.evaluate(() => {
    const svg = document.querySelector('svg#trends-chart');
    return Number(svg.querySelector('text').getAttribute('font-size')) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  });
  assert.ok(font >= 11, `chart text at ${font} px`);
  assert.ok(await page.evaluate(() => window.__shift) < 0.1, `layout shift ${await page.evaluate(() => window.__shift)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a view drawn in parts behind the prerendered page is swapped in whole', async () => {
  // Each view's heavier part is drawn a task after the rest (src/takeover.rs,
  // `later`): the takeover waits for it, so that nothing appears, or shifts
  // the page, once the app is on screen.
  const { context, page, problems } = await strictPage(browser, { prerendered: true, viewport: { width: 390, height: 844 } });
  // What the app holds in the task that removes the prerendered page.
  await page.addInitScript(() => {
    window.__atSwap = null;
    new MutationObserver((changes, observer) => {
      if (changes.some((c) => [...c.removedNodes].some((n) => n.id === 'prerendered'))) {
        const app = document.getElementById('app');
        window.__atSwap = Object.fromEntries(['.facets', '.trend-table', '.words-phrases', '.collocates', '.columns']
          .map((sel) => [sel, !!app.querySelector(sel)]));
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  for (const [address, part] of [
    ['?view=trends&kw=alipay,wechat', '.trend-table'],
    ['?view=words', '.words-phrases'],
    ['?view=contexts&q=alipay', '.collocates'],
    ['?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025', '.columns'],
  ]) {
    await page.goto(server.base + address);
    await page.waitForFunction(appShown);
    const seen = await page.evaluate(() => window.__atSwap);
    assert.ok(seen, `${address}: the prerendered page was never removed`);
    assert.ok(seen[part], `${address}: ${part} was not there when the app was swapped in (${JSON.stringify(seen)})`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the prerendered page never looks like the answer to a search it has not run', async () => {
  const { context, page, problems } = await strictPage(browser, { prerendered: true, viewport: { width: 390, height: 844 } });
  const release = await holdWasm(page);
  await page.goto(`${server.base}?q=wechat`);
  const pre = page.locator('#prerendered');
  assert.equal(await pre.getByRole('searchbox').inputValue(), 'wechat', 'the box shows the linked search');
  assert.equal(await pre.locator('ol.results').isVisible(), false, 'no list of all five articles as if it were the answer');
  assert.equal(await pre.locator('.facets').isVisible(), false, 'no filters counted for another search, to be ticked and lost');
  assert.match(await pre.getByRole('status').filter({ hasText: 'Searching' }).innerText(), /Searching for “wechat”/);
  release();
  await page.waitForFunction(appShown);
  await page.getByText('3 of 5 articles').waitFor();
  assert.equal(await page.getByRole('searchbox').inputValue(), 'wechat');
  assert.match(page.url(), /q=wechat/);
  assert.deepEqual(problems, []);
  await context.close();
});
