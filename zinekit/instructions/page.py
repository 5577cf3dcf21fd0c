"""A layout and its plan -> one PDF page at the sheet's size saying, in words and sketches,
how to print (100%, which duplex flip or how to feed the stack by hand) and how to fold,
cut and staple: the steps come from the layout file's [[steps]]."""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from zinekit.impose.layout import Layout, Step
from zinekit.impose.plan import Plan
from zinekit.instructions import draw
from zinekit.instructions.draw import BOLD, REGULAR, Box
from zinekit.instructions.words import words
from zinekit.units import describe_size


def instruction_page(
    layout: Layout,
    plan: Plan,
    lang: str,
    *,
    first: bool,
    files: tuple[str, str] | None = None,
) -> bytes:
    """The instruction page's PDF: one page of `plan.sheet_size`, in `lang` ("id" or "en").

    `first`: the page leads the sheets (on a sheet of its own with a blank back) rather than
    following a single-sided sheet; `files` names the fronts and backs files of manual duplex.
    """
    text = words(lang)["instructions"]
    width, height = plan.sheet_size
    u = min(width, height) / 595.0  # 1 on A4: sizes below are A4 points
    margin = 30 * u
    steps = list(layout.steps) or [Step("sheet", (("en", layout.fold),))]

    with draw.document(plan.sheet_size, text["title"], lang) as c:
        top = height - margin
        top = draw.paragraph(c, [text["title"]], margin, top, 17 * u, BOLD)
        lines = draw.wrap(text["first" if first else "last"], REGULAR, 9 * u, width - 2 * margin)
        top = draw.paragraph(c, lines, margin, top - 4 * u, 9 * u, grey=0.3)

        sketcher = _Sketcher(c, u, layout, plan, text, files)
        panels: list[tuple[str, str]] = [
            ("print", text["print"].format(paper=describe_size(*sorted(plan.sheet_size)))),
            ("duplex", sketcher.duplex_words()),
            *((s.draw, s.text(lang)) for s in steps),
        ]
        legend = 16 * u
        area = Box(margin, margin + legend, width - 2 * margin, top - 10 * u - margin - legend)
        columns = min(len(panels), 3 if width > height else 2)
        rows = math.ceil(len(panels) / columns)
        gap = 10 * u
        pw = (area.width - gap * (columns - 1)) / columns
        ph = (area.height - gap * (rows - 1)) / rows
        for n, (kind, words_) in enumerate(panels):
            row, column = divmod(n, columns)
            box = Box(area.x + column * (pw + gap), area.top - (row + 1) * ph - row * gap, pw, ph)
            _panel(c, box, n + 1, kind, words_, sketcher, u)
        kinds = [k for k in ("fold", "cut") if any(g.kind == k for g in layout.guides)]
        if any(s.draw == "staple" for s in steps):
            kinds.append("staple")
        _legend(c, margin, margin, u, text, kinds)
        c.showPage()
    return c.result  # type: ignore[attr-defined]


def _panel(
    c: Canvas, box: Box, number: int, kind: str, text: str, sketcher: _Sketcher, u: float
) -> None:
    c.setStrokeGray(0.75)
    c.setLineWidth(0.6 * u)
    c.setDash()
    c.roundRect(box.x, box.y, box.width, box.height, 6 * u, stroke=1, fill=0)
    pad = 8 * u
    radius = 9 * u
    draw.number(c, (box.x + pad + radius, box.top - pad - radius), str(number), radius)
    inner = box.width - 2 * pad
    lines, size = draw.fit_text(text, REGULAR, 10 * u, inner, box.height * 0.42 - pad, 6 * u)
    text_height = len(lines) * size * 1.3
    sketch = Box(box.x + pad, box.y + pad + text_height + 6 * u, inner, 0)
    sketch = Box(
        sketch.x,
        sketch.y,
        sketch.width,
        box.top - pad - 2 * radius - 2 * u - sketch.y,
    )
    sketcher.draw(kind, sketch)
    draw.paragraph(c, lines, box.x + pad, box.y + pad + text_height, size)


def _legend(c: Canvas, x: float, y: float, u: float, text: dict, kinds: list[str]) -> None:
    """What the dotted, dashed and staple marks of the sketches mean."""
    size = 8.5 * u
    mid = y + 5 * u
    for kind in kinds:
        if kind == "staple":
            draw.staple(c, (x + 14 * u, mid), 20 * u, False, u)
        else:
            draw.line(c, (x, mid), (x + 28 * u, mid), kind, u)
        c.setFillGray(0)
        c.setFont(REGULAR, size)
        c.drawString(x + 34 * u, mid - size * 0.35, text[kind])
        x += 34 * u + c.stringWidth(text[kind], REGULAR, size) + 22 * u


class _Sketcher:
    """Draws the sketch each panel asks for (a step's `draw`) into a box."""

    def __init__(
        self,
        c: Canvas,
        u: float,
        layout: Layout,
        plan: Plan,
        text: dict[str, str],
        files: tuple[str, str] | None,
    ) -> None:
        self.c, self.u, self.layout, self.plan, self.text = c, u, layout, plan, text
        self.files = files

    @property
    def double_sided(self) -> bool:
        return bool(self.plan.backs())

    def duplex_words(self) -> str:
        if not self.double_sided:
            return self.text["single"]
        if self.plan.duplex == "manual":
            fronts, backs = self.files or (self.text["fronts"], self.text["backs"])
            return self.text["manual"].format(fronts=fronts, backs=backs)
        return f"{self.text[self.plan.duplex]} {self.text['not-sure']}"

    def draw(self, kind: str, box: Box) -> None:
        if box.width <= 0 or box.height <= 0:
            return
        getattr(self, "_" + kind.replace("-", "_"))(box)

    # -- the sheet, flat ---------------------------------------------------------------------

    def _flat(self, box: Box, strong: str) -> Box:
        """The sheet with the layout's guides, `strong` ones (fold or cut) in black; a
        one-sheet layout's page numbers in its cells, turned as printed."""
        c, u = self.c, self.u
        sheet = box.fit(*self.plan.sheet_size, pad=4 * u)
        draw.paper(c, sheet, u)
        if self.layout.kind == "sheet":
            rows = self.layout.front
            cw, ch = sheet.width / self.layout.columns, sheet.height / self.layout.rows
            for r, row in enumerate(rows):
                for col, cell in enumerate(row):
                    at = (sheet.x + (col + 0.5) * cw, sheet.top - (r + 0.5) * ch)
                    turn = 180 if cell.turned else 0
                    draw.label(c, str(cell.page + 1), at, ch * 0.3, BOLD, turn, grey=0.55)
        for guide in sorted(self.layout.guides, key=lambda g: g.kind == strong):
            start = (
                sheet.x + guide.start[0] * sheet.width,
                sheet.y + guide.start[1] * sheet.height,
            )
            end = (sheet.x + guide.end[0] * sheet.width, sheet.y + guide.end[1] * sheet.height)
            draw.line(c, start, end, guide.kind, u, strong=guide.kind == strong)
        return sheet

    def _sheet(self, box: Box) -> None:
        self._flat(box, "fold")

    def _cut(self, box: Box) -> None:
        sheet = self._flat(Box(box.x, box.y, box.width, box.height), "cut")
        for guide in self.layout.guides:
            if guide.kind != "cut":
                continue
            sx = sheet.x + guide.start[0] * sheet.width
            sy = sheet.y + guide.start[1] * sheet.height
            ex = sheet.x + guide.end[0] * sheet.width
            ey = sheet.y + guide.end[1] * sheet.height
            size = min(sheet.width, sheet.height) * 0.3
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
            draw.scissors(self.c, at, angle, size)

    # -- printing -----------------------------------------------------------------------------

    def _print(self, box: Box) -> None:
        c, u = self.c, self.u
        sheet = box.fit(*self.plan.sheet_size, pad=4 * u)
        draw.paper(c, sheet, u)
        size = min(sheet.height * 0.32, sheet.width * 0.2)
        draw.label(c, "100%", sheet.centre, size, BOLD)

    def _duplex(self, box: Box) -> None:
        if not self.double_sided:
            self._single(box)
        elif self.plan.duplex == "manual":
            self._manual(box)
        else:
            self._flip(box)

    def _single(self, box: Box) -> None:
        """The printed side, and the back left blank (crossed out)."""
        c, u = self.c, self.u
        w, h = self.plan.sheet_size
        pair = box.fit(2 * w + w * 0.15, h, pad=4 * u)
        front = Box(pair.x, pair.y, pair.width / 2.15, pair.height)
        back = Box(pair.right - front.width, pair.y, front.width, front.height)
        draw.paper(c, front, u)
        draw.label(c, "1", front.centre, min(front.width, front.height) * 0.4, BOLD, grey=0.55)
        draw.paper(c, back, u, grey=1)
        draw.tick(c, back.centre, min(back.width, back.height) * 0.45, good=False)

    def _flip(self, box: Box) -> None:
        """The sheet and its back, hinged on the edge the printer flips it around."""
        c, u = self.c, self.u
        w, h = self.plan.sheet_size
        long_edge_horizontal = w >= h
        horizontal = long_edge_horizontal == (self.plan.duplex == "long")
        label_room = 14 * u
        name = self.text["long-edge" if self.plan.duplex == "long" else "short-edge"]
        name_size = 8.5 * u
        if horizontal:  # the back opens above the front, hinged on the top edge
            # Room on both sides for the edge's name beside the hinge, keeping it centred.
            side = c.stringWidth(name, BOLD, name_size) + 8 * u
            pair = Box(box.x + side, box.y, box.width - 2 * side, box.height).fit(
                w, 2 * h, pad=2 * u
            )
            front = Box(pair.x, pair.y, pair.width, pair.height / 2)
            back = Box(pair.x, front.top, pair.width, pair.height / 2)
            hinge = ((front.x, front.top), (front.right, front.top))
        else:  # the back opens to the right, hinged on the right edge
            pair = Box(box.x, box.y + label_room, box.width, box.height - label_room).fit(
                2 * w, h, pad=2 * u
            )
            front = Box(pair.x, pair.y, pair.width / 2, pair.height)
            back = Box(front.right, pair.y, pair.width / 2, pair.height)
            hinge = ((front.right, front.y), (front.right, front.top))
        draw.paper(c, front, u)
        draw.paper(c, back, u, grey=0.98)
        draw.label(c, "1", front.centre, min(front.width, front.height) * 0.4, BOLD, grey=0.55)
        draw.label(c, "2", back.centre, min(back.width, back.height) * 0.4, BOLD, grey=0.7)
        draw.line(c, *hinge, "edge", u)
        bulge = min(front.width, front.height) * 0.25
        draw.arc_arrow(
            c,
            (front.centre[0] + front.width * 0.22, front.centre[1] + front.height * 0.05),
            (back.centre[0] + back.width * 0.22, back.centre[1] - back.height * 0.05)
            if horizontal
            else (back.centre[0] - back.width * 0.05, back.centre[1] + back.height * 0.22),
            -bulge if horizontal else bulge,
            u,
        )
        if horizontal:  # beside the hinge, to its right
            c.setFillGray(0)
            c.setFont(BOLD, name_size)
            c.drawString(front.right + 5 * u, front.top - name_size * 0.35, name)
        else:
            draw.label(c, name, (front.right, pair.y - 7 * u), name_size, BOLD)

    def _manual(self, box: Box) -> None:
        """Fronts printed, the stack back in the tray as it came out, backs printed."""
        c, u = self.c, self.u
        w, h = self.plan.sheet_size
        room = 14 * u
        half = Box(box.x, box.y + room, box.width * 0.4, box.height - room)
        for n, part in enumerate(
            (half, Box(box.right - half.width, half.y, half.width, half.height))
        ):
            sheet = part.fit(w, h, pad=8 * u)
            for k in (2, 1, 0):  # a stack: sheets behind, offset
                shifted = Box(sheet.x + k * 3 * u, sheet.y + k * 3 * u, sheet.width, sheet.height)
                draw.paper(c, shifted, u, grey=draw.PAPER_GREY if k == 0 else 0.98)
            draw.label(c, str(n + 1), sheet.centre, min(sheet.width, sheet.height) * 0.45, BOLD)
            name = self.text["fronts" if n == 0 else "backs"]
            draw.label(c, name, (sheet.centre[0], sheet.y - 8 * u), 8.5 * u, BOLD)
            mid_y = sheet.centre[1]
        gap = Box(half.right, mid_y, box.width - 2 * half.width, 0)
        draw.arc_arrow(c, (gap.x + 4 * u, mid_y), (gap.right - 4 * u, mid_y), gap.width * 0.35, u)

    # -- folding, nesting, stapling -----------------------------------------------------------

    def _fold(self, box: Box) -> None:
        """A sheet folding in half: its right half lifts over onto the left half."""
        c, u = self.c, self.u
        cw, ch = self.plan.cell_size
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

    def _nest(self, box: Box) -> None:
        """Folded sheets seen from their foot: V shapes inside one another, numbered in
        printing order, the first outside."""
        mark = lambda n, at: draw.label(self.c, str(n + 1), at, 10 * self.u, BOLD)  # noqa: E731
        self._vees(box, 3, 13 * self.u, mark)

    def _nest_halves(self, box: Box) -> None:
        """Top halves outside, bottom halves inside: each V marked with a small sheet whose
        top or bottom half is dark."""
        c, u = self.c, self.u

        def half(n: int, at: tuple[float, float]) -> None:
            icon = Box(at[0] - 8 * u, at[1] - 10 * u, 16 * u, 20 * u).fit(*self.plan.sheet_size)
            draw.paper(c, icon, 0.7 * u, grey=1)
            c.setFillGray(0.3)
            y = icon.y + icon.height / 2 if n == 0 else icon.y
            c.rect(icon.x, y, icon.width, icon.height / 2, stroke=0, fill=1)

        self._vees(box, 2, 24 * u, half)

    def _vees(self, box: Box, count: int, step: float, mark) -> None:
        """`count` folded sheets nested like parallel Vs, the fold on the left; `mark` labels
        each at the end of its upper leaf, `step` apart."""
        c, u = self.c, self.u
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

    def _staple(self, box: Box) -> None:
        """The closed booklet opened flat, outside up: back cover, fold, cover; two staples."""
        c, u = self.c, self.u
        cw, ch = self.plan.cell_size
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

    def _diamond(self, box: Box) -> None:
        """Folded lengthwise, ends pushed in: the cut opens into a diamond."""
        c, u = self.c, self.u
        w, h = self.plan.sheet_size
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

    def _cover(self, box: Box) -> None:
        """The finished booklet, page 1 on top, pages behind it."""
        c, u = self.c, self.u
        cw, ch = self.plan.cell_size
        book = box.fit(cw, ch, pad=10 * u)
        for k in (3, 2, 1):
            behind = Box(book.x + k * 2.5 * u, book.y - k * 2.5 * u, book.width, book.height)
            draw.paper(c, behind, u, grey=0.98)
        draw.paper(c, book, u)
        draw.label(c, "1", book.centre, min(book.width, book.height) * 0.45, BOLD)


def _on_edge(point: tuple[float, float]) -> bool:
    return any(abs(v) < 0.001 or abs(v - 1) < 0.001 for v in point)
