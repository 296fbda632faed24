"""Extract the HTML responses of WARC files with Spark, into Parquet.

One Spark task per WARC file: the task streams the file's records with warcio, gathers the
HTML responses into batches, extracts each batch with ``dechrome.extract_many`` (all the
executor's cores, without the GIL) and yields one row per page: url, title, text,
language, page_type. The rows are written as Parquet.

    python examples/spark_warc.py OUT_DIR FILE.warc.gz [FILE.warc.gz ...] [--master local[2]]

On a cluster, pass the files as paths every executor can read (a shared file system), and
the master of the cluster; dechrome, warcio and pyarrow must be installed on the executors.
"""

from __future__ import annotations

import argparse
from typing import Iterable, Iterator, List, Tuple

SCHEMA = "url string, title string, text string, language string, page_type string"

#: Pages handed to extract_many at once: enough to keep the cores busy, few enough that a
#: batch of large pages stays small in memory.
BATCH = 64


def html_records(path: str) -> Iterator[Tuple[str, bytes, str]]:
    """(url, body, content type) of each HTML response in a WARC file, streamed."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            yield url, record.content_stream().read(), content_type


def extract_files(paths: Iterable[str], threads: int | None = None) -> Iterator[tuple]:
    """The rows of every HTML page of the files: what one Spark task runs."""
    import dechrome

    extractor = dechrome.Extractor()

    def flush(batch: List[Tuple[str, bytes, str]]) -> Iterator[tuple]:
        pages = [{"html": body, "url": url, "content_type": ct} for url, body, ct in batch]
        for (url, _, _), r in zip(batch, extractor.extract_many(pages, threads=threads,
                                                                  errors="none")):
            if r is not None:
                yield (url, r.title, r.text, r.language, r.page_type)

    for path in paths:
        batch: List[Tuple[str, bytes, str]] = []
        for record in html_records(path):
            batch.append(record)
            if len(batch) >= BATCH:
                yield from flush(batch)
                batch = []
        yield from flush(batch)


def run(files: List[str], out: str, master: str = "local[2]", threads: int | None = None) -> int:
    """Extracts `files` on Spark and writes Parquet to `out`; returns the rows written."""
    import os
    import sys

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName("dechrome-warc")
    builder = builder.config("spark.ui.enabled", "false")
    if master.startswith("local"):
        # Local workers run this interpreter, the one dechrome is installed in.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        # The executors import this file to run extract_files.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
        rdd = spark.sparkContext.parallelize(files, numSlices=max(len(files), 1))
        rows = rdd.mapPartitions(lambda part: extract_files(part, threads))
        frame = spark.createDataFrame(rows, SCHEMA)
        frame.write.mode("overwrite").parquet(out)
        return spark.read.parquet(out).count()
    finally:
        spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="the Parquet directory to write")
    ap.add_argument("files", nargs="+", help="WARC files (.warc or .warc.gz)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--threads", type=int, default=None,
                    help="extraction threads per task (default: all cores)")
    a = ap.parse_args()
    n = run(a.files, a.out, a.master, a.threads)
    print(f"{n} pages written to {a.out}")


if __name__ == "__main__":
    main()
