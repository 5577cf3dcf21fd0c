"""What every sketch of the instruction page draws with: the canvas, the unit size, the
layout and its plan, the page's words; and the type of a sketch function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from zinekit.impose.layout import Layout
from zinekit.impose.plan import Plan
from zinekit.instructions.draw import Box


@dataclass(frozen=True)
class Sketch:
    c: Canvas
    u: float  # 1 on an A4 sheet: sketches are sized in A4 points times this
    layout: Layout
    plan: Plan
    text: dict[str, str]  # the instruction page's words, in its language
    files: tuple[str, str] | None  # manual duplex: the fronts and backs files' names

    @property
    def double_sided(self) -> bool:
        return bool(self.plan.backs())


# A sketch draws itself into a box of the page.
Drawing = Callable[[Sketch, Box], None]
