"""Print-ready typesetting: black-only pages for photocopies (grey pictures, K-only ink),
pictures screened into coarse dots (dither), and pages with bleed, read back from the PDF.

The command line (imposed sheets, Ghostscript's ink coverage, Ghostscript missing) is
tests/cli/test_build_print_ready.py; the halftone screen alone is test_halftone.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf.generic import ContentStream

from tests.typeset.helpers import (
    A5,
    colour_photo,
    placed_images,
    publication,
    run,
    text_boxes,
)
from zinekit.typeset.halftone import SCREEN_PPI
from zinekit.units import mm

BLEED = mm(3)


def _everything(folder: Path, suffix: str = ".jpg", **cover: object) -> object:
    """A publication drawing every kind of thing: text, a link, lines to write on, a quote,
    a QR code, worksheet shapes, and a colour photo on the cover and in a block."""
    photo = colour_photo(folder / f"photo{suffix}").name
    return publication(
        [
            {"heading": "Pembuka"},
            {"text": "Teks dengan [tautan](https://example.org) dan **tebal**."},
            {"quote": {"text": "Dinding pertama ada di kepala kita.", "by": "Kawan"}},
            {
                "affirmations": {
                    "pattern": "JIKA KAMU MERASA {}",
                    "items": ["LELAH"],
                    "continue": {"lines": 2},
                }
            },
            {"resources": [{"title": "Situs", "kind": "site", "link": "https://example.org"}]},
            {"image": {"src": photo, "caption": "Foto"}},
            {"write-in": "Tanda-tanda awal", "lines": 2},
            {"box": "Tulis di sini", "height": "20mm"},
            {"checklist": ["Satu", "Dua"]},
            {"scale": "Seberapa lelah?"},
            {"table": ["Hari", "Rasa"], "rows": 2},
        ],
        cover={"image": photo, "footer": "Edisi 1", **cover},
        back={"text": "Sampai jumpa."},
    )


def _colour_ops(pdf: bytes) -> list[tuple[bytes, list[float]]]:
    """Every colour-setting operation of every page: (operator, operands)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in {b"rg", b"RG", b"k", b"K", b"g", b"G", b"sc", b"SC", b"scn", b"SCN"}:
                found.append((operator, [float(v) for v in operands if not hasattr(v, "name")]))
            elif operator in {b"cs", b"CS", b"sh"}:
                found.append((operator, []))
    return found


@pytest.mark.parametrize("suffix", [".jpg", ".png"])
def test_photocopy_embeds_every_picture_in_grey(tmp_path: Path, suffix: str) -> None:
    pub = _everything(tmp_path, suffix)
    colour = placed_images(run(pub, base_dir=tmp_path).pdf)
    assert {image.colour_space for image in colour} == {"/DeviceRGB"}, "the photo is in colour"
    grey = placed_images(run(pub, base_dir=tmp_path, photocopy=True).pdf)
    assert grey
    assert {image.colour_space for image in grey} == {"/DeviceGray"}
    # A photo stays a JPEG photo, only grey.
    expected = "/DCTDecode" if suffix == ".jpg" else "/FlateDecode"
    assert {image.filters for image in grey} == {(expected,)}


def test_text_and_lines_are_black_ink_only(tmp_path: Path) -> None:
    # Text, rules, the QR code and the worksheet shapes: K-only CMYK or DeviceGray, never
    # RGB (a copier prints RGB black as a four-colour grey).
    ops = _colour_ops(run(_everything(tmp_path), base_dir=tmp_path, photocopy=True).pdf)
    assert ops
    for operator, operands in ops:
        assert operator in {b"k", b"K", b"g", b"G"}, operator
        if operator in {b"k", b"K"}:
            assert operands[:3] == [0, 0, 0], operands


def test_dither_screens_pictures_into_black_and_white_dots(tmp_path: Path) -> None:
    pub = _everything(tmp_path)
    pdf = run(pub, base_dir=tmp_path, dither=True).pdf
    images = placed_images(pdf)
    assert len(images) == 2  # the cover's and the block's
    for image in images:
        assert (image.colour_space, image.bits, image.filters) == (
            "/DeviceGray",
            8,
            ("/FlateDecode",),
        )
        assert image.levels == 2  # black and white only
    # Screened at its printed size: SCREEN_PPI pixels per inch of the drawn picture.
    doc = pdfium.PdfDocument(pdf)
    ppi = []
    for page in doc:
        for picture in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE]):
            left, _, right, _ = picture.get_bounds()
            ppi.append(picture.get_px_size()[0] / ((right - left) / 72))
    doc.close()
    assert ppi == pytest.approx([SCREEN_PPI] * 2, abs=1)


def test_dither_and_photocopy_leave_text_as_it_was(tmp_path: Path) -> None:
    pub = _everything(tmp_path)
    plain = run(pub, base_dir=tmp_path)
    for kwargs in ({"photocopy": True}, {"dither": True}):
        other = run(pub, base_dir=tmp_path, **kwargs)
        assert other.page_count == plain.page_count
        for page in range(plain.page_count):
            assert text_boxes(other.pdf, page) == text_boxes(plain.pdf, page)


def test_bleed_grows_the_paper_on_every_side_not_the_page(tmp_path: Path) -> None:
    pub = _everything(tmp_path)
    plain = run(pub, base_dir=tmp_path)
    bled = run(pub, base_dir=tmp_path, bleed=BLEED)
    assert bled.page_count == plain.page_count
    w, h = A5
    b = BLEED
    reader = pypdf.PdfReader(io.BytesIO(bled.pdf))
    for page in reader.pages:
        boxes = {
            name: tuple(round(float(v), 2) for v in getattr(page, name))
            for name in ("mediabox", "cropbox", "trimbox", "bleedbox")
        }
        media = tuple(round(v, 2) for v in (0, 0, w + 2 * b, h + 2 * b))
        trim = tuple(round(v, 2) for v in (b, b, b + w, b + h))
        assert boxes == {"mediabox": media, "bleedbox": media, "cropbox": trim, "trimbox": trim}
    # Everything sits where it was on the trimmed page, moved in by the bleed.
    for index in range(plain.page_count):
        moved = [
            (c, x0 - b, y0 - b, x1 - b, y1 - b) for c, x0, y0, x1, y1 in text_boxes(bled.pdf, index)
        ]
        expected = text_boxes(plain.pdf, index)
        assert [c for c, *_ in moved] == [c for c, *_ in expected]
        for (_, *got), (_, *want) in zip(moved, expected, strict=True):
            assert got == pytest.approx(want, abs=0.01)


def _render_paper(pdf: bytes, index: int, scale: float = 2.0) -> Image.Image:
    """Page `index` rendered whole, MediaBox and all (viewers show only the CropBox)."""
    doc = pdfium.PdfDocument(pdf)
    page = doc[index]
    page.set_cropbox(*page.get_mediabox())
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    doc.close()
    return image


def _dark_columns(image: Image.Image, row: int) -> list[int]:
    return [x for x in range(image.width) if image.getpixel((x, row)) < 200]


def test_full_width_cover_picture_runs_to_the_page_edges(tmp_path: Path) -> None:
    pub = _everything(tmp_path, **{"full-width": True})
    pdf = run(pub, base_dir=tmp_path).pdf
    paper = _render_paper(pdf, 0)
    # The middle of the page is the picture's: dark from the left edge to the right one.
    row = paper.height // 2
    assert _dark_columns(paper, row) == list(range(paper.width))


def test_full_width_cover_picture_reaches_into_the_bleed(tmp_path: Path) -> None:
    pub = _everything(tmp_path, **{"full-width": True})
    pdf = run(pub, base_dir=tmp_path, bleed=BLEED).pdf
    scale = 2.0
    paper = _render_paper(pdf, 0, scale)
    row = paper.height // 2
    # Every pixel across, the bleed on both sides included.
    assert _dark_columns(paper, row) == list(range(paper.width))
    # Above the picture, at the title, the bleed stays white.
    title_row = round(mm(12) * scale)
    bleed_px = round(BLEED * scale)
    strip = paper.crop((0, title_row, bleed_px - 1, title_row + 4))
    assert strip.getextrema()[0] > 240


def test_tall_full_width_cover_picture_is_cut_to_the_room(tmp_path: Path) -> None:
    colour_photo(tmp_path / "tall.png", size=(300, 900))
    pub = publication(
        [{"text": "Isi."}],
        cover={"image": "tall.png", "footer": "Edisi 1", "full-width": True},
    )
    pdf = run(pub, base_dir=tmp_path).pdf
    chars = text_boxes(pdf, 0)
    middle = A5[1] / 2
    title_bottom = min(bottom for _, _, bottom, _, _ in chars if bottom > middle)
    footer_top = max(top for _, _, _, _, top in chars if top < middle)
    paper = _render_paper(pdf, 0, scale=1.0)
    height = paper.height
    full_rows = [
        y for y in range(height) if len(_dark_columns(paper, y)) == paper.width
    ]  # rows the picture fills from edge to edge
    assert full_rows
    picture_top = height - min(full_rows)
    picture_bottom = height - max(full_rows) - 1
    assert picture_top < title_bottom
    assert picture_bottom > footer_top
    assert picture_top - picture_bottom > A5[1] * 0.5  # most of the page: cut, not shrunk


def test_dither_screens_only_the_part_of_a_cut_picture_that_shows(tmp_path: Path) -> None:
    colour_photo(tmp_path / "tall.png", size=(300, 900))
    pub = publication([{"text": "Isi."}], cover={"image": "tall.png", "full-width": True})
    pdf = run(pub, base_dir=tmp_path, dither=True, bleed=BLEED).pdf
    doc = pdfium.PdfDocument(pdf)
    [picture] = doc[0].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])
    left, bottom, right, top = picture.get_bounds()
    width, height = picture.get_px_size()
    doc.close()
    assert (left, right) == pytest.approx((0, A5[0] + 2 * BLEED), abs=0.01)
    assert top - bottom < A5[1] * 0.9  # cut to the room between title and foot
    assert width / ((right - left) / 72) == pytest.approx(SCREEN_PPI, abs=1)
    assert height / ((top - bottom) / 72) == pytest.approx(SCREEN_PPI, abs=1)
