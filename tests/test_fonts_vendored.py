"""Every font shipped in assets/fonts/ can be used for any theme and may be shipped.

For each .ttf there: TrueType outlines (reportlab cannot embed CFF), an OS/2 fsType that lets
a PDF embed it, every character Indonesian and English text needs, a row in
assets/fonts/README.md naming a licence file that lists it, and a PDF written with it that
carries the font embedded and gives the text back. The sfnt tables are read with `struct`
(fontTools is not a test dependency); the PDF is read back with pypdfium2.
"""

from __future__ import annotations

import ctypes
import functools
import io
import re
import struct
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
FONT_FILES = sorted(FONTS.glob("*.ttf"))

# What content in Indonesian and English uses: ASCII, typographic quotes and dashes, the
# ellipsis, the list and separator marks, spaces and hyphens that typesetting inserts, accented
# letters of loanwords and names, and the signs of a colophon or a weather line.
REQUIRED = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "\u2018\u2019\u201c\u201d"  # ‘ ’ “ ”
    + "\u2013\u2014\u2026"  # – — …
    + "\u00b7\u2022"  # · •
    + "\u00a0\u00ad"  # no-break space, soft hyphen
    + "\u00e9\u00e8\u00eb"  # é è ë
    + "\u00a9\u00b0"  # © °
)
# Drawn in the PDF and read back: everything visible (the soft hyphen is not drawn; pdfium gives
# the no-break space back as a plain space, so it is left to the cmap test).
SAMPLE = "".join(c for c in REQUIRED if c not in "\u00a0\u00ad")

# OS/2 fsType (OpenType spec): the low four bits are the embedding licence, exclusive values.
_INSTALLABLE, _RESTRICTED, _PREVIEW_PRINT, _EDITABLE = 0x0000, 0x0002, 0x0004, 0x0008
_NO_SUBSETTING, _BITMAP_ONLY = 0x0100, 0x0200  # reportlab always embeds outline subsets


def test_the_default_family_is_among_the_fonts() -> None:
    names = {path.name for path in FONT_FILES}
    assert {f"NotoSans-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")} <= (
        names
    )


def _tables(path: Path) -> tuple[int, dict[bytes, bytes]]:
    """The sfnt version and each table's bytes, from the table directory at the file's start."""
    data = path.read_bytes()
    version, count = struct.unpack_from(">IH", data, 0)
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = data[offset : offset + length]
    return version, tables


@functools.cache
def _registered(path: Path) -> TTFont:
    font = TTFont(f"vendored-{path.stem}", str(path))
    pdfmetrics.registerFont(font)
    return font


def _describe(chars: str) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')} {c!r}" for c in chars)


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.name)
def test_has_truetype_outlines(path: Path) -> None:
    version, tables = _tables(path)
    assert version in (0x00010000, int.from_bytes(b"true", "big")), (
        f"{path.name}: sfnt version {version:#010x} is not TrueType"
        + (" (OpenType CFF, which reportlab cannot embed)" if version == 0x4F54544F else "")
    )
    assert b"glyf" in tables, f"{path.name}: no glyf table, so no TrueType outlines"


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.name)
def test_permits_embedding(path: Path) -> None:
    (fs_type,) = struct.unpack_from(">H", _tables(path)[1][b"OS/2"], 8)
    licence = fs_type & 0x000F
    assert licence != _RESTRICTED, f"{path.name}: fsType {fs_type:#06x} forbids embedding"
    # Print & preview is enough for a PDF that is printed and read, never edited.
    assert licence in (_INSTALLABLE, _PREVIEW_PRINT, _EDITABLE), (
        f"{path.name}: fsType {fs_type:#06x} has no embedding licence zinekit knows"
    )
    assert not fs_type & (_NO_SUBSETTING | _BITMAP_ONLY), (
        f"{path.name}: fsType {fs_type:#06x} forbids subsetting or outline embedding"
    )


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.name)
def test_covers_indonesian_and_english(path: Path) -> None:
    cmap = _registered(path).face.charToGlyph
    missing = "".join(c for c in REQUIRED if ord(c) not in cmap)
    assert not missing, f"{path.name} has no glyph for: {_describe(missing)}"


def _readme_rows() -> dict[str, list[str]]:
    """The cells of each table row of assets/fonts/README.md, by the file its first cell names."""
    rows = {}
    for line in (FONTS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        named = re.fullmatch(r"`([^`]+\.ttf)`", cells[0]) if line.startswith("|") else None
        if named:
            rows[named.group(1)] = cells
    return rows


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.name)
def test_has_a_licence_named_in_the_readme(path: Path) -> None:
    row = _readme_rows().get(path.name)
    assert row, f"{path.name} has no row in {FONTS / 'README.md'}"
    licences = [
        name for name in re.findall(r"`([^`]+)`", " ".join(row[1:])) if (FONTS / name).is_file()
    ]
    assert licences, f"{path.name}: its README row names no licence file in {FONTS}"
    for licence in licences:
        assert path.name in (FONTS / licence).read_text(encoding="utf-8"), (
            f"{licence} does not list {path.name} among the files it covers"
        )


def _text_fonts(page: pdfium.PdfPage) -> list[tuple[str, bool]]:
    """(base font name, embedded?) of the font of every text object on the page."""
    found = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
        size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
        found.append((buffer.value.decode(), bool(pdfium_c.FPDFFont_GetIsEmbedded(font))))
    return found


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.name)
def test_embeds_in_a_pdf_and_reads_back(path: Path) -> None:
    font = _registered(path)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(800, 100))
    pdf.setFont(font.fontName, 10)
    pdf.drawString(10, 50, SAMPLE)
    pdf.save()

    doc = pdfium.PdfDocument(out.getvalue())
    try:
        page = doc[0]
        fonts = _text_fonts(page)
        text = page.get_textpage().get_text_range()
    finally:
        doc.close()
    postscript_name = font.face.name.decode()
    # A subset is named "ABCDEF+PostScriptName" (ISO 32000-1, 9.6.4); pdfium may drop the tag.
    ours = [(name, embedded) for name, embedded in fonts if name.split("+")[-1] == postscript_name]
    assert ours, f"{path.name}: no text in {postscript_name} in the PDF, only {fonts}"
    assert all(embedded for _, embedded in ours), f"{path.name}: not embedded in the PDF"
    lost = "".join(c for c in SAMPLE if c not in text)
    assert not lost, f"{path.name}: the PDF does not give back {_describe(lost)}"
