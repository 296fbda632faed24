"""Pages per second from Python: dechrome against its own Rust path, trafilatura and resiliparse.

    python examples/speed.py [PAGES_DIR] [--rounds N]

PAGES_DIR defaults to ../shared/eval/scrapinghub/pages (from the repo's root). In one
process, on the same pages read into memory as bytes, each round times:

- ``rust``: the Rust text path (``Extractor::extract``), called once for all pages from Python (the
  baseline the binding is held to);
- ``dechrome.extract``: one call per page, text output;
- ``extract_many`` on 1 thread and on 2 threads;
- ``trafilatura.extract`` and resiliparse's ``extract_plain_text(main_content=True)``, when
  they are installed (``pip install trafilatura resiliparse``).

It prints the median pages per second of each over the rounds, and the ratios the README
quotes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import dechrome
from dechrome import _dechrome


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="?", default="../shared/eval/scrapinghub/pages")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    files = sorted(Path(a.pages).glob("*.html"))
    if not files:
        sys.exit(f"no pages in {a.pages}")
    pages = [f.read_bytes() for f in files]
    n = len(pages)

    runs = {
        "rust Extractor::extract (baseline)": lambda: _dechrome._rust_text_seconds(pages),
    }

    def timed(f):
        def run():
            start = time.perf_counter()
            f()
            return time.perf_counter() - start
        return run

    one = dechrome.Extractor()
    runs["dechrome.extract"] = timed(lambda: [one.extract(p) for p in pages])
    runs["dechrome.extract_many, 1 thread"] = timed(lambda: one.extract_many(pages, threads=1))
    runs["dechrome.extract_many, 2 threads"] = timed(lambda: one.extract_many(pages, threads=2))
    try:
        import trafilatura

        runs["trafilatura.extract"] = timed(lambda: [trafilatura.extract(p) for p in pages])
    except ImportError:
        print("(trafilatura not installed: skipped)")
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        from resiliparse.parse.html import HTMLTree

        def resiliparse_all():
            for p in pages:
                tree = HTMLTree.parse(bytes_to_str(p, detect_encoding(p)))
                extract_plain_text(tree, main_content=True)

        runs["resiliparse extract_plain_text"] = timed(resiliparse_all)
    except ImportError:
        print("(resiliparse not installed: skipped)")

    seconds = {name: [] for name in runs}
    for _ in range(a.rounds):
        for name, run in runs.items():
            seconds[name].append(run())
    rate = {name: n / statistics.median(s) for name, s in seconds.items()}
    print(f"{n} pages, {a.rounds} rounds, median pages/s:")
    for name, r in rate.items():
        print(f"  {name:36} {r:8.0f}")
    base = rate["rust Extractor::extract (baseline)"]
    print(f"dechrome.extract / rust path: {rate['dechrome.extract'] / base:.3f}")
    print("extract_many 2 threads / 1 thread: "
          f"{rate['dechrome.extract_many, 2 threads'] / rate['dechrome.extract_many, 1 thread']:.2f}")
    for peer in ("trafilatura.extract", "resiliparse extract_plain_text"):
        if peer in rate:
            print(f"dechrome.extract / {peer}: {rate['dechrome.extract'] / rate[peer]:.2f}x")


if __name__ == "__main__":
    main()
