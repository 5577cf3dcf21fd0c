"""The page target as a pure value: for every built-in layout on every common sheet, the
page size typeset draws, its bleed, the binding, the multiple pages are filled up to, the
capacity, and where the blanks go. Expected sizes are worked out by hand in millimetres
from the layout files (cells of the sheet, then the nearest standard paper within 1 mm)."""

from __future__ import annotations

import pytest

from zinekit.impose.layout import builtin_names, load_layout
from zinekit.impose.plan import Options, make_plan
from zinekit.impose.target import PageTarget, page_target
from zinekit.units import mm, paper_size

SHEETS = ["A4", "A3", "Letter", "F4"]

# layout -> binding, multiple, capacity; then per sheet: (cell, page) in mm, width x height.
LAYOUTS: dict[str, tuple[str, int, int | None]] = {
    "booklet": ("saddle", 4, None),
    "quarter-booklet": ("saddle", 8, None),
    "minizine": ("none", 8, 8),
    "2up": ("none", 1, None),
    "4up": ("none", 1, None),
}
SIZES: dict[tuple[str, str], tuple[tuple[float, float], tuple[float, float]]] = {
    # Landscape sheets, two cells across: half the sheet; A5 in half A4, A4 in half A3.
    ("booklet", "A4"): ((148.5, 210), (148, 210)),
    ("booklet", "A3"): ((210, 297), (210, 297)),
    ("booklet", "Letter"): ((139.7, 215.9), (139.7, 215.9)),
    ("booklet", "F4"): ((165, 215), (165, 215)),
    ("2up", "A4"): ((148.5, 210), (148, 210)),
    ("2up", "A3"): ((210, 297), (210, 297)),
    ("2up", "Letter"): ((139.7, 215.9), (139.7, 215.9)),
    ("2up", "F4"): ((165, 215), (165, 215)),
    # Portrait sheets, two by two: a quarter; A6 in a quarter of A4, A5 of A3.
    ("quarter-booklet", "A4"): ((105, 148.5), (105, 148)),
    ("quarter-booklet", "A3"): ((148.5, 210), (148, 210)),
    ("quarter-booklet", "Letter"): ((107.95, 139.7), (107.95, 139.7)),
    ("quarter-booklet", "F4"): ((107.5, 165), (107.5, 165)),
    ("4up", "A4"): ((105, 148.5), (105, 148)),
    ("4up", "A3"): ((148.5, 210), (148, 210)),
    ("4up", "Letter"): ((107.95, 139.7), (107.95, 139.7)),
    ("4up", "F4"): ((107.5, 165), (107.5, 165)),
    # Landscape, four by two: an eighth; A7 in an eighth of A4, A6 of A3.
    ("minizine", "A4"): ((74.25, 105), (74, 105)),
    ("minizine", "A3"): ((105, 148.5), (105, 148)),
    ("minizine", "Letter"): ((69.85, 107.95), (69.85, 107.95)),
    ("minizine", "F4"): ((82.5, 107.5), (82.5, 107.5)),
}


def test_every_built_in_layout_is_in_the_table() -> None:
    assert sorted(LAYOUTS) == builtin_names()
    assert {layout for layout, _ in SIZES} == set(LAYOUTS)


def _mm(size: tuple[float, float]) -> tuple[float, float]:
    return (round(size[0] * 25.4 / 72, 2), round(size[1] * 25.4 / 72, 2))


@pytest.mark.parametrize("sheet", SHEETS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_target_of_each_layout_on_each_sheet(layout: str, sheet: str) -> None:
    target = page_target(load_layout(layout), paper_size(sheet))
    binding, multiple, capacity = LAYOUTS[layout]
    cell, page = SIZES[(layout, sheet)]
    assert _mm(target.cell_size) == pytest.approx(cell, abs=0.01)
    assert _mm(target.page_size) == pytest.approx(page, abs=0.01)
    assert target.binding == binding
    assert target.multiple == multiple
    assert target.capacity == capacity
    assert target.bleed == 0.0
    assert target.padding == "before-back"


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_without_a_sheet_the_layout_uses_its_own(layout: str) -> None:
    own = page_target(load_layout(layout))
    assert own == page_target(load_layout(layout), paper_size("A4"))  # every built-in: A4


@pytest.mark.parametrize(
    ("layout", "sheet", "bleed"),
    [
        # Half A4 is 148.5 mm wide, the A5 page 148: the spare 0.5 mm is bled over too.
        ("booklet", "A4", 3.5),
        ("quarter-booklet", "A4", 3.5),
        ("minizine", "A4", 3.25),
        # A page that is its cell leaves nothing spare.
        ("booklet", "A3", 3.0),
        ("booklet", "Letter", 3.0),
        ("4up", "F4", 3.0),
    ],
)
def test_bleed_covers_the_spare_paper_of_the_cell(layout: str, sheet: str, bleed: float) -> None:
    target = page_target(load_layout(layout), paper_size(sheet), bleed=mm(3))
    assert target.bleed == pytest.approx(mm(bleed))


def test_no_bleed_asked_none_drawn() -> None:
    assert page_target(load_layout("booklet"), bleed=0.0).bleed == 0.0


B = None  # a blank, in the sequences below


@pytest.mark.parametrize(
    ("layout", "pages", "padding", "sequence"),
    [
        ("booklet", 4, "before-back", (0, 1, 2, 3)),
        ("booklet", 6, "before-back", (0, 1, 2, 3, 4, B, B, 5)),
        ("booklet", 6, "end", (0, 1, 2, 3, 4, 5, B, B)),
        ("booklet", 1, "before-back", (0, B, B, B)),
        ("booklet", 1, "end", (0, B, B, B)),
        ("quarter-booklet", 9, "before-back", (0, 1, 2, 3, 4, 5, 6, 7, *[B] * 7, 8)),
        ("quarter-booklet", 9, "end", (*range(9), *[B] * 7)),
        ("minizine", 5, "before-back", (0, 1, 2, 3, B, B, B, 4)),
        ("minizine", 5, "end", (0, 1, 2, 3, 4, B, B, B)),
        ("minizine", 8, "end", tuple(range(8))),
        ("2up", 3, "before-back", (0, 1, 2)),
        ("4up", 5, "end", (0, 1, 2, 3, 4)),
    ],
)
def test_blanks_go_where_padding_says(
    layout: str, pages: int, padding: str, sequence: tuple[int | None, ...]
) -> None:
    target = page_target(load_layout(layout), padding=padding)  # type: ignore[arg-type]
    assert target.sequence(pages) == sequence
    assert target.blanks(pages) == sequence.count(None)
    assert target.padded_count(pages) == len(sequence)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("padding", ["before-back", "end"])
@pytest.mark.parametrize("pages", [1, 2, 3, 5, 8])
def test_the_plan_follows_the_target(layout: str, padding: str, pages: int) -> None:
    chosen = load_layout(layout)
    target = page_target(chosen, paper_size("Letter"), padding)  # type: ignore[arg-type]
    plan = make_plan(chosen, pages, Options(sheet=paper_size("Letter"), padding=padding))  # type: ignore[arg-type]
    assert plan.sheet_size == target.sheet_size
    assert plan.cell_size == target.cell_size
    assert plan.blanks_added == target.blanks(pages)
    placed = [c.page for side in plan.sides() for c in side.cells]
    assert sorted({p for p in placed if p is not None}) == list(range(pages))


def test_a_target_is_a_frozen_value() -> None:
    target = page_target(load_layout("booklet"))
    assert isinstance(target, PageTarget)
    with pytest.raises(AttributeError):
        target.bleed = 1.0  # type: ignore[misc]
