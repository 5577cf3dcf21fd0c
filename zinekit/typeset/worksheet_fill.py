"""Worksheet shapes that may fill to the foot of a page: ruled lines to write on
(`WriteIn`), a bordered box (`Box`) and a grid to fill in (`Grid`).

Lines and rows that fill the rest of the page (`lines: fill`) ask for their least height
when reportlab only measures them (to keep a heading with them) and take what is left when
they are placed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from zinekit.typeset.styles import GREY, RULE_GREY
from zinekit.typeset.worksheet import (
    MEASURING,
    RULE_WIDTH,
    SHAPE_WIDTH,
    Field,
    Shape,
    lines_fitting,
    text_field,
)
from zinekit.units import mm


class WriteIn(Shape):
    """A prompt and ruled lines to write on by hand: `lines` of them, or (None) as many as
    fill the rest of the page. A prompt and its lines stay together: they move to the next
    page whole unless they are taller than a page (`page_height`); then they split between
    lines, the prompt with at least two and the rest with at least two."""

    def __init__(
        self,
        prompt: Paragraph | None,
        lines: int | None,
        pitch: float,
        *,
        page_height: float,
        field: Field | None = None,
        part: int = 1,
    ) -> None:
        super().__init__()
        self.prompt, self.lines, self.pitch = prompt, lines, pitch
        self.page_height, self.field, self.part = page_height, field, part
        self._prompt_h = 0.0
        self._count = lines or 0

    @property
    def fills(self) -> bool:
        return self.lines is None

    @property
    def least(self) -> int:
        """Lines that must come with the prompt on its page."""
        if not self.prompt:
            return 1
        return 2 if self.fills else min(self.lines or 0, 2)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self._prompt_h = self.prompt.wrap(aW, aH)[1] if self.prompt else 0.0
        takes_rest = False
        self._count = self.lines or 0
        if self.fills:
            # Measured in a group, or too little room left: ask for the least; the frame
            # then moves the lines on to the next page. Else take all the room there is:
            # nothing else goes under lines that fill the page.
            fit = lines_fitting(aH - self._prompt_h, self.pitch)
            takes_rest = aH < MEASURING and fit >= self.least
            self._count = fit if takes_rest else self.least
        self.height = aH if takes_rest else self._prompt_h + self._count * self.pitch
        return aW, self.height + self.claimed(aH)

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return self.prompt.getSpaceBefore() if self.prompt else 0.0

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self.fills:
            return []  # wrap took all the room there was; not enough here
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []  # the next page holds it whole
        total = self.lines or 0
        fit = min(lines_fitting(aH - self._prompt_h, self.pitch), total - 2)
        if fit < self.least:
            return []
        rest = self.field and Field(
            _part_name(self.field.name, self.part + 1), self.field.tooltip, self.field.font_size
        )
        first = WriteIn(
            self.prompt,
            fit,
            self.pitch,
            page_height=self.page_height,
            field=self.field,
            part=self.part,
        )
        more = WriteIn(
            None,
            total - fit,
            self.pitch,
            page_height=self.page_height,
            field=rest,
            part=self.part + 1,
        )
        first.spaceAfter, more.spaceAfter = 0, getattr(self, "spaceAfter", 0)
        return [first, more]

    def draw(self) -> None:
        canv = self.canv
        if self.prompt:
            self.prompt.drawOn(canv, 0, self.height - self._prompt_h)
        lines_top = self.height - self._prompt_h
        canv.saveState()
        canv.setStrokeColor(RULE_GREY)
        canv.setLineWidth(RULE_WIDTH)
        for i in range(1, self._count + 1):
            y = lines_top - i * self.pitch
            canv.line(0, y, self.width, y)
        canv.restoreState()
        if self.field and self._count:
            bottom = lines_top - self._count * self.pitch
            text_field(canv, self.field, 0, bottom, self.width, lines_top - bottom, multiline=True)


def _part_name(name: str, part: int) -> str:
    """The field of a write-in's lines continued on another page: "...-p2"."""
    base = re.sub(r"-p\d+$", "", name) if part > 2 else name
    return f"{base}-p{part}"


class Box(Shape):
    """A label over a bordered space to write or draw in: `height` high, or (None) down to
    the foot of the page (at least `least`). Never split: it moves to the next page whole."""

    def __init__(
        self,
        label: Paragraph,
        height: float | None,
        *,
        least: float,
        gap: float,
        field: Field | None = None,
    ) -> None:
        super().__init__()
        self.label, self.box_height, self.least, self.gap = label, height, least, gap
        self.field = field
        self._label_h = 0.0
        self._box_h = height or least

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self._label_h = self.label.wrap(aW, aH)[1]
        if self.box_height is None:
            room = aH - self._label_h - self.gap
            self._box_h = self.least if aH >= MEASURING or room < self.least else room
        self.height = self._label_h + self.gap + self._box_h
        return aW, self.height + self.claimed(aH)

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.label.getSpaceBefore()

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        self.label.drawOn(canv, 0, self.height - self._label_h)
        half = SHAPE_WIDTH / 2
        canv.saveState()
        canv.setStrokeColor(GREY)
        canv.setLineWidth(SHAPE_WIDTH)
        # The border's outer edge is the box's height.
        canv.rect(half, half, self.width - SHAPE_WIDTH, self._box_h - SHAPE_WIDTH, stroke=1, fill=0)
        canv.restoreState()
        if self.field:
            inset = mm(1.5)
            text_field(
                canv,
                self.field,
                inset,
                inset,
                self.width - 2 * inset,
                self._box_h - 2 * inset,
                multiline=True,
            )


class Grid(Shape):
    """A grid with a header row and empty rows `pitch` high: `rows` of them, or (None) as
    many as fill the rest of the page. Kept whole unless it is taller than a page
    (`page_height`); then it splits between rows, the header repeated above the rest, never
    fewer than two rows under a header."""

    def __init__(
        self,
        headers: Sequence[Paragraph],
        rows: int | None,
        pitch: float,
        *,
        padding: float,
        page_height: float,
        field: str | None = None,
        row_label: str = "",
        first_row: int = 1,
    ) -> None:
        super().__init__()
        self.page_height = page_height
        self.headers, self.rows, self.pitch, self.padding = list(headers), rows, pitch, padding
        self.field, self.row_label, self.first_row = field, row_label, first_row
        self._count = rows or 0
        self._head_h = self._grid_h = 0.0
        self.widths: list[float] = []

    @property
    def fills(self) -> bool:
        return self.rows is None

    @property
    def least(self) -> int:
        return 2 if self.fills else min(self.rows or 0, 2)

    def _columns(self, aW: float) -> list[float]:
        """Widths from the headings: a long heading gets a wider column, no column less than
        half an equal share."""
        fair = aW / len(self.headers)
        wants = []
        for para in self.headers:
            style = para.style
            text = "".join(getattr(frag, "text", "") for frag in para.frags)
            natural = stringWidth(text, style.fontName, style.fontSize) + 2 * self.padding
            wants.append(min(max(natural, fair * 0.5), fair * 2))
        scale = aW / sum(wants)
        return [w * scale for w in wants]

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.widths = self._columns(aW)
        self._head_h = 2 * self.padding + max(
            para.wrap(w - 2 * self.padding, aH)[1]
            for para, w in zip(self.headers, self.widths, strict=True)
        )
        takes_rest = False
        if self.fills:
            fit = lines_fitting(aH - self._head_h - RULE_WIDTH, self.pitch)
            takes_rest = aH < MEASURING and fit >= self.least
            self._count = fit if takes_rest else self.least
        self._grid_h = self._head_h + self._count * self.pitch + RULE_WIDTH
        # Rows that fill the page leave no room under them for anything else.
        self.height = aH if takes_rest else self._grid_h
        return aW, self.height + self.claimed(aH)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self.fills:
            return []
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []  # the next page holds it whole
        total = self.rows or 0
        fit = min(lines_fitting(aH - self._head_h - RULE_WIDTH, self.pitch), total - 2)
        if fit < self.least:
            return []
        first = self._part(fit, self.first_row)
        rest = self._part(total - fit, self.first_row + fit)
        first.spaceAfter, rest.spaceAfter = 0, getattr(self, "spaceAfter", 0)
        return [first, rest]

    def _part(self, rows: int, first_row: int) -> Grid:
        return Grid(
            self.headers,
            rows,
            self.pitch,
            padding=self.padding,
            page_height=self.page_height,
            field=self.field,
            row_label=self.row_label,
            first_row=first_row,
        )

    def draw(self) -> None:
        canv = self.canv
        top = self.height - RULE_WIDTH / 2
        bottom = self.height - self._grid_h + RULE_WIDTH / 2
        head_bottom = top - self._head_h
        x = 0.0
        for para, w in zip(self.headers, self.widths, strict=True):
            _, h = para.wrap(w - 2 * self.padding, 1e6)
            para.drawOn(canv, x + self.padding, top - self.padding - h)
            x += w
        canv.saveState()
        canv.setStrokeColor(RULE_GREY)
        canv.setLineWidth(RULE_WIDTH)
        for i in range(1, self._count):
            y = head_bottom - i * self.pitch
            canv.line(0, y, self.width, y)
        x = 0.0
        for w in self.widths[:-1]:
            x += w
            canv.line(x, top, x, bottom)
        canv.setStrokeColor(GREY)
        canv.rect(0, bottom, self.width, top - bottom, stroke=1, fill=0)
        canv.line(0, head_bottom, self.width, head_bottom)
        canv.restoreState()
        if self.field:
            self._draw_fields(canv, head_bottom, self.field)

    def _draw_fields(self, canv: Canvas, head_bottom: float, base: str) -> None:
        """A text field in every empty cell: "<base>-r02-c03" is row 2, column 3."""
        inset = RULE_WIDTH + 1
        size = min(10.0, self.pitch * 0.5)
        for r in range(self._count):
            number = self.first_row + r
            y = head_bottom - (r + 1) * self.pitch
            x = 0.0
            for c, w in enumerate(self.widths):
                heading = "".join(getattr(f, "text", "") for f in self.headers[c].frags)
                field = Field(
                    f"{base}-r{number:02d}-c{c + 1:02d}",
                    f"{heading}, {self.row_label} {number}".strip(", "),
                    size,
                )
                text_field(
                    canv,
                    field,
                    x + inset,
                    y + inset,
                    w - 2 * inset,
                    self.pitch - 2 * inset,
                    multiline=False,
                )
                x += w
