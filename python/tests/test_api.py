"""The Python API: extract, extract_many, Extractor, results, errors and charsets."""

import json
import threading

import pytest

import dechrome

ARTICLE = (
    "<html lang=en><head><title>Ferry times | Harbour News</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Ferry times</h1>"
    "<p>The ferry leaves at nine and returns at six, weather allowing, from the "
    "<a href='/pier'>north pier</a>, where the new café opened last spring.</p>"
    "<p>Tickets are sold on board, and children under five travel free of charge "
    "all year round.</p></article>"
    "<footer>© 2026 Harbour News. All rights reserved.</footer></body></html>"
)


def page(topic: str) -> str:
    return (
        f"<html><body><nav><a href='/'>Home</a></nav><article><p>The council met on "
        f"Monday and agreed, after a long debate about {topic}, to open the library on "
        f"Sundays from next month.</p></article></body></html>"
    )


def test_extract_returns_text_metadata_and_type():
    r = dechrome.extract(ARTICLE, url="https://news.example.org/ferry")
    assert r.text.startswith("The ferry leaves at nine")
    assert "Home" not in r.text and "All rights reserved" not in r.text
    assert r.title == "Ferry times"
    assert r.language == "en"
    assert r.page_type == "article"
    assert r.encoding == "UTF-8"
    assert isinstance(r.metadata, dict) and r.metadata["title"] == "Ferry times"
    assert r.output == r.text and r.format == "text"
    assert r.links is None
    assert str(r) == r.text
    assert "Ferry times" in repr(r)


def test_outputs():
    md = dechrome.extract(ARTICLE, output="markdown", links=True, url="https://news.example.org/")
    assert md.format == "markdown"
    assert "[north pier](https://news.example.org/pier)" in md.output
    html = dechrome.extract(ARTICLE, output="html")
    assert html.output.startswith("<") and "<p>" in html.output
    doc = json.loads(dechrome.extract(ARTICLE, output="json").output)
    assert any(b["text"].startswith("The ferry") for b in doc["blocks"])
    # The text is the same whatever the output.
    assert md.text == html.text == dechrome.extract(ARTICLE).text


def test_links_list_every_link_of_the_page():
    r = dechrome.extract(ARTICLE, url="https://news.example.org/ferry", links=True)
    urls = [link["url"] for link in r.links]
    assert urls[:3] == [
        "https://news.example.org/",
        "https://news.example.org/news",
        "https://news.example.org/pier",
    ]
    assert [link["in_content"] for link in r.links[:3]] == [False, False, True]


def test_bytes_with_a_charset_header_a_meta_tag_or_none():
    body = "<p>Le café ouvre à neuf heures, et le bateau part à dix heures du quai nord.</p>"
    latin = body.encode("cp1252")
    r = dechrome.extract(latin, content_type="text/html; charset=windows-1252")
    assert r.text == "Le café ouvre à neuf heures, et le bateau part à dix heures du quai nord."
    assert r.encoding == "windows-1252"
    meta = b"<meta charset=windows-1252>" + latin
    assert dechrome.extract(meta).text == r.text
    # UTF-8 bytes, no hint at all.
    assert dechrome.extract(body.encode("utf-8")).text == r.text
    assert dechrome.extract(bytearray(body.encode("utf-8"))).text == r.text
    # A header value in quotes, or an unknown label, is read leniently.
    assert dechrome.extract(latin, content_type='text/html; charset="cp1252"').text == r.text
    assert dechrome.extract(body.encode(), content_type="text/html; charset=nonsense").text == r.text


def test_errors_are_typed_and_carry_the_rust_message():
    with pytest.raises(dechrome.NotHtmlError, match="PDF"):
        dechrome.extract(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    small = dechrome.Extractor(max_input_bytes=10)
    with pytest.raises(dechrome.TooLargeError, match="10"):
        small.extract("<p>more than ten bytes</p>")
    tight = dechrome.Extractor(max_nodes=100)
    with pytest.raises(dechrome.LimitError, match="100"):
        tight.extract("<div>" + "<p>a paragraph of words</p>" * 200 + "</div>")
    assert issubclass(dechrome.NotHtmlError, dechrome.DechromeError)
    assert issubclass(dechrome.DechromeError, Exception)


def test_bad_arguments_are_python_errors():
    with pytest.raises(ValueError, match="favor"):
        dechrome.Extractor(favor="speed")
    with pytest.raises(ValueError, match="output"):
        dechrome.extract(ARTICLE, output="pdf")
    with pytest.raises(dechrome.InputError, match="str or bytes"):
        dechrome.extract(42)
    with pytest.raises(ValueError, match="errors"):
        dechrome.extract_many([ARTICLE], errors="ignore")


def test_an_invalid_url_is_no_hint():
    assert dechrome.extract(ARTICLE, url="not a url").text == dechrome.extract(ARTICLE).text


def test_extract_many_keeps_order_and_takes_every_shape_of_page():
    topics = [f"topic number {i}" for i in range(40)]
    pages = [page(t) for t in topics]
    results = dechrome.extract_many(pages, threads=2)
    assert [r.text for r in results] == [dechrome.extract(p).text for p in pages]
    assert all(t in r.text for t, r in zip(topics, results))
    mixed = [
        pages[0],
        pages[1].encode(),
        (pages[2], "https://example.org/a"),
        {"html": pages[3].encode("cp1252"), "url": "https://example.org/b",
         "content_type": "text/html; charset=windows-1252"},
    ]
    out = dechrome.extract_many(mixed, threads=3)
    assert [r.text for r in out] == [r.text for r in results[:4]]


def test_extract_many_errors_raise_or_leave_none():
    pages = [page("roads"), b"%PDF-1.4\n%\xe2\xe3\n", page("schools")]
    with pytest.raises(dechrome.NotHtmlError, match="page 1"):
        dechrome.extract_many(pages)
    out = dechrome.extract_many(pages, errors="none")
    assert out[1] is None and "roads" in out[0].text and "schools" in out[2].text
    assert dechrome.extract_many([]) == []


def test_one_extractor_serves_many_python_threads():
    extractor = dechrome.Extractor(output="markdown")
    pages = [page(f"subject {i}") for i in range(60)]
    expected = [extractor.extract(p).output for p in pages]
    got = [None] * len(pages)

    def work(k):
        for i in range(k, len(pages), 4):
            got[i] = extractor.extract(pages[i]).output

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def test_hostile_input_gives_a_result_or_a_typed_error():
    for html in [
        "<div>" * 100_000,
        "<svg>" + "<div/>" * 50_000,
        "\x00\xff" * 1000,
        "",
        "<p>" + "a" * 1_000_000,
    ]:
        try:
            r = dechrome.extract(html)
            assert isinstance(r.text, str)
        except dechrome.DechromeError:
            pass


def test_version():
    assert dechrome.__version__.count(".") == 2


LISTING = (
    "<html><body><nav><a href='/'>Home</a></nav><main><h1>Walks</h1>"
    + "".join(
        f"<div class=card><h3><a href='/w/{i}'>Walk number {i} by the river</a></h3>"
        f"<p>A flat walk of {i} miles along the towpath, with a pub at the end.</p></div>"
        for i in range(1, 9)
    )
    + "</main></body></html>"
)


def test_a_page_type_given_is_the_reading():
    # The type a crawler knows from its sitemap: the page is read as that type.
    r = dechrome.extract(LISTING, page_type="listing")
    assert r.page_type == "listing"
    assert "Walk number 3 by the river" in r.text
    forced = dechrome.extract(ARTICLE, page_type="forum")
    assert forced.page_type == "forum"
    many = dechrome.extract_many(
        [{"html": ARTICLE, "page_type": "article"}, {"html": LISTING, "page_type": "listing"}]
    )
    assert [m.page_type for m in many] == ["article", "listing"]
    with pytest.raises(dechrome.InputError, match="unknown page type"):
        dechrome.extract(ARTICLE, page_type="blog")


def test_every_input_problem_is_a_dechrome_error_and_fails_its_page_alone():
    assert issubclass(dechrome.InputError, dechrome.DechromeError)
    # Exceptions have a public module path.
    assert dechrome.NotHtmlError.__module__ == "dechrome"
    assert "dechrome.NotHtmlError" in repr(dechrome.NotHtmlError)
    with pytest.raises(dechrome.InputError, match="Unicode"):
        dechrome.extract("<p>a lone surrogate \udc80 here</p>")
    with pytest.raises(dechrome.InputError, match="NoneType"):
        dechrome.extract(None)
    pages = [page("roads"), None, "<p>\ud800</p>", b"%PDF-1.4\n%\xe2\xe3\n", page("schools")]
    with pytest.raises(dechrome.InputError, match="page 1"):
        dechrome.extract_many(pages)
    none = dechrome.extract_many(pages, errors="none")
    assert [r is None for r in none] == [False, True, True, True, False]
    returned = dechrome.extract_many(pages, errors="return")
    assert isinstance(returned[1], dechrome.InputError)
    assert isinstance(returned[2], dechrome.InputError)
    assert isinstance(returned[3], dechrome.NotHtmlError)
    assert "roads" in returned[0].text and "schools" in returned[4].text


def test_tuples_of_three_carry_the_content_type_and_threads_are_validated():
    latin = page("the café").encode("cp1252")
    [r] = dechrome.extract_many([(latin, "https://e.org/a", "text/html; charset=windows-1252")])
    assert "the café" in r.text and r.encoding == "windows-1252"
    for bad in (0, -1, 100_000):
        with pytest.raises(ValueError, match="threads"):
            dechrome.extract_many([page("roads")], threads=bad)


def test_one_pool_whatever_the_thread_counts_asked_for():
    before = threading.active_count()
    import os

    def native_threads():
        try:
            return len(os.listdir(f"/proc/{os.getpid()}/task"))
        except OSError:
            return None

    start = native_threads()
    for n in range(2, 40):
        dechrome.extract_many([page("roads"), page("schools")], threads=n)
    end = native_threads()
    if start is not None:
        # One pool lives at a time: at most the last one's threads are left.
        assert end - start <= 40, (start, end)
    assert threading.active_count() == before


def test_a_timeout_is_a_limit_error():
    slow = dechrome.Extractor(timeout=0.0)
    with pytest.raises(dechrome.LimitError, match="time limit"):
        slow.extract(page("roads") * 50)
    with pytest.raises(ValueError, match="timeout"):
        dechrome.Extractor(timeout=-1.0)
