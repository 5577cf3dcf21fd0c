"""Rules and ornaments a theme draws (under headings, on covers): shapes, not characters a
font may lack, in black ink only. `line` is a plain rule, `dotted` a row of round dots,
`bar` a heavy bar, `rough` a hand-drawn line: a polyline whose points wander a little up
and down, seeded from the text it belongs to, so a rebuild draws exactly the same line."""

from __future__ import annotations

import hashlib
import random

from reportlab.platypus import Flowable

from zinekit.themes.model import Rule
from zinekit.typeset.styles import BLACK


class RuleLine(Flowable):
    """A theme's rule across `rule.width` of the column, `space` above and below it."""

    def __init__(self, rule: Rule, *, seed: str, space: float, keep_with_next: bool) -> None:
        super().__init__()
        self.rule, self.seed = rule, seed
        self.spaceBefore = space * 0.3
        self.spaceAfter = space
        self.keepWithNext = int(keep_with_next)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW * self.rule.width
        return self.width, self._height()

    def _height(self) -> float:
        # A rough line wanders by up to its own weight on each side.
        return self.rule.weight * (3 if self.rule.style == "rough" else 1)

    def draw(self) -> None:
        draw_rule(self.canv, self.rule, 0, self._height() / 2, self.width, seed=self.seed)


def draw_rule(canv: object, rule: Rule, x: float, y: float, width: float, *, seed: str) -> None:
    """Draw `rule` from (x, y) to (x + width, y), its weight centred on y."""
    from reportlab.pdfgen.canvas import Canvas

    assert isinstance(canv, Canvas)
    weight = rule.weight
    canv.saveState()
    canv.setStrokeColor(BLACK)
    canv.setFillColor(BLACK)
    if rule.style == "bar":
        canv.rect(x, y - weight / 2, width, weight, stroke=0, fill=1)
    elif rule.style == "line":
        canv.setLineWidth(weight)
        canv.line(x, y, x + width, y)
    elif rule.style == "dotted":
        # Round dots two weights apart; a photocopier keeps dots, not hairline dashes.
        step = weight * 2.5
        count = max(1, int(width // step))
        for i in range(count + 1):
            canv.circle(x + i * width / count, y, weight / 2, stroke=0, fill=1)
    elif rule.style == "rough":
        chance = random.Random(hashlib.sha1(seed.encode()).digest())
        canv.setLineWidth(weight)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        path = canv.beginPath()
        step = max(weight * 4, 3.0)
        count = max(2, int(width // step))
        path.moveTo(x, y + chance.uniform(-0.6, 0.6) * weight)
        for i in range(1, count + 1):
            path.lineTo(x + i * width / count, y + chance.uniform(-1, 1) * weight * 0.7)
        canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()
