"""A sheet size -> the two-page duplex test sheet of `zinekit calibrate`.

Printed once double-sided with the printer's usual settings, it answers which --duplex the
printer needs. The back is split into two halves: the top one upright, saying "short edge",
the bottom one turned 180°, saying "long edge". A printer that flips a landscape sheet on
its short edge turns it like a book page, so after the reader turns it over the same way
the upright half reads upright; one that flips on the long edge turns it top over bottom,
and the turned half comes out upright instead. Whichever reads upright is the answer, and
it always lands at the top.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from zinekit.instructions import draw
from zinekit.instructions.draw import BOLD, REGULAR, Box
from zinekit.instructions.words import words


def calibration_sheet(sheet_size: tuple[float, float], langs: tuple[str, ...]) -> bytes:
    """The test sheet's PDF: a front and a back of `sheet_size` turned landscape, with the
    words of every language in `langs` ("id", "en"), in that order."""
    short, long = sorted(sheet_size)
    width, height = long, short
    texts = [words(lang)["calibrate"] for lang in langs]
    u = height / 595.0
    with draw.document((width, height), texts[0]["title"], langs[0]) as c:
        _front(c, width, height, u, texts)
        c.showPage()
        half = height / 2
        _half(c, Box(0, half, width, half), u, texts, "short")
        c.saveState()
        # The bottom half, turned 180° about its centre: upright after a long-edge flip.
        c.translate(width / 2, half / 2)
        c.rotate(180)
        c.translate(-width / 2, -half / 2)
        _half(c, Box(0, 0, width, half), u, texts, "long")
        c.restoreState()
        draw.line(c, (20 * u, half), (width - 20 * u, half), "cut", u, strong=False)
        c.showPage()
    return c.result  # type: ignore[attr-defined]


def _front(c: Canvas, width: float, height: float, u: float, texts: list[dict[str, str]]) -> None:
    margin = 30 * u
    top = height - margin
    for n, text in enumerate(texts):
        top = draw.paragraph(c, [text["title"]], margin, top, (17 if n == 0 else 13) * u, BOLD)
        top -= 3 * u
    _corner(c, width - margin, height - margin, u, " / ".join(t["front"] for t in texts))

    notes = [t["no-duplex"] for t in texts] + [t["portrait"] for t in texts]
    note_lines = [draw.wrap(n, REGULAR, 8.5 * u, width - 2 * margin) for n in notes]
    notes_height = sum(len(lines) for lines in note_lines) * 8.5 * u * 1.3 + 4 * u * len(notes)

    area = Box(margin, margin + notes_height + 10 * u, width - 2 * margin, 0)
    area = Box(area.x, area.y, area.width, top - 10 * u - area.y)
    gap = 10 * u
    pw = (area.width - 2 * gap) / 3
    for n, (key, sketch) in enumerate(
        (("step-print", _print), ("step-turn", _turn), ("step-read", _read))
    ):
        box = Box(area.x + n * (pw + gap), area.y, pw, area.height)
        _panel(c, box, n + 1, [t[key] for t in texts], lambda b, s=sketch: s(c, b, u, texts), u)

    y = margin + notes_height
    for lines in note_lines:
        y = draw.paragraph(c, lines, margin, y, 8.5 * u, grey=0.2) - 4 * u


def _panel(c: Canvas, box: Box, number: int, paragraphs: list[str], sketch, u: float) -> None:
    c.setStrokeGray(0.75)
    c.setLineWidth(0.6 * u)
    c.setDash()
    c.roundRect(box.x, box.y, box.width, box.height, 6 * u, stroke=1, fill=0)
    pad, radius = 8 * u, 9 * u
    draw.number(c, (box.x + pad + radius, box.top - pad - radius), str(number), radius)
    size = 9.5 * u
    inner = box.width - 2 * pad
    while True:
        wrapped = [draw.wrap(p, REGULAR, size, inner) for p in paragraphs]
        text_height = sum(len(w) for w in wrapped) * size * 1.3 + 5 * u * (len(wrapped) - 1)
        if text_height <= box.height * 0.5 or size <= 6 * u:
            break
        size -= 0.5 * u
    y = box.y + pad + text_height
    sketch(Box(box.x + pad, y + 6 * u, inner, box.top - pad - 2 * radius - 4 * u - (y + 6 * u)))
    for n, lines in enumerate(wrapped):
        y = draw.paragraph(c, lines, box.x + pad, y, size, grey=0.0 if n == 0 else 0.35) - 5 * u


def _print(c: Canvas, box: Box, u: float, texts) -> None:
    """A sheet printed on both sides: its back behind it, at 100%."""
    sheet = box.fit(1.414 + 0.1, 1.1, pad=6 * u)
    sheet = Box(sheet.x, sheet.y + sheet.height * 0.1, sheet.width / 1.1, sheet.height / 1.1)
    back = Box(sheet.x + sheet.width * 0.1, sheet.y - sheet.height * 0.1, sheet.width, sheet.height)
    draw.paper(c, back, u, grey=0.98)
    draw.label(c, "2", (back.right - back.width * 0.08, back.y + back.height * 0.05), 9 * u, BOLD)
    draw.paper(c, sheet, u)
    draw.label(c, "100%", sheet.centre, min(sheet.height * 0.3, sheet.width * 0.2), BOLD)


def _turn(c: Canvas, box: Box, u: float, texts) -> None:
    """Turned like a book page (around a side edge): yes; like a calendar: no."""
    words_height = 8.5 * u * 1.3 * len(texts)
    below = 10 * u + 12 * u + 8 * u + words_height  # gap, tick, gap, words
    sheet_width = min(box.width / 2 - 30 * u, (box.height - below - 30 * u) * 1.414)
    sheet_height = sheet_width / 1.414
    bottom = box.y + (box.height - sheet_height - below) / 2
    for n, good in enumerate((True, False)):
        centre = box.x + box.width * (0.25 + 0.5 * n)
        sheet = Box(centre - sheet_width / 2, bottom + below, sheet_width, sheet_height)
        draw.paper(c, sheet, u)
        if good:  # hinge on the left edge, the right edge comes over to the left
            draw.line(c, (sheet.x, sheet.y), (sheet.x, sheet.top), "edge", u)
            start = (sheet.right - sheet.width * 0.1, sheet.centre[1])
            end = (sheet.x - sheet.width * 0.12, sheet.centre[1] + sheet.height * 0.05)
            draw.arc_arrow(c, start, end, -sheet.height * 0.55, u)
        else:  # hinge on the top edge, the bottom edge comes over the top
            draw.line(c, (sheet.x, sheet.top), (sheet.right, sheet.top), "edge", u)
            start = (sheet.centre[0], sheet.y + sheet.height * 0.12)
            end = (sheet.centre[0] + sheet.width * 0.05, sheet.top + sheet.height * 0.2)
            draw.arc_arrow(c, start, end, sheet.width * 0.35, u)
        draw.tick(c, (centre, sheet.y - 16 * u), 12 * u, good)
        y = sheet.y - 30 * u - 8.5 * u * 0.5
        for text in texts:
            draw.label(c, text["book" if good else "calendar"], (centre, y), 8.5 * u)
            y -= 8.5 * u * 1.3


def _read(c: Canvas, box: Box, u: float, texts) -> None:
    """The back: one half upright, the other upside down."""
    sheet = box.fit(1.414, 1.0, pad=6 * u)
    draw.paper(c, sheet, u)
    mid = sheet.y + sheet.height / 2
    draw.line(c, (sheet.x, mid), (sheet.right, mid), "cut", u, strong=False)
    size = min(sheet.height * 0.12, sheet.width * 0.08)
    top = (sheet.centre[0], sheet.y + sheet.height * 0.75)
    bottom = (sheet.centre[0], sheet.y + sheet.height * 0.25)
    draw.label(c, "--duplex ...", top, size, BOLD)
    draw.label(c, "--duplex ...", bottom, size, BOLD, turn=180, grey=0.6)
    draw.tick(c, (sheet.x + sheet.width * 0.1, top[1]), size, True)


def _half(c: Canvas, box: Box, u: float, texts: list[dict[str, str]], edge: str) -> None:
    """One half of the back: who it is for (the short- or long-edge printer) and the answer."""
    margin = 30 * u
    _corner(c, box.right - margin, box.top - 20 * u, u, " / ".join(t["back"] for t in texts))
    width = box.width - 2 * margin
    y = box.top - 44 * u
    for n, text in enumerate(texts):
        font = BOLD if n == 0 else REGULAR
        lines = draw.wrap(text[f"if-{edge}"], font, 15 * u, width - 30 * u)
        y = draw.paragraph(c, lines, margin, y, 15 * u, font)
        y -= 5 * u
    answer = 60 * u
    draw.paragraph(c, [f"--duplex {edge}"], margin, y - 4 * u, answer, BOLD)
    y -= answer * 1.3 + 6 * u
    example = " / ".join(t["example"] for t in texts)
    command = f"{example} zinekit impose zine.pdf --layout booklet --duplex {edge}"
    draw.paragraph(c, [command], margin, y, 10 * u, grey=0.3)
    ignore = "  ".join(t["ignore"] for t in texts)
    draw.paragraph(c, [ignore], margin, box.y + 28 * u, 10 * u, grey=0.3)
    # An arrow pointing up this half's top: which way up it is meant to be read.
    x = box.right - margin - 10 * u
    draw.arrow(c, [(x, box.y + 24 * u), (x, box.y + box.height * 0.62)], u)


def _corner(c: Canvas, right: float, top: float, u: float, text: str) -> None:
    """FRONT / BACK, in a box at the top right."""
    size = 10 * u
    width = c.stringWidth(text, BOLD, size) + 12 * u
    c.setStrokeGray(0)
    c.setLineWidth(1 * u)
    c.setDash()
    c.rect(right - width, top - size * 1.9, width, size * 1.9, stroke=1, fill=0)
    c.setFillGray(0)
    c.setFont(BOLD, size)
    c.drawRightString(right - 6 * u, top - size * 1.3, text)
