from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

__version__: str

class DechromeError(Exception): ...
class NotHtmlError(DechromeError): ...
class TooLargeError(DechromeError): ...
class LimitError(DechromeError): ...
class CharsetError(DechromeError): ...
class InputError(DechromeError): ...

class Result:
    """The result of one extraction."""

    text: str
    """Plain text, paragraphs separated by blank lines."""
    output: str
    """The chosen output: the text, Markdown, HTML, or the whole document as JSON."""
    format: str
    """The output's name: "text", "markdown", "html" or "json"."""
    title: Optional[str]
    language: Optional[str]
    """ISO 639-1 code of the page's language, when detected."""
    page_type: str
    """article, forum, product, listing, collection, documentation, service or other."""
    encoding: str
    """The charset the page was decoded from."""
    metadata: Dict[str, Any]
    links: Optional[List[Dict[str, Any]]]
    """With links=True: every link of the page (url, text, in_content)."""

class Extractor:
    """A configured extractor, reusable and thread-safe."""

    def __init__(
        self,
        *,
        favor: str = "balanced",
        output: str = "text",
        links: bool = False,
        min_block_words: int = 0,
        captions: bool = False,
        max_input_bytes: Optional[int] = None,
        max_memory: Optional[int] = None,
        max_nodes: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> None: ...
    def extract(
        self,
        html: Union[str, bytes],
        *,
        url: Optional[str] = None,
        content_type: Optional[str] = None,
        page_type: Optional[str] = None,
    ) -> Result: ...
    def extract_many(
        self,
        pages: Iterable[Union[str, bytes, tuple, dict]],
        *,
        threads: Optional[int] = None,
        errors: str = "raise",
    ) -> List[Any]: ...
    def extract_warc(
        self,
        path: str,
        *,
        threads: Optional[int] = None,
        batch: int = 64,
    ) -> "WarcIter": ...

class WarcRecord:
    """One record of a WARC file: its page's result, or why it has none."""

    url: Optional[str]
    record_id: Optional[str]
    date: Optional[str]
    result: Optional[Result]
    error: Optional[Exception]

class WarcIter(Iterator[WarcRecord]):
    """The records of a WARC file; ``skipped`` counts the records that are not pages."""

    skipped: Dict[str, int]
    def __iter__(self) -> "WarcIter": ...
    def __next__(self) -> WarcRecord: ...

def _rust_text_seconds(pages: List[bytes]) -> float: ...
def _rust_document_seconds(pages: List[bytes]) -> float: ...
