"""Imposed sheets, read back from the output PDF and folded on paper by an independent oracle.

Each case imposes a numbered PDF (tests/pdfgen.py) through the command line, reads every
output page back with pypdfium2 (tests/readback.py) and simulates the paper, knowing only
what a person at the printer knows: the sheets' shape, the duplex mode, the fold
instructions. The oracle never asks zinekit's planner.

1. Print: page 2k of the output is the front of sheet k, page 2k+1 its back (with --duplex
   manual, page k of NAME-fronts.pdf and page k of NAME-backs.pdf). The reader turns a sheet
   over around its vertical axis. A printer flipping on the long edge of a landscape sheet,
   or the short edge of a portrait one, flips around the horizontal axis instead, so the
   reader sees that back turned 180°. Manual feed prints the backs as they are in the file.
2. Cut: a sheet with two rows of spreads is cut between them; each signature's bottom-row
   stack goes inside its top-row stack.
3. Fold: the sheets (or halves) of each signature nest in printing order, the first outside;
   signatures are stacked in order. Leaf by leaf: the right half of a folio's outside, the
   left half of its inside, ... down to the middle, then back out: right of the inside,
   left of the outside.

The pages read that way must be 1..n, each upright, with exactly the blanks needed to fill
the last sheet immediately before the last page (at the end with --pad-at end, or after the
only page when there is one).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.pdfgen import numbered_pdf
from tests.readback import (
    Cell,
    Grid,
    SheetSide,
    grid,
    parse_picture,
    picture,
    pictures,
    read_sides,
)
from tests.runner import impose
from zinekit.impose.layout import load_layout

Sheet = tuple[Grid, Grid]  # front and back as the reader sees them


# -- running zinekit ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """An n-page numbered A5 PDF, each made once per session."""
    folder = tmp_path_factory.mktemp("numbered")
    made: dict[int, Path] = {}

    def get(n: int) -> Path:
        if n not in made:
            made[n] = numbered_pdf(folder / f"numbered-{n}.pdf", n)
        return made[n]

    return get


def read_printed(out: Path, duplex: str) -> tuple[list[SheetSide], list[SheetSide]]:
    """The fronts and backs as printed, from one duplex file or the two manual files."""
    if duplex == "manual":
        assert not out.exists(), "manual duplex writes two files, not one"
        fronts = read_sides(out.with_name(f"{out.stem}-fronts.pdf"))
        backs = read_sides(out.with_name(f"{out.stem}-backs.pdf"))
        assert len(fronts) == len(backs)
    else:
        sides = read_sides(out)
        assert len(sides) % 2 == 0, "a folded booklet has a back to every sheet"
        fronts, backs = sides[0::2], sides[1::2]
    sizes = {(round(s.width, 2), round(s.height, 2)) for s in fronts + backs}
    assert len(sizes) == 1, f"sheets of several sizes: {sizes}"
    return fronts, backs


# -- the paper -----------------------------------------------------------------------------


def turned_over(cells: Grid) -> Grid:
    """A side turned 180° in its plane."""
    return tuple(
        tuple(None if c is None else (c[0], (c[1] + 180) % 360) for c in reversed(row))
        for row in reversed(cells)
    )


def reader_sees_back_turned(side: SheetSide, duplex: str) -> bool:
    """Whether the printer flips this sheet top over bottom, unlike the reader."""
    landscape = side.width > side.height
    return {"long": landscape, "short": not landscape, "manual": False}[duplex]


def printed_sheets(out: Path, duplex: str, columns: int, rows: int) -> list[Sheet]:
    """Each sheet's front and back as the reader holds it, after the printer's flip."""
    fronts, backs = read_printed(out, duplex)
    sheets = []
    for front, back in zip(fronts, backs, strict=True):
        back_grid = grid(back, columns, rows)
        if reader_sees_back_turned(back, duplex):
            back_grid = turned_over(back_grid)
        sheets.append((grid(front, columns, rows), back_grid))
    return sheets


def signatures(sheets: list[Sheet], per_signature: int | None) -> list[list[Sheet]]:
    size = per_signature or len(sheets)
    return [sheets[i : i + size] for i in range(0, len(sheets), size)]


def folios(signature: list[Sheet]) -> list[tuple[tuple[Cell, ...], tuple[Cell, ...]]]:
    """Cut each sheet between its rows and nest row stacks: top row's stack outermost."""
    rows = len(signature[0][0])
    return [(front[r], back[r]) for r in range(rows) for front, back in signature]


def read_folded(sheets: list[Sheet], per_signature: int | None = None) -> list[Cell]:
    """The pages in the order a reader meets them in the folded, stapled booklet."""
    pages: list[Cell] = []
    for signature in signatures(sheets, per_signature):
        nested = folios(signature)
        for outside, inside in nested:  # first halves of the leaves, outside in
            pages += [outside[1], inside[0]]
        for outside, inside in reversed(nested):  # second halves, inside out
            pages += [inside[1], outside[0]]
    return pages


def expected_reading(n: int, per_sheet: int, pad_at: str = "before-back") -> list[Cell]:
    blanks = [None] * (math.ceil(n / per_sheet) * per_sheet - n)
    upright = [(p, 0) for p in range(1, n + 1)]
    if pad_at == "end" or n == 1:
        return upright + blanks
    return upright[:-1] + blanks + upright[-1:]


def shown(cells: list[Cell]) -> str:
    """Pages in reading order as one picture row: "1 2 . . 3"."""
    return picture((tuple(cells),))


def check_folds(
    out: Path,
    duplex: str,
    rows: int,
    n: int,
    per_signature: int | None = None,
    pad_at: str = "before-back",
) -> None:
    sheets = printed_sheets(out, duplex, 2, rows)
    read = read_folded(sheets, per_signature)
    expected = expected_reading(n, 4 * rows, pad_at)
    sides = [picture(s) for sheet in sheets for s in sheet]
    assert shown(read) == shown(expected), f"reader-view sides: {sides}"


# -- every page count, every duplex mode ---------------------------------------------------

SADDLES = [("booklet", 1), ("quarter-booklet", 2)]  # layout, rows of spreads per side


@pytest.mark.parametrize("n", range(1, 41))
@pytest.mark.parametrize("duplex", ["long", "short", "manual"])
@pytest.mark.parametrize(("layout", "rows"), SADDLES)
def test_booklets_fold_into_page_order(numbered, tmp_path, layout, rows, duplex, n) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(n), out, "--layout", layout, "--duplex", duplex)
    check_folds(out, duplex, rows, n)


@pytest.mark.parametrize("n", range(1, 41))
@pytest.mark.parametrize(
    ("layout", "rows", "k", "duplex", "pad_at"),
    [
        ("booklet", 1, 1, "long", "before-back"),
        ("booklet", 1, 2, "short", "before-back"),
        ("booklet", 1, 3, "manual", "before-back"),
        ("booklet", 1, 5, "long", "before-back"),
        ("booklet", 1, 2, "long", "end"),
        ("quarter-booklet", 2, 1, "short", "before-back"),
        ("quarter-booklet", 2, 2, "long", "before-back"),
        ("quarter-booklet", 2, 3, "manual", "before-back"),
        ("quarter-booklet", 2, 2, "short", "end"),
    ],
)
def test_signatures_fold_into_page_order(
    numbered, tmp_path, layout, rows, k, duplex, pad_at, n
) -> None:
    out = tmp_path / "out.pdf"
    options = ["--duplex", duplex, "--signature-sheets", str(k), "--pad-at", pad_at]
    impose(numbered(n), out, "--layout", layout, *options)
    check_folds(out, duplex, rows, n, per_signature=k, pad_at=pad_at)


@pytest.mark.parametrize("n", range(1, 41))
@pytest.mark.parametrize(
    ("layout", "rows", "duplex"), [("booklet", 1, "long"), ("quarter-booklet", 2, "short")]
)
def test_pad_at_end_folds_into_page_order(numbered, tmp_path, layout, rows, duplex, n) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(n), out, "--layout", layout, "--duplex", duplex, "--pad-at", "end")
    check_folds(out, duplex, rows, n, pad_at="end")


# -- the oracle itself, on sheets written by hand ------------------------------------------


def test_the_oracle_reads_a_hand_folded_booklet() -> None:
    # Two A4 sheets, reader view, as on a table before folding: 8 pages.
    sheets = [
        (parse_picture("8 1"), parse_picture("2 7")),
        (parse_picture("6 3"), parse_picture("4 5")),
    ]
    assert shown(read_folded(sheets)) == "1 2 3 4 5 6 7 8"
    assert shown(read_folded(sheets, 1)) == "1 2 7 8 3 4 5 6"  # two 4-page sections, stacked
    quarter = [
        (parse_picture("16 1 / 12 5"), parse_picture("2 15 / 6 11")),
        (parse_picture("14 3 / 10 7"), parse_picture("4 13 / 8 9")),
    ]
    assert shown(read_folded(quarter)) == " ".join(str(p) for p in range(1, 17))
    assert turned_over(parse_picture("1 2 / 3 4")) == parse_picture("4r 3r / 2r 1r")


# -- pictures a reviewer can check against a folded sheet -----------------------------------


@pytest.mark.parametrize(
    ("layout", "n", "options", "expected"),
    [
        ("booklet", 8, ["--duplex", "long"], ["8 1", "7r 2r", "6 3", "5r 4r"]),
        ("booklet", 8, ["--duplex", "short"], ["8 1", "2 7", "6 3", "4 5"]),
        ("booklet", 6, ["--duplex", "long"], ["6 1", ". 2r", ". 3", "5r 4r"]),
        ("booklet", 6, ["--duplex", "long", "--pad-at", "end"], [". 1", ". 2r", "6 3", "5r 4r"]),
        ("booklet", 1, [], [". 1", ". ."]),
        (
            "booklet",
            12,
            ["--signature-sheets", "1"],
            ["4 1", "3r 2r", "8 5", "7r 6r", "12 9", "11r 10r"],
        ),
        ("quarter-booklet", 8, ["--duplex", "long"], ["8 1 / 6 3", "2 7 / 4 5"]),
        ("quarter-booklet", 8, ["--duplex", "short"], ["8 1 / 6 3", "5r 4r / 7r 2r"]),
        (
            "quarter-booklet",
            16,
            ["--duplex", "long"],
            ["16 1 / 12 5", "2 15 / 6 11", "14 3 / 10 7", "4 13 / 8 9"],
        ),
        ("minizine", 8, [], ["5r 4r 3r 2r / 6 7 8 1"]),
        ("minizine", 5, [], [". 4r 3r 2r / . . 5 1"]),
        ("2up", 3, ["--duplex", "long"], ["1 1", "2r 2r", "3 3"]),
        ("2up", 2, ["--duplex", "short"], ["1 1", "2 2"]),
        ("4up", 3, ["--duplex", "long"], ["1 1 / 1 1", "2 2 / 2 2", "3 3 / 3 3"]),
        ("4up", 2, ["--duplex", "short"], ["1 1 / 1 1", "2r 2r / 2r 2r"]),
    ],
)
def test_sides_read_as_pictured(numbered, tmp_path, layout, n, options, expected) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(n), out, "--layout", layout, *options)
    chosen = load_layout(layout)  # the layout file gives the grid, not the plan
    columns, rows = chosen.columns, chosen.rows
    assert pictures(out, columns, rows) == expected


def test_manual_duplex_writes_fronts_and_backs_unturned(numbered, tmp_path) -> None:
    out = tmp_path / "zine.pdf"
    impose(numbered(8), out, "--layout", "booklet", "--duplex", "manual")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zine-backs.pdf", "zine-fronts.pdf"]
    assert pictures(tmp_path / "zine-fronts.pdf", 2, 1) == ["8 1", "6 3"]
    assert pictures(tmp_path / "zine-backs.pdf", 2, 1) == ["2 7", "4 5"]


# -- the mini-zine: one fixed picture, padded -----------------------------------------------

MINIZINE = "5r 4r 3r 2r / 6 7 8 1"


def minizine_expected(n: int, pad_at: str) -> str:
    """The fixed picture with picture page i holding the i-th page after padding."""
    blanks = [None] * (8 - n)
    pages = list(range(1, n + 1))
    order = pages + blanks if pad_at == "end" or n == 1 else pages[:-1] + blanks + pages[-1:]
    cells = []
    for word in MINIZINE.replace("/", " / ").split():
        if word == "/":
            cells.append("/")
            continue
        page = order[int(word.rstrip("r")) - 1]
        cells.append("." if page is None else f"{page}{'r' if word.endswith('r') else ''}")
    return " ".join(cells)


@pytest.mark.parametrize("n", range(1, 9))
@pytest.mark.parametrize("pad_at", ["before-back", "end"])
@pytest.mark.parametrize("duplex", ["long", "short", "manual"])
def test_minizine_is_one_side_of_the_fixed_picture(numbered, tmp_path, duplex, pad_at, n) -> None:
    out = tmp_path / "zine.pdf"
    impose(numbered(n), out, "--layout", "minizine", "--duplex", duplex, "--pad-at", pad_at)
    # Single-sided: one file, one side, whatever the duplex mode.
    assert [p.name for p in tmp_path.iterdir()] == ["zine.pdf"]
    assert pictures(out, 4, 2) == [minizine_expected(n, pad_at)]


def test_minizine_expected_pictures_by_hand() -> None:
    assert minizine_expected(8, "before-back") == MINIZINE
    assert minizine_expected(6, "before-back") == "5r 4r 3r 2r / . . 6 1"
    assert minizine_expected(6, "end") == "5r 4r 3r 2r / 6 . . 1"
    assert minizine_expected(1, "before-back") == ". . . . / . . . 1"


# -- step and repeat -------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 5])
@pytest.mark.parametrize("duplex", ["long", "short", "manual"])
@pytest.mark.parametrize(("layout", "columns", "rows"), [("2up", 2, 1), ("4up", 2, 2)])
def test_repeat_layouts_fill_every_cell_with_one_page(
    numbered, tmp_path, layout, columns, rows, duplex, n
):
    out = tmp_path / "out.pdf"
    impose(numbered(n), out, "--layout", layout, "--duplex", duplex)
    if duplex == "manual" and n > 1:
        sides = read_sides(out.with_name("out-fronts.pdf")) + read_sides(
            out.with_name("out-backs.pdf")
        )
        order = [*range(1, n + 1, 2), *range(2, n + 1, 2)]
    else:
        sides = read_sides(out)
        order = list(range(1, n + 1))
    for side, page in zip(sides, order, strict=True):
        turned = page % 2 == 0 and reader_sees_back_turned(side, duplex)
        cell = (page, 180 if turned else 0)
        assert grid(side, columns, rows) == tuple((cell,) * columns for _ in range(rows))
