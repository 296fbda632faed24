#!/usr/bin/env python3
"""Fit dechrome's block scorer (src/score/weights.rs) on the labelled sets, cross-validated by site.

    python3 -m venv .venv && .venv/bin/pip install -r tools/requirements.txt
    cargo run --release --example dump_blocks -- ../shared/eval/scrapinghub > /tmp/sh.jsonl
    cargo run --release --example dump_blocks -- ../shared/eval/trafilatura > /tmp/tr.jsonl
    .venv/bin/python tools/train_scorer.py --eval ../shared/eval \
        --dump scrapinghub=/tmp/sh.jsonl --dump trafilatura=/tmp/tr.jsonl [--write src/score/weights.rs]

Block labels come from the truth: on a full-text set a block is content when most of its
word 4-grams occur in the true text; on a snippet set a block holding (or held by) a "with"
snippet is content and one holding a "without" snippet is not; other blocks are left out.
Each set weighs the same in the fit. Cross-validation holds out whole sites (the URL's host)
and scores the held-out pages with the datasets' own metrics (score.py), so the figures are
those of pages the model did not see. --write replaces the weights in src/score/weights.rs with a fit
on all pages.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

WORD = re.compile(r"\w+")

# Model inputs, in the order of src/score/weights.rs (the bias is the intercept).
TERMS = ["in_region", "outside_region", "lead", "prose_above", "other_section", "no_region", "chrome_cue", "link_density",
         "length", "stopwords", "ends_sentence", "short_at_edge", "loose_line", "headline", "date_line", "credit", "item_title", "ad_label",
         "heading", "list_item", "table_row", "preformatted", "quote", "caption",
         "neighbours_in_region", "section", "context", "introduces", "call_to_action",
         "metadata_line", "hidden", "item"]
RUST_NAMES = {t: "".join(p.capitalize() for p in t.split("_")) for t in TERMS}


def norm(s):
    return " ".join((s or "").split())


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def site_of(rec):
    url = rec.get("url") or ""
    host = urlparse(url).netloc.lower()
    if host:
        return host[4:] if host.startswith("www.") else host
    return rec["id"].split("-")[0].split(".")[0]


def label_fulltext(blocks, truth_text):
    toks = WORD.findall(truth_text)
    grams = set(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))
    joined = " " + " ".join(toks) + " "
    labels = []
    for b in blocks:
        bt = WORD.findall(b["text"])
        if not bt:
            labels.append(None)
            continue
        if len(bt) < 4:
            labels.append(1 if (" " + " ".join(bt) + " ") in joined else 0)
            continue
        sh = [tuple(bt[i:i + 4]) for i in range(len(bt) - 3)]
        labels.append(1 if sum(g in grams for g in sh) / len(sh) >= 0.5 else 0)
    return labels


def label_snippets(blocks, withs, withouts):
    withs = [norm(w) for w in withs if norm(w)]
    withouts = [norm(w) for w in withouts if norm(w)]
    labels = []
    for b in blocks:
        t = norm(b["text"])
        lab = None
        if t:
            if any(w in t or (len(t) >= 20 and t in w) for w in withs):
                lab = 1
            elif any(w in t for w in withouts):
                lab = 0
        labels.append(lab)
    return labels


def features(block):
    x = block["x"]
    return [float(x.get(t, 0.0)) for t in TERMS]


def load(eval_dir, name, dump_path):
    truth = {r["id"]: r for r in read_jsonl(os.path.join(eval_dir, name, "truth.jsonl"))}
    pages = []
    for rec in read_jsonl(dump_path):
        t = truth.get(rec["id"])
        if t is None:
            continue
        blocks = rec["blocks"]
        if t.get("text") is not None:
            labels = label_fulltext(blocks, t["text"])
        else:
            labels = label_snippets(blocks, t.get("with") or [], t.get("without") or [])
        pages.append({"id": rec["id"], "site": site_of(t), "blocks": blocks, "labels": labels,
                      "X": np.array([features(b) for b in blocks], dtype=float).reshape(-1, len(TERMS))})
    return truth, pages


def score_texts(score_mod, truth, texts, name):
    recs = list(truth.values())
    res = score_mod.score(recs, texts, rouge=False)
    if "shingle" in res:
        s = res["shingle"]
        return {"P": s["precision"], "R": s["recall"], "F1": s["f1"], "token_f1": res["token"]["f1"]}
    s = res["snippets"]
    return {"P": s["precision"], "R": s["recall"], "F1": s["f1"]}


def assemble(page, decisions):
    return "\n\n".join(b["text"] for b, keep in zip(page["blocks"], decisions) if keep)


def fit(pages_by_set, C):
    Xs, ys, ws = [], [], []
    for pages in pages_by_set:
        rows = [(x, l) for p in pages for x, l in zip(p["X"], p["labels"]) if l is not None]
        if not rows:
            continue
        w = 1.0 / len(rows)
        for x, l in rows:
            Xs.append(x)
            ys.append(l)
            ws.append(w)
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(np.array(Xs), np.array(ys), sample_weight=np.array(ws) * len(ws))
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", required=True, help="folder holding the datasets and score.py")
    ap.add_argument("--dump", action="append", required=True, help="NAME=blocks.jsonl")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--write", help="rewrite this weights.rs with the fit on all pages")
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    import score as score_mod  # the neutral scorer beside the datasets

    sets = {}
    for spec in args.dump:
        name, path = spec.split("=", 1)
        sets[name] = load(args.eval, name, path)

    # Current weights (the scores in the dump) as the baseline, and cross-validated fits.
    for name, (truth, pages) in sets.items():
        base = {p["id"]: assemble(p, [b["score"] >= 0 for b in p["blocks"]]) for p in pages}
        print(f"{name}: current model          {score_texts(score_mod, truth, base, name)}")
    cv_texts = {name: {} for name in sets}
    names = list(sets)
    splits = {}
    for name in names:
        pages = sets[name][1]
        groups = [p["site"] for p in pages]
        splits[name] = list(GroupKFold(n_splits=args.folds).split(pages, groups=groups))
    for k in range(args.folds):
        train = [[sets[n][1][i] for i in splits[n][k][0]] for n in names]
        model = fit(train, args.C)
        for n in names:
            for i in splits[n][k][1]:
                p = sets[n][1][i]
                keep = model.decision_function(p["X"]) >= 0 if len(p["blocks"]) else []
                cv_texts[n][p["id"]] = assemble(p, keep)
    for n in names:
        print(f"{n}: cross-validated fit      {score_texts(score_mod, sets[n][0], cv_texts[n], n)}")

    model = fit([sets[n][1] for n in names], args.C)
    weights = dict(zip(TERMS, model.coef_[0]))
    print("bias", round(float(model.intercept_[0]), 3))
    for t in TERMS:
        print(f"  {t:22} {weights[t]:+.3f}")
    if args.write:
        lines = [f"    (Term::Bias, {float(model.intercept_[0]):.4f}),"]
        lines += [f"    (Term::{RUST_NAMES[t]}, {weights[t]:.4f})," for t in TERMS]
        with open(args.write, encoding="utf-8") as f:
            src = f.read()
        start = src.index("pub(crate) const WEIGHTS: &[(Term, f32)] = &[\n")
        end = src.index("];", start)
        head = "pub(crate) const WEIGHTS: &[(Term, f32)] = &[\n"
        src = src[:start] + head + "\n".join(lines) + "\n" + src[end:]
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(src)
        print("wrote", args.write)


if __name__ == "__main__":
    main()
