#!/usr/bin/env python3
"""How often Metadata::title matches a labelled set's titles.

usage: tools/title_match.py SET_DIR PREDS.jsonl [PREDS.jsonl ...]

SET_DIR holds truth.jsonl ({"id", "title"}); each PREDS file is the --jsonl output of the
command line ({"id", "title", "text"}). Titles are compared after NFKC, lower-casing, and
turning every run of non-word characters into one space. Pages whose truth has no title
are left out.
"""
import json
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    truth = {}
    with open(f"{sys.argv[1]}/truth.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("title"):
                truth[d["id"]] = norm(d["title"])
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            pred = {d["id"]: norm(d.get("title")) for d in map(json.loads, f)}
        ok = sum(1 for k, v in truth.items() if pred.get(k) == v)
        print(f"{path}: {ok}/{len(truth)} = {ok / len(truth):.3f}")


if __name__ == "__main__":
    main()
