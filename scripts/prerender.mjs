// Prerenders the app's first page into a built site's index.html, so the
// page shows itself before its WebAssembly has arrived and reads with
// JavaScript off. The markup is the app's own: this script opens the built
// site in headless Chromium, waits until search is ready, and copies what
// the app drew (its #app root, scripts left out) into index.html as
// <div id="prerendered">; the app takes over from it (src/takeover.rs).
// Two changes are made, on the elements: a link to an article leads to its
// static page (`articles/ID.html`, written by lens-site, named by the app in
// the link's data-static-page), which works without JavaScript, with the
// app's address kept as data-app-href; and a link to the page itself (its
// path, here /site/) leads to `./`, so the copy works from any sub-path.
// Usage: node scripts/prerender.mjs SITE_DIR   (run by scripts/build-site.sh)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, chromiumPath } from './lib/static-server.mjs';

/** The page's own path while it is prerendered. */
const AT = '/site/';

/**
 * In the page: the copy of the app's root, scripts left out, with the two
 * changes of the top of this file made on the elements themselves (a link
 * to an article carries its static page in data-static-page, as the app
 * drew it; a link to the page itself carries its path).
 */
function copyOfApp(at) {
  const root = document.getElementById('app').cloneNode(true);
  root.querySelectorAll('script').forEach((s) => s.remove());
  for (const a of root.querySelectorAll('a[data-static-page]')) {
    a.setAttribute('data-app-href', a.getAttribute('href'));
    a.setAttribute('href', a.getAttribute('data-static-page'));
  }
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (href === at || href.startsWith(`${at}?`)) a.setAttribute('href', `./${href.slice(at.length)}`);
  }
  return root.innerHTML;
}

async function main(site) {
  const indexPath = path.join(site, 'index.html');
  const original = fs.readFileSync(indexPath, 'utf8');
  if (original.includes('id="prerendered"')) throw new Error(`${indexPath} is prerendered already`);
  const server = await serve(site, { prefix: AT });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.base);
    await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0
      && document.getElementById('app') && !document.getElementById('app').hidden, null, { timeout: 120000 });
    // Blocks a view draws a frame or two later (slices::deferred).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
    const failure = await page.evaluate(() => document.getElementById('failure-panel')?.textContent);
    if (failure) throw new Error(failure);
    const html = await page.evaluate(copyOfApp, AT);
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    if (!html.includes('<ol class="results"')) throw new Error('the app drew no article list');
    if (!html.includes('data-app-href=')) throw new Error('the app named no static page for its article links (data-static-page)');
    const body = `<div id="prerendered">${html}</div>\n  </body>`;
    if (!/<\/body>/.test(original)) throw new Error(`${indexPath} has no </body>`);
    // A function, not a string: a `$&` in an article is text, not a pattern.
    fs.writeFileSync(indexPath, original.replace(/<\/body>/, () => body));
    console.log(`prerender: ${(html.length / 1024).toFixed(1)} KB of the app's first page into ${indexPath}`);
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2];
  if (!site) { console.error('usage: node scripts/prerender.mjs SITE_DIR'); process.exit(2); }
  await main(path.resolve(site));
}
