"""The version of a language data file: the FNV-1a hash of its bytes,
written beside it (NAME.version). The page and the import worker ask for
data/NAME.txt?v=VERSION, so that no cache serves another version than the
one its build counted with (engine/src/text/segment.rs, CHINESE_WORDS_PATH).
"""

def write_version(path):
    h = 0xcbf29ce484222325
    with open(path, 'rb') as f:
        for b in f.read():
            h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    with open(path.replace('.txt', '.version'), 'w') as f:
        f.write(f'{h:016x}')
    return h
