"""Read zinekit's own printed help back: the words on a page (with pypdfium2, as a reader's
eye would, whitespace evened out), which way a phrase runs, and the colour operators used."""

from __future__ import annotations

import math
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader
from pypdf.generic import ContentStream

# Operators that set a colour in anything but DeviceGray (PDF 32000-1:2008, 8.6.8).
NOT_GREY = {b"rg", b"RG", b"k", b"K", b"cs", b"CS", b"sc", b"SC", b"scn", b"SCN", b"sh"}


def page_text(path: Path, index: int) -> str:
    """The page's text, every run of whitespace one space."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        text = page.get_textpage()
        found = text.get_text_range()
        text.close()
        page.close()
    finally:
        pdf.close()
    return " ".join(found.split())


def phrase_turns(path: Path, index: int, phrase: str) -> list[tuple[int, float]]:
    """For each time `phrase` is on the page: the counterclockwise turn of its letters (0,
    90, 180 or 270) and the height of its middle, in points from the bottom."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        text = page.get_textpage()
        chars = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(text, i)) for i in range(text.count_chars())
        )
        found = []
        start = chars.find(phrase)
        while start >= 0:
            indices = [i for i in range(start, start + len(phrase)) if not chars[i].isspace()]
            turns = {
                round(-math.degrees(pdfium_c.FPDFText_GetCharAngle(text, i)) / 90) * 90 % 360
                for i in indices
            }
            assert len(turns) == 1, f"{phrase!r} has letters turned different ways"
            boxes = [text.get_charbox(i) for i in indices]
            middle = (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2
            found.append((turns.pop(), middle))
            start = chars.find(phrase, start + 1)
        text.close()
        page.close()
    finally:
        pdf.close()
    return found


def colour_operators(path: Path, index: int) -> set[bytes]:
    """Every operator of the page's content and of the forms it draws, recursively."""
    reader = PdfReader(path)
    page = reader.pages[index]
    seen: set[bytes] = set()
    operators: set[bytes] = set()

    def visit(stream, resources) -> None:
        for _, operator in ContentStream(stream, reader).operations:
            operators.add(operator)
        xobjects = resources.get("/XObject", {}) if resources else {}
        for ref in xobjects.values():
            form = ref.get_object()
            key = id(form)
            if key in seen:
                continue
            seen.add(key)
            if form.get("/Subtype") == "/Image":
                operators.add(b"image:" + str(form.get("/ColorSpace")).encode())
            else:
                visit(form, form.get("/Resources", {}))

    visit(page.get_contents(), page.get("/Resources"))
    return operators
