"""Where and how large each page lands in its cell, measured on the output.

Positions come from a rendering of the output (the numbered pages are filled light grey to
their edges, so the ink in a cell is the page) and from the labels' text boxes; the
expected values come from the input's own page sizes and the sheet size, never from the
planner. A booklet page keeps to the spine: the left page's right edge and the right page's
left edge lie on the fold, spare paper goes to the outer edges, and the page is centred top
to bottom.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfgen import A4, A5, A6, FILL_GREY, LETTER, mm, numbered_pdf
from tests.readback import Bounds, extent, grid, inked_bounds, pictures, read_sides, render
from tests.runner import impose

SCALE = 2.0  # rendering pixels per point: measurements are good to about 0.5 pt
TOLERANCE = 1.0  # points
# A pixel is the page's when more than half covered by its grey fill: halfway to white.
INK = round(255 * (1 + FILL_GREY) / 2)

A4_LANDSCAPE = (A4[1], A4[0])
F4_LANDSCAPE = (330 * mm, 215 * mm)


def placed_pages(out: Path, columns: int, rows: int) -> list[dict]:
    """Every page drawn on every side: its number, cell, turn and inked bounds."""
    found = []
    for index, side in enumerate(read_sides(out)):
        image = render(out, index, SCALE)
        cw, ch = side.width / columns, side.height / rows
        labels = {label.page: label for label in side.labels}
        for r, row in enumerate(grid(side, columns, rows)):
            for c, cell in enumerate(row):
                box = Bounds(c * cw, side.height - (r + 1) * ch, (c + 1) * cw, side.height - r * ch)
                area = (box.left, box.bottom, box.right, box.top)
                if cell is None:
                    # 1 pt in from the edges: pdfium rounds clips out to whole pixels, so a
                    # neighbour's edge can tint the first pixel column of a blank cell.
                    inside = (box.left + 1, box.bottom + 1, box.right - 1, box.top - 1)
                    ink = inked_bounds(image, inside, side.height, SCALE, INK)
                    assert ink is None, f"ink in the blank cell {r},{c} of side {index + 1}"
                    continue
                label = labels[cell[0]]
                found.append(
                    {
                        "page": cell[0],
                        "turn": cell[1],
                        "side": index,
                        "column": c,
                        "cell": box,
                        "bounds": extent(image, (label.x, label.y), area, side.height, SCALE, INK),
                        "sheet": (side.width, side.height),
                    }
                )
    return found


def fitted(size: tuple[float, float], cell: Bounds) -> tuple[float, float]:
    factor = min(cell.width / size[0], cell.height / size[1])
    return size[0] * factor, size[1] * factor


def assert_against_spine(placed: dict, size: tuple[float, float]) -> None:
    """Fitted keeping its aspect, centred top to bottom, against the fold across."""
    cell, bounds = placed["cell"], placed["bounds"]
    what = f"page {placed['page']} on side {placed['side'] + 1}: {bounds}"
    assert (bounds.width, bounds.height) == pytest.approx(size, abs=TOLERANCE), what
    assert bounds.bottom - cell.bottom == pytest.approx(cell.top - bounds.top, abs=TOLERANCE), what
    fold = placed["sheet"][0] / 2
    edge = bounds.right if placed["column"] == 0 else bounds.left
    assert edge == pytest.approx(fold, abs=TOLERANCE), what


# -- /Rotate ---------------------------------------------------------------------------------


@pytest.mark.parametrize("rotate", [90, 180, 270])
@pytest.mark.parametrize(
    ("duplex", "expected"),
    [
        # Short-edge duplex on a landscape sheet turns nothing: every page reads upright.
        ("short", ["8 1", "2 7", "6 3", "4 5"]),
        # Long-edge duplex turns the backs; a /Rotate page turns with its cell.
        ("long", ["8 1", "7r 2r", "6 3", "5r 4r"]),
    ],
)
def test_rotated_pages_come_out_upright(tmp_path: Path, rotate: int, duplex: str, expected) -> None:
    source = numbered_pdf(tmp_path / "rotated.pdf", 8, A5, rotate=rotate)
    out = tmp_path / "out.pdf"
    stderr = impose(source, out, "--layout", "booklet", "--duplex", duplex)
    assert pictures(out, 2, 1) == expected
    placed = placed_pages(out, 2, 1)
    assert sorted(p["page"] for p in placed) == list(range(1, 9))
    for p in placed:
        # Shown as a viewer shows it: portrait A5, at 100%, so nothing is reported as scaled.
        assert_against_spine(p, A5)
    assert "scaled" not in stderr


@pytest.mark.parametrize("rotate", [90, 270])
def test_rotated_pages_in_turned_cells(tmp_path: Path, rotate: int) -> None:
    """The mini-zine's top row is printed turned 180°: a /Rotate page turns with it."""
    source = numbered_pdf(tmp_path / "rotated.pdf", 8, A5, rotate=rotate)
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "minizine")
    assert pictures(out, 4, 2) == ["5r 4r 3r 2r / 6 7 8 1"]


# -- CropBox ---------------------------------------------------------------------------------


def assert_nothing_black(out: Path) -> None:
    """No black (the area outside the CropBox) inside any cell.

    pdfium rounds clip paths out to whole pixels, so content just beyond a clip can tint the
    one pixel column on a cell's edge; a band of 1 pt along the edges is not looked at.
    """
    for index, side in enumerate(read_sides(out)):
        image = render(out, index, SCALE)
        for c in range(2):
            left, right = c * side.width / 2 + 1, (c + 1) * side.width / 2 - 1
            box = tuple(round(v * SCALE) for v in (left, 1, right, side.height - 1))
            darkest, _ = image.crop(box).getextrema()
            assert darkest > 60, f"something outside the CropBox shows on side {index + 1}"


@pytest.mark.parametrize(
    ("visible", "margins"),
    [
        (A5, (40.0, 60.0, 20.0, 30.0)),
        ((120 * mm, 200 * mm), (30.0, 10.0, 60.0, 80.0)),
    ],
)
def test_only_the_cropbox_shows_and_is_fitted(tmp_path: Path, visible, margins) -> None:
    # Everything outside the CropBox is black; the page itself is never darker than grey.
    source = numbered_pdf(tmp_path / "cropped.pdf", 4, visible, crop=margins)
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "booklet")
    assert_nothing_black(out)
    placed = placed_pages(out, 2, 1)
    assert sorted(p["page"] for p in placed) == [1, 2, 3, 4]
    for p in placed:
        assert_against_spine(p, fitted(visible, p["cell"]))


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_cropped_and_rotated(tmp_path: Path, rotate: int) -> None:
    visible = (120 * mm, 200 * mm)
    source = numbered_pdf(
        tmp_path / "both.pdf", 4, visible, rotate=rotate, crop=(30.0, 10.0, 60.0, 80.0)
    )
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "booklet", "--duplex", "short")
    assert pictures(out, 2, 1) == ["4 1", "2 3"]
    assert_nothing_black(out)
    for p in placed_pages(out, 2, 1):
        assert_against_spine(p, fitted(visible, p["cell"]))


# -- other sizes -----------------------------------------------------------------------------

MIXED = [A5, LETTER, (90 * mm, 180 * mm), A4, (120 * mm, 120 * mm), (A5[1], A5[0]), A6, A5]


@pytest.mark.parametrize("duplex", ["long", "short", "manual"])
@pytest.mark.parametrize(
    ("layout", "rows", "scaled"),
    [
        ("booklet", 1, 6),  # A5 pages fit the A5 cell as they are
        ("quarter-booklet", 2, 7),  # only the A6 page fits the A6 cell as it is
    ],
)
def test_mixed_sizes_fit_against_the_spine(
    tmp_path: Path, layout: str, rows: int, scaled: int, duplex: str
) -> None:
    source = numbered_pdf(tmp_path / "mixed.pdf", 8, sizes=MIXED)
    out = tmp_path / "mixed-out.pdf"
    stderr = impose(source, out, "--layout", layout, "--duplex", duplex)
    outputs = (
        [out]
        if duplex != "manual"
        else [tmp_path / "mixed-out-fronts.pdf", tmp_path / "mixed-out-backs.pdf"]
    )
    placed = [p for o in outputs for p in placed_pages(o, 2, rows)]
    assert sorted(p["page"] for p in placed) == list(range(1, 9))
    for p in placed:
        assert_against_spine(p, fitted(MIXED[p["page"] - 1], p["cell"]))
    # Told once, even over the two files of manual duplex.
    assert stderr.count("scaled") == 1
    assert f"{scaled} of 8 pages" in stderr


def test_letter_pages_on_an_a4_booklet(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "letter.pdf", 4, LETTER)
    out = tmp_path / "out.pdf"
    stderr = impose(source, out, "--layout", "booklet")
    placed = placed_pages(out, 2, 1)
    for p in placed:
        width, height = fitted(LETTER, p["cell"])
        assert width == pytest.approx(A4_LANDSCAPE[0] / 2)  # as wide as the cell...
        assert p["cell"].top - p["bounds"].top == pytest.approx((A4[0] - height) / 2, abs=TOLERANCE)
        assert_against_spine(p, (width, height))
    assert stderr.count("scaled") == 1 and "4 of 4 pages" in stderr


def test_letter_pages_on_a_quarter_booklet(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "letter.pdf", 8, LETTER)
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "quarter-booklet")
    placed = placed_pages(out, 2, 2)
    assert len(placed) == 16 // 2
    for p in placed:
        assert_against_spine(p, fitted(LETTER, p["cell"]))


# -- --actual-size ---------------------------------------------------------------------------


def label_widths(path: Path) -> dict[int, float]:
    return {label.page: label.width for side in read_sides(path) for label in side.labels}


def test_actual_size_places_pages_at_100_percent(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "a6.pdf", 4, A6)
    out = tmp_path / "out.pdf"
    stderr = impose(source, out, "--layout", "booklet", "--actual-size")
    for p in placed_pages(out, 2, 1):
        assert_against_spine(p, A6)
    source_widths = label_widths(source)
    assert label_widths(out) == pytest.approx(source_widths, rel=0.01)
    assert "scaled" not in stderr

    # The same pages fitted are scaled up: the comparison above can fail.
    fitted_out = tmp_path / "fitted.pdf"
    impose(source, fitted_out, "--layout", "booklet")
    for page, width in label_widths(fitted_out).items():
        assert width / source_widths[page] == pytest.approx(A5[1] / A6[1], rel=0.01)


def test_actual_size_cuts_large_pages_at_the_cell_edge(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "letter.pdf", 4, LETTER)
    out = tmp_path / "out.pdf"
    stderr = impose(source, out, "--layout", "booklet", "--actual-size", "--duplex", "short")
    assert label_widths(out) == pytest.approx(label_widths(source), rel=0.01)
    # Where the label sits on its Letter page, from the page's bottom left corner.
    in_source = {label.page: label for side in read_sides(source) for label in side.labels}
    sides = read_sides(out)
    fold = sides[0].width / 2
    for side in sides:  # short-edge duplex: no side is turned
        for label in side.labels:
            page_left = fold - LETTER[0] if label.x < fold else fold  # against the spine
            page_bottom = (side.height - LETTER[1]) / 2  # centred, overhanging both edges
            expected = (page_left + in_source[label.page].x, page_bottom + in_source[label.page].y)
            assert (label.x, label.y) == pytest.approx(expected, abs=TOLERANCE)
    for p in placed_pages(out, 2, 1):
        assert (p["bounds"].width, p["bounds"].height) == pytest.approx(
            (p["cell"].width, p["cell"].height), abs=TOLERANCE
        )
    assert "cut at its edge" in stderr


def test_actual_size_never_spills_into_a_neighbour_cell(tmp_path: Path) -> None:
    # A5 pages at 100% are larger than the quarter booklet's A6 cells; the cells below them
    # are blank and must stay blank.
    source = numbered_pdf(tmp_path / "a5.pdf", 3, A5)
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "quarter-booklet", "--actual-size")
    assert pictures(out, 2, 2) == ["3 1 / . .", "2 . / . ."]
    for p in placed_pages(out, 2, 2):  # which also finds no ink in the blank cells
        cell = p["cell"]
        assert (p["bounds"].width, p["bounds"].height) == pytest.approx(
            (cell.width, cell.height), abs=TOLERANCE
        )
    assert label_widths(out) == pytest.approx(label_widths(source), rel=0.01)


# -- other sheets -----------------------------------------------------------------------------


@pytest.mark.parametrize("duplex", ["long", "short"])
def test_f4_sheet_leaves_spare_space_at_the_outer_edges(tmp_path: Path, duplex: str) -> None:
    source = numbered_pdf(tmp_path / "a5.pdf", 8, A5)
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "booklet", "--sheet", "F4", "--duplex", duplex)
    sides = read_sides(out)
    assert all((s.width, s.height) == pytest.approx(F4_LANDSCAPE, abs=0.01) for s in sides)
    width, height = F4_LANDSCAPE
    page_width = A5[0] * height / A5[1]  # full height, narrower than the half sheet
    spare = width / 2 - page_width
    assert spare > 30
    placed = placed_pages(out, 2, 1)
    assert len(placed) == 8
    for p in placed:
        assert_against_spine(p, (page_width, height))
        outer = p["bounds"].left if p["column"] == 0 else width - p["bounds"].right
        assert outer == pytest.approx(spare, abs=TOLERANCE)


def test_explicit_sheet_size(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "a5.pdf", 4, A5)
    out = tmp_path / "out.pdf"
    impose(source, out, "--layout", "booklet", "--sheet", "210x297mm")
    for p in placed_pages(out, 2, 1):
        assert p["sheet"] == pytest.approx(A4_LANDSCAPE, abs=0.01)
        assert_against_spine(p, fitted(A5, p["cell"]))
