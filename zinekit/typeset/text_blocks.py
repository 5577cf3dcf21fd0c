"""Typesetters of the blocks of running text: headings, paragraphs, lists, agreements,
affirmations, quotes and pictures. Each takes the context and its block and returns the
block's flowables."""

from __future__ import annotations

import dataclasses

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from zinekit.content.blocks.image import Image
from zinekit.content.blocks.text import Affirmations, Agreements, Heading, ListBlock, Quote, Text
from zinekit.content.blocks.worksheet import FILL, PITCH
from zinekit.i18n import say
from zinekit.typeset.context import Context, lead
from zinekit.typeset.fitting import fit_words
from zinekit.typeset.flowables import OutlineMark, Picture
from zinekit.typeset.geometry import MIN_FONT_SIZE
from zinekit.typeset.magazine import (
    POSTER_FILL,
    DropCap,
    Kicker,
    PosterType,
    Stack,
    break_words,
    fit_poster,
    largest_size,
    poster_words,
)
from zinekit.typeset.magazine import Poster as PosterFlowable
from zinekit.typeset.magazine_blocks import Beside, beside_width
from zinekit.typeset.markup import Run, paragraphs, runs, to_xml
from zinekit.typeset.naming import describe
from zinekit.typeset.ornaments import RuleLine
from zinekit.typeset.overflow import Part, tag
from zinekit.typeset.paragraph import Para, in_language, with_marked_words
from zinekit.typeset.worksheet_fill import WriteIn

BULLET = "\u2022"
# A picture leaves at least this share of the text height for its caption and neighbours.
_PICTURE_MAX_HEIGHT = 0.8


def heading(ctx: Context, block: Heading) -> list[Flowable]:
    """The heading in the theme's heading style (its case); a level-1 heading is followed
    by the theme's rule, when it has one, kept with what follows."""
    what = describe(block)
    look = ctx.theme.spec.heading
    style = ctx.styles.h1 if block.level == 1 else ctx.styles.h2
    spacing = ctx.styles.heading_tracking
    width = ctx.geometry.frame_width
    style = fit_words(ctx.fonts, style, block.heading, width, case=look.case, tracking=spacing)
    para = ctx.paragraph(block.heading, style, where=block.where, what=what, case=look.case)
    para.tracking = style.fontSize * spacing
    level, key = ctx.outline_entry(block.level)
    title = "".join(run.text for run in runs(block.heading))
    outline = OutlineMark(title, level, key)
    out: list[Flowable] = [outline]
    if block.kicker:
        s = ctx.styles
        bold, italic = ctx.fonts.style_of(s.kicker.fontName)
        ctx.fonts.check(
            [Run(block.kicker.upper(), bold, italic)],
            where=block.where,
            what=what,
            font=s.kicker.fontName,
        )
        kicker = Kicker(
            block.kicker,
            s.kicker,
            tracking=s.kicker_tracking,
            frame=s.kicker_frame,
            rule=s.rule_width,
        )
        # The heading sits close under its label.
        para.spaceBefore = 0
        lead(outline, [kicker])
        out.append(kicker)
    else:
        lead(outline, [para])
    out.append(para)
    if block.level == 1 and look.rule.style != "none":
        out.append(RuleLine(look.rule, seed=title, space=style.spaceAfter, keep_with_next=True))
    return out


def text(ctx: Context, block: Text) -> list[Flowable]:
    what = describe(block)
    paras: list[Flowable] = list(
        ctx.paragraphs(block.text, ctx.styles.body, where=block.where, what=what)
    )
    if block.dropcap:
        paras[0] = _dropcap(ctx, block, paragraphs(block.text)[0])
    return paras


# Punctuation that opens a paragraph goes into the drop capital with its letter.
_OPENING = "\"'\u201c\u2018\u00ab\u201e([\u2014-"


def _dropcap(ctx: Context, block: Text, first: str) -> Flowable:
    """The first paragraph with its first letter (and any quote mark before it) set as a
    drop capital."""
    s, what = ctx.styles, describe(block)
    items = runs(first)
    plain = "".join(run.text for run in items)
    lead_chars = len(plain) - len(plain.lstrip(_OPENING))
    take = lead_chars + 1
    letter = plain[:take].strip()
    if not letter or not letter[-1].isalnum():
        return ctx.paragraph(first, s.body, where=block.where, what=what)
    rest: list[Run] = []
    for run in items:
        if take >= len(run.text):
            take -= len(run.text)
            continue
        rest.append(dataclasses.replace(run, text=run.text[take:]) if take else run)
        take = 0
    bold, italic = ctx.fonts.style_of(s.dropcap.fontName)
    ctx.fonts.check([Run(letter, bold, italic), *rest], where=block.where, what=what)
    body = Para(to_xml(rest), with_marked_words(in_language(s.body, ctx.block_lang), rest))
    return DropCap(letter, body, s.dropcap, s.dropcap_lines, gap=s.size * 0.35)


def _indented(ctx: Context, marks: list[str]) -> tuple[ParagraphStyle, ParagraphStyle]:
    """Item style with room for the widest mark, and the same indent without one."""
    s = ctx.styles
    widest = max(stringWidth(mark, s.item.fontName, s.size) for mark in marks)
    indent = widest + s.size * 0.6
    item = ParagraphStyle("item", parent=s.item, leftIndent=indent, bulletIndent=0)
    rest = ParagraphStyle("item-rest", parent=s.agreement_text, leftIndent=indent)
    return item, rest


def list_block(ctx: Context, block: ListBlock) -> list[Flowable]:
    what = describe(block)
    marks = [f"{i}." for i in range(1, len(block.items) + 1)] if block.numbered else [BULLET]
    item_style, rest_style = _indented(ctx, marks)
    out = ctx.title(block.title, block)
    for i, item in enumerate(block.items):
        mark = marks[i] if block.numbered else BULLET
        first, *more = paragraphs(item)
        out.append(ctx.paragraph(first, item_style, where=block.where, what=what, bullet=mark))
        out += [ctx.paragraph(p, rest_style, where=block.where, what=what) for p in more]
    # The text after a list stands as far from it as from a paragraph.
    out[-1].spaceAfter = ctx.styles.body.spaceAfter
    return out


def agreements(ctx: Context, block: Agreements) -> list[Flowable]:
    what = describe(block)
    count = len(block.agreements)
    marks = [f"{i}." for i in range(1, count + 1)] if block.numbered else [""]
    title_style, text_style = _indented(ctx, marks)
    bold = ctx.fonts.name(bold=True)
    title_style = ParagraphStyle(
        "agreement-title",
        parent=title_style,
        fontName=bold,
        bulletFontName=bold,
        spaceAfter=ctx.styles.leading * 0.1,
    )
    if not block.numbered:
        title_style.leftIndent = text_style.leftIndent = 0
    # A title without text keeps the space an agreement's text would leave.
    alone_style = ParagraphStyle(
        "agreement-alone", parent=title_style, spaceAfter=text_style.spaceAfter
    )
    untitled_style = ParagraphStyle(
        "agreement-untitled",
        parent=title_style,
        fontName=text_style.fontName,
        spaceAfter=text_style.spaceAfter,
    )
    out: list[Flowable] = []
    for i, agreement in enumerate(block.agreements):
        mark = marks[i] if block.numbered else None
        texts = (
            ctx.paragraphs(agreement.text, text_style, where=block.where, what=what)
            if agreement.text
            else []
        )
        if agreement.title is None:
            # No title: the text is the agreement, its first paragraph numbered.
            first, *more = paragraphs(agreement.text or "")
            out.append(
                ctx.paragraph(first, untitled_style, where=block.where, what=what, bullet=mark)
            )
            out += [ctx.paragraph(p, text_style, where=block.where, what=what) for p in more]
            continue
        style = title_style if texts else alone_style
        title = ctx.paragraph(agreement.title, style, where=block.where, what=what, bullet=mark)
        title.keepWithNext = int(bool(texts))
        out += [title, *texts]
    return out


def affirmations(ctx: Context, block: Affirmations) -> list[Flowable]:
    what = describe(block)
    spec = block.affirmations
    before, after = spec.pattern.split("{}")
    style = ctx.styles.affirmation
    bold, italic = ctx.fonts.style_of(style.fontName)

    def plain(text: str) -> list[Run]:
        return runs(text, bold=bold, italic=italic)

    lines = []
    for item in spec.items:
        # The item is what changes from line to line: set it in bold.
        items = [*plain(before), *runs(item, bold=True, italic=italic), *plain(after)]
        ctx.fonts.check(items, where=block.where, what=what)
        lines.append(items)
    if spec.style == "poster":
        out = _affirmation_poster(ctx, block)
    else:
        if spec.align == "center":
            style = ParagraphStyle("affirmation-centred", parent=style, alignment=TA_CENTER)
        out = _affirmation_list(ctx, block, style, lines)
    if spec.continue_ is not None:
        text = spec.continue_.prompt or ctx.labels["continue-prompt"]
        prompt = ctx.paragraph(text, ctx.styles.prompt, where=block.where, what=what)
        count = spec.continue_.lines
        if count:
            field = ctx.field(block, text, text)
            out.append(
                WriteIn(
                    prompt,
                    None if count == FILL else int(count),
                    PITCH,
                    page_height=ctx.geometry.frame_height,
                    field=field,
                )
            )
        else:
            out[-1].keepWithNext = 1
            out.append(prompt)
    return out


def _affirmation_poster(ctx: Context, block: Affirmations) -> list[Flowable]:
    """Each affirmation centred in poster type, one size for all: as large as the longest
    word allows and as lets them all share a page (never smaller than the text)."""
    s, g = ctx.styles, ctx.geometry
    before, after = block.affirmations.pattern.split("{}")
    texts = [f"{before}{item}{after}" for item in block.affirmations.items]
    words = [poster_words(text) for text in texts]
    gap = s.leading * 0.6
    style = ParagraphStyle("affirmation-poster", parent=s.poster, fontSize=s.poster.fontSize)
    # They share a page with a heading above them (a tenth of the page, about).
    room = g.frame_height * 0.88 - gap * (len(texts) + 1)
    bold, italic = ctx.fonts.style_of(style.fontName)
    ctx.fonts.check([Run(t, bold, italic) for t in texts], where=block.where, what=describe(block))
    # One size for all: the size at which they all share a page, or when they cannot even
    # at the text's size, the text's size (or less, for a word wider than the page).
    together = [w for ws in words for w in ws]
    fitted = fit_poster(together, style, g.frame_width, room, s.size)
    size = fitted.size if fitted else largest_size(together, style.fontName, g.frame_width, s.size)
    style = ParagraphStyle(
        "affirmation-poster",
        parent=s.poster,
        fontSize=size,
        leading=size * s.poster.leading / s.poster.fontSize,
    )
    out: list[Flowable] = []
    for ws in words:
        lines = break_words(ws, style.fontName, size, g.frame_width * POSTER_FILL)
        out.append(
            PosterFlowable(
                PosterType(size, tuple(lines), style.leading),
                style,
                space_before=gap,
                space_after=gap,
            )
        )
    return out


def _affirmation_list(
    ctx: Context, block: Affirmations, style: ParagraphStyle, lines: list[list[Run]]
) -> list[Flowable]:
    spec = block.affirmations
    before, after = spec.pattern.split("{}")
    bold, italic = ctx.fonts.style_of(style.fontName)

    def plain(text: str) -> list[Run]:
        return runs(text, bold=bold, italic=italic)

    style, fits = _one_line_each(ctx, style, lines, spec.pattern)
    if fits:
        out: list[Flowable] = [Para(to_xml(items), style) for items in lines]
    else:
        # The punctuation right after the item stays with it: "ALASAN," / "TAK APA-APA".
        cut = next((i for i, char in enumerate(after) if char.isspace()), len(after))
        head, tail = after[:cut], after[cut:].lstrip()
        gap = after[cut:] != tail
        space = Run(" ", bold, italic)
        out = []
        for item in spec.items:
            segments = [plain(before.rstrip())]
            bold_item = [*runs(item, bold=True, italic=italic), *plain(head)]
            if before[-1:].isspace():
                segments.append(bold_item)
            else:
                segments[-1] += bold_item
            if gap:
                segments.append(plain(tail))
            else:
                segments[-1] += plain(tail)
            out.append(Para(_broken(ctx, segments, space, style), style))
    return out


def _one_line_each(
    ctx: Context, style: ParagraphStyle, lines: list[list[Run]], pattern: str
) -> tuple[ParagraphStyle, bool]:
    """A smaller size, if need be, so that every affirmation fits on one line. When one
    is too long even then (False), they keep their size and wrap under themselves, and
    the user hears of it."""
    measure = ctx.geometry.frame_width
    widest = max(
        sum(stringWidth(r.text, ctx.fonts.name(r.bold, r.italic), style.fontSize) for r in rs)
        for rs in lines
    )
    if widest <= measure:
        return style, True
    ctx.squeezed.append(pattern)
    floor = min(style.fontSize, max(MIN_FONT_SIZE, 0.85 * style.fontSize))
    size = max(floor, style.fontSize * measure / widest * 0.995)
    fits = widest * size / style.fontSize <= measure
    if not fits:
        ctx.notes.append(say("typeset.magazine.affirmations-too-long", pattern=repr(pattern)))
        size = style.fontSize  # wrapping anyway: no need to be smaller too
    return ParagraphStyle(
        "affirmation-fitted",
        parent=style,
        fontSize=size,
        leading=style.leading * size / style.fontSize,
        leftIndent=style.fontSize,
        firstLineIndent=-style.fontSize,
    ), fits


def _broken(ctx: Context, segments: list[list[Run]], space: Run, style: ParagraphStyle) -> str:
    """Paragraph XML of an affirmation too long for one line: its segments (the words
    before the item; the item and the punctuation after it; the rest) packed into
    lines with line breaks between them: "KALAU KAMU MERASA" / "SEDIH TANPA ALASAN,
    TAK APA-APA", not "KALAU KAMU MERASA SEDIH TANPA" / "ALASAN, TAK APA-APA". A
    segment too wide for a line by itself wraps where it must."""

    def width(seg: list[Run]) -> float:
        return sum(
            stringWidth(r.text, ctx.fonts.name(r.bold, r.italic), style.fontSize) for r in seg
        )

    lines: list[list[Run]] = []
    for seg in segments:
        if not "".join(run.text for run in seg).strip():
            continue
        # Lines after the first hang under it, indented by the style's leftIndent.
        room = ctx.geometry.frame_width - (style.leftIndent if len(lines) > 1 else 0)
        if lines and width(lines[-1]) + width([space]) + width(seg) <= room:
            lines[-1] = [*lines[-1], space, *seg]
        else:
            lines.append(list(seg))
    return "<br/>".join(to_xml(line) for line in lines)


def quote(ctx: Context, block: Quote) -> list[Flowable]:
    what = describe(block)
    text = block.quote.text
    # Typographic quotation marks, unless the writer put some in.
    if text[0] not in "\"'\u201c\u2018\u00ab\u201e":
        text = f"\u201c{text}\u201d"
    quote = ctx.paragraph(text, ctx.styles.quote, where=block.where, what=what)
    if not block.quote.by:
        quote.keepWithNext = 0
        return [quote]
    by = ctx.paragraph(
        f"\u2014 {block.quote.by}", ctx.styles.quote_by, where=block.where, what=what
    )
    return [quote, by]


def image(ctx: Context, block: Image) -> list[Flowable]:
    spec = block.image
    g = ctx.geometry
    width = spec.width * g.frame_width
    if spec.float_:
        width = beside_width(ctx, spec.width, block, block.where_of("image", "float"), "float")
    prepared = ctx.images.get(spec.src, max_width=width, where=block.where)
    height = width * prepared.aspect
    limit = g.frame_height * _PICTURE_MAX_HEIGHT
    if height > limit:
        width, height = limit / prepared.aspect, limit
        ctx.notes.append(say("pictures.notes.smaller", name=repr(spec.src)))
    low = prepared.low_resolution(spec.src, width)
    if low:
        ctx.notes.append(low)
    picture = Picture(prepared.source, width, height, screen=ctx.images.screen)
    picture.may_move = not spec.keep and not spec.float_
    what = describe(block)
    out: list[Flowable] = [picture]
    if spec.caption:
        out.append(ctx.paragraph(spec.caption, ctx.styles.caption, where=block.where, what=what))
    if spec.credit:
        out.append(ctx.paragraph(spec.credit, ctx.styles.credit, where=block.where, what=what))
    if spec.float_:
        stack = tag(Stack(out, width), Part("picture"))
        beside = Beside(stack, spec.float_, gap=ctx.styles.column_gap * 0.8, may_move=not spec.keep)
        return [tag(beside, Part("picture"))]
    for flowable in out[:-1]:
        flowable.keepWithNext = 1
    if len(out) > 1:
        # The caption and the credit stay within the picture's width, under it.
        out[1:] = [Stack(out[1:], width)]
        out[1].hAlign = "CENTER"
    out[-1].spaceAfter = ctx.styles.body.spaceAfter
    # Too tall for a page, it is the picture with its caption (never a caption alone).
    return [tag(flowable, Part("picture")) for flowable in out]
