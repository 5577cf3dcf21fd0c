"""Printer's marks and bleed around an imposed sheet: pure geometry, no PDF.

The trimmed sheet is the sheet the plan fills (A4 for a booklet on A4). With bleed, pages
at the sheet's outer edges may print past the trim by `bleed`; with marks, the page grows
so crop marks (and fold and cut ticks) sit outside the bleed, never inside the trim.
"""

from __future__ import annotations

from dataclasses import dataclass

from zinekit.errors import OptionError, printable
from zinekit.i18n import say
from zinekit.impose.plan import Line, Rect
from zinekit.units import mm
from zinekit.validation.wording import quote

MARK_NAMES: tuple[str, ...] = ("crop", "fold")
MAX_BLEED = mm(10)
MARK_LENGTH = mm(5)
MARK_OFFSET = mm(3)  # the least gap between the trim and a mark; never less than the bleed
_PAD = mm(1)  # paper beyond the marks' far ends

Point = tuple[float, float]


@dataclass(frozen=True)
class Finish:
    marks: frozenset[str] = frozenset()
    bleed: float = 0.0  # points

    @property
    def offset(self) -> float:
        return max(MARK_OFFSET, self.bleed)

    @property
    def margin(self) -> float:
        """Paper added on every side of the trimmed sheet."""
        if self.marks:
            return self.offset + MARK_LENGTH + _PAD
        return self.bleed


@dataclass(frozen=True)
class Frame:
    """The output page's boxes, in its own coordinates (the trim starts at margin, margin)."""

    media: tuple[float, float]
    trim: tuple[float, float, float, float]
    bleed: tuple[float, float, float, float]
    margin: float


def parse_marks(text: str | None) -> frozenset[str]:
    """ "crop", "fold" or "crop,fold" to a set; an unknown name is an error."""
    if not text:
        return frozenset()
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    for name in names:
        if name not in MARK_NAMES:
            raise OptionError(
                say("impose.marks.unknown", name=quote(printable(name, 60))),
                hint=say(
                    "impose.marks.unknown-hint", names=say("impose.marks.either").join(MARK_NAMES)
                ),
            )
    return frozenset(names)


def check_bleed(bleed: float) -> float:
    if bleed < 0 or bleed > MAX_BLEED:
        raise OptionError(
            say(
                "impose.marks.bleed",
                bleed=f"{bleed * 25.4 / 72:.1f}",
                limit=f"{MAX_BLEED * 25.4 / 72:.0f}",
            ),
            hint=say("impose.marks.bleed-hint"),
        )
    return bleed


def frame(sheet_size: tuple[float, float], finish: Finish) -> Frame:
    width, height = sheet_size
    m, b = finish.margin, finish.bleed
    return Frame(
        media=(width + 2 * m, height + 2 * m),
        trim=(m, m, m + width, m + height),
        bleed=(m - b, m - b, m + width + b, m + height + b),
        margin=m,
    )


def cell_clip(rect: Rect, sheet_size: tuple[float, float], bleed: float) -> Rect:
    """The cell, grown by `bleed` on the edges that are the sheet's outer edges.

    Edges inside the sheet (folds, cuts between cells) get none: the neighbour is there.
    """
    width, height = sheet_size
    near = 0.01
    left = bleed if rect.x <= near else 0.0
    bottom = bleed if rect.y <= near else 0.0
    right = bleed if rect.x + rect.width >= width - near else 0.0
    top = bleed if rect.y + rect.height >= height - near else 0.0
    return Rect(
        rect.x - left, rect.y - bottom, rect.width + left + right, rect.height + bottom + top
    )


def mark_lines(
    sheet_size: tuple[float, float], guides: tuple[Line, ...], finish: Finish
) -> list[tuple[str, Point, Point]]:
    """(kind, start, end) of every mark in trim coordinates; all lie outside the bleed.

    Crop marks extend the trim's edges at each corner; a cut or fold line that reaches the
    sheet's edge gets a tick in line with it beyond that edge.
    """
    width, height = sheet_size
    near, far = finish.offset, finish.offset + MARK_LENGTH
    lines: list[tuple[str, Point, Point]] = []
    if "crop" in finish.marks:
        for x in (0.0, width):
            lines.append(("crop", (x, -far), (x, -near)))
            lines.append(("crop", (x, height + near), (x, height + far)))
        for y in (0.0, height):
            lines.append(("crop", (-far, y), (-near, y)))
            lines.append(("crop", (width + near, y), (width + far, y)))
    wanted = {"cut": "crop", "fold": "fold"}
    for guide in guides:
        if wanted[guide.kind] not in finish.marks:
            continue
        for x, y in (guide.start, guide.end):
            tick = _edge_tick(x, y, width, height, near, far)
            if tick:
                lines.append((guide.kind, *tick))
    return lines


def _edge_tick(
    x: float, y: float, width: float, height: float, near: float, far: float
) -> tuple[Point, Point] | None:
    eps = 0.01
    if abs(y) < eps:
        return (x, -far), (x, -near)
    if abs(y - height) < eps:
        return (x, height + near), (x, height + far)
    if abs(x) < eps:
        return (-far, y), (-near, y)
    if abs(x - width) < eps:
        return (width + near, y), (width + far, y)
    return None
