#!/usr/bin/env python3
"""dechrome against resiliparse, in one process, pinned to one core, rounds alternating.

    python -m venv target/py-venv && target/py-venv/bin/pip install -r benches/peers/requirements.txt
    CARGO_TARGET_DIR=$PWD/target target/py-venv/bin/pip install ./python
    target/py-venv/bin/python benches/peers/versus_resiliparse.py [PAGES_DIR] [--rounds N] [--core C]

PAGES_DIR defaults to ../shared/eval/scrapinghub/pages. The pages are read into memory as
bytes first. Each round times, one after another on the same core:

- resiliparse: ``HTMLTree.parse_from_bytes(page)`` then
  ``extract_plain_text(tree, main_content=True)``, page by page;
- dechrome's text path, ``Extractor::extract`` (text, metadata, page type), decoding
  included, run in Rust over all pages without the GIL;
- dechrome's whole ``Document`` path, ``Extractor::document`` (every block explained).

The order of the three turns with each round, so that none always runs first. It prints
each side's median pages per second and the medians of the per-round ratios, which are
what to compare on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from dechrome import _dechrome


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="?", default="../shared/eval/scrapinghub/pages")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--core", type=int, default=0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.core})

    from importlib.metadata import version

    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    pages = [p.read_bytes() for p in sorted(Path(args.pages).glob("*.html"))]
    n = len(pages)

    def resiliparse_seconds() -> float:
        start = time.perf_counter()
        for page in pages:
            extract_plain_text(HTMLTree.parse_from_bytes(page), main_content=True)
        return time.perf_counter() - start

    sides = {
        f"resiliparse {version('resiliparse')}": resiliparse_seconds,
        "dechrome text (Extractor::extract)": lambda: _dechrome._rust_text_seconds(pages),
        "dechrome Document (Extractor::document)": lambda: _dechrome._rust_document_seconds(
            pages
        ),
    }
    names = list(sides)
    # One warm-up round of each, untimed.
    for f in sides.values():
        f()
    secs = {k: [] for k in names}
    for r in range(args.rounds):
        order = names[r % 3 :] + names[: r % 3]
        for k in order:
            secs[k].append(sides[k]())
    resi = names[0]
    print(f"{n} pages, {sum(map(len, pages)) / 1e6:.1f} MB, {args.rounds} rounds, core {args.core}")
    for k in names:
        print(f"{k:42} {n / statistics.median(secs[k]):8.1f} pages/s (median)")
    for k in names[1:]:
        ratios = [a / b for a, b in zip(secs[resi], secs[k])]
        print(
            f"{k} / resiliparse: {statistics.median(ratios):.2f}x "
            f"(rounds {min(ratios):.2f}-{max(ratios):.2f})"
        )


if __name__ == "__main__":
    main()
