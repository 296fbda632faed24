"""Packs a directory of *.html pages into one WARC file with warcio, one `response`
record per page (Content-Type text/html, no charset; URL https://example.org/<id>), and
writes the matching id -> URL table for `dechrome --jsonl DIR --urls TABLE`. Used to
compare the WARC path's throughput with --jsonl on the same pages.

    python tools/pages_to_warc.py PAGES_DIR OUT.warc.gz URLS.txt
"""

import io
import os
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def main(src, out, table):
    names = sorted(n for n in os.listdir(src) if n.endswith(".html"))
    with open(out, "wb") as f, open(table, "w") as t:
        w = WARCWriter(f, gzip=out.endswith(".gz"))
        for name in names:
            body = open(os.path.join(src, name), "rb").read()
            url = "https://example.org/" + name[:-5]
            t.write(f"{name[:-5]} {url}\n")
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            w.write_record(
                w.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


if __name__ == "__main__":
    main(*sys.argv[1:4])
