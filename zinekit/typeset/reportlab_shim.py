"""The only module that touches reportlab's internals, where its public API has no way to
do what zinekit needs. Each use is one small function here, and
tests/typeset/test_reportlab_shim.py fails with a plain message when a reportlab release
moves the internal it relies on (reportlab is pinned below its next major version).

- A heading kept with only the first lines of what follows (`flowables.KeepWithFirst`)
  needs the flowables of reportlab's keep-together group, the height it measured and
  reportlab's measure of a list of flowables (with its spaces merged as a frame does).
- Form fields share one font object (`share_form_fonts`): reportlab writes a new copy of
  the font's dictionary for every text field otherwise.
- The page template learns where the frame's cursor is, and moves it to the foot of the
  frame (`pages.ZineDoc.afterFlowable`).
- A paragraph with a drop capital (`magazine.DropCap`) breaks its lines to a list of
  widths, is split after a given line, and draws its first lines moved right: reportlab's
  paragraph does all three for its own image-beside-text flowables, through `blPara`,
  `breakLines`, `_get_split_blParaFunc` and `_offsets`.
- A picture that lets the text after it go first (`flowables.DeferredPicture`) asks
  whether the frame it is split in is still empty, through the frame reportlab gives a
  flowable while it splits.
- The bookkeeping marks say they take no room the way reportlab's own marks do
  (`ZeroSize`), so that frames and keep-together groups treat them alike.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether, Paragraph
from reportlab.platypus import flowables as _rl_flowables


class ZeroSize(Flowable):
    """A flowable that takes no room, marked as reportlab marks its own (Indenter, ...)."""

    _ZEROSIZE = 1
    # The space after the flowable before the mark still counts once the mark is placed:
    # the one after it (a heading) spends only what its space before exceeds it, as the
    # frame reckoned when it measured a group starting with the mark (KeepWithFirst).
    _SPACETRANSFER = 1

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0


def is_zero_size(flowable: Flowable) -> bool:
    """Whether reportlab treats `flowable` as taking no room."""
    return bool(getattr(flowable, "_ZEROSIZE", False))


def kept_flowables(group: KeepTogether) -> list[Flowable]:
    """The flowables of a keep-together group, in order."""
    content: list[Flowable] = group._content  # type: ignore[attr-defined]  # internal
    return content


def kept_height(group: KeepTogether) -> float:
    """The height the group measured its flowables at in its last `wrap`."""
    height: float = group._H  # type: ignore[attr-defined]  # set by KeepTogether.wrap
    return height


def wrapped_at(group: KeepTogether) -> tuple[float, float] | None:
    """The (width, height) of the group's last `wrap`, or None before any."""
    info: tuple[float, float] | None = getattr(group, "_wrapInfo", None)
    return info


def stack_height(flowables: Sequence[Flowable], width: float, canv: Canvas) -> float:
    """The height `flowables` take one under another at `width`, as a frame sets them."""
    measure: Any = getattr(_rl_flowables, "_listWrapOn")  # noqa: B009 (not in the stubs)
    _, height = measure(list(flowables), width, canv)
    return float(height)


def share_form_fonts(form: AcroForm) -> None:
    """Make `form` reuse one font object per font for all its fields (idempotent)."""
    if "makeFont" in vars(form):
        return
    make_font = form.makeFont
    fonts: dict[str | None, tuple[str, str]] = {}

    def shared_font(name: str | None) -> tuple[str, str]:
        if name not in fonts:
            fonts[name] = make_font(name)
        return fonts[name]

    # An instance attribute shadows the method for this form only.
    setattr(form, "makeFont", shared_font)  # noqa: B010 (mypy refuses assigning a method)


def frame_cursor(frame: Frame) -> float:
    """How far up from the page's foot the next flowable in `frame` starts."""
    y: float = frame._y  # type: ignore[attr-defined]  # internal cursor
    return y


def frame_floor(frame: Frame) -> float:
    """The lowest a flowable may end in `frame` (its bottom, inside the padding)."""
    floor: float = frame._y1p  # type: ignore[attr-defined]  # internal
    return floor


def frame_top(frame: Frame) -> float:
    """The highest a flowable may start in `frame` (its top, inside the padding)."""
    top: float = frame._y2 - frame._topPadding  # type: ignore[attr-defined]  # internal
    return top


def drop_to_floor(frame: Frame) -> None:
    """Move the frame's cursor up to its floor, where it went below it."""
    frame._y = frame._y1p  # type: ignore[attr-defined]  # internal cursor


def paragraph_lines(para: Paragraph) -> list[str]:
    """The text of each line of a wrapped paragraph, as reportlab broke it (a hyphen it
    added at a break ends its line)."""
    lines: Any = getattr(para, "blPara", None)
    if lines is None:
        return []
    out = []
    # The first part of a split paragraph says kind 1 whatever the kind of its lines.
    for line in lines.lines:
        if isinstance(line, tuple):  # kind 0: (extra space, words)
            out.append(" ".join(str(word) for word in line[1]))
        else:  # kind 1: a FragLine of styled fragments
            out.append("".join(getattr(frag, "text", "") for frag in line.words))
    return out


def is_split_head(para: Paragraph) -> bool:
    """Whether `para` is the first part of a paragraph split at a frame end (its lines are
    fixed; its last line is not the paragraph's)."""
    return bool(getattr(para, "_splitpara", 0))


def splitting_frame(flowable: Flowable) -> Frame | None:
    """The frame `flowable` is being split in (reportlab sets it for the call), or None."""
    frame: Frame | None = getattr(flowable, "_frame", None)
    return frame


def frame_at_top(frame: Frame) -> bool:
    """Whether nothing has been placed in `frame` yet."""
    return bool(frame._atTop)  # type: ignore[attr-defined]  # internal


def break_lines(para: Paragraph, widths: list[float], lines: Any = None) -> int:
    """Break `para` into lines of `widths` (the last repeats), or give it the `lines` of
    an earlier split (`split_lines`); returns its number of lines."""
    p: Any = para
    p.blPara = lines if lines is not None else p.breakLines(widths)
    return len(p.blPara.lines)


def split_lines(para: Paragraph, at: int) -> tuple[Any, Paragraph]:
    """The lines of `para` (broken by `break_lines`) before line `at`, to set again with
    `break_lines`; and a paragraph of the same style with the text after them."""
    p: Any = para
    found = p.blPara
    first = copy.copy(found)
    first.lines = found.lines[:at]
    frags = p._get_split_blParaFunc()(found, at, len(found.lines))
    rest = type(para)(None, para.style, frags=frags)  # type: ignore[arg-type]  # text as frags
    return first, rest


def draw_indented(para: Paragraph, canv: Canvas, x: float, y: float, offsets: list[float]) -> None:
    """Draw `para` (broken by `break_lines`) with its lines moved right by `offsets`, one
    per line (the last repeats)."""
    p: Any = para
    p.height = len(p.blPara.lines) * para.style.leading
    p._offsets = list(offsets)
    try:
        para.drawOn(canv, x, y)
    finally:
        del p._offsets
