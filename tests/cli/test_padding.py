"""Blank pages, end to end: every built-in layout with each --pad-at, on `zinekit impose` and
on `zinekit build`.

The imposed sheets are read back (numbered pages by their labels, tests/readback.py; built
pages by their own text, tests/readpages.py) and put together as a person would: a folded
booklet by the paper oracle of tests/impose/test_sheets.py, the mini-zine by its folding
picture written out by hand below, step-and-repeat sides one after the other. The pages
read that way must be 1..n with the blanks where --pad-at says: before the last page (the
back cover stays on the back) or after it. Each run prints exactly one note about blanks,
saying how many and where, or none when no blank was needed. The typesetter adds no blank
of its own: every page of the reading PDF has something on it. Nothing here asks zinekit's
planner.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.impose.test_sheets import read_folded, reader_sees_back_turned, shown, turned_over
from tests.pdfgen import numbered_pdf
from tests.printed import page_text
from tests.readback import Cell, Grid, SheetSide, grid, read_sides
from tests.readpages import imposed_grids, reading_pages
from tests.runner import Run, run_zinekit
from zinekit.impose.layout import builtin_names


@dataclass(frozen=True)
class Shape:
    """What a person at the printer knows of a layout: its cells, and how many pages a
    sheet takes (None: step and repeat, one page per side, nothing to fill)."""

    columns: int
    rows: int
    per_sheet: int | None
    kind: str  # "folded", "minizine" or "repeat": how the sheets are put together


SHAPES = {
    "booklet": Shape(2, 1, 4, "folded"),
    "quarter-booklet": Shape(2, 2, 8, "folded"),
    "minizine": Shape(4, 2, 8, "minizine"),
    "2up": Shape(2, 1, None, "repeat"),
    "4up": Shape(2, 2, None, "repeat"),
}
PAD_AT = [None, "before-back", "end"]  # None: the default

# The mini-zine, folded by hand: the finished booklet's page k in each cell of the printed
# side, "r" where it is printed upside down.
MINIZINE_FOLDED = "5r 4r 3r 2r / 6 7 8 1"


def test_every_built_in_layout_is_covered() -> None:
    assert sorted(SHAPES) == builtin_names()


# -- the paper ------------------------------------------------------------------------------


def fold_minizine(front: Grid) -> list[Cell]:
    words = [word for row in MINIZINE_FOLDED.split(" / ") for word in row.split()]
    cells = [cell for row in front for cell in row]
    by_page: dict[int, Cell] = {}
    for word, cell in zip(words, cells, strict=True):
        turned = 180 if word.endswith("r") else 0
        by_page[int(word.rstrip("r"))] = (
            None if cell is None else (cell[0], (cell[1] - turned) % 360)
        )
    return [by_page[k] for k in range(1, 9)]


def put_together(sides: list[tuple[SheetSide, Grid]], shape: Shape) -> list[Cell]:
    """The pages in the order a reader meets them, after `--duplex long` printing."""
    if shape.kind == "minizine":
        assert len(sides) == 1, "the mini-zine is one single-sided sheet"
        return fold_minizine(sides[0][1])
    seen = []
    for k, (side, cells) in enumerate(sides):
        back = k % 2 == 1
        seen.append(turned_over(cells) if back and reader_sees_back_turned(side, "long") else cells)
    if shape.kind == "folded":
        assert len(seen) % 2 == 0, "a folded booklet has a back to every sheet"
        return read_folded(list(zip(seen[0::2], seen[1::2], strict=True)))
    pages = []
    for cells in seen:  # step and repeat: each side holds one page in every cell
        (cell,) = {c for row in cells for c in row}
        pages.append(cell)
    return pages


def expected(n: int, shape: Shape, pad_at: str) -> list[Cell]:
    upright = [(k, 0) for k in range(1, n + 1)]
    if shape.per_sheet is None:
        return list(upright)
    blanks = [None] * (math.ceil(n / shape.per_sheet) * shape.per_sheet - n)
    if pad_at == "end" or n == 1:
        return upright + blanks
    return upright[:-1] + blanks + upright[-1:]


def blank_notes(run: Run) -> list[str]:
    return [line for line in run.lines if "blank page" in line]


def the_note(blanks: int, where: str) -> list[str]:
    if not blanks:
        return []
    s = "s" if blanks != 1 else ""
    return [f"zinekit: note: added {blanks} blank page{s} {where} to fill the last sheet"]


# -- zinekit impose -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    folder = tmp_path_factory.mktemp("numbered")
    return lambda n: numbered_pdf(folder / f"numbered-{n}.pdf", n)


@pytest.mark.parametrize("n", [1, 3, 6])
@pytest.mark.parametrize("pad_at", PAD_AT)
@pytest.mark.parametrize("layout", sorted(SHAPES))
def test_impose_puts_blanks_where_pad_at_says(
    numbered, tmp_path: Path, layout: str, pad_at: str | None, n: int
) -> None:
    shape = SHAPES[layout]
    out = tmp_path / "out.pdf"
    args: list[str | Path] = ["impose", numbered(n), "-o", out, "--layout", layout]
    run = run_zinekit(*args, *(["--pad-at", pad_at] if pad_at else []))
    assert run.code == 0, run.stderr
    padding = pad_at or "before-back"  # impose's default: the last page is a back cover
    sides = [(side, grid(side, shape.columns, shape.rows)) for side in read_sides(out)]
    read = put_together(sides, shape)
    assert shown(read) == shown(expected(n, shape, padding))
    blanks = read.count(None)
    where = "at the end" if padding == "end" else "before the back cover"
    if n == 1 and padding != "end":
        where = "after the only page"
    assert blank_notes(run) == the_note(blanks, where)
    if shape.per_sheet is not None:
        assert blanks, "the case needs blanks to say where they go"


# -- zinekit build --------------------------------------------------------------------------

BACK = "Sampul belakang kami."


@dataclass(frozen=True)
class Built:
    run: Run
    out: Path
    reading: Path


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, bool, str | None], Built]:
    """A three-page zine (cover, one page of text, back cover) or, without the back cover,
    two pages, built once per module in a layout with a --pad-at (None: the default)."""
    folder = tmp_path_factory.mktemp("padding")
    made: dict[tuple[str, bool, str | None], Built] = {}

    def get(layout: str, back: bool, pad_at: str | None) -> Built:
        key = (layout, back, pad_at)
        if key not in made:
            name = f"{layout}-{'back' if back else 'noback'}-{pad_at or 'default'}"
            content = folder / f"{name}.yaml"
            content.write_text(
                "title: Lembar Dengar\ncover:\n  footer: Lipat dan bagikan\nblocks:\n"
                "  - heading: Bagian Satu\n  - text: Dengarkan tanpa menyela.\n"
                + (f"back:\n  text: {BACK}\n" if back else ""),
                encoding="utf-8",
            )
            out = folder / f"{name}.pdf"
            args: list[str | Path] = ["build", content, "-o", out, "--layout", layout]
            run = run_zinekit(*args, *(["--pad-at", pad_at] if pad_at else []))
            assert run.code == 0, run.stderr
            made[key] = Built(run, out, out.with_name(f"{name}.reading.pdf"))
        return made[key]

    return get


def read_build(built: Built, shape: Shape) -> list[Cell]:
    pages = reading_pages(built.reading)
    return put_together(imposed_grids(built.out, shape.columns, shape.rows, pages), shape)


@pytest.mark.parametrize("pad_at", PAD_AT)
@pytest.mark.parametrize("back", [True, False], ids=["back", "no-back"])
@pytest.mark.parametrize("layout", sorted(SHAPES))
def test_build_puts_blanks_where_pad_at_says(
    build, layout: str, back: bool, pad_at: str | None
) -> None:
    shape = SHAPES[layout]
    built = build(layout, back, pad_at)
    pages = reading_pages(built.reading)
    n = len(pages)
    assert n == (3 if back else 2)
    assert not any(page.blank for page in pages), "the typesetter added a blank page"
    if back:
        assert BACK in page_text(built.reading, n - 1)
    # Build's default: before the back cover when there is one, else at the end.
    padding = pad_at or ("before-back" if back else "end")
    read = read_build(built, shape)
    assert shown(read) == shown(expected(n, shape, padding))
    if back and padding == "before-back":
        assert read[-1] == (n, 0), "the back cover is not the last page of the booklet"
    blanks = read.count(None)
    where = "at the end" if padding == "end" else "before the back cover"
    assert blank_notes(built.run) == the_note(blanks, where)
    if shape.per_sheet is not None:
        assert blanks, "the case needs blanks to say where they go"


@pytest.mark.parametrize("layout", sorted(SHAPES))
def test_build_pad_at_end_differs_from_the_default_with_a_back_cover(build, layout: str) -> None:
    shape = SHAPES[layout]
    default, before, end = (build(layout, True, pad_at).out.read_bytes() for pad_at in PAD_AT)
    assert default == before
    if shape.per_sheet is None:
        assert end == default, "step and repeat has no blanks to move"
    else:
        assert end != default
        assert read_build(build(layout, True, "end"), shape) != read_build(
            build(layout, True, None), shape
        )


@pytest.mark.parametrize("layout", sorted(SHAPES))
def test_build_without_a_back_cover_pads_at_the_end_by_default(build, layout: str) -> None:
    default = build(layout, False, None).out.read_bytes()
    assert default == build(layout, False, "end").out.read_bytes()
