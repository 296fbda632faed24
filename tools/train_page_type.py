#!/usr/bin/env python3
"""Fit dechrome's page-type model (src/score/page_type_model.rs), cross-validated by site.

    python3 -m venv target/venv && target/venv/bin/pip install -r tools/requirements.txt
    cargo run --release --example dump_pages -- target/eval/wcxb-dev > /tmp/wcxb-pages.jsonl
    cargo run --release --example dump_pages -- ../shared/eval/scrapinghub > /tmp/sh-pages.jsonl
    target/venv/bin/python tools/train_page_type.py \\
        --typed target/eval/wcxb-dev=/tmp/wcxb-pages.jsonl \\
        --articles ../shared/eval/scrapinghub=/tmp/sh-pages.jsonl [--write src/score/page_type_model.rs]

Labels: wcxb-dev's truth gives each page its type; every scrapinghub page is an article.
The model is a multinomial logistic regression on standardised features (the names and
their order are read from src/score/page_type.rs). Cross-validation holds out whole sites
(the URL's host, in five folds) and prints the held-out confusion matrix, so the figures are
those of sites the model did not see. --write replaces the parameters with a fit on all pages.
"""
import argparse
import json
import os
import re
import sys
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

CLASSES = ["article", "collection", "documentation", "forum", "listing", "product", "service"]
RUST_NAMES = {c: c.capitalize() for c in CLASSES}
HERE = os.path.dirname(os.path.abspath(__file__))


def feature_names():
    src = open(os.path.join(HERE, "..", "src", "score", "page_type.rs"), encoding="utf-8").read()
    block = src[src.index("pub(crate) const FEATURES: &[&str] = &["):]
    block = block[: block.index("];")]
    return re.findall(r'"([a-z_0-9]+)"', block)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def site_of(url, fallback):
    host = urlparse(url or "").netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return host or fallback


def load(spec, names, typed):
    dataset, dump = spec.split("=", 1)
    truth = {str(r["id"]): r for r in read_jsonl(os.path.join(dataset, "truth.jsonl"))}
    X, y, groups, ids = [], [], [], []
    for rec in read_jsonl(dump):
        t = truth.get(str(rec["id"]))
        if t is None or not rec["features"]:
            continue
        label = t.get("page_type") if typed else "article"
        if label not in CLASSES:
            continue
        X.append([float(rec["features"].get(n, 0.0)) for n in names])
        y.append(CLASSES.index(label))
        groups.append(site_of(t.get("url"), str(rec["id"])))
        ids.append(str(rec["id"]))
    return X, y, groups, ids


def fit(X, y, c, weights):
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((X - mean) / scale, y, sample_weight=weights)
    return model, mean, scale


def predict(model, mean, scale, X):
    return model.predict((X - mean) / scale)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--typed", action="append", default=[], help="DATASET=DUMP with page_type truth")
    ap.add_argument("--articles", action="append", default=[], help="DATASET=DUMP, all articles")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", help="rewrite this page_type_model.rs with the fit on all pages")
    args = ap.parse_args()
    names = feature_names()
    X, y, groups, ids = [], [], [], []
    for spec in args.typed:
        a, b, c, d = load(spec, names, True)
        X += a; y += b; groups += c; ids += d
    for spec in args.articles:
        a, b, c, d = load(spec, names, False)
        X += a; y += b; groups += c; ids += d
    X, y, groups = np.array(X, dtype=float), np.array(y), np.array(groups)
    # Each type weighs as much as it does in the typed sets; the extra articles count half.
    weights = np.ones(len(y))
    print(f"pages: {len(y)}, sites: {len(set(groups))}, features: {len(names)}")

    pred = np.zeros(len(y), dtype=int)
    for train, test in GroupKFold(n_splits=args.folds).split(X, y, groups):
        model, mean, scale = fit(X[train], y[train], args.c, weights[train])
        pred[test] = predict(model, mean, scale, X[test])
    k = len(CLASSES)
    cm = np.zeros((k, k), dtype=int)
    for t, p in zip(y, pred):
        cm[t, p] += 1
    print("held-out confusion matrix (rows: truth, columns: detected), cross-validated by site")
    print("| truth \\ detected | " + " | ".join(c[:4] for c in CLASSES) + " | recall |")
    print("|---" * (k + 2) + "|")
    for i, c in enumerate(CLASSES):
        rec = cm[i, i] / max(cm[i].sum(), 1)
        print(f"| {c} ({cm[i].sum()}) | " + " | ".join(str(x) for x in cm[i]) + f" | {rec:.2f} |")
    prec = [cm[i, i] / max(cm[:, i].sum(), 1) for i in range(k)]
    print("| precision | " + " | ".join(f"{p:.2f}" for p in prec) + " | |")
    print(f"accuracy {np.trace(cm) / cm.sum():.3f}")

    if args.write:
        model, mean, scale = fit(X, y, args.c, weights)
        classes = [CLASSES[i] for i in model.classes_]
        assert classes == CLASSES, classes
        fmt = lambda v: f"{v:.6f}"
        rows = ",\n".join("    [" + ", ".join(fmt(w) for w in row) + "]" for row in model.coef_)
        out = f"""//! The page-type model's parameters: data written by `tools/train_page_type.py` (a
//! multinomial logistic regression on standardised features, fitted on wcxb-dev's typed pages
//! and scrapinghub's articles; its cross-validated figures are in the README).
// Written as decimals: some have more digits than an f32 holds.
#![allow(clippy::excessive_precision)]

use crate::metadata::PageType;

/// The types the model tells apart, in its output order.
pub(crate) const CLASSES: &[PageType] = &[
{chr(10).join(f"    PageType::{RUST_NAMES[c]}," for c in CLASSES)}
];

const N: usize = super::page_type::FEATURES.len();

/// Each feature's mean and scale on the training pages (inputs are standardised).
#[rustfmt::skip]
pub(crate) const MEAN: [f32; N] = [{", ".join(fmt(v) for v in mean)}];
#[rustfmt::skip]
pub(crate) const SCALE: [f32; N] = [{", ".join(fmt(v) for v in scale)}];

/// Per type, a weight per standardised feature, and a bias.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [[f32; N]; {k}] = [
{rows},
];
#[rustfmt::skip]
pub(crate) const BIAS: [f32; {k}] = [{", ".join(fmt(v) for v in model.intercept_)}];
"""
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(out)
        print(f"wrote {args.write}")


if __name__ == "__main__":
    sys.exit(main())
