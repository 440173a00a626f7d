import { chromium } from 'playwright-core';
import { serve } from '../../scripts/lib/static-server.mjs';
const server = await serve(process.argv[2], { prefix: '/corpus-lens/', gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const u of process.argv.slice(3)) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(server.base + u);
  await page.waitForTimeout(6000);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end'); await done;
  const main = events.filter((e) => e.name === 'RunTask' && e.dur > 20000);
  // children of each long task: top events by self name
  console.log('==', u);
  for (const t of main) {
    const inside = events.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e.ph === 'X' && e.name !== 'RunTask');
    const by = {};
    for (const e of inside) by[e.name] = (by[e.name] || 0) + e.dur;
    const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 7).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', ');
    const fc = inside.find((e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction');
    console.log(`task @${((t.ts - main[0].ts) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(0)} ms: ${top} ${fc?.args?.data?.functionName ?? ''} ${fc?.args?.data?.url?.split('/').pop() ?? ''}`);
  }
  await page.close();
}
await browser.close(); server.close();
