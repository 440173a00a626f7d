// Checks a built site as a reader meets it: served from a sub-path and from
// the root of a host, the app itself (not the prerendered copy) must take
// over, list the corpus' articles and open one; then prints the sizes a
// first visit downloads. Usage: node scripts/check-dist.mjs DIST
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, chromiumPath } from './lib/static-server.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const seed = !process.env.CORPUS_DIR;

/** In the page: the app has taken over (its search is ready, the prerendered copy gone). */
const appRunning = () => performance.getEntriesByName('corpus-lens:search-ready').length > 0
  && !document.getElementById('prerendered') && !!document.getElementById('app') && !document.getElementById('app').hidden;

async function check(browser, prefix) {
  const server = await serve(dist, { prefix });
  const page = await browser.newPage({ serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(server.base);
    await page.waitForFunction(appRunning, null, { timeout: 60000 });
    const rows = await page.locator('#app ol.results li.result').count();
    if (rows < 1) throw new Error(`the app lists no article at ${server.base}`);
    if (seed) await page.locator('#app', { hasText: 'Alipay began to seek a breakthrough in the siege' }).waitFor({ timeout: 10000 });
    // The app answers: a search that finds nothing empties the list it draws.
    await page.getByLabel('Search articles').fill('zzqqxxjj');
    await page.waitForFunction(() => document.querySelectorAll('#app ol.results li.result').length === 0, null, { timeout: 10000 });
    let paragraphs = 0;
    if (seed) {
      await page.goto(`${server.base}?article=anxious-alipay-2025`);
      await page.waitForFunction(appRunning, null, { timeout: 60000 });
      await page.getByRole('heading', { level: 2, name: 'Anxious Alipay Has Lost Its Rhythm' }).waitFor({ timeout: 10000 });
      paragraphs = await page.locator('#app .reader p').count();
    }
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    console.log(`${prefix}: the app lists ${rows} articles${seed ? `; the article shows ${paragraphs} paragraphs` : ''}`);
    return rows;
  } finally {
    await page.close();
    server.close();
  }
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const sub = await check(browser, '/some/sub/path/');
  const root = await check(browser, '/');
  if (sub !== root) throw new Error(`from the root the app lists ${root} articles, from a sub-path ${sub}`);
} catch (e) {
  console.error(`FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}

// The sizes a reader downloads, per file.
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(40)} ${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli', 10)}`);
for (const sub of ['', 'full', 'own']) {
  const d = path.join(dist, sub);
  if (!fs.existsSync(d)) continue;
  for (const f of fs.readdirSync(d).sort()) {
    const file = path.join(d, f);
    if (!fs.statSync(file).isFile()) continue;
    const b = fs.readFileSync(file);
    const gz = zlib.gzipSync(b, { level: 9 }).length;
    const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${path.join(sub, f).padEnd(40)} ${pad(b.length, 10)} ${pad(gz, 10)} ${pad(br, 10)}`);
  }
}
