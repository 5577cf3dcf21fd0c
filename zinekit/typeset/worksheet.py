"""Worksheet flowables: ruled lines to write on, boxes, tick boxes, rating scales, labelled
short lines and grids to fill in by hand. Each draws its lines as shapes in black ink only
(no glyph a font may lack), and, when given field names (`--fillable`), lays AcroForm fields
over them.

Lines and rows that fill the rest of the page (`lines: fill`) ask for their least height
when reportlab only measures them (to keep a heading with them) and take what is left when
they are placed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from zinekit.typeset.styles import BLACK, GREY, RULE_GREY
from zinekit.units import mm

RULE_WIDTH = 0.4  # points: lines to write on, clear on a photocopy, light under handwriting
SHAPE_WIDTH = 0.6  # points: tick boxes, scale circles and box borders, to be seen at once
# reportlab measures a group kept together with an unbounded height: above this, a height
# given to `wrap` is a measurement, not the room left on the page.
_MEASURING = 1e6
# Field appearances: reportlab draws them only in the standard 14 fonts (never embedded).
FIELD_FONT = "Helvetica"


# --- field names ------------------------------------------------------------------------


def slug(text: str, limit: int = 32) -> str:
    """Plain lower-case ASCII words joined by hyphens, cut at a word: "Tanda peringatan"
    -> "tanda-peringatan". Markup signs and accents go."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        longer = f"{out}-{word}" if out else word
        if len(longer) > limit:
            break
        out = longer
    return out or (words[0][:limit] if words else "")


def field_base(index: int, kind: str, text: str | None) -> str:
    """The stable name of block `index` (0-based) of `kind`: "b07-write-in-tanda-peringatan"."""
    words = slug(text) if text else ""
    return f"b{index + 1:02d}-{kind}" + (f"-{words}" if words else "")


@dataclass(frozen=True)
class Field:
    """A form field to lay over a shape: its name, what a screen reader says, type size."""

    name: str
    tooltip: str
    font_size: float = 10.0


def _text_field(
    canv: Canvas,
    field: Field,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    multiline: bool,
) -> None:
    _form(canv).textfield(
        name=field.name,
        tooltip=field.tooltip,
        x=x,
        y=y,
        width=width,
        height=height,
        relative=True,
        fieldFlags="multiline" if multiline else "",
        maxlen=0,
        fontName=FIELD_FONT,
        fontSize=field.font_size,
        **_UNSEEN,
    )


# Every field is drawn with no border and no background: the printed lines, squares and
# circles show through, and a filled-in copy prints as the blank one does, with the writing.
_UNSEEN: dict[str, Any] = {
    "textColor": BLACK,
    "fillColor": None,
    "borderColor": None,
    "borderWidth": 0,
}


def _form(canv: Canvas) -> Any:
    """The canvas's AcroForm, made to share one font object among its text fields:
    reportlab writes a new copy of the font's dictionary for every field otherwise."""
    form = canv.acroForm
    if not hasattr(form, "_zk_fonts"):
        make_font = form.makeFont
        fonts: dict[str | None, tuple[str, str]] = {}

        def shared_font(name: str | None) -> tuple[str, str]:
            if name not in fonts:
                fonts[name] = make_font(name)
            return fonts[name]

        form._zk_fonts = fonts
        form.makeFont = shared_font
    return form


def _slack(flowable: Flowable, aH: float) -> float:
    """Extra height to claim when only measured in a group kept together (a heading and
    this block). reportlab measures the space between the heading and the block as the
    larger of the heading's space after and the block's space before, but sets both: the
    zero-size block mark between them stops the frame from merging them. Without the
    extra, a heading can fit at the foot of a page where the block after it does not, and
    stay there alone. (Story sets `slack` to a line of body text.)"""
    return getattr(flowable, "slack", 0.0) if aH >= _MEASURING else 0.0


def _lines_fitting(room: float, pitch: float) -> int:
    return max(0, int(room / pitch + 1e-6))


# --- write-in -----------------------------------------------------------------------------


class WriteIn(Flowable):
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
            fit = _lines_fitting(aH - self._prompt_h, self.pitch)
            takes_rest = aH < _MEASURING and fit >= self.least
            self._count = fit if takes_rest else self.least
        self.height = aH if takes_rest else self._prompt_h + self._count * self.pitch
        return aW, self.height + _slack(self, aH)

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return self.prompt.getSpaceBefore() if self.prompt else 0.0

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self.fills:
            return []  # wrap took all the room there was; not enough here
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []  # the next page holds it whole
        total = self.lines or 0
        fit = min(_lines_fitting(aH - self._prompt_h, self.pitch), total - 2)
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
            _text_field(canv, self.field, 0, bottom, self.width, lines_top - bottom, multiline=True)


def _part_name(name: str, part: int) -> str:
    """The field of a write-in's lines continued on another page: "...-p2"."""
    base = re.sub(r"-p\d+$", "", name) if part > 2 else name
    return f"{base}-p{part}"


# --- box ------------------------------------------------------------------------------------


class Box(Flowable):
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
            self._box_h = self.least if aH >= _MEASURING or room < self.least else room
        self.height = self._label_h + self.gap + self._box_h
        return aW, self.height + _slack(self, aH)

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
            _text_field(
                canv,
                self.field,
                inset,
                inset,
                self.width - 2 * inset,
                self._box_h - 2 * inset,
                multiline=True,
            )


# --- checklist --------------------------------------------------------------------------


class TickItem(Flowable):
    """One item of a checklist: a square to tick, drawn as a shape, beside its text."""

    def __init__(self, text: Paragraph, side: float, gap: float, field: Field | None) -> None:
        super().__init__()
        self.text, self.side, self.gap, self.field = text, side, gap, field
        self.spaceBefore = text.getSpaceBefore()
        self.spaceAfter = text.getSpaceAfter()

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        _, self.height = self.text.wrap(aW - self.side - self.gap, aH)
        return aW, self.height + _slack(self, aH)

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
            _form(canv).checkbox(
                name=self.field.name,
                tooltip=self.field.tooltip,
                x=0,
                y=bottom - SHAPE_WIDTH / 2,
                size=self.side,
                relative=True,
                buttonStyle="check",
                shape="square",
                fieldFlags="",
                **_UNSEEN,
            )


# --- scale ----------------------------------------------------------------------------------


class ScaleRow(Flowable):
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
        return aW, self.height + _slack(self, aH)

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
                _, h = para.wrap(half, _MEASURING)
                para.drawOn(canv, x, self._ends_h - h)
        if self.field:
            for i in range(self.count):
                x = self._x(i) - self.diameter / 2
                _form(canv).radio(
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
                    **_UNSEEN,
                )


# --- fields ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One labelled short line: its label and, with --fillable, its field."""

    label: str
    field: Field | None = None


class FieldLine(Flowable):
    """Labelled short lines side by side on one line: "Nama ____  Tanggal ____". Each
    line to write on is as long as the others; a longer label makes its cell wider."""

    def __init__(
        self,
        cells: Sequence[Cell],
        *,
        font: tuple[str, float],
        height: float,
        gap: float,
    ) -> None:
        super().__init__()
        self.cells, self.font, self.row_height, self.gap = list(cells), font, height, gap

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, self.row_height
        return aW, self.height + _slack(self, aH)

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
            canv.drawString(x, baseline, cell.label)
            start = x + label_w + self.gap
            canv.setStrokeColor(RULE_GREY)
            canv.setLineWidth(RULE_WIDTH)
            canv.line(start, rule_y, start + line_w, rule_y)
            canv.restoreState()
            if cell.field:
                _text_field(
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
    """How many labelled lines share a line: as many as leave each a line of 16 mm or more
    to write on (the labels taken in order, in groups of that many)."""
    for count in range(len(labels), 1, -1):
        groups = [labels[i : i + count] for i in range(0, len(labels), count)]
        if all(line_length(group, font, size, width, gap) >= mm(16) for group in groups):
            return count
    return 1


# --- table ----------------------------------------------------------------------------------


class Grid(Flowable):
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
            fit = _lines_fitting(aH - self._head_h - RULE_WIDTH, self.pitch)
            takes_rest = aH < _MEASURING and fit >= self.least
            self._count = fit if takes_rest else self.least
        self._grid_h = self._head_h + self._count * self.pitch + RULE_WIDTH
        # Rows that fill the page leave no room under them for anything else.
        self.height = aH if takes_rest else self._grid_h
        return aW, self.height + _slack(self, aH)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self.fills:
            return []
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []  # the next page holds it whole
        total = self.rows or 0
        fit = min(_lines_fitting(aH - self._head_h - RULE_WIDTH, self.pitch), total - 2)
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
                _text_field(
                    canv,
                    field,
                    x + inset,
                    y + inset,
                    w - 2 * inset,
                    self.pitch - 2 * inset,
                    multiline=False,
                )
                x += w


# The flowables above: they claim a little more room when measured in a group (`_slack`).
WORKSHEET_SHAPES = (WriteIn, Box, TickItem, ScaleRow, FieldLine, Grid)
