"""Read an imposed PDF back, as a person would look at the printed sheets.

`read_sides` finds, on each output page, every page label drawn by `tests.pdfgen` (its
position and which way its text runs); `Grid` puts the labels in the cells of a layout's
columns x rows; `picture` writes a grid as text, rows top to bottom joined by " / ", cells by
spaces: the 1-based page number, "r" after it when the page is turned 180°, "." for a blank
cell. An 8-page booklet with --duplex long reads "8 1", "7r 2r", "6 3", "5r 4r".

Everything is measured on the output with pypdfium2; nothing here asks zinekit's planner.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

_LABEL = re.compile(r"p(\d+)")


@dataclass(frozen=True)
class Label:
    page: int  # 1-based
    x: float  # centre of the label on the sheet, points from the bottom left
    y: float
    turn: int  # counterclockwise degrees on the sheet: 0, 90, 180 or 270
    width: float  # length of the label along its baseline, points


@dataclass(frozen=True)
class SheetSide:
    width: float
    height: float
    labels: tuple[Label, ...]


# A cell: (1-based page, counterclockwise turn) or None for a blank; rows top to bottom.
Cell = tuple[int, int] | None
Grid = tuple[tuple[Cell, ...], ...]


def read_sides(path: Path) -> list[SheetSide]:
    """Every output page of `path`, with the labels found on it."""
    pdf = pdfium.PdfDocument(path)
    try:
        return [_read_side(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()


def _read_side(page: pdfium.PdfPage) -> SheetSide:
    width, height = page.get_size()
    text = page.get_textpage()
    try:
        chars = []
        for i in range(text.count_chars()):
            generated = pdfium_c.FPDFText_IsGenerated(text, i)
            chars.append("\0" if generated else chr(pdfium_c.FPDFText_GetUnicode(text, i)))
        labels = [_label(text, m) for m in _LABEL.finditer("".join(chars))]
    finally:
        text.close()
        page.close()
    return SheetSide(width, height, tuple(labels))


def _label(text: pdfium.PdfTextPage, match: re.Match[str]) -> Label:
    indices = range(match.start(), match.end())
    origins = [_origin(text, i) for i in indices]
    (x0, y0), (x1, y1) = origins[0], origins[-1]
    # The direction the text runs, from the first letter's origin to the last one's.
    turn = round(math.degrees(math.atan2(y1 - y0, x1 - x0)) / 90) * 90 % 360
    # pdfium measures glyph angles clockwise, in radians; both readings must agree.
    for i in indices:
        clockwise = math.degrees(pdfium_c.FPDFText_GetCharAngle(text, i))
        if round(-clockwise / 90) * 90 % 360 != turn:
            raise AssertionError(f"label {match.group()} has letters turned different ways")
    boxes = [text.get_charbox(i) for i in indices]
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return Label(
        page=int(match.group(1)),
        x=(left + right) / 2,
        y=(bottom + top) / 2,
        turn=turn,
        width=right - left if turn % 180 == 0 else top - bottom,
    )


def _origin(text: pdfium.PdfTextPage, index: int) -> tuple[float, float]:
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(text, index, x, y):
        raise AssertionError(f"pdfium has no origin for character {index}")
    return x.value, y.value


def grid(side: SheetSide, columns: int, rows: int) -> Grid:
    """The side's labels in its cells; a label outside the sheet or two in a cell fail."""
    cells: list[list[list[Label]]] = [[[] for _ in range(columns)] for _ in range(rows)]
    for found in side.labels:
        column = math.floor(found.x / (side.width / columns))
        row = math.floor((side.height - found.y) / (side.height / rows))
        if not (0 <= column < columns and 0 <= row < rows):
            raise AssertionError(
                f"label p{found.page} lies off the sheet at {found.x:.1f}, {found.y:.1f}"
            )
        cells[row][column].append(found)
    result = []
    for row_cells in cells:
        row = []
        for found in row_cells:
            if len(found) > 1:
                raise AssertionError(
                    f"one cell holds pages {', '.join(str(f.page) for f in found)}"
                )
            row.append((found[0].page, found[0].turn) if found else None)
        result.append(tuple(row))
    return tuple(result)


def picture(cells: Grid) -> str:
    """A grid as text: "7r 2r", "5r 4r 3r 2r / 6 7 8 1"."""

    def one(cell: Cell) -> str:
        if cell is None:
            return "."
        page, turn = cell
        mark = {0: "", 180: "r"}.get(turn, f"@{turn}")  # a quarter turn is always wrong
        return f"{page}{mark}"

    return " / ".join(" ".join(one(c) for c in row) for row in cells)


def parse_picture(text: str) -> Grid:
    """The grid a picture stands for; the inverse of `picture`."""
    rows = []
    for row in text.split("/"):
        cells: list[Cell] = []
        for word in row.split():
            if word == ".":
                cells.append(None)
            else:
                match = re.fullmatch(r"(\d+)(r?)", word)
                if not match:
                    raise ValueError(f"not a picture cell: {word!r}")
                cells.append((int(match.group(1)), 180 if match.group(2) else 0))
        rows.append(tuple(cells))
    return tuple(rows)


def pictures(path: Path, columns: int, rows: int) -> list[str]:
    """The picture of every output page of `path`."""
    return [picture(grid(side, columns, rows)) for side in read_sides(path)]


def render(path: Path, index: int, scale: float = 2.0) -> Image.Image:
    """Output page `index` of `path` as a greyscale image, `scale` pixels per point."""
    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil().convert("L")
        bitmap.close()
        page.close()
    finally:
        pdf.close()
    return image


@dataclass(frozen=True)
class Bounds:
    """A rectangle on the sheet in points, origin at the bottom left."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def inked_bounds(
    image: Image.Image,
    area: Sequence[float],
    sheet_height: float,
    scale: float = 2.0,
    threshold: int = 250,
) -> Bounds | None:
    """Bounds of everything printed darker than white inside `area` (left, bottom, right, top,
    in points) of a page rendered by `render`; None when the area is blank."""
    left, bottom, right, top = area
    box = (
        round(left * scale),
        round((sheet_height - top) * scale),
        round(right * scale),
        round((sheet_height - bottom) * scale),
    )
    ink = image.crop(box).point(lambda v: 255 if v < threshold else 0)
    found = ink.getbbox()
    if found is None:
        return None
    x0, y0, x1, y1 = found
    return Bounds(
        left=(box[0] + x0) / scale,
        bottom=sheet_height - (box[1] + y1) / scale,
        right=(box[0] + x1) / scale,
        top=sheet_height - (box[1] + y0) / scale,
    )


def extent(
    image: Image.Image,
    at: tuple[float, float],
    area: Sequence[float],
    sheet_height: float,
    scale: float = 2.0,
    threshold: int = 250,
) -> Bounds:
    """The inked rectangle through the point `at`: how far ink runs from it left, right,
    down and up without a break, inside `area` (left, bottom, right, top, in points).

    Scanning from the middle of a page, not taking every inked pixel in the area, keeps a
    renderer's one-pixel slivers on a neighbour's clipped edge out of the measurement.
    """
    pixels = image.load()
    left, bottom, right, top = area
    x0, x1 = round(left * scale), round(right * scale) - 1
    y0, y1 = round((sheet_height - top) * scale), round((sheet_height - bottom) * scale) - 1
    x, y = round(at[0] * scale), round((sheet_height - at[1]) * scale)

    def inked(px: int, py: int) -> bool:
        return pixels[px, py] < threshold

    if not (x0 <= x <= x1 and y0 <= y <= y1 and inked(x, y)):
        raise AssertionError(f"no ink at {at}")
    first_x = last_x = x
    while first_x > x0 and inked(first_x - 1, y):
        first_x -= 1
    while last_x < x1 and inked(last_x + 1, y):
        last_x += 1
    first_y = last_y = y
    while first_y > y0 and inked(x, first_y - 1):
        first_y -= 1
    while last_y < y1 and inked(x, last_y + 1):
        last_y += 1
    return Bounds(
        left=first_x / scale,
        bottom=sheet_height - (last_y + 1) / scale,
        right=(last_x + 1) / scale,
        top=sheet_height - first_y / scale,
    )
