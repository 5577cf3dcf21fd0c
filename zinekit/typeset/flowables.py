"""The flowables reportlab lacks: a QR code of a size that scans, pictures from prepared
bytes, whole-page covers, and the zero-size marks that carry block bookkeeping and the PDF
outline through the layout. (Worksheet shapes are in `worksheet`.)"""

from __future__ import annotations

import functools
import io
import itertools
from collections.abc import Sequence

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable

import zinekit.typeset.reportlab_shim as shim
from zinekit.typeset import qr_cache
from zinekit.typeset.images import Screen
from zinekit.typeset.styles import BLACK
from zinekit.units import mm

# A QR code's dark area is never smaller than this, nor are its modules finer than
# _QR_MODULE: a phone held over a photocopy still reads it.
QR_MIN = mm(15)
_QR_MODULE = mm(0.5)
_QR_QUIET = 4  # modules of white border, as the standard asks


class BlockMark(shim.ZeroSize):
    """Zero-size: the content block `index` starts here (see pages.ZineDoc.afterFlowable)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def draw(self) -> None:
        pass


class Gap(Flowable):
    """Extra space between two flowables, taken on top of the space between them: `before`
    the space after the one above (the frame has spent it), `after` the space before the
    one below (the frame spends only what exceeds it). Dropped at the top of a frame
    (`pages.ZineDoc.handle_flowable`); at the foot it does not fit and goes there."""

    def __init__(self, extra: float, above: Flowable) -> None:
        super().__init__()
        self.after = above.getSpaceAfter()
        self.spaceBefore = self.after + extra
        self.spaceAfter = self.after

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class OutlineMark(shim.ZeroSize):
    """Zero-size: an outline entry (bookmark) pointing here, placed just above a heading."""

    def __init__(self, title: str, level: int, key: str) -> None:
        super().__init__()
        self.title, self.level, self.key = title, level, key
        self.keepWithNext = 1

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class KeepWithFirst(KeepTogether):
    """reportlab's keepWithNext group, but a heading needs only the first lines of what
    follows on its page, not all of it: a long paragraph after a heading splits instead of
    leaving half a page empty. Falls back to keeping the group whole."""

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        if shim.wrapped_at(self) != (avail_w, avail_h):
            self.wrap(avail_w, avail_h)
        *heads, last = shim.kept_flowables(self)
        if heads and avail_h < shim.kept_height(self):
            used = shim.stack_height(heads, avail_w, self.canv)
            room = avail_h - used - max(heads[-1].getSpaceAfter(), last.getSpaceBefore())
            if room > 0:
                last.wrapOn(self.canv, avail_w, room)
                parts = last.splitOn(self.canv, avail_w, room)
                if (
                    len(parts) >= 2
                    and not isinstance(parts[0], ActionFlowable)
                    and 0 < parts[0].wrapOn(self.canv, avail_w, room)[1] <= room
                ):
                    return [*heads, *parts]
        return super().split(avail_w, avail_h)


class QRCode(Flowable):
    """A QR code (error correction M) laid out as reportlab's QR widget does, its quiet
    zone included, the dark area at least 15 mm wide. The dark runs of each row are drawn
    as one filled path: faster than reportlab's shape renderer, and no seams between them."""

    def __init__(self, value: str, max_size: float) -> None:
        super().__init__()
        self.width, self.runs = _qr_layout(value, max_size)
        self.height = self.width

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        path = self.canv.beginPath()
        for x, y, width, height in self.runs:
            path.rect(x, y, width, height)
        self.canv.saveState()
        self.canv.setFillColor(BLACK)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


Run = tuple[float, float, float, float]


@functools.lru_cache(maxsize=256)
def _qr_layout(value: str, max_size: float) -> tuple[float, tuple[Run, ...]]:
    # Encoding is slow in pure Python (mask scoring): each link is encoded once per process,
    # not once per fitting attempt, and kept between runs (`qr_cache`).
    rows = qr_cache.modules(value)
    modules = len(rows)
    quiet = (modules + 2 * _QR_QUIET) / modules
    size = max(QR_MIN, min(modules * _QR_MODULE, max_size / quiet)) * quiet
    # As QrCodeWidget.draw places them: rows from the top, the quiet zone around.
    box = size / (modules + _QR_QUIET * 2.0)
    runs = []
    for r, row in enumerate(rows):
        c = 0
        for dark, group in itertools.groupby(map(bool, row)):
            count = len(list(group))
            if dark:
                runs.append(
                    ((c + _QR_QUIET) * box, size - (r + _QR_QUIET + 1) * box, count * box, box)
                )
            c += count
    return size, tuple(runs)


class Picture(Flowable):
    """An image (JPEG bytes or a decoded Pillow image) drawn at a fixed size, centred.

    With `aspect` (the image's height over width) differing from the box's, the image covers
    the box, centred, and what sticks out is cut off; with `outset`, the box is drawn that
    much wider on the left and right, past the space it takes in the layout (a picture
    running to the page edges and into the bleed). `screen` (see `images.ImageStore`) gives
    the pixels to draw, only those in the box, at their final size: a halftone.

    `may_move`: the picture may go after the text that follows it, to the next page, when
    it does not fit at the foot of this one (`DeferredPicture`)."""

    may_move = False

    def __init__(
        self,
        source: bytes | PILImage.Image,
        width: float,
        height: float,
        *,
        aspect: float | None = None,
        outset: float = 0.0,
        screen: Screen | None = None,
    ) -> None:
        super().__init__()
        self.source, self.draw_width, self.draw_height = source, width, height
        self.aspect, self.outset, self.screen = aspect, outset, screen
        self.hAlign = "CENTER"

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        left, width, height = -self.outset, self.draw_width + 2 * self.outset, self.draw_height
        shown_w, shown_h = width, height
        if self.aspect is not None:
            shown_w = max(width, height / self.aspect)
            shown_h = shown_w * self.aspect
        canv = self.canv
        if self.screen is not None:
            # Only the part in the box is screened and embedded.
            x, y = (shown_w - width) / 2 / shown_w, (shown_h - height) / 2 / shown_h
            dots = self.screen(self.source, width, height, (x, y, 1 - x, 1 - y))
            canv.drawImage(ImageReader(dots), left, 0, width, height)
            return
        source = self.source
        reader = ImageReader(io.BytesIO(source) if isinstance(source, bytes) else source)
        cropped = shown_w > width + 0.01 or shown_h > height + 0.01
        if cropped:
            canv.saveState()
            path = canv.beginPath()
            path.rect(left, 0, width, height)
            canv.clipPath(path, stroke=0, fill=0)
        x, y = left + (width - shown_w) / 2, (height - shown_h) / 2
        canv.drawImage(reader, x, y, shown_w, shown_h)
        if cropped:
            canv.restoreState()


class DeferredPicture(Flowable):
    """A picture (with its caption) and the text written after it (`followers`: paragraphs
    and the marks between blocks, up to the next heading, picture or other block), which
    may go before it: a picture that does not fit at the foot of a page opens the next page,
    and the text after it fills the space it leaves (see `story.defer_pictures`).

    reportlab has no queue of floats, so this is a flowable that is never placed itself:
    its `wrap` asks for more than there is, so the frame always `split`s it into what to
    place now. The frame places the first flowable of the split at once, without measuring
    it again and without a split of its own, so that one must fit; the rest go back into
    the story.
    - the picture fits (or the frame is empty): the picture, then the followers, in order;
    - else the first follower, or the part of it that fits (a paragraph split by its own
      rules against widows and orphans), and a DeferredPicture with what follows;
    - nothing fits: nothing, and the frame moves to the next page, where the picture fits.
    """

    def __init__(self, picture: Sequence[Flowable], followers: Sequence[Flowable]) -> None:
        super().__init__()
        self.picture, self.followers = list(picture), list(followers)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return aW, aH + 1  # never placed whole: always split (see above)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = shim.splitting_frame(self)
        at_top = frame is None or shim.frame_at_top(frame)
        if at_top or self._fits(self.picture, aW, aH):
            return [*self.picture, *self.followers]
        if not self.followers:
            return []
        first, rest = self.followers[0], self.followers[1:]
        if self._fits([first], aW, aH):
            return [first, DeferredPicture(self.picture, rest)]
        room = aH - first.getSpaceBefore()
        if room <= 0:
            return []
        first.wrapOn(self.canv, aW, room)
        parts = first.splitOn(self.canv, aW, room)
        if len(parts) != 2 or not self._fits(parts[:1], aW, aH):
            return []
        return [parts[0], DeferredPicture(self.picture, [parts[1], *rest])]

    def _fits(self, flowables: list[Flowable], aW: float, aH: float) -> bool:
        # The space before counts in full: the frame may spend less, never more.
        needed = shim.stack_height(flowables, aW, self.canv) + flowables[0].getSpaceBefore()
        return needed <= aH + 1e-6

    def draw(self) -> None:
        pass


class Stack(Flowable):
    """Flowables one under another, never parted: a QR code and the address under it."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.spaceBefore = self.flowables[0].getSpaceBefore()
        self.spaceAfter = self.flowables[-1].getSpaceAfter()

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, stack_height(self.flowables, aW)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        draw_stack(self.canv, self.flowables, self.width, self.height)


class Middle(Flowable):
    """What a `FullPage` may centre between its top and foot: a flowable that knows its
    size (a picture, a poster)."""

    draw_width: float
    draw_height: float


class FullPage(Flowable):
    """A page laid out as a whole (front or back cover): `top` flowables from the top
    down, `bottom` ones at the foot, `middle` (a picture) centred in the space between."""

    def __init__(
        self,
        top: Sequence[Flowable],
        bottom: Sequence[Flowable],
        middle: Picture | Middle | None = None,
        gap: float = 0.0,
    ) -> None:
        super().__init__()
        self.top, self.bottom, self.middle, self.gap = list(top), list(bottom), middle, gap

    def needed(self, aW: float) -> float:
        """The height everything takes at width `aW`, gaps included."""
        height = stack_height(self.top, aW) + stack_height(self.bottom, aW)
        if self.middle:
            height += self.middle.draw_height + 2 * self.gap
        elif self.top and self.bottom:
            height += self.gap
        return height

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, aH
        return aW, aH

    def draw(self) -> None:
        top_h = stack_height(self.top, self.width)
        bottom_h = stack_height(self.bottom, self.width)
        # In reading order: top, middle (a picture, a slogan), foot.
        draw_stack(self.canv, self.top, self.width, self.height)
        if self.middle:
            low, high = bottom_h + self.gap, self.height - top_h - self.gap
            x = (self.width - self.middle.draw_width) / 2
            self.middle.drawOn(self.canv, x, low + (high - low - self.middle.draw_height) / 2)
        draw_stack(self.canv, self.bottom, self.width, bottom_h)


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height `flowables` take one under another at `width`, the larger of the space
    after one and before the next between them (as a frame merges them)."""
    total = 0.0
    for i, flowable in enumerate(flowables):
        total += flowable.wrap(width, 1e6)[1]
        if i:
            total += max(flowables[i - 1].getSpaceAfter(), flowable.getSpaceBefore())
    return total


def draw_stack(canv: Canvas, flowables: Sequence[Flowable], width: float, top: float) -> None:
    """Draw `flowables` one under another from `top` down, spaced as `stack_height` says."""
    y = top
    for i, flowable in enumerate(flowables):
        if i:
            y -= max(flowables[i - 1].getSpaceAfter(), flowable.getSpaceBefore())
        _, h = flowable.wrap(width, 1e6)
        y -= h
        flowable.drawOn(canv, 0, y)
