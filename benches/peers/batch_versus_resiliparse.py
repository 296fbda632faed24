#!/usr/bin/env python3
"""Batch throughput on all cores: dechrome's ``extract_many`` against resiliparse in a pool
of processes of the same size, rounds alternating.

    target/py-venv/bin/python benches/peers/batch_versus_resiliparse.py [PAGES_DIR] [--rounds N] [--workers N]

PAGES_DIR defaults to ../shared/eval/trafilatura/pages; ``--workers`` to the number of
cores. The pages are read into memory as bytes first. Each round times:

- dechrome: ``Extractor().extract_many(pages, threads=N)`` (text, decoding included, Python
  objects of the results made);
- resiliparse: a ``multiprocessing.Pool(N)``, started and warmed before the rounds, mapping
  ``HTMLTree.parse_from_bytes`` + ``extract_plain_text(main_content=True)`` over the pages
  in chunks (the pages go to the workers and the texts come back, as a batch job would
  run it: threads would hold the GIL between calls).

It prints each side's median pages per second and the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import time
from pathlib import Path

import dechrome


def _resiliparse_one(page: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse_from_bytes(page), main_content=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="?", default="../shared/eval/trafilatura/pages")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    pages = [p.read_bytes() for p in sorted(Path(args.pages).glob("*.html"))]
    n, workers = len(pages), args.workers
    extractor = dechrome.Extractor()
    chunk = max(1, n // (workers * 8))

    with multiprocessing.get_context("fork").Pool(workers) as pool:

        def resiliparse_seconds() -> float:
            start = time.perf_counter()
            pool.map(_resiliparse_one, pages, chunksize=chunk)
            return time.perf_counter() - start

        def dechrome_seconds() -> float:
            start = time.perf_counter()
            extractor.extract_many(pages, threads=workers, errors="none")
            return time.perf_counter() - start

        sides = {"resiliparse (process pool)": resiliparse_seconds, "dechrome extract_many": dechrome_seconds}
        names = list(sides)
        for f in sides.values():  # warm-up, untimed
            f()
        secs = {k: [] for k in names}
        for r in range(args.rounds):
            order = names if r % 2 == 0 else names[::-1]
            for k in order:
                secs[k].append(sides[k]())

    print(f"{n} pages, {sum(map(len, pages)) / 1e6:.1f} MB, {workers} workers, {args.rounds} rounds")
    for k in names:
        print(f"{k:28} {n / statistics.median(secs[k]):8.1f} pages/s (median)")
    ratios = [a / b for a, b in zip(secs[names[0]], secs[names[1]])]
    print(
        f"dechrome / resiliparse: {statistics.median(ratios):.2f}x "
        f"(rounds {min(ratios):.2f}-{max(ratios):.2f})"
    )


if __name__ == "__main__":
    main()
