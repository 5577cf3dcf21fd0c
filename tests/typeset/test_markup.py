"""Inline markup: runs, escaping, paragraphs; links are live in the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from tests.typeset.helpers import page_texts, publication, run
from zinekit.content.loader import load_publication
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


def _uris(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [
        str(a.get_object()["/A"]["/URI"])
        for page in reader.pages
        for a in page.get("/Annots", [])
        if a.get_object().get("/A")
    ]


WIKI = "https://en.wikipedia.org/wiki/Zine_(magazine)"


def test_parentheses_inside_an_address_are_kept_in_the_pdf() -> None:
    text = (
        f"Apa itu zine? [Wiki]({WIKI}), atau (lihat https://id.wikipedia.org/wiki/Zine_(majalah))."
    )
    uris = _uris(run(publication([{"text": text}])).pdf)
    # A link set over two lines has an annotation on each.
    assert list(dict.fromkeys(uris)) == [WIKI, "https://id.wikipedia.org/wiki/Zine_(majalah)"]


def test_parentheses_are_kept_in_a_markdown_file_too(tmp_path: Path) -> None:
    content = tmp_path / "zine.md"
    content.write_text(
        f"---\ntitle: Zine Uji\n---\n\nApa itu zine? [Wiki]({WIKI}) dan <{WIKI}>.\n",
        encoding="utf-8",
    )
    uris = _uris(run(load_publication(content)).pdf)
    assert len(uris) >= 2
    assert set(uris) == {WIKI}
