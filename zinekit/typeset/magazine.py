"""The flowables of the magazine's vocabulary: a kicker over a heading, a poster fitted to
its longest word, a paragraph opening with a drop capital, a stack of flowables of a set
width (a pull quote or a picture beside the text), and the fitting of poster type.

Fonts and sizes come from the styles (`typeset.styles`); nothing here names a font."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

import zinekit.typeset.reportlab_shim as shim
from zinekit.typeset.flowables import Middle
from zinekit.typeset.paragraph import Para
from zinekit.typeset.styles import BLACK

# A poster's lines keep this share of the width free, so that no letter touches the margin.
POSTER_FILL = 0.97


class Kicker(Flowable):
    """A section label over a heading: capitals spaced `tracking` em apart, with a rule
    above it across the column (`frame` "rule") or a box around it ("box")."""

    def __init__(
        self, text: str, style: ParagraphStyle, *, tracking: float, frame: str, rule: float
    ) -> None:
        super().__init__()
        self.text, self.style = text.upper(), style
        self.tracking, self.frame, self.rule = tracking, frame, rule
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.keepWithNext = 1
        self._pad = style.fontSize * 0.45

    @property
    def text_width(self) -> float:
        size = self.style.fontSize
        space = size * self.tracking
        # No spacing after the last letter: the label ends where its last letter does.
        return stringWidth(self.text, self.style.fontName, size) + space * (len(self.text) - 1)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = self.style.leading + 2 * self._pad
        return aW, self.height

    def draw(self) -> None:
        canv, size = self.canv, self.style.fontSize
        canv.saveState()
        canv.setFillColor(BLACK)
        canv.setStrokeColor(BLACK)
        canv.setLineWidth(self.rule)
        baseline = self._pad + (self.style.leading - size) / 2 + size * 0.22
        x = self._pad if self.frame == "box" else 0.0
        if self.frame == "box":
            canv.rect(0, 0, self.text_width + 2 * self._pad, self.height, stroke=1, fill=0)
        else:
            canv.line(0, self.height - self.rule / 2, self.width, self.height - self.rule / 2)
        text = canv.beginText(x, baseline)
        text.setFont(self.style.fontName, size)
        text.setCharSpace(size * self.tracking)
        text.textOut(self.text)
        canv.drawText(text)
        canv.restoreState()


@dataclass(frozen=True)
class PosterType:
    """Lines of a poster at one size."""

    size: float
    lines: tuple[str, ...]
    leading: float


def word_width(word: str, font: str) -> float:
    return stringWidth(word, font, 1.0)


def break_words(
    paragraphs: Sequence[Sequence[str]], font: str, size: float, width: float
) -> list[str]:
    """Lines of whole words at `size`: a line breaks only between words, and each of
    `paragraphs` (a line the writer broke) starts a new one."""
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for words in paragraphs:
        line: list[str] = []
        used = 0.0
        for word in words:
            w = stringWidth(word, font, size)
            if line and used + space + w > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + w
            line.append(word)
        if line:
            lines.append(" ".join(line))
    return lines


def poster_words(text: str) -> list[list[str]]:
    """The words of each line the writer wrote."""
    return [line.split() for line in text.splitlines() if line.split()]


def largest_size(
    paragraphs: Sequence[Sequence[str]], font: str, width: float, largest: float
) -> float:
    """The size at which the longest word just fits `width`, at most `largest`."""
    widest = max(word_width(word, font) for words in paragraphs for word in words)
    return min(largest, width * POSTER_FILL / widest)


def poster_height(count: int, size: float, leading: float, font: str) -> float:
    """The height of `count` lines: from the top of the capitals of the first line to the
    lowest descender of the last."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    cap = (getattr(face, "capHeight", 700) or 700) / 1000
    descent = abs(getattr(face, "descent", -250) or -250) / 1000
    return cap * size + (count - 1) * leading + descent * size


class Poster(Middle):
    """Lines of a poster, each centred, in the style's font at `type.size`."""

    def __init__(
        self, type_: PosterType, style: ParagraphStyle, *, space_before: float, space_after: float
    ) -> None:
        super().__init__()
        self.type, self.style = type_, style
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.draw_height = poster_height(
            len(type_.lines), type_.size, type_.leading, style.fontName
        )

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = self.draw_width = aW
        return aW, self.draw_height

    def draw(self) -> None:
        canv, t = self.canv, self.type
        face = getattr(pdfmetrics.getFont(self.style.fontName), "face", None)
        cap = (getattr(face, "capHeight", 700) or 700) / 1000
        canv.saveState()
        canv.setFillColor(BLACK)
        canv.setFont(self.style.fontName, t.size)
        y = self.draw_height - cap * t.size
        for line in t.lines:
            canv.drawCentredString(self.width / 2, y, line)
            y -= t.leading
        canv.restoreState()


def fit_poster(
    paragraphs: Sequence[Sequence[str]],
    style: ParagraphStyle,
    width: float,
    height: float,
    smallest: float,
) -> PosterType | None:
    """The largest type, at most the style's size, at which the longest word fits the
    width and all lines fit `height`; never smaller than `smallest` for the height's sake
    (None: it does not fit then), but as small as the longest word needs."""
    font, ratio = style.fontName, style.leading / style.fontSize
    size = largest_size(paragraphs, font, width, style.fontSize)
    while True:
        lines = break_words(paragraphs, font, size, width * POSTER_FILL)
        if poster_height(len(lines), size, size * ratio, font) <= height:
            return PosterType(size, tuple(lines), size * ratio)
        if size <= smallest:
            return None
        size = max(smallest, size * 0.96)


class Stack(Flowable):
    """Flowables one under another at a set width: a pull quote or a picture with its
    caption set beside the text."""

    def __init__(self, flowables: Sequence[Flowable], width: float) -> None:
        super().__init__()
        self.flowables, self.stack_width = list(flowables), width

    def _heights(self) -> list[float]:
        return [f.wrap(self.stack_width, 1e6)[1] for f in self.flowables]

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        heights = self._heights()
        gaps = sum(
            max(a.getSpaceAfter(), b.getSpaceBefore())
            for a, b in zip(self.flowables, self.flowables[1:], strict=False)
        )
        self.width, self.height = self.stack_width, sum(heights) + gaps
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for i, flowable in enumerate(self.flowables):
            if i:
                y -= max(self.flowables[i - 1].getSpaceAfter(), flowable.getSpaceBefore())
            w, h = flowable.wrap(self.stack_width, 1e6)
            y -= h
            x = (self.stack_width - w) / 2 if getattr(flowable, "hAlign", "") == "CENTER" else 0
            flowable.drawOn(self.canv, x, y)


class Squeezable(Stack):
    """A stack (a pull quote across the column) whose inner spaces may close up to
    `SQUEEZE` of themselves where the foot of a page is a little short of room for it:
    it closes that page rather than opening the next one on its own."""

    squeezed = False

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        if self.squeezed:
            return []
        tight = Squeezable([copy.copy(f) for f in self.flowables], self.stack_width)
        for flowable in tight.flowables:
            flowable.spaceBefore = flowable.getSpaceBefore() * SQUEEZE
            flowable.spaceAfter = flowable.getSpaceAfter() * SQUEEZE
        tight.squeezed = True
        tight.spaceBefore, tight.spaceAfter = self.getSpaceBefore(), self.getSpaceAfter()
        if tight.wrap(aW, aH)[1] > aH + 1e-6:
            return []
        return [tight]


# The share of its inner spaces a squeezed stack keeps.
SQUEEZE = 0.3


class Rule(Flowable):
    """A horizontal rule across the width, `weight` thick."""

    def __init__(
        self, weight: float, *, space_before: float = 0.0, space_after: float = 0.0
    ) -> None:
        super().__init__()
        self.weight = weight
        self.spaceBefore, self.spaceAfter = space_before, space_after

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        return aW, self.weight

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(BLACK)
        self.canv.setLineWidth(self.weight)
        self.canv.line(0, self.weight / 2, self.width, self.weight / 2)
        self.canv.restoreState()


class DropCap(Flowable):
    """A paragraph whose first letter is a capital `lines` lines tall: its top level with
    the capitals of the first line, its baseline on the baseline of line `lines`, the text
    of those lines continuing beside it. It splits between lines like a paragraph (never
    inside the capital's lines); the part after a split is a plain paragraph."""

    def __init__(
        self, letter: str, body: Para, style: ParagraphStyle, lines: int, *, gap: float
    ) -> None:
        super().__init__()
        self.letter, self.body, self.style, self.lines = letter, body, style, lines
        self.gap = gap
        self.spaceBefore, self.spaceAfter = body.getSpaceBefore(), body.getSpaceAfter()
        self._fixed: object | None = None  # the lines of the part before a split
        self._count = 0

    @property
    def cap_width(self) -> float:
        return stringWidth(self.letter, self.style.fontName, self.style.fontSize)

    def _break(self, aW: float) -> None:
        self.body.width = aW
        indent = self.cap_width + self.gap
        widths = [aW - indent] * self.lines + [aW]
        self._count = shim.break_lines(self.body, widths, self._fixed)
        if self._fixed is None:  # the lines of a split's head stay as they were

            def again() -> None:
                self._count = shim.break_lines(self.body, widths)

            self.body.obey_rules(again)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._break(aW)
        self.width = aW
        self.height = max(self._count, self.lines) * self.body.style.leading
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self._break(aW)
        fit = int(aH / self.body.style.leading)
        if self._count <= fit:
            return [self]
        if self._count == fit + 1:  # no widow: one more line goes along
            fit -= 1
        if fit < max(self.lines, 2):
            return []
        first, rest = shim.split_lines(self.body, fit)
        head = DropCap(self.letter, self.body, self.style, self.lines, gap=self.gap)
        head._fixed = first
        head.spaceAfter = 0
        return [head, rest]

    def draw(self) -> None:
        p, canv = self.body, self.canv
        leading, size = p.style.leading, p.style.fontSize
        indent = self.cap_width + self.gap
        shim.draw_indented(
            p, canv, 0, self.height - self._count * leading, [indent] * self.lines + [0.0]
        )
        baseline = self.height - size - (self.lines - 1) * leading
        canv.saveState()
        canv.setFillColor(BLACK)
        canv.setFont(self.style.fontName, self.style.fontSize)
        canv.drawString(0, baseline, self.letter)
        canv.restoreState()
