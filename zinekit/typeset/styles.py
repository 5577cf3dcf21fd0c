"""Paragraph styles for one body size: every size, leading and space is a multiple of it,
so shrinking to fit scales the whole page evenly. The factors and the font of every style
come from the theme (its type scale, spacing and font roles), never from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import CMYKColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from zinekit.themes import DEFAULT_THEME, Theme, load_theme
from zinekit.typeset.fonts import FontSet
from zinekit.typeset.hyphenate import Hyphenator

# Every colour is black ink only (CMYK with K alone): RGB black and greys come out of a
# printer's colour separation as cyan, magenta and yellow as well.
BLACK = CMYKColor(0, 0, 0, 1)
GREY = CMYKColor(0, 0, 0, 0.65)
# Lines to write on: light enough to write over, dark enough to survive a photocopier (a
# copier's text mode drops the palest greys; 40% at 0.4 pt comes through).
RULE_GREY = CMYKColor(0, 0, 0, 0.4)

# Secondary text (captions, labels, page numbers) never gets smaller than this.
_SMALLEST = 6.0


@dataclass(frozen=True)
class Styles:
    size: float
    leading: float
    body: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    title: ParagraphStyle  # above a list or a resource list
    item: ParagraphStyle  # list items and agreements; indents are set per list
    agreement_text: ParagraphStyle
    affirmation: ParagraphStyle
    prompt: ParagraphStyle
    question: ParagraphStyle  # the prompt of a worksheet block: a write-in, a box, a scale
    small: ParagraphStyle  # labels on worksheets: the ends of a scale, table headings
    kind: ParagraphStyle
    resource_title: ParagraphStyle
    meta: ParagraphStyle
    url: ParagraphStyle
    quote: ParagraphStyle
    quote_by: ParagraphStyle
    caption: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_footer: ParagraphStyle
    back_text: ParagraphStyle
    back_label: ParagraphStyle
    back_small: ParagraphStyle
    folio_size: float
    folio_font: str
    # The magazine's roles. A kicker is a section label over a heading, set in capitals
    # `kicker_tracking` em apart, under a rule or in a box (`kicker_frame`); a lede opens an
    # article; a pull quote sits between rules of `rule_width`; a poster's size is fitted to
    # its longest word, `poster`'s own size is the largest it is ever set; a drop capital
    # spans `dropcap_lines` lines of text; two columns stand `column_gap` apart.
    kicker: ParagraphStyle
    kicker_tracking: float
    heading_tracking: float  # em added after every letter of a heading (h1, h2)
    kicker_frame: str  # "rule" or "box"
    lede: ParagraphStyle
    pullquote: ParagraphStyle
    pullquote_by: ParagraphStyle
    credit: ParagraphStyle
    poster: ParagraphStyle
    dropcap: ParagraphStyle
    dropcap_lines: int
    rule_width: float
    column_gap: float


def make_styles(
    fonts: FontSet, size: float, hyphenator: Hyphenator, theme: Theme | None = None
) -> Styles:
    """All styles for body size `size` (points), in the theme's scale, spacing and fonts
    (`fonts` loaded for that theme; the default theme when none is given)."""
    spec = (theme or load_theme(DEFAULT_THEME)).spec
    scale, space = spec.scale, spec.spacing.block
    leading = round(size * scale.leading, 2)
    small = max(size * scale.small, _SMALLEST)
    caption = max(size * scale.caption, _SMALLEST)
    regular, bold, italic = fonts.name(), fonts.name(bold=True), fonts.name(italic=True)
    base = ParagraphStyle(
        "body",
        fontName=regular,
        bulletFontName=regular,
        fontSize=size,
        leading=leading,
        bulletFontSize=size,
        textColor=BLACK,
        # Ragged right: justified lines open wide gaps before a long URL or e-mail address
        # that cannot break, and in the narrow columns of small pages.
        alignment=TA_LEFT,
        spaceAfter=leading * spec.spacing.paragraph,
        # reportlab calls a hyphenator given here for each word; the stubs allow only a
        # language name.
        hyphenationLang=hyphenator,  # type: ignore[arg-type]
        # Break at a word's own hyphen (orang-orang) and inside long URLs.
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        splitLongWords=1,
        # No single line of a paragraph alone at a page foot or head.
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    def heading(name: str, factor: float, before: float) -> ParagraphStyle:
        return derive(
            name,
            fontName=fonts.role(spec.heading.font),
            fontSize=size * factor,
            leading=size * factor * 1.2,
            hyphenationLang="",
            spaceBefore=leading * before * space,
            spaceAfter=leading * 0.4,
            keepWithNext=1,
        )

    quote_size = size * scale.quote
    title_size = size * scale.title
    kicker_size = max(size * spec.kicker.size, _SMALLEST)
    kicker_font = fonts.role(spec.kicker.font)
    display = fonts.role("display")
    lede_size = size * 1.25
    pull_size = size * 1.45
    credit_size = max(size * 0.72, _SMALLEST)
    poster_size = size * 6
    # A drop capital's top is level with the capitals of the first line, its baseline is
    # the baseline of line `dropcap_lines`.
    dropcap_lines = 3
    cap_height = _cap_height(display)
    dropcap_size = ((dropcap_lines - 1) * leading + _cap_height(regular) * size) / cap_height
    return Styles(
        size=size,
        leading=leading,
        body=base,
        h1=heading("h1", scale.h1, 1.1),
        h2=heading("h2", scale.h2, 0.8),
        title=derive(
            "title",
            fontName=bold,
            hyphenationLang="",
            spaceBefore=leading * 0.3 * space,
            spaceAfter=leading * 0.3,
            keepWithNext=1,
        ),
        item=derive("item", spaceAfter=leading * 0.25),
        agreement_text=derive("agreement-text", spaceAfter=leading * 0.45),
        affirmation=derive(
            "affirmation",
            # The pattern repeats line after line: never break inside a word of it.
            hyphenationLang="",
            embeddedHyphenation=0,
            spaceAfter=leading * 0.35,
        ),
        prompt=derive("prompt", fontName=italic, spaceBefore=leading * 0.5 * space),
        question=derive(
            "question",
            fontName=bold,
            spaceBefore=leading * 0.6 * space,
            spaceAfter=leading * 0.2,
        ),
        small=derive("small", fontSize=small, leading=small * 1.25, spaceAfter=0),
        kind=derive(
            "kind",
            fontName=bold,
            fontSize=small,
            leading=small * 1.3,
            textColor=GREY,
            spaceAfter=0,
        ),
        resource_title=derive("resource-title", fontName=bold, spaceAfter=0),
        meta=derive(
            "meta",
            fontSize=small,
            leading=small * 1.35,
            spaceAfter=leading * 0.2,
        ),
        url=derive(
            "url",
            fontName=fonts.role(spec.text.links),
            fontSize=small,
            leading=small * 1.3,
            hyphenationLang="",
            spaceAfter=0,
        ),
        quote=derive(
            "quote",
            fontName=italic,
            fontSize=quote_size,
            leading=quote_size * 1.3,
            hyphenationLang="",
            spaceBefore=leading * 0.6 * space,
            spaceAfter=leading * 0.25,
            keepWithNext=1,
        ),
        quote_by=derive("quote-by", alignment=TA_RIGHT, spaceAfter=leading * 1.0 * space),
        caption=derive(
            "caption",
            fontName=italic,
            fontSize=caption,
            leading=caption * 1.3,
            spaceBefore=leading * 0.25,
        ),
        cover_title=derive(
            "cover-title",
            fontName=fonts.role(spec.cover.font),
            fontSize=title_size,
            leading=title_size * 1.1,
            hyphenationLang="",
            # A title breaks between words only: "Tak" / "Apa-Apa", never "Tak Apa-" / "Apa".
            embeddedHyphenation=0,
            spaceAfter=size,
        ),
        cover_subtitle=derive(
            "cover-subtitle",
            fontSize=size * 1.35,
            leading=size * 1.35 * 1.3,
            hyphenationLang="",
        ),
        cover_footer=derive("cover-footer", fontSize=small, leading=small * 1.3),
        back_text=derive("back-text"),
        back_label=derive("back-label", fontName=bold, spaceAfter=0),
        back_small=derive("back-small", fontSize=small, leading=small * 1.3, spaceAfter=0),
        folio_size=small,
        folio_font=fonts.role(spec.page_numbers.font),
        kicker=derive(
            "kicker",
            fontName=kicker_font,
            fontSize=kicker_size,
            leading=kicker_size * 1.3,
            hyphenationLang="",
            embeddedHyphenation=0,
            spaceBefore=leading * 1.1,
            spaceAfter=leading * 0.25,
            keepWithNext=1,
        ),
        # The theme's letter-spacing; a kicker is drawn letter by letter, so it shows.
        kicker_tracking=spec.kicker.letter_spacing,
        heading_tracking=spec.heading.letter_spacing,
        kicker_frame="rule",
        lede=derive(
            "lede",
            fontSize=lede_size,
            leading=lede_size * 1.32,
            spaceAfter=leading * 0.9,
        ),
        pullquote=derive(
            "pullquote",
            fontName=bold,
            fontSize=pull_size,
            leading=pull_size * 1.22,
            hyphenationLang="",
            embeddedHyphenation=0,
            spaceAfter=0,
        ),
        pullquote_by=derive(
            "pullquote-by",
            fontName=italic,
            fontSize=small,
            leading=small * 1.3,
            spaceBefore=leading * 0.3,
            spaceAfter=0,
        ),
        credit=derive(
            "credit",
            fontSize=credit_size,
            leading=credit_size * 1.25,
            alignment=TA_RIGHT,
            hyphenationLang="",
            spaceBefore=leading * 0.1,
        ),
        poster=derive(
            "poster",
            fontName=display,
            fontSize=poster_size,
            leading=poster_size * 1.05,
            alignment=TA_CENTER,
            hyphenationLang="",
            embeddedHyphenation=0,
            spaceBefore=leading * 0.5,
            spaceAfter=leading * 0.8,
        ),
        dropcap=derive(
            "dropcap",
            fontName=display,
            fontSize=dropcap_size,
            leading=dropcap_size,
            hyphenationLang="",
        ),
        dropcap_lines=dropcap_lines,
        rule_width=max(0.6, size * 0.08),
        column_gap=max(leading * 1.3, 12.0),
    )


def _cap_height(font: str) -> float:
    """The height of a capital letter of `font`, in ems."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    cap = getattr(face, "capHeight", 0) or 700
    return float(cap) / 1000
