"""Build small publications in code, typeset them, and read the PDF back as a reader would:
text per page in order, drawn paths with their colour and width, the outline.

Everything is measured on the output with pypdfium2 and pypdf; nothing asks the typesetter.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tests.readback import Bounds
from zinekit.content.model import Publication
from zinekit.errors import Location
from zinekit.impose.target import PageTarget
from zinekit.typeset import TypesetResult, typeset
from zinekit.units import mm

A5 = (mm(148), mm(210))
A7 = (mm(74.25), mm(105))

# pdfium reports a hyphen it takes for a line-end break as this character.
LINE_END_HYPHEN = "\ufffe"


def publication(blocks: list[Any], **fields: Any) -> Publication:
    """A publication with these blocks and a cover (page 1), unless `cover=None`; block i
    is located at line i + 1 of "zine.yaml"."""
    fields.setdefault("cover", {})
    if fields["cover"] is None:
        del fields["cover"]
    pub = Publication.model_validate({"title": "Zine Uji", "blocks": blocks, **fields})
    for i, block in enumerate(pub.blocks):
        block._where = Location("zine.yaml", i + 1, 3)
    return pub


def run(
    pub: Publication,
    *,
    size: tuple[float, float] = A5,
    binding: str = "saddle",
    base_dir: Path = Path("."),
    max_pages: int | None = None,
    bleed: float = 0.0,
    **kwargs: Any,
) -> TypesetResult:
    """Typeset `pub` for pages of `size`, as a layout whose cells are exactly that size asks."""
    target = PageTarget(
        sheet_size=size,
        cell_size=size,
        page_size=size,
        binding=binding,  # type: ignore[arg-type]
        multiple=max_pages or (4 if binding == "saddle" else 1),
        capacity=max_pages,
        bleed=bleed,
    )
    return typeset(pub, base_dir=base_dir, target=target, **kwargs)


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, in drawing order; lines joined by newlines."""
    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in doc:
            text = page.get_textpage()
            out.append(text.get_text_range().replace("\r\n", "\n"))
            text.close()
            page.close()
        return out
    finally:
        doc.close()


def words(text: str) -> list[str]:
    """Words of a text with line-end hyphenation undone, for comparing with the source."""
    return text.replace(LINE_END_HYPHEN, "").replace("-\n", "").split()


@dataclass(frozen=True)
class Drawn(Bounds):
    """A path drawn on the page: its bounds, and how it was stroked and filled."""

    stroked: bool
    filled: bool
    stroke_grey: float  # 0 black .. 1 white, mean of r, g, b
    fill_grey: float
    stroke_width: float


def paths(pdf: bytes, page_index: int) -> list[Drawn]:
    """Every path drawn on a page, with page coordinates (points, from the bottom left)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[page_index]
        found = []
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
            pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke))
            width = ctypes.c_float()
            pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, ctypes.byref(width))
            found.append(
                Drawn(
                    left,
                    bottom,
                    right,
                    top,
                    bool(stroke.value),
                    bool(fill_mode.value),
                    _grey(pdfium_c.FPDFPageObj_GetStrokeColor, obj),
                    _grey(pdfium_c.FPDFPageObj_GetFillColor, obj),
                    width.value,
                )
            )
        page.close()
        return found
    finally:
        doc.close()


def _grey(getter: Any, obj: Any) -> float:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    getter(obj.raw, *(ctypes.byref(x) for x in (r, g, b, a)))
    return (r.value + g.value + b.value) / 3 / 255


def ruled_lines(pdf: bytes, page_index: int) -> list[Drawn]:
    """Light grey horizontal strokes: the lines to write on."""
    return [
        p
        for p in paths(pdf, page_index)
        if p.stroked and not p.filled and p.height < 1 and p.width > mm(20) and p.stroke_grey > 0.5
    ]


def outline(pdf: bytes) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) for every outline entry, in order."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def catalog(pdf: bytes) -> Any:
    return pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]


PARAGRAPH_ID = (
    "Kelompok dukungan sebaya memberi kesempatan untuk berbagi pengalaman tanpa hirarki,"
    " tanpa profesional bayaran, dan tanpa label yang dipaksakan. Kita mendengarkan satu sama"
    " lain dengan sabar, dan masyarakat yang peduli tumbuh dari pertemuan-pertemuan kecil"
    " seperti ini. Merawat orang lain sering kali merupakan cara terbaik untuk merawat diri"
    " sendiri, karena kita menemukan bahwa kita tidak sendirian."
)


def text_boxes(pdf: bytes, page_index: int) -> list[tuple[str, float, float, float, float]]:
    """(character, left, bottom, right, top) for every drawn character of a page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[page_index]
        text = page.get_textpage()
        boxes = []
        for i in range(text.count_chars()):
            if pdfium_c.FPDFText_IsGenerated(text.raw, i):
                continue
            char = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
            if char.isspace():
                continue
            left, bottom, right, top = text.get_charbox(i)
            boxes.append((char, left, bottom, right, top))
        text.close()
        page.close()
        return boxes
    finally:
        doc.close()


def font_sizes(pdf: bytes, page_index: int) -> list[float]:
    """The type size of every drawn character of a page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[page_index]
        text = page.get_textpage()
        sizes = [
            pdfium_c.FPDFText_GetFontSize(text.raw, i)
            for i in range(text.count_chars())
            if not pdfium_c.FPDFText_IsGenerated(text.raw, i)
        ]
        text.close()
        page.close()
        return sizes
    finally:
        doc.close()


def normalised(text: str) -> str:
    """Words joined by single spaces, without hyphens: a word's own hyphen and one added at
    a line end read the same once the lines are joined."""
    return " ".join(words(text.replace("-", "")))


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Every needle occurs in `haystack`, each after the one before."""
    at = 0
    for needle in needles:
        found = haystack.find(normalised(needle), at)
        assert found >= 0, f"{needle!r} missing after position {at}: ...{haystack[at : at + 200]!r}"
        at = found + len(normalised(needle))


def reading_text(pdf: bytes) -> str:
    """All pages' text, normalised, without the page numbers (drawn before each page's
    text, they would split a paragraph that crosses pages)."""
    pages = []
    for number, text in enumerate(page_texts(pdf), start=1):
        lines = [line for line in text.split("\n") if line.strip() != str(number)]
        pages.append("\n".join(lines))
    return normalised("\n".join(pages))


def colour_photo(path: Path, size: tuple[int, int] = (600, 450)) -> Path:
    """A photo-like colour picture: a sky shading from blue, a yellow sun, green hills, a
    red figure, a little grain. Saved as JPEG or PNG by `path`'s suffix."""
    from PIL import Image, ImageDraw, ImageFilter

    w, h = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        t = y / h
        draw.line([(0, y), (w, y)], fill=(int(70 + 150 * t), int(120 + 100 * t), 200))
    draw.ellipse((w * 0.65, h * 0.1, w * 0.85, h * 0.37), fill=(255, 220, 120))
    hills = [(0, h * 0.65), (w * 0.3, h * 0.45), (w * 0.6, h * 0.7), (w, h * 0.5), (w, h), (0, h)]
    draw.polygon(hills, fill=(40, 110, 50))
    draw.polygon(
        [(0, h * 0.85), (w * 0.5, h * 0.7), (w, h * 0.9), (w, h), (0, h)], fill=(20, 70, 30)
    )
    draw.ellipse((w * 0.2, h * 0.5, w * 0.28, h * 0.6), fill=(230, 180, 150))
    draw.rectangle((w * 0.2, h * 0.6, w * 0.28, h * 0.85), fill=(180, 30, 40))
    image = image.filter(ImageFilter.GaussianBlur(2))
    image = Image.blend(image, Image.effect_noise(size, 18).convert("RGB"), 0.08)
    image.save(path)
    return path


@dataclass(frozen=True)
class PlacedImage:
    colour_space: str
    bits: int
    filters: tuple[str, ...]
    width: int
    height: int
    levels: int | None  # distinct sample values, for Flate-encoded 8-bit grey; else None


def placed_images(pdf: bytes) -> list[PlacedImage]:
    """Every image XObject the pages draw, also inside the forms they draw (as on imposed
    sheets), each once."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    seen: set[int] = set()
    found: list[PlacedImage] = []

    def visit(resources: Any) -> None:
        xobjects = resources.get_object().get("/XObject", {}) if resources else {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj["/Subtype"] == "/Image":
                filters = obj.get("/Filter", [])
                filters = tuple(
                    str(f) for f in (filters if isinstance(filters, list) else [filters])
                )
                levels = None
                if filters == ("/FlateDecode",) and obj["/BitsPerComponent"] == 8:
                    levels = len(set(obj.get_data()))
                found.append(
                    PlacedImage(
                        str(obj["/ColorSpace"]),
                        int(obj["/BitsPerComponent"]),
                        filters,
                        int(obj["/Width"]),
                        int(obj["/Height"]),
                        levels,
                    )
                )
            else:
                visit(obj.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found
