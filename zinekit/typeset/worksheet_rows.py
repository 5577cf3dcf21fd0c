"""Worksheet shapes of one row each, kept whole: a checklist item with its tick box
(`TickItem`), a rating scale (`ScaleRow`) and labelled short lines side by side
(`FieldLine`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from zinekit.typeset.styles import BLACK, GREY, RULE_GREY
from zinekit.typeset.worksheet import (
    MEASURING,
    RULE_WIDTH,
    SHAPE_WIDTH,
    UNSEEN,
    Field,
    Shape,
    form,
    text_field,
)
from zinekit.units import mm

# A line to write on in `fields` is never shorter than this: room for a phone number or a
# name in handwriting. Cells that would leave less move to a row of their own.
FIELD_LINE_MIN = mm(35)


class TickItem(Shape):
    """One item of a checklist: a square to tick, drawn as a shape, beside its text."""

    def __init__(self, text: Paragraph, side: float, gap: float, field: Field | None) -> None:
        super().__init__()
        self.text, self.side, self.gap, self.field = text, side, gap, field
        self.spaceBefore = text.getSpaceBefore()
        self.spaceAfter = text.getSpaceAfter()

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        _, self.height = self.text.wrap(aW - self.side - self.gap, aH)
        return aW, self.height + self.claimed(aH)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        style = self.text.style
        self.text.drawOn(canv, self.side + self.gap, 0)
        # The square stands on the first line's baseline, a little taller than a capital.
        baseline = self.height - style.fontSize
        bottom = baseline - 0.1 * style.fontSize
        canv.saveState()
        canv.setStrokeColor(GREY)
        canv.setLineWidth(SHAPE_WIDTH)
        canv.rect(SHAPE_WIDTH / 2, bottom, self.side - SHAPE_WIDTH, self.side - SHAPE_WIDTH)
        canv.restoreState()
        if self.field:
            form(canv).checkbox(
                name=self.field.name,
                tooltip=self.field.tooltip,
                x=0,
                y=bottom - SHAPE_WIDTH / 2,
                size=self.side,
                relative=True,
                buttonStyle="check",
                shape="square",
                fieldFlags="",
                **UNSEEN,
            )


class ScaleRow(Shape):
    """A question, then a row of `count` circles numbered 1 to `count` under them, with the
    words for the low and high ends under the first and the last. Kept whole."""

    def __init__(
        self,
        question: Paragraph,
        count: int,
        *,
        diameter: float,
        number_font: tuple[str, float],
        low: Paragraph | None,
        high: Paragraph | None,
        gap: float,
        field: Field | None = None,
    ) -> None:
        super().__init__()
        self.question, self.count, self.diameter = question, count, diameter
        self.number_font, self.low, self.high, self.gap = number_font, low, high, gap
        self.field = field
        self._q_h = self._ends_h = self.spacing = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self._q_h = self.question.wrap(aW, aH)[1]
        # Circles far enough apart to tell which one is ringed, no further than needed.
        self.spacing = min((aW - self.diameter) / (self.count - 1), self.diameter * 2.4)
        _, half = self._end_room()
        ends = [p.wrap(half, aH)[1] for p in self._ends()]
        self._ends_h = max(ends, default=0.0)
        _, size = self.number_font
        self.height = (
            self._q_h + self.gap + self.diameter + self.gap * 0.5 + size * 1.2 + self._ends_h
        )
        return aW, self.height + self.claimed(aH)

    def _x(self, i: int) -> float:
        """The centre of circle `i` (0-based): the first touches the left edge."""
        return self.diameter / 2 + i * self.spacing

    def _end_room(self) -> tuple[float, float]:
        """The width the end words share (the row of circles, or more on a short row), and
        each one's half of it: the low end's words start under the first circle, the high
        end's end under the last."""
        row = self._x(self.count - 1) + self.diameter / 2
        shared = max(row, min(self.width, mm(60)))
        return shared, (shared - self.gap) / 2

    def _ends(self) -> list[Paragraph]:
        return [p for p in (self.low, self.high) if p is not None]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.question.getSpaceBefore()

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        font, size = self.number_font
        self.question.drawOn(canv, 0, self.height - self._q_h)
        centre_y = self.height - self._q_h - self.gap - self.diameter / 2
        number_y = centre_y - self.diameter / 2 - self.gap * 0.5 - size * 0.9
        radius = (self.diameter - SHAPE_WIDTH) / 2
        canv.saveState()
        canv.setStrokeColor(GREY)
        canv.setLineWidth(SHAPE_WIDTH)
        canv.setFillColor(BLACK)
        canv.setFont(font, size)
        for i in range(self.count):
            x = self._x(i)
            canv.circle(x, centre_y, radius, stroke=1, fill=0)
            canv.drawCentredString(x, number_y, str(i + 1))
        canv.restoreState()
        shared, half = self._end_room()
        for para, x in ((self.low, 0.0), (self.high, shared - half)):
            if para is not None:
                _, h = para.wrap(half, MEASURING)
                para.drawOn(canv, x, self._ends_h - h)
        if self.field:
            for i in range(self.count):
                x = self._x(i) - self.diameter / 2
                form(canv).radio(
                    name=self.field.name,
                    tooltip=self.field.tooltip,
                    value=str(i + 1),
                    x=x,
                    y=centre_y - self.diameter / 2,
                    size=self.diameter,
                    relative=True,
                    buttonStyle="circle",
                    shape="circle",
                    fieldFlags="noToggleToOff radio",
                    **UNSEEN,
                )


@dataclass(frozen=True)
class Cell:
    """One labelled short line: its label and, with --fillable, its field."""

    label: str
    field: Field | None = None


class FieldLine(Shape):
    """Labelled short lines side by side on one line: "Nama ____  Tanggal ____". Each
    line to write on is as long as the others; a longer label makes its cell wider. A
    label that would leave less than `FIELD_LINE_MIN` beside it (one cell on a narrow
    page) stands above its line, which then takes the whole width (`stacked`)."""

    def __init__(
        self,
        cells: Sequence[Cell],
        *,
        font: tuple[str, float],
        height: float,
        gap: float,
        stacked: bool = False,
    ) -> None:
        super().__init__()
        self.cells, self.font, self.row_height, self.gap = list(cells), font, height, gap
        self.stacked = stacked

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        _, size = self.font
        self.width = aW
        self.height = self.row_height + (size * 1.3 if self.stacked else 0.0)
        return aW, self.height + self.claimed(aH)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        font, size = self.font
        labels = [cell.label for cell in self.cells]
        line_w = line_length(labels, font, size, self.width, self.gap)
        baseline = size * 0.45
        rule_y = baseline - size * 0.2
        x = 0.0
        for cell in self.cells:
            label_w = stringWidth(cell.label, font, size)
            canv.saveState()
            canv.setFillColor(BLACK)
            canv.setFont(font, size)
            if self.stacked:
                canv.drawString(x, self.height - size, cell.label)
                start, line_w = x, self.width
            else:
                canv.drawString(x, baseline, cell.label)
                start = x + label_w + self.gap
            canv.setStrokeColor(RULE_GREY)
            canv.setLineWidth(RULE_WIDTH)
            canv.line(start, rule_y, start + line_w, rule_y)
            canv.restoreState()
            if cell.field:
                text_field(
                    canv,
                    cell.field,
                    start,
                    rule_y + RULE_WIDTH,
                    line_w,
                    self.row_height - rule_y - RULE_WIDTH,
                    multiline=False,
                )
            x = start + line_w + 2 * self.gap


def line_length(labels: Sequence[str], font: str, size: float, width: float, gap: float) -> float:
    """How long each line to write on is when `labels` share a line of `width`: what is
    left after the labels, a gap after each and two between cells, shared equally."""
    taken = sum(stringWidth(label, font, size) for label in labels)
    taken += gap * len(labels) + 2 * gap * (len(labels) - 1)
    return (width - taken) / len(labels)


def cells_per_line(labels: Sequence[str], font: str, size: float, width: float, gap: float) -> int:
    """How many labelled lines share a line: as many as leave each a line of
    `FIELD_LINE_MIN` or more to write on (the labels taken in order, in groups of that
    many)."""
    for count in range(len(labels), 1, -1):
        groups = [labels[i : i + count] for i in range(0, len(labels), count)]
        if all(line_length(group, font, size, width, gap) >= FIELD_LINE_MIN for group in groups):
            return count
    return 1
