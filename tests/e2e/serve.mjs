// Helpers for the end-to-end tests: dist/ served from a sub-path (the one
// static server, scripts/lib/static-server.mjs), and Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, chromiumPath } from '../../scripts/lib/static-server.mjs';

/** Serves `dist` under `/sub/path/` (or `prefix`) on a free loopback port, with the static server's `options`; resolves to { base, close }. */
export function serveDist(dist = process.env.DIST || 'dist', prefix = '/sub/path/', options = {}) {
  return serve(dist, { prefix, ...options });
}

export function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/**
 * The app has taken over from the prerendered page and from the light build
 * (src/takeover.rs); or the page is a static article page, which has no app.
 */
/**
 * Lays out what the page lays out only as it nears the screen
 * (`content-visibility: auto`: results, Words' and Contexts' lower blocks).
 * Run in the page before axe-core: axe measures colours where things are
 * drawn, and a block not laid out yet has no place (axe would read the
 * colour of whatever is drawn where its text would be).
 */
export const layOutEverything = () => {
  for (const e of document.querySelectorAll('*')) if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
};

/**
 * A console problem that is the 404 of an article's static page: the
 * loader reads it for an article's address before the app runs
 * (post-build.mjs), and an id no article has has none (the app then says
 * what is wrong).
 */
export const missingArticlePage = (problem) => /^console: Failed to load resource: .* 404 .*\/articles\/[A-Za-z0-9._-]+\.html\)$/.test(problem);

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
  // (A resource that failed is named: which one says whether it may.)
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}${m.text().startsWith('Failed to load resource') ? ` (${m.location().url})` : ''}`); });
  return { context, page, problems };
}

/** Writes `files` (path in `dir` → text) below `dir`, making their folders. */
export function writeTree(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/**
 * A first visit to `base` (the service worker installed and in control),
 * then the network cut: what the page asks for after this must come from
 * its own cache.
 */
export async function offlineAfterFirstVisit(context, page, base) {
  await page.goto(base);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
}
