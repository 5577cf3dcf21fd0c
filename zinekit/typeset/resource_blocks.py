"""Typesetter of the resources block: films, zines, books and sites, each link printed as
a QR code with its address beside it."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from zinekit.content.blocks.resources import Resources
from zinekit.errors import Location, TypesetError
from zinekit.i18n import say
from zinekit.typeset.context import Context
from zinekit.typeset.flowables import QRCode, Stack
from zinekit.typeset.markup import Run, to_xml
from zinekit.typeset.naming import describe
from zinekit.typeset.paragraph import Para
from zinekit.typeset.styles import BLACK
from zinekit.units import mm


def resources(ctx: Context, block: Resources) -> list[Flowable]:
    what = describe(block)
    out = ctx.title(block.title, block)
    s = ctx.styles
    for resource in block.resources:
        kind = ctx.labels.kind(resource.kind)
        parts: list[Flowable] = [
            ctx.paragraph(kind.upper(), s.kind, where=block.where, what=what, markup=False),
            ctx.paragraph(resource.title, s.resource_title, where=block.where, what=what),
        ]
        meta = " \u00b7 ".join(str(x) for x in (resource.by, resource.year, resource.length) if x)
        if meta:
            parts.append(ctx.paragraph(meta, s.meta, where=block.where, what=what))
        if resource.note:
            parts += ctx.paragraphs(resource.note, s.body, where=block.where, what=what)
        if resource.link:
            parts += _link(ctx, resource.link, block.where, what)
        # An entry stays on one page: its parts keep with the next (not KeepTogether,
        # which would also part it from a heading above).
        for part in parts[:-1]:
            part.keepWithNext = 1
        parts[-1].spaceAfter = s.leading
        out += parts
    return out


def _link(ctx: Context, link: str, where: Location | None, what: str) -> list[Flowable]:
    """The QR code with the address printed beside it, or under it on a narrow page."""
    s = ctx.styles
    width = ctx.geometry.frame_width
    code = QRCode(link, max_size=width * 0.4)
    if code.width > width:
        raise TypesetError(
            say("typeset.resources.qr-too-wide", block=what),
            where=where,
            hint=say("typeset.resources.qr-too-wide-hint"),
        )
    shown = link.removeprefix("mailto:")
    ctx.fonts.check([Run(shown)], where=where, what=what)
    url = Para(to_xml([Run(shown, href=link)]), s.url)
    gap = s.size * 0.6
    if width - code.width - gap < max(mm(20), 0.3 * width):
        code.hAlign = "LEFT"
        return [Stack([code, url])]
    table = Table(
        [[code, url]],
        colWidths=[code.width, width - code.width],
        style=TableStyle(
            [
                # Table's own default font is Helvetica, set even for cells of flowables.
                ("FONTNAME", (0, 0), (-1, -1), s.url.fontName),
                ("TEXTCOLOR", (0, 0), (-1, -1), BLACK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), gap),
            ]
        ),
        hAlign="LEFT",
    )
    return [table]
