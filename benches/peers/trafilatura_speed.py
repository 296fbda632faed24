#!/usr/bin/env python3
"""Pages per second of Python trafilatura on a folder of pages, in-process, one core.

    python3 -m venv .venv-peers && .venv-peers/bin/pip install trafilatura lxml_html_clean
    .venv-peers/bin/python benches/peers/trafilatura_speed.py ../shared/eval/scrapinghub/pages [ROUNDS]

Start-up and file reading are outside the timing: the pages are read into memory first,
then each round extracts every page (default settings, output text), and the median round
is reported.
"""
import os
import statistics
import sys
import time

import trafilatura


def main():
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html"):
            with open(os.path.join(folder, name), "rb") as f:
                pages.append(f.read())
    trafilatura.extract(pages[0])  # warm-up: imports and caches
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, median {median:.2f} s, "
          f"{len(pages) / median:.1f} pages/s")


if __name__ == "__main__":
    main()
