// Prerenders the app's first page into a built site's index.html, so the
// page shows itself before its WebAssembly has arrived and reads with
// JavaScript off. The markup is the app's own: this script opens the built
// site in headless Chromium, waits until search is ready, and copies what
// the app drew (its #app root, scripts left out) into index.html as
// <div id="prerendered">; the app takes over from it (src/takeover.rs).
// One change is made: a link to an article (`?article=ID`) leads to its
// static page (`articles/ID.html`, written by lens-site), which works without
// JavaScript; the app's address stays beside it as data-app-href.
// Usage: node scripts/prerender.mjs SITE_DIR   (run by scripts/build-site.sh)
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** The Chromium to use: $CHROMIUM, Debian's, or Google Chrome (GitHub's runners). */
export function chromiumPath() {
  const found = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser']
    .find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('no Chromium found: set CHROMIUM, or run scripts/setup.sh');
  return found;
}

/**
 * Rewrites the app's article links to the static pages (see the top of this
 * file), and the page's own path (the app's link to the page without a
 * query: `location.pathname`, here `/site/`) to `./`, so the copy works from
 * any sub-path.
 */
export function staticLinks(html, pathname) {
  return html
    .replace(/href="\?article=([A-Za-z0-9_-]+)"/g, 'href="articles/$1.html" data-app-href="?article=$1"')
    .replaceAll(`href="${pathname}`, 'href="./');
}

async function main(site) {
  const indexPath = path.join(site, 'index.html');
  const original = fs.readFileSync(indexPath, 'utf8');
  if (original.includes('id="prerendered"')) throw new Error(`${indexPath} is prerendered already`);
  const server = http.createServer((req, res) => {
    let file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/^\/site/, '')));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/site/`);
    await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0
      && document.getElementById('app') && !document.getElementById('app').hidden, null, { timeout: 120000 });
    // Blocks a view draws a frame or two later (slices::deferred).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
    const html = await page.evaluate(() => {
      if (document.getElementById('failure-panel')) throw new Error(document.getElementById('failure-panel').textContent);
      const root = document.getElementById('app').cloneNode(true);
      root.querySelectorAll('script').forEach((s) => s.remove());
      return root.innerHTML;
    });
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    if (!html.includes('<ol class="results"')) throw new Error('the app drew no article list');
    const body = `<div id="prerendered">${staticLinks(html, '/site/')}</div>\n  </body>`;
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
