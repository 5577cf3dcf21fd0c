"""Numbered input PDFs for the imposition tests, built with reportlab, deterministic.

Page k (1-based) carries the label "p<k>" in its middle, the only text on the page, so that
`tests.readback` can find it on an imposed sheet and tell which way it is turned. Around it:
a light grey fill of the whole visible page (so a rendering shows where the page landed), a
dark frame on its edge and an arrow pointing to its top.

Variants, all displayed upright by a viewer:
- `rotate`: the page is stored turned and carries `/Rotate` so that it displays upright, as
  scanners and some office suites write pages;
- `crop`: the MediaBox is larger than the CropBox; what lies outside the CropBox is black,
  so any of it reaching a sheet shows in a rendering;
- `sizes`: one displayed size per page, cycled (mixed sizes, Letter pages...).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject, RectangleObject
from reportlab.lib.pagesizes import A4, A5, A6, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

Size = tuple[float, float]
Margins = tuple[float, float, float, float]  # left, bottom, right, top, in points

__all__ = ["A4", "A5", "A6", "LETTER", "FILL_GREY", "label", "mm", "numbered_pdf"]

# Grey levels (0 black, 1 white); a rendering tells them apart.
FILL_GREY = 0.85
_FRAME_GREY = 0.6
_LABEL_GREY = 0.35


def label(page: int) -> str:
    """The text page `page` (1-based) carries."""
    return f"p{page}"


def numbered_pdf(
    path: Path,
    n: int,
    size: Size = A5,
    *,
    sizes: Sequence[Size] | None = None,
    rotate: int = 0,
    crop: Margins | None = None,
) -> Path:
    """Write an `n`-page numbered PDF to `path` and return the path.

    `size` (or `sizes`, cycled) is each page's size as displayed. With `rotate`, the page's
    content and MediaBox are stored turned counterclockwise and `/Rotate` turns them back
    clockwise on display. With `crop`, the MediaBox extends beyond the displayed page by these
    margins (in the stored page's own coordinates) and the CropBox shows only the page.
    """
    if rotate % 90:
        raise ValueError("rotate must be a multiple of 90")
    rotate %= 360
    margins = crop or (0.0, 0.0, 0.0, 0.0)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    boxes = []
    for k in range(1, n + 1):
        width, height = sizes[(k - 1) % len(sizes)] if sizes else size
        stored = (height, width) if rotate % 180 else (width, height)
        left, bottom, right, top = margins
        c.setPageSize((stored[0] + left + right, stored[1] + bottom + top))
        if crop:
            c.setFillGray(0)
            c.rect(0, 0, stored[0] + left + right, stored[1] + bottom + top, stroke=0, fill=1)
        c.saveState()
        c.translate(left, bottom)
        c.transform(*_display_to_stored(rotate, width, height))
        _draw_page(c, k, width, height)
        c.restoreState()
        c.showPage()
        boxes.append((left, bottom, left + stored[0], bottom + stored[1]))
    c.save()

    if rotate or crop:
        reader = PdfReader(io.BytesIO(buffer.getvalue()))
        writer = PdfWriter()
        for page, box in zip(reader.pages, boxes, strict=True):
            page = writer.add_page(page)
            if crop:
                page[NameObject("/CropBox")] = RectangleObject(box)
            if rotate:
                page[NameObject("/Rotate")] = NumberObject(rotate)
        buffer = io.BytesIO()
        writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _display_to_stored(rotate: int, width: float, height: float) -> tuple[float, ...]:
    """The `cm` matrix from displayed coordinates to the stored page's coordinates.

    A viewer turns the stored page `rotate` degrees clockwise, so content is stored turned
    the same amount counterclockwise.
    """
    return {
        0: (1, 0, 0, 1, 0, 0),
        90: (0, 1, -1, 0, height, 0),
        180: (-1, 0, 0, -1, width, height),
        270: (0, -1, 1, 0, 0, width),
    }[rotate]


def _draw_page(c: canvas.Canvas, k: int, width: float, height: float) -> None:
    c.setFillGray(FILL_GREY)
    c.rect(0, 0, width, height, stroke=0, fill=1)
    # A frame inside the edge: a rendering finds the page's edge by the fill's grey alone.
    c.setStrokeGray(_FRAME_GREY)
    c.setLineWidth(1)
    c.rect(4, 4, width - 8, height - 8, stroke=1, fill=0)
    # An arrow to the top edge, for people looking at a sheet.
    c.setFillGray(_FRAME_GREY)
    arrow = c.beginPath()
    tip = height - 0.06 * height
    half = 0.04 * min(width, height)
    arrow.moveTo(width / 2, tip)
    arrow.lineTo(width / 2 - half, tip - 2 * half)
    arrow.lineTo(width / 2 + half, tip - 2 * half)
    arrow.close()
    c.drawPath(arrow, stroke=0, fill=1)
    c.setFillGray(_LABEL_GREY)
    font_size = min(width, height) / 6
    c.setFont("Helvetica-Bold", font_size)
    c.drawCentredString(width / 2, height / 2 - font_size / 3, label(k))
