#!/usr/bin/env python3
"""Writes engine/data/stop-lists.txt, every language's stop list but
English's (the engine's own, engine/src/text/lexicon.rs): NLTK's stop-word
corpus where it has the language (Snowball's lists for Danish, Dutch,
Finnish, French, German, Hungarian, Italian, Norwegian, Portuguese, Russian,
Spanish and Swedish; BSD-3-Clause), else stopwords-iso's (MIT), as the
`stop-words` crate 0.10.1 (MIT) carries them. And its version,
stop-lists.version (the FNV-1a hash of its bytes), by which the import
worker asks for it.

Format: a first comment line, then for each language `@@ KEY SOURCE` and a
word a line. SOURCE is `snowball`, `nltk` or `iso`. Entries with no letter
or digit (punctuation in some iso lists) are left out: no word is ever one.

Usage: python3 bench/make_stop_lists.py [PATH_TO_stop-words-0.10.1]
(default: the crate in cargo's registry.)
"""
import glob
import json
import os
import sys

from version import write_version

NLTK = {
    'sq': 'albanian', 'ar': 'arabic', 'az': 'azerbaijani', 'eu': 'basque', 'be': 'belarusian',
    'bn': 'bengali', 'ca': 'catalan', 'zh': 'chinese', 'da': 'danish', 'nl': 'dutch',
    'fi': 'finnish', 'fr': 'french', 'de': 'german', 'el': 'greek', 'he': 'hebrew',
    'hu': 'hungarian', 'id': 'indonesian', 'it': 'italian', 'kk': 'kazakh', 'ne': 'nepali',
    'no': 'norwegian', 'pt': 'portuguese', 'ro': 'romanian', 'ru': 'russian', 'sl': 'slovenian',
    'es': 'spanish', 'sv': 'swedish', 'ta': 'tamil', 'tg': 'tajik', 'tr': 'turkish', 'uz': 'uzbek',
}
SNOWBALL = {'da', 'de', 'es', 'fi', 'fr', 'hu', 'it', 'nl', 'no', 'pt', 'ru', 'sv'}

def main():
    if len(sys.argv) > 1:
        crate = sys.argv[1]
    else:
        found = glob.glob(os.path.expanduser('~/.cargo/registry/src/*/stop-words-0.10.1'))
        if not found:
            sys.exit('stop-words 0.10.1 is not in cargo\'s registry: give its path')
        crate = found[0]
    lists = {}
    for key, name in NLTK.items():
        with open(os.path.join(crate, 'src', 'nltk', name), encoding='utf-8') as f:
            words = [w.strip() for w in f if w.strip()]
        lists[key] = ('snowball' if key in SNOWBALL else 'nltk', words)
    with open(os.path.join(crate, 'src', 'iso', 'stopwords-iso.json'), encoding='utf-8') as f:
        for key, words in json.load(f).items():
            if key not in lists and key != 'en':
                lists[key] = ('iso', [w.strip() for w in words if w.strip() and '\n' not in w])
    out = os.path.join(os.path.dirname(__file__), '..', 'engine', 'data', 'stop-lists.txt')
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Stop lists by language: NLTK\'s (Snowball\'s where marked), else stopwords-iso\'s, from the stop-words crate 0.10.1; bench/make_stop_lists.py\n')
        for key in sorted(lists):
            source, words = lists[key]
            f.write(f'@@ {key} {source}\n')
            for w in words:
                if any(c.isalnum() for c in w):
                    f.write(w + '\n')
    h = write_version(out)
    print(f'{out}: {len(lists)} languages, {sum(len(w) for _, w in lists.values())} words, version {h:016x}')

if __name__ == '__main__':
    main()
