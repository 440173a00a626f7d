// Writes a generated corpus of many articles into the folder given, for the
// sharded site's tests (scripts/build-site.sh with SITE_MODE=sharded): 5,000
// articles by default, dated by day from 2000 to 2024, three sources, four
// tags, bodies of made-up English-like words, with a few words and one
// phrase planted at known rates so that a test can count them itself.
// Deterministic: the same folder every run (files written only when they
// change, so a second run leaves the build's cache valid).
// Usage: node tests/e2e/make-sharded-corpus.mjs DIR [ARTICLES]
import fs from 'node:fs';
import path from 'node:path';

const [dir, count = '5000'] = process.argv.slice(2);
if (!dir) { console.error('usage: make-sharded-corpus.mjs DIR [ARTICLES]'); process.exit(2); }
const n = Number(count);
fs.mkdirSync(dir, { recursive: true });
const put = (file, text) => {
  const p = path.join(dir, file);
  if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) fs.writeFileSync(p, text);
};

// A small linear congruential generator: the same numbers on every machine.
let seed = 20261206;
const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(next() * xs.length)];

const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'br', 'st', 'tr'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const codas = ['', 'n', 'r', 's', 'l', 'nd', 'st'];
const vocabulary = [];
while (vocabulary.length < 600) {
  const w = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(onsets) + pick(vowels)).join('') + pick(codas);
  // None of the planted words, and no word twice.
  if (!vocabulary.includes(w) && !['harbour', 'council', 'city', 'ferry'].includes(w)) vocabulary.push(w);
}
const sources = ['Harbour Gazette', 'Valley Times', 'The Courier'];
const tags = ['politics', 'transport', 'culture', 'economy'];
const sentence = (extra = []) => {
  const words = Array.from({ length: 8 + Math.floor(next() * 10) }, () => pick(vocabulary));
  for (const e of extra) words.splice(Math.floor(next() * words.length), 0, e);
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
};

put('corpus.toml', 'name = "Generated archive"\ndescription = "A generated corpus of 5,000 dated articles, published in shards"\n');
for (let i = 0; i < n; i++) {
  const id = `a${String(i).padStart(5, '0')}`;
  const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 9131) * 86400000);
  const date = day.toISOString().slice(0, 10);
  // Planted: "harbour" in every 7th article (twice in every 14th), "ferry"
  // in every 50th, the phrase "city council" in every 11th.
  const extra = [];
  if (i % 7 === 0) extra.push('harbour');
  if (i % 14 === 0) extra.push('harbour');
  if (i % 50 === 0) extra.push('ferry');
  if (i % 11 === 0) extra.push('city council');
  const paragraphs = Array.from({ length: 3 }, (_, p) => Array.from({ length: 3 }, (_, s) => sentence(p === 1 && s === 1 ? extra : [])).join(' '));
  const title = `${sentence().slice(0, -1).split(' ').slice(0, 5).join(' ')} ${i}`;
  const front = [
    `title = ${JSON.stringify(title)}`,
    `date = "${date}"`,
    `source = ${JSON.stringify(sources[i % 3])}`,
    `tags = [${JSON.stringify(tags[i % 4])}]`,
  ].join('\n');
  put(`${id}.md`, `+++\n${front}\n+++\n\n${paragraphs.join('\n\n')}\n`);
}
console.log(`make-sharded-corpus: ${n} articles in ${dir}`);
