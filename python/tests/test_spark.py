"""examples/spark_warc.py in PySpark local mode, on WARC files written here with warcio.

The test needs pyspark, pyarrow, warcio and a Java runtime. `.ci/run` installs them and sets
DECHROME_REQUIRE_SPARK=1, so that a missing one fails the run; elsewhere the test is
skipped, with the reason shown.
"""

import importlib.util
import io
import os
import shutil
import sys
from pathlib import Path

import pytest

import dechrome

REQUIRED = os.environ.get("DECHROME_REQUIRE_SPARK") == "1"
MISSING = [m for m in ("pyspark", "pyarrow", "warcio") if importlib.util.find_spec(m) is None]
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    MISSING.append("java")
if MISSING and not REQUIRED:
    pytest.skip(f"Spark test needs {', '.join(MISSING)}", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))


def article(i: int) -> str:
    return (
        f"<html lang=en><head><title>Story {i} | The Gazette</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Story {i}</h1>"
        f"<p>The council met for the {i}th time this year and agreed, after a long debate "
        f"about roads and schools, to open the library on Sundays from next month.</p>"
        f"<p>Residents had asked for it since the branch on Mill Street closed, and {i} of "
        f"them came to the meeting to say so.</p></article>"
        f"<footer>© 2026 The Gazette</footer></body></html>"
    )


def write_warc(path: Path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
        # A request record, which the job passes over.
        writer.write_record(writer.create_warc_record(
            "https://gazette.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


def test_spark_job_writes_the_rows_direct_calls_give(tmp_path):
    assert not MISSING, f"missing: {MISSING}"
    import pyarrow.parquet as pq
    import spark_warc

    pages = {}
    files = []
    for f in range(3):
        batch = []
        for i in range(f * 10, f * 10 + 10):
            url = f"https://gazette.example/news/{i}"
            body = article(i).encode("cp1252" if i % 4 == 0 else "utf-8")
            ct = "text/html; charset=windows-1252" if i % 4 == 0 else "text/html"
            batch.append((url, body, ct))
            pages[url] = (body, ct)
        # Not HTML: counted out.
        batch.append(("https://gazette.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
        path = tmp_path / f"part-{f}.warc.gz"
        write_warc(path, batch)
        files.append(str(path))

    out = tmp_path / "pages.parquet"
    written, counts = spark_warc.run(files, str(out), master="local[2]")
    assert written == 30
    assert counts == {"skipped: not HTML": 3, "skipped: request": 3}

    rows = pq.read_table(out).to_pylist()
    assert sorted(r["url"] for r in rows) == sorted(pages)
    for row in rows:
        body, ct = pages[row["url"]]
        direct = dechrome.extract(body, url=row["url"], content_type=ct)
        assert row["text"] == direct.text
        assert row["title"] == direct.title
        assert row["language"] == direct.language == "en"
        assert row["page_type"] == direct.page_type
        assert "Home" not in row["text"] and row["text"].startswith("The council met")


def cli_binary():
    """The dechrome command: $DECHROME_CLI, or a build in the workspace's target folder."""
    given = os.environ.get("DECHROME_CLI")
    if given:
        return given
    root = Path(__file__).resolve().parents[2] / "target"
    for build in ("release", "debug"):
        path = root / build / "dechrome"
        if path.exists():
            return str(path)
    return None


def test_the_cli_python_and_spark_read_one_warc_alike(tmp_path):
    """One WARC file, three front ends: the same pages, texts and counts."""
    assert not MISSING, f"missing: {MISSING}"
    import gzip
    import json
    import subprocess

    import pyarrow.parquet as pq
    import spark_warc
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "mixed.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(url, body, headers, status="200 OK"):
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http))

        for i in range(6):
            response(f"https://gazette.example/news/{i}", article(i).encode(),
                     [("Content-Type", "text/html; charset=utf-8")])
        # No Content-Type: the body tells it is HTML.
        response("https://gazette.example/bare", article(6).encode(), [])
        # Gzip Content-Encoding, as some crawlers store the body.
        response("https://gazette.example/zipped", gzip.compress(article(7).encode()),
                 [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
        response("https://gazette.example/missing", article(8).encode(),
                 [("Content-Type", "text/html")], status="404 Not Found")
        response("https://gazette.example/doc.pdf", b"%PDF-1.4\n", [("Content-Type", "application/pdf")])
        writer.write_record(writer.create_warc_record(
            "https://gazette.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        out.flush()
        # Bytes that are no record, between two members: lost alone.
        out.write(b"\x00garbage between records\n")
        response("https://gazette.example/news/after", article(9).encode(),
                 [("Content-Type", "text/html")])

    # Python.
    records = dechrome.extract_warc(str(path))
    py = [(r.url, r.result.text if r.result else None) for r in records]
    py_pages = {u: t for u, t in py if t is not None}
    py_failed = sum(1 for _, t in py if t is None)
    assert set(py_pages) == {f"https://gazette.example/news/{i}" for i in range(6)} | {
        "https://gazette.example/bare", "https://gazette.example/zipped",
        "https://gazette.example/news/after"}
    assert records.skipped == {"HTTP status not 2xx": 1, "not HTML": 1, "request": 1}
    assert py_failed == 1

    # The command line.
    binary = cli_binary()
    if binary is None:
        assert not REQUIRED, "no dechrome binary: set DECHROME_CLI"
        pytest.skip("no dechrome binary built")
    done = subprocess.run([binary, "--warc", str(path), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    cli_pages = {line["url"]: line["text"] for line in lines if "error" not in line}
    assert cli_pages == py_pages
    assert sum(1 for line in lines if "error" in line) == py_failed
    for reason, n in records.skipped.items():
        assert f"{n} {reason}" in done.stderr, done.stderr

    # Spark.
    out = tmp_path / "pages.parquet"
    written, counts = spark_warc.run([str(path)], str(out), master="local[2]")
    rows = pq.read_table(out).to_pylist()
    assert {r["url"]: r["text"] for r in rows} == py_pages
    assert written == len(py_pages)
    assert counts == dict(
        {f"skipped: {k}": v for k, v in records.skipped.items()}, failed=py_failed)
