"""Read an imposed PDF of real pages back: which page of the reading-order PDF lies in each
cell of each sheet side, and which way it is turned.

`tests.readback` finds the "p<k>" labels of numbered test PDFs; a built zine has no such
labels, so here each page is known by its own text. Every character pdfium finds on a sheet
side goes to the cell its box's centre lies in (the layout's columns x rows, equal cells);
a cell whose characters are exactly those of reading page k holds page k, turned by the
angle between the sheet's letters and the page's. Letters are compared as multisets, not
in order: pdfium may list a turned page's text objects in another order than the upright
page's. A cell without text holds a blank, unless it has ink: then it is matched by its
rendered picture against the reading pages that have ink but no text (a picture alone).

The result is a `tests.readback.Grid`, so the paper oracle of tests/impose/test_sheets.py
folds it as it folds numbered pages. Nothing here asks zinekit's planner.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops, ImageStat

from tests.readback import Cell, Grid, SheetSide

# pdfium reports a hyphen it takes for a line-end break as one of these; which one depends
# on where the next line lies, so it can differ between a page and the same page turned.
_LINE_END_HYPHENS = {"\x02": "-", "\ufffe": "-"}
_THUMB = (24, 34)  # pixels: enough to tell a picture page from another
_SCALE = 0.5  # pixels per point when rendering to look for ink
_INK = 245  # a grey darker than this (0 black, 255 white) is ink


@dataclass(frozen=True)
class Letters:
    """The characters drawn in one page or cell, whitespace left out, and each one's
    counterclockwise angle in degrees (0, 90, 180 or 270). pdfium may list the text objects
    of a turned page in another order than the upright page's, so only the letters and
    angles as multisets identify a page, not their order."""

    text: str
    angles: tuple[int, ...]


@dataclass(frozen=True)
class ReadingPage:
    letters: Letters
    thumb: Image.Image | None  # a picture of the page when it has ink but no text

    @property
    def blank(self) -> bool:
        return not self.letters.text and self.thumb is None


def reading_pages(path: Path) -> list[ReadingPage]:
    """Every page of a reading-order PDF, as `imposed_grids` recognises it."""
    pdf = pdfium.PdfDocument(path)
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            (letters,) = _letters(page, 1, 1)
            thumb = None
            if not letters.text:
                image = _render(page)
                if _inked(image):
                    thumb = image.resize(_THUMB)
            page.close()
            pages.append(ReadingPage(letters, thumb))
        return pages
    finally:
        pdf.close()


def imposed_grids(
    path: Path, columns: int, rows: int, pages: list[ReadingPage]
) -> list[tuple[SheetSide, Grid]]:
    """Every output page of `path` with the reading page (1-based) in each of its cells."""
    pdf = pdfium.PdfDocument(path)
    try:
        found = []
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            cells = _letters(page, columns, rows)
            image = _render(page) if any(not c.text for c in cells) else None
            grid = []
            for row in range(rows):
                line: list[Cell] = []
                for column in range(columns):
                    letters = cells[row * columns + column]
                    where = f"output page {index + 1}, row {row + 1}, column {column + 1}"
                    if letters.text:
                        line.append(_by_text(letters, pages, where))
                    else:
                        assert image is not None
                        line.append(_by_picture(image, columns, rows, row, column, pages, where))
                grid.append(tuple(line))
            page.close()
            found.append((SheetSide(width, height, ()), tuple(grid)))
        return found
    finally:
        pdf.close()


def _by_text(letters: Letters, pages: list[ReadingPage], where: str) -> Cell:
    key = sorted(letters.text)
    matches = [k for k, page in enumerate(pages, start=1) if sorted(page.letters.text) == key]
    if len(matches) != 1:
        what = "no reading page" if not matches else f"reading pages {matches}"
        raise AssertionError(f"{where}: {what} has the letters of {letters.text[:60]!r}")
    own = pages[matches[0] - 1].letters.angles
    seen = Counter(letters.angles)
    turns = [t for t in (0, 90, 180, 270) if Counter((a + t) % 360 for a in own) == seen]
    if not turns:
        raise AssertionError(f"{where}: reading page {matches[0]} has letters turned apart")
    return (matches[0], turns[0])


def _by_picture(
    side: Image.Image,
    columns: int,
    rows: int,
    row: int,
    column: int,
    pages: list[ReadingPage],
    where: str,
) -> Cell:
    width, height = side.size
    box = (
        round(column * width / columns),
        round(row * height / rows),
        round((column + 1) * width / columns),
        round((row + 1) * height / rows),
    )
    cell = side.crop(box)
    if not _inked(cell):
        return None
    thumb = cell.resize(_THUMB)
    scores = []
    for k, page in enumerate(pages, start=1):
        if page.thumb is None:
            continue
        for turn in (0, 180):
            turned = page.thumb.rotate(turn)
            difference = ImageStat.Stat(ImageChops.difference(thumb, turned)).mean[0]
            scores.append((difference, k, turn))
    if not scores or min(scores)[0] > 24:
        raise AssertionError(f"{where}: ink without text that matches no reading page")
    _, k, turn = min(scores)
    return (k, turn)


def _letters(page: pdfium.PdfPage, columns: int, rows: int) -> list[Letters]:
    """The letters of each cell of `page`, cells row by row from the top left."""
    width, height = page.get_size()
    text = page.get_textpage()
    try:
        chars: list[list[str]] = [[] for _ in range(columns * rows)]
        angles: list[list[int]] = [[] for _ in range(columns * rows)]
        for i in range(text.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(text, i):
                continue
            char = chr(pdfium_c.FPDFText_GetUnicode(text, i))
            if char.isspace() or char == "\0":
                continue
            left, bottom, right, top = text.get_charbox(i)
            column = math.floor((left + right) / 2 / (width / columns))
            row = math.floor((height - (bottom + top) / 2) / (height / rows))
            if not (0 <= column < columns and 0 <= row < rows):
                raise AssertionError(f"{char!r} lies off the page at {left:.1f}, {bottom:.1f}")
            clockwise = math.degrees(pdfium_c.FPDFText_GetCharAngle(text, i))
            chars[row * columns + column].append(_LINE_END_HYPHENS.get(char, char))
            angles[row * columns + column].append(round(-clockwise / 90) * 90 % 360)
        return [Letters("".join(c), tuple(a)) for c, a in zip(chars, angles, strict=True)]
    finally:
        text.close()


def _render(page: pdfium.PdfPage) -> Image.Image:
    bitmap = page.render(scale=_SCALE, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")
    finally:
        bitmap.close()


def _inked(image: Image.Image) -> bool:
    return image.point(lambda v: 255 if v < _INK else 0).getbbox() is not None
