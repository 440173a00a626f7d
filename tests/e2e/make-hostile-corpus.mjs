// Writes a hostile corpus into the folder given: HTML and script in every
// field, javascript: URLs, event-handler attributes, Markdown that tries to
// inject HTML, right-to-left and zero-width characters, a 1 MB paragraph, and
// 10,000 articles on one date, and an id with a dot. Usage: node tests/e2e/make-hostile-corpus.mjs DIR
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: make-hostile-corpus.mjs DIR'); process.exit(2); }
fs.mkdirSync(dir, { recursive: true });
const q = (s) => JSON.stringify(s); // a TOML basic string is a JSON string for these characters
// Files are written only when they change, so that a second run leaves the build's cache valid.
const put = (file, text) => {
  const p = path.join(dir, file);
  if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) fs.writeFileSync(p, text);
};
const write = (id, front, body) => put(`${id}.md`, `+++\n${front}\n+++\n\n${body}\n`);

const pwn = (n) => `<img src=x onerror="window.__pwned=${n}">`;
put('corpus.toml', `name = ${q(`Hostile ${pwn(0)}`)}\ndescription = ${q('<script>window.__pwned=-1</script>')}\n`);
write('hostile', [
  `title = ${q(`Hostile title ${pwn(1)} <script>window.__pwned=2</script>`)}`,
  'date = "2020-01-01"',
  `date_basis = ${q('estimated <b onmouseover="window.__pwned=3">bold</b>')}`,
  `source = ${q('"><svg onload="window.__pwned=4">')}`,
  `url = ${q('javascript:window.__pwned=5')}`,
  `author = ${q('\u202eevil RTL override\u202c and zero\u200bwidth\u200djoiner')}`,
  `tags = [${q('<i>tag</i>')}, ${q('javascript:alert(1)')}]`,
].join('\n'), [
  `# Heading ${pwn(6)}`,
  `Paragraph with <script>window.__pwned=7</script> and [a link](javascript:window.__pwned=8) and <a href="javascript:window.__pwned=9">an anchor</a>.`,
  `<iframe src="javascript:window.__pwned=10"></iframe> <style>body{display:none}</style> ![img](x" onerror="window.__pwned=11)`,
  `Right-to-left \u202eesrever\u202c, Arabic مرحبا, Hebrew שלום, zero\u200bwidth, combining e\u0301, emoji 🎉 and pwned.`,
  // Scripts written without spaces (the build and the page then need their
  // segmenters: the light build with them, the data files fetched),
  // with markup and zero-width characters inside their runs.
  `Chinese 中国农业<script>window.__pwned=12</script>银行和支付宝, Japanese 新幹線で東京へ行く, Thai การชำระเงินผ่านโทรศัพท์มือถือ, Khmer ភាសា\u200bខ្មែរ.`,
  // A long right-to-left line around one word, for the concordance's layout.
  `${'كلمة عربية طويلة للاختبار '.repeat(12)}سوقالدفع${' نص عربي آخر بعد الكلمة'.repeat(12)}.`,
].join('\n\n'));
// An id with a dot (ids may hold one): its static page is `report.2015.html`.
write('report.2015', 'title = "A report whose id holds a dot"\ndate = "1999-01-01"', 'The oldest article, listed first. pwned');
write('safe-link', 'title = "A safe link"\ndate = "2020-01-01"\nurl = "https://example.org/a?b=<c>"', 'The only link that may be a link. pwned');

const words = ['alipay', 'wechat', 'payment', 'traffic', 'social', 'ai', 'market', 'pwned'];
let big = '';
for (let i = 0; big.length < 1_048_576; i++) big += words[(i * 7 + (i >> 3)) % words.length] + ' ';
write('one-megabyte-paragraph', 'title = "A one-megabyte paragraph"\ndate = "2021-06-01"', big.trim());

for (let i = 0; i < 10_000; i++) {
  write(`many-${String(i).padStart(5, '0')}`, `title = "Article ${i} of many"\ndate = "2019-05-04"\ntags = ["many"]`, `Number ${i}, on the same date as 9,999 others. ${words[i % words.length]}`);
}
console.log(`hostile corpus: ${fs.readdirSync(dir).length} files in ${dir}`);
