"""The story of one publication: the cover (or, without one, the title on page 1), every
content block in order, then the back cover, as reportlab flowables for `pages.ZineDoc`.

`TYPESETTERS` is the one table from a block's model to the function that sets it; there
is one for every kind in `zinekit.content.registry.KINDS` (a test holds them equal).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.doctemplate import ActionFlowable, NextPageTemplate

import zinekit.typeset.magazine_blocks as magazine_blocks
import zinekit.typeset.reportlab_shim as shim
import zinekit.typeset.resource_blocks as resource_blocks
import zinekit.typeset.text_blocks as text_blocks
import zinekit.typeset.worksheet_blocks as worksheet_blocks
from zinekit.content.base import Located
from zinekit.content.blocks import image, page_break, resources, text, worksheet
from zinekit.content.model import Publication
from zinekit.typeset.context import Context, lead
from zinekit.typeset.covers import back_page, cover_page, masthead
from zinekit.typeset.flowables import BlockMark, DeferredPicture, Gap, Picture
from zinekit.typeset.magazine import DropCap
from zinekit.typeset.pages import BODY_TEMPLATES
from zinekit.typeset.paragraph import Para
from zinekit.typeset.worksheet import Shape

# A typesetter takes the context and a block of its kind, and returns the block's flowables.
Typesetter = Callable[[Context, Any], list[Flowable]]


def _page_break(ctx: Context, block: page_break.PageBreak) -> list[Flowable]:
    # A page break ends two columns (see magazine_blocks.gather_columns).
    ctx.geometry = ctx.geometry.in_columns(1, 0.0)
    ctx.block_lang = None
    return [PageBreak()]


TYPESETTERS: dict[type[Located], Typesetter] = {
    text.Heading: text_blocks.heading,
    text.Text: text_blocks.text,
    text.Lede: magazine_blocks.lede,
    text.ListBlock: text_blocks.list_block,
    text.Agreements: text_blocks.agreements,
    text.Affirmations: text_blocks.affirmations,
    resources.Resources: resource_blocks.resources,
    text.Quote: text_blocks.quote,
    text.Pullquote: magazine_blocks.pullquote,
    text.Poster: magazine_blocks.poster,
    text.Columns: magazine_blocks.columns,
    image.Image: text_blocks.image,
    worksheet.WriteIn: worksheet_blocks.write_in,
    worksheet.Box: worksheet_blocks.box,
    worksheet.Checklist: worksheet_blocks.checklist,
    worksheet.Scale: worksheet_blocks.scale,
    worksheet.Fields: worksheet_blocks.fields,
    worksheet.Table: worksheet_blocks.table,
    page_break.PageBreak: _page_break,
}


def build_story(pub: Publication, ctx: Context) -> list[Flowable]:
    """Cover (or, without one, a title on page 1), content blocks in order (each after a
    BlockMark), then the back cover."""
    story: list[Flowable]
    if pub.cover:
        first = cover_page(ctx, pub, pub.cover)
        story = [first, NextPageTemplate(BODY_TEMPLATES), PageBreak()]
    else:
        # A handout has no cover: page 1 (a right-hand page) opens with the title.
        story = [NextPageTemplate(BODY_TEMPLATES), *masthead(ctx, pub)]
    for index, block in enumerate(pub.blocks):
        ctx.block_index = index
        ctx.block_lang = getattr(block, "lang", None)
        mark = BlockMark(index)
        # A mark between a heading and its text must not break keep-with-next.
        mark.keepWithNext = bool(story and story[-1].getKeepWithNext())
        story.append(mark)
        flowables = TYPESETTERS[type(block)](ctx, block)
        lead(mark, flowables)
        for flowable in flowables:
            if isinstance(flowable, Shape):
                # Measured with room for the space before the block (`Shape.slack`).
                flowable.slack = ctx.styles.leading
        story.extend(flowables)
    ctx.geometry = ctx.geometry.in_columns(1, 0.0)
    story = magazine_blocks.gather_beside(story, ctx.styles.leading)
    story = magazine_blocks.gather_columns(story, ctx.styles.column_gap)
    if ctx.spread:
        story = _spread(story, ctx.spread)
    story = defer_pictures(story)
    if pub.back:
        story += [
            NextPageTemplate("back"),
            PageBreak(),
            back_page(ctx, pub.back),
        ]
    return story


def _spread(story: list[Flowable], extra: float) -> list[Flowable]:
    """`story` with `extra` space wherever it may break between flowables: between blocks
    and between the items of a block, never inside what is kept with what follows."""
    out: list[Flowable] = []
    content = [not isinstance(f, ActionFlowable) and not shim.is_zero_size(f) for f in story]
    for i, flowable in enumerate(story):
        out.append(flowable)
        if not content[i] or flowable.getKeepWithNext():
            continue
        # The next flowable with room, past the marks between (a block's mark).
        after = next((j for j in range(i + 1, len(story)) if content[j]), None)
        between = story[i + 1 : after]
        if after is not None and not any(isinstance(f, ActionFlowable) for f in between):
            out.append(Gap(extra, flowable))
    return out


def defer_pictures(story: list[Flowable]) -> list[Flowable]:
    """Each picture that may move (`Picture.may_move`: not `keep: true`, not floated) with
    its caption and the text after it, as a `DeferredPicture`: when the picture does not fit
    at the foot of a page, that text fills the page and the picture opens the next one.

    The text that may go first is paragraphs and the marks between blocks, up to the next
    heading (kept with what follows), picture or other block, so a picture never moves past
    a heading. Pictures in two columns were gathered into them before and stay in order; so
    does a picture right under a heading (it belongs there)."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        item = story[i]
        kept_above = bool(out and out[-1].getKeepWithNext())
        if not (isinstance(item, Picture) and item.may_move) or kept_above:
            out.append(item)
            i += 1
            continue
        picture: list[Flowable] = [item]
        i += 1
        while picture[-1].getKeepWithNext() and i < len(story):  # the caption and credit
            picture.append(story[i])
            i += 1
        followers: list[Flowable] = []
        while i < len(story) and _may_go_first(story[i]):
            followers.append(story[i])
            i += 1
        # The marks of the block that ends the run stay with it, after the picture.
        while followers and (shim.is_zero_size(followers[-1]) or isinstance(followers[-1], Gap)):
            followers.pop()
            i -= 1
        if any(not shim.is_zero_size(f) and not isinstance(f, Gap) for f in followers):
            out.append(DeferredPicture(picture, followers))
        else:
            out.extend([*picture, *followers])
    return out


def _may_go_first(flowable: Flowable) -> bool:
    """Text that may go before a picture that does not fit: paragraphs (not kept with what
    follows, as a heading is), and the marks and spaces between blocks."""
    if flowable.getKeepWithNext():
        return False
    return isinstance(flowable, Para | DropCap | BlockMark | Gap)
