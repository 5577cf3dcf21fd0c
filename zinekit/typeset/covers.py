"""The front cover, the title on page 1 of a publication without one, and the back cover:
pages laid out whole (`FullPage`) rather than flowed."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from zinekit.content import model as m
from zinekit.errors import TypesetError
from zinekit.typeset.context import Context
from zinekit.typeset.flowables import FullPage, OutlineMark, Para, Picture
from zinekit.typeset.images import PRINT_PPI
from zinekit.typeset.markup import Run, to_xml


def masthead(ctx: Context, pub: m.Publication) -> list[Flowable]:
    """Title and subtitle above the first block, for a publication without a cover."""
    s = ctx.styles
    title_style = ParagraphStyle(
        "masthead",
        parent=s.cover_title,
        fontSize=s.h1.fontSize * 1.25,
        leading=s.h1.fontSize * 1.25 * 1.15,
        spaceAfter=s.leading * 0.3,
        keepWithNext=1,
    )
    out: list[Flowable] = [ctx.paragraph(pub.title, title_style, where=None, what="the title")]
    if pub.subtitle:
        subtitle_style = ParagraphStyle(
            "masthead-subtitle", parent=s.cover_subtitle, spaceAfter=s.leading, keepWithNext=1
        )
        out.append(ctx.paragraph(pub.subtitle, subtitle_style, where=None, what="the subtitle"))
    else:
        title_style.spaceAfter = s.leading
    return out


def cover_page(ctx: Context, pub: m.Publication, cover: m.Cover) -> FullPage:
    """Title and subtitle at the top, footer at the foot, the picture between them."""
    s, g = ctx.styles, ctx.geometry
    where = cover.where
    width, height = g.width - 2 * g.inner, g.height - 2 * g.top
    picture = None
    if cover.image and cover.full_width:
        # Edge to edge: the page's width, and the bleed beyond both edges when asked for.
        reach = g.width + 2 * g.bleed
        prepared = ctx.images.get(cover.image, max_width=reach, where=where)
        low = prepared.low_resolution(cover.image, reach)
        if low:
            ctx.notes.append(low)
        picture = Picture(
            prepared.source,
            g.width,
            g.width * prepared.aspect,
            aspect=prepared.aspect,
            outset=g.bleed,
            screen=ctx.images.screen,
        )
    elif cover.image:
        prepared = ctx.images.get(cover.image, max_width=width, where=where)
        # The cover picture may be smaller than the page: never below 300 ppi.
        shown = min(width, prepared.width / PRINT_PPI * 72)
        picture = Picture(prepared.source, shown, shown * prepared.aspect, screen=ctx.images.screen)
    footer = cover.footer
    bottom: list[Flowable] = []
    if footer:
        bottom.append(ctx.paragraph(footer, s.cover_footer, where=where, what="the cover"))
    outline = OutlineMark(ctx.labels["cover"], 0, "cover")
    ctx.check(ctx.labels["cover"], where=where, what="the outline")
    # A long title gets smaller until title, subtitle and footer fill at most 60% of
    # the page; the picture takes what is left.
    for factor in (1.0, 0.85, 0.7, 0.6, 0.5):
        title_style = ParagraphStyle(
            "cover-title",
            parent=s.cover_title,
            fontSize=s.cover_title.fontSize * factor,
            leading=s.cover_title.leading * factor,
        )
        top: list[Flowable] = [
            outline,
            ctx.paragraph(pub.cover_title, title_style, where=where, what="the cover title"),
        ]
        if pub.cover_subtitle:
            top.append(
                ctx.paragraph(pub.cover_subtitle, s.cover_subtitle, where=where, what="the cover")
            )
        page = FullPage(top, bottom, None, gap=s.leading)
        if page.needed(width) <= 0.6 * height:
            break
    if page.needed(width) > height:
        raise TypesetError(
            "the cover title, subtitle and footer do not fit on the cover",
            where=where,
            hint="shorten the title",
        )
    room = height - page.needed(width) - 2 * s.leading
    if picture and room > 0 and cover.full_width:
        # A full-width picture keeps its width; a tall one is cut to the room.
        picture.draw_height = min(picture.draw_height, room)
        page.middle = picture
    elif picture and room > 0:
        scale = min(1.0, room / picture.draw_height)
        picture.draw_width *= scale
        picture.draw_height *= scale
        page.middle = picture
    elif picture:
        raise TypesetError(
            "the cover title and subtitle leave no room for the cover image",
            where=where,
            hint="shorten the title or leave the image out",
        )
    return page


def back_page(ctx: Context, back: m.Back) -> FullPage:
    """The closing text at the top; contact and licence at the foot."""
    s, g = ctx.styles, ctx.geometry
    width, height = g.width - 2 * g.inner, g.height - 2 * g.top
    what = "the back cover"
    top: list[Flowable] = [OutlineMark(ctx.labels["back-cover"], 0, "back-cover")]
    ctx.check(ctx.labels["back-cover"], where=back.where, what="the outline")
    if back.text:
        top += ctx.paragraphs(back.text, s.back_text, where=back.where, what=what)
    bottom: list[Flowable] = []
    if back.contact:
        label = ctx.labels["contact"]
        ctx.check(label, where=back.where, what=what)
        bottom.append(Para(to_xml([Run(label)]), s.back_label))
        bottom += ctx.paragraphs(back.contact, s.back_text, where=back.where, what=what)
    if back.license:
        bottom.append(ctx.paragraph(back.license, s.back_small, where=back.where, what=what))
    page = FullPage(top, bottom, gap=s.leading)
    if page.needed(width) > height:
        raise TypesetError(
            "the back cover does not fit on one page",
            where=back.where,
            hint="shorten its text, or move some of it into the blocks",
        )
    return page
