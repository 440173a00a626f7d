// No view is wider than the viewport, at phone, tablet and desktop widths,
// whatever the input: every view, and inputs built to be wide (a
// 4,000-character keyword once widened the page to about 26,000 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, strictPage } from './serve.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const long = 'x'.repeat(4000);
const URLS = [
  '',
  '?q=wechat',
  '?article=anxious-alipay-2025&q=alipay',
  '?view=trends&kw=wechat,ai&at=2015',
  '?view=trends&kw=wechat,ai&grain=month&at=2016-09',
  '?view=trends&kw=wechat&grain=day',
  '?view=trends&kw=wechat,ai&split=tag&q=alipay',
  '?view=contexts&q=wechat&grain=month',
  '?view=words&grain=month',
  `?view=trends&kw=${long}`,
  `?view=trends&kw=${long},(`,
  `?q=${long}`,
  '?view=compare&left=alipay-dilemma-2024&right=anxious-alipay-2025',
  `?zzz=1&sort=${long}`,
  '?view=words&q=year:2024..2025',
  '?view=contexts&q=alipay&ctx=25',
  `?view=words&wf=${long}&rq=${long}&ref=search`,
];

for (const width of [320, 390, 768, 1366]) {
  test(`no view is wider than a ${width} px viewport`, async () => {
    const { context, page, problems } = await strictPage(browser, { viewport: { width, height: 800 } });
    const wide = [];
    for (const url of URLS) {
      await page.goto(server.base + url);
      await page.locator('.site-header').waitFor();
      // Wait for what the URL shows (the view's own region), then measure.
      await page.locator('main > *').first().waitFor();
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll > client) wide.push(`${url.slice(0, 60)}: ${scroll} px`);
    }
    assert.deepEqual(wide, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
