from typing import Iterable, List, Optional, Union

from ._dechrome import (
    CharsetError as CharsetError,
    DechromeError as DechromeError,
    Extractor as Extractor,
    LimitError as LimitError,
    NotHtmlError as NotHtmlError,
    Result as Result,
    TooLargeError as TooLargeError,
    __version__ as __version__,
)
from . import compat as compat

def extract(
    html: Union[str, bytes],
    *,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    favor: str = "balanced",
    output: str = "text",
    links: bool = False,
) -> Result: ...
def extract_many(
    pages: Iterable[Union[str, bytes, tuple, dict]],
    *,
    threads: Optional[int] = None,
    favor: str = "balanced",
    output: str = "text",
    links: bool = False,
    errors: str = "raise",
) -> List[Optional[Result]]: ...
