#!/usr/bin/env python3
"""What reading a page as the wrong type costs, measured: the loss matrix of dechrome's
page-type decision (src/score/reading_loss.rs), and the decision's figures on held-out sites.

Every page of the labelled sets is extracted once per reading (the type given with
--page-type), and its F1 under each reading is compared with its F1 under its true type's
reading. The mean difference, per true type and reading, is the loss matrix: what a reader
loses when a page of type t is read as r. scrapinghub and l3s-gn1 count as articles.

    cargo build --release --examples
    tools/readings.sh target/readings          # evaluate --per-doc, every set x every reading
    target/venv/bin/python tools/train_page_type.py ... --cv-out target/page-type-cv.jsonl
    target/venv/bin/python tools/page_type_loss.py target/readings target/page-type-cv.jsonl \\
        [--write src/score/reading_loss.rs]

With the held-out probabilities of train_page_type.py (each page typed by a model that never
saw its site), it also prints what each decision rule would give on every set: the true type
given (the ceiling), the most probable type, and the least expected loss. Each rule reads the
F1 each page has under the reading it picks, so the figures are those of the whole extraction.
"""
import argparse
import collections
import json
import os
import sys

import numpy as np

CLASSES = ["article", "collection", "documentation", "forum", "listing", "product", "service"]
SETS = ["scrapinghub", "wcxb-dev", "l3s-gn1"]


def f1(row):
    if row.get("page_type") and "token_f1" in row:
        return row["token_f1"]
    p, r = row["shingle_p"], row["shingle_r"]
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def read(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f) if r}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("readings", help="folder of SET.TYPE.jsonl per-doc files (evaluate --page-type TYPE --per-doc)")
    ap.add_argument("cv", nargs="?", help="held-out probabilities from train_page_type.py --cv-out")
    ap.add_argument("--misread", type=float, default=0.1, help="cost of reporting a page's type wrong")
    ap.add_argument("--write", help="write the loss matrix to this Rust file")
    args = ap.parse_args()

    pages = {}  # (set, id) -> (truth, F1 per reading)
    for s in SETS:
        per = {t: read(os.path.join(args.readings, f"{s}.{t}.jsonl")) for t in CLASSES}
        for i, row in per["article"].items():
            truth = row.get("page_type") or "article"
            pages[(s, i)] = (truth, np.array([f1(per[t][i]) for t in CLASSES]))
    k = len(CLASSES)
    loss = np.zeros((k, k))
    n = np.zeros(k)
    for truth, f in pages.values():
        t = CLASSES.index(truth)
        loss[t] += f[t] - f
        n[t] += 1
    loss /= np.maximum(n, 1)[:, None]
    print("mean F1 lost when a page of the row's type is read as the column's type")
    print("| truth \\ read as | " + " | ".join(CLASSES) + " |")
    print("|---" * (k + 1) + "|")
    for i, c in enumerate(CLASSES):
        print(f"| {c} ({int(n[i])}) | " + " | ".join(f"{x:.3f}" for x in loss[i]) + " |")

    if args.cv:
        cost = loss + args.misread * (1 - np.eye(k))
        rules = {
            "true type given": lambda p, t: t,
            "most probable": lambda p, t: int(p.argmax()),
            "least expected loss": lambda p, t: int((p @ cost).argmin()),
        }
        cv = [json.loads(l) for l in open(args.cv, encoding="utf-8") if l.strip()]
        for name, rule in rules.items():
            by = collections.defaultdict(list)
            for r in cv:
                key = (r["set"], r["id"])
                if key not in pages:
                    continue
                truth, f = pages[key]
                p = np.array([r["probabilities"][c] for c in CLASSES])
                pick = rule(p, CLASSES.index(truth))
                by[r["set"]].append(f[pick])
                if r["set"] == "wcxb-dev":
                    by[f"  {truth}"].append(f[pick])
                else:
                    by[f"{r['set']} not article"].append(pick != 0)
            print(f"\n{name}: " + ", ".join(f"{k.strip()} {np.mean(v):.4f}" for k, v in sorted(by.items())))

    if args.write:
        rows = "\n".join("    [" + ", ".join(f"{x:.4f}" for x in row) + "]," for row in loss)
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(f"""//! What reading a page as the wrong type costs: data written by `tools/page_type_loss.py`
//! from every labelled page extracted once per reading. Row: the page's true type; column: the
//! type it is read as; value: the mean F1 lost against reading it as its true type.

/// The loss matrix, in the order of [`super::page_type_model::CLASSES`] on both axes.
#[rustfmt::skip]
pub(crate) const READING_LOSS: [[f32; {k}]; {k}] = [
{rows}
];
""")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    sys.exit(main())
