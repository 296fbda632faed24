#!/usr/bin/env python3
"""What reading a page as the wrong type costs, measured: the loss matrix of dechrome's
page-type decision (src/score/reading_loss.rs), and the decision's figures on held-out sites.

Every page of the labelled sets is extracted once per reading (the type given with
--page-type), and its F1 under each reading is compared with its F1 under its true type's
reading. The mean difference, per true type and reading, over the pages that give evidence
for that reading, is the loss matrix: what a reader loses when a page of type t is read as
r, on the pages where the decision would consider r at all. (An article without a run of
items reads the same as a listing, and would make misreading one look free.) Evidence is
read from the page-type dumps (dump_pages), by the rules of page_type::evidence_in_features
and the runs of items the group features describe. scrapinghub and l3s-gn1 count as
articles.

    cargo build --release --examples
    tools/readings.sh target/readings          # evaluate --per-doc, every set x every reading
    for s in target/eval/wcxb-dev target/eval/l3s-gn1 ../shared/eval/scrapinghub; do
        ./target/release/examples/dump_pages $s > target/readings/$(basename $s).pages.jsonl; done
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
import math
import os
import sys

import numpy as np

CLASSES = ["article", "collection", "documentation", "forum", "listing", "product", "service"]
SETS = ["scrapinghub", "wcxb-dev", "l3s-gn1"]
# Words of prose outside the region that are evidence of a landing page's sections or a
# thread's posts (tuning::SECTIONS_EVIDENCE_WORDS; the dumps give shares, so this is near).
SECTIONS = 50


def f1(row):
    if row.get("page_type") and "token_f1" in row:
        return row["token_f1"]
    p, r = row["shingle_p"], row["shingle_r"]
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def evidence(features):
    """Which readings a page gives positive evidence for (as the decision asks)."""
    f = features
    items = f.get("group_items", 0) > 0
    outside = math.expm1(f.get("words", 0)) * f.get("prose_share", 0) * (1 - f.get("region_share", 0))
    sections = outside >= SECTIONS
    any_of = lambda *names: any(f.get(n, 0) > 0 for n in names)
    return np.array([
        True,  # article
        items,  # collection
        any_of("pre_blocks", "ld_docs", "url_docs", "class_docs", "text_docs", "group_items"),
        sections or any_of("ld_forum", "url_forum", "class_forum", "text_forum"),
        items,  # listing
        any_of("prices", "ld_product", "ld_offer", "og_product", "class_product", "text_commerce"),
        items or sections,  # service
    ])


def read(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f) if r}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("readings", help="folder of SET.TYPE.jsonl per-doc files (evaluate --page-type TYPE --per-doc)")
    ap.add_argument("cv", nargs="?", help="held-out probabilities from train_page_type.py --cv-out")
    ap.add_argument("--misread", type=float, default=1.0, help="cost of reporting a page's type wrong")
    ap.add_argument("--sure", type=float, default=0.7,
                    help="probability another type needs on a page shaped like an article")
    ap.add_argument("--write", help="write the loss matrix to this Rust file")
    args = ap.parse_args()

    pages = {}  # (set, id) -> (truth, F1 per reading, evidence per reading)
    for s in SETS:
        per = {t: read(os.path.join(args.readings, f"{s}.{t}.jsonl")) for t in CLASSES}
        dump = read(os.path.join(args.readings, f"{s}.pages.jsonl"))
        for i, row in per["article"].items():
            truth = row.get("page_type") or "article"
            d = dump.get(i, {})
            ev = evidence(d.get("features") or {})
            pages[(s, i)] = (truth, np.array([f1(per[t][i]) for t in CLASSES]), ev,
                             bool(d.get("article_like")))
    k = len(CLASSES)
    loss = np.zeros((k, k))
    n = np.zeros((k, k))
    for truth, f, ev, _ in pages.values():
        t = CLASSES.index(truth)
        loss[t] += np.where(ev, f[t] - f, 0.0)
        n[t] += ev
    loss /= np.maximum(n, 1)
    print("mean F1 lost when a page of the row's type is read as the column's type (pages with evidence for it)")
    print("| truth \\ read as | " + " | ".join(CLASSES) + " |")
    print("|---" * (k + 1) + "|")
    for i, c in enumerate(CLASSES):
        print(f"| {c} ({int(n[i, i])}) | " + " | ".join(f"{x:.3f} ({int(m)})" for x, m in zip(loss[i], n[i])) + " |")

    if args.cv:
        cost = loss + args.misread * (1 - np.eye(k))
        rules = {
            "true type given": lambda p, t, ev: t,
            "most probable": lambda p, t, ev: int(p.argmax()),
            "most probable, on evidence": lambda p, t, ev: int(np.where(ev, p, -1).argmax()),
            "least expected loss, on evidence": lambda p, t, ev: int(np.where(ev, p @ cost, 9).argmin()),
        }
        cv = [json.loads(l) for l in open(args.cv, encoding="utf-8") if l.strip()]
        for name, rule in rules.items():
            by = collections.defaultdict(list)
            for r in cv:
                key = (r["set"], r["id"])
                if key not in pages:
                    continue
                truth, f, ev, article_like = pages[key]
                p = np.array([r["probabilities"][c] for c in CLASSES])
                if article_like:
                    ev = ev & (p >= args.sure)
                    ev[0] = True
                pick = rule(p, CLASSES.index(truth), ev)
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
