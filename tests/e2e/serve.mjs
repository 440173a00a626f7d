// Helpers for the end-to-end tests: a static server for dist/ at a sub-path, and Debian's Chromium.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

/** Serves `dist` under `/sub/path/` on a free loopback port; resolves to { base, close }. */
export async function serveDist(dist = process.env.DIST || 'dist', prefix = '/sub/path/') {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/**
 * The app has taken over from the prerendered page and from the light build
 * (src/takeover.rs); or the page is a static article page, which has no app.
 */
export const appShown = () => document.body.classList.contains('static-page')
  || (!document.getElementById('prerendered') && !document.querySelector('.loading-full')
    && !!document.getElementById('app') && !document.getElementById('app').hidden);

/**
 * A fresh page that fails the test on any console error or uncaught
 * exception. Its `goto` returns once the app has taken over (the journeys
 * are the app's), unless `prerendered: true` asks for the page as served.
 */
export async function strictPage(browser, { prerendered = false, ...options } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  if (!prerendered && options.javaScriptEnabled !== false) {
    const goto = page.goto.bind(page);
    page.goto = async (url, opts) => {
      const response = await goto(url, opts);
      await page.waitForFunction(appShown, null, { timeout: 60000 });
      return response;
    };
  }
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return { context, page, problems };
}
