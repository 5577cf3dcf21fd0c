"""Sketches of putting the printed sheets together: folding one in half (`fold`), nesting
folded sheets (`nest`, and `nest-halves` for a cut stack's halves), stapling on the fold
(`staple`), pushing a mini-zine's ends together (`diamond`), the finished booklet
(`cover`)."""

from __future__ import annotations

from collections.abc import Callable

from zinekit.instructions import draw
from zinekit.instructions.draw import BOLD, Box, Point
from zinekit.instructions.sketch import Drawing, Sketch


def fold(s: Sketch, box: Box) -> None:
    """A sheet folding in half: its right half lifts over onto the left half."""
    c, u = s.c, s.u
    cw, ch = s.plan.cell_size
    area = box.fit(2 * cw, ch * 1.5, pad=2 * u)
    scale = area.width / (2 * cw)
    pw, ph = cw * scale, ch * scale
    left = Box(area.x, area.y + ph * 0.1, pw, ph)
    fold_x = left.right
    # Where the right half lay flat, and the right half lifted mid-turn.
    c.saveState()
    c.setStrokeGray(draw.LINE_GREY)
    c.setLineWidth(0.8 * u)
    c.setDash([2 * u, 2 * u])
    c.rect(fold_x, left.y, pw, ph, stroke=1, fill=0)
    c.restoreState()
    draw.paper(c, left, u)
    lift = ph * 0.16
    c.saveState()
    c.setFillGray(0.98)
    c.setStrokeGray(0)
    c.setLineWidth(0.9 * u)
    path = c.beginPath()
    path.moveTo(fold_x, left.y)
    path.lineTo(fold_x + pw * 0.45, left.y + lift)
    path.lineTo(fold_x + pw * 0.45, left.top + lift)
    path.lineTo(fold_x, left.top)
    path.close()
    c.drawPath(path, stroke=1, fill=1)
    c.restoreState()
    draw.line(c, (fold_x, left.y), (fold_x, left.top), "fold", u)
    draw.arc_arrow(
        c,
        (fold_x + pw * 0.75, left.top + lift * 0.4),
        (left.x + pw * 0.3, left.top + lift * 0.4),
        ph * 0.28,
        u,
    )


def nest(s: Sketch, box: Box) -> None:
    """Folded sheets seen from their foot: V shapes inside one another, numbered in
    printing order, the first outside."""

    def mark(n: int, at: Point) -> None:
        draw.label(s.c, str(n + 1), at, 10 * s.u, BOLD)

    _vees(s, box, 3, 13 * s.u, mark)


def nest_halves(s: Sketch, box: Box) -> None:
    """Top halves outside, bottom halves inside: each V marked with a small sheet whose
    top or bottom half is dark."""
    c, u = s.c, s.u

    def half(n: int, at: Point) -> None:
        icon = Box(at[0] - 8 * u, at[1] - 10 * u, 16 * u, 20 * u).fit(*s.plan.sheet_size)
        draw.paper(c, icon, 0.7 * u, grey=1)
        c.setFillGray(0.3)
        y = icon.y + icon.height / 2 if n == 0 else icon.y
        c.rect(icon.x, y, icon.width, icon.height / 2, stroke=0, fill=1)

    _vees(s, box, 2, 24 * u, half)


def _vees(s: Sketch, box: Box, count: int, step: float, mark: Callable[[int, Point], None]) -> None:
    """`count` folded sheets nested like parallel Vs, the fold on the left; `mark` labels
    each at the end of its upper leaf, `step` apart."""
    c, u = s.c, s.u
    area = box.fit(1.5, 1.0, pad=4 * u)
    mid = area.centre[1]
    spine = area.x + area.width * 0.05
    ends = area.x + area.width * 0.8
    slope = area.height * 0.45 / (ends - spine)
    c.saveState()
    c.setStrokeGray(0)
    c.setLineWidth(1.4 * u)
    c.setLineJoin(1)
    for n in range(count):
        apex = spine + n * step / slope
        spread = (ends - apex) * slope
        path = c.beginPath()
        path.moveTo(ends, mid + spread)
        path.lineTo(apex, mid)
        path.lineTo(ends, mid - spread)
        c.drawPath(path, stroke=1, fill=0)
        mark(n, (ends + 10 * u, mid + spread))
    c.restoreState()
    inner = spine + (count - 1) * step / slope
    draw.arrow(c, [(area.right, mid), (inner + (ends - inner) * 0.3, mid)], u)


def staple(s: Sketch, box: Box) -> None:
    """The closed booklet opened flat, outside up: back cover, fold, cover; two staples."""
    c, u = s.c, s.u
    cw, ch = s.plan.cell_size
    spread = box.fit(2 * cw, ch, pad=4 * u)
    left = Box(spread.x, spread.y, spread.width / 2, spread.height)
    right = Box(left.right, spread.y, spread.width / 2, spread.height)
    draw.paper(c, left, u)
    draw.paper(c, right, u)
    draw.label(c, "1", right.centre, min(right.width, right.height) * 0.4, BOLD, grey=0.55)
    draw.line(c, (left.right, spread.y), (left.right, spread.top), "fold", u)
    for at in (0.25, 0.75):
        y = spread.y + spread.height * at
        draw.staple(c, (left.right, y), spread.height * 0.14, True, u)


def diamond(s: Sketch, box: Box) -> None:
    """Folded lengthwise, ends pushed in: the cut opens into a diamond."""
    c, u = s.c, s.u
    w, h = s.plan.sheet_size
    room = 22 * u
    strip = Box(box.x + room, box.y, box.width - 2 * room, box.height).fit(w, h / 2, pad=4 * u)
    draw.paper(c, strip, u)
    cx, cy = strip.centre
    dx, dy = strip.width * 0.22, strip.height * 0.32
    c.saveState()
    c.setFillGray(1)
    c.setStrokeGray(0)
    c.setLineWidth(1.2 * u)
    path = c.beginPath()
    path.moveTo(cx - dx, cy)
    path.lineTo(cx, cy + dy)
    path.lineTo(cx + dx, cy)
    path.lineTo(cx, cy - dy)
    path.close()
    c.drawPath(path, stroke=1, fill=1)
    c.restoreState()
    for side in (-1, 1):
        x = strip.x - 2 * u if side < 0 else strip.right + 2 * u
        draw.arrow(c, [(x + side * room, cy), (x, cy)], u)


def cover(s: Sketch, box: Box) -> None:
    """The finished booklet, page 1 on top, pages behind it."""
    c, u = s.c, s.u
    cw, ch = s.plan.cell_size
    book = box.fit(cw, ch, pad=10 * u)
    for k in (3, 2, 1):
        behind = Box(book.x + k * 2.5 * u, book.y - k * 2.5 * u, book.width, book.height)
        draw.paper(c, behind, u, grey=0.98)
    draw.paper(c, book, u)
    draw.label(c, "1", book.centre, min(book.width, book.height) * 0.45, BOLD)


# The sketches of this family, by the name a layout's [[steps]] give them in `draw`.
SKETCHES: dict[str, Drawing] = {
    "fold": fold,
    "nest": nest,
    "nest-halves": nest_halves,
    "staple": staple,
    "diamond": diamond,
    "cover": cover,
}
