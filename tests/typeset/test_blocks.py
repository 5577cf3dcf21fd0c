"""Blocks measured on the page: ruled lines, the prompt above them, QR codes, images,
lists that cross pages, covers."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from reportlab.graphics.barcode import qrencoder

from tests.typeset.helpers import (
    A5,
    A7,
    PARAGRAPH_ID,
    assert_in_order,
    font_sizes,
    normalised,
    page_texts,
    paths,
    publication,
    reading_text,
    ruled_lines,
    run,
    text_boxes,
)
from zinekit.errors import ImageError, Location, TypesetError
from zinekit.units import mm

PROMPT = "Tulislah dan lanjutkan sendiri..."


def _affirmations(lines: int, prompt: str | None = None) -> dict:
    spec: dict = {"lines": lines}
    if prompt:
        spec["prompt"] = prompt
    return {
        "affirmations": {
            "pattern": "JIKA KAMU MERASA {}, TAK APA-APA",
            "items": ["LELAH", "SEDIH", "MARAH"],
            "continue": spec,
        }
    }


# --- affirmations and ruled lines ---------------------------------------------------------


@pytest.mark.parametrize("size", [A5, A7])
def test_ruled_lines_counted_and_measured(size: tuple[float, float]) -> None:
    result = run(publication([_affirmations(5)]), size=size, binding="none")
    lines = ruled_lines(result.pdf, 1)
    assert len(lines) == 5
    ys = sorted((line.bottom + line.top) / 2 for line in lines)
    for low, high in zip(ys, ys[1:], strict=False):
        assert high - low == pytest.approx(mm(8.5), abs=mm(0.5))
    for line in lines:
        assert line.stroke_width >= 0.25
        assert 0.5 < line.stroke_grey < 0.95  # light grey, not white, not black
        assert line.width > 0.9 * (size[0] - mm(40) if size == A5 else size[0] - mm(15))


def test_each_affirmation_on_its_own_line() -> None:
    text = page_texts(run(publication([_affirmations(2)])).pdf)[1]
    lines = [line.strip() for line in text.split("\n")]
    for feeling in ("LELAH", "SEDIH", "MARAH"):
        assert f"JIKA KAMU MERASA {feeling}, TAK APA-APA" in lines
    assert PROMPT in lines


def test_own_prompt_and_no_lines() -> None:
    result = run(publication([_affirmations(0, prompt="Tulis milikmu:")]))
    assert "Tulis milikmu:" in page_texts(result.pdf)[1]
    assert ruled_lines(result.pdf, 1) == []


def _prompt_page_and_lines(pdf: bytes, count: int) -> list[int]:
    """Ruled lines on each page; asserts the prompt's page has lines below the prompt."""
    texts = page_texts(pdf)
    per_page = [len(ruled_lines(pdf, i)) for i in range(count)]
    prompt_pages = [i for i, t in enumerate(texts) if PROMPT in normalised(t) or PROMPT in t]
    assert len(prompt_pages) == 1
    return per_page[prompt_pages[0] :]


@pytest.mark.parametrize("filler", range(0, 24))
def test_prompt_never_alone_at_a_page_foot(filler: int) -> None:
    # Fillers of growing length move the prompt through the foot of the page.
    words = PARAGRAPH_ID.split()
    text = " ".join((words * 4)[: 12 + filler * 9])
    result = run(publication([{"text": text}, _affirmations(6)]), size=A7, binding="none")
    lines_from_prompt = _prompt_page_and_lines(result.pdf, result.page_count)
    assert lines_from_prompt[0] >= 2
    assert sum(lines_from_prompt) == 6


def test_many_lines_continue_on_the_next_page() -> None:
    result = run(publication([_affirmations(30)]), size=A7, binding="none")
    lines_from_prompt = _prompt_page_and_lines(result.pdf, result.page_count)
    assert sum(lines_from_prompt) == 30
    assert len([n for n in lines_from_prompt if n]) >= 2


# --- resources and QR codes ---------------------------------------------------------------

URL = "https://example.org/zines/mutual-aid"


def _qr_paths(pdf: bytes, page: int) -> list:
    """Black filled paths at least 10 mm wide and about square: QR codes."""
    return [
        p
        for p in paths(pdf, page)
        if p.filled
        and not p.stroked
        and p.fill_grey < 0.25
        and p.width > mm(10)
        and abs(p.width - p.height) < 0.5
    ]


def _read_modules(pdf: bytes, page: int, box: tuple, count: int) -> list[list[bool]]:
    """Render the page and sample the middle of each of count x count modules in `box`."""
    scale = 12  # 864 dpi: several pixels per module even on an A7 page
    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[page].render(scale=scale).to_pil().convert("L")
        height = doc[page].get_size()[1]
    finally:
        doc.close()
    left, bottom, right, top = box
    module = (right - left) / count
    grid = []
    for row in range(count):
        y = (height - (top - (row + 0.5) * module)) * scale
        grid.append(
            [
                image.getpixel(((left + (col + 0.5) * module) * scale, y)) < 128
                for col in range(count)
            ]
        )
    return grid


@pytest.mark.parametrize("size", [A5, A7])
def test_qr_code_encodes_the_link_and_is_big_enough(size: tuple[float, float]) -> None:
    pub = publication([{"resources": [{"title": "Zine Uji", "kind": "zine", "link": URL}]}])
    result = run(pub, size=size, binding="none")
    [code] = _qr_paths(result.pdf, 1)
    assert code.width >= mm(15) - 0.01
    expected = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    expected.addData(URL)
    expected.make()
    modules = [[bool(m) for m in row] for row in expected.modules]
    box = (code.left, code.bottom, code.right, code.top)
    assert _read_modules(result.pdf, 1, box, len(modules)) == modules
    # The URL is printed beside the code, to its right.
    url_chars = [b for b in text_boxes(result.pdf, 1) if b[0] == "/"]
    assert url_chars and min(b[1] for b in url_chars) > code.right
    assert URL in page_texts(result.pdf)[1].replace("\ufffe", "-").replace("\n", "")


def test_resource_fields_and_translated_kind() -> None:
    pub = publication(
        [
            {
                "resources": [
                    {
                        "title": "Film Uji",
                        "kind": "film",
                        "by": "Sutradara",
                        "year": 1999,
                        "length": "34 menit",
                        "note": "Tentang pemulihan.",
                    },
                    {"title": "Situs Uji", "kind": "site"},
                ]
            }
        ]
    )
    text = normalised(page_texts(run(pub).pdf)[1])
    assert_in_order(
        text,
        [
            "FILM",
            "Film Uji",
            "Sutradara · 1999 · 34 menit",
            "Tentang pemulihan.",
            "SITUS",
            "Situs Uji",
        ],
    )


# --- images -------------------------------------------------------------------------------


def _image_bounds(pdf: bytes, page: int) -> list[tuple[float, float, float, float]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [o.get_bounds() for o in doc[page].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    finally:
        doc.close()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP"])
def test_image_keeps_its_aspect_and_width_share(tmp_path: Path, fmt: str) -> None:
    Image.new("RGB", (600, 300), "darkred").save(tmp_path / f"foto.{fmt.lower()}", fmt)
    pub = publication(
        [{"image": {"src": f"foto.{fmt.lower()}", "caption": "Keterangan foto.", "width": 0.5}}]
    )
    result = run(pub, base_dir=tmp_path, binding="none")
    [(left, bottom, right, top)] = _image_bounds(result.pdf, 1)
    frame = A5[0] - 2 * mm(148 * 0.075)
    assert right - left == pytest.approx(frame * 0.5, abs=0.5)
    assert (top - bottom) * 2 == pytest.approx(right - left, abs=0.5)
    caption = [b for b in text_boxes(result.pdf, 1)]
    assert "Keterangan foto." in page_texts(result.pdf)[1]
    assert max(b[4] for b in caption) < bottom  # caption under the image


def test_tall_image_is_scaled_to_fit_and_noted(tmp_path: Path) -> None:
    Image.new("L", (100, 1000), 128).save(tmp_path / "tinggi.png")
    result = run(publication([{"image": {"src": "tinggi.png"}}]), base_dir=tmp_path)
    [(left, bottom, right, top)] = _image_bounds(result.pdf, 1)
    assert (top - bottom) == pytest.approx((right - left) * 10, rel=0.01)
    assert top - bottom < A5[1]
    assert any("tinggi.png" in note for note in result.notes)


def test_missing_image_points_at_the_block(tmp_path: Path) -> None:
    pub = publication([{"text": "x"}, {"image": {"src": "hilang.png"}}])
    with pytest.raises(ImageError) as caught:
        run(pub, base_dir=tmp_path)
    assert caught.value.where == Location("zine.yaml", 2, 3)
    assert "hilang.png" in caught.value.message


def test_unreadable_image(tmp_path: Path) -> None:
    (tmp_path / "rusak.png").write_bytes(b"not an image")
    with pytest.raises(ImageError, match="cannot read image"):
        run(publication([{"image": {"src": "rusak.png"}}]), base_dir=tmp_path)


# --- lists, headings, page breaks ---------------------------------------------------------


def test_long_list_crosses_pages_cleanly() -> None:
    items = [f"Butir {i}: " + " ".join(PARAGRAPH_ID.split()[: 8 + i % 9]) for i in range(30)]
    result = run(publication([{"list": items, "numbered": True}]), size=A7, binding="none")
    texts = page_texts(result.pdf)
    assert result.page_count >= 4
    assert_in_order(reading_text(result.pdf), [f"{i + 1}. {item}" for i, item in enumerate(items)])
    for text in texts[1:]:
        lines = [line for line in text.split("\n") if line.strip() and not line.strip().isdigit()]
        assert len(lines) != 1  # never a page holding one stray line


def test_heading_stays_with_what_follows() -> None:
    # A heading near a page foot moves to the next page with the first lines of its text.
    for filler in range(0, 60, 3):
        text = " ".join((PARAGRAPH_ID.split() * 3)[: 20 + filler])
        pub = publication([{"text": text}, {"heading": "Judul Bagian"}, {"text": PARAGRAPH_ID}])
        result = run(pub, size=A7, binding="none")
        for page_text in page_texts(result.pdf):
            lines = [line for line in page_text.split("\n") if line.strip()]
            if "Judul Bagian" in lines:
                after = lines[lines.index("Judul Bagian") + 1 :]
                assert len([line for line in after if not line.strip().isdigit()]) >= 2


def test_page_break_starts_a_new_page() -> None:
    pub = publication([{"text": "Sebelum."}, "page-break", {"text": "Sesudah."}])
    texts = page_texts(run(pub).pdf)
    before = [i for i, t in enumerate(texts) if "Sebelum." in t]
    after = [i for i, t in enumerate(texts) if "Sesudah." in t]
    assert after[0] == before[0] + 1


# --- covers -------------------------------------------------------------------------------


def test_cover_with_image_and_back_cover(tmp_path: Path) -> None:
    Image.new("RGB", (300, 400), "navy").save(tmp_path / "sampul.jpg")
    pub = publication(
        [{"text": "Isi."}],
        subtitle="Subjudul",
        cover={"image": "sampul.jpg", "footer": "Edisi 3 · Juni 2020"},
        back={"text": "Terima kasih.", "contact": "kami@example.org", "license": "Bebas."},
    )
    result = run(pub, base_dir=tmp_path, binding="none")
    texts = page_texts(result.pdf)
    assert_in_order(normalised(texts[0]), ["Zine Uji", "Subjudul", "Edisi 3 · Juni 2020"])
    [(left, bottom, right, top)] = _image_bounds(result.pdf, 0)
    assert (top - bottom) / (right - left) == pytest.approx(4 / 3, rel=0.01)
    title_bottom = min(b[2] for b in text_boxes(result.pdf, 0) if b[0] == "Z")
    assert top < title_bottom
    assert_in_order(
        normalised(texts[-1]), ["Terima kasih.", "Kontak", "kami@example.org", "Bebas."]
    )


def test_back_cover_too_long_is_an_error() -> None:
    pub = publication([{"text": "Isi."}], back={"text": "\n\n".join([PARAGRAPH_ID] * 12)})
    with pytest.raises(TypesetError, match="back cover does not fit"):
        run(pub, size=A7, binding="none")


def _fitting_item(pattern: str, low: float, high: float, measure: float) -> str:
    """An item that makes the pattern too wide at `high` points but not at `low`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from zinekit.themes import load_theme
    from zinekit.typeset.fonts import load_fonts

    fonts = load_fonts(load_theme("sans"), None, Path("."))
    item = "SEDIH"
    while True:
        text = pattern.replace("{}", item)
        wide = stringWidth(text, fonts.name(), high)
        if wide > measure:
            assert stringWidth(text, fonts.name(bold=True), low) < measure * 0.97
            return item
        item += "H"


def test_long_affirmations_get_smaller_to_take_one_line_each() -> None:
    pattern = "KAMU {}? TAK APA."
    measure = A7[0] - 2 * max(mm(5), 0.075 * A7[0])
    long = _fitting_item(pattern, 7.0, 7.75, measure)
    items = ["CAPEK", long]
    pub = publication([{"affirmations": {"pattern": pattern, "items": items}}])
    result = run(pub, size=A7, binding="none")
    lines = [line.strip() for line in page_texts(result.pdf)[1].split("\n")]
    for item in items:
        assert pattern.replace("{}", item) in lines
    assert min(font_sizes(result.pdf, 1)) >= 6.5
    assert not result.notes


def test_affirmations_too_long_for_one_line_wrap_and_say_so() -> None:
    pattern = "KALAU KAMU MERASA {}, TAK APA-APA"
    pub = publication([{"affirmations": {"pattern": pattern, "items": ["SEDIH TANPA ALASAN"]}}])
    result = run(pub, size=A7, binding="none")
    assert "SEDIH TANPA ALASAN" in page_texts(result.pdf)[1]
    assert any("too long for one line" in note for note in result.notes)


def test_camera_orientation_is_applied(tmp_path: Path) -> None:
    # Stored 400 x 200 with "turn 90°" in EXIF: a camera's portrait photo, 200 wide, 400 high.
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (400, 200), "olive").save(tmp_path / "kamera.jpg", exif=exif)
    result = run(publication([{"image": {"src": "kamera.jpg", "width": 0.3}}]), base_dir=tmp_path)
    [(left, bottom, right, top)] = _image_bounds(result.pdf, 1)
    assert (top - bottom) / (right - left) == pytest.approx(2.0, rel=0.01)


def test_unchanged_jpeg_is_embedded_as_it_is(tmp_path: Path) -> None:
    Image.new("RGB", (300, 200), "teal").save(tmp_path / "foto.jpg", quality=70)
    data = (tmp_path / "foto.jpg").read_bytes()
    result = run(publication([{"image": {"src": "foto.jpg", "width": 0.5}}]), base_dir=tmp_path)
    assert data in result.pdf


def test_transparent_png_prints_on_white(tmp_path: Path) -> None:
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(tmp_path / "kosong.png")
    result = run(publication([{"image": {"src": "kosong.png", "width": 0.5}}]), base_dir=tmp_path)
    doc = pdfium.PdfDocument(result.pdf)
    try:
        [(left, bottom, right, top)] = _image_bounds(result.pdf, 1)
        rendered = doc[1].render(scale=1).to_pil().convert("L")
        middle = ((left + right) / 2, rendered.height - (bottom + top) / 2)
        assert rendered.getpixel(middle) > 250
    finally:
        doc.close()


def test_agreements_cross_pages_with_each_title_above_its_text() -> None:
    agreements = [
        {"title": f"Kesepakatan {i}", "text": " ".join(PARAGRAPH_ID.split()[: 10 + i % 12])}
        for i in range(1, 16)
    ]
    result = run(publication([{"agreements": agreements}]), size=A7, binding="none")
    assert result.page_count >= 4
    assert_in_order(
        reading_text(result.pdf),
        [f"{i}. {a['title']} {a['text']}" for i, a in enumerate(agreements, start=1)],
    )
    for text in page_texts(result.pdf)[1:]:
        lines = [line for line in text.split("\n") if line.strip()]
        last = lines[-1] if not lines[-1].strip().isdigit() else lines[-2]
        assert not last.startswith(tuple(f"{i}. Kesepakatan" for i in range(1, 16)))


def test_grey_picture_saved_as_rgb_is_embedded_grey(tmp_path: Path) -> None:
    image = Image.new("RGB", (64, 64), (90, 90, 90))
    image.paste((200, 200, 200), (0, 0, 32, 32))
    image.save(tmp_path / "abu.png")
    result = run(publication([{"image": {"src": "abu.png", "width": 0.3}}]), base_dir=tmp_path)
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    [xobject] = [
        x.get_object()
        for x in reader.pages[1]["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert xobject["/ColorSpace"] == "/DeviceGray"


def test_big_picture_is_reduced_but_not_below_300_ppi(tmp_path: Path) -> None:
    Image.new("L", (6000, 3000), 100).save(tmp_path / "besar.png")
    result = run(publication([{"image": {"src": "besar.png"}}]), base_dir=tmp_path)
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    [xobject] = [x.get_object() for x in reader.pages[1]["/Resources"]["/XObject"].values()]
    [(left, _, right, _)] = _image_bounds(result.pdf, 1)
    ppi = xobject["/Width"] / ((right - left) / 72)
    assert 300 <= ppi < 310


def test_qr_code_on_a_narrow_page_has_the_address_under_it() -> None:
    pub = publication([{"resources": [{"title": "Zine Uji", "link": URL}]}])
    result = run(pub, size=(mm(50), mm(70)), binding="none")
    [code] = _qr_paths(result.pdf, 1)
    url_chars = [b for b in text_boxes(result.pdf, 1) if b[0] == "/"]
    assert url_chars and max(b[4] for b in url_chars) < code.bottom
    assert min(_gaps_of(result.pdf, 1, (mm(50), mm(70)))) >= mm(5)


def _gaps_of(pdf: bytes, page: int, size: tuple[float, float]) -> tuple[float, ...]:
    boxes = text_boxes(pdf, page)
    return (
        min(b[1] for b in boxes),
        min(b[2] for b in boxes),
        size[0] - max(b[3] for b in boxes),
        size[1] - max(b[4] for b in boxes),
    )
