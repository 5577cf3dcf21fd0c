"""Text set beside a stack (a side pull quote; a floated picture with its caption) and on
under it at the full width, split across a page as a careful typesetter splits it.

reportlab's own `ImageAndFlowables` does the first part, but when the page ends under the
stack it moves whatever does not fit to the next page as it is: the last line of a
paragraph begun beside the stack can stand alone at the head of the next page (a widow).
Here the page split looks for that, and gives the next page one more line of the
paragraph from beside the stack until no line stands alone there."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from zinekit.typeset import reportlab_shim as shim
from zinekit.typeset.paragraph import Para

_FUZZ = 1e-3
# A widow is mended by taking back at most this many lines from beside the stack.
_TAKE_BACK = 4


def _leading(flowable: Flowable) -> float | None:
    """The line height of a flowable that splits between lines (a paragraph, a drop
    capital's paragraph), else None."""
    body = getattr(flowable, "body", flowable)
    style = getattr(body, "style", None)
    return getattr(style, "leading", None)


def _takes_room(flowable: Flowable, width: float) -> float:
    return float(flowable.wrap(width, 1e6)[1])


@dataclass
class _Layout:
    """Where everything goes for one width: the stack, the text beside it (`narrow`,
    `narrow_width` wide) and the text under both (`full`), `top` being the height of the
    part beside the stack."""

    width: float
    stack_width: float
    stack_height: float
    narrow_width: float
    narrow: list[Flowable]
    full: list[Flowable]
    top: float
    # The first of `full` is the rest of a paragraph split beside the stack.
    full_continues: bool


def _stacked(flowables: Sequence[Flowable], width: float) -> list[tuple[Flowable, float, float]]:
    """Each flowable with its height and the space above it, one under another at
    `width`, spaces merged as a frame merges them (the larger of the two)."""
    out: list[tuple[Flowable, float, float]] = []
    after: float | None = None
    for flowable in flowables:
        height = _takes_room(flowable, width)
        if height <= _FUZZ:
            out.append((flowable, 0.0, 0.0))  # a mark: no room, no space
            continue
        space = 0.0 if after is None else max(after, flowable.getSpaceBefore())
        out.append((flowable, height, space))
        after = flowable.getSpaceAfter()
    return out


def _height(flowables: Sequence[Flowable], width: float) -> float:
    return sum(h + s for _, h, s in _stacked(flowables, width))


@dataclass
class _Filled:
    """`flowables` parted by `_fill`: what fits (`head`, `height` tall) and what goes on
    (`rest`), `split` when the one at the boundary was parted between them."""

    head: list[Flowable]
    rest: list[Flowable]
    height: float
    split: bool


def _fill(
    flowables: Sequence[Flowable],
    width: float,
    room: float,
    first_space: float,
    *,
    past_foot: int | None = None,
) -> _Filled:
    """`flowables` parted into what fits in `room` at `width` and what goes on, the one
    at the boundary split where it can be (a copy of it: the original stays whole for
    another try). With `past_foot`, a paragraph split there keeps the line that ends
    under the foot (as reportlab rounds beside a picture), less `past_foot` lines."""
    head: list[Flowable] = []
    used, after = 0.0, None
    for i, flowable in enumerate(flowables):
        height = _takes_room(flowable, width)
        if height <= _FUZZ:
            head.append(flowable)  # a mark: no room
            continue
        space = first_space if after is None else max(after, flowable.getSpaceBefore())
        if used + space >= room - _FUZZ:
            return _Filled(head, list(flowables[i:]), used, False)
        if used + space + height <= room + _FUZZ:
            head.append(flowable)
            used += space + height
            after = flowable.getSpaceAfter()
            continue
        left = room - used - space
        leading = _leading(flowable)
        if past_foot is not None and leading:
            left = leading * (math.ceil(left / leading - _FUZZ) - past_foot) + _FUZZ
        parts = copy.deepcopy(flowable).split(width, left) if left > 0 else []
        if len(parts) == 2:
            used += space + _takes_room(parts[0], width)
            return _Filled([*head, parts[0]], [parts[1], *flowables[i + 1 :]], used, True)
        return _Filled(head, list(flowables[i:]), used, False)
    return _Filled(head, [], used, False)


class TextBeside(Flowable):
    """`stack` at the `side` of `text`, `gap` between them and `pad` under the stack; the
    text runs beside the stack, then under it at the full width. Unless `may_move` is
    False, a stack that does not fit above the page's foot lets the text fill it first."""

    def __init__(
        self,
        stack: Flowable,
        text: Sequence[Flowable],
        *,
        side: str,
        gap: float,
        pad: float,
        may_move: bool = True,
    ) -> None:
        super().__init__()
        self.stack, self.text = stack, list(text)
        self.side, self.gap, self.pad, self.may_move = side, gap, pad, may_move
        self._placed: _Layout | None = None  # the part of a page split: set as it is
        self._laid: _Layout | None = None  # at the last width, nothing taken back

    def _lay(self, width: float, take_back: int) -> _Layout:
        """Lay out at `width`; the paragraph at the stack's foot keeps `take_back` fewer of
        its lines beside it."""
        stack_w, stack_h = self.stack.wrap(width, 1e6)
        narrow_w = width - stack_w - self.gap
        room = stack_h + self.pad
        beside = _fill(self.text, narrow_w, room, 0.0, past_foot=take_back)
        return _Layout(
            width,
            stack_w,
            stack_h,
            narrow_w,
            beside.head,
            beside.rest,
            max(beside.height, room),
            beside.split,
        )

    def _laid_at(self, width: float) -> _Layout:
        """The layout at `width` with nothing taken back, made once per width."""
        if self._laid is None or abs(self._laid.width - width) > _FUZZ:
            self._laid = self._lay(width, 0)
        return self._laid

    def _first_space(self, lay: _Layout) -> float:
        """The space between the part beside the stack and the first full-width one."""
        if lay.full_continues or not lay.full:
            return 0.0
        after = next(
            (f.getSpaceAfter() for f in reversed(lay.narrow) if not shim.is_zero_size(f)), 0.0
        )
        return float(max(after, lay.full[0].getSpaceBefore()))

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803
        if self._placed is not None and abs(self._placed.width - aW) <= _FUZZ:
            lay = self._placed
        else:
            lay, self._placed = self._laid_at(aW), None
        self._layout = lay
        self.width = aW
        self.height = lay.top + self._first_space(lay) + _height(lay.full, aW)
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if self._placed is not None:
            return []
        lay = self._laid_at(aW)
        if lay.top > aH + _FUZZ:
            return self._moved(aW, aH)
        for take_back in range(_TAKE_BACK + 1):
            if take_back:
                lay = self._lay(aW, take_back)  # no taller at the top than at 0
            under = _fill(lay.full, aW, aH - lay.top, self._first_space(lay))
            if not _widow(under.rest, aW):
                break
        placed = TextBeside(self.stack, [], side=self.side, gap=self.gap, pad=self.pad)
        placed._placed = replace(lay, full=under.head)
        placed.spaceBefore = self.getSpaceBefore()
        return [placed, *under.rest]

    def _moved(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        """The stack does not fit above the page's foot: the text after it fills the foot
        at the full width, and the stack goes on to the next page beside the rest (as a
        picture that does not fit moves). [] (all of it to the next page) when it may not
        move, or no text is left to go beside it."""
        if not self.may_move:
            return []
        foot = _fill(self.text, aW, aH, 0.0)
        if not any(not shim.is_zero_size(f) for f in foot.head) or not any(
            not shim.is_zero_size(f) for f in foot.rest
        ):
            return []
        rest = TextBeside(
            self.stack, foot.rest, side=self.side, gap=self.gap, pad=self.pad, may_move=False
        )
        return [*foot.head, rest]

    def getSpaceBefore(self) -> float:  # noqa: N802
        first = next((f for f in self.text if not shim.is_zero_size(f)), None)
        return float(max(self.stack.getSpaceBefore(), first.getSpaceBefore() if first else 0))

    def getSpaceAfter(self) -> float:  # noqa: N802
        lay = getattr(self, "_layout", None)
        # The marks at the end (the next block's) take no room and have no space.
        placed = [*lay.narrow, *lay.full] if lay else self.text
        last = next((f for f in reversed(placed) if not shim.is_zero_size(f)), None)
        return float((last or self.stack).getSpaceAfter())

    def draw(self) -> None:
        lay = self._layout
        left = self.side == "left"
        stack_x = 0.0 if left else lay.width - lay.stack_width
        text_x = lay.stack_width + self.gap if left else 0.0
        self.stack.wrap(lay.width, 1e6)
        self.stack.drawOn(self.canv, stack_x, self.height - lay.stack_height)
        y = self.height
        for flowable, height, space in _stacked(lay.narrow, lay.narrow_width):
            y -= space + height
            flowable.drawOn(self.canv, text_x, y)
        y = self.height - lay.top - self._first_space(lay)
        for flowable, height, space in _stacked(lay.full, lay.width):
            y -= space + height
            flowable.drawOn(self.canv, 0, y)


def _widow(tail: Sequence[Flowable], width: float) -> bool:
    """Whether what goes on to the next page begins with a paragraph's last line alone."""
    first = next((f for f in tail if _takes_room(f, width) > _FUZZ), None)
    if not isinstance(first, Para) or not first.continued:
        return False
    leading = first.style.leading
    return _takes_room(first, width) <= leading * 1.5
