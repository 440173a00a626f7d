#!/usr/bin/env python3
"""Writes engine/data/ja-model.txt, the Japanese segmenter's model
(engine/src/text/japanese.rs): TinySegmenter's weights (Taku Kudo, 2008,
new BSD licence) as the tinysegmenter crate 0.1.1 (MIT licence) carries
them in src/constants.rs.

Format: comment lines start with `#`; a line `BIAS N`; then one line per
weight, tab-separated: the table's name (UW1 … TQ4), the weight, then the
key's parts, each one character, or B1 B2 B3 (before the text) and E1 E2
E3 (after it). Keys of the character-type tables are the types (M H I K A
N O), of the previous-decision tables B, O or U.

Usage: python3 bench/make_ja_model.py [PATH_TO_constants.rs]
(default: the tinysegmenter 0.1.1 crate in cargo's registry: `cargo fetch`
of a crate that depends on it, or `cargo download`.)
"""
import glob
import os
import re
import sys

from version import write_version

def main():
    if len(sys.argv) > 1:
        src = sys.argv[1]
    else:
        found = glob.glob(os.path.expanduser('~/.cargo/registry/src/*/tinysegmenter-0.1.1/src/constants.rs'))
        if not found:
            sys.exit('tinysegmenter 0.1.1 is not in cargo\'s registry: give the path of src/constants.rs')
        src = found[0]
    text = open(src, encoding='utf-8').read()
    bias = int(re.search(r'const BIAS: i32 = (-?\d+);', text).group(1))
    tables = re.findall(r'static ref (\w+): HashMap<[^>]*> = hashmap! \{(.*?)\};', text, re.S)
    lines = []
    for name, body in tables:
        for key, weight in re.findall(r"(\([^)]*\)|'[^']*'|\*[BE]\d) => (-?\d+)", body):
            parts = re.findall(r"'([^']*)'|\*([BE]\d)", key)
            key_parts = [a if a else b for a, b in parts]
            for p in key_parts:
                assert p in ('B1', 'B2', 'B3', 'E1', 'E2', 'E3') or len(p) == 1, (name, key)
                assert p not in ('\t', '\n'), (name, key)
            lines.append('\t'.join([name, weight] + key_parts))
    assert len(tables) == 42 and len(lines) > 1300, (len(tables), len(lines))
    out = os.path.join(os.path.dirname(__file__), '..', 'engine', 'data', 'ja-model.txt')
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write("# TinySegmenter's model (Taku Kudo, 2008, new BSD licence), as the\n")
        f.write('# tinysegmenter crate 0.1.1 (MIT) carries it; written by bench/make_ja_model.py.\n')
        f.write(f'BIAS {bias}\n')
        for line in lines:
            f.write(line + '\n')
    h = write_version(out)
    print(f'{out}: {len(lines)} weights in {len(tables)} tables, version {h:016x}')

if __name__ == '__main__':
    main()
