#!/usr/bin/env python3
"""Compares dechrome's dates and authors with htmldate's and trafilatura's, page by page.

usage: tools/metadata_agreement.py SET_DIR [--cli PATH] [--out DIR] [--no-url]

No visible set has expected dates or authors, so this measures agreement, not accuracy:
a disagreement is a lead to read, not a verdict. For each page of SET_DIR/pages/*.html it
takes

  * dechrome's `published`, `modified` and `authors` (the command line's --jsonl output,
    with --metadata, and the set's URLs from truth.jsonl unless --no-url);
  * htmldate's original (publication) date, `find_date(html, url, original_date=True)`;
  * trafilatura's metadata (`extract_metadata`): its author and date.

The two references are run once and cached in OUT/<set>.ref.jsonl (they take minutes).
Days one apart where dechrome's date is an instant with an offset count apart ("a zone
apart"): htmldate reads the visible local day, dechrome keeps the instant as given. It
prints agreement counts and writes every disagreement to OUT/<set>.dates.jsonl and
OUT/<set>.authors.jsonl for reading. Dates agree when they name the same day as written
(the first ten characters of ISO 8601). Authors agree when the sets of names are equal
after NFKC, lower-casing and dropping punctuation.

Needs htmldate and trafilatura: `python3 -m venv target/meta-venv &&
target/meta-venv/bin/pip install -r tools/requirements-metadata.txt`.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata


def norm_name(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def names(value):
    if not value:
        return frozenset()
    if isinstance(value, str):
        value = re.split(r";|\band\b|,", value)
    return frozenset(n for n in map(norm_name, value) if n)


def references(set_dir, ids, urls, cache):
    """htmldate's and trafilatura's readings, cached."""
    done = {}
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                done[d["id"]] = d
    todo = [i for i in ids if i not in done]
    if todo:
        import logging

        logging.disable(logging.CRITICAL)
        from htmldate import find_date
        from trafilatura import extract_metadata

        with open(cache, "a", encoding="utf-8") as out:
            for n, i in enumerate(todo):
                with open(f"{set_dir}/pages/{i}.html", "rb") as f:
                    html = f.read()
                url = urls.get(i)
                try:
                    hd = find_date(html, url=url, original_date=True)
                except Exception:  # noqa: BLE001 - a reference that fails gives no date
                    hd = None
                try:
                    m = extract_metadata(html, default_url=url)
                    ta, td = (m.author, m.date) if m else (None, None)
                except Exception:  # noqa: BLE001
                    ta, td = None, None
                d = {"id": i, "htmldate": hd, "traf_author": ta, "traf_date": td}
                done[i] = d
                out.write(json.dumps(d) + "\n")
                if n % 100 == 99:
                    print(f"  references: {n + 1}/{len(todo)}", file=sys.stderr)
    return done


def dechrome(set_dir, urls, cli, use_url):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [cli, "--jsonl", f"{set_dir}/pages", "--metadata"]
        if use_url and urls:
            table = f"{tmp}/urls"
            with open(table, "w", encoding="utf-8") as f:
                for i, u in urls.items():
                    f.write(f"{i} {u}\n")
            cmd += ["--urls", table]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    pages = {}
    for line in filter(None, out.split("\n")):
        d = json.loads(line)
        pages[d["id"]] = d.get("metadata") or {}
    return pages


def day(s):
    return s[:10] if s else None


def one_zone_apart(mine, ref):
    """True when `mine` is an instant with an offset (or UTC) and `ref` a day next to its
    day: the same moment, read in another zone, as htmldate reads a visible local date."""
    import datetime

    if not mine or not ref or len(mine) <= 10 or not re.search(r"(Z|[+-]\d\d:\d\d)$", mine):
        return False
    try:
        a = datetime.date.fromisoformat(mine[:10])
        b = datetime.date.fromisoformat(ref[:10])
    except ValueError:
        return False
    return abs((a - b).days) == 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set_dir")
    ap.add_argument("--cli", default="target/release/dechrome")
    ap.add_argument("--out", default="target/metadata-agreement")
    ap.add_argument("--no-url", action="store_true", help="give no page its URL")
    args = ap.parse_args()
    name = os.path.basename(args.set_dir.rstrip("/"))
    os.makedirs(args.out, exist_ok=True)
    urls = {}
    with open(f"{args.set_dir}/truth.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("url"):
                urls[d["id"]] = d["url"]
    ids = sorted(p[:-5] for p in os.listdir(f"{args.set_dir}/pages") if p.endswith(".html"))
    refs = references(args.set_dir, ids, urls, f"{args.out}/{name}.ref.jsonl")
    ours = dechrome(args.set_dir, urls, args.cli, not args.no_url)

    kinds = {
        "agree": 0,
        "both none": 0,
        "a zone apart": 0,
        "only dechrome": 0,
        "only htmldate": 0,
        "differ": 0,
    }
    dates_out = []
    for i in ids:
        mine = day(ours.get(i, {}).get("published"))
        ref = day(refs[i]["htmldate"])
        if mine == ref:
            kinds["agree" if mine else "both none"] += 1
            continue
        kind = "differ" if mine and ref else "only dechrome" if mine else "only htmldate"
        if one_zone_apart(ours.get(i, {}).get("published"), ref):
            kind = "a zone apart"
        kinds[kind] += 1
        dates_out.append(
            {
                "id": i,
                "kind": kind,
                "dechrome": ours.get(i, {}).get("published"),
                "dechrome_modified": ours.get(i, {}).get("modified"),
                "htmldate": refs[i]["htmldate"],
                "trafilatura": refs[i]["traf_date"],
                "url": urls.get(i),
            }
        )
    authors = {"agree": 0, "both none": 0, "only dechrome": 0, "only trafilatura": 0, "differ": 0}
    authors_out = []
    for i in ids:
        mine = names(ours.get(i, {}).get("authors"))
        ref = names(refs[i]["traf_author"])
        if mine == ref:
            authors["agree" if mine else "both none"] += 1
            continue
        kind = "differ" if mine and ref else "only dechrome" if mine else "only trafilatura"
        authors[kind] += 1
        authors_out.append(
            {
                "id": i,
                "kind": kind,
                "dechrome": ours.get(i, {}).get("authors"),
                "trafilatura": refs[i]["traf_author"],
                "url": urls.get(i),
            }
        )
    for path, rows in [
        (f"{args.out}/{name}.dates.jsonl", dates_out),
        (f"{args.out}/{name}.authors.jsonl", authors_out),
    ]:
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = len(ids)
    with_date = sum(1 for i in ids if refs[i]["htmldate"])
    print(f"{name}: {n} pages; htmldate dates {with_date}")
    print(
        "  published day vs htmldate: "
        + ", ".join(f"{k} {v}" for k, v in kinds.items())
        + f"  (agreement {(kinds['agree'] + kinds['both none'] + kinds['a zone apart']) / n:.3f})"
    )
    print(
        "  authors vs trafilatura:    "
        + ", ".join(f"{k} {v}" for k, v in authors.items())
        + f"  (agreement {(authors['agree'] + authors['both none']) / n:.3f})"
    )


if __name__ == "__main__":
    main()
