"""Inline markup in content text, read by markdown-it-py's inline parser (CommonMark):
**bold**, _italic_ (or *italic*), [text](url), <https://...>, backslash escapes, and
mdit-py-plugins' attribute spans `[Support Groups]{lang=en}` (hyphenated by that language)
and `[Sahabat Mental]{nobreak}` (or `{.nobreak}`: never broken). Bare http(s) addresses
become links too, and paragraphs are split on blank lines. Text becomes runs (for glyph
checks) and reportlab's paragraph XML (for drawing), with &, < and > escaped.

CommonMark's rules keep snake_case names and URLs with underscores as written, keep balanced
parentheses inside a link's address (`.../Zine_(magazine)`), and print markup that does not
close as typed. Which link addresses are allowed (`link_allowed`) is checked when the content
is loaded (`zinekit.content.links`), so the message points into the file; here a link
that is not allowed is only ever set as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from zinekit.content.inline import tokens
from zinekit.content.links import link_allowed

if TYPE_CHECKING:
    from markdown_it.token import Token

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BARE_URL = re.compile(r"\bhttps?://[^\s<>\"]*[^\s<>\".,;:!?\]']")
# The languages a span may be marked in (those zinekit hyphenates).
LANGS = ("id", "en")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; `href` when it is a link; `lang` when it is marked
    in a language of its own, `nobreak` when its words must never be broken."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    lang: str | None = None
    nobreak: bool = False


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: blank lines separate them."""
    return [p.strip() for p in _BLANK_LINE.split(text.strip()) if p.strip()]


def runs(text: str, *, bold: bool = False, italic: bool = False) -> list[Run]:
    """`text` as styled runs, in order."""
    return _merged(_walk(tokens(text), Run("", bold, italic)))


def _walk(tokens: list[Token], style: Run) -> Iterator[Run]:
    stack = [style]
    for token in tokens:
        top = stack[-1]
        kind = token.type
        if kind == "text":
            # The words of a name that must not break stay on one line together.
            text = token.content.replace(" ", "\u00a0") if top.nobreak else token.content
            yield from _plain(text, top)
        elif kind in ("softbreak", "hardbreak"):
            yield replace(top, text="\n")
        elif kind == "strong_open":
            stack.append(replace(top, bold=True))
        elif kind == "em_open":
            stack.append(replace(top, italic=True))
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            stack.append(replace(top, href=href if link_allowed(href) else None))
        elif kind == "span_open":
            stack.append(_span(top, token))
        elif kind.endswith("_close"):
            if len(stack) > 1:
                stack.pop()
        else:
            yield replace(top, text=token.content)


def _span(top: Run, token: Token) -> Run:
    lang = str(token.attrs.get("lang", "")).strip().lower()
    classes = str(token.attrs.get("class", "")).split()
    return replace(
        top,
        lang=lang if lang in LANGS else top.lang,
        nobreak=top.nobreak or "nobreak" in classes,
    )


def _plain(text: str, style: Run) -> Iterator[Run]:
    # A bare web address is a live link too, without the punctuation that ends a sentence
    # (a closing parenthesis only when the address opened none).
    at = 0
    for match in [] if style.href else _BARE_URL.finditer(text):
        url = _balanced(match[0])
        if match.start() > at:
            yield replace(style, text=text[at : match.start()])
        yield replace(style, text=url, href=url)
        at = match.start() + len(url)
    if at < len(text):
        yield replace(style, text=text[at:])


def _balanced(url: str) -> str:
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def _merged(items: Iterator[Run]) -> list[Run]:
    out: list[Run] = []
    for item in items:
        if not item.text:
            continue
        if out and replace(out[-1], text="") == replace(item, text=""):
            out[-1] = replace(item, text=out[-1].text + item.text)
        else:
            out.append(item)
    return out


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
