#!/usr/bin/env python3
"""Compares the structure of dechrome's HTML output with trafilatura's, kind by kind.

usage: tools/structure_compare.py SET_DIR [SET_DIR ...] [--cli PATH] [--out DIR] [--pages N]

No visible set has expected HTML, so this measures agreement with a reference, as a lead to
read: for each page and each kind of element (headings, list items, tables, table rows,
code blocks, blockquotes, images, links, paragraphs) the similarity of the two counts,
min/max, averaged over the pages where either output has that kind. It also sums the
counts, so that a kind one side drops shows as a total far below the other's.

dechrome runs as `--jsonl DIR --format html --links` (each line's "text" is the HTML);
trafilatura as `extract(html, output_format="html", include_images=True,
include_links=True, include_tables=True, include_formatting=True)`, cached in
OUT/<set>.trafilatura-html.jsonl. Pages whose per-kind counts differ most are written to
OUT/<set>.structure.jsonl for reading.

Needs trafilatura: `target/meta-venv` (see tools/requirements-metadata.txt).
"""
import argparse
import json
import os
import re
import subprocess
import sys

KINDS = {
    "headings": r"<h[1-6][\s>]",
    "list items": r"<li[\s>]",
    "tables": r"<table[\s>]",
    "table rows": r"<tr[\s>]",
    "code blocks": r"<pre[\s>]",
    "blockquotes": r"<blockquote[\s>]",
    "images": r"<img[\s>]",
    "links": r"<a[\s>]",
    "paragraphs": r"<p[\s>]",
}


def counts(html):
    html = html or ""
    return {k: len(re.findall(p, html, flags=re.I)) for k, p in KINDS.items()}


def reference(set_dir, ids, cache):
    done = {}
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                done[d["id"]] = d["html"]
    todo = [i for i in ids if i not in done]
    if todo:
        import logging

        logging.disable(logging.CRITICAL)
        from trafilatura import extract

        with open(cache, "a", encoding="utf-8") as out:
            for n, i in enumerate(todo):
                with open(f"{set_dir}/pages/{i}.html", "rb") as f:
                    raw = f.read()
                try:
                    html = extract(
                        raw,
                        output_format="html",
                        include_images=True,
                        include_links=True,
                        include_tables=True,
                        include_formatting=True,
                    )
                except Exception:  # noqa: BLE001 - a reference that fails gives nothing
                    html = None
                done[i] = html
                out.write(json.dumps({"id": i, "html": html}) + "\n")
                if n % 100 == 99:
                    print(f"  trafilatura: {n + 1}/{len(todo)}", file=sys.stderr)
    return done


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--cli", default="target/release/dechrome")
    ap.add_argument("--out", default="target/structure-compare")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    header = f"{'set':14} {'kind':12} {'similarity':>10} {'pages':>6} {'dechrome':>9} {'trafilatura':>11}"
    print(header)
    for set_dir in args.sets:
        name = os.path.basename(set_dir.rstrip("/"))
        ids = sorted(p[:-5] for p in os.listdir(f"{set_dir}/pages") if p.endswith(".html"))
        ref = reference(set_dir, ids, f"{args.out}/{name}.trafilatura-html.jsonl")
        out = subprocess.run(
            [args.cli, "--jsonl", f"{set_dir}/pages", "--format", "html", "--links"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        ours = {d["id"]: d.get("text") for d in map(json.loads, filter(None, out.split("\n")))}
        sims = {k: [] for k in KINDS}
        totals = {k: [0, 0] for k in KINDS}
        rows = []
        for i in ids:
            a, b = counts(ours.get(i)), counts(ref.get(i))
            row = {"id": i}
            for k in KINDS:
                totals[k][0] += a[k]
                totals[k][1] += b[k]
                if a[k] or b[k]:
                    sims[k].append(min(a[k], b[k]) / max(a[k], b[k]))
                    row[k] = [a[k], b[k]]
            rows.append(row)
        means = []
        for k in KINDS:
            s = sims[k]
            m = sum(s) / len(s) if s else float("nan")
            means.append(m)
            print(f"{name:14} {k:12} {m:10.3f} {len(s):6d} {totals[k][0]:9d} {totals[k][1]:11d}")
        valid = [m for m in means if m == m]
        print(f"{name:14} {'mean':12} {sum(valid) / len(valid):10.3f}")
        with open(f"{args.out}/{name}.structure.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
