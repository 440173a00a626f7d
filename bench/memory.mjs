// The page's wasm memory once a corpus is searchable: the linear memory's
// size (its high-water mark: wasm memory never shrinks) right after the
// index is built, median of 3 loads. Usage: node bench/memory.mjs NAME=DIST …
// (each DIST a `trunk build --release --features bench-api` of a corpus).
import { launch } from './page.mjs';
import { serve, stats } from './harness.mjs';

const runs = Number(process.env.RUNS || 3);
const browser = await launch();
try {
  for (const arg of process.argv.slice(2)) {
    const [name, dist] = arg.split('=');
    const server = await serve(dist);
    const mb = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(server.base);
      await page.waitForFunction(() => performance.getEntriesByName('corpus-lens:search-ready').length > 0
        && typeof wasmBindings !== 'undefined', null, { timeout: 120000 });
      mb.push(await page.evaluate(() => wasmBindings.lens_bench_memory()) / 1e6);
      await page.close();
    }
    const s = stats(mb);
    console.log(`${name}: wasm memory once searchable ${s.median.toFixed(1)} MB (median of ${runs} loads: ${mb.map((m) => m.toFixed(1)).join(", ")})`);
    server.close();
  }
} finally {
  await browser.close();
}
