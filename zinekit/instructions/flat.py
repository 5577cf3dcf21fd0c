"""Sketches of the printed sheet lying flat: its fold and cut lines (`sheet`), and where to
cut with scissors (`cut`); a one-sheet layout shows its page numbers as printed."""

from __future__ import annotations

import math

from zinekit.instructions import draw
from zinekit.instructions.draw import BOLD, Box
from zinekit.instructions.sketch import Drawing, Sketch


def _flat(s: Sketch, box: Box, strong: str) -> Box:
    """The sheet with the layout's guides, `strong` ones (fold or cut) in black; a
    one-sheet layout's page numbers in its cells, turned as printed."""
    c, u = s.c, s.u
    sheet = box.fit(*s.plan.sheet_size, pad=4 * u)
    draw.paper(c, sheet, u)
    if s.layout.kind == "sheet":
        rows = s.layout.front
        cw, ch = sheet.width / s.layout.columns, sheet.height / s.layout.rows
        for r, row in enumerate(rows):
            for col, cell in enumerate(row):
                at = (sheet.x + (col + 0.5) * cw, sheet.top - (r + 0.5) * ch)
                turn = 180 if cell.turned else 0
                draw.label(c, str(cell.page + 1), at, ch * 0.3, BOLD, turn, grey=0.55)
    for guide in sorted(s.layout.guides, key=lambda g: g.kind == strong):
        start = (
            sheet.x + guide.start[0] * sheet.width,
            sheet.y + guide.start[1] * sheet.height,
        )
        end = (sheet.x + guide.end[0] * sheet.width, sheet.y + guide.end[1] * sheet.height)
        draw.line(c, start, end, guide.kind, u, strong=guide.kind == strong)
    return sheet


def sheet(s: Sketch, box: Box) -> None:
    _flat(s, box, "fold")


def cut(s: Sketch, box: Box) -> None:
    flat = _flat(s, Box(box.x, box.y, box.width, box.height), "cut")
    for guide in s.layout.guides:
        if guide.kind != "cut":
            continue
        sx = flat.x + guide.start[0] * flat.width
        sy = flat.y + guide.start[1] * flat.height
        ex = flat.x + guide.end[0] * flat.width
        ey = flat.y + guide.end[1] * flat.height
        size = min(flat.width, flat.height) * 0.3
        if _on_edge(guide.start) or not _on_edge(guide.end):
            # From the sheet's edge, or, for a slit inside the sheet, from its middle (the
            # sheet is folded there to cut it).
            if not _on_edge(guide.start):
                sx, sy = (sx + ex) / 2, (sy + ey) / 2
        else:
            sx, sy, ex, ey = ex, ey, sx, sy
        angle = math.degrees(math.atan2(ey - sy, ex - sx))
        along = min(size * 0.9, math.hypot(ex - sx, ey - sy) * 0.4)
        at = (
            sx + along * math.cos(math.radians(angle)),
            sy + along * math.sin(math.radians(angle)),
        )
        draw.scissors(s.c, at, angle, size)


def _on_edge(point: tuple[float, float]) -> bool:
    return any(abs(v) < 0.001 or abs(v - 1) < 0.001 for v in point)


# The sketches of this family, by the name a layout's [[steps]] give them in `draw`.
SKETCHES: dict[str, Drawing] = {"sheet": sheet, "cut": cut}
