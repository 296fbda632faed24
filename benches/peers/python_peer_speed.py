#!/usr/bin/env python3
"""Pages per second of a Python extractor on a folder of pages, in-process, one core.

    python3 -m venv .venv-peers && .venv-peers/bin/pip install -r benches/peers/requirements.txt
    .venv-peers/bin/python benches/peers/python_peer_speed.py PEER ../shared/eval/scrapinghub/pages [ROUNDS]

PEER is `trafilatura` (default settings, text output) or `resiliparse` (its C++ HTML parser
and main-content text extraction). Start-up and file reading are outside the timing: the
pages are read into memory first, then each round extracts every page, and the median
round is reported.
"""
import os
import statistics
import sys
import time


def trafilatura_extractor():
    import trafilatura

    return f"trafilatura {trafilatura.__version__}", trafilatura.extract


def resiliparse_extractor():
    from importlib.metadata import version

    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(page):
        html = bytes_to_str(page, detect_encoding(page))
        return extract_plain_text(HTMLTree.parse(html), main_content=True)

    return f"resiliparse {version('resiliparse')}", extract


PEERS = {"trafilatura": trafilatura_extractor, "resiliparse": resiliparse_extractor}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in PEERS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(PEERS)} DIR [ROUNDS]")
    name, extract = PEERS[sys.argv[1]]()
    folder = sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    pages = []
    for entry in sorted(os.listdir(folder)):
        if entry.endswith(".html"):
            with open(os.path.join(folder, entry), "rb") as f:
                pages.append(f.read())
    extract(pages[0])  # warm-up: imports and caches
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        for page in pages:
            extract(page)
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    print(f"{name}: {len(pages)} pages, median {median:.2f} s, {len(pages) / median:.1f} pages/s")


if __name__ == "__main__":
    main()
