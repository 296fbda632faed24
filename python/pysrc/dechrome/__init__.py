"""dechrome: the main content of web pages, without the chrome around it.

    >>> import dechrome
    >>> r = dechrome.extract("<nav><a href='/'>Home</a></nav><article><p>The ferry "
    ...     "leaves at nine and returns at six, weather allowing.</p></article>")
    >>> r.text
    'The ferry leaves at nine and returns at six, weather allowing.'

``extract`` takes one page, ``extract_many`` a list of pages on all cores, ``extract_warc``
the HTML responses of a WARC file, and ``Extractor`` is a reusable, thread-safe
configuration of them. ``dechrome.compat.extract`` takes the arguments of
``trafilatura.extract``.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Optional, Union

from . import compat
from ._dechrome import (
    CharsetError,
    DechromeError,
    Extractor,
    InputError,
    LimitError,
    NotHtmlError,
    Result,
    TooLargeError,
    WarcRecord,
    __version__,
)

__all__ = [
    "extract",
    "extract_many",
    "extract_warc",
    "Extractor",
    "Result",
    "WarcRecord",
    "DechromeError",
    "InputError",
    "NotHtmlError",
    "TooLargeError",
    "LimitError",
    "CharsetError",
    "compat",
    "__version__",
]

Page = Union[str, bytes]


def extract(
    html: Page,
    *,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    page_type: Optional[str] = None,
    favor: str = "balanced",
    output: str = "text",
    links: bool = False,
) -> Result:
    """Extracts the main content of one page.

    ``html`` is the page as ``str`` or as the ``bytes`` received (their charset comes from
    ``content_type``, a byte-order mark, a ``<meta>`` tag or detection). ``url`` resolves
    links and hints at the page's type; ``page_type`` ("article", "forum", "product",
    "listing", "collection", "documentation", "service") reads the page as that type instead
    of detecting it; ``favor`` is "precision", "balanced" or "recall";
    ``output`` chooses what ``Result.output`` holds: "text", "markdown", "html" or "json"
    (the whole document, every block with its score and terms). With ``links=True``,
    ``Result.links`` lists every link of the page.

    Raises ``DechromeError`` (``NotHtmlError``, ``TooLargeError``, ``LimitError``,
    ``CharsetError``) for a page it cannot read, and ``InputError`` for a page given in a
    shape it cannot take (not ``str`` or ``bytes``, a ``str`` with lone surrogates, an unknown
    ``page_type``).
    """
    return Extractor(favor=favor, output=output, links=links).extract(
        html, url=url, content_type=content_type, page_type=page_type
    )


def extract_many(
    pages: Iterable[Union[Page, tuple, dict]],
    *,
    threads: Optional[int] = None,
    favor: str = "balanced",
    output: str = "text",
    links: bool = False,
    errors: str = "raise",
) -> List[Any]:
    """Extracts many pages on ``threads`` threads (default: all cores), without the GIL.

    Each page is ``str``, ``bytes``, a ``(html, url)`` or ``(html, url, content_type)``
    tuple, or a dict with ``html`` and optional ``url``, ``content_type`` and ``page_type``.
    The results come back in the pages' order. A page that fails (one dechrome cannot read,
    or one given in a shape it cannot take) raises its error with ``errors="raise"`` (the
    default), leaves None in its place with ``errors="none"``, and leaves the exception
    object in its place with ``errors="return"``, so that the reason is kept. With
    ``"none"`` and ``"return"``, no single page makes the batch raise.
    """
    return Extractor(favor=favor, output=output, links=links).extract_many(
        list(pages), threads=threads, errors=errors
    )


def extract_warc(
    path: str,
    *,
    threads: Optional[int] = None,
    favor: str = "balanced",
    output: str = "text",
    links: bool = False,
) -> Iterator[WarcRecord]:
    """The HTML responses of a WARC file (plain or gzip), extracted, in the file's order.

    The records are chosen by the same rule as the command line's ``--warc``:
    ``response`` records with a 2xx status and an HTML ``Content-Type`` (or none), with
    their ``Content-Encoding`` undone. Each ``WarcRecord`` has ``url``, ``record_id``,
    ``date`` and either ``result`` (a ``Result``) or ``error`` (the exception: a page
    dechrome cannot read, or a record that cannot be read, after which reading goes on).
    The iterator's ``skipped`` dict counts the other records, by reason.
    """
    return Extractor(favor=favor, output=output, links=links).extract_warc(
        path, threads=threads
    )
