"""dechrome.compat.extract: trafilatura's arguments, honoured or ignored out loud."""

import json
import warnings

import pytest

import dechrome
from dechrome import compat

PAGE = (
    "<html lang=en><head><title>Ferry times | Harbour News</title>"
    "<meta property='article:published_time' content='2026-03-04T08:00:00Z'>"
    "<meta name=author content='Ann Quay'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Ferry times</h1>"
    "<p>The ferry leaves at nine and returns at six, weather allowing, from the "
    "<a href='/pier'>north pier</a>, where the new café opened last spring.</p>"
    "<p>Tickets are sold on board, and children under five travel free of charge "
    "all year round.</p></article></body></html>"
)


def test_txt_is_the_text():
    text = compat.extract(PAGE)
    assert text.startswith("The ferry leaves") and "Home" not in text


def test_with_metadata_adds_a_header():
    text = compat.extract(PAGE, url="https://news.example.org/ferry", with_metadata=True)
    head, body = text.split("\n---\n", 1)
    assert head.startswith("---\n")
    assert "title: Ferry times" in head
    assert "author: Ann Quay" in head
    assert "date: 2026-03-04" in head
    assert "hostname: news.example.org" in head
    assert body.startswith("The ferry leaves")


def test_json_and_python_outputs():
    fields = json.loads(compat.extract(PAGE, url="https://news.example.org/ferry",
                                       output_format="json", record_id="r1"))
    assert fields["title"] == "Ferry times" and fields["id"] == "r1"
    assert fields["text"].startswith("The ferry")
    assert fields["date"] == "2026-03-04"
    d = compat.extract(PAGE, output_format="python")
    assert d["title"] == "Ferry times" and d["text"] == fields["text"]


def test_markdown_keeps_links_when_asked():
    md = compat.extract(PAGE, url="https://news.example.org/", output_format="markdown",
                        include_links=True)
    assert "[north pier](https://news.example.org/pier)" in md
    assert "north pier" in compat.extract(PAGE, output_format="markdown")


def test_nothing_to_extract_is_none():
    assert compat.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>") is None
    assert compat.extract(b"%PDF-1.5\n%\xe2\xe3") is None


def test_target_language_and_only_with_metadata():
    assert compat.extract(PAGE, target_language="en") is not None
    assert compat.extract(PAGE, target_language="de") is None
    assert compat.extract(PAGE, only_with_metadata=True) is None  # no URL
    assert compat.extract(PAGE, url="https://news.example.org/f", only_with_metadata=True)


def test_favor_precision_and_recall_are_passed_on():
    precise = compat.extract(PAGE, favor_precision=True)
    generous = compat.extract(PAGE, favor_recall=True)
    assert len(precise) <= len(generous)


def test_ignored_arguments_say_so():
    with pytest.warns(UserWarning, match="include_comments=True"):
        compat.extract(PAGE, include_comments=True)
    with pytest.warns(UserWarning, match="include_tables=False"):
        compat.extract(PAGE, include_tables=False)
    with pytest.warns(UserWarning, match="deduplicate=True"):
        compat.extract(PAGE, deduplicate=True)
    # Values that ask for nothing dechrome lacks pass quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compat.extract(PAGE, include_comments=False, include_tables=True, no_fallback=False)
    assert "include_comments" in compat.IGNORED


def test_unsupported_formats_are_errors():
    for fmt in ("xml", "xmltei", "csv"):
        with pytest.raises(ValueError, match=fmt):
            compat.extract(PAGE, output_format=fmt)
    with pytest.raises(dechrome.InputError, match="str or bytes, not object"):
        compat.extract(object())
    with pytest.raises(dechrome.InputError, match="not NoneType"):
        compat.extract(None)
