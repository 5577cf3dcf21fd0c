"""Fonts -> the `fonts` check: every font a page can use is embedded in the file.

A page can use the fonts in its resources and in those of the forms it draws (nested), of
its tiling patterns and of its printed annotations' appearances. A printer given a font
that is not embedded substitutes one of its own: other widths, other line breaks, missing
letters. Type3 fonts are drawn by the PDF itself, so they count as embedded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from zinekit.check.report import Detail, Result, Status, pages_text, plural
from zinekit.i18n import say
from zinekit.pdf import (
    Key,
    array,
    dictionary,
    key_of,
    printed_appearances,
    resolved,
    shown,
    stream,
)

if TYPE_CHECKING:
    from zinekit.pdf import Reader

NAME = "fonts"
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class Font:
    name: str
    subtype: str
    embedded: bool


def check_fonts(reader: Reader) -> Result:
    finder = _Finder()
    pages: dict[Font, set[int]] = defaultdict(set)
    for number, page in enumerate(reader.pages, start=1):
        keys = set(finder.resources(page.get("/Resources")))
        for raw, _ in printed_appearances(page):
            keys |= finder.form(raw)
        for key in keys:
            pages[finder.fonts[key]].add(number)

    missing = sorted((f for f in pages if not f.embedded), key=lambda f: f.name)
    if not pages:
        return Result(NAME, Status.PASS, say("check.fonts.none"))
    if not missing:
        return Result(
            NAME, Status.PASS, say("check.fonts.embedded", fonts=plural(len(pages), "font"))
        )
    details = tuple(
        Detail(
            say("check.fonts.detail", font=f.name, subtype=f.subtype, pages=pages_text(pages[f])),
            tuple(sorted(pages[f])),
        )
        for f in missing
    )
    message = say("check.fonts.not-embedded", fonts=plural(len(missing), "font"))
    return Result(NAME, Status.FAIL, message, details)


class _Finder:
    """Fonts reachable from resources; forms and shared resources are read once."""

    def __init__(self) -> None:
        self.fonts: dict[Key, Font] = {}
        self._cache: dict[Key, frozenset[Key]] = {}

    def resources(self, raw: Any) -> frozenset[Key]:
        key = key_of(raw)
        if key is not None and key in self._cache:
            return self._cache[key]
        if key is not None:
            self._cache[key] = frozenset()  # a loop back here adds nothing
        found = self._read(dictionary(raw))
        if key is not None:
            self._cache[key] = found
        return found

    def form(self, raw: Any) -> frozenset[Key]:
        """The fonts of a form or tiling pattern (by its own resources)."""
        key = _key(raw)
        if key not in self._cache:
            self._cache[key] = frozenset()
            self._cache[key] = self.resources(resolved(raw).get("/Resources"))
        return self._cache[key]

    def _read(self, resources: Any) -> frozenset[Key]:
        if resources is None:
            return frozenset()
        found: set[Key] = set()
        fonts = dictionary(resources.get("/Font"))
        for raw in fonts.values() if fonts is not None else ():
            font = dictionary(raw)
            if font is None:
                continue
            key = _key(raw)
            if key not in self.fonts:
                self.fonts[key] = _font(font)
            found.add(key)
        for category in ("/XObject", "/Pattern"):
            table = dictionary(resources.get(category))
            for raw in table.values() if table is not None else ():
                form = stream(raw)
                if form is not None and form.get("/Subtype") != "/Image":
                    found |= self.form(raw)
        return frozenset(found)


def _key(raw: Any) -> Key:
    # Fonts and forms are indirect objects in a well-made file; a direct one is keyed by
    # identity (pypdf keeps it alive inside its parent for the whole run).
    return key_of(raw) or (-id(resolved(raw)), 0)


def _font(font: Any) -> Font:
    subtype = shown(str(font.get("/Subtype", "/unknown"))[1:], 30)
    name = shown(str(font.get("/BaseFont", "")).lstrip("/"), 60) or say("check.fonts.unnamed")
    if subtype == "Type3":
        return Font(name, subtype, True)
    holder = font
    if subtype == "Type0":
        # A composite font's glyphs live in its descendant font (PDF 32000-1:2008, 9.7).
        descendants = array(font.get("/DescendantFonts"))
        first = descendants[0] if descendants else None
        holder = dictionary(first) or font
    descriptor = dictionary(holder.get("/FontDescriptor"))
    embedded = descriptor is not None and any(k in descriptor for k in _FONT_FILES)
    return Font(name, subtype, embedded)
