"""Layout + sheet + options -> `PageTarget`: the pages a layout asks for. Pure: no PDF is
opened.

Imposition decides what the pages must be, and typesetting draws pages to match: their
size (the layout's cell, snapped to the standard paper it nearly is), the bleed drawn
around them, which side their spine is on, how many pages a sheet takes, how many the
layout holds at most, and where the blank pages that fill the last sheet go. Typeset takes
the target and never adds a page; the planner (`zinekit.impose.plan`) adds every blank.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from zinekit.i18n import say
from zinekit.impose.layout import Layout
from zinekit.units import paper_size, snap_to_paper

Padding = Literal["before-back", "end"]
# "saddle": pages pair into spreads around a fold, page 1 a right-hand page, so the spine
# is on the left of odd pages and the right of even ones. "none": each page stands alone.
Binding = Literal["saddle", "none"]


@dataclass(frozen=True)
class PageTarget:
    """The pages one layout on one sheet takes, and how the page count is filled up."""

    sheet_size: tuple[float, float]  # points, turned to the layout's orientation
    cell_size: tuple[float, float]  # the room each page has on the sheet
    page_size: tuple[float, float]  # the trimmed page: the cell, snapped to a paper size
    binding: Binding
    # The page count is filled up with blanks to a multiple of this (1: never filled up).
    multiple: int
    capacity: int | None = None  # pages a fixed-sheet layout holds at most; None: no limit
    padding: Padding = "before-back"
    bleed: float = 0.0  # points each page is drawn past its trim on every side

    def padded_count(self, page_count: int) -> int:
        """Pages after blanks fill the last sheet (a fixed layout's sheet is always full)."""
        if self.capacity is not None:
            return max(self.capacity, page_count)
        return math.ceil(page_count / self.multiple) * self.multiple

    def blanks(self, page_count: int) -> int:
        return self.padded_count(page_count) - page_count

    def sequence(self, page_count: int) -> tuple[int | None, ...]:
        """Pages (0-based) in reading order with the blanks (None) where `padding` says.

        Before the back, the last page stays last: the back cover stays on the back. A single
        page is never a back cover: blanks follow it.
        """
        blanks = (None,) * self.blanks(page_count)
        if self.padding == "end" or page_count < 2:
            return (*range(page_count), *blanks)
        return (*range(page_count - 1), *blanks, page_count - 1)


def blanks_where(padding: Padding, page_count: int) -> str:
    """Where `PageTarget.sequence` puts the blanks, in words for the note that says so."""
    if padding == "end":
        return say("impose.blanks-where.end")
    return say(
        "impose.blanks-where.after-only" if page_count < 2 else "impose.blanks-where.before-back"
    )


def oriented(size: tuple[float, float], orientation: str) -> tuple[float, float]:
    short, long = sorted(size)
    return (long, short) if orientation == "landscape" else (short, long)


def page_target(
    layout: Layout,
    sheet: tuple[float, float] | None = None,
    padding: Padding = "before-back",
    *,
    bleed: float = 0.0,
) -> PageTarget:
    """What `layout` on `sheet` (points; None: the layout's own) asks of its pages, with
    blanks where `padding` says. `bleed` is the sheet's: how far the pages at its outer
    edges print past the trim."""
    size = oriented(sheet or paper_size(layout.sheet), layout.orientation)
    cell = (size[0] / layout.columns, size[1] / layout.rows)
    # The page is the paper the cell nearly is (A5 in half an A4), so that the reading copy
    # is a standard size; imposition keeps it against the spine.
    page = snap_to_paper(cell)
    if bleed:
        # A page smaller than its cell (A5 in a 148.5 mm half of A4) leaves the spare paper
        # at the sheet's outer edge, between the page and the bleed: the page's own bleed
        # covers it too, so the sheet's bleed is printed all the way out.
        bleed += max(cell[0] - page[0], cell[1] - page[1], 0.0)
    if layout.kind == "saddle":
        multiple = 4 * layout.rows  # a folded sheet: two sides of `rows` spreads of two pages
    elif layout.kind == "sheet":
        multiple = layout.capacity or layout.pages_per_sheet
    else:
        multiple = 1  # step and repeat: each page has its own side, nothing to fill
    return PageTarget(
        sheet_size=size,
        cell_size=cell,
        page_size=page,
        binding="saddle" if layout.kind == "saddle" else "none",
        multiple=multiple,
        capacity=layout.capacity,
        padding=padding,
        bleed=bleed,
    )
