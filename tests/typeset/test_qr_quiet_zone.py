"""A QR code keeps its quiet zone: at least 4 modules of white on every side of its dark
modules, inside the space the code takes on the page (a phone cannot find a code whose
finder patterns touch the text beside it). Read back from the typeset PDF: the dark
modules' bounds, the module size from a finder pattern (7 modules wide), and what else is
drawn around them."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A5, A7

from tests.typeset.helpers import paths, publication, run, text_boxes
from zinekit.units import mm

URL = "https://example.org/zines/mutual-aid"
QUIET = 4  # modules, as the QR standard asks
SCALE = 12  # render at 864 dpi: a dozen pixels per module


def _code(pdf: bytes, page: int):
    [code] = [
        p
        for p in paths(pdf, page)
        if p.filled and not p.stroked and p.fill_grey < 0.25 and p.width > mm(10)
    ]
    return code


def _render(pdf: bytes, page: int):
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[page].render(scale=SCALE).to_pil().convert("L"), doc[page].get_size()[1]
    finally:
        doc.close()


def _module(image, height: float, code) -> float:
    """A module's size in points: the top-left finder pattern's top row is 7 dark modules."""
    y = round((height - code.top) * SCALE + SCALE / 4)  # inside the top row of modules
    x = round(code.left * SCALE + 1)
    start = x
    while image.getpixel((x, y)) < 128:
        x += 1
    return (x - start) / SCALE / 7


@pytest.mark.parametrize("size", [A5, A7, (mm(50), mm(70))], ids=["beside", "A7", "under"])
def test_the_code_has_four_white_modules_around_it(size: tuple[float, float]) -> None:
    pub = publication(
        [
            {"text": "Bacaan lanjutan untuk kelompok dukungan sebaya."},
            {"resources": [{"title": "Zine Uji", "kind": "zine", "link": URL}]},
            {"text": "Sesudah daftar bacaan."},
        ]
    )
    result = run(pub, size=size, binding="none")
    code = _code(result.pdf, 1)
    image, height = _render(result.pdf, 1)
    module = _module(image, height, code)
    assert mm(0.4) < module < mm(1.5)  # a sane reading of the finder pattern
    quiet = QUIET * module - 0.25  # a quarter point for rounding in the renderer

    # The code's own space starts at the text column's left edge: the quiet zone lies
    # inside it, between that edge and the first dark module.
    column_left = min(b[1] for b in text_boxes(result.pdf, 1))
    assert code.left - column_left >= quiet

    # Nothing else is drawn within the quiet zone on any side: no text...
    for char, left, bottom, right, top in text_boxes(result.pdf, 1):
        apart = max(code.left - right, left - code.right, code.bottom - top, bottom - code.top)
        assert apart >= quiet, f"{char!r} is {apart:.1f} pt from the code"
    # ...and no ink at all in the ring around the dark modules.
    ring = [
        (x, y)
        for x in range(round((code.left - quiet) * SCALE), round((code.right + quiet) * SCALE))
        for y in range(
            round((height - code.top - quiet) * SCALE),
            round((height - code.bottom + quiet) * SCALE),
        )
        if not (
            code.left * SCALE - 1 <= x <= code.right * SCALE + 1
            and (height - code.top) * SCALE - 1 <= y <= (height - code.bottom) * SCALE + 1
        )
    ]
    assert ring and all(image.getpixel(p) >= 250 for p in ring[::7])
