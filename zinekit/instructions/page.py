"""A layout and its plan -> one PDF page at the sheet's size saying, in words and sketches,
how to print (100%, which duplex flip or how to feed the stack by hand) and how to fold,
cut and staple: the steps come from the layout file's [[steps]]."""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from zinekit.impose.layout import Layout, Step
from zinekit.impose.plan import Plan
from zinekit.instructions import draw, flat, folding, printing
from zinekit.instructions.draw import BOLD, REGULAR, Box
from zinekit.instructions.sketch import Drawing, Sketch
from zinekit.instructions.words import words
from zinekit.units import describe_size

# Every sketch a layout's [[steps]] may name in `draw`, each family listing its own.
STEP_SKETCHES: tuple[str, ...] = (*flat.SKETCHES, *folding.SKETCHES)
# The sketch of each panel by name: the two that open every page (printing), then the steps'.
_SKETCHES: dict[str, Drawing] = {**printing.SKETCHES, **flat.SKETCHES, **folding.SKETCHES}


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

        sketch = Sketch(c, u, layout, plan, text, files)
        panels: list[tuple[str, str]] = [
            ("print", text["print"].format(paper=describe_size(*sorted(plan.sheet_size)))),
            ("duplex", printing.duplex_words(sketch)),
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
            _panel(c, box, n + 1, kind, words_, sketch, u)
        kinds = [k for k in ("fold", "cut") if any(g.kind == k for g in layout.guides)]
        if any(s.draw == "staple" for s in steps):
            kinds.append("staple")
        _legend(c, margin, margin, u, text, kinds)
        c.showPage()
    return c.result  # type: ignore[attr-defined]


def _panel(
    c: Canvas, box: Box, number: int, kind: str, text: str, sketch: Sketch, u: float
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
    bottom = box.y + pad + text_height + 6 * u
    picture = Box(box.x + pad, bottom, inner, box.top - pad - 2 * radius - 2 * u - bottom)
    if picture.width > 0 and picture.height > 0:
        _SKETCHES[kind](sketch, picture)
    draw.paragraph(c, lines, box.x + pad, box.y + pad + text_height, size)


def _legend(
    c: Canvas, x: float, y: float, u: float, text: dict[str, str], kinds: list[str]
) -> None:
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
