"""Margins, text frame and default type size, all derived from the page size so that the
same content sets well on an A5 booklet page and on an A7 mini-zine panel.

Page 1 (the cover) is a right-hand page: with a saddle binding the spine is on the left of
odd pages and on the right of even pages, and that inner margin is wider, clear of staples.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from zinekit.units import mm

# Nothing is printed closer than this to a trimmed or folded edge: trimming and folding
# drift by a millimetre or two, and photocopiers do not print to the edge.
SAFE_EDGE = mm(5)

# Body size at two reference widths (the page's short side): about 10.5 pt on A5,
# 7.75 pt on an A7 panel; straight between them, clamped outside.
_SIZE_AT = ((mm(74.25), 7.75), (mm(148), 10.5))
_LARGEST_SIZE = 12.0
# The smallest body size zinekit sets, also when shrinking to fit: below it a photocopied
# page is hard to read.
MIN_FONT_SIZE = 7.0


def default_font_size(page_size: tuple[float, float]) -> float:
    """The body type size, in points, for pages of this size (rounded to 0.25 pt)."""
    (w0, s0), (w1, s1) = _SIZE_AT
    short = min(page_size)
    size = s0 + (short - w0) * (s1 - s0) / (w1 - w0)
    size = min(max(size, MIN_FONT_SIZE), _LARGEST_SIZE)
    return round(size * 4) / 4


@dataclass(frozen=True)
class Geometry:
    """Where text goes on a page, in points from the bottom left."""

    width: float
    height: float
    top: float
    bottom: float
    outer: float
    inner: float
    folio_y: float  # baseline of the page number
    # Paper printed beyond each trimmed edge (--bleed); the page's coordinates stay the
    # trimmed page's, from its bottom left corner.
    bleed: float = 0.0
    # Blocks set in columns (`columns: 2`) measure one column: `frame_width` is a column's
    # width, `gap` apart; the page's text frame is `page_frame_width` wide.
    columns: int = 1
    gap: float = 0.0

    @property
    def page_frame_width(self) -> float:
        return self.width - self.inner - self.outer

    @property
    def frame_width(self) -> float:
        """The width blocks are set to: the text frame's, or one column's."""
        whole = self.page_frame_width
        return (whole - (self.columns - 1) * self.gap) / self.columns

    def in_columns(self, columns: int, gap: float) -> Geometry:
        """The same page with blocks set in `columns` columns `gap` apart."""
        return replace(self, columns=columns, gap=gap if columns > 1 else 0.0)

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom

    def frame_x(self, page: int) -> float:
        """Left edge of the text on 1-based page `page` (odd pages are right-hand pages)."""
        return self.inner if page % 2 else self.outer

    def folio_x(self, page: int, centred: bool) -> float:
        """Where the page number sits: the outer corner of a bound page, else the middle."""
        if centred:
            return self.frame_x(page) + self.page_frame_width / 2
        return self.frame_x(page) + (self.page_frame_width if page % 2 else 0)


def page_geometry(
    page_size: tuple[float, float],
    *,
    saddle: bool,
    folio_size: float | None,
    bleed: float = 0.0,
) -> Geometry:
    """Margins for this page size; `folio_size` (the page number's type size) when page
    numbers are printed, so the text stops above them. The bleed changes no margin."""
    width, height = page_size
    short = min(width, height)
    margin = max(SAFE_EDGE, 0.075 * short)
    # Staples and the creep of nested sheets eat into the spine side.
    inner = margin + max(mm(2), 0.03 * short) if saddle else margin
    bottom = margin
    # Round figures dip a little below the baseline.
    folio_y = max(SAFE_EDGE + mm(0.5), 0.7 * margin)
    if folio_size is not None:
        bottom = max(margin, folio_y + folio_size * 1.8)
    return Geometry(width, height, margin, bottom, margin, inner, folio_y, bleed)
