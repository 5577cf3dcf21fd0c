"""Drawing on paper with reportlab, grey only: shapes instead of symbol glyphs a font may lack
(arrows, scissors, staples, dotted folds, dashed cuts) and wrapped text in the embedded
Noto Sans. Every colour is set with setFillGray/setStrokeGray (DeviceGray), never RGB."""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from zinekit.data import data_dir

REGULAR, BOLD = "ZinekitPrintSans", "ZinekitPrintSans-Bold"
PAPER_GREY = 0.93  # a sketched sheet of paper, just darker than the page
LINE_GREY = 0.6  # lines that are not the point of a sketch

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def centre(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def fit(self, width: float, height: float, pad: float = 0.0) -> Box:
        """The largest box of `width`:`height` proportions centred inside this one."""
        scale = min((self.width - 2 * pad) / width, (self.height - 2 * pad) / height)
        w, h = width * scale, height * scale
        return Box(self.x + (self.width - w) / 2, self.y + (self.height - h) / 2, w, h)


@functools.cache
def register_fonts() -> None:
    """Noto Sans (OFL, in assets/fonts) under names of zinekit's own, embedded as subsets."""
    folder = data_dir("assets") / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "NotoSans-Bold.ttf")))


@contextmanager
def document(size: tuple[float, float], title: str, lang: str) -> Iterator[canvas.Canvas]:
    """A reportlab canvas of `size` pages, deterministic output; its PDF bytes land in the
    returned canvas's `.result` once the block ends."""
    register_fonts()
    buffer = io.BytesIO()
    # The initial font is ours too: reportlab's default would be an unembedded Helvetica.
    c = canvas.Canvas(
        buffer,
        pagesize=size,
        invariant=1,
        pageCompression=1,
        lang=lang,
        initialFontName=REGULAR,  # type: ignore[arg-type]  # types-reportlab says float
        initialFontSize=10,
    )
    c.setTitle(title)
    c.setCreator("zinekit")
    yield c
    c.save()
    c.result = buffer.getvalue()  # type: ignore[attr-defined]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return simpleSplit(text, font, size, width)


def fit_text(
    text: str, font: str, size: float, width: float, height: float, least: float = 5.0
) -> tuple[list[str], float]:
    """The lines of `text` at the largest size up to `size` whose lines fit `height`."""
    while True:
        lines = wrap(text, font, size, width)
        if len(lines) * size * 1.3 <= height or size <= least:
            return lines, size
        size = max(least, size - 0.5)


def paragraph(
    c: canvas.Canvas,
    lines: list[str],
    x: float,
    top: float,
    size: float,
    font: str = REGULAR,
    grey: float = 0.0,
    centred: bool = False,
) -> float:
    """Draw `lines` from `top` down; return the y below the last one."""
    c.setFillGray(grey)
    c.setFont(font, size)
    y = top - size
    for line in lines:
        if centred:
            c.drawCentredString(x, y, line)
        else:
            c.drawString(x, y, line)
        y -= size * 1.3
    return y + size * 1.3 - size * 0.3


def paper(c: canvas.Canvas, box: Box, u: float, grey: float = PAPER_GREY) -> None:
    """A sheet of paper: light grey with a black edge."""
    c.setFillGray(grey)
    c.setStrokeGray(0)
    c.setLineWidth(0.9 * u)
    c.setDash()
    c.rect(box.x, box.y, box.width, box.height, stroke=1, fill=1)


def line(
    c: canvas.Canvas, start: Point, end: Point, kind: str, u: float, strong: bool = True
) -> None:
    """A fold (dotted), cut (dashed) or edge (solid) line; `strong` ones are black."""
    c.saveState()
    c.setStrokeGray(0 if strong else LINE_GREY)
    if kind == "fold":
        c.setLineCap(1)
        c.setLineWidth((2.0 if strong else 1.2) * u)
        c.setDash([0, 3.6 * u])
    elif kind == "cut":
        c.setLineCap(0)
        c.setLineWidth((1.4 if strong else 0.8) * u)
        c.setDash([5 * u, 3 * u])
    else:
        c.setLineWidth((2.6 if strong else 0.9) * u)
    c.line(*start, *end)
    c.restoreState()


def arrow(c: canvas.Canvas, points: list[Point], u: float, grey: float = 0.0) -> None:
    """An arrow along a straight line (two points) or a cubic curve (four), head at the end."""
    end, before = points[-1], points[-2]
    angle = math.atan2(end[1] - before[1], end[0] - before[0])
    head = 7 * u
    # The shaft stops inside the head, so its square end never shows beside the tip.
    stop = (end[0] - 0.6 * head * math.cos(angle), end[1] - 0.6 * head * math.sin(angle))
    c.saveState()
    c.setStrokeGray(grey)
    c.setFillGray(grey)
    c.setLineWidth(1.5 * u)
    c.setDash()
    path = c.beginPath()
    path.moveTo(*points[0])
    if len(points) == 4:
        path.curveTo(*points[1], *points[2], *stop)
    else:
        path.lineTo(*stop)
    c.drawPath(path, stroke=1, fill=0)
    tip = c.beginPath()
    tip.moveTo(*end)
    for side in (1, -1):
        a = angle + math.pi + side * 0.42
        tip.lineTo(end[0] + head * math.cos(a), end[1] + head * math.sin(a))
    tip.close()
    c.drawPath(tip, stroke=0, fill=1)
    c.restoreState()


def arc_arrow(c: canvas.Canvas, start: Point, end: Point, bulge: float, u: float) -> None:
    """A curved arrow from `start` to `end`, bowed `bulge` to the left of its direction."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * bulge, dx / length * bulge
    arrow(
        c,
        [
            start,
            (start[0] + dx * 0.2 + nx, start[1] + dy * 0.2 + ny),
            (start[0] + dx * 0.8 + nx, start[1] + dy * 0.8 + ny),
            end,
        ],
        u,
    )


def scissors(c: canvas.Canvas, at: Point, angle: float, size: float) -> None:
    """Open scissors with their pivot near `at`, blades pointing along `angle` (degrees)."""
    c.saveState()
    c.translate(*at)
    c.rotate(angle)
    c.translate(-0.65 * size, 0)
    c.setStrokeGray(0)
    c.setFillGray(1)
    c.setDash()
    c.setLineCap(1)
    c.setLineWidth(0.07 * size)
    for side in (1, -1):
        c.line(0.12 * size, side * 0.16 * size, 1.0 * size, -side * 0.11 * size)
        c.circle(-0.02 * size, side * 0.22 * size, 0.12 * size, stroke=1, fill=1)
    c.setFillGray(0)
    c.circle(0.65 * size, 0, 0.035 * size, stroke=0, fill=1)
    c.restoreState()


def staple(c: canvas.Canvas, centre: Point, length: float, vertical: bool, u: float) -> None:
    """A staple seen from outside: a black bar along the fold."""
    thick = 2.6 * u
    w, h = (thick, length) if vertical else (length, thick)
    c.saveState()
    c.setFillGray(0)
    c.roundRect(centre[0] - w / 2, centre[1] - h / 2, w, h, thick / 2, stroke=0, fill=1)
    c.restoreState()


def tick(c: canvas.Canvas, centre: Point, size: float, good: bool) -> None:
    """A check mark, or a cross for what not to do."""
    x, y = centre
    s = size / 2
    c.saveState()
    c.setStrokeGray(0)
    c.setLineWidth(size * 0.16)
    c.setLineCap(1)
    c.setLineJoin(1)
    c.setDash()
    path = c.beginPath()
    if good:
        path.moveTo(x - s, y)
        path.lineTo(x - s * 0.3, y - s * 0.7)
        path.lineTo(x + s, y + s * 0.8)
    else:
        path.moveTo(x - s, y - s)
        path.lineTo(x + s, y + s)
        path.moveTo(x - s, y + s)
        path.lineTo(x + s, y - s)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


def number(c: canvas.Canvas, centre: Point, text: str, radius: float) -> None:
    """A step number, white in a black disc."""
    c.saveState()
    c.setFillGray(0)
    c.circle(*centre, radius, stroke=0, fill=1)
    c.setFillGray(1)
    c.setFont(BOLD, radius * 1.15)
    c.drawCentredString(centre[0], centre[1] - radius * 0.4, text)
    c.restoreState()


def label(
    c: canvas.Canvas,
    text: str,
    at: Point,
    size: float,
    font: str = REGULAR,
    turn: float = 0,
    grey: float = 0.0,
) -> None:
    """One line of text centred on `at`, turned `turn` degrees counterclockwise."""
    c.saveState()
    c.translate(*at)
    c.rotate(turn)
    c.setFillGray(grey)
    c.setFont(font, size)
    c.drawCentredString(0, -size * 0.35, text)
    c.restoreState()
