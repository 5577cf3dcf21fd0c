"""Inline markup: runs, escaping, paragraphs; links are live in the PDF."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.typeset.helpers import page_texts, publication, run
from zinekit.typeset.markup import Run, paragraphs, runs, to_xml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", [Run("plain")]),
        ("a **b** c", [Run("a "), Run("b", bold=True), Run(" c")]),
        ("_it_ x", [Run("it", italic=True), Run(" x")]),
        ("**b _bi_**", [Run("b ", bold=True), Run("bi", bold=True, italic=True)]),
        ("[see](https://x.org)", [Run("see", href="https://x.org")]),
        ("snake_case_name", [Run("snake_case_name")]),
        (
            "see https://x.org/a_b. Next",
            [Run("see "), Run("https://x.org/a_b", href="https://x.org/a_b"), Run(". Next")],
        ),
        ("[https://x.org](https://y.org)", [Run("https://x.org", href="https://y.org")]),
        ("**unclosed", [Run("**unclosed")]),
        (r"\*\*literal\*\*", [Run("**literal**")]),
        (
            "[Wiki](https://en.wikipedia.org/wiki/Zine_(magazine))",
            [Run("Wiki", href="https://en.wikipedia.org/wiki/Zine_(magazine)")],
        ),
        (
            "(lihat https://x.org/Zine_(majalah)).",
            [
                Run("(lihat "),
                Run("https://x.org/Zine_(majalah)", href="https://x.org/Zine_(majalah)"),
                Run(")."),
            ],
        ),
        ("<https://x.org/a>", [Run("https://x.org/a", href="https://x.org/a")]),
        ("[x](javascript:alert(1))", [Run("x")]),
        (
            "[Support Groups]{lang=en} dan [Sahabat Mental]{nobreak}, [A B]{.nobreak}",
            [
                Run("Support Groups", lang="en"),
                Run(" dan "),
                Run("Sahabat\u00a0Mental", nobreak=True),
                Run(", "),
                Run("A\u00a0B", nobreak=True),
            ],
        ),
    ],
)
def test_runs(text: str, expected: list[Run]) -> None:
    assert runs(text) == expected


def test_xml_escapes_and_links() -> None:
    xml = to_xml(runs('a & b < c > d [x](https://e.org/?a=1&b="2")'))
    assert "a &amp; b &lt; c &gt; d" in xml
    assert 'href="https://e.org/?a=1&amp;b=&quot;2&quot;"' in xml


def test_paragraphs_split_on_blank_lines() -> None:
    assert paragraphs("one\nstill one\n\n  \ntwo\n\n\nthree\n") == [
        "one\nstill one",
        "two",
        "three",
    ]


def test_escaped_characters_and_link_in_pdf() -> None:
    pub = publication(
        [{"text": 'Tom & Jerry <3 **tebal** [situs](https://example.org/a_b?x=1&y="2")'}]
    )
    result = run(pub)
    text = page_texts(result.pdf)[1]
    assert "Tom & Jerry <3 tebal situs" in text
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    uris = [
        a.get_object()["/A"]["/URI"]
        for a in reader.pages[1].get("/Annots", [])
        if a.get_object().get("/A")
    ]
    assert uris == ['https://example.org/a_b?x=1&y="2"']
