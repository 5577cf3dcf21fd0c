"""PDF bytes -> PNG previews: each imposed sheet's front and back side by side, and a contact
sheet of the pages in reading order, at screen resolution, for a quick look or to share.

Rendering needs pypdfium2 (`pip install zinekit[preview]`) or poppler's pdftoppm; pypdfium2
is used when both are there. Without either, --preview is an error that says so.
"""

from __future__ import annotations

import importlib.util
import io
import math
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from zinekit.data import data_dir
from zinekit.errors import OptionError, ZinekitError
from zinekit.i18n import say

SHEET_DPI = 72  # an A4 side is 842 x 595 pixels
READING_DPI = 40  # an A5 page is 233 x 331 pixels
READING_PER_IMAGE = 64  # pages per contact sheet: 8 rows of 8
PAD = 16  # pixels around and between the pictures
BACKGROUND = (226, 226, 226)
EDGE = (120, 120, 120)

# (file index, page index) of one sheet side in the written PDFs
At = tuple[int, int]
Renderer = Callable[[bytes, float, str | None], list[Image.Image]]


def require_renderer() -> Renderer:
    """The renderer to use; an error that says how to get one when there is none."""
    if importlib.util.find_spec("pypdfium2") is not None:
        return _pdfium
    if _pdftoppm() is not None:
        return _poppler
    raise OptionError(
        say("cli.preview.needs-renderer"), hint=say("cli.preview.needs-renderer-hint")
    )


def sheet_images(
    render: Renderer, pdfs: Sequence[bytes], sides: Sequence[tuple[At, At | None]]
) -> list[bytes]:
    """One PNG per sheet: its front and, when printed, its back beside it, as in the PDF."""
    pages = [render(pdf, SHEET_DPI, None) for pdf in pdfs]
    images = []
    for front, back in sides:
        parts = [pages[front[0]][front[1]]]
        if back is not None:
            parts.append(pages[back[0]][back[1]])
        images.append(_png(_row(parts)))
    return images


def page_image(render: Renderer, pdf: bytes, index: int) -> bytes:
    """One page alone, such as the instruction page."""
    return _png(_row([render(pdf, SHEET_DPI, None)[index]]))


def page_png(pdf: bytes, index: int, dpi: float = SHEET_DPI) -> bytes:
    """One page of `pdf` (0-based) as a PNG, without the frame, for the studio's preview.
    Draws only that page with pypdfium2; pdftoppm draws them all."""
    render = require_renderer()
    if render is _pdfium:
        return _png_fast(_pdfium_page(pdf, index, dpi))
    return _png_fast(render(pdf, dpi, None)[index])


def reading_images(render: Renderer, pdf: bytes, password: str | None = None) -> list[bytes]:
    """Contact sheets of every page in order, numbered, READING_PER_IMAGE pages each."""
    pages = render(pdf, READING_DPI, password)
    font = _font(14)
    sheets = []
    for first in range(0, len(pages), READING_PER_IMAGE):
        chunk = pages[first : first + READING_PER_IMAGE]
        columns = min(len(chunk), 8)
        rows = math.ceil(len(chunk) / columns)
        cell_w = max(p.width for p in chunk)
        cell_h = max(p.height for p in chunk) + 22
        sheet = Image.new(
            "RGB",
            (PAD + columns * (cell_w + PAD), PAD + rows * (cell_h + PAD)),
            BACKGROUND,
        )
        draw = ImageDraw.Draw(sheet)
        for n, page in enumerate(chunk):
            row, column = divmod(n, columns)
            x = PAD + column * (cell_w + PAD) + (cell_w - page.width) // 2
            y = PAD + row * (cell_h + PAD)
            _paste(sheet, page, x, y)
            label = str(first + n + 1)
            draw.text((x + page.width / 2, y + page.height + 12), label, (0, 0, 0), font, "mm")
        sheets.append(_png(sheet))
    return sheets


def _row(parts: list[Image.Image]) -> Image.Image:
    width = PAD + sum(p.width + PAD for p in parts)
    height = 2 * PAD + max(p.height for p in parts)
    image = Image.new("RGB", (width, height), BACKGROUND)
    x = PAD
    for part in parts:
        _paste(image, part, x, PAD)
        x += part.width + PAD
    return image


def _paste(image: Image.Image, part: Image.Image, x: int, y: int) -> None:
    image.paste(part.convert("RGB"), (x, y))
    ImageDraw.Draw(image).rectangle(
        (x - 1, y - 1, x + part.width, y + part.height), outline=EDGE, width=1
    )


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _png_fast(image: Image.Image) -> bytes:
    """PNG without `optimize`: a third of the time, for pictures that are shown once."""
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(data_dir("assets") / "fonts" / "NotoSans-Regular.ttf"), size)


def _pdfium(pdf: bytes, dpi: float, password: str | None) -> list[Image.Image]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf, password=password)
    except pdfium.PdfiumError as exc:
        raise ZinekitError(say("cli.preview.not-drawn", detail=exc)) from exc
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, may_draw_forms=True)
            images.append(bitmap.to_pil().convert("RGB"))
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def _pdfium_page(pdf: bytes, index: int, dpi: float) -> Image.Image:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise ZinekitError(say("cli.preview.not-drawn", detail=exc)) from exc
    try:
        if not 0 <= index < len(document):
            raise ZinekitError(say("cli.preview.no-page", page=index + 1))
        page = document[index]
        bitmap = page.render(scale=dpi / 72, may_draw_forms=True)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
        page.close()
        return image
    finally:
        document.close()


def _pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def _poppler(pdf: bytes, dpi: float, password: str | None) -> list[Image.Image]:
    tool = _pdftoppm()
    if tool is None:  # pragma: no cover - require_renderer checked
        raise ZinekitError(say("cli.preview.pdftoppm-gone"))
    with tempfile.TemporaryDirectory(prefix="zinekit-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        command = [tool, "-png", "-r", str(dpi)]
        if password:
            command += ["-upw", password]
        try:
            done = subprocess.run(
                [*command, str(source), str(Path(folder) / "page")],
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ZinekitError(say("cli.preview.pdftoppm-not-run", detail=exc)) from exc
        if done.returncode != 0:
            detail = " ".join(done.stderr.split())[:200]
            raise ZinekitError(say("cli.preview.not-drawn", detail=f"pdftoppm: {detail}"))
        # pdftoppm numbers its files page-1.png or page-01.png..., as many digits as needed.
        files = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        images = []
        for file in files:
            with Image.open(file) as image:
                images.append(image.convert("RGB"))
        return images
