"""A drop-in for ``trafilatura.extract``.

Pipelines that call trafilatura switch with one import::

    # from trafilatura import extract
    from dechrome.compat import extract

    text = extract(html, url=url, output_format="txt", with_metadata=True)

``extract`` takes trafilatura's arguments. It honours those dechrome can:

- ``filecontent`` (``str`` or ``bytes``) and ``url``;
- ``output_format``: "txt", "markdown", "json", "html" and "python" (a dict). "xml",
  "xmltei" and "csv" raise ``ValueError``: dechrome does not write them;
- ``favor_precision`` and ``favor_recall``;
- ``include_links`` (links kept in Markdown and HTML);
- ``with_metadata`` (a header of metadata lines before the text; JSON always has them) and
  ``only_with_metadata`` (None unless the page has a title, a date and a URL);
- ``target_language`` (None when the page's detected language is another);
- ``record_id`` (the "id" field of JSON).

It ignores the rest, and says so with a ``UserWarning`` when one is given a value that
asks for something dechrome does not do: ``include_comments=True`` (dechrome never keeps
reader comments), ``include_tables=False`` (tables are always kept),
``include_images``, ``include_formatting``, ``deduplicate``, ``fast``, ``no_fallback``,
``tei_validation``, ``date_extraction_params``, ``url_blacklist``, ``author_blacklist``,
``settingsfile``, ``prune_xpath``, ``max_tree_size`` (dechrome's own limits bound
every page), ``config`` and ``options``. Like trafilatura, it
returns None when the page has no main content, and also when dechrome cannot read it.
"""

from __future__ import annotations

import json
import warnings
from typing import Any, Dict, Optional, Union
from urllib.parse import urlparse

from ._dechrome import DechromeError, Extractor, InputError

__all__ = ["extract", "IGNORED"]

_UNSET: Any = object()

#: The arguments ``extract`` accepts and ignores, with the value that asks for nothing.
IGNORED: Dict[str, Any] = {
    "fast": False,
    "no_fallback": False,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_formatting": False,
    "deduplicate": False,
    "tei_validation": False,
    "date_extraction_params": None,
    "url_blacklist": None,
    "author_blacklist": None,
    "settingsfile": None,
    "prune_xpath": None,
    "max_tree_size": None,
    "config": None,
    "options": None,
}

_FORMATS = {"txt": "text", "markdown": "markdown", "json": "text", "html": "html", "python": "text"}


def extract(
    filecontent: Union[str, bytes],
    url: Optional[str] = None,
    record_id: Optional[str] = None,
    fast: Any = _UNSET,
    no_fallback: Any = _UNSET,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: Any = _UNSET,
    output_format: str = "txt",
    tei_validation: Any = _UNSET,
    target_language: Optional[str] = None,
    include_tables: Any = _UNSET,
    include_images: Any = _UNSET,
    include_formatting: Any = _UNSET,
    include_links: bool = False,
    deduplicate: Any = _UNSET,
    date_extraction_params: Any = _UNSET,
    with_metadata: bool = False,
    only_with_metadata: bool = False,
    max_tree_size: Any = _UNSET,
    url_blacklist: Any = _UNSET,
    author_blacklist: Any = _UNSET,
    settingsfile: Any = _UNSET,
    prune_xpath: Any = _UNSET,
    config: Any = _UNSET,
    options: Any = _UNSET,
) -> Union[str, Dict[str, Any], None]:
    """Extracts a page's main content with trafilatura's arguments (see the module's doc)."""
    given = locals()
    for name in IGNORED:
        value = given[name]
        if value is not _UNSET and value != IGNORED[name] and not (
            value is None or (name.endswith("blacklist") and not value)
        ):
            warnings.warn(
                f"dechrome.compat.extract ignores {name}={value!r}", UserWarning, stacklevel=2
            )
    if output_format not in _FORMATS:
        raise ValueError(
            f"dechrome.compat.extract does not write output_format={output_format!r}; "
            f"it writes {', '.join(sorted(_FORMATS))}"
        )
    if not isinstance(filecontent, (str, bytes, bytearray)):
        raise InputError(
            "dechrome.compat.extract takes the page as str or bytes, "
            f"not {type(filecontent).__name__}"
        )
    favor = "precision" if favor_precision else "recall" if favor_recall else "balanced"
    extractor = Extractor(favor=favor, output=_FORMATS[output_format], links=include_links)
    if isinstance(filecontent, bytearray):
        filecontent = bytes(filecontent)
    try:
        result = extractor.extract(filecontent, url=url)
    except DechromeError:
        return None
    if not result.text.strip():
        return None
    if target_language and result.language and result.language != target_language:
        return None
    meta = _metadata(result, url, record_id)
    if only_with_metadata and not (meta["title"] and meta["date"] and meta["url"]):
        return None
    if output_format == "python":
        return dict(meta, text=result.text, raw_text=result.text)
    if output_format == "json":
        return json.dumps(dict(meta, text=result.text, raw_text=result.text), ensure_ascii=False)
    body = result.output
    if with_metadata and output_format in ("txt", "markdown"):
        header = "\n".join(
            f"{k}: {v}" for k, v in meta.items() if v not in (None, "", []) and k != "text"
        )
        return f"---\n{header}\n---\n{body}"
    return body


def _metadata(result: Any, url: Optional[str], record_id: Optional[str]) -> Dict[str, Any]:
    """trafilatura's metadata fields, from dechrome's."""
    m = result.metadata
    page_url = url or m.get("canonical_url")
    host = urlparse(page_url).hostname if page_url else None
    return {
        "title": m.get("title"),
        "author": "; ".join(m.get("authors") or []) or None,
        "url": page_url,
        "hostname": host,
        "description": m.get("description"),
        "sitename": m.get("site_name"),
        "date": (m.get("published") or "")[:10] or None,
        "categories": m.get("categories") or [],
        "tags": m.get("tags") or [],
        "image": m.get("image"),
        "language": result.language,
        "pagetype": result.page_type,
        "id": record_id,
    }
