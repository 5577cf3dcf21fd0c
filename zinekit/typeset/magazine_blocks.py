"""Typesetters of the magazine's blocks (lede, pull quote, poster, columns) and what the
story does with them afterwards: text gathered beside a floated picture or a side pull
quote, and blocks gathered into two balanced columns.

A column, and the text beside a picture or a pull quote, is never narrower than
`MIN_MEASURE` (45 mm): narrower, a line holds three or four words and hyphenates every
other line. A block that would make one is refused where it is written."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import BalancedColumns

from zinekit.content.base import Located
from zinekit.content.blocks.text import Columns, Lede, Poster, Pullquote
from zinekit.errors import Location, TypesetError
from zinekit.i18n import say
from zinekit.typeset import reportlab_shim as shim
from zinekit.typeset.beside import TextBeside
from zinekit.typeset.context import Context
from zinekit.typeset.flowables import BlockMark
from zinekit.typeset.magazine import (
    DropCap,
    Rule,
    Squeezable,
    Stack,
    fit_poster,
    poster_words,
)
from zinekit.typeset.magazine import Poster as PosterFlowable
from zinekit.typeset.markup import Run
from zinekit.typeset.naming import describe, points
from zinekit.typeset.paragraph import Para
from zinekit.units import mm, to_mm

MIN_MEASURE = mm(45)
# A pull quote beside the text takes this share of the text width.
SIDE_SHARE = 0.38


def lede(ctx: Context, block: Lede) -> list[Flowable]:
    return list(
        ctx.paragraphs(block.lede, ctx.styles.lede, where=block.where, what=describe(block))
    )


def pullquote(ctx: Context, block: Pullquote) -> list[Flowable]:
    s, what = ctx.styles, describe(block)
    text = block.pullquote
    if text[0] not in "\"'\u201c\u2018\u00ab\u201e":
        text = f"\u201c{text}\u201d"
    parts: list[Flowable] = [
        Rule(s.rule_width * 2, space_after=s.leading * 0.45),
        ctx.paragraph(text, s.pullquote, where=block.where, what=what),
    ]
    if block.by:
        parts.append(
            ctx.paragraph(f"\u2014 {block.by}", s.pullquote_by, where=block.where, what=what)
        )
    parts[-1].spaceAfter = s.leading * 0.45
    parts.append(Rule(s.rule_width))
    if block.side is None:
        across = Squeezable(parts, ctx.geometry.frame_width)
        across.spaceBefore, across.spaceAfter = s.leading * 0.6, s.leading * 0.9
        return [across]
    width = beside_width(ctx, SIDE_SHARE, block, block.where_of("side"), "side")
    return [Beside(Stack(parts, width), block.side, gap=s.column_gap * 0.8)]


def beside_width(
    ctx: Context, share: float, block: Located, where: Location | None, key: str
) -> float:
    """The width of something `share` of the text wide with text beside it; refused when
    the text beside would be narrower than MIN_MEASURE."""
    g, gap = ctx.geometry, ctx.styles.column_gap * 0.8
    width = share * g.frame_width
    if g.frame_width - width - gap < MIN_MEASURE - 1e-6:
        least = (MIN_MEASURE + gap) / (1 - share)
        room = say(
            "typeset.magazine.room-column" if g.columns > 1 else "typeset.magazine.room-page"
        )
        raise TypesetError(
            say(
                "typeset.magazine.beside-too-narrow",
                key=key,
                least=f"{to_mm(least):.0f}",
                block=describe(block),
                measure=f"{to_mm(MIN_MEASURE):.0f}",
                room=room,
                width=f"{to_mm(g.frame_width):.0f}",
            ),
            where=where,
            hint=say("typeset.magazine.beside-too-narrow-hint", key=key),
        )
    return width


def poster(ctx: Context, block: Poster) -> list[Flowable]:
    s, g = ctx.styles, ctx.geometry
    bold, italic = ctx.fonts.style_of(s.poster.fontName)
    ctx.fonts.check([Run(block.poster, bold, italic)], where=block.where, what=describe(block))
    words = poster_words(block.poster)
    fitted = fit_poster(words, s.poster, g.frame_width, g.frame_height * 0.9, s.h1.fontSize)
    if fitted is None:
        raise TypesetError(
            say(
                "typeset.magazine.poster-too-large",
                block=describe(block),
                size=points(s.h1.fontSize),
            ),
            where=block.where,
            hint=say("typeset.magazine.poster-too-large-hint"),
        )
    return [
        PosterFlowable(
            fitted, s.poster, space_before=s.poster.spaceBefore, space_after=s.poster.spaceAfter
        )
    ]


def columns(ctx: Context, block: Columns) -> list[Flowable]:
    """From here on, blocks are measured for `block.columns` columns."""
    g, gap = ctx.geometry, ctx.styles.column_gap
    if block.columns > 1:
        width = (g.page_frame_width - (block.columns - 1) * gap) / block.columns
        if width < MIN_MEASURE - 1e-6:
            least = block.columns * MIN_MEASURE + (block.columns - 1) * gap
            raise TypesetError(
                say(
                    "typeset.magazine.columns-too-narrow",
                    least=f"{to_mm(least):.0f}",
                    measure=f"{to_mm(MIN_MEASURE):.0f}",
                    width=f"{to_mm(g.page_frame_width):.0f}",
                ),
                where=block.where,
                hint=say("typeset.magazine.columns-too-narrow-hint"),
            )
    ctx.geometry = g.in_columns(block.columns, gap)
    return [ColumnsMark(block.columns)]


class ColumnsMark(shim.ZeroSize):
    """Zero-size: the blocks after it are set in `count` columns (see `gather_columns`)."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def draw(self) -> None:
        pass


class Beside(shim.ZeroSize):
    """Zero-size placeholder: `stack` goes at the `side` of the text that follows it (see
    `gather_beside`); with `may_move`, the text after it may fill a page's foot the stack
    does not fit in (see `beside.TextBeside`)."""

    def __init__(self, stack: Stack, side: str, *, gap: float, may_move: bool = True) -> None:
        super().__init__()
        self.stack, self.side, self.gap, self.may_move = stack, side, gap, may_move

    def draw(self) -> None:
        pass


def _runs_beside(flowable: Flowable) -> bool:
    """Text that may run beside a picture: paragraphs, and the marks between blocks."""
    return isinstance(flowable, Para | DropCap | BlockMark) and not flowable.getKeepWithNext()


def gather_beside(story: list[Flowable], leading: float) -> list[Flowable]:
    """Each `Beside` with the paragraphs after it (up to a heading, a picture, a worksheet
    block...) as one flowable: the paragraphs run beside it, then under it."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        item = story[i]
        i += 1
        if not isinstance(item, Beside):
            out.append(item)
            continue
        text: list[Flowable] = []
        while i < len(story) and _runs_beside(story[i]):
            text.append(story[i])
            i += 1
        group = TextBeside(
            item.stack,
            text,
            side=item.side,
            gap=item.gap,
            pad=leading * 0.5,
            may_move=item.may_move,
        )
        out.append(group)
    return out


def gather_columns(story: list[Flowable], gap: float) -> list[Flowable]:
    """What follows a `ColumnsMark` of 2, up to the next mark or the end, set in two
    balanced columns `gap` apart."""
    out: list[Flowable] = []
    group: list[Flowable] | None = None
    for item in story:
        if isinstance(item, ColumnsMark):
            if group:
                out.append(_balanced(group, gap))
            group = [] if item.count > 1 else None
            continue
        if group is None:
            out.append(item)
        elif isinstance(item, PageBreak):
            if group:
                out.append(_balanced(group, gap))
            group = None
            out.append(item)
        else:
            group.append(item)
    if group:
        out.append(_balanced(group, gap))
    return out


def _balanced(flowables: list[Flowable], gap: float) -> Flowable:
    return BalancedColumns(
        flowables,
        nCols=2,
        innerPadding=gap,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        spaceAfter=gap * 0.5,
    )
