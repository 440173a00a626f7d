#!/usr/bin/env python3
"""Writes the word lists the segmenter reads for Thai, Lao, Khmer and
Burmese (engine/src/text/segment.rs): engine/data/{th,lo,km,my}-words.txt,
each with its version (.version, the FNV-1a hash of its bytes), in the
Chinese dictionary's format (a first line `# total-cost N`, the cost of a
character cluster the list lacks; `#` comment lines; a line `word cost` per
word), and their licences in engine/data/licences/.

Sources (downloaded from package registries, never from elsewhere):
- Thai: PyThaiNLP 5.4.0 (PyPI), corpus/words_th.txt (62,107 words) and
  corpus/tnc_freq.txt (frequencies from the Thai National Corpus), both
  CC0-1.0 (corpus/corpus_license.md). A word's cost is round(100 * ln(total
  / frequency)) as for Chinese, frequency 1 for a word tnc_freq lacks.
- Lao (Brian Eugene Wilson, Robert Martin Campbell, 2013, BSD-style),
  Khmer (SIL NRSI, 2015, MIT) and Burmese (Ei Maung, 2018, MIT): the word
  lists the wordcut-engine 1.2.2 crate (crates.io) carries, with their
  licences, in data/laowords.txt, data/khmerdict.txt, data/myanmar-dict.txt.
  Without frequencies, every word costs the same as a cluster the list
  lacks: the cut with the fewest pieces wins (maximal matching).

Kept: words of two or more characters made only of their script's letters
and marks (no spaces, digits or punctuation), in Unicode NFC (as a corpus'
text is).

Usage: python3 bench/make_sea_dicts.py   (downloads into bench/data/download)
"""
import glob
import math
import os
import subprocess
import sys
import tarfile
import unicodedata
import urllib.request
import zipfile

from version import write_version

HERE = os.path.dirname(os.path.abspath(__file__))
DL = os.path.join(HERE, 'data', 'download')
OUT = os.path.join(HERE, '..', 'engine', 'data')

SCRIPTS = {
    'th': (0x0E01, 0x0E5B),
    'lo': (0x0E81, 0x0EDF),
    'km': (0x1780, 0x17FF),
    'my': (0x1000, 0x109F),
}

def in_script(word, key):
    lo, hi = SCRIPTS[key]
    if key == 'km':
        ok = lambda c: lo <= ord(c) <= hi or 0x19E0 <= ord(c) <= 0x19FF
    elif key == 'my':
        ok = lambda c: lo <= ord(c) <= hi or 0xAA60 <= ord(c) <= 0xAA7F or 0xA9E0 <= ord(c) <= 0xA9FE
    else:
        ok = lambda c: lo <= ord(c) <= hi
    # Letters and marks only: no digits, no punctuation of the script.
    return len(word) >= 2 and all(ok(c) and unicodedata.category(c)[0] in 'LM' for c in word)

def write(key, header, costs, unknown):
    # In NFC, as the corpus' text is (the loader writes it so).
    nfc = {}
    for w, c in costs.items():
        w = unicodedata.normalize('NFC', w)
        nfc[w] = min(c, nfc.get(w, c))
    costs = nfc
    path = os.path.join(OUT, f'{key}-words.txt')
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(f'# total-cost {unknown}\n')
        for line in header:
            f.write(f'# {line}\n')
        for w in sorted(costs):
            f.write(f'{w} {costs[w]}\n')
    h = write_version(path)
    print(f'{path}: {len(costs)} words, version {h:016x}')

def main():
    os.makedirs(DL, exist_ok=True)
    os.makedirs(os.path.join(OUT, 'licences'), exist_ok=True)
    # Thai.
    wheel = glob.glob(os.path.join(DL, 'pythainlp-5.4.0-*.whl'))
    if not wheel:
        subprocess.run([sys.executable, '-m', 'pip', 'download', '--no-deps', 'pythainlp==5.4.0', '-d', DL], check=True)
        wheel = glob.glob(os.path.join(DL, 'pythainlp-5.4.0-*.whl'))
    with zipfile.ZipFile(wheel[0]) as z:
        words = z.read('pythainlp/corpus/words_th.txt').decode('utf-8').split('\n')
        freq_lines = z.read('pythainlp/corpus/tnc_freq.txt').decode('utf-8').split('\n')
    freq = {}
    for line in freq_lines:
        parts = line.split('\t')
        if len(parts) == 2 and parts[1].strip().isdigit():
            freq[parts[0].strip()] = freq.get(parts[0].strip(), 0) + int(parts[1])
    kept = {w.strip() for w in words if in_script(w.strip(), 'th')}
    kept |= {w for w in freq if in_script(w, 'th')}
    total = sum(freq.get(w, 1) for w in kept)
    costs = {w: round(100 * math.log(total / freq.get(w, 1))) for w in kept}
    write('th', [
        'Thai words: PyThaiNLP 5.4.0, corpus/words_th.txt and corpus/tnc_freq.txt',
        '(Thai National Corpus frequencies), CC0-1.0; written by bench/make_sea_dicts.py.',
    ], costs, round(100 * math.log(total)))
    # Lao, Khmer, Burmese.
    crate = os.path.join(DL, 'wordcut-engine-1.2.2.crate')
    if not os.path.exists(crate):
        urllib.request.urlretrieve('https://static.crates.io/crates/wordcut-engine/wordcut-engine-1.2.2.crate', crate)
    with tarfile.open(crate) as t:
        def read(name):
            return t.extractfile(f'wordcut-engine-1.2.2/{name}').read().decode('utf-8')
        for key, data, licence, who in [
            ('lo', 'data/laowords.txt', 'LICENSE-laowords', 'Lao words: Brian Eugene Wilson, Robert Martin Campbell (2013), BSD-style licence'),
            ('km', 'data/khmerdict.txt', 'LICENSE-khmerdict', 'Khmer words: SIL NRSI (2015), MIT licence'),
            ('my', 'data/myanmar-dict.txt', 'LICENSE-myanmar-dict', 'Burmese words: Ei Maung (2018), MIT licence'),
        ]:
            kept = {w.strip() for w in read(data).split('\n') if in_script(w.strip(), key)}
            write(key, [
                f'{who} (engine/data/licences/{key}-words.txt),',
                'as the wordcut-engine 1.2.2 crate carries it; written by bench/make_sea_dicts.py.',
            ], {w: 100 for w in kept}, 100)
            with open(os.path.join(OUT, 'licences', f'{key}-words.txt'), 'w', encoding='utf-8') as f:
                f.write(read(licence))

if __name__ == '__main__':
    main()
