#!/usr/bin/env python3
"""Writes engine/data/zh-words.txt, the Chinese dictionary the segmenter reads
(engine/src/text/segment.rs), from jieba's dict.txt (MIT licence, as the
jieba-rs crate ships it: src/data/dict.txt).

Kept: words of frequency 5 or more (136,547 of 349,045), without their
part-of-speech tags. Each line is `word cost`, cost = round(100 * ln(total /
frequency)), total the sum of the kept frequencies: the segmenter adds
integers only, so its choices are the same natively and in WebAssembly
(f64::ln differs in the last bit between glibc and wasm's libm). A first
line `# total-cost N` gives the cost of a character the dictionary lacks
(frequency 1).

Usage: python3 bench/make_zh_dict.py [PATH_TO_dict.txt]
(default: the jieba-rs 0.11.0 crate in cargo's registry, after `cargo fetch`
of a crate that depends on it.)
"""
import glob
import math
import os
import sys

from version import write_version

MIN_FREQ = 5

def main():
    if len(sys.argv) > 1:
        src = sys.argv[1]
    else:
        found = glob.glob(os.path.expanduser('~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt'))
        if not found:
            sys.exit('jieba-rs 0.11.0 is not in cargo\'s registry: give the path of dict.txt')
        src = found[0]
    words = {}
    with open(src, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            w, freq = parts[0], int(parts[1])
            if freq >= MIN_FREQ:
                words[w] = words.get(w, 0) + freq
    total = sum(words.values())
    out = os.path.join(os.path.dirname(__file__), '..', 'engine', 'data', 'zh-words.txt')
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write(f'# total-cost {round(100 * math.log(total))}\n')
        for w in sorted(words):
            f.write(f'{w} {round(100 * math.log(total / words[w]))}\n')
    h = write_version(out)
    print(f'{out}: {len(words)} words, total frequency {total}, version {h:016x}')

if __name__ == '__main__':
    main()
