"""Writes the WARC files that tests/cli.rs reads, with warcio: an independent writer, so
that the command line is tested on archives it did not make itself.

    python tests/warc/make_warcs.py OUT_DIR

The pages are our own, written for these tests. Files:

- mixed.warc.gz: one gzip member per record, as Common Crawl writes them. A warcinfo
  record; three articles (one of them in windows-1252 under a header that wrongly says
  UTF-8, one under an unknown charset label) with their request records; a PDF response; a
  404 page; a revisit record.
- plain.warc: the same first article, uncompressed.
- truncated.warc.gz: two articles, the second cut short in the middle of its body.
"""

import io
import os
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def article(title, paragraphs, charset_meta=None):
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang=en><head>{meta}<title>{title} | Harbour Gazette</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright 2026 Harbour Gazette. All rights reserved.</footer></body></html>"
    )


FERRY = article(
    "Ferry returns to the north pier",
    [
        "The morning ferry returned to the north pier on Monday, three months after storms "
        "damaged the landing stage and forced crossings to the southern harbour.",
        "Repairs took longer than planned because the timber piles had to be ordered from "
        "a yard on the mainland, the harbour master said at a meeting with residents.",
    ],
)
MARKET = article(
    "Market moves indoors for the winter",
    [
        "The Saturday market will move into the old fish hall from November, so that "
        "stallholders and shoppers can stay dry through the wettest months of the year.",
        "Café owners on the square welcomed the move, saying the crowds would still pass "
        "their doors on the way to the hall and its new entrance on Quay Street.",
    ],
    charset_meta="windows-1252",
)
LIBRARY = article(
    "Library opens on Sundays",
    [
        "From next month the library on Mill Street will open on Sundays between ten and "
        "four, a change that readers have asked the council to make for several years.",
        "The extra hours are paid for by a grant from the county, which will review the "
        "scheme after a year and decide whether to fund it for longer.",
    ],
)


def response(writer, url, body, content_type, status="200 OK"):
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    return record


def request(writer, url):
    headers = StatusAndHeaders(
        "GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
    )


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    base = "https://news.example.org/2026/"

    with open(os.path.join(out_dir, "mixed.warc.gz"), "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record("mixed.warc.gz", {"software": "warcio"}))
        request(w, base + "ferry")
        first = response(w, base + "ferry", FERRY.encode("utf-8"), "text/html; charset=utf-8")
        request(w, base + "market")
        # windows-1252 bytes under a header that says UTF-8: the bytes contradict it.
        response(w, base + "market", MARKET.encode("cp1252"), "text/html; charset=UTF-8")
        # An unknown label: no hint at all.
        response(w, base + "library", LIBRARY.encode("utf-8"), 'text/html; charset="klingon"')
        response(w, base + "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf")
        response(w, base + "gone", b"<html><body><p>Not found</p></body></html>",
                 "text/html", status="404 Not Found")
        revisit = w.create_revisit_record(
            base + "ferry",
            digest=first.rec_headers.get_header("WARC-Payload-Digest"),
            refers_to_uri=base + "ferry",
            refers_to_date=first.rec_headers.get_header("WARC-Date"),
        )
        w.write_record(revisit)

    with open(os.path.join(out_dir, "plain.warc"), "wb") as f:
        w = WARCWriter(f, gzip=False)
        response(w, base + "ferry", FERRY.encode("utf-8"), "text/html")

    whole = io.BytesIO()
    w = WARCWriter(whole, gzip=False)
    response(w, base + "ferry", FERRY.encode("utf-8"), "text/html")
    cut_at = len(whole.getvalue())
    response(w, base + "library", LIBRARY.encode("utf-8"), "text/html")
    data = whole.getvalue()
    # Cut the second record in the middle of its body, then compress what is left as one
    # gzip member, as a download that stopped would leave it.
    import gzip

    cut = data[: cut_at + (len(data) - cut_at) // 2]
    with open(os.path.join(out_dir, "truncated.warc.gz"), "wb") as f:
        f.write(gzip.compress(cut))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/warc")
