"""The links a content file may print: http(s) and mailto, the same rule for a resource's
`link:` (a pattern in the model) and for a link written inside text (`[site](https://...)`,
checked here when the content is loaded, so that a `javascript:` or `file:` link is refused
with the line and column where it is written, not found later while typesetting).
"""

from __future__ import annotations

import re

from zinekit.content.inline import links
from zinekit.content.texts import text_values
from zinekit.content.wording import problem
from zinekit.errors import Location, Problem
from zinekit.validation.document import Document, shown

# The addresses a zine may print as a live link. The model's pattern for `link:`.
LINK_PATTERN = r"^(https?://|mailto:)\S+$"
_LINK = re.compile(LINK_PATTERN, re.IGNORECASE)
# Values that are not text set with inline markup: addresses and file paths, checked elsewhere.


def link_allowed(href: str) -> bool:
    """True for http://, https:// and mailto: addresses."""
    return bool(_LINK.match(href.strip()))


def check_text_links(doc: Document) -> list[Problem]:
    """A problem for every link inside text whose address is not http(s) or mailto, at the
    address as written in the file."""
    source = _source(doc)
    problems = []
    for path, text in text_values(doc.data):
        if "](" not in text and "<" not in text:
            continue
        if any(path[: len(hole)] == hole for hole in doc.dropped):
            continue
        start = doc.at(path)
        search = _offset(source, start)
        for href in links(text):
            found = _find(source, href, search)
            if found is not None:
                search = found + len(href)
            if not link_allowed(href):
                where = start if found is None else _location(doc, source, found)
                problems.append(problem("text_link_scheme", where, input=shown(href, limit=60)))
    return problems


def _source(doc: Document) -> str:
    try:
        return doc.path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return ""


def _offset(source: str, where: Location) -> int:
    if not source or where.line is None:
        return 0
    at = 0
    for _ in range(where.line - 1):
        at = source.find("\n", at) + 1
        if at == 0:
            return 0
    return at + (where.column or 1) - 1


def _find(source: str, href: str, start: int) -> int | None:
    # The address as written, else its scheme (a quoted YAML text may escape characters).
    for needle in (href, href.split(":", 1)[0] + ":"):
        found = source.lower().find(needle.lower(), start)
        if found >= 0:
            return found
    return None


def _location(doc: Document, source: str, offset: int) -> Location:
    line = source.count("\n", 0, offset) + 1
    return Location(doc.path, line, offset - (source.rfind("\n", 0, offset) + 1) + 1)
