"""Small PDFs for the preflight tests, each with one trait a check must find.

Hand-written files (through `tests.wildgen.assemble`) give exact control over boxes,
matrices, images and colour operators; reportlab makes the ones with real text. Every
builder returns bytes and is deterministic.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import reportlab
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.wildgen import assemble, stream

A5_BOX = (0, 0, 419.53, 595.28)


def rect(box: tuple[float, ...]) -> bytes:
    return b"[%s]" % b" ".join(b"%g" % v for v in box)


def image(
    width: int,
    height: int,
    *,
    bits: int = 8,
    space: bytes = b"/DeviceGray",
    components: int = 1,
    extra: bytes = b"",
) -> bytes:
    """An image XObject of blank pixels (the checks never look at the pixels)."""
    row = (width * components * bits + 7) // 8
    data = zlib.compress(b"\x00" * row * height)
    entries = (
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent %d"
        b" /ColorSpace %s /Filter /FlateDecode %s" % (width, height, bits, space, extra)
    )
    return stream(entries, data)


def form(content: bytes, *, resources: bytes = b"<< >>", matrix: bytes = b"") -> bytes:
    entries = b"/Type /XObject /Subtype /Form /BBox [0 0 1000 1000] /Resources %s" % resources
    if matrix:
        entries += b" /Matrix " + matrix
    return stream(entries, content)


def pages_pdf(
    contents: list[bytes],
    *,
    resources: bytes = b"<< >>",
    objects: dict[int, bytes] | None = None,
    page_entries: list[bytes] | None = None,
    media: tuple[float, ...] = A5_BOX,
) -> bytes:
    """One page per content stream, all sharing `resources`. `objects` are numbered from 10
    up by the caller; objects 1-9 hold the catalog and page tree, pages from 100 up."""
    kids = []
    numbered: dict[int, bytes] = dict(objects or {})
    for index, content in enumerate(contents):
        page, data = 100 + 2 * index, 101 + 2 * index
        kids.append(b"%d 0 R" % page)
        entries = page_entries[index] if page_entries else b""
        numbered[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents %d 0 R %s >>"
            % (rect(media), resources, data, entries)
        )
        numbered[data] = stream(b"", content)
    numbered[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    numbered[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return assemble(numbered)


def joined(*pdfs: bytes) -> bytes:
    """The pages of each PDF in turn, in one PDF."""
    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_page(
    width: int, height: int, placed: tuple[float, float], *, bits: int = 8, space=b"/DeviceGray"
) -> bytes:
    """One page showing one image at `placed` points (width, height)."""
    content = b"q %g 0 0 %g 50 50 cm /Im1 Do Q" % placed
    return pages_pdf(
        [content],
        resources=b"<< /XObject << /Im1 10 0 R >> >>",
        objects={10: image(width, height, bits=bits, space=space)},
    )


def _vera() -> str:
    """Bitstream Vera, which reportlab ships, registered once; embedded when used."""
    name = "CheckVera"
    if name not in pdfmetrics.getRegisteredFontNames():
        path = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def text_pdf(pages: int, *, size: tuple[float, float] = A5, embedded: bool = True) -> bytes:
    """Numbered pages of grey text (DeviceGray only): in Vera, embedded, or in Helvetica,
    one of the standard fonts reportlab never embeds."""
    font = _vera() if embedded else "Helvetica"
    buffer = io.BytesIO()
    # initialFontName: otherwise reportlab names Helvetica on every page.
    c = canvas.Canvas(buffer, pagesize=size, invariant=True, initialFontName=font)
    for k in range(1, pages + 1):
        c.setFillGray(0.85)
        c.rect(0, 0, size[0], size[1], stroke=0, fill=1)
        c.setFillGray(0.2)
        c.setFont(font, 24)
        c.drawCentredString(size[0] / 2, size[1] / 2, f"page {k}")
        c.showPage()
    c.save()
    return buffer.getvalue()
