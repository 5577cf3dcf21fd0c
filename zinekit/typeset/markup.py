"""Inline markup in content text: **bold**, _italic_, [text](url), backslash escapes, bare
http(s) addresses as links; and paragraphs split on blank lines. Text becomes runs (for
glyph checks) and reportlab's paragraph XML (for drawing), with &, < and > escaped.

An underscore opens italics only at the start of a word and closes only at its end, so
snake_case names and URLs with underscores stay as written. Markup that does not close is
printed as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

_TOKEN = re.compile(
    r"\\(?P<escaped>[\\*_\[\]()])"
    r"|\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
    r"|(?<!\w)_(?=\S)(?P<italic>.+?)(?<=\S)_(?!\w)"
    r"|\[(?P<label>[^\]]+)\]\((?P<href>[^)\s]+)\)",
    re.DOTALL,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BARE_URL = re.compile(r"\bhttps?://[^\s<>\"]*[^\s<>\".,;:!?)\]']")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; `href` when it is a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: blank lines separate them."""
    return [p.strip() for p in _BLANK_LINE.split(text.strip()) if p.strip()]


def runs(text: str, *, bold: bool = False, italic: bool = False) -> list[Run]:
    """`text` as styled runs, in order."""
    return list(_runs(text, bold, italic, None))


def _runs(text: str, bold: bool, italic: bool, href: str | None) -> Iterator[Run]:
    at = 0
    for match in _TOKEN.finditer(text):
        if match.start() > at:
            yield from _plain(text[at : match.start()], bold, italic, href)
        if match["escaped"] is not None:
            yield Run(match["escaped"], bold, italic, href)
        elif match["bold"] is not None:
            yield from _runs(match["bold"], True, italic, href)
        elif match["italic"] is not None:
            yield from _runs(match["italic"], bold, True, href)
        else:
            yield from _runs(match["label"], bold, italic, match["href"])
        at = match.end()
    if at < len(text):
        yield from _plain(text[at:], bold, italic, href)


def _plain(text: str, bold: bool, italic: bool, href: str | None) -> Iterator[Run]:
    # A bare web address is a live link too, without the punctuation that ends a sentence.
    at = 0
    for match in [] if href else _BARE_URL.finditer(text):
        if match.start() > at:
            yield Run(text[at : match.start()], bold, italic, None)
        yield Run(match[0], bold, italic, match[0])
        at = match.end()
    if at < len(text):
        yield Run(text[at:], bold, italic, href)


def to_xml(items: list[Run]) -> str:
    """Runs as reportlab paragraph XML: <b>, <i>, and underlined <a href> links."""
    out = []
    for run in items:
        piece = escape(run.text)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.href:
            href = escape(run.href, {'"': "&quot;"})
            piece = f'<a href="{href}" underline="1">{piece}</a>'
        out.append(piece)
    return "".join(out)
