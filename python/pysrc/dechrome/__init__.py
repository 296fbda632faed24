"""dechrome: the main content of web pages, without the chrome around it.

    >>> import dechrome
    >>> r = dechrome.extract("<nav><a href='/'>Home</a></nav><article><p>The ferry "
    ...     "leaves at nine and returns at six, weather allowing.</p></article>")
    >>> r.text
    'The ferry leaves at nine and returns at six, weather allowing.'

``extract`` takes one page, ``extract_many`` a list of pages on all cores, and
``Extractor`` is a reusable, thread-safe configuration of both. ``dechrome.compat.extract``
takes the arguments of ``trafilatura.extract``.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Union

from . import compat
from ._dechrome import (
    CharsetError,
    DechromeError,
    Extractor,
    LimitError,
    NotHtmlError,
    Result,
    TooLargeError,
    __version__,
)

__all__ = [
    "extract",
    "extract_many",
    "Extractor",
    "Result",
    "DechromeError",
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
    ``CharsetError``) for a page it cannot read.
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
) -> List[Optional[Result]]:
    """Extracts many pages on ``threads`` threads (default: all cores), without the GIL.

    Each page is ``str``, ``bytes``, a ``(html, url)`` tuple or a dict with ``html`` and
    optional ``url``, ``content_type`` and ``page_type``. The results come back in the pages' order. With
    ``errors="raise"`` the first page that fails raises; with ``errors="none"`` it gives
    None in its place.
    """
    return Extractor(favor=favor, output=output, links=links).extract_many(
        list(pages), threads=threads, errors=errors
    )
