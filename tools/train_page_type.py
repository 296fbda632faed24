#!/usr/bin/env python3
"""Fit dechrome's page-type model (src/score/page_type_model.rs), cross-validated by site.

    python3 -m venv target/venv && target/venv/bin/pip install -r tools/requirements.txt
    cargo build --release --examples
    for s in target/eval/wcxb-dev target/eval/l3s-gn1 ../shared/eval/scrapinghub; do
        ./target/release/examples/dump_pages $s > target/$(basename $s).pages.jsonl; done
    target/venv/bin/python tools/train_page_type.py \\
        --typed target/eval/wcxb-dev=target/wcxb-dev.pages.jsonl \\
        --articles ../shared/eval/scrapinghub=target/scrapinghub.pages.jsonl \\
        --articles target/eval/l3s-gn1=target/l3s-gn1.pages.jsonl \\
        [--cv-out target/page-type-cv.jsonl] [--write src/score/page_type_model.rs]

Labels: a typed set's truth gives each page its type (wcxb-dev); every page of an
--articles set is an article (scrapinghub, l3s-gn1).

The model is a multinomial logistic regression on standardised features, read by name from
the dumps (each dump line has {"features": {name: value}, "neutral": [name]}). A feature is
"neutral" on a page that does not give its signal (no URL, nothing declared, no HTML5
sectioning tags): its standardised value is 0, so it moves no type. Means and scales are
taken over the pages that give the signal. So that the model learns to read a page without
them, every training page is also shown with each non-empty set of its known signals made
neutral (weighted so that all the copies of a page together weigh --drop times the page).

Cross-validation holds out whole sites in five folds: the URL's host where the truth gives a
URL, else the domain the page links to most (l3s-gn1's pages carry no URL). The held-out
confusion matrix and each set's share of pages detected as non-articles are printed: they are
the figures of sites the model never saw. --cv-out writes each page's held-out probabilities,
for tools/page_type_loss.py. --write replaces the parameters with a fit on all pages.
"""
import argparse
import collections
import itertools
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

# The signals a page may not give, by the features that read them (their names' start, as in
# src/score/page_type.rs, whose Signal enum is the authority; checked against the dumps).
SIGNALS = {
    "url": lambda n: n.startswith("url_"),
    "declared": lambda n: n.startswith(("ld_", "og_")),
    "html5": lambda n: n in ("articles", "sections", "times"),
}
# Hosts that say nothing of a page's site: ad servers, counters, sharing buttons, CDNs.
NOT_A_SITE = re.compile(
    r"doubleclick|googlesyndication|google-analytics|googleadservices|google\.|digg\.com|"
    r"del\.icio\.us|feedburner|akamai|2o7\.net|statcounter|addthis|facebook|twitter|"
    r"w3\.org|purl\.org|adobe|macromedia|yahoo|technorati|stumbleupon|reddit|quantserve|"
    r"xiti|webtrends|sitemeter|blogads|amazon|youtube|flickr|wikipedia|adbutler|ads\.|^ad\."
)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def domain(host):
    host = host.lower().split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    # co.uk, com.au, ...: keep three labels.
    if len(parts) >= 3 and len(parts[-2]) <= 3 and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def site_of(dataset, rec_id, url):
    host = urlparse(url or "").netloc
    if host:
        return domain(host)
    path = os.path.join(dataset, "pages", f"{rec_id}.html")
    try:
        html = open(path, "rb").read().decode("latin-1")
    except OSError:
        return f"page:{rec_id}"
    hosts = collections.Counter(
        domain(h)
        for h in re.findall(r"""(?:href|src|action)\s*=\s*["']?https?://([^/"'\s>:?#]+)""", html, re.I)
        if not NOT_A_SITE.search(h.lower())
    )
    return hosts.most_common(1)[0][0] if hosts else f"page:{rec_id}"


def load(spec, typed):
    dataset, dump = spec.split("=", 1)
    truth = {str(r["id"]): r for r in read_jsonl(os.path.join(dataset, "truth.jsonl"))}
    rows = []
    for rec in read_jsonl(dump):
        t = truth.get(str(rec["id"]))
        if t is None or not rec.get("features"):
            continue
        label = t.get("page_type") if typed else "article"
        if label not in CLASSES:
            continue
        rows.append({
            "set": os.path.basename(os.path.normpath(dataset)),
            "id": str(rec["id"]),
            "label": CLASSES.index(label),
            "site": site_of(dataset, rec["id"], t.get("url")),
            "features": rec["features"],
            "neutral": set(rec.get("neutral", [])),
        })
    return rows


def signal_of(name):
    for s, test in SIGNALS.items():
        if test(name):
            return s
    return None


class Scaler:
    """Means and scales over the pages that give each feature's signal."""

    def __init__(self, X, known):
        self.mean = np.array([X[known[:, j], j].mean() if known[:, j].any() else 0.0
                              for j in range(X.shape[1])])
        self.scale = np.array([X[known[:, j], j].std() if known[:, j].any() else 1.0
                               for j in range(X.shape[1])])
        self.scale[self.scale < 1e-6] = 1.0

    def __call__(self, X, known):
        return np.where(known, (X - self.mean) / self.scale, 0.0)


def augment(X, known, y, w, groups_of_feature, drop):
    """Each page, plus a copy of it for every non-empty set of its known signals made neutral."""
    Xs, Ks, ys, ws = [X], [known], [y], [w]
    signals = sorted(set(g for g in groups_of_feature if g))
    masks = {s: np.array([g == s for g in groups_of_feature]) for s in signals}
    for i in range(len(y)):
        have = [s for s in signals if known[i, masks[s]].any()]
        subsets = [c for r in range(1, len(have) + 1) for c in itertools.combinations(have, r)]
        for c in subsets:
            k = known[i].copy()
            for s in c:
                k &= ~masks[s]
            Xs.append(X[i:i + 1]); Ks.append(k[None, :]); ys.append(y[i:i + 1])
            ws.append(np.array([w[i] * drop / len(subsets)]))
    return np.vstack(Xs), np.vstack(Ks), np.concatenate(ys), np.concatenate(ws)


def fit(X, known, y, w, groups_of_feature, c, drop):
    scaler = Scaler(X, known)
    Xa, Ka, ya, wa = augment(X, known, y, w, groups_of_feature, drop)
    model = LogisticRegression(C=c, max_iter=10000)
    model.fit(scaler(Xa, Ka), ya, sample_weight=wa)
    return model, scaler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--typed", action="append", default=[], help="DATASET=DUMP with page_type truth")
    ap.add_argument("--articles", action="append", default=[], help="DATASET=DUMP, all articles")
    ap.add_argument("--test", action="append", default=[],
                    help="DATASET=DUMP, all articles, never trained on: how the model carries to a set it never saw")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--drop", type=float, default=1.0,
                    help="weight of a page's copies without its known signals, against the page")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cv-out", help="write each page's held-out probabilities here (JSON lines)")
    ap.add_argument("--write", help="rewrite this page_type_model.rs with the fit on all pages")
    args = ap.parse_args()
    rows = []
    for spec in args.typed:
        rows += load(spec, True)
    for spec in args.articles:
        rows += load(spec, False)
    names = sorted(rows[0]["features"])
    groups_of_feature = [signal_of(n) for n in names]
    X = np.array([[float(r["features"].get(n, 0.0)) for n in names] for r in rows])
    known = np.array([[n not in r["neutral"] for n in names] for r in rows])
    for j, n in enumerate(names):
        if groups_of_feature[j] is None and not known[:, j].all():
            sys.exit(f"{n} is neutral on some page but belongs to no signal here")
    y = np.array([r["label"] for r in rows])
    sites = np.array([r["site"] for r in rows])
    w = np.ones(len(y))
    print(f"pages: {len(y)}, sites: {len(set(sites))}, features: {len(names)}, C {args.c}, drop {args.drop}")

    proba = np.zeros((len(y), len(CLASSES)))
    for train, test in GroupKFold(n_splits=args.folds).split(X, y, sites):
        model, scaler = fit(X[train], known[train], y[train], w[train], groups_of_feature, args.c, args.drop)
        proba[test] = model.predict_proba(scaler(X[test], known[test]))
    pred = proba.argmax(axis=1)
    k = len(CLASSES)
    cm = np.zeros((k, k), dtype=int)
    for t, p in zip(y, pred):
        cm[t, p] += 1
    print("held-out confusion matrix (rows: truth, columns: detected), cross-validated by site")
    print("| truth \\ detected | " + " | ".join(CLASSES) + " | recall |")
    print("|---" * (k + 2) + "|")
    for i, c in enumerate(CLASSES):
        rec = cm[i, i] / max(cm[i].sum(), 1)
        print(f"| {c} ({cm[i].sum()}) | " + " | ".join(str(x) for x in cm[i]) + f" | {rec:.2f} |")
    prec = [cm[i, i] / max(cm[:, i].sum(), 1) for i in range(k)]
    print("| precision | " + " | ".join(f"{p:.2f}" for p in prec) + " | |")
    print(f"accuracy {np.trace(cm) / cm.sum():.3f}")
    for s in sorted(set(r["set"] for r in rows)):
        idx = [i for i, r in enumerate(rows) if r["set"] == s]
        if all(y[i] == 0 for i in idx):
            off = sum(pred[i] != 0 for i in idx)
            print(f"{s}: {off} of {len(idx)} articles detected as another type ({100 * off / len(idx):.1f}%)")
    loss = -np.mean(np.log(np.maximum(proba[np.arange(len(y)), y], 1e-12)))
    print(f"held-out log loss {loss:.4f}")

    tested = []
    if args.test:
        model, scaler = fit(X, known, y, w, groups_of_feature, args.c, args.drop)
        for spec in args.test:
            test = load(spec, False)
            Xt = np.array([[float(r["features"].get(n, 0.0)) for n in names] for r in test])
            Kt = np.array([[n not in r["neutral"] for n in names] for r in test])
            probs = model.predict_proba(scaler(Xt, Kt))
            tested += [(r, p) for r, p in zip(test, probs)]
            pt = probs.argmax(axis=1)
            counts = collections.Counter(CLASSES[i] for i in pt)
            off = sum(pt != 0)
            print(f"never seen, {test[0]['set']}: {off} of {len(test)} articles detected as another type "
                  f"({100 * off / len(test):.1f}%): {dict(counts)}")

    if args.cv_out:
        with open(args.cv_out, "w", encoding="utf-8") as f:
            for r, p in list(zip(rows, proba)) + tested:
                f.write(json.dumps({"set": r["set"], "id": r["id"], "truth": CLASSES[r["label"]],
                                    "site": r["site"],
                                    "probabilities": dict(zip(CLASSES, map(float, p)))}) + "\n")
        print(f"wrote {args.cv_out}")

    if args.write:
        model, scaler = fit(X, known, y, w, groups_of_feature, args.c, args.drop)
        classes = [CLASSES[i] for i in model.classes_]
        assert classes == CLASSES, classes
        fmt = lambda v: f"{v:.6f}"
        rows_rs = "\n".join(
            f'    Weights {{ name: "{n}", mean: {fmt(scaler.mean[j])}, scale: {fmt(scaler.scale[j])}, '
            f'weights: [{", ".join(fmt(x) for x in model.coef_[:, j])}] }},'
            for j, n in enumerate(names))
        out = f"""//! The page-type model's parameters: data written by `tools/train_page_type.py` (a
//! multinomial logistic regression on standardised features, fitted on wcxb-dev's typed pages
//! and the articles of scrapinghub and l3s-gn1, with every page also shown without its URL,
//! its declared types and its HTML5 tags; its figures cross-validated by site are in the
//! README). Each feature is named, and the model reads it by its name.
// Written as decimals: some have more digits than an f32 holds.
#![allow(clippy::excessive_precision)]

use crate::metadata::PageType;

/// The types the model tells apart, in the order of each feature's weights.
pub(crate) const CLASSES: [PageType; {k}] = [
{chr(10).join(f"    PageType::{RUST_NAMES[c]}," for c in CLASSES)}
];

/// One feature: its name, its mean and scale on the training pages that give its signal
/// (inputs are standardised), and its weight towards each of [`CLASSES`].
pub(crate) struct Weights {{
    pub name: &'static str,
    pub mean: f32,
    pub scale: f32,
    pub weights: [f32; {k}],
}}

#[rustfmt::skip]
pub(crate) const FEATURES: &[Weights] = &[
{rows_rs}
];

/// Each type's bias.
#[rustfmt::skip]
pub(crate) const BIAS: [f32; {k}] = [{", ".join(fmt(v) for v in model.intercept_)}];
"""
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(out)
        print(f"wrote {args.write}")


if __name__ == "__main__":
    sys.exit(main())
