"""Extract the HTML responses of WARC files with Spark, into Parquet.

One Spark task per WARC file: the task reads the file with ``dechrome.extract_warc`` (the
same reader, and the same rule for which records are pages, as the command line's
``--warc``), which extracts its pages in batches on all the executor's cores without the
GIL, and yields one row per page: url, record_id, title, text, language, page_type. The rows
are written as Parquet; the records skipped (by reason) and the pages that failed are
counted and returned.

    pip install "./python[spark]"
    python python/examples/spark_warc.py OUT_DIR FILE.warc.gz [FILE.warc.gz ...] [--master local[2]]

On a cluster, pass the files as paths every executor can read (a shared file system), and
the master of the cluster; dechrome and pyarrow must be installed on the executors.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

SCHEMA = (
    "url string, record_id string, title string, text string, language string, "
    "page_type string"
)


def extract_files(
    paths: Iterable[str], threads: Optional[int] = None, counts: Optional[Counter] = None
) -> Iterator[tuple]:
    """The rows of every HTML page of the files: what one Spark task runs. ``counts`` gets
    the skipped records by reason, and the failed pages under "failed"."""
    import dechrome

    extractor = dechrome.Extractor()
    for path in paths:
        records = extractor.extract_warc(path, threads=threads)
        for rec in records:
            if rec.result is None:
                if counts is not None:
                    counts["failed"] += 1
                continue
            r = rec.result
            yield (rec.url, rec.record_id, r.title, r.text, r.language, r.page_type)
        if counts is not None:
            for reason, n in records.skipped.items():
                counts[f"skipped: {reason}"] += n


def run(
    files: List[str], out: str, master: str = "local[2]", threads: Optional[int] = None
) -> Tuple[int, Dict[str, int]]:
    """Extracts `files` on Spark and writes Parquet to `out`; returns the rows written and
    the counts of skipped records (by reason) and failed pages."""
    import os
    import sys

    from pyspark import AccumulatorParam
    from pyspark.sql import SparkSession

    class CounterParam(AccumulatorParam):
        def zero(self, value):
            return Counter()

        def addInPlace(self, a, b):
            a.update(b)
            return a

    builder = SparkSession.builder.master(master).appName("dechrome-warc")
    builder = builder.config("spark.ui.enabled", "false")
    if master.startswith("local"):
        # Local workers run this interpreter, the one dechrome is installed in.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        # The executors import this file to run extract_files.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
        totals = spark.sparkContext.accumulator(Counter(), CounterParam())

        def task(part):
            counts: Counter = Counter()
            yield from extract_files(part, threads, counts)
            totals.add(counts)

        rdd = spark.sparkContext.parallelize(files, numSlices=max(len(files), 1))
        frame = spark.createDataFrame(rdd.mapPartitions(task), SCHEMA)
        frame.write.mode("overwrite").parquet(out)
        return spark.read.parquet(out).count(), dict(totals.value)
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
    n, counts = run(a.files, a.out, a.master, a.threads)
    extra = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    print(f"{n} pages written to {a.out}" + (f" ({extra})" if extra else ""))


if __name__ == "__main__":
    main()
