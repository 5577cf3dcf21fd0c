"""The front cover, the title on page 1 of a publication without one, and the back cover:
pages laid out whole (`FullPage`) rather than flowed.

A cover has a template (`cover: {template: ...}`, else the theme's): `stacked` (title and
subtitle, the picture, the footer), `knockout` (a full-bleed picture with the title in
white type on a solid black panel) or `type` (the title as big type alone, fitted so its
longest word fills the width). Each is set in the theme's display font, case and rule."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getDescent
from reportlab.platypus import Flowable

from zinekit.content import model as m
from zinekit.errors import TypesetError
from zinekit.i18n import say
from zinekit.themes.model import Rule
from zinekit.typeset.context import Context
from zinekit.typeset.fitting import fit_words, widest_word
from zinekit.typeset.flowables import FullPage, OutlineMark, Picture, draw_stack, stack_height
from zinekit.typeset.geometry import Geometry
from zinekit.typeset.images import PRINT_PPI
from zinekit.typeset.magazine import Poster, fit_poster, poster_words
from zinekit.typeset.markup import Run, to_xml
from zinekit.typeset.ornaments import RuleLine
from zinekit.typeset.paragraph import Para
from zinekit.typeset.styles import BLACK


def masthead(ctx: Context, pub: m.Publication) -> list[Flowable]:
    """Title and subtitle above the first block, for a publication without a cover."""
    s = ctx.styles
    width = ctx.geometry.frame_width
    title_style = ParagraphStyle(
        "masthead",
        parent=s.cover_title,
        fontSize=s.h1.fontSize * 1.25,
        leading=s.h1.fontSize * 1.25 * 1.15,
        spaceAfter=s.leading * 0.3,
        keepWithNext=1,
    )
    title_style = fit_words(ctx.fonts, title_style, pub.title, width)
    out: list[Flowable] = [
        ctx.paragraph(
            pub.title, title_style, where=pub.where_of("title"), what=say("typeset.parts.title")
        )
    ]
    if pub.subtitle:
        subtitle_style = ParagraphStyle(
            "masthead-subtitle", parent=s.cover_subtitle, spaceAfter=s.leading, keepWithNext=1
        )
        subtitle_style = fit_words(ctx.fonts, subtitle_style, pub.subtitle, width)
        out.append(
            ctx.paragraph(
                pub.subtitle,
                subtitle_style,
                where=pub.where_of("subtitle"),
                what=say("typeset.parts.subtitle"),
            )
        )
    else:
        title_style.spaceAfter = s.leading
    return out


def cover_page(ctx: Context, pub: m.Publication, cover: m.Cover) -> Flowable:
    """The cover in its template; `stacked`: title and subtitle at the top, footer at the
    foot, the picture between them."""
    template = cover.template or ctx.theme.spec.cover.template
    if template == "knockout":
        return knockout_cover(ctx, pub, cover)
    if template == "type":
        return type_cover(ctx, pub, cover)
    look = ctx.theme.spec.cover
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
        bottom.append(
            ctx.paragraph(footer, s.cover_footer, where=where, what=say("typeset.parts.cover"))
        )
    outline = OutlineMark(ctx.labels["cover"], 0, "cover")
    ctx.check_own(ctx.labels["cover"], where=where, what=say("typeset.parts.outline"))
    # A long title gets smaller until title, subtitle and footer fill at most 60% of
    # the page; the picture takes what is left.
    for factor in (1.0, 0.85, 0.7, 0.6, 0.5):
        title_style = ParagraphStyle(
            "cover-title",
            parent=s.cover_title,
            fontSize=s.cover_title.fontSize * factor,
            leading=s.cover_title.leading * factor,
        )
        # Never "PE" / "RASAANMU": the longest word fits the width, or the title is smaller.
        title_style = fit_words(ctx.fonts, title_style, pub.cover_title, width, case=look.case)
        top: list[Flowable] = [
            outline,
            ctx.paragraph(
                pub.cover_title,
                title_style,
                where=where,
                what=say("typeset.parts.cover-title"),
                case=look.case,
            ),
        ]
        if look.rule.style != "none":
            top.append(_rule(ctx, pub, look.rule))
        if pub.cover_subtitle:
            subtitle_style = fit_words(ctx.fonts, s.cover_subtitle, pub.cover_subtitle, width)
            top.append(
                ctx.paragraph(
                    pub.cover_subtitle, subtitle_style, where=where, what=say("typeset.parts.cover")
                )
            )
        page = FullPage(top, bottom, None, gap=s.leading)
        if page.needed(width) <= 0.6 * height:
            break
    if page.needed(width) > height:
        raise TypesetError(
            say("typeset.covers.crowded"),
            where=where,
            hint=say("typeset.covers.crowded-hint"),
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
            say("typeset.covers.no-room-for-image"),
            where=where,
            hint=say("typeset.covers.no-room-for-image-hint"),
        )
    return page


# Type knocked out of the black panel: the paper shows through, no ink at all.
PAPER = CMYKColor(0, 0, 0, 0)
# The type cover's title takes at most this share of the page's height.
_TYPE_COVER_SHARE = 0.62


def _rule(ctx: Context, pub: m.Publication, rule: Rule) -> RuleLine:
    return RuleLine(
        rule, seed=pub.cover_title, space=ctx.styles.leading * 0.6, keep_with_next=False
    )


def _fitted_title(
    ctx: Context,
    pub: m.Publication,
    cover: m.Cover,
    *,
    largest: float,
    width: float,
    room: float,
    colour: Color | None = None,
) -> Para:
    """The cover title in the theme's display style at the largest size up to `largest`
    at which no word is split and the title is at most `room` high."""
    s, look = ctx.styles, ctx.theme.spec.cover
    # The largest size at which every word fits the width on a line of its own: set at most
    # this large, the title breaks between words only, never inside one.
    widest = widest_word(ctx.fonts, s.cover_title, pub.cover_title, 1.0, look.case)
    size = min(largest, width / widest * 0.98 if widest else largest)
    smallest = s.size * 1.2
    while True:
        # Set this tight (leading 1.02), the last line's descenders hang below its box by
        # nearly their whole depth: the space after makes room for them, so that a "y" or
        # "g" of a big title never touches the subtitle under it.
        leading = size * 1.02
        hanging = max(0.0, -getDescent(s.cover_title.fontName, size) - (leading - size))
        style = ParagraphStyle(
            "cover-title-fitted",
            parent=s.cover_title,
            fontSize=size,
            leading=leading,
            spaceAfter=s.leading * 0.6 + hanging,
            textColor=colour if colour is not None else s.cover_title.textColor,
        )
        para = ctx.paragraph(
            pub.cover_title,
            style,
            where=cover.where,
            what=say("typeset.parts.cover-title"),
            case=look.case,
        )
        if para.wrap(width, 1e6)[1] <= room or size <= smallest:
            return para
        size = max(smallest, size * 0.94)


def type_cover(ctx: Context, pub: m.Publication, cover: m.Cover) -> FullPage:
    """Big type only: the title fitted to the page's width by its longest word, then the
    theme's rule and the subtitle; the footer at the foot. A picture is not shown."""
    s, g = ctx.styles, ctx.geometry
    where = cover.where
    width, height = g.width - 2 * g.inner, g.height - 2 * g.top
    if cover.image:
        ctx.notes.append(say("pictures.notes.cover-not-shown"))
    ctx.check_own(ctx.labels["cover"], where=where, what=say("typeset.parts.outline"))
    title = _fitted_title(
        ctx,
        pub,
        cover,
        largest=s.cover_title.fontSize * 4,
        width=width,
        room=height * _TYPE_COVER_SHARE,
    )
    top: list[Flowable] = [OutlineMark(ctx.labels["cover"], 0, "cover"), title]
    look = ctx.theme.spec.cover
    if look.rule.style != "none":
        top.append(_rule(ctx, pub, look.rule))
    if pub.cover_subtitle:
        top.append(
            ctx.paragraph(
                pub.cover_subtitle, s.cover_subtitle, where=where, what=say("typeset.parts.cover")
            )
        )
    bottom: list[Flowable] = []
    if cover.footer:
        bottom.append(
            ctx.paragraph(
                cover.footer, s.cover_footer, where=where, what=say("typeset.parts.cover")
            )
        )
    page = FullPage(top, bottom, None, gap=s.leading)
    if page.needed(width) > height:
        raise TypesetError(
            say("typeset.covers.crowded"),
            where=where,
            hint=say("typeset.covers.crowded-hint"),
        )
    return page


def knockout_cover(ctx: Context, pub: m.Publication, cover: m.Cover) -> Flowable:
    """A full-bleed picture (grey with --photocopy) with the title, subtitle and footer in
    white type on a solid black panel across the foot of the page: solid black and white
    photocopy cleanly, where type printed over a photo would not."""
    s, g = ctx.styles, ctx.geometry
    where = cover.where
    width = g.width - 2 * g.inner
    ctx.check_own(ctx.labels["cover"], where=where, what=say("typeset.parts.outline"))
    title = _fitted_title(
        ctx,
        pub,
        cover,
        largest=s.cover_title.fontSize,
        width=width,
        room=(g.height - 2 * g.top) * 0.4,
        colour=PAPER,
    )
    inside: list[Flowable] = [title]
    if pub.cover_subtitle:
        style = ParagraphStyle("cover-subtitle-knockout", parent=s.cover_subtitle, textColor=PAPER)
        inside.append(
            ctx.paragraph(pub.cover_subtitle, style, where=where, what=say("typeset.parts.cover"))
        )
    if cover.footer:
        style = ParagraphStyle(
            "cover-footer-knockout", parent=s.cover_footer, textColor=PAPER, spaceBefore=s.leading
        )
        inside.append(
            ctx.paragraph(cover.footer, style, where=where, what=say("typeset.parts.cover"))
        )
    picture = None
    if cover.image:
        paper_w, paper_h = g.width + 2 * g.bleed, g.height + 2 * g.bleed
        prepared = ctx.images.get(cover.image, max_width=paper_w, where=where)
        if prepared.aspect < paper_h / paper_w:  # wider than the page: cut at the sides
            prepared = ctx.images.get(cover.image, max_width=paper_h / prepared.aspect, where=where)
        picture = Picture(
            prepared.source, paper_w, paper_h, aspect=prepared.aspect, screen=ctx.images.screen
        )
    page = KnockoutPage(inside, picture, geometry=g, padding=s.leading)
    page.outline = OutlineMark(ctx.labels["cover"], 0, "cover")
    if page.panel_height(width) > g.height - 2 * g.top:
        raise TypesetError(
            say("typeset.covers.crowded"),
            where=where,
            hint=say("typeset.covers.crowded-hint"),
        )
    return page


class KnockoutPage(Flowable):
    """The knockout cover, drawn whole: the picture over all the paper (bleed included),
    then the black panel from the foot of the paper up to the text's top plus `padding`,
    then the text, its margins kept."""

    def __init__(
        self,
        inside: list[Flowable],
        picture: Picture | None,
        *,
        geometry: Geometry,
        padding: float,
    ) -> None:
        super().__init__()
        self.inside, self.picture, self.g, self.padding = inside, picture, geometry, padding
        self.outline: Flowable | None = None

    def panel_height(self, width: float) -> float:
        return stack_height(self.inside, width) + 2 * self.padding

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, aH
        return aW, aH

    def draw(self) -> None:
        g, canv = self.g, self.canv
        # The frame starts at the margins; the paper's corner is below and left of it.
        left, foot = -g.inner - g.bleed, -g.top - g.bleed
        if self.outline is not None:
            self.outline.drawOn(canv, 0, self.height)
        if self.picture is not None:
            self.picture.drawOn(canv, left, foot)
        panel = self.panel_height(self.width) + g.top - self.padding
        canv.saveState()
        canv.setFillColor(BLACK)
        canv.rect(left, foot, g.width + 2 * g.bleed, panel + g.bleed, stroke=0, fill=1)
        canv.restoreState()
        draw_stack(canv, self.inside, self.width, panel - g.top - self.padding)


def back_page(ctx: Context, back: m.Back) -> FullPage:
    """The closing text at the top; contact and licence at the foot."""
    s, g = ctx.styles, ctx.geometry
    width, height = g.width - 2 * g.inner, g.height - 2 * g.top
    what = say("typeset.parts.back-cover")
    top: list[Flowable] = [OutlineMark(ctx.labels["back-cover"], 0, "back-cover")]
    ctx.check_own(ctx.labels["back-cover"], where=back.where, what=say("typeset.parts.outline"))
    if back.text:
        top += ctx.paragraphs(back.text, s.back_text, where=back.where, what=what)
    bottom: list[Flowable] = []
    if back.contact:
        label = ctx.labels["contact"]
        ctx.check_own(label, where=back.where, what=what)
        bottom.append(Para(to_xml([Run(label)]), s.back_label))
        bottom += ctx.paragraphs(back.contact, s.back_text, where=back.where, what=what)
    if back.license:
        bottom.append(ctx.paragraph(back.license, s.back_small, where=back.where, what=what))
    page = FullPage(top, bottom, gap=s.leading)
    if back.slogan:
        # The slogan takes the room between the text and the foot, as a poster.
        bold, italic = ctx.fonts.style_of(s.poster.fontName)
        ctx.fonts.check([Run(back.slogan, bold, italic)], where=back.where, what=what)
        room = height - page.needed(width) - 2 * s.leading
        fitted = fit_poster(poster_words(back.slogan), s.poster, width, room, s.h1.fontSize)
        if fitted is None:
            raise TypesetError(
                say("typeset.covers.slogan"),
                where=back.where,
                hint=say("typeset.covers.slogan-hint"),
            )
        poster = Poster(fitted, s.poster, space_before=0, space_after=0)
        poster.wrap(width, room)
        page.middle = poster
    if page.needed(width) > height:
        raise TypesetError(
            say("typeset.covers.back-crowded"),
            where=back.where,
            hint=say("typeset.covers.back-crowded-hint"),
        )
    return page
