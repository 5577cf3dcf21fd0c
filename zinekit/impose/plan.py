"""Layout + page count + options -> `Plan`: sheets -> sides -> cells. Pure: no PDF is opened.

The sheet, the cells and the blank pages come from the layout's `PageTarget`
(`zinekit.impose.target`), the same one the typesetter draws its pages for.

Conventions, used everywhere in zinekit:
- A sheet side is described first as the reader sees it: the front face up, the back after
  turning the sheet over like a page of a book (around its vertical axis).
- Printers flip the sheet around one edge when duplexing. When that edge is not the one the
  reader turns around, the back comes out upside down, so the back side is turned 180° in the
  PDF to compensate (`Side.turned`).
- Coordinates are PDF points with the origin at the sheet's bottom left.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from zinekit.errors import OptionError
from zinekit.i18n import say
from zinekit.impose.layout import Layout, PictureCell
from zinekit.impose.target import Padding, blanks_where, page_target

Duplex = Literal["long", "short", "manual"]
Anchor = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Cell:
    page: int | None  # 0-based source page, None for a blank
    rect: Rect
    turn: int  # degrees counterclockwise on the printed sheet: 0 or 180
    anchor: Anchor  # which side of the cell the page keeps to when narrower: its spine
    creep: float = 0.0  # points the page moves toward its spine, for nested sheets' thickness


@dataclass(frozen=True)
class Line:
    kind: Literal["fold", "cut"]
    start: tuple[float, float]
    end: tuple[float, float]


@dataclass(frozen=True)
class Side:
    cells: tuple[Cell, ...]
    guides: tuple[Line, ...]
    turned: bool  # turned 180° for the printer's duplex flip


@dataclass(frozen=True)
class Sheet:
    number: int  # 0-based, in printing order
    signature: int  # 0-based folded section the sheet belongs to
    front: Side
    back: Side | None


@dataclass(frozen=True)
class Options:
    sheet: tuple[float, float] | None = None  # points; None: the layout's own sheet
    duplex: Duplex = "long"
    padding: Padding = "before-back"
    signature_sheets: int | None = None
    creep: float = 0.0  # paper thickness in points: inner sheets move toward the spine


@dataclass(frozen=True)
class Plan:
    layout: str
    sheet_size: tuple[float, float]
    cell_size: tuple[float, float]
    page_count: int
    blanks_added: int
    sheets: tuple[Sheet, ...]
    duplex: Duplex
    padding: Padding
    backs_turned: bool
    folded: bool = False  # saddle-stitched: each section's sheets nest and fold together

    @property
    def section_sheets(self) -> int:
        """Sheets folded together in the thickest section (signature); 1 when unfolded."""
        if not self.folded:
            return 1
        counts = Counter(sheet.signature for sheet in self.sheets)
        return max(counts.values(), default=1)

    def too_thick(self) -> str | None:
        """Why a section is too thick to fold, when it has more sheets than fold and staple
        flat (`MAX_SECTION_SHEETS`); None when every section folds."""
        if self.section_sheets <= MAX_SECTION_SHEETS:
            return None
        return say("impose.plan.too-thick", sheets=self.section_sheets, limit=MAX_SECTION_SHEETS)

    def blanks_note(self) -> str | None:
        """The note that says how many blank pages were added and where; None when none."""
        if not self.blanks_added:
            return None
        return say("impose.plan.blanks-added", count=self.blanks_added, where=self.blanks_where)

    @property
    def blanks_where(self) -> str:
        """Where the blanks went: "before the back cover", "at the end"..."""
        return blanks_where(self.padding, self.page_count)

    @property
    def landscape(self) -> bool:
        return self.sheet_size[0] > self.sheet_size[1]

    def fronts(self) -> list[Side]:
        return [s.front for s in self.sheets]

    def backs(self) -> list[Side]:
        return [s.back for s in self.sheets if s.back is not None]

    def sides(self) -> list[Side]:
        """Every side in the order a duplex printer takes them: front, back, front, back..."""
        return [side for s in self.sheets for side in (s.front, s.back) if side is not None]


# Sheets of 80 g/m² office paper (0.1 mm each) that still fold and staple into a booklet
# that lies flat: past 20 (80 pages, 4 mm of spine) the fold springs open, the outer
# sheet cracks, a long-arm stapler's staples no longer close, and the inner pages push
# out several mm (creep). Binders sew thicker books in sections of 4 to 16 sheets.
MAX_SECTION_SHEETS = 20


def backs_turned(sheet_size: tuple[float, float], duplex: Duplex) -> bool:
    """Whether the printer's flip differs from the reader's turn around the vertical axis.

    Long-edge duplex flips around the long edge: vertical on a portrait sheet (like the reader),
    horizontal on a landscape one (unlike the reader). Short-edge is the opposite. Manual feed
    is left upright: the user turns the stack themselves.
    """
    landscape = sheet_size[0] > sheet_size[1]
    if duplex == "long":
        return landscape
    if duplex == "short":
        return not landscape
    return False


def make_plan(layout: Layout, page_count: int, options: Options = Options()) -> Plan:
    if page_count < 1:
        raise OptionError(say("impose.plan.no-pages"))
    target = page_target(layout, options.sheet, options.padding)
    sheet_size, cell_size = target.sheet_size, target.cell_size
    if options.signature_sheets is not None:
        if layout.kind != "saddle":
            raise OptionError(
                say("impose.plan.signature-not-folded", layout=layout.name),
                hint=say("impose.plan.folded-hint"),
            )
        if options.signature_sheets < 1:
            raise OptionError(say("impose.plan.signature-minimum"))
    if options.creep and layout.kind != "saddle":
        raise OptionError(
            say("impose.plan.creep-not-folded", layout=layout.name),
            hint=say("impose.plan.folded-hint"),
        )

    if layout.kind == "sheet" and page_count > (target.capacity or 0):
        raise OptionError(
            say(
                "impose.plan.too-many-pages",
                layout=layout.name,
                capacity=target.capacity,
                count=page_count,
            ),
            hint=say("impose.plan.too-many-pages-hint"),
        )
    sequence = target.sequence(page_count)
    if layout.kind == "saddle":
        readers = _saddle(layout, sequence, options)
    elif layout.kind == "sheet":
        readers = _one_sheet(layout, sequence)
    else:
        readers = _repeat(layout, page_count)

    _check_creep(readers)
    turned = backs_turned(sheet_size, options.duplex)
    sheets = []
    for number, (signature, front, back) in enumerate(readers):
        sheets.append(
            Sheet(
                number=number,
                signature=signature,
                front=_side(layout, sheet_size, cell_size, front, back=False, turn=False),
                back=None
                if back is None
                else _side(layout, sheet_size, cell_size, back, back=True, turn=turned),
            )
        )
    return Plan(
        layout=layout.name,
        sheet_size=sheet_size,
        cell_size=cell_size,
        page_count=page_count,
        blanks_added=sum(p is None for p in sequence),
        sheets=tuple(sheets),
        duplex=options.duplex,
        padding=options.padding,
        backs_turned=turned and any(s.back is not None for s in sheets),
        folded=layout.kind == "saddle",
    )


# Pages moved further than this toward the spine would lose more than the narrowest inner
# margin worth keeping (5 mm: zinekit's own pages keep text at least this far from a fold).
MAX_CREEP = 5 * 72 / 25.4


def _check_creep(readers: list[_ReaderSheet]) -> None:
    deepest = max(
        (cell[3] for _, front, _ in readers for row in front for cell in row), default=0.0
    )
    if deepest > MAX_CREEP:
        raise OptionError(
            say(
                "impose.plan.creep-too-far",
                moved=f"{deepest * 25.4 / 72:.1f}",
                limit=f"{MAX_CREEP * 25.4 / 72:.0f}",
            ),
            hint=say("impose.plan.creep-too-far-hint"),
        )


# A reader-view side: rows top to bottom of (page or None, turned, anchor).
_ReaderCell = tuple[int | None, bool, Anchor, float]  # page, turned, anchor, creep
_ReaderSide = list[list[_ReaderCell]]
_ReaderSheet = tuple[int, _ReaderSide, _ReaderSide | None]


def _saddle(
    layout: Layout, sequence: tuple[int | None, ...], options: Options
) -> list[_ReaderSheet]:
    """Nested folded sheets; with rows > 1 each row is cut off and its stack nested inside.
    `sequence` fills whole sheets."""
    spreads = layout.rows  # spreads per side
    sheet_count = len(sequence) // (4 * spreads)
    size = options.signature_sheets or sheet_count
    sig_sheets = [size] * (sheet_count // size)
    if sheet_count % size:
        sig_sheets.append(sheet_count % size)

    sheets: list[_ReaderSheet] = []
    first_page = 0
    for signature, count in enumerate(sig_sheets):
        leaves = count * spreads
        last = first_page + 4 * leaves - 1
        fronts: list[_ReaderSide] = [[[] for _ in range(spreads)] for _ in range(count)]
        backs: list[_ReaderSide] = [[[] for _ in range(spreads)] for _ in range(count)]
        for leaf in range(leaves):
            # Leaf 0 is the outermost; after cutting, row r's stack nests inside row r-1's.
            sheet, row = leaf % count, leaf // count
            outer, inner = first_page + 2 * leaf, last - 2 * leaf
            # Each leaf nested inside `leaf` others sticks out at the fore-edge by that many
            # paper thicknesses once folded; moving its pages toward the spine evens it out.
            creep = leaf * options.creep
            fronts[sheet][row] = [
                (sequence[inner], False, "right", creep),
                (sequence[outer], False, "left", creep),
            ]
            backs[sheet][row] = [
                (sequence[outer + 1], False, "right", creep),
                (sequence[inner - 1], False, "left", creep),
            ]
        sheets.extend((signature, f, b) for f, b in zip(fronts, backs, strict=True))
        first_page = last + 1
    return sheets


def _one_sheet(layout: Layout, sequence: tuple[int | None, ...]) -> list[_ReaderSheet]:
    """The layout's fixed pictures, picture page i holding the i-th page of `sequence`."""

    def side(picture: tuple[tuple[PictureCell, ...], ...]) -> _ReaderSide:
        return [[(sequence[c.page], c.turned, "center", 0.0) for c in row] for row in picture]

    return [(0, side(layout.front), side(layout.back) if layout.back else None)]


def _repeat(layout: Layout, page_count: int) -> list[_ReaderSheet]:
    """Step and repeat: each page fills every cell of one side; sides pair front and back."""

    def side(page: int) -> _ReaderSide:
        return [[(page, False, "center", 0.0)] * layout.columns for _ in range(layout.rows)]

    sheets: list[_ReaderSheet] = []
    for first in range(0, page_count, layout.sides):
        back = first + 1 if layout.sides == 2 and first + 1 < page_count else None
        sheets.append((0, side(first), None if back is None else side(back)))
    return sheets


def _side(
    layout: Layout,
    sheet_size: tuple[float, float],
    cell_size: tuple[float, float],
    reader: _ReaderSide,
    *,
    back: bool,
    turn: bool,
) -> Side:
    width, height = sheet_size
    cw, ch = cell_size
    cells = []
    for r, row in enumerate(reader):
        for c, (page, turned, anchor, creep) in enumerate(row):
            rect = Rect(c * cw, height - (r + 1) * ch, cw, ch)
            cell = Cell(page, rect, 180 if turned else 0, anchor, creep)
            cells.append(_turn_cell(cell, sheet_size) if turn else cell)
    guides = []
    for g in layout.guides:
        ends = [g.start, g.end]
        if back:  # the reader turned the sheet over around its vertical axis
            ends = [(1 - x, y) for x, y in ends]
        if turn:
            ends = [(1 - x, 1 - y) for x, y in ends]
        guides.append(Line(g.kind, *((x * width, y * height) for x, y in ends)))
    return Side(tuple(cells), tuple(guides), turned=turn)


_OPPOSITE: dict[Anchor, Anchor] = {"left": "right", "right": "left", "center": "center"}


def _turn_cell(cell: Cell, sheet_size: tuple[float, float]) -> Cell:
    r = cell.rect
    return replace(
        cell,
        rect=Rect(sheet_size[0] - r.x - r.width, sheet_size[1] - r.y - r.height, r.width, r.height),
        turn=(cell.turn + 180) % 360,
        anchor=_OPPOSITE[cell.anchor],
    )
