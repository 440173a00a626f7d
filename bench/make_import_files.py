#!/usr/bin/env python3
"""Makes the import benchmark's files (bench/data/import/, never committed) from
bench/data/sotu (made by bench/make_corpora.py) as a reader would bring them:

- sotu-txt/: the 249 addresses as plain text, `DATE-ID.txt`, the title on the
  first line (the import reads the date from the file's name);
- sotu-txt.zip: the same folder zipped (deflated);
- sotu-paragraphs.zip: each paragraph of each address as its own .txt
  (25,488 files, deflated), dated by its name;
- sotu-20000/: the first 20,000 of those paragraphs as files of a folder,
  a subfolder per address (a folder of 20,000 small files);
- lexisnexis-500.txt: a LexisNexis text export of 500 articles (about 3
  MB), each a run of paragraphs of one address, in the export's layout
  (a byte-order mark, CRLF, the header's fields, the trailing ones).

Usage: python3 bench/make_import_files.py   (quick when the files are there)
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent
SOTU = ROOT / "data" / "sotu"
OUT = ROOT / "data" / "import"


def main():
    if not SOTU.is_dir():
        subprocess.run([sys.executable, str(ROOT / "make_corpora.py")], check=True)
    txt = OUT / "sotu-txt"
    if (OUT / "sotu-paragraphs.zip").exists() and (OUT / "sotu-20000").is_dir() and (OUT / "lexisnexis-500.txt").exists():
        return
    shutil.rmtree(OUT, ignore_errors=True)
    txt.mkdir(parents=True)
    paragraphs = []
    addresses = []
    for f in sorted(SOTU.glob("*.md")):
        _, front, body = f.read_text(encoding="utf-8").split("+++", 2)
        meta = tomllib.loads(front)
        date = str(meta["date"])
        name = f"{date}-{f.stem}"
        blocks = [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]
        (txt / f"{name}.txt").write_text(meta["title"] + "\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
        paragraphs += [(f"sotu-paragraphs/{name}-{i + 1:03}.txt", b) for i, b in enumerate(blocks)]
        addresses.append((date, meta["title"], blocks))
    with zipfile.ZipFile(OUT / "sotu-txt.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(txt.iterdir()):
            z.write(f, f"sotu-txt/{f.name}")
    with zipfile.ZipFile(OUT / "sotu-paragraphs.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in paragraphs:
            z.writestr(name, text + "\n")
    lexis_export(addresses, OUT / "lexisnexis-500.txt")
    many = OUT / "sotu-20000"
    for name, text in paragraphs[:20000]:
        folder, file = name.split("/")[1].rsplit("-", 1)
        (many / folder).mkdir(parents=True, exist_ok=True)
        (many / folder / f"{folder}-{file}").write_text(text + "\n", encoding="utf-8")
    print(f"bench/data/import: {len(list(txt.iterdir()))} .txt files, {len(paragraphs)} paragraphs, 20,000 of them in a folder")


def lexis_export(addresses, path, articles=500, size=6000):
    """Runs of paragraphs of each address, about `size` bytes each, as the
    articles of a LexisNexis text export."""
    import datetime
    runs = []
    for date, title, blocks in addresses:
        run = []
        for b in blocks:
            run.append(b)
            if sum(map(len, run)) >= size:
                runs.append((date, title, run))
                run = []
        if run:
            runs.append((date, title, run))
    step = len(runs) / articles
    chosen = [runs[int(i * step)] for i in range(articles)]
    out = ["\ufeff"]
    for n, (date, title, run) in enumerate(chosen, 1):
        d = datetime.date.fromisoformat(date) if len(date) == 10 else datetime.date(int(date[:4]), 1, 1)
        words = sum(len(p.split()) for p in run)
        out += [f"                              {n} of {articles} DOCUMENTS", "", "",
                "                          The Union Gazette", "",
                f"                          {d.strftime('%B')} {d.day}, {d.year} {d.strftime('%A')}",
                "                                 Final Edition", "",
                f"{title}, part {n}", "", "BYLINE: Gazette Staff", "", "SECTION: ADDRESSES; Pg. 1", "",
                f"LENGTH: {words} words", "", ""]
        for p in run:
            out += [p, ""]
        out += ["", f"LOAD-DATE: {d.strftime('%B')} {d.day}, {d.year}", "", "LANGUAGE: ENGLISH", "",
                "PUBLICATION-TYPE: Newspaper", "", "                      Copyright The Union Gazette", ""]
    path.write_text("\r\n".join(out), encoding="utf-8", newline="")


main()
