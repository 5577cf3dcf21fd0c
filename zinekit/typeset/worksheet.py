"""What every worksheet shape shares: line widths, the extra height a shape claims when it
is only measured (`Shape.slack`), and its form fields: stable names (`field_base`) and the
AcroForm calls that lay an invisible field over a printed line, box or circle.

The shapes are in `worksheet_fill` (lines, boxes and grids that may fill to the foot of a
page) and `worksheet_rows` (tick boxes, scales and labelled lines: one row each).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol, cast

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from zinekit.typeset.reportlab_shim import share_form_fonts
from zinekit.typeset.styles import BLACK

RULE_WIDTH = 0.4  # points: lines to write on, clear on a photocopy, light under handwriting
SHAPE_WIDTH = 0.6  # points: tick boxes, scale circles and box borders, to be seen at once
# reportlab measures a group kept together with an unbounded height: above this, a height
# given to `wrap` is a measurement, not the room left on the page.
MEASURING = 1e6
# Field appearances: reportlab draws them only in the standard 14 fonts (never embedded).
FIELD_FONT = "Helvetica"


class Shape(Flowable):
    """A worksheet shape: drawn in black ink only, with a form field over it on request.

    `slack` is the extra height it claims when only measured in a group kept together (a
    heading and this block). reportlab measures the space between the heading and the
    block as the larger of the heading's space after and the block's space before, but
    sets both: the zero-size block mark between them stops the frame from merging them.
    Without the extra, a heading can fit at the foot of a page where the block after it
    does not, and stay there alone. The story sets it to a line of body text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.slack = 0.0

    def claimed(self, aH: float) -> float:  # noqa: N803 (reportlab's name)
        """The slack, when `aH` says the shape is being measured; else nothing."""
        return self.slack if aH >= MEASURING else 0.0


def lines_fitting(room: float, pitch: float) -> int:
    return max(0, int(room / pitch + 1e-6))


# --- form fields ------------------------------------------------------------------------


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


def text_field(
    canv: Canvas,
    field: Field,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    multiline: bool,
) -> None:
    form(canv).textfield(
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
        **UNSEEN,
    )


# Every field is drawn with no border and no background: the printed lines, squares and
# circles show through, and a filled-in copy prints as the blank one does, with the writing.
UNSEEN: dict[str, Any] = {
    "textColor": BLACK,
    "fillColor": None,
    "borderColor": None,
    "borderWidth": 0,
}


class FormFields(Protocol):
    """The AcroForm calls zinekit makes, as reportlab takes them: positions and sizes in
    points, as floats (the stubs declare them whole numbers)."""

    def textfield(self, **options: Any) -> None: ...

    def checkbox(self, **options: Any) -> None: ...

    def radio(self, **options: Any) -> None: ...


def form(canv: Canvas) -> FormFields:
    """The canvas's AcroForm, made to share one font object among its text fields:
    reportlab writes a new copy of the font's dictionary for every field otherwise."""
    acro = canv.acroForm
    share_form_fonts(acro)
    return cast(FormFields, acro)
