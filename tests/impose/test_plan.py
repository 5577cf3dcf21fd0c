"""The imposition plan as pure values: no PDF is opened, every case runs in microseconds.

Expected sheet sides are written as pictures (see tests/readback.py): rows top to bottom
joined by " / ", cells by spaces, "r" for a page turned 180° on the printed sheet, "." for a
blank. The same pictures appear in test_sheets.py, read back from real output.
"""

from __future__ import annotations

import pytest

from tests.readback import Grid, picture
from zinekit.errors import OptionError
from zinekit.impose.layout import load_layout
from zinekit.impose.plan import Options, Plan, Side, make_plan
from zinekit.units import paper_size


def plan_for(layout: str, pages: int, **options) -> Plan:
    return make_plan(load_layout(layout), pages, Options(**options))


def side_grid(plan: Plan, side: Side, columns: int, rows: int) -> Grid:
    """Where the plan's cells sit on the sheet, as a grid read top to bottom."""
    cw, ch = plan.cell_size
    height = plan.sheet_size[1]
    cells: list[list] = [[None] * columns for _ in range(rows)]
    for cell in side.cells:
        column = round(cell.rect.x / cw)
        row = round((height - cell.rect.y - cell.rect.height) / ch)
        assert cells[row][column] is None, "two cells on one spot"
        cells[row][column] = None if cell.page is None else (cell.page + 1, cell.turn)
    return tuple(tuple(row) for row in cells)


def sides_pictures(plan: Plan, layout: str) -> list[str]:
    chosen = load_layout(layout)
    return [picture(side_grid(plan, s, chosen.columns, chosen.rows)) for s in plan.sides()]


BOOKLET_8 = ["8 1", "2 7", "6 3", "4 5"]  # backs as the reader sees them, or printed unturned
BOOKLET_8_TURNED = ["8 1", "7r 2r", "6 3", "5r 4r"]


@pytest.mark.parametrize(
    ("layout", "pages", "options", "expected"),
    [
        # Booklet on a landscape A4: long-edge duplex turns the backs, short-edge does not.
        ("booklet", 8, {"duplex": "long"}, BOOKLET_8_TURNED),
        ("booklet", 8, {"duplex": "short"}, BOOKLET_8),
        ("booklet", 8, {"duplex": "manual"}, BOOKLET_8),
        ("booklet", 4, {}, ["4 1", "3r 2r"]),
        ("booklet", 1, {}, [". 1", ". ."]),
        ("booklet", 2, {}, ["2 1", ". ."]),
        ("booklet", 3, {}, ["3 1", ". 2r"]),
        ("booklet", 5, {}, ["5 1", ". 2r", ". 3", ". 4r"]),
        ("booklet", 5, {"padding": "end"}, [". 1", ". 2r", ". 3", "5r 4r"]),
        ("booklet", 5, {"padding": "end", "duplex": "short"}, [". 1", "2 .", ". 3", "4 5"]),
        ("booklet", 3, {"padding": "end"}, [". 1", "3r 2r"]),
        (
            "booklet",
            12,
            {},
            ["12 1", "11r 2r", "10 3", "9r 4r", "8 5", "7r 6r"],
        ),
        # Signatures: each section of K sheets is folded on its own, then stacked.
        (
            "booklet",
            12,
            {"signature_sheets": 1},
            ["4 1", "3r 2r", "8 5", "7r 6r", "12 9", "11r 10r"],
        ),
        (
            "booklet",
            10,
            {"signature_sheets": 2, "duplex": "short"},
            ["8 1", "2 7", "6 3", "4 5", "10 9", ". ."],
        ),
        (
            "booklet",
            9,
            {"signature_sheets": 2, "padding": "end", "duplex": "short"},
            ["8 1", "2 7", "6 3", "4 5", ". 9", ". ."],
        ),
        # Quarter booklet on a portrait A4: short-edge duplex turns the backs, long-edge not.
        ("quarter-booklet", 8, {"duplex": "long"}, ["8 1 / 6 3", "2 7 / 4 5"]),
        ("quarter-booklet", 8, {"duplex": "manual"}, ["8 1 / 6 3", "2 7 / 4 5"]),
        ("quarter-booklet", 8, {"duplex": "short"}, ["8 1 / 6 3", "5r 4r / 7r 2r"]),
        (
            "quarter-booklet",
            16,
            {},
            ["16 1 / 12 5", "2 15 / 6 11", "14 3 / 10 7", "4 13 / 8 9"],
        ),
        ("quarter-booklet", 3, {}, ["3 1 / . .", "2 . / . ."]),
        ("quarter-booklet", 3, {"padding": "end"}, [". 1 / . 3", "2 . / . ."]),
        (
            "quarter-booklet",
            16,
            {"signature_sheets": 1, "duplex": "short"},
            ["8 1 / 6 3", "5r 4r / 7r 2r", "16 9 / 14 11", "13r 12r / 15r 10r"],
        ),
        # The mini-zine: one single-sided sheet, the top row turned, blanks before page 8.
        ("minizine", 8, {}, ["5r 4r 3r 2r / 6 7 8 1"]),
        ("minizine", 8, {"duplex": "short"}, ["5r 4r 3r 2r / 6 7 8 1"]),
        ("minizine", 6, {}, ["5r 4r 3r 2r / . . 6 1"]),
        ("minizine", 6, {"padding": "end"}, ["5r 4r 3r 2r / 6 . . 1"]),
        ("minizine", 1, {}, [". . . . / . . . 1"]),
        # Step and repeat: every cell of a side carries the same page.
        ("2up", 3, {"duplex": "long"}, ["1 1", "2r 2r", "3 3"]),
        ("2up", 3, {"duplex": "short"}, ["1 1", "2 2", "3 3"]),
        ("4up", 2, {"duplex": "long"}, ["1 1 / 1 1", "2 2 / 2 2"]),
        ("4up", 2, {"duplex": "short"}, ["1 1 / 1 1", "2r 2r / 2r 2r"]),
        ("4up", 2, {"duplex": "manual"}, ["1 1 / 1 1", "2 2 / 2 2"]),
    ],
)
def test_sides_read_as_pictured(
    layout: str, pages: int, options: dict, expected: list[str]
) -> None:
    assert sides_pictures(plan_for(layout, pages, **options), layout) == expected


@pytest.mark.parametrize("pages", range(1, 41))
@pytest.mark.parametrize(("layout", "per_sheet"), [("booklet", 4), ("quarter-booklet", 8)])
def test_blanks_fill_the_last_sheet_only(layout: str, per_sheet: int, pages: int) -> None:
    plan = plan_for(layout, pages)
    sheets = -(-pages // per_sheet)
    assert len(plan.sheets) == sheets
    assert plan.blanks_added == sheets * per_sheet - pages
    blank_cells = sum(c.page is None for s in plan.sides() for c in s.cells)
    assert blank_cells == plan.blanks_added
    used = sorted(c.page for s in plan.sides() for c in s.cells if c.page is not None)
    assert used == list(range(pages))


@pytest.mark.parametrize("pages", range(1, 9))
def test_minizine_pads_to_eight(pages: int) -> None:
    plan = plan_for("minizine", pages)
    assert plan.blanks_added == 8 - pages
    assert len(plan.sheets) == 1 and plan.sheets[0].back is None


@pytest.mark.parametrize("layout", ["2up", "4up"])
@pytest.mark.parametrize("pages", [1, 2, 3, 7])
def test_repeat_layouts_add_no_blanks(layout: str, pages: int) -> None:
    plan = plan_for(layout, pages)
    assert plan.blanks_added == 0
    assert len(plan.sheets) == -(-pages // 2)
    assert (plan.sheets[-1].back is None) == (pages % 2 == 1)


@pytest.mark.parametrize(
    ("layout", "sheet", "expected"),
    [
        ("booklet", None, (841.89, 595.28)),  # A4 turned landscape
        ("quarter-booklet", None, (595.28, 841.89)),
        ("minizine", None, (841.89, 595.28)),
        ("4up", None, (595.28, 841.89)),
        ("booklet", "F4", (935.43, 609.45)),  # 330 x 215 mm
        ("quarter-booklet", "F4", (609.45, 935.43)),
        ("booklet", "Folio", (935.43, 609.45)),
        ("booklet", "Letter", (792.0, 612.0)),
        ("booklet", "210x297mm", (841.89, 595.28)),
        ("quarter-booklet", "297x210mm", (595.28, 841.89)),  # turned to the layout's portrait
        ("booklet", "A3", (1190.55, 841.89)),
    ],
)
def test_sheet_sizes_are_exact_in_points(layout: str, sheet: str | None, expected) -> None:
    options = {"sheet": paper_size(sheet)} if sheet else {}
    plan = plan_for(layout, 8, **options)
    assert plan.sheet_size == pytest.approx(expected, abs=0.01)
    columns, rows = load_layout(layout).columns, load_layout(layout).rows
    assert plan.cell_size == pytest.approx((expected[0] / columns, expected[1] / rows), abs=0.01)


def test_f4_is_215_by_330_mm() -> None:
    width, height = paper_size("F4")
    assert (width * 25.4 / 72, height * 25.4 / 72) == pytest.approx((215, 330), abs=1e-9)


@pytest.mark.parametrize(
    ("layout", "duplex", "turned"),
    [
        ("booklet", "long", True),
        ("booklet", "short", False),
        ("booklet", "manual", False),
        ("quarter-booklet", "long", False),
        ("quarter-booklet", "short", True),
        ("quarter-booklet", "manual", False),
        ("minizine", "long", False),  # single-sided: no backs to turn
        ("minizine", "short", False),
    ],
)
def test_backs_turned(layout: str, duplex: str, turned: bool) -> None:
    plan = plan_for(layout, 8, duplex=duplex)
    assert plan.backs_turned == turned
    assert all(side.turned == turned for side in plan.backs())


def test_cells_tile_the_sheet() -> None:
    for layout in ("booklet", "quarter-booklet", "minizine", "2up", "4up"):
        plan = plan_for(layout, 8)
        width, height = plan.sheet_size
        for side in plan.sides():
            area = sum(c.rect.width * c.rect.height for c in side.cells)
            assert area == pytest.approx(width * height)
            for c in side.cells:
                assert c.rect.x >= 0 and c.rect.x + c.rect.width <= width + 1e-6
                assert c.rect.y >= 0 and c.rect.y + c.rect.height <= height + 1e-6


@pytest.mark.parametrize(
    ("layout", "pages", "options", "message"),
    [
        ("booklet", 0, {}, "no pages"),
        ("minizine", 9, {}, "holds 8 pages"),
        ("minizine", 8, {"signature_sheets": 1}, "signature-sheets"),
        ("2up", 8, {"signature_sheets": 2}, "signature-sheets"),
        ("booklet", 8, {"signature_sheets": 0}, "1 or more"),
    ],
)
def test_impossible_plans_are_refused(layout: str, pages: int, options: dict, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        plan_for(layout, pages, **options)
