"""Worksheet blocks measured on the page: ruled lines counted and spaced as asked, inside the
margins, down to the foot of the page with `lines: fill`; prompts kept with their lines;
boxes, tick boxes, scale circles, labelled lines and grids drawn as shapes in black ink only;
and short content on a fixed number of pages set larger so that it spreads over them."""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest

from tests.check.helpers import drawings
from tests.typeset.helpers import (
    A5,
    A7,
    PARAGRAPH_ID,
    Drawn,
    font_sizes,
    normalised,
    page_texts,
    paths,
    publication,
    ruled_lines,
    run,
)
from zinekit.check.colour import check_colour
from zinekit.check.report import Status
from zinekit.errors import Location, TypesetError
from zinekit.typeset.geometry import Geometry, default_font_size, page_geometry
from zinekit.units import mm, to_mm

PROMPT = "Tanda-tanda awal bahwa aku mulai goyah"


def frame(size: tuple[float, float]) -> Geometry:
    """Margins of a page without page numbers and without a saddle binding."""
    return page_geometry(size, saddle=False, folio_size=None)


def plain(blocks: list[Any], **fields: Any) -> Any:
    """A handout without cover or page numbers: page 1 holds the title and the blocks."""
    return publication(blocks, cover=None, **{"page-numbers": False, **fields})


def heights(lines: list[Drawn]) -> list[float]:
    """The lines' heights on the page, top first."""
    return sorted(((line.bottom + line.top) / 2 for line in lines), reverse=True)


def gaps(ys: list[float]) -> list[float]:
    return [high - low for high, low in zip(ys, ys[1:], strict=False)]


def page_of(pdf: bytes, text: str) -> int:
    """The index of the one page that shows `text`."""
    found = [i for i, t in enumerate(page_texts(pdf)) if normalised(text) in normalised(t)]
    assert len(found) == 1, (text, found)
    return found[0]


def squares(pdf: bytes, page: int, side: float) -> list[Drawn]:
    """Stroked, unfilled, square paths about `side` wide: tick boxes."""
    return [
        p
        for p in paths(pdf, page)
        if p.stroked
        and not p.filled
        and abs(p.width - p.height) < 0.5
        and side * 0.7 < p.width < side * 1.4
    ]


# --- write-in -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "pitch"),
    [
        ({}, mm(8.5)),
        ({"pitch": "10mm"}, mm(10)),
        ({"pitch": "0.5cm"}, mm(5)),
        ({"large": True}, mm(11)),
        ({"large": True, "pitch": "12mm"}, mm(12)),
    ],
    ids=["default", "10mm", "5mm", "large", "pitch-wins"],
)
@pytest.mark.parametrize("size", [A5, A7], ids=["A5", "A7"])
def test_write_in_lines_counted_and_spaced_inside_the_margins(
    size: tuple[float, float], spec: dict, pitch: float
) -> None:
    result = run(plain([{"write-in": PROMPT, "lines": 3, **spec}]), size=size, binding="none")
    lines = ruled_lines(result.pdf, 0)
    assert len(lines) == 3
    for gap in gaps(heights(lines)):
        assert gap == pytest.approx(pitch, abs=0.05)
    g = frame(size)
    for line in lines:
        assert line.left >= g.inner - 0.5 and line.right <= g.width - g.outer + 0.5
        assert line.width > 0.95 * g.frame_width
        assert line.bottom >= g.bottom - 0.5
        assert line.stroke_width >= 0.25
        assert 0.5 < line.stroke_grey < 0.95  # light grey, neither white nor black
    # The first line is a full pitch under the prompt: room to write on it.
    prompt_bottom = min(b for c, _, b, _, _ in _chars(result.pdf, 0, PROMPT))
    assert prompt_bottom - heights(lines)[0] == pytest.approx(pitch, abs=mm(2.5))


def _chars(pdf: bytes, page: int, text: str) -> list[tuple[str, float, float, float, float]]:
    """The character boxes (char, left, bottom, right, top) of `text`'s last line on a page."""
    from tests.typeset.helpers import text_boxes

    boxes = text_boxes(pdf, page)
    letters = "".join(c for c, *_ in boxes)
    last_word = text.split()[-1]
    at = letters.rfind(last_word)
    assert at >= 0, letters
    return boxes[at : at + len(last_word)]


@pytest.mark.parametrize("size", [A5, A7], ids=["A5", "A7"])
@pytest.mark.parametrize("large", [False, True])
def test_lines_fill_reaches_the_bottom_margin(size: tuple[float, float], large: bool) -> None:
    blocks = [{"text": "Sebelum garis."}, {"write-in": PROMPT, "lines": "fill", "large": large}]
    result = run(plain(blocks), size=size, binding="none")
    assert result.page_count == 1
    lines = ruled_lines(result.pdf, 0)
    pitch = mm(11) if large else mm(8.5)
    ys = heights(lines)
    assert len(lines) >= 2
    assert all(gap == pytest.approx(pitch, abs=0.05) for gap in gaps(ys))
    g = frame(size)
    lowest = ys[-1]
    assert g.bottom - 0.5 <= lowest < g.bottom + pitch  # no room for one more line


def test_lines_fill_after_a_full_page_fills_the_next_page() -> None:
    text = " ".join([PARAGRAPH_ID] * 3)
    blocks = [{"text": text}, {"write-in": PROMPT, "lines": "fill"}, {"text": "Sesudahnya."}]
    result = run(plain(blocks), size=A7, binding="none")
    page = page_of(result.pdf, PROMPT)
    lines = ruled_lines(result.pdf, page)
    assert len(lines) >= 2
    assert heights(lines)[-1] < frame(A7).bottom + mm(8.5)
    # What follows starts on the next page: the lines took the rest of theirs.
    assert page_of(result.pdf, "Sesudahnya.") == page + 1


@pytest.mark.parametrize("filler", range(0, 30, 2))
def test_a_prompt_near_the_foot_moves_to_the_next_page_with_its_lines(filler: int) -> None:
    # Fillers of growing length move the write-in through the foot of the page.
    words = PARAGRAPH_ID.split()
    text = " ".join((words * 4)[: 10 + filler * 6])
    blocks = [{"text": text}, {"write-in": PROMPT, "lines": 4}]
    result = run(plain(blocks), size=A7, binding="none")
    page = page_of(result.pdf, PROMPT)
    assert len(ruled_lines(result.pdf, page)) == 4
    assert all(not ruled_lines(result.pdf, i) for i in range(result.page_count) if i != page)


def test_lines_taller_than_a_page_split_with_two_lines_on_either_side() -> None:
    result = run(plain([{"write-in": PROMPT, "lines": 30}]), size=A7, binding="none")
    counts = [len(ruled_lines(result.pdf, i)) for i in range(result.page_count)]
    assert sum(counts) == 30
    assert len([c for c in counts if c]) >= 2
    assert all(c >= 2 for c in counts if c)
    assert counts[page_of(result.pdf, PROMPT)] >= 2


def test_a_fill_write_in_then_a_page_break_leaves_no_blank_page() -> None:
    blocks = [
        {"write-in": PROMPT, "lines": "fill"},
        "page-break",
        {"text": "Halaman berikutnya."},
    ]
    result = run(plain(blocks), size=A5, binding="none")
    assert result.page_count == 2
    assert "Halaman berikutnya." in page_texts(result.pdf)[1]


# --- box ------------------------------------------------------------------------------------


def _boxes(pdf: bytes, page: int) -> list[Drawn]:
    """Stroked, unfilled rectangles more than 20 mm on each side."""
    return [
        p
        for p in paths(pdf, page)
        if p.stroked and not p.filled and p.width > mm(20) and p.height > mm(20)
    ]


def test_a_box_has_its_label_and_height() -> None:
    block = {"box": "Gambar tempat amanmu", "height": "40mm"}
    result = run(plain([block]), size=A5, binding="none")
    [box] = _boxes(result.pdf, 0)
    assert box.height == pytest.approx(mm(40), abs=1.0)
    assert box.width == pytest.approx(frame(A5).frame_width, abs=1.0)
    assert box.stroke_width >= 0.25
    assert "Gambar tempat amanmu" in page_texts(result.pdf)[0]


@pytest.mark.parametrize("size", [A5, A7], ids=["A5", "A7"])
def test_a_box_of_height_rest_reaches_the_bottom_margin(size: tuple[float, float]) -> None:
    blocks = [{"text": "Di atas kotak."}, {"box": "Tulis apa saja", "height": "rest"}]
    result = run(plain(blocks), size=size, binding="none")
    assert result.page_count == 1
    [box] = _boxes(result.pdf, 0)
    assert box.bottom == pytest.approx(frame(size).bottom, abs=1.0)


def test_a_box_taller_than_a_page_is_an_error_naming_the_block() -> None:
    pub = plain([{"text": "Pembuka."}, {"box": "Terlalu tinggi", "height": "200mm"}])
    with pytest.raises(TypesetError, match="box block") as caught:
        run(pub, size=A7, binding="none")
    assert caught.value.where == Location("zine.yaml", 2, 3)
    assert "rest" in (caught.value.hint or "")


# --- checklist, scale, fields, table ------------------------------------------------------


def test_checklist_items_get_a_drawn_square_each() -> None:
    items = ["Minum segelas air", "Keluar rumah sebentar", "Menelepon satu orang"]
    result = run(plain([{"checklist": items, "title": "Yang membantu"}]), size=A5, binding="none")
    size = default_font_size(A5)
    boxes = squares(result.pdf, 0, size)
    assert len(boxes) == 3
    text = page_texts(result.pdf)[0]
    for item in items:
        assert item in text
    # Shapes, not glyphs: no ballot-box character in the text.
    assert not set(text) & {"\u2610", "\u2611", "\u25a1", "\u274f"}
    # Each square sits beside its item, left of the text.
    lefts = {round(b.left, 1) for b in boxes}
    assert len(lefts) == 1 and min(lefts) >= frame(A5).inner - 0.5


def _circles(pdf: bytes, page: int) -> list[Drawn]:
    """Stroked round paths between 4 and 10 mm across: the points of a scale."""
    return [
        p
        for p in paths(pdf, page)
        if p.stroked and not p.filled and abs(p.width - p.height) < 0.5 and mm(4) < p.width < mm(10)
    ]


@pytest.mark.parametrize("count", [2, 5, 7, 10])
@pytest.mark.parametrize("size", [A5, A7], ids=["A5", "A7"])
def test_a_scale_has_its_number_of_circles_in_a_row(size: tuple[float, float], count: int) -> None:
    block = {"scale": "Seberapa berat hari ini?", "count": count, "low": "berat", "high": "ringan"}
    result = run(plain([block]), size=size, binding="none")
    circles = _circles(result.pdf, 0)
    assert len(circles) == count
    assert len({round(c.bottom, 1) for c in circles}) == 1  # one row
    g = frame(size)
    assert min(c.left for c in circles) >= g.inner - 0.5
    assert max(c.right for c in circles) <= g.width - g.outer + 0.5
    text = page_texts(result.pdf)[0]
    for word in ("Seberapa berat hari ini?", "berat", "ringan", str(count)):
        assert word in text


def test_fields_are_labelled_lines_side_by_side_and_repeat() -> None:
    result = run(plain([{"fields": ["Nama", "Tanggal"]}]), size=A5, binding="none")
    text = page_texts(result.pdf)[0]
    assert all(label in text for label in ("Nama", "Tanggal"))
    lines = [p for p in paths(result.pdf, 0) if p.stroked and p.height < 1 and p.width > mm(10)]
    assert len(lines) == 2
    assert len({round(line.bottom, 1) for line in lines}) == 1  # side by side on A5
    repeated = run(plain([{"fields": ["Nama", "Nomor telepon"], "rows": 3}]), size=A7)
    lines = [p for p in paths(repeated.pdf, 0) if p.stroked and p.height < 1 and p.width > mm(10)]
    assert len(lines) == 6


def test_fields_too_wide_for_one_line_take_more_lines() -> None:
    labels = ["Nama lengkap", "Tanggal pertemuan", "Kelompok dukungan"]
    result = run(plain([{"fields": labels}]), size=A7, binding="none")
    lines = [p for p in paths(result.pdf, 0) if p.stroked and p.height < 1 and p.width > mm(10)]
    assert len(lines) == 3
    assert len({round(line.bottom, 1) for line in lines}) > 1
    g = frame(A7)
    assert all(line.right <= g.width - g.outer + 0.5 for line in lines)


def _row_lines(pdf: bytes, page: int, width: float) -> list[Drawn]:
    """Horizontal strokes as wide as the text: a table's row and header lines."""
    return [
        p
        for p in paths(pdf, page)
        if p.stroked and not p.filled and p.height < 1 and p.width == pytest.approx(width, abs=1)
    ]


@pytest.mark.parametrize(("spec", "pitch"), [({}, mm(8.5)), ({"pitch": "15mm"}, mm(15))])
def test_a_table_has_its_headings_and_rows(spec: dict, pitch: float) -> None:
    columns = ["Hari", "Apa yang kulakukan", "Bagaimana rasanya"]
    result = run(plain([{"table": columns, "rows": 5, **spec}]), size=A5, binding="none")
    text = page_texts(result.pdf)[0]
    assert all(column in text for column in columns)
    g = frame(A5)
    lines = _row_lines(result.pdf, 0, g.frame_width)
    ys = heights(lines)
    # Under the header line, four lines part five rows, all a pitch apart.
    assert len(ys) == 5
    assert all(gap == pytest.approx(pitch, abs=0.1) for gap in gaps(ys))
    [grid] = [p for p in _boxes(result.pdf, 0)]
    assert grid.bottom == pytest.approx(ys[-1] - pitch, abs=1)
    # The column lines run the full height of the grid.
    columns_drawn = [
        p
        for p in paths(result.pdf, 0)
        if p.stroked and p.width < 1 and p.height == pytest.approx(grid.height, abs=1)
    ]
    assert len(columns_drawn) == len(columns) - 1


def test_a_table_of_fill_rows_reaches_the_bottom_margin() -> None:
    result = run(plain([{"table": ["Hari", "Catatan"], "rows": "fill"}]), size=A7, binding="none")
    [grid] = _boxes(result.pdf, 0)
    assert frame(A7).bottom - 0.5 <= grid.bottom < frame(A7).bottom + mm(8.5)


def test_a_table_taller_than_a_page_repeats_its_header() -> None:
    columns = ["Hari", "Catatan"]
    result = run(plain([{"table": columns, "rows": 25}]), size=A7, binding="none")
    assert result.page_count >= 2
    rows = 0
    for page, text in enumerate(page_texts(result.pdf)):
        assert "Hari" in text and "Catatan" in text
        lines = _row_lines(result.pdf, page, frame(A7).frame_width)
        assert len(lines) >= 2  # the header line and at least one line between two rows
        rows += len(lines)  # header line + (rows - 1) separators per page
    assert rows == 25


# --- every worksheet shape: black ink only --------------------------------------------------

EVERY_KIND = [
    {"fields": ["Nama", "Tanggal"]},
    {"write-in": PROMPT, "lines": 3},
    {"box": "Gambar", "height": "30mm"},
    {"checklist": ["Air", "Tidur"]},
    {"scale": "Seberapa berat?", "low": "berat", "high": "ringan"},
    {"table": ["Hari", "Catatan"], "rows": 3},
]


def test_worksheet_shapes_print_in_black_ink_only() -> None:
    result = run(plain(EVERY_KIND), size=A5, binding="none")
    assert check_colour(drawings(result.pdf, colours=True)).status == Status.PASS
    for drawn in paths(result.pdf, 0):
        if drawn.stroked:
            assert drawn.stroke_width >= 0.25


def test_without_fillable_there_are_no_form_fields() -> None:
    result = run(plain(EVERY_KIND), size=A5)
    assert result.fillable_pdf is None
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    assert "/AcroForm" not in reader.trailer["/Root"]
    assert all("/Annots" not in page for page in reader.pages)


def test_fillable_adds_fields_and_changes_no_page() -> None:
    result = run(plain(EVERY_KIND), size=A5, fillable=True)
    assert result.fillable_pdf is not None
    assert page_texts(result.fillable_pdf) == page_texts(result.pdf)
    assert len(paths(result.fillable_pdf, 0)) == len(paths(result.pdf, 0))
    fields = pypdf.PdfReader(io.BytesIO(result.fillable_pdf)).get_fields() or {}
    assert len(fields) == 2 + 1 + 1 + 2 + 1 + 3 * 2


# --- fixed number of pages: short content is set larger -------------------------------------


def test_short_content_on_eight_pages_is_set_larger_and_still_fits() -> None:
    blocks = [{"text": PARAGRAPH_ID}, {"write-in": PROMPT, "lines": "fill"}]
    pub = publication(blocks, back={"text": "Akhir."})
    usual = default_font_size(A7)
    result = run(pub, size=A7, binding="none", max_pages=8)
    assert result.page_count <= 8  # typeset adds no blanks: imposition fills the sheet
    assert "Akhir." in page_texts(result.pdf)[-1]
    assert usual < result.font_size <= usual * 1.6
    sizes = [round(s, 2) for s in font_sizes(result.pdf, 1)]
    assert max(set(sizes), key=sizes.count) == pytest.approx(result.font_size, abs=0.05)
    assert any("instead of" in note and "fills" in note for note in result.notes)
    # One step larger would not fit, or would pass the limit, or would wrap a line that
    # is one line at the default size (here the prompt of the write-in).
    assert (
        result.font_size + 0.25 > usual * 1.6
        or _too_big(pub, result.font_size + 0.25)
        or _wraps_a_one_liner(pub, usual, result.font_size + 0.25)
    )


def _at(pub: Any, size: float) -> Any:
    """`pub` set at `size` (as if it were the default) with no page limit."""
    from zinekit.typeset import document

    saved = document.default_font_size
    document.default_font_size = lambda page: size  # type: ignore[assignment]
    try:
        return run(pub, size=A7, binding="none")
    finally:
        document.default_font_size = saved


def _too_big(pub: Any, size: float) -> bool:
    """Whether `pub` set at `size` (as if it were the default) needs more than 8 pages."""
    return _at(pub, size).page_count > 8


def _wraps_a_one_liner(pub: Any, usual: float, size: float) -> bool:
    """Whether the write-in's prompt, one line at `usual`, takes two at `size`, read from
    the lines of the PDF's text."""

    def one_line(size: float) -> bool:
        lines = [line for text in page_texts(_at(pub, size).pdf) for line in text.split("\n")]
        return any(PROMPT in line for line in lines)

    return one_line(usual) and not one_line(size)


def test_content_that_fills_its_pages_grows_only_as_far_as_it_fits() -> None:
    for count in range(8, 20):
        pub = publication([{"text": f"Bagian {i}. {PARAGRAPH_ID}"} for i in range(count)])
        if run(pub, size=A7, binding="none").page_count == 8:
            break
    else:
        pytest.fail("no content of exactly eight pages found")
    fitted = run(pub, size=A7, binding="none", max_pages=8)
    assert fitted.page_count == 8
    assert default_font_size(A7) <= fitted.font_size < default_font_size(A7) * 1.2
    assert _too_big(pub, fitted.font_size + 0.25)


def test_a_field_label_wider_than_the_page_is_an_error() -> None:
    label = "Nama orang yang bisa kuhubungi kapan saja, siang atau malam"
    with pytest.raises(TypesetError, match="no room") as caught:
        run(plain([{"fields": [label]}]), size=A7, binding="none")
    assert caught.value.where == Location("zine.yaml", 1, 3)


def test_without_a_fixed_number_of_pages_nothing_grows() -> None:
    result = run(publication([{"text": "Pendek."}]), size=A7, binding="none")
    assert result.font_size == default_font_size(A7)
    assert not result.notes


def test_a_heading_moves_with_lines_that_fill_the_next_page() -> None:
    words = PARAGRAPH_ID.split()
    for count in range(20, 200, 5):
        text = " ".join((words * 6)[:count])
        blocks = [{"text": text}, {"heading": "Catatan"}, {"write-in": PROMPT, "lines": "fill"}]
        result = run(plain(blocks), size=A7, binding="none")
        heading, prompt = page_of(result.pdf, "Catatan"), page_of(result.pdf, PROMPT)
        assert heading == prompt, count
        assert len(ruled_lines(result.pdf, prompt)) >= 2, count
        if prompt > 0:
            return  # the heading went over with its lines
    pytest.fail("no filler pushed the heading to the next page")


def test_write_in_lines_continued_on_a_page_get_a_field_of_their_own() -> None:
    result = run(plain([{"write-in": PROMPT, "lines": 30}]), size=A7, binding="none", fillable=True)
    assert result.fillable_pdf is not None
    fields = pypdf.PdfReader(io.BytesIO(result.fillable_pdf)).get_fields() or {}
    base = "b01-write-in-tanda-tanda-awal-bahwa-aku-mulai"
    pages = len([i for i in range(result.page_count) if ruled_lines(result.pdf, i)])
    assert pages >= 2
    assert list(fields) == [base] + [f"{base}-p{n}" for n in range(2, pages + 1)]


@pytest.mark.parametrize(
    ("block", "valid"),
    [
        ({"write-in": PROMPT, "lines": "fill", "pitch": "10mm", "large": True}, True),
        ({"box": "Kotak", "height": "rest"}, True),
        ({"table": ["Hari"], "rows": "fill", "pitch": "1.2cm"}, True),
        ({"write-in": PROMPT, "lines": -3}, False),
        ({"write-in": PROMPT, "lines": "penuh"}, False),
        ({"write-in": PROMPT, "pitch": 10}, False),
        ({"table": []}, False),
        ({"scale": "Berat?", "count": 11}, False),
        ({"checklist": ["a"], "titel": "x"}, False),
        ({"fields": []}, False),
    ],
)
def test_the_schema_and_the_model_agree_on_worksheet_blocks(block: dict, valid: bool) -> None:
    import jsonschema

    from zinekit.content.model import Publication
    from zinekit.content.schema import content_schema

    data = {"title": "Lembar", "blocks": [block]}
    schema_says = jsonschema.Draft202012Validator(content_schema()).is_valid(data)
    try:
        Publication.model_validate(data)
        model_says = True
    except ValueError:
        model_says = False
    assert (schema_says, model_says) == (valid, valid)


FIELD_LABELS = [
    ["Nama", "Tanggal", "Kelompok"],
    ["Nama lengkap", "Nomor telepon", "Alamat"],
    ["Nama orang yang bisa kuhubungi"],
    ["Nama", "Telp", "Surel", "Kota", "Umur"],
]


@pytest.mark.parametrize("size", [A5, A7], ids=["A5", "A7"])
@pytest.mark.parametrize("labels", FIELD_LABELS, ids=lambda labels: labels[0] + str(len(labels)))
def test_every_field_line_is_long_enough_to_write_on(
    size: tuple[float, float], labels: list[str]
) -> None:
    """35 mm or more each, measured on the drawn lines: more rows, never shorter lines."""
    result = run(plain([{"fields": labels}]), size=size, binding="none")
    lines = [p for p in paths(result.pdf, 0) if p.stroked and p.height < 1 and p.width > mm(5)]
    assert len(lines) == len(labels)
    assert min(line.width for line in lines) >= mm(35) - 0.5, [to_mm(x.width) for x in lines]
    text = page_texts(result.pdf)[0]
    assert all(label in text.replace("\n", " ") for label in labels)
    g = frame(size)
    assert all(line.right <= g.width - g.outer + 0.5 for line in lines)


def test_a_checklist_that_fits_a_page_is_kept_on_one() -> None:
    """Pushed to the foot of a page by the text before it, the whole checklist moves to
    the next page rather than leave its last items there alone."""
    items = [f"Langkah kecil nomor {i}" for i in range(1, 7)]
    for words in range(40, 400, 12):
        lead_in = " ".join(PARAGRAPH_ID.split() * 3)[: words * 6]
        blocks = [{"text": lead_in}, {"checklist": items, "title": "Coba hari ini"}]
        result = run(plain(blocks), size=A7, binding="none")
        texts = page_texts(result.pdf)
        if len(texts) < 2 or not any(item in texts[1] for item in items):
            continue
        # Some of it reached page 2: then all of it, the title too, is there.
        assert all(item in texts[1] for item in items), texts
        assert "Coba hari ini" in texts[1]
        return
    pytest.fail("no lead-in pushed the checklist over the page foot")
